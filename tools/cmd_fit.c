/* cmd_fit.c - trade fit: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_fit(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("fit", "not implemented yet");
    return CLI_EUSAGE;
}
