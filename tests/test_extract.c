/* test_extract.c - trade_extract_text on sentences written for the tests
 * (not the briefs' prose). Every expected value is worked out by hand from
 * the sentence: "EUR 87.3 bn" is 87.3 * 10^9 = 87300000000 with the last
 * written digit worth 0.1 * 10^9 = 10^8, and so on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_util.h"
#include "trade/extract.h"

static trade_figure_list *run(const char *text)
{
    trade_figure_list *l = NULL;
    trade_error err;
    assert_int_equal(trade_extract_text(text, strlen(text), NULL, &l, &err), 0);
    assert_non_null(l);
    return l;
}

/* The figure whose as_written is aw (exactly); fails if none. */
static const trade_figure *find(const trade_figure_list *l, const char *aw)
{
    for (size_t i = 0; i < trade_extract_count(l); i++)
        if (strcmp(trade_extract_at(l, i)->as_written, aw) == 0)
            return trade_extract_at(l, i);
    char all[2048] = "";
    for (size_t i = 0; i < trade_extract_count(l); i++) {
        strncat(all, "[", sizeof all - strlen(all) - 1);
        strncat(all, trade_extract_at(l, i)->as_written, sizeof all - strlen(all) - 1);
        strncat(all, "] ", sizeof all - strlen(all) - 1);
    }
    fail_msg("no figure '%s'; found %s", aw, all);
    return NULL;
}

/* One figure: value (relative tolerance 1e-12), unit, precision, qualifier. */
static void expect(const char *text, const char *aw, double value, const char *unit,
                   double precision, const char *qualifier)
{
    trade_figure_list *l = run(text);
    const trade_figure *f = find(l, aw);
    assert_near(f->value, value, 1e-12 * (value < 0 ? -value : value) + 1e-12);
    assert_string_equal(f->unit, unit);
    assert_near(f->precision, precision, precision * 1e-9);
    assert_string_equal(f->qualifier, qualifier);
    trade_extract_free(l);
}

/* The period, reporter, partner and flow given to the figure aw. */
static void expect_keys(const char *text, const char *aw, const char *period, const char *reporter,
                        const char *partner, const char *flow)
{
    trade_figure_list *l = run(text);
    const trade_figure *f = find(l, aw);
    assert_string_equal(f->period, period);
    assert_string_equal(f->reporter, reporter);
    assert_string_equal(f->partner, partner);
    assert_string_equal(f->flow, flow);
    trade_extract_free(l);
}

/* No figure at all in text. */
static void none(const char *text)
{
    trade_figure_list *l = run(text);
    if (trade_extract_count(l) != 0)
        fail_msg("'%s': unexpected figure '%s' (%s)", text, trade_extract_at(l, 0)->as_written,
                 trade_extract_at(l, 0)->unit);
    trade_extract_free(l);
}

static void test_money(void **state)
{
    (void)state;
    expect("Exports reached €118 million in 2011.", "€118 million", 118e6, "EUR", 1e6, "");
    expect("Turkmen exports were worth a mere $96.4m.", "$96.4m", 96.4e6, "USD", 1e5, "");
    expect("Gold brought in USD 87.3 bn over a decade.", "USD 87.3 bn", 87.3e9, "USD", 1e8, "");
    expect("Exports were 3.9 billion EUR last year.", "3.9 billion EUR", 3.9e9, "EUR", 1e8, "");
    expect("A loan of US$ 2.5 billion was signed.", "US$ 2.5 billion", 2.5e9, "USD", 1e8, "");
    expect("The bank approved £12 million for water.", "£12 million", 12e6, "GBP", 1e6, "");
    expect("EU exports amounted to EUR 5.1bn.", "EUR 5.1bn", 5.1e9, "EUR", 1e8, "");
    expect("Goods worth €1,2 billion crossed the border.", "€1,2 billion", 1.2e9, "EUR", 1e8, "");
    expect("Services rose to €940,000.", "€940,000", 940000, "EUR", 10000, "");
    expect("The deal is worth 45 mln USD.", "45 mln USD", 45e6, "USD", 1e6, "");
    expect("Imports were worth 1.1 billion euros.", "1.1 billion euros", 1.1e9, "EUR", 1e8, "");
    expect("Trade was 24 billion dollars.", "24 billion dollars", 24e9, "USD", 1e9, "");
    expect("A grant of € 45 million was agreed.", "€ 45 million", 45e6, "EUR", 1e6, "");
    expect("The budget is 1.5 trillion tenge.", "1.5 trillion tenge", 1.5e12, "KZT", 1e11, "");
    expect("The fee is EUR 2.5 thousand.", "EUR 2.5 thousand", 2500, "EUR", 100, "");
    expect("He paid USD87.3bn for it.", "USD87.3bn", 87.3e9, "USD", 1e8, "");
    /* a no-break space as the thousands separator: 1 200 million */
    expect("Sales of €1\xC2\xA0"
           "200 million were booked.",
           "€1\xC2\xA0"
           "200 million",
           1200e6, "EUR", 1e6, "");
    /* plain spaces as thousands separators where money or a unit follows */
    expect("Exports reached USD 500 000 in 2011.", "USD 500 000", 500000, "USD", 100000, "");
    expect("They sold 1 200 tonnes of wool.", "1 200 tonnes", 1200, "t", 100, "");
    expect("A EUR 5 million grant and a €10-million loan were signed.", "€10-million", 10e6, "EUR",
           1e6, "");
    /* a bound that takes the scale of the other */
    expect("Estimates range between EUR 2 and 3 billion.", "EUR 2", 2e9, "EUR", 1e9, "");
    expect("Estimates range from $3 to $4 billion.", "$3", 3e9, "USD", 1e9, "");
    /* a symbol after the number */
    expect("The contract is worth 5 million € in total.", "5 million €", 5e6, "EUR", 1e6, "");
    /* a range: its two bounds */
    expect("Loans of €2-3 million were agreed.", "€2", 2e6, "EUR", 1e6, "lower_bound");
    expect("Loans of €2-3 million were agreed.", "3 million", 3e6, "EUR", 1e6, "upper_bound");
    expect("Growth of 5-6% a year.", "6%", 6, "percent_change", 1, "upper_bound");
    expect("They hold a share of 5-6% of the market.", "6%", 6, "percent", 1, "upper_bound");
    /* numbers as words */
    expect("Kazakhstan sold seventy million euros of grain.", "seventy million euros", 70e6, "EUR",
           1e7, "");
    expect("They spent a hundred million dollars.", "a hundred million dollars", 100e6, "USD", 1e8,
           "");
    expect("They raised half a billion dollars.", "half a billion dollars", 0.5e9, "USD", 1e8, "");
    /* broken across a line end */
    expect("trade volumes nearing USD\n50 billion in 2024", "USD\n50 billion", 50e9, "USD", 1e9,
           "approx");
    expect("exports of USD 1.2\nbillion in 2024", "USD 1.2\nbillion", 1.2e9, "USD", 1e8, "");
    /* the unit carried from the figure before, same sentence */
    expect("It rose from €940,000 in 2002 to 1.2 million in 2011.", "1.2 million", 1.2e6, "EUR",
           1e5, "");
}

static void test_quantities(void **state)
{
    (void)state;
    expect("Freight rose to 4.5 million tonnes.", "4.5 million tonnes", 4.5e6, "t", 1e5, "");
    expect("Compare this to 860,000 tons in 2020.", "860,000 tons", 860000, "t", 10000, "");
    expect("Rail freight reached 2.7 Mt.", "2.7 Mt", 2.7e6, "t", 1e5, "");
    expect("Aluminium exports fell to 128 thousand tons.", "128 thousand tons", 128000, "t", 1000,
           "");
    expect("A pipeline with 38 billion cubic meters a year.", "38 billion cubic meters", 38e9, "m3",
           1e9, "");
    expect("Deliveries reached 4 bcm.", "4 bcm", 4e9, "m3", 1e9, "");
    expect("Transit passed 1.8 million cubic\nmetres of timber.", "1.8 million cubic\nmetres",
           1.8e6, "m3", 1e5, "");
    expect("Trains carried 56,000 containers.", "56,000 containers", 56000, "count", 1000, "");
    expect("The port moved 76,500 TEU.", "76,500 TEU", 76500, "TEU", 100, "");
    expect("They plan to produce two million tonnes of hydrogen.", "two million tonnes", 2e6, "t",
           1e6, "projection");
    expect("transshipment of up to 8 million\ntonnes of LNG", "8 million\ntonnes", 8e6, "t", 1e6,
           "upper_bound");
    expect("The harvest was 50,000 t of wheat.", "50,000 t", 50000, "t", 10000, "");
    expect("The distance measures some 2500 km.", "2500 km", 2500, "km", 100, "approx");
    expect("Half of its 200 million hectares are used.", "200 million hectares", 200e6, "ha", 1e6,
           "");
    expect("Over 3,000 European companies operate here.", "3,000", 3000, "count", 1000,
           "lower_bound");
    expect("Nearly seventy Belgian companies trade there.", "seventy", 70, "count", 10, "approx");
}

static void test_percent(void **state)
{
    (void)state;
    expect("Belgian exports increased by 40.15 per cent in 2010.", "40.15 per cent", 40.15,
           "percent_change", 0.01, "");
    expect("Exports fell by 8.3% in 2022.", "8.3%", -8.3, "percent_change", 0.1, "");
    expect("Imports decreased 4 percent.", "4 percent", -4, "percent_change", 1, "");
    expect("It has a global share of about 40% in 2024.", "40%", 40, "percent", 10, "approx");
    expect("That is 20% of the total.", "20%", 20, "percent", 10, "");
    expect("It carried 56,000 containers (+170%).", "170%", 170, "percent_change", 10, "");
    expect("The gap narrowed by 2.5 percentage\npoints.", "2.5 percentage\npoints", 2.5, "pp", 0.1,
           "");
    expect("The deficit fell 1.5 pp in 2020.", "1.5 pp", 1.5, "pp", 0.1, "");
    expect("Freight rose 35% year on year.", "35%", 35, "percent_change", 1, "");
    expect("Inflation fell to 8.8 per cent.", "8.8 per cent", 8.8, "percent", 0.1, "");
    expect("Imports jumped by 140 pc in 2021.", "140 pc", 140, "percent_change", 10, "");
    expect("Intra-regional trade is doubling in value.", "doubling", 100, "percent_change", 1,
           "approx");
    expect("Demand is projected to multiply sixfold by 2030.", "sixfold", 500, "percent_change", 1,
           "approx");
    expect("Output grew 2.5-fold.", "2.5-fold", 150, "percent_change", 100, "");
    expect("Exports grew 15 percent, imports 7 percent.", "7 percent", 7, "percent_change", 1, "");
    expect("Kazakhstan supplies 40 percent of EU uranium.", "40 percent", 40, "percent", 10, "");
    expect("Less than one percent of students took part.", "one percent", 1, "percent", 1,
           "upper_bound");
}

static void test_qualifiers(void **state)
{
    (void)state;
    expect("Exports rose to over €64 million in 2011.", "€64 million", 64e6, "EUR", 1e6,
           "lower_bound");
    expect("The EU invested more than USD 200 billion.", "USD 200 billion", 200e9, "USD", 1e9,
           "lower_bound");
    expect("Volumes are expected to exceed 5.2 million tonnes.", "5.2 million tonnes", 5.2e6, "t",
           1e5, "projection");
    expect("The portfolio stands at an estimated $5bn.", "$5bn", 5e9, "USD", 1e9, "estimate");
    expect("Shipments reached some 214,000 tonnes.", "214,000 tonnes", 214000, "t", 1000, "approx");
    expect("A further €250 million is planned for 2024.", "€250 million", 250e6, "EUR", 1e6,
           "projection");
    expect("Investment is estimated at\nEUR 430 million.", "EUR 430 million", 430e6, "EUR", 1e6,
           "estimate");
    expect("Imports stood at roughly EUR 1,3 billion.", "EUR 1,3 billion", 1.3e9, "EUR", 1e8,
           "approx");
}

static void test_periods_and_keys(void **state)
{
    (void)state;
    expect_keys("Exports to Kazakhstan came to only €3.3 million in the first ten months of 2012.",
                "€3.3 million", "2012-01/2012-10", "", "KAZ", "export");
    /* money given "to support" projects is aid, even with no country named */
    expect_keys("SOS Villages received €696,092 for 2010-2012 to support two projects.", "€696,092",
                "2010/2012", "", "", "aid");
    expect_keys("Belgian exports to Kazakhstan reached €100 million in 2010.", "€100 million",
                "2010", "BEL", "KAZ", "export");
    expect_keys("In 2017, imports from Russia were 9.4 billion EUR.", "9.4 billion EUR", "2017", "",
                "RUS", "import");
    expect_keys("Luxembourg's investments in the Kazakh economy stood at €18.9 million in 2011.",
                "€18.9 million", "2011", "LUX", "KAZ", "investment_stock");
    expect_keys("Trade between the European Union and Uzbekistan reached EUR 6.4 bn in 2023.",
                "EUR 6.4 bn", "2023", "EUU", "UZB", "trade");
    expect_keys("Belgian services exports to Kazakhstan rose to €64 million in 2011.",
                "€64 million", "2011", "BEL", "KAZ", "services_export");
    expect_keys("Inflows grew by 12% between 2015 and 2020.", "12%", "2015/2020", "", "", "");
    expect_keys("A further EUR 12 million was committed in the first quarter of 2019.",
                "EUR 12 million", "2019-Q1", "", "", "");
    expect_keys("Deliveries reached 4 bcm in January-June 2023.", "4 bcm", "2023-01/2023-06", "",
                "", "");
    /* a citation year in brackets is no period; the year before is */
    expect_keys(
        "In 2015 a contract for up to 8 million tonnes of LNG a year was signed (Fluxys, 2020).",
        "8 million tonnes", "2015", "", "", "");
    /* "Yamal Trade" is a company, not the flow */
    expect_keys("In 2015 a contract with Yamal Trade covered 8 million tonnes.", "8 million tonnes",
                "2015", "", "", "");
    /* the year compared with is not the figure's; turnover is trade */
    expect_keys("Turnover grew to 3 billion dollars in 2019, a 20 percent increase on 2018.",
                "20 percent", "2019", "", "", "trade");
    expect_keys(
        "Kazakh exports to Belgium reached EUR 1.75 billion in 2012, 8.4 % more than in 2011.",
        "8.4 %", "2012", "KAZ", "BEL", "export");
    /* "(2021: EUR 9.6 million)" */
    expect_keys("Belgium's exports to Tajikistan totalled EUR 11.2 million in 2022 (2021: EUR 9.6 "
                "million).",
                "EUR 9.6 million", "2021", "BEL", "TJK", "export");
    /* the year of each figure in a list */
    expect_keys("It rose from €940,000 in 2002 to over €64 million in 2011.", "€940,000", "2002",
                "", "", "");
}

static void test_ranks(void **state)
{
    (void)state;
    expect("In 2011 Kazakhstan still only ranked 81st in Belgium's export markets.", "81st", 81,
           "rank", 1, "");
    expect("Antwerp is Europe's second-largest port.", "second", 2, "rank", 1, "");
    expect("In 2012 Belgium was Kazakhstan's 15th largest trade partner.", "15th", 15, "rank", 1,
           "");
    none("The 3rd round of talks was the 27th meeting.");
}

static void test_not_figures(void **state)
{
    (void)state;
    none("In 2011 the agreement was signed.");
    none("On 23 September 2025 he met the President.");
    none("The meeting on September 23 was short.");
    none("Dated 28.10.2025 08:10:54.");
    none("It opened at 10:30 in Tashkent.");
    none("See Article 16 and page 12 of the Treaty.");
    none("This was shown before (Casier, 2013: 124).");
    none("COVID-19 delayed the G20 review and the Zapad-2017 exercise.");
    none("Details at https://example.org/2023/report-15.pdf today.");
    none("Details at www.example.org/forum2022 today.");
    none("The controls were shared.1 Next came the rest.");
    none("The 2014-2015 shock hit trade.");
    none("EGMONT 12\n\nDEALING WITH RUSSIA\n");
    none("4 Based on the answer given in the Senate.");
    none("A 20-year concession was granted.");
    none("Policy Brief No. 7 was published.");
    none("Call +32 2 123 45 67 before 10 pm; ISO 9001 certification applies.");
    none("The carbon neutrality goal for the 2030s is firm.");
}

static void test_tables(void **state)
{
    (void)state;
    const char *text = "Prose before the table: exports reached EUR 119 million in 2011.\n"
                       "\n"
                       "Table 2. Belgian trade with Central Asia, 2011\n"
                       "\n"
                       "\tImports (EUR)\tExports (EUR)\n"
                       "Kazakhstan\t21,195.82\t119,091.91\n"
                       "Uzbekistan\t8,570.86\t27,124.41\n"
                       "\n"
                       "Source: National Bank of Belgium\n";
    trade_figure_list *l = run(text);
    /* the header says EUR, the values are thousands: 119,091.91 * 1000
     * = 119091910 is within 3 % of the prose's EUR 119 million */
    const trade_figure *f = find(l, "119,091.91");
    assert_near(f->value, 119091910, 1e-6);
    assert_string_equal(f->unit, "EUR");
    assert_near(f->precision, 10, 1e-9);
    assert_string_equal(f->reporter, "BEL");
    assert_string_equal(f->partner, "KAZ");
    assert_string_equal(f->flow, "export");
    assert_string_equal(f->period, "2011");
    assert_string_equal(f->table, "Table 2");
    assert_int_equal(f->line, 6);
    assert_int_equal(f->column, 22); /* after the 21 bytes "Kazakhstan\t21,195.82\t" */
    assert_non_null(strstr(f->note, "row: Kazakhstan"));
    assert_non_null(strstr(f->note, "column: Exports (EUR)"));
    f = find(l, "8,570.86");
    assert_near(f->value, 8570860, 1e-6);
    assert_string_equal(f->flow, "import");
    assert_string_equal(f->partner, "UZB");
    assert_int_equal(trade_extract_count(l), 5); /* the prose figure and four cells */
    trade_extract_free(l);

    /* the same table with no prose figure to compare: a trade table in
     * EUR, all values under a million with two decimals, is in thousands */
    text = "Table 2. Belgian trade with Central Asia, 2011\n"
           "\n"
           "\tImports (EUR)\tExports (EUR)\n"
           "Kazakhstan\t21,195.82\t119,091.91\n"
           "Uzbekistan\t8,570.86\t27,124.41\n";
    l = run(text);
    f = find(l, "21,195.82");
    assert_near(f->value, 21195820, 1e-6);
    assert_non_null(strstr(f->note, "thousands"));
    trade_extract_free(l);
    /* ... but not a price list in euros and cents */
    text = "Prices of tickets\n"
           "\tAdult (EUR)\tChild (EUR)\n"
           "Brussels\t21.50\t10.25\n"
           "Antwerp\t18.75\t9.50\n";
    l = run(text);
    f = find(l, "21.50");
    assert_near(f->value, 21.5, 1e-9);
    trade_extract_free(l);

    /* space-aligned, years as columns, scale in the caption */
    text = "Table 3. Kazakhstan's trade with the Benelux (USD million)\n"
           "\n"
           "                    2017      2018\n"
           "Belgium            812.4     901.7\n"
           "Netherlands      3,245.0   3,501.3\n";
    l = run(text);
    f = find(l, "3,501.3");
    assert_near(f->value, 3501.3e6, 1e-3);
    assert_string_equal(f->unit, "USD");
    assert_near(f->precision, 1e5, 1e-6);
    assert_string_equal(f->period, "2018");
    assert_string_equal(f->reporter, "KAZ");
    assert_string_equal(f->partner, "NLD");
    assert_int_equal(f->line, 5);
    assert_int_equal(trade_extract_count(l), 4);
    trade_extract_free(l);

    /* row labels that read like prose; a caption naming a pair */
    text = "Table 2 - EU-Kyrgyzstan trade in goods, EUR million\n"
           "\n"
           "\t2021\t2022\n"
           "EU exports to Kyrgyzstan\t371.9\t472.3\n"
           "EU imports from Kyrgyzstan\t67.4\t98.7\n";
    l = run(text);
    f = find(l, "98.7");
    assert_near(f->value, 98.7e6, 1e-3);
    assert_string_equal(f->reporter, "EUU");
    assert_string_equal(f->partner, "KGZ");
    assert_string_equal(f->flow, "import");
    assert_string_equal(f->period, "2022");
    trade_extract_free(l);

    /* Markdown pipes with a year header; a dashed rule under the header,
     * a unit per column (money with its scale, a share, a count) */
    text = "Table 5: Kazakh exports to the EU (USD million)\n"
           "\n"
           "| Partner | 2021 | 2022 |\n"
           "|---|---:|---:|\n"
           "| Germany | 1,234.5 | 1,400.0 |\n"
           "\n"
           "Table 6. Trade, 2022\n"
           "\n"
           "Country        Exports (EUR m)   Share (%)   Firms (number)\n"
           "-------------  ---------------   ---------   --------------\n"
           "Belgium                  812.4        12.5               40\n"
           "Netherlands              901.7        13.1               52\n";
    l = run(text);
    assert_int_equal(trade_extract_count(l), 8);
    f = find(l, "1,400.0");
    assert_near(f->value, 1.4e9, 1e-3);
    assert_string_equal(f->unit, "USD");
    assert_string_equal(f->period, "2022");
    assert_string_equal(f->partner, "DEU");
    assert_string_equal(f->reporter, "KAZ");
    f = find(l, "901.7");
    assert_near(f->value, 901.7e6, 1e-3);
    assert_string_equal(f->unit, "EUR");
    f = find(l, "13.1");
    assert_string_equal(f->unit, "percent");
    f = find(l, "52");
    assert_string_equal(f->unit, "count");
    trade_extract_free(l);

    /* ranks, and rows labelled by year, tonnes in thousands */
    text = "Table 1. Ranking of Central Asian states in Belgian trade, 2011\n"
           "\tImports\tExports\n"
           "Kazakhstan\t111\t81\n"
           "Uzbekistan\t133\t120\n"
           "\n"
           "Table 4: Kazakh grain exports to the EU (thousand tonnes)\n"
           "Year    Wheat    Barley\n"
           "2019    1,250      310\n"
           "2020    1,410      295\n";
    l = run(text);
    f = find(l, "81");
    assert_string_equal(f->unit, "rank");
    assert_near(f->value, 81, 0);
    assert_string_equal(f->flow, "export");
    f = find(l, "1,410");
    assert_string_equal(f->unit, "t");
    assert_near(f->value, 1410000, 1e-6);
    assert_string_equal(f->period, "2020");
    assert_string_equal(f->partner, "EUU");
    assert_int_equal(trade_extract_count(l), 8);
    trade_extract_free(l);
}

static void test_provenance(void **state)
{
    (void)state;
    const char *text =
        "First line.\nThe Deputy said that exports reached €5 million in 2020. Next.";
    trade_figure_list *l = run(text);
    assert_int_equal(trade_extract_count(l), 1);
    const trade_figure *f = trade_extract_at(l, 0);
    assert_int_equal(f->line, 2);
    assert_int_equal(f->column,
                     38); /* after the 37 bytes "The Deputy said that exports reached " */
    assert_string_equal(f->as_written, "€5 million");
    assert_string_equal(f->context, "The Deputy said that exports reached €5 million in 2020.");
    trade_extract_free(l);

    /* a long sentence: the context is cut to 300 bytes around the figure */
    char big[2000];
    size_t k = 0;
    for (int i = 0; i < 120; i++)
        k += (size_t)snprintf(big + k, sizeof big - k, "%s", "word ");
    snprintf(big + k, sizeof big - k, "%s",
             "exports reached €5 million in 2020 and then more words.");
    l = run(big);
    f = find(l, "€5 million");
    assert_true(strlen(f->context) <= 300);
    assert_non_null(strstr(f->context, "€5 million"));
    trade_extract_free(l);
}

static void test_hostile(void **state)
{
    (void)state;
    trade_figure_list *l = NULL;
    trade_error err;
    /* empty and NULL */
    assert_int_equal(trade_extract_text(NULL, 0, NULL, &l, &err), 0);
    assert_int_equal(trade_extract_count(l), 0);
    assert_null(trade_extract_at(l, 0));
    trade_extract_free(l);
    assert_int_not_equal(trade_extract_text(NULL, 5, NULL, &l, &err), 0);
    assert_null(l);
    assert_int_not_equal(trade_extract_text("x", 1, NULL, NULL, &err), 0);
    assert_int_equal(trade_extract_count(NULL), 0);
    trade_extract_free(NULL);
    /* NULs, invalid UTF-8, huge digit runs, separators everywhere */
    char buf[4096];
    size_t n = 0;
    const char *pieces[] = {"\xE2\x82",
                            "\xFF\xFE",
                            "\0",
                            "€",
                            "9999999999999999999999999999999",
                            "99999999999999999999",
                            " trillion",
                            " euros ",
                            ",",
                            ".",
                            "%",
                            "\n",
                            "1,2,3,4",
                            "1.2.3",
                            "  ",
                            "\t",
                            "US$",
                            "EUR",
                            "-",
                            "+",
                            "per cent",
                            "\xC2\xA0",
                            "000",
                            "first ten months of",
                            " 2012",
                            "(",
                            ")"};
    unsigned seed = 12345;
    while (n < sizeof buf - 64) {
        seed = seed * 1103515245u + 12345u;
        const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        size_t len = strlen(p);
        if (len == 0) {
            buf[n++] = '\0';
            continue;
        }
        memcpy(buf + n, p, len);
        n += len;
    }
    assert_int_equal(trade_extract_text(buf, n, NULL, &l, &err), 0);
    for (size_t i = 0; i < trade_extract_count(l); i++) {
        const trade_figure *f = trade_extract_at(l, i);
        assert_true(f->value == f->value && f->value < 1e300 && f->value > -1e300);
        assert_true(f->precision > 0);
        assert_true(strlen(f->context) <= 300);
    }
    trade_extract_free(l);
    /* a digit run far longer than any number */
    memset(buf, '9', sizeof buf);
    memcpy(buf + sizeof buf - 12, " million EUR", 12);
    assert_int_equal(trade_extract_text(buf, sizeof buf, NULL, &l, &err), 0);
    assert_int_equal(trade_extract_count(l), 0);
    trade_extract_free(l);
    /* options: no tables, no counts */
    trade_extract_options o = {.no_counts = 1};
    const char *t = "Some 265 troops and €5 million.";
    assert_int_equal(trade_extract_text(t, strlen(t), &o, &l, &err), 0);
    assert_int_equal(trade_extract_count(l), 1);
    trade_extract_free(l);
}

/* Two parts of one source: "Peru's exports to Chile were EUR 5 million in
 * 2020." in both, once with EUR 6 million. The merge keeps every figure
 * (2 + 1), and the later conflicting one loses its flow, naming the other
 * file; precisions are equal (10^6 each), so neither is read as rounded. */
static void test_merge(void **state)
{
    (void)state;
    const char *a = "Peru's exports to Chile were EUR 5 million in 2020. Chile's exports to Peru "
                    "were EUR 2 million in 2020.";
    const char *b = "Peru's exports to Chile were EUR 6 million in 2020.";
    trade_figure_list *la = run(a), *lb = run(b);
    trade_error err;
    assert_int_equal(trade_extract_count(la), 2);
    assert_int_equal(trade_extract_merge(la, &lb, &err), 0);
    assert_null(lb);
    assert_int_equal(trade_extract_count(la), 3);
    const trade_figure *f5 = find(la, "EUR 5 million"), *f6 = find(la, "EUR 6 million");
    assert_string_equal(f5->flow, "export");
    assert_string_equal(f6->flow, "");
    assert_non_null(strstr(f6->note, "conflict: read as export like line 1 column 30"));
    trade_extract_free(la);
    /* a coarser figure beside a finer one: the coarser is approx */
    la = run("Peru's exports to Chile were EUR 5.2 million in 2020.");
    lb = run("Peru's exports to Chile were EUR 5 million in 2020.");
    assert_int_equal(trade_extract_merge(la, &lb, &err), 0);
    f5 = find(la, "EUR 5 million");
    assert_string_equal(f5->flow, "export");
    assert_string_equal(f5->qualifier, "approx");
    assert_string_equal(find(la, "EUR 5.2 million")->qualifier, "");
    trade_extract_free(la);
    assert_int_equal(trade_extract_merge(NULL, &lb, &err), TRADE_EARG);
}

/* The dataset files of a folder: only *.csv, not hidden ones, in name order. */
static void test_dataset_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_extract_XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const names[] = {"b.csv", "a.csv", ".h.csv", "c.txt"};
    char path[256];
    char **files = NULL;
    size_t n = 9;
    trade_error err;
    assert_int_equal(trade_extract_dataset_files(dir, &files, &n, &err), TRADE_ENOTFOUND);
    assert_null(files);
    assert_int_equal(n, 0);
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fclose(f);
    }
    assert_int_equal(trade_extract_dataset_files(dir, &files, &n, &err), 0);
    assert_int_equal(n, 2);
    snprintf(path, sizeof path, "%s/a.csv", dir);
    assert_string_equal(files[0], path);
    snprintf(path, sizeof path, "%s/b.csv", dir);
    assert_string_equal(files[1], path);
    trade_extract_files_free(files, n);
    /* a file is itself */
    assert_int_equal(trade_extract_dataset_files(path, &files, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(files[0], path);
    trade_extract_files_free(files, n);
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    assert_int_equal(trade_extract_dataset_files(dir, &files, &n, &err), TRADE_EIO);
    assert_string_equal(err.file, dir);
    trade_extract_files_free(NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_quantities),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_periods_and_keys),
        cmocka_unit_test(test_ranks),
        cmocka_unit_test(test_not_figures),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_provenance),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_dataset_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
