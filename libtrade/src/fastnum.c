/* fastnum.c - exact decimal conversion for the import hot path: a mantissa
 * and a power of ten, then either Clinger's fast path to a double or pure
 * integer scaling to an int64 (see fastnum_internal.h). */
#include "fastnum_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char fastnum_two_digits[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

const uint64_t fastnum_pow10_u64[20] = {1ULL,
                                        10ULL,
                                        100ULL,
                                        1000ULL,
                                        10000ULL,
                                        100000ULL,
                                        1000000ULL,
                                        10000000ULL,
                                        100000000ULL,
                                        1000000000ULL,
                                        10000000000ULL,
                                        100000000000ULL,
                                        1000000000000ULL,
                                        10000000000000ULL,
                                        100000000000000ULL,
                                        1000000000000000ULL,
                                        10000000000000000ULL,
                                        100000000000000000ULL,
                                        1000000000000000000ULL,
                                        10000000000000000000ULL};

static const double pow10_dbl[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

int fastnum_decimal(const char *s, size_t len, fastnum_dec *d)
{
    size_t i = 0;
    int ndig = 0, any = 0, exp10 = 0;
    uint64_t m = 0;
    d->neg = 0;
    d->truncated = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        d->neg = s[i++] == '-';
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        any = 1;
        if (ndig < 19) {
            m = m * 10 + (uint64_t)(s[i] - '0');
            if (m)
                ndig++;
        } else {
            exp10++;
            if (s[i] != '0')
                d->truncated = 1;
        }
    }
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            any = 1;
            if (ndig < 19) {
                m = m * 10 + (uint64_t)(s[i] - '0');
                exp10--;
                if (m)
                    ndig++;
            } else if (s[i] != '0') {
                d->truncated = 1;
            }
        }
    }
    if (!any)
        return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0, e = 0, edig = 0;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, edig++) {
            e = e * 10 + (s[i] - '0');
            if (e > 9999)
                return -1;
        }
        if (!edig)
            return -1;
        exp10 += eneg ? -e : e;
    }
    if (i != len)
        return -1;
    d->mant = m;
    d->exp10 = exp10;
    return 0;
}

int fastnum_double(const char *s, size_t len, double *out)
{
    fastnum_dec d;
    if (fastnum_decimal(s, len, &d))
        return -1;
    if (!d.truncated && d.mant <= (1ULL << 53) && d.exp10 >= -22 && d.exp10 <= 22) {
        double v = (double)d.mant;
        v = d.exp10 >= 0 ? v * pow10_dbl[d.exp10] : v / pow10_dbl[-d.exp10];
        *out = d.neg ? -v : v;
        return 0;
    }
    if (d.mant == 0 && !d.truncated) {
        *out = d.neg ? -0.0 : 0.0;
        return 0;
    }
    /* The slow, general path: strtod on a NUL-terminated copy. */
    char small[128], *buf = small;
    if (len >= sizeof small) {
        buf = malloc(len + 1);
        if (!buf)
            return -1;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    double v = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    if (isinf(v))
        return -1;
    *out = v;
    return 0;
}

/* fastnum_scaled128 for a text of more than 19 significant digits (the
 * mantissa of fastnum_decimal is cut there): digit by digit into 128 bits,
 * so a sum such as 10123658853000.000001 (20 digits) is exact. s is
 * already known to be well formed. */
static int scaled128_long(const char *s, size_t len, int scale, fastnum_i128 *out, int *inexact)
{
    const fastnum_i128 limit = (fastnum_i128)fastnum_pow10_u64[19] * fastnum_pow10_u64[18];
    size_t i = 0, fstart, fend, iend;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    size_t istart = i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    iend = i;
    fstart = fend = i;
    if (i < len && s[i] == '.') {
        fstart = ++i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        fend = i;
    }
    long e = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            e = e * 10 + (s[i] - '0');
        if (eneg)
            e = -e;
    }
    /* the digits, in order, and how many of them stand before the point
     * of the scaled value: keep = integer digits + e + scale */
    long keep = (long)(iend - istart) + e + scale;
    size_t ndig = (iend - istart) + (fend - fstart);
    fastnum_i128 v = 0;
    int lost = 0, first_dropped = keep < 0 ? 0 : -1, rest = 0; /* keep < 0: below half a unit */
    for (size_t k = 0; k < ndig; k++) {
        char c = k < iend - istart ? s[istart + k] : s[fstart + (k - (iend - istart))];
        int dg = c - '0';
        if ((long)k < keep) {
            if (v > (limit - dg) / 10)
                return -2;
            v = v * 10 + dg;
        } else if (first_dropped < 0) {
            first_dropped = dg;
        } else if (dg) {
            rest = 1;
        }
    }
    for (long k = (long)ndig; k < keep; k++) { /* trailing zeros of a positive exponent */
        if (v > limit / 10)
            return -2;
        v *= 10;
    }
    if (first_dropped > 0 || rest) {
        lost = 1;
        if (first_dropped > 5 || (first_dropped == 5 && (rest || (v & 1))))
            v++;
    }
    *out = neg ? -v : v;
    if (inexact)
        *inexact = lost;
    return 0;
}

int fastnum_scaled128(const char *s, size_t len, int scale, fastnum_i128 *out, int *inexact)
{
    fastnum_dec d;
    int lost = 0;
    fastnum_i128 v;
    if (fastnum_decimal(s, len, &d))
        return -1;
    if (d.truncated)
        return scaled128_long(s, len, scale, out, inexact);
    lost = d.truncated;
    int e = d.exp10 + scale;
    if (d.mant == 0) {
        v = 0;
    } else if (e >= 0) {
        if (e > 19)
            return -2;
        v = (fastnum_i128)d.mant * fastnum_pow10_u64[e]; /* < 10^19 * 10^19 < 2^127 */
    } else if (e < -19) {
        v = 0;
        lost = 1;
    } else {
        uint64_t p = fastnum_pow10_u64[-e], q = d.mant / p, r = d.mant % p;
        uint64_t half = p / 2;
        if (r) {
            lost = 1;
            if (r > half || (r == half && ((q & 1) || d.truncated)))
                q++;
        }
        v = q;
    }
    *out = d.neg ? -v : v;
    if (inexact)
        *inexact = lost;
    return 0;
}

/* The 128-bit conversion, kept when it fits an int64. */
int fastnum_scaled(const char *s, size_t len, int scale, int64_t *out, int *inexact)
{
    fastnum_i128 v;
    int lost, rc = fastnum_scaled128(s, len, scale, &v, &lost);
    if (rc)
        return rc;
    if (v > INT64_MAX || v < -(fastnum_i128)INT64_MAX)
        return -2;
    *out = (int64_t)v;
    if (inexact)
        *inexact = lost;
    return 0;
}

size_t fastnum_format128(fastnum_i128 v, int decimals, char *buf, size_t size)
{
    char tmp[64], out[64];
    __extension__ unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    int n = 0;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 19)
        decimals = 19;
    /* one 128-bit division, then 64-bit digits (128-bit division is a
     * library call, far too slow per digit) */
    uint64_t hi = 0, lo = (uint64_t)u;
    /* the importer's 9 decimals spelled out: a division by a constant is
     * a multiplication */
    uint64_t ip = decimals == 9 ? lo / 1000000000u : lo / fastnum_pow10_u64[decimals];
    if (!(u >> 64) && lo - ip * fastnum_pow10_u64[decimals] == 0) {
        /* a whole number (most sums of BACI values): its digits only, two
         * at a time from a table, written backwards from the end of tmp */
        /* the digits end at tmp + 32 (at most 21 bytes with the sign), so
         * 32 bytes can be copied from d at once below */
        char *e = tmp + 32, *d = e;
        memset(e, 0, 32); /* what the copy reads past the digits */
        while (ip >= 100) {
            unsigned r = (unsigned)(ip % 100);
            ip /= 100;
            d -= 2;
            memcpy(d, fastnum_two_digits + 2 * r, 2);
        }
        if (ip >= 10) {
            d -= 2;
            memcpy(d, fastnum_two_digits + 2 * ip, 2);
        } else {
            *--d = (char)('0' + (int)ip);
        }
        if (v < 0)
            *--d = '-';
        size_t len = (size_t)(e - d);
        if (size > 32) { /* one fixed-size copy (a library call otherwise) */
            memcpy(buf, d, 32);
            buf[len] = '\0';
        } else if (size) {
            size_t m = len < size - 1 ? len : size - 1;
            memcpy(buf, d, m);
            buf[m] = '\0';
        }
        return len;
    }
    if (u >> 64) {
        hi = (uint64_t)(u / 10000000000000000000ULL);
        lo = (uint64_t)(u % 10000000000000000000ULL);
    } else if (lo >= 10000000000000000000ULL) {
        hi = lo / 10000000000000000000ULL;
        lo %= 10000000000000000000ULL;
    }
    do {
        tmp[n++] = (char)('0' + (int)(lo % 10));
        lo /= 10;
    } while (lo || (hi && n < 19) || n <= decimals);
    while (hi) {
        tmp[n++] = (char)('0' + (int)(hi % 10));
        hi /= 10;
    }
    while (n <= decimals)
        tmp[n++] = '0';
    int skip = 0;
    while (skip < decimals && tmp[skip] == '0')
        skip++;
    size_t len = 0;
    if (v < 0)
        out[len++] = '-';
    for (int i = n - 1; i >= decimals; i--)
        out[len++] = tmp[i];
    if (skip < decimals) {
        out[len++] = '.';
        for (int i = decimals - 1; i >= skip; i--)
            out[len++] = tmp[i];
    }
    if (size) {
        size_t m = len < size - 1 ? len : size - 1;
        memcpy(buf, out, m);
        buf[m] = '\0';
    }
    return len;
}
