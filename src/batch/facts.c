/* SPDX-License-Identifier: MIT
 * What each article gives the archive: its index.jsonl line, its contributions to the
 * summary tables and its fingerprint. Read from the article's JSON as written (freshly or by
 * an earlier run, for --resume), so both paths index exactly the same way. */
#include <jansson.h>
#include <string.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "zhnews/fingerprint.h"

#define TOP_ENTITIES 5  // entities named in an index line
#define PAIR_ENTITIES 8 // the most mentioned entities of an article form its pairs

static zn_status add_fact(file_result *r, batch_table t, const char *key, size_t key_len,
                          uint64_t count)
{
    if (r->n_facts == r->cap_facts) {
        size_t cap = r->cap_facts == 0 ? 16 : r->cap_facts * 2;
        batch_fact *grown = zn__reallocarray(r->facts, cap, sizeof *grown);
        if (grown == NULL) {
            return ZN_ERR_NOMEM;
        }
        r->facts = grown;
        r->cap_facts = cap;
    }
    char *copy = zn__strndup(key, key_len);
    if (copy == NULL) {
        return ZN_ERR_NOMEM;
    }
    r->facts[r->n_facts++] = (batch_fact){t, copy, count};
    return ZN_OK;
}

static zn_status add_fact_str(file_result *r, batch_table t, const char *key)
{
    return add_fact(r, t, key != NULL ? key : "unknown", strlen(key != NULL ? key : "unknown"),
                    1);
}

static const char *get_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

// "YYYY-MM" from a date as written: 2018-06-12, 2018/6/12 10:00, 2018年6月12日.
static bool month_of(const char *date, char out[8])
{
    if (date == NULL) {
        return false;
    }
    for (const char *p = date; *p != '\0'; p++) {
        int year = 0;
        int i = 0;
        while (i < 4 && p[i] >= '0' && p[i] <= '9') {
            year = year * 10 + (p[i] - '0');
            i++;
        }
        if (i < 4 || year < 1900 || year > 2199 || (p > date && p[-1] >= '0' && p[-1] <= '9')) {
            continue;
        }
        const char *q = p + 4;
        if (*q == '-' || *q == '/' || *q == '.') {
            q++;
        } else if (strncmp(q, "\xE5\xB9\xB4", 3) == 0) { // 年 U+5E74
            q += 3;
        } else {
            continue;
        }
        int month = 0;
        int digits = 0;
        while (digits < 2 && q[digits] >= '0' && q[digits] <= '9') {
            month = month * 10 + (q[digits] - '0');
            digits++;
        }
        if (digits > 0 && month >= 1 && month <= 12 && !(q[digits] >= '0' && q[digits] <= '9')) {
            snprintf(out, 8, "%04d-%02d", year, month);
            return true;
        }
    }
    return false;
}

// The article's date: the document's own (TODO(#8): the publication date the dates stage
// finds, once the writer has it) or the container's.
static const char *article_date(const json_t *doc)
{
    const char *d = get_str(doc, "date");
    return d != NULL ? d : get_str(json_object_get(doc, "source"), "date");
}

static zn_status repair_facts(file_result *r, const json_t *doc)
{
    const json_t *fixes = json_object_get(json_object_get(doc, "normalization"), "fixes");
    size_t n = json_array_size(fixes);
    for (size_t i = 0; i < n; i++) {
        const char *rule = get_str(json_array_get(fixes, i), "rule");
        if (rule == NULL) {
            continue;
        }
        // One fact per rule and article: count the rule's later fixes here.
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            const char *earlier = get_str(json_array_get(fixes, k), "rule");
            seen = earlier != NULL && strcmp(earlier, rule) == 0;
        }
        if (seen) {
            continue;
        }
        uint64_t count = 0;
        for (size_t k = i; k < n; k++) {
            const char *other = get_str(json_array_get(fixes, k), "rule");
            count += other != NULL && strcmp(other, rule) == 0;
        }
        zn_status s = add_fact(r, TABLE_REPAIR, rule, strlen(rule), count);
        if (s != ZN_OK) {
            return s;
        }
    }
    return ZN_OK;
}

// Keywords as the writer gives them: strings, or objects naming the word. Each counts once.
static zn_status keyword_facts(file_result *r, const json_t *list)
{
    size_t n = json_array_size(list);
    for (size_t i = 0; i < n; i++) {
        const json_t *k = json_array_get(list, i);
        const char *word = json_is_string(k) ? json_string_value(k) : get_str(k, "word");
        if (word == NULL) {
            word = get_str(k, "text");
        }
        if (word != NULL && word[0] != '\0') {
            zn_status s = add_fact(r, TABLE_KEYWORD, word, strlen(word), 1);
            if (s != ZN_OK) {
                return s;
            }
        }
    }
    return ZN_OK;
}

typedef struct ent_ref {
    const char *name;
    const char *type;
    uint64_t count;
    size_t order;
} ent_ref;

static uint64_t entity_count(const json_t *e)
{
    json_int_t c = json_integer_value(json_object_get(e, "count"));
    if (c > 0) {
        return (uint64_t)c;
    }
    size_t m = json_array_size(json_object_get(e, "mentions"));
    return m > 0 ? m : 1;
}

static int by_count(const void *a, const void *b)
{
    const ent_ref *x = a;
    const ent_ref *y = b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return x->order < y->order ? -1 : x->order > y->order;
}

static zn_status pair_facts(file_result *r, const ent_ref *top, size_t n)
{
    zn_buf key;
    zn_buf_init(&key, 0);
    zn_status s = ZN_OK;
    for (size_t i = 0; i < n && s == ZN_OK; i++) {
        for (size_t k = i + 1; k < n && s == ZN_OK; k++) {
            bool ordered = strcmp(top[i].name, top[k].name) < 0;
            const char *a = ordered ? top[i].name : top[k].name;
            const char *b = ordered ? top[k].name : top[i].name;
            if (strcmp(a, b) == 0) {
                continue;
            }
            key.len = 0;
            s = zn_buf_printf(&key, "%s\t%s", a, b);
            if (s == ZN_OK) {
                s = add_fact(r, TABLE_PAIR, key.data, key.len, 1);
            }
        }
    }
    zn_buf_clear(&key);
    return s;
}

// Entity facts, pairs, and the article's top entities (sorted into ents[0..*n_top)).
static zn_status entity_facts(file_result *r, const json_t *list, ent_ref **ents, size_t *n)
{
    *n = 0;
    size_t count = json_array_size(list);
    *ents = count > 0 ? zn__calloc(count, sizeof **ents) : NULL;
    if (count > 0 && *ents == NULL) {
        return ZN_ERR_NOMEM;
    }
    zn_buf key;
    zn_buf_init(&key, 0);
    zn_status s = ZN_OK;
    for (size_t i = 0; i < count && s == ZN_OK; i++) {
        const json_t *e = json_array_get(list, i);
        const char *name = get_str(e, "name");
        const char *type = get_str(e, "type");
        if (name == NULL || type == NULL) {
            continue;
        }
        (*ents)[*n] = (ent_ref){name, type, entity_count(e), i};
        key.len = 0;
        s = zn_buf_printf(&key, "%s\t%s", type, name);
        if (s == ZN_OK) {
            s = add_fact(r, TABLE_ENTITY, key.data, key.len, (*ents)[*n].count);
        }
        (*n)++;
    }
    zn_buf_clear(&key);
    if (s == ZN_OK && *n > 0) {
        qsort(*ents, *n, sizeof **ents, by_count);
        s = pair_facts(r, *ents, *n < PAIR_ENTITIES ? *n : PAIR_ENTITIES);
    }
    return s;
}

typedef struct article_view {
    const char *rel;
    size_t record;
    const char *id;
    const char *title;
    const char *date;
    const char *script;
    const char *text;
    size_t text_len;
} article_view;

static void write_label(zn_json *j, const article_view *a)
{
    zn_json_key(j, "path");
    zn_json_cstr(j, a->rel);
    zn_json_key(j, "record");
    zn_json_int(j, (long long)a->record);
    if (a->id != NULL) {
        zn_json_key(j, "id");
        zn_json_cstr(j, a->id);
    }
}

static zn_status index_line(file_result *r, const article_view *a, const ent_ref *ents,
                            size_t n_ents)
{
    zn_json j;
    zn_json_init(&j, &r->index, false);
    zn_json_begin_object(&j);
    write_label(&j, a);
    const char *keys[] = {"title", "date", "script"};
    const char *vals[] = {a->title, a->date, a->script};
    for (size_t i = 0; i < 3; i++) {
        if (vals[i] != NULL) {
            zn_json_key(&j, keys[i]);
            zn_json_cstr(&j, vals[i]);
        }
    }
    if (n_ents > 0) {
        zn_json_key(&j, "entities");
        zn_json_begin_array(&j);
        for (size_t i = 0; i < n_ents && i < TOP_ENTITIES; i++) {
            zn_json_begin_object(&j);
            zn_json_key(&j, "name");
            zn_json_cstr(&j, ents[i].name);
            zn_json_key(&j, "type");
            zn_json_cstr(&j, ents[i].type);
            zn_json_key(&j, "count");
            zn_json_int(&j, (long long)ents[i].count);
            zn_json_end_object(&j);
        }
        zn_json_end_array(&j);
    }
    if (a->text != NULL) {
        char hex[17];
        zn_json_key(&j, "fingerprint");
        zn_json_cstr(&j, zn_fingerprint_hex(zn_fingerprint(a->text, a->text_len), hex));
    }
    zn_json_end_object(&j);
    zn_status s = zn_json_status(&j);
    return s != ZN_OK ? s : zn_buf_putc(&r->index, '\n');
}

static zn_status add_dup(file_result *r, const article_view *a)
{
    if (r->n_dups == r->cap_dups) {
        size_t cap = r->cap_dups == 0 ? 4 : r->cap_dups * 2;
        batch_dup *grown = zn__reallocarray(r->dups, cap, sizeof *grown);
        if (grown == NULL) {
            return ZN_ERR_NOMEM;
        }
        r->dups = grown;
        r->cap_dups = cap;
    }
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_begin_object(&j);
    write_label(&j, a);
    if (a->title != NULL) {
        zn_json_key(&j, "title");
        zn_json_cstr(&j, a->title);
    }
    zn_json_end_object(&j);
    char *label = zn_json_status(&j) == ZN_OK ? zn_buf_take(&b, NULL) : NULL;
    zn_buf_clear(&b);
    if (label == NULL) {
        return ZN_ERR_NOMEM;
    }
    r->dups[r->n_dups++] = (batch_dup){zn_fingerprint(a->text, a->text_len), label};
    return ZN_OK;
}

static zn_status article_facts(file_result *r, const char *rel, size_t record, const json_t *doc)
{
    const json_t *source = json_object_get(doc, "source");
    const json_t *text = json_object_get(doc, "text");
    article_view a = {rel, record, get_str(doc, "id"), get_str(doc, "title"), article_date(doc),
                      get_str(doc, "script"), json_string_value(text), json_string_length(text)};
    char month[8];
    zn_status s = add_fact_str(r, TABLE_ENCODING, get_str(source, "encoding"));
    if (s == ZN_OK) {
        s = add_fact_str(r, TABLE_CONTAINER, get_str(source, "format"));
    }
    if (s == ZN_OK) {
        s = add_fact_str(r, TABLE_SCRIPT, a.script);
    }
    if (s == ZN_OK && month_of(a.date, month)) {
        s = add_fact(r, TABLE_MONTH, month, strlen(month), 1);
    }
    if (s == ZN_OK) {
        s = repair_facts(r, doc);
    }
    if (s == ZN_OK) {
        s = keyword_facts(r, json_object_get(doc, "keywords"));
    }
    ent_ref *ents = NULL;
    size_t n_ents = 0;
    if (s == ZN_OK) {
        s = entity_facts(r, json_object_get(doc, "entities"), &ents, &n_ents);
    }
    if (s == ZN_OK) {
        s = index_line(r, &a, ents, n_ents);
    }
    if (s == ZN_OK && a.text != NULL) {
        s = add_dup(r, &a);
    }
    zn__free(ents);
    r->articles += s == ZN_OK;
    return s;
}

zn_status zn__facts_from_json(file_result *r, const char *rel, const char *json, size_t len,
                              zn_error *err)
{
    size_t pos = 0;
    size_t record = 0;
    for (;;) {
        while (pos < len && (json[pos] == '\n' || json[pos] == ' ' || json[pos] == '\r' ||
                             json[pos] == '\t')) {
            pos++;
        }
        if (pos >= len) {
            return ZN_OK;
        }
        json_error_t jerr;
        json_t *doc = json_loadb(json + pos, len - pos, JSON_DISABLE_EOF_CHECK, &jerr);
        if (doc == NULL || !json_is_object(doc)) {
            json_decref(doc);
            return zn__error_at(err, ZN_ERR_FORMAT, rel, "output is not zhnews JSON (%s)",
                                doc == NULL ? jerr.text : "not an object");
        }
        zn_status s = article_facts(r, rel, record++, doc);
        json_decref(doc);
        if (s != ZN_OK) {
            return zn__error_nomem(err, rel);
        }
        pos += (size_t)jerr.position;
    }
}
