/* test_series.c - the series module and the single rules it relies on:
 * trade_period_equal, period kinds, trade_unit_is_level, aggregates, and
 * the one-figure-per-period choice. Every expectation is worked out by
 * hand in the comment next to it from the rule in series.h / period.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"

#include "trade/trade.h"

#define HDR "reporter,partner,flow,period,value,unit,precision,qualifier,source,product\n"

static trade_period per(const char *s)
{
    trade_period p;
    trade_error err;
    if (trade_period_parse(s, strlen(s), &p, &err))
        fail_msg("bad period %s", s);
    return p;
}

/* The period text of row r, for readable failures. */
static const char *period_of(const trade_table *t, size_t r)
{
    static char buf[TRADE_PERIOD_BUFSIZE];
    trade_period_format(&trade_table_obs(t, r)->period, buf, sizeof buf);
    return buf;
}

static void test_period_equal(void **state)
{
    (void)state;
    trade_period y = per("2012"), m12 = per("2012-01/2012-12"), q4 = per("2012-Q1/2012-Q4");
    trade_period m10 = per("2012-01/2012-10"), none = {0, 0, 0, 0, 0};
    /* the same twelve months (months 24144..24155) in three spellings */
    assert_true(trade_period_equal(&y, &m12));
    assert_true(trade_period_equal(&m12, &q4));
    assert_true(trade_period_equal(&q4, &y));
    /* ten months are not the year; a NONE period only equals NONE */
    assert_false(trade_period_equal(&y, &m10));
    assert_false(trade_period_equal(&none, &y));
    assert_true(trade_period_equal(&none, &none));
    trade_period y11 = per("2011");
    assert_false(trade_period_equal(&y, &y11));
}

static void test_period_kinds(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        trade_period_kind kind;
    } cases[] = {
        {"2012", TRADE_PERIOD_KIND_YEAR},
        {"2012-01/2012-12", TRADE_PERIOD_KIND_YEAR},  /* 12 months from January */
        {"2012-Q2", TRADE_PERIOD_KIND_QUARTER},
        {"2012-04/2012-06", TRADE_PERIOD_KIND_QUARTER}, /* April to June = Q2 */
        {"2012-02/2012-04", TRADE_PERIOD_KIND_PARTIAL}, /* 3 months, not a quarter */
        {"2012-03", TRADE_PERIOD_KIND_MONTH},
        {"2012-01/2012-10", TRADE_PERIOD_KIND_PARTIAL},
        {"2011-07/2012-06", TRADE_PERIOD_KIND_PARTIAL}, /* 12 months, not a calendar year */
        {"2010/2012", TRADE_PERIOD_KIND_MULTI_YEAR},    /* 36 months from January 2010 */
        {"2010-Q1/2011-Q4", TRADE_PERIOD_KIND_MULTI_YEAR},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        trade_period p = per(cases[i].text);
        if (trade_period_kind_of(&p) != cases[i].kind)
            fail_msg("%s: kind %d, want %d", cases[i].text, trade_period_kind_of(&p),
                     cases[i].kind);
    }
    trade_period y11 = per("2011"), y12 = per("2012-01/2012-12");
    trade_period a = per("2011-01/2011-10"), b = per("2012-01/2012-10"), c = per("2012-01/2012-06");
    trade_period s3 = per("2007/2009"), s5 = per("2007/2011");
    assert_true(trade_period_same_kind(&y11, &y12)); /* both calendar years */
    assert_true(trade_period_same_kind(&a, &b));     /* both ten months */
    assert_false(trade_period_same_kind(&b, &c));    /* ten against six months */
    assert_false(trade_period_same_kind(&s3, &s5));  /* three against five years */
    assert_false(trade_period_same_kind(&y11, &b));
    assert_string_equal(trade_period_kind_name(TRADE_PERIOD_KIND_MULTI_YEAR), "multi-year");
}

static void test_units_and_aggregates(void **state)
{
    (void)state;
    assert_true(trade_unit_is_level("EUR"));
    assert_true(trade_unit_is_level("t"));
    assert_true(trade_unit_is_level("count"));
    assert_false(trade_unit_is_level("percent"));
    assert_false(trade_unit_is_level("percent_change"));
    assert_false(trade_unit_is_level("pp"));
    assert_false(trade_unit_is_level("rank"));
    assert_false(trade_unit_is_level(NULL));
    assert_true(trade_country_is_aggregate("WLD"));
    assert_true(trade_country_is_aggregate("EUU"));
    assert_true(trade_country_is_aggregate("XCA"));
    assert_false(trade_country_is_aggregate("BEL"));
    assert_false(trade_country_is_aggregate("KAZ"));
    assert_false(trade_country_is_aggregate(NULL));
}

/* Fix 2: 2012 from a, 2012-01/2012-12 from b, 2012 from c, plus 2011. The
 * three 2012 rows are one period; all exact, written precision 100 each
 * ("100", "200", "300": the unit of the last non-zero digit), so the first
 * read (a, row 0) stands for 2012. Two rows remain: 2011 (row 3), 2012. */
static void test_one_per_period_across_spellings(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2012,100,EUR,,,a,\n"
                                    "BEL,KAZ,export,2012-01/2012-12,200,EUR,,,b,\n"
                                    "BEL,KAZ,export,2012,300,EUR,,,c,\n"
                                    "BEL,KAZ,export,2011,400,EUR,,,a,\n");
    trade_series_list *s;
    trade_error err;
    assert_int_equal(trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD, &s, &err), 0);
    assert_int_equal(trade_series_count(s), 1);
    size_t n;
    const size_t *rows = trade_series_rows(s, 0, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rows[0], 3);
    assert_int_equal(rows[1], 0);
    trade_series_list_free(s);

    /* the same with b first in the file: still one 2012 row (b's) */
    trade_table_free(t);
    t = test_table(HDR "BEL,KAZ,export,2012-01/2012-12,200,EUR,,,b,\n"
                       "BEL,KAZ,export,2012,100,EUR,,,a,\n"
                       "BEL,KAZ,export,2011,400,EUR,,,a,\n"
                       "BEL,KAZ,export,2012,300,EUR,,,c,\n");
    assert_int_equal(trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD, &s, &err), 0);
    rows = trade_series_rows(s, 0, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rows[0], 2);
    assert_int_equal(rows[1], 0);
    unsigned char chosen[4];
    assert_int_equal(trade_series_mark_chosen(t, chosen, &err), 0);
    assert_int_equal(chosen[0], 1);
    assert_int_equal(chosen[1], 0);
    assert_int_equal(chosen[2], 1);
    assert_int_equal(chosen[3], 0);
    trade_series_list_free(s);
    trade_table_free(t);
}

/* Fix 14: 101000000 stated with precision 1000000 against 100400000 with
 * no precision: the written precision of 100400000 is 100000 (its last
 * non-zero digit is the hundred-thousands), finer than 1000000, so the
 * second row wins although it states no precision. Exact beats qualified
 * whatever the precision: the estimate 123.45 (precision 0.01) loses to
 * the exact 100. */
static void test_prefer(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2011,101000000,EUR,1000000,,a,\n"
                                    "BEL,KAZ,export,2011,100400000,EUR,,,b,\n"
                                    "BEL,KAZ,export,2012,123.45,EUR,,estimate,a,\n"
                                    "BEL,KAZ,export,2012,100,EUR,,,b,\n"
                                    "BEL,KAZ,export,2013,5,EUR,,,a,\n"
                                    "BEL,KAZ,export,2013,5,EUR,,,b,\n");
    assert_true(trade_series_precision(t, 0) == 1000000);
    assert_true(trade_series_precision(t, 1) == 100000);
    assert_true(trade_series_prefer(t, 1, 0));
    assert_false(trade_series_prefer(t, 0, 1));
    assert_true(trade_series_prefer(t, 3, 2));
    assert_false(trade_series_prefer(t, 2, 3));
    assert_false(trade_series_prefer(t, 4, 5)); /* a tie: neither is preferred */
    assert_false(trade_series_prefer(t, 5, 4));
    size_t rows[6] = {0, 1, 2, 3, 4, 5}, out[6];
    assert_int_equal(trade_series_choose(t, rows, 6, out), 3);
    assert_int_equal(out[0], 1);
    assert_int_equal(out[1], 3);
    assert_int_equal(out[2], 4); /* the tie keeps the first */
    trade_table_free(t);
}

/* Split by kind: 2010, 2011, 2011-01/2011-10, 2012-01/2012-10, 2012 (file
 * order mixed). Years come first (2010 is the first period), then the
 * ten-month spans: [2010, 2011, 2012] and [2011-01/2011-10,
 * 2012-01/2012-10]. The percent series is left out with LEVELS; the
 * product 27 series is its own series (product is part of the key);
 * the projection is left out with NO_PROJECTIONS. */
static void test_build_options(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2012-01/2012-10,10,EUR,,,a,\n"
                                    "BEL,KAZ,export,2010,1,EUR,,,a,\n"
                                    "BEL,KAZ,export,2012,3,EUR,,,a,\n"
                                    "BEL,KAZ,export,2011-01/2011-10,9,EUR,,,a,\n"
                                    "BEL,KAZ,export,2011,2,EUR,,,a,\n"
                                    "BEL,KAZ,export,2011,5,percent,,,a,\n"
                                    "BEL,KAZ,export,2011,7,EUR,,,a,27\n"
                                    "BEL,KAZ,export,2013,4,EUR,,projection,a,\n");
    trade_series_list *s;
    trade_error err;
    /* no options: three series (EUR total, percent, EUR product 27) */
    assert_int_equal(trade_series_build(t, 0, &s, &err), 0);
    assert_int_equal(trade_series_count(s), 3);
    size_t n;
    trade_series_rows(s, 0, &n);
    assert_int_equal(n, 6);
    trade_series_key key;
    assert_int_equal(trade_series_key_of(s, 2, &key), 0);
    assert_string_equal(key.product, "27");
    assert_string_equal(key.unit, "EUR");
    assert_int_equal(trade_series_key_of(s, 3, &key), TRADE_EARG);
    assert_string_equal(key.reporter, "");
    trade_series_list_free(s);

    assert_int_equal(trade_series_build(t,
                                        TRADE_SERIES_ONE_PER_PERIOD | TRADE_SERIES_BY_KIND |
                                            TRADE_SERIES_LEVELS | TRADE_SERIES_NO_PROJECTIONS,
                                        &s, &err),
                     0);
    assert_int_equal(trade_series_count(s), 3);
    const size_t *rows = trade_series_rows(s, 0, &n);
    assert_int_equal(n, 3);
    assert_string_equal(period_of(t, rows[0]), "2010");
    assert_string_equal(period_of(t, rows[1]), "2011");
    assert_string_equal(period_of(t, rows[2]), "2012");
    assert_int_equal(trade_series_key_of(s, 0, &key), 0);
    assert_int_equal(key.kind, TRADE_PERIOD_KIND_YEAR);
    assert_int_equal(key.months, 12);
    rows = trade_series_rows(s, 1, &n);
    assert_int_equal(n, 2);
    assert_string_equal(period_of(t, rows[0]), "2011-01/2011-10");
    assert_string_equal(period_of(t, rows[1]), "2012-01/2012-10");
    assert_int_equal(trade_series_key_of(s, 1, &key), 0);
    assert_int_equal(key.kind, TRADE_PERIOD_KIND_PARTIAL);
    assert_int_equal(key.months, 10);
    rows = trade_series_rows(s, 2, &n);
    assert_int_equal(n, 1);
    assert_string_equal(trade_table_obs(t, rows[0])->product, "27");
    trade_series_list_free(s);

    /* without NO_PROJECTIONS the 2013 projection is part of the years */
    assert_int_equal(trade_series_build(t, TRADE_SERIES_BY_KIND | TRADE_SERIES_LEVELS, &s, &err),
                     0);
    trade_series_rows(s, 0, &n);
    assert_int_equal(n, 4);
    trade_series_list_free(s);
    trade_table_free(t);
}

static int count_rows(void *ctx, size_t i, const size_t *rows, size_t n)
{
    (void)i;
    (void)rows;
    *(size_t *)ctx += n;
    return i == 1 ? 7 : 0; /* stop after the second series */
}

/* Rows whose measure is not a level are in no series: of the five rows,
 * rows 1 (change) and 3 (growth) are left out, so one series of rows 0, 2
 * and 4 (2010, 2011, 2012) remains, and the 2011 change cannot stand for
 * 2011 although it comes first; "level" and "" are levels. */
static void test_measure_not_level(void **state)
{
    (void)state;
    trade_table *t = test_table("reporter,partner,flow,period,value,unit,measure\n"
                                "BEL,KAZ,export,2010,100,USD,\n"
                                "BEL,KAZ,export,2011,10,USD,change\n"
                                "BEL,KAZ,export,2011,110,USD,level\n"
                                "BEL,KAZ,export,2012,5,percent,growth\n"
                                "BEL,KAZ,export,2012,121,USD,\n");
    assert_int_equal(trade_series_admits(t, 0), 1);
    assert_int_equal(trade_series_admits(t, 1), 0);
    assert_int_equal(trade_series_admits(t, 2), 1);
    assert_int_equal(trade_series_admits(t, 3), 0);
    assert_int_equal(trade_series_nonlevel_rows(t), 2);
    trade_series_list *sl;
    trade_error err;
    assert_int_equal(trade_series_build(t, TRADE_SERIES_ONE_PER_PERIOD, &sl, &err), 0);
    assert_int_equal(trade_series_count(sl), 1);
    size_t n;
    const size_t *rows = trade_series_rows(sl, 0, &n);
    assert_int_equal(n, 3);
    assert_int_equal(rows[0], 0);
    assert_int_equal(rows[1], 2);
    assert_int_equal(rows[2], 4);
    trade_series_list_free(sl);
    unsigned char chosen[5];
    assert_int_equal(trade_series_mark_chosen(t, chosen, &err), 0);
    assert_memory_equal(chosen, "\1\0\1\0\1", 5);
    trade_table_free(t);
}

static void test_each(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2010,1,EUR,,,a,\n"
                                    "BEL,KAZ,export,2011,1,EUR,,,a,\n"
                                    "BEL,UZB,export,2011,1,EUR,,,a,\n"
                                    "BEL,KGZ,export,2011,1,EUR,,,a,\n");
    trade_series_list *s;
    trade_error err;
    assert_int_equal(trade_series_build(t, 0, &s, &err), 0);
    size_t total = 0;
    /* KAZ (2 rows) then UZB (1 row), then the callback's 7 stops it */
    assert_int_equal(trade_series_each(s, count_rows, &total), 7);
    assert_int_equal(total, 3);
    trade_series_list_free(s);
    trade_series_list_free(NULL);
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_equal),
        cmocka_unit_test(test_period_kinds),
        cmocka_unit_test(test_units_and_aggregates),
        cmocka_unit_test(test_one_per_period_across_spellings),
        cmocka_unit_test(test_prefer),
        cmocka_unit_test(test_build_options),
        cmocka_unit_test(test_each),
        cmocka_unit_test(test_measure_not_level),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
