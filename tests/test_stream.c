/* test_stream.c - the streaming paths of growth and rank (stream.h): on a
 * generated panel in the streaming order, trade_growth_files and
 * trade_rank_files must give exactly what the whole-table path gives (the
 * same rows, in the same order, through the sinks' parts), with
 * multi-kind periods, gaps, duplicates stated twice (exact and qualified),
 * qualifiers, rate units, series that start in later periods, --yoy,
 * --annualize-partial and --from/--to; a shuffled copy must give the same
 * rows (the whole-table path; the order of a shuffled file's series is its
 * own). What is held at once must not grow with the number of series
 * (stats.max_batch_rows), a bad cell must be refused at the same
 * FILE:LINE:COLUMN on both paths, and an unsorted file must not stream. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "trade/trade.h"

/* A growable string. */
typedef struct text {
    char *s;
    size_t n, cap;
} text;

static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    char line[1024];
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof line);
    if (t->n + (size_t)n + 1 > t->cap) {
        t->cap = (t->n + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, line, (size_t)n + 1);
    t->n += (size_t)n;
}

static unsigned long long seed;
static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((seed >> 33) % n);
}

typedef struct row {
    char text[160];
    trade_period period;
    char key[64]; /* reporter,partner,flow,product,unit */
    size_t index;
} row;

static int row_cmp(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = trade_period_order(&x->period, &y->period);
    if (c)
        return c;
    /* bytewise on the key fields: the fields hold no byte below ',' */
    c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Write a panel of nkeys series over the periods (spellings: also
 * 2018-01/2018-12 beside 2018, which rank does not stream) to dir/name,
 * sorted or shuffled; bad_at > 0 puts a bad value in that data row of the
 * sorted file. Returns the path (static buffer per call site). */
static void panel(const char *path, size_t nkeys, int spellings, int shuffled, size_t bad_at,
                  int two_years)
{
    static const char *const all_periods[] = {
        "2015", "2016", "2017", "2018", "2020", "2021", "2022", "2020-Q1", "2020-Q2",
        "2021-Q1", "2021-Q2", "2021-03", "2022-03", "2021-01/2021-10", "2022-01/2022-10",
        "2018-01/2018-12"};
    static const char *const reporters[] = {"AUT", "BEL", "CHN", "DEU", "FRA", "USA", "KAZ"};
    static const char *const partners[] = {"ARG", "BRA", "CAN", "JPN", "KOR", "WLD", "EUU"};
    static const char *const flows[] = {"export", "import", "fdi_stock"};
    static const char *const quals[] = {"", "", "", "estimate", "lower_bound", "projection",
                                        "upper_bound", "approx"};
    size_t nper = two_years ? 2 : sizeof all_periods / sizeof all_periods[0] - !spellings;
    size_t cap = nkeys * nper * 2 + 16, n = 0;
    row *rows = malloc(cap * sizeof *rows);
    assert_non_null(rows);
    seed = 42 + nkeys;
    for (size_t k = 0; k < nkeys; k++) {
        char product[16];
        snprintf(product, sizeof product, "%02zu%02zu", k % 97, (k / 97) % 100);
        const char *rep = reporters[(k / 7) % 7], *par = partners[k % 7];
        const char *flow = flows[(k / 49) % 3];
        const char *unit = k % 23 == 5 ? "percent" : "USD";
        const char *q2018 = NULL; /* the qualifier of this key's 2018 row */
        for (size_t p = 0; p < nper; p++) {
            if (!two_years && rnd(10) < 4)
                continue; /* a gap */
            /* series that start late: most keys miss the first periods */
            if (!two_years && k % 5 == 1 && p < 3)
                continue;
            int dup = !two_years && rnd(10) == 0 && p != 15;
            const char *first_q = "";
            for (int d = 0; d <= dup; d++) {
                const char *q = quals[rnd(8)];
                if (p == 15 && q2018) /* 2018 spelled again: one of the two is exact */
                    q = *q2018 ? "" : "estimate";
                if (d == 0)
                    first_q = q;
                else
                    q = *first_q ? "" : "estimate";
                if (p == 3 && d == 0)
                    q2018 = q;
                if (p == 3 && d == 1)
                    q2018 = "";
                char value[32];
                unsigned v = rnd(100000);
                if (rnd(50) == 0)
                    snprintf(value, sizeof value, "%s", rnd(2) ? "0" : "-12.5");
                else
                    snprintf(value, sizeof value, "%u.%03u", v / 100 + 1, rnd(1000));
                if (bad_at && n + 1 == bad_at)
                    snprintf(value, sizeof value, "12x");
                assert_true(n < cap);
                row *r = &rows[n];
                snprintf(r->text, sizeof r->text, "%s,%s,%s,%s,%s,%s,%s,%s\n", rep, par, flow,
                         all_periods[p], value, unit, product, q);
                snprintf(r->key, sizeof r->key, "%s,%s,%s,%s,%s", rep, par, flow, product,
                         unit);
                trade_error err;
                assert_int_equal(trade_period_parse(all_periods[p], strlen(all_periods[p]),
                                                    &r->period, &err),
                                 0);
                r->index = n;
                n++;
            }
        }
    }
    /* the duplicate of a qualified row is exact and vice versa (one figure
       per period is then the exact one, whatever the order) */
    qsort(rows, n, sizeof *rows, row_cmp);
    if (shuffled)
        for (size_t i = n; i > 1; i--) {
            size_t j = rnd((unsigned)i);
            row tmp = rows[i - 1];
            rows[i - 1] = rows[j];
            rows[j] = tmp;
        }
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("reporter,partner,flow,period,value,unit,product,qualifier\n", fp);
    for (size_t i = 0; i < n; i++)
        fputs(rows[i].text, fp);
    assert_int_equal(fclose(fp), 0);
    free(rows);
}

static char dir[256];

static const char *file(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/test_stream.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    if (getenv("TEST_STREAM_DUMP"))
        return 0; /* keep the files to look at */
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- growth ---- */

typedef struct gout {
    text part[32];
    size_t nparts;
} gout;

static int g_start(void *ctx, const trade_table *t, size_t nparts)
{
    gout *o = ctx;
    assert_non_null(t);
    assert_true(nparts >= 1 && nparts <= 32);
    o->nparts = nparts;
    return 0;
}

static int g_row(void *ctx, const trade_growth_row *r)
{
    gout *o = ctx;
    const trade_obs *a = trade_table_obs(r->table, r->row_from);
    const trade_obs *b = trade_table_obs(r->table, r->row_to);
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    assert_true(r->part < o->nparts);
    add(&o->part[r->part], "%s,%s,%s,%s,%s,%s,%s,%.17g,%.17g,%.17g,%.17g,%.17g,%s,%s|%s|%s\n",
        a->reporter, a->partner, a->flow, a->product, a->unit, p0, p1, r->value_from,
        r->value_to, r->growth.growth_pct, r->growth.cagr_pct, r->growth.log_growth,
        r->growth.status, r->qualifier, a->qualifier, b->qualifier);
    return 0;
}

/* The output as the command writes it: the parts one after the other. */
static char *growth_of(const char *path, const trade_growth_options *opt, int no_stream,
                       size_t batch_bytes, trade_stream_stats *st)
{
    gout o;
    memset(&o, 0, sizeof o);
    trade_stream_options so = {NULL, NULL, no_stream, batch_bytes};
    static const trade_growth_sink sink = {g_start, g_row};
    trade_error err;
    const char *paths[] = {path};
    int rc = trade_growth_files(1, paths, &so, opt, &sink, &o, st, &err);
    if (rc)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    text all = {NULL, 0, 0};
    add(&all, "%s", "");
    for (size_t p = 0; p < o.nparts; p++) {
        if (o.part[p].n) {
            if (all.n + o.part[p].n + 1 > all.cap) {
                all.cap = (all.n + o.part[p].n + 1) * 2;
                all.s = realloc(all.s, all.cap);
            }
            memcpy(all.s + all.n, o.part[p].s, o.part[p].n + 1);
            all.n += o.part[p].n;
        }
        free(o.part[p].s);
    }
    return all.s;
}

static int line_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of s, sorted, joined again. */
static char *sorted_lines(const char *s)
{
    char *copy = strdup(s);
    size_t n = 0, cap = 1024;
    char **lines = malloc(cap * sizeof *lines);
    for (char *p = strtok(copy, "\n"); p; p = strtok(NULL, "\n")) {
        if (n == cap)
            lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = p;
    }
    qsort(lines, n, sizeof *lines, line_cmp);
    text out = {NULL, 0, 0};
    add(&out, "%s", "");
    for (size_t i = 0; i < n; i++)
        add(&out, "%s\n", lines[i]);
    free(lines);
    free(copy);
    return out.s;
}

static void check_growth(const char *sorted, const char *shuffled, const trade_growth_options *opt)
{
    trade_stream_stats st_s, st_w, st_x;
    char *s = growth_of(sorted, opt, 0, 700, &st_s);
    char *w = growth_of(sorted, opt, 1, 0, &st_w);
    char *x = growth_of(shuffled, opt, 0, 700, &st_x);
    assert_int_equal(st_s.streamed, 1);
    assert_int_equal(st_w.streamed, 0);
    assert_int_equal(st_x.streamed, 0); /* not in the streaming order */
    assert_true(st_s.batches > 10);      /* the small batches were used */
    assert_true(strlen(w) > 1000);       /* the panel has growth rows */
    if (getenv("TEST_STREAM_DUMP")) {
        FILE *f1 = fopen(file("dump_s"), "w"), *f2 = fopen(file("dump_w"), "w");
        fputs(s, f1);
        fputs(w, f2);
        fclose(f1);
        fclose(f2);
        fprintf(stderr, "dumped in %s\n", dir);
    }
    assert_string_equal(s, w);           /* same bytes, same order */
    char *ss = sorted_lines(s), *sx = sorted_lines(x);
    assert_string_equal(ss, sx); /* a shuffled file: the same rows */
    free(s);
    free(w);
    free(x);
    free(ss);
    free(sx);
}

static void test_growth_paths(void **state)
{
    (void)state;
    const char *sorted = file("g_sorted.csv"), *shuffled = file("g_shuffled.csv");
    panel(sorted, 400, 1, 0, 0, 0);
    panel(shuffled, 400, 1, 1, 0, 0);
    trade_growth_options opt = {0};
    check_growth(sorted, shuffled, &opt);
    opt.yoy = 1;
    check_growth(sorted, shuffled, &opt);
    opt.yoy = 0;
    opt.annualize_partial = 1;
    check_growth(sorted, shuffled, &opt);
    trade_period from, to;
    trade_error err;
    assert_int_equal(trade_period_parse("2016", 4, &from, &err), 0);
    assert_int_equal(trade_period_parse("2021", 4, &to, &err), 0);
    trade_growth_options ft = {0, 0, &from, &to};
    check_growth(sorted, shuffled, &ft);
}

/* Sorted input: what is held at once is one batch (plus one series), so
 * ten times the series gives about the same largest batch. */
static void test_growth_bounded(void **state)
{
    (void)state;
    const char *small = file("g_small.csv"), *big = file("g_big.csv");
    panel(small, 2000, 0, 0, 0, 1);
    panel(big, 20000, 0, 0, 0, 1);
    trade_stream_stats a, b;
    trade_growth_options opt = {0};
    free(growth_of(small, &opt, 0, 8192, &a));
    free(growth_of(big, &opt, 0, 8192, &b));
    assert_int_equal(a.streamed, 1);
    assert_int_equal(b.streamed, 1);
    assert_int_equal(a.rows, 4000);
    assert_int_equal(b.rows, 40000);
    /* 8192 bytes of rows of about 45 bytes: under 200 rows per batch */
    assert_true(a.max_batch_rows < 200);
    assert_true(b.max_batch_rows < 200);
    assert_true(b.batches > 9 * a.batches);
}

/* A bad value: refused at the same place by both paths. */
static void test_growth_bad(void **state)
{
    (void)state;
    const char *bad = file("g_bad.csv");
    panel(bad, 300, 1, 0, 500, 0);
    trade_error e1, e2;
    gout o;
    memset(&o, 0, sizeof o);
    static const trade_growth_sink sink = {g_start, g_row};
    const char *paths[] = {bad};
    trade_stream_options s1 = {NULL, NULL, 0, 600}, s2 = {NULL, NULL, 1, 0};
    trade_stream_stats st;
    int rc1 = trade_growth_files(1, paths, &s1, NULL, &sink, &o, &st, &e1);
    for (size_t p = 0; p < 32; p++)
        free(o.part[p].s);
    memset(&o, 0, sizeof o);
    int rc2 = trade_growth_files(1, paths, &s2, NULL, &sink, &o, NULL, &e2);
    for (size_t p = 0; p < 32; p++)
        free(o.part[p].s);
    assert_int_equal(st.streamed, 1);
    assert_int_equal(rc1, TRADE_EDATA);
    assert_int_equal(rc2, TRADE_EDATA);
    /* the header is line 1 and the bad value is written in the 500th row
       generated; after sorting it is wherever the sort put it, but both
       paths must name the same line and column, the value's (column 5
       starts after reporter, partner, flow, period) */
    assert_string_equal(e1.file, e2.file);
    assert_int_equal(e1.line, e2.line);
    assert_int_equal(e1.column, e2.column);
    assert_string_equal(e1.message, e2.message);
    assert_true(e1.line > 1);
}

/* ---- rank ---- */

static int r_start(void *ctx, const trade_table *t)
{
    (void)ctx;
    assert_non_null(t);
    return 0;
}

static int r_rows(void *ctx, const trade_table *t, const double *ranks, const size_t *order)
{
    text *o = ctx;
    size_t n = trade_table_rows(t), nc = trade_table_cols(t);
    for (size_t k = 0; k < n; k++) {
        size_t r = order ? order[k] : k;
        for (size_t c = 0; c < nc; c++)
            add(o, "%s,", trade_table_cell(t, r, c));
        add(o, "%.17g\n", ranks[r]);
    }
    return 0;
}

static char *rank_of(const char *path, const trade_rank_options *opt, int sort, int no_stream,
                     size_t batch_bytes, trade_stream_stats *st)
{
    text o = {NULL, 0, 0};
    add(&o, "%s", "");
    trade_stream_options so = {NULL, NULL, no_stream, batch_bytes};
    static const trade_rank_sink sink = {r_start, r_rows, NULL};
    trade_error err;
    const char *paths[] = {path};
    int rc = trade_rank_files(1, paths, &so, opt, sort, &sink, &o, st, &err);
    if (rc)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    return o.s;
}

static void test_rank_paths(void **state)
{
    (void)state;
    const char *sorted = file("r_sorted.csv"), *spelled = file("r_spelled.csv");
    panel(sorted, 600, 0, 0, 0, 0);
    panel(spelled, 200, 1, 0, 0, 0);
    trade_rank_options opts[4] = {{0}};
    opts[1].ties = TRADE_TIES_FIRST;
    opts[2].ascending = 1;
    opts[2].keep_aggregates = 1;
    opts[3].group = "period,reporter,flow";
    for (int k = 0; k < 4; k++)
        for (int sort = 0; sort < 2; sort++) {
            trade_stream_stats a, b, c;
            /* 300 bytes per batch: every run of more than 600 bytes is
               sliced by group (the large-run path); 1 MiB: whole runs */
            char *s = rank_of(sorted, &opts[k], sort, 0, 300, &a);
            char *m = rank_of(sorted, &opts[k], sort, 0, 1 << 20, &c);
            char *w = rank_of(sorted, &opts[k], sort, 1, 0, &b);
            assert_int_equal(a.streamed, 1);
            assert_int_equal(b.streamed, 0);
            assert_true(a.batches > 20);
            assert_true(strlen(w) > 10000);
            assert_string_equal(s, w);
            assert_string_equal(m, w);
            free(s);
            free(m);
            free(w);
        }
    /* two spellings of one period (2018, 2018-01/2018-12) are one rank
       group: that file is ranked whole */
    trade_stream_stats st;
    free(rank_of(spelled, NULL, 0, 0, 300, &st));
    assert_int_equal(st.streamed, 0);
}

/* ---- rank with a writer that takes text ---- */

/* The sink of `trade rank`: a CSV writer on a file; rows counts the rows
 * that went through the sink's rows (the rest were written as text). */
typedef struct wout {
    const char *path;
    trade_writer *w;
    size_t rows;
} wout;

static int w_start(void *ctx, const trade_table *t)
{
    wout *o = ctx;
    trade_error err;
    size_t nc = trade_table_cols(t);
    const char *names[64];
    assert_true(nc < 63);
    for (size_t c = 0; c < nc; c++)
        names[c] = trade_table_col_name(t, c);
    names[nc] = "rank";
    assert_int_equal(trade_writer_open(&o->w, o->path, NULL, &err), 0);
    assert_int_equal(trade_writer_header(o->w, nc + 1, names, NULL, &err), 0);
    return 0;
}

static int w_rows(void *ctx, const trade_table *t, const double *ranks, const size_t *order)
{
    wout *o = ctx;
    trade_error err;
    size_t n = trade_table_rows(t), nc = trade_table_cols(t);
    const char *cells[64];
    char num[TRADE_NUMBER_BUFSIZE];
    for (size_t k = 0; k < n; k++) {
        size_t r = order ? order[k] : k;
        for (size_t c = 0; c < nc; c++)
            cells[c] = trade_table_cell(t, r, c);
        num[0] = '\0';
        if (ranks[r] == ranks[r])
            trade_number_format(ranks[r], num, sizeof num);
        cells[nc] = num;
        assert_int_equal(trade_writer_row(o->w, cells, &err), 0);
    }
    o->rows += n;
    return 0;
}

static trade_writer *w_writer(void *ctx)
{
    return ((wout *)ctx)->w;
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    text t = {NULL, 0, 0};
    add(&t, "%s", "");
    char buf[512];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf - 1, fp)) > 0) {
        buf[got] = '\0';
        add(&t, "%s", buf);
    }
    fclose(fp);
    return t.s;
}

/* The output file of trade_rank_files with the writer sink; *rows gets the
 * rows that went through the sink's rows. */
static char *rank_text(const char *path, const trade_rank_options *opt, int sort, int no_stream,
                       size_t batch_bytes, size_t *rows)
{
    wout o = {file("w_out.csv"), NULL, 0};
    trade_stream_options so = {NULL, NULL, no_stream, batch_bytes};
    static const trade_rank_sink sink = {w_start, w_rows, w_writer};
    trade_error err;
    trade_stream_stats st;
    const char *paths[] = {path};
    int rc = trade_rank_files(1, paths, &so, opt, sort, &sink, &o, &st, &err);
    if (rc)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(st.streamed, !no_stream);
    assert_int_equal(trade_writer_commit(o.w, &err), 0);
    *rows = o.rows;
    return slurp(o.path);
}

/* A copy of the panel with a note column: mostly empty, some cells the
 * writer quotes ("a,b", a quote, a line break: a record of two lines) or
 * neutralises (=1+2, +x, @a), some it writes as they are (-5, a number;
 * x y). */
static void noted(const char *from, const char *to)
{
    static const char *const notes[] = {"",   "",   "",     "",        "",
                                        "",   "",   "=1+2", "\"a,b\"", "\"say \"\"hi\"\"\"",
                                        "+x", "@a", "-5",   "x y",     "\"two\nlines\""};
    FILE *in = fopen(from, "r"), *out = fopen(to, "w");
    assert_non_null(in);
    assert_non_null(out);
    char line[512];
    seed = 7;
    for (int first = 1; fgets(line, sizeof line, in); first = 0) {
        line[strcspn(line, "\n")] = '\0';
        fprintf(out, "%s,%s\n", line, first ? "note" : notes[rnd(15)]);
    }
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* A sorted panel of nkeys keys (a bad value at bad_at, 0 none) and its
 * copy with a note column, at the paths of the two names (copied out:
 * file's buffers are reused). */
static void noted_panel(const char *name, const char *noted_name, size_t nkeys, size_t bad_at,
                        char plain[512], char with_notes[512])
{
    snprintf(plain, 512, "%s", file(name));
    snprintf(with_notes, 512, "%s", file(noted_name));
    panel(plain, nkeys, 0, 0, bad_at, 0);
    noted(plain, with_notes);
}

/* Rows written as text by the streaming path are the bytes the writer
 * writes on the whole-table path (which never takes text): on a panel
 * whose records are all plain (most rows go as text) and on one where some
 * cells are quoted or neutralised (those records go through rows), whole
 * runs and runs sliced by group, with and without --sort. */
static void test_rank_text(void **state)
{
    (void)state;
    char sorted[512], notes[512];
    noted_panel("t_sorted.csv", "t_noted.csv", 600, 0, sorted, notes);
    trade_rank_options opts[2] = {{0}};
    opts[1].ties = TRADE_TIES_AVERAGE;
    for (int f = 0; f < 2; f++)
        for (int k = 0; k < 2; k++)
            for (int sort = 0; sort < 2; sort++) {
                const char *in = f ? notes : sorted;
                size_t rs, rm, rw;
                char *s = rank_text(in, &opts[k], sort, 0, 300, &rs);
                char *m = rank_text(in, &opts[k], sort, 0, 1 << 20, &rm);
                char *w = rank_text(in, &opts[k], sort, 1, 0, &rw);
                assert_true(strlen(w) > 10000);
                assert_string_equal(s, w);
                assert_string_equal(m, w);
                /* the whole-table path writes every row through rows; the
                   streaming path only those not plain */
                assert_true(rw > 1000);
                if (!f) {
                    assert_true(rs < rw / 10);
                    assert_true(rm < rw / 10);
                }
                free(s);
                free(m);
                free(w);
            }
}

/* A bad value in a run sliced by group (300 bytes per batch), after
 * records of two lines: refused at the FILE:LINE:COLUMN of the whole-table
 * path. */
static void test_rank_bad(void **state)
{
    (void)state;
    char bad[512], notes[512];
    noted_panel("r_bad.csv", "r_bad_noted.csv", 300, 500, bad, notes);
    static const trade_rank_sink sink = {r_start, r_rows, NULL};
    const char *paths[] = {notes};
    trade_stream_options s1 = {NULL, NULL, 0, 300}, s2 = {NULL, NULL, 1, 0};
    trade_stream_stats st;
    trade_error e1, e2;
    text o1 = {NULL, 0, 0}, o2 = {NULL, 0, 0};
    int rc1 = trade_rank_files(1, paths, &s1, NULL, 0, &sink, &o1, &st, &e1);
    int rc2 = trade_rank_files(1, paths, &s2, NULL, 0, &sink, &o2, NULL, &e2);
    free(o1.s);
    free(o2.s);
    assert_int_equal(st.streamed, 1);
    assert_int_equal(rc1, TRADE_EDATA);
    assert_int_equal(rc2, TRADE_EDATA);
    assert_string_equal(e1.file, e2.file);
    assert_int_equal(e1.line, e2.line);
    assert_int_equal(e1.column, e2.column);
    assert_string_equal(e1.message, e2.message);
    assert_true(e1.line > 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growth_paths),
        cmocka_unit_test(test_growth_bounded),
        cmocka_unit_test(test_growth_bad),
        cmocka_unit_test(test_rank_paths),
        cmocka_unit_test(test_rank_text),
        cmocka_unit_test(test_rank_bad),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
