/* summary.h - summary statistics per series: what `trade stats` computes.
 *
 * For each series (one figure per period, one series per kind of period;
 * every unit, rates included: series.h): n, first and last (in period
 * order), min, max, mean, median and the sample standard deviation
 * (n - 1 in the denominator), with GSL (trade_summary_values). The median
 * of an even count is the mean of the two middle values (R's quantile
 * type 7 at 0.5). A result that overflows (the mean, median or sd of
 * values near DBL_MAX) is an empty cell (NAN) with status "overflow", so
 * every empty cell has a status. The qualifier of a result is
 * trade_series_qualifier of its rows. */
#ifndef TRADE_SUMMARY_H
#define TRADE_SUMMARY_H

#include <stddef.h>

#include "error.h"
#include "series.h"
#include "table.h"
#include "writer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_summary {
    size_t n;
    double first, last; /* in the order given */
    double min, max, mean, median;
    double sd; /* sample standard deviation (n - 1); NAN for n < 2 */
    const char *status;
} trade_summary;

/* One result. Pointers are valid during the callback. */
typedef struct trade_summary_row {
    size_t series;      /* index in the series list */
    const size_t *rows; /* the table rows summarised, in period order */
    size_t n;
    const trade_period *period_from, *period_to;
    trade_summary summary; /* NAN fields and a status when undefined */
    const char *qualifier; /* "" or a qualifier code */
} trade_summary_row;

/* Called once per series in order; return non-zero to stop. */
typedef int (*trade_summary_fn)(void *ctx, const trade_summary_row *row);

/* Summarise every series of t and pass each result to fn. Returns 0, fn's
 * non-zero value, TRADE_ENOMEM or TRADE_EARG (NULL t or fn). */
TRADE_API int trade_summary_run(const trade_table *t, trade_summary_fn fn, void *ctx,
                                trade_error *err);

/* Summary of values[0..n) (gsl_stats_*). work must hold n doubles (it gets
 * a sorted copy; may be NULL when n is 0). n = 0 gives NAN everywhere and a
 * status; a non-finite value, or an overflow in the mean or sd, gives NAN
 * and a status. Returns 0 or TRADE_EARG for NULL pointers with n > 0. */
TRADE_API int trade_summary_values(const double *values, size_t n, double *work,
                                   trade_summary *out);

/* The output columns of `trade stats` after the series key: period_from,
 * period_to, n, first, last, min, max, mean, median, sd, status. Static. */
TRADE_API const trade_column *trade_summary_columns(size_t *n);

#ifdef __cplusplus
}
#endif
#endif
