/* SPDX-License-Identifier: MIT
 * `zhnews dates [FILE|-]...`: the dates and times of every input line, one JSON object per
 * line: {"dates": [{"text", "start", "end", "value", "granularity", "resolved_from"}]},
 * offsets in code points. Lines are plain text (reference from --ref-date), or with
 * --input-format jsonl JSON objects whose text field (--text-field, default "input", then
 * "text", "content") is scanned with the reference in --date-field (default "ref"). */
#include <jansson.h>
#include <string.h>

#include "cli/cli.h"

typedef struct dates_ctx {
    const cli_options *o;
    zn_date_options opts; // from the command line; a record's own reference overrides it
    zn_date_list list;
    bool jsonl;
    bool failed;
    size_t line;
} dates_ctx;

static bool write_dates(FILE *out, const char *text, const zn_date_list *list)
{
    zn_buf buf;
    zn_buf_init(&buf, 0);
    zn_json j;
    zn_json_init(&j, &buf, false);
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, text);
    zn_json_begin_object(&j);
    zn_json_key(&j, "dates");
    zn_json_begin_array(&j);
    for (size_t i = 0; list != NULL && i < list->count; i++) {
        const zn_date *d = &list->items[i];
        zn_json_begin_object(&j);
        zn_json_key(&j, "text");
        zn_json_string(&j, text + d->start, d->end - d->start);
        zn_json_key(&j, "start");
        zn_json_int(&j, (long long)zn_cp_cursor_at(&cur, d->start));
        zn_json_key(&j, "end");
        zn_json_int(&j, (long long)zn_cp_cursor_at(&cur, d->end));
        zn_json_key(&j, "value");
        zn_json_cstr(&j, d->value[0] != '\0' ? d->value : NULL);
        zn_json_key(&j, "granularity");
        zn_json_cstr(&j, zn_date_granularity_name(d->granularity));
        zn_json_key(&j, "resolved_from");
        zn_json_cstr(&j, zn_date_source_name(d->resolved_from));
        zn_json_end_object(&j);
    }
    zn_json_end_array(&j);
    zn_json_end_object(&j);
    bool ok;
    if (zn_json_status(&j) != ZN_OK) {
        cli_error("dates: cannot write the result (%s)", zn_status_str(zn_json_status(&j)));
        ok = cli_write(out, "{\"dates\":[]}\n", 13);
    } else {
        ok = cli_write(out, buf.data, buf.len) && cli_write(out, "\n", 1);
    }
    zn_buf_clear(&buf);
    return ok;
}

// The text and reference of a JSON Lines record; false (reported) when it has none.
static bool from_json(dates_ctx *c, json_t *root, const char **text, size_t *len,
                      zn_date_options *opts)
{
    static const char *const fields[] = {"input", "text", "content"};
    json_t *tv = NULL;
    if (c->o->reader.text_field != NULL) {
        tv = json_object_get(root, c->o->reader.text_field);
    }
    for (size_t k = 0; tv == NULL && c->o->reader.text_field == NULL && k < 3; k++) {
        tv = json_object_get(root, fields[k]);
    }
    if (!json_is_string(tv)) {
        cli_error("dates: line %zu: no text field", c->line);
        return false;
    }
    *text = json_string_value(tv);
    *len = json_string_length(tv);
    const char *rf = c->o->reader.date_field != NULL ? c->o->reader.date_field : "ref";
    json_t *rv = json_object_get(root, rf);
    if (json_is_string(rv)) {
        zn_error err;
        zn_error_init(&err);
        if (zn_date_options_set_ref(opts, json_string_value(rv), json_string_length(rv),
                                    &err) != ZN_OK) {
            cli_error("dates: line %zu: %s", c->line, err.message);
            return false;
        }
    }
    return true;
}

static bool on_line(void *vctx, const char *line, size_t len, FILE *out)
{
    dates_ctx *c = vctx;
    c->line++;
    zn_date_options opts = c->opts;
    const char *text = line;
    size_t tlen = len;
    json_t *root = NULL;
    if (c->jsonl) {
        json_error_t jerr;
        root = json_loadb(line, len, 0, &jerr);
        if (root == NULL || !json_is_object(root)) {
            cli_error("dates: line %zu: not a JSON object (%s)", c->line,
                      root == NULL ? jerr.text : "another JSON value");
            json_decref(root);
            c->failed = true;
            return write_dates(out, "", NULL);
        }
        if (!from_json(c, root, &text, &tlen, &opts)) {
            json_decref(root);
            c->failed = true;
            return write_dates(out, "", NULL);
        }
    }
    zn_error err;
    zn_error_init(&err);
    bool ok;
    if (zn_dates_find(text, tlen, &opts, &c->list, &err) != ZN_OK) {
        cli_error("dates: line %zu: %s", c->line, err.message);
        c->failed = true;
        ok = write_dates(out, "", NULL);
    } else {
        ok = write_dates(out, text, &c->list);
    }
    json_decref(root);
    return ok;
}

int cli_cmd_dates(const cli_options *o)
{
    dates_ctx c;
    memset(&c, 0, sizeof c);
    c.o = o;
    zn_date_options_init(&c.opts);
    c.opts.vague = o->vague;
    zn_date_list_init(&c.list);
    if (o->ref_date != NULL) {
        zn_error err;
        zn_error_init(&err);
        if (zn_date_options_set_ref(&c.opts, o->ref_date, strlen(o->ref_date), &err) != ZN_OK) {
            cli_error("--ref-date: %s", err.message);
            return CLI_USAGE;
        }
    }
    if (o->reader.format == ZN_FORMAT_TREC) {
        cli_error("dates: --input-format trec is not a line format (use text, lines or jsonl)");
        return CLI_USAGE;
    }
    c.opts.region = o->region;
    c.jsonl = o->reader.format == ZN_FORMAT_JSONL;
    int rc = cli_each_line(o, on_line, &c);
    zn_date_list_clear(&c.list);
    return c.failed ? CLI_SOME_FAILED : rc;
}
