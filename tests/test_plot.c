/* test_plot.c - the gnuplot script writer: quoting, scales, qualifiers,
 * choices of rows, and (with the real gnuplot when installed) that quoted
 * hostile text comes back from gnuplot exactly as written and never runs.
 * Expected numbers are worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "plot_internal.h"
#include "trade/trade.h"

static trade_table *table_of(const char *csv, int generic)
{
    trade_table *t = trade_table_new();
    trade_read_options ro = {0};
    ro.generic = generic;
    trade_error err;
    assert_non_null(t);
    if (trade_table_read_buffer(t, csv, strlen(csv), "test.csv", &ro, &err))
        fail_msg("read: %s (line %lu)", err.message, err.line);
    return t;
}

static char *script_of(const char *csv, trade_plot_kind kind, const char *title,
                       unsigned char *used)
{
    trade_table *t = table_of(csv, kind == TRADE_PLOT_GROWTH);
    trade_plot_options po = {0};
    po.kind = kind;
    po.title = title;
    po.name = "chart";
    char *s = NULL;
    size_t len = 0;
    trade_error err;
    if (trade_plot_script(t, &po, &s, &len, used, &err))
        fail_msg("plot: %s", err.message);
    assert_int_equal(strlen(s), len);
    trade_table_free(t);
    return s;
}

/* Every datablock line starts with a digit or '-' (or is empty: a break in
 * a line), so no line can end the block early or be read as a command. */
static void assert_blocks_safe(const char *s)
{
    const char *p = s;
    int blocks = 0;
    while ((p = strstr(p, " << EOD\n"))) {
        p += 8;
        blocks++;
        while (strncmp(p, "EOD\n", 4)) {
            if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '\n'))
                fail_msg("datablock line starts with '%c': %.40s", *p, p);
            p = strchr(p, '\n');
            assert_non_null(p);
            p++;
        }
    }
    assert_true(blocks > 0);
}

static void test_names(void **state)
{
    (void)state;
    trade_plot_kind k;
    trade_plot_terminal t;
    assert_int_equal(trade_plot_kind_parse("bars", &k), 0);
    assert_int_equal(k, TRADE_PLOT_BARS);
    assert_int_equal(trade_plot_kind_parse("rank", &k), 0);
    assert_int_equal(k, TRADE_PLOT_RANK);
    assert_int_equal(trade_plot_kind_parse("pie", &k), TRADE_EARG);
    assert_int_equal(trade_plot_kind_parse(NULL, &k), TRADE_EARG);
    assert_int_equal(trade_plot_terminal_parse("svg", &t), 0);
    assert_int_equal(t, TRADE_PLOT_SVG);
    assert_int_equal(trade_plot_terminal_parse("jpeg", &t), TRADE_EARG);
    assert_string_equal(trade_plot_terminal_ext(TRADE_PLOT_PDF), "pdf");
}

static void test_quote(void **state)
{
    (void)state;
    plot_buf b = {0};
    /* ' becomes U+2019, control characters spaces, the rest as written */
    plot_buf_quote(&b, "a'b\nc\r\t`x`@m\\");
    assert_string_equal(b.p, "'a\xe2\x80\x99"
                             "b c  `x`@m\\'");
    b.len = 0;
    plot_buf_comment(&b, "x\\\ny");
    assert_string_equal(b.p, "x  y");
    b.len = 0;
    plot_buf_quote(&b, "");
    assert_string_equal(b.p, "''");
    free(b.p);
}

/* Belgian exports to Kazakhstan: 2009 derived 71 million, 2010 100 million,
 * 2011 stated twice (118 million approx, 119,091,910 exact: the exact one is
 * drawn), services 2011 "over 64 million" (lower bound), Luxembourg Jan-Oct
 * 2012 (partial). Largest magnitude 119e6 -> scale million EUR. */
static const char line_csv[] =
    "reporter,partner,flow,period,value,unit,precision,qualifier,source,locator\n"
    "BEL,KAZ,export,2009,71000000,EUR,1000000,derived,b,line 1\n"
    "BEL,KAZ,export,2010,100000000,EUR,1000000,,b,line 2\n"
    "BEL,KAZ,export,2011,118000000,EUR,1000000,approx,b,line 3\n"
    "BEL,KAZ,export,2011,119091910,EUR,10,,b,line 4\n"
    "BEL,KAZ,services_export,2011,64000000,EUR,1000000,lower_bound,b,line 5\n"
    "BEL,KAZ,export,2012-01/2012-10,3300000,EUR,100000,,b,line 6\n"
    "BEL,KAZ,export,2011,81,rank,1,,b,line 7\n";

static void test_line(void **state)
{
    (void)state;
    unsigned char used[7];
    char *s = script_of(line_csv, TRADE_PLOT_LINE, NULL, used);
    assert_blocks_safe(s);
    assert_non_null(strstr(s, "set ylabel 'million EUR'"));
    /* 2011 sits at 2011.5; 119091910 / 1e6 = 119.09191, drawn solid, filled
       circle (pt 7); not joined to Jan-Oct 2012 (ten months after a year):
       a blank line ends the line there */
    assert_non_null(
        strstr(s, "2011.5 119.09191 119.09191 NaN 7 NaN NaN \"2011\" \"exact\"\n\n"));
    /* derived 2009: open circle (pt 6) */
    assert_non_null(strstr(s, "2009.5 71 71 NaN 6 "));
    /* Jan-Oct 2012: middle = 2012 + 5/12 = 2012.416666..., 3.3 million,
       dashed, not solid, filled square (pt 5) */
    assert_non_null(strstr(s, "2012.416667 3.3 NaN 3.3 5 "));
    assert_non_null(strstr(s, "set label 'Jan\xe2\x80\x93Oct 2012'"));
    /* the lower bound points up from (2011.5, 64) */
    assert_non_null(strstr(s, "from first 2011.5, first 64 rto graph 0, graph 0.09"));
    /* the exact 2011 figure is used, the approx one (same period: 2) and the
       rank (other unit: 3) are not */
    static const unsigned char want[7] = {1, 1, 2, 1, 1, 1, 3};
    assert_memory_equal(used, want, 7);
    assert_non_null(strstr(s, "# 1 rows in units other than EUR are not drawn."));
    assert_non_null(strstr(s, "Belgium \xe2\x86\x92 Kazakhstan, exports"));
    assert_non_null(strstr(s, "set xrange [2009:2013]"));
    assert_null(strstr(s, "set logscale"));
    free(s);
}

/* Bars for 2011, thousands of euros of Table 2: exports KAZ 119091.91,
 * UZB 27124.41, TJK 798.05; imports KAZ 21195.82, UZB 8570.86. Categories
 * by exports, largest first: Kazakhstan, Uzbekistan, Tajikistan. */
static const char bars_csv[] = "reporter,partner,flow,period,value,unit,source,locator\n"
                               "BEL,TJK,export,2011,798050,EUR,b,1\n"
                               "BEL,KAZ,import,2011,21195820,EUR,b,2\n"
                               "BEL,UZB,export,2011,27124410,EUR,b,3\n"
                               "BEL,KAZ,export,2011,119091910,EUR,b,4\n"
                               "BEL,UZB,import,2011,8570860,EUR,b,5\n"
                               "BEL,KAZ,export,2010,100000000,EUR,b,6\n";

static void test_bars(void **state)
{
    (void)state;
    unsigned char used[6];
    char *s = script_of(bars_csv, TRADE_PLOT_BARS, NULL, used);
    assert_blocks_safe(s);
    assert_non_null(strstr(s, "set xtics ('Kazakhstan' 0, 'Uzbekistan' 1, 'Tajikistan' 2)"));
    /* two groups: bar width 0.8 / 2 = 0.4; exports centre at i - 0.4 + 0.2 */
    /* labels with three significant digits, four from 100: 119.1, 27.1, 0.798 */
    assert_non_null(strstr(s, "$g1 << EOD\n0 -0.2 119.09191 119.09191 NaN 119.09191 \"119.1\"\n"
                              "1 0.8 27.12441 27.12441 NaN 27.12441 \"27.1\"\n"
                              "2 1.8 0.79805 0.79805 NaN 0.79805 \"0.798\"\nEOD\n"));
    /* imports centre at i + 0.2; Tajikistan has none */
    assert_non_null(strstr(s, "$g2 << EOD\n0 0.2 21.19582 "));
    assert_non_null(strstr(s, "2 2.2 NaN NaN NaN NaN \"\"\n"));
    assert_non_null(strstr(s, "title 'exports'"));
    assert_non_null(strstr(s, "title 'imports'"));
    static const unsigned char want[6] = {1, 1, 1, 1, 1, TRADE_PLOT_ROW_OTHER_PERIOD};
    assert_memory_equal(used, want, 6);
    assert_non_null(strstr(s, "# 1 rows of other periods are not drawn"));
    free(s);
}

/* Ranks of Table 1: one period, so a dot plot with rank 1 on top: the y
 * range runs from ceil(187 * 1.15) + 1 = 217 down to 0. */
static void test_rank(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,period,value,unit,source,locator\n"
                              "BEL,KAZ,export,2011,81,rank,b,1\n"
                              "BEL,TJK,export,2011,187,rank,b,2\n"
                              "BEL,KAZ,export,2011,81000000,EUR,b,3\n";
    char *s = script_of(csv, TRADE_PLOT_RANK, NULL, NULL);
    assert_blocks_safe(s);
    assert_non_null(strstr(s, "set yrange [217:0]"));
    assert_non_null(strstr(s, "set xtics ('Kazakhstan' 0, 'Tajikistan' 1)"));
    free(s);
    /* two years: ranks over time, still reversed: 90 + 90 / 10 + 1 = 100 */
    static const char csv2[] = "reporter,partner,flow,period,value,unit,source,locator\n"
                               "BEL,KAZ,export,2010,90,rank,b,1\n"
                               "BEL,KAZ,export,2011,81,rank,b,2\n";
    s = script_of(csv2, TRADE_PLOT_RANK, NULL, NULL);
    assert_non_null(strstr(s, "set yrange [100:0]"));
    assert_non_null(strstr(s, "2010.5 90 90 NaN 7"));
    free(s);
}

/* Growth from trade growth output: +40.8 % and -49.3 % (a decline goes to
 * the fourth column), a row without a rate is left out. */
static void test_growth(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,unit,period_from,period_to,growth_pct,status\n"
                              "BEL,KAZ,export,EUR,2009,2010,40.8,\n"
                              "BEL,KAZ,export,EUR,2010,2011,-49.3,\n"
                              "BEL,KAZ,export,EUR,2011,2012-01/2012-10,,incomparable periods\n";
    unsigned char used[3];
    char *s = script_of(csv, TRADE_PLOT_GROWTH, "Growth 'x'", used);
    assert_blocks_safe(s);
    assert_non_null(strstr(s, "$growth << EOD\n0 40.8 40.8 NaN NaN \"+40.8 %\"\n"
                              "1 -49.3 NaN -49.3 NaN \"-49.3 %\"\nEOD\n"));
    assert_non_null(strstr(s, "set xtics ('2009\xe2\x86\x92"
                              "2010' 0, '2010\xe2\x86\x92"
                              "2011' 1)"));
    /* the period drawn (2009 to 2011) is added to a title that does not name it */
    assert_non_null(strstr(s, "set title 'Growth \xe2\x80\x99x\xe2\x80\x99, 2009\xe2\x80\x93"
                              "2011'"));
    assert_non_null(strstr(s, "title 'decline'"));
    static const unsigned char want[3] = {1, 1, 0};
    assert_memory_equal(used, want, 3);
    free(s);
    /* nothing to draw */
    trade_table *t = table_of("a,b\n1,2\n", 1);
    trade_plot_options po = {0};
    po.kind = TRADE_PLOT_GROWTH;
    trade_error err;
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), TRADE_EDATA);
    assert_null(s);
    trade_table_free(t);
}

static void test_errors(void **state)
{
    (void)state;
    trade_table *t = table_of(line_csv, 0);
    trade_plot_options po = {0};
    char *s;
    trade_error err;
    po.name = "a/b";
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), TRADE_EARG);
    po.name = "a\nb";
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), TRADE_EARG);
    po.name = NULL;
    po.kind = TRADE_PLOT_RANK;
    po.title = NULL;
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), 0);
    free(s);
    /* log scale and terminal choice */
    po.kind = TRADE_PLOT_LINE;
    po.log_y = 1;
    po.terminal = TRADE_PLOT_SVG;
    po.width = 640;
    po.height = 400;
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), 0);
    assert_non_null(strstr(s, "set logscale y\n"));
    assert_non_null(strstr(s, "out_format = 'svg'"));
    assert_non_null(strstr(s, "set terminal svg size 640,400"));
    assert_non_null(strstr(s, "set output 'chart' . '.' . out_format"));
    free(s);
    trade_table_free(t);
}

/* Draft rows with no period have no place on a time axis: left out, and a
 * table of nothing else is an error rather than an empty plot command. */
static void test_draft(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,period,value,unit\n"
                              "BEL,KAZ,export,,5,EUR\n"
                              "BEL,KAZ,export,2011,7,EUR\n";
    trade_table *t = trade_table_new();
    trade_read_options ro = {0};
    ro.draft = 1;
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, strlen(csv), "d.csv", &ro, &err), 0);
    trade_plot_options po = {0};
    char *s;
    unsigned char used[2];
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, used, &err), 0);
    assert_non_null(strstr(s, "$s1 << EOD\n2011.5 7 7 NaN 7 NaN NaN \"2011\" \"exact\"\nEOD\n"));
    assert_int_equal(used[0], 0);
    assert_int_equal(used[1], 1);
    free(s);
    trade_table_free(t);
    t = trade_table_new();
    assert_int_equal(trade_table_read_buffer(t, csv, 62, "d.csv", &ro, &err),
                     0); /* first row only */
    assert_int_equal(trade_table_rows(t), 1);
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, NULL, &err), TRADE_EDATA);
    trade_table_free(t);
}

static int have_gnuplot(void)
{
    const char *path = getenv("PATH");
    if (!path)
        return 0;
    char *copy = strdup(path), *save = NULL;
    int found = 0;
    for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
        char buf[4096];
        snprintf(buf, sizeof buf, "%s/gnuplot", d);
        found = access(buf, X_OK) == 0;
    }
    free(copy);
    return found;
}

/* Random strings of the characters that matter to gnuplot go through
 * plot_buf_quote into `print` commands; gnuplot must print each one back
 * exactly (after our substitutions) and run nothing. */
static void test_gnuplot_roundtrip(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        skip();
        return;
    }
    char dir[] = "/tmp/trade-test-plot-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char marker[256], gp[256], out[256];
    snprintf(marker, sizeof marker, "%s/pwned", dir);
    snprintf(gp, sizeof gp, "%s/q.gp", dir);
    snprintf(out, sizeof out, "%s/printed.txt", dir);
    static const char alphabet[] = "''''`\"\\@!#$;\n\r\tEOD(){}^_&x ";
    enum { N = 300 };
    static char texts[N][48];
    srand(12345);
    plot_buf b = {0};
    plot_buf_puts(&b, "set print 'printed.txt'\nset macros\nm = 'system(\"touch pwned\")'\n");
    for (int i = 0; i < N; i++) {
        int len = rand() % 40;
        for (int j = 0; j < len; j++)
            texts[i][j] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        texts[i][len] = '\0';
        if (i % 7 == 0) /* some that try to leave the string on purpose */
            snprintf(texts[i], sizeof texts[i], "%s'''');system('touch pwned');'",
                     i % 2 ? "" : "x");
        if (i % 11 == 0)
            snprintf(texts[i], sizeof texts[i], "`touch pwned` @m\n!touch pwned");
        plot_buf_puts(&b, "print ");
        plot_buf_quote(&b, texts[i]);
        plot_buf_puts(&b, "\n");
    }
    trade_error err;
    assert_int_equal(trade_file_write_atomic(gp, b.p, b.len, &err), 0);
    free(b.p);
    assert_int_equal(trade_plot_render(gp, NULL, &err), 0);
    assert_int_not_equal(access(marker, F_OK), 0);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    char line[256];
    for (int i = 0; i < N; i++) {
        assert_non_null(fgets(line, sizeof line, f));
        line[strcspn(line, "\n")] = '\0';
        /* expected: ' as U+2019, control characters as spaces */
        char want[256];
        size_t k = 0;
        for (const char *p = texts[i]; *p; p++) {
            if (*p == '\'') {
                memcpy(want + k, "\xe2\x80\x99", 3);
                k += 3;
            } else {
                want[k++] = (unsigned char)*p < 0x20 ? ' ' : *p;
            }
        }
        want[k] = '\0';
        assert_string_equal(line, want);
    }
    fclose(f);
    unlink(gp);
    unlink(out);
    rmdir(dir);
}

static void test_render_missing(void **state)
{
    (void)state;
    char dir[] = "/tmp/trade-test-plot-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char gp[256];
    snprintf(gp, sizeof gp, "%s/x.gp", dir);
    trade_error err;
    assert_int_equal(trade_file_write_atomic(gp, "print 1\n", 8, &err), 0);
    setenv("TRADE_GNUPLOT", "/nonexistent/gnuplot", 1);
    assert_int_equal(trade_plot_render(gp, "png", &err), TRADE_ENOTFOUND);
    assert_non_null(strstr(err.message, "gnuplot"));
    setenv("TRADE_GNUPLOT", "false", 1); /* runs, exits 1 */
    assert_int_equal(trade_plot_render(gp, NULL, &err), TRADE_EIO);
    assert_int_equal(trade_plot_render(gp, "jpeg", &err), TRADE_EARG);
    unsetenv("TRADE_GNUPLOT");
    unlink(gp);
    rmdir(dir);
}

/* Services exports stated for 2002 and 2011 only: the two points are not
 * joined (a blank line between them in the block); the title gains the
 * period 2002-2011; the source line names both lines of source b; two
 * series at the same period and value (2.0 million each) are moved apart:
 * the axis spans 2002 to 2012 (10 years), so the second point moves
 * 0.025 * 10 = 0.25 year to the right, 2011.5 -> 2011.75. A row mask leaves
 * out the last row (TRADE_PLOT_ROW_NOT_SELECTED). */
static void test_gaps_and_marks(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,period,value,unit,source,locator\n"
                              "BEL,KAZ,services_export,2002,1000000,EUR,b,line 1\n"
                              "BEL,KAZ,services_export,2011,2000000,EUR,b,line 2\n"
                              "BEL,UZB,services_export,2011,2000000,EUR,b,line 2\n"
                              "BEL,TKM,services_export,2011,9000000,EUR,c,line 9\n";
    trade_table *t = trade_table_new();
    trade_error err;
    assert_int_equal(trade_table_read_buffer(t, csv, strlen(csv), "g.csv", NULL, &err), 0);
    static const unsigned char sel[4] = {1, 1, 1, 0};
    trade_plot_options po = {0};
    po.title = "Services";
    po.rows = sel;
    char *s;
    unsigned char used[4];
    assert_int_equal(trade_plot_script(t, &po, &s, NULL, used, &err), 0);
    assert_blocks_safe(s);
    assert_non_null(strstr(s, "2002.5 1 1 NaN 7 NaN NaN \"2002\" \"exact\"\n\n2011.5 2 2 NaN 7 "));
    assert_non_null(strstr(s, "2011.75 2 2 NaN 7 "));
    assert_non_null(strstr(s, "set title 'Services, 2002\xe2\x80\x93" "2011'"));
    assert_non_null(strstr(s, "svg_title = 'Services, 2002\xe2\x80\x93" "2011'"));
    assert_non_null(strstr(s, "set label 9999 'Source: b, lines 1, 2' at graph 0"));
    assert_null(strstr(s, "Turkmenistan"));
    static const unsigned char want[4] = {1, 1, 1, TRADE_PLOT_ROW_NOT_SELECTED};
    assert_memory_equal(used, want, 4);
    free(s);
    trade_table_free(t);
}

/* The title as drawn comes back from the script: the title given, with the
 * period drawn added (2010 and 2011 drawn: ", 2010–2011"); a title that
 * names both years is left as it is; a text without the line gives NULL. */
static void test_script_title(void **state)
{
    (void)state;
    static const char csv[] = "reporter,partner,flow,period,value,unit\n"
                              "BEL,KAZ,export,2010,100,EUR\nBEL,KAZ,export,2011,120,EUR\n";
    char *s = script_of(csv, TRADE_PLOT_LINE, "It's exports", NULL);
    size_t n = 99;
    const char *t = trade_plot_script_title(s, &n);
    /* the quote is written as U+2019 inside gnuplot's single quotes */
    static const char want[] = "It\xe2\x80\x99s exports, 2010\xe2\x80\x93"
                               "2011";
    assert_non_null(t);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(t, want, n);
    trade_free(s);
    s = script_of(csv, TRADE_PLOT_LINE, "Exports 2010 to 2011", NULL);
    t = trade_plot_script_title(s, &n);
    assert_int_equal(n, strlen("Exports 2010 to 2011"));
    assert_memory_equal(t, "Exports 2010 to 2011", n);
    trade_free(s);
    assert_null(trade_plot_script_title("set title 'x'\n", &n));
    assert_int_equal(n, 0);
    assert_null(trade_plot_script_title(NULL, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),          cmocka_unit_test(test_quote),
        cmocka_unit_test(test_line),           cmocka_unit_test(test_bars),
        cmocka_unit_test(test_rank),           cmocka_unit_test(test_growth),
        cmocka_unit_test(test_errors),         cmocka_unit_test(test_gnuplot_roundtrip),
        cmocka_unit_test(test_render_missing), cmocka_unit_test(test_draft),
        cmocka_unit_test(test_gaps_and_marks), cmocka_unit_test(test_script_title),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
