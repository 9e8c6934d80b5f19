/* fastnum_internal.h - exact decimal conversion without strtod on the hot
 * path (used by import).
 *
 * A plain decimal ([+-]digits[.digits][e[+-]digits]) is split into a 64-bit
 * mantissa and a power of ten. From there:
 *  - trade_fastnum_double gives the correctly rounded double: Clinger's fast
 *    path (mantissa <= 2^53 and |exponent| <= 22: one exact operand times or
 *    divided by an exact power of ten, so one IEEE rounding) and strtod for
 *    everything else;
 *  - trade_fastnum_scaled gives round(value * 10^scale) as an int64 with
 *    integer arithmetic only (half to even), and says whether it was exact. */
#ifndef TRADE_FASTNUM_INTERNAL_H
#define TRADE_FASTNUM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* 128-bit sums for import (GCC and Clang; __extension__ keeps -Wpedantic
 * quiet). */
__extension__ typedef __int128 fastnum_i128;

/* 10^0 .. 10^19 */
extern const uint64_t fastnum_pow10_u64[20];

/* "00" "01" ... "99": the two digits of 0 .. 99 at 2 * n (digits written
 * two a division: import's sums, the fast number formatter) */
extern const char fastnum_two_digits[201];

typedef struct fastnum_dec {
    uint64_t mant; /* the first 19 significant digits */
    int exp10;     /* value = mant * 10^exp10 (when !truncated) */
    int neg;       /* a leading '-' */
    int truncated; /* nonzero digits beyond the 19th were dropped */
} fastnum_dec;

/* Split s[0..len) into d. Returns 0, or -1 if it is not a plain decimal
 * (empty, stray characters, no digits, exponent beyond +-9999). */
int fastnum_decimal(const char *s, size_t len, fastnum_dec *d);

/* The double nearest s[0..len), equal to strtod's. Returns 0 or -1 (syntax;
 * or a result that overflows to infinity). */
int fastnum_double(const char *s, size_t len, double *out);

/* round(s * 10^scale) into *out (0 <= scale <= 18), half to even; *inexact
 * (may be NULL) is 1 when rounding changed the value. Returns 0, -1 syntax,
 * -2 when the result does not fit an int64. */
int fastnum_scaled(const char *s, size_t len, int scale, int64_t *out, int *inexact);

/* round(s * 10^scale) into a 128-bit integer (0 <= scale <= 19), half to
 * even; same returns as fastnum_scaled (-2: the value needs more than 10^37
 * units). */
int fastnum_scaled128(const char *s, size_t len, int scale, fastnum_i128 *out, int *inexact);

/* v / 10^decimals (0..19) as a plain decimal without trailing zeros into buf
 * (64 bytes always suffice). Returns the length. */
size_t fastnum_format128(fastnum_i128 v, int decimals, char *buf, size_t size);

#endif
