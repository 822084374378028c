/* SPDX-License-Identifier: MIT
 * JSON Lines: one JSON object per line, parsed with jansson. The text, title, id and date come
 * from the fields the options name (defaults: content/text, title, id/news_id, time/date);
 * every other field is carried along in meta_json. A bad line is ZN_ERR_FORMAT naming its
 * line, and the next call goes on with the line after it. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "reader/reader_int.h"
#include "util/alloc.h"
#include "util/error.h"

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
            return false;
        }
    }
    return true;
}

// The field named by the user, else the first default present. *key gets the name used.
static json_t *pick(json_t *obj, const char *chosen, const char *def1, const char *def2,
                    const char **key)
{
    const char *names[2] = {chosen != NULL ? chosen : def1, chosen != NULL ? NULL : def2};
    for (int i = 0; i < 2; i++) {
        if (names[i] == NULL) {
            continue;
        }
        json_t *v = json_object_get(obj, names[i]);
        if (v != NULL) {
            *key = names[i];
            return v;
        }
    }
    *key = NULL;
    return NULL;
}

// A copy of a scalar value as text (strings as they are, numbers and booleans as written);
// NULL for null and absent values. *nomem is set when allocation fails.
static char *value_text(json_t *v, bool *nomem)
{
    if (v == NULL || json_is_null(v)) {
        return NULL;
    }
    char *copy;
    if (json_is_string(v)) {
        copy = zn__strndup(json_string_value(v), json_string_length(v));
    } else {
        char *dumped = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        copy = dumped != NULL ? zn__strndup(dumped, strlen(dumped)) : NULL;
        free(dumped); // jansson's allocation
    }
    if (copy == NULL) {
        *nomem = true;
    }
    return copy;
}

// Every field but the ones used, as a compact JSON object; NULL when there are none.
static char *meta_of(json_t *obj, const char *used[4], bool *nomem)
{
    json_t *meta = json_object();
    if (meta == NULL) {
        *nomem = true;
        return NULL;
    }
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) {
        bool taken = false;
        for (int i = 0; i < 4; i++) {
            taken = taken || (used[i] != NULL && strcmp(used[i], key) == 0);
        }
        if (!taken && json_object_set(meta, key, value) != 0) {
            *nomem = true;
        }
    }
    char *copy = NULL;
    if (!*nomem && json_object_size(meta) > 0) {
        char *dumped = json_dumps(meta, JSON_COMPACT);
        copy = dumped != NULL ? zn__strndup(dumped, strlen(dumped)) : NULL;
        *nomem = copy == NULL;
        free(dumped);
    }
    json_decref(meta);
    return copy;
}

// Replaces rec's text (the JSON line) with the fields of the object.
static zn_status fill_fields(zn_reader *r, zn_record *rec, json_t *obj, zn_error *err)
{
    const char *used[4];
    json_t *text = pick(obj, r->opts.text_field, "content", "text", &used[0]);
    if (text == NULL || !json_is_string(text)) {
        const char *what = text == NULL ? "has no text field" : "has a text field that is not a string";
        return zn__error_at(err, ZN_ERR_FORMAT, r->path, "line %zu: JSON object %s (%s)",
                            rec->line, what,
                            r->opts.text_field != NULL ? r->opts.text_field : "content, text");
    }
    bool nomem = false;
    json_t *title = pick(obj, r->opts.title_field, "title", NULL, &used[1]);
    json_t *id = pick(obj, r->opts.id_field, "id", "news_id", &used[2]);
    json_t *date = pick(obj, r->opts.date_field, "time", "date", &used[3]);
    char *body = zn__strndup(json_string_value(text), json_string_length(text));
    nomem = body == NULL;
    rec->title = value_text(title, &nomem);
    rec->id = value_text(id, &nomem);
    rec->date = value_text(date, &nomem);
    rec->meta_json = meta_of(obj, used, &nomem);
    if (nomem) {
        zn__free(body);
        return zn__error_nomem(err, r->path);
    }
    zn__free(rec->text);
    rec->text = body;
    rec->len = json_string_length(text);
    return ZN_OK;
}

static zn_status parse(zn_reader *r, zn_record *rec, zn_error *err)
{
    json_error_t jerr;
    json_t *obj = json_loadb(rec->text, rec->len, 0, &jerr);
    if (obj == NULL) {
        if (json_error_code(&jerr) == json_error_out_of_memory) {
            return zn__error_nomem(err, r->path);
        }
        return zn__error_at(err, ZN_ERR_FORMAT, r->path, "line %zu: invalid JSON: %s (column %d)",
                            rec->line, jerr.text, jerr.column);
    }
    zn_status st;
    if (!json_is_object(obj)) {
        st = zn__error_at(err, ZN_ERR_FORMAT, r->path, "line %zu: not a JSON object",
                          rec->line);
    } else {
        st = fill_fields(r, rec, obj, err);
    }
    json_decref(obj);
    return st;
}

zn_status zn__next_jsonl(zn_reader *r, zn_record **out, zn_error *err)
{
    for (;;) {
        size_t len;
        size_t used;
        bool found;
        zn_status st = zn__source_line(r, &len, &used, &found, err);
        if (st != ZN_OK || !found) {
            return st;
        }
        const char *line = r->win.data + r->pos;
        if (is_blank(line, len)) {
            zn__source_consume(r, used);
            continue;
        }
        zn_record *rec;
        st = zn__reader_make_record(r, line, len, used, &rec, err);
        zn__source_consume(r, used);
        if (st == ZN_OK) {
            st = parse(r, rec, err);
        }
        if (st != ZN_OK) {
            zn_record_free(rec);
            return st;
        }
        r->index++;
        *out = rec;
        return ZN_OK;
    }
}
