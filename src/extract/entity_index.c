/* SPDX-License-Identifier: MIT
 * Where each folded character of a text occurs, in text order: the occurrences of a name's
 * first character without scanning the whole text for every name (long texts went
 * quadratic). Short texts are scanned; longer ones get hashed chains. */
#include <string.h>

#include "extract/entity_priv.h"

#define SCAN_MAX_CHARS 512
#define NO_POS UINT32_MAX

static size_t bucket(const ent_index *ix, uint32_t c)
{
    return (size_t)((c * 2654435761u) >> ix->shift);
}

zn_status zn__ent_index_build(ent_index *ix, ent_doc *d)
{
    ix->d = d;
    ix->next = NULL;
    ix->head = NULL;
    ix->shift = 32;
    if (d->n <= SCAN_MAX_CHARS) {
        return ZN_OK;
    }
    unsigned bits = 1;
    while (bits < 20 && ((size_t)1 << bits) < d->n) {
        bits++;
    }
    ix->shift = 32 - bits;
    ix->next = zn__ent_alloc(d, d->n + 1, sizeof *ix->next);
    ix->head = zn__ent_alloc(d, (size_t)1 << bits, sizeof *ix->head);
    if (ix->next == NULL || ix->head == NULL) {
        return ZN_ERR_NOMEM;
    }
    memset(ix->head, 0xFF, ((size_t)1 << bits) * sizeof *ix->head);
    for (size_t i = d->n; i-- > 0;) {
        size_t b = bucket(ix, d->fold[i]);
        ix->next[i] = ix->head[b];
        ix->head[b] = (uint32_t)i;
    }
    return ZN_OK;
}

// The first position at or after the chain entry p (NO_POS: none) holding character c.
static size_t chain_from(const ent_index *ix, uint32_t p, uint32_t c)
{
    while (p != NO_POS && ix->d->fold[p] != c) {
        p = ix->next[p];
    }
    return p == NO_POS ? SIZE_MAX : p;
}

static size_t scan_from(const ent_doc *d, size_t i, uint32_t c)
{
    for (; i < d->n; i++) {
        if (d->fold[i] == c) {
            return i;
        }
    }
    return SIZE_MAX;
}

// The first position holding character c, or SIZE_MAX.
size_t zn__ent_index_first(const ent_index *ix, uint32_t c)
{
    return ix->next == NULL ? scan_from(ix->d, 0, c) : chain_from(ix, ix->head[bucket(ix, c)], c);
}

// The next position after i holding the same character as i, or SIZE_MAX.
size_t zn__ent_index_next(const ent_index *ix, size_t i)
{
    uint32_t c = ix->d->fold[i];
    return ix->next == NULL ? scan_from(ix->d, i + 1, c) : chain_from(ix, ix->next[i], c);
}
