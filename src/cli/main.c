/* SPDX-License-Identifier: MIT
 * zhnews main: parse the command line into one cli_options, then run one subcommand. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char usage_text[] =
    "Usage: zhnews [COMMAND] [OPTION]... [FILE|DIR|-]...\n"
    "Chinese news articles in, clean text and JSON out.\n"
    "\n"
    "Commands:\n"
    "  process     full pipeline, one JSON object per article (default)\n"
    "  normalize   repaired text, one output line per input line\n"
    "  segment     words separated by one space, line for line\n"
    "  extract     entities and dates as JSON\n"
    "  dates       dates and times found in each input line, as JSON Lines\n"
    "  tag         LAC lexical analysis (word/TAG), line for line\n"
    "  batch IN_DIR OUT_DIR   a folder tree to a mirrored JSON archive with an index\n"
    "  detect      encoding and script of each file\n"
    "\n"
    "Options:\n"
    "      --from ENC|auto        input encoding (default: detect)\n"
    "      --to keep|t|s|tw|hk|twp|hkp   convert the script with OpenCC (default: keep)\n"
    "      --input-format auto|text|lines|jsonl|trec\n"
    "      --text-field NAME      JSON Lines field with the article text\n"
    "      --title-field NAME     JSON Lines field with the title\n"
    "      --id-field NAME        JSON Lines field with the id\n"
    "      --date-field NAME      JSON Lines field with the date\n"
    "      --on-invalid fail|replace|skip   what to do with undecodable bytes\n"
    "      --max-article-bytes N  largest article accepted (default 64 MiB)\n"
    "      --max-line-bytes N     longest line of a lines/jsonl input (default: as above)\n"
    "      --ref-date YYYY-MM-DD  reference date for relative expressions\n"
    "      --vague                also mark vague time words\n"
    "      --region auto|cn|tw    dates: Taiwan reads 107年 as ROC 107 (2018)\n"
    "      --lexicon FILE         compiled lexicon (default: beside the program)\n"
    "      --user-dict FILE       extra words: WORD [FREQ] [TAG] per line\n"
    "      --pos                  segment: print word/tag\n"
    "      --split-units          segment: numbers apart from units (SIGHAN: 70 位)\n"
    "      --ner-json             tag: entities as JSON Lines (start, end, type, text)\n"
    "      --json                 detect: one JSON object per file\n"
    "      --no-repair            do not repair variant characters\n"
    "      --no-tagger            skip the LAC model: faster, fewer entities found\n"
    "      --tagger lac|none      lac: also segment with LAC's words; none: as --no-tagger\n"
    "      --report FILE          normalize: write every change as JSON Lines to FILE\n"
    "      --summary N            add the N most representative sentences\n"
    "  -j, --jobs N               batch: worker threads (default: cores)\n"
    "      --resume               batch: skip files whose output is newer\n"
    "      --text                 batch: also write the normalised text\n"
    "      --all                  batch: include hidden files\n"
    "      --include GLOB         batch: only files matching GLOB\n"
    "      --exclude GLOB         batch: skip files matching GLOB\n"
    "  -o, --output FILE          write to FILE instead of stdout\n"
    "      --pretty               indented JSON\n"
    "      --fields LIST          only these top-level fields (title,byline,entities,...)\n"
    "  -q, --quiet                no warnings or progress\n"
    "  -h, --help                 this help\n"
    "      --version              version\n"
    "\n"
    "Exit status: 0 success, 1 some inputs failed (the rest were processed), 2 usage error.\n";

enum {
    OPT_FROM = 256,
    OPT_TO,
    OPT_FORMAT,
    OPT_TEXT_FIELD,
    OPT_TITLE_FIELD,
    OPT_ID_FIELD,
    OPT_DATE_FIELD,
    OPT_ON_INVALID,
    OPT_MAX_BYTES,
    OPT_MAX_LINE,
    OPT_REF_DATE,
    OPT_VAGUE,
    OPT_REGION,
    OPT_LEXICON,
    OPT_USER_DICT,
    OPT_POS,
    OPT_SPLIT_UNITS,
    OPT_NER_JSON,
    OPT_JSON,
    OPT_NO_REPAIR,
    OPT_NO_TAGGER,
    OPT_TAGGER,
    OPT_REPORT,
    OPT_SUMMARY,
    OPT_RESUME,
    OPT_TEXT,
    OPT_ALL,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_PRETTY,
    OPT_FIELDS,
    OPT_VERSION,
};

static const struct option long_options[] = {
    {"from", required_argument, NULL, OPT_FROM},
    {"to", required_argument, NULL, OPT_TO},
    {"input-format", required_argument, NULL, OPT_FORMAT},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"title-field", required_argument, NULL, OPT_TITLE_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"date-field", required_argument, NULL, OPT_DATE_FIELD},
    {"on-invalid", required_argument, NULL, OPT_ON_INVALID},
    {"max-article-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"max-line-bytes", required_argument, NULL, OPT_MAX_LINE},
    {"ref-date", required_argument, NULL, OPT_REF_DATE},
    {"vague", no_argument, NULL, OPT_VAGUE},
    {"region", required_argument, NULL, OPT_REGION},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"user-dict", required_argument, NULL, OPT_USER_DICT},
    {"pos", no_argument, NULL, OPT_POS},
    {"split-units", no_argument, NULL, OPT_SPLIT_UNITS},
    {"ner-json", no_argument, NULL, OPT_NER_JSON},
    {"json", no_argument, NULL, OPT_JSON},
    {"no-repair", no_argument, NULL, OPT_NO_REPAIR},
    {"no-tagger", no_argument, NULL, OPT_NO_TAGGER},
    {"tagger", required_argument, NULL, OPT_TAGGER},
    {"report", required_argument, NULL, OPT_REPORT},
    {"summary", required_argument, NULL, OPT_SUMMARY},
    {"jobs", required_argument, NULL, 'j'},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"text", no_argument, NULL, OPT_TEXT},
    {"all", no_argument, NULL, OPT_ALL},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"output", required_argument, NULL, 'o'},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"fields", required_argument, NULL, OPT_FIELDS},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

typedef int (*command_fn)(const cli_options *o);

static const struct {
    const char *name;
    command_fn run;
} commands[] = {
    {"process", cli_cmd_process}, {"normalize", cli_cmd_normalize},
    {"segment", cli_cmd_segment}, {"extract", cli_cmd_extract},
    {"batch", cli_cmd_batch},     {"detect", cli_cmd_detect},
    {"dates", cli_cmd_dates},     {"tag", cli_cmd_tag},
};

static int usage_error(const char *what)
{
    cli_error("%s", what);
    fputs("Try 'zhnews --help' for more information.\n", stderr);
    return CLI_USAGE;
}

// Parses a non-negative decimal number; false when it is not one.
static bool parse_size(const char *s, size_t max, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v > max) {
        return false;
    }
    *out = (size_t)v;
    return true;
}

static bool parse_enum(const char *arg, const char *const names[], int count, int *out)
{
    for (int i = 0; i < count; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = i;
            return true;
        }
    }
    return false;
}

static int parse_option(cli_options *o, int c, const char *arg)
{
    static const char *const formats[] = {"auto", "text", "lines", "jsonl", "trec"};
    static const char *const policies[] = {"fail", "replace", "skip"};
    char hint[160];
    int choice;
    size_t n;
    switch (c) {
    case OPT_FROM:
        o->reader.from = strcmp(arg, "auto") == 0 ? NULL : arg;
        return 0;
    case OPT_TO: {
        zn_error err;
        zn_script_target target;
        if (zn_script_target_parse(arg, &target, &err) != ZN_OK) {
            snprintf(hint, sizeof hint, "--to: %.120s", err.message);
            return usage_error(hint);
        }
        o->to = target == ZN_TO_KEEP ? NULL : arg;
        return 0;
    }
    case OPT_FORMAT:
        if (!parse_enum(arg, formats, 5, &choice)) {
            snprintf(hint, sizeof hint,
                     "--input-format: unknown format '%.60s' (auto, text, lines, jsonl, trec)",
                     arg);
            return usage_error(hint);
        }
        o->reader.format = (zn_input_format)choice;
        return 0;
    case OPT_ON_INVALID:
        if (!parse_enum(arg, policies, 3, &choice)) {
            snprintf(hint, sizeof hint, "--on-invalid: '%.60s' is not fail, replace or skip",
                     arg);
            return usage_error(hint);
        }
        o->reader.on_invalid = (zn_invalid_policy)choice;
        return 0;
    case OPT_MAX_BYTES:
        if (!parse_size(arg, (size_t)1 << 40, &n) || n == 0) {
            return usage_error("--max-article-bytes: expected a positive number of bytes");
        }
        o->reader.max_record_bytes = n;
        return 0;
    case OPT_MAX_LINE:
        if (!parse_size(arg, (size_t)1 << 40, &n) || n == 0) {
            return usage_error("--max-line-bytes: expected a positive number of bytes");
        }
        o->reader.max_line_bytes = n;
        return 0;
    case 'j':
        if (!parse_size(arg, 1024, &n) || n == 0) {
            return usage_error("--jobs: expected a number from 1 to 1024");
        }
        o->jobs = (int)n;
        return 0;
    case OPT_SUMMARY:
        if (!parse_size(arg, 1000, &n)) {
            return usage_error("--summary: expected a number from 0 to 1000");
        }
        o->summary = (int)n;
        return 0;
    case OPT_TEXT_FIELD: o->reader.text_field = arg; return 0;
    case OPT_TITLE_FIELD: o->reader.title_field = arg; return 0;
    case OPT_ID_FIELD: o->reader.id_field = arg; return 0;
    case OPT_DATE_FIELD: o->reader.date_field = arg; return 0;
    case OPT_REF_DATE: o->ref_date = arg; return 0;
    case OPT_VAGUE: o->vague = true; return 0;
    case OPT_REGION: {
        static const char *const regions[] = {"auto", "cn", "tw"};
        if (!parse_enum(arg, regions, 3, &choice)) {
            snprintf(hint, sizeof hint, "--region: '%.40s' is not auto, cn or tw", arg);
            return usage_error(hint);
        }
        // The order of the names is the order of zn_date_region.
        o->region = (zn_date_region)choice;
        return 0;
    }
    case OPT_LEXICON: o->lexicon = arg; return 0;
    case OPT_USER_DICT: o->user_dict = arg; return 0;
    case OPT_POS: o->pos = true; return 0;
    case OPT_SPLIT_UNITS: o->split_units = true; return 0;
    case OPT_NER_JSON: o->ner_json = true; return 0;
    case OPT_JSON: o->json = true; return 0;
    case OPT_NO_REPAIR: o->no_repair = true; return 0;
    case OPT_NO_TAGGER: o->no_tagger = true; return 0;
    case OPT_TAGGER: {
        static const char *const taggers[] = {"lac", "none"};
        if (!parse_enum(arg, taggers, 2, &choice)) {
            snprintf(hint, sizeof hint, "--tagger: '%.40s' is not lac or none", arg);
            return usage_error(hint);
        }
        o->no_tagger = choice == 1;
        o->lac_words = choice == 0;
        return 0;
    }
    case OPT_REPORT: o->report = arg; return 0;
    case OPT_RESUME: o->resume = true; return 0;
    case OPT_TEXT: o->text = true; return 0;
    case OPT_ALL: o->all = true; return 0;
    case OPT_INCLUDE: o->include_glob = arg; return 0;
    case OPT_EXCLUDE: o->exclude_glob = arg; return 0;
    case 'o': o->output = arg; return 0;
    case OPT_PRETTY: o->pretty = true; return 0;
    case OPT_FIELDS: {
        zn_error err;
        zn_error_init(&err);
        if (zn_fields_parse(arg, &o->fields, &err) != ZN_OK) {
            snprintf(hint, sizeof hint, "--fields: %.100s", err.message);
            return usage_error(hint);
        }
        return 0;
    }
    case 'q': o->quiet = true; return 0;
    default: return usage_error("unknown option");
    }
}

static command_fn find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            return commands[i].run;
        }
    }
    return NULL;
}

int main(int argc, char **argv)
{
    // A closed pipe must end us quietly, not kill us mid-write: handle EPIPE on write.
    signal(SIGPIPE, SIG_IGN);
    cli_options o;
    memset(&o, 0, sizeof o);
    zn_reader_options_init(&o.reader);
    o.command = "process";
    o.fields = ZN_FIELD_ALL;
    command_fn run = cli_cmd_process;
    if (argc > 1 && argv[1][0] != '-') {
        command_fn named = find_command(argv[1]);
        if (named != NULL) {
            o.command = argv[1];
            run = named;
            argv[1] = argv[0];
            argv++;
            argc--;
        }
    }
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "j:o:qh", long_options, NULL)) != -1) {
        if (c == 'h') {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 ? CLI_OK : CLI_SOME_FAILED;
        }
        if (c == OPT_VERSION) {
            printf("zhnews %s\n", ZN_VERSION);
            return fflush(stdout) == 0 ? CLI_OK : CLI_SOME_FAILED;
        }
        if (c == '?' || c == ':') {
            char hint[120];
            if (optopt != 0) {
                snprintf(hint, sizeof hint, "option '-%c' is unknown or needs a value", optopt);
            } else {
                snprintf(hint, sizeof hint, "option '%.80s' is unknown or needs a value",
                         argv[optind - 1]);
            }
            return usage_error(hint);
        }
        int rc = parse_option(&o, c, optarg);
        if (rc != 0) {
            return rc;
        }
    }
    o.inputs = argv + optind;
    o.n_inputs = argc - optind;
    return run(&o);
}
