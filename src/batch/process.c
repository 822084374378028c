/* SPDX-License-Identifier: MIT
 * One input file of a batch, in a worker thread: read its records, run the pipeline, write
 * OUT_DIR/<rel>.json (and .txt) atomically, and collect what the index and summary need.
 * With --resume an up-to-date output is read back instead of being made again. */
#include <string.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "util/error.h"

#define MAX_OUTPUT_READ ((size_t)1 << 32) // a resumed output is read whole

typedef struct file_job {
    const batch_ctx *c;
    zn_worker *w;
    const batch_entry *e;
    file_result *r;
    char *in_path;
    char *json_path;
    char *text_path;   /* NULL without --text */
    zn_buf json;       /* the documents, one per line (or pretty, one after another) */
    zn_buf text;       /* --text: the texts, separated by an empty line */
    zn_buf *scratch;
} file_job;

static char *join(const char *dir, const char *rel, const char *suffix)
{
    zn_buf b;
    zn_buf_init(&b, 0);
    if (zn_buf_printf(&b, "%s%s%s%s", dir, dir[0] != '\0' && dir[strlen(dir) - 1] == '/' ?
                      "" : "/", rel, suffix) != ZN_OK) {
        zn_buf_clear(&b);
        return NULL;
    }
    return zn_buf_take(&b, NULL);
}

// The message without its leading "PATH: " (the summary lists the path apart).
static const char *reason_of(const zn_error *err, const char *path)
{
    size_t n = strlen(path);
    if (strncmp(err->message, path, n) == 0 && strncmp(err->message + n, ": ", 2) == 0) {
        return err->message + n + 2;
    }
    return err->message[0] != '\0' ? err->message : zn_status_str(err->code);
}

// Runs one record and appends its document (and text). NOMEM is the only error returned;
// a record the pipeline rejects becomes the file's failure.
static zn_status run_record(file_job *j, zn_record *rec)
{
    zn_error err;
    zn_error_init(&err);
    zn_doc *doc;
    zn_status s = zn_worker_run(j->w, rec, &doc, &err);
    if (s != ZN_OK) {
        return s == ZN_ERR_NOMEM ? s : zn__file_result_fail(j->r, reason_of(&err, j->in_path));
    }
    j->scratch->len = 0;
    s = zn_doc_write_json(doc, j->scratch, &j->c->opts->write, &err);
    if (s == ZN_OK) {
        s = zn_buf_append(&j->json, j->scratch->data, j->scratch->len);
    }
    if (s == ZN_OK) {
        s = zn_buf_putc(&j->json, '\n');
    }
    if (s == ZN_OK && j->text_path != NULL) {
        const zn_article *a = doc->article;
        if (j->text.len > 0) {
            s = zn_buf_putc(&j->text, '\n');
        }
        if (s == ZN_OK) {
            s = zn_buf_append(&j->text, a->text, a->len);
        }
        if (s == ZN_OK) {
            s = zn_buf_putc(&j->text, '\n');
        }
    }
    zn_doc_free(doc);
    if (s == ZN_ERR_TOO_BIG) {
        return zn__file_result_fail(j->r, "output too large");
    }
    return s;
}

// Reads every record. Returns ZN_ERR_NOMEM, ZN_ERR_INTERRUPTED, or ZN_OK (the file may
// still have failed: j->r->kind).
static zn_status read_records(file_job *j)
{
    zn_error err;
    zn_error_init(&err);
    zn_reader *rd;
    zn_status s = zn_reader_open(&rd, j->in_path, &j->c->opts->reader, &err);
    if (s != ZN_OK) {
        return s == ZN_ERR_NOMEM ? s : zn__file_result_fail(j->r, reason_of(&err, j->in_path));
    }
    size_t records = 0;
    for (;;) {
        if (atomic_load(j->c->cancel)) {
            s = ZN_ERR_INTERRUPTED;
            break;
        }
        zn_record *rec;
        s = zn_reader_next(rd, &rec, &err);
        if (s == ZN_ERR_NOMEM) {
            break;
        }
        if (s != ZN_OK) {
            bool bad_record = s == ZN_ERR_FORMAT;
            s = zn__file_result_fail(j->r, reason_of(&err, j->in_path));
            if (s == ZN_OK && bad_record) {
                continue; // one bad record: keep the others
            }
            j->json.len = 0; // the input broke off: no partial output
            break;
        }
        if (rec == NULL) {
            break;
        }
        records++;
        s = run_record(j, rec);
        if (s != ZN_OK) {
            break;
        }
    }
    zn_reader_close(rd);
    if (s == ZN_OK && records == 0 && j->r->kind != RESULT_FAILED) {
        s = zn__file_result_fail(j->r, "no articles");
    }
    return s;
}

static zn_status write_outputs(file_job *j, bool *written)
{
    zn_error err;
    zn_error_init(&err);
    bool sync = j->c->opts->fsync;
    zn_status s = ZN_OK;
    if (j->text_path != NULL) {
        s = zn__batch_write_file(j->text_path, j->text.data, j->text.len, sync, &err);
    }
    // The JSON goes last: its time stamp is what --resume trusts.
    if (s == ZN_OK) {
        s = zn__batch_write_file(j->json_path, j->json.data, j->json.len, sync, &err);
    }
    *written = s == ZN_OK;
    if (s == ZN_OK || s == ZN_ERR_NOMEM) {
        return s;
    }
    return zn__file_result_fail(j->r, err.message);
}

// The file's work once paths are known; NOMEM is the only error returned.
static zn_status process_job(file_job *j)
{
    const batch_entry *e = j->e;
    zn_error err;
    zn_error_init(&err);
    bool resume = j->c->opts->resume && zn__batch_is_up_to_date(j->json_path, &e->mtime) &&
                  (j->text_path == NULL || zn__batch_is_up_to_date(j->text_path, &e->mtime));
    if (resume) {
        char *old = NULL;
        size_t len = 0;
        zn_status s = zn__batch_read_file(j->json_path, MAX_OUTPUT_READ, &old, &len, &err);
        if (s == ZN_OK) {
            j->r->kind = RESULT_UP_TO_DATE;
            s = zn__facts_from_json(j->r, e->rel, old, len, &err);
            zn_free(old);
            if (s == ZN_OK || s == ZN_ERR_NOMEM) {
                return s;
            }
        }
        if (s == ZN_ERR_NOMEM) {
            return s;
        }
        // An unreadable or foreign output: make it again.
        zn__file_result_free(j->r);
        j->r = NULL;
        if (zn__file_result_new(&j->r) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        j->r->bytes = e->size;
    }
    zn_status s = read_records(j);
    if (s == ZN_ERR_INTERRUPTED) {
        j->r->kind = RESULT_NOT_DONE; // discarded: nothing was written
        return ZN_OK;
    }
    if (s != ZN_OK || j->json.len == 0) {
        return s;
    }
    bool written = false;
    s = write_outputs(j, &written);
    if (s != ZN_OK || !written) {
        return s;
    }
    if (j->r->kind != RESULT_FAILED) {
        j->r->kind = RESULT_WRITTEN;
    } else {
        zn__batch_mark_stale(j->json_path, &e->mtime); // written in part: --resume redoes it
    }
    return zn__facts_from_json(j->r, e->rel, j->json.data, j->json.len, &err);
}

zn_status zn__batch_process(const batch_ctx *c, zn_worker *w, zn_buf *scratch,
                            const batch_entry *e, file_result **out)
{
    file_job j = {c, w, e, NULL, NULL, NULL, NULL, {0}, {0}, scratch};
    zn_status s = zn__file_result_new(&j.r);
    if (s != ZN_OK) {
        *out = NULL;
        return s;
    }
    j.r->bytes = e->size;
    zn_buf_init(&j.json, 0);
    zn_buf_init(&j.text, 0);
    if (e->kind == ENTRY_FAILED || e->kind == ENTRY_IGNORED) {
        s = zn__file_result_fail(j.r, e->reason);
        j.r->kind = e->kind == ENTRY_FAILED ? RESULT_FAILED : RESULT_IGNORED;
    } else if (strcmp(e->rel, "summary") == 0) {
        s = zn__file_result_fail(j.r, "its output would be summary.json: rename it");
    } else {
        j.in_path = join(c->in_dir, e->rel, "");
        j.json_path = join(c->out_dir, e->rel, ".json");
        j.text_path = c->opts->text ? join(c->out_dir, e->rel, ".txt") : NULL;
        bool ok = j.in_path != NULL && j.json_path != NULL && (!c->opts->text || j.text_path);
        s = ok ? process_job(&j) : ZN_ERR_NOMEM;
    }
    zn__free(j.in_path);
    zn__free(j.json_path);
    zn__free(j.text_path);
    zn_buf_clear(&j.json);
    zn_buf_clear(&j.text);
    if (s != ZN_OK) {
        zn__file_result_free(j.r);
        j.r = NULL;
    }
    *out = j.r;
    return s;
}
