/* SPDX-License-Identifier: MIT
 * The result of extraction: for each entity its canonical name, aliases, roles and mention
 * spans, copied into one allocation set owned by zn_entities. */
#include <string.h>

#include "extract/entity_find.h"
#include "util/alloc.h"

// A string of the result: a byte span of the text, for entity `ent`.
typedef struct rec {
    size_t ent;
    size_t b0, b1;
} rec;

typedef struct builder {
    grouping *g;
    ent_doc *d;
    rec *names;       // entity by entity: its name, then its aliases
    size_t n_names;
    rec *roles;       // entity by entity: its roles
    size_t n_roles;
    size_t *canon;    // entity → canonical mention
    size_t *by_ent;   // mentions grouped by entity, in mention order within an entity
    size_t *ent_at;   // entity e's mentions are by_ent[ent_at[e] .. ent_at[e + 1])
    size_t *link_a;   // link k's member mentions (SIZE_MAX when not a mention)
    size_t *link_b;
    size_t pool;      // bytes of every string so far, with their NULs
} builder;

// Groups the mentions by entity (a stable counting sort), so that each entity's loop visits
// its own mentions only: long texts with many entities stay linear.
static void index_mentions(builder *bd)
{
    const grouping *g = bd->g;
    if (g->n_ents == g->m) { // every mention an entity of its own (most lines): in order
        for (size_t i = 0; i <= g->m; i++) {
            bd->by_ent[i] = i;
            bd->ent_at[i] = i;
        }
        return;
    }
    memset(bd->ent_at, 0, (g->n_ents + 2) * sizeof *bd->ent_at);
    for (size_t i = 0; i < g->m; i++) {
        bd->ent_at[g->ent_of[i] + 1]++;
    }
    for (size_t e = 0; e < g->n_ents; e++) {
        bd->ent_at[e + 1] += bd->ent_at[e];
    }
    size_t *next = bd->canon; // borrowed as scratch until pick_names fills it
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

static bool same_text(const char *text, size_t a0, size_t a1, size_t b0, size_t b1)
{
    return a1 - a0 == b1 - b0 && memcmp(text + a0, text + b0, a1 - a0) == 0;
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
    int c = la != lb ? zn__ent_key_cmp(g, a, b) : 0;
    if (c == -2 || c == 2) { // one key is a proper prefix of the other
        size_t s = c == -2 ? a : b;
        const zn__ent_word *w = zn__ent_key_suffix(g, s, s == a ? b : a);
        if (w != NULL && (w->flags & ZN__ENT_SUFFIX) && w->suffix_type == ZN_ENTITY_COMPANY &&
            w->strength == ZN__SUFFIX_STRONG) {
            return s == a;
        }
    }
    if (la != lb) {
        return la > lb;
    }
    // capitals fold to Latin letters: a text without any has none to count
    size_t ua = d->has_latin ? count_upper(d, &d->cands[a]) : 0;
    size_t ub = d->has_latin ? count_upper(d, &d->cands[b]) : 0;
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

// Appends the string [b0, b1) of entity ent to list (names or roles) unless the entity has
// it there already.
static void add_rec(const char *text, rec *list, size_t *n, size_t *pool, size_t ent, size_t b0,
                    size_t b1)
{
    for (size_t i = *n; i-- > 0 && list[i].ent == ent;) {
        if (same_text(text, list[i].b0, list[i].b1, b0, b1)) {
            return;
        }
    }
    list[(*n)++] = (rec){ent, b0, b1};
    *pool += b1 - b0 + 1;
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

// Every entity's strings, entity by entity: its name, its aliases (the other mentions' texts,
// a list abbreviation's members), the roles of its person mentions. The counts and the
// arrays are locals: the records' stores (size_t) may alias any size_t field reached
// through a pointer, which would be read again after each.
static void collect(builder *bd)
{
    const grouping *g = bd->g;
    const ent_doc *d = bd->d;
    const char *text = d->text;
    const size_t *off = d->off;
    const ent_cand *cands = d->cands;
    const size_t *canon = bd->canon;
    const size_t *by_ent = bd->by_ent;
    const size_t *ent_at = bd->ent_at;
    rec *names = bd->names;
    rec *roles = bd->roles;
    size_t n_names = 0;
    size_t n_roles = 0;
    size_t pool = 0;
    for (size_t e = 0, ne = g->n_ents; e < ne; e++) {
        const ent_cand *c = &cands[canon[e]];
        names[n_names++] = (rec){e, off[c->start], off[c->end]};
        pool += off[c->end] - off[c->start] + 1;
        for (size_t x = ent_at[e]; x < ent_at[e + 1]; x++) {
            size_t i = by_ent[x];
            if (i != canon[e]) { // the name itself is no alias
                add_rec(text, names, &n_names, &pool, e, off[cands[i].start], off[cands[i].end]);
            }
            size_t r0, r1;
            if (cands[i].type == ZN_ENTITY_PERSON && role_before(d, &cands[i], &r0, &r1)) {
                add_rec(text, roles, &n_roles, &pool, e, r0, r1);
            }
        }
        for (size_t k = 0; k < d->n_links; k++) {
            const ent_link *l = &d->links[k];
            size_t a = bd->link_a[k];
            size_t b = bd->link_b[k];
            if (l->kind == LINK_MEMBER && a != SIZE_MAX && b != SIZE_MAX && g->ent_of[a] == e &&
                g->ent_of[b] != e) {
                const ent_cand *m = &cands[canon[g->ent_of[b]]];
                add_rec(text, names, &n_names, &pool, e, off[m->start], off[m->end]);
            }
        }
    }
    bd->n_names = n_names;
    bd->n_roles = n_roles;
    bd->pool = pool;
}

static void pick_names(builder *bd)
{
    grouping *g = bd->g;
    size_t *best = bd->canon;
    for (size_t e = 0; e < g->n_ents; e++) {
        best[e] = g->first[e];
    }
    if (g->n_ents == g->m) {
        return; // every mention is an entity of its own, and its name
    }
    for (size_t i = 0; i < g->m; i++) {
        size_t e = g->ent_of[i];
        if (i != best[e] && better_name(bd, i, best[e])) { // a name is not better than itself
            best[e] = i;
        }
    }
}

// The result is one allocation: the struct, then its arrays (all of pointer alignment),
// then the string pool. Every field is set by the caller or fill_result.
static zn_entities *alloc_result(size_t n_ents, size_t m, size_t n_strs, size_t pool)
{
    // The counts are of arrays and text already in memory, far from overflowing; bounded
    // anyway, so that the sum below stays under SIZE_MAX / 2.
    _Static_assert(sizeof(zn_entity) <= 64 && sizeof(zn_entity_mention) <= 64,
                   "the bounds below hold");
    if (n_ents > SIZE_MAX / 1024 || m > SIZE_MAX / 1024 || n_strs > SIZE_MAX / 1024 ||
        pool > SIZE_MAX / 4) {
        return NULL;
    }
    size_t parts[] = {sizeof(zn_entities), (n_ents + 1) * sizeof(zn_entity),
                      (m + 1) * sizeof(zn_entity_mention), (m + 1) * sizeof(zn_span),
                      (n_strs + 1) * sizeof(const char *), pool + 1};
    size_t total = parts[0] + parts[1] + parts[2] + parts[3] + parts[4] + parts[5];
    char *p = zn__malloc(total);
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

// Copies the string x of text to *pool, NUL-terminated; returns it and moves *pool past it.
static const char *put_rec(const char *text, const rec *x, char **pool)
{
    char *p = *pool;
    memcpy(p, text + x->b0, x->b1 - x->b0);
    p[x->b1 - x->b0] = '\0';
    *pool = p + (x->b1 - x->b0) + 1;
    return p;
}

// Each entity's type, strings (names and aliases, roles) and mentions; the mentions in
// text order. What the loops read is held in locals: the stores of the result (characters,
// size_t) may alias any field reached through a pointer, which would be read again after each.
static void fill_result(const builder *bd, zn_entities *r)
{
    const ent_doc *d = bd->d;
    const char *text = d->text;
    const size_t *off = d->off;
    const ent_cand *cands = d->cands;
    const rec *names = bd->names;
    const rec *names_end = names + bd->n_names;
    const rec *roles = bd->roles;
    const rec *roles_end = roles + bd->n_roles;
    const size_t *by_ent = bd->by_ent;
    const size_t *ent_at = bd->ent_at;
    zn_entity *items = r->items;
    size_t n_ents = r->count;
    const char **strs = r->strs;
    zn_span *spans = r->spans;
    char *pool = r->pool;
    // the records come entity by entity (collect ran for e = 0, 1, ...)
    for (size_t e = 0; e < n_ents; e++) {
        zn_entity *it = &items[e];
        it->name = put_rec(text, names++, &pool);
        it->aliases = strs;
        for (; names < names_end && names->ent == e; names++) {
            *strs++ = put_rec(text, names, &pool);
        }
        it->n_aliases = (size_t)(strs - it->aliases);
        it->roles = strs;
        for (; roles < roles_end && roles->ent == e; roles++) {
            *strs++ = put_rec(text, roles, &pool);
        }
        it->n_roles = (size_t)(strs - it->roles);
        it->mentions = spans;
        it->n_mentions = ent_at[e + 1] - ent_at[e];
        // the type of the entity's strongest mention (the first of the strongest)
        unsigned prio = 0;
        zn_entity_type type = ZN_ENTITY_COMPANY;
        for (size_t x = ent_at[e]; x < ent_at[e + 1]; x++) {
            const ent_cand *c = &cands[by_ent[x]];
            *spans++ = (zn_span){off[c->start], off[c->end]};
            if (c->prio > prio) {
                prio = c->prio;
                type = (zn_entity_type)c->type;
            }
        }
        it->type = type;
    }
    const size_t *ent_of = bd->g->ent_of;
    zn_entity_mention *mentions = r->mentions;
    for (size_t i = 0, m = bd->g->m; i < m; i++) {
        const ent_cand *c = &cands[i]; // characters: the code-point offsets too
        mentions[i] = (zn_entity_mention){{off[c->start], off[c->end]}, ent_of[i], c->start,
                                          c->end};
    }
}

// The result of every text without a mention (a third of news lines): one object shared by
// them all, never written to (results are immutable) and never freed (zn__ent_result_free),
// so that such a text costs no allocation. All zero: no entities, no mentions.
static zn_entities empty_result;

void zn__ent_result_free(zn_entities *ents)
{
    if (ents != &empty_result) {
        zn__free(ents); // one allocation holds the arrays and strings too (alloc_result)
    }
}

zn_status zn__ent_group_build(grouping *g, zn_entities **out)
{
    ent_doc *d = g->d;
    if (g->m == 0) {
        *out = &empty_result;
        return ZN_OK;
    }
    size_t m = g->m;
    size_t ne = g->n_ents;
    size_t nl = d->n_links;
    size_t cap = ne + m + nl + 1; // names: one per entity, aliases from mentions and links
    // g->room: names and roles (three words a record), then the size_t arrays of bd; with
    // ne <= m, 3 * (cap + m + 1) + ne + 1 + m + 1 + ne + 2 + 2 * (nl + 1) words at most
    // zn__ent_build_room(m, nl)
    _Static_assert(sizeof(rec) == 3 * sizeof(size_t), "a record is three words");
    size_t *block = g->room;
    builder bd = {g, d, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 0};
    bd.names = (rec *)(void *)block;
    bd.roles = bd.names + cap;
    bd.canon = (size_t *)(void *)(bd.roles + m + 1);
    bd.by_ent = bd.canon + ne + 1;
    bd.ent_at = bd.by_ent + m + 1;
    bd.link_a = bd.ent_at + ne + 2;
    bd.link_b = bd.link_a + nl + 1;
    index_mentions(&bd);
    index_links(&bd);
    pick_names(&bd);
    collect(&bd);
    zn_entities *r = alloc_result(ne, m, bd.n_names - ne + bd.n_roles, bd.pool);
    if (r == NULL) {
        return ZN_ERR_NOMEM;
    }
    fill_result(&bd, r);
    *out = r;
    return ZN_OK;
}
