/* test_util.h - helpers the cmocka tests share. cmocka 1.1 has no
 * double-precision comparison (assert_float_equal converts to float). */
#ifndef TRADE_TEST_UTIL_H
#define TRADE_TEST_UTIL_H

#include <math.h>

/* Fail unless |a - b| <= tol. */
#define assert_near(a, b, tol)                                                                     \
    do {                                                                                           \
        double a_ = (a), b_ = (b);                                                                 \
        if (!(fabs(a_ - b_) <= (tol)))                                                             \
            fail_msg("%s = %.17g, expected %.17g (tolerance %g)", #a, a_, b_, (double)(tol));      \
    } while (0)

#endif
