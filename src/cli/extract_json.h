/* SPDX-License-Identifier: MIT
 * The JSON of `zhnews extract` (src/cli/extract_json.c): one object per line or per
 * article, offsets in code points of the input as given. */
#ifndef ZHNEWS_CLI_EXTRACT_JSON_H
#define ZHNEWS_CLI_EXTRACT_JSON_H

#include "cli/cli.h"

/* Where the analysed text came from: byte offsets of the repaired text map back to the
 * input through the normaliser's (monotonic) offset map. */
typedef struct cli_origin {
    const char *in;            /* the input as given */
    size_t in_len;
    const zn_norm_result *res; /* NULL: the text was not repaired */
} cli_origin;

/* One line: {"entities":[{"start","end","type","text"}],"dates":[...]}. */
void cli_extract_line_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                           const zn_date_list *dates);

/* One article: {"entities":[{"name","type","aliases","roles","count","mentions"}],
 * "dates":[...]}. */
void cli_extract_article_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                              const zn_date_list *dates);

#endif
