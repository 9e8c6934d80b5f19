/* writer_xlsx_internal.h - one Excel worksheet behind trade_writer
 * (--format xlsx), on libxlsxwriter. Internal: writer.c calls it.
 *
 * A sheet writes into the file named at open (the writer's temporary file)
 * when closed. A part (path NULL) keeps its rows in memory until appended to
 * a sheet. Numeric columns' cells that read as numbers are numbers; every
 * other cell is a string (never a formula); the header row is bold and
 * frozen. */
#ifndef TRADE_WRITER_XLSX_INTERNAL_H
#define TRADE_WRITER_XLSX_INTERNAL_H

#include <stddef.h>

#include "trade/error.h"

typedef struct xlsx_sheet xlsx_sheet;

int xlsx_sheet_open(xlsx_sheet **out, const char *path, trade_error *err);
int xlsx_sheet_header(xlsx_sheet *s, size_t ncols, char *const *names,
                      const unsigned char *numeric, trade_error *err);
int xlsx_sheet_row(xlsx_sheet *s, const char *const *cells, trade_error *err);
/* Write part's rows after s's, and free part. */
int xlsx_sheet_append(xlsx_sheet *s, xlsx_sheet *part, trade_error *err);
/* Write the workbook to its file (and fsync it); frees nothing. */
int xlsx_sheet_close(xlsx_sheet *s, trade_error *err);
void xlsx_sheet_free(xlsx_sheet *s);

#endif
