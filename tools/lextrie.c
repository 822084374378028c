/* SPDX-License-Identifier: MIT
 * The lexicon compiler's trie layout (see src/lexicon/lex_format.h): every entry and proper
 * prefix becomes a node slot in breadth-first order; the first level is the dense block of
 * ideographs plus the other first characters, sorted; a node's children lie side by side,
 * sorted when few, else in a small hash table. */
#include <stdlib.h>
#include <string.h>

#include "lexwrite.h"
#include "util/utf8.h"

static size_t find_index(const lex_table *t, const char *s, size_t len)
{
    uint32_t mask = (1u << t->bits) - 1;
    uint32_t h = zn__lex_hash_slot(zn__lex_hash(s, len), t->bits);
    for (; t->slots[h] != 0; h = (h + 1) & mask) {
        const lex_entry *e = &t->items[t->slots[h] - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0) {
            return t->slots[h] - 1;
        }
    }
    lex_die("internal error: a prefix is missing");
}

uint32_t lex_last_cp(const lex_entry *e)
{
    size_t pl = e->len;
    do {
        pl--;
    } while (pl > 0 && ((unsigned char)e->s[pl] & 0xC0) == 0x80);
    size_t pos = pl;
    return zn__utf8_next(e->s, e->len, &pos);
}

// The slots a node with k children takes: k, or a table at most two thirds full.
static size_t child_slots(size_t k)
{
    if (k <= ZN_LEX_LINEAR_MAX) {
        return k;
    }
    size_t size = 8;
    while (size < k + k / 2) {
        size *= 2;
    }
    if (size > UINT16_MAX) {
        lex_die("a node with %zu children (at most %u)", k, (unsigned)(UINT16_MAX + 1) / 4);
    }
    return size;
}

// Each old entry's parent (n: the root), and the children of each in sorted order:
// kids[start[p]..).
static size_t *children(const lex_table *t, lex_trie *tr, size_t **start_out)
{
    size_t n = t->n;
    size_t *parent = lex_xmalloc(n * sizeof *parent);
    tr->count = calloc(n + 1, sizeof *tr->count);
    size_t *start = calloc(n + 2, sizeof *start);
    if (tr->count == NULL || start == NULL) {
        lex_die("out of memory");
    }
    for (size_t k = 0; k < n; k++) {
        size_t pl = t->items[k].len;
        do {
            pl--;
        } while (pl > 0 && ((unsigned char)t->items[k].s[pl] & 0xC0) == 0x80);
        parent[k] = pl == 0 ? n : find_index(t, t->items[k].s, pl);
        tr->count[parent[k]]++;
    }
    for (size_t p = 0; p <= n; p++) {
        start[p + 1] = start[p] + tr->count[p];
    }
    size_t *kids = lex_xmalloc(n * sizeof *kids);
    size_t *fill = lex_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (size_t k = 0; k < n; k++) { // items are sorted, so each parent's children are too
        kids[fill[parent[k]]++] = k;
    }
    free(parent);
    free(fill);
    *start_out = start;
    return kids;
}

// Places the children kids[0..k) of one node into order[at .. at + child_slots(k)).
static void place_children(const lex_table *t, const size_t *kids, size_t k, size_t *order,
                           size_t at)
{
    size_t size = child_slots(k);
    if (size == k) {
        memcpy(order + at, kids, k * sizeof *kids);
        return;
    }
    uint32_t mask = (uint32_t)size - 1;
    for (size_t i = 0; i < size; i++) {
        order[at + i] = LEX_NO_ENTRY;
    }
    for (size_t i = 0; i < k; i++) {
        uint32_t h = zn__lex_child_slot(lex_last_cp(&t->items[kids[i]]), mask);
        while (order[at + h] != LEX_NO_ENTRY) {
            h = (h + 1) & mask;
        }
        order[at + h] = kids[i];
    }
}

// The first level: the dense block (a slot per code point from ZN_LEX_DENSE_LO, LEX_NO_ENTRY
// where no word starts), then the other first characters, sorted. Returns its size.
static size_t place_roots(const lex_table *t, const size_t *roots, size_t k, size_t *order)
{
    for (size_t d = 0; d < ZN_LEX_DENSE_N; d++) {
        order[d] = LEX_NO_ENTRY;
    }
    size_t next = ZN_LEX_DENSE_N;
    for (size_t i = 0; i < k; i++) {
        uint32_t cp = lex_last_cp(&t->items[roots[i]]);
        if (cp - ZN_LEX_DENSE_LO < ZN_LEX_DENSE_N) {
            order[cp - ZN_LEX_DENSE_LO] = roots[i];
        } else {
            order[next++] = roots[i];
        }
    }
    return next;
}

void lex_trie_build(const lex_table *t, lex_trie *tr)
{
    size_t n = t->n;
    size_t *start;
    size_t *kids = children(t, tr, &start);
    size_t slots = ZN_LEX_DENSE_N + tr->count[n]; // at most this many first-level slots
    for (size_t k = 0; k < n; k++) {
        slots += child_slots(tr->count[k]);
    }
    if (slots >= ZN_LEX_FIRST_MASK) {
        lex_die("too many trie nodes");
    }
    tr->order = lex_xmalloc(slots * sizeof *tr->order);
    tr->first = lex_xmalloc(slots * sizeof *tr->first);
    tr->kids = lex_xmalloc(slots * sizeof *tr->kids);
    tr->n_roots = place_roots(t, kids + start[n], tr->count[n], tr->order);
    size_t next = tr->n_roots;
    for (size_t q = 0; q < next; q++) {
        size_t old = tr->order[q];
        size_t k = old == LEX_NO_ENTRY ? 0 : tr->count[old];
        tr->first[q] = next;
        tr->kids[q] = child_slots(k);
        if (k > 0) {
            place_children(t, kids + start[old], k, tr->order, next);
        }
        next += tr->kids[q];
    }
    tr->n_slots = next;
    free(start);
    free(kids);
}

void lex_trie_free(lex_trie *tr)
{
    free(tr->order);
    free(tr->first);
    free(tr->kids);
    free(tr->count);
    memset(tr, 0, sizeof *tr);
}
