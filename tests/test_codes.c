/* test_codes.c - the vocabularies: the library's lists and the tables of
 * datasets/FORMAT.md must agree in both directions, and the country table
 * must hold the ISO entries analysts use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "trade/codes.h"

#define MAXCODES 64

/* Collect the `code` cells of the table between <!-- NAME:begin --> and
 * <!-- NAME:end --> in FORMAT.md. */
static size_t doc_codes(const char *name, char codes[MAXCODES][32])
{
    FILE *fp = fopen(TRADE_SOURCE_DIR "/datasets/FORMAT.md", "r");
    assert_non_null(fp);
    char line[1024], begin[64], end[64];
    snprintf(begin, sizeof begin, "<!-- %s:begin -->", name);
    snprintf(end, sizeof end, "<!-- %s:end -->", name);
    int in = 0;
    size_t n = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strstr(line, begin))
            in = 1;
        else if (strstr(line, end))
            in = 0;
        else if (in && !strncmp(line, "| `", 3)) {
            char *close = strchr(line + 3, '`');
            assert_non_null(close);
            assert_true(n < MAXCODES);
            snprintf(codes[n++], 32, "%.*s", (int)(close - line - 3), line + 3);
        }
    }
    fclose(fp);
    return n;
}

static int in_doc(char codes[MAXCODES][32], size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(codes[i], code))
            return 1;
    return 0;
}

static void agree(const char *name, const trade_term *list, size_t nlist,
                  int (*valid)(const char *))
{
    char codes[MAXCODES][32];
    size_t n = doc_codes(name, codes);
    assert_int_equal(n, nlist);
    for (size_t i = 0; i < n; i++)
        if (!valid(codes[i]))
            fail_msg("%s: documented '%s' is not accepted", name, codes[i]);
    for (size_t i = 0; i < nlist; i++)
        if (!in_doc(codes, n, list[i].code))
            fail_msg("%s: '%s' is accepted but not documented", name, list[i].code);
}

static void test_doc_agrees(void **state)
{
    (void)state;
    size_t n;
    const trade_term *t = trade_flows(&n);
    agree("flows", t, n, trade_flow_valid);
    t = trade_units(&n);
    agree("units", t, n, trade_unit_valid);
    t = trade_qualifiers(&n);
    agree("qualifiers", t, n, trade_qualifier_valid);
    t = trade_measures(&n);
    agree("measures", t, n, trade_measure_valid);

    char codes[MAXCODES][32];
    size_t na = doc_codes("aggregates", codes);
    size_t agg = 0;
    for (size_t i = 0; trade_country_at(i); i++)
        if (trade_country_at(i)->aggregate) {
            agg++;
            assert_true(in_doc(codes, na, trade_country_at(i)->alpha3));
        }
    assert_int_equal(agg, na);
    for (size_t i = 0; i < na; i++) {
        const trade_country *c = trade_country_find(codes[i]);
        assert_non_null(c);
        assert_true(c->aggregate);
    }
}

static void test_countries(void **state)
{
    (void)state;
    const trade_country *c = trade_country_find("BEL");
    assert_non_null(c);
    assert_string_equal(c->name, "Belgium");
    assert_int_equal(c->numeric, 56);
    assert_string_equal(c->alpha2, "BE");
    c = trade_country_by_numeric(398);
    assert_non_null(c);
    assert_string_equal(c->alpha3, "KAZ");
    assert_string_equal(trade_country_by_numeric(860)->alpha3, "UZB");
    assert_string_equal(trade_country_by_numeric(795)->alpha3, "TKM");
    assert_string_equal(trade_country_by_numeric(417)->alpha3, "KGZ");
    assert_string_equal(trade_country_by_numeric(762)->alpha3, "TJK");
    assert_string_equal(trade_country_by_numeric(643)->alpha3, "RUS");
    assert_string_equal(trade_country_by_numeric(156)->alpha3, "CHN");
    assert_null(trade_country_by_numeric(0));
    assert_null(trade_country_by_numeric(999));
    assert_string_equal(trade_country_name("KAZ"), "Kazakhstan");
    assert_string_equal(trade_country_name("EUU"), "European Union");
    assert_string_equal(trade_country_name("QQQ"), "QQQ");
    assert_null(trade_country_find("bel"));
    assert_null(trade_country_find("BE"));
    assert_true(trade_country_valid("X490"));
    assert_false(trade_country_valid("X49"));
    assert_false(trade_country_valid("X4900"));
    assert_false(trade_country_valid(""));
    size_t n = 0;
    while (trade_country_at(n))
        n++;
    assert_true(n >= 249); /* ISO 3166-1 has 249 entries */
}

/* "did you mean ...?": ISO 3166-1 gives DE/DEU/276 Germany, CN/CHN/156
 * China, RU/RUS Russian Federation; "Domini" starts both Dominica and the
 * Dominican Republic, "Ger" is too short to guess from. */
static void test_suggest(void **state)
{
    (void)state;
    assert_string_equal(trade_country_suggest("DE"), "DEU");
    assert_string_equal(trade_country_suggest("cn"), "CHN");
    assert_string_equal(trade_country_suggest("deu"), "DEU");
    assert_string_equal(trade_country_suggest("Germany"), "DEU");
    assert_string_equal(trade_country_suggest("GERMANY"), "DEU");
    assert_string_equal(trade_country_suggest("276"), "DEU");
    assert_string_equal(trade_country_suggest("Russia"), "RUS");
    assert_string_equal(trade_country_suggest("European Union"), "EUU");
    assert_null(trade_country_suggest("Domini"));
    assert_null(trade_country_suggest("Ger"));
    assert_null(trade_country_suggest("XYZ"));
    assert_null(trade_country_suggest("QQ"));
    assert_null(trade_country_suggest("9999"));
    assert_null(trade_country_suggest(""));
    assert_null(trade_country_suggest(NULL));
}

/* The historical table of FORMAT.md and the library agree both ways; the
 * years are the ones of ISO 3166-3 (withdrawal: SUN 1992-08-30 -> in use
 * until 1991; CSK 1993 -> 1992; DDR 1990; YUG 1993 -> 1992; SCG 2003 to
 * 2006; ANT 2010-12-15) and numeric codes BACI's country table gives
 * (810 USSR, 200 Czechoslovakia, 278 GDR, 891 Serbia and Montenegro, 530
 * Netherlands Antilles). */
static void test_historical(void **state)
{
    (void)state;
    char codes[MAXCODES][32];
    size_t n = doc_codes("historical", codes), nh = 0;
    assert_int_equal(n, 7);
    for (size_t i = 0; i < n; i++) {
        const trade_country *c = trade_country_find(codes[i]);
        assert_non_null(c);
        assert_false(c->aggregate);
        assert_true(c->valid_from || c->valid_to);
        assert_true(trade_country_valid(codes[i]));
    }
    for (size_t i = 0; trade_country_at(i); i++)
        if (trade_country_at(i)->valid_from || trade_country_at(i)->valid_to) {
            nh++;
            assert_true(in_doc(codes, n, trade_country_at(i)->alpha3));
        }
    assert_int_equal(nh, n);
    assert_string_equal(trade_country_by_numeric(810)->alpha3, "SUN");
    assert_string_equal(trade_country_by_numeric(891)->alpha3, "SCG");
    assert_string_equal(trade_country_by_numeric(530)->alpha3, "ANT");
    assert_int_equal(trade_country_find("SUN")->valid_to, 1991);
    assert_int_equal(trade_country_find("SCG")->valid_from, 2003);
    assert_int_equal(trade_country_find("XKX")->valid_from, 2008);
    assert_int_equal(trade_country_find("XKX")->valid_to, 0);
    /* a current code keeps its ISO entry: 56 is Belgium */
    assert_string_equal(trade_country_by_numeric(56)->alpha3, "BEL");
}

static void test_units(void **state)
{
    (void)state;
    assert_true(trade_unit_is_currency("EUR"));
    assert_true(trade_unit_is_currency("USD"));
    assert_true(trade_unit_is_currency("KZT"));
    assert_false(trade_unit_is_currency("t"));
    assert_true(trade_unit_valid("t"));
    assert_true(trade_unit_valid("percent_change"));
    assert_false(trade_unit_valid("eur"));
    assert_false(trade_unit_valid("tonnes"));
    assert_true(trade_qualifier_valid(""));
    assert_false(trade_qualifier_valid("about"));
    assert_false(trade_flow_valid("exports"));
    assert_true(trade_flow_valid("balance"));
    assert_true(trade_measure_valid(""));
    assert_true(trade_measure_valid("change"));
    assert_false(trade_measure_valid("levels"));
    assert_true(trade_measure_is_level(""));
    assert_true(trade_measure_is_level("level"));
    assert_false(trade_measure_is_level("change"));
    assert_false(trade_measure_is_level("growth"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_agrees), cmocka_unit_test(test_countries),
        cmocka_unit_test(test_suggest),    cmocka_unit_test(test_historical),
        cmocka_unit_test(test_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
