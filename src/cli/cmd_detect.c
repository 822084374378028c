/* SPDX-License-Identifier: MIT
 * `zhnews detect [FILE]...`: what the reader finds in each input. Per file a line
 * "PATH: ENCODING" (the form uchardet prints and bench-peers/detect-test.py reads), then an
 * indented line with confidence, container, script and record count; --json prints one JSON
 * object per file instead. Undecodable bytes are replaced and counted, never fatal here. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define SCRIPT_SAMPLE ((size_t)1 << 20) // text looked at for the script

typedef struct finding {
    zn_reader_info info;
    size_t records;
    size_t bad_records;
    size_t invalid_bytes;
    zn_text_script script;
} finding;

static const char *format_name(zn_input_format f)
{
    static const char *const names[] = {"auto", "text", "lines", "jsonl", "trec"};
    return (unsigned)f < 5 ? names[f] : "unknown";
}

// Reads every record of path; false (after reporting) when the input could not be read.
static bool examine(const cli_options *o, const char *path, finding *f)
{
    zn_reader_options ro = o->reader;
    ro.on_invalid = ro.on_invalid == ZN_INVALID_SKIP ? ZN_INVALID_SKIP : ZN_INVALID_REPLACE;
    zn_error err;
    zn_error_init(&err);
    zn_reader *r;
    if (zn_reader_open(&r, path, &ro, &err) != ZN_OK) {
        cli_report(&err);
        return false;
    }
    zn_buf sample;
    zn_buf_init(&sample, SCRIPT_SAMPLE);
    bool ok = true;
    for (;;) {
        zn_record *rec;
        zn_status st = zn_reader_next(r, &rec, &err);
        if (st == ZN_ERR_FORMAT) {
            cli_warn(o, "%s", err.message);
            f->bad_records++;
            continue;
        }
        if (st != ZN_OK) {
            cli_report(&err);
            ok = false;
            break;
        }
        if (rec == NULL) {
            break;
        }
        f->records++;
        f->invalid_bytes += rec->invalid_bytes;
        if (sample.len < SCRIPT_SAMPLE) {
            size_t room = SCRIPT_SAMPLE - sample.len;
            (void)zn_buf_append(&sample, rec->text, rec->len < room ? rec->len : room);
        }
        zn_record_free(rec);
    }
    zn_reader_get_info(r, &f->info);
    f->script = zn_text_script_guess(sample.data != NULL ? sample.data : "", sample.len);
    zn_buf_clear(&sample);
    zn_reader_close(r);
    return ok;
}

static bool print_json(FILE *out, const char *path, const finding *f)
{
    json_t *obj = json_pack("{s:s, s:s, s:f, s:s, s:s, s:I, s:I, s:I}", "path", path,
                            "encoding", f->info.encoding, "confidence", f->info.confidence,
                            "format", format_name(f->info.format), "script",
                            zn_text_script_name(f->script), "records", (json_int_t)f->records,
                            "bad_records", (json_int_t)f->bad_records, "invalid_bytes",
                            (json_int_t)f->invalid_bytes);
    char *s = obj != NULL ? json_dumps(obj, JSON_COMPACT | JSON_REAL_PRECISION(4)) : NULL;
    json_decref(obj);
    if (s == NULL) {
        cli_error("%s: out of memory", path);
        return false;
    }
    bool ok = cli_write(out, s, strlen(s)) && cli_write(out, "\n", 1);
    free(s);
    return ok;
}

static bool print_text(FILE *out, const char *path, const finding *f)
{
    char line[256];
    int n = snprintf(line, sizeof line,
                     "    confidence=%.3f format=%s script=%s records=%zu", f->info.confidence,
                     format_name(f->info.format), zn_text_script_name(f->script), f->records);
    if (n < 0 || (size_t)n >= sizeof line) {
        return false;
    }
    size_t len = (size_t)n;
    if (f->bad_records > 0 || f->invalid_bytes > 0) {
        snprintf(line + len, sizeof line - len, " bad_records=%zu invalid_bytes=%zu",
                 f->bad_records, f->invalid_bytes);
        len = strlen(line);
    }
    return cli_write(out, path, strlen(path)) && cli_write(out, ": ", 2) &&
           cli_write(out, f->info.encoding, strlen(f->info.encoding)) &&
           cli_write(out, "\n", 1) && cli_write(out, line, len) && cli_write(out, "\n", 1);
}

int cli_cmd_detect(const cli_options *o)
{
    FILE *out = cli_open_output(o);
    if (out == NULL) {
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    int n = o->n_inputs > 0 ? o->n_inputs : 1;
    for (int i = 0; i < n; i++) {
        const char *path = o->n_inputs > 0 ? o->inputs[i] : "-";
        finding f;
        memset(&f, 0, sizeof f);
        bool ok = examine(o, path, &f) && f.info.encoding != NULL;
        if (ok) {
            ok = o->json ? print_json(out, path, &f) : print_text(out, path, &f);
        }
        if (!ok) {
            rc = CLI_SOME_FAILED;
        }
    }
    if (!cli_close_output(out, o)) {
        rc = CLI_SOME_FAILED;
    }
    return rc;
}
