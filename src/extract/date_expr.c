/* SPDX-License-Identifier: MIT
 * The fields of a point expression: year (2018年, 二〇一八年, 民國107年, 去年), month (6月,
 * 下個月) — the day is in date_day.c — and the leading fields a text leaves out, filled
 * from a range's first half, the reference or the context. Folded spellings are matched. */
#include <string.h>

#include "extract/date_priv.h"


static const rword year_words[] = {
    {"今年", 0, false, PD_NONE},   {"本年", 0, false, PD_NONE},   {"明年", 1, false, PD_NONE},
    {"来年", 1, false, PD_NONE},   {"下一年", 1, false, PD_NONE}, {"去年", -1, false, PD_NONE},
    {"出年", 1, false, PD_NONE},   {"旧年", -1, false, PD_NONE}, // Cantonese next / last year
    {"上年", -1, false, PD_NONE},  {"上一年", -1, false, PD_NONE}, {"前年", -2, false, PD_NONE},
    {"后年", 2, false, PD_NONE},   {"大前年", -3, false, PD_NONE}, {"大后年", 3, false, PD_NONE},
    {"同年", 0, true, PD_NONE},    {"当年", 0, true, PD_NONE},    {"该年", 0, true, PD_NONE},
    {"次年", 1, true, PD_NONE},    {"翌年", 1, true, PD_NONE},    {"隔年", 1, true, PD_NONE},
    {"前一年", -1, true, PD_NONE}, {NULL, 0, false, PD_NONE},
};

static const rword month_words[] = {
    {"本月", 0, false, PD_NONE},     {"这个月", 0, false, PD_NONE}, {"这月", 0, false, PD_NONE},
    {"今个月", 0, false, PD_NONE},   {"上月", -1, false, PD_NONE},
    {"上个月", -1, false, PD_NONE},  {"上一个月", -1, false, PD_NONE},
    {"上上个月", -2, false, PD_NONE}, {"下月", 1, false, PD_NONE},  {"下个月", 1, false, PD_NONE},
    {"下一个月", 1, false, PD_NONE}, {"下下个月", 2, false, PD_NONE}, {"当月", 0, true, PD_NONE},
    {"同月", 0, true, PD_NONE},      {"该月", 0, true, PD_NONE},    {"次月", 1, true, PD_NONE},
    {"翌月", 1, true, PD_NONE},      {NULL, 0, false, PD_NONE},
};


int date__at_rword(const dtext *t, size_t i, const rword *words, uint64_t list, size_t *end)
{
    if (!date__gate(t, i, list)) {
        return -1;
    }
    dlead lead = date__lead_at(t, i);
    int best = -1;
    size_t best_end = i;
    for (int k = 0; words[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, words[k].w, &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    if (best >= 0) {
        *end = best_end;
    }
    return best;
}

bool date__ref(const dctx *c, int want, dpt *p)
{
    if (c->ref.prec < want) {
        return false;
    }
    *p = c->ref;
    return true;
}

// The base of a relative word: the last date (ctx) when it has the field, else the ref.
static bool rel_base(dctx *c, bool ctx, int want, dpt *p, zn_date_source *src)
{
    if (ctx && c->last.prec >= want && c->last.y >= 0) {
        *p = c->last;
        *src = ZN_DATE_CONTEXT;
        return true;
    }
    if (date__ref(c, want, p)) {
        *src = ZN_DATE_REFERENCE;
        return true;
    }
    return false;
}

bool date__rel_day(dctx *c, int delta, bool ctx, dpt *p, zn_date_source *src)
{
    dpt b;
    if (ctx && delta == 0 && c->last.prec >= PR_DAY && c->last.y < 0 && c->last.d > 0) {
        *p = c->last; // 當日 after 6月12日 without a year: the same partial day
        p->H = p->M = p->S = -1;
        p->prec = PR_DAY;
        *src = ZN_DATE_CONTEXT;
        return true;
    }
    if (!rel_base(c, ctx, PR_DAY, &b, src)) {
        return false;
    }
    date__pt_clear(p);
    p->y = b.y;
    p->m = b.m;
    p->d = b.d;
    date__add_days(p, delta);
    p->prec = PR_DAY;
    return true;
}


static int two_digit_year(const dctx *c, int yy)
{
    int pivot = c->ref.prec >= PR_YEAR ? c->ref.y + 10 : 2049;
    return 2000 + yy > pivot ? 1900 + yy : 2000 + yy;
}

// 2018年 二〇一八年 18年 民國107年 107年 (Taiwan) 今年 同年
// 今年 去年 同年 次年
static size_t year_word(dctx *c, size_t i, pstate *s)
{
    size_t e;
    int k = date__at_rword(c->t, i, year_words, DATE_LIST_expr_year_words, &e);
    if (k < 0) {
        return i;
    }
    dpt b;
    s->rel = true;
    s->p.prec = PR_YEAR;
    if (rel_base(c, year_words[k].ctx, PR_YEAR, &b, &s->src)) {
        s->p.y = b.y + year_words[k].delta;
    }
    return e;
}

size_t date__year_part(dctx *c, size_t i, pstate *s)
{
    const dtext *t = c->t;
    size_t j = year_word(c, i, s);
    size_t e;
    if (j > i) {
        return j;
    }
    bool roc = date__at(t, j, "民国", &e);
    if (roc) {
        j = e;
        if (date__at(t, j, "元年", &e)) {
            s->p.y = 1912;
            s->p.prec = PR_YEAR;
            return e;
        }
    } else if (date__at(t, j, "公元", &e)) {
        dnum y;
        if (date__num(t, e, &y) && y.arabic && y.v >= 1 && y.v <= 2999 && y.end < t->n &&
            t->cp[y.end] == 0x5E74) { // 年: 公元107年 is the year 107
            s->p.y = (int)y.v;
            s->p.prec = PR_YEAR;
            return y.end + 1;
        }
        j = e;
    }
    dnum n;
    if (!date__num(t, j, &n) || n.approx || n.end >= t->n || t->cp[n.end] != 0x5E74) { // 年
        return i;
    }
    if (n.end + 1 < t->n && t->cp[n.end + 1] == 0x4EE3) { // 年代 is a decade
        return i;
    }
    int v = (int)n.v;
    bool taiwan = c->o->region == ZN_DATE_REGION_TAIWAN;
    if (roc || (taiwan && n.digits <= 3 && n.seq && v > 0 && n.arabic)) {
        if (v < 1 || v > 200) {
            return i;
        }
        s->p.y = v + 1911;
    } else if (n.seq && n.digits == 4 && v >= 1000 && v <= 2999) {
        s->p.y = v;
    } else if (n.seq && n.digits == 2) {
        s->p.y = two_digit_year(c, v);
        s->short_year = true;
        s->zero_year = t->cp[j] == '0' || t->cp[j] == 0x3007 || t->cp[j] == 0x96F6;
        // 九八年, 三三年: nobody counts 98 years as 九八; but 三四年 is "three or four years"
        s->cjk_year = !n.arabic && v % 10 != v / 10 + 1;
    } else if (n.arabic && n.digits == 3 && c->o->region == ZN_DATE_REGION_AUTO && v >= 1 &&
               v <= 200) {
        s->p.y = v + 1911; // ROC, only kept when a month follows (checked by the caller)
        s->roc_guess = true;
    } else {
        return i;
    }
    s->p.prec = PR_YEAR;
    return n.end + 1;
}

// 6月 六月 十二月 本月 上個月 當月
size_t date__month_part(dctx *c, size_t i, pstate *s)
{
    const dtext *t = c->t;
    size_t e;
    int k = date__at_rword(t, i, month_words, DATE_LIST_expr_month_words, &e);
    if (k >= 0 && s->p.prec == PR_NONE) {
        dpt b;
        s->rel = true;
        s->p.prec = PR_MONTH;
        if (rel_base(c, month_words[k].ctx, PR_MONTH, &b, &s->src)) {
            s->p.y = b.y;
            s->p.m = b.m;
            s->p.d = 1;
            date__add_months(&s->p, month_words[k].delta);
            s->p.d = -1;
        }
        return e;
    }
    dnum n;
    if (!date__num(t, i, &n) || n.approx || n.v < 1 || n.v > 12 || n.digits > 2) {
        return i;
    }
    if (n.end >= t->n || t->cp[n.end] != 0x6708) { // 月
        return i;
    }
    s->p.m = (int)n.v;
    s->p.prec = PR_MONTH;
    e = n.end + 1;
    if (e < t->n && t->cp[e] == 0x4EFD) { // 份: 6月份
        e++;
    }
    return e;
}

// Leading fields the text left out: from the range's first half, the reference, the context.
void date__fill(dctx *c, const dpt *base, pstate *s)
{
    dpt *p = &s->p;
    if (s->rel || p->y >= 0 || p->prec == PR_NONE) {
        return;
    }
    const dpt *b = NULL;
    zn_date_source src = ZN_DATE_REFERENCE;
    bool day_only = p->m < 0 && p->d > 0;
    bool time_only = p->m < 0 && p->d < 0 && p->H >= 0;
    if (base != NULL && base->y >= 0) {
        b = base;
        src = s->src;
    } else if (c->year_next && p->m > 0) {
        b = &c->last; // 2014年，3月5日: the year just named
        src = ZN_DATE_CONTEXT;
    } else if ((day_only && c->last.m > 0) || (time_only && c->last.d > 0)) {
        // 9月10日、11日 / 6月12日……晚上8點: the month or day of the date just named
        b = &c->last;
        src = ZN_DATE_CONTEXT;
    } else if (c->ref.prec >= PR_YEAR) {
        b = &c->ref;
    } else if (c->last.prec >= PR_YEAR && c->last.y >= 0) {
        b = &c->last;
        src = ZN_DATE_CONTEXT;
    }
    if (b == NULL) {
        return;
    }
    bool need_m = p->m < 0 && (p->d > 0 || p->H >= 0);
    bool need_d = p->d < 0 && p->m < 0 && p->H >= 0;
    if (need_m && b->m < 1) {
        return; // "12日" against a year-only reference stays partial
    }
    if (need_d && b->d < 1) {
        return;
    }
    p->y = b->y; // may stay unknown (XXXX-09-11 after XXXX-09-10)
    if (need_m) {
        p->m = b->m;
        if (!need_d && !date__valid(p->y, p->m, p->d) && p->m > 1) {
            p->m--; // 31日 named on 13 June is the last day of May
        } else if (!need_d && !date__valid(p->y, p->m, p->d)) {
            p->m = 12;
            p->y--;
        }
    }
    if (need_d) {
        p->d = b->d;
    }
    s->src = src;
}
