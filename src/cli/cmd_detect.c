/* SPDX-License-Identifier: MIT
 * `zhnews detect`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_detect(const cli_options *o)
{
    (void)o;
    cli_error("detect: not implemented yet");
    return CLI_USAGE;
}
