/* test_summary.c - the summary and fit modules on tables: one figure per
 * period, split by kind, overflow with a status, projections left out of
 * fits. Values worked out by hand in the comments. */
#include <math.h>
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

typedef struct sums {
    size_t n;
    trade_summary s[4];
    const char *q[4];
} sums;

static int collect(void *ctx, const trade_summary_row *r)
{
    sums *o = ctx;
    if (o->n < 4) {
        o->s[o->n] = r->summary;
        o->q[o->n] = r->qualifier;
    }
    o->n++;
    return 0;
}

/* 2010 = 1, 2011 = 2, 2012 = 6 and 2012-01/2012-12 = 9 (the same months:
 * the first, 6, stands), 2012-01/2012-10 = 5 (a kind of its own). Years:
 * n 3, mean 3, median 2, sd sqrt(((1-3)^2 + (2-3)^2 + (6-3)^2) / 2) =
 * sqrt(7). The ten-month kind: n 1, no sd (status). */
static void test_summary(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2010,1,EUR,\n"
                                    "BEL,KAZ,export,2011,2,EUR,estimate\n"
                                    "BEL,KAZ,export,2012,6,EUR,\n"
                                    "BEL,KAZ,export,2012-01/2012-12,9,EUR,\n"
                                    "BEL,KAZ,export,2012-01/2012-10,5,EUR,\n");
    sums o = {0};
    trade_error err;
    assert_int_equal(trade_summary_run(t, collect, &o, &err), 0);
    assert_int_equal(o.n, 2);
    assert_int_equal(o.s[0].n, 3);
    assert_near(o.s[0].mean, 3, 1e-12);
    assert_near(o.s[0].median, 2, 1e-12);
    assert_near(o.s[0].sd, sqrt(7), 1e-12);
    assert_string_equal(o.q[0], "estimate"); /* one of the three is an estimate */
    assert_int_equal(o.s[1].n, 1);
    assert_true(isnan(o.s[1].sd));
    assert_true(*o.s[1].status != '\0');
    trade_table_free(t);
}

/* 1e308 twice: the median (a + b) / 2 overflows to infinity: empty (NAN)
 * with status "overflow"; GSL's running mean stays 1e308, sd 0. */
static void test_overflow(void **state)
{
    (void)state;
    double v[2] = {1e308, 1e308}, work[2];
    trade_summary s;
    assert_int_equal(trade_summary_values(v, 2, work, &s), 0);
    assert_true(isnan(s.median));
    assert_string_equal(s.status, "overflow");
    assert_near(s.mean, 1e308, 1e293);
    assert_near(s.sd, 0, 0);
}

typedef struct fits {
    size_t n;
    trade_fit f;
    const char *q;
} fits;

static int collect_fit(void *ctx, const trade_fit_row *r)
{
    fits *o = ctx;
    o->n++;
    o->f = r->fit;
    o->q = r->qualifier;
    return 0;
}

/* 100, 200, 400 in 2010..2012: ln doubles exactly each year, slope ln 2,
 * trend +100 %, r2 1. The 2013 projection (10000) is left out (n = 3);
 * with projections it is in (n = 4) and the trend is no longer 100 %. */
static void test_fit_projections(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2010,100,EUR,\n"
                                    "BEL,KAZ,export,2011,200,EUR,\n"
                                    "BEL,KAZ,export,2012,400,EUR,\n"
                                    "BEL,KAZ,export,2013,10000,EUR,projection\n");
    fits o = {0};
    trade_error err;
    assert_int_equal(trade_fit_run(t, NULL, collect_fit, &o, &err), 0);
    assert_int_equal(o.n, 1);
    assert_int_equal(o.f.n, 3);
    assert_near(o.f.trend_pct, 100, 1e-9);
    assert_near(o.f.r2, 1, 1e-12);
    assert_string_equal(o.q, "");
    trade_fit_options opt = {1};
    memset(&o, 0, sizeof o);
    assert_int_equal(trade_fit_run(t, &opt, collect_fit, &o, &err), 0);
    assert_int_equal(o.f.n, 4);
    assert_true(o.f.trend_pct > 150);
    assert_string_equal(o.q, "projection");
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_fit_projections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
