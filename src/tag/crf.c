/* SPDX-License-Identifier: MIT
 * CRF Viterbi decoding as Paddle's crf_decoding does it: crfw row 0 holds the start scores,
 * row 1 the end scores, rows 2.. the transition matrix (from row to column). */
#include "tag/tag_internal.h"

void zn__tag_viterbi(const zn_tagger *t, const float *emit, size_t n, float *alpha,
                     uint8_t *back, uint16_t *tags)
{
    size_t nt = t->n_tags, stride = t->tags_pad;
    float *prev = alpha;
    float *cur = alpha + stride;
    for (size_t i = 0; i < nt; i++) {
        prev[i] = t->crf_start[i] + emit[i];
    }
    for (size_t k = 1; k < n; k++) {
        t->kernels->viterbi_step(prev, t->crf_trans, nt, stride, emit + k * stride, cur,
                                 back + k * nt);
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
