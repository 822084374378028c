/* SPDX-License-Identifier: MIT
 * zn_tokenizer_run: decodes the text once into per-character scratch, marks rule atoms,
 * finds the best path of each run between spaces, sends runs of single characters the
 * lexicon lacks through the character model, and marks sentence ends. */
#include <math.h>
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

void zn_tokenizer_options_init(zn_tokenizer_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->split_units = false;
}

zn_status zn_tokenizer_new(zn_tokenizer **out, const zn_lexicon *lex, zn_error *err)
{
    return zn_tokenizer_new_opts(out, lex, NULL, err);
}

zn_status zn_tokenizer_new_opts(zn_tokenizer **out, const zn_lexicon *lex,
                                const zn_tokenizer_options *opts, zn_error *err)
{
    *out = NULL;
    zn_tokenizer *tok = zn__calloc(1, sizeof *tok);
    if (tok == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->lex = lex;
    if (opts != NULL) {
        tok->opts = *opts;
    } else {
        zn_tokenizer_options_init(&tok->opts);
    }
    tok->cflags = zn__malloc(65536);
    tok->sflags = zn__malloc(65536);
    tok->cls = zn__calloc(65536, 1);
    tok->logf = zn__reallocarray(NULL, TOK_LOG_TABLE, sizeof *tok->logf);
    if (tok->cflags == NULL || tok->sflags == NULL || tok->cls == NULL || tok->logf == NULL) {
        zn_tokenizer_free(tok);
        return zn__error_nomem(err, "tokenizer");
    }
    zn__tok_fill_char_flags(tok->cflags);
    zn__tok_fill_suffix_flags(tok->sflags);
    zn__tok_fill_suffix_bits(tok->sword); // tok was zeroed
    tok->logf[0] = 0.0f;
    for (size_t f = 1; f < TOK_LOG_TABLE; f++) {
        tok->logf[f] = -1.0f; // computed when first needed: start-up stays quick
    }
    if (lex != NULL) {
        uint64_t total = zn_lexicon_total_freq(lex);
        tok->log_total = log(total > 0 ? (double)total : 1.0);
        zn_lexicon_char_model(lex, tok->start, tok->trans);
    } else {
        tok->log_total = log(1e8);
    }
    *out = tok;
    return ZN_OK;
}

void zn_tokenizer_free(zn_tokenizer *tok)
{
    if (tok == NULL) {
        return;
    }
    zn__free(tok->cflags);
    zn__free(tok->sflags);
    zn__free(tok->cls);
    zn__free(tok->logf);
    zn__free(tok->chars);
    zn__free(tok->best);
    zn__free(tok->atag);
    zn__free(tok->vit);
    zn__free(tok->states);
    zn__free(tok);
}

static zn_status reserve(zn_tokenizer *tok, size_t n, zn_error *err)
{
    if (n <= tok->cap) {
        return ZN_OK;
    }
    size_t cap = n < 256 ? 256 : n + n / 2;
    tok_char *chars = zn__reallocarray(tok->chars, cap, sizeof *chars);
    if (chars == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->chars = chars;
    tok_best *best = zn__reallocarray(tok->best, cap, sizeof *best);
    if (best == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->best = best;
    char(*atag)[8] = zn__reallocarray(tok->atag, cap, sizeof *atag);
    if (atag == NULL) {
        return zn__error_nomem(err, "tokenizer");
    }
    tok->atag = atag;
    tok->cap = cap;
    return ZN_OK;
}

// zn__tok_class, remembered for the code points below U+10000.
static inline uint8_t char_class(zn_tokenizer *tok, uint32_t cp)
{
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
        return TOK_HAN;
    }
    if (cp >= 65536) {
        return zn__tok_class(cp);
    }
    if (tok->cls[cp] == 0) {
        tok->cls[cp] = zn__tok_class(cp);
    }
    return tok->cls[cp];
}

// Decodes s[from..len) into tok->chars and sets *n to the number of characters. Returns false
// at the first invalid sequence, whose byte offset goes to *bad.
static bool decode(zn_tokenizer *tok, const char *s, size_t from, size_t len, size_t *n,
                   size_t *bad)
{
    tok_char *chars = tok->chars; // locals: the byte stores below may alias *tok
    const uint8_t *cflags = tok->cflags;
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    size_t pos = from;
    while (pos < len) {
        size_t at = pos;
        const unsigned char *p = u + pos;
        uint32_t cp;
        if (pos + 3 <= len && (unsigned)(p[0] - 0xE1) <= 0xEF - 0xE1 && p[0] != 0xED &&
            ((p[1] & 0xC0) | (p[2] & 0xC0) >> 2) == 0xA0) {
            // The common case, ideographs and CJK punctuation (U+1000-U+FFFF but the
            // surrogates): a three-byte sequence with these lead bytes is never overlong nor
            // a surrogate.
            cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            pos += 3;
        } else {
            cp = zn__utf8_next(s, len, &pos);
            if (cp == ZN_UTF8_INVALID) {
                *bad = at;
                return false;
            }
        }
        tok_char c = {.cp = cp,
                      .off = (uint32_t)at,
                      .cls = char_class(tok, cp),
                      .flags = cp < 65536 ? cflags[cp] : 0};
        chars[k++] = c; // atom, inside 0
    }
    tok_char *end = &chars[k];
    memset(end, 0, sizeof *end);
    end->off = (uint32_t)len;
    end->cls = TOK_SPACE;
    *n = k;
    return true;
}

static bool all_punct(const tok_char *chars, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++) {
        if (chars[k].cls != TOK_PUNCT) {
            return false;
        }
    }
    return true;
}

// The best path's word from chars[i] to the list. The scratch arrays come as arguments: the
// callers keep them in registers across the list's byte stores.
static inline __attribute__((always_inline)) zn_status
push_best(const tok_best *best, const tok_char *chars, size_t i, zn_token_list *list,
          zn_error *err)
{
    const tok_best *b = &best[i];
    uint32_t flags = b->kind == TOK_KIND_LEX ? ZN_TOKEN_IN_LEXICON : 0;
    if (chars[i].cls == TOK_PUNCT && all_punct(chars, i, b->next)) {
        flags |= ZN_TOKEN_PUNCT;
    }
    return zn__tok_push8(list, chars[i].off, chars[b->next].off, b->tag, flags, err);
}

// Frequent function words (particles, prepositions, conjunctions, adverbs, pronouns,
// numerals, classifiers, localisers, and the commonest verbs such as 是 有 说) stand alone:
// the character model never joins them to their neighbours.
static bool is_barrier(const tok_best *b)
{
    if (b->kind != TOK_KIND_LEX) {
        return false;
    }
    if (b->tag[0] == 'v' && b->tag[1] == '\0') {
        return b->freq >= 150000;
    }
    if (b->freq < 40000) {
        return false;
    }
    switch (b->tag[0]) {
    case 'u': case 'p': case 'c': case 'd': case 'r': case 'm': case 'q': case 'f': case 'k':
        return true;
    default:
        return false;
    }
}

// Single characters from..to of the best path: alone, or through the character model when
// two or more are in a row and together they are not a word (jieba's rule).
static zn_status flush_plain(zn_tokenizer *tok, const char *s, size_t from, size_t to,
                             zn_token_list *list, zn_error *err)
{
    const tok_char *c = tok->chars;
    if (to - from >= 2 && tok->lex != NULL &&
        !zn_lexicon_lookup(tok->lex, s + c[from].off, c[to].off - c[from].off, NULL)) {
        return zn__tok_hmm_cut(tok, from, to, list, err);
    }
    const tok_best *best = tok->best;
    for (size_t i = from; i < to; i++) {
        zn_status st = push_best(best, c, i, list, err);
        if (st != ZN_OK) {
            return st;
        }
    }
    return ZN_OK;
}

static zn_status flush_singles(zn_tokenizer *tok, const char *s, size_t from, size_t to,
                               zn_token_list *list, zn_error *err)
{
    size_t start = from;
    const tok_best *best = tok->best;
    for (size_t i = from; i < to; i++) {
        if (!is_barrier(&best[i])) {
            continue;
        }
        zn_status st = flush_plain(tok, s, start, i, list, err);
        if (st == ZN_OK) {
            st = push_best(best, tok->chars, i, list, err);
        }
        if (st != ZN_OK) {
            return st;
        }
        start = i + 1;
    }
    return flush_plain(tok, s, start, to, list, err);
}

static zn_status emit_run(zn_tokenizer *tok, const char *s, size_t from, size_t to,
                          zn_token_list *list, zn_error *err)
{
    size_t pending = SIZE_MAX; // first of a row of single Han characters
    zn_status st = ZN_OK;
    const tok_best *best = tok->best;
    const tok_char *chars = tok->chars;
    for (size_t i = from; i < to && st == ZN_OK;) {
        const tok_best *b = &best[i];
        if (b->next == i + 1 && chars[i].cls == TOK_HAN && b->kind != TOK_KIND_RULE) {
            pending = pending == SIZE_MAX ? i : pending;
            i = b->next;
            continue;
        }
        if (pending != SIZE_MAX) {
            st = flush_singles(tok, s, pending, i, list, err);
            pending = SIZE_MAX;
        }
        if (st == ZN_OK) {
            st = push_best(best, chars, i, list, err);
        }
        i = b->next;
    }
    if (st == ZN_OK && pending != SIZE_MAX) {
        st = flush_singles(tok, s, pending, to, list, err);
    }
    return st;
}

// A long text is cut into windows of about this many bytes (after white space or a Chinese
// comma or full stop), so the scratch memory stays bounded whatever the length of a line.
#define TOK_WINDOW 65536u

static bool is_cut_punct(const unsigned char *p)
{
    // 。 U+3002 and 、 U+3001; ， U+FF0C, ！ U+FF01, ？ U+FF1F, ； U+FF1B
    return (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x82 || p[2] == 0x81)) ||
           (p[0] == 0xEF && p[1] == 0xBC &&
            (p[2] == 0x8C || p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B));
}

static size_t window_end(const char *s, size_t from, size_t len)
{
    if (len - from <= TOK_WINDOW) {
        return len;
    }
    const unsigned char *u = (const unsigned char *)s;
    size_t lim = from + TOK_WINDOW;
    for (size_t k = lim; k > from + TOK_WINDOW / 2; k--) {
        unsigned char c = u[k - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || is_cut_punct(u + k - 3)) {
            return k;
        }
    }
    size_t k = lim;
    while (k > from + 1 && (u[k] & 0xC0) == 0x80) {
        k--; // no break in sight: cut between two characters
    }
    return k;
}

static zn_status push_space(zn_token_list *list, size_t first, size_t start, size_t end,
                            zn_error *err)
{
    zn_token *last = list->count > first ? &list->items[list->count - 1] : NULL;
    if (last != NULL && (last->flags & ZN_TOKEN_SPACE) && last->end == start) {
        last->end = end; // white space across a window cut stays one token
        return ZN_OK;
    }
    return zn__tok_push(list, start, end, "x", ZN_TOKEN_SPACE, err);
}

static zn_status run_window(zn_tokenizer *tok, const char *s, size_t from, size_t to,
                            zn_token_list *list, size_t first, zn_error *err)
{
    zn_status st = reserve(tok, to - from + 2, err);
    if (st != ZN_OK) {
        return st;
    }
    size_t n = 0;
    size_t bad = 0;
    if (!decode(tok, s, from, to, &n, &bad)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "invalid UTF-8 (byte %zu)", bad);
    }
    zn__tok_mark_atoms(tok->chars, 0, n, tok->atag);
    for (size_t i = 0; i < n && st == ZN_OK;) {
        size_t j = i;
        const tok_char *chars = tok->chars;
        bool space = chars[i].cls == TOK_SPACE;
        if (space) {
            while (j < n && chars[j].cls == TOK_SPACE) {
                j++;
            }
        } else {
            while (chars[j].cls != TOK_SPACE) { // chars[n], the end, is a space
                j++;
            }
        }
        if (space) {
            st = push_space(list, first, tok->chars[i].off, tok->chars[j].off, err);
        } else {
            zn__tok_best_path(tok, s, i, j);
            st = emit_run(tok, s, i, j, list, err);
        }
        i = j;
    }
    return st;
}

zn_status zn_tokenizer_run(zn_tokenizer *tok, const char *s, size_t len, zn_token_list *list,
                           zn_error *err)
{
    if (s == NULL && len > 0) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "no text");
    }
    if (len >= UINT32_MAX) {
        return zn__error_set(err, ZN_ERR_TOO_BIG, "text of %zu bytes: more than 4 GiB", len);
    }
    size_t first = list->count;
    zn_status st = ZN_OK;
    for (size_t b = 0; b < len && st == ZN_OK;) {
        size_t e = window_end(s, b, len);
        st = run_window(tok, s, b, e, list, first, err);
        b = e;
    }
    if (st == ZN_ERR_INVALID_ARG) {
        list->count = first; // nothing of an invalid text is kept
    }
    if (!tok->opts.split_units) {
        zn__tok_join_units(s, list, first, tok->cflags);
    }
    zn__tok_mark_sentences(list, first, s);
    return st;
}
