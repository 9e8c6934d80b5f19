/* table.h - observation tables: reading observation CSV with every check of
 * the format, and grouping rows into series.
 *
 * A trade_table holds the rows of one or more files as text cells (so unknown
 * columns are carried through unchanged) plus the parsed observation of each
 * row. Reading goes through libcsv; positions are physical lines (a quoted
 * newline advances the line) and byte columns, 1-based.
 *
 * Reading a second file into the same table merges columns by name: a column
 * new to the table is appended, and rows that lack it read it as "". */
#ifndef TRADE_TABLE_H
#define TRADE_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "period.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_table trade_table;

/* One observation. Strings point into the table and live as long as it;
 * an absent optional column reads as "". */
typedef struct trade_obs {
    const char *reporter;
    const char *partner;
    const char *flow;
    trade_period period; /* TRADE_PERIOD_NONE when empty (drafts only) */
    double value;
    const char *unit;
    double precision; /* 0 when absent */
    const char *qualifier;
    const char *source;
    const char *locator;
    const char *product;
    const char *note;
    const char *label;
    const char *measure; /* "" (a level), level, growth, change, share, rank, count */
    const char *file;   /* the file the row came from, as named to the reader */
    unsigned long line; /* physical line where the row starts */
} trade_obs;

/* Called for each problem found while reading (validate wants them all).
 * Return 0 to go on looking for problems, non-zero to stop at this one. */
typedef int (*trade_problem_fn)(void *ctx, const trade_error *problem);

/* Called now and then while a file is read (for a progress bar): the file's
 * name and the bytes read of its size. Only for regular files (the size is
 * known); called from the reading thread. */
typedef void (*trade_read_progress_fn)(void *ctx, const char *name, unsigned long long done,
                                       unsigned long long total);

typedef struct trade_read_options {
    int draft;                   /* allow empty reporter, partner, flow, period */
    int generic;                 /* any CSV: only the CSV-level checks (quotes,
                                    field counts, UTF-8, NUL, field length, unique
                                    names, at least one row); no observation
                                    columns required, trade_table_obs returns NULL */
    size_t max_field_bytes;      /* 0: the default, TRADE_MAX_FIELD_DEFAULT */
    trade_problem_fn on_problem; /* NULL: stop at the first problem */
    void *ctx;                   /* passed to on_problem */
    trade_read_progress_fn progress; /* NULL: none */
    void *progress_ctx;
} trade_read_options;

#define TRADE_READ_GENERIC 1
#define TRADE_READ_AUTO 2

#define TRADE_MAX_FIELD_DEFAULT ((size_t)1 << 20)

/* A new empty table; NULL when out of memory. Free with trade_table_free. */
TRADE_API trade_table *trade_table_new(void);
TRADE_API void trade_table_free(trade_table *t);

/* Read observation CSV from path ("-" is stdin) and append its rows to t.
 * opt may be NULL. Returns 0; TRADE_EIO if the file cannot be read;
 * TRADE_ECSV, TRADE_EDATA or TRADE_ELIMIT for bad content, with err located
 * at the first problem (every problem went to opt->on_problem). On failure
 * the rows of this file are not added. A regular file of 4 MiB or more is
 * read on two threads; the result, the problems and their order are those
 * of one thread, and on_problem is only called from the calling thread. */
TRADE_API int trade_table_read_file(trade_table *t, const char *path, const trade_read_options *opt,
                                    trade_error *err);

/* As trade_table_read_file, from an open stream named name in messages. */
TRADE_API int trade_table_read_stream(trade_table *t, FILE *fp, const char *name,
                                      const trade_read_options *opt, trade_error *err);

/* As trade_table_read_file, from memory. */
TRADE_API int trade_table_read_buffer(trade_table *t, const char *data, size_t len,
                                      const char *name, const trade_read_options *opt,
                                      trade_error *err);

/* Check the rows read so far for conflicting duplicates: rows with the same
 * reporter, partner, flow, period, unit, product, qualifier and source but
 * different values (rows with an empty reporter, partner, flow or period, as
 * drafts have, and rows read with generic set are not compared). Each conflict goes to on_problem
 * (may be NULL); returns 0 or TRADE_EDATA with err at the later row of the first conflict. */
TRADE_API int trade_table_check_duplicates(const trade_table *t, trade_problem_fn on_problem,
                                           void *ctx, trade_error *err);

TRADE_API size_t trade_table_rows(const trade_table *t);
TRADE_API size_t trade_table_cols(const trade_table *t);

/* The name of column col; NULL past the end. */
TRADE_API const char *trade_table_col_name(const trade_table *t, size_t col);

/* The physical line and byte column where a cell starts (0 if unknown). */
TRADE_API void trade_table_cell_position(const trade_table *t, size_t row, size_t col,
                                         const char **file, unsigned long *line,
                                         unsigned long *column);

/* The index of the column named name, or -1. */
TRADE_API long trade_table_col_index(const trade_table *t, const char *name);

/* The text of a cell; "" when the row's file lacked that column. */
TRADE_API const char *trade_table_cell(const trade_table *t, size_t row, size_t col);

/* The parsed observation of a row; NULL for rows read with generic set. */
TRADE_API const trade_obs *trade_table_obs(const trade_table *t, size_t row);

/* Keep only the rows for which keep[row] is non-zero (keep has one entry per
 * row), in order. Returns 0 or TRADE_ENOMEM. */
TRADE_API int trade_table_filter(trade_table *t, const unsigned char *keep, trade_error *err);

/* A table built in memory (a result table: the rows a report computes, to
 * be written, drawn or put in a workbook without a file in between). Its
 * rows are generic (trade_table_obs gives NULL), like rows read with
 * generic set. Add every column first, then the rows. */

/* Append a column named name (copied) to t, which must have no rows yet.
 * Returns 0; TRADE_EARG for an empty or repeated name or a table with rows;
 * TRADE_ENOMEM. */
TRADE_API int trade_table_add_column(trade_table *t, const char *name, trade_error *err);

/* Append a row of trade_table_cols(t) cells (copied; NULL is ""). Returns
 * 0, TRADE_ELIMIT (a row of more than 4 GiB) or TRADE_ENOMEM; t is
 * unchanged on failure. */
TRADE_API int trade_table_add_row(trade_table *t, const char *const *cells, trade_error *err);

#ifdef __cplusplus
}
#endif

/* The series of a table (grouping, one figure per period): series.h. */
#include "series.h"
#endif
