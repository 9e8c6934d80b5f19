/* cmd_growth.c - trade growth: growth rates between the periods of each
 * series. Parses options, makes one library call, trade_growth_files
 * (growth.h: pairing, CAGR, qualifiers; sorted bulk input is streamed,
 * stream.h), and writes its rows (series_growth_row); rows of output part
 * p (the period block where their series starts) go to a temporary part
 * appended after part p - 1, so both paths write the same bytes. */
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
    "no meaning), and so are rows whose measure is not a level (growth, change,\n"
    "share...: a note on stderr counts them). Where a series states one period\n"
    "twice (a text figure and a table figure, two sources, or 2012 and\n"
    "2012-01/2012-12), one row is used, never a zero-year pair: the exact\n"
    "figure (no qualifier) before a qualified\n"
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
    "One file sorted as trade import writes it (by period, then reporter,\n"
    "partner, flow, product, unit) is streamed, a batch of series at a time,\n"
    "whatever its size; other input is read whole. The output is the same.\n"
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

typedef struct growth_ctx {
    series_out out;
    series_out *parts; /* parts 1.. of the output (streaming: by period block) */
    size_t nparts;
    int opened, rc;
    const cli_common *o;
} growth_ctx;

/* A row into the part of its series' first period block. */
static int write_row(void *ctx, const trade_growth_row *r)
{
    growth_ctx *g = ctx;
    series_out *so = r->part == 0 ? &g->out : &g->parts[r->part];
    if (r->part > 0 && !so->w && (g->rc = series_out_part(so, &g->out)) != CLI_OK) {
        cli_errorf("growth", "cannot open a temporary file for part %zu of the output", r->part);
        return -1;
    }
    so->t = r->table;
    int rc = series_growth_row(so, r);
    g->rc = so->rc;
    return rc;
}

/* The output opens on the first table the library reads (its columns). */
static int start(void *ctx, const trade_table *t, size_t nparts)
{
    growth_ctx *g = ctx;
    size_t nmetric;
    const trade_column *metric = trade_growth_columns(&nmetric);
    if ((g->rc = series_out_open(&g->out, t, g->o, metric, nmetric)))
        return -1;
    g->opened = 1;
    if (nparts > 1 && !(g->parts = calloc(nparts, sizeof *g->parts))) {
        cli_errorf("growth", "out of memory");
        g->rc = CLI_EUSAGE;
        return -1;
    }
    g->nparts = nparts;
    return 0;
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
    cli_input in;
    int rc = cli_input_open(&in, "growth", &o);
    if (rc)
        return rc;
    growth_ctx g;
    memset(&g, 0, sizeof g);
    g.o = &o;
    static const trade_growth_sink sink = {start, write_row};
    trade_stream_stats stats;
    int st = trade_growth_files((size_t)(argc - optind), (const char *const *)argv + optind, &in.so,
                                &gopt, &sink, &g, &stats, &err);
    cli_input_progress_end(&in);
    if (st == 0)
        cli_note_nonlevel_rows("growth", stats.nonlevel);
    if (st == -1)
        rc = g.rc;
    else if (st)
        rc = cli_input_printed(&in) ? cli_exit_code(st) : cli_fail(&err);
    for (size_t p = 1; p < g.nparts; p++) {
        if (!rc && g.parts[p].w)
            rc = series_out_append(&g.out, &g.parts[p]);
        series_out_close(&g.parts[p], CLI_EUSAGE);
    }
    free(g.parts);
    if (g.opened)
        rc = series_out_close(&g.out, rc);
    cli_input_close(&in);
    return rc;
}
