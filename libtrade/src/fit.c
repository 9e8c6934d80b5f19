/* fit.c - log-linear trends of series (rules in fit.h). */
#include <stdlib.h>

#include "trade/fit.h"

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
        if ((rc = trade_stats_fit_loglinear(x, y, row.n, &row.fit, err)))
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
