/* SPDX-License-Identifier: MIT
 * Shared checks of the date tests: options with a reference, and a whole-list comparison. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "support_dates.h"
#include "util/alloc.h"

zn_date_options dates_ref_opts(const char *ref, zn_date_region region)
{
    zn_date_options o;
    zn_date_options_init(&o);
    o.region = region;
    if (ref != NULL) {
        assert_int_equal(zn_date_options_set_ref(&o, ref, strlen(ref), NULL), ZN_OK);
    }
    return o;
}

// Runs the finder and checks the whole list: texts, values, granularities, sources.
void dates_check(const char *text, const zn_date_options *o, const want *w, size_t n)
{
    zn_date_list list;
    zn_date_list_init(&list);
    zn_error err;
    assert_int_equal(zn_dates_find(text, strlen(text), o, &list, &err), ZN_OK);
    if (list.count != n) {
        for (size_t i = 0; i < list.count; i++) {
            print_message("got %.*s = %s\n", (int)(list.items[i].end - list.items[i].start),
                          text + list.items[i].start, list.items[i].value);
        }
    }
    assert_int_equal(list.count, n);
    for (size_t i = 0; i < n; i++) {
        const zn_date *d = &list.items[i];
        size_t len = d->end - d->start;
        if (len != strlen(w[i].text) || memcmp(text + d->start, w[i].text, len) != 0) {
            fail_msg("date %zu: text '%.*s', want '%s'", i, (int)len, text + d->start,
                     w[i].text);
        }
        assert_string_equal(d->value, w[i].value);
        assert_int_equal(d->granularity, w[i].gran);
        assert_int_equal(d->resolved_from, w[i].src);
    }
    zn_date_list_clear(&list);
}


zn_date_list dates_alloc_loop(const char *text, const zn_date_options *o)
{
    for (size_t n = 0;; n++) {
        zn_date_list list;
        zn_date_list_init(&list);
        zn_error err;
        zn__alloc_fail_after(n);
        zn_status st = zn_dates_find(text, strlen(text), o, &list, &err);
        int failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (st == ZN_OK) {
            assert_false(failed);
            return list;
        }
        assert_int_equal(st, ZN_ERR_NOMEM);
        assert_int_equal(err.code, ZN_ERR_NOMEM);
        assert_int_equal(list.count, 0);
        zn_date_list_clear(&list);
        assert_true(n < 100);
    }
}
