/* cmd_fit.c - trade fit: a log-linear trend per series (ln value on time in
 * years, gsl_fit_linear) with a 95 % interval from Student's t. */
#include <stdlib.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade fit [OPTIONS] [FILE...]\n"
    "\n"
    "Per series, fit ln(value) = a + b * t with t the start of each period in\n"
    "years (GSL gsl_fit_linear). Columns: n, period_from, period_to, trend_pct =\n"
    "100*(e^b - 1), ci_low_pct and ci_high_pct (95 %, from b's standard error and\n"
    "Student's t with n - 2 degrees of freedom), r2, status. Fewer than 3\n"
    "points, or a value <= 0, leave the cells empty with a status. One row per\n"
    "series and kind of period (years, quarters, months, ten-month spans...):\n"
    "a ten-month figure does not join a yearly series. A period stated twice\n"
    "is used once: the exact figure before a qualified one, then the finer\n"
    "precision. Series in percent, percent_change, pp or rank are skipped.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade fit --where reporter=BEL datasets/*.csv\n";

static const char *const metric[] = {"n",         "period_from", "period_to",
                                     "trend_pct", "ci_low_pct",  "ci_high_pct",
                                     "r2",        "status",      NULL};

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

int cmd_fit(int argc, char **argv)
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
        if (c == '?' || cli_common_option(&o, "fit", c, optarg)) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    trade_series_list *sl = NULL;
    size_t *keep = NULL, *bykind = NULL, *starts = NULL;
    double *x = NULL, *y = NULL;
    series_out so = {0};
    trade_error err;
    if (!t) {
        cli_errorf("fit", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "fit", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    size_t nrows = trade_table_rows(t) + 1;
    keep = malloc(nrows * sizeof *keep);
    bykind = malloc(nrows * sizeof *bykind);
    starts = malloc((nrows + 1) * sizeof *starts);
    x = malloc(nrows * sizeof *x);
    y = malloc(nrows * sizeof *y);
    if (!keep || !bykind || !starts || !x || !y || trade_series_group(t, &sl, &err)) {
        cli_errorf("fit", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if ((rc = series_out_open(&so, t, &o, metric)))
        goto done;
    for (size_t s = 0; s < trade_series_count(sl) && !rc; s++) {
        size_t n;
        const size_t *rows = trade_series_rows(sl, s, &n);
        if (!series_is_level_unit(trade_table_obs(t, rows[0])->unit))
            continue;
        size_t nk = split_kinds(t, keep, series_dedupe(t, rows, n, keep), bykind, starts);
        for (size_t kind = 0; kind < nk && !rc; kind++) {
            const size_t *kr = bykind + starts[kind];
            size_t k = starts[kind + 1] - starts[kind];
            for (size_t i = 0; i < k; i++) {
                const trade_obs *ob = trade_table_obs(t, kr[i]);
                x[i] = trade_period_start_years(&ob->period);
                y[i] = ob->value;
            }
            trade_fit tr;
            if (trade_stats_fit_loglinear(x, y, k, &tr, &err)) {
                rc = cli_fail(&err);
                break;
            }
            series_out_ident(&so, kr, k);
            char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
            trade_period_format(&trade_table_obs(t, kr[0])->period, p0, sizeof p0);
            trade_period_format(&trade_table_obs(t, kr[k - 1])->period, p1, sizeof p1);
            series_out_num(&so, 0, (double)k, 1);
            series_out_str(&so, 1, p0);
            series_out_str(&so, 2, p1);
            series_out_num(&so, 3, tr.trend_pct, 1);
            series_out_num(&so, 4, tr.ci_low_pct, 1);
            series_out_num(&so, 5, tr.ci_high_pct, 1);
            series_out_num(&so, 6, tr.r2, 1);
            series_out_str(&so, 7, tr.status);
            rc = series_out_row(&so);
        }
    }
    rc = series_out_close(&so, rc);
done:
    free(keep);
    free(bykind);
    free(starts);
    free(x);
    free(y);
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
