/* SPDX-License-Identifier: MIT
 * Scratch memory of one extraction: every working array of an ent_doc comes from a few
 * large blocks that are freed together when the document is cleared, instead of dozens of
 * malloc/free pairs per text (a short line spent more on the allocator than on its names). */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"

#define ARENA_MIN_BLOCK 4096u

/* A block: this header (a multiple of ZN__ENT_ALIGN bytes), then its bytes. */
struct ent_block {
    ent_block *prev;
    size_t owned; /* 1: allocated here; 0: the caller's scratch */
};
_Static_assert(sizeof(ent_block) % ZN__ENT_ALIGN == 0, "blocks keep their bytes aligned");

void *zn__ent_alloc_block(ent_doc *d, size_t n)
{
    ent_block *b = d->arena;
    if (b == NULL || d->arena_room < n) {
        // the first block as hinted, then half of all so far: few blocks, little waste
        size_t cap = b == NULL ? d->arena_hint : d->arena_total / 2;
        cap = cap < ARENA_MIN_BLOCK ? ARENA_MIN_BLOCK : cap;
        cap = cap < n ? n : cap;
        ent_block *nb;
        if (b == NULL && d->scratch != NULL && d->scratch_size >= sizeof *nb + n) {
            nb = d->scratch; // the caller's block first: all of a short text fits
            cap = d->scratch_size - sizeof *nb;
            *nb = (ent_block){NULL, 0};
        } else {
            nb = zn__malloc(sizeof *nb + cap);
            if (nb == NULL) {
                return NULL;
            }
            *nb = (ent_block){b, 1};
        }
        d->arena_total += cap;
        d->arena = nb;
        d->arena_next = (char *)(nb + 1);
        d->arena_room = cap;
    }
    void *p = d->arena_next; // (n fits the last block exactly)
    d->arena_next += n;
    d->arena_room -= n;
    return p;
}

void *zn__ent_zalloc(ent_doc *d, size_t count, size_t size)
{
    void *p = zn__ent_alloc(d, count, size);
    if (p != NULL) {
        memset(p, 0, count * size);
    }
    return p;
}

void *zn__ent_grow(ent_doc *d, void *old, size_t n_old, size_t n_new, size_t size)
{
    void *p = zn__ent_alloc(d, n_new, size);
    if (p != NULL && n_old > 0) {
        memcpy(p, old, n_old * size);
    }
    return p;
}

void zn__ent_arena_free(ent_doc *d)
{
    ent_block *b = d->arena;
    while (b != NULL) {
        ent_block *prev = b->prev;
        if (b->owned) {
            zn__free(b);
        }
        b = prev;
    }
    d->arena = NULL;
    d->arena_next = NULL;
    d->arena_room = 0;
}
