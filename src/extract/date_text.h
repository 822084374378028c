/* SPDX-License-Identifier: MIT
 * The date finder's view of a text (date_text.c, date_words.c): the characters folded to one
 * spelling, the places an expression may begin, the numbers read, and the questions the
 * parsers ask about them. */
#ifndef ZHNEWS_EXTRACT_DATE_TEXT_H
#define ZHNEWS_EXTRACT_DATE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date_starts.h" /* generated: DATE_LIST_* bits of the word tables */
#include "extract/valid_text.h"
#include "zhnews/common.h"

/* Texts of at most this many bytes are folded into the dtext itself (date__text_init). */
#define DATE_SMALL_TEXT 512
/* Words of candidate bits of a text with room for `entries` characters, and the bytes of
 * its arrays: cand, off and cp (one entry per character) and the class bytes
 * date__text_init reads 64 at a time (64 more than the words hold: the 64 after the last
 * character are cleared at once). */
#define DATE_TEXT_WORDS(entries) ((entries) / 64 + 1)
#define DATE_TEXT_BYTES(entries)                                                          \
    (DATE_TEXT_WORDS(entries) * (sizeof(uint64_t) + 64) + 64 +                             \
     (entries) * (sizeof(size_t) + sizeof(uint32_t)))

/* A number read from the text. */
typedef struct dnum {
    double v;     /* value (2621.2, 0.5 for 半) */
    size_t end;   /* index after it */
    int digits;   /* characters used for the digits */
    bool arabic;  /* written with 0-9 */
    bool seq;     /* Chinese digit by digit (二〇一八) or Arabic */
    bool approx;  /* followed by 多/余/几 or written 几 */
} dnum;

/* What the parsers asked about last, kept because they ask again and again: the number
 * date__num read (a dozen times where one starts) and the word tables of a character
 * (date__lists_at, for each table tried at an index). */
typedef struct dmemo {
    size_t at; /* the number's index, or SIZE_MAX */
    bool ok;
    dnum n;
    size_t lists_at; /* the index of `lists`, or SIZE_MAX */
    uint64_t lists;
} dmemo;

/* The text as code points, folded to one spelling (Traditional → Simplified for the date
 * words, full-width → ASCII digits and signs), with the byte offset of every code point in
 * the original (off[n] is the length; cp[n] is 0). Matching happens on cp, results map
 * back by off. */
typedef struct dtext {
    uint32_t *cp;
    size_t *off;
    size_t n;
    uint64_t *cand; /* bit i: an expression may begin at i by cp[i] alone (date_start.c) */
    void *block;    /* the heap block that holds the arrays, or NULL when `small` does */
    dmemo *memo; /* &memo_store: written by date__num and date__lists_at through a const dtext */
    dmemo memo_store;
    /* Room for the arrays of a short text (most lines of a news text), so that it needs no
     * heap block: cand, off, cp and the class bytes of up to DATE_SMALL_TEXT bytes. */
    uint64_t small[(DATE_TEXT_BYTES(DATE_SMALL_TEXT + 1) + 7) / 8];
} dtext;

/* ---- date_text.c: folding and numbers; date_words.c: matching ---- */

/* Builds the folded text of s[0, len) (valid UTF-8) and its candidate bits. Returns ZN_OK
 * or ZN_ERR_NOMEM. The dtext must not be copied or moved until date__text_clear. */
zn_status date__text_init(dtext *t, const char *s, size_t len);
void date__text_clear(dtext *t);
/* True when the folded text from j on continues with the rest of a word, `rest` (UTF-8, may
 * be empty); *end gets the index after. date__at's slow part. */
bool date__at_rest(const dtext *t, size_t j, const char *rest, size_t *end);
/* True when the folded text at i starts with the UTF-8 word w; *end gets the index after.
 * Inline: the scanner calls it hundreds of times per candidate position. The word's first
 * character is decoded here, for a literal word by the compiler, so that most tries cost
 * one comparison of code points. */
static inline bool date__at(const dtext *t, size_t i, const char *w, size_t *end)
{
    size_t pos = 0;
    uint32_t first = zn__valid_next((const unsigned char *)w, &pos);
    if (i >= t->n || t->cp[i] != first) {
        return false; // every word has at least one character
    }
    return date__at_rest(t, i + 1, w + pos, end);
}

/* The character at an index as UTF-8, for the word tables tried one by one at that index
 * (date__lead_at, date__at_lead): most words are turned away by their first byte, the
 * others by the rest of their first character, before anything is decoded. */
typedef struct dlead {
    unsigned char b[4]; /* the UTF-8 bytes; b[0] is 0 past the text's end */
    size_t len;
} dlead;

static inline dlead date__lead_at(const dtext *t, size_t i)
{
    dlead l = {{0, 0, 0, 0}, 1};
    uint32_t c = i < t->n ? t->cp[i] : 0;
    if (c < 0x80) {
        l.b[0] = (unsigned char)c;
    } else if (c < 0x800) {
        l.b[0] = (unsigned char)(0xC0 | c >> 6);
        l.len = 2;
    } else if (c < 0x10000) {
        l.b[0] = (unsigned char)(0xE0 | c >> 12);
        l.b[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        l.len = 3;
    } else {
        l.b[0] = (unsigned char)(0xF0 | c >> 18);
        l.b[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
        l.b[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        l.len = 4;
    }
    if (l.len > 1) {
        l.b[l.len - 1] = (unsigned char)(0x80 | (c & 0x3F));
    }
    return l;
}

/* date__at for a word of a table at i, where l = date__lead_at(t, i). */
static inline bool date__at_lead(const dtext *t, size_t i, const dlead *l, const char *w,
                                 size_t *end)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] != l->b[0]) {
        return false; // never equal past the text's end: a word has a first character
    }
    // w ends with a NUL, which no byte of l->b after the first is: no byte past it is read
    for (size_t k = 1; k < l->len; k++) {
        if (u[k] != l->b[k]) {
            return false;
        }
    }
    return date__at_rest(t, i + 1, w + l->len, end);
}

/* True when the folded text at i holds the characters a then b. For words that only come
 * after something (前後 after a date, 最後 before a count): written as code points, not as
 * a word literal, they do not make the scanner stop where they start. */
static inline bool date__two_at(const dtext *t, size_t i, uint32_t a, uint32_t b)
{
    return i + 1 < t->n && t->cp[i] == a && t->cp[i + 1] == b;
}

/* Bits (DATE_LIST_*) of the word tables holding a word that starts with c; 0 when no date
 * word starts with c. */
uint64_t date__lists(uint32_t c);
/* date__lists of the character at i (i < t->n), kept for the next question about i. */
static inline uint64_t date__lists_at(const dtext *t, size_t i)
{
    dmemo *m = t->memo;
    if (m->lists_at != i) {
        m->lists = date__lists(t->cp[i]);
        m->lists_at = i;
    }
    return m->lists;
}
/* True when a word of the table `list` (a DATE_LIST_* bit) may start at i: the character
 * begins one of its words, or is ASCII (ASCII words are tried one by one). */
static inline bool date__gate(const dtext *t, size_t i, uint64_t list)
{
    return i < t->n && (t->cp[i] < 0x80 || (date__lists_at(t, i) & list) != 0);
}
/* Index of the longest word of the NULL-terminated list that starts at i, or -1 (at once
 * where no date word starts with the character). */
int date__at_any(const dtext *t, size_t i, const char *const *words, size_t *end);
/* The same for a table with the bit `list` (DATE_LIST_*): tried only where it may match.
 * Every table of the tools/date_starts.py header has one: use this, not date__at_any
 * (each table tried at a place where none of its words can start cost the parsers a
 * tenth of their instructions). */
static inline int date__at_list(const dtext *t, size_t i, const char *const *words,
                                uint64_t list, size_t *end)
{
    return date__gate(t, i, list) ? date__at_any(t, i, words, end) : -1;
}
/* For i where a number may start (a figure, 几 or a numeral): 1 when date__num would read
 * the character alone as a number (nothing after it can continue one), 0 when it would read
 * none, -1 when only reading tells. A character or two compared, no number read: most
 * numerals of a text (一個人 一些 統一的) start no date. Must agree with read_num. */
int date__num_alone(const dtext *t, size_t i);
/* date__num where a number may start at i (a figure, 几 or a numeral): read, and kept. */
bool date__num_read(const dtext *t, size_t i, dnum *out);
/* The DATE_CHAR_* bits of c (a generated byte per character of the Basic Multilingual
 * Plane; 0 beyond, U+0000 has none): ONE, a date word by itself; NUMERAL (date__is_cjk_digit);
 * and for date__text_init, of the character as it folds, ALONE where an expression may begin
 * by the character alone (an ASCII digit, a numeral, 几, a word by itself but those of
 * single_tail in date_start.c), PAIR where one may begin only with the next character too,
 * FOLDS for a character of the folding table (date_fold.h). */
static inline unsigned date__char_class(uint32_t c)
{
    return date__char_bits[c < 0x10000 ? c : 0];
}
/* Must match pair_hash in tools/date_starts.py: the hash of the first two characters of a
 * word, a bit of date__start_pairs (and of the other pair bitmaps of date_start.c). */
static inline uint32_t date__pair_hash(uint32_t a, uint32_t b)
{
    return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> (32 - DATE_PAIR_BITS);
}
static inline bool date__is_digit(uint32_t c)
{
    return c - '0' < 10;
}
/* A Chinese digit or unit: 〇零一二两俩三四五六七八九 十廿卅百千万亿 (date_text.c reads their
 * values). */
static inline bool date__is_cjk_digit(uint32_t c)
{
    return (date__char_class(c) & DATE_CHAR_NUMERAL) != 0;
}
/* Reads a number (Arabic, Chinese, digit-by-digit Chinese) at i into *out (all 0 when
 * there is none); false when none. Inline: most places the parsers ask about (twenty
 * thousand times in 2,700 lines of news) hold no number at all. */
static inline bool date__num(const dtext *t, size_t i, dnum *out)
{
    uint32_t c = i < t->n ? t->cp[i] : 0;
    if (!date__is_digit(c) && c != 0x51E0 && !date__is_cjk_digit(c)) { // 几
        memset(out, 0, sizeof *out);
        return false;
    }
    const dmemo *m = t->memo;
    if (m->at == i) { // asked again (most numbers are)
        *out = m->n;
        return m->ok;
    }
    return date__num_read(t, i, out);
}
/* True when some date word starts with c (a table generated from the word lists). */
bool date__may_start(uint32_t c);
/* The first index >= i where an expression may begin (the bits date__text_init sets: an
 * ASCII digit, a Chinese numeral, a character a date word starts with, but where it only
 * begins longer words and its pair with the next character begins none); t->n when none. */
size_t date__next_candidate(const dtext *t, size_t i);
/* True when some date word may start at i: its first character is a word by itself, or
 * the first two characters begin a word (a superset: a hash of the pairs) and are a word
 * or, with the third, begin one (hashes of the triples); the vague words count only with
 * `vague` (for the pairs; the triples hold all words). */
bool date__may_start_at(const dtext *t, size_t i, bool vague);
/* May what follows a number or a one-character word (自 上 週), at i, continue a date? True
 * for ASCII, 几 and a numeral, for a character that is a date word by itself, and for one
 * whose pair with the next character begins a date word (any, vague ones too) or is
 * compared by date__two_at (前后 之久); at the text's end, for any character a date word
 * starts with. A superset (a hash). */
bool date__may_follow(const dtext *t, size_t i);

#endif
