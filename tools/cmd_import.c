/* cmd_import.c - trade import: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_import(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("import", "not implemented yet");
    return CLI_EUSAGE;
}
