/* SPDX-License-Identifier: MIT
 * The day of a point expression: a number (12日, 十二號, a bare 12 after a month, 11號 in a
 * list of days), a word relative to the reference or to the date before (昨天, 聽日, 今晚,
 * 當日, 次日), 第三天, and Taiwan's 今（20）日. Folded spellings are matched. */
#include <stdint.h>

#include "extract/date_priv.h"

// 听日 琴日 寻日 (also written 噚日) are Cantonese (tomorrow, yesterday, yesterday), 听晚
// 琴晚 寻晚 their evenings, 听朝 琴朝 寻朝 their mornings; 噹日 is a corrupted 當日 (folded
// to 当日).
static const rword day_words[] = {
    {"今天", 0, false, PD_NONE},      {"今日", 0, false, PD_NONE},
    {"今儿", 0, false, PD_NONE},      {"本日", 0, false, PD_NONE},
    {"即日", 0, false, PD_NONE},
    {"明天", 1, false, PD_NONE},      {"明日", 1, false, PD_NONE},
    {"明儿", 1, false, PD_NONE},      {"听日", 1, false, PD_NONE},
    {"昨天", -1, false, PD_NONE},     {"昨日", -1, false, PD_NONE},
    {"昨儿", -1, false, PD_NONE},     {"琴日", -1, false, PD_NONE},
    {"寻日", -1, false, PD_NONE},     {"前天", -2, false, PD_NONE},
    {"前日", -2, false, PD_NONE},     {"后天", 2, false, PD_NONE},
    {"后日", 2, false, PD_NONE},      {"大前天", -3, false, PD_NONE},
    {"大前日", -3, false, PD_NONE},   {"大后天", 3, false, PD_NONE},
    {"大后日", 3, false, PD_NONE},    {"今晚", 0, false, PD_EVENING},
    {"今夜", 0, false, PD_NIGHT},     {"今早", 0, false, PD_MORNING},
    {"今晨", 0, false, PD_MORNING},   {"今朝", 0, false, PD_MORNING},
    {"明早", 1, false, PD_MORNING},   {"明晨", 1, false, PD_MORNING},
    {"明晚", 1, false, PD_EVENING},   {"昨晚", -1, false, PD_EVENING},
    {"昨夜", -1, false, PD_NIGHT},    {"昨早", -1, false, PD_MORNING},
    {"听晚", 1, false, PD_EVENING},   {"琴晚", -1, false, PD_EVENING},
    {"寻晚", -1, false, PD_EVENING},  {"噚日", -1, false, PD_NONE},
    {"噚晚", -1, false, PD_EVENING},  {"听朝", 1, false, PD_MORNING},
    {"琴朝", -1, false, PD_MORNING},  {"寻朝", -1, false, PD_MORNING},
    {"噚朝", -1, false, PD_MORNING},  {"今晚黑", 0, false, PD_EVENING},
    {"听晚黑", 1, false, PD_EVENING}, {"琴晚黑", -1, false, PD_EVENING},
    {"今午", 0, false, PD_NOON},      {"昨午", -1, false, PD_NOON},
    {"明午", 1, false, PD_NOON},      {"昨晨", -1, false, PD_MORNING},
    {"前晚", -2, false, PD_EVENING},  {"大前晚", -3, false, PD_EVENING},
    {"大后早", 3, false, PD_MORNING}, {"大后晚", 3, false, PD_EVENING},
    {"当天", 0, true, PD_NONE},       {"当日", 0, true, PD_NONE},
    {"同日", 0, true, PD_NONE},       {"同一天", 0, true, PD_NONE},
    {"该日", 0, true, PD_NONE},       {"当晚", 0, true, PD_EVENING},
    {"当夜", 0, true, PD_NIGHT},      {"次日", 1, true, PD_NONE},
    {"翌日", 1, true, PD_NONE},       {"隔天", 1, true, PD_NONE},
    {"隔日", 1, true, PD_NONE},       {"次晚", 1, true, PD_EVENING},
    {NULL, 0, false, PD_NONE},
};

// A 號 day right after a 號 day and a list mark: 9月10號，11號都休館 (the same month's
// 11th); after 9月10日，a 3號 stays a label (3號樓).
static bool listed_day(const dctx *c, size_t i)
{
    static const uint32_t marks[] = {0xFF0C, ',', 0x3001, 0x548C, 0x53CA, 0x4E0E, 0x6216};
    if (c->last_end == SIZE_MAX || c->last_end == 0 || c->last.d < 1 ||
        c->last_end + 1 != i || c->t->cp[c->last_end - 1] != 0x53F7) { // 号
        return false; // ，,、和及与或
    }
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        if (c->t->cp[c->last_end] == marks[k]) {
            return true;
        }
    }
    return false;
}

// A day number: 12日 十二號, or a bare 12 after a month when nothing else follows.
static size_t day_number(dctx *c, size_t i, pstate *s)
{
    const dtext *t = c->t;
    dnum n;
    if (!date__num(t, i, &n) || n.approx || n.v < 1 || n.v > 31 || n.digits > 3) {
        return i;
    }
    bool month = s->p.prec == PR_MONTH;
    size_t e = n.end;
    if (e < t->n && (t->cp[e] == 0x65E5 || t->cp[e] == 0x53F7)) { // 日 号
        if (!month && !n.arabic && n.v < 10) {
            return i; // 一日之計: a lone small Chinese day is rarely a date
        }
        bool hao = t->cp[e] == 0x53F7;
        e++;
        if (e < t->n && t->cp[e] == 0x5143) { // 元: 5日元 is yen
            return i;
        }
        if (hao && !month && !date__soft_end(t, e) && !date__may_start(t->cp[e]) &&
            !listed_day(c, i)) {
            return i; // 1號線 3號樓: a label, not a day
        }
    } else if (!month || !date__soft_end(t, e)) {
        return i;
    }
    s->p.d = (int)n.v;
    s->p.prec = PR_DAY;
    return e;
}

// A reference in the small hours (00:00:01 – 01:59:59): someone who says 明天 then has not
// slept yet and means the day that has begun. Midnight sharp is how a bare date is often
// written with a time, so it does not count.
static bool small_hours(const dpt *ref)
{
    return ref->prec >= PR_HOUR && ref->H <= 1 && (ref->H > 0 || ref->M > 0 || ref->S > 0);
}

// 今（20）日 昨（19）日 明(21)日: Taiwan news writes the day after the word for it. The
// day is the reference's neighbour; where the figure disagrees, the figure wins (in that
// month). Without a reference, the day alone.
static size_t paren_day(dctx *c, size_t i, pstate *s)
{
    static const char *const words[] = {"今(", "今（", "昨(", "昨（", "明(", "明（", NULL};
    static const int delta[] = {0, 0, -1, -1, 1, 1};
    const dtext *t = c->t;
    size_t e;
    int k = date__at_list(t, i, words, DATE_LIST_day_words, &e);
    dnum n;
    if (k < 0 || !date__num(t, e, &n) || n.approx || n.v < 1 || n.v > 31 || n.digits > 3) {
        return i;
    }
    size_t j = n.end;
    if (!date__at(t, j, ")", &e) && !date__at(t, j, "）", &e)) {
        return i;
    }
    if (e >= t->n || (t->cp[e] != 0x65E5 && t->cp[e] != 0x53F7)) { // 日 号
        return i;
    }
    s->rel = true;
    if (!date__rel_day(c, delta[k], false, &s->p, &s->src)) {
        date__pt_clear(&s->p);
        s->src = ZN_DATE_EXPLICIT;
    }
    if (s->p.d != (int)n.v && (s->p.y < 0 || date__valid(s->p.y, s->p.m, (int)n.v))) {
        s->p.d = (int)n.v;
    }
    s->p.prec = PR_DAY;
    return e + 1;
}

size_t date__day_part(dctx *c, size_t i, pstate *s)
{
    const dtext *t = c->t;
    size_t e;
    if (s->p.prec == PR_NONE) {
        e = paren_day(c, i, s);
        if (e > i) {
            return e;
        }
        int k = date__at_rword(t, i, day_words, DATE_LIST_day_day_words, &e);
        if (k >= 0) {
            s->rel = true;
            s->part = day_words[k].part;
            if (!date__rel_day(c, day_words[k].delta, day_words[k].ctx, &s->p, &s->src)) {
                s->p.prec = PR_DAY;
            } else if (day_words[k].delta == 1 && !day_words[k].ctx && small_hours(&c->ref)) {
                date__add_days(&s->p, -1);
                s->late = true;
            }
            return e;
        }
        dnum n;
        // 第三天: the third day counting today as the first
        if (date__at(t, i, "第", &e) && date__num(t, e, &n) && n.end < t->n &&
            (t->cp[n.end] == 0x5929) && n.v >= 1 && n.v < 1000) { // 天
            s->rel = true;
            s->need_time = true;
            if (!date__rel_day(c, (int)n.v - 1, false, &s->p, &s->src)) {
                s->p.prec = PR_DAY;
            }
            return n.end + 1;
        }
    }
    return day_number(c, i, s);
}
