/* extract_number_internal.h - characters and numbers of the extract scanner:
 * UTF-8 decoding, spaces and words, number tokens, scales, currencies and
 * units after a number. Not part of the public API. */
#ifndef TRADE_EXTRACT_NUMBER_INTERNAL_H
#define TRADE_EXTRACT_NUMBER_INTERNAL_H

#include "extract_internal.h"

/* Decode the UTF-8 character at s[p]; *len gets its length (1 for a bad
 * byte, which decodes as 0xFFFD). */
uint32_t extract_cp(const char *s, size_t n, size_t p, size_t *len);

/* The character ending just before p: its start in *start. */
uint32_t extract_prev_cp(const char *s, size_t n, size_t p, size_t *start);

/* Skip spaces; with nl, also one line end unless the next line is blank. */
size_t extract_skip_sp(const char *s, size_t n, size_t p, int nl);

/* Skip spaces backwards from p (exclusive); with nl, one line end. */
size_t extract_skip_sp_back(const char *s, size_t n, size_t p, int nl);

/* Exact-case match of w at p, not followed by a letter. */
size_t extract_word_cs(const char *s, size_t n, size_t p, const char *w);

/* Is there a word boundary before p (not a letter or digit)? */
int extract_word_start(const char *s, size_t p);

/* The word ending at p (after skipping spaces back): [*a, end). */
size_t extract_prev_word(const char *s, size_t n, size_t p, size_t *a);

/* With plain_space, a plain space before exactly three digits is a
 * thousands separator too ("USD 500 000"). */
void extract_number_parse_sp(const char *s, size_t n, size_t p, ex_number *num, int plain_space);

/* The precision of a written number: 10^(scale - decimals), or for a
 * plain integer without scale, 10^(trailing zeros). */
double extract_precision(const ex_number *num, int exp10, int scaled);

/* A scale word at p; *len its length (with a trailing '.' of mln./bn.). */
int extract_scale_at(const char *s, size_t n, size_t p, int money, size_t *len);

/* A currency code (upper case, ISO 4217) at p; copies it into code. */
size_t extract_code_at(const char *s, size_t n, size_t p, char code[4]);

/* A currency after a number at p. */
size_t extract_cur_after(const char *s, size_t n, size_t p, char code[4]);

/* A currency symbol or code ending at p (the number's start). Returns the
 * start of the symbol or (size_t)-1. */
size_t extract_cur_before(const char *s, size_t n, size_t p, char code[4]);

/* The note for a figure in [start, end) whose currency is a guess: a CFA
 * franc (XOF) in a text that names no land of either franc; NULL when the
 * text decides it. The other shared names ("Rs", "dirhams", "riyals") fall
 * back to one land's currency without a note, their fallback being that
 * of nearly every text that writes them bare. */
const char *extract_cur_assumed(const char *s, size_t n, size_t start, size_t end,
                                const char *unit);

/* The shilling a bare "Sh" or "Shs" means in a document about country
 * (ISO3): KES, UGX, TZS or SOS; NULL for other countries. */
const char *extract_own_shilling(const char *country);

/* Is the money figure at p of the balance of payments or the reserves, not
 * of trade: its sentence names the current, capital or financial account,
 * the balance of payments or the international reserves before it, with no
 * trade word between ("The country's Balance of Payment ... showed a deficit
 * of $107.8 million", "Gross International Reserves stood at $5.34
 * billion"), or it opens with "This"/"It" after such a sentence. */
int extract_payments_figure(const char *s, size_t n, size_t p);

int extract_is_month(const char *s, size_t n, size_t p, size_t *len);

/* Words after which a bare number is a reference, not a figure. */
int extract_ref_word(const char *s, size_t n, size_t a, size_t e);

/* Is there "rank" just before p (within the sentence, ~40 bytes)? */
int extract_rank_context(const char *s, size_t n, size_t p);

/* Read what follows a number (at q, after its token): a scale, a
 * currency, a unit or a percent sign. Fills r->f.unit, *exp10, *scaled;
 * returns the end of the figure. money_before: a currency before it. */
size_t extract_suffix(const char *s, size_t n, size_t q, int money_before, int glued_ok, ex_raw *r,
                      int *exp10, int *scaled);

#endif
