/* SPDX-License-Identifier: MIT
 * The result of extraction: for each entity its canonical name, aliases, roles and mention
 * spans, copied into one allocation set owned by zn_entities. */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"

enum { REC_NAME, REC_ALIAS, REC_ROLE };

// A string of the result: a byte span of the text, for entity `ent`.
typedef struct rec {
    size_t ent;
    int kind;
    size_t b0, b1;
} rec;

typedef struct builder {
    grouping *g;
    ent_doc *d;
    rec *recs;
    size_t n_recs;
    size_t *canon;    // entity → canonical mention
    size_t *by_ent;   // mentions grouped by entity, in mention order within an entity
    size_t *ent_at;   // entity e's mentions are by_ent[ent_at[e] .. ent_at[e + 1])
    size_t *link_a;   // link k's member mentions (SIZE_MAX when not a mention)
    size_t *link_b;
} builder;

// Groups the mentions by entity (a stable counting sort), so that each entity's loop visits
// its own mentions only: long texts with many entities stay linear.
static void index_mentions(builder *bd)
{
    const grouping *g = bd->g;
    for (size_t i = 0; i < g->m; i++) {
        bd->ent_at[g->ent_of[i] + 1]++;
    }
    for (size_t e = 0; e < g->n_ents; e++) {
        bd->ent_at[e + 1] += bd->ent_at[e];
    }
    size_t *next = bd->canon; // borrowed as scratch until pick_types_and_names fills it
    for (size_t e = 0; e < g->n_ents; e++) {
        next[e] = bd->ent_at[e];
    }
    for (size_t i = 0; i < g->m; i++) {
        bd->by_ent[next[g->ent_of[i]]++] = i;
    }
}

// The mentions that each link joins (the last mention with the link's span, as before).
static void index_links(builder *bd)
{
    const ent_doc *d = bd->d;
    for (size_t k = 0; k < d->n_links; k++) {
        const ent_link *l = &d->links[k];
        bd->link_a[k] = SIZE_MAX;
        bd->link_b[k] = SIZE_MAX;
        for (size_t i = 0; i < bd->g->m; i++) {
            if (d->cands[i].start == l->a_start && d->cands[i].end == l->a_end) {
                bd->link_a[k] = i;
            }
            if (d->cands[i].start == l->b_start && d->cands[i].end == l->b_end) {
                bd->link_b[k] = i;
            }
        }
    }
}

static size_t bytes_of(const ent_doc *d, const ent_cand *c, size_t *b0)
{
    *b0 = d->off[c->start];
    return d->off[c->end] - *b0;
}

static bool same_text(const ent_doc *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
    return a1 - a0 == b1 - b0 && memcmp(d->text + a0, d->text + b0, a1 - a0) == 0;
}

static size_t count_upper(const ent_doc *d, const ent_cand *c)
{
    size_t n = 0;
    for (size_t i = d->off[c->start]; i < d->off[c->end]; i++) {
        n += d->text[i] >= 'A' && d->text[i] <= 'Z';
    }
    return n;
}

// Is candidate a preferred over b as the canonical name? The shorter of a pair that differs
// by a company suffix (京东 over 京东集团), else the longer key, more capitals, fewer
// spaces, earlier.
static bool better_name(const builder *bd, size_t a, size_t b)
{
    const grouping *g = bd->g;
    const ent_doc *d = bd->d;
    size_t la = g->key_len[a];
    size_t lb = g->key_len[b];
    if (la != lb && memcmp(g->keys + g->key_off[a], g->keys + g->key_off[b],
                           la < lb ? la : lb) == 0) {
        size_t s = la < lb ? a : b;
        size_t l = la < lb ? b : a;
        const zn__ent_word *w = zn__ent_lookup(g->keys + g->key_off[l] + g->key_len[s],
                                               g->key_len[l] - g->key_len[s]);
        if (w != NULL && (w->flags & ZN__ENT_SUFFIX) && w->suffix_type == ZN_ENTITY_COMPANY &&
            w->strength == ZN__SUFFIX_STRONG) {
            return s == a;
        }
    }
    if (la != lb) {
        return la > lb;
    }
    size_t ua = count_upper(d, &d->cands[a]);
    size_t ub = count_upper(d, &d->cands[b]);
    if (ua != ub) {
        return ua > ub;
    }
    size_t wa = d->cands[a].end - d->cands[a].start;
    size_t wb = d->cands[b].end - d->cands[b].start;
    if (wa != wb) {
        return wa < wb;
    }
    return a < b;
}

static bool has_rec(const builder *bd, size_t ent, int kind, size_t b0, size_t b1)
{
    for (size_t i = bd->n_recs; i-- > 0 && bd->recs[i].ent == ent;) {
        if ((kind == REC_ROLE) == (bd->recs[i].kind == REC_ROLE) &&
            same_text(bd->d, bd->recs[i].b0, bd->recs[i].b1, b0, b1)) {
            return true;
        }
    }
    return false;
}

static void add_rec(builder *bd, size_t ent, int kind, size_t b0, size_t b1)
{
    if (!has_rec(bd, ent, kind, b0, b1)) {
        bd->recs[bd->n_recs++] = (rec){ent, kind, b0, b1};
    }
}

// The title right before a person's mention (one space allowed): its bytes, or false.
static bool role_before(const ent_doc *d, const ent_cand *c, size_t *b0, size_t *b1)
{
    size_t p = c->start;
    if (p > 0 && d->fold[p - 1] == ' ') {
        p--;
    }
    size_t ts;
    if (zn__ent_word_ending(d, p, ZN__ENT_TITLE, &ts) == 0) {
        return false;
    }
    *b0 = d->off[ts];
    *b1 = d->off[p];
    return true;
}

static void collect(builder *bd, size_t e)
{
    grouping *g = bd->g;
    ent_doc *d = bd->d;
    size_t b0;
    size_t len = bytes_of(d, &d->cands[bd->canon[e]], &b0);
    add_rec(bd, e, REC_NAME, b0, b0 + len);
    for (size_t x = bd->ent_at[e]; x < bd->ent_at[e + 1]; x++) {
        size_t i = bd->by_ent[x];
        len = bytes_of(d, &d->cands[i], &b0);
        add_rec(bd, e, REC_ALIAS, b0, b0 + len);
        size_t r0, r1;
        if (d->cands[i].type == ZN_ENTITY_PERSON && role_before(d, &d->cands[i], &r0, &r1)) {
            add_rec(bd, e, REC_ROLE, r0, r1);
        }
    }
    for (size_t k = 0; k < d->n_links; k++) {
        const ent_link *l = &d->links[k];
        size_t a = bd->link_a[k];
        size_t b = bd->link_b[k];
        if (l->kind == LINK_MEMBER && a != SIZE_MAX && b != SIZE_MAX && g->ent_of[a] == e &&
            g->ent_of[b] != e) {
            len = bytes_of(d, &d->cands[bd->canon[g->ent_of[b]]], &b0);
            add_rec(bd, e, REC_ALIAS, b0, b0 + len);
        }
    }
}

static void pick_types_and_names(builder *bd, zn_entity *items)
{
    grouping *g = bd->g;
    ent_doc *d = bd->d;
    size_t *best = bd->canon;
    for (size_t e = 0; e < g->n_ents; e++) {
        best[e] = g->first[e];
    }
    for (size_t i = 0; i < g->m; i++) {
        size_t e = g->ent_of[i];
        if (i != best[e] && better_name(bd, i, best[e])) { // a name is not better than itself
            best[e] = i;
        }
    }
    for (size_t e = 0; e < g->n_ents; e++) {
        unsigned prio = 0;
        for (size_t x = bd->ent_at[e]; x < bd->ent_at[e + 1]; x++) {
            size_t i = bd->by_ent[x];
            if (d->cands[i].prio > prio) {
                prio = d->cands[i].prio;
                items[e].type = (zn_entity_type)d->cands[i].type;
            }
        }
    }
}

// The result is one allocation: the struct, then its arrays (all of pointer alignment),
// then the string pool.
static zn_entities *alloc_result(size_t n_ents, size_t m, size_t n_strs, size_t pool)
{
    size_t parts[] = {sizeof(zn_entities), (n_ents + 1) * sizeof(zn_entity),
                      (m + 1) * sizeof(zn_entity_mention), (m + 1) * sizeof(zn_span),
                      (n_strs + 1) * sizeof(const char *), pool + 1};
    size_t total = 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (parts[i] > SIZE_MAX / 2 - total) {
            return NULL;
        }
        total += parts[i];
    }
    char *p = zn__calloc(1, total);
    if (p == NULL) {
        return NULL;
    }
    zn_entities *r = (zn_entities *)(void *)p;
    p += parts[0];
    r->items = (zn_entity *)(void *)p;
    p += parts[1];
    r->mentions = (zn_entity_mention *)(void *)p;
    p += parts[2];
    r->spans = (zn_span *)(void *)p;
    p += parts[3];
    r->strs = (const char **)(void *)p;
    p += parts[4];
    r->pool = p;
    r->count = n_ents;
    r->n_mentions = m;
    return r;
}

// Copies the strings and points names, aliases and roles at them.
static void fill_strings(const builder *bd, zn_entities *r)
{
    size_t at = 0;
    size_t s = 0;
    size_t lo = 0; // the records come entity by entity (collect runs for e = 0, 1, ...)
    for (size_t e = 0; e < r->count; e++) {
        zn_entity *it = &r->items[e];
        size_t hi = lo;
        while (hi < bd->n_recs && bd->recs[hi].ent == e) {
            hi++;
        }
        for (int kind = REC_NAME; kind <= REC_ROLE; kind++) {
            if (kind == REC_ALIAS) {
                it->aliases = r->strs + s;
            } else if (kind == REC_ROLE) {
                it->roles = r->strs + s;
            }
            for (size_t i = lo; i < hi; i++) {
                const rec *x = &bd->recs[i];
                if (x->kind != kind) {
                    continue;
                }
                char *p = r->pool + at;
                memcpy(p, bd->d->text + x->b0, x->b1 - x->b0);
                p[x->b1 - x->b0] = '\0';
                at += x->b1 - x->b0 + 1;
                if (kind == REC_NAME) {
                    it->name = p;
                } else {
                    r->strs[s++] = p;
                    *(kind == REC_ALIAS ? &it->n_aliases : &it->n_roles) += 1;
                }
            }
        }
        lo = hi;
    }
}

static void fill_mentions(const builder *bd, zn_entities *r)
{
    const grouping *g = bd->g;
    const ent_doc *d = bd->d;
    size_t at = 0;
    for (size_t e = 0; e < r->count; e++) {
        r->items[e].mentions = r->spans + at;
        for (size_t x = bd->ent_at[e]; x < bd->ent_at[e + 1]; x++) {
            size_t i = bd->by_ent[x];
            r->spans[at++] = (zn_span){d->off[d->cands[i].start], d->off[d->cands[i].end]};
            r->items[e].n_mentions++;
        }
    }
    for (size_t i = 0; i < g->m; i++) {
        r->mentions[i].span = (zn_span){d->off[d->cands[i].start], d->off[d->cands[i].end]};
        r->mentions[i].entity = g->ent_of[i];
    }
}

zn_status zn__ent_group_build(grouping *g, zn_entities **out)
{
    builder bd = {g, g->d, NULL, 0, NULL, NULL, NULL, NULL, NULL};
    size_t cap = g->n_ents + 2 * g->m + g->d->n_links + 1;
    ent_doc *d = g->d;
    bd.recs = zn__ent_zalloc(d, cap, sizeof *bd.recs);
    bd.canon = zn__ent_zalloc(d, g->n_ents + 1, sizeof *bd.canon);
    bd.by_ent = zn__ent_zalloc(d, g->m + 1, sizeof *bd.by_ent);
    bd.ent_at = zn__ent_zalloc(d, g->n_ents + 2, sizeof *bd.ent_at);
    bd.link_a = zn__ent_zalloc(d, d->n_links + 1, sizeof *bd.link_a);
    bd.link_b = zn__ent_zalloc(d, d->n_links + 1, sizeof *bd.link_b);
    zn_entity *types = zn__ent_zalloc(d, g->n_ents + 1, sizeof *types);
    zn_status st = ZN_ERR_NOMEM;
    if (bd.recs != NULL && bd.canon != NULL && bd.by_ent != NULL && bd.ent_at != NULL &&
        bd.link_a != NULL && bd.link_b != NULL && types != NULL) {
        index_mentions(&bd);
        index_links(&bd);
        pick_types_and_names(&bd, types);
        for (size_t e = 0; e < g->n_ents; e++) {
            collect(&bd, e);
        }
        size_t pool = 0;
        size_t n_strs = 0;
        for (size_t i = 0; i < bd.n_recs; i++) {
            pool += bd.recs[i].b1 - bd.recs[i].b0 + 1;
            n_strs += bd.recs[i].kind != REC_NAME;
        }
        zn_entities *r = alloc_result(g->n_ents, g->m, n_strs, pool);
        if (r != NULL) {
            for (size_t e = 0; e < g->n_ents; e++) {
                r->items[e].type = types[e].type;
            }
            fill_strings(&bd, r);
            fill_mentions(&bd, r);
            *out = r;
            st = ZN_OK;
        }
    }
    return st;
}
