/* extract_context_internal.h - the context of a figure: its sentence, the
 * countries named, the time expressions (periods). Not part of the public
 * API. */
#ifndef TRADE_EXTRACT_CONTEXT_INTERNAL_H
#define TRADE_EXTRACT_CONTEXT_INTERNAL_H

#include "extract_internal.h"
#include "extract_number_internal.h"

/* Does a sentence end right after position p (s[p] is . ! ?)? Returns the
 * offset just after the end (after a footnote mark), or 0. */
size_t extract_sentence_end(const char *s, size_t n, size_t p);

/* The sentence around p: [*a, *b). */
void extract_sentence(const ex_scan *sc, size_t p, size_t *a, size_t *b);

/* Copy s[a..b) with whitespace runs collapsed and invalid UTF-8 replaced
 * by '?', at most max bytes, cut on a character boundary. */
void extract_collapse(const char *s, size_t n, size_t a, size_t b, char *out, size_t max);

int extract_year_at(const char *s, size_t n, size_t p, int *year);

/* The calendar that relative times rest on: the document's date (year 0:
 * unknown; month 0: unknown), the first month of the fiscal year it
 * counts in (0: none named) and, with no date, the latest year the text
 * writes (0: none), the year of its latest figures ("as of November");
 * fiscal_begins: the first month of the fiscal year when its years are
 * named by the year they begin in (Japan: 4, FY2023 is 2023-04/2024-03;
 * 0: named by the year they end in). */
typedef struct ex_clock {
    int year, month;
    int fiscal;
    int text_year;
    int fiscal_begins;
} ex_clock;

/* The latest year that the text s[0..n) writes, for a text with no date:
 * the year after a base of "the same month of 2014" (0: none). */
int extract_text_year(const char *s, size_t n);

/* The first month of the fiscal year that the text s[0..n) counts in: the
 * months it gives ("July-April", "(April 2012-March 2013)", "April-December
 * ... last fiscal"), else the country named with it or the document's
 * reporter (India 4, Pakistan 7, ...); 0 when the text names no fiscal
 * year ("fiscal", "financial year", "FY19") or its months are not known. */
int extract_fiscal_start(const char *s, size_t n, const char *reporter);

/* The first month of the reporter's fiscal year when it names its fiscal
 * years by the year they begin in (Japan: 4, "FY2023", "fiscal 2023" run
 * from April 2023), else 0. */
int extract_fiscal_begins(const char *reporter);

/* Time expressions in s[a..b), in text order. clock holds the document's
 * date ("this year", "last year") and fiscal year ("2015-16", "FY19", "the
 * first 10 months of this fiscal year"), ctx_year the year of the figure
 * before (for "January-July" without a year; 0: the document's year). */
size_t extract_times(const char *s, size_t n, size_t a, size_t b, ex_time *t, size_t max,
                     const ex_clock *clock, int ctx_year);

/* The '(' enclosing p within [a, p), or (size_t)-1. */
size_t extract_paren(const char *s, size_t a, size_t p);

#endif
