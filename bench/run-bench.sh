#!/bin/sh
# `make bench`: runs every bench/*.sh (each prints rows "| case | MB/s | peak MiB | note |")
# and prints one table. Data is generated under ${TMPDIR:-/tmp}/zhnews-bench.
build=${1:-build}
export ZHNEWS_BENCH_DIR="${TMPDIR:-/tmp}/zhnews-bench"
mkdir -p "$ZHNEWS_BENCH_DIR"
echo "zhnews benchmarks — $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
echo
echo "| case | MB/s | peak RSS MiB | notes |"
echo "|---|---|---|---|"
for s in bench/*.sh; do
    [ "$s" = bench/run-bench.sh ] && continue
    [ "$s" = bench/lib.sh ] && continue
    sh "$s" "$build"
done
