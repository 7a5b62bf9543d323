#!/usr/bin/env bash
# Benchmark: cold start of the packaged production jar to a healthy readiness probe.
# Usage: bash src/bench/cold-start.sh [runs]   (builds the jar with -Pproduction if missing)
# Prints each run and the median, in milliseconds. Run 1 starts on an empty data dir (migrations run).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
jar=$(ls target/atelier51-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  "$JAVA_HOME/bin/java" -version >/dev/null 2>&1
  JAVA_HOME=$JAVA_HOME mvn -B -q -Pproduction -DskipTests package
  jar=$(ls target/atelier51-*.jar | head -1)
fi
data=$(mktemp -d)
port=18080
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  ATELIER51_DATA_DIR="$data" ATELIER51_ADMIN_EMAIL=bench@exemple.fr ATELIER51_ADMIN_PASSWORD='Cold-Start-2026!' \
    "$JAVA_HOME/bin/java" -jar "$jar" --spring.profiles.active=prod --server.port=$port \
    --server.servlet.session.cookie.secure=false > "$data/run-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "app died, see $data/run-$i.log" >&2; exit 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms to readiness UP"
  kill $pid; wait $pid 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs on $(nproc) cores (jar: $jar)"
rm -rf "$data"
