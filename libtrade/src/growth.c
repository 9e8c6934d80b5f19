/* growth.c - growth rows of series: pairing periods, CAGR rules, stocks
 * and qualifiers (the rules are stated in growth.h). The arithmetic of one
 * pair is trade_growth_periods (below). */
#include <math.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/growth.h"

#include "series_internal.h"
#include "stream_internal.h"

/* ---- growth of one pair ------------------------------------------------ */

static int growth(double v0, double v1, double years, trade_growth *out);

int trade_growth_values(double v0, double v1, double years, trade_growth *out)
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
    /* one year apart (most pairs): pow(ratio, 1) is ratio (pow is within
     * one ulp, and ratio is a double), so the call is skipped */
    out->cagr_pct = 100.0 * ((years == 1 ? ratio : pow(ratio, 1.0 / years)) - 1.0);
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

int trade_growth_periods(const trade_period *p0, double v0, const trade_period *p1, double v1,
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
    int rc = trade_growth_values(v0, v1, trade_period_years_between(p0, p1), out);
    if (!rc && note && !*out->status)
        out->status = note;
    return rc;
}

static const trade_column columns[] = {
    {"period_from", 0}, {"period_to", 0},  {"value_from", 1}, {"value_to", 1},
    {"growth_pct", 1},  {"cagr_pct", 1},   {"log_growth", 1}, {"status", 0},
};

const trade_column *trade_growth_columns(size_t *n)
{
    if (n)
        *n = sizeof columns / sizeof columns[0];
    return columns;
}

int trade_growth_series(const trade_table *t, trade_series_list **out, trade_error *err)
{
    return trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD | TRADE_SERIES_LEVELS, out, err);
}

int Trade_growth_series_runs(const trade_table *t, const size_t *run, trade_series_list **out,
                             trade_error *err)
{
    return Trade_series_build_runs(t, run, TRADE_SERIES_ONE_PER_PERIOD | TRADE_SERIES_LEVELS, out,
                                   err);
}

int trade_growth_options_check(const trade_growth_options *opt, trade_error *err)
{
    trade_error_clear(err);
    if (!opt)
        return TRADE_OK;
    if ((opt->from != NULL) != (opt->to != NULL))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "--from and --to go together");
    if (opt->from && opt->from->first_month >= opt->to->first_month)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "--from must start before --to (growth runs forward in time)");
    return TRADE_OK;
}

/* Direction of a bound on the growth: +1 lower bound, -1 upper bound. */
static int bound(const char *q, int sign)
{
    if (!strcmp(q, "lower_bound"))
        return sign;
    if (!strcmp(q, "upper_bound"))
        return -sign;
    return 0;
}

const char *trade_growth_qualifier(const char *q_from, const char *q_to)
{
    static const char *const soft[] = {"estimate", "approx", "derived"};
    if (!q_from)
        q_from = "";
    if (!q_to)
        q_to = "";
    if (!*q_from && !*q_to) /* two exact figures (most pairs): no call to strcmp */
        return "";
    if (!strcmp(q_from, "projection") || !strcmp(q_to, "projection"))
        return "projection";
    /* growth rises with the later figure and falls with the earlier one */
    int b0 = bound(q_from, -1), b1 = bound(q_to, 1);
    if (b0 + b1 > 0)
        return "lower_bound";
    if (b0 + b1 < 0)
        return "upper_bound";
    for (size_t i = 0; i < sizeof soft / sizeof soft[0]; i++)
        if (!strcmp(q_from, soft[i]) || !strcmp(q_to, soft[i]))
            return soft[i];
    if (b0 || b1) /* a lower and an upper bound that cancel: no bound is known */
        return "estimate";
    return "";
}

static int is_stock(const char *flow)
{
    return !strcmp(flow, "fdi_stock") || !strcmp(flow, "investment_stock");
}

static int emit(const trade_table *t, size_t s, size_t r0, size_t r1,
                const trade_growth_options *opt, trade_growth_fn fn, void *ctx)
{
    const trade_obs *a = trade_table_obs(t, r0), *b = trade_table_obs(t, r1);
    trade_growth_row row;
    row.series = s;
    row.row_from = r0;
    row.row_to = r1;
    row.period_from = &a->period;
    row.period_to = &b->period;
    row.value_from = a->value;
    row.value_to = b->value;
    row.qualifier = trade_growth_qualifier(a->qualifier, b->qualifier);
    row.table = t;
    row.part = 0;
    int annualize = opt && opt->annualize_partial;
    if (annualize && is_stock(b->flow) && !trade_period_same_kind(&a->period, &b->period)) {
        row.growth.growth_pct = row.growth.cagr_pct = row.growth.log_growth = NAN;
        row.growth.has_growth = row.growth.has_cagr = row.growth.has_log = 0;
        row.growth.status = "stock: not annualized (incomparable periods)";
        return fn(ctx, &row);
    }
    trade_growth_periods(&a->period, a->value, &b->period, b->value, annualize, &row.growth);
    double years = trade_period_years_between(&a->period, &b->period);
    if (years > 0 && years < 1 && row.growth.has_cagr) {
        row.growth.cagr_pct = NAN;
        row.growth.has_cagr = 0;
        if (!*row.growth.status)
            row.growth.status = "less than a year apart: no CAGR";
    }
    return fn(ctx, &row);
}

static long find_period(const trade_table *t, const size_t *rows, size_t n, const trade_period *p)
{
    for (size_t i = 0; i < n; i++)
        if (trade_period_equal(&trade_table_obs(t, rows[i])->period, p))
            return (long)i;
    return -1;
}

/* The index in rows[0..j) of the period a year before rows[j] (same kind,
 * twelve months earlier), or -1. */
static long year_before(const trade_table *t, const size_t *rows, size_t j)
{
    const trade_period *p = &trade_table_obs(t, rows[j])->period;
    for (size_t i = j; i-- > 0;) {
        const trade_period *q = &trade_table_obs(t, rows[i])->period;
        if (q->first_month < p->first_month - 12)
            break;
        if (q->first_month == p->first_month - 12 && q->last_month == p->last_month - 12)
            return (long)i;
    }
    return -1;
}

int trade_growth_run(const trade_table *t, const trade_series_list *sl, size_t s0, size_t s1,
                     const trade_growth_options *opt, trade_growth_fn fn, void *ctx,
                     trade_error *err)
{
    int rc = trade_growth_options_check(opt, err);
    if (rc)
        return rc;
    if (!t || !fn)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "growth: NULL argument");
    const trade_period *from = opt ? opt->from : NULL, *to = opt ? opt->to : NULL;
    int yoy = opt && opt->yoy;
    for (size_t s = s0; s < s1 && s < trade_series_count(sl) && !rc; s++) {
        size_t k;
        const size_t *keep = trade_series_rows(sl, s, &k);
        if (from) {
            long i = find_period(t, keep, k, from), j = find_period(t, keep, k, to);
            if (i >= 0 && j >= 0)
                rc = emit(t, s, keep[i], keep[j], opt, fn, ctx);
            continue;
        }
        for (size_t j = 1; j < k && !rc; j++) {
            const trade_period *pj = &trade_table_obs(t, keep[j])->period;
            trade_period_kind kind = yoy ? trade_period_kind_of(pj) : TRADE_PERIOD_KIND_NONE;
            if (kind == TRADE_PERIOD_KIND_MONTH || kind == TRADE_PERIOD_KIND_QUARTER ||
                kind == TRADE_PERIOD_KIND_PARTIAL) {
                long i = year_before(t, keep, j);
                if (i >= 0)
                    rc = emit(t, s, keep[i], keep[j], opt, fn, ctx);
                continue;
            }
            size_t i = j;
            while (i > 0 && !trade_period_same_kind(&trade_table_obs(t, keep[i - 1])->period, pj))
                i--;
            if (i == 0) { /* first of its kind: against the latest earlier period */
                i = j;
                while (i > 0 &&
                       trade_table_obs(t, keep[i - 1])->period.last_month >= pj->first_month)
                    i--;
            }
            if (i > 0)
                rc = emit(t, s, keep[i - 1], keep[j], opt, fn, ctx);
        }
    }
    return rc;
}

int trade_growth_table(const trade_table *t, const trade_growth_options *opt, trade_growth_fn fn,
                       void *ctx, trade_error *err)
{
    trade_series_list *sl;
    int rc = trade_growth_options_check(opt, err);
    if (rc || (rc = trade_growth_series(t, &sl, err)))
        return rc;
    rc = trade_growth_run(t, sl, 0, trade_series_count(sl), opt, fn, ctx, err);
    trade_series_list_free(sl);
    return rc;
}
