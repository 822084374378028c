#!/bin/sh
# Runs every test of a build: cmocka unit programs, golden tests, CLI checks.
# Usage: tests/run-tests.sh BUILD_DIR. Ends with one line "N passed, N failed".
build=${1:-build}
passed=0
failed=0
failures=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    if CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$log" 2>&1; then status=0; else status=$?; fi
    ok=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
    bad=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
    ok=${ok:-0}
    bad=${bad:-0}
    if [ "$status" != 0 ] && [ "$bad" = 0 ]; then bad=1; fi   # crashed or sanitizer report
    passed=$((passed + ok))
    failed=$((failed + bad))
    if [ "$bad" != 0 ]; then
        cat "$log"
        failures="$failures $name"
    fi
    echo "unit $name: $ok passed, $bad failed"
done

for suite in tests/golden/run.sh tests/cli/run.sh tests/cli/readme.sh tests/bad/run.sh tests/cli/batch.sh; do
    [ -f "$suite" ] || continue
    if sh "$suite" "$build" >"$log" 2>&1; then :; fi
    ok=$(grep -c '^ok ' "$log")
    bad=$(grep -c '^not ok ' "$log")
    if ! grep -q '^ok \|^not ok ' "$log"; then bad=1; fi
    grep '^not ok ' "$log" >/dev/null && cat "$log"
    passed=$((passed + ok))
    failed=$((failed + bad))
    [ "$bad" != 0 ] && failures="$failures $suite"
    echo "suite $suite: $ok passed, $bad failed"
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
