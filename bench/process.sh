#!/bin/sh
# Full pipeline throughput: `zhnews` over many article files made from data/samples.
. bench/lib.sh
build=${1:-build}
dir="${ZHNEWS_BENCH_DIR:-/tmp/zhnews-bench}/articles"
if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    i=0
    while [ $i -lt 250 ]; do
        for f in data/samples/*.txt; do cp "$f" "$dir/$i-$(basename "$f")"; done
        i=$((i + 1))
    done
fi
bytes=$(cat "$dir"/*.txt | wc -c)
count=$(ls "$dir" | wc -l)
bench_row "process: $count article files" "$bytes" "full pipeline, one process" \
    "$build/zhnews" "$dir"/*.txt
