/* SPDX-License-Identifier: MIT
 * `zhnews normalize`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_normalize(const cli_options *o)
{
    (void)o;
    cli_error("normalize: not implemented yet");
    return CLI_USAGE;
}
