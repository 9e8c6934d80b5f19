/* fuzz_extract.c - libFuzzer target for the extract scanner
 * (trade_extract_text).
 *
 * The first byte sets the options (no_tables, no_counts); the rest is the
 * text, any bytes. Properties checked for every figure: a finite value, a
 * positive finite precision, a unit, NUL-terminated fixed fields, a
 * context of at most 300 bytes, figures in position order, and the
 * provenance exact: the text at (line, column) begins with as_written
 * (bytes that are not UTF-8 written '?'). Every string is valid UTF-8, and
 * the draft that trade extract would write from the figures (the same
 * columns, values through trade_number_format) passes the draft validation
 * of the observation reader, conflicts included. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"
#include "utf8_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        size_t nc = (b->cap + len + 1) * 2;
        char *np = realloc(b->p, nc);
        if (!np)
            __builtin_trap();
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
}

/* An RFC 4180 field, always quoted. */
static void put_field(buf *b, const char *s, int last)
{
    put(b, "\"", 1);
    for (const char *q = s; *q; q++) {
        if (*q == '"')
            put(b, "\"\"", 2);
        else
            put(b, q, 1);
    }
    put(b, last ? "\"\n" : "\",", 2);
}

static int utf8_ok(const char *s)
{
    return utf8_invalid_at(s, strlen(s)) == strlen(s);
}

/* The draft of trade extract from l reads back as a valid draft. */
static void check_draft(const trade_figure_list *l)
{
    buf b = {0};
    static const char head[] =
        "reporter,partner,flow,period,value,unit,precision,qualifier,measure,product,source,"
        "as_written,context,note\n";
    put(&b, head, sizeof head - 1);
    for (size_t i = 0; i < trade_extract_count(l); i++) {
        const trade_figure *f = trade_extract_at(l, i);
        char v[TRADE_NUMBER_BUFSIZE], pr[TRADE_NUMBER_BUFSIZE];
        if (!trade_number_format(f->value, v, sizeof v) ||
            !trade_number_format(f->precision, pr, sizeof pr))
            continue; /* the command leaves such a figure out too */
        const char *cells[] = {
            f->reporter, f->partner, f->flow, f->period,     v,          f->unit, pr, f->qualifier,
            f->measure,  f->product, "fuzz",  f->as_written, f->context, f->note};
        for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++)
            put_field(&b, cells[c], c + 1 == sizeof cells / sizeof cells[0]);
    }
    trade_table *t = trade_table_new();
    if (!t)
        __builtin_trap();
    trade_read_options ro;
    memset(&ro, 0, sizeof ro);
    ro.draft = 1;
    trade_error err;
    if (trade_table_read_buffer(t, b.p, b.n, "draft", &ro, &err) != 0 ||
        trade_table_check_duplicates(t, NULL, NULL, &err) != 0)
        __builtin_trap(); /* the draft would fail trade validate --draft */
    trade_table_free(t);
    free(b.p);
}

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
            !TERMINATED(f->product) || !TERMINATED(f->measure) || !TERMINATED(f->period) ||
            !TERMINATED(f->unit) || !TERMINATED(f->qualifier) || !f->unit[0])
            __builtin_trap();
        if (!f->as_written || !f->context || !f->table || !f->note || strlen(f->context) > 300)
            __builtin_trap();
        if (!utf8_ok(f->reporter) || !utf8_ok(f->partner) || !utf8_ok(f->flow) ||
            !utf8_ok(f->period) || !utf8_ok(f->unit) || !utf8_ok(f->qualifier) ||
            !utf8_ok(f->measure) || !utf8_ok(f->product) || !utf8_ok(f->as_written) ||
            !utf8_ok(f->context) || !utf8_ok(f->table) || !utf8_ok(f->note))
            __builtin_trap(); /* output must be valid UTF-8 */
        if (!(f->confidence >= 0 && f->confidence <= 1))
            __builtin_trap();
        if (f->line < 1 || f->line > nlines || f->column < 1)
            __builtin_trap();
        if (f->line < prev_line || (f->line == prev_line && f->column < prev_col))
            __builtin_trap(); /* not in position order */
        prev_line = f->line;
        prev_col = f->column;
        size_t off = start[f->line - 1] + f->column - 1;
        size_t w = strlen(f->as_written);
        if (off > len || w > len - off)
            __builtin_trap(); /* provenance does not point at the text */
        for (size_t k = 0; k < w; k++)
            if (text[off + k] != f->as_written[k] && f->as_written[k] != '?')
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
    check_draft(l);
    trade_extract_free(l);
    free(start);
    return 0;
}
