/* extract_list.c - the list of figures that trade_extract_text returns: appending a
 * figure (its strings copied), positions as line and column, and the
 * public accessors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

/* ---------- the list ---------- */

static char *ex_strdup(const char *s)
{
    size_t l = strlen(s);
    char *d = malloc(l + 1);
    if (d)
        memcpy(d, s, l + 1);
    return d;
}

void extract_position(const ex_scan *sc, size_t p, unsigned long *line, unsigned long *col)
{
    size_t lo = 0, hi = sc->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->line_start[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned long)lo + 1;
    *col = (unsigned long)(p - sc->line_start[lo]) + 1;
}

int extract_push(ex_scan *sc, const trade_figure *f, size_t start, size_t end, const char *context,
                 const char *table, const char *note)
{
    trade_figure_list *l = sc->out;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 32;
        if (nc > SIZE_MAX / sizeof *l->items)
            return TRADE_ENOMEM;
        trade_figure *ni = realloc(l->items, nc * sizeof *ni);
        if (!ni)
            return TRADE_ENOMEM;
        l->items = ni;
        l->cap = nc;
    }
    trade_figure *d = &l->items[l->n];
    *d = *f;
    extract_position(sc, start, &d->line, &d->column);
    size_t len = end > start ? end - start : 0;
    d->as_written = malloc(len + 1);
    d->context = ex_strdup(context ? context : "");
    d->table = ex_strdup(table ? table : "");
    d->note = ex_strdup(note ? note : "");
    if (!d->as_written || !d->context || !d->table || !d->note) {
        free(d->as_written);
        free(d->context);
        free(d->table);
        free(d->note);
        return TRADE_ENOMEM;
    }
    if (len)
        memcpy(d->as_written, sc->s + start, len);
    d->as_written[len] = '\0';
    l->n++;
    return 0;
}

size_t trade_extract_count(const trade_figure_list *l)
{
    return l ? l->n : 0;
}

const trade_figure *trade_extract_at(const trade_figure_list *l, size_t i)
{
    if (!l || i >= l->n)
        return NULL;
    return &l->items[i];
}

void trade_extract_free(trade_figure_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].as_written);
        free(l->items[i].context);
        free(l->items[i].table);
        free(l->items[i].note);
    }
    free(l->items);
    free(l);
}

