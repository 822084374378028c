#!/bin/sh
# Reader throughput and peak memory: `zhnews detect` reads every record of large generated
# inputs (detection, decoding, container splitting; no later stage). Inputs are our own
# fixture text repeated, in UTF-8, GB18030, Big5 and UTF-16LE, as lines, JSON Lines and
# TREC files of ~10 KB records, plus one large plain-text article.
# Usage: bench/reader.sh BUILD_DIR  (ZHNEWS_BENCH_MB sets the size, default 100)
. bench/lib.sh
build=${1:-build}
mb=${ZHNEWS_BENCH_MB:-100}
dir="${ZHNEWS_BENCH_DIR:-${TMPDIR:-/tmp}/zhnews-bench}/reader-$mb"
if [ ! -f "$dir/done" ]; then
    mkdir -p "$dir"
    python3 - "$dir" "$mb" <<'PY' || exit 1
import json
import sys
out, mb = sys.argv[1], int(sys.argv[2])
size = mb * 1000 * 1000
fix = 'tests/fixtures/reader/'
trad = open(fix + 'article-trad.txt', encoding='utf-8').read()
simp = open(fix + 'article-simp.txt', encoding='utf-8').read()
def repeat(text, n):
    return (text * (n // len(text.encode('utf-8')) + 1))
body = repeat(trad + simp, 10000)[:3400]  # ~10 KB of UTF-8 per record
def write(name, text, enc):
    with open(out + '/' + name, 'wb') as f:
        data = text.encode(enc)
        reps = size // len(data) + 1
        for _ in range(reps):
            f.write(data)
lines = trad.replace('\n\n', '\n')
write('lines.utf8.txt', lines, 'utf-8')
write('lines.gb18030.txt', lines, 'gb18030')
write('lines.big5.txt', lines, 'big5')
write('lines.utf16le.txt', '\ufeff' + lines, 'utf-16-le')
rec = json.dumps({'id': 1, 'title': '標題', 'content': body, 'source': 'bench'},
                 ensure_ascii=False) + '\n'
write('records.jsonl', rec, 'utf-8')
doc = '<doc>\n<url>http://example.cn/1</url>\n<docno>1</docno>\n<contenttitle>标题</contenttitle>\n<content>%s</content>\n</doc>\n' % simp.replace('\n', ' ') * 12
write('records.gb18030.trec', doc, 'gb18030')
with open(out + '/article.gb18030.txt', 'wb') as f:
    data = (trad + simp).encode('gb18030')
    for _ in range(min(size, 32 * 1000 * 1000) // len(data)):
        f.write(data)
open(out + '/done', 'w').close()
PY
fi
z="$build/zhnews"
for c in "lines.utf8.txt lines UTF-8" "lines.gb18030.txt lines GB18030" \
         "lines.big5.txt lines Big5" "lines.utf16le.txt lines UTF-16LE" \
         "records.jsonl jsonl UTF-8" "records.gb18030.trec trec GB18030"; do
    set -- $c
    f="$dir/$1"
    bench_row "reader: $2, $3" "$(wc -c < "$f")" "zhnews detect --input-format $2" \
        "$z" detect --input-format "$2" "$f"
done
f="$dir/article.gb18030.txt"
bench_row "reader: one text article, GB18030" "$(wc -c < "$f")" \
    "zhnews detect --max-article-bytes 100000000" "$z" detect --max-article-bytes 100000000 "$f"
# Constant memory on 1 GB: ten copies of the 100 MB JSONL and TREC files through stdin
# (opt-in, about a minute per run: ZHNEWS_BENCH_LARGE=1).
if [ "${ZHNEWS_BENCH_LARGE:-0}" = 1 ] && [ "$mb" = 100 ]; then
    for c in "records.jsonl jsonl" "records.gb18030.trec trec"; do
        set -- $c
        f="$dir/$1"
        bench_row "reader: $2, 1 GB on stdin" "$(( $(wc -c < "$f") * 10 ))" \
            "10 copies piped to zhnews detect --input-format $2 -" \
            sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do cat '$f'; done | '$z' detect --input-format $2 -"
    done
fi
