/* test_check.c - the consistency check's choice of base period for a
 * stated growth rate (issue 12, fix 7): a rate stated for a month, a
 * quarter or part of a year is year-on-year. Expected growths by hand:
 * 110 / 100 - 1 = 10 %, 1120 / 1000 - 1 = 12 %, 55 / 50 - 1 = 10 %. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/check.h"

#define HDR "reporter,partner,flow,period,value,unit\n"

typedef struct got {
    size_t n;
    trade_check_result r[8];
} got;

static int keep(void *ctx, const trade_check_result *r)
{
    got *g = ctx;
    if (g->n < 8)
        g->r[g->n] = *r;
    g->n++;
    return 0;
}

static void base_of(const char *p, const char *want)
{
    trade_period a, b;
    trade_error err;
    assert_int_equal(trade_period_parse(p, strlen(p), &a, &err), 0);
    assert_int_equal(trade_check_growth_base(&a, 0, &b), 0);
    char buf[TRADE_PERIOD_BUFSIZE];
    trade_period_format(&b, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_growth_base(void **state)
{
    (void)state;
    base_of("2012", "2011");
    base_of("2012-03", "2011-03");
    base_of("2012-Q2", "2011-Q2");
    base_of("2012-01/2012-10", "2011-01/2011-10");
    base_of("2017/2022", "2011/2016"); /* six years: the six before */
    trade_period none = {0}, b;
    assert_int_equal(trade_check_growth_base(&none, 0, &b), TRADE_EARG);
    /* sequential: the period just before */
    trade_period m, q;
    trade_error err;
    char buf[TRADE_PERIOD_BUFSIZE];
    trade_period_parse("2012-03", 7, &m, &err);
    assert_int_equal(trade_check_growth_base(&m, 1, &b), 0);
    trade_period_format(&b, buf, sizeof buf);
    assert_string_equal(buf, "2012-02");
    trade_period_parse("2012-Q2", 7, &q, &err);
    assert_int_equal(trade_check_growth_base(&q, 1, &b), 0);
    trade_period_format(&b, buf, sizeof buf);
    assert_string_equal(buf, "2012-Q1");
    assert_int_equal(trade_check_text_is_sequential("up 2 % Month-on-Month"), 1);
    assert_int_equal(trade_check_text_is_sequential("rose 3 % q/q"), 1);
    assert_int_equal(trade_check_text_is_sequential("up 10 % on a year earlier"), 0);
    assert_int_equal(trade_check_text_is_sequential(NULL), 0);
}

static void test_month_yoy(void **state)
{
    (void)state;
    /* February 2012 (105) is the month before; March 2011 (100) the base */
    trade_table *t = test_table(HDR "ITA,KAZ,export,2011-03,100,EUR\n"
                                    "ITA,KAZ,export,2012-02,105,EUR\n"
                                    "ITA,KAZ,export,2012-03,110,EUR\n"
                                    "ITA,KAZ,export,2012-03,10,percent_change\n");
    got g = {0};
    trade_error err;
    assert_int_equal(trade_check_run(t, keep, &g, &err), 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.r[0].check, "growth");
    assert_near(g.r[0].b_value, 10, 1e-12);
    assert_int_equal(g.r[0].b0_row, 0); /* the 2011-03 row */
    assert_int_equal(g.r[0].verdict, TRADE_CONSISTENT);
    trade_table_free(t);
}

static void test_month_sequential(void **state)
{
    (void)state;
    /* the note says month-on-month: 110 / 105 - 1 = 4.7619 % against February */
    trade_table *t = test_table("reporter,partner,flow,period,value,unit,note\n"
                                "ITA,KAZ,export,2011-03,100,EUR,\n"
                                "ITA,KAZ,export,2012-02,105,EUR,\n"
                                "ITA,KAZ,export,2012-03,110,EUR,\n"
                                "ITA,KAZ,export,2012-03,4.76,percent_change,month-on-month\n");
    got g = {0};
    trade_error err;
    assert_int_equal(trade_check_run(t, keep, &g, &err), 0);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.r[0].b0_row, 1);
    assert_near(g.r[0].b_value, 100.0 * (110.0 / 105.0 - 1), 1e-12);
    assert_int_equal(g.r[0].verdict, TRADE_CONSISTENT);
    trade_table_free(t);
}

static void test_partial_year_yoy(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "ITA,KAZ,export,2011-01/2011-10,1000,EUR\n"
                                    "ITA,KAZ,export,2012-01/2012-10,1120,EUR\n"
                                    "ITA,KAZ,export,2012-01/2012-10,12,percent_change\n"
                                    "ITA,KAZ,export,2011-Q2,50,EUR\n"
                                    "ITA,KAZ,export,2012-Q1,52,EUR\n"
                                    "ITA,KAZ,export,2012-Q2,55,EUR\n"
                                    "ITA,KAZ,export,2012-Q2,10,percent_change\n");
    got g = {0};
    trade_error err;
    assert_int_equal(trade_check_run(t, keep, &g, &err), 0);
    assert_int_equal(g.n, 2);
    size_t partial = g.r[0].a_row == 2 ? 0 : 1, quarter = 1 - partial;
    assert_int_equal(g.r[partial].a_row, 2);
    assert_int_equal(g.r[partial].b0_row, 0);
    assert_near(g.r[partial].b_value, 12, 1e-12);
    assert_int_equal(g.r[quarter].a_row, 6);
    assert_int_equal(g.r[quarter].b0_row, 3); /* 2011-Q2, not 2012-Q1 */
    assert_near(g.r[quarter].b_value, 10, 1e-12);
    trade_table_free(t);
}

static void test_columns(void **state)
{
    (void)state;
    size_t n;
    const unsigned char *numeric;
    const char *const *names = trade_check_columns(&n, &numeric);
    assert_int_equal(n, 20);
    assert_string_equal(names[8], "a_value");
    assert_int_equal(numeric[8], 1);
    assert_string_equal(names[15], "verdict");
    assert_int_equal(numeric[15], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growth_base),      cmocka_unit_test(test_month_yoy),
        cmocka_unit_test(test_month_sequential), cmocka_unit_test(test_partial_year_yoy),
        cmocka_unit_test(test_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
