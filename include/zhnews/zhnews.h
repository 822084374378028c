/* SPDX-License-Identifier: MIT
 * The whole public API of libzhnews: one header per pipeline stage, plus the shared
 * lexicon and common types. */
#ifndef ZHNEWS_ZHNEWS_ZHNEWS_H
#define ZHNEWS_ZHNEWS_ZHNEWS_H

#include "zhnews/common.h"
#include "zhnews/reader.h"
#include "zhnews/lexicon.h"
#include "zhnews/normalize.h"
#include "zhnews/tokenize.h"
#include "zhnews/dates.h"
#include "zhnews/extract.h"
#include "zhnews/keywords.h"
#include "zhnews/fingerprint.h"
#include "zhnews/tag.h"
#include "zhnews/article.h"
#include "zhnews/output.h"
#include "zhnews/batch.h"

/* The whole pipeline, wired: reader record → article → (later stages) → document.
 *
 * A zn_pipeline holds the read-only resources (lexicon, tables, models) and may be shared by
 * any number of threads; each thread makes its own zn_worker (scratch space, converters). */
typedef struct zn_pipeline_options {
    const char *lexicon_path; /* compiled lexicon, or NULL to run without one */
    const char *user_dict;    /* extra words ("word [freq] [tag]" lines), or NULL; needs the
                                 lexicon */
    bool repair;              /* repair variant characters (default true) */
    const char *to;           /* script conversion: NULL (keep), "t", "s", "tw", "hk" */
    const char *ref_date;     /* YYYY-MM-DD for relative dates, or NULL */
    bool vague;               /* report vague time words */
    zn_date_region region;    /* how to read ROC years (ZN_DATE_REGION_AUTO) */
    int summary;              /* sentences of summary to add (0: none) */
    bool tagger;              /* run the LAC tagger for better entities (default true;
                                 skipped quietly when no model is installed) */
    const char *tagger_dir;   /* LAC model folder, or NULL: $ZHNEWS_LAC_MODEL, then the
                                 folder found at build time */
} zn_pipeline_options;

/* Fills *opts with the defaults. Cannot fail. */
ZN_API void zn_pipeline_options_init(zn_pipeline_options *opts);

typedef struct zn_pipeline zn_pipeline;
typedef struct zn_worker zn_worker;

/* Opens the shared resources. Returns ZN_OK, or the error of the resource that failed
 * (ZN_ERR_NOT_FOUND / ZN_ERR_DATA for the lexicon or an explicitly named tagger model,
 * ZN_ERR_FORMAT for a bad user dictionary line, ZN_ERR_INVALID_ARG for a bad --ref-date
 * or --to, ZN_ERR_NOMEM); on failure *out is NULL. opts is copied (its strings are borrowed
 * and must outlive the pipeline). */
ZN_API zn_status zn_pipeline_new(zn_pipeline **out, const zn_pipeline_options *opts,
                                 zn_error *err);

/* Frees the pipeline; every worker must be freed first. Accepts NULL. */
ZN_API void zn_pipeline_free(zn_pipeline *p);

/* Creates a worker for one thread (the pipeline must outlive it). ZN_OK or ZN_ERR_NOMEM /
 * ZN_ERR_EXTERNAL (a converter could not be opened); on failure *out is NULL. */
ZN_API zn_status zn_worker_new(zn_worker **out, const zn_pipeline *p, zn_error *err);

/* Frees a worker. Accepts NULL. */
ZN_API void zn_worker_free(zn_worker *w);

/* Runs every stage on one record. Takes ownership of rec in all cases (on failure it is
 * freed). On success *out is a new document (free with zn_doc_free); on failure NULL and
 * err names the record's path. Errors: ZN_ERR_NOMEM, ZN_ERR_INVALID_ARG (text not UTF-8). */
ZN_API zn_status zn_worker_run(zn_worker *w, zn_record *rec, zn_doc **out, zn_error *err);

/* Frees a document and everything it owns. Accepts NULL. */
ZN_API void zn_doc_free(zn_doc *doc);

#endif
