/* rates.c - exchange-rate tables: the rows of a generic table checked once
 * (currencies, conflicts, inverse pairs), sorted by (from, to, period, row)
 * and found by binary search; and the conversion of an observation table.
 *
 * Sorting on the row as the last key makes the order total, so equal keys
 * sit side by side in file order: a conflict is found by looking at the
 * neighbour, and reported at the later row whatever qsort does. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"
#include "trade/codes.h"
#include "trade/interval.h"
#include "trade/number.h"
#include "trade/rates.h"

typedef struct rate_row {
    const char *from, *to;
    trade_period period;
    double rate;
    double low, high; /* rate -/+ half its last written digit */
    size_t row;       /* in the table */
} rate_row;

struct trade_rates {
    const trade_table *t;
    rate_row *rows;
    size_t n;
    size_t col[4]; /* period, from, to, rate */
};

enum { C_PERIOD, C_FROM, C_TO, C_RATE };

static int key_cmp(const rate_row *x, const char *from, const char *to, const trade_period *p)
{
    int c;
    if ((c = strcmp(x->from, from)) || (c = strcmp(x->to, to)))
        return c;
    return trade_period_compare(&x->period, p);
}

static int row_cmp(const void *pa, const void *pb)
{
    const rate_row *a = pa, *b = pb;
    int c = key_cmp(a, b->from, b->to, &b->period);
    if (c)
        return c;
    return a->row < b->row ? -1 : a->row > b->row;
}

void trade_rates_free(trade_rates *r)
{
    if (!r)
        return;
    free(r->rows);
    free(r);
}

/* Fill err at cell (row, col) of r's table with "rate table: " and fmt. */
static int located(const trade_rates *r, size_t row, size_t col, trade_error *err, const char *fmt,
                   ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static int located(const trade_rates *r, size_t row, size_t col, trade_error *err, const char *fmt,
                   ...)
{
    char msg[TRADE_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return Trade_table_cell_error(err, r->t, row, (long)col, "rate table: %s", msg);
}

/* The line of a row's rate cell. */
static unsigned long line_of(const trade_rates *r, size_t row)
{
    const char *file;
    unsigned long line, column;
    trade_table_cell_position(r->t, row, r->col[C_RATE], &file, &line, &column);
    return line;
}

/* The first row with this key, or NULL. */
static const rate_row *lookup(const trade_rates *r, const char *from, const char *to,
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

/* The conflicts among the sorted rows: for each row in file order, a row
 * before it with the same key and another rate, or an inverse row before it
 * that is not its inverse. Reports the first such row in file order. */
static int check_conflicts(trade_rates *r, trade_error *err)
{
    size_t n = r->n;
    const rate_row **by_row = malloc((n + 1) * sizeof *by_row);
    if (!by_row)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        by_row[r->rows[i].row] = &r->rows[i];
    int rc = TRADE_OK;
    char pb[TRADE_PERIOD_BUFSIZE];
    for (size_t k = 0; k < n && !rc; k++) {
        const rate_row *x = by_row[k];
        const char *cell = trade_table_cell(r->t, x->row, r->col[C_RATE]);
        trade_period_format(&x->period, pb, sizeof pb);
        const rate_row *first = lookup(r, x->from, x->to, &x->period);
        if (first != x && first->rate != x->rate) {
            rc = located(r, x->row, r->col[C_RATE], err,
                         "conflicting rates for %s to %s in %s: %s here, %s at line %lu", x->from,
                         x->to, pb, cell, trade_table_cell(r->t, first->row, r->col[C_RATE]),
                         line_of(r, first->row));
            break;
        }
        const rate_row *inv = lookup(r, x->to, x->from, &x->period);
        if (inv && inv->row < x->row) {
            /* consistent when [low, high] meets [1 / inv->high, 1 / inv->low] */
            double lo = 1.0 / inv->high, hi = inv->low > 0 ? 1.0 / inv->low : INFINITY;
            if (x->high < lo || x->low > hi)
                rc = located(r, x->row, r->col[C_RATE], err,
                             "inconsistent inverse rates for %s: %s to %s %s here, but line %lu "
                             "states %s to %s %s (its inverse is %.6g)",
                             pb, x->from, x->to, cell, line_of(r, inv->row), inv->from, inv->to,
                             trade_table_cell(r->t, inv->row, r->col[C_RATE]), 1.0 / inv->rate);
        }
    }
    free(by_row);
    return rc;
}

int trade_rates_new(const trade_table *t, trade_rates **out, trade_error *err)
{
    static const char *const need[] = {"period", "from", "to", "rate"};
    trade_error_clear(err);
    if (!out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rates: NULL argument");
    *out = NULL;
    if (!t)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rates: NULL argument");
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
    trade_rates *r = calloc(1, sizeof *r);
    if (!r || n > SIZE_MAX / sizeof *r->rows - 1 ||
        !(r->rows = malloc((n + 1) * sizeof *r->rows))) {
        trade_rates_free(r);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    r->t = t;
    for (int i = 0; i < 4; i++)
        r->col[i] = (size_t)col[i];
    int rc = TRADE_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        rate_row *rr = &r->rows[i];
        const char *p = trade_table_cell(t, i, r->col[C_PERIOD]);
        const char *v = trade_table_cell(t, i, r->col[C_RATE]);
        rr->from = trade_table_cell(t, i, r->col[C_FROM]);
        rr->to = trade_table_cell(t, i, r->col[C_TO]);
        rr->row = i;
        trade_error e;
        if (trade_period_parse(p, strlen(p), &rr->period, &e))
            rc = located(r, i, r->col[C_PERIOD], err, "period: %s", e.message);
        else if (!trade_unit_is_currency(rr->from))
            rc = located(r, i, r->col[C_FROM], err,
                         "unknown currency '%.40s' (an ISO 4217 code such as EUR)", rr->from);
        else if (!trade_unit_is_currency(rr->to))
            rc = located(r, i, r->col[C_TO], err,
                         "unknown currency '%.40s' (an ISO 4217 code such as EUR)", rr->to);
        else if (!strcmp(rr->from, rr->to))
            rc = located(r, i, r->col[C_TO], err,
                         "a rate from %s to itself (leave it out: no conversion is needed)",
                         rr->from);
        else if (trade_number_parse(v, strlen(v), &rr->rate) || !(rr->rate > 0))
            rc = located(r, i, r->col[C_RATE], err, "rate: '%.40s' is not a positive plain number",
                         v);
        else {
            double half = trade_interval_written_precision(v) / 2;
            rr->low = rr->rate - half;
            rr->high = rr->rate + half;
        }
    }
    if (rc) {
        trade_rates_free(r);
        return rc;
    }
    r->n = n;
    qsort(r->rows, n, sizeof *r->rows, row_cmp);
    if ((rc = check_conflicts(r, err))) {
        trade_rates_free(r);
        return rc;
    }
    *out = r;
    return TRADE_OK;
}

int trade_rates_find(const trade_rates *r, const char *from, const char *to, const trade_period *p,
                     double *rate, trade_period *used, trade_error *err)
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

/* Fill err at cell (row, column name) of an observation table. */
static int at_cell(const trade_table *t, size_t row, const char *name, trade_error *err,
                   const char *msg)
{
    long col = trade_table_col_index(t, name);
    if (col < 0)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "%s", msg);
    return Trade_table_cell_error(err, t, row, col, "%s", msg);
}

int trade_rates_convert(const trade_rates *r, const trade_table *t, const char *to,
                        trade_conversion *out, trade_error *err)
{
    trade_error_clear(err);
    if (!r || !t || !to || (!out && trade_table_rows(t)))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "convert: NULL argument");
    if (!trade_unit_is_currency(to))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "convert: '%s' is not an ISO 4217 currency code", to);
    size_t n = trade_table_rows(t);
    for (size_t row = 0; row < n; row++) {
        const trade_obs *ob = trade_table_obs(t, row);
        if (!ob)
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "convert: the table was read without observation checks");
        trade_conversion *c = &out[row];
        memset(c, 0, sizeof *c);
        if (!trade_unit_is_currency(ob->unit) || !strcmp(ob->unit, to))
            continue;
        trade_error e;
        if (trade_rates_find(r, ob->unit, to, &ob->period, &c->rate, &c->period, &e)) {
            const char *rfile = "";
            unsigned long l, cc;
            if (trade_table_rows(r->t))
                trade_table_cell_position(r->t, 0, 0, &rfile, &l, &cc);
            char msg[TRADE_ERROR_MESSAGE_MAX];
            snprintf(msg, sizeof msg, "%.300s in %.180s", e.message, rfile ? rfile : "");
            return at_cell(t, row, "period", err, msg);
        }
        c->value = ob->value * c->rate;
        if (!isfinite(c->value))
            return at_cell(t, row, "value", err, "converted value overflows");
        if (c->value == 0 && ob->value != 0)
            return at_cell(t, row, "value", err, "converted value underflows to 0");
        if (ob->precision > 0) {
            c->precision = ob->precision * c->rate;
            /* the format has no precision 0 (trade validate refuses it) */
            if (!isfinite(c->precision))
                return at_cell(t, row, "precision", err, "converted precision overflows");
            if (!(c->precision > 0))
                return at_cell(t, row, "precision", err,
                               "converted precision underflows to 0, which the format cannot "
                               "state");
        }
        c->converted = 1;
    }
    return TRADE_OK;
}

const char *const *trade_rates_columns(size_t *n, const unsigned char **numeric)
{
    static const char *const names[] = {"rate", "rate_period"};
    static const unsigned char num[] = {1, 0};
    if (n)
        *n = 2;
    if (numeric)
        *numeric = num;
    return names;
}
