/* SPDX-License-Identifier: MIT
 * One input file's result in a batch: made by a worker, merged and freed by the run. */
#include <string.h>

#include "batch/batch_int.h"
#include "util/alloc.h"

zn_status zn__file_result_new(file_result **out)
{
    *out = zn__calloc(1, sizeof **out);
    if (*out == NULL) {
        return ZN_ERR_NOMEM;
    }
    zn_buf_init(&(*out)->index, 0);
    return ZN_OK;
}

void zn__file_result_free(file_result *r)
{
    if (r == NULL) {
        return;
    }
    zn__free(r->reason);
    zn_buf_clear(&r->index);
    for (size_t i = 0; i < r->n_facts; i++) {
        zn__free(r->facts[i].key);
    }
    zn__free(r->facts);
    for (size_t i = 0; i < r->n_dups; i++) {
        zn__free(r->dups[i].label);
    }
    zn__free(r->dups);
    zn__free(r);
}

zn_status zn__file_result_fail(file_result *r, const char *reason)
{
    r->kind = RESULT_FAILED;
    if (r->reason != NULL) {
        return ZN_OK; // the first problem is the reason
    }
    r->reason = zn__strndup(reason, strlen(reason));
    return r->reason != NULL ? ZN_OK : ZN_ERR_NOMEM;
}
