/* SPDX-License-Identifier: MIT
 * zn_dates_find: scans the folded text left to right, takes the longest expression at each
 * place it may start, and keeps the last date found for the anaphora (當日, 次日, 同年). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "extract/date_priv.h"
#include "extract/valid_text.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

void zn_date_list_init(zn_date_list *list)
{
    list->items = NULL;
    list->count = 0;
    list->cap = 0;
}

void zn_date_list_clear(zn_date_list *list)
{
    if (list == NULL) {
        return;
    }
    zn__free(list->items);
    zn_date_list_init(list);
}

void zn_date_options_init(zn_date_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->ref_year = opts->ref_month = opts->ref_day = -1;
    opts->ref_hour = opts->ref_minute = opts->ref_second = -1;
    opts->region = ZN_DATE_REGION_AUTO;
}

const char *zn_date_granularity_name(zn_date_granularity g)
{
    static const char *const names[] = {"year", "quarter",  "month",    "week", "day",
                                        "time", "range",    "duration", "vague"};
    return (unsigned)g < sizeof names / sizeof names[0] ? names[g] : "unknown";
}

const char *zn_date_source_name(zn_date_source s)
{
    static const char *const names[] = {"explicit", "reference", "context"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "unknown";
}

// Reads `digits` digits at s[*i] (exactly), or fails.
static bool field(const char *s, size_t len, size_t *i, int digits, int *out)
{
    int v = 0;
    for (int k = 0; k < digits; k++) {
        if (*i >= len || s[*i] < '0' || s[*i] > '9') {
            return false;
        }
        v = v * 10 + (s[(*i)++] - '0');
    }
    *out = v;
    return true;
}

static bool sep(const char *s, size_t len, size_t *i, const char *allowed)
{
    if (*i < len && s[*i] != '\0' && strchr(allowed, s[*i]) != NULL) {
        (*i)++;
        return true;
    }
    return false;
}

zn_status zn_date_options_set_ref(zn_date_options *opts, const char *text, size_t len,
                                  zn_error *err)
{
    int f[6] = {-1, -1, -1, -1, -1, -1};
    static const int widths[6] = {4, 2, 2, 2, 2, 2};
    static const char *const seps[6] = {"", "-", "-", " T", ":", ":"};
    size_t i = 0;
    int n = 0;
    if (text != NULL) {
        while (n < 6 && i < len) {
            if (n > 0 && !sep(text, len, &i, seps[n])) {
                break;
            }
            if (!field(text, len, &i, widths[n], &f[n])) {
                n = -1;
                break;
            }
            n++;
        }
        // a fraction of a second is allowed and ignored: 08:09:10.011
        if (n == 6 && i < len && text[i] == '.') {
            for (i++; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
            }
        }
    }
    bool ok = text != NULL && n > 0 && i == len &&
              (n < 2 || (f[1] >= 1 && f[1] <= 12)) &&
              (n < 3 || date__valid(f[0], f[1], f[2])) && (n < 4 || f[3] <= 23) &&
              (n < 5 || f[4] <= 59) && (n < 6 || f[5] <= 60);
    if (!ok) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG,
                             "'%.*s' is not a reference date (YYYY-MM-DD[ HH:MM:SS])",
                             (int)(text != NULL && len < 64 ? len : 0), text ? text : "");
    }
    opts->ref_year = f[0];
    opts->ref_month = f[1];
    opts->ref_day = f[2];
    opts->ref_hour = f[3];
    opts->ref_minute = f[4];
    opts->ref_second = f[5];
    return ZN_OK;
}

// The reference as a point; false when the options hold an impossible one.
static bool ref_point(const zn_date_options *o, dpt *p)
{
    date__pt_clear(p);
    if (o->ref_year < 0) {
        return true;
    }
    int v[6] = {o->ref_year, o->ref_month, o->ref_day, o->ref_hour, o->ref_minute,
                o->ref_second};
    static const int max[6] = {9999, 12, 31, 23, 59, 60};
    static const int precs[6] = {PR_YEAR, PR_MONTH, PR_DAY, PR_HOUR, PR_MINUTE, PR_SECOND};
    for (int k = 0; k < 6 && v[k] >= 0; k++) {
        if (v[k] > max[k] || (k == 1 && v[k] < 1) || (k == 2 && !date__valid(v[0], v[1], v[2]))) {
            return false;
        }
        p->prec = precs[k];
    }
    p->y = o->ref_year;
    p->m = p->prec >= PR_MONTH ? o->ref_month : -1;
    p->d = p->prec >= PR_DAY ? o->ref_day : -1;
    p->H = p->prec >= PR_HOUR ? o->ref_hour : -1;
    p->M = p->prec >= PR_MINUTE ? o->ref_minute : -1;
    p->S = p->prec >= PR_SECOND ? o->ref_second : -1;
    return true;
}

// May a number at i start an expression? A word may (七夕, 五一), else what follows the
// number must: a character some date word starts with (年 月 天 個 至 …), 几, anything
// ASCII (2018-06-12, 10:30, 6 點, 3~5天) or the end. 一些 兩岸 統一 start nothing, nor
// does what date__num reads as no number (百年 千方百計 萬里: the parsers read numerals
// through it alone).
static bool number_may_start(const dtext *t, size_t i, bool vague)
{
    if (date__may_start_at(t, i, vague)) {
        return true;
    }
    int alone = date__num_alone(t, i);
    dnum n;
    if (alone == 0 || (alone < 0 && !date__num(t, i, &n))) {
        return false;
    }
    size_t end = alone > 0 ? i + 1 : n.end;
    if (end >= t->n) {
        return true;
    }
    uint32_t next = t->cp[end];
    // a point after figures goes on with a figure (2018.6.12, 1.5天): 1. 2. number a list
    if (next == '.') {
        return end + 1 < t->n && date__is_digit(t->cp[end + 1]);
    }
    // ） closes a number only in 今（20）日, read from 今: 1） 2） number a list
    return next != 0xFF09 && date__may_follow(t, end);
}

// May an expression start at i, a candidate of date__next_candidate? Not inside a number
// or a Latin word. (The candidates leave out the characters that only follow something:
// 的 个 天, TAIL_ONLY of tools/date_starts.py.)
static bool can_start(const dtext *t, size_t i, bool vague)
{
    uint32_t c = t->cp[i];
    if (c < 0x80 && !date__is_digit(c)) {
        return false;
    }
    // 几 (a few) starts counts: 几天前
    if (!date__is_digit(c) && !date__is_cjk_digit(c) && c != 0x51E0 &&
        !date__may_start_at(t, i, vague)) {
        return false;
    }
    uint32_t p = i > 0 ? t->cp[i - 1] : 0;
    if (p == 0x7B2C && (date__is_digit(c) || date__is_cjk_digit(c))) {
        return false; // 第一天 第3年: an ordinal, not a count
    }
    if (date__is_digit(c)) {
        return !date__is_digit(p) && p != '.' && !((p | 0x20) >= 'a' && (p | 0x20) <= 'z') &&
               number_may_start(t, i, vague);
    }
    if (date__is_cjk_digit(c)) {
        return !date__is_cjk_digit(p) && !date__is_digit(p) && number_may_start(t, i, vague);
    }
    return true;
}

static zn_status push(zn_date_list *out, const dtext *t, size_t base, size_t i, size_t e,
                      const dval *v)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        zn_date *items = zn__reallocarray(out->items, cap, sizeof *items);
        if (items == NULL) {
            return ZN_ERR_NOMEM;
        }
        out->items = items;
        out->cap = cap;
    }
    zn_date *d = &out->items[out->count++];
    d->start = base + t->off[i];
    d->end = base + t->off[e];
    d->granularity = v->gran;
    d->resolved_from = v->src;
    date__format(v, d->value);
    return ZN_OK;
}

#define PIECE_BYTES 65536

// End of the piece starting at `at`: just after the first line break past PIECE_BYTES
// (or the text's end when there is none).
static size_t piece_end(const char *text, size_t len, size_t at)
{
    if (len - at <= PIECE_BYTES) {
        return len;
    }
    const char *nl = memchr(text + at + PIECE_BYTES, '\n', len - at - PIECE_BYTES);
    return nl != NULL ? (size_t)(nl - text) + 1 : len;
}

// True when the last date is a bare year that ends at i or just before it, with only a
// comma or spaces between: "2014年，3月5日" names 5 March 2014.
static bool year_just_before(const dctx *c, size_t i)
{
    if (c->last.prec != PR_YEAR || c->last.y < 0 || c->last_end > i) {
        return false;
    }
    if (i == c->last_end + 1 && c->t->cp[c->last_end] == 0x7684) { // 的
        return true; // 2020年的春節, 前年的12月: the year of what follows
    }
    for (size_t k = c->last_end; k < i; k++) {
        uint32_t ch = c->t->cp[k];
        if (ch != ',' && ch != ' ' && ch != 0xFF0C && ch != 0x3000) {
            return false;
        }
    }
    return i - c->last_end <= 3;
}

// True when the text [i, e) is said again right after itself (六月六月中旬, 明天明天).
static bool repeated(const dtext *t, size_t i, size_t e)
{
    size_t n = e - i;
    return e + n <= t->n && memcmp(t->cp + i, t->cp + e, n * sizeof *t->cp) == 0;
}

// Scans one piece of the text (starting at byte `base` of the whole).
static zn_status scan(dctx *c, size_t base, zn_date_list *out)
{
    const dtext *t = c->t;
    c->last_end = SIZE_MAX;
    for (size_t i = date__next_candidate(t, 0); i < t->n; i = date__next_candidate(t, i + 1)) {
        if (!can_start(t, i, c->o->vague)) {
            continue;
        }
        c->year_next = year_just_before(c, i);
        dval v;
        memset(&v, 0, sizeof v);
        size_t e = date__expr(c, i, &v);
        if (e == i && c->o->vague) {
            e = date__vague(c, i, &v);
        }
        if (e == i) {
            continue;
        }
        if (repeated(t, i, e)) {
            i = e - 1; // 六月六月中旬: a word said twice; the second, fuller one is the date
            continue;
        }
        size_t from = i;
        if (c->year_next && v.src == ZN_DATE_CONTEXT && v.a.y == c->last.y && out->count > 0) {
            // 2014年，3月5日 is one date written in two pieces: it replaces the bare year
            from = c->last_start;
            v.src = out->items[--out->count].resolved_from;
        }
        if (push(out, t, base, from, e, &v) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        if ((v.kind == DV_POINT || v.kind == DV_SPAN) && !v.open_a && v.a.prec >= PR_YEAR) {
            c->last = v.a;
            c->last_start = from;
            c->last_end = e;
        }
        i = e - 1;
    }
    return ZN_OK;
}

static zn_status find(const char *text, size_t len, const zn_date_options *opts, bool valid,
                      zn_date_list *out, zn_error *err)
{
    if (out == NULL || (text == NULL && len > 0)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "dates: no text or no list given");
    }
    out->count = 0;
    if (!valid && len > 0 && !zn__utf8_is_valid(text, len)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "dates: text is not valid UTF-8 (byte %zu)",
                             zn__utf8_valid_prefix(text, len));
    }
    zn_date_options defaults;
    if (opts == NULL) {
        zn_date_options_init(&defaults);
        opts = &defaults;
    }
    dctx c;
    memset(&c, 0, sizeof c);
    c.o = opts;
    date__pt_clear(&c.last);
    if (!ref_point(opts, &c.ref)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "dates: the reference %d-%d-%d is no date",
                             opts->ref_year, opts->ref_month, opts->ref_day);
    }
    // A long text goes in pieces that end at a line break (no expression crosses one), so the
    // working memory stays near 20 bytes per byte of one piece; the context carries over.
    size_t at = 0;
    while (at < len) {
        size_t end = piece_end(text, len, at);
        dtext t;
        if (date__text_init(&t, text + at, end - at) != ZN_OK) {
            out->count = 0;
            return zn__error_nomem(err, "dates");
        }
        c.t = &t;
        zn_status st = scan(&c, at, out);
        date__text_clear(&t);
        if (st != ZN_OK) {
            out->count = 0;
            return zn__error_nomem(err, "dates");
        }
        at = end;
    }
    return ZN_OK;
}

zn_status zn_dates_find(const char *text, size_t len, const zn_date_options *opts,
                        zn_date_list *out, zn_error *err)
{
    return find(text, len, opts, false, out, err);
}

zn_status zn__dates_find_valid(const char *text, size_t len, const zn_date_options *opts,
                               zn_date_list *out, zn_error *err)
{
    return find(text, len, opts, true, out, err);
}
