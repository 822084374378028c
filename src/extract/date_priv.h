/* SPDX-License-Identifier: MIT
 * Private pieces of the date finder: the calendar fields it fills, the value it builds, and
 * the functions the date_*.c files share. The folded text it scans is in date_text.h. */
#ifndef ZHNEWS_EXTRACT_DATE_PRIV_H
#define ZHNEWS_EXTRACT_DATE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract/date_text.h"
#include "zhnews/dates.h"

/* Precision of a point, coarse to fine. */
enum { PR_NONE = 0, PR_CENTURY, PR_DECADE, PR_YEAR, PR_MONTH, PR_DAY, PR_HOUR, PR_MINUTE,
       PR_SECOND };

/* A calendar point; a field is -1 when unknown. `prec` is the finest field stated. */
typedef struct dpt {
    int y, m, d, H, M, S;
    int prec;
    int tz; /* UTC offset in minutes as written (1994-11-05T08:15:30-05:30), DATE_NO_TZ */
} dpt;

#define DATE_NO_TZ 9999

/* Parts of the day (上午, 晚上 ...), for hours and hour spans. */
enum { PD_NONE = -1, PD_DAWN, PD_DAYBREAK, PD_MORNING, PD_AM, PD_NOON, PD_PM, PD_DUSK,
       PD_EVENING, PD_NIGHT, PD_MIDNIGHT, PD_DAYTIME };

/* Duration fields: years, months, weeks, days, hours, minutes, seconds. */
enum { DU_Y, DU_MO, DU_W, DU_D, DU_H, DU_MI, DU_S, DU_N };

/* Kinds of value. */
enum { DV_POINT, DV_SPAN, DV_DURATION, DV_DUR_SPAN, DV_VAGUE };

/* A value under construction: a point (a), a span a..b (either side may be open), a
 * duration (du), or a span of durations (du .. du2, du2 open when open_b). */
typedef struct dval {
    int kind;
    dpt a, b;
    bool open_a, open_b;
    double du[DU_N], du2[DU_N];
    zn_date_granularity gran;
    zn_date_source src;
    int weekday; /* 1 (Monday) – 7: a weekday named without a reference, XXXX-WXX-4 */
    bool halves; /* a range whose two ends were both written (6月12日至15日, 2020至2025年) */
    int pod;     /* part of the day + 1 when the value is the hours of a part of the day
                  * named without a clock time (晚上, 今晚); 0 otherwise */
} dval;

/* State of one zn_dates_find call. */
typedef struct dctx {
    const dtext *t;
    const zn_date_options *o;
    dpt ref;     /* reference point; prec PR_NONE when there is none */
    dpt last;    /* start of the last date found (anaphora); prec PR_NONE at first */
    bool spaced; /* reading the end of a clock range: "6 點至 7 點" may space its figures */
    size_t last_start, last_end; /* where the last date is in this piece; SIZE_MAX: none */
    bool year_next;  /* the last date, a bare year, ends just before (2014年，3月5日) */
} dctx;


/* ---- date_cal.c: calendar arithmetic and values ---- */

long date__days(int y, int m, int d);
void date__from_days(long days, int *y, int *m, int *d);
int date__mdays(int y, int m);
/* 1 = Monday .. 7 = Sunday. */
int date__weekday(int y, int m, int d);
bool date__valid(int y, int m, int d);
/* Adds n days / months / seconds to a point whose y, m, d are known. */
void date__add_days(dpt *p, long n);
void date__add_months(dpt *p, long n);
void date__add_secs(dpt *p, long n);
/* Writes the ISO 8601 value of v into out (ZN_DATE_VALUE_MAX bytes). */
void date__format(const dval *v, char *out);
/* Gregorian date of lunar (year, month, day); leap for a leap month. False when unknown. */
bool date__lunar(int year, int month, int day, bool leap, int *gy, int *gm, int *gd);
/* Days in lunar month (year, month, leap), 0 when unknown. */
int date__lunar_mdays(int year, int month, bool leap);
/* Month and day of solar term k of year y (0 小寒, 1 大寒, 2 立春 ... 23 冬至), from the
 * usual approximation (exact to a day for 1900–2099 in nearly all years). */
void date__solar_term(int y, int k, int *m, int *d);

/* ---- date_expr.c / date_point.c / date_time.c / date_rel.c ...: the grammar ---- */

/* State of a point being read (date_expr.c, date_point.c). */
typedef struct pstate {
    dpt p;
    zn_date_source src;
    bool rel;         // resolved from a relative word: nothing to fill
    bool short_year;  // a two-digit year (needs a month or period after it)
    bool zero_year;   // ... written with a leading zero (03年, 零七年)
    bool cjk_year;    // ... in Chinese digits one by one (九八年): a year even alone
    bool roc_guess;   // 107年 read as an ROC year: kept only when a month follows
    int part;         // part of the day named by a day word
    bool need_time;   // 第三天 is a date only with a time after it (第三天上午)
    bool late;        // 明天 明晚 said before 2 a.m. read as the reference's day (a clock
                      // time after it moves it back to the next day: 明天早上6點)
} pstate;

/* A word relative to the reference, or with ctx to the date named before it (tables of
 * date_expr.c and date_day.c). */
typedef struct rword {
    const char *w;
    int delta;
    bool ctx;
    int part; /* part of the day it names (今晚), or PD_NONE */
} rword;
/* Index of the longest word of `words` (a table with the bit `list`) at i, or -1. */
int date__at_rword(const dtext *t, size_t i, const rword *words, uint64_t list, size_t *end);

/* The fields of a point at i: a year, a month, a day; each returns the index after it, or i.
 * They fill s->p (and s->src, s->rel ...). */
size_t date__year_part(dctx *c, size_t i, pstate *s);
size_t date__month_part(dctx *c, size_t i, pstate *s);
size_t date__day_part(dctx *c, size_t i, pstate *s);
/* Leading fields the text left out: from `base` (may be NULL), the reference, the context. */
void date__fill(dctx *c, const dpt *base, pstate *s);
/* True when a dash and a clock time with a colon start at j (2021-09-12-11:23). */
bool date__dash_clock(const dtext *t, size_t j);
/* A date written in figures with separators at i into *p; the end or i. */
size_t date__numeric(dctx *c, size_t i, dpt *p);

/* Parses the longest expression starting at i into *v (ranges, 從…起, …以來 included);
 * returns the index after it, or i when nothing matches there. */
size_t date__expr(dctx *c, size_t i, dval *v);
/* A point or period expression (dates, times, relative words, 上半年, 6月中旬), no ranges.
 * Leading fields the text leaves out come from `base` (the first half of a range; may be
 * NULL), else the reference, else the context. Returns the index after it, or i. */
size_t date__point(dctx *c, size_t i, const dpt *base, dval *v);
/* Time of day on the day in *p (fields may be unknown): 下午3點半, 10:30, 晚上. `part` is a
 * part of the day already named (今晚 → PD_EVENING) or PD_NONE. Sets *v to a point, or to
 * a span of hours for a part of the day alone; returns the index after it, or i. */
size_t date__time(dctx *c, size_t i, const dpt *p, int part, dval *v);
/* A value that is a part of the day alone (v->pod set) as the expression's final value: the
 * point at the part's usual hour (今晚 → 22:00) where it has one, else left as its span. */
void date__part_point(dval *v);
/* True when a part-of-day word starts at i (*part, *end set). */
bool date__part_word(const dctx *c, size_t i, bool alone, int *part, size_t *end);
/* Durations and offsets: 3天前, 兩週後, 五日內, 近三年, 三天. Returns the end or i. */
size_t date__relative(dctx *c, size_t i, dval *v);
/* A count of time read from the text (date_count.c). */
typedef struct ddur {
    double du[DU_N];
    int unit; // finest unit written
    bool frac;
    bool approx; // 三年多, 几天: the far end of a span is only as exact as the unit
    bool few;    // 几天, 好几年: only a date with 前/后/内...
    bool day_unit; // written with 日 (一日之计): only a date with a suffix
    bool workdays; // 工作日: counted Monday to Friday
} ddur;
/* One or two "number unit" groups at i (四年六個月, 兩年半, 3天; with month_ok 近三月's
 * bare 月 too) into *d; the end, or i. */
size_t date__duration(const dtext *t, size_t i, ddur *d, bool month_ok);
/* The reference moved by sign * d at the precision the count states; false when the
 * reference is too coarse or the result has no calendar date. */
bool date__shift(const dctx *c, const ddur *d, int sign, dpt *p);
/* Finest precision a point counted in `unit` (DU_*) gets; frac for 3年半 and the like. */
int date__unit_prec(int unit, bool frac);
/* *v as the duration d (P3D). */
void date__dur_value(const ddur *d, dval *v);
/* Weeks and weekdays: 上週五, 星期三, 下個禮拜, 週末. Returns the end or i. */
size_t date__week(dctx *c, size_t i, dval *v);
/* Weeks of a month or year: 第三周, 第2個星期日 after the month/year in *p (resolved). */
size_t date__nth_week(dctx *c, size_t i, const dpt *p, bool in_month, dval *v);
/* Festivals and lunar dates for the year in p (or the reference's): 春節, 中秋節, 國慶日,
 * 農曆八月十五. Returns the end or i. */
size_t date__festival(dctx *c, size_t i, const dpt *p, dval *v);
/* Centuries and decades: 18世紀, 上世紀90年代, 90年代. Returns the end or i. */
size_t date__era(dctx *c, size_t i, dval *v);
/* Periods of a year or month after the resolved point p: 上半年, 第二季度, 年底, 中旬. */
size_t date__year_period(dctx *c, size_t i, const dpt *p, dval *v);
size_t date__month_period(dctx *c, size_t i, const dpt *p, dval *v);
/* Periods of this year or quarter said alone: 上半年, 年底, 第二季度, 上季度末. */
size_t date__alone_period(dctx *c, size_t i, dval *v);
/* Number ranges sharing one unit: 1-5月, 12至15日, 2020至2025年; `year` holds a year read
 * before them (or none). */
size_t date__num_range(dctx *c, size_t i, const dpt *year, dval *v);
/* A time after the day p (的 or a space may come between); j when none follows. */
size_t date__day_time(dctx *c, size_t j, const dpt *p, zn_date_source src, dval *v);
/* True when the reference (prec >= want) is known; copies it to *p. */
bool date__ref(const dctx *c, int want, dpt *p);
/* The day `delta` days from the reference (or the last date when ctx); false if unknown. */
bool date__rel_day(dctx *c, int delta, bool ctx, dpt *p, zn_date_source *src);
/* Vague words (近年來), only with opts->vague; 現在 (the reference). End or i. */
size_t date__vague(dctx *c, size_t i, dval *v);
size_t date__now(dctx *c, size_t i, dval *v);
size_t date__pair(dctx *c, size_t i, dval *v);
/* True when the character at i may end a number-like date (no digit, unit or letter). */
bool date__soft_end(const dtext *t, size_t i);

/* Helpers to set up points and values. */
void date__pt_clear(dpt *p);
void date__val_point(dval *v, const dpt *p);
void date__val_span(dval *v, const dpt *a, const dpt *b, zn_date_granularity g);

#endif
