/* import_internal.h - shared pieces of the import module: the group hash
 * table and the importer's state. */
#ifndef TRADE_IMPORT_INTERNAL_H
#define TRADE_IMPORT_INTERNAL_H

#include <stdint.h>

#include "fastnum_internal.h"
#include "trade/import.h"

/* A group: key (a: year<<40 | month<<32 | reporter<<20 | partner<<8 |
 * flow; prod: up to 8 bytes of the product code, zero padded) and sums. a is
 * never 0 for a used slot (years start at 1). */
typedef struct imp_group {
    uint64_t a, prod;
    fastnum_i128 value;    /* billionths of a USD */
    fastnum_i128 quantity; /* billionths of a tonne (milligrams) */
    uint64_t rows, quantity_rows;
} imp_group;

/* The units of the sums: value and quantity have 9 decimals. */
#define IMP_DECIMALS 9

typedef struct imp_map {
    imp_group *slots;
    size_t cap, n; /* cap a power of two, or 0 */
} imp_map;

#define IMP_MAX_CODES 4000
#define IMP_KEY(year, month, rep, par, flow)                                                       \
    (((uint64_t)(year) << 40) | ((uint64_t)(month) << 32) | ((uint64_t)(rep) << 20) |              \
     ((uint64_t)(par) << 8) | (uint64_t)(flow))

/* Add sums to the group of key (a, prod). Returns 0, TRADE_ENOMEM or
 * TRADE_ELIMIT (int64 overflow). */
int imp_map_add(imp_map *m, uint64_t a, uint64_t prod, fastnum_i128 value, fastnum_i128 quantity,
                uint64_t rows, uint64_t quantity_rows);
void imp_map_free(imp_map *m);

/* Grow m to hold n groups without growing again. Merging one table into
 * another needs this first: inserting a table's slots in order into a
 * smaller table with the same hash piles them into long clusters (quadratic
 * linear probing). Returns 0 or TRADE_ENOMEM. */
int imp_map_reserve(imp_map *m, size_t n);

/* The slot of key (a, prod), created with zero sums if new; NULL when out
 * of memory. The pointer stays valid until the next call that creates a
 * slot (the table may move). */
imp_group *imp_map_slot(imp_map *m, uint64_t a, uint64_t prod);

struct trade_import {
    trade_import_options opt;
    imp_map map;
    char codes[IMP_MAX_CODES][8]; /* interned country codes; id = index */
    int ncodes;
    int code_hash[8192]; /* open addressing on packed codes: id+1, 0 empty */
    int bynum[1000];     /* numeric code -> id, -1 unknown (resolved lazily) */
    int file_num[1000];  /* from --countries: id, -1 unknown, -2 not listed */
    imp_group *sorted;   /* after finish */
    size_t nsorted;
    char prodbuf[16];
};

/* Intern a country code (1-7 bytes). Returns its id or -1 (table full). */
int imp_code_intern(trade_import *im, const char *code, size_t len);

/* The id of numeric code n (0-999) after --countries, the built-in
 * deviations and the ISO table, or the placeholder with keep_unknown; -1
 * when unknown. */
int imp_code_numeric(trade_import *im, int n);

/* Pack the product group of a code at level into *prod (zero padded
 * bytes). Returns 0 or -1 (not a code of at least level digits). */
int imp_product(int level, const char *code, size_t len, uint64_t *prod);

#endif
