/* rank.c - libtrade example: what `trade rank` computes, on <trade/trade.h>:
 * every row with the rank of its value within its group (reporter, flow,
 * period, unit, product), largest first, ties as SQL RANK(); a figure
 * stated twice ranked once, aggregates (WLD, EUU, ...) not ranked, rows in
 * unit rank smallest first (trade_rank_table).
 *
 *   rank [FILE...]     observation CSV files; no FILE: a built-in sample
 *
 * Build: cc rank.c $(pkg-config --cflags --libs libtrade) -o rank */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <trade/trade.h>

/* UZB 50 is 1st, KAZ and TKM tie at 30 (2nd), KGZ 4th; WLD is a total */
static const char sample[] = "reporter,partner,flow,period,value,unit\n"
                             "BEL,KAZ,export,2011,30,EUR\n"
                             "BEL,UZB,export,2011,50,EUR\n"
                             "BEL,TKM,export,2011,30,EUR\n"
                             "BEL,KGZ,export,2011,10,EUR\n"
                             "BEL,WLD,export,2011,400,EUR\n";

int main(int argc, char **argv)
{
    trade_error err;
    trade_table *t = trade_table_new();
    trade_writer *w = NULL;
    double *rank = NULL;
    const char **cells = NULL;
    int rc = t ? 0 : TRADE_ENOMEM;
    if (!rc && argc < 2)
        rc = trade_table_read_buffer(t, sample, strlen(sample), "sample", NULL, &err);
    for (int i = 1; i < argc && !rc; i++)
        rc = trade_table_read_file(t, argv[i], NULL, &err);
    size_t nrows = t ? trade_table_rows(t) : 0, ncols = t ? trade_table_cols(t) : 0;
    if (!rc && (!(rank = malloc((nrows + 1) * sizeof *rank)) ||
                !(cells = malloc((ncols + 1) * sizeof *cells))))
        rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc)
        rc = trade_rank_table(t, NULL, rank, &err);
    /* every input column, then rank (or the input's rank column replaced) */
    long rankcol = t ? trade_table_col_index(t, "rank") : -1;
    size_t nout = ncols + (rankcol < 0);
    for (size_t c = 0; !rc && c < ncols; c++)
        cells[c] = trade_table_col_name(t, c);
    if (!rc && rankcol < 0)
        cells[rankcol = (long)ncols] = "rank";
    if (!rc && !(rc = trade_writer_open(&w, NULL, NULL, &err)))
        rc = trade_writer_header(w, nout, cells, NULL, &err);
    char num[TRADE_NUMBER_BUFSIZE];
    for (size_t r = 0; !rc && r < nrows; r++) {
        for (size_t c = 0; c < ncols; c++)
            cells[c] = trade_table_cell(t, r, c);
        num[0] = '\0';
        if (!isnan(rank[r])) /* NAN: not ranked */
            trade_number_format(rank[r], num, sizeof num);
        cells[rankcol] = num;
        rc = trade_writer_row(w, cells, &err);
    }
    if (!rc)
        rc = trade_writer_commit(w, &err);
    else
        trade_writer_discard(w);
    if (rc)
        fprintf(stderr, "rank: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
    free(rank);
    free(cells);
    trade_table_free(t);
    return rc == 0 ? 0 : rc == TRADE_EIO || rc == TRADE_ENOMEM ? 2 : 1;
}
