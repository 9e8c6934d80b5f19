/* workbook.h - several tables in one Excel workbook (.xlsx), one sheet each.
 *
 * For a report's tables: trade_workbook_add_table writes every column of a
 * table as a sheet, the header row bold and frozen; cells of numeric columns
 * (trade_column_is_numeric) that read as numbers are Excel numbers, all
 * other cells strings, so no cell can be a formula. The file is written to
 * a temporary file beside path and renamed over it by trade_workbook_commit
 * only, so a failure leaves an existing file as it was. Uses libxlsxwriter;
 * its types do not appear here. */
#ifndef TRADE_WORKBOOK_H
#define TRADE_WORKBOOK_H

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_workbook trade_workbook;

/* Start a workbook that will be written to path. *out is NULL on failure
 * (TRADE_EIO naming the file, TRADE_ENOMEM). */
TRADE_API int trade_workbook_open(trade_workbook **out, const char *path, trade_error *err);

/* Add t as a sheet named sheet (at most 31 characters, none of []:*?/\ ;
 * longer names are cut, those characters become '_'; a name used twice gets
 * " (2)"). Excel holds at most 1,048,575 rows under the header: more is
 * TRADE_EDATA. Returns 0, TRADE_EDATA, TRADE_ENOMEM or TRADE_EIO. */
TRADE_API int trade_workbook_add_table(trade_workbook *wb, const char *sheet, const trade_table *t,
                                       trade_error *err);

/* Or sheet by sheet: a sheet with a header of ncols names (numeric columns
 * by trade_column_is_numeric), then its rows of ncols cells (NULL or "" is
 * an empty cell), each after the last. Same names rule and errors as above. */
TRADE_API int trade_workbook_add_sheet(trade_workbook *wb, const char *sheet, size_t ncols,
                                       const char *const *names, trade_error *err);
TRADE_API int trade_workbook_row(trade_workbook *wb, const char *const *cells, trade_error *err);

/* Write the file and rename it into place; frees wb in every case. Returns
 * 0 or TRADE_EIO. */
TRADE_API int trade_workbook_commit(trade_workbook *wb, trade_error *err);

/* Give up: no file is written or changed; frees wb (NULL is fine). */
TRADE_API void trade_workbook_discard(trade_workbook *wb);

#ifdef __cplusplus
}
#endif
#endif
