/* SPDX-License-Identifier: MIT
 * Near-duplicate groups over the fingerprints of a whole archive. Two fingerprints at most
 * ZN_FINGERPRINT_NEAR bits apart agree on at least one of NEAR + 1 blocks of bits
 * (pigeonhole), so only articles sharing a block value are compared. */
#include <stdlib.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "zhnews/fingerprint.h"

#define BLOCKS (ZN_FINGERPRINT_NEAR + 1)

typedef struct keyed {
    uint64_t key;
    size_t index;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a;
    const keyed *y = b;
    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void unite(size_t *parent, size_t a, size_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a < b) {
        parent[b] = a;
    } else if (b < a) {
        parent[a] = b;
    }
}

// Bits [lo, hi) of fp.
static uint64_t block_of(uint64_t fp, unsigned lo, unsigned hi)
{
    uint64_t mask = hi - lo >= 64 ? ~0ull : ((1ull << (hi - lo)) - 1);
    return (fp >> lo) & mask;
}

zn_status zn__dups_group(const batch_dup *dups, size_t n, size_t *group, zn_error *err)
{
    for (size_t i = 0; i < n; i++) {
        group[i] = i;
    }
    if (n < 2) {
        return ZN_OK;
    }
    keyed *k = zn__calloc(n, sizeof *k);
    if (k == NULL) {
        return zn__error_nomem(err, "duplicate groups");
    }
    for (unsigned b = 0; b < BLOCKS; b++) {
        unsigned lo = b * 64 / BLOCKS;
        unsigned hi = (b + 1) * 64 / BLOCKS;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (dups[i].fp != 0) {
                k[m++] = (keyed){block_of(dups[i].fp, lo, hi), i};
            }
        }
        qsort(k, m, sizeof *k, by_key);
        for (size_t start = 0; start < m;) {
            size_t end = start + 1;
            while (end < m && k[end].key == k[start].key) {
                end++;
            }
            for (size_t x = start; x < end; x++) {
                for (size_t y = x + 1; y < end; y++) {
                    if (zn_fingerprint_is_near(dups[k[x].index].fp, dups[k[y].index].fp)) {
                        unite(group, k[x].index, k[y].index);
                    }
                }
            }
            start = end;
        }
    }
    zn__free(k);
    for (size_t i = 0; i < n; i++) {
        group[i] = find(group, i);
    }
    return ZN_OK;
}
