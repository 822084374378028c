/* SPDX-License-Identifier: MIT
 * Dates written as numbers with separators: 2018-06-12, 2018/6/12, 2018.6.12, 20180612,
 * 2018-06, 107/06/12 (Taiwan), 09-01 20:01, a year alone (2018). */
#include "extract/date_priv.h"

// A dash then a clock time written with a colon (-11:23, -9:05).
bool date__dash_clock(const dtext *t, size_t j)
{
    if (j + 3 >= t->n || t->cp[j] != '-' || !date__is_digit(t->cp[j + 1])) {
        return false;
    }
    size_t k = date__is_digit(t->cp[j + 2]) ? j + 3 : j + 2;
    return k + 1 < t->n && t->cp[k] == ':' && date__is_digit(t->cp[k + 1]);
}

// 09-01 20:01: a month and day in figures, only with a clock time after them.
static size_t month_day(dctx *c, size_t i, int m, size_t k, dpt *p)
{
    const dtext *t = c->t;
    dnum d;
    if (m < 1 || m > 12 || !date__num(t, k + 1, &d) || !d.arabic || d.digits > 2 ||
        d.v < 1 || d.v > 31 || d.end + 2 >= t->n || t->cp[d.end] != ' ' ||
        !date__is_digit(t->cp[d.end + 1])) {
        return i;
    }
    size_t e = d.end + 1;
    while (e < t->n && date__is_digit(t->cp[e])) {
        e++;
    }
    if (e >= t->n || t->cp[e] != ':') {
        return i;
    }
    p->m = m;
    p->d = (int)d.v;
    p->prec = PR_DAY;
    return d.end;
}

// A four-digit (or Taiwan three-digit) year y written at i..k, and the month and day that
// follow it with one separator (- / .): 2018-06-12, 2018.6.12, 2018-06; or y alone.
static size_t separated(dctx *c, size_t i, size_t k, int y, bool roc, dpt *p)
{
    const dtext *t = c->t;
    uint32_t sep = k < t->n ? t->cp[k] : 0;
    dnum m, d;
    if ((sep == '-' || sep == '/' || sep == '.') && date__num(t, k + 1, &m) && m.arabic &&
        m.digits <= 2 && m.v >= 1 && m.v <= 12 && !m.approx) {
        if (m.end + 1 < t->n && t->cp[m.end] == sep && date__num(t, m.end + 1, &d) &&
            d.arabic && d.digits <= 2 && date__valid(y, (int)m.v, (int)d.v) &&
            !(d.end < t->n && (date__is_digit(t->cp[d.end]) ||
                               (t->cp[d.end] == sep && !date__dash_clock(t, d.end))))) {
            p->y = y;
            p->m = (int)m.v;
            p->d = (int)d.v;
            p->prec = PR_DAY;
            return d.end;
        }
        if ((sep != '.' || m.digits == 2) && !roc && date__soft_end(t, m.end) &&
            !(m.end < t->n && t->cp[m.end] == sep) && y >= 1900 && y <= 2100) {
            p->y = y;
            p->m = (int)m.v;
            p->prec = PR_MONTH;
            return m.end;
        }
        return i;
    }
    // A year alone, as a label: "2016 36號文", or the whole text.
    if (!roc && y >= 1900 && y <= 2100 && (k == t->n || t->cp[k] == ' ') &&
        (i == 0 || !date__is_digit(t->cp[i - 1]))) {
        p->y = y;
        p->prec = PR_YEAR;
        return k;
    }
    return i;
}

// Numbers with separators: 2018-06-12, 2018/6/12, 2018.6.12, 20180612, 2018-06, 107/06/12
// (Taiwan), 2018 alone, 09-01 20:01.
size_t date__numeric(dctx *c, size_t i, dpt *p)
{
    const dtext *t = c->t;
    if (i >= t->n || !date__is_digit(t->cp[i])) {
        return i;
    }
    size_t k = i;
    int v = 0;
    while (k < t->n && date__is_digit(t->cp[k]) && k - i < 9) {
        v = v * 10 + (int)(t->cp[k] - '0');
        k++;
    }
    size_t nd = k - i;
    if (k < t->n && date__is_digit(t->cp[k])) {
        return i;
    }
    if (nd == 8) {
        int y = v / 10000, m = v / 100 % 100, d = v % 100;
        if (y < 1900 || y > 2100 || !date__valid(y, m, d) || !date__soft_end(t, k)) {
            return i;
        }
        p->y = y;
        p->m = m;
        p->d = d;
        p->prec = PR_DAY;
        return k;
    }
    bool roc = nd == 3 && c->o->region == ZN_DATE_REGION_TAIWAN;
    if (nd <= 2 && k + 1 < t->n && (t->cp[k] == '-' || t->cp[k] == '/')) {
        return month_day(c, i, v, k, p);
    }
    if (nd != 4 && !roc) {
        return i;
    }
    return separated(c, i, k, roc ? v + 1911 : v, roc, p);
}
