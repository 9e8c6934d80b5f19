/* number.c - plain decimal numbers: a strict parser (the format allows no
 * exponent, sign '+', spaces or separators) that rounds correctly through
 * strtod, and a formatter that writes the shortest digits that read back to
 * the same double, expanded into plain decimal notation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/error.h"
#include "trade/number.h"

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
