/* number.h - strict parsing and exact, plain formatting of decimal numbers.
 *
 * The observation format allows only plain decimals: an optional '-', digits,
 * and optionally '.' and digits. No exponent, sign '+', spaces, thousands
 * separators, hexadecimal, nan or inf. Output never uses an exponent and has
 * the fewest digits that read back to the same double. */
#ifndef TRADE_NUMBER_H
#define TRADE_NUMBER_H

#include <stddef.h>

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Large enough for any finite double written as a plain decimal. */
#define TRADE_NUMBER_BUFSIZE 400

/* Parse s[0..len) as a plain decimal into *out (correctly rounded, as strtod).
 * Any length is accepted (a text of more than 400 bytes is copied to the heap
 * for strtod). Returns 0, TRADE_EDATA if the text is not a plain finite
 * decimal, or TRADE_ENOMEM if that copy cannot be made. */
TRADE_API int trade_number_parse(const char *s, size_t len, double *out);

/* Write v into buf (size >= TRADE_NUMBER_BUFSIZE recommended) as the shortest
 * plain decimal that reads back as v; "-0" is written "0". Returns the
 * length, or 0 with buf = "" when v is not finite or buf is too small. */
TRADE_API size_t trade_number_format(double v, char *buf, size_t size);

/* Write v into buf exactly as trade_number_format does (the shortest
 * plain decimal of up to 15 significant digits that reads back as v, else
 * 17 digits; "" for a non-finite v), but without printf or strtod for the
 * common magnitudes 1e-7 to 1e15, which makes writing computed rates
 * several times faster. buf needs TRADE_NUMBER_BUFSIZE bytes (smaller
 * buffers are handed to trade_number_format). Returns the length. */
TRADE_API size_t trade_number_format_fast(double v, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
