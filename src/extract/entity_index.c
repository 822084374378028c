/* SPDX-License-Identifier: MIT
 * Where each folded character of a text occurs, in text order: the occurrences of a name's
 * first character without scanning the whole text for every name (long texts went
 * quadratic), and the places hidden from them. Short texts are scanned (a copy in which
 * hidden places hold no character); longer ones get hashed chains. */
#include <string.h>

#include "extract/entity_find.h"

#define SCAN_MAX_CHARS 512

zn_status zn__ent_index_build(ent_index *ix, ent_doc *d)
{
    ix->d = d;
    ix->next = NULL;
    ix->head = NULL;
    ix->shift = 32;
    ix->chars = zn__ent_alloc(d, d->n + 1, sizeof *ix->chars);
    if (ix->chars == NULL) {
        return ZN_ERR_NOMEM;
    }
    memcpy(ix->chars, d->fold, d->n * sizeof *ix->chars);
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
        size_t b = zn__ent_index_bucket(ix, d->fold[i]);
        ix->next[i] = ix->head[b];
        ix->head[b] = (uint32_t)i;
    }
    return ZN_OK;
}
