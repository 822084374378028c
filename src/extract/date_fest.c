/* SPDX-License-Identifier: MIT
 * Festivals with a computable date (元旦, 春節, 中秋節, 國慶日, 母親節) and lunar dates
 * (農曆八月十五, 正月初八, 臘月18, 閏四月) for a known year. */
#include <string.h>

#include "extract/date_priv.h"

enum { F_SOLAR, F_LUNAR, F_NTH, F_EVE, F_TERM };

typedef struct festival {
    const char *w;
    int kind;
    int m, d; // month and day; for F_NTH the weekday (1..7) and which one (d)
    int wd;
} festival;

// 國慶 is 10-01 on the mainland, 10-10 in Taiwan (see region_day). 農曆年 (Taiwan: 農曆年前,
// before the Lunar New Year) and 農曆新年 are 春節.
static const festival festivals[] = {
    {"元旦", F_SOLAR, 1, 1, 0},       {"情人节", F_SOLAR, 2, 14, 0},
    {"妇女节", F_SOLAR, 3, 8, 0},     {"植树节", F_SOLAR, 3, 12, 0},
    {"愚人节", F_SOLAR, 4, 1, 0},     {"劳动节", F_SOLAR, 5, 1, 0},
    {"青年节", F_SOLAR, 5, 4, 0},     {"儿童节", F_SOLAR, 6, 1, 0},
    {"建党节", F_SOLAR, 7, 1, 0},     {"建军节", F_SOLAR, 8, 1, 0},
    {"教师节", F_SOLAR, 9, 10, 0},    {"国庆节", F_SOLAR, 10, 1, 0},
    {"国庆日", F_SOLAR, 10, 1, 0},    {"国庆", F_SOLAR, 10, 1, 0},
    {"双十节", F_SOLAR, 10, 10, 0},   {"万圣节", F_SOLAR, 10, 31, 0},
    {"光棍节", F_SOLAR, 11, 11, 0},   {"平安夜", F_SOLAR, 12, 24, 0},
    {"圣诞节", F_SOLAR, 12, 25, 0},   {"圣诞", F_SOLAR, 12, 25, 0},
    {"圣诞夜", F_SOLAR, 12, 24, 0},   {"跨年夜", F_SOLAR, 12, 31, 0},
    {"和平纪念日", F_SOLAR, 2, 28, 0}, {"春节", F_LUNAR, 1, 1, 0},
    {"大年初一", F_LUNAR, 1, 1, 0},   {"农历新年", F_LUNAR, 1, 1, 0},
    {"农历年", F_LUNAR, 1, 1, 0},     {"元宵节", F_LUNAR, 1, 15, 0},
    {"元宵", F_LUNAR, 1, 15, 0},      {"端午节", F_LUNAR, 5, 5, 0},
    {"端午", F_LUNAR, 5, 5, 0},       {"七夕节", F_LUNAR, 7, 7, 0},
    {"七夕", F_LUNAR, 7, 7, 0},       {"中元节", F_LUNAR, 7, 15, 0},
    {"中秋节", F_LUNAR, 8, 15, 0},    {"中秋", F_LUNAR, 8, 15, 0},
    {"重阳节", F_LUNAR, 9, 9, 0},     {"重阳", F_LUNAR, 9, 9, 0},
    {"腊八节", F_LUNAR, 12, 8, 0},    {"腊八", F_LUNAR, 12, 8, 0},
    {"除夕", F_EVE, 12, 0, 0},        {"大年三十", F_EVE, 12, 0, 0},
    {"母亲节", F_NTH, 5, 2, 7},       {"父亲节", F_NTH, 6, 3, 7},
    {"感恩节", F_NTH, 11, 4, 4},      {"清明节", F_TERM, 0, 6, 0},
    {"清明", F_TERM, 0, 6, 0},        {"立春", F_TERM, 0, 2, 0},
    {"立夏", F_TERM, 0, 8, 0},        {"立秋", F_TERM, 0, 14, 0},
    {"立冬", F_TERM, 0, 20, 0},       {"春分", F_TERM, 0, 5, 0},
    {"夏至", F_TERM, 0, 11, 0},       {"秋分", F_TERM, 0, 17, 0},
    {"冬至", F_TERM, 0, 23, 0},       {"小寒", F_TERM, 0, 0, 0},
    {"大寒", F_TERM, 0, 1, 0},        {NULL, 0, 0, 0, 0},
};

static int at_festival(const dtext *t, size_t i, size_t *end)
{
    if (!date__gate(t, i, DATE_LIST_fest_festivals)) {
        return -1;
    }
    int best = -1;
    size_t best_end = i;
    dlead lead = date__lead_at(t, i);
    for (int k = 0; festivals[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, festivals[k].w, &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    if (best >= 0) {
        *end = best_end;
    }
    return best;
}

static bool festival_day(const dctx *c, const festival *f, int y, dpt *p)
{
    p->y = y;
    p->prec = PR_DAY;
    switch (f->kind) {
    case F_SOLAR:
        p->m = f->m;
        p->d = f->d;
        if (f->m == 10 && f->d == 1 && c->o->region == ZN_DATE_REGION_TAIWAN) {
            p->d = 10; // 國慶日 in Taiwan
        }
        return true;
    case F_NTH: {
        int first = date__weekday(y, f->m, 1);
        p->m = f->m;
        p->d = 1 + (f->wd - first + 7) % 7 + 7 * (f->d - 1);
        return true;
    }
    case F_TERM:
        date__solar_term(y, f->d, &p->m, &p->d);
        return true;
    case F_EVE:
        return date__lunar(y, 12, date__lunar_mdays(y, 12, false), false, &p->y, &p->m, &p->d);
    default:
        return date__lunar(y, f->m, f->d, false, &p->y, &p->m, &p->d);
    }
}

// Lunar month: 正月 腊月 冬月 闰四月 八月 (Chinese numerals). Returns the month or 0.
static int lunar_month(const dtext *t, size_t i, bool *leap, size_t *end)
{
    size_t j = i;
    size_t e;
    *leap = date__at(t, j, "闰", &e);
    if (*leap) {
        j = e;
    }
    if (date__at(t, j, "正月", end)) {
        return 1;
    }
    size_t k;
    if (date__at(t, j, "大年", end) && date__at(t, *end, "初", &k)) {
        return 1; // 大年初二: the second day of the first month
    }
    if (date__at(t, j, "腊月", end)) {
        return 12;
    }
    if (date__at(t, j, "冬月", end)) {
        return 11;
    }
    dnum n;
    if (!date__num(t, j, &n) || n.v < 1 || n.v > 12 || !date__at(t, n.end, "月", end)) {
        return 0;
    }
    return (int)n.v;
}

// Lunar day: 初八 十五 廿一 三十, or 18 after 腊月. Returns the day or 0; *marked when the
// spelling is only lunar (初八, 廿一).
static int lunar_day(const dtext *t, size_t i, bool *marked, size_t *end)
{
    size_t e;
    dnum n;
    *marked = false;
    if (date__at(t, i, "初", &e) && date__num(t, e, &n) && !n.arabic && n.v >= 1 && n.v <= 10) {
        *marked = true;
        *end = n.end;
        return (int)n.v;
    }
    if (!date__num(t, i, &n) || n.v < 1 || n.v > 30 || n.approx || date__at(t, n.end, "日", &e) ||
        date__at(t, n.end, "号", &e) || !date__soft_end(t, n.end)) {
        return 0;
    }
    *marked = t->cp[i] == 0x5EFF; // 廿
    *end = n.end;
    return (int)n.v;
}

static size_t lunar_date(dctx *c, size_t i, int y, dval *v)
{
    const dtext *t = c->t;
    size_t j = i;
    size_t e;
    bool said = date__at(t, j, "农历", &e) || date__at(t, j, "阴历", &e) ||
                date__at(t, j, "旧历", &e);
    if (said) {
        j = e;
    }
    bool leap;
    int m = lunar_month(t, j, &leap, &e);
    bool lunar_name = m > 0 && (t->cp[j] == 0x6B63 || t->cp[j] == 0x814A || t->cp[j] == 0x51AC);
    bool chinese_month = m > 0 && !date__is_digit(t->cp[j]);
    if (m == 0) {
        return i;
    }
    j = e;
    bool marked;
    int d = lunar_day(t, j, &marked, &e);
    bool chinese_day = d > 0 && !date__is_digit(t->cp[j]);
    if (!(said || leap || lunar_name || marked || (chinese_month && chinese_day))) {
        return i;
    }
    dpt p;
    date__pt_clear(&p);
    if (y < 0) {
        p.prec = PR_DAY; // a lunar date of an unknown year: no Gregorian day to give
        date__val_point(v, &p);
        return d > 0 ? e : j;
    }
    if (d == 0) {
        // a lunar month: from its first to its last day
        dpt b;
        date__pt_clear(&b);
        int len = date__lunar_mdays(y, m, leap);
        if (len == 0 || !date__lunar(y, m, 1, leap, &p.y, &p.m, &p.d) ||
            !date__lunar(y, m, len, leap, &b.y, &b.m, &b.d)) {
            return i;
        }
        p.prec = b.prec = PR_DAY;
        date__val_span(v, &p, &b, ZN_DATE_MONTH);
        return j;
    }
    if (!date__lunar(y, m, d, leap, &p.y, &p.m, &p.d)) {
        return i;
    }
    p.prec = PR_DAY;
    date__val_point(v, &p);
    return e;
}

// 底 末 尾 初 中 内: a part of the year after 年.
static bool part_of_year(uint32_t c)
{
    return c == 0x5E95 || c == 0x672B || c == 0x5C3E || c == 0x521D || c == 0x4E2D ||
           c == 0x5185;
}

size_t date__festival(dctx *c, size_t i, const dpt *p, dval *v)
{
    int y = p->y;
    zn_date_source src = ZN_DATE_EXPLICIT;
    if (y < 0 && c->year_next) {
        y = c->last.y; // 2020年的春節: the year just named
        src = ZN_DATE_CONTEXT;
    } else if (y < 0 && c->ref.prec >= PR_YEAR) {
        y = c->ref.y;
        src = ZN_DATE_REFERENCE;
    }
    size_t e;
    int k = at_festival(c->t, i, &e);
    if (k >= 0 && strcmp(festivals[k].w, "农历年") == 0 && e < c->t->n &&
        part_of_year(c->t->cp[e])) {
        return i; // 農曆年底 is the end of the lunar year, not the New Year
    }
    if (k < 0) {
        e = lunar_date(c, i, y, v);
        if (e > i) {
            v->src = src;
        }
        return e;
    }
    dpt day;
    date__pt_clear(&day);
    if (y < 0 || !festival_day(c, &festivals[k], y, &day)) {
        date__pt_clear(&day);
        day.prec = PR_DAY;
        if (festivals[k].kind == F_SOLAR) {
            day.m = festivals[k].m;
            day.d = festivals[k].d;
        }
    }
    date__val_point(v, &day);
    v->src = src;
    return e;
}
