/* SPDX-License-Identifier: MIT
 * Library-level regression checks of open bugs found by the fuzz targets (issue 9), for
 * tests/bad/known.sh: each prints "ok N what" or "not ok N what". When a bug is fixed its
 * check moves into a module's unit tests and out of here.
 * Usage: known_lib [FIRST_NUMBER - 1] */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhnews/output.h"

static int n;

static void report(int ok, const char *what)
{
    printf("%sok %d %s\n", ok ? "" : "not ", ++n, what);
}

/* src/output/json.c zn_json_double prints "%.4g": numbers within 0.05 % of DBL_MAX round past
 * it ("-1.798e+308"), which parsers read as infinity or reject (jansson: "real number
 * overflow"). Found by fuzz_json. */
static void json_double_max(void)
{
    zn_buf buf;
    zn_buf_init(&buf, 0);
    zn_json j;
    zn_json_init(&j, &buf, false);
    zn_json_double(&j, -DBL_MAX);
    double back = buf.data != NULL ? strtod(buf.data, NULL) : 0;
    report(zn_json_status(&j) == ZN_OK && isfinite(back),
           "JSON writer: -DBL_MAX is written as a number that reads back finite");
    zn_buf_clear(&buf);
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
    n = argc > 1 ? atoi(argv[1]) : 0;
    json_double_max();
    json_depth();
    return 0;
}
