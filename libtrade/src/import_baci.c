/* import_baci.c - the BACI reader: two threads, each summing the records
 * that start in its half of the file.
 *
 * Each worker reads its range with pread into a bounded buffer (1 MiB,
 * grown only for a record longer than that), so the file is never mapped
 * and memory stays flat. A record is split into fields by a hand scanner
 * that understands plain fields and simple quoted fields ("020230"); a
 * record with any other use of quotes (doubled quotes, a quoted newline, a
 * quote inside a field) goes to the import reader's record splitter
 * (libcsv, in import_read.c). The second half starts after the
 * first newline past the middle. That is a record start unless the newline
 * sits inside a quoted field: the first worker, which owns every record
 * that starts before the split and reads past it to finish the last one,
 * checks that its last record ended exactly at the split; if not, the
 * second worker's sums are dropped and the first continues alone. Sums are
 * integers, so the result does not depend on the split. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf_internal.h"
#include "fastnum_internal.h"
#include "writer_internal.h"
#include "import_internal.h"
#include "input_internal.h"
#include "utf8_internal.h"

#define BACI_BUF (1u << 20)
#define BACI_BUF_MAX (64u << 20)
#define BACI_MAXF 32
#define BACI_MIN_SPLIT (4u << 20) /* below this, one thread */

/* Words of eight bytes read as little-endian integers (the scans that
 * look at several bytes at once; else a byte at a time) */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BACI_SWAR 1
#else
#define BACI_SWAR 0
#endif

typedef struct baci_cols {
    int ncols, t, i, j, k, v, q;
} baci_cols;

typedef struct baci_worker {
    trade_import *im;
    const char *path;
    int fd;
    baci_cols c;
    uint64_t start, end, fsize;
    uint64_t stop;       /* out: file offset after the last record taken */
    unsigned long lines; /* physical lines taken */
    imp_map map;
    int status;
    trade_error err;
    unsigned long err_line; /* lines before the failing record, in this range */
    char *buf;
    size_t cap;
    atomic_ullong done;
    uint64_t hsum, hn; /* split hash: sum of record hashes, records */
    int hash;          /* opt.split_hash */
    /* streaming (sorted input): the groups of one block in input order */
    int stream;
    imp_group *arr;
    size_t narr, caparr;
    unsigned char met[IMP_MAX_CODES]; /* partners met in a block */
    struct brun *runs; /* the block's runs of one partner, in output order */
    size_t nruns, capruns;
    struct baci_worker *peer; /* for the progress total; NULL in workers > 0 */
    /* slow path: the record splitter (import_read.c) */
    irec *rec;
} baci_worker;

/* The byte column of field k of the record at rec (quote-aware), counted
 * from the last newline before the field. */
static unsigned long field_column(const char *rec, const char *lim, int k)
{
    const char *p = rec, *ls = rec;
    int inq = 0, f = 0;
    for (; p < lim && f < k; p++) {
        if (*p == '"')
            inq = !inq;
        else if (*p == '\n')
            ls = p + 1;
        else if (*p == ',' && !inq)
            f++;
    }
    return (unsigned long)(p - ls) + 1;
}

/* ---- one record ---- */

static int worker_fail(baci_worker *w, int code, unsigned long col, const char *fmt,
                       const char *field, size_t flen)
{
    char shown[64];
    utf8_shown(field, flen, shown);
    w->err_line = w->lines;
    w->status = trade_error_set(&w->err, code, w->path, 0, col, fmt, shown);
    return w->status;
}

static inline int parse_small_uint(const char *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    if (n == 0 || n > 9)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* The common case of fastnum_scaled128(s, n, scale): digits with at most
 * one point, at most 19 digits and at most scale decimals, so the result is
 * exact. -1 sends the caller to the general conversion. */
static inline int quick_scaled(const char *s, size_t n, int scale, fastnum_i128 *out)
{
    uint64_t m = 0;
    int dec = -1, ndig = 0;
    if (n == 0 || n > 20)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d <= 9) {
            m = m * 10 + d;
            ndig++;
            if (dec >= 0)
                dec++;
        } else if (s[i] == '.' && dec < 0) {
            dec = 0;
        } else {
            return -1;
        }
    }
    if (!ndig || ndig > 19 || dec > scale)
        return -1;
    *out = (fastnum_i128)m * fastnum_pow10_u64[scale - (dec < 0 ? 0 : dec)];
    return 0;
}

/* BACI's units: v in thousands of USD, q in tonnes; sums in billionths */
#define V_SCALE (IMP_DECIMALS + 3)
#define Q_SCALE IMP_DECIMALS

typedef struct row_cache {
    uint64_t a, prod;
    imp_group *g;
    imp_group *slots;
    /* the last record's "t,i,j," (plen bytes, 0: none) as two masked
     * words, and its key: in a sorted file most records start so */
    size_t plen;
    uint64_t pw[2], pm[2], pa;
} row_cache;

/* Remember the plen bytes at s (16 readable) as the start of key a. */
static inline void row_prefix_set(row_cache *rc, const char *s, size_t plen, uint64_t a)
{
    rc->plen = 0;
#if BACI_SWAR
    if (plen > 16)
        return;
    memcpy(rc->pw, s, 16);
    rc->pm[0] = plen >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * plen)) - 1;
    rc->pm[1] = plen >= 16  ? ~(uint64_t)0
                : plen <= 8 ? 0
                            : ((uint64_t)1 << (8 * (plen - 8))) - 1;
    rc->plen = plen;
    rc->pa = a;
#else
    (void)s, (void)plen, (void)a;
#endif
}

/* 1 when the record at s (16 readable bytes) starts with the remembered
 * "t,i,j,". */
static inline int row_prefix_at(const row_cache *rc, const char *s)
{
#if BACI_SWAR
    uint64_t x0, x1;
    memcpy(&x0, s, 8);
    memcpy(&x1, s + 8, 8);
    return rc->plen && !(((x0 ^ rc->pw[0]) & rc->pm[0]) | ((x1 ^ rc->pw[1]) & rc->pm[1]));
#else
    (void)rc, (void)s;
    return 0;
#endif
}

static inline int add_group(baci_worker *w, row_cache *rc, uint64_t a, uint64_t prod,
                            fastnum_i128 val, fastnum_i128 qty, uint64_t qrows)
{
    imp_group *g;
    if (rc->g && rc->a == a && rc->prod == prod &&
        rc->slots == (w->stream ? w->arr : w->map.slots)) {
        g = rc->g;
    } else if (w->stream) { /* a new group after the last one of the block */
        if (w->narr == w->caparr && ARRAY_GROW(w->arr, w->narr + 1, w->caparr)) {
            w->err_line = w->lines;
            return w->status =
                       trade_error_set(&w->err, TRADE_ENOMEM, w->path, 0, 0, "out of memory");
        }
        g = &w->arr[w->narr++];
        memset(g, 0, sizeof *g);
        g->a = a;
        g->prod = prod;
        rc->a = a;
        rc->prod = prod;
        rc->g = g;
        rc->slots = w->arr;
    } else {
        g = imp_map_slot(&w->map, a, prod);
        if (!g) {
            w->err_line = w->lines;
            return w->status =
                       trade_error_set(&w->err, TRADE_ENOMEM, w->path, 0, 0, "out of memory");
        }
        rc->a = a;
        rc->prod = prod;
        rc->g = g;
        rc->slots = w->map.slots;
    }
    if (__builtin_add_overflow(g->value, val, &g->value) ||
        __builtin_add_overflow(g->quantity, qty, &g->quantity) || g->quantity_rows == UINT32_MAX) {
        w->err_line = w->lines;
        return w->status = trade_error_set(&w->err, TRADE_ELIMIT, w->path, 0, 0,
                                           "a sum goes beyond the 128-bit range");
    }
    g->rows++;
    g->quantity_rows += (uint32_t)qrows;
    return 0;
}

/* The layout fast path: a record of exactly t,i,j,k,v,q in that order,
 * unquoted, with a plain year, codes of at most 3 digits that are known,
 * and values that quick_scaled takes, parsed in one pass over its bytes.
 * Returns the record's terminating newline, or NULL when anything differs:
 * the caller then takes the general path, which also reports errors. The
 * sentinel newline at lim makes every loop stop inside the buffer. */
static inline const char *layout_row(baci_worker *w, row_cache *rc, const char *s, const char *lim)
{
    const trade_import *im = w->im;
    const char *p = s, *b;
    unsigned year = 0, ni = 0, nj = 0, d;
    uint64_t a;
    if (lim - s >= 16 && row_prefix_at(rc, s)) { /* the same t,i,j as the last record */
        a = rc->pa;
        b = p = s + rc->plen;
    } else {
        b = p;
        while ((d = (unsigned)(unsigned char)*p - '0') <= 9)
            year = year * 10 + d, p++;
        if (*p != ',' || p - b != 4)
            return NULL;
        b = ++p;
        while ((d = (unsigned)(unsigned char)*p - '0') <= 9)
            ni = ni * 10 + d, p++;
        if (*p != ',' || p == b || p - b > 3)
            return NULL;
        b = ++p;
        while ((d = (unsigned)(unsigned char)*p - '0') <= 9)
            nj = nj * 10 + d, p++;
        if (*p != ',' || p == b || p - b > 3)
            return NULL;
        int rep = im->bynum[ni], par = im->bynum[nj];
        if (rep < 0 || par < 0 || year < 1)
            return NULL;
        a = IMP_KEY(year, 0, rep, par, 0);
        b = ++p;
        if (lim - s >= 16)
            row_prefix_set(rc, s, (size_t)(p - s), a);
    }
    const char *kend;
    uint64_t prod = 0;
    if (*p == '"') { /* "010121": a simple quoted code */
        b = ++p;
        while (*p != '"' && *p != '\n' && *p != ',')
            p++;
        if (*p != '"' || p[1] != ',')
            return NULL;
        kend = p++;
    } else {
#if BACI_SWAR
        if (lim - b >= 8 && im->opt.level != TRADE_IMPORT_TOTAL) {
            /* the usual: six digits and a comma, tested as one word (bytes
             * 0-5 xor '0' below 10, byte 6 a comma); what imp_product packs
             * is then the first level digits */
            uint64_t x, y;
            memcpy(&x, b, 8);
            y = x ^ 0x3030303030303030u;
            if (!(((y + 0x7676767676767676u) | y) & 0x0000808080808080u) &&
                ((x >> 48) & 0xFF) == ',') {
                int level = im->opt.level;
                prod = level >= 8 ? x : x & (((uint64_t)1 << (8 * level)) - 1);
                p = b + 6;
                goto value;
            }
        }
#endif
        while ((unsigned)(unsigned char)*p - '0' <= 9) /* the usual: digits */
            p++;
        const char *dend = p;
        while (*p != ',' && *p != '\n' && *p != '"')
            p++;
        if (*p != ',')
            return NULL;
        kend = p;
#if BACI_SWAR
        if (kend - b == 6 && dend == kend && im->opt.level != TRADE_IMPORT_TOTAL) {
            /* six digits: the first level digits are the group (what
             * imp_product packs); b[6] is the comma, b[7] at most the
             * sentinel */
            uint64_t x;
            memcpy(&x, b, 8);
            int level = im->opt.level;
            prod = level >= 8 ? x : x & (((uint64_t)1 << (8 * level)) - 1);
            goto value;
        }
#else
        (void)dend;
#endif
    }
    if (kend - b > 6) /* the general path refuses it */
        return NULL;
    if (im->opt.level != TRADE_IMPORT_TOTAL &&
        imp_product(im->opt.level, b, (size_t)(kend - b), &prod))
        return NULL;
#if BACI_SWAR
value:
#endif
    p++;
    uint64_t m = 0;
    long nd, dec = 0;
    b = p;
    while ((d = (unsigned)(unsigned char)*p - '0') <= 9)
        m = m * 10 + d, p++;
    nd = p - b;
    if (*p == '.') {
        b = ++p;
        while ((d = (unsigned)(unsigned char)*p - '0') <= 9)
            m = m * 10 + d, p++;
        dec = p - b;
        nd += dec;
    }
    if (*p != ',' || nd == 0 || nd > 19 || dec > V_SCALE)
        return NULL;
    fastnum_i128 val = (fastnum_i128)m * fastnum_pow10_u64[V_SCALE - dec], qty = 0;
    uint64_t qrows = 0;
    b = ++p;
    while ((unsigned)(unsigned char)*p - '0' <= 9 || *p == '.') /* the usual: a number */
        p++;
    while (*p != ',' && *p != '\n' && *p != '"')
        p++;
    if (*p != '\n' || p == lim)
        return NULL;
    if (im->opt.with_quantity) {
        size_t ql = (size_t)(p - b);
        if (ql && b[ql - 1] == '\r')
            ql--;
        if (ql && !(ql == 2 && b[0] == 'N' && b[1] == 'A')) {
            if (quick_scaled(b, ql, Q_SCALE, &qty))
                return NULL;
            qrows = 1;
        }
    }
    if (add_group(w, rc, a, prod, val, qty, qrows))
        return NULL;
    if (w->hash) {
        w->hsum += imp_record_hash(s, (size_t)(p - s) - (p > s && p[-1] == '\r'));
        w->hn++;
    }
    return p;
}

static inline void trim(const char **f, size_t *n)
{
    while (*n && (**f == ' ' || **f == '\t'))
        (*f)++, (*n)--;
    while (*n && ((*f)[*n - 1] == ' ' || (*f)[*n - 1] == '\t' || (*f)[*n - 1] == '\r'))
        (*n)--;
}

static int unknown_code(baci_worker *w, const char *rec, const char *lim, int k, const char *what,
                        const char *f, size_t fl, unsigned n)
{
    char hint[300], fmt[400];
    imp_unknown_hint(w->im, (int)n, hint, sizeof hint);
    /* the hint goes into the format: escape its % signs (there are none
     * but for safety against a country table's text) */
    size_t k2 = 0;
    for (size_t i = 0; hint[i] && k2 < sizeof hint - 2; i++)
        if (hint[i] != '%')
            hint[k2++] = hint[i];
    hint[k2] = '\0';
    snprintf(fmt, sizeof fmt, "%s \"%%s\" (%s)", what, hint);
    return worker_fail(w, TRADE_EDATA, field_column(rec, lim, k), fmt, f, fl);
}

/* Sum one record with fields f/fl (nf of them). rec..lim is the record's
 * text, for error columns and the split hash. */
static int baci_row(baci_worker *w, row_cache *rc, const char *const *fin, const size_t *flin,
                    size_t nf, const char *rec, const char *lim)
{
    const baci_cols *c = &w->c;
    trade_import *im = w->im;
    unsigned year, ni, nj;
    if (nf == 1 && flin[0] == 0)
        return 0; /* blank line */
    if (nf != (size_t)c->ncols) {
        char msg[32];
        snprintf(msg, sizeof msg, "%zu", nf);
        return worker_fail(w, TRADE_ECSV, 1, "expected as many fields as the header, found %s", msg,
                           strlen(msg));
    }
    const char *f[BACI_MAXF];
    size_t fl[BACI_MAXF];
    for (size_t i = 0; i < nf; i++) {
        f[i] = fin[i];
        fl[i] = flin[i];
        trim(&f[i], &fl[i]);
    }
    /* the header again (yearly files concatenated): skipped */
    if (fl[c->t] == 1 && (f[c->t][0] | 0x20) == 't' && fl[c->v] == 1 && (f[c->v][0] | 0x20) == 'v')
        return 0;
    if (parse_small_uint(f[c->t], fl[c->t], &year) || year < 1 || year > 9999)
        return worker_fail(w, TRADE_EDATA, field_column(rec, lim, c->t),
                           "t: expected a year, got \"%s\"", f[c->t], fl[c->t]);
    int rep = -1, par = -1;
    int okn = !parse_small_uint(f[c->i], fl[c->i], &ni) && ni < 1000;
    if (okn)
        rep = im->bynum[ni];
    if (rep < 0)
        return unknown_code(w, rec, lim, c->i, "i: unknown exporter code", f[c->i], fl[c->i],
                            okn ? ni : 1000);
    okn = !parse_small_uint(f[c->j], fl[c->j], &nj) && nj < 1000;
    if (okn)
        par = im->bynum[nj];
    if (par < 0)
        return unknown_code(w, rec, lim, c->j, "j: unknown importer code", f[c->j], fl[c->j],
                            okn ? nj : 1000);
    uint64_t prod = 0;
    if (c->k >= 0 && fl[c->k] > 6)
        return worker_fail(w, TRADE_EDATA, field_column(rec, lim, c->k),
                           "k: expected an HS6 product code (at most 6 characters), got \"%s\"",
                           f[c->k], fl[c->k]);
    if (im->opt.level != TRADE_IMPORT_TOTAL && imp_product(im->opt.level, f[c->k], fl[c->k], &prod))
        return worker_fail(w, TRADE_EDATA, field_column(rec, lim, c->k),
                           "k: expected an HS product code, got \"%s\"", f[c->k], fl[c->k]);
    fastnum_i128 val, qty = 0;
    uint64_t qrows = 0;
    if (quick_scaled(f[c->v], fl[c->v], V_SCALE, &val) &&
        (fastnum_scaled128(f[c->v], fl[c->v], V_SCALE, &val, NULL) || val < 0))
        return worker_fail(w, TRADE_EDATA, field_column(rec, lim, c->v),
                           fl[c->v] && f[c->v][0] == '-'
                               ? "v: a negative value, \"%s\" (trade values are 0 or more)"
                               : "v: expected a plain number (thousands of USD), got \"%s\"",
                           f[c->v], fl[c->v]);
    if (im->opt.with_quantity) {
        const char *q = f[c->q];
        size_t ql = fl[c->q];
        if (ql && !(ql == 2 && q[0] == 'N' && q[1] == 'A')) {
            if (quick_scaled(q, ql, Q_SCALE, &qty) &&
                (fastnum_scaled128(q, ql, Q_SCALE, &qty, NULL) || qty < 0))
                return worker_fail(w, TRADE_EDATA, field_column(rec, lim, c->q),
                                   ql && q[0] == '-'
                                       ? "q: a negative quantity, \"%s\" (tonnes are 0 or more)"
                                       : "q: expected a plain number (tonnes), empty or NA, got "
                                         "\"%s\"",
                                   q, ql);
            qrows = 1;
        }
    }
    int st = add_group(w, rc, IMP_KEY(year, 0, rep, par, 0), prod, val, qty, qrows);
    if (!st && w->hash) {
        size_t n = (size_t)(lim - rec);
        while (n && (rec[n - 1] == '\r' || rec[n - 1] == '\n'))
            n--;
        w->hsum += imp_record_hash(rec, n);
        w->hn++;
    }
    return st;
}

/* ---- reading ---- */

/* Move the unread tail [p, len) to the front and read more. Returns 0, or
 * a status. *eof is set when the whole file has been read. */
static int refill(baci_worker *w, uint64_t *boff, size_t *len, size_t *p, int *eof)
{
    memmove(w->buf, w->buf + *p, *len - *p);
    *boff += *p;
    *len -= *p;
    *p = 0;
    if (*len + 1 >= w->cap) {
        if (w->cap >= BACI_BUF_MAX) {
            w->err_line = w->lines;
            return w->status = trade_error_set(&w->err, TRADE_ELIMIT, w->path, 0, 0,
                                               "a record longer than %u bytes", BACI_BUF_MAX);
        }
        if (ARRAY_GROW(w->buf, w->cap * 2, w->cap)) {
            w->err_line = w->lines;
            return w->status =
                       trade_error_set(&w->err, TRADE_ENOMEM, w->path, 0, 0, "out of memory");
        }
    }
    size_t want = w->cap - 1 - *len;
    uint64_t pos = *boff + *len;
    /* read little past the end of the range: only the last record's tail */
    uint64_t soft = w->end + 65536;
    if (pos < soft && soft - pos < want)
        want = (size_t)(soft - pos);
    while (want) {
        ssize_t n = pread(w->fd, w->buf + *len, want, (off_t)pos);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            w->err_line = w->lines;
            return w->status = trade_error_set(&w->err, TRADE_EIO, w->path, 0, 0, "read error: %s",
                                               strerror(errno));
        }
        if (n == 0) {
            w->fsize = pos; /* shorter than it was: take what is there */
            break;
        }
        *len += (size_t)n;
        pos += (uint64_t)n;
        want -= (size_t)n;
        if (pos >= w->fsize)
            break;
    }
    *eof = pos >= w->fsize;
    w->buf[*len] = '\n'; /* sentinel: every scan stops here */
    atomic_store_explicit(&w->done, pos > w->start ? pos - w->start : 0, memory_order_relaxed);
    if (w->peer && w->im->opt.progress) {
        baci_worker *o = w->peer;
        uint64_t d = atomic_load_explicit(&w->done, memory_order_relaxed) +
                     atomic_load_explicit(&o->done, memory_order_relaxed);
        w->im->opt.progress(w->im->opt.progress_ctx, d, w->fsize);
    }
    return 0;
}

/* Sum the records that start in [from, w->end). Sets w->stop. */
static void worker_scan(baci_worker *w, uint64_t from)
{
    uint64_t boff = from;
    size_t len = 0, p = 0;
    int eof = from >= w->fsize;
    const char *f[BACI_MAXF];
    size_t fl[BACI_MAXF];
    row_cache rc;
    memset(&rc, 0, sizeof rc);
    const baci_cols *c = &w->c;
    int layout =
        c->ncols == 6 && c->t == 0 && c->i == 1 && c->j == 2 && c->k == 3 && c->v == 4 && c->q == 5;
    w->buf[0] = '\n';
    if (!eof && refill(w, &boff, &len, &p, &eof))
        return;
    for (;;) {
        if (boff + p >= w->end || (eof && p >= len))
            break;
        if (p >= len) {
            if (refill(w, &boff, &len, &p, &eof))
                return;
            continue;
        }
        const char *rec = w->buf + p, *lim = w->buf + len, *s = rec;
        size_t nf = 0;
        int slow = 0;
        if (layout) {
            const char *e = layout_row(w, &rc, rec, lim);
            if (e) {
                w->lines++;
                p = (size_t)(e - w->buf) + 1;
                continue;
            }
            if (w->status)
                return;
        }
        /* fast path: plain fields and simple quoted fields */
        for (;;) {
            const char *fs = s;
            size_t n;
            if (*s == '"') {
                const char *q = memchr(s + 1, '"', (size_t)(lim - s - 1));
                if (!q || memchr(s + 1, '\n', (size_t)(q - s - 1)) ||
                    (q[1] != ',' && q[1] != '\n' && q[1] != '\r')) {
                    slow = 1;
                    break;
                }
                fs = s + 1;
                n = (size_t)(q - fs);
                s = q + 1;
            } else {
                while (*s != ',' && *s != '\n' && *s != '"')
                    s++;
                if (*s == '"') {
                    slow = 1;
                    break;
                }
                n = (size_t)(s - fs);
                if (*s == '\n' && n && s[-1] == '\r')
                    n--;
            }
            if (nf < BACI_MAXF) {
                f[nf] = fs;
                fl[nf] = n;
            }
            nf++;
            if (*s == ',') {
                s++;
                continue;
            }
            if (*s == '\r' && s[1] == '\n')
                s++;
            if (*s != '\n') {
                slow = 1;
                break;
            }
            break;
        }
        if (!slow) {
            if (s == lim && !eof) { /* the sentinel: the record goes on */
                if (refill(w, &boff, &len, &p, &eof))
                    return;
                continue;
            }
            if (nf > BACI_MAXF)
                nf = BACI_MAXF + 1;
            if (baci_row(w, &rc, f, fl, nf > BACI_MAXF ? 0 : nf, rec, s))
                return;
            w->lines++;
            p = (size_t)(s - w->buf) + 1;
            continue;
        }
        /* slow path: find the end of the record, quote-aware, then libcsv */
        int inq = 0;
        unsigned long nl = 0;
        for (s = rec; s < lim; s++) {
            if (*s == '"')
                inq = !inq;
            else if (*s == '\n') {
                if (!inq)
                    break;
                nl++;
            }
        }
        if (s == lim && !eof) {
            if (refill(w, &boff, &len, &p, &eof))
                return;
            continue;
        }
        if (s == lim && inq) {
            w->err_line = w->lines;
            w->status = trade_error_set(&w->err, TRADE_ECSV, w->path, 0, 1,
                                        "a quoted field is not closed before the end of the file");
            return;
        }
        size_t rlen = (size_t)(s - rec) + (s < lim ? 1 : 0), snf = 0;
        const char *why = NULL;
        int st = irec_split(w->rec, rec, rlen, f, fl, BACI_MAXF, &snf, &why);
        if (st) {
            w->err_line = w->lines;
            w->status = st == TRADE_ENOMEM
                            ? trade_error_set(&w->err, st, w->path, 0, 0, "out of memory")
                            : trade_error_set(&w->err, st, w->path, 0, 1, "malformed CSV: %s", why);
            return;
        }
        if (baci_row(w, &rc, f, fl, snf > BACI_MAXF ? 0 : snf, rec, s))
            return;
        w->lines += nl + 1;
        p = (size_t)(s - w->buf) + 1;
    }
    w->stop = boff + p < w->fsize ? boff + p : w->fsize;
}

static void *worker_main(void *arg)
{
    baci_worker *w = arg;
    worker_scan(w, w->start);
    return NULL;
}

static int worker_init(baci_worker *w, trade_import *im, const char *path, int fd,
                       const baci_cols *c, uint64_t start, uint64_t end, uint64_t fsize,
                       trade_error *err)
{
    memset(w, 0, sizeof *w);
    w->im = im;
    w->path = path;
    w->fd = fd;
    w->c = *c;
    w->start = start;
    w->end = end;
    w->fsize = fsize;
    w->hash = im->opt.split_hash;
    atomic_init(&w->done, 0);
    w->cap = BACI_BUF + 1;
    w->buf = malloc(w->cap);
    if (!w->buf || !(w->rec = irec_new())) {
        free(w->buf);
        w->buf = NULL;
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    return 0;
}

static void worker_free(baci_worker *w)
{
    irec_free(w->rec);
    free(w->buf);
    free(w->arr);
    free(w->runs);
    imp_map_free(&w->map);
}

/* Read the header record: column positions, where data starts, and how
 * many physical lines the header took. */
static int read_header(trade_import *im, const char *path, int fd, uint64_t fsize, baci_cols *c,
                       uint64_t *data_start, unsigned long *hlines, trade_error *err)
{
    char buf[65536];
    ssize_t n;
    do
        n = pread(fd, buf, sizeof buf - 1, 0);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "read error: %s", strerror(errno));
    if (n == 0)
        return trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty file: expected a header");
    size_t len = (size_t)n, p = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        p = 3;
    size_t e = p;
    int inq = 0;
    unsigned long lines = 1;
    for (; e < len; e++) {
        if (buf[e] == '"')
            inq = !inq;
        else if (buf[e] == '\n') {
            if (!inq)
                break;
            lines++;
        }
    }
    if (e == len && (uint64_t)len < fsize)
        return trade_error_set(err, TRADE_ELIMIT, path, 1, 1, "header longer than 64 KiB");
    *data_start = e < len ? e + 1 : len;
    *hlines = lines;
    /* split the header into names (quotes removed, no escapes in names) */
    c->ncols = 0;
    c->t = c->i = c->j = c->k = c->v = c->q = -1;
    if (p < e && buf[p] >= '0' && buf[p] <= '9') {
        /* no header (a part of a file cut for a map step): BACI's order */
        *c = (baci_cols){6, 0, 1, 2, 3, 4, 5};
        *data_start = p;
        *hlines = 0;
        return 0;
    }
    size_t fs = p;
    for (size_t i = p; i <= e; i++) {
        if (i < e && buf[i] != ',')
            continue;
        size_t a = fs, b = i;
        while (b > a && (buf[b - 1] == '\r' || buf[b - 1] == ' '))
            b--;
        while (a < b && buf[a] == ' ')
            a++;
        if (b - a >= 2 && buf[a] == '"' && buf[b - 1] == '"')
            a++, b--;
        int col = c->ncols++;
        if (b - a == 1) {
            switch (buf[a] | 0x20) {
            case 't':
                c->t = col;
                break;
            case 'i':
                c->i = col;
                break;
            case 'j':
                c->j = col;
                break;
            case 'k':
                c->k = col;
                break;
            case 'v':
                c->v = col;
                break;
            case 'q':
                c->q = col;
                break;
            default:
                break;
            }
        }
        fs = i + 1;
        if (c->ncols > BACI_MAXF)
            return trade_error_set(err, TRADE_EDATA, path, 1, 1,
                                   "more than %d columns: not a BACI file", BACI_MAXF);
    }
    const char *missing = c->t < 0 ? "t" : c->i < 0 ? "i" : c->j < 0 ? "j" : c->v < 0 ? "v" : NULL;
    if (!missing && im->opt.level != TRADE_IMPORT_TOTAL && c->k < 0)
        missing = "k (needed by --level)";
    if (!missing && im->opt.with_quantity && c->q < 0)
        missing = "q (needed by --with-quantity)";
    if (missing)
        return trade_error_set(err, TRADE_EDATA, path, 1, 1,
                               "not a BACI file: no column %s (expected header t,i,j,k,v,q)",
                               missing);
    return 0;
}

static int merge_into(trade_import *im, imp_map *m, const char *path, trade_error *err)
{
    if (im->map.n == 0) { /* take the worker's table as it is */
        imp_map_free(&im->map);
        im->map = *m;
        m->slots = NULL;
        m->cap = m->n = 0;
        for (size_t i = 0; i < im->map.cap; i++)
            if (im->map.slots[i].a)
                im->map.slots[i].src = im->cur_src;
        return 0;
    }
    if (imp_map_reserve(&im->map, im->map.n + m->n))
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    for (size_t i = 0; i < m->cap; i++) {
        const imp_group *g = &m->slots[i];
        if (!g->a)
            continue;
        int rc = imp_add(im, g->a, g->prod, g->value, g->quantity, g->rows, g->quantity_rows,
                         im->cur_src);
        if (rc)
            return trade_error_set(err, rc, path, 0, 0, "%s",
                                   rc == TRADE_ELIMIT ? "a sum goes beyond the 128-bit range"
                                                      : "out of memory");
    }
    return 0;
}

static int worker_error(const baci_worker *w, unsigned long first_line, trade_error *err)
{
    if (err) {
        *err = w->err;
        err->line = first_line + w->err_line;
    }
    return w->status;
}

/* ---- input that is not a plain regular file ----
 *
 * The two workers need a regular file to pread. A pipe, a compressed file
 * and each member of a zip archive are first copied (decompressed) into an
 * unlinked temporary file in TMPDIR. The copy of text is checked on the
 * way, so that no input runs on without end: a NUL byte (a binary file,
 * /dev/zero) or UTF-16 stops it at once, with its line, and so does a line
 * longer than BACI_BUF_MAX. */

typedef struct spool_src {
    int fd;   /* read from fd, or */
    inp *in;  /* from the current member of in */
    const char *pre; /* bytes already read from fd */
    size_t npre;
} spool_src;

static int spool_read(spool_src *s, char *buf, size_t size, size_t *got, trade_error *err,
                      const char *label)
{
    if (s->npre) {
        size_t n = s->npre < size ? s->npre : size;
        memcpy(buf, s->pre, n);
        s->pre += n;
        s->npre -= n;
        *got = n;
        return 0;
    }
    if (s->in)
        return inp_read(s->in, buf, size, got, err);
    for (;;) {
        ssize_t n = read(s->fd, buf, size);
        if (n >= 0) {
            *got = (size_t)n;
            return 0;
        }
        if (errno != EINTR)
            return trade_error_set(err, TRADE_EIO, label, 0, 0, "read error: %s", strerror(errno));
    }
}

static int spool(spool_src *src, int check, const char *label, int *out, trade_error *err)
{
    *out = -1;
    int t = inp_tmpfile();
    if (t < 0)
        return trade_error_set(err, TRADE_EIO, label, 0, 0,
                               "cannot create a temporary file (in TMPDIR or /tmp): %s",
                               strerror(errno));
    char *buf = malloc(1 << 16);
    int rc = buf ? 0 : trade_error_set(err, TRADE_ENOMEM, label, 0, 0, "out of memory");
    unsigned long line = 1;
    uint64_t col = 0; /* bytes since the last line end */
    int first = 1;
    size_t got;
    while (!rc && !(rc = spool_read(src, buf, 1 << 16, &got, err, label)) && got) {
        if (check) {
            if (first && got >= 2 &&
                ((buf[0] == '\xFF' && buf[1] == '\xFE') || (buf[0] == '\xFE' && buf[1] == '\xFF'))) {
                rc = trade_error_set(err, TRADE_ECSV, label, 1, 1, "UTF-16 text: convert it to UTF-8");
                break;
            }
            const char *z = memchr(buf, '\0', got), *end = z ? z : buf + got, *p = buf, *nl;
            while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
                line++;
                col = 0;
                p = nl + 1;
            }
            col += (uint64_t)(end - p);
            if (z) {
                rc = trade_error_set(err, TRADE_ECSV, label, line, (unsigned long)col + 1,
                                     "NUL byte: not a text file");
                break;
            }
            if (col > BACI_BUF_MAX) {
                rc = trade_error_set(err, TRADE_ELIMIT, label, line, 0,
                                     "line longer than %u bytes", BACI_BUF_MAX);
                break;
            }
        }
        first = 0;
        for (size_t off = 0; !rc && off < got;) {
            ssize_t n = write(t, buf + off, got - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                rc = trade_error_set(err, TRADE_EIO, label, 0, 0,
                                     "cannot write a temporary file: %s",
                                     n < 0 ? strerror(errno) : "no space");
            else
                off += (size_t)n;
        }
    }
    free(buf);
    if (rc) {
        close(t);
        return rc;
    }
    *out = t;
    return 0;
}

static int baci_fd(trade_import *im, int fd, const char *path, trade_error *err);

/* A member name of a BACI archive: the country table, the product table,
 * a yearly data file, or something else (a readme: skipped). */
static int member_kind(const char *name)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    size_t n = strlen(b);
    if (n < 4 || strcasecmp(b + n - 4, ".csv") != 0)
        return 0;
    if (!strncasecmp(b, "country_codes", 13))
        return 1;
    if (!strncasecmp(b, "product_codes", 13))
        return 2;
    return 3;
}

/* A zip archive as CEPII ships it, on fd (seekable): the tables first,
 * then every yearly file. */
static int baci_zip(trade_import *im, int fd, const char *path, trade_error *err)
{
    int rc = 0, ndata = 0;
    char label[TRADE_ERROR_FILE_MAX], source[TRADE_ERROR_FILE_MAX];
    for (int pass = 0; pass < 2 && !rc; pass++) {
        inp *in;
        if (lseek(fd, 0, SEEK_SET) < 0)
            return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot seek: %s", strerror(errno));
        if ((rc = inp_open_fd(&in, fd, path, err)))
            return rc;
        const char *name;
        int k;
        while (!rc && (k = inp_next(in, &name, err)) > 0) {
            if (!name)
                break;
            int kind = member_kind(name);
            snprintf(label, sizeof label, "%s(%s)", path, name);
            inp_member_label(source, sizeof source, path, name);
            if (pass == 0 && (kind == 1 || (kind == 2 && im->opt.product_names))) {
                csvr r;
                memset(&r, 0, sizeof r);
                r.label = label;
                r.err = err;
                rc = kind == 1 ? imp_countries_member(im, &r, in, 0) : imp_products_member(im, &r, in);
                free(r.arena);
            } else if (pass == 1 && kind == 3) {
                spool_src src = {-1, in, NULL, 0};
                int t;
                ndata++;
                if (!(rc = spool(&src, 1, label, &t, err))) {
                    if (!(im->cur_src = imp_src_intern(im, im->opt.source ? im->opt.source : source)))
                        rc = trade_error_set(err, TRADE_ENOMEM, label, 0, 0, "out of memory");
                    else
                        rc = baci_fd(im, t, label, err);
                    close(t);
                }
            }
        }
        if (!rc && k < 0)
            rc = -k;
        inp_close(in);
    }
    if (!rc && !ndata)
        rc = trade_error_set(err, TRADE_EDATA, path, 0, 0,
                             "no BACI data file (a .csv other than country_codes and "
                             "product_codes) in the archive");
    return rc;
}

int trade_import_baci(trade_import *im, const char *path, trade_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY);
    if (is_stdin)
        path = "stdin";
    if (fd < 0)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot stat: %s", strerror(errno));
    }
    inp_kind kind;
    int rc = 0, t = -1;
    if (S_ISREG(st.st_mode)) {
        kind = inp_sniff_fd(fd);
    } else {
        /* a pipe (stdin in a streaming map step), a device: peek, then copy */
        char pre[8];
        size_t npre = 0;
        while (npre < sizeof pre) {
            ssize_t n = read(fd, pre + npre, sizeof pre - npre);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            npre += (size_t)n;
        }
        kind = inp_sniff((const unsigned char *)pre, npre);
        spool_src src = {fd, NULL, pre, npre};
        rc = spool(&src, kind == INP_PLAIN, path, &t, err);
        close(fd);
        fd = t;
        if (rc)
            return rc;
    }
    if (kind == INP_ZIP) {
        rc = baci_zip(im, fd, path, err);
        close(fd);
        return rc;
    }
    if (!(im->cur_src =
              imp_src_intern(im, im->opt.source ? im->opt.source : inp_basename(path)))) {
        close(fd);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    if (kind != INP_PLAIN) { /* one compressed stream */
        inp *in;
        if (lseek(fd, 0, SEEK_SET) < 0 || (rc = inp_open_fd(&in, fd, path, err))) {
            if (!rc)
                rc = trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot seek: %s", strerror(errno));
            close(fd);
            return rc;
        }
        const char *name;
        int k = inp_next(in, &name, err);
        spool_src src = {-1, in, NULL, 0};
        rc = k < 0 ? -k : spool(&src, 1, path, &t, err);
        inp_close(in);
        close(fd);
        if (rc)
            return rc;
        fd = t;
    }
    rc = baci_fd(im, fd, path, err);
    close(fd);
    return rc;
}

/* Sum the BACI records of the regular file open on fd (not closed). */
static int baci_fd(trade_import *im, int fd, const char *path, trade_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot stat: %s", strerror(errno));
    uint64_t fsize = (uint64_t)st.st_size, data = 0;
    unsigned long hlines = 1;
    baci_cols c;
    int rc = read_header(im, path, fd, fsize, &c, &data, &hlines, err);
    if (rc)
        return rc;
    /* numeric codes, resolved once before the threads start */
    for (int n = 0; n < 1000; n++)
        im->bynum[n] = imp_code_numeric(im, n);

    int nthreads = im->opt.threads > 0 ? im->opt.threads : 2;
    if (fsize - data < BACI_MIN_SPLIT)
        nthreads = 1;
    uint64_t split = fsize;
    if (nthreads > 1) {
        /* the first newline at or after the middle */
        char buf[4096];
        uint64_t pos = data + (fsize - data) / 2;
        split = fsize;
        while (pos < fsize) {
            ssize_t n = pread(fd, buf, sizeof buf, (off_t)pos);
            if (n <= 0)
                break;
            const char *nl = memchr(buf, '\n', (size_t)n);
            if (nl) {
                split = pos + (uint64_t)(nl - buf) + 1;
                break;
            }
            pos += (uint64_t)n;
        }
        if (split >= fsize)
            nthreads = 1;
    }
    baci_worker w[2];
    unsigned long first = hlines + 1;
    if ((rc = worker_init(&w[0], im, path, fd, &c, data, split, fsize, err)))
        return rc;
    int two = nthreads > 1;
    pthread_t th;
    if (two) {
        if ((rc = worker_init(&w[1], im, path, fd, &c, split, fsize, fsize, err))) {
            worker_free(&w[0]);
            return rc;
        }
        w[0].peer = &w[1];
        if (trade_writer_thread_create(&th, worker_main, &w[1]) != 0) {
            worker_free(&w[1]);
            two = 0;
            w[0].end = fsize;
            w[0].peer = NULL;
        }
    } else {
        w[0].end = fsize;
    }
    worker_scan(&w[0], data);
    if (two)
        pthread_join(th, NULL);
    if (!w[0].status && two && w[0].stop != split) {
        /* the split was inside a quoted field: finish alone */
        w[0].end = fsize;
        worker_scan(&w[0], w[0].stop);
        worker_free(&w[1]);
        two = 0;
    }
    if (w[0].status)
        rc = worker_error(&w[0], first, err);
    else if (two && w[1].status)
        rc = worker_error(&w[1], first + w[0].lines, err);
    if (!rc && im->opt.split_hash) {
        char h[IMP_SPLIT_LEN];
        imp_split_hash(h, w[0].hsum + (two ? w[1].hsum : 0), w[0].hn + (two ? w[1].hn : 0));
        if (imp_split_add(im, h) == TRADE_ENOMEM)
            rc = trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    if (!rc)
        rc = merge_into(im, &w[0].map, path, err);
    worker_free(&w[0]);
    if (!rc && two)
        rc = merge_into(im, &w[1].map, path, err);
    if (!rc && im->opt.progress)
        im->opt.progress(im->opt.progress_ctx, fsize, fsize);
    if (two)
        worker_free(&w[1]);
    return rc;
}

/* ---- sorted input, streamed ----
 *
 * BACI ships each year sorted by exporter, importer and product. Then the
 * groups of one (year, exporter) block are all in that block, and the
 * output, sorted by (year, reporter code, partner code, product), is the
 * blocks in the order of their (year, reporter code), each block's groups
 * in the order of (partner code, product). So a first pass finds the
 * blocks (byte ranges, from the first two fields of each line), and each
 * block is then read, summed and given to the caller alone: memory is
 * bounded by the largest block, not by the number of groups. Within a
 * block the rows of one importer are together and their products rise in
 * a sorted file, so a group is the run of equal keys and no hash table is
 * needed; a block that is not so is sorted in memory. A file whose blocks
 * are not contiguous (a year or an exporter met twice), with quotes, or
 * lines that do not start with two numbers, is left to the hash path. */

typedef struct sblock {
    uint64_t start, end;
    unsigned long line; /* physical line of its first byte */
    uint32_t year;
    int rep; /* code id */
} sblock;

static int code_rank_s[IMP_MAX_CODES];
static const trade_import *srt_im;

static int id_cmp_s(const void *x, const void *y)
{
    return strcmp(srt_im->codes[*(const int *)x], srt_im->codes[*(const int *)y]);
}

static int sblock_cmp(const void *x, const void *y)
{
    const sblock *a = x, *b = y;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return code_rank_s[a->rep] - code_rank_s[b->rep];
}

/* Product codes in text order: their 8 packed bytes are the code padded
 * with NULs (imp_product), so comparing the bytes is comparing the text. */
static int prod_cmp(uint64_t x, uint64_t y)
{
#if BACI_SWAR
    /* the first byte is the lowest: as big-endian numbers (a memcmp call
     * for every group of a block was a few per cent of an hs6 import) */
    x = __builtin_bswap64(x);
    y = __builtin_bswap64(y);
    return (x > y) - (x < y);
#else
    return memcmp(&x, &y, sizeof x);
#endif
}

static int sgroup_cmp(const void *x, const void *y)
{
    const imp_group *a = x, *b = y;
    int c = code_rank_s[(a->a >> 8) & 0xFFF] - code_rank_s[(b->a >> 8) & 0xFFF];
    return c ? c : prod_cmp(a->prod, b->prod);
}

/* ---- the first pass: the blocks, found by two threads ----
 *
 * Each thread reads the lines that start in its half of the file (the
 * second half starts after the first newline past the middle) and notes
 * where its (year, exporter) blocks start; the halves are then joined as
 * if one thread had read the whole file: a block that goes on across the
 * split is one block, and a block of the second half whose (year,
 * exporter) was met in the first is the same "not sorted" as in one pass.
 * A split inside a quoted field cannot pass unseen: the line holding the
 * opening quote has an odd number of quotes, which sends the file to the
 * general path. */

typedef struct bpart {
    trade_import *im;
    int fd;
    const char *path;
    uint64_t from, to, fsize; /* the lines starting in [from, to) */
    sblock *b;                /* start: offset of the block's first line; line: lines before it */
    size_t n, cap;
    unsigned long lines; /* physical lines of the part */
    int first_ni, last_ni; /* the exporter codes of its first and last blocks */
    int rc;              /* 0, -1 (not streamable) or a status in err */
    trade_error err;
} bpart;

/* The first newline in [s, end), or NULL: eight bytes at a time (lines
 * are about 32 bytes: a memchr call per line cost more than its scan). */
static inline const char *next_newline(const char *s, const char *end)
{
#if BACI_SWAR
    for (; end - s >= 8; s += 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        uint64_t z = buf_zero_bytes(w ^ 0x0a0a0a0a0a0a0a0au);
        if (z)
            return s + (unsigned)__builtin_ctzll(z) / 8;
    }
#endif
    for (; s < end; s++)
        if (*s == '\n')
            return s;
    return NULL;
}

/* The current block's line start ("2021,4,") as two masked words, so a
 * line of the block is known without reading its numbers. */
typedef struct bprefix {
    size_t len; /* 0: none */
    uint64_t w[2], m[2];
    char text[16];
} bprefix;

static void prefix_set(bprefix *x, const char *s, size_t len)
{
    memset(x, 0, sizeof *x);
    if (len > sizeof x->text)
        return;
    x->len = len;
    memcpy(x->text, s, len);
    memcpy(x->w, x->text, sizeof x->w);
    unsigned char m[16] = {0};
    memset(m, 0xFF, len);
    memcpy(x->m, m, sizeof x->m);
}

/* 1 when the line at s (ll bytes, the buffer readable 16 bytes past s)
 * starts with the prefix and is longer. */
static inline int prefix_at(const bprefix *x, const char *s, size_t ll)
{
    if (!x->len || ll <= x->len)
        return 0;
#if BACI_SWAR
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + 8, 8);
    return !(((a ^ x->w[0]) & x->m[0]) | ((b ^ x->w[1]) & x->m[1]));
#else
    return !memcmp(s, x->text, x->len);
#endif
}

static int bpart_fail(bpart *s, int code, const char *fmt, const char *arg)
{
    return s->rc = trade_error_set(&s->err, code, s->path, 0, 0, fmt, arg);
}

/* The blocks of the lines that start in [s->from, s->to). Sets s->rc. */
static void bpart_scan(bpart *s)
{
    trade_import *im = s->im;
    /* zeroed: the prefix test reads up to 16 bytes past a line start */
    char *buf = calloc(1, BACI_BUF + 1 + 16);
    /* (year, exporter) met: 1.25 MB, the part's own */
    unsigned char(*seen)[1000 / 8 + 1] = calloc(10000, sizeof *seen);
    s->cap = 256;
    s->n = 0;
    s->b = malloc(s->cap * sizeof *s->b);
    if (!buf || !seen || !s->b) {
        bpart_fail(s, TRADE_ENOMEM, "%s", "out of memory");
        goto done;
    }
    bprefix prefix = {0};
    int quotes = 1; /* the unread part of buf may hold a quote */
    uint64_t off = s->from;
    unsigned long line = 0;
    size_t len = 0, p = 0;
    uint32_t cy = 0;
    int cn = -1;
    for (;;) {
        const char *sp = buf + p, *nl = next_newline(sp, buf + len);
        if (!nl) {
            memmove(buf, buf + p, len - p);
            off += p;
            len -= p;
            p = 0;
            if (off + len >= s->to) {
                if (len == 0)
                    break;
                buf[len++] = '\n'; /* a last line without its end */
            } else {
                size_t want = BACI_BUF - len;
                if (want > s->to - (off + len))
                    want = (size_t)(s->to - (off + len));
                ssize_t r = pread(s->fd, buf + len, want, (off_t)(off + len));
                if (r < 0 && errno == EINTR)
                    continue;
                if (r <= 0) {
                    if (r < 0)
                        bpart_fail(s, TRADE_EIO, "read error: %s", strerror(errno));
                    else
                        s->rc = -1;
                    break;
                }
                len += (size_t)r;
                if (!memchr(buf, '\n', len) && len >= BACI_BUF) {
                    s->rc = -1; /* a long line: the general path says what is wrong */
                    break;
                }
            }
            quotes = memchr(buf, '"', len) != NULL;
            continue;
        }
        size_t ll = (size_t)(nl - sp);
        if (!quotes && prefix_at(&prefix, sp, ll)) {
            line++; /* the block goes on */
            p += ll + 1;
            continue;
        }
        if (quotes && memchr(sp, '"', ll)) {
            /* quotes: a simple quoted field ("010121") keeps the line whole;
             * any other use goes to the general path */
            int q = 0;
            for (size_t k = 0; k < ll; k++)
                q += sp[k] == '"';
            if (q & 1) {
                s->rc = -1;
                break;
            }
        }
        unsigned y = 0, ni = 0;
        size_t k = 0;
        while (k < ll && sp[k] >= '0' && sp[k] <= '9' && y < 100000)
            y = y * 10 + (unsigned)(sp[k++] - '0');
        int ok = k > 0 && k < ll && sp[k] == ',';
        size_t k0 = ++k;
        while (ok && k < ll && sp[k] >= '0' && sp[k] <= '9' && ni < 100000)
            ni = ni * 10 + (unsigned)(sp[k++] - '0');
        ok = ok && k > k0 && k < ll && sp[k] == ',' && y >= 1 && y <= 9999 && ni < 1000;
        if (!ok) {
            if (ll == 0 || (ll <= 2 && sp[0] == '\r') || (sp[0] | 0x20) == 't') {
                /* a blank line or the header again: part of the block */
            } else {
                s->rc = -1; /* padded, quoted or bad: the general path */
                break;
            }
        } else if (y != cy || (int)ni != cn) {
            if (seen[y][ni >> 3] & (1u << (ni & 7))) {
                s->rc = -1; /* met before: not sorted by year and exporter */
                break;
            }
            seen[y][ni >> 3] |= (unsigned char)(1u << (ni & 7));
            int rep = im->bynum[ni];
            if (rep < 0) {
                s->rc = -1; /* unknown code: the general path reports it */
                break;
            }
            for (size_t j = 0; j < s->n && !s->rc; j++)
                if (s->b[j].year == y && s->b[j].rep == rep)
                    s->rc = -1; /* two numeric codes of one country (250, 251) */
            if (s->rc)
                break;
            if (ARRAY_GROW(s->b, s->n + 1, s->cap)) {
                bpart_fail(s, TRADE_ENOMEM, "%s", "out of memory");
                break;
            }
            s->b[s->n++] = (sblock){off + p, 0, line, y, rep};
            if (s->n == 1)
                s->first_ni = (int)ni;
            s->last_ni = (int)ni;
            cy = y;
            cn = (int)ni;
            prefix_set(&prefix, sp, k + 1); /* "year,exporter," */
        }
        line++;
        p += ll + 1;
    }
    s->lines = line;
done:
    free(buf);
    free(seen);
}

static void *bpart_main(void *arg)
{
    bpart_scan(arg);
    return NULL;
}

/* The first newline at or after pos, plus one (a line start), or fsize. */
static uint64_t split_point(int fd, uint64_t pos, uint64_t fsize)
{
    char buf[4096];
    while (pos < fsize) {
        ssize_t n = pread(fd, buf, sizeof buf, (off_t)pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        const char *nl = memchr(buf, '\n', (size_t)n);
        if (nl)
            return pos + (uint64_t)(nl - buf) + 1;
        pos += (uint64_t)n;
    }
    return fsize;
}

/* The blocks of the file, or -1 (not streamable), or a status. */
static int find_blocks(trade_import *im, int fd, uint64_t data, uint64_t fsize,
                       unsigned long first_line, sblock **out, size_t *nout, trade_error *err,
                       const char *path)
{
    bpart part[2];
    memset(part, 0, sizeof part);
    uint64_t split = fsize;
    if (im->opt.threads != 1 && fsize - data >= BACI_MIN_SPLIT)
        split = split_point(fd, data + (fsize - data) / 2, fsize);
    for (int k = 0; k < 2; k++) {
        part[k].im = im;
        part[k].fd = fd;
        part[k].path = path;
        part[k].fsize = fsize;
        part[k].from = k ? split : data;
        part[k].to = k ? fsize : split;
    }
    pthread_t th;
    int two = split < fsize && trade_writer_thread_create(&th, bpart_main, &part[1]) == 0;
    if (!two) { /* one thread: the first part is the whole file */
        part[0].to = fsize;
        split = fsize;
    }
    bpart_scan(&part[0]);
    if (two)
        pthread_join(th, NULL);
    /* the join: as one pass would have stopped, at the first problem in
     * file order */
    int rc = part[0].rc;
    if (rc > 0 && err)
        *err = part[0].err;
    sblock *b = part[0].b;
    size_t n = part[0].n;
    if (!rc && two) {
        const sblock *b1 = part[1].b;
        size_t n1 = part[1].n, i = 0;
        if (n1 && n && b[n - 1].year == b1[0].year && part[0].last_ni == part[1].first_ni)
            i = 1; /* the last block of the first half goes on */
        for (size_t k = i; k < n1 && !rc; k++)
            for (size_t j = 0; j < n && !rc; j++)
                if (b[j].year == b1[k].year && b[j].rep == b1[k].rep)
                    rc = -1; /* met in the first half, or a second code of its country */
        if (!rc && (rc = part[1].rc) > 0 && err)
            *err = part[1].err;
        if (!rc && ARRAY_GROW(b, n + n1, part[0].cap))
            rc = trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
        for (size_t k = i; !rc && k < n1; k++) {
            b[n] = b1[k];
            b[n++].line += part[0].lines;
        }
    }
    free(part[1].b);
    if (rc) {
        free(b);
        return rc;
    }
    for (size_t k = 0; k < n; k++) {
        b[k].line += first_line;
        b[k].end = k + 1 < n ? b[k + 1].start : fsize;
    }
    if (n) {
        b[0].start = data;
        b[0].line = first_line;
    }
    *out = b;
    *nout = n;
    return 0;
}

/* A run of groups of one partner in a block: arr[start .. start + len). */
typedef struct brun {
    int rank;
    size_t start, len;
} brun;

/* Put the rows of one block (w->arr, in input order) into output order:
 * runs of one partner, the runs (w->runs) in order of partner code, the
 * groups left where they are (a copy of the block would double its memory:
 * 800,000 groups of 64 bytes for a large exporter at HS6); a block whose
 * runs are not clean (a partner met twice, products not rising) is sorted
 * and merged, and is then one run. */
static int block_order(baci_worker *w)
{
    size_t n = w->narr;
    imp_group *g = w->arr;
    int clean = 1;
    for (size_t i = 1; i < n && clean; i++) {
        uint64_t pa = (g[i - 1].a >> 8) & 0xFFF, pb = (g[i].a >> 8) & 0xFFF;
        if (pa == pb && prod_cmp(g[i - 1].prod, g[i].prod) >= 0)
            clean = 0;
    }
    w->nruns = 0;
    if (clean) {
        /* runs, then a check that no partner has two, then runs by rank */
        unsigned char *met = w->met;
        size_t nr = 0;
        for (size_t i = 0; i < n; i++)
            if (!i || ((g[i].a >> 8) & 0xFFF) != ((g[i - 1].a >> 8) & 0xFFF))
                nr++;
        if (ARRAY_GROW(w->runs, nr + 1, w->capruns))
            return TRADE_ENOMEM;
        brun *runs = w->runs;
        nr = 0;
        for (size_t i = 0; i < n; i++) {
            int par = (int)((g[i].a >> 8) & 0xFFF);
            if (!i || par != (int)((g[i - 1].a >> 8) & 0xFFF)) {
                if (met[par])
                    clean = 0;
                met[par] = 1;
                runs[nr++] = (brun){code_rank_s[par], i, 0};
            }
            runs[nr - 1].len++;
        }
        for (size_t i = 0; i < n; i++)
            met[(g[i].a >> 8) & 0xFFF] = 0;
        if (clean) {
            /* insertion sort of the runs (a few hundred) */
            for (size_t i = 1; i < nr; i++) {
                brun t = runs[i];
                size_t j = i;
                while (j && runs[j - 1].rank > t.rank) {
                    runs[j] = runs[j - 1];
                    j--;
                }
                runs[j] = t;
            }
            w->nruns = nr;
            return 0;
        }
    }
    qsort(g, n, sizeof *g, sgroup_cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && g[k - 1].a == g[i].a && g[k - 1].prod == g[i].prod) {
            if (__builtin_add_overflow(g[k - 1].value, g[i].value, &g[k - 1].value) ||
                __builtin_add_overflow(g[k - 1].quantity, g[i].quantity, &g[k - 1].quantity))
                return TRADE_ELIMIT;
            g[k - 1].rows += g[i].rows;
            g[k - 1].quantity_rows += g[i].quantity_rows;
        } else {
            g[k++] = g[i];
        }
    }
    w->narr = k;
    if (!w->capruns) {
        if (!(w->runs = malloc(sizeof *w->runs)))
            return TRADE_ENOMEM;
        w->capruns = 1;
    }
    w->runs[0] = (brun){0, 0, k};
    w->nruns = 1;
    return 0;
}

/* The blocks of a streamed import, shared by its threads: each takes the
 * next block not taken, reads and orders it on its own, then waits for its
 * turn and hands the block's groups over, so fn gets them in output order
 * from one thread at a time. (Before, the second half of the blocks went to
 * a part of its own, a temporary file copied after the first half at the
 * end: half the output written twice, and a second or two of copying on
 * one thread at hs6.) */
typedef struct stream_shared {
    trade_import *im;
    sblock *blocks;
    size_t nb;
    trade_import_group_fn fn;
    void *ctx;
    uint64_t fsize, done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int threaded;
    size_t next_take; /* the next block to read */
    size_t next_out;  /* the next block to hand over */
    size_t stop_at;   /* the first block that failed (nb: none); later ones are dropped */
    int rc;           /* its status, err its error */
    trade_error err;
} stream_shared;

typedef struct stream_job {
    stream_shared *sh;
    baci_worker w;
    uint64_t hsum, hn;
} stream_job;

static void sh_lock(stream_shared *sh)
{
    if (sh->threaded)
        pthread_mutex_lock(&sh->mu);
}

static void sh_unlock(stream_shared *sh)
{
    if (sh->threaded)
        pthread_mutex_unlock(&sh->mu);
}

/* Block b failed with rc (err may be NULL: the callback's own): kept when
 * it is the first failed block so far. Called locked. */
static void sh_fail(stream_shared *sh, size_t b, int rc, const trade_error *err)
{
    if (b < sh->stop_at) {
        sh->stop_at = b;
        sh->rc = rc;
        if (err)
            sh->err = *err;
        else
            trade_error_clear(&sh->err);
    }
    if (sh->threaded)
        pthread_cond_broadcast(&sh->cv);
}

/* Read, order and hand over blocks until none is left. */
static void stream_run(stream_job *j)
{
    stream_shared *sh = j->sh;
    baci_worker *w = &j->w;
    trade_import *im = sh->im;
    for (;;) {
        sh_lock(sh);
        size_t b = sh->next_take;
        int go = b < sh->nb && b < sh->stop_at;
        if (go)
            sh->next_take++;
        sh_unlock(sh);
        if (!go)
            return;
        w->start = sh->blocks[b].start;
        w->end = sh->blocks[b].end;
        w->narr = 0;
        w->lines = 0;
        w->hsum = w->hn = 0;
        worker_scan(w, w->start);
        if (w->status) {
            trade_error e;
            int rc = worker_error(w, sh->blocks[b].line, &e);
            sh_lock(sh);
            sh_fail(sh, b, rc, &e);
            sh_unlock(sh);
            return;
        }
        j->hsum += w->hsum;
        j->hn += w->hn;
        int orc = block_order(w);
        if (orc) {
            trade_error e;
            int rc = trade_error_set(&e, orc, w->path, sh->blocks[b].line, 0, "%s",
                                     orc == TRADE_ELIMIT ? "a sum goes beyond the 128-bit range"
                                                         : "out of memory");
            sh_lock(sh);
            sh_fail(sh, b, rc, &e);
            sh_unlock(sh);
            return;
        }
        /* the turn: every block before b handed over (or one failed) */
        sh_lock(sh);
        while (sh->threaded && sh->next_out != b && sh->stop_at > b)
            pthread_cond_wait(&sh->cv, &sh->mu);
        int dropped = sh->stop_at < b;
        sh_unlock(sh);
        if (dropped)
            return;
        int rc = 0;
        for (size_t r = 0; r < w->nruns && !rc; r++)
            for (size_t i = w->runs[r].start; i < w->runs[r].start + w->runs[r].len && !rc;
                 i++) {
                trade_import_group out;
                w->arr[i].src = im->cur_src;
                imp_group_out(im, &w->arr[i], &out);
                rc = sh->fn(sh->ctx, &out);
            }
        sh_lock(sh);
        if (rc) {
            sh_fail(sh, b, rc, NULL);
        } else {
            sh->done += sh->blocks[b].end - sh->blocks[b].start;
            if (im->opt.progress)
                im->opt.progress(im->opt.progress_ctx, sh->done, sh->fsize);
            sh->next_out = b + 1;
            if (sh->threaded)
                pthread_cond_broadcast(&sh->cv);
        }
        sh_unlock(sh);
        if (rc)
            return;
    }
}

static void *stream_main(void *arg)
{
    stream_job *j = arg;
    stream_run(j);
    return NULL;
}

int trade_import_baci_stream(trade_import *im, const char *path, trade_import_group_fn fn,
                             void *ctx, trade_error *err)
{
    if (!strcmp(path, "-"))
        return -1;
    /* a FIFO must be opened once only: opened and closed here, its writer
     * would see the reader go (and the general path wait for another) */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || inp_sniff_fd(fd) != INP_PLAIN) {
        close(fd);
        return -1; /* a pipe, an archive, compressed: the general path */
    }
    uint64_t fsize = (uint64_t)st.st_size, data = 0;
    unsigned long hlines = 1;
    inp_read_ahead(fd, fsize);
    baci_cols c;
    int rc = read_header(im, path, fd, fsize, &c, &data, &hlines, err);
    if (rc || c.ncols != 6 || c.t != 0 || c.i != 1) {
        close(fd);
        return rc ? rc : -1;
    }
    for (int n = 0; n < 1000; n++)
        im->bynum[n] = imp_code_numeric(im, n);
    if (!(im->cur_src = imp_src_intern(im, im->opt.source ? im->opt.source : inp_basename(path)))) {
        close(fd);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    sblock *blocks = NULL;
    size_t nb = 0;
    if ((rc = find_blocks(im, fd, data, fsize, hlines + 1, &blocks, &nb, err, path))) {
        close(fd);
        return rc;
    }
    /* code ranks: every code is interned by now (bynum above) */
    int ids[IMP_MAX_CODES];
    for (int i = 0; i < im->ncodes; i++)
        ids[i] = i;
    srt_im = im;
    qsort(ids, (size_t)im->ncodes, sizeof ids[0], id_cmp_s);
    for (int i = 0; i < im->ncodes; i++)
        code_rank_s[ids[i]] = i;
    qsort(blocks, nb, sizeof *blocks, sblock_cmp);
    uint64_t all = 0;
    for (size_t i = 0; i < nb; i++)
        all += blocks[i].end - blocks[i].start;
    stream_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.im = im;
    sh.blocks = blocks;
    sh.nb = nb;
    sh.fn = fn;
    sh.ctx = ctx;
    sh.fsize = all;
    sh.stop_at = nb;
    /* a second thread for a file of some size with more than one block */
    int want_two = im->opt.threads != 1 && all >= BACI_MIN_SPLIT && nb > 1;
    stream_job job[2];
    memset(job, 0, sizeof job);
    for (int k = 0; k < 1 + want_two; k++) {
        job[k].sh = &sh;
        if ((rc = worker_init(&job[k].w, im, path, fd, &c, data, fsize, fsize, err))) {
            if (k)
                worker_free(&job[0].w);
            free(blocks);
            close(fd);
            return rc;
        }
        job[k].w.stream = 1;
    }
    pthread_t th;
    int two = 0;
    if (want_two && !pthread_mutex_init(&sh.mu, NULL)) {
        if (!pthread_cond_init(&sh.cv, NULL)) {
            sh.threaded = 1;
            two = trade_writer_thread_create(&th, stream_main, &job[1]) == 0;
            if (!two) {
                sh.threaded = 0;
                pthread_cond_destroy(&sh.cv);
                pthread_mutex_destroy(&sh.mu);
            }
        } else {
            pthread_mutex_destroy(&sh.mu);
        }
    }
    stream_run(&job[0]);
    if (two) {
        pthread_join(th, NULL);
        pthread_cond_destroy(&sh.cv);
        pthread_mutex_destroy(&sh.mu);
    }
    rc = sh.rc;
    if (rc && err && rc > 0)
        *err = sh.err;
    if (!rc && im->opt.split_hash) {
        char h[IMP_SPLIT_LEN];
        imp_split_hash(h, job[0].hsum + job[1].hsum, job[0].hn + job[1].hn);
        if (imp_split_add(im, h) == TRADE_ENOMEM)
            rc = trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    if (!rc && im->opt.progress)
        im->opt.progress(im->opt.progress_ctx, all, all);
    worker_free(&job[0].w);
    worker_free(&job[1].w);
    free(blocks);
    close(fd);
    return rc;
}
