/* SPDX-License-Identifier: MIT
 * `zhnews batch`: not built yet (placeholder until its issue lands). */
#include "cli/cli.h"

int cli_cmd_batch(const cli_options *o)
{
    (void)o;
    cli_error("batch: not implemented yet");
    return CLI_USAGE;
}
