/* SPDX-License-Identifier: MIT
 * AVX2+FMA versions of the LAC kernels: a 4x24 register-blocked matrix product, the GRU
 * step's matrix-vector products eight columns at a time, and a Cephes-style vector exp for
 * the gates. Compiled for every x86-64 build, used only when the CPU has AVX2 and FMA. */
#include "tag/kernels_avx2.h"

#if ZN__TAG_HAVE_AVX2
#include <immintrin.h>
#include <string.h>

#define TARGET __attribute__((target("avx2,fma")))

// e^x for 8 floats, |relative error| < 2e-7 over the range used (Cephes expf).
TARGET static __m256 exp8(__m256 x)
{
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.3f));
    __m256 fx = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f));
    fx = _mm256_floor_ps(fx);
    x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(0.693359375f), x);
    x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(-2.12194440e-4f), x);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.0f)));
    __m256i n = _mm256_add_epi32(_mm256_cvttps_epi32(fx), _mm256_set1_epi32(127));
    return _mm256_mul_ps(y, _mm256_castsi256_ps(_mm256_slli_epi32(n, 23)));
}

// Paddle's sigmoid: input clamped to [-40, 13].
TARGET static __m256 sigmoid8(__m256 a)
{
    __m256 x = _mm256_min_ps(_mm256_max_ps(a, _mm256_set1_ps(-40.0f)), _mm256_set1_ps(13.0f));
    __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(one, _mm256_add_ps(one, exp8(_mm256_sub_ps(_mm256_setzero_ps(), x))));
}

// Paddle's tanh: 2 / (1 + e^(-2a)) - 1 with the exponent capped at 40.
TARGET static __m256 tanh8(__m256 a)
{
    __m256 x = _mm256_min_ps(_mm256_mul_ps(a, _mm256_set1_ps(-2.0f)), _mm256_set1_ps(40.0f));
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 s = _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(one, exp8(x)));
    return _mm256_sub_ps(s, one);
}

// 4 rows x 24 columns per block: twelve accumulators keep both FMA units busy.
TARGET static void gemm_avx2(const float *a, size_t m, size_t k, const float *b, size_t n,
                             const float *bias, float *c)
{
    for (size_t j = 0; j < n; j += 24) {
        for (size_t r = 0; r < m; r += 4) {
            const float *a0 = a + r * k;
            __m256 c00 = _mm256_loadu_ps(bias + j), c01 = _mm256_loadu_ps(bias + j + 8);
            __m256 c02 = _mm256_loadu_ps(bias + j + 16);
            __m256 c10 = c00, c11 = c01, c12 = c02, c20 = c00, c21 = c01, c22 = c02;
            __m256 c30 = c00, c31 = c01, c32 = c02;
            for (size_t i = 0; i < k; i++) {
                const float *bi = b + i * n + j;
                __m256 b0 = _mm256_loadu_ps(bi), b1 = _mm256_loadu_ps(bi + 8);
                __m256 b2 = _mm256_loadu_ps(bi + 16);
                __m256 x = _mm256_broadcast_ss(a0 + i);
                c00 = _mm256_fmadd_ps(x, b0, c00);
                c01 = _mm256_fmadd_ps(x, b1, c01);
                c02 = _mm256_fmadd_ps(x, b2, c02);
                x = _mm256_broadcast_ss(a0 + k + i);
                c10 = _mm256_fmadd_ps(x, b0, c10);
                c11 = _mm256_fmadd_ps(x, b1, c11);
                c12 = _mm256_fmadd_ps(x, b2, c12);
                x = _mm256_broadcast_ss(a0 + 2 * k + i);
                c20 = _mm256_fmadd_ps(x, b0, c20);
                c21 = _mm256_fmadd_ps(x, b1, c21);
                c22 = _mm256_fmadd_ps(x, b2, c22);
                x = _mm256_broadcast_ss(a0 + 3 * k + i);
                c30 = _mm256_fmadd_ps(x, b0, c30);
                c31 = _mm256_fmadd_ps(x, b1, c31);
                c32 = _mm256_fmadd_ps(x, b2, c32);
            }
            float *cr = c + r * n + j;
            _mm256_storeu_ps(cr, c00);
            _mm256_storeu_ps(cr + 8, c01);
            _mm256_storeu_ps(cr + 16, c02);
            _mm256_storeu_ps(cr + n, c10);
            _mm256_storeu_ps(cr + n + 8, c11);
            _mm256_storeu_ps(cr + n + 16, c12);
            _mm256_storeu_ps(cr + 2 * n, c20);
            _mm256_storeu_ps(cr + 2 * n + 8, c21);
            _mm256_storeu_ps(cr + 2 * n + 16, c22);
            _mm256_storeu_ps(cr + 3 * n, c30);
            _mm256_storeu_ps(cr + 3 * n + 8, c31);
            _mm256_storeu_ps(cr + 3 * n + 16, c32);
        }
    }
}

// out = init + v . w for w [rows][cols] in panels (zn__tag_panelize), cols % 8 == 0.
TARGET static void matvec_avx2(const float *v, size_t rows, const float *w, size_t cols,
                               const float *init, float *out)
{
    size_t q = 0;
    for (; q + ZN__TAG_PANEL <= cols; q += ZN__TAG_PANEL) {
        __m256 acc[8];
        for (int u = 0; u < 8; u++) {
            acc[u] = _mm256_loadu_ps(init + q + 8 * u);
        }
        for (size_t i = 0; i < rows; i++, w += ZN__TAG_PANEL) {
            __m256 x = _mm256_broadcast_ss(v + i);
            for (int u = 0; u < 8; u++) {
                acc[u] = _mm256_fmadd_ps(x, _mm256_loadu_ps(w + 8 * u), acc[u]);
            }
        }
        for (int u = 0; u < 8; u++) {
            _mm256_storeu_ps(out + q + 8 * u, acc[u]);
        }
    }
    for (; q < cols; q += 8) {
        __m256 acc = _mm256_loadu_ps(init + q);
        for (size_t i = 0; i < rows; i++, w += 8) {
            acc = _mm256_fmadd_ps(_mm256_broadcast_ss(v + i), _mm256_loadu_ps(w), acc);
        }
        _mm256_storeu_ps(out + q, acc);
    }
}

TARGET static void gru_step_avx2(const float *x, const float *w_ur, const float *w_c, size_t h,
                                 const float *hp, float *hn, float *tmp)
{
    float *g = tmp;
    float *cand = tmp + 2 * h;
    matvec_avx2(hp, h, w_ur, 2 * h, x, g);
    for (size_t q = 0; q < h; q += 8) {
        _mm256_storeu_ps(g + q, sigmoid8(_mm256_loadu_ps(g + q)));
        __m256 r = sigmoid8(_mm256_loadu_ps(g + h + q));
        _mm256_storeu_ps(g + h + q, _mm256_mul_ps(r, _mm256_loadu_ps(hp + q)));
    }
    matvec_avx2(g + h, h, w_c, h, x + 2 * h, cand);
    for (size_t q = 0; q < h; q += 8) {
        __m256 u = _mm256_loadu_ps(g + q);
        __m256 prev = _mm256_loadu_ps(hp + q);
        __m256 c = tanh8(_mm256_loadu_ps(cand + q));
        // u * c + (1 - u) * prev
        _mm256_storeu_ps(hn + q, _mm256_fmadd_ps(u, _mm256_sub_ps(c, prev), prev));
    }
}

/* out[d] = init[d] + v[d] . w[d] for two vectors and two matrices (panels), 32 columns of
 * each at a time: two independent streams of loads keep more of them in flight than one.
 * Same order of sums as matvec_avx2. */
TARGET static void matvec2_avx2(const float *const v[2], size_t rows, const float *const w[2],
                                size_t cols, const float *const init[2], float *const out[2])
{
    const float *wa = w[0], *wb = w[1];
    for (size_t q = 0; q < cols;) {
        size_t width = cols - q >= ZN__TAG_PANEL ? ZN__TAG_PANEL : 8;
        size_t strip = width == 8 ? 8 : 32;
        for (size_t c = 0; c < width; c += strip) {
            __m256 a[4], b[4];
            int regs = (int)(strip / 8);
            for (int u = 0; u < regs; u++) {
                a[u] = _mm256_loadu_ps(init[0] + q + c + 8 * (size_t)u);
                b[u] = _mm256_loadu_ps(init[1] + q + c + 8 * (size_t)u);
            }
            const float *pa = wa + c, *pb = wb + c;
            if (regs == 4) {
                for (size_t i = 0; i < rows; i++, pa += width, pb += width) {
                    __m256 x = _mm256_broadcast_ss(v[0] + i), y = _mm256_broadcast_ss(v[1] + i);
                    a[0] = _mm256_fmadd_ps(x, _mm256_loadu_ps(pa), a[0]);
                    a[1] = _mm256_fmadd_ps(x, _mm256_loadu_ps(pa + 8), a[1]);
                    a[2] = _mm256_fmadd_ps(x, _mm256_loadu_ps(pa + 16), a[2]);
                    a[3] = _mm256_fmadd_ps(x, _mm256_loadu_ps(pa + 24), a[3]);
                    b[0] = _mm256_fmadd_ps(y, _mm256_loadu_ps(pb), b[0]);
                    b[1] = _mm256_fmadd_ps(y, _mm256_loadu_ps(pb + 8), b[1]);
                    b[2] = _mm256_fmadd_ps(y, _mm256_loadu_ps(pb + 16), b[2]);
                    b[3] = _mm256_fmadd_ps(y, _mm256_loadu_ps(pb + 24), b[3]);
                }
            } else {
                for (size_t i = 0; i < rows; i++, pa += width, pb += width) {
                    __m256 x = _mm256_broadcast_ss(v[0] + i), y = _mm256_broadcast_ss(v[1] + i);
                    a[0] = _mm256_fmadd_ps(x, _mm256_loadu_ps(pa), a[0]);
                    b[0] = _mm256_fmadd_ps(y, _mm256_loadu_ps(pb), b[0]);
                }
            }
            for (int u = 0; u < regs; u++) {
                _mm256_storeu_ps(out[0] + q + c + 8 * (size_t)u, a[u]);
                _mm256_storeu_ps(out[1] + q + c + 8 * (size_t)u, b[u]);
            }
        }
        wa += width * rows;
        wb += width * rows;
        q += width;
    }
}

// The gates of one GRU step: g = sigmoid(update), g + h = sigmoid(reset) * hp.
TARGET static void gates_avx2(float *g, const float *hp, size_t h)
{
    for (size_t q = 0; q < h; q += 8) {
        _mm256_storeu_ps(g + q, sigmoid8(_mm256_loadu_ps(g + q)));
        __m256 r = sigmoid8(_mm256_loadu_ps(g + h + q));
        _mm256_storeu_ps(g + h + q, _mm256_mul_ps(r, _mm256_loadu_ps(hp + q)));
    }
}

// The new state: u * tanh(cand) + (1 - u) * hp.
TARGET static void state_avx2(const float *u, const float *cand, const float *hp, float *hn,
                              size_t h)
{
    for (size_t q = 0; q < h; q += 8) {
        __m256 uq = _mm256_loadu_ps(u + q);
        __m256 prev = _mm256_loadu_ps(hp + q);
        __m256 c = tanh8(_mm256_loadu_ps(cand + q));
        _mm256_storeu_ps(hn + q, _mm256_fmadd_ps(uq, _mm256_sub_ps(c, prev), prev));
    }
}

TARGET static void gru_step2_avx2(const float *const x[2], const float *const w_ur[2],
                                  const float *const w_c[2], size_t h,
                                  const float *const hp[2], float *const hn[2], float *tmp)
{
    float *g[2] = {tmp, tmp + 3 * h}, *cand[2] = {tmp + 2 * h, tmp + 5 * h};
    const float *rh[2] = {g[0] + h, g[1] + h}, *xc[2] = {x[0] + 2 * h, x[1] + 2 * h};
    matvec2_avx2(hp, h, w_ur, 2 * h, x, g);
    gates_avx2(g[0], hp[0], h);
    gates_avx2(g[1], hp[1], h);
    matvec2_avx2(rh, h, w_c, h, xc, cand);
    state_avx2(g[0], cand[0], hp[0], hn[0], h);
    state_avx2(g[1], cand[1], hp[1], hn[1], h);
}

/* out[b] = init[b] + v[b] . w for four vectors at once, w [rows][cols] in panels: each
 * 16-column strip of a panel (8 in panels of 8) is read once for all four, so the loads are
 * shared. The sums run in the same order as matvec_avx2's, giving the same results. The
 * eight accumulators are spelled out so that they stay in registers. */
TARGET static void matvec4_avx2(const float *const v[4], size_t rows, const float *w,
                                size_t cols, const float *const init[4], float *const out[4])
{
    const float *v0 = v[0], *v1 = v[1], *v2 = v[2], *v3 = v[3];
    for (size_t q = 0; q < cols;) {
        size_t width = cols - q >= ZN__TAG_PANEL ? ZN__TAG_PANEL : 8;
        size_t two = width == 8 ? 0 : 8; // offset of the strip's second register
        for (size_t c = 0; c < width; c += 8 + two) {
            size_t at = q + c;
            __m256 a00 = _mm256_loadu_ps(init[0] + at), a01 = _mm256_loadu_ps(init[0] + at + two);
            __m256 a10 = _mm256_loadu_ps(init[1] + at), a11 = _mm256_loadu_ps(init[1] + at + two);
            __m256 a20 = _mm256_loadu_ps(init[2] + at), a21 = _mm256_loadu_ps(init[2] + at + two);
            __m256 a30 = _mm256_loadu_ps(init[3] + at), a31 = _mm256_loadu_ps(init[3] + at + two);
            const float *p = w + c;
            for (size_t i = 0; i < rows; i++, p += width) {
                __m256 w0 = _mm256_loadu_ps(p), w1 = _mm256_loadu_ps(p + two);
                __m256 x = _mm256_broadcast_ss(v0 + i);
                a00 = _mm256_fmadd_ps(x, w0, a00);
                a01 = _mm256_fmadd_ps(x, w1, a01);
                x = _mm256_broadcast_ss(v1 + i);
                a10 = _mm256_fmadd_ps(x, w0, a10);
                a11 = _mm256_fmadd_ps(x, w1, a11);
                x = _mm256_broadcast_ss(v2 + i);
                a20 = _mm256_fmadd_ps(x, w0, a20);
                a21 = _mm256_fmadd_ps(x, w1, a21);
                x = _mm256_broadcast_ss(v3 + i);
                a30 = _mm256_fmadd_ps(x, w0, a30);
                a31 = _mm256_fmadd_ps(x, w1, a31);
            }
            // With two == 0 both registers hold the same columns: the second store repeats.
            _mm256_storeu_ps(out[0] + at, a00);
            _mm256_storeu_ps(out[0] + at + two, a01);
            _mm256_storeu_ps(out[1] + at, a10);
            _mm256_storeu_ps(out[1] + at + two, a11);
            _mm256_storeu_ps(out[2] + at, a20);
            _mm256_storeu_ps(out[2] + at + two, a21);
            _mm256_storeu_ps(out[3] + at, a30);
            _mm256_storeu_ps(out[3] + at + two, a31);
        }
        w += width * rows;
        q += width;
    }
}

TARGET static void gru_step4_avx2(const float *const x[4], const float *w_ur, const float *w_c,
                                  size_t h, const float *const hp[4], float *const hn[4],
                                  float *tmp)
{
    float *g[4], *cand[4];
    const float *rh[4], *xc[4], *gc[4];
    for (int b = 0; b < 4; b++) {
        g[b] = tmp + (size_t)b * 3 * h;
        cand[b] = g[b] + 2 * h;
        rh[b] = g[b] + h;
        xc[b] = x[b] + 2 * h;
        gc[b] = g[b];
    }
    matvec4_avx2(hp, h, w_ur, 2 * h, x, g);
    for (int b = 0; b < 4; b++) {
        for (size_t q = 0; q < h; q += 8) {
            _mm256_storeu_ps(g[b] + q, sigmoid8(_mm256_loadu_ps(g[b] + q)));
            __m256 r = sigmoid8(_mm256_loadu_ps(g[b] + h + q));
            _mm256_storeu_ps(g[b] + h + q, _mm256_mul_ps(r, _mm256_loadu_ps(hp[b] + q)));
        }
    }
    matvec4_avx2(rh, h, w_c, h, xc, cand);
    for (int b = 0; b < 4; b++) {
        for (size_t q = 0; q < h; q += 8) {
            __m256 u = _mm256_loadu_ps(gc[b] + q);
            __m256 prev = _mm256_loadu_ps(hp[b] + q);
            __m256 c = tanh8(_mm256_loadu_ps(cand[b] + q));
            _mm256_storeu_ps(hn[b] + q, _mm256_fmadd_ps(u, _mm256_sub_ps(c, prev), prev));
        }
    }
}

// Eight tags at a time; the running maximum and its argument (as a float) stay in registers.
TARGET static void viterbi_step_avx2(const float *prev, const float *trans, size_t n_tags,
                                     size_t stride, const float *emit, float *cur, uint8_t *back)
{
    for (size_t i = 0; i < n_tags; i += 8) {
        __m256 best = _mm256_add_ps(_mm256_set1_ps(prev[0]), _mm256_loadu_ps(trans + i));
        __m256 arg = _mm256_setzero_ps();
        for (size_t j = 1; j < n_tags; j++) {
            __m256 row = _mm256_loadu_ps(trans + j * stride + i);
            __m256 s = _mm256_add_ps(_mm256_set1_ps(prev[j]), row);
            __m256 more = _mm256_cmp_ps(s, best, _CMP_GT_OQ);
            best = _mm256_blendv_ps(best, s, more);
            arg = _mm256_blendv_ps(arg, _mm256_set1_ps((float)j), more);
        }
        _mm256_storeu_ps(cur + i, _mm256_add_ps(best, _mm256_loadu_ps(emit + i)));
        int32_t idx[8];
        _mm256_storeu_si256((__m256i *)idx, _mm256_cvtps_epi32(arg));
        for (size_t q = 0; q < 8 && i + q < n_tags; q++) {
            back[i + q] = (uint8_t)idx[q];
        }
    }
}

static const zn__tag_kernels avx2 = {gemm_avx2,      gru_step_avx2,     gru_step2_avx2,
                                     gru_step4_avx2, viterbi_step_avx2, "avx2"};

const zn__tag_kernels *zn__tag_kernels_avx2(void)
{
    return &avx2;
}
#else
typedef int zn__tag_no_avx2; // ISO C wants a declaration in every file
#endif
