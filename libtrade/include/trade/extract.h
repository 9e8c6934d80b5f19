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
 * a measure (level, growth, change, share, rank, count: only levels may
 * enter a series as levels), the product where one is named, and its
 * provenance: line, column, the exact text matched, the sentence and, for
 * table cells, the table name and headings.
 *
 * Reporter, partner, flow and period are resolved as an analyst would:
 * from the sentence ("trade turnover between X and Y", "X's exports to
 * Y", "imports from Y", lists, "according to Chinese customs"), else from
 * the sentence before in the paragraph, the figure before, or the
 * document's title and first paragraph; relative times ("last year", "the
 * first nine months of this year") against the document's date line or
 * options->date_*. With no time in its sentence, a figure takes the period
 * of the figure before (not of an aside or a comparison figure), of a
 * list a colon opens, of the footnote its paragraph ends with, or the last
 * time the text states before it; in a dated text a stock is as of the
 * date and a flow with no year at all is of the last full year before it.
 * "Respectively" lists, world rankings (partner WLD), routes (the Middle
 * Corridor is XEA, a port's throughput has the reporter on both sides) and
 * parts of a total ("of which", "through the X crossing", "on goods") are
 * read as such. Where a field came from elsewhere than the figure's
 * sentence, the note says so, and confidence is lower. A figure stated for
 * two partners gives two figures. Within one text no two figures share
 * reporter, partner, flow, period, unit, qualifier, measure and product with
 * different values: when one is written coarser ("EUR 118 million" beside a
 * table's 119,091.91 thousand) it is the rounded reading and becomes approx,
 * else the later one loses its flow; the note says which figure it
 * disagrees with, and the confidence drops. */
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
    int no_tables;    /* 1: do not read aligned tables (their lines are then prose) */
    int no_counts;    /* 1: drop bare counts (numbers without unit, "29 areas") */
    size_t max_bytes; /* the largest text accepted; 0: TRADE_EXTRACT_MAX_BYTES */
    int date_year;    /* the document's date for "this year" / "last year";  */
    int date_month;   /* 0: read from a date line of the text, if any        */
    int date_day;
} trade_extract_options;

/* The default bound on the size of a text: 16 MiB (a brief is some kB). */
#define TRADE_EXTRACT_MAX_BYTES ((size_t)16 << 20)

/* One figure. All strings are NUL-terminated, valid UTF-8 (bytes of the
 * text that are not are written '?'), owned by the list. */
typedef struct trade_figure {
    char reporter[8];     /* country code or "" */
    char partner[8];      /* country code or "" */
    char flow[24];        /* flow code or "" */
    char period[40];      /* "2011", "2012-01/2012-10", "2010/2012" or "" */
    double value;         /* in base units, finite */
    char unit[16];        /* ISO 4217 code or a unit code of FORMAT.md */
    double precision;     /* > 0: unit of the last written digit, base units */
    char qualifier[16];   /* "", approx, lower_bound, upper_bound, estimate, projection */
    char product[32];     /* the goods named with the figure ("cement", "black coal"), or "" */
    char measure[16];     /* level, growth, change (an absolute change), share, rank,
                           * count; only "level" rows may enter a series as levels */
    double confidence;    /* 0 to 1: how sure the context (reporter, partner, flow,
                           * period) is; 1 when all four come from the sentence */
    unsigned long line;   /* 1-based line of the first byte of as_written */
    unsigned long column; /* 1-based byte column of that byte */
    char *as_written;     /* the exact text matched */
    char *context;        /* the sentence (or table row), at most 300 bytes */
    char *table;          /* "Table 2" for a cell of a named table, else "" */
    char *note;           /* table headings, and where a field came from when
                           * not from the sentence ("reporter from the title") */
    char *file;           /* the file read by trade_extract_file ("-": standard
                           * input), "" for trade_extract_text */
} trade_figure;

typedef struct trade_figure_list trade_figure_list;

/* Scan text[0..len) (need not be NUL-terminated) and return the figures in
 * the order of their position in *out (owned by the caller, free with
 * trade_extract_free; an empty list when nothing is found). opt may be NULL.
 * Returns 0, TRADE_EARG (text or out NULL with len > 0), TRADE_ELIMIT (len
 * above the bound; err names line and column of the first byte past it) or
 * TRADE_ENOMEM; on error *out is NULL. */
TRADE_API int trade_extract_text(const char *text, size_t len, const trade_extract_options *opt,
                                 trade_figure_list **out, trade_error *err);

/* Read the file at path ("-": standard input) and scan it as
 * trade_extract_text does. Reading stops one byte past the bound
 * (opt->max_bytes), so an endless input ends quickly with TRADE_ELIMIT and
 * err naming path, line and column. TRADE_EIO when the file cannot be
 * read (err names path). */
TRADE_API int trade_extract_file(const char *path, const trade_extract_options *opt,
                                 trade_figure_list **out, trade_error *err);

/* Review against a dataset: what each figure is to the observations of a
 * table (read with trade_table_read_file; drafts allowed). */
enum {
    TRADE_EXTRACT_NEW = 0,    /* no row with its key */
    TRADE_EXTRACT_SAME,       /* a row with its key and its value */
    TRADE_EXTRACT_CONFLICT,   /* rows with its key, none with its value */
    TRADE_EXTRACT_INCOMPLETE  /* reporter, partner, flow or period missing: no key */
};

typedef struct trade_extract_review {
    int status; /* TRADE_EXTRACT_* */
    size_t row; /* the table row met (the first with the key; for INCOMPLETE the
                 * first with the same value and unit), or (size_t)-1 */
} trade_extract_review;

/* For each figure i of l, fill out[i] (out has trade_extract_count(l)
 * entries, owned by the caller). The key is reporter, partner, flow, period
 * (as month spans), unit, measure (empty = level) and product; values are the same
 * within half the coarser precision. Returns 0 or TRADE_EARG. */
TRADE_API int trade_extract_against(const trade_figure_list *l, const trade_table *t,
                                    trade_extract_review *out, trade_error *err);

/* "new", "same", "conflict" or "incomplete". */
TRADE_API const char *trade_extract_review_name(int status);

/* The figures of several files that are one source (one brief in parts):
 * move every figure of *from to the end of into (*from is freed and set to
 * NULL), then settle the conflicts among all of into's figures as
 * trade_extract_text does within one text: of two figures with one key and
 * two values, the one written coarser is made approx when it has no
 * qualifier, else the later one loses its flow; the note names the other
 * figure (its file too when that differs). Returns 0, TRADE_EARG (into or
 * from NULL) or TRADE_ENOMEM (then *from is left as it was, or into holds
 * every figure with some conflicts unsettled: treat it as a failure). */
TRADE_API int trade_extract_merge(trade_figure_list *into, trade_figure_list **from,
                                  trade_error *err);

/* The dataset files of a review against path: path itself when it is not a
 * folder, else the *.csv files of the folder (not hidden ones), in name
 * order, each as path/name. *files gets an array of *n strings owned by the
 * caller (free with trade_extract_files_free). Returns 0, TRADE_EARG,
 * TRADE_EIO (path cannot be read; err names it), TRADE_ENOTFOUND (a folder
 * with no .csv file) or TRADE_ENOMEM; on error *files is NULL and *n 0. */
TRADE_API int trade_extract_dataset_files(const char *path, char ***files, size_t *n,
                                          trade_error *err);

/* Free what trade_extract_dataset_files returned. files may be NULL. */
TRADE_API void trade_extract_files_free(char **files, size_t n);

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
