#!/usr/bin/env bash
# Benchmark of live co-editing (issue 5):
#  1. the sync engine alone, as in the app (LetterService, LiveSection, H2 file database, every change persisted
#     before it is acknowledged), with 10, 50 and 200 simulated editors typing ~5 characters per second each on one
#     section → server time per sync p50/p95/p99, syncs/s, heap, divergence and loss counts (must be 0);
#  2. real browsers: 5 headless Chromium contexts typing in one section → keystroke-to-peer-display latency.
# Usage: bash src/bench/co-editing.sh [--seconds 60] [--editors 10,50,200] [--browser-seconds 30] [--browsers 5]
#        [--warm-up 15] [--production] [--engine-only | --browsers-only]      (needs /usr/bin/chromium for part 2)
#  --production: the browsers meet the production build (the jar the Docker image runs: optimised client bundle,
#  no development-mode server), built from a copy of this working tree (needs Node and npm, as for the Docker
#  build) and started with the dev profile's demo data; without it, the app runs in development mode in the
#  benchmark's JVM. Both type for --warm-up seconds before measuring (a server runs for days, not 30 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=60 editors=10,50,200 browser_seconds=30 browsers=5 warm_up=15 production=0 engine=1 real=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift ;;
    --editors) editors=$2; shift ;;
    --browser-seconds) browser_seconds=$2; shift ;;
    --browsers) browsers=$2; shift ;;
    --warm-up) warm_up=$2; shift ;;
    --production) production=1 ;;
    --engine-only) real=0 ;;
    --browsers-only) engine=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
if [ "$engine" = 1 ]; then
  java -Xmx1g -cp "$cp" fr.atelier51.bench.CoEditingBench --seconds "$seconds" --editors "$editors"
  echo "load after the engine runs: $(uptime | sed 's/.*load average/load average/')"
fi
if [ "$real" = 1 ]; then
  # Dev mode serves the committed dev bundle (src/main/bundles/dev.bundle); Node 24 only if frontend/ changed since.
  [ -x /opt/node24/bin/node ] && export PATH="/opt/node24/bin:$PATH"
  if [ "$production" = 1 ]; then
    build=$(mktemp -d) data=$(mktemp -d)
    # the working tree as it is (tracked and new files), without build outputs
    git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$build"
    (cd "$build" && mvn -B -q -Pproduction -DskipTests package)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')
    java -Xmx1g -jar "$build"/target/atelier51-*.jar --server.port="$port" --atelier51.data-dir="$data" \
      --atelier51.knowledge.build-on-start=false --spring.profiles.active=dev > "$build/app.log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null; rm -rf "$build" "$data"' EXIT
    until grep -q "Started Application" "$build/app.log"; do
      kill -0 $app 2>/dev/null || { cat "$build/app.log"; exit 1; }
      sleep 1
    done
    grep -o "Vaadin is running in production mode" "$build/app.log"
    java -Xmx1g -Dbench.url="http://localhost:$port/" -cp "$cp" fr.atelier51.bench.BrowserLatencyBench \
      "$browser_seconds" "$browsers" "$warm_up"
  else
    java -Xmx1g -cp "$cp" fr.atelier51.bench.BrowserLatencyBench "$browser_seconds" "$browsers" "$warm_up"
  fi
  echo "load after the browser run: $(uptime | sed 's/.*load average/load average/')"
fi
