/* test_compare.c - the compare module through its API: the columns each
 * mode names, rows and numbers through the callback, and the statuses of
 * fixes 1, 5 and 15 of issue 12. Expected figures by hand in comments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/compare.h"

#define HDR "reporter,partner,flow,period,value,unit\n"

typedef struct got {
    size_t n;
    double num[8][16];
    char status[8][160];
    char before_status[8][40]; /* the cell before status (balance, hhi, mirror: qualifier) */
    size_t row[8];
} got;

static int keep(void *ctx, const trade_compare_row *r)
{
    got *g = ctx;
    if (g->n < 8) {
        for (size_t i = 0; i < r->ncells && i < 16; i++)
            g->num[g->n][i] = r->numbers[i];
        snprintf(g->status[g->n], sizeof g->status[0], "%s", r->status);
        snprintf(g->before_status[g->n], sizeof g->before_status[0], "%s", r->cells[r->ncells - 2]);
        g->row[g->n] = r->row;
    }
    g->n++;
    return 0;
}

static void test_modes_and_columns(void **state)
{
    (void)state;
    trade_compare_mode m;
    assert_int_equal(trade_compare_mode_parse("coverage", &m), 0);
    assert_int_equal(m, TRADE_COMPARE_BALANCE);
    assert_int_equal(trade_compare_mode_parse("hhi", &m), 0);
    assert_int_equal(m, TRADE_COMPARE_HHI);
    assert_int_equal(trade_compare_mode_parse("median", &m), TRADE_EARG);
    /* share on an input that already has share_pct and status: replaced */
    trade_table *t = test_table("reporter,partner,flow,period,value,unit,status,share_pct\n"
                                "BEL,KAZ,export,2011,3,EUR,old,9\n");
    const char *names[32];
    unsigned char numeric[32];
    size_t n;
    trade_error err;
    assert_int_equal(trade_compare_columns(t, TRADE_COMPARE_SHARE, NULL, names, numeric, &n, &err),
                     0);
    assert_int_equal(n, 8);
    assert_string_equal(names[6], "share_pct");
    assert_int_equal(numeric[6], 1);
    assert_string_equal(names[7], "status");
    assert_int_equal(numeric[7], 0);
    /* hhi: the default group columns present (no product here), then its own */
    assert_int_equal(trade_compare_columns(t, TRADE_COMPARE_HHI, NULL, names, numeric, &n, &err),
                     0);
    assert_int_equal(n, 9);
    assert_string_equal(names[3], "unit");
    assert_string_equal(names[4], "n");
    assert_string_equal(names[7], "qualifier");
    assert_int_equal(numeric[7], 0);
    trade_compare_options o = {0};
    o.group = "reporter,nope";
    assert_int_equal(trade_compare_columns(t, TRADE_COMPARE_HHI, &o, names, numeric, &n, &err),
                     TRADE_EARG);
    assert_non_null(strstr(err.message, "no column 'nope' in the input (columns: reporter"));
    trade_table_free(t);
}

static void test_index_kinds(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "ITA,KAZ,export,2011,1500,EUR\n"
                                    "ITA,KAZ,export,2011-01,110,EUR\n"
                                    "ITA,KAZ,export,2012,1620,EUR\n");
    trade_compare_options o = {0};
    o.base = "2011";
    got g = {0};
    trade_error err;
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_INDEX, &o, keep, &g, &err), 0);
    assert_int_equal(g.n, 3);
    /* index is column 6: 100, empty (a month on a year), 1620 / 15 = 108 */
    assert_near(g.num[0][6], 100, 0);
    assert_true(isnan(g.num[1][6]));
    assert_string_equal(g.status[1],
                        "period of another kind than the base (month, not year): no index");
    assert_near(g.num[2][6], 108, 1e-12);
    assert_int_equal(g.row[2], 2);
    o.base = NULL;
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_INDEX, &o, keep, &g, &err), TRADE_EARG);
    trade_table_free(t);
}

static void test_share_members(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2011,30,EUR\n"
                                    "BEL,UZB,export,2011,10,EUR\n"
                                    "BEL,WLD,export,2011,50,EUR\n");
    got g = {0};
    trade_error err;
    /* WLD is no member: 30 / 40 = 75 %, 25 % */
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_SHARE, NULL, keep, &g, &err), 0);
    assert_near(g.num[0][6], 75, 1e-12);
    assert_near(g.num[1][6], 25, 1e-12);
    assert_true(isnan(g.num[2][6]));
    /* --of WLD in HHI: (30/50)^2 + (10/50)^2 = 0.36 + 0.04 = 0.4 */
    trade_compare_options o = {0};
    o.of = "WLD";
    memset(&g, 0, sizeof g);
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_HHI, &o, keep, &g, &err), 0);
    assert_int_equal(g.n, 1);
    assert_near(g.num[0][4], 2, 0);
    assert_near(g.num[0][5], 0.4, 1e-15);
    assert_true(isnan(g.num[0][6]));
    assert_true(g.status[0][0] != '\0');
    trade_table_free(t);
}

static void test_mirror_units(void **state)
{
    (void)state;
    trade_table *t = test_table(HDR "BEL,KAZ,export,2011,100,EUR\n"
                                    "KAZ,BEL,import,2011,130,USD\n"
                                    "BEL,UZB,export,2011,40,EUR\n"
                                    "UZB,BEL,import,2011,50,EUR\n");
    got g = {0};
    trade_error err;
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_MIRROR, NULL, keep, &g, &err), 0);
    assert_int_equal(g.n, 3);
    /* sorted by exporter, partner, unit: BEL-KAZ EUR, BEL-KAZ USD, BEL-UZB */
    assert_string_equal(g.status[0],
                        "different units: exports in EUR, the partner's imports in USD");
    assert_string_equal(g.status[1],
                        "different units: imports in USD, the exporter's exports in EUR");
    /* gap 50 - 40 = 10, 25 % */
    assert_near(g.num[2][7], 10, 0);
    assert_near(g.num[2][8], 25, 1e-12);
    assert_int_equal(g.row[2], (size_t)-1);
    trade_table_free(t);
}

static void test_qualifier(void **state)
{
    (void)state;
    /* fix 9: a balance of an estimated export and an exact import is an
     * estimate; of two exact figures, exact */
    trade_table *t = test_table("reporter,partner,flow,period,value,unit,qualifier\n"
                                "BEL,KAZ,export,2011,100,EUR,estimate\n"
                                "BEL,KAZ,import,2011,30,EUR,\n"
                                "BEL,UZB,export,2011,40,EUR,\n"
                                "BEL,UZB,import,2011,10,EUR,\n");
    got g = {0};
    trade_error err;
    assert_int_equal(trade_compare_run(t, TRADE_COMPARE_BALANCE, NULL, keep, &g, &err), 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.before_status[0], "estimate");
    assert_near(g.num[0][7], 70, 0); /* balance 100 - 30 */
    assert_string_equal(g.before_status[1], "");
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_modes_and_columns), cmocka_unit_test(test_index_kinds),
        cmocka_unit_test(test_share_members),     cmocka_unit_test(test_mirror_units),
        cmocka_unit_test(test_qualifier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
