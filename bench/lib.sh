#!/bin/sh
# Shared helpers of the bench scripts: time a command, report MB/s and peak RSS.
# bench_row NAME INPUT_BYTES NOTE COMMAND... : runs COMMAND 3 times (stdout discarded),
# takes the fastest wall time, prints a table row.
bench_row()
{
    name=$1; bytes=$2; note=$3; shift 3
    best=""
    peak=0
    tfile=$(mktemp)
    for run in 1 2 3; do
        /usr/bin/time -o "$tfile" -f '%e %M' "$@" >/dev/null 2>/dev/null
        t=$(tail -1 "$tfile")
        wall=${t% *}
        kb=${t#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    rm -f "$tfile"
    awk -v n="$name" -v b="$bytes" -v w="$best" -v k="$peak" -v note="$note" 'BEGIN {
        mbs = (w > 0) ? b / 1e6 / w : 0
        printf "| %s | %.2f | %.1f | %s (%.2f s for %.2f MB) |\n", n, mbs, k / 1024, note, w, b / 1e6 }'
}

# run_time COMMAND...: the wall time (s) of one run of COMMAND (stdout discarded), read from
# the nanosecond clock of `date +%s%N` (GNU): runs of a tenth of a second are not lost in
# /usr/bin/time's 0.01 s grain.
run_time()
{
    t0=$(date +%s%N)
    "$@" >/dev/null 2>/dev/null
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }'
}

# best_time COMMAND...: the fastest wall time (s) of ${BENCH_RUNS:-5} runs of COMMAND.
best_time()
{
    best=""
    for run in $(seq "${BENCH_RUNS:-5}"); do
        t=$(run_time "$@")
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}

# bench_need FILE CASE: a row saying CASE is skipped, and the end of the calling script, when
# FILE (third-party text from ../shared/eval) is absent.
bench_need()
{
    if [ ! -f "$1" ]; then
        echo "| $2 | - | - | skipped: ../shared/eval not found |"
        exit 0
    fi
}
