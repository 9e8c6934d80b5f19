/* series.h - writing the rows of the series commands (growth, fit, stats):
 * the series key columns, the module's own columns and the carried input
 * columns. The choice of rows and every computation is in libtrade. */
#ifndef TRADE_TOOLS_SERIES_H
#define TRADE_TOOLS_SERIES_H

#include <stddef.h>

#include "trade/trade.h"

/* Columns of t that are carried into a series command's output: every
 * column except the observation's own (period, value, precision, locator and
 * the identifying ones, which the commands write themselves) and except the
 * names in skip (NULL-terminated). Fills cols (room for trade_table_cols)
 * and returns the count. */
size_t series_carried(const trade_table *t, const char *const *skip, size_t *cols);

/* The value of column col shared by rows[0..n): the cell if all rows agree,
 * else "". */
const char *series_common(const trade_table *t, const size_t *rows, size_t n, size_t col);

#include "cli.h"

/* Output of a per-series command: reporter, partner, flow, [product,] unit,
 * then the command's own columns, then the carried columns. */
typedef struct series_out {
    const trade_table *t;
    trade_writer *w;
    size_t nmetric, ncarried, nident, ncols;
    size_t *carried;
    long ident[5]; /* table columns of reporter, partner, flow, product, unit */
    long qualcol;  /* index in cells of the carried qualifier column, or -1 */
    const char **cells;
    char (*num)[TRADE_NUMBER_BUFSIZE];
    trade_table *sink; /* rows go to this table instead of a writer */
    long vcol;         /* the value column of t (growth copies canonical values) */
    int rc;            /* the exit code of a failed row, for the row callbacks */
    char text[5][TRADE_NUMBER_BUFSIZE]; /* growth's number cells */
} series_out;

/* Open the output of o's command (metric: the module's nmetric columns)
 * and write the header. Returns an exit code (message printed); on failure
 * everything is freed already (no series_out_close needed). */
int series_out_open(series_out *so, const trade_table *t, const cli_common *o,
                    const trade_column *metric, size_t nmetric);

/* The same columns into sink (an empty table made by trade_table_new)
 * instead of a writer: each row is appended to it. Returns an exit code. */
int series_out_open_table(series_out *so, const trade_table *t, const trade_column *metric,
                          size_t nmetric, trade_table *sink);

/* The row callbacks of growth, stats and fit (ctx: a series_out opened with
 * the module's columns): format one result row as `trade growth`, `trade
 * stats` and `trade fit` write it. They return -1 to stop after a failed
 * write, the exit code in so->rc. */
int series_growth_row(void *ctx, const trade_growth_row *r);
int series_summary_row(void *ctx, const trade_summary_row *r);
int series_fit_row(void *ctx, const trade_fit_row *r);

/* Set the identifying and carried cells from rows[0..n) of one series. */
void series_out_ident(series_out *so, const size_t *rows, size_t n);

/* Set the qualifier cell (when the input has a qualifier column) to the
 * result's qualifier, after series_out_ident. */
void series_out_qualifier(series_out *so, const char *qualifier);

/* Set metric cell i to text, or to a number (empty when !defined). */
void series_out_str(series_out *so, size_t i, const char *text);
void series_out_num(series_out *so, size_t i, double v, int defined);

/* Write the row. Returns an exit code. */
int series_out_row(series_out *so);

/* A part of so's output with its own cells, written apart (on another
 * thread), then after so's rows by series_out_append, which also frees the
 * part's writer; series_out_close(part, CLI_EUSAGE) frees the rest. Return
 * an exit code; series_out_part prints nothing (no part: one thread). */
int series_out_part(series_out *part, const series_out *so);
int series_out_append(series_out *so, series_out *part);

/* Commit (rc == 0) or discard the output and free it. Returns an exit code. */
int series_out_close(series_out *so, int rc);

#endif
