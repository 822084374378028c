#!/bin/sh
# `make eval`: runs every tests/eval/*.sh scorer against ../shared/eval (third-party dev
# data that a user's clone does not have). Each script skips with a message when it is absent.
build=${1:-build}
if [ ! -d ../shared/eval ]; then
    echo "eval: skipped: ../shared/eval not found (dev data is not part of the project)"
    exit 0
fi
status=0
for s in tests/eval/*.sh; do
    [ "$s" = tests/eval/run-eval.sh ] && continue
    echo "== $s"
    sh "$s" "$build" || status=1
done
exit $status
