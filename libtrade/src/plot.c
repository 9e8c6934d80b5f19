/* plot.c - gnuplot scripts from observation tables.
 *
 * Each chart kind gathers its points first (series of (x, value) for line
 * and rank, a category x group matrix for bars and dot plots, a list of
 * rates for growth) and then writes one script: a preamble choosing the
 * terminal, the datablocks (numbers and validated codes only, each line
 * starting with a number), the axes and the plot command. All text from
 * the data or the options goes through plot_buf_quote or plot_buf_comment
 * (see plot.h for why that is safe). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "trade/codes.h"
#include "trade/number.h"
#include "trade/plot.h"
#include "trade/series.h"

/* snprintf that truncates quietly (labels longer than their buffer are cut). */
static void fmt_to(char *out, size_t size, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void fmt_to(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, size, fmt, ap);
    va_end(ap);
    if (n < 0 && size)
        out[0] = '\0';
}

/* ---- buffer ---- */

void plot_buf_quote(plot_buf *b, const char *text)
{
    plot_buf_putn(b, "'", 1);
    for (const unsigned char *s = (const unsigned char *)(text ? text : ""); *s; s++) {
        if (*s == '\'')
            plot_buf_putn(b, "\xe2\x80\x99", 3); /* see plot_internal.h */
        else if (*s < 0x20 || *s == 0x7f)
            plot_buf_putn(b, " ", 1);
        else
            plot_buf_putn(b, (const char *)s, 1);
    }
    plot_buf_putn(b, "'", 1);
}

void plot_buf_comment(plot_buf *b, const char *text)
{
    for (const unsigned char *s = (const unsigned char *)(text ? text : ""); *s; s++) {
        if (*s < 0x20 || *s == 0x7f || *s == '\\')
            plot_buf_putn(b, " ", 1);
        else
            plot_buf_putn(b, (const char *)s, 1);
    }
}

/* A number for a datablock or a command: never an exponent-free monster,
 * never text that could be anything but a number. */
static void put_num(plot_buf *b, double v)
{
    if (!isfinite(v))
        plot_buf_puts(b, "NaN");
    else
        plot_buf_printf(b, "%.10g", v);
}

/* ---- names ---- */

int trade_plot_kind_parse(const char *name, trade_plot_kind *out)
{
    static const char *const names[] = {"line", "bars", "growth", "rank"};
    for (int i = 0; i < 4; i++)
        if (name && !strcmp(name, names[i])) {
            *out = (trade_plot_kind)i;
            return TRADE_OK;
        }
    return TRADE_EARG;
}

int trade_plot_terminal_parse(const char *name, trade_plot_terminal *out)
{
    for (int i = 0; i < 3; i++)
        if (name && !strcmp(name, trade_plot_terminal_ext((trade_plot_terminal)i))) {
            *out = (trade_plot_terminal)i;
            return TRADE_OK;
        }
    return TRADE_EARG;
}

const char *trade_plot_terminal_ext(trade_plot_terminal term)
{
    switch (term) {
    case TRADE_PLOT_SVG:
        return "svg";
    case TRADE_PLOT_PDF:
        return "pdf";
    default:
        return "png";
    }
}

/* Okabe & Ito (2008), in an order that keeps the first colours apart; the
 * yellow, weak on white, comes last. */
static const char *const palette[] = {"#0072B2", "#D55E00", "#009E73", "#E69F00",
                                      "#CC79A7", "#56B4E9", "#000000", "#F0E442"};
#define NPALETTE (sizeof palette / sizeof palette[0])

static const char *flow_name(const char *flow)
{
    static const char *const map[][2] = {
        {"export", "exports"},
        {"import", "imports"},
        {"services_export", "services exports"},
        {"services_import", "services imports"},
        {"fdi_stock", "FDI stock"},
        {"fdi_flow", "FDI flow"},
        {"investment_stock", "investment stock"},
        {"investment_flow", "investment flow"},
        {"aid", "aid"},
        {"freight", "freight"},
        {"trade", "trade (exports + imports)"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(flow, map[i][0]))
            return map[i][1];
    return flow;
}

/* 1 for a stock at a date (fdi_stock, investment_stock), 0 for a flow. */
static int flow_is_stock(const char *flow)
{
    size_t n = strlen(flow);
    return n >= 6 && !strcmp(flow + n - 6, "_stock");
}

/* Position of a flow in the usual reading order (exports first). */
static int flow_order(const char *flow)
{
    static const char *const order[] = {
        "export",          "import",    "services_export", "services_import",
        "trade",           "fdi_stock", "fdi_flow",        "investment_stock",
        "investment_flow", "aid",       "freight"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (!strcmp(flow, order[i]))
            return (int)i;
    return 100;
}

static int unit_is_level(const char *unit)
{
    return trade_unit_is_level(unit);
}

/* The y axis label for unit at a scale chosen from the largest magnitude;
 * *div gets the divisor. */
static void unit_scale(const char *unit, double maxabs, double *div, char *out, size_t size)
{
    *div = 1;
    if (!strcmp(unit, "percent")) {
        fmt_to(out, size, "%%");
        return;
    }
    if (!strcmp(unit, "percent_change")) {
        fmt_to(out, size, "%% change");
        return;
    }
    if (!strcmp(unit, "pp")) {
        fmt_to(out, size, "percentage points");
        return;
    }
    if (!strcmp(unit, "rank")) {
        fmt_to(out, size, "rank (1 = first)");
        return;
    }
    const char *word = "";
    if (maxabs >= 1e9) {
        *div = 1e9;
        word = "billion";
    } else if (maxabs >= 1e6) {
        *div = 1e6;
        word = "million";
    } else if (maxabs >= 1e4) {
        *div = 1e3;
        word = "thousand";
    }
    const char *u = unit;
    if (!strcmp(unit, "t"))
        u = "t";
    else if (!strcmp(unit, "m3"))
        u = "m\xc2\xb3";
    else if (!strcmp(unit, "count"))
        u = *word ? "(count)" : "number";
    fmt_to(out, size, "%s%s%s", word, *word && *u ? " " : "", u);
}

/* "Jan-Oct 2012", "Q2 2012", "Mar 2012", "2007-2011", "2011" */
static void period_human(const trade_period *p, char *out, size_t size)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y0 = p->first_month / 12, m0 = p->first_month % 12;
    int y1 = p->last_month / 12, m1 = p->last_month % 12;
    if (m0 == 0 && m1 == 11) {
        if (y0 == y1)
            fmt_to(out, size, "%d", y0);
        else
            fmt_to(out, size, "%d\xe2\x80\x93%d", y0, y1);
    } else if (p->first_month == p->last_month) {
        fmt_to(out, size, "%s %d", mon[m0], y0);
    } else if (!p->interval && p->start_unit == TRADE_PERIOD_QUARTER) {
        fmt_to(out, size, "Q%d %d", m0 / 3 + 1, y0);
    } else if (y0 == y1) {
        fmt_to(out, size, "%s\xe2\x80\x93%s %d", mon[m0], mon[m1], y0);
    } else {
        fmt_to(out, size, "%s %d\xe2\x80\x93%s %d", mon[m0], y0, mon[m1], y1);
    }
}

static int period_partial(const trade_period *p)
{
    return p->first_month % 12 != 0 || p->last_month % 12 != 11;
}

static int qual_open(const char *q)
{
    return !strcmp(q, "estimate") || !strcmp(q, "projection") || !strcmp(q, "derived");
}

static int qual_dashed(const char *q)
{
    return !strcmp(q, "estimate") || !strcmp(q, "projection");
}

/* A value label with three significant digits (four from 100 to 999, so
 * that 713.8 does not read as 714), no trailing zeros, no exponent, a
 * thousands separator from 1,000 on: 119,092 / 713.8 / 600 / 27.1 / 1.25 /
 * 0.798. */
static void label_num(double v, char *out, size_t size)
{
    double a = fabs(v);
    if (a >= 1000) {
        char raw[64];
        fmt_to(raw, sizeof raw, "%.0f", a);
        size_t n = strlen(raw), j = 0;
        if (v < 0 && j + 1 < size)
            out[j++] = '-';
        for (size_t i = 0; i < n && j + 2 < size; i++) {
            if (i && (n - i) % 3 == 0)
                out[j++] = ',';
            out[j++] = raw[i];
        }
        out[j] = '\0';
        return;
    }
    int dec = a >= 100 ? 1 : a >= 10 ? 1 : a >= 1 ? 2 : a > 0 ? (int)ceil(-log10(a)) + 2 : 0;
    if (dec > 12)
        dec = 12;
    fmt_to(out, size, "%.*f", dec, v);
    /* 600.0 -> 600, 1.250 -> 1.25 */
    if (strchr(out, '.')) {
        size_t n = strlen(out);
        while (n && out[n - 1] == '0')
            out[--n] = '\0';
        if (n && out[n - 1] == '.')
            out[--n] = '\0';
    }
}

/* A code in words for a legend: "technical_assistance" -> "technical assistance". */
static void code_words(const char *code, char *out, size_t size)
{
    size_t j = 0;
    for (; *code && j + 1 < size; code++)
        out[j++] = *code == '_' ? ' ' : *code;
    out[j] = '\0';
}

/* Copy s keeping only characters a code may have, for datablock strings. */
static void code_text(const char *s, char *out, size_t size)
{
    size_t j = 0;
    for (; *s && j + 1 < size; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            *s == '_' || *s == '-' || *s == '/')
            out[j++] = *s;
    out[j] = '\0';
}

/* Cut s to at most max bytes of text (not inside a UTF-8 sequence), ending
 * with an ellipsis, so a long name cannot crowd the chart out. s has room
 * for max + 4 bytes. */
static void clip_utf8(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    memcpy(s + max, "\xe2\x80\xa6", 4);
}

static double nice_step(double raw);

/* ---- choosing rows ---- */

/* One figure per period and "same period" are the series module's rules
 * (trade_series_prefer, trade_period_equal): a chart shows the figure the
 * analyses use. */
static int same_period(const trade_period *a, const trade_period *b)
{
    return trade_period_equal(a, b);
}

/* The rows a chart may draw: sel NULL means all. */
#define SELECTED(sel, r) (!(sel) || (sel)[r])

/* The unit drawn: most rows, level units first unless want is given. */
static const char *choose_unit(const trade_table *t, const unsigned char *sel, const char *want,
                               trade_error *err)
{
    size_t n = trade_table_rows(t), best = 0;
    const char *unit = NULL;
    int best_level = -1;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!SELECTED(sel, r) || !o || o->period.start_unit == TRADE_PERIOD_NONE || !*o->unit)
            continue;
        if (want && strcmp(o->unit, want))
            continue;
        size_t count = 0;
        for (size_t s = 0; s < n; s++) {
            const trade_obs *q = trade_table_obs(t, s);
            if (SELECTED(sel, s) && q && q->period.start_unit != TRADE_PERIOD_NONE &&
                !strcmp(q->unit, o->unit))
                count++;
        }
        int level = unit_is_level(o->unit);
        if (level > best_level || (level == best_level && count > best)) {
            best = count;
            best_level = level;
            unit = o->unit;
        }
    }
    if (!unit)
        trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "nothing to plot: no observations%s%s",
                        want ? " in unit " : "", want ? want : "");
    return unit;
}

static size_t count_other_units(const trade_table *t, const unsigned char *sel, const char *unit)
{
    size_t n = trade_table_rows(t), k = 0;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (SELECTED(sel, r) && o && strcmp(o->unit, unit))
            k++;
    }
    return k;
}

/* ---- series names ---- */

static const char *common_label(const trade_table *t, const size_t *rows, size_t n)
{
    const char *label = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *l = trade_table_obs(t, rows[i])->label;
        if (!*l || (label && strcmp(label, l)))
            return NULL;
        label = l;
    }
    return label;
}

/* "Belgium \u2192 Kazakhstan, exports (product)" or the common label. */
static void series_name(const trade_table *t, const size_t *rows, size_t n, char *out, size_t size)
{
    const char *label = common_label(t, rows, n);
    if (label) {
        fmt_to(out, size, "%s", label);
        if (size > 84)
            clip_utf8(out, 80);
        return;
    }
    const trade_obs *o = trade_table_obs(t, rows[0]);
    char pw[128];
    code_words(o->product, pw, sizeof pw);
    const char *prod = *o->product ? pw : NULL;
    if (!strcmp(o->reporter, o->partner))
        fmt_to(out, size, "%s, %s%s%s%s", trade_country_name(o->reporter), flow_name(o->flow),
               prod ? " (" : "", prod ? prod : "", prod ? ")" : "");
    else
        fmt_to(out, size, "%s \xe2\x86\x92 %s, %s%s%s%s", trade_country_name(o->reporter),
               trade_country_name(o->partner), flow_name(o->flow), prod ? " (" : "",
               prod ? prod : "", prod ? ")" : "");
    if (size > 84)
        clip_utf8(out, 80);
}

/* Up to three distinct names joined, else "N <plural>". */
typedef struct name_set {
    const char *v[64];
    size_t n;
} name_set;

static void name_add(name_set *s, const char *v)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], v))
            return;
    if (s->n < 64)
        s->v[s->n++] = v;
}

static void name_join(const name_set *s, const char *plural, int country, char *out, size_t size)
{
    out[0] = '\0';
    if (s->n > 3) {
        fmt_to(out, size, "%zu %s", s->n, plural);
        return;
    }
    size_t len = 0;
    for (size_t i = 0; i < s->n && len < size; i++) {
        const char *v = country ? trade_country_name(s->v[i]) : flow_name(s->v[i]);
        int k =
            snprintf(out + len, size - len, "%s%s", i ? (i + 1 == s->n ? " and " : ", ") : "", v);
        if (k < 0)
            break;
        len += (size_t)k;
    }
}

/* A title from the drawn rows: "Belgium → Kazakhstan: exports". */
static void auto_title(const trade_table *t, const unsigned char *used, char *out, size_t size)
{
    name_set rep = {0}, par = {0}, flo = {0};
    size_t n = trade_table_rows(t);
    for (size_t r = 0; r < n; r++) {
        if (used[r] != TRADE_PLOT_ROW_DRAWN)
            continue;
        const trade_obs *o = trade_table_obs(t, r);
        name_add(&rep, o->reporter);
        name_add(&par, o->partner);
        name_add(&flo, o->flow);
    }
    char a[256], b[256], c[256];
    name_join(&rep, "reporters", 1, a, sizeof a);
    name_join(&par, "partners", 1, b, sizeof b);
    name_join(&flo, "flows", 0, c, sizeof c);
    if (rep.n == 1 && par.n == 1 && !strcmp(rep.v[0], par.v[0]))
        fmt_to(out, size, "%s: %s", a, c);
    else
        fmt_to(out, size, "%s \xe2\x86\x92 %s: %s", a, b, c);
}

/* ---- the script ---- */

typedef struct plot_ctx {
    const trade_table *t;
    const trade_plot_options *opt;
    plot_buf b;
    unsigned char *used;      /* one per row: TRADE_PLOT_ROW_* */
    const unsigned char *sel; /* opt->rows */
    const char *unit;         /* the unit drawn */
    int x2tics;               /* the chart has x2 tics (a row above the graph) */
    int width, height;
    const char *name;
} plot_ctx;

static void preamble(plot_ctx *c, const char *what)
{
    plot_buf *b = &c->b;
    const char *def = trade_plot_terminal_ext(c->opt->terminal);
    plot_buf_puts(b, "# ");
    if (c->opt->title && *c->opt->title) {
        plot_buf_comment(b, c->opt->title);
        plot_buf_puts(b, "\n# ");
    }
    plot_buf_comment(b, what);
    plot_buf_puts(b,
                  "\n# Written by trade plot (libtrade). Run it in this folder with\n#   gnuplot ");
    plot_buf_comment(b, c->name);
    plot_buf_printf(b, ".gp    (writes NAME.%s)\n#   gnuplot -e \"out_format='svg'\" ", def);
    plot_buf_comment(b, c->name);
    plot_buf_puts(b, ".gp    (writes NAME.svg; also 'png' or 'pdf')\n"
                     "# where NAME is this file's name without .gp. Names from the data are\n"
                     "# single-quoted strings (nothing is substituted in them) and enhanced text\n"
                     "# is off, so they show as written.\n\n");
    plot_buf_puts(b, "# ---- terminal and output ----\nset encoding utf8\n");
    plot_buf_printf(b, "if (!exists('out_format')) out_format = '%s'\n", def);
    plot_buf_printf(
        b,
        "# PNG at three times the size with fonts, lines and points scaled to match\n"
        "# (2400 x 1500 pixels: 8 x 5 inches at 300 dpi)\n"
        "if (out_format eq 'svg') {\n"
        "    set terminal svg size %d,%d font 'Sans,10' fontscale 1.3 noenhanced background "
        "rgb 'white'\n"
        "} else {\n"
        "    if (out_format eq 'pdf') {\n"
        "        set terminal pdfcairo size %g in,%g in font 'Sans,10' noenhanced\n"
        "    } else {\n"
        "        if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
        "            set terminal pngcairo size %d,%d font 'Sans,10' fontscale 3 linewidth 3 "
        "pointscale 3 noenhanced\n"
        "        } else {\n"
        "            set terminal png size %d,%d noenhanced\n"
        "        }\n"
        "    }\n"
        "}\n",
        c->width, c->height, c->width / 100.0, c->height / 100.0, c->width * 3, c->height * 3,
        c->width, c->height);
    plot_buf_puts(b, "set output ");
    /* the name was checked: no '/' and no control characters */
    plot_buf_quote(b, c->name);
    plot_buf_puts(b, " . '.' . out_format\n\n");
    plot_buf_puts(b,
                  "# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----\n"
                  "set termoption noenhanced\n"
                  "set border 3 lc rgb '#555555'\n"
                  "set tics nomirror out scale 0.6 textcolor rgb '#333333'\n"
                  "set grid ytics lc rgb '#e0e0e0' lw 1 dt 1\n"
                  "set key below center horizontal Left reverse noenhanced samplen 3.5 "
                  "spacing 1.2 width 2\n"
                  "set datafile missing 'NaN'\n"
                  "# room above the graph for the title and the source line\n"
                  "set tmargin 5\n");
}

/* The period of row r: the observation's, or in a generic table (trade
 * growth output) the period_from..period_to or period cells. 0 or -1. */
static int row_period(const plot_ctx *c, size_t r, trade_period *out)
{
    const trade_obs *o = trade_table_obs(c->t, r);
    if (o) {
        *out = o->period;
        return o->period.start_unit == TRADE_PERIOD_NONE ? -1 : 0;
    }
    static const char *const cols[] = {"period_from", "period_to", "period"};
    int found = 0;
    for (size_t i = 0; i < 3; i++) {
        long col = trade_table_col_index(c->t, cols[i]);
        const char *v = col < 0 ? "" : trade_table_cell(c->t, r, (size_t)col);
        trade_period p;
        trade_error e;
        if (!*v || trade_period_parse(v, strlen(v), &p, &e))
            continue;
        if (!found)
            *out = p;
        if (p.first_month < out->first_month)
            out->first_month = p.first_month;
        if (p.last_month > out->last_month)
            out->last_month = p.last_month;
        found = 1;
    }
    return found ? 0 : -1;
}

/* The period covered by the drawn rows, as the title says it ("2002–2011",
 * "2011", "Jan–Oct 2012"); y0 and y1 get its first and last years. */
static int drawn_period(const plot_ctx *c, char *out, size_t size, int *y0, int *y1)
{
    size_t n = trade_table_rows(c->t);
    int lo = 0, hi = 0, any = 0;
    for (size_t r = 0; r < n; r++) {
        trade_period p;
        if (c->used[r] != TRADE_PLOT_ROW_DRAWN || row_period(c, r, &p))
            continue;
        if (!any || p.first_month < lo)
            lo = p.first_month;
        if (!any || p.last_month > hi)
            hi = p.last_month;
        any = 1;
    }
    out[0] = '\0';
    if (!any)
        return -1;
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (lo / 12 == hi / 12 || (lo % 12 == 0 && hi % 12 == 11)) {
        trade_period all = {lo, hi, TRADE_PERIOD_MONTH, TRADE_PERIOD_MONTH, 1};
        period_human(&all, out, size);
    } else {
        /* "2010–Oct 2012": months only where a year is not whole */
        char a[16], b[16];
        if (lo % 12)
            fmt_to(a, sizeof a, "%s %d", mon[lo % 12], lo / 12);
        else
            fmt_to(a, sizeof a, "%d", lo / 12);
        if (hi % 12 != 11)
            fmt_to(b, sizeof b, "%s %d", mon[hi % 12], hi / 12);
        else
            fmt_to(b, sizeof b, "%d", hi / 12);
        fmt_to(out, size, "%s\xe2\x80\x93%s", a, b);
    }
    *y0 = lo / 12;
    *y1 = hi / 12;
    return 0;
}

static void put_source(plot_ctx *c);

static void put_title(plot_ctx *c, const char *auto_text)
{
    const char *title = c->opt->title && *c->opt->title ? c->opt->title : auto_text;
    char full[768], per[64], a[16], b[16];
    int y0, y1;
    fmt_to(full, sizeof full, "%s", title);
    if (!drawn_period(c, per, sizeof per, &y0, &y1)) {
        /* the period in every title, unless the title names it already */
        fmt_to(a, sizeof a, "%d", y0);
        fmt_to(b, sizeof b, "%d", y1);
        if (!strstr(title, a) || !strstr(title, b)) {
            size_t l = strlen(full);
            fmt_to(full + l, sizeof full - l, ", %s", per);
        }
    }
    plot_buf_puts(&c->b, "set title ");
    plot_buf_quote(&c->b, full);
    /* above the source line: charts over time reserve a row for their x2 tics */
    /* a long title in a smaller font rather than cut at the edges: about
       60 characters fit at 13 points across 800 pixels */
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)full; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    double room = 60.0 * c->width / 800.0;
    int pt = chars <= room ? 13 : chars <= room * 13 / 11 ? 11 : 9;
    plot_buf_printf(&c->b, " offset char 0, char %s font ',%d' noenhanced\n",
                    c->x2tics ? "0.3" : "1.8", pt);
    /* read back by trade_plot_render for the <title> of an SVG */
    plot_buf_puts(&c->b, "svg_title = ");
    plot_buf_quote(&c->b, full);
    plot_buf_puts(&c->b, "\n");
    put_source(c);
}

/* "Source: NAME, lines 12, 14; OTHER, Table 2" from the drawn rows' source
 * and locator columns, between the title and the top left of the graph. */
/* Where "line N" (N digits to the end) starts in a locator, or NULL. */
static const char *loc_line(const char *loc)
{
    const char *p = NULL;
    for (const char *q = loc; (q = strstr(q, "line ")); q++)
        p = q;
    if (!p || (p != loc && p[-1] != ' ') || !p[5])
        return NULL;
    for (const char *d = p + 5; *d; d++)
        if (*d < '0' || *d > '9')
            return NULL;
    return p;
}

static void put_source(plot_ctx *c)
{
    const trade_table *t = c->t;
    size_t n = trade_table_rows(t);
    long cs = trade_table_col_index(t, "source"), cl = trade_table_col_index(t, "locator");
    enum { MAXSRC = 8, MAXLOC = 12 };
    const char *src[MAXSRC], *loc[MAXSRC][MAXLOC];
    size_t nloc[MAXSRC] = {0}, ns = 0, more = 0;
    for (size_t r = 0; r < n; r++) {
        if (c->used[r] != TRADE_PLOT_ROW_DRAWN)
            continue;
        const trade_obs *o = trade_table_obs(t, r);
        const char *sv = o ? o->source : cs < 0 ? "" : trade_table_cell(t, r, (size_t)cs);
        const char *lv = o ? o->locator : cl < 0 ? "" : trade_table_cell(t, r, (size_t)cl);
        if (!*sv)
            continue;
        size_t i = 0;
        while (i < ns && strcmp(src[i], sv))
            i++;
        if (i == ns) {
            if (ns == MAXSRC) {
                more++;
                continue;
            }
            src[ns++] = sv;
        }
        size_t k = 0;
        while (k < nloc[i] && strcmp(loc[i][k], lv))
            k++;
        if (*lv && k == nloc[i] && nloc[i] < MAXLOC)
            loc[i][nloc[i]++] = lv;
    }
    if (!ns)
        return;
    char line[1024];
    size_t len = 0;
    fmt_to(line, sizeof line, "Source: ");
    len = strlen(line);
    for (size_t i = 0; i < ns && len + 1 < sizeof line; i++) {
        fmt_to(line + len, sizeof line - len, "%s%s", i ? "; " : "", src[i]);
        len = strlen(line);
        /* "Table 2, line 73" .. "Table 2, line 77" read as "Table 2, lines 73-77":
           locators grouped by the text before their last "line N" */
        unsigned char done[MAXLOC] = {0};
        for (size_t k = 0; k < nloc[i] && len + 1 < sizeof line; k++) {
            if (done[k])
                continue;
            const char *lp = loc_line(loc[i][k]);
            if (!lp) {
                fmt_to(line + len, sizeof line - len, ", %s", loc[i][k]);
                len = strlen(line);
                continue;
            }
            size_t plen = (size_t)(lp - loc[i][k]);
            long nums[MAXLOC];
            size_t nn = 0;
            for (size_t m = k; m < nloc[i]; m++) {
                const char *mp = loc_line(loc[i][m]);
                if (!done[m] && mp && (size_t)(mp - loc[i][m]) == plen &&
                    !strncmp(loc[i][m], loc[i][k], plen)) {
                    nums[nn++] = strtol(mp + 5, NULL, 10);
                    done[m] = 1;
                }
            }
            for (size_t x = 1; x < nn; x++) /* insertion sort: a dozen at most */
                for (size_t y = x; y > 0 && nums[y] < nums[y - 1]; y--) {
                    long tmp = nums[y];
                    nums[y] = nums[y - 1];
                    nums[y - 1] = tmp;
                }
            fmt_to(line + len, sizeof line - len, ", %.*s%s", (int)plen, loc[i][k],
                   nn > 1 ? "lines " : "line ");
            len = strlen(line);
            for (size_t x = 0; x < nn && len + 1 < sizeof line; x++) {
                size_t y = x;
                while (y + 1 < nn && nums[y + 1] == nums[y] + 1)
                    y++;
                if (y >= x + 2)
                    fmt_to(line + len, sizeof line - len, "%s%ld\xe2\x80\x93%ld", x ? ", " : "",
                           nums[x], nums[y]);
                else
                    fmt_to(line + len, sizeof line - len, "%s%ld", x ? ", " : "", nums[x]);
                len = strlen(line);
                if (y >= x + 2)
                    x = y;
            }
        }
    }
    if (more && len + 1 < sizeof line)
        fmt_to(line + len, sizeof line - len, "; and %zu more", more);
    clip_utf8(line, 200);
    plot_buf_puts(&c->b, "set label 9999 ");
    plot_buf_quote(&c->b, line);
    plot_buf_puts(&c->b, " at graph 0, graph 1 offset char 0, char 1.4 left font ',8' "
                         "tc rgb '#555555' noenhanced\n");
}

static void put_ylabel(plot_ctx *c, const char *label)
{
    plot_buf_puts(&c->b, "set ylabel ");
    plot_buf_quote(&c->b, label);
    plot_buf_puts(&c->b, " noenhanced\n");
}

static void put_key_notes(plot_ctx *c, int open, int dashed, int lower, int upper, int partial)
{
    plot_buf *b = &c->b;
    if (open)
        plot_buf_puts(b, ", \\\n     keyentry with points pt 6 ps 1.3 lc rgb '#555555' title "
                         "'open: estimate, projection or derived'");
    if (dashed)
        plot_buf_puts(b, ", \\\n     keyentry with lines dt 2 lw 2 lc rgb '#555555' title "
                         "'dashed: towards a projection or a partial period'");
    if (lower)
        plot_buf_puts(b, ", \\\n     keyentry with points pt 9 ps 1.3 lc rgb '#555555' title "
                         "'lower bound (more than), with an arrow'");
    if (upper)
        plot_buf_puts(b, ", \\\n     keyentry with points pt 11 ps 1.3 lc rgb '#555555' title "
                         "'upper bound (up to), with an arrow'");
    if (partial)
        plot_buf_puts(b, ", \\\n     keyentry with points pt 4 ps 1.3 lc rgb '#555555' title "
                         "'square: partial period (months named)'");
}

/* The point type of a statement: filled circle, open circle, triangles for
 * bounds, a square for a partial period. */
static int point_type(const trade_obs *o, int partial)
{
    if (!strcmp(o->qualifier, "lower_bound"))
        return 9;
    if (!strcmp(o->qualifier, "upper_bound"))
        return 11;
    if (partial)
        return qual_open(o->qualifier) ? 4 : 5;
    return qual_open(o->qualifier) ? 6 : 7;
}

/* A rank axis from hi (bottom) to 0 (top), ticked at 1 and round steps. */
static void rank_axis(plot_buf *b, double hi)
{
    double step = nice_step(hi / 5);
    if (step < 1)
        step = 1; /* ranks are whole numbers: no tick at 0.5 */
    plot_buf_printf(b,
                    "# rank 1 on top: the y axis runs downwards\nset yrange [%g:0]\n"
                    "set ytics %g, %g\nset ytics add ('1' 1)\n",
                    hi, step, step);
}

/* ---- line and rank over time ---- */

typedef struct series_pts {
    size_t *rows; /* deduplicated, period order */
    size_t n;
    int span, dash, solid; /* has periods longer than a year; dashed; solid segments */
    int joined;            /* at least two points are joined by a line */
} series_pts;

static void free_series(series_pts *s, size_t n)
{
    if (!s)
        return;
    for (size_t i = 0; i < n; i++)
        free(s[i].rows);
    free(s);
}

/* The series of unit, one row per period. */
static int gather_series(plot_ctx *c, const char *unit, series_pts **out, size_t *nout,
                         trade_error *err)
{
    trade_series_list *sl = NULL;
    int rc = trade_series_group(c->t, &sl, err);
    if (rc)
        return rc;
    size_t ns = trade_series_count(sl), k = 0;
    series_pts *s = calloc(ns ? ns : 1, sizeof *s);
    if (!s) {
        trade_series_list_free(sl);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < ns; i++) {
        size_t n;
        const size_t *rows = trade_series_rows(sl, i, &n);
        if (!n || strcmp(trade_table_obs(c->t, rows[0])->unit, unit))
            continue;
        size_t nsel = 0;
        for (size_t j = 0; j < n; j++)
            nsel += SELECTED(c->sel, rows[j]) != 0;
        if (!nsel)
            continue;
        s[k].rows = malloc(n * sizeof *s[k].rows);
        if (!s[k].rows) {
            free_series(s, k);
            trade_series_list_free(sl);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        }
        size_t m = 0;
        for (size_t j = 0; j < n; j++) {
            const trade_obs *o = trade_table_obs(c->t, rows[j]);
            if (!SELECTED(c->sel, rows[j]) || o->period.start_unit == TRADE_PERIOD_NONE)
                continue; /* a draft row without a period has no place on the axis */
            if (m && same_period(&trade_table_obs(c->t, s[k].rows[m - 1])->period, &o->period)) {
                if (trade_series_prefer(c->t, rows[j], s[k].rows[m - 1])) {
                    c->used[s[k].rows[m - 1]] = TRADE_PLOT_ROW_SAME_PERIOD;
                    s[k].rows[m - 1] = rows[j];
                } else {
                    c->used[rows[j]] = TRADE_PLOT_ROW_SAME_PERIOD;
                }
                continue;
            }
            s[k].rows[m++] = rows[j];
        }
        if (!m) {
            free(s[k].rows);
            s[k].rows = NULL;
            continue;
        }
        s[k].n = m;
        for (size_t j = 0; j < m; j++)
            c->used[s[k].rows[j]] = 1;
        k++;
    }
    trade_series_list_free(sl);
    /* a stock (fdi_stock, investment_stock) and flows on one axis compare
       things of different kinds: draw the kind with more series (flows on a
       tie), leave the others out with their reason */
    size_t nstock = 0;
    for (size_t i = 0; i < k; i++)
        nstock += flow_is_stock(trade_table_obs(c->t, s[i].rows[0])->flow);
    if (unit_is_level(unit) && nstock && nstock < k) { /* ranks and rates may share */
        int keep_stock = nstock > k - nstock;
        size_t w = 0;
        for (size_t i = 0; i < k; i++) {
            if (flow_is_stock(trade_table_obs(c->t, s[i].rows[0])->flow) == keep_stock) {
                s[w++] = s[i];
                continue;
            }
            for (size_t j = 0; j < s[i].n; j++)
                c->used[s[i].rows[j]] = TRADE_PLOT_ROW_OTHER_KIND;
            free(s[i].rows);
        }
        k = w;
    }
    *out = s;
    *nout = k;
    return TRADE_OK;
}

/* 1 if point j of series i is the highest of its period among the series
 * (the first on ties): a period's label is written once, above the rest. */
static int top_of_period(const trade_table *t, const series_pts *s, size_t ns, size_t i, size_t j)
{
    const trade_obs *o = trade_table_obs(t, s[i].rows[j]);
    for (size_t a = 0; a < ns; a++)
        for (size_t k = 0; k < s[a].n; k++) {
            const trade_obs *q = trade_table_obs(t, s[a].rows[k]);
            if (a == i || !same_period(&q->period, &o->period))
                continue;
            if (q->value > o->value || (q->value == o->value && a < i))
                return 0;
        }
    return 1;
}

/* How far (years) to move point j of series i so that it does not cover a
 * point of an earlier series at the same period and nearly the same value
 * (within 4 % of the largest: a marker's height): each such neighbour moves
 * it 2.5 % of the axis to the right, the first stays. */
static double point_shift(const plot_ctx *c, const series_pts *s, size_t ns, size_t i, size_t j,
                          double xspan)
{
    const trade_obs *o = trade_table_obs(c->t, s[i].rows[j]);
    double maxabs = 0;
    for (size_t a = 0; a < ns; a++)
        for (size_t k = 0; k < s[a].n; k++) {
            double v = fabs(trade_table_obs(c->t, s[a].rows[k])->value);
            if (v > maxabs)
                maxabs = v;
        }
    int before = 0;
    for (size_t a = 0; a < i; a++)
        for (size_t k = 0; k < s[a].n; k++) {
            const trade_obs *q = trade_table_obs(c->t, s[a].rows[k]);
            if (same_period(&q->period, &o->period) && fabs(q->value - o->value) <= 0.04 * maxabs)
                before++;
        }
    return before * 0.025 * (xspan > 0 ? xspan : 1);
}

static int plot_time(plot_ctx *c, int rank, trade_error *err)
{
    plot_buf *b = &c->b;
    const char *unit = choose_unit(c->t, c->sel, rank ? "rank" : NULL, err);
    if (!unit)
        return TRADE_EDATA;
    c->unit = unit;
    series_pts *s = NULL;
    size_t ns = 0;
    int rc = gather_series(c, unit, &s, &ns, err);
    if (rc)
        return rc;
    if (!ns) {
        free_series(s, ns);
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "nothing to plot: no periods");
    }
    double maxabs = 0, ymin = INFINITY, ymax = -INFINITY, x0 = INFINITY, x1 = -INFINITY;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < s[i].n; j++) {
            const trade_obs *o = trade_table_obs(c->t, s[i].rows[j]);
            if (fabs(o->value) > maxabs)
                maxabs = fabs(o->value);
            double xs = trade_period_start_years(&o->period);
            double xe = xs + trade_period_months(&o->period) / 12.0;
            if (xs < x0)
                x0 = xs;
            if (xe > x1)
                x1 = xe;
        }
    double div;
    char ylabel[128], title[512], name[512];
    unit_scale(unit, maxabs, &div, ylabel, sizeof ylabel);
    auto_title(c->t, c->used, title, sizeof title);
    char what[640];
    fmt_to(what, sizeof what, "%s over time: %s", rank ? "Rank" : "Series", title);
    preamble(c, what);
    size_t other = count_other_units(c->t, c->sel, unit), kind = 0;
    if (other)
        plot_buf_printf(b, "# %zu rows in units other than %s are not drawn.\n", other, unit);
    for (size_t r = 0; r < trade_table_rows(c->t); r++)
        kind += c->used[r] == TRADE_PLOT_ROW_OTHER_KIND;
    if (kind)
        plot_buf_printf(b, "# %zu rows are not drawn: stocks and flows do not share an axis.\n",
                        kind);
    plot_buf_puts(b, "\n# ---- data: one block per series ----\n"
                     "# columns: x (middle of the period, decimal years), value");
    if (!rank)
        plot_buf_printf(b, " (%s)", ylabel);
    plot_buf_puts(
        b, ",\n#   solid-line value, dashed-line value (NaN: not on that line), point "
           "type,\n#   start and end (years) of periods longer than a year, period, qualifier\n");
    int any_open = 0, any_dash = 0, any_lower = 0, any_upper = 0, any_partial = 0, any_span = 0,
        any_approx = 0;
    for (size_t i = 0; i < ns; i++) {
        series_name(c->t, s[i].rows, s[i].n, name, sizeof name);
        plot_buf_puts(b, "# ");
        plot_buf_comment(b, name);
        plot_buf_printf(b, " (%s)\n$s%zu << EOD\n", unit, i + 1);
        for (size_t j = 0; j < s[i].n; j++) {
            const trade_obs *o = trade_table_obs(c->t, s[i].rows[j]);
            int partial = period_partial(&o->period) && trade_period_months(&o->period) < 12;
            int dashed = qual_dashed(o->qualifier) || partial;
            int next_dashed = 0, next_span = 0, brk = 1;
            if (j + 1 < s[i].n) {
                const trade_obs *q = trade_table_obs(c->t, s[i].rows[j + 1]);
                next_span = trade_period_months(&q->period) > 12;
                next_dashed = qual_dashed(q->qualifier) ||
                              (period_partial(&q->period) && trade_period_months(&q->period) < 12);
                /* a line joins only the next period of the same length: not
                   across a missing year, not from a year to ten months */
                brk = q->period.first_month != o->period.last_month + 1 ||
                      trade_period_months(&q->period) != trade_period_months(&o->period);
                if (brk)
                    next_dashed = 0;
            }
            double y = o->value / div;
            double xs = trade_period_start_years(&o->period);
            double xe = xs + trade_period_months(&o->period) / 12.0;
            /* a total over several years is not joined to yearly figures:
               a bar spans its years */
            int span = trade_period_months(&o->period) > 12;
            if (!span)
                xs = xe = NAN;
            if (next_span)
                next_dashed = 0;
            s[i].span |= span;
            s[i].dash |= !span && (dashed || next_dashed);
            s[i].solid |= !span && !dashed;
            char per[TRADE_PERIOD_BUFSIZE], q[32];
            trade_period_format(&o->period, per, sizeof per);
            code_text(o->qualifier, q, sizeof q);
            put_num(b, trade_period_mid_years(&o->period) + point_shift(c, s, ns, i, j, x1 - x0));
            plot_buf_puts(b, " ");
            put_num(b, y);
            plot_buf_puts(b, " ");
            put_num(b, dashed || span ? NAN : y);
            plot_buf_puts(b, " ");
            put_num(b, !span && (dashed || next_dashed) ? y : NAN);
            plot_buf_printf(b, " %d ",
                            span ? (qual_open(o->qualifier) ? 12 : 13) : point_type(o, partial));
            put_num(b, xs);
            plot_buf_puts(b, " ");
            put_num(b, xe);
            plot_buf_printf(b, " \"%s\" \"%s\"\n", per, *q ? q : "exact");
            if (brk && j + 1 < s[i].n)
                plot_buf_puts(b, "\n"); /* a blank line ends the line there */
            s[i].joined |= !brk && !span && !next_span;
            any_open |= qual_open(o->qualifier);
            /* a dashed segment is drawn only to a joined next point */
            any_dash |= !span && !brk && !next_span && (dashed || next_dashed);
            any_lower |= !strcmp(o->qualifier, "lower_bound");
            any_upper |= !strcmp(o->qualifier, "upper_bound");
            any_partial |= partial;
            any_span |= span;
        }
        plot_buf_puts(b, "EOD\n");
    }
    plot_buf_puts(b, "\n# ---- axes ----\n");
    c->x2tics = 1;
    put_title(c, title);
    put_ylabel(c, rank ? "rank (1 = first)" : ylabel);
    int y0 = (int)floor(x0 + 1e-9), y1 = (int)ceil(x1 - 1e-9);
    if (y1 <= y0)
        y1 = y0 + 1;
    plot_buf_printf(b, "set xrange [%d:%d]\n", y0, y1);
    /* a tick under the middle of each year, labelled with the year */
    int step = (y1 - y0 + 11) / 12;
    plot_buf_puts(b, "set xtics (");
    for (int y = y0, first = 1; y < y1; y += step, first = 0)
        plot_buf_printf(b, "%s'%d' %d.5", first ? "" : ", ", y, y);
    plot_buf_puts(b, ") scale 0\nset mxtics 1\n");
    plot_buf_puts(b, "set x2tics (");
    for (int y = y0; y <= y1; y++)
        plot_buf_printf(b, "%s'' %d", y == y0 ? "" : ", ", y);
    plot_buf_puts(b, ") scale 0\nset grid x2tics lc rgb '#eeeeee'\n");
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < s[i].n; j++) {
            const trade_obs *o = trade_table_obs(c->t, s[i].rows[j]);
            double v = o->value / (rank ? 1 : div);
            if (v < ymin)
                ymin = v;
            if (v > ymax)
                ymax = v;
        }
    double lin_lo = NAN, lin_hi = NAN; /* the y range of a linear axis */
    if (rank) {
        double hi = floor(ymax) + floor(ymax / 10) + 1; /* room below the last rank */
        rank_axis(b, hi);
    } else if (c->opt->log_y) {
        plot_buf_puts(b, "set logscale y\n");
        plot_buf_printf(b, "set yrange [%.6g:%.6g]\n", ymin / 2, ymax * 2);
    } else {
        lin_lo = ymin < 0 ? ymin * 1.15 : 0;
        lin_hi = ymax > 0 ? ymax * 1.15 : 1;
        plot_buf_printf(b, "set yrange [%.6g:%.6g]\n", lin_lo, lin_hi);
    }
    /* bounds get an arrow pointing where the true value lies, partial
     * periods a label naming their months */
    size_t arrow = 0;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < s[i].n; j++) {
            const trade_obs *o = trade_table_obs(c->t, s[i].rows[j]);
            int lower = !strcmp(o->qualifier, "lower_bound"),
                upper = !strcmp(o->qualifier, "upper_bound");
            double y = o->value / (rank ? 1 : div),
                   x = trade_period_mid_years(&o->period) + point_shift(c, s, ns, i, j, x1 - x0);
            if (!strcmp(o->qualifier, "approx")) {
                any_approx = 1;
                plot_buf_printf(b,
                                "set label '\xe2\x89\x88' at first %.10g, first %.10g offset "
                                "char -1.3, char 0.7 font ',12' tc rgb '%s'\n",
                                x, y, palette[i % NPALETTE]);
            }
            if (upper && !rank && y - 0.1 * (lin_hi - lin_lo) < lin_lo) {
                /* no room below for an arrow: say it in words */
                plot_buf_printf(b,
                                "set label 'up to' at first %.10g, first %.10g offset char 1.2, "
                                "char 0 font ',9' tc rgb '%s'\n",
                                x, y, palette[i % NPALETTE]);
            } else if (lower || upper) {
                int up = lower != rank; /* on a reversed axis "more" is down */
                plot_buf_printf(b,
                                "set arrow %zu from first %.10g, first %.10g rto graph 0, graph "
                                "%s0.09 lc rgb '%s' lw 1.5 head filled size graph 0.012,25\n",
                                ++arrow, x, y, up ? "" : "-", palette[i % NPALETTE]);
            }
            if ((period_partial(&o->period) || trade_period_months(&o->period) > 12) &&
                top_of_period(c->t, s, ns, i, j)) {
                char h[64];
                period_human(&o->period, h, sizeof h);
                if (trade_period_months(&o->period) > 12) {
                    size_t l = strlen(h);
                    fmt_to(h + l, sizeof h - l, " total");
                }
                /* near the right edge the label goes to the left of its point */
                int right = x > x1 - 0.18 * (x1 - x0);
                plot_buf_puts(b, "set label ");
                plot_buf_quote(b, h);
                plot_buf_printf(b,
                                " at first %.10g, first %.10g %s offset char %s, char %s font "
                                "',9' tc rgb '%s' noenhanced\n",
                                x, y, right ? "right" : "left", right ? "1.0" : "1.2",
                                right ? "1.6" : "0.9",
                                ns > 1 ? "#444444" : palette[i % NPALETTE]);
            }
        }
    /* one reporter and one flow: the title says them, the legend names partners */
    int partner_only = ns > 1;
    for (size_t i = 1; i < ns && partner_only; i++) {
        const trade_obs *a = trade_table_obs(c->t, s[0].rows[0]);
        const trade_obs *o = trade_table_obs(c->t, s[i].rows[0]);
        partner_only = !strcmp(a->reporter, o->reporter) && !strcmp(a->flow, o->flow) &&
                       strcmp(o->reporter, o->partner);
    }
    if (partner_only && !strcmp(trade_table_obs(c->t, s[0].rows[0])->reporter,
                                trade_table_obs(c->t, s[0].rows[0])->partner))
        partner_only = 0;
    plot_buf_puts(b, "\n# ---- plot: lines (dashed towards projections and partial periods), "
                     "period spans, points ----\nplot ");
    for (size_t i = 0; i < ns; i++) {
        const char *col = palette[i % NPALETTE];
        series_name(c->t, s[i].rows, s[i].n, name, sizeof name);
        if (partner_only && !common_label(c->t, s[i].rows, s[i].n)) {
            const trade_obs *o = trade_table_obs(c->t, s[i].rows[0]);
            char pw[128];
            code_words(o->product, pw, sizeof pw);
            /* a figure without a product beside its parts is their total */
            for (size_t a = 0; a < ns && !*o->product; a++) {
                const trade_obs *q = trade_table_obs(c->t, s[a].rows[0]);
                if (*q->product && !strcmp(q->partner, o->partner) && !strcmp(q->flow, o->flow))
                    fmt_to(pw, sizeof pw, "total");
            }
            fmt_to(name, sizeof name, "%s%s%s%s", trade_country_name(o->partner),
                   *pw ? " (" : "", pw, *pw ? ")" : "");
        }
        plot_buf_puts(b, i ? ", \\\n     " : "");
        if (s[i].solid)
            plot_buf_printf(b, "$s%zu using 1:3 with lines lw 2.5 lc rgb '%s' notitle, \\\n     ",
                            i + 1, col);
        if (s[i].dash)
            plot_buf_printf(b,
                            "$s%zu using 1:4 with lines lw 2 dt 2 lc rgb '%s' notitle, \\\n     ",
                            i + 1, col);
        if (s[i].span)
            plot_buf_printf(b,
                            "$s%zu using 1:2:6:7 with xerrorbars pt -1 lw 1 lc rgb '%s' "
                            "notitle, \\\n     ",
                            i + 1, col);
        plot_buf_printf(b,
                        "$s%zu using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '%s' "
                        "notitle, \\\n"
                        "     keyentry with %s pt 7 ps 1.3 lw 2.5 lc rgb '%s' title ",
                        i + 1, col, s[i].joined ? "linespoints" : "points", col);
        plot_buf_quote(b, name);
    }
    put_key_notes(c, any_open, any_dash, any_lower, any_upper, any_partial);
    if (any_span)
        plot_buf_puts(b, ", \\\n     keyentry with points pt 13 ps 1.3 lc rgb '#555555' title "
                         "'diamond and bar: total over the years it spans'");
    if (any_approx)
        plot_buf_puts(b, ", \\\n     keyentry with points pt -1 title '\xe2\x89\x88 approximate "
                         "(about, nearly)'");
    plot_buf_puts(b, "\n");
    free_series(s, ns);
    return TRADE_OK;
}

/* ---- grouped bars (and dot plots of ranks) for one period ---- */

typedef struct cell {
    long row; /* -1: none */
} cell;

static int plot_bars(plot_ctx *c, int rank, trade_error *err)
{
    plot_buf *b = &c->b;
    const trade_table *t = c->t;
    const char *unit = choose_unit(t, c->sel, rank ? "rank" : NULL, err);
    if (!unit)
        return TRADE_EDATA;
    c->unit = unit;
    size_t n = trade_table_rows(t);
    /* the period with the most rows in unit */
    long best = -1;
    size_t best_count = 0;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!SELECTED(c->sel, r) || !o || strcmp(o->unit, unit) ||
            o->period.start_unit == TRADE_PERIOD_NONE)
            continue;
        size_t k = 0;
        for (size_t s = 0; s < n; s++) {
            const trade_obs *q = trade_table_obs(t, s);
            if (SELECTED(c->sel, s) && q && !strcmp(q->unit, unit) &&
                same_period(&q->period, &o->period))
                k++;
        }
        if (k > best_count) {
            best_count = k;
            best = (long)r;
        }
    }
    if (best < 0)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 0, "nothing to plot");
    trade_period per = trade_table_obs(t, (size_t)best)->period;
    /* categories: partners, or reporters when there is one partner */
    name_set rep = {0}, par = {0};
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (SELECTED(c->sel, r) && o && !strcmp(o->unit, unit) && same_period(&o->period, &per)) {
            name_add(&rep, o->reporter);
            name_add(&par, o->partner);
        }
    }
    int by_reporter = par.n == 1 && rep.n > 1;
    size_t *rows = malloc(n * sizeof *rows);
    size_t *cat = malloc(n * sizeof *cat), *grp = malloc(n * sizeof *grp);
    const char **cats = malloc(n * sizeof *cats);
    size_t *grp_first = malloc(n * sizeof *grp_first);
    if (!rows || !cat || !grp || !cats || !grp_first) {
        free(rows), free(cat), free(grp), free(cats), free(grp_first);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t nr = 0, nc = 0, ng = 0;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!SELECTED(c->sel, r) || !o || strcmp(o->unit, unit) || !same_period(&o->period, &per))
            continue;
        const char *cv = by_reporter ? o->reporter : o->partner;
        size_t ci = 0, gi = 0;
        while (ci < nc && strcmp(cats[ci], cv))
            ci++;
        if (ci == nc)
            cats[nc++] = cv;
        /* group: the row's series less its category */
        for (; gi < ng; gi++) {
            const trade_obs *g = trade_table_obs(t, grp_first[gi]);
            if (!strcmp(g->flow, o->flow) && !strcmp(g->product, o->product) &&
                !strcmp(by_reporter ? g->partner : g->reporter,
                        by_reporter ? o->partner : o->reporter))
                break;
        }
        if (gi == ng)
            grp_first[ng++] = r;
        /* one row per cell: the better statement */
        size_t k = 0;
        while (k < nr && !(cat[k] == ci && grp[k] == gi))
            k++;
        if (k < nr) {
            if (trade_series_prefer(t, r, rows[k])) {
                c->used[rows[k]] = TRADE_PLOT_ROW_SAME_PERIOD;
                rows[k] = r;
            } else {
                c->used[r] = TRADE_PLOT_ROW_SAME_PERIOD;
            }
            continue;
        }
        rows[nr] = r;
        cat[nr] = ci;
        grp[nr] = gi;
        nr++;
    }
    /* groups in reading order of their flows (exports, imports, ...) */
    {
        size_t *perm = malloc((ng ? ng : 1) * sizeof *perm),
               *inv = malloc((ng ? ng : 1) * sizeof *inv);
        if (!perm || !inv) {
            free(perm), free(inv);
            free(rows), free(cat), free(grp), free(cats), free(grp_first);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        }
        for (size_t i = 0; i < ng; i++)
            perm[i] = i;
        for (size_t i = 1; i < ng; i++)
            for (size_t j = i;
                 j > 0 && flow_order(trade_table_obs(t, grp_first[perm[j]])->flow) <
                              flow_order(trade_table_obs(t, grp_first[perm[j - 1]])->flow);
                 j--) {
                size_t tmp = perm[j];
                perm[j] = perm[j - 1];
                perm[j - 1] = tmp;
            }
        for (size_t i = 0; i < ng; i++)
            inv[perm[i]] = i;
        size_t *gf = malloc((ng ? ng : 1) * sizeof *gf);
        if (!gf) {
            free(perm), free(inv);
            free(rows), free(cat), free(grp), free(cats), free(grp_first);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        }
        for (size_t i = 0; i < ng; i++)
            gf[i] = grp_first[perm[i]];
        memcpy(grp_first, gf, ng * sizeof *gf);
        for (size_t k = 0; k < nr; k++)
            grp[k] = inv[grp[k]];
        free(gf), free(perm), free(inv);
    }
    size_t ncell = nc * ng;
    long *m = ncell / (ng ? ng : 1) == nc ? malloc((ncell ? ncell : 1) * sizeof *m) : NULL;
    size_t *order = malloc((nc ? nc : 1) * sizeof *order);
    if (!m || !order) {
        free(rows), free(cat), free(grp), free(cats), free(grp_first), free(m), free(order);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < ncell; i++)
        m[i] = -1;
    double maxabs = 0, vmin = INFINITY, vmax = -INFINITY;
    for (size_t k = 0; k < nr; k++) {
        m[cat[k] * ng + grp[k]] = (long)rows[k];
        c->used[rows[k]] = 1;
        double v = trade_table_obs(t, rows[k])->value;
        if (fabs(v) > maxabs)
            maxabs = fabs(v);
    }
    /* categories by the first group's value, largest first (ranks: best first) */
    for (size_t i = 0; i < nc; i++)
        order[i] = i;
    for (size_t i = 1; i < nc; i++)
        for (size_t j = i; j > 0; j--) {
            long a = m[order[j - 1] * ng], bb = m[order[j] * ng];
            double va = a < 0 ? -INFINITY : trade_table_obs(t, (size_t)a)->value;
            double vb = bb < 0 ? -INFINITY : trade_table_obs(t, (size_t)bb)->value;
            if (rank) {
                va = a < 0 ? -INFINITY : -va; /* smaller rank first */
                vb = bb < 0 ? -INFINITY : -vb;
            }
            if (!(vb > va))
                break;
            size_t tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    double div;
    char ylabel[128], title[512], name[512], ph[64];
    unit_scale(unit, maxabs, &div, ylabel, sizeof ylabel);
    if (rank)
        div = 1;
    period_human(&per, ph, sizeof ph);
    auto_title(t, c->used, title, sizeof title);
    size_t tl = strlen(title);
    fmt_to(title + tl, sizeof title - tl, ", %s", ph);
    char what[640];
    fmt_to(what, sizeof what, "%s for one period: %s", rank ? "Ranks" : "Grouped bars", title);
    preamble(c, what);
    size_t other = count_other_units(t, c->sel, unit);
    if (other)
        plot_buf_printf(b, "# %zu rows in units other than %s are not drawn.\n", other, unit);
    size_t left = 0;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (SELECTED(c->sel, r) && o && !strcmp(o->unit, unit) && !c->used[r] &&
            !same_period(&o->period, &per))
            left++;
    }
    if (left)
        plot_buf_printf(b, "# %zu rows of other periods are not drawn (one period per chart).\n",
                        left);
    double width = 0.8 / (double)(ng ? ng : 1);
    int any_open = 0, any_lower = 0, any_upper = 0;
    unsigned char *gopen = calloc(ng ? ng : 1, 1);
    if (!gopen) {
        free(rows), free(cat), free(grp), free(cats), free(grp_first), free(m), free(order);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    plot_buf_printf(
        b,
        "\n# ---- data: one block per group; categories 0..%zu are named by the "
        "x tics ----\n# columns: category position, bar centre, value%s%s%s, "
        "value if drawn solid, value if hatched (estimate, projection, derived),\n#   value "
        "label (NaN for bounds, labelled at their arrow), label text\n",
        nc ? nc - 1 : 0, rank ? "" : " (", rank ? "" : ylabel, rank ? "" : ")");
    for (size_t g = 0; g < ng; g++) {
        const trade_obs *go = trade_table_obs(t, grp_first[g]);
        plot_buf_puts(b, "# ");
        const char *gname = flow_name(go->flow);
        plot_buf_comment(b, gname);
        plot_buf_printf(b, "\n$g%zu << EOD\n", g + 1);
        for (size_t i = 0; i < nc; i++) {
            long r = m[order[i] * ng + g];
            double x = (double)i - 0.4 + width * ((double)g + 0.5);
            if (r < 0) {
                plot_buf_printf(b, "%zu %.6g NaN NaN NaN NaN \"\"\n", i, x);
                continue;
            }
            const trade_obs *o = trade_table_obs(t, (size_t)r);
            double v = o->value / div;
            int open = qual_open(o->qualifier) && !rank;
            int bound =
                !strcmp(o->qualifier, "lower_bound") || !strcmp(o->qualifier, "upper_bound");
            any_open |= open;
            gopen[g] |= open ? 1 : 4; /* hatched, solid */
            if (!bound)
                gopen[g] |= 2;
            any_lower |= !strcmp(o->qualifier, "lower_bound");
            any_upper |= !strcmp(o->qualifier, "upper_bound");
            if (v < vmin)
                vmin = v;
            if (v > vmax)
                vmax = v;
            plot_buf_printf(b, "%zu %.6g ", i, x);
            put_num(b, v);
            plot_buf_puts(b, " ");
            put_num(b, open ? NAN : v);
            plot_buf_puts(b, " ");
            put_num(b, open ? v : NAN);
            plot_buf_puts(b, " ");
            put_num(b, bound ? NAN : v);
            char lab[80];
            if (rank)
                fmt_to(lab, sizeof lab, "%.0f", v);
            else
                label_num(v, lab, sizeof lab);
            /* only digits, sign, '.', ',' and the approx sign: no quote can end it */
            plot_buf_printf(b, " \"%s%s\"\n", !strcmp(o->qualifier, "approx") ? "\xe2\x89\x88" : "",
                            lab);
        }
        plot_buf_puts(b, "EOD\n");
    }
    plot_buf_puts(b, "\n# ---- axes ----\n");
    put_title(c, title);
    put_ylabel(c, ylabel);
    plot_buf_printf(b, "set xrange [-0.6:%zu.6]\nset xtics (", nc ? nc - 1 : 0);
    for (size_t i = 0; i < nc; i++) {
        const char *code = cats[order[i]];
        plot_buf_puts(b, i ? ", " : "");
        plot_buf_quote(b, trade_country_name(code));
        plot_buf_printf(b, " %zu", i);
    }
    plot_buf_printf(b, ") scale 0%s\n", nc > 6 ? " rotate by -30" : "");
    if (rank) {
        rank_axis(b, ceil(vmax * 1.15) + 1);
    } else if (c->opt->log_y) {
        plot_buf_printf(b, "set logscale y\nset yrange [%.6g:%.6g]\n", vmin / 3, vmax * 3);
    } else {
        plot_buf_printf(b, "set yrange [%.6g:%.6g]\nset xzeroaxis lt -1\n",
                        vmin < 0 ? vmin * 1.2 : 0, vmax > 0 ? vmax * 1.15 : 1);
    }
    plot_buf_printf(b, "set boxwidth %.6g absolute\nset style fill solid 0.9 border -1\n",
                    width * 0.92);
    size_t arrow = 0;
    for (size_t g = 0; g < ng; g++)
        for (size_t i = 0; i < nc; i++) {
            long r = m[order[i] * ng + g];
            if (r < 0)
                continue;
            const trade_obs *o = trade_table_obs(t, (size_t)r);
            int lower = !strcmp(o->qualifier, "lower_bound");
            if (!lower && strcmp(o->qualifier, "upper_bound"))
                continue;
            double x = (double)i - 0.4 + width * ((double)g + 0.5);
            int up = lower != rank;
            plot_buf_printf(b,
                            "set arrow %zu from first %.6g, first %.10g rto graph 0, graph %s0.09 "
                            "lc rgb '#333333' lw 1.5 head filled size graph 0.012,25 front\n",
                            ++arrow, x, o->value / div, up ? "" : "-");
            char num[64], lab[96];
            if (rank)
                fmt_to(num, sizeof num, "%.0f", o->value);
            else
                label_num(o->value / div, num, sizeof num);
            fmt_to(lab, sizeof lab, "%s %s", lower ? "\xe2\x89\xa5" : "\xe2\x89\xa4", num);
            plot_buf_puts(b, "set label ");
            plot_buf_quote(b, lab);
            plot_buf_printf(b,
                            " at first %.6g, first %.10g center offset char 0, char %s font ',9' "
                            "tc rgb '#333333' front\n",
                            x, o->value / div, up ? "3.4" : "-3.4");
        }
    plot_buf_puts(b, "\n# ---- plot: bars (hatched when estimated), values on top ----\nplot ");
    for (size_t g = 0; g < ng; g++) {
        const trade_obs *go = trade_table_obs(t, grp_first[g]);
        const char *col = palette[g % NPALETTE];
        if (rep.n > 1 && !by_reporter)
            fmt_to(name, sizeof name, "%s, %s", trade_country_name(go->reporter),
                   flow_name(go->flow));
        else if (by_reporter && par.n > 1)
            fmt_to(name, sizeof name, "%s, %s", trade_country_name(go->partner),
                   flow_name(go->flow));
        else
            fmt_to(name, sizeof name, "%s", flow_name(go->flow));
        if (*go->product) {
            size_t l = strlen(name);
            char pw[128];
            code_words(go->product, pw, sizeof pw);
            fmt_to(name + l, sizeof name - l, " (%s)", pw);
        }
        if (rank)
            plot_buf_printf(b, "%s$g%zu using 2:3 with points pt 7 ps 2 lc rgb '%s' title ",
                            g ? ", \\\n     " : "", g + 1, col);
        else
            plot_buf_printf(b, "%skeyentry with boxes fs solid 0.9 border -1 lc rgb '%s' title ",
                            g ? ", \\\n     " : "", col);
        plot_buf_quote(b, name);
        if (!rank && (gopen[g] & 4))
            plot_buf_printf(b, ", \\\n     $g%zu using 2:4 with boxes lc rgb '%s' notitle", g + 1,
                            col);
        if (gopen[g] & 1)
            plot_buf_printf(b,
                            ", \\\n     $g%zu using 2:5 with boxes fs pattern 4 border rgb '%s' "
                            "lc rgb '%s' notitle",
                            g + 1, col, col);
        if (gopen[g] & 2)
            plot_buf_printf(b,
                            ", \\\n     $g%zu using 2:6:7 with labels offset "
                            "char 0,char %s font ',9' tc rgb '#333333' notitle",
                            g + 1, rank ? "1.3" : "0.7");
    }
    if (any_open && !rank)
        plot_buf_puts(b, ", \\\n     keyentry with boxes fs pattern 4 border rgb '#555555' lc rgb "
                         "'#555555' title 'hatched: estimate, projection or derived'");
    put_key_notes(c, 0, 0, any_lower, any_upper, 0);
    plot_buf_puts(b, "\n");
    free(rows), free(cat), free(grp), free(cats), free(grp_first), free(m), free(order);
    free(gopen);
    return TRADE_OK;
}

/* ---- growth rates ---- */

static const char *cell_by_name(const trade_table *t, size_t r, const char *col)
{
    long c = trade_table_col_index(t, col);
    return c < 0 ? "" : trade_table_cell(t, r, (size_t)c);
}

/* A round tick step near raw: 1, 2 or 5 times a power of ten. */
static double nice_step(double raw)
{
    if (!(raw > 0))
        return 1;
    double mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static int growth_same_series(const trade_table *t, size_t a, size_t b)
{
    static const char *const cols[] = {"reporter", "partner", "flow", "product", "unit", "label"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (strcmp(cell_by_name(t, a, cols[i]), cell_by_name(t, b, cols[i])))
            return 0;
    return 1;
}

static int plot_growth(plot_ctx *c, trade_error *err)
{
    plot_buf *b = &c->b;
    const trade_table *t = c->t;
    size_t n = trade_table_rows(t);
    int from_growth = trade_table_col_index(t, "growth_pct") >= 0;
    double *v = malloc((n ? n : 1) * sizeof *v);
    size_t *rows = malloc((n ? n : 1) * sizeof *rows);
    if (!v || !rows) {
        free(v), free(rows);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t k = 0, skipped = 0;
    name_set series = {0};
    char key[64][256];
    for (size_t r = 0; r < n; r++) {
        const char *cellv;
        if (!SELECTED(c->sel, r))
            continue;
        if (from_growth) {
            cellv = cell_by_name(t, r, "growth_pct");
        } else {
            if (strcmp(cell_by_name(t, r, "unit"), "percent_change"))
                continue;
            cellv = cell_by_name(t, r, "value");
        }
        if (!*cellv || trade_number_parse(cellv, strlen(cellv), &v[k])) {
            skipped++;
            continue;
        }
        rows[k++] = r;
        c->used[r] = 1;
        if (series.n < 64) {
            fmt_to(key[series.n], sizeof key[0], "%s\x1f%s\x1f%s\x1f%s",
                   cell_by_name(t, r, "reporter"), cell_by_name(t, r, "partner"),
                   cell_by_name(t, r, "flow"), cell_by_name(t, r, "product"));
            name_add(&series, key[series.n]);
        }
    }
    if (!k) {
        free(v), free(rows);
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 0,
                               "nothing to plot: no growth_pct values (trade growth output) and "
                               "no percent_change rows");
    }
    int several = series.n > 1;
    char title[512], name[512];
    const char *rep = cell_by_name(t, rows[0], "reporter"),
               *par = cell_by_name(t, rows[0], "partner");
    if (several)
        fmt_to(title, sizeof title, "Growth rates of %zu series", series.n);
    else
        fmt_to(title, sizeof title, "%s \xe2\x86\x92 %s, %s: growth", trade_country_name(rep),
               trade_country_name(par), flow_name(cell_by_name(t, rows[0], "flow")));
    char what[640];
    fmt_to(what, sizeof what, "Growth rates: %s", title);
    preamble(c, what);
    if (skipped)
        plot_buf_printf(b, "# %zu rows without a growth rate (see their status) are not drawn.\n",
                        skipped);
    double vmin = 0, vmax = 0;
    int pos = 0, neg = 0;
    plot_buf_printf(b,
                    "\n# ---- data: one bar per rate, in the order of the input ----\n"
                    "# columns: bar position (%s), growth (%%), growth if >= 0, growth if < 0,\n"
                    "#   growth if qualified (hatched), label\n"
                    "$growth << EOD\n",
                    several ? "from the top" : "from the left");
    int any_qual = 0;
    for (size_t i = 0; i < k; i++) {
        /* a rate computed from a qualified figure carries its qualifier (a
           derived base, an estimate, a bound): a hatched bar, named on the label */
        char q[32], qw[40], lab[96];
        code_text(cell_by_name(t, rows[i], "qualifier"), q, sizeof q);
        code_words(q, qw, sizeof qw);
        char num[64];
        if (from_growth) {
            fmt_to(num, sizeof num, "%+.1f", v[i]);
        } else { /* a stated rate as stated: 40.15, not 40.1 */
            char raw[48];
            trade_number_format(v[i], raw, sizeof raw);
            fmt_to(num, sizeof num, "%s%s", v[i] >= 0 ? "+" : "", raw);
        }
        fmt_to(lab, sizeof lab, "%s %%%s%s%s", num, *qw ? " (" : "", qw, *qw ? ")" : "");
        any_qual |= *q != '\0';
        plot_buf_printf(b, "%zu ", i);
        put_num(b, v[i]);
        plot_buf_puts(b, " ");
        put_num(b, v[i] >= 0 ? v[i] : NAN);
        plot_buf_puts(b, " ");
        put_num(b, v[i] < 0 ? v[i] : NAN);
        plot_buf_puts(b, " ");
        put_num(b, *q ? v[i] : NAN);
        plot_buf_printf(b, " \"%s\"\n", lab);
        if (v[i] < vmin)
            vmin = v[i];
        if (v[i] > vmax)
            vmax = v[i];
        pos |= v[i] >= 0;
        neg |= v[i] < 0;
    }
    plot_buf_puts(b, "EOD\n\n# ---- axes ----\n");
    put_title(c, title);
    const char *axis = from_growth ? "growth on the earlier period (%)" : "stated growth (%)";
    /* category labels: the periods, and with several series the series too */
    plot_buf_printf(b, "set %ctics (", several ? 'y' : 'x');
    for (size_t i = 0; i < k; i++) {
        size_t r = rows[i];
        char lab[700];
        const char *p0 = from_growth ? cell_by_name(t, r, "period_from") : "";
        const char *p1 =
            from_growth ? cell_by_name(t, r, "period_to") : cell_by_name(t, r, "period");
        if (*p0)
            fmt_to(lab, sizeof lab, "%s\xe2\x86\x92%s", p0, p1);
        else
            fmt_to(lab, sizeof lab, "%s", p1);
        clip_utf8(lab, 40);
        if (several) {
            const char *lb = cell_by_name(t, r, "label");
            if (*lb)
                fmt_to(name, sizeof name, "%s", lb);
            else
                fmt_to(name, sizeof name, "%s \xe2\x86\x92 %s, %s",
                       trade_country_name(cell_by_name(t, r, "reporter")),
                       trade_country_name(cell_by_name(t, r, "partner")),
                       flow_name(cell_by_name(t, r, "flow")));
            /* the series' name on its first row only */
            char both[1300];
            int same = i > 0 && growth_same_series(t, rows[i - 1], r);
            clip_utf8(name, 44);
            clip_utf8(lab, 24);
            fmt_to(both, sizeof both, "%s  %s", same ? "" : name, lab);
            plot_buf_puts(b, i ? ", " : "");
            plot_buf_quote(b, both);
        } else {
            plot_buf_puts(b, i ? ", " : "");
            plot_buf_quote(b, lab);
        }
        plot_buf_printf(b, " %zu", i);
    }
    double span = vmax - vmin > 0 ? vmax - vmin : 1;
    double lo = vmin < 0 ? vmin - 0.18 * span : 0, hi = vmax > 0 ? vmax + 0.18 * span : 0.18 * span;
    if (several) {
        /* long names read best as horizontal bars, the first on top */
        plot_buf_printf(b,
                        ") scale 0 font ',9'\nset yrange [%zu.6:-0.6]\nset xrange [%.6g:%.6g]\n"
                        "set xtics %.6g\nset xlabel '%s'\nunset grid\n"
                        "set grid xtics lc rgb '#e0e0e0'\nset yzeroaxis lt -1 lw 1\n"
                        "set style fill solid 0.9 border -1\n",
                        k - 1, vmin < 0 ? vmin - 0.05 * span : 0,
                        vmax > 0 ? vmax + 0.45 * span : 0.3 * span, nice_step(span / 4), axis);
        plot_buf_puts(b, "\n# ---- plot: growth in blue, decline in vermillion, rates beside the "
                         "bars ----\nplot ");
        if (pos)
            plot_buf_printf(b,
                            "$growth using 3:1:(0):3:($1-0.32):($1+0.32) with boxxyerror lc rgb "
                            "'%s' title 'growth', \\\n     $growth using 3:1:6 "
                            "with labels left offset char 0.5,0 font ',9' tc rgb '#333333' "
                            "notitle",
                            palette[0]);
        if (neg)
            plot_buf_printf(b,
                            "%s$growth using 4:1:4:(0):($1-0.32):($1+0.32) with boxxyerror lc "
                            "rgb '%s' title 'decline', \\\n     $growth using ($4*0):1:6"
                            " with labels left offset char 0.5,0 font ',9' tc rgb "
                            "'#333333' notitle",
                            pos ? ", \\\n     " : "", palette[1]);
        plot_buf_puts(b, "\n");
        free(v), free(rows);
        return TRADE_OK;
    }
    plot_buf_printf(b, ") scale 0%s\n", k > 8 ? " rotate by -30" : "");
    put_ylabel(c, axis);
    plot_buf_printf(b, "set xrange [-0.6:%zu.6]\nset yrange [%.6g:%.6g]\n", k - 1, lo, hi);
    plot_buf_puts(b, "set xzeroaxis lt -1 lw 1\nset boxwidth 0.6 absolute\n"
                     "set style fill solid 0.9 border -1\n");
    plot_buf_puts(b, "\n# ---- plot: growth in blue, decline in vermillion, rates on the bars "
                     "----\nplot ");
    if (pos)
        plot_buf_printf(b,
                        "$growth using 1:3 with boxes lc rgb '%s' title 'growth', \\\n"
                        "     $growth using 1:3:6 with labels offset "
                        "char 0,char 0.8 font ',9' tc rgb '#333333' notitle",
                        palette[0]);
    if (neg)
        plot_buf_printf(b,
                        "%s$growth using 1:4 with boxes lc rgb '%s' title 'decline', \\\n"
                        "     $growth using 1:4:6 with labels offset "
                        "char 0,char -0.8 font ',9' tc rgb '#333333' notitle",
                        pos ? ", \\\n     " : "", palette[1]);
    if (any_qual)
        plot_buf_puts(b, ", \\\n     $growth using 1:5 with boxes fs pattern 4 transparent lc "
                         "rgb '#ffffff' notitle, \\\n     keyentry with boxes fs pattern 4 lc rgb "
                         "'#555555' title 'hatched: from a qualified figure (named on the "
                         "label)'");
    plot_buf_puts(b, "\n");
    free(v), free(rows);
    return TRADE_OK;
}

int trade_plot_script(const trade_table *t, const trade_plot_options *opt, char **script,
                      size_t *len, unsigned char *used, trade_error *err)
{
    trade_error_clear(err);
    *script = NULL;
    if (len)
        *len = 0;
    if (!t || !opt)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no table or no options");
    plot_ctx c = {0};
    c.t = t;
    c.opt = opt;
    c.sel = opt->rows;
    c.width = opt->width > 0 ? opt->width : 800;
    c.height = opt->height > 0 ? opt->height : 500;
    if (c.width > 20000 || c.height > 20000)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "size %dx%d is too large", c.width,
                               c.height);
    c.name = opt->name && *opt->name ? opt->name : "chart";
    for (const unsigned char *s = (const unsigned char *)c.name; *s; s++)
        if (*s < 0x20 || *s == 0x7f || *s == '/')
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "the chart's name may not contain '/' or control characters");
    size_t n = trade_table_rows(t);
    c.used = calloc(n ? n : 1, 1);
    if (!c.used)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    if (opt->kind != TRADE_PLOT_GROWTH && n && !trade_table_obs(t, 0)) {
        free(c.used);
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "this chart needs observation rows (not read as generic CSV)");
    }
    int rc;
    switch (opt->kind) {
    case TRADE_PLOT_LINE:
        rc = plot_time(&c, 0, err);
        break;
    case TRADE_PLOT_BARS:
        rc = plot_bars(&c, 0, err);
        break;
    case TRADE_PLOT_GROWTH:
        rc = plot_growth(&c, err);
        break;
    case TRADE_PLOT_RANK: {
        /* one period: a dot plot by category; several: ranks over time */
        const char *unit = choose_unit(t, opt->rows, "rank", err);
        if (!unit) {
            rc = TRADE_EDATA;
            break;
        }
        trade_period first = {0};
        for (size_t r = 0; r < n; r++)
            if (SELECTED(opt->rows, r) && !strcmp(trade_table_obs(t, r)->unit, "rank")) {
                first = trade_table_obs(t, r)->period;
                break;
            }
        int several = 0;
        for (size_t r = 0; r < n && !several; r++) {
            const trade_obs *o = trade_table_obs(t, r);
            several = SELECTED(opt->rows, r) && !strcmp(o->unit, "rank") &&
                      !same_period(&first, &o->period);
        }
        rc = several ? plot_time(&c, 1, err) : plot_bars(&c, 1, err);
        break;
    }
    default:
        rc = trade_error_set(err, TRADE_EARG, NULL, 0, 0, "unknown chart kind");
    }
    if (!rc && c.b.failed)
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc) {
        free(c.b.p);
        free(c.used);
        return rc;
    }
    if (used) {
        /* why a selected row was not drawn */
        for (size_t r = 0; r < n; r++) {
            if (c.used[r] || !SELECTED(c.sel, r) || opt->kind == TRADE_PLOT_GROWTH)
                continue;
            const trade_obs *o = trade_table_obs(t, r);
            if (c.unit && o && strcmp(o->unit, c.unit))
                c.used[r] = TRADE_PLOT_ROW_OTHER_UNIT;
            else if (c.unit && o && o->period.start_unit != TRADE_PERIOD_NONE)
                c.used[r] = TRADE_PLOT_ROW_OTHER_PERIOD;
        }
        memcpy(used, c.used, n);
    }
    free(c.used);
    *script = c.b.p;
    if (len)
        *len = c.b.len;
    return TRADE_OK;
}
