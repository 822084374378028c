/* SPDX-License-Identifier: MIT
 * Counts of time read from the text — 三天, 3年半, 一個半月, 兩個多小時, 四年六個月, 一刻鐘 —
 * and the point a count away from the reference (date_rel.c says what a prefix or suffix
 * makes of them). */
#include <math.h>
#include <string.h>

#include "extract/date_priv.h"

typedef struct unit_word {
    const char *w;
    int unit;     // DU_ index
    double scale; // 刻钟 = 15 minutes, 季度 = 3 months
} unit_word;

static const unit_word units[] = {
    {"年", DU_Y, 1},        {"个年头", DU_Y, 1},   {"载", DU_Y, 1},
    {"个月", DU_MO, 1},     {"个季度", DU_MO, 3},
    {"周", DU_W, 1},        {"个周", DU_W, 1},     {"星期", DU_W, 1},
    {"个星期", DU_W, 1},    {"礼拜", DU_W, 1},     {"个礼拜", DU_W, 1},
    {"天", DU_D, 1},        {"日", DU_D, 1},       {"个工作日", DU_D, 1},
    {"工作日", DU_D, 1},    {"小时", DU_H, 1},     {"个小时", DU_H, 1},
    {"钟头", DU_H, 1},      {"个钟头", DU_H, 1},   {"个钟", DU_H, 1},
    {"分钟", DU_MI, 1},     {"刻钟", DU_MI, 15},   {"秒钟", DU_S, 1},
    {"秒", DU_S, 1},        {"个世纪", DU_Y, 100}, {NULL, 0, 0},
};

// Finest precision a duration unit gives to a point counted with it.
int date__unit_prec(int unit, bool frac)
{
    static const int prec[DU_N] = {PR_YEAR, PR_MONTH, PR_DAY, PR_DAY, PR_MINUTE, PR_MINUTE,
                                   PR_SECOND};
    if (frac && unit == DU_Y) {
        return PR_MONTH;
    }
    if (frac && unit == DU_MO) {
        return PR_DAY;
    }
    if (frac && (unit == DU_W || unit == DU_D)) {
        return PR_HOUR;
    }
    return prec[unit];
}


// The amount before a unit: 半, 3, 2621.2, 一个半 / 两个多 (个 then 半 or 多, *ge set).
static bool amount(const dtext *t, size_t i, ddur *d, double *v, size_t *j, bool *ge)
{
    dnum n;
    size_t e;
    *ge = false;
    if (date__at(t, i, "半", &e)) {
        *v = 0.5;
        *j = e;
        return true;
    }
    if (!date__num(t, i, &n)) {
        return false;
    }
    *v = n.v;
    *j = n.end;
    d->approx = d->approx || n.approx;
    d->few = d->few || t->cp[i] == 0x51E0; // 几
    if (n.seq && n.digits == 4 && !n.approx && date__at(t, *j, "年", &e)) {
        return false; // 2018年 is a year, not a count of years
    }
    if (*j + 1 < t->n && t->cp[*j] == '.' && date__is_digit(t->cp[*j + 1])) {
        double f = 0.1;
        for (++*j; *j < t->n && date__is_digit(t->cp[*j]); ++*j) {
            *v += f * (t->cp[*j] - '0');
            f /= 10;
        }
    }
    if (date__at(t, *j, "个半", &e) || date__at(t, *j, "个多", &e)) {
        bool half = t->cp[*j + 1] == 0x534A; // 半
        *v += half ? 0.5 : 0;
        d->approx = d->approx || !half;
        *j = e;
        *ge = true;
    }
    return true;
}

// One "number unit" group: 三天 3年半 一个半月 半小时 三个多月 1000多年 几个月
static size_t group(const dtext *t, size_t i, ddur *d, bool month_ok)
{
    double v;
    size_t j;
    size_t e;
    bool ge;
    if (!amount(t, i, d, &v, &j, &ge)) {
        return i;
    }
    int k = -1;
    size_t best = j;
    dlead lead = date__lead_at(t, j);
    for (int u = 0; units[u].w != NULL; u++) {
        if (date__at_lead(t, j, &lead, units[u].w, &e) && e > best) {
            k = u;
            best = e;
        }
    }
    if (k < 0 && (month_ok || ge) && date__at(t, j, "月", &e)) { // 近三月 一个半月
        d->du[DU_MO] += v;
        d->unit = DU_MO;
        d->frac = d->frac || v != floor(v);
        return e;
    }
    if (k < 0 && date__at(t, j, "分半钟", &e)) { // 一分半钟: a minute and a half
        d->du[DU_MI] += v + 0.5;
        d->unit = DU_MI;
        d->frac = true;
        return e;
    }
    if (k < 0) {
        return i;
    }
    j = best;
    // 五週年 十八週歲 三年級 : an anniversary, an age, a school year
    if (j < t->n && ((units[k].unit == DU_W && (t->cp[j] == 0x5E74 || t->cp[j] == 0x5C81)) ||
                     (units[k].unit == DU_Y && (t->cp[j] == 0x7EA7 || t->cp[j] == 0x9F84)))) {
        return i; // 年 岁 after 周; 级 龄 after 年
    }
    size_t after;
    if (date__at(t, j, "半", &e) && !date__at(t, e, "个", &after) &&
        !date__at(t, e, "月", &after)) {
        v += 0.5; // 两年半 3天半, but not 十天半个月 (ten days or half a month)
        j = e;
    } else if (date__at(t, j, "多", &e)) {
        j = e;
        d->approx = true;
    }
    d->du[units[k].unit] += v * units[k].scale;
    d->unit = units[k].unit;
    d->day_unit = strcmp(units[k].w, "日") == 0;
    d->workdays = strstr(units[k].w, "工作日") != NULL;
    d->frac = d->frac || v != floor(v);
    return j;
}

// One or two groups: 四年六个月, 两年半, 3天
size_t date__duration(const dtext *t, size_t i, ddur *d, bool month_ok)
{
    memset(d, 0, sizeof *d);
    size_t j = group(t, i, d, month_ok);
    if (j == i) {
        return i;
    }
    size_t e = group(t, j, d, false);
    return e > j ? e : j;
}

// p moved by sign * d; the far end of a count from the reference.
bool date__shift(const dctx *c, const ddur *d, int sign, dpt *p)
{
    int need = date__unit_prec(d->unit, false) >= PR_HOUR ? PR_HOUR : date__unit_prec(d->unit, false);
    if (c->ref.prec < need) {
        return false;
    }
    *p = c->ref;
    double months = d->du[DU_Y] * 12 + d->du[DU_MO];
    double whole = floor(months);
    double days = d->du[DU_W] * 7 + d->du[DU_D] + (months - whole) * 30;
    double secs = d->du[DU_H] * 3600 + d->du[DU_MI] * 60 + d->du[DU_S];
    if (whole > 12 * 5000.0 || days > 366 * 5000.0 || secs > 86400 * 366 * 5000.0) {
        return false; // 1000多年 is fine; a count past five millennia has no calendar date
    }
    if (p->d < 1) {
        p->d = 1;
    }
    if (p->m < 1) {
        p->m = 1;
    }
    date__add_months(p, (long)(sign * whole));
    if (p->y < 1) {
        return false; // 五千年來: before the calendar's first year
    }
    double dd = floor(days);
    if (d->workdays) {
        for (long n = (long)dd; n > 0;) {
            date__add_days(p, sign);
            n -= date__weekday(p->y, p->m, p->d) <= 5;
        }
    } else {
        date__add_days(p, (long)(sign * dd));
    }
    secs += (days - dd) * 86400;
    if (secs != 0) {
        date__add_secs(p, (long)llround(sign * secs));
    }
    p->prec = date__unit_prec(d->unit, d->frac);
    if (p->prec == PR_MINUTE && c->ref.prec < PR_MINUTE && d->unit == DU_H && !d->frac) {
        p->prec = PR_HOUR;
    }
    if (d->unit >= DU_H && c->ref.prec > p->prec) {
        p->prec = c->ref.prec; // 10分鐘前 from 01:06:40 is 00:56:40
    }
    return true;
}

void date__dur_value(const ddur *d, dval *v)
{
    memset(v, 0, sizeof *v);
    v->kind = DV_DURATION;
    memcpy(v->du, d->du, sizeof v->du);
    v->gran = ZN_DATE_DURATION;
}
