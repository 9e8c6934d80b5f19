/* cmd_rank.c - trade rank: rank rows within groups by a numeric column.
 * Parses options, makes one library call, trade_rank_files (rank.h; sorted
 * bulk input is streamed in (period, reporter) runs, stream.h), and writes
 * every row with its rank column (added, or replaced); a large table is
 * written on two threads. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade rank [--by COLUMN] [--group COLUMNS] [--ties METHOD] [--ascending]\n"
    "                  [--keep-aggregates] [--sort] [OPTIONS] [FILE...]\n"
    "\n"
    "Add a rank column: the rank of each row's --by value within its group,\n"
    "largest first; rows in unit rank smallest first (rank 1 is the smallest\n"
    "rank value). Rows whose --by cell is empty get an empty rank, and so do\n"
    "aggregate partners (WLD, EUU, XCA, ...: not members; --keep-aggregates\n"
    "ranks them) and a figure stated twice for one period except the one that\n"
    "stands for it (exact before qualified, then the finer precision, then\n"
    "the first). A --by or group column that is absent is an error (exit 2).\n"
    "Any CSV is accepted; files with the observation columns get every check.\n"
    "One file sorted by period, then reporter (as trade import writes it) is\n"
    "streamed, whole (period, reporter) blocks at a time, when the group\n"
    "holds period and reporter; other input is read whole. Same output.\n"
    "\n"
    "options:\n"
    "      --by COLUMN       the numeric column to rank by (default value)\n"
    "      --group COLUMNS   comma-separated grouping columns (default\n"
    "                        reporter,flow,period,unit,product; an absent\n"
    "                        product reads as empty)\n"
    "      --ties METHOD     min (SQL RANK, default), max, dense (SQL DENSE_RANK),\n"
    "                        average (as pandas), first (order of appearance)\n"
    "      --ascending       smallest first\n"
    "      --keep-aggregates rank aggregate partners (WLD, EUU, ...) as members\n"
    "      --sort            write the rows group by group (in the order of each\n"
    "                        group's first row), rank 1 first, unranked rows last\n"
    "                        (default: the input order)\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade growth datasets/*.csv | trade rank --by growth_pct --group flow,period_to\n";

enum { OPT_BY = 1, OPT_GROUP, OPT_TIES, OPT_ASC, OPT_AGGREGATES, OPT_SORT };

/* Inputs of this many rows or more are written on two threads. */
#define PARALLEL_ROWS 20000

/* Rows [r0, r1) of t with their ranks, to w. */
typedef struct rank_job {
    const trade_table *t;
    const double *rank;
    const size_t *order; /* the k-th row written is order[k]; NULL: row k */
    size_t ncols, rankcol, r0, r1;
    trade_writer *w;
    int rc;
} rank_job;

static void rank_rows(rank_job *j)
{
    const char **cells = malloc((j->ncols + 1) * sizeof *cells);
    char num[TRADE_NUMBER_BUFSIZE];
    trade_error err;
    if (!cells) {
        cli_errorf("rank", "out of memory");
        j->rc = CLI_EUSAGE;
        return;
    }
    for (size_t k = j->r0; k < j->r1; k++) {
        size_t r = j->order ? j->order[k] : k;
        for (size_t i = 0; i < j->ncols; i++)
            cells[i] = trade_table_cell(j->t, r, i);
        num[0] = '\0';
        if (!isnan(j->rank[r]))
            trade_number_format(j->rank[r], num, sizeof num);
        cells[j->rankcol] = num;
        if (trade_writer_row(j->w, cells, &err)) {
            j->rc = cli_fail(&err);
            break;
        }
    }
    free(cells);
}

static void *rank_main(void *arg)
{
    rank_rows(arg);
    return NULL;
}

typedef struct rank_out {
    const cli_common *o;
    trade_writer *w;
    const char **names;
    size_t ncols, rankcol, nout;
    int rc;
} rank_out;

/* The output opens on the first table the library reads (its columns). */
static int rank_start(void *ctx, const trade_table *t)
{
    rank_out *ro = ctx;
    trade_error err;
    size_t ncols = trade_table_cols(t);
    const trade_column *own = trade_rank_columns(NULL);
    long rankcol = trade_table_col_index(t, own[0].name);
    if (!(ro->names = malloc((ncols + 1) * sizeof *ro->names))) {
        cli_errorf("rank", "out of memory");
        ro->rc = CLI_EUSAGE;
        return -1;
    }
    for (size_t i = 0; i < ncols; i++)
        ro->names[i] = trade_table_col_name(t, i);
    if (rankcol < 0) {
        ro->names[ncols] = own[0].name;
        rankcol = (long)ncols;
    }
    ro->ncols = ncols;
    ro->rankcol = (size_t)rankcol;
    ro->nout = ncols + (rankcol == (long)ncols);
    if ((ro->rc = cli_writer_open(&ro->w, ro->o)))
        return -1;
    if (trade_writer_header(ro->w, ro->nout, ro->names, NULL, &err)) {
        ro->rc = cli_fail(&err);
        return -1;
    }
    return 0;
}

/* The rows of one table with their ranks; a large one on two threads, the
 * second half kept apart and written after the first. */
static int rank_write(void *ctx, const trade_table *t, const double *rank, const size_t *order)
{
    rank_out *ro = ctx;
    trade_error err;
    size_t n = trade_table_rows(t);
    rank_job job = {t, rank, order, ro->ncols, ro->rankcol, n / 2, n, NULL, CLI_OK};
    pthread_t th;
    int threaded = n >= PARALLEL_ROWS && !trade_writer_open_part(&job.w, ro->w, &err) &&
                   trade_writer_thread_create(&th, rank_main, &job) == 0;
    if (!threaded && job.w) {
        trade_writer_discard(job.w);
        job.w = NULL;
    }
    rank_job first = {t, rank, order, ro->ncols, ro->rankcol, 0, threaded ? n / 2 : n, ro->w,
                      CLI_OK};
    rank_rows(&first);
    int rc = first.rc;
    if (threaded) {
        pthread_join(th, NULL);
        rc = first.rc ? first.rc : job.rc;
        if (!rc && trade_writer_append(ro->w, job.w, &err))
            rc = cli_fail(&err);
        else if (rc)
            trade_writer_discard(job.w);
    }
    ro->rc = rc;
    return rc ? -1 : 0;
}

/* The writer, for the rows the library writes as text. */
static trade_writer *rank_writer(void *ctx)
{
    return ((rank_out *)ctx)->w;
}

int cmd_rank(int argc, char **argv)
{
    static const struct option longopts[] = {{"by", required_argument, NULL, OPT_BY},
                                             {"group", required_argument, NULL, OPT_GROUP},
                                             {"ties", required_argument, NULL, OPT_TIES},
                                             {"ascending", no_argument, NULL, OPT_ASC},
                                             {"keep-aggregates", no_argument, NULL, OPT_AGGREGATES},
                                             {"sort", no_argument, NULL, OPT_SORT},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    o.generic = TRADE_READ_AUTO;
    trade_rank_options ropt = {0};
    int c, sort = 0;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "rank")) != -1) {
        int bad = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_BY) {
            ropt.by = optarg;
        } else if (c == OPT_GROUP) {
            ropt.group = optarg;
        } else if (c == OPT_TIES) {
            if (trade_rank_ties_parse(optarg, &ropt.ties)) {
                cli_errorf("rank", "--ties must be min, max, dense, average or first");
                bad = 1;
            }
        } else if (c == OPT_ASC) {
            ropt.ascending = 1;
        } else if (c == OPT_AGGREGATES) {
            ropt.keep_aggregates = 1;
        } else if (c == OPT_SORT) {
            sort = 1;
        } else {
            bad = c == '?' || cli_common_option(&o, "rank", c, optarg);
        }
        if (bad) {
            cli_usage_hint("rank");
            return CLI_EUSAGE;
        }
    }
    cli_input in;
    int rc = cli_input_open(&in, "rank", &o);
    if (rc)
        return rc;
    rank_out out = {&o, NULL, NULL, 0, 0, 0, CLI_OK};
    static const trade_rank_sink sink = {rank_start, rank_write, rank_writer};
    trade_stream_stats stats;
    trade_error err;
    int st = trade_rank_files((size_t)(argc - optind), (const char *const *)argv + optind, &in.so,
                              &ropt, sort, &sink, &out, &stats, &err);
    cli_input_progress_end(&in);
    if (st == 0)
        cli_note_nonlevel_rows("rank", stats.nonlevel);
    if (st == -1) {
        rc = out.rc;
    } else if (st == TRADE_EARG && !cli_input_printed(&in)) {
        cli_errorf("rank", "%s", err.message); /* a --by or group column the input lacks */
        rc = CLI_EUSAGE;
    } else if (st) {
        rc = cli_input_printed(&in) ? cli_exit_code(st) : cli_fail(&err);
    }
    if (!rc && out.w)
        rc = cli_writer_commit(out.w);
    else
        trade_writer_discard(out.w);
    free(out.names);
    cli_input_close(&in);
    return rc;
}
