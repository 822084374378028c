#!/bin/sh
# Date suites of ../shared/eval/dates scored with date-score.py through `zhnews dates`.
# Usage: tests/eval/dates.sh BUILD_DIR [-v]. Prints the per-suite and per-kind accuracy.
build=${1:-build}
shift 2>/dev/null
here=$(cd "$(dirname "$0")/../.." && pwd)
eval_dir="$here/../shared/eval"
if [ ! -d "$eval_dir/dates" ] || [ ! -f "$eval_dir/score/date-score.py" ]; then
    echo "dates: skipped: ../shared/eval not found"
    exit 0
fi
if [ ! -x "$build/zhnews" ]; then
    echo "dates: $build/zhnews not built" >&2
    exit 1
fi
cli=$(cd "$(dirname "$build/zhnews")" && pwd)/zhnews
echo "== dates (zhnews dates --input-format jsonl)"
python3 "$eval_dir/score/date-score.py" "$eval_dir"/dates/*.jsonl \
    --cmd "'$cli' dates --input-format jsonl" "$@"

# The JioNLP parser cases by the kinds issue 7 lists (our mapping of JioNLP's categories).
for gold in "$eval_dir"/dates/*.jsonl; do
    [ -f "$gold" ] || continue
    python3 "$here/tests/eval/dates_kinds.py" "$eval_dir/score/date-score.py" "$gold" \
        --cmd "'$cli' dates --input-format jsonl" "$@"
done

# The sample article: its four dates with the values expected under --ref-date 2018-06-13.
sample="$here/../shared/samples/article-utf8.txt"
expected="$here/../shared/samples/article.expected.json"
if [ -f "$sample" ] && [ -f "$expected" ]; then
    echo "== sample article (zhnews dates --ref-date 2018-06-13)"
    "$cli" dates --ref-date 2018-06-13 "$sample" | python3 -c '
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))["dates"]
got = [d for line in sys.stdin for d in json.loads(line)["dates"]]
# the raw article writes 噹日 for 當日 (a variant the normaliser repairs)
have = {(d["text"].replace("噹", "當"), d["value"]) for d in got}
ok = 0
for w in want:
    hit = (w["text"], w["with_ref_2018-06-13"]) in have
    ok += hit
    print("  %s %s = %s" % ("ok" if hit else "MISSING", w["text"], w["with_ref_2018-06-13"]))
print("  sample dates %d/%d" % (ok, len(want)))
' "$expected"
fi
