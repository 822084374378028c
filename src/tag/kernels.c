/* SPDX-License-Identifier: MIT
 * The numeric kernels of the LAC network: a blocked matrix product (the input projections of
 * a whole piece of text at once) and one GRU step (the sequential part). Plain C that the
 * compiler vectorises, plus AVX2+FMA versions chosen at run time on x86-64. */
#include <math.h>
#include <string.h>

#include "tag/kernels_avx2.h"
#include "tag/tag_internal.h"

// Paddle's activations (operators/math/detail/activation_functions.h): the same clamps.
static float sigmoid(float a)
{
    float x = a < -40.0f ? -40.0f : a > 13.0f ? 13.0f : a;
    return 1.0f / (1.0f + expf(-x));
}

static float tanh_paddle(float a)
{
    float x = -2.0f * a;
    x = x > 40.0f ? 40.0f : x;
    return 2.0f / (1.0f + expf(x)) - 1.0f;
}

static void gemm_generic(const float *a, size_t m, size_t k, const float *b, size_t n,
                         const float *bias, float *c)
{
    enum { R = ZN__TAG_ROWS, C = ZN__TAG_COLS };
    for (size_t j = 0; j < n; j += C) {
        for (size_t r = 0; r < m; r += R) {
            float acc[R][C];
            for (int y = 0; y < R; y++) {
                memcpy(acc[y], bias + j, sizeof acc[y]);
            }
            const float *ar = a + r * k;
            for (size_t i = 0; i < k; i++) {
                const float *bi = b + i * n + j;
                for (int y = 0; y < R; y++) {
                    float av = ar[(size_t)y * k + i];
                    for (int q = 0; q < C; q++) {
                        acc[y][q] += av * bi[q];
                    }
                }
            }
            for (int y = 0; y < R; y++) {
                memcpy(c + (r + (size_t)y) * n + j, acc[y], sizeof acc[y]);
            }
        }
    }
}

void zn__tag_panelize(const float *src, size_t rows, size_t cols, float *dst)
{
    for (size_t q = 0; q < cols;) {
        size_t width = cols - q >= ZN__TAG_PANEL ? ZN__TAG_PANEL : 8;
        for (size_t i = 0; i < rows; i++) {
            memcpy(dst, src + i * cols + q, width * sizeof *dst);
            dst += width;
        }
        q += width;
    }
}

// out[q] = init[q] + sum_i v[i] * w[i][q] for q < cols, w in panels.
static void matvec_generic(const float *v, size_t rows, const float *w, size_t cols,
                           const float *init, float *out)
{
    memcpy(out, init, cols * sizeof *out);
    for (size_t q = 0; q < cols;) {
        size_t width = cols - q >= ZN__TAG_PANEL ? ZN__TAG_PANEL : 8;
        for (size_t i = 0; i < rows; i++) {
            float vi = v[i];
            for (size_t c = 0; c < width; c++) {
                out[q + c] += vi * w[c];
            }
            w += width;
        }
        q += width;
    }
}

static void gru_step_generic(const float *x, const float *w_ur, const float *w_c, size_t h,
                             const float *hp, float *hn, float *tmp)
{
    float *g = tmp;           // update, reset (then r * h)
    float *cand = tmp + 2 * h; // candidate
    matvec_generic(hp, h, w_ur, 2 * h, x, g);
    for (size_t q = 0; q < h; q++) {
        g[q] = sigmoid(g[q]);
        g[h + q] = sigmoid(g[h + q]) * hp[q];
    }
    matvec_generic(g + h, h, w_c, h, x + 2 * h, cand);
    for (size_t q = 0; q < h; q++) {
        float u = g[q];
        hn[q] = u * tanh_paddle(cand[q]) + (1.0f - u) * hp[q];
    }
}

static void gru_step2_generic(const float *const x[2], const float *const w_ur[2],
                              const float *const w_c[2], size_t h, const float *const hp[2],
                              float *const hn[2], float *tmp)
{
    for (int d = 0; d < 2; d++) {
        gru_step_generic(x[d], w_ur[d], w_c[d], h, hp[d], hn[d], tmp);
    }
}

static void gru_step4_generic(const float *const x[4], const float *w_ur, const float *w_c,
                              size_t h, const float *const hp[4], float *const hn[4], float *tmp)
{
    for (int b = 0; b < 4; b++) {
        gru_step_generic(x[b], w_ur, w_c, h, hp[b], hn[b], tmp);
    }
}

static void viterbi_step_generic(const float *prev, const float *trans, size_t n_tags,
                                 size_t stride, const float *emit, float *cur, uint8_t *back)
{
    for (size_t i = 0; i < n_tags; i++) {
        cur[i] = prev[0] + trans[i];
        back[i] = 0;
    }
    for (size_t j = 1; j < n_tags; j++) {
        const float *row = trans + j * stride;
        float pj = prev[j];
        for (size_t i = 0; i < n_tags; i++) {
            float s = pj + row[i];
            if (s > cur[i]) {
                cur[i] = s;
                back[i] = (uint8_t)j;
            }
        }
    }
    for (size_t i = 0; i < n_tags; i++) {
        cur[i] += emit[i];
    }
}

static const zn__tag_kernels generic = {gemm_generic,      gru_step_generic,
                                        gru_step2_generic, gru_step4_generic,
                                        viterbi_step_generic, "generic"};

const zn__tag_kernels *zn__tag_kernels_generic(void)
{
    return &generic;
}

const zn__tag_kernels *zn__tag_kernels_best(void)
{
#if ZN__TAG_HAVE_AVX2
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return zn__tag_kernels_avx2();
    }
#endif
    return &generic;
}
