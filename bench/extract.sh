#!/bin/sh
# Extraction against segmentation (issue 6: extraction on top of segmentation costs no more
# than segmentation itself): the MSRA NER test lines of ../shared/eval/ner repeated to about
# 4.7 MB per script, line mode, one thread. Rows: segmentation alone, dates alone, extract
# without the LAC tagger (segmentation + entities + dates) and, on a tenth of the text,
# extract with LAC (the accurate default). The last row per script is the cost of extraction
# on top of segmentation as a ratio of the two rows' times.
. bench/lib.sh
build=${1:-build}
dir=${ZHNEWS_BENCH_DIR:-${TMPDIR:-/tmp}/zhnews-bench}
ner=../shared/eval/ner
bench_need "$ner/msra_test.part1.hans.jsonl" extract
mkdir -p "$dir"

for script in hans hant; do
    f="$dir/ner-$script-x16.txt"
    if [ ! -s "$f" ]; then
        python3 -c '
import json, sys
lines = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
sys.stdout.write("\n".join(lines * 16) + "\n")' "$ner/msra_test.part1.$script.jsonl" >"$f"
    fi
    head -n "$(($(wc -l <"$f") / 10))" "$f" >"$dir/ner-$script-small.txt"
    bytes=$(wc -c <"$f")
    bench_row "segment MSRA $script" "$bytes" "zhnews segment --input-format lines" \
        "$build/zhnews" segment --input-format lines "$f"
    bench_row "dates MSRA $script" "$bytes" "zhnews dates --input-format lines" \
        "$build/zhnews" dates --input-format lines "$f"
    bench_row "extract --no-tagger MSRA $script" "$bytes" \
        "zhnews extract --input-format lines --no-tagger (entities + dates)" \
        "$build/zhnews" extract --input-format lines --no-tagger "$f"
    bench_row "extract (LAC) MSRA $script" "$(wc -c <"$dir/ner-$script-small.txt")" \
        "zhnews extract --input-format lines, a tenth of the text" \
        "$build/zhnews" extract --input-format lines "$dir/ner-$script-small.txt"
    # the two commands in turn, 15 times each, so that both see the machine in the same
    # moods; the fastest run of each (a shared machine's noise only ever adds time)
    seg=""; ext=""
    for run in $(seq 15); do
        t=$(run_time "$build/zhnews" segment --input-format lines "$f")
        if [ -z "$seg" ] || awk "BEGIN{exit !($t < $seg)}"; then seg=$t; fi
        t=$(run_time "$build/zhnews" extract --input-format lines --no-tagger "$f")
        if [ -z "$ext" ] || awk "BEGIN{exit !($t < $ext)}"; then ext=$t; fi
    done
    awk -v s="$script" -v a="$seg" -v b="$ext" 'BEGIN {
        r = (a > 0) ? (b - a) / a : 0
        printf "| extraction / segmentation %s | - | - | (extract --no-tagger %.3f s - segment %.3f s) / segment = %.2f (target <= 1; fastest of 15 runs in turn) |\n", s, b, a, r }'
done
