#!/bin/sh
# `zhnews batch` throughput and peak memory on a generated tree of 5,040 article files (100
# folders), at -j 1 and -j 2, and the speed-up per core (target: >= 1.8x at -j 2 on
# two cores). Peak RSS must not grow with the number of files: the 1,000-file row shows it.
. bench/lib.sh
build=${1:-build}
base="${ZHNEWS_BENCH_DIR:-/tmp/zhnews-bench}"
tree="$base/batch-tree"
if [ ! -f "$tree/.complete" ]; then
    rm -rf "$tree"
    i=0
    while [ $i -lt 560 ]; do
        d="$tree/$((i % 100))"
        mkdir -p "$d"
        for f in data/samples/*.txt; do cp "$f" "$d/$i-$(basename "$f")"; done
        i=$((i + 1))
    done
    mkdir -p "$base/batch-small"
    cp -r "$tree/1" "$tree/2" "$tree/3" "$tree/4" "$tree/5" "$tree/6" "$tree/7" "$tree/8" \
        "$tree/9" "$tree/10" "$tree/11" "$tree/12" "$tree/13" "$tree/14" "$tree/15" \
        "$tree/16" "$tree/17" "$tree/18" "$tree/19" "$tree/20" "$base/batch-small/"
    touch "$tree/.complete"
fi
count=$(find "$tree" -name '*.txt' | wc -l)
bytes=$(find "$tree" -name '*.txt' -exec cat {} + | wc -c)
small=$(find "$base/batch-small" -name '*.txt' | wc -l)
small_bytes=$(find "$base/batch-small" -name '*.txt' -exec cat {} + | wc -c)
out="$base/batch-out"
row1=$(bench_row "batch -j 1: $count files" "$bytes" "one worker" "$build/zhnews" batch -j 1 "$tree" "$out")
echo "$row1"
row2=$(bench_row "batch -j 2: $count files" "$bytes" "two workers" "$build/zhnews" batch -j 2 "$tree" "$out")
echo "$row2"
bench_row "batch -j 2: $small files" "$small_bytes" "peak RSS vs. 5,000 files" \
    "$build/zhnews" batch -j 2 "$base/batch-small" "$base/batch-small-out"
# Speed-up from the wall times bench_row prints: "(12.34 s for ...)".
t1=$(echo "$row1" | sed -n 's/.*(\([0-9.]*\) s for.*/\1/p')
t2=$(echo "$row2" | sed -n 's/.*(\([0-9.]*\) s for.*/\1/p')
awk -v a="$t1" -v b="$t2" -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| batch speed-up -j 2 / -j 1 | %.2fx | | target >= 1.8x on 2 idle cores (%d cores, load %s) |\n",
        (b > 0) ? a / b : 0, cores, load }'
