#!/bin/sh
# Variant repair (issue #4) on ../shared/eval/variants-dev.jsonl, scored by
# ../shared/eval/score/variant-score.py: P/R/F1 of repairs on the corrupted sentences and the
# false-change rate on corrupted and legit sentences, for `zhnews normalize` and, in the same
# run, the OpenCC round trips the README reports as baselines. Then repair-only throughput of
# `zhnews normalize` against `opencc -c s2t` on a >= 20 MB Traditional file made by repeating
# CityU (VARIANTS_SPEED=0 skips it).
# Usage: tests/eval/variants.sh BUILD_DIR
build=${1:-build}
eval_dir=../shared/eval
gold=$eval_dir/variants-dev.jsonl
score=$eval_dir/score/variant-score.py
if [ ! -f "$gold" ] || [ ! -f "$score" ]; then
    echo "variants: skipped: ../shared/eval not found"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

echo "variants: zhnews normalize"
python3 "$score" "$gold" --cmd "$build/zhnews normalize" | sed 's/^/  /' || status=1
if command -v opencc >/dev/null 2>&1; then
    for back in s2t s2tw; do
        echo "variants: baseline opencc -c t2s | opencc -c $back"
        python3 "$score" "$gold" --cmd "opencc -c t2s.json | opencc -c $back.json" |
            grep -E '^(corrupt|legit) ' | sed 's/^/  /'
    done
else
    echo "variants: opencc not installed: baselines skipped"
fi

[ "${VARIANTS_SPEED:-1}" = 0 ] && exit $status
src=$eval_dir/seg/cityu_test.utf8
[ -f "$src" ] || { echo "variants: speed skipped: $src not found"; exit $status; }
big=$tmp/trad.txt
: >"$big"
while [ "$(wc -c <"$big" 2>/dev/null || echo 0)" -lt 20000000 ]; do cat "$src" >>"$big"; done
bytes=$(wc -c <"$big")
# "wall cpu" seconds of a command, best of 3 runs by wall time; the CPU time (user + sys)
# is what to compare on a loaded machine.
secs() {
    best=
    for _ in 1 2 3; do
        if [ -x /usr/bin/time ]; then
            t=$(/usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1)
        else
            t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
            t="$(echo "$t0 $t1" | awk '{print $2-$1}') 0 0"
        fi
        best=$(echo "$t $best" | awk '{w=$1; c=$2+$3; if ($4=="" || w<$4) print w, c; else print $4, $5}')
    done
    echo "$best"
}
row() { # label bytes wall cpu
    echo "$2 $3 $4" | awk -v l="$1" '{printf "  %-34s wall %6.2f s %6.1f MB/s   cpu %6.2f s %6.1f MB/s\n", l, $2, $1/$2/1e6, $3, $1/$3/1e6}'
}
echo "variants: speed on $bytes bytes of Traditional text (best of 3 by wall time)"
row "zhnews normalize (repair only)" "$bytes" $(secs "$build/zhnews" normalize "$big")
row "zhnews normalize --to tw" "$bytes" $(secs "$build/zhnews" normalize --to tw "$big")
if command -v opencc >/dev/null 2>&1; then
    row "opencc -c s2t" "$bytes" $(secs opencc -c s2t.json -i "$big" -o /dev/null)
fi
exit $status
