/* SPDX-License-Identifier: MIT
 * Opening the LAC model folder: the two dictionaries and the 21 parameter files of
 * model_baseline/, every shape checked against the others, rearranged for the kernels (both
 * directions' input projections in one matrix, the emission matrix padded). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#ifdef ZN_LAC_MODEL_DIR
static const char default_dir[] = ZN_LAC_MODEL_DIR;
#else
static const char default_dir[] = "";
#endif

#define PATH_BYTES 4096

const char *zn_tagger_default_dir(void)
{
    return default_dir[0] != '\0' ? default_dir : NULL;
}

typedef struct loader {
    zn_tagger *t;
    const char *dir;
    char path[PATH_BYTES];
    zn_error *err;
} loader;

// Makes ld->path = dir/name; ZN_ERR_INVALID_ARG when too long.
static zn_status path_of(loader *ld, const char *name)
{
    int n = snprintf(ld->path, sizeof ld->path, "%s/%s", ld->dir, name);
    if (n < 0 || (size_t)n >= sizeof ld->path) {
        return zn__error_set(ld->err, ZN_ERR_INVALID_ARG, "%s: path too long", ld->dir);
    }
    return ZN_OK;
}

static zn_status tensor(loader *ld, const char *name, zn__tag_tensor *out, size_t d0, size_t d1,
                        size_t n_dims)
{
    size_t want[2] = {d0, d1};
    zn_status s = path_of(ld, name);
    return s != ZN_OK ? s : zn__tag_tensor_read(out, ld->path, want, n_dims, ld->err);
}

/* Loads fc_<fc>.{w,b}_0 and gru_<fc>.{w,b}_0 for one direction of a layer into the fused
 * matrices: columns [dir * 3h, dir * 3h + 3h) of w_in and b_in. */
static zn_status load_direction(loader *ld, zn__tag_bigru *layer, int fc, int dir)
{
    size_t h = ld->t->hidden, in = layer->in;
    char name[4][40];
    snprintf(name[0], sizeof name[0], "model_baseline/fc_%d.w_0", fc);
    snprintf(name[1], sizeof name[1], "model_baseline/fc_%d.b_0", fc);
    snprintf(name[2], sizeof name[2], "model_baseline/gru_%d.w_0", fc);
    snprintf(name[3], sizeof name[3], "model_baseline/gru_%d.b_0", fc);
    zn__tag_tensor w = {0}, b = {0}, gw = {0}, gb = {0};
    zn_status s = tensor(ld, name[0], &w, in, 3 * h, 2);
    if (s == ZN_OK) {
        s = tensor(ld, name[1], &b, 3 * h, 0, 1);
    }
    if (s == ZN_OK) {
        s = tensor(ld, name[2], &gw, h, 3 * h, 2);
    }
    if (s == ZN_OK) {
        s = tensor(ld, name[3], &gb, 1, 3 * h, 2);
    }
    if (s == ZN_OK) {
        for (size_t i = 0; i < in; i++) {
            memcpy(layer->w_in + i * 6 * h + (size_t)dir * 3 * h, w.data + i * 3 * h,
                   3 * h * sizeof(float));
        }
        for (size_t q = 0; q < 3 * h; q++) {
            layer->b_in[(size_t)dir * 3 * h + q] = b.data[q] + gb.data[q];
        }
        // Paddle's layout: [h][2h] (update, reset) then [h][h] (candidate), row-major.
        layer->w_ur[dir] = zn__malloc(3 * h * h * sizeof(float));
        if (layer->w_ur[dir] == NULL) {
            s = zn__error_nomem(ld->err, ld->dir);
        }
    }
    if (s == ZN_OK) {
        layer->w_c[dir] = layer->w_ur[dir] + 2 * h * h;
        zn__tag_panelize(gw.data, h, 2 * h, layer->w_ur[dir]);
        zn__tag_panelize(gw.data + 2 * h * h, h, h, layer->w_c[dir]);
    }
    zn__free(w.data);
    zn__free(b.data);
    zn__free(gw.data);
    zn__free(gb.data);
    return s;
}

static zn_status load_layer(loader *ld, int index, size_t in)
{
    zn__tag_bigru *layer = &ld->t->layer[index];
    size_t h = ld->t->hidden;
    layer->in = in;
    layer->w_in = zn__calloc(in * 6, h * sizeof(float));
    layer->b_in = zn__calloc(6 * h, sizeof(float));
    if (layer->w_in == NULL || layer->b_in == NULL) {
        return zn__error_nomem(ld->err, ld->dir);
    }
    zn_status s = load_direction(ld, layer, 2 * index, 0);
    return s != ZN_OK ? s : load_direction(ld, layer, 2 * index + 1, 1);
}

static zn_status load_output(loader *ld)
{
    zn_tagger *t = ld->t;
    size_t h2 = 2 * t->hidden, nt = t->n_tags;
    zn__tag_tensor w = {0}, b = {0}, crf = {0};
    zn_status s = tensor(ld, "model_baseline/fc_4.w_0", &w, h2, nt, 2);
    if (s == ZN_OK) {
        s = tensor(ld, "model_baseline/fc_4.b_0", &b, nt, 0, 1);
    }
    if (s == ZN_OK) {
        s = tensor(ld, "model_baseline/crfw", &crf, nt + 2, nt, 2);
    }
    if (s == ZN_OK) {
        t->w_out = zn__calloc(h2 * t->tags_pad, sizeof(float));
        t->b_out = zn__calloc(t->tags_pad, sizeof(float));
        if (t->w_out == NULL || t->b_out == NULL) {
            s = zn__error_nomem(ld->err, ld->dir);
        }
    }
    if (s == ZN_OK) {
        for (size_t i = 0; i < h2; i++) {
            memcpy(t->w_out + i * t->tags_pad, w.data + i * nt, nt * sizeof(float));
        }
        memcpy(t->b_out, b.data, nt * sizeof(float));
        t->crf_trans = zn__calloc(nt * t->tags_pad, sizeof(float));
        if (t->crf_trans == NULL) {
            s = zn__error_nomem(ld->err, ld->dir);
        }
    }
    if (s == ZN_OK) {
        for (size_t i = 0; i < nt; i++) {
            memcpy(t->crf_trans + i * t->tags_pad, crf.data + (2 + i) * nt, nt * sizeof(float));
        }
        t->crf_start = crf.data; // rows 0 and 1 of crfw
        t->crf_end = crf.data + nt;
        crf.data = NULL;
    }
    zn__free(w.data);
    zn__free(b.data);
    zn__free(crf.data);
    return s;
}

// The dictionaries, then the embedding and the first GRU, which fix the network's sizes.
static zn_status load_sizes(loader *ld)
{
    zn_tagger *t = ld->t;
    zn_status s = path_of(ld, "tag.dic");
    if (s == ZN_OK) {
        s = zn__tag_tags_load(t, ld->path, ld->err);
    }
    if (s == ZN_ERR_NOT_FOUND && ld->err != NULL) {
        char first[ZN_ERROR_MESSAGE_MAX];
        memcpy(first, ld->err->message, sizeof first);
        zn__error_set(ld->err, s, "%s (not a LAC model folder: set ZHNEWS_LAC_MODEL to jieba's "
                      "lac_small folder, from python3-jieba)", first);
    }
    if (s == ZN_OK) {
        t->tags_pad = (t->n_tags + ZN__TAG_COLS - 1) / ZN__TAG_COLS * ZN__TAG_COLS;
        s = path_of(ld, "word.dic");
    }
    if (s == ZN_OK) {
        s = zn__tag_vocab_load(&t->vocab, ld->path, ld->err);
    }
    if (s == ZN_OK) {
        s = zn__tag_vocab_fold(&t->vocab, ld->err);
    }
    zn__tag_tensor emb = {0}, gru = {0};
    if (s == ZN_OK) {
        s = tensor(ld, "model_baseline/word_emb", &emb, t->vocab.size, 0, 2);
    }
    if (s == ZN_OK) {
        t->embedding = emb.data;
        t->emb = emb.dims[1];
        s = tensor(ld, "model_baseline/gru_0.w_0", &gru, 0, 0, 2);
    }
    if (s == ZN_OK && (gru.dims[0] % 8 != 0 || gru.dims[1] != 3 * gru.dims[0])) {
        s = zn__error_at(ld->err, ZN_ERR_DATA, ld->path, "wrong tensor shape %zux%zu, expected "
                         "Hx3H with H a multiple of 8 (offset 20)", gru.dims[0], gru.dims[1]);
    }
    t->hidden = gru.dims[0];
    zn__free(gru.data);
    return s;
}

zn_status zn_tagger_open(zn_tagger **out, const char *model_dir, zn_error *err)
{
    *out = NULL;
    if (model_dir == NULL) {
        const char *env = getenv("ZHNEWS_LAC_MODEL");
        model_dir = env != NULL && env[0] != '\0' ? env : zn_tagger_default_dir();
    }
    if (model_dir == NULL) {
        return zn__error_set(err, ZN_ERR_NOT_FOUND, "no LAC model folder known: set "
                             "ZHNEWS_LAC_MODEL to jieba's lac_small folder");
    }
    zn_tagger *t = zn__calloc(1, sizeof *t);
    if (t == NULL) {
        return zn__error_nomem(err, model_dir);
    }
    loader *ld = zn__malloc(sizeof *ld);
    zn_status s = ld == NULL ? zn__error_nomem(err, model_dir) : ZN_OK;
    if (s == ZN_OK) {
        ld->t = t;
        ld->dir = model_dir;
        ld->err = err;
        s = load_sizes(ld);
    }
    if (s == ZN_OK) {
        s = load_layer(ld, 0, t->emb);
    }
    if (s == ZN_OK) {
        s = load_layer(ld, 1, 2 * t->hidden);
    }
    if (s == ZN_OK) {
        s = load_output(ld);
    }
    zn__free(ld);
    if (s != ZN_OK) {
        zn_tagger_close(t);
        return s;
    }
    t->kernels = zn__tag_kernels_best();
    *out = t;
    return ZN_OK;
}

void zn_tagger_close(zn_tagger *t)
{
    if (t == NULL) {
        return;
    }
    zn__tag_vocab_free(&t->vocab);
    zn__tag_tags_free(t);
    zn__free(t->embedding);
    for (int l = 0; l < 2; l++) {
        zn__free(t->layer[l].w_in);
        zn__free(t->layer[l].b_in);
        zn__free(t->layer[l].w_ur[0]);
        zn__free(t->layer[l].w_ur[1]);
    }
    zn__free(t->w_out);
    zn__free(t->b_out);
    zn__free(t->crf_start);
    zn__free(t->crf_trans);
    zn__free(t);
}

size_t zn_tagger_tag_count(const zn_tagger *t)
{
    return t->n_tags;
}

const char *zn_tagger_tag_name(const zn_tagger *t, size_t id)
{
    return id < t->n_tags ? t->tag_names[id] : NULL;
}
