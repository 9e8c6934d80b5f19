/* test_stats.c - the statistics module against hand-computed values and
 * NIST StRD's certified Norris regression (as GSL's fit/test.c does). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/stats.h" /* the deprecated names, tested below */
#include "trade/trade.h"

/* relative closeness, as gsl_test_rel */
#define PI 3.14159265358979323846
#define E1 2.71828182845904523536

#define assert_rel(a, b, tol) assert_near((a), (b), fabs((double)(b)) * (tol))

/* ---- growth -------------------------------------------------------------- */

static void test_growth_basic(void **state)
{
    (void)state;
    trade_growth g;
    /* 100 -> 121 over two years: +21 %, CAGR sqrt(1.21) - 1 = 10 %, ln 1.21 */
    assert_int_equal(trade_growth_values(100, 121, 2, &g), 0);
    assert_rel(g.growth_pct, 21.0, 1e-12);
    assert_rel(g.cagr_pct, 10.0, 1e-12);
    assert_rel(g.log_growth, 0.19062035960864984, 1e-12); /* ln(1.21) */
    assert_string_equal(g.status, "");
    assert_true(g.has_growth && g.has_cagr && g.has_log);
    /* a gap of three years: 1000 -> 1331, CAGR 10 %, growth 33.1 % */
    trade_growth_values(1000, 1331, 3, &g);
    assert_rel(g.growth_pct, 33.1, 1e-12);
    assert_rel(g.cagr_pct, 10.0, 1e-12);
    /* a fall: 200 -> 150 in one year: -25 % both ways, ln 0.75 */
    trade_growth_values(200, 150, 1, &g);
    assert_rel(g.growth_pct, -25.0, 1e-12);
    assert_rel(g.cagr_pct, -25.0, 1e-12);
    assert_rel(g.log_growth, -0.2876820724517809, 1e-12);
    /* monthly: 100 -> 101 in one month is (1.01^12 - 1) a year = 12.6825030131969720 % */
    trade_growth_values(100, 101, 1.0 / 12, &g);
    assert_rel(g.cagr_pct, 12.682503013196972, 1e-10);
}

static trade_period per(const char *text)
{
    trade_period p;
    trade_error err;
    assert_int_equal(trade_period_parse(text, strlen(text), &p, &err), 0);
    return p;
}

static void test_growth_periods(void **state)
{
    (void)state;
    trade_growth g;
    trade_period y2002 = per("2002"), y2011 = per("2011"), y2012 = per("2012"), y2013 = per("2013");
    trade_period p2012 = per("2012-01/2012-10"), p2013 = per("2013-01/2013-10");
    trade_period q1 = per("2010-Q1"), q3 = per("2010-Q3"), span = per("2010/2012");
    /* 2002 -> 2011, nine years: 50 -> 100 is +100 %, CAGR 2^(1/9) - 1 =
     * 8.0059738892306 % (python3: 100*(2**(1/9)-1) = 8.005973889230564) */
    assert_int_equal(trade_growth_periods(&y2002, 50, &y2011, 100, 0, &g), 0);
    assert_rel(g.growth_pct, 100.0, 1e-12);
    assert_rel(g.cagr_pct, 8.005973889230564, 1e-12);
    assert_rel(g.log_growth, 0.6931471805599453, 1e-12); /* ln 2 */
    assert_string_equal(g.status, "");
    /* ten months against a full year: never compared silently */
    trade_growth_periods(&y2011, 120, &p2012, 110, 0, &g);
    assert_true(isnan(g.growth_pct) && isnan(g.cagr_pct) && isnan(g.log_growth));
    assert_false(g.has_growth || g.has_cagr || g.has_log);
    assert_string_equal(g.status, "incomparable periods");
    /* annualised: 110 * 12 / 10 = 132 against 120 is +10 %, one year apart
     * (starts 2011-01 and 2012-01), so CAGR +10 % and ln 1.1 */
    trade_growth_periods(&y2011, 120, &p2012, 110, 1, &g);
    assert_rel(g.growth_pct, 10.0, 1e-12);
    assert_rel(g.cagr_pct, 10.0, 1e-12);
    assert_rel(g.log_growth, 0.09531017980432493, 1e-12);
    assert_string_equal(g.status, "partial period annualized (value x 12 / months)");
    /* the other way: a full year after ten months, 100 * 12 / 10 = 120 -> 90 is -25 % */
    trade_growth_periods(&p2012, 100, &y2013, 90, 1, &g);
    assert_rel(g.growth_pct, -25.0, 1e-12);
    /* ten months against ten months are the same kind: 110 -> 99 is -10 % */
    trade_growth_periods(&p2012, 110, &p2013, 99, 0, &g);
    assert_rel(g.growth_pct, -10.0, 1e-12);
    assert_string_equal(g.status, "");
    /* a year against a three-year total: whole years, never annualised */
    trade_growth_periods(&y2002, 1, &span, 3, 1, &g);
    assert_string_equal(g.status, "incomparable periods");
    /* overlapping periods of different kinds: 2012 and its first ten months */
    trade_growth_periods(&p2012, 1, &y2012, 1, 1, &g);
    assert_string_equal(g.status, "incomparable periods (overlapping)");
    assert_true(isnan(g.growth_pct));
    /* quarters half a year apart: 10 -> 12 is +20 %, CAGR 1.2^2 - 1 = 44 % */
    trade_growth_periods(&q1, 10, &q3, 12, 0, &g);
    assert_rel(g.growth_pct, 20.0, 1e-12);
    assert_rel(g.cagr_pct, 44.0, 1e-12);
    /* a zero base across an annualisation stays a zero base */
    trade_growth_periods(&y2011, 0, &p2012, 5, 1, &g);
    assert_string_equal(g.status, "zero base");
    assert_true(isnan(g.growth_pct));
    assert_int_equal(trade_growth_periods(NULL, 1, &y2011, 1, 0, &g), TRADE_EARG);
}

static void test_growth_bases(void **state)
{
    (void)state;
    trade_growth g;
    trade_growth_values(0, 50, 1, &g);
    assert_true(isnan(g.growth_pct) && isnan(g.cagr_pct) && isnan(g.log_growth));
    assert_string_equal(g.status, "zero base");
    assert_false(g.has_growth);
    trade_growth_values(-10, 50, 1, &g);
    assert_true(isnan(g.growth_pct) && isnan(g.cagr_pct) && isnan(g.log_growth));
    assert_string_equal(g.status, "negative base");
    /* a zero end value: -100 %, CAGR -100 %, no log */
    trade_growth_values(80, 0, 2, &g);
    assert_rel(g.growth_pct, -100.0, 1e-15);
    assert_rel(g.cagr_pct, -100.0, 1e-15);
    assert_true(isnan(g.log_growth));
    assert_true(strlen(g.status) > 0);
    /* a negative end value: growth only: 100 -> -50 is -150 % */
    trade_growth_values(100, -50, 1, &g);
    assert_rel(g.growth_pct, -150.0, 1e-15);
    assert_true(isnan(g.cagr_pct) && isnan(g.log_growth));
    /* no time: growth but no CAGR */
    trade_growth_values(100, 110, 0, &g);
    assert_rel(g.growth_pct, 10.0, 1e-12);
    assert_true(isnan(g.cagr_pct));
    assert_int_equal(trade_growth_values(1, 2, 1, NULL), TRADE_EARG);
}

/* ---- fits ---------------------------------------------------------------- */

/* NIST StRD Norris (https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml) */
static const double norris_x[] = {0.2,   337.4, 118.2, 884.6, 10.1,  226.5, 666.3, 996.3, 448.6,
                                  777.0, 558.2, 0.4,   0.6,   775.5, 666.9, 338.0, 447.5, 11.6,
                                  556.0, 228.1, 995.8, 887.6, 120.2, 0.3,   0.3,   556.8, 339.1,
                                  887.2, 999.0, 779.0, 11.1,  118.3, 229.2, 669.1, 448.9, 0.5};
static const double norris_y[] = {0.1,   338.8, 118.1, 888.0, 9.2,   228.1, 668.5, 998.5, 449.1,
                                  778.9, 559.2, 0.3,   0.1,   778.1, 668.8, 339.3, 448.9, 10.8,
                                  557.7, 228.3, 998.0, 888.8, 119.6, 0.3,   0.6,   557.6, 339.3,
                                  888.0, 998.5, 778.9, 10.2,  117.6, 228.9, 668.4, 449.2, 0.2};

static void test_linear_norris(void **state)
{
    (void)state;
    trade_linear f;
    trade_error err;
    assert_int_equal(trade_fit_linear(norris_x, norris_y, 36, &f, &err), 0);
    /* certified values */
    assert_rel(f.c0, -0.262323073774029, 1e-10);
    assert_rel(f.c1, 1.00211681802045, 1e-10);
    assert_rel(sqrt(f.cov00), 0.232818234301152, 1e-10);
    assert_rel(sqrt(f.cov11), 0.429796848199937E-03, 1e-10);
    assert_rel(f.sumsq, 26.6173985294224, 1e-10);
    assert_rel(f.r2, 0.999993745883712, 1e-10);
    assert_rel(sqrt(f.sumsq / 34), 0.884796396144373, 1e-10); /* residual sd */
}

static void test_linear_guards(void **state)
{
    (void)state;
    trade_linear f;
    trade_error err;
    double x[3] = {1, 2, 3}, y[3] = {1, 2, 3}, same[3] = {5, 5, 5};
    /* n = 2 would make gsl_fit_linear divide by n - 2 = 0: refused before */
    assert_int_equal(trade_fit_linear(x, y, 2, &f, &err), TRADE_EARG);
    assert_int_equal(trade_fit_linear(x, y, 0, &f, &err), TRADE_EARG);
    assert_int_equal(trade_fit_linear(same, y, 3, &f, &err), TRADE_EARG);
    y[1] = NAN;
    assert_int_equal(trade_fit_linear(x, y, 3, &f, &err), TRADE_EARG);
    /* an exact line: slope 2, intercept 1, r2 1 */
    double yl[3] = {3, 5, 7};
    assert_int_equal(trade_fit_linear(x, yl, 3, &f, &err), 0);
    assert_rel(f.c1, 2.0, 1e-14);
    assert_rel(f.c0, 1.0, 1e-14);
    assert_rel(f.r2, 1.0, 1e-14);
}

static void test_fit_loglinear(void **state)
{
    (void)state;
    trade_fit f;
    trade_error err;
    /* exact 10 % a year: trend 10 %, r2 1, a zero-width interval */
    double t[4] = {2000, 2001, 2002, 2003}, v[4] = {100, 110, 121, 133.1};
    assert_int_equal(trade_fit_loglinear(t, v, 4, &f, &err), 0);
    assert_int_equal(f.n, 4);
    assert_rel(f.trend_pct, 10.0, 1e-10);
    assert_near(f.r2, 1.0, 1e-12);
    assert_near(f.ci_low_pct, 10.0, 1e-8);
    assert_near(f.ci_high_pct, 10.0, 1e-8);
    assert_string_equal(f.status, "");

    /* n = 3, ln v = 0, 1, 3 at t = 0, 1, 2 (v = e^0, e^1, e^3):
     * slope = Sxy / Sxx = (1*(-1) ... ) : x mean 1, y mean 4/3,
     * Sxy = (-1)(-4/3) + 0 + (1)(5/3) = 3, Sxx = 2 -> slope 1.5,
     * residuals: intercept 4/3 - 1.5 = -1/6; fitted -1/6, 4/3, 17/6;
     * e = 1/6, -1/3, 1/6; SSE = 1/36 + 4/36 + 1/36 = 1/6;
     * s^2 = SSE / (n - 2) = 1/6, se = sqrt(1/6 / 2) = sqrt(1/12);
     * t(0.975, 1) = tan(0.475 pi) = 12.706204736174698;
     * SST = 16/9 + 1/9 + 25/9 = 42/9, r2 = 1 - (1/6)/(42/9) = 1 - 9/252 */
    double t3[3] = {0, 1, 2}, v3[3] = {1, E1, exp(3)};
    assert_int_equal(trade_fit_loglinear(t3, v3, 3, &f, &err), 0);
    double tq = tan(0.475 * PI), se = sqrt(1.0 / 12);
    assert_rel(f.slope, 1.5, 1e-12);
    assert_rel(f.slope_se, se, 1e-12);
    assert_rel(f.trend_pct, 100 * (exp(1.5) - 1), 1e-12);
    assert_rel(f.ci_low_pct, 100 * (exp(1.5 - tq * se) - 1), 1e-9);
    assert_rel(f.ci_high_pct, 100 * (exp(1.5 + tq * se) - 1), 1e-9);
    assert_rel(f.r2, 1 - 9.0 / 252, 1e-12);

    /* n = 4 (df 2, t = 0.95 / sqrt(2 * 0.975 * 0.025) = 4.302652729749464):
     * ln v = 0, 2, 1, 3 at t = 0..3: x mean 1.5, y mean 1.5, Sxx = 5,
     * Sxy = (-1.5)(-1.5) + (-0.5)(0.5) + (0.5)(-0.5) + (1.5)(1.5) = 4,
     * slope 0.8, intercept 0.3; fitted 0.3, 1.1, 1.9, 2.7;
     * e = -0.3, 0.9, -0.9, 0.3; SSE = 1.8; s^2 = 0.9; se = sqrt(0.9 / 5);
     * SST = 5, r2 = 1 - 1.8 / 5 = 0.64 */
    double t4[4] = {0, 1, 2, 3}, v4[4] = {1, exp(2), E1, exp(3)};
    assert_int_equal(trade_fit_loglinear(t4, v4, 4, &f, &err), 0);
    double t2 = 0.95 / sqrt(2 * 0.975 * 0.025), se4 = sqrt(0.9 / 5);
    assert_rel(f.trend_pct, 100 * (exp(0.8) - 1), 1e-12);
    assert_rel(f.ci_low_pct, 100 * (exp(0.8 - t2 * se4) - 1), 1e-9);
    assert_rel(f.ci_high_pct, 100 * (exp(0.8 + t2 * se4) - 1), 1e-9);
    assert_rel(f.r2, 0.64, 1e-12);
}

static void test_fit_small_and_bad(void **state)
{
    (void)state;
    trade_fit f;
    trade_error err;
    double t[3] = {2000, 2001, 2002}, v[3] = {100, 110, 121};
    for (size_t n = 0; n < 3; n++) {
        assert_int_equal(trade_fit_loglinear(t, v, n, &f, &err), 0);
        assert_int_equal(f.n, n);
        assert_true(isnan(f.trend_pct) && isnan(f.ci_low_pct) && isnan(f.ci_high_pct) &&
                    isnan(f.r2));
        assert_string_equal(f.status, "fewer than 3 points");
    }
    assert_int_equal(trade_fit_loglinear(NULL, NULL, 0, &f, &err), 0);
    double bad[3] = {100, 0, 121};
    assert_int_equal(trade_fit_loglinear(t, bad, 3, &f, &err), 0);
    assert_true(isnan(f.trend_pct));
    assert_non_null(strstr(f.status, "non-positive"));
    bad[1] = -5;
    trade_fit_loglinear(t, bad, 3, &f, &err);
    assert_true(isnan(f.trend_pct));
    /* all at one time */
    double same[3] = {2000, 2000, 2000};
    trade_fit_loglinear(same, v, 3, &f, &err);
    assert_true(isnan(f.trend_pct));
    assert_true(strlen(f.status) > 0);
}

/* ---- summaries ----------------------------------------------------------- */

static void test_summary(void **state)
{
    (void)state;
    trade_summary s;
    double work[8];
    /* 3 1 4 1 5: mean 2.8, median 3, sample variance
     * (0.04 + 3.24 + 1.44 + 3.24 + 4.84) / 4 = 3.2 */
    double v[5] = {3, 1, 4, 1, 5};
    assert_int_equal(trade_summary_values(v, 5, work, &s), 0);
    assert_int_equal(s.n, 5);
    assert_rel(s.first, 3, 0);
    assert_rel(s.last, 5, 0);
    assert_rel(s.min, 1, 0);
    assert_rel(s.max, 5, 0);
    assert_rel(s.mean, 2.8, 1e-14);
    assert_rel(s.median, 3, 0);
    assert_rel(s.sd, sqrt(3.2), 1e-14);
    assert_string_equal(s.status, "");
    assert_rel(v[0], 3, 0); /* input untouched */
    /* even n: median is the mean of the middle two: 10 20 30 40 -> 25 */
    double e[4] = {40, 10, 30, 20};
    trade_summary_values(e, 4, work, &s);
    assert_rel(s.median, 25, 0);
    assert_rel(s.sd, sqrt(500.0 / 3), 1e-14); /* (225+25+25+225)/3 */
    /* n = 2: sd = |a - b| / sqrt(2) */
    double two[2] = {1, 4};
    trade_summary_values(two, 2, work, &s);
    assert_rel(s.sd, 3 / sqrt(2), 1e-14);
    assert_rel(s.mean, 2.5, 0);
    assert_rel(s.median, 2.5, 0);
    /* n = 1: everything but sd */
    double one[1] = {7};
    trade_summary_values(one, 1, work, &s);
    assert_rel(s.mean, 7, 0);
    assert_rel(s.median, 7, 0);
    assert_true(isnan(s.sd));
    assert_true(strlen(s.status) > 0);
    /* n = 0 */
    assert_int_equal(trade_summary_values(NULL, 0, NULL, &s), 0);
    assert_int_equal(s.n, 0);
    assert_true(isnan(s.mean) && isnan(s.median) && isnan(s.sd) && isnan(s.min));
    assert_string_equal(s.status, "no observations");
}

/* ---- ranks --------------------------------------------------------------- */

static void rank_of(trade_ties ties, int ascending, const double *values, size_t n,
                    const size_t *groups, double *out)
{
    trade_rank_item items[16];
    trade_error err;
    for (size_t i = 0; i < n; i++)
        items[i] = (trade_rank_item){groups ? groups[i] : 0, values[i], i, 0};
    assert_int_equal(trade_rank_items(items, n, ties, ascending, &err), 0);
    for (size_t i = 0; i < n; i++)
        out[items[i].order] = items[i].rank;
}

static void assert_ranks(const double *got, const double *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_near(got[i], want[i], 0);
}

static void test_rank_ties(void **state)
{
    (void)state;
    /* values 10 20 20 5 30 20, largest first: 30 is 1st, the three 20s share
     * places 2-4, 10 is 5th, 5 is 6th */
    double v[6] = {10, 20, 20, 5, 30, 20}, r[6];
    rank_of(TRADE_TIES_MIN, 0, v, 6, NULL, r);
    assert_ranks(r, (double[]){5, 2, 2, 6, 1, 2}, 6);
    rank_of(TRADE_TIES_MAX, 0, v, 6, NULL, r);
    assert_ranks(r, (double[]){5, 4, 4, 6, 1, 4}, 6);
    rank_of(TRADE_TIES_DENSE, 0, v, 6, NULL, r);
    assert_ranks(r, (double[]){3, 2, 2, 4, 1, 2}, 6);
    rank_of(TRADE_TIES_AVERAGE, 0, v, 6, NULL, r);
    assert_ranks(r, (double[]){5, 3, 3, 6, 1, 3}, 6);
    rank_of(TRADE_TIES_FIRST, 0, v, 6, NULL, r);
    assert_ranks(r, (double[]){5, 2, 3, 6, 1, 4}, 6);
    /* ascending: 5 1st, 10 2nd, 20s places 3-5, 30 6th */
    rank_of(TRADE_TIES_MIN, 1, v, 6, NULL, r);
    assert_ranks(r, (double[]){2, 3, 3, 1, 6, 3}, 6);
    rank_of(TRADE_TIES_AVERAGE, 1, v, 6, NULL, r);
    assert_ranks(r, (double[]){2, 4, 4, 1, 6, 4}, 6);
    rank_of(TRADE_TIES_FIRST, 1, v, 6, NULL, r);
    assert_ranks(r, (double[]){2, 3, 4, 1, 6, 5}, 6);
    rank_of(TRADE_TIES_DENSE, 1, v, 6, NULL, r);
    assert_ranks(r, (double[]){2, 3, 3, 1, 4, 3}, 6);
    rank_of(TRADE_TIES_MAX, 1, v, 6, NULL, r);
    assert_ranks(r, (double[]){2, 5, 5, 1, 6, 5}, 6);
    /* two ties of two: 7 7 3 3 -> average 1.5 1.5 3.5 3.5 */
    double w[4] = {7, 3, 7, 3};
    rank_of(TRADE_TIES_AVERAGE, 0, w, 4, NULL, r);
    assert_ranks(r, (double[]){1.5, 3.5, 1.5, 3.5}, 4);
}

static void test_rank_groups(void **state)
{
    (void)state;
    /* groups are ranked apart: group 1 {4, 9}, group 2 {9, 1, 9} */
    double v[5] = {4, 9, 9, 1, 9}, r[5];
    size_t g[5] = {1, 2, 1, 2, 2};
    rank_of(TRADE_TIES_MIN, 0, v, 5, g, r);
    assert_ranks(r, (double[]){2, 1, 1, 3, 1}, 5);
    rank_of(TRADE_TIES_FIRST, 0, v, 5, g, r);
    assert_ranks(r, (double[]){2, 1, 1, 3, 2}, 5);
    trade_rank_item bad = {0, NAN, 0, 0};
    trade_error err;
    assert_int_equal(trade_rank_items(&bad, 1, TRADE_TIES_MIN, 0, &err), TRADE_EARG);
    assert_int_equal(trade_rank_items(NULL, 0, TRADE_TIES_MIN, 0, &err), 0);
    trade_ties t;
    assert_int_equal(trade_rank_ties_parse("dense", &t), 0);
    assert_int_equal(t, TRADE_TIES_DENSE);
    assert_int_equal(trade_rank_ties_parse("average", &t), 0);
    assert_int_equal(t, TRADE_TIES_AVERAGE);
    assert_int_equal(trade_rank_ties_parse("mean", &t), TRADE_EARG);
}

/* ---- concentration ------------------------------------------------------- */

static void test_hhi(void **state)
{
    (void)state;
    trade_hhi h;
    /* 50 30 20: 0.25 + 0.09 + 0.04 = 0.38; (0.38 - 1/3) / (2/3) = 0.07 */
    double v[3] = {50, 30, 20};
    trade_compare_hhi_values(v, 3, &h);
    assert_int_equal(h.n, 3);
    assert_rel(h.hhi, 0.38, 1e-14);
    assert_rel(h.hhi_normalized, 0.07, 1e-12);
    /* equal shares: H = 1/n, normalized 0 */
    double eq[4] = {5, 5, 5, 5};
    trade_compare_hhi_values(eq, 4, &h);
    assert_rel(h.hhi, 0.25, 1e-15);
    assert_near(h.hhi_normalized, 0, 1e-15);
    double one[1] = {42};
    trade_compare_hhi_values(one, 1, &h);
    assert_rel(h.hhi, 1, 0);
    assert_true(isnan(h.hhi_normalized));
    assert_true(strlen(h.status) > 0);
    double neg[2] = {5, -1};
    trade_compare_hhi_values(neg, 2, &h);
    assert_true(isnan(h.hhi));
    double zero[2] = {0, 0};
    trade_compare_hhi_values(zero, 2, &h);
    assert_true(isnan(h.hhi));
    trade_compare_hhi_values(NULL, 0, &h);
    assert_true(isnan(h.hhi));
}

/* ---- intervals ----------------------------------------------------------- */

static void test_intervals(void **state)
{
    (void)state;
    assert_rel(trade_interval_written_precision("40.15"), 0.01, 1e-15);
    assert_rel(trade_interval_written_precision("118000000"), 1e6, 0);
    assert_rel(trade_interval_written_precision("713800"), 100, 0);
    assert_rel(trade_interval_written_precision("7"), 1, 0);
    assert_rel(trade_interval_written_precision("0"), 1, 0);
    assert_rel(trade_interval_written_precision("-2.5"), 0.1, 1e-15);
    trade_interval a = trade_interval_from(118e6, 1e6);
    assert_rel(a.low, 117.5e6, 0);
    assert_rel(a.high, 118.5e6, 0);
    /* growth from [99.5, 100.5] to [117.5, 118.5]:
     * [100 (117.5 / 100.5 - 1), 100 (118.5 / 99.5 - 1)] */
    trade_interval g =
        trade_interval_growth_pct(trade_interval_from(100, 1), trade_interval_from(118, 1));
    assert_rel(g.low, 100 * (117.5 / 100.5 - 1), 1e-13);
    assert_rel(g.high, 100 * (118.5 / 99.5 - 1), 1e-13);
    trade_interval s =
        trade_interval_add(trade_interval_from(600000, 100000), trade_interval_from(113000, 1000));
    assert_rel(s.low, 662500, 0);
    assert_rel(s.high, 763500, 0);
    double gap;
    /* 18.31 % stated, 18 % computed in [16.92, 19.10]: overlap only */
    trade_interval st = trade_interval_from(18.31, 0.01);
    assert_int_equal(trade_interval_compare(st, 18.0, g, &gap), TRADE_CONSISTENT_ROUNDING);
    assert_near(gap, 0, 0);
    /* 118 million text and 118.2 million table: the table rounds to the text */
    assert_int_equal(trade_interval_compare(a, 118.2e6, trade_interval_from(118.2e6, 10), &gap),
                     TRADE_CONSISTENT);
    /* 118 million against 119091910: disjoint by 119091905 - 118500000 */
    assert_int_equal(trade_interval_compare(a, 119091910, trade_interval_from(119091910, 10), &gap),
                     TRADE_INCONSISTENT);
    assert_rel(gap, 591905, 1e-12);
    trade_interval undef = {NAN, NAN};
    assert_int_equal(trade_interval_compare(a, 1, undef, &gap), TRADE_VERDICT_UNDEFINED);
    assert_true(isnan(gap));
    assert_string_equal(trade_interval_verdict_name(TRADE_CONSISTENT_ROUNDING),
                        "consistent within rounding");
}

/* ---- the consistency check on a table ------------------------------------ */

typedef struct seen {
    int n;
    char check[8][8];
    trade_verdict verdict[8];
    double gap[8], b_value[8];
} seen;

static int collect(void *ctx, const trade_check_result *r)
{
    seen *s = ctx;
    if (s->n < 8) {
        strcpy(s->check[s->n], r->check);
        s->verdict[s->n] = r->verdict;
        s->gap[s->n] = r->gap;
        s->b_value[s->n] = r->b_value;
    }
    s->n++;
    return 0;
}

static void test_check_run(void **state)
{
    (void)state;
    static const char csv[] =
        "reporter,partner,flow,period,value,unit,precision,qualifier,product,locator\n"
        "BEL,KAZ,export,2010,100000000,EUR,1000000,,,line 49\n"
        "BEL,KAZ,export,2011,40,percent_change,,,,line 49\n"
        "BEL,KAZ,export,2011,140000000,EUR,,,,line 50\n"
        "BEL,KAZ,export,2011,140400000,EUR,100000,,,Table 2\n"
        "BEL,KGZ,aid,2010,713800,EUR,100,,,line 103\n"
        "BEL,KGZ,aid,2010,600000,EUR,100000,,a,line 103\n"
        "BEL,KGZ,aid,2010,113000,EUR,1000,,b,line 103\n"
        "BEL,UZB,export,2011,5,EUR,,lower_bound,,line 1\n"
        "BEL,UZB,export,2011,9,EUR,,,,line 2\n";
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, sizeof csv - 1, "mem.csv", NULL, &err), 0);
    seen s = {0};
    assert_int_equal(trade_check_run(t, collect, &s, &err), 0);
    /* growth: 40 % stated, no precision column: "40" ends in a zero, so its
     * last digit counts tens and it stands for [35, 45]; against 100 -> 140
     * (40 %) and 100 -> 140.4 (40.4 %), both points inside: consistent */
    assert_int_equal(s.n, 4);
    assert_string_equal(s.check[0], "growth");
    assert_string_equal(s.check[1], "growth");
    assert_int_equal(s.verdict[0], TRADE_CONSISTENT);
    assert_rel(s.b_value[0], 40, 1e-12);
    assert_rel(s.b_value[1], 40.4, 1e-12);
    /* twice (BEL-KAZ sorts before BEL-KGZ): 140000000 (written precision
     * 10^7: [135, 145] million) against 140400000 ([140.35, 140.45]
     * million): the finer figure rounds to the coarser one */
    assert_string_equal(s.check[2], "twice");
    assert_int_equal(s.verdict[2], TRADE_CONSISTENT);
    assert_rel(s.b_value[2], 140400000, 0);
    /* sum: 713800 against 600000 + 113000 = 713000 in [662500, 763500] */
    assert_string_equal(s.check[3], "sum");
    assert_int_equal(s.verdict[3], TRADE_CONSISTENT_ROUNDING);
    assert_rel(s.b_value[3], 713000, 0);
    assert_near(s.gap[3], 0, 0);
    trade_table_free(t);
}

/* ---- fast number formatting ---------------------------------------------- */

static uint64_t rng_state = 88172645463325252u;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void same_as_core(double v)
{
    char a[TRADE_NUMBER_BUFSIZE], b[TRADE_NUMBER_BUFSIZE];
    size_t na = trade_number_format_fast(v, a, sizeof a);
    size_t nb = trade_number_format(v, b, sizeof b);
    if (na != nb || strcmp(a, b))
        fail_msg("%.17g: fast '%s', trade_number_format '%s'", v, a, b);
}

static void test_number_format(void **state)
{
    (void)state;
    /* trade_number_format is the reference: the fast path must agree on
     * every value, whatever the digits */
    static const double fixed[] = {0.1,
                                   0.2,
                                   1.0 / 3,
                                   2.0 / 3,
                                   100.0 / 7,
                                   1e-7,
                                   9.99e-8,
                                   1e15,
                                   999999999999999.9,
                                   123456.789,
                                   -0.5,
                                   -42.25,
                                   8.92116182572613,
                                   33.333333333333329,
                                   1e-6,
                                   0.3,
                                   12.000000000000011,
                                   99999.999999999985,
                                   NAN,
                                   INFINITY,
                                   0.0,
                                   -0.0,
                                   5e-324,
                                   1.7976931348623157e308};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        same_as_core(fixed[i]);
    for (int i = 0; i < 300000; i++) {
        uint64_t r = rng();
        double x = (double)(r >> 11) / 9007199254740992.0; /* [0, 1) */
        double y = (double)(rng() % 100000000) / 100;      /* a money value */
        double z = (double)(rng() % 100000000 + 1) / 100;
        same_as_core(100 * (y / z - 1)); /* growth_pct */
        same_as_core(log(z / (y + 1)));  /* log_growth */
        same_as_core(x * pow(10, (double)(int)(rng() % 30) - 10));
        same_as_core(-(double)(rng() % 1000000) / 1000); /* few digits */
        double bits;
        uint64_t u = rng();
        memcpy(&bits, &u, sizeof bits);
        same_as_core(bits); /* anything, NaN and huge included */
    }
}

/* The deprecated names of stats.h are the new functions under their old
 * names (one value each, worked by hand: 100 -> 121 over 2 years is 21 %
 * growth and 10 % CAGR). */
static void test_deprecated_aliases(void **state)
{
    (void)state;
    trade_growth g;
    assert_int_equal(trade_stats_growth(100, 121, 2, &g), 0);
    assert_near(g.growth_pct, 21, 1e-12);
    assert_near(g.cagr_pct, 10, 1e-12);
    trade_ties t;
    assert_int_equal(trade_ties_parse("dense", &t), 0);
    assert_int_equal(t, TRADE_TIES_DENSE);
    assert_near(trade_stats_written_precision("40.15"), 0.01, 1e-15);
    assert_string_equal(trade_verdict_name(TRADE_INCONSISTENT), "inconsistent");
    trade_hhi h;
    double v[] = {1, 1};
    assert_int_equal(trade_stats_hhi(v, 2, &h), 0);
    assert_near(h.hhi, 0.5, 1e-15); /* (1/2)^2 + (1/2)^2 */
    char buf[TRADE_NUMBER_BUFSIZE];
    trade_stats_number_format(0.25, buf, sizeof buf);
    assert_string_equal(buf, "0.25");
    assert_int_equal(trade_stats_unit_is_level("USD"), 1);
}

int main(void)
{
    trade_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deprecated_aliases),
        cmocka_unit_test(test_growth_basic),
        cmocka_unit_test(test_growth_bases),
        cmocka_unit_test(test_growth_periods),
        cmocka_unit_test(test_linear_norris),
        cmocka_unit_test(test_linear_guards),
        cmocka_unit_test(test_fit_loglinear),
        cmocka_unit_test(test_fit_small_and_bad),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_rank_ties),
        cmocka_unit_test(test_rank_groups),
        cmocka_unit_test(test_hhi),
        cmocka_unit_test(test_intervals),
        cmocka_unit_test(test_check_run),
        cmocka_unit_test(test_number_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
