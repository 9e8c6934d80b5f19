/* series.c - writing the rows of the series commands: key columns, the
 * module's columns (named by the module, with their kinds) and the input
 * columns carried through. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

size_t series_carried(const trade_table *t, const char *const *skip, size_t *cols)
{
    static const char *const own[] = {"reporter", "partner", "flow",      "unit",    "product",
                                      "period",   "value",   "precision", "locator", NULL};
    size_t n = 0;
    for (size_t c = 0; c < trade_table_cols(t); c++) {
        const char *name = trade_table_col_name(t, c);
        int drop = 0;
        for (size_t i = 0; own[i] && !drop; i++)
            drop = !strcmp(name, own[i]);
        for (size_t i = 0; skip && skip[i] && !drop; i++)
            drop = !strcmp(name, skip[i]);
        if (!drop)
            cols[n++] = c;
    }
    return n;
}

const char *series_common(const trade_table *t, const size_t *rows, size_t n, size_t col)
{
    if (n == 0)
        return "";
    const char *s = trade_table_cell(t, rows[0], col);
    for (size_t i = 1; i < n; i++)
        if (strcmp(s, trade_table_cell(t, rows[i], col)))
            return "";
    return s;
}

static const char *const ident_names[5] = {"reporter", "partner", "flow", "product", "unit"};

/* The header of so: into the writer of o, or into sink's columns. */
static int series_out_start(series_out *so, const trade_table *t, const cli_common *o,
                            const trade_column *metric, size_t nmetric, trade_table *sink)
{
    memset(so, 0, sizeof *so);
    so->t = t;
    so->nmetric = nmetric;
    size_t ncols = trade_table_cols(t);
    so->carried = malloc((ncols + 1) * sizeof *so->carried);
    const char **names = malloc((ncols + so->nmetric + 5) * sizeof *names);
    const char **skip = malloc((so->nmetric + 1) * sizeof *skip);
    unsigned char *numeric = malloc(ncols + so->nmetric + 5);
    so->cells = malloc((ncols + so->nmetric + 5) * sizeof *so->cells);
    so->num = malloc((so->nmetric + 1) * sizeof *so->num);
    if (!so->carried || !names || !skip || !numeric || !so->cells || !so->num) {
        free(names);
        free(skip);
        free(numeric);
        cli_errorf("series", "out of memory");
        return series_out_close(so, CLI_EUSAGE);
    }
    for (int i = 0; i < 5; i++) {
        so->ident[i] = trade_table_col_index(t, ident_names[i]);
        if (so->ident[i] >= 0 || i != 3) { /* product only when present */
            numeric[so->nident] = 0;
            names[so->nident++] = ident_names[i];
        } else {
            so->ident[i] = -2;
        }
    }
    for (size_t i = 0; i < so->nmetric; i++) {
        names[so->nident + i] = metric[i].name;
        numeric[so->nident + i] = (unsigned char)metric[i].numeric;
        skip[i] = metric[i].name;
    }
    skip[so->nmetric] = NULL;
    so->ncarried = series_carried(t, skip, so->carried);
    so->qualcol = -1;
    for (size_t i = 0; i < so->ncarried; i++) {
        const char *name = trade_table_col_name(t, so->carried[i]);
        names[so->nident + so->nmetric + i] = name;
        numeric[so->nident + so->nmetric + i] = (unsigned char)trade_column_is_numeric(name);
        if (!strcmp(name, "qualifier"))
            so->qualcol = (long)(so->nident + so->nmetric + i);
    }
    so->ncols = so->nident + so->nmetric + so->ncarried;
    so->vcol = trade_table_col_index(t, "value");
    int rc = CLI_OK;
    trade_error err;
    if (sink) {
        so->sink = sink;
        for (size_t i = 0; i < so->ncols && !rc; i++)
            if (trade_table_add_column(sink, names[i], &err))
                rc = cli_fail(&err);
    } else if (!(rc = cli_writer_open(&so->w, o))) {
        if (trade_writer_header(so->w, so->ncols, names, numeric, &err))
            rc = cli_fail(&err);
    }
    free(names);
    free(skip);
    free(numeric);
    return rc ? series_out_close(so, rc) : rc;
}

int series_out_open(series_out *so, const trade_table *t, const cli_common *o,
                    const trade_column *metric, size_t nmetric)
{
    return series_out_start(so, t, o, metric, nmetric, NULL);
}

int series_out_open_table(series_out *so, const trade_table *t, const trade_column *metric,
                          size_t nmetric, trade_table *sink)
{
    return series_out_start(so, t, NULL, metric, nmetric, sink);
}

void series_out_ident(series_out *so, const size_t *rows, size_t n)
{
    size_t k = 0;
    for (int i = 0; i < 5; i++) {
        if (so->ident[i] == -2)
            continue;
        so->cells[k++] =
            so->ident[i] < 0 ? "" : trade_table_cell(so->t, rows[0], (size_t)so->ident[i]);
    }
    for (size_t i = 0; i < so->ncarried; i++)
        so->cells[so->nident + so->nmetric + i] = series_common(so->t, rows, n, so->carried[i]);
    for (size_t i = 0; i < so->nmetric; i++)
        so->cells[so->nident + i] = "";
}

void series_out_qualifier(series_out *so, const char *qualifier)
{
    if (so->qualcol >= 0)
        so->cells[so->qualcol] = qualifier;
}

void series_out_str(series_out *so, size_t i, const char *text)
{
    so->cells[so->nident + i] = text;
}

void series_out_num(series_out *so, size_t i, double v, int defined)
{
    so->num[i][0] = '\0';
    if (defined)
        trade_number_format(v, so->num[i], sizeof so->num[i]);
    so->cells[so->nident + i] = so->num[i];
}

int series_out_row(series_out *so)
{
    trade_error err;
    if (so->sink)
        return trade_table_add_row(so->sink, so->cells, &err) ? cli_fail(&err) : CLI_OK;
    return trade_writer_row(so->w, so->cells, &err) ? cli_fail(&err) : CLI_OK;
}

int series_out_part(series_out *part, const series_out *so)
{
    memset(part, 0, sizeof *part);
    part->t = so->t;
    part->nmetric = so->nmetric;
    part->ncarried = so->ncarried;
    part->nident = so->nident;
    part->ncols = so->ncols;
    part->qualcol = so->qualcol;
    part->vcol = so->vcol;
    memcpy(part->ident, so->ident, sizeof part->ident);
    part->carried = malloc((so->ncarried + 1) * sizeof *part->carried);
    part->cells = malloc((so->ncols + 1) * sizeof *part->cells);
    part->num = malloc((so->nmetric + 1) * sizeof *part->num);
    trade_error err;
    if (!part->carried || !part->cells || !part->num ||
        trade_writer_open_part(&part->w, so->w, &err))
        return series_out_close(part, CLI_EUSAGE); /* quietly: one thread does it all */
    memcpy(part->carried, so->carried, so->ncarried * sizeof *part->carried);
    return CLI_OK;
}

int series_out_append(series_out *so, series_out *part)
{
    trade_error err;
    int rc = trade_writer_append(so->w, part->w, &err);
    part->w = NULL;
    return rc ? cli_fail(&err) : CLI_OK;
}

int series_out_close(series_out *so, int rc)
{
    if (rc == CLI_OK && so->w)
        rc = cli_writer_commit(so->w);
    else
        trade_writer_discard(so->w);
    so->w = NULL;
    free(so->carried);
    free(so->cells);
    free(so->num);
    return rc;
}

/* ---- the rows of growth, stats and fit ---- */

/* 1 if text is a plain decimal as trade_number_format writes it: no
 * leading or trailing zeros, no "-0", at most 15 significant digits (so no
 * shorter decimal reads back as the same double and the text is the
 * shortest form). Formatting numbers is most of the time growth takes;
 * values that are already canonical are copied instead. */
static int canonical(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (!*p)
        return 0;
    if (*p == '0' && p[1] != '.')
        return p[1] == '\0' && p == s; /* "0" only */
    int sig = 0, started = 0, dot = 0;
    const char *last = p;
    for (; *p; p++) {
        if (*p == '.') {
            if (dot || !p[1])
                return 0;
            dot = 1;
            continue;
        }
        if (*p < '0' || *p > '9')
            return 0;
        if (*p != '0')
            started = 1;
        sig += started;
        last = p;
    }
    if (dot && *last == '0')
        return 0;
    if (!started)
        return 0; /* "0.0", "-0.0" */
    return sig <= 15;
}

static const char *value_text(const series_out *so, size_t row, double v, char *buf)
{
    const char *s = so->vcol >= 0 ? trade_table_cell(so->t, row, (size_t)so->vcol) : "";
    if (canonical(s))
        return s;
    trade_number_format_fast(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
}

/* trade_period_format, with plain years written directly (most rows). */
static void period_text(const trade_period *p, char *buf)
{
    int y = p->first_month / 12;
    if (p->start_unit == TRADE_PERIOD_YEAR && !p->interval && y >= 1000 && y <= 9999) {
        buf[0] = (char)('0' + y / 1000);
        buf[1] = (char)('0' + y / 100 % 10);
        buf[2] = (char)('0' + y / 10 % 10);
        buf[3] = (char)('0' + y % 10);
        buf[4] = '\0';
        return;
    }
    trade_period_format(p, buf, TRADE_PERIOD_BUFSIZE);
}

static const char *num_text(double v, char *buf)
{
    buf[0] = '\0';
    if (isfinite(v))
        trade_number_format_fast(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
}

int series_growth_row(void *ctx, const trade_growth_row *r)
{
    series_out *so = ctx;
    size_t rows[2] = {r->row_from, r->row_to};
    series_out_ident(so, rows, 2);
    series_out_qualifier(so, r->qualifier);
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    period_text(r->period_from, p0);
    period_text(r->period_to, p1);
    series_out_str(so, 0, p0);
    series_out_str(so, 1, p1);
    series_out_str(so, 2, value_text(so, r->row_from, r->value_from, so->text[0]));
    series_out_str(so, 3, value_text(so, r->row_to, r->value_to, so->text[1]));
    series_out_str(so, 4, num_text(r->growth.growth_pct, so->text[2]));
    if (r->growth.cagr_pct == r->growth.growth_pct) /* one year apart: the same number */
        series_out_str(so, 5, so->text[2]);
    else
        series_out_str(so, 5, num_text(r->growth.cagr_pct, so->text[3]));
    series_out_str(so, 6, num_text(r->growth.log_growth, so->text[4]));
    series_out_str(so, 7, r->growth.status);
    so->rc = series_out_row(so);
    return so->rc ? -1 : 0;
}

int series_summary_row(void *ctx, const trade_summary_row *r)
{
    series_out *so = ctx;
    const trade_summary *sum = &r->summary;
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    series_out_ident(so, r->rows, r->n);
    series_out_qualifier(so, r->qualifier);
    series_out_str(so, 0, p0);
    series_out_str(so, 1, p1);
    series_out_num(so, 2, (double)r->n, 1);
    series_out_num(so, 3, sum->first, 1);
    series_out_num(so, 4, sum->last, 1);
    series_out_num(so, 5, sum->min, 1);
    series_out_num(so, 6, sum->max, 1);
    series_out_num(so, 7, sum->mean, 1);
    series_out_num(so, 8, sum->median, 1);
    series_out_num(so, 9, sum->sd, 1);
    series_out_str(so, 10, sum->status);
    so->rc = series_out_row(so);
    return so->rc ? -1 : 0;
}

int series_fit_row(void *ctx, const trade_fit_row *r)
{
    series_out *so = ctx;
    series_out_ident(so, r->rows, r->n);
    series_out_qualifier(so, r->qualifier);
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    series_out_num(so, 0, (double)r->n, 1);
    series_out_str(so, 1, p0);
    series_out_str(so, 2, p1);
    series_out_num(so, 3, r->fit.trend_pct, 1);
    series_out_num(so, 4, r->fit.ci_low_pct, 1);
    series_out_num(so, 5, r->fit.ci_high_pct, 1);
    series_out_num(so, 6, r->fit.r2, 1);
    series_out_str(so, 7, r->fit.status);
    so->rc = series_out_row(so);
    return so->rc ? -1 : 0;
}
