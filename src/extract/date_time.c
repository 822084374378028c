/* SPDX-License-Identifier: MIT
 * Time of day: parts of the day (上午, 晚間, 凌晨), clock times written with 點/時 (下午三點半,
 * 8時35分, 20時1刻) or a colon (10:30, 3:00pm), and a time zone after an ISO time. */
#include <string.h>

#include "extract/date_priv.h"

typedef struct part_word {
    const char *w;
    int part;
    bool alone; /* a time by itself, without a day or an hour */
} part_word;

// 晏昼 下昼 朝早 朝头早 上昼 挨晚 晚黑 are Cantonese (afternoon, afternoon, morning,
// morning, morning, dusk, evening).
static const part_word parts[] = {
    {"凌晨", PD_DAWN, true},     {"黎明", PD_DAYBREAK, false}, {"拂晓", PD_DAYBREAK, false},
    {"清晨", PD_MORNING, true},  {"早晨", PD_MORNING, true},   {"早上", PD_MORNING, true},
    {"朝早", PD_MORNING, true},  {"早间", PD_MORNING, true},   {"早", PD_MORNING, false},
    {"上昼", PD_AM, true},       {"朝头早", PD_MORNING, true}, {"挨晚", PD_DUSK, true},
    {"晚黑", PD_EVENING, true},
    {"上午", PD_AM, true},       {"中午", PD_NOON, true},      {"午间", PD_NOON, true},
    {"正午", PD_NOON, true},     {"晌午", PD_NOON, true},      {"下午", PD_PM, true},
    {"午后", PD_PM, false},      {"下昼", PD_PM, true},        {"晏昼", PD_PM, true},
    {"傍晚", PD_DUSK, true},     {"黄昏", PD_DUSK, false},     {"晚上", PD_EVENING, true},
    {"晚间", PD_EVENING, true},  {"夜晚", PD_EVENING, true},   {"晚", PD_EVENING, false},
    {"夜里", PD_NIGHT, true},    {"夜间", PD_NIGHT, true},     {"深夜", PD_NIGHT, true},
    {"半夜", PD_MIDNIGHT, true}, {"午夜", PD_MIDNIGHT, true},  {"白天", PD_DAYTIME, true},
    {"日间", PD_DAYTIME, false}, {NULL, PD_NONE, false},
};

// First and last hour of each part of the day, in the order of the PD_ constants.
static const int part_hours[][2] = {
    {0, 5}, {4, 6}, {6, 9}, {7, 11}, {11, 13}, {13, 17}, {17, 19}, {18, 23}, {20, 23},
    {23, 23}, {6, 18},
};

// Index in parts of the longest part-of-day word at i (*end after it), or -1.
static int part_at(const dctx *c, size_t i, size_t *end)
{
    if (!date__gate(c->t, i, DATE_LIST_time_parts)) {
        return -1;
    }
    int best = -1;
    size_t best_end = i;
    dlead lead = date__lead_at(c->t, i);
    for (int k = 0; parts[k].w != NULL; k++) {
        size_t e;
        if (date__at_lead(c->t, i, &lead, parts[k].w, &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    *end = best_end;
    return best;
}

bool date__part_word(const dctx *c, size_t i, bool alone, int *part, size_t *end)
{
    size_t e;
    int k = part_at(c, i, &e);
    if (k < 0 || (alone && !parts[k].alone)) {
        return false;
    }
    *part = parts[k].part;
    *end = e;
    return true;
}

static int adjust(int part, int h)
{
    switch (part) {
    case PD_DAWN:
        return h == 12 ? 0 : h; // 凌晨12點 is midnight
    case PD_PM:
    case PD_DUSK:
        return h < 12 ? h + 12 : h;
    case PD_EVENING:
        return h >= 5 && h <= 12 ? h + 12 : h; // 晚上12點 is midnight (24)
    case PD_NIGHT:
    case PD_MIDNIGHT:
        return h >= 6 && h < 12 ? h + 12 : (h == 12 ? 0 : h);
    case PD_NOON:
        return h < 6 ? h + 12 : h;
    default:
        return h;
    }
}

typedef struct clock {
    int H, M, S;
} clock;

// A number that can be minutes or seconds after 點: 2 characters (30, 零九, 十五), 二十 to
// 五十九 in Chinese, or a number with its unit.
static bool minutes(const dtext *t, size_t i, const char *unit, int *out, size_t *end)
{
    dnum n;
    if (!date__num(t, i, &n) || n.approx || n.v > 59 || n.v != (int)n.v) {
        return false;
    }
    size_t e;
    if (date__at(t, n.end, unit, &e)) {
        *out = (int)n.v;
        *end = e;
        return true;
    }
    bool meridiem_next = n.end + 1 < t->n && ((t->cp[n.end] | 0x20) == 'a' ||
                                              (t->cp[n.end] | 0x20) == 'p') &&
                         (t->cp[n.end + 1] | 0x20) == 'm';
    // 30 零九 十五, and 四十五 (Chinese tens and units: three characters, 20 to 59)
    // Chinese minutes with 十 (十五 四十五) are never decimals, which go digit by digit
    // (三點四五): they need no soft end (八點四十五集合)
    bool tens = !n.arabic && !n.seq && n.v >= 10 && n.digits <= 3;
    if ((n.digits == 2 || tens) && strcmp(unit, "分") == 0 && !date__at(t, n.end, "秒", &e) &&
        (tens || date__soft_end(t, n.end) || meridiem_next)) {
        *out = (int)n.v;
        *end = n.end;
        return true;
    }
    return false;
}

// 差 after the hour: 9點差一刻 is 8:45, 10點差5分 9:55. False (k unchanged) when no
// quarter or minutes follow it.
static bool short_of(const dtext *t, size_t j, clock *k, size_t *end)
{
    if (j >= t->n || t->cp[j] != 0x5DEE || k->H < 1) { // 差 (a code point: not a word start)
        return false;
    }
    dnum m;
    int q = 0;
    if (date__num(t, j + 1, &m) && m.v >= 1 && m.v <= 3 && date__at(t, m.end, "刻", end)) {
        q = (int)m.v * 15;
    } else if (!minutes(t, j + 1, "分", &q, end)) {
        return false;
    }
    if (q < 1) {
        return false;
    }
    k->H -= 1;
    k->M = 60 - q;
    return true;
}

// 3點 十一點半 8時35分 20時1刻 1點30分29秒 5點多鐘 8點正; false for 七點八 (a decimal).
static size_t hour_words(const dtext *t, size_t i, bool spaced, clock *k)
{
    static const char *const marks[] = {"点钟", "点", "时", NULL};
    dnum n;
    size_t e;
    if (!date__num(t, i, &n) || n.approx || n.v > 24 || n.digits > 3 || n.v != (int)n.v) {
        return i;
    }
    // 晏晝 6 點: a space before the mark only after a part of the day (共 3 點 are points)
    size_t m_at = spaced && n.end < t->n && t->cp[n.end] == ' ' && n.arabic ? n.end + 1 : n.end;
    if (date__at_list(t, m_at, marks, DATE_LIST_time_marks, &e) < 0) {
        return i;
    }
    k->H = (int)n.v;
    size_t j = e;
    dnum m;
    int q;
    if (short_of(t, j, k, &e)) {
        return e;
    }
    // 十一點過五分: minutes past; 8點零5分: a 零 before figures
    bool past = j + 1 < t->n && t->cp[j] == 0x8FC7 && minutes(t, j + 1, "分", &q, &e);
    if (!past && j + 1 < t->n && t->cp[j] == 0x96F6 && date__is_digit(t->cp[j + 1])) {
        j++; // 零
    }
    if (past) {
        k->M = q;
        j = e;
    } else if (date__at(t, j, "半", &e)) {
        k->M = 30;
        j = e;
    } else if (date__num(t, j, &m) && m.end < t->n && date__at(t, m.end, "刻", &e) &&
               m.v >= 1 && m.v <= 3) {
        k->M = (int)m.v * 15;
        j = e;
    } else if (minutes(t, j, "分", &q, &e)) {
        k->M = q;
        j = e;
    } else if (date__num(t, j, &m)) {
        return i; // 二十七點三 is a number, not a time
    }
    if (minutes(t, j, "秒", &q, &e)) {
        k->S = q;
        if (k->M < 0) {
            k->M = 0;
        }
        j = e;
    }
    static const char *const tails[] = {"多钟", "钟", "整", "正", "许", "多", NULL};
    if (date__at_list(t, j, tails, DATE_LIST_time_tails, &e) >= 0) {
        j = e;
    }
    return j;
}

static bool two_digits(const dtext *t, size_t i)
{
    return i + 1 < t->n && date__is_digit(t->cp[i]) && date__is_digit(t->cp[i + 1]) &&
           (i + 2 >= t->n || !date__is_digit(t->cp[i + 2]));
}

// 10:30 9:05:07 (minutes and seconds written with two digits)
static size_t colon_time(const dtext *t, size_t i, clock *k)
{
    dnum h;
    if (!date__num(t, i, &h) || !h.arabic || h.digits > 2 || h.v > 24 || h.end + 1 >= t->n ||
        t->cp[h.end] != ':' || !two_digits(t, h.end + 1)) {
        return i;
    }
    size_t j = h.end + 1;
    k->H = (int)h.v;
    k->M = (int)((t->cp[j] - '0') * 10 + (t->cp[j + 1] - '0'));
    j += 2;
    if (j + 2 < t->n + 0 && t->cp[j] == ':' && two_digits(t, j + 1)) {
        k->S = (int)((t->cp[j + 1] - '0') * 10 + (t->cp[j + 2] - '0'));
        j += 3;
    }
    if (k->M > 59 || k->S > 60) {
        return i;
    }
    return j;
}

// am / pm / a.m. / p.m. after a time: 1 for pm, 0 for am, -1 none.
static int meridiem(const dtext *t, size_t i, size_t *end)
{
    static const char *const words[] = {"am", "AM", "a.m.", "pm", "PM", "p.m.", NULL};
    size_t j = i;
    if (j < t->n && t->cp[j] == ' ') {
        j++;
    }
    int k = date__at_any(t, j, words, end);
    if (k < 0 || (*end < t->n && ((t->cp[*end] | 0x20) >= 'a' && (t->cp[*end] | 0x20) <= 'z'))) {
        return -1;
    }
    return k >= 3;
}

// Z, +08:00, -0530 after an ISO time.
static size_t zone(const dtext *t, size_t i, int *tz)
{
    if (i < t->n && t->cp[i] == 'Z') {
        *tz = 0;
        return i + 1;
    }
    if (i >= t->n || (t->cp[i] != '+' && t->cp[i] != '-') || !two_digits(t, i + 1)) {
        return i;
    }
    int sign = t->cp[i] == '-' ? -1 : 1;
    int h = (int)((t->cp[i + 1] - '0') * 10 + (t->cp[i + 2] - '0'));
    size_t j = i + 3;
    int m = 0;
    if (j < t->n && t->cp[j] == ':') {
        j++;
    }
    if (j + 1 < t->n && date__is_digit(t->cp[j]) && date__is_digit(t->cp[j + 1])) {
        m = (int)((t->cp[j] - '0') * 10 + (t->cp[j + 1] - '0'));
        j += 2;
    }
    *tz = sign * (h * 60 + m);
    return j;
}

static void hours_span(const dpt *day, int part, dval *v)
{
    dpt a = *day;
    dpt b = *day;
    a.H = part_hours[part][0];
    b.H = part_hours[part][1];
    a.prec = b.prec = PR_HOUR;
    date__val_span(v, &a, &b, ZN_DATE_TIME);
    v->pod = part + 1;
}

// The usual hour of a part of the day said alone, in the order of the PD_ constants; -1
// keeps the span. Where the span's first hour is the hour people (and chrono's tests) give
// the part — 凌晨 0, 早上 6 — the span stays; noon, afternoon, evening and night are one
// hour: 中午 12, 下午 15, 晚上 22, 夜裡 22 (chrono's choices); 半夜 is 23 (its span is one hour).
static const int part_point[] = {-1, -1, -1, -1, 12, 15, -1, 22, 22, 23, -1};

void date__part_point(dval *v)
{
    if (v->kind != DV_SPAN || v->pod <= 0 || part_point[v->pod - 1] < 0) {
        return;
    }
    dpt p = v->a;
    p.H = part_point[v->pod - 1];
    zn_date_source src = v->src;
    date__val_point(v, &p);
    v->src = src;
}

// 24時, and 零時 of an evening (今晚零時, 晚上12點): the midnight that ends the day.
static void midnight(dpt *p, int pd, bool meridiem)
{
    bool evening = pd == PD_EVENING || pd == PD_NIGHT || pd == PD_MIDNIGHT;
    if (p->H != 24 && !(p->H == 0 && evening && !meridiem)) {
        return;
    }
    if (p->y >= 0 && p->m > 0 && p->d > 0) {
        p->H = 0;
        date__add_days(p, 1);
    } else if (p->M > 0) {
        p->H = 0; // 晚上12點半 of an unknown day: 00:30 (24:30 is no time)
    }
}

size_t date__time(dctx *c, size_t i, const dpt *day, int part, dval *v)
{
    const dtext *t = c->t;
    size_t j = i;
    size_t e;
    int pd = part;
    int word = part_at(c, j, &e); // one look: a word alone or not (parts[].alone)
    bool strong = word >= 0 && parts[word].alone;
    if (word >= 0) {
        pd = parts[word].part;
        j = e;
        if (j + 1 < t->n && t->cp[j] == ' ' && date__is_digit(t->cp[j + 1])) {
            j++; // 晏晝 6 點 (Hong Kong texts put spaces around figures)
        }
    }
    clock k = {-1, -1, -1};
    e = colon_time(t, j, &k);
    if (e == j) {
        e = hour_words(t, j, j > i || c->spaced, &k);
    }
    if (e > j) {
        size_t am;
        int mer = meridiem(t, e, &am);
        if (mer >= 0) {
            e = am;
            k.H = mer == 1 && k.H < 12 ? k.H + 12 : (mer == 0 && k.H == 12 ? 0 : k.H);
        } else {
            k.H = adjust(pd, k.H);
        }
        dpt p = *day;
        p.H = k.H;
        p.M = k.M;
        p.S = k.S;
        p.prec = k.S >= 0 ? PR_SECOND : k.M >= 0 ? PR_MINUTE : PR_HOUR;
        midnight(&p, pd, mer >= 0);
        // A zone only after an ISO clock with seconds (08:15:30-05:30, 10:00:00Z): after
        // 10:30 or 6點30pm a dash starts the end of a range.
        if (p.prec == PR_SECOND && mer < 0 && e > j && t->cp[e - 1] < 0x80) {
            e = zone(t, e, &p.tz);
        }
        if (date__at(t, e, "左右", &j)) {
            e = j;
        }
        date__val_point(v, &p);
        return e;
    }
    if (pd == PD_NONE || (j == i && part == PD_NONE)) {
        return i;
    }
    if (j > i && !strong && day->prec < PR_DAY && part == PD_NONE) {
        return i; // 黎明 alone is more often a name than a time
    }
    hours_span(day, pd, v);
    return j;
}
