/* plot_internal.h - the text buffer the plot module writes scripts into
 * (the library's growable buffer, buf_internal.h), and its gnuplot-safe
 * writers (shared by plot.c and the tests). */
#ifndef TRADE_PLOT_INTERNAL_H
#define TRADE_PLOT_INTERNAL_H

#include <stddef.h>

#include "buf_internal.h"

/* A dynbuf: the first failure sticks (b.failed), later writes do nothing;
 * the script checks it once at the end. */
typedef dynbuf plot_buf;

#define plot_buf_putn(b, s, n) ((void)dynbuf_addn((b), (s), (n)))
#define plot_buf_puts(b, s) ((void)dynbuf_adds((b), (s)))
#define plot_buf_printf(b, ...) ((void)dynbuf_addf((b), __VA_ARGS__))

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
