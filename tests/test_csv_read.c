/* test_csv_read.c - the CSV reader (csv_read_internal.h): positions of
 * fields whatever the pieces the input comes in, and located problems.
 * Expected positions are counted by hand on the inputs shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "csv_read_internal.h"

typedef struct seen {
    char text[16][16];
    unsigned long line[16], column[16];
    int quoted[16];
    size_t n, rows;
} seen;

static int on_field(void *ctx, const csvrd_field *f)
{
    seen *s = ctx;
    if (s->n < 16) {
        snprintf(s->text[s->n], sizeof s->text[0], "%.*s", (int)f->len, f->s);
        s->line[s->n] = f->line;
        s->column[s->n] = f->column;
        s->quoted[s->n] = f->quoted;
    }
    s->n++;
    return 0;
}

static int on_row(void *ctx)
{
    ((seen *)ctx)->rows++;
    return 0;
}

/* Read in pieces of step bytes (0: all at once); the reader's last status. */
static int read_all(const char *in, size_t len, size_t step, const csvrd_options *base, seen *s,
                    trade_error *err)
{
    csvrd_options o = *base;
    o.field = on_field;
    o.row = on_row;
    o.ctx = s;
    memset(s, 0, sizeof *s);
    csvrd *r;
    assert_int_equal(csvrd_open(&r, &o), 0);
    int st = CSVRD_OK;
    for (size_t i = 0; i < len && st == CSVRD_OK; i += step ? step : len)
        st = csvrd_feed(r, in + i, step && len - i > step ? step : len - i);
    if (st == CSVRD_OK)
        st = csvrd_finish(r);
    *err = *csvrd_error(r);
    csvrd_close(r);
    return st;
}

static void test_positions(void **state)
{
    (void)state;
    /* line 1: a,"b     line 2: c"<CR><LF>     line 3: d,e<LF>     line 4: f<CR> g */
    static const char in[] = "a,\"b\nc\"\r\nd,e\nf\rg";
    csvrd_options o = {0};
    size_t steps[] = {0, 1, 2, 3, 7};
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        seen s;
        trade_error e;
        assert_int_equal(read_all(in, sizeof in - 1, steps[k], &o, &s, &e), CSVRD_OK);
        assert_int_equal(s.n, 6);
        assert_int_equal(s.rows, 4);
        assert_string_equal(s.text[0], "a");
        assert_int_equal(s.line[0], 1);
        assert_int_equal(s.column[0], 1);
        assert_string_equal(s.text[1], "b\nc");
        assert_int_equal(s.line[1], 1);
        assert_int_equal(s.column[1], 3);
        assert_int_equal(s.quoted[1], 1);
        assert_string_equal(s.text[2], "d");
        assert_int_equal(s.line[2], 3); /* the quoted line break and the CRLF count once each */
        assert_int_equal(s.column[2], 1);
        assert_string_equal(s.text[3], "e");
        assert_int_equal(s.column[3], 3);
        assert_int_equal(s.quoted[3], 0);
        assert_string_equal(s.text[4], "f");
        assert_int_equal(s.line[4], 4);
        assert_string_equal(s.text[5], "g"); /* a lone CR ends a line, the last row needs no end */
        assert_int_equal(s.line[5], 5);
        assert_int_equal(s.column[5], 1);
    }
}

static void test_problems(void **state)
{
    (void)state;
    seen s;
    trade_error e;
    csvrd_options o = {0};
    /* NUL: line 2 is "ab<NUL>c", the NUL at byte column 3 */
    assert_int_equal(read_all("x,y\nab\0c\n", 9, 0, &o, &s, &e), CSVRD_ERROR);
    assert_int_equal(e.code, TRADE_ECSV);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 3);
    assert_string_equal(e.message, "NUL byte in input");
    /* a quote left open: located at its field's start, 2:3 */
    assert_int_equal(read_all("a\nb,\"cd\n", 8, 1, &o, &s, &e), CSVRD_ERROR);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 3);
    assert_string_equal(e.message, "unterminated quoted field");
    /* a field of 4 bytes past a bound of 3, located at its start 1:3 */
    o.max_field = 3;
    assert_int_equal(read_all("a,bcde,f\n", 9, 0, &o, &s, &e), CSVRD_ERROR);
    assert_int_equal(e.code, TRADE_ELIMIT);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 3);
    assert_string_equal(e.message, "field longer than the limit of 3 bytes");
    /* strict: a quote inside an unquoted field; lenient takes it as text */
    o.max_field = 0;
    assert_int_equal(read_all("a,b\"c\n", 6, 0, &o, &s, &e), CSVRD_ERROR);
    assert_int_equal(e.code, TRADE_ECSV);
    assert_int_equal(e.line, 1);
    o.lenient = 1;
    assert_int_equal(read_all("a,b\"c\n", 6, 0, &o, &s, &e), CSVRD_OK);
    assert_string_equal(s.text[1], "b\"c");
    /* trim: unquoted padding is not part of the field */
    o.trim = 1;
    assert_int_equal(read_all(" 1 , 2\n", 7, 0, &o, &s, &e), CSVRD_OK);
    assert_string_equal(s.text[0], "1");
    assert_string_equal(s.text[1], "2");
    assert_int_equal(s.column[1], 5);
}

/* Raw callbacks (lines, not columns): libcsv's own, *line the line where
 * each field ends: a (1), the quoted "b<LF>c" (ends on 2), d (3). */
typedef struct raw_seen {
    unsigned long line, lines[8];
    size_t n, rows;
    int stop;
} raw_seen;

static void raw_field(void *s, size_t len, void *ctx)
{
    raw_seen *r = ctx;
    (void)s;
    (void)len;
    if (r->n < 8)
        r->lines[r->n] = r->line;
    r->n++;
}

static void raw_row(int c, void *ctx)
{
    (void)c;
    ((raw_seen *)ctx)->rows++;
}

static void test_raw(void **state)
{
    (void)state;
    static const char in[] = "a,\"b\nc\"\nd\n";
    for (size_t step = 0; step < 4; step++) {
        raw_seen rs = {0};
        csvrd_options o = {0};
        o.lenient = o.trim = 1;
        o.raw_field = raw_field;
        o.raw_row = raw_row;
        o.line = &rs.line;
        o.stop = &rs.stop;
        o.ctx = &rs;
        csvrd *r;
        assert_int_equal(csvrd_open(&r, &o), 0);
        size_t len = sizeof in - 1;
        for (size_t i = 0; i < len; i += step ? step : len)
            assert_int_equal(csvrd_feed(r, in + i, step && len - i > step ? step : len - i), 0);
        assert_int_equal(csvrd_finish(r), 0);
        csvrd_close(r);
        assert_int_equal(rs.n, 3);
        assert_int_equal(rs.rows, 2);
        assert_int_equal(rs.lines[0], 1);
        assert_int_equal(rs.lines[1], 2);
        assert_int_equal(rs.lines[2], 3);
    }
}

static void test_start(void **state)
{
    (void)state;
    trade_error e;
    const char *s = "\xEF\xBB\xBF"
                    "a,b\n";
    size_t n = 7;
    assert_int_equal(csvrd_check_start(&s, &n, &e), 0);
    assert_int_equal(n, 4);
    assert_memory_equal(s, "a,b\n", 4);
    s = "a\0,\0";
    n = 4;
    assert_int_equal(csvrd_check_start(&s, &n, &e), TRADE_ECSV);
    assert_string_equal(e.message, "UTF-16LE text: convert to UTF-8 (iconv -f UTF-16 -t UTF-8)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_problems),
        cmocka_unit_test(test_raw),
        cmocka_unit_test(test_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
