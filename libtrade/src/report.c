/* report.c - the model of a report (report.h): its tables, the chart list,
 * the choice of automatic charts and the reason every row is not drawn.
 *
 * The charts are made in one pass: the listed ones first (each a selection
 * of the observation table, or of the growth table for kind growth), then,
 * for the rows none of them drew, one automatic chart per group of rows
 * sharing reporter, flow group (same_flow_group), unit, label and kind of
 * period. The plot module says for each row of a chart whether it drew it
 * and else why; the report keeps, per observation, "drawn by some chart" or
 * the last reason given, which the page lists.
 *
 * Nothing here prints or writes a file: the callback gets each chart's
 * script, and the caller writes it, renders it and describes it. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/compare.h"
#include "trade/period.h"
#include "trade/report.h"
#include "trade/series.h"

#include "buf_internal.h"

/* ---- the tables ---- */

static const trade_report_section sections[] = {{"growth", "growth.csv"},   {"ranks", "ranks.csv"},
                                                {"compare", "compare.csv"}, {"stats", "stats.csv"},
                                                {"fit", "fit.csv"},         {"check", "check.csv"}};

const trade_report_section *trade_report_sections(size_t *n)
{
    if (n)
        *n = sizeof sections / sizeof sections[0];
    return sections;
}

enum {
    CM_MEASURE,
    CM_REPORTER,
    CM_PARTNER,
    CM_FLOW,
    CM_PERIOD,
    CM_UNIT,
    CM_PRODUCT,
    CM_VALUE,
    CM_STATUS,
    CM_SOURCE,
    CM_LOCATOR,
    CM_N
};

static const char *const compare_cols[CM_N] = {"measure", "reporter", "partner", "flow",
                                               "period",  "unit",     "product", "value",
                                               "status",  "source",   "locator"};

typedef struct compare_ctx {
    const trade_table *t;
    trade_table *out;
    long col[CM_N];      /* index of each compare column in the run's cells, or -1 */
    long col_measure[3]; /* balance, coverage, total */
    long col_share;
    trade_error *err;
    int rc;
} compare_ctx;

static const char *cell_at(const trade_compare_row *row, long i)
{
    return i >= 0 && (size_t)i < row->ncells && row->cells[i] ? row->cells[i] : "";
}

static int add_row(compare_ctx *c, const char *const *cells)
{
    c->rc = trade_table_add_row(c->out, cells, c->err);
    return c->rc;
}

static int on_balance(void *ctx, const trade_compare_row *row)
{
    static const char *const measures[3] = {"balance", "coverage", "total"};
    compare_ctx *c = ctx;
    for (int m = 0; m < 3; m++) {
        const char *flow = cell_at(row, c->col[CM_FLOW]);
        const char *cells[CM_N] = {measures[m],
                                   cell_at(row, c->col[CM_REPORTER]),
                                   cell_at(row, c->col[CM_PARTNER]),
                                   *flow ? flow : "trade",
                                   cell_at(row, c->col[CM_PERIOD]),
                                   m == 1 ? "ratio" : cell_at(row, c->col[CM_UNIT]),
                                   cell_at(row, c->col[CM_PRODUCT]),
                                   cell_at(row, c->col_measure[m]),
                                   row->status ? row->status : "",
                                   "",
                                   ""};
        if (add_row(c, cells))
            return c->rc;
    }
    return 0;
}

static int on_share(void *ctx, const trade_compare_row *row)
{
    compare_ctx *c = ctx;
    const trade_obs *o = row->row < trade_table_rows(c->t) ? trade_table_obs(c->t, row->row) : NULL;
    if (o && !trade_unit_is_level(o->unit))
        return 0; /* a share of a rate means nothing */
    const char *cells[CM_N] = {"share_pct",
                               cell_at(row, c->col[CM_REPORTER]),
                               cell_at(row, c->col[CM_PARTNER]),
                               cell_at(row, c->col[CM_FLOW]),
                               cell_at(row, c->col[CM_PERIOD]),
                               "percent",
                               cell_at(row, c->col[CM_PRODUCT]),
                               cell_at(row, c->col_share),
                               row->status ? row->status : "",
                               cell_at(row, c->col[CM_SOURCE]),
                               cell_at(row, c->col[CM_LOCATOR])};
    return add_row(c, cells);
}

static long name_index(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return (long)i;
    return -1;
}

/* The run of one mode with the cells' columns found by name. */
static int compare_mode(compare_ctx *c, trade_compare_mode mode, trade_compare_fn fn)
{
    size_t cap = trade_table_cols(c->t) + 16, n = 0;
    const char **names = malloc(cap * sizeof *names);
    unsigned char *numeric = malloc(cap);
    int rc = TRADE_ENOMEM;
    if (!names || !numeric) {
        trade_error_set(c->err, rc, NULL, 0, 0, "out of memory");
        goto done;
    }
    trade_compare_options opt = {0};
    if ((rc = trade_compare_columns(c->t, mode, &opt, names, numeric, &n, c->err)))
        goto done;
    for (int i = 0; i < CM_N; i++)
        c->col[i] = name_index(names, n, compare_cols[i]);
    c->col_measure[0] = name_index(names, n, "balance");
    c->col_measure[1] = name_index(names, n, "coverage");
    c->col_measure[2] = name_index(names, n, "total");
    c->col_share = name_index(names, n, "share_pct");
    c->rc = 0;
    rc = trade_compare_run(c->t, mode, &opt, fn, c, c->err);
done:
    free(names);
    free(numeric);
    return rc;
}

int trade_report_compare(const trade_table *t, trade_table *out, trade_error *err)
{
    trade_error_clear(err);
    if (!t || !out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no table");
    for (int i = 0; i < CM_N; i++)
        if (trade_table_add_column(out, compare_cols[i], err))
            return err ? err->code : TRADE_ENOMEM;
    compare_ctx c = {t, out, {0}, {0}, -1, err, 0};
    int rc = compare_mode(&c, TRADE_COMPARE_BALANCE, on_balance);
    if (!rc)
        rc = compare_mode(&c, TRADE_COMPARE_SHARE, on_share);
    return rc;
}

static int is_derived(const trade_table *t, size_t row)
{
    const trade_obs *o = trade_table_obs(t, row);
    return o && !strcmp(o->qualifier, "derived");
}

int trade_report_check_circular(const trade_table *t, const trade_check_result *r)
{
    if (!t || !r)
        return 0;
    if (is_derived(t, r->a_row))
        return 1;
    if (!strcmp(r->check, "growth"))
        return is_derived(t, r->b_row) || is_derived(t, r->b0_row);
    if (!strcmp(r->check, "twice"))
        return is_derived(t, r->b_row);
    return 0; /* sum: the parts are not named one by one */
}

/* ---- the chart list ---- */

typedef struct chart_spec {
    char slug[96];
    char *title, *caption;
    trade_plot_kind kind;
    int growth;                                          /* kind growth: from the growth table */
    char *reporters, *partners, *flows, *units, *period; /* comma lists; NULL any */
    unsigned long line;                                  /* of its [chart] line */
    /* automatic charts only */
    const char *label; /* NULL any, else equal */
    int span;          /* -1 any; 0 a year or less; 1 several years */
} chart_spec;

struct trade_report_config {
    char *title, *subtitle;
    chart_spec *charts;
    size_t n, cap;
};

static void spec_free(chart_spec *s)
{
    free(s->title), free(s->caption), free(s->reporters), free(s->partners), free(s->flows);
    free(s->units), free(s->period);
}

void trade_report_config_free(trade_report_config *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        spec_free(&c->charts[i]);
    free(c->charts), free(c->title), free(c->subtitle);
    free(c);
}

const char *trade_report_config_title(const trade_report_config *cf)
{
    return cf ? cf->title : NULL;
}

const char *trade_report_config_subtitle(const trade_report_config *cf)
{
    return cf ? cf->subtitle : NULL;
}

size_t trade_report_config_count(const trade_report_config *cf)
{
    return cf ? cf->n : 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

#define LINE_MAX_BYTES 4094

/* One line of the list (NUL-terminated, no newline); cur: the chart being
 * read. Returns 0 or TRADE_EARG / TRADE_ENOMEM with err at name:line. */
static int config_line(trade_report_config *c, chart_spec **cur, char *buf, const char *name,
                       unsigned long line, trade_error *err)
{
    char *s = trim(buf);
    if (!*s || *s == '#')
        return 0;
    if (*s == '[') {
        char *e = strchr(s, ']');
        if (!e || strncmp(s, "[chart ", 7) || e[1])
            return trade_error_set(err, TRADE_EARG, name, line, 0, "a section is [chart SLUG]");
        *e = '\0';
        char *slug = trim(s + 7);
        int ok = *slug && strlen(slug) < sizeof(*cur)->slug;
        for (char *p = slug; *p && ok; p++)
            ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
        if (!ok)
            return trade_error_set(err, TRADE_EARG, name, line, 0,
                                   "a chart's slug is letters, digits, '-' and '_'");
        for (size_t i = 0; i < c->n; i++)
            if (!strcmp(c->charts[i].slug, slug))
                return trade_error_set(err, TRADE_EARG, name, line, 0, "chart %s is named twice",
                                       slug);
        if (ARRAY_GROW(c->charts, c->n + 1, c->cap))
            return trade_error_set(err, TRADE_ENOMEM, name, line, 0, "out of memory");
        *cur = &c->charts[c->n++];
        memset(*cur, 0, sizeof **cur);
        snprintf((*cur)->slug, sizeof(*cur)->slug, "%s", slug);
        (*cur)->kind = TRADE_PLOT_LINE;
        (*cur)->span = -1;
        (*cur)->line = line;
        return 0;
    }
    char *eq = strchr(s, '=');
    if (!eq)
        return trade_error_set(err, TRADE_EARG, name, line, 0, "expected KEY = VALUE");
    *eq = '\0';
    char *key = trim(s), *val = trim(eq + 1);
    chart_spec *sp = *cur;
    char **slot = NULL;
    if (!sp) {
        if (!strcmp(key, "title"))
            slot = &c->title;
        else if (!strcmp(key, "subtitle"))
            slot = &c->subtitle;
    } else if (!strcmp(key, "title")) {
        slot = &sp->title;
    } else if (!strcmp(key, "caption")) {
        slot = &sp->caption;
    } else if (!strcmp(key, "reporter")) {
        slot = &sp->reporters;
    } else if (!strcmp(key, "partner")) {
        slot = &sp->partners;
    } else if (!strcmp(key, "flow")) {
        slot = &sp->flows;
    } else if (!strcmp(key, "unit")) {
        slot = &sp->units;
    } else if (!strcmp(key, "period")) {
        slot = &sp->period;
    } else if (!strcmp(key, "kind")) {
        sp->growth = !strcmp(val, "growth");
        if (trade_plot_kind_parse(val, &sp->kind))
            return trade_error_set(err, TRADE_EARG, name, line, 0,
                                   "kind is line, bars, rank or growth, not '%s'", val);
        return 0;
    }
    if (!slot)
        return trade_error_set(err, TRADE_EARG, name, line, 0, "unknown key '%s'%s", key,
                               sp ? " (title, kind, reporter, partner, flow, unit, period, caption)"
                                  : " before the first [chart] (title, subtitle)");
    free(*slot);
    if (!(*slot = strdup(val)))
        return trade_error_set(err, TRADE_ENOMEM, name, line, 0, "out of memory");
    return 0;
}

int trade_report_config_parse(const char *text, size_t len, const char *name,
                              trade_report_config **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    trade_report_config *c = calloc(1, sizeof *c);
    char *buf = malloc(LINE_MAX_BYTES + 2);
    int rc = 0;
    if (!c || !buf) {
        rc = trade_error_set(err, TRADE_ENOMEM, name, 0, 0, "out of memory");
        goto done;
    }
    chart_spec *cur = NULL;
    unsigned long line = 0;
    for (size_t at = 0; at < len && !rc;) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        line++;
        if (end - at > LINE_MAX_BYTES) {
            rc = trade_error_set(err, TRADE_EARG, name, line, 0, "line longer than %d bytes",
                                 LINE_MAX_BYTES);
            break;
        }
        memcpy(buf, text + at, end - at);
        buf[end - at] = '\0';
        if (memchr(buf, '\0', end - at))
            rc = trade_error_set(err, TRADE_EARG, name, line, 0, "a NUL byte in the line");
        else
            rc = config_line(c, &cur, buf, name, line, err);
        at = end + 1;
    }
    for (size_t i = 0; !rc && i < c->n; i++)
        if (!c->charts[i].title)
            rc = trade_error_set(err, TRADE_EARG, name, c->charts[i].line, 0,
                                 "chart %s has no title", c->charts[i].slug);
done:
    free(buf);
    if (rc)
        trade_report_config_free(c);
    else
        *out = c;
    return rc;
}

int trade_report_config_read(const char *path, trade_report_config **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "%s", strerror(errno));
    dynbuf text = DYNBUF_INIT(0);
    char chunk[4096];
    size_t k;
    int rc = 0;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (dynbuf_addn(&text, chunk, k)) {
            rc = trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
            break;
        }
    if (!rc && ferror(f))
        rc = trade_error_set(err, TRADE_EIO, path, 0, 0, "read error");
    fclose(f);
    if (!rc)
        rc = trade_report_config_parse(text.p ? text.p : "", text.len, path, out, err);
    dynbuf_free(&text);
    return rc;
}

/* ---- selections ---- */

/* 1 when v is one of the comma list's items (NULL: any). */
static int in_list(const char *list, const char *v)
{
    if (!list)
        return 1;
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        while (l && p[l - 1] == ' ')
            l--;
        if (l == n && !strncmp(p, v, n))
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static int spec_match(const chart_spec *s, const trade_obs *o)
{
    char per[TRADE_PERIOD_BUFSIZE];
    trade_period_format(&o->period, per, sizeof per);
    int span = trade_period_months(&o->period) > 12;
    return in_list(s->reporters, o->reporter) && in_list(s->partners, o->partner) &&
           in_list(s->flows, o->flow) && in_list(s->units, o->unit) &&
           (!s->period || !strcmp(s->period, per)) && (!s->label || !strcmp(s->label, o->label)) &&
           (s->span < 0 || s->span == span);
}

/* ---- the report ---- */

struct trade_report {
    const trade_table *obs, *growth;
    const trade_report_config *cf;
    unsigned char *state; /* per obs row: TRADE_PLOT_ROW_DRAWN or why not */
    unsigned char *drawn; /* per obs row: 1 when some chart drew it */
};

int trade_report_new(const trade_table *obs, const trade_table *growth,
                     const trade_report_config *cf, trade_report **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    size_t n = trade_table_rows(obs);
    trade_report *r = calloc(1, sizeof *r);
    if (r) {
        r->state = calloc(n ? n : 1, 1);
        r->drawn = calloc(n ? n : 1, 1);
    }
    if (!r || !r->state || !r->drawn) {
        trade_report_free(r);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    r->obs = obs;
    r->growth = growth;
    r->cf = cf;
    *out = r;
    return TRADE_OK;
}

void trade_report_free(trade_report *r)
{
    if (!r)
        return;
    free(r->state);
    free(r->drawn);
    free(r);
}

const unsigned char *trade_report_row_state(const trade_report *r)
{
    return r ? r->state : NULL;
}

const char *trade_report_why_text(int why)
{
    switch (why) {
    case TRADE_PLOT_ROW_SAME_PERIOD:
        return "another figure of the same series and period is drawn (an exact figure before a "
               "qualified one, then the finer precision)";
    case TRADE_PLOT_ROW_OTHER_UNIT:
        return "its chart draws another unit";
    case TRADE_PLOT_ROW_OTHER_PERIOD:
        return "its chart draws one period";
    case TRADE_PLOT_ROW_OTHER_KIND:
        return "a stock among flows: a stock at a date does not share an axis with flows over "
               "a year";
    case TRADE_REPORT_ROW_SINGLE:
        return "the only figure of its reporter, flow, unit and kind of period (a chart of one "
               "point says no more than this row)";
    case TRADE_REPORT_ROW_NO_PERIOD:
        return "no period: it has no place on a time axis";
    default:
        return "no chart selects it";
    }
}

const char *trade_report_flow_words(const char *flow)
{
    static const char *const m[][2] = {{"export", "exports"},
                                       {"import", "imports"},
                                       {"services_export", "services exports"},
                                       {"services_import", "services imports"},
                                       {"fdi_stock", "FDI stock"},
                                       {"fdi_flow", "FDI flows"},
                                       {"investment_stock", "investment stock"},
                                       {"investment_flow", "investment flows"},
                                       {"aid", "aid"},
                                       {"freight", "freight"},
                                       {"trade", "trade"}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (!strcmp(m[i][0], flow))
            return m[i][1];
    return flow;
}

void trade_report_page_title(const trade_table *t, char *out, size_t size)
{
    const char *seen[4];
    size_t k = 0, more = 0;
    if (!size)
        return;
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!o)
            continue;
        size_t i = 0;
        while (i < k && strcmp(seen[i], o->reporter))
            i++;
        if (i < k)
            continue;
        if (k < 3)
            seen[k++] = o->reporter;
        else
            more = 1;
    }
    size_t len = (size_t)snprintf(out, size, "Trade figures: ");
    for (size_t i = 0; i < k && len < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%s",
                                i ? (i + 1 == k && !more ? " and " : ", ") : "",
                                trade_country_name(seen[i]));
    if (more && len < size)
        snprintf(out + len, size - len, " and others");
}

/* The title as the script draws it (with the period it added), else the
 * title given. */
static void shown_title(const char *script, const char *title, char *out, size_t size)
{
    size_t n;
    const char *t = trade_plot_script_title(script, &n);
    if (t && n < size) {
        memcpy(out, t, n);
        out[n] = '\0';
    } else {
        snprintf(out, size, "%s", title);
    }
}

/* Draw chart s of table t (the rows sel selects; NULL: all) and pass it to
 * fn. When t is the observation table, note which rows were drawn and why
 * the others were not. *stop gets fn's non-zero value. Returns 0, or
 * TRADE_ENOMEM. */
static int draw(trade_report *rp, const chart_spec *s, int listed, const trade_table *t,
                const unsigned char *sel, trade_report_chart_fn fn, void *ctx, int *stop,
                trade_error *err)
{
    trade_plot_options po = {0};
    po.kind = s->kind;
    po.title = s->title;
    po.name = s->slug;
    po.rows = sel;
    size_t n = trade_table_rows(t);
    unsigned char *used = calloc(n ? n : 1, 1);
    if (!used)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    char *script = NULL;
    size_t len = 0;
    trade_error perr;
    trade_error_clear(&perr);
    int rc = trade_plot_script(t, &po, &script, &len, used, &perr);
    if (rc == TRADE_ENOMEM) {
        free(used);
        if (err)
            *err = perr;
        return rc;
    }
    if (!rc && t == rp->obs)
        for (size_t r = 0; r < n; r++) {
            if (used[r] == TRADE_PLOT_ROW_DRAWN)
                rp->drawn[r] = 1;
            else if (used[r])
                rp->state[r] = used[r];
        }
    char shown[200];
    if (!rc)
        shown_title(script, s->title, shown, sizeof shown);
    else
        snprintf(shown, sizeof shown, "%s", s->title);
    trade_report_chart c;
    memset(&c, 0, sizeof c);
    c.slug = s->slug;
    c.title = s->title;
    c.shown = shown;
    c.caption = s->caption;
    c.kind = s->kind;
    c.listed = listed;
    c.table = t;
    c.used = used;
    c.status = rc;
    c.err = rc ? &perr : NULL;
    c.script = rc ? NULL : script;
    c.len = rc ? 0 : len;
    /* an automatic group with nothing to draw is no chart */
    if (listed || !rc)
        *stop = fn(ctx, &c);
    trade_free(script);
    free(used);
    return 0;
}

static void slugify(const char *in, char *out, size_t size)
{
    size_t j = 0;
    for (; *in && j + 1 < size; in++) {
        unsigned char ch = (unsigned char)*in;
        if (isalnum(ch))
            out[j++] = (char)tolower(ch);
        else if (j && out[j - 1] != '-')
            out[j++] = '-';
    }
    while (j && out[j - 1] == '-')
        j--;
    out[j] = '\0';
}

/* The kind of chart for a unit: ranks, stated growth rates, else over time
 * (or bars when every figure is of one period). */
static trade_plot_kind auto_kind(const char *unit, int one_period)
{
    if (!strcmp(unit, "rank"))
        return TRADE_PLOT_RANK;
    if (!strcmp(unit, "percent_change"))
        return TRADE_PLOT_GROWTH;
    return one_period ? TRADE_PLOT_BARS : TRADE_PLOT_LINE;
}

static int is_stock(const char *flow)
{
    size_t n = strlen(flow);
    return n >= 6 && !strcmp(flow + n - 6, "_stock");
}

/* Levels of different flows never share a chart; rates and ranks of flows
 * do (exports and imports growth side by side), but never with a stock's. */
static int same_flow_group(const trade_obs *a, const trade_obs *b)
{
    if (!strcmp(a->flow, b->flow))
        return 1;
    return !trade_unit_is_level(a->unit) && is_stock(a->flow) == is_stock(b->flow);
}

/* A small set of slugs made so far. */
typedef struct slug_set {
    char (*v)[96];
    size_t n, cap;
} slug_set;

static int slug_has(const slug_set *s, const char *slug)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], slug))
            return 1;
    return 0;
}

static int slug_add(slug_set *s, const char *slug)
{
    if (ARRAY_GROW(s->v, s->n + 1, s->cap))
        return -1;
    snprintf(s->v[s->n++], sizeof s->v[0], "%s", slug);
    return 0;
}

/* The automatic chart of the group that row r starts, its rows in sel. */
static void auto_title_slug(const trade_report *rp, size_t r, const unsigned char *sel, int span,
                            char *title, size_t tsize, char *base, size_t bsize)
{
    const trade_table *all = rp->obs;
    size_t n = trade_table_rows(all);
    const trade_obs *o = trade_table_obs(all, r);
    /* the label names the chart's slug only when it sets it apart */
    int other_label = 0;
    for (size_t q = 0; q < n && !other_label; q++) {
        const trade_obs *p = trade_table_obs(all, q);
        other_label = p && !rp->drawn[q] && !strcmp(p->reporter, o->reporter) &&
                      !strcmp(p->flow, o->flow) && !strcmp(p->unit, o->unit) &&
                      strcmp(p->label, o->label);
    }
    char lab[32];
    snprintf(lab, sizeof lab, "%s", other_label ? o->label : "");
    int flows = 0; /* several flows in one chart of rates */
    for (size_t q = r; q < n && !flows; q++)
        flows = sel[q] && strcmp(trade_table_obs(all, q)->flow, o->flow);
    /* two flows by name ("exports and imports"), more as "flows" */
    char two[96] = "";
    if (flows) {
        const char *other = NULL;
        int more = 0;
        for (size_t q = r; q < n; q++) {
            const char *f = sel[q] ? trade_table_obs(all, q)->flow : NULL;
            if (!f || !strcmp(f, o->flow))
                continue;
            if (!other)
                other = f;
            else if (strcmp(f, other))
                more = 1;
        }
        if (other && !more)
            snprintf(two, sizeof two, "%s and %s", trade_report_flow_words(o->flow),
                     trade_report_flow_words(other));
    }
    const char *what = *o->label ? o->label
                       : *two    ? two
                       : flows   ? (is_stock(o->flow) ? "stocks" : "flows")
                                 : trade_report_flow_words(o->flow);
    /* one partner for the whole chart: the title names it */
    int one_partner = strcmp(o->partner, o->reporter) != 0;
    for (size_t q = r; q < n && one_partner; q++)
        one_partner = !sel[q] || !strcmp(trade_table_obs(all, q)->partner, o->partner);
    char who[160];
    if (one_partner)
        snprintf(who, sizeof who, "%s \xe2\x86\x92 %s", trade_country_name(o->reporter),
                 trade_country_name(o->partner));
    else
        snprintf(who, sizeof who, "%s", trade_country_name(o->reporter));
    const char *uw = !strcmp(o->unit, "percent_change")                      ? "growth, %"
                     : !strcmp(o->unit, "rank") || !strcmp(o->unit, "count") ? ""
                                                                             : o->unit;
    if (*o->label)
        who[0] = '\0'; /* a label names the quantity by itself */
    snprintf(title, tsize, "%s%s%s%s%s%s%s", who, *who ? ": " : "", what, *uw ? " (" : "", uw,
             *uw ? ")" : "", span ? ", totals over several years" : "");
    snprintf(base, bsize, "%s-%s-%s%s%s%s", o->reporter, flows ? what : o->flow, o->unit,
             *lab ? "-" : "", lab, span ? "-multi-year" : "");
}

/* One chart per reporter, flow, unit, label and kind of period for the
 * rows no chart drew; a group of one figure is listed, not drawn. */
static int auto_charts(trade_report *rp, trade_report_chart_fn fn, void *ctx, int *stop,
                       trade_error *err)
{
    const trade_table *all = rp->obs;
    size_t n = trade_table_rows(all);
    unsigned char *done = calloc(n ? n : 1, 1), *sel = malloc(n ? n : 1);
    slug_set slugs = {0};
    int rc = 0;
    if (!done || !sel) {
        free(done), free(sel);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < n && !rc && !*stop; r++) {
        const trade_obs *o = trade_table_obs(all, r);
        if (!o || done[r] || rp->drawn[r])
            continue;
        if (o->period.start_unit == TRADE_PERIOD_NONE) {
            rp->state[r] = TRADE_REPORT_ROW_NO_PERIOD;
            continue;
        }
        chart_spec s;
        memset(&s, 0, sizeof s);
        s.span = trade_period_months(&o->period) > 12;
        s.label = o->label;
        size_t count = 0;
        int one_period = 1;
        memset(sel, 0, n);
        for (size_t q = r; q < n; q++) {
            const trade_obs *p = trade_table_obs(all, q);
            if (!p || done[q] || rp->drawn[q] || strcmp(p->reporter, o->reporter) ||
                !same_flow_group(o, p) || strcmp(p->unit, o->unit) || strcmp(p->label, o->label) ||
                (trade_period_months(&p->period) > 12) != s.span ||
                p->period.start_unit == TRADE_PERIOD_NONE)
                continue;
            sel[q] = 1;
            done[q] = 1;
            count++;
            if (trade_period_compare(&o->period, &p->period))
                one_period = 0;
        }
        if (count < 2) {
            rp->state[r] = TRADE_REPORT_ROW_SINGLE;
            continue;
        }
        char title[300], base[200], slug[96];
        auto_title_slug(rp, r, sel, s.span, title, sizeof title, base, sizeof base);
        slugify(base, slug, sizeof slug - 4);
        /* slugs stay unique: a long label cut short could repeat one */
        if (slug_has(&slugs, slug)) {
            size_t l = strlen(slug);
            for (int k = 2; k < 100 && slug_has(&slugs, slug); k++)
                snprintf(slug + l, 4, "-%d", k);
        }
        if (slug_add(&slugs, slug)) {
            rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        snprintf(s.slug, sizeof s.slug, "%s", slug);
        s.title = title;
        s.kind = auto_kind(o->unit, one_period);
        rc = draw(rp, &s, 0, all, sel, fn, ctx, stop, err);
    }
    free(slugs.v);
    free(done), free(sel);
    return rc;
}

int trade_report_charts(trade_report *rp, trade_report_chart_fn fn, void *ctx, trade_error *err)
{
    trade_error_clear(err);
    if (!rp || !fn)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no report or no callback");
    const trade_table *all = rp->obs;
    size_t nrows = trade_table_rows(all);
    int rc = 0, stop = 0;
    size_t ncharts = trade_report_config_count(rp->cf);
    for (size_t i = 0; i < ncharts && !rc && !stop; i++) {
        const chart_spec *s = &rp->cf->charts[i];
        if (s->growth) {
            /* the computed rates that the chart's keys select */
            const trade_table *g = rp->growth;
            long cr = trade_table_col_index(g, "reporter"),
                 cp = trade_table_col_index(g, "partner"), cf = trade_table_col_index(g, "flow"),
                 cu = trade_table_col_index(g, "unit");
            if (!g || cr < 0 || cp < 0 || cf < 0 || cu < 0)
                continue;
            size_t n = trade_table_rows(g);
            unsigned char *keep = malloc(n ? n : 1);
            if (!keep)
                return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            for (size_t r = 0; r < n; r++)
                keep[r] = in_list(s->reporters, trade_table_cell(g, r, (size_t)cr)) &&
                          in_list(s->partners, trade_table_cell(g, r, (size_t)cp)) &&
                          in_list(s->flows, trade_table_cell(g, r, (size_t)cf)) &&
                          in_list(s->units, trade_table_cell(g, r, (size_t)cu));
            rc = draw(rp, s, 1, g, keep, fn, ctx, &stop, err);
            free(keep);
            continue;
        }
        unsigned char *sel = malloc(nrows ? nrows : 1);
        if (!sel)
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        size_t k = 0;
        for (size_t r = 0; r < nrows; r++) {
            const trade_obs *o = trade_table_obs(all, r);
            k += (sel[r] = (unsigned char)(o && spec_match(s, o)));
        }
        if (k) {
            rc = draw(rp, s, 1, all, sel, fn, ctx, &stop, err);
        } else {
            /* nothing selected: the callback hears of it */
            trade_report_chart c;
            trade_error none;
            memset(&c, 0, sizeof c);
            trade_error_set(&none, TRADE_EDATA, NULL, 0, 0, "no figure to draw");
            c.slug = s->slug;
            c.title = c.shown = s->title;
            c.caption = s->caption;
            c.kind = s->kind;
            c.listed = 1;
            c.table = all;
            c.used = sel;
            memset(sel, 0, nrows ? nrows : 1);
            c.status = TRADE_EDATA;
            c.err = &none;
            stop = fn(ctx, &c);
        }
        free(sel);
    }
    if (!rc && !stop)
        rc = auto_charts(rp, fn, ctx, &stop, err);
    for (size_t r = 0; r < nrows; r++)
        if (rp->drawn[r])
            rp->state[r] = TRADE_PLOT_ROW_DRAWN;
    return rc ? rc : stop;
}
