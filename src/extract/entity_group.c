/* SPDX-License-Identifier: MIT
 * From mentions to entities: one entity per name across Latin case, script and spaces,
 * legal-form suffixes (京东集团 → 京东), declared short names and list abbreviations; the
 * canonical name, aliases and the roles of people. */
#include <stdlib.h>
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"


static size_t find(grouping *g, size_t i)
{
    while (g->parent[i] != i) {
        g->parent[i] = g->parent[g->parent[i]];
        i = g->parent[i];
    }
    return i;
}

static void unite(grouping *g, size_t a, size_t b)
{
    a = find(g, a);
    b = find(g, b);
    if (a != b) {
        g->parent[a > b ? a : b] = a < b ? a : b; // the earlier mention stays the root
    }
}

static const char *key_of(const grouping *g, size_t i)
{
    return g->keys + g->key_off[i];
}

static bool same_key(const grouping *g, size_t a, size_t b)
{
    return g->key_len[a] == g->key_len[b] &&
           memcmp(key_of(g, a), key_of(g, b), g->key_len[a]) == 0;
}

// The folded key of every mention, NUL-terminated, one after another in one block.
static zn_status make_keys(grouping *g)
{
    ent_doc *d = g->d;
    size_t cap = 1;
    for (size_t i = 0; i < g->m; i++) {
        cap += 4 * (d->cands[i].end - d->cands[i].start) + 1;
    }
    g->keys = zn__ent_alloc(d, cap, 1);
    if (g->keys == NULL) {
        return ZN_ERR_NOMEM;
    }
    size_t at = 0;
    for (size_t i = 0; i < g->m; i++) {
        const ent_cand *c = &d->cands[i];
        size_t len = 0;
        (void)zn__ent_key(d, c->start, c->end, g->keys + at, cap - at, &len);
        g->key_off[i] = at;
        g->key_len[i] = len;
        at += len + 1;
    }
    return ZN_OK;
}

// b's key is a's key plus a company suffix (京东 + 集团, 商汤 + 科技).
static bool company_extension(const grouping *g, size_t a, size_t b)
{
    size_t la = g->key_len[a];
    size_t lb = g->key_len[b];
    if (la == 0 || lb <= la || memcmp(key_of(g, a), key_of(g, b), la) != 0) {
        return false;
    }
    const zn__ent_word *w = zn__ent_lookup(key_of(g, b) + la, lb - la);
    return w != NULL && (w->flags & ZN__ENT_SUFFIX) && w->suffix_type == ZN_ENTITY_COMPANY;
}

static size_t mention_at(const grouping *g, size_t s, size_t e)
{
    for (size_t i = 0; i < g->m; i++) {
        if (g->d->cands[i].start == s && g->d->cands[i].end == e) {
            return i;
        }
    }
    return SIZE_MAX;
}

// Mention indices sorted by key, then by index: equal keys are neighbours, and every key
// that extends another (京东 → 京东集团) follows it in one run.
static int cmp_keys(const void *x, const void *y, void *ctx)
{
    const grouping *g = ctx;
    size_t a = *(const size_t *)x;
    size_t b = *(const size_t *)y;
    size_t la = g->key_len[a];
    size_t lb = g->key_len[b];
    int c = memcmp(key_of(g, a), key_of(g, b), la < lb ? la : lb);
    if (c != 0) {
        return c;
    }
    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    return (a > b) - (a < b);
}

static bool is_prefix(const grouping *g, size_t a, size_t b)
{
    return g->key_len[a] < g->key_len[b] && memcmp(key_of(g, a), key_of(g, b), g->key_len[a]) == 0;
}

static int cmp_size(const void *x, const void *y, void *ctx)
{
    (void)ctx;
    size_t a = *(const size_t *)x;
    size_t b = *(const size_t *)y;
    return (a > b) - (a < b);
}

// The pair (a, b), a < b, of different keys where one is the other plus a company suffix.
static void join_extension(grouping *g, size_t a, size_t b)
{
    ent_doc *d = g->d;
    if (d->cands[a].type == ZN_ENTITY_PERSON || d->cands[b].type == ZN_ENTITY_PERSON ||
        !(company_extension(g, a, b) || company_extension(g, b, a))) {
        return;
    }
    size_t longer = g->key_len[a] > g->key_len[b] ? a : b;
    size_t shorter = longer == a ? b : a;
    const ent_cand *c = &d->cands[shorter];
    if (zn__ent_span_is(d, c->start, c->end, ZN__ENT_REGION | ZN__ENT_ABBREV)) {
        return; // 华南 is a region, not the short name of 华南科技
    }
    d->cands[shorter].type = d->cands[longer].type;
    unite(g, a, b);
}

// Equal keys are one entity; a key and its company-suffixed extension too. Pairs are visited
// in the order (a, b) of the mentions, as a full pairwise loop would, but only pairs whose
// keys are prefixes of each other: long texts stay far from quadratic.
static zn_status unite_keys(grouping *g)
{
    size_t m = g->m;
    size_t *idx = zn__ent_alloc(g->d, m + 1, sizeof *idx);
    size_t *pos = zn__ent_alloc(g->d, m + 1, sizeof *pos);   // mention → its place in idx
    size_t *pairs = zn__ent_alloc(g->d, m + 1, sizeof *pairs); // partners of one mention
    if (idx == NULL || pos == NULL || pairs == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        idx[i] = i;
    }
    zn__ent_sort(idx, m, sizeof *idx, cmp_keys, g);
    for (size_t x = 0; x < m; x++) {
        pos[idx[x]] = x;
        if (x > 0 && same_key(g, idx[x - 1], idx[x])) {
            unite(g, idx[x - 1], idx[x]);
        }
    }
    for (size_t a = 0; a < m; a++) {
        size_t n = 0;
        // Longer keys that extend a's key: the run after a's group in key order.
        size_t x = pos[a];
        while (x + 1 < m && same_key(g, idx[x + 1], a)) {
            x++;
        }
        for (size_t y = x + 1; g->key_len[a] > 0 && y < m && is_prefix(g, a, idx[y]); y++) {
            if (idx[y] > a) {
                pairs[n++] = idx[y];
            }
        }
        // Shorter keys that a's key extends: its prefixes, each found by its own run.
        for (size_t y = pos[a]; y-- > 0;) {
            if (is_prefix(g, idx[y], a) && idx[y] > a) {
                pairs[n++] = idx[y];
            } else if (g->key_len[idx[y]] < 3 || g->key_len[a] < 3 ||
                       memcmp(key_of(g, idx[y]), key_of(g, a), 3) != 0) {
                break; // keys before this one no longer share a's first character
            }
        }
        zn__ent_sort(pairs, n, sizeof *pairs, cmp_size, NULL);
        for (size_t k = 0; k < n; k++) {
            join_extension(g, a, pairs[k]);
        }
    }
    return ZN_OK;
}

static zn_status unite_all(grouping *g)
{
    ent_doc *d = g->d;
    if (unite_keys(g) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->n_links; i++) {
        const ent_link *l = &d->links[i];
        size_t a = mention_at(g, l->a_start, l->a_end);
        size_t b = mention_at(g, l->b_start, l->b_end);
        if (l->kind == LINK_ALIAS && a != SIZE_MAX && b != SIZE_MAX) {
            unite(g, a, b);
        }
    }
    return ZN_OK;
}

static void number_entities(grouping *g)
{
    for (size_t i = 0; i < g->m; i++) {
        size_t r = find(g, i);
        if (r == i) {
            g->first[g->n_ents] = i;
            g->ent_of[i] = g->n_ents++;
        } else {
            g->ent_of[i] = g->ent_of[r];
        }
    }
}

zn_status zn__ent_group(ent_doc *d, zn_entities **out)
{
    grouping g;
    memset(&g, 0, sizeof g);
    g.d = d;
    g.m = d->n_cands;
    size_t n = g.m + 1;
    g.parent = zn__ent_alloc(d, n, sizeof *g.parent);
    g.key_off = zn__ent_alloc(d, n, sizeof *g.key_off);
    g.key_len = zn__ent_alloc(d, n, sizeof *g.key_len);
    g.ent_of = zn__ent_alloc(d, n, sizeof *g.ent_of);
    g.first = zn__ent_alloc(d, n, sizeof *g.first);
    zn_status st = ZN_ERR_NOMEM;
    if (g.parent != NULL && g.key_off != NULL && g.key_len != NULL && g.ent_of != NULL &&
        g.first != NULL) {
        for (size_t i = 0; i < g.m; i++) {
            g.parent[i] = i;
        }
        st = make_keys(&g);
    }
    if (st == ZN_OK) {
        st = unite_all(&g);
    }
    if (st == ZN_OK) {
        number_entities(&g);
        st = zn__ent_group_build(&g, out);
    }
    return st;
}
