/* stats.h - the numerical routines under the series modules: growth of one
 * pair of figures, log-linear trends, summary statistics, rankings of
 * items, concentration, and the interval arithmetic of the consistency
 * check. The analyses of whole tables are growth.h, fit.h, summary.h,
 * rank.h (and compare.h, check.h); this header stays the umbrella of the
 * scalar routines for one minor version.
 *
 * The numerical work is done with GSL, which stays behind this header: no GSL
 * type appears here. Every function that reaches GSL calls trade_init()
 * (which switches GSL's aborting error handler off) and checks its inputs
 * (counts, finiteness, signs) before each GSL call, so GSL's error handler
 * can never fire.
 *
 * Undefined results are NAN in the structs below, never a value that looks
 * whole, and a static status string (never freed) says why; the status is ""
 * when everything is defined. trade_number_format() writes NAN as an empty
 * cell, which is what the commands print. */
#ifndef TRADE_STATS_H
#define TRADE_STATS_H

#include <stddef.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- growth ------------------------------------------------------------- */

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
TRADE_API int trade_stats_growth(double v0, double v1, double years, trade_growth *out);

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
TRADE_API int trade_stats_growth_periods(const trade_period *p0, double v0, const trade_period *p1,
                                         double v1, int annualize_partial, trade_growth *out);

/* Kept for one minor version: trade_unit_is_level (codes.h). */
TRADE_API int trade_stats_unit_is_level(const char *unit);

/* Write v into buf exactly as trade_number_format does (the shortest
 * plain decimal of up to 15 significant digits that reads back as v, else
 * 17 digits; "" for a non-finite v), but without printf or strtod for the
 * common magnitudes 1e-7 to 1e15, which makes writing computed rates
 * several times faster. buf needs TRADE_NUMBER_BUFSIZE bytes (smaller
 * buffers are handed to trade_number_format). Returns the length. */
TRADE_API size_t trade_stats_number_format(double v, char *buf, size_t size);

/* ---- linear and log-linear fits ---------------------------------------- */

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
TRADE_API int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
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
TRADE_API int trade_stats_fit_loglinear(const double *years, const double *values, size_t n,
                                        trade_fit *out, trade_error *err);

/* ---- summary statistics ------------------------------------------------ */

typedef struct trade_summary {
    size_t n;
    double first, last; /* in the order given */
    double min, max, mean, median;
    double sd; /* sample standard deviation (n - 1); NAN for n < 2 */
    const char *status;
} trade_summary;

/* Summary of values[0..n) (gsl_stats_*). work must hold n doubles (it gets
 * a sorted copy; may be NULL when n is 0). n = 0 gives NAN everywhere and a
 * status. A non-finite value gives NAN and a status. Returns 0 or
 * TRADE_EARG for NULL pointers with n > 0. */
TRADE_API int trade_stats_summary(const double *values, size_t n, double *work, trade_summary *out);

/* ---- ranks -------------------------------------------------------------- */

typedef enum trade_ties {
    TRADE_TIES_MIN = 0, /* SQL RANK(): 1, 2, 2, 4 */
    TRADE_TIES_MAX,     /* 1, 3, 3, 4 */
    TRADE_TIES_DENSE,   /* SQL DENSE_RANK(): 1, 2, 2, 3 */
    TRADE_TIES_AVERAGE, /* pandas "average": 1, 2.5, 2.5, 4 */
    TRADE_TIES_FIRST    /* pandas "first": ties in the order given: 1, 2, 3, 4 */
} trade_ties;

/* Parse "min", "max", "dense", "average" or "first". Returns 0 or TRADE_EARG. */
TRADE_API int trade_ties_parse(const char *name, trade_ties *out);

/* One item to rank: group is any integer key (items of different groups are
 * ranked separately), value the key of the ranking, order the position used
 * for "first" and for stable output (usually the row index). rank is set by
 * trade_stats_rank. */
typedef struct trade_rank_item {
    size_t group;
    double value;
    size_t order;
    double rank;
} trade_rank_item;

/* Rank items within their groups: rank 1 is the largest value, or the
 * smallest when ascending. Values must be finite (TRADE_EARG otherwise).
 * items is sorted in place by (group, value, order); O(n log n). */
TRADE_API int trade_stats_rank(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                               trade_error *err);

/* ---- shares and concentration ------------------------------------------ */

typedef struct trade_hhi {
    size_t n;
    double hhi;            /* sum of squared shares, shares as fractions of the sum */
    double hhi_normalized; /* (H - 1/n) / (1 - 1/n); NAN for n = 1 */
    const char *status;
} trade_hhi;

/* Herfindahl-Hirschman index of values[0..n). A negative value, a zero sum
 * or n = 0 give NAN and a status. Returns 0 or TRADE_EARG (NULL with n > 0). */
TRADE_API int trade_stats_hhi(const double *values, size_t n, trade_hhi *out);

/* Exchange rates: rates.h (trade_rates_*). */

/* ---- intervals (the consistency check) --------------------------------- */

/* The closed interval a written figure stands for. */
typedef struct trade_interval {
    double low, high;
} trade_interval;

/* The precision of a written plain decimal: the unit of its last digit
 * ("40.15" -> 0.01, "71.5" -> 0.1); for an integer, the unit of its last
 * non-zero digit ("118000000" -> 1000000, "713800" -> 100, "0" -> 1). */
TRADE_API double trade_stats_written_precision(const char *text);

/* [value - precision / 2, value + precision / 2]. */
TRADE_API trade_interval trade_stats_interval(double value, double precision);

/* Sum of intervals, and the interval of the growth in per cent from a to b
 * (100 * (b / a - 1)); a must lie above zero (else NAN bounds). */
TRADE_API trade_interval trade_stats_interval_add(trade_interval a, trade_interval b);
TRADE_API trade_interval trade_stats_interval_growth_pct(trade_interval a, trade_interval b);

typedef enum trade_verdict {
    TRADE_CONSISTENT = 0,      /* the second figure's point lies in the stated interval */
    TRADE_CONSISTENT_ROUNDING, /* only the intervals overlap */
    TRADE_INCONSISTENT,        /* the intervals are disjoint */
    TRADE_VERDICT_UNDEFINED    /* an interval is undefined (NAN) */
} trade_verdict;

/* Compare a stated figure (interval a) with a second figure: a computed one
 * or, for a figure stated twice, the more precise statement (point b_value,
 * interval b). *gap gets the distance between the intervals (0 when they
 * overlap, NAN when undefined). TRADE_CONSISTENT when b_value lies in a (the
 * stated figure is b correctly rounded), TRADE_CONSISTENT_ROUNDING when only
 * the intervals overlap, TRADE_INCONSISTENT when they are disjoint. */
TRADE_API trade_verdict trade_stats_compare_intervals(trade_interval a, double b_value,
                                                      trade_interval b, double *gap);

/* "consistent", "consistent within rounding", "inconsistent" or "undefined". */
TRADE_API const char *trade_verdict_name(trade_verdict v);

/* The consistency check: check.h (trade_check_*). */

#ifdef __cplusplus
}
#endif
#endif
