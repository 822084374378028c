/* SPDX-License-Identifier: MIT
 * zn_article_parse: classify the lines of a plain-text article, then assemble the cleaned
 * text and the spans of its parts (second stage of the pipeline). */
#include "zhnews/article.h"

#include <string.h>

#include "article/classify.h"
#include "article/cues.h"
#include "article/title.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define MAX_TAGS 32

typedef struct builder {
    zn_article *a;
    const art_line *lines;
    size_t n;
    size_t *offset; /* text offset of each kept line */
} builder;

void zn_article_free(zn_article *a)
{
    if (a == NULL) {
        return;
    }
    for (size_t i = 0; i < a->n_sections; i++) {
        zn__free(a->sections[i].paragraphs);
    }
    for (size_t i = 0; i < a->n_boilerplate; i++) {
        zn__free(a->boilerplate[i]);
    }
    zn__free(a->sections);
    zn__free(a->boilerplate);
    zn__free(a->tags);
    zn__free(a->byline.reporters);
    zn__free(a->byline.interns);
    zn__free(a->text);
    zn__free(a);
}

static zn_span shift(zn_span s, size_t by)
{
    if (s.end == s.start) {
        return (zn_span){0, 0};
    }
    return (zn_span){s.start + by, s.end + by};
}

// The cleaned text: kept lines joined by "\n"; boilerplate lines are copied aside.
static zn_status build_text(builder *b)
{
    zn_article *a = b->a;
    size_t total = 0;
    size_t n_boiler = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (b->lines[i].kind == LINE_BOILERPLATE) {
            n_boiler++;
        } else {
            total += b->lines[i].len + 1;
        }
    }
    a->text = zn__malloc(total + 1);
    a->boilerplate = zn__calloc(n_boiler, sizeof *a->boilerplate);
    if (a->text == NULL || a->boilerplate == NULL) {
        return ZN_ERR_NOMEM;
    }
    size_t len = 0;
    for (size_t i = 0; i < b->n; i++) {
        const art_line *l = &b->lines[i];
        if (l->kind == LINE_BOILERPLATE) {
            char *copy = zn__strndup(l->s, l->len);
            if (copy == NULL) {
                return ZN_ERR_NOMEM;
            }
            a->boilerplate[a->n_boilerplate++] = copy;
            continue;
        }
        if (len > 0) {
            a->text[len++] = '\n';
        }
        b->offset[i] = len;
        memcpy(a->text + len, l->s, l->len);
        len += l->len;
    }
    a->text[len] = '\0';
    a->len = len;
    return ZN_OK;
}

static zn_status copy_spans(zn_span **out, size_t *n_out, const zn_span *from, size_t n,
                            size_t by)
{
    *n_out = 0;
    if (n == 0) {
        return ZN_OK;
    }
    *out = zn__calloc(n, sizeof **out);
    if (*out == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        (*out)[i] = shift(from[i], by);
    }
    *n_out = n;
    return ZN_OK;
}

static zn_status build_byline(builder *b, const art_classes *c)
{
    if (c->byline_line == SIZE_MAX) {
        return ZN_OK;
    }
    zn_byline *y = &b->a->byline;
    size_t off = b->offset[c->byline_line];
    y->raw = (zn_span){off, off + c->byline.raw_end};
    y->outlet = shift(c->byline.outlet, off);
    y->place = shift(c->byline.place, off);
    y->date = shift(c->byline.date, off);
    zn_status st = copy_spans(&y->reporters, &y->n_reporters, c->byline.reporters,
                              c->byline.n_reporters, off);
    if (st == ZN_OK) {
        st = copy_spans(&y->interns, &y->n_interns, c->byline.interns, c->byline.n_interns, off);
    }
    return st;
}

// Tag words from a 標籤： line, separated by spaces, 、 or commas.
static size_t split_tag_list(const art_line *l, size_t from, zn_span *tags, size_t max)
{
    size_t n = 0;
    size_t pos = from;
    size_t start = SIZE_MAX;
    while (pos <= l->len && n < max) {
        size_t at = pos;
        uint32_t cp = ' ';
        if (pos < l->len) {
            cp = zn__utf8_next(l->s, l->len, &pos);
        } else {
            pos++;
        }
        bool sep = zn__cp_is_space(cp) || cp == 0x3001 || cp == ',' || cp == 0xFF0C ||
                   cp == ';' || cp == 0xFF1B || cp == '|';
        if (sep && start != SIZE_MAX) {
            tags[n++] = (zn_span){start, at};
            start = SIZE_MAX;
        } else if (!sep && start == SIZE_MAX) {
            start = at;
        }
    }
    return n;
}

static zn_status build_head(builder *b, const art_classes *c)
{
    zn_article *a = b->a;
    zn_span tags[MAX_TAGS];
    size_t n_tags = 0;
    size_t tag_off = 0;
    if (c->title_line != SIZE_MAX) {
        size_t off = b->offset[c->title_line];
        size_t title_len = zn__art_split_tags(b->lines, b->n, c->title_line, tags, MAX_TAGS,
                                              &n_tags);
        a->title = (zn_span){off, off + title_len};
        tag_off = off;
    }
    if (n_tags == 0 && c->tags_line != SIZE_MAX) {
        const art_line *l = &b->lines[c->tags_line];
        n_tags = split_tag_list(l, zn__art_tags_line(l), tags, MAX_TAGS);
        tag_off = b->offset[c->tags_line];
    }
    zn_status st = copy_spans(&a->tags, &a->n_tags, tags, n_tags, tag_off);
    if (c->category_line != SIZE_MAX) {
        a->category = shift(c->category, b->offset[c->category_line]);
    }
    if (c->lead_heading_line != SIZE_MAX) {
        const art_line *l = &b->lines[c->lead_heading_line];
        size_t off = b->offset[c->lead_heading_line];
        size_t m = zn__art_lead_marker(l);
        size_t s = zn__art_starts_with(l, "【") ? 3 : (zn__art_starts_with(l, "[") ? 1 : 0);
        size_t e = m;
        while (e > s && (l->s[e - 1] == ':' || l->s[e - 1] == ']' ||
                         (e >= 3 && (memcmp(l->s + e - 3, "：", 3) == 0 ||
                                     memcmp(l->s + e - 3, "】", 3) == 0)))) {
            e -= l->s[e - 1] == ':' || l->s[e - 1] == ']' ? 1 : 3;
        }
        a->lead_heading = (zn_span){off + s, off + e};
        if (m < l->len) {
            a->lead = (zn_span){off + m, off + l->len};
        }
    }
    if (c->lead_line != SIZE_MAX) {
        size_t off = b->offset[c->lead_line];
        a->lead = (zn_span){off, off + b->lines[c->lead_line].len};
    }
    return st == ZN_OK ? build_byline(b, c) : st;
}

static zn_status build_sections(builder *b, const art_classes *c)
{
    zn_article *a = b->a;
    size_t n_sections = 0;
    size_t n_paragraphs = 0;
    bool open = false;
    for (size_t i = 0; i < b->n; i++) {
        line_kind k = b->lines[i].kind;
        if (k == LINE_HEADING || (k == LINE_PARAGRAPH && !open)) {
            n_sections++;
            open = true;
        }
        n_paragraphs += k == LINE_PARAGRAPH;
    }
    if (n_sections == 0) {
        return ZN_OK;
    }
    a->sections = zn__calloc(n_sections, sizeof *a->sections);
    zn_span *pool = zn__calloc(n_paragraphs ? n_paragraphs : 1, sizeof *pool);
    if (a->sections == NULL || pool == NULL) {
        zn__free(pool);
        return ZN_ERR_NOMEM;
    }
    // Each section gets its own array so that zn_article_free frees them one by one.
    zn_section *cur = NULL;
    size_t filled = 0;
    for (size_t i = 0; i < b->n; i++) {
        const art_line *l = &b->lines[i];
        size_t off = b->offset[i];
        if (l->kind == LINE_HEADING || (l->kind == LINE_PARAGRAPH && cur == NULL)) {
            cur = &a->sections[a->n_sections++];
            cur->paragraphs = NULL;
            if (l->kind == LINE_HEADING) {
                cur->heading = (zn_span){off, off + l->len};
            }
        }
        if (l->kind == LINE_PARAGRAPH) {
            size_t skip = i == c->byline_line ? c->byline.raw_end : 0;
            while (skip < l->len) { // the space after a dateline (…2月5日电 正文)
                size_t q = skip;
                if (!zn__cp_is_space(zn__utf8_next(l->s, l->len, &q))) {
                    break;
                }
                skip = q;
            }
            pool[filled++] = (zn_span){off + skip, off + l->len};
            cur->n_paragraphs++;
            a->n_paragraphs++;
        }
    }
    size_t used = 0;
    for (size_t s = 0; s < a->n_sections; s++) {
        zn_section *sec = &a->sections[s];
        size_t k = sec->n_paragraphs;
        sec->n_paragraphs = 0;
        if (k == 0) {
            continue;
        }
        sec->paragraphs = zn__calloc(k, sizeof *sec->paragraphs);
        if (sec->paragraphs == NULL) {
            zn__free(pool);
            return ZN_ERR_NOMEM;
        }
        memcpy(sec->paragraphs, pool + used, k * sizeof *pool);
        sec->n_paragraphs = k;
        used += k;
    }
    zn__free(pool);
    return ZN_OK;
}

static zn_status parse(zn_article **out, const char *shown, const char *s, size_t len,
                       bool first_is_title, zn_error *err)
{
    size_t n = 0;
    art_line *lines = zn__art_lines_split(s, len, &n);
    zn_article *a = zn__calloc(1, sizeof *a);
    size_t *offset = zn__calloc(n ? n : 1, sizeof *offset);
    zn_status st = lines == NULL || a == NULL || offset == NULL ? ZN_ERR_NOMEM : ZN_OK;
    if (st == ZN_OK) {
        art_classes c;
        zn__art_classify(lines, n, &c, first_is_title);
        builder b = {a, lines, n, offset};
        st = build_text(&b);
        if (st == ZN_OK) {
            st = build_head(&b, &c);
        }
        if (st == ZN_OK) {
            st = build_sections(&b, &c);
        }
    }
    zn__free(lines);
    zn__free(offset);
    if (st != ZN_OK) {
        zn_article_free(a);
        return zn__error_nomem(err, shown);
    }
    *out = a;
    return ZN_OK;
}

static zn_span remap(zn_span s, zn_offset_map_fn map, const void *ctx)
{
    if (s.start == s.end) {
        return s;
    }
    return (zn_span){map(ctx, s.start), map(ctx, s.end)};
}

static void remap_all(zn_span *spans, size_t n, zn_offset_map_fn map, const void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        spans[i] = remap(spans[i], map, ctx);
    }
}

void zn_article_retext(zn_article *a, char *new_text, size_t new_len, zn_offset_map_fn map,
                       const void *ctx)
{
    a->title = remap(a->title, map, ctx);
    a->category = remap(a->category, map, ctx);
    a->lead_heading = remap(a->lead_heading, map, ctx);
    a->lead = remap(a->lead, map, ctx);
    remap_all(a->tags, a->n_tags, map, ctx);
    zn_byline *y = &a->byline;
    y->raw = remap(y->raw, map, ctx);
    y->outlet = remap(y->outlet, map, ctx);
    y->place = remap(y->place, map, ctx);
    y->date = remap(y->date, map, ctx);
    remap_all(y->reporters, y->n_reporters, map, ctx);
    remap_all(y->interns, y->n_interns, map, ctx);
    for (size_t i = 0; i < a->n_sections; i++) {
        a->sections[i].heading = remap(a->sections[i].heading, map, ctx);
        remap_all(a->sections[i].paragraphs, a->sections[i].n_paragraphs, map, ctx);
    }
    zn__free(a->text);
    a->text = new_text;
    a->len = new_len;
}

zn_status zn_article_parse(zn_article **out, const char *name, const char *s, size_t len,
                           zn_error *err)
{
    return zn_article_parse_titled(out, name, NULL, 0, s, len, err);
}

// The first non-blank line of s, trimmed.
static bool starts_with_line(const char *s, size_t len, const char *line, size_t n)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
        i++;
    }
    return len - i >= n && memcmp(s + i, line, n) == 0 &&
           (len - i == n || s[i + n] == '\n' || s[i + n] == '\r');
}

zn_status zn_article_parse_titled(zn_article **out, const char *name, const char *title,
                                  size_t title_len, const char *s, size_t len, zn_error *err)
{
    *out = NULL;
    const char *shown = name != NULL ? name : "<article>";
    size_t bad = zn__utf8_valid_prefix(s, len);
    if (bad != len) {
        return zn__error_at(err, ZN_ERR_INVALID_ARG, shown, "invalid UTF-8 at byte %zu", bad);
    }
    if (title != NULL && zn__utf8_valid_prefix(title, title_len) != title_len) {
        return zn__error_at(err, ZN_ERR_INVALID_ARG, shown, "invalid UTF-8 in the title");
    }
    if (title == NULL || title_len == 0 || starts_with_line(s, len, title, title_len)) {
        return parse(out, shown, s, len, title != NULL && title_len > 0, err);
    }
    // "title\ntext": the title's own line breaks become spaces.
    char *joined = zn__malloc(title_len + 1 + len);
    if (joined == NULL) {
        return zn__error_nomem(err, shown);
    }
    for (size_t i = 0; i < title_len; i++) {
        joined[i] = title[i] == '\n' || title[i] == '\r' ? ' ' : title[i];
    }
    joined[title_len] = '\n';
    memcpy(joined + title_len + 1, s, len);
    zn_status st = parse(out, shown, joined, title_len + 1 + len, true, err);
    zn__free(joined);
    return st;
}
