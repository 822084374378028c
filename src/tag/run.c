/* SPDX-License-Identifier: MIT
 * zn_tagger_run: text -> characters (byte offsets kept) -> word ids -> pieces cut after
 * sentence ends -> network tags -> words merged as LAC's own parse_result does. */
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

struct zn_tag_scratch {
    zn__tag_work work;
    uint32_t *cps;     // code point, then word id, per character
    size_t chars_cap;  // capacity of cps, char_tags and words (char_offsets: + 1)
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
    // 。！？；… and their ASCII/full-width forms, and line ends
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x2026 ||
           cp == '!' || cp == '?' || cp == ';' || cp == '\n' || cp == 0xFF61;
}

static bool is_pause(uint32_t cp)
{
    // ，、： and ASCII , :
    return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == ',' || cp == ':';
}

// Length of the piece that starts at cps[0] of n remaining characters.
static size_t piece_length(const uint32_t *cps, size_t n)
{
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

zn_status zn_tagger_run(const zn_tagger *t, const char *s, size_t len, zn_tag_list *out,
                        zn_error *err)
{
    out->n_words = 0;
    out->n_chars = 0;
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
    for (size_t start = 0; start < n;) {
        size_t m = piece_length(cps + start, n - start);
        for (size_t k = start; k < start + m; k++) {
            cps[k] = zn__tag_char_id(&t->vocab, cps[k]); // invalid bytes become OOV
        }
        st = zn__tag_network_run(t, &out->scratch->work, cps + start, m,
                                 out->char_tags + start, err);
        if (st != ZN_OK) {
            out->n_words = 0;
            return st;
        }
        merge_words(t, out, start, start + m);
        start += m;
    }
    out->n_chars = n;
    return ZN_OK;
}
