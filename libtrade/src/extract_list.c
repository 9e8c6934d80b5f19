/* extract_list.c - the list of figures that trade_extract_text returns: appending a
 * figure (its strings copied), positions as line and column, and the
 * public accessors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf_internal.h"
#include "extract_internal.h"
#include "utf8_internal.h"

/* ---------- the list ---------- */

static char *ex_strdup(const char *s)
{
    size_t l = strlen(s);
    char *d = malloc(l + 1);
    if (d)
        memcpy(d, s, l + 1);
    return d;
}

/* Replace every byte that is not part of a well-formed UTF-8 sequence
 * (overlong forms, surrogates, code points past U+10FFFF, cut sequences)
 * by '?', so that every string of a figure is valid UTF-8. */
static void ex_clean_utf8(char *s)
{
    size_t len = strlen(s);
    size_t at = 0;
    while ((at += utf8_invalid_at(s + at, len - at)) < len)
        s[at++] = '?';
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
    if (ARRAY_GROW(l->items, l->n + 1, l->cap))
        return TRADE_ENOMEM;
    trade_figure *d = &l->items[l->n];
    *d = *f;
    extract_position(sc, start, &d->line, &d->column);
    if (!(d->confidence > 0)) {
        /* a quarter for each of reporter, partner, flow and period found */
        int have = !!d->reporter[0] + !!d->partner[0] + !!d->flow[0] + !!d->period[0];
        d->confidence = have / 4.0;
    }
    if (!d->measure[0]) {
        /* table cells: the measure follows from the unit */
        const char *m = !strcmp(d->unit, "percent_change") ? "growth"
                        : !strcmp(d->unit, "percent")      ? "share"
                        : !strcmp(d->unit, "pp")           ? "change"
                        : !strcmp(d->unit, "rank")         ? "rank"
                        : !strcmp(d->unit, "count")        ? "count"
                                                           : "level";
        snprintf(d->measure, sizeof d->measure, "%s", m);
    }
    size_t len = end > start ? end - start : 0;
    d->as_written = malloc(len + 1);
    d->context = ex_strdup(context ? context : "");
    d->table = ex_strdup(table ? table : "");
    d->note = ex_strdup(note ? note : "");
    d->file = ex_strdup("");
    if (!d->as_written || !d->context || !d->table || !d->note || !d->file) {
        free(d->as_written);
        free(d->context);
        free(d->table);
        free(d->note);
        free(d->file);
        return TRADE_ENOMEM;
    }
    if (len)
        memcpy(d->as_written, sc->s + start, len);
    d->as_written[len] = '\0';
    ex_clean_utf8(d->as_written);
    ex_clean_utf8(d->context);
    ex_clean_utf8(d->table);
    ex_clean_utf8(d->note);
    l->n++;
    return 0;
}

/* ---------- conflicts ---------- */

static int ex_cmp_key(const void *x, const void *y)
{
    const trade_figure *a = *(const trade_figure *const *)x;
    const trade_figure *b = *(const trade_figure *const *)y;
    int c;
    if ((c = strcmp(a->reporter, b->reporter)) || (c = strcmp(a->partner, b->partner)) ||
        (c = strcmp(a->flow, b->flow)) || (c = strcmp(a->period, b->period)) ||
        (c = strcmp(a->unit, b->unit)) || (c = strcmp(a->qualifier, b->qualifier)) ||
        (c = strcmp(a->measure, b->measure)) || (c = strcmp(a->product, b->product)))
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

int extract_note_append(trade_figure *f, const char *extra)
{
    size_t len = strlen(f->note) + strlen(extra) + 3;
    char *nn = malloc(len);
    if (!nn)
        return TRADE_ENOMEM;
    snprintf(nn, len, "%s%s%s", f->note, f->note[0] ? "; " : "", extra);
    free(f->note);
    f->note = nn;
    return 0;
}

/* The base a growth rate names right after it in its sentence: 1 the
 * month before ("5% on month", "month-on-month", "m-o-m", "from the
 * previous month"), 2 the year before ("8.4% on year", "year-on-year",
 * "y-o-y", "on an annual basis"), 0 neither. */
static int ex_growth_base(const trade_figure *f)
{
    if (!f->context || !f->as_written || !f->as_written[0])
        return 0;
    const char *at = strstr(f->context, f->as_written);
    if (!at)
        return 0;
    const char *s = at + strlen(f->as_written);
    size_t n = strlen(s), p = 0;
    for (int words = 0; words < 6 && p < n; words++) {
        while (p < n && (s[p] == ' ' || s[p] == ',' || s[p] == ')' || s[p] == '('))
            p++;
        static const char *const mom[] = {"on month", "month-on-month", "m-o-m", "mom",
                                          "from the previous month", "over the previous month",
                                          "on a monthly basis", "month on month", NULL};
        static const char *const yoy[] = {"on year", "year-on-year", "y-o-y", "yoy", "on-year",
                                          "from a year earlier", "on an annual basis",
                                          "year on year", NULL};
        for (int j = 0; mom[j]; j++)
            if (extract_word(s, n, p, mom[j]))
                return 1;
        for (int j = 0; yoy[j]; j++)
            if (extract_word(s, n, p, yoy[j]))
                return 2;
        if (s[p] == '.' || s[p] == ';')
            return 0;
        while (p < n && s[p] != ' ' && s[p] != ',')
            p++;
    }
    return 0;
}

/* One pass over the figures sorted by key. A figure whose value differs
 * from the first of its key: when one of the two is written coarser (a
 * prose "EUR 118 million" beside a table's 119,091.91 thousand) and has no
 * qualifier, the coarser one is the rounded reading and becomes approx
 * (*changed set: the keys moved, pass again); else the later one loses its
 * flow (with blank_only, always that). */
static int ex_conflict_pass(trade_figure_list *l, int blank_only, int *changed)
{
    size_t m = 0;
    trade_figure **idx = malloc((l->n + 1) * sizeof *idx);
    if (!idx)
        return TRADE_ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        trade_figure *f = &l->items[i];
        if (f->reporter[0] && f->partner[0] && f->flow[0] && f->period[0])
            idx[m++] = f;
    }
    if (m > 1)
        qsort(idx, m, sizeof *idx, ex_cmp_key);
    int rc = 0;
    for (size_t g = 0; g < m && rc == 0;) {
        trade_figure *first = idx[g];
        size_t h = g + 1;
        for (; h < m && rc == 0; h++) {
            trade_figure *b = idx[h];
            if (strcmp(first->reporter, b->reporter) || strcmp(first->partner, b->partner) ||
                strcmp(first->flow, b->flow) || strcmp(first->period, b->period) ||
                strcmp(first->unit, b->unit) || strcmp(first->qualifier, b->qualifier) ||
                strcmp(first->measure, b->measure) || strcmp(first->product, b->product))
                break;
            if (first->value == b->value)
                continue;
            char extra[320];
            trade_figure *coarse = first->precision > b->precision   ? first
                                   : b->precision > first->precision ? b
                                                                     : NULL;
            if (!blank_only && coarse && !coarse->qualifier[0] && !strcmp(coarse->measure, "level")) {
                const trade_figure *fine = coarse == first ? b : first;
                int other = strcmp(fine->file, coarse->file) != 0;
                snprintf(extra, sizeof extra,
                         "approx: a rounded reading of the figure on %.80s%sline %lu column %lu, "
                         "which is written finer",
                         other ? fine->file : "", other ? " " : "", fine->line, fine->column);
                snprintf(coarse->qualifier, sizeof coarse->qualifier, "approx");
                coarse->confidence = coarse->confidence > 0.1 ? coarse->confidence - 0.1 : 0.05;
                rc = extract_note_append(coarse, extra);
                *changed = 1;
                if (coarse == first)
                    break; /* the group's first figure has left it */
                continue;
            }
            /* one row, the conflict said: the later reading keeps its value and
             * names the figure it disagrees with; its flow is left out so the
             * draft has no two values for one key. Of a growth rate over the
             * month before and one over the year before ("5% on month and
             * 8.4% on year"), the year's keeps the flow, whichever is first */
            int swap = !strcmp(first->measure, "growth") && !strcmp(first->file, b->file) &&
                       ex_growth_base(first) == 1 && ex_growth_base(b) == 2;
            if (swap) {
                trade_figure *tmp = first;
                first = b;
                b = tmp;
            }
            if (!strcmp(first->measure, "growth") && !strcmp(first->file, b->file))
                /* "-0.3 ... 0.3" in the columns "August to September" and
                 * "September 2016 to September 2017": one period, two bases */
                snprintf(extra, sizeof extra,
                         "conflict: read as %s like line %lu column %lu, another growth rate of "
                         "the same period (%g): over another base period (the month or the year "
                         "before); flow left out, one value per key",
                         b->flow, first->line, first->column, first->value);
            else if (strcmp(first->file, b->file))
                snprintf(extra, sizeof extra,
                         "conflict: read as %s like %.80s line %lu column %lu, which has another "
                         "value",
                         b->flow, first->file, first->line, first->column);
            else
                snprintf(extra, sizeof extra,
                         "conflict: read as %s like line %lu column %lu, which has another value",
                         b->flow, first->line, first->column);
            rc = extract_note_append(b, extra);
            b->flow[0] = 0;
            if (rc == 0 && !strcmp(b->partner, b->reporter)) {
                /* a port's throughput has its country on both sides, which
                 * only freight may: without the flow, no partner either */
                b->partner[0] = '\0';
                rc = extract_note_append(b, "partner left out with the flow");
            }
            b->confidence = b->confidence > 0.25 ? b->confidence - 0.25 : 0.05;
            if (swap)
                break; /* the group's first figure has left it: the later one leads */
        }
        g = h;
    }
    free(idx);
    return rc;
}

int extract_resolve_conflicts(trade_figure_list *l)
{
    for (int pass = 0; pass < 4; pass++) {
        int changed = 0;
        int rc = ex_conflict_pass(l, pass == 3, &changed);
        if (rc || !changed)
            return rc;
    }
    return 0;
}

int trade_extract_merge(trade_figure_list *into, trade_figure_list **from, trade_error *err)
{
    if (!into || !from)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no list to merge");
    trade_figure_list *l = *from;
    if (!l)
        return 0;
    if (l->n > SIZE_MAX / sizeof *into->items - into->n)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
    if (ARRAY_GROW(into->items, into->n + l->n, into->cap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
    if (l->n)
        memcpy(into->items + into->n, l->items, l->n * sizeof *l->items);
    into->n += l->n;
    free(l->items);
    free(l);
    *from = NULL;
    if (extract_resolve_conflicts(into))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
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
        free(l->items[i].file);
    }
    free(l->items);
    free(l);
}
