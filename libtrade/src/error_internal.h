/* error_internal.h - the one rule for showing untrusted text in a message.
 *
 * Every message the library makes goes through trade_error_set, which
 * applies this rule to the message and the file name, so a value or a file
 * name read from hostile input cannot put terminal escapes on a user's
 * screen. Readers that quote a field in a message also call error_shown
 * first, to cut it to a short length on a character boundary. */
#ifndef TRADE_ERROR_INTERNAL_H
#define TRADE_ERROR_INTERNAL_H

#include <stddef.h>

/* Copy s[0..len) into out (size bytes, NUL-terminated) for a message: each
 * control character (C0 bytes 0x00-0x1F, DEL 0x7F, and the C1 controls
 * U+0080-U+009F written in UTF-8) and each byte that is not part of a valid
 * UTF-8 sequence becomes '?'. A text that does not fit is cut on a character
 * boundary and ends in "..." (when size is at least 4). Returns the length
 * written. out may equal s (the result is never longer than the text). */
size_t error_shown(char *out, size_t size, const char *s, size_t len);

#endif
