/* SPDX-License-Identifier: MIT
 * The LAC network on one piece of text: embedding -> two bidirectional GRU layers -> fully
 * connected emissions -> CRF Viterbi. Whole-piece matrix products for everything but the
 * recurrence, which runs one character at a time in each direction. */
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

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

// Makes room for `rows` rows (already a multiple of ZN__TAG_ROWS).
static zn_status work_reserve(const zn_tagger *t, zn__tag_work *w, size_t rows, zn_error *err)
{
    if (rows <= w->rows && w->x != NULL) {
        return ZN_OK;
    }
    size_t h = t->hidden;
    zn__tag_work n = {0};
    n.rows = rows < 64 ? 64 : rows + rows / 2;
    n.rows += (ZN__TAG_ROWS - n.rows % ZN__TAG_ROWS) % ZN__TAG_ROWS;
    n.x = zn__calloc(n.rows, max_size(t->emb, 2 * h) * sizeof(float));
    n.proj = zn__calloc(n.rows, 6 * h * sizeof(float));
    n.out = zn__calloc(n.rows, 2 * h * sizeof(float));
    n.emit = zn__calloc(n.rows, t->tags_pad * sizeof(float));
    n.tmp = zn__calloc(5 * h, sizeof(float));
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

/* One bidirectional layer over n characters (rows padded): input w->x, output w->out with
 * the forward state in columns [0, h) and the reverse state (run right to left) in [h, 2h). */
static void run_layer(const zn_tagger *t, const zn__tag_bigru *layer, zn__tag_work *w,
                      size_t n, size_t rows)
{
    const zn__tag_kernels *kern = t->kernels;
    size_t h = t->hidden;
    kern->gemm(w->x, rows, layer->in, layer->w_in, 6 * h, layer->b_in, w->proj);
    float *zero = w->tmp + 3 * h; // the initial state h0 = 0
    memset(zero, 0, h * sizeof *zero);
    for (int dir = 0; dir < 2; dir++) {
        const float *hp = zero;
        for (size_t k = 0; k < n; k++) {
            size_t pos = dir == 0 ? k : n - 1 - k;
            float *hn = w->out + pos * 2 * h + (size_t)dir * h;
            kern->gru_step(w->proj + pos * 6 * h + (size_t)dir * 3 * h, layer->w_ur[dir],
                           layer->w_c[dir], h, hp, hn, w->tmp);
            hp = hn;
        }
    }
}

zn_status zn__tag_network_run(const zn_tagger *t, zn__tag_work *w, const uint32_t *ids,
                              size_t n, uint16_t *tags, zn_error *err)
{
    if (n == 0) {
        return ZN_OK;
    }
    size_t rows = n + (ZN__TAG_ROWS - n % ZN__TAG_ROWS) % ZN__TAG_ROWS;
    zn_status s = work_reserve(t, w, rows, err);
    if (s != ZN_OK) {
        return s;
    }
    size_t e = t->emb, h = t->hidden;
    for (size_t k = 0; k < n; k++) {
        memcpy(w->x + k * e, t->embedding + (size_t)ids[k] * e, e * sizeof(float));
    }
    memset(w->x + n * e, 0, (rows - n) * e * sizeof(float));
    run_layer(t, &t->layer[0], w, n, rows);
    // The second layer reads the first one's output: swap the buffers' roles by copying.
    memcpy(w->x, w->out, n * 2 * h * sizeof(float));
    memset(w->x + n * 2 * h, 0, (rows - n) * 2 * h * sizeof(float));
    run_layer(t, &t->layer[1], w, n, rows);
    memset(w->out + n * 2 * h, 0, (rows - n) * 2 * h * sizeof(float));
    t->kernels->gemm(w->out, rows, 2 * h, t->w_out, t->tags_pad, t->b_out, w->emit);
    zn__tag_viterbi(t, w->emit, n, w->alpha, w->back, tags);
    return ZN_OK;
}
