/* SPDX-License-Identifier: MIT
 * Weeks (Monday first, as in China and Taiwan): 上週五, 星期三, 禮拜天, 下個禮拜, 這週末,
 * and the n-th week or weekday of a month or year (6月第三週, 第2個星期日). */
#include <string.h>

#include "extract/date_priv.h"

static const char *const week_words[] = {"星期", "周", "礼拜", NULL};
static const char *const day_names[] = {"一", "二", "三", "四", "五", "六", "日", "天", NULL};

// 上 下 这 本 ... and the number of weeks they move.
static const struct {
    const char *w;
    int delta;
} week_prefix[] = {
    {"上上个", -2}, {"上上", -2}, {"上个", -1}, {"上一个", -1}, {"上一", -1}, {"上", -1},
    {"下下个", 2},  {"下下", 2},  {"下个", 1},  {"下一个", 1},  {"下一", 1},  {"下", 1},
    {"这个", 0},    {"这", 0},    {"本", 0},    {"今", 0},      {"今个", 0},
    {"呢个", 0},    {"呢", 0},    {NULL, 0}, // 今個 呢個: Cantonese "this"
};

static int prefix(const dtext *t, size_t i, size_t *end)
{
    size_t best = i;
    int delta = 99;
    dlead lead = date__lead_at(t, i);
    for (int k = 0; week_prefix[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, week_prefix[k].w, &e) && e > best) {
            best = e;
            delta = week_prefix[k].delta;
        }
    }
    *end = best;
    return delta;
}

// Weekday named at i: 1..7 (Monday..Sunday), 8 for 末 (weekend), 0 none.
static int weekday(const dtext *t, size_t i, size_t *end)
{
    int k = date__at_list(t, i, day_names, DATE_LIST_week_day_names, end);
    if (k >= 0) {
        return k < 7 ? k + 1 : 7;
    }
    if (date__at(t, i, "末", end)) {
        return 8;
    }
    return 0;
}

// Monday of the reference's week moved by delta weeks.
static bool monday(const dctx *c, int delta, dpt *p)
{
    if (!date__ref(c, PR_DAY, p)) {
        return false;
    }
    int wd = date__weekday(p->y, p->m, p->d);
    date__add_days(p, 7L * delta - (wd - 1));
    p->H = p->M = p->S = -1;
    p->prec = PR_DAY;
    p->tz = DATE_NO_TZ;
    return true;
}

static void week_value(const dpt *mon, int wd, dval *v)
{
    dpt a = *mon;
    dpt b = *mon;
    if (wd == 8) {
        date__add_days(&a, 5);
        date__add_days(&b, 6);
        date__val_span(v, &a, &b, ZN_DATE_WEEK);
    } else if (wd > 0) {
        date__add_days(&a, wd - 1);
        date__val_point(v, &a);
    } else {
        date__add_days(&b, 6);
        date__val_span(v, &a, &b, ZN_DATE_WEEK);
    }
}

size_t date__week(dctx *c, size_t i, dval *v)
{
    const dtext *t = c->t;
    size_t e;
    int delta = prefix(t, i, &e);
    size_t j = e;
    if (date__at_list(t, j, week_words, DATE_LIST_week_week_words, &e) < 0) {
        return i;
    }
    j = e;
    int wd = weekday(t, j, &e);
    if (wd > 0) {
        j = e;
    } else if (delta == 99) {
        return i; // 星期 or 周 alone is no date
    } else {
        size_t w;
        size_t at = j < t->n && t->cp[j] == 0x7684 ? j + 1 : j; // 的
        int again = date__at_list(t, at, week_words, DATE_LIST_week_week_words, &w) >= 0
                        ? weekday(t, w, &e)
                        : 0;
        if (again > 0) { // 上周星期三, 上週的週三
            wd = again;
            j = e;
        }
    }
    if (delta == 99) {
        delta = 0;
    }
    dpt mon;
    if (!monday(c, delta, &mon)) {
        date__pt_clear(&mon);
        mon.prec = PR_DAY;
        date__val_point(v, &mon);
        v->gran = wd > 0 && wd < 8 ? ZN_DATE_DAY : ZN_DATE_WEEK;
        v->weekday = wd > 0 && wd < 8 ? wd : 0; // 星期四, 下週三: XXXX-WXX-4, XXXX-WXX-3
        return j;
    }
    week_value(&mon, wd, v);
    v->src = ZN_DATE_REFERENCE;
    return j;
}

// First Monday of the month (or of the year) of p.
static void first_monday(const dpt *p, bool in_month, dpt *out)
{
    date__pt_clear(out);
    out->y = p->y;
    out->m = in_month ? p->m : 1;
    out->d = 1;
    out->prec = PR_DAY;
    int wd = date__weekday(out->y, out->m, 1);
    date__add_days(out, (8 - wd) % 7);
}

size_t date__nth_week(dctx *c, size_t i, const dpt *p, bool in_month, dval *v)
{
    const dtext *t = c->t;
    size_t e;
    dnum n;
    size_t at = i;
    if (date__two_at(t, i, 0x7684, 0x7B2C)) { // 的第
        at = i + 1;                           // 3月的第三個星期天
    }
    if (!date__at(t, at, "第", &e) || !date__num(t, e, &n) || n.v < 1 || n.v > 53) {
        return i;
    }
    size_t j = n.end;
    if (date__at(t, j, "个", &e)) {
        j = e;
    }
    if (date__at_list(t, j, week_words, DATE_LIST_week_week_words, &e) < 0 || p->y < 0 ||
        (in_month && p->m < 1)) {
        return i;
    }
    j = e;
    dpt mon;
    first_monday(p, in_month, &mon);
    int wd = weekday(t, j, &e);
    if (wd > 0) {
        // 第3個星期日: the third Sunday of the month; 第一個週末 its first Saturday and Sunday
        dpt day;
        date__pt_clear(&day);
        day.y = p->y;
        day.m = in_month ? p->m : 1;
        day.d = 1;
        day.prec = PR_DAY;
        int first = date__weekday(day.y, day.m, 1);
        int target = wd == 8 ? 6 : wd;
        date__add_days(&day, (target - first + 7) % 7 + 7L * ((long)n.v - 1));
        if (wd == 8) {
            dpt sunday = day;
            date__add_days(&sunday, 1);
            date__val_span(v, &day, &sunday, ZN_DATE_WEEK);
            return e;
        }
        date__val_point(v, &day);
        return e;
    }
    date__add_days(&mon, 7L * ((long)n.v - 1));
    week_value(&mon, 0, v);
    return j;
}
