/* cmd_stats.c - trade stats: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("stats", "not implemented yet");
    return CLI_EUSAGE;
}
