/* SPDX-License-Identifier: MIT
 * Which script a text is written in, from the characters that only one script uses (the
 * generated table marks them from OpenCC's character conversions). */
#include "reader/hantable.h"
#include "util/utf8.h"
#include "zhnews/reader.h"

zn_text_script zn_text_script_guess(const char *s, size_t len)
{
    size_t simp = 0;
    size_t trad = 0;
    size_t pos = 0;
    while (pos < len) {
        if ((unsigned char)s[pos] < 0x80) {
            pos++;
            continue;
        }
        uint32_t cp = zn__utf8_next(s, len, &pos);
        if (cp >= ZN__HAN_FIRST && cp <= ZN__HAN_LAST) {
            unsigned char k = zn__han_script[cp - ZN__HAN_FIRST];
            simp += k == ZN__SCRIPT_SIMPLIFIED;
            trad += k == ZN__SCRIPT_TRADITIONAL;
        }
    }
    if (simp + trad == 0) {
        return ZN_TEXT_SCRIPT_NONE;
    }
    // A few characters of the other script are normal (names, quotations, table quirks).
    if (trad * 20 <= simp + trad) {
        return ZN_TEXT_SCRIPT_SIMPLIFIED;
    }
    if (simp * 20 <= simp + trad) {
        return ZN_TEXT_SCRIPT_TRADITIONAL;
    }
    return ZN_TEXT_SCRIPT_MIXED;
}

const char *zn_text_script_name(zn_text_script script)
{
    switch (script) {
    case ZN_TEXT_SCRIPT_SIMPLIFIED: return "simplified";
    case ZN_TEXT_SCRIPT_TRADITIONAL: return "traditional";
    case ZN_TEXT_SCRIPT_MIXED: return "mixed";
    default: return "none";
    }
}
