/* SPDX-License-Identifier: MIT
 * All messages of the program pass here: "zhnews: " prefix, newline, stderr; and the checked
 * output stream (a closed pipe ends the program quietly). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void vmessage(const char *fmt, va_list ap)
{
    fputs("zhnews: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void cli_warn(const cli_options *o, const char *fmt, ...)
{
    if (o != NULL && o->quiet) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void cli_report(const zn_error *err)
{
    if (err->message[0] != '\0') {
        cli_error("%s", err->message);
    } else {
        cli_error("%s", zn_status_str(err->code));
    }
}

FILE *cli_open_output(const cli_options *o)
{
    if (o->output == NULL || strcmp(o->output, "-") == 0) {
        return stdout;
    }
    FILE *f = fopen(o->output, "w");
    if (f == NULL) {
        cli_error("%s: cannot open for writing: %s", o->output, strerror(errno));
    }
    return f;
}

static void exit_if_epipe(void)
{
    if (errno == EPIPE) {
        // The reader went away (`zhnews big.jsonl | head -1`): end quietly.
        _Exit(0);
    }
}

bool cli_write(FILE *out, const char *s, size_t len)
{
    if (len > 0 && fwrite(s, 1, len, out) != len) {
        exit_if_epipe();
        cli_error("write error: %s", strerror(errno));
        return false;
    }
    return true;
}

bool cli_close_output(FILE *out, const cli_options *o)
{
    const char *name = o->output != NULL && strcmp(o->output, "-") != 0 ? o->output : "stdout";
    errno = 0;
    int flushed = fflush(out);
    int failed = ferror(out);
    if (flushed != 0 || failed) {
        exit_if_epipe();
        cli_error("%s: write error: %s", name, strerror(errno ? errno : EIO));
        if (out != stdout) {
            fclose(out);
        }
        return false;
    }
    if (out != stdout && fclose(out) != 0) {
        cli_error("%s: write error: %s", name, strerror(errno));
        return false;
    }
    return true;
}
