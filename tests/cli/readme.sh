#!/bin/sh
# Runs every command of README.md's examples block (between the "examples" markers) with
# the built zhnews first on PATH, in a scratch copy of data/samples; each must exit 0 and
# print something or write its file. Prints "ok N ..." / "not ok N ...".
build=$(cd "${1:-build}" && pwd)
top=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/data" && cp -r data/samples "$dir/data/"
n=0
sed -n '/<!-- examples/,/<!-- end examples/p' README.md | grep '^zhnews\|^echo' >"$dir/commands"
if [ ! -s "$dir/commands" ]; then
    echo "not ok 1 README has no examples block"; exit 0
fi
while IFS= read -r cmd; do
    n=$((n + 1))
    if (cd "$dir" && PATH="$build:$PATH" sh -c "$cmd" >"$dir/out" 2>"$dir/err"); then
        if [ -s "$dir/out" ] || [ -s "$dir/articles.jsonl" ] || [ -d "$dir/archive-out" ]; then
            echo "ok $n README: $cmd"
        else
            echo "not ok $n README: $cmd printed nothing"
        fi
    else
        echo "not ok $n README: $cmd failed:"; cat "$dir/err"
    fi
done <"$dir/commands"
cd "$top" || exit 1
