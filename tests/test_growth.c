/* test_growth.c - the growth module: pairing of periods by kind, CAGR over
 * gaps and not under a year, --yoy, stocks never annualized, qualifiers,
 * option checks. Expected values are worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/trade.h"

#define HDR "reporter,partner,flow,period,value,unit,qualifier\n"

typedef struct got {
    size_t n;
    char from[8][TRADE_PERIOD_BUFSIZE], to[8][TRADE_PERIOD_BUFSIZE];
    trade_growth g[8];
    const char *q[8];
} got;

static int collect(void *ctx, const trade_growth_row *r)
{
    got *o = ctx;
    if (o->n == 8)
        return 1;
    trade_period_format(r->period_from, o->from[o->n], TRADE_PERIOD_BUFSIZE);
    trade_period_format(r->period_to, o->to[o->n], TRADE_PERIOD_BUFSIZE);
    o->g[o->n] = r->growth;
    o->q[o->n] = r->qualifier;
    o->n++;
    return 0;
}

/* 2010 = 100, 2011 = 110, 2013 = 133.1, 2012-01/2012-10 = 50,
 * 2013-01/2013-10 = 60. In period order (2013-01/2013-10 ends before 2013):
 * 2010 -> 2011: +10 %, CAGR 10 %;
 * 2011 -> 2012-01/2012-10: the first ten-month span, against the latest
 *   earlier period ending before it: incomparable, empty;
 * 2012-01/2012-10 -> 2013-01/2013-10: +20 %, one year;
 * 2011 -> 2013 (the latest earlier year): 133.1 / 110 = 1.21, +21 %,
 *   over two years CAGR sqrt(1.21) - 1 = 10 %. */
static void test_pairing(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2010,100,EUR,\n"
                                    "BEL,KAZ,export,2011,110,EUR,\n"
                                    "BEL,KAZ,export,2013,133.1,EUR,\n"
                                    "BEL,KAZ,export,2012-01/2012-10,50,EUR,\n"
                                    "BEL,KAZ,export,2013-01/2013-10,60,EUR,\n"
                                    "BEL,KAZ,export,2011,3,percent,\n");
    got o = {0};
    trade_error err;
    assert_int_equal(trade_growth_table(t, NULL, collect, &o, &err), 0);
    assert_int_equal(o.n, 4); /* the percent series gives none */
    assert_string_equal(o.from[0], "2010");
    assert_near(o.g[0].growth_pct, 10, 1e-12);
    assert_near(o.g[0].cagr_pct, 10, 1e-12);
    assert_string_equal(o.to[1], "2012-01/2012-10");
    assert_true(isnan(o.g[1].growth_pct));
    assert_string_equal(o.g[1].status, "incomparable periods");
    assert_string_equal(o.to[2], "2013-01/2013-10");
    assert_near(o.g[2].growth_pct, 20, 1e-12);
    assert_string_equal(o.from[3], "2011");
    assert_string_equal(o.to[3], "2013");
    assert_near(o.g[3].growth_pct, 21, 1e-12);
    assert_near(o.g[3].cagr_pct, 10, 1e-12);
    trade_table_free(t);
}

/* Quarters 2011-Q1 = 100, 2011-Q2 = 110, 2012-Q1 = 120. Quarter on
 * quarter: 2011-Q1 -> 2011-Q2 +10 % with no CAGR (not 1.1^4 - 1), then
 * 2011-Q2 -> 2012-Q1 (three quarters: no CAGR either). --yoy: only
 * 2011-Q1 -> 2012-Q1, +20 %, CAGR 20 % (one year). */
static void test_yoy_and_short_cagr(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2011-Q1,100,EUR,\n"
                                    "BEL,KAZ,export,2011-Q2,110,EUR,\n"
                                    "BEL,KAZ,export,2012-Q1,120,EUR,\n");
    got o = {0};
    trade_error err;
    assert_int_equal(trade_growth_table(t, NULL, collect, &o, &err), 0);
    assert_int_equal(o.n, 2);
    assert_near(o.g[0].growth_pct, 10, 1e-12);
    assert_true(isnan(o.g[0].cagr_pct));
    assert_string_equal(o.g[0].status, "less than a year apart: no CAGR");
    assert_true(isnan(o.g[1].cagr_pct));
    trade_growth_options opt = {0};
    opt.yoy = 1;
    memset(&o, 0, sizeof o);
    assert_int_equal(trade_growth_table(t, &opt, collect, &o, &err), 0);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.from[0], "2011-Q1");
    assert_string_equal(o.to[0], "2012-Q1");
    assert_near(o.g[0].growth_pct, 20, 1e-12);
    assert_near(o.g[0].cagr_pct, 20, 1e-12);
    trade_table_free(t);
}

/* --annualize-partial: export 2011 = 100, 2012-01/2012-06 = 60 -> 120,
 * +20 %; the same figures as fdi_stock are not scaled: empty, status. */
static void test_stocks_not_annualized(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2011,100,EUR,\n"
                                    "BEL,KAZ,export,2012-01/2012-06,60,EUR,\n"
                                    "BEL,KAZ,fdi_stock,2011,100,EUR,\n"
                                    "BEL,KAZ,fdi_stock,2012-01/2012-06,60,EUR,\n");
    trade_growth_options opt = {0};
    opt.annualize_partial = 1;
    got o = {0};
    trade_error err;
    assert_int_equal(trade_growth_table(t, &opt, collect, &o, &err), 0);
    assert_int_equal(o.n, 2);
    assert_near(o.g[0].growth_pct, 20, 1e-12);
    assert_true(isnan(o.g[1].growth_pct));
    assert_non_null(strstr(o.g[1].status, "stock"));
    trade_table_free(t);
}

static void test_qualifiers(void **state)
{
    (void)state;
    /* growth = v1 / v0 - 1 rises with v1 and falls with v0 */
    assert_string_equal(trade_growth_qualifier("", ""), "");
    assert_string_equal(trade_growth_qualifier("", "lower_bound"), "lower_bound");
    assert_string_equal(trade_growth_qualifier("lower_bound", ""), "upper_bound");
    assert_string_equal(trade_growth_qualifier("upper_bound", ""), "lower_bound");
    assert_string_equal(trade_growth_qualifier("", "upper_bound"), "upper_bound");
    assert_string_equal(trade_growth_qualifier("upper_bound", "lower_bound"), "lower_bound");
    assert_string_equal(trade_growth_qualifier("lower_bound", "lower_bound"), "estimate");
    assert_string_equal(trade_growth_qualifier("estimate", ""), "estimate");
    assert_string_equal(trade_growth_qualifier("approx", "estimate"), "estimate");
    assert_string_equal(trade_growth_qualifier("", "derived"), "derived");
    assert_string_equal(trade_growth_qualifier("approx", "lower_bound"), "lower_bound");
    assert_string_equal(trade_growth_qualifier("projection", "lower_bound"), "projection");
    assert_string_equal(trade_growth_qualifier(NULL, "projection"), "projection");
}

static void test_from_to(void **state)
{
    (void)state;
    trade_period a, b;
    trade_error err;
    assert_int_equal(trade_period_parse("2012", 4, &a, &err), 0);
    assert_int_equal(trade_period_parse("2010", 4, &b, &err), 0);
    trade_growth_options opt = {0};
    opt.from = &a;
    assert_int_equal(trade_growth_options_check(&opt, &err), TRADE_EARG); /* no --to */
    opt.to = &b;
    assert_int_equal(trade_growth_options_check(&opt, &err), TRADE_EARG); /* backwards */
    assert_non_null(strstr(err.message, "before"));
    opt.to = &a;
    assert_int_equal(trade_growth_options_check(&opt, &err), TRADE_EARG); /* zero span */
    /* 2010 -> 2012-01/2012-12 (the same months as 2012): 100 -> 144, +44 %,
     * CAGR 20 % over two years */
    trade_table *t = test_table(HDR "BEL,KAZ,export,2010,100,EUR,\n"
                                    "BEL,KAZ,export,2011,110,EUR,\n"
                                    "BEL,KAZ,export,2012-01/2012-12,144,EUR,\n");
    opt.from = &b;
    opt.to = &a;
    got o = {0};
    assert_int_equal(trade_growth_table(t, &opt, collect, &o, &err), 0);
    assert_int_equal(o.n, 1);
    assert_near(o.g[0].growth_pct, 44, 1e-12);
    assert_near(o.g[0].cagr_pct, 20, 1e-12);
    size_t n;
    const trade_column *c = trade_growth_columns(&n);
    assert_int_equal(n, 8);
    assert_string_equal(c[4].name, "growth_pct");
    assert_true(c[4].numeric);
    assert_false(c[7].numeric); /* status */
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairing),        cmocka_unit_test(test_yoy_and_short_cagr),
        cmocka_unit_test(test_stocks_not_annualized), cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_from_to),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
