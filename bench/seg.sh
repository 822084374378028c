#!/bin/sh
# Segmentation throughput and memory: `zhnews segment` on ~20 MB corpora of Simplified (PKU
# test input repeated) and Traditional (CityU test input repeated) text, one thread, output to
# /dev/null; start-up on a one-line file; Python jieba on the same corpora when it is
# installed (BENCH_PEERS=0 skips it). Needs ../shared/eval/seg for the text.
build=${1:-build}
. bench/lib.sh
dir=${ZHNEWS_BENCH_DIR:-${TMPDIR:-/tmp}/zhnews-bench}
seg=../shared/eval/seg
bench_need "$seg/pku_test.utf8" segment
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

# @node-rs/jieba, the fastest peer of PEERS.md, when ../shared/bench-peers/install-peers.sh has
# put it under PEERS_DIR (default ${TMPDIR:-/tmp}/peers). As in PEERS.md: MB/s = bytes /
# (fastest wall on the corpus - fastest wall on the one-line file), i.e. without its 0.1-0.3 s
# of start-up; zhnews's whole-process speed of the same minutes as a multiple of it (issue 5:
# at least 3x).
peers=${PEERS_DIR:-${TMPDIR:-/tmp}/peers}
driver=../shared/bench-peers/drivers/nodejs_seg.js
if [ "${BENCH_PEERS:-1}" != 0 ] && command -v node >/dev/null &&
    [ -d "$peers/node/node_modules/@node-rs/jieba" ] && [ -f "$driver" ]; then
    export NODE_PATH="$peers/node/node_modules"
    load=$(best_time node "$driver" node-rs "$dir/seg-line.txt")
    for script in simp trad; do
        f="$dir/seg-$script.txt"
        peer=$(best_time node "$driver" node-rs "$f")
        ours=$(best_time "$build/zhnews" segment "$f")
        awk -v s="$script" -v b="$(wc -c <"$f")" -v p="$peer" -v l="$load" -v o="$ours" 'BEGIN {
            pm = (p > l) ? b / 1e6 / (p - l) : 0; om = (o > 0) ? b / 1e6 / o : 0
            printf "| peer: @node-rs/jieba %s | %.1f | - | HMM on; %.2f s on the corpus - %.2f s start-up |\n", s, pm, p, l
            printf "| zhnews / @node-rs/jieba %s | %.2fx | | zhnews whole process %.1f MB/s, same minutes (target >= 3x) |\n", s, (pm > 0) ? om / pm : 0, om }'
    done
fi
