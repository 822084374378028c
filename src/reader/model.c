/* SPDX-License-Identifier: MIT
 * The character model behind encoding detection: how likely a decoded text is to be Chinese
 * news text, as a sum of per-character costs (-ln p). Han characters take their cost from the
 * generated frequency table (hantable.h); other characters fall into a few classes whose costs
 * say how often they show up in real Chinese text compared with the mojibake a wrong decoding
 * produces (Greek and Cyrillic letters, Hangul, private-use and compatibility characters). */
#include "reader/detect.h"
#include "reader/hantable.h"
#include "util/utf8.h"

// Costs in nats. A seen Han character costs 4.4 (的) to 17.8 (once in the word list).
#define COST_UNSEEN_HAN 19.5
#define COST_ASCII 3.0
#define COST_CONTROL 14.0
#define COST_CJK_PUNCT 4.5
#define COST_FULLWIDTH 6.0
#define COST_GENERAL_PUNCT 5.0
#define COST_SYMBOL 10.0
#define COST_LATIN1 9.0
#define COST_FOREIGN_LETTER 11.0
#define COST_RARE_LETTER 13.0
#define COST_MARK 16.0
#define COST_SAME_ALPHABET 5.0
#define COST_HANGUL 13.0
#define COST_PRIVATE 20.0
#define COST_OTHER 14.0

// The CJK punctuation of running Chinese text: U+3000-U+3011 (、。〈〉《》「」『』【】),
// U+FF01 ！ U+FF08 （ U+FF09 ） U+FF0C ， U+FF1A ： U+FF1B ； U+FF1F ？.
static bool is_cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x3011) || cp == 0xFF01 || cp == 0xFF08 || cp == 0xFF09 ||
           cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF1F;
}

static double nonascii_cost(uint32_t cp)
{
    if (is_cjk_punct(cp)) {
        return COST_CJK_PUNCT;
    }
    if (zn__cp_is_han(cp)) {
        return COST_UNSEEN_HAN + 1.0; // compatibility ideographs and extensions B and later
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        return COST_FULLWIDTH; // full-width ASCII (ＡＴＪ, １２)
    }
    if ((cp >= 0x2010 && cp <= 0x2027) || cp == 0x00B7 || (cp >= 0xFE10 && cp <= 0xFE6F)) {
        return COST_GENERAL_PUNCT; // dashes, quotes, …, ·, small and vertical forms
    }
    if (cp < 0xA0) {
        return COST_CONTROL; // C1 controls
    }
    if (cp < 0x100) {
        return cp >= 0xC0 ? COST_LATIN1 : COST_SYMBOL;
    }
    if (cp < 0x0250 || (cp >= 0x3040 && cp <= 0x312F)) {
        return COST_FOREIGN_LETTER; // Latin Extended, kana, bopomofo
    }
    if (cp < 0x0370) {
        return COST_MARK; // IPA, spacing modifiers, combining marks: rare in news text
    }
    if (cp < 0x0800) {
        return COST_RARE_LETTER; // Greek, Cyrillic, Armenian, Hebrew, Arabic, ...
    }
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3012 && cp <= 0x303F) ||
        (cp >= 0x3200 && cp <= 0x33FF)) {
        return COST_SYMBOL; // arrows, maths, box drawing, enclosed and squared forms
    }
    if (cp >= 0xAC00 && cp <= 0xD7AF) {
        return COST_HANGUL;
    }
    if ((cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD || cp >= 0xF0000) {
        return COST_PRIVATE;
    }
    return COST_OTHER;
}

// The alphabet of a letter outside ASCII and Han: 1 Greek, 2 Cyrillic, 3 Hebrew, 4 Arabic,
// 0 for anything else. Letters of one alphabet in a row are words; mojibake of GB18030 or
// Big5 read as UTF-8 jumps between blocks (Ī½, Ҧͭ÷).
static int alphabet_of(uint32_t cp)
{
    if (cp >= 0x0386 && cp <= 0x03CE) {
        return 1;
    }
    if (cp >= 0x0400 && cp <= 0x045F) {
        return 2;
    }
    if (cp >= 0x05D0 && cp <= 0x05EA) {
        return 3;
    }
    if (cp >= 0x0621 && cp <= 0x064A) {
        return 4;
    }
    return 0;
}

double zn__text_cost(const char *s, size_t len, size_t *controls)
{
    double cost = 0.0;
    size_t ctl = 0;
    size_t pos = 0;
    uint32_t prev = 0;
    while (pos < len) {
        uint32_t cp = (unsigned char)s[pos];
        if (cp < 0x80) {
            pos++;
            prev = cp;
            bool plain = (cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' || cp == '\t';
            if (!plain && cp != '\f' && cp != '\v' && cp != 0x1B) {
                ctl++;
            }
            cost += plain ? COST_ASCII : COST_CONTROL;
            continue;
        }
        cp = zn__utf8_next(s, len, &pos);
        if (cp >= ZN__HAN_FIRST && cp <= ZN__HAN_LAST) {
            unsigned char c = zn__han_cost[cp - ZN__HAN_FIRST];
            cost += c != 0 ? c / 8.0 : COST_UNSEEN_HAN;
        } else if (alphabet_of(cp) != 0 && alphabet_of(cp) == alphabet_of(prev)) {
            cost += COST_SAME_ALPHABET; // the next letter of a word (Αθήνα, Москва)
        } else {
            cost += nonascii_cost(cp);
        }
        prev = cp;
    }
    if (controls != NULL) {
        *controls = ctl;
    }
    return cost;
}
