/* SPDX-License-Identifier: MIT
 * Durations and points counted from the reference: 三天 (P3D), 3天前, 兩週後, 五日內, 近三年,
 * 一年半以前, 30年以上, 100到200個小時. */
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
    {"秒", DU_S, 1},        {NULL, 0, 0},
};

// Finest precision a duration unit gives to a point counted with it.
static int unit_prec(int unit, bool frac)
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

typedef struct dur {
    double du[DU_N];
    int unit; // finest unit written
    bool frac;
    bool approx; // 三年多, 几天: the far end of a span is only as exact as the unit
    bool few;    // 几天, 好几年: only a date with 前/后/内...
    bool day_unit; // written with 日 (一日之计): only a date with a suffix
    bool workdays; // 工作日: counted Monday to Friday
} dur;

// The amount before a unit: 半, 3, 2621.2, 一个半 / 两个多 (个 then 半 or 多, *ge set).
static bool amount(const dtext *t, size_t i, dur *d, double *v, size_t *j, bool *ge)
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
static size_t group(const dtext *t, size_t i, dur *d, bool month_ok)
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
    for (int u = 0; units[u].w != NULL; u++) {
        if (date__at(t, j, units[u].w, &e) && e > best) {
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
static size_t duration(const dtext *t, size_t i, dur *d, bool month_ok)
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
static bool shift(const dctx *c, const dur *d, int sign, dpt *p)
{
    int need = unit_prec(d->unit, false) >= PR_HOUR ? PR_HOUR : unit_prec(d->unit, false);
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
    p->prec = unit_prec(d->unit, d->frac);
    if (p->prec == PR_MINUTE && c->ref.prec < PR_MINUTE && d->unit == DU_H && !d->frac) {
        p->prec = PR_HOUR;
    }
    if (d->unit >= DU_H && c->ref.prec > p->prec) {
        p->prec = c->ref.prec; // 10分鐘前 from 01:06:40 is 00:56:40
    }
    return true;
}

static void to_value(const dur *d, dval *v)
{
    memset(v, 0, sizeof *v);
    v->kind = DV_DURATION;
    memcpy(v->du, d->du, sizeof v->du);
    v->gran = ZN_DATE_DURATION;
}

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
    if (date__at_any(t, i, next, end) >= 0) {
        return 1;
    }
    if (date__at_any(t, i, past, end) >= 0) {
        return -1;
    }
    return 0;
}

static void now_span(const dctx *c, const dur *d, int sign, dval *v)
{
    dpt far;
    if (!shift(c, d, sign, &far)) {
        to_value(d, v);
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
static void deadline(const dctx *c, const dur *d, dval *v)
{
    dpt p;
    if (!shift(c, d, 1, &p)) {
        to_value(d, v);
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
    dur hi;
    size_t f = duration(t, k, &hi, false);
    size_t g;
    if (f == k || !date__at(t, f, "以下", &g)) {
        return e;
    }
    memcpy(v->du2, hi.du, sizeof v->du2);
    v->open_b = false;
    return g;
}

static size_t with_suffix(const dctx *c, size_t j, const dur *d, dval *v)
{
    size_t e;
    int k = date__at_any(c->t, j, suffixes, &e);
    if (k < 0) {
        to_value(d, v);
        return d->few || d->day_unit ? 0 : j;
    }
    int kind = suffix_kind[k];
    dpt p;
    if (kind == S_MORE || kind == S_LESS) {
        to_value(d, v);
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
    if (!shift(c, d, sign, &p)) {
        date__pt_clear(&p);
        p.prec = unit_prec(d->unit, d->frac);
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

// 30~90日 13天—8周 100到200个小时: a span of durations
static size_t dur_range(const dtext *t, size_t i, dval *v)
{
    static const char *const links[] = {"~", "-", "—", "到", "至", NULL};
    dnum n;
    size_t e;
    dur a, b;
    size_t j = duration(t, i, &a, false);
    if (j == i) {
        if (!date__num(t, i, &n)) {
            return i;
        }
        j = n.end;
        memset(&a, 0, sizeof a);
        a.unit = -1;
        a.du[0] = n.v;
    }
    if (date__at_any(t, j, links, &e) < 0) {
        return i;
    }
    size_t k = duration(t, e, &b, false);
    if (k == e) {
        return i;
    }
    if (a.unit < 0) {
        double x = a.du[0];
        memset(&a, 0, sizeof a);
        a.du[b.unit] = x;
    }
    to_value(&a, v);
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
    bool ok = i == 0 || t->cp[i - 1] < 0x3400 || (t->cp[i - 1] >= 0xFE30 && t->cp[i - 1] <= 0xFFEF);
    for (size_t k = 0; !ok && k < sizeof lead / sizeof lead[0]; k++) {
        ok = t->cp[i - 1] == lead[k];
    }
    dur d;
    size_t k = ok ? duration(t, e, &d, false) : e;
    size_t after;
    if (k == e || d.few || d.approx ||
        date__at_any(t, k, suffixes, &after) >= 0 || date__at(t, k, "了", &after)) {
        return i;
    }
    dpt p;
    if (!shift(c, &d, 1, &p)) {
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
    size_t e = passing(c, i, v);
    if (e > i) {
        return e;
    }
    int pre = prefix(t, i, &e);
    size_t j = pre != 0 ? e : i;
    dur d;
    size_t k = duration(t, j, &d, pre != 0);
    if (k == j) {
        return pre == 0 ? dur_range(t, i, v) : i;
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
    if (pre != 0) {
        if (date__at(t, k, "内", &e) || date__at(t, k, "里", &e) || date__at(t, k, "以来", &e) ||
            date__at(t, k, "来", &e)) { // 近5年來
            k = e;
        }
        now_span(c, &d, pre, v);
        return k;
    }
    size_t r = dur_range(t, i, v);
    if (r > k) {
        return r;
    }
    if (date__at(t, k, "左右", &e)) {
        k = e;
    }
    k = with_suffix(c, k, &d, v);
    return k == 0 ? i : k;
}
