/* stats.h - the statistics an analyst defends: growth rates, log-linear
 * trends, summaries and ranks, on GSL.
 *
 * These are the computations only; grouping rows into series and groups is
 * the caller's (table.h). No GSL type appears here. Every function checks its
 * inputs before GSL sees them, and trade_init() has switched GSL's aborting
 * error handler off, so nothing here can abort. An undefined result is
 * reported through a `defined` flag or a status, never as inf or nan. */
#ifndef TRADE_STATS_H
#define TRADE_STATS_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Growth from v0 to v1 over `years` years. */
typedef struct trade_growth {
    double growth_pct; /* 100 * (v1 / v0 - 1) */
    double cagr_pct;   /* 100 * ((v1 / v0)^(1 / years) - 1) */
    double log_growth; /* ln(v1 / v0) */
    int has_growth, has_cagr, has_log; /* 1 where the value is defined */
    const char *status; /* "ok" or why something is undefined (static) */
} trade_growth;

/* Compute growth from v0 to v1 over years (> 0). Always returns 0; what
 * cannot be computed (zero or negative base, negative or zero end value for
 * CAGR and log growth, years <= 0) is flagged undefined with a status. */
TRADE_API int trade_stats_growth(double v0, double v1, double years, trade_growth *out);

/* Ordinary least squares y = intercept + slope * x. */
typedef struct trade_linear {
    size_t n;
    double slope, intercept;
    double slope_se;  /* standard error of the slope (needs n >= 3) */
    double r2;        /* coefficient of determination */
    int has_se, has_r2;
} trade_linear;

/* Fit y on x with gsl_fit_linear. n >= 2 and distinct x values required
 * (TRADE_EARG otherwise); the standard error needs n >= 3, r2 a y that is not
 * constant. TRADE_EDATA for non-finite input. */
TRADE_API int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
                                 trade_error *err);

/* A log-linear trend: ln(value) on time in years. */
typedef struct trade_trend {
    size_t n;
    double trend_pct;   /* 100 * (e^slope - 1): average growth per year */
    double ci_low_pct;  /* 95 % interval of trend_pct, from the slope's */
    double ci_high_pct; /* standard error and Student's t, n - 2 df */
    double r2;
    int has_trend, has_ci, has_r2;
    const char *status; /* "ok" or why (static) */
} trade_trend;

/* Fit the trend of values v at times t (decimal years). Fewer than 3 points
 * or a value <= 0 give has_trend = 0 and a status. Returns 0, or an error
 * code for a GSL failure. */
TRADE_API int trade_stats_trend(const double *t, const double *v, size_t n, trade_trend *out,
                                trade_error *err);

typedef struct trade_summary {
    size_t n;
    double min, max, mean, median, sd; /* sd: sample standard deviation */
    int has_sd;                        /* n >= 2 */
} trade_summary;

/* Summarise v[0..n). n = 0 gives n = 0 and TRADE_EARG. */
TRADE_API int trade_stats_summary(const double *v, size_t n, trade_summary *out,
                                  trade_error *err);

typedef enum trade_ties {
    TRADE_TIES_MIN = 0, /* SQL RANK(): 1, 2, 2, 4 */
    TRADE_TIES_MAX,     /* 1, 3, 3, 4 */
    TRADE_TIES_DENSE,   /* SQL DENSE_RANK(): 1, 2, 2, 3 */
    TRADE_TIES_AVERAGE, /* pandas' default: 1, 2.5, 2.5, 4 */
    TRADE_TIES_FIRST    /* order of appearance: 1, 2, 3, 4 */
} trade_ties;

/* Parse "min", "max", "dense", "average" or "first". 0 or TRADE_EARG. */
TRADE_API int trade_ties_parse(const char *name, trade_ties *out);

/* Rank v[0..n) (largest first unless ascending) into rank[0..n). Returns 0,
 * TRADE_ENOMEM, or TRADE_EARG for a non-finite value. */
TRADE_API int trade_stats_rank(const double *v, size_t n, trade_ties ties, int ascending,
                               double *rank, trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
