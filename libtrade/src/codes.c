/* codes.c - the vocabularies of the observation format: countries (ISO 3166-1
 * from the generated codes_table.inc, plus aggregates), flows, units,
 * currencies (ISO 4217), qualifiers and measures. The lists here and the tables in
 * datasets/FORMAT.md must agree; tests/test_codes.c checks that they do. */
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"

#include "codes_internal.h"

#include "codes_table.inc"

static const trade_country aggregates[] = {
    {"WLD", "", 0, "World", 1, 0, 0},
    {"EUU", "", 0, "European Union", 1, 0, 0},
    {"XCA", "", 0, "Central Asia", 1, 0, 0},
    {"XEA", "", 0, "Europe and Central Asia", 1, 0, 0},
    {"XAS", "", 0, "Asia", 1, 0, 0},
    {"XEU", "", 0, "Europe", 1, 0, 0},
    {"BLX", "", 0, "Belgium-Luxembourg Economic Union", 1, 0, 0},
};

static const trade_term flows[] = {
    {"export", "goods exported by reporter to partner"},
    {"import", "goods imported by reporter from partner"},
    {"trade", "goods exports plus imports between reporter and partner"},
    {"reexport", "goods re-exported by reporter to partner"},
    {"reimport", "goods re-imported by reporter from partner"},
    {"services_export", "services exported by reporter to partner"},
    {"services_import", "services imported by reporter from partner"},
    {"services_trade", "services exports plus imports"},
    {"fdi_stock", "stock of direct investment by reporter in partner"},
    {"fdi_flow", "direct investment flow from reporter into partner"},
    {"investment_stock", "stock of investment of all kinds by reporter in partner"},
    {"investment_flow", "investment of all kinds from reporter into partner in the period"},
    {"aid", "development assistance from reporter to partner"},
    {"freight", "goods carried or handled"},
    {"balance", "goods exports minus imports of reporter with partner (a deficit is negative)"},
};

static const trade_term units[] = {
    {"t", "tonnes"},
    {"kg", "kilograms"},
    {"m3", "cubic metres"},
    {"TEU", "twenty-foot equivalent units (containers)"},
    {"count", "a number of things"},
    {"percent", "a share, in per cent"},
    {"percent_change", "a growth rate, in per cent"},
    {"pp", "percentage points"},
    {"rank", "a rank (1 is first)"},
    {"ha", "hectares"},
    {"km", "kilometres"},
    {"MW", "megawatts"},
    {"GW", "gigawatts"},
};

static const trade_term qualifiers[] = {
    {"approx", "about, nearly, some, around, almost"},
    {"lower_bound", "over, more than, exceeds, at least"},
    {"upper_bound", "up to, less than, at most"},
    {"estimate", "estimated"},
    {"projection", "expected, planned, target, forecast"},
    {"derived", "computed from other figures; note says how"},
};

static const trade_term measures[] = {
    {"level", "the amount itself (the default when empty)"},
    {"growth", "a relative change over a base period, in per cent"},
    {"change", "an absolute change over a base period, in the row's unit"},
    {"share", "a part of a total, in per cent"},
    {"rank", "a position among partners"},
    {"count", "a number of things"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int cmp_country(const void *key, const void *elem)
{
    return strcmp(key, ((const trade_country *)elem)->alpha3);
}

static int cmp_term(const void *key, const void *elem)
{
    return strcmp(key, ((const trade_term *)elem)->code);
}

static const trade_term *term_find(const trade_term *list, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i].code, code))
            return &list[i];
    return NULL;
}

/* Three upper-case letters as one integer that orders as the text does. */
static long pack3(const char *s)
{
    return ((long)(unsigned char)s[0] << 16) | ((long)(unsigned char)s[1] << 8) |
           (long)(unsigned char)s[2];
}

/* The index in iso_countries of the three-byte code s, or COUNT(iso_countries):
 * a binary search on packed codes, no strcmp calls on the hot path. */
static size_t iso_find(const char *s)
{
    long key = pack3(s);
    size_t lo = 0, hi = COUNT(iso_countries);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        long k = pack3(iso_countries[mid].alpha3);
        if (k == key)
            return mid;
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return COUNT(iso_countries);
}

const trade_country *trade_country_find(const char *alpha3)
{
    if (!alpha3)
        return NULL;
    /* a code of three bytes: the packed search (rank asks this of every
     * row's partner; bsearch's strcmp calls cost more) */
    size_t iso = alpha3[0] && alpha3[1] && alpha3[2] && !alpha3[3] ? iso_find(alpha3)
                                                                    : COUNT(iso_countries);
    if (iso < COUNT(iso_countries))
        return &iso_countries[iso];
    const trade_country *c =
        bsearch(alpha3, iso_countries, COUNT(iso_countries), sizeof iso_countries[0], cmp_country);
    if (c)
        return c;
    for (size_t i = 0; i < COUNT(aggregates); i++)
        if (!strcmp(aggregates[i].alpha3, alpha3))
            return &aggregates[i];
    for (size_t i = 0; i < COUNT(historical_countries); i++)
        if (!strcmp(historical_countries[i].alpha3, alpha3))
            return &historical_countries[i];
    return NULL;
}

const trade_country *trade_country_by_numeric(int numeric)
{
    if (numeric <= 0)
        return NULL;
    for (size_t i = 0; i < COUNT(iso_countries); i++)
        if (iso_countries[i].numeric == numeric)
            return &iso_countries[i];
    for (size_t i = 0; i < COUNT(historical_countries); i++)
        if (historical_countries[i].numeric == numeric)
            return &historical_countries[i];
    return NULL;
}

const trade_country *trade_country_at(size_t i)
{
    if (i < COUNT(iso_countries))
        return &iso_countries[i];
    i -= COUNT(iso_countries);
    if (i < COUNT(aggregates))
        return &aggregates[i];
    i -= COUNT(aggregates);
    return i < COUNT(historical_countries) ? &historical_countries[i] : NULL;
}

const char *trade_country_name(const char *code)
{
    const trade_country *c = trade_country_find(code);
    return c ? c->name : (code ? code : "");
}

/* ASCII case-insensitive equality (names and codes are ASCII here). */
static int same_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;
        char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* 1 when the first n bytes of a and b are equal but for ASCII case */
static int prefix_ci(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i] >= 'a' && a[i] <= 'z' ? (char)(a[i] - 32) : a[i];
        char y = b[i] >= 'a' && b[i] <= 'z' ? (char)(b[i] - 32) : b[i];
        if (x != y || !x)
            return 0;
    }
    return 1;
}

const char *trade_country_suggest(const char *text)
{
    if (!text || !*text)
        return NULL;
    for (size_t i = 0; trade_country_at(i); i++) {
        const trade_country *c = trade_country_at(i);
        if ((*c->alpha2 && same_ci(text, c->alpha2)) || same_ci(text, c->alpha3) ||
            same_ci(text, c->name))
            return c->alpha3;
    }
    size_t n = strlen(text);
    if (n <= 3 && strspn(text, "0123456789") == n) {
        const trade_country *c = trade_country_by_numeric(atoi(text));
        return c ? c->alpha3 : NULL;
    }
    if (n < 4)
        return NULL;
    const trade_country *hit = NULL;
    for (size_t i = 0; trade_country_at(i); i++) {
        const trade_country *c = trade_country_at(i);
        if (strlen(c->name) > n && prefix_ci(c->name, text, n)) {
            if (hit)
                return NULL; /* "Domini": Dominica and the Dominican Republic */
            hit = c;
        }
    }
    return hit ? hit->alpha3 : NULL;
}

int trade_country_valid(const char *code)
{
    if (!code)
        return 0;
    if (trade_country_find(code))
        return 1;
    /* the placeholder of import --keep-unknown: X and three digits */
    return code[0] == 'X' && code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9' &&
           code[3] >= '0' && code[3] <= '9' && code[4] == '\0';
}

const trade_term *trade_flows(size_t *n)
{
    if (n)
        *n = COUNT(flows);
    return flows;
}

const trade_term *trade_units(size_t *n)
{
    if (n)
        *n = COUNT(units);
    return units;
}

const trade_term *trade_currencies(size_t *n)
{
    if (n)
        *n = COUNT(iso_currencies);
    return iso_currencies;
}

const trade_term *trade_qualifiers(size_t *n)
{
    if (n)
        *n = COUNT(qualifiers);
    return qualifiers;
}

int trade_flow_valid(const char *code)
{
    return code && term_find(flows, COUNT(flows), code) != NULL;
}

int trade_unit_is_currency(const char *code)
{
    return code && bsearch(code, iso_currencies, COUNT(iso_currencies), sizeof iso_currencies[0],
                           cmp_term) != NULL;
}

int trade_unit_valid(const char *code)
{
    return code && (term_find(units, COUNT(units), code) || trade_unit_is_currency(code));
}

const trade_term *trade_measures(size_t *n)
{
    if (n)
        *n = COUNT(measures);
    return measures;
}

int trade_measure_valid(const char *code)
{
    return code && (!*code || term_find(measures, COUNT(measures), code));
}

int trade_measure_is_level(const char *code)
{
    return !code || !*code || !strcmp(code, "level");
}

int trade_qualifier_valid(const char *code)
{
    return code && (!*code || term_find(qualifiers, COUNT(qualifiers), code));
}


int codes_country_id(const char *code)
{
    if (!code || !*code)
        return 0;
    if (code[1] && code[2] && !code[3]) {
        size_t i = iso_find(code);
        if (i < COUNT(iso_countries))
            return (int)i + 1;
    }
    for (size_t i = 0; i < COUNT(aggregates); i++)
        if (!strcmp(aggregates[i].alpha3, code))
            return (int)(COUNT(iso_countries) + i) + 1;
    for (size_t i = 0; i < COUNT(historical_countries); i++)
        if (!strcmp(historical_countries[i].alpha3, code))
            return (int)(COUNT(iso_countries) + COUNT(aggregates) + i) + 1;
    if (trade_country_valid(code)) /* placeholder X999: ids after the tables */
        return (int)(COUNT(iso_countries) + COUNT(aggregates) + COUNT(historical_countries)) + 1 +
               (code[1] - '0') * 100 +
               (code[2] - '0') * 10 + (code[3] - '0');
    return 0;
}

int codes_flow_id(const char *code)
{
    const trade_term *t = code ? term_find(flows, COUNT(flows), code) : NULL;
    return t ? (int)(t - flows) + 1 : 0;
}

int codes_unit_id(const char *code)
{
    if (!code || !*code)
        return 0;
    const trade_term *t =
        bsearch(code, iso_currencies, COUNT(iso_currencies), sizeof iso_currencies[0], cmp_term);
    if (t)
        return (int)(t - iso_currencies) + 1;
    t = term_find(units, COUNT(units), code);
    return t ? (int)(COUNT(iso_currencies) + (size_t)(t - units)) + 1 : 0;
}

int trade_unit_is_level(const char *code)
{
    static const char *const rates[] = {"percent", "percent_change", "pp", "rank"};
    if (!code)
        return 0;
    if (code[0] != 'p' && code[0] != 'r')
        return 1; /* every rate starts so: most rows (USD) need no strcmp */
    for (size_t i = 0; i < COUNT(rates); i++)
        if (!strcmp(code, rates[i]))
            return 0;
    return 1;
}

int trade_country_is_aggregate(const char *code)
{
    const trade_country *c = code ? trade_country_find(code) : NULL;
    return c && c->aggregate;
}
