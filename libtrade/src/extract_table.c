/* extract_table.c - the tables of a brief or of a statistics office's page.
 *
 * A table is a run of at least two consecutive lines that split into cells
 * on tabs, pipes or runs of two or more spaces (or, pasted without its tabs,
 * on single spaces before a tail of numbers: "Export (FOB) 3 797.0 3 340.7"),
 * whose data rows hold a label then numbers. Cells with one space inside are
 * one number ("13 315.0"); "...", "(-)", "n/a" are empty.
 *
 * The rows above the first data row (or, over one blank line, the rows just
 * above the run) are its header: each column's heading is read from all of
 * them, by cell index for tab-separated rows and by position for rows
 * aligned with spaces; rows split on spaces whose values do not line up
 * (an HTML table's text) go by cell index too. A numbered title ("Table
 * 4 ...") over a blank line above the unit line is part of the caption. A heading gives the column's unit and scale
 * ("millions of dollars", "% change", "Absolute change", "2023 in % to
 * 2022" as an index), flow ("Imports", "Re-export value"), partner ("EU",
 * "World") and period ("September 2016", "Sep 18", "January-June 2024*",
 * "Q1 2024", "Year-to-Date" next to "November 2009"; a growth or share
 * column of the latest period it or the level columns before it name).
 *
 * A line of words over rows split on single spaces ("exports Imports" over
 * "1994 2510 3066") is their header, one word a value column.
 *
 * Up to four short caption lines above give the name ("Table 2"), the unit
 * and scale, the reporter ("Belgian trade", "Trade (in millions of US$):
 * Belarus"), a partner ("with China") and
 * a year; with none, the document's title or a "Source: CBS" line under the
 * table gives the reporter. Row labels give the partner (a country), the
 * flow ("Total exports" and the countries under it, "Trade balance",
 * section lines "U.S. total exports:"), totals (partner WLD), goods
 * ("Agricultural products": the product) and periods ("2024 Jan", "Sep
 * 2019" cells, "Previous" columns; a year cell with a provisional mark,
 * "2021*  January", "2024p", before the month cell of a monthly table). A header that names a currency without a
 * scale, over values that are a thousandth (or a millionth) of money figures
 * of the prose, is read as thousands (millions): the genre does that.
 *
 * A pipe table as a page's text gives an HTML table whose cells hold line
 * breaks: a heading row broken over lines ("| 4th qtr.", "2004 |",
 * "Percentage", "change over 4th qtr. 2003 |", "|") is joined into one row
 * of headings, a data row whose label was broken ("| Re-exports of ...",
 * "to other places |", "235,622 | +14.1 |") into one row on its values'
 * line, and a heading row that lost its empty corner cell ("| (HKD Mn.) |
 * (%) | |") is right-aligned; headings given one a line between a
 * Markdown rule and the heading row ("Absolute change,", "|", "Percent
 * change,") are over the last columns. A table given one cell a line
 * between pipe lines is read as rows (tb_streams). A table in a national
 * currency other than the US dollar that names no reporter is the
 * currency's country's. */
#include <math.h>
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
    int rule;    /* only dashes, colons, pipes and spaces: "|---|---|", "-----  ----" */
    int data;    /* label + at least one number */
    int tabs;    /* cells split on tabs (else on runs of spaces: aligned by position) */
    int section; /* a label-only line inside a table ("U.S. total exports:") */
    int preset;  /* cells set by tb_streams: not split again */
    size_t v0;   /* the first value cell (cells 1..v0-1 are more label, or the row's period) */
    size_t nv;   /* one past the last value cell (cells after it: the row's unit, frequency) */
} tb_line;

static int tb_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Is line l only spaces? */
static int tb_blank(const char *s, const tb_line *l)
{
    size_t a = l->a;
    while (a < l->b && tb_space(s[a]))
        a++;
    return a == l->b;
}

/* Narrows [*a, *b) of s to its text without the spaces at either end. */
static void tb_trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && tb_space(s[*a]))
        (*a)++;
    while (*b > *a && tb_space(s[*b - 1]))
        (*b)--;
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
    l->tabs = tabs || pipes >= 2;
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
            /* a cell broken over lines (a row joined by extract_tables) is
             * trimmed of its line ends too */
            while (st < en && (tb_space(s[st]) || s[st] == '\n'))
                st++;
            while (en > st && (tb_space(s[en - 1]) || s[en - 1] == '\n'))
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

/* A year cell with a provisional or revised mark: "2021*", "2022p",
 * "2023r" (or a bare year). Returns the year or 0. */
static int tb_year_marked(const char *s, const tb_cell *c)
{
    if (c->b - c->a == 5 && (s[c->b - 1] == '*' || s[c->b - 1] == 'p' || s[c->b - 1] == 'r')) {
        tb_cell yc = {c->a, c->b - 1};
        return tb_year(s, &yc);
    }
    return tb_year(s, c);
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
        (len == 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80) ||
        (len == 3 && memcmp(s + a, "...", 3) == 0) ||
        (len == 3 && s[a] == '(' && s[a + 2] == ')') || /* Census "(-)", "(X)", "(D)", "(Z)" */
        (len == 4 && memcmp(s + a, "(NA)", 4) == 0))
        return 2;
    int paren = 0;
    if (s[a] == '(' && s[b - 1] == ')' && b - a >= 3) {
        /* "(1,234)": an accountant's negative */
        paren = 1;
        *neg = 1;
        a++;
        b--;
    }
    if (!paren && (s[a] == '-' || s[a] == '+')) {
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
    if (b - a == 5 && s[b - 1] == '*') {
        tb_cell yc = {a, b - 1};
        if (tb_year(s, &yc))
            return 0; /* "2024*": a provisional year, the row's period */
    }
    /* a cell is one number: a space inside it separates thousands ("13 315.0") */
    extract_number_parse_sp(s, b, a, num, 1);
    if (!num->ok)
        return 0;
    size_t e = num->end;
    if (e < b && s[e] == '%') {
        *pct = 1;
        e++;
    }
    /* a footnote mark after the number is allowed: "1,234*", "2,043r" (revised), "p" */
    if (e < b && (s[e] == '*' || ((s[e] == 'r' || s[e] == 'p') && e + 1 == b)))
        e++;
    (void)n;
    return e == b ? 1 : 0;
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

/* A month name or abbreviation at p, any case ("JAN.", "Sept", "June"):
 * its number, and its length with a trailing dot in *len; else 0. */
static int tb_month(const char *s, size_t b, size_t p, size_t *len)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    size_t e = p;
    while (e < b && ex_isalpha((unsigned char)s[e]))
        e++;
    size_t wl = e - p;
    if (wl < 3 || (p > 0 && ex_isalpha((unsigned char)s[p - 1])))
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t nl = strlen(names[m]);
        if (wl > nl)
            continue;
        size_t k = 0;
        while (k < wl && ex_lower((unsigned char)s[p + k]) == names[m][k])
            k++;
        if (k == wl && (wl == 3 || wl == nl || (m == 8 && wl == 4))) {
            if (e < b && s[e] == '.')
                e++;
            *len = e - p;
            return m + 1;
        }
    }
    return 0;
}

/* A heading line that opens with a month's full name and no year or range
 * after it: a page's text of an aligned header whose cells run into one line
 * ("  January year at current" over "  2017 2018": the month of each year
 * column, the rest the heading of another column). The month, or 0. */
static int tb_lead_month(const char *s, size_t a, size_t b)
{
    while (a < b && tb_space(s[a]))
        a++;
    size_t ml;
    int m = tb_month(s, b, a, &ml);
    if (!m || ml < 5 || s[a + ml - 1] == '.')
        return 0; /* "Jan." may head a range ("Jan.– Nov.") */
    size_t q = a + ml;
    if (q < b && !tb_space(s[q]))
        return 0;
    while (q < b && tb_space(s[q]))
        q++;
    if (q == b)
        return m;
    /* the next word: a lower-case word, not a year, a day, a dash or "to" */
    if (!(s[q] >= 'a' && s[q] <= 'z') || extract_word(s, b, q, "to") ||
        extract_word(s, b, q, "and") || extract_word(s, b, q, "through"))
        return 0;
    return m;
}

static long tb_period_end(const char *p);

/* The last column of a table whose heading lines (a..b: captions and
 * headers) say "change" but whose own heading does not: in an aligned header
 * run into few lines ("Million ISK ... Change on prev." / "2017 2018 Jan.–
 * Nov.") the percent cells of that column, after two or more level columns,
 * are the change of the latest level column over the one before. Sets
 * *per to that column's period; returns the column or 0. */
static size_t tb_change_column(const char *s, size_t a, size_t b, size_t ncols,
                               char (*unit)[16], char (*period)[40], const char (*head)[128])
{
    if (ncols < 4 || ncols > TB_MAXCELLS || !tb_contains(s, a, b, "change") ||
        tb_contains(s, a, b, "absolute"))
        return 0;
    size_t c = ncols - 1;
    size_t hl = strlen(head[c]);
    if (tb_contains(head[c], 0, hl, "change") || tb_contains(head[c], 0, hl, "share") ||
        !strcmp(unit[c], "percent_change") || !strcmp(unit[c], "percent"))
        return 0;
    long best = -1;
    size_t at = 0;
    for (size_t q = 1; q < c; q++) {
        if (strcmp(unit[q], unit[c]) || !period[q][0])
            return 0; /* levels of one unit, each of a period */
        long e = tb_period_end(period[q]);
        if (e > best)
            best = e, at = q;
    }
    if (!at)
        return 0;
    memcpy(period[c], period[at], sizeof period[c]);
    return c;
}

/* A quarter or a half in a heading ("Q1 2024", "2024 Q1", "I quarter
 * 2024", "first quarter", "H1", "first half"): its first and last month;
 * 0 if none. */
static int tb_quarter(const char *s, size_t a, size_t b, int *m1, int *m2)
{
    static const struct {
        const char *w;
        int first, last;
    } qs[] = {{"q1", 1, 3},
              {"q2", 4, 6},
              {"q3", 7, 9},
              {"q4", 10, 12},
              {"h1", 1, 6},
              {"h2", 7, 12},
              {"1st qtr", 1, 3},
              {"2nd qtr", 4, 6},
              {"3rd qtr", 7, 9},
              {"4th qtr", 10, 12},
              {"1st quarter", 1, 3},
              {"2nd quarter", 4, 6},
              {"3rd quarter", 7, 9},
              {"4th quarter", 10, 12},
              {"first quarter", 1, 3},
              {"second quarter", 4, 6},
              {"third quarter", 7, 9},
              {"fourth quarter", 10, 12},
              {"iv quarter", 10, 12},
              {"iii quarter", 7, 9},
              {"ii quarter", 4, 6},
              {"i quarter", 1, 3},
              {"first half", 1, 6},
              {"second half", 7, 12},
              {"1st half", 1, 6},
              {"2nd half", 7, 12},
              {"ii half", 7, 12},
              {"i half", 1, 6}};
    for (size_t i = a; i < b; i++) {
        if (i > a && (ex_isalpha((unsigned char)s[i - 1]) || ex_isdigit((unsigned char)s[i - 1])))
            continue;
        for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++) {
            size_t l = strlen(qs[k].w), j = 0;
            while (j < l && i + j < b && ex_lower((unsigned char)s[i + j]) == qs[k].w[j])
                j++;
            if (j == l && (i + l == b || !ex_isalpha((unsigned char)s[i + l]))) {
                *m1 = qs[k].first;
                *m2 = qs[k].last;
                return 1;
            }
        }
    }
    return 0;
}

/* A period written in a heading or a cell: "2019", "September 2016",
 * "Sep 18", "August 2017r", "January-June 2024*", "Jan-Sep 19", "2015-16",
 * "August to September 2017". Points are read left to right; a month
 * without a year takes the year of the next point. With last, the last
 * point only (a comparison's period: "% change August to September 2017"
 * is of September); else two points are an interval. Returns the number of
 * points read (0: none); *month_only is set for a lone month ("JAN."). */
static int tb_period(const char *s, size_t a, size_t b, int last, char out[40], int *month_only)
{
    int pm[4], py[4], k = 0;
    *month_only = 0;
    out[0] = '\0';
    int q1, q2;
    if (tb_quarter(s, a, b, &q1, &q2)) {
        int qy = 0;
        for (size_t i = a; i + 4 <= b; i++) {
            tb_cell yc = {i, i + 4};
            int y = tb_year(s, &yc);
            if (y && (i == a || !ex_isdigit((unsigned char)s[i - 1])) &&
                (i + 4 == b || !ex_isdigit((unsigned char)s[i + 4])) && (y > qy || !last))
                if (!qy || last)
                    qy = y;
        }
        if (!qy)
            return 0;
        snprintf(out, 40, "%04d-%02d/%04d-%02d", qy % 10000, q1, qy % 10000, q2);
        return 1;
    }
    for (size_t i = a; i < b && k < 4;) {
        size_t ml;
        int m = (i == a || !ex_isalpha((unsigned char)s[i - 1])) ? tb_month(s, b, i, &ml) : 0;
        if (m) {
            pm[k] = m;
            py[k] = 0;
            i += ml;
            size_t q = i;
            while (q < b && (s[q] == ' ' || s[q] == ','))
                q++;
            size_t d = q;
            while (d < b && ex_isdigit((unsigned char)s[d]))
                d++;
            if (d - q == 4 && (d == b || !ex_isdigit((unsigned char)s[d]))) {
                py[k] = (s[q] - '0') * 1000 + (s[q + 1] - '0') * 100 + (s[q + 2] - '0') * 10 +
                        (s[q + 3] - '0');
                i = d;
            } else if (d - q == 2 && q > i && (d == b || !ex_isdigit((unsigned char)s[d]))) {
                py[k] = 2000 + (s[q] - '0') * 10 + (s[q + 1] - '0'); /* "Sep 18" */
                i = d;
            }
            k++;
            continue;
        }
        if (ex_isdigit((unsigned char)s[i]) && (i == a || !ex_isdigit((unsigned char)s[i - 1]))) {
            size_t d = i;
            while (d < b && ex_isdigit((unsigned char)s[d]))
                d++;
            if (d - i == 4) {
                int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
                        (s[i + 3] - '0');
                if (y >= 1900 && y <= 2100) {
                    pm[k] = 0;
                    py[k++] = y;
                    /* "2015-16": the second year in two digits */
                    if (d + 3 <= b && s[d] == '-' && ex_isdigit((unsigned char)s[d + 1]) &&
                        ex_isdigit((unsigned char)s[d + 2]) &&
                        (d + 3 == b || !ex_isdigit((unsigned char)s[d + 3])) && k < 4) {
                        pm[k] = 0;
                        py[k++] = y / 100 * 100 + (s[d + 1] - '0') * 10 + (s[d + 2] - '0');
                        d += 3;
                    }
                }
            }
            i = d;
            continue;
        }
        i++;
    }
    if (k == 0)
        return 0;
    for (int j = k - 1; j >= 0; j--)
        if (!py[j] && j + 1 < k)
            py[j] = py[j + 1];
    for (int j = 1; j < k; j++)
        if (!py[j])
            py[j] = py[j - 1]; /* "2024 July": the year before the month */
    if (k >= 2 && !pm[0] && pm[1] && py[0] == py[1]) {
        /* "2025 January-July": the year of the months that follow */
        for (int j = 1; j < k; j++) {
            pm[j - 1] = pm[j];
            py[j - 1] = py[j];
        }
        k--;
    }
    if (!py[k - 1]) {
        *month_only = k == 1;
        return 0;
    }
    int f = last || k == 1 ? k - 1 : 0;
    int l = k - 1;
    if (last)
        for (int j = 0; j < k; j++)
            if (py[j] * 12 + pm[j] > py[f] * 12 + pm[f])
                f = j; /* "2023 in % to 2022", "2023/2022": the later period */
    if (last)
        l = f;
    char p1[12], p2[12];
    if (pm[f])
        snprintf(p1, sizeof p1, "%04d-%02d", py[f] % 10000, pm[f] % 100);
    else
        snprintf(p1, sizeof p1, "%04d", py[f] % 10000);
    if (f != l && py[l] * 12 + pm[l] <= py[f] * 12 + pm[f])
        f = l = py[l] > py[f] ? l : f; /* "2024/2020": no interval backwards, the later one */
    if (f == l) {
        if (pm[f])
            snprintf(p1, sizeof p1, "%04d-%02d", py[f] % 10000, pm[f] % 100);
        else
            snprintf(p1, sizeof p1, "%04d", py[f] % 10000);
        snprintf(out, 40, "%s", p1);
        return k;
    }
    if (pm[l])
        snprintf(p2, sizeof p2, "%04d-%02d", py[l] % 10000, pm[l] % 100);
    else
        snprintf(p2, sizeof p2, "%04d", py[l] % 10000);
    if ((pm[f] != 0) != (pm[l] != 0))
        snprintf(out, 40, "%s", p2);
    else
        snprintf(out, 40, "%s/%s", p1, p2);
    return k;
}

/* Case-sensitive: "US" in "US$", "U.S." (case-insensitive search would
 * find "us" in "thousands"). */
static int tb_contains_cs(const char *s, size_t a, size_t b, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = a; i + l <= b; i++)
        if (memcmp(s + i, w, l) == 0)
            return 1;
    return 0;
}

/* What a row label says: a flow ("Total exports", "Import (CIF)", "Trade
 * balance", "External Trade Turnover"), a total ("Total", "W O R L D  T O T
 * A L"), a ratio ("PROPORTION RATIO": a percentage, not money). */
static const char *tb_label_flow(const char *s, size_t a, size_t b, int *total, int *ratio)
{
    char sq[64];
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < sizeof sq; i++)
        if (ex_isalpha((unsigned char)s[i]))
            sq[k++] = (char)ex_lower((unsigned char)s[i]);
    sq[k] = '\0';
    *total = strncmp(sq, "total", 5) == 0 || strstr(sq, "worldtotal") != NULL ||
             strcmp(sq, "world") == 0 || strncmp(sq, "totalall", 8) == 0;
    *ratio = tb_contains(s, a, b, "ratio") || tb_contains(s, a, b, "coverage");
    if (*ratio || tb_contains(s, a, b, "current account"))
        return NULL; /* the balance of payments' account, not goods trade */
    if (tb_contains(s, a, b, "balance") || tb_contains(s, a, b, "surplus") ||
        tb_contains(s, a, b, "deficit") || tb_contains(s, a, b, "net export"))
        return "balance"; /* "Net Exports": exports minus imports */
    int im = tb_contains(s, a, b, "import"), ex = tb_contains(s, a, b, "export");
    if (ex && !im && (tb_contains(s, a, b, "re-export") || tb_contains(s, a, b, "reexport")))
        return "reexport";
    if (im && !ex && (tb_contains(s, a, b, "re-import") || tb_contains(s, a, b, "reimport")))
        return "reimport";
    if (im && !ex)
        return "import";
    if (ex && !im)
        return "export";
    if ((ex && im) || tb_contains(s, a, b, "turnover") || tb_contains(s, a, b, "total trade") ||
        tb_contains(s, a, b, "trade turnover") || tb_contains(s, a, b, "external trade"))
        return "trade";
    return NULL;
}

/* Is cell c two or more number tokens separated by single spaces
 * ("227,869 +17.2 850,794 +20.5")? */
static int tb_single_numbers(const char *s, const tb_cell *c)
{
    size_t tokens = 0;
    for (size_t q = c->a; q < c->b;) {
        size_t st = q;
        while (q < c->b && s[q] != ' ') {
            char ch = s[q];
            if (!(ex_isdigit((unsigned char)ch) || ch == ',' || ch == '.' || ch == '-' ||
                  ch == '+' || ch == '%'))
                return 0;
            q++;
        }
        if (q == st)
            return 0; /* two spaces: cells of their own */
        tokens++;
        if (q < c->b)
            q++;
    }
    return tokens >= 2;
}

/* A line whose cells are separated by single spaces, as a page's table
 * pasted without its tabs gives it: "External Trade Turnover 13 315.0 11
 * 389.4 14 341.1". Its tail of number tokens is read as numbers, a group of
 * exactly three digits after one of one to three digits joining it (a
 * thousands separator) until a decimal point ends the number; the words
 * before are the label. A line of periods only ("2019 2020 January-June
 * 2024*") splits after each year. The cells are then explicit (as with
 * tabs). Leaves the line as it was when it is neither. */
static void tb_split_single(const char *s, tb_line *l)
{
    size_t a = l->cell[0].a, b = l->cell[0].b;
    size_t ta[TB_MAXCELLS * 2], tbb[TB_MAXCELLS * 2], nt = 0;
    for (size_t i = a; i < b;) {
        while (i < b && s[i] == ' ')
            i++;
        size_t st = i;
        while (i < b && s[i] != ' ')
            i++;
        if (i > st) {
            if (nt == TB_MAXCELLS * 2)
                return;
            ta[nt] = st;
            tbb[nt++] = i;
        }
    }
    if (nt < 2)
        return;
    /* a line of periods */
    int years = 0, other = 0;
    for (size_t t = 0; t < nt; t++) {
        tb_cell c = {ta[t], tbb[t]};
        size_t e = tbb[t];
        while (e > ta[t] && (s[e - 1] == '*' || s[e - 1] == ',' || s[e - 1] == 'r' ||
                             s[e - 1] == 'p'))
            e--; /* "2019r", "2020p": revised, preliminary */
        tb_cell c2 = {ta[t], e};
        size_t ml;
        if (tb_year(s, &c) || tb_year(s, &c2))
            years++;
        else if (!tb_month(s, tbb[t], ta[t], &ml))
            other++;
    }
    if (years >= 2 && other == 0) {
        size_t nc = 0, st = ta[0];
        for (size_t t = 0; t < nt && nc + 1 < TB_MAXCELLS; t++) {
            size_t e = tbb[t];
            while (e > ta[t] &&
                   (s[e - 1] == '*' || s[e - 1] == ',' || s[e - 1] == 'r' || s[e - 1] == 'p'))
                e--;
            tb_cell c2 = {ta[t], e};
            if (tb_year(s, &c2) || t + 1 == nt) {
                l->cell[nc].a = st;
                l->cell[nc].b = tbb[t];
                nc++;
                if (t + 1 < nt)
                    st = ta[t + 1];
            }
        }
        if (nc >= 2) {
            /* the header has no label cell: an empty one first */
            for (size_t k = nc; k > 0; k--)
                l->cell[k] = l->cell[k - 1];
            l->cell[0].a = l->cell[0].b = a;
            l->ncell = nc + 1;
            l->tabs = 1;
        }
        return;
    }
    {
        /* a line of flow headings over single-spaced rows: "EUR million
         * Exports Imports Trade surplus" (what comes before the first flow
         * word, the unit, stays over the labels) */
        size_t hc[TB_MAXCELLS][2], nh = 0, t = 0, digits = 0;
        for (size_t q = a; q < b; q++)
            digits += ex_isdigit((unsigned char)s[q]) != 0;
        while (t < nt && !digits && nh + 1 < TB_MAXCELLS) {
            size_t k = 0, e = 0;
            static const char *const heads[] = {"Trade surplus", "Trade balance", "Trade deficit",
                                                "Exports",       "Imports",       "Balance",
                                                "Surplus",       "Deficit",       NULL};
            for (size_t j = 0; heads[j] && !k; j++)
                if ((k = extract_word_cs(s, b, ta[t], heads[j])) != 0)
                    e = ta[t] + k;
            if (k) {
                hc[nh][0] = ta[t];
                hc[nh][1] = e;
                nh++;
                while (t < nt && ta[t] < e)
                    t++;
            } else if (nh) {
                nh = 0; /* a word after the headings: not a heading line */
                break;
            } else {
                t++;
            }
        }
        if (nh >= 2) {
            l->cell[0].a = a;
            l->cell[0].b = hc[0][0] > a ? hc[0][0] - 1 : a;
            for (size_t k = 0; k < nh; k++) {
                l->cell[k + 1].a = hc[k][0];
                l->cell[k + 1].b = hc[k][1];
            }
            l->ncell = nh + 1;
            l->tabs = 1;
            return;
        }
    }
    /* the tail of number tokens */
    size_t first = nt;
    while (first > 0) {
        size_t t = first - 1;
        int ok = 1, digit = 0;
        for (size_t q = ta[t]; q < tbb[t] && ok; q++) {
            char ch = s[q];
            if (ex_isdigit((unsigned char)ch))
                digit = 1;
            else if (!(ch == ',' || ch == '.' || ch == '-' || ch == '+' || ch == '%' || ch == '*'))
                ok = 0;
        }
        size_t tl = tbb[t] - ta[t];
        int mark = (tl == 3 && memcmp(s + ta[t], "...", 3) == 0) ||
                   (tl == 2 && memcmp(s + ta[t], "..", 2) == 0) || (tl == 1 && s[ta[t]] == '-') ||
                   (tl == 1 && s[ta[t]] == '.' && t + 1 == nt); /* "-5,702.3 .": empty */
        if (!ok || (!digit && !mark))
            break;
        first = t;
    }
    if (first == 0 && nt >= 3) {
        tb_cell y0 = {ta[0], tbb[0]};
        if (tb_year(s, &y0))
            first = 1; /* "1994 2510 3066": a year as the label */
    }
    if (first > 0 && first + 2 < nt) {
        /* "Jan-Dec 2013 86,999 50,025", "October 2014 7,549 4,645": the
         * year after a month is the label's, not a value */
        tb_cell y = {ta[first], tbb[first]};
        size_t ml;
        if (tb_year(s, &y) && tb_month(s, tbb[first - 1], ta[first - 1], &ml))
            first++;
    }
    if (first == 0 || nt - first < 2)
        return;
    size_t nc = 1;
    l->cell[0].a = a;
    l->cell[0].b = tbb[first - 1];
    {
        /* "Total countries Total goods 2024 July* 58,882 ...", "... Total
         * goods 2024* 677,879 ...": the label's last words (or a marked year
         * at the head of the numbers) are the row's period, a cell of its
         * own, so that every row's values start in the same column */
        size_t pf = first;
        tb_cell y = {ta[first], tbb[first]};
        if (tb_year_marked(s, &y) && !tb_year(s, &y) && nt - first >= 3)
            pf = first + 1; /* "2024*" */
        size_t ps = pf; /* the period's first token */
        char per[40];
        int mo, ps_mo = 0;
        for (size_t k = 1; k <= 2 && pf >= k + 1; k++) {
            size_t t0 = pf - k;
            if (tb_period(s, ta[t0], tbb[pf - 1], 0, per, &mo) > 0 && per[0] &&
                tbb[pf - 1] - ta[t0] < 24) {
                ps = t0;
                ps_mo = mo;
            }
        }
        size_t ml;
        if (ps < pf && ps > 0 && !ps_mo && !tb_month(s, tbb[ps - 1], ta[ps - 1], &ml) &&
            nt - pf >= 2) {
            l->cell[0].b = tbb[ps - 1];
            l->cell[1].a = ta[ps];
            l->cell[1].b = tbb[pf - 1];
            nc = 2;
            first = pf;
        }
    }
    for (size_t t = first; t < nt && nc < TB_MAXCELLS;) {
        size_t st = ta[t], en = tbb[t];
        int has_dot = 0;
        for (size_t q = ta[t]; q < tbb[t]; q++)
            has_dot |= s[q] == '.' || s[q] == ',';
        size_t lead = tbb[t] - ta[t] - (s[ta[t]] == '-' || s[ta[t]] == '+');
        t++;
        if (!has_dot && lead >= 1 && lead <= 3) {
            while (t < nt) {
                size_t d = 0;
                while (ta[t] + d < tbb[t] && ex_isdigit((unsigned char)s[ta[t] + d]))
                    d++;
                if (d != 3 || !(ta[t] + 3 == tbb[t] || s[ta[t] + 3] == '.'))
                    break;
                en = tbb[t];
                int dot = ta[t] + 3 < tbb[t];
                t++;
                if (dot)
                    break; /* "13 315.0": the decimals end it */
            }
        }
        l->cell[nc].a = st;
        l->cell[nc].b = en;
        nc++;
    }
    l->ncell = nc;
    l->tabs = 1;
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
    if (!sc && (tb_contains(s, a, b, "mil.") || tb_contains(s, a, b, "millions")))
        sc = 6; /* "Mil. EUR, NSA" */
    if (!sc && (tb_contains(s, a, b, "thous") || tb_contains(s, a, b, "ths.")))
        sc = 3; /* "thous. US dollars" */
    if (!sc && (tb_contains(s, a, b, "bln") || tb_contains(s, a, b, "bn)") ||
                tb_contains(s, a, b, "(bn ") ||
                tb_contains(s, a, b, "billions")))
        sc = 9; /* "bln. USD", "(£bn)", "(bn euros)" */
    if (!sc && (tb_contains(s, a, b, "\xE2\x82\xACm") || tb_contains(s, a, b, "\xC2\xA3m") ||
                tb_contains(s, a, b, "$m")))
        sc = 6; /* "€m", "£m", "$m" */
    if (!cur[0] && tb_contains(s, a, b, "$"))
        memcpy(cur, "USD", 4); /* "Million $": a dollar; the reporter's own dollar later */
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
        {
            /* "Trade (expressed in millions of US$): Belarus": the country
             * the caption ends with, after its colon */
            size_t bk = i;
            while (bk > a && s[bk - 1] == ' ')
                bk--;
            size_t e2 = q;
            while (e2 < b && (s[e2] == ' ' || s[e2] == '.'))
                e2++;
            if (bk > a && s[bk - 1] == ':' && (e2 >= b || s[e2] == '\n'))
                return c;
        }
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
        size_t ml = extract_word(s, n, q, "mainland");
        if (ml && t) {
            /* "to the mainland of China", "imports from the Mainland": China as
             * Hong Kong and Macao name it */
            size_t o = q + ml;
            while (o < b && s[o] == ' ')
                o++;
            size_t ok = extract_word(s, n, o, "of");
            if (!ok)
                return "CHN";
            q = o + ok;
            while (q < b && s[q] == ' ')
                q++;
        }
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

/* A table's numbered title: "Table 4 ...", "Table US.1 ...". */
static int tb_table_title(const char *s, size_t a, size_t b)
{
    if (b - a < 7 || strncmp(s + a, "Table ", 6))
        return 0;
    size_t p = a + 6;
    while (p < b && s[p] != ' ' && !(s[p] >= '0' && s[p] <= '9'))
        p++;
    return p < b && s[p] >= '0' && s[p] <= '9';
}

/* The value column (0 for the first) whose span in the reference row has
 * its centre nearest to cen (an offset in a line); dflt with none. */
static size_t tb_nearest_centre(double cen, const size_t *span_lo, const size_t *span_hi,
                                size_t nspan, size_t dflt)
{
    double bd = 1e18;
    size_t best = dflt;
    for (size_t q = 0; q < nspan; q++) {
        double d = cen - (span_lo[q] + span_hi[q]) / 2.0;
        if (d < 0)
            d = -d;
        if (d < bd) {
            bd = d;
            best = q;
        }
    }
    return best;
}

/* The value column nearest by position to cell ci of row R. */
static size_t tb_nearest_span(const tb_line *R, size_t ci, const size_t *span_lo,
                              const size_t *span_hi, size_t nspan)
{
    double cen = (R->cell[ci].a - R->a + R->cell[ci].b - R->a) / 2.0;
    return tb_nearest_centre(cen, span_lo, span_hi, nspan, ci);
}

/* The header cell of line H over value column c of a table: by index for
 * tab-separated rows (right-aligned when H has fewer cells), by position
 * for rows aligned with spaces (the data column whose centre is nearest;
 * span_lo/span_hi are the data columns' offsets in their lines). */
static const tb_cell *tb_head(const char *s, const tb_line *H, size_t c, size_t ncols, int tabbed,
                              const size_t *span_lo, const size_t *span_hi, size_t nspan)
{
    if (tabbed || !nspan) {
        if (H->ncell >= 3 && H->cell[0].b == H->cell[0].a && ncols > H->ncell &&
            (ncols - 1) % (H->ncell - 1) == 0 && c >= 1) {
            /* "Exports  Imports" over four columns of two months each: each
             * heading spans its share of the value columns */
            size_t m = (ncols - 1) / (H->ncell - 1);
            const tb_cell *hc = &H->cell[1 + (c - 1) / m];
            return hc->b > hc->a ? hc : NULL;
        }
        size_t hn = H->ncell;
        if (tabbed && hn >= 2 && H->cell[0].b > H->cell[0].a) {
            /* "| (HKD Mn.) | (%) | (HKD Mn.) | (%) | |" over "| label | v | v |
             * v | v |": a row that lost its empty corner cell and kept an
             * empty one at its end is right-aligned without it */
            while (hn > 1 && H->cell[hn - 1].b == H->cell[hn - 1].a)
                hn--;
            if (hn < 2)
                hn = H->ncell; /* a label alone: "| Total value of trade : | ||||" */
        }
        size_t hoff = hn < ncols ? ncols - hn : 0;
        if (c < hoff || c - hoff >= hn)
            return NULL;
        const tb_cell *hc = &H->cell[c - hoff];
        return hc->b > hc->a ? hc : NULL;
    }
    size_t nonempty = 0;
    for (size_t k = 0; k < H->ncell; k++)
        nonempty += H->cell[k].b > H->cell[k].a;
    if (nonempty == nspan) {
        /* one heading per value column, none over the labels ("Export  Import") */
        size_t q = 0;
        for (size_t k = 0; k < H->ncell; k++)
            if (H->cell[k].b > H->cell[k].a && ++q == c)
                return &H->cell[k];
        return NULL;
    }
    const tb_cell *best = NULL;
    for (size_t k = 0; k < H->ncell; k++) {
        const tb_cell *hc = &H->cell[k];
        if (hc->b <= hc->a)
            continue;
        size_t ha = hc->a - H->a, hb = hc->b - H->a;
        if (hb <= span_lo[0] && span_lo[0] > 0 && ha < span_lo[0] / 2)
            continue; /* over the labels */
        size_t nearest = tb_nearest_centre((ha + hb) / 2.0, span_lo, span_hi, nspan, 0);
        if (nearest + 1 == c)
            best = hc;
    }
    (void)s;
    return best;
}

/* The last month of a period ("2024", "2024-03", "2024-01/2024-06") as
 * year * 12 + month, or -1. */
static long tb_period_end(const char *p)
{
    const char *e = strrchr(p, '/');
    e = e ? e + 1 : p;
    int y = 0, m = 0;
    if (strlen(e) == 4 && sscanf(e, "%4d", &y) == 1)
        return (long)y * 12 + 12;
    if (strlen(e) == 7 && sscanf(e, "%4d-%2d", &y, &m) == 2)
        return (long)y * 12 + m;
    return -1;
}

static void tb_prev_period(const char *per, char out[40])
{
    /* the period before a month, a year or a span: "Previous" next to "Sep 2019" */
    int y = 0, m = 0, y2 = 0, m2 = 0;
    if (strlen(per) == 7 && sscanf(per, "%4d-%2d", &y, &m) == 2) {
        if (--m == 0) {
            m = 12;
            y--;
        }
        snprintf(out, 40, "%04d-%02d", y % 10000, m % 100);
    } else if (strlen(per) == 4 && sscanf(per, "%4d", &y) == 1)
        snprintf(out, 40, "%04d", (y - 1) % 10000);
    else if (strlen(per) == 15 && sscanf(per, "%4d-%2d/%4d-%2d", &y, &m, &y2, &m2) == 4 &&
             m >= 1 && m <= 12 && m2 >= 1 && m2 <= 12 && y2 * 12 + m2 >= y * 12 + m) {
        /* a span ("2019 Q2"): the span of the same length just before */
        int len = y2 * 12 + m2 - (y * 12 + m) + 1, e = y * 12 + m - 1 - 1, b0 = e - len + 1;
        snprintf(out, 40, "%04d-%02d/%04d-%02d", (b0 / 12) % 10000, b0 % 12 + 1,
                 (e / 12) % 10000, e % 12 + 1);
    } else
        out[0] = '\0';
}

/* The country of a statistics office named on a "Source:" line under a
 * table ("Source: CBS", "Source: Geostat"), for a table whose caption and
 * document name no reporter. */
static const char *tb_source_reporter(const ex_scan *sc, const tb_line *L, size_t last)
{
    const char *s = sc->s;
    for (size_t li = last + 1; li < sc->nlines && li <= last + 4; li++) {
        size_t a = L[li].a, b = L[li].b;
        while (a < b && tb_space(s[a]))
            a++;
        if (!(b - a > 7 && (memcmp(s + a, "Source", 6) == 0 || memcmp(s + a, "SOURCE", 6) == 0)))
            continue;
        for (size_t i = a + 6; i < b; i++) {
            size_t l;
            const char *c = extract_office_at(s, b, i, &l);
            if (c)
                return c;
        }
        return NULL;
    }
    return NULL;
}

/* declared in extract_internal.h */
const char *extract_currency_land(const char *unit)
{
    if (!trade_unit_is_currency(unit) || unit[0] == 'X' || !strcmp(unit, "EUR"))
        return NULL;
    const trade_country *c;
    for (size_t i = 0; (c = trade_country_at(i)) != NULL; i++)
        if (!c->aggregate && c->alpha2[0] == unit[0] && c->alpha2[1] == unit[1] && !c->valid_to)
            return c->alpha3;
    return NULL;
}

/* A label alone across a table's row, or on the line above rows split on
 * spaces ("Value of trade involving outward processing in the mainland of
 * China :"), starts a part of the table: a flow or a country names the rows
 * under it, other words their goods or part. */
static void tb_block_label(const char *s, size_t n, size_t pa, size_t pb, const char **blk_flow,
                           const char **blk_partner, char blk_product[32])
{
    int t, r;
    const char *sf = tb_label_flow(s, pa, pb, &t, &r);
    const char *sp = tb_partner(s, n, pa, pb);
    if (sp)
        *blk_partner = sp;
    if (sf && !t)
        *blk_flow = sf;
    else if (!t && !r) {
        while (pb > pa && (s[pb - 1] == ':' || s[pb - 1] == ' ' || s[pb - 1] == '*'))
            pb--;
        for (size_t q = pb; sp && q > pa + 1; q--)
            if (s[q - 1] == ' ' && extract_word(s, pb, q, "with")) {
                pb = q - 1; /* "Trade in food products with Portugal": the goods */
                while (pb > pa && s[pb - 1] == ' ')
                    pb--;
                break;
            }
        static const char *const plain[] = {"trade", "value of trade", "total trade",
                                            "trade value", NULL};
        for (size_t j = 0; plain[j]; j++)
            if (extract_word(s, pb, pa, plain[j]) == pb - pa)
                return; /* "Trade with Portugal": no part */
        size_t ti = extract_word(s, pb, pa, "trade in");
        if (ti && pa + ti < pb && s[pa + ti] == ' ')
            for (pa += ti; pa < pb && s[pa] == ' ';)
                pa++; /* "Trade in food products": the goods */
        tb_copy(s, pa, pb, blk_product, 32);
        tb_sanitize(blk_product);
    }
}

static int tb_section_like(const char *s, const tb_line *l);

static int tb_emit(ex_scan *sc, tb_line *L, size_t first, size_t last, const size_t *hdrs,
                   size_t nh, size_t cap_a, size_t cap_b, int has_cap, const char **doc_land)
{
    const char *s = sc->s;
    size_t n = sc->n;
    char unit[16] = "";
    int scale = 0, scale_set = 0;
    char name[64] = "";
    if (has_cap) {
        tb_unit(s, cap_a, cap_b, unit, &scale, &scale_set);
        for (size_t p = cap_a; p < cap_b; p++) {
            if (p > cap_a && s[p - 1] != '\n')
                continue;
            size_t k = 0;
            if ((k = extract_word(s, n, p, "Table")) || (k = extract_word(s, n, p, "Tab.")) ||
                (k = extract_word(s, n, p, "Figure")) || (k = extract_word(s, n, p, "Chart")) ||
                (k = extract_word(s, n, p, "Exhibit")) || (k = extract_word(s, n, p, "Annex"))) {
                size_t q = p + k;
                while (q < cap_b && s[q] == ' ')
                    q++;
                size_t e = q;
                while (e < cap_b && s[e] != ' ' && s[e] != ':' && s[e] != '\t' && s[e] != '\n' &&
                       e - q < 8)
                    e++;
                while (e > q && (s[e - 1] == '.' || s[e - 1] == ','))
                    e--;
                tb_copy(s, p, e, name, sizeof name);
                tb_sanitize(name);
                break;
            }
        }
    }
    /* header lines: a money unit or scale in any of them is the table's
     * when the caption gives none ("millions of dollars" over each column,
     * "(million USD)" under the years) */
    int hdr_month = 0; /* "JAN." over "2004  2005": the month of each year */
    for (size_t h = 0; h < nh; h++) {
        const tb_line *H = &L[hdrs[h]];
        char u2[16] = "";
        int s2 = 0, set2 = 0;
        tb_unit(s, H->a, H->b, u2, &s2, &set2);
        if (!unit[0] && trade_unit_is_currency(u2))
            memcpy(unit, u2, sizeof u2);
        if (!scale_set && set2) {
            scale = s2;
            scale_set = 1;
        }
    }
    for (size_t p = has_cap ? cap_a : 0; has_cap && p < cap_b; p++) {
        /* a caption line that is only a month */
        if (p > cap_a && s[p - 1] != '\n')
            continue;
        size_t e = p;
        while (e < cap_b && s[e] != '\n')
            e++;
        size_t q = p;
        while (q < e && tb_space(s[q]))
            q++;
        size_t ml;
        int m = tb_month(s, e, q, &ml);
        size_t r = q + (m ? ml : 0);
        while (r < e && tb_space(s[r]))
            r++;
        if (m && r == e)
            hdr_month = m;
    }
    for (size_t h = 0; h < nh && !hdr_month; h++)
        hdr_month = tb_lead_month(s, L[hdrs[h]].a, L[hdrs[h]].b);
    for (size_t p = has_cap ? cap_a : 0; has_cap && !hdr_month && p < cap_b; p++)
        if (p == cap_a || s[p - 1] == '\n') {
            size_t e = p;
            while (e < cap_b && s[e] != '\n')
                e++;
            hdr_month = tb_lead_month(s, p, e);
        }
    const char *reporter = has_cap ? tb_reporter(s, n, cap_a, cap_b) : NULL;
    const char *cap_partner = has_cap ? tb_partner(s, n, cap_a, cap_b) : NULL;
    int rep_doc = 0, rep_src = 0;
    if (!reporter && !sc->doc_reporter[0] && (reporter = tb_source_reporter(sc, L, last)))
        rep_src = 1; /* "Source: CBS" */
    if (!reporter && sc->doc_reporter[0] &&
        (!cap_partner || strcmp(cap_partner, sc->doc_reporter))) {
        /* "Merchandise trade: Canada's top 10 principal trading partners",
         * "U.S. total exports": the document's reporter */
        reporter = sc->doc_reporter;
        rep_doc = 1;
    }
    /* the document's title (its first line, above the table) speaks of trade */
    int title_trade = 0;
    {
        size_t la = 0, lb = 0;
        for (size_t li = 0; li < sc->nlines && li < first; li++) {
            la = L[li].a;
            lb = L[li].b;
            while (la < lb && tb_space(s[la]))
                la++;
            if (la < lb)
                break;
        }
        if (la < lb && lb <= L[first].a && lb - la < 200 && !tb_contains(s, la, lb, "export") &&
            !tb_contains(s, la, lb, "import") && !tb_contains(s, la, lb, "balance") &&
            !tb_contains(s, la, lb, "invest"))
            title_trade = tb_contains(s, la, lb, "trade") || tb_contains(s, la, lb, "turnover");
    }
    int par_doc = 0;
    if (!cap_partner && rep_doc && sc->doc_partner[0] && strcmp(sc->doc_partner, reporter)) {
        /* "Kazakhstan's trade with China" over "Mutual trade": the rows that
         * name no country are with the document's partner */
        cap_partner = sc->doc_partner;
        par_doc = 1;
    }
    size_t ta = has_cap ? cap_a : (nh ? L[hdrs[0]].a : L[first].a);
    size_t tbe = nh ? L[hdrs[nh - 1]].b : (has_cap ? cap_b : ta);
    if (tbe < ta)
        tbe = ta;
    if (reporter && !strcmp(unit, "USD") && !tb_contains_cs(s, ta, tbe, "US") &&
        !tb_contains_cs(s, ta, tbe, "U.S.") && !tb_contains_cs(s, ta, tbe, "USD")) {
        /* "Canadian Merchandise Trade ($ Billions)", Canada's "millions of
         * dollars": Canada's dollar */
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
    /* the value columns: by cell index for tab-separated rows, else by
     * position, from the data row with the most values */
    size_t ncols = 0;
    int tabbed = 0;
    size_t ref = first;
    size_t refn = 0;
    for (size_t li = first; li <= last; li++) {
        if (!L[li].data)
            continue;
        if (L[li].ncell > ncols)
            ncols = L[li].ncell;
        tabbed |= L[li].tabs;
        if (L[li].nv - L[li].v0 > refn) {
            refn = L[li].nv - L[li].v0;
            ref = li;
        }
    }
    size_t span_lo[TB_MAXCELLS], span_hi[TB_MAXCELLS], nspan = 0;
    if (!tabbed) {
        for (size_t c = L[ref].v0; c < L[ref].nv && nspan + 1 < TB_MAXCELLS; c++) {
            span_lo[nspan] = L[ref].cell[c].a - L[ref].a;
            span_hi[nspan] = L[ref].cell[c].b - L[ref].a;
            nspan++;
        }
        ncols = nspan + 1;
    }
    /* A table whose cells are split on runs of spaces but not aligned (an
     * HTML table's text: "Item  2012  2013 ..." over "Forest products
     * 39,832  40,839 ..."): when a full data row's values do not fall under
     * the reference row's by position, its columns go by cell index, as in
     * a tab-separated table, for every full row and for the heading rows
     * with one cell a column (others may span: "EU  Non-EU  World" under
     * "Balance of trade in goods"). */
    int byindex = 0;
    if (!tabbed && refn >= 2) {
        size_t full = 0;
        int off = 0;
        for (size_t li = first; li <= last; li++) {
            const tb_line *R = &L[li];
            if (!R->data || R->nv - R->v0 != refn)
                continue;
            full++;
            for (size_t ci = R->v0; ci < R->nv && ci < TB_MAXCELLS; ci++)
                if (tb_nearest_span(R, ci, span_lo, span_hi, nspan) != ci - R->v0)
                    off = 1;
        }
        byindex = off && full >= 2;
    }
    /* per column: unit, scale, flow, period, kind (level, growth, change) */
    int inferred = 0;
    char col_unit[TB_MAXCELLS][16];
    int col_scale[TB_MAXCELLS];
    char col_period[TB_MAXCELLS][40];
    char col_flow[TB_MAXCELLS][16];
    int col_change[TB_MAXCELLS]; /* an absolute change: a level's unit, measure change */
    int col_ytd[TB_MAXCELLS], col_prev[TB_MAXCELLS];
    char col_part[TB_MAXCELLS][20]; /* a part of the flow the column holds */
    int col_index[TB_MAXCELLS];     /* values are per cent of the base: growth = v - 100 */
    const char *col_partner[TB_MAXCELLS];
    char head[TB_MAXCELLS][128];
    for (size_t c = 0; c < TB_MAXCELLS; c++) {
        memcpy(col_unit[c], unit, sizeof unit);
        col_scale[c] = scale;
        col_period[c][0] = '\0';
        col_flow[c][0] = '\0';
        col_part[c][0] = '\0';
        col_change[c] = col_ytd[c] = col_prev[c] = col_index[c] = 0;
        col_partner[c] = NULL;
        head[c][0] = '\0';
        if (c == 0 || c >= ncols)
            continue;
        char u2[16] = "";
        int growth = 0;
        for (size_t h = 0; h < nh; h++) {
            const tb_line *H = &L[hdrs[h]];
            const tb_cell *hc = NULL;
            size_t rcells = L[ref].ncell, rcell = L[ref].v0 + c - 1; /* the column's cell in a full row */
            if (byindex && (H->ncell == rcells || H->ncell + 1 == rcells)) {
                /* one heading a cell, with or without the corner over the
                 * labels ("Reference  Last  Previous" over "Exports  Sep 2019
                 * 31,175  29,670") */
                size_t k = rcell - (rcells - H->ncell);
                if (H->cell[k].b > H->cell[k].a)
                    hc = &H->cell[k];
            } else
                hc = tb_head(s, H, c, ncols, tabbed, span_lo, span_hi, nspan);
            if (!hc)
                continue;
            size_t hl = strlen(head[c]);
            if (hl + 2 < sizeof head[c]) {
                if (hl)
                    head[c][hl++] = ' ';
                tb_copy(s, hc->a, hc->b, head[c] + hl, sizeof head[c] - hl);
            }
            int s2 = 0, set2 = 0;
            char u3[16] = "";
            tb_unit(s, hc->a, hc->b, u3, &s2, &set2);
            if (tb_contains(s, hc->a, hc->b, "in % to") ||
                tb_contains(s, hc->a, hc->b, "in % of") ||
                tb_contains(s, hc->a, hc->b, "as % of previous") ||
                tb_contains(s, hc->a, hc->b, "as % of the previous") ||
                tb_contains(s, hc->a, hc->b, "in percent to"))
                col_index[c] =
                    !tb_contains(s, hc->a, hc->b, "total") &&
                    !tb_contains(s, hc->a, hc->b,
                                 "share"); /* "2023 in % to 2022": 130.5 is a growth of 30.5 % */
            if (tb_contains(s, hc->a, hc->b, "absolute"))
                col_change[c] = 1;
            else if (u3[0] && (!u2[0] || !strcmp(u3, "percent_change")))
                memcpy(u2, u3, sizeof u3);
            if (!strcmp(u3, "percent_change"))
                growth = 1;
            if (set2)
                col_scale[c] = s2;
            if (set2)
                scale_set = 1;
            if (tb_contains(s, hc->a, hc->b, "re-export") ||
                tb_contains(s, hc->a, hc->b, "reexport"))
                memcpy(col_flow[c], "reexport", 9);
            else if (tb_contains(s, hc->a, hc->b, "re-import") ||
                     tb_contains(s, hc->a, hc->b, "reimport"))
                memcpy(col_flow[c], "reimport", 9);
            else if (tb_contains(s, hc->a, hc->b, "import"))
                memcpy(col_flow[c], "import", 7);
            else if (tb_contains(s, hc->a, hc->b, "export"))
                memcpy(col_flow[c], "export", 7);
            else if (tb_contains(s, hc->a, hc->b, "balance") ||
                     tb_contains(s, hc->a, hc->b, "surplus") ||
                     tb_contains(s, hc->a, hc->b, "deficit"))
                memcpy(col_flow[c], "balance", 8);
            if (tb_contains(s, hc->a, hc->b, "domestic") ||
                tb_contains(s, hc->a, hc->b, "Dutch product") ||
                tb_contains(s, hc->a, hc->b, "excluding re-export"))
                memcpy(col_part[c], "domestic products", 18); /* exports of own goods: a part */
            {
                /* a column of one partner: "EU", "World", "Exports to China" */
                size_t pl;
                const char *pc = extract_country_at(s, n, hc->a, &pl);
                size_t pe = hc->a + pl;
                while (pc && pe < hc->b && (s[pe] == '*' || ex_isdigit((unsigned char)s[pe])))
                    pe++;
                if (!(pc && pe == hc->b))
                    pc = tb_partner(s, n, hc->a, hc->b);
                if (pc)
                    col_partner[c] = pc;
                if (tb_contains(s, hc->a, hc->b, "non-") ||
                    tb_contains(s, hc->a, hc->b, "extra-") ||
                    tb_contains(s, hc->a, hc->b, "rest of") ||
                    tb_contains(s, hc->a, hc->b, "other"))
                    col_partner[c] = ""; /* "Non-EU": a partner with no code, not the world */
            }
            if (tb_contains(s, hc->a, hc->b, "year-to-date") ||
                tb_contains(s, hc->a, hc->b, "year to date") ||
                tb_contains_cs(s, hc->a, hc->b, "YTD"))
                col_ytd[c] = 1;
            if (tb_contains(s, hc->a, hc->b, "previous"))
                col_prev[c] = 1;
        }
        if (col_change[c] && !strcmp(u2, "percent_change"))
            u2[0] = '\0';
        if (col_index[c]) {
            memcpy(u2, "percent_change", 15);
            growth = 1;
        }
        if (u2[0] && !col_change[c] &&
            !(trade_unit_is_currency(u2) && trade_unit_is_currency(unit)))
            memcpy(col_unit[c], u2, sizeof u2); /* the table's currency: Canada's "dollars" */
        if (!col_unit[c][0])
            memcpy(col_unit[c], "count", 6);
        /* the column's period: from its heading; a growth or change column
         * is of the last period it names ("August to September 2017",
         * "2015-16") */
        int mo = 0;
        if (head[c][0]) {
            char per[40];
            size_t hl = strlen(head[c]);
            /* "Percentage change over 4th qtr. 2003": the base, not the
             * column's period (the level column before it gives that) */
            int base = (growth || col_change[c]) &&
                       (tb_contains(head[c], 0, hl, "change over") ||
                        tb_contains(head[c], 0, hl, "change compared") ||
                        tb_contains(head[c], 0, hl, "change versus"));
            if (!base && tb_period(head[c], 0, hl, growth || col_change[c], per, &mo) && per[0])
                memcpy(col_period[c], per, sizeof per);
        }
        if (hdr_month && strlen(col_period[c]) == 4)
            snprintf(col_period[c] + 4, sizeof col_period[c] - 4, "-%02d", hdr_month % 100);
    }
    size_t change_col = 0; /* "Change on prev. year, %" over the last column */
    {
        size_t ha = has_cap ? cap_a : (nh ? L[hdrs[0]].a : 0);
        size_t hb = nh ? L[hdrs[nh - 1]].b : (has_cap ? cap_b : 0);
        if (hb > ha)
            change_col = tb_change_column(s, ha, hb, ncols, col_unit, col_period,
                                          (const char(*)[128])head);
    }
    for (size_t c = 2; c < ncols && c < TB_MAXCELLS; c++)
        if (!col_flow[c][0] && !strcmp(col_unit[c], "percent") && col_flow[c - 1][0] &&
            strcmp(col_unit[c - 1], "percent"))
            /* "Export value  Proportion of total value": the share of the flow
             * of the column before */
            memcpy(col_flow[c], col_flow[c - 1], sizeof col_flow[c]);
    for (size_t c = 1; c < ncols && c < TB_MAXCELLS; c++) {
        int growth = !strcmp(col_unit[c], "percent_change") || !strcmp(col_unit[c], "percent");
        if (!col_period[c][0] && (growth || col_change[c])) {
            /* "Sep 18  Sep 19  Growth": the growth is of the latest period of
             * the columns before it, back to the growth column before
             * ("January-March 2024  January-March 2023  growth rate, %") */
            long best = -1;
            for (size_t q = c - 1; q >= 1; q--) {
                int q_rate = !strcmp(col_unit[q], "percent_change") || col_change[q];
                if (q_rate && strcmp(col_unit[c], "percent"))
                    break;
                if (q_rate || !strcmp(col_unit[q], "percent")) {
                    /* "share, %" next to the growth column: of the levels before */
                    if (q == 1)
                        break;
                    continue;
                }
                long end = tb_period_end(col_period[q]);
                if (end > best) {
                    best = end;
                    memcpy(col_period[c], col_period[q], sizeof col_period[q]);
                }
                if (q == 1)
                    break;
            }
        }
        if (col_ytd[c] && !col_period[c][0]) {
            /* "November 2009  Year-to-Date": January to November 2009 */
            for (size_t q = 1; q < ncols && q < TB_MAXCELLS; q++)
                if (q != c && strlen(col_period[q]) == 7) {
                    char month[8]; /* "2009-11" */
                    memcpy(month, col_period[q], sizeof month);
                    snprintf(col_period[c], sizeof col_period[c], "%.4s-01/%s", month, month);
                    break;
                }
        }
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
            for (size_t h = 0; h < nh; h++)
                trade_words |= tb_contains(s, L[hdrs[h]].a, L[hdrs[h]].b, "export") ||
                               tb_contains(s, L[hdrs[h]].a, L[hdrs[h]].b, "import");
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
    size_t country_rows = 0; /* rows that name a country: a non-country label there is no total */
    for (size_t li = first; li <= last; li++) {
        size_t cl0;
        if (L[li].data && extract_country_at(s, n, L[li].cell[0].a, &cl0))
            country_rows++;
    }
    const char *blk_flow = NULL; /* "Total exports" over its countries */
    const char *blk_partner = NULL; /* "Total exports to China" over "Re-exports" */
    char blk_product[32] = "";      /* "Value of trade involving outward processing :" */
    if (first > 0 && !L[first].tabs && tb_section_like(s, &L[first - 1])) {
        /* the label alone on the line above rows split on spaces */
        size_t pa = L[first - 1].a, pb = L[first - 1].b;
        tb_trim(s, &pa, &pb);
        if (pb > pa && s[pb - 1] == ':')
            tb_block_label(s, n, pa, pb, &blk_flow, &blk_partner, blk_product);
    }
    const char *tbl_land = NULL;    /* the country of the table's currency */
    for (size_t c = 1; c < ncols && c < TB_MAXCELLS && !tbl_land; c++)
        if (strcmp(col_unit[c], "USD"))
            tbl_land = extract_currency_land(col_unit[c]);
    if (tbl_land)
        *doc_land = tbl_land;
    else
        tbl_land = *doc_land; /* a table of shares under one in Hong Kong dollars */
    char last_label_per[40] = "";  /* the period of the last row labelled by one */
    int seen_data = 0;
    for (size_t li = first; li <= last; li++) {
        tb_line *R = &L[li];
        if (R->section) {
            int t, r;
            const char *sf = tb_label_flow(s, R->a, R->b, &t, &r);
            if (sf)
                blk_flow = sf;
            else {
                /* "Electronic Products" between rows: their goods */
                size_t pa = R->a, pb = R->b;
                tb_trim(s, &pa, &pb);
                tb_block_label(s, n, pa, pb, &blk_flow, &blk_partner, blk_product);
            }
            continue;
        }
        if (!R->data && R->tabs && !R->rule && R->ncell >= 2 && R->cell[0].b > R->cell[0].a &&
            s[R->cell[0].a] != '*' && (seen_data || s[R->cell[0].b - 1] == ':')) {
            /* "| Value of trade involving outward processing in the mainland
             * of China : | ||||": a label alone across the row starts a part
             * of the table; a flow or a country names the rows under it,
             * other words their goods or part */
            int others = 0;
            for (size_t c = 1; c < R->ncell; c++)
                others |= R->cell[c].b > R->cell[c].a;
            if (!others)
                tb_block_label(s, n, R->cell[0].a, R->cell[0].b, &blk_flow, &blk_partner,
                               blk_product);
            continue;
        }
        if (!R->data)
            continue;
        seen_data = 1;
        /* the label: cell 0, and for rows aligned with spaces the text cells
         * before the values ("W O R L D  T O T A L") */
        tb_cell labc = R->cell[0];
        char row_period[40] = "";
        char lead_product[32] = "";
        for (size_t c = 1; c < R->v0; c++) {
            char per[40];
            int mo;
            ex_number en;
            int eneg, epct;
            if (R->cell[c].b <= R->cell[c].a ||
                tb_numeric(s, n, &R->cell[c], &en, &eneg, &epct) == 2)
                continue; /* an empty mark: "(-)" */
            int ly, rm;
            size_t rml;
            if (tb_period(s, R->cell[c].a, R->cell[c].b, 0, per, &mo) && per[0])
                memcpy(row_period, per, sizeof per);
            else if (mo && (ly = tb_year_marked(s, &R->cell[0])) != 0 &&
                     (rm = tb_month(s, R->cell[c].b, R->cell[c].a, &rml)) != 0)
                snprintf(row_period, sizeof row_period, "%04d-%02d", ly % 10000,
                         rm % 100); /* "2021*  January": the year's column, then the month's */
            else if (!R->tabs)
                labc.b = R->cell[c].b;
            else if (!tb_contains(s, R->cell[c].a,
                                  R->cell[c].a + 5 < R->cell[c].b ? R->cell[c].a + 5 : R->cell[c].b,
                                  "total")) {
                /* a second label column: the goods ("SITC 7 Machinery"), not "Total goods" */
                tb_copy(s, R->cell[c].a, R->cell[c].b, lead_product, sizeof lead_product);
                tb_sanitize(lead_product);
            }
        }
        const tb_cell *lab = &labc;
        char row_unit[16] = "";
        int row_scale = 0, row_scale_set = 0;
        for (size_t c = R->nv; c < R->ncell; c++)
            tb_unit(s, R->cell[c].a, R->cell[c].b, row_unit, &row_scale, &row_scale_set);
        int label_unit = 0; /* the label only says what the values measure */
        if (!row_unit[0] && labc.b > labc.a && s[labc.b - 1] == ')') {
            /* "FOB Value (in Million US Dollars)", "Year-on-Year Growth
             * (Percent)": the row's unit in its label */
            size_t o = labc.b - 1;
            while (o > labc.a && s[o] != '(')
                o--;
            if (s[o] == '(')
                tb_unit(s, labc.a, labc.b, row_unit, &row_scale, &row_scale_set);
            label_unit = row_unit[0] != '\0';
        }
        size_t cl = 0;
        const char *partner = extract_country_at(s, n, lab->a, &cl);
        int of_country = 0; /* the country ends the label after "of" */
        if (!partner) {
            /* "Federal Republic of Germany": the country after "of" that ends the label */
            for (size_t q = lab->a; q + 3 < lab->b && !partner; q++) {
                size_t k2, cl2;
                if ((q == lab->a || s[q - 1] == ' ') && (k2 = extract_word(s, n, q, "of"))) {
                    size_t r = q + k2;
                    while (r < lab->b && s[r] == ' ')
                        r++;
                    const char *c2 = extract_country_at(s, n, r, &cl2);
                    if (c2 && r + cl2 == lab->b) {
                        partner = c2;
                        cl = lab->b - lab->a;
                        of_country = 1;
                    }
                }
            }
        }
        const char *label_country = partner;
        if (partner && lab->a + cl < lab->b && lab->a + cl + 3 < lab->b)
            partner = NULL; /* "Kazakhstan and Russia": not one country */
        int label_year = tb_year_marked(s, lab); /* "2021*": provisional */
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
                snprintf(label_month, sizeof label_month, "%04u-%02u", (unsigned)y % 10000u,
                         (unsigned)m % 100u);
        }
        if (!label_year && !label_month[0] && ex_isdigit((unsigned char)s[lab->a])) {
            char lp[40];
            int lm;
            if (tb_period(s, lab->a, lab->b, 0, lp, &lm) && strlen(lp) == 7)
                memcpy(label_month, lp, 8); /* "2024 Jan" */
        }
        char label_span[40] = ""; /* "Jan-Dec 2013": the months of a year */
        if (!label_year && !label_month[0] && lab->b - lab->a < 24) {
            char lp[40];
            int lm;
            size_t ml;
            if (extract_is_month(s, n, lab->a, &ml) && tb_period(s, lab->a, lab->b, 0, lp, &lm) &&
                strlen(lp) > 7)
                memcpy(label_span, lp, sizeof lp);
        }
        if (label_year)
            snprintf(last_label_per, sizeof last_label_per, "%04d", label_year);
        else if (label_month[0])
            snprintf(last_label_per, sizeof last_label_per, "%s", label_month);
        else if (label_span[0])
            snprintf(last_label_per, sizeof last_label_per, "%s", label_span);
        /* "% change  +2.4%  +7.1%": the growth of the row above's period */
        int label_change = (lab->b > lab->a && s[lab->a] == '%' &&
                            tb_contains(s, lab->a, lab->b, "change")) ||
                           (tb_contains(s, lab->a, lab->b, "change") &&
                            tb_contains(s, lab->a, lab->b, "%"));
        const char *label_flow = NULL;
        if (tb_contains(s, lab->a, lab->b, "import"))
            label_flow = "import";
        else if (tb_contains(s, lab->a, lab->b, "export"))
            label_flow = "export";
        const char *row_reporter = NULL;
        if (label_flow && label_country && !of_country) {
            /* "EU exports to Kyrgyzstan": the label reads like prose */
            row_reporter = label_country;
            partner = tb_partner(s, n, lab->a, lab->b);
        }
        int total = 0, ratio = 0;
        const char *kind_flow =
            label_country ? NULL : tb_label_flow(s, lab->a, lab->b, &total, &ratio);
        if (kind_flow && !label_country)
            label_flow = kind_flow; /* "Trade balance", "External Trade Turnover" */
        if (!label_country && label_flow)
            blk_flow = label_flow; /* "Total exports": the rows under it share its flow */
        int flow_total = kind_flow && !label_country; /* "Trade balance" over countries */
        if (of_country && label_flow)
            blk_partner = label_country; /* "Total exports to the mainland of China" */
        if (!partner && !label_country) {
            /* "Total exports to the mainland of China", "Imports from Japan":
             * the label's partner, and the partner of the rows under it
             * ("Domestic exports", "Re-exports") */
            partner = tb_partner(s, n, lab->a, lab->b);
            if (partner)
                blk_partner = partner;
            else if (!total && country_rows == 0)
                partner = blk_partner;
        }
        if (!partner && !label_country && total)
            partner = "WLD";
        /* a label that is neither a country, a flow nor a total names goods
         * ("Agricultural products"), or a part of a flow ("Export excluding
         * re-export"): the row's product, so rows of one flow stay apart */
        char row_product[32] = "";
        if (!label_country && !total && !ratio && !label_year && !label_month[0] &&
            !label_span[0] && !label_change && !label_unit &&
            (!kind_flow || tb_contains(s, lab->a, lab->b, "excluding") ||
             tb_contains(s, lab->a, lab->b, "including") ||
             tb_contains(s, lab->a, lab->b, "of which") ||
             tb_contains(s, lab->a, lab->b, "non-"))) {
            tb_copy(s, lab->a, lab->b, row_product, sizeof row_product);
            tb_sanitize(row_product);
        }
        if ((label_year || label_month[0] || label_span[0] || label_change) && !partner)
            partner = cap_partner ? cap_partner : cap_world;
        if (!partner && !label_country && (kind_flow || total) && cap_partner && country_rows == 0)
            partner = cap_partner; /* "Trade with China": its Export, Import, Turnover rows */
        char label[128];
        tb_copy(s, lab->a, lab->b, label, sizeof label);
        tb_sanitize(label);
        char ctx[301];
        tb_copy(s, R->a, R->b, ctx, sizeof ctx);
        tb_sanitize(ctx);
        size_t vi = 0; /* the value's column among the row's values */
        for (size_t ci = R->v0; ci < R->nv && ci < TB_MAXCELLS; ci++, vi++) {
            ex_number num;
            int neg, pct;
            if (tb_numeric(s, n, &R->cell[ci], &num, &neg, &pct) != 1)
                continue;
            size_t c = ci;
            if (byindex && R->nv - R->v0 == refn)
                c = ci - R->v0 + 1;
            else if (!tabbed && nspan)
                c = tb_nearest_span(R, ci, span_lo, span_hi, nspan) + 1; /* by position */
            trade_figure f;
            memset(&f, 0, sizeof f);
            const char *cu = col_unit[c];
            int cs = col_scale[c];
            if (row_unit[0] && strcmp(cu, "percent_change") && strcmp(cu, "percent")) {
                cu = row_unit;
                if (row_scale_set)
                    cs = row_scale;
            }
            if (ratio)
                cu = "percent"; /* "PROPORTION RATIO  73.2  66.4" */
            snprintf(f.unit, sizeof f.unit, "%s",
                     pct ? (strcmp(cu, "percent_change") == 0 || label_change ||
                                    (change_col && c == change_col)
                                ? "percent_change"
                                                                              : "percent")
                         : cu);
            int e10 = (strcmp(f.unit, "rank") == 0 || strcmp(f.unit, "percent") == 0 ||
                       strcmp(f.unit, "percent_change") == 0)
                          ? 0
                          : cs;
            if (extract_number_value(&num, e10, neg, &f.value) != 0)
                continue;
            if (col_index[c] && !strcmp(f.unit, "percent_change")) {
                /* 130.5 % of the base year: +30.5 % (in the written decimals) */
                double p10 = extract_pow10(num.decimals);
                f.value = round(f.value * p10 - 100 * p10) / p10;
            }
            if (col_change[c] && trade_unit_is_currency(f.unit))
                memcpy(f.measure, "change", 7);
            f.precision = extract_pow10(e10 - num.decimals);
            if (num.decimals == 0 && e10 == 0) {
                int tz = 0;
                for (size_t i = num.ndigits; i > 1 && num.digits[i - 1] == '0'; i--)
                    tz++;
                f.precision = extract_pow10(tz);
                if (strcmp(f.unit, "rank") == 0)
                    f.precision = 1;
            }
            const char *hd = head[c];
            if (partner)
                snprintf(f.partner, sizeof f.partner, "%s", partner);
            else if (col_partner[c] && col_partner[c][0] && !label_country)
                snprintf(f.partner, sizeof f.partner, "%s", col_partner[c]);
            int rep_cur = 0;
            if (row_reporter)
                snprintf(f.reporter, sizeof f.reporter, "%s", row_reporter);
            else if (reporter)
                snprintf(f.reporter, sizeof f.reporter, "%s", reporter);
            else if (tbl_land) {
                /* a table in Hong Kong dollars that names no reporter: Hong
                 * Kong's (the dollar of the United States is too widely used) */
                const char *own = tbl_land;
                if (own && (!f.partner[0] || strcmp(own, f.partner))) {
                    snprintf(f.reporter, sizeof f.reporter, "%s", own);
                    rep_cur = 1;
                }
            }
            if (f.partner[0] && strcmp(f.partner, f.reporter) == 0) {
                /* "Total exports to the mainland of China" in a table of HKD
                 * under a title that names China: the currency's country
                 * reports, not the partner */
                const char *own = extract_currency_land(f.unit);
                if (own && strcmp(own, f.partner) && !row_reporter)
                    snprintf(f.reporter, sizeof f.reporter, "%s", own);
                else
                    f.partner[0] = '\0';
            }
            if (col_flow[c][0])
                snprintf(f.flow, sizeof f.flow, "%s", col_flow[c]);
            if (col_period[c][0])
                snprintf(f.period, sizeof f.period, "%s", col_period[c]);
            if (row_period[0]) {
                if (col_prev[c])
                    tb_prev_period(row_period, f.period);
                else
                    snprintf(f.period, sizeof f.period, "%s", row_period);
            }
            if (!f.flow[0] && label_flow)
                snprintf(f.flow, sizeof f.flow, "%s", label_flow);
            if (!f.flow[0] && blk_flow && label_country && !ratio)
                snprintf(f.flow, sizeof f.flow, "%s", blk_flow);
            if (label_year && !f.period[0])
                snprintf(f.period, sizeof f.period, "%04d", label_year);
            if (label_month[0] && !f.period[0])
                snprintf(f.period, sizeof f.period, "%s", label_month);
            if (label_span[0])
                snprintf(f.period, sizeof f.period, "%s", label_span);
            if (label_change && last_label_per[0])
                snprintf(f.period, sizeof f.period, "%s", last_label_per);
            if (!f.flow[0] && has_cap && !ratio) {
                if (tb_contains(s, cap_a, cap_b, "exports") &&
                    !tb_contains(s, cap_a, cap_b, "imports"))
                    memcpy(f.flow, "export", 7);
                else if (tb_contains(s, cap_a, cap_b, "imports") &&
                         !tb_contains(s, cap_a, cap_b, "exports"))
                    memcpy(f.flow, "import", 7);
                else if (tb_contains(s, cap_a, cap_b, "balance") &&
                         !tb_contains(s, cap_a, cap_b, "exports") &&
                         !tb_contains(s, cap_a, cap_b, "imports"))
                    memcpy(f.flow, "balance", 8); /* "UK trade balances (£ billion)" */
                else if (tb_contains(s, cap_a, cap_b, "trade") && f.partner[0] &&
                         !tb_contains(s, cap_a, cap_b, "rank"))
                    memcpy(f.flow, "trade", 6);
            }
            if (!f.flow[0] && blk_flow && !ratio)
                snprintf(f.flow, sizeof f.flow, "%s", blk_flow);
            if (!f.flow[0] && title_trade && f.partner[0] && !ratio && strcmp(f.unit, "rank") &&
                strcmp(f.unit, "count"))
                memcpy(f.flow, "trade", 6); /* "Uzbekistan: foreign trade by main partners" */
            int account = tb_contains(s, lab->a, lab->b, "current account");
            if (account)
                f.flow[0] = '\0'; /* the balance of payments' account: no trade flow */
            if (!f.period[0])
                memcpy(f.period, cap_period, sizeof cap_period);
            if (row_product[0] && (country_rows == 0 || total))
                snprintf(f.product, sizeof f.product, "%s", row_product);
            if (!f.product[0] && tb_contains(s, lab->a, lab->b, "domestic export"))
                snprintf(f.product, sizeof f.product, "%s%s%.*s", "domestic products",
                         blk_product[0] ? ", " : "", (int)(sizeof f.product - 20),
                         blk_product); /* own goods: a part (cut where the field ends) */
            if (blk_product[0] && !f.product[0])
                snprintf(f.product, sizeof f.product, "%s", blk_product);
            if (lead_product[0])
                snprintf(f.product, sizeof f.product, "%s", lead_product);
            if (col_part[c][0] && !f.product[0])
                snprintf(f.product, sizeof f.product, "%s", col_part[c]);
            if (!f.partner[0] && f.reporter[0] && !cap_partner && !col_partner[c] &&
                (country_rows == 0 || total || flow_total) && (f.flow[0] || ratio || account) &&
                strcmp(f.unit, "rank") && strcmp(f.unit, "count"))
                memcpy(f.partner, "WLD",
                       4); /* the reporter's own totals: its trade with the world */
            char note[400];
            snprintf(note, sizeof note, "%s%srow: %s; column: %s%s%s%s", name, name[0] ? ": " : "",
                     label, hd[0] ? hd : "?",
                     inferred == 3    ? "; values read as thousands (they match the text's figures)"
                     : inferred == 6  ? "; values read as millions (they match the text's figures)"
                     : inferred == 30 ? "; values read as thousands (a trade table under a million "
                                        "with two decimals)"
                                      : "",
                     rep_doc && !row_reporter   ? "; reporter from the title or first paragraph"
                     : rep_src && !row_reporter ? "; reporter from the source line under the table"
                     : rep_cur                  ? "; reporter from the table's currency"
                                                : "",
                     par_doc && partner == sc->doc_partner
                         ? "; partner from the title or first paragraph"
                         : "");
            tb_sanitize(note);
            int rc = extract_push(sc, &f, R->cell[ci].a, R->cell[ci].b, ctx, name, note);
            if (rc)
                return rc;
        }
        (void)vi;
    }
    return 0;
}

/* A line with text only, short, no cell of numbers: a section label inside
 * a table ("U.S. total exports:") when data rows follow it. */
static int tb_section_like(const char *s, const tb_line *l)
{
    size_t a = l->a, b = l->b;
    tb_trim(s, &a, &b);
    if (a == b || b - a > 80 || l->rowlike)
        return 0;
    for (size_t i = a; i < b; i++)
        if (ex_isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

#define TB_MAXHDR 4

/* A table given one cell a line, the cells parted by lines that hold a pipe
 * alone or ending the cell's line, as a page's text gives some HTML tables
 * ("Agricultural products |", "154,274", "|", "157,633", "|", ...; or
 * every cell, headings too: "Export market", "|", "May 2017", "|", ...).
 * A text cell starts a row, the number cells after it are its values. Each
 * row becomes one line of cells at its label's line (the values keep their
 * own lines), the lines it covered hold the table together as rules do;
 * text cells before the first row of values, as many as the values and
 * their label ("Export market", "Export value", "Proportion of total
 * value", ...), or those plus one period over each group of value columns
 * ("May 2017", "January-May 2017"), become its heading rows. */
static void tb_streams(const char *s, size_t n, tb_line *L, size_t nl)
{
    size_t i = 0;
    while (i < nl) {
        /* a run of cell lines and pipe lines */
        size_t j = i, seps = 0;
        while (j < nl) {
            size_t a = L[j].a, b = L[j].b;
            tb_trim(s, &a, &b);
            size_t np = 0;
            for (size_t q = a; q < b; q++)
                np += s[q] == '|';
            if (a == b || b - a > 120 || np > 1 || (np == 1 && s[b - 1] != '|'))
                break;
            seps += np;
            j++;
        }
        if (seps < 6 || j - i < 8) {
            i = j > i ? j : i + 1;
            continue;
        }
        /* its cells */
        enum { MAXC = 4096 };
        size_t nc = 0, cap = j - i;
        if (cap > MAXC)
            cap = MAXC;
        tb_cell *cell = malloc(cap * sizeof *cell);
        size_t *cline = malloc(cap * sizeof *cline);
        int *cnum = malloc(cap * sizeof *cnum);
        if (!cell || !cline || !cnum) {
            free(cell);
            free(cline);
            free(cnum);
            return;
        }
        for (size_t k = i; k < j && nc < cap; k++) {
            size_t a = L[k].a, b = L[k].b;
            tb_trim(s, &a, &b);
            if (b > a && s[b - 1] == '|')
                b--;
            while (b > a && tb_space(s[b - 1]))
                b--;
            if (a == b)
                continue;
            cell[nc].a = a;
            cell[nc].b = b;
            cline[nc] = k;
            ex_number num;
            int neg, pct;
            cnum[nc] = tb_numeric(s, n, &cell[nc], &num, &neg, &pct) != 0;
            nc++;
        }
        /* rows: a text cell and the numbers after it */
        size_t first_row = nc, ndata = 0, K = 0;
        for (size_t c = 0; c < nc; c++) {
            if (cnum[c])
                continue;
            size_t v = 0;
            while (c + 1 + v < nc && cnum[c + 1 + v])
                v++;
            if (v && first_row == nc)
                first_row = c;
            if (v)
                ndata++;
            if (v > K)
                K = v;
        }
        if (ndata < 2 || K + 1 > TB_MAXCELLS) {
            free(cell);
            free(cline);
            free(cnum);
            i = j;
            continue;
        }
        /* the heading rows from the text cells before the first row */
        size_t top = first_row; /* the first cell the table takes */
        size_t g = 0;           /* period cells over groups of value columns */
        if (first_row >= K + 1) {
            for (size_t gg = K; gg >= 2; gg--) {
                if (K % gg || first_row < 1 + gg + K)
                    continue;
                int periods = 1;
                for (size_t q = first_row - K - gg; q < first_row - K && periods; q++) {
                    char per[40];
                    int mo;
                    periods = tb_period(s, cell[q].a, cell[q].b, 0, per, &mo) > 0 && per[0];
                }
                if (periods) {
                    g = gg;
                    break;
                }
            }
            top = first_row - K - 1 - g;
        }
        size_t rows_from = first_row; /* the first cell of the rows */
        if (top == first_row && first_row > 0 && s[cell[first_row - 1].b - 1] == ':')
            rows_from = first_row - 1; /* "U.S. total exports:" over the first row,
                                          under a heading row of pipes */
        size_t start_line = cline[top < rows_from ? top : rows_from];
        for (size_t k = start_line; k < j; k++) {
            /* every line from the table's first cell on holds it together */
            L[k].preset = 1;
            L[k].ncell = 0;
            L[k].rule = 1;
        }
        if (top < first_row) {
            size_t h2 = top + g; /* the label's heading, then one per value column */
            if (g) {
                tb_line *H1 = &L[cline[top]];
                H1->rule = 0;
                H1->cell[0].a = H1->cell[0].b = cell[top].a;
                for (size_t q = 0; q < g; q++)
                    H1->cell[1 + q] = cell[top + 1 + q];
                H1->ncell = 1 + g;
                H1->tabs = 1;
            }
            tb_line *H2 = &L[cline[g ? top + 1 : top]];
            H2->rule = 0;
            H2->cell[0] = cell[g ? top : h2];
            for (size_t q = 0; q < K; q++)
                H2->cell[1 + q] = cell[first_row - K + q];
            H2->ncell = 1 + K;
            H2->tabs = 1;
        }
        for (size_t c = rows_from; c < nc; c++) {
            if (cnum[c])
                continue;
            tb_line *R = &L[cline[c]];
            R->rule = 0;
            R->tabs = 1;
            R->cell[0] = cell[c];
            size_t v = 0;
            while (c + 1 + v < nc && cnum[c + 1 + v] && v < K) {
                R->cell[1 + v] = cell[c + 1 + v];
                v++;
            }
            if (v == 0) {
                /* a label alone: "U.S. total exports:" opens a part of the table */
                for (size_t q = 1; q <= K; q++)
                    R->cell[q].a = R->cell[q].b = cell[c].b;
                v = K;
                R->section = s[cell[c].b - 1] == ':';
            }
            R->ncell = 1 + v;
            R->b = L[cline[c + v < nc ? c + v : c]].b;
        }
        free(cell);
        free(cline);
        free(cnum);
        i = j;
    }
}

/* A table whose text gives one cell a line, with no separators (an HTML
 * table's text: "Jaar", "Maand", "Domestic exports (bn euros)", "Re-exports
 * (bn euros)", then "2021*", "January", "3.6", "5.0", "2021*", ...): k
 * lines of headings, then at least three groups of k lines whose cells are
 * text and numbers in the same order, each with a number. Each group
 * becomes one row of k cells at its first line, the headings one heading
 * row; the other lines of the table hold it together as rules do. A last
 * group cut short (a page stored in part) is left out. */
static void tb_cell_lines(const char *s, size_t n, tb_line *L, size_t nl)
{
    enum { MAXRUN = 4096 };
    size_t i = 0;
    while (i < nl) {
        size_t j = i;
        while (j < nl && j - i < MAXRUN && !L[j].preset) {
            size_t a = L[j].a, b = L[j].b;
            tb_trim(s, &a, &b);
            int bad = a == b || b - a > 80;
            for (size_t q = a; q < b && !bad; q++)
                bad = s[q] == '|' || s[q] == '\t';
            if (bad)
                break;
            j++;
        }
        if (j - i < 12) {
            i = j > i ? j : i + 1;
            continue;
        }
        unsigned char *num = malloc(j - i);
        if (!num)
            return;
        for (size_t q = i; q < j; q++) {
            tb_cell c = {L[q].a, L[q].b};
            tb_trim(s, &c.a, &c.b);
            ex_number en;
            int neg, pct;
            num[q - i] = tb_numeric(s, n, &c, &en, &neg, &pct) == 1 && !tb_year_marked(s, &c);
        }
        size_t done = i;
        for (size_t o = i; o + 4 <= j && done == i; o++) {
            if (num[o - i])
                continue;
            for (size_t k = 2; k + 1 < TB_MAXCELLS && o + k * 4 <= j && done == i; k++) {
                int head = 1, anynum = 0;
                for (size_t q = o; q < o + k && head; q++)
                    head = !num[q - i];
                if (!head)
                    continue;
                size_t g0 = o + k, G = 0;
                for (size_t q = 0; q < k; q++)
                    anynum |= num[g0 + q - i];
                if (!anynum || num[g0 - i])
                    continue; /* each row opens with its label */
                while (g0 + (G + 1) * k <= j) {
                    int same = 1;
                    for (size_t q = 0; q < k && same; q++)
                        same = num[g0 + G * k + q - i] == num[g0 + q - i];
                    if (!same)
                        break;
                    G++;
                }
                if (G < 3)
                    continue;
                /* the heading row and the rows */
                for (size_t r = 0; r <= G; r++) {
                    size_t f = r == 0 ? o : g0 + (r - 1) * k;
                    tb_line *R = &L[f];
                    for (size_t q = 0; q < k; q++) {
                        R->cell[q].a = L[f + q].a;
                        R->cell[q].b = L[f + q].b;
                        tb_trim(s, &R->cell[q].a, &R->cell[q].b);
                    }
                    R->ncell = k;
                    R->tabs = 1;
                    R->preset = 1;
                    R->rule = 0;
                    R->b = L[f + k - 1].b;
                    for (size_t q = 1; q < k; q++) {
                        L[f + q].preset = 1;
                        L[f + q].ncell = 0;
                        L[f + q].rule = 1;
                    }
                }
                done = g0 + G * k;
            }
        }
        free(num);
        i = done > i ? done : j;
    }
}

/* Headings over the last columns of a pipe table that a page's text gives
 * between a Markdown rule and the heading row, one a line among pipe lines
 * ("---|---|---|", "Absolute change,", "|", "Percent change,", "|",
 * "||||||", "Item | 2012 | ... | 2015-16 | 2015-16 |"): the first row of a
 * two-row HTML heading, whose cells over the first columns were empty.
 * Makes them one heading row, right-aligned, at the rule's line; returns
 * its index or (size_t)-1. */
static size_t tb_spanning_heads(const char *s, tb_line *L, size_t top, size_t ncols)
{
    tb_cell heads[TB_MAXCELLS];
    size_t nhead = 0;
    for (size_t k = top; k-- > 0 && top - k <= 16;) {
        size_t a = L[k].a, b = L[k].b;
        tb_trim(s, &a, &b);
        if (a == b)
            return (size_t)-1;
        int pipes_only = 1, pipes = 0, dash = 0;
        for (size_t q = a; q < b; q++) {
            pipes += s[q] == '|';
            dash |= s[q] == '-';
            if (!(s[q] == '|' || s[q] == '-' || s[q] == ':' || tb_space(s[q])))
                pipes_only = 0;
        }
        if (pipes_only && dash && pipes >= 2) {
            /* the rule: the headings found below it */
            if (nhead == 0 || nhead + 1 > ncols)
                return (size_t)-1;
            tb_line *H = &L[k];
            H->ncell = nhead;
            for (size_t q = 0; q < nhead; q++)
                H->cell[q] = heads[nhead - 1 - q]; /* top to bottom */
            H->tabs = 1;
            H->rule = 0;
            return k;
        }
        if (pipes_only)
            continue;
        if (pipes || b - a > 40 || nhead + 1 >= TB_MAXCELLS || L[k].rowlike)
            return (size_t)-1;
        while (b > a && (s[b - 1] == ',' || s[b - 1] == ':'))
            b--;
        heads[nhead].a = a;
        heads[nhead].b = b;
        nhead++;
    }
    return (size_t)-1;
}

/* A header row of a pipe table whose cells were broken over lines (an HTML
 * table whose headings hold line breaks, as a page's text gives it): the
 * lines just above the table from one that starts with '|', each holding
 * one pipe at most ("| 4th qtr.", "2004 |", "Percentage", "change over 4th
 * qtr. 2003 |", "|"). Joins them into one line of cells at the first of
 * them (cells cut on the pipes, trimmed of line ends) and returns its
 * index, or (size_t)-1. */
static size_t tb_broken_header(const char *s, tb_line *L, size_t top)
{
    size_t pipes = 0;
    for (size_t k = top; k-- > 0 && top - k <= 40;) {
        size_t a = L[k].a, b = L[k].b;
        tb_trim(s, &a, &b);
        if (a == b || L[k].rowlike || b - a > 120)
            return (size_t)-1;
        size_t np = 0;
        for (size_t q = a; q < b; q++)
            np += s[q] == '|';
        if (np > 1)
            return (size_t)-1;
        pipes += np;
        if (s[a] != '|' || b - a == 1)
            continue; /* a heading's text, or an empty cell's pipe */
        if (pipes < 2 || k + 1 == top)
            return (size_t)-1;
        tb_line M;
        memset(&M, 0, sizeof M);
        M.a = L[k].a;
        M.b = L[top - 1].b;
        tb_split(s, &M);
        size_t full = 0;
        for (size_t c = 0; c < M.ncell; c++) {
            while (M.cell[c].a < M.cell[c].b &&
                   (s[M.cell[c].a] == '\n' || tb_space(s[M.cell[c].a])))
                M.cell[c].a++;
            while (M.cell[c].b > M.cell[c].a &&
                   (s[M.cell[c].b - 1] == '\n' || tb_space(s[M.cell[c].b - 1])))
                M.cell[c].b--;
            full += M.cell[c].b > M.cell[c].a;
        }
        if (full < 2)
            return (size_t)-1;
        L[k] = M;
        return k;
    }
    return (size_t)-1;
}

/* Is the fragment [a, b) the start of a new heading when the heading
 * before it already has its year: a period's first word ("4th qtr.",
 * "2004", "January"), or a change's ("Percentage change over", "% change")? */
static int tb_heading_start(const char *s, size_t a, size_t b)
{
    size_t ml;
    tb_cell c = {a, b < a + 4 ? b : a + 4};
    if (b - a >= 4 && tb_year(s, &c))
        return 1;
    if (tb_month(s, b, a, &ml))
        return 1;
    if (b - a >= 3 && ex_isdigit((unsigned char)s[a]) &&
        (tb_contains(s, a, b, "qtr") || tb_contains(s, a, b, "quarter")))
        return 1;
    return tb_contains(s, a, b, "percentage") || tb_contains(s, a, b, "% change") ||
           tb_contains(s, a, b, "change over");
}

/* Headings stacked one fragment a line over a line of units (a page's text
 * of an HTML table whose headings hold line breaks: "4th qtr.", "2004",
 * "Percentage", "change over", "4th qtr.", "2003", "", "2004", ... over
 * "(HKD Mn.) (%) (HKD Mn.) (%)"): the short lines above line u, blank ones
 * between, back to the first that is a row, a label or long, are joined
 * into headings, each closed once it has a year and the next fragment
 * starts another. When they make exactly K headings, they become one
 * heading row right above the units (cells may span lines). */
static void tb_stacked_heads(const char *s, tb_line *L, size_t u, size_t K)
{
    enum { MAXF = 48 };
    size_t fa[MAXF], fb[MAXF], nf = 0;
    size_t k = u;
    while (k > 0 && nf < MAXF) {
        size_t a = L[k - 1].a, b = L[k - 1].b;
        tb_trim(s, &a, &b);
        if (a == b) {
            k--;
            continue;
        }
        if (L[k - 1].rowlike || L[k - 1].preset || b - a > 32 || s[b - 1] == ':')
            break;
        int lower = 0;
        for (size_t q = a; q < b; q++)
            lower |= s[q] >= 'a' && s[q] <= 'z';
        if (!lower && !(s[a] >= '0' && s[a] <= '9'))
            break; /* a title in capitals */
        fa[nf] = a;
        fb[nf] = b;
        nf++;
        k--;
    }
    if (nf < K)
        return;
    /* fragments top to bottom */
    for (size_t x = 0; x < nf / 2; x++) {
        size_t ta = fa[x], tbv = fb[x];
        fa[x] = fa[nf - 1 - x];
        fb[x] = fb[nf - 1 - x];
        fa[nf - 1 - x] = ta;
        fb[nf - 1 - x] = tbv;
    }
    tb_cell head[TB_MAXCELLS];
    size_t nh = 0;
    int has_year = 0;
    for (size_t f = 0; f < nf; f++) {
        if (nh && has_year && tb_heading_start(s, fa[f], fb[f])) {
            if (nh == K)
                return;
            nh++;
            has_year = 0;
            head[nh - 1].a = fa[f];
        } else if (!nh) {
            nh = 1;
            head[0].a = fa[f];
        }
        head[nh - 1].b = fb[f];
        for (size_t q = fa[f]; q + 4 <= fb[f]; q++) {
            tb_cell yc = {q, q + 4};
            if (tb_year(s, &yc) && (q == fa[f] || !ex_isdigit((unsigned char)s[q - 1])) &&
                (q + 4 == fb[f] || !ex_isdigit((unsigned char)s[q + 4])))
                has_year = 1;
        }
    }
    if (nh != K || !has_year)
        return;
    tb_line *R = &L[u - 1]; /* a blank line or the last fragment */
    R->cell[0].a = R->cell[0].b = head[0].a;
    for (size_t q = 0; q < K; q++)
        R->cell[1 + q] = head[q];
    R->ncell = 1 + K;
    R->tabs = 1;
    R->preset = 1;
    R->rowlike = 1;
    R->rule = 0;
    R->data = 0;
    R->v0 = 1;
    R->nv = 1 + K;
}

/* A heading row whose cells lost their breaks, over rows split on single
 * spaces ("Countries SITC Periods Change of ownership goods; import Total
 * import value (million euros) Change of ownership goods; export Total
 * export value (million euros) ..."): when it closes as many parentheses
 * as the row under it has values, and nothing follows the last, each
 * heading ends at one of them. */
static void tb_paren_heads(const char *s, tb_line *L, size_t nl)
{
    for (size_t i = 0; i + 1 < nl; i++) {
        tb_line *H = &L[i], *R = &L[i + 1];
        /* "(HKD Mn.) (%) (HKD Mn.) (%)" over a blank line and a section
         * label ("Total value of trade with the mainland of China * :") */
        for (size_t k = i + 1; k < nl && k <= i + 4 && !R->data; k++) {
            size_t a = L[k].a, b = L[k].b;
            tb_trim(s, &a, &b);
            if (L[k].data)
                R = &L[k];
            else if (a < b && s[b - 1] != ':')
                break;
        }
        if (H->rowlike || H->ncell > 1 || !R->data || R->nv <= R->v0 || H->b - H->a > 1200)
            continue;
        size_t K = R->nv - R->v0, a = H->a, b = H->b; /* a long line is left unsplit */
        tb_trim(s, &a, &b);
        if (K < 2 || K + 1 > TB_MAXCELLS || b - a < 8 || s[b - 1] != ')')
            continue;
        size_t ends[TB_MAXCELLS], ne = 0;
        int depth = 0, ok = 1;
        for (size_t q = a; q < b && ok; q++) {
            if (s[q] == '(')
                depth++;
            else if (s[q] == ')') {
                ok = depth-- == 1;
                if (ok && ne < TB_MAXCELLS)
                    ends[ne++] = q + 1;
                else
                    ok = 0;
            } else if (s[q] == '.' && q + 1 < b && s[q + 1] == ' ')
                ok = 0; /* a sentence */
        }
        if (!ok || ne != K)
            continue;
        H->cell[0].a = H->cell[0].b = a; /* the corner */
        size_t st = a;
        for (size_t k = 0; k < K; k++) {
            while (st < ends[k] && s[st] == ' ')
                st++;
            H->cell[1 + k].a = st;
            H->cell[1 + k].b = ends[k];
            st = ends[k];
        }
        H->ncell = 1 + K;
        H->tabs = 1;
        H->preset = 1;
        H->rowlike = 1;
        H->v0 = 1;
        H->nv = 1 + K;
        if (i > 0)
            tb_stacked_heads(s, L, i, K);
    }
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
        L[i].b = i + 1 < nl ? sc->line_start[i + 1] - 1 : n;
    }
    tb_streams(s, n, L, nl);
    tb_cell_lines(s, n, L, nl);
    for (size_t i = 0; i < nl; i++) {
        size_t b = L[i].b;
        size_t ntab = 0;
        for (size_t q = L[i].a; q < b && ntab < 2 && b - L[i].a <= 1200; q++)
            ntab += s[q] == '\t';
        if (L[i].preset) {
            /* set by tb_streams */
        } else if (b - L[i].a > 400 && !(ntab >= 2 && b - L[i].a <= 1200))
            continue; /* prose; a pasted header row with long headings has tabs */
        else {
            /* "| Re-exports of the mainland of China origin", "to other places |",
             * "235,622 | +14.1 | 863,924 | +13.7 |": a pipe row whose label
             * was broken over lines, joined into its last line */
            size_t np = 0, a0 = L[i].a;
            for (size_t q = L[i].a; q < b; q++)
                np += s[q] == '|';
            while (a0 < b && tb_space(s[a0]))
                a0++;
            if (np >= 2 && a0 < b && s[a0] != '|' && b > a0 && s[b - 1] == '|') {
                for (size_t k = i; k-- > 0 && i - k <= 6;) {
                    size_t ka = L[k].a, kb = L[k].b, kp = 0;
                    while (ka < kb && tb_space(s[ka]))
                        ka++;
                    for (size_t q = ka; q < kb; q++)
                        kp += s[q] == '|';
                    if (ka == kb || kp > 1 || kb - ka > 200 || L[k].rowlike)
                        break;
                    if (s[ka] == '|' && kb - ka > 1 && kp == 1) {
                        L[i].a = L[k].a;
                        for (size_t m = k; m < i; m++) {
                            /* the broken lines hold the table together as rules do */
                            L[m].ncell = 0;
                            L[m].rule = L[m].rowlike = 1;
                        }
                        break;
                    }
                }
            }
        }
        if (!L[i].preset) {
            tb_split(s, &L[i]);
            if (L[i].ncell == 2 && !L[i].tabs && !L[i].rule &&
                tb_single_numbers(s, &L[i].cell[1])) {
                /* "    Re-exports  227,869 +17.2 850,794 +20.5": a double
                 * space after the label of a row split on single spaces */
                L[i].cell[0].b = L[i].cell[1].b;
                L[i].ncell = 1;
            }
            if (L[i].ncell == 1 && !L[i].tabs && !L[i].rule)
                tb_split_single(s, &L[i]);
        }
        size_t nonempty = 0;
        for (size_t c = 0; c < L[i].ncell; c++)
            if (L[i].cell[c].b > L[i].cell[c].a)
                nonempty++;
        L[i].rowlike = (L[i].ncell >= 2 && nonempty >= 1) || L[i].rule;
        if (!L[i].rowlike)
            continue;
        /* data: a label, numbers; before the numbers more label ("W O R L D
         * T O T A L" split on its double space) or the row's period ("Sep
         * 2019"), after them the row's unit and frequency ("Mil. EUR, NSA") */
        int nums = 0, texts = 0, lead_bad = 0, trail = 0;
        size_t v0 = 0, nv = 0;
        for (size_t c = 1; c < L[i].ncell; c++) {
            ex_number num;
            int neg, pct;
            int k = tb_numeric(s, n, &L[i].cell[c], &num, &neg, &pct);
            if (k == 1) {
                nums++;
                if (!v0)
                    v0 = c;
                nv = c + 1;
                texts += trail;
                trail = 0;
            } else if (k == 0 && L[i].cell[c].b > L[i].cell[c].a) {
                if (!v0) {
                    char per[40];
                    int mo;
                    int isper = tb_period(s, L[i].cell[c].a, L[i].cell[c].b, 0, per, &mo) > 0 &&
                                per[0] && L[i].cell[c].b - L[i].cell[c].a < 20;
                    int digits = 0;
                    for (size_t q = L[i].cell[c].a; q < L[i].cell[c].b; q++)
                        digits |= ex_isdigit((unsigned char)s[q]);
                    if (!isper && digits)
                        lead_bad =
                            1; /* text cells are more label: "Total countries  Total goods" */
                } else {
                    trail++;
                    if (L[i].cell[c].b - L[i].cell[c].a > 32)
                        texts++;
                }
            }
        }
        if (trail > 2)
            texts++;
        const tb_cell *c0 = &L[i].cell[0];
        int label = c0->b > c0->a && !(s[c0->a] >= '0' && s[c0->a] <= '9');
        char lper[40];
        int lmo;
        if (!label && c0->b - c0->a > 4 && c0->b - c0->a < 24 &&
            tb_period(s, c0->a, c0->b, 0, lper, &lmo) && strlen(lper) == 7)
            label = 1; /* "2024 Jan": a month as the row label */
        if (!label && tb_year_marked(s, c0)) {
            /* a year as the row label ("2021*": provisional), unless the
             * whole row is years (a header) */
            int years = 1;
            for (size_t c = 1; c < L[i].ncell && years; c++)
                years = tb_year_marked(s, &L[i].cell[c]) != 0;
            label = !years;
        }
        L[i].v0 = v0 ? v0 : 1;
        L[i].nv = nv;
        L[i].data = label && nums >= 1 && texts == 0 && !lead_bad;
    }
    tb_paren_heads(s, L, nl);
    int rc = 0;
    const char *doc_land = NULL; /* the country of the currency of a table before */
    size_t prev_hdrs[TB_MAXHDR], prev_nh = 0, prev_ncell = 0, prev_end = 0; /* the table before */
    for (size_t i = 0; i < nl && rc == 0;) {
        if (!L[i].rowlike) {
            i++;
            continue;
        }
        size_t j = i;
        for (;;) {
            while (j + 1 < nl && L[j + 1].rowlike)
                j++;
            /* a section label between rows: "U.S. general imports:" */
            if (j + 2 < nl && tb_section_like(s, &L[j + 1]) && L[j + 2].data) {
                L[j + 1].section = 1;
                j++;
                continue;
            }
            break;
        }
        /* a first row of years over more data rows is the header */
        for (size_t k = i; k <= j; k++) {
            if (!L[k].data)
                continue;
            int years = 1, more = 0;
            /* its numbers are all years ("Item  2012 ... 2016  2015-16") */
            for (size_t c = 1; c < L[k].ncell && years; c++) {
                ex_number num;
                int neg, pct;
                years = tb_year(s, &L[k].cell[c]) != 0 || L[k].cell[c].a == L[k].cell[c].b ||
                        tb_numeric(s, n, &L[k].cell[c], &num, &neg, &pct) != 1;
            }
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
        /* the header rows: the rows above the first data row (rules and
         * sections aside), or with none, the rows just above the block over
         * one blank line ("Country of Destination  November 2009  Year-to-Date") */
        size_t hdrs[TB_MAXHDR];
        size_t nh = 0;
        for (size_t k = i; k < first_data && k <= j; k++)
            if (!L[k].rule && !L[k].section && L[k].ncell >= 2 && nh < TB_MAXHDR)
                hdrs[nh++] = k;
        size_t top = i; /* the first line of the table with its header */
        if (nh == 0 && first_data == i && i >= 2) {
            size_t k = i - 1;
            if (tb_blank(s, &L[k]) && k > 0)
                k--; /* one blank line */
            if (k > 1 && !L[k].rowlike && tb_section_like(s, &L[k]) && s[L[k].b - 1] == ':' &&
                tb_blank(s, &L[k - 1]) && L[k - 2].rowlike && !L[k - 2].data)
                k -= 2; /* a section label over the rows ("Total value of trade with the
                           mainland of China :"), one blank line under the headings */
            while (L[k].rowlike && !L[k].data && !L[k].rule && nh < TB_MAXHDR) {
                hdrs[nh++] = k;
                top = k;
                if (k == 0)
                    break;
                k--;
            }
            /* top to bottom */
            for (size_t x = 0; x < nh / 2; x++) {
                size_t t = hdrs[x];
                hdrs[x] = hdrs[nh - 1 - x];
                hdrs[nh - 1 - x] = t;
            }
        }
        if (first_data <= j && L[first_data].tabs && top > 0 && nh < TB_MAXHDR) {
            size_t start = tb_spanning_heads(s, L, top, L[first_data].ncell);
            if (start != (size_t)-1) {
                for (size_t x = nh; x > 0; x--)
                    hdrs[x] = hdrs[x - 1];
                hdrs[0] = start;
                nh++;
                top = start;
            }
        }
        if (first_data <= j && L[first_data].tabs && top > 0 && nh < TB_MAXHDR) {
            size_t start = tb_broken_header(s, L, top);
            if (start != (size_t)-1) {
                for (size_t x = nh; x > 0; x--)
                    hdrs[x] = hdrs[x - 1];
                hdrs[0] = start;
                nh++;
                top = start;
            }
        }
        if (nh == 0 && first_data == i && i >= 1 && L[i].tabs && L[i].ncell >= 2 &&
            !L[i - 1].rowlike) {
            /* "exports Imports" over "1994 2510 3066": a line of words, one a
             * value column, over rows of single spaces */
            tb_line *H = &L[i - 1];
            size_t a = H->a, b = H->b, w = 0;
            int words = a < b;
            tb_cell wc[TB_MAXCELLS];
            while (a < b && words) {
                while (a < b && tb_space(s[a]))
                    a++;
                size_t st = a;
                while (a < b && !tb_space(s[a])) {
                    if (!ex_isalpha((unsigned char)s[a]) && s[a] != '-' && s[a] != '.')
                        words = 0;
                    a++;
                }
                if (a > st) {
                    if (w + 1 >= TB_MAXCELLS)
                        words = 0;
                    else {
                        wc[w].a = st;
                        wc[w].b = a;
                        w++;
                    }
                }
            }
            if (words && w >= 1 && w + 1 == L[i].ncell) {
                H->ncell = w;
                for (size_t q = 0; q < w; q++)
                    H->cell[q] = wc[q];
                H->tabs = 1;
                hdrs[nh++] = i - 1;
                top = i - 1;
            }
        }
        if (nh == 0 && prev_nh && first_data <= j && L[first_data].ncell == prev_ncell &&
            !L[first_data].tabs) {
            /* "Value of trade involving outward processing :" and its rows
             * under a table and its footnote: the same columns, whose
             * headings stand over the first table only */
            int between = 1;
            for (size_t k = prev_end + 1; k < i && between; k++) {
                size_t a = L[k].a, b = L[k].b;
                tb_trim(s, &a, &b);
                between = a == b || s[a] == '*' || tb_section_like(s, &L[k]);
            }
            if (between) {
                memcpy(hdrs, prev_hdrs, prev_nh * sizeof *hdrs);
                nh = prev_nh;
            }
        }
        if (nh && ndata) {
            memcpy(prev_hdrs, hdrs, nh * sizeof *hdrs);
            prev_nh = nh;
            prev_ncell = L[first_data].ncell;
            prev_end = j;
        }
        int header_row = nh > 0;
        if (ndata >= 2 || (ndata == 1 && header_row)) {
            /* a caption: the nearest non-blank line above the table, and up
             * to two short lines above it ("Table 1" under its title, "Million
             * USD" under "External Merchandise Trade") */
            size_t cap_a = 0, cap_b = 0;
            int has_cap = 0, ncap = 0, gap = 0, bare = 1;
            size_t k = top;
            int blanks = 0;
            while (k > 0 && blanks <= 2 && ncap < 4) {
                k--;
                size_t a = L[k].a, b = L[k].b;
                while (a < b && tb_space(s[a]))
                    a++;
                if (a == b) {
                    blanks++;
                    gap = 1;
                    continue;
                }
                if (L[k].data)
                    break; /* another table */
                if (b - a >= 250 || (has_cap && b - a >= 120))
                    break;
                if (has_cap && gap && !bare && !tb_table_title(s, a, b))
                    break; /* over a blank line only from a bare label ("Total Value"),
                              or to the table's own title ("Table 4 ...") */
                if (!has_cap)
                    cap_b = b;
                cap_a = a;
                has_cap = 1;
                ncap++;
                gap = 0;
                char u0[16] = "";
                int s0 = 0, set0 = 0, year0 = 0;
                tb_unit(s, a, b, u0, &s0, &set0);
                for (size_t q = a; q + 4 <= b && !year0; q++) {
                    tb_cell yc = {q, q + 4};
                    year0 = tb_year(s, &yc);
                }
                if (u0[0] || set0 || year0 || tb_reporter(s, n, a, b) || tb_partner(s, n, a, b))
                    bare = 0;
            }
            if (emit)
                rc = tb_emit(sc, L, i, j, hdrs, nh, cap_a, cap_b, has_cap, &doc_land);
            else
                for (size_t m = L[top].a; m < L[j].b && m < n; m++)
                    sc->skip[m] = 1;
        }
        i = j + 1;
    }
    free(L);
    return rc;
}
