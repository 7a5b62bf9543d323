#!/usr/bin/env bash
# Benchmark: the letter history on a section with 10,000 changes typed through the sync engine and persisted in H2
# (two people taking turns, and one person alone as the worst case for grouping into sessions): first page of
# sessions, a page deep in the past, the API's deepest page by number (page=) and by cursor (before=), any version's
# text, diffs, a restore — p50/p95 in ms.
# Usage: bash src/bench/history.sh [changes] [rounds]   (defaults 10000 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  fr.atelier51.bench.HistoryBench "${1:-10000}" "${2:-30}"
