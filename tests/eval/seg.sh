#!/bin/sh
# Word segmentation on the SIGHAN 2005 dev sets (PKU Simplified, CityU Traditional), scored by
# ../shared/eval/score/seg-score.py as word spans (P, R, F1, OOV and IV recall with the
# training word lists), in both conventions: the default (numbers keep their units: 70位,
# 2018年6月12日) and --split-units (the bakeoff's own: 70 位, 2018年 6月 12日), so that the
# cost of the convention on these gold standards is visible.
# Usage: tests/eval/seg.sh BUILD_DIR
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
    for mode in default split-units; do
        opt=""
        [ "$mode" = split-units ] && opt=--split-units
        # shellcheck disable=SC2086
        if ! "$build/zhnews" segment $opt "$seg/${set}_test.utf8" >"$out"; then
            echo "seg $set ($mode): zhnews segment failed"
            status=1
            continue
        fi
        python3 "$score" "$seg/${set}_test_gold.utf8" "$out" \
            --dict "$seg/${set}_training_words.utf8" --name "zhnews $set ($mode)"
    done
done
exit $status
