#!/usr/bin/env bash
# Benchmark: knowledge base import + index time, index size and query latency (p50/p95/p99 over 1,000+ mixed
# queries) of our search service, compared in the same run with a bare Lucene IndexSearcher on the same index and
# with H2's native full-text search (FT_SEARCH) on the same passages.
# The bare-Lucene baseline runs the very Query objects the service builds (top 10 + the same stored fields), so
# the ratio is our overhead (query building, grouping by article, snippets, hit assembly); H2 returns its top-10
# rows. Figures are wall and per-thread CPU time; with other work on the machine, read the CPU columns.
# Usage: bash src/bench/knowledge-search.sh [codes] [rounds] [no-h2|profile]
#   codes default: Code de la sécurité sociale + Code du travail (LEGITEXT000006073189,LEGITEXT000006072050)
#   no-h2: skip H2 (quicker); profile: CPU time of each stage of a search instead of the comparison
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ "${3:-}" = "profile" ]; then
  exec java -Xmx1g -cp "$CP" fr.atelier51.knowledge.service.KnowledgeSearchProfile "${1:-LEGITEXT000006073189,LEGITEXT000006072050}"
fi
java -Xmx1g -cp "$CP" \
  fr.atelier51.bench.KnowledgeSearchBench "${1:-LEGITEXT000006073189,LEGITEXT000006072050}" "${2:-3}" "${3:-}"
