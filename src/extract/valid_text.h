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

// The code point at s[*pos] of valid UTF-8; *pos moves past it.
static inline uint32_t zn__valid_next(const unsigned char *s, size_t *pos)
{
    const unsigned char *p = s + *pos;
    if (p[0] < 0x80) {
        *pos += 1;
        return p[0];
    }
    if (p[0] < 0xE0) {
        *pos += 2;
        return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3Fu);
    }
    if (p[0] < 0xF0) {
        *pos += 3;
        return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
    }
    *pos += 4;
    return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
           (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3Fu);
}

#endif
