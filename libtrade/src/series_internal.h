/* series_internal.h - the layout of a trade_series_list, shared by table.c
 * (which groups rows by key with its radix sort) and series.c (options,
 * one figure per period, split by kind). */
#ifndef TRADE_SERIES_INTERNAL_H
#define TRADE_SERIES_INTERNAL_H

#include <stddef.h>

#include "trade/series.h"

struct trade_series_list {
    const trade_table *t;
    size_t *rows;   /* row indices, grouped by series, sorted by period */
    size_t *starts; /* series i is rows[starts[i] .. starts[i + 1]) */
    size_t count;
    unsigned char *kinds; /* trade_period_kind of each series when split, else NULL */
    int *months;          /* months of each series' periods when split, else NULL */
};

/* A zeroed list on t; NULL when out of memory. */
trade_series_list *Trade_series_list_alloc(const trade_table *t);

/* Group t's rows by series key, each series in period order (stable), series
 * in the order of their first row. *out is NULL on failure (TRADE_ENOMEM). */
int Trade_series_group_rows(const trade_table *t, trade_series_list **out, trade_error *err);

/* Trade_series_group_rows's result when run[row] numbers runs of
 * consecutive rows, rows of one series key in one run only (a batch of
 * growth's merge: one key group per run): taken from the runs when they
 * are in period order with known codes, else from the sort. */
int Trade_series_group_runs(const trade_table *t, const size_t *run, trade_series_list **out,
                            trade_error *err);

/* trade_series_build on rows grouped by Trade_series_group_runs. */
int Trade_series_build_runs(const trade_table *t, const size_t *run, unsigned flags,
                            trade_series_list **out, trade_error *err);

#endif
