/* SPDX-License-Identifier: MIT
 * A word of the tagger's (or the tokenizer's) that joins text with punctuation or spaces,
 * or several words, cut into the words the extractor sees: pieces of text keep the word's
 * tag when they form a list joined by 、, else take the tokenizer's words. */
#include <string.h>

#include "extract/entity_priv.h"

// The tokenizer's words inside [s, e) (clipped), or false when there are none.
static bool push_alt(ent_doc *d, size_t s, size_t e, size_t *cap, zn_status *st)
{
    bool any = false;
    *st = ZN_OK;
    size_t lo = 0; // the first word that ends after s (the words are in text order)
    size_t hi = d->n_alt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->alt[mid].end <= s) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t k = lo; k < d->n_alt && d->alt[k].start < e && *st == ZN_OK; k++) {
        size_t a = d->alt[k].start > s ? d->alt[k].start : s;
        size_t b = d->alt[k].end < e ? d->alt[k].end : e;
        if (a < b) {
            // only for word boundaries: the tokenizer's name tags are too loose here
            ent_pos p = (ent_pos)d->alt[k].pos;
            if (p == POS_NR || p == POS_NS || p == POS_NT) {
                p = POS_N;
            }
            *st = zn__ent_push_word(d, a, b, p, cap);
            any = true;
        }
    }
    return any;
}

// An item of a tagger word joined by 、 keeps the word's tag when it looks like one on its
// own: an organisation with a suffix, a person with a surname (the tagger also joins lists
// of common nouns: 航空、石化、电力/nt).
static bool item_keeps_tag(const ent_doc *d, size_t s, size_t e, ent_pos pos)
{
    size_t ss;
    switch (pos) {
    case POS_ORG: case POS_NT:
        return zn__ent_word_ending(d, e, ZN__ENT_SUFFIX, &ss) > 0 && ss > s;
    case POS_PER: case POS_NR:
        return e - s >= 2 && e - s <= 4 && zn__ent_span_is(d, s, s + 1, ZN__ENT_SURNAME);
    case POS_LOC: case POS_NS:
        return false;
    default:
        return true;
    }
}

// A middle dot or hyphen between two letters of one word joins it (达恩·蒂雄, 弗里德里克·泰勒):
// · ・ ‧ - (U+00B7 U+30FB U+2027).
static bool is_joiner(const ent_doc *d, size_t k, size_t s, size_t e)
{
    uint32_t c = d->fold[k];
    if ((c != 0xB7 && c != 0x30FB && c != 0x2027 && c != '-') || k == s || k + 1 >= e) {
        return false;
    }
    ent_pos l = zn__ent_char_class(d->fold[k - 1]);
    ent_pos r = zn__ent_char_class(d->fold[k + 1]);
    return l != POS_PUNCT && l != POS_SPACE && r != POS_PUNCT && r != POS_SPACE;
}

static bool is_text_at(const ent_doc *d, size_t k, size_t s, size_t e)
{
    ent_pos c = zn__ent_char_class(d->fold[k]);
    return (c != POS_PUNCT && c != POS_SPACE) || is_joiner(d, k, s, e);
}

// Words of one character or of Han characters of the common block only are pushed by
// cut_words itself (most words); this is for the others, of two characters or more, whose
// characters cut_words marked already.
zn_status zn__ent_push_split(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    size_t h = s;
    while (h < e && zn__ent_is_han(d->fold[h])) {
        h++;
    }
    if (h == e) {
        return zn__ent_push_word(d, s, e, pos, cap); // Han only: one piece, as it is
    }
    // the pieces below mark their characters; what no piece covers (a garbled word's part
    // without tokenizer words) belongs to no word: index 0, as for any character unmarked
    memset(d->word_of + s, 0, (e - s) * sizeof *d->word_of);
    size_t pieces = 0;
    bool in_piece = false;
    bool list_only = true;
    for (size_t k = s; k < e; k++) {
        bool text = is_text_at(d, k, s, e);
        pieces += text && !in_piece;
        in_piece = text;
        if (!text && d->fold[k] != 0x3001) { // 、
            list_only = false;
        }
    }
    bool garbled = pieces > 1 && !list_only;
    bool listed = pieces > 1 && list_only;
    size_t i = s;
    while (i < e) {
        bool text = is_text_at(d, i, s, e);
        ent_pos c = zn__ent_char_class(d->fold[i]);
        size_t j = i + 1;
        while (j < e && is_text_at(d, j, s, e) == text &&
               (text || zn__ent_char_class(d->fold[j]) == c)) {
            j++;
        }
        bool keep = !garbled && (!listed || item_keeps_tag(d, i, j, pos));
        ent_pos p = !text ? c : (keep ? pos : POS_UNK);
        zn_status st = ZN_OK;
        if (!(garbled && text && push_alt(d, i, j, cap, &st))) {
            st = zn__ent_push_word(d, i, j, p, cap);
        }
        if (st != ZN_OK) {
            return st;
        }
        i = j;
    }
    return ZN_OK;
}
