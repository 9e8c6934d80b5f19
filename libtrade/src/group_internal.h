/* group_internal.h - the wording of "no such column" shared by the group
 * and rank modules (one message, with the list of the table's columns). */
#ifndef TRADE_GROUP_INTERNAL_H
#define TRADE_GROUP_INTERNAL_H

#include "trade/error.h"
#include "trade/table.h"

/* Fill err with TRADE_EARG: no column `name` in the input, listing t's
 * columns (cut with "..." when long). Returns TRADE_EARG. */
int Trade_column_absent(const trade_table *t, const char *name, trade_error *err);

#endif
