/* SPDX-License-Identifier: MIT
 * Private to the reader: the decoder turns bytes of one encoding into UTF-8 (iconv, or the
 * strict UTF-8 check of src/util/utf8.c), applying the --on-invalid policy. It works on
 * pieces: a multibyte sequence cut at the end of a piece is kept for the next one. */
#ifndef ZHNEWS_READER_DECODE_H
#define ZHNEWS_READER_DECODE_H

#include <iconv.h>

#include "zhnews/reader.h"

typedef struct zn__decoder {
    iconv_t cd;                /* (iconv_t)-1 for UTF-8 input */
    const char *name;          /* encoding named in messages ("GB18030") */
    zn_invalid_policy policy;
    size_t piece;              /* bytes handed to iconv at a time (a test knob) */
    size_t invalid;            /* bytes replaced or skipped since the last reset */
} zn__decoder;

/* Prepares a decoder for `iconv_name` (NULL: UTF-8), naming `label` in messages.
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (iconv does not know the name) or ZN_ERR_NOMEM. */
zn_status zn__decoder_init(zn__decoder *d, const char *iconv_name, const char *label,
                           zn_invalid_policy policy, const char *path, zn_error *err)
    __attribute__((warn_unused_result));

/* Releases the iconv handle. Accepts a decoder that failed to initialise. Cannot fail. */
void zn__decoder_clear(zn__decoder *d);

/* Resets the shift state and the invalid count (between records). Cannot fail. */
void zn__decoder_reset(zn__decoder *d);

/* Decodes in[0..len) and appends UTF-8 to out. `base` is the input offset of in[0] for
 * messages ("PATH: invalid GB18030 at byte N"). When `final` is false a sequence cut at the end
 * is left undecoded and *used (may be NULL only when final) tells how far decoding got; when
 * final it counts as invalid bytes. Returns ZN_OK, ZN_ERR_ENCODING (invalid bytes under
 * ZN_INVALID_FAIL), ZN_ERR_TOO_BIG (out's limit), ZN_ERR_NOMEM. */
zn_status zn__decoder_run(zn__decoder *d, const char *in, size_t len, bool final, size_t *used,
                          zn_buf *out, size_t base, const char *path, zn_error *err)
    __attribute__((warn_unused_result));

#endif
