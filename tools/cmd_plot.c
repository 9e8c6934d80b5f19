/* cmd_plot.c - trade plot: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_plot(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("plot", "not implemented yet");
    return CLI_EUSAGE;
}
