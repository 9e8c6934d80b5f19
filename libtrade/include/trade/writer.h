/* writer.h - writing rows as CSV, TSV, JSON lines or an Excel sheet, to
 * stdout or atomically to a file.
 *
 * A file is written to a temporary file in the same folder and renamed over
 * the target only by trade_writer_commit, after fflush and fsync succeed, so
 * a failed run never truncates or half-writes an existing file. The target
 * is what the path names after following symbolic links (the file a link
 * points to is replaced, the link kept; the temporary file is made beside
 * that file, named ".trade-XXXXXX"). Devices, FIFOs and the links under
 * /dev and /proc that stand for an open file (/dev/stdout, /proc/self/fd/N)
 * are written in place, never renamed over. An existing file without write
 * permission (mode 0444, say) is not replaced, as cp without -f: an error,
 * even for root. An empty name is an error (TRADE_EARG). CSV goes
 * through libcsv's quoting. Unless raw, a text cell that begins with '=',
 * '+', '-', '@', tab or carriage return and is not a plain number gets a
 * leading "'" so that spreadsheets do not read it as a formula. */
#ifndef TRADE_WRITER_H
#define TRADE_WRITER_H

#include <pthread.h>
#include <stddef.h>

#include "columns.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_format {
    TRADE_FORMAT_CSV = 0,
    TRADE_FORMAT_TSV,
    TRADE_FORMAT_JSONL,
    TRADE_FORMAT_XLSX /* Excel workbook of one sheet: to a file only (-o), numbers as
                         numbers, text as text (never a formula), header frozen */
} trade_format;

typedef struct trade_write_options {
    trade_format format;
    int raw;    /* 1: no spreadsheet neutralising */
    int digits; /* 0: numbers as given (the shortest text that reads back the
                   same); 1 to 17: cells of numeric columns that read as numbers
                   rounded to that many significant digits, written plain
                   (119091910 at 4: 119100000; 19.0919 at 4: 19.09) */
} trade_write_options;

typedef struct trade_writer trade_writer;

/* Remove every temporary file the library is writing at this moment (the
 * -o outputs being written, the images being rendered by trade_plot_render)
 * and the temporary folders that hold them. Async-signal-safe: meant for a
 * SIGINT, SIGTERM or SIGHUP handler, which then restores the default action
 * and raises the signal again. The writers themselves are left as they are;
 * nothing may be written after this call. */
TRADE_API void trade_writer_cleanup(void);

/* pthread_create with SIGINT, SIGTERM, SIGHUP and SIGQUIT blocked in the
 * new thread, so those signals reach the calling (main) thread, whose
 * handler cannot then run between making a temporary name and registering
 * it (a handler on a worker thread could, and left the temporary file for
 * trade_writer_cleanup not to know). Every thread the library starts is
 * started by this, and a program that installs such a handler and writes
 * from several threads should start its threads with it too. Returns
 * pthread_create's result. */
TRADE_API int trade_writer_thread_create(pthread_t *th, void *(*fn)(void *), void *arg);

/* Parse "csv", "tsv", "jsonl" or "xlsx". Returns 0 or TRADE_EARG. */
TRADE_API int trade_format_parse(const char *name, trade_format *out);

/* trade_column and trade_column_is_numeric: columns.h. */

/* Open a writer on path; NULL or "-" is stdout (nothing to rename). opt may
 * be NULL (CSV, neutralising on). *out is NULL on failure (TRADE_EIO with the
 * file named: a folder, a read-only file, a missing folder, too many links;
 * TRADE_EARG for an empty name; or TRADE_ENOMEM). */
TRADE_API int trade_writer_open(trade_writer **out, const char *path,
                                const trade_write_options *opt, trade_error *err);

/* Write the header: ncols names (copied). numeric may be NULL, then each
 * column's kind comes from trade_column_is_numeric. Call once, first. */
TRADE_API int trade_writer_header(trade_writer *w, size_t ncols, const char *const *names,
                                  const unsigned char *numeric, trade_error *err);

/* Write one row of ncols cells (as given to the header); NULL cells are "". */
TRADE_API int trade_writer_row(trade_writer *w, const char *const *cells, trade_error *err);

/* 1 when a row of cells, laid out as the cells joined by commas in
 * text[0..len) (no line end), is written by a CSV writer exactly as that
 * text: no cell holds a quote, a CR, LF or NUL, and none is one the writer
 * neutralises (a cell never holds a comma: the text is cut at each one).
 * Rows checked so can be written with trade_writer_text by a writer for
 * which trade_writer_takes_text is 1. Thread-safe (reads text only). */
TRADE_API int trade_writer_csv_plain(const char *text, size_t len);

/* 1 when w writes CSV with numbers as given (no digits): rows that pass
 * trade_writer_csv_plain may then go to trade_writer_text. */
TRADE_API int trade_writer_takes_text(const trade_writer *w);

/* Write len bytes of whole rows (line ends included) exactly as given, in
 * order with the rows written by trade_writer_row: rows that w would write
 * as that text (trade_writer_csv_plain and trade_writer_takes_text). Returns
 * 0, TRADE_EARG when w does not take text, or TRADE_EIO (err named by the
 * output). */
TRADE_API int trade_writer_text(trade_writer *w, const char *text, size_t len, trade_error *err);

/* Finish: flush, fsync and rename into place (a file), or flush stdout and
 * check it for errors. Frees w in every case. Returns 0 or TRADE_EIO; on
 * failure the target file is untouched and the temporary file removed. */
TRADE_API int trade_writer_commit(trade_writer *w, trade_error *err);

/* Give up: remove the temporary file, leave the target untouched, free w.
 * w may be NULL. */
TRADE_API void trade_writer_discard(trade_writer *w);

/* A part of w's output, built apart (on another thread, say): a writer with
 * w's format and columns that writes no header and keeps its rows in an
 * unlinked temporary file (tmpfile(); in memory when there is none, for CSV
 * and TSV); trade_writer_append writes them after w's rows so far.
 * Returns 0, TRADE_ENOMEM, or TRADE_EIO (JSON lines without a temporary
 * file). */
TRADE_API int trade_writer_open_part(trade_writer **out, const trade_writer *w, trade_error *err);

/* Write the rows of part (from trade_writer_open_part(…, w)) to w, and free
 * part in every case (trade_writer_discard frees one not appended).
 * Returns 0, TRADE_ENOMEM or TRADE_EIO. */
TRADE_API int trade_writer_append(trade_writer *w, trade_writer *part, trade_error *err);

/* Write the whole of a file atomically (used for scripts and pages): data of
 * len bytes to path through a temporary file, fsync and rename. */
TRADE_API int trade_file_write_atomic(const char *path, const void *data, size_t len,
                                      trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
