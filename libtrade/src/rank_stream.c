/* rank_stream.c - trade_rank_files: ranks on a file, streamed in batches
 * of whole (period, reporter) runs when the file is in the streaming order
 * (stream.h), else on the whole table.
 *
 * Each batch is parsed with every check (stream_scan.c) and ranked by
 * trade_rank_table (and ordered by trade_rank_order), the functions the
 * whole-table path calls: a group (reporter, flow, period, unit, product by
 * default) and the figures of one series for one period never cross a run.
 * One thread reads the file into jobs, two parse and rank them, and the
 * caller's thread writes them in file order (a queue of at most MAX_QUEUED
 * jobs bounds memory).
 *
 * When the sink gives a writer that takes text (trade_rank_sink.writer), a
 * row whose record is plain (trade_writer_csv_plain: the writer would write
 * its cells exactly as they are in the file) is written as the record's own
 * bytes, a comma and the rank, laid out on the worker's thread: no cell is
 * formatted again. Other rows go to the sink's rows with their table.
 *
 * A run larger than a batch (a large exporter at HS6: 800,000 rows in a
 * year) is not parsed whole: its raw records are kept, numbered by group
 * (the group columns' text, in order of first appearance), and parsed in
 * slices of whole groups, group after group, so each slice ranks exactly as
 * the whole run would (a worker copies a slice's records out of the run:
 * the reading thread only cuts the run). With --sort those slices are the output (group by
 * group); else the ranks are kept per record and the run is written in file
 * order from its records (parsed a second time, CSV checks only, when a
 * record is not plain or the sink takes no text). Memory: the run's raw
 * bytes and 24 bytes per record (32-bit offset, line, group and place in
 * group order, and the rank), not its parsed table; the reader reads the
 * next big run while the last is written (MAX_RUNS). */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/group.h"
#include "trade/number.h"
#include "trade/rank.h"
#include "trade/table_read.h"

#include "buf_internal.h"
#include "stream_internal.h"

/* Raw bytes per batch; a run of more than twice this is sliced by group.
 * 1 MB: with the scanner's cuts kept per record, 2 MB batches took rank
 * past 256 MB at hs6 (263 MB); 1 MB gives 200-208 MB and no loss of speed. */
#define BATCH_BYTES ((size_t)1 << 20)

/* The SF_* columns of the group (*n of them, period and reporter left out:
 * they are one in a run). 1 when the group holds period and reporter, with
 * ok set when every other group column is one the scanner reads. */
static int group_cols(const char *group, int *cols, size_t *n, int *ok)
{
    static const char *const names[SF_COUNT] = {"period", "reporter", "partner",
                                                "flow",   "product",  "unit"};
    if (!group)
        group = trade_group_default_columns();
    int period = 0, reporter = 0;
    *n = 0;
    *ok = 1;
    for (const char *p = group; *p;) {
        size_t len = strcspn(p, ",");
        int k = SF_COUNT;
        for (int i = 0; i < SF_COUNT; i++)
            if (strlen(names[i]) == len && !memcmp(p, names[i], len))
                k = i;
        period |= k == SF_PERIOD;
        reporter |= k == SF_REPORTER;
        if (k == SF_COUNT || *n == SF_COUNT)
            *ok = 0;
        else if (k != SF_PERIOD && k != SF_REPORTER)
            cols[(*n)++] = k;
        p += len + (p[len] == ',');
    }
    return period && reporter;
}

/* The physical line (in the batch) where row r starts. */
static unsigned long row_line(const trade_table *t, size_t r)
{
    const char *file;
    unsigned long line, col;
    trade_table_cell_position(t, r, 0, &file, &line, &col);
    return line;
}

/* Jobs, in file order: a batch of whole runs (BATCH), a slice of whole
 * groups of a big run (SLICE), and the writing of a big run in file order
 * with the ranks its slices found (RUN, done by the caller's thread after
 * every slice of the run). */
enum { JOB_BATCH, JOB_SLICE, JOB_RUN };

/* Jobs read but not yet written: bounds memory (a batch, its table and its
 * rows as text each). Two per worker: with one, a worker done before the
 * job ahead of it waited for the writer and the reader, and rank ran on
 * 1.5 of 2 cores (hs6 panel: 11.8 s -> 10.5-10.9 s with four, peak 195 ->
 * 207-210 MB). */
#define MAX_QUEUED 4

/* Threads that parse and rank (one when a where applies: matching is not
 * reentrant). */
#define WORKERS 2

/* Big runs read and not yet written: the reader reads the next one while
 * the last is written (with one, it waited for the writer, and rank left a
 * quarter of two cores idle on an hs6 import). */
#define MAX_RUNS 2

/* The bytes (and lines) of a big run: offsets and lines are 32-bit. */
#define RUN_MAX ((size_t)UINT32_MAX)

/* The text of a big run is written in pieces of this size. */
#define TEXT_PIECE ((size_t)1 << 20)

typedef struct big_run big_run;

/* A group of a big run: its key text (text[off .. off + len)), its number
 * (SIZE_MAX: an empty slot) and the key's hash. */
typedef struct big_slot {
    size_t off, len, id;
    uint64_t hash;
} big_slot;

typedef struct rjob {
    struct rjob *next;
    int kind;
    int taken, done; /* by a worker; finished (the queue's lock) */
    stream_batch b;  /* BATCH, SLICE: the records */
    size_t *roff;    /* record k is b.buf[roff[k] .. roff[k + 1]), line end included */
    size_t rcap;
    big_run *run;    /* SLICE: the run it is cut from (its records run->byg[from .. to),
                        copied into b by the worker); RUN: the run */
    size_t from, to;
    trade_table *t;
    double *ranks;
    size_t *order;
    char *text;      /* the rows laid out as the writer writes them (plain) */
    size_t tlen;
    int plain;       /* one row per record, every record plain (trade_writer_csv_plain) */
    int rc;
    trade_error err;
    trade_error *problems;
    size_t nproblems;
    trade_stream_stats st; /* batches, max_batch_rows, nonlevel of this job */
} rjob;

/* A big run: its records with a group number each. A run is consecutive
 * records of the file, so a record's file line is line0 plus its line in
 * buf; offsets and lines within a run fit 32 bits (RUN_MAX: a longer run is
 * refused), which halves the memory a record takes (two runs are in flight
 * at once, see MAX_RUNS). */
struct big_run {
    char *buf; /* the records, line ends included (none without one) */
    size_t len, cap;
    size_t n;            /* records */
    unsigned long line0; /* the file line of the first record */
    uint32_t *roff;      /* record k is buf[roff[k] .. roff[k + 1]) */
    uint32_t *bline;     /* it starts at line line0 + bline[k]; bline[n]: past the last */
    uint32_t *group;     /* its group number */
    size_t rcap;         /* of roff, bline and group */
    size_t ngroups;
    uint32_t *byg; /* the records group by group (the slices' order) */
    size_t bygcap;
    double *rank_of; /* per record, set by the slices (without --sort) */
    size_t rank_cap;
    int plain;       /* every slice was plain */
    trade_table *t0; /* a slice's table, for the sink's start */
    /* the groups' texts, open addressing on key_hash */
    char *text;
    size_t tlen, tcap;
    big_slot *slot;
    size_t nslots;
};

typedef struct rstream {
    const trade_stream_options *so;
    const trade_rank_options *opt;
    int sort;
    const trade_rank_sink *sink;
    void *ctx;
    trade_stream_stats *stats;
    stream_plan *plan;
    const char *path;
    trade_where *where; /* NULL when none applies */
    int gcol[SF_COUNT];
    size_t ngcol;
    int slices; /* big runs may be sliced by group */
    trade_error *err;
    /* the reading thread's */
    rjob *cur;    /* the batch being filled */
    big_run *big; /* the big run being read */
    int read_rc;
    trade_error read_err;
    /* the queue: jobs not yet written, in order (mu) */
    int threaded;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_mutex_t where_mu; /* a where's matching is not reentrant */
    rjob *head, *tail;
    size_t queued;
    size_t runs;   /* big runs handed to a RUN job and not yet written */
    big_run *spare; /* a big run written, whose memory the next one reuses */
    int closed;    /* the reading thread is done */
    int stopped;   /* the caller's thread stopped: drop the rest */
    int started;   /* the sink's start was called */
    int want_text; /* lay rows out as text */
    /* the caller's thread's */
    trade_writer *w; /* rows as text go here; NULL: all to the sink's rows */
    int rc;
} rstream;

static void big_free(big_run *br)
{
    if (!br)
        return;
    free(br->buf);
    free(br->roff);
    free(br->bline);
    free(br->group);
    free(br->byg);
    free(br->rank_of);
    trade_table_free(br->t0);
    free(br->text);
    free(br->slot);
    free(br);
}

static void lock(rstream *g);
static void unlock(rstream *g);

/* Keep br's memory for the next big run (one is kept), or free it. */
static void big_recycle(rstream *g, big_run *br)
{
    trade_table_free(br->t0);
    br->t0 = NULL;
    lock(g);
    if (!g->spare) {
        g->spare = br;
        br = NULL;
    }
    unlock(g);
    big_free(br);
}

static void job_free(rjob *j)
{
    if (!j)
        return;
    Trade_stream_batch_free(&j->b);
    free(j->roff);
    if (j->kind == JOB_RUN)
        big_free(j->run);
    trade_table_free(j->t);
    free(j->ranks);
    free(j->order);
    free(j->text);
    free(j->problems);
    free(j);
}

static rjob *job_new(rstream *g, int kind)
{
    rjob *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->kind = kind;
    Trade_stream_batch_init(&j->b, g->path, g->so ? g->so->read : NULL);
    j->b.collect = g->threaded;
    if (kind != JOB_RUN) {
        /* a batch ends at the first run boundary past the limit: room for
           that at once, not twice the limit by doubling (memory) */
        size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
        size_t room = limit + limit / 4 + g->plan->header_len;
        char *buf = malloc(room);
        if (buf) {
            j->b.buf = buf;
            j->b.cap = room;
        }
        Trade_stream_batch_reset(&j->b, g->plan);
    }
    return j;
}

/* Append the reader's record to b, its offset to *roff. */
static int rec_add(stream_batch *b, size_t **roff, size_t *rcap, const stream_reader *r,
                   size_t tag, trade_error *err)
{
    if (ARRAY_GROW(*roff, b->n + 2, *rcap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    (*roff)[b->n] = b->len;
    int rc = Trade_stream_batch_add(b, r, tag, err);
    if (!rc)
        (*roff)[b->n] = b->len;
    return rc;
}

/* The n bytes at p without their line end (*len bytes). */
static const char *trim_line_end(const char *p, size_t n, size_t *len)
{
    if (n && p[n - 1] == '\n')
        n--;
    if (n && p[n - 1] == '\r')
        n--;
    *len = n;
    return p;
}

/* Record k of buf (offsets roff) without its line end. */
static const char *rec_text(const char *buf, const size_t *roff, size_t k, size_t *len)
{
    return trim_line_end(buf + roff[k], roff[k + 1] - roff[k], len);
}

/* Record k of big run br without its line end. */
static const char *run_text(const big_run *br, size_t k, size_t *len)
{
    return trim_line_end(br->buf + br->roff[k], br->roff[k + 1] - br->roff[k], len);
}

/* Append a record (len bytes), a comma, the rank and a line end to
 * out[*olen..], growing it. Returns 0 or -1 (out of memory). */
static int put_row(char **out, size_t *olen, size_t *ocap, const char *rec, size_t len,
                   double rank)
{
    if (ARRAY_GROW(*out, *olen + len + 2 + TRADE_NUMBER_BUFSIZE, *ocap))
        return -1;
    char *o = *out + *olen;
    memcpy(o, rec, len);
    o[len] = ',';
    size_t m = isnan(rank) ? 0 : trade_number_format(rank, o + len + 1, TRADE_NUMBER_BUFSIZE);
    o[len + 1 + m] = '\n';
    *olen += len + 2 + m;
    return 0;
}

/* The rows of job j as text (order: the rows' order, or NULL); 0, or -1
 * when a record is not plain (or out of memory). */
static int lay_out(rjob *j)
{
    size_t n = j->b.n, cap = j->b.len + n * 8 + TRADE_NUMBER_BUFSIZE;
    if (!(j->text = malloc(cap)))
        return -1;
    for (size_t k = 0; k < n; k++) {
        size_t r = j->order ? j->order[k] : k, len;
        const char *rec = rec_text(j->b.buf, j->roff, r, &len);
        if (!trade_writer_csv_plain(rec, len) ||
            put_row(&j->text, &j->tlen, &cap, rec, len, j->ranks[r])) {
            free(j->text);
            j->text = NULL;
            j->tlen = 0;
            return -1;
        }
    }
    return 0;
}

/* 1 when every record of j is plain. */
static int all_plain(const rjob *j)
{
    for (size_t k = 0; k < j->b.n; k++) {
        size_t len;
        const char *rec = rec_text(j->b.buf, j->roff, k, &len);
        if (!trade_writer_csv_plain(rec, len))
            return 0;
    }
    return 1;
}

static void process_batch(rstream *g, rjob *j, int started, int text);

/* Record r of run br as the batch module takes a record from the reader. */
static void run_record(const big_run *br, size_t r, stream_reader *fake)
{
    memset(fake, 0, sizeof *fake);
    fake->rec = br->buf + br->roff[r];
    fake->rec_span = br->roff[r + 1] - br->roff[r];
    fake->rec_has_newline = 1;
    fake->rec_line = br->line0 + br->bline[r];
    fake->rec_nlines = br->bline[r + 1] - br->bline[r];
}

/* Room for n records in br's per-record arrays (one capacity). */
static int run_room(big_run *br, size_t n)
{
    size_t ocap = br->rcap, lcap = br->rcap, gcap = br->rcap;
    if (ARRAY_GROW(br->roff, n, ocap) || ARRAY_GROW(br->bline, n, lcap) ||
        ARRAY_GROW(br->group, n, gcap))
        return TRADE_ENOMEM;
    br->rcap = ocap;
    return 0;
}

/* Empty br; its first record will start at file line line0. */
static int run_reset(big_run *br, unsigned long line0)
{
    br->len = br->n = 0;
    br->line0 = line0;
    if (run_room(br, 1))
        return TRADE_ENOMEM;
    br->roff[0] = br->bline[0] = 0;
    return 0;
}

/* The error for a run past RUN_MAX bytes or lines, at file line line. */
static int run_too_big(trade_error *err, const char *path, unsigned long line)
{
    return trade_error_set(err, TRADE_ELIMIT, path, line, 0,
                           "rank: a (period, reporter) run of more than %zu bytes or lines",
                           RUN_MAX);
}

/* The error for a record of a run that does not follow the one before it
 * (a line skipped), at file line line. */
static int run_gap(trade_error *err, const char *path, unsigned long line)
{
    return trade_error_set(err, TRADE_EIO, path, line, 0,
                           "streaming: a run's records are not consecutive");
}

/* Append the reader's record (with a line end) to br. */
static int run_add(big_run *br, const stream_reader *r, const char *path, trade_error *err)
{
    size_t span = r->rec_span + !r->rec_has_newline;
    size_t at = br->bline[br->n];
    if (span > RUN_MAX - br->len || r->rec_nlines > RUN_MAX - at)
        return run_too_big(err, path, r->rec_line);
    if (r->rec_line - br->line0 != at) /* the reader skips no line */
        return run_gap(err, path, r->rec_line);
    if (ARRAY_GROW(br->buf, br->len + span, br->cap) || run_room(br, br->n + 2))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    memcpy(br->buf + br->len, r->rec, r->rec_span);
    br->len += r->rec_span;
    if (!r->rec_has_newline)
        br->buf[br->len++] = '\n';
    br->n++;
    br->roff[br->n] = (uint32_t)br->len;
    br->bline[br->n] = (uint32_t)(at + r->rec_nlines);
    return 0;
}

/* The records of slice j, copied from its run (on the worker's thread: the
 * run is not changed until its RUN job is written). */
static int slice_copy(rstream *g, rjob *j)
{
    const big_run *br = j->run;
    (void)g;
    for (size_t i = j->from; i < j->to; i++) {
        size_t r = br->byg[i];
        stream_reader fake;
        run_record(br, r, &fake);
        if (rec_add(&j->b, &j->roff, &j->rcap, &fake, r, &j->err))
            return TRADE_ENOMEM;
    }
    return 0;
}

/* Trade_stream_batch_table with g's where, one thread at a time when a
 * where applies (its matching is not reentrant). */
static int batch_table(rstream *g, stream_batch *b, trade_stream_stats *st, trade_table **t,
                       trade_error **problems, size_t *np, trade_error *err)
{
    int serial = g->threaded && g->where;
    if (serial)
        pthread_mutex_lock(&g->where_mu);
    int rc = Trade_stream_batch_table(b, g->where, st, t, problems, np, err);
    if (serial)
        pthread_mutex_unlock(&g->where_mu);
    return rc;
}

/* Parse (every check), rank and lay out job j (not a RUN). started and
 * text: the queue's flags when j was taken. */
static void process(rstream *g, rjob *j, int started, int text)
{
    if (j->kind == JOB_SLICE && (j->rc = slice_copy(g, j)))
        return;
    process_batch(g, j, started, text);
    /* the records are not needed any more: the table has the cells */
    Trade_stream_batch_free(&j->b);
    free(j->roff);
    j->roff = NULL;
}

static void process_batch(rstream *g, rjob *j, int started, int text)
{
    j->rc = batch_table(g, &j->b, &j->st, &j->t, &j->problems, &j->nproblems, &j->err);
    if (j->rc)
        return;
    size_t n = trade_table_rows(j->t);
    j->ranks = malloc((n + 1) * sizeof *j->ranks);
    if (g->sort)
        j->order = malloc((n + 1) * sizeof *j->order);
    if (!j->ranks || (g->sort && !j->order)) {
        j->rc = trade_error_set(&j->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return;
    }
    if ((j->rc = trade_rank_table(j->t, g->opt, j->ranks, &j->err)) ||
        (g->sort && (j->rc = trade_rank_order(j->t, g->opt, j->ranks, j->order, &j->err))))
        return;
    int one = n == j->b.n; /* row k is record k */
    if (j->kind == JOB_SLICE && !g->sort) {
        double *rank_of = j->run->rank_of;
        for (size_t r = 0; r < n; r++) {
            size_t tag = j->b.tag[r];
            if (!one)
                Trade_stream_batch_line(&j->b, row_line(j->t, r), &tag);
            rank_of[tag] = j->ranks[r];
        }
        j->plain = text && one && all_plain(j);
    } else {
        j->plain = text && one && !lay_out(j);
    }
    if (started && (j->plain || (j->kind == JOB_SLICE && !g->sort))) {
        /* the text (or the run's ranks) is all the caller's thread needs */
        trade_table_free(j->t);
        j->t = NULL;
        free(j->ranks);
        free(j->order);
        j->ranks = NULL;
        j->order = NULL;
    }
}

static void lock(rstream *g)
{
    if (g->threaded)
        pthread_mutex_lock(&g->mu);
}

static void unlock(rstream *g)
{
    if (g->threaded)
        pthread_mutex_unlock(&g->mu);
}

/* The sink's start on t, and whether rows may go to its writer as text. */
static int start_sink(rstream *g, const trade_table *t)
{
    int rc = g->sink->start(g->ctx, t);
    trade_writer *w = NULL;
    if (!rc && g->sink->writer && !g->where &&
        trade_table_col_index(t, trade_rank_columns(NULL)[0].name) < 0) {
        w = g->sink->writer(g->ctx);
        if (!trade_writer_takes_text(w))
            w = NULL;
    }
    g->w = w;
    lock(g);
    g->started = 1;
    g->want_text = w != NULL;
    unlock(g);
    return rc;
}

/* Without --sort: the big run again, in file order, with the ranks of its
 * slices: as text when every record is plain, else parsed again (every row
 * was read with every check already, so the CSV-level reading does: the
 * cells are the same text) and handed to the sink's rows. */
static int write_run(rstream *g, big_run *br)
{
    int rc = 0;
    if (!g->started && (rc = start_sink(g, br->t0)))
        return rc;
    size_t n = br->n;
    if (g->w && br->plain) {
        char *out = NULL;
        size_t olen = 0, ocap = 0;
        for (size_t i = 0; i < n && !rc; i++) {
            size_t len;
            const char *rec = run_text(br, i, &len);
            if (put_row(&out, &olen, &ocap, rec, len, br->rank_of[i]))
                rc = trade_error_set(g->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            else if ((olen >= TEXT_PIECE || i + 1 == n) &&
                     !(rc = trade_writer_text(g->w, out, olen, g->err)))
                olen = 0;
        }
        free(out);
        return rc;
    }
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    stream_batch sl;
    Trade_stream_batch_init(&sl, g->path, g->so ? g->so->read : NULL);
    sl.generic = 1;
    for (size_t i = 0; i < n && !rc;) {
        Trade_stream_batch_reset(&sl, g->plan);
        while (i < n && sl.len < limit && !rc) {
            stream_reader fake;
            run_record(br, i, &fake);
            rc = Trade_stream_batch_add(&sl, &fake, i, g->err);
            i++;
        }
        if (rc)
            break;
        trade_table *t = NULL;
        trade_error *problems = NULL;
        size_t np = 0;
        rc = batch_table(g, &sl, g->stats, &t, &problems, &np, g->err);
        Trade_stream_problems_forward(g->so ? g->so->read : NULL, problems, np);
        size_t nr = trade_table_rows(t);
        double *ranks = rc ? NULL : malloc((nr + 1) * sizeof *ranks);
        if (!rc && !ranks)
            rc = trade_error_set(g->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        for (size_t r = 0; !rc && r < nr; r++) {
            size_t tag;
            Trade_stream_batch_line(&sl, row_line(t, r), &tag);
            ranks[r] = br->rank_of[tag];
        }
        if (!rc)
            rc = g->sink->rows(g->ctx, t, ranks, NULL);
        free(ranks);
        trade_table_free(t);
    }
    Trade_stream_batch_free(&sl);
    return rc;
}

/* Write job j (the caller's thread, in file order) and free it. */
static int consume(rstream *g, rjob *j)
{
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    Trade_stream_problems_forward(ro, j->problems, j->nproblems);
    j->problems = NULL;
    g->stats->batches += j->st.batches;
    g->stats->nonlevel += j->st.nonlevel;
    if (j->st.max_batch_rows > g->stats->max_batch_rows)
        g->stats->max_batch_rows = j->st.max_batch_rows;
    int rc = j->rc;
    if (rc) {
        *g->err = j->err;
    } else if (j->kind == JOB_RUN) {
        rc = g->sort ? 0 : write_run(g, j->run);
        big_recycle(g, j->run);
        j->run = NULL;
        lock(g);
        g->runs--;
        if (g->threaded)
            pthread_cond_broadcast(&g->cv);
        unlock(g);
    } else if (j->kind == JOB_SLICE && !g->sort) {
        j->run->plain &= j->plain;
        if (!g->started && !j->run->t0) {
            j->run->t0 = j->t;
            j->t = NULL;
        }
    } else {
        if (!g->started)
            rc = start_sink(g, j->t);
        if (!rc && j->plain && g->w)
            rc = trade_writer_text(g->w, j->text, j->tlen, g->err);
        else if (!rc)
            rc = g->sink->rows(g->ctx, j->t, j->ranks, j->order);
    }
    job_free(j);
    return rc;
}

/* Hand job j over: to the queue, or processed and written here without
 * threads. Non-zero: stop reading. */
static int deliver(rstream *g, rjob *j)
{
    if (!j) {
        g->read_rc = trade_error_set(&g->read_err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return -1;
    }
    if (!g->threaded) {
        if (j->kind != JOB_RUN)
            process(g, j, g->started, g->want_text);
        return g->rc = consume(g, j);
    }
    pthread_mutex_lock(&g->mu);
    while (g->queued >= MAX_QUEUED && !g->stopped)
        pthread_cond_wait(&g->cv, &g->mu);
    int stopped = g->stopped;
    if (!stopped) {
        j->done = j->kind == JOB_RUN; /* the caller's thread does it */
        if (g->tail)
            g->tail->next = j;
        else
            g->head = j;
        g->tail = j;
        g->queued++;
        pthread_cond_broadcast(&g->cv);
    }
    pthread_mutex_unlock(&g->mu);
    if (stopped) {
        if (j->kind == JOB_RUN) {
            /* slices of the run may still be read: freed once the
               threads end */
            g->big = j->run;
            j->run = NULL;
        }
        job_free(j);
        return -1;
    }
    return 0;
}

static void *work(void *arg)
{
    rstream *g = arg;
    pthread_mutex_lock(&g->mu);
    for (;;) {
        rjob *j = g->head;
        while (j && (j->taken || j->kind == JOB_RUN))
            j = j->next;
        if (g->stopped || (!j && g->closed))
            break;
        if (!j) {
            pthread_cond_wait(&g->cv, &g->mu);
            continue;
        }
        j->taken = 1;
        int started = g->started, text = g->want_text;
        pthread_mutex_unlock(&g->mu);
        process(g, j, started, text);
        pthread_mutex_lock(&g->mu);
        j->done = 1;
        pthread_cond_broadcast(&g->cv);
    }
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

/* The caller's thread: write the jobs in order. */
static int consume_all(rstream *g)
{
    int rc = 0;
    pthread_mutex_lock(&g->mu);
    for (;;) {
        while (!(g->head && g->head->done) && !(!g->head && g->closed))
            pthread_cond_wait(&g->cv, &g->mu);
        rjob *j = g->head;
        if (!j)
            break;
        g->head = j->next;
        if (!g->head)
            g->tail = NULL;
        g->queued--;
        pthread_cond_broadcast(&g->cv);
        pthread_mutex_unlock(&g->mu);
        rc = consume(g, j);
        pthread_mutex_lock(&g->mu);
        if (rc)
            break;
    }
    g->stopped = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
    return rc;
}

/* The hash of the group columns cols[0..n) of the reader's record: each
 * field's bytes gathered eight at a time, one multiply per eight (a
 * multiply per byte was a tenth of the reading thread), and its length. */
static uint64_t key_hash(const stream_reader *r, const int *cols, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t c = 0; c < n; c++) {
        const unsigned char *p = (const unsigned char *)r->f[cols[c]].p;
        size_t len = r->f[cols[c]].n, k = 0;
        for (; k + 8 <= len; k += 8) {
            uint64_t w;
            memcpy(&w, p + k, 8);
            h = (h ^ w) * 0x9e3779b97f4a7c15u;
            h ^= h >> 29;
        }
        uint64_t w = 0;
        for (unsigned shift = 0; k < len; k++, shift += 8)
            w |= (uint64_t)p[k] << shift;
        h = (h ^ w ^ (uint64_t)len << 56) * 0x9e3779b97f4a7c15u;
        h ^= h >> 29;
    }
    return h;
}

/* 1 when the group key text[0..len) (each field followed by 0xff) is the
 * text of the reader's group columns. */
static int key_is(const char *text, size_t len, const stream_reader *r, const int *cols, size_t n)
{
    size_t at = 0;
    for (size_t c = 0; c < n; c++) {
        const stream_field *f = &r->f[cols[c]];
        if (at + f->n + 1 > len || memcmp(text + at, f->p, f->n) ||
            text[at + f->n] != (char)0xff)
            return 0;
        at += f->n + 1;
    }
    return at == len;
}

/* The group number of the reader's current record (new groups numbered in
 * order of first appearance). SIZE_MAX when out of memory. */
static size_t big_group(big_run *br, const stream_reader *r, const int *cols, size_t n)
{
    if (br->ngroups * 2 + 2 > br->nslots) { /* grow and rehash */
        size_t ns = br->nslots ? br->nslots * 2 : 1024;
        big_slot *slot = malloc(ns * sizeof *slot);
        if (!slot)
            return SIZE_MAX;
        for (size_t i = 0; i < ns; i++)
            slot[i].id = SIZE_MAX;
        for (size_t i = 0; i < br->nslots; i++) {
            if (br->slot[i].id == SIZE_MAX)
                continue;
            size_t s = (size_t)(br->slot[i].hash & (ns - 1));
            while (slot[s].id != SIZE_MAX)
                s = (s + 1) & (ns - 1);
            slot[s] = br->slot[i];
        }
        free(br->slot);
        br->slot = slot;
        br->nslots = ns;
    }
    uint64_t h = key_hash(r, cols, n);
    size_t s = (size_t)(h & (br->nslots - 1));
    for (; br->slot[s].id != SIZE_MAX; s = (s + 1) & (br->nslots - 1))
        if (br->slot[s].hash == h &&
            key_is(br->text + br->slot[s].off, br->slot[s].len, r, cols, n))
            return br->slot[s].id;
    /* a new group: its key text, the group columns' text, each followed by
       0xff */
    size_t need = 0;
    for (size_t c = 0; c < n; c++)
        need += r->f[cols[c]].n + 1;
    if (ARRAY_GROW(br->text, br->tlen + need, br->tcap))
        return SIZE_MAX;
    char *key = br->text + br->tlen;
    size_t kl = 0;
    for (size_t c = 0; c < n; c++) {
        memcpy(key + kl, r->f[cols[c]].p, r->f[cols[c]].n);
        kl += r->f[cols[c]].n;
        key[kl++] = (char)0xff;
    }
    br->slot[s] = (big_slot){br->tlen, kl, br->ngroups, h};
    br->tlen += kl;
    return br->ngroups++;
}

/* Rank the big run in slices of whole groups, group after group (each
 * slice ranks as the whole run would; a worker copies its records), then
 * hand the run to a RUN job, which takes it over: without --sort it writes
 * the run in file order with those ranks, with --sort it only gives the
 * run's memory back (the slices are the output). Non-zero: stop reading. */
static int big_flush(rstream *g)
{
    big_run *br = g->big;
    size_t n = br->n, ng = br->ngroups;
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    size_t *start = calloc(ng + 1, sizeof *start);
    int stop = ARRAY_GROW(br->byg, n + 1, br->bygcap);
    if (!g->sort && !stop)
        stop = ARRAY_GROW(br->rank_of, n + 1, br->rank_cap);
    if (!start || stop) {
        stop = deliver(g, NULL);
        goto done;
    }
    uint32_t *byg = br->byg;
    br->plain = 1;
    for (size_t i = 0; i < n; i++) /* counting sort by group, stable */
        start[br->group[i] + 1]++;
    for (size_t k = 0; k < ng; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        byg[start[br->group[i]]++] = (uint32_t)i;
    /* slices of whole groups, in group order: a slice ends at the first
       group boundary past the limit (counted as the batch counts it) */
    for (size_t i = 0; i < n && !stop;) {
        rjob *j = job_new(g, JOB_SLICE);
        if (!j) {
            stop = deliver(g, NULL);
            break;
        }
        j->run = br;
        j->from = i;
        size_t grp = br->group[byg[i]], len = g->plan->header_len;
        while (i < n && (len < limit || br->group[byg[i]] == grp)) {
            size_t r = byg[i];
            len += br->roff[r + 1] - br->roff[r];
            grp = br->group[r];
            i++;
        }
        j->to = i;
        stop = deliver(g, j);
    }
    if (!stop) {
        rjob *j = job_new(g, JOB_RUN);
        if (j) {
            j->run = br;
            g->big = NULL; /* the job's now (deliver gives it back if stopped) */
            lock(g);
            g->runs++;
            unlock(g);
        }
        stop = deliver(g, j);
    }
done:
    free(start);
    if (g->big && !g->threaded) {
        /* (threaded and stopped: slices may still read it; freed after the
           threads end) */
        big_recycle(g, g->big);
        g->big = NULL;
    }
    return stop;
}

/* Hand the batch of whole runs over. Non-zero: stop reading. */
static int flush_runs(rstream *g)
{
    if (g->cur->b.n == 0)
        return 0;
    rjob *j = g->cur;
    g->cur = job_new(g, JOB_BATCH);
    int stop = deliver(g, j);
    if (!stop && !g->cur)
        stop = deliver(g, NULL);
    return stop;
}

/* Stop reading with error rc (in e). */
static int read_fail(rstream *g, int rc, const trade_error *e)
{
    g->read_rc = rc;
    g->read_err = *e;
    return -1;
}

/* Move the current run (records from first on) out of the batch into a
 * new big run. */
static int to_big(rstream *g, size_t first, size_t first_off)
{
    stream_batch *b = &g->cur->b;
    const size_t *roff = g->cur->roff;
    size_t moved = b->n - first;
    size_t bytes = b->len - first_off;
    unsigned long bl0 = b->bline[first]; /* its line in the batch */
    trade_error e;
    if (bytes > RUN_MAX || b->next_line - bl0 > RUN_MAX)
        return read_fail(g, run_too_big(&e, g->path, b->fline[first]), &e);
    if (g->threaded) {
        /* at most MAX_RUNS big runs at a time (memory): wait for the
           oldest to be written */
        pthread_mutex_lock(&g->mu);
        while (g->runs >= MAX_RUNS && !g->stopped)
            pthread_cond_wait(&g->cv, &g->mu);
        int stopped = g->stopped;
        pthread_mutex_unlock(&g->mu);
        if (stopped)
            return -1;
    }
    lock(g);
    big_run *br = g->spare; /* a written run's memory, grown already */
    g->spare = NULL;
    unlock(g);
    if (!br && !(br = calloc(1, sizeof *br)))
        return deliver(g, NULL);
    g->big = br;
    br->ngroups = br->tlen = 0;
    br->plain = 0;
    for (size_t i = 0; i < br->nslots; i++)
        br->slot[i].id = SIZE_MAX;
    /* group keeps room for the records the big run will still take */
    if (run_reset(br, b->fline[first]) || ARRAY_GROW(br->buf, bytes, br->cap) ||
        run_room(br, moved + 1024))
        return deliver(g, NULL);
    memcpy(br->buf, b->buf + first_off, bytes);
    br->len = bytes;
    for (size_t i = 0; i < moved; i++) {
        if (b->fline[first + i] - br->line0 != b->bline[first + i] - bl0) {
            return read_fail(g, run_gap(&e, g->path, b->fline[first + i]), &e);
        }
        br->bline[i] = (uint32_t)(b->bline[first + i] - bl0);
        br->roff[i] = (uint32_t)(roff[first + i] - first_off);
    }
    br->roff[moved] = (uint32_t)bytes;
    br->bline[moved] = (uint32_t)(b->next_line - bl0);
    br->n = moved;
    b->n = first;
    b->len = first_off;
    b->next_line = b->bline[first];
    return 0;
}

static void *produce(void *arg)
{
    rstream *g = arg;
    stream_plan *plan = g->plan;
    const char *path = g->path;
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    stream_reader r;
    trade_error err;
    int rc = Trade_stream_reader_open(&r, plan->fd, plan->off[0], plan->size, plan->line[0],
                                      plan->slot, plan->ncols, 0, &err);
    char *prev = NULL;
    size_t prevn = 0, prevcap = 0, block = 0, prevblock = (size_t)-1;
    size_t run_first = 0, run_off = 0; /* where the current run starts in the batch */
    unsigned long long next_report = 0;
    int stop = 0;
    if (!rc && !(g->cur = job_new(g, JOB_BATCH)))
        rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    while (!rc && !stop) {
        unsigned long long at = r.off - (r.len - r.at);
        int got = Trade_stream_reader_next(&r, path, &err);
        if (got <= 0) {
            rc = got < 0 ? -got : 0;
            break;
        }
        g->stats->rows++;
        while (block + 1 < plan->nblocks && at >= plan->off[block + 1])
            block++;
        const stream_field *rep = &r.f[SF_REPORTER];
        int newrun = block != prevblock || rep->n != prevn || memcmp(rep->p, prev, prevn);
        if (newrun) {
            if (g->big) {
                if ((stop = big_flush(g)))
                    break;
            }
            if (g->cur->b.len >= limit && (stop = flush_runs(g)))
                break;
            if (ro && ro->progress && at >= next_report) {
                ro->progress(ro->progress_ctx, path, plan->size + at, plan->size * 2);
                next_report = at + ((unsigned long long)1 << 24);
            }
            if (ARRAY_GROW(prev, rep->n + 1, prevcap)) {
                rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            memcpy(prev, rep->p, rep->n);
            prevn = rep->n;
            prevblock = block;
            run_first = g->cur->b.n;
            run_off = g->cur->b.len;
        }
        if (g->big) {
            big_run *br = g->big;
            size_t grp = big_group(br, &r, g->gcol, g->ngcol);
            if (grp == SIZE_MAX || (rc = run_add(br, &r, path, &err))) {
                if (!rc)
                    rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            br->group[br->n - 1] = (uint32_t)grp;
            continue;
        }
        if ((rc = rec_add(&g->cur->b, &g->cur->roff, &g->cur->rcap, &r, block, &err)))
            break;
        if (g->slices && g->cur->b.len - run_off > 2 * limit) {
            /* a run larger than a batch: the runs before it go now, it is sliced */
            if ((stop = to_big(g, run_first, run_off)))
                break;
            if ((stop = flush_runs(g)))
                break;
            big_run *br = g->big;
            /* number the groups of the records moved: scan them again */
            stream_reader again;
            if ((rc = Trade_stream_reader_open(&again, -1, 0, 0, 0, plan->slot, plan->ncols, 16,
                                               &err)))
                break;
            free(again.buf);
            again.buf = br->buf;
            again.len = again.cap = br->len;
            again.at = 0;
            again.off = again.end = 0;
            for (size_t i = 0; i < br->n && !rc; i++) {
                int got2 = Trade_stream_reader_next(&again, path, &err);
                if (got2 <= 0) {
                    rc = got2 < 0 ? -got2 : trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0,
                                                            "streaming: lost a record");
                    break;
                }
                size_t grp = big_group(br, &again, g->gcol, g->ngcol);
                if (grp == SIZE_MAX)
                    rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                br->group[i] = (uint32_t)grp;
            }
            again.buf = NULL;
            Trade_stream_reader_close(&again);
        }
    }
    if (!rc && !stop && g->big)
        stop = big_flush(g);
    if (!rc && !stop)
        stop = flush_runs(g);
    if (rc) {
        g->read_rc = rc;
        g->read_err = err;
    }
    if (!rc && !stop && ro && ro->progress)
        ro->progress(ro->progress_ctx, path, plan->size * 2, plan->size * 2);
    free(prev);
    Trade_stream_reader_close(&r);
    job_free(g->cur);
    g->cur = NULL;
    lock(g);
    g->closed = 1;
    if (g->threaded)
        pthread_cond_broadcast(&g->cv);
    unlock(g);
    return NULL;
}

static int stream(const char *path, stream_plan *plan, rstream *g, trade_error *err)
{
    g->stats->streamed = 1;
    g->stats->blocks = plan->nblocks;
    g->plan = plan;
    g->path = path;
    g->err = err;
    g->want_text = g->sink->writer != NULL && !g->where;
    pthread_t reader, workers[WORKERS];
    size_t nworkers = 0, want = g->where ? 1 : WORKERS;
    int have_mu = !pthread_mutex_init(&g->mu, NULL);
    int have_wmu = have_mu && !pthread_mutex_init(&g->where_mu, NULL);
    int have_cv = have_wmu && !pthread_cond_init(&g->cv, NULL);
    int have_reader = 0;
    if (have_cv) {
        g->threaded = 1;
        while (nworkers < want && !trade_writer_thread_create(&workers[nworkers], work, g))
            nworkers++;
        have_reader = nworkers > 0 && !trade_writer_thread_create(&reader, produce, g);
        if (!have_reader) { /* no threads: all on this one */
            pthread_mutex_lock(&g->mu);
            g->stopped = 1;
            pthread_cond_broadcast(&g->cv);
            pthread_mutex_unlock(&g->mu);
            for (size_t i = 0; i < nworkers; i++)
                pthread_join(workers[i], NULL);
            nworkers = 0;
            g->threaded = g->stopped = 0;
        }
    }
    int rc;
    if (!g->threaded) {
        produce(g);
        rc = g->rc;
    } else {
        rc = consume_all(g);
        pthread_join(reader, NULL);
        for (size_t i = 0; i < nworkers; i++)
            pthread_join(workers[i], NULL);
        while (g->head) {
            rjob *j = g->head;
            g->head = j->next;
            job_free(j);
        }
    }
    if (have_cv)
        pthread_cond_destroy(&g->cv);
    if (have_wmu)
        pthread_mutex_destroy(&g->where_mu);
    if (have_mu)
        pthread_mutex_destroy(&g->mu);
    big_free(g->big);
    big_free(g->spare);
    g->big = g->spare = NULL;
    if (!rc && g->read_rc) {
        rc = g->read_rc;
        *err = g->read_err;
    }
    return rc;
}

static int rank_one(trade_table *t, const trade_rank_options *opt, int sort,
                    const trade_rank_sink *sink, void *ctx, trade_error *err)
{
    size_t n = trade_table_rows(t);
    double *ranks = malloc((n + 1) * sizeof *ranks);
    size_t *order = sort ? malloc((n + 1) * sizeof *order) : NULL;
    int rc;
    if (!ranks || (sort && !order))
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    else if (!(rc = trade_rank_table(t, opt, ranks, err)) &&
             !(sort && (rc = trade_rank_order(t, opt, ranks, order, err))))
        rc = sink->rows(ctx, t, ranks, order);
    free(ranks);
    free(order);
    return rc;
}

int trade_rank_files(size_t n, const char *const *paths, const trade_stream_options *so,
                     const trade_rank_options *opt, int sort, const trade_rank_sink *sink,
                     void *ctx, trade_stream_stats *stats, trade_error *err)
{
    trade_stream_stats dummy;
    if (!stats)
        stats = &dummy;
    memset(stats, 0, sizeof *stats);
    trade_error_clear(err);
    if (!sink || !sink->start || !sink->rows)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rank: NULL sink");
    const trade_read_options *ro = so ? so->read : NULL;
    int gcol[SF_COUNT], slices = 0, rc;
    size_t ngcol = 0;
    if (Trade_stream_wanted(so, n, paths) &&
        group_cols(opt ? opt->group : NULL, gcol, &ngcol, &slices)) {
        stream_plan plan;
        rc = Trade_stream_plan(paths[0], &plan, SF_REPORTER, ro ? ro->progress : NULL,
                               ro ? ro->progress_ctx : NULL, err);
        if (!rc && plan.sorted && !plan.equal_blocks) {
            rstream *g = calloc(1, sizeof *g);
            if (!g) {
                Trade_stream_plan_free(&plan);
                return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            }
            g->so = so;
            g->opt = opt;
            g->sort = sort;
            g->sink = sink;
            g->ctx = ctx;
            g->stats = stats;
            memcpy(g->gcol, gcol, sizeof gcol);
            g->ngcol = ngcol;
            g->slices = slices;
            g->where = so && so->where && trade_where_count(so->where) ? so->where : NULL;
            rc = stream(paths[0], &plan, g, err);
            free(g);
            Trade_stream_plan_free(&plan);
            return rc;
        }
        Trade_stream_plan_free(&plan);
        if (rc)
            return rc;
    }
    trade_table *t = trade_table_new();
    if (!t)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    rc = trade_table_read_files(t, n, paths, ro, so ? so->where : NULL, err);
    if (!rc) {
        stats->batches = 1;
        stats->rows = stats->max_batch_rows = trade_table_rows(t);
        stats->nonlevel = trade_series_nonlevel_rows(t);
        rc = sink->start(ctx, t);
    }
    if (!rc)
        rc = rank_one(t, opt, sort, sink, ctx, err);
    trade_table_free(t);
    return rc;
}
