/* SPDX-License-Identifier: MIT
 * The character model for words the lexicon lacks: Viterbi over the states B, M, E, S of a
 * run of single characters (jieba's finalseg tables, compiled into the lexicon). */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/alloc.h"
#include "util/error.h"

// Which states may precede each state (B and S follow E or S; M and E follow B or M).
static const int prev_states[4][2] = {
    [ZN_CHAR_B] = {ZN_CHAR_E, ZN_CHAR_S},
    [ZN_CHAR_M] = {ZN_CHAR_M, ZN_CHAR_B},
    [ZN_CHAR_E] = {ZN_CHAR_B, ZN_CHAR_M},
    [ZN_CHAR_S] = {ZN_CHAR_S, ZN_CHAR_E},
};

static zn_status reserve(zn_tokenizer *tok, size_t n, zn_error *err)
{
    if (n <= tok->vit_cap) {
        return ZN_OK;
    }
    float *vit = zn__reallocarray(tok->vit, n, 4 * sizeof *vit);
    if (vit == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->vit = vit;
    uint8_t *states = zn__reallocarray(tok->states, n, 4);
    if (states == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->states = states;
    tok->vit_cap = n;
    return ZN_OK;
}

// Fills tok->states[0..n) with the best state of each character (path recovered backwards).
static void viterbi(zn_tokenizer *tok, const tok_char *chars, size_t n)
{
    float *v = tok->vit;
    uint8_t *back = tok->states; // back[t * 4 + s]: best previous state
    float emit[4];
    zn_lexicon_char_emit(tok->lex, chars[0].cp, emit);
    for (int s = 0; s < 4; s++) {
        v[s] = tok->start[s] + emit[s];
    }
    for (size_t t = 1; t < n; t++) {
        zn_lexicon_char_emit(tok->lex, chars[t].cp, emit);
        for (int s = 0; s < 4; s++) {
            int p0 = prev_states[s][0];
            int p1 = prev_states[s][1];
            float a = v[(t - 1) * 4 + p0] + tok->trans[p0][s];
            float b = v[(t - 1) * 4 + p1] + tok->trans[p1][s];
            v[t * 4 + s] = (a >= b ? a : b) + emit[s];
            back[t * 4 + s] = (uint8_t)(a >= b ? p0 : p1);
        }
    }
    // The last character ends a word (E or S).
    size_t last = (n - 1) * 4;
    int s = v[last + ZN_CHAR_E] >= v[last + ZN_CHAR_S] ? ZN_CHAR_E : ZN_CHAR_S;
    for (size_t t = n; t-- > 0;) {
        int p = t > 0 ? back[t * 4 + s] : 0;
        back[t * 4] = (uint8_t)s; // slot 0 of row t now holds the chosen state
        s = p;
    }
}

// A best guess for a word the lexicon lacks: a person's name when it starts with a common
// surname and has two or three characters, a transliterated name when every character is a
// transliteration character, else a noun.
static const char *guess_tag(const zn_tokenizer *tok, const tok_char *c, size_t n)
{
    if (n >= 2 && n <= 3 && c[0].cp < 65536 && (tok->sflags[c[0].cp] & TOK_SF_SURNAME)) {
        return "nr";
    }
    size_t k = 0;
    while (k < n && (c[k].flags & TOK_CF_TRANSLIT)) {
        k++;
    }
    return k == n && n >= 3 ? "nrfg" : "n";
}

zn_status zn__tok_hmm_cut(zn_tokenizer *tok, size_t from, size_t to, zn_token_list *list,
                          zn_error *err)
{
    size_t n = to - from;
    zn_status st = reserve(tok, n + 1, err);
    if (st != ZN_OK) {
        return st;
    }
    const tok_char *chars = tok->chars + from;
    viterbi(tok, chars, n);
    size_t start = 0;
    for (size_t t = 0; t < n; t++) {
        int s = tok->states[t * 4];
        if (s != ZN_CHAR_E && s != ZN_CHAR_S && t + 1 < n) {
            continue;
        }
        if (t == start) { // a single character keeps what the best path said of it
            const tok_best *b = &tok->best[from + t];
            uint32_t flags = b->kind == TOK_KIND_LEX ? ZN_TOKEN_IN_LEXICON : 0;
            st = zn__tok_push(list, chars[t].off, chars[t + 1].off, b->tag, flags, err);
        } else {
            st = zn__tok_push(list, chars[start].off, chars[t + 1].off,
                              guess_tag(tok, chars + start, t + 1 - start), 0, err);
        }
        if (st != ZN_OK) {
            return st;
        }
        start = t + 1;
    }
    return ZN_OK;
}
