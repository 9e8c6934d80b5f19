/* stats.c - the numerical core of the statistics commands: growth, fits on
 * GSL, summaries, ranks, concentration and interval arithmetic.
 *
 * GSL is only reached through guarded calls: every input is checked (n,
 * finiteness, spread, signs) before the call and every GSL return value is
 * checked after it, and trade_init() has switched GSL's handler off first. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "trade/codes.h"
#include "trade/stats.h"

/* ---- growth ------------------------------------------------------------- */

static int growth(double v0, double v1, double years, trade_growth *out);

int trade_stats_growth(double v0, double v1, double years, trade_growth *out)
{
    int rc = growth(v0, v1, years, out);
    if (!rc) {
        out->has_growth = isfinite(out->growth_pct);
        out->has_cagr = isfinite(out->cagr_pct);
        out->has_log = isfinite(out->log_growth);
    }
    return rc;
}

static int growth(double v0, double v1, double years, trade_growth *out)
{
    if (!out)
        return TRADE_EARG;
    out->growth_pct = out->cagr_pct = out->log_growth = NAN;
    out->status = "";
    if (!isfinite(v0) || !isfinite(v1) || !isfinite(years)) {
        out->status = "non-finite input";
        return TRADE_OK;
    }
    if (v0 == 0) {
        out->status = "zero base";
        return TRADE_OK;
    }
    if (v0 < 0) {
        out->status = "negative base";
        return TRADE_OK;
    }
    double ratio = v1 / v0;
    out->growth_pct = 100.0 * (ratio - 1.0);
    if (!(years > 0)) {
        out->status = "no time between the periods";
        return TRADE_OK;
    }
    if (ratio < 0) {
        out->status = "negative end value: no CAGR or log growth";
        return TRADE_OK;
    }
    out->cagr_pct = 100.0 * (pow(ratio, 1.0 / years) - 1.0);
    if (ratio == 0) {
        out->status = "zero end value: no log growth";
        return TRADE_OK;
    }
    out->log_growth = log(ratio);
    if (!isfinite(out->growth_pct) || !isfinite(out->cagr_pct) || !isfinite(out->log_growth)) {
        out->growth_pct = out->cagr_pct = out->log_growth = NAN;
        out->status = "overflow";
    }
    return TRADE_OK;
}

int trade_stats_growth_periods(const trade_period *p0, double v0, const trade_period *p1, double v1,
                               int annualize_partial, trade_growth *out)
{
    if (!p0 || !p1 || !out)
        return TRADE_EARG;
    const char *note = NULL;
    if (!trade_period_same_kind(p0, p1)) {
        int m0 = trade_period_months(p0), m1 = trade_period_months(p1);
        const char *why = NULL;
        if (!annualize_partial || m0 <= 0 || m1 <= 0 || (m0 % 12 == 0 && m1 % 12 == 0) || m0 > 12 ||
            m1 > 12)
            why = "incomparable periods";
        else if (p0->last_month >= p1->first_month)
            why = "incomparable periods (overlapping)";
        if (why) {
            out->growth_pct = out->cagr_pct = out->log_growth = NAN;
            out->has_growth = out->has_cagr = out->has_log = 0;
            out->status = why;
            return TRADE_OK;
        }
        v0 *= 12.0 / m0;
        v1 *= 12.0 / m1;
        note = "partial period annualized (value x 12 / months)";
    }
    int rc = trade_stats_growth(v0, v1, trade_period_years_between(p0, p1), out);
    if (!rc && note && !*out->status)
        out->status = note;
    return rc;
}

int trade_stats_unit_is_level(const char *unit)
{
    return trade_unit_is_level(unit);
}

/* ---- fits --------------------------------------------------------------- */

int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
                       trade_error *err)
{
    trade_init();
    trade_error_clear(err);
    if (!x || !y || !out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "linear fit: NULL argument");
    memset(out, 0, sizeof *out);
    out->n = n;
    if (n < 3)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "linear fit: %zu points, at least 3 needed", n);
    int spread = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "linear fit: point %zu is not finite", i + 1);
        if (x[i] != x[0])
            spread = 1;
    }
    if (!spread)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "linear fit: all points at the same x");
    int rc = gsl_fit_linear(x, 1, y, 1, n, &out->c0, &out->c1, &out->cov00, &out->cov01,
                            &out->cov11, &out->sumsq);
    if (rc != GSL_SUCCESS || !isfinite(out->c0) || !isfinite(out->c1) || !isfinite(out->cov11))
        return trade_error_set(err, TRADE_EMATH, NULL, 0, 0, "linear fit failed: %s",
                               gsl_strerror(rc));
    double tss = gsl_stats_tss(y, 1, n);
    out->r2 = tss > 0 ? 1.0 - out->sumsq / tss : NAN;
    return TRADE_OK;
}

int trade_stats_fit_loglinear(const double *years, const double *values, size_t n, trade_fit *out,
                              trade_error *err)
{
    trade_init();
    trade_error_clear(err);
    if (!out || (n > 0 && (!years || !values)))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "fit: NULL argument");
    out->n = n;
    out->slope = out->slope_se = out->trend_pct = out->ci_low_pct = out->ci_high_pct = NAN;
    out->r2 = NAN;
    out->status = "";
    if (n < 3) {
        out->status = "fewer than 3 points";
        return TRADE_OK;
    }
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(values[i]) || !isfinite(years[i])) {
            out->status = "non-finite value";
            return TRADE_OK;
        }
        if (values[i] <= 0) {
            out->status = "non-positive value: no log-linear fit";
            return TRADE_OK;
        }
    }
    if (n > SIZE_MAX / sizeof(double))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    double *logv = malloc(n * sizeof *logv);
    if (!logv)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        logv[i] = log(values[i]);
    trade_linear lin;
    trade_error e;
    int rc = trade_stats_linear(years, logv, n, &lin, &e);
    free(logv);
    if (rc) {
        out->status = rc == TRADE_EARG ? "all points at the same time" : "fit failed";
        return TRADE_OK;
    }
    out->slope = lin.c1;
    out->slope_se = sqrt(lin.cov11);
    out->r2 = lin.r2;
    out->trend_pct = 100.0 * expm1(lin.c1);
    /* n >= 3, so n - 2 >= 1 degrees of freedom: gsl_cdf_tdist_Pinv is defined */
    double t = gsl_cdf_tdist_Pinv(0.975, (double)(n - 2));
    if (isfinite(t) && isfinite(out->slope_se)) {
        out->ci_low_pct = 100.0 * expm1(lin.c1 - t * out->slope_se);
        out->ci_high_pct = 100.0 * expm1(lin.c1 + t * out->slope_se);
    }
    if (!isfinite(out->trend_pct) || !isfinite(out->ci_low_pct) || !isfinite(out->ci_high_pct)) {
        out->trend_pct = out->ci_low_pct = out->ci_high_pct = NAN;
        out->status = "overflow";
    } else if (!isfinite(out->r2)) {
        out->status = "constant values: no r2";
    }
    return TRADE_OK;
}

/* ---- summaries ---------------------------------------------------------- */

int trade_stats_summary(const double *values, size_t n, double *work, trade_summary *out)
{
    trade_init();
    if (!out || (n > 0 && (!values || !work)))
        return TRADE_EARG;
    out->n = n;
    out->first = out->last = out->min = out->max = out->mean = out->median = out->sd = NAN;
    out->status = "";
    if (n == 0) {
        out->status = "no observations";
        return TRADE_OK;
    }
    for (size_t i = 0; i < n; i++)
        if (!isfinite(values[i])) {
            out->status = "non-finite value";
            return TRADE_OK;
        }
    out->first = values[0];
    out->last = values[n - 1];
    memcpy(work, values, n * sizeof *work);
    gsl_sort(work, 1, n);
    out->min = work[0];
    out->max = work[n - 1];
    out->mean = gsl_stats_mean(work, 1, n);
    out->median = gsl_stats_median_from_sorted_data(work, 1, n);
    if (n >= 2)
        out->sd = gsl_stats_sd(work, 1, n);
    else
        out->status = "fewer than 2 points: no standard deviation";
    return TRADE_OK;
}

/* ---- ranks -------------------------------------------------------------- */

int trade_ties_parse(const char *name, trade_ties *out)
{
    static const char *const names[] = {"min", "max", "dense", "average", "first"};
    for (int i = 0; i < 5; i++)
        if (name && !strcmp(name, names[i])) {
            *out = (trade_ties)i;
            return TRADE_OK;
        }
    return TRADE_EARG;
}

static int cmp_rank_desc(const void *pa, const void *pb)
{
    const trade_rank_item *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int cmp_rank_asc(const void *pa, const void *pb)
{
    const trade_rank_item *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

int trade_stats_rank(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                     trade_error *err)
{
    trade_error_clear(err);
    if (n && !items)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rank: NULL items");
    for (size_t i = 0; i < n; i++)
        if (!isfinite(items[i].value))
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rank: value %zu not finite",
                                   i + 1);
    if (n == 0)
        return TRADE_OK;
    qsort(items, n, sizeof *items, ascending ? cmp_rank_asc : cmp_rank_desc);
    size_t gstart = 0;
    double dense = 0;
    for (size_t i = 0; i < n;) {
        if (i == 0 || items[i].group != items[i - 1].group) {
            gstart = i;
            dense = 0;
        }
        size_t j = i + 1; /* items[i..j) tie */
        while (j < n && items[j].group == items[i].group && items[j].value == items[i].value)
            j++;
        dense += 1;
        double lo = (double)(i - gstart + 1), hi = (double)(j - gstart);
        for (size_t k = i; k < j; k++) {
            switch (ties) {
            case TRADE_TIES_MIN:
                items[k].rank = lo;
                break;
            case TRADE_TIES_MAX:
                items[k].rank = hi;
                break;
            case TRADE_TIES_DENSE:
                items[k].rank = dense;
                break;
            case TRADE_TIES_AVERAGE:
                items[k].rank = (lo + hi) / 2.0;
                break;
            case TRADE_TIES_FIRST:
                items[k].rank = (double)(k - gstart + 1);
                break;
            }
        }
        i = j;
    }
    return TRADE_OK;
}

/* ---- concentration ------------------------------------------------------ */

int trade_stats_hhi(const double *values, size_t n, trade_hhi *out)
{
    if (!out || (n && !values))
        return TRADE_EARG;
    out->n = n;
    out->hhi = out->hhi_normalized = NAN;
    out->status = "";
    if (n == 0) {
        out->status = "no observations";
        return TRADE_OK;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(values[i])) {
            out->status = "non-finite value";
            return TRADE_OK;
        }
        if (values[i] < 0) {
            out->status = "negative value: no shares";
            return TRADE_OK;
        }
        sum += values[i];
    }
    if (!(sum > 0) || !isfinite(sum)) {
        out->status = sum > 0 ? "overflow" : "zero total: no shares";
        return TRADE_OK;
    }
    double h = 0;
    for (size_t i = 0; i < n; i++) {
        double s = values[i] / sum;
        h += s * s;
    }
    out->hhi = h;
    if (n == 1)
        out->status = "one member: no normalized index";
    else
        out->hhi_normalized = (h - 1.0 / (double)n) / (1.0 - 1.0 / (double)n);
    return TRADE_OK;
}

/* ---- intervals ---------------------------------------------------------- */

double trade_stats_written_precision(const char *text)
{
    if (!text)
        return 1;
    const char *dot = strchr(text, '.');
    if (dot) {
        size_t decimals = strlen(dot + 1);
        return pow(10.0, -(double)decimals);
    }
    size_t len = strlen(text), zeros = 0;
    while (len > 0 && text[len - 1] == '0') {
        len--;
        zeros++;
    }
    if (len == 0 || (len == 1 && text[0] == '-'))
        return 1; /* "0" */
    return pow(10.0, (double)zeros);
}

trade_interval trade_stats_interval(double value, double precision)
{
    trade_interval r = {value - precision / 2.0, value + precision / 2.0};
    return r;
}

trade_interval trade_stats_interval_add(trade_interval a, trade_interval b)
{
    trade_interval r = {a.low + b.low, a.high + b.high};
    return r;
}

trade_interval trade_stats_interval_growth_pct(trade_interval a, trade_interval b)
{
    trade_interval r = {NAN, NAN};
    if (!(a.low > 0) || !isfinite(a.high) || !isfinite(b.low) || !isfinite(b.high))
        return r;
    /* b / a over a in [a.low, a.high] > 0: smallest b.low / (a.high or a.low) */
    double lo = b.low >= 0 ? b.low / a.high : b.low / a.low;
    double hi = b.high >= 0 ? b.high / a.low : b.high / a.high;
    r.low = 100.0 * (lo - 1.0);
    r.high = 100.0 * (hi - 1.0);
    return r;
}

trade_verdict trade_stats_compare_intervals(trade_interval a, double b_value, trade_interval b,
                                            double *gap)
{
    double g = NAN;
    trade_verdict v = TRADE_VERDICT_UNDEFINED;
    if (isfinite(a.low) && isfinite(a.high) && isfinite(b.low) && isfinite(b.high) &&
        isfinite(b_value)) {
        g = b.low > a.high ? b.low - a.high : a.low > b.high ? a.low - b.high : 0.0;
        if (g > 0)
            v = TRADE_INCONSISTENT;
        else if (b_value >= a.low && b_value <= a.high)
            v = TRADE_CONSISTENT;
        else
            v = TRADE_CONSISTENT_ROUNDING;
    }
    if (gap)
        *gap = g;
    return v;
}

const char *trade_verdict_name(trade_verdict v)
{
    switch (v) {
    case TRADE_CONSISTENT:
        return "consistent";
    case TRADE_CONSISTENT_ROUNDING:
        return "consistent within rounding";
    case TRADE_INCONSISTENT:
        return "inconsistent";
    case TRADE_VERDICT_UNDEFINED:
        return "undefined";
    }
    return "undefined";
}
