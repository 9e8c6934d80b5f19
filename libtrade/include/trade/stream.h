/* stream.h - growth and rank on sorted bulk input, without holding the
 * table: what `trade growth` and `trade rank` call on a file.
 *
 * The streaming order is the order `trade import` writes: rows sorted by
 * period (trade_period_order; rows of equal periods, trade_period_equal,
 * form one period block), then by reporter, partner, flow, product and unit
 * (bytewise, as the cells read after unquoting). A file in that order is
 * worked on in batches of whole series (growth: a sorted merge of the
 * period blocks, one reader per block, so a series with gaps or several
 * kinds of period is whole in one batch) or of whole (period, reporter)
 * runs (rank), and memory is bounded by the batch and by the largest run,
 * not by the number of series. Rank needs only its runs in order: a file
 * sorted by period and then reporter, whatever the order within a run, is
 * streamed by rank (and read whole by growth).
 *
 * Whether a file is in that order is found by a first pass over it (the
 * record scanner reads only the key columns), before anything is
 * written: the merge needs where each period block starts, and a file
 * found unsorted half-way would otherwise have to be started again. A file
 * that is not in that order, several files, standard input, a compressed
 * file, drafts or a generic table take the whole-table path; both paths
 * give the same rows in the same order (growth.h, rank.h).
 *
 * Every row of a batch is read with every check of the format
 * (trade_table_read_buffer) and the duplicate check; problems are located
 * at the file's line and column. On the streaming path reading stops at
 * the first batch with a problem (the whole-table path reports every
 * problem of the file). */
#ifndef TRADE_STREAM_H
#define TRADE_STREAM_H

#include <stddef.h>

#include "error.h"
#include "table.h"
#include "table_read.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_stream_options {
    const trade_read_options *read; /* checks, on_problem, progress (may be NULL) */
    trade_where *where;             /* rows to keep (may be NULL) */
    int no_stream;                  /* always the whole-table path (tests, comparisons) */
    size_t batch_bytes;             /* raw bytes per batch; 0: the default (growth 1 MiB, rank 2 MiB) */
} trade_stream_options;

/* What a run did, for tests and benchmarks (never timings). */
typedef struct trade_stream_stats {
    int streamed;          /* 1: the streaming path ran */
    size_t blocks;         /* period blocks (streaming) */
    size_t batches;        /* tables parsed (1 on the whole-table path) */
    size_t rows;           /* rows read */
    size_t max_batch_rows; /* the most rows held in one table at once */
    size_t nonlevel;       /* rows left out of every series: their measure is not a
                              level (trade_series_nonlevel_rows) */
} trade_stream_stats;

#ifdef __cplusplus
}
#endif
#endif
