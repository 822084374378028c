/* SPDX-License-Identifier: MIT
 * What a count of time (date_count.c) becomes with the words around it: 3天前, 兩週後, 五日內,
 * 近三年, 一年半以前, 過兩天, 30年以上, 100到200個小時; alone it is a duration (三天, P3D). */
#include <string.h>

#include "extract/date_priv.h"

// Suffixes after a duration, and what they make of it.
enum { S_AGO, S_LATER, S_BEFORE, S_AFTER, S_WITHIN, S_SINCE, S_MORE, S_LESS };

static const char *const suffixes[] = {
    "前", "后", "以前", "之前", "以后", "之后", "内", "以内", "之内", "以来", "来", "里",
    "以上", "以下", NULL,
};
static const int suffix_kind[] = {
    S_AGO, S_LATER, S_BEFORE, S_BEFORE, S_AFTER, S_AFTER, S_WITHIN, S_WITHIN, S_WITHIN,
    S_SINCE, S_SINCE, S_SINCE, S_MORE, S_LESS,
};

// 近 最近 过去 前 (the span up to now); 未来 今后 接下来 (the span from now).
static int prefix(const dtext *t, size_t i, size_t *end)
{
    static const char *const past[] = {"近", "最近", "过去", "过去的", "前", "这", NULL};
    static const char *const next[] = {"未来", "未来的", "今后", "今后的", "接下来",
                                       "接下来的", "往后", "之后的", NULL};
    if (date__at_list(t, i, next, DATE_LIST_rel_next, end) >= 0) {
        return 1;
    }
    if (date__at_list(t, i, past, DATE_LIST_rel_past, end) >= 0) {
        return -1;
    }
    return 0;
}

static void now_span(const dctx *c, const ddur *d, int sign, dval *v)
{
    dpt far;
    if (!date__shift(c, d, sign, &far)) {
        date__dur_value(d, v);
        return;
    }
    // The far end of 近30天 is as exact as now; of 過去一年 and 近兩週 a day; of 三年多來 a
    // year. Weeks count in whole days as months do.
    if (!d->approx && !d->workdays && d->unit == DU_D) {
        far.prec = c->ref.prec > far.prec ? c->ref.prec : far.prec; // 7天半: to the hour
    } else if (!d->approx && (d->unit == DU_Y || d->unit == DU_MO || d->unit == DU_W) &&
               c->ref.prec >= PR_DAY) {
        far.prec = PR_DAY;
        if (sign > 0 && !d->frac) {
            date__add_days(&far, -1); // 未來兩個月 from 14 June: whole days to 13 August
        }
    }
    if (sign < 0) {
        date__val_span(v, &far, &c->ref, ZN_DATE_RANGE);
    } else {
        date__val_span(v, &c->ref, &far, ZN_DATE_RANGE);
    }
    v->src = ZN_DATE_REFERENCE;
}

// 五日內 兩個禮拜內 1年之內: the deadline, a point the count after the reference; a count of
// days or more names a day (1年之內 from 2012-08-10 is 2013-08-10, not the year 2013).
static void deadline(const dctx *c, const ddur *d, dval *v)
{
    dpt p;
    if (!date__shift(c, d, 1, &p)) {
        date__dur_value(d, v);
        return;
    }
    if (p.prec < PR_DAY && c->ref.prec >= PR_DAY) {
        p.prec = PR_DAY;
    } else if (p.prec == PR_HOUR && d->unit < DU_H) {
        p.prec = PR_DAY; // 7天半內: the day of the deadline
    }
    date__val_point(v, &p);
    v->src = ZN_DATE_REFERENCE;
}

// 三年以上七年以下, 十五年以上、30年以下: the count with 以上 is the low end of a range
// whose high end follows (a comma or 、 may come between). Returns the end, or e.
static size_t upper_bound(const dtext *t, size_t e, dval *v)
{
    size_t k = e;
    if (k < t->n && (t->cp[k] == ',' || t->cp[k] == 0xFF0C || t->cp[k] == 0x3001)) { // ，、
        k++;
    }
    ddur hi;
    size_t f = date__duration(t, k, &hi, false);
    size_t g;
    if (f == k || !date__at(t, f, "以下", &g)) {
        return e;
    }
    memcpy(v->du2, hi.du, sizeof v->du2);
    v->open_b = false;
    return g;
}

static size_t with_suffix(const dctx *c, size_t j, const ddur *d, dval *v)
{
    size_t e;
    int k = date__at_list(c->t, j, suffixes, DATE_LIST_rel_suffixes, &e);
    if (k < 0) {
        date__dur_value(d, v);
        return d->few || d->day_unit ? 0 : j;
    }
    int kind = suffix_kind[k];
    if (kind == S_AGO && e < c->t->n && c->t->cp[e] == 0x540E) { // 后
        date__dur_value(d, v); // 十年前後: the count is all that is sure
        return j;
    }
    dpt p;
    if (kind == S_MORE || kind == S_LESS) {
        date__dur_value(d, v);
        v->kind = DV_DUR_SPAN;
        memcpy(v->du2, d->du, sizeof v->du2);
        if (kind == S_MORE) {
            v->open_b = true;
            return upper_bound(c->t, e, v);
        }
        memset(v->du, 0, sizeof v->du);
        return e;
    }
    if (kind == S_SINCE) {
        now_span(c, d, -1, v);
        return e;
    }
    if (kind == S_WITHIN) {
        deadline(c, d, v);
        return e;
    }
    int sign = kind == S_AGO || kind == S_BEFORE ? -1 : 1;
    if (!date__shift(c, d, sign, &p)) {
        date__pt_clear(&p);
        p.prec = date__unit_prec(d->unit, d->frac);
    }
    if (kind == S_AGO || kind == S_LATER) {
        date__val_point(v, &p);
    } else {
        date__val_span(v, &p, &p, ZN_DATE_RANGE);
        v->open_a = kind == S_BEFORE;
        v->open_b = kind == S_AFTER;
    }
    v->src = p.y >= 0 ? ZN_DATE_REFERENCE : ZN_DATE_EXPLICIT;
    return e;
}

// 30~90日 13天—8周 100到200个小时: a span of durations. `first` is the count at i (its end j,
// or i when none), date__duration(t, i, first, false) as the caller read it already.
static size_t dur_range(const dtext *t, size_t i, const ddur *first, size_t j, dval *v)
{
    static const char *const links[] = {"~", "-", "—", "到", "至", NULL};
    dnum n;
    size_t e;
    ddur a = *first;
    ddur b;
    if (j == i) {
        if (!date__num(t, i, &n)) {
            return i;
        }
        j = n.end;
        memset(&a, 0, sizeof a);
        a.unit = -1;
        a.du[0] = n.v;
    }
    if (date__at_list(t, j, links, DATE_LIST_rel_links, &e) < 0) {
        return i;
    }
    size_t k = date__duration(t, e, &b, false);
    if (k == e) {
        return i;
    }
    if (a.unit < 0) {
        double x = a.du[0];
        memset(&a, 0, sizeof a);
        a.du[b.unit] = x;
    }
    date__dur_value(&a, v);
    v->kind = DV_DUR_SPAN;
    memcpy(v->du2, b.du, sizeof v->du2);
    return k;
}

// 過兩天 再過三個月: "when the count has passed", from then on, as 兩天之後. Not after a
// verb that makes 過 "spend" or "exceed" (度過 超過 經過 每過), nor before 了 (過了兩天).
static size_t passing(const dctx *c, size_t i, dval *v)
{
    const dtext *t = c->t;
    static const uint32_t lead[] = {0x518D, 0x53C8, 0x7B49, 0x8FD8, 0x5C31, 0x624D}; // 再又等还就才
    size_t e;
    if (!date__at(t, i, "过", &e)) {
        return i;
    }
    // at the start, after punctuation or a space, or after 再 又 等 还 就 才
    uint32_t before = i > 0 ? t->cp[i - 1] : ' ';
    bool ok = before < 0x3400 || (before >= 0xFE30 && before <= 0xFFEF);
    for (size_t k = 0; !ok && k < sizeof lead / sizeof lead[0]; k++) {
        ok = before == lead[k];
    }
    ddur d;
    size_t k = ok ? date__duration(t, e, &d, false) : e;
    size_t after;
    if (k == e || d.few || d.approx ||
        date__at_list(t, k, suffixes, DATE_LIST_rel_suffixes, &after) >= 0 ||
        (k < t->n && t->cp[k] == 0x4E86)) { // 了 (a code point: the word would start scans)
        return i;
    }
    dpt p;
    if (!date__shift(c, &d, 1, &p)) {
        return i;
    }
    date__val_span(v, &p, &p, ZN_DATE_RANGE);
    v->open_b = true;
    v->src = ZN_DATE_REFERENCE;
    return k;
}

size_t date__relative(dctx *c, size_t i, dval *v)
{
    const dtext *t = c->t;
    if (i > 0 && t->cp[i - 1] == 0x51E0) { // 几
        return i; // the 十年 of 幾十年來 is no count of ten years
    }
    size_t e = passing(c, i, v);
    if (e > i) {
        return e;
    }
    int pre = prefix(t, i, &e);
    size_t j = pre != 0 ? e : i;
    ddur d;
    size_t k = date__duration(t, j, &d, pre != 0);
    if (k == j) {
        return pre == 0 ? dur_range(t, i, &d, k, v) : i;
    }
    double total = 0;
    for (int u = 0; u < DU_N; u++) {
        total += d.du[u];
    }
    if (pre != 0 && t->cp[i] == 0x524D && total >= 100) { // 前
        return i; // 公元前841年 is a year BC, not the last 841 years
    }
    if (pre == 0 && i > 0 && t->cp[i - 1] == 0x524D && total >= 100) {
        return i; // ... nor is its 841年 after the 前
    }
    if (pre != 0 && date__two_at(t, k, 0x4E4B, 0x4E45)) { // 之久
        date__dur_value(&d, v); // 近半個世紀之久: "nearly", a length of time
        return k;
    }
    if (pre != 0) {
        if (date__at(t, k, "内", &e) || date__at(t, k, "里", &e) || date__at(t, k, "以来", &e) ||
            date__at(t, k, "来", &e)) { // 近5年來
            k = e;
        }
        now_span(c, &d, pre, v);
        return k;
    }
    size_t r = dur_range(t, i, &d, k, v); // pre is 0: j is i, d the count at i
    if (r > k) {
        return r;
    }
    if (date__at(t, k, "左右", &e)) {
        k = e;
    }
    k = with_suffix(c, k, &d, v);
    return k == 0 ? i : k;
}
