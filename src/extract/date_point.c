/* SPDX-License-Identifier: MIT
 * A point expression as a whole: the fields (date_expr.c) or a number with separators
 * (date_numeric.c), then what may hang on them: periods (上半年, 中旬), weeks, festivals,
 * the time of day; or, with no fields, now, a week, a period or a time alone. */
#include <string.h>

#include "extract/date_priv.h"


// 星期二 週二 (星期二) after a day: the weekday adds nothing, it belongs to the date.
static size_t weekday_after(const dctx *c, size_t i)
{
    static const char *const open[] = {"(", "（", "，", ",", " ", NULL};
    static const char *const words[] = {"星期", "周", "礼拜", NULL};
    static const char *const days[] = {"一", "二", "三", "四", "五", "六", "日", "天", NULL};
    size_t j = i;
    size_t e;
    int o = date__at_list(c->t, j, open, DATE_LIST_point_open, &e);
    if (o >= 0) {
        j = e;
    }
    if (date__at_list(c->t, j, words, DATE_LIST_point_words, &e) < 0 ||
        date__at_list(c->t, e, days, DATE_LIST_point_days, &e) < 0) {
        return i;
    }
    if (o == 0 || o == 1) {
        size_t close;
        if (!date__at(c->t, e, ")", &close) && !date__at(c->t, e, "）", &close)) {
            return i;
        }
        e = close;
    }
    return e;
}

// The day of a time said alone (晚上8點): the range's first half, else the reference.
static void day_of_time(dctx *c, const dpt *base, pstate *s)
{
    s->p.H = 0;
    s->p.prec = PR_HOUR;
    date__fill(c, base, s);
    s->p.H = -1;
    s->p.prec = s->p.d > 0 ? PR_DAY : PR_NONE;
}

// A time after the day in s->p (的, a space or T may come between), else the day itself.
static size_t with_time(dctx *c, size_t j, pstate *s, dval *v)
{
    size_t e;
    j = weekday_after(c, j);
    size_t k = j;
    if (date__at(c->t, j, "的", &e) || date__at(c->t, j, " ", &e) || date__at(c->t, j, "T", &e)) {
        k = e;
    }
    dval tv;
    memset(&tv, 0, sizeof tv);
    e = date__time(c, k, &s->p, s->part, &tv);
    if (e == k && s->part != PD_NONE && tv.kind == DV_SPAN) {
        e = j; // 今晚 前晚: the part of the day the word itself names
    }
    int part;
    size_t pe;
    if (e > k && k > j && tv.kind == DV_SPAN && !date__part_word(c, k, true, &part, &pe)) {
        e = k; // 今天的晚宴: after 的 a lone 晚 or 早 starts another word
    }
    if (e > k && s->late && tv.kind == DV_POINT && tv.a.H >= 0) {
        date__add_days(&tv.a, 1); // 明天早上6點 at 01:00 is the next day's six o'clock
    }
    if (e > k || (e == j && tv.kind == DV_SPAN)) {
        *v = tv;
        v->src = s->src;
        return e;
    }
    date__val_point(v, &s->p);
    v->src = s->src;
    return j;
}

// A link and a clock time after it: 三點到五點 is a range of hours, not "three points".
static bool clock_next(dctx *c, size_t e)
{
    static const char *const links[] = {"到", "至", "-", "~", NULL};
    size_t k;
    dval tv;
    dpt day;
    date__pt_clear(&day);
    return date__at_list(c->t, e, links, DATE_LIST_point_links, &k) >= 0 &&
           date__time(c, k, &day, PD_NONE, &tv) > k &&
           tv.kind == DV_POINT;
}

// Now, a week or a time of day when no year, month or day was written.
static size_t no_fields(dctx *c, size_t i, const dpt *base, pstate *s, dval *v)
{
    size_t e = date__now(c, i, v);
    if (e == i) {
        e = date__pair(c, i, v);
    }
    if (e > i) {
        return e;
    }
    e = date__alone_period(c, i, v);
    if (e == i) {
        e = date__num_range(c, i, NULL, v);
    }
    if (e > i) {
        return e;
    }
    e = date__week(c, i, v);
    if (e > i) {
        if (v->kind == DV_POINT && v->a.prec == PR_DAY) {
            s->p = v->a;
            s->src = v->src;
            int wd = v->weekday;
            e = with_time(c, e, s, v);
            if (v->kind == DV_POINT && v->a.prec == PR_DAY) {
                v->weekday = wd; // 星期四 without a reference (and without a time)
            }
        }
        return e;
    }
    day_of_time(c, base, s);
    e = date__time(c, i, &s->p, PD_NONE, v);
    int part;
    size_t pe;
    if (e > i && v->kind == DV_SPAN && !date__part_word(c, i, true, &part, &pe)) {
        return i; // 黎明 alone is more often a name than a time
    }
    if (e == i + 2 && base == NULL && v->kind == DV_POINT && v->a.H == 0 &&
        !date__soft_end(c->t, e)) {
        return i; // 零點 before a noun (零點方案) is no time; 零點起 零時， are
    }
    if (e == i + 2 && base == NULL && v->kind == DV_POINT && v->a.H > 0 && v->a.H < 10 &&
        date__is_cjk_digit(c->t->cp[i]) && !clock_next(c, e)) {
        return i; // 一點 兩點 一時 alone: "a little", "two points", "for a while" (零時 is
                  // midnight; the end of a range, 兩點到四點, is a time)
    }
    if (e > i) {
        v->src = s->src;
    }
    return e;
}

// Festivals and lunar dates, for the year read (or the range's first half's).
static size_t festival(dctx *c, size_t j, const dpt *base, pstate *s, dval *v)
{
    dpt year = s->p;
    if (year.y < 0 && base != NULL && base->y >= 0) {
        year.y = base->y;
    }
    size_t e = date__festival(c, j, &year, v);
    if (e == j || v->kind != DV_POINT) {
        return e;
    }
    s->p = v->a;
    if (s->src == ZN_DATE_EXPLICIT) {
        s->src = v->src;
    }
    return with_time(c, e, s, v);
}

size_t date__day_time(dctx *c, size_t j, const dpt *p, zn_date_source src, dval *v)
{
    pstate s;
    memset(&s, 0, sizeof s);
    s.p = *p;
    s.src = src;
    s.part = PD_NONE;
    dval tv;
    size_t e = with_time(c, j, &s, &tv);
    *v = tv;
    return e;
}

// A three-figure year read as the ROC's without a month after it: only 109年度 (a fiscal
// year) keeps it; 109年 alone is a count.
static size_t roc_fiscal(dctx *c, size_t i, size_t j, const pstate *s, dval *v)
{
    if (j >= c->t->n || c->t->cp[j] != 0x5EA6) { // 度
        return i;
    }
    date__val_point(v, &s->p);
    v->src = ZN_DATE_EXPLICIT;
    return j + 1;
}

size_t date__point(dctx *c, size_t i, const dpt *base, dval *v)
{
    pstate s;
    memset(&s, 0, sizeof s);
    date__pt_clear(&s.p);
    s.part = PD_NONE;
    size_t e = date__era(c, i, v);
    if (e > i) {
        return e;
    }
    size_t j = date__numeric(c, i, &s.p);
    if (j > i) {
        date__fill(c, base, &s);
        if (s.p.prec == PR_DAY && date__dash_clock(c->t, j)) {
            pstate d = s;
            size_t k = with_time(c, j + 1, &d, v);
            if (k > j + 1 && v->kind == DV_POINT && v->a.H >= 0) {
                return k; // 2021-09-12-11:23: a clock time joined by a dash
            }
        }
        return with_time(c, j, &s, v);
    }
    j = date__year_part(c, i, &s);
    e = festival(c, j, base, &s, v);
    if (e > j) {
        return e;
    }
    j = date__month_part(c, j, &s);
    if (s.p.prec == PR_MONTH || s.p.prec == PR_NONE) {
        j = date__day_part(c, j, &s);
    }
    if (s.roc_guess && s.p.prec == PR_YEAR) {
        return roc_fiscal(c, i, j, &s, v);
    }
    date__fill(c, base, &s);
    if (s.p.prec == PR_YEAR) {
        e = date__year_period(c, j, &s.p, v);
        if (e == j) {
            e = date__num_range(c, j, &s.p, v);
        }
        if (e == j && s.short_year && !s.zero_year && !s.cjk_year) {
            return i;
        }
        if (e > j && v->kind == DV_POINT && v->a.prec == PR_DAY) {
            s.p = v->a; // 2023年第十天, maybe with a time
            return with_time(c, e, &s, v);
        }
    } else if (s.p.prec == PR_MONTH) {
        e = date__month_period(c, j, &s.p, v);
        if (e == j) {
            e = date__nth_week(c, j, &s.p, true, v);
        }
    } else if (s.p.prec == PR_NONE) {
        return no_fields(c, i, base, &s, v);
    } else {
        e = with_time(c, j, &s, v);
        return s.need_time && v->kind == DV_POINT && v->a.prec == PR_DAY ? i : e;
    }
    if (e > j) {
        v->src = s.src;
        return e;
    }
    date__val_point(v, &s.p);
    v->src = s.src;
    return j;
}
