/* extract_flow_internal.h - what a figure is: its qualifier (about, over,
 * expected), growth or share for percentages, its measure and product. Not
 * part of the public API. */
#ifndef TRADE_EXTRACT_FLOW_INTERNAL_H
#define TRADE_EXTRACT_FLOW_INTERNAL_H

#include "extract_context_internal.h"
#include "extract_internal.h"

const char *extract_qualifier(const char *s, size_t n, size_t sent_a, size_t lo, size_t start,
                              size_t end);

/* Decide percent or percent_change (and the sign) for a percent figure. */
void extract_classify_percent(const char *s, size_t n, size_t sent_a, size_t lo, ex_raw *r);

/* The measure of a figure: level, growth (percent_change), share
 * (percent), change (pp, or an absolute change: "rose by $5 billion", "an
 * increase of", "€106 billion lower"; a fall is negative), rank or count. */
void extract_measure(const char *s, size_t n, size_t sent_a, size_t sent_b, ex_raw *r);

/* The goods named with a figure: "422,260 tons of cement", "Uzbek coal
 * imports", "EUR 62.2 million to health" (aid); "" when none. */
void extract_product(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r);

#endif
