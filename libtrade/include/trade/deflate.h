/* deflate.h - constant prices: money values divided by a price index
 * (a deflator) and scaled to a base year.
 *
 *   constant value = current value x index(key, base year) / index(key, period)
 *
 * A deflator table is CSV with the columns period, index and one key
 * column: currency (the observation's unit: the index applies to every
 * value in that currency, e.g. a US GDP deflator for USD) or reporter (a
 * national deflator per reporter). The index of a period is the row for
 * exactly that period, else the row of the calendar year that holds the
 * whole period (a 2012-Q3 value takes the 2012 index); a period that spans
 * several calendar years without a row of its own has none. Missing
 * indexes are never skipped silently: the value is undefined (NAN) with a
 * status naming the key and the period and, for a gap, the years around it. */
#ifndef TRADE_DEFLATE_H
#define TRADE_DEFLATE_H

#include <stddef.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_deflators trade_deflators;

/* Build *out from t (read with generic set; t must outlive it). Returns 0;
 * TRADE_EDATA located at the cell for a missing period or index column, no
 * currency or reporter column (or both), a bad period, an index that is not
 * a plain number above 0, or a second row for the same key and period;
 * TRADE_ENOMEM. */
TRADE_API int trade_deflators_new(const trade_table *t, trade_deflators **out, trade_error *err);
TRADE_API void trade_deflators_free(trade_deflators *d);

/* 1 when the table is keyed by reporter, 0 by currency. */
TRADE_API int trade_deflators_by_reporter(const trade_deflators *d);

typedef struct trade_deflate_result {
    double value;      /* the constant value (trade_deflate_obs); NAN when undefined */
    double factor;     /* index(base) / index(period); NAN when undefined */
    double index;      /* index(period); NAN when missing */
    double base_index; /* index(base year); NAN when missing */
    char status[160];  /* "" or why factor is undefined */
} trade_deflate_result;

/* The factor for a value of key (currency or reporter) in period p, at
 * prices of base_year. Always returns 0 (TRADE_EARG for NULL pointers);
 * an undefined factor is NAN with a status. */
TRADE_API int trade_deflate_factor(const trade_deflators *d, const char *key, const trade_period *p,
                                   int base_year, trade_deflate_result *out);

/* The constant value of observation o: for a money unit (a currency),
 * value = o->value x factor with the key o->unit or o->reporter (as the
 * table is keyed); returns 1 with out filled (value NAN and a status when
 * the factor is undefined). For any other unit returns 0 and out->value =
 * o->value with the status "not money: not deflated". */
TRADE_API int trade_deflate_obs(const trade_deflators *d, const trade_obs *o, int base_year,
                                trade_deflate_result *out);

#ifdef __cplusplus
}
#endif
#endif
