/* table_internal.h - what modules that read tables share beyond the public
 * API: the located error of a table cell (complexity, deflate, panel,
 * rates check tables they did not read) and the code ids the reader keeps
 * per observation row (rank compares codes by them). */
#ifndef TRADE_TABLE_INTERNAL_H
#define TRADE_TABLE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "trade/table.h"

/* Fill err with TRADE_EDATA and the printf-style message, located at cell
 * (row, col) of t: its file, line and column (trade_table_cell_position;
 * col < 0 means the row's first cell). Returns TRADE_EDATA. */
int Trade_table_cell_error(trade_error *err, const trade_table *t, size_t row, long col,
                           const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The code ids of row r's reporter, partner, flow and unit, in that
 * order (codes_*_id, set by the reader): two non-zero ids are equal exactly
 * when the codes are; 0 for an empty or unknown code (a draft's), whose text
 * then decides. NULL when row r is not an observation. */
const uint16_t *Trade_table_obs_ids(const trade_table *t, size_t r);

/* The streaming order (stream.h) of two observations' series: reporter,
 * partner, flow, product and unit, bytewise; ia and ib their code ids
 * (Trade_table_obs_ids, may be NULL), which spare the text compare of codes
 * that are equal. Negative, 0 (the same series) or positive. */
int Trade_obs_series_cmp(const trade_obs *a, const uint16_t *ia, const trade_obs *b,
                         const uint16_t *ib);

/* trade_table_check_duplicates when run[row] numbers runs of consecutive
 * rows and the rows of one series key are all in one run (a batch of
 * growth's merge, stream.h): each row is compared with those before it in
 * its run; the same problems in the same order. A run of more than a few
 * rows sends the whole table to the hash table's pass. */
int Trade_table_check_duplicates_runs(const trade_table *t, const size_t *run,
                                      trade_problem_fn on_problem, void *ctx, trade_error *err);

/* The same with a va_list. */
int Trade_table_cell_verror(trade_error *err, const trade_table *t, size_t row, long col,
                            const char *fmt, va_list ap);

#endif
