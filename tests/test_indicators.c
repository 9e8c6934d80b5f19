/* test_indicators.c - the WITS indicators and unit values on panels
 * derived by hand, and the deflate module. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/trade.h"

/* BEL->FRA 01 100, BEL->DEU 02 50, FRA->BEL 01 30, FRA->DEU 02 70,
 * DEU->BEL 02 20, DEU->FRA 01 80: X_BEL 150, X_FRA 100, X_DEU 100, X_w 350,
 * x_w01 210, x_w02 140. */
static const char BIL[] = "reporter,partner,flow,period,value,unit,product\n"
                          "BEL,FRA,export,2020,100,USD,01\nBEL,DEU,export,2020,50,USD,02\n"
                          "FRA,BEL,export,2020,30,USD,01\nFRA,DEU,export,2020,70,USD,02\n"
                          "DEU,BEL,export,2020,20,USD,02\nDEU,FRA,export,2020,80,USD,01\n";

typedef struct found {
    const char *reporter, *partner, *product;
    double value;
    int hits;
    char status[160];
} found;

static int find_row(void *ctx, const trade_indicator_row *r)
{
    found *f = ctx;
    if (!strcmp(r->reporter, f->reporter) && !strcmp(r->partner, f->partner) &&
        !strcmp(r->product, f->product)) {
        f->value = r->value;
        f->hits++;
        snprintf(f->status, sizeof f->status, "%s", r->status);
    }
    return 0;
}

static double indicator(const trade_panel *p, trade_indicator k, trade_world w, const char *rep,
                        const char *part, const char *prod)
{
    found f = {rep, part, prod, NAN, 0, ""};
    trade_error err;
    assert_int_equal(trade_indicator_run(p, k, w, find_row, &f, &err), 0);
    assert_int_equal(f.hits, 1);
    return f.value;
}

static void test_wits(void **state)
{
    (void)state;
    trade_table *t = trade_table_new();
    trade_panel *p = NULL;
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, BIL, sizeof BIL - 1, "bil.csv", NULL, &err), 0);
    assert_int_equal(trade_panel_build(t, NULL, &p, &err), 0);
    const trade_world W = TRADE_WORLD_PANEL;
    /* (100/150) / (210/350) = 10/9 */
    assert_near(indicator(p, TRADE_INDICATOR_RCA, W, "BEL", "", "01"), 10.0 / 9, 1e-15);
    /* (100/150) / ((100 + 80)/350) = 35/27 */
    assert_near(indicator(p, TRADE_INDICATOR_INTENSITY, W, "BEL", "FRA", ""), 35.0 / 27, 1e-15);
    /* DEU imports only 02: 100 (1 - (2/3 + 2/3) / 2) = 100/3 */
    assert_near(indicator(p, TRADE_INDICATOR_COMPLEMENTARITY, W, "BEL", "DEU", ""), 100.0 / 3,
                1e-12);
    /* min(2/3, 0.3) + min(1/3, 0.7) */
    assert_near(indicator(p, TRADE_INDICATOR_SIMILARITY, W, "BEL", "FRA", ""),
                100 * (0.3 + 1.0 / 3), 1e-12);
    /* 1 - |100 - 30| / 130 */
    assert_near(indicator(p, TRADE_INDICATOR_GRUBEL_LLOYD, W, "BEL", "", "01"), 6.0 / 13, 1e-15);
    assert_near(indicator(p, TRADE_INDICATOR_GRUBEL_LLOYD, W, "BEL", "", ""), 0.5, 1e-15);
    assert_near(indicator(p, TRADE_INDICATOR_NORMALIZED_BALANCE, W, "BEL", "", "02"), 3.0 / 7,
                1e-15);
    /* FRA exports 01 to BEL only; importers of 01 other than FRA: BEL: 100 */
    assert_near(indicator(p, TRADE_INDICATOR_PENETRATION, W, "FRA", "", "01"), 100, 1e-15);
    /* world from WLD rows, none here: empty with a status */
    assert_true(isnan(indicator(p, TRADE_INDICATOR_RCA, TRADE_WORLD_WLD, "BEL", "", "01")));
    trade_indicator k;
    assert_int_equal(trade_indicator_parse("grubel-lloyd", &k), 0);
    assert_int_equal(k, TRADE_INDICATOR_GRUBEL_LLOYD);
    assert_int_equal(trade_indicator_parse("gl", &k), TRADE_EARG);
    trade_panel_free(p);
    trade_table_free(t);
}

typedef struct uvs {
    double uv[8];
    char qual[8][16];
    char status[8][120];
    size_t n;
} uvs;

static int take_uv(void *ctx, const trade_unit_value_row *r)
{
    uvs *u = ctx;
    if (u->n == 8)
        return 1;
    u->uv[u->n] = r->unit_value;
    snprintf(u->qual[u->n], sizeof u->qual[0], "%s", r->qualifier);
    snprintf(u->status[u->n], sizeof u->status[0], "%s", r->status);
    u->n++;
    return 0;
}

static void test_unit_values(void **state)
{
    (void)state;
    /* BEL 01: 100 + 50 USD, 4 t + 2000 kg = 6 t -> 25 USD/t, exact;
     * DEU 01: 20 USD, 2 t lower_bound -> 10, an upper bound;
     * FRA 01: 0 t -> empty */
    static const char csv[] = "reporter,partner,flow,period,value,unit,product,qualifier\n"
                              "BEL,FRA,export,2020,100,USD,01,\nBEL,FRA,export,2020,4,t,01,\n"
                              "BEL,DEU,export,2020,50,USD,01,\nBEL,DEU,export,2020,2000,kg,01,\n"
                              "DEU,FRA,export,2020,20,USD,01,\n"
                              "DEU,FRA,export,2020,2,t,01,lower_bound\n"
                              "FRA,BEL,export,2020,30,USD,01,\nFRA,BEL,export,2020,0,t,01,\n";
    trade_table *t = trade_table_new();
    trade_error err;
    uvs u = {0};
    assert_int_equal(trade_table_read_buffer(t, csv, sizeof csv - 1, "uv.csv", NULL, &err), 0);
    assert_int_equal(trade_indicator_unit_values(t, 0, take_uv, &u, &err), 0);
    assert_int_equal(u.n, 3); /* BEL, DEU, FRA */
    assert_near(u.uv[0], 25, 1e-15);
    assert_string_equal(u.qual[0], "");
    assert_near(u.uv[1], 10, 1e-15);
    assert_string_equal(u.qual[1], "upper_bound");
    assert_true(isnan(u.uv[2]));
    assert_string_equal(u.status[2], "quantity is zero");
    trade_table_free(t);
}

static void test_deflate(void **state)
{
    (void)state;
    static const char csv[] = "period,currency,index\n2010,USD,90\n2011,USD,100\n2013,USD,110\n";
    static const char dup[] = "period,currency,index\n2010,USD,90\n2010,USD,91\n";
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_table *t = trade_table_new();
    trade_deflators *d = NULL;
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, sizeof csv - 1, "d.csv", &ro, &err), 0);
    assert_int_equal(trade_deflators_new(t, &d, &err), 0);
    trade_period p;
    trade_deflate_result r;
    assert_int_equal(trade_period_parse("2010-Q2", 7, &p, &err), 0);
    trade_deflate_factor(d, "USD", &p, 2011, &r);
    assert_near(r.factor, 100.0 / 90, 1e-15); /* the calendar year 2010 */
    assert_int_equal(trade_period_parse("2012", 4, &p, &err), 0);
    trade_deflate_factor(d, "USD", &p, 2011, &r);
    assert_true(isnan(r.factor));
    assert_string_equal(r.status, "no deflator for USD in 2012 (a gap in the table between 2011 "
                                  "and 2013)");
    assert_int_equal(trade_period_parse("2010/2011", 9, &p, &err), 0);
    trade_deflate_factor(d, "USD", &p, 2011, &r);
    assert_true(isnan(r.factor));
    trade_deflate_factor(d, "EUR", &p, 2011, &r);
    assert_string_equal(r.status, "base year: no deflator for EUR at all");
    trade_deflators_free(d);
    trade_table_free(t);
    t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, dup, sizeof dup - 1, "dup.csv", &ro, &err), 0);
    assert_int_equal(trade_deflators_new(t, &d, &err), TRADE_EDATA);
    assert_null(d);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.file, "dup.csv");
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wits),
        cmocka_unit_test(test_unit_values),
        cmocka_unit_test(test_deflate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
