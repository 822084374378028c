/* SPDX-License-Identifier: MIT
 * Library-level regression checks of open bugs found by the fuzz targets (issue 9), for
 * tests/bad/known.sh: each prints "ok N what" or "not ok N what". When a bug is fixed its
 * check moves into a module's unit tests and out of here.
 * Usage: known_lib LEXICON [FIRST_NUMBER - 1] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhnews/lexicon.h"
#include "zhnews/normalize.h"
#include "zhnews/output.h"

static int n;

static void report(int ok, const char *what)
{
    printf("%sok %d %s\n", ok ? "" : "not ", ++n, what);
}

/* src/normalize/convert.c: OpenCC is given the text as a C string, so everything after a
 * U+0000 of a run is dropped from the output (reported as one change whose "from" is cut). */
static void normalize_nul(const char *lexicon)
{
    zn_lexicon *lex = NULL;
    zn_normalizer *nz = NULL;
    zn_norm_result *res = NULL;
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    o.to = ZN_TO_S;
    static const char text[] = "台灣a\0bcdef 資訊";
    size_t len = sizeof text - 1;
    if (zn_lexicon_open(&lex, lexicon, NULL) != ZN_OK ||
        zn_normalizer_new(&nz, lex, &o, NULL) != ZN_OK ||
        zn_normalizer_run(nz, text, len, &res, NULL) != ZN_OK) {
        report(0, "normaliser --to s keeps the text after U+0000 (setup failed)");
    } else {
        static const char want[] = "台湾a\0bcdef 资讯";
        report(res->len == sizeof want - 1 && memcmp(res->text, want, res->len) == 0,
               "normaliser --to s keeps the text after U+0000");
    }
    zn_norm_result_free(res);
    zn_normalizer_free(nz);
    zn_lexicon_close(lex);
}

/* include/zhnews/output.h promises ZN_ERR_INVALID_ARG for nesting deeper than
 * ZN_JSON_MAX_DEPTH; src/output/json.c open_container sets ZN_ERR_TOO_BIG. */
static void json_depth(void)
{
    zn_buf buf;
    zn_buf_init(&buf, 0);
    zn_json j;
    zn_json_init(&j, &buf, false);
    for (int i = 0; i <= ZN_JSON_MAX_DEPTH; i++)
        zn_json_begin_array(&j);
    report(zn_json_status(&j) == ZN_ERR_INVALID_ARG,
           "JSON writer: nesting too deep is ZN_ERR_INVALID_ARG as output.h says");
    zn_buf_clear(&buf);
}

int main(int argc, char **argv)
{
    n = argc > 2 ? atoi(argv[2]) : 0;
    normalize_nul(argc > 1 ? argv[1] : "build/zhnews.lex");
    json_depth();
    return 0;
}
