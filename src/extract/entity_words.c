/* SPDX-License-Identifier: MIT
 * The words of a text as the extractor sees them: the tagger's words (or the tokenizer's),
 * cleaned where the tagger joined punctuation or several words (entity_split.c), with a
 * word class each; characters grouped by class where no analysis covers the text. */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"

// The classes of the tokenizer tags of two letters or more met so far in a text (a tag of
// one letter, most words', goes by it at once): a line repeats a few of them, and a
// look here costs a third of working a class out. A slot holds a tag's eight bytes as they
// are (those after its NUL too: the key is exact, whatever they are) and its class; the
// cache starts all zeros, the empty tag and its class UNK. (Sixteen slots: they are cleared
// for every text, and thirty-two missed hardly less often.)
#define TAG_SLOTS 16

typedef struct tag_cache {
    uint64_t key[TAG_SLOTS];
    uint8_t pos[TAG_SLOTS];
} tag_cache;

static ent_pos tag_class(tag_cache *c, const char t[8])
{
    if (t[1] == '\0') {
        return zn__ent_tag_first_pos(t[0]); // one letter (most words): no look needed
    }
    uint64_t key;
    memcpy(&key, t, 8);
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> 60); // TAG_SLOTS = 2^4
    if (c->key[h] != key) {
        c->key[h] = key;
        c->pos[h] = (uint8_t)zn__ent_pos_of_token_tag(t);
    }
    return (ent_pos)c->pos[h];
}

static bool grow_words(ent_doc *d, size_t *cap)
{
    size_t ncap = *cap ? *cap * 2 : 64;
    ent_word *w = zn__ent_grow(d, d->words, d->n_words, ncap, sizeof *w);
    if (w == NULL) {
        return false;
    }
    d->words = w;
    *cap = ncap;
    return true;
}

zn_status zn__ent_push_word(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    if (d->n_words == *cap && !grow_words(d, cap)) {
        return ZN_ERR_NOMEM;
    }
    for (size_t c = s; c < e; c++) {
        d->word_of[c] = d->n_words;
    }
    d->words[d->n_words++] = (ent_word){s, e, (uint8_t)pos};
    return ZN_OK;
}

// Fills characters [s, e) that no analysis covered with fallback words.
static zn_status fill_gap(ent_doc *d, size_t s, size_t e, size_t *cap)
{
    size_t i = s;
    while (i < e) {
        ent_pos c = zn__ent_char_class(d->fold[i]);
        size_t j = i + 1;
        if (c != POS_UNK && c != POS_PUNCT) {
            while (j < e && zn__ent_char_class(d->fold[j]) == c) {
                j++;
            }
        }
        if (zn__ent_push_word(d, i, j, c, cap) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        i = j;
    }
    return ZN_OK;
}

typedef struct span_src {
    size_t count;
    const zn_token *tokens;
    const zn_tag_word *tags;
} span_src;

// Word i of the source: its bytes and its tag; `tokens` says which array the source has
// (a constant where cut_words_of is inlined).
static inline void src_span(const zn_token *tk, const zn_tag_word *tg, bool tokens, size_t i,
                            size_t *b0, size_t *b1, const char **tag)
{
    if (!tokens) {
        *b0 = tg[i].span.start;
        *b1 = tg[i].span.end;
        *tag = tg[i].tag != NULL ? tg[i].tag : "";
    } else {
        *b0 = tk[i].start;
        *b1 = tk[i].end;
        *tag = tk[i].tag;
    }
}

// The character at byte b0 of the word [b0, b1), searched from character `last` on;
// SIZE_MAX when [b0, b1) is no span of the text.
static size_t span_start(const ent_doc *d, size_t b0, size_t b1, size_t last)
{
    return b0 <= b1 && b1 <= d->len ? zn__ent_char_from(d, b0, last) : SIZE_MAX;
}

// The characters [*s, *e) of the bytes [b0, b1); false when that is no span of the text.
// Words come in text order and most often start where the last one ended (character
// `last`): then the start is known, and the end is a step over the word's few characters.
static bool span_chars(const ent_doc *d, size_t b0, size_t b1, size_t last, size_t *s,
                       size_t *e)
{
    size_t i = b1 <= d->len && d->off[last] == b0 ? last : span_start(d, b0, b1, last);
    if (i == SIZE_MAX) {
        return false;
    }
    size_t j = i;
    while (d->off[j] < b1) { // stops at d->n at the latest: off[n] is the length
        j++;
    }
    *s = i;
    *e = j;
    return d->off[j] == b1; // else b1 falls inside a character
}

static zn_status bad_word(zn_error *err, size_t i, size_t b0, size_t b1)
{
    return zn__error_set(err, ZN_ERR_INVALID_ARG,
                         "entities: word %zu [%zu, %zu) is not a span of the text", i, b0, b1);
}

// A word to ignore (overlapping the last one, or empty) from character s (SIZE_MAX: none)
// to byte b1: true, with *last set to its end, when it is a span of the text.
static bool ignored_span(const ent_doc *d, size_t s, size_t b1, size_t *last)
{
    if (s == SIZE_MAX) {
        return false;
    }
    size_t e = s;
    while (d->off[e] < b1) {
        e++;
    }
    *last = e;
    return d->off[e] == b1;
}

// Where the word cut stands: the characters covered so far (done), where the last word
// ended (last: the next one most likely starts there), room for words (cap).
typedef struct cut_state {
    size_t done;
    size_t last;
    size_t cap;
} cut_state;

// The class of a word of one character that is no Han of the common block, tagged pos: a
// mark or a space is itself, text keeps its tag.
static inline ent_pos lone_char_pos(uint32_t cp, ent_pos pos)
{
    ent_pos c = zn__ent_char_class(cp);
    return c != POS_PUNCT && c != POS_SPACE ? pos : c;
}

// A word the short cut of cut_words_of does not take (below), at bytes [b0, b1), word i of
// the source, of class pos: after a gap, overlapping the last one or empty (ignored), of
// more than twelve bytes, of more characters than its byte count says (ab, abc), or
// of several not all Han of the common block (cut by zn__ent_push_split).
static zn_status cut_word(ent_doc *d, size_t i, size_t b0, size_t b1, ent_pos pos,
                          cut_state *st, zn_error *err)
{
    const size_t *off = d->off;
    size_t s = b1 <= d->len && off[st->last] == b0 ? st->last
                                                    : span_start(d, b0, b1, st->last);
    if (s == SIZE_MAX || s < st->done || b0 == b1) {
        if (!ignored_span(d, s, b1, &st->last)) {
            return bad_word(err, i, b0, b1);
        }
        return ZN_OK; // overlapping or empty words are ignored
    }
    if ((s > st->done && fill_gap(d, st->done, s, &st->cap) != ZN_OK) ||
        (d->n_words == st->cap && !grow_words(d, &st->cap))) {
        return zn__error_nomem(err, "entities");
    }
    size_t w = d->n_words;
    bool common = true;
    size_t e = s; // the walk stops at d->n at the latest: off[n] is the length
    while (off[e] < b1) {
        d->word_of[e] = w;
        common &= d->fold[e] - 0x4E00u <= 0x9FFFu - 0x4E00u;
        e++;
    }
    if (off[e] != b1) {
        return bad_word(err, i, b0, b1);
    }
    st->last = e;
    st->done = e;
    if (!common && e - s == 1) {
        pos = lone_char_pos(d->fold[s], pos);
    }
    if (common || e - s == 1) {
        d->words[w] = (ent_word){s, e, (uint8_t)pos};
        d->n_words = w + 1;
        return ZN_OK;
    }
    return zn__ent_push_split(d, s, e, pos, &st->cap) == ZN_OK ? ZN_OK
                                                              : zn__error_nomem(err, "entities");
}

// The words of the source in text order. Most start where the last one ended and are one to
// four characters of three bytes (Han, Chinese punctuation), or one of one or two bytes: their
// character count is the byte count over three, rounded up, checked by the offset it gives
// (off[] holds SIZE_MAX, which no word's end is, for four entries past the end: no test of
// the count against the text's end), no loop over the characters, whose end the CPU would
// mispredict at every word; whether they are all Han of the common block, by the count of
// the others before their start and their end (d->uncommon). Their four characters from the
// start are marked at once, whatever the word's length, with no branch on it: those past its
// end belong to the words (or gaps) after it, which mark them again (word_of has room past
// the last character). There is room for one word per token left (made after each word that
// goes the long way, cut_word): no test here either.
static inline __attribute__((always_inline)) zn_status
cut_words_of(ent_doc *d, const span_src *src, bool tokens, size_t cap, zn_error *err)
{
    tag_cache tags;
    memset(&tags, 0, sizeof tags); // POS_UNK is 0
    size_t *word_of = d->word_of; // locals: the stores through word_of may alias d's fields
    const size_t *off = d->off;
    const uint8_t *uncommon = d->uncommon;
    const size_t count = src->count;
    const zn_token *tk = src->tokens;
    const zn_tag_word *tg = src->tags;
    ent_word *words = d->words;
    size_t n_words = 0; // d->n_words, kept here between words that go the long way
    size_t done = 0;    // characters covered so far
    cut_state st = {0, 0, cap}; // the long way's (its `last` is only a hint: kept there)
    for (size_t i = 0; i < count; i++) {
        size_t b0, b1;
        const char *tag;
        src_span(tk, tg, tokens, i, &b0, &b1, &tag);
        ent_pos pos = tokens ? tag_class(&tags, tag) : zn__ent_pos_of_tag(tag);
        size_t bytes = b1 - b0; // huge when b1 < b0
        size_t e = done + (bytes + 2) / 3;
        if (bytes - 1 < 12 && off[done] == b0 && off[e] == b1) {
            unsigned others = (uint8_t)(uncommon[e] - uncommon[done]);
            if (others == 0 || e - done == 1) {
                word_of[done] = n_words, word_of[done + 1] = n_words;
                word_of[done + 2] = n_words, word_of[done + 3] = n_words;
                if (others != 0) { // one character
                    pos = lone_char_pos(d->fold[done], pos);
                }
                words[n_words++] = (ent_word){done, e, (uint8_t)pos};
                done = e;
                continue;
            }
        }
        d->n_words = n_words;
        st.done = done;
        st.last = st.last > done ? st.last : done;
        zn_status status = cut_word(d, i, b0, b1, pos, &st, err);
        if (status != ZN_OK) {
            return status;
        }
        // room for one word per token left: twice the room there was is enough (it was
        // never less than the tokens, nor than the words)
        if (st.cap - d->n_words < count - i && !grow_words(d, &st.cap)) {
            return zn__error_nomem(err, "entities");
        }
        done = st.done;
        words = d->words;
        n_words = d->n_words;
    }
    d->n_words = n_words;
    if (done < d->n && fill_gap(d, done, d->n, &st.cap) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    return ZN_OK;
}

// The loop once for each source, so that neither asks per word which it reads.
static zn_status cut_words(ent_doc *d, const span_src *src, zn_error *err)
{
    // about one word per token: room for them at once (splits and gaps grow it)
    size_t cap = src->count + 16;
    d->words = zn__ent_alloc(d, cap, sizeof *d->words);
    if (d->words == NULL) {
        return zn__error_nomem(err, "entities");
    }
    return src->tokens != NULL ? cut_words_of(d, src, true, cap, err)
                               : cut_words_of(d, src, false, cap, err);
}

// The tokenizer's words beside the tagger's: kept apart, for their lexicon tags.
static zn_status alt_words(ent_doc *d, const zn_extract_input *in, zn_error *err)
{
    d->alt = zn__ent_zalloc(d, in->n_tokens + 1, sizeof *d->alt);
    if (d->alt == NULL) {
        return zn__error_nomem(err, "entities");
    }
    size_t last = 0;
    for (size_t i = 0; i < in->n_tokens; i++) {
        const zn_token *t = &in->tokens[i];
        size_t s, e;
        if (!span_chars(d, t->start, t->end, last, &s, &e)) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: token %zu [%zu, %zu) is not a span of the text",
                                 i, t->start, t->end);
        }
        last = e;
        if (e > s) {
            d->alt[d->n_alt++] = (ent_word){s, e, (uint8_t)zn__ent_pos_of_tag(t->tag)};
        }
    }
    return ZN_OK;
}

zn_status zn__ent_cut_words(ent_doc *d, const zn_extract_input *in, zn_error *err)
{
    span_src src = {0, NULL, NULL};
    if (in->tags != NULL && in->n_tags > 0) {
        src.count = in->n_tags;
        src.tags = in->tags;
    } else if (in->tokens != NULL && in->n_tokens > 0) {
        src.count = in->n_tokens;
        src.tokens = in->tokens;
    }
    d->analysed = src.count > 0;
    if (src.tags != NULL && in->tokens != NULL && in->n_tokens > 0) {
        zn_status st = alt_words(d, in, err);
        if (st != ZN_OK) {
            return st;
        }
    }
    return cut_words(d, &src, err);
}
