/* table_internal.h - the located error of a table cell, shared by every
 * module that checks a table it did not read itself (complexity, deflate,
 * panel, rates). */
#ifndef TRADE_TABLE_INTERNAL_H
#define TRADE_TABLE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "trade/table.h"

/* Fill err with TRADE_EDATA and the printf-style message, located at cell
 * (row, col) of t: its file, line and column (trade_table_cell_position;
 * col < 0 means the row's first cell). Returns TRADE_EDATA. */
int Trade_table_cell_error(trade_error *err, const trade_table *t, size_t row, long col,
                           const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The same with a va_list. */
int Trade_table_cell_verror(trade_error *err, const trade_table *t, size_t row, long col,
                            const char *fmt, va_list ap);

#endif
