/* test_table.c - the observation reader: RFC 4180 details (quoted commas,
 * quotes and newlines, CRLF, BOM), every located error, merging files,
 * duplicates and series. Lines and columns are counted by hand in the
 * inputs below (columns are bytes from the start of the physical line). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "trade/table.h"

#define HDR "reporter,partner,flow,period,value,unit"

static trade_table *read_ok(const char *csv, int generic)
{
    trade_table *t = trade_table_new();
    trade_error err;
    trade_read_options o = {0};
    o.generic = generic;
    int rc = trade_table_read_buffer(t, csv, strlen(csv), "in.csv", &o, &err);
    if (rc)
        fail_msg("rejected: %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    return t;
}

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
    trade_table *t = read_ok("\xEF\xBB\xBF" HDR ",note\r\n"
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
}

static void test_columns_any_order(void **state)
{
    (void)state;
    trade_table *t = read_ok("value,unit,extra,period,flow,partner,reporter\n"
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

    t = read_ok("a,b\n1,x\n", 1);
    assert_null(trade_table_obs(t, 0));
    assert_string_equal(trade_table_cell(t, 0, 1), "x");
    trade_table_free(t);
}

static void test_merge_and_duplicates(void **state)
{
    (void)state;
    trade_table *t = read_ok(HDR ",source\nBEL,KAZ,export,2011,118000000,EUR,a\n", 0);
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

static void test_series(void **state)
{
    (void)state;
    trade_table *t = read_ok(HDR "\n"
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
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_io),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
