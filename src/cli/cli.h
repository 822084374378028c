/* SPDX-License-Identifier: MIT
 * The zhnews program: one options struct filled by getopt_long before any work, one entry
 * point per subcommand (cmd_*.c), messages through msg.c. No text processing here. */
#ifndef ZHNEWS_CLI_CLI_H
#define ZHNEWS_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "zhnews/zhnews.h"

/* Exit statuses. */
enum { CLI_OK = 0, CLI_SOME_FAILED = 1, CLI_USAGE = 2 };

typedef struct cli_options {
    const char *command;       /* "process", "normalize", "segment", ... */
    char **inputs;             /* operands (files, dirs, "-"); stdin when none */
    int n_inputs;
    zn_reader_options reader;  /* --from, --input-format, --on-invalid, --*-field, limits */
    const char *to;            /* --to keep|t|s|tw|hk */
    const char *ref_date;      /* --ref-date YYYY-MM-DD */
    zn_date_region region;     /* --region auto|cn|tw: ROC years, regional holidays */
    const char *output;        /* -o FILE */
    const char *lexicon;       /* --lexicon FILE (default: found beside the program) */
    const char *user_dict;     /* --user-dict FILE */
    const char *report;        /* --report FILE: normalize writes its changes there (JSONL) */
    int jobs;                  /* -j N (0: number of cores) */
    int summary;               /* --summary N */
    bool pretty;               /* --pretty */
    bool quiet;                /* -q */
    bool pos;                  /* --pos: segment prints word/tag */
    bool split_units;          /* --split-units: segment cuts 70 | 位 (SIGHAN convention) */
    bool vague;                /* --vague: mark vague time words */
    bool resume;               /* --resume (batch) */
    bool text;                 /* --text (batch: also write the text) */
    bool all;                  /* --all (batch: include hidden files) */
    bool no_repair;            /* --no-repair: keep characters as they are */
    bool no_tagger;            /* --no-tagger / --tagger none: skip the LAC model */
    bool lac_words;            /* --tagger lac: segment prints LAC's words (and tags with --pos) */
    bool ner_json;             /* --ner-json: tag prints its entities as JSON Lines */
    bool json;                 /* --json: detect prints JSON Lines */
    const char *include_glob;  /* --include GLOB (batch) */
    const char *exclude_glob;  /* --exclude GLOB (batch) */
    uint32_t fields;           /* --fields LIST: ZN_FIELD_* bits (default all) */
} cli_options;

/* Subcommands; each returns an exit status. */
int cli_cmd_process(const cli_options *o);
int cli_cmd_normalize(const cli_options *o);
int cli_cmd_segment(const cli_options *o);
int cli_cmd_extract(const cli_options *o);
int cli_cmd_batch(const cli_options *o);
int cli_cmd_detect(const cli_options *o);
int cli_cmd_dates(const cli_options *o);
int cli_cmd_tag(const cli_options *o);

/* Messages: "zhnews: " + text + newline on stderr (suppressed by -q for warnings only). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const cli_options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a library error: "zhnews: <err->message>". */
void cli_report(const zn_error *err);

/* Opens the output (-o FILE or stdout). Returns NULL after reporting on failure. */
FILE *cli_open_output(const cli_options *o);
/* Flushes and closes the output; reports a write error and returns false. A closed pipe
 * (EPIPE) ends the program quietly with status 0 through cli_exit_if_epipe. */
bool cli_close_output(FILE *out, const cli_options *o);
/* Writes bytes to out; on EPIPE exits quietly, on other errors reports and returns false. */
bool cli_write(FILE *out, const char *s, size_t len);

/* Fills pipeline options from the command line (lexicon path in lexbuf). Cannot fail. */
void cli_pipeline_options(const cli_options *o, zn_pipeline_options *popts, char *lexbuf,
                          size_t size);

/* Opens the lexicon (cli_lexicon_path) and loads --user-dict into it. When the lexicon cannot
 * be opened: with `required` it is reported and *failed set; without, a warning is printed
 * and NULL returned with *failed false. A bad user dictionary is always reported and fails.
 * The caller closes the lexicon. */
zn_lexicon *cli_open_lexicon(const cli_options *o, bool required, bool *failed);

/* Path of the compiled lexicon: --lexicon, $ZHNEWS_LEXICON, beside the program
 * (build/zhnews.lex), or the installed data directory. Never NULL. */
const char *cli_lexicon_path(const cli_options *o, char *buf, size_t size);

/* Calls fn for every record of every input (stdin when none), read with `ropts`; fn owns
 * the record and returns false when it failed (it has reported why). Inputs that cannot be
 * read are reported and counted; the others are still processed. Opens and closes the output
 * (-o). Returns an exit status. */
typedef bool (*cli_record_fn)(void *ctx, zn_record *rec, FILE *out);
int cli_each_record(const cli_options *o, const zn_reader_options *ropts, cli_record_fn fn,
                    void *ctx);

/* Calls fn for every line of every input (stdin when none), decoded to UTF-8 by the reader
 * with format ZN_FORMAT_LINES; fn gets the line without its newline. Returns an exit status:
 * inputs that fail are reported and counted. */
typedef bool (*cli_line_fn)(void *ctx, const char *line, size_t len, FILE *out);
int cli_each_line(const cli_options *o, cli_line_fn fn, void *ctx);

/* As cli_each_line, but fn gets the lines in batches, in order: up to CLI_BATCH_LINES lines
 * or CLI_BATCH_BYTES bytes, a longer line alone; a batch never spans two inputs. For
 * commands whose stages are faster on many lines at once (LAC: zn_tagger_run_many) or keep
 * their tables in the cache when run over many lines in turn. */
#define CLI_BATCH_LINES 256
#define CLI_BATCH_BYTES (256 * 1024)
typedef bool (*cli_batch_fn)(void *ctx, const char *const *lines, const size_t *lens, size_t n,
                             FILE *out);
int cli_each_line_batch(const cli_options *o, cli_batch_fn fn, void *ctx);

#endif
