/* SPDX-License-Identifier: MIT
 * The extractor's view of a text: folded characters, byte offsets, what the key walk needs
 * of each character (entity_keys.c marks the keys), the words (entity_words.c), and
 * questions about spans (their key, is it a lexicon word). */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "extract/valid_text.h"

// The child of the root for a code point beyond the BMP (BMP characters read theirs from
// zn__ent_root), 0 when no key begins with it: searched without branches on the comparisons.
static uint32_t root_search(uint32_t cp)
{
    const zn__ent_trie_node *base = &zn__ent_trie[zn__ent_trie[0].child];
    size_t n = zn__ent_trie[0].n_child;
    if (n == 0) {
        return 0;
    }
    while (n > 1) {
        size_t half = n / 2;
        base = base[half - 1].cp < cp ? base + half : base;
        n -= half;
    }
    return base->cp == cp ? (uint32_t)(base - zn__ent_trie) : 0;
}

// The key bits of a folded character (ZN__ENT_KEY_NODE, ZN__ENT_KEY_SECOND), worked out
// while decoding and kept in key_at until zn__ent_mark_keys has read them.
static uint32_t char_keys(uint32_t cp)
{
    if (cp - ZN__ENT_HAN_FIRST <= ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST) {
        uint32_t h = zn__ent_han[cp - ZN__ENT_HAN_FIRST];
        if ((h >> ZN__ENT_HAN_FORM_SHIFT & ZN__ENT_HAN_FORM) == cp) {
            return h & (ZN__ENT_KEY_NODE | ZN__ENT_KEY_SECOND); // the fold leaves it alone
        }
    }
    if (cp < 0x10000) {
        const zn__ent_block *bl = &zn__ent_blocks[cp / 32];
        uint32_t second = bl->second >> (cp % 32) & 1u;
        return zn__ent_root[bl->root][cp % 32] | second * ZN__ENT_KEY_SECOND;
    }
    return root_search(cp) | ZN__ENT_KEY_SECOND; // beyond the BMP: any may follow
}

// One piece of scratch for the per-character arrays: off and word_of (size_t), fold and
// key_at (uint32_t), the flag sums (uint16_t), the key bit sets and the counts of uncommon
// characters (bytes), in that order so that each part is aligned. The flags and bit sets are
// cleared here; off, fold, key_at, uncommon and word_of are written in full.
static zn_status alloc_arrays(ent_doc *d)
{
    // Room for every byte that is not a continuation byte: each character decoded before an
    // invalid sequence (which ends the extraction) has one; and for eight entries from the
    // end on: zn__ent_mark_keys reads key_at eight at a time, the word cut marks four
    // characters at once from a word's start and finds the end of a short word without a
    // test against the text's end (off[] holds SIZE_MAX past it).
    size_t m = zn__utf8_count(d->text, d->len) + 8;
    size_t per = 2 * sizeof(size_t) + 2 * sizeof(uint32_t) + 2 * sizeof(uint16_t) + 2;
    if (m > SIZE_MAX / per) {
        return ZN_ERR_NOMEM;
    }
    // the first scratch block holds these and, most often, everything else of the text
    d->arena_hint = m * per + (m < 16384 ? 32 * m : 1u << 20) + 1024;
    char *p = zn__ent_alloc(d, m * per, 1);
    if (p == NULL) {
        return ZN_ERR_NOMEM;
    }
    d->off = (size_t *)(void *)p;
    d->word_of = d->off + m;
    d->fold = (uint32_t *)(void *)(d->word_of + m);
    d->key_at = d->fold + m;
    d->start_flags = (uint16_t *)(void *)(d->key_at + m);
    d->end_flags = d->start_flags + m;
    d->keys = (uint8_t *)(void *)(d->end_flags + m);
    d->uncommon = d->keys + m;
    memset(d->start_flags, 0, m * (2 * sizeof(uint16_t) + 1)); // flag sums, bit sets
    return ZN_OK;
}

// Decodes and folds the text into off[] and fold[], puts what the key walk needs of each
// character into key_at[] (the node of the keys it begins and the second bit, char_keys;
// other bits above them), counts the characters that are no Han of the common block (for
// the word cut) and notes whether the text has Latin letters. A character of the CJK blocks
// (most) is one read of zn__ent_han, which tells its fold, its keys and whether it is
// common, Traditional or not.
// (Not inlined into decode: apart, the loop keeps its pointers in registers; inlined, they
// spilled some, 0.1M instructions more on a 2,753-line corpus.)
__attribute__((noinline)) static void fold_text(ent_doc *d)
{
    const unsigned char *us = (const unsigned char *)d->text;
    size_t len = d->len;
    size_t *off = d->off;
    uint32_t *fold = d->fold;
    uint32_t *key_at = d->key_at;
    uint8_t *uncommon = d->uncommon;
    size_t n = 0;
    bool latin = false;
    unsigned others = 0;
    uncommon[0] = 0;
    size_t pos = 0;
    while (pos < len) {
        off[n] = pos;
        uint32_t cp = zn__valid_next(us, &pos); // valid: checked by the caller or decode
        uint32_t f;
        uint32_t k;
        unsigned other;
        if (cp - ZN__ENT_HAN_FIRST <= ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST) {
            k = zn__ent_han[cp - ZN__ENT_HAN_FIRST]; // the form's keys, and the form above
            f = k >> ZN__ENT_HAN_FORM_SHIFT & ZN__ENT_HAN_FORM;
            other = k >> 31;
            _Static_assert(ZN__ENT_HAN_UNCOMMON == 1u << 31, "the uncommon bit is the top bit");
        } else {
            f = zn__ent_fold(cp);
            k = char_keys(f);
            latin |= f - 'a' <= 'z' - 'a';
            other = f - 0x4E00u > 0x9FFFu - 0x4E00u;
        }
        fold[n] = f;
        key_at[n] = k;
        others += other;
        uncommon[n + 1] = (uint8_t)others; // modulo 256: the word cut asks of four at most
        n++;
    }
    off[n] = len;
    // after the last character: no key (zn__ent_mark_keys, the walk's look at the next character),
    // no word's end (the word cut)
    memset(key_at + n, 0, 8 * sizeof *key_at);
    off[n + 1] = SIZE_MAX, off[n + 2] = SIZE_MAX, off[n + 3] = SIZE_MAX, off[n + 4] = SIZE_MAX;
    d->n = n;
    d->has_latin = latin;
}

static zn_status decode(ent_doc *d, bool valid, zn_error *err)
{
    if (!valid) {
        size_t bad = zn__utf8_valid_prefix(d->text, d->len);
        if (bad < d->len) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: invalid UTF-8 at byte %zu", bad);
        }
    }
    if (alloc_arrays(d) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    fold_text(d);
    if (d->n > UINT32_MAX / 2 || zn__ent_mark_keys(d) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    return ZN_OK;
}

// The character index of byte offset b, or SIZE_MAX when b is not a character boundary.
size_t zn__ent_char_at(const ent_doc *d, size_t b)
{
    size_t lo = 0;
    size_t hi = d->n + 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->off[mid] == b) {
            return mid;
        }
        if (d->off[mid] < b) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return SIZE_MAX;
}

zn_status zn__ent_doc_init(ent_doc *d, const zn_extract_input *in, bool valid, void *scratch,
                           size_t size, zn_error *err)
{
    memset(d, 0, sizeof *d);
    d->scratch = scratch;
    d->scratch_size = size;
    d->text = in->text != NULL ? in->text : "";
    d->len = in->text != NULL ? in->len : 0;
    d->lex = in->lex;
    zn_status st = decode(d, valid, err);
    if (st != ZN_OK) {
        return st;
    }
    st = zn__ent_cut_words(d, in, err);
    if (st != ZN_OK) {
        return st;
    }
    d->word_of[d->n] = d->n_words; // the words marked their characters, all of them
    return ZN_OK;
}

void zn__ent_doc_clear(ent_doc *d)
{
    zn__ent_arena_free(d); // every array goes with it (not the struct: clearing its kilobyte
                           // of character bits cost more than a short line's cut)
}

bool zn__ent_key(const ent_doc *d, size_t s, size_t e, char *buf, size_t cap, size_t *len)
{
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        if (d->fold[i] == ' ') {
            continue;
        }
        char tmp[4];
        size_t k = zn__utf8_encode(d->fold[i], tmp);
        if (n + k >= cap) {
            return false;
        }
        memcpy(buf + n, tmp, k);
        n += k;
    }
    buf[n] = '\0';
    *len = n;
    return true;
}

bool zn__ent_in_lexicon(const ent_doc *d, size_t s, size_t e)
{
    if (d->lex == NULL || e <= s) {
        return false;
    }
    return zn_lexicon_lookup(d->lex, d->text + d->off[s], d->off[e] - d->off[s], NULL);
}

bool zn__ent_lexicon_tag_is(const ent_doc *d, size_t s, size_t e, const char *tag)
{
    zn_word_info info;
    if (d->lex == NULL || e <= s ||
        !zn_lexicon_lookup(d->lex, d->text + d->off[s], d->off[e] - d->off[s], &info)) {
        return false;
    }
    return strcmp(info.tag, tag) == 0;
}
