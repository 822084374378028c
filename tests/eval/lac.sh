#!/bin/sh
# The LAC tagger (make eval): per-character agreement with the reference tags of
# ../shared/eval/lac/reference-tags.jsonl, then NER F1 of `zhnews tag --ner-json` on the MSRA
# dev sets (Simplified and Traditional) with ../shared/eval/score/ner-score.py.
# Usage: tests/eval/lac.sh BUILD_DIR
build=${1:-build}
eval_dir=${ZHNEWS_EVAL_DIR:-../shared/eval}
if [ ! -d "$eval_dir" ]; then
    echo "lac: skipped: $eval_dir not found"
    exit 0
fi
if [ -n "$ZHNEWS_LAC_MODEL" ]; then
    model=$ZHNEWS_LAC_MODEL
else
    model=$(dpkg -L python3-jieba 2>/dev/null | grep '/lac_small$' | head -n 1)
fi
if [ -z "$model" ] || [ ! -f "$model/word.dic" ]; then
    echo "lac: skipped: Debian's LAC model (python3-jieba lac_small) not found"
    exit 0
fi
export ZHNEWS_LAC_MODEL="$model"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Per-character tags need the library API (the CLI prints words): a ten-line driver.
cat >"$work/chartags.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include "zhnews/tag.h"
int main(void)
{
    zn_tagger *t;
    zn_error err;
    if (zn_tagger_open(&t, NULL, &err) != ZN_OK) { fprintf(stderr, "%s\n", err.message); return 1; }
    zn_tag_list l;
    zn_tag_list_init(&l);
    static char line[1 << 20];
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t n = strcspn(line, "\n");
        if (zn_tagger_run(t, line, n, &l, &err) != ZN_OK) { fprintf(stderr, "%s\n", err.message); return 1; }
        for (size_t i = 0; i < l.n_chars; i++)
            printf("%s%s", i ? " " : "", zn_tagger_tag_name(t, l.char_tags[i]));
        putchar('\n');
    }
    zn_tag_list_clear(&l);
    zn_tagger_close(t);
    return 0;
}
EOF
# shellcheck disable=SC2046
${CC:-cc} -O2 -Iinclude -o "$work/chartags" "$work/chartags.c" "$build/libzhnews.a" \
    $(pkg-config --libs uchardet opencc jansson libutf8proc 2>/dev/null) -lpthread -lm || exit 1

ref="$eval_dir/lac/reference-tags.jsonl"
if [ -f "$ref" ]; then
    python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8"): print(json.loads(l)["text"])' "$ref" >"$work/ref.txt"
    "$work/chartags" <"$work/ref.txt" >"$work/ref.out" || exit 1
    python3 - "$ref" "$work/ref.out" <<'EOF'
import json, sys
gold = [json.loads(l)["tags"] for l in open(sys.argv[1], encoding="utf-8")]
pred = [l.split() for l in open(sys.argv[2], encoding="utf-8")]
same = total = lines = 0
for g, p in zip(gold, pred):
    total += len(g)
    same += sum(a == b for a, b in zip(g, p))
    lines += g == p
print(f"reference tags: {same}/{total} characters agree ({100.0 * same / max(total, 1):.2f} %), "
      f"{lines}/{len(gold)} sentences identical")
EOF
fi

for script in hans hant; do
    gold="$eval_dir/ner/msra_test.part1.$script.jsonl"
    [ -f "$gold" ] || continue
    python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8"): print(json.loads(l)["text"])' "$gold" >"$work/ner.txt"
    start=$(date +%s.%N)
    "$build/zhnews" tag --ner-json "$work/ner.txt" >"$work/ner.pred" || exit 1
    end=$(date +%s.%N)
    chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' \
        "$work/ner.txt")
    echo "MSRA $script ($chars characters, $(echo "$chars $start $end" |
        awk '{printf "%.0f", $1 / ($3 - $2)}') chars/s with model loading):"
    python3 "$eval_dir/score/ner-score.py" "$gold" "$work/ner.pred" | sed 's/^/  /'
done
