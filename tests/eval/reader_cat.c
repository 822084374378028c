/* SPDX-License-Identifier: MIT
 * Eval helper: prints the decoded text of each record of each file (the reader's output,
 * unchanged), then "\n" — to compare decodings of the same text in several encodings.
 * Built by tests/eval/detect.sh against the library; not part of zhnews. */
#include <stdio.h>

#include "zhnews/reader.h"

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        zn_reader *r;
        zn_error err;
        if (zn_reader_open(&r, argv[i], NULL, &err) != ZN_OK) {
            fprintf(stderr, "%s\n", err.message);
            rc = 1;
            continue;
        }
        for (;;) {
            zn_record *rec;
            zn_status st = zn_reader_next(r, &rec, &err);
            if (st != ZN_OK) {
                fprintf(stderr, "%s\n", err.message);
                rc = 1;
                if (st == ZN_ERR_FORMAT) {
                    continue;
                }
                break;
            }
            if (rec == NULL) {
                break;
            }
            fwrite(rec->text, 1, rec->len, stdout);
            fputc('\n', stdout);
            zn_record_free(rec);
        }
        zn_reader_close(r);
    }
    return rc;
}
