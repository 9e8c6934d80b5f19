/* growth.h - growth between the periods of each series: what `trade growth`
 * computes, as a library call.
 *
 * The series are those of trade_growth_series: one figure per period, level
 * units only (series.h). Within a series each period is paired with the
 * latest earlier period of the same kind (years with years, ten-month spans
 * with ten-month spans, trade_period_same_kind), so a series that mixes
 * months and years gives two chains; a period with no earlier one of its
 * kind is paired with the latest earlier period that ends before it starts,
 * with empty growth and status "incomparable periods" unless annualize is
 * set (trade_growth_periods scales periods shorter than a year to
 * twelve months; never a stock: flows fdi_stock and investment_stock are
 * left unscaled with status "stock: not annualized"). With yoy, a month,
 * quarter or partial span is paired with the same months a year before
 * instead (no row when that period is absent). With from and to, one pair
 * per series: from -> to, when the series has both periods.
 *
 * CAGR is the growth per year over the years between the periods' starts;
 * for periods less than a year apart (month on month, quarter on quarter)
 * there is no CAGR (NAN, status "less than a year apart: no CAGR").
 *
 * The qualifier of a result follows from its two figures
 * (trade_growth_qualifier): a projection at either end gives a projection;
 * growth to a lower bound (or from an upper bound) is a lower bound, to an
 * upper bound (or from a lower bound) an upper bound; otherwise an estimate,
 * approx or derived figure at either end makes the result "estimate",
 * "approx" or "derived" in that order of precedence. */
#ifndef TRADE_GROWTH_H
#define TRADE_GROWTH_H

#include <stddef.h>

#include "error.h"
#include "period.h"
#include "series.h"
#include "stream.h"
#include "table.h"
#include "writer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- growth of one pair of figures ---------------------------------- */

typedef struct trade_growth {
    double growth_pct;                 /* 100 * (v1 / v0 - 1) */
    double cagr_pct;                   /* 100 * ((v1 / v0)^(1 / years) - 1) */
    double log_growth;                 /* ln(v1 / v0) */
    int has_growth, has_cagr, has_log; /* 1 where the field above is defined */
    const char *status;                /* "" or why a field is undefined (static) */
} trade_growth;

/* Growth from v0 to v1 over years (> 0) years. A zero or negative base, or
 * non-finite input, gives NAN in every field and a status; a zero end
 * value gives growth -100 %, CAGR -100 % and no log growth; a negative end
 * value gives only growth_pct. Returns 0, or TRADE_EARG when out is NULL. */
TRADE_API int trade_growth_values(double v0, double v1, double years, trade_growth *out);

/* Growth from observation (p0, v0) to (p1, v1) of one series, p0 before p1.
 * Periods of the same kind (trade_period_same_kind) are compared directly,
 * over trade_period_years_between(p0, p1) years, so a gap of two years is
 * annualised in cagr_pct. Periods of different kinds are never compared
 * silently: NAN fields and status "incomparable periods", unless
 * annualize_partial is set and both periods are at most twelve months long,
 * not both whole years, and p0 ends before p1 starts; then each value of a
 * period shorter than twelve months is scaled by 12 / months and the status
 * is "partial period annualized (value x 12 / months)" (or the status of the
 * growth itself when a field is undefined). Overlapping periods of
 * different kinds give "incomparable periods (overlapping)". Returns 0, or
 * TRADE_EARG for a NULL pointer. */
TRADE_API int trade_growth_periods(const trade_period *p0, double v0, const trade_period *p1,
                                   double v1, int annualize_partial, trade_growth *out);

typedef struct trade_growth_options {
    int annualize_partial;  /* scale periods shorter than a year (not stocks) */
    int yoy;                /* months, quarters and partial spans: a year before */
    const trade_period *from, *to; /* both or neither; from before to */
} trade_growth_options;

/* One result row. Pointers point into the table (or are static). */
typedef struct trade_growth_row {
    size_t series;               /* index in the series list */
    size_t row_from, row_to;     /* the two table rows */
    const trade_period *period_from, *period_to;
    double value_from, value_to; /* as read */
    trade_growth growth;         /* growth_pct, cagr_pct, log_growth (NAN when
                                    undefined) and status ("" or why) */
    const char *qualifier;       /* "" (exact) or a qualifier code */
    const trade_table *table;    /* the table of row_from and row_to (on the
                                    streaming path a batch, valid during the call) */
    size_t part;                 /* the output part (trade_growth_files): 0, or
                                    the period block where the series starts */
} trade_growth_row;

/* Called once per result row, in order (series order, then period order);
 * return non-zero to stop (trade_growth_run then returns that value). */
typedef int (*trade_growth_fn)(void *ctx, const trade_growth_row *row);

/* The series growth works on: trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD
 * | TRADE_SERIES_LEVELS). Free with trade_series_list_free before t. */
TRADE_API int trade_growth_series(const trade_table *t, trade_series_list **out,
                                  trade_error *err);

/* Check options: TRADE_EARG with err saying why when only one of from and
 * to is given or from does not start before to. */
TRADE_API int trade_growth_options_check(const trade_growth_options *opt, trade_error *err);

/* Compute the growth rows of series [s0, s1) of sl (from trade_growth_series
 * on t) and pass each to fn. opt may be NULL (defaults). Ranges of series
 * are independent, so two threads may run two ranges (fn is called on the
 * calling thread). Returns 0, fn's non-zero value, or TRADE_EARG (bad
 * options, see trade_growth_options_check). */
TRADE_API int trade_growth_run(const trade_table *t, const trade_series_list *sl, size_t s0,
                               size_t s1, const trade_growth_options *opt, trade_growth_fn fn,
                               void *ctx, trade_error *err);

/* trade_growth_series, then trade_growth_run over every series. */
TRADE_API int trade_growth_table(const trade_table *t, const trade_growth_options *opt,
                                 trade_growth_fn fn, void *ctx, trade_error *err);

/* Where trade_growth_files sends its results. start is called once, before
 * any row, with a table that has the input's columns (the first batch, or
 * the whole table) and the number of output parts; row is called for every
 * result. The rows of part p are to be written after all rows of part p - 1
 * (a file of parts, or one buffer per part): so the output is in the order
 * of trade_growth_run on the whole table, series by series in the order of
 * their first row, on both paths. Return non-zero from either to stop. */
typedef struct trade_growth_sink {
    int (*start)(void *ctx, const trade_table *t, size_t nparts);
    trade_growth_fn row;
} trade_growth_sink;

/* `trade growth` on the files paths[0..n) (n = 0: standard input): read
 * with so's checks and where (so may be NULL), then growth as
 * trade_growth_run with opt over every series, the results to sink. A single
 * regular file in the streaming order (stream.h) is streamed: a first pass
 * finds its period blocks, then one reader per block merges them in key
 * order, so each series is whole in a batch of at most so->batch_bytes of
 * input (plus one series); a series that starts in block p goes to part p.
 * Anything else is read whole (one part). The same rule functions run on
 * both paths (trade_growth_series, trade_growth_run on each batch). stats
 * (may be NULL) gets what was done. Returns 0; a reading status (TRADE_EIO,
 * TRADE_ECSV, TRADE_EDATA, TRADE_ELIMIT) with err located in the file
 * (problems also went to so->read->on_problem); TRADE_EARG (options);
 * TRADE_ENOMEM; or the sink's non-zero value. */
TRADE_API int trade_growth_files(size_t n, const char *const *paths,
                                 const trade_stream_options *so, const trade_growth_options *opt,
                                 const trade_growth_sink *sink, void *ctx,
                                 trade_stream_stats *stats, trade_error *err);

/* The qualifier of a growth from a figure qualified q_from to one qualified
 * q_to (see the top of this file). Returns a static string. */
TRADE_API const char *trade_growth_qualifier(const char *q_from, const char *q_to);

/* The output columns of `trade growth` after the series key: period_from,
 * period_to, value_from, value_to, growth_pct, cagr_pct, log_growth,
 * status. *n gets the count; the table is static. */
TRADE_API const trade_column *trade_growth_columns(size_t *n);

#ifdef __cplusplus
}
#endif
#endif
