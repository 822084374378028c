#!/bin/sh
# CLI checks: exit statuses, stderr wording, stdin, several files, closed pipe.
# Usage: tests/cli/run.sh BUILD_DIR. Prints "ok N what" / "not ok N what".
build=${1:-build}
zhnews="$build/zhnews"
sample=data/samples/tw-cna.txt
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0

check() { # check WHAT COMMAND-STATUS EXPECTED-STATUS
    n=$((n + 1))
    if [ "$2" = "$3" ]; then echo "ok $n $1"; else echo "not ok $n $1 (status $2, want $3)"; fi
}
check_grep() { # check_grep WHAT PATTERN FILE (case-insensitive: strerror capitalises)
    n=$((n + 1))
    if grep -qi -- "$2" "$3"; then echo "ok $n $1"; else
        echo "not ok $n $1: '$2' not in:"; cat "$3"; fi
}

"$zhnews" --help >"$dir/out" 2>"$dir/err"; check "--help exits 0" $? 0
check_grep "--help goes to stdout" "Usage: zhnews" "$dir/out"
"$zhnews" --version >"$dir/out"; check "--version exits 0" $? 0
check_grep "--version prints the version" "^zhnews [0-9]" "$dir/out"
"$zhnews" --no-such-option 2>"$dir/err"; check "unknown option exits 2" $? 2
check_grep "usage error names the option" "zhnews: option '--no-such-option'" "$dir/err"
"$zhnews" --input-format xml "$sample" 2>"$dir/err"; check "bad --input-format exits 2" $? 2
"$zhnews" --fields title,nonsense "$sample" 2>"$dir/err"; check "bad --fields exits 2" $? 2
check_grep "bad --fields names the field" "unknown field 'nonsense'" "$dir/err"

"$zhnews" <"$sample" >"$dir/out"; check "stdin input exits 0" $? 0
check_grep "stdin output has the title" '"title":"半導體出口創新高 前三季年增兩成"' "$dir/out"
check_grep "stdin source path is -" '"path":"-"' "$dir/out"

: >"$dir/empty.txt"
printf 'abc\000def' >"$dir/binary.bin"
mkdir "$dir/folder"
"$zhnews" "$dir/missing.txt" "$dir/empty.txt" "$dir/folder" "$dir/binary.bin" "$sample" \
    >"$dir/out" 2>"$dir/err"
check "some failed inputs exit 1" $? 1
check_grep "missing file reported" "zhnews: $dir/missing.txt: cannot open: no such file" "$dir/err"
check_grep "empty file reported" "zhnews: $dir/empty.txt: empty file" "$dir/err"
check_grep "directory reported" "zhnews: $dir/folder: is a directory" "$dir/err"
check_grep "binary file reported" "zhnews: $dir/binary.bin: not text" "$dir/err"
lines=$(wc -l <"$dir/out")
check "the good file is still processed" "$lines" 1

"$zhnews" "$sample" data/samples/hk-sections.txt >"$dir/out"; check "two files exit 0" $? 0
lines=$(wc -l <"$dir/out")
check "two files give two JSON lines" "$lines" 2

# A closed pipe ends the program quietly with status 0.
i=0
while [ $i -lt 200 ]; do echo "$sample"; i=$((i + 1)); done | xargs "$zhnews" 2>"$dir/err" | head -c 10 >/dev/null
status=$?
check "closed pipe: head succeeds" $status 0
n=$((n + 1))
if [ -s "$dir/err" ]; then echo "not ok $n closed pipe is quiet"; cat "$dir/err"; else echo "ok $n closed pipe is quiet"; fi

"$zhnews" -o "$dir/written.json" "$sample"; check "-o writes a file" $? 0
check_grep "-o file has the JSON" '"schema":"zhnews/1"' "$dir/written.json"
if [ -w /dev/full ]; then
    "$zhnews" "$sample" >/dev/full 2>"$dir/err"; check "write error exits 1" $? 1
    check_grep "write error reported" "write error" "$dir/err"
fi

# Scale: zhnews is a stateless JSON Lines filter, so splitting the input (as GNU parallel
# --pipe or a Hadoop Streaming mapper would) and concatenating the outputs gives exactly the
# single-process output. The source field is left out: record numbers restart in each part.
for f in data/samples/*.txt; do
    jq -c -Rs --arg id "$(basename "$f")" '{id: $id, content: .}' "$f"
done >"$dir/all.jsonl"
fields=id,title,tags,byline,sections,text,normalization,entities,dates,stats
"$zhnews" --input-format jsonl --fields "$fields" <"$dir/all.jsonl" >"$dir/one.out"
check "jsonl filter exits 0" $? 0
(cd "$dir" && split -l 3 all.jsonl part.)
for p in "$dir"/part.*; do
    "$zhnews" --input-format jsonl --fields "$fields" <"$p"
done >"$dir/merged.out"
n=$((n + 1))
records=$(wc -l <"$dir/all.jsonl")
if [ "$(wc -l <"$dir/one.out")" = "$records" ] && cmp -s "$dir/one.out" "$dir/merged.out"; then
    echo "ok $n split-and-merge output equals the single-process output"
else
    echo "not ok $n split-and-merge output differs from the single-process output"
fi

# normalize: one output line per input line, and an audit trail with --report.
printf '全毬技朮\n\n根据報道\n' | "$zhnews" normalize --report "$dir/report.jsonl" >"$dir/out"
check "normalize exits 0" $? 0
n=$((n + 1))
if [ "$(cat "$dir/out")" = "$(printf '全球技術\n\n根據報道')" ]; then echo "ok $n normalize repairs line for line"
else echo "not ok $n normalize output:"; cat "$dir/out"; fi
check_grep "--report names line 3" '"line":3,"fixes":\[{"start":1,"end":2,"from":"据","to":"據"' "$dir/report.jsonl"
lines=$(wc -l <"$dir/report.jsonl")
check "--report has one line per changed input line" "$lines" 2

# A user dictionary that cannot be read fails every command that takes one.
printf '全毬\n' | "$zhnews" normalize --user-dict "$dir/no-such-dict.txt" >"$dir/out" 2>"$dir/err"
check "normalize with a missing user dictionary exits 1" $? 1
check_grep "missing user dictionary named" "no-such-dict.txt: cannot open the user dictionary" "$dir/err"
"$zhnews" --user-dict "$dir/no-such-dict.txt" "$sample" >"$dir/out" 2>"$dir/err"
check "process with a missing user dictionary exits 1" $? 1

# Limits are options: a line past --max-line-bytes is an error that names the line.
printf 'short\n%0100d\n' 0 | "$zhnews" segment --max-line-bytes 50 >"$dir/out" 2>"$dir/err"
check "a line past --max-line-bytes exits 1" $? 1
check_grep "the long line is named" "<stdin>: line 2 longer than 50 bytes" "$dir/err"
check_grep "lines before it are written" "^short$" "$dir/out"

# --tagger lac: segment with LAC's words (tags with --pos); --tagger none equals --no-tagger.
if "$zhnews" tag </dev/null >/dev/null 2>&1; then
    echo '羅智泉在深圳' | "$zhnews" segment --tagger lac >"$dir/out"
    check "segment --tagger lac exits 0" $? 0
    check_grep "segment --tagger lac prints words" "^羅智泉 在 深圳$" "$dir/out"
    echo '羅智泉在深圳' | "$zhnews" segment --tagger lac --pos >"$dir/out"
    check_grep "segment --tagger lac --pos prints LAC tags" "^羅智泉/PER 在/p 深圳/LOC$" "$dir/out"
fi
"$zhnews" --tagger none --fields title "$sample" >"$dir/out"
check "--tagger none exits 0" $? 0
"$zhnews" --tagger bert "$sample" 2>"$dir/err"
check "unknown --tagger is a usage error" $? 2

# extract --input-format lines and tag work in batches (256 lines or 256 KB): the output must
# be what each line gives alone. Reference: every line as an input file of its own (each
# input ends its batch). The text for extract has more lines than a batch, empty and blank
# lines, and a line past 256 KB (done alone between two batches); the one for LAC (slow)
# fits in one batch: the batches themselves are the same code.
grep -hv '^$' data/samples/*.txt | head -n 60 >"$dir/some.txt"
{
    cat "$dir/some.txt" "$dir/some.txt"; echo; echo '   '
    head -c 270000 /dev/zero | tr '\0' 'x'; echo '，北京大學的王小明說。'
    cat "$dir/some.txt" "$dir/some.txt" "$dir/some.txt"
} >"$dir/many.txt"
same_as_alone() { # same_as_alone WHAT INPUT ARGS...: one run on INPUT = its lines as inputs
    what=$1; in=$2; shift 2
    rm -rf "$dir/lines" && mkdir "$dir/lines" && split -l 1 -a 3 "$in" "$dir/lines/l"
    "$zhnews" "$@" "$in" >"$dir/batched" 2>"$dir/err"
    check "$what in batches exits 0" $? 0
    check "$what: one output line per input line" "$(wc -l <"$dir/batched")" "$(wc -l <"$in")"
    "$zhnews" "$@" "$dir"/lines/l* >"$dir/alone"
    n=$((n + 1))
    if cmp -s "$dir/batched" "$dir/alone"; then echo "ok $n $what: batches = lines alone"
    else echo "not ok $n $what: batches differ from lines alone"; fi
}
same_as_alone "extract lines --no-tagger" "$dir/many.txt" extract --input-format lines --no-tagger
check_grep "extract lines finds names past the long line" '"text":"王小明"' "$dir/batched"
if "$zhnews" tag </dev/null >/dev/null 2>&1; then # with the LAC model: no long line (slow)
    { cat "$dir/some.txt"; echo; echo '   '; head -n 8 "$dir/some.txt"; } >"$dir/some-lac.txt"
    same_as_alone "extract lines (LAC)" "$dir/some-lac.txt" extract --input-format lines
    same_as_alone "tag" "$dir/some-lac.txt" tag
    same_as_alone "tag --ner-json" "$dir/some-lac.txt" tag --ner-json
fi
# A reader error after some lines: the lines before it are still written.
printf '北京大學\n%0100d\n' 0 | "$zhnews" extract --input-format lines --no-tagger \
    --max-line-bytes 50 >"$dir/out" 2>"$dir/err"
check "extract: a line past --max-line-bytes exits 1" $? 1
check_grep "extract: lines before the error are written" '"text":"北京大學"' "$dir/out"
# Mentions' code-point offsets: line mode and unrepaired articles take the extractor's own
# (zn_entity_mention's cp_start, cp_end), repaired articles count them through the repairs.
# On a text that needs no repair, with characters of one to four UTF-8 bytes, all agree.
printf '互聯網巨頭ATJ(阿里巴巴、騰訊、京東)合作。京東集團將與騰訊AI Lab簽約 😀 香港中文大學深圳校區副校長羅智泉介紹說，羅智泉說，é 北京大學的王小明說。\n' >"$dir/cps.txt"
"$zhnews" extract --no-tagger "$dir/cps.txt" >"$dir/cps-repaired" 2>"$dir/err"
"$zhnews" extract --no-tagger --no-repair "$dir/cps.txt" >"$dir/cps-as-is" 2>"$dir/err"
n=$((n + 1))
if cmp -s "$dir/cps-repaired" "$dir/cps-as-is"; then echo "ok $n extract: offsets with and without repair agree"
else echo "not ok $n extract: offsets with and without repair differ"; fi
"$zhnews" extract --no-tagger --input-format lines "$dir/cps.txt" >"$dir/cps-line" 2>"$dir/err"
grep -o '"start":[0-9]*,"end":[0-9]*' "$dir/cps-as-is" | sort >"$dir/cps-a"
grep -o '"start":[0-9]*,"end":[0-9]*' "$dir/cps-line" | sort >"$dir/cps-l"
check "extract: the text has mentions" "$(wc -l <"$dir/cps-l")" 12
n=$((n + 1))
if cmp -s "$dir/cps-a" "$dir/cps-l"; then echo "ok $n extract: line and article offsets agree"
else echo "not ok $n extract: line and article offsets differ"; fi
check_grep "extract: code points after a four-byte character" '"start":42,"end":48,"type":"university","text":"香港中文大學"' "$dir/cps-line"
