/* stats.c - growth, trends, summaries and ranks on GSL. Every input is
 * checked before GSL is called (GSL checks almost nothing: gsl_fit_linear
 * divides by n - 2 unchecked), and every GSL status is checked after. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "trade/stats.h"

int trade_stats_growth(double v0, double v1, double years, trade_growth *out)
{
    memset(out, 0, sizeof *out);
    out->status = "ok";
    if (!isfinite(v0) || !isfinite(v1)) {
        out->status = "value not finite";
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
    out->growth_pct = 100 * (ratio - 1);
    out->has_growth = isfinite(out->growth_pct);
    if (ratio <= 0) {
        out->status = ratio == 0 ? "zero end value: no log growth or CAGR"
                                 : "negative end value: no log growth or CAGR";
        if (ratio == 0 && years > 0) {
            out->cagr_pct = -100;
            out->has_cagr = 1;
            out->status = "zero end value: no log growth";
        }
        return TRADE_OK;
    }
    out->log_growth = log(ratio);
    out->has_log = isfinite(out->log_growth);
    if (!(years > 0)) {
        out->status = "periods do not advance: no CAGR";
        return TRADE_OK;
    }
    /* exp(log/years) - 1 via expm1 keeps small rates accurate */
    out->cagr_pct = 100 * expm1(out->log_growth / years);
    out->has_cagr = isfinite(out->cagr_pct);
    return TRADE_OK;
}

int trade_stats_linear(const double *x, const double *y, size_t n, trade_linear *out,
                       trade_error *err)
{
    trade_init();
    memset(out, 0, sizeof *out);
    out->n = n;
    if (n < 2)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "a line needs at least 2 points");
    int distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "value not finite");
        if (x[i] != x[0])
            distinct = 1;
    }
    if (!distinct)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "all x values are equal");
    double c0, c1, cov00, cov01, cov11, sumsq;
    int rc = gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    if (rc != GSL_SUCCESS || !isfinite(c0) || !isfinite(c1))
        return trade_error_set(err, TRADE_EMATH, NULL, 0, 0, "linear fit failed: %s",
                               gsl_strerror(rc));
    out->slope = c1;
    out->intercept = c0;
    if (n >= 3 && isfinite(cov11) && cov11 >= 0) {
        out->slope_se = sqrt(cov11);
        out->has_se = 1;
    }
    double tss = gsl_stats_tss(y, 1, n);
    if (tss > 0 && isfinite(tss)) {
        out->r2 = 1 - sumsq / tss;
        out->has_r2 = 1;
    }
    return TRADE_OK;
}

int trade_stats_trend(const double *t, const double *v, size_t n, trade_trend *out,
                      trade_error *err)
{
    memset(out, 0, sizeof *out);
    out->n = n;
    out->status = "ok";
    if (n < 3) {
        out->status = "fewer than 3 points";
        return TRADE_OK;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(v[i] > 0) || !isfinite(v[i])) {
            out->status = "non-positive values: no log-linear trend";
            return TRADE_OK;
        }
    }
    double *y = malloc(n * sizeof *y);
    if (!y)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        y[i] = log(v[i]);
    trade_linear fit;
    int rc = trade_stats_linear(t, y, n, &fit, err);
    free(y);
    if (rc == TRADE_EARG) {
        out->status = "all points in one period";
        return TRADE_OK;
    }
    if (rc)
        return rc;
    out->trend_pct = 100 * expm1(fit.slope);
    out->has_trend = isfinite(out->trend_pct);
    out->r2 = fit.r2;
    out->has_r2 = fit.has_r2;
    if (!fit.has_r2)
        out->status = "constant values: r2 undefined";
    if (fit.has_se) {
        double q = gsl_cdf_tdist_Pinv(0.975, (double)(n - 2));
        if (isfinite(q)) {
            out->ci_low_pct = 100 * expm1(fit.slope - q * fit.slope_se);
            out->ci_high_pct = 100 * expm1(fit.slope + q * fit.slope_se);
            out->has_ci = isfinite(out->ci_low_pct) && isfinite(out->ci_high_pct);
        }
    }
    return TRADE_OK;
}

int trade_stats_summary(const double *v, size_t n, trade_summary *out, trade_error *err)
{
    trade_init();
    memset(out, 0, sizeof *out);
    out->n = n;
    if (n == 0)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no values");
    double *s = malloc(n * sizeof *s);
    if (!s)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) {
            free(s);
            return trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "value not finite");
        }
        s[i] = v[i];
    }
    gsl_sort(s, 1, n);
    out->min = s[0];
    out->max = s[n - 1];
    out->mean = gsl_stats_mean(s, 1, n);
    out->median = gsl_stats_median_from_sorted_data(s, 1, n);
    if (n >= 2) {
        out->sd = gsl_stats_sd_m(s, 1, n, out->mean);
        out->has_sd = isfinite(out->sd);
    }
    free(s);
    return TRADE_OK;
}

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

typedef struct ranked {
    double v;
    size_t i;
} ranked;

static int cmp_desc(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static int cmp_asc(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

int trade_stats_rank(const double *v, size_t n, trade_ties ties, int ascending, double *rank,
                     trade_error *err)
{
    if (n == 0)
        return TRADE_OK;
    ranked *r = malloc(n * sizeof *r);
    if (!r)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) {
            free(r);
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "value not finite");
        }
        r[i].v = v[i];
        r[i].i = i;
    }
    qsort(r, n, sizeof *r, ascending ? cmp_asc : cmp_desc);
    size_t dense = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && r[b].v == r[a].v)
            b++;
        dense++;
        /* positions a..b-1 (0-based) hold one value */
        for (size_t k = a; k < b; k++) {
            double x;
            switch (ties) {
            case TRADE_TIES_MIN:
                x = (double)(a + 1);
                break;
            case TRADE_TIES_MAX:
                x = (double)b;
                break;
            case TRADE_TIES_DENSE:
                x = (double)dense;
                break;
            case TRADE_TIES_AVERAGE:
                x = (double)(a + 1 + b) / 2;
                break;
            case TRADE_TIES_FIRST:
            default:
                x = (double)(k + 1);
                break;
            }
            rank[r[k].i] = x;
        }
        a = b;
    }
    free(r);
    return TRADE_OK;
}
