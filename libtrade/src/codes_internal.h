/* codes_internal.h - small integer ids for codes, so that sorting and
 * grouping observations compares integers instead of strings. */
#ifndef TRADE_CODES_INTERNAL_H
#define TRADE_CODES_INTERNAL_H

/* An id > 0 for a valid code (equal codes, equal ids), or 0 when the code
 * is empty or not in the vocabulary. */
int codes_country_id(const char *code);
int codes_flow_id(const char *code);
int codes_unit_id(const char *code);

#endif
