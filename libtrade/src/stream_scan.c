/* stream_scan.c - the record scanner, the first pass and the batches of the
 * streaming paths (stream.h; layout in stream_internal.h).
 *
 * A reader reads its byte range with pread into a buffer of its own (grown
 * only for a record longer than it), so several readers share one file
 * descriptor and nothing is mapped. A record ends at a newline outside
 * quotes; only the key columns are cut out (unquoted into a scratch buffer
 * when the record has quotes). */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf_internal.h"
#include "input_internal.h"
#include "stream_internal.h"
#include "table_internal.h"
#include "trade/series.h"
#include "writer_internal.h"

#define READ_CHUNK ((size_t)1 << 18)
#define MAX_RECORD ((size_t)1 << 26)

int Trade_stream_reader_open(stream_reader *r, int fd, unsigned long long off,
                             unsigned long long end, unsigned long line, const int *slot,
                             size_t ncols, size_t bufsize, trade_error *err)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->off = off;
    r->end = end;
    r->line = line;
    r->slot = slot;
    r->ncols = ncols;
    r->cap = bufsize ? bufsize : READ_CHUNK;
    r->buf = malloc(r->cap);
    if (!r->buf)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    return TRADE_OK;
}

void Trade_stream_reader_close(stream_reader *r)
{
    free(r->buf);
    free(r->scratch);
    r->buf = r->scratch = NULL;
}

/* Read more of the range after the unread bytes; 0 at the end of it. */
static int refill(stream_reader *r, const char *name, trade_error *err)
{
    if (r->off >= r->end)
        return 0;
    if (r->before_move && r->before_move(r->move_ctx))
        return -trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    if (r->at > 0) {
        memmove(r->buf, r->buf + r->at, r->len - r->at);
        r->len -= r->at;
        r->at = 0;
    }
    if (r->len == r->cap) {
        if (r->cap >= MAX_RECORD)
            return -trade_error_set(err, TRADE_ELIMIT, name, r->line, 1,
                                    "a record longer than %zu bytes", (size_t)MAX_RECORD);
        if (ARRAY_GROW(r->buf, r->len + 1, r->cap))
            return -trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t want = r->cap - r->len;
    if (want > r->end - r->off)
        want = (size_t)(r->end - r->off);
    ssize_t got;
    do
        got = pread(r->fd, r->buf + r->len, want, (off_t)r->off);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return -trade_error_set(err, TRADE_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
    if (got == 0) { /* the file shrank under us */
        r->end = r->off;
        return 0;
    }
    r->len += (size_t)got;
    r->off += (unsigned long long)got;
    return 1;
}

/* Cut the key fields out of rec[0..n) (no line end). */
static int split(stream_reader *r, const char *rec, size_t n, int quoted, trade_error *err)
{
    for (size_t k = 0; k < SF_COUNT; k++)
        r->f[k] = (stream_field){"", 0};
    if (!quoted) {
        const char *p = rec, *end = rec + n;
        for (size_t col = 0; col < r->ncols; col++) {
            const char *c = memchr(p, ',', (size_t)(end - p));
            const char *fe = c ? c : end;
            if (r->slot[col] >= 0)
                r->f[r->slot[col]] = (stream_field){p, (size_t)(fe - p)};
            if (!c)
                break;
            p = c + 1;
        }
        return 0;
    }
    if (ARRAY_GROW(r->scratch, n + 1, r->scratch_cap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    char *o = r->scratch;
    size_t i = 0, col = 0;
    while (col < r->ncols) {
        char *start = o;
        if (i < n && rec[i] == '"') {
            i++;
            while (i < n) {
                if (rec[i] == '"') {
                    if (i + 1 < n && rec[i + 1] == '"') {
                        *o++ = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                *o++ = rec[i++];
            }
        }
        while (i < n && rec[i] != ',') /* text after a closing quote: kept as is */
            *o++ = rec[i++];
        if (r->slot[col] >= 0)
            r->f[r->slot[col]] = (stream_field){start, (size_t)(o - start)};
        col++;
        if (i >= n)
            break;
        i++; /* the comma */
    }
    return 0;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR 1
/* The high bit of each byte of w that is a comma, a LF or a quote. */
static uint64_t special(uint64_t w)
{
    return buf_bytes_eq(w, ',') | buf_bytes_eq(w, '\n') | buf_bytes_eq(w, '"');
}
#else
#define SWAR 0
#endif

/* The common record: one line without quotes, its fields cut in the same
 * walk that finds its end (fields are a few bytes: a byte loop beats a
 * memchr per field and per line, which were most of the first pass); the
 * end of every field is kept in r->cut. Returns 1 with the record set, 0
 * when the buffer holds no line end (to be refilled), or -1 at a quote
 * (the general way, which then starts again at the record). */
static int next_simple(stream_reader *r)
{
    const char *p = r->buf + r->at, *end = r->buf + r->len;
    const int *slot = r->slot;
    size_t ncols = r->ncols, col = 0;
    stream_field f[SF_COUNT];
    for (size_t k = 0; k < SF_COUNT; k++)
        f[k] = (stream_field){"", 0};
    const char *fs = p, *c = p; /* c: the first byte not looked at */
#if SWAR
    /* eight bytes at a time; every comma, LF or quote of a word is taken
       from its mask in turn (fields are a few bytes: a word holds two or
       three), instead of reading the word again after each */
    uint64_t m = 0;
    const char *base = p;
#endif
    for (;;) {
        const char *at; /* the next comma, LF or quote */
#if SWAR
        while (!m && end - c >= 8) {
            uint64_t w;
            memcpy(&w, c, 8);
            base = c;
            c += 8;
            m = special(w);
        }
        if (m) {
            at = base + (unsigned)__builtin_ctzll(m) / 8;
            m &= m - 1;
        } else
#endif
        {
            while (c < end && *c != ',' && *c != '\n' && *c != '"')
                c++;
            if (c == end)
                return 0;
            at = c++;
        }
        char ch = *at;
        if (ch == '"')
            return -1;
        if (col < ncols && slot[col] >= 0)
            f[slot[col]] = (stream_field){fs, (size_t)(at - fs)};
        if (col < STREAM_MAX_CUT)
            r->cut[col] = (uint32_t)(at - p); /* records are under MAX_RECORD bytes */
        if (ch == '\n') {
            c = at;
            break;
        }
        col++;
        fs = at + 1;
        if (r->scan_cols && col >= r->scan_cols) {
            /* the rest of the line: its end, and no quote before it */
            const char *nl = memchr(fs, '\n', (size_t)(end - fs));
            if (!nl)
                return 0;
            if (memchr(fs, '"', (size_t)(nl - fs)))
                return -1;
            c = nl;
            col = STREAM_MAX_CUT; /* no cuts: the record was not cut whole */
            break;
        }
    }
    /* a CR before the LF is not part of the last field */
    if (c > p && c[-1] == '\r' && col < ncols && slot[col] >= 0 && f[slot[col]].n > 0)
        f[slot[col]].n--;
    memcpy(r->f, f, sizeof f);
    r->rec_ncut = col < STREAM_MAX_CUT ? col + 1 : 0;
    r->rec_in_buf = 1;
    size_t n = (size_t)(c - p);
    r->rec = p;
    r->rec_has_newline = 1;
    r->rec_span = n + 1;
    r->rec_line = r->line;
    r->rec_nlines = 1;
    r->line++;
    r->at += n + 1;
    return 1;
}

int Trade_stream_reader_next(stream_reader *r, const char *name, trade_error *err)
{
    int simple;
    /* a record cut across the end of the buffer is read the simple way
       too, after a refill (else a batch would hold records without cuts) */
    while ((simple = next_simple(r)) == 0) {
        int rc = refill(r, name, err);
        if (rc < 0)
            return rc;
        if (rc == 0)
            break; /* the end of the range: the last record, maybe without a line end */
    }
    if (simple > 0)
        return 1;
    r->rec_ncut = 0;
    r->rec_in_buf = 0;
    for (;;) {
        const char *p = r->buf + r->at, *end = r->buf + r->len;
        size_t scanned = 0;
        int quotes = 0, inq = 0;
        unsigned long lines = 1;
        const char *nl = NULL;
        while (p + scanned < end) {
            const char *q = memchr(p + scanned, '\n', (size_t)(end - p - scanned));
            const char *stop = q ? q : end;
            for (const char *c = p + scanned; (c = memchr(c, '"', (size_t)(stop - c))) != NULL;
                 c++) {
                quotes = 1;
                inq = !inq;
            }
            if (!q)
                break;
            if (!inq) {
                nl = q;
                break;
            }
            lines++;
            scanned = (size_t)(q - p) + 1;
        }
        if (!nl) {
            int rc = refill(r, name, err);
            if (rc < 0)
                return rc;
            if (rc > 0)
                continue;
            if (r->at == r->len)
                return 0;
            nl = end; /* the last record, without a line end */
        }
        size_t n = (size_t)(nl - p);
        r->rec = p;
        r->rec_has_newline = nl < end;
        r->rec_span = n + (nl < end);
        r->rec_line = r->line;
        r->rec_nlines = lines;
        r->line += lines;
        r->at += r->rec_span;
        if (n > 0 && p[n - 1] == '\r')
            n--;
        int rc = split(r, p, n, quotes, err);
        return rc ? -rc : 1;
    }
}

/* Bytewise, as memcmp then the shorter first; key fields are a few bytes,
 * so a loop beats the call (the merge compares every record's key two or
 * three times). */
static int field_cmp(const stream_field *a, const stream_field *b)
{
    size_t n = a->n < b->n ? a->n : b->n;
    const unsigned char *x = (const unsigned char *)a->p, *y = (const unsigned char *)b->p;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return a->n < b->n ? -1 : a->n > b->n;
}

int Trade_stream_key_same(const stream_field *a, const stream_field *b)
{
    /* the product first: records that follow one another mostly differ
       there (the other fields of a pair repeat for thousands of products) */
    static const int order[] = {SF_PRODUCT, SF_PARTNER, SF_REPORTER, SF_FLOW, SF_UNIT};
    for (int k = SF_REPORTER; k < SF_COUNT; k++)
        if (a[k].n != b[k].n)
            return 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const stream_field *x = &a[order[i]], *y = &b[order[i]];
        for (size_t j = 0; j < x->n; j++)
            if (x->p[j] != y->p[j])
                return 0;
    }
    return 1;
}

int Trade_stream_key_cmp(const stream_field *a, const stream_field *b)
{
    for (int k = SF_REPORTER; k < SF_COUNT; k++) {
        int c = field_cmp(&a[k], &b[k]);
        if (c)
            return c;
    }
    return 0;
}

void Trade_stream_plan_free(stream_plan *plan)
{
    if (plan->fd >= 0)
        close(plan->fd);
    plan->fd = -1;
    free(plan->header);
    free(plan->off);
    free(plan->line);
    plan->header = NULL;
    plan->off = NULL;
    plan->line = NULL;
}

/* A copy of a record's key fields (the reader's buffer moves). */
typedef struct key_copy {
    char *text;
    size_t cap;
    stream_field f[SF_COUNT];
} key_copy;

static int key_keep(key_copy *k, const stream_field *f)
{
    size_t need = 0;
    for (int i = 0; i < SF_COUNT; i++)
        need += f[i].n;
    if (ARRAY_GROW(k->text, need + 1, k->cap))
        return -1;
    char *o = k->text;
    for (int i = 0; i < SF_COUNT; i++) {
        memcpy(o, f[i].p, f[i].n);
        k->f[i] = (stream_field){o, f[i].n};
        o += f[i].n;
    }
    return 0;
}

static int names_slot(stream_plan *plan, const char *h, size_t n)
{
    static const char *const names[SF_COUNT] = {"period", "reporter", "partner",
                                                "flow",   "product",  "unit"};
    int seen[SF_COUNT] = {0};
    size_t col = 0, i = 0;
    if (n >= 3 && !memcmp(h, "\xEF\xBB\xBF", 3))
        return -1; /* a byte-order mark: the whole-table path says what it does with it */
    while (i <= n) {
        size_t j = i;
        while (j < n && h[j] != ',')
            j++;
        if (col >= sizeof plan->slot / sizeof plan->slot[0])
            return -1;
        plan->slot[col] = -1;
        for (int k = 0; k < SF_COUNT; k++)
            if (strlen(names[k]) == j - i && !memcmp(names[k], h + i, j - i)) {
                if (seen[k]++)
                    return -1;
                plan->slot[col] = k;
            }
        col++;
        i = j + 1;
    }
    plan->ncols = col;
    for (int k = 0; k < SF_COUNT; k++)
        if (!seen[k] && k != SF_PRODUCT)
            return -1;
    return 0;
}

/* What one scan of a byte range found (plan_scan). */
typedef struct plan_part {
    const stream_plan *plan; /* slot and ncols */
    int fd;
    const char *path;
    unsigned long long from, to;
    unsigned long line;       /* physical line of the first record */
    trade_read_progress_fn fn; /* NULL on the second thread */
    void *ctx;
    /* out */
    int rc, sorted, equal_blocks;
    trade_error err;
    unsigned long long rows;
    unsigned long end_line; /* physical line after the last record */
    int ended_at_newline;   /* the last record ended with a line end */
    size_t nblocks, bcap;
    unsigned long long *off;
    unsigned long *bline;
    key_copy first, last;    /* key fields of the first and the last record */
    /* the last record's key fields where they lie in the reader's buffer
       (last_in_buf 1: most records; copied into last only before the
       buffer moves, by plan_keep_last, instead of after every record) */
    stream_field lastf[SF_COUNT];
    int last_in_buf;
    key_copy ptext;          /* the period text of the current block */
    trade_period first_p, cur; /* the first record's period, the current block's */
} plan_part;

static void plan_part_init(plan_part *pp, const stream_plan *plan, const char *path,
                           unsigned long long from, unsigned long long to,
                           trade_read_progress_fn fn, void *ctx)
{
    memset(pp, 0, sizeof *pp);
    pp->plan = plan;
    pp->fd = plan->fd;
    pp->path = path;
    pp->from = from;
    pp->to = to;
    pp->line = 2; /* the second half's lines are moved when it is joined */
    pp->fn = fn;
    pp->ctx = ctx;
}

/* Room for need block starts in pp (two arrays, one capacity: bcap grows
 * once both have room). Returns 0 or TRADE_ENOMEM with pp->err set. */
static int plan_part_room(plan_part *pp, size_t need)
{
    size_t ocap = pp->bcap, lcap = pp->bcap;
    if (ARRAY_GROW(pp->off, need, ocap) || ARRAY_GROW(pp->bline, need, lcap))
        return trade_error_set(&pp->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    pp->bcap = ocap;
    return 0;
}

static void plan_part_free(plan_part *pp)
{
    free(pp->off);
    free(pp->bline);
    free(pp->first.text);
    free(pp->last.text);
    free(pp->ptext.text);
}

/* The reader's before_move in plan_scan: the last record's key fields,
 * still in the buffer, are copied before it moves. */
static int plan_keep_last(void *ctx)
{
    plan_part *pp = ctx;
    if (!pp->last_in_buf)
        return 0;
    pp->last_in_buf = 0;
    return key_keep(&pp->last, pp->lastf);
}

/* Scan the records that start in [from, to): period blocks and key order.
 * Stops at the first sign that the range is not in the streaming order. */
static int plan_scan(plan_part *pp)
{
    trade_error *err = &pp->err;
    stream_reader r;
    pp->sorted = 1;
    int rc = Trade_stream_reader_open(&r, pp->fd, pp->from, pp->to, pp->line,
                                      pp->plan->order_slot, pp->plan->ncols, 0, err);
    if (rc)
        return pp->rc = rc;
    /* the rest of a line found by memchr pays from two columns on */
    r.scan_cols = pp->plan->order_cols + 2 <= pp->plan->ncols ? pp->plan->order_cols : 0;
    r.before_move = plan_keep_last;
    r.move_ctx = pp;
    unsigned long long next_report = 0;
    for (;;) {
        unsigned long long at = r.off - (r.len - r.at); /* file offset of the record */
        int got_rec = Trade_stream_reader_next(&r, pp->path, err);
        if (got_rec < 0) {
            rc = -got_rec;
            if (rc == TRADE_ELIMIT) { /* a record the scanner does not take */
                rc = TRADE_OK;
                pp->sorted = 0;
            }
            break;
        }
        if (got_rec == 0)
            break;
        pp->rows++;
        pp->ended_at_newline = r.rec_has_newline;
        if (pp->fn && at >= next_report) {
            /* the first half reports for both: they go at about one pace */
            pp->fn(pp->ctx, pp->path, 2 * (at - pp->from), pp->plan->size * 2);
            next_report = at + ((unsigned long long)1 << 24);
        }
        const stream_field *pf = &r.f[SF_PERIOD];
        int new_block = pp->nblocks == 0;
        if (pp->nblocks == 0 || field_cmp(pf, &pp->ptext.f[SF_PERIOD])) {
            trade_period p;
            trade_error perr;
            if (pf->n == 0 || trade_period_parse(pf->p, pf->n, &p, &perr)) {
                pp->sorted = 0; /* the whole-table path locates the problem */
                break;
            }
            if (pp->nblocks && trade_period_order(&p, &pp->cur) != 0) {
                if (trade_period_order(&p, &pp->cur) < 0) {
                    pp->sorted = 0;
                    break;
                }
                new_block = 1;
                if (trade_period_equal(&p, &pp->cur))
                    pp->equal_blocks = 1;
            }
            if (key_keep(&pp->ptext, r.f)) {
                rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            if (new_block)
                pp->cur = p;
            if (pp->rows == 1) {
                pp->first_p = p;
                if (key_keep(&pp->first, r.f)) {
                    rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                    break;
                }
            }
        }
        if (new_block) {
            if ((rc = plan_part_room(pp, pp->nblocks + 2)))
                break;
            pp->off[pp->nblocks] = at;
            pp->bline[pp->nblocks] = r.rec_line;
            pp->nblocks++;
        } else if (Trade_stream_key_cmp(r.f, pp->last_in_buf ? pp->lastf : pp->last.f) < 0) {
            pp->sorted = 0;
            break;
        }
        if (r.rec_in_buf) { /* cut where it lies: its fields are in the buffer */
            memcpy(pp->lastf, r.f, sizeof pp->lastf);
            pp->last_in_buf = 1;
        } else {
            pp->last_in_buf = 0;
            if (key_keep(&pp->last, r.f)) {
                rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
        }
    }
    /* plan_join reads last after the reader is gone */
    if (!rc && pp->last_in_buf && plan_keep_last(pp))
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    pp->end_line = r.line;
    Trade_stream_reader_close(&r);
    return pp->rc = rc;
}

static void *plan_main(void *arg)
{
    plan_scan(arg);
    return NULL;
}

/* Below this many bytes of records the first pass runs on one thread. */
#define PLAN_SPLIT_MIN ((unsigned long long)16 << 20)

/* The offset just after the first newline at or past mid, or 0. */
static unsigned long long plan_split_point(int fd, unsigned long long mid, unsigned long long end)
{
    char buf[65536];
    for (unsigned long long at = mid; at < end;) {
        ssize_t got = pread(fd, buf, sizeof buf, (off_t)at);
        if (got <= 0)
            return 0;
        char *nl = memchr(buf, '\n', (size_t)got);
        if (nl)
            return at + (unsigned long long)(nl - buf) + 1;
        at += (unsigned long long)got;
    }
    return 0;
}

/* Join the second half b to the first a, as if a had gone on: 1 when the
 * two make one scan in the streaming order, 0 when the file is not in it,
 * -1 when b is of no use (the split fell inside a quoted field). */
static int plan_join(plan_part *a, plan_part *b)
{
    if (!a->sorted && a->ended_at_newline)
        return 0; /* out of order before the split */
    if (!a->ended_at_newline || b->rc)
        return -1;
    if (!b->sorted)
        return 0;
    if (a->nblocks == 0 || b->nblocks == 0)
        return b->rows == 0 && a->rows > 0 ? 1 : -1;
    unsigned long shift = a->end_line - b->line;
    size_t skip = 0;
    int order = trade_period_order(&b->first_p, &a->cur);
    if (order < 0)
        return 0;
    if (order == 0) { /* the block goes on across the split */
        if (Trade_stream_key_cmp(b->first.f, a->last.f) < 0)
            return 0;
        skip = 1;
    } else if (trade_period_equal(&b->first_p, &a->cur)) {
        a->equal_blocks = 1;
    }
    size_t n = a->nblocks + b->nblocks - skip;
    if ((a->rc = plan_part_room(a, n + 1)))
        return 0;
    for (size_t k = skip; k < b->nblocks; k++) {
        a->off[a->nblocks] = b->off[k];
        a->bline[a->nblocks] = b->bline[k] + shift;
        a->nblocks++;
    }
    a->rows += b->rows;
    a->end_line = b->end_line + shift;
    a->equal_blocks |= b->equal_blocks;
    return 1;
}

int Trade_stream_plan(const char *path, stream_plan *plan, int keys, trade_read_progress_fn fn,
                      void *ctx, trade_error *err)
{
    memset(plan, 0, sizeof *plan);
    plan->fd = -1;
    /* a FIFO must be opened once only (by the whole-table path): look first */
    struct stat st;
    if (stat(path, &st) || !S_ISREG(st.st_mode))
        return TRADE_OK; /* the whole-table path says why */
    plan->fd = open(path, O_RDONLY);
    if (plan->fd < 0)
        return TRADE_OK;
    if (fstat(plan->fd, &st) || !S_ISREG(st.st_mode))
        return TRADE_OK;
    plan->size = (unsigned long long)st.st_size;
    inp_read_ahead(plan->fd, plan->size);
    unsigned char magic[4] = {0};
    if (pread(plan->fd, magic, 4, 0) != 4)
        return TRADE_OK;
    if ((magic[0] == 0x1f && magic[1] == 0x8b) || (magic[0] == 0x28 && magic[1] == 0xb5) ||
        (magic[0] == 0xfd && magic[1] == '7') || (magic[0] == 'P' && magic[1] == 'K') ||
        (magic[0] == 'B' && magic[1] == 'Z'))
        return TRADE_OK; /* compressed: read by the whole-table path */
    /* the header: a plain line of names */
    char head[8192];
    ssize_t got = pread(plan->fd, head, sizeof head, 0);
    if (got <= 0)
        return TRADE_OK;
    char *nl = memchr(head, '\n', (size_t)got);
    if (!nl || memchr(head, '"', (size_t)(nl - head)))
        return TRADE_OK;
    size_t hl = (size_t)(nl - head);
    size_t hn = hl > 0 && head[hl - 1] == '\r' ? hl - 1 : hl;
    if (names_slot(plan, head, hn))
        return TRADE_OK;
    /* the fields the order is checked on: the period and keys after it */
    for (size_t c = 0; c < plan->ncols; c++) {
        plan->order_slot[c] = plan->slot[c] <= keys ? plan->slot[c] : -1;
        if (plan->order_slot[c] >= 0)
            plan->order_cols = c + 1;
    }
    plan->header = malloc(hl + 1);
    if (!plan->header)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    memcpy(plan->header, head, hl + 1);
    plan->header_len = hl + 1;

    /* Two halves on two threads, the second from the first newline past the
     * middle. That is a record start unless the newline sits inside a
     * quoted field: then the first half's last record runs to the end of
     * its range without a line end, and the first half goes on alone. */
    unsigned long long data = hl + 1, split = 0;
    if (plan->size - data >= PLAN_SPLIT_MIN)
        split = plan_split_point(plan->fd, data + (plan->size - data) / 2, plan->size);
    plan_part a, b;
    plan_part_init(&a, plan, path, data, split ? split : plan->size, fn, ctx);
    plan_part_init(&b, plan, path, split, plan->size, NULL, NULL);
    pthread_t th;
    int two = split && trade_writer_thread_create(&th, plan_main, &b) == 0;
    if (!two)
        a.to = plan->size;
    plan_scan(&a);
    int rc = a.rc;
    if (two) {
        pthread_join(th, NULL);
        int joined = rc ? 0 : plan_join(&a, &b);
        rc = a.rc;
        if (joined < 0 && !rc) { /* the first half goes on over the second */
            plan_part_free(&a);
            plan_part_init(&a, plan, path, data, plan->size, fn, ctx);
            rc = plan_scan(&a);
        } else if (joined == 0 && !rc) {
            a.sorted = 0;
        }
        plan_part_free(&b);
    }
    if (!rc && a.sorted && a.nblocks > 0) {
        plan->nblocks = a.nblocks;
        plan->off = a.off;
        plan->line = a.bline;
        plan->off[plan->nblocks] = plan->size;
        plan->line[plan->nblocks] = a.end_line;
        plan->rows = a.rows;
        plan->equal_blocks = a.equal_blocks;
        plan->sorted = 1;
        a.off = NULL;
        a.bline = NULL;
    }
    if (rc && err)
        *err = a.err;
    plan_part_free(&a);
    return rc;
}

void Trade_stream_batch_init(stream_batch *b, const char *name, const trade_read_options *ro)
{
    memset(b, 0, sizeof *b);
    b->name = name;
    b->ro = ro;
}

void Trade_stream_batch_reset(stream_batch *b, const stream_plan *plan)
{
    b->len = 0;
    b->n = 0;
    if (!ARRAY_GROW(b->buf, plan->header_len, b->cap)) {
        memcpy(b->buf, plan->header, plan->header_len);
        b->len = plan->header_len;
    }
    b->next_line = 2;
    b->cut_cols = plan->ncols;
    b->cut_ok = plan->ncols > 0 && plan->ncols <= STREAM_MAX_CUT;
}

int Trade_stream_batch_add(stream_batch *b, const stream_reader *r, size_t tag, trade_error *err)
{
    if (ARRAY_GROW(b->buf, b->len + r->rec_span + 1, b->cap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    /* three arrays, one capacity: ncap grows once all have room */
    size_t bcap = b->ncap, fcap = b->ncap, tcap = b->ncap;
    if (ARRAY_GROW(b->bline, b->n + 1, bcap) || ARRAY_GROW(b->fline, b->n + 1, fcap) ||
        ARRAY_GROW(b->tag, b->n + 1, tcap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    /* the record's cuts, while every record has them (else the batch is
       cut again by the table reader, as any buffer is) */
    if (b->cut_ok && (r->rec_ncut != b->cut_cols || !r->rec_has_newline))
        b->cut_ok = 0;
    if (b->cut_ok) {
        size_t ccap = b->cend_cap;
        if (ARRAY_GROW(b->cend, (b->n + 1) * b->cut_cols, ccap))
            b->cut_ok = 0;
        else
            memcpy(b->cend + b->n * b->cut_cols, r->cut, b->cut_cols * sizeof *b->cend);
        b->cend_cap = ccap;
    }
    b->ncap = bcap;
    memcpy(b->buf + b->len, r->rec, r->rec_span);
    b->len += r->rec_span;
    if (!r->rec_has_newline)
        b->buf[b->len++] = '\n';
    b->bline[b->n] = b->next_line;
    b->fline[b->n] = r->rec_line;
    b->tag[b->n] = tag;
    b->n++;
    b->next_line += r->rec_nlines;
    return TRADE_OK;
}

unsigned long Trade_stream_batch_line(const stream_batch *b, unsigned long bl, size_t *tag)
{
    if (tag)
        *tag = 0;
    if (bl < 2 || b->n == 0)
        return bl; /* the header, or no position */
    size_t lo = 0, hi = b->n; /* the last record starting at or before bl */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->bline[mid] <= bl)
            lo = mid;
        else
            hi = mid;
    }
    if (tag)
        *tag = b->tag[lo];
    return b->fline[lo] + (bl - b->bline[lo]);
}

/* Problems kept per batch read on the second thread (the command prints
 * at most 100 per file). */
#define MAX_KEPT 128

static int map_problem(void *ctx, const trade_error *problem)
{
    stream_batch *b = ctx;
    trade_error e = *problem;
    e.line = Trade_stream_batch_line(b, e.line, NULL);
    int has = b->ro && b->ro->on_problem;
    if (!b->collect)
        return has ? b->ro->on_problem(b->ro->ctx, &e) : 1;
    if (!has)
        return 1;
    if (b->nproblems < MAX_KEPT) {
        if (ARRAY_GROW(b->problems, b->nproblems + 1, b->problems_cap))
            return 1;
        b->problems[b->nproblems++] = e;
    }
    return 0;
}

void Trade_stream_problems_forward(const trade_read_options *ro, trade_error *problems, size_t n)
{
    for (size_t i = 0; i < n && ro && ro->on_problem; i++)
        if (ro->on_problem(ro->ctx, &problems[i]))
            break;
    free(problems);
}

struct stream_pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t th;
    void *slot;
    int full, closed, stopped;
    int waited; /* the taker found the slot empty since Trade_stream_pipe_starved */
};

stream_pipe *Trade_stream_pipe_start(void *(*fn)(void *), void *arg)
{
    stream_pipe *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (pthread_mutex_init(&p->mu, NULL)) {
        free(p);
        return NULL;
    }
    if (pthread_cond_init(&p->cv, NULL)) {
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    void **a = arg;
    *a = p; /* the producer's state begins with its pipe */
    if (trade_writer_thread_create(&p->th, fn, arg) != 0) {
        *a = NULL;
        pthread_cond_destroy(&p->cv);
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    return p;
}

int Trade_stream_pipe_put(stream_pipe *p, void *job)
{
    pthread_mutex_lock(&p->mu);
    while (p->full && !p->stopped)
        pthread_cond_wait(&p->cv, &p->mu);
    int rc = p->stopped ? -1 : 0;
    if (!rc) {
        p->slot = job;
        p->full = 1;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

int Trade_stream_pipe_starved(stream_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    int waited = p->waited;
    p->waited = 0;
    pthread_mutex_unlock(&p->mu);
    return waited;
}

void Trade_stream_pipe_close(stream_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->closed = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void *Trade_stream_pipe_get(stream_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    if (!p->full && !p->closed)
        p->waited = 1;
    while (!p->full && !p->closed)
        pthread_cond_wait(&p->cv, &p->mu);
    void *job = NULL;
    if (p->full) {
        job = p->slot;
        p->slot = NULL;
        p->full = 0;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return job;
}

void Trade_stream_pipe_end(stream_pipe *p, void (*drop)(void *job))
{
    pthread_mutex_lock(&p->mu);
    p->stopped = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->th, NULL);
    if (p->full)
        drop(p->slot);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

/* The duplicate check of t, read from b, within b's key groups. */
static int batch_check_runs(stream_batch *b, const trade_table *t, trade_error *err)
{
    size_t n = trade_table_rows(t), rec = 0;
    size_t *run = malloc((n ? n : 1) * sizeof *run);
    if (!run)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) { /* the record of each row: rows keep the records' order */
        const trade_obs *o = trade_table_obs(t, i);
        while (o && rec + 1 < b->n && b->bline[rec + 1] <= o->line)
            rec++;
        run[i] = b->group[rec];
    }
    int rc = Trade_table_check_duplicates_runs(t, run, map_problem, b, err);
    free(run);
    return rc;
}

static int batch_table(stream_batch *b, trade_where *where, trade_table **out,
                       trade_error *err)
{
    *out = NULL;
    trade_table *t = trade_table_new();
    if (!t)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    trade_read_options ro = {0};
    if (b->ro)
        ro = *b->ro;
    ro.on_problem = map_problem;
    ro.ctx = b;
    ro.progress = NULL;
    if (b->generic)
        ro.generic = TRADE_READ_GENERIC;
    int rc = b->cut_ok && b->n ? Trade_table_read_cut(t, b->buf, b->len, b->name, &ro, b->n,
                                                      b->cut_cols, b->cend, err)
                               : trade_table_read_buffer(t, b->buf, b->len, b->name, &ro, err);
    if (!rc && !b->generic)
        rc = b->group ? batch_check_runs(b, t, err)
                      : trade_table_check_duplicates(t, map_problem, b, err);
    if (rc) {
        err->line = Trade_stream_batch_line(b, err->line, NULL);
        trade_table_free(t);
        return rc;
    }
    if (where && (rc = trade_table_where(t, where, err))) {
        trade_table_free(t);
        return rc;
    }
    *out = t;
    return TRADE_OK;
}

int Trade_stream_batch_table(stream_batch *b, trade_where *where, trade_stream_stats *stats,
                             trade_table **out, trade_error **problems, size_t *nproblems,
                             trade_error *err)
{
    int rc = batch_table(b, where, out, err);
    *problems = b->problems;
    *nproblems = b->nproblems;
    b->problems = NULL;
    b->nproblems = b->problems_cap = 0;
    if (rc)
        return rc;
    size_t n = trade_table_rows(*out);
    stats->batches++;
    if (n > stats->max_batch_rows)
        stats->max_batch_rows = n;
    stats->nonlevel += trade_series_nonlevel_rows(*out);
    return TRADE_OK;
}

void Trade_stream_batch_free(stream_batch *b)
{
    free(b->problems);
    free(b->buf);
    free(b->bline);
    free(b->fline);
    free(b->tag);
    free(b->cend);
    memset(b, 0, sizeof *b);
}

int Trade_stream_wanted(const trade_stream_options *so, size_t n, const char *const *paths)
{
    if (so && so->no_stream)
        return 0;
    if (n != 1 || !paths[0] || !strcmp(paths[0], "-"))
        return 0;
    const trade_read_options *ro = so ? so->read : NULL;
    if (ro && (ro->draft || ro->generic == TRADE_READ_GENERIC))
        return 0;
    return 1;
}
