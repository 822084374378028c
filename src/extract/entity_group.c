/* SPDX-License-Identifier: MIT
 * From mentions to entities: one entity per name across Latin case, script and spaces,
 * legal-form suffixes (京东集团 → 京东), declared short names and list abbreviations; the
 * canonical name, aliases and the roles of people. */
#include <stdlib.h>
#include <string.h>

#include "extract/entity_find.h"
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

static size_t utf8_len(uint32_t c)
{
    return c < 0x80 ? 1 : (c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4));
}

// The length in bytes of every mention's key, whether its text has spaces (left out of the
// key) and its first code point. The keys themselves are never written out: compared as
// folded characters they compare as their UTF-8 bytes would (zn__ent_key_cmp); two keys
// whose first characters differ compare as those do (most pairs: key_first decides).
// What the loop reads is held in locals: its stores (size_t) may alias any size_t field
// reached through a pointer (the candidates' ends), which would be read again after each.
static void measure_keys(grouping *g)
{
    const uint32_t *fold = g->d->fold;
    const ent_cand *cands = g->d->cands;
    size_t *key_len = g->key_len;
    size_t *key_spaced = g->key_spaced;
    size_t *key_first = g->key_first;
    for (size_t i = 0, m = g->m; i < m; i++) {
        size_t len = 0;
        bool spaced = false;
        size_t s = cands[i].start;
        size_t e = cands[i].end;
        if (zn__ent_all_common_han(g->d, s, e)) { // most keys: three bytes a character
            key_len[i] = 3 * (e - s);
            key_spaced[i] = false;
            key_first[i] = e > s ? fold[s] : 0;
            continue;
        }
        for (size_t p = s; p < e; p++) {
            uint32_t c = fold[p];
            if (c - 0x800 < 0xF800) {
                len += 3; // U+0800-U+FFFF, Han among them: one test for most characters
            } else if (c == ' ') {
                spaced = true;
            } else {
                len += utf8_len(c);
            }
        }
        key_len[i] = len;
        key_spaced[i] = spaced;
        while (spaced && s < e && fold[s] == ' ') {
            s++;
        }
        key_first[i] = len > 0 ? fold[s] : 0;
    }
}

// The first three bytes of every mention's key (key_head, for the runs of unite_keys).
static void key_heads(grouping *g)
{
    const ent_doc *d = g->d;
    for (size_t i = 0; i < g->m; i++) {
        size_t len = 0;
        size_t head = 0;
        for (size_t p = d->cands[i].start; p < d->cands[i].end && len < 3; p++) {
            char u[4];
            size_t k = d->fold[p] == ' ' ? 0 : zn__utf8_encode(d->fold[p], u);
            for (size_t x = 0; x < k && len + x < 3; x++) {
                head = head << 8 | (uint8_t)u[x];
            }
            len += k;
        }
        g->key_head[i] = head;
    }
}

// zn__ent_key_cmp, inlined into the sort and the runs of unite_keys
static inline int key_cmp(const grouping *g, size_t a, size_t b)
{
    const uint32_t *f = g->d->fold;
    size_t i = g->d->cands[a].start;
    size_t ie = g->d->cands[a].end;
    size_t j = g->d->cands[b].start;
    size_t je = g->d->cands[b].end;
    if (!g->key_spaced[a] && !g->key_spaced[b]) { // most names: no space to leave out
        size_t n = ie - i < je - j ? ie - i : je - j;
        for (size_t k = 0; k < n; k++) {
            if (f[i + k] != f[j + k]) {
                return f[i + k] < f[j + k] ? -1 : 1;
            }
        }
        return ie - i == je - j ? 0 : (ie - i < je - j ? -2 : 2);
    }
    for (;; i++, j++) {
        while (i < ie && f[i] == ' ') {
            i++;
        }
        while (j < je && f[j] == ' ') {
            j++;
        }
        if (i == ie || j == je) {
            return i < ie ? 2 : (j < je ? -2 : 0);
        }
        if (f[i] != f[j]) {
            return f[i] < f[j] ? -1 : 1;
        }
    }
}

int zn__ent_key_cmp(const grouping *g, size_t a, size_t b)
{
    return key_cmp(g, a, b);
}

const zn__ent_word *zn__ent_key_suffix(const grouping *g, size_t s, size_t l)
{
    const ent_doc *d = g->d;
    size_t skip = 0; // the characters of s's key
    for (size_t p = d->cands[s].start; p < d->cands[s].end; p++) {
        skip += d->fold[p] != ' ';
    }
    size_t p = d->cands[l].start;
    for (; skip > 0; p++) {
        skip -= d->fold[p] != ' ';
    }
    if (!g->key_spaced[l]) {
        // characters of the text as they stand: their row was found when the text was read
        return zn__ent_span_word(d, p, d->cands[l].end);
    }
    char buf[4 * ZN__ENT_MAX_KEY_CHARS + 1]; // longer is no table key
    size_t len;
    return zn__ent_key(d, p, d->cands[l].end, buf, sizeof buf, &len) ? zn__ent_lookup(buf, len)
                                                                      : NULL;
}

static bool same_key(const grouping *g, size_t a, size_t b)
{
    return g->key_len[a] == g->key_len[b] && key_cmp(g, a, b) == 0;
}

// b's key is a's key plus a company suffix (京东 + 集团, 商汤 + 科技).
static bool company_extension(const grouping *g, size_t a, size_t b)
{
    if (g->key_len[a] == 0 || g->key_len[b] <= g->key_len[a] || key_cmp(g, a, b) != -2) {
        return false;
    }
    const zn__ent_word *w = zn__ent_key_suffix(g, a, b);
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
    if (g->key_first[a] != g->key_first[b]) {
        return g->key_first[a] < g->key_first[b] ? -1 : 1;
    }
    int c = key_cmp(g, a, b);
    return c != 0 ? c : (a > b) - (a < b);
}

// a's key is a proper prefix of b's.
static bool is_prefix(const grouping *g, size_t a, size_t b)
{
    return g->key_len[a] < g->key_len[b] && key_cmp(g, a, b) == -2;
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
    size_t *idx = zn__ent_alloc(g->d, 4 * (m + 1), sizeof *idx);
    if (idx == NULL) {
        return ZN_ERR_NOMEM;
    }
    size_t *pos = idx + (m + 1);   // mention → its place in idx
    size_t *pairs = pos + (m + 1); // partners of one mention
    size_t *tmp = pairs + (m + 1); // for the sorts
    key_heads(g);
    for (size_t i = 0; i < m; i++) {
        idx[i] = i;
    }
    zn__ent_sort(idx, m, sizeof *idx, cmp_keys, g, tmp);
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
                       g->key_head[idx[y]] != g->key_head[a]) {
                break; // keys before this one no longer share a's first character
            }
        }
        zn__ent_sort(pairs, n, sizeof *pairs, cmp_size, NULL, tmp);
        for (size_t k = 0; k < n; k++) {
            join_extension(g, a, pairs[k]);
        }
    }
    return ZN_OK;
}

// Up to this many mentions, comparing every pair (most of them turned away by their first
// characters, a few instructions each) costs less than sorting the keys and walking their
// runs (8 -> 32: zn__ent_group without the result on ner-hans-small 2.75M -> 2.34M
// instructions).
#define FEW_MENTIONS 32

// unite_keys for a few mentions whose keys all have three bytes or more (a Han character
// has three): every pair compared once, in the order (a, then b ascending) unite_keys visits
// them. The same pairs: with keys that long, its runs reach every prefix of a key.
static bool unite_pairs(grouping *g)
{
    if (g->m > FEW_MENTIONS) {
        return false;
    }
    for (size_t i = 0; i < g->m; i++) {
        if (g->key_len[i] < 3) {
            return false;
        }
    }
    for (size_t a = 0; a < g->m; a++) {
        for (size_t b = a + 1; b < g->m; b++) {
            if (g->key_first[a] != g->key_first[b]) {
                continue; // neither the same key nor one the other's prefix
            }
            int c = key_cmp(g, a, b);
            if (c == 0) {
                unite(g, a, b);
            } else if (c == -2 || c == 2) {
                join_extension(g, a, b);
            }
        }
    }
    return true;
}

static zn_status unite_all(grouping *g)
{
    ent_doc *d = g->d;
    // one mention has no other to share a key with: its key is not even measured
    if (g->m >= 2) {
        measure_keys(g);
        if (!unite_pairs(g) && unite_keys(g) != ZN_OK) {
            return ZN_ERR_NOMEM;
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
    return ZN_OK;
}

static void number_entities(grouping *g)
{
    size_t *first = g->first; // locals: the stores would make the fields be read again
    size_t *ent_of = g->ent_of;
    size_t n_ents = 0;
    for (size_t i = 0, m = g->m; i < m; i++) {
        size_t r = find(g, i);
        if (r == i) {
            first[n_ents] = i;
            ent_of[i] = n_ents++;
        } else {
            ent_of[i] = ent_of[r];
        }
    }
    g->n_ents = n_ents;
}

zn_status zn__ent_group(ent_doc *d, zn_entities **out)
{
    grouping g;
    memset(&g, 0, sizeof g);
    g.d = d;
    g.m = d->n_cands;
    size_t n = g.m + 1;
    if (g.m == 0) {
        return zn__ent_group_build(&g, out); // nothing to group
    }
    // the seven arrays below, then the result builder's (one allocation for both)
    size_t *block = zn__ent_alloc(d, 7 * n + zn__ent_build_room(g.m, d->n_links), sizeof *block);
    if (block == NULL) {
        return ZN_ERR_NOMEM;
    }
    g.room = block + 7 * n;
    g.parent = block;
    g.key_len = block + n;
    g.key_head = block + 2 * n;
    g.key_spaced = block + 3 * n;
    g.ent_of = block + 4 * n;
    g.first = block + 5 * n;
    g.key_first = block + 6 * n;
    for (size_t i = 0; i < g.m; i++) {
        g.parent[i] = i;
    }
    zn_status st = unite_all(&g);
    if (st == ZN_OK) {
        number_entities(&g);
        st = zn__ent_group_build(&g, out);
    }
    return st;
}
