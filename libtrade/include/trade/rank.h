/* rank.h - ranks within groups: what `trade rank` computes.
 *
 * Every row of a table gets the rank of its `by` value (default: value)
 * within its group (group.h; default reporter, flow, period, unit,
 * product), largest first, or smallest first with ascending and always for
 * rows in unit `rank` (rank 1 is the smallest rank value: a ranking of
 * rankings keeps its order). A row gets no rank (NAN) when its by cell is
 * empty, when its partner is an aggregate (WLD, EUU, XCA, ...:
 * trade_country_is_aggregate; keep_aggregates ranks them too), or, in a
 * table of observations, when another row of its series states the same
 * period and is the one chosen for it (trade_series_mark_chosen: a figure
 * stated twice is ranked once). Ties follow trade_ties (below). Any CSV
 * can be ranked (the output of trade growth by growth_pct, say); a table
 * read as generic has no duplicates to drop. */
#ifndef TRADE_RANK_H
#define TRADE_RANK_H

#include <stddef.h>

#include "error.h"
#include "table.h"
#include "writer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_ties {
    TRADE_TIES_MIN = 0, /* SQL RANK(): 1, 2, 2, 4 */
    TRADE_TIES_MAX,     /* 1, 3, 3, 4 */
    TRADE_TIES_DENSE,   /* SQL DENSE_RANK(): 1, 2, 2, 3 */
    TRADE_TIES_AVERAGE, /* pandas "average": 1, 2.5, 2.5, 4 */
    TRADE_TIES_FIRST    /* pandas "first": ties in the order given: 1, 2, 3, 4 */
} trade_ties;

/* Parse "min", "max", "dense", "average" or "first". Returns 0 or TRADE_EARG. */
TRADE_API int trade_rank_ties_parse(const char *name, trade_ties *out);

/* One item to rank: group is any integer key (items of different groups are
 * ranked separately), value the key of the ranking, order the position used
 * for "first" and for stable output (usually the row index). rank is set by
 * trade_rank_items. */
typedef struct trade_rank_item {
    size_t group;
    double value;
    size_t order;
    double rank;
} trade_rank_item;

/* Rank items within their groups: rank 1 is the largest value, or the
 * smallest when ascending. Values must be finite (TRADE_EARG otherwise).
 * items is sorted in place by (group, value, order); O(n log n). */
TRADE_API int trade_rank_items(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                               trade_error *err);

typedef struct trade_rank_options {
    const char *by;      /* the numeric column; NULL: "value" */
    const char *group;   /* comma-separated group columns; NULL: the default */
    trade_ties ties;     /* TRADE_TIES_MIN is 0, the default */
    int ascending;       /* smallest first in every group */
    int keep_aggregates; /* rank aggregate partners as members too */
} trade_rank_options;

/* Rank the rows of t: ranks[row] (caller-owned, trade_table_rows(t)
 * entries) gets the rank or NAN (see above). opt may be NULL. Returns 0;
 * TRADE_EARG with err naming the missing by or group column and listing
 * t's columns; TRADE_EDATA located at a by cell that is not a number;
 * TRADE_ELIMIT; TRADE_ENOMEM. */
TRADE_API int trade_rank_table(const trade_table *t, const trade_rank_options *opt, double *ranks,
                               trade_error *err);

/* The order in which `trade rank --sort` writes the rows: group by group
 * (groups in the order of their first row), within a group by rank (rank 1
 * first), rows without a rank after the ranked ones; equal ranks and
 * unranked rows keep their input order. ranks: from trade_rank_table with
 * the same opt. order (caller-owned, trade_table_rows(t) entries) gets the
 * row indices. Returns 0; TRADE_EARG naming an absent group column;
 * TRADE_ENOMEM. */
TRADE_API int trade_rank_order(const trade_table *t, const trade_rank_options *opt,
                               const double *ranks, size_t *order, trade_error *err);

/* The column `trade rank` adds (or replaces): rank, numeric. Static. */
TRADE_API const trade_column *trade_rank_columns(size_t *n);

#ifdef __cplusplus
}
#endif
#endif
