/* SPDX-License-Identifier: MIT
 * Internal entry points for callers that already checked their text is valid UTF-8 (the
 * CLI's line reader and normaliser do): the extractor's stages then skip the check the
 * public contract makes them do, and decode without the strict decoder's tests. Same
 * results as zn_entities_extract and zn_dates_find on valid text; on invalid text the
 * behaviour is undefined. */
#ifndef ZN_EXTRACT_VALID_TEXT_H
#define ZN_EXTRACT_VALID_TEXT_H

#include <stdint.h>

#include "zhnews/dates.h"
#include "zhnews/extract.h"

zn_status zn__entities_extract_valid(zn_entities **out, const zn_extract_input *in,
                                     zn_error *err);
zn_status zn__dates_find_valid(const char *text, size_t len, const zn_date_options *opts,
                               zn_date_list *out, zn_error *err);

// The code point at s[*pos] of valid UTF-8; *pos moves past it. Chinese text is mostly
// characters of three bytes: they are tested first (one comparison), and the marker bits of
// their bytes, which valid UTF-8 has exactly, are taken off by one subtraction.
static inline uint32_t zn__valid_next(const unsigned char *s, size_t *pos)
{
    const unsigned char *p = s + *pos;
    if ((unsigned)(p[0] - 0xE0) < 0x10) { // 1110xxxx 10yyyyyy 10zzzzzz
        *pos += 3;
        return ((uint32_t)p[0] << 12) + ((uint32_t)p[1] << 6) + p[2] - 0xE2080u;
    }
    if (p[0] < 0x80) {
        *pos += 1;
        return p[0];
    }
    if (p[0] < 0xE0) { // 110xxxxx 10yyyyyy
        *pos += 2;
        return ((uint32_t)p[0] << 6) + p[1] - 0x3080u;
    }
    *pos += 4; // 11110xxx and three bytes 10xxxxxx
    return ((uint32_t)p[0] << 18) + ((uint32_t)p[1] << 12) + ((uint32_t)p[2] << 6) + p[3] -
           0x3C82080u;
}

#endif
