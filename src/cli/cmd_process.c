/* SPDX-License-Identifier: MIT
 * `zhnews [process]`: placeholder until the pipeline lands. */
#include "cli/cli.h"

int cli_cmd_process(const cli_options *o)
{
    (void)o;
    cli_error("process: not implemented yet");
    return CLI_USAGE;
}
