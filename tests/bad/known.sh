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
# range of representable values of type 'int'"). Found by fuzz_dates. GCC's -fsanitize=undefined
# does not check float casts, so this passes in build/asan; the fuzz build (clang) sees it:
# `make fuzz-regress` replays tests/fuzz/regress/dates-11-digit-year.
printf '20220202020年\n' | "$zhnews" dates >"$dir/dates.out" 2>"$dir/err"
check "dates: an 11-digit number before 年 exits 0 (no UB)" $? 0

# Library checks (JSON writer), when built: make check-known
if [ -x "$build/tests/bad/known_lib" ]; then
    "$build/tests/bad/known_lib" $n
fi
