#!/usr/bin/env bash
# Builds the benchmarks, runs the evaluation benchmarks with the GC profiler, and prints the table of
# each benchmark's time, its ratio to the floor measured in the same run, its target and the bytes it
# allocated per call.
#
# Usage: flags-benchmarks/run.sh [more JMH options]
#   JMH_SETTINGS replaces the forks, iterations and their times, for example
#   JMH_SETTINGS='-f 1 -wi 3 -w 1s -i 5 -r 1s' flags-benchmarks/run.sh for a quicker, noisier run
set -euo pipefail

cd "$(dirname "$0")/.."
mvn -q -pl flags-benchmarks -am -DskipTests package

jar=flags-benchmarks/target/benchmarks.jar
results=flags-benchmarks/target/jmh-results.json
# Three forks: on a shared machine one JVM can run a benchmark 20-40 % slower than the next (where
# its memory and code land), for the floors as for the rest; the mean over three evens that out
settings=${JMH_SETTINGS:--f 3 -wi 3 -w 1s -i 5 -r 1s}
# shellcheck disable=SC2086 # the settings are several options
java -jar "$jar" '^dev\.flags\.benchmarks\.EvaluationBenchmark\.' $settings -bm avgt -tu ns -prof gc \
	-rf json -rff "$results" "$@"

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), results in $results"
echo
java -cp "$jar" dev.flags.benchmarks.Report "$results"
