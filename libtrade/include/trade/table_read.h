/* table_read.h - reading several observation files into one table, and
 * keeping the rows that satisfy --where conditions (jq's jq_util_input for
 * libtrade: the multi-file input every command shares is a library call).
 *
 * A condition is "COLUMN OP VALUE" with OP one of
 *   =   the cell is VALUE (text), or both are numbers and equal (1e3 = 1000)
 *   !=  not =
 *   <  <=  >  >=   both the cell and VALUE are numbers and compare so
 *                  (a cell that is not a number never matches)
 *   ~   the cell matches the POSIX extended regular expression VALUE
 *       (anchor it with ^ and $ to match the whole cell)
 * The column name is everything before the first of the characters = ! < > ~.
 * Conditions on one column are alternatives (OR); conditions on different
 * columns must all hold (AND): --where flow=export --where flow=import
 * --where value>100 keeps exports and imports above 100.
 *
 * A trade_where owns copies of its conditions and compiled expressions; it
 * refers to no table. Free it with trade_where_free. */
#ifndef TRADE_TABLE_READ_H
#define TRADE_TABLE_READ_H

#include <stddef.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_where trade_where;

/* A new empty condition list (keeps every row); NULL when out of memory. */
TRADE_API trade_where *trade_where_new(void);

/* Free w and everything it owns. NULL does nothing. */
TRADE_API void trade_where_free(trade_where *w);

/* Add the condition expr ("flow=export", "value>=1e6", "partner~^(KAZ|UZB)$").
 * Returns 0; TRADE_EARG with err->message saying why for an expression
 * with no operator or no column, a comparison whose VALUE is not a number,
 * or a regular expression that does not compile; TRADE_ENOMEM. */
TRADE_API int trade_where_add(trade_where *w, const char *expr, trade_error *err);

/* The number of conditions added. */
TRADE_API size_t trade_where_count(const trade_where *w);

/* Resolve the conditions' columns against the ncols column names of the rows
 * to be matched (names[i] is column i). Returns 0, or TRADE_EARG when a
 * condition names a column not in names: the message names it and lists the
 * columns. Call before trade_where_match; w remembers the binding until the
 * next call. */
TRADE_API int trade_where_bind(trade_where *w, size_t ncols, const char *const *names,
                               trade_error *err);

/* 1 when the row cells (one per bound column; NULL reads as "") satisfies w,
 * else 0. An empty w matches every row. */
TRADE_API int trade_where_match(const trade_where *w, const char *const *cells);

/* Keep only the rows of t that satisfy w (w may be NULL: keep all). Returns
 * 0; TRADE_EARG for an unknown column (as trade_where_bind; t unchanged);
 * TRADE_ENOMEM. */
TRADE_API int trade_table_where(trade_table *t, trade_where *w, trade_error *err);

/* Read the files paths[0..n) (n = 0: standard input, "-") into t, every
 * file through every check of the format (opt as for trade_table_read_file;
 * may be NULL), then check the table for conflicting duplicates, then keep
 * the rows that satisfy where (may be NULL). Every problem goes to
 * opt->on_problem, including those the single-file reader reports only
 * through its err (a file that cannot be opened), so a caller that prints
 * problems from the callback sees each exactly once. All files are read
 * even after one fails, so every problem is found. Returns 0, or the most
 * serious status met (TRADE_EIO and TRADE_EARG above TRADE_ECSV, TRADE_EDATA,
 * TRADE_ELIMIT) with err the first problem of that status; on failure the
 * rows of a failed file are not in t and no filtering is done. */
TRADE_API int trade_table_read_files(trade_table *t, size_t n, const char *const *paths,
                                     const trade_read_options *opt, trade_where *where,
                                     trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
