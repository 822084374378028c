/* SPDX-License-Identifier: MIT
 * Sentence ends in a token list: after 。！？；… (and the closing quotes or brackets after
 * them), a Latin full stop before white space, a line break, the end of the text. */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/utf8.h"

// Characters a sentence ends with, and closing quotes or brackets that may follow them:
// 。！？；… ⋯ ! ? ;  and 」』”’）》〉】 ) " '
static bool is_terminator(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x2026 ||
           cp == 0x22EF || cp == '!' || cp == '?' || cp == ';' || cp == 0xFF61;
}

static bool is_closer(uint32_t cp)
{
    return cp == 0x300D || cp == 0x300F || cp == 0x201D || cp == 0x2019 || cp == 0xFF09 ||
           cp == 0x300B || cp == 0x3009 || cp == 0x3011 || cp == ')' || cp == '"' ||
           cp == '\'';
}

// The first code point of a token (the text is valid UTF-8: the tokenizer has decoded it).
static inline uint32_t first_cp(const char *s, const zn_token *t)
{
    const unsigned char *p = (const unsigned char *)s + t->start;
    if (p[0] < 0x80) {
        return p[0];
    }
    if ((p[0] & 0xF0) == 0xE0 && t->end - t->start >= 3) { // CJK punctuation
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    size_t pos = t->start;
    return zn__utf8_next(s, t->end, &pos);
}

void zn__tok_mark_sentences(zn_token_list *list, size_t first, const char *s)
{
    size_t last_word = SIZE_MAX;
    for (size_t k = first; k < list->count; k++) {
        zn_token *t = &list->items[k];
        if (t->flags & ZN_TOKEN_SPACE) {
            // A line break ends a sentence too (a headline, a paragraph without a full stop).
            if (last_word != SIZE_MAX && memchr(s + t->start, '\n', t->end - t->start) != NULL) {
                list->items[last_word].flags |= ZN_TOKEN_SENTENCE_END;
            }
            continue;
        }
        last_word = k;
        if (!(t->flags & ZN_TOKEN_PUNCT)) {
            continue;
        }
        uint32_t cp = first_cp(s, t);
        bool end = is_terminator(cp);
        // A Latin full stop ends a sentence when white space or the end follows.
        if (cp == '.' && t->end - t->start == 1) {
            end = k + 1 == list->count || (list->items[k + 1].flags & ZN_TOKEN_SPACE);
        }
        if (!end) {
            continue;
        }
        while (k + 1 < list->count && (list->items[k + 1].flags & ZN_TOKEN_PUNCT) &&
               (is_closer(first_cp(s, &list->items[k + 1])) ||
                is_terminator(first_cp(s, &list->items[k + 1])))) {
            k++;
        }
        list->items[k].flags |= ZN_TOKEN_SENTENCE_END;
        last_word = k;
    }
    if (last_word != SIZE_MAX) {
        list->items[last_word].flags |= ZN_TOKEN_SENTENCE_END;
    }
}
