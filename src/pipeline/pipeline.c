/* SPDX-License-Identifier: MIT
 * The pipeline: shared read-only resources, per-thread workers, and one run that takes a
 * reader record through every stage into a zn_doc for the writer. */
#include <string.h>

#include "pipeline/script.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "zhnews/zhnews.h"

struct zn_pipeline {
    zn_pipeline_options opts;
    zn_lexicon *lexicon; /* NULL when run without one */
};

struct zn_worker {
    const zn_pipeline *p;
    script_detector *script;
};

void zn_pipeline_options_init(zn_pipeline_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->repair = true;
}

zn_status zn_pipeline_new(zn_pipeline **out, const zn_pipeline_options *opts, zn_error *err)
{
    *out = NULL;
    zn_pipeline *p = zn__calloc(1, sizeof *p);
    if (p == NULL) {
        return zn__error_nomem(err, "pipeline");
    }
    if (opts != NULL) {
        p->opts = *opts;
    } else {
        zn_pipeline_options_init(&p->opts);
    }
    if (p->opts.lexicon_path != NULL) {
        zn_status st = zn_lexicon_open(&p->lexicon, p->opts.lexicon_path, err);
        if (st != ZN_OK) {
            zn__free(p);
            return st;
        }
    }
    *out = p;
    return ZN_OK;
}

void zn_pipeline_free(zn_pipeline *p)
{
    if (p == NULL) {
        return;
    }
    zn_lexicon_close(p->lexicon);
    zn__free(p);
}

zn_status zn_worker_new(zn_worker **out, const zn_pipeline *p, zn_error *err)
{
    *out = NULL;
    zn_worker *w = zn__calloc(1, sizeof *w);
    if (w == NULL) {
        return zn__error_nomem(err, "worker");
    }
    w->p = p;
    zn_status st = zn__script_detector_new(&w->script, err);
    if (st != ZN_OK) {
        zn__free(w);
        return st;
    }
    *out = w;
    return ZN_OK;
}

void zn_worker_free(zn_worker *w)
{
    if (w == NULL) {
        return;
    }
    zn__script_detector_free(w->script);
    zn__free(w);
}

void zn_doc_free(zn_doc *doc)
{
    if (doc == NULL) {
        return;
    }
    zn_record_free(doc->source);
    zn_article_free(doc->article);
    zn__free(doc);
}

// Sentence ends in the text: 。！？ and ASCII !? (a full tokenizer count comes later).
static size_t count_sentences(const char *s, size_t len)
{
    size_t n = 0;
    size_t pos = 0;
    bool in_sentence = false;
    while (pos < len) {
        uint32_t cp = zn__utf8_next(s, len, &pos);
        bool end = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' ||
                   cp == '\n';
        if (end) {
            n += in_sentence;
            in_sentence = false;
        } else if (!zn__cp_is_space(cp)) {
            in_sentence = true;
        }
    }
    return n + in_sentence;
}

zn_status zn_worker_run(zn_worker *w, zn_record *rec, zn_doc **out, zn_error *err)
{
    *out = NULL;
    zn_doc *doc = zn__calloc(1, sizeof *doc);
    if (doc == NULL) {
        zn_status st = zn__error_nomem(err, rec->path);
        zn_record_free(rec);
        return st;
    }
    doc->source = rec;
    zn_status st = zn_article_parse(&doc->article, rec->path, rec->text, rec->len, err);
    if (st != ZN_OK) {
        zn_doc_free(doc);
        return st;
    }
    const zn_article *a = doc->article;
    doc->script = zn__script_detect(w->script, a->text, a->len);
    doc->sentences = count_sentences(a->text, a->len);
    *out = doc;
    return ZN_OK;
}
