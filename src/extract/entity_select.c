/* SPDX-License-Identifier: MIT
 * From candidates to mentions: every occurrence of a strongly found name competes, the best
 * non-overlapping candidates win (priority, then length), each is cleaned (entity_clean.c),
 * and every further occurrence of a chosen name becomes a mention too. */
#include <stdlib.h>
#include <string.h>

#include "extract/entity_find.h"

static int by_strength(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const ent_cand *x = a;
    const ent_cand *y = b;
    if (x->prio != y->prio) {
        return x->prio > y->prio ? -1 : 1;
    }
    size_t lx = x->end - x->start;
    size_t ly = y->end - y->start;
    if (lx != ly) {
        return lx > ly ? -1 : 1;
    }
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    return (int)x->type - (int)y->type;
}

static int by_start(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const ent_cand *x = a;
    const ent_cand *y = b;
    return x->start < y->start ? -1 : (x->start > y->start ? 1 : 0);
}

static bool free_span(const uint8_t *used, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        if (used[i]) {
            return false;
        }
    }
    return true;
}

// Greedy choice: strongest first, each accepted if no character is taken. out (room for
// every candidate) serves the sort first. The candidates and their count are locals (the
// stores to out may alias d's fields); a taken character gets an odd byte that varies with
// its position, so that the compiler keeps the loop (a mention is a few characters) instead
// of calling memset.
static size_t choose(ent_doc *d, uint8_t *used, ent_cand *out)
{
    zn__ent_sort(d->cands, d->n_cands, sizeof *d->cands, by_strength, NULL, out);
    const ent_cand *cands = d->cands;
    size_t n = 0;
    for (size_t i = 0, n_cands = d->n_cands; i < n_cands; i++) {
        ent_cand c = cands[i];
        if (free_span(used, c.start, c.end)) {
            for (size_t k = c.start; k < c.end; k++) {
                used[k] = (uint8_t)(k | 1);
            }
            out[n++] = c;
        }
    }
    return n;
}

// True when folded text at i spells the key of mention m (spaces in the text skipped);
// *end receives the end of the match.
static bool matches_at(const ent_doc *d, size_t i, const ent_cand *m, size_t *end)
{
    // Most names and texts have no space: character for character, until a difference that
    // no space explains (most places differ at their second character)
    size_t len = m->end - m->start;
    if (i + len <= d->n) {
        const uint32_t *t = d->fold + i;
        const uint32_t *w = d->fold + m->start;
        size_t k = 0;
        while (k < len && t[k] == w[k] && w[k] != ' ') {
            k++;
        }
        if (k == len) {
            *end = i + len;
            return true;
        }
        if (t[k] != ' ' && w[k] != ' ') {
            return false;
        }
    }
    size_t j = m->start;
    while (j < m->end) {
        if (d->fold[j] == ' ') {
            j++;
            continue;
        }
        while (i < d->n && d->fold[i] == ' ' && j > m->start) {
            i++; // 腾讯 AI lab is 腾讯AI lab
        }
        if (i >= d->n || d->fold[i] != d->fold[j]) {
            return false;
        }
        i++;
        j++;
    }
    *end = i;
    return true;
}

static bool boundaries_ok(const ent_doc *d, size_t s, size_t e, size_t len)
{
    if (!d->analysed || len > 2) {
        return true;
    }
    return d->words[d->word_of[s]].start == s && (e == d->n || d->words[d->word_of[e]].start == e);
}

// True when no character of [s, e) is hidden (taken by a mention).
static bool free_place(const ent_index *ix, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        if (zn__ent_index_is_hidden(ix, i)) {
            return false;
        }
    }
    return true;
}

// Every further occurrence of a chosen name (two characters or more) becomes a mention. The
// places taken are those hidden from the scans: a name found once is looked for by one scan.
static zn_status propagate(ent_doc *d, ent_index *ix, size_t n_chosen)
{
    for (size_t k = 0; k < n_chosen; k++) {
        zn__ent_index_hide(ix, d->cands[k].start, d->cands[k].end, true);
    }
    for (size_t k = 0; k < n_chosen; k++) {
        ent_cand m = d->cands[k];
        if (m.end - m.start < 2) {
            continue;
        }
        for (size_t i = zn__ent_index_first(ix, d->fold[m.start]); i != SIZE_MAX;
             i = zn__ent_index_next(ix, i)) {
            size_t e;
            if (zn__ent_index_is_hidden(ix, i) || !matches_at(d, i, &m, &e) ||
                !free_place(ix, i, e) || !boundaries_ok(d, i, e, m.end - m.start)) {
                continue;
            }
            // a Latin name must not continue into more letters (Lab in Labs)
            if ((e < d->n && zn__ent_is_latin(d->fold[e - 1]) && zn__ent_is_latin(d->fold[e])) ||
                (i > 0 && zn__ent_is_latin(d->fold[i]) && zn__ent_is_latin(d->fold[i - 1]))) {
                continue;
            }
            if (zn__ent_add(d, i, e, m.type, PRIO_LEXICON) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
            zn__ent_index_hide(ix, i, e, true);
        }
    }
    return ZN_OK;
}

// The names already spread, as a hash set of candidate indices keyed by their folded text.
typedef struct name_set {
    size_t *slots; /* candidate index + 1; 0 is empty */
    size_t cap;    /* a power of two */
} name_set;

static uint64_t name_hash(const ent_doc *d, const ent_cand *c)
{
    uint64_t h = 1469598103934665603u; // FNV-1a
    for (size_t i = c->start; i < c->end; i++) {
        h = (h ^ d->fold[i]) * 1099511628211u;
    }
    return h;
}

static bool same_name(const ent_doc *d, const ent_cand *a, const ent_cand *b)
{
    return a->end - a->start == b->end - b->start &&
           memcmp(d->fold + a->start, d->fold + b->start, (a->end - a->start) * sizeof *d->fold) ==
               0;
}

// True when a candidate with the same text is in the set; otherwise adds cand k.
static bool name_set_seen(name_set *set, const ent_doc *d, size_t k)
{
    size_t at = (size_t)name_hash(d, &d->cands[k]) & (set->cap - 1);
    while (set->slots[at] != 0) {
        if (same_name(d, &d->cands[set->slots[at] - 1], &d->cands[k])) {
            return true;
        }
        at = (at + 1) & (set->cap - 1);
    }
    set->slots[at] = k + 1;
    return false;
}

// Up to this many strong names, each is compared with the names spread before it instead of
// being hashed into a set (a set costs its cleared slots and a hash of every name).
#define FEW_STRONG 8

// name_set_seen for a few names: true when one of few[0 .. *n) has cand k's text, else
// cand k is added to them (room for FEW_STRONG).
static bool few_seen(const ent_doc *d, size_t *few, size_t *n, size_t k)
{
    for (size_t j = 0; j < *n; j++) {
        if (same_name(d, &d->cands[few[j]], &d->cands[k])) {
            return true;
        }
    }
    few[(*n)++] = k;
    return false;
}

// Before choosing: every occurrence of a strongly found name is a weak candidate too, so it
// wins over a region or lexicon word inside it (华南科技 again after 华南科技股份有限公司).
static zn_status spread(ent_doc *d, ent_index *ix)
{
    // Only strong names of two characters or more are spread (and need the set: the text
    // of a weaker or shorter one is never looked up).
    size_t n = d->n_cands;
    size_t n_strong = 0;
    for (size_t k = 0; k < n; k++) {
        n_strong += d->cands[k].prio >= PRIO_TAGGER && d->cands[k].end - d->cands[k].start >= 2;
    }
    if (n_strong == 0) {
        return ZN_OK;
    }
    // A few names (most lines) are told apart by comparing each with those spread before;
    // more go through the hash set.
    size_t few[FEW_STRONG];
    size_t n_few = 0;
    name_set set = {NULL, 16};
    if (n_strong > FEW_STRONG) {
        while (set.cap < 2 * n_strong + 2) {
            set.cap *= 2;
        }
        set.slots = zn__ent_zalloc(d, set.cap, sizeof *set.slots);
        if (set.slots == NULL) {
            return ZN_ERR_NOMEM;
        }
    }
    zn_status st = ZN_OK;
    for (size_t k = 0; k < n && st == ZN_OK; k++) {
        ent_cand m = d->cands[k];
        if (m.prio < PRIO_TAGGER || m.end - m.start < 2) {
            continue;
        }
        // Seen: an earlier strong candidate with the same text was spread already.
        if (set.slots != NULL ? name_set_seen(&set, d, k) : few_seen(d, few, &n_few, k)) {
            continue;
        }
        zn__ent_index_hide(ix, m.start, m.start + 1, true); // the name itself
        for (size_t i = zn__ent_index_first(ix, d->fold[m.start]); i != SIZE_MAX;
             i = zn__ent_index_next(ix, i)) {
            size_t e;
            if (i != m.start && matches_at(d, i, &m, &e) &&
                boundaries_ok(d, i, e, m.end - m.start) &&
                zn__ent_add(d, i, e, m.type, PRIO_WEAK) != ZN_OK) {
                st = ZN_ERR_NOMEM;
                break;
            }
        }
        zn__ent_index_hide(ix, m.start, m.start + 1, false);
    }
    return st;
}

zn_status zn__ent_select(ent_doc *d)
{
    if (d->n_cands == 0) {
        return ZN_OK; // nothing to choose, split or spread (a third of news lines)
    }
    ent_index ix;
    if (zn__ent_index_build(&ix, d) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    if (spread(d, &ix) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    // one block: the chosen candidates, their pieces, then a byte per character
    size_t cap = d->n + 1;
    size_t used_cands = (d->n + 1 + sizeof(ent_cand) - 1) / sizeof(ent_cand);
    ent_cand *chosen = zn__ent_alloc(d, d->n_cands + 1 + cap + used_cands, sizeof *chosen);
    if (chosen == NULL) {
        return ZN_ERR_NOMEM;
    }
    ent_cand *split = chosen + d->n_cands + 1;
    uint8_t *used = (uint8_t *)(split + cap);
    memset(used, 0, d->n + 1);
    size_t n = choose(d, used, chosen);
    size_t m = zn__ent_clean(d, chosen, n, split, cap);
    // The chosen mentions replace the candidates; propagation appends to them.
    d->cands = split;
    d->cap_cands = cap;
    d->n_cands = m;
    if (propagate(d, &ix, m) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    ent_cand *tmp = NULL;
    if (d->n_cands > ZN__ENT_SORT_RUN) {
        tmp = zn__ent_alloc(d, d->n_cands, sizeof *tmp);
        if (tmp == NULL) {
            return ZN_ERR_NOMEM;
        }
    }
    zn__ent_sort(d->cands, d->n_cands, sizeof *d->cands, by_start, NULL, tmp);
    return ZN_OK;
}
