/* cmd_check.c - trade check: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("check", "not implemented yet");
    return CLI_EUSAGE;
}
