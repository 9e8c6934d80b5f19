/* extract.c - figures from the prose of a brief.
 *
 * The scanner and the second pass; the helpers are in extract_number.c
 * (characters and numbers), extract_context.c (sentences, countries,
 * periods), extract_flow.c (qualifier, growth or share, measure, product),
 * extract_who.c (reporter, partner, flow from a sentence), extract_table.c
 * (aligned tables), extract_list.c (the result, conflicts) and
 * extract_against.c (review against a dataset). Calls go one way: the
 * scanner calls table, who, flow and list; table, who and flow call context;
 * context calls number; nothing calls the scanner back.
 *
 * How it works: the text is scanned byte by byte (it may hold any bytes).
 * Tables are read first (extract_table.c) and their lines masked. At every
 * digit that starts a word, the number token is parsed (thousands
 * separators, a decimal comma where unambiguous), then the words around it
 * decide what it is: a currency before or after, a scale word (million, bn,
 * m), a unit (tonnes, cubic metres, TEU), a percent sign or words. Numbers
 * written as words and growth words (doubled, sixfold) are read too. Years,
 * dates, times, footnote marks, page and article numbers, parts of words
 * ("COVID-19") and URLs are skipped. The second pass reads the document's
 * date and sides (date line, title, first paragraph), then gives each
 * figure its sentence, qualifier, period, reporter, partner, flow, measure
 * and product: from its sentence first, else from the sentence before in
 * its paragraph, the figure before or the document, with a note saying
 * which, and a confidence. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf_internal.h"
#include "extract_flow_internal.h"
#include "extract_number_internal.h"
#include "extract_who_internal.h"
#include "trade/codes.h"
#include "trade/number.h"
#include "trade/period.h"

#define EX_CONTEXT_MAX 300

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

/* "27-point-three", "nine-point-two", "1-point-2-5": a decimal said in
 * words, as radio scripts write it. At e, the '-' after the integer part
 * already in num; appends the digits after "point" to num and moves
 * num->end past them. Returns 1 if it read any. */
static int ex_point_digits(const char *s, size_t n, size_t e, ex_number *num)
{
    if (e >= n || s[e] != '-' || num->decimals || num->grouped)
        return 0;
    size_t k = extract_word(s, n, e + 1, "point");
    if (!k || e + 1 + k >= n || s[e + 1 + k] != '-')
        return 0;
    size_t q = e + 2 + k, end = 0;
    size_t nd = num->ndigits;
    int dec = 0;
    for (;;) {
        size_t kw;
        int v = ex_numword_at(s, n, q, &kw);
        if (v < 0 || v > 9 || nd + 1 >= sizeof num->digits)
            break;
        num->digits[nd++] = (char)('0' + v);
        dec++;
        end = q + kw;
        if (end + 1 < n && s[end] == '-' && ex_isalpha((unsigned char)s[end + 1]))
            q = end + 1;
        else
            break;
    }
    if (!dec)
        return 0;
    num->digits[nd] = '\0';
    num->ndigits = nd;
    num->decimals = dec;
    num->end = end;
    return 1;
}

/* ---------- the scanner ---------- */

typedef struct ex_state {
    ex_scan *sc;
    ex_raw *raw;
    size_t nraw, capraw;
} ex_state;

static int ex_add_raw(ex_state *st, const ex_raw *r)
{
    if (ARRAY_GROW(st->raw, st->nraw + 1, st->capraw))
        return TRADE_ENOMEM;
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

/* 1 when the text writes its decimals with a comma ("2,1 times more",
 * "decreased by 2,8%", "360,5 mln dollars": a comma and one or two digits)
 * and never with a point ("17.6 %"). */
static int ex_comma_decimal_text(const char *s, size_t n)
{
    int comma = 0, point = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if ((s[i] != ',' && s[i] != '.') || !ex_isdigit((unsigned char)s[i - 1]) ||
            !ex_isdigit((unsigned char)s[i + 1]))
            continue;
        size_t b = i;
        while (b > 0 && ex_isdigit((unsigned char)s[b - 1]))
            b--;
        if (b > 0 && (s[b - 1] == '.' || s[b - 1] == ',' || ex_isalpha((unsigned char)s[b - 1])))
            continue; /* "04.09.2023", "1,234,5", "A4.5" */
        size_t e = i + 1;
        while (e < n && ex_isdigit((unsigned char)s[e]))
            e++;
        if (e + 1 < n && (s[e] == '.' || s[e] == ',') && ex_isdigit((unsigned char)s[e + 1]))
            continue; /* a date or a grouped number */
        if (e - i - 1 > 2 && s[i] == ',')
            continue; /* "1,234": a thousands group */
        if (s[i] == ',')
            comma++;
        else
            point++;
    }
    return comma > 0 && point == 0;
}

/* In a text with decimal commas, "739,386 mln dollars", "USD 1, 118 bln"
 * and "378 886 mln dollars" are millions and billions with three decimals
 * (the house style of some wires), not thousands of millions: the number
 * at p read that way into *num. 0 if it is not that form. */
static int ex_comma_decimal_scaled(const char *s, size_t n, size_t p, ex_number *num)
{
    size_t q = p;
    while (q < n && ex_isdigit((unsigned char)s[q]))
        q++;
    size_t i1 = q - p;
    if (i1 < 1 || i1 > 3)
        return 0;
    size_t d = q;
    if (d < n && s[d] == ',')
        d++;
    if (d < n && s[d] == ' ')
        d++;
    if (d == q || d + 3 > n)
        return 0;
    for (size_t k = 0; k < 3; k++)
        if (!ex_isdigit((unsigned char)s[d + k]))
            return 0;
    size_t e = d + 3;
    if (e < n && ex_isdigit((unsigned char)s[e]))
        return 0;
    if (e + 1 < n && (s[e] == ',' || s[e] == '.') && ex_isdigit((unsigned char)s[e + 1]))
        return 0;
    size_t w = extract_skip_sp(s, n, e, 0);
    if (!(extract_word(s, n, w, "mln") || extract_word(s, n, w, "bln") ||
          extract_word(s, n, w, "million") || extract_word(s, n, w, "billion")))
        return 0;
    memset(num, 0, sizeof *num);
    memcpy(num->digits, s + p, i1);
    memcpy(num->digits + i1, s + d, 3);
    num->digits[i1 + 3] = '\0';
    num->ndigits = i1 + 3;
    num->decimals = 3;
    num->end = e;
    num->ok = 1;
    return 1;
}

/* 1 when "N times" at [p, after) is growth over a period before: a growth
 * word before it ("a growth rate of", "increased", "grew") or a comparison
 * with a time after it ("times more in comparison to", "times compared
 * to", "times year-on-year"); not "3.8 times as much as" (a ratio of two
 * sides). */
static int ex_ratio_growth(const char *s, size_t n, size_t p, size_t after)
{
    size_t w0;
    size_t we = extract_prev_word(s, n, p, &w0);
    for (int it = 0; it < 4 && we > w0; it++) {
        static const char *const up[] = {"increased", "grew",   "rose",  "growth", "increase",
                                         "jumped",    "surged", "up",    "expanded", NULL};
        for (int j = 0; up[j]; j++)
            if (extract_word(s, n, w0, up[j]) == we - w0)
                return 1;
        static const char *const skip[] = {"of", "by", "rate", "a", "almost", "nearly",
                                           "about", "over", "more", "than", "some", NULL};
        int sk = 0;
        for (int j = 0; skip[j]; j++)
            if (extract_word(s, n, w0, skip[j]) == we - w0)
                sk = 1;
        if (!sk)
            break;
        we = extract_prev_word(s, n, w0, &w0);
    }
    size_t q = extract_skip_sp(s, n, after, 0);
    size_t k;
    if ((k = extract_word(s, n, q, "more")) || (k = extract_word(s, n, q, "higher")) ||
        (k = extract_word(s, n, q, "larger")))
        q = extract_skip_sp(s, n, q + k, 0);
    return extract_word(s, n, q, "in comparison") || extract_word(s, n, q, "compared") ||
           extract_word(s, n, q, "year-on-year") || extract_word(s, n, q, "against the same") ||
           extract_word(s, n, q, "than in") || extract_word(s, n, q, "than the same") ||
           extract_word(s, n, q, "over the same") || extract_word(s, n, q, "from the same");
}

/* After a number, a run of letters glued on it: skip the token. */
static size_t ex_skip_token(const char *s, size_t n, size_t p)
{
    while (p < n && (ex_isalpha((unsigned char)s[p]) || ex_isdigit((unsigned char)s[p]) ||
                     s[p] == '.' || s[p] == ',' || s[p] == '-' || s[p] == '/' || s[p] == ':'))
        p++;
    return p;
}


/* Does the line at ls open with a list mark ("• ", "- ", "* ", "– ")?
 * Returns the offset just past the mark, or 0. */
static size_t ex_list_mark(const char *s, size_t n, size_t ls)
{
    while (ls < n && (s[ls] == ' ' || s[ls] == '\t'))
        ls++;
    if (ls + 1 < n && (s[ls] == '-' || s[ls] == '*') && s[ls + 1] == ' ')
        return ls + 1;
    if (ls + 3 < n && (unsigned char)s[ls] == 0xE2 && (unsigned char)s[ls + 1] == 0x80 &&
        ((unsigned char)s[ls + 2] == 0xA2 || (unsigned char)s[ls + 2] == 0x93))
        return ls + 3;
    return 0;
}

/* The start of the lead-in line of the list whose item holds p: the line
 * ending with ':' right above the run of list lines, or (size_t)-1. */
static size_t ex_list_lead(const char *s, size_t n, size_t p)
{
    size_t ls = p;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    if (!ex_list_mark(s, n, ls))
        return (size_t)-1;
    for (int k = 0; k < 16 && ls > 0; k++) {
        size_t pe = ls - 1; /* the '\n' ending the line above */
        size_t ps = pe;
        while (ps > 0 && s[ps - 1] != '\n')
            ps--;
        if (ex_list_mark(s, n, ps)) {
            ls = ps;
            continue;
        }
        size_t e = pe;
        while (e > ps && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\t'))
            e--;
        return e > ps && s[e - 1] == ':' ? ps : (size_t)-1;
    }
    return (size_t)-1;
}

/* A currency the line at ls names ("in terms of baht value", "(US$
 * million)", "in euros"). */
static int ex_line_currency(const char *s, size_t n, size_t ls, char cc[4])
{
    for (size_t q = ls; q < n && s[q] != '\n'; q++) {
        if (q > ls && (ex_isalpha((unsigned char)s[q - 1]) || ex_isdigit((unsigned char)s[q - 1])))
            continue;
        if (extract_cur_after(s, n, q, cc))
            return 1;
        if (extract_word(s, n, q, "US$") || (s[q] == '$' && q + 1 < n && s[q + 1] == ' ')) {
            memcpy(cc, "USD", 4);
            return 1;
        }
    }
    return 0;
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
    uint32_t prev = extract_prev_cp(s, n, p, &pst);
    int sign = 0;
    size_t sign_pos = p;
    /* what is glued on the left */
    if (prev == '-' || prev == 0x2212 || prev == '+' || prev == 0x2013) {
        size_t pp;
        uint32_t before = extract_prev_cp(s, n, pst, &pp);
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
               prev != '~' && prev != 0xAB && prev != '*' && prev != ':' && prev != 0x2014 &&
               prev != 0xA5 && !(prev == '.' && pst >= 3 && memcmp(s + pst - 3, "NRs", 3) == 0)) {
        /* glued on a letter, '.', ')' ...: a footnote mark or part of a name;
         * but "EUR5m", "USD87.3bn", "SR15.6 billion", "Kes.52 billion" and
         * "R16.1 billion" are money */
        char code[4];
        if (!(pst >= 2 && extract_code_at(s, n, pst - 2, code) && pst - 2 + 3 == p) &&
            extract_cur_before(s, n, p, code) == (size_t)-1)
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
        extract_number_parse_sp(s, n, p, &n2, 1);
        if (n2.ok && n2.end > num.end) {
            char c2[4];
            ex_raw rr;
            memset(&rr, 0, sizeof rr);
            int e10, scl;
            int money = extract_cur_before(s, n, p, c2) != (size_t)-1;
            extract_suffix(s, n, n2.end, money, 1, &rr, &e10, &scl);
            if (money || rr.f.unit[0] || rr.is_percent)
                num = n2;
        }
    }
    if (num.ok && num.end + 2 < n && s[num.end] == ',' && s[num.end + 1] == ' ' &&
        num.ndigits <= 3 && !num.decimals) {
        /* "USD 12, 097.6 million": a comma and a space as the thousands
         * separator, only after a currency */
        ex_number n2;
        char c2[4];
        extract_number_parse_sp(s, n, p, &n2, 2);
        if (n2.ok && n2.end > num.end && extract_cur_before(s, n, p, c2) != (size_t)-1)
            num = n2;
    }
    if (sc->comma_decimal) {
        ex_number n3;
        if (ex_comma_decimal_scaled(s, n, p, &n3))
            num = n3;
    }
    if (num.ok)
        ex_point_digits(s, n, num.end, &num); /* "27-point-three percent" */
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
        if (num.decimals || !(ranked || extract_rank_context(s, n, p)))
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
    if (e + 1 < n && s[e] == '-' && extract_scale_at(s, n, e + 1, 0, &hk))
        sfx = e + 1; /* "a EUR 10-million loan" */
    if (e + 1 < n && s[e] == '-' &&
        (extract_word(s, n, e + 1, "percent") || extract_word(s, n, e + 1, "per-cent")))
        sfx = e + 1; /* "a 6.1-percent decline" */
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
            if (!n2.ok || (extract_year_at(s, n, p, &y1) && extract_year_at(s, n, q, &y2)) ||
                (n2.end < n && (ex_isalpha((unsigned char)s[n2.end]) &&
                                !extract_scale_at(s, n, n2.end, 1, &(size_t){0}) &&
                                !extract_word_cs(s, n, n2.end, "t"))))
                return q;
            char c1[4] = "";
            size_t cs = extract_cur_before(s, n, p, c1);
            ex_raw r1, r2;
            memset(&r1, 0, sizeof r1);
            memset(&r2, 0, sizeof r2);
            if (cs != (size_t)-1)
                memcpy(r2.f.unit, c1, 4);
            int e10 = 0, scl = 0;
            size_t end2 = extract_suffix(s, n, n2.end, cs != (size_t)-1, 1, &r2, &e10, &scl);
            if (!(r2.f.unit[0] || r2.is_percent) || sign)
                return q;
            r1.f = r2.f;
            r1.is_percent = r2.is_percent;
            if (extract_number_value(&num, e10, 0, &r1.f.value) != 0 ||
                extract_number_value(&n2, e10, 0, &r2.f.value) != 0)
                return end2;
            r1.f.precision = extract_precision(&num, e10, scl);
            r2.f.precision = extract_precision(&n2, e10, scl);
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
    size_t cur_start = extract_cur_before(s, n, sign != 0 ? sign_pos : p, code);
    int money_before = cur_start != (size_t)-1;
    if (money_before && !sign && cur_start > 0) {
        /* "-€13 billion": the sign before the currency symbol */
        size_t mp;
        uint32_t m = extract_prev_cp(s, n, cur_start, &mp);
        if (m == '-' || m == 0x2212) {
            size_t bp;
            uint32_t bb = extract_prev_cp(s, n, mp, &bp);
            if (bb == ' ' || bb == '(' || bb == 0 || bb == '\n' || bb == '\t')
                sign = -1;
        }
    }
    int exp10 = 0, scaled = 0;
    int glued_ok = 1;
    r.start = money_before ? cur_start : p; /* a sign stays out of as_written */
    r.num_start = p;
    if (money_before)
        memcpy(r.f.unit, code, 4);
    if (sfx == e && e < n && ex_isalpha((unsigned char)s[e])) {
        /* letters glued: allowed suffixes only */
        size_t k;
        int sc_e = extract_scale_at(s, n, e, 1, &k);
        int unit_ok = extract_word_cs(s, n, e, "t") || extract_word_cs(s, n, e, "Mt") ||
                      extract_word_cs(s, n, e, "km") || extract_word_cs(s, n, e, "kg") ||
                      extract_word_cs(s, n, e, "ha") || extract_word_cs(s, n, e, "MW") ||
                      extract_word_cs(s, n, e, "GW") || extract_word_cs(s, n, e, "bcm") ||
                      extract_word_cs(s, n, e, "pp") || extract_word(s, n, e, "bn") ||
                      extract_word(s, n, e, "pct") || extract_word(s, n, e, "pc") ||
                      extract_code_at(s, n, e, code) ||
                      (e + 1 < n && s[e] == 'm' && (s[e + 1] == '3'));
        if (!sc_e && !unit_ok && !(e + 2 < n && s[e] == 'm' && (unsigned char)s[e + 1] == 0xC2))
            return ex_skip_token(s, n, e);
        if (sc_e && !money_before) {
            /* 5m alone (no currency): metres or months; accept only with a
             * currency, a tonnage or containers after ("1.5mn tonnes",
             * "4.8m teu") */
            char c2[4];
            size_t q = extract_skip_sp(s, n, e + k, 1);
            if (!extract_cur_after(s, n, q, c2) && sc_e != 9 &&
                !(sc_e == 6 && (extract_word(s, n, e, "mln") || extract_word(s, n, e, "mn"))) &&
                !extract_word(s, n, q, "tonnes") && !extract_word(s, n, q, "tons") &&
                !extract_word(s, n, q, "teu") && !extract_word(s, n, q, "teus"))
                return ex_skip_token(s, n, e);
        }
    }
    size_t end = extract_suffix(s, n, sfx, money_before, glued_ok, &r, &exp10, &scaled);
    if (!r.f.unit[0] && scaled && end + 7 < n && s[end] == '-') {
        /* "6.6-billion-U.S.-dollar foreign direct investment" */
        size_t q = end + 1, k = 0;
        if ((k = extract_word_cs(s, n, q, "U.S.")) && q + k < n && s[q + k] == '-')
            q += k + 1;
        else if ((k = extract_word_cs(s, n, q, "US")) && q + k < n && s[q + k] == '-')
            q += k + 1;
        if ((k = extract_word(s, n, q, "dollar")) != 0) {
            memcpy(r.f.unit, "USD", 4);
            end = q + k;
        }
    }
    if (money_before && !scaled && end == e) {
        /* "between EUR 2 and 3 billion", "$3 to $4 billion": the scale of
         * the other bound */
        size_t q = extract_skip_sp(s, n, end, 1);
        size_t k = extract_word(s, n, q, "and");
        if (!k)
            k = extract_word(s, n, q, "to");
        if (k) {
            q = extract_skip_sp(s, n, q + k, 1);
            char c3[4];
            size_t ck = extract_cur_after(s, n, q, c3);
            if (!ck && q < n && s[q] == '$')
                ck = 1;
            else if (!ck && q + 3 <= n && (unsigned char)s[q] == 0xE2 &&
                     (unsigned char)s[q + 1] == 0x82)
                ck = 3;
            if (ck)
                q = extract_skip_sp(s, n, q + ck, 0);
            if (q < n && ex_isdigit((unsigned char)s[q])) {
                ex_number n3;
                extract_number_parse(s, n, q, &n3);
                size_t k3;
                size_t q3 = extract_skip_sp(s, n, n3.end, 1);
                int e3 = n3.ok ? extract_scale_at(s, n, n3.end, 1, &k3) : 0;
                if (!e3 && n3.ok)
                    e3 = extract_scale_at(s, n, q3, 1, &k3);
                if (e3) {
                    exp10 = e3;
                    scaled = 1;
                }
            }
        }
    }
    if (money_before && !scaled && (num.decimals > 0 || num.grouped) && st->nraw > 0) {
        /* "exported $11.28 billion in goods and imported $9.551 worth of
         * goods", "outward direct investment of USD 3,500 billion and inward
         * of USD 2,300": the scale of the money figure just before, in the
         * same sentence and currency (close by for a whole number), when
         * this one alone would be a price */
        const ex_raw *pr = &st->raw[st->nraw - 1];
        int same = pr->end <= p && p - pr->end < (num.decimals > 0 ? 160u : 40u) &&
                   !strcmp(pr->f.unit, r.f.unit);
        for (size_t q = pr->end; same && q < p; q++)
            if (extract_sentence_end(s, n, q) || s[q] == ';' || s[q] == '(')
                same = 0;
        size_t nx = extract_skip_sp(s, n, end, 0);
        if (same && (extract_word(s, n, nx, "per") || extract_word(s, n, nx, "a") ||
                     extract_word(s, n, nx, "an") || extract_word(s, n, nx, "each") ||
                     (nx < n && s[nx] == '/')))
            same = 0;
        if (same) {
            ex_number pn;
            extract_number_parse(s, n, pr->num_start, &pn);
            size_t pk;
            int pe = 0;
            if (pn.ok) {
                pe = extract_scale_at(s, n, pn.end, 1, &pk);
                if (!pe)
                    pe = extract_scale_at(s, n, extract_skip_sp(s, n, pn.end, 0), 1, &pk);
            }
            double v0;
            if (pe >= 6 && extract_number_value(&num, 0, 0, &v0) == 0 &&
                v0 < (num.decimals > 0 ? 1000 : 10000)) {
                exp10 = pe;
                scaled = 1;
            }
        }
    }
    if (r.is_percent) {
        /* "(Jan 2022 = 100%)": the base of an index, not a figure */
        size_t b = extract_skip_sp_back(s, n, p, 0);
        if (b > 0 && s[b - 1] == '=')
            return end;
    }
    int has_unit = r.f.unit[0] != '\0' || r.is_percent;
    if (!has_unit && !scaled && end == e) {
        /* "rose 8.5 and 1.1 percent": the unit of the next number, not
         * "between 8 and 10 percent" (a range) */
        size_t q = extract_skip_sp(s, n, e, 0), w0;
        size_t ak = extract_word(s, n, q, "and");
        size_t we = extract_prev_word(s, n, p, &w0);
        int y0;
        int between = (we > w0 && extract_word(s, n, w0, "between") == we - w0) ||
                      (!num.decimals && extract_year_at(s, n, p, &y0)); /* "2010 and 2015" */
        size_t q2 = ak ? extract_skip_sp(s, n, q + ak, 0) : q;
        if (ak && !between && q2 < n && ex_isdigit((unsigned char)s[q2])) {
            ex_number n2;
            extract_number_parse(s, n, q2, &n2);
            ex_raw r2;
            memset(&r2, 0, sizeof r2);
            int e10 = 0, scl = 0;
            if (n2.ok) {
                extract_suffix(s, n, n2.end, 0, 1, &r2, &e10, &scl);
                if (r2.is_percent) {
                    r.is_percent = 1;
                    has_unit = 1;
                }
            }
        }
    }
    r.end = end;
    /* dates: "23 September", "September 23" */
    if (!has_unit) {
        size_t q = extract_skip_sp(s, n, e, 0);
        if (extract_is_month(s, n, q, NULL))
            return e;
        size_t w0;
        size_t we = extract_prev_word(s, n, p, &w0);
        if (we > w0 && extract_is_month(s, n, w0, NULL) && !num.grouped && num.decimals == 0 &&
            num.ndigits <= 2)
            return e;
    }
    double tail_value = 0, tail_precision = 0;
    if (!has_unit && scaled && !num.decimals && exp10 >= 6) {
        /* "14 billion 765 million dollars": one amount whose currency
         * comes after its last part */
        size_t q = extract_skip_sp(s, n, end, 0);
        ex_number n2;
        if (q < n && ex_isdigit((unsigned char)s[q])) {
            extract_number_parse(s, n, q, &n2);
            size_t k2;
            size_t q2 = extract_skip_sp(s, n, n2.end, 0);
            int e2 = n2.ok && !n2.decimals ? extract_scale_at(s, n, q2, 0, &k2) : 0;
            char c2[4];
            size_t q3 = e2 ? extract_skip_sp(s, n, q2 + k2, 1) : 0;
            size_t ck = e2 ? extract_cur_after(s, n, q3, c2) : 0;
            double v2;
            if (ck && e2 < exp10 && extract_number_value(&n2, e2, 0, &v2) == 0 &&
                v2 < extract_pow10(exp10)) {
                memcpy(r.f.unit, c2, 4);
                has_unit = 1;
                tail_value = v2;
                tail_precision = extract_pow10(e2);
                end = q3 + ck;
                r.end = end;
            }
        }
    }
    if (!has_unit && (scaled || (num.grouped && !num.decimals)) && st->nraw > 0) {
        /* "from EUR 940,000 in 2002 to 1.2 million": the unit of the
         * figure before, in the same sentence */
        const ex_raw *pr = &st->raw[st->nraw - 1];
        int same = pr->end <= p && p - pr->end < 160 &&
                   (trade_unit_is_currency(pr->f.unit) || strcmp(pr->f.unit, "t") == 0 ||
                    strcmp(pr->f.unit, "m3") == 0);
        for (size_t q = pr->end; same && q < p; q++)
            if (extract_sentence_end(s, n, q) || s[q] == ';' || s[q] == '(')
                same = 0;
        size_t nx = extract_skip_sp(s, n, scaled ? end : e, 0);
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
    if (!has_unit && scaled && exp10 >= 6 && st->nraw > 0) {
        /* "$330 billion ... Switzerland - 25.8 billion, France - 16.1
         * billion": the currency of a money figure shortly before (the
         * paragraph before too: "... 74 bn in 2010. || Exports rose from
         * 61 bn"), when the number is followed by a separator */
        size_t nx = extract_skip_sp(s, n, end, 0);
        int sep = nx >= n || s[nx] == ',' || s[nx] == '.' || s[nx] == ';' || s[nx] == ')' ||
                  s[nx] == '\n' || s[nx] == '"' || (unsigned char)s[nx] == 0xC2 ||
                  (unsigned char)s[nx] == 0xE2;
        /* "105 billion euro in 2008 ... Imports decreased from 178 bn in
         * 2008", "Germany (18.8 bn euro or 31%) ..., Italy (5.6 bn or 9%)":
         * a period, a second reading or another bound after it */
        if (!sep)
            sep = extract_word(s, n, nx, "in") || extract_word(s, n, nx, "or") ||
                  extract_word(s, n, nx, "respectively") ||
                  extract_word(s, n, nx, "to") || extract_word(s, n, nx, "and") ||
                  extract_word(s, n, nx, "from") || extract_word(s, n, nx, "during") ||
                  extract_word(s, n, nx, "last") || extract_word(s, n, nx, "this");
        if (!sep) {
            /* "five billion euros, compared to 2.5 billion at the beginning
             * of this year": the other side of a comparison */
            size_t w0, w1;
            size_t we = extract_prev_word(s, n, sign ? sign_pos : p, &w0);
            size_t we1 = we > w0 ? extract_prev_word(s, n, w0, &w1) : 0;
            int to = we > w0 && (extract_word(s, n, w0, "to") == we - w0 ||
                                 extract_word(s, n, w0, "with") == we - w0);
            sep = (to && we1 > w1 && extract_word(s, n, w1, "compared") == we1 - w1) ||
                  (we > w0 && (extract_word(s, n, w0, "against") == we - w0 ||
                               extract_word(s, n, w0, "versus") == we - w0));
        }
        for (size_t j = st->nraw; sep && j > 0 && j + 4 > st->nraw; j--) {
            const ex_raw *pr = &st->raw[j - 1];
            if (pr->end > p || p - pr->end > 600)
                break;
            if (trade_unit_is_currency(pr->f.unit)) {
                snprintf(r.f.unit, sizeof r.f.unit, "%s", pr->f.unit);
                has_unit = 1;
                r.unit_from = pr->start + 1;
                r.end = end;
                break;
            }
        }
    }
    if (!has_unit && scaled && exp10 >= 6) {
        /* "• Fresh, frozen and dried foods: 146 billion (+2.20%)" under
         * "The top five products exported to China in terms of baht value
         * were:": a list item's amount in the currency its lead-in names */
        size_t lead = ex_list_lead(s, n, p);
        char cc[4];
        if (lead != (size_t)-1 && ex_line_currency(s, n, lead, cc)) {
            memcpy(r.f.unit, cc, 4);
            has_unit = 1;
            r.unit_lead = lead + 1;
            r.end = end;
        }
    }
    int ratio_growth = 0;
    if (!has_unit && !scaled && !sign) {
        /* "a growth rate of 1.2 times compared to 2019", "2,1 times more in
         * comparison to the same period of 2020": a ratio to the period
         * before, growth of 20 % and 110 % */
        size_t q = extract_skip_sp(s, n, e, 0);
        size_t tk = extract_word(s, n, q, "times");
        if (tk && ex_ratio_growth(s, n, p, q + tk)) {
            memcpy(r.f.unit, "percent_change", 15);
            has_unit = 1;
            ratio_growth = 1;
            r.end = q + tk;
        }
    }
    if (!has_unit) {
        /* a bare number: a year, a reference, or a count */
        if (sc->opt && sc->opt->no_counts)
            return e;
        if (num.decimals || sign)
            return e;
        int y;
        if (!scaled && !num.grouped && extract_year_at(s, n, p, &y))
            return e;
        size_t w0;
        size_t we = extract_prev_word(s, n, p, &w0);
        if (we > w0 && extract_ref_word(s, n, w0, we))
            return e;
        /* a count needs a word after it on the same line */
        size_t q = extract_skip_sp(s, n, scaled ? end : e, 0);
        if (q >= n || !ex_isalpha((unsigned char)s[q]))
            return scaled ? end : e;
        if (extract_word(s, n, q, "months") || extract_word(s, n, q, "month") ||
            extract_word(s, n, q, "years") || extract_word(s, n, q, "weeks") ||
            extract_word(s, n, q, "days") || extract_word(s, n, q, "quarters"))
            return scaled ? end : e; /* "the initial 7 months": a span of time */
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
            size_t b = extract_skip_sp_back(s, n, p, 0);
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
    r.f.precision = extract_precision(&num, exp10, scaled);
    if (ratio_growth) {
        if (r.f.value <= 1 || r.f.value > 1000)
            return r.end;
        /* to hundredths of a percent: 1.2 times is 20 %, not 19.999... */
        double g = (r.f.value - 1) * 100;
        r.f.value = (double)(long long)(g * 100 + 0.5) / 100;
        r.f.precision *= 100;
    }
    if (tail_precision > 0) {
        r.f.value += tail_value;
        r.f.precision = tail_precision;
    }
    if (scaled && trade_unit_is_currency(r.f.unit)) {
        /* "1 billion dollar 477 million 4 thousand": one amount */
        int last = exp10;
        size_t q = extract_skip_sp(s, n, r.end, 0);
        while (q < n && ex_isdigit((unsigned char)s[q])) {
            ex_number n2;
            extract_number_parse(s, n, q, &n2);
            size_t k2;
            size_t q2 = extract_skip_sp(s, n, n2.end, 0);
            int e2 = n2.ok && n2.decimals == 0 ? extract_scale_at(s, n, q2, 0, &k2) : 0;
            double v2;
            if (!e2 || e2 >= last || extract_number_value(&n2, e2, 0, &v2) != 0 ||
                v2 >= extract_pow10(last))
                break;
            r.f.value += v2;
            r.f.precision = extract_pow10(e2);
            r.end = q2 + k2;
            last = e2;
            q = extract_skip_sp(s, n, r.end, 0);
        }
    }
    if (sign && r.is_percent)
        r.sign_change = sign;
    else if (sign < 0)
        r.f.value = -r.f.value;
    if (trade_unit_is_currency(r.f.unit)) {
        /* "(1 euro = 1.10 U.S. dollars)", "($1 = 0.8516 euros)": an
         * exchange rate, not an amount */
        size_t q = extract_skip_sp(s, n, r.end, 0);
        size_t b0 = extract_skip_sp_back(s, n, r.start, 0);
        if ((q < n && s[q] == '=') || (b0 > 0 && s[b0 - 1] == '='))
            return r.end > e ? r.end : e;
        if (!scaled) {
            /* "the average value of each ton of exported goods was $348",
             * "$520 per tonne": a price, not an amount traded */
            static const char *const unit_w[] = {"each ton",   "per ton",  "a ton",
                                                 "each tonne", "per tonne", "a tonne",
                                                 "per barrel", "a barrel", "per kilogram",
                                                 "per kg",     NULL};
            size_t qa = r.start > 120 ? r.start - 120 : 0;
            for (size_t o = r.start; o > qa; o--)
                if (extract_sentence_end(s, n, o - 1)) {
                    qa = o;
                    break;
                }
            size_t qb = extract_skip_sp(s, n, r.end, 0);
            int price = qb < n && s[qb] == '/' && qb + 1 < n && s[qb + 1] == 't';
            for (size_t j = 0; unit_w[j] && !price; j++) {
                price = extract_word(s, n, qb, unit_w[j]) != 0;
                for (size_t o = qa; o < r.start && !price; o++)
                    price = (o == 0 || !ex_isalpha((unsigned char)s[o - 1])) &&
                            extract_word(s, n, o, unit_w[j]);
            }
            if (price)
                return r.end > e ? r.end : e;
        }
        /* "(1 U.S. dollar equals 4.07 ringgits)", "$1 is equal to": a unit
         * of one currency said in another */
        size_t w0, w1;
        size_t we = extract_prev_word(s, n, r.start, &w0);
        size_t we1 = we > w0 ? extract_prev_word(s, n, w0, &w1) : 0;
        size_t eq = (size_t)-1; /* where "equals" or "equal to" starts */
        if (we > w0 && (extract_word(s, n, w0, "equals") == we - w0 ||
                        extract_word(s, n, w0, "equaled") == we - w0))
            eq = w0;
        else if (we > w0 && extract_word(s, n, w0, "to") == we - w0 && we1 > w1 &&
                 extract_word(s, n, w1, "equal") == we1 - w1)
            eq = w1;
        if (num.ndigits == 1 && num.digits[0] == '1' && !num.decimals && !scaled) {
            /* its other side: "1 U.S. dollar equals", "$1 is equal to" */
            size_t k1 = extract_word(s, n, q, "is");
            size_t q1 = k1 ? extract_skip_sp(s, n, q + k1, 0) : q;
            if (extract_word(s, n, q1, "equals") || extract_word(s, n, q1, "equaled") ||
                extract_word(s, n, q1, "equal"))
                return r.end > e ? r.end : e;
        }
        if (eq != (size_t)-1) {
            /* a one of a currency before it: "1 U.S. dollar", "$1", "1 euro is" */
            int one = 0;
            for (size_t o = eq > 30 ? eq - 30 : 0; o < eq && !one; o++) {
                if (s[o] != '1' || (o > 0 && (ex_isdigit((unsigned char)s[o - 1]) ||
                                              s[o - 1] == '.' || s[o - 1] == ',')))
                    continue;
                if (o + 1 < n && (ex_isdigit((unsigned char)s[o + 1]) || s[o + 1] == '.' ||
                                  s[o + 1] == ','))
                    continue;
                char c1[4];
                size_t a1 = extract_skip_sp(s, n, o + 1, 0);
                one = extract_cur_after(s, n, a1, c1) != 0 ||
                      extract_cur_before(s, n, o, c1) != (size_t)-1;
            }
            if (one)
                return r.end > e ? r.end : e;
        }
    }
    if (trade_unit_is_currency(r.f.unit) && extract_payments_figure(s, n, r.start))
        return r.end > e ? r.end : e; /* the balance of payments, the reserves: not trade */
    if (ex_add_raw(st, &r))
        sc->status = TRADE_ENOMEM;
    return r.end > e ? r.end : e;
}

/* A spoken decimal in words ("nine-point-two billion dollars") read by
 * ex_point_digits into num; a figure only with a unit or a percent. */
static size_t ex_point_figure(ex_state *st, size_t p, const ex_number *num)
{
    ex_scan *sc = st->sc;
    const char *s = sc->s;
    size_t n = sc->n;
    ex_raw r;
    memset(&r, 0, sizeof r);
    r.start = p;
    r.num_start = p;
    int exp10 = 0, scaled = 0;
    size_t end = extract_suffix(s, n, num->end, 0, 0, &r, &exp10, &scaled);
    if (!r.f.unit[0] && !r.is_percent)
        return num->end;
    if (extract_number_value(num, exp10, 0, &r.f.value) != 0)
        return end;
    r.f.precision = extract_precision(num, exp10, scaled);
    r.end = end;
    if (ex_add_raw(st, &r))
        sc->status = TRADE_ENOMEM;
    return end;
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
    /* "two billion, two hundred and fifty-six million yen": a comma after a
     * scale word goes on to a smaller scale */
    int comma_scale = 0, scale_after_comma = 0;
    unsigned long long comma_total = 0;
    size_t comma_end = p;
    for (int it = 0; it < 16; it++) {
        size_t k;
        int v;
        size_t sk;
        if (words == 0 && ((k = extract_word(s, n, q, "a")) || (k = extract_word(s, n, q, "an")))) {
            size_t q2 = extract_skip_sp(s, n, q + k, 1);
            size_t k2;
            if (extract_word(s, n, q2, "hundred") || extract_scale_at(s, n, q2, 0, &k2) == 3 ||
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
            if (words == 0 && q2 < n && s[q2] == '-') {
                ex_number num;
                memset(&num, 0, sizeof num);
                num.ndigits = (size_t)snprintf(num.digits, sizeof num.digits, "%d", v);
                num.ok = 1;
                if (ex_point_digits(s, n, q2, &num))
                    return ex_point_figure(st, p, &num); /* "nine-point-two billion" */
            }
            if (q2 < n && s[q2] == '-')
                return q2; /* "one-time", "two-thirds" */
            if (v != 1)
                only_one = 0;
            cur += (unsigned long long)v;
            words++;
            last_scale = 0;
            last_end = q2;
            q = extract_skip_sp(s, n, q2, 1);
            continue;
        }
        if (words > 0 && (k = extract_word(s, n, q, "hundred"))) {
            if (cur == 0)
                cur = 1;
            cur *= 100;
            last_scale = 2;
            last_end = q + k;
            words++;
            q = extract_skip_sp(s, n, q + k, 1);
            continue;
        }
        if (words > 0 && (k = extract_word(s, n, q, "dozen"))) {
            if (cur == 0)
                cur = 1;
            cur *= 12;
            last_end = q + k;
            words++;
            q = extract_skip_sp(s, n, q + k, 1);
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
            if (e && comma_scale && e >= comma_scale) {
                total = comma_total; /* "two billion, three billion": a list */
                cur = 0;
                last_end = comma_end;
                comma_scale = 0;
                break;
            }
            if (e) {
                if (comma_scale)
                    scale_after_comma = 1;
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
                q = extract_skip_sp(s, n, q + k, 1);
                continue;
            }
            if (q < n && s[q] == ',' && last_scale >= 6 && cur == 0 && !comma_scale) {
                size_t q2 = extract_skip_sp(s, n, q + 1, 1);
                size_t k2;
                if (q2 > q + 1 && ex_numword_at(s, n, q2, &k2) >= 0) {
                    comma_scale = last_scale;
                    comma_total = total;
                    comma_end = last_end;
                    q = q2;
                    continue;
                }
            }
            if ((k = extract_word(s, n, q, "and"))) {
                size_t q2 = extract_skip_sp(s, n, q + k, 1);
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
    if (comma_scale && !scale_after_comma) {
        total = comma_total;
        cur = 0;
        last_end = comma_end;
    }
    unsigned long long value = total + cur;
    if (total > 1000000000000000ULL)
        return last_end;
    ex_raw r;
    memset(&r, 0, sizeof r);
    r.start = p;
    r.num_start = p;
    int exp10 = 0, scaled = 0;
    size_t end = extract_suffix(s, n, last_end, 0, 0, &r, &exp10, &scaled);
    int has_unit = r.f.unit[0] || r.is_percent;
    if (!has_unit) {
        /* a count: needs a scale or a value of 2 or more and a noun after */
        if (sc->opt && sc->opt->no_counts)
            return last_end;
        if (only_one || value < 2)
            return last_end;
        size_t q2 = extract_skip_sp(s, n, last_end, 0);
        if (q2 >= n || !ex_isalpha((unsigned char)s[q2]) || extract_word(s, n, q2, "of") ||
            extract_word(s, n, q2, "times") || extract_word(s, n, q2, "and") ||
            extract_word(s, n, q2, "or") || extract_word(s, n, q2, "to") ||
            extract_word(s, n, q2, "years") || extract_word(s, n, q2, "year") ||
            extract_word(s, n, q2, "months") || extract_word(s, n, q2, "days") ||
            extract_word(s, n, q2, "weeks") || extract_word(s, n, q2, "decades") ||
            extract_word(s, n, q2, "sides") || extract_word(s, n, q2, "hours") ||
            extract_word(s, n, q2, "quarters") || extract_word(s, n, q2, "halves"))
            return last_end; /* "the first three quarters": a span of time */
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
    size_t q = extract_skip_sp(s, n, p + k, 1);
    size_t a = extract_word(s, n, q, "a");
    if (!a)
        return 0;
    q = extract_skip_sp(s, n, q + a, 1);
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
    size_t end = extract_suffix(s, n, q + k2, 0, 0, &r, &exp10, &scaled);
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
        {
            /* "the share of Peru more than doubled": a share's change, not
             * the flow's growth; left out */
            size_t a = p > 80 ? p - 80 : 0;
            for (size_t q = p; q > a; q--) {
                if (s[q - 1] == '.' || s[q - 1] == ';' || s[q - 1] == '\n')
                    break;
                if ((q - 1 == 0 || !ex_isalpha((unsigned char)s[q - 2])) &&
                    (extract_word(s, n, q - 1, "share") || extract_word(s, n, q - 1, "proportion")))
                    return p + k;
            }
        }
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
    /* "the largest trade partner", "Kazakhstan's biggest investor": rank 1 */
    size_t k = extract_word(s, n, p, "largest");
    if (!k)
        k = extract_word(s, n, p, "biggest");
    if (!k)
        k = extract_word(s, n, p, "leading");
    if (k) {
        size_t w0;
        size_t we = extract_prev_word(s, n, p, &w0);
        int det = we > w0 && (extract_word(s, n, w0, "the") == we - w0 ||
                              (we >= 2 && s[we - 2] == '\'' && s[we - 1] == 's') ||
                              (we >= 4 && (unsigned char)s[we - 4] == 0xE2 && s[we - 1] == 's'));
        if (det && extract_word(s, n, w0, "the") == we - w0) {
            /* "one of the largest" is no rank */
            size_t v0;
            size_t ve = extract_prev_word(s, n, w0, &v0);
            if (ve > v0 && extract_word(s, n, v0, "of") == ve - v0)
                det = 0;
        }
        size_t q = extract_skip_sp(s, n, p + k, 1);
        int noun = 0;
        for (int it = 0; it < 4 && det && !noun; it++) {
            if (extract_word(s, n, q, "partner") || extract_word(s, n, q, "investor") ||
                extract_word(s, n, q, "market") || extract_word(s, n, q, "destination") ||
                extract_word(s, n, q, "source"))
                noun = 1;
            size_t q0 = q;
            while (q < n && ex_isalpha((unsigned char)s[q]))
                q++;
            if (q == q0)
                break;
            q = extract_skip_sp(s, n, q, 1);
        }
        if (det && noun) {
            ex_raw r;
            memset(&r, 0, sizeof r);
            r.start = p;
            r.end = p + k;
            r.num_start = p;
            r.f.value = 1;
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
        if (ex_isalpha(c) && extract_word_start(s, p)) {
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

/* ---------- the document ---------- */

static int ex_month_name(const char *s, size_t n, size_t p, size_t *len)
{
    return extract_is_month(s, n, p, len);
}

/* The document's date from a date line among the first lines: "date
 * 2023-07-19", "2021-09-30", "30 September 2021", "September 30, 2021",
 * "22.06.2007". */
/* An ordinal's suffix ("st", "nd", "rd", "th") at s + p (two bytes there). */
static int ex_ordinal_suffix(const char *s, size_t p)
{
    const char *sfx = s + p;
    return !strncmp(sfx, "st", 2) || !strncmp(sfx, "nd", 2) || !strncmp(sfx, "rd", 2) ||
           !strncmp(sfx, "th", 2);
}

/* "24th " right before p: a day written as an ordinal. */
static int ex_ordinal_day_before(const char *s, size_t n, size_t p)
{
    size_t e = extract_skip_sp_back(s, n, p, 0);
    if (e < 3 || e == p || !ex_ordinal_suffix(s, e - 2))
        return 0;
    return ex_isdigit((unsigned char)s[e - 3]);
}

/* Nothing but spaces from p to the line's end b? */
static int ex_line_rest_blank(const char *s, size_t n, size_t p, size_t b)
{
    size_t z = extract_skip_sp(s, n, p, 0);
    return z >= b || s[z] == '\n' || s[z] == '\r';
}

/* A line that is only a month and a year ("August 2016"), or one after a
 * page's date label ("Published: August 2016", "Date: June 2020"): the month
 * at p, the year ending at e, the line from a to b. */
static int ex_month_year_line(const char *s, size_t n, size_t a, size_t p, size_t e, size_t b)
{
    static const char *const label[] = {"published", "posted", "date", "dated", "updated",
                                        "released", "issued"};
    size_t q = extract_skip_sp(s, n, e, 0);
    while (q < b && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r' || s[q] == '\n'))
        q++;
    if (q < b)
        return 0; /* "August 2016 exports": a title, not a date */
    size_t f = extract_skip_sp(s, n, a, 0);
    if (f == p)
        return 1;
    for (size_t i = 0; i < sizeof label / sizeof label[0]; i++) {
        size_t k = extract_word(s, n, f, label[i]);
        if (!k)
            continue;
        size_t r = f + k;
        if (r < p && s[r] == ':')
            r++;
        if (extract_skip_sp(s, n, r, 0) == p)
            return 1;
        if (extract_word(s, n, extract_skip_sp(s, n, r, 0), "on") &&
            extract_skip_sp(s, n, extract_skip_sp(s, n, r, 0) + 2, 0) == p)
            return 1; /* "Published on August 2016" */
    }
    return 0;
}

/* The date that line li (0-based) gives when it is a date line: a short
 * line with a date, or a "date 2024-05-24 ..." field (its end in
 * d->date_field_end). Sets d->year and d->month, else leaves them 0. */
static void ex_line_date(const ex_scan *sc, size_t li, ex_doc *d)
{
    const char *s = sc->s;
    size_t n = sc->n;
    {
        size_t a = sc->line_start[li];
        size_t b = li + 1 < sc->nlines ? sc->line_start[li + 1] : n;
        size_t f0 = extract_skip_sp(s, n, a, 0);
        size_t dk = extract_word(s, n, f0, "date");
        /* "date 2024-05-24 President ... concludes": a page's date field
         * before its first sentence */
        int field = dk && f0 + dk + 1 < b && s[f0 + dk] == ' ' &&
                    ex_isdigit((unsigned char)s[f0 + dk + 1]);
        if (b - a > 80 && !field)
            return; /* a date inside a sentence is not the document's date */
        if (field) {
            b = f0 + dk + 12 < b ? f0 + dk + 12 : b;
            d->date_field_end = b;
        }
        for (size_t p = a; p < b && !d->year; p++) {
            if (p > a &&
                (ex_isdigit((unsigned char)s[p - 1]) || ex_isalpha((unsigned char)s[p - 1])))
                continue;
            int y, m = 0, dd = 0;
            size_t ml;
            if (p + 10 <= b && extract_year_at(s, n, p, &y) == 0 &&
                ex_isdigit((unsigned char)s[p]) && p + 10 <= n && s[p + 2] == '.' &&
                s[p + 5] == '.') {
                /* 22.06.2007 */
                dd = (s[p] - '0') * 10 + (s[p + 1] - '0');
                m = (s[p + 3] - '0') * 10 + (s[p + 4] - '0');
                /* the year follows a '.', which extract_year_at refuses (a decimal) */
                int yd = 1;
                for (int k = 6; k < 10; k++)
                    yd &= ex_isdigit((unsigned char)s[p + k]);
                y = yd ? (s[p + 6] - '0') * 1000 + (s[p + 7] - '0') * 100 + (s[p + 8] - '0') * 10 +
                             (s[p + 9] - '0')
                       : 0;
                if (yd && (p + 10 >= n || !ex_isdigit((unsigned char)s[p + 10])) && y >= 1900 &&
                    y <= 2100 && ex_isdigit((unsigned char)s[p + 3]) &&
                    ex_isdigit((unsigned char)s[p + 4]) && m >= 1 && m <= 12 && dd >= 1 &&
                    dd <= 31) {
                    d->year = y;
                    d->month = m;
                }
            } else if (p == a && p + 8 <= b && ex_isdigit((unsigned char)s[p]) &&
                       ex_isdigit((unsigned char)s[p + 1]) && s[p + 2] == '.' &&
                       ex_isdigit((unsigned char)s[p + 3]) && ex_isdigit((unsigned char)s[p + 4]) &&
                       s[p + 5] == '.' && ex_isdigit((unsigned char)s[p + 6]) &&
                       ex_isdigit((unsigned char)s[p + 7]) &&
                       extract_skip_sp(s, n, p + 8, 0) + 1 >= b) {
                /* "22.07.20" alone on its line: a two-digit year */
                dd = (s[p] - '0') * 10 + (s[p + 1] - '0');
                m = (s[p + 3] - '0') * 10 + (s[p + 4] - '0');
                if (m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
                    d->year = 2000 + (s[p + 6] - '0') * 10 + (s[p + 7] - '0');
                    d->month = m;
                }
            } else if (p + 10 <= n && ex_isdigit((unsigned char)s[p]) &&
                       ((s[p + 4] == '-' && s[p + 7] == '-') ||
                        (s[p + 4] == '/' && s[p + 7] == '/'))) {
                int ok = 1;
                for (int k = 0; k < 10; k++)
                    if (k != 4 && k != 7 && !ex_isdigit((unsigned char)s[p + k]))
                        ok = 0;
                y = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 +
                    (s[p + 3] - '0');
                m = (s[p + 5] - '0') * 10 + (s[p + 6] - '0');
                if (ok && y >= 1900 && y <= 2100 && m >= 1 && m <= 12) {
                    d->year = y;
                    d->month = m;
                }
            } else if ((m = ex_month_name(s, n, p, &ml)) != 0) {
                /* "September 30, 2021", "Sept. 23, 2016" */
                size_t q = extract_skip_sp(s, n, p + ml + (p + ml < n && s[p + ml] == '.'), 0);
                size_t q0 = q;
                while (q < n && ex_isdigit((unsigned char)s[q]) && q - q0 < 2)
                    q++;
                if (q > q0 && q + 2 < n && ex_ordinal_suffix(s, q) && s[q + 2] == ',')
                    q += 2; /* "July 9th, 2018" */
                if (q > q0 && q < n && s[q] == ',' &&
                    extract_year_at(s, n, extract_skip_sp(s, n, q + 1, 0), &y)) {
                    d->year = y;
                    d->month = m;
                } else if (q > q0 && q < n && s[q] == ' ' &&
                           extract_year_at(s, n, extract_skip_sp(s, n, q, 0), &y) &&
                           ex_line_rest_blank(s, n, extract_skip_sp(s, n, q, 0) + 4, b)) {
                    /* "Friday January 4 2019" ending its line */
                    d->year = y;
                    d->month = m;
                } else if (extract_year_at(s, n, q0, &y) && p >= 2 &&
                           (ex_isdigit((unsigned char)s[extract_skip_sp_back(s, n, p, 0) - 1]) ||
                            ex_ordinal_day_before(s, n, p))) {
                    /* "30 September 2021", "Thu 24th December 2020" */
                    d->year = y;
                    d->month = m;
                } else if (extract_year_at(s, n, q0, &y) && ex_month_year_line(s, n, a, p, q0 + 4, b)) {
                    /* "Published: August 2016": a page that gives only the
                     * month of its date */
                    d->year = y;
                    d->month = m;
                }
            }
        }
    }
}

/* The year of a date line that gives a year alone ("Published: 2009")
 * among the first six lines, *line its line (1-based); 0 if none. */
static int ex_year_line(const ex_scan *sc, unsigned long *line)
{
    static const char *const label[] = {"published", "posted", "date", "dated", "updated",
                                        "released", "issued"};
    const char *s = sc->s;
    size_t n = sc->n;
    for (size_t li = 0; li < sc->nlines && li < 6; li++) {
        size_t a = sc->line_start[li], b = li + 1 < sc->nlines ? sc->line_start[li + 1] : n;
        size_t f = extract_skip_sp(s, n, a, 0), k = 0;
        for (size_t i = 0; i < sizeof label / sizeof label[0] && !k; i++)
            k = extract_word(s, n, f, label[i]);
        if (!k)
            continue;
        size_t q = f + k;
        if (q < b && s[q] == ':')
            q++;
        q = extract_skip_sp(s, n, q, 0);
        int y;
        if (!extract_year_at(s, n, q, &y))
            continue;
        size_t e = q + 4;
        while (e < b && (s[e] == ' ' || s[e] == '\t' || s[e] == '\r' || s[e] == '\n'))
            e++;
        if (e < b)
            continue;
        *line = (unsigned long)li + 1;
        return y;
    }
    return 0;
}

static void ex_doc_date(const ex_scan *sc, ex_doc *d)
{
    for (size_t li = 0; li < sc->nlines && li < 6 && !d->year; li++) {
        ex_line_date(sc, li, d);
        if (d->year)
            d->date_line = (unsigned long)li + 1;
    }
}

/* The lines among the first six that are date lines, as bits (1 << line,
 * 1-based): the document's date line and a byline after it ("Jun 17,
 * 2010, 19:20 ET from ..."), whose dates are no figure's period. */
static unsigned ex_date_lines(const ex_scan *sc)
{
    unsigned bits = 0;
    for (size_t li = 0; li < sc->nlines && li < 6; li++) {
        ex_doc d;
        memset(&d, 0, sizeof d);
        ex_line_date(sc, li, &d);
        if (d.year && !d.date_field_end)
            bits |= 1u << (li + 1);
    }
    return bits;
}

/* The sides named by the title or first paragraph: "Trade turnover between
 * Georgia and Russia", "Kazakhstan-China trade", "according to data of the
 * National Statistics Service of Georgia", else the first country. */
static void ex_doc_sides(const ex_scan *sc, ex_doc *d)
{
    const char *s = sc->s;
    size_t n = sc->n;
    size_t a = 0;
    size_t li = 0;
    /* skip a date line and blank lines */
    while (li < sc->nlines) {
        size_t la = sc->line_start[li];
        size_t lb = li + 1 < sc->nlines ? sc->line_start[li + 1] : n;
        size_t q = extract_skip_sp(s, n, la, 0);
        if (q < lb && s[q] != '\n' &&
            ((unsigned long)li + 1 != d->date_line || d->date_field_end))
            break;
        li++;
    }
    if (li >= sc->nlines)
        return;
    a = sc->line_start[li];
    if ((unsigned long)li + 1 == d->date_line && d->date_field_end > a)
        a = d->date_field_end; /* "date 2023-03-27 RIYADH: China emerged as ...": the text after it */
    /* the first paragraph, and the first sentence after a title line */
    size_t b = a;
    int lines = 0;
    while (b < n && lines < 3) {
        size_t e = b;
        while (e < n && s[e] != '\n')
            e++;
        size_t q = extract_skip_sp(s, n, b, 0);
        if (q >= e && b > a)
            break;
        b = e < n ? e + 1 : e;
        lines++;
    }
    if (b > a + 700)
        b = a + 700;
    for (size_t p = a; p < b; p++) {
        size_t end = 0;
        if (s[p] == '.' && (end = extract_sentence_end(s, n, p)) != 0 && p > a + 40) {
            b = end;
            break;
        }
    }
    ex_raw fake;
    memset(&fake, 0, sizeof fake);
    fake.start = fake.end = fake.num_start = b;
    ex_who w;
    extract_who(s, n, a, b, &fake, &w);
    size_t ra = a, rb = b; /* the text read */
    if (!w.pair && !w.reporter[0] && !w.subject[0] && !w.source && !w.possessive[0] &&
        !w.first[0] && b < n) {
        /* a title with no country: the next sentence */
        size_t a2 = extract_skip_sp(s, n, b, 1);
        while (a2 < n && (s[a2] == '\n' || s[a2] == ' '))
            a2++;
        size_t b2 = a2;
        for (size_t p = a2; p < n && p < a2 + 500; p++) {
            size_t end = 0;
            b2 = p + 1;
            if (s[p] == '.' && (end = extract_sentence_end(s, n, p)) != 0) {
                b2 = end;
                break;
            }
        }
        fake.start = fake.end = fake.num_start = b2;
        extract_who(s, n, a2, b2, &fake, &w);
        ra = a2;
        rb = b2;
    }
    const char *rep = NULL, *par = NULL;
    int rep_first = 0; /* only the first country named: a weak guess */
    if (!w.pair && w.between_a[0]) {
        /* "Trade between Moscow and Ankara has continued to grow, with the
         * volume of goods exported by Russia": the two sides named together */
        rep = w.between_a;
        par = w.between_b;
    } else if (w.pair || w.reporter[0]) {
        rep = w.reporter;
        par = w.partner[0] ? w.partner : NULL;
    } else if (w.subject[0]) {
        rep = w.subject;
    } else if (w.source) {
        rep = w.source;
    } else if (w.possessive[0]) {
        rep = w.possessive;
    } else if (w.first[0] && !(w.partner[0] && !strcmp(w.first, w.partner))) {
        rep = w.first;
        rep_first = 1;
    } else if (w.partner[0]) {
        /* "PH exports to Japan hit $884.95M": the one country named is the
         * partner; the reporter is left to the data source */
        par = w.partner;
    }
    if (w.source && rep && par && !strcmp(w.source, par)) {
        const char *t = rep;
        rep = par;
        par = t;
    }
    if (!par && w.partner[0] && rep && strcmp(w.partner, rep))
        par = w.partner;
    if (!par && rep) {
        /* "Belgo-Russian relations are ...": the two sides named first */
        size_t k1, k2;
        for (size_t p = ra; p + 1 < rb; p++) {
            const char *c1 = extract_country_at(s, n, p, &k1);
            if (!c1 && (p == ra || !ex_isalpha((unsigned char)s[p - 1])))
                c1 = extract_combining_at(s, n, p, &k1);
            if (!c1)
                continue;
            if (p + k1 < rb && s[p + k1] == '-' &&
                (p == ra || !ex_isalpha((unsigned char)s[p - 1]))) {
                const char *c2 = extract_country_at(s, n, p + k1 + 1, &k2);
                if (c2 && !strcmp(c1, rep) && strcmp(c2, rep))
                    par = c2;
            }
            break;
        }
    }
    if (!rep || (rep_first && !par)) {
        /* "... exports to Germany fell by 4.2 percent ... This is reported by
         * Statistics Netherlands (CBS)": the data source of the first
         * paragraph reports */
        size_t pe = a;
        while (pe < n && pe < a + 1500 && !(s[pe] == '\n' && pe + 1 < n && s[pe + 1] == '\n'))
            pe++;
        int stop = 0; /* a sentence end in the line ("$884.95M" is none) */
        for (size_t q = a; q < pe && !stop; q++)
            stop = s[q] == '.' && !(q > a && ex_isdigit((unsigned char)s[q - 1]) && q + 1 < pe &&
                                    ex_isdigit((unsigned char)s[q + 1]));
        if (memchr(s + a, '\n', pe - a) == NULL && !stop) {
            /* a title alone ("Monthly goods imports from China rise a record
             * $430 million"): the paragraph under it names the source ("...,
             * Stats NZ said today") */
            size_t q = pe;
            while (q < n && (s[q] == '\n' || s[q] == ' '))
                q++;
            pe = q;
            while (pe < n && pe < q + 1500 &&
                   !(s[pe] == '\n' && pe + 1 < n && s[pe + 1] == '\n'))
                pe++;
        }
        ex_raw fake2;
        memset(&fake2, 0, sizeof fake2);
        fake2.start = fake2.end = fake2.num_start = pe;
        ex_who w2;
        extract_who(s, n, a, pe, &fake2, &w2);
        if (w2.source && (!rep || strcmp(w2.source, rep)))
            rep = w2.source;
        for (size_t p = sc->line_start[0]; !rep && p < a; p++) {
            /* "CSO statistical release, 13 February 2015": the office on the
             * date line above */
            size_t ol;
            const char *oc = extract_office_at(s, a, p, &ol);
            if (oc)
                rep = oc;
        }
        /* "According to ELSTAT data on domestic merchandise trade:" in a
         * paragraph below: the office the text quotes first */
        for (size_t p = a; !rep && p < n && p < a + 1500; p++) {
            size_t ol;
            const char *oc = extract_office_at(s, n, p, &ol);
            if (oc)
                rep = oc;
        }
    }
    for (size_t p = a; !rep && p < n && p < a + 1500; p++) {
        /* "Ulaanbaatar /MONTSAME/ As of the first seven months of this year,
         * total foreign trade turnover reached": a paragraph that opens
         * with the dateline of a capital, in a text that names no country
         * before, is that country's news */
        size_t cl;
        if (p == a || s[p - 1] == '\n')
            rep = extract_dateline_capital(s, n, p, &cl);
    }
    size_t own_at = (size_t)-1; /* where the text names its own country further on */
    for (size_t p = a; !rep && p < n && p < a + 6000; p++) {
        /* a text whose title and first paragraph name no country: the one it
         * names as its own further on ("If trade with Montenegro is included
         * in Serbia's foreign operations", "Major exporters to Serbia were
         * Germany ...") */
        if (p > a && ex_isalpha((unsigned char)s[p - 1]))
            continue;
        size_t k, k2;
        const char *c = extract_country_at(s, n, p, &k);
        if (c && k > 2 &&
            ((s[p + k - 2] == '\'' && s[p + k - 1] == 's') ||
             (k > 4 && !memcmp(s + p + k - 4, "\xE2\x80\x99s", 4)))) {
            /* extract_country_at reads "Serbia's" whole */
            rep = c;
            own_at = p;
            break;
        }
        if (c && k > 2 && (!par || strcmp(c, par))) {
            /* "Philippine imports from Japan" under "Exports to Japan": the
             * land whose own flow the text goes on to name */
            size_t q = extract_skip_sp(s, n, p + k, 0);
            if (extract_word(s, n, q, "imports") || extract_word(s, n, q, "exports")) {
                rep = c;
                own_at = p;
                break;
            }
        }
        if (((k = extract_word(s, n, p, "exporters to")) || (k = extract_word(s, n, p, "importers from")) ||
             (k = extract_word(s, n, p, "suppliers to"))) &&
            (c = extract_country_at(s, n, extract_skip_sp(s, n, p + k, 1), &k2)) != NULL) {
            rep = c;
            own_at = p;
        }
    }
    snprintf(d->reporter, sizeof d->reporter, "%s", rep ? rep : "");
    snprintf(d->partner, sizeof d->partner, "%s", par ? par : "");
    d->line = (unsigned long)li + 1;
    if (own_at != (size_t)-1) {
        unsigned long col;
        extract_position(sc, own_at, &d->line, &col);
        d->by_later = 1;
    }
}

/* A year of a period text ("2023-01/2023-06" -> 2023), 0 if none. */
static int ex_period_year(const char *p)
{
    if (strlen(p) < 4)
        return 0;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (p[k] < '0' || p[k] > '9')
            return 0;
        y = y * 10 + (p[k] - '0');
    }
    return y;
}

/* "the same period in 2022" after a figure of 2023-01/2023-10: 2022-01/2022-10. */
static void ex_same_period(const char *prev, int year, char *out, size_t size)
{
    int y0 = ex_period_year(prev);
    if (!y0 || strlen(prev) >= 40) {
        snprintf(out, size, "%04d", year);
        return;
    }
    char buf[40];
    snprintf(buf, sizeof buf, "%s", prev);
    for (size_t k = 0; buf[k]; k++) {
        int yk = (k == 0 || buf[k - 1] == '/') ? ex_period_year(buf + k) : 0;
        if (yk) {
            /* every year moves by as much: 2018-07/2019-04 a year back is
             * 2017-07/2018-04 */
            char y[12];
            snprintf(y, sizeof y, "%04d", (yk + year - y0) % 10000);
            memcpy(buf + k, y, 4);
        }
    }
    snprintf(out, size, "%s", buf);
}

/* Drop the note's item that begins with what ("partner from"), if any. */
static void ex_note_drop(char *note, const char *what)
{
    char *it = strstr(note, what);
    if (!it || (it != note && (it < note + 2 || it[-2] != ';')))
        return;
    char *end = strstr(it, "; ");
    if (end)
        memmove(it, end + 2, strlen(end + 2) + 1);
    else if (it == note)
        *it = '\0';
    else
        it[-2] = '\0';
}

static void ex_note_add(char *note, size_t cap, const char *text)
{
    size_t l = strlen(note);
    if (l + strlen(text) + 3 < cap)
        snprintf(note + l, cap - l, "%s%s", l ? "; " : "", text);
}

/* "the value of these exports", "such supplies": the goods of the figure before. */
static int ex_refers_back(const char *s, size_t n, size_t a, size_t b, const trade_figure *prev)
{
    int qty = prev && (!strcmp(prev->unit, "t") || !strcmp(prev->unit, "m3"));
    for (size_t q = a; q < b; q++)
        if ((q == a || !ex_isalpha((unsigned char)s[q - 1])) &&
            (extract_word(s, n, q, "these") || extract_word(s, n, q, "such") ||
             extract_word(s, n, q, "this product") ||
             (qty &&
              (extract_word(s, n, q, "the value of") || extract_word(s, n, q, "its value")))))
            return 1;
    return 0;
}

/* The distinct partners (WLD and blanks aside) that reporter has in the
 * prose figures found so far on line (1-based), up to 2: two when the line
 * went through a list of its partners ("Exports to Australia slipped ...
 * Exports to the US rose"). */
static int ex_line_partners(const trade_figure_list *out, unsigned long line, const char *reporter)
{
    const char *seen = NULL;
    for (size_t j = out->n; j > 0; j--) {
        const trade_figure *o = &out->items[j - 1];
        if (o->line != line || o->table[0] || !o->partner[0] || !strcmp(o->partner, "WLD") ||
            strcmp(o->reporter, reporter))
            continue;
        if (!seen)
            seen = o->partner;
        else if (strcmp(seen, o->partner))
            return 2;
    }
    return seen ? 1 : 0;
}

/* Is there an empty line between the start of line (1-based) and offset p? */
static int ex_paragraph_break(const ex_scan *sc, unsigned long line, size_t p)
{
    const char *s = sc->s;
    for (size_t q = sc->line_start[line - 1]; q + 1 < p; q++)
        if (s[q] == '\n') {
            size_t q2 = q + 1;
            while (q2 < p && (s[q2] == ' ' || s[q2] == '\t' || s[q2] == '\r'))
                q2++;
            if (q2 < p && s[q2] == '\n')
                return 1;
        }
    return 0;
}

/* 1 when s[a, b) points back at a figure before: "Imports of fuel made up
 * $0.9 billion of that", "of which", "the rest". */
static int ex_points_back(const char *s, size_t n, size_t a, size_t b)
{
    static const char *const words[] = {"of that", "of this", "of these", "of those",
                                        "of which", "of them", "of it", "of the total",
                                        "the rest", "the remainder", NULL};
    for (size_t p = a; p < b; p++) {
        if (p > a && ex_isalpha((unsigned char)s[p - 1]))
            continue;
        for (int k = 0; words[k]; k++)
            if (extract_word(s, n, p, words[k]))
                return 1;
    }
    return 0;
}

/* 1 when line (1-based) names the country code c ("Trade turnover between
 * Kazakhstan, Russia may reach $18b": KAZ and RUS). */
static int ex_title_names(const ex_scan *sc, unsigned long line, const char *c)
{
    if (line < 1 || line > sc->nlines)
        return 0;
    const char *s = sc->s;
    size_t n = sc->n;
    size_t a = sc->line_start[line - 1], b = line < sc->nlines ? sc->line_start[line] : n;
    for (size_t p = a; p < b; p++) {
        size_t k;
        const char *x;
        if ((p == a || !ex_isalpha((unsigned char)s[p - 1])) &&
            (x = extract_country_at(s, n, p, &k)) != NULL && !strcmp(x, c))
            return 1;
    }
    return 0;
}

/* Goods trade, investment, freight and aid are told apart when the sides
 * are carried from a figure before. */
static int ex_flow_family(const char *f)
{
    if (!strncmp(f, "fdi", 3) || !strncmp(f, "investment", 10))
        return 1;
    if (!strcmp(f, "freight"))
        return 2;
    if (!strcmp(f, "aid"))
        return 3;
    return 0;
}

/* A transport route named at s[p..): the Middle Corridor (Trans-Caspian
 * International Transport Route) links Europe and Central Asia. Returns
 * the aggregate's code and the length in *len, or NULL. */
static const char *ex_route_at(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const names[] = {"Middle Corridor", "Trans-Caspian", "TITR", NULL};
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (int j = 0; names[j]; j++)
        if ((*len = extract_word(s, n, p, names[j])) != 0)
            return "XEA";
    return NULL;
}

/* A part of a total named in s[a..b): a route ("through the Altynkol-Khorgos
 * border crossing", "Through the Dostyk station", "via the Port of Aktau")
 * as "via Altynkol-Khorgos" in out (size 32). Returns 1 if found. */
static int ex_route_part(const char *s, size_t n, size_t a, size_t b, char *out, size_t size)
{
    for (size_t q = a; q + 8 < b; q++) {
        if (q > a && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t k = extract_word(s, n, q, "through the");
        if (!k)
            k = extract_word(s, n, q, "via the");
        if (!k)
            k = extract_word(s, n, q, "via");
        if (!k)
            continue;
        size_t p = extract_skip_sp(s, n, q + k, 0);
        size_t name = p, ne = p;
        /* a capitalised name, hyphens allowed, then an optional kind of place */
        while (ne < b && (ex_isalpha((unsigned char)s[ne]) || s[ne] == '-' ||
                          ((unsigned char)s[ne] >= 0x80)))
            ne++;
        if (ne == name || !ex_isupper((unsigned char)s[name]))
            continue;
        if (extract_word_cs(s, n, name, "Port") && ne < b && s[ne] == ' ') {
            /* "the Port of Aktau" */
            size_t o = extract_skip_sp(s, n, ne, 0);
            size_t ok = extract_word(s, n, o, "of");
            if (ok) {
                name = extract_skip_sp(s, n, o + ok, 0);
                ne = name;
                while (ne < b && (ex_isalpha((unsigned char)s[ne]) || s[ne] == '-'))
                    ne++;
            }
        }
        size_t kindp = extract_skip_sp(s, n, ne, 0);
        int place = extract_word(s, n, kindp, "border") || extract_word(s, n, kindp, "crossing") ||
                    extract_word(s, n, kindp, "station") || extract_word(s, n, kindp, "railway") ||
                    extract_word(s, n, kindp, "port") || extract_word(s, n, kindp, "checkpoint") ||
                    extract_word(s, n, kindp, "pass") || extract_word(s, n, kindp, "terminal") ||
                    extract_word(s, n, kindp, "corridor") || extract_word(s, n, kindp, "route");
        size_t cl;
        /* "via Kazakhstan": a transit country, not a named place; "via
         * Dubai" is a place although the emirate stands for the UAE */
        if (!place && extract_country_at(s, n, name, &cl) && !extract_city_at(s, n, name, &cl))
            continue;
        if (ex_route_at(s, n, name, &cl))
            continue; /* "through the Middle Corridor": the route is the reporter */
        if (ne - name > 24)
            ne = name + 24;
        snprintf(out, size, "via %.*s", (int)(ne - name), s + name);
        return 1;
    }
    return 0;
}

/* A product that is the subject of its clause, right before a verb of
 * change and the figure: "Soya dominated sales, totalling US$37.2 billion",
 * "while oil grew 25.2 percent to US$18.3 billion", "beef fell 30 percent"
 * (the items of one total, not conflicting readings of it). The subject is
 * one to three lowercase words (or one capitalised at the sentence start)
 * that are neither a country nor a flow word. */
static int ex_item_subject(const char *s, size_t n, size_t a, size_t start, char *out, size_t size)
{
    static const char *const verbs[] = {"grew",      "fell",      "rose",     "dropped",
                                        "declined",  "increased", "decreased", "dominated",
                                        "saw",       "jumped",    "slumped",   "climbed",
                                        "surged",    "plunged",   "gained",    "totalled",
                                        "totaled",   "reached",   "slipped",   NULL};
    static const char *const stop[] = {
        "it",      "this",     "that",    "which",     "they",    "the",     "exports",
        "imports", "export",   "import",  "trade",     "turnover", "figure", "volume",
        "value",   "total",    "growth",  "balance",   "deficit", "surplus", "investment",
        "investments", "shipments", "sales", "inflows", "outflows", "flows", "share",
        "there",   "these",    "those",   "he",        "she",     "we",      "also",
        "and",     "while",    "but",     "a",         "an",      "its",     "their",
        "of",      "in",       "to",      "from",      "by",      "as",      "with",
        "for",     "on",       "at",      "was",       "were",    "is",      "are",
        "has",     "have",     "had",     "been",      "inflation", "unemployment", "gdp",
        "economy", "rate",     "prices",  "output",    NULL};
    /* the verb: within the three words before the figure (past "by", a
     * percentage, "to") */
    size_t lo = start > a + 80 ? start - 80 : a;
    size_t vb = 0, ve = 0;
    for (size_t q = start; q > lo && !vb; q--) {
        size_t p = q - 1;
        if (p > a && ex_isalpha((unsigned char)s[p - 1]))
            continue;
        for (int j = 0; verbs[j]; j++) {
            size_t k = extract_word(s, n, p, verbs[j]);
            if (k) {
                vb = p;
                ve = p + k;
                break;
            }
        }
        if (s[p] == ',' || s[p] == ';')
            break;
    }
    if (!vb)
        return 0;
    /* nothing but a percentage, "by", "to", "of" between the verb and figure */
    for (size_t q = ve; q < start; q++)
        if (ex_isalpha((unsigned char)s[q]) && (q == ve || !ex_isalpha((unsigned char)s[q - 1]))) {
            if (!(extract_word(s, n, q, "by") || extract_word(s, n, q, "to") ||
                  extract_word(s, n, q, "percent") || extract_word(s, n, q, "per cent") ||
                  extract_word(s, n, q, "cent") || extract_word(s, n, q, "of") ||
                  extract_word(s, n, q, "sales") || extract_word(s, n, q, "a") ||
                  extract_word(s, n, q, "more") || extract_word(s, n, q, "modest") ||
                  extract_word(s, n, q, "growth") || extract_word(s, n, q, "totalling") ||
                  extract_word(s, n, q, "totaling")))
                return 0;
        }
    /* the subject: the words before the verb back to the clause start */
    size_t e = extract_skip_sp_back(s, n, vb, 0);
    size_t b = e, cur = e;
    int words = 0;
    while (cur > a && words < 4) {
        size_t w0;
        size_t we = extract_prev_word(s, n, cur, &w0);
        if (we <= w0 || w0 < a || we != cur)
            break;
        words++;
        b = w0;
        size_t c = extract_skip_sp_back(s, n, w0, 0);
        if (c == w0 || c <= a || s[c - 1] == ',' || s[c - 1] == ';' || s[c - 1] == '\n')
            break;
        cur = c;
    }
    /* drop a leading "while", "and", "but" */
    for (int it = 0; it < 2; it++) {
        size_t k;
        if ((k = extract_word(s, n, b, "while")) || (k = extract_word(s, n, b, "and")) ||
            (k = extract_word(s, n, b, "but")) || (k = extract_word(s, n, b, "whereas")))
            b = extract_skip_sp(s, n, b + k, 0);
    }
    if (b >= e || e - b > 30)
        return 0;
    /* the tail of a name with a non-ASCII letter ("Exports to Türkiye
     * rose": "rkiye" is no product) */
    if (b > a && (unsigned char)s[b - 1] >= 0x80)
        return 0;
    int at_start = b == extract_skip_sp(s, n, a, 1);
    size_t nw = 0;
    for (size_t q = b; q < e; q++) {
        unsigned char c = (unsigned char)s[q];
        if (c == ' ') {
            nw++;
            continue;
        }
        if (!(c >= 'a' && c <= 'z') && !(q == b && at_start && c >= 'A' && c <= 'Z'))
            return 0;
    }
    if (nw > 2)
        return 0;
    size_t cl;
    if (extract_country_at(s, n, b, &cl))
        return 0;
    for (size_t q = b; q < e; q++) {
        if (q > b && s[q - 1] != ' ')
            continue;
        for (int j = 0; stop[j]; j++) {
            size_t k = extract_word(s, n, q, stop[j]);
            if (k && (q + k == e || s[q + k] == ' '))
                return 0;
        }
    }
    snprintf(out, size, "%.*s", (int)(e - b), s + b);
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return 1;
}

/* An item of a list of goods, each named before "at", "valued at" or
 * "worth" and its amount: "Key commodities exported included crude valued
 * at N1.7 trillion, cocoa beans at N60.5 billion, and sesame seeds at N29.1
 * billion" (the items of one total, not conflicting readings of it). The
 * name is up to twelve lowercase words back to a comma, a semicolon, a
 * colon, "by" ("followed by"), "as" ("such as"), "were", "included",
 * "including", or an "and"/"or" after the amount of the item before; a name
 * with a country, a flow word or a verb is no item ("Nigeria imported goods
 * valued at", "exports stood at", "Goods and raw materials worth"). */
static int ex_at_item(const char *s, size_t n, size_t a, size_t start, char *out, size_t size)
{
    static const char *const stops[] = {"and",     "or",       "by", "included", "including",
                                        "include", "includes", "as", "were",     "are",
                                        "was",     "is",       NULL};
    static const char *const bad[] = {
        "exports",     "imports", "export",   "import", "exported",  "imported", "trade",
        "goods",       "total",   "value",    "volume", "turnover",  "balance",  "deficit",
        "surplus",     "stood",   "remained", "came",   "estimated", "put",      "pegged",
        "priced",      "closed",  "settled",  "peaked", "set",       "valued",   "the",
        "its",         "their",   "this",     "it",     "they",      "which",    "that",
        "shipments",   "sales",   "prices",   "price",  "rate",      "worth",    "products",
        "commodities", "items",   "leading",  NULL};
    size_t w0;
    size_t we = extract_prev_word(s, n, start, &w0);
    if (we <= w0 || w0 < a)
        return 0;
    size_t e;
    if (extract_word(s, n, w0, "worth") == we - w0) {
        e = w0;
    } else if (extract_word(s, n, w0, "at") == we - w0) {
        size_t v0;
        size_t ve = extract_prev_word(s, n, w0, &v0);
        e = ve > v0 && v0 >= a && extract_word(s, n, v0, "valued") == ve - v0 ? v0 : w0;
    } else {
        return 0;
    }
    e = extract_skip_sp_back(s, n, e, 0);
    /* a closing quote of a name written in quotes: "“gas oil” at" */
    size_t ne = e;
    if (ne >= 3 && (unsigned char)s[ne - 3] == 0xE2 && (unsigned char)s[ne - 2] == 0x80 &&
        (unsigned char)s[ne - 1] == 0x9D)
        ne -= 3;
    size_t b = ne, cur = ne;
    int words = 0, bounded = 0;
    while (cur > a && words < 13) {
        size_t p0;
        size_t pe = extract_prev_word(s, n, cur, &p0);
        if (pe <= p0 || p0 < a || pe != cur)
            break;
        int stop = 0;
        for (int j = 0; stops[j]; j++)
            if (extract_word(s, n, p0, stops[j]) == pe - p0)
                stop = 1;
        if (stop &&
            (extract_word(s, n, p0, "and") == pe - p0 || extract_word(s, n, p0, "or") == pe - p0)) {
            /* "..., and sesame seeds at": "and" joins items after an amount
             * ("at N60.5 billion, and"), not the words of one name ("Goods
             * and raw materials worth") */
            size_t c = extract_skip_sp_back(s, n, p0, 0);
            if (c > a && s[c - 1] == ',')
                c = extract_skip_sp_back(s, n, c - 1, 0);
            size_t u0;
            size_t ue = extract_prev_word(s, n, c, &u0);
            static const char *const scale[] = {"million", "billion", "trillion", "bn",
                                                "mn",      "tonnes",  "tons",     NULL};
            int amount = c > a && (ex_isdigit((unsigned char)s[c - 1]) || s[c - 1] == ')');
            for (int j = 0; scale[j] && !amount && ue == c && ue > u0; j++)
                amount = extract_word(s, n, u0, scale[j]) == ue - u0;
            if (!amount)
                stop = 0; /* a word of the name: read on */
        }
        if (stop) {
            bounded = 1;
            break;
        }
        words++;
        b = p0;
        size_t c = p0;
        if (c >= 3 && (unsigned char)s[c - 3] == 0xE2 && (unsigned char)s[c - 2] == 0x80 &&
            (unsigned char)s[c - 1] == 0x9C)
            c -= 3; /* the opening quote */
        size_t c1 = c;
        c = extract_skip_sp_back(s, n, c, 0);
        if (c > a && (s[c - 1] == ',' || s[c - 1] == ';' || s[c - 1] == ':')) {
            bounded = 1;
            break;
        }
        if (c == c1 || c <= a)
            break;
        cur = c;
    }
    if (!bounded || words < 1 || words > 12 || ne - b > 100)
        return 0;
    for (size_t q = b; q < ne; q++) {
        unsigned char c = (unsigned char)s[q];
        if (!(c >= 'a' && c <= 'z') && c != ' ' && c != '-' && c != ',')
            return 0;
    }
    for (size_t q = b; q < ne; q++) {
        if (q > b && s[q - 1] != ' ')
            continue;
        size_t cl;
        if (extract_country_at(s, n, q, &cl))
            return 0;
        for (int j = 0; bad[j]; j++) {
            size_t k = extract_word(s, n, q, bad[j]);
            if (k && (q + k == ne || s[q + k] == ' '))
                return 0;
        }
    }
    /* a long name cut at a word */
    size_t len = ne - b;
    if (len >= size) {
        len = size - 1;
        while (len > 0 && s[b + len] != ' ')
            len--;
        while (len > 0 && (s[b + len - 1] == ',' || s[b + len - 1] == ' '))
            len--;
    }
    if (!len)
        return 0;
    snprintf(out, size, "%.*s", (int)len, s + b);
    return 1;
}

/* A part of a total named by the figure's parenthesis: "notably in the
 * processing and manufacturing industry (40.6 billion USD, accounting for 64
 * percent of the total)", "real estate (7 billion USD, accounting for 11.2
 * percent)". The figure opens the parenthesis, a share follows it inside,
 * and lowercase words (no country, no name) stand before it: the sector is
 * the product, so the parts of one total are not two readings of one key. */
static int ex_paren_part(const char *s, size_t n, size_t a, size_t start, size_t end, char *out,
                         size_t size)
{
    size_t o = start;
    while (o > a && s[o - 1] == ' ')
        o--;
    /* "mineral products (down by 63 million euros), transport equipment
     * (down by 47 million euros)": a change opening the parenthesis */
    int change = 0;
    {
        size_t w0;
        size_t we = extract_prev_word(s, n, o, &w0);
        if (we == o && w0 >= a && extract_word(s, n, w0, "by") == we - w0)
            we = extract_prev_word(s, n, w0, &w0);
        if (we > w0 && w0 > a &&
            (extract_word(s, n, w0, "down") == we - w0 ||
             extract_word(s, n, w0, "up") == we - w0) &&
            s[w0 - 1] == '(') {
            change = 1;
            o = w0;
        }
    }
    if (o <= a || s[o - 1] != '(')
        return 0;
    o--;
    /* a share inside the same parenthesis */
    int share = change;
    for (size_t q = end; q < n && q < end + 60 && s[q] != ')' && s[q] != '\n'; q++)
        if ((q == end || !ex_isalpha((unsigned char)s[q - 1])) &&
            (extract_word(s, n, q, "accounting for") || extract_word(s, n, q, "percent") ||
             extract_word(s, n, q, "per cent") || s[q] == '%'))
            share = 1;
    if (!share)
        return 0;
    size_t e = o;
    while (e > a && s[e - 1] == ' ')
        e--;
    size_t b0 = e;
    while (b0 > a && b0 + 90 > e && s[b0 - 1] != ';' && s[b0 - 1] != ':' && s[b0 - 1] != '(' &&
           s[b0 - 1] != ')' && s[b0 - 1] != '.')
        b0--;
    /* past the last "in the", "in", "notably", "and", "such as" */
    size_t q0 = b0;
    for (size_t q = b0; q < e; q++) {
        if (q > b0 && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t k;
        if ((k = extract_word(s, n, q, "in the")) || (k = extract_word(s, n, q, "in")) ||
            (k = extract_word(s, n, q, "notably")) || (k = extract_word(s, n, q, "such as")) ||
            (k = extract_word(s, n, q, "including")) ||
            (change && ((k = extract_word(s, n, q, "from")) || (k = extract_word(s, n, q, "for")))))
            q0 = q + k;
    }
    q0 = extract_skip_sp(s, n, q0, 0);
    if (change && q0 < e && s[q0] == ',')
        q0 = extract_skip_sp(s, n, q0 + 1, 0); /* "), transport equipment (down by" */
    size_t k = extract_word(s, n, q0, "and");
    if (k)
        q0 = extract_skip_sp(s, n, q0 + k, 0);
    /* capitalised only as the sentence's first word, and no country there
     * ("Logs, wood, and wood articles (up $2.6 billion)") */
    size_t cl0;
    int cap0 = q0 < e && q0 == extract_skip_sp(s, n, a, 1) && s[q0] >= 'A' && s[q0] <= 'Z' &&
               !extract_country_at(s, n, q0, &cl0);
    if (q0 >= e || !((s[q0] >= 'a' && s[q0] <= 'z') || cap0))
        return 0;
    for (size_t q = q0 + 1; q < e; q++)
        if (!((s[q] >= 'a' && s[q] <= 'z') || s[q] == ' ' || s[q] == ',' || s[q] == '-'))
            return 0;
    size_t len = e - q0;
    if (len >= size) {
        len = size - 1;
        while (len > 0 && s[q0 + len] != ' ')
            len--;
        /* cut at a word, not after "of" or "and" */
        for (int it = 0; it < 3 && len > 0; it++) {
            while (len > 0 && (s[q0 + len - 1] == ',' || s[q0 + len - 1] == ' '))
                len--;
            size_t w0 = len;
            while (w0 > 0 && s[q0 + w0 - 1] != ' ')
                w0--;
            if ((len - w0 == 2 && !strncmp(s + q0 + w0, "of", 2)) ||
                (len - w0 == 3 && !strncmp(s + q0 + w0, "and", 3)) ||
                (len - w0 == 3 && !strncmp(s + q0 + w0, "the", 3)))
                len = w0;
            else
                break;
        }
    }
    if (len < 3)
        return 0;
    snprintf(out, size, "%.*s", (int)len, s + q0);
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return 1;
}

/* An item of a list named right before its figure, the figure alone in
 * parentheses: "driven by higher hydrocarbon (72%), chemical (35%) and
 * mineral (14%) shipments", "woven garment ($3,254.31 million), knitwear
 * ($1,133.40 million)", "followed by diamonds (Dh40 billion)". The name is
 * one to four lowercase words (the first capitalised only at the sentence
 * start) back to a comma, a semicolon, a colon, a parenthesis or a joining
 * word ("and", "by", "of", "in", "such as"); a name with a country, a flow
 * word, a unit or a base period ("million (+5%)", "exports (€8 billion)",
 * "year-on-year (26%)") is no item. The items of one total are then
 * several observations, not conflicting readings of one key. */
static int ex_paren_item(const char *s, size_t n, size_t a, size_t start, size_t end, char *out,
                         size_t size)
{
    static const char *const joins[] = {"and",       "or",      "by",     "of",      "in",
                                        "as",        "notably", "namely", "including",
                                        "include",   "included", "were",  "was",     "are",
                                        "is",        "higher",  "lower",  "with",    "from",
                                        "for",       "mainly",  "mostly", "like",    "led",
                                        "followed",  NULL};
    static const char *const bad[] = {
        "exports",   "imports",  "export",   "import",    "exported", "imported", "trade",
        "turnover",  "balance",  "deficit",  "surplus",   "total",    "value",    "volume",
        "goods",     "products", "million",  "billion",   "trillion", "thousand", "percent",
        "cent",      "per",      "euros",    "euro",      "dollars",  "dollar",   "tonnes",
        "tons",      "the",      "a",        "an",        "it",       "this",     "that",
        "which",     "its",      "their",    "these",     "those",    "they",     "fob",
        "cif",       "rise",     "fall",     "increase",  "decrease", "decline",  "drop",
        "growth",    "change",   "up",       "down",      "respectively", "period", "year",
        "month",     "quarter",  "basis",    "terms",     "shipments", "sales",   "investment",
        "inflows",   "outflows", "flows",    "share",     "estimated", "prices",  "price",
        "only",      "alone",    "also",     "worth",     "valued",   "amount",   "sum",
        "figure",    "level",    "times",    NULL};
    size_t o = start, c = end;
    while (o > a && s[o - 1] == ' ')
        o--;
    while (c < n && s[c] == ' ')
        c++;
    if (o <= a || s[o - 1] != '(' || c >= n || s[c] != ')')
        return 0;
    size_t e = extract_skip_sp_back(s, n, o - 1, 0);
    size_t b = e, cur = e;
    int words = 0, bounded = 0;
    while (cur > a && words < 5) {
        size_t w0;
        size_t we = extract_prev_word(s, n, cur, &w0);
        if (we <= w0 || w0 < a || we != cur)
            break;
        int join = 0;
        for (int j = 0; joins[j]; j++)
            if (extract_word(s, n, w0, joins[j]) == we - w0)
                join = 1;
        if (join) {
            bounded = 1;
            break;
        }
        words++;
        b = w0;
        size_t p = extract_skip_sp_back(s, n, w0, 0);
        if (p <= a || w0 == extract_skip_sp(s, n, a, 1)) {
            bounded = 1;
            break;
        }
        if (s[p - 1] == ',' || s[p - 1] == ';' || s[p - 1] == ':' || s[p - 1] == '(' ||
            s[p - 1] == ')') {
            bounded = 1;
            break;
        }
        if (p == w0)
            break;
        cur = p;
    }
    if (!bounded || words < 1 || words > 4 || e - b > 40)
        return 0;
    int at_start = b == extract_skip_sp(s, n, a, 1);
    for (size_t q = b; q < e; q++) {
        unsigned char ch = (unsigned char)s[q];
        if (!((ch >= 'a' && ch <= 'z') || ch == ' ' || ch == '-' ||
              (q == b && at_start && ch >= 'A' && ch <= 'Z')))
            return 0;
    }
    for (size_t q = b; q < e; q++) {
        if (q > b && s[q - 1] != ' ')
            continue;
        size_t cl;
        if (extract_country_at(s, n, q, &cl))
            return 0;
        size_t we = q;
        while (we < e && s[we] != ' ')
            we++;
        for (int j = 0; bad[j]; j++)
            if (extract_word(s, n, q, bad[j]) == we - q)
                return 0;
        for (size_t h = q; h + 3 <= we; h++)
            if (!strncmp(s + h, "year", 4) || !strncmp(s + h, "month", 5) ||
                !strncmp(s + h, "-on-", 4))
                return 0;
    }
    if (e - b < 3 || e - b >= size)
        return 0;
    snprintf(out, size, "%.*s", (int)(e - b), s + b);
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return 1;
}

/* 1 when s[a..b) names a port ("the Port of Antwerp-Bruges", "Rotterdam
 * port"): its tonnage is the port's throughput, with every partner. */
static int ex_names_port(const char *s, size_t n, size_t a, size_t b)
{
    for (size_t q = a; q < b; q++)
        if ((q == a || !ex_isalpha((unsigned char)s[q - 1])) &&
            (extract_word_cs(s, n, q, "Port") || extract_word(s, n, q, "port") ||
             extract_word(s, n, q, "seaport") || extract_word(s, n, q, "ports") ||
             extract_word(s, n, q, "seaports")))
            return 1;
    return 0;
}

/* 1 when the figure ending at e is stated per year with no year of its
 * own ("handling 278 million tonnes annually", "8 million tonnes a year"). */
static int ex_yearly(const char *s, size_t n, size_t e)
{
    size_t q = extract_skip_sp(s, n, e, 1);
    /* "278 million tonnes of LNG annually": over the goods named */
    for (int it = 0; it < 3; it++) {
        size_t ky = extract_word(s, n, q, "a year");
        if (ky && (extract_word(s, n, q + ky, " ago") || extract_word(s, n, q + ky, " earlier") ||
                   extract_word(s, n, q + ky, " before")))
            return 0; /* "rising 3 percent from a year ago": a base, not a rate per year */
        if (extract_word(s, n, q, "annually") || extract_word(s, n, q, "per year") || ky ||
            extract_word(s, n, q, "each year") || extract_word(s, n, q, "every year") ||
            extract_word(s, n, q, "per annum"))
            return 1;
        size_t q0 = q;
        while (q < n && ex_isalpha((unsigned char)s[q]))
            q++;
        if (q == q0)
            return 0;
        q = extract_skip_sp(s, n, q, 1);
    }
    return 0;
}

/* The footnote mark at s[p..) (a superscript digit: ¹ ² ³ are C2 B9/B2/B3,
 * ⁰ ⁴-⁹ are E2 81 B0/B4-B9): the digit, its length in *len; else -1. */
static int ex_footnote_mark(const char *s, size_t n, size_t p, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s + p;
    if (p + 1 < n && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3)) {
        *len = 2;
        return u[1] == 0xB9 ? 1 : u[1] == 0xB2 ? 2 : 3;
    }
    if (p + 2 < n && u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
        *len = 3;
        return u[2] == 0xB0 ? 0 : u[2] - 0xB0;
    }
    return -1;
}

/* A figure with no time of its own whose paragraph ends in a footnote mark
 * ("...violence prevention.⁴") and whose footnote gives years ("the
 * assistance offered in 2007-2011"): those years, as "2007/2011" in out,
 * the footnote's line in *line. Returns 1 if found. */
static int ex_footnote_period(const ex_scan *sc, size_t from, char *out, size_t size,
                              unsigned long *line)
{
    const char *s = sc->s;
    size_t n = sc->n, ml = 0;
    int d = -1;
    size_t p = from;
    for (; p < n && d < 0; p++) {
        if (s[p] == '\n' && p + 1 < n && s[p + 1] == '\n')
            return 0; /* the paragraph ends with no mark */
        d = ex_footnote_mark(s, n, p, &ml);
    }
    if (d < 0)
        return 0;
    /* the footnote: a line after the mark that starts with the digit or the mark */
    for (size_t q = p; q < n; q++) {
        if (s[q] != '\n' || q + 2 >= n)
            continue;
        size_t b = q + 1, l2;
        int starts = (s[b] == '0' + d && (s[b + 1] == ' ' || s[b + 1] == '.')) ||
                     ex_footnote_mark(s, n, b, &l2) == d;
        if (!starts)
            continue;
        size_t e = b;
        while (e < n && s[e] != '\n')
            e++;
        for (size_t k = b; k + 9 <= e; k++) {
            int y1, y2;
            size_t dash = k + 4, dl = 1;
            if (!extract_year_at(s, n, k, &y1))
                continue;
            if (dash + 3 <= e && (unsigned char)s[dash] == 0xE2 && (unsigned char)s[dash + 1] == 0x80 &&
                (unsigned char)s[dash + 2] == 0x93)
                dl = 3; /* an en dash */
            else if (s[dash] != '-')
                continue;
            if (dash + dl + 4 <= e && extract_year_at(s, n, dash + dl, &y2) && y2 > y1) {
                snprintf(out, size, "%04d/%04d", y1 % 10000, y2 % 10000);
                unsigned long col;
                extract_position(sc, b, line, &col);
                return 1;
            }
        }
        return 0; /* the footnote names no years */
    }
    return 0;
}

/* Whether the word w occurs in s[a..b). */
static int ex_has_word(const char *s, size_t n, size_t a, size_t b, const char *w)
{
    for (size_t q = a; q < b; q++)
        if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) && extract_word(s, n, q, w))
            return 1;
    return 0;
}

/* "accounting for 15.4%, 21.0%, and 9.1%, respectively": figure i is the
 * idx-th of the k figures of the sentence s[a..b) before "respectively";
 * the flows ("trading partner, source of imports, and export market") or
 * countries ("to Peru, Chile and Bolivia") named before the first of them,
 * when there are k of them, go to the figures in order. Fills flow (size
 * 24) or country (size 8) for figure i; returns 1 if either was found. */
static int ex_respectively(const char *s, size_t n, size_t a, size_t b, const ex_raw *raw,
                           size_t nraw, size_t i, const char *skip_country, char *flow,
                           char *country)
{
    size_t resp = (size_t)-1;
    for (size_t q = raw[i].end; q < b && resp == (size_t)-1; q++)
        if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) && extract_word(s, n, q, "respectively"))
            resp = q;
    if (resp == (size_t)-1)
        return 0;
    /* the list: figures of one unit right before "respectively", with only
     * separators between them */
    size_t last = i;
    while (last + 1 < nraw && raw[last + 1].start < resp)
        last++;
    size_t first = last;
    while (first > 0 && raw[first - 1].start >= a &&
           raw[first - 1].is_percent == raw[last].is_percent &&
           (raw[last].is_percent || !strcmp(raw[first - 1].f.unit, raw[last].f.unit))) {
        int sep = 1;
        for (size_t q = raw[first - 1].end; q < raw[first].start && sep; q++)
            sep = s[q] == ' ' || s[q] == ',' || s[q] == '\n' ||
                  (extract_word(s, n, q, "and") && (q += 2, 1));
        if (!sep)
            break;
        first--;
    }
    if (i < first || i > last || last == first || raw[first].start <= a)
        return 0;
    size_t k = last - first + 1, idx = i - first;
    const char *flows[8];
    const char *ctry[8];
    size_t nf = 0, nc = 0;
    for (size_t q = a; q < raw[first].start; q++) {
        if (q > a && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t l;
        const char *f = extract_flow_word_at(s, n, q, &l);
        if (f && nf < 8) {
            flows[nf++] = f;
            q += l - 1;
            continue;
        }
        const char *c = extract_country_at(s, n, q, &l);
        if (c) {
            if (nc < 8 && strcmp(c, skip_country) && (nc == 0 || strcmp(ctry[nc - 1], c)))
                ctry[nc++] = c;
            q += l - 1;
        }
    }
    int got = 0;
    if (nf == k) {
        snprintf(flow, 24, "%s", flows[idx]);
        got = 1;
    }
    if (nc == k) {
        snprintf(country, 8, "%s", ctry[idx]);
        got = 1;
    }
    return got;
}

/* 1 when s[a..b) counts from the independence of a country that became
 * independent in 1991 (the former Soviet republics): "during the period of
 * independence", "since independence", "since Kazakhstan's independence",
 * "years of independence". host is the country the figure is about. */
static int ex_since_independence(const char *s, size_t n, size_t a, size_t b, const char *host)
{
    static const char *const ussr[] = {"KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS", "UKR", "BLR",
                                       "MDA", "GEO", "ARM", "AZE", "EST", "LVA", "LTU", NULL};
    int is = 0;
    for (int j = 0; ussr[j] && !is; j++)
        is = !strcmp(host, ussr[j]);
    if (!is)
        return 0;
    for (size_t q = a; q + 12 < b; q++) {
        if (q > a && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        if (extract_word(s, n, q, "period of independence") ||
            extract_word(s, n, q, "since independence") ||
            extract_word(s, n, q, "years of independence"))
            return 1;
        if (extract_word(s, n, q, "since")) {
            /* "since Kazakhstan's independence" */
            size_t q2 = extract_skip_sp(s, n, q + 5, 1), cl;
            if (extract_country_at(s, n, q2, &cl)) {
                size_t q3 = q2 + cl;
                while (q3 < b && s[q3] != ' ')
                    q3++;
                if (extract_word(s, n, extract_skip_sp(s, n, q3, 1), "independence"))
                    return 1;
            }
        }
    }
    return 0;
}

/* Is "than" at p a bound ("more than $12.4 billion", "less than"), not a
 * comparison with another figure ("higher than the $8.1 billion")? */
static int ex_bound_than(const char *s, size_t n, size_t p)
{
    size_t w0;
    size_t we = extract_prev_word(s, n, p, &w0);
    static const char *const bound[] = {"more",   "less", "fewer", "greater",
                                        "rather", "over", "under", NULL};
    for (size_t j = 0; we > w0 && bound[j]; j++)
        if (extract_word(s, n, w0, bound[j]) == we - w0)
            return 1;
    return 0;
}

/* A comparison word right before p ("compared to", "compared with",
 * "against", "versus", "than", "from", "in comparison with"): the time at p is the
 * base of the comparison, never the period of a figure before it. */
static int ex_cmp_word_before(const char *s, size_t n, size_t p)
{
    static const char *const filler[] = {"the",   "same",     "similar", "corresponding",
                                         "comparable", "period", "months", "month",
                                         "quarter", "time",     "of",      "in",
                                         "a",       NULL};
    size_t a = p, e = extract_prev_word(s, n, p, &a);
    for (int it = 0; it < 6 && e > a; it++) {
        /* "compared to the same period of 2019": back over the period's words */
        int skip = 0;
        for (size_t j = 0; filler[j] && !skip; j++)
            skip = extract_word(s, n, a, filler[j]) == e - a;
        if (!skip)
            break;
        p = a;
        e = extract_prev_word(s, n, p, &a);
    }
    if (e <= a)
        return 0;
    static const char *const direct[] = {"against", "versus", "vs", "than", "from", NULL};
    for (size_t j = 0; direct[j]; j++)
        if (extract_word(s, n, a, direct[j]) == e - a)
            return 1;
    if (extract_word(s, n, a, "to") != e - a && extract_word(s, n, a, "with") != e - a)
        return 0;
    size_t a2 = a, e2 = extract_prev_word(s, n, a, &a2);
    return e2 > a2 && (extract_word(s, n, a2, "compared") == e2 - a2 ||
                       extract_word(s, n, a2, "comparison") == e2 - a2);
}

/* Do a comparison word and a figure stand in s[from, to) before a time at to: "5.8%
 * higher than the R130.6 billion in February 2022", "increased 10.7% from
 * R139.4 billion in January"? Then the time is the base's, not the figure's
 * (but "rose 14% from $10bn to $12bn in 2023" is the figure's, and "from
 * January through October" is the time itself). */
static int ex_compared_before(const char *s, size_t n, size_t from, size_t to)
{
    int cmp = 0, figure = 0; /* a comparison word, then the figure compared with */
    for (size_t q = from; q < to; q++) {
        if (cmp && ex_isdigit((unsigned char)s[q]))
            figure = 1;
        if (q > from && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t kq = extract_word(s, n, q, "than");
        if (kq && ex_bound_than(s, n, q))
            kq = 0;
        if (!kq && (kq = extract_word(s, n, q, "from")) && extract_skip_sp(s, n, q + kq, 1) == to)
            kq = 0;
        size_t kc = extract_word(s, n, q, "compared");
        if (kc) {
            /* "compared to a 6.1 per cent decline in March": its "to" is
             * the comparison's, not a figure's end */
            size_t q2 = extract_skip_sp(s, n, q + kc, 1), kt;
            if ((kt = extract_word(s, n, q2, "to")) || (kt = extract_word(s, n, q2, "with")))
                q = q2 + kt - 1;
            cmp = 1, figure = 0;
        } else if (kq || extract_word(s, n, q, "against"))
            cmp = 1, figure = 0;
        else if (cmp && (extract_word(s, n, q, "to") || extract_word(s, n, q, "and")))
            cmp = figure = 0; /* "compared to the previous month and reached $7 million in
                               * February": another clause, the figure's own time */
    }
    return cmp && figure;
}

/* Is line (1-based) a heading: short, not ending a sentence, with a blank
 * line or the end after it ("1. Total external trade increases by 4.1
 * percent")? */
static int ex_heading_line(const ex_scan *sc, unsigned long line)
{
    if (line < 1 || line > sc->nlines)
        return 0;
    size_t a = sc->line_start[line - 1];
    size_t b = line < sc->nlines ? sc->line_start[line] : sc->n;
    size_t e = extract_skip_sp_back(sc->s, sc->n, b, 1);
    if (e <= a || e - a > 100 || sc->s[e - 1] == '.' || sc->s[e - 1] == ':')
        return 0;
    if (line == sc->nlines)
        return 1;
    size_t a2 = sc->line_start[line];
    size_t b2 = line + 1 < sc->nlines ? sc->line_start[line + 1] : sc->n;
    return extract_skip_sp(sc->s, sc->n, a2, 0) >= b2 ||
           sc->s[extract_skip_sp(sc->s, sc->n, a2, 0)] == '\n';
}

/* Is line (1-based) a heading, or a topic line of a text that writes no
 * blank lines: short, in capitals first, no end of a sentence on it, after
 * a line that ends one and before a line of text ("EU and China in world
 * trade in goods")? */
static int ex_topic_line(const ex_scan *sc, unsigned long line)
{
    if (line < 1 || line > sc->nlines)
        return 0;
    const char *s = sc->s;
    size_t n = sc->n;
    size_t la = sc->line_start[line - 1], lb = line < sc->nlines ? sc->line_start[line] : n;
    for (size_t q = la; q < lb; q++)
        if (sc->skip && sc->skip[q])
            return 0; /* a table's row, not a heading */
    for (unsigned long l2 = line + 1; l2 <= sc->nlines && l2 <= line + 2; l2++) {
        size_t a2 = sc->line_start[l2 - 1], b2 = l2 < sc->nlines ? sc->line_start[l2] : n;
        if (extract_skip_sp(s, n, a2, 0) >= b2 || s[extract_skip_sp(s, n, a2, 0)] == '\n')
            continue;
        for (size_t q = a2; q < b2; q++)
            if (sc->skip && sc->skip[q])
                return 0; /* a table's caption: the prose after the table is not under it */
        break;
    }
    if (ex_heading_line(sc, line))
        return 1;
    if (line < 2 || line >= sc->nlines)
        return 0;
    size_t a = extract_skip_sp(s, n, sc->line_start[line - 1], 0);
    size_t e = extract_skip_sp_back(s, n, sc->line_start[line], 1);
    if (e <= a || e - a > 80 || !ex_isupper((unsigned char)s[a]))
        return 0;
    char c = s[e - 1];
    if (c == '.' || c == ':' || c == ';' || c == ',' || c == '!' || c == '?' || c == '"' ||
        c == ')' || c == '-')
        return 0;
    size_t pe = extract_skip_sp_back(s, n, sc->line_start[line - 1], 1);
    if (pe <= sc->line_start[line - 2] || (s[pe - 1] != '.' && s[pe - 1] != '!' && s[pe - 1] != '?'))
        return 0;
    size_t na = extract_skip_sp(s, n, sc->line_start[line], 0);
    size_t nb = line + 1 < sc->nlines ? sc->line_start[line + 1] : n;
    return na < nb && nb - na > 60 && ex_isupper((unsigned char)s[na]);
}

/* The start of the paragraph around p: just after the blank line before
 * it, or 0. */
static size_t ex_para_start(const char *s, size_t p)
{
    for (size_t q = p; q > 0; q--) {
        if (s[q - 1] != '\n')
            continue;
        size_t k = q - 1;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r'))
            k--;
        if (k > 0 && s[k - 1] == '\n')
            return q;
    }
    return 0;
}

/* The period to carry into a new paragraph: the paragraph's first period
 * when it is a span from January whose last month is the one carried ("In
 * January-July, trade reached ... gold in July rose to ..." and then "The
 * largest partner was China"), else the period carried. */
static const char *ex_para_carry(const char *carried, const char *para)
{
    size_t lp = strlen(para);
    if (lp == 15 && para[7] == '/' && !strncmp(para + 4, "-01", 3) && strlen(carried) == 7 &&
        !strcmp(para + 8, carried) && !strncmp(para, carried, 4))
        return para;
    return carried;
}

/* "from last year's $8.2 billion", "the previous year's $974.4 million"
 * right before the figure at start, after a figure of months (prev_period)
 * of the year after: that time, else NULL. */
static const ex_time *ex_year_before_of(const char *s, size_t n, const ex_time *times, size_t nt,
                                        size_t start, const char *prev_period)
{
    if (strlen(prev_period) <= 4)
        return NULL;
    const ex_time *found = NULL;
    for (size_t t = 0; t < nt; t++) {
        const ex_time *x = &times[t];
        if (x->ago && strlen(x->text) == 4 && x->b <= start && start - x->b < 6 &&
            (s[x->b] == '\'' || (x->b + 3 <= n && !memcmp(s + x->b, "\xE2\x80\x99", 3))) &&
            ex_period_year(prev_period) == atoi(x->text) + 1)
            found = x;
    }
    return found;
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
    ex_doc doc;
    memset(&doc, 0, sizeof doc);
    if (sc->opt && sc->opt->date_year) {
        doc.year = sc->opt->date_year;
        doc.month = sc->opt->date_month;
    } else {
        ex_doc_date(sc, &doc);
    }
    ex_doc_sides(sc, &doc);
    if (!doc.reporter[0] && st->nraw) {
        /* "Foreign Trade Statistics for the Quarter of September, 2011
         * recorded a Trade Deficit of T$76.9 million": a text that names no
         * country at all and counts every amount in one land's own currency
         * (not the dollar that all quote) is that land's */
        const char *land = NULL;
        size_t at = 0;
        int one = 1;
        for (size_t i = 0; one && i < st->nraw; i++) {
            const char *u = st->raw[i].f.unit;
            if (!trade_unit_is_currency(u))
                continue;
            const char *l = extract_currency_land(u);
            if (!l || !strcmp(u, "USD") || (land && strcmp(land, l)))
                one = 0;
            else if (!land)
                land = l, at = st->raw[i].start;
        }
        for (size_t p = 0; one && land && p < n; p++) {
            size_t k;
            if ((p == 0 || !ex_isalpha((unsigned char)s[p - 1])) && extract_country_at(s, n, p, &k))
                one = 0;
        }
        if (one && land) {
            unsigned long col;
            snprintf(doc.reporter, sizeof doc.reporter, "%s", land);
            extract_position(sc, at, &doc.line, &col);
            doc.by_currency = 1;
        }
    }
    doc.fiscal = extract_fiscal_start(s, n, doc.reporter);
    if (!doc.year) {
        /* no date: month names without a year take the latest year written */
        doc.text_year = extract_text_year(s, n);
    }
    const ex_clock clock = {doc.year, doc.month, doc.fiscal, doc.text_year,
                            extract_fiscal_begins(doc.reporter)};
    const unsigned date_lines = ex_date_lines(sc);
    snprintf(sc->doc_reporter, sizeof sc->doc_reporter, "%s", doc.reporter);
    snprintf(sc->doc_partner, sizeof sc->doc_partner, "%s", doc.partner);
    {
        /* a bare "$" in a document about a dollar country other than the
         * United States is that country's dollar ("Canada's merchandise
         * trade ... $1.06 trillion") */
        const char *own = extract_own_dollar(doc.reporter);
        for (size_t i = 0; own && i < st->nraw; i++) {
            ex_raw *r = &st->raw[i];
            size_t q = r->start;
            if (strcmp(r->f.unit, "USD") != 0 || q >= n || s[q] != '$')
                continue;
            size_t b0;
            uint32_t c0 = extract_prev_cp(s, n, q, &b0);
            size_t w0;
            size_t we = extract_prev_word(s, n, q, &w0);
            int us = we > w0 && (extract_word_cs(s, n, w0, "US") || extract_word_cs(s, n, w0, "U"));
            if (!us && (c0 == 0 || c0 == ' ' || c0 == '(' || c0 == '\n' || c0 == '-' ||
                        c0 == 0x2212))
                memcpy(r->f.unit, own, 4);
        }
        /* a bare "Sh72.2 billion", "Shs1.5 trillion": the document's shilling */
        const char *sh = extract_own_shilling(doc.reporter);
        for (size_t i = 0; sh && i < st->nraw; i++) {
            ex_raw *r = &st->raw[i];
            if (r->start + 2 < n && s[r->start] == 'S' && s[r->start + 1] == 'h' &&
                (!strcmp(r->f.unit, "KES") || !strcmp(r->f.unit, "UGX")))
                memcpy(r->f.unit, sh, 4);
        }
    }
    /* the time the title names ("Foreign Trade Report, Third Quarter
     * (July-September 2011)", "January-March foreign trade falls" over a
     * date line of 2009): the months of the text's figures that name none */
    ex_time title_time;
    memset(&title_time, 0, sizeof title_time);
    const unsigned long title_line_no = doc.date_line == 1 ? 2 : 1;
    unsigned long pub_line = 0; /* "Published: 2009", a date line of a year alone */
    int pub_year = doc.year ? 0 : ex_year_line(sc, &pub_line);
    if (title_line_no <= sc->nlines) {
        size_t ta = sc->line_start[title_line_no - 1];
        size_t tb = title_line_no < sc->nlines ? sc->line_start[title_line_no] : n;
        ex_time tt[8];
        size_t ntt = extract_times(s, n, ta, tb, tt, 8, &clock, pub_year);
        for (size_t t = ntt; t > 0; t--)
            if (!tt[t - 1].base && !tt[t - 1].carry && !tt[t - 1].ago && tt[t - 1].text[0]) {
                title_time = tt[t - 1];
                break;
            }
    }
    unsigned long list_line = 0; /* the line of the last item of a list a colon opens */
    size_t main_idx = (size_t)-1; /* the last figure that is not an aside, in sc->out */
    int last_aside = 0;
    const char *route = NULL;    /* the route named last ("the Middle Corridor") */
    size_t route_end = 0, route_scan = 0;
    unsigned long route_line = 0;
    const trade_figure *last = NULL; /* the figure before, resolved */
    size_t last_end = 0;
    ex_who before;
    char main_period[40] = ""; /* the period of the last figure not in parentheses */
    char para_period[40] = ""; /* the first such period of its paragraph */
    int main_year = -1;        /* the year of main_period as a context (0: the date's; -1: none) */
    int last_was_base = 0;     /* the figure before is of the base of a comparison */
    size_t para_at = (size_t)-1; /* that paragraph's start */
    char to_period[40] = "";   /* the period of "to 79 bn in the same period of 2011" */
    size_t to_sent = (size_t)-1;
    int have_before = 0;
    unsigned long before_line = 0;
    memset(&before, 0, sizeof before);
    for (size_t i = 0; i < st->nraw; i++) {
        ex_raw *r = &st->raw[i];
        char note[400] = "";
        int looks_back = 0; /* a comparison figure: "a year earlier", "the previous two months" */
        {
            /* "dropped 1.1 percent in September following a 6.1-percent
             * decline in August": the earlier figure does not set the period
             * that the next sentences carry */
            size_t w0, v0;
            size_t we = extract_prev_word(s, n, r->start, &w0);
            if (we > w0 && (extract_word(s, n, w0, "a") == we - w0 || extract_word(s, n, w0, "an") == we - w0))
                we = extract_prev_word(s, n, w0, &v0), w0 = v0;
            if (we > w0 && (extract_word(s, n, w0, "following") == we - w0 ||
                            extract_word(s, n, w0, "after") == we - w0))
                looks_back = 1;
        }
        size_t a, b;
        int ctx_year = last ? ex_period_year(last->period) : 0;
        if (last && doc.year &&
            (strstr(last->note, "period from the document's date") ||
             strstr(last->note, "period from the date on line")))
            ctx_year = 0; /* a year guessed from the date, or one relative to it ("last
                             year's total"), is no context: the date's own year */
        if (last && main_year >= 0 && last_was_base)
            ctx_year = main_year; /* "from $5.8 billion in the same period a year ago": a
                                     base is no context, the main figure before it is */
        if (last && main_year >= 0 && !strcmp(last->qualifier, "projection"))
            ctx_year = main_year; /* "the $10 billion target set for 2023": a target's
                                     year is no context either */
        if (!ctx_year && !doc.year)
            ctx_year = doc.text_year;
        if (r->start >= sent_a && r->end <= sent_b) {
            a = sent_a;
            b = sent_b;
        } else {
            extract_sentence(sc, r->start, &a, &b);
            if (b < r->end)
                b = r->end;
            if (last && last_end < a && a - last_end < 1500 &&
                strcmp(last->qualifier, "projection")) {
                /* "Exports, which exceeded $180 billion for the first time in
                 * 2019, also started well into 2020. ... data for January":
                 * a year written after the figure before, in sentences with
                 * no figure, is the context of months without a year (not
                 * after a target: "the $10 billion target set for 2023") */
                ex_time gt[16];
                size_t ng = extract_times(s, n, last_end, a, gt, 16, &clock, ctx_year);
                for (size_t t = ng; t > 0; t--) {
                    unsigned long tl, tc;
                    extract_position(sc, gt[t - 1].a, &tl, &tc);
                    if (gt[t - 1].base || gt[t - 1].carry || (doc.date_line && tl == doc.date_line) ||
                        (tl < 32 && (date_lines >> tl) & 1u))
                        continue;
                    if (ex_period_year(gt[t - 1].text))
                        ctx_year = ex_period_year(gt[t - 1].text);
                    break;
                }
            }
            nt = extract_times(s, n, a, b, times, sizeof times / sizeof times[0], &clock, ctx_year);
            if (doc.date_line || date_lines) {
                /* the date line is the document's date, not a figure's period
                 * (nor is a byline's date) */
                size_t k = 0;
                for (size_t t = 0; t < nt; t++) {
                    unsigned long tl, tc;
                    extract_position(sc, times[t].a, &tl, &tc);
                    if ((tl != doc.date_line ||
                         (doc.date_field_end && times[t].a >= doc.date_field_end)) &&
                        !(tl < 32 && (date_lines >> tl) & 1u))
                        times[k++] = times[t];
                }
                nt = k;
            }
            for (size_t q = a; doc.year && doc.month && q + 10 <= b &&
                               nt < sizeof times / sizeof times[0];
                 q++) {
                /* "exports to China last month came to $9.63 billion": the
                 * month before the document's date ("this month": its month) */
                if (q > a && ex_isalpha((unsigned char)s[q - 1]))
                    continue;
                size_t k;
                int back;
                if ((k = extract_word(s, n, q, "last month")) ||
                    (k = extract_word(s, n, q, "the previous month")))
                    back = 1;
                else if ((k = extract_word(s, n, q, "this month")))
                    back = 0;
                else
                    continue;
                int inside = 0;
                for (size_t t = 0; t < nt; t++)
                    if (q >= times[t].a && q < times[t].b)
                        inside = 1;
                if (inside)
                    continue;
                int mi = doc.year * 12 + doc.month - 1 - back;
                ex_time *e = &times[nt++];
                memset(e, 0, sizeof *e);
                e->a = q;
                e->b = q + k;
                e->paren = (size_t)-1;
                for (size_t pq = q; pq > a; pq--)
                    if (s[pq - 1] == ')')
                        break;
                    else if (s[pq - 1] == '(') {
                        e->paren = pq - 1;
                        break;
                    }
                size_t w0;
                size_t we = extract_prev_word(s, n, q, &w0);
                e->base = we > w0 && w0 >= a &&
                          (extract_word(s, n, w0, "than") == we - w0 ||
                           extract_word(s, n, w0, "from") == we - w0 ||
                           extract_word(s, n, w0, "with") == we - w0 ||
                           extract_word(s, n, w0, "on") == we - w0 ||
                           extract_word(s, n, w0, "over") == we - w0 ||
                           extract_word(s, n, w0, "to") == we - w0 ||
                           extract_word(s, n, w0, "against") == we - w0);
                snprintf(e->text, sizeof e->text, "%04d-%02d", (mi / 12) % 10000, mi % 12 + 1);
                q += k - 1;
            }
            sent_a = a;
            sent_b = b;
            /* the sentence before, when it is in the same paragraph and has
             * no figure of its own */
            have_before = 0;
            size_t q = a;
            int nl = 0;
            while (q > 0 &&
                   (s[q - 1] == ' ' || s[q - 1] == '\n' || s[q - 1] == '\r' || s[q - 1] == '\t')) {
                nl += s[q - 1] == '\n';
                q--;
            }
            if (q > 0 && nl >= 2 && a < n && s[a] >= 'a' && s[a] <= 'z') {
                /* a paragraph that starts in lower case goes on a sentence cut
                 * by a page break or by footnotes ("... increases over the last
                 * few years,\n\n¹ In 2010, ...\n\nrising from EUR 940,000"):
                 * look back over the footnote paragraphs */
                for (int it = 0; it < 6 && q > 0; it++) {
                    size_t ps = q;
                    while (ps > 0 && !(s[ps - 1] == '\n' && ps >= 2 && s[ps - 2] == '\n'))
                        ps--;
                    unsigned char c0 = (unsigned char)s[ps];
                    int footnote = (c0 == 0xC2 && ps + 1 < n &&
                                ((unsigned char)s[ps + 1] == 0xB9 || (unsigned char)s[ps + 1] == 0xB2 ||
                                 (unsigned char)s[ps + 1] == 0xB3)) ||
                               (c0 == 0xE2 && ps + 2 < n && (unsigned char)s[ps + 1] == 0x81) ||
                               (ex_isdigit(c0) && ps + 1 < n && (s[ps + 1] == ' ' || ex_isdigit((unsigned char)s[ps + 1])));
                    if (!footnote) {
                        nl = 0; /* the paragraph the sentence began in */
                        break;
                    }
                    q = ps;
                    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\n' || s[q - 1] == '\r'))
                        q--;
                }
            }
            if (q > 0 && nl < 2) {
                size_t pa, pb;
                extract_sentence(sc, q - 1, &pa, &pb);
                if (pb > q)
                    pb = q;
                if (pa >= last_end && pa < pb && pb <= a) {
                    ex_raw fake;
                    memset(&fake, 0, sizeof fake);
                    fake.start = fake.end = fake.num_start = pb;
                    extract_who(s, n, pa, pb, &fake, &before);
                    unsigned long col;
                    extract_position(sc, pa, &before_line, &col);
                    have_before = 1;
                }
            }
        }
        /* the figure before counts when it is near: in the same sentence or
         * at most about three sentences back */
        const trade_figure *prev = last && r->start - last_end < 900 ? last : NULL;
        if (prev && last_aside && main_idx != (size_t)-1 && last_end <= a) {
            /* the figure before was an aside ("In particular, Chinese imports
             * accounted for ...", "while it remains the largest export market
             * (USD 1.63 billion)"): a new sentence goes on from the main one */
            prev = &sc->out->items[main_idx];
        }
        int same_sentence = prev && last_end > a;
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
            extract_classify_percent(s, n, a, lo, r);
            if (i > 0 &&
                (!strcmp(r->f.unit, "percent") ||
                 (!strcmp(r->f.unit, "percent_change") && !r->sign_change &&
                  st->raw[i - 1].f.value < 0)) &&
                !strcmp(st->raw[i - 1].f.measure, "change") &&
                trade_unit_is_currency(st->raw[i - 1].f.unit) && st->raw[i - 1].end <= r->start &&
                r->start - st->raw[i - 1].end < 12) {
                /* "fell by £5.6 billion – 19.3 per cent", "a £5.6 billion, or
                 * 40.7 per cent, plunge", "dropped £6.6 billion (28 per
                 * cent)", "a decrease of QR 5.2 billion or 19.6 percent
                 * compared to March 2022": the same change as a rate, with
                 * its sign */
                int plain = 1;
                for (size_t q = st->raw[i - 1].end; q < r->start && plain; q++) {
                    unsigned char c = (unsigned char)s[q];
                    if (c == ' ' || c == ',' || c == '(' || c == '-' || c >= 0x80)
                        continue;
                    if (extract_word(s, n, q, "or") == 2 && (q == 0 || s[q - 1] == ' ')) {
                        q++;
                        continue;
                    }
                    if (extract_word(s, n, q, "overall") == 7 && (q == 0 || s[q - 1] == ' ')) {
                        q += 6;
                        continue;
                    }
                    plain = 0;
                }
                if (plain) {
                    memcpy(r->f.unit, "percent_change", 15);
                    if (st->raw[i - 1].f.value < 0 && r->f.value > 0)
                        r->f.value = -r->f.value;
                }
            }
            /* "grew 15 percent, imports 7 percent": the list goes on */
            if (strcmp(r->f.unit, "percent") == 0 && i > 0 && !r->sign_change) {
                const ex_raw *pv = &st->raw[i - 1];
                size_t after = extract_skip_sp(s, n, r->end, 1);
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
        if (r->is_percent && !strcmp(r->f.unit, "percent_change") && i > 0 && r->f.value > 0 &&
            st->raw[i - 1].end <= r->start && st->raw[i - 1].end >= a &&
            st->raw[i - 1].f.value < 0 && !strcmp(st->raw[i - 1].f.unit, "percent_change")) {
            /* "decreased by 17 percent, milk - by 27.9 percent": the list goes on falling */
            size_t w0;
            size_t we = extract_prev_word(s, n, r->start, &w0);
            size_t d = w0;
            int item = 0;
            if (we > w0 && extract_word(s, n, w0, "by") == we - w0) {
                d = extract_skip_sp_back(s, n, w0, 0);
                item = d > 0 && (s[d - 1] == '-' || (d >= 3 && (unsigned char)s[d - 3] == 0xE2));
            }
            if (item) {
                r->f.value = -r->f.value;
                r->list_item = d;
            }
        }
        if (r->is_percent && !strcmp(r->f.unit, "percent") && i > 0 &&
            st->raw[i - 1].end <= r->start) {
            /* "($1.3 bln (9.7%)" after "($512 mln (a 10.3% increase)": the same kind */
            size_t fp0 = extract_paren(s, a, r->start);
            const ex_raw *pr = &st->raw[i - 1];
            int bare = fp0 != (size_t)-1 && extract_skip_sp(s, n, fp0 + 1, 0) == r->start &&
                       trade_unit_is_currency(pr->f.unit) && fp0 >= pr->end && fp0 - pr->end < 4;
            int sib = 0;
            for (size_t j = i - 1; bare && j > 0 && st->raw[j - 1].start >= a; j--)
                if (!strcmp(st->raw[j - 1].f.unit, "percent_change"))
                    sib = 1;
            if (bare && sib)
                memcpy(r->f.unit, "percent_change", 15);
        }
        if (!r->f.qualifier[0])
            snprintf(r->f.qualifier, sizeof r->f.qualifier, "%s",
                     extract_qualifier(s, n, a, lo, r->start, r->end));
        /* period */
        size_t fp = extract_paren(s, a, r->start);
        size_t next = (i + 1 < st->nraw && st->raw[i + 1].start < b) ? st->raw[i + 1].start : b;
        {
            /* "$1.47 billion (2.0% of GDP) registered during the same period
             * last year": the figure of a note right after it does not end
             * its clause */
            size_t o = extract_skip_sp(s, n, r->end, 1), c = o + 1;
            while (o < n && s[o] == '(' && c < n && c < o + 40 && s[c] != ')' && s[c] != '(' &&
                   s[c] != '\n')
                c++;
            if (o < n && s[o] == '(' && c < n && s[c] == ')' && next < c) {
                size_t j = i + 1;
                while (j < st->nraw && st->raw[j].start < c)
                    j++;
                next = j < st->nraw && st->raw[j].start < b ? st->raw[j].start : b;
            }
        }
        const ex_time *pick = NULL;
        int in_paren_of_prev = 0;
        if (fp != (size_t)-1) {
            /* "January 2021 (€18.9 billion)", "than in 2022 (541,768 tons)" */
            size_t q = extract_skip_sp_back(s, n, fp, 1);
            for (size_t t = 0; t < nt && !pick; t++)
                if (times[t].b == q && times[t].paren == (size_t)-1)
                    pick = &times[t];
            in_paren_of_prev =
                same_sentence && i > 0 && st->raw[i - 1].end <= fp && fp - st->raw[i - 1].end < 40;
            for (size_t q2 = i > 0 ? st->raw[i - 1].end : fp; in_paren_of_prev && q2 < fp; q2++)
                if (s[q2] == ',' || s[q2] == ';')
                    in_paren_of_prev = 0;
        }
        ex_time *cmp_after = NULL; /* the base's time after the figure */
        int to_before = 0; /* "from 61 bn in 2010 to 79 bn in the same period of 2011" */
        int picked_after = 0;
        {
            size_t v0;
            size_t ve = extract_prev_word(s, n, r->start, &v0);
            to_before = ve > v0 && extract_word(s, n, v0, "to") == ve - v0 && prev &&
                        same_sentence && prev->period[0];
            /* "$460 million ... against $277 million in the corresponding
             * period last fiscal", "The deficit was $993m in the same period
             * of the last fiscal year": the base period is the figure's own */
            size_t q = extract_skip_sp(s, n, r->end, 1), k;
            if (q < n && s[q] == '(') {
                /* "the $1.47 billion (2.0% of GDP) registered during the same
                 * period last year" */
                size_t c = q + 1;
                while (c < n && c < q + 40 && s[c] != ')' && s[c] != '(' && s[c] != '\n')
                    c++;
                if (c < n && s[c] == ')')
                    q = extract_skip_sp(s, n, c + 1, 1);
            }
            /* "the US$636.40Mn spent in a similar period in 2023" */
            static const char *const done[] = {"spent",    "recorded", "registered", "earned",
                                               "reported", "seen",     NULL};
            if ((k = extract_word(s, n, q, "which was")) ||
                (k = extract_word(s, n, q, "that was")) ||
                (k = extract_word(s, n, q, "which were")))
                q = extract_skip_sp(s, n, q + k, 1); /* "which was spent for the similar period" */
            for (int j = 0; done[j]; j++)
                if ((k = extract_word(s, n, q, done[j])) != 0) {
                    q = extract_skip_sp(s, n, q + k, 1);
                    break;
                }
            if (!to_before && prev && prev->period[0] && strncmp(r->f.unit, "percent", 7) &&
                ((k = extract_word(s, n, q, "in")) || (k = extract_word(s, n, q, "during")) ||
                 (k = extract_word(s, n, q, "for")))) {
                q = extract_skip_sp(s, n, q + k, 1);
                to_before = extract_word(s, n, q, "the same period") ||
                            extract_word(s, n, q, "the corresponding period") ||
                            extract_word(s, n, q, "the same months") ||
                            extract_word(s, n, q, "the same month") ||
                            extract_word(s, n, q, "the same quarter") ||
                            extract_word(s, n, q, "a similar period") ||
                            extract_word(s, n, q, "the similar period") ||
                            extract_word(s, n, q, "the comparable period");
                if (!to_before) {
                    /* "recorded in the similar 2023 period" */
                    size_t q2 = q;
                    if ((k = extract_word(s, n, q2, "the")) || (k = extract_word(s, n, q2, "a")))
                        q2 = extract_skip_sp(s, n, q2 + k, 1);
                    if ((k = extract_word(s, n, q2, "same")) ||
                        (k = extract_word(s, n, q2, "similar")) ||
                        (k = extract_word(s, n, q2, "corresponding")) ||
                        (k = extract_word(s, n, q2, "comparable"))) {
                        int yy;
                        q2 = extract_skip_sp(s, n, q2 + k, 1);
                        to_before = extract_year_at(s, n, q2, &yy) &&
                                    extract_word(s, n, extract_skip_sp(s, n, q2 + 4, 1), "period");
                    }
                }
            }
        }
        for (size_t t = 0; t < nt && !pick; t++) {
            if ((times[t].base &&
                 !(to_before && times[t].same && !ex_cmp_word_before(s, n, times[t].a)) &&
                 !times[t].cmp) ||
                times[t].paren != fp ||
                !(times[t].a >= r->end && times[t].a < next && times[t].a < r->end + 70))
                continue;
            /* right after the figure, in the same clause */
            int clause = 1;
            for (size_t q = r->end; q < times[t].a; q++) {
                if (s[q] == '(') {
                    /* "foreign direct investment (FDI) this year": an
                     * abbreviation in parentheses stays in the clause */
                    /* "$1.47 billion (2.0% of GDP) registered during the
                     * same period": a note right after the figure too */
                    int own = extract_skip_sp(s, n, r->end, 1) == q;
                    size_t c = q + 1;
                    /* "7,024.4 million euros ($7,482.4 million) in the same
                     * month of 2023": a thousands comma inside the note */
                    while (c < times[t].a && c - q < (own ? 40u : 10u) && s[c] != ')' &&
                           s[c] != '(' &&
                           (s[c] != ',' || (own && ex_isdigit((unsigned char)s[c - 1]) &&
                                            c + 1 < n && ex_isdigit((unsigned char)s[c + 1]))) &&
                           (own || !ex_isdigit((unsigned char)s[c])))
                        c++;
                    if (c < times[t].a && s[c] == ')') {
                        q = c;
                        continue;
                    }
                }
                if (s[q] == ',' || s[q] == ';' || s[q] == '(' || s[q] == ':')
                    clause = 0;
                /* "dropped 27.3 percent on-year as the decline continues for
                 * the 12th straight month in May": another clause */
                if (q > r->end && !ex_isalpha((unsigned char)s[q - 1]) &&
                    !(to_before && times[t].same && extract_word(s, n, q, "which")) &&
                    (extract_word(s, n, q, "as the") || extract_word(s, n, q, "while") ||
                     extract_word(s, n, q, "whereas") || extract_word(s, n, q, "which") ||
                     extract_word(s, n, q, "when")))
                    clause = 0;
            }
            if (clause && ex_compared_before(s, n, r->end, times[t].a)) {
                cmp_after = &times[t];
                clause = 0;
            }
            if (clause) {
                pick = &times[t];
                picked_after = 1;
            }
            break;
        }
        if (!pick) {
            /* "in comparison to 2011, which totalled €7 million", "compared to
             * 2010, when exports amounted to": the figure of the base year */
            for (size_t t = nt; t > 0 && !pick; t--) {
                const ex_time *bt = &times[t - 1];
                if (!bt->base || bt->b > r->start || r->start - bt->b > 60 || bt->paren != fp)
                    continue;
                size_t q = extract_skip_sp(s, n, bt->b, 1);
                if (q < n && s[q] == ',') {
                    q = extract_skip_sp(s, n, q + 1, 1);
                    if (extract_word(s, n, q, "which") || extract_word(s, n, q, "when"))
                        pick = bt;
                }
                break;
            }
            if (pick)
                ex_note_add(note, sizeof note,
                            "period: the year compared with, which the figure describes");
        }
        for (size_t t = nt; t > 0 && !pick; t--)
            if (times[t - 1].b <= r->start && !times[t - 1].base && times[t - 1].paren == fp)
                pick = &times[t - 1];
        for (size_t t = 0; t < nt && !pick && fp == (size_t)-1; t++)
            if (times[t].a >= r->end && !times[t].base && times[t].paren == (size_t)-1) {
                if (ex_compared_before(s, n, r->end, times[t].a)) {
                    if (!cmp_after)
                        cmp_after = &times[t];
                    continue;
                }
                pick = &times[t];
            }
        if (!pick && prev && same_sentence && fp == (size_t)-1) {
            /* "rose by 6.2% from February 2023's exports of $8.9 billion":
             * the figure compared with is of the base's time */
            for (size_t t = nt; t > 0 && !pick; t--) {
                const ex_time *bt = &times[t - 1];
                if (bt->b > r->start)
                    continue;
                if (!bt->base || bt->same || bt->paren != (size_t)-1 || r->start - bt->b > 40 ||
                    bt->a < st->raw[i - 1].end)
                    break;
                /* only a possessive: "February 2023's exports of" */
                int plain =
                    bt->b + 2 < n && (s[bt->b] == '\'' || ((unsigned char)s[bt->b] == 0xE2 &&
                                                           (unsigned char)s[bt->b + 1] == 0x80 &&
                                                           (unsigned char)s[bt->b + 2] == 0x99));
                for (size_t q = bt->b; q < r->start && plain; q++)
                    if (s[q] == ',' || s[q] == ';' || s[q] == '(' ||
                        (!ex_isalpha((unsigned char)s[q - 1]) && extract_word(s, n, q, "to")))
                        plain = 0;
                if (plain) {
                    pick = bt;
                    ex_note_add(note, sizeof note, "period: the time of the base it is");
                }
                break;
            }
        }
        if (!pick && fp != (size_t)-1 && !in_paren_of_prev) {
            /* "In 2022, China was ... (9.0 %)": the sentence's time outside */
            for (size_t t = nt; t > 0 && !pick; t--)
                if (times[t - 1].b <= fp && !times[t - 1].base && times[t - 1].paren == (size_t)-1)
                    pick = &times[t - 1];
            /* "Germany (25.2 bn euro or 32 %) was the largest exporter in the
             * first nine months of 2011": the time after it, when the
             * sentence has none before */
            int own_paren = !same_sentence || (i > 0 && st->raw[i - 1].start > fp &&
                                               extract_paren(s, a, st->raw[i - 1].start) == fp);
            for (size_t t = 0; t < nt && !pick && own_paren; t++)
                if (times[t].a > r->end && !times[t].base && !times[t].cmp &&
                    times[t].paren == (size_t)-1 && times[t].a < b)
                    pick = &times[t];
        }
        const ex_time *base_only = NULL;
        if (!pick) {
            /* "growing 37.7 percent compared to 2020" and no other time: the
             * year after the base */
            size_t nb = 0;
            for (size_t t = 0; t < nt; t++)
                if ((times[t].base || &times[t] == cmp_after) &&
                    (strlen(times[t].text) == 4 ||
                     (strlen(times[t].text) == 7 && times[t].text[4] == '-')) &&
                    !times[t].same) {
                    base_only = &times[t];
                    nb++;
                } else if (!times[t].base) {
                    nb = 99;
                }
            if (nb != 1)
                base_only = NULL;
        }
        if (cmp_after) {
            /* the next figures of the sentence do not take it either, but the
             * figure compared with, right before it, does */
            cmp_after->base = 1;
            cmp_after->cmp = 1;
        }
        int period_from = 0; /* 1: the figure before, 2: the document's date */
        int year_before = 0; /* "from last year's $8.2 billion": a base, not carried on */
        /* "last year's", "the previous year's" right before it */
        const ex_time *poss = NULL;
        if (same_sentence)
            poss = ex_year_before_of(s, n, times, nt, r->start, last->period);
        /* a heading between the figure before and this one starts another
         * topic: its time, if it writes one, else no period carried over */
        unsigned long head_line = 0;
        ex_time head_time;
        memset(&head_time, 0, sizeof head_time);
        if (prev && last_end <= a && !pick) {
            unsigned long l0, l1, col;
            extract_position(sc, last_end, &l0, &col);
            extract_position(sc, r->start, &l1, &col);
            for (unsigned long hl = l0 + 1; hl < l1 && hl <= sc->nlines; hl++) {
                if (!ex_topic_line(sc, hl) || hl == doc.date_line ||
                    (hl < 32 && (date_lines >> hl) & 1u))
                    continue; /* a date line is not a topic */
                head_line = hl;
                main_period[0] = '\0'; /* the period carried on is of the topic before */
                size_t ha = sc->line_start[hl - 1];
                size_t hb = hl < sc->nlines ? sc->line_start[hl] : n;
                ex_time ht[8];
                size_t nh = extract_times(s, n, ha, hb, ht, 8, &clock, ctx_year);
                memset(&head_time, 0, sizeof head_time);
                for (size_t t = nh; t > 0; t--)
                    if (!ht[t - 1].base && !ht[t - 1].carry && ht[t - 1].text[0]) {
                        head_time = ht[t - 1];
                        break;
                    }
            }
        }
        if (poss) {
            /* "slipped to $8.1 billion in January-September, from last year's
             * $8.2 billion": the same months a year before */
            ex_same_period(last->period, atoi(poss->text), r->f.period, sizeof r->f.period);
            ex_note_add(note, sizeof note, "period: the same months a year before the figure before");
            year_before = 1;
        } else if (pick && pick->base && pick->same && prev) {
            /* "the same period last year": a year before the figure's own
             * period (a fiscal one too), not before the document's date */
            int py = ex_period_year(prev->period);
            ex_same_period(prev->period, pick->ago && py ? py - 1 : ex_period_year(pick->text),
                           r->f.period, sizeof r->f.period);
        } else if (pick && pick->carry) {
            if (prev && (main_period[0] || prev->period[0])) {
                snprintf(r->f.period, sizeof r->f.period, "%s",
                         main_period[0] ? main_period : prev->period);
                period_from = 1;
            } else {
                /* "In the final quarter of 2023, ... during the period, with
                 * N1.9 trillion": no figure before, the time the sentence
                 * wrote before it */
                for (size_t t = 0; t < nt; t++)
                    if (times[t].b <= pick->a && !times[t].base && !times[t].carry &&
                        times[t].paren == fp && times[t].text[0])
                        snprintf(r->f.period, sizeof r->f.period, "%s", times[t].text);
                if (!r->f.period[0] && !prev && a > last_end) {
                    /* "... in the period running between January and
                     * September 2018. Exports to the country in the period
                     * under review stood at Shs1.5 trillion": the latest time
                     * the sentences before wrote, not a date line's */
                    ex_time gt[16];
                    size_t ng = extract_times(s, n, last_end, a, gt, 16, &clock, ctx_year);
                    for (size_t t = ng; t > 0; t--) {
                        unsigned long tl, tc;
                        extract_position(sc, gt[t - 1].a, &tl, &tc);
                        if (gt[t - 1].base || gt[t - 1].carry || !gt[t - 1].text[0] ||
                            (doc.date_line && tl == doc.date_line) ||
                            (tl < 32 && (date_lines >> tl) & 1u) || ex_topic_line(sc, tl))
                            continue;
                        snprintf(r->f.period, sizeof r->f.period, "%s", gt[t - 1].text);
                        char t2[64];
                        snprintf(t2, sizeof t2, "period from line %lu", tl);
                        ex_note_add(note, sizeof note, t2);
                        break;
                    }
                }
            }
        } else if (pick && pick->trailing && prev && strlen(prev->period) == 7 &&
                   prev->period[4] == '-' && ex_period_year(prev->period)) {
            /* "In June 2023, exports fell 1.4%. The growth rate for the past
             * 12 months ...": the months ending at the month of the figure
             * before, not before the date's month */
            int m_last = ex_period_year(prev->period) * 12 + atoi(prev->period + 5) - 1;
            int m_first = m_last - pick->trailing + 1;
            snprintf(r->f.period, sizeof r->f.period, "%04d-%02d/%04d-%02d",
                     (m_first / 12) % 10000, m_first % 12 + 1, (m_last / 12) % 10000,
                     m_last % 12 + 1);
            char t[80];
            snprintf(t, sizeof t, "period: the months up to the month of line %lu", prev->line);
            ex_note_add(note, sizeof note, t);
        } else if (pick && pick->so_far) {
            /* "so far this year": the months from January of the latest
             * figure of that year with such a span ("in the months up to May
             * this year"), else the year */
            snprintf(r->f.period, sizeof r->f.period, "%s", pick->text);
            for (size_t j = sc->out->n; j > 0; j--) {
                const trade_figure *o = &sc->out->items[j - 1];
                if (strlen(o->period) == 15 && !strncmp(o->period, pick->text, 4) &&
                    !strncmp(o->period + 4, "-01/", 4) && !strncmp(o->period + 8, pick->text, 4)) {
                    snprintf(r->f.period, sizeof r->f.period, "%s", o->period);
                    char t[80];
                    snprintf(t, sizeof t, "period: so far this year, the months of line %lu",
                             o->line);
                    ex_note_add(note, sizeof note, t);
                    break;
                }
            }
        } else if (pick) {
            snprintf(r->f.period, sizeof r->f.period, "%s", pick->text);
            if (pick->text[0] && doc.year && !strstr(pick->text, "/") && 0)
                period_from = 2;
        } else if (in_paren_of_prev && prev) {
            snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
        } else if (base_only && !(prev && prev->period[0])) {
            /* "a 7.95% increase from February 2022's export flows": a year
             * after a month too */
            int y = ex_period_year(base_only->text);
            snprintf(r->f.period, sizeof r->f.period, "%04d%s", (y + 1) % 10000,
                     base_only->text + 4);
            char t[80];
            snprintf(t, sizeof t, "period: a year after the base %s", base_only->text);
            ex_note_add(note, sizeof note, t);
        } else if (prev && same_sentence && prev->period[0] &&
                   !strcmp(prev->qualifier, "projection") && !r->f.qualifier[0]) {
            /* "€110 million will be allocated to rural development, €62.2 million
             * to health, and €75 million to education": the list goes on in
             * the future */
            snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
            snprintf(r->f.qualifier, sizeof r->f.qualifier, "projection");
            period_from = 1;
            ex_note_add(note, sizeof note, "qualifier from the list it ends");
        } else if (prev && prev->period[0] && !strcmp(prev->qualifier, "projection") &&
                   !strcmp(r->f.qualifier, "projection")) {
            /* a projection after a projection: its horizon */
            snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
            period_from = 1;
        } else if (head_line && head_time.text[0]) {
            snprintf(r->f.period, sizeof r->f.period, "%s", head_time.text);
            char t[64];
            snprintf(t, sizeof t, "period from the heading on line %lu", head_line);
            ex_note_add(note, sizeof note, t);
        } else if (prev && !head_line &&
                   (main_period[0] || (prev->period[0] && strcmp(prev->qualifier, "projection")))) {
            /* no time in the sentence: the period of the figure before (not
             * of a base figure in parentheses, nor of a projection) */
            const char *carried = main_period[0] ? main_period : prev->period;
            if (para_at != (size_t)-1 && ex_para_start(s, r->start) != para_at)
                carried = ex_para_carry(carried, para_period);
            snprintf(r->f.period, sizeof r->f.period, "%s", carried);
            period_from = 1;
        }
        if (!pick && !in_paren_of_prev && doc.year && ex_yearly(s, n, r->end) &&
            strcmp(r->f.qualifier, "projection")) {
            /* "handling 278 million tonnes annually" in a dated text, with no
             * year in the sentence: the last full year before the date, not
             * the period of another figure */
            snprintf(r->f.period, sizeof r->f.period, "%04d", (doc.year - 1) % 10000);
            period_from = 0;
            ex_note_add(note, sizeof note,
                        "period from the document's date: a yearly figure with no year, the last full year "
                        "before it");
        }
        if (!pick && !in_paren_of_prev && (period_from == 1 || !r->f.period[0])) {
            /* no time in the sentence: the years of the paragraph's footnote */
            char fp2[40];
            unsigned long fl = 0;
            if (ex_footnote_period(sc, r->end, fp2, sizeof fp2, &fl)) {
                snprintf(r->f.period, sizeof r->f.period, "%s", fp2);
                period_from = 0;
                char t[64];
                snprintf(t, sizeof t, "period from the footnote on line %lu", fl);
                ex_note_add(note, sizeof note, t);
            }
        }
        if (same_sentence && prev && fp == (size_t)-1 && !in_paren_of_prev &&
            !strcmp(prev->qualifier, "projection") && !r->f.qualifier[0] && r->f.period[0] &&
            !strcmp(r->f.period, prev->period) &&
            !strcmp(r->f.unit, prev->unit)) {
            /* "... will be spent on roads, $25 million on schools and $15
             * million on clinics": the list of plans goes on */
            snprintf(r->f.qualifier, sizeof r->f.qualifier, "projection");
            if (!strstr(note, "qualifier from"))
                ex_note_add(note, sizeof note, "qualifier from the list it ends");
        }
        if (pick && !pick->carry && !pick->base) {
            /* a relative time: say which date it rests on */
            int rel = 0;
            for (size_t q = pick->a; q < pick->b && !rel; q++)
                if (extract_word(s, n, q, "year") || extract_is_month(s, n, q, NULL))
                    rel = 1;
            int written = 0;
            for (size_t q = pick->a; q < pick->b && !written; q++)
                if (extract_year_at(s, n, q, &(int){0}))
                    written = 1;
            if (rel && !written && doc.year && doc.month && strlen(r->f.period) == 7 &&
                r->f.period[4] == '-') {
                /* "in January, compared with a deficit of £2.8 billion in
                 * December" in a release of March 2013: the December before */
                int py = atoi(r->f.period), pm = atoi(r->f.period + 5);
                if (py == doc.year && pm > doc.month)
                    snprintf(r->f.period, sizeof r->f.period, "%04d-%02d", (py - 1) % 10000, pm);
            }
            if (rel && !written && doc.year) {
                char t[96];
                if (doc.date_line)
                    snprintf(t, sizeof t, "period from the date on line %lu", doc.date_line);
                else
                    snprintf(t, sizeof t, "period from the given date");
                ex_note_add(note, sizeof note, t);
            }
        }
        if (to_before && !picked_after && to_period[0] && to_sent == a) {
            /* "..., and imports from 117 bn to 146 bn": the period of the
             * sentence's first "to" figure */
            snprintf(r->f.period, sizeof r->f.period, "%s", to_period);
            period_from = 0;
        } else if (to_before && picked_after) {
            snprintf(to_period, sizeof to_period, "%s", r->f.period);
            to_sent = a;
        }
        if (!pick && !in_paren_of_prev && trade_unit_is_currency(r->f.unit) && r->f.value != 0) {
            /* "South African exports totalled R154.3 billion ... The R154.3
             * billion export flows mark a 7.95% increase": the same amount
             * written again is the same observation, of its period */
            for (size_t j = sc->out->n; j > 0; j--) {
                const trade_figure *o = &sc->out->items[j - 1];
                if (o->table[0] || strcmp(o->unit, r->f.unit) || o->value != r->f.value ||
                    !o->period[0])
                    continue;
                snprintf(r->f.period, sizeof r->f.period, "%s", o->period);
                period_from = 0;
                char t[64];
                snprintf(t, sizeof t, "period from line %lu (the same amount)", o->line);
                ex_note_add(note, sizeof note, t);
                break;
            }
        }
        if (period_from == 1) {
            char t[64];
            snprintf(t, sizeof t, "period from line %lu", prev->line);
            ex_note_add(note, sizeof note, t);
        }
        if (prev && prev->period[0] && ex_period_year(prev->period) && strlen(prev->period) >= 7) {
            /* "a 17.2 per cent drop in exports in the previous two months":
             * the months just before the figure before's */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            for (int it = 0; it < 6 && q < b; it++) {
                size_t k;
                if ((k = extract_word(s, n, q, "the previous")) ||
                    (k = extract_word(s, n, q, "the preceding"))) {
                    /* "an increase of 3 percent compared to the previous
                     * month": the base of the change, not its period */
                    size_t v0;
                    size_t ve = extract_prev_word(s, n, q, &v0);
                    if (ve > v0 && (extract_word(s, n, v0, "to") == ve - v0 ||
                                    extract_word(s, n, v0, "with") == ve - v0 ||
                                    extract_word(s, n, v0, "than") == ve - v0 ||
                                    extract_word(s, n, v0, "over") == ve - v0 ||
                                    extract_word(s, n, v0, "on") == ve - v0 ||
                                    extract_word(s, n, v0, "from") == ve - v0 ||
                                    extract_word(s, n, v0, "versus") == ve - v0))
                        break;
                    size_t q2 = extract_skip_sp(s, n, q + k, 1);
                    int months = 1;
                    size_t kk = 0;
                    static const char *const num[] = {"two", "three", "four", "five", "six", NULL};
                    for (int j = 0; num[j]; j++)
                        if ((kk = extract_word(s, n, q2, num[j])) != 0) {
                            months = j + 2;
                            q2 = extract_skip_sp(s, n, q2 + kk, 1);
                            break;
                        }
                    if (extract_word(s, n, q2, "months") ||
                        (months == 1 && extract_word(s, n, q2, "month"))) {
                        trade_period pp;
                        trade_error pe;
                        if (trade_period_parse(prev->period, strlen(prev->period), &pp, &pe) == 0) {
                            int last_m = pp.first_month - 1, first_m = pp.first_month - months;
                            if (months == 1)
                                snprintf(r->f.period, sizeof r->f.period, "%04d-%02d",
                                         (first_m / 12) % 10000, first_m % 12 + 1);
                            else
                                snprintf(r->f.period, sizeof r->f.period, "%04d-%02d/%04d-%02d",
                                         (first_m / 12) % 10000, first_m % 12 + 1,
                                         (last_m / 12) % 10000, last_m % 12 + 1);
                            ex_note_add(note, sizeof note,
                                        "period: the months before the figure before");
                            looks_back = 1;
                        }
                    }
                    break;
                }
                while (q < b && ex_isalpha((unsigned char)s[q]))
                    q++;
                q = extract_skip_sp(s, n, q, 1);
            }
        }
        if (same_sentence && prev && prev->period[0] && ex_period_year(prev->period)) {
            /* "USD 41.7 million in 2019, compared with USD 29.9 mln a year
             * earlier": the year before the figure before */
            size_t q = extract_skip_sp(s, n, r->end, 1), k;
            if ((k = extract_word(s, n, q, "recorded")) ||
                (k = extract_word(s, n, q, "registered")) ||
                (k = extract_word(s, n, q, "reported")))
                q = extract_skip_sp(s, n, q + k, 1); /* "from $1,244m recorded a year ago" */
            if (extract_word(s, n, q, "a year earlier") || extract_word(s, n, q, "a year before") ||
                extract_word(s, n, q, "the year before") || extract_word(s, n, q, "a year ago") ||
                extract_word(s, n, q, "in the previous year") ||
                extract_word(s, n, q, "the previous year")) {
                ex_same_period(prev->period, ex_period_year(prev->period) - 1, r->f.period,
                               sizeof r->f.period);
                ex_note_add(note, sizeof note, "period: the year before the figure before");
                looks_back = 1;
            }
        }
        {
            /* "(2021: EUR 9.6 million)": the year written just before */
            size_t q = extract_skip_sp_back(s, n, r->start, 0);
            int y;
            if (q >= 5 && s[q - 1] == ':' && extract_year_at(s, n, q - 5, &y))
                snprintf(r->f.period, sizeof r->f.period, "%04d", y);
        }
        {
            const char *guess = extract_cur_assumed(s, n, r->start, r->end, r->f.unit);
            if (guess)
                ex_note_add(note, sizeof note, guess);
        }
        for (int u = 0; u < 2; u++) {
            size_t at = u ? r->unit_from : r->unit_lead;
            if (!at)
                continue;
            unsigned long ul, uc;
            extract_position(sc, at - 1, &ul, &uc);
            char t[64];
            snprintf(t, sizeof t, "currency from %s on line %lu",
                     u ? "the figure" : "the list's lead-in", ul);
            ex_note_add(note, sizeof note, t);
        }
        /* who and which flow */
        ex_who w;
        extract_who(s, n, a, b, r, &w);
        int inherit = 0;
        if (same_sentence && i > 0) {
            /* no flow word and no country between the figure before and this one */
            const ex_raw *pr = &st->raw[i - 1];
            int clean = 1;
            for (size_t q = pr->end; q < r->start && clean; q++) {
                size_t k;
                int d;
                (void)d;
                if (q > pr->end && ex_isalpha((unsigned char)s[q - 1]))
                    continue;
                const char *cq = extract_country_at(s, n, q, &k);
                if ((cq && strcmp(cq, prev->reporter) && strcmp(cq, prev->partner)) || s[q] == ';')
                    clean = 0; /* another country: another observation */
                static const char *const fw[] = {"export",  "import",  "trade",   "turnover",
                                                 "deficit", "surplus", "balance", "investment",
                                                 "FDI",     "while",   NULL};
                for (size_t j = 0; fw[j] && clean; j++)
                    if (extract_word(s, n, q, fw[j]) ||
                        (strlen(fw[j]) > 5 && !strncmp(s + q, fw[j], strlen(fw[j]))))
                        clean = 0;
            }
            int kind_follows = strcmp(r->f.unit, "percent_change") == 0 ||
                               strcmp(r->f.unit, "percent") == 0 || in_paren_of_prev;
            /* "rose 238 percent to India, 135 percent to Mexico": the rate
             * has its own partner */
            int own_partner = 0;
            if (w.partner[0] && prev->partner[0] && strcmp(w.partner, prev->partner)) {
                size_t q = extract_skip_sp(s, n, r->end, 1), k, cl;
                if ((k = extract_word(s, n, q, "to")) || (k = extract_word(s, n, q, "from")) ||
                    (k = extract_word(s, n, q, "with"))) {
                    q = extract_skip_sp(s, n, q + k, 1);
                    if ((k = extract_word(s, n, q, "the")))
                        q = extract_skip_sp(s, n, q + k, 1);
                    const char *c = extract_country_at(s, n, q, &cl);
                    own_partner = c && !strcmp(c, w.partner);
                }
            }
            inherit = clean && kind_follows && !w.list[0] && !own_partner;
        }
        unsigned long cf_line, cf_col;
        extract_position(sc, r->start, &cf_line, &cf_col);
        if (extract_who_carried_freight(&w, have_before ? &before : NULL, prev, cf_line, r->f.unit))
            ex_note_add(note, sizeof note, "freight: a carrier's exports or imports, goods carried");
        const trade_figure *side_prev = prev;
        const char *use_flow = w.have_flow                       ? w.flow
                               : have_before && before.have_flow ? before.flow
                                                                 : NULL;
        if (use_flow && prev && ex_flow_family(prev->flow) != ex_flow_family(use_flow) &&
            !same_sentence) {
            /* the sides of the last figure of this flow, when the one before
             * is of another flow ("invests $1 billion ... trade reached $16 billion") */
            const trade_figure *m = NULL;
            for (size_t j = sc->out->n; j > 0 && !m; j--)
                if (ex_flow_family(sc->out->items[j - 1].flow) == ex_flow_family(use_flow) &&
                    sc->out->items[j - 1].flow[0] && sc->out->items[j - 1].table[0] == 0)
                    m = &sc->out->items[j - 1];
            side_prev = m;
        }
        trade_figure prev_np;
        if (side_prev && !inherit && w.have_flow &&
            (!strcmp(w.flow, "export") || !strcmp(w.flow, "import") || !strcmp(w.flow, "trade")) &&
            !w.partner[0] && !w.list[0] && !w.ncand &&
            !w.pair && side_prev->partner[0] && strcmp(side_prev->partner, "WLD") &&
            side_prev->line < sc->nlines && side_prev->line >= 1) {
            /* "USA was main non-EU destination accounting for EUR 2.2bn ...
             * [new paragraph] The value of the Republic's export trade fell":
             * a sentence with its own flow and no partner, after a paragraph
             * break, does not take the partner of the figure before */
            int brk = ex_paragraph_break(sc, side_prev->line, r->start);
            /* only a partner that was the sentence's ranked subject ("the
             * main destination", "the biggest customer", "top supplier") */
            size_t la = sc->line_start[side_prev->line - 1];
            size_t lb = side_prev->line < sc->nlines ? sc->line_start[side_prev->line] : n;
            int ranked = 0;
            for (size_t p2 = la; p2 < lb && !ranked; p2++)
                ranked = (p2 == la || !ex_isalpha((unsigned char)s[p2 - 1])) &&
                         (extract_word(s, n, p2, "destination") ||
                          extract_word(s, n, p2, "customer") || extract_word(s, n, p2, "supplier") ||
                          extract_word(s, n, p2, "market for"));
            if (brk && ranked) {
                prev_np = *side_prev;
                prev_np.partner[0] = '\0';
                side_prev = &prev_np;
            }
        }
        {
            size_t q = a;
            while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '\r'))
                q--;
            if (q > 0 && s[q - 1] == '\n') {
                q--;
                while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '\r'))
                    q--;
                w.para_start = q == 0 || s[q - 1] == '\n';
            } else {
                w.para_start = q == 0;
            }
        }
        if (side_prev && !inherit && !have_before && w.have_flow &&
            (!strcmp(w.flow, "export") || !strcmp(w.flow, "import") || !strcmp(w.flow, "trade") ||
             !strcmp(w.flow, "balance")) &&
            !w.partner[0] && !w.list[0] && !w.pair && !w.group && side_prev->partner[0] &&
            side_prev->line < sc->nlines && side_prev->line >= 1 &&
            !w.doc_pair && ex_line_partners(sc->out, side_prev->line, side_prev->reporter) >= 2 &&
            ex_paragraph_break(sc, side_prev->line, r->start)) {
            /* the sentence names no other country than its reporter, and no
             * partner by a word the country table lacks ("exports to the
             * neighbouring country") */
            int other = 0;
            for (int j = 0; j < w.ncand; j++)
                if (strcmp(w.cand[j], w.reporter) && strcmp(w.cand[j], w.subject) &&
                    strcmp(w.cand[j], w.possessive))
                    other = 1;
            for (size_t q = a; q < r->start && !other; q++)
                if ((q == a || !ex_isalpha((unsigned char)s[q - 1])) &&
                    (extract_word(s, n, q, "to the") || extract_word(s, n, q, "from the") ||
                     extract_word(s, n, q, "with the") || extract_word(s, n, q, "to its") ||
                     extract_word(s, n, q, "from its") || extract_word(s, n, q, "with its")))
                    other = 1;
            w.after_partners = !other;
        }
        if (side_prev && !inherit && side_prev->partner[0] && !w.partner[0] && !w.list[0] &&
            !w.pair && !w.group && !w.ncand && !w.doc_pair && !doc.partner[0] &&
            strcmp(side_prev->partner, "WLD") && side_prev->line >= 1 &&
            side_prev->line <= sc->nlines && ex_paragraph_break(sc, side_prev->line, a) &&
            !ex_title_names(sc, title_line_no, side_prev->partner) && !ex_points_back(s, n, a, b) &&
            !ex_refers_back(s, n, a, b, side_prev)) {
            /* "Expenditure on imports from the USA ... was valued at US$1,552.9
             * million." then, a paragraph later, "Expenditure on imports of
             * Machinery & Transport Equip. was valued at US$768.2 million": a
             * new paragraph that names no partner does not go on with the
             * partner of the paragraph before */
            prev_np = *side_prev;
            prev_np.partner[0] = '\0';
            side_prev = &prev_np;
        }
        extract_who_resolve(&w, have_before ? &before : NULL, before_line, side_prev, &doc, inherit,
                            &r->f, note, sizeof note);
        if (inherit && prev && !r->f.period[0])
            snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
        {
            char rf[24] = "", rc[8] = "";
            if (ex_respectively(s, n, a, b, st->raw, st->nraw, i, r->f.reporter, rf, rc)) {
                if (rf[0] && strcmp(rf, r->f.flow)) {
                    snprintf(r->f.flow, sizeof r->f.flow, "%s", rf);
                    ex_note_drop(note, "flow from");
                    ex_note_add(note, sizeof note, "flow: its place in a 'respectively' list");
                }
                if (rc[0] && strcmp(rc, r->f.partner) && strcmp(rc, r->f.reporter)) {
                    snprintf(r->f.partner, sizeof r->f.partner, "%s", rc);
                    ex_note_drop(note, "partner from");
                    ex_note_add(note, sizeof note, "partner: its place in a 'respectively' list");
                }
            }
        }
        if (!pick && sc->out->n > 0 && sc->out->items[0].period[0]) {
            /* "Economists had forecast a 14 per cent decline in exports": the
             * forecast was for the month of the headline figure */
            int fc = 0;
            for (size_t q = a; q < r->start && !fc; q++)
                if ((q == a || !ex_isalpha((unsigned char)s[q - 1])) &&
                    (extract_word(s, n, q, "had forecast") || extract_word(s, n, q, "had expected") ||
                     extract_word(s, n, q, "had predicted") ||
                     ((extract_word(s, n, q, "economists") || extract_word(s, n, q, "analysts")) &&
                      q + 12 < r->start)))
                    fc = 1;
            if (fc) {
                const trade_figure *hd = &sc->out->items[0];
                snprintf(r->f.period, sizeof r->f.period, "%s", hd->period);
                ex_note_drop(note, "period from");
                char t[96];
                snprintf(t, sizeof t, "period from line %lu (the figure the forecast was for)",
                         hd->line);
                ex_note_add(note, sizeof note, t);
            }
        }
        if (!pick && !in_paren_of_prev && !r->f.period[0] && !(prev && prev->period[0])) {
            /* no time here and no figure before with one: the last time the
             * text states before the figure, in a sentence with no figure
             * ("Exports of UK goods to the EU dropped by more than two-fifths
             * in January. ... overall exports fell by £5.6 billion") */
            size_t lo4 = a > 800 ? a - 800 : 0;
            if (lo4 < last_end)
                lo4 = last_end;
            ex_time bt[16];
            size_t nb = lo4 < a ? extract_times(s, n, lo4, a, bt, 16, &clock, ctx_year) : 0;
            for (size_t t = nb; t > 0; t--) {
                unsigned long tl, tc;
                extract_position(sc, bt[t - 1].a, &tl, &tc);
                if (bt[t - 1].base || bt[t - 1].carry ||
                    (pub_line && tl == pub_line && title_time.text[0]) ||
                    (doc.date_line && tl == doc.date_line &&
                     !(doc.date_field_end && bt[t - 1].a >= doc.date_field_end)) ||
                    (tl < 32 && (date_lines >> tl) & 1u) ||
                    !bt[t - 1].text[0])
                    continue;
                snprintf(r->f.period, sizeof r->f.period, "%s", bt[t - 1].text);
                char t2[64];
                snprintf(t2, sizeof t2, "period from line %lu", tl);
                ex_note_add(note, sizeof note, t2);
                break;
            }
        }
        if (!pick && !in_paren_of_prev && !r->f.period[0] && prev && prev->period[0] &&
            last_end <= a) {
            /* "... is allocated roughly as follows:\n\nDemocracy Programs $13.5
             * million": the items of a list a colon opens share its period */
            int colon = 0;
            for (size_t q = last_end; q < a; q++)
                if (s[q] == ':') {
                    size_t e = q + 1;
                    while (e < a && (s[e] == ' ' || s[e] == '\r'))
                        e++;
                    colon = e < n && s[e] == '\n';
                }
            if (colon) {
                snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
                char t[80];
                snprintf(t, sizeof t, "period from line %lu (the list it opens)", prev->line);
                ex_note_add(note, sizeof note, t);
            }
        }
        char item_label[32] = "";
        {
            /* the items of a list a colon opens, one a line: "Democracy
             * Programs $13.5 million" names its part, so the items do not
             * conflict with one another */
            unsigned long fl, fc;
            extract_position(sc, r->start, &fl, &fc);
            int item = strstr(note, "(the list it opens)") != NULL ||
                       (list_line && prev && fl == list_line + 1 && fc < 40);
            list_line = 0;
            size_t ls = r->start, ma;
            while (ls > 0 && s[ls - 1] != '\n')
                ls--;
            size_t le = extract_skip_sp_back(s, n, r->start, 0);
            size_t eol = r->end;
            while (eol < n && (s[eol] == ' ' || s[eol] == '\r'))
                eol++;
            if (item && le > ls && le - ls < 40 && ex_isupper((unsigned char)s[ls]) &&
                (eol >= n || s[eol] == '\n')) {
                snprintf(item_label, sizeof item_label, "%.*s", (int)(le - ls), s + ls);
                if (!r->f.period[0] && prev && prev->period[0])
                    snprintf(r->f.period, sizeof r->f.period, "%s", prev->period);
                list_line = fl;
            } else if ((ma = ex_list_mark(s, n, ls)) != 0) {
                /* "• Palm oil: 1.6 billion (+4.1%)": a bulleted item named
                 * before its colon */
                while (ma < r->start && s[ma] == ' ')
                    ma++;
                size_t co = le;
                if (co > ma && s[co - 1] == ':') {
                    co--;
                    while (co > ma && s[co - 1] == ' ')
                        co--;
                    if (co > ma && co - ma < 60)
                        snprintf(item_label, sizeof item_label, "%.*s", (int)(co - ma), s + ma);
                }
            }
        }
        /* "This year's loan package comprises assistance of seven projects
         * amounting to JPY 338.247 billion" in a release dated 2020-08-12:
         * the package signed at the date, as an announcement with no time */
        int aid_this_year = pick && !pick->base && doc.year && strlen(r->f.period) == 4 &&
                            atoi(r->f.period) == doc.year &&
                            strstr(note, "period from the date on line") != NULL &&
                            strcmp(r->f.qualifier, "projection");
        if (((!pick && !in_paren_of_prev && !r->f.period[0]) || aid_this_year) && doc.year &&
            doc.month && doc.date_line && !strcmp(r->f.flow, "aid")) {
            /* an aid announcement with no time of its own: the month of the
             * date line */
            ex_note_drop(note, "period from");
            snprintf(r->f.period, sizeof r->f.period, "%04d-%02d", doc.year % 10000, doc.month);
            char t[96];
            snprintf(t, sizeof t, "period from the date on line %lu (an announcement)",
                     doc.date_line);
            ex_note_add(note, sizeof note, t);
        }
        if (pick && !pick->base && strlen(pick->text) == 4 && !strcmp(r->f.flow, "aid")) {
            /* "an envelope of €29.8 million, with disbursements planned up to
             * 2026": from the first year the paragraph names to that year */
            size_t w0;
            size_t we = extract_prev_word(s, n, pick->a, &w0);
            int upto = we > w0 && (extract_word(s, n, w0, "until") == we - w0 ||
                                   extract_word(s, n, w0, "till") == we - w0 ||
                                   extract_word(s, n, w0, "through") == we - w0);
            if (!upto && we > w0 && extract_word(s, n, w0, "to") == we - w0) {
                size_t u0;
                size_t ue = extract_prev_word(s, n, w0, &u0);
                upto = ue > u0 && extract_word(s, n, u0, "up") == ue - u0;
            }
            int y1 = ex_period_year(pick->text), y0 = 0;
            size_t lo3 = pick->a > 1500 ? pick->a - 1500 : 0;
            for (size_t q = pick->a; upto && q > lo3; q--) {
                if (s[q - 1] == '\n' && q >= 2 && s[q - 2] == '\n')
                    break;
                int y;
                if (extract_year_at(s, n, q - 1, &y) && y < y1 && y > y1 - 15)
                    y0 = y;
            }
            if (upto && y0) {
                snprintf(r->f.period, sizeof r->f.period, "%04d/%04d", y0 % 10000, y1 % 10000);
                char t[96];
                snprintf(t, sizeof t, "period: from %04d, the first year of the paragraph, up to %04d",
                         y0 % 10000, y1 % 10000);
                ex_note_add(note, sizeof note, t);
            }
        }
        if (w.pronoun && !w.reporter[0] && !w.subject[0] &&
            (!r->f.reporter[0] || strstr(note, "reporter from"))) {
            /* "In Tajikistan, it has contributed": "it" is the country that
             * opened a sentence before in the paragraph ("Belgium has financed") */
            const char *subj = NULL;
            size_t at = 0;
            size_t lo2 = a > 1500 ? a - 1500 : 0;
            for (size_t q = a; q > lo2 && !subj; q--) {
                if (q < a && s[q] == '\n' && s[q - 1] == '\n')
                    break; /* past the paragraph's start */
                if (!(q >= 2 && s[q - 1] == ' ' && s[q - 2] == '.') && s[q - 1] != '\n')
                    continue;
                size_t cl;
                const char *c = extract_country_at(s, n, q, &cl);
                if (c && strcmp(c, r->f.partner) && q + cl < n && s[q + cl] == ' ') {
                    size_t v = q + cl + 1;
                    if (extract_word(s, n, v, "has") || extract_word(s, n, v, "had") ||
                        extract_word(s, n, v, "have") || extract_word(s, n, v, "gave") ||
                        extract_word(s, n, v, "provided") || extract_word(s, n, v, "financed") ||
                        extract_word(s, n, v, "funded")) {
                        subj = c;
                        at = q;
                    }
                }
            }
            if (subj) {
                unsigned long sl, scol;
                extract_position(sc, at, &sl, &scol);
                snprintf(r->f.reporter, sizeof r->f.reporter, "%s", subj);
                ex_note_drop(note, "reporter from");
                char t[80];
                snprintf(t, sizeof t, "reporter from line %lu (the subject 'it' stands for)", sl);
                ex_note_add(note, sizeof note, t);
            }
        }
        {
            /* a route named in the sentence, or earlier in the paragraph with
             * no heading or blank line since */
            for (size_t q = route_scan; q < r->start; q++) {
                size_t k;
                const char *rc = ex_route_at(s, n, q, &k);
                if (rc) {
                    route = rc;
                    route_end = q + k;
                    unsigned long col;
                    extract_position(sc, q, &route_line, &col);
                    q += k;
                }
            }
            if (r->start > route_scan)
                route_scan = r->start;
            if (route) {
                unsigned long fl, fc, gl = 0;
                extract_position(sc, r->start, &fl, &fc);
                for (size_t q = route_end; q < r->start && route; q++)
                    if (s[q] == '\n') {
                        size_t e = q + 1;
                        while (e < n && s[e] != '\n')
                            e++;
                        if (e == q + 1 || e - q < 60)
                            route = NULL; /* a blank line or a heading */
                        gl++;
                    }
                if (route && r->start - route_end > 1500)
                    route = NULL;
            }
        }
        if (!strcmp(r->f.flow, "freight") && !w.partner[0] && !w.list[0] && !w.pair) {
            int port = ex_names_port(s, n, a, b) && (w.reporter[0] || w.possessive[0] ||
                                                      w.subject[0]);
            if (port && r->f.reporter[0]) {
                /* FORMAT.md: throughput has the same country on both sides */
                snprintf(r->f.partner, sizeof r->f.partner, "%s", r->f.reporter);
                ex_note_drop(note, "partner from");
                ex_note_add(note, sizeof note,
                            "partner the reporter: a port's throughput (every origin and "
                            "destination)");
            } else if (route && !w.reporter[0] && !w.subject[0] && !w.possessive[0] &&
                       !w.ncand) {
                char t[120];
                snprintf(t, sizeof t,
                         "reporter %s from the route named on line %lu; partner WLD: all its traffic",
                         route, route_line);
                snprintf(r->f.reporter, sizeof r->f.reporter, "%s", route);
                snprintf(r->f.partner, sizeof r->f.partner, "WLD");
                /* the sides resolved before came from elsewhere: say the route instead */
                ex_note_drop(note, "reporter from");
                ex_note_drop(note, "partner from");
                ex_note_add(note, sizeof note, t);
            }
        }
        if (!strcmp(r->f.unit, "count") && strstr(r->f.flow, "_flow") &&
            (!strncmp(r->f.flow, "fdi", 3) || !strncmp(r->f.flow, "investment", 10))) {
            /* "FDI reached $1.2 billion, with more than 70 Belgian enterprises
             * active": the firms present are a stock, not the year's flow */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            size_t k0 = 0;
            const char *cq = extract_country_at(s, n, q, &k0);
            if (cq)
                q = extract_skip_sp(s, n, q + k0, 1);
            static const char *const firms[] = {"companies", "enterprises", "firms",
                                                "businesses", "joint ventures", NULL};
            for (int j = 0; firms[j]; j++)
                if (extract_word(s, n, q, firms[j])) {
                    char *u = strstr(r->f.flow, "_flow");
                    snprintf(u, sizeof r->f.flow - (size_t)(u - r->f.flow), "_stock");
                    ex_note_add(note, sizeof note, "flow: firms present are a stock");
                    break;
                }
        }
        extract_product(s, n, a, b, r);
        if (!r->f.product[0] && item_label[0])
            snprintf(r->f.product, sizeof r->f.product, "%s", item_label);
        if (!r->f.product[0]) {
            /* a part of a total: "a deficit of £8.2 billion on goods", a
             * route ("Of these, 9.2 million tonnes were transported through the
             * Altynkol-Khorgos railway crossing"), and a sentence that goes
             * on it ("Including exports - by 42%") */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            size_t k = extract_word(s, n, q, "on");
            if (!k)
                k = extract_word(s, n, q, "in");
            if (k) {
                size_t q2 = extract_skip_sp(s, n, q + k, 1);
                size_t tr = extract_word(s, n, q2, "trade in");
                if (tr)
                    q2 = extract_skip_sp(s, n, q2 + tr, 1);
                if (extract_word(s, n, q2, "goods") && !tr)
                    snprintf(r->f.product, sizeof r->f.product, "goods");
                else if (extract_word(s, n, q2, "services") && !tr)
                    snprintf(r->f.product, sizeof r->f.product, "services");
            }
            char part[32];
            if (!r->f.product[0] && trade_unit_is_currency(r->f.unit) &&
                ex_at_item(s, n, a, r->start, part, sizeof part)) {
                snprintf(r->f.product, sizeof r->f.product, "%s", part);
                ex_note_add(note, sizeof note,
                            "product: the item of a list named before its amount");
            }
            if (!r->f.product[0] && w.goods &&
                (!strcmp(r->f.flow, "export") || !strcmp(r->f.flow, "import")))
                snprintf(r->f.product, sizeof r->f.product, "goods");
            if (!strcmp(r->f.flow, "aid")) {
                /* "and concessional loan assistance of up to the amount of
                 * fifteen billion ... yen": a loan, lent beside the grant of
                 * the same sentence, not a second reading of it */
                size_t lo2 = r->start > a + 160 ? r->start - 160 : a;
                for (size_t p2 = r->start; p2 > lo2; p2--) {
                    size_t w0 = p2 - 1;
                    if (w0 > a && ex_isalpha((unsigned char)s[w0 - 1]))
                        continue;
                    if (extract_word(s, n, w0, "grant") || extract_word(s, n, w0, "grants"))
                        break; /* the nearer kind word wins */
                    if (extract_word(s, n, w0, "loan") || extract_word(s, n, w0, "loans") ||
                        extract_word(s, n, w0, "credit")) {
                        snprintf(r->f.product, sizeof r->f.product, "loan");
                        break;
                    }
                }
            }
            if (!r->f.product[0] &&
                ex_paren_part(s, n, a, r->start, r->end, part, sizeof part)) {
                snprintf(r->f.product, sizeof r->f.product, "%s", part);
                ex_note_add(note, sizeof note, "product: the part of a total before the figure");
            }
            if (!r->f.product[0] &&
                ex_paren_item(s, n, a, r->start, r->end, part, sizeof part)) {
                snprintf(r->f.product, sizeof r->f.product, "%s", part);
                ex_note_add(note, sizeof note, "product: the item of a list named before its figure");
            }
            if (!r->f.product[0] && ex_item_subject(s, n, a, r->start, part, sizeof part)) {
                snprintf(r->f.product, sizeof r->f.product, "%s", part);
                ex_note_add(note, sizeof note, "product: the subject of its clause");
            }
            if (!r->f.product[0] && ex_route_part(s, n, a, b, part, sizeof part)) {
                snprintf(r->f.product, sizeof r->f.product, "%s", part);
                ex_note_add(note, sizeof note, "product: the route this part of a total took");
            } else if (!r->f.product[0] && prev && !strncmp(prev->product, "via ", 4) &&
                       extract_word(s, n, extract_skip_sp(s, n, a, 1), "including")) {
                snprintf(r->f.product, sizeof r->f.product, "%s", prev->product);
                ex_note_add(note, sizeof note, "product from the sentence before, which it details");
            }
        }
        extract_who_cargo_product(&w, &r->f);
        if (!r->f.product[0] && !strcmp(r->f.unit, "count") && r->end - r->start > 10 &&
            extract_word(s, n, r->end - 10, "containers") == 10)
            snprintf(r->f.product, sizeof r->f.product, "containers"); /* "56,000 containers" */
        if (r->list_item && !r->f.product[0]) {
            /* "milk - by 27.9 percent": the goods before the dash */
            size_t e = extract_skip_sp_back(s, n, r->list_item - 1, 0);
            size_t q = e;
            while (q > a && ((s[q - 1] >= 'a' && s[q - 1] <= 'z') || s[q - 1] == ' ') && e - q < 30)
                q--;
            q = extract_skip_sp(s, n, q, 0);
            if (q < e && s[q] >= 'a' && s[q] <= 'z')
                snprintf(r->f.product, sizeof r->f.product, "%.*s", (int)(e - q), s + q);
        }
        int worth = 0;
        {
            /* "1.2 million tonnes of copper ..., worth $9 billion" */
            size_t w0;
            size_t we = extract_prev_word(s, n, r->start, &w0);
            worth = same_sentence && we > w0 &&
                    (extract_word(s, n, w0, "worth") == we - w0 ||
                     extract_word(s, n, w0, "valued") == we - w0);
        }
        if (!r->f.product[0] && prev && prev->product[0] &&
            (inherit || in_paren_of_prev || worth || ex_refers_back(s, n, a, r->start, prev)))
            snprintf(r->f.product, sizeof r->f.product, "%s", prev->product);
        const trade_figure *stock_before = NULL;
        unsigned long fig_line, fig_col;
        extract_position(sc, r->start, &fig_line, &fig_col);
        int stock_kind = trade_unit_is_currency(r->f.unit) || !strcmp(r->f.unit, "percent");
        for (size_t j = sc->out->n; j > 0 && stock_kind && strstr(r->f.flow, "_stock") &&
                                    period_from == 1 && !stock_before;
             j--) {
            /* the last amount of a stock a few lines before, at a date (a
             * month, or a year when the document has no date of its own) */
            const trade_figure *o = &sc->out->items[j - 1];
            if (o->line + 8 < fig_line)
                break;
            if (strstr(o->flow, "_stock") && o->period[0] && !strchr(o->period, '/') &&
                !o->table[0] && trade_unit_is_currency(o->unit))
                stock_before = !doc.year || strlen(o->period) == 7 ? o : NULL;
            if (strstr(o->flow, "_stock") && trade_unit_is_currency(o->unit))
                break; /* a stock of another date rests on the document's */
        }
        if (stock_before) {
            /* "As of April 20, 2021, Japan has ... a total registered capital
             * of 62.9 billion USD. In the first 4 months of 2021, ... . (40.6
             * billion USD, accounting for 64 percent of the total registered
             * capital)": a stock with no time of its own is at the date of the
             * stock before, not over the months of the flow before */
            snprintf(r->f.period, sizeof r->f.period, "%s", stock_before->period);
            ex_note_drop(note, "period from");
            char t[80];
            snprintf(t, sizeof t, "period from line %lu (the stock before)", stock_before->line);
            ex_note_add(note, sizeof note, t);
        } else if (strstr(r->f.flow, "_stock") && doc.year &&
                   (!r->f.period[0] || period_from == 1)) {
            /* a stock with no time of its own ("since 2010 ... have invested"):
             * as of the document's date */
            int since = period_from == 1;
            for (size_t t = 0; t < nt; t++)
                if (times[t].base && times[t].b <= r->start)
                    since = 1;
            if (since || !r->f.period[0]) {
                snprintf(r->f.period, sizeof r->f.period, "%04d", doc.year % 10000);
                ex_note_add(note, sizeof note, "period: a stock as of the document's date");
            }
        } else if (doc.year && !pick && !in_paren_of_prev &&
                   (!strcmp(r->f.flow, "fdi_flow") || !strcmp(r->f.flow, "investment_flow")) &&
                   ex_since_independence(s, n, a, b, r->f.partner)) {
            /* "During the period of independence $330 billion of foreign
             * investments was attracted": the inflows since 1991 */
            snprintf(r->f.period, sizeof r->f.period, "1991/%04d", doc.year % 10000);
            ex_note_drop(note, "period from");
            ex_note_add(note, sizeof note,
                        "period from the document's date: since independence (1991) to it");
        } else if (r->f.flow[0] && !strstr(r->f.flow, "_stock") && !pick && !in_paren_of_prev &&
                   strcmp(r->f.qualifier, "projection") && !r->f.period[0] &&
                   title_time.text[0]) {
            /* "Highlights from Foreign Trade Report, Third Quarter
             * (July-September 2011)" over "Largest in Imports ... was the
             * Mineral Products with T$21.4 million": a figure with no time
             * of its own nor one to carry is of the months the title names */
            snprintf(r->f.period, sizeof r->f.period, "%s", title_time.text);
            ex_note_drop(note, "period from");
            char t[64];
            snprintf(t, sizeof t, "period from the title (line %lu)", title_line_no);
            ex_note_add(note, sizeof note, t);
        } else if (r->f.flow[0] && !strstr(r->f.flow, "_stock") && doc.year && !pick &&
                   !in_paren_of_prev && strcmp(r->f.qualifier, "projection") &&
                   (!r->f.period[0] || (period_from == 1 && prev && strstr(prev->flow, "_stock") &&
                                        strstr(prev->note, "a stock as of the document's date")))) {
            /* "with bilateral trade worth $24 billion" in a dated text, no year
             * of its own (or only a stock's as-of date before it): the last
             * full year before the date */
            snprintf(r->f.period, sizeof r->f.period, "%04d", (doc.year - 1) % 10000);
            ex_note_drop(note, "period from");
            ex_note_add(note, sizeof note,
                        "period from the document's date: no year given, the last full year "
                        "before it");
        } else if (r->f.flow[0] && !doc.year && doc.text_year && !pick && !in_paren_of_prev &&
                   !r->f.period[0] && head_line && strcmp(r->f.qualifier, "projection")) {
            /* "EU and China in world trade in goods" over "China (€3 413
             * billion, 17.6 %) was the largest exporter" in an undated text:
             * a new topic with no time of its own, of the latest year the
             * text writes */
            snprintf(r->f.period, sizeof r->f.period, "%04d", doc.text_year % 10000);
            char t[96];
            snprintf(t, sizeof t,
                     "period: the latest year the text writes (no date; a new topic from line %lu)",
                     head_line);
            ex_note_add(note, sizeof note, t);
        }
        if (pick && pick->as_of && r->f.flow[0] && !strstr(r->f.flow, "_stock") &&
            !strcmp(r->f.period, pick->text) && strlen(r->f.period) == 7 &&
            r->f.period[4] == '-' && strcmp(r->f.period + 5, "01") > 0) {
            /* "as of November, the trade balance totalled": a flow summed
             * from January to that month (a stock is at the month) */
            char span[40];
            snprintf(span, sizeof span, "%.4s-01/%.7s", r->f.period, r->f.period);
            snprintf(r->f.period, sizeof r->f.period, "%s", span);
            ex_note_add(note, sizeof note, "period: as of the month, from January");
        }
        if (w.negative && r->f.value > 0 && !strcmp(r->f.flow, "balance") &&
            strcmp(r->f.unit, "percent_change") && strcmp(r->f.unit, "percent") &&
            strcmp(r->f.unit, "pp") && strcmp(r->f.unit, "rank") && strcmp(r->f.unit, "count"))
            r->f.value = -r->f.value;
        if ((!strcmp(r->f.flow, "investment_stock") || !strcmp(r->f.flow, "fdi_stock")) &&
            strlen(r->f.period) == 15 && r->f.period[4] == '-' && r->f.period[7] == '/' &&
            trade_unit_is_currency(r->f.unit) && period_from == 0 && pick &&
            !ex_has_word(s, n, a, b, "stock")) {
            /* "from January to June ... the total volume of foreign
             * investment amounted to 4.8 billion": an amount over months
             * is a flow, a stock has a date */
            r->f.flow[strlen(r->f.flow) - 5] = '\0';
            snprintf(r->f.flow + strlen(r->f.flow), sizeof r->f.flow - strlen(r->f.flow), "flow");
            ex_note_add(note, sizeof note, "flow: an amount over months, not a stock");
        }
        extract_measure(s, n, a, b, r);
        /* how sure: a quarter per field found, less for each borrowed one */
        {
            int have = !!r->f.reporter[0] + !!r->f.partner[0] + !!r->f.flow[0] + !!r->f.period[0];
            int borrowed = 0;
            for (const char *q = note; (q = strstr(q, " from ")) != NULL; q += 6)
                borrowed++;
            double c = have / 4.0 - 0.1 * borrowed;
            r->f.confidence = c < 0.05 ? 0.05 : c;
        }
        /* context: the sentence, a window around the figure if long */
        size_t ca = a, cb = b;
        if (cb - ca > EX_CONTEXT_MAX) {
            if (r->start > ca + 120)
                ca = r->start - 120;
            while (ca < cb && (((unsigned char)s[ca]) & 0xC0) == 0x80)
                ca++;
        }
        extract_collapse(s, n, ca, cb, ctx, EX_CONTEXT_MAX + 1);
        if (extract_push(sc, &r->f, r->start, r->end, ctx, "", note))
            return TRADE_ENOMEM;
        {
            /* "€2 million for Uzbekistan and for Turkmenistan": one figure,
             * two readings, two rows */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            size_t k = extract_word(s, n, q, "for");
            if (!k)
                k = extract_word(s, n, q, "to");
            size_t cl = 0;
            const char *c1 =
                k ? extract_country_at(s, n, extract_skip_sp(s, n, q + k, 1), &cl) : NULL;
            if (c1 && !strcmp(c1, r->f.partner)) {
                size_t q2 = extract_skip_sp(s, n, extract_skip_sp(s, n, q + k, 1) + cl, 1);
                size_t an = extract_word(s, n, q2, "and");
                if (an) {
                    q2 = extract_skip_sp(s, n, q2 + an, 1);
                    size_t k2 = extract_word(s, n, q2, "for");
                    if (!k2)
                        k2 = extract_word(s, n, q2, "to");
                    if (k2)
                        q2 = extract_skip_sp(s, n, q2 + k2, 1);
                    size_t cl2;
                    const char *c2 = extract_country_at(s, n, q2, &cl2);
                    if (c2 && strcmp(c2, c1)) {
                        trade_figure g = r->f;
                        snprintf(g.partner, sizeof g.partner, "%s", c2);
                        char n2[460];
                        snprintf(n2, sizeof n2, "%s%sthe same figure is stated for %s and %s", note,
                                 note[0] ? "; " : "", c1, c2);
                        if (extract_push(sc, &g, r->start, r->end, ctx, "", n2))
                            return TRADE_ENOMEM;
                    }
                }
            }
        }
        if (w.member2[0] && !strcmp(r->f.reporter, w.member)) {
            /* "Denmark and Austria (both +0.4 bn)": a row for each */
            trade_figure g = r->f;
            snprintf(g.reporter, sizeof g.reporter, "%s", w.member2);
            char n2[460];
            snprintf(n2, sizeof n2, "%s%sthe same figure is stated for %s and %s", note,
                     note[0] ? "; " : "", w.member2, w.member);
            if (extract_push(sc, &g, r->start, r->end, ctx, "", n2))
                return TRADE_ENOMEM;
        }
        size_t main_at = sc->out->n - 1;
        if (!strcmp(r->f.unit, "rank") && !strcmp(r->f.flow, "trade") && r->f.reporter[0] &&
            r->f.partner[0]) {
            /* "Europe is Kazakhstan's largest trade and investment partner":
             * a second reading, the investor's rank in the country's
             * investment (the sides turned, a stock as of the document's date) */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            size_t k = extract_word(s, n, q, "trade and investment partner");
            if (!k)
                k = extract_word(s, n, q, "trading and investment partner");
            if (k) {
                trade_figure g = r->f;
                snprintf(g.reporter, sizeof g.reporter, "%s", r->f.partner);
                snprintf(g.partner, sizeof g.partner, "%s", r->f.reporter);
                snprintf(g.flow, sizeof g.flow, "investment_stock");
                char n2[460];
                snprintf(n2, sizeof n2, "%s%sthe same rank read for investment", note,
                         note[0] ? "; " : "");
                if (doc.year) {
                    snprintf(g.period, sizeof g.period, "%04d", doc.year % 10000);
                    ex_note_add(n2, sizeof n2, "period: a stock as of the document's date");
                }
                g.confidence = g.confidence > 0.1 ? g.confidence - 0.1 : 0.05;
                if (extract_push(sc, &g, r->start, r->end, ctx, "", n2))
                    return TRADE_ENOMEM;
            }
        }
        last = &sc->out->items[main_at];
        {
            size_t q0 = extract_skip_sp(s, n, a, 1);
            int aside = extract_word(s, n, q0, "in particular") || extract_word(s, n, q0, "including") ||
                        extract_word(s, n, q0, "of these") || extract_word(s, n, q0, "of which") ||
                        extract_word(s, n, q0, "among them");
            /* a clause "while it ..." after a figure of the same sentence (not
             * "exports rose, while imports fell": a parallel, not an aside) */
            for (size_t q = a; q < r->start && !aside; q++)
                if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) &&
                    (extract_word(s, n, q, "while it") || extract_word(s, n, q, "whereas it") ||
                     extract_word(s, n, q, "while they")))
                    for (size_t j = i; j > 0 && !aside; j--)
                        if (st->raw[j - 1].start >= a && st->raw[j - 1].end <= q &&
                            strcmp(st->raw[j - 1].f.unit, "rank"))
                            aside = 1;
            last_aside = aside;
            if (!aside)
                main_idx = main_at;
        }
        last_end = r->end;
        int compared = 0; /* "compared with a deficit of £2.8 billion in December" */
        {
            size_t q = r->start;
            int article = 0; /* the word after the one at v0 is "the" or "a" */
            for (int it = 0; it < 5 && q > sent_a; it++) {
                size_t v0;
                size_t ve = extract_prev_word(s, n, q, &v0);
                if (ve <= v0 || v0 < sent_a)
                    break;
                if (extract_word(s, n, v0, "compared") == ve - v0 ||
                    extract_word(s, n, v0, "against") == ve - v0 ||
                    extract_word(s, n, v0, "versus") == ve - v0 ||
                    (extract_word(s, n, v0, "than") == ve - v0 && !ex_bound_than(s, n, v0)) ||
                    ((it == 0 || (it == 1 && article)) &&
                     extract_word(s, n, v0, "from") == ve - v0)) {
                    /* "increased 10.7% from R139.4 billion in January", "a
                     * 4.1% fall from the US$674.6Mn earned in January to April
                     * 2023": the base does not set the period carried on */
                    compared = 1;
                    break;
                }
                article = it == 0 && (extract_word(s, n, v0, "the") == ve - v0 ||
                                      extract_word(s, n, v0, "a") == ve - v0);
                q = v0;
            }
        }
        /* "grown fivefold since 2003, when it stood at $8.2 billion": a
         * figure of the start of a span looks back, and sets neither the
         * period carried on nor the next sentence's year */
        int since = 0;
        if (pick) {
            size_t w0, we = extract_prev_word(s, n, pick->a, &w0);
            since = we > w0 && extract_word(s, n, w0, "since") == we - w0;
        }
        last_was_base = pick && ((pick->base && pick->same) || since);
        if (fp == (size_t)-1 && !(pick && pick->base) && strcmp(r->f.qualifier, "projection") &&
            !looks_back && !compared && !year_before && !since) {
            snprintf(main_period, sizeof main_period, "%s", r->f.period);
            main_year = ex_period_year(r->f.period);
            if (doc.year && (strstr(note, "period from the document's date") ||
                             strstr(note, "period from the date on line")))
                main_year = 0;
            size_t pa = ex_para_start(s, r->start);
            if (pa != para_at) {
                para_at = pa;
                snprintf(para_period, sizeof para_period, "%s", r->f.period);
            }
        }
    }
    /* "Monthly goods imports from China rise a record $430 million" (the
     * title) and "Goods imports from China were up $430 million, reaching
     * $1.5 billion in October 2018"; a heading "1. Total external trade
     * increases by 4.1 percent" over "... in January 2020 amounted to
     * USD15.08 billion, which represents an increment of 4.1 percent": a
     * title or heading figure with no time of its own is the same figure
     * of the text under it, of its period */
    unsigned long title_line = doc.date_line == 1 ? 2 : 1;
    for (size_t i = 0; i < sc->out->n; i++) {
        trade_figure *f = &sc->out->items[i];
        int title = f->line == title_line;
        if (!title && !ex_heading_line(sc, f->line))
            continue;
        /* a period carried from a figure before or guessed from the date
         * ("no year given, the last full year") gives way to the text's */
        int carried = strstr(f->note, "period from line") != NULL ||
                      strstr(f->note, "period from the document's date: no year given") != NULL;
        if ((f->period[0] && !carried) || f->table[0] || f->value == 0 ||
            !strcmp(f->qualifier, "projection") ||
            !(trade_unit_is_currency(f->unit) || !strcmp(f->unit, "percent_change")))
            continue; /* a target ("aim to bring turnover to $100 billion") has no period */
        for (size_t j = i + 1; j < sc->out->n; j++) {
            const trade_figure *o = &sc->out->items[j];
            if (!title && o->line > f->line + 4)
                break;
            if (o->line == f->line || strcmp(o->unit, f->unit) || o->value != f->value ||
                !o->period[0] || !strcmp(o->qualifier, "projection"))
                continue;
            if (o->line == title_line || ex_heading_line(sc, o->line))
                continue; /* the title written again as a heading: no text under it yet */
            snprintf(f->period, sizeof f->period, "%s", o->period);
            ex_note_drop(f->note, "period from");
            char t[80];
            snprintf(t, sizeof t, "period from line %lu (the same figure under the %s)", o->line,
                     title ? "title" : "heading");
            if (extract_note_append(f, t))
                return TRADE_ENOMEM;
            break;
        }
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
    size_t max = opt && opt->max_bytes ? opt->max_bytes : TRADE_EXTRACT_MAX_BYTES;
    if (len > max) {
        unsigned long line = 1, col = 1;
        for (size_t i = 0; i < max; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return trade_error_set(err, TRADE_ELIMIT, NULL, line, col,
                               "extract: text longer than %zu bytes", max);
    }
    trade_figure_list *l = calloc(1, sizeof *l);
    if (!l)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
    ex_scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = text ? text : "";
    sc.n = len;
    sc.out = l;
    sc.opt = opt;
    sc.comma_decimal = ex_comma_decimal_text(sc.s, sc.n);
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
    rc = extract_resolve_conflicts(l);
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

int trade_extract_file(const char *path, const trade_extract_options *opt, trade_figure_list **out,
                       trade_error *err)
{
    if (!out || !path)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no file or output list");
    *out = NULL;
    size_t max = opt && opt->max_bytes ? opt->max_bytes : TRADE_EXTRACT_MAX_BYTES;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "%s", strerror(errno));
    /* read at most max + 1 bytes: one past the bound says it is too long */
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    int rc = b ? 0 : TRADE_ENOMEM;
    while (rc == 0 && n <= max) {
        if (n == cap) {
            size_t nc = cap > max / 2 ? max + 1 : cap * 2;
            char *nb = realloc(b, nc);
            if (!nb) {
                rc = TRADE_ENOMEM;
                break;
            }
            b = nb;
            cap = nc;
        }
        size_t want = cap - n;
        size_t k = fread(b + n, 1, want, f);
        n += k;
        if (k < want)
            break;
    }
    if (rc == 0 && ferror(f))
        rc = trade_error_set(err, TRADE_EIO, path, 0, 0, "read error: %s", strerror(errno));
    if (!is_stdin)
        fclose(f);
    if (rc == TRADE_ENOMEM)
        trade_error_set(err, rc, path, 0, 0, "extract: out of memory");
    if (rc == 0) {
        rc = trade_extract_text(b, n, opt, out, err);
        if (rc && err)
            snprintf(err->file, sizeof err->file, "%s", path);
        for (size_t i = 0; rc == 0 && i < (*out)->n; i++) {
            /* the figures say which file they came from */
            size_t pl = strlen(path) + 1;
            char *fp = malloc(pl);
            if (!fp) {
                trade_extract_free(*out);
                *out = NULL;
                rc = trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "extract: out of memory");
                break;
            }
            memcpy(fp, path, pl);
            free((*out)->items[i].file);
            (*out)->items[i].file = fp;
        }
    }
    free(b);
    return rc;
}
