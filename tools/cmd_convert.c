/* cmd_convert.c - trade convert: convert money to one currency with a rate
 * table. The rate table is any CSV with columns period, from, to, rate: one
 * unit of `from` buys `rate` units of `to` in that period. A row stated the
 * other way round (from the target to the row's currency) is used inverted.
 * Each row's rate is looked up for its exact period; failing that, for the
 * calendar year that contains the whole period (a 2012-01/2012-10 figure
 * takes the 2012 rate). No rate: exit 1, naming the row. */
#include <errno.h>
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

typedef struct rate_row {
    trade_period period;
    const char *from, *to;
    double rate;
} rate_row;

typedef struct rate_table {
    trade_table *t;
    rate_row *rows;
    size_t n;
} rate_table;

/* Read and check the rate table. Returns an exit code. */
static int rates_read(rate_table *rt, const char *path)
{
    static const char *const need[] = {"period", "from", "to", "rate"};
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    rt->t = trade_table_new();
    if (!rt->t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    if (trade_table_read_file(rt->t, path, &ro, &err))
        return cli_fail(&err);
    long col[4];
    for (int i = 0; i < 4; i++)
        if ((col[i] = trade_table_col_index(rt->t, need[i])) < 0) {
            cli_errorf("convert",
                       "%s: the rate table has no column '%s' (needs period, from, "
                       "to, rate)",
                       path, need[i]);
            return CLI_EDATA;
        }
    size_t n = trade_table_rows(rt->t);
    rt->rows = malloc((n + 1) * sizeof *rt->rows);
    if (!rt->rows) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    for (size_t r = 0; r < n; r++) {
        rate_row *rr = &rt->rows[rt->n];
        const char *p = trade_table_cell(rt->t, r, (size_t)col[0]);
        const char *v = trade_table_cell(rt->t, r, (size_t)col[3]);
        const char *file;
        unsigned long line, column;
        trade_error e;
        if (trade_period_parse(p, strlen(p), &rr->period, &e)) {
            trade_table_cell_position(rt->t, r, (size_t)col[0], &file, &line, &column);
            trade_error_set(&e, TRADE_EDATA, file, line, column, "period: %s", e.message);
            return cli_fail(&e);
        }
        if (trade_number_parse(v, strlen(v), &rr->rate) || !(rr->rate > 0)) {
            trade_table_cell_position(rt->t, r, (size_t)col[3], &file, &line, &column);
            trade_error_set(&e, TRADE_EDATA, file, line, column,
                            "rate: '%.40s' is not a positive plain number", v);
            return cli_fail(&e);
        }
        rr->from = trade_table_cell(rt->t, r, (size_t)col[1]);
        rr->to = trade_table_cell(rt->t, r, (size_t)col[2]);
        rt->n++;
    }
    return CLI_OK;
}

static int same_period(const trade_period *a, const trade_period *b)
{
    return !trade_period_compare(a, b) && a->start_unit == b->start_unit &&
           a->end_unit == b->end_unit && a->interval == b->interval;
}

/* The rate from cur to target for period p: 0 and *used set, or -1. */
static int rate_find(const rate_table *rt, const char *cur, const char *target,
                     const trade_period *p, double *rate, const trade_period **used)
{
    trade_period year;
    int y0 = p->first_month / 12, y1 = p->last_month / 12;
    year.first_month = y0 * 12;
    year.last_month = y0 * 12 + 11;
    year.start_unit = year.end_unit = TRADE_PERIOD_YEAR;
    year.interval = 0;
    for (int pass = 0; pass < 2; pass++) {
        const trade_period *want = pass == 0 ? p : &year;
        if (pass == 1 && y0 != y1)
            break;
        for (size_t i = 0; i < rt->n; i++) {
            const rate_row *rr = &rt->rows[i];
            if (!same_period(&rr->period, want))
                continue;
            if (!strcmp(rr->from, cur) && !strcmp(rr->to, target)) {
                *rate = rr->rate;
                *used = &rr->period;
                return 0;
            }
        }
        for (size_t i = 0; i < rt->n; i++) {
            const rate_row *rr = &rt->rows[i];
            if (same_period(&rr->period, want) && !strcmp(rr->from, target) &&
                !strcmp(rr->to, cur)) {
                *rate = 1.0 / rr->rate;
                *used = &rr->period;
                return 0;
            }
        }
    }
    return -1;
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
    rate_table rt = {0};
    trade_table *t = trade_table_new();
    trade_writer *w = NULL;
    const char **names = NULL, **cells = NULL;
    double *rate = NULL;
    const trade_period **used = NULL;
    if (!t) {
        cli_errorf("convert", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = rates_read(&rt, rates);
    if (rc)
        goto done;
    if ((rc = cli_read_inputs(t, "convert", argc - optind, argv + optind, &o)))
        goto done;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t);
    rate = malloc((n + 1) * sizeof *rate);
    used = malloc((n + 1) * sizeof *used);
    names = malloc((ncols + 2) * sizeof *names);
    cells = malloc((ncols + 2) * sizeof *cells);
    if (!rate || !used || !names || !cells) {
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
        used[r] = NULL;
        if (!trade_unit_is_currency(ob->unit) || !strcmp(ob->unit, target))
            continue;
        if (rate_find(&rt, ob->unit, target, &ob->period, &rate[r], &used[r])) {
            char p[TRADE_PERIOD_BUFSIZE];
            const char *file;
            unsigned long line, column;
            trade_error e;
            trade_period_format(&ob->period, p, sizeof p);
            trade_table_cell_position(t, r, (size_t)pcol, &file, &line, &column);
            trade_error_set(&e, TRADE_EDATA, file, line, column,
                            "no %s to %s rate for period %s in %s", ob->unit, target, p, rates);
            rc = cli_fail(&e);
            goto done;
        }
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
        if (used[r]) {
            double v = ob->value * rate[r];
            if (!isfinite(v)) {
                const char *file;
                unsigned long line, column;
                trade_table_cell_position(t, r, (size_t)vcol, &file, &line, &column);
                trade_error_set(&err, TRADE_EDATA, file, line, column, "converted value overflows");
                rc = cli_fail(&err);
                goto done;
            }
            trade_number_format(v, value, sizeof value);
            cells[vcol] = value;
            cells[ucol] = target;
            if (prcol >= 0 && ob->precision > 0) {
                trade_number_format(ob->precision * rate[r], prec, sizeof prec);
                cells[prcol] = prec;
            }
            trade_number_format(rate[r], rb, sizeof rb);
            trade_period_format(used[r], rp, sizeof rp);
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
    free(names);
    free(cells);
    free(rt.rows);
    trade_table_free(rt.t);
    trade_table_free(t);
    return rc;
}
