/* series.h - the series of an observation table, and the one figure that
 * stands for each period.
 *
 * A series is the rows of a trade_table that share reporter, partner, flow,
 * product and unit (the series key; product is part of every key, so a
 * total and its parts are different series), in period order. Every
 * analysis (growth, fit, summary, rank, compare) works on series built
 * here, so that the rules below are applied once, in one place:
 *
 * - one figure per period (trade_series_prefer): where a series states one
 *   period more than once (a text figure and a table figure, two sources,
 *   two spellings of the same months such as "2012" and "2012-01/2012-12"),
 *   the exact figure (no qualifier) wins over a qualified one, then the
 *   finer precision (the `precision` column when given, else the precision
 *   of the value as written: 100400000 has 100000, finer than 101000000
 *   with precision 1000000), then the first in file order. Equal periods
 *   are found with trade_period_equal (same months), whatever the order
 *   the rows were read in.
 * - split by kind of period: a series that mixes years, quarters, months,
 *   partial spans and multi-year spans is split into one series per kind
 *   (and per number of months: trade_period_same_kind), kinds in the order
 *   of their first period.
 * - levels only: series whose unit is a rate (trade_unit_is_level) are
 *   left out.
 *
 * A trade_series_list borrows the table: free the list before the table.
 * Row indices are those of trade_table_rows / trade_table_obs. */
#ifndef TRADE_SERIES_H
#define TRADE_SERIES_H

#include <stddef.h>

#include "error.h"
#include "period.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_series_list trade_series_list;

/* Options of trade_series_build, or-ed together. */
#define TRADE_SERIES_ONE_PER_PERIOD 0x1u /* keep one row per period (trade_series_prefer) */
#define TRADE_SERIES_BY_KIND 0x2u        /* one series per kind of period */
#define TRADE_SERIES_LEVELS 0x4u         /* leave out series in rate units */
#define TRADE_SERIES_NO_PROJECTIONS 0x8u /* leave out rows qualified projection */

/* 1 when row `row` of t may enter a series: it has an observation and its
 * measure is a level ("" or "level", trade_measure_is_level). A growth,
 * change, share, rank or count row (the measure column of extraction)
 * states something about a level, not the level itself, so it is in no
 * series, and no analysis (growth, fit, stats, rank, compare) uses it as a
 * level: the row-wise results (compare) give it status
 * TRADE_SERIES_STATUS_MEASURE, and trade_series_nonlevel_rows counts them
 * for a note. The one rule of what enters a series. */
TRADE_API int trade_series_admits(const trade_table *t, size_t row);

/* The status of a row left out of every series for its measure. */
#define TRADE_SERIES_STATUS_MEASURE "measure is not a level: not in a series"

/* The number of rows of t with an observation whose measure is not a level
 * (left out of every series); 0 for NULL. */
TRADE_API size_t trade_series_nonlevel_rows(const trade_table *t);

/* Group t's rows into series (rows sharing reporter, partner, flow, unit and
 * product, each sorted by period, stably: equal periods keep file order),
 * ordered by their first row; only rows that trade_series_admits are in a
 * series (no other row is left out). Same as
 * trade_series_build(t, 0, out, err). *out is NULL on failure
 * (TRADE_ENOMEM). Free with trade_series_list_free. */
TRADE_API int trade_series_group(const trade_table *t, trade_series_list **out, trade_error *err);

/* Build the series of t with options (TRADE_SERIES_* flags). Series come in
 * the order of their first row; with TRADE_SERIES_BY_KIND the kinds of one
 * key follow each other, in the order of their first period. With
 * TRADE_SERIES_ONE_PER_PERIOD the one-figure-per-period choice is made
 * before the split (and after leaving projections out, when asked). Rows
 * with no observation (generic tables) are never in a series. Returns 0 or
 * TRADE_ENOMEM; *out is NULL on failure. */
TRADE_API int trade_series_build(const trade_table *t, unsigned flags, trade_series_list **out,
                                 trade_error *err);

/* Free a list; NULL does nothing. */
TRADE_API void trade_series_list_free(trade_series_list *s);

/* Number of series; 0 for NULL. */
TRADE_API size_t trade_series_count(const trade_series_list *s);

/* The row indices of series i, in period order; *n (may be NULL) gets the
 * count. NULL (and *n = 0) past the end. The array belongs to the list. */
TRADE_API const size_t *trade_series_rows(const trade_series_list *s, size_t i, size_t *n);

/* The key of a series. Strings point into the table (never NULL; "" for
 * an absent product). */
typedef struct trade_series_key {
    const char *reporter;
    const char *partner;
    const char *flow;
    const char *product;
    const char *unit;
    trade_period_kind kind; /* with TRADE_SERIES_BY_KIND, else of the first row */
    int months;             /* months of each period when split by kind, else 0 */
} trade_series_key;

/* The key of series i. Returns 0, or TRADE_EARG past the end (*key zeroed
 * to empty strings). */
TRADE_API int trade_series_key_of(const trade_series_list *s, size_t i, trade_series_key *key);

/* Call fn for every series in order with its index, rows and count; stops
 * at the first non-zero return of fn and returns it (0 when all ran). */
typedef int (*trade_series_fn)(void *ctx, size_t i, const size_t *rows, size_t n);
TRADE_API int trade_series_each(const trade_series_list *s, trade_series_fn fn, void *ctx);

/* The one-figure-per-period preference: 1 when row a of t should stand for
 * its period rather than row b (a is exact and b qualified; or both alike
 * and a's precision is finer; ties: 0, so the first row read is kept). */
TRADE_API int trade_series_prefer(const trade_table *t, size_t a, size_t b);

/* The precision of row `row`: the precision column when above zero, else
 * the precision of the value cell as written (trade_interval_written_precision:
 * "40.15" -> 0.01, "118000000" -> 1000000). */
TRADE_API double trade_series_precision(const trade_table *t, size_t row);

/* From rows[0..n) of one series in period order (as trade_series_rows gives
 * them), keep one row per period (trade_period_equal) in out (room for n,
 * may be rows itself), in period order. Returns the number kept. */
TRADE_API size_t trade_series_choose(const trade_table *t, const size_t *rows, size_t n,
                                     size_t *out);

/* For every row of t, chosen[row] = 1 when the row is the figure chosen for
 * its period in its series, 0 when another row of its series states the
 * same period and wins (a duplicate) or the row is in no series (no
 * observation, or a measure that is not a level: trade_series_admits).
 * chosen has trade_table_rows(t) entries. Returns 0 or TRADE_ENOMEM. */
TRADE_API int trade_series_mark_chosen(const trade_table *t, unsigned char *chosen,
                                       trade_error *err);

/* The qualifier of a result computed from rows[0..n) of t (a trend, a
 * summary): "" when every row is exact; the rows' qualifier when they all
 * share one; else the first of projection, estimate, approx, derived that
 * some row has; else (bounds mixed with exact figures) "estimate". Points
 * into t or is static. */
TRADE_API const char *trade_series_qualifier(const trade_table *t, const size_t *rows, size_t n);

#ifdef __cplusplus
}
#endif
#endif
