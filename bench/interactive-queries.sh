#!/usr/bin/env bash
# Interactive-query latency, DirectRunner vs in-process, in one warm JVM (see
# runners/src/test/java/io/msqbeam/runners/bench/InteractiveQueriesBenchmark.java).
# Usage: bench/interactive-queries.sh [runs per query and runner, default 50]
# Needs the modules installed first: mvn -B -ntp -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
classpath_file="$PWD/runners/target/bench-classpath.txt"
mvn -B -ntp -q -o -pl runners test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
flags="$(sed -n 's:.*<jvm.module.flags>\(.*\)</jvm.module.flags>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086 # the module flags are several words on purpose
exec java $flags -Xmx2g -Dlog4j2.level=WARN \
  -cp "runners/target/test-classes:runners/target/classes:$(cat "$classpath_file")" \
  io.msqbeam.runners.bench.InteractiveQueriesBenchmark "$runs" examples/data
