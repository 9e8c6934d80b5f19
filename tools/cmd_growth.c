/* cmd_growth.c - trade growth: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_growth(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("growth", "not implemented yet");
    return CLI_EUSAGE;
}
