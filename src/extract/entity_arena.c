/* SPDX-License-Identifier: MIT
 * Scratch memory of one extraction: every working array of an ent_doc comes from a few
 * large blocks that are freed together when the document is cleared, instead of dozens of
 * malloc/free pairs per text (a short line spent more on the allocator than on its names). */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"

#define ARENA_ALIGN 16u
#define ARENA_MIN_BLOCK 4096u

/* A block: this header (a multiple of ARENA_ALIGN bytes), then cap bytes. */
struct ent_block {
    ent_block *prev;
    size_t cap;
    size_t used;
    size_t owned; /* 1: allocated here; 0: the caller's scratch */
};

void *zn__ent_alloc(ent_doc *d, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / 4 / size) {
        return NULL;
    }
    size_t n = (count * size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    ent_block *b = d->arena;
    if (b == NULL || b->cap - b->used < n) {
        // the first block as hinted, then half of all so far: few blocks, little waste
        size_t cap = b == NULL ? d->arena_hint : d->arena_total / 2;
        cap = cap < ARENA_MIN_BLOCK ? ARENA_MIN_BLOCK : cap;
        cap = cap < n ? n : cap;
        ent_block *nb;
        if (b == NULL && d->scratch != NULL && d->scratch_size >= sizeof *nb + n) {
            nb = d->scratch; // the caller's block first: all of a short text fits
            cap = d->scratch_size - sizeof *nb;
            *nb = (ent_block){NULL, cap, 0, 0};
        } else {
            nb = zn__malloc(sizeof *nb + cap);
            if (nb == NULL) {
                return NULL;
            }
            *nb = (ent_block){b, cap, 0, 1};
        }
        d->arena_total += cap;
        d->arena = b = nb;
    }
    void *p = (char *)(b + 1) + b->used;
    b->used += n;
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
}
