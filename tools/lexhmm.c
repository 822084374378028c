/* SPDX-License-Identifier: MIT
 * The lexicon compiler's character model: reads jieba's finalseg HMM tables (Python dict
 * literals: {'B': -0.26, ...} and {'B': {'\u4e00': -3.65, ...}, ...}) and adds Traditional
 * forms of the characters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexcompile.h"
#include "util/utf8.h"

typedef struct py {
    const char *base;
    const char *p;
    const char *end;
    const char *path;
} py;

static void skip_ws(py *in)
{
    while (in->p < in->end && (*in->p == ' ' || *in->p == '\n' || *in->p == '\r' ||
                               *in->p == '\t' || *in->p == ',')) {
        in->p++;
    }
}

static void expect(py *in, char c)
{
    skip_ws(in);
    if (in->p >= in->end || *in->p != c) {
        lex_die("%s: expected '%c' at byte %zu", in->path, c, (size_t)(in->p - in->base));
    }
    in->p++;
}

// A quoted one-character key: 'B', '\u4e00' or a literal character.
static uint32_t parse_key(py *in)
{
    skip_ws(in);
    if (in->p < in->end && *in->p == 'u') {
        in->p++; // u'...' literal
    }
    expect(in, '\'');
    uint32_t cp;
    if (in->p + 6 <= in->end && in->p[0] == '\\' && in->p[1] == 'u') {
        char hex[5] = {in->p[2], in->p[3], in->p[4], in->p[5], 0};
        char *e;
        cp = (uint32_t)strtoul(hex, &e, 16);
        if (*e != '\0') {
            lex_die("%s: bad \\u escape", in->path);
        }
        in->p += 6;
    } else {
        size_t pos = 0;
        cp = zn__utf8_next(in->p, (size_t)(in->end - in->p), &pos);
        if (cp == ZN_UTF8_INVALID) {
            lex_die("%s: invalid UTF-8", in->path);
        }
        in->p += pos;
    }
    expect(in, '\'');
    return cp;
}

static float parse_num(py *in)
{
    skip_ws(in);
    char *e;
    double v = strtod(in->p, &e);
    if (e == in->p) {
        lex_die("%s: expected a number", in->path);
    }
    in->p = e;
    return v < ZN_HMM_NEVER ? ZN_HMM_NEVER : (float)v;
}

static int state_index(uint32_t c, const char *path)
{
    const char *states = "BMES";
    const char *s = c < 128 ? strchr(states, (int)c) : NULL;
    if (s == NULL || c == 0) {
        lex_die("%s: unknown HMM state", path);
    }
    return (int)(s - states);
}

typedef void (*entry_fn)(void *ctx, int state, uint32_t key, float v);

// P={K: v, ...} or P={K: {K2: v, ...}, ...}; calls fn(state of K, K2 or 0, v).
static void parse_table(const char *path, entry_fn fn, void *ctx)
{
    size_t len;
    char *text = lex_read_file(path, &len);
    const char *start = strstr(text, "P=");
    if (start == NULL) {
        lex_die("%s: no table 'P=' found", path);
    }
    py in = {text, start + 2, text + len, path};
    expect(&in, '{');
    for (;;) {
        skip_ws(&in);
        if (in.p < in.end && *in.p == '}') {
            break;
        }
        int state = state_index(parse_key(&in), path);
        expect(&in, ':');
        skip_ws(&in);
        if (in.p < in.end && *in.p == '{') {
            in.p++;
            for (;;) {
                skip_ws(&in);
                if (in.p < in.end && *in.p == '}') {
                    in.p++;
                    break;
                }
                uint32_t key = parse_key(&in);
                expect(&in, ':');
                fn(ctx, state, key, parse_num(&in));
            }
        } else {
            fn(ctx, state, 0, parse_num(&in));
        }
    }
    free(text);
}

static void on_start(void *ctx, int state, uint32_t key, float v)
{
    (void)key;
    ((lex_hmm *)ctx)->model.start[state] = v;
}

static void on_trans(void *ctx, int state, uint32_t key, float v)
{
    ((lex_hmm *)ctx)->model.trans[state][state_index(key, "prob_trans.py")] = v;
}

static int cmp_cp(const void *a, const void *b)
{
    uint32_t x = ((const zn_lex_hmm_char *)a)->cp;
    uint32_t y = ((const zn_lex_hmm_char *)b)->cp;
    return x < y ? -1 : x > y;
}

// Searches the first n entries, which are sorted.
static zn_lex_hmm_char *find_char(lex_hmm *hmm, size_t n, uint32_t cp)
{
    zn_lex_hmm_char key = {.cp = cp};
    return bsearch(&key, hmm->chars, n, sizeof key, cmp_cp);
}

static void add_char(lex_hmm *hmm, size_t *cap, uint32_t cp, const float *emit)
{
    if (hmm->n_chars == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        hmm->chars = lex_xrealloc(hmm->chars, *cap * sizeof *hmm->chars);
    }
    zn_lex_hmm_char *c = &hmm->chars[hmm->n_chars++];
    c->cp = cp;
    for (int s = 0; s < 4; s++) {
        c->emit[s] = emit != NULL ? emit[s] : ZN_HMM_NEVER;
    }
}

typedef struct emit_ctx {
    lex_hmm *hmm;
    size_t cap;
} emit_ctx;

// One entry per (state, character); merge_chars joins the four states of a character.
static void on_emit(void *ctx, int state, uint32_t key, float v)
{
    emit_ctx *e = ctx;
    add_char(e->hmm, &e->cap, key, NULL);
    e->hmm->chars[e->hmm->n_chars - 1].emit[state] = v;
}

// Sorts, then merges entries of the same character (state by state, the larger wins).
static void merge_chars(lex_hmm *hmm)
{
    qsort(hmm->chars, hmm->n_chars, sizeof *hmm->chars, cmp_cp);
    size_t out = 0;
    for (size_t i = 0; i < hmm->n_chars; i++) {
        if (out > 0 && hmm->chars[out - 1].cp == hmm->chars[i].cp) {
            for (int s = 0; s < 4; s++) {
                if (hmm->chars[i].emit[s] > hmm->chars[out - 1].emit[s]) {
                    hmm->chars[out - 1].emit[s] = hmm->chars[i].emit[s];
                }
            }
        } else {
            hmm->chars[out++] = hmm->chars[i];
        }
    }
    hmm->n_chars = out;
}

static void add_script_forms(lex_hmm *hmm, size_t *cap)
{
    static const char *const configs[] = {"s2t.json", "s2hk.json", "s2twp.json"};
    size_t n = hmm->n_chars;
    char **words = lex_xmalloc(n * sizeof *words);
    char **conv = lex_xmalloc(n * sizeof *conv);
    for (size_t i = 0; i < n; i++) {
        char buf[4];
        size_t l = zn__utf8_encode(hmm->chars[i].cp, buf);
        words[i] = lex_xstrndup(buf, l);
    }
    for (size_t c = 0; c < 3; c++) {
        lex_convert(configs[c], words, n, conv);
        for (size_t i = 0; i < n; i++) {
            if (conv[i] == NULL) {
                continue;
            }
            size_t pos = 0;
            size_t l = strlen(conv[i]);
            uint32_t cp = zn__utf8_next(conv[i], l, &pos);
            zn_lex_hmm_char *have = pos == l && cp != ZN_UTF8_INVALID ? find_char(hmm, n, cp)
                                                                       : NULL;
            if (have != NULL && c == 0) {
                // jieba's tables saw a Traditional character only in Simplified text, where
                // it is rare and skewed (羅 there is mostly not a surname): the statistics
                // of its Simplified form are the better estimate.
                memcpy(have->emit, hmm->chars[i].emit, sizeof have->emit);
            } else if (have == NULL && pos == l && cp != ZN_UTF8_INVALID) {
                float emit[4];
                memcpy(emit, hmm->chars[i].emit, sizeof emit); // before add_char reallocs
                add_char(hmm, cap, cp, emit);
            }
            free(conv[i]);
        }
    }
    merge_chars(hmm);
    for (size_t i = 0; i < n; i++) {
        free(words[i]);
    }
    free(words);
    free(conv);
}

void lex_hmm_load(lex_hmm *hmm, const char *dir, bool use_opencc)
{
    memset(hmm, 0, sizeof *hmm);
    for (int s = 0; s < 4; s++) {
        hmm->model.start[s] = -1.3862944f; // log 1/4
        for (int t = 0; t < 4; t++) {
            hmm->model.trans[s][t] = -1.3862944f;
        }
    }
    hmm->model.emit_floor = -14.0f;
    if (dir == NULL) {
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/prob_start.py", dir);
    parse_table(path, on_start, hmm);
    for (int s = 0; s < 4; s++) {
        for (int t = 0; t < 4; t++) {
            hmm->model.trans[s][t] = ZN_HMM_NEVER;
        }
    }
    snprintf(path, sizeof path, "%s/prob_trans.py", dir);
    parse_table(path, on_trans, hmm);
    snprintf(path, sizeof path, "%s/prob_emit.py", dir);
    emit_ctx e = {hmm, 0};
    parse_table(path, on_emit, &e);
    merge_chars(hmm);
    if (use_opencc && hmm->n_chars > 0) {
        add_script_forms(hmm, &e.cap);
    }
}

void lex_hmm_free(lex_hmm *hmm)
{
    free(hmm->chars);
    memset(hmm, 0, sizeof *hmm);
}
