/* test_buf.c - the growable buffer and array growth (buf_internal.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf_internal.h"
#include "trade/error.h"

static void test_append(void **state)
{
    (void)state;
    dynbuf b = DYNBUF_INIT(0);
    assert_int_equal(dynbuf_adds(&b, "ab"), 0);
    assert_int_equal(dynbuf_addc(&b, 'c'), 0);
    assert_int_equal(dynbuf_addn(&b, "d\0e", 3), 0); /* a NUL inside is kept */
    assert_int_equal(b.len, 6);
    assert_memory_equal(b.p, "abcd\0e", 7);
    /* longer than the 512 bytes printed on the stack: printed in place */
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(dynbuf_addf(&b, "<%s|%d>", big, 42), 0);
    assert_int_equal(b.len, 6 + 1 + 999 + 4);
    assert_string_equal(b.p + 6 + 1 + 999, "|42>");
    dynbuf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.p, "");
    size_t len;
    char *s = dynbuf_take(&b, &len);
    assert_non_null(s);
    assert_int_equal(len, 0);
    assert_null(b.p);
    free(s);
    dynbuf_free(&b);
    dynbuf_free(NULL);
}

static void test_max_sticks(void **state)
{
    (void)state;
    dynbuf b = DYNBUF_INIT(5);
    assert_int_equal(dynbuf_adds(&b, "12345"), 0); /* exactly max */
    assert_int_equal(dynbuf_addc(&b, '6'), TRADE_ELIMIT);
    /* the first failure sticks, and nothing more is added */
    dynbuf_reset(&b);
    assert_int_equal(dynbuf_adds(&b, "a"), TRADE_ELIMIT);
    assert_int_equal(b.failed, TRADE_ELIMIT);
    assert_int_equal(b.len, 0);
    dynbuf_free(&b);
    dynbuf c = DYNBUF_INIT(3);
    assert_int_equal(dynbuf_addf(&c, "%d", 12345), TRADE_ELIMIT);
    dynbuf_free(&c);
}

static void test_array_grow(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < 1000; i++) {
        assert_int_equal(ARRAY_GROW(a, i + 1, cap), 0);
        a[i] = (int)i;
    }
    /* doubling from 16: 16, 32, ..., 1024 */
    assert_int_equal(cap, 1024);
    assert_int_equal(a[999], 999);
    /* a size that overflows leaves the array as it was */
    size_t before = cap;
    int *p = a;
    assert_int_equal(ARRAY_GROW(a, SIZE_MAX / 2, cap), TRADE_ENOMEM);
    assert_ptr_equal(a, p);
    assert_int_equal(cap, before);
    assert_int_equal(ARRAY_GROW(a, 10, cap), 0); /* room already */
    assert_int_equal(cap, before);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_max_sticks),
        cmocka_unit_test(test_array_grow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
