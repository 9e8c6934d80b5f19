/* series.c - writing the rows of the series commands: key columns, the
 * module's columns (named by the module, with their kinds) and the input
 * columns carried through. */
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

int series_out_open(series_out *so, const trade_table *t, const cli_common *o,
                    const trade_column *metric, size_t nmetric)
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
    int rc = cli_writer_open(&so->w, o);
    if (!rc) {
        trade_error err;
        if (trade_writer_header(so->w, so->ncols, names, numeric, &err))
            rc = cli_fail(&err);
    }
    free(names);
    free(skip);
    free(numeric);
    return rc ? series_out_close(so, rc) : rc;
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
