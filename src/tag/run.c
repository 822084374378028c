/* SPDX-License-Identifier: MIT
 * zn_tagger_run(_many): texts -> characters (byte offsets kept) -> pieces cut after sentence
 * ends -> word ids -> network tags (pieces of similar length batched together) -> words
 * merged as LAC's own parse_result does. */
#include <stdlib.h>
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

// A stretch of one list's characters that goes through the network on its own.
typedef struct piece {
    size_t list;  // index in the lists of the call
    size_t start; // first character
    size_t len;   // characters, >= 1
} piece;

struct zn_tag_scratch {
    zn__tag_work work;
    uint32_t *cps;     // code point, then word id, per character
    size_t chars_cap;  // capacity of cps, char_tags and words (char_offsets: + 1)
    piece *pieces;     // of the current call, in text order (first list's scratch only)
    size_t n_pieces;
    size_t pieces_cap;
};

void zn_tag_list_init(zn_tag_list *list)
{
    memset(list, 0, sizeof *list);
}

void zn_tag_list_clear(zn_tag_list *list)
{
    if (list->scratch != NULL) {
        zn__tag_work_free(&list->scratch->work);
        zn__free(list->scratch->cps);
        zn__free(list->scratch->pieces);
        zn__free(list->scratch);
    }
    zn__free(list->words);
    zn__free(list->char_tags);
    zn__free(list->char_offsets);
    zn_tag_list_init(list);
}

static zn_status reserve(zn_tag_list *list, size_t n, zn_error *err)
{
    if (list->scratch == NULL) {
        list->scratch = zn__calloc(1, sizeof *list->scratch);
        if (list->scratch == NULL) {
            return zn__error_nomem(err, "tag list");
        }
    }
    struct zn_tag_scratch *sc = list->scratch;
    if (n <= sc->chars_cap && list->char_offsets != NULL) {
        return ZN_OK;
    }
    size_t cap = n < 256 ? 256 : n;
    void *p[4] = {zn__reallocarray(sc->cps, cap, sizeof *sc->cps),
                  zn__reallocarray(list->char_tags, cap, sizeof *list->char_tags),
                  zn__reallocarray(list->words, cap, sizeof *list->words),
                  zn__reallocarray(list->char_offsets, cap + 1, sizeof *list->char_offsets)};
    // Whatever moved is kept even on failure, so nothing leaks; the capacity only grows once
    // all four have room.
    sc->cps = p[0] != NULL ? p[0] : sc->cps;
    list->char_tags = p[1] != NULL ? p[1] : list->char_tags;
    list->words = p[2] != NULL ? p[2] : list->words;
    list->char_offsets = p[3] != NULL ? p[3] : list->char_offsets;
    if (p[0] == NULL || p[1] == NULL || p[2] == NULL || p[3] == NULL) {
        return zn__error_nomem(err, "tag list");
    }
    sc->chars_cap = cap;
    return ZN_OK;
}

static bool is_sentence_end(uint32_t cp)
{
    // 。！？；… and their ASCII/full-width forms
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x2026 ||
           cp == '!' || cp == '?' || cp == ';' || cp == 0xFF61;
}

static bool is_pause(uint32_t cp)
{
    // ，、： and ASCII , :
    return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == ',' || cp == ':';
}

static bool is_line_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r';
}

/* Length of the piece that starts at cps[0] of n remaining characters. Lines are tagged
 * apart, as LAC was trained on them: a line break is a piece of its own. Past
 * ZN_TAG_SEGMENT_CHARS, a line is cut after a sentence end, else after a pause, else there. */
static size_t piece_length(const uint32_t *cps, size_t n)
{
    size_t limit = n < ZN_TAG_SEGMENT_CHARS ? n : ZN_TAG_SEGMENT_CHARS;
    if (is_line_break(cps[0])) {
        return 1;
    }
    for (size_t k = 1; k < limit; k++) {
        if (is_line_break(cps[k])) {
            return k;
        }
    }
    if (n <= ZN_TAG_SEGMENT_CHARS) {
        return n;
    }
    for (size_t k = ZN_TAG_SEGMENT_CHARS; k > ZN_TAG_SEGMENT_CHARS / 4; k--) {
        if (is_sentence_end(cps[k - 1])) {
            return k;
        }
    }
    for (size_t k = ZN_TAG_SEGMENT_CHARS; k > ZN_TAG_SEGMENT_CHARS / 4; k--) {
        if (is_pause(cps[k - 1])) {
            return k;
        }
    }
    return ZN_TAG_SEGMENT_CHARS;
}

// Merges tags[from, to) into words, as LAC's parse_result: a word starts at a "-B" tag or at
// "O" after a tag that is not "O"; every piece starts a word.
static void merge_words(const zn_tagger *t, zn_tag_list *list, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        uint16_t tag = list->char_tags[k];
        uint8_t flags = t->tag_flags[tag];
        bool starts = k == from || (flags & ZN__TAG_BEGIN) != 0 ||
                      ((flags & ZN__TAG_OUTSIDE) != 0 &&
                       (t->tag_flags[list->char_tags[k - 1]] & ZN__TAG_OUTSIDE) == 0);
        if (starts) {
            zn_tag_word *w = &list->words[list->n_words++];
            w->first_char = k;
            w->n_chars = 0;
            w->span.start = list->char_offsets[k];
            w->tag = t->word_tags[tag];
            w->entity = (zn_tag_entity)t->tag_entity[tag];
        }
        zn_tag_word *w = &list->words[list->n_words - 1];
        w->n_chars++;
        w->span.end = list->char_offsets[k + 1];
    }
}

// Decodes s into the list's characters (code points in scratch->cps) and byte offsets.
static zn_status decode(zn_tag_list *out, const char *s, size_t len, size_t *n_chars,
                        zn_error *err)
{
    size_t n = 0;
    for (size_t pos = 0; pos < len; n++) {
        (void)zn__utf8_next(s, len, &pos);
    }
    zn_status st = reserve(out, n, err);
    if (st != ZN_OK) {
        return st;
    }
    uint32_t *cps = out->scratch->cps;
    size_t pos = 0;
    for (size_t k = 0; k < n; k++) {
        out->char_offsets[k] = pos;
        cps[k] = zn__utf8_next(s, len, &pos);
    }
    out->char_offsets[n] = len;
    *n_chars = n;
    return ZN_OK;
}

// Cuts list `li`'s n characters into pieces appended to sc's piece list, then maps the
// characters to word ids.
static zn_status add_pieces(const zn_tagger *t, struct zn_tag_scratch *sc, size_t li,
                            uint32_t *cps, size_t n, zn_error *err)
{
    for (size_t start = 0; start < n;) {
        if (sc->n_pieces == sc->pieces_cap) {
            size_t cap = sc->pieces_cap < 16 ? 16 : 2 * sc->pieces_cap;
            piece *grown = zn__reallocarray(sc->pieces, cap, sizeof *grown);
            if (grown == NULL) {
                return zn__error_nomem(err, "tag list");
            }
            sc->pieces = grown;
            sc->pieces_cap = cap;
        }
        size_t m = piece_length(cps + start, n - start);
        sc->pieces[sc->n_pieces++] = (piece){li, start, m};
        start += m;
    }
    for (size_t k = 0; k < n; k++) {
        cps[k] = zn__tag_char_id(&t->vocab, cps[k]); // invalid bytes become OOV
    }
    return ZN_OK;
}

static int longer_first(const void *a, const void *b)
{
    const piece *x = *(const piece *const *)a, *y = *(const piece *const *)b;
    if (x->len != y->len) {
        return x->len > y->len ? -1 : 1;
    }
    return x < y ? -1 : x > y; // keep text order among equals: deterministic
}

// Runs the pieces through the network, longest first, ZN__TAG_BATCH at a time.
static zn_status run_pieces(const zn_tagger *t, zn_tag_list *outs, zn_error *err)
{
    struct zn_tag_scratch *sc = outs[0].scratch;
    if (sc->n_pieces == 0) {
        return ZN_OK; // only empty texts
    }
    piece **order = zn__reallocarray(NULL, sc->n_pieces, sizeof *order);
    if (order == NULL) {
        return zn__error_nomem(err, "tag list");
    }
    for (size_t i = 0; i < sc->n_pieces; i++) {
        order[i] = &sc->pieces[i];
    }
    qsort(order, sc->n_pieces, sizeof *order, longer_first);
    zn_status st = ZN_OK;
    for (size_t i = 0; i < sc->n_pieces && st == ZN_OK; i += ZN__TAG_BATCH) {
        zn__tag_seq seqs[ZN__TAG_BATCH];
        size_t m = 0;
        for (; m < ZN__TAG_BATCH && i + m < sc->n_pieces; m++) {
            const piece *p = order[i + m];
            zn_tag_list *l = &outs[p->list];
            seqs[m] = (zn__tag_seq){l->scratch->cps + p->start, p->len, l->char_tags + p->start};
        }
        st = zn__tag_network_run(t, &sc->work, seqs, m, err);
    }
    zn__free(order);
    return st;
}

zn_status zn_tagger_run_many(const zn_tagger *t, const char *const *texts, const size_t *lens,
                             size_t n, zn_tag_list *outs, zn_error *err)
{
    size_t *n_chars = n == 0 ? NULL : zn__calloc(n, sizeof *n_chars);
    zn_status st = n == 0 ? ZN_OK : n_chars == NULL ? zn__error_nomem(err, "tag list") : ZN_OK;
    for (size_t i = 0; i < n; i++) {
        outs[i].n_words = 0;
        outs[i].n_chars = 0;
    }
    for (size_t i = 0; i < n && st == ZN_OK; i++) {
        st = decode(&outs[i], texts[i], lens[i], &n_chars[i], err);
    }
    if (st == ZN_OK && n > 0) {
        outs[0].scratch->n_pieces = 0;
    }
    for (size_t i = 0; i < n && st == ZN_OK; i++) {
        st = add_pieces(t, outs[0].scratch, i, outs[i].scratch->cps, n_chars[i], err);
    }
    if (st == ZN_OK && n > 0) {
        st = run_pieces(t, outs, err);
    }
    for (size_t i = 0; st == ZN_OK && n > 0 && i < outs[0].scratch->n_pieces; i++) {
        const piece *p = &outs[0].scratch->pieces[i];
        merge_words(t, &outs[p->list], p->start, p->start + p->len);
    }
    for (size_t i = 0; i < n; i++) {
        outs[i].n_chars = st == ZN_OK ? n_chars[i] : 0;
        outs[i].n_words = st == ZN_OK ? outs[i].n_words : 0;
    }
    zn__free(n_chars);
    return st;
}

zn_status zn_tagger_run(const zn_tagger *t, const char *s, size_t len, zn_tag_list *out,
                        zn_error *err)
{
    return zn_tagger_run_many(t, &s, &len, 1, out, err);
}
