/* cmd_stats.c - trade stats: summary statistics per series (GSL). */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade stats [OPTIONS] [FILE...]\n"
    "\n"
    "Per series (one value per period, as trade growth chooses them): n, first\n"
    "and last (by period), min, max, mean, median, sd (the sample standard\n"
    "deviation, n - 1 in the denominator; empty for n < 2), status.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade stats --where flow=export datasets/*.csv\n";

static const char *const metric[] = {"n",    "first",  "last", "min",    "max",
                                     "mean", "median", "sd",   "status", NULL};

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (c == '?' || cli_common_option(&o, "stats", c, optarg)) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    trade_series_list *sl = NULL;
    size_t *keep = NULL;
    double *v = NULL, *work = NULL;
    series_out so = {0};
    trade_error err;
    if (!t) {
        cli_errorf("stats", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "stats", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    size_t nrows = trade_table_rows(t) + 1;
    keep = malloc(nrows * sizeof *keep);
    v = malloc(nrows * sizeof *v);
    work = malloc(nrows * sizeof *work);
    if (!keep || !v || !work || trade_series_group(t, &sl, &err)) {
        cli_errorf("stats", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if ((rc = series_out_open(&so, t, &o, metric)))
        goto done;
    for (size_t s = 0; s < trade_series_count(sl) && !rc; s++) {
        size_t n;
        const size_t *rows = trade_series_rows(sl, s, &n);
        size_t k = series_dedupe(t, rows, n, keep);
        for (size_t i = 0; i < k; i++)
            v[i] = trade_table_obs(t, keep[i])->value;
        trade_summary sum;
        if (trade_stats_summary(v, k, work, &sum)) {
            cli_errorf("stats", "internal error");
            rc = CLI_EUSAGE;
            break;
        }
        series_out_ident(&so, keep, k);
        series_out_num(&so, 0, (double)k, 1);
        series_out_num(&so, 1, sum.first, 1);
        series_out_num(&so, 2, sum.last, 1);
        series_out_num(&so, 3, sum.min, 1);
        series_out_num(&so, 4, sum.max, 1);
        series_out_num(&so, 5, sum.mean, 1);
        series_out_num(&so, 6, sum.median, 1);
        series_out_num(&so, 7, sum.sd, 1);
        series_out_str(&so, 8, sum.status);
        rc = series_out_row(&so);
    }
    rc = series_out_close(&so, rc);
done:
    free(keep);
    free(v);
    free(work);
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
