#!/usr/bin/env bash
# Benchmark: finding 200 comment threads' passages again in a long section after edits (what the comments panel
# does on each refresh), p50/p95 per read, and a count of misplaced anchors (must be 0).
# Usage: bash src/bench/comment-anchors.sh [threads] [reads]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" fr.atelier51.bench.CommentAnchorsBench "$@"
echo "machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
