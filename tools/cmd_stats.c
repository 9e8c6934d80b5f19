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
    "Every unit is summarised, percent_change and rank included.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade stats --where flow=export datasets/*.csv\n";

typedef struct stats_ctx {
    series_out out;
    int rc;
} stats_ctx;

static int write_row(void *ctx, const trade_summary_row *r)
{
    stats_ctx *sc = ctx;
    series_out *so = &sc->out;
    const trade_summary *sum = &r->summary;
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    series_out_ident(so, r->rows, r->n);
    series_out_qualifier(so, r->qualifier);
    series_out_str(so, 0, p0);
    series_out_str(so, 1, p1);
    series_out_num(so, 2, (double)r->n, 1);
    series_out_num(so, 3, sum->first, 1);
    series_out_num(so, 4, sum->last, 1);
    series_out_num(so, 5, sum->min, 1);
    series_out_num(so, 6, sum->max, 1);
    series_out_num(so, 7, sum->mean, 1);
    series_out_num(so, 8, sum->median, 1);
    series_out_num(so, 9, sum->sd, 1);
    series_out_str(so, 10, sum->status);
    sc->rc = series_out_row(so);
    return sc->rc ? -1 : 0;
}

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
    stats_ctx sc = {0};
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
    if (!rc && !(rc = series_out_open(&sc.out, t, &o, metric, nmetric))) {
        rc = trade_summary_run(t, write_row, &sc, &err);
        rc = rc == -1 ? sc.rc : rc ? cli_fail(&err) : CLI_OK;
        rc = series_out_close(&sc.out, rc);
    }
    trade_table_free(t);
    return rc;
}
