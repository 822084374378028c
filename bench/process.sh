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
# One long article (four samples without a footer, 300 times: about 1 MB): the stages must
# stay close to linear in the article's length.
long="${ZHNEWS_BENCH_DIR:-/tmp/zhnews-bench}/long-article-1mb.txt"
if [ ! -s "$long" ]; then
    i=0
    while [ $i -lt 300 ]; do
        cat data/samples/tw-cna.txt data/samples/hk-sections.txt \
            data/samples/cn-xinhua-prefix.txt data/samples/hk-outlet-bracket.txt
        i=$((i + 1))
    done >"$long"
fi
bench_row "process --no-tagger: one long article" "$(wc -c <"$long")" "one article, one process" \
    "$build/zhnews" --no-tagger "$long"
