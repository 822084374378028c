/* SPDX-License-Identifier: MIT
 * The container targets share this body: the input is written to a memory file
 * (memfd_create) and read with zn_reader_open/zn_reader_next in the format FUZZ_FORMAT. The
 * first byte picks the read/iconv chunk size (tiny odd sizes make sequences, tags and lines
 * straddle every read) and the --on-invalid policy. Invariants: every record is valid UTF-8;
 * after ZN_ERR_FORMAT the reader goes on, after any other error it is finished; it always
 * ends. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_util.h"
#include "reader/reader_int.h"
#include "zhnews/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_record(const zn_record *rec)
{
    FUZZ_CHECK(rec->text != NULL && rec->text[rec->len] == '\0', "NUL-terminated text");
    FUZZ_CHECK(zn__utf8_is_valid(rec->text, rec->len), "record text is valid UTF-8");
    FUZZ_CHECK(rec->format == FUZZ_FORMAT, "the record has the requested format");
    if (rec->id != NULL)
        FUZZ_CHECK(zn__utf8_is_valid(rec->id, strlen(rec->id)), "id is valid UTF-8");
    if (rec->title != NULL)
        FUZZ_CHECK(zn__utf8_is_valid(rec->title, strlen(rec->title)), "title is valid UTF-8");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const size_t chunks[] = {0, 1, 2, 3, 5, 7, 13, 64};
    size_t chunk = chunks[data[0] & 7];
    zn_reader_options opts;
    zn_reader_options_init(&opts);
    opts.format = FUZZ_FORMAT;
    opts.on_invalid = (zn_invalid_policy)((data[0] >> 3) % 3);
    if (data[0] & 0x80)
        opts.max_record_bytes = 256;

    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return 0;
    if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    zn_reader *r = NULL;
    zn_error err;
    zn_error_init(&err);
    zn_status st = zn_reader_open(&r, path, &opts, &err);
    close(fd);
    if (st != ZN_OK) {
        FUZZ_CHECK(r == NULL, "*out NULL on failure");
        return 0;
    }
    if (chunk != 0)
        zn__reader_set_chunk(r, chunk);
    bool ended = false;
    for (size_t i = 0; i <= size + 2 && !ended; i++) { /* never more records than bytes */
        zn_record *rec = NULL;
        st = zn_reader_next(r, &rec, &err);
        ended = (st == ZN_OK && rec == NULL);
        if (ended)
            break;
        if (st == ZN_OK) {
            check_record(rec);
            zn_record_free(rec);
            continue;
        }
        FUZZ_CHECK(rec == NULL, "no record on error");
        FUZZ_CHECK(err.message[0] != '\0', "a message on error");
        ended = (st != ZN_ERR_FORMAT);
    }
    FUZZ_CHECK(ended, "the reader ends (no more records or errors than input bytes)");
    zn_reader_close(r);
    return 0;
}
