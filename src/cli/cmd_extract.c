/* SPDX-License-Identifier: MIT
 * `zhnews extract`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_extract(const cli_options *o)
{
    (void)o;
    cli_error("extract: not implemented yet");
    return CLI_USAGE;
}
