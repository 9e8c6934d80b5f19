/* stats_rates.c - exchange-rate tables for trade convert: the rows of a
 * generic table checked once, sorted by (from, to, period) and found by
 * binary search. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/number.h"
#include "trade/stats.h"

typedef struct rate_row {
    const char *from, *to;
    trade_period period;
    double rate;
} rate_row;

struct trade_stats_rates {
    rate_row *rows;
    size_t n;
};

static int period_cmp(const trade_period *a, const trade_period *b)
{
    int c = trade_period_compare(a, b);
    if (c)
        return c;
    if (a->start_unit != b->start_unit)
        return a->start_unit < b->start_unit ? -1 : 1;
    if (a->end_unit != b->end_unit)
        return a->end_unit < b->end_unit ? -1 : 1;
    return a->interval - b->interval;
}

static int key_cmp(const rate_row *x, const char *from, const char *to, const trade_period *p)
{
    int c;
    if ((c = strcmp(x->from, from)) || (c = strcmp(x->to, to)))
        return c;
    return period_cmp(&x->period, p);
}

static int row_cmp(const void *pa, const void *pb)
{
    const rate_row *a = pa, *b = pb;
    return key_cmp(a, b->from, b->to, &b->period);
}

void trade_stats_rates_free(trade_stats_rates *r)
{
    if (!r)
        return;
    free(r->rows);
    free(r);
}

int trade_stats_rates_new(const trade_table *t, trade_stats_rates **out, trade_error *err)
{
    static const char *const need[] = {"period", "from", "to", "rate"};
    trade_error_clear(err);
    *out = NULL;
    long col[4];
    for (int i = 0; i < 4; i++)
        if ((col[i] = trade_table_col_index(t, need[i])) < 0) {
            const char *file = NULL;
            unsigned long line = 0, column = 0;
            if (trade_table_rows(t))
                trade_table_cell_position(t, 0, 0, &file, &line, &column);
            return trade_error_set(err, TRADE_EDATA, file, line ? line - 1 : 0, line ? 1 : 0,
                                   "rate table: no column '%s' (needs period, from, to, rate)",
                                   need[i]);
        }
    size_t n = trade_table_rows(t);
    trade_stats_rates *r = calloc(1, sizeof *r);
    if (!r || n > SIZE_MAX / sizeof *r->rows - 1 ||
        !(r->rows = malloc((n + 1) * sizeof *r->rows))) {
        trade_stats_rates_free(r);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        rate_row *rr = &r->rows[i];
        const char *p = trade_table_cell(t, i, (size_t)col[0]);
        const char *v = trade_table_cell(t, i, (size_t)col[3]);
        const char *file;
        unsigned long line, column;
        trade_error e;
        if (trade_period_parse(p, strlen(p), &rr->period, &e)) {
            trade_table_cell_position(t, i, (size_t)col[0], &file, &line, &column);
            trade_stats_rates_free(r);
            return trade_error_set(err, TRADE_EDATA, file, line, column, "period: %s", e.message);
        }
        if (trade_number_parse(v, strlen(v), &rr->rate) || !(rr->rate > 0)) {
            trade_table_cell_position(t, i, (size_t)col[3], &file, &line, &column);
            trade_stats_rates_free(r);
            return trade_error_set(err, TRADE_EDATA, file, line, column,
                                   "rate: '%.40s' is not a positive plain number", v);
        }
        rr->from = trade_table_cell(t, i, (size_t)col[1]);
        rr->to = trade_table_cell(t, i, (size_t)col[2]);
    }
    r->n = n;
    qsort(r->rows, n, sizeof *r->rows, row_cmp);
    *out = r;
    return TRADE_OK;
}

/* The first row with this key, or NULL. */
static const rate_row *lookup(const trade_stats_rates *r, const char *from, const char *to,
                              const trade_period *p)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(&r->rows[mid], from, to, p) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->n && !key_cmp(&r->rows[lo], from, to, p) ? &r->rows[lo] : NULL;
}

int trade_stats_rates_find(const trade_stats_rates *r, const char *from, const char *to,
                           const trade_period *p, double *rate, trade_period *used,
                           trade_error *err)
{
    trade_error_clear(err);
    if (!r || !from || !to || !p || !rate)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rates: NULL argument");
    trade_period year = {0};
    int y0 = p->first_month / 12, y1 = p->last_month / 12;
    year.first_month = y0 * 12;
    year.last_month = y0 * 12 + 11;
    year.start_unit = year.end_unit = TRADE_PERIOD_YEAR;
    for (int pass = 0; pass < 2; pass++) {
        const trade_period *want = pass == 0 ? p : &year;
        if (pass == 1 && y0 != y1)
            break;
        const rate_row *rr = lookup(r, from, to, want);
        if (rr) {
            *rate = rr->rate;
        } else if ((rr = lookup(r, to, from, want))) {
            *rate = 1.0 / rr->rate;
        } else {
            continue;
        }
        if (used)
            *used = rr->period;
        return TRADE_OK;
    }
    char pb[TRADE_PERIOD_BUFSIZE];
    trade_period_format(p, pb, sizeof pb);
    return trade_error_set(err, TRADE_ENOTFOUND, NULL, 0, 0, "no %s to %s rate for period %s", from,
                           to, pb);
}
