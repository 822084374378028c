/* SPDX-License-Identifier: MIT
 * Lunar (農曆) dates to Gregorian ones, 1900–2100, from the table tools/date_lunar.c writes
 * at build time (ICU's Chinese calendar; no ICU at run time). */
#include "extract/date_priv.h"
#include "date_lunar_table.h"

// Index of lunar month (month, leap) within its year, -1 when the year has no such month.
static int month_index(int leap_month, int month, bool leap)
{
    if (leap && leap_month != month) {
        return -1;
    }
    if (leap_month == 0 || month < leap_month || (month == leap_month && !leap)) {
        return month - 1;
    }
    return month;
}

static bool row_of(int year, int *leap, unsigned *bits, long *new_year)
{
    if (year < DATE_LUNAR_FIRST || year > DATE_LUNAR_LAST) {
        return false;
    }
    *leap = date_lunar_table[year - DATE_LUNAR_FIRST].leap;
    *bits = date_lunar_table[year - DATE_LUNAR_FIRST].bits;
    *new_year = date_lunar_table[year - DATE_LUNAR_FIRST].new_year;
    return true;
}

int date__lunar_mdays(int year, int month, bool leap)
{
    int lm;
    unsigned bits;
    long ny;
    if (month < 1 || month > 12 || !row_of(year, &lm, &bits, &ny)) {
        return 0;
    }
    int k = month_index(lm, month, leap);
    if (k < 0) {
        return 0;
    }
    return bits & (1u << k) ? 30 : 29;
}

bool date__lunar(int year, int month, int day, bool leap, int *gy, int *gm, int *gd)
{
    int lm;
    unsigned bits;
    long z;
    if (month < 1 || month > 12 || !row_of(year, &lm, &bits, &z)) {
        return false;
    }
    int k = month_index(lm, month, leap);
    if (k < 0 || day < 1 || day > (bits & (1u << k) ? 30 : 29)) {
        return false;
    }
    for (int i = 0; i < k; i++) {
        z += bits & (1u << i) ? 30 : 29;
    }
    date__from_days(z + day - 1, gy, gm, gd);
    return true;
}
