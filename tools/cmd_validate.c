/* cmd_validate.c - trade validate: check observation files, one line per
 * problem as FILE:LINE:COLUMN: message. */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade validate [--draft] [--max-field N] [FILE...]\n"
    "\n"
    "Check observation CSV files (stdin for '-' or no FILE): required columns,\n"
    "known codes, flows, units and qualifiers, periods, plain finite values, and\n"
    "no conflicting duplicates. Prints one FILE:LINE:COLUMN: message per problem.\n"
    "Exit status: 0 valid, 1 invalid data, 2 usage or I/O error.\n"
    "\n"
    "options:\n"
    "      --draft           accept empty reporter, partner, flow and period\n"
    "                        (the output of trade extract)\n"
    "      --max-field N     refuse fields longer than N bytes (default 1 MiB)\n"
    "  -q, --quiet           print nothing on success\n"
    "      --help            show this help\n"
    "\n"
    "example:\n"
    "  trade validate datasets/*.csv\n";

int cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'}, CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    int quiet = 0, c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "qo:", longopts, "validate")) != -1) {
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (c == 'q') {
            quiet = 1;
            continue;
        }
        if (c == 'o' || c == CLI_OPT_FORMAT || c == CLI_OPT_RAW || c == CLI_OPT_DIGITS) {
            /* accepted by every row-writing command; validate writes no rows */
            cli_errorf("validate", "%s is not used by validate (it writes no rows, only "
                                   "problems)",
                       c == 'o'              ? "-o"
                       : c == CLI_OPT_FORMAT ? "--format"
                       : c == CLI_OPT_RAW    ? "--raw"
                                             : "--digits");
            cli_usage_hint("validate");
            return CLI_EUSAGE;
        }
        int rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "validate", c, optarg);
        if (rc) {
            if (rc < 0)
                cli_errorf("validate", "option not used by validate");
            cli_usage_hint("validate");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    if (!t) {
        cli_errorf("validate", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "validate", argc - optind, argv + optind, &o);
    if (rc == CLI_OK && !quiet)
        fprintf(stderr, "%zu observation%s valid\n", trade_table_rows(t),
                trade_table_rows(t) == 1 ? "" : "s");
    trade_table_free(t);
    return rc;
}
