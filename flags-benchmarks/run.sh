#!/usr/bin/env bash
# Builds the benchmarks, runs them with the GC profiler and prints the table of results.
# Usage: flags-benchmarks/run.sh [extra JMH options, e.g. a benchmark regex]
set -euo pipefail

cd "$(dirname "$0")/.."
mvn -q -pl flags-benchmarks -am -DskipTests package

jar=flags-benchmarks/target/benchmarks.jar
results=flags-benchmarks/target/jmh-results.json
java -jar "$jar" -f 1 -wi 3 -w 1s -i 5 -r 1s -bm avgt -tu ns -prof gc -rf json -rff "$results" "$@"

echo
echo "Results: $results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo
java -cp "$jar" dev.flags.benchmarks.Report "$results"
