/* cmd_stats.c - trade stats: summary statistics per series. Parses
 * options, calls trade_summary_run (summary.h) and writes its rows. */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade stats [OPTIONS] [FILE...]\n"
    "\n"
    "Per series and kind of period (years apart from quarters or ten-month\n"
    "spans), one value per period (a period stated twice: the exact figure\n"
    "before a qualified one, then the finer precision): period_from, period_to,\n"
    "n, first and last (by period), min, max, mean, median, sd (the sample\n"
    "standard deviation, n - 1 in the denominator; empty for n < 2), status.\n"
    "Every unit is summarised, percent_change and rank included; rows whose\n"
    "measure is not a level (growth, change, share...) are not (a note on\n"
    "stderr counts them).\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade stats --where flow=export datasets/*.csv\n";

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "stats")) != -1) {
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (c == '?' || cli_common_option(&o, "stats", c, optarg)) {
            cli_usage_hint("stats");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    series_out so;
    trade_error err;
    if (!t) {
        cli_errorf("stats", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "stats", argc - optind, argv + optind, &o);
    if (!rc)
        cli_note_nonlevel("stats", t);
    size_t nmetric;
    const trade_column *metric = trade_summary_columns(&nmetric);
    if (!rc && !(rc = series_out_open(&so, t, &o, metric, nmetric))) {
        rc = trade_summary_run(t, series_summary_row, &so, &err);
        rc = rc == -1 ? so.rc : rc ? cli_fail(&err) : CLI_OK;
        rc = series_out_close(&so, rc);
    }
    trade_table_free(t);
    return rc;
}
