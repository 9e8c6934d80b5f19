/* cmd_growth.c - trade growth: growth rates between the periods of each
 * series. For each series, one row per distinct period (series_dedupe);
 * each period is paired with the latest earlier period of the same kind
 * (years with years, ten-month spans with ten-month spans), so a series
 * that mixes months and years gives two chains. A period with no earlier
 * one of its kind is paired with the latest earlier period that ends before
 * it starts, with status "incomparable periods", unless --annualize-partial
 * scales periods shorter than a year to twelve months. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade growth [--from PERIOD --to PERIOD] [--annualize-partial] [OPTIONS] [FILE...]\n"
    "\n"
    "Growth between consecutive periods of each series (rows sharing reporter,\n"
    "partner, flow, unit and product). Columns: period_from, period_to,\n"
    "value_from, value_to, growth_pct = 100*(v1/v0-1), cagr_pct =\n"
    "100*((v1/v0)^(1/years)-1) with years between the periods' starts (a gap of\n"
    "two years is annualised), log_growth = ln(v1/v0), status.\n"
    "Series in percent, percent_change, pp or rank are skipped (their growth has\n"
    "no meaning). Where a series states one period twice (a text figure and a\n"
    "table figure, two sources), one row is used, never a zero-year pair: the\n"
    "exact figure (no qualifier) before a qualified one, then the smaller\n"
    "precision, then the first in file order. Other input columns are carried\n"
    "when both rows of a pair agree on them (else empty).\n"
    "Each period is paired with the latest earlier period of the same kind\n"
    "(year with year, quarter with quarter, ten months with ten months); gaps\n"
    "are annualised in cagr_pct. A period that has no earlier one of its kind is\n"
    "paired with the latest earlier period (a ten-month figure after a full\n"
    "year) with empty cells and status 'incomparable periods', unless\n"
    "--annualize-partial multiplies values of periods shorter than a year by\n"
    "12 / months (status says so). A zero or negative base leaves the cells\n"
    "empty, with a status; a zero end value has no log growth. --from/--to\n"
    "give one row per series that has both periods (same kind as written).\n"
    "\n"
    "options:\n"
    "      --from PERIOD     with --to: one row per series, from PERIOD ...\n"
    "      --to PERIOD       ... to PERIOD (CAGR over the span)\n"
    "      --annualize-partial  scale periods shorter than a year to 12 months\n" CLI_COMMON_HELP
    "\n"
    "example:\n"
    "  trade growth --from 2002 --to 2011 datasets/*.csv\n";

enum { OPT_FROM = 1, OPT_TO, OPT_ANNUALIZE };

static const char *const metric[] = {"period_from", "period_to",  "value_from",
                                     "value_to",    "growth_pct", "cagr_pct",
                                     "log_growth",  "status",     NULL};

typedef struct growth_ctx {
    series_out out;
    int annualize;
    long vcol; /* the value column */
    char v0[TRADE_NUMBER_BUFSIZE], v1[TRADE_NUMBER_BUFSIZE];
    char growth[TRADE_NUMBER_BUFSIZE], cagr[TRADE_NUMBER_BUFSIZE], log[TRADE_NUMBER_BUFSIZE];
} growth_ctx;

/* 1 if text is a plain decimal as trade_number_format writes it: no
 * leading or trailing zeros, no "-0", at most 15 significant digits (so no
 * shorter decimal reads back as the same double and the text is the
 * shortest form). Formatting numbers is most of the time growth takes;
 * values that are already canonical are copied instead. */
static int canonical(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (!*p)
        return 0;
    if (*p == '0' && p[1] != '.')
        return p[1] == '\0' && p == s; /* "0" only */
    int sig = 0, started = 0, dot = 0;
    const char *last = p;
    for (; *p; p++) {
        if (*p == '.') {
            if (dot || !p[1])
                return 0;
            dot = 1;
            continue;
        }
        if (*p < '0' || *p > '9')
            return 0;
        if (*p != '0')
            started = 1;
        sig += started;
        last = p;
    }
    if (dot && *last == '0')
        return 0;
    if (!started)
        return 0; /* "0.0", "-0.0" */
    return sig <= 15;
}

static const char *value_text(growth_ctx *g, const trade_table *t, size_t row, double v, char *buf)
{
    const char *s = g->vcol >= 0 ? trade_table_cell(t, row, (size_t)g->vcol) : "";
    if (canonical(s))
        return s;
    trade_stats_number_format(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
}

/* trade_period_format, with plain years written directly (most rows). */
static void period_text(const trade_period *p, char *buf)
{
    int y = p->first_month / 12;
    if (p->start_unit == TRADE_PERIOD_YEAR && !p->interval && y >= 1000 && y <= 9999) {
        buf[0] = (char)('0' + y / 1000);
        buf[1] = (char)('0' + y / 100 % 10);
        buf[2] = (char)('0' + y / 10 % 10);
        buf[3] = (char)('0' + y % 10);
        buf[4] = '\0';
        return;
    }
    trade_period_format(p, buf, TRADE_PERIOD_BUFSIZE);
}

static int emit(growth_ctx *g, const trade_table *t, size_t r0, size_t r1, const char *missing)
{
    const trade_obs *a = trade_table_obs(t, r0), *b = trade_table_obs(t, r1);
    size_t rows[2] = {r0, r1};
    series_out *so = &g->out;
    series_out_ident(so, rows, 2);
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    period_text(&a->period, p0);
    period_text(&b->period, p1);
    series_out_str(so, 0, p0);
    series_out_str(so, 1, p1);
    series_out_str(so, 2, value_text(g, t, r0, a->value, g->v0));
    series_out_str(so, 3, value_text(g, t, r1, b->value, g->v1));
    if (missing) {
        series_out_str(so, 7, missing);
        return series_out_row(so);
    }
    trade_growth gr;
    trade_stats_growth_periods(&a->period, a->value, &b->period, b->value, g->annualize, &gr);
    trade_stats_number_format(gr.growth_pct, g->growth, sizeof g->growth);
    series_out_str(so, 4, g->growth);
    if (gr.cagr_pct == gr.growth_pct) /* one year apart: the same number */
        series_out_str(so, 5, g->growth);
    else {
        trade_stats_number_format(gr.cagr_pct, g->cagr, sizeof g->cagr);
        series_out_str(so, 5, g->cagr);
    }
    trade_stats_number_format(gr.log_growth, g->log, sizeof g->log);
    series_out_str(so, 6, g->log);
    series_out_str(so, 7, gr.status);
    return series_out_row(so);
}

static long find_period(const trade_table *t, const size_t *rows, size_t n, const trade_period *p)
{
    for (size_t i = 0; i < n; i++) {
        const trade_period *q = &trade_table_obs(t, rows[i])->period;
        if (!trade_period_compare(q, p) && q->start_unit == p->start_unit &&
            q->end_unit == p->end_unit && q->interval == p->interval)
            return (long)i;
    }
    return -1;
}

/* Rows of series [s0, s1) of sl; keep has room for any series. With pfrom,
 * one row per series from pfrom to pto. Returns an exit code. */
static int growth_range(growth_ctx *g, const trade_series_list *sl, size_t s0, size_t s1,
                        size_t *keep, const trade_period *pfrom, const trade_period *pto)
{
    const trade_table *t = g->out.t;
    int rc = CLI_OK;
    for (size_t s = s0; s < s1 && !rc; s++) {
        size_t n;
        const size_t *rows = trade_series_rows(sl, s, &n);
        if (!series_is_level_unit(trade_table_obs(t, rows[0])->unit))
            continue;
        size_t k = series_dedupe(t, rows, n, keep);
        if (pfrom) {
            long i = find_period(t, keep, k, pfrom), j = find_period(t, keep, k, pto);
            if (i >= 0 && j >= 0)
                rc = emit(g, t, keep[i], keep[j], NULL);
            continue;
        }
        for (size_t j = 1; j < k && !rc; j++) {
            const trade_period *pj = &trade_table_obs(t, keep[j])->period;
            size_t i = j;
            while (i > 0 && !trade_period_same_kind(&trade_table_obs(t, keep[i - 1])->period, pj))
                i--;
            if (i == 0) { /* first of its kind: against the latest earlier period */
                i = j;
                while (i > 0 &&
                       trade_table_obs(t, keep[i - 1])->period.last_month >= pj->first_month)
                    i--;
            }
            if (i > 0)
                rc = emit(g, t, keep[i - 1], keep[j], NULL);
        }
    }
    return rc;
}

/* Inputs of this many rows or more are written on two threads. */
#define PARALLEL_ROWS 20000

typedef struct growth_job {
    growth_ctx g;
    const trade_series_list *sl;
    size_t s0, s1;
    size_t *keep;
    int rc;
} growth_job;

static void *growth_main(void *arg)
{
    growth_job *j = arg;
    j->rc = growth_range(&j->g, j->sl, j->s0, j->s1, j->keep, NULL, NULL);
    return NULL;
}

int cmd_growth(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"annualize-partial", no_argument, NULL, OPT_ANNUALIZE},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_common o = {0};
    growth_ctx g = {0};
    const char *from = NULL, *to = NULL;
    trade_period pfrom, pto;
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        int rc = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_FROM) {
            from = optarg;
        } else if (c == OPT_TO) {
            to = optarg;
        } else if (c == OPT_ANNUALIZE) {
            g.annualize = 1;
        } else {
            rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "growth", c, optarg);
        }
        if (rc) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    trade_error err;
    if ((from != NULL) != (to != NULL)) {
        cli_errorf("growth", "--from and --to go together");
        return CLI_EUSAGE;
    }
    if (from && (trade_period_parse(from, strlen(from), &pfrom, &err) ||
                 trade_period_parse(to, strlen(to), &pto, &err))) {
        cli_errorf("growth", "--from/--to: %s", err.message);
        return CLI_EUSAGE;
    }
    trade_table *t = trade_table_new();
    trade_series_list *sl = NULL;
    size_t *keep = NULL;
    if (!t) {
        cli_errorf("growth", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "growth", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    if (trade_series_group(t, &sl, &err) ||
        !(keep = malloc((trade_table_rows(t) + 1) * sizeof *keep))) {
        rc = CLI_EUSAGE;
        cli_errorf("growth", "out of memory");
        goto done;
    }
    g.vcol = trade_table_col_index(t, "value");
    if ((rc = series_out_open(&g.out, t, &o, metric)))
        goto done;
    if (from) {
        rc = growth_range(&g, sl, 0, trade_series_count(sl), keep, &pfrom, &pto);
    } else {
        /* a large input: the second half of the series on a second thread,
         * its rows kept apart and written after the first half's */
        size_t ns = trade_series_count(sl), nrows = trade_table_rows(t), mid = 0, acc = 0;
        while (nrows >= PARALLEL_ROWS && mid < ns && acc < nrows / 2) {
            size_t n;
            trade_series_rows(sl, mid++, &n);
            acc += n;
        }
        growth_job job;
        memset(&job, 0, sizeof job);
        job.sl = sl;
        job.s0 = mid;
        job.s1 = ns;
        pthread_t th;
        int threaded = 0;
        if (mid > 0 && mid < ns && (job.keep = malloc((nrows + 1) * sizeof *job.keep)) &&
            series_out_part(&job.g.out, &g.out) == CLI_OK) {
            job.g.annualize = g.annualize;
            job.g.vcol = g.vcol;
            threaded = pthread_create(&th, NULL, growth_main, &job) == 0;
            if (!threaded)
                series_out_close(&job.g.out, CLI_EUSAGE);
        }
        rc = growth_range(&g, sl, 0, threaded ? mid : ns, keep, NULL, NULL);
        if (threaded) {
            pthread_join(th, NULL);
            if (!rc)
                rc = job.rc;
            if (!rc)
                rc = series_out_append(&g.out, &job.g.out);
            series_out_close(&job.g.out, CLI_EUSAGE);
        }
        free(job.keep);
    }
    rc = series_out_close(&g.out, rc);
done:
    free(keep);
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
