/* SPDX-License-Identifier: MIT
 * The LAC network on up to four pieces of text at once: embedding -> two bidirectional GRU
 * layers -> fully connected emissions -> CRF Viterbi. One matrix product over all pieces'
 * characters for everything but the recurrence, which runs one character at a time in each
 * direction, the pieces in lockstep so that each pass over the weights serves all of them. */
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"

void zn__tag_work_free(zn__tag_work *w)
{
    zn__free(w->x);
    zn__free(w->proj);
    zn__free(w->out);
    zn__free(w->emit);
    zn__free(w->tmp);
    zn__free(w->alpha);
    zn__free(w->back);
    memset(w, 0, sizeof *w);
}

// Makes room for `rows` rows (already a multiple of ZN__TAG_ROWS).
static zn_status work_reserve(const zn_tagger *t, zn__tag_work *w, size_t rows, zn_error *err)
{
    // A list may move to another model: its buffers must fit this one's widths.
    size_t shape[4] = {t->emb, t->hidden, t->n_tags, t->tags_pad};
    if (rows <= w->rows && w->x != NULL && memcmp(shape, w->shape, sizeof shape) == 0) {
        return ZN_OK;
    }
    size_t h = t->hidden;
    zn__tag_work n = {0};
    memcpy(n.shape, shape, sizeof shape);
    // Room to grow, but never past the most one call can need: four padded longest pieces.
    size_t most = ZN__TAG_BATCH * (ZN_TAG_SEGMENT_CHARS + ZN__TAG_ROWS);
    n.rows = rows < 64 ? 64 : rows + rows / 2;
    n.rows = n.rows > most && rows <= most ? most : n.rows;
    n.rows += (ZN__TAG_ROWS - n.rows % ZN__TAG_ROWS) % ZN__TAG_ROWS;
    n.x = zn__calloc(n.rows, t->emb * sizeof(float));
    n.proj = zn__calloc(n.rows, 6 * h * sizeof(float));
    n.out = zn__calloc(n.rows, 2 * h * sizeof(float));
    n.emit = zn__calloc(n.rows, t->tags_pad * sizeof(float));
    n.tmp = zn__calloc(14 * h, sizeof(float));
    n.alpha = zn__calloc(2 * t->tags_pad, sizeof(float));
    n.back = zn__calloc(n.rows, t->n_tags);
    if (n.x == NULL || n.proj == NULL || n.out == NULL || n.emit == NULL || n.tmp == NULL ||
        n.alpha == NULL || n.back == NULL) {
        zn__tag_work_free(&n);
        return zn__error_nomem(err, "tagger working memory");
    }
    zn__tag_work_free(w);
    *w = n;
    return ZN_OK;
}

/* The recurrence of one layer over the sequences (longest first, rows at row[b]): reads
 * w->proj, writes w->out, forward states in columns [0, h), reverse ones (right to left) in
 * [h, 2h). While one sequence is left its two directions run together (gru_step2); with
 * more, each direction runs them four at a time (gru_step4), unused lanes repeating the
 * first sequence into a scratch state. */
static void run_recurrence(const zn_tagger *t, const zn__tag_bigru *layer, zn__tag_work *w,
                           const zn__tag_seq *seqs, const size_t *row, size_t n_seqs)
{
    const zn__tag_kernels *kern = t->kernels;
    size_t h = t->hidden;
    float *zero = w->tmp + 12 * h; // the initial state h0 = 0
    float *spare = zero + h;       // the state of unused lanes
    memset(zero, 0, 2 * h * sizeof *zero);
    const float *hp[2][ZN__TAG_BATCH] = {{zero, zero, zero, zero}, {zero, zero, zero, zero}};
    for (size_t k = 0; k < seqs[0].n; k++) {
        const float *x[2][ZN__TAG_BATCH];
        float *hn[2][ZN__TAG_BATCH];
        size_t m = 0;
        for (; m < n_seqs && seqs[m].n > k; m++) {
            for (int d = 0; d < 2; d++) {
                size_t pos = row[m] + (d == 0 ? k : seqs[m].n - 1 - k);
                x[d][m] = w->proj + pos * 6 * h + (size_t)d * 3 * h;
                hn[d][m] = w->out + pos * 2 * h + (size_t)d * h;
            }
        }
        if (m == 1) {
            const float *one_x[2] = {x[0][0], x[1][0]}, *one_hp[2] = {hp[0][0], hp[1][0]};
            float *one_hn[2] = {hn[0][0], hn[1][0]};
            kern->gru_step2(one_x, (const float *const *)layer->w_ur,
                            (const float *const *)layer->w_c, h, one_hp, one_hn, w->tmp);
        } else {
            for (int d = 0; d < 2; d++) {
                for (size_t b = m; b < ZN__TAG_BATCH; b++) {
                    x[d][b] = x[d][0];
                    hp[d][b] = hp[d][0];
                    hn[d][b] = spare;
                }
                kern->gru_step4(x[d], layer->w_ur[d], layer->w_c[d], h, hp[d], hn[d], w->tmp);
            }
        }
        for (int d = 0; d < 2; d++) {
            for (size_t b = 0; b < m; b++) {
                hp[d][b] = hn[d][b];
            }
        }
    }
}

static void sort_longest_first(zn__tag_seq *seqs, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        zn__tag_seq s = seqs[i];
        size_t j = i;
        for (; j > 0 && seqs[j - 1].n < s.n; j--) {
            seqs[j] = seqs[j - 1];
        }
        seqs[j] = s;
    }
}

zn_status zn__tag_network_run(const zn_tagger *t, zn__tag_work *w, zn__tag_seq *seqs,
                              size_t n_seqs, zn_error *err)
{
    sort_longest_first(seqs, n_seqs);
    size_t row[ZN__TAG_BATCH], rows = 0;
    for (size_t b = 0; b < n_seqs; b++) {
        row[b] = rows;
        rows += seqs[b].n + (ZN__TAG_ROWS - seqs[b].n % ZN__TAG_ROWS) % ZN__TAG_ROWS;
    }
    zn_status s = work_reserve(t, w, rows, err);
    if (s != ZN_OK) {
        return s;
    }
    // Padding rows hold stale but finite values: every row of a product is computed on its
    // own, so they never reach a real row.
    size_t e = t->emb, h = t->hidden;
    for (size_t b = 0; b < n_seqs; b++) {
        for (size_t k = 0; k < seqs[b].n; k++) {
            memcpy(w->x + (row[b] + k) * e, t->embedding + (size_t)seqs[b].ids[k] * e,
                   e * sizeof(float));
        }
    }
    for (int l = 0; l < 2; l++) {
        // The second layer reads the first one's output, all of it projected before the
        // recurrence overwrites it.
        const zn__tag_bigru *layer = &t->layer[l];
        const float *in = l == 0 ? w->x : w->out;
        t->kernels->gemm(in, rows, layer->in, layer->w_in, 6 * h, layer->b_in, w->proj);
        run_recurrence(t, layer, w, seqs, row, n_seqs);
    }
    t->kernels->gemm(w->out, rows, 2 * h, t->w_out, t->tags_pad, t->b_out, w->emit);
    for (size_t b = 0; b < n_seqs; b++) {
        zn__tag_viterbi(t, w->emit + row[b] * t->tags_pad, seqs[b].n, w->alpha, w->back,
                        seqs[b].tags);
    }
    return ZN_OK;
}
