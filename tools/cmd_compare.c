/* cmd_compare.c - trade compare: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("compare", "not implemented yet");
    return CLI_EUSAGE;
}
