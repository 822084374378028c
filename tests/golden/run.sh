#!/bin/sh
# Golden tests: every article in data/samples/ and tests/golden/inputs/ through
# `zhnews --pretty --fields ...`, compared byte for byte with tests/golden/expected/NAME.json.
# Usage: tests/golden/run.sh BUILD_DIR [--update]  (--update rewrites the expected files;
# review the diff before committing it).
build=${1:-build}
update=${2:-}
zhnews="$build/zhnews"
fields=title,tags,category,byline,lead,sections,text,boilerplate,stats
n=0
tmp=$(mktemp)
tmp2=$(mktemp)
trap 'rm -f "$tmp" "$tmp2"' EXIT
for input in data/samples/*.txt tests/golden/inputs/*.txt; do
    n=$((n + 1))
    name=$(basename "$input" .txt)
    expected="tests/golden/expected/$name.json"
    if ! "$zhnews" --pretty --fields "$fields" "$input" >"$tmp" 2>&1; then
        echo "not ok $n $name: zhnews failed"; cat "$tmp"; continue
    fi
    if [ "$update" = "--update" ]; then
        cp "$tmp" "$expected"
    fi
    if ! diff -u "$expected" "$tmp" >"$tmp2" 2>&1; then
        echo "not ok $n $name: output differs from $expected"; head -40 "$tmp2"; continue
    fi
    # The same input twice must give the same bytes.
    "$zhnews" --pretty --fields "$fields" "$input" >"$tmp2" 2>&1
    if ! cmp -s "$tmp" "$tmp2"; then
        echo "not ok $n $name: output not deterministic"; continue
    fi
    echo "ok $n $name"
done
