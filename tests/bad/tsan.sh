#!/bin/sh
# make check-tsan: zhnews batch -j 4 under ThreadSanitizer on a generated folder of 500
# files (the samples, each with its own first line, in nested folders, plus a few bad files),
# then once more with --resume. Any data race fails the run.
# Usage: tests/bad/tsan.sh ZHNEWS_TSAN_BINARY LEXICON
zhnews=${1:?zhnews built with -fsanitize=thread}
lexicon=${2:?lexicon}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
while [ $i -lt 500 ]; do
    for f in data/samples/*.txt; do
        [ $i -lt 500 ] || break
        sub="$dir/in/d$((i % 7))/e$((i % 3))"
        mkdir -p "$sub"
        case $((i % 50)) in
            7) : >"$sub/f$i.txt" ;;                           # empty: a failed file
            13) printf 'abc\000def' >"$sub/f$i.txt" ;;        # not text
            *) { echo "第${i}號快訊"; cat "$f"; } >"$sub/f$i.txt" ;;
        esac
        i=$((i + 1))
    done
done
status=0
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}"
"$zhnews" batch -j 4 --lexicon "$lexicon" "$dir/in" "$dir/out" 2>"$dir/err"
st=$?
# 20 files of 500 are bad on purpose: exit status 1, never 66 (a race) or a crash
if [ $st = 1 ] && ! grep -q 'ThreadSanitizer' "$dir/err"; then
    echo "ok 1 batch -j 4 on 500 files: no data race (exit 1 for the 20 bad files)"
else
    echo "not ok 1 batch -j 4 on 500 files (status $st)"; grep -A30 'WARNING: ThreadSanitizer' "$dir/err" | head -60
    status=1
fi
written=$(find "$dir/out" -name '*.json' ! -name summary.json | wc -l | tr -d ' ')
if [ "$written" = 480 ]; then echo "ok 2 480 articles written"; else
    echo "not ok 2 $written articles written, want 480"; status=1; fi
"$zhnews" batch -j 4 --resume --lexicon "$lexicon" "$dir/in" "$dir/out" 2>"$dir/err"
st=$?
if [ $st = 1 ] && ! grep -q 'ThreadSanitizer' "$dir/err"; then
    echo "ok 3 batch --resume -j 4: no data race"
else
    echo "not ok 3 batch --resume -j 4 (status $st)"; grep -A30 'WARNING: ThreadSanitizer' "$dir/err" | head -60
    status=1
fi
exit $status
