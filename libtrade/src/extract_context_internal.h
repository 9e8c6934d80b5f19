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

/* Time expressions in s[a..b), in text order. doc_year is the year of the
 * document's date ("this year", "last year"; 0 unknown), ctx_year the year
 * of the figure before (for "January-July" without a year; 0: doc_year). */
size_t extract_times(const char *s, size_t n, size_t a, size_t b, ex_time *t, size_t max,
                     int doc_year, int ctx_year);

/* The '(' enclosing p within [a, p), or (size_t)-1. */
size_t extract_paren(const char *s, size_t a, size_t p);

#endif
