/* extract.h - candidate observations from the prose and tables of a brief.
 *
 * trade_extract_text scans a UTF-8 text (any bytes are accepted: invalid
 * UTF-8, NULs and absurdly long digit runs are skipped safely) and returns
 * the figures it finds: money (currency symbols and codes before or after
 * the number, scale words such as million, bn, mln, m, k), quantities
 * (tonnes, cubic metres, containers, TEU, hectares, ...), percentages
 * (shares as `percent`, growth as `percent_change`, `pp`), numbers written as
 * words, and the cells of tab- or space-aligned tables whose unit and scale
 * come from the caption or header. Years, dates, times, footnote marks, page
 * and article numbers, URLs and ordinals (except ranks) are not figures.
 *
 * Each figure carries its value in base units (EUR 118 million is
 * 118000000), the unit code of datasets/FORMAT.md, the precision (the unit
 * of the last written digit times the scale), a qualifier from nearby words,
 * the period, reporter, partner and flow where the sentence states them
 * plainly (else ""), and its provenance: line, column, the exact text
 * matched, the sentence and, for table cells, the table name and headings. */
#ifndef TRADE_EXTRACT_H
#define TRADE_EXTRACT_H

#include "error.h"
#include "table.h"
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Options; a NULL pointer means all defaults (every field 0). */
typedef struct trade_extract_options {
    int no_tables; /* 1: do not read aligned tables (their lines are then prose) */
    int no_counts; /* 1: drop bare counts (numbers without unit, "29 areas") */
} trade_extract_options;

/* One figure. All strings are NUL-terminated UTF-8 owned by the list. */
typedef struct trade_figure {
    char reporter[8];     /* country code or "" */
    char partner[8];      /* country code or "" */
    char flow[24];        /* flow code or "" */
    char period[40];      /* "2011", "2012-01/2012-10", "2010/2012" or "" */
    double value;         /* in base units, finite */
    char unit[16];        /* ISO 4217 code or a unit code of FORMAT.md */
    double precision;     /* > 0: unit of the last written digit, base units */
    char qualifier[16];   /* "", approx, lower_bound, upper_bound, estimate, projection */
    unsigned long line;   /* 1-based line of the first byte of as_written */
    unsigned long column; /* 1-based byte column of that byte */
    char *as_written;     /* the exact text matched */
    char *context;        /* the sentence (or table row), at most 300 bytes */
    char *table;          /* "Table 2" for a cell of a named table, else "" */
    char *note;           /* table row and column headings, or "" */
} trade_figure;

typedef struct trade_figure_list trade_figure_list;

/* Scan text[0..len) (need not be NUL-terminated) and return the figures in
 * the order of their position in *out (owned by the caller, free with
 * trade_extract_free; an empty list when nothing is found). opt may be NULL.
 * Returns 0, TRADE_EARG (text or out NULL with len > 0) or TRADE_ENOMEM;
 * on error *out is NULL. */
TRADE_API int trade_extract_text(const char *text, size_t len, const trade_extract_options *opt,
                                 trade_figure_list **out, trade_error *err);

/* The number of figures in l (0 for NULL). */
TRADE_API size_t trade_extract_count(const trade_figure_list *l);

/* The i-th figure, or NULL past the end. Valid until trade_extract_free. */
TRADE_API const trade_figure *trade_extract_at(const trade_figure_list *l, size_t i);

/* Free l and everything it owns. l may be NULL. */
TRADE_API void trade_extract_free(trade_figure_list *l);

#ifdef __cplusplus
}
#endif

#endif
