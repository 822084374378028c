/* SPDX-License-Identifier: MIT
 * Fuzz target: encoding detection and decoding (zn_record_from_bytes). The first byte picks
 * the declared encoding (auto or one of the named ones) and the --on-invalid policy; the
 * rest is the input. Invariants: success gives valid, NUL-terminated UTF-8 with an encoding
 * name; failure gives no record, a documented status and a message. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/reader.h"

static const char *const encodings[] = {
    NULL, "auto", "UTF-8", "GB18030", "GBK", "BIG5", "BIG5-HKSCS", "UTF-16LE",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    zn_reader_options opts;
    zn_reader_options_init(&opts);
    opts.from = encodings[data[0] & 7];
    opts.on_invalid = (zn_invalid_policy)((data[0] >> 3) % 3);
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    zn_record *rec = (zn_record *)1;
    zn_error err;
    zn_error_init(&err);
    zn_status st = zn_record_from_bytes(&rec, "fuzz", bytes, len, &opts, &err);
    if (st == ZN_OK) {
        FUZZ_CHECK(rec != NULL, "a record on success");
        FUZZ_CHECK(rec->text != NULL && rec->text[rec->len] == '\0', "NUL-terminated text");
        FUZZ_CHECK(zn__utf8_is_valid(rec->text, rec->len), "record text is valid UTF-8");
        FUZZ_CHECK(rec->encoding != NULL, "an encoding name");
        FUZZ_CHECK(rec->confidence >= 0.0 && rec->confidence <= 1.0, "confidence in 0..1");
        if (opts.on_invalid == ZN_INVALID_FAIL)
            FUZZ_CHECK(rec->invalid_bytes == 0, "no invalid bytes under fail");
        zn_record_free(rec);
    } else {
        FUZZ_CHECK(rec == NULL, "*out NULL on failure");
        FUZZ_CHECK(err.code == st, "err carries the status");
        FUZZ_CHECK(err.message[0] != '\0', "a message on failure");
        FUZZ_CHECK(st == ZN_ERR_EMPTY || st == ZN_ERR_NOT_TEXT || st == ZN_ERR_ENCODING ||
                       st == ZN_ERR_TOO_BIG || st == ZN_ERR_INVALID_ARG,
                   "a documented status");
    }
    return 0;
}
