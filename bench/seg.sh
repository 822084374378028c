#!/bin/sh
# Segmentation throughput and memory: `zhnews segment` on ~20 MB corpora of Simplified (PKU
# test input repeated) and Traditional (CityU test input repeated) text, one thread, output to
# /dev/null; start-up on a one-line file; Python jieba on the same corpora when it is
# installed (BENCH_PEERS=0 skips it). Needs ../shared/eval/seg for the text.
build=${1:-build}
. bench/lib.sh
dir=${ZHNEWS_BENCH_DIR:-${TMPDIR:-/tmp}/zhnews-bench}
seg=../shared/eval/seg
if [ ! -f "$seg/pku_test.utf8" ]; then
    echo "| segment | - | - | skipped: ../shared/eval not found |"
    exit 0
fi
mkdir -p "$dir"
make_corpus()
{
    out=$1
    src=$2
    [ -s "$out" ] && return 0
    : >"$out.tmp"
    while [ "$(wc -c <"$out.tmp")" -lt 20000000 ]; do
        cat "$src" >>"$out.tmp"
    done
    mv "$out.tmp" "$out"
}
make_corpus "$dir/seg-simp.txt" "$seg/pku_test.utf8"
make_corpus "$dir/seg-trad.txt" "$seg/cityu_test.utf8"
head -n 1 "$seg/pku_test.utf8" >"$dir/seg-line.txt"

for script in simp trad; do
    f="$dir/seg-$script.txt"
    bench_row "segment $script" "$(wc -c <"$f")" "zhnews segment, 1 thread" \
        "$build/zhnews" segment "$f"
done
bench_row "segment start-up" "$(wc -c <"$dir/seg-line.txt")" \
    "one line: program start, lexicon map, tokenizer tables" "$build/zhnews" segment \
    "$dir/seg-line.txt"
# The Python that has Debian's python3-jieba (not necessarily the first python3 on PATH).
peer_python=""
for py in python3 /usr/bin/python3; do
    if "$py" -c 'import jieba' 2>/dev/null; then
        peer_python=$py
        break
    fi
done
if [ "${BENCH_PEERS:-1}" != 0 ] && [ -n "$peer_python" ] &&
    [ -f ../shared/bench-peers/drivers/jieba_seg.py ]; then
    # One run each: jieba takes a minute or more per corpus.
    for script in simp trad; do
        f="$dir/seg-$script.txt"
        tfile=$(mktemp)
        /usr/bin/time -o "$tfile" -f '%e %M' "$peer_python" \
            ../shared/bench-peers/drivers/jieba_seg.py "$f" >/dev/null 2>/dev/null
        awk -v n="peer: jieba $script" -v b="$(wc -c <"$f")" -v t="$(tail -1 "$tfile")" 'BEGIN {
            split(t, a, " "); mbs = (a[1] > 0) ? b / 1e6 / a[1] : 0
            printf "| %s | %.1f | %.1f | Python jieba cut (HMM), same corpus, one run (%.2f s) |\n",
                n, mbs, a[2] / 1024, a[1] }'
        rm -f "$tfile"
    done
fi
