/* series.c - series with options: one figure per period, split by kind of
 * period, levels only (see series.h for the rules).
 *
 * table.c groups the rows by key and sorts each series by period (its radix
 * sort keeps large files fast); everything here works on those groups. The
 * rows of one period sit next to each other after that sort whatever their
 * spelling, because periods sort by first then last month and
 * trade_period_equal compares exactly those: the choice is one pass over
 * each run of equal periods. */
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/interval.h"
#include "trade/series.h"

#include "series_internal.h"

trade_series_list *Trade_series_list_alloc(const trade_table *t)
{
    trade_series_list *s = calloc(1, sizeof *s);
    if (s)
        s->t = t;
    return s;
}

void trade_series_list_free(trade_series_list *s)
{
    if (!s)
        return;
    free(s->rows);
    free(s->starts);
    free(s->kinds);
    free(s->months);
    free(s);
}

size_t trade_series_count(const trade_series_list *s)
{
    return s ? s->count : 0;
}

const size_t *trade_series_rows(const trade_series_list *s, size_t i, size_t *n)
{
    if (!s || i >= s->count) {
        if (n)
            *n = 0;
        return NULL;
    }
    if (n)
        *n = s->starts[i + 1] - s->starts[i];
    return s->rows + s->starts[i];
}

int trade_series_key_of(const trade_series_list *s, size_t i, trade_series_key *key)
{
    static const trade_series_key none = {"", "", "", "", "", TRADE_PERIOD_KIND_NONE, 0};
    size_t n;
    const size_t *rows = trade_series_rows(s, i, &n);
    if (!key)
        return TRADE_EARG;
    *key = none;
    if (!rows || n == 0)
        return TRADE_EARG;
    const trade_obs *o = trade_table_obs(s->t, rows[0]);
    if (!o)
        return TRADE_EARG;
    key->reporter = o->reporter;
    key->partner = o->partner;
    key->flow = o->flow;
    key->product = o->product;
    key->unit = o->unit;
    key->kind = s->kinds ? (trade_period_kind)s->kinds[i] : trade_period_kind_of(&o->period);
    key->months = s->months ? s->months[i] : 0;
    return TRADE_OK;
}

int trade_series_each(const trade_series_list *s, trade_series_fn fn, void *ctx)
{
    for (size_t i = 0; i < trade_series_count(s); i++) {
        size_t n;
        const size_t *rows = trade_series_rows(s, i, &n);
        int rc = fn(ctx, i, rows, n);
        if (rc)
            return rc;
    }
    return 0;
}

int trade_series_admits(const trade_table *t, size_t row)
{
    const trade_obs *o = trade_table_obs(t, row);
    return o && trade_measure_is_level(o->measure);
}

size_t trade_series_nonlevel_rows(const trade_table *t)
{
    size_t n = 0, rows = t ? trade_table_rows(t) : 0;
    for (size_t r = 0; r < rows; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        n += o && !trade_measure_is_level(o->measure);
    }
    return n;
}

double trade_series_precision(const trade_table *t, size_t row)
{
    const trade_obs *o = trade_table_obs(t, row);
    if (!o)
        return 0;
    if (o->precision > 0)
        return o->precision;
    long vcol = trade_table_col_index(t, "value");
    return trade_interval_written_precision(vcol >= 0 ? trade_table_cell(t, row, (size_t)vcol)
                                                      : "");
}

int trade_series_prefer(const trade_table *t, size_t a, size_t b)
{
    const trade_obs *oa = trade_table_obs(t, a), *ob = trade_table_obs(t, b);
    if (!oa || !ob)
        return 0;
    int qa = *oa->qualifier != 0, qb = *ob->qualifier != 0;
    if (qa != qb)
        return qa < qb;
    return trade_series_precision(t, a) < trade_series_precision(t, b);
}

size_t trade_series_choose(const trade_table *t, const size_t *rows, size_t n, size_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const trade_period *p = &trade_table_obs(t, rows[i])->period;
        size_t best = rows[i], j = i + 1;
        for (; j < n && trade_period_equal(&trade_table_obs(t, rows[j])->period, p); j++)
            if (trade_series_prefer(t, rows[j], best))
                best = rows[j];
        out[k++] = best;
        i = j;
    }
    return k;
}

int trade_series_mark_chosen(const trade_table *t, unsigned char *chosen, trade_error *err)
{
    trade_series_list *s;
    int rc = Trade_series_group_rows(t, &s, err);
    if (rc)
        return rc;
    memset(chosen, 0, trade_table_rows(t));
    size_t *keep = malloc((trade_table_rows(t) + 1) * sizeof *keep);
    if (!keep) {
        trade_series_list_free(s);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < s->count; i++) {
        size_t n;
        const size_t *rows = trade_series_rows(s, i, &n);
        size_t k = trade_series_choose(t, rows, n, keep);
        for (size_t j = 0; j < k; j++)
            chosen[keep[j]] = 1;
    }
    free(keep);
    trade_series_list_free(s);
    return TRADE_OK;
}

int trade_series_group(const trade_table *t, trade_series_list **out, trade_error *err)
{
    return Trade_series_group_rows(t, out, err);
}

/* Rewrite s in place (rows and starts) with the options: new rows never
 * outnumber the old, so the row array is reused. */
static int apply(trade_series_list *s, unsigned flags, trade_error *err)
{
    const trade_table *t = s->t;
    size_t ntotal = s->count ? s->starts[s->count] : 0;
    size_t *keep = malloc((ntotal + 1) * sizeof *keep);
    size_t *bykind = malloc((ntotal + 1) * sizeof *bykind);
    /* with kinds, a series becomes at most as many series as it has rows */
    size_t cap = (flags & TRADE_SERIES_BY_KIND) ? ntotal + 1 : s->count + 1;
    size_t *starts = malloc(cap * sizeof *starts);
    unsigned char *kinds = (flags & TRADE_SERIES_BY_KIND) ? malloc(cap) : NULL;
    int *months = (flags & TRADE_SERIES_BY_KIND) ? malloc(cap * sizeof *months) : NULL;
    if (!keep || !bykind || !starts || ((flags & TRADE_SERIES_BY_KIND) && (!kinds || !months))) {
        free(keep);
        free(bykind);
        free(starts);
        free(kinds);
        free(months);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t w = 0, ns = 0; /* rows written, series written */
    for (size_t i = 0; i < s->count; i++) {
        size_t n0 = s->starts[i + 1] - s->starts[i];
        const size_t *rows = s->rows + s->starts[i];
        if ((flags & TRADE_SERIES_LEVELS) &&
            !trade_unit_is_level(trade_table_obs(t, rows[0])->unit))
            continue;
        size_t n = 0;
        for (size_t j = 0; j < n0; j++)
            if (!(flags & TRADE_SERIES_NO_PROJECTIONS) ||
                strcmp(trade_table_obs(t, rows[j])->qualifier, "projection"))
                keep[n++] = rows[j];
        if (flags & TRADE_SERIES_ONE_PER_PERIOD)
            n = trade_series_choose(t, keep, n, keep);
        if (n == 0)
            continue;
        if (!(flags & TRADE_SERIES_BY_KIND)) {
            starts[ns++] = w;
            memcpy(s->rows + w, keep, n * sizeof *keep);
            w += n;
            continue;
        }
        /* kinds in order of first appearance, each in period order */
        size_t k = 0;
        for (size_t a = 0; a < n; a++) {
            const trade_period *p = &trade_table_obs(t, keep[a])->period;
            size_t b = 0;
            while (b < a && !trade_period_same_kind(&trade_table_obs(t, keep[b])->period, p))
                b++;
            if (b < a)
                continue; /* kind already collected */
            kinds[ns] = (unsigned char)trade_period_kind_of(p);
            months[ns] = trade_period_months(p);
            starts[ns++] = w + k;
            for (size_t m = a; m < n; m++)
                if (trade_period_same_kind(&trade_table_obs(t, keep[m])->period, p))
                    bykind[k++] = keep[m];
        }
        memcpy(s->rows + w, bykind, k * sizeof *bykind);
        w += k;
    }
    starts[ns] = w;
    free(keep);
    free(bykind);
    free(s->starts);
    s->starts = starts;
    s->count = ns;
    s->kinds = kinds;
    s->months = months;
    return TRADE_OK;
}

int trade_series_build(const trade_table *t, unsigned flags, trade_series_list **out,
                       trade_error *err)
{
    trade_error_clear(err);
    if (!out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "series: NULL argument");
    int rc = Trade_series_group_rows(t, out, err);
    if (rc || !flags)
        return rc;
    if ((rc = apply(*out, flags, err))) {
        trade_series_list_free(*out);
        *out = NULL;
    }
    return rc;
}

int Trade_series_build_runs(const trade_table *t, const size_t *run, unsigned flags,
                            trade_series_list **out, trade_error *err)
{
    trade_error_clear(err);
    if (!out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "series: NULL argument");
    int rc = Trade_series_group_runs(t, run, out, err);
    if (rc || !flags)
        return rc;
    if ((rc = apply(*out, flags, err))) {
        trade_series_list_free(*out);
        *out = NULL;
    }
    return rc;
}

const char *trade_series_qualifier(const trade_table *t, const size_t *rows, size_t n)
{
    static const char *const order[] = {"projection", "estimate", "approx", "derived"};
    if (n == 0)
        return "";
    const char *q = trade_table_obs(t, rows[0])->qualifier;
    int same = 1, seen[4] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *qi = trade_table_obs(t, rows[i])->qualifier;
        same = same && !strcmp(qi, q);
        for (size_t k = 0; k < 4; k++)
            seen[k] |= !strcmp(qi, order[k]);
    }
    if (same)
        return q;
    for (size_t k = 0; k < 4; k++)
        if (seen[k])
            return order[k];
    return "estimate"; /* bounds mixed with exact figures: a bound of what? */
}
