/* compare.c - balance, coverage, total, share, HHI, index and mirror.
 *
 * Every mode starts from the one figure per period of each series
 * (trade_series_mark_chosen): the other statements of a period are not
 * used, and where rows are written they say which line was used instead.
 * Pairs (balance, mirror) are found by sorting references to the chosen
 * level rows on their key; groups (share, HHI) by a stable merge sort of
 * the rows on the group columns; the index base by a scan of each series.
 * Rows go to the caller's callback as cells, formatted here, so that the
 * command only writes them. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/compare.h"
#include "trade/group.h"
#include "trade/number.h"
#include "trade/series.h"
#include "trade/writer.h"

/* ---- concentration of an array ----------------------------------------- */

int trade_compare_hhi_values(const double *values, size_t n, trade_hhi *out)
{
    if (!out || (n && !values))
        return TRADE_EARG;
    out->n = n;
    out->hhi = out->hhi_normalized = NAN;
    out->status = "";
    if (n == 0) {
        out->status = "no observations";
        return TRADE_OK;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(values[i])) {
            out->status = "non-finite value";
            return TRADE_OK;
        }
        if (values[i] < 0) {
            out->status = "negative value: no shares";
            return TRADE_OK;
        }
        sum += values[i];
    }
    if (!(sum > 0) || !isfinite(sum)) {
        out->status = sum > 0 ? "overflow" : "zero total: no shares";
        return TRADE_OK;
    }
    double h = 0;
    for (size_t i = 0; i < n; i++) {
        double s = values[i] / sum;
        h += s * s;
    }
    out->hhi = h;
    if (n == 1)
        out->status = "one member: no normalized index";
    else
        out->hhi_normalized = (h - 1.0 / (double)n) / (1.0 - 1.0 / (double)n);
    return TRADE_OK;
}

#define MAX_GROUP 16
#define MAX_OWN 16 /* columns a mode adds (room promised by trade_compare_columns) */
#define NONE ((size_t)-1)

typedef struct run {
    const trade_table *t;
    trade_compare_mode mode;
    const trade_compare_options *opt;
    unsigned char *chosen; /* 1: the figure chosen for its period in its series */
    size_t *best;          /* for each row, the chosen row of its period */
    trade_compare_fn fn;
    void *ctx;
    size_t ncols;
    const char **names;
    unsigned char *numeric;
    const char **cells;
    double *numbers;
    char (*num)[TRADE_NUMBER_BUFSIZE]; /* room for the mode's own numbers */
    size_t ngroup;
    size_t group[MAX_GROUP]; /* share, hhi: group columns of t */
    long period_col;
    size_t *carried; /* share, index: the input columns written */
    size_t ncarried;
    trade_group_index *groups; /* share, hhi */
} run;

static int nomem(trade_error *err)
{
    return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
}

int trade_compare_mode_parse(const char *name, trade_compare_mode *out)
{
    if (!name || !out)
        return TRADE_EARG;
    if (!strcmp(name, "balance") || !strcmp(name, "coverage") || !strcmp(name, "total"))
        *out = TRADE_COMPARE_BALANCE;
    else if (!strcmp(name, "share"))
        *out = TRADE_COMPARE_SHARE;
    else if (!strcmp(name, "hhi"))
        *out = TRADE_COMPARE_HHI;
    else if (!strcmp(name, "index"))
        *out = TRADE_COMPARE_INDEX;
    else if (!strcmp(name, "mirror"))
        *out = TRADE_COMPARE_MIRROR;
    else
        return TRADE_EARG;
    return TRADE_OK;
}

/* Append s to the status buffer buf ("; " between parts). */
static void status_add(char *buf, size_t size, const char *s)
{
    if (!s || !*s)
        return;
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, "%s%s", len ? "; " : "", s);
}

/* ---- columns ------------------------------------------------------------- */

static const trade_column metric_columns[] = {
    {"exports", 1},          {"imports", 1},        {"balance", 1},       {"coverage", 1},
    {"total", 1},            {"share_pct", 1},      {"index", 1},         {"n", 1},
    {"hhi", 1},              {"hhi_normalized", 1}, {"exports_reported", 1},
    {"imports_mirror", 1},   {"gap", 1},            {"gap_pct", 1},       {"qualifier", 0},
    {"status", 0}};

const trade_column *trade_compare_metric_columns(size_t *n)
{
    if (n)
        *n = sizeof metric_columns / sizeof metric_columns[0];
    return metric_columns;
}

static const char *const bal_names[] = {"reporter", "partner",   "flow",    "period",  "unit",
                                        "product",  "exports",   "imports", "balance", "coverage",
                                        "total",    "qualifier", "status"};
static const char *const mir_names[] = {
    "reporter",         "partner",        "flow", "period",  "unit",      "product",
    "exports_reported", "imports_mirror", "gap",  "gap_pct", "qualifier", "status"};
static const char *const hhi_names[] = {"n", "hhi", "hhi_normalized", "qualifier", "status"};
#define HHI_OWN (sizeof hhi_names / sizeof *hhi_names)

/* The group columns of r's options that t has, for the HHI header and the
 * output order (which rows form a group is trade_group_index's rule). An
 * absent column is left for trade_group_index_new to refuse. */
static int resolve_groups(run *r, trade_error *err)
{
    const char *spec = r->opt && r->opt->group ? r->opt->group : trade_group_default_columns();
    r->ngroup = 0;
    const char *p = spec;
    while (*p) {
        size_t len = strcspn(p, ",");
        char name[256];
        if (len >= sizeof name)
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "--group: column name too long");
        memcpy(name, p, len);
        name[len] = '\0';
        p += len + (p[len] == ',');
        long col = len ? trade_table_col_index(r->t, name) : -1;
        if (col < 0)
            continue;
        if (r->mode == TRADE_COMPARE_HHI)
            for (size_t i = 0; i < HHI_OWN; i++)
                if (!strcmp(name, hhi_names[i]))
                    return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                           "--group: '%s' is also a column hhi writes", name);
        if (r->ngroup == MAX_GROUP)
            return trade_error_set(err, TRADE_ELIMIT, NULL, 0, 0, "--group: at most %d columns",
                                   MAX_GROUP);
        r->group[r->ngroup++] = (size_t)col;
    }
    /* the grouping itself, and its errors (an absent column) */
    trade_group_index *g;
    int rc = trade_group_index_new(r->t, r->opt ? r->opt->group : NULL, &g, err);
    if (rc)
        return rc;
    r->groups = g;
    return TRADE_OK;
}

/* Fill r->names, r->numeric, r->ncols (and the carried and group columns). */
static int make_columns(run *r, trade_error *err)
{
    const trade_table *t = r->t;
    size_t n = 0;
    int has_product = trade_table_col_index(t, "product") >= 0;
    r->period_col = trade_table_col_index(t, "period");
    switch (r->mode) {
    case TRADE_COMPARE_BALANCE:
    case TRADE_COMPARE_MIRROR: {
        int mirror = r->mode == TRADE_COMPARE_MIRROR;
        const char *const *src = mirror ? mir_names : bal_names;
        size_t nsrc =
            mirror ? sizeof mir_names / sizeof *mir_names : sizeof bal_names / sizeof *bal_names;
        for (size_t i = 0; i < nsrc; i++)
            if (has_product || strcmp(src[i], "product")) {
                r->numeric[n] = (unsigned char)(i >= 6 && i + 2 < nsrc);
                r->names[n++] = src[i];
            }
        break;
    }
    case TRADE_COMPARE_HHI: {
        int rc = resolve_groups(r, err);
        if (rc)
            return rc;
        for (size_t i = 0; i < r->ngroup; i++) {
            r->names[n] = trade_table_col_name(t, r->group[i]);
            r->numeric[n] = (unsigned char)trade_column_is_numeric(r->names[n]);
            n++;
        }
        for (size_t i = 0; i < HHI_OWN; i++) {
            r->numeric[n] = i < 3;
            r->names[n++] = hhi_names[i];
        }
        break;
    }
    case TRADE_COMPARE_SHARE:
    case TRADE_COMPARE_INDEX: {
        if (r->mode == TRADE_COMPARE_SHARE) {
            int rc = resolve_groups(r, err);
            if (rc)
                return rc;
        }
        const char *own = r->mode == TRADE_COMPARE_SHARE ? "share_pct" : "index";
        r->ncarried = 0;
        for (size_t i = 0; i < trade_table_cols(t); i++) {
            const char *name = trade_table_col_name(t, i);
            if (!strcmp(name, own) || !strcmp(name, "status"))
                continue; /* replaced: never two columns of one name */
            r->carried[r->ncarried++] = i;
            r->numeric[n] = (unsigned char)trade_column_is_numeric(name);
            r->names[n++] = name;
        }
        r->numeric[n] = 1;
        r->names[n++] = own;
        r->numeric[n] = 0;
        r->names[n++] = "status";
        break;
    }
    }
    r->ncols = n;
    return TRADE_OK;
}

int trade_compare_columns(const trade_table *t, trade_compare_mode mode,
                          const trade_compare_options *opt, const char **names,
                          unsigned char *numeric, size_t *n, trade_error *err)
{
    trade_error_clear(err);
    if (!t || !names || !numeric || !n)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "compare: NULL argument");
    run r;
    memset(&r, 0, sizeof r);
    r.t = t;
    r.mode = mode;
    r.opt = opt;
    r.names = names;
    r.numeric = numeric;
    r.carried = malloc((trade_table_cols(t) + 1) * sizeof *r.carried);
    if (!r.carried)
        return nomem(err);
    int rc = make_columns(&r, err);
    free(r.carried);
    trade_group_index_free(r.groups);
    *n = rc ? 0 : r.ncols;
    return rc;
}

/* ---- output -------------------------------------------------------------- */

static const char *fmt(run *r, size_t slot, double v)
{
    trade_number_format_fast(v, r->num[slot], TRADE_NUMBER_BUFSIZE);
    return r->num[slot];
}

/* Give the row to the callback: cells[0..ncols) are set; numbers are
 * derived from the numeric columns. */
static int emit(run *r, size_t row, const char *status)
{
    for (size_t i = 0; i < r->ncols; i++) {
        double v = NAN;
        if (r->numeric[i] && r->cells[i] && r->cells[i][0])
            v = strtod(r->cells[i], NULL);
        r->numbers[i] = v;
    }
    trade_compare_row out = {r->ncols, r->cells, r->numbers, row, status ? status : ""};
    return r->fn(r->ctx, &out);
}

/* For each row, the chosen row of its period in its series. */
static int mark_best(run *r, trade_error *err)
{
    size_t n = trade_table_rows(r->t);
    r->chosen = malloc(n + 1);
    r->best = malloc((n + 1) * sizeof *r->best);
    if (!r->chosen || !r->best)
        return nomem(err);
    int rc = trade_series_mark_chosen(r->t, r->chosen, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++)
        r->best[i] = i;
    trade_series_list *sl;
    if ((rc = trade_series_build(r->t, 0, &sl, err)))
        return rc;
    for (size_t s = 0; s < trade_series_count(sl); s++) {
        size_t m;
        const size_t *rows = trade_series_rows(sl, s, &m);
        for (size_t a = 0; a < m;) {
            const trade_period *p = &trade_table_obs(r->t, rows[a])->period;
            size_t b = a + 1, win = rows[a];
            while (b < m && trade_period_equal(p, &trade_table_obs(r->t, rows[b])->period))
                b++;
            for (size_t k = a; k < b; k++)
                if (r->chosen[rows[k]])
                    win = rows[k];
            for (size_t k = a; k < b; k++)
                r->best[rows[k]] = win;
            a = b;
        }
    }
    trade_series_list_free(sl);
    return TRADE_OK;
}

/* ---- balance, coverage, total, mirror ------------------------------------ */

typedef struct key_ref {
    const char *a, *b; /* reporter and partner, swapped for mirror imports */
    const char *unit, *product;
    const trade_period *period;
    size_t row;
    int side; /* 0 export side, 1 import side */
    int kind; /* 0 goods, 1 services */
} key_ref;

/* a, b, kind, product, [unit,] period (months), side, row */
static int cmp_ref(const key_ref *x, const key_ref *y, int with_unit)
{
    int c;
    if ((c = strcmp(x->a, y->a)) || (c = strcmp(x->b, y->b)) || (c = x->kind - y->kind) ||
        (c = strcmp(x->product, y->product)) || (with_unit && (c = strcmp(x->unit, y->unit))) ||
        (c = trade_period_compare(x->period, y->period)))
        return c;
    if (x->side != y->side)
        return x->side - y->side;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int cmp_key(const void *pa, const void *pb)
{
    return cmp_ref(pa, pb, 1);
}

static int cmp_key_nounit(const void *pa, const void *pb)
{
    return cmp_ref(pa, pb, 0);
}

static int same_key(const key_ref *x, const key_ref *y)
{
    return !strcmp(x->a, y->a) && !strcmp(x->b, y->b) && x->kind == y->kind &&
           !strcmp(x->product, y->product) && !strcmp(x->unit, y->unit) &&
           trade_period_equal(x->period, y->period);
}

/* The unit of the other side of x's key in another unit, or NULL
 * (refs sorted by cmp_key_nounit). */
static const char *other_unit(const key_ref *refs, size_t m, const key_ref *x, int side)
{
    key_ref probe = *x;
    probe.side = side;
    probe.row = 0;
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_ref(&refs[mid], &probe, 0) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < m; k++) {
        const key_ref *y = &refs[k];
        if (strcmp(y->a, x->a) || strcmp(y->b, x->b) || y->kind != x->kind ||
            strcmp(y->product, x->product) || !trade_period_equal(y->period, x->period) ||
            y->side != side)
            break;
        if (strcmp(y->unit, x->unit))
            return y->unit;
    }
    return NULL;
}

static int run_pairs(run *r, trade_error *err)
{
    const trade_table *t = r->t;
    int mirror = r->mode == TRADE_COMPARE_MIRROR;
    size_t n = trade_table_rows(t), m = 0;
    int has_product = trade_table_col_index(t, "product") >= 0;
    key_ref *refs = malloc((n + 1) * sizeof *refs), *byunit = malloc((n + 1) * sizeof *byunit);
    if (!refs || !byunit) {
        free(refs);
        free(byunit);
        return nomem(err);
    }
    for (size_t row = 0; row < n; row++) {
        const trade_obs *ob = trade_table_obs(t, row);
        if (!r->chosen[row] || !trade_unit_is_level(ob->unit))
            continue;
        int side, kind;
        if (!strcmp(ob->flow, "export"))
            side = 0, kind = 0;
        else if (!strcmp(ob->flow, "import"))
            side = 1, kind = 0;
        else if (mirror && !strcmp(ob->flow, "services_export"))
            side = 0, kind = 1;
        else if (mirror && !strcmp(ob->flow, "services_import"))
            side = 1, kind = 1;
        else
            continue;
        int swap = mirror && side == 1;
        refs[m++] = (key_ref){swap ? ob->partner : ob->reporter,
                              swap ? ob->reporter : ob->partner,
                              ob->unit,
                              ob->product,
                              &ob->period,
                              row,
                              side,
                              kind};
    }
    qsort(refs, m, sizeof *refs, cmp_key);
    memcpy(byunit, refs, m * sizeof *refs);
    qsort(byunit, m, sizeof *byunit, cmp_key_nounit);
    char period[TRADE_PERIOD_BUFSIZE], status[512];
    int rc = TRADE_OK;
    for (size_t i = 0; i < m && !rc;) {
        size_t j = i + 1;
        while (j < m && same_key(&refs[i], &refs[j]))
            j++;
        const trade_obs *x = NULL, *mm = NULL;
        size_t ix = i, im = i;
        for (size_t k = i; k < j; k++) {
            const trade_obs *ob = trade_table_obs(t, refs[k].row);
            if (refs[k].side == 0 && !x) {
                x = ob;
                ix = k;
            } else if (refs[k].side == 1 && !mm) {
                mm = ob;
                im = k;
            }
        }
        const key_ref *kr = &refs[i];
        trade_period_format(kr->period, period, sizeof period);
        size_t k = 0;
        r->cells[k++] = kr->a;
        r->cells[k++] = kr->b;
        /* balance rows describe the trade relation (exports and imports) */
        r->cells[k++] = mirror ? (kr->kind ? "services_export" : "export") : "trade";
        r->cells[k++] = period;
        r->cells[k++] = kr->unit;
        if (has_product)
            r->cells[k++] = kr->product;
        status[0] = '\0';
        double v[5] = {x ? x->value : NAN, mm ? mm->value : NAN, NAN, NAN, NAN};
        const char *ou = NULL;
        if (!x || !mm)
            ou = other_unit(byunit, m, kr, x ? 1 : 0);
        if (!mirror) {
            if (!x || !mm) {
                if (ou) {
                    char msg[200];
                    snprintf(msg, sizeof msg, "different units: %s in %s, %s in %s",
                             x ? "exports" : "imports", kr->unit, x ? "imports" : "exports", ou);
                    status_add(status, sizeof status, msg);
                } else {
                    status_add(status, sizeof status, x ? "no imports" : "no exports");
                }
            } else {
                v[2] = x->value - mm->value;
                if (!isfinite(v[2]))
                    status_add(status, sizeof status, "balance overflows: no balance");
                if (mm->value != 0) {
                    v[3] = x->value / mm->value;
                    if (!isfinite(v[3]))
                        status_add(status, sizeof status, "coverage overflows: no coverage");
                } else {
                    status_add(status, sizeof status, "zero imports: no coverage");
                }
                v[4] = x->value + mm->value;
                if (!isfinite(v[4]))
                    status_add(status, sizeof status, "total overflows: no total");
            }
            for (int q = 0; q < 5; q++)
                r->cells[k++] = fmt(r, (size_t)q, isfinite(v[q]) ? v[q] : NAN);
        } else {
            if (!x || !mm) {
                if (ou) {
                    char msg[200];
                    snprintf(msg, sizeof msg,
                             x ? "different units: exports in %s, the partner's imports in %s"
                               : "different units: imports in %s, the exporter's exports in %s",
                             kr->unit, ou);
                    status_add(status, sizeof status, msg);
                } else {
                    status_add(status, sizeof status,
                               x ? "no mirror import reported by the partner"
                                 : "no export reported by the exporter");
                }
            } else {
                v[2] = mm->value - x->value;
                if (!isfinite(v[2]))
                    status_add(status, sizeof status, "gap overflows: no gap");
                if (x->value != 0) {
                    v[3] = 100.0 * (mm->value - x->value) / x->value;
                    if (!isfinite(v[3]))
                        status_add(status, sizeof status, "gap_pct overflows: no gap_pct");
                } else {
                    status_add(status, sizeof status, "zero exports: no gap_pct");
                }
            }
            for (int q = 0; q < 4; q++)
                r->cells[k++] = fmt(r, (size_t)q, isfinite(v[q]) ? v[q] : NAN);
        }
        /* the result of an exact and a qualified figure is qualified (fix 9) */
        size_t used[2], nused = 0;
        if (x)
            used[nused++] = refs[ix].row;
        if (mm)
            used[nused++] = refs[im].row;
        r->cells[k++] = trade_series_qualifier(t, used, nused);
        r->cells[k++] = status;
        rc = emit(r, NONE, status);
        i = j;
    }
    free(refs);
    free(byunit);
    return rc;
}

/* ---- groups: share and hhi ----------------------------------------------- */

/* The output order of groups: by their columns (periods by the months
 * covered), then by group, so that rows of one group are adjacent. */
static int cmp_rows_by_group(const run *r, size_t a, size_t b)
{
    for (size_t i = 0; i < r->ngroup; i++) {
        int c;
        if ((long)r->group[i] == r->period_col)
            c = trade_period_compare(&trade_table_obs(r->t, a)->period,
                                     &trade_table_obs(r->t, b)->period);
        else
            c = strcmp(trade_table_cell(r->t, a, r->group[i]),
                       trade_table_cell(r->t, b, r->group[i]));
        if (c)
            return c;
    }
    size_t ga = trade_group_of(r->groups, a), gb = trade_group_of(r->groups, b);
    return ga < gb ? -1 : ga > gb;
}

/* 1 when rows a and b are in one group. */
static int same_group(const run *r, size_t a, size_t b)
{
    return trade_group_of(r->groups, a) == trade_group_of(r->groups, b);
}

/* Sort rows by group (merge sort: stable, no global comparator state). */
static void sort_by_group(const run *r, size_t *rows, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_by_group(r, rows, tmp, h);
    sort_by_group(r, rows + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_rows_by_group(r, rows[j], rows[i]) < 0 ? rows[j++] : rows[i++];
    while (i < h)
        tmp[k++] = rows[i++];
    while (j < n)
        tmp[k++] = rows[j++];
    memcpy(rows, tmp, n * sizeof *rows);
}

/* Row statuses of share: static strings, or ST_DUP (written with the line
 * of the row used) or per-row text. */
static const char st_dup[] = "duplicate";

static int run_groups(run *r, trade_error *err)
{
    const trade_table *t = r->t;
    const char *of = r->opt ? r->opt->of : NULL;
    int keep_agg = r->opt && r->opt->keep_aggregates;
    size_t n = trade_table_rows(t);
    size_t *rows = malloc((n + 1) * sizeof *rows), *tmp = malloc((n + 1) * sizeof *tmp);
    double *share = malloc((n + 1) * sizeof *share), *vals = malloc((n + 1) * sizeof *vals);
    size_t *mrows = malloc((n + 2) * sizeof *mrows); /* members (and a stated total) */
    const char **status = calloc(n + 1, sizeof *status);
    const char **gstatus = calloc(n + 1, sizeof *gstatus); /* the group's, per row */
    int rc = TRADE_OK;
    if (!rows || !tmp || !share || !vals || !status || !gstatus || !mrows) {
        rc = nomem(err);
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        rows[i] = i;
    sort_by_group(r, rows, tmp, n);
    for (size_t a = 0; a < n && !rc;) {
        size_t b = a + 1;
        while (b < n && same_group(r, rows[a], rows[b]))
            b++;
        /* members: chosen, level units, not the stated total, not aggregates */
        double sum = 0, total = 0;
        size_t nm = 0, nlevel = 0, total_row = NONE;
        int negative = 0;
        for (size_t k = a; k < b; k++) {
            size_t row = rows[k];
            const trade_obs *ob = trade_table_obs(t, row);
            share[row] = NAN;
            status[row] = "";
            gstatus[row] = "";
            if (!trade_series_admits(t, row)) {
                status[row] = TRADE_SERIES_STATUS_MEASURE;
                continue;
            }
            if (!r->chosen[row]) {
                status[row] = st_dup;
                continue;
            }
            if (!trade_unit_is_level(ob->unit)) {
                status[row] = "unit is not a level: no share";
                continue;
            }
            nlevel++;
            if (of && !strcmp(ob->partner, of)) {
                if (total_row == NONE) {
                    total_row = row;
                    total = ob->value;
                } else {
                    status[row] = "second stated total: not used";
                }
                continue;
            }
            if (!keep_agg && trade_country_is_aggregate(ob->partner)) {
                status[row] = "aggregate partner: not a member (--keep-aggregates counts it)";
                continue;
            }
            mrows[nm] = row;
            vals[nm++] = ob->value;
            sum += ob->value;
            negative |= ob->value < 0;
        }
        if (r->mode == TRADE_COMPARE_HHI) {
            if (nlevel == 0) { /* ranks, percentages: no HHI */
                a = b;
                continue;
            }
            trade_hhi h;
            trade_compare_hhi_values(vals, nm, &h);
            char st[512] = "";
            double hhi = h.hhi, norm = h.hhi_normalized;
            if (nm == 0) {
                hhi = norm = NAN;
                status_add(st, sizeof st,
                           keep_agg ? "no members"
                                    : "no members: aggregate partners are not "
                                      "members (--keep-aggregates counts them)");
            } else if (!isfinite(sum)) {
                hhi = norm = NAN;
                status_add(st, sizeof st, "group sum overflows: no HHI");
            } else if (of && total_row != NONE) {
                /* shares of the stated total: H = sum (v / T)^2 = H_sum (S / T)^2 */
                char msg[160];
                if (!(total > 0) || !isfinite(hhi)) {
                    hhi = NAN;
                    status_add(st, sizeof st, h.status);
                    if (!(total > 0))
                        status_add(st, sizeof st, "stated total not above 0: no HHI");
                } else {
                    hhi = h.hhi * (sum / total) * (sum / total);
                    if (sum > total)
                        status_add(st, sizeof st,
                                   "stated total smaller than the sum of its parts: shares sum "
                                   "to more than 1");
                }
                norm = NAN;
                snprintf(msg, sizeof msg, "shares of the stated total (%.40s): no normalized HHI",
                         of);
                status_add(st, sizeof st, msg);
            } else {
                if (of)
                    status_add(st, sizeof st, "no stated total row: shares of the sum");
                status_add(st, sizeof st, h.status);
            }
            size_t k = 0;
            for (size_t i = 0; i < r->ngroup; i++)
                r->cells[k++] = trade_table_cell(t, rows[a], r->group[i]);
            r->cells[k++] = fmt(r, 0, (double)nm);
            r->cells[k++] = fmt(r, 1, hhi);
            r->cells[k++] = fmt(r, 2, norm);
            size_t nq = nm;
            if (of && total_row != NONE)
                mrows[nq++] = total_row;
            r->cells[k++] = trade_series_qualifier(t, mrows, nq);
            r->cells[k++] = st;
            rc = emit(r, NONE, st);
            a = b;
            continue;
        }
        const char *group_status = "";
        double denom = sum;
        if (of && total_row != NONE) {
            denom = total;
            share[total_row] = 100.0;
            status[total_row] = "stated total";
            if (sum > total && !negative) {
                group_status = "stated total smaller than the sum of its parts: shares sum to "
                               "more than 100";
                status[total_row] = "stated total, smaller than the sum of its parts";
            }
        } else if (of) {
            group_status = "no stated total row: share of the sum";
        }
        for (size_t k = a; k < b; k++) {
            size_t row = rows[k];
            if (*status[row] || row == total_row)
                continue;
            gstatus[row] = group_status;
            if (!isfinite(denom)) {
                status[row] = "group total overflows: no share";
                continue;
            }
            if (denom == 0) {
                status[row] = "zero group total: no share";
                continue;
            }
            double v = trade_table_obs(t, row)->value, s = 100.0 * v / denom;
            if (!isfinite(s)) {
                status[row] = "share overflows: no share";
                continue;
            }
            share[row] = s;
            if (denom < 0)
                status[row] = "negative group total: share outside 0 to 100";
            else if (s < 0)
                status[row] = "negative value: share below 0";
            else if (s > 100)
                status[row] = of && total_row != NONE
                                  ? "value above the stated total: share above 100"
                                  : "other members negative: share above 100";
        }
        a = b;
    }
    if (r->mode == TRADE_COMPARE_SHARE) {
        char st[640];
        for (size_t row = 0; row < n && !rc; row++) {
            size_t k = 0;
            for (size_t i = 0; i < r->ncarried; i++)
                r->cells[k++] = trade_table_cell(t, row, r->carried[i]);
            r->cells[k++] = fmt(r, 0, share[row]);
            st[0] = '\0';
            if (status[row] == st_dup) {
                snprintf(st, sizeof st, "duplicate: line %lu used",
                         trade_table_obs(t, r->best[row])->line);
            } else {
                status_add(st, sizeof st, gstatus[row]);
                status_add(st, sizeof st, status[row]);
            }
            r->cells[k++] = st;
            rc = emit(r, row, st);
        }
    }
done:
    free(rows);
    free(tmp);
    free(share);
    free(vals);
    free(mrows);
    free(status);
    free(gstatus);
    return rc;
}

/* ---- index --------------------------------------------------------------- */

static const char st_other_kind[] = "period of another kind than the base";

static int run_index(run *r, trade_error *err)
{
    const trade_table *t = r->t;
    const char *text = r->opt ? r->opt->base : NULL;
    trade_period base;
    trade_error e;
    if (!text)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "index needs --base PERIOD");
    if (trade_period_parse(text, strlen(text), &base, &e))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "--base: %s", e.message);
    size_t n = trade_table_rows(t);
    double *index = malloc((n + 1) * sizeof *index);
    const char **status = calloc(n + 1, sizeof *status);
    trade_series_list *sl = NULL;
    int rc = TRADE_OK;
    if (!index || !status) {
        rc = nomem(err);
        goto done;
    }
    if ((rc = trade_series_build(t, 0, &sl, err)))
        goto done;
    for (size_t s = 0; s < trade_series_count(sl); s++) {
        size_t m;
        const size_t *rows = trade_series_rows(sl, s, &m);
        const trade_obs *b = NULL;
        for (size_t k = 0; k < m && !b; k++) {
            const trade_obs *ob = trade_table_obs(t, rows[k]);
            if (r->chosen[rows[k]] && trade_period_equal(&ob->period, &base))
                b = ob;
        }
        for (size_t k = 0; k < m; k++) {
            size_t row = rows[k];
            const trade_obs *ob = trade_table_obs(t, row);
            index[row] = NAN;
            status[row] = "";
            if (!trade_unit_is_level(ob->unit))
                status[row] = "unit is not a level: no index";
            else if (!trade_period_same_kind(&ob->period, &base))
                status[row] = st_other_kind; /* written with the kinds */
            else if (!b)
                status[row] = "no value for the base period";
            else if (b->value == 0)
                status[row] = "zero base";
            else if (b->value < 0)
                status[row] = "negative base";
            else if (!isfinite(index[row] = 100.0 * ob->value / b->value)) {
                index[row] = NAN;
                status[row] = "index overflows: no index";
            }
        }
    }
    char st[160];
    for (size_t row = 0; row < n && !rc; row++) {
        size_t k = 0;
        if (!status[row] && !trade_series_admits(t, row)) { /* in no series */
            index[row] = NAN;
            status[row] = TRADE_SERIES_STATUS_MEASURE;
        }
        for (size_t i = 0; i < r->ncarried; i++)
            r->cells[k++] = trade_table_cell(t, row, r->carried[i]);
        r->cells[k++] = fmt(r, 0, index[row]);
        const char *s = status[row] ? status[row] : "";
        if (s == st_other_kind) { /* name the kinds: "(month, not year)" */
            const trade_obs *ob = trade_table_obs(t, row);
            snprintf(st, sizeof st, "period of another kind than the base (%s, not %s): no index",
                     trade_period_kind_name(trade_period_kind_of(&ob->period)),
                     trade_period_kind_name(trade_period_kind_of(&base)));
            s = st;
        }
        r->cells[k++] = s;
        rc = emit(r, row, s);
    }
done:
    trade_series_list_free(sl);
    free(index);
    free(status);
    return rc;
}

int trade_compare_run(const trade_table *t, trade_compare_mode mode,
                      const trade_compare_options *opt, trade_compare_fn fn, void *ctx,
                      trade_error *err)
{
    trade_error_clear(err);
    if (!t || !fn)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "compare: NULL argument");
    if (trade_table_rows(t) && !trade_table_obs(t, 0))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "compare needs observation rows, not generic CSV");
    run r;
    memset(&r, 0, sizeof r);
    r.t = t;
    r.mode = mode;
    r.opt = opt;
    r.fn = fn;
    r.ctx = ctx;
    size_t room = trade_table_cols(t) + MAX_OWN;
    r.names = malloc(room * sizeof *r.names);
    r.numeric = malloc(room);
    r.cells = malloc(room * sizeof *r.cells);
    r.numbers = malloc(room * sizeof *r.numbers);
    r.num = malloc(MAX_OWN * sizeof *r.num);
    r.carried = malloc(room * sizeof *r.carried);
    int rc;
    if (!r.names || !r.numeric || !r.cells || !r.numbers || !r.num || !r.carried) {
        rc = nomem(err);
        goto done;
    }
    if ((rc = make_columns(&r, err)))
        goto done;
    if (mode == TRADE_COMPARE_INDEX && (!opt || !opt->base)) {
        rc = trade_error_set(err, TRADE_EARG, NULL, 0, 0, "index needs --base PERIOD");
        goto done;
    }
    if ((rc = mark_best(&r, err)))
        goto done;
    switch (mode) {
    case TRADE_COMPARE_BALANCE:
    case TRADE_COMPARE_MIRROR:
        rc = run_pairs(&r, err);
        break;
    case TRADE_COMPARE_SHARE:
    case TRADE_COMPARE_HHI:
        rc = run_groups(&r, err);
        break;
    case TRADE_COMPARE_INDEX:
        rc = run_index(&r, err);
        break;
    }
done:
    free(r.names);
    free(r.numeric);
    free(r.cells);
    free(r.numbers);
    free(r.num);
    free(r.carried);
    trade_group_index_free(r.groups);
    free(r.chosen);
    free(r.best);
    return rc;
}
