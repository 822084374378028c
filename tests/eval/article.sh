#!/bin/sh
# The sample article's expectations (../shared/samples) for every encoding copy.
build=${1:-build}
samples=../shared/samples
score=../shared/eval/score/check-article.py
if [ ! -d "$samples" ] || [ ! -f "$score" ]; then
    echo "article: skipped: ../shared/samples not found"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in "$samples"/article-*.txt; do
    "$build/zhnews" --ref-date 2018-06-13 "$f" >"$out" 2>/dev/null
    printf '%s: ' "$(basename "$f")"
    python3 "$score" "$samples/article.expected.json" "$out" --part all | tail -1
done
printf 'structure (utf8): '
"$build/zhnews" "$samples/article-utf8.txt" >"$out"
python3 "$score" "$samples/article.expected.json" "$out" --part structure | tail -1
