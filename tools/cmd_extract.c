/* cmd_extract.c - trade extract: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("extract", "not implemented yet");
    return CLI_EUSAGE;
}
