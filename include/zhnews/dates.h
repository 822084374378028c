/* SPDX-License-Identifier: MIT
 * Stage 5, the extractor (dates part): finds date and time expressions in running Chinese
 * text, Traditional or Simplified, and normalises them to ISO 8601 values, resolving
 * relative and anaphoric expressions against a reference date or the text before them. */
#ifndef ZHNEWS_ZHNEWS_DATES_H
#define ZHNEWS_ZHNEWS_DATES_H

#include "zhnews/common.h"

/* What a value describes. */
typedef enum zn_date_granularity {
    ZN_DATE_YEAR = 0, /* "2018", "1700/1799" (a century)            */
    ZN_DATE_QUARTER,  /* "2018-04/2018-06" (第二季度)                */
    ZN_DATE_MONTH,    /* "2018-06", "XXXX-06"                        */
    ZN_DATE_WEEK,     /* "2018-06-11/2018-06-17" (下週)              */
    ZN_DATE_DAY,      /* "2018-06-12", "XXXX-06-12"                  */
    ZN_DATE_TIME,     /* "2018-06-12T10:30", "T20" (晚間8點, no day)  */
    ZN_DATE_RANGE,    /* "2018-06-12/2018-06-15", "2018-01/2018-06", "../2016" */
    ZN_DATE_DURATION, /* "P3D", "PT2H", "P1Y6M"                      */
    ZN_DATE_VAGUE,    /* 近年來, 未來 (only with zn_date_options.vague); value "" */
} zn_date_granularity;

/* Where the parts of a value that the expression does not state came from. */
typedef enum zn_date_source {
    ZN_DATE_EXPLICIT = 0, /* everything is in the expression (2018年6月12日) */
    ZN_DATE_REFERENCE,    /* the reference date of the options (6月12日, 昨天) */
    ZN_DATE_CONTEXT,      /* a date named before it in the text (當日, 同年) */
} zn_date_source;

/* Which calendar conventions a text follows, for 107年 (ROC year 107 = 2018), 107/06/12 and
 * 國慶日 (10-10 in Taiwan, 10-01 on the mainland). */
typedef enum zn_date_region {
    ZN_DATE_REGION_AUTO = 0, /* ROC only with 民國, or a 3-digit year before a month */
    ZN_DATE_REGION_MAINLAND, /* ROC only with 民國 */
    ZN_DATE_REGION_TAIWAN,   /* any 2–3 digit 年 and NNN/MM/DD are ROC years */
} zn_date_region;

/* Longest value written, NUL included ("2018-06-12T10:30:15/2018-06-15T10:30:15"). */
#define ZN_DATE_VALUE_MAX 64

/* One found expression. `start`/`end` are a half-open byte range into the text passed to
 * zn_dates_find (the matched text is text[start, end)). */
typedef struct zn_date {
    size_t start;
    size_t end;
    char value[ZN_DATE_VALUE_MAX]; /* ISO 8601, NUL-terminated; unknown fields as XXXX/XX */
    zn_date_granularity granularity;
    zn_date_source resolved_from;
} zn_date;

/* A growing list of dates, owned by the caller: zn_date_list_init (cannot fail), pass to
 * zn_dates_find any number of times (each call replaces the contents), zn_date_list_clear. */
typedef struct zn_date_list {
    zn_date *items;
    size_t count;
    size_t cap;
} zn_date_list;

/* Sets up an empty list. Cannot fail. */
ZN_API void zn_date_list_init(zn_date_list *list);

/* Frees the items and leaves the list empty and reusable. Accepts NULL. Cannot fail. */
ZN_API void zn_date_list_clear(zn_date_list *list);

/* Options of zn_dates_find. Initialise with zn_date_options_init, then set what you need. */
typedef struct zn_date_options {
    /* Reference ("now"): -1 for a field that is not known. With ref_year -1 no reference is
     * used and partial values stay partial (6月12日 → "XXXX-06-12"). A known field implies
     * the fields before it are known (a month needs a year, an hour a day). */
    int ref_year, ref_month, ref_day, ref_hour, ref_minute, ref_second;
    bool vague;            /* also report vague words (近年來, 未來) with ZN_DATE_VAGUE */
    zn_date_region region; /* ROC years and regional holidays */
} zn_date_options;

/* Fills *opts with the defaults: no reference, no vague words, ZN_DATE_REGION_AUTO.
 * Cannot fail. */
ZN_API void zn_date_options_init(zn_date_options *opts);

/* Sets the reference of *opts from text such as "2018-06-13", "2018-06-13 10:30:00",
 * "2018-06-13T10:30", "2018-06", "2018" or "2019-02-18 07" (the fields not given become
 * -1). Returns ZN_OK, or ZN_ERR_INVALID_ARG (not such a date, or an impossible one like
 * 2018-02-30: the message quotes it) leaving *opts unchanged. */
ZN_API zn_status zn_date_options_set_ref(zn_date_options *opts, const char *text, size_t len,
                                         zn_error *err);

/* Finds every date and time expression of text[0, len) (valid UTF-8) in text order and
 * stores them in *out (its previous contents are dropped). Expressions do not overlap; the
 * longest one starting at a position wins. `opts` may be NULL for the defaults.
 * Example, reference 2018-06-13: "6月12日，雙方揭牌。當日下午3點" gives
 *   "6月12日" → "2018-06-12" (day, reference), "當日下午3點" → "2018-06-12T15" (time, context).
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (text NULL with len > 0, out NULL, text not valid
 * UTF-8, or a reference that is not a real date), or ZN_ERR_NOMEM; on failure *out is
 * empty. Thread-safe: no global state; different lists may be filled at the same time. */
ZN_API zn_status zn_dates_find(const char *text, size_t len, const zn_date_options *opts,
                               zn_date_list *out, zn_error *err);

/* The lowercase name of a granularity ("day", "range", ...); "unknown" for other values.
 * Cannot fail; the string is static. */
ZN_API const char *zn_date_granularity_name(zn_date_granularity g);

/* The lowercase name of a source ("explicit", "reference", "context"). Cannot fail. */
ZN_API const char *zn_date_source_name(zn_date_source s);

#endif
