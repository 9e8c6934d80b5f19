/* rank_stream.c - trade_rank_files: ranks on a file, streamed in batches
 * of whole (period, reporter) runs when the file is in the streaming order
 * (stream.h), else on the whole table.
 *
 * Each batch is parsed with every check (stream_scan.c) and ranked by
 * trade_rank_table (and ordered by trade_rank_order), the functions the
 * whole-table path calls: a group (reporter, flow, period, unit, product by
 * default) and the figures of one series for one period never cross a run.
 * Batches are read and ranked on a second thread while the caller's thread
 * writes the previous one.
 *
 * A run larger than a batch (a large exporter at HS6: 800,000 rows in a
 * year) is not parsed whole: its raw records are kept, numbered by group
 * (the group columns' text, in order of first appearance), and parsed in
 * slices of whole groups, group after group, so each slice ranks exactly as
 * the whole run would. With --sort those slices are the output (group by
 * group); else the ranks are kept per record and the run is parsed a second
 * time in file order to be written. Memory: the run's raw bytes and one
 * number per record, not its parsed table. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/group.h"
#include "trade/rank.h"

#include "buf_internal.h"
#include "stream_internal.h"

/* Raw bytes per batch; a run of more than twice this is sliced by group. */
#define BATCH_BYTES ((size_t)2 << 20)

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

/* One ranked table, handed to the caller's thread. */
typedef struct rjob {
    trade_table *t;
    double *ranks;
    size_t *order;
    int rc;
    trade_error err;
    trade_error *problems;
    size_t nproblems;
} rjob;

static void rjob_free(void *p)
{
    rjob *j = p;
    if (!j)
        return;
    trade_table_free(j->t);
    free(j->ranks);
    free(j->order);
    free(j->problems);
    free(j);
}

/* A big run: its records (in b) with a group number each. */
typedef struct big_run {
    stream_batch b;
    size_t *group, ngroups;
    size_t gcap;
    /* the groups' texts, open addressing on FNV-1a */
    char *text;
    size_t tlen, tcap;
    size_t *slot_off, *slot_len, *slot_id;
    size_t nslots;
} big_run;

typedef struct rstream {
    stream_pipe *pipe; /* first: Trade_stream_pipe_start sets it */
    const trade_stream_options *so;
    const trade_rank_options *opt;
    int sort, started;
    const trade_rank_sink *sink;
    void *ctx;
    trade_stream_stats *stats;
    stream_plan *plan;
    const char *path;
    stream_batch b;
    int gcol[SF_COUNT];
    size_t ngcol;
    int slices; /* big runs may be sliced by group */
    big_run big;
    int in_big;
    trade_error *err;
    int rc, read_rc;
    trade_error read_err;
} rstream;

static int consume(rstream *g, rjob *j)
{
    const trade_read_options *ro = g->so ? g->so->read : NULL;
    Trade_stream_problems_forward(ro, j->problems, j->nproblems);
    j->problems = NULL;
    int rc = j->rc;
    if (rc) {
        *g->err = j->err;
    } else {
        if (!g->started) {
            g->started = 1;
            rc = g->sink->start(g->ctx, j->t);
        }
        if (!rc)
            rc = g->sink->rows(g->ctx, j->t, j->ranks, j->order);
    }
    rjob_free(j);
    return rc;
}

/* Parse batch b (every check) into a job; rank it unless ranks are given
 * (rank_of: per record of the big run, by tag). */
static rjob *parse(rstream *g, stream_batch *b, int rank, const double *rank_of)
{
    rjob *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->rc = Trade_stream_batch_table(b, g->so ? g->so->where : NULL, g->stats, &j->t,
                                     &j->problems, &j->nproblems, &j->err);
    if (j->rc)
        return j;
    size_t n = trade_table_rows(j->t);
    j->ranks = malloc((n + 1) * sizeof *j->ranks);
    if (g->sort && rank)
        j->order = malloc((n + 1) * sizeof *j->order);
    if (!j->ranks || (g->sort && rank && !j->order)) {
        j->rc = trade_error_set(&j->err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return j;
    }
    if (!rank) {
        for (size_t r = 0; r < n; r++) {
            size_t tag;
            Trade_stream_batch_line(b, row_line(j->t, r), &tag);
            j->ranks[r] = rank_of[tag];
        }
        return j;
    }
    if (!(j->rc = trade_rank_table(j->t, g->opt, j->ranks, &j->err)) && g->sort)
        j->rc = trade_rank_order(j->t, g->opt, j->ranks, j->order, &j->err);
    return j;
}

/* Hand a job over (or consume it here without a second thread). Non-zero:
 * stop reading. */
static int deliver(rstream *g, rjob *j)
{
    if (!j) {
        g->read_rc = trade_error_set(&g->read_err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return -1;
    }
    int failed = j->rc != 0;
    if (!g->pipe)
        return g->rc = consume(g, j);
    if (Trade_stream_pipe_put(g->pipe, j)) {
        rjob_free(j);
        return -1;
    }
    return failed;
}

static void big_clear(big_run *br)
{
    br->ngroups = 0;
    br->tlen = 0;
    for (size_t i = 0; i < br->nslots; i++)
        br->slot_id[i] = SIZE_MAX;
}

static void big_free(big_run *br)
{
    Trade_stream_batch_free(&br->b);
    free(br->group);
    free(br->text);
    free(br->slot_off);
    free(br->slot_len);
    free(br->slot_id);
    memset(br, 0, sizeof *br);
}

/* The group number of the reader's current record (new groups numbered in
 * order of first appearance). SIZE_MAX when out of memory. */
static size_t big_group(big_run *br, const stream_reader *r, const int *cols, size_t n)
{
    if (br->ngroups * 2 + 2 > br->nslots) { /* grow and rehash */
        size_t ns = br->nslots ? br->nslots * 2 : 1024;
        size_t *off = malloc(ns * sizeof *off), *len = malloc(ns * sizeof *len),
               *id = malloc(ns * sizeof *id);
        if (!off || !len || !id) {
            free(off);
            free(len);
            free(id);
            return SIZE_MAX;
        }
        for (size_t i = 0; i < ns; i++)
            id[i] = SIZE_MAX;
        for (size_t i = 0; i < br->nslots; i++) {
            if (br->slot_id[i] == SIZE_MAX)
                continue;
            uint64_t h = 1469598103934665603u;
            for (size_t k = 0; k < br->slot_len[i]; k++) {
                h ^= (unsigned char)br->text[br->slot_off[i] + k];
                h *= 1099511628211u;
            }
            size_t s = (size_t)(h & (ns - 1));
            while (id[s] != SIZE_MAX)
                s = (s + 1) & (ns - 1);
            off[s] = br->slot_off[i];
            len[s] = br->slot_len[i];
            id[s] = br->slot_id[i];
        }
        free(br->slot_off);
        free(br->slot_len);
        free(br->slot_id);
        br->slot_off = off;
        br->slot_len = len;
        br->slot_id = id;
        br->nslots = ns;
    }
    /* the key text: the group columns' text, each followed by 0xff */
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
    uint64_t h = 1469598103934665603u;
    for (size_t k = 0; k < kl; k++) {
        h ^= (unsigned char)key[k];
        h *= 1099511628211u;
    }
    size_t s = (size_t)(h & (br->nslots - 1));
    while (br->slot_id[s] != SIZE_MAX) {
        if (br->slot_len[s] == kl && !memcmp(br->text + br->slot_off[s], key, kl))
            return br->slot_id[s];
        s = (s + 1) & (br->nslots - 1);
    }
    br->slot_off[s] = br->tlen;
    br->slot_len[s] = kl;
    br->slot_id[s] = br->ngroups;
    br->tlen += kl;
    return br->ngroups++;
}

/* Rank the big run in slices of whole groups, then (without --sort) write
 * it in file order with those ranks. Non-zero: stop reading. */
static int big_flush(rstream *g)
{
    big_run *br = &g->big;
    stream_batch *all = &br->b;
    size_t n = all->n, ng = br->ngroups;
    size_t limit = g->so && g->so->batch_bytes ? g->so->batch_bytes : BATCH_BYTES;
    size_t *start = calloc(ng + 1, sizeof *start), *byg = malloc((n + 1) * sizeof *byg);
    size_t *recoff = malloc((n + 1) * sizeof *recoff);
    double *rank_of = g->sort ? NULL : malloc((n + 1) * sizeof *rank_of);
    stream_batch sl;
    Trade_stream_batch_init(&sl, all->name, all->ro);
    sl.collect = all->collect;
    int stop = 0;
    if (!start || !byg || !recoff || (!g->sort && !rank_of)) {
        stop = deliver(g, NULL);
        goto done;
    }
    /* each record's bytes: from its line in the batch (records are whole) */
    {
        size_t off = g->plan->header_len;
        for (size_t i = 0; i < n; i++) {
            recoff[i] = off;
            const char *p = all->buf + off;
            unsigned long lines = (i + 1 < n ? all->bline[i + 1] : all->next_line) - all->bline[i];
            for (unsigned long l = 0; l < lines; l++)
                p = (const char *)memchr(p, '\n', (size_t)(all->buf + all->len - p)) + 1;
            off = (size_t)(p - all->buf);
        }
        recoff[n] = all->len;
    }
    for (size_t i = 0; i < n; i++) /* counting sort by group, stable */
        start[br->group[i] + 1]++;
    for (size_t k = 0; k < ng; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        byg[start[br->group[i]]++] = i;
    /* slices of whole groups, in group order */
    for (size_t i = 0; i < n && !stop;) {
        Trade_stream_batch_reset(&sl, g->plan);
        size_t grp = br->group[byg[i]];
        while (i < n && (sl.len < limit || br->group[byg[i]] == grp)) {
            size_t r = byg[i];
            stream_reader fake; /* the record as the batch module takes it */
            memset(&fake, 0, sizeof fake);
            fake.rec = all->buf + recoff[r];
            fake.rec_span = recoff[r + 1] - recoff[r];
            fake.rec_has_newline = 1;
            fake.rec_line = all->fline[r];
            fake.rec_nlines = (r + 1 < n ? all->bline[r + 1] : all->next_line) - all->bline[r];
            if (Trade_stream_batch_add(&sl, &fake, r, &g->read_err)) {
                g->read_rc = TRADE_ENOMEM;
                stop = 1;
                break;
            }
            grp = br->group[r];
            i++;
        }
        if (stop)
            break;
        rjob *j = parse(g, &sl, 1, NULL);
        if (j && !j->rc && !g->sort) { /* keep the ranks; written below */
            size_t nr = trade_table_rows(j->t);
            for (size_t r = 0; r < nr; r++) {
                size_t tag;
                Trade_stream_batch_line(&sl, row_line(j->t, r), &tag);
                rank_of[tag] = j->ranks[r];
            }
            rjob_free(j);
            continue;
        }
        stop = deliver(g, j);
    }
    /* without --sort: the run again, in file order, with its ranks; every
       row was read with every check above, so the CSV-level reading does
       (the cells are the same text) */
    sl.generic = 1;
    for (size_t i = 0; i < n && !g->sort && !stop;) {
        Trade_stream_batch_reset(&sl, g->plan);
        while (i < n && sl.len < limit) {
            stream_reader fake;
            memset(&fake, 0, sizeof fake);
            fake.rec = all->buf + recoff[i];
            fake.rec_span = recoff[i + 1] - recoff[i];
            fake.rec_has_newline = 1;
            fake.rec_line = all->fline[i];
            fake.rec_nlines = (i + 1 < n ? all->bline[i + 1] : all->next_line) - all->bline[i];
            if (Trade_stream_batch_add(&sl, &fake, i, &g->read_err)) {
                g->read_rc = TRADE_ENOMEM;
                stop = 1;
                break;
            }
            i++;
        }
        if (!stop)
            stop = deliver(g, parse(g, &sl, 0, rank_of));
    }
done:
    Trade_stream_batch_free(&sl);
    free(start);
    free(byg);
    free(recoff);
    free(rank_of);
    return stop;
}

/* Flush the batch of whole runs. Non-zero: stop reading. */
static int flush_runs(rstream *g)
{
    if (g->b.n == 0)
        return 0;
    int stop = deliver(g, parse(g, &g->b, 1, NULL));
    Trade_stream_batch_reset(&g->b, g->plan);
    return stop;
}

/* Move the current run (records from first on) out of the batch into the
 * big run, after writing the runs before it. */
static int to_big(rstream *g, size_t first, size_t first_off)
{
    big_run *br = &g->big;
    stream_batch *b = &g->b;
    Trade_stream_batch_reset(&br->b, g->plan);
    big_clear(br);
    size_t moved = b->n - first;
    size_t bytes = b->len - first_off;
    if (ARRAY_GROW(br->b.buf, br->b.len + bytes, br->b.cap))
        return deliver(g, NULL);
    memcpy(br->b.buf + br->b.len, b->buf + first_off, bytes);
    br->b.len += bytes;
    /* the batch's three arrays share b.ncap; group keeps room for the
       records the big run will still take */
    size_t bcap = br->b.ncap, fcap = br->b.ncap, tcap = br->b.ncap;
    if (ARRAY_GROW(br->b.bline, moved, bcap) || ARRAY_GROW(br->b.fline, moved, fcap) ||
        ARRAY_GROW(br->b.tag, moved, tcap) || ARRAY_GROW(br->group, moved + 1024, br->gcap))
        return deliver(g, NULL);
    br->b.ncap = bcap;
    unsigned long shift = b->bline[first] - 2;
    for (size_t i = 0; i < moved; i++) {
        br->b.bline[i] = b->bline[first + i] - shift;
        br->b.fline[i] = b->fline[first + i];
        br->b.tag[i] = b->tag[first + i];
    }
    br->b.n = moved;
    br->b.next_line = b->next_line - shift;
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
    Trade_stream_batch_init(&g->b, path, ro);
    Trade_stream_batch_init(&g->big.b, path, ro);
    g->b.collect = g->big.b.collect = g->pipe != NULL;
    Trade_stream_batch_reset(&g->b, plan);
    char *prev = NULL;
    size_t prevn = 0, prevcap = 0, block = 0, prevblock = (size_t)-1;
    size_t run_first = 0, run_off = 0; /* where the current run starts in the batch */
    unsigned long long next_report = 0;
    int stop = 0;
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
            if (g->in_big) {
                stop = big_flush(g);
                g->in_big = 0;
                if (stop)
                    break;
            }
            if (g->b.len >= limit && (stop = flush_runs(g)))
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
            run_first = g->b.n;
            run_off = g->b.len;
        }
        if (g->in_big) {
            size_t grp = big_group(&g->big, &r, g->gcol, g->ngcol);
            if (grp == SIZE_MAX || (rc = Trade_stream_batch_add(&g->big.b, &r, block, &err))) {
                if (!rc)
                    rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            g->big.group[g->big.b.n - 1] = grp;
            if (ARRAY_GROW(g->big.group, g->big.b.n + 1, g->big.gcap)) {
                rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            continue;
        }
        if ((rc = Trade_stream_batch_add(&g->b, &r, block, &err)))
            break;
        if (g->slices && g->b.len - run_off > 2 * limit) {
            /* a run larger than a batch: the runs before it go now, it is sliced */
            if ((stop = to_big(g, run_first, run_off)))
                break;
            if ((stop = flush_runs(g)))
                break;
            big_run *br = &g->big;
            if (ARRAY_GROW(br->group, br->b.n + 1024, br->gcap)) {
                rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            /* number the groups of the records moved: scan them again */
            stream_reader again;
            if ((rc = Trade_stream_reader_open(&again, -1, 0, 0, 0, plan->slot, plan->ncols, 16,
                                               &err)))
                break;
            free(again.buf);
            again.buf = br->b.buf + plan->header_len;
            again.len = again.cap = br->b.len - plan->header_len;
            again.at = 0;
            again.off = again.end = 0;
            for (size_t i = 0; i < br->b.n && !rc; i++) {
                int got2 = Trade_stream_reader_next(&again, path, &err);
                if (got2 <= 0) {
                    rc = got2 < 0 ? -got2 : trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0,
                                                            "streaming: lost a record");
                    break;
                }
                size_t grp = big_group(br, &again, g->gcol, g->ngcol);
                if (grp == SIZE_MAX)
                    rc = trade_error_set(&err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                br->group[i] = grp;
            }
            again.buf = NULL;
            Trade_stream_reader_close(&again);
            g->in_big = 1;
        }
    }
    if (!rc && !stop && g->in_big)
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
    Trade_stream_batch_free(&g->b);
    big_free(&g->big);
    if (g->pipe)
        Trade_stream_pipe_close(g->pipe);
    return NULL;
}

static int stream(const char *path, stream_plan *plan, rstream *g, trade_error *err)
{
    g->stats->streamed = 1;
    g->stats->blocks = plan->nblocks;
    g->plan = plan;
    g->path = path;
    g->err = err;
    stream_pipe *pipe = Trade_stream_pipe_start(produce, g);
    int rc = 0;
    if (!pipe) {
        produce(g);
        rc = g->rc;
    } else {
        rjob *j;
        while (!rc && (j = Trade_stream_pipe_get(pipe)) != NULL)
            rc = consume(g, j);
        Trade_stream_pipe_end(pipe, rjob_free);
    }
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
        rc = Trade_stream_plan(paths[0], &plan, ro ? ro->progress : NULL,
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
