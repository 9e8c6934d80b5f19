/* cmd_convert.c - trade convert: convert money to one currency with a rate
 * table. The rate table is any CSV with columns period, from, to, rate: one
 * unit of `from` buys `rate` units of `to` in that period. A row stated the
 * other way round (from the target to the row's currency) is used inverted.
 * Each row's rate is looked up for its exact period; failing that, for the
 * calendar year that contains the whole period (a 2012-01/2012-10 figure
 * takes the 2012 rate). No rate: exit 1, naming the row. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade convert --to CURRENCY --rates FILE [OPTIONS] [FILE...]\n"
    "\n"
    "Convert every money row (unit an ISO 4217 code other than CURRENCY) to\n"
    "CURRENCY: value and precision are multiplied by the rate, unit becomes\n"
    "CURRENCY, and two columns note what was used: rate (units of CURRENCY per\n"
    "unit of the row's currency) and rate_period (the rate table's period).\n"
    "Rows already in CURRENCY and rows in other units (t, count, percent...)\n"
    "pass unchanged with empty rate cells.\n"
    "\n"
    "The rate table is CSV with columns period, from, to, rate (one FROM buys\n"
    "RATE TO). A rate for the other direction (from CURRENCY to the row's\n"
    "currency) is used as 1 / rate. The row's exact period is looked up first,\n"
    "then the calendar year that contains the whole period. A row with no rate\n"
    "is an error (exit 1, FILE:LINE:COLUMN of its period cell).\n"
    "\n"
    "options:\n"
    "      --to CURRENCY     the target currency (ISO 4217)\n"
    "      --rates FILE      the rate table\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade convert --to USD --rates rates.csv datasets/*.csv\n";

enum { OPT_TO = 1, OPT_RATES };

/* Read the rate table (any CSV) and check it. Returns an exit code. */
static int rates_read(trade_table **t, trade_stats_rates **rates, const char *path)
{
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    *t = trade_table_new();
    if (!*t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    if (trade_table_read_file(*t, path, &ro, &err) || trade_stats_rates_new(*t, rates, &err))
        return cli_fail(&err);
    return CLI_OK;
}

int cmd_convert(int argc, char **argv)
{
    static const struct option longopts[] = {{"to", required_argument, NULL, OPT_TO},
                                             {"rates", required_argument, NULL, OPT_RATES},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    const char *target = NULL, *rates = NULL;
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        int bad = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_TO) {
            target = optarg;
        } else if (c == OPT_RATES) {
            rates = optarg;
        } else {
            bad = c == '?' || cli_common_option(&o, "convert", c, optarg);
        }
        if (bad) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    if (!target || !rates) {
        cli_errorf("convert", "--to CURRENCY and --rates FILE are required");
        fputs(usage, stderr);
        return CLI_EUSAGE;
    }
    if (!trade_unit_is_currency(target)) {
        cli_errorf("convert", "--to: '%s' is not an ISO 4217 currency code", target);
        return CLI_EUSAGE;
    }
    trade_table *rt = NULL, *t = trade_table_new();
    trade_stats_rates *rtab = NULL;
    trade_writer *w = NULL;
    const char **names = NULL, **cells = NULL;
    double *rate = NULL;
    trade_period *used = NULL;
    unsigned char *has = NULL;
    if (!t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = rates_read(&rt, &rtab, rates);
    if (rc)
        goto done;
    if ((rc = cli_read_inputs(t, "convert", argc - optind, argv + optind, &o)))
        goto done;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t);
    rate = malloc((n + 1) * sizeof *rate);
    used = malloc((n + 1) * sizeof *used);
    has = calloc(n + 1, 1);
    names = malloc((ncols + 2) * sizeof *names);
    cells = malloc((ncols + 2) * sizeof *cells);
    if (!rate || !used || !has || !names || !cells) {
        cli_errorf("convert", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    long pcol = trade_table_col_index(t, "period"), vcol = trade_table_col_index(t, "value");
    long ucol = trade_table_col_index(t, "unit"), prcol = trade_table_col_index(t, "precision");
    /* every rate first, so a missing one fails before anything is written */
    for (size_t r = 0; r < n; r++) {
        const trade_obs *ob = trade_table_obs(t, r);
        rate[r] = NAN;
        if (!trade_unit_is_currency(ob->unit) || !strcmp(ob->unit, target))
            continue;
        trade_error e;
        if (trade_stats_rates_find(rtab, ob->unit, target, &ob->period, &rate[r], &used[r], &e)) {
            const char *file;
            unsigned long line, column;
            trade_table_cell_position(t, r, (size_t)pcol, &file, &line, &column);
            trade_error located;
            trade_error_set(&located, e.code == TRADE_ENOTFOUND ? TRADE_EDATA : e.code, file, line,
                            column, "%s in %s", e.message, rates);
            rc = cli_fail(&located);
            goto done;
        }
        has[r] = 1;
    }
    for (size_t i = 0; i < ncols; i++)
        names[i] = trade_table_col_name(t, i);
    names[ncols] = "rate";
    names[ncols + 1] = "rate_period";
    if ((rc = cli_writer_open(&w, &o)))
        goto done;
    trade_error err;
    if (trade_writer_header(w, ncols + 2, names, NULL, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        const trade_obs *ob = trade_table_obs(t, r);
        char value[TRADE_NUMBER_BUFSIZE], prec[TRADE_NUMBER_BUFSIZE], rb[TRADE_NUMBER_BUFSIZE];
        char rp[TRADE_PERIOD_BUFSIZE];
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(t, r, i);
        rb[0] = rp[0] = '\0';
        if (has[r]) {
            double v = ob->value * rate[r];
            if (!isfinite(v)) {
                const char *file;
                unsigned long line, column;
                trade_table_cell_position(t, r, (size_t)vcol, &file, &line, &column);
                trade_error_set(&err, TRADE_EDATA, file, line, column, "converted value overflows");
                rc = cli_fail(&err);
                goto done;
            }
            trade_stats_number_format(v, value, sizeof value);
            cells[vcol] = value;
            cells[ucol] = target;
            if (prcol >= 0 && ob->precision > 0) {
                trade_stats_number_format(ob->precision * rate[r], prec, sizeof prec);
                cells[prcol] = prec;
            }
            trade_number_format(rate[r], rb, sizeof rb);
            trade_period_format(&used[r], rp, sizeof rp);
        }
        cells[ncols] = rb;
        cells[ncols + 1] = rp;
        if (trade_writer_row(w, cells, &err)) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    rc = cli_writer_commit(w);
    w = NULL;
done:
    trade_writer_discard(w);
    free(rate);
    free(used);
    free(has);
    free(names);
    free(cells);
    trade_stats_rates_free(rtab);
    trade_table_free(rt);
    trade_table_free(t);
    return rc;
}
