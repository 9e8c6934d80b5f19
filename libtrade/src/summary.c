/* summary.c - summary statistics of arrays (on GSL, guarded as in fit.c)
 * and of series (rules in summary.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "trade/summary.h"

static const trade_column columns[] = {
    {"period_from", 0}, {"period_to", 0}, {"n", 1},    {"first", 1},  {"last", 1},   {"min", 1},
    {"max", 1},         {"mean", 1},      {"median", 1}, {"sd", 1},   {"status", 0},
};

const trade_column *trade_summary_columns(size_t *n)
{
    if (n)
        *n = sizeof columns / sizeof columns[0];
    return columns;
}

/* The summary without the overflow check (trade_summary_values). */
static int summary_of(const double *values, size_t n, double *work, trade_summary *out)
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

int trade_summary_values(const double *values, size_t n, double *work, trade_summary *out)
{
    int rc = summary_of(values, n, work, out);
    if (rc || *out->status)
        return rc;
    /* the inputs are finite (else the status says so): a non-finite
     * result is an overflow of the sums */
    double *f[] = {&out->mean, &out->median, &out->sd};
    int over = 0;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (!isfinite(*f[i]) && !(f[i] == &out->sd && n < 2)) {
            *f[i] = NAN;
            over = 1;
        }
    if (over)
        out->status = "overflow";
    return rc;
}

int trade_summary_run(const trade_table *t, trade_summary_fn fn, void *ctx, trade_error *err)
{
    trade_error_clear(err);
    if (!t || !fn)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "summary: NULL argument");
    trade_series_list *sl;
    int rc = trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD | TRADE_SERIES_BY_KIND, &sl, err);
    if (rc)
        return rc;
    size_t cap = trade_table_rows(t) + 1;
    double *v = malloc(cap * sizeof *v), *work = malloc(cap * sizeof *work);
    if (!v || !work)
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t s = 0; s < trade_series_count(sl) && !rc; s++) {
        trade_summary_row row;
        row.series = s;
        row.rows = trade_series_rows(sl, s, &row.n);
        for (size_t i = 0; i < row.n; i++)
            v[i] = trade_table_obs(t, row.rows[i])->value;
        if (trade_summary_values(v, row.n, work, &row.summary)) {
            rc = trade_error_set(err, TRADE_EARG, NULL, 0, 0, "summary: internal error");
            break;
        }
        row.period_from = &trade_table_obs(t, row.rows[0])->period;
        row.period_to = &trade_table_obs(t, row.rows[row.n - 1])->period;
        row.qualifier = trade_series_qualifier(t, row.rows, row.n);
        rc = fn(ctx, &row);
    }
    free(v);
    free(work);
    trade_series_list_free(sl);
    return rc;
}
