/* stats_number.c - trade_stats_number_format: the output of
 * trade_number_format, computed without printf in the common case.
 *
 * Formatting computed numbers (growth rates, logarithms) is most of the time
 * trade growth spends beyond reading, because printf("%.14e") and strtod go
 * through multi-precision arithmetic. Here a value v in [1e-7, 1e15) is
 * scaled to d = |v| * 10^k in [1e16, 1e17) in long double (64-bit mantissa:
 * 10^k is exact for k <= 27 and the product is off by at most 2^-64
 * relative, under 0.006 in d). Rounding d gives the 17 significant digits
 * and d / 100 the 15, exactly as correct rounding would unless d lies within
 * a small margin of a rounding tie; then, and for every other case, the
 * function falls back to trade_number_format. Whether the 15 digits read
 * back as v is decided exactly: an integer below 2^53 divided by an exact
 * power of ten (10^j, j <= 22) is one correctly rounded IEEE division, which
 * is what strtod returns. The rest (trailing zeros, the decimal point) is
 * written as trade_number_format writes it; tests/test_stats.c compares the
 * two on millions of values. Where long double is not computed in 64 bits at
 * run time (valgrind emulates it in double), trade_number_format does it all. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trade/number.h"
#include "trade/stats.h"

#if LDBL_MANT_DIG >= 64
static const long double p10l[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                   1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                   1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
                                   1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};
static const double p10d[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                              1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                              1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Round x (>= 0) to an integer; -1 when x is within margin of a tie. */
/* 1 when long double arithmetic really carries 64 bits at run time: not so
 * under an emulator that computes it in double (valgrind), where the digits
 * below would come out wrong in the 17th place; then printf's way is used. */
static int long_double_exact(void)
{
    static volatile long double one = 1.0L, eps = LDBL_EPSILON;
    return one + eps != one;
}

static long double round_safe(long double x, long double margin)
{
    long double f = floorl(x), frac = x - f;
    if (fabsl(frac - 0.5L) < margin)
        return -1;
    return frac > 0.5L ? f + 1 : f;
}

static size_t write_plain(int neg, unsigned long long digits_int, int nd, int point, char *buf)
{
    char digits[24];
    for (int i = nd - 1; i >= 0; i--) {
        digits[i] = (char)('0' + digits_int % 10);
        digits_int /= 10;
    }
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    if (point <= 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (int z = 0; z < -point; z++)
            buf[n++] = '0';
        memcpy(buf + n, digits, (size_t)nd);
        n += (size_t)nd;
    } else if (point >= nd) {
        memcpy(buf + n, digits, (size_t)nd);
        n += (size_t)nd;
        for (int z = nd; z < point; z++)
            buf[n++] = '0';
    } else {
        memcpy(buf + n, digits, (size_t)point);
        n += (size_t)point;
        buf[n++] = '.';
        memcpy(buf + n, digits + point, (size_t)(nd - point));
        n += (size_t)(nd - point);
    }
    buf[n] = '\0';
    return n;
}
#endif

size_t trade_stats_number_format(double v, char *buf, size_t size)
{
#if LDBL_MANT_DIG >= 64
    double a = fabs(v);
    if (!buf || size < TRADE_NUMBER_BUFSIZE || !(a >= 1e-7 && a < 1e15) || a == floor(a) ||
        !long_double_exact())
        return trade_number_format(v, buf, size);
    int e10 = (int)floor(log10(a)); /* may be off by one next to a power of ten */
    int k = 16 - e10;
    if (k < 2 || k > 27)
        return trade_number_format(v, buf, size);
    long double d = (long double)a * p10l[k];
    if (d < 1e16L && k < 27)
        d = (long double)a * p10l[++k];
    else if (d >= 1e17L && k > 2)
        d = (long double)a * p10l[--k];
    if (d < 1e16L || d >= 1e17L || k - 2 > 22)
        return trade_number_format(v, buf, size);
    long double d15 = round_safe(d / 100.0L, 0.001L), d17 = round_safe(d, 0.01L);
    if (d15 < 0 || d17 < 0 || d15 >= 1e15L || d17 >= 1e17L)
        return trade_number_format(v, buf, size);
    /* 17 - k digits before the decimal point */
    if ((double)d15 / p10d[k - 2] == a)
        return write_plain(v < 0, (unsigned long long)d15, 15, 17 - k, buf);
    /* 16 digits when they read back (the shortest form then), else 17; a
     * 16-digit integer is not exact as a double, so strtod decides */
    long double d16 = round_safe(d / 10.0L, 0.01L);
    if (d16 < 0 || d16 >= 1e16L)
        return trade_number_format(v, buf, size);
    size_t n = write_plain(v < 0, (unsigned long long)d16, 16, 17 - k, buf);
    if (strtod(buf, NULL) == v)
        return n;
    return write_plain(v < 0, (unsigned long long)d17, 17, 17 - k, buf);
#else
    return trade_number_format(v, buf, size);
#endif
}
