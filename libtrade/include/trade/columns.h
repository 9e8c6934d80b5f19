/* columns.h - what kind of cells a column of a given name holds, for the
 * writers (JSON lines numbers, workbook numbers) and for columns carried
 * through from an input.
 *
 * The kinds come from their owners: the observation format's numeric
 * columns, then each result module's own list (trade_growth_columns,
 * trade_fit_columns, trade_summary_columns, trade_rank_columns,
 * trade_compare_metric_columns, trade_check_columns, trade_rates_columns)
 * and the few columns of commands with no result module (validate's line
 * and column, convert's value_usd). The writer asks here; it holds no list
 * of other commands' columns. */
#ifndef TRADE_COLUMNS_H
#define TRADE_COLUMNS_H

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One output column of a result module: its name, and 1 when its cells
 * are numbers. */
typedef struct trade_column {
    const char *name;
    int numeric;
} trade_column;

/* 1 if a column of this name holds numbers (value, growth_pct, rank, ...),
 * 0 otherwise or for NULL. */
TRADE_API int trade_column_is_numeric(const char *name);

#ifdef __cplusplus
}
#endif

#endif
