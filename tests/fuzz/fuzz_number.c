/* fuzz_number.c - libFuzzer target for trade_number_parse and
 * trade_number_format.
 *
 * Properties checked:
 *  - parse accepts only plain decimals (-?digits(.digits)?), and then gives
 *    exactly what strtod gives for the same text;
 *  - format then parse gives back the same double (bit for bit, except that
 *    -0 is written "0"), for the parsed value and for the raw 8 input bytes
 *    taken as a double;
 *  - format never writes an exponent, inf or nan, and never overruns. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int plain_decimal(const char *s, size_t n)
{
    size_t i = 0, d = 0;
    if (i < n && s[i] == '-')
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, d++;
    if (d == 0)
        return 0;
    if (i < n && s[i] == '.') {
        i++;
        size_t f = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, f++;
        if (f == 0)
            return 0;
    }
    return i == n;
}

static void round_trip(double v)
{
    char buf[TRADE_NUMBER_BUFSIZE];
    memset(buf, 'x', sizeof buf);
    size_t n = trade_number_format(v, buf, sizeof buf);
    if (!isfinite(v)) {
        if (n != 0 || buf[0] != '\0')
            __builtin_trap();
        return;
    }
    if (n == 0 || n >= sizeof buf || strlen(buf) != n)
        __builtin_trap();
    if (!plain_decimal(buf, n))
        __builtin_trap(); /* no exponent, no '+', no inf/nan */
    double back;
    if (trade_number_parse(buf, n, &back) != 0)
        __builtin_trap();
    if (v == 0) {
        if (back != 0 || signbit(back))
            __builtin_trap(); /* -0 and 0 are written "0" */
    } else if (memcmp(&back, &v, sizeof v) != 0) {
        __builtin_trap();
    }
    /* a buffer one byte too small fails cleanly */
    char small[TRADE_NUMBER_BUFSIZE];
    if (trade_number_format(v, small, n) != 0 || small[0] != '\0')
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    double v = 12345.0;
    int rc = trade_number_parse(s, size, &v);
    int plain = plain_decimal(s, size);
    if (rc == 0) {
        if (!plain || !isfinite(v))
            __builtin_trap();
        char *copy = malloc(size + 1);
        if (!copy)
            return 0;
        memcpy(copy, s, size);
        copy[size] = '\0';
        double ref = strtod(copy, NULL);
        free(copy);
        if (ref == 0 ? (v != 0 || signbit(v)) : memcmp(&ref, &v, sizeof v) != 0)
            __builtin_trap(); /* correctly rounded, as strtod; no negative zero */
        round_trip(v);
    } else if (plain && size < 300) {
        /* a short plain decimal is refused only when it overflows */
        char copy[301];
        memcpy(copy, s, size);
        copy[size] = '\0';
        if (isfinite(strtod(copy, NULL)))
            __builtin_trap();
    }
    if (size >= sizeof(double)) {
        double raw;
        memcpy(&raw, data, sizeof raw);
        round_trip(raw);
    }
    return 0;
}
