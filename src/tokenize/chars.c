/* SPDX-License-Identifier: MIT
 * Character classes of the tokenizer (Han, digit, letter, space, punctuation). */
#include <utf8proc.h>

#include "tokenize/tok_internal.h"
#include "util/utf8.h"

uint8_t zn__tok_class(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') {
            return TOK_DIGIT;
        }
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
            return TOK_LATIN;
        }
        return cp == ' ' || (cp >= '\t' && cp <= '\r') ? TOK_SPACE : TOK_PUNCT;
    }
    if (zn__cp_is_han(cp) || cp == 0x3007) { // U+3007 ideographic zero
        return TOK_HAN;
    }
    if (zn__cp_is_space(cp)) {
        return TOK_SPACE;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ND:
        return TOK_DIGIT;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return TOK_LATIN;
    default:
        return TOK_PUNCT;
    }
}
