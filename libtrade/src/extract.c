/* extract.c - figures from the prose of a brief.
 *
 * How it works: the text is scanned byte by byte (it may hold any bytes).
 * Tables are read first (extract_table.c) and their lines masked. At every
 * digit that starts a word, the number token is parsed (thousands
 * separators, a decimal comma where unambiguous), then the words around it
 * decide what it is: a currency before or after, a scale word (million, bn,
 * m), a unit (tonnes, cubic metres, TEU), a percent sign or words. Numbers
 * written as words and growth words (doubled, sixfold) are read too. Years,
 * dates, times, footnote marks, page and article numbers, parts of words
 * ("COVID-19") and URLs are skipped. A second pass gives each figure its
 * sentence, qualifier, period and, where stated plainly, reporter, partner
 * and flow. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "trade/codes.h"
#include "trade/number.h"

#define EX_CONTEXT_MAX 300

/* ---------- characters ---------- */

static int ex_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

static int ex_isalpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int ex_isupper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int ex_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Decode the UTF-8 character at s[p]; *len gets its length (1 for a bad
 * byte, which decodes as 0xFFFD). */
static uint32_t ex_cp(const char *s, size_t n, size_t p, size_t *len)
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
    *len = need;
    return v;
}

/* The character ending just before p: its start in *start. */
static uint32_t ex_prev_cp(const char *s, size_t n, size_t p, size_t *start)
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
    uint32_t c = ex_cp(s, n, q, &len);
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
    uint32_t cp = ex_cp(s, n, p, &len);
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == 0x2002 || cp == 0x2003)
        return len;
    return 0;
}

/* Skip spaces; with nl, also one line end unless the next line is blank. */
static size_t ex_skip_sp(const char *s, size_t n, size_t p, int nl)
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
static size_t ex_skip_sp_back(const char *s, size_t n, size_t p, int nl)
{
    int seen_nl = 0;
    while (p > 0) {
        size_t st;
        uint32_t c = ex_prev_cp(s, n, p, &st);
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
            size_t q = ex_skip_sp(s, n, j, 1);
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
static size_t ex_word_cs(const char *s, size_t n, size_t p, const char *w)
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
static int ex_word_start(const char *s, size_t p)
{
    return p == 0 || !(ex_isalpha((unsigned char)s[p - 1]) || ex_isdigit((unsigned char)s[p - 1]) ||
                       ((unsigned char)s[p - 1]) >= 0x80);
}

/* The word ending at p (after skipping spaces back): [*a, end). */
static size_t ex_prev_word(const char *s, size_t n, size_t p, size_t *a)
{
    size_t e = ex_skip_sp_back(s, n, p, 1);
    size_t b = e;
    while (b > 0 && (ex_isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '-'))
        b--;
    *a = b;
    return e;
}

/* ---------- numbers ---------- */

static void ex_number_parse_sp(const char *s, size_t n, size_t p, ex_number *num, int plain_space);

void extract_number_parse(const char *s, size_t n, size_t p, ex_number *num)
{
    ex_number_parse_sp(s, n, p, num, 0);
}

/* With plain_space, a plain space before exactly three digits is a
 * thousands separator too ("USD 500 000"). */
static void ex_number_parse_sp(const char *s, size_t n, size_t p, ex_number *num, int plain_space)
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
    if (last_int > 0) {
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
static double ex_precision(const ex_number *num, int exp10, int scaled)
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

typedef struct ex_pat {
    const char *w;
    int val;
} ex_pat;

static const ex_pat ex_scales[] = {
    {"thousand", 3},  {"thousands", 3},  {"million", 6},  {"millions", 6}, {"mln", 6},
    {"mn", 6},        {"billion", 9},    {"billions", 9}, {"bn", 9},       {"bln", 9},
    {"trillion", 12}, {"trillions", 12}, {"trn", 12},     {"tn", 12},      {NULL, 0}};

/* A scale word at p; *len its length (with a trailing '.' of mln./bn.). */
static int ex_scale_at(const char *s, size_t n, size_t p, int money, size_t *len)
{
    for (const ex_pat *e = ex_scales; e->w; e++) {
        size_t k = extract_word(s, n, p, e->w);
        if (k) {
            if (e->val == 12 && strcmp(e->w, "tn") == 0 && !money)
                continue;
            *len = k;
            return e->val;
        }
    }
    if (money) {
        size_t k;
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
static const ex_cur ex_cur_words[] = {{"US dollars", "USD"}, {"U.S. dollars", "USD"},
                                      {"US dollar", "USD"},  {"euros", "EUR"},
                                      {"euro", "EUR"},       {"dollars", "USD"},
                                      {"dollar", "USD"},     {"pounds sterling", "GBP"},
                                      {"pounds", "GBP"},     {"roubles", "RUB"},
                                      {"rubles", "RUB"},     {"rouble", "RUB"},
                                      {"ruble", "RUB"},      {"tenge", "KZT"},
                                      {"yuan", "CNY"},       {"renminbi", "CNY"},
                                      {"yen", "JPY"},        {"Swiss francs", "CHF"},
                                      {NULL, NULL}};

/* A currency code (upper case, ISO 4217) at p; copies it into code. */
static size_t ex_code_at(const char *s, size_t n, size_t p, char code[4])
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

/* A currency after a number at p. */
static size_t ex_cur_after(const char *s, size_t n, size_t p, char code[4])
{
    size_t k = ex_code_at(s, n, p, code);
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
            memcpy(code, c->code, 4);
            return k;
        }
    }
    return 0;
}

/* A currency symbol or code ending at p (the number's start). Returns the
 * start of the symbol or (size_t)-1. */
static size_t ex_cur_before(const char *s, size_t n, size_t p, char code[4])
{
    size_t q = ex_skip_sp_back(s, n, p, 1);
    size_t st;
    uint32_t c = ex_prev_cp(s, n, q, &st);
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
    if (c == '$') {
        memcpy(code, "USD", 4);
        size_t b = ex_skip_sp_back(s, n, st, 0);
        if (b >= 2 && s[b - 2] == 'U' && s[b - 1] == 'S' &&
            (b == 2 || !ex_isalpha((unsigned char)s[b - 3])))
            return b - 2;
        if (b >= 4 && memcmp(s + b - 4, "U.S.", 4) == 0)
            return b - 4;
        if (st >= 1 && ex_isupper((unsigned char)s[st - 1]) &&
            (st == 1 || !ex_isalpha((unsigned char)s[st - 2]))) {
            /* C$, A$, HK$: not US dollars */
            char l = s[st - 1];
            if (l == 'C')
                memcpy(code, "CAD", 4);
            else if (l == 'A')
                memcpy(code, "AUD", 4);
            else
                return (size_t)-1;
            return st - 1;
        }
        return st;
    }
    if (q >= 3 && ex_code_at(s, n, q - 3, code))
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

typedef struct ex_raw {
    trade_figure f;
    size_t start, end; /* as_written */
    size_t num_start;  /* first digit or word of the number */
    int sign_change;   /* +1 / -1 from a written sign, 0 none */
    int is_percent;    /* percent before growth classification */
    int range_end;     /* the upper bound of a range whose lower bound is the figure before */
} ex_raw;

static int ex_is_month(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const months[] = {
        "January",   "February", "March",    "April",    "May",  "June", "July", "August",
        "September", "October",  "November", "December", "Jan",  "Feb",  "Mar",  "Apr",
        "Jun",       "Jul",      "Aug",      "Sep",      "Sept", "Oct",  "Nov",  "Dec"};
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        size_t k = ex_word_cs(s, n, p, months[i]);
        if (k) {
            if (len)
                *len = k;
            return (int)(i % 12) + 1;
        }
    }
    return 0;
}

/* Words after which a bare number is a reference, not a figure. */
static int ex_ref_word(const char *s, size_t n, size_t a, size_t e)
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
static int ex_rank_context(const char *s, size_t n, size_t p)
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
static size_t ex_suffix(const char *s, size_t n, size_t q, int money_before, int glued_ok,
                        ex_raw *r, int *exp10, int *scaled)
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
        int e = ex_scale_at(s, n, p, 1, &k);
        if (e) {
            *exp10 = e;
            *scaled = 1;
            end = p + k;
        }
    }
    if (!*scaled) {
        p = ex_skip_sp(s, n, q, 1);
        int e = ex_scale_at(s, n, p, money_before, &k);
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
    if (money_before) {
        /* "USD 5 billion dollars" is rare; a scale is all that may follow */
        return end;
    }
    /* a currency after */
    p = ex_skip_sp(s, n, end, 1);
    if (*scaled) {
        size_t o = extract_word(s, n, p, "of");
        if (o) {
            size_t p2 = ex_skip_sp(s, n, p + o, 1);
            k = ex_cur_after(s, n, p2, code);
            if (k && (extract_word(s, n, p2, "euros") || extract_word(s, n, p2, "dollars") ||
                      extract_word(s, n, p2, "US dollars") || ex_code_at(s, n, p2, code))) {
                memcpy(r->f.unit, code, 4);
                return p2 + k;
            }
        }
    }
    if (p == end && p < n && ex_isalpha((unsigned char)s[p]) && !glued_ok)
        return end;
    k = ex_cur_after(s, n, p, code);
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
        size_t p2 = ex_skip_sp(s, n, p, 1);
        (void)p2;
        r->is_percent = 1;
        return p + k;
    }
    {
        /* "per\ncent" */
        size_t k1 = extract_word(s, n, p, "per");
        if (k1) {
            size_t p2 = ex_skip_sp(s, n, p + k1, 1);
            size_t k2 = extract_word(s, n, p2, "cent");
            if (k2) {
                r->is_percent = 1;
                return p2 + k2;
            }
        }
    }
    if ((k = extract_word(s, n, p, "percentage points")) ||
        (k = extract_word(s, n, p, "percentage point")) || (k = ex_word_cs(s, n, p, "pp")) ||
        (k = extract_word(s, n, p, "p.p."))) {
        memcpy(r->f.unit, "pp", 3);
        return p + k;
    }
    /* units */
    for (const ex_unit *u = ex_units; u->w; u++) {
        k = u->case_sensitive ? ex_word_cs(s, n, p, u->w) : extract_word(s, n, p, u->w);
        if (!k) {
            /* "cubic\nmetres" */
            if (strncmp(u->w, "cubic ", 6) == 0) {
                size_t k1 = extract_word(s, n, p, "cubic");
                if (k1) {
                    size_t p2 = ex_skip_sp(s, n, p + k1, 1);
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

/* ---------- the list ---------- */

static char *ex_strdup(const char *s)
{
    size_t l = strlen(s);
    char *d = malloc(l + 1);
    if (d)
        memcpy(d, s, l + 1);
    return d;
}

void extract_position(const ex_scan *sc, size_t p, unsigned long *line, unsigned long *col)
{
    size_t lo = 0, hi = sc->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->line_start[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned long)lo + 1;
    *col = (unsigned long)(p - sc->line_start[lo]) + 1;
}

int extract_push(ex_scan *sc, const trade_figure *f, size_t start, size_t end, const char *context,
                 const char *table, const char *note)
{
    trade_figure_list *l = sc->out;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 32;
        if (nc > SIZE_MAX / sizeof *l->items)
            return TRADE_ENOMEM;
        trade_figure *ni = realloc(l->items, nc * sizeof *ni);
        if (!ni)
            return TRADE_ENOMEM;
        l->items = ni;
        l->cap = nc;
    }
    trade_figure *d = &l->items[l->n];
    *d = *f;
    extract_position(sc, start, &d->line, &d->column);
    size_t len = end > start ? end - start : 0;
    d->as_written = malloc(len + 1);
    d->context = ex_strdup(context ? context : "");
    d->table = ex_strdup(table ? table : "");
    d->note = ex_strdup(note ? note : "");
    if (!d->as_written || !d->context || !d->table || !d->note) {
        free(d->as_written);
        free(d->context);
        free(d->table);
        free(d->note);
        return TRADE_ENOMEM;
    }
    if (len)
        memcpy(d->as_written, sc->s + start, len);
    d->as_written[len] = '\0';
    l->n++;
    return 0;
}

/* ---------- sentences ---------- */

static int ex_abbrev_before(const char *s, size_t dot)
{
    /* the word before a '.' at dot */
    size_t a = dot;
    while (a > 0 && ex_isalpha((unsigned char)s[a - 1]))
        a--;
    size_t len = dot - a;
    if (len == 1)
        return 1; /* an initial: J. Smith, e.g. */
    static const char *const ab[] = {
        "cf",  "vs",  "mr",  "mrs", "dr",     "st",  "no",  "nr", "pp", "etc", "eg",   "ie",  "al",
        "art", "fig", "vol", "ca",  "approx", "inc", "ltd", "co", "jr", "sr",  "prof", "gen", NULL};
    for (size_t i = 0; ab[i]; i++) {
        if (strlen(ab[i]) == len) {
            size_t j = 0;
            while (j < len && ex_lower((unsigned char)s[a + j]) == ab[i][j])
                j++;
            if (j == len)
                return 1;
        }
    }
    return 0;
}

/* Does a sentence end right after position p (s[p] is . ! ?)? Returns the
 * offset just after the end (after a footnote mark), or 0. */
static size_t ex_sentence_end(const char *s, size_t n, size_t p)
{
    char c = s[p];
    if (c != '.' && c != '!' && c != '?' && c != ';')
        return 0;
    if (c == '.' && ex_abbrev_before(s, p))
        return 0;
    if (c == '.' && p > 0 && ex_isdigit((unsigned char)s[p - 1]) && p + 1 < n &&
        ex_isdigit((unsigned char)s[p + 1]))
        return 0; /* a decimal point */
    size_t q = p + 1;
    /* closing quotes or brackets */
    while (q < n && (s[q] == '"' || s[q] == '\'' || s[q] == ')'))
        q++;
    /* a footnote mark: digits or superscripts */
    size_t fq = q;
    while (fq < n && ex_isdigit((unsigned char)s[fq]) && fq - q < 3)
        fq++;
    size_t len;
    while (fq < n) {
        uint32_t cp = ex_cp(s, n, fq, &len);
        if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079))
            fq += len;
        else
            break;
    }
    if (fq >= n || s[fq] == ' ' || s[fq] == '\n' || s[fq] == '\t' || s[fq] == '\r')
        return c == ';' ? p + 1 : fq;
    return 0;
}

/* The sentence around p: [*a, *b). */
static void ex_sentence(const ex_scan *sc, size_t p, size_t *a, size_t *b)
{
    const char *s = sc->s;
    size_t n = sc->n;
    size_t i = p;
    size_t lim = p > 1500 ? p - 1500 : 0;
    *a = lim;
    while (i > lim) {
        i--;
        if (s[i] == '\n') {
            /* blank line or table above */
            size_t j = i;
            while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
                j--;
            if (j == 0 || s[j - 1] == '\n' || sc->skip[j - 1]) {
                *a = i + 1;
                break;
            }
        }
        if (s[i] == '\0') {
            *a = i + 1;
            break;
        }
        size_t e = ex_sentence_end(s, n, i);
        if (e && e <= p) {
            *a = e;
            break;
        }
    }
    size_t hi = p + 1500 < n ? p + 1500 : n;
    *b = hi;
    for (i = p; i < hi; i++) {
        if (s[i] == '\0') {
            *b = i;
            break;
        }
        if (s[i] == '\n') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j >= n || s[j] == '\n' || sc->skip[j]) {
                *b = i;
                break;
            }
        }
        size_t e = ex_sentence_end(s, n, i);
        if (e) {
            *b = i + 1;
            break;
        }
    }
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\n' || s[*a] == '\t' || s[*a] == '\r'))
        (*a)++;
}

/* Copy s[a..b) with whitespace runs collapsed and invalid UTF-8 replaced
 * by '?', at most max bytes, cut on a character boundary. */
static void ex_collapse(const char *s, size_t n, size_t a, size_t b, char *out, size_t max)
{
    size_t k = 0;
    int sp = 0;
    for (size_t i = a; i < b && i < n;) {
        size_t len;
        uint32_t cp = ex_cp(s, n, i, &len);
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0) {
            sp = 1;
            i += len;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            cp = ' ';
        if (sp && k > 0) {
            if (k + 1 >= max)
                break;
            out[k++] = ' ';
        }
        sp = 0;
        if (cp == 0xFFFD && len == 1) {
            if (k + 1 >= max)
                break;
            out[k++] = '?';
        } else if (cp == ' ') {
            if (k + 1 >= max)
                break;
            out[k++] = ' ';
        } else {
            if (k + len >= max)
                break;
            memcpy(out + k, s + i, len);
            k += len;
        }
        i += len;
    }
    out[k] = '\0';
}

/* ---------- countries ---------- */

typedef struct ex_country {
    const char *w;
    const char *code;
} ex_country;

static const ex_country ex_countries[] = {{"European Union", "EUU"},
                                          {"EU", "EUU"},
                                          {"European", "EUU"},
                                          {"Central Asian", "XCA"},
                                          {"Central Asia", "XCA"},
                                          {"Belgium-Luxembourg", "BLX"},
                                          {"Belgium", "BEL"},
                                          {"Belgian", "BEL"},
                                          {"Luxembourgish", "LUX"},
                                          {"Luxembourger", "LUX"},
                                          {"Luxembourg", "LUX"},
                                          {"Luxemburg", "LUX"},
                                          {"Kazakhstani", "KAZ"},
                                          {"Kazakhstan", "KAZ"},
                                          {"Kazakh", "KAZ"},
                                          {"Uzbekistan", "UZB"},
                                          {"Uzbek", "UZB"},
                                          {"Turkmenistan", "TKM"},
                                          {"Turkmen", "TKM"},
                                          {"Kyrgyzstan", "KGZ"},
                                          {"Kyrgyz", "KGZ"},
                                          {"Kirghizia", "KGZ"},
                                          {"Kyrgyz Republic", "KGZ"},
                                          {"Tajikistan", "TJK"},
                                          {"Tajik", "TJK"},
                                          {"Russian Federation", "RUS"},
                                          {"Russia", "RUS"},
                                          {"Russian", "RUS"},
                                          {"China", "CHN"},
                                          {"Chinese", "CHN"},
                                          {"Germany", "DEU"},
                                          {"German", "DEU"},
                                          {"France", "FRA"},
                                          {"French", "FRA"},
                                          {"Netherlands", "NLD"},
                                          {"Dutch", "NLD"},
                                          {"United Kingdom", "GBR"},
                                          {"UK", "GBR"},
                                          {"British", "GBR"},
                                          {"United States", "USA"},
                                          {"US", "USA"},
                                          {"USA", "USA"},
                                          {"American", "USA"},
                                          {"Turkey", "TUR"},
                                          {"Turkish", "TUR"},
                                          {"Azerbaijan", "AZE"},
                                          {"Azerbaijani", "AZE"},
                                          {"Georgia", "GEO"},
                                          {"Georgian", "GEO"},
                                          {"Italy", "ITA"},
                                          {"Italian", "ITA"},
                                          {"Spain", "ESP"},
                                          {"Spanish", "ESP"},
                                          {"Poland", "POL"},
                                          {"Polish", "POL"},
                                          {"Japan", "JPN"},
                                          {"Japanese", "JPN"},
                                          {"India", "IND"},
                                          {"Indian", "IND"},
                                          {"Iran", "IRN"},
                                          {"Iranian", "IRN"},
                                          {"Afghanistan", "AFG"},
                                          {"Afghan", "AFG"},
                                          {"Ukraine", "UKR"},
                                          {"Ukrainian", "UKR"},
                                          {"Belarus", "BLR"},
                                          {"Belarusian", "BLR"},
                                          {"Lithuania", "LTU"},
                                          {"Lithuanian", "LTU"},
                                          {"Mongolia", "MNG"},
                                          {"Mongolian", "MNG"},
                                          {"Austria", "AUT"},
                                          {"Austrian", "AUT"},
                                          {"Switzerland", "CHE"},
                                          {"Swiss", "CHE"},
                                          {"South Korea", "KOR"},
                                          {"Korea", "KOR"},
                                          {"Korean", "KOR"},
                                          {"Pakistan", "PAK"},
                                          {"Armenia", "ARM"},
                                          {"Armenian", "ARM"},
                                          {"Finland", "FIN"},
                                          {"Finnish", "FIN"},
                                          {"Sweden", "SWE"},
                                          {"Swedish", "SWE"},
                                          {"Denmark", "DNK"},
                                          {"Danish", "DNK"},
                                          {"Norway", "NOR"},
                                          {"Norwegian", "NOR"},
                                          {"Czech Republic", "CZE"},
                                          {"Czech", "CZE"},
                                          {"Hungary", "HUN"},
                                          {"Hungarian", "HUN"},
                                          {"Romania", "ROU"},
                                          {"Romanian", "ROU"},
                                          {"Bulgaria", "BGR"},
                                          {"Greece", "GRC"},
                                          {"Greek", "GRC"},
                                          {"Portugal", "PRT"},
                                          {"Ireland", "IRL"},
                                          {"Irish", "IRL"},
                                          {"Latvia", "LVA"},
                                          {"Estonia", "EST"},
                                          {"Slovakia", "SVK"},
                                          {"Slovenia", "SVN"},
                                          {"Croatia", "HRV"},
                                          {"Canada", "CAN"},
                                          {"Canadian", "CAN"},
                                          {NULL, NULL}};

const char *extract_country_at(const char *s, size_t n, size_t p, size_t *len)
{
    if (p >= n || !ex_isupper((unsigned char)s[p]))
        return NULL;
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (const ex_country *c = ex_countries; c->w; c++) {
        size_t k = ex_word_cs(s, n, p, c->w);
        if (k) {
            /* "EU-Kazakhstan", "US$" are not the country alone */
            if (k == 2 && p + 2 < n && (s[p + 2] == '$'))
                continue;
            *len = k;
            if (p + k + 1 < n && s[p + k] == '\'' && s[p + k + 1] == 's')
                *len = k + 2;
            else if (p + k + 3 < n && (unsigned char)s[p + k] == 0xE2 &&
                     (unsigned char)s[p + k + 1] == 0x80 && (unsigned char)s[p + k + 2] == 0x99 &&
                     s[p + k + 3] == 's')
                *len = k + 4;
            return c->code;
        }
    }
    /* any ISO name from the library's table (single words and names) */
    size_t e = p;
    while (e < n && (ex_isalpha((unsigned char)s[e])))
        e++;
    size_t wl = e - p;
    if (wl < 4 || wl > 40)
        return NULL;
    for (size_t i = 0;; i++) {
        const trade_country *c = trade_country_at(i);
        if (!c)
            break;
        if (c->aggregate)
            continue;
        size_t cl = strlen(c->name);
        if (cl >= wl && p + cl <= n && memcmp(s + p, c->name, cl) == 0 &&
            (p + cl == n || !ex_isalpha((unsigned char)s[p + cl]))) {
            *len = cl;
            return c->alpha3;
        }
    }
    return NULL;
}

/* ---------- periods ---------- */

typedef struct ex_time {
    size_t a, b;
    int base; /* "an increase on 2018": the year compared with, not the figure's */
    char text[40];
} ex_time;

static int ex_year_at(const char *s, size_t n, size_t p, int *year)
{
    if (p + 4 > n)
        return 0;
    for (int i = 0; i < 4; i++)
        if (!ex_isdigit((unsigned char)s[p + i]))
            return 0;
    if (p > 0 && (ex_isdigit((unsigned char)s[p - 1]) || ex_isalpha((unsigned char)s[p - 1]) ||
                  s[p - 1] == ',' || s[p - 1] == '.' || s[p - 1] == '$'))
        return 0;
    if (p + 4 < n && (ex_isdigit((unsigned char)s[p + 4]) || ex_isalpha((unsigned char)s[p + 4])))
        return 0;
    if (p + 5 < n && (s[p + 4] == ',' || s[p + 4] == '.') && ex_isdigit((unsigned char)s[p + 5]))
        return 0;
    int y = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
    if (y < 1900 || y > 2100)
        return 0;
    *year = y;
    return 1;
}

static int ex_small_word(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const w[] = {"one",   "two",   "three", "four", "five",   "six",
                                    "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
    for (int i = 0; i < 12; i++) {
        size_t k = extract_word(s, n, p, w[i]);
        if (k) {
            *len = k;
            return i + 1;
        }
    }
    if (p < n && ex_isdigit((unsigned char)s[p])) {
        int v = 0;
        size_t q = p;
        while (q < n && ex_isdigit((unsigned char)s[q]) && q - p < 3)
            v = v * 10 + (s[q++] - '0');
        *len = q - p;
        return v;
    }
    return 0;
}

/* Time expressions in s[a..b). */
static size_t ex_times(const char *s, size_t n, size_t a, size_t b, ex_time *t, size_t max)
{
    size_t nt = 0;
    size_t dp = a; /* parentheses depth is kept up to dp */
    int depth = 0;
    for (size_t p = a; p < b && nt < max; p++) {
        int y;
        if (!ex_year_at(s, n, p, &y))
            continue;
        for (; dp < p; dp++) {
            if (s[dp] == '(')
                depth++;
            else if (s[dp] == ')' && depth > 0)
                depth--;
        }
        if (depth > 0)
            continue;
        ex_time *e = &t[nt];
        e->a = p;
        e->b = p + 4;
        e->base = 0;
        {
            size_t w0;
            size_t we = ex_prev_word(s, n, p, &w0);
            if (we > w0 && (extract_word(s, n, w0, "on") == we - w0 ||
                            extract_word(s, n, w0, "than") == we - w0 ||
                            extract_word(s, n, w0, "against") == we - w0 ||
                            extract_word(s, n, w0, "versus") == we - w0 ||
                            extract_word(s, n, w0, "vs") == we - w0 ||
                            extract_word(s, n, w0, "vs.") == we - w0))
                e->base = 1;
            /* "than in 2010", "compared with 2010" before a figure's own year */
            if (we > w0 && extract_word(s, n, w0, "in") == we - w0) {
                size_t v0;
                size_t ve = ex_prev_word(s, n, w0, &v0);
                if (ve > v0 && extract_word(s, n, v0, "than") == ve - v0)
                    e->base = 1;
            }
        }
        snprintf(e->text, sizeof e->text, "%04d", y);
        /* interval Y1-Y2, Y1/Y2, Y1–Y2 */
        size_t q = p + 4;
        size_t dl = 0;
        if (q < b && (s[q] == '-' || s[q] == '/'))
            dl = 1;
        else if (q + 3 <= b && (unsigned char)s[q] == 0xE2 && (unsigned char)s[q + 1] == 0x80 &&
                 ((unsigned char)s[q + 2] == 0x93 || (unsigned char)s[q + 2] == 0x94))
            dl = 3;
        if (dl) {
            int y2;
            size_t r = q + dl;
            if (ex_year_at(s, n, r, &y2) && y2 > y) {
                snprintf(e->text, sizeof e->text, "%04d/%04d", y, y2);
                e->b = r + 4;
            } else if (r + 2 <= n && ex_isdigit((unsigned char)s[r]) &&
                       ex_isdigit((unsigned char)s[r + 1]) &&
                       (r + 2 == n || !ex_isdigit((unsigned char)s[r + 2]))) {
                int yy = (y / 100) * 100 + (s[r] - '0') * 10 + (s[r + 1] - '0');
                if (yy > y) {
                    snprintf(e->text, sizeof e->text, "%04d/%04d", y, yy);
                    e->b = r + 2;
                }
            }
        } else {
            /* "between 2015 and 2020", "from 2015 to 2020" */
            size_t r = ex_skip_sp(s, n, q, 1);
            size_t k = extract_word(s, n, r, "and");
            if (!k)
                k = extract_word(s, n, r, "to");
            if (k) {
                size_t r2 = ex_skip_sp(s, n, r + k, 1);
                int y2;
                size_t w0;
                size_t we = ex_prev_word(s, n, p, &w0);
                int between = (we > w0 && (extract_word(s, n, w0, "between") == we - w0 ||
                                           (k == 2 && extract_word(s, n, w0, "from") == we - w0)));
                if (between && ex_year_at(s, n, r2, &y2) && y2 > y) {
                    snprintf(e->text, sizeof e->text, "%04d/%04d", y, y2);
                    e->a = w0;
                    e->b = r2 + 4;
                }
            }
        }
        /* "the first ten months of 2012", "first half of", "first quarter of" */
        {
            size_t w0;
            size_t we = ex_prev_word(s, n, p, &w0);
            if (we > w0 && extract_word(s, n, w0, "of") == we - w0) {
                size_t m0;
                size_t me = ex_prev_word(s, n, w0, &m0);
                size_t f0, fe;
                if (me > m0 && (extract_word(s, n, m0, "months") == me - m0 ||
                                extract_word(s, n, m0, "month") == me - m0)) {
                    fe = ex_prev_word(s, n, m0, &f0);
                    size_t kk;
                    int months = 0;
                    size_t num0 = f0;
                    if (fe > f0)
                        months = ex_small_word(s, n, f0, &kk);
                    if (!months) {
                        /* digits: "first 10 months" */
                        size_t d = ex_skip_sp_back(s, n, m0, 0);
                        size_t d0 = d;
                        while (d0 > 0 && ex_isdigit((unsigned char)s[d0 - 1]))
                            d0--;
                        if (d0 < d)
                            months = ex_small_word(s, n, d0, &kk), num0 = d0;
                    }
                    size_t g0;
                    size_t ge = ex_prev_word(s, n, num0, &g0);
                    if (months >= 1 && months <= 12 && ge > g0 &&
                        extract_word(s, n, g0, "first") == ge - g0) {
                        if (months == 12)
                            snprintf(e->text, sizeof e->text, "%04d", y);
                        else if (months == 1)
                            snprintf(e->text, sizeof e->text, "%04d-01", y);
                        else
                            snprintf(e->text, sizeof e->text, "%04d-01/%04d-%02d", y, y, months);
                        e->a = g0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "half") == me - m0) {
                    fe = ex_prev_word(s, n, m0, &f0);
                    if (fe > f0 && extract_word(s, n, f0, "first") == fe - f0) {
                        snprintf(e->text, sizeof e->text, "%04d-01/%04d-06", y, y);
                        e->a = f0;
                    } else if (fe > f0 && extract_word(s, n, f0, "second") == fe - f0) {
                        snprintf(e->text, sizeof e->text, "%04d-07/%04d-12", y, y);
                        e->a = f0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "quarter") == me - m0) {
                    fe = ex_prev_word(s, n, m0, &f0);
                    static const char *const ord[] = {"first", "second", "third", "fourth"};
                    for (int qn = 0; qn < 4; qn++)
                        if (fe > f0 && extract_word(s, n, f0, ord[qn]) == fe - f0) {
                            snprintf(e->text, sizeof e->text, "%04d-Q%d", y, qn + 1);
                            e->a = f0;
                        }
                }
            } else if (we >= w0 + 2 && (s[w0] == 'Q' || s[w0] == 'H') && we - w0 == 2 &&
                       s[w0 + 1] >= '1' && s[w0 + 1] <= '4') {
                if (s[w0] == 'Q')
                    snprintf(e->text, sizeof e->text, "%04d-Q%c", y, s[w0 + 1]);
                else if (s[w0 + 1] == '1')
                    snprintf(e->text, sizeof e->text, "%04d-01/%04d-06", y, y);
                else if (s[w0 + 1] == '2')
                    snprintf(e->text, sizeof e->text, "%04d-07/%04d-12", y, y);
                e->a = w0;
            } else {
                /* "January-October 2012", "January to October 2012", "March 2010" */
                size_t ml;
                size_t sp = ex_skip_sp_back(s, n, p, 0);
                size_t m1s = sp;
                while (m1s > 0 && ex_isalpha((unsigned char)s[m1s - 1]))
                    m1s--;
                int m2 = ex_is_month(s, n, m1s, &ml);
                if (m2 && m1s + ml == sp) {
                    /* a day before the month means a date: not a period */
                    size_t d = ex_skip_sp_back(s, n, m1s, 0);
                    int date = d > 0 && ex_isdigit((unsigned char)s[d - 1]);
                    size_t sep = ex_skip_sp_back(s, n, m1s, 0);
                    int m1 = 0;
                    size_t m0s = 0;
                    if (sep > 0 &&
                        (s[sep - 1] == '-' || (sep >= 3 && (unsigned char)s[sep - 3] == 0xE2))) {
                        size_t x = sep - 1;
                        if (s[x] != '-')
                            x = sep - 3;
                        size_t y0 = ex_skip_sp_back(s, n, x, 0);
                        m0s = y0;
                        while (m0s > 0 && ex_isalpha((unsigned char)s[m0s - 1]))
                            m0s--;
                        size_t l0;
                        m1 = ex_is_month(s, n, m0s, &l0);
                        if (m1 && m0s + l0 != y0)
                            m1 = 0;
                    } else {
                        size_t t0;
                        size_t te = ex_prev_word(s, n, m1s, &t0);
                        if (te > t0 && extract_word(s, n, t0, "to") == te - t0) {
                            size_t y0 = ex_skip_sp_back(s, n, t0, 0);
                            m0s = y0;
                            while (m0s > 0 && ex_isalpha((unsigned char)s[m0s - 1]))
                                m0s--;
                            size_t l0;
                            m1 = ex_is_month(s, n, m0s, &l0);
                            if (m1 && m0s + l0 != y0)
                                m1 = 0;
                        }
                    }
                    if (m1 && m1 < m2) {
                        snprintf(e->text, sizeof e->text, "%04d-%02d/%04d-%02d", y, m1, y, m2);
                        e->a = m0s;
                    } else if (!date) {
                        snprintf(e->text, sizeof e->text, "%04d-%02d", y, m2);
                        e->a = m1s;
                    } else {
                        continue; /* a date: 23 September 2025 */
                    }
                }
            }
        }
        /* "2030s" is a decade, not a year */
        if (e->b < n && s[e->b] == 's')
            continue;
        p = e->b - 1;
        nt++;
    }
    return nt;
}

/* ---------- qualifiers ---------- */

static int ex_ends_with_word(const char *s, size_t n, size_t a, size_t e, const char *w)
{
    size_t l = strlen(w);
    if (e < a + l)
        return 0;
    size_t st = e - l;
    if (extract_word(s, n, st, w) != l && !(extract_word(s, n, st, w) == 0 && 0))
        return 0;
    return st == a || !ex_isalpha((unsigned char)s[st - 1]);
}

static const char *ex_qualifier(const char *s, size_t n, size_t sent_a, size_t lo, size_t start,
                                size_t end)
{
    /* the phrase just before the figure */
    size_t e = ex_skip_sp_back(s, n, start, 1);
    size_t a = e > 60 ? e - 60 : 0;
    if (a < sent_a)
        a = sent_a;
    if (a < lo)
        a = lo;
    static const ex_pat near[] = {{"more than", 2},
                                  {"over", 2},
                                  {"above", 2},
                                  {"exceeding", 2},
                                  {"exceeds", 2},
                                  {"exceeded", 2},
                                  {"exceed", 2},
                                  {"at least", 2},
                                  {"in excess of", 2},
                                  {"upwards of", 2},
                                  {"nearly", 1},
                                  {"almost", 1},
                                  {"about", 1},
                                  {"around", 1},
                                  {"approximately", 1},
                                  {"some", 1},
                                  {"roughly", 1},
                                  {"circa", 1},
                                  {"ca.", 1},
                                  {"close to", 1},
                                  {"nearing", 1},
                                  {"an estimated", 4},
                                  {"estimated", 4},
                                  {"up to", 3},
                                  {"less than", 3},
                                  {"under", 3},
                                  {"below", 3},
                                  {"at most", 3},
                                  {"no more than", 3},
                                  {"fewer than", 3},
                                  {"just under", 3},
                                  {"just over", 2},
                                  {"~", 1},
                                  {NULL, 0}};
    int kind = 0;
    /* skip "of", "to", "at", "a total of", "worth" between word and number */
    size_t e2 = e;
    for (int it = 0; it < 3; it++) {
        size_t w0;
        size_t we = ex_prev_word(s, n, e2, &w0);
        if (we > w0 &&
            (extract_word(s, n, w0, "of") == we - w0 || extract_word(s, n, w0, "to") == we - w0 ||
             extract_word(s, n, w0, "by") == we - w0 || extract_word(s, n, w0, "at") == we - w0 ||
             extract_word(s, n, w0, "only") == we - w0 ||
             extract_word(s, n, w0, "just") == we - w0))
            e2 = w0;
        else
            break;
    }
    e2 = ex_skip_sp_back(s, n, e2, 1);
    for (int pass = 0; pass < 2 && !kind; pass++) {
        size_t ee = pass == 0 ? e : e2;
        for (const ex_pat *q = near; q->w; q++) {
            if (strcmp(q->w, "~") == 0) {
                if (ee > a && s[ee - 1] == '~')
                    kind = 1;
                continue;
            }
            if (ex_ends_with_word(s, n, a, ee, q->w)) {
                kind = q->val;
                break;
            }
        }
    }
    /* projection words in the clause before */
    static const char *const proj[] = {
        "expected",  "expects", "planned",   "plans",       "plan",  "projected", "forecast",
        "forecasts", "target",  "targets",   "will",        "aims",  "aim",       "goal",
        "on course", "set to",  "scheduled", "anticipated", "would", NULL};
    size_t pa = start > 90 ? start - 90 : 0;
    if (pa < sent_a)
        pa = sent_a;
    if (pa < lo)
        pa = lo;
    for (size_t i = pa; i < start; i++) {
        if (i > pa && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        for (size_t j = 0; proj[j]; j++)
            if (extract_word(s, n, i, proj[j]))
                return "projection";
    }
    /* "... is planned", "... expected by 2025" in the clause after */
    {
        static const char *const after_proj[] = {"planned",  "expected",  "projected",
                                                 "forecast", "envisaged", "foreseen",
                                                 "targeted", "budgeted",  NULL};
        size_t lim = end + 40 < n ? end + 40 : n;
        for (size_t i = end; i < lim; i++) {
            if (s[i] == ',' || s[i] == ';' || s[i] == '(' || ex_sentence_end(s, n, i))
                break;
            if (i > end && ex_isalpha((unsigned char)s[i - 1]))
                continue;
            for (size_t j = 0; after_proj[j]; j++)
                if (extract_word(s, n, i, after_proj[j]))
                    return "projection";
            if (extract_word(s, n, i, "estimated"))
                return "estimate";
        }
    }
    /* "(estimated)", "(est.)", "(forecast)" right after */
    size_t q = ex_skip_sp(s, n, end, 0);
    if (q < n && s[q] == '(') {
        if (extract_word(s, n, q + 1, "estimated") || extract_word(s, n, q + 1, "est") ||
            extract_word(s, n, q + 1, "estimate"))
            return "estimate";
        if (extract_word(s, n, q + 1, "forecast") || extract_word(s, n, q + 1, "projected") ||
            extract_word(s, n, q + 1, "target"))
            return "projection";
    }
    switch (kind) {
    case 1:
        return "approx";
    case 2:
        return "lower_bound";
    case 3:
        return "upper_bound";
    case 4:
        return "estimate";
    default:
        return "";
    }
}

/* ---------- growth or share ---------- */

static int ex_any_word(const char *s, size_t n, size_t a, size_t b, const char *const *words)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && (ex_isalpha((unsigned char)s[i - 1])))
            continue;
        for (size_t j = 0; words[j]; j++) {
            size_t k = extract_word(s, n, i, words[j]);
            if (k && i + k <= b + 20)
                return (int)j + 1;
        }
    }
    return 0;
}

static const char *const ex_up_words[] = {
    "increased", "increase", "increases", "increasing", "grew",   "grow",     "grown",
    "growth",    "grows",    "growing",   "rose",       "rise",   "risen",    "rises",
    "rising",    "climbed",  "jumped",    "surged",     "soared", "expanded", "gained",
    "up",        "higher",   "boosted",   "added",      "more",   NULL};
static const char *const ex_down_words[] = {
    "fell",       "fall",     "fallen",    "falling",   "falls",    "declined",
    "decline",    "declines", "declining", "decreased", "decrease", "decreases",
    "dropped",    "drop",     "drops",     "down",      "plunged",  "slumped",
    "contracted", "shrank",   "lost",      "lower",     "slid",     "less",
    "tumbled",    "eased",    "reduced",   "reduction", NULL};

/* Decide percent or percent_change (and the sign) for a percent figure. */
static void ex_classify_percent(const char *s, size_t n, size_t sent_a, size_t lo, ex_raw *r)
{
    size_t start = r->num_start;
    int change = 0, neg = 0;
    if (r->sign_change) {
        change = 1;
        neg = r->sign_change < 0;
    }
    size_t w0;
    size_t e = r->start;
    /* skip qualifier words back to the verb: "by about 5%" */
    size_t we = ex_prev_word(s, n, e, &w0);
    for (int it = 0; it < 3 && we > w0; it++) {
        if (extract_word(s, n, w0, "about") == we - w0 ||
            extract_word(s, n, w0, "nearly") == we - w0 ||
            extract_word(s, n, w0, "almost") == we - w0 ||
            extract_word(s, n, w0, "over") == we - w0 ||
            extract_word(s, n, w0, "some") == we - w0 ||
            extract_word(s, n, w0, "around") == we - w0 ||
            extract_word(s, n, w0, "roughly") == we - w0 ||
            extract_word(s, n, w0, "than") == we - w0 ||
            extract_word(s, n, w0, "more") == we - w0 ||
            extract_word(s, n, w0, "approximately") == we - w0 ||
            extract_word(s, n, w0, "another") == we - w0 ||
            extract_word(s, n, w0, "a") == we - w0 || extract_word(s, n, w0, "an") == we - w0 ||
            extract_word(s, n, w0, "of") == we - w0 ||
            extract_word(s, n, w0, "further") == we - w0 ||
            extract_word(s, n, w0, "just") == we - w0)
            we = ex_prev_word(s, n, w0, &w0);
        else
            break;
    }
    size_t after = ex_skip_sp(s, n, r->end, 1);
    int followed_of = extract_word(s, n, after, "of") != 0;
    size_t wa = start > 70 ? start - 70 : 0;
    if (wa < sent_a)
        wa = sent_a;
    if (wa < lo)
        wa = lo;
    if (!change && we > w0 &&
        (extract_word(s, n, w0, "to") == we - w0 || extract_word(s, n, w0, "from") == we - w0 ||
         extract_word(s, n, w0, "at") == we - w0)) {
        /* "fell to 8.8 %", "from 10 % to 15 %", "stood at 5 %": a level */
        memcpy(r->f.unit, "percent", 8);
        return;
    }
    if (!change) {
        if (we > w0 && extract_word(s, n, w0, "by") == we - w0) {
            change = 1;
        } else if (we > w0 && (extract_word(s, n, w0, "share") == we - w0)) {
            change = 0;
        } else if (!followed_of) {
            size_t ae = after + 40 < n ? after + 40 : n;
            static const char *const after_w[] = {
                "year-on-year",  "y-o-y",     "yoy",  "growth", "increase",        "rise",
                "decline",       "decrease",  "drop", "fall",   "higher",          "lower",
                "more than",     "less than", "up",   "down",   "on the previous", "compared",
                "annual growth", "jump",      "gain", NULL};
            /* the few words right after the figure */
            size_t k;
            size_t p2 = after;
            for (int it = 0; it < 2 && p2 < ae; it++) {
                for (size_t j = 0; after_w[j]; j++)
                    if ((k = extract_word(s, n, p2, after_w[j])) != 0) {
                        change = 1;
                        if (j == 7 || j == 8 || j == 9 || j == 11 || j == 15)
                            neg = 1;
                        break;
                    }
                if (change)
                    break;
                while (p2 < ae && ex_isalpha((unsigned char)s[p2]))
                    p2++;
                p2 = ex_skip_sp(s, n, p2, 1);
                if (p2 < n && (s[p2] == ',' || s[p2] == '('))
                    break;
            }
            if (!change) {
                int up = ex_any_word(s, n, wa, start, ex_up_words);
                int down = ex_any_word(s, n, wa, start, ex_down_words);
                /* a verb of change in the clause and no "share"/"of" */
                static const char *const share_w[] = {"share",     "stake",      "accounts",
                                                      "accounted", "account",    "proportion",
                                                      "portion",   "percentage", NULL};
                if ((up || down) && !ex_any_word(s, n, wa, start, share_w)) {
                    change = 1;
                    if (down && !up)
                        neg = 1;
                }
            }
        }
    }
    if (change && !neg && !r->sign_change) {
        /* "fell by 5%": the verb before "by" */
        if (ex_any_word(s, n, wa, start, ex_down_words) &&
            !ex_any_word(s, n, wa, start, ex_up_words))
            neg = 1;
    }
    memcpy(r->f.unit, change ? "percent_change" : "percent", change ? 15 : 8);
    if (neg && r->f.value > 0)
        r->f.value = -r->f.value;
}

/* ---------- reporter, partner, flow ---------- */

/* Find "<A> [services] exports to <B>", "imports from", "trade between A
 * and B", "trade with B", "investment(s) in B" in s[a..b). The keyword
 * nearest before the figure wins; "of <adj> exports" right after it too. */
static void ex_flow(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r)
{
    size_t best = (size_t)-1;
    const char *flow = NULL;
    size_t kw_a = 0, kw_b = 0;
    int services = 0;
    size_t lim_after = r->end + 40 < sb ? r->end + 40 : sb;
    size_t from = r->start > sa + 300 ? r->start - 300 : sa; /* the nearest keyword only */
    for (size_t i = from; i < lim_after; i++) {
        if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        size_t k;
        const char *fl = NULL;
        if ((k = extract_word(s, n, i, "exports")) || (k = extract_word(s, n, i, "export")) ||
            (k = extract_word(s, n, i, "exported")))
            fl = "export";
        else if ((k = extract_word(s, n, i, "imports")) || (k = extract_word(s, n, i, "import")) ||
                 (k = extract_word(s, n, i, "imported")))
            fl = "import";
        else if ((k = extract_word(s, n, i, "trade")))
            fl = "trade";
        else if ((k = extract_word(s, n, i, "investments")) ||
                 (k = extract_word(s, n, i, "investment")))
            fl = "investment_stock";
        if (!fl)
            continue;
        /* "Yamal Trade": a capitalised keyword inside a sentence is a name */
        if (i > sa && ex_isupper((unsigned char)s[i]))
            continue;
        if (i >= r->start && i < r->end)
            continue;
        if (i >= r->end) {
            /* only "of [Belgian] exports" right after the figure */
            size_t p = ex_skip_sp(s, n, r->end, 1);
            size_t o = extract_word(s, n, p, "of");
            if (!o)
                continue;
            p = ex_skip_sp(s, n, p + o, 1);
            size_t cl;
            if (extract_country_at(s, n, p, &cl))
                p = ex_skip_sp(s, n, p + cl, 1);
            if (p != i)
                continue;
            best = i;
            flow = fl;
            kw_a = i;
            kw_b = i + k;
            break;
        }
        best = i;
        flow = fl;
        kw_a = i;
        kw_b = i + k;
    }
    if (!flow)
        return;
    (void)best;
    /* services */
    size_t w0;
    size_t we = ex_prev_word(s, n, kw_a, &w0);
    size_t rep_end = kw_a;
    if (we > w0 && (extract_word(s, n, w0, "services") == we - w0 ||
                    extract_word(s, n, w0, "service") == we - w0)) {
        services = 1;
        rep_end = w0;
    }
    if (strcmp(flow, "trade") == 0 && we > w0 &&
        (extract_word(s, n, w0, "foreign") == we - w0 ||
         extract_word(s, n, w0, "goods") == we - w0 ||
         extract_word(s, n, w0, "bilateral") == we - w0))
        rep_end = w0;
    /* reporter: a country name or adjective right before */
    size_t b0 = ex_skip_sp_back(s, n, rep_end, 1);
    for (size_t back = 0; back < 40 && b0 > back; back++) {
        size_t p = b0 - back - 1;
        if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
            continue;
        size_t cl;
        const char *c = extract_country_at(s, n, p, &cl);
        if (c && p + cl <= b0 + 1 && p + cl >= b0 - 1) {
            snprintf(r->f.reporter, sizeof r->f.reporter, "%s", c);
            break;
        }
        if (!c && back > 0 && ex_isalpha((unsigned char)s[p]))
            break; /* another word in between */
    }
    /* partner */
    size_t p = ex_skip_sp(s, n, kw_b, 1);
    const char *pw[] = {"to", "from", "with", "between", "in", "into", NULL};
    size_t k = 0;
    int which = -1;
    for (int j = 0; pw[j]; j++)
        if ((k = extract_word(s, n, p, pw[j])) != 0) {
            which = j;
            break;
        }
    if (which >= 0) {
        p = ex_skip_sp(s, n, p + k, 1);
        size_t t = extract_word(s, n, p, "the");
        if (t)
            p = ex_skip_sp(s, n, p + t, 1);
        size_t cl;
        const char *c = extract_country_at(s, n, p, &cl);
        int ok = (strcmp(flow, "export") == 0 && (which == 0)) ||
                 (strcmp(flow, "import") == 0 && (which == 1)) ||
                 (strcmp(flow, "trade") == 0 && (which == 2 || which == 3)) ||
                 (strcmp(flow, "investment_stock") == 0 && (which == 4 || which == 5));
        if (c && ok) {
            if (which == 3) {
                snprintf(r->f.reporter, sizeof r->f.reporter, "%s", c);
                size_t q = ex_skip_sp(s, n, p + cl, 1);
                size_t an = extract_word(s, n, q, "and");
                if (an) {
                    q = ex_skip_sp(s, n, q + an, 1);
                    size_t t2 = extract_word(s, n, q, "the");
                    if (t2)
                        q = ex_skip_sp(s, n, q + t2, 1);
                    size_t cl2;
                    const char *c2 = extract_country_at(s, n, q, &cl2);
                    if (c2)
                        snprintf(r->f.partner, sizeof r->f.partner, "%s", c2);
                }
            } else {
                /* "the Kazakh economy" is Kazakhstan too */
                snprintf(r->f.partner, sizeof r->f.partner, "%s", c);
            }
        }
    }
    /* "€2 million for Uzbekistan": a country right after the figure */
    {
        size_t q = ex_skip_sp(s, n, r->end, 1);
        size_t f = extract_word(s, n, q, "for");
        if (!f)
            f = extract_word(s, n, q, "to");
        if (f) {
            q = ex_skip_sp(s, n, q + f, 1);
            size_t cl;
            const char *c = extract_country_at(s, n, q, &cl);
            if (c && (strcmp(flow, "export") == 0 || strcmp(flow, "import") == 0))
                snprintf(r->f.partner, sizeof r->f.partner, "%s", c);
        }
    }
    if (services && strcmp(flow, "export") == 0)
        flow = "services_export";
    else if (services && strcmp(flow, "import") == 0)
        flow = "services_import";
    else if (services && strcmp(flow, "trade") == 0)
        flow = "services_trade";
    if (strcmp(flow, "investment_stock") == 0 && !r->f.partner[0]) {
        r->f.reporter[0] = '\0';
        return;
    }
    if (strcmp(r->f.reporter, r->f.partner) == 0 && r->f.reporter[0])
        r->f.partner[0] = '\0';
    snprintf(r->f.flow, sizeof r->f.flow, "%s", flow);
}

/* ---------- number words ---------- */

typedef struct ex_wordnum {
    const char *w;
    int v;
} ex_wordnum;

static const ex_wordnum ex_numwords[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {NULL, 0}};

static int ex_numword_at(const char *s, size_t n, size_t p, size_t *len)
{
    for (const ex_wordnum *w = ex_numwords; w->w; w++) {
        size_t k = extract_word(s, n, p, w->w);
        if (k) {
            *len = k;
            return w->v;
        }
    }
    return -1;
}

/* ---------- the scanner ---------- */

typedef struct ex_state {
    ex_scan *sc;
    ex_raw *raw;
    size_t nraw, capraw;
} ex_state;

static int ex_add_raw(ex_state *st, const ex_raw *r)
{
    if (st->nraw == st->capraw) {
        size_t nc = st->capraw ? st->capraw * 2 : 32;
        if (nc > SIZE_MAX / sizeof *st->raw)
            return TRADE_ENOMEM;
        ex_raw *nr = realloc(st->raw, nc * sizeof *nr);
        if (!nr)
            return TRADE_ENOMEM;
        st->raw = nr;
        st->capraw = nc;
    }
    st->raw[st->nraw++] = *r;
    return 0;
}

/* Is p inside a URL or an e-mail address? Marked in skip beforehand. */
static void ex_mark_urls(ex_scan *sc)
{
    const char *s = sc->s;
    size_t n = sc->n;
    for (size_t i = 0; i < n; i++) {
        int url = 0;
        if ((extract_word(s, n, i, "http") || extract_word(s, n, i, "https")) && i + 8 < n &&
            (memcmp(s + i, "http://", 7) == 0 || memcmp(s + i, "https://", 8) == 0))
            url = 1;
        else if (i + 4 < n && (i == 0 || !ex_isalpha((unsigned char)s[i - 1])) &&
                 ex_lower((unsigned char)s[i]) == 'w' && ex_lower((unsigned char)s[i + 1]) == 'w' &&
                 ex_lower((unsigned char)s[i + 2]) == 'w' && s[i + 3] == '.')
            url = 1;
        else if (s[i] == '@' && i > 0 && ex_isalpha((unsigned char)s[i - 1])) {
            size_t a = i;
            while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n' && s[a - 1] != '\t')
                a--;
            for (size_t j = a; j < i; j++)
                sc->skip[j] = 2;
            url = 1;
        }
        if (!url)
            continue;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' &&
               s[j] != '"' && s[j] != '<' && s[j] != '>') {
            if (!sc->skip[j])
                sc->skip[j] = 2;
            j++;
        }
        i = j;
    }
}

/* After a number, a run of letters glued on it: skip the token. */
static size_t ex_skip_token(const char *s, size_t n, size_t p)
{
    while (p < n && (ex_isalpha((unsigned char)s[p]) || ex_isdigit((unsigned char)s[p]) ||
                     s[p] == '.' || s[p] == ',' || s[p] == '-' || s[p] == '/' || s[p] == ':'))
        p++;
    return p;
}

/* One figure starting with a digit at p. Returns the offset to go on from. */
static size_t ex_digit_figure(ex_state *st, size_t p)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    ex_raw r;
    memset(&r, 0, sizeof r);
    size_t pst;
    uint32_t prev = ex_prev_cp(s, n, p, &pst);
    int sign = 0;
    size_t sign_pos = p;
    /* what is glued on the left */
    if (prev == '-' || prev == 0x2212 || prev == '+' || prev == 0x2013) {
        size_t pp;
        uint32_t before = ex_prev_cp(s, n, pst, &pp);
        if (before == ' ' || before == '(' || before == 0 || before == '\n' || before == '\t' ||
            before == '[') {
            if (prev == 0x2013 && before == ' ')
                sign = 0; /* "2010 – 2012" */
            else
                sign = (prev == '+') ? 1 : -1;
            sign_pos = pst;
        } else {
            return ex_skip_token(s, n, p); /* COVID-19, 2014-2015, 5-5644 */
        }
    } else if (prev != 0 && prev != ' ' && prev != '\n' && prev != '\t' && prev != '\r' &&
               prev != '(' && prev != '[' && prev != '"' && prev != '\'' && prev != 0x20AC &&
               prev != '$' && prev != 0xA3 && prev != 0xA0 && prev != 0x202F && prev != 0x2009 &&
               prev != 0x201C && prev != 0x2018 && prev != 0x20BD && prev != 0x20B8 &&
               prev != '~' && prev != 0xAB && prev != '*' && prev != ':' && prev != 0x2014) {
        /* glued on a letter, '.', ')' ...: a footnote mark or part of a name;
         * but "EUR5m" and "USD87.3bn" are money */
        char code[4];
        if (!(pst >= 2 && ex_code_at(s, n, pst - 2, code) && pst - 2 + 3 == p))
            return ex_skip_token(s, n, p);
    }
    if (prev == ':') {
        /* "Casier, 2013: 124", "ratio: 5" with no space: skip */
        return ex_skip_token(s, n, p);
    }
    ex_number num;
    extract_number_parse(s, n, p, &num);
    if (num.ok && num.end + 4 <= n && s[num.end] == ' ' && num.ndigits <= 3 && !num.decimals) {
        /* "USD 500 000", "1 200 tonnes": spaces as thousands separators,
         * only where money or a unit makes it plain */
        ex_number n2;
        ex_number_parse_sp(s, n, p, &n2, 1);
        if (n2.ok && n2.end > num.end) {
            char c2[4];
            ex_raw rr;
            memset(&rr, 0, sizeof rr);
            int e10, scl;
            int money = ex_cur_before(s, n, p, c2) != (size_t)-1;
            ex_suffix(s, n, n2.end, money, 1, &rr, &e10, &scl);
            if (money || rr.f.unit[0] || rr.is_percent)
                num = n2;
        }
    }
    size_t e = num.end;
    if (!num.ok)
        return ex_skip_token(s, n, p);
    /* what is glued on the right */
    if (e < n && s[e] == ':' && e + 1 < n && ex_isdigit((unsigned char)s[e + 1]))
        return ex_skip_token(s, n, p); /* a time */
    if (e < n && s[e] == '/' && e + 1 < n && ex_isdigit((unsigned char)s[e + 1]))
        return ex_skip_token(s, n, p); /* a date or a fraction */
    if (e + 1 < n && (s[e] == '.' || s[e] == ',') && ex_isdigit((unsigned char)s[e + 1]))
        return ex_skip_token(s, n, p);
    int ordinal = 0;
    if (e + 2 <= n && (extract_word(s, n, e, "st") || extract_word(s, n, e, "nd") ||
                       extract_word(s, n, e, "rd") || extract_word(s, n, e, "th")))
        ordinal = 1;
    if (ordinal) {
        size_t q2 = e + 2;
        if (q2 < n && (s[q2] == '-' || s[q2] == ' '))
            q2++;
        int ranked = extract_word(s, n, q2, "largest") || extract_word(s, n, q2, "biggest") ||
                     extract_word(s, n, q2, "busiest") || extract_word(s, n, q2, "leading") ||
                     extract_word(s, n, q2, "place");
        if (num.decimals || !(ranked || ex_rank_context(s, n, p)))
            return e + 2;
        r.f.value = 0;
        if (extract_number_value(&num, 0, 0, &r.f.value) != 0)
            return e + 2;
        memcpy(r.f.unit, "rank", 5);
        r.f.precision = 1;
        r.start = p;
        r.end = e + 2;
        r.num_start = p;
        if (ex_add_raw(st, &r))
            sc->status = TRADE_ENOMEM;
        return e + 2;
    }
    /* "5-fold", "20-year", "3D", "5G" */
    size_t sfx = e; /* where the words after the number start */
    size_t hk;
    if (e + 1 < n && s[e] == '-' && ex_scale_at(s, n, e + 1, 0, &hk))
        sfx = e + 1; /* "a EUR 10-million loan" */
    if (sfx == e && e < n && s[e] == '-' && e + 1 < n && ex_isalpha((unsigned char)s[e + 1])) {
        size_t k = extract_word(s, n, e + 1, "fold");
        if (k) {
            double v;
            if (extract_number_value(&num, 0, 0, &v) == 0 && v > 1 && v < 1e6) {
                r.f.value = (v - 1) * 100;
                memcpy(r.f.unit, "percent_change", 15);
                r.f.precision = 100;
                r.start = p;
                r.end = e + 1 + k;
                r.num_start = p;
                if (ex_add_raw(st, &r))
                    sc->status = TRADE_ENOMEM;
            }
            return e + 1 + k;
        }
        return ex_skip_token(s, n, e);
    }
    if (e < n && (s[e] == '-' || (unsigned char)s[e] == 0xE2)) {
        /* a range: "2014-2015" and "1-5" are no figures; "EUR 2-3 million"
         * and "5-6%" are two, the bounds of the range */
        size_t q = e + (s[e] == '-' ? 1 : 3);
        if ((s[e] == '-' ||
             ((unsigned char)s[e] == 0xE2 && e + 2 < n && (unsigned char)s[e + 1] == 0x80 &&
              ((unsigned char)s[e + 2] == 0x93))) &&
            q < n && ex_isdigit((unsigned char)s[q])) {
            ex_number n2;
            extract_number_parse(s, n, q, &n2);
            int y1, y2;
            if (!n2.ok || (ex_year_at(s, n, p, &y1) && ex_year_at(s, n, q, &y2)) ||
                (n2.end < n &&
                 (ex_isalpha((unsigned char)s[n2.end]) &&
                  !ex_scale_at(s, n, n2.end, 1, &(size_t){0}) && !ex_word_cs(s, n, n2.end, "t"))))
                return q;
            char c1[4] = "";
            size_t cs = ex_cur_before(s, n, p, c1);
            ex_raw r1, r2;
            memset(&r1, 0, sizeof r1);
            memset(&r2, 0, sizeof r2);
            if (cs != (size_t)-1)
                memcpy(r2.f.unit, c1, 4);
            int e10 = 0, scl = 0;
            size_t end2 = ex_suffix(s, n, n2.end, cs != (size_t)-1, 1, &r2, &e10, &scl);
            if (!(r2.f.unit[0] || r2.is_percent) || sign)
                return q;
            r1.f = r2.f;
            r1.is_percent = r2.is_percent;
            if (extract_number_value(&num, e10, 0, &r1.f.value) != 0 ||
                extract_number_value(&n2, e10, 0, &r2.f.value) != 0)
                return end2;
            r1.f.precision = ex_precision(&num, e10, scl);
            r2.f.precision = ex_precision(&n2, e10, scl);
            memcpy(r1.f.qualifier, "lower_bound", 12);
            memcpy(r2.f.qualifier, "upper_bound", 12);
            r1.start = cs != (size_t)-1 ? cs : p;
            r1.end = e;
            r1.num_start = p;
            r2.start = q;
            r2.end = end2;
            r2.num_start = q;
            r2.range_end = 1;
            if (ex_add_raw(st, &r1) || ex_add_raw(st, &r2))
                sc->status = TRADE_ENOMEM;
            return end2;
        }
    }
    /* the currency before */
    char code[4] = "";
    size_t cur_start = ex_cur_before(s, n, sign != 0 ? sign_pos : p, code);
    int money_before = cur_start != (size_t)-1;
    int exp10 = 0, scaled = 0;
    int glued_ok = 1;
    r.start = money_before ? cur_start : p; /* a sign stays out of as_written */
    r.num_start = p;
    if (money_before)
        memcpy(r.f.unit, code, 4);
    if (sfx == e && e < n && ex_isalpha((unsigned char)s[e])) {
        /* letters glued: allowed suffixes only */
        size_t k;
        int sc_e = ex_scale_at(s, n, e, 1, &k);
        int unit_ok = ex_word_cs(s, n, e, "t") || ex_word_cs(s, n, e, "Mt") ||
                      ex_word_cs(s, n, e, "km") || ex_word_cs(s, n, e, "kg") ||
                      ex_word_cs(s, n, e, "ha") || ex_word_cs(s, n, e, "MW") ||
                      ex_word_cs(s, n, e, "GW") || ex_word_cs(s, n, e, "bcm") ||
                      ex_word_cs(s, n, e, "pp") || extract_word(s, n, e, "bn") ||
                      ex_code_at(s, n, e, code) || (e + 1 < n && s[e] == 'm' && (s[e + 1] == '3'));
        if (!sc_e && !unit_ok && !(e + 2 < n && s[e] == 'm' && (unsigned char)s[e + 1] == 0xC2))
            return ex_skip_token(s, n, e);
        if (sc_e && !money_before) {
            /* 5m alone (no currency): metres or months; accept only with a currency after */
            char c2[4];
            size_t q = ex_skip_sp(s, n, e + k, 1);
            if (!ex_cur_after(s, n, q, c2) && sc_e != 9 &&
                !(sc_e == 6 && extract_word(s, n, e, "mln")))
                return ex_skip_token(s, n, e);
        }
    }
    size_t end = ex_suffix(s, n, sfx, money_before, glued_ok, &r, &exp10, &scaled);
    if (money_before && !scaled && end == e) {
        /* "between EUR 2 and 3 billion", "$3 to $4 billion": the scale of
         * the other bound */
        size_t q = ex_skip_sp(s, n, end, 1);
        size_t k = extract_word(s, n, q, "and");
        if (!k)
            k = extract_word(s, n, q, "to");
        if (k) {
            q = ex_skip_sp(s, n, q + k, 1);
            char c3[4];
            size_t ck = ex_cur_after(s, n, q, c3);
            if (!ck && q < n && s[q] == '$')
                ck = 1;
            else if (!ck && q + 3 <= n && (unsigned char)s[q] == 0xE2 &&
                     (unsigned char)s[q + 1] == 0x82)
                ck = 3;
            if (ck)
                q = ex_skip_sp(s, n, q + ck, 0);
            if (q < n && ex_isdigit((unsigned char)s[q])) {
                ex_number n3;
                extract_number_parse(s, n, q, &n3);
                size_t k3;
                size_t q3 = ex_skip_sp(s, n, n3.end, 1);
                int e3 = n3.ok ? ex_scale_at(s, n, n3.end, 1, &k3) : 0;
                if (!e3 && n3.ok)
                    e3 = ex_scale_at(s, n, q3, 1, &k3);
                if (e3) {
                    exp10 = e3;
                    scaled = 1;
                }
            }
        }
    }
    int has_unit = r.f.unit[0] != '\0' || r.is_percent;
    r.end = end;
    /* dates: "23 September", "September 23" */
    if (!has_unit) {
        size_t q = ex_skip_sp(s, n, e, 0);
        if (ex_is_month(s, n, q, NULL))
            return e;
        size_t w0;
        size_t we = ex_prev_word(s, n, p, &w0);
        if (we > w0 && ex_is_month(s, n, w0, NULL) && !num.grouped && num.decimals == 0 &&
            num.ndigits <= 2)
            return e;
    }
    if (!has_unit && (scaled || (num.grouped && !num.decimals)) && st->nraw > 0) {
        /* "from EUR 940,000 in 2002 to 1.2 million": the unit of the
         * figure before, in the same sentence */
        const ex_raw *pr = &st->raw[st->nraw - 1];
        int same = pr->end <= p && p - pr->end < 160 &&
                   (trade_unit_is_currency(pr->f.unit) || strcmp(pr->f.unit, "t") == 0 ||
                    strcmp(pr->f.unit, "m3") == 0);
        for (size_t q = pr->end; same && q < p; q++)
            if (ex_sentence_end(s, n, q) || s[q] == ';' || s[q] == '(')
                same = 0;
        size_t nx = ex_skip_sp(s, n, scaled ? end : e, 0);
        /* "to 1.2 million people" is not money */
        if (same && nx < n && ex_isalpha((unsigned char)s[nx]) && !extract_word(s, n, nx, "in") &&
            !extract_word(s, n, nx, "and") && !extract_word(s, n, nx, "by") &&
            !extract_word(s, n, nx, "for") && !extract_word(s, n, nx, "a") &&
            !extract_word(s, n, nx, "per") && !extract_word(s, n, nx, "last") &&
            !extract_word(s, n, nx, "this") && !extract_word(s, n, nx, "the") &&
            !extract_word(s, n, nx, "or") && !extract_word(s, n, nx, "from") &&
            !extract_word(s, n, nx, "during") && !extract_word(s, n, nx, "over"))
            same = 0;
        if (same) {
            snprintf(r.f.unit, sizeof r.f.unit, "%s", pr->f.unit);
            has_unit = 1;
            r.end = scaled ? end : e;
        }
    }
    if (!has_unit) {
        /* a bare number: a year, a reference, or a count */
        if (sc->opt && sc->opt->no_counts)
            return e;
        if (num.decimals || sign)
            return e;
        int y;
        if (!scaled && !num.grouped && ex_year_at(s, n, p, &y))
            return e;
        size_t w0;
        size_t we = ex_prev_word(s, n, p, &w0);
        if (we > w0 && ex_ref_word(s, n, w0, we))
            return e;
        /* a count needs a word after it on the same line */
        size_t q = ex_skip_sp(s, n, scaled ? end : e, 0);
        if (q >= n || !ex_isalpha((unsigned char)s[q]))
            return scaled ? end : e;
        if (extract_word(s, n, q, "per") || extract_word(s, n, q, "times") ||
            extract_word(s, n, q, "and") || extract_word(s, n, q, "or") ||
            extract_word(s, n, q, "to") || extract_word(s, n, q, "a") ||
            extract_word(s, n, q, "on") || extract_word(s, n, q, "in") ||
            extract_word(s, n, q, "at") || extract_word(s, n, q, "pm") ||
            extract_word(s, n, q, "am") || extract_word(s, n, q, "p.m") ||
            extract_word(s, n, q, "a.m") || extract_word(s, n, q, "hours") ||
            extract_word(s, n, q, "h"))
            return scaled ? end : e;
        {
            /* a run of numbers (a telephone number, a list of codes) */
            size_t b = ex_skip_sp_back(s, n, p, 0);
            if (b > 0 && b < p && ex_isdigit((unsigned char)s[b - 1]))
                return e;
        }
        /* at the start of a line: a footnote or a numbered item */
        size_t ls = p;
        while (ls > 0 && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
            ls--;
        if (ls == 0 || s[ls - 1] == '\n')
            return e;
        if (num.ndigits == 1 && num.digits[0] == '0')
            return e;
        memcpy(r.f.unit, "count", 6);
        if (!scaled)
            r.end = e;
    }
    if (extract_number_value(&num, exp10, 0, &r.f.value) != 0)
        return end > e ? end : e;
    r.f.precision = ex_precision(&num, exp10, scaled);
    if (sign && r.is_percent)
        r.sign_change = sign;
    else if (sign < 0)
        r.f.value = -r.f.value;
    if (ex_add_raw(st, &r))
        sc->status = TRADE_ENOMEM;
    return r.end > e ? r.end : e;
}

/* Numbers written as words at p (a word start). */
static size_t ex_word_figure(ex_state *st, size_t p)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    size_t q = p;
    unsigned long long total = 0, cur = 0;
    int words = 0;
    int last_scale = 0;
    int any_scale = 0;
    size_t last_end = p;
    int only_one = 1;
    for (int it = 0; it < 12; it++) {
        size_t k;
        int v;
        size_t sk;
        if (words == 0 && ((k = extract_word(s, n, q, "a")) || (k = extract_word(s, n, q, "an")))) {
            size_t q2 = ex_skip_sp(s, n, q + k, 1);
            size_t k2;
            if (extract_word(s, n, q2, "hundred") || ex_scale_at(s, n, q2, 0, &k2) == 3 ||
                extract_word(s, n, q2, "million") || extract_word(s, n, q2, "billion") ||
                extract_word(s, n, q2, "trillion") || extract_word(s, n, q2, "dozen")) {
                cur = 1;
                words++;
                only_one = 0;
                q = q2;
                continue;
            }
            return p + k;
        }
        if ((v = ex_numword_at(s, n, q, &k)) >= 0) {
            if (words > 0 && cur % 10 != 0 && cur >= 1 && cur < 100 && v < 100 && last_end == q)
                break;
            /* forty-five */
            size_t q2 = q + k;
            if (v >= 20 && v % 10 == 0 && q2 + 1 < n && s[q2] == '-') {
                size_t k2;
                int v2 = ex_numword_at(s, n, q2 + 1, &k2);
                if (v2 >= 1 && v2 <= 9) {
                    v += v2;
                    q2 += 1 + k2;
                }
            }
            if (q2 < n && s[q2] == '-')
                return q2; /* "one-time", "two-thirds" */
            if (v != 1)
                only_one = 0;
            cur += (unsigned long long)v;
            words++;
            last_scale = 0;
            last_end = q2;
            q = ex_skip_sp(s, n, q2, 1);
            continue;
        }
        if (words > 0 && (k = extract_word(s, n, q, "hundred"))) {
            if (cur == 0)
                cur = 1;
            cur *= 100;
            last_scale = 2;
            last_end = q + k;
            words++;
            q = ex_skip_sp(s, n, q + k, 1);
            continue;
        }
        if (words > 0 && (k = extract_word(s, n, q, "dozen"))) {
            if (cur == 0)
                cur = 1;
            cur *= 12;
            last_end = q + k;
            words++;
            q = ex_skip_sp(s, n, q + k, 1);
            continue;
        }
        if (words > 0) {
            int e = 0;
            if ((k = extract_word(s, n, q, "thousand")))
                e = 3;
            else if ((k = extract_word(s, n, q, "million")))
                e = 6;
            else if ((k = extract_word(s, n, q, "billion")))
                e = 9;
            else if ((k = extract_word(s, n, q, "trillion")))
                e = 12;
            (void)sk;
            if (e) {
                if (cur == 0)
                    cur = 1;
                unsigned long long m = 1;
                for (int i = 0; i < e; i++)
                    m *= 10;
                if (cur > 999999ULL)
                    return q + k;
                total += cur * m;
                cur = 0;
                last_scale = e;
                any_scale = 1;
                only_one = 0;
                last_end = q + k;
                words++;
                q = ex_skip_sp(s, n, q + k, 1);
                continue;
            }
            if ((k = extract_word(s, n, q, "and"))) {
                size_t q2 = ex_skip_sp(s, n, q + k, 1);
                size_t k2;
                if (ex_numword_at(s, n, q2, &k2) >= 0 && any_scale + (last_scale == 2) > 0) {
                    q = q2;
                    continue;
                }
            }
        }
        break;
    }
    if (words == 0)
        return p + 1;
    unsigned long long value = total + cur;
    if (total > 1000000000000000ULL)
        return last_end;
    ex_raw r;
    memset(&r, 0, sizeof r);
    r.start = p;
    r.num_start = p;
    int exp10 = 0, scaled = 0;
    size_t end = ex_suffix(s, n, last_end, 0, 0, &r, &exp10, &scaled);
    int has_unit = r.f.unit[0] || r.is_percent;
    if (!has_unit) {
        /* a count: needs a scale or a value of 2 or more and a noun after */
        if (sc->opt && sc->opt->no_counts)
            return last_end;
        if (only_one || value < 2)
            return last_end;
        size_t q2 = ex_skip_sp(s, n, last_end, 0);
        if (q2 >= n || !ex_isalpha((unsigned char)s[q2]) || extract_word(s, n, q2, "of") ||
            extract_word(s, n, q2, "times") || extract_word(s, n, q2, "and") ||
            extract_word(s, n, q2, "or") || extract_word(s, n, q2, "to") ||
            extract_word(s, n, q2, "years") || extract_word(s, n, q2, "year") ||
            extract_word(s, n, q2, "months") || extract_word(s, n, q2, "days") ||
            extract_word(s, n, q2, "weeks") || extract_word(s, n, q2, "decades") ||
            extract_word(s, n, q2, "sides") || extract_word(s, n, q2, "hours"))
            return last_end;
        memcpy(r.f.unit, "count", 6);
        end = last_end;
    }
    double v = (double)value;
    for (int i = 0; i < exp10; i++)
        v *= 10;
    r.f.value = v;
    /* precision: the trailing zeros of the spoken number */
    {
        unsigned long long t = value;
        int tz = 0;
        while (t >= 10 && t % 10 == 0) {
            t /= 10;
            tz++;
        }
        (void)last_scale;
        r.f.precision = extract_pow10(tz + exp10);
    }
    r.end = end;
    if (ex_add_raw(st, &r))
        sc->status = TRADE_ENOMEM;
    return end;
}

/* "half a million tonnes", "half a billion dollars". */
static size_t ex_half_figure(ex_state *st, size_t p)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    size_t k = extract_word(s, n, p, "half");
    if (!k)
        return 0;
    size_t q = ex_skip_sp(s, n, p + k, 1);
    size_t a = extract_word(s, n, q, "a");
    if (!a)
        return 0;
    q = ex_skip_sp(s, n, q + a, 1);
    int e = 0;
    size_t k2;
    if ((k2 = extract_word(s, n, q, "million")))
        e = 6;
    else if ((k2 = extract_word(s, n, q, "billion")))
        e = 9;
    else if ((k2 = extract_word(s, n, q, "trillion")))
        e = 12;
    if (!e)
        return 0;
    ex_raw r;
    memset(&r, 0, sizeof r);
    r.start = p;
    r.num_start = p;
    int exp10 = 0, scaled = 0;
    size_t end = ex_suffix(s, n, q + k2, 0, 0, &r, &exp10, &scaled);
    if (!r.f.unit[0] || r.is_percent)
        return q + k2;
    r.f.value = 5 * extract_pow10(e - 1 + exp10);
    r.f.precision = extract_pow10(e - 1 + exp10);
    r.end = end;
    if (ex_add_raw(st, &r))
        sc->status = TRADE_ENOMEM;
    return end;
}

/* Growth words: doubled, tripled, quadrupled, halved, sixfold. */
static size_t ex_growth_word(ex_state *st, size_t p)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    static const ex_pat gw[] = {
        {"doubled", 100},     {"doubling", 100}, {"doubles", 100}, {"tripled", 200},
        {"tripling", 200},    {"triples", 200},  {"trebled", 200}, {"quadrupled", 300},
        {"quadrupling", 300}, {"halved", -50},   {"twofold", 100}, {"threefold", 200},
        {"fourfold", 300},    {"fivefold", 400}, {"sixfold", 500}, {"sevenfold", 600},
        {"eightfold", 700},   {"ninefold", 800}, {"tenfold", 900}, {NULL, 0}};
    for (const ex_pat *g = gw; g->w; g++) {
        size_t k = extract_word(s, n, p, g->w);
        if (!k)
            continue;
        ex_raw r;
        memset(&r, 0, sizeof r);
        r.start = p;
        r.end = p + k;
        r.num_start = p;
        r.f.value = g->val;
        r.f.precision = 1;
        memcpy(r.f.unit, "percent_change", 15);
        memcpy(r.f.qualifier, "approx", 7);
        if (ex_add_raw(st, &r))
            sc->status = TRADE_ENOMEM;
        return p + k;
    }
    return 0;
}

/* Ordinal words before "largest", "biggest": a rank. */
static size_t ex_ordinal_rank(ex_state *st, size_t p)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    static const char *const ord[] = {"second",  "third",  "fourth", "fifth", "sixth",
                                      "seventh", "eighth", "ninth",  "tenth", NULL};
    for (int i = 0; ord[i]; i++) {
        size_t k = extract_word(s, n, p, ord[i]);
        if (!k)
            continue;
        size_t q = p + k;
        if (q < n && (s[q] == '-' || s[q] == ' '))
            q++;
        if (extract_word(s, n, q, "largest") || extract_word(s, n, q, "biggest") ||
            extract_word(s, n, q, "most") || extract_word(s, n, q, "busiest") ||
            extract_word(s, n, q, "leading") || extract_word(s, n, q, "highest") ||
            extract_word(s, n, q, "place")) {
            ex_raw r;
            memset(&r, 0, sizeof r);
            r.start = p;
            r.end = p + k;
            r.num_start = p;
            r.f.value = i + 2;
            r.f.precision = 1;
            memcpy(r.f.unit, "rank", 5);
            if (ex_add_raw(st, &r))
                sc->status = TRADE_ENOMEM;
        }
        return p + k;
    }
    return 0;
}

static void ex_prose(ex_state *st)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    size_t p = 0;
    while (p < n && sc->status == 0) {
        if (sc->skip[p]) {
            p++;
            continue;
        }
        unsigned char c = (unsigned char)s[p];
        if (ex_isdigit(c)) {
            size_t q = ex_digit_figure(st, p);
            p = q > p ? q : p + 1;
            continue;
        }
        if (ex_isalpha(c) && ex_word_start(s, p)) {
            size_t q = 0;
            unsigned char lc = (unsigned char)ex_lower(c);
            if (lc == 'd' || lc == 't' || lc == 'q' || lc == 'h' || lc == 'f' || lc == 's' ||
                lc == 'e' || lc == 'n')
                q = ex_growth_word(st, p);
            if (!q && lc == 'h')
                q = ex_half_figure(st, p);
            if (!q)
                q = ex_ordinal_rank(st, p);
            if (!q && ex_isalpha(c)) {
                size_t k;
                if (ex_numword_at(s, n, p, &k) >= 0 || extract_word(s, n, p, "a") ||
                    extract_word(s, n, p, "an"))
                    q = ex_word_figure(st, p);
            }
            if (q > p) {
                p = q;
                continue;
            }
            while (p < n && ex_isalpha((unsigned char)s[p]))
                p++;
            continue;
        }
        p++;
    }
}

/* The second pass: sentence, qualifier, period, reporter, partner, flow. */
static int ex_finish(ex_state *st)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    ex_time times[256];
    char ctx[EX_CONTEXT_MAX + 8];
    size_t sent_a = 1, sent_b = 0, nt = 0; /* the last sentence, reused by its figures */
    for (size_t i = 0; i < st->nraw; i++) {
        ex_raw *r = &st->raw[i];
        size_t a, b;
        if (r->start >= sent_a && r->end <= sent_b) {
            a = sent_a;
            b = sent_b;
        } else {
            ex_sentence(sc, r->start, &a, &b);
            if (b < r->end)
                b = r->end;
            nt = ex_times(s, n, a, b, times, sizeof times / sizeof times[0]);
            sent_a = a;
            sent_b = b;
        }
        size_t lo = i > 0 && st->raw[i - 1].end > a && st->raw[i - 1].end <= r->start
                        ? st->raw[i - 1].end
                        : a;
        if (r->is_percent && r->range_end && i > 0) {
            /* "5-6 %": the kind and sign of the lower bound */
            const ex_raw *lb = &st->raw[i - 1];
            snprintf(r->f.unit, sizeof r->f.unit, "%s", lb->f.unit);
            if (lb->f.value < 0 && r->f.value > 0)
                r->f.value = -r->f.value;
        } else if (r->is_percent) {
            ex_classify_percent(s, n, a, lo, r);
            /* "grew 15 percent, imports 7 percent": the list goes on */
            if (strcmp(r->f.unit, "percent") == 0 && i > 0 && !r->sign_change) {
                const ex_raw *pv = &st->raw[i - 1];
                size_t after = ex_skip_sp(s, n, r->end, 1);
                int share = extract_word(s, n, after, "of") != 0;
                if (!share && strcmp(pv->f.unit, "percent_change") == 0 && pv->end <= r->start &&
                    r->start - pv->end < 25 && pv->end >= a) {
                    int plain = 1;
                    for (size_t q = pv->end; q < r->start; q++)
                        if (ex_isdigit((unsigned char)s[q]) || s[q] == '.' || s[q] == ';')
                            plain = 0;
                    if (plain) {
                        memcpy(r->f.unit, "percent_change", 15);
                        if (pv->f.value < 0 && r->f.value > 0)
                            r->f.value = -r->f.value;
                    }
                }
            }
        }
        if (!r->f.qualifier[0])
            snprintf(r->f.qualifier, sizeof r->f.qualifier, "%s",
                     ex_qualifier(s, n, a, lo, r->start, r->end));
        /* period */
        size_t next = (i + 1 < st->nraw && st->raw[i + 1].start < b) ? st->raw[i + 1].start : b;
        const ex_time *pick = NULL;
        for (size_t t = 0; t < nt && !pick; t++) {
            if (times[t].base ||
                !(times[t].a >= r->end && times[t].a < next && times[t].a < r->end + 70))
                continue;
            /* right after the figure, in the same clause */
            int clause = 1;
            for (size_t q = r->end; q < times[t].a; q++)
                if (s[q] == ',' || s[q] == ';' || s[q] == '(' || s[q] == ':')
                    clause = 0;
            if (clause)
                pick = &times[t];
            break;
        }
        for (size_t t = nt; t > 0 && !pick; t--)
            if (times[t - 1].b <= r->start && !times[t - 1].base)
                pick = &times[t - 1];
        for (size_t t = 0; t < nt && !pick; t++)
            if (times[t].a >= r->end && !times[t].base)
                pick = &times[t];
        if (pick)
            snprintf(r->f.period, sizeof r->f.period, "%s", pick->text);
        {
            /* "(2021: EUR 9.6 million)": the year written just before */
            size_t q = ex_skip_sp_back(s, n, r->start, 0);
            int y;
            if (q >= 5 && s[q - 1] == ':' && ex_year_at(s, n, q - 5, &y))
                snprintf(r->f.period, sizeof r->f.period, "%04d", y);
        }
        ex_flow(s, n, a, b, r);
        /* context: the sentence, a window around the figure if long */
        size_t ca = a, cb = b;
        if (cb - ca > EX_CONTEXT_MAX) {
            if (r->start > ca + 120)
                ca = r->start - 120;
            while (ca < cb && (((unsigned char)s[ca]) & 0xC0) == 0x80)
                ca++;
        }
        ex_collapse(s, n, ca, cb, ctx, EX_CONTEXT_MAX + 1);
        if (extract_push(sc, &r->f, r->start, r->end, ctx, "", ""))
            return TRADE_ENOMEM;
    }
    return 0;
}

static int ex_cmp_fig(const void *x, const void *y)
{
    const trade_figure *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

int trade_extract_text(const char *text, size_t len, const trade_extract_options *opt,
                       trade_figure_list **out, trade_error *err)
{
    if (!out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no output list");
    *out = NULL;
    if (!text && len > 0)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no text");
    trade_figure_list *l = calloc(1, sizeof *l);
    if (!l)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
    ex_scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = text ? text : "";
    sc.n = len;
    sc.out = l;
    sc.opt = opt;
    size_t nl = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            nl++;
    sc.line_start = malloc(nl * sizeof *sc.line_start);
    sc.skip = calloc(len + 1, 1);
    ex_state st;
    memset(&st, 0, sizeof st);
    st.sc = &sc;
    int rc = 0;
    if (!sc.line_start || !sc.skip) {
        rc = TRADE_ENOMEM;
        goto done;
    }
    sc.line_start[0] = 0;
    sc.nlines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            sc.line_start[sc.nlines++] = i + 1;
    if (!(opt && opt->no_tables))
        extract_tables(&sc, 0);
    ex_mark_urls(&sc);
    ex_prose(&st);
    if (sc.status) {
        rc = sc.status;
        goto done;
    }
    rc = ex_finish(&st);
    if (rc)
        goto done;
    if (!(opt && opt->no_tables)) {
        rc = extract_tables(&sc, 1);
        if (rc)
            goto done;
    }
    if (l->n > 1)
        qsort(l->items, l->n, sizeof *l->items, ex_cmp_fig);
done:
    free(st.raw);
    free(sc.line_start);
    free(sc.skip);
    if (rc) {
        trade_extract_free(l);
        return trade_error_set(err, rc, NULL, 0, 0, "extract: out of memory");
    }
    *out = l;
    return 0;
}

size_t trade_extract_count(const trade_figure_list *l)
{
    return l ? l->n : 0;
}

const trade_figure *trade_extract_at(const trade_figure_list *l, size_t i)
{
    if (!l || i >= l->n)
        return NULL;
    return &l->items[i];
}

void trade_extract_free(trade_figure_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].as_written);
        free(l->items[i].context);
        free(l->items[i].table);
        free(l->items[i].note);
    }
    free(l->items);
    free(l);
}
