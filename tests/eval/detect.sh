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
