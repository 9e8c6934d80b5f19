/* group.h - group keys: which rows of a table are compared with each other
 * in a ranking, a share or a concentration index.
 *
 * A group is the set of rows that agree on the group columns. The default
 * columns are reporter, flow, period, unit and product: product is part of
 * every default key, as it is of the series key, so a total and its parts
 * are never members of one group. In a table with observations the period
 * column compares periods with trade_period_equal (2012 and
 * 2012-01/2012-12 are one group) and an absent product column reads as ""
 * (the format's rule for optional columns); any other absent column is an
 * error that lists the table's columns. The index borrows the table. */
#ifndef TRADE_GROUP_H
#define TRADE_GROUP_H

#include <stddef.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_group_index trade_group_index;

/* The default group columns, comma-separated: "reporter,flow,period,unit,product". */
TRADE_API const char *trade_group_default_columns(void);

/* Group the rows of t by the comma-separated columns of spec (NULL: the
 * default). Returns 0; TRADE_EARG with err naming the absent column and
 * listing t's columns; TRADE_ELIMIT for more than 16 columns;
 * TRADE_ENOMEM. *out is NULL on failure. O(rows) expected (hashing). */
TRADE_API int trade_group_index_new(const trade_table *t, const char *spec,
                                    trade_group_index **out, trade_error *err);

/* Free an index; NULL does nothing. */
TRADE_API void trade_group_index_free(trade_group_index *g);

/* The group of row `row`: the index of the first row of its group (so two
 * rows are in one group exactly when their ids are equal). */
TRADE_API size_t trade_group_of(const trade_group_index *g, size_t row);

/* The number of distinct groups. */
TRADE_API size_t trade_group_count(const trade_group_index *g);

#ifdef __cplusplus
}
#endif
#endif
