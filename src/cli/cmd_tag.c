/* SPDX-License-Identifier: MIT
 * `zhnews tag`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_tag(const cli_options *o)
{
    (void)o;
    cli_error("tag: not implemented yet");
    return CLI_USAGE;
}
