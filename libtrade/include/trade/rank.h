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
#include "stream.h"
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

/* Where trade_rank_files sends its results: start once, before any rows,
 * with a table that has the input's columns; rows for each table read (a
 * batch of whole (period, reporter) runs on the streaming path, else the
 * whole table): ranks[row] as trade_rank_table gives them, and with sort the
 * order of trade_rank_order (else NULL: the table's order). The tables come
 * in file order, so writing each table's rows as they come gives the same
 * output on both paths. Return non-zero from either to stop. */
typedef struct trade_rank_sink {
    int (*start)(void *ctx, const trade_table *t);
    int (*rows)(void *ctx, const trade_table *t, const double *ranks, const size_t *order);
    /* Optional (NULL: every row goes to rows). Called after start: the
     * writer (borrowed) that rows write to, each row as the input's cells
     * then the rank, or NULL. When it takes text (trade_writer_takes_text),
     * the input has no rank column and no where applies, the streaming path
     * writes the rows of a record laid out as the writer would write it
     * (trade_writer_csv_plain) to it directly (trade_writer_text: the
     * record, a comma, the rank as trade_number_format writes it), in the
     * same order, and calls rows for the others. */
    trade_writer *(*writer)(void *ctx);
} trade_rank_sink;

/* `trade rank` on the files paths[0..n) (n = 0: standard input): read with
 * so's checks and where (so may be NULL), rank with opt (may be NULL),
 * results to sink. A single regular file sorted by period and then reporter
 * (the streaming order, stream.h, or any order within a run) with a group that holds period and reporter (the default does) is read in
 * batches of whole (period, reporter) runs, at least so->batch_bytes of
 * input each (a run is never cut, so a group and a series' figures for one
 * period are always in one batch): memory is bounded by the batch and the
 * largest run. Anything else is read whole. The rules are those of
 * trade_rank_table and trade_rank_order, called on each table. stats (may
 * be NULL) gets what was done. Returns 0, a reading status with err located
 * in the file, the statuses of trade_rank_table, or the sink's value. */
TRADE_API int trade_rank_files(size_t n, const char *const *paths, const trade_stream_options *so,
                               const trade_rank_options *opt, int sort,
                               const trade_rank_sink *sink, void *ctx, trade_stream_stats *stats,
                               trade_error *err);

/* The column `trade rank` adds (or replaces): rank, numeric. Static. */
TRADE_API const trade_column *trade_rank_columns(size_t *n);

#ifdef __cplusplus
}
#endif
#endif
