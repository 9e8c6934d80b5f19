/* check.c - the rounding-aware consistency check: every figure stands for
 * the interval its written precision allows, and stated growth rates,
 * totals and repeated statements are compared with interval arithmetic.
 *
 * The rows are sorted once by (reporter, partner, flow, unit, period,
 * product), so the repeated statements and the parts of a total are runs;
 * a growth rate finds its levels by binary search in a second order
 * (reporter, partner, flow, product, period). A growth rate stated for a
 * year or less is year-on-year (trade_check_growth_base). No GSL here. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/check.h"
#include "trade/codes.h"
#include "trade/interval.h"
#include "trade/number.h"

typedef struct item {
    const trade_obs *o;
    size_t row;
    trade_interval iv;
} item;

trade_interval trade_check_obs_interval(const trade_table *t, size_t row, double *precision)
{
    const trade_obs *o = trade_table_obs(t, row);
    trade_interval nan_iv = {NAN, NAN};
    if (!o)
        return nan_iv;
    double p = o->precision;
    if (!(p > 0)) {
        long vc = trade_table_col_index(t, "value");
        p = trade_interval_written_precision(vc < 0 ? "" : trade_table_cell(t, row, (size_t)vc));
    }
    if (precision)
        *precision = p;
    return trade_interval_from(o->value, p);
}

static int skipped(const trade_obs *o)
{
    return !strcmp(o->qualifier, "lower_bound") || !strcmp(o->qualifier, "upper_bound") ||
           !strcmp(o->qualifier, "projection");
}

/* reporter, partner, flow, unit, period, product, row */
static int cmp_main(const void *pa, const void *pb)
{
    const item *x = pa, *y = pb;
    int c;
    if ((c = strcmp(x->o->reporter, y->o->reporter)) ||
        (c = strcmp(x->o->partner, y->o->partner)) || (c = strcmp(x->o->flow, y->o->flow)) ||
        (c = strcmp(x->o->unit, y->o->unit)) ||
        (c = trade_period_compare(&x->o->period, &y->o->period)) ||
        (c = strcmp(x->o->product, y->o->product)))
        return c;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* reporter, partner, flow, product, period, row (for level look-ups) */
static int cmp_level(const item *x, const trade_obs *y, const trade_period *yp)
{
    int c;
    if ((c = strcmp(x->o->reporter, y->reporter)) || (c = strcmp(x->o->partner, y->partner)) ||
        (c = strcmp(x->o->flow, y->flow)) || (c = strcmp(x->o->product, y->product)))
        return c;
    return trade_period_compare(&x->o->period, yp);
}

static int cmp_level_sort(const void *pa, const void *pb)
{
    const item *x = pa, *y = pb;
    int c = cmp_level(x, y->o, &y->o->period);
    if (c)
        return c;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* First level item with the key of o at period p, or n. */
static size_t level_find(const item *lv, size_t n, const trade_obs *o, const trade_period *p)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_level(&lv[mid], o, p) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && cmp_level(&lv[lo], o, p) == 0 ? lo : n;
}

/* "SOURCE LOCATOR, QUALIFIER" for messages, or "FILE:LINE" when the row
 * has no locator. */
static void where(const trade_obs *o, char *buf, size_t size)
{
    int n;
    if (o->locator[0])
        n = snprintf(buf, size, "%s%s%s%s%s", o->source, o->source[0] ? " " : "", o->locator,
                     o->qualifier[0] ? ", " : "", o->qualifier);
    else
        n = snprintf(buf, size, "%s:%lu%s%s", o->file ? o->file : "", o->line,
                     o->qualifier[0] ? ", " : "", o->qualifier);
    if (n < 0)
        buf[0] = '\0';
}

static void fmt(double v, char *buf)
{
    if (!trade_number_format(v, buf, TRADE_NUMBER_BUFSIZE))
        strcpy(buf, "?");
}

int trade_check_text_is_sequential(const char *text)
{
    static const char *const phrases[] = {"month-on-month",
                                          "month on month",
                                          "on the previous month",
                                          "over the previous month",
                                          "from the previous month",
                                          "on the month before",
                                          "quarter-on-quarter",
                                          "quarter on quarter",
                                          "on the previous quarter",
                                          "over the previous quarter",
                                          "from the previous quarter",
                                          "on the quarter before",
                                          "m/m",
                                          "q/q",
                                          "sequential"};
    if (!text || !*text)
        return 0;
    char low[1024];
    size_t n = 0;
    for (; text[n] && n + 1 < sizeof low; n++)
        low[n] = (char)(text[n] >= 'A' && text[n] <= 'Z' ? text[n] - 'A' + 'a' : text[n]);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++)
        if (strstr(low, phrases[i]))
            return 1;
    return 0;
}

int trade_check_growth_base(const trade_period *p, int sequential, trade_period *base)
{
    if (!p || !base || p->start_unit == TRADE_PERIOD_NONE)
        return TRADE_EARG;
    int months = trade_period_months(p);
    int shift = months <= 12 && !sequential ? 12 : months;
    if (p->first_month - shift < 12)
        return TRADE_EARG;
    *base = *p;
    base->first_month -= shift;
    base->last_month -= shift;
    return TRADE_OK;
}

static int check_growth(const item *rate, const item *lv, size_t nlv, trade_check_fn fn, void *ctx)
{
    const trade_obs *r = rate->o;
    trade_period prev;
    int sequential =
        trade_check_text_is_sequential(r->note) || trade_check_text_is_sequential(r->label);
    if (trade_check_growth_base(&r->period, sequential, &prev))
        return 0;
    size_t i1 = level_find(lv, nlv, r, &r->period), i0 = level_find(lv, nlv, r, &prev);
    for (size_t a = i1; a < nlv && !cmp_level(&lv[a], r, &r->period); a++) {
        for (size_t b = i0; b < nlv && !cmp_level(&lv[b], r, &prev); b++) {
            const trade_obs *l1 = lv[a].o, *l0 = lv[b].o;
            if (strcmp(l1->unit, l0->unit))
                continue;
            trade_check_result res;
            memset(&res, 0, sizeof res);
            res.check = "growth";
            res.a_row = rate->row;
            res.b_row = lv[a].row;
            res.b0_row = lv[b].row;
            res.a_value = r->value;
            res.a = rate->iv;
            res.b_value = l0->value > 0 ? 100.0 * (l1->value / l0->value - 1.0) : NAN;
            res.b = trade_interval_growth_pct(lv[b].iv, lv[a].iv);
            res.verdict = trade_interval_compare(res.a, res.b_value, res.b, &res.gap);
            char v0[TRADE_NUMBER_BUFSIZE], v1[TRADE_NUMBER_BUFSIZE], vr[TRADE_NUMBER_BUFSIZE];
            char w0[160], w1[160], wr[160], p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
            fmt(l0->value, v0);
            fmt(l1->value, v1);
            fmt(r->value, vr);
            where(l0, w0, sizeof w0);
            where(l1, w1, sizeof w1);
            where(r, wr, sizeof wr);
            trade_period_format(&l0->period, p0, sizeof p0);
            trade_period_format(&l1->period, p1, sizeof p1);
            if (snprintf(
                    res.compared, sizeof res.compared,
                    "stated growth %s %% (%s) against the growth from %s %s %s (%s) to %s %s %s "
                    "(%s)",
                    vr, wr, p0, v0, l0->unit, w0, p1, v1, l1->unit, w1) < 0)
                res.compared[0] = '\0';
            if (fn(ctx, &res))
                return 1;
        }
    }
    return 0;
}

static int check_sum(const item *it, size_t a, size_t b, trade_check_fn fn, void *ctx)
{
    /* it[a..b): same reporter, partner, flow, unit, period; sorted by product */
    for (size_t k = a; k < b && !it[k].o->product[0]; k++) {
        const item *total = &it[k];
        size_t nparts = 0, first = b;
        double sum = 0;
        trade_interval iv = {0, 0};
        for (size_t j = a; j < b; j++) {
            if (!it[j].o->product[0])
                continue;
            if (j > a && !strcmp(it[j - 1].o->product, it[j].o->product))
                continue; /* the first row of each product */
            if (first == b)
                first = j;
            nparts++;
            sum += it[j].o->value;
            iv = trade_interval_add(iv, it[j].iv);
        }
        if (nparts < 2)
            return 0;
        trade_check_result res;
        memset(&res, 0, sizeof res);
        res.check = "sum";
        res.a_row = total->row;
        res.b_row = res.b0_row = it[first].row;
        res.nparts = nparts;
        res.a_value = total->o->value;
        res.a = total->iv;
        res.b_value = sum;
        res.b = iv;
        res.verdict = trade_interval_compare(res.a, res.b_value, res.b, &res.gap);
        char vt[TRADE_NUMBER_BUFSIZE], vs[TRADE_NUMBER_BUFSIZE], wt[160];
        fmt(total->o->value, vt);
        fmt(sum, vs);
        where(total->o, wt, sizeof wt);
        int len =
            snprintf(res.compared, sizeof res.compared,
                     "stated total %s (%s) against the sum %s of %zu parts:", vt, wt, vs, nparts);
        for (size_t j = a; j < b && len > 0 && (size_t)len < sizeof res.compared; j++) {
            if (!it[j].o->product[0] || (j > a && !strcmp(it[j - 1].o->product, it[j].o->product)))
                continue;
            char vp[TRADE_NUMBER_BUFSIZE];
            fmt(it[j].o->value, vp);
            len += snprintf(res.compared + len, sizeof res.compared - (size_t)len, " %s %s",
                            it[j].o->product, vp);
        }
        if (fn(ctx, &res))
            return 1;
    }
    return 0;
}

static int check_twice(const item *it, size_t a, size_t b, trade_check_fn fn, void *ctx)
{
    for (size_t i = a; i < b; i++)
        for (size_t j = i + 1; j < b; j++) {
            const item *x = &it[i], *y = &it[j];
            /* a: the coarser statement */
            if (y->iv.high - y->iv.low > x->iv.high - x->iv.low) {
                const item *s = x;
                x = y;
                y = s;
            }
            trade_check_result res;
            memset(&res, 0, sizeof res);
            res.check = "twice";
            res.a_row = x->row;
            res.b_row = res.b0_row = y->row;
            res.a_value = x->o->value;
            res.a = x->iv;
            res.b_value = y->o->value;
            res.b = y->iv;
            res.verdict = trade_interval_compare(res.a, res.b_value, res.b, &res.gap);
            char vx[TRADE_NUMBER_BUFSIZE], vy[TRADE_NUMBER_BUFSIZE], wx[160], wy[160];
            fmt(x->o->value, vx);
            fmt(y->o->value, vy);
            where(x->o, wx, sizeof wx);
            where(y->o, wy, sizeof wy);
            if (snprintf(res.compared, sizeof res.compared,
                         "the same figure stated twice: %s (%s) against %s (%s)", vx, wx, vy,
                         wy) < 0)
                res.compared[0] = '\0';
            if (fn(ctx, &res))
                return 1;
        }
    return 0;
}

int trade_check_run(const trade_table *t, trade_check_fn fn, void *ctx, trade_error *err)
{
    trade_error_clear(err);
    size_t n = trade_table_rows(t);
    if (n && !trade_table_obs(t, 0))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "check needs observation rows, not generic CSV");
    if (n > SIZE_MAX / 2 / sizeof(item))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    item *it = malloc((n + 1) * sizeof *it), *lv = malloc((n + 1) * sizeof *lv);
    if (!it || !lv) {
        free(it);
        free(lv);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t m = 0, nlv = 0;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!o || skipped(o) || o->period.start_unit == TRADE_PERIOD_NONE)
            continue;
        item x = {o, r, trade_check_obs_interval(t, r, NULL)};
        it[m++] = x;
        if (trade_unit_is_level(o->unit))
            lv[nlv++] = x;
    }
    qsort(it, m, sizeof *it, cmp_main);
    qsort(lv, nlv, sizeof *lv, cmp_level_sort);
    int stop = 0;
    /* (a) growth rates */
    for (size_t i = 0; i < m && !stop; i++)
        if (!strcmp(it[i].o->unit, "percent_change"))
            stop = check_growth(&it[i], lv, nlv, fn, ctx);
    /* (b) totals and parts, (c) statements of one figure */
    for (size_t a = 0; a < m && !stop;) {
        size_t b = a + 1;
        while (b < m && !strcmp(it[a].o->reporter, it[b].o->reporter) &&
               !strcmp(it[a].o->partner, it[b].o->partner) &&
               !strcmp(it[a].o->flow, it[b].o->flow) && !strcmp(it[a].o->unit, it[b].o->unit) &&
               trade_period_equal(&it[a].o->period, &it[b].o->period))
            b++;
        if (b - a > 2)
            stop = check_sum(it, a, b, fn, ctx);
        for (size_t x = a; x < b && !stop;) {
            size_t y = x + 1;
            while (y < b && !strcmp(it[x].o->product, it[y].o->product))
                y++;
            if (y - x > 1)
                stop = check_twice(it, x, y, fn, ctx);
            x = y;
        }
        a = b;
    }
    free(it);
    free(lv);
    return TRADE_OK;
}

static const char *const check_names[] = {
    "check",    "reporter", "partner",  "flow",      "period",   "unit",     "product",
    "compared", "a_value",  "a_low",    "a_high",    "b_value",  "b_low",    "b_high",
    "gap",      "verdict",  "a_source", "a_locator", "b_source", "b_locator"};
#define CHECK_NCOLS (sizeof check_names / sizeof check_names[0])

const char *const *trade_check_columns(size_t *n, const unsigned char **numeric)
{
    /* a_value .. gap hold numbers */
    static const unsigned char num[CHECK_NCOLS] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
                                                   1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
    if (n)
        *n = CHECK_NCOLS;
    if (numeric)
        *numeric = num;
    return check_names;
}

void trade_check_cells(const trade_table *t, const trade_check_result *r,
                       char (*num)[TRADE_NUMBER_BUFSIZE], const char **cells)
{
    /* the period text lives in num[7], after the seven numbers */
    const trade_obs *a = trade_table_obs(t, r->a_row), *b = trade_table_obs(t, r->b_row);
    trade_period_format(&a->period, num[7], TRADE_NUMBER_BUFSIZE);
    double v[7] = {r->a_value, r->a.low, r->a.high, r->b_value, r->b.low, r->b.high, r->gap};
    for (int i = 0; i < 7; i++)
        trade_number_format(v[i], num[i], TRADE_NUMBER_BUFSIZE);
    size_t k = 0;
    cells[k++] = r->check;
    cells[k++] = a->reporter;
    cells[k++] = a->partner;
    cells[k++] = a->flow;
    cells[k++] = num[7];
    cells[k++] = a->unit;
    cells[k++] = a->product;
    cells[k++] = r->compared;
    for (int i = 0; i < 7; i++)
        cells[k++] = num[i];
    cells[k++] = trade_interval_verdict_name(r->verdict);
    cells[k++] = a->source;
    cells[k++] = a->locator;
    cells[k++] = b->source;
    cells[k++] = b->locator;
}
