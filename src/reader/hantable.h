/* SPDX-License-Identifier: MIT
 * Character tables of the reader, generated at build time by src/reader/gen_tables.py from
 * jieba's word frequencies and OpenCC (see mk/reader.mk): how common each ideograph is, and
 * whether it is a Simplified or a Traditional form. Read-only, shareable. */
#ifndef ZHNEWS_READER_HANTABLE_H
#define ZHNEWS_READER_HANTABLE_H

#define ZN__HAN_FIRST 0x3400u
#define ZN__HAN_LAST 0x9FFFu
#define ZN__HAN_COUNT (ZN__HAN_LAST - ZN__HAN_FIRST + 1u)

/* -ln p(char) in eighths of a nat, for U+3400..U+9FFF at [cp - ZN__HAN_FIRST]; 0 when the
 * character never occurs in the word list. */
extern const unsigned char zn__han_cost[ZN__HAN_COUNT];

/* ZN__SCRIPT_SIMPLIFIED, ZN__SCRIPT_TRADITIONAL or 0 (shared by both scripts). */
extern const unsigned char zn__han_script[ZN__HAN_COUNT];

enum { ZN__SCRIPT_SIMPLIFIED = 1, ZN__SCRIPT_TRADITIONAL = 2 };

#endif
