/* error.h - status codes and the error record every libtrade function fills.
 *
 * Functions return 0 (TRADE_OK) or a TRADE_E* code and, when given a non-NULL
 * trade_error, describe the failure there: a message and, where the failure
 * has a place in a file, the file name, the physical line and the column
 * (both 1-based; 0 when unknown). The library never prints, exits or aborts. */
#ifndef TRADE_ERROR_H
#define TRADE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_status {
    TRADE_OK = 0,
    TRADE_ENOMEM,    /* out of memory */
    TRADE_EIO,       /* reading or writing a file failed */
    TRADE_ECSV,      /* malformed CSV: quotes, field counts, encoding */
    TRADE_EDATA,     /* a well-formed CSV with invalid content */
    TRADE_EARG,      /* invalid argument or option */
    TRADE_ELIMIT,    /* a configured limit was exceeded */
    TRADE_ENOTFOUND, /* something looked up is missing (a program, a rate) */
    TRADE_EMATH      /* a numerical routine failed */
} trade_status;

#define TRADE_ERROR_MESSAGE_MAX 512
#define TRADE_ERROR_FILE_MAX 512

typedef struct trade_error {
    int code;                              /* TRADE_E* or TRADE_OK */
    char file[TRADE_ERROR_FILE_MAX];       /* "" when the error has no file */
    unsigned long line;                    /* physical line, 1-based; 0 unknown */
    unsigned long column;                  /* byte column in that line, 1-based */
    char message[TRADE_ERROR_MESSAGE_MAX]; /* one line, no trailing newline */
} trade_error;

/* A short static description of a status code. */
TRADE_API const char *trade_strerror(int code);

/* Reset err to TRADE_OK with empty fields. err may be NULL. */
TRADE_API void trade_error_clear(trade_error *err);

/* Fill err (if not NULL) and return code. file may be NULL. */
TRADE_API int trade_error_set(trade_error *err, int code, const char *file, unsigned long line,
                              unsigned long column, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Initialise the library: switches GSL's aborting error handler off. Call
 * once before using the statistics functions; the statistics entry points
 * also call it, so forgetting it cannot abort the program. Returns 0. */
TRADE_API int trade_init(void);

/* Free a buffer the library allocated and handed to the caller (the script
 * of trade_plot_script, the name of trade_import_partial_meta, ...): the
 * library's allocator, whatever the caller's. p may be NULL.
 *
 * The library's conventions for what it allocates: an object is made by
 * trade_<thing>_new (or _build, _open for a writer) and given back to
 * trade_<thing>_free, which accepts NULL (a writer ends with _commit or
 * _discard); constructors that can fail take the out-pointer first after
 * their inputs and a trade_error last, and set the out-pointer to NULL on
 * failure, so nothing leaks. */
TRADE_API void trade_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
