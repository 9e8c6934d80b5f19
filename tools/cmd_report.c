/* cmd_report.c - trade report: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("report", "not implemented yet");
    return CLI_EUSAGE;
}
