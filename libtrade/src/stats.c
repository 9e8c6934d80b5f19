/* stats.c - the deprecated names of stats.h, kept for one minor version:
 * each is a thin wrapper of the function that replaced it. */
#include "trade/stats.h"

int trade_stats_growth(double v0, double v1, double years, trade_growth *out)
{
    return trade_growth_values(v0, v1, years, out);
}

int trade_stats_growth_periods(const trade_period *p0, double v0, const trade_period *p1, double v1,
                               int annualize_partial, trade_growth *out)
{
    return trade_growth_periods(p0, v0, p1, v1, annualize_partial, out);
}

int trade_stats_unit_is_level(const char *unit)
{
    return trade_unit_is_level(unit);
}

size_t trade_stats_number_format(double v, char *buf, size_t size)
{
    return trade_number_format_fast(v, buf, size);
}

int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
                       trade_error *err)
{
    return trade_fit_linear(x, y, n, out, err);
}

int trade_stats_fit_loglinear(const double *years, const double *values, size_t n, trade_fit *out,
                              trade_error *err)
{
    return trade_fit_loglinear(years, values, n, out, err);
}

int trade_stats_summary(const double *values, size_t n, double *work, trade_summary *out)
{
    return trade_summary_values(values, n, work, out);
}

int trade_ties_parse(const char *name, trade_ties *out)
{
    return trade_rank_ties_parse(name, out);
}

int trade_stats_rank(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                     trade_error *err)
{
    return trade_rank_items(items, n, ties, ascending, err);
}

int trade_stats_hhi(const double *values, size_t n, trade_hhi *out)
{
    return trade_compare_hhi_values(values, n, out);
}

double trade_stats_written_precision(const char *text)
{
    return trade_interval_written_precision(text);
}

trade_interval trade_stats_interval(double value, double precision)
{
    return trade_interval_from(value, precision);
}

trade_interval trade_stats_interval_add(trade_interval a, trade_interval b)
{
    return trade_interval_add(a, b);
}

trade_interval trade_stats_interval_growth_pct(trade_interval a, trade_interval b)
{
    return trade_interval_growth_pct(a, b);
}

trade_verdict trade_stats_compare_intervals(trade_interval a, double b_value, trade_interval b,
                                            double *gap)
{
    return trade_interval_compare(a, b_value, b, gap);
}

const char *trade_verdict_name(trade_verdict v)
{
    return trade_interval_verdict_name(v);
}
