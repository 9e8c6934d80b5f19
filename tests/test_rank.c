/* test_rank.c - group keys (group.h) and ranks (rank.h): the default group
 * with product, periods equal across spellings, absent columns, aggregates,
 * duplicates, unit rank ascending and tie methods. Ranks worked out by hand
 * in the comments. */
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

#define HDR "reporter,partner,flow,period,value,unit,qualifier,source,product\n"

/* rows 0 and 1: 2012 and 2012-01/2012-12, one period: one group; row 2 is
 * ten months: another; row 3 has a product: another; row 4 is an import. */
static void test_groups(void **state)
{
    (void)state;
    trade_table *t = test_table_opt(HDR "BEL,KAZ,export,2012,1,EUR,,a,\n"
                                        "BEL,UZB,export,2012-01/2012-12,2,EUR,,a,\n"
                                        "BEL,KGZ,export,2012-01/2012-10,3,EUR,,a,\n"
                                        "BEL,KAZ,export,2012,4,EUR,,a,27\n"
                                        "BEL,KAZ,import,2012,5,EUR,,a,\n",
                                    0);
    trade_group_index *g;
    trade_error err;
    assert_string_equal(trade_group_default_columns(), "reporter,flow,period,unit,product");
    assert_int_equal(trade_group_index_new(t, NULL, &g, &err), 0);
    assert_int_equal(trade_group_count(g), 4);
    assert_int_equal(trade_group_of(g, 0), 0);
    assert_int_equal(trade_group_of(g, 1), 0);
    assert_int_equal(trade_group_of(g, 2), 2);
    assert_int_equal(trade_group_of(g, 3), 3);
    assert_int_equal(trade_group_of(g, 4), 4);
    trade_group_index_free(g);
    assert_int_equal(trade_group_index_new(t, "flow", &g, &err), 0);
    assert_int_equal(trade_group_count(g), 2);
    trade_group_index_free(g);
    assert_int_equal(trade_group_index_new(t, "flow,nope", &g, &err), TRADE_EARG);
    assert_null(g);
    assert_non_null(strstr(err.message, "no column 'nope' in the input (columns: reporter, partner"));
    trade_group_index_free(NULL);
    trade_table_free(t);

    /* a generic table without product: product reads as "", period is text */
    t = test_table_opt(
        "reporter,flow,period,unit,x\nBEL,export,2012,EUR,1\nBEL,export,2012,EUR,2\n", 1);
    assert_int_equal(trade_group_index_new(t, NULL, &g, &err), 0);
    assert_int_equal(trade_group_count(g), 1);
    trade_group_index_free(g);
    trade_table_free(t);
}

static void ranks_of(const trade_table *t, const trade_rank_options *o, double *r)
{
    trade_error err;
    if (trade_rank_table(t, o, r, &err))
        fail_msg("rank: %s", err.message);
}

/* BEL exports 2011: WLD 1000 (aggregate: unranked), KAZ 118 approx and 119
 * exact (one period: the exact one stands, the approx is unranked), UZB 50,
 * TKM 50, KGZ 10. Descending, min ties: KAZ 1, UZB 2, TKM 2, KGZ 4. Max:
 * UZB and TKM 3; dense: KGZ 3; average: 2.5; first: UZB 2, TKM 3.
 * --keep-aggregates: WLD 1, KAZ 2, UZB 3, TKM 3, KGZ 5 (min). */
static void test_rank(void **state)
{
    (void)state;
    trade_table *t = test_table_opt(HDR "BEL,WLD,export,2011,1000,EUR,,a,\n"
                                        "BEL,KAZ,export,2011,118,EUR,approx,text,\n"
                                        "BEL,KAZ,export,2011,119,EUR,,table,\n"
                                        "BEL,UZB,export,2011,50,EUR,,a,\n"
                                        "BEL,TKM,export,2011,50,EUR,,a,\n"
                                        "BEL,KGZ,export,2011,10,EUR,,a,\n",
                                    0);
    double r[6];
    trade_rank_options o = {0};
    ranks_of(t, &o, r);
    assert_true(isnan(r[0]));
    assert_true(isnan(r[1]));
    double want_min[] = {1, 2, 2, 4}, want_max[] = {1, 3, 3, 4}, want_dense[] = {1, 2, 2, 3},
           want_avg[] = {1, 2.5, 2.5, 4}, want_first[] = {1, 2, 3, 4};
    const double *want[] = {want_min, want_max, want_dense, want_avg, want_first};
    trade_ties ties[] = {TRADE_TIES_MIN, TRADE_TIES_MAX, TRADE_TIES_DENSE, TRADE_TIES_AVERAGE,
                         TRADE_TIES_FIRST};
    for (size_t m = 0; m < 5; m++) {
        o.ties = ties[m];
        ranks_of(t, &o, r);
        for (size_t i = 0; i < 4; i++)
            if (r[2 + i] != want[m][i])
                fail_msg("ties %zu row %zu: %g, want %g", m, 2 + i, r[2 + i], want[m][i]);
    }
    o.ties = TRADE_TIES_MIN;
    o.keep_aggregates = 1;
    ranks_of(t, &o, r);
    assert_true(r[0] == 1 && r[2] == 2 && r[3] == 3 && r[4] == 3 && r[5] == 5);
    /* ascending: KGZ 1, UZB 2, TKM 2, KAZ 4 (aggregates left out again) */
    o.keep_aggregates = 0;
    o.ascending = 1;
    ranks_of(t, &o, r);
    assert_true(r[5] == 1 && r[3] == 2 && r[4] == 2 && r[2] == 4);
    /* an absent --by column */
    trade_error err;
    o.by = "nope";
    assert_int_equal(trade_rank_table(t, &o, r, &err), TRADE_EARG);
    assert_non_null(strstr(err.message, "no column 'nope'"));
    trade_table_free(t);
}

/* Rows in unit rank: KAZ 81, UZB 120, TJK 187: rank 1 is the smallest. */
static void test_unit_rank_ascending(void **state)
{
    (void)state;
    trade_table *t = test_table_opt(HDR "BEL,KAZ,export,2011,81,rank,,a,\n"
                                        "BEL,UZB,export,2011,120,rank,,a,\n"
                                        "BEL,TJK,export,2011,187,rank,,a,\n",
                                    0);
    double r[3];
    ranks_of(t, NULL, r);
    assert_true(r[0] == 1 && r[1] == 2 && r[2] == 3);
    size_t n;
    assert_string_equal(trade_rank_columns(&n)[0].name, "rank");
    assert_int_equal(n, 1);
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_unit_rank_ascending),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
