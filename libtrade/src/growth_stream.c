/* growth_stream.c - trade_growth_files: growth on a file, streamed when the
 * file is in the streaming order (stream.h), else on the whole table.
 *
 * Streaming: the first pass (Trade_stream_plan) gives the period blocks;
 * one reader per block walks its block in key order, and a K-way merge
 * takes, key by key, every row of that series from every block (earlier
 * blocks first, so a series' rows come in period order and rows of one
 * period in file order). Whole series are appended to a batch of raw
 * records; a full batch is parsed with every check (stream_scan.c) and
 * handed to trade_growth_series and trade_growth_run, the functions the
 * whole-table path calls, on the caller's thread, which passes the rows
 * to the sink (reading and parsing take the other thread; grouping on the
 * reading thread made it the busier one once batches came cut by the
 * scanner). The reading side is still the slower: when the caller's thread
 * has had to wait for a batch, the next one goes over unparsed and the
 * caller's thread parses it (take_batch), about one batch in four at hs6.
 * Memory: the batch (a few in flight), one buffer per reader. */
#include <stdlib.h>
#include <string.h>

#include "trade/growth.h"

#include "buf_internal.h"
#include "stream_internal.h"

#define BATCH_BYTES ((size_t)1 << 20)

typedef struct relay {
    const trade_growth_sink *sink;
    void *ctx;
    const size_t *birth; /* per table row: the first block of its series */
} relay;

/* A row of a batch goes to the part of the block where its series starts. */
static int relay_row(void *ctx, const trade_growth_row *row)
{
    relay *r = ctx;
    trade_growth_row copy = *row;
    copy.part = r->birth[row->row_from];
    return r->sink->row(r->ctx, &copy);
}

/* birth[row]: the earliest period block of the rows of its series in t.
 * The merge appends a series' records together (group[rec]: the number of
 * the merge's key group of record rec), so they are consecutive rows of t
 * (after --where too), and rows keep the batch's order (--where only
 * drops some). run[row]: the row's key group, by which the series are
 * grouped (Trade_growth_series_runs). */
static void births(const trade_table *t, const stream_batch *b, const size_t *group, size_t *birth,
                   size_t *run)
{
    size_t n = trade_table_rows(t), rec = 0;
    for (size_t i = 0; i < n; i++) { /* first the record of each row, and its key group */
        unsigned long line = trade_table_obs(t, i)->line;
        while (rec + 1 < b->n && b->bline[rec + 1] <= line)
            rec++;
        birth[i] = rec;
        run[i] = group[rec];
    }
    for (size_t i = 0; i < n;) {
        size_t g = group[birth[i]], first = b->tag[birth[i]], j = i + 1;
        for (; j < n && group[birth[j]] == g; j++)
            if (b->tag[birth[j]] < first)
                first = b->tag[birth[j]];
        for (; i < j; i++)
            birth[i] = first;
    }
}

/* One batch, handed from the reading thread to the caller's: parsed, or
 * raw (its records and their key groups, parsed by the caller's thread,
 * which had waited for work: see take_batch). */
typedef struct gjob {
    trade_table *t;
    trade_series_list *sl;
    size_t *birth;
    size_t *run; /* per row, its merge key group */
    int rc;
    trade_error err;
    trade_error *problems;
    size_t nproblems;
    trade_stream_stats stats; /* this batch's counts, added up by the caller's thread */
    int raw;
    stream_batch b; /* raw: the records */
    size_t *group;  /* raw: per record, its key group */
} gjob;

static void gjob_free(void *p)
{
    gjob *j = p;
    if (!j)
        return;
    trade_series_list_free(j->sl);
    trade_table_free(j->t);
    free(j->birth);
    free(j->run);
    free(j->problems);
    if (j->raw)
        Trade_stream_batch_free(&j->b);
    free(j->group);
    free(j);
}

typedef struct gstream {
    stream_pipe *pipe; /* first: Trade_stream_pipe_start sets it */
    const trade_stream_options *so;
    trade_where *where; /* so's, NULL when it has no condition */
    const trade_growth_options *opt;
    const trade_growth_sink *sink;
    void *ctx;
    trade_stream_stats *stats; /* written by the caller's thread only */
    stream_batch b;
    size_t *group; /* per record of b: its key group (births) */
    size_t group_cap, ngroups;
    stream_plan *plan;
    const char *path;
    size_t nparts;
    int started;
    int rc; /* the consumer's result */
    trade_error *err;
    int read_rc; /* the reading side's error (read after the join) */
    trade_error read_err;
} gstream;

/* Parse batch b (every check) into j, with its births (which need the
 * batch's records and their key groups). */
static void parse_into(gstream *g, gjob *j, stream_batch *b, const size_t *group)
{
    b->group = group; /* duplicates: within key groups */
    j->rc = Trade_stream_batch_table(b, g->where, &j->stats, &j->t,
                                     &j->problems, &j->nproblems, &j->err);
    b->group = NULL;
    if (j->rc)
        return;
    size_t nr = trade_table_rows(j->t);
    j->stats.rows += b->n;
    if (!(j->birth = malloc((nr + 1) * sizeof *j->birth)) ||
        !(j->run = malloc((nr + 1) * sizeof *j->run)))
        j->rc = trade_error_set(&j->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    else
        births(j->t, b, group, j->birth, j->run);
}

/* The caller's side: a batch's growth rows to the sink. */
static int consume(gstream *g, gjob *j)
{
    if (j->raw)
        parse_into(g, j, &j->b, j->group);
    g->stats->batches += j->stats.batches;
    g->stats->rows += j->stats.rows;
    g->stats->nonlevel += j->stats.nonlevel;
    if (j->stats.max_batch_rows > g->stats->max_batch_rows)
        g->stats->max_batch_rows = j->stats.max_batch_rows;
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    Trade_stream_problems_forward(ro, j->problems, j->nproblems);
    j->problems = NULL;
    int rc = j->rc;
    if (rc) {
        *g->err = j->err;
    } else {
        if (!g->started) {
            g->started = 1;
            rc = g->sink->start(g->ctx, j->t, g->nparts);
        }
        if (!rc)
            rc = Trade_growth_series_runs(j->t, j->run, &j->sl, g->err);
        if (!rc) {
            relay r = {g->sink, g->ctx, j->birth};
            rc = trade_growth_run(j->t, j->sl, 0, trade_series_count(j->sl), g->opt, relay_row,
                                  &r, g->err);
        }
    }
    gjob_free(j);
    return rc;
}

/* The reading side's batch g->b as a job: parsed here, or, when the
 * caller's thread has waited for work since the last batch (reading and
 * parsing are then the slower side), raw: the records move to the job
 * (g->b starts afresh) and the caller's thread parses them (not with a
 * where, whose matching runs on one thread). */
static gjob *take_batch(gstream *g)
{
    gjob *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    /* not with a where: its matching is not reentrant (rank_stream.c) */
    if (g->pipe && g->b.n && !g->where && Trade_stream_pipe_starved(g->pipe)) {
        j->group = malloc(g->b.n * sizeof *j->group);
        if (j->group) {
            memcpy(j->group, g->group, g->b.n * sizeof *j->group);
            j->raw = 1;
            j->b = g->b;
            Trade_stream_batch_init(&g->b, j->b.name, j->b.ro);
            g->b.collect = 1;
            return j;
        }
    }
    parse_into(g, j, &g->b, g->group);
    return j;
}

/* Hand a job over (or, with no second thread, consume it here). Returns
 * non-zero to stop reading. */
static int deliver(gstream *g, gjob *j)
{
    if (!j) {
        g->read_rc = trade_error_set(&g->read_err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return -1;
    }
    int failed = j->rc != 0;
    if (!g->pipe) {
        g->rc = consume(g, j);
        return g->rc;
    }
    if (Trade_stream_pipe_put(g->pipe, j)) {
        gjob_free(j);
        return -1;
    }
    return failed;
}

/* The merge: every row of the smallest key from every block (earlier
 * blocks first), whole series into batches. */
static void *produce(void *arg)
{
    gstream *g = arg;
    stream_plan *plan = g->plan;
    const char *path = g->path;
    size_t k = plan->nblocks;
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    stream_reader *rd = calloc(k, sizeof *rd);
    int *have = calloc(k, sizeof *have);
    unsigned char *same = calloc(k ? k : 1, 1);
    stream_field key[SF_COUNT];
    char *keytext = NULL;
    size_t keycap = 0, opened = 0;
    /* one buffer per period block: 256 KiB each, less when there are many
       (monthly data over decades), so that they take at most 16 MiB */
    size_t bufsize = ((size_t)16 << 20) / (k ? k : 1);
    if (bufsize > ((size_t)256 << 10))
        bufsize = (size_t)256 << 10;
    if (bufsize < ((size_t)16 << 10))
        bufsize = (size_t)16 << 10;
    trade_error err;
    int rc = TRADE_OK;
    if (!rd || !have || !same)
        rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    Trade_stream_batch_init(&g->b, path, ro);
    g->b.collect = g->pipe != NULL;
    Trade_stream_batch_reset(&g->b, plan);
    for (; !rc && opened < k; opened++) {
        rc = Trade_stream_reader_open(&rd[opened], plan->fd, plan->off[opened],
                                      plan->off[opened + 1], plan->line[opened], plan->slot,
                                      plan->ncols, bufsize, &err);
        if (!rc) {
            int got = Trade_stream_reader_next(&rd[opened], path, &err);
            rc = got < 0 ? -got : 0;
            have[opened] = got > 0;
        }
    }
    unsigned long long done = 0, next_report = 0;
    int stop = 0;
    while (!rc && !stop) {
        /* the smallest key, and which blocks' current records have it
           (same[i]: known equal, so they are taken without comparing) */
        size_t m = k;
        for (size_t i = 0; i < k; i++) {
            if (!have[i])
                continue;
            int c = m == k ? -1 : Trade_stream_key_cmp(rd[i].f, rd[m].f);
            if (c < 0) {
                for (size_t j = m == k ? 0 : m; j < i; j++)
                    same[j] = 0;
                m = i;
            }
            same[i] = c <= 0;
        }
        if (m == k)
            break;
        size_t need = 0;
        for (int f = 0; f < SF_COUNT; f++)
            need += rd[m].f[f].n;
        if (ARRAY_GROW(keytext, need + 1, keycap)) {
            rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        char *o = keytext;
        for (int f = 0; f < SF_COUNT; f++) {
            memcpy(o, rd[m].f[f].p, rd[m].f[f].n);
            key[f] = (stream_field){o, rd[m].f[f].n};
            o += rd[m].f[f].n;
        }
        g->ngroups++;
        for (size_t i = m; i < k && !rc; i++)
            while (have[i] && (same[i] || Trade_stream_key_same(rd[i].f, key))) {
                same[i] = 0; /* the block's next record is compared */
                done += rd[i].rec_span;
                if ((rc = Trade_stream_batch_add(&g->b, &rd[i], i, &err)))
                    break;
                if (ARRAY_GROW(g->group, g->b.n, g->group_cap)) {
                    rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                    break;
                }
                g->group[g->b.n - 1] = g->ngroups;
                int got = Trade_stream_reader_next(&rd[i], path, &err);
                if (got < 0) {
                    rc = -got;
                    break;
                }
                have[i] = got > 0;
            }
        if (!rc && g->b.len >= limit) {
            stop = deliver(g, take_batch(g));
            Trade_stream_batch_reset(&g->b, plan);
            if (ro && ro->progress && done >= next_report) {
                ro->progress(ro->progress_ctx, path, plan->size + done, plan->size * 2);
                next_report = done + ((unsigned long long)1 << 24);
            }
        }
    }
    if (!rc && !stop && g->b.n)
        stop = deliver(g, take_batch(g));
    if (rc) { /* a reading error: after the batches before it */
        g->read_rc = rc;
        g->read_err = err;
    }
    if (!rc && !stop && ro && ro->progress)
        ro->progress(ro->progress_ctx, path, plan->size * 2, plan->size * 2);
    for (size_t i = 0; i < opened; i++)
        Trade_stream_reader_close(&rd[i]);
    free(rd);
    free(have);
    free(same);
    free(keytext);
    free(g->group);
    g->group = NULL;
    Trade_stream_batch_free(&g->b);
    if (g->pipe)
        Trade_stream_pipe_close(g->pipe);
    return NULL;
}

static int stream(const char *path, stream_plan *plan, gstream *g, trade_error *err)
{
    g->nparts = plan->nblocks;
    g->stats->streamed = 1;
    g->stats->blocks = plan->nblocks;
    g->plan = plan;
    g->path = path;
    g->err = err;
    stream_pipe *pipe = Trade_stream_pipe_start(produce, g);
    int rc = 0;
    if (!pipe) { /* no second thread: read and compute in turn */
        produce(g);
        rc = g->rc;
    } else {
        gjob *j;
        while (!rc && (j = Trade_stream_pipe_get(pipe)) != NULL)
            rc = consume(g, j);
        Trade_stream_pipe_end(pipe, gjob_free);
    }
    if (!rc && g->read_rc) {
        rc = g->read_rc;
        *err = g->read_err;
    }
    return rc;
}

int trade_growth_files(size_t n, const char *const *paths, const trade_stream_options *so,
                       const trade_growth_options *opt, const trade_growth_sink *sink, void *ctx,
                       trade_stream_stats *stats, trade_error *err)
{
    trade_stream_stats dummy;
    if (!stats)
        stats = &dummy;
    memset(stats, 0, sizeof *stats);
    int rc = trade_growth_options_check(opt, err);
    if (rc)
        return rc;
    if (!sink || !sink->start || !sink->row)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "growth: NULL sink");
    const trade_read_options *ro = so ? so->read : NULL;
    if (Trade_stream_wanted(so, n, paths)) {
        stream_plan plan;
        rc = Trade_stream_plan(paths[0], &plan, SF_COUNT - 1, ro ? ro->progress : NULL,
                               ro ? ro->progress_ctx : NULL, err);
        if (!rc && plan.sorted) {
            gstream g;
            memset(&g, 0, sizeof g);
            g.so = so;
            g.where = so && so->where && trade_where_count(so->where) ? so->where : NULL;
            g.opt = opt;
            g.sink = sink;
            g.ctx = ctx;
            g.stats = stats;
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
    trade_series_list *sl = NULL;
    if (!rc) {
        stats->batches = 1;
        stats->rows = stats->max_batch_rows = trade_table_rows(t);
        stats->nonlevel = trade_series_nonlevel_rows(t);
        rc = sink->start(ctx, t, 1);
    }
    if (!rc && !(rc = trade_growth_series(t, &sl, err)))
        rc = trade_growth_run(t, sl, 0, trade_series_count(sl), opt, sink->row, ctx, err);
    trade_series_list_free(sl);
    trade_table_free(t);
    return rc;
}
