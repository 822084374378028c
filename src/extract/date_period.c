/* SPDX-License-Identifier: MIT
 * Periods inside a year or a month (上半年, 第二季度, 年底, 前三個月, 中旬, 月底, 前4天),
 * written as spans; centuries and decades are in date_era.c. */
#include <string.h>

#include "extract/date_priv.h"

typedef struct period {
    const char *w;
    int from, to; // months of the year, or days of the month (to 99: the last day)
} period;

// 年初 = January–February, 年底 = November–December: the usual reading in news.
static const period year_periods[] = {
    {"上半年", 1, 6},  {"下半年", 7, 12}, {"年初", 1, 2},   {"初", 1, 2},     {"伊始", 1, 1},
    {"年底", 11, 12},  {"底", 11, 12},    {"年末", 11, 12}, {"末", 11, 12},   {"年终", 11, 12},
    {"岁末", 11, 12},  {"年中", 6, 7},    {"首月", 1, 1},   {"暑假", 7, 8},   {"寒假", 1, 2},
    {"年内", 1, 12},   {"内", 1, 12},   {"全年", 1, 12},  {"一整年", 1, 12},
    {"首半年", 1, 6},  {"年尾", 11, 12},  {"尾", 11, 12},
    {NULL, 0, 0}, // 首半年: Hong Kong and Taiwan for 上半年; 年尾 (Cantonese) for 年底
};

static const period month_periods[] = {
    {"上旬", 1, 10},  {"中旬", 11, 20}, {"下旬", 21, 99}, {"月初", 1, 10}, {"初", 1, 10},
    {"月中", 11, 20}, {"月底", -7, 99}, {"底", -7, 99},  {"月末", -7, 99},
    {"末", -7, 99},   {"月尾", -7, 99}, {"尾", -7, 99}, {"中下旬", 11, 99},
    {"上中旬", 1, 20}, {"中上旬", 1, 20}, {NULL, 0, 0}, // 月尾: Cantonese 月底
};

static int at_period(const dtext *t, size_t i, const period *list, size_t *end)
{
    int best = -1;
    size_t best_end = i;
    dlead lead = date__lead_at(t, i);
    for (int k = 0; list[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, list[k].w, &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    if (best >= 0) {
        *end = best_end;
    }
    return best;
}

static void months(const dpt *p, int from, int to, zn_date_granularity g, dval *v)
{
    dpt a, b;
    date__pt_clear(&a);
    a.y = p->y;
    a.m = from;
    a.prec = PR_MONTH;
    b = a;
    b.m = to;
    date__val_span(v, &a, &b, g);
    if (from == 1 && to == 12) {
        a.prec = PR_YEAR;
        a.m = -1;
        date__val_point(v, &a);
    } else if (from == to) {
        date__val_point(v, &a);
    }
}

// 第二季度 二季度 1季度 Q2 一季度末 前三季度 前两个季度 首季
static size_t quarter(const dtext *t, size_t i, const dpt *p, dval *v)
{
    static const char *const marks[] = {"季度", "季", NULL};
    size_t j = i;
    size_t e;
    if (date__at(t, i, "首", &e) && date__at_list(t, e, marks, DATE_LIST_period_marks, &e) >= 0) {
        months(p, 1, 3, ZN_DATE_QUARTER, v); // 首季: the first quarter (Hong Kong, Taiwan)
        return e;
    }
    bool first_n = date__at(t, j, "前", &e);
    if (first_n || date__at(t, j, "第", &e)) {
        j = e;
    }
    dnum n;
    if ((j < t->n && (t->cp[j] == 'Q' || t->cp[j] == 'q')) && !first_n) {
        if (!date__num(t, j + 1, &n) || n.v < 1 || n.v > 4) {
            return i;
        }
        e = n.end;
    } else if (!date__num(t, j, &n) || n.v < 1 || n.v > 4 || n.digits > 1 ||
               (date__at_list(t, n.end, marks, DATE_LIST_period_marks, &e) < 0 &&
                !(first_n && date__at(t, n.end, "个季度", &e)))) {
        return i;
    }
    int q = (int)n.v;
    if (first_n) {
        months(p, 1, 3 * q, ZN_DATE_RANGE, v);
        return e;
    }
    size_t k;
    if (date__at(t, e, "末", &k) || date__at(t, e, "底", &k)) {
        months(p, 3 * q, 3 * q, ZN_DATE_MONTH, v);
        return k;
    }
    if (date__at(t, e, "初", &k)) {
        months(p, 3 * q - 2, 3 * q - 2, ZN_DATE_MONTH, v);
        return k;
    }
    months(p, 3 * q - 2, 3 * q, ZN_DATE_QUARTER, v);
    return e;
}

// 前三个月 前11个月 后三月 (the first / last n months of the year)
static size_t first_months(const dtext *t, size_t i, const dpt *p, dval *v)
{
    size_t e;
    bool first = date__at(t, i, "前", &e);
    if (!first && i < t->n && t->cp[i] == 0x5934) { // 头: 頭兩個月
        first = true;
        e = i + 1;
    }
    if (date__two_at(t, i, 0x6700, 0x540E)) { // 最后
        e = i + 2;
    } else if (!first && !date__at(t, i, "后", &e)) {
        return i;
    }
    dnum n;
    if (!date__num(t, e, &n) || n.v < 1 || n.v > 12) {
        return i;
    }
    size_t j = n.end;
    if (!date__at(t, j, "个月", &e) && !date__at(t, j, "月", &e)) {
        return i;
    }
    int k = (int)n.v;
    months(p, first ? 1 : 13 - k, first ? k : 12, ZN_DATE_RANGE, v);
    return e;
}

// Seasons run from one "beginning" solar term to the next (立春, 立夏, 立秋, 立冬), as the
// Chinese calendar counts them; winter ends the day before the next year's 立春.
static size_t season(const dtext *t, size_t i, const dpt *p, dval *v)
{
    static const char *const words[] = {"春季", "春天", "春", "夏季", "夏天", "夏", "秋季",
                                        "秋天", "秋", "冬季", "冬天", "冬", NULL};
    size_t e;
    int k = date__at_list(t, i, words, DATE_LIST_period_words, &e);
    if (k < 0 || p->y < 0 || (k % 3 == 2 && !date__soft_end(t, e))) {
        return i; // 2022年冬奧會 is no season
    }
    int s = k / 3; // 0 spring .. 3 winter
    dpt a, b;
    date__pt_clear(&a);
    date__pt_clear(&b);
    a.y = p->y;
    b.y = s == 3 ? p->y + 1 : p->y;
    date__solar_term(a.y, 2 + 6 * s, &a.m, &a.d); // 立春 立夏 立秋 立冬
    date__solar_term(b.y, s == 3 ? 2 : 8 + 6 * s, &b.m, &b.d);
    a.prec = b.prec = PR_DAY;
    date__add_days(&b, -1);
    date__val_span(v, &a, &b, ZN_DATE_RANGE);
    return e;
}

size_t date__year_period(dctx *c, size_t i, const dpt *p, dval *v)
{
    const dtext *t = c->t;
    size_t e = season(t, i, p, v);
    if (e > i) {
        return e;
    }
    int k = at_period(t, i, year_periods, &e);
    if (k >= 0) {
        const period *pd = &year_periods[k];
        months(p, pd->from, pd->to, ZN_DATE_RANGE, v);
        return e;
    }
    size_t j = quarter(t, i, p, v);
    if (j == i) {
        j = first_months(t, i, p, v);
    }
    if (j == i) {
        j = date__nth_week(c, i, p, false, v);
    }
    dnum n;
    // 第十天: the n-th day of the year
    if (j == i && p->y >= 0 && date__at(t, i, "第", &e) && date__num(t, e, &n) && n.v >= 1 &&
        n.v <= 366 && date__at(t, n.end, "天", &j)) {
        dpt d;
        date__pt_clear(&d);
        d.y = p->y;
        d.m = 1;
        d.d = 1;
        d.prec = PR_DAY;
        date__add_days(&d, (long)n.v - 1);
        date__val_point(v, &d);
        return j;
    }
    return j;
}

static void days(const dpt *p, int from, int to, dval *v)
{
    int last = p->y >= 0 && p->m > 0 ? date__mdays(p->y, p->m) : 31;
    dpt a = *p;
    dpt b = *p;
    a.d = from < 0 ? last + from + 1 : from;
    b.d = to > last ? last : to;
    a.prec = b.prec = PR_DAY;
    date__val_span(v, &a, &b, ZN_DATE_RANGE);
}

size_t date__month_period(dctx *c, size_t i, const dpt *p, dval *v)
{
    const dtext *t = c->t;
    size_t e;
    int k = at_period(t, i, month_periods, &e);
    if (k >= 0) {
        days(p, month_periods[k].from, month_periods[k].to, v);
        return e;
    }
    dnum n;
    // 前4天 前两天: the first days of the month; 后3天 最后两天 the last ones
    bool first = date__at(t, i, "前", &e);
    bool last = date__two_at(t, i, 0x6700, 0x540E); // 最后
    if (last) {
        e = i + 2;
    }
    if ((first || last || date__at(t, i, "后", &e)) &&
        date__num(t, e, &n) && n.v >= 1 && n.v <= 31 && n.v == (int)n.v && !n.approx &&
        date__at(t, n.end, "天", &e)) {
        days(p, first ? 1 : -(int)n.v, first ? (int)n.v : 99, v);
        return e;
    }
    // 5月中 at the end of a clause: the middle of the month (5月中國 is no period)
    if (t->cp[i] == 0x4E2D && (i + 1 >= t->n || t->cp[i + 1] < 0x3400 ||
                               (t->cp[i + 1] >= 0xFF00 && t->cp[i + 1] <= 0xFF65))) {
        days(p, 11, 20, v);
        return i + 1;
    }
    return i;
}

// Periods that name a part of "this year" by themselves: 上半年, 年底, 第二季度, 上季度.
static const char *const alone_words[] = {"上半年", "下半年", "年初", "年底", "年末", "年中",
                                          "岁末", "年终", "年内", "年尾", NULL};

static const struct {
    const char *w;
    int delta;
} rel_quarters[] = {
    {"本季度", 0},  {"这个季度", 0}, {"这季度", 0},   {"当季", 0},    {"上季度", -1},
    {"上个季度", -1}, {"上一季度", -1}, {"下季度", 1}, {"下个季度", 1}, {"下一季度", 1},
    {NULL, 0},
};

static size_t rel_quarter(dctx *c, size_t i, dval *v)
{
    const dtext *t = c->t;
    size_t best = i;
    int delta = 0;
    dlead lead = date__lead_at(t, i);
    for (int k = 0; rel_quarters[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, rel_quarters[k].w, &e) && e > best) {
            best = e;
            delta = rel_quarters[k].delta;
        }
    }
    if (best == i || c->ref.prec < PR_MONTH) {
        return i;
    }
    dpt p = c->ref;
    p.d = 1;
    p.m = (p.m - 1) / 3 * 3 + 1;
    date__add_months(&p, 3L * delta);
    int q0 = p.m;
    size_t e;
    if (date__at(t, best, "末", &e) || date__at(t, best, "底", &e)) {
        months(&p, q0 + 2, q0 + 2, ZN_DATE_MONTH, v);
        return e;
    }
    if (date__at(t, best, "初", &e)) {
        months(&p, q0, q0, ZN_DATE_MONTH, v);
        return e;
    }
    months(&p, q0, q0 + 2, ZN_DATE_QUARTER, v);
    return best;
}

// 月初 月底 月末 月尾 alone: the reference's month (not after a number, 岁 or 每: 歲月初, 每月底).
static size_t this_month_end(dctx *c, size_t i, dval *v)
{
    static const char *const words[] = {"月初", "月底", "月末", "月尾", NULL};
    const dtext *t = c->t;
    size_t e;
    if (c->ref.prec < PR_MONTH || date__at_list(t, i, words, DATE_LIST_period_words_2, &e) < 0) {
        return i;
    }
    uint32_t before = i > 0 ? t->cp[i - 1] : 0;
    if (date__is_digit(before) || date__is_cjk_digit(before) || before == 0x5C81 ||
        before == 0x6BCF || before == 0x4E2A) { // 岁 每 个
        return i;
    }
    dpt p;
    date__pt_clear(&p);
    p.y = c->ref.y;
    p.m = c->ref.m;
    p.prec = PR_MONTH;
    e = date__month_period(c, i + 1, &p, v);
    if (e > i + 1) {
        v->src = ZN_DATE_REFERENCE;
        return e;
    }
    return i;
}

size_t date__alone_period(dctx *c, size_t i, dval *v)
{
    size_t e = rel_quarter(c, i, v);
    if (e > i) {
        v->src = ZN_DATE_REFERENCE;
        return e;
    }
    e = this_month_end(c, i, v);
    if (e > i) {
        return e;
    }
    dpt p;
    date__pt_clear(&p);
    zn_date_source src = ZN_DATE_EXPLICIT;
    if (c->year_next) {
        p.y = c->last.y; // 2020年的第一季度: the year just named
        src = ZN_DATE_CONTEXT;
    } else if (c->ref.prec >= PR_YEAR) {
        p.y = c->ref.y;
        src = ZN_DATE_REFERENCE;
    }
    int k = date__at_list(c->t, i, alone_words, DATE_LIST_period_alone_words, &e);
    if (k >= 0) {
        e = date__year_period(c, i, &p, v);
    } else {
        e = quarter(c->t, i, &p, v);
    }
    if (e > i) {
        v->src = src;
    }
    return e;
}
