/* convert.c - libtrade example: convert money rows to one currency with a
 * rate table, as `trade convert --to CUR --rates RATES FILE...` does.
 *
 *   convert CURRENCY RATES.csv [FILE...]
 *   convert                  a small built-in sample, to USD
 *
 * The rate table (any CSV with period, from, to, rate) is read as generic
 * CSV and checked whole by trade_rates_new (conflicting rates, inverse
 * pairs, unknown currencies are located errors); trade_rates_convert
 * converts every row or none; the rows are written with the converted
 * value, unit and precision and two more columns, rate and rate_period.
 *
 * Build against an installed libtrade:
 *   cc convert.c $(pkg-config --cflags --libs libtrade) -o convert */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <trade/trade.h>

static const char sample_rates[] = "period,from,to,rate\n2011,EUR,USD,1.25\n2012,USD,EUR,0.8\n";
static const char sample[] = "reporter,partner,flow,period,value,unit,precision\n"
                             "BEL,KAZ,export,2011,120,EUR,1\n"
                             "BEL,KAZ,export,2012,90,EUR,\n"
                             "BEL,KAZ,export,2012,7,t,\n";

static void print_error(const trade_error *err)
{
    if (err->file[0])
        fprintf(stderr, "%s:%lu:%lu: %s\n", err->file, err->line, err->column, err->message);
    else
        fprintf(stderr, "convert: %s\n", err->message);
}

int main(int argc, char **argv)
{
    const char *to = argc > 1 ? argv[1] : "USD";
    trade_read_options generic = {0};
    generic.generic = 1;
    trade_error err;
    trade_table *rt = trade_table_new(), *t = trade_table_new();
    trade_rates *rates = NULL;
    trade_writer *w = NULL;
    trade_conversion *conv = NULL;
    const char **names = NULL, **cells = NULL;
    int rc;
    if (!rt || !t)
        return 2;
    if (argc > 1 && argc < 3) {
        fprintf(stderr, "usage: convert CURRENCY RATES.csv [FILE...]\n");
        return 2;
    }
    if (argc == 1)
        rc = trade_table_read_buffer(rt, sample_rates, sizeof sample_rates - 1, "rates", &generic,
                                     &err) ||
             trade_table_read_buffer(t, sample, sizeof sample - 1, "sample", NULL, &err);
    else
        rc = trade_table_read_file(rt, argv[2], &generic, &err) ||
             trade_table_read_files(t, (size_t)(argc - 3), (const char *const *)argv + 3, NULL,
                                    NULL, &err);
    if (rc || trade_rates_new(rt, &rates, &err))
        goto fail;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t), nadd;
    const unsigned char *add_numeric;
    const char *const *add = trade_rates_columns(&nadd, &add_numeric);
    conv = malloc((n + 1) * sizeof *conv);
    names = malloc((ncols + nadd) * sizeof *names);
    cells = malloc((ncols + nadd) * sizeof *cells);
    if (!conv || !names || !cells || trade_rates_convert(rates, t, to, conv, &err))
        goto fail;
    for (size_t i = 0; i < ncols; i++)
        names[i] = trade_table_col_name(t, i);
    for (size_t i = 0; i < nadd; i++)
        names[ncols + i] = add[i];
    if (trade_writer_open(&w, NULL, NULL, &err) ||
        trade_writer_header(w, ncols + nadd, names, NULL, &err))
        goto fail;
    long vcol = trade_table_col_index(t, "value"), ucol = trade_table_col_index(t, "unit");
    long pcol = trade_table_col_index(t, "precision");
    for (size_t r = 0; r < n; r++) {
        char value[TRADE_NUMBER_BUFSIZE], prec[TRADE_NUMBER_BUFSIZE], rate[TRADE_NUMBER_BUFSIZE];
        char period[TRADE_PERIOD_BUFSIZE] = "";
        rate[0] = '\0';
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(t, r, i);
        if (conv[r].converted) {
            trade_number_format_fast(conv[r].value, value, sizeof value);
            cells[vcol] = value;
            cells[ucol] = to;
            if (pcol >= 0 && conv[r].precision > 0) {
                trade_number_format_fast(conv[r].precision, prec, sizeof prec);
                cells[pcol] = prec;
            }
            trade_number_format(conv[r].rate, rate, sizeof rate);
            trade_period_format(&conv[r].period, period, sizeof period);
        }
        cells[ncols] = rate;
        cells[ncols + 1] = period;
        if (trade_writer_row(w, cells, &err))
            goto fail;
    }
    rc = trade_writer_commit(w, &err);
    w = NULL;
    if (rc)
        goto fail;
    rc = 0;
    goto done;
fail:
    print_error(&err);
    rc = 1;
done:
    trade_writer_discard(w);
    free(conv);
    free(names);
    free(cells);
    trade_rates_free(rates);
    trade_table_free(rt);
    trade_table_free(t);
    return rc;
}
