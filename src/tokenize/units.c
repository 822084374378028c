/* SPDX-License-Identifier: MIT
 * Numbers keep their units (the tokenizer's default): after the best path, a number and the
 * unit after it become one word (70位, 5年, 3万人, 5公里, 985高校), and so do the parts of a
 * date or time written in order (2018年6月12日, 10时30分). The bakeoff convention
 * (split_units) skips this pass, so both conventions share one segmentation. */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/utf8.h"

// Longest token looked at as a number, in characters.
#define MAX_CHARS 24

// What a token is to this pass.
typedef struct unit_view {
    uint32_t cp[MAX_CHARS];
    size_t n;        // characters (MAX_CHARS + 1: longer, nothing to join)
    bool number;     // a number: Arabic digits (with . or , inside) or Chinese numerals
    bool arabic;     // Arabic digits only
    int date_rank;   // a number + date unit (年 1, 月 2, 日 3, 时 4, 分 5, 秒 6), else 0
} unit_view;

static bool is_arabic(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static uint8_t cflags_of(const uint8_t *cflags, uint32_t cp)
{
    return cp < 65536 ? cflags[cp] : 0;
}

// Is cp[0..n) a number? Sets *arabic when it is all Arabic digits.
static bool is_number(const uint8_t *cflags, const uint32_t *cp, size_t n, bool *arabic)
{
    *arabic = n > 0;
    if (n == 0 || n > MAX_CHARS) {
        return false;
    }
    bool digit = false;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = cp[k];
        bool sep = (c == '.' || c == ',' || c == 0xFF0E) && k > 0 && k + 1 < n;
        *arabic &= is_arabic(c) || sep;
        if (is_arabic(c) || (cflags_of(cflags, c) & TOK_CF_DIGIT)) {
            digit = true;
        } else if (!sep && !(cflags_of(cflags, c) & TOK_CF_NUMERAL)) {
            return false;
        }
    }
    // 十 and 两 are numbers alone; 百 千 万 亿 alone are not (万一, 千万).
    return digit || n > 1 || cp[0] == 0x5341 || cp[0] == 0x4E24 || cp[0] == 0x5169;
}

static int unit_rank(uint32_t cp)
{
    switch (cp) {
    case 0x5E74: // 年
        return 1;
    case 0x6708: // 月
        return 2;
    case 0x65E5: // 日 号 號
    case 0x53F7:
    case 0x865F:
        return 3;
    case 0x65F6: // 时 時 点 點
    case 0x6642:
    case 0x70B9:
    case 0x9EDE:
        return 4;
    case 0x5206: // 分
        return 5;
    case 0x79D2: // 秒
        return 6;
    default:
        return 0;
    }
}

static void view(unit_view *v, const char *s, const zn_token *t, const uint8_t *cflags)
{
    size_t pos = t->start;
    v->n = 0;
    while (pos < t->end && v->n <= MAX_CHARS) {
        uint32_t c = zn__utf8_next(s, t->end, &pos);
        if (v->n < MAX_CHARS) {
            v->cp[v->n] = c;
        }
        v->n++;
    }
    v->number = is_number(cflags, v->cp, v->n, &v->arabic);
    v->date_rank = 0;
    bool arabic = false;
    if (v->n >= 2 && v->n <= MAX_CHARS && !v->number &&
        is_number(cflags, v->cp, v->n - 1, &arabic)) {
        v->date_rank = unit_rank(v->cp[v->n - 1]);
    }
}

// A unit after a number: a classifier, 人, or a date, time or magnitude character, a measure word
// of the lexicon (公里, 美元) or a noun that measures (世纪), or after a code number a common
// noun of the lexicon (985高校).
static bool is_unit_char(uint32_t cp, const uint8_t *cflags)
{
    return (cflags_of(cflags, cp) &
            (TOK_CF_CLASSIFIER | TOK_CF_DATE | TOK_CF_YEAR | TOK_CF_MAGNITUDE)) ||
           cp == 0x4EBA; // 人 counts people: 3万人
}

static bool is_approx_char(uint32_t cp)
{
    // 多 余 餘 几 幾: 300多位, 十几个
    return cp == 0x591A || cp == 0x4F59 || cp == 0x9918 || cp == 0x51E0 || cp == 0x5E7E;
}

// Nouns the lexicon tags n that measure like a classifier: 20世纪, 80年代, 24小时, 37摄氏度.
static const char *const measure_nouns[] = {
    "世纪", "世紀", "年代", "小时", "小時", "钟头", "鐘頭", "分钟", "分鐘", "秒钟", "秒鐘",
    "周年", "週年", "周岁", "週歲", "人次", "摄氏度", "攝氏度", "华氏度", "華氏度", "分贝", "分貝",
    "公分", "年度", "个月", "個月",
};

static bool is_measure_noun(const unit_view *b)
{
    char text[4 * MAX_CHARS + 1];
    size_t len = 0;
    if (b->n < 2 || b->n > 3) {
        return false;
    }
    for (size_t k = 0; k < b->n; k++) {
        len += zn__utf8_encode(b->cp[k], text + len);
    }
    text[len] = '\0';
    for (size_t k = 0; k < sizeof measure_nouns / sizeof *measure_nouns; k++) {
        if (strcmp(text, measure_nouns[k]) == 0) {
            return true;
        }
    }
    return false;
}

// A number that names rather than counts (985高校, 863项目, 206国道): three Arabic digits
// (a count names its classifier: 300位; a year before a noun modifies it: 2000 人文).
static bool is_code_number(const unit_view *a)
{
    return a->n == 3 && is_arabic(a->cp[0]) && is_arabic(a->cp[1]) && is_arabic(a->cp[2]);
}

static bool is_unit(const unit_view *b, const zn_token *t, const unit_view *a, bool approx,
                    const uint8_t *cflags)
{
    if (t->flags & (ZN_TOKEN_SPACE | ZN_TOKEN_PUNCT)) {
        return false;
    }
    if ((b->n == 1 && is_unit_char(b->cp[0], cflags)) ||
        (b->n == 2 &&
         (is_approx_char(b->cp[0]) || (cflags_of(cflags, b->cp[0]) & TOK_CF_MAGNITUDE)) &&
         is_unit_char(b->cp[1], cflags))) {
        return true; // 位, 年, 万; 多位 after 300, 万人 after 3.5
    }
    if (!(t->flags & ZN_TOKEN_IN_LEXICON)) {
        return false;
    }
    return (t->tag[0] == 'q' && t->tag[1] == '\0') || is_measure_noun(b) ||
           (!approx && t->tag[0] == 'n' && t->tag[1] == '\0' && is_code_number(a) &&
            !is_unit_char(b->cp[0], cflags));
}

static bool is_approx(const unit_view *v)
{
    return v->n == 1 && is_approx_char(v->cp[0]);
}

static void set_tag(zn_token *t, const char *tag)
{
    memset(t->tag, 0, sizeof t->tag);
    memcpy(t->tag, tag, strlen(tag));
}

// Does the token at p (valid UTF-8, lead byte >= 0x80) begin with a full-width digit or a
// Chinese numeral? Numerals are three-byte sequences.
static bool starts_number(const unsigned char *p, const uint8_t *cflags)
{
    if (p[0] < 0xE0 || p[0] >= 0xF0) {
        return false;
    }
    uint32_t cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
                  (p[2] & 0x3F);
    return is_arabic(cp) || (cflags[cp] & TOK_CF_NUMERAL);
}

// After a number and a magnitude (3.5 + 亿), a unit at items[u + 1] joins too (元): returns
// the index of the last token joined, and its view in *b.
static size_t after_magnitude(const char *s, const zn_token *items, size_t u, size_t count,
                              const unit_view *a, unit_view *b, const uint8_t *cflags)
{
    if (b->n != 1 || !(cflags_of(cflags, b->cp[0]) & TOK_CF_MAGNITUDE) || u + 1 >= count ||
        items[u + 1].start != items[u].end) {
        return u;
    }
    unit_view c;
    view(&c, s, &items[u + 1], cflags);
    if ((c.n == 1 && (cflags_of(cflags, c.cp[0]) & TOK_CF_MAGNITUDE)) ||
        !is_unit(&c, &items[u + 1], a, true, cflags)) {
        return u;
    }
    *b = c;
    return u + 1;
}

// How many tokens from items[k] join the number items[k] (1: none).
static size_t join_length(const char *s, const zn_token *items, size_t k, size_t count,
                          const uint8_t *cflags, const char **tag)
{
    const unsigned char *p = (const unsigned char *)s + items[k].start;
    if (p[0] < 0x80 ? p[0] < '0' || p[0] > '9' : !starts_number(p, cflags)) {
        return 1; // the common case: no number starts here
    }
    unit_view a;
    unit_view b = {.n = 0};
    view(&a, s, &items[k], cflags);
    if (!a.number && a.date_rank == 0) {
        return 1;
    }
    size_t m = k + 1;
    *tag = "t";
    while (m < count && items[m].start == items[m - 1].end) {
        view(&b, s, &items[m], cflags);
        if (a.date_rank > 0 && b.date_rank > a.date_rank) {
            a.date_rank = b.date_rank; // 2018年 + 6月 + 12日
            m++;
            continue;
        }
        break;
    }
    if (m > k + 1 || !a.number || m >= count || items[m].start != items[k].end) {
        return m - k;
    }
    size_t u = m;
    if (is_approx(&b) && u + 1 < count && items[u + 1].start == items[u].end) {
        u++;
        view(&b, s, &items[u], cflags);
    }
    if (!is_unit(&b, &items[u], &a, u > m, cflags)) {
        return 1;
    }
    u = after_magnitude(s, items, u, count, &a, &b, cflags);
    bool date = b.n == 1 && ((cflags_of(cflags, b.cp[0]) & TOK_CF_DATE) ||
                             (b.cp[0] == 0x5E74 && a.n == 4)); // 1998年, not 5年
    bool noun = b.n > 1 && items[u].tag[0] == 'n' && !is_approx_char(b.cp[0]) &&
                !(cflags_of(cflags, b.cp[0]) & TOK_CF_MAGNITUDE) && !is_measure_noun(&b);
    *tag = date ? "t" : noun ? items[u].tag : "m";
    return u + 1 - k;
}

void zn__tok_join_units(const char *s, zn_token_list *list, size_t first,
                        const uint8_t *cflags)
{
    zn_token *items = list->items;
    size_t out = first;
    for (size_t k = first; k < list->count;) {
        const char *tag = NULL;
        size_t n = join_length(s, items, k, list->count, cflags, &tag);
        if (n == 1 && out == k) {
            out++; // nothing joined yet: the token stays where it is
            k++;
            continue;
        }
        zn_token t = items[k];
        if (n > 1) {
            t.end = items[k + n - 1].end;
            t.flags = 0;
            char tag8[8] = {0};
            memcpy(tag8, tag, strnlen(tag, 7)); // tag may point into items[]
            set_tag(&t, tag8);
        }
        items[out++] = t;
        k += n;
    }
    list->count = out;
}
