/* SPDX-License-Identifier: MIT
 * Library-level regression checks of bugs the fuzz targets found and that are fixed (issue
 * 9). Inputs sit in heap blocks of exactly their size, so that a read past the end is seen
 * by AddressSanitizer (make check runs this in the ASan build too).
 * Usage: regress_lib [FIRST_NUMBER - 1]; prints "ok N what" / "not ok N what". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "zhnews/article.h"
#include "zhnews/reader.h"

static int n;

static void report(int ok, const char *what)
{
    printf("%sok %d %s\n", ok ? "" : "not ", ++n, what);
}

/* fuzz_article: src/article/byline.c prefix_end read 3 bytes after 電/电 when fewer than 3
 * were left in the line ("??电?" at the end of the text: heap-buffer-overflow). */
static void byline_after_place_verb(void)
{
    static const char *const texts[] = {"??电?", "新華社北京6月12日電(", "電", "x電（"};
    int ok = 1;
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t len = strlen(texts[i]);
        char *s = malloc(len);
        if (s == NULL)
            return;
        memcpy(s, texts[i], len);
        zn_article *a = NULL;
        ok &= zn_article_parse(&a, "regress", s, len, NULL) == ZN_OK;
        zn_article_free(a);
        free(s);
    }
    report(ok, "article: a line ending 1 or 2 bytes after 電 parses (no read past the end)");
}

/* Reads every record of bytes[0..len) as lines/JSONL; returns how many. */
static int read_all(const char *bytes, size_t len, zn_input_format format)
{
    int fd = memfd_create("regress", 0);
    if (fd < 0 || write(fd, bytes, len) != (ssize_t)len)
        return -1;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.format = format;
    zn_reader *r = NULL;
    int records = 0;
    if (zn_reader_open(&r, path, &o, NULL) == ZN_OK) {
        for (int i = 0; i < 100; i++) {
            zn_record *rec = NULL;
            zn_status st = zn_reader_next(r, &rec, NULL);
            if (rec == NULL && st != ZN_ERR_FORMAT)
                break;
            records += rec != NULL;
            zn_record_free(rec);
        }
    }
    zn_reader_close(r);
    close(fd);
    return records;
}

/* fuzz_reader_jsonl / fuzz_reader_lines: src/reader/containers.c computed NULL + 0 for an
 * empty window after a UTF-16 byte-order mark (UBSan: applying zero offset to null pointer). */
static void empty_window_after_bom(void)
{
    report(read_all("A\xff\xfe\"", 4, ZN_FORMAT_JSONL) >= 0 &&
               read_all("\xff\xfe", 2, ZN_FORMAT_LINES) == 0,
           "reader: lines and JSONL after a lone UTF-16 byte-order mark (no NULL arithmetic)");
}

int main(int argc, char **argv)
{
    n = argc > 1 ? atoi(argv[1]) : 0;
    byline_after_place_verb();
    empty_window_after_bom();
    return 0;
}
