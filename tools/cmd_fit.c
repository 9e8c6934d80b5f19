/* cmd_fit.c - trade fit: a log-linear trend per series. Parses options,
 * calls trade_fit_run (fit.h) and writes its rows. */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade fit [--projections] [OPTIONS] [FILE...]\n"
    "\n"
    "Per series, fit ln(value) = a + b * t with t the start of each period in\n"
    "years (GSL gsl_fit_linear). Columns: n, period_from, period_to, trend_pct =\n"
    "100*(e^b - 1), ci_low_pct and ci_high_pct (95 %, from b's standard error and\n"
    "Student's t with n - 2 degrees of freedom), r2, status. Fewer than 3\n"
    "points, or a value <= 0, leave the cells empty with a status. One row per\n"
    "series and kind of period (years, quarters, months, ten-month spans...):\n"
    "a ten-month figure does not join a yearly series. A period stated twice\n"
    "is used once: the exact figure before a qualified one, then the finer\n"
    "precision. Series in percent, percent_change, pp or rank are skipped, and\n"
    "so are rows whose measure is not a level (growth, change, share...: a note\n"
    "on stderr counts them).\n"
    "Projections are left out unless --projections; the qualifier column says\n"
    "when a trend rests on qualified figures (all one qualifier: that one;\n"
    "mixed: estimate, or projection when one is).\n"
    "\n"
    "options:\n"
    "      --projections     fit rows qualified projection too\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade fit --where reporter=BEL datasets/*.csv\n";

enum { OPT_PROJECTIONS = 1 };

int cmd_fit(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"projections", no_argument, NULL, OPT_PROJECTIONS}, CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_fit_options fopt = {0};
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "fit")) != -1) {
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (c == OPT_PROJECTIONS) {
            fopt.projections = 1;
            continue;
        }
        if (c == '?' || cli_common_option(&o, "fit", c, optarg)) {
            cli_usage_hint("fit");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    series_out so;
    trade_error err;
    if (!t) {
        cli_errorf("fit", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "fit", argc - optind, argv + optind, &o);
    if (!rc)
        cli_note_nonlevel("fit", t);
    size_t nmetric;
    const trade_column *metric = trade_fit_columns(&nmetric);
    if (!rc && !(rc = series_out_open(&so, t, &o, metric, nmetric))) {
        rc = trade_fit_run(t, &fopt, series_fit_row, &so, &err);
        rc = rc == -1 ? so.rc : rc ? cli_fail(&err) : CLI_OK;
        rc = series_out_close(&so, rc);
    }
    trade_table_free(t);
    return rc;
}
