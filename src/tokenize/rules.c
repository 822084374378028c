/* SPDX-License-Identifier: MIT
 * Rule atoms of the tokenizer: spans that stay whole whatever the lexicon says (URLs, e-mail
 * addresses, Latin words and numbers, transliterated names joined by a middle dot), and the
 * number words (digits + a date or magnitude unit, Chinese numerals). */
#include <string.h>

#include "tokenize/tok_internal.h"

static bool is_alnum(const tok_char *c)
{
    return c->cls == TOK_LATIN || c->cls == TOK_DIGIT;
}

static bool ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

// Does chars[i..] spell the ASCII string p (case-insensitive)?
static bool spells(const tok_char *chars, size_t i, size_t to, const char *p)
{
    for (; *p != '\0'; p++, i++) {
        if (i >= to || chars[i].cp >= 0x80 || (chars[i].cp | 0x20) != (uint32_t)(*p | 0x20)) {
            return false;
        }
    }
    return true;
}

static size_t url_at(const tok_char *chars, size_t i, size_t to)
{
    static const char *const starts[] = {"http://", "https://", "ftp://", "www."};
    size_t k = 0;
    while (k < 4 && !spells(chars, i, to, starts[k])) {
        k++;
    }
    if (k == 4) {
        return 0;
    }
    static const char url_chars[] = "-._~:/?#[]@!$&'()*+,;=%";
    size_t j = i + strlen(starts[k]);
    while (j < to && chars[j].cp < 0x80 &&
           (ascii_alnum(chars[j].cp) || strchr(url_chars, (int)chars[j].cp) != NULL)) {
        j++;
    }
    while (j > i && strchr(".,;:!?)'", (int)chars[j - 1].cp) != NULL) {
        j--; // sentence punctuation after the address
    }
    return j > i + strlen(starts[k]) ? j - i : 0;
}

static size_t email_at(const tok_char *chars, size_t i, size_t to)
{
    size_t j = i;
    while (j < to && chars[j].cp < 0x80 &&
           (ascii_alnum(chars[j].cp) || strchr("._%+-", (int)chars[j].cp) != NULL)) {
        j++;
    }
    if (j == i || j >= to || chars[j].cp != '@') {
        return 0;
    }
    size_t k = j + 1;
    size_t dot = 0;
    while (k < to && chars[k].cp < 0x80 && (ascii_alnum(chars[k].cp) || chars[k].cp == '.' ||
                                            chars[k].cp == '-')) {
        dot = chars[k].cp == '.' ? k : dot;
        k++;
    }
    while (k > j + 1 && (chars[k - 1].cp == '.' || chars[k - 1].cp == '-')) {
        k--; // a full stop after the address
    }
    while (dot >= k) {
        dot--;
    }
    while (dot > j && chars[dot].cp != '.') {
        dot--;
    }
    return dot > j + 1 && dot + 1 < k ? k - i : 0;
}

// A Latin word or a number: letters and digits, joined inside by . , - _ ' & and followed
// by % or ++ / # (C++, C#).
static size_t alnum_at(const tok_char *chars, size_t i, size_t to, bool *letters)
{
    size_t j = i;
    *letters = false;
    while (j < to) {
        if (is_alnum(&chars[j])) {
            *letters |= chars[j].cls == TOK_LATIN;
            j++;
            continue;
        }
        uint32_t c = chars[j].cp;
        bool digits_around = chars[j - 1].cls == TOK_DIGIT && j + 1 < to &&
                             chars[j + 1].cls == TOK_DIGIT;
        bool inner = (c == '.' || c == 0xFF0E || c == ',' || c == ':') ? digits_around
                     : (c == '-' || c == '_' || c == '\'' || c == '&')
                         ? j + 1 < to && is_alnum(&chars[j + 1]) && chars[j - 1].cls == TOK_LATIN
                         : false;
        if (!inner) {
            break;
        }
        j++;
    }
    if (j < to && (chars[j].cp == '%' || chars[j].cp == 0xFF05) &&
        chars[j - 1].cls == TOK_DIGIT) {
        j++; // 5% and ５％
    } else if (j < to && *letters && chars[j].cp == '#') {
        j++;
    } else if (j + 1 < to && *letters && chars[j].cp == '+' && chars[j + 1].cp == '+') {
        j += 2;
    }
    return j - i;
}

// A minus sign (- U+FF0D U+2212) before a digit and after anything but a letter or a digit.
static bool is_minus(const tok_char *chars, size_t from, size_t i, size_t to)
{
    uint32_t c = chars[i].cp;
    return (c == '-' || c == 0xFF0D || c == 0x2212) && i + 1 < to &&
           chars[i + 1].cls == TOK_DIGIT && (i == from || !is_alnum(&chars[i - 1]));
}

static bool is_name_dot(uint32_t cp)
{
    // U+00B7 middle dot, U+30FB katakana middle dot, U+2027 hyphenation point, U+2022 bullet,
    // U+FF65 half-width katakana middle dot
    return cp == 0xB7 || cp == 0x30FB || cp == 0x2027 || cp == 0x2022 || cp == 0xFF65;
}

static void set_atom(tok_char *chars, size_t i, size_t n, char (*tags)[8], const char *tag)
{
    chars[i].atom = 1;
    chars[i].atom_end = (uint32_t)(i + n);
    for (size_t k = i + 1; k < i + n; k++) {
        chars[k].inside = 1;
        chars[k].atom = 0;
    }
    memset(tags[i], 0, 8);
    memcpy(tags[i], tag, strlen(tag));
}

// Transliterated names: Han runs joined by middle dots (弗里德里克·泰勒). The name's left part
// is the longest run of transliteration characters before the first dot.
static size_t dotted_name(tok_char *chars, size_t from, size_t d, size_t to, size_t *start)
{
    size_t l = d;
    while (l > from && chars[l - 1].cls == TOK_HAN && !chars[l - 1].inside &&
           (chars[l - 1].flags & TOK_CF_TRANSLIT) && d - l < 12) {
        l--;
    }
    size_t r = d;
    while (r < to && is_name_dot(chars[r].cp) && r + 1 < to && chars[r + 1].cls == TOK_HAN) {
        r++;
        size_t s = r;
        while (r < to && chars[r].cls == TOK_HAN && (chars[r].flags & TOK_CF_TRANSLIT) &&
               r - s < 12) {
            r++;
        }
        if (r == s) {
            r--;
            break;
        }
    }
    *start = l;
    return l < d && r > d + 1 ? r - l : 0;
}

// Punctuation written as a run of one character: —— …… ── ～～ -- ... (U+2014, U+2015, U+2026,
// U+2500, U+FF5E, U+FF0D, U+FF0E, U+30FB)
static size_t punct_run_at(const tok_char *chars, size_t i, size_t to)
{
    static const uint32_t runs[] = {0x2014, 0x2015, 0x2026, 0x2500, 0xFF5E, 0xFF0D, 0xFF0E,
                                    0x22EF, '-', '.', '~', '=', '*', '!', '?', 0xFF01, 0xFF1F};
    uint32_t cp = chars[i].cp;
    if (i + 1 >= to || chars[i + 1].cp != cp) {
        return 0; // the common case, no run: the list is not searched
    }
    bool listed = false;
    for (size_t k = 0; k < sizeof runs / sizeof *runs; k++) {
        listed |= runs[k] == cp;
    }
    size_t j = i + 1;
    while (listed && j < to && chars[j].cp == cp) {
        j++;
    }
    return j - i >= 2 && listed ? j - i : 0;
}

void zn__tok_mark_atoms(tok_char *chars, size_t from, size_t to, char (*tags)[8])
{
    size_t i = from;
    while (i < to) {
        if (chars[i].cls == TOK_HAN) {
            i++; // the common case: no rule starts at an ideograph
            continue;
        }
        size_t n;
        bool letters;
        size_t start;
        bool ascii = chars[i].cp < 0x80 && is_alnum(&chars[i]);
        if (ascii && (n = url_at(chars, i, to)) > 0) {
            set_atom(chars, i, n, tags, "url");
        } else if (ascii && (n = email_at(chars, i, to)) > 0) {
            set_atom(chars, i, n, tags, "email");
        } else if (is_alnum(&chars[i]) && (n = alnum_at(chars, i, to, &letters)) > 0) {
            set_atom(chars, i, n, tags, letters ? "eng" : "m");
        } else if (is_minus(chars, from, i, to) && (n = alnum_at(chars, i + 1, to, &letters)) > 0 &&
                   !letters) {
            n++; // -5, －9: a negative number
            set_atom(chars, i, n, tags, "m");
        } else if (chars[i].cls == TOK_PUNCT && (n = punct_run_at(chars, i, to)) > 0) {
            set_atom(chars, i, n, tags, "x");
        } else if (is_name_dot(chars[i].cp) && (n = dotted_name(chars, from, i, to, &start)) > 0) {
            set_atom(chars, start, n, tags, "nrfg");
            i = start;
        } else {
            n = 1;
        }
        i += n;
    }
}
