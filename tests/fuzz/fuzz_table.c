/* fuzz_table.c - libFuzzer target for the CSV reader (trade_table_read_buffer).
 *
 * The first byte of the input picks the mode (strict, draft, generic, auto)
 * and a small or the default field limit; the rest is the file. A second
 * read of the same bytes into the same table exercises column merging. After
 * a successful read every accessor is walked and rows are grouped into
 * series, so a bad cell position or row pointer shows up under ASan. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"

static int count_problem(void *ctx, const trade_error *p)
{
    size_t *n = ctx;
    /* every problem is located and has a message */
    if (!p->message[0] || p->code == TRADE_OK)
        __builtin_trap();
    (*n)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    data++;
    size--;
    trade_read_options opt;
    memset(&opt, 0, sizeof opt);
    opt.draft = mode & 1;
    opt.generic = (mode >> 1) & 3; /* 0, GENERIC, AUTO, 3 (treated as set) */
    if (opt.generic == 3)
        opt.generic = TRADE_READ_GENERIC;
    opt.max_field_bytes = (mode & 8) ? 16 : 0;
    size_t problems = 0;
    if (mode & 16) {
        opt.on_problem = count_problem;
        opt.ctx = &problems;
    }
    trade_table *t = trade_table_new();
    if (!t)
        return 0;
    trade_error err;
    int rc = trade_table_read_buffer(t, (const char *)data, size, "fuzz.csv", &opt, &err);
    if (rc != TRADE_OK && (err.code != rc || !err.message[0]))
        __builtin_trap(); /* a failure must be described */
    if (rc != TRADE_OK && rc != TRADE_ENOMEM && (mode & 16) && problems == 0)
        __builtin_trap(); /* ... and reported through the callback */
    if (rc == TRADE_OK) {
        /* merge the same file again, under another name */
        rc = trade_table_read_buffer(t, (const char *)data, size, "again.csv", &opt, &err);
        if (rc == TRADE_OK)
            (void)trade_table_check_duplicates(t, NULL, NULL, &err);
    }
    size_t rows = trade_table_rows(t), cols = trade_table_cols(t);
    size_t sum = 0;
    for (size_t c = 0; c < cols; c++) {
        const char *name = trade_table_col_name(t, c);
        if (!name || trade_table_col_index(t, name) != (long)c)
            __builtin_trap(); /* column names are unique */
    }
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            const char *file;
            unsigned long line, column;
            sum += strlen(trade_table_cell(t, r, c));
            trade_table_cell_position(t, r, c, &file, &line, &column);
        }
        const trade_obs *o = trade_table_obs(t, r);
        if (o) {
            char buf[TRADE_NUMBER_BUFSIZE];
            char pbuf[TRADE_PERIOD_BUFSIZE];
            trade_number_format(o->value, buf, sizeof buf);
            trade_period_format(&o->period, pbuf, sizeof pbuf);
            sum += strlen(o->reporter) + strlen(o->partner) + strlen(o->flow) + strlen(o->unit) +
                   strlen(o->source) + strlen(o->note) + strlen(buf) + strlen(pbuf);
        }
    }
    if (rows && trade_table_obs(t, 0)) {
        trade_series_list *s = NULL;
        if (trade_series_group(t, &s, &err) == TRADE_OK) {
            size_t total = 0;
            for (size_t i = 0; i < trade_series_count(s); i++) {
                size_t n;
                const size_t *idx = trade_series_rows(s, i, &n);
                for (size_t k = 0; k < n; k++)
                    if (idx[k] >= rows)
                        __builtin_trap();
                total += n;
            }
            if (total != rows)
                __builtin_trap(); /* every row is in exactly one series */
        }
        trade_series_list_free(s);
    }
    if (rows) {
        unsigned char *keep = malloc(rows);
        if (keep) {
            for (size_t r = 0; r < rows; r++)
                keep[r] = (unsigned char)((r + sum) & 1);
            (void)trade_table_filter(t, keep, &err);
            free(keep);
        }
    }
    trade_table_free(t);
    return 0;
}
