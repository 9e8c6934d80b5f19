/* cmd_convert.c - trade convert: not written yet (placeholder so the table links). */
#include "cli.h"
#include "commands.h"

int cmd_convert(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("convert", "not implemented yet");
    return CLI_EUSAGE;
}
