/* fuzz_extract.c - libFuzzer target for the extract scanner
 * (trade_extract_text).
 *
 * The first byte sets the options (no_tables, no_counts); the rest is the
 * text, any bytes. Properties checked for every figure: a finite value, a
 * positive finite precision, a unit, NUL-terminated fixed fields, a
 * context of at most 300 bytes, figures in position order, and the
 * provenance exact: the text at (line, column) begins with as_written. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    trade_extract_options opt;
    memset(&opt, 0, sizeof opt);
    opt.no_tables = data[0] & 1;
    opt.no_counts = (data[0] >> 1) & 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    /* offset of the start of each line, to check positions */
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++)
        nlines += text[i] == '\n';
    size_t *start = malloc(nlines * sizeof *start);
    if (!start)
        return 0;
    start[0] = 0;
    for (size_t i = 0, k = 1; i < len; i++)
        if (text[i] == '\n')
            start[k++] = i + 1;

    trade_figure_list *l = (trade_figure_list *)1;
    trade_error err;
    int rc = trade_extract_text(text, len, (data[0] & 4) ? NULL : &opt, &l, &err);
    if (rc != 0) {
        if (l != NULL || !err.message[0])
            __builtin_trap();
        free(start);
        return 0;
    }
    size_t n = trade_extract_count(l);
    unsigned long prev_line = 0, prev_col = 0;
    for (size_t i = 0; i < n; i++) {
        const trade_figure *f = trade_extract_at(l, i);
        if (!f)
            __builtin_trap();
        if (!isfinite(f->value) || !isfinite(f->precision) || !(f->precision > 0))
            __builtin_trap();
        if (!TERMINATED(f->reporter) || !TERMINATED(f->partner) || !TERMINATED(f->flow) ||
            !TERMINATED(f->period) || !TERMINATED(f->unit) || !TERMINATED(f->qualifier) ||
            !f->unit[0])
            __builtin_trap();
        if (!f->as_written || !f->context || !f->table || !f->note || strlen(f->context) > 300)
            __builtin_trap();
        if (f->line < 1 || f->line > nlines || f->column < 1)
            __builtin_trap();
        if (f->line < prev_line || (f->line == prev_line && f->column < prev_col))
            __builtin_trap(); /* not in position order */
        prev_line = f->line;
        prev_col = f->column;
        size_t off = start[f->line - 1] + f->column - 1;
        size_t w = strlen(f->as_written);
        if (off > len || w > len - off || memcmp(text + off, f->as_written, w) != 0)
            __builtin_trap(); /* provenance does not point at the text */
        /* the period, when given, is a valid period */
        if (f->period[0]) {
            trade_period p;
            if (trade_period_parse(f->period, strlen(f->period), &p, &err) != 0)
                __builtin_trap();
        }
    }
    if (trade_extract_at(l, n) != NULL)
        __builtin_trap();
    trade_extract_free(l);
    free(start);
    return 0;
}
