/* period.h - observation periods: years, quarters, months and intervals.
 *
 * Written forms: "YYYY", "YYYY-MM", "YYYY-Qn", and an ISO 8601 interval
 * "START/END" of those ("2012-01/2012-10": the first ten months of 2012;
 * "2010/2012": the three years 2010 to 2012). A period is held as the first
 * and last month it covers, counted as year * 12 + (month - 1). */
#ifndef TRADE_PERIOD_H
#define TRADE_PERIOD_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_period_unit {
    TRADE_PERIOD_NONE = 0, /* no period (an empty cell in a draft) */
    TRADE_PERIOD_YEAR,
    TRADE_PERIOD_QUARTER,
    TRADE_PERIOD_MONTH
} trade_period_unit;

typedef struct trade_period {
    int first_month;          /* first month covered: year * 12 + month - 1 */
    int last_month;           /* last month covered, inclusive */
    unsigned char start_unit; /* trade_period_unit of the start as written */
    unsigned char end_unit;   /* of the end; equal to start_unit unless interval */
    unsigned char interval;   /* 1 when written as START/END */
} trade_period;

/* Longest formatted period, with its terminating NUL. */
#define TRADE_PERIOD_BUFSIZE 32

/* Parse s[0..len) into *out. Returns 0, or TRADE_EDATA with err->message
 * saying what is wrong and err->column the 1-based offset in s (err->file
 * and err->line are left empty for the caller to fill). */
TRADE_API int trade_period_parse(const char *s, size_t len, trade_period *out, trade_error *err);

/* Write p in its written form ("2012-01/2012-10"). Returns the length, or 0
 * (buf = "") if p is TRADE_PERIOD_NONE or buf is smaller than needed. */
TRADE_API size_t trade_period_format(const trade_period *p, char *buf, size_t size);

/* Order by first month, then by last month: <0, 0, >0. */
TRADE_API int trade_period_compare(const trade_period *a, const trade_period *b);

/* A total order of periods as written: trade_period_compare, then by the
 * unit of the start and of the end as written, then plain before interval,
 * so 2012, 2012-01/2012-12 and 2012-Q1/2012-Q4 are ordered and told apart
 * (sort keys of tables keyed by period: deflators, populations, panels). */
TRADE_API int trade_period_order(const trade_period *a, const trade_period *b);

/* Number of months covered (12 for a year, 10 for 2012-01/2012-10). */
TRADE_API int trade_period_months(const trade_period *p);

/* 1 when a and b cover the same months, whatever the spelling: "2012",
 * "2012-01/2012-12" and "2012-Q1/2012-Q4" are one period. This is the one
 * test of "same period" in libtrade (series, growth, compare, check). Two
 * TRADE_PERIOD_NONE periods are equal; NONE never equals a real period. */
TRADE_API int trade_period_equal(const trade_period *a, const trade_period *b);

/* Kinds of period, by the months covered (not by how they are written). */
typedef enum trade_period_kind {
    TRADE_PERIOD_KIND_NONE = 0, /* no period */
    TRADE_PERIOD_KIND_YEAR,     /* one calendar year: 2012, 2012-01/2012-12 */
    TRADE_PERIOD_KIND_QUARTER,  /* one calendar quarter: 2012-Q2, 2012-04/2012-06 */
    TRADE_PERIOD_KIND_MONTH,    /* one month: 2012-03 */
    TRADE_PERIOD_KIND_PARTIAL,  /* any other span: 2012-01/2012-10, 2011-07/2012-06 */
    TRADE_PERIOD_KIND_MULTI_YEAR /* two or more whole calendar years: 2010/2012 */
} trade_period_kind;

/* The kind of p. */
TRADE_API trade_period_kind trade_period_kind_of(const trade_period *p);

/* "year", "quarter", "month", "partial", "multi-year" or "" (none). Static. */
TRADE_API const char *trade_period_kind_name(trade_period_kind kind);

/* 1 when a and b are the same kind of period, so that comparing them (a
 * growth rate, an index, one kind of a split series) is fair: the same
 * trade_period_kind and the same number of months (ten-month spans with
 * ten-month spans, three-year spans with three-year spans). 0 when either
 * is TRADE_PERIOD_NONE. */
TRADE_API int trade_period_same_kind(const trade_period *a, const trade_period *b);

/* The start of p in decimal years (2012-Q2 -> 2012.25). */
TRADE_API double trade_period_start_years(const trade_period *p);

/* The middle of p in decimal years (2011 -> 2011.5, 2012-01/2012-10 -> 2012.4167). */
TRADE_API double trade_period_mid_years(const trade_period *p);

/* Years from the start of a to the start of b (2002 -> 2011: 9). */
TRADE_API double trade_period_years_between(const trade_period *a, const trade_period *b);

#ifdef __cplusplus
}
#endif
#endif
