/* SPDX-License-Identifier: MIT
 * Whole expressions: a point or a count (date__point, date__relative), then a range
 * (6月12日至15日, 2017年至2018年, 晚上11點~凌晨2點), or a limit word (從去年9月起, 2025年前,
 * 今晚八點以後, 2018年以來). */
#include <string.h>

#include "extract/date_priv.h"

static const char *const links[] = {"至", "到", "~", "-", "—", "——", "–", "―", "至于", NULL};

// Seconds since 1970 of the start of p (unknown fields count as their first value).
static long long instant(const dpt *p)
{
    long days = date__days(p->y, p->m > 0 ? p->m : 1, p->d > 0 ? p->d : 1);
    return (long long)days * 86400 + (p->H > 0 ? p->H : 0) * 3600LL +
           (p->M > 0 ? p->M : 0) * 60LL + (p->S > 0 ? p->S : 0);
}

static const dpt *end_of(const dval *v)
{
    return v->kind == DV_SPAN && !v->open_b ? &v->b : &v->a;
}

static size_t skip_space(const dtext *t, size_t i)
{
    return i < t->n && t->cp[i] == ' ' ? i + 1 : i;
}

// B read after A: a time alone that comes before A is in the afternoon or the next day.
static void order(const dpt *a, dpt *b)
{
    if (a->y < 0 || b->y < 0 || instant(b) >= instant(a)) {
        return;
    }
    if (b->H < 0 && a->y == b->y && b->m > 0 && instant(a) - instant(b) > 60LL * 86400) {
        b->y++; // 12月25日到1月1日: the January after (a week day just before is no year back)
        return;
    }
    if (b->H < 0 || a->H < 0) {
        return;
    }
    if (a->y == b->y && a->m == b->m && a->d == b->d) {
        if (b->H < 12 && a->H >= 12 && b->H + 12 >= a->H) {
            b->H += 12;
        } else {
            date__add_days(b, 1);
        }
    }
}

// The end of a range of figures written without its year (2019.5.29~6.1, 2019/5/29-6/1):
// a month and day in figures with a separator, in the year of the start. The end or j.
static size_t figures_end(const dctx *c, size_t j, const dpt *from, dval *b)
{
    const dtext *t = c->t;
    dnum m, d;
    if (from->prec != PR_DAY || from->y < 0 || !date__num(t, j, &m) || !m.arabic ||
        m.digits > 2 || m.end + 1 >= t->n) {
        return j;
    }
    uint32_t sep = t->cp[m.end];
    if ((sep != '.' && sep != '/' && sep != '-') || !date__num(t, m.end + 1, &d) ||
        !d.arabic || d.digits > 2 || !date__valid(from->y, (int)m.v, (int)d.v) ||
        !date__soft_end(t, d.end) || (d.end < t->n && t->cp[d.end] == sep)) {
        return j;
    }
    dpt p = *from;
    p.m = (int)m.v;
    p.d = (int)d.v;
    date__val_point(b, &p);
    b->src = ZN_DATE_EXPLICIT;
    return d.end;
}

static size_t range_tail(dctx *c, size_t i, const dval *a, dval *v)
{
    const dtext *t = c->t;
    size_t e;
    size_t j = skip_space(t, i);
    if (date__at(t, j, "起", &e) || date__at(t, j, "开始", &e)) {
        j = e; // 從明天開始到下週五
    }
    if (date__at_list(t, j, links, DATE_LIST_range_links, &e) < 0) {
        return i;
    }
    j = skip_space(t, e);
    dpt saved = c->last;
    c->last = a->a;
    dval b;
    c->spaced = a->a.prec >= PR_HOUR;
    size_t k = date__point(c, j, &a->a, &b);
    c->spaced = false;
    if (k == j && i > 0 && date__is_digit(t->cp[i - 1])) {
        k = figures_end(c, j, &a->a, &b);
    }
    // 至今, 到現在: until now (至今天凌晨2點, read above, is a day)
    if (k <= j + 1 && (date__at(t, j, "今", &e) || date__at(t, j, "现在", &e))) {
        if (c->ref.prec < PR_YEAR) {
            c->last = saved;
            return i;
        }
        date__val_point(&b, &c->ref);
        b.src = ZN_DATE_REFERENCE;
        k = e;
    }
    c->last = saved;
    if (k == j || b.kind == DV_DURATION || b.kind == DV_DUR_SPAN || a->open_a) {
        return i;
    }
    dpt to = *end_of(&b);
    order(&a->a, &to);
    if (b.kind == DV_POINT && to.prec == PR_HOUR) {
        to.M = 0; // 3點至8點 ends at 8:00 sharp, not at 8:59
        to.S = 0;
        to.prec = PR_SECOND;
    }
    dval wv;
    if (to.y >= 0 && a->a.y >= 0 && instant(&to) < instant(&a->a) &&
        date__week(c, j, &wv) == k && wv.kind == DV_POINT) {
        date__add_days(&to, 7); // 星期六至星期一: the Monday after
    }
    date__val_span(v, &a->a, &to, ZN_DATE_RANGE);
    v->halves = true;
    v->src = a->src != ZN_DATE_EXPLICIT ? a->src : b.src;
    if (date__at(t, k, "止", &e) || date__at(t, k, "为止", &e)) {
        k = e;
    }
    return k;
}

static const char *const since[] = {"起", "开始", "以来", "至今", "迄今", "以后", "之后", "后",
                                    NULL};
static const char *const until[] = {"前", "之前", "以前", NULL};

// 從去年9月起, 2018年以來, 今晚八點以後, 2025年前, 明年6月之前
static size_t limit_tail(dctx *c, size_t i, const dval *a, dval *v)
{
    size_t e;
    int k = date__at_list(c->t, i, since, DATE_LIST_range_since, &e);
    bool has_ref = c->ref.prec >= PR_YEAR;
    if (k >= 0) {
        bool open = k >= 5 || !has_ref || a->a.y < 0 || instant(&a->a) > instant(&c->ref);
        date__val_span(v, &a->a, &c->ref, ZN_DATE_RANGE);
        v->open_b = open;
        v->src = a->src;
        return e;
    }
    if (date__at_list(c->t, i, until, DATE_LIST_range_until, &e) < 0 || a->open_a || a->open_b) {
        return i;
    }
    if (a->kind == DV_SPAN && a->halves) {
        *v = *a; // 2020至2025年前: the range has its start, 前 only closes it
        return e;
    }
    const dpt *to = end_of(a);
    if (has_ref && to->y >= 0 && instant(to) > instant(&c->ref)) {
        date__val_span(v, &c->ref, to, ZN_DATE_RANGE);
        v->src = ZN_DATE_REFERENCE;
    } else {
        date__val_span(v, to, to, ZN_DATE_RANGE);
        v->open_a = true;
        v->src = a->src;
    }
    return e;
}

// What may follow a point: a range, a limit word, 左右, 前後.
static size_t tails(dctx *c, size_t pe, const dval *a, dval *v)
{
    size_t e;
    if (a->kind == DV_POINT && date__two_at(c->t, pe, 0x524D, 0x540E)) { // 前后
        *v = *a; // 5月1日前後 國慶前後: about that date, as 左右 (not "before")
        return pe + 2;
    }
    if (a->kind == DV_POINT && date__two_at(c->t, pe, 0x524D, 0x5915)) { // 前夕
        *v = *a; // 中秋節前夕: the eve, the day before a day
        if (v->a.prec == PR_DAY && v->a.y >= 0) {
            date__add_days(&v->a, -1);
        }
        return pe + 2;
    }
    size_t k = range_tail(c, pe, a, v);
    if (k == pe) {
        k = limit_tail(c, pe, a, v);
    }
    if (k == pe) {
        *v = *a;
    }
    if (date__at(c->t, k, "左右", &e)) {
        k = e;
    }
    return k;
}

// A count from the reference and what follows it: 六天後的3時1刻, 三天前至今.
static size_t relative(dctx *c, size_t j, dval *v)
{
    dval r;
    size_t re = date__relative(c, j, &r);
    if (re == j) {
        return j;
    }
    if (r.kind == DV_POINT && r.a.prec == PR_DAY) {
        size_t te = date__day_time(c, re, &r.a, r.src, v);
        return te > re ? te : tails(c, re, &r, v); // 六天後的3時1刻, 三天前至今
    }
    if (r.kind == DV_POINT || r.kind == DV_SPAN) {
        return tails(c, re, &r, v);
    }
    *v = r;
    return re;
}

// 1-5月 12至15日 2020至2025年: two numbers sharing the unit after the second
size_t date__num_range(dctx *c, size_t i, const dpt *year, dval *v)
{
    const dtext *t = c->t;
    dnum a, b;
    size_t e;
    if (!date__num(t, i, &a) || a.approx ||
        date__at_list(t, a.end, links, DATE_LIST_range_links, &e) < 0 ||
        !date__num(t, e, &b) || b.approx || b.end >= t->n || b.v <= a.v) {
        return i;
    }
    uint32_t unit = t->cp[b.end];
    dpt p, q;
    date__pt_clear(&p);
    zn_date_source src = ZN_DATE_EXPLICIT;
    if (year != NULL && year->y >= 0) {
        p.y = year->y;
    } else if (c->ref.prec >= PR_YEAR) {
        p.y = c->ref.y;
        src = ZN_DATE_REFERENCE;
    }
    if (unit == 0x5E74 && year == NULL && a.seq && b.seq && a.digits == 4 && b.digits == 4) { // 年
        p.y = (int)a.v;
        p.prec = PR_YEAR;
        src = ZN_DATE_EXPLICIT;
    } else if (unit == 0x6708 && a.v >= 1 && b.v <= 12) { // 月
        p.m = (int)a.v;
        p.prec = PR_MONTH;
    } else if (unit == 0x5B63 && b.end + 1 < t->n && t->cp[b.end + 1] == 0x5EA6 && a.v >= 1 &&
               b.v <= 4 && p.y >= 0) { // 季度: 一至三季度, the months of the quarters
        p.m = (int)a.v * 3 - 2;
        p.prec = PR_MONTH;
        q = p;
        q.m = (int)b.v * 3;
        date__val_span(v, &p, &q, ZN_DATE_RANGE);
        v->halves = true;
        v->src = src;
        return b.end + 2;
    } else if ((unit == 0x65E5 || unit == 0x53F7) && year == NULL && a.v >= 1 && b.v <= 31 &&
               c->ref.prec >= PR_MONTH) { // 日 号: in the reference's month
        p.m = c->ref.m;
        p.d = (int)a.v;
        p.prec = PR_DAY;
    } else {
        return i;
    }
    q = p;
    if (p.prec == PR_YEAR) {
        q.y = (int)b.v;
    } else if (p.prec == PR_MONTH) {
        q.m = (int)b.v;
    } else {
        q.d = (int)b.v;
    }
    date__val_span(v, &p, &q, ZN_DATE_RANGE);
    v->halves = true;
    v->src = src;
    return b.end + 1;
}

size_t date__expr(dctx *c, size_t i, dval *v)
{
    static const char *const from[] = {"从", "自", "由", "自从", "截至", "截止", "截止到",
                                       "截至到", NULL};
    const dtext *t = c->t;
    size_t e;
    size_t j = i;
    int f = date__at_list(t, i, from, DATE_LIST_range_from, &e);
    if (f >= 0) {
        j = e;
    }
    dval a, pv, rv;
    size_t pe = date__point(c, j, NULL, &a);
    size_t pk = pe > j ? tails(c, pe, &a, &pv) : j;
    size_t rk = relative(c, j, &rv);
    if (pk == j && rk == j) {
        return i;
    }
    if (rk > pk) {
        if (f >= 0 && (rv.kind == DV_DURATION || rv.kind == DV_DUR_SPAN)) {
            return i; // 從 before a count: the count alone is found after it
        }
        *v = rv;
        return rk;
    }
    *v = pv;
    date__part_point(v); // 今晚 alone is 22:00; 晚上11點至凌晨2點 keeps its hours
    return pk;
}
