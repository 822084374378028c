/* SPDX-License-Identifier: MIT
 * CRF Viterbi decoding as Paddle's crf_decoding does it: crfw row 0 holds the start scores,
 * row 1 the end scores, rows 2.. the transition matrix (from row to column). */
#include "tag/tag_internal.h"

void zn__tag_viterbi(const zn_tagger *t, const float *emit, size_t stride, size_t n,
                     float *alpha, uint8_t *back, uint16_t *tags)
{
    size_t nt = t->n_tags;
    float *prev = alpha;
    float *cur = alpha + nt;
    for (size_t i = 0; i < nt; i++) {
        prev[i] = t->crf_start[i] + emit[i];
    }
    for (size_t k = 1; k < n; k++) {
        const float *e = emit + k * stride;
        for (size_t i = 0; i < nt; i++) {
            float best = prev[0] + t->crf_trans[i];
            size_t arg = 0;
            for (size_t j = 1; j < nt; j++) {
                float score = prev[j] + t->crf_trans[j * nt + i];
                if (score > best) {
                    best = score;
                    arg = j;
                }
            }
            cur[i] = best + e[i];
            back[k * nt + i] = (uint8_t)arg;
        }
        float *swap = prev;
        prev = cur;
        cur = swap;
    }
    size_t last = 0;
    float best = prev[0] + t->crf_end[0];
    for (size_t i = 1; i < nt; i++) {
        if (prev[i] + t->crf_end[i] > best) {
            best = prev[i] + t->crf_end[i];
            last = i;
        }
    }
    for (size_t k = n; k-- > 0;) {
        tags[k] = (uint16_t)last;
        last = back[k * nt + last];
    }
}
