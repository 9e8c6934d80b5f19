/* csv_read_internal.h - the library's one CSV reader: libcsv behind a push
 * interface that knows where every field starts.
 *
 * The caller owns the bytes and the loop: it opens a reader with two
 * callbacks, feeds it whatever pieces it reads (any sizes: a field, a CRLF
 * or a quoted line break may be cut anywhere), then finishes it. Each field
 * comes with its physical line and byte column (both 1-based; a quoted line
 * break and a lone CR advance the line, a CRLF counts once), and the first
 * problem (malformed CSV, a NUL byte, a field past max_field, a line past
 * max_line, no memory) stops the reader with a located trade_error whose
 * file the caller fills in. Nothing here knows the observation format or
 * the bulk layouts: table.c and import_read.c build on it. */
#ifndef TRADE_CSV_READ_INTERNAL_H
#define TRADE_CSV_READ_INTERNAL_H

#include <stddef.h>

#include "trade/error.h"

typedef struct csvrd csvrd;

/* A field as the callback sees it: s[0..len) without its quotes, and a NUL
 * at s[len]; valid during the callback only. */
typedef struct csvrd_field {
    const char *s;
    size_t len;
    unsigned long line, column; /* of its first byte (the quote of a quoted field) */
    int quoted;
} csvrd_field;

typedef struct csvrd_options {
    int lenient;      /* 0: RFC 4180, strict quotes (CSV_STRICT | CSV_STRICT_FINI); 1: libcsv's
                         lenient quotes (bulk downloads have stray ones) */
    int trim;         /* 1: unquoted spaces and tabs around a field are not part of it
                         (libcsv's trimming: bulk downloads pad fields); 0: kept */
    char delim;       /* 0: ',' */
    size_t max_field; /* bytes of a field, 0: no bound */
    size_t max_line;  /* bytes of a physical line, 0: no bound */
    /* Both return non-zero to stop reading (csvrd_feed then returns
     * CSVRD_STOPPED and calls neither again). */
    int (*field)(void *ctx, const csvrd_field *f);
    int (*row)(void *ctx);
    void *ctx;
    /* Instead of field and row, for a reader of millions of short records
     * that needs lines but not columns (the importers): libcsv's own
     * callbacks, called directly on lines without quotes (one call less
     * a field, and every line in one call). When raw_field runs, *line (if
     * set) is the line where the field ends (where it starts unless a
     * quoted line break is in it); reading stops once *stop (if set) is
     * non-zero. */
    void (*raw_field)(void *s, size_t len, void *ctx);
    void (*raw_row)(int c, void *ctx);
    unsigned long *line;
    const int *stop;
} csvrd_options;

/* What csvrd_feed and csvrd_finish return. */
enum { CSVRD_OK = 0, CSVRD_STOPPED = 1, CSVRD_ERROR = 2 };

/* A reader with opt (copied). Returns 0, or TRADE_ENOMEM with *out NULL. */
int csvrd_open(csvrd **out, const csvrd_options *opt);

/* Frees r; NULL does nothing. */
void csvrd_close(csvrd *r);

/* Parse s[0..len), calling the callbacks. CSVRD_ERROR: csvrd_error says
 * what and where; the reader takes nothing more. */
int csvrd_feed(csvrd *r, const char *s, size_t len);

/* The end of the input: a last row without a line end is given, an open
 * quoted field is an error ("unterminated quoted field" at its start).
 * The reader is then ready for a new input, its positions kept. */
int csvrd_finish(csvrd *r);

/* The first problem: code (TRADE_ECSV, TRADE_ELIMIT, TRADE_ENOMEM), line,
 * column and message; file is "". */
const trade_error *csvrd_error(const csvrd *r);

/* The problem's reason alone, without "malformed CSV: " or a position
 * (static text; "" before a problem). */
const char *csvrd_reason(const csvrd *r);

/* The next byte's position. */
void csvrd_position(const csvrd *r, unsigned long *line, unsigned long *column);

/* The next byte's line. */
unsigned long csvrd_line(const csvrd *r);

/* 1 when the bytes fed so far end a row (a cut there is a clean one). */
int csvrd_at_row_end(const csvrd *r);

/* Start again at line 1, column 1 (for a new file or record). */
void csvrd_reset(csvrd *r);

/* Change the delimiter (before the first byte of a file). */
void csvrd_set_delim(csvrd *r, char delim);

/* Checks on the first bytes of a file, the same for every reader: a UTF-8
 * byte order mark is skipped (*s, *len moved on); UTF-16 (a byte order mark,
 * or ASCII with every other byte NUL) is TRADE_ECSV at 1:1 with a message
 * saying what to do. Returns 0 or TRADE_ECSV (err filled, file ""). */
int csvrd_check_start(const char **s, size_t *len, trade_error *err);

#endif
