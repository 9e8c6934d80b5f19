/* fit.c - linear and log-linear fits of arrays, and log-linear trends of
 * series (rules in fit.h). GSL is only reached through guarded calls:
 * every input is checked (n, finiteness, spread, signs) before the call
 * and every GSL return value after it, trade_init() having switched GSL's
 * handler off. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>

#include "trade/fit.h"

/* ---- fits of arrays ---------------------------------------------------- */

int trade_fit_linear(const double *x, const double *y, size_t n, trade_linear *out,
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

int trade_fit_loglinear(const double *years, const double *values, size_t n, trade_fit *out,
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
    int rc = trade_fit_linear(years, logv, n, &lin, &e);
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

/* ---- trends of series --------------------------------------------------- */

static const trade_column columns[] = {
    {"n", 1},           {"period_from", 0}, {"period_to", 0}, {"trend_pct", 1},
    {"ci_low_pct", 1},  {"ci_high_pct", 1}, {"r2", 1},        {"status", 0},
};

const trade_column *trade_fit_columns(size_t *n)
{
    if (n)
        *n = sizeof columns / sizeof columns[0];
    return columns;
}

int trade_fit_run(const trade_table *t, const trade_fit_options *opt, trade_fit_fn fn, void *ctx,
                  trade_error *err)
{
    trade_error_clear(err);
    if (!t || !fn)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "fit: NULL argument");
    unsigned flags = TRADE_SERIES_ONE_PER_PERIOD | TRADE_SERIES_BY_KIND | TRADE_SERIES_LEVELS;
    if (!opt || !opt->projections)
        flags |= TRADE_SERIES_NO_PROJECTIONS;
    trade_series_list *sl;
    int rc = trade_series_build(t, flags, &sl, err);
    if (rc)
        return rc;
    size_t cap = trade_table_rows(t) + 1;
    double *x = malloc(cap * sizeof *x), *y = malloc(cap * sizeof *y);
    if (!x || !y)
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t s = 0; s < trade_series_count(sl) && !rc; s++) {
        trade_fit_row row;
        row.series = s;
        row.rows = trade_series_rows(sl, s, &row.n);
        for (size_t i = 0; i < row.n; i++) {
            const trade_obs *ob = trade_table_obs(t, row.rows[i]);
            x[i] = trade_period_start_years(&ob->period);
            y[i] = ob->value;
        }
        if ((rc = trade_fit_loglinear(x, y, row.n, &row.fit, err)))
            break;
        row.period_from = &trade_table_obs(t, row.rows[0])->period;
        row.period_to = &trade_table_obs(t, row.rows[row.n - 1])->period;
        row.qualifier = trade_series_qualifier(t, row.rows, row.n);
        rc = fn(ctx, &row);
    }
    free(x);
    free(y);
    trade_series_list_free(sl);
    return rc;
}
