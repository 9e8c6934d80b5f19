/* extract_table.c - the aligned tables of a brief.
 *
 * A table is a run of at least two consecutive lines that split into cells
 * on tabs or on runs of two or more spaces, whose data rows hold a text
 * label then numbers. The line above the run (or a header row inside it)
 * gives the column headings; the nearest caption line above gives the
 * table's name ("Table 2"), its unit and scale ("(EUR thousand)", "EUR
 * million", "Ranking" for ranks, "%" for shares) and often the reporter
 * ("Belgian trade") and the year. A header that names a currency without a
 * scale, over values that are a thousandth (or a millionth) of money figures
 * of the prose, is read as thousands (millions): the genre does that. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "extract_number_internal.h"
#include "trade/codes.h"

#define TB_MAXCELLS 24

typedef struct tb_cell {
    size_t a, b; /* trimmed byte range */
} tb_cell;

typedef struct tb_line {
    size_t a, b; /* the line without its '\n' */
    tb_cell cell[TB_MAXCELLS];
    size_t ncell;
    int rowlike;
    int rule; /* only dashes, colons, pipes and spaces: "|---|---|", "-----  ----" */
    int data; /* label + at least one number */
} tb_line;

static int tb_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static void tb_split(const char *s, tb_line *l)
{
    l->ncell = 0;
    int tabs = 0, pipes = 0, rule = 1, any = 0;
    for (size_t i = l->a; i < l->b; i++) {
        if (s[i] == '\t')
            tabs = 1;
        if (s[i] == '|')
            pipes++;
        if (!(s[i] == '-' || s[i] == ':' || s[i] == '|' || s[i] == '+' || s[i] == '=' ||
              tb_space(s[i])))
            rule = 0;
        else if (s[i] == '-' || s[i] == '=')
            any = 1;
    }
    l->rule = rule && any;
    if (pipes >= 2) {
        /* a Markdown table: | a | b | */
        size_t i = l->a;
        while (i < l->b && tb_space(s[i]))
            i++;
        if (i < l->b && s[i] == '|')
            i++;
        while (i < l->b && l->ncell < TB_MAXCELLS) {
            size_t st = i;
            while (i < l->b && s[i] != '|')
                i++;
            size_t en = i;
            while (st < en && tb_space(s[st]))
                st++;
            while (en > st && tb_space(s[en - 1]))
                en--;
            if (i >= l->b && st == en)
                break; /* after the closing pipe */
            l->cell[l->ncell].a = st;
            l->cell[l->ncell].b = en;
            l->ncell++;
            i++;
        }
        return;
    }
    size_t i = l->a;
    if (!tabs) {
        while (i < l->b && tb_space(s[i]))
            i++;
    }
    while (i <= l->b && l->ncell < TB_MAXCELLS) {
        size_t st = i, en;
        if (tabs) {
            while (i < l->b && s[i] != '\t')
                i++;
            en = i;
            i++;
        } else {
            while (i < l->b && !(s[i] == '\t' || (s[i] == ' ' && i + 1 < l->b && s[i + 1] == ' ') ||
                                 (s[i] == ' ' && i + 1 == l->b)))
                i++;
            en = i;
            while (i < l->b && tb_space(s[i]))
                i++;
            if (en == st && i >= l->b)
                break;
        }
        while (st < en && tb_space(s[st]))
            st++;
        while (en > st && tb_space(s[en - 1]))
            en--;
        l->cell[l->ncell].a = st;
        l->cell[l->ncell].b = en;
        l->ncell++;
        if (!tabs && i >= l->b)
            break;
    }
}

/* A numeric cell: the number token covers the cell (a sign, a currency
 * symbol and a trailing % allowed). Fills num; returns 1, or 2 for an empty
 * mark ("-", "n/a", ".."), 0 for text. */
static int tb_numeric(const char *s, size_t n, const tb_cell *c, ex_number *num, int *neg, int *pct)
{
    size_t a = c->a, b = c->b;
    *neg = 0;
    *pct = 0;
    if (a >= b)
        return 0;
    size_t len = b - a;
    if ((len == 1 && (s[a] == '-' || s[a] == '.' || s[a] == 'x')) ||
        (len == 2 && memcmp(s + a, "..", 2) == 0) || (len == 3 && memcmp(s + a, "n/a", 3) == 0) ||
        (len == 4 && memcmp(s + a, "n.a.", 4) == 0) ||
        (len == 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80))
        return 2;
    if (s[a] == '-' || s[a] == '+') {
        *neg = s[a] == '-';
        a++;
    } else if (b - a > 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x88 &&
               (unsigned char)s[a + 2] == 0x92) {
        *neg = 1;
        a += 3;
    }
    if (a < b && s[a] == '$')
        a++;
    else if (b - a > 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x82 &&
             (unsigned char)s[a + 2] == 0xAC)
        a += 3;
    if (a >= b || !(s[a] >= '0' && s[a] <= '9'))
        return 0;
    extract_number_parse(s, b, a, num);
    if (!num->ok)
        return 0;
    size_t e = num->end;
    if (e < b && s[e] == '%') {
        *pct = 1;
        e++;
    }
    /* a footnote mark or superscript after the number is allowed */
    if (e < b && s[e] == '*')
        e++;
    (void)n;
    return e == b ? 1 : 0;
}

static int tb_year(const char *s, const tb_cell *c)
{
    if (c->b - c->a != 4)
        return 0;
    int y = 0;
    for (size_t i = c->a; i < c->b; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    return (y >= 1900 && y <= 2100) ? y : 0;
}

static int tb_contains(const char *s, size_t a, size_t b, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = a; i + l <= b; i++) {
        size_t j = 0;
        while (j < l && ((s[i + j] | 0x20) == (w[j] | 0x20)))
            j++;
        if (j == l)
            return 1;
    }
    return 0;
}

int extract_find_money_words(const char *s, size_t a, size_t b, char cur[4])
{
    cur[0] = '\0';
    for (size_t i = a; i + 3 <= b; i++) {
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x82 &&
            (unsigned char)s[i + 2] == 0xAC) {
            memcpy(cur, "EUR", 4);
            break;
        }
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA3) {
            memcpy(cur, "GBP", 4); /* "in £ billion", "(£bn)" */
            break;
        }
        if (s[i] >= 'A' && s[i] <= 'Z' &&
            (i == a || !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')) &&
            s[i + 1] >= 'A' && s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z' &&
            (i + 3 == b || !((s[i + 3] | 0x20) >= 'a' && (s[i + 3] | 0x20) <= 'z'))) {
            char c[4] = {s[i], s[i + 1], s[i + 2], 0};
            if (trade_unit_is_currency(c) && strcmp(c, "TEU") != 0) {
                memcpy(cur, c, 4);
                break;
            }
        }
    }
    if (!cur[0]) {
        if (tb_contains(s, a, b, "euro"))
            memcpy(cur, "EUR", 4);
        else if (tb_contains(s, a, b, "US$") || tb_contains(s, a, b, "dollar") ||
                 tb_contains(s, a, b, "($"))
            memcpy(cur, "USD", 4);
    }
    if (tb_contains(s, a, b, "thousand") || tb_contains(s, a, b, "'000") ||
        tb_contains(s, a, b, "000s") ||
        tb_contains(s, a, b,
                    "\xE2\x80\x99"
                    "000"))
        return 3;
    if (tb_contains(s, a, b, "million") || tb_contains(s, a, b, "mln") ||
        tb_contains(s, a, b, " mn") || tb_contains(s, a, b, " m)") || tb_contains(s, a, b, "(m)"))
        return 6;
    if (tb_contains(s, a, b, "billion") || tb_contains(s, a, b, " bn"))
        return 9;
    return 0;
}

/* The unit of a caption or heading: money, tonnes, percent, rank. */
static void tb_unit(const char *s, size_t a, size_t b, char unit[16], int *scale, int *scale_set)
{
    char cur[4];
    int sc = extract_find_money_words(s, a, b, cur);
    if (sc) {
        *scale = sc;
        *scale_set = 1;
    }
    if (cur[0]) {
        memcpy(unit, cur, 4);
        return;
    }
    if (tb_contains(s, a, b, "number") || tb_contains(s, a, b, "companies") ||
        tb_contains(s, a, b, "firms") || tb_contains(s, a, b, "projects"))
        memcpy(unit, "count", 6);
    else if (tb_contains(s, a, b, "tonnes") || tb_contains(s, a, b, "tons"))
        memcpy(unit, "t", 2);
    else if (tb_contains(s, a, b, "TEU"))
        memcpy(unit, "TEU", 4);
    else if (tb_contains(s, a, b, "rank"))
        memcpy(unit, "rank", 5);
    else if (tb_contains(s, a, b, "growth") || tb_contains(s, a, b, "change"))
        memcpy(unit, "percent_change", 15);
    else if (tb_contains(s, a, b, "%") || tb_contains(s, a, b, "per cent") ||
             tb_contains(s, a, b, "percent") || tb_contains(s, a, b, "share"))
        memcpy(unit, "percent", 8);
}

/* The reporter a caption names: "<adjective> trade/exports/imports". */
static const char *tb_reporter(const char *s, size_t n, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z'))
            continue;
        size_t cl;
        if (i > a && s[i - 1] == '-')
            continue; /* "EU-Kyrgyzstan trade": a pair, not a reporter */
        const char *c = extract_country_at(s, n, i, &cl);
        if (!c)
            continue;
        if (i + cl < b && s[i + cl] == '-')
            continue;
        size_t q = i + cl;
        while (q < b && s[q] == ' ')
            q++;
        if (extract_word(s, n, q, "trade") || extract_word(s, n, q, "exports") ||
            extract_word(s, n, q, "imports") || extract_word(s, n, q, "foreign") ||
            extract_word(s, n, q, "merchandise"))
            return c;
    }
    return NULL;
}

/* The partner a caption or label names: a country after with, to, from. */
static const char *tb_partner(const char *s, size_t n, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z'))
            continue;
        size_t k;
        if (!(k = extract_word(s, n, i, "with")) && !(k = extract_word(s, n, i, "to")) &&
            !(k = extract_word(s, n, i, "from")))
            continue;
        size_t q = i + k;
        while (q < b && s[q] == ' ')
            q++;
        size_t t = extract_word(s, n, q, "the");
        if (t)
            q += t;
        while (q < b && s[q] == ' ')
            q++;
        size_t cl;
        const char *c = extract_country_at(s, n, q, &cl);
        if (c)
            return c;
    }
    return NULL;
}

static void tb_copy(const char *s, size_t a, size_t b, char *out, size_t max)
{
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < max; i++) {
        char c = s[i];
        if (c == '\t' || c == '\r' || c == '\n' || c == '\0')
            c = ' ';
        out[k++] = c;
    }
    /* never cut a UTF-8 character */
    while (k > 0 && (((unsigned char)out[k - 1]) & 0xC0) == 0x80) {
        size_t j = k;
        while (j > 0 && (((unsigned char)out[j - 1]) & 0xC0) == 0x80)
            j--;
        if (j == 0)
            break;
        unsigned char lead = (unsigned char)out[j - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (k - (j - 1) >= need)
            break;
        k = j - 1;
    }
    out[k] = '\0';
}

/* Make out valid UTF-8 (replace bad bytes by '?'). */
static void tb_sanitize(char *out)
{
    size_t n = strlen(out);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)out[i];
        size_t need = c < 0x80                ? 1
                      : c >= 0xF0 && c < 0xF5 ? 4
                      : c >= 0xE0             ? 3
                      : c >= 0xC2 && c < 0xE0 ? 2
                                              : 0;
        int ok = need > 0 && i + need <= n;
        for (size_t j = 1; ok && j < need; j++)
            if ((((unsigned char)out[i + j]) & 0xC0) != 0x80)
                ok = 0;
        if (!ok) {
            out[i] = '?';
            i++;
        } else
            i += need;
    }
}

static int tb_emit(ex_scan *sc, tb_line *L, size_t first, size_t last, size_t hdr_line, int has_hdr,
                   size_t cap_a, size_t cap_b, int has_cap)
{
    const char *s = sc->s;
    size_t n = sc->n;
    char unit[16] = "";
    int scale = 0, scale_set = 0;
    char name[64] = "";
    if (has_cap) {
        tb_unit(s, cap_a, cap_b, unit, &scale, &scale_set);
        size_t k = 0;
        if ((k = extract_word(s, n, cap_a, "Table")) || (k = extract_word(s, n, cap_a, "Tab.")) ||
            (k = extract_word(s, n, cap_a, "Figure")) || (k = extract_word(s, n, cap_a, "Chart")) ||
            (k = extract_word(s, n, cap_a, "Exhibit")) ||
            (k = extract_word(s, n, cap_a, "Annex"))) {
            size_t q = cap_a + k;
            while (q < cap_b && s[q] == ' ')
                q++;
            size_t e = q;
            while (e < cap_b && s[e] != ' ' && s[e] != ':' && s[e] != '\t' && e - q < 8)
                e++;
            while (e > q && (s[e - 1] == '.' || s[e - 1] == ','))
                e--;
            tb_copy(s, cap_a, e, name, sizeof name);
            tb_sanitize(name);
        }
    }
    const char *reporter = has_cap ? tb_reporter(s, n, cap_a, cap_b) : NULL;
    const char *cap_partner = has_cap ? tb_partner(s, n, cap_a, cap_b) : NULL;
    if (reporter && !strcmp(unit, "USD") && tb_contains(s, cap_a, cap_b, "$") &&
        !tb_contains(s, cap_a, cap_b, "US") && !tb_contains(s, cap_a, cap_b, "U.S.")) {
        /* "Canadian Merchandise Trade ($ Billions)": Canada's dollar */
        const char *own = extract_own_dollar(reporter);
        if (own)
            memcpy(unit, own, 4);
    }
    /* "Annual Canadian Merchandise Trade": the country's total trade */
    const char *cap_world = reporter && !cap_partner &&
                                    (tb_contains(s, cap_a, cap_b, "Merchandise Trade") ||
                                     tb_contains(s, cap_a, cap_b, "merchandise trade") ||
                                     tb_contains(s, cap_a, cap_b, "total trade"))
                                ? "WLD"
                                : NULL;
    char cap_period[40] = "";
    if (has_cap) {
        int y1 = 0, y2 = 0, count = 0;
        for (size_t i = cap_a; i + 4 <= cap_b; i++) {
            tb_cell c = {i, i + 4};
            int y = tb_year(s, &c);
            if (y && (i == cap_a || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
                (i + 4 == cap_b || !(s[i + 4] >= '0' && s[i + 4] <= '9'))) {
                if (count == 0)
                    y1 = y;
                else
                    y2 = y;
                count++;
                i += 3;
            }
        }
        if (count == 1)
            snprintf(cap_period, sizeof cap_period, "%04d", y1);
        else if (count == 2 && y2 > y1)
            snprintf(cap_period, sizeof cap_period, "%04d/%04d", y1, y2);
    }
    /* the number of value columns: the widest data row */
    size_t ncols = 0;
    for (size_t li = first; li <= last; li++)
        if (L[li].data && L[li].ncell > ncols)
            ncols = L[li].ncell;
    tb_line *H = has_hdr ? &L[hdr_line] : NULL;
    /* header cells aligned to data columns: right-aligned when fewer */
    size_t hoff = 0;
    if (H && H->ncell < ncols)
        hoff = ncols - H->ncell;
    /* a currency table with no scale: check the prose for x1000 or x1e6 */
    int inferred = 0;
    char col_unit[TB_MAXCELLS][16];
    int col_scale[TB_MAXCELLS];
    for (size_t c = 0; c < TB_MAXCELLS; c++) {
        memcpy(col_unit[c], unit, sizeof unit);
        col_scale[c] = scale;
        if (H && c >= hoff && c - hoff < H->ncell) {
            const tb_cell *hc = &H->cell[c - hoff];
            char u2[16] = "";
            int s2 = 0, set2 = 0;
            tb_unit(s, hc->a, hc->b, u2, &s2, &set2);
            if (u2[0])
                memcpy(col_unit[c], u2, sizeof u2);
            if (set2)
                col_scale[c] = s2;
            if (set2)
                scale_set = 1;
        }
        if (!col_unit[c][0])
            memcpy(col_unit[c], "count", 6);
    }
    if (!scale_set) {
        int hits3 = 0, hits6 = 0;
        for (size_t li = first; li <= last; li++) {
            if (!L[li].data)
                continue;
            for (size_t c = 1; c < L[li].ncell && c < TB_MAXCELLS; c++) {
                if (!trade_unit_is_currency(col_unit[c]))
                    continue;
                ex_number num;
                int neg, pct;
                if (tb_numeric(s, n, &L[li].cell[c], &num, &neg, &pct) != 1)
                    continue;
                double v;
                if (extract_number_value(&num, 0, 0, &v) != 0 || v <= 0)
                    continue;
                for (size_t k = 0; k < sc->out->n; k++) {
                    const trade_figure *f = &sc->out->items[k];
                    if (strcmp(f->unit, col_unit[c]) != 0 || f->value <= 0 || f->table[0])
                        continue;
                    double r3 = v * 1e3 / f->value, r6 = v * 1e6 / f->value;
                    if (r3 > 0.97 && r3 < 1.03)
                        hits3++;
                    if (r6 > 0.97 && r6 < 1.03)
                        hits6++;
                }
            }
        }
        if (hits3 > 0 && hits3 >= hits6)
            inferred = 3;
        else if (hits6 > 0)
            inferred = 6;
        if (!inferred) {
            /* no figure to compare with: a trade table in a currency whose
             * values are all under a million, written with two decimals
             * (21,195.82), is in thousands: country trade in cents is not
             * what briefs print */
            size_t ncell = 0, two_dec = 0;
            int small = 1;
            for (size_t li = first; li <= last; li++) {
                if (!L[li].data)
                    continue;
                for (size_t c = 1; c < L[li].ncell && c < TB_MAXCELLS; c++) {
                    if (!trade_unit_is_currency(col_unit[c]))
                        continue;
                    ex_number num;
                    int neg, pct;
                    double v;
                    if (tb_numeric(s, n, &L[li].cell[c], &num, &neg, &pct) != 1 ||
                        extract_number_value(&num, 0, 0, &v) != 0)
                        continue;
                    ncell++;
                    two_dec += num.decimals == 2;
                    if (v >= 1e6)
                        small = 0;
                }
            }
            int trade_words = 0;
            if (has_cap)
                trade_words = tb_contains(s, cap_a, cap_b, "trade") ||
                              tb_contains(s, cap_a, cap_b, "export") ||
                              tb_contains(s, cap_a, cap_b, "import");
            if (H)
                trade_words |=
                    tb_contains(s, H->a, H->b, "export") || tb_contains(s, H->a, H->b, "import");
            if (ncell >= 2 && small && two_dec * 2 >= ncell && trade_words)
                inferred = 30;
        }
        if (inferred == 30) {
            for (size_t c = 0; c < TB_MAXCELLS; c++)
                if (trade_unit_is_currency(col_unit[c]))
                    col_scale[c] = 3;
        } else if (inferred)
            for (size_t c = 0; c < TB_MAXCELLS; c++)
                if (trade_unit_is_currency(col_unit[c]))
                    col_scale[c] = inferred;
    }
    for (size_t li = first; li <= last; li++) {
        tb_line *R = &L[li];
        if (!R->data)
            continue;
        const tb_cell *lab = &R->cell[0];
        size_t cl = 0;
        const char *partner = extract_country_at(s, n, lab->a, &cl);
        const char *label_country = partner;
        if (partner && lab->a + cl < lab->b && lab->a + cl + 3 < lab->b)
            partner = NULL; /* "Kazakhstan and Russia": not one country */
        int label_year = tb_year(s, lab);
        char label_month[8] = ""; /* "December 2020 Value (£bn)": 2020-12 */
        {
            size_t ml;
            int m = extract_is_month(s, n, lab->a, &ml);
            size_t q = m ? lab->a + ml : lab->a;
            while (q < lab->b && s[q] == ' ')
                q++;
            tb_cell yc = {q, q + 4};
            int y = m && q + 4 <= lab->b ? tb_year(s, &yc) : 0;
            if (y && (q + 4 == lab->b || !(s[q + 4] >= '0' && s[q + 4] <= '9')))
                snprintf(label_month, sizeof label_month, "%04d-%02d", y % 10000, m);
        }
        const char *label_flow = NULL;
        if (tb_contains(s, lab->a, lab->b, "import"))
            label_flow = "import";
        else if (tb_contains(s, lab->a, lab->b, "export"))
            label_flow = "export";
        const char *row_reporter = NULL;
        if (label_flow) {
            /* "EU exports to Kyrgyzstan": the label reads like prose */
            row_reporter = label_country;
            partner = tb_partner(s, n, lab->a, lab->b);
        }
        if ((label_year || label_month[0]) && !partner)
            partner = cap_partner ? cap_partner : cap_world;
        char label[128];
        tb_copy(s, lab->a, lab->b, label, sizeof label);
        tb_sanitize(label);
        char ctx[301];
        tb_copy(s, R->a, R->b, ctx, sizeof ctx);
        tb_sanitize(ctx);
        for (size_t c = 1; c < R->ncell && c < TB_MAXCELLS; c++) {
            ex_number num;
            int neg, pct;
            if (tb_numeric(s, n, &R->cell[c], &num, &neg, &pct) != 1)
                continue;
            trade_figure f;
            memset(&f, 0, sizeof f);
            snprintf(
                f.unit, sizeof f.unit, "%s",
                pct ? (strcmp(col_unit[c], "percent_change") == 0 ? "percent_change" : "percent")
                    : col_unit[c]);
            int e10 = (strcmp(f.unit, "rank") == 0 || strcmp(f.unit, "percent") == 0 ||
                       strcmp(f.unit, "percent_change") == 0)
                          ? 0
                          : col_scale[c];
            if (extract_number_value(&num, e10, neg, &f.value) != 0)
                continue;
            f.precision = extract_pow10(e10 - num.decimals);
            if (num.decimals == 0 && e10 == 0) {
                int tz = 0;
                for (size_t i = num.ndigits; i > 1 && num.digits[i - 1] == '0'; i--)
                    tz++;
                f.precision = extract_pow10(tz);
                if (strcmp(f.unit, "rank") == 0)
                    f.precision = 1;
            }
            char head[128] = "";
            if (H && c >= hoff && c - hoff < H->ncell) {
                tb_copy(s, H->cell[c - hoff].a, H->cell[c - hoff].b, head, sizeof head);
                tb_sanitize(head);
            }
            if (partner)
                snprintf(f.partner, sizeof f.partner, "%s", partner);
            if (row_reporter)
                snprintf(f.reporter, sizeof f.reporter, "%s", row_reporter);
            else if (reporter)
                snprintf(f.reporter, sizeof f.reporter, "%s", reporter);
            if (f.partner[0] && strcmp(f.partner, f.reporter) == 0)
                f.partner[0] = '\0';
            if (H && c >= hoff && c - hoff < H->ncell) {
                const tb_cell *hc = &H->cell[c - hoff];
                if (tb_contains(s, hc->a, hc->b, "import"))
                    memcpy(f.flow, "import", 7);
                else if (tb_contains(s, hc->a, hc->b, "export"))
                    memcpy(f.flow, "export", 7);
                int y = tb_year(s, hc);
                if (y)
                    snprintf(f.period, sizeof f.period, "%04d", y);
            }
            if (!f.flow[0] && label_flow)
                snprintf(f.flow, sizeof f.flow, "%s", label_flow);
            if (label_year && !f.period[0])
                snprintf(f.period, sizeof f.period, "%04d", label_year);
            if (label_month[0] && !f.period[0])
                snprintf(f.period, sizeof f.period, "%s", label_month);
            if (!f.flow[0] && has_cap) {
                if (tb_contains(s, cap_a, cap_b, "exports") &&
                    !tb_contains(s, cap_a, cap_b, "imports"))
                    memcpy(f.flow, "export", 7);
                else if (tb_contains(s, cap_a, cap_b, "imports") &&
                         !tb_contains(s, cap_a, cap_b, "exports"))
                    memcpy(f.flow, "import", 7);
                else if (tb_contains(s, cap_a, cap_b, "trade") && f.partner[0] &&
                         !tb_contains(s, cap_a, cap_b, "rank"))
                    memcpy(f.flow, "trade", 6);
            }
            if (!f.period[0])
                memcpy(f.period, cap_period, sizeof cap_period);
            char note[400];
            snprintf(note, sizeof note, "%s%srow: %s; column: %s%s", name, name[0] ? ": " : "",
                     label, head[0] ? head : "?",
                     inferred == 3    ? "; values read as thousands (they match the text's figures)"
                     : inferred == 6  ? "; values read as millions (they match the text's figures)"
                     : inferred == 30 ? "; values read as thousands (a trade table under a million "
                                        "with two decimals)"
                                      : "");
            tb_sanitize(note);
            int rc = extract_push(sc, &f, R->cell[c].a, R->cell[c].b, ctx, name, note);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int extract_tables(ex_scan *sc, int emit)
{
    const char *s = sc->s;
    size_t n = sc->n;
    size_t nl = sc->nlines;
    if (nl == 0)
        return 0;
    if (nl > SIZE_MAX / sizeof(tb_line))
        return TRADE_ENOMEM;
    tb_line *L = calloc(nl, sizeof *L);
    if (!L)
        return TRADE_ENOMEM;
    for (size_t i = 0; i < nl; i++) {
        L[i].a = sc->line_start[i];
        size_t b = i + 1 < nl ? sc->line_start[i + 1] - 1 : n;
        L[i].b = b;
        if (b - L[i].a > 400)
            continue;
        tb_split(s, &L[i]);
        size_t nonempty = 0;
        for (size_t c = 0; c < L[i].ncell; c++)
            if (L[i].cell[c].b > L[i].cell[c].a)
                nonempty++;
        L[i].rowlike = (L[i].ncell >= 2 && nonempty >= 1) || L[i].rule;
        if (!L[i].rowlike)
            continue;
        /* data: a label then numbers only */
        int nums = 0, texts = 0;
        for (size_t c = 1; c < L[i].ncell; c++) {
            ex_number num;
            int neg, pct;
            int k = tb_numeric(s, n, &L[i].cell[c], &num, &neg, &pct);
            if (k == 1)
                nums++;
            else if (k == 0 && L[i].cell[c].b > L[i].cell[c].a)
                texts++;
        }
        const tb_cell *c0 = &L[i].cell[0];
        int label = c0->b > c0->a && !(s[c0->a] >= '0' && s[c0->a] <= '9');
        if (!label && tb_year(s, c0)) {
            /* a year as the row label, unless the whole row is years (a header) */
            int years = 1;
            for (size_t c = 1; c < L[i].ncell && years; c++)
                years = tb_year(s, &L[i].cell[c]) != 0;
            label = !years;
        }
        L[i].data = label && nums >= 1 && texts == 0;
    }
    int rc = 0;
    for (size_t i = 0; i < nl && rc == 0;) {
        if (!L[i].rowlike) {
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < nl && L[j + 1].rowlike)
            j++;
        /* a first row of years over more data rows is the header */
        for (size_t k = i; k <= j; k++) {
            if (!L[k].data)
                continue;
            int years = 1, more = 0;
            for (size_t c = 1; c < L[k].ncell && years; c++)
                years = tb_year(s, &L[k].cell[c]) != 0 || L[k].cell[c].a == L[k].cell[c].b;
            for (size_t m = k + 1; m <= j; m++)
                more |= L[m].data;
            if (years && more)
                L[k].data = 0;
            break;
        }
        size_t ndata = 0;
        size_t first_data = j + 1;
        for (size_t k = i; k <= j; k++)
            if (L[k].data) {
                ndata++;
                if (first_data > k)
                    first_data = k;
            }
        /* all year rows? a year header line counts as header */
        /* one data row is enough under a header row */
        int header_row = 0;
        for (size_t k = i; k < first_data && k <= j; k++)
            header_row |= !L[k].rule && L[k].ncell >= 2;
        if (ndata >= 2 || (ndata == 1 && header_row)) {
            size_t hdr = first_data;
            while (hdr > i && L[hdr - 1].rule)
                hdr--;
            int has_hdr = hdr > i && !L[hdr - 1].rule;
            hdr = has_hdr ? hdr - 1 : 0;
            /* a caption: the nearest non-blank line above the block */
            size_t cap_a = 0, cap_b = 0;
            int has_cap = 0;
            size_t k = i;
            int blanks = 0;
            while (k > 0 && blanks <= 2) {
                k--;
                size_t a = L[k].a, b = L[k].b;
                while (a < b && tb_space(s[a]))
                    a++;
                if (a == b) {
                    blanks++;
                    continue;
                }
                if (b - a < 250) {
                    if (has_cap) {
                        /* "Figure 1 - Canadian trade ($ Billions)" above
                         * "Figure 1: Text version": the two lines */
                        if (extract_word(s, n, a, "Figure") || extract_word(s, n, a, "Table") ||
                            extract_word(s, n, a, "Chart") || extract_word(s, n, a, "Graph"))
                            cap_a = a;
                        break;
                    }
                    cap_a = a;
                    cap_b = b;
                    has_cap = 1;
                    char u0[16] = "";
                    int s0 = 0, set0 = 0, year0 = 0;
                    tb_unit(s, a, b, u0, &s0, &set0);
                    for (size_t q = a; q + 4 <= b && !year0; q++) {
                        tb_cell c = {q, q + 4};
                        year0 = tb_year(s, &c);
                    }
                    if (!u0[0] && !set0 && !year0 && !tb_reporter(s, n, a, b) &&
                        !tb_partner(s, n, a, b) && k > 0) {
                        blanks = 0;
                        continue; /* a bare label: the caption may be the line above */
                    }
                }
                break;
            }
            if (emit)
                rc = tb_emit(sc, L, i, j, hdr, has_hdr, cap_a, cap_b, has_cap);
            else
                for (size_t m = L[i].a; m < L[j].b && m < n; m++)
                    sc->skip[m] = 1;
        }
        i = j + 1;
    }
    free(L);
    return rc;
}
