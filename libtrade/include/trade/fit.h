/* fit.h - a log-linear trend per series: what `trade fit` computes.
 *
 * For each series (one figure per period, level units only, one series per
 * kind of period: series.h), ln(value) = a + b t is fitted on t, the start
 * of each period in decimal years (trade_fit_loglinear: GSL's
 * gsl_fit_linear with every input checked). trend_pct = 100 (e^b - 1) per
 * year, with a 95 % interval from Student's t with n - 2 degrees of
 * freedom, and r2. Rows qualified projection are left out unless
 * opt->projections is set (a trend of the past, not of forecasts); the
 * qualifier of a result is trade_series_qualifier of its rows. */
#ifndef TRADE_FIT_H
#define TRADE_FIT_H

#include <stddef.h>

#include "error.h"
#include "series.h"
#include "table.h"
#include "writer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- linear and log-linear fits of arrays -------------------------------- */

/* The numerical work is done with GSL, which stays behind this header: no
 * GSL type appears here; the functions that reach GSL call trade_init()
 * (GSL's aborting handler off) and check their inputs (counts, finiteness,
 * signs) before each call, so GSL's error handler can never fire. */

typedef struct trade_linear {
    size_t n;
    double c0, c1;              /* y = c0 + c1 x */
    double cov00, cov01, cov11; /* covariance of the estimates */
    double sumsq;               /* residual sum of squares */
    double r2;                  /* 1 - sumsq / total sum of squares */
} trade_linear;

/* Ordinary least squares of y on x (gsl_fit_linear) for n >= 3 points with
 * finite values and x not all equal. Returns 0; TRADE_EARG with err filled
 * when n < 3, a value is not finite or x has no spread (nothing is left
 * for GSL to refuse); TRADE_EMATH if GSL reports a failure. r2 is NAN when
 * y has no spread. */
TRADE_API int trade_fit_linear(const double *x, const double *y, size_t n, trade_linear *out,
                               trade_error *err);

typedef struct trade_fit {
    size_t n;
    double slope;       /* d ln(value) / d year */
    double slope_se;    /* standard error of slope */
    double trend_pct;   /* 100 * (e^slope - 1) per year */
    double ci_low_pct;  /* 95 %: 100 * (e^(slope - t * se) - 1), t = t(0.975, n - 2) */
    double ci_high_pct; /* 100 * (e^(slope + t * se) - 1) */
    double r2;
    const char *status;
} trade_fit;

/* Log-linear trend: ln(values[i]) on years[i] (time in decimal years).
 * Fewer than 3 points, a non-positive or non-finite value, or all points at
 * one time give NAN fields and a status (return 0); the function returns
 * TRADE_EARG only for NULL pointers with n > 0 and TRADE_ENOMEM. */
TRADE_API int trade_fit_loglinear(const double *years, const double *values, size_t n,
                                  trade_fit *out, trade_error *err);

typedef struct trade_fit_options {
    int projections; /* 1: fit projections too */
} trade_fit_options;

/* One result: a series (of one kind of period). Pointers point into the
 * table or the series list, valid during the callback. */
typedef struct trade_fit_row {
    size_t series;      /* index in the series list */
    const size_t *rows; /* the table rows fitted, in period order */
    size_t n;
    const trade_period *period_from, *period_to;
    trade_fit fit;         /* NAN fields and a status when undefined */
    const char *qualifier; /* "" or a qualifier code */
} trade_fit_row;

/* Called once per series in order; return non-zero to stop. */
typedef int (*trade_fit_fn)(void *ctx, const trade_fit_row *row);

/* Fit every series of t and pass each result to fn. opt may be NULL.
 * Returns 0, fn's non-zero value, TRADE_ENOMEM or TRADE_EARG (NULL t or
 * fn). */
TRADE_API int trade_fit_run(const trade_table *t, const trade_fit_options *opt, trade_fit_fn fn,
                            void *ctx, trade_error *err);

/* The output columns of `trade fit` after the series key: n, period_from,
 * period_to, trend_pct, ci_low_pct, ci_high_pct, r2, status. Static. */
TRADE_API const trade_column *trade_fit_columns(size_t *n);

#ifdef __cplusplus
}
#endif
#endif
