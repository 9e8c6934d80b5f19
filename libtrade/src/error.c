/* error.c - status messages, the error record (with the one rule for
 * showing untrusted text in it, error_shown), and library initialisation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "error_internal.h"
#include "trade/error.h"
#include "trade/version.h"
#include "utf8_internal.h"

const char *trade_version(void)
{
    return TRADE_VERSION_STRING;
}

/* No default: the compiler flags a status code without a message. */
const char *trade_strerror(int code)
{
    switch ((trade_status)code) {
    case TRADE_OK:
        return "success";
    case TRADE_ENOMEM:
        return "out of memory";
    case TRADE_EIO:
        return "input/output error";
    case TRADE_ECSV:
        return "malformed CSV";
    case TRADE_EDATA:
        return "invalid data";
    case TRADE_EARG:
        return "invalid argument";
    case TRADE_ELIMIT:
        return "limit exceeded";
    case TRADE_ENOTFOUND:
        return "not found";
    case TRADE_EMATH:
        return "numerical failure";
    }
    return "unknown error";
}

void trade_error_clear(trade_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* The length of the character at s[0..len) and, in *bad, whether it is
 * shown as one '?': a control character (C0, DEL, or a C1 control, 2 bytes)
 * or a byte that does not start a valid UTF-8 sequence (1 byte). */
static size_t shown_char(const unsigned char *s, size_t len, int *bad)
{
    *bad = 0;
    if (s[0] < 0x80) {
        *bad = s[0] < 0x20 || s[0] == 0x7f;
        return 1;
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
    if (n > len || utf8_invalid_at((const char *)s, n) != n) {
        *bad = 1;
        return 1;
    }
    *bad = s[0] == 0xC2 && s[1] < 0xA0; /* U+0080-U+009F */
    return n;
}

size_t error_shown(char *out, size_t size, const char *s, size_t len)
{
    if (!out || size == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    if (!s)
        len = 0;
    int bad;
    size_t need = 0; /* the length shown in full (never more than len) */
    for (size_t i = 0; i < len && len >= size;) {
        size_t n = shown_char(u + i, len - i, &bad);
        need += bad ? 1 : n;
        i += n;
    }
    int cut = len >= size && need >= size;
    size_t limit = cut ? (size >= 4 ? size - 4 : size - 1) : size - 1;
    size_t i = 0, k = 0;
    while (i < len) {
        size_t n = shown_char(u + i, len - i, &bad);
        size_t w = bad ? 1 : n;
        if (k + w > limit)
            break;
        if (bad)
            out[k] = '?';
        else
            memmove(out + k, u + i, n);
        k += w;
        i += n;
    }
    if (cut && size >= 4) {
        memcpy(out + k, "...", 3);
        k += 3;
    }
    out[k] = '\0';
    return k;
}

int trade_error_set(trade_error *err, int code, const char *file, unsigned long line,
                    unsigned long column, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* one rule for every message: no control bytes reach a terminal */
    error_shown(err->message, sizeof err->message, err->message, strlen(err->message));
    error_shown(err->file, sizeof err->file, err->file, strlen(err->file));
    return code;
}

int trade_init(void)
{
    gsl_set_error_handler_off();
    return TRADE_OK;
}

void trade_free(void *p)
{
    free(p);
}
