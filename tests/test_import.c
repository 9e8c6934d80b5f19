/* test_import.c - the import module: fast decimal conversion against strtod,
 * BACI and Comtrade files with hand-computed totals, unknown codes, the
 * two-thread split (including a split point inside a quoted field) against
 * one thread, and partial sums. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fastnum_internal.h"
#include "test_util.h"
#include "trade/trade.h"

#define DATA TRADE_SOURCE_DIR "/tests/data/import/"

/* ---- fast numbers ---- */

static void check_double(const char *s)
{
    double a, b = strtod(s, NULL);
    assert_int_equal(fastnum_double(s, strlen(s), &a), 0);
    if (memcmp(&a, &b, sizeof a) != 0)
        fail_msg("%s: fast %.17g, strtod %.17g", s, a, b);
}

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void test_fastnum_edges(void **state)
{
    (void)state;
    static const char *const cases[] = {"0",
                                        "-0",
                                        "+0",
                                        "0.0",
                                        "-0.000",
                                        "1",
                                        "-1",
                                        "0.1",
                                        "0.2",
                                        "0.3",
                                        "1.5",
                                        "123.456",
                                        "9007199254740992",
                                        "9007199254740993",
                                        "9007199254740991",
                                        "18446744073709551615",
                                        "18446744073709551616",
                                        "123456789012345678901234567890",
                                        "1e22",
                                        "1e23",
                                        "1e-22",
                                        "1e-23",
                                        "4.9e-324",
                                        "2.2250738585072014e-308",
                                        "1.7976931348623157e308",
                                        "1e-400",
                                        "0.000000000000000000000000000001",
                                        "3.14159265358979323846264338327950288",
                                        "1.0000000000000000000000000000001",
                                        "99999999999999999999",
                                        ".5",
                                        "5.",
                                        "1E5",
                                        "1e+5",
                                        "7.3177701707893310e+15",
                                        "2.4703282292062327e-324",
                                        "2.4703282292062328e-324",
                                        "9007199254740993.0000000000000000001",
                                        "123.000",
                                        "00001234.5600"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_double(cases[i]);
    double d;
    static const char *const bad[] = {"",     "-",   ".",   "e5", "1e", "1.2.3",   "1,5",  "NA",
                                      "0x10", "inf", "nan", " 1", "1 ", "1e99999", "1e400"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (fastnum_double(bad[i], strlen(bad[i]), &d) == 0)
            fail_msg("accepted \"%s\"", bad[i]);
}

static void test_fastnum_random(void **state)
{
    (void)state;
    char s[64];
    for (int n = 0; n < 300000; n++) {
        int ndig = 1 + (int)(rng() % 20), point = (int)(rng() % (ndig + 1)), k = 0;
        if (rng() % 4 == 0)
            s[k++] = '-';
        for (int i = 0; i < ndig; i++) {
            if (i == point && i > 0)
                s[k++] = '.';
            s[k++] = (char)('0' + rng() % 10);
        }
        if (rng() % 3 == 0)
            k += snprintf(s + k, sizeof s - (size_t)k, "e%d", (int)(rng() % 60) - 30);
        s[k] = '\0';
        check_double(s);
    }
    /* every value a BACI file writes: up to 9 integer digits, 3 decimals */
    for (int n = 0; n < 200000; n++) {
        snprintf(s, sizeof s, "%llu.%03llu", (unsigned long long)(rng() % 1000000000ULL),
                 (unsigned long long)(rng() % 1000));
        check_double(s);
    }
}

static void test_fastnum_scaled(void **state)
{
    (void)state;
    int64_t v;
    int inexact;
    /* exact cases, by hand */
    assert_int_equal(fastnum_scaled("1.5", 3, 6, &v, &inexact), 0);
    assert_true(v == 1500000 && !inexact);
    assert_int_equal(fastnum_scaled("-0.001", 6, 3, &v, &inexact), 0);
    assert_true(v == -1 && !inexact);
    assert_int_equal(fastnum_scaled("12e3", 4, 0, &v, &inexact), 0);
    assert_true(v == 12000);
    /* rounding half to even: 0.5 -> 0, 1.5 -> 2, 1234.5 -> 1234, 12345678.9 -> 12345679 */
    assert_int_equal(fastnum_scaled("0.0005", 6, 3, &v, &inexact), 0);
    assert_true(v == 0 && inexact);
    assert_int_equal(fastnum_scaled("0.0015", 6, 3, &v, &inexact), 0);
    assert_true(v == 2 && inexact);
    assert_int_equal(fastnum_scaled("-1.2345", 7, 3, &v, &inexact), 0);
    assert_true(v == -1234 && inexact);
    assert_int_equal(fastnum_scaled("12.3456789", 10, 6, &v, &inexact), 0);
    assert_true(v == 12345679 && inexact);
    /* 9223372036854775807 = INT64_MAX fits, one more does not */
    assert_int_equal(fastnum_scaled("9223372036.854775807", 20, 9, &v, NULL), 0);
    assert_true(v == INT64_MAX);
    assert_int_equal(fastnum_scaled("9223372036.854775808", 20, 9, &v, NULL), -2);
    assert_int_equal(fastnum_scaled("1e30", 4, 0, &v, NULL), -2);
    assert_int_equal(fastnum_scaled("NA", 2, 3, &v, NULL), -1);
    /* random 3-decimal values against strtod: v * 1000 is an integer below
     * 2^53, so llround(strtod(s) * 1000) is exact */
    char s[64];
    for (int n = 0; n < 200000; n++) {
        long long ip = (long long)(rng() % 1000000000000ULL), fp = (long long)(rng() % 1000);
        snprintf(s, sizeof s, "%s%lld.%03lld", rng() % 5 ? "" : "-", ip, fp);
        assert_int_equal(fastnum_scaled(s, strlen(s), 3, &v, &inexact), 0);
        long long ref = llround(strtod(s, NULL) * 1000.0);
        if (v != ref || inexact)
            fail_msg("%s: %lld vs %lld", s, (long long)v, ref);
    }
}

static void test_format128(void **state)
{
    (void)state;
    char b[64];
    fastnum_format128(3751000, 3, b, sizeof b);
    assert_string_equal(b, "3751");
    fastnum_format128(1234500, 3, b, sizeof b);
    assert_string_equal(b, "1234.5");
    fastnum_format128(-5, 3, b, sizeof b);
    assert_string_equal(b, "-0.005");
    fastnum_format128(0, 6, b, sizeof b);
    assert_string_equal(b, "0");
    fastnum_format128(INT64_MIN, 3, b, sizeof b);
    assert_string_equal(b, "-9223372036854775.808");
    /* 10^30 + 1 with 9 decimals: 10^21 and a billionth */
    fastnum_i128 big = (fastnum_i128)1000000000000000ULL * 1000000000000000ULL + 1;
    fastnum_format128(big, 9, b, sizeof b);
    assert_string_equal(b, "1000000000000000000000.000000001");
    /* scaled128 round trip: 19 significant digits times 10^12 */
    fastnum_i128 v;
    int inexact;
    assert_int_equal(fastnum_scaled128("9999999999999999.999", 20, 12, &v, &inexact), 0);
    fastnum_format128(v, 12, b, sizeof b);
    assert_string_equal(b, "9999999999999999.999");
    assert_false(inexact);
    assert_int_equal(fastnum_scaled128("0.1234567890123456", 18, 12, &v, &inexact), 0);
    fastnum_format128(v, 12, b, sizeof b);
    assert_string_equal(b, "0.123456789012"); /* ...3456 rounds down */
    assert_true(inexact);
    assert_int_equal(fastnum_scaled128("1e30", 4, 12, &v, NULL), -2);
}

/* ---- files ---- */

static trade_import *run(const char *kind, const char *path, int level, int qty, int keep,
                         int threads, int expect_rc, trade_error *err)
{
    trade_import_options o = {0};
    o.level = (trade_import_level)level;
    o.with_quantity = qty;
    o.keep_unknown = keep;
    o.threads = threads;
    trade_import *im;
    assert_int_equal(trade_import_new(&im, &o, err), 0);
    int rc = strcmp(kind, "baci") == 0       ? trade_import_baci(im, path, err)
             : strcmp(kind, "comtrade") == 0 ? trade_import_comtrade(im, path, err)
                                             : trade_import_partial(im, path, err);
    if (rc != expect_rc)
        fail_msg("%s: status %d (%s), expected %d", path, rc, err->message, expect_rc);
    assert_int_equal(trade_import_finish(im, err), 0);
    return im;
}

static void expect_group(const trade_import *im, size_t i, int year, const char *rep,
                         const char *par, const char *flow, const char *prod, int64_t musd,
                         int64_t qg, uint64_t rows, uint64_t qrows)
{
    trade_import_group g;
    assert_int_equal(trade_import_get(im, i, &g), 0);
    assert_int_equal(g.year, year);
    assert_string_equal(g.reporter, rep);
    assert_string_equal(g.partner, par);
    assert_string_equal(g.flow, flow);
    assert_string_equal(g.product, prod);
    /* musd: thousandths of a USD, qg: grams, computed by hand */
    char want[64];
    fastnum_format128(musd, 3, want, sizeof want);
    assert_string_equal(g.value, want);
    fastnum_format128(qg, 6, want, sizeof want);
    assert_string_equal(g.quantity, want);
    assert_true(g.rows == rows);
    assert_true(g.quantity_rows == qrows);
}

static void test_baci_small(void **state)
{
    (void)state;
    trade_error err;
    /* baci_small.csv by hand (v in thousands of USD, q in tonnes):
     * 2020 56->251 (BEL->FRA): 1.5 + 2.25 ("020230" quoted) + 0.001 = 3.751
     *   -> 3751 USD; q 2 + NA + empty -> 2 t from 1 of 3 rows
     * 2020 251->56 (FRA->BEL): 100 -> 100000 USD, 1.5 t
     * 2020 842->699 (USA->IND): k "0101""x" needs libcsv; 3 -> 3000 USD, 4 t
     * 2021 56->251 (CRLF line): 2.5 -> 2500 USD, 1 t */
    trade_import *im = run("baci", DATA "baci_small.csv", 0, 1, 0, 1, 0, &err);
    assert_int_equal(trade_import_count(im), 4);
    expect_group(im, 0, 2020, "BEL", "FRA", "export", "", 3751000, 2000000, 3, 1);
    expect_group(im, 1, 2020, "FRA", "BEL", "export", "", 100000000, 1500000, 1, 1);
    expect_group(im, 2, 2020, "USA", "IND", "export", "", 3000000, 4000000, 1, 1);
    expect_group(im, 3, 2021, "BEL", "FRA", "export", "", 2500000, 1000000, 1, 1);
    trade_import_free(im);
    /* hs2: 010121 and 10121 (leading zero restored) -> 01: 1.501; 020230 -> 02 */
    im = run("baci", DATA "baci_small.csv", 2, 0, 0, 1, 0, &err);
    assert_int_equal(trade_import_count(im), 5);
    expect_group(im, 0, 2020, "BEL", "FRA", "export", "01", 1501000, 0, 2, 0);
    expect_group(im, 1, 2020, "BEL", "FRA", "export", "02", 2250000, 0, 1, 0);
    expect_group(im, 2, 2020, "FRA", "BEL", "export", "84", 100000000, 0, 1, 0);
    trade_import_free(im);
}

static void test_baci_unknown(void **state)
{
    (void)state;
    trade_error err;
    /* line 4 is "2020,56,999,...": 999 is no code; the field starts at
     * byte 9. (Line 3 has 490, Other Asia nes: built in as X490.) */
    trade_import *im = run("baci", DATA "baci_unknown.csv", 0, 0, 0, 1, TRADE_EDATA, &err);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 9);
    assert_non_null(strstr(err.file, "baci_unknown.csv"));
    trade_import_free(im);
    im = run("baci", DATA "baci_unknown.csv", 0, 0, 1, 1, 0, &err);
    assert_int_equal(trade_import_count(im), 3);
    expect_group(im, 1, 2020, "BEL", "X999", "export", "", 7000000, 0, 1, 0);
    expect_group(im, 2, 2020, "X490", "BEL", "export", "", 7000000, 0, 1, 0);
    trade_import_free(im);
    /* the country table maps 999 to LUX; its 490 -> S19 is no code we know,
     * so the built-in X490 stays */
    trade_import_options o = {0};
    o.keep_unknown = 1;
    assert_int_equal(trade_import_new(&im, &o, &err), 0);
    assert_int_equal(trade_import_countries_load(im, DATA "country_codes_test.csv", &err), 0);
    assert_int_equal(trade_import_baci(im, DATA "baci_unknown.csv", &err), 0);
    assert_int_equal(trade_import_finish(im, &err), 0);
    expect_group(im, 1, 2020, "BEL", "LUX", "export", "", 7000000, 0, 1, 0);
    expect_group(im, 2, 2020, "X490", "BEL", "export", "", 7000000, 0, 1, 0);
    trade_import_free(im);
}

static void test_comtrade_small(void **state)
{
    (void)state;
    trade_error err;
    /* TOTAL rows only; motCode 1000 is a breakdown, DX is part of X:
     * BEL FRA export 1234.5, import 200, reexport 30; BEL W00->WLD 5000 */
    trade_import *im = run("comtrade", DATA "comtrade_small.csv", 0, 1, 0, 1, 0, &err);
    assert_int_equal(trade_import_count(im), 4);
    expect_group(im, 0, 2020, "BEL", "FRA", "export", "", 1234500, 1000000, 1, 1);
    expect_group(im, 1, 2020, "BEL", "FRA", "import", "", 200000, 10000, 1, 1);
    expect_group(im, 2, 2020, "BEL", "FRA", "reexport", "", 30000, 0, 1, 0);
    expect_group(im, 3, 2020, "BEL", "WLD", "export", "", 5000000, 0, 1, 0);
    trade_import_free(im);
    /* hs2: only the 2-digit row 01 (100.25 USD, 5 kg) */
    im = run("comtrade", DATA "comtrade_small.csv", 2, 1, 0, 1, 0, &err);
    assert_int_equal(trade_import_count(im), 1);
    expect_group(im, 0, 2020, "BEL", "FRA", "export", "01", 100250, 5000, 1, 1);
    trade_import_free(im);
}

/* A file over the split threshold, one and two threads, must give the same
 * groups; a second file whose middle lies inside a quoted field spanning
 * many lines must too (the split check falls back to one thread). */
static void compare_threads(const char *path, int level)
{
    trade_error err;
    trade_import *a = run("baci", path, level, 1, 0, 1, 0, &err);
    trade_import *b = run("baci", path, level, 1, 0, 2, 0, &err);
    assert_int_equal(trade_import_count(a), trade_import_count(b));
    for (size_t i = 0; i < trade_import_count(a); i++) {
        trade_import_group x, y;
        trade_import_get(a, i, &x);
        trade_import_get(b, i, &y);
        assert_int_equal(x.year, y.year);
        assert_string_equal(x.reporter, y.reporter);
        assert_string_equal(x.partner, y.partner);
        assert_string_equal(x.product, y.product);
        assert_string_equal(x.value, y.value);
        assert_string_equal(x.quantity, y.quantity);
        assert_true(x.rows == y.rows && x.quantity_rows == y.quantity_rows);
    }
    trade_import_free(a);
    trade_import_free(b);
}

static void test_threads_split(void **state)
{
    (void)state;
    static const int codes[] = {56, 251, 842, 699, 156, 276, 392, 528};
    const char *path = TRADE_BINARY_DIR "/test_import_big.csv";
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("t,i,j,k,v,q\n", f);
    int64_t total = 0; /* thousandths of the v unit, summed here independently */
    for (int n = 0; n < 300000; n++) {
        int i = codes[rng() % 8], j = codes[rng() % 8];
        long long v = (long long)(rng() % 100000000);
        total += v;
        fprintf(f, "%d,%d,%d,%06d,%lld.%03lld,%s\n", 2019 + n % 3, i, j, (int)(rng() % 999999),
                v / 1000, v % 1000, n % 7 == 0 ? "NA" : "1.25");
    }
    fclose(f);
    compare_threads(path, 0);
    compare_threads(path, 4);
    trade_error err;
    trade_import *a = run("baci", path, 0, 0, 0, 2, 0, &err);
    int64_t sum = 0;
    for (size_t i = 0; i < trade_import_count(a); i++) {
        trade_import_group g;
        trade_import_get(a, i, &g);
        sum += strtoll(g.value, NULL, 10); /* whole dollars: 3 decimals of thousands */
    }
    assert_true(sum == total);
    trade_import_free(a);
    /* an error in the second thread's half: line 1 (header) + 300000 + 1,
     * column 6 ("2021,abc,...") */
    f = fopen(path, "a");
    assert_non_null(f);
    fputs("2021,abc,56,010121,1,1\n", f);
    fclose(f);
    a = run("baci", path, 0, 0, 0, 2, TRADE_EDATA, &err);
    assert_int_equal(err.line, 300002);
    assert_int_equal(err.column, 6);
    trade_import_free(a);

    /* 2 MB rows, then one record whose note field (a column BACI does not
     * have, ignored) holds 3 MB of quoted lines across the middle, then 2 MB
     * rows */
    path = TRADE_BINARY_DIR "/test_import_quoted.csv";
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("t,i,j,k,v,q,note\n", f);
    for (int n = 0; n < 70000; n++)
        fprintf(f, "2020,56,251,010121,%d.5,1,\n", n % 100);
    fputs("2020,842,56,010121,1.25,2,\"", f);
    for (int n = 0; n < 200000; n++)
        fputs("0101\n2020,56,251,010121,99999,1,\n", f); /* lines that must not count */
    fputs("\"\n", f);
    for (int n = 0; n < 70000; n++)
        fprintf(f, "2021,56,251,010121,%d.5,1,\n", n % 100);
    fclose(f);
    compare_threads(path, 0);
    a = run("baci", path, 0, 0, 0, 2, 0, &err);
    /* 2020 BEL->FRA: 700 * (0.5 + 1.5 + ... + 99.5) = 700 * 5000 = 3500000
     * thousand USD; USA->BEL 1.25 thousand; 2021 BEL->FRA the same 3500000 */
    assert_int_equal(trade_import_count(a), 3);
    expect_group(a, 0, 2020, "BEL", "FRA", "export", "", 3500000000000LL, 0, 70000, 0);
    expect_group(a, 1, 2020, "USA", "BEL", "export", "", 1250000, 0, 1, 0);
    expect_group(a, 2, 2021, "BEL", "FRA", "export", "", 3500000000000LL, 0, 70000, 0);
    trade_import_free(a);
    /* an error after the quoted record: its line counts the quoted lines
     * (1 header + 70000 + 400001 for the quoted record + 1) */
    f = fopen(path, "a");
    assert_non_null(f);
    fputs("2021,56,251,010121,oops,1,\n", f);
    fclose(f);
    a = run("baci", path, 0, 0, 0, 2, TRADE_EDATA, &err);
    assert_int_equal(err.line, 1 + 70000 + 400001 + 70000 + 1);
    assert_int_equal(err.column, 20);
    trade_import_free(a);
    remove(path);
    remove(TRADE_BINARY_DIR "/test_import_big.csv");
}

/* More than 19 significant digits are converted exactly, not cut at the
 * 19 digits the fast mantissa holds (found by fuzz_import: a partial sum of
 * 20 digits was written by --partial and refused by merge). By hand:
 * 10123658853000.000001 x 10^9 = 10123658853000000001000, exact;
 * 0.12345678901234567895 x 10^19 = 1234567890123456789.5, half to even
 * gives ...790, inexact; 1.00000000000000000000001e-30 x 10^9 rounds to 0,
 * inexact; a 38-digit integer is beyond 10^37 units. */
static void test_fastnum_long(void **state)
{
    (void)state;
    fastnum_i128 v;
    int lost = -1;
    const char *a = "10123658853000.000001";
    assert_int_equal(fastnum_scaled128(a, strlen(a), 9, &v, &lost), 0);
    assert_true(v == (fastnum_i128)10123658853ULL * 1000000000000ULL + 1000);
    assert_int_equal(lost, 0);
    const char *b = "0.12345678901234567895";
    assert_int_equal(fastnum_scaled128(b, strlen(b), 19, &v, &lost), 0);
    assert_true(v == (fastnum_i128)1234567890123456790ULL);
    assert_int_equal(lost, 1);
    const char *c = "1.00000000000000000000001e-30";
    assert_int_equal(fastnum_scaled128(c, strlen(c), 9, &v, &lost), 0);
    assert_true(v == 0);
    assert_int_equal(lost, 1);
    const char *d = "-12345678901234567890123";
    assert_int_equal(fastnum_scaled128(d, strlen(d), 0, &v, &lost), 0);
    assert_true(v == -((fastnum_i128)1234567890123456789ULL * 10000 + 123));
    const char *e = "12345678901234567890123456789012345678";
    assert_int_equal(fastnum_scaled128(e, strlen(e), 0, &v, &lost), -2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fastnum_edges),  cmocka_unit_test(test_fastnum_random),
        cmocka_unit_test(test_fastnum_scaled), cmocka_unit_test(test_format128),
        cmocka_unit_test(test_fastnum_long),
        cmocka_unit_test(test_baci_small),     cmocka_unit_test(test_baci_unknown),
        cmocka_unit_test(test_comtrade_small), cmocka_unit_test(test_threads_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
