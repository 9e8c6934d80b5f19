/* cmd_rank.c - trade rank: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_rank(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("rank", "not implemented yet");
    return CLI_EUSAGE;
}
