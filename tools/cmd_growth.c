/* cmd_growth.c - trade growth: growth rates between the periods of each
 * series. Parses options, calls trade_growth_run (growth.h: pairing, CAGR,
 * qualifiers) and writes its rows; a large input is written on two
 * threads, the second half of the series kept apart and appended. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade growth [--from PERIOD --to PERIOD] [--annualize-partial] [--yoy] [OPTIONS]\n"
    "                    [FILE...]\n"
    "\n"
    "Growth between consecutive periods of each series (rows sharing reporter,\n"
    "partner, flow, unit and product). Columns: period_from, period_to,\n"
    "value_from, value_to, growth_pct = 100*(v1/v0-1), cagr_pct =\n"
    "100*((v1/v0)^(1/years)-1) with years between the periods' starts (a gap of\n"
    "two years is annualised), log_growth = ln(v1/v0), status.\n"
    "Series in percent, percent_change, pp or rank are skipped (their growth has\n"
    "no meaning). Where a series states one period twice (a text figure and a\n"
    "table figure, two sources, or 2012 and 2012-01/2012-12), one row is used,\n"
    "never a zero-year pair: the exact figure (no qualifier) before a qualified\n"
    "one, then the finer precision (stated, else as written), then the first in\n"
    "file order. Other input columns are carried when both rows of a pair agree\n"
    "on them (else empty); the qualifier is that of the result: growth to a\n"
    "lower bound is a lower bound, from an estimate an estimate, a projection\n"
    "stays a projection.\n"
    "Each period is paired with the latest earlier period of the same kind\n"
    "(year with year, quarter with quarter, ten months with ten months); gaps\n"
    "are annualised in cagr_pct. A period that has no earlier one of its kind is\n"
    "paired with the latest earlier period (a ten-month figure after a full\n"
    "year) with empty cells and status 'incomparable periods', unless\n"
    "--annualize-partial multiplies values of periods shorter than a year by\n"
    "12 / months (status says so; stocks, fdi_stock and investment_stock, are\n"
    "never scaled). --yoy pairs months, quarters and partial spans with the\n"
    "same months a year before. Periods less than a year apart have no CAGR\n"
    "(status says so). A zero or negative base leaves the cells empty, with a\n"
    "status; a zero end value has no log growth. --from/--to give one row per\n"
    "series that has both periods (the same months, however written); --from\n"
    "must start before --to.\n"
    "\n"
    "options:\n"
    "      --from PERIOD     with --to: one row per series, from PERIOD ...\n"
    "      --to PERIOD       ... to PERIOD (CAGR over the span)\n"
    "      --annualize-partial  scale periods shorter than a year to 12 months\n"
    "      --yoy             months, quarters, partial spans: year on year\n" CLI_COMMON_HELP
    "\n"
    "example:\n"
    "  trade growth --from 2002 --to 2011 datasets/*.csv\n";

enum { OPT_FROM = 1, OPT_TO, OPT_ANNUALIZE, OPT_YOY };

/* Inputs of this many rows or more are written on two threads. */
#define PARALLEL_ROWS 20000

typedef struct growth_job {
    series_out out;
    const trade_series_list *sl;
    const trade_growth_options *opt;
    size_t s0, s1;
    int rc;
} growth_job;

static int run(series_out *so, const trade_series_list *sl, size_t s0, size_t s1,
               const trade_growth_options *opt)
{
    trade_error err;
    int rc = trade_growth_run(so->t, sl, s0, s1, opt, series_growth_row, so, &err);
    return rc == -1 ? so->rc : rc ? cli_fail(&err) : CLI_OK;
}

static void *growth_main(void *arg)
{
    growth_job *j = arg;
    j->rc = run(&j->out, j->sl, j->s0, j->s1, j->opt);
    return NULL;
}

int cmd_growth(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"annualize-partial", no_argument, NULL, OPT_ANNUALIZE},
        {"yoy", no_argument, NULL, OPT_YOY},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_common o = {0};
    series_out out;
    trade_growth_options gopt = {0};
    const char *from = NULL, *to = NULL;
    trade_period pfrom, pto;
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "growth")) != -1) {
        int rc = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_FROM) {
            from = optarg;
        } else if (c == OPT_TO) {
            to = optarg;
        } else if (c == OPT_ANNUALIZE) {
            gopt.annualize_partial = 1;
        } else if (c == OPT_YOY) {
            gopt.yoy = 1;
        } else {
            rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "growth", c, optarg);
        }
        if (rc) {
            cli_usage_hint("growth");
            return CLI_EUSAGE;
        }
    }
    trade_error err;
    if (from && trade_period_parse(from, strlen(from), &pfrom, &err)) {
        cli_errorf("growth", "--from: %s", err.message);
        cli_usage_hint("growth");
        return CLI_EUSAGE;
    }
    if (to && trade_period_parse(to, strlen(to), &pto, &err)) {
        cli_errorf("growth", "--to: %s", err.message);
        cli_usage_hint("growth");
        return CLI_EUSAGE;
    }
    gopt.from = from ? &pfrom : NULL;
    gopt.to = to ? &pto : NULL;
    if (trade_growth_options_check(&gopt, &err)) {
        cli_errorf("growth", "%s", err.message);
        cli_usage_hint("growth");
        return CLI_EUSAGE;
    }
    trade_table *t = trade_table_new();
    trade_series_list *sl = NULL;
    if (!t) {
        cli_errorf("growth", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "growth", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    cli_note_nonlevel("growth", t);
    if (trade_growth_series(t, &sl, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    size_t nmetric;
    const trade_column *metric = trade_growth_columns(&nmetric);
    if ((rc = series_out_open(&out, t, &o, metric, nmetric)))
        goto done;
    /* a large input: the second half of the series on a second thread, its
     * rows kept apart and written after the first half's */
    size_t ns = trade_series_count(sl), nrows = trade_table_rows(t), mid = 0, acc = 0;
    while (!from && nrows >= PARALLEL_ROWS && mid < ns && acc < nrows / 2) {
        size_t n;
        trade_series_rows(sl, mid++, &n);
        acc += n;
    }
    growth_job job;
    memset(&job, 0, sizeof job);
    job.sl = sl;
    job.opt = &gopt;
    job.s0 = mid;
    job.s1 = ns;
    pthread_t th;
    int threaded = 0;
    if (mid > 0 && mid < ns && series_out_part(&job.out, &out) == CLI_OK) {
        threaded = trade_writer_thread_create(&th, growth_main, &job) == 0;
        if (!threaded)
            series_out_close(&job.out, CLI_EUSAGE);
    }
    rc = run(&out, sl, 0, threaded ? mid : ns, &gopt);
    if (threaded) {
        pthread_join(th, NULL);
        if (!rc)
            rc = job.rc;
        if (!rc)
            rc = series_out_append(&out, &job.out);
        series_out_close(&job.out, CLI_EUSAGE);
    }
    rc = series_out_close(&out, rc);
done:
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
