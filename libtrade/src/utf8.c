/* utf8.c - strict UTF-8 validation (RFC 3629), by the table of well-formed
 * byte sequences in the Unicode standard (table 3-7). */
#include <string.h>

#include "utf8_internal.h"

size_t utf8_invalid_at(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        if (len - i <= n)
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

const char *utf8_shown(const char *str, size_t len, char out[64])
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, n = 0;
    while (i < len && i < 40) {
        unsigned char c = s[i];
        if (c < 0x80) {
            out[n++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
            i++;
            continue;
        }
        size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + k > len || i + k > 40 || utf8_invalid_at(str + i, k) != k ||
            (c == 0xC2 && s[i + 1] < 0xA0)) {
            out[n++] = '?';
            i++;
            continue;
        }
        for (size_t j = 0; j < k; j++)
            out[n++] = (char)s[i + j];
        i += k;
    }
    if (i < len) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
    return out;
}
