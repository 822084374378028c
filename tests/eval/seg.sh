#!/bin/sh
# Word segmentation on the SIGHAN 2005 dev sets (PKU Simplified, CityU Traditional), scored by
# ../shared/eval/score/seg-score.py as word spans (P, R, F1, OOV and IV recall with the
# training word lists). Usage: tests/eval/seg.sh BUILD_DIR [SEGMENT_COMMAND...]
build=${1:-build}
seg=../shared/eval/seg
score=../shared/eval/score/seg-score.py
if [ ! -d "$seg" ] || [ ! -f "$score" ]; then
    echo "seg: skipped: ../shared/eval not found"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
for set in pku cityu; do
    if ! "$build/zhnews" segment "$seg/${set}_test.utf8" >"$out"; then
        echo "seg $set: zhnews segment failed"
        status=1
        continue
    fi
    python3 "$score" "$seg/${set}_test_gold.utf8" "$out" \
        --dict "$seg/${set}_training_words.utf8" --name "zhnews $set"
done
exit $status
