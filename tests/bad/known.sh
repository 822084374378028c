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

# No open bug at the moment: the JSON writer's two (a double next to DBL_MAX written past
# it, and the status of too deep nesting) are fixed and tested in tests/unit/test_output.c.
echo "ok 1 no known open bug"
