/* SPDX-License-Identifier: MIT
 * The context of one character for the repair decision: a small window of text around it,
 * the lexicon words that cover it, and the legit words of the variant tables. */
#ifndef ZHNEWS_NORMALIZE_CONTEXT_H
#define ZHNEWS_NORMALIZE_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zhnews/lexicon.h"

#define WINDOW_CHARS 4 /* context on each side of the character */
#define WINDOW_BYTES (WINDOW_CHARS * 4 * 2 + 8)

/* The context of one character: left + candidate + right, with the candidate at [c0, c1). */
typedef struct window {
    char b[WINDOW_BYTES];
    size_t len;
    size_t c0;
    size_t c1;
} window;

/* What the lexicon says about the words that cover [c0, c1) and are longer than it. */
typedef struct support {
    uint32_t strong; /* best frequency of a covering word valid in the text's script */
    bool weak;       /* a covering word exists, but only in the other script */
} support;

/* Builds the window: up to WINDOW_CHARS Han characters of repaired left context (the tail of
 * left[0..left_len)), cp, and up to WINDOW_CHARS Han characters of s from `after`. Cannot
 * fail. */
void zn__window_build(window *w, const char *left, size_t left_len, const char *s, size_t len,
                      size_t after, uint32_t cp);

/* Puts cp in place of the window's character. Cannot fail. */
void zn__window_swap(window *w, uint32_t cp);

/* The words of the lexicon that cover the window's character and are longer than it: the
 * best frequency among those whose forms meet `mask`, and whether others exist. With
 * `first`, stops at the first valid word. Cannot fail. */
support zn__word_support(const zn_lexicon *lex, const window *w, uint32_t mask, bool first);

/* True when a legit word of the variant tables (白朮, 拮据) covers the character. */
bool zn__legit_covers(const window *w);

#endif
