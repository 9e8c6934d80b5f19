/* plot_internal.h - the growable text buffer the plot module writes scripts
 * into, and its gnuplot-safe writers (shared by plot.c and the tests). */
#ifndef TRADE_PLOT_INTERNAL_H
#define TRADE_PLOT_INTERNAL_H

#include <stddef.h>

typedef struct plot_buf {
    char *p;
    size_t len, cap;
    int oom; /* set once an allocation failed; later writes do nothing */
} plot_buf;

void plot_buf_putn(plot_buf *b, const char *s, size_t n);
void plot_buf_puts(plot_buf *b, const char *s);
void plot_buf_printf(plot_buf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Append text as a gnuplot single-quoted string: control characters (and
 * DEL) as spaces, and ' as U+2019 (right single quotation mark): gnuplot
 * 5.4 documents '' as a quote inside single quotes, but reads four quotes
 * in a row, or '' at the start, as the end of the string, which would let
 * text escape. Nothing inside single quotes is substituted by gnuplot. */
void plot_buf_quote(plot_buf *b, const char *text);

/* Append text for a comment: control characters and backslashes (a trailing
 * one would continue the comment onto the next line) as spaces. */
void plot_buf_comment(plot_buf *b, const char *text);

#endif
