#!/bin/sh
# Encoding-detection accuracy (make eval): zhnews detect next to libuchardet alone, on
# snippets and whole files made from the dev texts in ../shared/eval.
# Usage: tests/eval/detect.sh BUILD_DIR
build=${1:-build}
eval_dir=${ZHNEWS_EVAL_DIR:-../shared/eval}
if [ ! -d "$eval_dir" ]; then
    echo "detect: skipped: $eval_dir not found"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046
${CC:-cc} -O2 -o "$work/uchardet-baseline" tests/eval/uchardet_baseline.c \
    $(pkg-config --cflags --libs uchardet) || exit 1
echo "== encoding detection (zhnews detect vs uchardet) =="
python3 tests/eval/detect_eval.py "$eval_dir" "$work/data" "$build/zhnews detect" \
    "$work/uchardet-baseline"

# The same check with the peer benchmark's own scorer (snippets of 100/300/1000 bytes).
peers=${ZHNEWS_PEERS_DIR:-../shared/bench-peers}
if [ -f "$peers/detect-test.py" ]; then
    echo "== bench-peers/detect-test.py: zhnews detect =="
    python3 "$peers/detect-test.py" "$work/data/peers" "$build/zhnews detect"
    echo "== bench-peers/detect-test.py: uchardet alone =="
    python3 "$peers/detect-test.py" "$work/data/peers" "$work/uchardet-baseline"
fi

# The sample article in every encoding decodes to the UTF-8 text (the Big5 copies lack the
# footer line, use plain spaces for U+00A0, and plain Big5 has 幾 for the HKSCS 僟).
samples=${ZHNEWS_SAMPLES_DIR:-../shared/samples}
if [ ! -d "$samples" ]; then
    echo "samples: skipped: $samples not found"
    exit 0
fi
# shellcheck disable=SC2046
${CC:-cc} -O2 -Iinclude -o "$work/reader-cat" tests/eval/reader_cat.c "$build/libzhnews.a" \
    $(pkg-config --libs uchardet opencc jansson libutf8proc) -lpthread -lm || exit 1
echo "== sample article: every encoding decodes to the UTF-8 text =="
"$work/reader-cat" "$samples/article-utf8.txt" > "$work/want.txt"
status=0
for f in "$samples"/article-*.txt; do
    "$work/reader-cat" "$f" > "$work/got.txt" || { echo "FAIL $f: reader error"; status=1; continue; }
    if cmp -s "$work/want.txt" "$work/got.txt"; then
        echo "ok   $(basename "$f"): identical"
    elif python3 - "$work/want.txt" "$work/got.txt" "$f" <<'PY'
import re
import sys
def plain(path):
    text = open(path, encoding='utf-8').read()
    return re.sub('[\u00a0\u2000-\u200a\u3000]', ' ', text).splitlines()
def big5_can(ch):
    try:
        ch.encode('big5hkscs' if 'hkscs' in sys.argv[3] else 'big5')
        return True
    except UnicodeEncodeError:
        return False
want, got = plain(sys.argv[1]), plain(sys.argv[2])
# Lines the encoding cannot hold come out empty; single characters it lacks were replaced.
ok = len(want) == len(got) and all(
    w == g or (g == '' and not all(big5_can(c) for c in w)) or
    (len(w) == len(g) and all(a == b or not big5_can(a) for a, b in zip(w, g)))
    for w, g in zip(want, got))
sys.exit(0 if ok else 1)
PY
    then
        echo "ok   $(basename "$f"): same text but for what Big5 cannot hold (footer, U+00A0)"
    else
        echo "FAIL $(basename "$f"): decodes to a different text"
        status=1
    fi
done
if "$work/reader-cat" "$samples/article-big5hkscs.txt" | grep -q '僟'; then
    echo "ok   article-big5hkscs.txt: 僟 (HKSCS only) survives"
else
    echo "FAIL article-big5hkscs.txt: 僟 lost"
    status=1
fi
exit $status
