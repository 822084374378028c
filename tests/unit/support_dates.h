/* SPDX-License-Identifier: MIT
 * Shared checks of the date tests (test_dates.c, test_dates_context.c). */
#ifndef ZHNEWS_TESTS_SUPPORT_DATES_H
#define ZHNEWS_TESTS_SUPPORT_DATES_H

#include "zhnews/dates.h"

/* One expected date: its text, ISO value, granularity and source. */
typedef struct want {
    const char *text;
    const char *value;
    zn_date_granularity gran;
    zn_date_source src;
} want;

/* Options with the reference `ref` ("YYYY-MM-DD[ HH:MM:SS]", or NULL) and a region. */
zn_date_options dates_ref_opts(const char *ref, zn_date_region region);

/* Runs zn_dates_find on text and asserts the whole list equals w[0..n). */
void dates_check(const char *text, const zn_date_options *o, const want *w, size_t n);

/* Runs zn_dates_find with allocation N failing for N = 0, 1, ... until it succeeds; asserts
 * each failure is ZN_ERR_NOMEM with an empty list, and returns the final list (the caller
 * checks and clears it). */
zn_date_list dates_alloc_loop(const char *text, const zn_date_options *o);

#endif
