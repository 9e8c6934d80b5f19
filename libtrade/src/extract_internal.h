/* extract_internal.h - shared between the extract sources: the figure list,
 * the scanner state and the helpers the table reader borrows from the prose
 * scanner. Not part of the public API. */
#ifndef TRADE_EXTRACT_INTERNAL_H
#define TRADE_EXTRACT_INTERNAL_H

#include "trade/extract.h"
#include <stddef.h>
#include <stdint.h>

struct trade_figure_list {
    trade_figure *items;
    size_t n, cap;
};

/* The decimal written in a text: digits (no separators), the number of
 * digits after the decimal mark, the end of the token. */
typedef struct ex_number {
    char digits[48];
    size_t ndigits;
    int decimals;
    size_t end;  /* one past the last byte of the token */
    int ok;      /* 0: not a usable number (date-like, too long, malformed) */
    int grouped; /* 1 if thousands separators were seen */
} ex_number;

typedef struct ex_scan {
    const char *s;
    size_t n;
    size_t *line_start; /* offsets of line starts */
    size_t nlines;
    unsigned char *skip; /* per byte: 1 = not prose (table, URL) */
    trade_figure_list *out;
    const trade_extract_options *opt;
    int status;
    char doc_reporter[8]; /* the reporter the title or first paragraph names (tables use it) */
    char doc_partner[8];  /* and the partner, if it names one */
    int comma_decimal;    /* the text writes decimals with a comma ("2,1 times", "360,5 mln")
                             and never with a point */
} ex_scan;

/* A word and its value (scale words, growth words). */
typedef struct ex_pat {
    const char *w;
    int val;
} ex_pat;

/* A figure while it is being read: the public fields plus positions. */
typedef struct ex_raw {
    trade_figure f;
    size_t start, end; /* as_written */
    size_t num_start;  /* first digit or word of the number */
    int sign_change;   /* +1 / -1 from a written sign, 0 none */
    int is_percent;    /* percent before growth classification */
    int range_end;     /* the upper bound of a range whose lower bound is the figure before */
    size_t unit_from;  /* 1 + the offset of the figure whose currency it carries, or 0 */
    size_t unit_lead;  /* 1 + the offset of the list's lead-in whose currency it takes, or 0 */
    size_t list_item;  /* the offset of the dash of "milk - by 27.9 percent", or 0 */
} ex_raw;

/* A time expression found in a sentence, [a, b) in the text. */
typedef struct ex_time {
    size_t a, b;
    int base;     /* "an increase on 2018": the year compared with, not the figure's */
    int same;     /* a base that is "the same period in 2022": the months of the figure */
    int carry;    /* "in the period", "during this period": the period of the figure before */
    int ago;      /* a base one year back from the figure's period: "the same period last year" */
    int cmp;      /* the time of a figure compared with, after it: "than the $8.1 billion in May" */
    int as_of;    /* "as of November": a stock at that month, or a flow from January to it */
    int so_far;   /* "so far this year": from January to the latest month the text gives */
    int trailing; /* "the past 12 months": that many months (ending before the date's month) */
    size_t paren; /* the '(' that encloses it, or (size_t)-1 */
    char text[40];
} ex_time;

/* ASCII character classes (the text is UTF-8; letters beyond ASCII are
 * read with extract_cp). */
static inline int ex_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int ex_isalpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int ex_isupper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int ex_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Parse the number token at s[p] (a digit). */
void extract_number_parse(const char *s, size_t n, size_t p, ex_number *num);
/* value = digits * 10^(exp10 - decimals) as a double via the strict parser;
 * returns 0 or -1 (too large, not finite). */
int extract_number_value(const ex_number *num, int exp10, int negative, double *out);
/* 10^e as a double (e in -30..30), via the strict parser. */
double extract_pow10(int e);
/* Append a figure (copies the strings). Returns 0 or TRADE_ENOMEM. */
int extract_push(ex_scan *sc, const trade_figure *f, size_t start, size_t end, const char *context,
                 const char *table, const char *note);
/* Append "; extra" to the note of a figure already pushed (f->note is
 * replaced). Returns 0 or TRADE_ENOMEM (the note left as it was). */
int extract_note_append(trade_figure *f, const char *extra);
/* Two figures with the same reporter, partner, flow, period, unit,
 * qualifier and measure but other values would be a conflict in the
 * draft: the later one loses its flow, and its note says why. Returns 0 or
 * TRADE_ENOMEM. */
int extract_resolve_conflicts(trade_figure_list *l);
/* 1-based line and column of offset p. */
void extract_position(const ex_scan *sc, size_t p, unsigned long *line, unsigned long *col);
/* Find a currency or scale in s[a..b): currency code into cur (size 4, "" if
 * none), returns the power of ten of a scale word (0 if none). */
int extract_find_money_words(const char *s, size_t a, size_t b, char cur[4]);
/* The country code named at s[p..) by a name or adjective ("Belgian",
 * "Kazakhstan", "European Union"); *len gets the bytes matched. NULL if none. */
const char *extract_country_at(const char *s, size_t n, size_t p, size_t *len);
/* The country code of a city or emirate at s[p..) that stands for its
 * country ("Dubai", "Abu Dhabi": ARE), one of the names extract_country_at
 * reads, flagged in its table; *len gets the bytes matched. NULL if none. */
const char *extract_city_at(const char *s, size_t n, size_t p, size_t *len);

/* The country of a statistics office, customs service or central bank
 * named at s[p..) ("Statistics Netherlands", "CBS", "Stats NZ", "SARS"),
 * case as written; *len gets the bytes matched. NULL if none. */
const char *extract_office_at(const char *s, size_t n, size_t p, size_t *len);
/* The currency a bare "$" means in a document about country (ISO3): CAD for
 * CAN, AUD for AUS, NZD, HKD, SGD, FJD, TTD, SBD, BBD, WST (Samoa), TOP
 * (Tonga); NULL when it is the
 * US dollar. The one rule for "$": "US$", "US $", "U.S. $" are US dollars;
 * "NZ$", "A$", "FJ$", "J$" ... name their dollar (extract_cur_before); a bare
 * "$" in prose is the own dollar of the document's reporter (its title or
 * first paragraph) when that is one of these countries, in a table the own
 * dollar of the table's reporter unless its caption or headings say US. */
const char *extract_own_dollar(const char *country);
/* The country whose currency unit is ("HKD": HKG, by the code's first two
 * letters, its ISO 3166 alpha-2), or NULL for the euro, the X codes and
 * what is no currency. */
const char *extract_currency_land(const char *unit);
/* Read the aligned tables: emit 0 marks their lines in sc->skip; emit 1
 * adds their cells (after the prose, whose figures help infer a scale). */
int extract_tables(ex_scan *sc, int emit);
/* Case-insensitive match of word w at s[p..), not followed by a letter. */
size_t extract_word(const char *s, size_t n, size_t p, const char *w);

#endif
