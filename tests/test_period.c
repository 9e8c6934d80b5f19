/* test_period.c - every period form, its errors, and the arithmetic on
 * periods. Expected months are counted by hand: month index = year*12 + m-1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/period.h"

static trade_period parse_ok(const char *s)
{
    trade_period p;
    trade_error err;
    int rc = trade_period_parse(s, strlen(s), &p, &err);
    if (rc)
        fail_msg("'%s' rejected: %s", s, err.message);
    return p;
}

static void parse_bad(const char *s, unsigned long column, const char *fragment)
{
    trade_period p;
    trade_error err;
    assert_int_equal(trade_period_parse(s, strlen(s), &p, &err), TRADE_EDATA);
    assert_int_equal(err.column, column);
    if (!strstr(err.message, fragment))
        fail_msg("'%s': message '%s' lacks '%s'", s, err.message, fragment);
}

static void test_forms(void **state)
{
    (void)state;
    trade_period p = parse_ok("2011");
    assert_int_equal(p.first_month, 2011 * 12);
    assert_int_equal(p.last_month, 2011 * 12 + 11);
    assert_int_equal(trade_period_months(&p), 12);
    assert_int_equal(p.start_unit, TRADE_PERIOD_YEAR);
    assert_false(p.interval);

    p = parse_ok("2012-03");
    assert_int_equal(p.first_month, 2012 * 12 + 2);
    assert_int_equal(trade_period_months(&p), 1);

    p = parse_ok("2012-Q2"); /* April to June */
    assert_int_equal(p.first_month, 2012 * 12 + 3);
    assert_int_equal(p.last_month, 2012 * 12 + 5);
    assert_int_equal(p.start_unit, TRADE_PERIOD_QUARTER);

    p = parse_ok("2012-01/2012-10"); /* the first ten months of 2012 */
    assert_int_equal(trade_period_months(&p), 10);
    assert_true(p.interval);

    p = parse_ok("2010/2012"); /* three whole years */
    assert_int_equal(trade_period_months(&p), 36);

    p = parse_ok("2012-Q1/2012-Q3");
    assert_int_equal(p.last_month, 2012 * 12 + 8);
    assert_int_equal(trade_period_months(&p), 9);

    p = parse_ok("0001");
    assert_int_equal(p.first_month, 12);
    p = parse_ok("9999-12");
    assert_int_equal(p.last_month, 9999 * 12 + 11);
}

static void test_errors(void **state)
{
    (void)state;
    parse_bad("2012-13", 6, "month");
    parse_bad("2012-00", 6, "month");
    parse_bad("2012-Q5", 7, "quarter");
    parse_bad("2012-Q0", 7, "quarter");
    parse_bad("0000", 1, "year 0");
    parse_bad("2012-02/2011-01", 9, "end after");
    parse_bad("2012/2012", 6, "end after");
    parse_bad("12", 1, "YYYY");
    parse_bad("20123", 1, "YYYY");
    parse_bad("2012-1", 5, "YYYY");
    parse_bad("2012/", 6, "YYYY");
    parse_bad("/2012", 1, "YYYY");
    parse_bad(" 2012", 1, "YYYY");
    parse_bad("2012-01-05", 5, "YYYY");
    parse_bad("2012/2013/2014", 6, "YYYY");
    parse_bad("", 1, "empty");
}

static void roundtrip(const char *s)
{
    trade_period p = parse_ok(s);
    char buf[TRADE_PERIOD_BUFSIZE];
    assert_int_equal(trade_period_format(&p, buf, sizeof buf), strlen(s));
    assert_string_equal(buf, s);
}

static void test_format(void **state)
{
    (void)state;
    roundtrip("2011");
    roundtrip("0042");
    roundtrip("2012-10");
    roundtrip("2012-Q4");
    roundtrip("2012-01/2012-10");
    roundtrip("2010/2012");
    roundtrip("2012-Q1/2013-Q2");
    roundtrip("2011/2012-06");
    char small[4];
    trade_period p = parse_ok("2011");
    assert_int_equal(trade_period_format(&p, small, sizeof small), 0);
    assert_string_equal(small, "");
}

static void test_arithmetic(void **state)
{
    (void)state;
    trade_period y2002 = parse_ok("2002"), y2011 = parse_ok("2011"), q2 = parse_ok("2012-Q2");
    trade_period part = parse_ok("2012-01/2012-10"), y2012 = parse_ok("2012");
    /* 2002 -> 2011 is nine years */
    assert_near(trade_period_years_between(&y2002, &y2011), 9.0, 1e-12);
    /* 2012-Q2 starts in April: 2012 + 3/12 */
    assert_near(trade_period_start_years(&q2), 2012.25, 1e-12);
    /* the middle of 2011 */
    assert_near(trade_period_mid_years(&y2011), 2011.5, 1e-12);
    /* ten months from January: middle at 2012 + 5/12 */
    assert_near(trade_period_mid_years(&part), 2012 + 5.0 / 12, 1e-12);
    assert_true(trade_period_same_kind(&y2002, &y2011));
    assert_false(trade_period_same_kind(&part, &y2012));
    assert_false(trade_period_same_kind(&q2, &y2012));
    trade_period full = parse_ok("2012-01/2012-12");
    /* the same months whatever the spelling (issue 12: one rule for "same period") */
    assert_true(trade_period_same_kind(&full, &y2012));
    assert_true(trade_period_equal(&full, &y2012));
    assert_true(trade_period_compare(&y2011, &y2012) < 0);
    assert_true(trade_period_compare(&part, &y2012) < 0); /* same start, ends earlier */
    assert_int_equal(trade_period_compare(&y2012, &y2012), 0);
}

/* trade_period_order: the months first (2011 before 2012), then the
 * spelling: 2012 and 2012-01/2012-12 cover the same months but are two
 * keys, in one order whichever is asked first; equal spellings are equal. */
static trade_period per(const char *s)
{
    trade_period p;
    trade_error err;
    if (trade_period_parse(s, strlen(s), &p, &err))
        fail_msg("%s: %s", s, err.message);
    return p;
}

static void test_order(void **state)
{
    (void)state;
    trade_period y11 = per("2011"), y12 = per("2012"), iv = per("2012-01/2012-12");
    trade_period q = per("2012-Q1/2012-Q4"), y12b = per("2012");
    assert_true(trade_period_order(&y11, &y12) < 0);
    assert_true(trade_period_order(&y12, &y11) > 0);
    assert_int_equal(trade_period_order(&y12, &y12b), 0);
    assert_int_equal(trade_period_compare(&y12, &iv), 0); /* same months */
    int a = trade_period_order(&y12, &iv), b = trade_period_order(&iv, &y12);
    assert_true(a != 0 && (a < 0) == (b > 0));
    int c = trade_period_order(&iv, &q), d = trade_period_order(&q, &iv);
    assert_true(c != 0 && (c < 0) == (d > 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_arithmetic),
        cmocka_unit_test(test_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
