/* stream_internal.h - the record scanner and the first pass shared by the
 * streaming paths of growth and rank (growth_stream.c, rank_stream.c).
 *
 * The scanner only finds records (quoted newlines included) and the text of
 * the few columns that order them; it checks nothing else. Every row the
 * streaming paths use is parsed again, with every check of the format, by
 * trade_table_read_buffer on a batch of raw records, so a bad row is refused
 * exactly as by the whole-table path. */
#ifndef TRADE_STREAM_INTERNAL_H
#define TRADE_STREAM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "trade/error.h"
#include "trade/period.h"
#include "trade/stream.h"
#include "trade/table.h"

/* The columns the order is defined on, in key order after the period. */
enum { SF_PERIOD, SF_REPORTER, SF_PARTNER, SF_FLOW, SF_PRODUCT, SF_UNIT, SF_COUNT };

/* Most fields of a record whose cuts the scanner keeps (stream_reader.cut). */
#define STREAM_MAX_CUT 64

typedef struct stream_field {
    const char *p;
    size_t n;
} stream_field;

typedef struct stream_reader {
    int fd;
    unsigned long long off, end; /* next offset to read, end of the range */
    char *buf;
    size_t cap, len, at;
    unsigned long line; /* physical line of the next record */
    /* the current record: valid until the next call */
    const char *rec;
    size_t rec_span;            /* bytes, line end included */
    int rec_has_newline;        /* 0: the last record of the file without one */
    unsigned long rec_line;     /* its first physical line */
    unsigned long rec_nlines;   /* physical lines it spans */
    stream_field f[SF_COUNT];   /* the key columns' text, unquoted */
    /* where each field of the record ends (its comma or line end), from
     * the record's start: rec_ncut fields, when the scanner cut a record
     * of one line without quotes and at most STREAM_MAX_CUT fields; else
     * rec_ncut is 0 */
    uint32_t cut[STREAM_MAX_CUT];
    size_t rec_ncut;
    int rec_in_buf;             /* 1: f points into buf (else into scratch) */
    const int *slot;            /* slot[col]: SF_* of column col, or -1 */
    size_t ncols;
    /* 0, or the columns a record is cut into: past them the scanner only
     * finds the line end (and a quote, which takes the general way), and
     * the record has no cuts (the first pass of trade rank needs two) */
    size_t scan_cols;
    char *scratch;
    size_t scratch_cap;
    /* called by a refill before the buffer's bytes move (NULL: none), so
       that a caller which points into the buffer (at the previous record)
       copies what it still needs: non-zero fails the read with ENOMEM */
    int (*before_move)(void *ctx);
    void *move_ctx;
} stream_reader;

/* A reader of bytes [off, end) of fd, whose first record starts at physical
 * line `line`; slot maps the ncols columns to SF_* (borrowed). Reads go
 * through a buffer of bufsize bytes (0: 256 KiB; grown for a longer
 * record). Returns 0 or TRADE_ENOMEM. */
int Trade_stream_reader_open(stream_reader *r, int fd, unsigned long long off,
                                            unsigned long long end, unsigned long line,
                                            const int *slot, size_t ncols, size_t bufsize,
                                            trade_error *err);
/* The next record: 1, 0 at the end, or -TRADE_EIO / -TRADE_ENOMEM /
 * -TRADE_ELIMIT (a record longer than the scanner takes) with err set. */
int Trade_stream_reader_next(stream_reader *r, const char *name, trade_error *err);
void Trade_stream_reader_close(stream_reader *r);

/* Compare the keys (reporter, partner, flow, product, unit; bytewise) of two
 * records' fields. */
int Trade_stream_key_cmp(const stream_field *a, const stream_field *b);
/* 1 when the two keys are the same (Trade_stream_key_cmp == 0), in fewer
 * steps when they are not. */
int Trade_stream_key_same(const stream_field *a, const stream_field *b);

/* What the first pass found. */
typedef struct stream_plan {
    int sorted;                 /* 1: the file is in the streaming order */
    int fd;
    char *header;               /* the header record, raw, with its line end */
    size_t header_len;
    int slot[64];               /* SF_* of each column (at most 64 columns) */
    size_t ncols;
    int order_slot[64];         /* slot, for the fields the order is checked on only */
    size_t order_cols;          /* the columns up to the last of those */
    size_t nblocks;             /* period blocks (one per period as written) */
    int equal_blocks;           /* two blocks hold the same months ("2012", "2012-01/2012-12") */
    unsigned long long *off;    /* block b is bytes [off[b], off[b + 1]) */
    unsigned long *line;        /* physical line where block b starts */
    unsigned long long size, rows;
} stream_plan;

/* The first pass over path: a plain regular file whose header has the key
 * columns and whose rows are sorted (stream.h) by period and the first
 * `keys` key fields after it (reporter, partner, flow, product, unit:
 * SF_COUNT - 1 for all of them; trade rank, whose runs are (period,
 * reporter), needs 1, and its pass then cuts only the columns up to those
 * two). Sets plan->sorted (0: use
 * the whole-table path; nothing else is wrong with the file as far as this
 * pass knows). Progress goes to fn with done counted over 2 * size (the
 * second pass reports the rest). Returns 0 or a status with err set (I/O,
 * memory); plan is to be freed with Trade_stream_plan_free in every case. */
int Trade_stream_plan(const char *path, stream_plan *plan, int keys,
                                     trade_read_progress_fn fn, void *ctx, trade_error *err);
void Trade_stream_plan_free(stream_plan *plan);

/* A batch of raw records parsed as one table, with the file line of each
 * record so that problems are reported where they are in the file. */
typedef struct stream_batch {
    char *buf;
    size_t len, cap;
    unsigned long next_line;    /* physical line in buf of the next record */
    unsigned long *bline, *fline; /* record k starts at line bline[k] of buf, fline[k] of the file */
    size_t *tag;                /* a caller's number per record (growth: the period block) */
    size_t n, ncap;
    const char *name;
    const trade_read_options *ro; /* the caller's (its on_problem gets mapped lines) */
    int collect;                  /* keep the problems (in problems) instead of
                                     calling on_problem: the batch is read on
                                     another thread than the caller's */
    trade_error *problems;
    size_t nproblems, problems_cap;
    int generic; /* read again rows checked already: the CSV-level checks only */
    /* the scanner's cuts of every record (cut_cols per record, from
     * stream_reader.cut), so that the batch is not cut again: cut_ok when
     * every record came with cut_cols fields */
    uint32_t *cend;
    size_t cend_cap, cut_cols;
    int cut_ok;
    /* per record, the number of its merge key group (growth: records of
     * one series key are one group, consecutive), so that duplicates are
     * looked for within groups; NULL: anywhere in the batch */
    const size_t *group;
} stream_batch;

void Trade_stream_batch_init(stream_batch *b, const char *name,
                                            const trade_read_options *ro);
/* Start again with the header only. */
void Trade_stream_batch_reset(stream_batch *b, const stream_plan *plan);
/* Append the current record of r. Returns 0 or TRADE_ENOMEM. */
int Trade_stream_batch_add(stream_batch *b, const stream_reader *r, size_t tag,
                                          trade_error *err);
/* The file line of batch line bl; *tag gets the record's tag. */
unsigned long Trade_stream_batch_line(const stream_batch *b, unsigned long bl,
                                                     size_t *tag);
/* Parse the batch into a new table *out (every check of the format; the
 * duplicate check; where, may be NULL). The problems reported on the way
 * move from b to *problems / *nproblems (the caller frees them), whatever
 * the outcome; on success the table is counted in stats (batches, the
 * largest batch, rows whose measure is not a level). Returns 0 or the
 * reader's status, err at the file's line. *out is NULL on failure. */
int Trade_stream_batch_table(stream_batch *b, trade_where *where, trade_stream_stats *stats,
                             trade_table **out, trade_error **problems, size_t *nproblems,
                             trade_error *err);
void Trade_stream_batch_free(stream_batch *b);

/* trade_table_read_buffer on data[0..len), a header line then nrec
 * records of ncols fields each whose ends (from each record's start) are
 * cend[k * ncols + i] (table.c): the fields are taken from there instead
 * of being cut again. Anything the fast lane does not take (quotes, a
 * problem) goes the general way, as trade_table_read_buffer would, so
 * the result and every problem are the same. */
int Trade_table_read_cut(trade_table *t, const char *data, size_t len, const char *name,
                         const trade_read_options *opt, size_t nrec, size_t ncols,
                         const uint32_t *cend, trade_error *err);

/* A one-slot hand-over between the thread that reads and parses batches
 * and the calling thread, which computes and writes (so the two overlap). */
typedef struct stream_pipe stream_pipe;
/* A new pipe running fn(arg) on a second thread; NULL when no thread
 * could be started (the caller then runs fn itself first). */
stream_pipe *Trade_stream_pipe_start(void *(*fn)(void *), void *arg);
/* Producer: hand job over, waiting while the slot is full. -1: the consumer
 * stopped (the job stays the producer's). */
int Trade_stream_pipe_put(stream_pipe *p, void *job);
/* Producer: no more jobs. */
void Trade_stream_pipe_close(stream_pipe *p);
/* 1 when the taking thread has had to wait for a job (found the slot
 * empty) since the last call: it is the faster side, so the putting
 * thread may hand it work it would have done itself. */
int Trade_stream_pipe_starved(stream_pipe *p);
/* Consumer: the next job, or NULL when the producer closed. */
void *Trade_stream_pipe_get(stream_pipe *p);
/* Consumer: stop the producer, wait for its thread and free p; jobs still
 * in the slot go to drop. */
void Trade_stream_pipe_end(stream_pipe *p, void (*drop)(void *job));

/* Forward problems kept by a batch read on another thread to ro's
 * on_problem, and free them. */
void Trade_stream_problems_forward(const trade_read_options *ro, trade_error *problems,
                                   size_t n);

/* 1 when stream options allow the streaming path at all for n paths. */
int Trade_stream_wanted(const trade_stream_options *so, size_t n,
                                       const char *const *paths);

/* trade_growth_series on a batch whose rows come in runs of one series
 * key each (run[row]: growth's merge key group), grouped from the runs
 * (Trade_series_build_runs). */
int Trade_growth_series_runs(const trade_table *t, const size_t *run, trade_series_list **out,
                             trade_error *err);

#endif
