#!/usr/bin/env bash
# Benchmark: server heap used after N signed-in idle sessions (real Chromium sessions on the project list).
# Usage: bash src/bench/sessions-heap.sh [sessions]   (default 50; needs /usr/bin/chromium and the production jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-50}
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
jar=$(ls target/atelier51-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { mvn -B -q -Pproduction -DskipTests package; jar=$(ls target/atelier51-*.jar | head -1); }
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
data=$(mktemp -d)
port=18090
# Dev profile for its demo accounts; the jar itself is the production build.
ATELIER51_DATA_DIR="$data" java -Xmx1g -jar "$jar" --spring.profiles.active=dev --server.port=$port > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done
# The knowledge index is built in the background on a fresh data dir: measure only once it is done.
until curl -sf -u claire.martin@demo.atelier51.fr:atelier51-demo "http://localhost:$port/api/knowledge/search?q=FISS" \
    | grep -q '"indexing":false'; do sleep 1; done
java -cp "target/test-classes:$(cat target/bench.classpath)" fr.atelier51.bench.IdleSessionsHeap \
  "http://localhost:$port/" "$pid" "$sessions" claire.martin@demo.atelier51.fr atelier51-demo
echo "machine: $(nproc) cores; server started with -Xmx1g"
