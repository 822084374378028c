/* SPDX-License-Identifier: MIT
 * `zhnews [process] [FILE|DIR|-]...`: the full pipeline, one JSON object per article (JSON
 * Lines when there are several). */
#include "cli/cli.h"

typedef struct run_state {
    const cli_options *o;
    zn_worker *worker;
    zn_buf buf;
} run_state;

// Runs one record through the pipeline and writes its JSON line.
static bool emit(void *ctx, zn_record *rec, FILE *out)
{
    run_state *rs = ctx;
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
    return cli_write(out, rs->buf.data, rs->buf.len);
}

int cli_cmd_process(const cli_options *o)
{
    zn_error err;
    zn_error_init(&err);
    char lexbuf[4096];
    zn_pipeline_options popts;
    cli_pipeline_options(o, &popts, lexbuf, sizeof lexbuf);
    zn_pipeline *p = NULL;
    run_state rs = {o, NULL, {0}};
    zn_buf_init(&rs.buf, 0);
    if (zn_pipeline_new(&p, &popts, &err) != ZN_OK || zn_worker_new(&rs.worker, p, &err) != ZN_OK) {
        cli_report(&err);
        zn_pipeline_free(p);
        return CLI_SOME_FAILED;
    }
    int rc = cli_each_record(o, &o->reader, emit, &rs);
    zn_buf_clear(&rs.buf);
    zn_worker_free(rs.worker);
    zn_pipeline_free(p);
    return rc;
}
