/* deflate.c - deflator tables: rows checked once, sorted by (key, period),
 * found by binary search (exact period, then the calendar year). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"
#include "trade/codes.h"
#include "trade/deflate.h"
#include "trade/number.h"

typedef struct defl_row {
    const char *key;
    trade_period period;
    double index;
    size_t row;
} defl_row;

struct trade_deflators {
    defl_row *rows;
    size_t n;
    int by_reporter;
};

static int row_cmp(const void *pa, const void *pb)
{
    const defl_row *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if ((c = trade_period_order(&a->period, &b->period)))
        return c;
    return a->row < b->row ? -1 : a->row > b->row;
}

void trade_deflators_free(trade_deflators *d)
{
    if (!d)
        return;
    free(d->rows);
    free(d);
}

int trade_deflators_by_reporter(const trade_deflators *d)
{
    return d->by_reporter;
}

int trade_deflators_new(const trade_table *t, trade_deflators **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    long cp = trade_table_col_index(t, "period"), ci = trade_table_col_index(t, "index"),
         cc = trade_table_col_index(t, "currency"), cr = trade_table_col_index(t, "reporter");
    if (cp < 0 || ci < 0)
        return Trade_table_cell_error(err, t, 0, 0,
                                      "deflator table: no %s column (it needs period, index and "
                                      "currency or reporter)",
                                      cp < 0 ? "period" : "index");
    if ((cc < 0) == (cr < 0))
        return Trade_table_cell_error(
            err, t, 0, 0, "deflator table: %s (one key column: currency or reporter)",
            cc < 0 ? "no currency or reporter column" : "both currency and reporter");
    long ck = cc >= 0 ? cc : cr;
    size_t n = trade_table_rows(t);
    trade_deflators *d = calloc(1, sizeof *d);
    if (!d || !(d->rows = malloc((n + 1) * sizeof *d->rows))) {
        free(d);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    d->by_reporter = cr >= 0;
    for (size_t r = 0; r < n; r++) {
        defl_row *x = &d->rows[r];
        x->key = trade_table_cell(t, r, (size_t)ck);
        x->row = r;
        if (!x->key[0]) {
            trade_deflators_free(d);
            return Trade_table_cell_error(err, t, r, ck, "deflator table: empty %s",
                                          cc >= 0 ? "currency" : "reporter");
        }
        const char *ps = trade_table_cell(t, r, (size_t)cp);
        trade_error pe;
        if (trade_period_parse(ps, strlen(ps), &x->period, &pe)) {
            trade_deflators_free(d);
            return Trade_table_cell_error(err, t, r, cp, "deflator table: bad period '%s'", ps);
        }
        const char *is = trade_table_cell(t, r, (size_t)ci);
        if (trade_number_parse(is, strlen(is), &x->index) || !(x->index > 0)) {
            trade_deflators_free(d);
            return Trade_table_cell_error(
                err, t, r, ci, "deflator table: index '%s' is not a plain number above 0", is);
        }
    }
    qsort(d->rows, n, sizeof *d->rows, row_cmp);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(d->rows[i].key, d->rows[i - 1].key) &&
            !trade_period_order(&d->rows[i].period, &d->rows[i - 1].period)) {
            char msg[200];
            const char *file = NULL;
            unsigned long line0 = 0, col = 0;
            trade_table_cell_position(t, d->rows[i - 1].row, (size_t)cp, &file, &line0, &col);
            char ps[TRADE_PERIOD_BUFSIZE];
            trade_period_format(&d->rows[i].period, ps, sizeof ps);
            snprintf(msg, sizeof msg,
                     "deflator table: a second index for %s in %s (first on line "
                     "%lu)",
                     d->rows[i].key, ps, line0);
            size_t later = d->rows[i].row;
            trade_deflators_free(d);
            return Trade_table_cell_error(err, t, later, cp, "%s", msg);
        }
    d->n = n;
    *out = d;
    return 0;
}

/* The row for key and exactly p, or NULL; *lo gets the insertion point. */
static const defl_row *find(const trade_deflators *d, const char *key, const trade_period *p,
                            size_t *lo_out)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(d->rows[mid].key, key);
        if (!c)
            c = trade_period_order(&d->rows[mid].period, p);
        if (!c)
            return &d->rows[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo_out)
        *lo_out = lo;
    return NULL;
}

static trade_period year_period(int y)
{
    trade_period p = {y * 12, y * 12 + 11, TRADE_PERIOD_YEAR, TRADE_PERIOD_YEAR, 0};
    return p;
}

/* The index for key in p: exact, else the calendar year holding p. */
static const defl_row *lookup(const trade_deflators *d, const char *key, const trade_period *p,
                              char *why, size_t whysize)
{
    const defl_row *r = find(d, key, p, NULL);
    if (r)
        return r;
    char ps[TRADE_PERIOD_BUFSIZE];
    trade_period_format(p, ps, sizeof ps);
    int y0 = p->first_month / 12, y1 = p->last_month / 12;
    if (y0 != y1) {
        snprintf(why, whysize, "no deflator for %s in %s (it spans several years)", key, ps);
        return NULL;
    }
    trade_period yp = year_period(y0);
    size_t at = 0;
    if ((r = find(d, key, &yp, &at)))
        return r;
    /* say whether it is a gap: rows of this key before and after */
    const defl_row *before = at > 0 && !strcmp(d->rows[at - 1].key, key) ? &d->rows[at - 1] : NULL;
    const defl_row *after = at < d->n && !strcmp(d->rows[at].key, key) ? &d->rows[at] : NULL;
    if (before && after) {
        char b[TRADE_PERIOD_BUFSIZE], a[TRADE_PERIOD_BUFSIZE];
        trade_period_format(&before->period, b, sizeof b);
        trade_period_format(&after->period, a, sizeof a);
        snprintf(why, whysize, "no deflator for %s in %s (a gap in the table between %s and %s)",
                 key, ps, b, a);
    } else if (!before && !after)
        snprintf(why, whysize, "no deflator for %s at all", key);
    else
        snprintf(why, whysize, "no deflator for %s in %s (outside the table)", key, ps);
    return NULL;
}

int trade_deflate_factor(const trade_deflators *d, const char *key, const trade_period *p,
                         int base_year, trade_deflate_result *out)
{
    if (!d || !key || !p || !out)
        return TRADE_EARG;
    out->value = out->factor = out->index = out->base_index = NAN;
    out->status[0] = '\0';
    trade_period bp = year_period(base_year);
    const defl_row *b = lookup(d, key, &bp, out->status + 11, sizeof out->status - 11);
    if (!b) {
        memcpy(out->status, "base year: ", 11);
        return 0;
    }
    out->base_index = b->index;
    const defl_row *r = lookup(d, key, p, out->status, sizeof out->status);
    if (!r)
        return 0;
    out->index = r->index;
    out->factor = b->index / r->index;
    return 0;
}

int trade_deflate_obs(const trade_deflators *d, const trade_obs *o, int base_year,
                      trade_deflate_result *out)
{
    if (!trade_unit_is_currency(o->unit)) {
        out->value = o->value;
        out->factor = out->index = out->base_index = NAN;
        snprintf(out->status, sizeof out->status, "not money: not deflated");
        return 0;
    }
    trade_deflate_factor(d, d->by_reporter ? o->reporter : o->unit, &o->period, base_year, out);
    out->value = o->value * out->factor;
    return 1;
}
