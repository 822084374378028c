/* SPDX-License-Identifier: MIT
 * Writing summary.json: the file counts, one member per summary table (summary_int.h), the
 * duplicate groups and the failures. Sorted by count, then by key: deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/summary_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "zhnews/fingerprint.h"

/* How each table is written: the name in summary.json and its shape. To add an aggregate,
 * add a row (and its batch_table value and facts). */
typedef enum table_style {
    STYLE_BY_COUNT, /* {"key": count} by count */
    STYLE_BY_KEY,   /* {"key": articles} by key */
    STYLE_ENTITIES, /* per type: {"distinct", "top": [{"name", "mentions", "articles"}]} */
    STYLE_PAIRS,    /* [{"entities": [a, b], "articles"}] named together in 2+ articles */
    STYLE_TOP,      /* [{"name", "articles"}], the TOP_LIST most frequent */
} table_style;

static const struct {
    batch_table table;
    const char *name;
    table_style style;
} table_rows[] = {
    {TABLE_ENCODING, "encodings", STYLE_BY_COUNT},   /* articles per encoding */
    {TABLE_CONTAINER, "containers", STYLE_BY_COUNT}, /* articles per container format */
    {TABLE_SCRIPT, "scripts", STYLE_BY_COUNT},       /* articles per script */
    {TABLE_MONTH, "months", STYLE_BY_KEY},           /* articles per month of their date */
    {TABLE_REPAIR, "repairs", STYLE_BY_COUNT},       /* fixes per normaliser rule */
    {TABLE_ENTITY, "entities", STYLE_ENTITIES},      /* per type: mentions and articles */
    {TABLE_PAIR, "entity_pairs", STYLE_PAIRS},       /* articles naming both */
    {TABLE_KEYWORD, "keywords", STYLE_TOP},          /* articles per keyword */
};

// Entity keys are "type\tname": the type part's length.
static size_t type_len(const char *key)
{
    return strcspn(key, "\t");
}

static int by_articles(const count_item *x, const count_item *y)
{
    if (x->articles != y->articles) {
        return x->articles > y->articles ? -1 : 1;
    }
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return strcmp(x->key, y->key);
}

static int cmp_count(const void *a, const void *b)
{
    const count_item *x = *(const count_item *const *)a;
    const count_item *y = *(const count_item *const *)b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return strcmp(x->key, y->key);
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp((*(const count_item *const *)a)->key, (*(const count_item *const *)b)->key);
}

static int cmp_articles(const void *a, const void *b)
{
    return by_articles(*(const count_item *const *)a, *(const count_item *const *)b);
}

// Entities: by type, then by the number of articles naming them.
static int cmp_entity(const void *a, const void *b)
{
    const count_item *x = *(const count_item *const *)a;
    const count_item *y = *(const count_item *const *)b;
    size_t tx = type_len(x->key);
    size_t ty = type_len(y->key);
    int c = strncmp(x->key, y->key, tx < ty ? tx : ty);
    if (c != 0 || tx != ty) {
        return c != 0 ? c : (tx < ty ? -1 : 1);
    }
    return by_articles(x, y);
}

// The map's items as a sorted array of pointers (free with zn__free). Returns false when
// memory runs out; *items is NULL for an empty map.
static bool sorted(const count_map *m, table_style style, count_item ***items, size_t *n)
{
    *n = 0;
    *items = NULL;
    if (m->used == 0) {
        return true;
    }
    *items = zn__calloc(m->used, sizeof **items);
    if (*items == NULL) {
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            (*items)[(*n)++] = &m->slots[i];
        }
    }
    int (*cmp)(const void *, const void *) = style == STYLE_BY_COUNT ? cmp_count
                                             : style == STYLE_BY_KEY ? cmp_key
                                             : style == STYLE_ENTITIES ? cmp_entity
                                                                       : cmp_articles;
    qsort(*items, *n, sizeof **items, cmp);
    return true;
}

// {"company": {"distinct": N, "top": [{"name", "mentions", "articles"}...]}, ...}
static void write_entities(zn_json *j, count_item **items, size_t n)
{
    zn_json_begin_object(j);
    for (size_t i = 0; i < n;) {
        size_t tlen = type_len(items[i]->key);
        size_t end = i;
        while (end < n && type_len(items[end]->key) == tlen &&
               strncmp(items[end]->key, items[i]->key, tlen) == 0) {
            end++;
        }
        char type[64];
        snprintf(type, sizeof type, "%.*s", (int)(tlen < 63 ? tlen : 63), items[i]->key);
        zn_json_key(j, type);
        zn_json_begin_object(j);
        zn_json_key(j, "distinct");
        zn_json_int(j, (long long)(end - i));
        zn_json_key(j, "top");
        zn_json_begin_array(j);
        for (size_t k = i; k < end && k - i < TOP_LIST; k++) {
            zn_json_begin_object(j);
            zn_json_key(j, "name");
            zn_json_cstr(j, items[k]->key + tlen + 1);
            zn_json_key(j, "mentions");
            zn_json_int(j, (long long)items[k]->count);
            zn_json_key(j, "articles");
            zn_json_int(j, (long long)items[k]->articles);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
        i = end;
    }
    zn_json_end_object(j);
}

static void write_table(zn_json *j, table_style style, count_item **items, size_t n)
{
    if (style == STYLE_BY_COUNT || style == STYLE_BY_KEY) {
        zn_json_begin_object(j);
        for (size_t i = 0; i < n; i++) {
            zn_json_key(j, items[i]->key);
            zn_json_int(j, (long long)(style == STYLE_BY_COUNT ? items[i]->count
                                                               : items[i]->articles));
        }
        zn_json_end_object(j);
        return;
    }
    if (style == STYLE_ENTITIES) {
        write_entities(j, items, n);
        return;
    }
    if (style == STYLE_TOP) {
        zn_json_begin_array(j);
        for (size_t i = 0; i < n && i < TOP_LIST; i++) {
            zn_json_begin_object(j);
            zn_json_key(j, "name");
            zn_json_cstr(j, items[i]->key);
            zn_json_key(j, "articles");
            zn_json_int(j, (long long)items[i]->articles);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        return;
    }
    zn_json_begin_array(j);
    // Pairs named together in one article only are chance: list the repeated ones.
    for (size_t i = 0; i < n && i < TOP_LIST && items[i]->articles >= 2; i++) {
        const char *tab = strchr(items[i]->key, '\t');
        zn_json_begin_object(j);
        zn_json_key(j, "entities");
        zn_json_begin_array(j);
        zn_json_string(j, items[i]->key, (size_t)(tab - items[i]->key));
        zn_json_cstr(j, tab + 1);
        zn_json_end_array(j);
        zn_json_key(j, "articles");
        zn_json_int(j, (long long)items[i]->articles);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

// [{"fingerprint": "...", "articles": [{"path", "record", "id", "title"}...]}...]
static zn_status write_dups(zn_json *j, const batch_summary *s, size_t *groups, zn_error *err)
{
    size_t n = s->n_dups;
    size_t *group = n > 0 ? zn__calloc(n, sizeof *group) : NULL;
    size_t *size = n > 0 ? zn__calloc(n, sizeof *size) : NULL;
    if (n > 0 && (group == NULL || size == NULL)) {
        zn__free(group);
        zn__free(size);
        return zn__error_nomem(err, "summary");
    }
    zn_status st = zn__dups_group(s->dups, n, group, err);
    for (size_t i = 0; i < n && st == ZN_OK; i++) {
        size[group[i]]++;
    }
    zn_json_begin_array(j);
    *groups = 0;
    for (size_t i = 0; i < n && st == ZN_OK; i++) {
        if (group[i] != i || size[i] < 2) {
            continue;
        }
        char hex[17];
        (*groups)++;
        zn_json_begin_object(j);
        zn_json_key(j, "fingerprint");
        zn_json_cstr(j, zn_fingerprint_hex(s->dups[i].fp, hex));
        zn_json_key(j, "articles");
        zn_json_begin_array(j);
        for (size_t k = i; k < n; k++) {
            if (group[k] == i) {
                zn_json_raw(j, s->dups[k].label, strlen(s->dups[k].label));
            }
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    zn__free(group);
    zn__free(size);
    return st;
}

static void write_reasons(zn_json *j, const char *key, const reason_list *l)
{
    zn_json_key(j, key);
    zn_json_begin_array(j);
    for (size_t i = 0; i < l->count; i++) {
        zn_json_begin_object(j);
        zn_json_key(j, "path");
        zn_json_cstr(j, l->items[i].path);
        zn_json_key(j, "reason");
        zn_json_cstr(j, l->items[i].reason);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

static void write_counts(zn_json *j, const zn_batch_result *res)
{
    const char *keys[] = {"found", "written", "up_to_date", "failed", "not_done"};
    size_t vals[] = {res->files, res->written, res->skipped, res->failed, res->not_done};
    zn_json_key(j, "files");
    zn_json_begin_object(j);
    for (size_t i = 0; i < 5; i++) {
        zn_json_key(j, keys[i]);
        zn_json_int(j, (long long)vals[i]);
    }
    zn_json_end_object(j);
    zn_json_key(j, "articles");
    zn_json_int(j, (long long)res->articles);
    zn_json_key(j, "interrupted");
    zn_json_bool(j, res->cancelled);
}

zn_status zn__summary_write(batch_summary *s, zn_batch_result *res, zn_buf *buf,
                            zn_error *err)
{
    zn_json j;
    zn_json_init(&j, buf, true);
    zn_json_begin_object(&j);
    zn_json_key(&j, "schema");
    zn_json_cstr(&j, "zhnews-summary/1");
    write_counts(&j, res);
    zn_status st = ZN_OK;
    for (size_t t = 0; t < sizeof table_rows / sizeof table_rows[0] && st == ZN_OK; t++) {
        count_item **items;
        size_t n;
        if (!sorted(&s->tables[table_rows[t].table], table_rows[t].style, &items, &n)) {
            st = zn__error_nomem(err, "summary");
            break;
        }
        zn_json_key(&j, table_rows[t].name);
        write_table(&j, table_rows[t].style, items, n);
        zn__free(items);
    }
    if (st == ZN_OK) {
        zn_json_key(&j, "duplicates");
        st = write_dups(&j, s, &res->duplicates, err);
    }
    write_reasons(&j, "failures", &s->failures);
    write_reasons(&j, "ignored", &s->ignored);
    zn_json_end_object(&j);
    if (st == ZN_OK) {
        st = zn_json_status(&j);
        if (st == ZN_OK) {
            st = zn_buf_putc(buf, '\n');
        }
        if (st != ZN_OK) {
            st = zn__error_nomem(err, "summary");
        }
    }
    return st;
}
