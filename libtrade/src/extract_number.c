/* extract_number.c - characters and numbers for the extract scanner.
 *
 * UTF-8 decoding (a bad byte reads as U+FFFD), spaces (no-break and thin
 * spaces too), word matching, the number token (thousands separators, a
 * decimal comma where unambiguous) and its value through the strict
 * parser, and what may follow a number: a scale word, a currency, a unit
 * or a percent sign. Depends on nothing else of the extractor. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_number_internal.h"
#include "trade/codes.h"
#include "trade/number.h"

/* ---------- characters ---------- */

/* Decode the UTF-8 character at s[p]; *len gets its length (1 for a bad
 * byte, which decodes as 0xFFFD). */
uint32_t extract_cp(const char *s, size_t n, size_t p, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[p];
    *len = 1;
    if (c < 0x80)
        return c;
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (need == 0 || p + need > n)
        return 0xFFFD;
    uint32_t v = c & (0x3F >> (need - 1));
    for (size_t i = 1; i < need; i++) {
        if ((u[p + i] & 0xC0) != 0x80)
            return 0xFFFD;
        v = (v << 6) | (u[p + i] & 0x3F);
    }
    /* overlong forms, surrogates and values past U+10FFFF are bad bytes */
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[need] || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return 0xFFFD;
    *len = need;
    return v;
}

/* The character ending just before p: its start in *start. */
uint32_t extract_prev_cp(const char *s, size_t n, size_t p, size_t *start)
{
    if (p == 0) {
        *start = 0;
        return 0;
    }
    size_t q = p - 1;
    size_t lim = p >= 4 ? p - 4 : 0;
    while (q > lim && (((unsigned char)s[q]) & 0xC0) == 0x80)
        q--;
    size_t len;
    uint32_t c = extract_cp(s, n, q, &len);
    if (q + len != p) {
        *start = p - 1;
        return 0xFFFD;
    }
    *start = q;
    return c;
}

/* A space inside a line: space, tab, CR, no-break and thin spaces. */
static size_t ex_space_len(const char *s, size_t n, size_t p)
{
    if (p >= n)
        return 0;
    char c = s[p];
    if (c == ' ' || c == '\t' || c == '\r')
        return 1;
    size_t len;
    uint32_t cp = extract_cp(s, n, p, &len);
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == 0x2002 || cp == 0x2003)
        return len;
    return 0;
}

/* Skip spaces; with nl, also one line end unless the next line is blank. */
size_t extract_skip_sp(const char *s, size_t n, size_t p, int nl)
{
    size_t k;
    while ((k = ex_space_len(s, n, p)) > 0)
        p += k;
    if (nl && p < n && s[p] == '\n') {
        size_t q = p + 1;
        while ((k = ex_space_len(s, n, q)) > 0)
            q += k;
        if (q < n && s[q] != '\n')
            return q;
    }
    return p;
}

/* Skip spaces backwards from p (exclusive); with nl, one line end. */
size_t extract_skip_sp_back(const char *s, size_t n, size_t p, int nl)
{
    int seen_nl = 0;
    while (p > 0) {
        size_t st;
        uint32_t c = extract_prev_cp(s, n, p, &st);
        if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2009)
            p = st;
        else if (c == '\n' && nl && !seen_nl) {
            seen_nl = 1;
            p = st;
        } else
            break;
    }
    return p;
}

size_t extract_word(const char *s, size_t n, size_t p, const char *w)
{
    size_t j = p; /* a space in w matches any run of spaces and one line end */
    for (size_t i = 0; w[i]; i++) {
        if (w[i] == ' ') {
            size_t q = extract_skip_sp(s, n, j, 1);
            if (q == j)
                return 0;
            j = q;
            continue;
        }
        if (j >= n || ex_lower((unsigned char)s[j]) != ex_lower((unsigned char)w[i]))
            return 0;
        j++;
    }
    if (j < n && ex_isalpha((unsigned char)s[j]))
        return 0;
    return j - p;
}

/* Exact-case match of w at p, not followed by a letter. */
size_t extract_word_cs(const char *s, size_t n, size_t p, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (p + i >= n || s[p + i] != w[i])
            return 0;
    if (p + i < n && ex_isalpha((unsigned char)s[p + i]))
        return 0;
    return i;
}

/* Is there a word boundary before p (not a letter or digit)? */
int extract_word_start(const char *s, size_t p)
{
    return p == 0 || !(ex_isalpha((unsigned char)s[p - 1]) || ex_isdigit((unsigned char)s[p - 1]) ||
                       ((unsigned char)s[p - 1]) >= 0x80);
}

/* The word ending at p (after skipping spaces back): [*a, end). */
size_t extract_prev_word(const char *s, size_t n, size_t p, size_t *a)
{
    size_t e = extract_skip_sp_back(s, n, p, 1);
    size_t b = e;
    while (b > 0 && (ex_isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '-'))
        b--;
    *a = b;
    return e;
}

/* ---------- numbers ---------- */

void extract_number_parse(const char *s, size_t n, size_t p, ex_number *num)
{
    extract_number_parse_sp(s, n, p, num, 0);
}

/* With plain_space, a plain space before exactly three digits is a
 * thousands separator too ("USD 500 000"); with plain_space 2, a comma and
 * a space before three digits and a decimal part ("USD 12, 097.6"). */
void extract_number_parse_sp(const char *s, size_t n, size_t p, ex_number *num, int plain_space)
{
    memset(num, 0, sizeof *num);
    /* collect the token: digit runs and the separators between them */
    size_t runs_start[64], runs_len[64];
    char seps[64];
    size_t nruns = 0;
    size_t q = p;
    int too_long = 0;
    for (;;) {
        size_t a = q;
        while (q < n && ex_isdigit((unsigned char)s[q]))
            q++;
        if (nruns < 64) {
            runs_start[nruns] = a;
            runs_len[nruns] = q - a;
            nruns++;
        } else
            too_long = 1;
        /* a separator followed by a digit continues the token */
        char sep = 0;
        size_t sl = 0;
        if (q + 1 < n && (s[q] == ',' || s[q] == '.') && ex_isdigit((unsigned char)s[q + 1])) {
            sep = s[q];
            sl = 1;
        } else if (plain_space == 2 && q + 7 < n && s[q] == ',' && s[q + 1] == ' ' &&
                   ex_isdigit((unsigned char)s[q + 2]) && ex_isdigit((unsigned char)s[q + 3]) &&
                   ex_isdigit((unsigned char)s[q + 4]) && s[q + 5] == '.' &&
                   ex_isdigit((unsigned char)s[q + 6])) {
            sep = ','; /* "USD 12, 097.6 million" */
            sl = 2;
        } else {
            size_t k = ex_space_len(s, n, q);
            if ((k > 1 || (plain_space && k == 1 && s[q] == ' ')) && q + k + 3 <= n &&
                ex_isdigit((unsigned char)s[q + k]) && ex_isdigit((unsigned char)s[q + k + 1]) &&
                ex_isdigit((unsigned char)s[q + k + 2]) &&
                (q + k + 3 == n || !ex_isdigit((unsigned char)s[q + k + 3]))) {
                sep = ' ';
                sl = k;
            }
        }
        if (!sep)
            break;
        if (nruns <= 64)
            seps[nruns - 1 < 64 ? nruns - 1 : 63] = sep;
        q += sl;
    }
    num->end = q;
    if (too_long || nruns == 0)
        return;
    /* interpret: find the decimal mark, if any */
    int ncomma = 0, ndot = 0, nspace = 0;
    for (size_t i = 0; i + 1 < nruns; i++) {
        if (seps[i] == ',')
            ncomma++;
        else if (seps[i] == '.')
            ndot++;
        else
            nspace++;
    }
    size_t dec_run = 0; /* index of the run after the decimal mark, 0 = none */
    char group = 0;
    if (nruns == 1) {
        /* plain digits */
    } else if (ndot == 0 && ncomma == 0) {
        group = ' ';
    } else if (ncomma == 0) {
        if (ndot == 1 && nspace == 0)
            dec_run = nruns - 1; /* 3.9 */
        else if (nspace > 0 && ndot == 1 && seps[nruns - 2] == '.')
            dec_run = nruns - 1, group = ' ';
        else
            group = '.'; /* 1.234.567, checked below */
    } else if (ndot == 0) {
        if (ncomma == 1 && runs_len[nruns - 1] != 3 && nspace == 0)
            dec_run = nruns - 1; /* decimal comma: 1,2 */
        else if (nspace > 0 && ncomma == 1 && seps[nruns - 2] == ',' && runs_len[nruns - 1] != 3)
            dec_run = nruns - 1, group = ' ';
        else
            group = ',';
    } else {
        char last = seps[nruns - 2];
        if (last == '.' && ndot == 1)
            group = ',', dec_run = nruns - 1;
        else if (last == ',' && ncomma == 1)
            group = '.', dec_run = nruns - 1;
        else
            return; /* mixed separators: not a number we understand */
    }
    /* the groups must be 1-3 digits, then exactly 3 */
    size_t last_int = dec_run ? dec_run - 1 : nruns - 1;
    int indian = group == ',' && last_int >= 2 && runs_len[0] >= 1 && runs_len[0] <= 2 &&
                 runs_len[last_int] == 3;
    for (size_t i = 1; indian && i <= last_int; i++)
        if (seps[i - 1] != ',' || (i < last_int && runs_len[i] != 2))
            indian = 0;
    if (indian) {
        /* "Rs 1,27,608 crore", "4,60,000": Indian grouping, two digits a
         * group before the last three */
        num->grouped = 1;
    } else if (last_int > 0) {
        if (runs_len[0] < 1 || runs_len[0] > 3)
            return;
        for (size_t i = 1; i <= last_int; i++) {
            if (runs_len[i] != 3)
                return;
            if (seps[i - 1] != group && !(seps[i - 1] == ' ' && group == ' '))
                if (!(group != 0 && seps[i - 1] == ' '))
                    return;
        }
        num->grouped = 1;
    }
    if (dec_run) {
        /* a comma-decimal after a comma group would be a list: refused above */
        if (runs_len[dec_run] == 0)
            return;
    }
    size_t nd = 0;
    for (size_t i = 0; i < nruns; i++) {
        if (nd + runs_len[i] >= sizeof num->digits)
            return;
        memcpy(num->digits + nd, s + runs_start[i], runs_len[i]);
        nd += runs_len[i];
    }
    num->digits[nd] = '\0';
    num->ndigits = nd;
    num->decimals = dec_run ? (int)runs_len[dec_run] : 0;
    num->ok = nd > 0;
}

double extract_pow10(int e)
{
    char buf[80];
    double v = 1;
    if (e > 30)
        e = 30;
    if (e < -30)
        e = -30;
    if (e >= 0) {
        buf[0] = '1';
        for (int i = 0; i < e; i++)
            buf[1 + i] = '0';
        buf[1 + e] = '\0';
    } else {
        buf[0] = '0';
        buf[1] = '.';
        for (int i = 0; i < -e - 1; i++)
            buf[2 + i] = '0';
        buf[2 + (-e - 1)] = '1';
        buf[3 + (-e - 1)] = '\0';
    }
    if (trade_number_parse(buf, strlen(buf), &v) != 0)
        return 1;
    return v;
}

int extract_number_value(const ex_number *num, int exp10, int negative, double *out)
{
    char buf[128];
    size_t k = 0;
    int shift = exp10 - num->decimals; /* value = digits * 10^shift */
    if (!num->ok || num->ndigits == 0 || shift > 30 || shift < -40)
        return -1;
    if (negative)
        buf[k++] = '-';
    size_t nd = num->ndigits;
    if (shift >= 0) {
        memcpy(buf + k, num->digits, nd);
        k += nd;
        for (int i = 0; i < shift; i++)
            buf[k++] = '0';
    } else {
        size_t frac = (size_t)(-shift);
        if (frac >= nd) {
            buf[k++] = '0';
            buf[k++] = '.';
            for (size_t i = 0; i < frac - nd; i++)
                buf[k++] = '0';
            memcpy(buf + k, num->digits, nd);
            k += nd;
        } else {
            memcpy(buf + k, num->digits, nd - frac);
            k += nd - frac;
            buf[k++] = '.';
            memcpy(buf + k, num->digits + nd - frac, frac);
            k += frac;
        }
    }
    buf[k] = '\0';
    if (trade_number_parse(buf, k, out) != 0)
        return -1;
    return 0;
}

/* The precision of a written number: 10^(scale - decimals), or for a
 * plain integer without scale, 10^(trailing zeros). */
double extract_precision(const ex_number *num, int exp10, int scaled)
{
    if (num->decimals > 0 || scaled)
        return extract_pow10(exp10 - num->decimals);
    int tz = 0;
    for (size_t i = num->ndigits; i > 1 && num->digits[i - 1] == '0'; i--)
        tz++;
    if (num->ndigits == 1 && num->digits[0] == '0')
        tz = 0;
    return extract_pow10(exp10 + tz);
}

/* ---------- words around numbers ---------- */

static const ex_pat ex_scales[] = {
    {"thousand", 3},  {"thousands", 3},  {"million", 6},  {"millions", 6}, {"mln", 6},
    {"mn", 6},        {"billion", 9},    {"billions", 9}, {"bn", 9},       {"bln", 9},
    {"trillion", 12}, {"trillions", 12}, {"trn", 12},     {"tn", 12},      {"crore", 7},
    {"crores", 7},    {"lakh", 5},       {"lakhs", 5},    {NULL, 0}};

/* A scale word at p; *len its length (with a trailing '.' of mln./bn.). */
int extract_scale_at(const char *s, size_t n, size_t p, int money, size_t *len)
{
    for (const ex_pat *e = ex_scales; e->w; e++) {
        size_t k = extract_word(s, n, p, e->w);
        if (k) {
            if (e->val == 12 && strcmp(e->w, "tn") == 0 && !money)
                continue;
            if (e->val == 5) {
                /* "Rs 6.4 lakh crore": a hundred thousand crore */
                size_t q = extract_skip_sp(s, n, p + k, 0), k2;
                if ((k2 = extract_word(s, n, q, "crore")) || (k2 = extract_word(s, n, q, "crores"))) {
                    *len = q + k2 - p;
                    return 12;
                }
            }
            *len = k;
            return e->val;
        }
    }
    if (money) {
        size_t k;
        if ((k = extract_word(s, n, p, "cr")) != 0) {
            /* "Rs 3,200 cr": crore, after a currency only */
            *len = k;
            return 7;
        }
        if ((k = extract_word(s, n, p, "m")) != 0 &&
            !(p + 1 < n && (s[p + 1] == '3' || s[p + 1] == '2'))) {
            *len = k;
            return 6;
        }
        if ((k = extract_word(s, n, p, "k")) != 0) {
            *len = k;
            return 3;
        }
        if ((k = extract_word(s, n, p, "b")) != 0) {
            *len = k;
            return 9;
        }
    }
    return 0;
}

typedef struct ex_cur {
    const char *w;
    const char *code;
} ex_cur;

/* Currency words after a number (longest first where they share a start). */
static const ex_cur ex_cur_words[] = {{"US dollars", "USD"},    {"U.S. dollars", "USD"},
                                      {"U.S. dollar", "USD"},
                                      {"US dollar", "USD"},     {"euros", "EUR"},
                                      {"euro", "EUR"},          {"dollars", "USD"},
                                      {"dollar", "USD"},        {"pounds sterling", "GBP"},
                                      {"pounds", "GBP"},        {"roubles", "RUB"},
                                      {"rubles", "RUB"},        {"rouble", "RUB"},
                                      {"ruble", "RUB"},         {"tenge", "KZT"},
                                      {"Kazakh tenge", "KZT"},  {"Kazakhstani tenge", "KZT"},
                                      {"Chinese yuan", "CNY"},  {"Russian rubles", "RUB"},
                                      {"yuan", "CNY"},          {"renminbi", "CNY"},
                                      {"Japanese yen", "JPY"},  {"yen", "JPY"},
                                      {"Nepali rupees", "NPR"}, {"Nepalese rupees", "NPR"},
                                      {"Indian rupees", "INR"}, {"Pakistani rupees", "PKR"},
                                      {"Swiss francs", "CHF"},  {"NZ dollars", "NZD"},
                                      {"New Zealand dollars", "NZD"},
                                      {"Australian dollars", "AUD"},
                                      {"Canadian dollars", "CAD"},
                                      {"Hong Kong dollars", "HKD"},
                                      {"Singapore dollars", "SGD"},
                                      {"Saudi riyals", "SAR"},  {"riyals", "SAR"},
                                      {"riyal", "SAR"},         {"rials", "IRR"},
                                      {"rial", "IRR"},
                                      {"South African rand", "ZAR"},
                                      {"rand", "ZAR"},          {"Kenyan shillings", "KES"},
                                      {"Kenya shillings", "KES"},
                                      {"UAE dirhams", "AED"},   {"Moroccan dirhams", "MAD"},
                                      {"dirhams", "AED"},
                                      {"Emirati dirhams", "AED"}, {"dirham", "AED"},
                                      {"Malaysian ringgit", "MYR"}, {"ringgits", "MYR"},
                                      {"ringgit", "MYR"},       {"rupiah", "IDR"},
                                      {"baht", "THB"},          {"Turkish lira", "TRY"},
                                      {"liras", "TRY"},         {"lira", "TRY"},
                                      {"zlotys", "PLN"},        {"zloty", "PLN"},
                                      {"Czech crowns", "CZK"},  {"Czech korunas", "CZK"},
                                      {"forints", "HUF"},       {"forint", "HUF"},
                                      {"shekels", "ILS"},       {"shekel", "ILS"},
                                      {"South Korean won", "KRW"}, {"Korean won", "KRW"},
                                      {"taka", "BDT"},          {"Sri Lankan rupees", "LKR"},
                                      {"New Taiwan dollars", "TWD"}, {"NT dollars", "TWD"},
                                      {"Brazilian reais", "BRL"}, {"reais", "BRL"},
                                      {"Qatari riyals", "QAR"}, {"Omani rials", "OMR"},
                                      {"Iranian rials", "IRR"}, {"Iraqi dinars", "IQD"},
                                      {"Kuwaiti dinars", "KWD"}, {"Jordanian dinars", "JOD"},
                                      {"Egyptian pounds", "EGP"},
                                      {"Ugandan shillings", "UGX"}, {"Uganda shillings", "UGX"},
                                      {"Tanzanian shillings", "TZS"}, {"naira", "NGN"},
                                      {"Ghana cedis", "GHS"},   {"cedis", "GHS"},
                                      {"cedi", "GHS"},          {"Fiji dollars", "FJD"},
                                      {"Jamaican dollars", "JMD"},
                                      {"CFA francs", "XOF"},    {"CFA franc", "XOF"},
                                      {"francs CFA", "XOF"},    {"FCFA", "XOF"},
                                      {"CFAF", "XOF"},          {"CFA", "XOF"},
                                      {"Samoan tala", "WST"},   {"tala", "WST"},
                                      {"pa'anga", "TOP"},       {"pa\xCA\xBB" "anga", "TOP"},
                                      {"pa\xE2\x80\x99" "anga", "TOP"}, {NULL, NULL}};

/* A currency code (upper case, ISO 4217) at p; copies it into code. */
size_t extract_code_at(const char *s, size_t n, size_t p, char code[4])
{
    if (p + 3 > n)
        return 0;
    if (!ex_isupper((unsigned char)s[p]) || !ex_isupper((unsigned char)s[p + 1]) ||
        !ex_isupper((unsigned char)s[p + 2]))
        return 0;
    if (p + 3 < n && ex_isalpha((unsigned char)s[p + 3]))
        return 0;
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return 0;
    char c[4] = {s[p], s[p + 1], s[p + 2], 0};
    if (!trade_unit_is_currency(c) || strcmp(c, "TEU") == 0)
        return 0;
    memcpy(code, c, 4);
    return 3;
}

/* A land that a currency word belongs to: the code of the first land of
 * the list that the text names in its first 2000 bytes, else in the 2000
 * before p; fallback when it names none. A land is named by one of its
 * words, by its name or adjective in the country table (which knows that
 * "Nigeria" is not "Niger"), or by a city that stands for it (the table's
 * flag: "Dubai" names the UAE); not inside the name of a country outside
 * the list (the Democratic Republic of the Congo is not the Republic of
 * the Congo). The shared names of currencies ("Rs", "dirhams", "riyals",
 * the CFA franc) are told apart this way. */
typedef struct ex_land {
    const char *w, *code, *land; /* a word naming the land, its currency, its ISO3 */
} ex_land;

static const char *ex_land_of(const ex_land *lands, const char *named)
{
    for (const ex_land *l = lands; named && l->w; l++)
        if (!strcmp(l->land, named))
            return l->code;
    return NULL;
}

/* The code of the land named at q (a word start), or NULL; a..end the span
 * read. first: the letters that the list's words and its lands' names
 * start with (the country table, whose adjectives start as the names do,
 * is read only at words starting with one of them). */
static const char *ex_land_at(const char *s, size_t a, size_t q, size_t end, const ex_land *lands,
                              const char *first)
{
    if (q > 0 && ex_isalpha((unsigned char)s[q - 1]))
        return NULL;
    const char *code = NULL;
    for (const ex_land *l = lands; l->w && !code; l++) {
        size_t k = strlen(l->w);
        if (q + k <= end && memcmp(s + q, l->w, k) == 0)
            code = l->code;
    }
    size_t cl;
    if (!code)
        code = ex_land_of(lands, extract_city_at(s, end, q, &cl));
    if (!code && q < end && s[q] != '\0' && strchr(first, s[q]))
        code = ex_land_of(lands, extract_country_at(s, end, q, &cl));
    if (!code)
        return NULL;
    /* inside a longer name of another country ("Democratic Republic of the
     * Congo"): no land of the list */
    for (size_t o = q > a + 48 ? q - 48 : a; o < q; o++) {
        if (o > 0 && ex_isalpha((unsigned char)s[o - 1]))
            continue;
        const char *other = extract_country_at(s, end, o, &cl);
        const char *oc = other && o + cl > q ? ex_land_of(lands, other) : code;
        if (!oc || strcmp(oc, code) != 0)
            return NULL;
    }
    return code;
}

/* The currency of the land list that the text names around p, or NULL. */
static const char *ex_named_land(const char *s, size_t n, size_t p, const ex_land *lands)
{
    char first[64];
    size_t nf = 0;
    for (const ex_land *l = lands; l->w; l++) {
        const char *nm = trade_country_name(l->land);
        const char *c2[2] = {l->w, nm};
        for (int j = 0; j < 2; j++)
            if (c2[j] && c2[j][0] && !memchr(first, c2[j][0], nf) && nf + 1 < sizeof first)
                first[nf++] = c2[j][0];
    }
    first[nf] = '\0';
    size_t spans[2][2] = {{0, n < 2000 ? n : 2000}, {p > 2000 ? p - 2000 : 0, p}};
    for (int w = 0; w < 2; w++) {
        if (w == 1 && p <= spans[0][1])
            break; /* the first span holds it */
        for (size_t q = spans[w][0]; q < spans[w][1]; q++) {
            const char *code = ex_land_at(s, spans[w][0], q, spans[w][1], lands, first);
            if (code)
                return code;
        }
    }
    return NULL;
}

static const char *ex_cur_of_land(const char *s, size_t n, size_t p, const ex_land *lands,
                                  const char *fallback)
{
    const char *code = ex_named_land(s, n, p, lands);
    return code ? code : fallback;
}

/* Which rupee "Rs" is: Pakistan's, Sri Lanka's, Nepal's or India's (India's
 * when the text names none). */
static const char *ex_rupee(const char *s, size_t n, size_t p)
{
    static const ex_land lands[] = {{"Pakistan", "PKR", "PAK"}, {"Sri Lanka", "LKR", "LKA"},
                                    {"Nepal", "NPR", "NPL"},    {"India", "INR", "IND"},
                                    {NULL, NULL, NULL}};
    return ex_cur_of_land(s, n, p, lands, "INR");
}

/* Which dirham a bare "dirhams" is: Morocco's or the UAE's (the UAE's when
 * the text names neither); the emirates name the UAE by the country
 * table's flag. */
static const char *ex_dirham(const char *s, size_t n, size_t p)
{
    static const ex_land lands[] = {{"Morocco", "MAD", "MAR"}, {"Moroccan", "MAD", "MAR"},
                                    {"UAE", "AED", "ARE"},     {"Emirates", "AED", "ARE"},
                                    {"Emirati", "AED", "ARE"}, {NULL, NULL, NULL}};
    return ex_cur_of_land(s, n, p, lands, "AED");
}

/* Which riyal or rial a bare "riyals" or "rials" is: Qatar's, Oman's,
 * Saudi Arabia's, Iran's or Yemen's; when the text names none, Saudi
 * Arabia's for the spelling riyal (the one its papers use) and Iran's for
 * rial. */
static const char *ex_riyal(const char *s, size_t n, size_t p, const char *fallback)
{
    static const ex_land lands[] = {{"Qatar", "QAR", "QAT"}, {"Oman", "OMR", "OMN"},
                                    {"Saudi", "SAR", "SAU"}, {"Iran", "IRR", "IRN"},
                                    {"Yemen", "YER", "YEM"}, {NULL, NULL, NULL}};
    return ex_cur_of_land(s, n, p, lands, fallback);
}

/* The lands of the two CFA francs: the West African (XOF, the UEMOA's) and
 * the Central African (XAF, the CEMAC's). The country table reads their
 * names ("Senegal", "Niger" but not "Nigeria", "Chad", "Congo" but not the
 * Democratic Republic's, "Côte d'Ivoire", "Ivory Coast"); these are the
 * adjectives and unions it does not read. */
static const ex_land ex_cfa_lands[] = {
    {"UEMOA", "XOF", "SEN"},         {"WAEMU", "XOF", "SEN"},
    {"BCEAO", "XOF", "SEN"},         {"West African Economic and Monetary", "XOF", "SEN"},
    {"Ivorian", "XOF", "CIV"},       {"Senegalese", "XOF", "SEN"},
    {"Malian", "XOF", "MLI"},        {"Burkinab", "XOF", "BFA"},
    {"Nigerien", "XOF", "NER"},      {"Togolese", "XOF", "TGO"},
    {"Beninese", "XOF", "BEN"},      {"Bissau-Guinean", "XOF", "GNB"},
    {"CEMAC", "XAF", "CMR"},         {"BEAC", "XAF", "CMR"},
    {"Central African", "XAF", "CAF"}, {"Cameroonian", "XAF", "CMR"},
    {"Gabonese", "XAF", "GAB"},      {"Chadian", "XAF", "TCD"},
    {"Equatorial Guinean", "XAF", "GNQ"}, {"Brazzaville", "XAF", "COG"},
    {NULL, NULL, NULL}};

/* Which CFA franc "CFA francs", "FCFA" or "CFA850 billion" is: the franc
 * of the land the text names; the West African one when it names none,
 * as the code does for the other shared names (extract_cur_assumed says
 * so in the figure's note). */
static const char *ex_cfa(const char *s, size_t n, size_t p)
{
    return ex_cur_of_land(s, n, p, ex_cfa_lands, "XOF");
}

const char *extract_cur_assumed(const char *s, size_t n, size_t start, size_t end,
                                const char *unit)
{
    if (strcmp(unit, "XOF") != 0 || ex_named_land(s, n, start, ex_cfa_lands))
        return NULL;
    for (size_t q = start; q + 3 <= end && q + 3 <= n; q++)
        if (memcmp(s + q, "CFA", 3) == 0)
            return "currency: a CFA franc in a text naming no land of either; XOF assumed (XAF "
                   "is Central Africa's)";
    return NULL;
}

/* A currency after a number at p. */
size_t extract_cur_after(const char *s, size_t n, size_t p, char code[4])
{
    size_t k = extract_code_at(s, n, p, code);
    if (k)
        return k;
    /* a symbol after the number: "5 million €", "5.000 €" */
    if (p + 3 <= n && (unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x82 &&
        (unsigned char)s[p + 2] == 0xAC) {
        memcpy(code, "EUR", 4);
        return 3;
    }
    if (p + 2 <= n && (unsigned char)s[p] == 0xC2 && (unsigned char)s[p + 1] == 0xA3) {
        memcpy(code, "GBP", 4);
        return 2;
    }
    for (const ex_cur *c = ex_cur_words; c->w; c++) {
        k = extract_word(s, n, p, c->w);
        if (k) {
            const char *cc = c->code;
            if (!strcmp(c->w, "dirhams") || !strcmp(c->w, "dirham"))
                cc = ex_dirham(s, n, p);
            else if (!strcmp(c->w, "riyals") || !strcmp(c->w, "riyal") ||
                     !strcmp(c->w, "rials") || !strcmp(c->w, "rial"))
                cc = ex_riyal(s, n, p, cc);
            else if (!strcmp(cc, "XOF"))
                cc = ex_cfa(s, n, p);
            memcpy(code, cc, 4);
            return k;
        }
    }
    return 0;
}


/* Nigeria's naira written "N1.9 trillion", "N482.4 billion", "N1,250,000"
 * (the sign U+20A6 is read with the other signs): an N glued to a number
 * that a scale word or a grouped amount makes money, as the rand's R. */
static int ex_naira_before(const char *s, size_t n, size_t q, size_t p)
{
    if (q != p || q < 1 || s[q - 1] != 'N' ||
        (q > 1 && (ex_isalpha((unsigned char)s[q - 2]) || ex_isdigit((unsigned char)s[q - 2]))))
        return 0;
    ex_number num;
    size_t k;
    extract_number_parse(s, n, p, &num);
    return num.ok && (num.grouped || extract_scale_at(s, n, extract_skip_sp(s, n, num.end, 0), 1, &k));
}

/* A currency written as letters before the number, ending at q (p the
 * number's start): "SR15.6 billion" (Saudi riyals), "Kes.52 billion",
 * "KSh 198 million" (Kenyan shillings), "QR30.9 billion" (Qatari riyals),
 * "RO2.4 billion" (Omani rials), "CFA850 billion" (the CFA franc of the
 * text's land: ex_cfa), and the rand's "R16.1 billion" or
 * "R10,3-billion", which only a scale word or a grouped amount makes
 * money (R alone is too common a letter). Returns the prefix's start or
 * (size_t)-1. */
static size_t ex_letter_cur_before(const char *s, size_t n, size_t q, size_t p, char code[4])
{
    static const struct {
        const char *w, *code;
    } prefixes[] = {{"Kshs.", "KES"}, {"Kshs", "KES"}, {"KShs", "KES"}, {"KSh", "KES"},
                    {"Ksh.", "KES"},  {"Ksh", "KES"},  {"Kes.", "KES"},  {"Kes", "KES"},
                    {"SR", "SAR"},    {"RMB", "CNY"},  {"RM", "MYR"},    {"Dhs", "AED"},
                    {"Dh", "AED"},    {"Rp", "IDR"},   {"Tk.", "BDT"},   {"Tk", "BDT"},
                    {"Rs.", "Rs"},    {"Rs", "Rs"},    {"QR", "QAR"},    {"RO", "OMR"},
                    {"FCFA", "CFA"},  {"CFAF", "CFA"}, {"CFA", "CFA"},
                    /* East African shillings as their papers write them: Uganda's
                     * "Shs1.5 trillion", "UShs 20b", Tanzania's "TSh", Kenya's
                     * "Sh72.2 billion" (a bare Sh or Shs is the document's own
                     * shilling: extract_own_currency); Ghana's "GH¢", "GH₵" */
                    {"UShs", "UGX"},  {"Ushs", "UGX"}, {"USh", "UGX"},  {"Ush", "UGX"},
                    {"TShs", "TZS"},  {"TSh", "TZS"},  {"Tsh", "TZS"},  {"Shs.", "UGX"},
                    {"Shs", "UGX"},   {"Sh.", "KES"},  {"Sh", "KES"},   {"GH\xC2\xA2", "GHS"},
                    {"GH\xE2\x82\xB5", "GHS"}};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t k = strlen(prefixes[i].w);
        if (q >= k && memcmp(s + q - k, prefixes[i].w, k) == 0 &&
            (q == k || !ex_isalpha((unsigned char)s[q - k - 1]))) {
            const char *c = prefixes[i].code;
            if (!strcmp(c, "Rs"))
                c = ex_rupee(s, n, q - k);
            else if (!strcmp(c, "CFA"))
                c = ex_cfa(s, n, q - k);
            memcpy(code, c, 4);
            return q - k;
        }
    }
    if (ex_naira_before(s, n, q, p))
        return memcpy(code, "NGN", 4), q - 1;
    if (q == p && q >= 1 && s[q - 1] == 'R' && (q == 1 || !(ex_isalpha((unsigned char)s[q - 2]) || ex_isdigit((unsigned char)s[q - 2])))) {
        ex_number num;
        size_t k;
        extract_number_parse(s, n, p, &num);
        size_t e = num.end < n && s[num.end] == '-' ? num.end + 1 : num.end;
        if (num.ok && (num.grouped || extract_scale_at(s, n, extract_skip_sp(s, n, e, 0), 1, &k))) {
            memcpy(code, "ZAR", 4);
            return q - 1;
        }
    }
    return (size_t)-1;
}

/* The start of the sentence holding p: after the last ". ", "! ", "? " or
 * line end before it (at most 300 bytes back). */
static size_t ex_sentence_start(const char *s, size_t p)
{
    size_t lim = p > 300 ? p - 300 : 0;
    for (size_t q = p; q > lim; q--) {
        char c = s[q - 1];
        if (c == '\n')
            return q;
        if ((c == ' ' || c == '\t') && q >= 2 &&
            (s[q - 2] == '.' || s[q - 2] == '!' || s[q - 2] == '?'))
            return q;
    }
    return lim;
}

/* w (lower case) at p in any case, as a word's start: its length, or 0. */
static size_t ex_prefix_ci(const char *s, size_t b, size_t p, const char *w)
{
    size_t k = 0;
    while (w[k] && p + k < b && ex_lower((unsigned char)s[p + k]) == (unsigned char)w[k])
        k++;
    return w[k] ? 0 : k;
}

/* The end of the last of the words in a..b that starts a word, or 0. */
static size_t ex_last_of(const char *s, size_t a, size_t b, const char *const *ws)
{
    size_t best = 0;
    for (size_t q = a; q < b; q++) {
        if (q > a && (ex_isalpha((unsigned char)s[q - 1])))
            continue;
        for (size_t i = 0; ws[i]; i++) {
            size_t k = ex_prefix_ci(s, b, q, ws[i]);
            if (k && q + k > best)
                best = q + k;
        }
    }
    return best;
}

int extract_payments_figure(const char *s, size_t n, size_t p)
{
    static const char *const aggregates[] = {
        "balance of payment", "current account", "capital account", "financial account",
        "capital and financial account", "international reserves", "foreign reserves",
        "foreign exchange reserves", "external reserves", "reserve assets",
        "months of import cover", NULL};
    static const char *const trade[] = {"trade", "export", "import", "shipment", "goods",
                                        "merchandise", NULL};
    static const char *const back[] = {"This ", "That ", "It ", NULL}; /* as written */
    size_t a = ex_sentence_start(s, p);
    for (int round = 0; round < 2; round++) {
        size_t e = ex_last_of(s, a, p, aggregates);
        if (e)
            return !ex_last_of(s, e, p, trade);
        /* "This is far lower than the deficit of $2.49 billion": the
         * sentence before says of what */
        int anaphor = 0;
        for (size_t i = 0; back[i]; i++)
            anaphor |= p - a > strlen(back[i]) && memcmp(s + a, back[i], strlen(back[i])) == 0;
        if (!anaphor || ex_last_of(s, a, p, trade) || a < 2)
            return 0;
        p = a;
        a = ex_sentence_start(s, extract_skip_sp_back(s, n, a, 1) - 1);
    }
    return 0;
}

/* The shilling a bare "Sh" or "Shs" means in a document about country:
 * Kenya's, Uganda's, Tanzania's or Somalia's own; NULL for another country
 * (then "Sh" reads as Kenya's and "Shs" as Uganda's, as their papers write). */
const char *extract_own_shilling(const char *country)
{
    static const char *const shillings[][2] = {
        {"KEN", "KES"}, {"UGA", "UGX"}, {"TZA", "TZS"}, {"SOM", "SOS"}};
    for (size_t k = 0; country && k < sizeof shillings / sizeof shillings[0]; k++)
        if (!strcmp(country, shillings[k][0]))
            return shillings[k][1];
    return NULL;
}

/* A currency symbol or code ending at p (the number's start). Returns the
 * start of the symbol or (size_t)-1. */
size_t extract_cur_before(const char *s, size_t n, size_t p, char code[4])
{
    size_t q = extract_skip_sp_back(s, n, p, 1);
    size_t st;
    uint32_t c = extract_prev_cp(s, n, q, &st);
    {
        size_t lc = ex_letter_cur_before(s, n, q, p, code);
        if (lc != (size_t)-1)
            return lc;
    }
    if (c == 0x20AC) {
        memcpy(code, "EUR", 4);
        return st;
    }
    if (c == 0xA3) {
        memcpy(code, "GBP", 4);
        return st;
    }
    if (c == 0x20BD) {
        memcpy(code, "RUB", 4);
        return st;
    }
    if (c == 0x20B8) {
        memcpy(code, "KZT", 4);
        return st;
    }
    if (c == 0xA5) {
        memcpy(code, "JPY", 4); /* the yen sign (the yuan's is written CNY or RMB) */
        return st;
    }
    {
        /* the rupee, lira, won, dong, peso (Philippine), shekel signs */
        static const struct {
            uint32_t cp;
            const char *code;
        } signs[] = {{0x20B9, "INR"}, {0x20BA, "TRY"}, {0x20A9, "KRW"},
                     {0x20AB, "VND"}, {0x20B1, "PHP"}, {0x20AA, "ILS"},
                     {0x20A6, "NGN"}, {0x20B5, "GHS"}};
        for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
            if (c == signs[i].cp) {
                memcpy(code, signs[i].code, 4);
                return st;
            }
    }
    /* "NRs.2.0 billion", "NRs 500 million": Nepalese rupees */
    if (q >= 4 && memcmp(s + q - 4, "NRs.", 4) == 0 &&
        (q == 4 || !ex_isalpha((unsigned char)s[q - 5]))) {
        memcpy(code, "NPR", 4);
        return q - 4;
    }
    if (q >= 3 && memcmp(s + q - 3, "NRs", 3) == 0 &&
        (q == 3 || !ex_isalpha((unsigned char)s[q - 4]))) {
        memcpy(code, "NPR", 4);
        return q - 3;
    }
    if (c == '$') {
        memcpy(code, "USD", 4);
        size_t b = extract_skip_sp_back(s, n, st, 0);
        if (b >= 2 && s[b - 2] == 'U' && s[b - 1] == 'S' &&
            (b == 2 || !ex_isalpha((unsigned char)s[b - 3])))
            return b - 2;
        if (b >= 4 && memcmp(s + b - 4, "U.S.", 4) == 0)
            return b - 4;
        if (st >= 2 && ex_isupper((unsigned char)s[st - 1]) &&
            ex_isupper((unsigned char)s[st - 2]) &&
            (st == 2 || !ex_isalpha((unsigned char)s[st - 3]))) {
            /* NZ$, HK$, NT$, WS$ (Samoa's tala): those dollars */
            static const char *const two[][2] = {{"NZ", "NZD"}, {"HK", "HKD"}, {"NT", "TWD"},
                                                 {"FJ", "FJD"}, {"TT", "TTD"}, {"EC", "XCD"},
                                                 {"SI", "SBD"}, {"BZ", "BZD"}, {"WS", "WST"}};
            for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
                if (s[st - 2] == two[i][0][0] && s[st - 1] == two[i][0][1]) {
                    memcpy(code, two[i][1], 4);
                    return st - 2;
                }
            return (size_t)-1;
        }
        if (st >= 1 && ex_isupper((unsigned char)s[st - 1]) &&
            (st == 1 || !ex_isalpha((unsigned char)s[st - 2]))) {
            /* C$, A$, S$, R$, J$ (Jamaica), N$ (Namibia), T$ (Tonga): not US dollars */
            char l = s[st - 1];
            if (l == 'C')
                memcpy(code, "CAD", 4);
            else if (l == 'A')
                memcpy(code, "AUD", 4);
            else if (l == 'S')
                memcpy(code, "SGD", 4);
            else if (l == 'R')
                memcpy(code, "BRL", 4);
            else if (l == 'J')
                memcpy(code, "JMD", 4);
            else if (l == 'N')
                memcpy(code, "NAD", 4);
            else if (l == 'T')
                memcpy(code, "TOP", 4);
            else
                return (size_t)-1;
            return st - 1;
        }
        return st;
    }
    if (q >= 3 && extract_code_at(s, n, q - 3, code))
        return q - 3;
    return (size_t)-1;
}

typedef struct ex_unit {
    const char *w;
    const char *unit;
    int exp10; /* extra power of ten (Mt = million tonnes) */
    int needs_scale_or_glue;
    int case_sensitive;
} ex_unit;

static const ex_unit ex_units[] = {{"metric tonnes", "t", 0, 0, 0},
                                   {"metric tons", "t", 0, 0, 0},
                                   {"tonnes", "t", 0, 0, 0},
                                   {"tonne", "t", 0, 0, 0},
                                   {"tons", "t", 0, 0, 0},
                                   {"ton", "t", 0, 0, 0},
                                   {"Mt", "t", 6, 0, 1},
                                   {"kt", "t", 3, 0, 1},
                                   {"mt", "t", 0, 0, 1}, /* metric tonnes, as traders write it */
                                   {"MT", "t", 0, 0, 1},
                                   {"t", "t", 0, 0, 1},
                                   {"cubic metres", "m3", 0, 0, 0},
                                   {"cubic meters", "m3", 0, 0, 0},
                                   {"cubic metre", "m3", 0, 0, 0},
                                   {"cubic meter", "m3", 0, 0, 0},
                                   {"bcm", "m3", 9, 0, 0},
                                   {"TEUs", "TEU", 0, 0, 1},
                                   {"TEU", "TEU", 0, 0, 1},
                                   {"teus", "TEU", 0, 0, 1},
                                   {"teu", "TEU", 0, 0, 1},
                                   {"twenty-foot equivalent units", "TEU", 0, 0, 0},
                                   {"containers", "count", 0, 0, 0},
                                   {"hectares", "ha", 0, 0, 0},
                                   {"ha", "ha", 0, 0, 1},
                                   {"kilometres", "km", 0, 0, 0},
                                   {"kilometers", "km", 0, 0, 0},
                                   {"km", "km", 0, 0, 1},
                                   {"kilograms", "kg", 0, 0, 0},
                                   {"kilogrammes", "kg", 0, 0, 0},
                                   {"kg", "kg", 0, 0, 1},
                                   {"megawatts", "MW", 0, 0, 0},
                                   {"MW", "MW", 0, 0, 1},
                                   {"gigawatts", "GW", 0, 0, 0},
                                   {"GW", "GW", 0, 0, 1},
                                   {NULL, NULL, 0, 0, 0}};

/* ---------- the figure being built ---------- */

int extract_is_month(const char *s, size_t n, size_t p, size_t *len)
{
    static const struct {
        const char *w;
        int m;
    } months[] = {{"January", 1},  {"February", 2}, {"March", 3},     {"April", 4},
                  {"May", 5},      {"June", 6},     {"July", 7},      {"August", 8},
                  {"September", 9}, {"October", 10}, {"November", 11}, {"December", 12},
                  {"Jan", 1},      {"Feb", 2},      {"Mar", 3},       {"Apr", 4},
                  {"Jun", 6},      {"Jul", 7},      {"Aug", 8},       {"Sept", 9},
                  {"Sep", 9},      {"Oct", 10},     {"Nov", 11},      {"Dec", 12}};
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        size_t k = extract_word_cs(s, n, p, months[i].w);
        if (k) {
            if (len)
                *len = k;
            return months[i].m; /* "Jun" is June: the short forms skip May */
        }
    }
    return 0;
}

/* Words after which a bare number is a reference, not a figure. */
int extract_ref_word(const char *s, size_t n, size_t a, size_t e)
{
    static const char *const refs[] = {
        "page",     "pages",      "p.",        "pp.",      "article",   "articles", "art.",
        "section",  "chapter",    "table",     "figure",   "fig.",      "no.",      "nr.",
        "number",   "resolution", "paragraph", "para.",    "annex",     "item",     "point",
        "footnote", "note",       "notes",     "vol.",     "volume",    "issue",    "edition",
        "line",     "lines",      "step",      "phase",    "grade",     "class",    "tier",
        "stage",    "round",      "version",   "art",      "chapter.",  "box",      "chart",
        "map",      "appendix",   "rule",      "protocol", "session",   "act",      "law",
        "decree",   "regulation", "directive", "no",       "nos.",      "ref.",     "v.",
        "summit",   "flight",     "route",     "highway",  "unit",      "level",    "plan",
        "group",    "tables",     "figures",   "sections", "articles.", "iso",      "code",
        "model",    NULL};
    size_t len = e - a;
    if (len == 0 || len > 12)
        return 0;
    for (size_t i = 0; refs[i]; i++) {
        if (strlen(refs[i]) != len)
            continue;
        size_t j = 0;
        while (j < len && ex_lower((unsigned char)s[a + j]) == refs[i][j])
            j++;
        if (j == len)
            return 1;
    }
    (void)n;
    return 0;
}

/* Is there "rank" just before p (within the sentence, ~40 bytes)? */
int extract_rank_context(const char *s, size_t n, size_t p)
{
    size_t a = p > 40 ? p - 40 : 0;
    for (size_t i = a; i + 4 <= p; i++) {
        if (ex_lower((unsigned char)s[i]) == 'r' && ex_lower((unsigned char)s[i + 1]) == 'a' &&
            ex_lower((unsigned char)s[i + 2]) == 'n' && ex_lower((unsigned char)s[i + 3]) == 'k')
            return 1;
        if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ')
            a = i;
    }
    return 0;
}

/* Read what follows a number (at q, after its token): a scale, a
 * currency, a unit or a percent sign. Fills r->f.unit, *exp10, *scaled;
 * returns the end of the figure. money_before: a currency before it. */
size_t extract_suffix(const char *s, size_t n, size_t q, int money_before, int glued_ok, ex_raw *r,
                      int *exp10, int *scaled)
{
    size_t k;
    size_t end = q;
    char code[4] = "";
    *exp10 = 0;
    *scaled = 0;
    /* a scale glued or after a space */
    size_t p = q;
    if (glued_ok && p < n && ex_isalpha((unsigned char)s[p])) {
        /* glued: 96.4m, 87.3bn, 5k */
        int e = extract_scale_at(s, n, p, 1, &k);
        if (e) {
            *exp10 = e;
            *scaled = 1;
            end = p + k;
        }
    }
    if (!*scaled) {
        p = extract_skip_sp(s, n, q, 1);
        int e = extract_scale_at(s, n, p, money_before, &k);
        if (e && (p > q || e == 0)) {
            *exp10 = e;
            *scaled = 1;
            end = p + k;
        } else if (e && p == q) {
            *exp10 = e;
            *scaled = 1;
            end = p + k;
        }
    }
    if (*scaled && end < n && s[end] == '.' && end >= 2 &&
        (extract_word(s, n, end - 3, "mln") || extract_word(s, n, end - 2, "bn")) && end + 1 < n &&
        s[end + 1] == ' ' && end + 2 < n && !ex_isupper((unsigned char)s[end + 2]))
        end++;
    if (money_before && !*scaled) {
        /* "T$9.4 (11.4%) million": the scale after the share in brackets;
         * the figure ends at its number (the share is a figure of its own) */
        size_t b = extract_skip_sp(s, n, q, 0), c = b + 1;
        if (b < n && s[b] == '(') {
            while (c < n && c < b + 12 && (ex_isdigit((unsigned char)s[c]) || s[c] == '.' ||
                                           s[c] == ','))
                c++;
            if (c > b + 1 && c + 1 < n && s[c] == '%' && s[c + 1] == ')') {
                int e = extract_scale_at(s, n, extract_skip_sp(s, n, c + 2, 0), 0, &k);
                if (e >= 3) {
                    *exp10 = e;
                    *scaled = 1;
                }
            }
        }
    }
    if (money_before) {
        /* "USD 5 billion dollars" is rare; a scale is all that may follow */
        return end;
    }
    /* a currency after */
    p = extract_skip_sp(s, n, end, 1);
    if (*scaled) {
        size_t o = extract_word(s, n, p, "of");
        if (o) {
            size_t p2 = extract_skip_sp(s, n, p + o, 1);
            k = extract_cur_after(s, n, p2, code);
            if (k && (extract_word(s, n, p2, "euros") || extract_word(s, n, p2, "dollars") ||
                      extract_word(s, n, p2, "US dollars") || extract_code_at(s, n, p2, code))) {
                memcpy(r->f.unit, code, 4);
                return p2 + k;
            }
        }
    }
    if (p == end && p < n && ex_isalpha((unsigned char)s[p]) && !glued_ok)
        return end;
    k = extract_cur_after(s, n, p, code);
    if (k) {
        memcpy(r->f.unit, code, 4);
        return p + k;
    }
    /* percent */
    if (p < n && s[p] == '%') {
        r->is_percent = 1;
        return p + 1;
    }
    if ((k = extract_word(s, n, p, "per cent")) || (k = extract_word(s, n, p, "percent")) ||
        (k = extract_word(s, n, p, "per-cent")) || (k = extract_word(s, n, p, "pct")) ||
        (k = extract_word(s, n, p, "pc"))) {
        size_t p2 = extract_skip_sp(s, n, p, 1);
        (void)p2;
        r->is_percent = 1;
        return p + k;
    }
    {
        /* "per\ncent" */
        size_t k1 = extract_word(s, n, p, "per");
        if (k1) {
            size_t p2 = extract_skip_sp(s, n, p + k1, 1);
            size_t k2 = extract_word(s, n, p2, "cent");
            if (k2) {
                r->is_percent = 1;
                return p2 + k2;
            }
        }
    }
    if ((k = extract_word(s, n, p, "percentage points")) ||
        (k = extract_word(s, n, p, "percentage point")) || (k = extract_word_cs(s, n, p, "pp")) ||
        (k = extract_word(s, n, p, "p.p."))) {
        memcpy(r->f.unit, "pp", 3);
        return p + k;
    }
    /* units */
    for (const ex_unit *u = ex_units; u->w; u++) {
        k = u->case_sensitive ? extract_word_cs(s, n, p, u->w) : extract_word(s, n, p, u->w);
        if (!k) {
            /* "cubic\nmetres" */
            if (strncmp(u->w, "cubic ", 6) == 0) {
                size_t k1 = extract_word(s, n, p, "cubic");
                if (k1) {
                    size_t p2 = extract_skip_sp(s, n, p + k1, 1);
                    size_t k2 = extract_word(s, n, p2, u->w + 6);
                    if (k2) {
                        k = p2 + k2 - p;
                    }
                }
            }
        }
        if (!k)
            continue;
        if (u->needs_scale_or_glue && !*scaled && p != end)
            continue;
        if (u->exp10 && *scaled)
            continue;
        snprintf(r->f.unit, sizeof r->f.unit, "%s", u->unit);
        *exp10 += u->exp10;
        if (u->exp10)
            *scaled = 1;
        return p + k;
    }
    /* m3 / m³ */
    if (p + 2 <= n && s[p] == 'm' && s[p + 1] == '3' &&
        (p + 2 == n || !ex_isalpha((unsigned char)s[p + 2]))) {
        memcpy(r->f.unit, "m3", 3);
        return p + 2;
    }
    if (p + 3 <= n && s[p] == 'm' && (unsigned char)s[p + 1] == 0xC2 &&
        (unsigned char)s[p + 2] == 0xB3) {
        memcpy(r->f.unit, "m3", 3);
        return p + 3;
    }
    return end;
}
