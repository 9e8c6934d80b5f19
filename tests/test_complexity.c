/* test_complexity.c - panels and the complexity module on a panel small
 * enough to derive by hand (the peers' published results and random panels
 * against numpy are in tests/cli/complexity.sh and indicators_random.sh). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/trade.h"

/* Exports (partner WLD), column totals p 19, q 23, r 18, total 60:
 *        p  q  r
 *   AUT  8  1  1     rca: 48/19 .26 .33   -> M: p
 *   BEL  1  8  1          .32 2.09 .33   -> q
 *   CHE  1  1  8          .32 .26 8/3    -> r
 *   DEU  4  4  2          1.26 1.04 .67  -> p q
 *   ESP  4  1  5          1.26 .26 5/3   -> p r
 *   FIN  1  8  1          as BEL         -> q
 * d = 1 1 1 2 2 1, u = p 3, q 3, r 2; C = M'M: pq 1, pr 1, qr 0. */
static const char PANEL[] = "reporter,partner,flow,period,value,unit,product\n"
                            "AUT,WLD,export,2020,8,USD,p\nAUT,WLD,export,2020,1,USD,q\n"
                            "AUT,WLD,export,2020,1,USD,r\nBEL,WLD,export,2020,1,USD,p\n"
                            "BEL,WLD,export,2020,8,USD,q\nBEL,WLD,export,2020,1,USD,r\n"
                            "CHE,WLD,export,2020,1,USD,p\nCHE,WLD,export,2020,1,USD,q\n"
                            "CHE,WLD,export,2020,8,USD,r\nDEU,WLD,export,2020,4,USD,p\n"
                            "DEU,WLD,export,2020,4,USD,q\nDEU,WLD,export,2020,2,USD,r\n"
                            "ESP,WLD,export,2020,4,USD,p\nESP,WLD,export,2020,1,USD,q\n"
                            "ESP,WLD,export,2020,5,USD,r\nFIN,WLD,export,2020,1,USD,p\n"
                            "FIN,WLD,export,2020,8,USD,q\nFIN,WLD,export,2020,1,USD,r\n";

typedef struct rows {
    trade_complexity_row r[32];
    char status[32][200];
    size_t n;
} rows;

static int collect(void *ctx, const trade_complexity_row *r)
{
    rows *rs = ctx;
    if (rs->n == 32)
        return 9;
    rs->r[rs->n] = *r;
    snprintf(rs->status[rs->n], sizeof rs->status[0], "%s", r->status);
    rs->n++;
    return 0;
}

static trade_panel *panel_of(trade_table **t, const char *csv, size_t len)
{
    trade_error err;
    trade_panel *p = NULL;
    *t = trade_table_new();
    assert_non_null(*t);
    assert_int_equal(trade_table_read_buffer(*t, csv, len, "panel.csv", NULL, &err), 0);
    assert_int_equal(trade_panel_build(*t, NULL, &p, &err), 0);
    return p;
}

static const trade_complexity_row *at(const rows *rs, const char *c, const char *p)
{
    for (size_t i = 0; i < rs->n; i++)
        if (!strcmp(rs->r[i].reporter, c) && !strcmp(rs->r[i].product, p))
            return &rs->r[i];
    fail_msg("no row %s %s", c, p);
    return NULL;
}

static void test_hand_panel(void **state)
{
    (void)state;
    trade_table *t;
    trade_panel *p = panel_of(&t, PANEL, sizeof PANEL - 1);
    trade_complexity_options o;
    trade_complexity_options_init(&o);
    rows rs = {0};
    trade_error err;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), 0);
    assert_int_equal(rs.n, 18);
    assert_near(at(&rs, "AUT", "p")->rca, 48.0 / 19, 1e-15);
    assert_near(at(&rs, "ESP", "r")->rca, 5.0 / 3, 1e-15);
    assert_near(at(&rs, "DEU", "q")->mcp, 1, 0);
    assert_near(at(&rs, "DEU", "r")->mcp, 0, 0);
    assert_near(at(&rs, "ESP", "p")->diversity, 2, 0);
    assert_near(at(&rs, "ESP", "p")->ubiquity, 3, 0);
    /* symmetric phi: pq = pr = 1/max(3, 2) = 1/3, qr = 0; density_cp =
     * sum_q M_cq phi_pq / sum_q phi_pq: BEL p = (1/3) / (2/3) = 0.5,
     * AUT q = (1/3) / (1/3) = 1, AUT p = 0, CHE q = 0 */
    assert_near(at(&rs, "BEL", "p")->density, 0.5, 1e-15);
    assert_near(at(&rs, "AUT", "q")->density, 1, 1e-15);
    assert_near(at(&rs, "AUT", "p")->density, 0, 1e-15);
    assert_near(at(&rs, "CHE", "q")->density, 0, 1e-15);
    /* eci: mean 0 and sd 1 over the 18 (country, product) rows (n - 1),
     * and its correlation with diversity positive (the sign rule) */
    double m = 0, ss = 0;
    for (size_t i = 0; i < rs.n; i++)
        m += rs.r[i].eci;
    m /= (double)rs.n;
    for (size_t i = 0; i < rs.n; i++)
        ss += (rs.r[i].eci - m) * (rs.r[i].eci - m);
    assert_near(m, 0, 1e-12);
    assert_near(sqrt(ss / (double)(rs.n - 1)), 1, 1e-12);
    double md = 0, sxy = 0;
    for (size_t i = 0; i < rs.n; i++)
        md += rs.r[i].diversity / (double)rs.n;
    for (size_t i = 0; i < rs.n; i++)
        sxy += (rs.r[i].diversity - md) * (rs.r[i].eci - m);
    assert_true(sxy > 0);
    /* cog is 0 where the country is present */
    assert_near(at(&rs, "AUT", "p")->cog, 0, 0);
    assert_string_equal(at(&rs, "AUT", "p")->status, "");

    /* asymmetric: phi_pq = C_pq / u_p: p->q 1/3, p->r 1/3, q->p 1/3, r->p
     * 1/2; BEL p = (1/3) / (2/3) = 0.5, AUT q = (1/3) / (1/3) = 1 */
    o.proximity = TRADE_PROXIMITY_ASYMMETRIC;
    rs.n = 0;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), 0);
    assert_near(at(&rs, "BEL", "p")->density, 0.5, 1e-15);
    assert_near(at(&rs, "AUT", "q")->density, 1, 1e-15);

    /* threshold 3: no rca is above it, diversity 0 everywhere */
    o.proximity = TRADE_PROXIMITY_SYMMETRIC;
    o.threshold = 3;
    rs.n = 0;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), 0);
    assert_true(isnan(at(&rs, "AUT", "p")->eci));
    assert_true(isnan(at(&rs, "AUT", "p")->density));
    assert_near(at(&rs, "AUT", "p")->rca, 48.0 / 19, 1e-15);
    assert_non_null(strstr(rs.status[0], "diversity 0"));

    /* bad options */
    o.threshold = NAN;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), TRADE_EARG);
    o.threshold = 1;
    o.presence = TRADE_PRESENCE_RPOP;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), TRADE_EARG);
    trade_panel_free(p);
    trade_table_free(t);
}

/* Two separate components (AUT-p-DEU-q-BEL and CHE-r): the second
 * eigenvalue equals the first, eci is undefined, density is not. */
static void test_disconnected(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,period,value,unit,product\n"
                              "AUT,WLD,export,2020,8,USD,p\nAUT,WLD,export,2020,1,USD,q\n"
                              "AUT,WLD,export,2020,1,USD,r\nBEL,WLD,export,2020,1,USD,p\n"
                              "BEL,WLD,export,2020,8,USD,q\nBEL,WLD,export,2020,1,USD,r\n"
                              "CHE,WLD,export,2020,1,USD,p\nCHE,WLD,export,2020,1,USD,q\n"
                              "CHE,WLD,export,2020,8,USD,r\nDEU,WLD,export,2020,4,USD,p\n"
                              "DEU,WLD,export,2020,4,USD,q\nDEU,WLD,export,2020,2,USD,r\n";
    trade_table *t;
    trade_panel *p = panel_of(&t, csv, sizeof csv - 1);
    trade_complexity_options o;
    trade_complexity_options_init(&o);
    rows rs = {0};
    trade_error err;
    assert_int_equal(trade_complexity_run(p, NULL, &o, collect, &rs, &err), 0);
    assert_true(isnan(at(&rs, "AUT", "p")->eci));
    assert_non_null(strstr(rs.status[0], "second eigenvalue"));
    trade_panel_free(p);
    trade_table_free(t);
}

static void test_panel_rules(void **state)
{
    (void)state;
    /* partner WLD rows are the totals; other partners are summed otherwise;
     * tonnes and other flows are not in the panel */
    static const char csv[] = "reporter,partner,flow,period,value,unit,product\n"
                              "AUT,FRA,export,2020,3,USD,p\nAUT,DEU,export,2020,4,USD,p\n"
                              "AUT,FRA,export,2020,5,USD,q\nAUT,WLD,export,2020,9,USD,q\n"
                              "AUT,FRA,export,2020,2,t,p\nAUT,FRA,import,2020,7,USD,p\n";
    trade_table *t;
    trade_panel *p = panel_of(&t, csv, sizeof csv - 1);
    size_t n;
    const trade_panel_cell *tot = trade_panel_totals(p, 0, &n);
    assert_int_equal(n, 2);
    assert_near(tot[0].value, 7, 0); /* p: 3 + 4 */
    assert_near(tot[1].value, 9, 0); /* q: the WLD row */
    assert_int_equal((long)tot[1].partner, trade_panel_country_index(p, "WLD"));
    trade_panel_free(p);
    trade_table_free(t);
    /* a second currency is refused, located */
    static const char two[] = "reporter,partner,flow,period,value,unit,product\n"
                              "AUT,FRA,export,2020,3,USD,p\nAUT,DEU,export,2020,4,EUR,p\n";
    trade_error err;
    t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, two, sizeof two - 1, "two.csv", NULL, &err), 0);
    assert_int_equal(trade_panel_build(t, NULL, &p, &err), TRADE_EDATA);
    assert_null(p);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 23);
    trade_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_panel),
        cmocka_unit_test(test_disconnected),
        cmocka_unit_test(test_panel_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
