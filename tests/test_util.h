/* test_util.h - helpers the cmocka tests share: a double-precision
 * comparison (cmocka 1.1's assert_float_equal converts to float) and tables
 * read from CSV text. Include after <cmocka.h>. */
#ifndef TRADE_TEST_UTIL_H
#define TRADE_TEST_UTIL_H

#include <math.h>
#include <string.h>

#include "trade/table.h"

/* Fail unless |a - b| <= tol. */
#define assert_near(a, b, tol)                                                                     \
    do {                                                                                           \
        double a_ = (a), b_ = (b);                                                                 \
        if (!(fabs(a_ - b_) <= (tol)))                                                             \
            fail_msg("%s = %.17g, expected %.17g (tolerance %g)", #a, a_, b_, (double)(tol));      \
    } while (0)

/* A table read from the CSV text csv (named in.csv in messages), as
 * observations, or as a generic table when generic is set; the test fails
 * with the reader's located message when it is rejected. Free it with
 * trade_table_free. */
static inline trade_table *test_table_opt(const char *csv, int generic)
{
    trade_table *t = trade_table_new();
    trade_error err;
    trade_read_options o = {0};
    o.generic = generic;
    if (!t)
        fail_msg("out of memory");
    if (trade_table_read_buffer(t, csv, strlen(csv), "in.csv", &o, &err))
        fail_msg("rejected: %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    return t;
}

/* test_table_opt(csv, 0): observations. */
static inline trade_table *test_table(const char *csv)
{
    return test_table_opt(csv, 0);
}

#endif
