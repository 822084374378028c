/* SPDX-License-Identifier: MIT
 * Inside the LAC tagger: the model's layout in memory, the numeric kernels and the pieces
 * that the files of src/tag share. */
#ifndef ZHNEWS_TAG_TAG_INTERNAL_H
#define ZHNEWS_TAG_TAG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zhnews/tag.h"

#define ZN__TAG_ROWS 4  // GEMM row block: activations are padded to a multiple of this
#define ZN__TAG_COLS 24 // GEMM column block: weight matrices are padded to a multiple of this

/* Numeric kernels; one generic C set and, where the CPU has them, AVX2+FMA ones. */
typedef struct zn__tag_kernels {
    /* c[m][n] = bias[n] + sum_k a[m][k] * b[k][n], all row-major with the given widths;
     * m % ZN__TAG_ROWS == 0 and n % ZN__TAG_COLS == 0. */
    void (*gemm)(const float *a, size_t m, size_t k, const float *b, size_t n,
                 const float *bias, float *c);
    /* One GRU step (Paddle's dynamic_gru): x holds the 3h input projections (update, reset,
     * candidate), w_ur is [h][2h], w_c is [h][h], both in panels; reads hp (previous state),
     * writes hn (may not alias hp); tmp has room for 3h floats. h % 8 == 0. */
    void (*gru_step)(const float *x, const float *w_ur, const float *w_c, size_t h,
                     const float *hp, float *hn, float *tmp);
    /* Two independent steps with their own weights (a layer's two directions), run
     * together so that their memory reads overlap; tmp has room for 6h floats. Gives
     * exactly gru_step's results. */
    void (*gru_step2)(const float *const x[2], const float *const w_ur[2],
                      const float *const w_c[2], size_t h, const float *const hp[2],
                      float *const hn[2], float *tmp);
    /* The same step for four independent sequences at once, sharing each pass over the
     * weights; tmp has room for 12h floats. Gives exactly gru_step's results. */
    void (*gru_step4)(const float *const x[4], const float *w_ur, const float *w_c, size_t h,
                      const float *const hp[4], float *const hn[4], float *tmp);
    /* One Viterbi step over n_tags tags: cur[i] = emit[i] + max_j (prev[j] + trans[j][i]) and
     * back[i] = the first j reaching the maximum. trans rows are `stride` floats apart
     * (stride % 8 == 0, >= n_tags); prev, emit and cur have room for stride floats. */
    void (*viterbi_step)(const float *prev, const float *trans, size_t n_tags, size_t stride,
                         const float *emit, float *cur, uint8_t *back);
    const char *name;
} zn__tag_kernels;

/* Recurrent weights are stored in column panels so that a matrix-vector product reads
 * memory in order: a row-major [rows][cols] matrix (cols % 8 == 0) becomes panels of
 * ZN__TAG_PANEL columns while that many are left, then panels of 8, each panel rows x width
 * floats, row after row. dst has rows * cols floats. Cannot fail. */
#define ZN__TAG_PANEL 64
void zn__tag_panelize(const float *src, size_t rows, size_t cols, float *dst);

/* The generic kernels, and the fastest the running CPU supports. Cannot fail. */
const zn__tag_kernels *zn__tag_kernels_generic(void);
const zn__tag_kernels *zn__tag_kernels_best(void);

/* One bidirectional GRU layer: both directions' input projections fused in one matrix
 * [in][6h] (forward update/reset/candidate, then reverse), bias [6h] = fc bias + GRU bias. */
typedef struct zn__tag_bigru {
    size_t in;
    float *w_in;    // [in][6h]
    float *b_in;    // [6h]
    float *w_ur[2]; // [h][2h] forward, reverse, in panels (zn__tag_panelize)
    float *w_c[2];  // [h][h] in panels, in the same allocation as w_ur
} zn__tag_bigru;

/* How a code point maps to a word id: BMP by table, the rest by a sorted list. */
typedef struct zn__tag_vocab {
    uint16_t *bmp;     // 65536 entries; UINT16_MAX = not listed
    uint32_t *astral;  // n_astral pairs (code point, id), sorted by code point
    size_t n_astral;
    uint32_t oov;      // id of "OOV"
    size_t size;       // max id + 1
} zn__tag_vocab;

struct zn_tagger {
    size_t emb;          // embedding width (128)
    size_t hidden;       // GRU state width (128)
    size_t n_tags;       // 57
    size_t tags_pad;     // n_tags rounded up to ZN__TAG_COLS
    zn__tag_vocab vocab;
    float *embedding;    // [vocab.size][emb]
    zn__tag_bigru layer[2];
    float *w_out;        // [2h][tags_pad], zero columns past n_tags
    float *b_out;        // [tags_pad]
    float *crf_start;    // [n_tags]
    float *crf_end;      // [n_tags]
    float *crf_trans;    // [n_tags][tags_pad], from row to column, zero padding
    char **tag_names;    // "n-B", ...
    const char **word_tags; // per tag: the word tag ("n"), interned in word_tag_text
    char *word_tag_text;
    uint8_t *tag_flags;  // ZN__TAG_BEGIN, ZN__TAG_OUTSIDE
    uint8_t *tag_entity; // zn_tag_entity per tag
    const zn__tag_kernels *kernels;
};

enum { ZN__TAG_BEGIN = 1, ZN__TAG_OUTSIDE = 2 };

/* A tensor as Paddle saves it (save_vars / save_persistables, one file per variable). */
typedef struct zn__tag_tensor {
    float *data;    // zn__malloc'd, dims[0] * ... floats
    size_t dims[4];
    size_t n_dims;
} zn__tag_tensor;

/* Reads the tensor file `path` and checks it has exactly the shape `want[0..n_want)` (a 0
 * in want accepts any size there; the found dims are returned in t). ZN_ERR_NOT_FOUND,
 * ZN_ERR_IO, ZN_ERR_PERMISSION, ZN_ERR_DATA naming the file and offset, ZN_ERR_NOMEM. */
zn_status zn__tag_tensor_read(zn__tag_tensor *t, const char *path, const size_t *want,
                              size_t n_want, zn_error *err) __attribute__((warn_unused_result));

/* Reads word.dic into vocab; ZN_ERR_DATA names the line. */
zn_status zn__tag_vocab_load(zn__tag_vocab *v, const char *path, zn_error *err)
    __attribute__((warn_unused_result));
void zn__tag_vocab_free(zn__tag_vocab *v);
uint32_t zn__tag_vocab_id(const zn__tag_vocab *v, uint32_t cp);

/* Reads tag.dic into the tagger's tag tables; ZN_ERR_DATA names the line. */
zn_status zn__tag_tags_load(zn_tagger *t, const char *path, zn_error *err)
    __attribute__((warn_unused_result));
void zn__tag_tags_free(zn_tagger *t);

/* The code point the model should see for cp: full-width ASCII and U+3000 to ASCII,
 * Traditional to Simplified (one character for one). Cannot fail. */
uint32_t zn__tag_model_char(uint32_t cp);

/* Folds zn__tag_model_char into the BMP table once the vocabulary is loaded, so that a
 * character's id is one lookup (a mapped character the model does not know keeps its own
 * id). ZN_ERR_NOMEM. */
zn_status zn__tag_vocab_fold(zn__tag_vocab *v, zn_error *err) __attribute__((warn_unused_result));

/* The word id the model uses for input character cp (after zn__tag_vocab_fold). */
uint32_t zn__tag_char_id(const zn__tag_vocab *v, uint32_t cp);

/* Working memory for the network, grown as needed; belongs to one thread. */
typedef struct zn__tag_work {
    float *x;       // [rows][emb] embeddings, the first layer's input
    float *proj;    // [rows][6h]
    float *out;     // [rows][2h] layer output (and the second layer's input)
    float *emit;    // [rows][tags_pad]
    float *tmp;     // 12h (GRU gates) + h (zero state) + h (state of unused lanes)
    float *alpha;   // [tags_pad] x 2
    uint8_t *back;  // [rows][n_tags] Viterbi back pointers
    size_t rows;    // capacity in rows
    size_t shape[4]; // emb, hidden, n_tags, tags_pad of the model it was made for
} zn__tag_work;

/* Sequences run through the network together (at most ZN__TAG_BATCH). */
#define ZN__TAG_BATCH 4
typedef struct zn__tag_seq {
    const uint32_t *ids; // n word ids
    size_t n;            // >= 1
    uint16_t *tags;      // output: n tag ids
} zn__tag_seq;

/* Computes the tags of seqs[0..n_seqs) (1 <= n_seqs <= ZN__TAG_BATCH; reorders the array,
 * longest first). Each sequence's tags are the same whatever it is batched with.
 * ZN_ERR_NOMEM. */
zn_status zn__tag_network_run(const zn_tagger *t, zn__tag_work *w, zn__tag_seq *seqs,
                              size_t n_seqs, zn_error *err) __attribute__((warn_unused_result));
void zn__tag_work_free(zn__tag_work *w);

/* CRF Viterbi decoding of emissions [n][tags_pad] (first n_tags columns) into tags, as
 * Paddle's crf_decoding does (ties keep the lowest tag id). back has n * n_tags bytes and
 * alpha 2 * tags_pad floats. Cannot fail. */
void zn__tag_viterbi(const zn_tagger *t, const float *emit, size_t n, float *alpha,
                     uint8_t *back, uint16_t *tags);

#endif
