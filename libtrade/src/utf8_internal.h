/* utf8_internal.h - UTF-8 validation shared by the reader and the writer, and the
 * quoting of fields in messages. */
#ifndef TRADE_UTF8_INTERNAL_H
#define TRADE_UTF8_INTERNAL_H

#include <stddef.h>

/* The offset of the first byte of s[0..len) that is not part of a valid
 * UTF-8 sequence (overlong forms, surrogates and code points past U+10FFFF
 * are invalid), or len when all of s is valid. */
size_t utf8_invalid_at(const char *s, size_t len);

/* A field quoted in a message by the one rule of every message (error_shown):
 * at most 40 bytes of s[0..len), then "..."; control bytes (below 0x20,
 * DEL, and the C1 controls U+0080 to U+009F) and bytes that are not valid
 * UTF-8 become '?', so no message can carry a terminal escape. out must
 * hold 64 bytes; returns out. */
const char *utf8_shown(const char *s, size_t len, char out[64]);

#endif
