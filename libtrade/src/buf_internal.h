/* buf_internal.h - the library's one growable buffer (curl's dynbuf): a
 * byte buffer with append and printf, and the growth of typed arrays, both
 * with their size checked for overflow.
 *
 * A dynbuf is caller-owned (zeroed, or DYNBUF_INIT(max)); its text is
 * always NUL-terminated once anything was added. The first failure sticks:
 * later additions do nothing and return the same status, so a writer can
 * append a whole script and check once at the end. dynbuf_free frees the
 * memory, dynbuf_take hands it to the caller (free() it). */
#ifndef TRADE_BUF_INTERNAL_H
#define TRADE_BUF_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* The high bit of each byte of w that is 0, every other bit clear: exact
 * per byte (no carry crosses bytes), for scanning a buffer eight bytes at
 * a time (w ^ (0x0101010101010101 * c): the bytes equal to c). */
static inline uint64_t buf_zero_bytes(uint64_t w)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
    return ~(((w & low7) + low7) | w | low7);
}

/* The high bit of each byte of w that equals c (buf_zero_bytes of the
 * bytes xor c), every other bit clear. */
static inline uint64_t buf_bytes_eq(uint64_t w, unsigned char c)
{
    return buf_zero_bytes(w ^ (0x0101010101010101u * c));
}

typedef struct dynbuf {
    char *p;    /* NULL until something is added */
    size_t len; /* bytes, without the NUL */
    size_t cap;
    size_t max; /* most bytes it may hold (0: no bound but SIZE_MAX) */
    int failed; /* 0, TRADE_ENOMEM or TRADE_ELIMIT (past max): the first failure */
} dynbuf;

#define DYNBUF_INIT(max)                                                                           \
    {                                                                                              \
        NULL, 0, 0, (max), 0                                                                       \
    }

/* Append s[0..n), a string, one byte, or printf's output. Return 0,
 * TRADE_ENOMEM or TRADE_ELIMIT (the buffer would pass its max). */
int dynbuf_addn(dynbuf *b, const void *s, size_t n);
int dynbuf_adds(dynbuf *b, const char *s);
int dynbuf_addc(dynbuf *b, char c);
int dynbuf_addf(dynbuf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Empty b, keeping its memory and its failure. */
void dynbuf_reset(dynbuf *b);

/* Free b's memory and zero it (its max kept); NULL does nothing. */
void dynbuf_free(dynbuf *b);

/* b's text, owned by the caller from now on (never NULL unless out of
 * memory: an empty buffer gives ""); b is left empty. *len (may be NULL)
 * gets its length. */
char *dynbuf_take(dynbuf *b, size_t *len);

/* Room for need elements of elem bytes in the array *arr of capacity *cap
 * (the capacity doubles, from 16): 0, or TRADE_ENOMEM (need * elem
 * overflows, or no memory) with *arr and *cap unchanged. arr is the
 * address of the array pointer: use ARRAY_GROW. */
int array_grow(void *arr, size_t elem, size_t need, size_t *cap);

#define ARRAY_GROW(arr, need, cap)                                                                 \
    ((need) <= (cap) ? 0 : array_grow(&(arr), sizeof *(arr), (need), &(cap)))

#endif
