/* rates.h - exchange-rate tables and the conversion of money rows.
 *
 * A rate table is any CSV (read with trade_read_options.generic set) with the
 * columns period, from, to and rate: one unit of `from` buys `rate` units of
 * `to` in `period`. trade_rates_new checks the whole table once, so that the
 * rate used for a row never depends on the order of the table's rows:
 * both currencies must be ISO 4217 codes and differ, a pair and period may
 * be stated twice only with the same rate (periods are the same when they
 * cover the same months, trade_period_equal: 2012 is 2012-01/2012-12), and a
 * pair stated both ways for
 * one period must be inverse within the rounding of the written rates.
 *
 * The rates refer to the table's cells: the table must outlive them. */
#ifndef TRADE_RATES_H
#define TRADE_RATES_H

#include <stddef.h>

#include "error.h"
#include "period.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_rates trade_rates;

/* Build *out from t. Returns 0, TRADE_ENOMEM, or TRADE_EDATA with err
 * located at the cell (FILE:LINE:COLUMN) for: a missing column; a bad
 * period; a rate that is not a positive plain decimal; a code that is not an
 * ISO 4217 currency ("unknown currency"); a row from a currency to itself;
 * a second rate for the same pair and period that differs from the first
 * (located at the later row's rate, naming the earlier line); a rate whose
 * inverse row for the same period is not its inverse within rounding (the
 * intervals rate -/+ half its last written digit and 1 / (inverse -/+ half
 * its digit) are disjoint; located at the later row's rate). *out is NULL
 * on failure. Free with trade_rates_free. */
TRADE_API int trade_rates_new(const trade_table *t, trade_rates **out, trade_error *err);

/* Free r. NULL does nothing. */
TRADE_API void trade_rates_free(trade_rates *r);

/* The rate that converts an amount in currency `from` in period p into
 * currency `to`: a row from -> to for exactly p, else the row to -> from for
 * p inverted (1 / rate), else the same two for the calendar year that holds
 * the whole of p (a 2012-01/2012-10 figure takes the 2012 rate). Returns 0
 * with *rate and *used (the rate row's period; may be NULL), or
 * TRADE_ENOTFOUND with err saying which rate is missing (no place: the
 * caller knows the row); TRADE_EARG for a NULL argument. O(log n). */
TRADE_API int trade_rates_find(const trade_rates *r, const char *from, const char *to,
                               const trade_period *p, double *rate, trade_period *used,
                               trade_error *err);

/* The conversion of one row of an observation table. */
typedef struct trade_conversion {
    int converted;       /* 1: a money row in another currency, converted */
    double value;        /* the value in the target currency (converted only) */
    double precision;    /* the precision in the target currency; 0 when the row had none */
    double rate;         /* units of the target per unit of the row's currency */
    trade_period period; /* the rate row's period */
} trade_conversion;

/* Convert every row of t (an observation table) whose unit is a currency
 * other than `to` into `to`: out[row] (caller-owned, trade_table_rows(t)
 * entries) gets the converted value and precision and the rate used; rows
 * in `to` or in other units get converted = 0. All rows are converted or
 * none: returns 0; TRADE_EARG when `to` is not an ISO 4217 code or t was
 * read with generic set; TRADE_EDATA located at the row's period cell when
 * no rate is found, or at its value (precision) cell when the converted
 * value overflows or a non-zero value (a precision) underflows to zero,
 * which the format could not state. */
TRADE_API int trade_rates_convert(const trade_rates *r, const trade_table *t, const char *to,
                                  trade_conversion *out, trade_error *err);

/* The names of the columns trade convert appends to the input's: "rate"
 * and "rate_period"; *n gets 2, numeric (may be NULL) whether each holds
 * numbers. Static storage. */
TRADE_API const char *const *trade_rates_columns(size_t *n, const unsigned char **numeric);

#ifdef __cplusplus
}
#endif
#endif
