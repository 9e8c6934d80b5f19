/* number.c - plain decimal numbers: a strict parser (the format allows no
 * exponent, sign '+', spaces or separators) that rounds correctly through
 * strtod, and a formatter that writes the shortest digits that read back to
 * the same double, expanded into plain decimal notation. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/error.h"
#include "trade/number.h"

#include "fastnum_internal.h"
#include <float.h>

/* Texts up to this length are copied on the stack for strtod; longer ones
 * (a figure with hundreds of zeros, a long fraction) get a heap copy. There is
 * no length cap here: the reader's field limit (--max-field) bounds input. */
#define NUMBER_STACK_TEXT 400

int trade_number_parse(const char *s, size_t len, double *out)
{
    size_t i = 0, digits = 0;
    if (!s || len == 0)
        return TRADE_EDATA;
    if (s[i] == '-')
        i++;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (digits == 0)
        return TRADE_EDATA; /* ".5" and "-" are not plain decimals */
    size_t int_digits = digits;
    if (i < len && s[i] == '.') {
        i++;
        size_t frac = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, frac++;
        if (frac == 0)
            return TRADE_EDATA;
        digits += frac;
    }
    if (i != len || digits == 0)
        return TRADE_EDATA;
    if (!out && int_digits <= 308)
        return TRADE_OK; /* below 10^308 < DBL_MAX: finite, no need to convert */
    /* Clinger's fast path: with at most 15 significant digits the mantissa
     * and the power of ten are exact doubles, and one division rounds
     * correctly, so the result equals strtod's. */
    if (digits <= 15) {
        static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        unsigned long long m = 0;
        int frac = 0, seen_point = 0;
        for (size_t k = s[0] == '-'; k < len; k++) {
            if (s[k] == '.') {
                seen_point = 1;
                continue;
            }
            m = m * 10 + (unsigned long long)(s[k] - '0');
            frac += seen_point;
        }
        double v = (double)m / pow10[frac];
        if (out)
            *out = s[0] == '-' && v != 0 ? -v : v;
        return TRADE_OK;
    }
    char stack[NUMBER_STACK_TEXT + 1];
    char *buf = len <= NUMBER_STACK_TEXT ? stack : malloc(len + 1);
    if (!buf)
        return TRADE_ENOMEM;
    memcpy(buf, s, len);
    buf[len] = '\0';
    double v = strtod(buf, NULL);
    if (buf != stack)
        free(buf);
    if (!isfinite(v))
        return TRADE_EDATA;
    if (out)
        *out = v == 0 ? 0.0 : v; /* no negative zero */
    return TRADE_OK;
}

/* Write the significant digits digits[0..nd) (nd >= 1; trailing zeros are
 * dropped here) with point digits before the decimal point (<= 0: "0." and
 * -point zeros first) as a plain decimal, with a '-' when neg, NUL-ended.
 * buf must hold neg + nd + 3 + |point| bytes. Returns the length. */
static size_t plain_decimal(int neg, const char *digits, size_t nd, int point, char *buf)
{
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
        memcpy(buf + n, digits, nd);
        n += nd;
    } else if ((size_t)point >= nd) {
        memcpy(buf + n, digits, nd);
        n += nd;
        for (size_t z = nd; z < (size_t)point; z++)
            buf[n++] = '0';
    } else {
        memcpy(buf + n, digits, (size_t)point);
        n += (size_t)point;
        buf[n++] = '.';
        memcpy(buf + n, digits + point, nd - (size_t)point);
        n += nd - (size_t)point;
    }
    buf[n] = '\0';
    return n;
}

size_t trade_number_format(double v, char *buf, size_t size)
{
    if (!buf || size == 0)
        return 0;
    buf[0] = '\0';
    if (!isfinite(v))
        return 0;
    if (v == 0) {
        if (size < 2)
            return 0;
        memcpy(buf, "0", 2);
        return 1;
    }
    char sci[40];
    if (fabs(v) < 1e15 && v == (double)(long long)v) {
        /* whole numbers below 10^15 are exact as integers: the common case,
         * written by hand (snprintf is most of the cost of writing them) */
        long long i = (long long)v;
        unsigned long long u = i < 0 ? 0 - (unsigned long long)i : (unsigned long long)i;
        size_t n = sizeof sci;
        sci[--n] = '\0';
        do {
            sci[--n] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (i < 0)
            sci[--n] = '-';
        size_t len = sizeof sci - 1 - n;
        if (len >= size)
            return 0;
        memcpy(buf, sci + n, len + 1);
        return len;
    }
    /* Fifteen significant digits read back exactly whenever any shorter
     * form does (DBL_DIG), so 15 digits with trailing zeros removed are the
     * shortest form when they round-trip; else 16 when they do; otherwise
     * 17 digits always do. */
    snprintf(sci, sizeof sci, "%.14e", v);
    if (strtod(sci, NULL) != v)
        snprintf(sci, sizeof sci, "%.15e", v); /* 16 digits: shortest when they do */
    if (strtod(sci, NULL) != v)
        snprintf(sci, sizeof sci, "%.16e", v);
    /* sci is "-d.ddde+XX": collect the digits and the exponent */
    char digits[24];
    size_t nd = 0;
    const char *p = sci;
    int neg = *p == '-';
    if (neg)
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    /* the value is 0.DIGITS x 10^(exp10 + 1) */
    int point = exp10 + 1; /* digits before the decimal point */
    size_t need = (size_t)neg + nd + 3 + (size_t)(point > 0 ? point : -point);
    if (need >= size)
        return 0;
    return plain_decimal(neg, digits, nd, point, buf);
}

/* ---- the fast formatter ------------------------------------------------- */

/* The nd digits of digits_int, point of them before the decimal point, as
 * plain_decimal lays them out. */
static size_t write_plain(int neg, unsigned long long digits_int, int nd, int point, char *buf)
{
    /* two digits a division (17 digits were a fifth of formatting) */
    char digits[24];
    int i = nd;
    for (; i >= 2; i -= 2) {
        unsigned d = (unsigned)(digits_int % 100);
        digits_int /= 100;
        digits[i - 2] = fastnum_two_digits[2 * d];
        digits[i - 1] = fastnum_two_digits[2 * d + 1];
    }
    if (i == 1)
        digits[0] = (char)('0' + digits_int % 10);
    return plain_decimal(neg, digits, (size_t)nd, point, buf);
}

/* trade_number_format_fast: the output of
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

/* floorl(x) for 0 <= x < 2^63: adding 2^63 rounds x to an integer (the
 * ulp there is 1 in a 64-bit mantissa), in the default rounding mode, so
 * without floorl's switching of the x87 control word (speed: floorl was
 * nearly half of this formatter's time). */
static long double floor_pos(long double x)
{
    long double r = (x + 0x1p63L) - 0x1p63L;
    return r > x ? r - 1 : r;
}

static long double round_safe(long double x, long double margin)
{
    long double f = floor_pos(x), frac = x - f;
    if (fabsl(frac - 0.5L) < margin)
        return -1;
    return frac > 0.5L ? f + 1 : f;
}

/* The integer x (0 <= x < 2^63) as an unsigned long long. A cast makes
 * x87 code switch the control word to truncation and back (fldcw: a
 * quarter of this formatter's time); on the x87 format, whose first 8
 * bytes are the 64-bit significand, x + 2^63 holds x in its low 63 bits. */
static unsigned long long to_u64(long double x)
{
#if LDBL_MANT_DIG == 64 && (defined(__x86_64__) || defined(__i386__))
    long double y = x + 0x1p63L;
    unsigned long long u;
    memcpy(&u, &y, sizeof u);
    return u & ~(1ull << 63);
#else
    return (unsigned long long)x;
#endif
}

static size_t write_plain_ld(int neg, long double digits_ld, int nd, int point, char *buf)
{
    return write_plain(neg, to_u64(digits_ld), nd, point, buf);
}
#endif

#if defined(__SIZEOF_INT128__)
/* The same digits in exact integer arithmetic, where the compiler has
 * 128-bit integers: |v| = M * 2^E (M below 2^53), so v * 10^j is
 * M * 5^j * 2^(j + E) and M * 5^j (j <= 27: 5^j below 2^63) is exact in
 * 128 bits; the n digits are that number shifted right, rounded, and they
 * read back as v exactly when they lie within half a unit in the last
 * place of v (a quarter below a power of two; a tie reads back as v when
 * M is even, IEEE rounding to even). No long double, no printf, no
 * strtod. Returns 0 where it does not decide (the callers' other ways
 * then do): outside [1e-7, 1e15), whole numbers, an exact decimal tie. */
__extension__ typedef unsigned __int128 u128;

static const unsigned long long pow5[] = {1ull,
                                          5ull,
                                          25ull,
                                          125ull,
                                          625ull,
                                          3125ull,
                                          15625ull,
                                          78125ull,
                                          390625ull,
                                          1953125ull,
                                          9765625ull,
                                          48828125ull,
                                          244140625ull,
                                          1220703125ull,
                                          6103515625ull,
                                          30517578125ull,
                                          152587890625ull,
                                          762939453125ull,
                                          3814697265625ull,
                                          19073486328125ull,
                                          95367431640625ull,
                                          476837158203125ull,
                                          2384185791015625ull,
                                          11920928955078125ull,
                                          59604644775390625ull,
                                          298023223876953125ull,
                                          1490116119384765625ull,
                                          7450580596923828125ull};

/* digits of a * 10^j rounded to an integer (*out), for a = m * 2^e; 0 on
 * an exact tie or a shift out of range; *rt: the digits read back as a. */
static int scaled_digits(unsigned long long m, int e, int j, unsigned long long *out, int *rt)
{
    int t = -(j + e); /* a * 10^j = m * 5^j / 2^t */
    if (j < 0 || j > 27 || t <= 0 || t > 120)
        return 0;
    u128 x = (u128)m * pow5[j];
    u128 one = (u128)1 << t, rem = x & (one - 1), half = one >> 1;
    u128 q = x >> t;
    if (rem == half)
        return 0;
    int up = rem > half;
    q += (unsigned)up;
    if (q >> 63)
        return 0;
    *out = (unsigned long long)q;
    /* the error of q in units of 2^-t, against half an ulp of a scaled:
       5^j / 2 (a quarter of 5^j below a power of two, when q is low) */
    u128 err = up ? one - rem : rem;
    int low = !up && rem != 0 && m == (1ull << 52);
    u128 lim = (u128)pow5[j];
    u128 twice = err << (low ? 2 : 1);
    *rt = twice < lim || (twice == lim && !(m & 1));
    return 1;
}

static size_t format_u128(double v, char *buf)
{
    double a = fabs(v);
    if (!(a >= 1e-7 && a < 1e15) || a == floor(a))
        return 0;
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int be = (int)((bits >> 52) & 0x7ff);
    unsigned long long m = (bits & ((1ull << 52) - 1)) | (1ull << 52);
    int e = be - 1075, e2 = be - 1023, q = e2 * 1233; /* 1233 / 4096 ~ log10(2) */
    int e10 = q >= 0 ? q / 4096 : -((-q + 4095) / 4096);
    int k = 16 - e10; /* 17 digits: a * 10^k in [1e16, 1e17) */
    unsigned long long d17, d16, d15;
    int rt17, rt16, rt15;
    if (!scaled_digits(m, e, k, &d17, &rt17))
        return 0;
    if (d17 < 10000000000000000ull) {
        k++;
        if (!scaled_digits(m, e, k, &d17, &rt17))
            return 0;
    } else if (d17 >= 100000000000000000ull) {
        k--;
        if (!scaled_digits(m, e, k, &d17, &rt17))
            return 0;
    }
    if (d17 < 10000000000000000ull || d17 >= 100000000000000000ull)
        return 0;
    if (!scaled_digits(m, e, k - 2, &d15, &rt15) || d15 >= 1000000000000000ull)
        return 0;
    if (rt15)
        return write_plain(v < 0, d15, 15, 17 - k, buf);
    if (!scaled_digits(m, e, k - 1, &d16, &rt16) || d16 >= 10000000000000000ull)
        return 0;
    if (rt16)
        return write_plain(v < 0, d16, 16, 17 - k, buf);
    return write_plain(v < 0, d17, 17, 17 - k, buf);
}
#endif

size_t trade_number_format_fast(double v, char *buf, size_t size)
{
#if defined(__SIZEOF_INT128__)
    if (buf && size >= TRADE_NUMBER_BUFSIZE) {
        size_t n = format_u128(v, buf);
        if (n)
            return n;
    }
#endif
#if LDBL_MANT_DIG >= 64
    double a = fabs(v);
    if (!buf || size < TRADE_NUMBER_BUFSIZE || !(a >= 1e-7 && a < 1e15) || a == floor(a) ||
        !long_double_exact())
        return trade_number_format(v, buf, size);
    /* floor(log10(a)) or one less, from the binary exponent (log10 was a
     * tenth of the time): the scaling below corrects it by one */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int e2 = (int)((bits >> 52) & 0x7ff) - 1023, q = e2 * 1233; /* 1233 / 4096 ~ log10(2) */
    int e10 = q >= 0 ? q / 4096 : -((-q + 4095) / 4096);
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
        return write_plain_ld(v < 0, d15, 15, 17 - k, buf);
    /* 16 digits when they read back (the shortest form then), else 17.
     * Below 2^53 the 16-digit integer is an exact double and the same one
     * division decides exactly (speed: strtod was a fifth of formatting in
     * trade growth); above, it is not exact, so strtod decides */
    long double d16 = round_safe(d / 10.0L, 0.01L);
    if (d16 < 0 || d16 >= 1e16L)
        return trade_number_format(v, buf, size);
    if (d16 < 9007199254740992.0L && k - 1 <= 22) {
        if ((double)d16 / p10d[k - 1] == a)
            return write_plain_ld(v < 0, d16, 16, 17 - k, buf);
        return write_plain_ld(v < 0, d17, 17, 17 - k, buf);
    }
    size_t n = write_plain_ld(v < 0, d16, 16, 17 - k, buf);
    if (strtod(buf, NULL) == v)
        return n;
    return write_plain_ld(v < 0, d17, 17, 17 - k, buf);
#else
    return trade_number_format(v, buf, size);
#endif
}
