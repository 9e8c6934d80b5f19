/* cmd_stats.c - trade stats: summary statistics per series (GSL). */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

/* Split rows[0..n) (one series, one row per period, in period order) by
 * period kind, kinds in order of first appearance: out gets the rows of
 * each kind together (in period order) and starts[i] the start of kind i,
 * starts[count] = n. Returns the number of kinds. out and starts have room
 * for n and n + 1. */
static size_t split_kinds(const trade_table *t, const size_t *rows, size_t n, size_t *out,
                          size_t *starts)
{
    size_t nk = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        const trade_period *p = &trade_table_obs(t, rows[i])->period;
        size_t j = 0;
        while (j < i && !trade_period_same_kind(&trade_table_obs(t, rows[j])->period, p))
            j++;
        if (j < i)
            continue; /* kind already collected */
        starts[nk++] = k;
        for (size_t m = i; m < n; m++)
            if (trade_period_same_kind(&trade_table_obs(t, rows[m])->period, p))
                out[k++] = rows[m];
    }
    starts[nk] = k;
    return nk;
}

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

static const char *const metric[] = {"period_from", "period_to", "n",      "first", "last",   "min",
                                     "max",         "mean",      "median", "sd",    "status", NULL};

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
    size_t *keep = NULL, *bykind = NULL, *starts = NULL;
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
    bykind = malloc(nrows * sizeof *bykind);
    starts = malloc((nrows + 1) * sizeof *starts);
    v = malloc(nrows * sizeof *v);
    work = malloc(nrows * sizeof *work);
    if (!keep || !bykind || !starts || !v || !work || trade_series_group(t, &sl, &err)) {
        cli_errorf("stats", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if ((rc = series_out_open(&so, t, &o, metric)))
        goto done;
    for (size_t s = 0; s < trade_series_count(sl) && !rc; s++) {
        size_t n;
        const size_t *rows = trade_series_rows(sl, s, &n);
        size_t nk = split_kinds(t, keep, series_dedupe(t, rows, n, keep), bykind, starts);
        for (size_t kind = 0; kind < nk && !rc; kind++) {
            const size_t *kr = bykind + starts[kind];
            size_t k = starts[kind + 1] - starts[kind];
            for (size_t i = 0; i < k; i++)
                v[i] = trade_table_obs(t, kr[i])->value;
            trade_summary sum;
            if (trade_stats_summary(v, k, work, &sum)) {
                cli_errorf("stats", "internal error");
                rc = CLI_EUSAGE;
                break;
            }
            char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
            trade_period_format(&trade_table_obs(t, kr[0])->period, p0, sizeof p0);
            trade_period_format(&trade_table_obs(t, kr[k - 1])->period, p1, sizeof p1);
            series_out_ident(&so, kr, k);
            series_out_str(&so, 0, p0);
            series_out_str(&so, 1, p1);
            series_out_num(&so, 2, (double)k, 1);
            series_out_num(&so, 3, sum.first, 1);
            series_out_num(&so, 4, sum.last, 1);
            series_out_num(&so, 5, sum.min, 1);
            series_out_num(&so, 6, sum.max, 1);
            series_out_num(&so, 7, sum.mean, 1);
            series_out_num(&so, 8, sum.median, 1);
            series_out_num(&so, 9, sum.sd, 1);
            series_out_str(&so, 10, sum.status);
            rc = series_out_row(&so);
        }
    }
    rc = series_out_close(&so, rc);
done:
    free(keep);
    free(bykind);
    free(starts);
    free(v);
    free(work);
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
