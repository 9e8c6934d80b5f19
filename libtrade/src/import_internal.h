/* import_internal.h - shared pieces of the import module: the group hash
 * table and the importer's state. */
#ifndef TRADE_IMPORT_INTERNAL_H
#define TRADE_IMPORT_INTERNAL_H

#include <stdint.h>

#include "fastnum_internal.h"
#include "trade/import.h"

/* A group: key (a: year<<40 | month<<32 | reporter<<20 | partner<<8 |
 * flow; prod: up to 8 bytes of the product code, zero padded) and sums. a is
 * never 0 for a used slot (years start at 1). src: the id of the file (or
 * set of files) its rows came from, 0 until set. */
typedef struct imp_group {
    uint64_t a, prod;
    fastnum_i128 value;    /* billionths of a USD */
    fastnum_i128 quantity; /* billionths of a tonne (milligrams) */
    uint64_t rows;
    uint32_t quantity_rows, src;
} imp_group;

/* The units of the sums: value and quantity have 9 decimals. */
#define IMP_DECIMALS 9

typedef struct imp_map {
    imp_group *slots;
    size_t cap, n; /* cap a power of two, or 0 */
} imp_map;

#define IMP_MAX_CODES 4000
#define IMP_SPLIT_LEN 40 /* "hhhhhhhhhhhhhhhh-n", the hash of a split */
#define IMP_KEY(year, month, rep, par, flow)                                                       \
    (((uint64_t)(year) << 40) | ((uint64_t)(month) << 32) | ((uint64_t)(rep) << 20) |              \
     ((uint64_t)(par) << 8) | (uint64_t)(flow))

/* Add sums from source src to the importer's group of key (a, prod).
 * Returns 0, TRADE_ENOMEM or TRADE_ELIMIT (128-bit overflow, or more than
 * 2^32 - 1 rows with a quantity). */
int imp_add(trade_import *im, uint64_t a, uint64_t prod, fastnum_i128 value,
            fastnum_i128 quantity, uint64_t rows, uint64_t quantity_rows, uint32_t src);

/* The source id of the union of sources x and y (0 is none). 0 when out of
 * memory. */
uint32_t imp_src_union(trade_import *im, uint32_t x, uint32_t y);

/* The id of the source named label (interned), 0 when out of memory. */
uint32_t imp_src_intern(trade_import *im, const char *label);
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

typedef struct imp_source {
    char *label;     /* "a.csv", "x.zip(y.csv)", or a union "a.csv + b.csv" */
    uint32_t *parts; /* the sorted single-source ids of a union */
    size_t nparts;
} imp_source;

typedef struct imp_name {
    uint64_t prod; /* packed product code, 0 empty */
    char *name;
} imp_name;

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
    char table_iso[1000][8]; /* what a country table gave for a code it could not map (R20) */
    int tables_loaded;       /* a country table was read */
    int user_num[1000]; /* 1: mapped by the user's --countries (an archive's table does not override) */
    imp_source *sources; /* id - 1 */
    size_t nsources, capsources;
    uint32_t cur_src;    /* of the file being read */
    imp_name *names;     /* product names (open addressing), ncap a power of two */
    size_t nnames, capnames;
    char partial_opts_file[TRADE_ERROR_FILE_MAX]; /* the first partial read, for messages */
    char partial_opts[128];                       /* its options, "" before */
    char partial_level[8];                        /* and they parsed */
    int partial_qty;
    char (*splits)[IMP_SPLIT_LEN]; /* content hashes of the input splits summed */
    size_t nsplits, capsplits;
};

/* ---- the record reader (import_read.c) ---- */

#define IR_MAXF 128
#define IR_MAX_FIELD (1u << 20)
#define IR_MAX_LINE (16u << 20)

struct inp;

typedef struct csvr {
    char *arena;
    size_t alen, acap;
    size_t off[IR_MAXF], len[IR_MAXF];
    size_t nf;
    unsigned long line, rec_line, col;
    int rec_started;
    int allow_tab; /* in: a header with more tabs than commas makes a TSV */
    char delim;
    const char *label;  /* file or "file(member)" for messages */
    const char *source; /* base name or "base(member)" for the source column */
    int (*row)(void *ctx, struct csvr *r); /* every record, headers included */
    void *ctx;
    trade_error *err;
    int status;
} csvr;

/* Field i of the current record (trimmed, NUL-terminated; "" past the end). */
const char *csvr_field(const csvr *r, size_t i, size_t *len);

/* The index of the field equal to name (case-insensitive), or -1. */
int csvr_find(const csvr *r, const char *name);

/* A field quoted for a message (utf8_shown's rule). */
const char *csvr_shown(const char *s, size_t len, char out[64]);

/* Read path ("-": stdin), every member of it, calling r->row for each
 * record. member (may be NULL) is called at the start of each member (name
 * NULL when the input is not an archive): 0 reads it, a negative value
 * skips it, a positive status stops. */
int csvr_run(const char *path, csvr *r, int (*member)(void *ctx, csvr *r, const char *name),
             trade_error *err);

/* A splitter of single CSV records (strict RFC 4180: quotes, doubled quotes,
 * quoted line breaks), for the BACI reader's records that its own scanner
 * leaves. */
typedef struct irec irec;
irec *irec_new(void); /* NULL when out of memory */
void irec_free(irec *r);

/* Split the record rec[0..len) (its line end included or not) into fields:
 * f[i], fl[i] for i < min(*nf, maxf), pointing into r (valid until the next
 * call); *nf is the number of fields (may exceed maxf). Returns 0,
 * TRADE_ECSV (*why says what) or TRADE_ENOMEM. */
int irec_split(irec *r, const char *rec, size_t len, const char **f, size_t *fl, size_t maxf,
               size_t *nf, const char **why);

/* Read the current member of in with r (r->label, r->err set). */
int csvr_member(csvr *r, struct inp *in);

/* Intern a country code (1-7 bytes). Returns its id or -1 (table full). */
int imp_code_intern(trade_import *im, const char *code, size_t len);

/* The id of numeric code n (0-999) after --countries, the built-in
 * deviations and the ISO table, or the placeholder with keep_unknown; -1
 * when unknown. */
int imp_code_numeric(trade_import *im, int n);

/* Pack the product group of a code at level into *prod (zero padded
 * bytes). Returns 0 or -1 (not a code of at least level digits). */
int imp_product(int level, const char *code, size_t len, uint64_t *prod);

/* Record the content hash of an input split. TRADE_EDATA when it was
 * recorded before, TRADE_ENOMEM. */
int imp_split_add(trade_import *im, const char *hash);

/* The content hash of a split: the sum of a hash of each data record's
 * bytes (so it does not depend on how the records were cut between
 * threads) and the number of records. */
uint64_t imp_record_hash(const char *s, size_t n);
void imp_split_hash(char out[IMP_SPLIT_LEN], uint64_t sum, uint64_t records);

/* The hint that ends the message of an unknown numeric code n (BACI). */
void imp_unknown_hint(const trade_import *im, int n, char *out, size_t size);

/* Group s as returned by trade_import_get (strings in s and im). */
void imp_group_out(const trade_import *im, const imp_group *s, trade_import_group *g);

/* The name of packed product code prod, "" if none. */
const char *imp_name_find(const trade_import *im, uint64_t prod);

/* The country table loader on an open reader member (BACI archives). */
int imp_countries_member(trade_import *im, csvr *r, struct inp *in, int user);

/* The product table loader on an open reader member. */
int imp_products_member(trade_import *im, csvr *r, struct inp *in);

#endif
