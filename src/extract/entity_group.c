/* SPDX-License-Identifier: MIT
 * From mentions to entities: one entity per name across Latin case, script and spaces,
 * legal-form suffixes (京东集团 → 京东), declared short names and list abbreviations; the
 * canonical name, aliases and the roles of people. */
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
    return g->keys.data + g->key_off[i];
}

static bool same_key(const grouping *g, size_t a, size_t b)
{
    return g->key_len[a] == g->key_len[b] &&
           memcmp(key_of(g, a), key_of(g, b), g->key_len[a]) == 0;
}

static zn_status make_keys(grouping *g)
{
    ent_doc *d = g->d;
    for (size_t i = 0; i < g->m; i++) {
        const ent_cand *c = &d->cands[i];
        size_t cap = 4 * (c->end - c->start) + 1;
        char *tmp = zn__malloc(cap);
        size_t len = 0;
        if (tmp == NULL) {
            return ZN_ERR_NOMEM;
        }
        (void)zn__ent_key(d, c->start, c->end, tmp, cap, &len);
        g->key_off[i] = g->keys.len;
        g->key_len[i] = len;
        zn_status st = zn_buf_append(&g->keys, tmp, len + 1);
        zn__free(tmp);
        if (st != ZN_OK) {
            return st;
        }
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

static void unite_all(grouping *g)
{
    ent_doc *d = g->d;
    for (size_t a = 0; a < g->m; a++) {
        for (size_t b = a + 1; b < g->m; b++) {
            if (same_key(g, a, b)) {
                unite(g, a, b);
            } else if (d->cands[a].type != ZN_ENTITY_PERSON &&
                       d->cands[b].type != ZN_ENTITY_PERSON &&
                       (company_extension(g, a, b) || company_extension(g, b, a))) {
                size_t longer = g->key_len[a] > g->key_len[b] ? a : b;
                size_t shorter = longer == a ? b : a;
                const ent_cand *c = &d->cands[shorter];
                if (zn__ent_span_is(d, c->start, c->end, ZN__ENT_REGION | ZN__ENT_ABBREV)) {
                    continue; // 华南 is a region, not the short name of 华南科技
                }
                d->cands[shorter].type = d->cands[longer].type;
                unite(g, a, b);
            }
        }
    }
    for (size_t i = 0; i < d->n_links; i++) {
        const ent_link *l = &d->links[i];
        size_t a = mention_at(g, l->a_start, l->a_end);
        size_t b = mention_at(g, l->b_start, l->b_end);
        if (l->kind == LINK_ALIAS && a != SIZE_MAX && b != SIZE_MAX) {
            unite(g, a, b);
        }
    }
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
    zn_buf_init(&g.keys, 0);
    size_t n = g.m + 1;
    g.parent = zn__calloc(n, sizeof *g.parent);
    g.key_off = zn__calloc(n, sizeof *g.key_off);
    g.key_len = zn__calloc(n, sizeof *g.key_len);
    g.ent_of = zn__calloc(n, sizeof *g.ent_of);
    g.first = zn__calloc(n, sizeof *g.first);
    zn_status st = ZN_ERR_NOMEM;
    if (g.parent != NULL && g.key_off != NULL && g.key_len != NULL && g.ent_of != NULL &&
        g.first != NULL) {
        for (size_t i = 0; i < g.m; i++) {
            g.parent[i] = i;
        }
        st = make_keys(&g);
    }
    if (st == ZN_OK) {
        unite_all(&g);
        number_entities(&g);
        st = zn__ent_group_build(&g, out);
    }
    zn_buf_clear(&g.keys);
    zn__free(g.parent);
    zn__free(g.key_off);
    zn__free(g.key_len);
    zn__free(g.ent_of);
    zn__free(g.first);
    return st;
}
