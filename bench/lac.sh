#!/bin/sh
# The LAC tagger: `zhnews tag` over ~110,000 characters of news lines (data/samples repeated),
# one process, then two processes on the two halves at once (scaling over cores: the model
# is read-only, so threads sharing one copy scale at least as well). Also prints chars/s and
# the FLOP rate: the network costs 2 x 506,112 multiply-adds per character (embedding 128,
# GRU state 128, 57 tags).
. bench/lib.sh
build=${1:-build}
dir="${ZHNEWS_BENCH_DIR:-/tmp/zhnews-bench}/lac"
if [ -n "$ZHNEWS_LAC_MODEL" ]; then
    model=$ZHNEWS_LAC_MODEL
else
    model=$(dpkg -L python3-jieba 2>/dev/null | grep '/lac_small$' | head -n 1)
fi
if [ -z "$model" ] || [ ! -f "$model/word.dic" ]; then
    echo "| tag (LAC) | - | - | skipped: python3-jieba's lac_small model not found |"
    exit 0
fi
export ZHNEWS_LAC_MODEL="$model"
mkdir -p "$dir"
if [ ! -f "$dir/all.txt" ]; then
    i=0
    while [ $i -lt 60 ]; do
        cat data/samples/*.txt
        i=$((i + 1))
    done | grep -v '^[[:space:]]*$' >"$dir/all.txt"
    n=$(wc -l <"$dir/all.txt")
    head -n $((n / 2)) "$dir/all.txt" >"$dir/half1.txt"
    tail -n +$((n / 2 + 1)) "$dir/all.txt" >"$dir/half2.txt"
fi
bytes=$(wc -c <"$dir/all.txt")
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' \
    "$dir/all.txt")
rate()
{
    # rate ROW: appends chars/s and GFLOP/s computed from the row's wall time
    wall=$(echo "$1" | sed -n 's/.*(\([0-9.]*\) s for.*/\1/p')
    echo "$1" | awk -v c="$chars" -v w="$wall" '{
        cps = w > 0 ? c / w : 0
        sub(/ \|$/, "", $0)
        printf "%s; %.0f chars/s, %.1f GFLOP/s |\n", $0, cps, cps * 1012224 / 1e9 }'
}
rate "$(bench_row "tag (LAC): $chars chars" "$bytes" "1 process" \
    "$build/zhnews" tag "$dir/all.txt")"
rate "$(bench_row "tag (LAC): $chars chars" "$bytes" "2 processes, one half each" \
    sh -c "'$build/zhnews' tag '$dir/half1.txt' >/dev/null & \
           '$build/zhnews' tag '$dir/half2.txt' >/dev/null; wait")"
