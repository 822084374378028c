/* SPDX-License-Identifier: MIT
 * The lexicon's character model (jieba's HMM tables, compiled into zhnews.lex). */
#include <string.h>

#include "lexicon/lexicon_internal.h"

void zn_lexicon_char_model(const zn_lexicon *lex, float start[4], float trans[4][4])
{
    memcpy(start, lex->hmm->start, sizeof lex->hmm->start);
    memcpy(trans, lex->hmm->trans, sizeof lex->hmm->trans);
}

bool zn_lexicon_char_emit(const zn_lexicon *lex, uint32_t cp, float emit[4])
{
    const zn_lex_hmm_char *c = lex->hmm_chars;
    size_t n = lex->h->n_hmm_chars;
    // Binary search without a branch on the loaded code points (each step's load can start
    // before the previous comparison is known): lo is the last entry below cp, if any.
    size_t lo = 0;
    size_t len = n;
    while (len > 1) {
        size_t half = len / 2;
        lo = c[lo + half - 1].cp < cp ? lo + half : lo;
        len -= half;
    }
    lo += n > 0 && c[lo].cp < cp;
    if (lo < lex->h->n_hmm_chars && c[lo].cp == cp) {
        memcpy(emit, c[lo].emit, sizeof c[lo].emit);
        return true;
    }
    for (int s = 0; s < 4; s++) {
        emit[s] = lex->hmm->emit_floor;
    }
    return false;
}
