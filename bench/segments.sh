#!/usr/bin/env bash
# Segment writing benchmark: the day segments of wikiticker-shaped rows (fixture msq-a's columns) written by
# msq-beam's SegmentWriter and by Druid's own appenderator path (on-heap incremental index, persist, merge) in one
# JVM, alternately; prints µs per row of each and the ratio. Rows are parsed before the timings.
# Usage: bench/segments.sh [rows, default 300000] [measured rounds, default 5]
# Environment: BENCH_DATA (where the generated file is kept, default bench/work).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
rows="${1:-300000}"
rounds="${2:-5}"
data_dir="${BENCH_DATA:-$repo/bench/work}"
tool="${MSQ_BEAM_DATA_TOOL:-$repo/../shared/tools/make-wiki-data.py}"
mkdir -p "$data_dir"
file="$data_dir/wiki-$rows.json"
if [[ ! -s "$file" ]]; then
  echo "generating $file" >&2
  python3 "$tool" "$rows" "$file.tmp" >&2 && mv "$file.tmp" "$file"
fi
if [[ ! -f pipelines/target/test-classes/io/msqbeam/pipelines/segment/SegmentWriterBenchmark.class \
      || ! -f pipelines/target/classpath.txt ]]; then
  mvn -B -ntp -q test-compile -pl pipelines -am
  mvn -B -ntp -q dependency:build-classpath -pl pipelines -Dmdep.outputFile=target/classpath.txt
fi
flags="$(sed -n 's:.*<jvm.module.flags>\(.*\)</jvm.module.flags>.*:\1:p' pom.xml)"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # the module flags are several words on purpose
exec java $flags -Xmx2g -cp "pipelines/target/test-classes:pipelines/target/classes:$(cat pipelines/target/classpath.txt)" \
  io.msqbeam.pipelines.segment.SegmentWriterBenchmark "$file" "$rows" "$rounds"
