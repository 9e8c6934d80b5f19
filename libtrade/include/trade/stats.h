/* stats.h - the umbrella of the scalar numerical routines, kept for one
 * minor version (0.1): it includes the modules they moved to, and keeps
 * their old names as deprecated aliases, thin wrappers that behave as the
 * new functions do.
 *
 *   old name                         new name (header)
 *   trade_stats_growth               trade_growth_values (growth.h)
 *   trade_stats_growth_periods       trade_growth_periods (growth.h)
 *   trade_stats_unit_is_level        trade_unit_is_level (codes.h)
 *   trade_stats_number_format        trade_number_format_fast (number.h)
 *   trade_stats_linear               trade_fit_linear (fit.h)
 *   trade_stats_fit_loglinear        trade_fit_loglinear (fit.h)
 *   trade_stats_summary              trade_summary_values (summary.h; an
 *                                    overflow of the mean or sd is now NAN
 *                                    with status "overflow")
 *   trade_ties_parse                 trade_rank_ties_parse (rank.h)
 *   trade_stats_rank                 trade_rank_items (rank.h)
 *   trade_stats_hhi                  trade_compare_hhi_values (compare.h)
 *   trade_stats_written_precision    trade_interval_written_precision (interval.h)
 *   trade_stats_interval             trade_interval_from (interval.h)
 *   trade_stats_interval_add         trade_interval_add (interval.h)
 *   trade_stats_interval_growth_pct  trade_interval_growth_pct (interval.h)
 *   trade_stats_compare_intervals    trade_interval_compare (interval.h)
 *   trade_verdict_name               trade_interval_verdict_name (interval.h)
 *
 * The types (trade_growth, trade_linear, trade_fit, trade_summary,
 * trade_ties, trade_rank_item, trade_hhi, trade_interval, trade_verdict)
 * keep their names in their new headers. Define TRADE_WARN_DEPRECATED
 * before including this header to have the compiler flag every use of an
 * old name. This header goes in the next minor version. */
#ifndef TRADE_STATS_H
#define TRADE_STATS_H

#include <stddef.h>

#include "codes.h"
#include "compare.h"
#include "error.h"
#include "fit.h"
#include "growth.h"
#include "interval.h"
#include "number.h"
#include "period.h"
#include "rank.h"
#include "summary.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TRADE_WARN_DEPRECATED) && defined(__GNUC__)
#define TRADE_DEPRECATED(use) __attribute__((deprecated("use " use)))
#else
#define TRADE_DEPRECATED(use)
#endif

/* Deprecated: trade_growth_values. */
TRADE_API int trade_stats_growth(double v0, double v1, double years, trade_growth *out)
    TRADE_DEPRECATED("trade_growth_values");
/* Deprecated: trade_growth_periods. */
TRADE_API int trade_stats_growth_periods(const trade_period *p0, double v0, const trade_period *p1,
                                         double v1, int annualize_partial, trade_growth *out)
    TRADE_DEPRECATED("trade_growth_periods");
/* Deprecated: trade_unit_is_level. */
TRADE_API int trade_stats_unit_is_level(const char *unit) TRADE_DEPRECATED("trade_unit_is_level");
/* Deprecated: trade_number_format_fast. */
TRADE_API size_t trade_stats_number_format(double v, char *buf, size_t size)
    TRADE_DEPRECATED("trade_number_format_fast");
/* Deprecated: trade_fit_linear. */
TRADE_API int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
                                 trade_error *err) TRADE_DEPRECATED("trade_fit_linear");
/* Deprecated: trade_fit_loglinear. */
TRADE_API int trade_stats_fit_loglinear(const double *years, const double *values, size_t n,
                                        trade_fit *out, trade_error *err)
    TRADE_DEPRECATED("trade_fit_loglinear");
/* Deprecated: trade_summary_values. */
TRADE_API int trade_stats_summary(const double *values, size_t n, double *work, trade_summary *out)
    TRADE_DEPRECATED("trade_summary_values");
/* Deprecated: trade_rank_ties_parse. */
TRADE_API int trade_ties_parse(const char *name, trade_ties *out)
    TRADE_DEPRECATED("trade_rank_ties_parse");
/* Deprecated: trade_rank_items. */
TRADE_API int trade_stats_rank(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                               trade_error *err) TRADE_DEPRECATED("trade_rank_items");
/* Deprecated: trade_compare_hhi_values. */
TRADE_API int trade_stats_hhi(const double *values, size_t n, trade_hhi *out)
    TRADE_DEPRECATED("trade_compare_hhi_values");
/* Deprecated: trade_interval_written_precision. */
TRADE_API double trade_stats_written_precision(const char *text)
    TRADE_DEPRECATED("trade_interval_written_precision");
/* Deprecated: trade_interval_from. */
TRADE_API trade_interval trade_stats_interval(double value, double precision)
    TRADE_DEPRECATED("trade_interval_from");
/* Deprecated: trade_interval_add. */
TRADE_API trade_interval trade_stats_interval_add(trade_interval a, trade_interval b)
    TRADE_DEPRECATED("trade_interval_add");
/* Deprecated: trade_interval_growth_pct. */
TRADE_API trade_interval trade_stats_interval_growth_pct(trade_interval a, trade_interval b)
    TRADE_DEPRECATED("trade_interval_growth_pct");
/* Deprecated: trade_interval_compare. */
TRADE_API trade_verdict trade_stats_compare_intervals(trade_interval a, double b_value,
                                                      trade_interval b, double *gap)
    TRADE_DEPRECATED("trade_interval_compare");
/* Deprecated: trade_interval_verdict_name. */
TRADE_API const char *trade_verdict_name(trade_verdict v)
    TRADE_DEPRECATED("trade_interval_verdict_name");

#ifdef __cplusplus
}
#endif
#endif
