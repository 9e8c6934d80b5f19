/* import.h - bulk bilateral panels (CEPII BACI, UN Comtrade) summed into
 * observation groups.
 *
 * An importer accumulates rows from one or more files into groups keyed by
 * (year or month, reporter, partner, flow, product). Sums are exact 128-bit
 * integers in billionths of a US dollar and of a tonne (a value with more
 * than 9 decimals in those units is rounded, half to even), so totals do not
 * depend on the order of the rows or on how a file is split between threads
 * or machines. BACI files are read by two threads on two halves of the file
 * (split at a line start, checked afterwards; one thread when the check
 * fails), with pread into bounded buffers: memory grows with the number of
 * groups, not with the size of the file.
 *
 * Typical use: trade_import_new, optionally trade_import_countries_load,
 * then trade_import_baci / trade_import_comtrade / trade_import_partial for
 * every file, then trade_import_finish and trade_import_get for each group
 * in order, and trade_import_free. */
#ifndef TRADE_IMPORT_H
#define TRADE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Product detail of the groups. */
typedef enum trade_import_level {
    TRADE_IMPORT_TOTAL = 0, /* all products together (no product column) */
    TRADE_IMPORT_HS2 = 2,   /* the first 2 digits of the HS code */
    TRADE_IMPORT_HS4 = 4,
    TRADE_IMPORT_HS6 = 6
} trade_import_level;

/* Called now and then while a file is read: bytes done of total. May be
 * called from a worker thread, never from two threads at once. */
typedef void (*trade_import_progress_fn)(void *ctx, uint64_t done, uint64_t total);

typedef struct trade_import_options {
    trade_import_level level;
    int with_quantity;                 /* 1: also sum quantities (BACI q, Comtrade netWgt) */
    int keep_unknown;                  /* 1: an unknown numeric code n becomes "X" + 3 digits */
    int threads;                       /* worker threads for BACI; 0 = 2 (1 for small files) */
    int split_hash;                    /* 1: hash each input for trade_import_partial_meta */
    int product_names;                 /* 1: load the product table of a BACI archive */
    const char *source;                /* the source of every row read (a part of a file cut
                                          for a map step); NULL: the file's base name */
    trade_import_progress_fn progress; /* may be NULL */
    void *progress_ctx;
} trade_import_options;

typedef struct trade_import trade_import;

/* One group, as returned by trade_import_get. Strings point into the
 * importer and live until trade_import_free. */
typedef struct trade_import_group {
    int year;             /* the year */
    int month;            /* 1-12 for a monthly Comtrade period, else 0 */
    char period[16];      /* the period as the observation format writes it:
                             "2021", or "2021-03" for a month */
    const char *reporter; /* alpha-3 code, an aggregate or "X" + 3 digits */
    const char *partner;
    const char *flow;       /* "export", "import", "reexport" or "reimport" */
    const char *product;    /* "" at TRADE_IMPORT_TOTAL */
    char value[64];         /* sum of values, USD, exact plain decimal ("3751.5") */
    char quantity[64];      /* sum of the known quantities, tonnes, exact */
    uint64_t rows;          /* input rows summed */
    uint64_t quantity_rows; /* rows among them with a known quantity */
    const char *source;     /* the file's base name, "ARCHIVE(MEMBER)" for a member of
                               an archive, or several joined by " + " (in name order)
                               when the group's rows came from several */
    const char *product_name; /* from a product table, "" when none */
} trade_import_group;

/* Create an importer. opt may be NULL (totals, no quantity, strict codes).
 * *out is owned by the caller: trade_import_free. TRADE_ENOMEM. */
TRADE_API int trade_import_new(trade_import **out, const trade_import_options *opt,
                               trade_error *err);

/* Free an importer; NULL is fine. */
TRADE_API void trade_import_free(trade_import *im);

/* Read a BACI country table (columns country_code and country_iso3, or the
 * older iso_3digit_alpha) mapping BACI's numeric codes to alpha-3 codes.
 * Entries override the built-in mapping; an entry whose alpha-3 code the
 * library does not know (S19, N/A) is ignored. TRADE_EIO, TRADE_ECSV, TRADE_EDATA. */
TRADE_API int trade_import_countries_load(trade_import *im, const char *path, trade_error *err);

/* Read a product table (columns code and description, as BACI's
 * product_codes_HS17_V202401b.csv) for the product_name of the groups.
 * TRADE_EIO, TRADE_ECSV, TRADE_EDATA. */
TRADE_API int trade_import_products_load(trade_import *im, const char *path, trade_error *err);

/* Add a BACI file (header t,i,j,k,v,q in any order; v in thousands of USD,
 * q in tonnes, empty or NA when unknown; spaces around fields ignored; a
 * header line repeated further down, as in yearly files concatenated, is
 * skipped). The file may be compressed (gzip, zstd, xz, bzip2: told by its
 * first bytes) or a zip archive as CEPII ships it: then every member whose
 * name ends in .csv is read, except the country table (country_codes*),
 * which is loaded first (without overriding trade_import_countries_load's
 * entries), and the product table (product_codes*), loaded when
 * opt.product_names is set. Errors name the file (ARCHIVE(MEMBER) for a
 * member), the line and the column: TRADE_EIO, TRADE_ECSV (and a NUL byte,
 * UTF-16), TRADE_EDATA (bad or negative number, a product code of more than
 * 6 characters, unknown code without keep_unknown), TRADE_ELIMIT (a sum
 * beyond the 128-bit range, a record longer than 64 MiB). On error the
 * importer keeps whatever earlier files added. */
TRADE_API int trade_import_baci(trade_import *im, const char *path, trade_error *err);

/* Add a UN Comtrade CSV (columns found by name; see bench/README.md and
 * `trade import --help` for which rows are taken). Same errors. */
TRADE_API int trade_import_comtrade(trade_import *im, const char *path, trade_error *err);

/* Add a partial file (the map step's output: the columns of
 * trade_import_partial_columns and the options column, sums as exact
 * decimals in USD and tonnes, as `trade import --partial` writes it) to
 * the sums: the reduce step. Header lines anywhere (concatenated or sorted
 * partials) are read as such. TRADE_EDATA also for a partial of other
 * options than the first one read (level, quantity, format version) and
 * for an input split summed already. Same errors otherwise. */
TRADE_API int trade_import_partial(trade_import *im, const char *path, trade_error *err);

/* Sort the groups by (period, reporter, partner, product, flow). Call after
 * the last file, before trade_import_get. TRADE_ENOMEM. */
TRADE_API int trade_import_finish(trade_import *im, trade_error *err);

/* The number of groups (after trade_import_finish). */
TRADE_API size_t trade_import_count(const trade_import *im);

/* The i-th group in order into *g. Returns 0 or TRADE_EARG (i too large, or
 * not finished). */
TRADE_API int trade_import_get(const trade_import *im, size_t i, trade_import_group *g);

/* Called with each group by trade_import_baci_stream, in output order and
 * one call at a time (the blocks are read on two threads, and each hands
 * its block's groups over in turn, so the calls may come from either
 * thread). g and its strings live until the next call. Returns 0 to go on,
 * or a status that stops the import (and is returned). */
typedef int (*trade_import_group_fn)(void *ctx, const trade_import_group *g);

/* Read one BACI file (a plain regular file) and give its groups to fn in
 * the order trade_import_get would, without holding them: for a file
 * sorted by year and exporter, as BACI ships it, memory is bounded by the
 * largest (year, exporter) block, not by the number of groups. The
 * importer must be new (no file added before). Returns -1, having read
 * nothing into the importer and called fn never, when the file cannot be
 * streamed (not sorted so, quotes, padded fields, a pipe, compressed): use
 * trade_import_baci then. Else 0 or the errors of trade_import_baci; on an
 * error some groups may have been given already (write to a file that is
 * replaced only on success). With opt.threads 1 or a small file, one thread
 * reads every block. Not reentrant: one streamed import at a time per process. */
TRADE_API int trade_import_baci_stream(trade_import *im, const char *path,
                                       trade_import_group_fn fn, void *ctx, trade_error *err);

/* The header of a partial file, NULL-terminated static array of names,
 * without its last column, which is trade_import_partial_meta. */
TRADE_API const char *const *trade_import_partial_columns(void);

/* The last column name of a partial file: the format version, the options
 * (level, quantity) and the content hashes of the input splits summed, so
 * that trade_import_partial refuses partials of other options and a split
 * summed twice. The caller frees it (trade_free); NULL when out of memory. */
TRADE_API char *trade_import_partial_meta(const trade_import *im);

#ifdef __cplusplus
}
#endif
#endif
