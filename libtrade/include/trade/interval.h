/* interval.h - precision and interval arithmetic: the interval a written
 * figure stands for (from the precision of its last digit), sums and
 * growth rates of intervals, and the verdict of comparing two figures.
 * Used by the consistency check (check.h); plain doubles, no allocation.
 * An undefined bound is NAN. */
#ifndef TRADE_INTERVAL_H
#define TRADE_INTERVAL_H

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The closed interval a written figure stands for. */
typedef struct trade_interval {
    double low, high;
} trade_interval;

/* The precision of a written plain decimal: the unit of its last digit
 * ("40.15" -> 0.01, "71.5" -> 0.1); for an integer, the unit of its last
 * non-zero digit ("118000000" -> 1000000, "713800" -> 100, "0" -> 1). */
TRADE_API double trade_interval_written_precision(const char *text);

/* [value - precision / 2, value + precision / 2]. */
TRADE_API trade_interval trade_interval_from(double value, double precision);

/* Sum of intervals, and the interval of the growth in per cent from a to b
 * (100 * (b / a - 1)); a must lie above zero (else NAN bounds). */
TRADE_API trade_interval trade_interval_add(trade_interval a, trade_interval b);
TRADE_API trade_interval trade_interval_growth_pct(trade_interval a, trade_interval b);

typedef enum trade_verdict {
    TRADE_CONSISTENT = 0,      /* the second figure's point lies in the stated interval */
    TRADE_CONSISTENT_ROUNDING, /* only the intervals overlap */
    TRADE_INCONSISTENT,        /* the intervals are disjoint */
    TRADE_VERDICT_UNDEFINED    /* an interval is undefined (NAN) */
} trade_verdict;

/* Compare a stated figure (interval a) with a second figure: a computed one
 * or, for a figure stated twice, the more precise statement (point b_value,
 * interval b). *gap gets the distance between the intervals (0 when they
 * overlap, NAN when undefined). TRADE_CONSISTENT when b_value lies in a (the
 * stated figure is b correctly rounded), TRADE_CONSISTENT_ROUNDING when only
 * the intervals overlap, TRADE_INCONSISTENT when they are disjoint. */
TRADE_API trade_verdict trade_interval_compare(trade_interval a, double b_value, trade_interval b,
                                               double *gap);

/* "consistent", "consistent within rounding", "inconsistent" or "undefined". */
TRADE_API const char *trade_interval_verdict_name(trade_verdict v);

#ifdef __cplusplus
}
#endif
#endif
