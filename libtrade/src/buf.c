/* buf.c - the growable buffer and array growth (buf_internal.h). Every
 * size is checked before it is computed: need * elem, len + n + 1 and the
 * doubling of a capacity cannot wrap. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/error.h"

#include "buf_internal.h"

int array_grow(void *arr, size_t elem, size_t need, size_t *cap)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    if (elem && nc > SIZE_MAX / elem)
        return TRADE_ENOMEM;
    void *p;
    memcpy(&p, arr, sizeof p);
    void *q = realloc(p, nc * elem);
    if (!q)
        return TRADE_ENOMEM;
    memcpy(arr, &q, sizeof q);
    *cap = nc;
    return 0;
}

int dynbuf_addn(dynbuf *b, const void *s, size_t n)
{
    if (b->failed)
        return b->failed;
    size_t max = b->max ? b->max : SIZE_MAX - 1;
    if (n > max - b->len)
        return b->failed = TRADE_ELIMIT;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap;
        if (ARRAY_GROW(b->p, b->len + n + 1, cap))
            return b->failed = TRADE_ENOMEM;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

int dynbuf_adds(dynbuf *b, const char *s)
{
    return dynbuf_addn(b, s, strlen(s));
}

int dynbuf_addc(dynbuf *b, char c)
{
    return dynbuf_addn(b, &c, 1);
}

int dynbuf_addf(dynbuf *b, const char *fmt, ...)
{
    if (b->failed)
        return b->failed;
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return b->failed = TRADE_ENOMEM;
    if ((size_t)n < sizeof small)
        return dynbuf_addn(b, small, (size_t)n);
    /* longer: print in place, after making room */
    if (dynbuf_addn(b, "", 0) || (size_t)n > (b->max ? b->max : SIZE_MAX - 1) - b->len)
        return b->failed ? b->failed : (b->failed = TRADE_ELIMIT);
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap;
        if (ARRAY_GROW(b->p, b->len + (size_t)n + 1, cap))
            return b->failed = TRADE_ENOMEM;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void dynbuf_reset(dynbuf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

void dynbuf_free(dynbuf *b)
{
    if (!b)
        return;
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

char *dynbuf_take(dynbuf *b, size_t *len)
{
    char *p = b->p ? b->p : calloc(1, 1);
    if (len)
        *len = b->p ? b->len : 0;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}
