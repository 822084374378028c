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
secs() { # wall seconds of a command, best of 3
    best=
    for _ in 1 2 3; do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        best=$(echo "$t0 $t1 $best" | awk '{d=$2-$1; if ($3=="" || d<$3) print d; else print $3}')
    done
    echo "$best"
}
t_rep=$(secs "$build/zhnews" normalize "$big")
t_tw=$(secs "$build/zhnews" normalize --to tw "$big")
echo "variants: speed on $bytes bytes of Traditional text (best of 3, wall)"
echo "$bytes $t_rep" | awk '{printf "  zhnews normalize (repair only)   %6.2f s  %6.1f MB/s\n", $2, $1/$2/1e6}'
echo "$bytes $t_tw" | awk '{printf "  zhnews normalize --to tw        %6.2f s  %6.1f MB/s\n", $2, $1/$2/1e6}'
if command -v opencc >/dev/null 2>&1; then
    t_cc=$(secs opencc -c s2t.json -i "$big" -o /dev/stdout)
    echo "$bytes $t_cc" | awk '{printf "  opencc -c s2t                   %6.2f s  %6.1f MB/s\n", $2, $1/$2/1e6}'
fi
exit $status
