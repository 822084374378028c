#!/bin/sh
# CLI checks of `zhnews batch` and of zhnews as a JSON Lines filter under split/GNU parallel:
# a generated tree with nested folders, mixed encodings and containers, an empty file, a
# binary file, an unreadable file, a symlink loop; -j 1 = -j 2; --resume; a run killed with
# SIGKILL and resumed; Ctrl-C; globs; --text; usage errors.
# Usage: tests/cli/batch.sh BUILD_DIR. Prints "ok N what" / "not ok N what".
build=${1:-build}
zhnews="$build/zhnews"
dir=$(mktemp -d)
trap 'chmod -R u+rwx "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
n=0

check() { # check WHAT ACTUAL EXPECTED
    n=$((n + 1))
    if [ "$2" = "$3" ]; then echo "ok $n $1"; else echo "not ok $n $1 (got '$2', want '$3')"; fi
}
check_grep() { # check_grep WHAT PATTERN FILE
    n=$((n + 1))
    if grep -q -- "$2" "$3"; then echo "ok $n $1"; else
        echo "not ok $n $1: '$2' not in:"; cat "$3"; fi
}
temp_files() { find "$1" -name '*.zhnews-tmp' | wc -l; }

# The tree.
in="$dir/in"
mkdir -p "$in/utf8/deep" "$in/gb" "$in/big5" "$in/feeds" "$in/bad" "$in/.hidden"
cp data/samples/tw-cna.txt "$in/utf8/a.txt"
cp data/samples/cn-tags-line.txt "$in/utf8/deep/b.txt"
iconv -f UTF-8 -t GB18030 data/samples/cn-webdump.txt >"$in/gb/c.txt"
iconv -f UTF-8 -t BIG5-HKSCS data/samples/tw-reporter-slash.txt >"$in/big5/d.txt"
cp tests/fixtures/reader/news.jsonl "$in/feeds/news.jsonl"
cp tests/fixtures/reader/sogou.trec "$in/feeds/sogou.trec"
cp data/samples/tw-cna.txt "$in/.hidden/skipped.txt"
: >"$in/empty.txt"
printf 'GIF89a\000\001\002\003' >"$in/bad/image.gif"
ln -s .. "$in/utf8/loop"
articles=$(( 4 + $(wc -l <"$in/feeds/news.jsonl") + $(grep -ci '<doc>' "$in/feeds/sogou.trec") ))
failed=2
if [ "$(id -u)" != 0 ]; then
    cp data/samples/tw-cna.txt "$in/unreadable.txt"
    chmod 000 "$in/unreadable.txt"
    failed=3
fi

"$zhnews" batch "$in" "$dir/out" -j 2 >"$dir/stdout" 2>"$dir/err"
check "a tree with broken files exits 1" $? 1
check_grep "the empty file is reported" "zhnews: $in/empty.txt: empty file" "$dir/err"
check_grep "the binary file is reported" "zhnews: $in/bad/image.gif: not text" "$dir/err"
check_grep "the count of failures is reported" "$failed of $((failed + 6)) files failed" "$dir/err"
check "nothing on stdout" "$(wc -c <"$dir/stdout")" 0
check "no progress line on a non-terminal" "$(tr -cd '\r' <"$dir/err" | wc -c)" 0
check "every good file is written" \
    "$(cd "$dir/out" && ls utf8/a.txt.json utf8/deep/b.txt.json gb/c.txt.json big5/d.txt.json \
        feeds/news.jsonl.json feeds/sogou.trec.json 2>/dev/null | wc -l)" 6
check "no output for failed files" "$(ls "$dir/out/empty.txt.json" "$dir/out/bad" 2>/dev/null | wc -l)" 0
check "hidden files are skipped" "$(ls -a "$dir/out" | grep -c hidden)" 0
check "no temporary files are left" "$(temp_files "$dir/out")" 0
check "one index line per article" "$(wc -l <"$dir/out/index.jsonl")" "$articles"
check "the index is sorted by path" "$(jq -r .path "$dir/out/index.jsonl" | LC_ALL=C sort -c && echo sorted)" sorted
check "summary: failures" "$(jq '.failures | length' "$dir/out/summary.json")" "$failed"
check "summary: the loop is not followed" "$(jq -r '.ignored[0].reason' "$dir/out/summary.json")" \
    "symbolic link loop: not followed"
check "summary: GB18030 counted" "$(jq '.encodings.GB18030' "$dir/out/summary.json")" 1
check "summary: Big5 counted" "$(jq '[.encodings | to_entries[] | select(.key | startswith("BIG5"))] | length' "$dir/out/summary.json")" 1
check "summary: containers" "$(jq -c '.containers | keys' "$dir/out/summary.json")" '["jsonl","text","trec"]'
check "summary: articles" "$(jq .articles "$dir/out/summary.json")" "$articles"
check "a multi-record file is JSON Lines" "$(wc -l <"$dir/out/feeds/news.jsonl.json")" \
    "$(wc -l <"$in/feeds/news.jsonl")"

"$zhnews" batch "$in" "$dir/one" -j 1 2>/dev/null
check "-j 1 exits 1 too" $? 1
n=$((n + 1))
if cmp -s "$dir/out/index.jsonl" "$dir/one/index.jsonl" && cmp -s "$dir/out/summary.json" "$dir/one/summary.json" &&
    diff -r "$dir/out" "$dir/one" >/dev/null; then
    echo "ok $n -j 2 writes exactly what -j 1 writes"
else
    echo "not ok $n -j 2 writes exactly what -j 1 writes"; diff -r "$dir/out" "$dir/one" | head -20
fi

cp "$dir/out/index.jsonl" "$dir/index.before"
"$zhnews" batch "$in" "$dir/out" -j 2 --resume 2>/dev/null
check "--resume still reports the failures" $? 1
check "--resume skips every written file" "$(jq .files.up_to_date "$dir/out/summary.json")" 6
check "--resume rebuilds the same index" "$(cmp -s "$dir/index.before" "$dir/out/index.jsonl" && echo same)" same

# A JSON Lines file with one broken record: the good records are written, the file is
# reported, and a resumed run reports it again instead of trusting its output.
mkdir -p "$dir/partial-in"
cp data/samples/tw-cna.txt "$dir/partial-in/good.txt"
{ head -n 1 tests/fixtures/reader/news.jsonl; echo '{"text": "broken'; } >"$dir/partial-in/mixed.jsonl"
"$zhnews" batch "$dir/partial-in" "$dir/partial" 2>"$dir/err"
check "a file with a bad record fails the run" $? 1
check_grep "the bad record is reported" "zhnews: $dir/partial-in/mixed.jsonl:" "$dir/err"
check "its good record is written" "$(wc -l <"$dir/partial/mixed.jsonl.json")" 1
"$zhnews" batch "$dir/partial-in" "$dir/partial" --resume 2>"$dir/err"
check "--resume: the bad record still fails the run" $? 1
check_grep "--resume: the bad record is reported again" "zhnews: $dir/partial-in/mixed.jsonl:" "$dir/err"
check "--resume: the good file is skipped" "$(jq .files.up_to_date "$dir/partial/summary.json")" 1
check "--resume: the failure is listed" "$(jq '.failures | length' "$dir/partial/summary.json")" 1

"$zhnews" batch "$in" "$dir/globbed" --include '*.jsonl' 2>/dev/null
check "--include: success" $? 0
check "--include: only the JSON Lines file" "$(cd "$dir/globbed" && find . -name '*.json' ! -name summary.json | sort)" \
    "./feeds/news.jsonl.json"
"$zhnews" batch "$in" "$dir/excluded" --exclude 'feeds' --exclude-dummy 2>/dev/null
check "an unknown option is a usage error" $? 2
"$zhnews" batch "$in" "$dir/excluded" --exclude feeds --include '*.txt' --text 2>/dev/null
check "--exclude and --text: some files still fail" $? 1
check "--exclude prunes the folder" "$(ls "$dir/excluded" | grep -c feeds)" 0
check "--text writes the text beside the JSON" "$(head -1 "$dir/excluded/utf8/a.txt.txt")" \
    "$(jq -r .text "$dir/excluded/utf8/a.txt.json" | head -1)"

"$zhnews" batch "$in" 2>"$dir/err"
check "one folder is a usage error" $? 2
check_grep "the usage error says what is missing" "expected IN_DIR OUT_DIR" "$dir/err"
"$zhnews" batch "$in" "$in/" 2>"$dir/err"
check "OUT_DIR = IN_DIR is refused" $? 1
check_grep "the refusal says why" "the output folder is the input folder" "$dir/err"
"$zhnews" batch "$dir/missing" "$dir/x" 2>"$dir/err"
check "a missing IN_DIR exits 1" $? 1
check_grep "a missing IN_DIR is named" "missing: cannot open" "$dir/err"

# Near-duplicates: a content-farm copy (look-alike characters, symbols, other punctuation)
# groups with its original after normalisation; an article on the same topic does not.
mkdir -p "$dir/dups"
cp tests/fixtures/batch/*.txt "$dir/dups/"
"$zhnews" batch "$dir/dups" "$dir/dups-out" 2>/dev/null
check "near-duplicates: success" $? 0
check "near-duplicates: one group of the copy and its original" \
    "$(jq -c '[.duplicates[] | [.articles[].path]]' "$dir/dups-out/summary.json")" \
    '[["farm-copy.txt","original.txt"]]'

# On a terminal (script(1) gives one) a progress line is drawn; -q hides it.
if command -v script >/dev/null 2>&1; then
    script -qec "$zhnews batch $in/gb $dir/tty" /dev/null >"$dir/tty.out" 2>&1
    check_grep "a terminal shows the progress line" "1/1 files, 1 articles, 0 failed" "$dir/tty.out"
    script -qec "$zhnews batch -q $in/gb $dir/tty-q" /dev/null >"$dir/tty.out" 2>&1
    check "-q hides the progress line" "$(grep -c 'articles' "$dir/tty.out")" 0
fi

# Killed with SIGKILL, then resumed: every file ends up written exactly as by a clean run.
big="$dir/big"
mkdir -p "$big"
i=0
while [ $i -lt 60 ]; do
    mkdir -p "$big/d$((i % 7))"
    for f in data/samples/*.txt; do cp "$f" "$big/d$((i % 7))/$i-$(basename "$f")"; done
    i=$((i + 1))
done
total=$(find "$big" -type f | wc -l)
"$zhnews" batch "$big" "$dir/killed" -j 2 2>/dev/null &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
"$zhnews" batch "$big" "$dir/killed" -j 2 --resume 2>/dev/null
check "the resumed run succeeds" $? 0
"$zhnews" batch "$big" "$dir/clean" -j 2 2>/dev/null
check "the clean run succeeds" $? 0
check "after the kill, every file has its output" "$(find "$dir/killed" -name '*.txt.json' | wc -l)" "$total"
check "after the kill, no temporary files remain" "$(temp_files "$dir/killed")" 0
check "after the kill, the index equals a clean run's" \
    "$(cmp -s "$dir/killed/index.jsonl" "$dir/clean/index.jsonl" && echo same)" same
check "after the kill, the outputs equal a clean run's" \
    "$(diff -r -x summary.json "$dir/killed" "$dir/clean" >/dev/null && echo same)" same

# Ctrl-C: a valid summary of what was done, nothing half-written.
"$zhnews" batch "$big" "$dir/interrupted" -j 2 2>"$dir/err" &
pid=$!
sleep 0.3
kill -INT $pid 2>/dev/null
wait $pid
status=$?
n=$((n + 1))
if [ $status = 1 ] && grep -q "interrupted: [0-9]* files not processed" "$dir/err"; then
    echo "ok $n Ctrl-C stops with status 1 and says how many files are left"
elif [ $status = 0 ]; then
    echo "ok $n Ctrl-C came after the end # skip"
else
    echo "not ok $n Ctrl-C: status $status"; cat "$dir/err"
fi
check "after Ctrl-C the summary is valid JSON" "$(jq -r .schema "$dir/interrupted/summary.json")" zhnews-summary/1
check "after Ctrl-C no temporary files remain" "$(temp_files "$dir/interrupted")" 0
check "after Ctrl-C the index lists what was written" "$(wc -l <"$dir/interrupted/index.jsonl")" \
    "$(find "$dir/interrupted" -name '*.txt.json' | wc -l)"

# Beyond one machine: zhnews is a JSON Lines filter, so split-and-merge (split(1) or GNU
# parallel --pipe) gives the lines of one process, up to the record numbers in "source".
i=0
while [ $i -lt 15 ]; do cat tests/fixtures/reader/news.jsonl; i=$((i + 1)); done >"$dir/big.jsonl"
strip() { jq -c 'del(.source.record, .source.line)' | LC_ALL=C sort; }
"$zhnews" --input-format jsonl <"$dir/big.jsonl" | strip >"$dir/single"
split -l 7 "$dir/big.jsonl" "$dir/part."
for p in "$dir"/part.*; do "$zhnews" --input-format jsonl <"$p"; done | strip >"$dir/split"
check "split and merge equals one process" "$(cmp -s "$dir/single" "$dir/split" && echo same)" same
check "one process wrote every record" "$(wc -l <"$dir/single")" "$(wc -l <"$dir/big.jsonl")"
if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite --pipe -N 4 "$zhnews" --input-format jsonl <"$dir/big.jsonl" | strip >"$dir/parallel"
    check "GNU parallel --pipe equals one process" "$(cmp -s "$dir/single" "$dir/parallel" && echo same)" same
else
    n=$((n + 1)); echo "ok $n GNU parallel --pipe equals one process # skip: parallel not installed"
fi
