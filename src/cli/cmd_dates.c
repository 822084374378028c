/* SPDX-License-Identifier: MIT
 * `zhnews dates`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_dates(const cli_options *o)
{
    (void)o;
    cli_error("dates: not implemented yet");
    return CLI_USAGE;
}
