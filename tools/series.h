/* series.h - what the series commands (growth, fit, stats, check) share:
 * one row per distinct period, the identifying and carried columns. */
#ifndef TRADE_TOOLS_SERIES_H
#define TRADE_TOOLS_SERIES_H

#include <stddef.h>

#include "trade/trade.h"

/* From rows[0..n) (one series, in period order) keep one row per distinct
 * period, in out (room for n): an exact figure (no qualifier) before a
 * qualified one, then the smaller stated precision, then the first. Returns
 * the count kept. */
size_t series_dedupe(const trade_table *t, const size_t *rows, size_t n, size_t *out);

/* 1 for units whose growth means something: money, quantities, counts (not
 * percent, percent_change, pp or rank). */
int series_is_level_unit(const char *unit);

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
    const char **cells;
    char (*num)[TRADE_NUMBER_BUFSIZE];
} series_out;

/* Open the output of o's command (metric: NULL-terminated names) and write
 * the header. Returns an exit code (message printed); on failure everything
 * is freed already (no series_out_close needed). */
int series_out_open(series_out *so, const trade_table *t, const cli_common *o,
                    const char *const *metric);

/* Set the identifying and carried cells from rows[0..n) of one series. */
void series_out_ident(series_out *so, const size_t *rows, size_t n);

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
