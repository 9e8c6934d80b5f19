/* check.h - the rounding-aware consistency check of stated figures: every
 * figure stands for the interval its written precision allows, and stated
 * growth rates, totals and figures stated twice are compared with interval
 * arithmetic (the interval functions are in interval.h: trade_interval_*).
 *
 * Results reach the caller through a callback, one trade_check_result per
 * check, in a stable order; the rows they name belong to the caller's table. */
#ifndef TRADE_CHECK_H
#define TRADE_CHECK_H

#include <stddef.h>

#include "error.h"
#include "interval.h"
#include "number.h"
#include "period.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The interval the figure of row `row` of t stands for: value -/+ half its
 * precision, the precision taken from the `precision` column when given,
 * else from the digits of the value as written. *precision (may be NULL)
 * gets the precision used. */
TRADE_API trade_interval trade_check_obs_interval(const trade_table *t, size_t row,
                                                  double *precision);

/* One check: a stated figure a against a second figure b. */
typedef struct trade_check_result {
    const char *check;  /* "growth", "sum" or "twice" (static) */
    size_t a_row;       /* the stated figure: rate, total, coarser statement */
    size_t b_row;       /* growth: the later level; sum: the first part;
                           twice: the finer statement */
    size_t b0_row;      /* growth: the earlier level; else = b_row */
    size_t nparts;      /* sum: number of parts */
    char compared[512]; /* what was compared, in words */
    double a_value;     /* the stated figure */
    trade_interval a;   /* and its interval */
    double b_value;     /* the computed figure (growth, sum) or the other statement */
    trade_interval b;
    double gap; /* distance between the intervals, 0 when they overlap */
    trade_verdict verdict;
} trade_check_result;

/* Called once per check, in a stable order; return non-zero to stop. */
typedef int (*trade_check_fn)(void *ctx, const trade_check_result *r);

/* Run the consistency checks on the observations of t:
 * (a) growth: every percent_change row against the growth computed from the
 *     level rows (any other unit but percent, pp and rank) of the same
 *     reporter, partner, flow and product at its period and at the period
 *     trade_check_growth_base gives (a year, month, quarter or part of a
 *     year: the same months a year before, or the period just before when
 *     the row's note or label says so, trade_check_text_is_sequential;
 *     longer periods: the period of the same length just before), every
 *     pair of level rows, so a figure stated twice is checked both ways;
 * (b) sum: a row with an empty product against the sum of the rows with the
 *     same reporter, partner, flow, period and unit and a product (at least
 *     two distinct products; the first row of each product is used);
 * (c) twice: every pair of rows with the same reporter, partner, flow,
 *     period, unit and product; a is the coarser (wider interval) one.
 * Rows qualified lower_bound, upper_bound or projection are not checked
 * (they do not state the figure). Intervals use trade_check_obs_interval;
 * interval arithmetic gives the computed intervals. Returns 0, TRADE_ENOMEM,
 * or TRADE_EARG for a table read with generic set. */
TRADE_API int trade_check_run(const trade_table *t, trade_check_fn fn, void *ctx, trade_error *err);

/* The period a growth rate stated for p is measured from: for a period of
 * at most twelve months (a year, a quarter, a month, 2012-01/2012-10) the
 * same months a year before (year-on-year: 2012-03 -> 2011-03,
 * 2012-01/2012-10 -> 2011-01/2011-10, 2012 -> 2011), unless sequential is
 * set (the text says the rate is on the previous period: 2012-03 ->
 * 2012-02, 2012-Q2 -> 2012-Q1); for a longer period the period of the same
 * length just before (2017/2022 -> 2011/2016). Written in the same form as
 * p. Returns 0, or TRADE_EARG when p is TRADE_PERIOD_NONE or the base
 * would fall before year 1. */
TRADE_API int trade_check_growth_base(const trade_period *p, int sequential, trade_period *base);

/* 1 when text (a note or label) says a growth rate is on the previous
 * period rather than year-on-year: "month-on-month", "quarter-on-quarter",
 * "on the previous month", "m/m", "q/q", ... (any case); 0 otherwise or for
 * NULL. trade_check_run reads the rate row's note and label with it. */
TRADE_API int trade_check_text_is_sequential(const char *text);

/* The output columns of trade check, one per field of a result row:
 * check, reporter, partner, flow, period, unit, product, compared, a_value,
 * a_low, a_high, b_value, b_low, b_high, gap, verdict, a_source, a_locator,
 * b_source, b_locator. *n gets the count; numeric (may be NULL) whether
 * each holds numbers. Static storage. */
TRADE_API const char *const *trade_check_columns(size_t *n, const unsigned char **numeric);

/* The cells of r in the order of trade_check_columns: cells (room for
 * that count) point into t, r and num (room for 8 buffers: seven numbers
 * and the period), which must outlive their use. */
TRADE_API void trade_check_cells(const trade_table *t, const trade_check_result *r,
                                 char (*num)[TRADE_NUMBER_BUFSIZE], const char **cells);

#ifdef __cplusplus
}
#endif
#endif
