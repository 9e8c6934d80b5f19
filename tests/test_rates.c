/* test_rates.c - rate tables: lookup (exact period, inverse, calendar
 * year), every located refusal of fix 8 (conflicting rates, inconsistent
 * inverse pairs, unknown currencies, a currency to itself) and the
 * conversion of a table (issue 17: never a precision of 0). Positions are
 * counted by hand in the inputs (columns are bytes from the line start). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/rates.h"

static trade_table *generic(const char *csv)
{
    trade_table *t = trade_table_new();
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    if (trade_table_read_buffer(t, csv, strlen(csv), "rates.csv", &ro, &err))
        fail_msg("rejected: %s", err.message);
    return t;
}

static void test_find(void **state)
{
    (void)state;
    trade_table *t = generic("period,from,to,rate\n"
                             "2011,EUR,USD,1.25\n"
                             "2010,USD,EUR,0.8\n"
                             "2012-Q1,EUR,USD,1.3\n"
                             "2012,EUR,USD,1.5\n"
                             "2011,EUR,USD,1.25\n"); /* stated twice, the same: fine */
    trade_error err;
    trade_rates *r;
    assert_int_equal(trade_rates_new(t, &r, &err), 0);
    trade_period p, used;
    double rate;
    trade_period_parse("2011", 4, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), 0);
    assert_near(rate, 1.25, 0);
    /* inverse pair: USD -> EUR 0.8 gives EUR -> USD 1 / 0.8 = 1.25 */
    trade_period_parse("2010", 4, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), 0);
    assert_near(rate, 1.25, 1e-15);
    /* the exact period first (2012-Q1: 1.3), then the calendar year */
    trade_period_parse("2012-Q1", 7, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), 0);
    assert_near(rate, 1.3, 0);
    trade_period_parse("2012-01/2012-10", 15, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), 0);
    assert_near(rate, 1.5, 0);
    char buf[TRADE_PERIOD_BUFSIZE];
    trade_period_format(&used, buf, sizeof buf);
    assert_string_equal(buf, "2012");
    trade_period_parse("2009", 4, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), TRADE_ENOTFOUND);
    assert_string_equal(err.message, "no EUR to USD rate for period 2009");
    trade_period_parse("2011/2012", 9, &p, &err);
    assert_int_equal(trade_rates_find(r, "EUR", "USD", &p, &rate, &used, &err), TRADE_ENOTFOUND);
    trade_rates_free(r);
    trade_rates_free(NULL);
    trade_table_free(t);
}

/* Building rates from csv must fail at line:column with message msg. */
static void refused(const char *csv, unsigned long line, unsigned long column, const char *msg)
{
    trade_table *t = generic(csv);
    trade_error err;
    trade_rates *r = (trade_rates *)1;
    assert_int_equal(trade_rates_new(t, &r, &err), TRADE_EDATA);
    assert_null(r);
    assert_string_equal(err.file, "rates.csv");
    if (err.line != line || err.column != column || strcmp(err.message, msg))
        fail_msg("got %lu:%lu: %s\nwant %lu:%lu: %s", err.line, err.column, err.message, line,
                 column, msg);
    trade_table_free(t);
}

static void test_refused(void **state)
{
    (void)state;
    /* conflicting: the later row, line 3, its rate at column 14; in either
     * order of the rows the later one is named */
    refused("period,from,to,rate\n2011,EUR,USD,1.30\n2011,EUR,USD,1.40\n", 3, 14,
            "rate table: conflicting rates for EUR to USD in 2011: 1.40 here, 1.30 at line 2");
    refused("period,from,to,rate\n2011,EUR,USD,1.40\n2011,EUR,USD,1.30\n", 3, 14,
            "rate table: conflicting rates for EUR to USD in 2011: 1.30 here, 1.40 at line 2");
    /* inverse: 1 / 1.25 = 0.8; 0.7 (0.65 to 0.75) is far from it */
    refused("period,from,to,rate\n2011,EUR,USD,1.25\n2011,USD,EUR,0.7\n", 3, 14,
            "rate table: inconsistent inverse rates for 2011: USD to EUR 0.7 here, but line 2 "
            "states EUR to USD 1.25 (its inverse is 0.8)");
    /* unknown currencies: from at column 6, to at column 10 */
    refused("period,from,to,rate\n2011,XYZ,USD,1.25\n", 2, 6,
            "rate table: unknown currency 'XYZ' (an ISO 4217 code such as EUR)");
    refused("period,from,to,rate\n2011,EUR,euro,1.25\n", 2, 10,
            "rate table: unknown currency 'euro' (an ISO 4217 code such as EUR)");
    refused("period,from,to,rate\n2011,EUR,EUR,1\n", 2, 10,
            "rate table: a rate from EUR to itself (leave it out: no conversion is needed)");
    refused("period,from,to,rate\n2011,EUR,USD,1.25\n2012,EUR,USD,-1\n", 3, 14,
            "rate table: rate: '-1' is not a positive plain number");
    trade_table *t = generic("period,from,to,value\n2011,EUR,USD,1.25\n");
    trade_rates *r;
    trade_error err;
    assert_int_equal(trade_rates_new(t, &r, &err), TRADE_EDATA);
    assert_non_null(strstr(err.message, "'rate'"));
    trade_table_free(t);
}

static void test_inverse_within_rounding(void **state)
{
    (void)state;
    /* 1 / 1.3 = 0.76923...: written 0.77 (0.765 to 0.775) it is the inverse
     * rounded; and 1.3 (1.25 to 1.35) contains 1 / 0.77 = 1.2987 */
    trade_table *t = generic("period,from,to,rate\n2011,EUR,USD,1.3\n2011,USD,EUR,0.77\n");
    trade_rates *r;
    trade_error err;
    assert_int_equal(trade_rates_new(t, &r, &err), 0);
    trade_rates_free(r);
    trade_table_free(t);
}

static void test_convert(void **state)
{
    (void)state;
    trade_table *rt = generic("period,from,to,rate\n2011,EUR,USD,1.25\n");
    trade_rates *r;
    trade_error err;
    assert_int_equal(trade_rates_new(rt, &r, &err), 0);
    static const char obs[] = "reporter,partner,flow,period,value,unit,precision\n"
                              "BEL,KAZ,export,2011,100,EUR,10\n"
                              "BEL,KAZ,export,2011,7,t,\n"
                              "BEL,KAZ,import,2011,3,USD,\n";
    trade_table *t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, obs, sizeof obs - 1, "obs.csv", NULL, &err), 0);
    trade_conversion c[3];
    assert_int_equal(trade_rates_convert(r, t, "USD", c, &err), 0);
    /* 100 EUR * 1.25 = 125 USD, precision 10 * 1.25 = 12.5 */
    assert_int_equal(c[0].converted, 1);
    assert_near(c[0].value, 125, 0);
    assert_near(c[0].precision, 12.5, 0);
    assert_near(c[0].rate, 1.25, 0);
    assert_int_equal(c[1].converted, 0);
    assert_int_equal(c[2].converted, 0);
    assert_int_equal(trade_rates_convert(r, t, "euro", c, &err), TRADE_EARG);
    trade_table_free(t);
    trade_rates_free(r);
    trade_table_free(rt);

    /* precision 1e-200 * rate 1e-200 is 0 in doubles: refused at the
     * precision cell (line 2, column 27) rather than written as 0 */
    char rates[400], row[800];
    snprintf(rates, sizeof rates, "period,from,to,rate\n2011,EUR,USD,0.%0199d1\n", 0);
    rt = generic(rates);
    assert_int_equal(trade_rates_new(rt, &r, &err), 0);
    snprintf(
        row, sizeof row,
        "reporter,partner,flow,period,value,unit,precision\nBEL,KAZ,export,2011,1,EUR,0.%0199d1\n",
        0);
    t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, row, strlen(row), "obs.csv", NULL, &err), 0);
    assert_int_equal(trade_rates_convert(r, t, "USD", c, &err), TRADE_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 27);
    assert_non_null(strstr(err.message, "precision underflows"));
    trade_table_free(t);
    trade_rates_free(r);
    trade_table_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_inverse_within_rounding),
        cmocka_unit_test(test_convert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
