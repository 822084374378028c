/* SPDX-License-Identifier: MIT
 * `zhnews [process] [FILE|DIR|-]...`: the full pipeline, one JSON object per article (JSON
 * Lines when there are several). */
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

typedef struct run_state {
    const cli_options *o;
    zn_worker *worker;
    FILE *out;
    zn_buf buf;
} run_state;

// Runs one record through the pipeline and writes its JSON line.
static bool emit(run_state *rs, zn_record *rec)
{
    zn_error err;
    zn_error_init(&err);
    zn_doc *doc;
    if (zn_worker_run(rs->worker, rec, &doc, &err) != ZN_OK) {
        cli_report(&err);
        return false;
    }
    rs->buf.len = 0;
    zn_write_options wopts = {rs->o->pretty, rs->o->fields};
    bool ok = zn_doc_write_json(doc, &rs->buf, &wopts, &err) == ZN_OK &&
              zn_buf_putc(&rs->buf, '\n') == ZN_OK;
    zn_doc_free(doc);
    if (!ok) {
        cli_report(&err);
        return false;
    }
    return cli_write(rs->out, rs->buf.data, rs->buf.len);
}

static int run_input(run_state *rs, const char *path)
{
    zn_error err;
    zn_error_init(&err);
    zn_reader *r;
    if (zn_reader_open(&r, path, &rs->o->reader, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    for (;;) {
        zn_record *rec;
        zn_status st = zn_reader_next(r, &rec, &err);
        if (st != ZN_OK) {
            cli_report(&err);
            rc = CLI_SOME_FAILED;
            if (st == ZN_ERR_FORMAT) {
                continue; // a bad record; the reader goes on with the next
            }
            break;
        }
        if (rec == NULL) {
            break;
        }
        if (!emit(rs, rec)) {
            rc = CLI_SOME_FAILED;
        }
    }
    zn_reader_close(r);
    return rc;
}

static zn_status open_pipeline(const cli_options *o, zn_pipeline **p, zn_error *err)
{
    char lexbuf[4096];
    zn_pipeline_options popts;
    cli_pipeline_options(o, &popts, lexbuf, sizeof lexbuf);
    return zn_pipeline_new(p, &popts, err);
}

int cli_cmd_process(const cli_options *o)
{
    zn_error err;
    zn_error_init(&err);
    zn_pipeline *p = NULL;
    run_state rs = {o, NULL, NULL, {0}};
    zn_buf_init(&rs.buf, 0);
    if (open_pipeline(o, &p, &err) != ZN_OK || zn_worker_new(&rs.worker, p, &err) != ZN_OK) {
        cli_report(&err);
        zn_pipeline_free(p);
        return CLI_SOME_FAILED;
    }
    rs.out = cli_open_output(o);
    int rc = rs.out != NULL ? CLI_OK : CLI_SOME_FAILED;
    if (rs.out != NULL) {
        if (o->n_inputs == 0) {
            rc = run_input(&rs, "-");
        }
        for (int i = 0; i < o->n_inputs; i++) {
            if (run_input(&rs, o->inputs[i]) != CLI_OK) {
                rc = CLI_SOME_FAILED;
            }
        }
        if (!cli_close_output(rs.out, o)) {
            rc = CLI_SOME_FAILED;
        }
    }
    zn_buf_clear(&rs.buf);
    zn_worker_free(rs.worker);
    zn_pipeline_free(p);
    return rc;
}
