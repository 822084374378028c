/* SPDX-License-Identifier: MIT
 * Walking the lexicon's trie one code point at a time: the tokenizer's inner loop over text it
 * has already decoded (zn_lexicon_prefixes without decoding again and without a callback). */
#ifndef ZHNEWS_LEXICON_LEX_WALK_H
#define ZHNEWS_LEXICON_LEX_WALK_H

#include "zhnews/lexicon.h"

/* The walk's start, and the end of a walk: no listed word continues. */
#define ZN_LEX_WALK_ROOT UINT32_MAX

/* True when the walk sees every word: the lexicon has no user words (those are found by bytes:
 * use zn_lexicon_prefixes then). */
bool zn__lex_walkable(const zn_lexicon *lex);

/* The node after `node` (ZN_LEX_WALK_ROOT at the start) for code point cp, or
 * ZN_LEX_WALK_ROOT when no listed word begins with the code points walked so far. Sets *word
 * to whether those code points are a listed word, and then *info to what zn_lexicon_prefixes
 * would give. */
uint32_t zn__lex_walk(const zn_lexicon *lex, uint32_t node, uint32_t cp, zn_word_info *info,
                      bool *word);

#endif
