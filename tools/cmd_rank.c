/* cmd_rank.c - trade rank: rank rows within groups by a numeric column.
 * Reads any CSV (observation files get the full checks), so the output of
 * trade growth can be ranked by growth_pct. Rows keep their order and all
 * their columns; a `rank` column is added (or replaced). */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade rank [--by COLUMN] [--group COLUMNS] [--ties METHOD] [--ascending]\n"
    "                  [OPTIONS] [FILE...]\n"
    "\n"
    "Add a rank column: the rank of each row's --by value within its group,\n"
    "largest first. Rows whose --by cell is empty get an empty rank. Any CSV\n"
    "is accepted; files with the observation columns get every check.\n"
    "\n"
    "options:\n"
    "      --by COLUMN       the numeric column to rank by (default value)\n"
    "      --group COLUMNS   comma-separated grouping columns (default\n"
    "                        reporter,flow,period,unit; absent default columns\n"
    "                        are left out)\n"
    "      --ties METHOD     min (SQL RANK, default), max, dense (SQL DENSE_RANK),\n"
    "                        average (as pandas), first (order of appearance)\n"
    "      --ascending       smallest first\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade growth datasets/*.csv | trade rank --by growth_pct --group flow,period_to\n";

enum { OPT_BY = 1, OPT_GROUP, OPT_TIES, OPT_ASC };

#define MAX_GROUP 16

typedef struct rank_ctx {
    const trade_table *t;
    size_t ngroup;
    size_t group[MAX_GROUP];
} rank_ctx;

/* FNV-1a over the group cells of row r, each followed by a separator. */
static uint64_t group_hash(const rank_ctx *rc, size_t r)
{
    uint64_t h = 14695981039346656037u;
    for (size_t g = 0; g < rc->ngroup; g++) {
        for (const unsigned char *p =
                 (const unsigned char *)trade_table_cell(rc->t, r, rc->group[g]);
             *p; p++) {
            h ^= *p;
            h *= 1099511628211u;
        }
        h ^= 0x1f;
        h *= 1099511628211u;
    }
    return h;
}

static int same_group(const rank_ctx *rc, size_t a, size_t b)
{
    for (size_t g = 0; g < rc->ngroup; g++)
        if (strcmp(trade_table_cell(rc->t, a, rc->group[g]),
                   trade_table_cell(rc->t, b, rc->group[g])))
            return 0;
    return 1;
}

/* Resolve --group into column indices. Returns an exit code. */
static int resolve_groups(rank_ctx *rc, const trade_table *t, const char *spec, int explicit_)
{
    char *copy = strdup(spec), *save = NULL;
    if (!copy)
        return CLI_EUSAGE;
    rc->ngroup = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long c = trade_table_col_index(t, tok);
        if (c < 0) {
            if (explicit_) {
                cli_errorf("rank", "--group: no column '%s' in the input", tok);
                free(copy);
                return CLI_EUSAGE;
            }
            continue;
        }
        if (rc->ngroup == MAX_GROUP) {
            cli_errorf("rank", "--group: at most %d columns", MAX_GROUP);
            free(copy);
            return CLI_EUSAGE;
        }
        rc->group[rc->ngroup++] = (size_t)c;
    }
    free(copy);
    return CLI_OK;
}

/* Inputs of this many rows or more are written on two threads. */
#define PARALLEL_ROWS 20000

/* Rows [r0, r1) of t with their ranks, to w. */
typedef struct rank_job {
    const trade_table *t;
    const double *rank;
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
    for (size_t r = j->r0; r < j->r1; r++) {
        for (size_t i = 0; i < j->ncols; i++)
            cells[i] = trade_table_cell(j->t, r, i);
        num[0] = '\0';
        if (j->rank[r] >= 0)
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

/* A number in a --by cell: a plain decimal, or any finite strtod form. */
static int parse_by(const char *s, double *out)
{
    if (!trade_number_parse(s, strlen(s), out))
        return 0;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int cmd_rank(int argc, char **argv)
{
    static const struct option longopts[] = {{"by", required_argument, NULL, OPT_BY},
                                             {"group", required_argument, NULL, OPT_GROUP},
                                             {"ties", required_argument, NULL, OPT_TIES},
                                             {"ascending", no_argument, NULL, OPT_ASC},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    o.generic = TRADE_READ_AUTO;
    const char *by = "value", *group = "reporter,flow,period,unit";
    int explicit_group = 0, ascending = 0, c;
    trade_ties ties = TRADE_TIES_MIN;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        int bad = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_BY) {
            by = optarg;
        } else if (c == OPT_GROUP) {
            group = optarg;
            explicit_group = 1;
        } else if (c == OPT_TIES) {
            if (trade_ties_parse(optarg, &ties)) {
                cli_errorf("rank", "--ties must be min, max, dense, average or first");
                bad = 1;
            }
        } else if (c == OPT_ASC) {
            ascending = 1;
        } else {
            bad = c == '?' || cli_common_option(&o, "rank", c, optarg);
        }
        if (bad) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    uint32_t *slots = NULL;
    trade_rank_item *items = NULL;
    double *rank = NULL;
    const char **names = NULL;
    trade_writer *w = NULL;
    trade_error err;
    rank_ctx rctx = {t, 0, {0}};
    if (!t) {
        cli_errorf("rank", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "rank", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    long bycol = trade_table_col_index(t, by);
    if (bycol < 0) {
        cli_errorf("rank", "--by: no column '%s' in the input", by);
        rc = CLI_EUSAGE;
        goto done;
    }
    if ((rc = resolve_groups(&rctx, t, group, explicit_group)))
        goto done;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t);
    size_t cap = 16;
    while (cap < n + n / 2)
        cap *= 2;
    /* first row of a group + 1; 0 empty (tables of 4 billion rows do not fit
     * in memory anyway) */
    slots = n < UINT32_MAX ? calloc(cap, sizeof *slots) : NULL;
    items = malloc((n + 1) * sizeof *items);
    rank = malloc((n + 1) * sizeof *rank);
    names = malloc((ncols + 1) * sizeof *names);
    if (!slots || !items || !rank || !names) {
        cli_errorf("rank", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    /* the --by values: empty cells are not ranked, other text is an error;
     * the group of a row is the first row with the same group cells */
    size_t m = 0;
    int by_value = !strcmp(by, "value");
    for (size_t r = 0; r < n; r++) {
        const char *s = trade_table_cell(t, r, (size_t)bycol);
        rank[r] = -1;
        if (!*s)
            continue;
        double v;
        const trade_obs *ob = by_value ? trade_table_obs(t, r) : NULL;
        if (ob)
            v = ob->value; /* already parsed by the reader */
        else if (parse_by(s, &v)) {
            const char *file;
            unsigned long line, col;
            trade_table_cell_position(t, r, (size_t)bycol, &file, &line, &col);
            trade_error_set(&err, TRADE_EDATA, file, line, col, "%s: '%.40s' is not a number", by,
                            s);
            rc = cli_fail(&err);
            goto done;
        }
        size_t k = (size_t)group_hash(&rctx, r) & (cap - 1);
        while (slots[k] && !same_group(&rctx, slots[k] - 1, r))
            k = (k + 1) & (cap - 1);
        if (!slots[k])
            slots[k] = (uint32_t)r + 1;
        items[m++] = (trade_rank_item){slots[k] - 1, v, r, 0};
    }
    free(slots); /* before the sort takes its room */
    slots = NULL;
    if (trade_stats_rank(items, m, ties, ascending, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < m; i++)
        rank[items[i].order] = items[i].rank;

    long rankcol = trade_table_col_index(t, "rank");
    size_t nout = ncols + (rankcol < 0);
    for (size_t i = 0; i < ncols; i++)
        names[i] = trade_table_col_name(t, i);
    if (rankcol < 0) {
        names[ncols] = "rank";
        rankcol = (long)ncols;
    }
    if ((rc = cli_writer_open(&w, &o)))
        goto done;
    if (trade_writer_header(w, nout, names, NULL, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    /* a large input: the second half of the rows on a second thread, kept
     * apart and written after the first half */
    rank_job job = {t, rank, ncols, (size_t)rankcol, n / 2, n, NULL, CLI_OK};
    pthread_t th;
    int threaded = n >= PARALLEL_ROWS && !trade_writer_open_part(&job.w, w, &err) &&
                   pthread_create(&th, NULL, rank_main, &job) == 0;
    if (!threaded && job.w) {
        trade_writer_discard(job.w);
        job.w = NULL;
    }
    rank_job first = {t, rank, ncols, (size_t)rankcol, 0, threaded ? n / 2 : n, w, CLI_OK};
    rank_rows(&first);
    if (threaded) {
        pthread_join(th, NULL);
        rc = first.rc ? first.rc : job.rc;
        if (!rc && trade_writer_append(w, job.w, &err))
            rc = cli_fail(&err);
        else if (rc)
            trade_writer_discard(job.w);
    } else {
        rc = first.rc;
    }
    if (rc)
        goto done;
    rc = cli_writer_commit(w);
    w = NULL;
done:
    trade_writer_discard(w);
    free(slots);
    free(items);
    free(rank);
    free(names);
    trade_table_free(t);
    return rc;
}
