/* test_error.c - the error record and the one rule for showing untrusted
 * text in a message (error_shown): control bytes, C1 controls and bytes
 * that are not UTF-8 become '?', long text is cut on a character boundary
 * with "...". Expected strings are written out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "error_internal.h"
#include "trade/error.h"

static void shown(const char *in, size_t len, size_t size, const char *want)
{
    char out[128];
    assert_true(size <= sizeof out);
    size_t n = error_shown(out, size, in, len);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_shown(void **state)
{
    (void)state;
    shown("plain", 5, 64, "plain");
    /* ESC [ 2 J, OSC 0 ; x BEL: every control byte is one '?' */
    shown("1\x1b[2J\x1b]0;x\a", 11, 64, "1?[2J?]0;x?");
    shown("a\0b", 3, 64, "a?b");
    shown("del\x7f", 4, 64, "del?");
    /* U+009B (CSI as a C1 control, C2 9B in UTF-8) is one '?';
     * U+00A0 (C2 A0) and U+00E9 (C3 A9) stay */
    shown("x\xc2\x9by", 4, 64, "x?y");
    shown("\xc2\xa0\xc3\xa9", 4, 64, "\xc2\xa0\xc3\xa9");
    /* a lone 9B byte, a truncated sequence, an overlong form: '?' each */
    shown("\x9b" "a", 2, 64, "?a");
    shown("a\xe2\x82", 3, 64, "a??");
    shown("\xc0\xaf", 2, 64, "??");
    /* 10 bytes into 8: 4 kept, "...", NUL */
    shown("0123456789", 10, 8, "0123...");
    /* exactly fits */
    shown("0123456", 7, 8, "0123456");
    /* not cut in the middle of a character: "é" is 2 bytes */
    shown("abc\xc3\xa9xyz", 8, 8, "abc...");
    /* long, but shown shorter after replacing? never: a byte stays a byte */
    shown("", 0, 8, "");
    shown(NULL, 5, 8, "");
}

static void test_in_place(void **state)
{
    (void)state;
    char buf[16] = "a\x1b[1mb\xc2\x9b";
    error_shown(buf, sizeof buf, buf, strlen(buf));
    assert_string_equal(buf, "a?[1mb?");
}

/* trade_error_set applies the rule to the message and the file name */
static void test_error_set(void **state)
{
    (void)state;
    trade_error e;
    assert_int_equal(trade_error_set(&e, TRADE_EDATA, "f\x1b[2J.csv", 3, 7, "value '%s'",
                                     "1\x1b]0;x\a"),
                     TRADE_EDATA);
    assert_string_equal(e.file, "f?[2J.csv");
    assert_string_equal(e.message, "value '1?]0;x?'");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shown),
        cmocka_unit_test(test_in_place),
        cmocka_unit_test(test_error_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
