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
