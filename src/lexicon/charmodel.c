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
    size_t lo = 0;
    size_t hi = lex->h->n_hmm_chars;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < lex->h->n_hmm_chars && c[lo].cp == cp) {
        memcpy(emit, c[lo].emit, sizeof c[lo].emit);
        return true;
    }
    for (int s = 0; s < 4; s++) {
        emit[s] = lex->hmm->emit_floor;
    }
    return false;
}
