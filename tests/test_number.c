/* test_number.c - the strict plain-decimal parser and the shortest exact
 * formatter. Expected texts are written by hand; round trips are checked
 * against strtod, an independent implementation. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "trade/error.h"
#include "trade/number.h"

static void ok(const char *s, double want)
{
    double v = -1;
    assert_int_equal(trade_number_parse(s, strlen(s), &v), TRADE_OK);
    assert_true(v == want);
}

static void bad(const char *s)
{
    double v;
    if (trade_number_parse(s, strlen(s), &v) != TRADE_EDATA)
        fail_msg("'%s' accepted", s);
}

static void test_parse(void **state)
{
    (void)state;
    ok("118000000", 118000000.0);
    ok("-1700000", -1700000.0);
    ok("40.15", 40.15);
    ok("0.5", 0.5);
    ok("007", 7.0);
    ok("-0", 0.0);
    ok("119091910", 119091910.0);
    bad("1e999");
    bad("1e5");
    bad("nan");
    bad("inf");
    bad("-inf");
    bad("0x10");
    bad("1,234");
    bad(" 12");
    bad("12 ");
    bad("+12");
    bad("");
    bad("-");
    bad(".5");
    bad("5.");
    bad("1.2.3");
    bad("12a");
    /* 400 nines: larger than DBL_MAX, so not finite */
    char big[401];
    memset(big, '9', 400);
    big[400] = '\0';
    bad(big);
}

/* No length cap: "12.5" followed by 600 zeros is 12.5 exactly, 700 zeros and a
 * 1 after "0." is below the smallest subnormal (1e-701 rounds to 0), and
 * 500 ones is 1.11...e499, beyond DBL_MAX. */
static void test_parse_long(void **state)
{
    (void)state;
    char text[800];
    double v = -1;
    memcpy(text, "12.5", 4);
    memset(text + 4, '0', 600);
    assert_int_equal(trade_number_parse(text, 604, &v), 0);
    assert_true(v == 12.5);
    memcpy(text, "0.", 2);
    memset(text + 2, '0', 700);
    text[702] = '1';
    assert_int_equal(trade_number_parse(text, 703, &v), 0);
    assert_true(v == 0 && !signbit(v));
    memset(text, '1', 500);
    assert_int_equal(trade_number_parse(text, 500, &v), TRADE_EDATA);
}

static void fmt(double v, const char *want)
{
    char buf[TRADE_NUMBER_BUFSIZE];
    size_t n = trade_number_format(v, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_format(void **state)
{
    (void)state;
    fmt(118000000, "118000000");
    fmt(40.15, "40.15");
    fmt(-1700000, "-1700000");
    fmt(0.1, "0.1");
    fmt(-0.0, "0");
    fmt(1e21, "1000000000000000000000");
    fmt(1.5e-7, "0.00000015");
    /* the shortest text that reads back the same, as python3's repr() gives it:
       16 digits where 16 do, 17 only where needed */
    fmt(1.0 / 3, "0.3333333333333333");          /* repr(1.0/3) */
    fmt(100.0 / 1.4015, "71.35212272565109");    /* repr(100.0/1.4015) */
    fmt(0.1 + 0.2, "0.30000000000000004");       /* repr(0.1+0.2): 17 needed */
    fmt(100 * (119091910 / 100000000.0 - 1), "19.09190999999999");
    char buf[TRADE_NUMBER_BUFSIZE];
    assert_int_equal(trade_number_format(1.0 / 0.0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(trade_number_format(0.0 / 0.0, buf, sizeof buf), 0);
    char small[4];
    assert_int_equal(trade_number_format(123456.0, small, sizeof small), 0);
}

/* Random doubles over many magnitudes: format, then both our parser and
 * strtod must give back the same double. */
static void test_roundtrip(void **state)
{
    (void)state;
    srand(12345);
    char buf[TRADE_NUMBER_BUFSIZE];
    for (int i = 0; i < 200000; i++) {
        double m = (double)rand() / RAND_MAX;
        int e = rand() % 40 - 20;
        double v = m;
        for (int k = 0; k < (e < 0 ? -e : e); k++)
            v = e < 0 ? v / 10 : v * 10;
        if (rand() & 1)
            v = -v;
        size_t n = trade_number_format(v, buf, sizeof buf);
        assert_true(n > 0);
        assert_null(strchr(buf, 'e'));
        double back;
        assert_int_equal(trade_number_parse(buf, n, &back), TRADE_OK);
        assert_true(back == v || (v == 0 && back == 0));
        assert_true(strtod(buf, NULL) == v || v == 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_long),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
