/* SPDX-License-Identifier: MIT
 * summary.json: the archive's aggregates, merged file by file in path order (so the result
 * does not depend on thread timing) from the facts each article gave (facts.c). */
#include <stdlib.h>
#include <string.h>

#include "batch/summary_int.h"
#include "util/alloc.h"
#include "util/error.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; // FNV-1a
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    }
    return h;
}

static zn_status map_grow(count_map *m)
{
    size_t cap = m->cap == 0 ? 64 : m->cap * 2;
    count_item *slots = zn__calloc(cap, sizeof *slots);
    if (slots == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            size_t at = hash_str(m->slots[i].key) & (cap - 1);
            while (slots[at].key != NULL) {
                at = (at + 1) & (cap - 1);
            }
            slots[at] = m->slots[i];
        }
    }
    zn__free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return ZN_OK;
}

static zn_status map_add(count_map *m, const char *key, uint64_t count)
{
    if ((m->used + 1) * 4 > m->cap * 3 && map_grow(m) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    size_t at = hash_str(key) & (m->cap - 1);
    while (m->slots[at].key != NULL && strcmp(m->slots[at].key, key) != 0) {
        at = (at + 1) & (m->cap - 1);
    }
    count_item *it = &m->slots[at];
    if (it->key == NULL) {
        it->key = zn__strndup(key, strlen(key));
        if (it->key == NULL) {
            return ZN_ERR_NOMEM;
        }
        m->used++;
    }
    it->count += count;
    it->articles++;
    return ZN_OK;
}

static void map_clear(count_map *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        zn__free(m->slots[i].key);
    }
    zn__free(m->slots);
}

static zn_status reasons_add(reason_list *l, const char *path, const char *reason)
{
    if (l->count == l->cap) {
        size_t cap = l->cap == 0 ? 8 : l->cap * 2;
        path_reason *grown = zn__reallocarray(l->items, cap, sizeof *grown);
        if (grown == NULL) {
            return ZN_ERR_NOMEM;
        }
        l->items = grown;
        l->cap = cap;
    }
    reason = reason != NULL ? reason : "failed";
    path_reason pr = {zn__strndup(path, strlen(path)), zn__strndup(reason, strlen(reason))};
    if (pr.path == NULL || pr.reason == NULL) {
        zn__free(pr.path);
        zn__free(pr.reason);
        return ZN_ERR_NOMEM;
    }
    l->items[l->count++] = pr;
    return ZN_OK;
}

static void reasons_clear(reason_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        zn__free(l->items[i].path);
        zn__free(l->items[i].reason);
    }
    zn__free(l->items);
}

zn_status zn__summary_new(batch_summary **out, zn_error *err)
{
    *out = zn__calloc(1, sizeof **out);
    return *out != NULL ? ZN_OK : zn__error_nomem(err, "summary");
}

void zn__summary_free(batch_summary *s)
{
    if (s == NULL) {
        return;
    }
    for (size_t t = 0; t < TABLE_COUNT; t++) {
        map_clear(&s->tables[t]);
    }
    reasons_clear(&s->failures);
    reasons_clear(&s->ignored);
    for (size_t i = 0; i < s->n_dups; i++) {
        zn__free(s->dups[i].label);
    }
    zn__free(s->dups);
    zn__free(s);
}

static zn_status add_dups(batch_summary *s, const file_result *r)
{
    for (size_t i = 0; i < r->n_dups; i++) {
        if (s->n_dups == s->cap_dups) {
            size_t cap = s->cap_dups == 0 ? 64 : s->cap_dups * 2;
            batch_dup *grown = zn__reallocarray(s->dups, cap, sizeof *grown);
            if (grown == NULL) {
                return ZN_ERR_NOMEM;
            }
            s->dups = grown;
            s->cap_dups = cap;
        }
        const char *label = r->dups[i].label;
        char *copy = zn__strndup(label, strlen(label));
        if (copy == NULL) {
            return ZN_ERR_NOMEM;
        }
        s->dups[s->n_dups++] = (batch_dup){r->dups[i].fp, copy};
    }
    return ZN_OK;
}

zn_status zn__summary_add(batch_summary *s, const char *rel, const file_result *r,
                          zn_error *err)
{
    zn_status st = ZN_OK;
    if (r->kind == RESULT_IGNORED) {
        st = reasons_add(&s->ignored, rel, r->reason);
    } else if (r->reason != NULL) {
        st = reasons_add(&s->failures, rel, r->reason);
    }
    for (size_t i = 0; i < r->n_facts && st == ZN_OK; i++) {
        st = map_add(&s->tables[r->facts[i].table], r->facts[i].key, r->facts[i].count);
    }
    if (st == ZN_OK) {
        st = add_dups(s, r);
    }
    return st == ZN_OK ? ZN_OK : zn__error_nomem(err, rel);
}
