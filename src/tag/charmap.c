/* SPDX-License-Identifier: MIT
 * What character the LAC model should see: the model was trained on Simplified text with
 * half-width ASCII, so full-width forms (U+FF01–U+FF5E), the ideographic space (U+3000) and
 * Traditional characters (OpenCC's TSCharacters table, generated at build time) are mapped
 * one for one before the word-id lookup. Offsets never change. */
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"

extern const uint32_t zn__tag_t2s_pairs[][2];
extern const size_t zn__tag_t2s_count;

#define NO_ID UINT16_MAX

static uint32_t t2s(uint32_t cp)
{
    size_t lo = 0, hi = zn__tag_t2s_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zn__tag_t2s_pairs[mid][0] < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < zn__tag_t2s_count && zn__tag_t2s_pairs[lo][0] == cp ? zn__tag_t2s_pairs[lo][1]
                                                                     : cp;
}

uint32_t zn__tag_model_char(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        return cp - 0xFEE0; // full-width ASCII form
    }
    if (cp == 0x3000) {
        return ' ';
    }
    return t2s(cp);
}

zn_status zn__tag_vocab_fold(zn__tag_vocab *v, zn_error *err)
{
    uint16_t *orig = zn__malloc(0x10000 * sizeof *orig);
    if (orig == NULL) {
        return zn__error_nomem(err, "tagger vocabulary");
    }
    memcpy(orig, v->bmp, 0x10000 * sizeof *orig);
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        uint32_t m = zn__tag_model_char(cp);
        if (m == cp) {
            continue;
        }
        if (m < 0x10000) {
            if (orig[m] != NO_ID) {
                v->bmp[cp] = orig[m];
            }
        } else {
            uint32_t id = zn__tag_vocab_id(v, m);
            if (id != v->oov) {
                v->bmp[cp] = (uint16_t)id;
            }
        }
    }
    zn__free(orig);
    return ZN_OK;
}

uint32_t zn__tag_char_id(const zn__tag_vocab *v, uint32_t cp)
{
    if (cp < 0x10000) {
        return v->bmp[cp] == NO_ID ? v->oov : v->bmp[cp];
    }
    uint32_t m = zn__tag_model_char(cp);
    uint32_t id = zn__tag_vocab_id(v, m);
    return id == v->oov && m != cp ? zn__tag_vocab_id(v, cp) : id;
}
