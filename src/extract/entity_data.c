/* SPDX-License-Identifier: MIT
 * Lookups in the compiled entity word table and the character fold. */
#include <string.h>

#include "extract/entity_data.h"

const zn__ent_word *zn__ent_lookup(const char *s, size_t len)
{
    size_t lo = 0;
    size_t hi = zn__ent_n_words;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const zn__ent_word *w = &zn__ent_words[mid];
        size_t n = len < w->len ? len : w->len;
        int c = memcmp(s, w->key, n);
        if (c == 0) {
            c = len < w->len ? -1 : (len > w->len ? 1 : 0);
        }
        if (c == 0) {
            return w;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return NULL;
}

// zn__ent_fold of a character that is neither ASCII nor full-width ASCII.
uint32_t zn__ent_fold_rest(uint32_t cp)
{
    if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F) {
        return ' '; // ideographic, no-break and typographic spaces
    }
    if (cp < 0x10000) {
        return zn__ent_blocks[cp / 32].t2s >> (cp % 32) & 1u ? zn__ent_t2s_of(cp) : cp;
    }
    size_t lo = 0;
    size_t hi = zn__ent_n_t2s;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zn__ent_t2s[mid][0] == cp) {
            return zn__ent_t2s[mid][1];
        }
        if (zn__ent_t2s[mid][0] < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return cp;
}
