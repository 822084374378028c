/* SPDX-License-Identifier: MIT
 * Byline recognition for the article parser: who wrote it, for which outlet, from where. */
#include "article/byline.h"

#include <string.h>

#include "util/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// News agencies and the "this paper" forms that open a byline.
static const char *const outlets[] = {
    "本報", "本报", "新華社", "新华社", "中央社", "中新社", "中新網", "中新网", "法新社",
    "路透社", "美聯社", "美联社", "共同社", "人民網", "人民网", "央視網", "央视网", "本刊",
    "本台", "本網", "本网",
};

// Role words: reporters (記者, 通訊員) and interns (實習生).
static const char *const reporter_roles[] = {"記者", "记者", "通訊員", "通讯员", "撰文"};
static const char *const intern_roles[] = {"實習生", "实习生"};

// Closing verbs: 報道 (reported), 電 (cabled) end a place; 訊 (news from) ends an outlet.
static const char *const place_verbs[] = {"報道", "报道", "報導", "报导", "電", "电"};
static const char *const outlet_verbs[] = {"專訊", "专讯", "電訊", "电讯", "訊", "讯"};

// Whole fields that name the author: 文／陳大文, 作者：李四.
static const char *const author_fields[] = {"文", "作者", "作者：", "撰稿"};

typedef struct field {
    size_t start;
    size_t end;
} field;

enum role { ROLE_NONE, ROLE_REPORTER, ROLE_INTERN };

// Field delimiters: spaces, slashes, brackets, the enumeration comma and colons.
static bool is_delim(uint32_t cp)
{
    return zn__cp_is_space(cp) || cp == '/' || cp == 0xFF0F || cp == 0x3001 || cp == 0xFF08 ||
           cp == 0xFF09 || cp == '(' || cp == ')' || cp == 0x3010 || cp == 0x3011 ||
           cp == 0xFF0C || cp == ',' || cp == 0xFF1A || cp == ':' || cp == '|' || cp == 0xFF5C ||
           cp == 0x3014 || cp == 0x3015; // 〔 〕
}

static size_t match_at(const char *s, size_t pos, size_t end, const char *const *words,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(words[i]);
        if (end - pos >= m && memcmp(s + pos, words[i], m) == 0) {
            return m;
        }
    }
    return 0;
}

static size_t match_suffix(const char *s, size_t start, size_t end, const char *const *words,
                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(words[i]);
        if (end - start >= m && memcmp(s + end - m, words[i], m) == 0) {
            return m;
        }
    }
    return 0;
}

// Finds a role word inside [pos, end); returns its offset or SIZE_MAX.
static size_t find_role(const char *s, size_t pos, size_t end, enum role *role, size_t *len)
{
    for (size_t p = pos; p < end; p++) {
        size_t m = match_at(s, p, end, intern_roles, COUNT(intern_roles));
        if (m > 0) {
            *role = ROLE_INTERN;
            *len = m;
            return p;
        }
        m = match_at(s, p, end, reporter_roles, COUNT(reporter_roles));
        if (m > 0) {
            *role = ROLE_REPORTER;
            *len = m;
            return p;
        }
    }
    return SIZE_MAX;
}

static bool is_date_char(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x6708 ||
           cp == 0x65E5 || cp == 0x5E74; // digits, 月 日 年
}

// Splits a trailing date (6月12日, 12日) off [start, *end): returns its start or SIZE_MAX.
static size_t split_date(const char *s, size_t start, size_t *end)
{
    size_t p = *end;
    size_t first = SIZE_MAX;
    bool digit = false;
    while (p > start) {
        size_t q = p;
        uint32_t cp = zn__utf8_prev(s, &q);
        if (!is_date_char(cp)) {
            break;
        }
        digit = digit || (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
        p = q;
        first = p;
    }
    if (first == SIZE_MAX || !digit) {
        return SIZE_MAX;
    }
    size_t date = first;
    *end = first;
    return date;
}

static size_t han_count(const char *s, size_t start, size_t end, bool *only_han)
{
    size_t n = 0;
    size_t p = start;
    *only_han = true;
    while (p < end) {
        uint32_t cp = zn__utf8_next(s, end, &p);
        if (zn__cp_is_han(cp)) {
            n++;
        } else if (cp != 0x00B7 && cp != 0x30FB) { // middle dots of transliterated names
            *only_han = false;
        }
    }
    return n;
}

static bool is_name(const char *s, size_t start, size_t end)
{
    bool only;
    size_t n = han_count(s, start, end, &only);
    return only && n >= 2 && (n <= 4 || zn__art_find(s + start, end - start, "·") != SIZE_MAX);
}

// Byte offset after the first `chars` code points from start.
static size_t advance(const char *s, size_t start, size_t end, size_t chars)
{
    size_t p = start;
    while (chars-- > 0 && p < end) {
        zn__utf8_next(s, end, &p);
    }
    return p;
}

static void add_name(art_byline *b, enum role role, size_t start, size_t end)
{
    zn_span *list = role == ROLE_INTERN ? b->interns : b->reporters;
    size_t *n = role == ROLE_INTERN ? &b->n_interns : &b->n_reporters;
    if (*n < ART_BYLINE_MAX_NAMES) {
        list[(*n)++] = (zn_span){start, end};
    }
}

typedef struct parse_state {
    art_byline *b;
    enum role role;
    bool role_has_name;
} parse_state;

// A field that follows a role word (or holds one): names, maybe place and date too.
static void take_rest(parse_state *ps, const char *s, size_t start, size_t end)
{
    art_byline *b = ps->b;
    size_t v = match_suffix(s, start, end, outlet_verbs, COUNT(outlet_verbs));
    if (v > 0 && ps->role == ROLE_NONE) {
        if (end - v > start && b->outlet.end == b->outlet.start) {
            b->outlet = (zn_span){start, end - v};
        }
        return;
    }
    size_t pv = match_suffix(s, start, end, place_verbs, COUNT(place_verbs));
    end -= pv;
    size_t date_end = end;
    size_t date = split_date(s, start, &end);
    if (date != SIZE_MAX) {
        b->date = (zn_span){date, date_end};
    }
    bool placeish = pv > 0 || date != SIZE_MAX;
    if (end <= start) {
        return;
    }
    bool only;
    size_t chars = han_count(s, start, end, &only);
    if (ps->role != ROLE_NONE && !ps->role_has_name) {
        // 張三北京 (name then place, no space): a name of 3 characters when 5 or more remain.
        size_t name_chars = placeish && chars >= 4 ? (chars >= 5 ? 3 : 2) : chars;
        size_t name_end = advance(s, start, end, name_chars);
        if (is_name(s, start, name_end)) {
            add_name(b, ps->role, start, name_end);
            ps->role_has_name = true;
            if (name_end < end && placeish) {
                b->place = (zn_span){name_end, end};
            }
        }
        return;
    }
    if (placeish && only && chars <= 8) {
        b->place = (zn_span){start, end};
    } else if (ps->role != ROLE_NONE && is_name(s, start, end)) {
        add_name(b, ps->role, start, end); // a further name after the first: 記者 張三 李四
    }
}

static void parse_field(parse_state *ps, const char *s, size_t start, size_t end)
{
    for (size_t i = 0; i < COUNT(author_fields); i++) {
        size_t m = strlen(author_fields[i]);
        if (end - start == m && memcmp(s + start, author_fields[i], m) == 0) {
            ps->role = ROLE_REPORTER;
            ps->role_has_name = false;
            return;
        }
    }
    size_t o = match_at(s, start, end, outlets, COUNT(outlets));
    if (o > 0) {
        ps->b->outlet = (zn_span){start, start + o};
        start += o;
    }
    enum role role;
    size_t rlen;
    size_t at = find_role(s, start, end, &role, &rlen);
    if (at != SIZE_MAX && at - start <= 9) {
        ps->role = role;
        ps->role_has_name = false;
        start = at + rlen;
    }
    if (start < end) {
        take_rest(ps, s, start, end);
    }
}

// True when the 電 at byte p closes a dateline: a date character (日, a digit) stands before it.
static bool ends_dateline(const char *s, size_t p)
{
    size_t q = p;
    return p > 0 && is_date_char(zn__utf8_prev(s, &q));
}

// Where a byline that opens a paragraph ends: after 電）/ 訊】 / the （記者…） group.
static size_t prefix_end(const art_line *l)
{
    size_t limit = l->len < 120 ? l->len : 120;
    static const char *const closers[] = {"電）", "电）", "電)", "电)", "訊】", "讯】", "報導】",
                                          "报导】", "報道】", "报道】", "報導〕", "报导〕",
                                          "報道〕", "报道〕", "報導）", "报导）", "報道）", "报道）"};
    for (size_t p = 0; p < limit; p++) {
        size_t m = match_at(l->s, p, l->len, closers, COUNT(closers));
        if (m > 0) {
            return p + m;
        }
        if (match_at(l->s, p, l->len, place_verbs + 4, 2) > 0 && p + 3 < l->len &&
            ends_dateline(l->s, p) &&
            (l->s[p + 3] == ' ' || (p + 6 <= l->len && memcmp(l->s + p + 3, "\u3000", 3) == 0))) {
            return p + 3; // 新华社北京2月5日电 正文…: the dateline ends at 电 and a space
        }
        if (match_at(l->s, p, l->len, place_verbs + 4, 2) > 0 && p + 3 < l->len &&
            ((p + 6 <= l->len && memcmp(l->s + p + 3, "（", 3) == 0) || l->s[p + 3] == '(')) {
            // 新華社北京6月12日電（記者 張三）: include the parenthesised credit.
            size_t close = zn__art_find(l->s + p, l->len - p, "）");
            size_t close2 = zn__art_find(l->s + p, l->len - p, ")");
            close = close < close2 ? close + 3 : close2 + 1;
            return close != SIZE_MAX && p + close <= limit + 60 ? p + close : 0;
        }
    }
    return 0;
}

static void parse_range(art_byline *b, const art_line *l, size_t end)
{
    parse_state ps = {b, ROLE_NONE, false};
    size_t pos = 0;
    size_t fstart = 0;
    while (pos < end) {
        size_t at = pos;
        uint32_t cp = zn__utf8_next(l->s, end, &pos);
        if (is_delim(cp)) {
            if (at > fstart) {
                parse_field(&ps, l->s, fstart, at);
            }
            fstart = pos;
        }
    }
    if (end > fstart) {
        parse_field(&ps, l->s, fstart, end);
    }
}

bool zn__art_byline_parse(const art_line *l, art_byline *out)
{
    memset(out, 0, sizeof *out);
    size_t end = 0;
    if (l->chars <= 50 && !l->ends_sentence && !l->sentence_punct) {
        end = l->len;
    } else {
        end = prefix_end(l);
    }
    if (end == 0) {
        return false;
    }
    parse_range(out, l, end);
    bool has_outlet = out->outlet.end > out->outlet.start;
    bool has_where = out->place.end > out->place.start || out->date.end > out->date.start;
    bool ok = out->n_reporters > 0 || out->n_interns > 0 || (has_outlet && end < l->len) ||
              (has_outlet && has_where);
    if (!ok) {
        memset(out, 0, sizeof *out);
        return false;
    }
    out->raw_end = end;
    return true;
}
