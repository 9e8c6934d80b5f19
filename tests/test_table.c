/* test_table.c - the observation reader: RFC 4180 details (quoted commas,
 * quotes and newlines, CRLF, BOM), every located error, merging files,
 * duplicates and series. Lines and columns are counted by hand in the
 * inputs below (columns are bytes from the start of the physical line). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_util.h"

#include "trade/table.h"

#define HDR "reporter,partner,flow,period,value,unit"

/* Reading must fail with code at line:column and a message containing frag. */
static void read_bad(const char *csv, size_t len, int code, unsigned long line,
                     unsigned long column, const char *frag)
{
    trade_table *t = trade_table_new();
    trade_error err;
    int rc = trade_table_read_buffer(t, csv, len, "in.csv", NULL, &err);
    if (rc != code || err.line != line || err.column != column || !strstr(err.message, frag))
        fail_msg("got %d %s:%lu:%lu: %s; want %d at %lu:%lu with '%s'", rc, err.file, err.line,
                 err.column, err.message, code, line, column, frag);
    assert_string_equal(err.file, "in.csv");
    assert_int_equal(trade_table_rows(t), 0);
    trade_table_free(t);
}
#define BAD(csv, code, line, col, frag) read_bad(csv, sizeof(csv) - 1, code, line, col, frag)

static void test_quoting(void **state)
{
    (void)state;
    trade_table *t =
        test_table_opt("\xEF\xBB\xBF" HDR ",note\r\n"
                       "BEL,KAZ,export,2011,118000000,EUR,\"a, \"\"quoted\"\"\r\nnote\"\r\n"
                       "BEL,KAZ,export,2010,100000000,EUR,\r\n",
                       0);
    assert_int_equal(trade_table_rows(t), 2);
    assert_int_equal(trade_table_cols(t), 7);
    assert_string_equal(trade_table_col_name(t, 0), "reporter"); /* BOM removed */
    assert_string_equal(trade_table_cell(t, 0, 6), "a, \"quoted\"\r\nnote");
    const trade_obs *o = trade_table_obs(t, 1);
    /* the quoted newline moves the second row to line 4 */
    assert_int_equal(o->line, 4);
    assert_true(o->value == 100000000.0);
    assert_string_equal(o->note, "");
    assert_string_equal(o->qualifier, "");
    const char *file;
    unsigned long line, col;
    trade_table_cell_position(t, 1, 4, &file, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 21); /* "BEL,KAZ,export,2010," is 20 bytes */
    trade_table_free(t);

    /* cells after a quoted line break start on the next line */
    t = test_table_opt("reporter,note,partner,flow,period,value,unit\n"
                       "BEL,\"x\ny\",KAZ,export,2011,5,EUR\n",
                       0);
    static const unsigned long want[][2] = {{2, 1},  {2, 5},  {3, 4}, {3, 8},
                                            {3, 15}, {3, 20}, {3, 22}};
    for (size_t c = 0; c < 7; c++) {
        trade_table_cell_position(t, 0, c, &file, &line, &col);
        assert_int_equal(line, want[c][0]);
        assert_int_equal(col, want[c][1]);
    }
    trade_table_free(t);
}

static void test_columns_any_order(void **state)
{
    (void)state;
    trade_table *t = test_table_opt("value,unit,extra,period,flow,partner,reporter\n"
                                    "-1700000,USD,x,2017,export,RUS,BEL\n",
                                    0);
    const trade_obs *o = trade_table_obs(t, 0);
    assert_string_equal(o->reporter, "BEL");
    assert_string_equal(o->partner, "RUS");
    assert_true(o->value == -1700000.0);
    assert_int_equal(trade_table_col_index(t, "extra"), 2);
    trade_table_free(t);
}

static void test_errors(void **state)
{
    (void)state;
    BAD("", TRADE_ECSV, 1, 1, "empty file");
    BAD(HDR "\n", TRADE_EDATA, 2, 1, "no rows");
    BAD("reporter,partner,flow,period,unit\nBEL,KAZ,export,2011,EUR\n", TRADE_EDATA, 1, 1,
        "missing required column 'value'");
    BAD(HDR ",unit\nBEL,KAZ,export,2011,1,EUR,EUR\n", TRADE_ECSV, 1, 41, "duplicate column");
    BAD(HDR "\nBEL,KAZ,export,2011,\"1,EUR\n", TRADE_ECSV, 2, 21, "unterminated");
    BAD(HDR "\nBEL,KAZ,export,2011,1,EUR,x\n", TRADE_ECSV, 2, 27, "too many fields");
    BAD(HDR "\nBEL,KAZ,export,2011,1\n", TRADE_ECSV, 2, 1, "too few fields");
    BAD(HDR "\nBEL,KAZ,export,2011,1,E\0R\n", TRADE_ECSV, 2, 24, "NUL");
    BAD(HDR "\nBEL,KAZ,export,2011,1,\"EUR\xff\"\n", TRADE_ECSV, 2, 23, "UTF-8");
    BAD(HDR "\nBEL,KAZ,export,2011,1,E\"U\"R\n", TRADE_ECSV, 2, 24, "malformed");
    BAD(HDR "\nBEL,KAZ,export,2011,1e999,EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2011,nan,EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2011,inf,EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2011,0x10,EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2011,\"1,234\",EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2011, 12,EUR\n", TRADE_EDATA, 2, 21, "value");
    BAD(HDR "\nBEL,KAZ,export,2012-13,1,EUR\n", TRADE_EDATA, 2, 21, "month");
    BAD(HDR "\nBEL,KAZ,export,\"2012-13\",1,EUR\n", TRADE_EDATA, 2, 22, "month");
    BAD(HDR "\nBEL,KAZ,export,2012-02/2011-01,1,EUR\n", TRADE_EDATA, 2, 24, "end after");
    BAD(HDR "\nBEL,KAZ,export,0000,1,EUR\n", TRADE_EDATA, 2, 16, "year 0");
    BAD(HDR "\nBEL,KAQ,export,2011,1,EUR\n", TRADE_EDATA, 2, 5, "unknown country");
    BAD(HDR "\nBEL,KAZ,exports,2011,1,EUR\n", TRADE_EDATA, 2, 9, "unknown flow");
    BAD(HDR "\nBEL,KAZ,export,2011,1,euro\n", TRADE_EDATA, 2, 23, "unknown unit");
    BAD(HDR ",qualifier\nBEL,KAZ,export,2011,1,EUR,about\n", TRADE_EDATA, 2, 27,
        "unknown qualifier");
    BAD(HDR ",precision\nBEL,KAZ,export,2011,1,EUR,0\n", TRADE_EDATA, 2, 27, "precision");
    BAD(HDR "\n\nBEL,,export,2011,1,EUR\n", TRADE_EDATA, 3, 5, "empty");
    /* a bad row after a quoted newline is reported on its physical line */
    BAD(HDR ",note\nBEL,KAZ,export,2011,1,EUR,\"a\nb\"\nBEL,KAZ,export,2012,x,EUR,\n", TRADE_EDATA,
        4, 21, "value");
}

static int count_problem(void *ctx, const trade_error *e)
{
    (void)e;
    (*(int *)ctx)++;
    return 0;
}

static void test_all_problems(void **state)
{
    (void)state;
    const char *csv = HDR "\nBEL,KAQ,export,2011,1,EUR\nBEL,KAZ,export,2011,x,EUR\n"
                          "BEL,KAZ,export,2012,1,EUR\n";
    int n = 0;
    trade_read_options o = {0};
    o.on_problem = count_problem;
    o.ctx = &n;
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, strlen(csv), "in.csv", &o, &err), TRADE_EDATA);
    assert_int_equal(n, 2);
    assert_int_equal(err.line, 2); /* the first problem */
    trade_table_free(t);
}

static void test_field_limit(void **state)
{
    (void)state;
    static char csv[5000];
    strcpy(csv, HDR ",note\nBEL,KAZ,export,2011,1,EUR,");
    size_t n = strlen(csv);
    memset(csv + n, 'a', 3000);
    csv[n + 3000] = '\n';
    trade_read_options o = {0};
    o.max_field_bytes = 1000;
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, n + 3001, "in.csv", &o, &err), TRADE_ELIMIT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 27);
    o.max_field_bytes = 4000;
    assert_int_equal(trade_table_read_buffer(t, csv, n + 3001, "in.csv", &o, &err), TRADE_OK);
    trade_table_free(t);
}

static void test_draft_and_generic(void **state)
{
    (void)state;
    const char *csv = HDR "\n,,,,1,EUR\n";
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, strlen(csv), "d", NULL, &err), TRADE_EDATA);
    trade_read_options o = {0};
    o.draft = 1;
    assert_int_equal(trade_table_read_buffer(t, csv, strlen(csv), "d", &o, &err), TRADE_OK);
    assert_int_equal(trade_table_obs(t, 0)->period.start_unit, TRADE_PERIOD_NONE);
    trade_table_free(t);

    t = test_table_opt("a,b\n1,x\n", 1);
    assert_null(trade_table_obs(t, 0));
    assert_string_equal(trade_table_cell(t, 0, 1), "x");
    trade_table_free(t);
}

static void test_merge_and_duplicates(void **state)
{
    (void)state;
    trade_table *t = test_table_opt(HDR ",source\nBEL,KAZ,export,2011,118000000,EUR,a\n", 0);
    trade_error err;
    const char *second = HDR ",source,label\nBEL,KAZ,export,2011,119091910,EUR,b,x\n"
                             "BEL,KAZ,export,2011,118000000,EUR,a,y\n";
    assert_int_equal(trade_table_read_buffer(t, second, strlen(second), "two.csv", NULL, &err),
                     TRADE_OK);
    assert_int_equal(trade_table_cols(t), 8);
    assert_string_equal(trade_table_cell(t, 0, 7), ""); /* first file had no label */
    assert_string_equal(trade_table_cell(t, 2, 7), "y");
    /* same value from the same source twice, and another source: no conflict */
    assert_int_equal(trade_table_check_duplicates(t, NULL, NULL, &err), TRADE_OK);
    const char *third = HDR ",source\nBEL,KAZ,export,2011,1,EUR,a\n";
    assert_int_equal(trade_table_read_buffer(t, third, strlen(third), "three.csv", NULL, &err),
                     TRADE_OK);
    assert_int_equal(trade_table_check_duplicates(t, NULL, NULL, &err), TRADE_EDATA);
    assert_string_equal(err.file, "three.csv");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 21);
    assert_non_null(strstr(err.message, "in.csv:2"));
    trade_table_free(t);
}

/* ---- the fast lane ----
 * A buffer of simple lines (no quote, CR or NUL) is read without the CSV
 * reader; anything out of the ordinary goes the general way, which reads
 * every file from a stream. Both must give the same table, and the same
 * problems (each reported once), for the same bytes. */

typedef struct problems {
    int n;
    trade_error first;
} problems;

static int note_problem(void *ctx, const trade_error *e)
{
    problems *p = ctx;
    if (!p->n++)
        p->first = *e;
    return 0;
}

/* Read csv into t (which may hold rows already) from a buffer and from a
 * stream (the general way); tables, status, first error and problem
 * counts must match. */
static void same_both_ways(const char *before, const char *csv, int generic, int want_rc)
{
    trade_table *t[2];
    int rc[2];
    problems pr[2];
    trade_error err[2];
    for (int way = 0; way < 2; way++) {
        t[way] = trade_table_new();
        memset(&pr[way], 0, sizeof pr[way]);
        trade_read_options o = {0};
        o.generic = generic;
        o.on_problem = note_problem;
        o.ctx = &pr[way];
        if (before)
            assert_int_equal(
                trade_table_read_buffer(t[way], before, strlen(before), "b.csv", NULL, &err[way]),
                TRADE_OK);
        if (way == 0) {
            rc[0] = trade_table_read_buffer(t[0], csv, strlen(csv), "in.csv", &o, &err[0]);
        } else {
            FILE *fp = fmemopen((void *)csv, strlen(csv), "r");
            assert_non_null(fp);
            rc[1] = trade_table_read_stream(t[1], fp, "in.csv", &o, &err[1]);
            fclose(fp);
        }
    }
    assert_int_equal(rc[0], want_rc);
    assert_int_equal(rc[1], want_rc);
    assert_int_equal(pr[0].n, pr[1].n);
    if (pr[0].n) {
        assert_string_equal(pr[0].first.file, pr[1].first.file);
        assert_int_equal(pr[0].first.line, pr[1].first.line);
        assert_int_equal(pr[0].first.column, pr[1].first.column);
        assert_string_equal(pr[0].first.message, pr[1].first.message);
    }
    if (want_rc) {
        assert_int_equal(err[0].line, err[1].line);
        assert_int_equal(err[0].column, err[1].column);
        assert_string_equal(err[0].message, err[1].message);
    }
    size_t n = trade_table_rows(t[0]), nc = trade_table_cols(t[0]);
    assert_int_equal(n, trade_table_rows(t[1]));
    assert_int_equal(nc, trade_table_cols(t[1]));
    for (size_t c = 0; c < nc; c++)
        assert_string_equal(trade_table_col_name(t[0], c), trade_table_col_name(t[1], c));
    for (size_t r = 0; r < n; r++) {
        for (size_t c = 0; c < nc; c++) {
            const char *f[2];
            unsigned long l[2], col[2];
            assert_string_equal(trade_table_cell(t[0], r, c), trade_table_cell(t[1], r, c));
            trade_table_cell_position(t[0], r, c, &f[0], &l[0], &col[0]);
            trade_table_cell_position(t[1], r, c, &f[1], &l[1], &col[1]);
            assert_string_equal(f[0], f[1]);
            assert_int_equal(l[0], l[1]);
            assert_int_equal(col[0], col[1]);
        }
        const trade_obs *a = trade_table_obs(t[0], r), *b = trade_table_obs(t[1], r);
        assert_int_equal(a == NULL, b == NULL);
        if (a) {
            assert_true(a->value == b->value);
            assert_int_equal(a->line, b->line);
            assert_int_equal(trade_period_compare(&a->period, &b->period), 0);
        }
    }
    trade_table_free(t[0]);
    trade_table_free(t[1]);
}

static void test_fast_lane(void **state)
{
    (void)state;
    const char *ok = HDR ",product,source\n"
                         "BEL,KAZ,export,2011,118000000,EUR,010306,a.csv\n"
                         "BEL,KAZ,export,2011,7.25,EUR,010307,a.csv\n"
                         "BEL,KAZ,import,2011-Q3,-3,EUR,,a.csv\n"
                         "DEU,FRA,export,2012,0,USD,9999AA,b.csv"; /* no line end */
    same_both_ways(NULL, ok, 0, TRADE_OK);
    /* after rows of another file with other columns (cells map) */
    same_both_ways(HDR ",note\nBEL,KAZ,export,2010,1,EUR,x\n", ok, 0, TRADE_OK);
    same_both_ways(NULL, HDR ",note\nBEL,KAZ,export,2011,1,EUR,C\xc3\xb4te\n", 0,
                   TRADE_OK);                            /* not ASCII: checked field by field */
    same_both_ways(NULL, "a,b\n1,x\n2,\n", 1, TRADE_OK); /* generic */
    same_both_ways(NULL, "a,b\n1,x\n2,\n", TRADE_READ_AUTO, TRADE_OK);
    /* what the lane leaves to the general way */
    same_both_ways(NULL, HDR "\nBEL,KAZ,export,2011,1,EUR\n\nBEL,KAZ,export,2012,2,EUR\n", 0,
                   TRADE_OK); /* an empty line: skipped, lines still counted */
    same_both_ways(NULL,
                   HDR "\nBEL,KAZ,export,2011,1,EUR\nBEL,KAZ,export,2012,x,EUR\n"
                       "BEL,KAQ,export,2013,1,EUR\n",
                   0, TRADE_EDATA); /* two problems */
    same_both_ways(NULL, HDR "\nBEL,KAZ,export,2011,1,EUR,x\n", 0, TRADE_ECSV);
    same_both_ways(NULL, HDR "\nBEL,KAZ,export,2011,1\n", 0, TRADE_ECSV);
    same_both_ways(NULL, HDR "\nBEL,KAZ,export,2011,1,EU\xc3\n", 0, TRADE_ECSV);
    same_both_ways(NULL, HDR "\nBEL,BEL,export,2011,1,EUR\n", 0, TRADE_EDATA);
    same_both_ways(NULL, HDR "\n", 0, TRADE_EDATA); /* no rows */
    same_both_ways(NULL, HDR ",value\nBEL,KAZ,export,2011,1,EUR,2\n", 0, TRADE_ECSV);
    same_both_ways(NULL, "reporter,partner\nBEL,KAZ\n", 0, TRADE_EDATA);
}

static void test_series(void **state)
{
    (void)state;
    trade_table *t = test_table_opt(HDR "\n"
                                        "BEL,KAZ,export,2011,3,EUR\n"  /* row 0 */
                                        "BEL,UZB,export,2010,5,EUR\n"  /* row 1 */
                                        "BEL,KAZ,export,2009,1,EUR\n"  /* row 2 */
                                        "BEL,KAZ,export,2010,2,EUR\n"  /* row 3 */
                                        "BEL,KAZ,import,2010,9,EUR\n", /* row 4 */
                                    0);
    trade_series_list *s;
    trade_error err;
    assert_int_equal(trade_series_group(t, &s, &err), TRADE_OK);
    assert_int_equal(trade_series_count(s), 3);
    size_t n;
    const size_t *rows = trade_series_rows(s, 0, &n); /* BEL-KAZ export, first seen */
    assert_int_equal(n, 3);
    assert_int_equal(rows[0], 2);
    assert_int_equal(rows[1], 3);
    assert_int_equal(rows[2], 0);
    rows = trade_series_rows(s, 1, &n);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0], 1);
    rows = trade_series_rows(s, 2, &n);
    assert_int_equal(rows[0], 4);
    assert_null(trade_series_rows(s, 3, &n));
    assert_int_equal(n, 0);
    trade_series_list_free(s);
    trade_table_free(t);
}

/* Rows in period order with no product (a bilateral import's output) are
 * grouped by a radix sort on the key: the same series, in the same order,
 * as the general sort gives for the same rows with one period out of order
 * or with a product column. */
static void test_series_sorted_input(void **state)
{
    (void)state;
    static const char *const variants[] = {HDR "\n"
                                               "USA,KAZ,export,2009,1,EUR\n"      /* row 0 */
                                               "BEL,KAZ,export,2009,2,EUR\n"      /* row 1 */
                                               "BEL,KAZ,export,2009,3,USD\n"      /* row 2 */
                                               "USA,KAZ,export,2010,4,EUR\n"      /* row 3 */
                                               "BEL,KAZ,export,2010,5,EUR\n"      /* row 4 */
                                               "BEL,KAZ,export,2010/2011,6,EUR\n" /* row 5 */
                                               "ZWE,AFG,import,2011,7,EUR\n"      /* row 6 */
                                               "BEL,KAZ,export,2012,8,EUR\n",     /* row 7 */
                                           HDR ",product\n"
                                               "USA,KAZ,export,2009,1,EUR,\n"
                                               "BEL,KAZ,export,2009,2,EUR,\n"
                                               "BEL,KAZ,export,2009,3,USD,\n"
                                               "USA,KAZ,export,2010,4,EUR,\n"
                                               "BEL,KAZ,export,2010,5,EUR,\n"
                                               "BEL,KAZ,export,2010/2011,6,EUR,\n"
                                               "ZWE,AFG,import,2011,7,EUR,x\n"
                                               "BEL,KAZ,export,2012,8,EUR,\n"};
    for (size_t v = 0; v < 2; v++) {
        trade_table *t = test_table_opt(variants[v], 0);
        trade_series_list *s;
        trade_error err;
        assert_int_equal(trade_series_group(t, &s, &err), TRADE_OK);
        /* series by first row: USA-KAZ EUR, BEL-KAZ EUR, BEL-KAZ USD, ZWE-AFG */
        static const size_t want[][5] = {{0, 3}, {1, 4, 5, 7}, {2}, {6}};
        static const size_t nwant[] = {2, 4, 1, 1};
        assert_int_equal(trade_series_count(s), 4);
        for (size_t i = 0; i < 4; i++) {
            size_t n;
            const size_t *rows = trade_series_rows(s, i, &n);
            assert_int_equal(n, nwant[i]);
            for (size_t k = 0; k < n; k++)
                assert_int_equal(rows[k], want[i][k]);
        }
        trade_series_list_free(s);
        trade_table_free(t);
    }
}

/* ---- large files, read on two threads ------------------------------------ */

/* A file of n rows (about 36 bytes each): row i (line i + 2) is
 * CODE_a,CODE_b,export,YEAR,i+1,EUR,n<i>, all keys distinct. bad_line and
 * bad2_line (0: none) get unit EUX; quoted_line gets a note of 3000 lines. */
static char *big_csv(size_t n, size_t bad_line, size_t bad2_line, size_t quoted_line, size_t *len)
{
    /* partners from a list of their own: no row from a country to itself */
    static const char *const cs[] = {"BEL", "KAZ", "UZB", "RUS", "CHN", "FRA", "DEU", "USA"};
    static const char *const ps[] = {"LUX", "KGZ", "TJK", "TKM", "IND", "ITA", "ESP", "JPN"};
    size_t cap = 64 + n * 48 + 3000 * 8, at = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    at += (size_t)sprintf(s + at, "%s,note\n", HDR);
    for (size_t i = 0; i < n; i++) {
        size_t line = i + 2;
        at += (size_t)sprintf(s + at, "%s,%s,export,%zu,%zu,%s,", cs[i % 8], ps[(i / 8) % 8],
                              1000 + i / 64, i + 1,
                              line == bad_line || line == bad2_line ? "EUX" : "EUR");
        if (line == quoted_line) {
            s[at++] = '"';
            for (int k = 0; k < 3000; k++)
                at += (size_t)sprintf(s + at, "x\"\"x,\n");
            s[at++] = '"';
            s[at++] = '\n';
        } else {
            at += (size_t)sprintf(s + at, "n%zu\n", i);
        }
    }
    *len = at;
    return s;
}

static char *write_temp(const char *data, size_t len)
{
    char *path = strdup("/tmp/test_table_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

/* Read data from a file (on two threads when large) and from memory (one
 * thread): the same result, the same error, the same positions. */
static void same_as_one_thread(const char *data, size_t len, int want_rc, unsigned long want_line)
{
    char *path = write_temp(data, len);
    trade_table *a = trade_table_new(), *b = trade_table_new();
    trade_error ea, eb;
    int ra = trade_table_read_file(a, path, NULL, &ea);
    int rb = trade_table_read_buffer(b, data, len, path, NULL, &eb);
    assert_int_equal(ra, want_rc);
    assert_int_equal(rb, want_rc);
    if (want_rc) {
        assert_int_equal(ea.line, want_line);
        assert_int_equal(eb.line, want_line);
        assert_int_equal(ea.column, eb.column);
        assert_string_equal(ea.message, eb.message);
    }
    assert_int_equal(trade_table_rows(a), trade_table_rows(b));
    for (size_t r = 0; r < trade_table_rows(a); r += 97) {
        assert_int_equal(trade_table_obs(a, r)->line, trade_table_obs(b, r)->line);
        for (size_t c = 0; c < trade_table_cols(a); c++) {
            unsigned long la, ca, lb, cb;
            trade_table_cell_position(a, r, c, NULL, &la, &ca);
            trade_table_cell_position(b, r, c, NULL, &lb, &cb);
            assert_int_equal(la, lb);
            assert_int_equal(ca, cb);
            assert_string_equal(trade_table_cell(a, r, c), trade_table_cell(b, r, c));
        }
    }
    trade_table_free(a);
    trade_table_free(b);
    unlink(path);
    free(path);
}

static void test_large_file(void **state)
{
    (void)state;
    size_t n = 200000, len;
    char *s = big_csv(n, 0, 0, 0, &len);
    assert_true(len > (size_t)5 << 20); /* large enough for two threads */
    same_as_one_thread(s, len, TRADE_OK, 0);
    /* the last row's line, counted by hand: header line 1, row i on i + 2 */
    char *path = write_temp(s, len);
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_file(t, path, NULL, &err), TRADE_OK);
    assert_int_equal(trade_table_rows(t), n);
    assert_int_equal(trade_table_obs(t, n - 1)->line, n + 1);
    assert_int_equal(trade_table_obs(t, 150000)->value, 150001);
    unsigned long line, col;
    trade_table_cell_position(t, 150000, 6, NULL, &line, &col); /* note */
    assert_int_equal(line, 150002);
    assert_int_equal(col, strlen("BEL,DEU,export,3343,150001,EUR,") + 1);
    assert_string_equal(trade_table_cell(t, 150000, 6), "n150000");
    trade_table_free(t);
    unlink(path);
    free(path);
    free(s);

    /* a bad row in the second half, in the first half, a quoted field with
     * 3000 line breaks across the middle, a file without its last LF */
    s = big_csv(n, 120002, 0, 0, &len);
    same_as_one_thread(s, len, TRADE_EDATA, 120002);
    free(s);
    s = big_csv(n, 50001, 150001, 0, &len);
    same_as_one_thread(s, len, TRADE_EDATA, 50001);
    free(s);
    s = big_csv(n, 0, 0, n / 2 - 2, &len);
    same_as_one_thread(s, len, TRADE_OK, 0);
    free(s);
    s = big_csv(n, 0, 0, 0, &len);
    same_as_one_thread(s, len - 1, TRADE_OK, 0);
    free(s);
}

/* Every problem of a large file, in file order, with on_problem. */
static void test_large_file_all_problems(void **state)
{
    (void)state;
    size_t len;
    char *s = big_csv(200000, 50001, 150001, 0, &len);
    char *path = write_temp(s, len);
    int count = 0;
    trade_read_options o = {0};
    o.on_problem = count_problem;
    o.ctx = &count;
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_file(t, path, &o, &err), TRADE_EDATA);
    assert_int_equal(count, 2);
    assert_int_equal(err.line, 50001);
    assert_int_equal(trade_table_rows(t), 0);
    trade_table_free(t);
    unlink(path);
    free(path);
    free(s);
}

static void test_io(void **state)
{
    (void)state;
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_file(t, "/nonexistent/x.csv", NULL, &err), TRADE_EIO);
    assert_string_equal(err.file, "/nonexistent/x.csv");
    assert_int_equal(trade_table_read_file(t, "/", NULL, &err), TRADE_EIO);
    trade_table_free(t);
    trade_table_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_columns_any_order),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_all_problems),
        cmocka_unit_test(test_field_limit),
        cmocka_unit_test(test_draft_and_generic),
        cmocka_unit_test(test_merge_and_duplicates),
        cmocka_unit_test(test_fast_lane),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_series_sorted_input),
        cmocka_unit_test(test_large_file),
        cmocka_unit_test(test_large_file_all_problems),
        cmocka_unit_test(test_io),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
