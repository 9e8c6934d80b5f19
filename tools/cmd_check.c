/* cmd_check.c - trade check: the rounding-aware consistency check of
 * stated figures (trade_check_run in the library); one output row per check. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade check [OPTIONS] [FILE...]\n"
    "\n"
    "Every figure stands for an interval: value -/+ half its precision (the\n"
    "precision column, else the unit of the last written digit: 40.15 -> 0.01,\n"
    "118000000 -> 1000000). With interval arithmetic it checks\n"
    "  growth: each percent_change row against the growth computed from the\n"
    "          levels of the same reporter, partner, flow and product at its\n"
    "          period and the period before (every pair of level rows): for a\n"
    "          year, quarter, month or part of a year the same months a year\n"
    "          before (2012-03 against 2011-03, 2012-01/2012-10 against\n"
    "          2011-01/2011-10) unless the row's note or label says\n"
    "          month-on-month, quarter-on-quarter, m/m, q/q, ... (then the\n"
    "          period just before); for longer periods the period of the same\n"
    "          length just before;\n"
    "  sum:    a row with an empty product against the sum of the rows with\n"
    "          the same reporter, partner, flow, period and unit and a product;\n"
    "  twice:  two rows for the same reporter, partner, flow, period, unit and\n"
    "          product (text against table).\n"
    "Rows qualified lower_bound, upper_bound or projection are not checked.\n"
    "Columns: check, reporter, partner, flow, period, unit, product, compared\n"
    "(in words), a_value, a_low, a_high (the stated figure: the rate, the total,\n"
    "or the coarser statement), b_value, b_low, b_high (computed from the\n"
    "levels or the parts, or the finer statement), gap (distance between the\n"
    "intervals, 0 when they overlap), verdict, a_source, a_locator, b_source,\n"
    "b_locator. Verdicts: 'consistent' (b_value lies in a's interval: a is b\n"
    "correctly rounded), 'consistent within rounding' (only the intervals\n"
    "overlap), 'inconsistent' (they are disjoint).\n"
    "Exit status 0 whatever the verdicts; 1 for unreadable data.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade check datasets/*.csv\n";

typedef struct check_ctx {
    const trade_table *t;
    trade_writer *w;
    const char **cells;
    int rc;
} check_ctx;

static int on_check(void *vctx, const trade_check_result *r)
{
    check_ctx *c = vctx;
    char num[8][TRADE_NUMBER_BUFSIZE];
    trade_check_cells(c->t, r, num, c->cells);
    trade_error err;
    if (trade_writer_row(c->w, c->cells, &err)) {
        c->rc = cli_fail(&err);
        return 1;
    }
    return 0;
}

int cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    int ch;
    cli_getopt_reset();
    while ((ch = cli_getopt(argc, argv, "o:", longopts, "check")) != -1) {
        if (ch == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (ch == '?' || cli_common_option(&o, "check", ch, optarg)) {
            cli_usage_hint("check");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    if (!t) {
        cli_errorf("check", "out of memory");
        return CLI_EUSAGE;
    }
    size_t ncols;
    const unsigned char *numeric;
    const char *const *names = trade_check_columns(&ncols, &numeric);
    const char *cells[32]; /* trade check has 20 columns */
    if (ncols > sizeof cells / sizeof *cells) {
        cli_errorf("check", "too many columns");
        trade_table_free(t);
        return CLI_EUSAGE;
    }
    check_ctx c = {t, NULL, cells, CLI_OK};
    int rc = cli_read_inputs(t, "check", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    if ((rc = cli_writer_open(&c.w, &o)))
        goto done;
    trade_error err;
    if (trade_writer_header(c.w, ncols, names, numeric, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    if (trade_check_run(t, on_check, &c, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = c.rc))
        goto done;
    rc = cli_writer_commit(c.w);
    c.w = NULL;
done:
    trade_writer_discard(c.w);
    trade_table_free(t);
    return rc;
}
