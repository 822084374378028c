/* SPDX-License-Identifier: MIT
 * `zhnews segment`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_segment(const cli_options *o)
{
    (void)o;
    cli_error("segment: not implemented yet");
    return CLI_USAGE;
}
