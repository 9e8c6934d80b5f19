/* codes.h - the vocabularies of the observation format.
 *
 * Countries: every ISO 3166-1 entry (alpha-3, alpha-2, numeric, English
 * name), generated from Debian's iso-codes, plus a few aggregates (World,
 * European Union, Central Asia, ...) and the historical and user-assigned
 * codes trade data still uses (SUN, YUG, CSK, DDR, SCG, ANT, XKX, with the
 * years they were in use). Flows, units and qualifiers: the lists
 * documented in datasets/FORMAT.md (a test checks the two agree). Currencies:
 * the ISO 4217 list. All returned pointers are static: never free them. */
#ifndef TRADE_CODES_H
#define TRADE_CODES_H

#include <stddef.h>

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_country {
    const char *alpha3; /* "BEL", or an aggregate code such as "EUU" */
    const char *alpha2; /* "BE"; "" for aggregates */
    int numeric;        /* ISO 3166-1 numeric (56); 0 for aggregates */
    const char *name;   /* English name: "Belgium" */
    int aggregate;      /* 1 for aggregates (WLD, EUU, XCA, ...) */
    int valid_from;     /* historical and user-assigned codes (SUN, XKX): */
    int valid_to;       /* the years in use, 0 = open; 0 and 0 for the others */
} trade_country;

typedef struct trade_term {
    const char *code;        /* "export", "EUR", "approx" */
    const char *description; /* one line of English */
} trade_term;

/* Look a country up by alpha-3 code (exact, upper case). NULL if unknown. */
TRADE_API const trade_country *trade_country_find(const char *alpha3);

/* Look a country up by ISO 3166-1 numeric code (a current entry first,
 * else a historical one: 810 is SUN). NULL if unknown. */
TRADE_API const trade_country *trade_country_by_numeric(int numeric);

/* The i-th entry of the table (ISO entries, aggregates, then historical
 * codes); NULL past the end. */
TRADE_API const trade_country *trade_country_at(size_t i);

/* A display name for a code: the country's name, or the code itself. */
TRADE_API const char *trade_country_name(const char *code);

/* 1 if code is a known country or aggregate, or the placeholder "X" plus
 * three digits that import --keep-unknown writes. */
TRADE_API int trade_country_valid(const char *code);

/* The alpha-3 code a text that is not one probably means: an ISO alpha-2
 * code ("DE", "de"), an alpha-3 code in the wrong case ("deu"), an English
 * name as the table has it ("Germany", "germany"), an ISO numeric code
 * ("276"), or the start, of at least 4 letters, of exactly one name
 * ("Russia" for the Russian Federation). NULL when none, or several
 * ("Domini"). The pointer is to the static table (do not free). */
TRADE_API const char *trade_country_suggest(const char *text);

/* The vocabularies: each returns the table and its length in *n. */
TRADE_API const trade_term *trade_flows(size_t *n);
TRADE_API const trade_term *trade_units(size_t *n);      /* non-currency units */
TRADE_API const trade_term *trade_currencies(size_t *n); /* ISO 4217 */
TRADE_API const trade_term *trade_qualifiers(size_t *n);
TRADE_API const trade_term *trade_measures(size_t *n);

/* Membership tests: 1 if known, else 0. */
TRADE_API int trade_flow_valid(const char *code);
TRADE_API int trade_unit_valid(const char *code); /* a currency or a unit */
TRADE_API int trade_unit_is_currency(const char *code);
TRADE_API int trade_qualifier_valid(const char *code); /* "" is valid: exact */
TRADE_API int trade_measure_valid(const char *code);   /* "" is valid: level */

/* 1 if a row of this measure is a level ("" or "level") and may enter a
 * series as one; growth, change, share, rank and count rows are not levels. */
TRADE_API int trade_measure_is_level(const char *code);

/* 1 when growth, trends, shares and ranks of values in this unit mean
 * something: a level (a currency, tonnes, counts, ...); 0 for the rate units
 * percent, percent_change, pp and rank, and for NULL. The one test of "is
 * this a level unit" in libtrade. */
TRADE_API int trade_unit_is_level(const char *code);

/* 1 when code is an aggregate of the codes table (WLD, EUU, XCA, ...): a
 * total of other partners, not a member of a share, HHI or ranking. */
TRADE_API int trade_country_is_aggregate(const char *code);

#ifdef __cplusplus
}
#endif
#endif
