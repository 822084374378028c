#!/bin/sh
# The bad-input suite (issue 9): inputs a crawl really produces, each through the CLI, each
# asserting the exit status AND the message (or the output), never just "did not crash".
# Large inputs (a 50 MB line, a 100 MB JSON string, endless streams) are generated into a
# temporary folder at run time and removed at the end.
# Usage: tests/bad/run.sh BUILD_DIR. Prints "ok N what" / "not ok N what"; a case that
# cannot run here prints "ok N # SKIP why".
build=${1:-build}
zhnews="$build/zhnews"
case $zhnews in /*) ;; *) zhnews="$PWD/$zhnews" ;; esac
dir=$(mktemp -d)
chmod 755 "$dir" # the permission case runs as another user
trap 'chmod -R u+rwx "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
n=0
txt='台積電今年第三季營收創新高，董事長在台北表示，明年將擴大投資。' # 31 characters, 93 bytes

check() { # check WHAT STATUS WANTED
    n=$((n + 1))
    if [ "$2" = "$3" ]; then echo "ok $n $1"; else echo "not ok $n $1 (status $2, want $3)"; fi
}
check_grep() { # check_grep WHAT PATTERN FILE (fixed string)
    n=$((n + 1))
    if grep -qF -- "$2" "$3"; then echo "ok $n $1"; else
        echo "not ok $n $1: '$2' not in:"; head -c 600 "$3"; echo; fi
}
check_empty() { # check_empty WHAT FILE
    n=$((n + 1))
    if [ ! -s "$2" ]; then echo "ok $n $1"; else echo "not ok $n $1:"; head -c 600 "$2"; echo; fi
}
skip() {
    n=$((n + 1))
    echo "ok $n # SKIP $1"
}
# z ARGS...: runs zhnews with stdout in $dir/out and stderr in $dir/err; sets $st.
z() {
    "$zhnews" "$@" >"$dir/out" 2>"$dir/err"
    st=$?
}
count() { # count STRING FILE: occurrences of a fixed string
    grep -oF -- "$1" "$2" | wc -l | tr -d ' '
}

# --- empty, byte-order mark only, NUL bytes ---------------------------------------------
: >"$dir/empty.txt"
z "$dir/empty.txt"; check "empty file exits 1" $st 1
check_grep "empty file: message" "zhnews: $dir/empty.txt: empty file" "$dir/err"
check_empty "empty file: no output" "$dir/out"
printf '\357\273\277' >"$dir/bom8.txt"
z "$dir/bom8.txt"; check "UTF-8 BOM only exits 1" $st 1
check_grep "UTF-8 BOM only: empty file" "zhnews: $dir/bom8.txt: empty file" "$dir/err"
printf '\377\376' >"$dir/bom16.txt"
z "$dir/bom16.txt"; check "UTF-16LE BOM only exits 1" $st 1
check_grep "UTF-16LE BOM only: empty file" "zhnews: $dir/bom16.txt: empty file" "$dir/err"
{ printf '%s' "$txt"; printf 'abc\000def\n'; } >"$dir/nul.txt"
z "$dir/nul.txt"; check "NUL byte exits 1" $st 1
check_grep "NUL byte: not text at its offset" "zhnews: $dir/nul.txt: not text (NUL byte at byte 96)" "$dir/err"
z --on-invalid replace "$dir/nul.txt"; check "NUL byte is not text even with replace" $st 1
printf '{"id":"n","content":"a\\u0000b"}\n{"id":"ok","content":"%s"}\n' "$txt" >"$dir/nul.jsonl"
z --fields id "$dir/nul.jsonl"; check "JSONL \\u0000 exits 1" $st 1
check_grep "JSONL \\u0000: message names the line" "nul.jsonl: line 1: invalid JSON: \\u0000 is not allowed" "$dir/err"
check_grep "JSONL \\u0000: the next record is processed" '"id":"ok"' "$dir/out"
# UTF-16 may carry U+0000 as text; script conversion once dropped everything after it
# (OpenCC reads C strings; found by fuzz_normalize, fixed in src/normalize/convert.c).
{ printf '\377\376'; printf '台灣a' | iconv -f UTF-8 -t UTF-16LE; printf '\000\000'
  printf 'bcdef 資訊\n' | iconv -f UTF-8 -t UTF-16LE; } >"$dir/nul16.txt"
z --to s --fields text "$dir/nul16.txt"; check "UTF-16 U+0000 with --to s exits 0" $st 0
check_grep "UTF-16 U+0000 with --to s: nothing after it is lost" '"text":"台湾a\u0000bcdef 资讯"' "$dir/out"

# --- a 50 MB single line ------------------------------------------------------------------
printf '%s' "$txt" >"$dir/unit"
i=0; while [ $i -lt 14 ]; do cat "$dir/unit" "$dir/unit" >"$dir/unit2"; mv "$dir/unit2" "$dir/unit"; i=$((i + 1)); done
cat "$dir/unit" "$dir/unit" "$dir/unit" "$dir/unit" >"$dir/unit4" # 93 * 2^16 bytes = 6 MB
cat "$dir/unit4" "$dir/unit4" "$dir/unit4" "$dir/unit4" "$dir/unit4" "$dir/unit4" "$dir/unit4" \
    "$dir/unit4" "$dir/unit4" >"$dir/line50.txt" # 54.8 MB, no newline anywhere
echo >>"$dir/line50.txt"
rm -f "$dir/unit" "$dir/unit4"
z detect "$dir/line50.txt"; check "50 MB line: detect exits 0" $st 0
check_grep "50 MB line: detected as UTF-8" "$dir/line50.txt: UTF-8" "$dir/out"
z --input-format lines --max-article-bytes 1048576 "$dir/line50.txt"
check "50 MB line over --max-article-bytes (lines) exits 1" $st 1
check_grep "50 MB line: the limit is named" "line50.txt: line 1 longer than 1048576 bytes" "$dir/err"
z --max-article-bytes 1048576 "$dir/line50.txt"
check "50 MB article over --max-article-bytes exits 1" $st 1
check_grep "50 MB article: the limit is named" "line50.txt: article larger than 1048576 bytes" "$dir/err"
z normalize --no-repair "$dir/line50.txt"; check "50 MB line: normalize exits 0" $st 0
n=$((n + 1))
if cmp -s "$dir/out" "$dir/line50.txt"; then echo "ok $n 50 MB line comes through whole"; else
    echo "not ok $n 50 MB line comes through whole ($(wc -c <"$dir/out") bytes out)"; fi
rm -f "$dir/line50.txt" "$dir/out"

# --- invalid UTF-8 of every kind ----------------------------------------------------------
# name, octal bytes, bytes that do not decode (each becomes one U+FFFD under replace)
for case in overlong-2:'\300\257':2 overlong-3:'\340\200\257':3 surrogate:'\355\240\200':3 \
    above-10FFFF:'\364\220\200\200':4 f5-lead:'\365\200\200\200':4 stray-continuation:'\200':1 \
    truncated-mid:'\344\270':2 truncated-end:'\344\270':2; do
    name=${case%%:*}; rest=${case#*:}; seq=${rest%:*}; bad=${rest##*:}
    f="$dir/$name.txt"
    if [ "$name" = truncated-end ]; then
        { printf '%s' "$txt"; printf "$seq"; } >"$f"
    else
        { printf '%s' "$txt"; printf "$seq"; printf '%s\n' "$txt"; } >"$f"
    fi
    z "$f"; check "invalid UTF-8 ($name) exits 1" $st 1
    check_grep "invalid UTF-8 ($name): offset named" "zhnews: $f: invalid UTF-8 at byte 93" "$dir/err"
    z --from UTF-8 "$f"; check "invalid UTF-8 ($name) --from UTF-8 exits 1" $st 1
    z --on-invalid replace --fields text,source "$f"
    check "invalid UTF-8 ($name) replace exits 0" $st 0
    check_grep "invalid UTF-8 ($name) replace: $bad bytes counted" "\"invalid_bytes\":$bad}" "$dir/out"
    check "invalid UTF-8 ($name) replace: one U+FFFD per byte" "$(count '�' "$dir/out")" "$bad"
    z --on-invalid skip --fields text,source "$f"
    check "invalid UTF-8 ($name) skip exits 0" $st 0
    check_grep "invalid UTF-8 ($name) skip: bytes counted" "\"invalid_bytes\":$bad}" "$dir/out"
    check "invalid UTF-8 ($name) skip: no U+FFFD" "$(count '�' "$dir/out")" 0
done

# --- GB18030 four-byte sequences, Big5 user-defined area ---------------------------------
gbtxt=$(printf '%s' "$txt" | iconv -f UTF-8 -t GB18030)
{ printf '%s' "$gbtxt"; printf '\224\071\374\066\201\064\326\060'; printf '%s\n' "$gbtxt"; } \
    >"$dir/gb4.txt" # U+1F600 and U+1820 need four bytes
z --fields text,source "$dir/gb4.txt"; check "GB18030 four-byte: exits 0" $st 0
check_grep "GB18030 four-byte: detected" '"encoding":"GB18030"' "$dir/out"
check_grep "GB18030 four-byte: decoded" "擴大投資。😀ᠠ台積電" "$dir/out"
{ printf '%s' "$gbtxt"; printf '\224\071'; } >"$dir/gb4-cut.txt"
z --from GB18030 "$dir/gb4-cut.txt"; check "GB18030 cut four-byte sequence exits 1" $st 1
check_grep "GB18030 cut: offset named" "gb4-cut.txt: invalid GB18030 at byte 62" "$dir/err"
b5txt=$(printf '%s' "$txt" | iconv -f UTF-8 -t BIG5)
{ printf '%s' "$b5txt"; printf '\201\100'; printf '%s\n' "$b5txt"; } >"$dir/big5-uda.txt"
z "$dir/big5-uda.txt"; check "Big5 user-defined 0x8140 exits 1" $st 1
check_grep "Big5 user-defined: offset named" "big5-uda.txt: invalid BIG5-HKSCS at byte 62" "$dir/err"
z --from BIG5 "$dir/big5-uda.txt"; check "Big5 user-defined --from BIG5 exits 1" $st 1
check_grep "Big5 user-defined --from BIG5: offset" "big5-uda.txt: invalid BIG5 at byte 62" "$dir/err"
z --on-invalid replace --fields text,source "$dir/big5-uda.txt"
check "Big5 user-defined replace exits 0" $st 0
check_grep "Big5 user-defined replace: one byte counted" '"invalid_bytes":1}' "$dir/out"
check_grep "Big5 user-defined replace: U+FFFD in place" "擴大投資。�@台積電" "$dir/out"
{ printf '%s' "$b5txt"; printf '\372\100'; printf '%s\n' "$b5txt"; } >"$dir/big5-hkscs.txt"
z --fields text,source "$dir/big5-hkscs.txt"; check "Big5 0xFA40 (HKSCS) exits 0" $st 0
check_grep "Big5 0xFA40 decodes to U+20547" "擴大投資。𠕇台積電" "$dir/out"

# --- JSON Lines: a 100 MB string, nesting 100,000 deep ------------------------------------
{ printf '{"id":"big","content":"'
  head -c 104857600 /dev/zero | tr '\000' 'a'
  printf '"}\n{"id":"small","content":"%s"}\n' "$txt"; } >"$dir/str100.jsonl"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$dir/rss" "$zhnews" --fields id "$dir/str100.jsonl" \
        >"$dir/out" 2>"$dir/err"
    st=$?
else
    z --fields id "$dir/str100.jsonl"
fi
check "JSONL 100 MB string exits 1" $st 1
check_grep "JSONL 100 MB string: the limit is named" "str100.jsonl: line 1 longer than 67108864 bytes" "$dir/err"
if [ -s "$dir/rss" ]; then
    rss=$(tail -n 1 "$dir/rss")
    n=$((n + 1))
    if [ "$rss" -lt 716800 ]; then echo "ok $n JSONL 100 MB string: peak memory $rss KB < 700 MB"
    else echo "not ok $n JSONL 100 MB string: peak memory $rss KB"; fi
else
    skip "JSONL 100 MB string: peak memory (no /usr/bin/time)"
fi
rm -f "$dir/str100.jsonl"
{ printf '{"id":"deep","content":"x","meta":'
  head -c 100000 /dev/zero | tr '\000' '['
  head -c 100000 /dev/zero | tr '\000' ']'
  printf '}\n{"id":"ok","content":"%s"}\n' "$txt"; } >"$dir/deep.jsonl"
z --fields id "$dir/deep.jsonl"; check "JSON nested 100,000 deep exits 1" $st 1
check_grep "JSON nested: depth error with line" "deep.jsonl: line 1: invalid JSON: maximum parsing depth reached" "$dir/err"
check_grep "JSON nested: the next line is processed" '"id":"ok"' "$dir/out"

# --- TREC with unclosed tags ---------------------------------------------------------------
printf '<doc>\n<docno>A1</docno>\n<content>%s</content>\n</doc>\n<doc>\n<docno>B2</docno>\n<content>未完\n<doc>\n<docno>C3</docno>\n<content>第三篇</content>\n</doc>\n' \
    "$txt" >"$dir/unclosed.trec"
z --fields id "$dir/unclosed.trec"; check "TREC unclosed <doc> exits 1" $st 1
check_grep "TREC unclosed: line named" "unclosed.trec: line 5: <doc> without </doc>" "$dir/err"
check "TREC unclosed: the other two records are processed" "$(grep -c '"id":"A1"\|"id":"C3"' "$dir/out")" 2
printf '<doc>\n<docno>A1</docno>\n<content>%s</content>\n</doc>\n<doc>\n<docno>B2</docno>\n<content>未完' \
    "$txt" >"$dir/cut.trec"
z --fields id "$dir/cut.trec"; check "TREC cut at the end exits 1" $st 1
check_grep "TREC cut at the end: line named" "cut.trec: line 5: <doc> without </doc>" "$dir/err"

# --- a folder without read permission ------------------------------------------------------
mkdir -p "$dir/perm/locked" "$dir/perm/open" "$dir/permout"
printf '%s\n' "$txt" >"$dir/perm/locked/a.txt"
printf '%s\n' "$txt" >"$dir/perm/open/b.txt"
chmod 000 "$dir/perm/locked"
chmod 777 "$dir/permout"
as_user=""
if ls "$dir/perm/locked" >/dev/null 2>&1; then
    # root ignores permission bits: run zhnews as nobody instead, when that is possible
    if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$zhnews" 2>/dev/null; then
        as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    else
        as_user=none
    fi
fi
if [ "$as_user" = none ]; then
    skip "unreadable folder: permission bits do not deny here (root) and cannot run as nobody"
    skip "unreadable folder: message"
    skip "unreadable folder in batch"
    skip "unreadable folder in batch: message"
else
    $as_user "$zhnews" "$dir/perm/locked/a.txt" >"$dir/out" 2>"$dir/err"
    check "file in an unreadable folder exits 1" $? 1
    check_grep "unreadable folder: permission denied" "$dir/perm/locked/a.txt: cannot open: Permission denied" "$dir/err"
    $as_user "$zhnews" batch "$dir/perm" "$dir/permout/o" >"$dir/out" 2>"$dir/err"
    check "batch with an unreadable folder exits 1" $? 1
    check_grep "batch: the folder is named" "$dir/perm/locked: cannot read folder: Permission denied" "$dir/err"
    check_grep "batch: the readable file is written" '"path"' "$dir/permout/o/open/b.txt.json"
fi
chmod 755 "$dir/perm/locked"

# --- a FIFO ---------------------------------------------------------------------------------
mkfifo "$dir/fifo"
(printf '%s\n' "$txt" >"$dir/fifo" &)
timeout 20 "$zhnews" --fields text "$dir/fifo" >"$dir/out" 2>"$dir/err"
check "FIFO input exits 0" $? 0
check_grep "FIFO input is read" "\"text\":\"$txt\"" "$dir/out"
mkdir -p "$dir/fifodir"
printf '%s\n' "$txt" >"$dir/fifodir/a.txt"
mkfifo "$dir/fifodir/pipe"
timeout 20 "$zhnews" batch "$dir/fifodir" "$dir/fifoout" >"$dir/out" 2>"$dir/err"
check "batch does not block on a FIFO in the folder (exits 0)" $? 0
check_grep "batch next to a FIFO: the file is written" '"path"' "$dir/fifoout/a.txt.json"
check_grep "batch next to a FIFO: the FIFO is listed as ignored" '"path": "pipe",' "$dir/fifoout/summary.json"

# --- /dev/zero and endless inputs, stopped by --max-article-bytes ---------------------------
timeout 20 "$zhnews" --max-article-bytes 1048576 /dev/zero >"$dir/out" 2>"$dir/err"
check "/dev/zero exits 1" $? 1
check_grep "/dev/zero: not text" "zhnews: /dev/zero: not text (NUL byte at byte 0)" "$dir/err"
timeout 20 "$zhnews" --from UTF-16LE --max-article-bytes 1048576 /dev/zero >"$dir/out" 2>"$dir/err"
check "/dev/zero as UTF-16LE (endless U+0000) exits 1" $? 1
check_grep "/dev/zero as UTF-16LE: stopped by the limit" "zhnews: /dev/zero: article larger than 1048576 bytes" "$dir/err"
yes "$txt" | timeout 20 "$zhnews" --max-article-bytes 1048576 >"$dir/out" 2>"$dir/err"
# (the status of a pipeline is its last command's)
check_grep "endless text on stdin: stopped by the limit" "zhnews: <stdin>: article larger than 1048576 bytes" "$dir/err"
{ yes "$txt" | timeout 20 "$zhnews" --max-article-bytes 1048576 >/dev/null 2>&1; echo $? >"$dir/st"; } 
check "endless text on stdin exits 1" "$(cat "$dir/st")" 1

# --- output to /dev/full, a full disk under batch, a closed pipe -----------------------------
if [ -w /dev/full ]; then
    for cmd in process normalize segment dates; do
        "$zhnews" $cmd data/samples/tw-cna.txt >/dev/full 2>"$dir/err"
        check "$cmd to /dev/full exits 1" $? 1
        check_grep "$cmd to /dev/full: write error" "zhnews: stdout: write error: No space left on device" "$dir/err"
    done
    z -o /dev/full data/samples/tw-cna.txt; check "-o /dev/full exits 1" $st 1
    check_grep "-o /dev/full: write error" "zhnews: /dev/full: write error" "$dir/err"
else
    skip "/dev/full is not writable here"
fi
# A full disk for batch: a file size limit (2 blocks: 1 or 2 KB, by shell) makes every
# larger write fail (EFBIG).
mkdir -p "$dir/fullin"
cp data/samples/tw-cna.txt data/samples/hk-sections.txt "$dir/fullin/"
(trap '' XFSZ; ulimit -f 2 && exec "$zhnews" batch "$dir/fullin" "$dir/fullout") >"$dir/out" 2>"$dir/err"
check "batch on a full disk exits 1" $? 1
check_grep "batch on a full disk: write error named" "$dir/fullout/tw-cna.txt.json: cannot write: File too large" "$dir/err"
# index.jsonl and summary.json are small enough to be written; no article file, whole or
# partial, and no temporary file may be left.
check "batch on a full disk: no partial or temporary file left" \
    "$(find "$dir/fullout" -type f ! -name index.jsonl ! -name summary.json | wc -l | tr -d ' ')" 0
check "batch on a full disk: index.jsonl lists no article that was not written" \
    "$(cat "$dir/fullout/index.jsonl" 2>/dev/null | grep -c .)" 0
i=0
while [ $i -lt 3000 ]; do echo "{\"id\":\"$i\",\"content\":\"$txt\"}"; i=$((i + 1)); done >"$dir/big.jsonl"
{ "$zhnews" "$dir/big.jsonl" 2>"$dir/err"; echo $? >"$dir/st"; } | head -1 >"$dir/out"
check "big.jsonl | head -1: zhnews exits 0" "$(cat "$dir/st")" 0
check_empty "big.jsonl | head -1: nothing on stderr" "$dir/err"
check "big.jsonl | head -1: one line" "$(wc -l <"$dir/out" | tr -d ' ')" 1

# --- regression checks of fixed library bugs (inputs the fuzz targets found) -----------------
if [ -x "$build/tests/bad/regress_lib" ]; then
    "$build/tests/bad/regress_lib" $n >"$dir/regress" 2>&1
    st=$?
    cat "$dir/regress"
    n=$((n + $(grep -c '^ok \|^not ok ' "$dir/regress")))
    [ $st = 0 ] || { n=$((n + 1)); echo "not ok $n regress_lib exited with status $st"; }
else
    n=$((n + 1)); echo "not ok $n $build/tests/bad/regress_lib not built (make check-build)"
fi
