#!/usr/bin/env bash
# Ingestion benchmark (issue 6): wikiticker-shaped NDJSON of each size, generated deterministically by
# ../shared/tools/make-wiki-data.py (or $MSQ_BEAM_DATA_TOOL), ingested with fixture msq-a's
# INSERT … PARTITIONED BY DAY on each configuration, each in a fresh server (bin/msq-beam server) warmed
# up by one ingestion of the 100k-row file,
# against a single-thread Jackson parse of the same file measured in the same run; also the server's CPU seconds
# for the job and its CPU per row against the reference's (a figure other work on the machine does not stretch).
# Usage: bench/ingest.sh [sizes, default 100000,1000000,5000000] [configs, default direct,flink-1,flink-2]
# Environment: BENCH_DATA (where the generated files are kept, default bench/work), JAVA_OPTS (server JVM),
#              BENCH_DIRECT_MAX_ROWS (larger inputs skip the DirectRunner, default 1000000),
#              BENCH_RUNS (measured ingestions per configuration in the same server, one row each, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
sizes="${1:-100000,1000000,5000000}"
configs="${2:-direct,flink-1,flink-2}"
data_dir="${BENCH_DATA:-$repo/bench/work}"
tool="${MSQ_BEAM_DATA_TOOL:-$repo/../shared/tools/make-wiki-data.py}"
mkdir -p "$data_dir"

# 100k rows also warm every server up before its measured run.
for rows in 100000 ${sizes//,/ }; do
  file="$data_dir/wiki-$rows.json"
  if [[ ! -s "$file" ]]; then
    echo "generating $file" >&2
    python3 "$tool" "$rows" "$file.tmp" >&2 && mv "$file.tmp" "$file"
  fi
done

# The server jar, its classpath and the harness, built by one reactor build when missing (after
# code changes, rebuild with: mvn -B -ntp -q package -DskipTests).
if [[ ! -f api-server/target/classpath.txt || ! -f api-server/target/test-classes/io/msqbeam/server/bench/IngestBenchmark.class ]]; then
  mvn -B -ntp -q package -DskipTests
fi
flags="$(sed -n 's:.*<jvm.module.flags>\(.*\)</jvm.module.flags>.*:\1:p' pom.xml)"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # the module flags are several words on purpose
exec java $flags -Xmx2g -cp "api-server/target/test-classes:api-server/target/classes:$(cat api-server/target/classpath.txt)" \
  io.msqbeam.server.bench.IngestBenchmark "$repo" "$data_dir" "$sizes" "$configs" "${BENCH_DIRECT_MAX_ROWS:-1000000}" \
  "${BENCH_RUNS:-1}"
