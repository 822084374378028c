/* SPDX-License-Identifier: MIT
 * The fields of one decoded TREC/SGML <doc> record: id (<docno>, id="…"), title
 * (<contenttitle>, <headline>, <title>), date (<date>, <date_time>), text (<content>, or the
 * <p> paragraphs of <text>, or <text> itself), and the rest (url, type, dateline) as
 * meta_json. Character entities are decoded. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader/reader_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

typedef struct span {
    const char *s;
    size_t len;
} span;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static span trim(span v)
{
    while (v.len > 0 && is_space(v.s[0])) {
        v.s++;
        v.len--;
    }
    while (v.len > 0 && is_space(v.s[v.len - 1])) {
        v.len--;
    }
    return v;
}

// Finds <name ...>inner</name> in t (case-insensitive) from *from; moves *from past it.
static bool element(span t, const char *name, size_t *from, span *inner)
{
    size_t n = strlen(name);
    for (size_t i = *from; i + n + 2 <= t.len; i++) {
        const char *lt = memchr(t.s + i, '<', t.len - i);
        if (lt == NULL) {
            return false;
        }
        i = (size_t)(lt - t.s);
        if (i + n + 2 > t.len || strncasecmp(t.s + i + 1, name, n) != 0 ||
            !(t.s[i + n + 1] == '>' || is_space(t.s[i + n + 1]))) {
            continue;
        }
        const char *gt = memchr(t.s + i, '>', t.len - i);
        if (gt == NULL) {
            return false;
        }
        size_t start = (size_t)(gt - t.s) + 1;
        for (size_t j = start; j + n + 3 <= t.len; j++) {
            const char *close = memchr(t.s + j, '<', t.len - j);
            if (close == NULL) {
                return false;
            }
            j = (size_t)(close - t.s);
            if (j + n + 3 <= t.len && t.s[j + 1] == '/' &&
                strncasecmp(t.s + j + 2, name, n) == 0 && t.s[j + n + 2] == '>') {
                inner->s = t.s + start;
                inner->len = j - start;
                *from = j + n + 3;
                return true;
            }
        }
        return false;
    }
    return false;
}

static bool first_element(span t, const char *const names[], span *inner)
{
    for (size_t i = 0; names[i] != NULL; i++) {
        size_t from = 0;
        if (element(t, names[i], &from, inner)) {
            return true;
        }
    }
    return false;
}

// The value of attribute `name` in the opening tag t[0..'>'), quoted with " or '.
static bool attribute(span t, const char *name, span *value)
{
    const char *gt = memchr(t.s, '>', t.len);
    size_t end = gt != NULL ? (size_t)(gt - t.s) : t.len;
    size_t n = strlen(name);
    for (size_t i = 1; i + n + 2 < end; i++) {
        if (!is_space(t.s[i - 1]) || strncasecmp(t.s + i, name, n) != 0 || t.s[i + n] != '=') {
            continue;
        }
        char q = t.s[i + n + 1];
        if (q != '"' && q != '\'') { // unquoted, as older SGML files write it: id=XIN001
            size_t j = i + n + 1;
            while (j < end && !is_space(t.s[j])) {
                j++;
            }
            value->s = t.s + i + n + 1;
            value->len = j - (i + n + 1);
            return value->len > 0;
        }
        const char *close = memchr(t.s + i + n + 2, q, end - (i + n + 2));
        if (close != NULL) {
            value->s = t.s + i + n + 2;
            value->len = (size_t)(close - value->s);
            return true;
        }
    }
    return false;
}

static const struct {
    const char *name;
    const char *utf8;
} named_entities[] = {
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
    {"nbsp", "\xC2\xA0"}, // U+00A0
};

// Decodes the entity at s[0..len) (s[0] == '&') into out; returns the bytes it took, 0 if
// it is not one we know (then '&' is kept as it is).
static size_t entity(const char *s, size_t len, zn_buf *out, zn_status *st)
{
    const char *semi = memchr(s, ';', len < 12 ? len : 12);
    if (semi == NULL) {
        return 0;
    }
    size_t n = (size_t)(semi - s);
    if (n >= 3 && s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        char digits[12];
        size_t dn = n - (hex ? 3 : 2);
        if (dn == 0 || dn >= sizeof digits) {
            return 0;
        }
        memcpy(digits, s + (hex ? 3 : 2), dn);
        digits[dn] = '\0';
        char *end;
        unsigned long cp = strtoul(digits, &end, hex ? 16 : 10);
        char enc[4];
        size_t el = *end == '\0' && cp > 0 && cp <= 0x10FFFF ? zn__utf8_encode((uint32_t)cp, enc)
                                                              : 0;
        if (el == 0) {
            return 0;
        }
        *st = zn_buf_append(out, enc, el);
        return n + 1;
    }
    for (size_t i = 0; i < sizeof named_entities / sizeof named_entities[0]; i++) {
        size_t k = strlen(named_entities[i].name);
        if (k == n - 1 && strncmp(s + 1, named_entities[i].name, k) == 0) {
            *st = zn_buf_puts(out, named_entities[i].utf8);
            return n + 1;
        }
    }
    return 0;
}

// Length of the run at s that needs no rewriting (no '&', and no line break when joining).
static size_t plain_run(const char *s, size_t len, bool join_lines)
{
    size_t i = 0;
    while (i < len && s[i] != '&' && (!join_lines || (s[i] != '\n' && s[i] != '\r'))) {
        i++;
    }
    return i;
}

// Appends v with entities decoded; `join_lines` folds line breaks inside a paragraph.
static zn_status append_text(zn_buf *out, span v, bool join_lines)
{
    zn_status st = ZN_OK;
    for (size_t i = 0; i < v.len && st == ZN_OK; i++) {
        size_t run = plain_run(v.s + i, v.len - i, join_lines);
        if (run > 0) {
            st = zn_buf_append(out, v.s + i, run);
            i += run - 1;
            continue;
        }
        char c = v.s[i];
        if (c == '&') {
            size_t took = entity(v.s + i, v.len - i, out, &st);
            if (took > 0) {
                i += took - 1;
                continue;
            }
        }
        if (join_lines && (c == '\n' || c == '\r')) {
            // Drop the break; keep one space between two ASCII words (Latin text).
            size_t j = i;
            while (j + 1 < v.len && is_space(v.s[j + 1])) {
                j++;
            }
            bool latin = out->len > 0 && (unsigned char)out->data[out->len - 1] < 0x80 &&
                         !is_space(out->data[out->len - 1]) && j + 1 < v.len &&
                         (unsigned char)v.s[j + 1] < 0x80;
            while (out->len > 0 && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t')) {
                out->len--;
            }
            if (latin) {
                st = zn_buf_putc(out, ' ');
            }
            i = j;
            continue;
        }
        st = zn_buf_putc(out, c);
    }
    return st;
}

static char *field_text(span v, bool *nomem)
{
    v = trim(v);
    zn_buf b;
    zn_buf_init(&b, 0);
    char *s = NULL;
    if (append_text(&b, v, false) == ZN_OK) {
        s = zn_buf_take(&b, NULL);
    }
    zn_buf_clear(&b);
    *nomem = *nomem || s == NULL;
    return s;
}

// The article text: <content>, the <p> paragraphs of <text> (one per line), or <text>.
static zn_status body_text(span doc, zn_buf *out)
{
    static const char *const direct[] = {"content", NULL};
    span inner;
    if (first_element(doc, direct, &inner)) {
        return append_text(out, trim(inner), false);
    }
    size_t from = 0;
    if (!element(doc, "text", &from, &inner)) {
        return ZN_OK; // a record without text
    }
    size_t pfrom = 0;
    span para;
    zn_status st = ZN_OK;
    bool any = false;
    while (st == ZN_OK && element(inner, "p", &pfrom, &para)) {
        if (any) {
            st = zn_buf_putc(out, '\n');
        }
        if (st == ZN_OK) {
            st = append_text(out, trim(para), true);
        }
        any = true;
    }
    if (!any && st == ZN_OK) {
        st = append_text(out, trim(inner), false);
    }
    return st;
}

static void meta_add(json_t *meta, const char *key, span v, bool *nomem)
{
    char *s = field_text(v, nomem);
    if (s != NULL && (json_object_set_new(meta, key, json_stringn(s, strlen(s))) != 0)) {
        *nomem = true;
    }
    zn__free(s);
}

static char *meta_json(span doc, bool *nomem)
{
    json_t *meta = json_object();
    if (meta == NULL) {
        *nomem = true;
        return NULL;
    }
    static const char *const keys[] = {"url", "dateline", "type", NULL};
    for (size_t i = 0; keys[i] != NULL; i++) {
        span v;
        size_t from = 0;
        if (element(doc, keys[i], &from, &v) || (i == 2 && attribute(doc, "type", &v))) {
            meta_add(meta, keys[i], v, nomem);
        }
    }
    char *copy = NULL;
    if (!*nomem && json_object_size(meta) > 0) {
        char *dumped = json_dumps(meta, JSON_COMPACT);
        copy = dumped != NULL ? zn__strndup(dumped, strlen(dumped)) : NULL;
        *nomem = copy == NULL;
        free(dumped); // jansson's allocation
    }
    json_decref(meta);
    return copy;
}

zn_status zn__trec_fields(zn_record *rec, const char *text, size_t len, zn_error *err)
{
    static const char *const ids[] = {"docno", "docid", NULL};
    static const char *const titles[] = {"contenttitle", "headline", "title", NULL};
    static const char *const dates[] = {"date", "date_time", NULL};
    span doc = {text, len};
    span v;
    bool nomem = false;
    if (first_element(doc, ids, &v) || attribute(doc, "id", &v)) {
        rec->id = field_text(v, &nomem);
    }
    if (first_element(doc, titles, &v)) {
        rec->title = field_text(v, &nomem);
    }
    if (first_element(doc, dates, &v)) {
        rec->date = field_text(v, &nomem);
    }
    rec->meta_json = meta_json(doc, &nomem);
    zn_buf body;
    zn_buf_init(&body, 0);
    if (!nomem && body_text(doc, &body) == ZN_OK) {
        rec->text = zn_buf_take(&body, &rec->len);
    }
    zn_buf_clear(&body);
    if (nomem || rec->text == NULL) {
        return zn__error_nomem(err, rec->path);
    }
    return ZN_OK;
}
