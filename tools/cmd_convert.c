/* cmd_convert.c - trade convert: convert money to one currency with a rate
 * table. The rate table is any CSV with columns period, from, to, rate: one
 * unit of `from` buys `rate` units of `to` in that period. A row stated the
 * other way round (from the target to the row's currency) is used inverted.
 * Each row's rate is looked up for its exact period; failing that, for the
 * calendar year that contains the whole period (a 2012-01/2012-10 figure
 * takes the 2012 rate). No rate: exit 1, naming the row. */
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
    "is an error (exit 1, FILE:LINE:COLUMN of its period cell). So is, in the\n"
    "rate table, a code that is not an ISO 4217 currency, a rate from a currency\n"
    "to itself, a second rate for the same pair and period that differs, and a\n"
    "pair stated both ways that is not inverse within rounding; and a converted\n"
    "value or precision that overflows or underflows to 0.\n"
    "\n"
    "options:\n"
    "      --to CURRENCY     the target currency (ISO 4217)\n"
    "      --rates FILE      the rate table\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade convert --to USD --rates rates.csv datasets/*.csv\n";

enum { OPT_TO = 1, OPT_RATES };

/* Read the rate table (any CSV) and check it. Returns an exit code. */
static int rates_read(trade_table **t, trade_rates **rates, const char *path)
{
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    *t = trade_table_new();
    if (!*t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    if (trade_table_read_file(*t, path, &ro, &err) || trade_rates_new(*t, rates, &err))
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
    while ((c = cli_getopt(argc, argv, "o:", longopts, "convert")) != -1) {
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
            cli_usage_hint("convert");
            return CLI_EUSAGE;
        }
    }
    if (!target || !rates) {
        cli_errorf("convert", "--to CURRENCY and --rates FILE are required");
        cli_usage_hint("convert");
        return CLI_EUSAGE;
    }
    if (!trade_unit_is_currency(target)) {
        cli_errorf("convert", "--to: '%s' is not an ISO 4217 currency code", target);
        cli_usage_hint("convert");
        return CLI_EUSAGE;
    }
    trade_table *rt = NULL, *t = trade_table_new();
    trade_rates *rtab = NULL;
    trade_writer *w = NULL;
    const char **names = NULL, **cells = NULL;
    unsigned char *numeric = NULL;
    trade_conversion *conv = NULL;
    if (!t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = rates_read(&rt, &rtab, rates);
    if (rc)
        goto done;
    if ((rc = cli_read_inputs(t, "convert", argc - optind, argv + optind, &o)))
        goto done;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t), nadd;
    const unsigned char *add_numeric;
    const char *const *add = trade_rates_columns(&nadd, &add_numeric);
    conv = malloc((n + 1) * sizeof *conv);
    names = malloc((ncols + nadd) * sizeof *names);
    cells = malloc((ncols + nadd) * sizeof *cells);
    numeric = malloc(ncols + nadd);
    if (!conv || !names || !cells || !numeric) {
        cli_errorf("convert", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    /* every row first, so a missing rate fails before anything is written */
    trade_error err;
    if (trade_rates_convert(rtab, t, target, conv, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    long vcol = trade_table_col_index(t, "value"), ucol = trade_table_col_index(t, "unit");
    long prcol = trade_table_col_index(t, "precision");
    for (size_t i = 0; i < ncols; i++) {
        names[i] = trade_table_col_name(t, i);
        numeric[i] = (unsigned char)trade_column_is_numeric(names[i]);
    }
    for (size_t i = 0; i < nadd; i++) {
        names[ncols + i] = add[i];
        numeric[ncols + i] = add_numeric[i];
    }
    if ((rc = cli_writer_open(&w, &o)))
        goto done;
    if (trade_writer_header(w, ncols + nadd, names, numeric, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        char value[TRADE_NUMBER_BUFSIZE], prec[TRADE_NUMBER_BUFSIZE], rb[TRADE_NUMBER_BUFSIZE];
        char rp[TRADE_PERIOD_BUFSIZE];
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(t, r, i);
        rb[0] = rp[0] = '\0';
        if (conv[r].converted) {
            trade_number_format_fast(conv[r].value, value, sizeof value);
            cells[vcol] = value;
            cells[ucol] = target;
            if (prcol >= 0 && conv[r].precision > 0) {
                trade_number_format_fast(conv[r].precision, prec, sizeof prec);
                cells[prcol] = prec;
            }
            trade_number_format(conv[r].rate, rb, sizeof rb);
            trade_period_format(&conv[r].period, rp, sizeof rp);
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
    free(conv);
    free(numeric);
    free(names);
    free(cells);
    trade_rates_free(rtab);
    trade_table_free(rt);
    trade_table_free(t);
    return rc;
}
