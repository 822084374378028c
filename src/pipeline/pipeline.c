/* SPDX-License-Identifier: MIT
 * The pipeline: shared read-only resources, per-thread workers, and one run that takes a
 * reader record through every stage into a zn_doc for the writer. */
#include <stdlib.h>
#include <string.h>

#include "pipeline/cross.h"
#include "pipeline/summary.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "zhnews/zhnews.h"

#define KEYWORDS_MAX 10 // keywords per article

struct zn_pipeline {
    zn_pipeline_options opts;
    zn_lexicon *lexicon; /* NULL when run without one */
    zn_tagger *tagger;   /* NULL when run without one */
    zn_normalize_options norm;
    zn_date_options dates;
    bool ref_given; /* --ref-date was set: the article's own dates do not override it */
};

struct zn_worker {
    const zn_pipeline *p;
    zn_normalizer *norm;
    zn_tokenizer *tok;
    zn_tag_list tags;
};

void zn_pipeline_options_init(zn_pipeline_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->repair = true;
    opts->tagger = true;
}

// The LAC model: an explicitly named folder must open; the default one may be missing.
static zn_status open_tagger(zn_pipeline *p, zn_error *err)
{
    const char *dir = p->opts.tagger_dir;
    bool explicit_dir = dir != NULL;
    if (dir == NULL) {
        dir = getenv("ZHNEWS_LAC_MODEL");
        explicit_dir = dir != NULL && dir[0] != '\0';
    }
    if (dir == NULL || dir[0] == '\0') {
        dir = zn_tagger_default_dir();
    }
    if (dir == NULL) {
        return ZN_OK;
    }
    zn_status st = zn_tagger_open(&p->tagger, dir, err);
    if (st != ZN_OK && !explicit_dir && st != ZN_ERR_NOMEM) {
        zn_error_init(err); // no model installed: entities come from rules and the lexicon
        return ZN_OK;
    }
    return st;
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
    zn_normalize_options_init(&p->norm);
    p->norm.repair = p->opts.repair;
    p->norm.mixed_script = p->opts.repair;
    if (p->opts.to != NULL &&
        zn_script_target_parse(p->opts.to, &p->norm.to, err) != ZN_OK) {
        zn__free(p);
        return ZN_ERR_INVALID_ARG;
    }
    zn_date_options_init(&p->dates);
    p->dates.vague = p->opts.vague;
    p->dates.region = p->opts.region;
    if (p->opts.user_dict != NULL && p->opts.lexicon_path == NULL) {
        zn__error_at(err, ZN_ERR_INVALID_ARG, p->opts.user_dict,
                     "a user dictionary needs the lexicon");
        zn__free(p);
        return ZN_ERR_INVALID_ARG;
    }
    if (p->opts.ref_date != NULL) {
        zn_status st = zn_date_options_set_ref(&p->dates, p->opts.ref_date,
                                               strlen(p->opts.ref_date), err);
        if (st != ZN_OK) {
            zn__free(p);
            return st;
        }
        p->ref_given = true;
    }
    if (p->opts.lexicon_path != NULL) {
        zn_status st = zn_lexicon_open(&p->lexicon, p->opts.lexicon_path, err);
        if (st == ZN_OK && p->opts.user_dict != NULL) {
            st = zn_lexicon_load_user_dict(p->lexicon, p->opts.user_dict, err);
        }
        if (st != ZN_OK) {
            zn_lexicon_close(p->lexicon);
            zn__free(p);
            return st;
        }
    }
    if (p->opts.tagger) {
        zn_status st = open_tagger(p, err);
        if (st != ZN_OK) {
            zn_lexicon_close(p->lexicon);
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
    zn_tagger_close(p->tagger);
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
    zn_tag_list_init(&w->tags);
    zn_status st = zn_normalizer_new(&w->norm, p->lexicon, &p->norm, err);
    if (st == ZN_OK) {
        st = zn_tokenizer_new(&w->tok, p->lexicon, err);
    }
    if (st != ZN_OK) {
        zn_normalizer_free(w->norm);
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
    zn_normalizer_free(w->norm);
    zn_tokenizer_free(w->tok);
    zn_tag_list_clear(&w->tags);
    zn__free(w);
}

void zn_doc_free(zn_doc *doc)
{
    if (doc == NULL) {
        return;
    }
    zn_record_free(doc->source);
    zn_article_free(doc->article);
    zn_norm_result_free(doc->norm);
    zn_token_list_clear(&doc->tokens);
    zn_date_list_clear(&doc->dates);
    zn_entities_free(doc->entities);
    zn_keyword_list_clear(&doc->keywords);
    zn__free(doc->summary);
    zn__free(doc);
}

static size_t map_offset(const void *ctx, size_t offset)
{
    return zn_norm_result_map_offset(ctx, offset);
}

static zn_script script_of(zn_text_script s)
{
    switch (s) {
    case ZN_TEXT_SCRIPT_SIMPLIFIED: return ZN_SCRIPT_SIMPLIFIED;
    case ZN_TEXT_SCRIPT_TRADITIONAL: return ZN_SCRIPT_TRADITIONAL;
    case ZN_TEXT_SCRIPT_MIXED: return ZN_SCRIPT_MIXED;
    case ZN_TEXT_SCRIPT_NONE: break;
    }
    return ZN_SCRIPT_UNKNOWN;
}

// Repairs the article's text and moves its structure onto the repaired text. The document
// keeps the result for its audit trail; the article takes over the text.
static zn_status normalize(zn_worker *w, zn_doc *doc, zn_error *err)
{
    zn_article *a = doc->article;
    zn_status st = zn_normalizer_run(w->norm, a->text, a->len, &doc->norm, err);
    if (st != ZN_OK) {
        return st;
    }
    zn_norm_result *r = doc->norm;
    zn_article_retext(a, r->text, r->len, map_offset, r);
    r->text = NULL;
    return ZN_OK;
}

static zn_status find_dates(const zn_worker *w, zn_doc *doc, zn_error *err)
{
    zn_date_options o = w->p->dates;
    if (!w->p->ref_given) {
        zn__article_reference(doc, &o);
    }
    const zn_article *a = doc->article;
    zn_status st = zn_dates_find(a->text, a->len, &o, &doc->dates, err);
    if (st == ZN_OK) {
        zn__drop_dates_inside_names(doc);
    }
    return st;
}

static zn_status find_entities(zn_worker *w, zn_doc *doc, zn_error *err)
{
    const zn_article *a = doc->article;
    zn_extract_input in = {a->text, a->len, doc->tokens.items, doc->tokens.count, NULL, 0,
                           w->p->lexicon};
    if (w->p->tagger != NULL) {
        zn_status st = zn_tagger_run(w->p->tagger, a->text, a->len, &w->tags, err);
        if (st != ZN_OK) {
            return st;
        }
        in.tags = w->tags.words;
        in.n_tags = w->tags.n_words;
    }
    return zn_entities_extract(&doc->entities, &in, err);
}

zn_status zn_worker_run(zn_worker *w, zn_record *rec, zn_doc **out, zn_error *err)
{
    *out = NULL;
    zn_doc *doc = zn__calloc(1, sizeof *doc);
    if (doc != NULL) {
        zn_token_list_init(&doc->tokens);
        zn_date_list_init(&doc->dates);
        zn_keyword_list_init(&doc->keywords);
    }
    if (doc == NULL) {
        zn_status st = zn__error_nomem(err, rec->path);
        zn_record_free(rec);
        return st;
    }
    doc->source = rec;
    zn_status st = zn_article_parse_titled(&doc->article, rec->path, rec->title,
                                           rec->title != NULL ? strlen(rec->title) : 0,
                                           rec->text, rec->len, err);
    if (st != ZN_OK) {
        zn_doc_free(doc);
        return st;
    }
    st = normalize(w, doc, err);
    if (st != ZN_OK) {
        zn_doc_free(doc);
        return st;
    }
    // The normaliser's verdict (made for its repairs) where it has one; else the reader's.
    switch (doc->norm->script) {
    case ZN_NORM_TRADITIONAL: doc->script = ZN_SCRIPT_TRADITIONAL; break;
    case ZN_NORM_SIMPLIFIED: doc->script = ZN_SCRIPT_SIMPLIFIED; break;
    case ZN_NORM_UNKNOWN: doc->script = script_of(zn_text_script_guess(rec->text, rec->len));
    }
    const zn_article *a = doc->article;
    st = zn_tokenizer_run(w->tok, a->text, a->len, &doc->tokens, err);
    if (st != ZN_OK) {
        zn_doc_free(doc);
        return st;
    }
    st = find_entities(w, doc, err);
    if (st == ZN_OK) {
        st = find_dates(w, doc, err);
    }
    if (st == ZN_OK) {
        zn_keywords_input kin = {a->text, a->len, doc->tokens.items, doc->tokens.count,
                                 doc->entities};
        st = zn_keywords_extract(&kin, KEYWORDS_MAX, &doc->keywords, err);
    }
    if (st == ZN_OK && w->p->opts.summary > 0) {
        st = zn__summarize(doc, (size_t)w->p->opts.summary, err);
    }
    if (st != ZN_OK) {
        zn_doc_free(doc);
        return st;
    }
    doc->sentences = zn__count_sentences(a->text, &doc->tokens);
    *out = doc;
    return ZN_OK;
}
