/* test_table_read.c - several files into one table with --where conditions
 * and a problem callback. Expected row sets are read off the small inputs
 * below by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "trade/table_read.h"

#define HDR "reporter,partner,flow,period,value,unit\n"

/* Five rows: line 2 BEL export 100, 3 BEL import 250, 4 LUX export 1e3,
 * 5 KAZ export -5, 6 BEL aid 7. */
static const char rows5[] = HDR "BEL,KAZ,export,2011,100,EUR\n"
                                "BEL,KAZ,import,2011,250,EUR\n"
                                "LUX,KAZ,export,2011,1000,EUR\n"
                                "KAZ,BEL,export,2011,-5,EUR\n"
                                "BEL,UZB,aid,2011,7,EUR\n";

/* The lines of t's rows joined by ',' ("2,4,"). */
static void lines_of(const trade_table *t, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t r = 0; r < trade_table_rows(t); r++)
        len += (size_t)snprintf(buf + len, size - len, "%lu,", trade_table_obs(t, r)->line);
}

/* Read rows5, apply the conditions exprs[0..n), and compare the lines kept. */
static void expect_lines(const char *const *exprs, size_t n, const char *want)
{
    trade_table *t = trade_table_new();
    trade_where *w = trade_where_new();
    trade_error err;
    assert_non_null(t);
    assert_non_null(w);
    assert_int_equal(trade_table_read_buffer(t, rows5, strlen(rows5), "in.csv", NULL, &err), 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(trade_where_add(w, exprs[i], &err), 0);
    assert_int_equal(trade_table_where(t, w, &err), 0);
    char got[128];
    lines_of(t, got, sizeof got);
    assert_string_equal(got, want);
    trade_where_free(w);
    trade_table_free(t);
}

static void test_operators(void **state)
{
    (void)state;
    const char *eq[] = {"flow=export"};
    expect_lines(eq, 1, "2,4,5,");
    const char *ne[] = {"flow!=export"};
    expect_lines(ne, 1, "3,6,");
    const char *num_eq[] = {"value=1e3"}; /* 1000 as a number */
    expect_lines(num_eq, 1, "4,");
    const char *lt[] = {"value<100"}; /* -5 and 7 */
    expect_lines(lt, 1, "5,6,");
    const char *le[] = {"value<=100"};
    expect_lines(le, 1, "2,5,6,");
    const char *gt[] = {"value>100"};
    expect_lines(gt, 1, "3,4,");
    const char *ge[] = {"value>=250"};
    expect_lines(ge, 1, "3,4,");
    const char *re[] = {"reporter~^(LUX|KAZ)$"};
    expect_lines(re, 1, "4,5,");
    const char *re_part[] = {"flow~port"}; /* unanchored: export and import */
    expect_lines(re_part, 1, "2,3,4,5,");
    const char *text_lt[] = {"reporter<1"}; /* a code is not a number: never matches */
    expect_lines(text_lt, 1, "");
}

static void test_or_and(void **state)
{
    (void)state;
    /* one column: OR; two columns: AND */
    const char *or_[] = {"flow=import", "flow=aid"};
    expect_lines(or_, 2, "3,6,");
    const char *and_[] = {"reporter=BEL", "flow=export"};
    expect_lines(and_, 2, "2,");
    /* (flow export or import) and value > 100: lines 3 (250) and 4 (1000) */
    const char *mixed[] = {"flow=export", "value>100", "flow=import"};
    expect_lines(mixed, 3, "3,4,");
    /* a range on one column is two alternatives: value<0 OR value>500 */
    const char *range[] = {"value<0", "value>500"};
    expect_lines(range, 2, "4,5,");
}

static void test_bad_conditions(void **state)
{
    (void)state;
    trade_where *w = trade_where_new();
    trade_error err;
    assert_int_equal(trade_where_add(w, "flow", &err), TRADE_EARG);
    assert_int_equal(trade_where_add(w, "=export", &err), TRADE_EARG);
    assert_int_equal(trade_where_add(w, "value>abc", &err), TRADE_EARG);
    assert_non_null(strstr(err.message, "not a number"));
    assert_int_equal(trade_where_add(w, "flow!export", &err), TRADE_EARG);
    assert_int_equal(trade_where_add(w, "flow~(", &err), TRADE_EARG);
    assert_non_null(strstr(err.message, "regular expression"));
    assert_int_equal(trade_where_count(w), 0);
    /* an unknown column names the columns */
    assert_int_equal(trade_where_add(w, "flw=export", &err), 0);
    trade_table *t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, rows5, strlen(rows5), "in.csv", NULL, &err), 0);
    assert_int_equal(trade_table_where(t, w, &err), TRADE_EARG);
    assert_string_equal(err.message, "--where: no column 'flw'; the columns are: reporter, "
                                     "partner, flow, period, value, unit");
    assert_int_equal(trade_table_rows(t), 5); /* unchanged */
    trade_table_free(t);
    trade_where_free(w);
    trade_where_free(NULL);
}

static void test_bind_cells(void **state)
{
    (void)state;
    /* the form cmd_extract uses: its own column list and cells */
    static const char *const names[] = {"a", "b"};
    trade_where *w = trade_where_new();
    trade_error err;
    assert_int_equal(trade_where_add(w, "b>=2", &err), 0);
    assert_int_equal(trade_where_bind(w, 2, names, &err), 0);
    const char *r1[] = {"x", "2"}, *r2[] = {"x", "1.5"}, *r3[] = {"x", NULL};
    assert_int_equal(trade_where_match(w, r1), 1);
    assert_int_equal(trade_where_match(w, r2), 0);
    assert_int_equal(trade_where_match(w, r3), 0);
    trade_where_free(w);
}

typedef struct seen {
    int n;
    char first[600];
} seen;

static int note(void *ctx, const trade_error *e)
{
    seen *s = ctx;
    if (s->n++ == 0)
        snprintf(s->first, sizeof s->first, "%s:%lu:%lu", e->file, e->line, e->column);
    return 0;
}

static void test_read_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/trade-read-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64], bad[64];
    snprintf(a, sizeof a, "%s/a.csv", dir);
    snprintf(b, sizeof b, "%s/b.csv", dir);
    snprintf(bad, sizeof bad, "%s/bad.csv", dir);
    FILE *f = fopen(a, "w");
    fputs(HDR "BEL,KAZ,export,2011,100,EUR\n", f);
    fclose(f);
    f = fopen(b, "w");
    fputs(HDR "BEL,KAZ,export,2012,120,EUR\nBEL,KAZ,import,2012,9,EUR\n", f);
    fclose(f);
    f = fopen(bad, "w");
    fputs(HDR "BEL,KAZ,export,2013,x,EUR\n", f); /* line 2, column 21: value */
    fclose(f);

    trade_table *t = trade_table_new();
    trade_where *w = trade_where_new();
    trade_error err;
    seen s = {0, ""};
    trade_read_options ro = {0};
    ro.on_problem = note;
    ro.ctx = &s;
    assert_int_equal(trade_where_add(w, "flow=export", &err), 0);
    const char *both[] = {a, b};
    assert_int_equal(trade_table_read_files(t, 2, both, &ro, w, &err), 0);
    assert_int_equal(trade_table_rows(t), 2); /* 2011 and 2012 exports */
    assert_int_equal(s.n, 0);
    trade_table_free(t);

    /* a bad file and a missing one: both reported once through the callback,
     * the missing file (I/O) outranks the bad value */
    t = trade_table_new();
    char missing[80];
    snprintf(missing, sizeof missing, "%s/none.csv", dir);
    const char *two[] = {bad, missing};
    assert_int_equal(trade_table_read_files(t, 2, two, &ro, w, &err), TRADE_EIO);
    assert_string_equal(err.file, missing);
    assert_int_equal(s.n, 2);
    char want[600];
    snprintf(want, sizeof want, "%s:2:21", bad);
    assert_string_equal(s.first, want);
    trade_table_free(t);
    trade_where_free(w);
    unlink(a);
    unlink(b);
    unlink(bad);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operators),      cmocka_unit_test(test_or_and),
        cmocka_unit_test(test_bad_conditions), cmocka_unit_test(test_bind_cells),
        cmocka_unit_test(test_read_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
