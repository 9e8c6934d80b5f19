/* utf8_internal.h - UTF-8 validation shared by the reader and the writer. */
#ifndef TRADE_UTF8_INTERNAL_H
#define TRADE_UTF8_INTERNAL_H

#include <stddef.h>

/* The offset of the first byte of s[0..len) that is not part of a valid
 * UTF-8 sequence (overlong forms, surrogates and code points past U+10FFFF
 * are invalid), or len when all of s is valid. */
size_t utf8_invalid_at(const char *s, size_t len);

#endif
