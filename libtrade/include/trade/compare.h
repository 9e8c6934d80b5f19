/* compare.h - comparisons across the series of an observation table:
 * balance, coverage and total of exports and imports; shares and the
 * Herfindahl-Hirschman index within groups; an index on a base period; and
 * mirror flows (A's exports to B against B's imports from A).
 *
 * Every comparison uses the series rules of series.h: one figure per period
 * (trade_series_mark_chosen; the other statements of a period are marked
 * duplicates and not used), same period by months (trade_period_equal),
 * levels only (trade_unit_is_level). Members of shares and HHI leave out
 * aggregates (trade_country_is_aggregate: WLD, EUU, XCA, ...) unless asked.
 *
 * Results reach the caller as rows of cells through a callback, in the
 * order of the columns that trade_compare_columns names; an empty numeric
 * cell always comes with a status saying why. No output column name is
 * written twice: an input column named like one the comparison appends
 * (share_pct, index, status) is replaced, not repeated.
 *
 * The rows and cells passed to the callback live until it returns; strings
 * of the input point into the table, which must outlive the call. */
#ifndef TRADE_COMPARE_H
#define TRADE_COMPARE_H

#include <stddef.h>

#include "columns.h"
#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- concentration of an array ----------------------------------------- */

typedef struct trade_hhi {
    size_t n;
    double hhi;            /* sum of squared shares, shares as fractions of the sum */
    double hhi_normalized; /* (H - 1/n) / (1 - 1/n); NAN for n = 1 */
    const char *status;
} trade_hhi;

/* Herfindahl-Hirschman index of values[0..n). A negative value, a zero sum
 * or n = 0 give NAN and a status. Returns 0 or TRADE_EARG (NULL with n > 0). */
TRADE_API int trade_compare_hhi_values(const double *values, size_t n, trade_hhi *out);

typedef enum trade_compare_mode {
    TRADE_COMPARE_BALANCE = 0, /* balance, coverage and total: one set of columns */
    TRADE_COMPARE_SHARE,
    TRADE_COMPARE_HHI,
    TRADE_COMPARE_INDEX,
    TRADE_COMPARE_MIRROR
} trade_compare_mode;

/* Parse "balance", "coverage", "total" (all TRADE_COMPARE_BALANCE), "share",
 * "hhi", "index" or "mirror". Returns 0 or TRADE_EARG. */
TRADE_API int trade_compare_mode_parse(const char *name, trade_compare_mode *out);

typedef struct trade_compare_options {
    /* share, hhi: comma-separated grouping columns; NULL: the default
     * group key reporter,flow,period,unit,product (those present). A named
     * column that is absent is TRADE_EARG listing the columns. Periods in
     * the period column group by the months covered. */
    const char *group;
    /* share, hhi: the partner code of a stated group total (e.g. WLD). The
     * members' shares are of it; it is not a member. A group without it
     * falls back to the members' sum (the status says so). */
    const char *of;
    /* share, hhi: 1 to count aggregate partners (WLD, EUU, XCA, ...) as
     * members; by default they are left out with a status. */
    int keep_aggregates;
    /* index: the base period as written ("2011"); required. */
    const char *base;
} trade_compare_options;

/* One output row: ncells cells in the order of trade_compare_columns;
 * numbers[i] is cell i as a number (NAN for text and empty cells). row is
 * the input row it describes (share and index), or (size_t)-1 for a row
 * computed from several (balance, hhi, mirror). status is the row's status
 * cell ("" when everything is defined). */
typedef struct trade_compare_row {
    size_t ncells;
    const char *const *cells;
    const double *numbers;
    size_t row;
    const char *status;
} trade_compare_row;

/* Called once per output row, in order; return non-zero to stop. */
typedef int (*trade_compare_fn)(void *ctx, const trade_compare_row *row);

/* The output columns of comparison mode on t: *n gets the count and
 * names[0..n) (borrowed from t or static), numeric[0..n) whether each
 * holds numbers. names and numeric need room for trade_table_cols(t) + 16.
 * Share and index: the input's columns (without share_pct / index and
 * status), then share_pct or index, then status. Balance: reporter,
 * partner, flow, period, unit, [product,] exports, imports, balance,
 * coverage, total, qualifier, status. HHI: the group columns, n, hhi,
 * hhi_normalized, qualifier, status. Mirror: reporter, partner, flow,
 * period, unit, [product,] exports_reported, imports_mirror, gap, gap_pct,
 * qualifier, status. The qualifier of a row computed from several figures
 * is trade_series_qualifier of them ("" when all are exact; an estimate
 * when an estimate is among them; ...). Returns 0 or TRADE_EARG (an
 * unknown --group column; a NULL argument). */
TRADE_API int trade_compare_columns(const trade_table *t, trade_compare_mode mode,
                                    const trade_compare_options *opt, const char **names,
                                    unsigned char *numeric, size_t *n, trade_error *err);

/* The columns compare adds to its groups' keys, over all modes (exports,
 * imports, balance, coverage, total, share_pct, index, n, hhi,
 * hhi_normalized, exports_reported, imports_mirror, gap, gap_pct,
 * qualifier, status), each with whether it holds numbers, whatever the
 * input: trade_column_is_numeric's source for them. Static storage. */
TRADE_API const trade_column *trade_compare_metric_columns(size_t *n);

/* Run comparison mode on t (an observation table), calling fn for each
 * output row.
 * - balance: per reporter, partner, period, unit and product with flows
 *   export and import: flow "trade", exports X, imports M, balance X - M,
 *   coverage X / M, total X + M (an overflow is an empty cell with a status).
 * - share: every input row; share_pct = 100 * value / group total (the sum
 *   of the members, or the --of row); a share below 0 or above 100 says why
 *   in its status.
 * - hhi: per group with level rows: n members, hhi = sum of squared shares
 *   (fractions of the members' sum, or of the --of total), hhi_normalized =
 *   (hhi - 1/n) / (1 - 1/n) (of the sum only).
 * - index: every input row; index = 100 * value / the series' value at the
 *   base period; rows of another kind of period than the base (a month
 *   against a year) get an empty index and a status.
 * - mirror: A's exports (services_export) to B against B's imports
 *   (services_import) from A: gap = imports - exports, gap_pct = 100 * gap
 *   / exports; an export and an import in different units are "different
 *   units", not missing.
 * Returns 0; the first non-zero return of fn, as is (the run stops there,
 * err untouched); TRADE_EARG for a bad option, before any row (err says
 * which: an unknown --group column, a bad or missing --base for index, a
 * table read with generic set); TRADE_ENOMEM. */
TRADE_API int trade_compare_run(const trade_table *t, trade_compare_mode mode,
                                const trade_compare_options *opt, trade_compare_fn fn, void *ctx,
                                trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
