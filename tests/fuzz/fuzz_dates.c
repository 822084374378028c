/* SPDX-License-Identifier: MIT
 * Fuzz target: the date and time finder (zn_dates_find). The first byte picks the reference
 * date (none, a fixed day, a day with a time), the region and vague words. Invariants:
 * invalid UTF-8 is ZN_ERR_INVALID_ARG with an empty list; expressions are in text order, do
 * not overlap, lie on boundaries, and carry a NUL-terminated printable ASCII value with a
 * known granularity and source. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_dates(const zn_date_list *list, const char *s, size_t len)
{
    size_t last_end = 0;
    for (size_t i = 0; i < list->count; i++) {
        const zn_date *d = &list->items[i];
        FUZZ_CHECK(fuzz_span_ok(s, len, d->start, d->end) && d->end > d->start,
                   "date span inside the text on boundaries");
        FUZZ_CHECK(d->start >= last_end, "dates in order, not overlapping");
        last_end = d->end;
        const char *nul = memchr(d->value, '\0', sizeof d->value);
        FUZZ_CHECK(nul != NULL, "NUL-terminated value");
        for (const char *p = d->value; p < nul; p++)
            FUZZ_CHECK(*p > 0x20 && *p < 0x7f, "value is printable ASCII");
        FUZZ_CHECK(d->granularity <= ZN_DATE_VAGUE, "known granularity");
        FUZZ_CHECK(d->resolved_from <= ZN_DATE_CONTEXT, "known source");
        FUZZ_CHECK(d->granularity == ZN_DATE_VAGUE || nul != d->value,
                   "a value unless vague");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const refs[] = {NULL, "2018-06-13", "2019-02-18 07", "1999-12-31T23:59"};
    zn_date_options opts;
    zn_date_options_init(&opts);
    const char *ref = refs[data[0] & 3];
    if (ref != NULL)
        FUZZ_CHECK(zn_date_options_set_ref(&opts, ref, strlen(ref), NULL) == ZN_OK, "ref");
    opts.region = (zn_date_region)((data[0] >> 2) % 3);
    opts.vague = (data[0] & 0x10) != 0;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    zn_date_list list;
    zn_date_list_init(&list);
    zn_status st = zn_dates_find(s, len, &opts, &list, NULL);
    char *fixed = NULL;
    if (!zn__utf8_is_valid(s, len)) {
        FUZZ_CHECK(st == ZN_ERR_INVALID_ARG && list.count == 0, "invalid UTF-8 is refused");
        fixed = fuzz_utf8_repair(data + 1, len);
        if (fixed == NULL)
            return 0;
        s = fixed;
        st = zn_dates_find(s, len, &opts, &list, NULL);
    }
    FUZZ_CHECK(st == ZN_OK, "valid UTF-8 is searched");
    check_dates(&list, s, len);
    zn_date_list_clear(&list);
    free(fixed);
    return 0;
}
