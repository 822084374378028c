#!/bin/sh
# Full pipeline throughput: `zhnews` over many article files made from data/samples, with
# the LAC tagger (the default) and without it (--no-tagger).
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
bench_row "process --no-tagger: $count files" "$bytes" "full pipeline without LAC, one process" \
    "$build/zhnews" --no-tagger "$dir"/*.txt
few=$(ls "$dir"/1[0-9]-*.txt)
bytes=$(cat $few | wc -c)
count=$(echo "$few" | wc -l)
# shellcheck disable=SC2086
bench_row "process (with LAC): $count files" "$bytes" "full pipeline, one process" \
    "$build/zhnews" $few
