/* rank_stream.c - trade_rank_files: ranks on a file, streamed in batches
 * of whole (period, reporter) runs when the file is in the streaming order
 * (stream.h), else on the whole table. Each batch is parsed with every
 * check (stream_scan.c) and ranked by trade_rank_table (and ordered by
 * trade_rank_order), the functions the whole-table path calls: a group
 * (reporter, flow, period, unit, product by default) and the figures of one
 * series for one period never cross a run. */
#include <stdlib.h>
#include <string.h>

#include "trade/rank.h"

#include "stream_internal.h"

#define BATCH_BYTES ((size_t)4 << 20)

/* 1 when the group columns hold period and reporter (NULL: the default). */
static int group_streams(const char *group)
{
    if (!group)
        return 1;
    int period = 0, reporter = 0;
    for (const char *p = group; *p;) {
        size_t n = strcspn(p, ",");
        period |= n == 6 && !memcmp(p, "period", 6);
        reporter |= n == 8 && !memcmp(p, "reporter", 8);
        p += n + (p[n] == ',');
    }
    return period && reporter;
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

typedef struct rstream {
    const trade_stream_options *so;
    const trade_rank_options *opt;
    int sort, started;
    const trade_rank_sink *sink;
    void *ctx;
    trade_stream_stats *stats;
    stream_batch b;
} rstream;

static int flush(rstream *g, trade_error *err)
{
    if (g->b.n == 0)
        return TRADE_OK;
    trade_table *t;
    int rc = Trade_stream_batch_table(&g->b, g->so ? g->so->where : NULL, &t, err);
    if (rc)
        return rc;
    size_t nr = trade_table_rows(t);
    g->stats->batches++;
    g->stats->rows += g->b.n;
    if (nr > g->stats->max_batch_rows)
        g->stats->max_batch_rows = nr;
    if (!g->started) {
        g->started = 1;
        rc = g->sink->start(g->ctx, t);
    }
    if (!rc)
        rc = rank_one(t, g->opt, g->sort, g->sink, g->ctx, err);
    trade_table_free(t);
    return rc;
}

static int stream(const char *path, stream_plan *plan, rstream *g, trade_error *err)
{
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    stream_reader r;
    int rc = Trade_stream_reader_open(&r, plan->fd, plan->off[0], plan->size, plan->line[0],
                                      plan->slot, plan->ncols, err);
    if (rc)
        return rc;
    g->stats->streamed = 1;
    g->stats->blocks = plan->nblocks;
    Trade_stream_batch_init(&g->b, path, ro);
    Trade_stream_batch_reset(&g->b, plan);
    char *prev = NULL;
    size_t prevn = 0, prevcap = 0, block = 0, prevblock = (size_t)-1;
    unsigned long long next_report = 0;
    for (;;) {
        unsigned long long at = r.off - (r.len - r.at);
        int got = Trade_stream_reader_next(&r, path, err);
        if (got <= 0) {
            rc = got < 0 ? -got : 0;
            break;
        }
        while (block + 1 < plan->nblocks && at >= plan->off[block + 1])
            block++;
        const stream_field *rep = &r.f[SF_REPORTER];
        int newrun = block != prevblock || rep->n != prevn || memcmp(rep->p, prev, prevn);
        if (newrun) {
            if (g->b.len >= limit) {
                if ((rc = flush(g, err)))
                    break;
                Trade_stream_batch_reset(&g->b, plan);
                if (ro && ro->progress && at >= next_report) {
                    ro->progress(ro->progress_ctx, path, plan->size + at, plan->size * 2);
                    next_report = at + ((unsigned long long)1 << 24);
                }
            }
            if (rep->n + 1 > prevcap) {
                char *np = realloc(prev, rep->n * 2 + 16);
                if (!np) {
                    rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                    break;
                }
                prev = np;
                prevcap = rep->n * 2 + 16;
            }
            memcpy(prev, rep->p, rep->n);
            prevn = rep->n;
            prevblock = block;
        }
        if ((rc = Trade_stream_batch_add(&g->b, &r, block, err)))
            break;
    }
    if (!rc)
        rc = flush(g, err);
    if (!rc && ro && ro->progress)
        ro->progress(ro->progress_ctx, path, plan->size * 2, plan->size * 2);
    free(prev);
    Trade_stream_reader_close(&r);
    Trade_stream_batch_free(&g->b);
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
    int rc;
    if (Trade_stream_wanted(so, n, paths) && group_streams(opt ? opt->group : NULL)) {
        stream_plan plan;
        rc = Trade_stream_plan(paths[0], &plan, ro ? ro->progress : NULL,
                               ro ? ro->progress_ctx : NULL, err);
        if (!rc && plan.sorted) {
            rstream g = {so, opt, sort, 0, sink, ctx, stats, {0}};
            rc = stream(paths[0], &plan, &g, err);
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
        rc = sink->start(ctx, t);
    }
    if (!rc)
        rc = rank_one(t, opt, sort, sink, ctx, err);
    trade_table_free(t);
    return rc;
}
