/* SPDX-License-Identifier: MIT
 * Calendar arithmetic of the date finder (proleptic Gregorian, days counted from
 * 1970-01-01) and the ISO 8601 text of a value. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "extract/date_priv.h"

long date__days(int y, int m, int d)
{
    // Howard Hinnant's days_from_civil
    long yy = m <= 2 ? y - 1 : y;
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date__from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int date__mdays(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

int date__weekday(int y, int m, int d)
{
    long z = date__days(y, m, d); // 1970-01-01 was a Thursday (4)
    long w = (z % 7 + 7 + 3) % 7;
    return (int)w + 1;
}

bool date__valid(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= date__mdays(y, m);
}

void date__add_days(dpt *p, long n)
{
    long z = date__days(p->y, p->m, p->d) + n;
    date__from_days(z, &p->y, &p->m, &p->d);
}

void date__add_months(dpt *p, long n)
{
    long months = (long)p->y * 12 + (p->m - 1) + n;
    long y = months >= 0 ? months / 12 : (months - 11) / 12;
    p->y = (int)y;
    p->m = (int)(months - y * 12) + 1;
    if (p->d > 0 && p->d > date__mdays(p->y, p->m)) {
        p->d = date__mdays(p->y, p->m);
    }
}

void date__add_secs(dpt *p, long n)
{
    long t = (long)(p->H < 0 ? 0 : p->H) * 3600 + (p->M < 0 ? 0 : p->M) * 60 +
             (p->S < 0 ? 0 : p->S) + n;
    long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    t -= days * 86400;
    p->H = (int)(t / 3600);
    p->M = (int)(t / 60 % 60);
    p->S = (int)(t % 60);
    if (p->y >= 0 && p->m > 0 && p->d > 0 && days != 0) {
        date__add_days(p, days);
    }
}

// Appends the n bytes of x at out[at] as snprintf(out + at, ZN_DATE_VALUE_MAX - at, ...)
// would (at < ZN_DATE_VALUE_MAX): cut at the end of the value, NUL-terminated; returns at
// + n, where the whole text would end.
static size_t append(char *out, size_t at, const char *x, size_t n)
{
    size_t room = ZN_DATE_VALUE_MAX - 1 - at;
    size_t k = n < room ? n : room;
    memcpy(out + at, x, k);
    out[at + k] = '\0';
    return at + n;
}

// Writes v >= 0 in at least `width` digits (leading zeros) at buf; returns the length.
static size_t digits(char *buf, long long v, int width)
{
    char rev[24];
    int k = 0;
    do {
        rev[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    while (k < width) {
        rev[k++] = '0';
    }
    for (int j = 0; j < k; j++) {
        buf[j] = rev[k - 1 - j];
    }
    return (size_t)k;
}

// A field: the separator `sep` (none when 0), then v in `width` digits at least ("%04d",
// "-%02d" …), or as many X for an unknown one. Written by hand: snprintf was half the
// finder's cost per date found.
static size_t put(char *out, size_t at, char sep, int width, int v, bool known)
{
    if (at >= ZN_DATE_VALUE_MAX) {
        return at;
    }
    char buf[32];
    size_t n = 0;
    if (sep != 0) {
        buf[n++] = sep;
    }
    if (!known) {
        memset(buf + n, 'X', (size_t)width);
        n += (size_t)width;
    } else if (v >= 0) {
        n += digits(buf + n, v, width);
    } else {
        int k = snprintf(buf + n, sizeof buf - n, "%0*d", width, v);
        n += k > 0 ? (size_t)k : 0;
    }
    return append(out, at, buf, n);
}

static size_t point(const dpt *p, char *out, size_t at)
{
    bool has_date = p->y >= 0 || p->m > 0 || p->d > 0;
    bool clock = p->H >= 0; // 10分鐘後 without a reference: XXXX-XX-XXTXX:XX
    if (p->prec >= PR_YEAR && (has_date || p->prec <= PR_DAY || !clock)) {
        at = put(out, at, 0, 4, p->y, p->y >= 0);
        if (p->prec >= PR_MONTH) {
            at = put(out, at, '-', 2, p->m, p->m > 0);
        }
        if (p->prec >= PR_DAY) {
            at = put(out, at, '-', 2, p->d, p->d > 0);
        }
    }
    if (p->prec >= PR_HOUR) {
        at = put(out, at, 'T', 2, p->H, clock);
        if (p->prec >= PR_MINUTE) {
            at = put(out, at, ':', 2, p->M < 0 ? 0 : p->M, clock);
        }
        if (p->prec >= PR_SECOND) {
            at = put(out, at, ':', 2, p->S < 0 ? 0 : p->S, clock);
        }
        if (p->tz != DATE_NO_TZ && at < ZN_DATE_VALUE_MAX) {
            int a = p->tz < 0 ? -p->tz : p->tz;
            int n = p->tz == 0 ? snprintf(out + at, ZN_DATE_VALUE_MAX - at, "Z")
                               : snprintf(out + at, ZN_DATE_VALUE_MAX - at, "%c%02d:%02d",
                                          p->tz < 0 ? '-' : '+', a / 60, a % 60);
            at = n < 0 ? at : at + (size_t)n;
        }
    }
    return at;
}

static size_t duration(const double *du, char *out, size_t at)
{
    static const char units[DU_N] = {'Y', 'M', 'W', 'D', 'H', 'M', 'S'};
    bool any = false;
    at = append(out, at, "P", 1);
    for (int k = 0; k < DU_N && at < ZN_DATE_VALUE_MAX; k++) {
        if (du[k] == 0) {
            continue;
        }
        if (k >= DU_H && !any) {
            at = append(out, at, "T", 1);
        }
        if (k >= DU_H) {
            any = true;
        }
        double v = du[k];
        char buf[ZN_DATE_VALUE_MAX]; // append copies at most ZN_DATE_VALUE_MAX - 1 bytes
        int n;
        if (fabs(v - floor(v)) < 1e-9 && v >= 0 && v < 1e15) {
            // "%.0f" of a whole number (within 1e-9 above it), by hand as in put
            n = (int)digits(buf, (long long)floor(v), 1);
            buf[n++] = units[k];
        } else {
            n = fabs(v - floor(v)) < 1e-9 ? snprintf(buf, sizeof buf, "%.0f%c", v, units[k])
                                          : snprintf(buf, sizeof buf, "%g%c", v, units[k]);
        }
        at = n < 0 ? at : append(out, at, buf, (size_t)n);
    }
    if (at == 1) {
        at = append(out, at, "T0S", 3);
    }
    return at < ZN_DATE_VALUE_MAX ? at : ZN_DATE_VALUE_MAX - 1;
}

void date__format(const dval *v, char *out)
{
    size_t at = 0;
    out[0] = '\0';
    switch (v->kind) {
    case DV_POINT:
        if (v->weekday > 0 && v->a.y < 0 && v->a.m < 0 && v->a.d < 0 && v->a.H < 0) {
            snprintf(out, ZN_DATE_VALUE_MAX, "XXXX-WXX-%d", v->weekday);
            return;
        }
        point(&v->a, out, 0);
        return;
    case DV_SPAN:
        at = v->open_a ? (size_t)snprintf(out, ZN_DATE_VALUE_MAX, "..") : point(&v->a, out, 0);
        if (at + 1 < ZN_DATE_VALUE_MAX) {
            out[at++] = '/';
            out[at] = '\0';
        }
        if (v->open_b) {
            snprintf(out + at, ZN_DATE_VALUE_MAX - at, "..");
        } else {
            point(&v->b, out, at);
        }
        return;
    case DV_DURATION:
        duration(v->du, out, 0);
        return;
    case DV_DUR_SPAN:
        at = duration(v->du, out, 0);
        if (at + 4 < ZN_DATE_VALUE_MAX) {
            out[at++] = '/';
            out[at] = '\0';
            if (v->open_b) {
                snprintf(out + at, ZN_DATE_VALUE_MAX - at, "..");
            } else {
                duration(v->du2, out, at);
            }
        }
        return;
    default:
        return;
    }
}

void date__pt_clear(dpt *p)
{
    p->y = p->m = p->d = p->H = p->M = p->S = -1;
    p->prec = PR_NONE;
    p->tz = DATE_NO_TZ;
}

static zn_date_granularity gran_of(int prec)
{
    if (prec >= PR_HOUR) {
        return ZN_DATE_TIME;
    }
    if (prec == PR_DAY) {
        return ZN_DATE_DAY;
    }
    if (prec == PR_MONTH) {
        return ZN_DATE_MONTH;
    }
    return ZN_DATE_YEAR;
}

void date__val_point(dval *v, const dpt *p)
{
    memset(v, 0, sizeof *v);
    v->kind = DV_POINT;
    v->a = *p;
    date__pt_clear(&v->b);
    v->gran = gran_of(p->prec);
}

void date__val_span(dval *v, const dpt *a, const dpt *b, zn_date_granularity g)
{
    memset(v, 0, sizeof *v);
    v->kind = DV_SPAN;
    v->a = *a;
    v->b = *b;
    v->gran = g;
}

void date__solar_term(int y, int k, int *m, int *d)
{
    // [Y * 0.2422 + C] - L with Y the year in its century and L its leap days so far;
    // C per term for the 21st and the 20th century.
    static const double c21[24] = {5.4055, 20.12,  3.87,   18.73,  5.63,   20.646,
                                   4.81,   20.1,   5.52,   21.04,  5.678,  21.37,
                                   7.108,  22.83,  7.5,    23.13,  7.646,  23.042,
                                   8.318,  23.438, 7.438,  22.36,  7.18,   21.94};
    static const double c20[24] = {6.11,   20.84,  4.6295, 19.4599, 6.3826, 21.4155,
                                   5.59,   20.888, 6.318,  21.86,   6.5,    22.2,
                                   7.928,  23.65,  8.35,   23.95,   8.44,   23.822,
                                   9.098,  24.218, 8.218,  23.08,   7.9,    22.6};
    int yy = y % 100;
    const double *cc = y >= 2001 && y <= 2100 ? c21 : c20;
    int leap = k < 4 ? (yy - 1) / 4 : yy / 4; // January and February count the leap day late
    if (yy == 0 && k < 4) {
        leap = 0;
    }
    *m = k / 2 + 1;
    *d = (int)(yy * 0.2422 + cc[k]) - leap;
}
