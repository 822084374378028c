#!/bin/sh
# make check-valgrind: the golden inputs (data/samples/*.txt, tests/golden/inputs/*.txt, the
# same command as tests/golden/run.sh) under valgrind memcheck, plus one JSONL, one TREC and
# the line modes; each run must report no error and no leak (definite, indirect or possible)
# and give the same output as without valgrind.
# Usage: tests/bad/valgrind.sh BUILD_DIR. Prints "ok N what" / "not ok N what".
build=${1:-build}
zhnews="$build/zhnews"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind not found (apt-get install valgrind)"; exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fields=title,tags,category,byline,lead,sections,text,boilerplate,stats
n=0
failed=0
vg() { # vg WHAT ARGS...: zhnews ARGS under memcheck, compared with a plain run
    what=$1; shift
    n=$((n + 1))
    "$zhnews" "$@" >"$dir/plain" 2>&1
    valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
        --log-file="$dir/vg" "$zhnews" "$@" >"$dir/out" 2>&1
    st=$?
    if [ $st = 99 ] || [ -s "$dir/vg" ]; then
        echo "not ok $n $what: valgrind reports"; head -60 "$dir/vg"; failed=$((failed + 1))
    elif ! cmp -s "$dir/plain" "$dir/out"; then
        echo "not ok $n $what: output differs under valgrind"; failed=$((failed + 1))
    else
        echo "ok $n $what"
    fi
}
for input in data/samples/*.txt tests/golden/inputs/*.txt; do
    vg "golden $(basename "$input" .txt)" --pretty --fields "$fields" "$input"
done
vg "full JSON of one article" data/samples/tw-cna.txt
vg "segment line mode" segment data/samples/cn-webdump.txt
vg "normalize to Simplified" normalize --to s data/samples/hk-sections.txt
vg "dates line mode" dates --ref-date 2018-06-13 data/samples/tw-cna.txt
for f in tests/bad/reader/*; do
    case $f in *EXPECTED) continue ;; esac
    vg "malformed input $(basename "$f")" "$f"
done
vg "batch, two threads" batch -j 2 data/samples "$dir/batch"
echo "$n runs, $failed with valgrind errors or leaks"
[ $failed = 0 ]
