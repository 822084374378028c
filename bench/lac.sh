#!/bin/sh
# The LAC tagger on ~115,000 characters of news lines (data/samples repeated): the library
# (a small driver) line by line and 16 lines a call, with one and two threads sharing one
# model (chars/s, FLOP rate, speed-up); then `zhnews tag` end to end (MB/s, peak RSS). The network costs 2 x 506,112
# multiply-adds per character (embedding 128, GRU state 128, 57 tags).
. bench/lib.sh
build=${1:-build}
dir="${ZHNEWS_BENCH_DIR:-/tmp/zhnews-bench}/lac"
if [ -n "$ZHNEWS_LAC_MODEL" ]; then
    model=$ZHNEWS_LAC_MODEL
else
    model=$(dpkg -L python3-jieba 2>/dev/null | grep '/lac_small$' | head -n 1)
fi
if [ -z "$model" ] || [ ! -f "$model/word.dic" ]; then
    echo "| tag (LAC) | - | - | skipped: python3-jieba's lac_small model not found |"
    exit 0
fi
export ZHNEWS_LAC_MODEL="$model"
mkdir -p "$dir"
if [ ! -f "$dir/all.txt" ]; then
    i=0
    while [ $i -lt 60 ]; do
        cat data/samples/*.txt
        i=$((i + 1))
    done | grep -v '^[[:space:]]*$' >"$dir/all.txt"
fi
bytes=$(wc -c <"$dir/all.txt")
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' \
    "$dir/all.txt")

# Threads sharing one model: each thread tags every n-th line with its own list.
cat >"$dir/lacbench.c" <<'END'
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "zhnews/tag.h"
static const zn_tagger *tagger;
static char **lines;
static size_t n_lines, n_threads, per_call;
static void *work(void *arg)
{
    size_t me = (size_t)arg, chars = 0;
    zn_tag_list l[64];
    const char *texts[64];
    size_t lens[64];
    for (size_t i = 0; i < per_call; i++) zn_tag_list_init(&l[i]);
    // thread `me` takes blocks of per_call lines, every n_threads-th block
    for (size_t i = me * per_call; i < n_lines; i += n_threads * per_call) {
        size_t m = n_lines - i < per_call ? n_lines - i : per_call;
        for (size_t j = 0; j < m; j++) {
            texts[j] = lines[i + j];
            lens[j] = strlen(lines[i + j]);
        }
        if (zn_tagger_run_many(tagger, texts, lens, m, l, NULL) != ZN_OK) exit(1);
        for (size_t j = 0; j < m; j++) chars += l[j].n_chars;
    }
    for (size_t i = 0; i < per_call; i++) zn_tag_list_clear(&l[i]);
    return (void *)chars;
}
int main(int argc, char **argv)
{
    zn_tagger *t;
    zn_error err;
    if (argc != 4 || zn_tagger_open(&t, NULL, &err) != ZN_OK) return 1;
    tagger = t;
    n_threads = (size_t)strtoul(argv[2], NULL, 10);
    per_call = (size_t)strtoul(argv[3], NULL, 10);
    if (per_call < 1 || per_call > 64 || n_threads < 1 || n_threads > 64) return 1;
    FILE *f = fopen(argv[1], "r");
    char *line = NULL;
    size_t cap = 0, max = 0;
    while (f != NULL && getline(&line, &cap, f) > 0) {
        if (n_lines == max) lines = realloc(lines, (max = 2 * max + 64) * sizeof *lines);
        line[strcspn(line, "\n")] = '\0';
        lines[n_lines++] = strdup(line);
    }
    struct timespec a, b, ca, cb;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
    pthread_t th[64];
    size_t chars = 0;
    for (size_t i = 0; i < n_threads; i++) pthread_create(&th[i], NULL, work, (void *)i);
    for (size_t i = 0; i < n_threads; i++) {
        void *r;
        pthread_join(th[i], &r);
        chars += (size_t)r;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
    printf("%zu %f %f\n", chars, (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9,
           (double)(cb.tv_sec - ca.tv_sec) + (double)(cb.tv_nsec - ca.tv_nsec) / 1e9);
    zn_tagger_close(t);
    return 0;
}
END
# shellcheck disable=SC2046
${CC:-cc} -O2 -Iinclude -o "$dir/lacbench" "$dir/lacbench.c" "$build/libzhnews.a" \
    $(pkg-config --libs uchardet opencc jansson libutf8proc 2>/dev/null) -lpthread -lm || exit 1
for per_call in 1 16; do
    one=""
    for threads in 1 2; do
        best=""
        cpu=""
        for run in 1 2 3; do
            out=$("$dir/lacbench" "$dir/all.txt" $threads $per_call)
            t=$(echo "$out" | cut -d' ' -f2)
            if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
                best=$t
                cpu=$(echo "$out" | cut -d' ' -f3)
            fi
        done
        [ -z "$one" ] && one=$best
        # chars/s per core: over the CPU time the threads used (robust to a busy machine)
        echo "$chars $bytes $best $one $threads $per_call $cpu" | awk '{
            how = $6 == 1 ? "zn_tagger_run per line" : "zn_tagger_run_many, " $6 " lines a call"
            printf "| tag (LAC) library, %d chars | %.2f | - | %s, %d thread(s), one model: " \
                "%.2f s, %.0f chars/s; per CPU second %.0f chars, %.1f GFLOP; %.2fx one " \
                "thread |\n", $1, $2 / 1e6 / $3, how, $5, $3, $1 / $3, $1 / $7,
                $1 / $7 * 1012224 / 1e9, $4 / $3 }'
    done
done
bench_row "zhnews tag, $chars chars" "$bytes" "one process, model loading included" \
    "$build/zhnews" tag "$dir/all.txt"
