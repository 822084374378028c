#!/bin/sh
# Regression tests of OPEN bugs found by the reliability work (issue 9). They fail until the
# bug is fixed; then the test moves into tests/bad/run.sh (or the module's unit tests). Not
# part of `make check`, so that the suite stays green while an owner works on the fix.
# Usage: tests/bad/known.sh BUILD_DIR (run it also on BUILD_DIR/asan: the UB cases only
# show under -fsanitize=undefined). Prints "ok N what" / "not ok N what".
build=${1:-build}
zhnews="$build/zhnews"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
check() { # check WHAT STATUS WANTED
    n=$((n + 1))
    if [ "$2" = "$3" ]; then echo "ok $n $1"; else echo "not ok $n $1 (got $2, want $3)"; fi
}

# src/extract/date_expr.c (year parsing): `int v = (int)n.v;` converts a numeral of more
# than 10 digits before 年 to int: undefined behaviour (UBSan: "2.02202e+10 is outside the
# range of representable values of type 'int'"). Found by fuzz_dates.
printf '20220202020年\n' | "$zhnews" dates >"$dir/dates.out" 2>"$dir/err"
check "dates: an 11-digit number before 年 exits 0 (no UB)" $? 0

# src/batch/batch.c merge(): when an article's output file cannot be written (disk full),
# the file counts as "written" and its lines still go to index.jsonl, although no JSON file
# exists: summary.json says written 2 and failed 2 for two files.
mkdir -p "$dir/in"
cp data/samples/tw-cna.txt data/samples/hk-sections.txt "$dir/in/"
(trap '' XFSZ; ulimit -f 4 && exec "$zhnews" batch "$dir/in" "$dir/out") >/dev/null 2>&1
check "batch on a full disk: index.jsonl lists no article that was not written" \
    "$(cat "$dir/out/index.jsonl" 2>/dev/null | grep -c .)" 0
check "batch on a full disk: summary.json does not count failed files as written" \
    "$(cat "$dir/out/summary.json" 2>/dev/null | grep -c '"written": 0,')" 1

# Library checks (normaliser and JSON writer), when built: make check-known
if [ -x "$build/tests/bad/known_lib" ]; then
    "$build/tests/bad/known_lib" "$build/zhnews.lex" $n
fi
