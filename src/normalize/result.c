/* SPDX-License-Identifier: MIT
 * The audit trail: the edit list, composing repair edits with conversion edits, the result
 * handed to the caller (text, changes with copies of their bytes) and offset mapping. */
#include <string.h>

#include "normalize/norm_internal.h"
#include "util/alloc.h"

zn_status zn__edits_push(zn__edits *e, const zn__edit *ed)
{
    if (e->n == e->cap) {
        size_t cap = e->cap == 0 ? 16 : e->cap * 2;
        zn__edit *v = zn__reallocarray(e->v, cap, sizeof *v);
        if (v == NULL) {
            return ZN_ERR_NOMEM;
        }
        e->v = v;
        e->cap = cap;
    }
    e->v[e->n++] = *ed;
    return ZN_OK;
}

void zn__edits_clear(zn__edits *e)
{
    zn__free(e->v);
    e->v = NULL;
    e->n = 0;
    e->cap = 0;
}

static bool overlaps(size_t a0, size_t a1, size_t g0, size_t g1)
{
    if (a0 < g1 && g0 < a1) {
        return true;
    }
    return (a0 == a1 || g0 == g1) && a0 <= g1 && g0 <= a1;
}

// Composes input→mid edits (e1) with mid→output edits (e2) into input→output edits.
zn_status zn__edits_compose(const zn__edits *e1, const zn__edits *e2, const char *in,
                         const char *outp, zn__edits *res)
{
    size_t i = 0;
    size_t j = 0;
    long long d1 = 0; // input - mid, before the group
    long long d2 = 0; // output - mid
    while (i < e1->n || j < e2->n) {
        bool first1 = j >= e2->n || (i < e1->n && e1->v[i].out_start <= e2->v[j].in_start);
        size_t g0 = first1 ? e1->v[i].out_start : e2->v[j].in_start;
        size_t g1 = first1 ? e1->v[i].out_end : e2->v[j].in_end;
        zn__edit ed = {(size_t)((long long)g0 + d1), 0, (size_t)((long long)g0 + d2), 0,
                       first1 ? e1->v[i].rule : e2->v[j].rule};
        size_t count = 0;
        for (bool grew = true; grew;) {
            grew = false;
            if (i < e1->n && overlaps(e1->v[i].out_start, e1->v[i].out_end, g0, g1)) {
                const zn__edit *a = &e1->v[i++];
                g1 = a->out_end > g1 ? a->out_end : g1;
                d1 += (long long)(a->in_end - a->in_start) - (long long)(a->out_end - a->out_start);
                grew = true;
                count++;
            }
            if (j < e2->n && overlaps(e2->v[j].in_start, e2->v[j].in_end, g0, g1)) {
                const zn__edit *b = &e2->v[j++];
                g1 = b->in_end > g1 ? b->in_end : g1;
                d2 += (long long)(b->out_end - b->out_start) - (long long)(b->in_end - b->in_start);
                grew = true;
                count++;
            }
        }
        ed.in_end = (size_t)((long long)g1 + d1);
        ed.out_end = (size_t)((long long)g1 + d2);
        bool same = ed.in_end - ed.in_start == ed.out_end - ed.out_start &&
                    memcmp(in + ed.in_start, outp + ed.out_start, ed.in_end - ed.in_start) == 0;
        (void)count;
        if (!same) {
            zn_status st = zn__edits_push(res, &ed);
            if (st != ZN_OK) {
                return st;
            }
        }
    }
    return ZN_OK;
}

zn_status zn__result_build(const char *s, zn_buf *text, const zn__edits *edits,
                              zn_norm_script script, zn_norm_result **out)
{
    size_t pool_len = 0;
    for (size_t k = 0; k < edits->n; k++) {
        pool_len += (edits->v[k].in_end - edits->v[k].in_start) + 1;
        pool_len += (edits->v[k].out_end - edits->v[k].out_start) + 1;
    }
    zn_norm_result *r = zn__calloc(1, sizeof *r);
    char *pool = zn__malloc(pool_len + 1);
    zn_norm_change *ch = edits->n > 0 ? zn__calloc(edits->n, sizeof *ch) : NULL;
    if (r == NULL || pool == NULL || (edits->n > 0 && ch == NULL)) {
        zn__free(r);
        zn__free(pool);
        zn__free(ch);
        return ZN_ERR_NOMEM;
    }
    r->text = zn_buf_take(text, &r->len);
    if (r->text == NULL) {
        zn__free(r);
        zn__free(pool);
        zn__free(ch);
        return ZN_ERR_NOMEM;
    }
    size_t p = 0;
    for (size_t k = 0; k < edits->n; k++) {
        const zn__edit *e = &edits->v[k];
        ch[k] = (zn_norm_change){{e->in_start, e->in_end}, {e->out_start, e->out_end}, NULL,
                                 NULL, e->rule};
        ch[k].from = pool + p;
        memcpy(pool + p, s + e->in_start, e->in_end - e->in_start);
        p += e->in_end - e->in_start;
        pool[p++] = '\0';
        ch[k].to = pool + p;
        memcpy(pool + p, r->text + e->out_start, e->out_end - e->out_start);
        p += e->out_end - e->out_start;
        pool[p++] = '\0';
    }
    r->pool = pool;
    r->changes = ch;
    r->n_changes = edits->n;
    r->script = script;
    *out = r;
    return ZN_OK;
}

// The changes are sorted and apart, so those the offset is past (in.end <= offset) come first
// and are found by bisection; the last of them says how far everything after it moved
// (out.end - in.end). The next change holds the offset when it starts before it.
size_t zn_norm_result_map_offset(const zn_norm_result *res, size_t in_offset)
{
    const zn_norm_change *ch = res->changes;
    size_t lo = 0;
    size_t hi = res->n_changes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ch[mid].in.end <= in_offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < res->n_changes && ch[lo].in.start < in_offset) {
        return ch[lo].out.start;
    }
    if (lo == 0) {
        return in_offset;
    }
    return in_offset - ch[lo - 1].in.end + ch[lo - 1].out.end;
}

void zn_norm_result_free(zn_norm_result *res)
{
    if (res == NULL) {
        return;
    }
    zn__free(res->text);
    zn__free(res->changes);
    zn__free(res->pool);
    zn__free(res);
}
