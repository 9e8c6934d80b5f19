/* cmd_compare.c - trade compare: balance, coverage and total of exports and
 * imports; shares and concentration within groups; an index on a base
 * period; mirror flows (A's exports to B against B's imports from A).
 *
 * Where the input states one observation twice (same reporter, partner,
 * flow, period, unit and product: a text figure and a table figure), the row
 * series_dedupe prefers is used (exact before qualified, then the finer
 * precision, then the first) and the others are marked as duplicates. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "series.h"

static const char usage[] =
    "usage: trade compare balance|coverage|total|share|hhi|index|mirror [OPTIONS] [FILE...]\n"
    "\n"
    "balance, coverage, total: one row per reporter, partner, period, unit (and\n"
    "  product) with flows export and import: flow (always 'trade', the\n"
    "  vocabulary's exports + imports), exports, imports, balance = X - M,\n"
    "  coverage = X / M (a ratio, empty when M is 0), total = X + M, status. The\n"
    "  three modes write the same columns. Rows in percent, percent_change, pp\n"
    "  or rank are left out here and in mirror.\n"
    "share: every row plus share_pct = 100 * value / group total and status.\n"
    "  Groups as in trade rank (--group, default reporter,flow,period,unit). The\n"
    "  group total is the sum of the group's rows; with --of VALUE, the group's\n"
    "  row whose partner is VALUE (e.g. WLD) is the stated total instead: the\n"
    "  other rows' shares are of it, it is not summed, and its own share_pct is\n"
    "  100. A group without such a row falls back to the sum (status says so).\n"
    "  Rows in percent, percent_change, pp or rank get no share.\n"
    "hhi: per group: n, hhi = sum of squared shares (fractions of the group\n"
    "  sum), hhi_normalized = (hhi - 1/n) / (1 - 1/n) (empty for n = 1), status.\n"
    "  With --of VALUE the rows whose partner is VALUE are left out; groups in\n"
    "  percent, percent_change, pp or rank are skipped.\n"
    "index --base PERIOD: every row plus index = 100 * value / value of its\n"
    "  series at PERIOD (same reporter, partner, flow, unit, product), status.\n"
    "mirror: A's exports to B against B's imports from A (services_export\n"
    "  against services_import likewise): reporter (A), partner (B), flow,\n"
    "  period, unit, [product], exports_reported, imports_mirror,\n"
    "  gap = imports_mirror - exports_reported, gap_pct = 100 * gap /\n"
    "  exports_reported, status. An unmatched side leaves its cells empty.\n"
    "A figure stated twice is used once (exact before qualified, then the finer\n"
    "precision); the other rows are marked 'duplicate' where rows are written.\n"
    "\n"
    "options:\n"
    "      --group COLUMNS   share, hhi: comma-separated grouping columns\n"
    "      --of VALUE        share, hhi: the partner code of the stated total row\n"
    "      --base PERIOD     index: the base period\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade compare share --of WLD --where flow=export datasets/*.csv\n";

enum { OPT_GROUP = 1, OPT_OF, OPT_BASE };

#define MAX_GROUP 16

enum { MODE_BALANCE, MODE_SHARE, MODE_HHI, MODE_INDEX, MODE_MIRROR };

typedef struct compare_ctx {
    trade_table *t;
    cli_common o;
    const char *of;
    const char *base;
    const char *group;
    int explicit_group;
    unsigned char *dup; /* 1: not the preferred row of its observation */
    size_t *best;       /* the preferred row for each row */
    trade_writer *w;
} compare_ctx;

/* Mark the rows that repeat an observation (see the file comment). */
static int mark_dups(compare_ctx *c, trade_series_list *sl)
{
    size_t n = trade_table_rows(c->t);
    c->dup = calloc(n + 1, 1);
    c->best = malloc((n + 1) * sizeof *c->best);
    size_t *keep = malloc((n + 1) * sizeof *keep);
    if (!c->dup || !c->best || !keep) {
        free(keep);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        c->best[i] = i;
    for (size_t s = 0; s < trade_series_count(sl); s++) {
        size_t m;
        const size_t *rows = trade_series_rows(sl, s, &m);
        for (size_t a = 0; a < m;) {
            const trade_period *p = &trade_table_obs(c->t, rows[a])->period;
            size_t b = a + 1;
            while (b < m && !trade_period_compare(p, &trade_table_obs(c->t, rows[b])->period) &&
                   trade_period_same_kind(p, &trade_table_obs(c->t, rows[b])->period))
                b++;
            if (b - a > 1) {
                series_dedupe(c->t, rows + a, b - a, keep);
                for (size_t k = a; k < b; k++) {
                    c->best[rows[k]] = keep[0];
                    c->dup[rows[k]] = rows[k] != keep[0];
                }
            }
            a = b;
        }
    }
    free(keep);
    return 0;
}

static int write_header(compare_ctx *c, size_t n, const char *const *names)
{
    int rc = cli_writer_open(&c->w, &c->o);
    if (rc)
        return rc;
    /* numbers for jsonl: the writer's list plus the mirror columns */
    unsigned char *numeric = malloc(n + 1);
    if (!numeric) {
        cli_errorf("compare", "out of memory");
        return CLI_EUSAGE;
    }
    for (size_t i = 0; i < n; i++)
        numeric[i] = (unsigned char)(trade_column_is_numeric(names[i]) ||
                                     !strcmp(names[i], "exports_reported") ||
                                     !strcmp(names[i], "imports_mirror"));
    trade_error err;
    rc = trade_writer_header(c->w, n, names, numeric, &err) ? cli_fail(&err) : CLI_OK;
    free(numeric);
    return rc;
}

static int write_row(compare_ctx *c, const char *const *cells)
{
    trade_error err;
    return trade_writer_row(c->w, cells, &err) ? cli_fail(&err) : CLI_OK;
}

static const char *num(double v, char *buf)
{
    trade_stats_number_format(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
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

static int cmp_key(const void *pa, const void *pb)
{
    const key_ref *x = pa, *y = pb;
    int r;
    if ((r = strcmp(x->a, y->a)) || (r = strcmp(x->b, y->b)) || (r = x->kind - y->kind) ||
        (r = strcmp(x->product, y->product)) || (r = strcmp(x->unit, y->unit)) ||
        (r = trade_period_compare(x->period, y->period)))
        return r;
    if (!trade_period_same_kind(x->period, y->period))
        return x->period->start_unit - y->period->start_unit
                   ? x->period->start_unit - y->period->start_unit
                   : x->period->interval - y->period->interval;
    if (x->side != y->side)
        return x->side - y->side;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int same_key(const key_ref *x, const key_ref *y)
{
    return !strcmp(x->a, y->a) && !strcmp(x->b, y->b) && x->kind == y->kind &&
           !strcmp(x->product, y->product) && !strcmp(x->unit, y->unit) &&
           !trade_period_compare(x->period, y->period) &&
           trade_period_same_kind(x->period, y->period);
}

static int run_pairs(compare_ctx *c, int mirror)
{
    const trade_table *t = c->t;
    size_t n = trade_table_rows(t), m = 0;
    int has_product = trade_table_col_index(t, "product") >= 0;
    key_ref *refs = malloc((n + 1) * sizeof *refs);
    if (!refs) {
        cli_errorf("compare", "out of memory");
        return CLI_EUSAGE;
    }
    for (size_t r = 0; r < n; r++) {
        const trade_obs *ob = trade_table_obs(t, r);
        if (c->dup[r] || !trade_stats_unit_is_level(ob->unit))
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
                              r,
                              side,
                              kind};
    }
    qsort(refs, m, sizeof *refs, cmp_key);
    static const char *const bal_names[] = {"reporter", "partner",  "flow",    "period",
                                            "unit",     "product",  "exports", "imports",
                                            "balance",  "coverage", "total",   "status"};
    static const char *const mir_names[] = {
        "reporter",         "partner",        "flow", "period",  "unit",  "product",
        "exports_reported", "imports_mirror", "gap",  "gap_pct", "status"};
    const char *names[12];
    size_t nc = 0;
    const char *const *src = mirror ? mir_names : bal_names;
    size_t nsrc =
        mirror ? sizeof mir_names / sizeof *mir_names : sizeof bal_names / sizeof *bal_names;
    for (size_t i = 0; i < nsrc; i++)
        if (has_product || strcmp(src[i], "product"))
            names[nc++] = src[i];
    int rc = write_header(c, nc, names);
    char nb[5][TRADE_NUMBER_BUFSIZE], period[TRADE_PERIOD_BUFSIZE];
    for (size_t i = 0; i < m && !rc;) {
        size_t j = i + 1;
        while (j < m && same_key(&refs[i], &refs[j]))
            j++;
        const trade_obs *x = NULL, *mm = NULL;
        for (size_t k = i; k < j; k++) {
            const trade_obs *ob = trade_table_obs(t, refs[k].row);
            if (refs[k].side == 0 && !x)
                x = ob;
            else if (refs[k].side == 1 && !mm)
                mm = ob;
        }
        const key_ref *kr = &refs[i];
        trade_period_format(kr->period, period, sizeof period);
        const char *cells[12];
        size_t k = 0;
        cells[k++] = kr->a;
        cells[k++] = kr->b;
        /* balance rows describe the trade relation (exports and imports) */
        cells[k++] = mirror ? (kr->kind ? "services_export" : "export") : "trade";
        cells[k++] = period;
        cells[k++] = kr->unit;
        if (has_product)
            cells[k++] = kr->product;
        for (int q = 0; q < 5; q++)
            nb[q][0] = '\0';
        const char *status = "";
        if (x)
            num(x->value, nb[0]);
        if (mm)
            num(mm->value, nb[1]);
        if (!mirror) {
            if (!x || !mm) {
                status = x ? "no imports" : "no exports";
            } else {
                num(x->value - mm->value, nb[2]);
                if (mm->value != 0)
                    num(x->value / mm->value, nb[3]);
                else
                    status = "zero imports: no coverage";
                num(x->value + mm->value, nb[4]);
            }
            for (int q = 0; q < 5; q++)
                cells[k++] = nb[q];
        } else {
            if (!x || !mm) {
                status = x ? "no mirror import reported by the partner"
                           : "no export reported by the exporter";
            } else {
                num(mm->value - x->value, nb[2]);
                if (x->value != 0)
                    num(100.0 * (mm->value - x->value) / x->value, nb[3]);
                else
                    status = "zero exports: no gap_pct";
            }
            for (int q = 0; q < 4; q++)
                cells[k++] = nb[q];
        }
        cells[k++] = status;
        rc = write_row(c, cells);
        i = j;
    }
    free(refs);
    return rc;
}

/* ---- groups: share and hhi ----------------------------------------------- */

typedef struct group_ref {
    size_t row;
    size_t gid; /* first row of the group in sort order */
} group_ref;

typedef struct group_cols {
    const trade_table *t;
    size_t n;
    size_t col[MAX_GROUP];
} group_cols;

static int resolve_groups(group_cols *g, const trade_table *t, const char *spec, int explicit_)
{
    char *copy = strdup(spec), *save = NULL;
    if (!copy) {
        cli_errorf("compare", "out of memory");
        return CLI_EUSAGE;
    }
    g->t = t;
    g->n = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long col = trade_table_col_index(t, tok);
        if (col < 0) {
            if (explicit_) {
                cli_errorf("compare", "--group: no column '%s' in the input", tok);
                free(copy);
                return CLI_EUSAGE;
            }
            continue;
        }
        if (g->n == MAX_GROUP) {
            cli_errorf("compare", "--group: at most %d columns", MAX_GROUP);
            free(copy);
            return CLI_EUSAGE;
        }
        g->col[g->n++] = (size_t)col;
    }
    free(copy);
    return CLI_OK;
}

static int cmp_rows_by_group(const group_cols *g, size_t a, size_t b)
{
    for (size_t i = 0; i < g->n; i++) {
        int r = strcmp(trade_table_cell(g->t, a, g->col[i]), trade_table_cell(g->t, b, g->col[i]));
        if (r)
            return r;
    }
    return 0;
}

/* Sort rows by group (merge sort: stable, no global comparator state). */
static void sort_by_group(const group_cols *g, size_t *rows, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_by_group(g, rows, tmp, h);
    sort_by_group(g, rows + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_rows_by_group(g, rows[j], rows[i]) < 0 ? rows[j++] : rows[i++];
    while (i < h)
        tmp[k++] = rows[i++];
    while (j < n)
        tmp[k++] = rows[j++];
    memcpy(rows, tmp, n * sizeof *rows);
}

static const char dup_mark[] = "duplicate";

static int run_groups(compare_ctx *c, int mode)
{
    const trade_table *t = c->t;
    group_cols g;
    int rc = resolve_groups(&g, t, c->group, c->explicit_group);
    if (rc)
        return rc;
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t);
    size_t *rows = malloc((n + 1) * sizeof *rows), *tmp = malloc((n + 1) * sizeof *tmp);
    double *share = malloc((n + 1) * sizeof *share), *vals = malloc((n + 1) * sizeof *vals);
    const char **status = calloc(n + 1, sizeof *status);
    const char **cells = malloc((ncols + g.n + 8) * sizeof *cells);
    const char **names = malloc((ncols + g.n + 8) * sizeof *names);
    if (!rows || !tmp || !share || !vals || !status || !cells || !names) {
        cli_errorf("compare", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    for (size_t r = 0; r < n; r++)
        rows[r] = r;
    sort_by_group(&g, rows, tmp, n);
    if (mode == MODE_SHARE) {
        for (size_t i = 0; i < ncols; i++)
            names[i] = trade_table_col_name(t, i);
        names[ncols] = "share_pct";
        names[ncols + 1] = "status";
        if ((rc = write_header(c, ncols + 2, names)))
            goto done;
    } else {
        for (size_t i = 0; i < g.n; i++)
            names[i] = trade_table_col_name(t, g.col[i]);
        names[g.n] = "n";
        names[g.n + 1] = "hhi";
        names[g.n + 2] = "hhi_normalized";
        names[g.n + 3] = "status";
        if ((rc = write_header(c, g.n + 4, names)))
            goto done;
    }
    char nb[3][TRADE_NUMBER_BUFSIZE];
    for (size_t a = 0; a < n && !rc;) {
        size_t b = a + 1;
        while (b < n && !cmp_rows_by_group(&g, rows[a], rows[b]))
            b++;
        /* members: not duplicates, level units, not the stated total */
        double sum = 0, total = 0;
        size_t nm = 0, nlevel = 0, total_row = (size_t)-1;
        for (size_t k = a; k < b; k++) {
            size_t r = rows[k];
            const trade_obs *ob = trade_table_obs(t, r);
            share[r] = NAN;
            status[r] = "";
            if (c->dup[r]) {
                status[r] = dup_mark; /* the message is written with the row */
                continue;
            }
            if (!trade_stats_unit_is_level(ob->unit)) {
                status[r] = "unit is not a level: no share";
                continue;
            }
            nlevel++;
            if (c->of && !strcmp(ob->partner, c->of)) {
                if (total_row == (size_t)-1) {
                    total_row = r;
                    total = ob->value;
                } else {
                    status[r] = "second stated total: not used";
                }
                continue;
            }
            vals[nm++] = ob->value;
            sum += ob->value;
        }
        if (mode == MODE_HHI && nlevel == 0) { /* ranks, percentages: no HHI */
            a = b;
            continue;
        }
        if (mode == MODE_HHI) {
            trade_hhi h;
            trade_stats_hhi(vals, nm, &h);
            for (size_t i = 0; i < g.n; i++)
                cells[i] = trade_table_cell(t, rows[a], g.col[i]);
            num((double)h.n, nb[0]);
            cells[g.n] = nb[0];
            cells[g.n + 1] = num(h.hhi, nb[1]);
            cells[g.n + 2] = num(h.hhi_normalized, nb[2]);
            cells[g.n + 3] = h.status;
            rc = write_row(c, cells);
            a = b;
            continue;
        }
        const char *group_status = "";
        double denom = sum;
        if (c->of && total_row != (size_t)-1) {
            denom = total;
            share[total_row] = 100.0;
            status[total_row] = "stated total";
        } else if (c->of) {
            group_status = "no stated total row: share of the sum";
        }
        for (size_t k = a; k < b; k++) {
            size_t r = rows[k];
            if (*status[r] || r == total_row)
                continue;
            if (denom == 0) {
                status[r] = "zero group total: no share";
                continue;
            }
            share[r] = 100.0 * trade_table_obs(t, r)->value / denom;
            status[r] = group_status;
        }
        a = b;
    }
    if (mode == MODE_SHARE && !rc) {
        for (size_t r = 0; r < n && !rc; r++) {
            for (size_t i = 0; i < ncols; i++)
                cells[i] = trade_table_cell(t, r, i);
            cells[ncols] = num(share[r], nb[0]);
            char dupmsg[64];
            if (status[r] == dup_mark) {
                snprintf(dupmsg, sizeof dupmsg, "duplicate: line %lu used",
                         trade_table_obs(t, c->best[r])->line);
                cells[ncols + 1] = dupmsg;
            } else {
                cells[ncols + 1] = status[r] ? status[r] : "";
            }
            rc = write_row(c, cells);
        }
    }
done:
    free(rows);
    free(tmp);
    free(share);
    free(vals);
    free(status);
    free(cells);
    free(names);
    return rc;
}

/* ---- index --------------------------------------------------------------- */

static int run_index(compare_ctx *c, trade_series_list *sl)
{
    const trade_table *t = c->t;
    trade_period base;
    trade_error err;
    if (trade_period_parse(c->base, strlen(c->base), &base, &err)) {
        cli_errorf("compare", "--base: %s", err.message);
        return CLI_EUSAGE;
    }
    size_t n = trade_table_rows(t), ncols = trade_table_cols(t);
    double *index = malloc((n + 1) * sizeof *index);
    const char **status = calloc(n + 1, sizeof *status);
    const char **cells = malloc((ncols + 2) * sizeof *cells);
    const char **names = malloc((ncols + 2) * sizeof *names);
    int rc = CLI_OK;
    if (!index || !status || !cells || !names) {
        cli_errorf("compare", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    for (size_t s = 0; s < trade_series_count(sl); s++) {
        size_t m;
        const size_t *rows = trade_series_rows(sl, s, &m);
        const trade_obs *b = NULL;
        for (size_t k = 0; k < m && !b; k++) {
            const trade_obs *ob = trade_table_obs(t, rows[k]);
            if (!c->dup[rows[k]] && !trade_period_compare(&ob->period, &base) &&
                ob->period.start_unit == base.start_unit && ob->period.end_unit == base.end_unit &&
                ob->period.interval == base.interval)
                b = ob;
        }
        for (size_t k = 0; k < m; k++) {
            const trade_obs *ob = trade_table_obs(t, rows[k]);
            index[rows[k]] = NAN;
            status[rows[k]] = "";
            if (!trade_stats_unit_is_level(ob->unit))
                status[rows[k]] = "unit is not a level: no index";
            else if (!b)
                status[rows[k]] = "no value for the base period";
            else if (b->value == 0)
                status[rows[k]] = "zero base";
            else if (b->value < 0)
                status[rows[k]] = "negative base";
            else
                index[rows[k]] = 100.0 * ob->value / b->value;
        }
    }
    for (size_t i = 0; i < ncols; i++)
        names[i] = trade_table_col_name(t, i);
    names[ncols] = "index";
    names[ncols + 1] = "status";
    if ((rc = write_header(c, ncols + 2, names)))
        goto done;
    char nb[TRADE_NUMBER_BUFSIZE];
    for (size_t r = 0; r < n && !rc; r++) {
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(t, r, i);
        cells[ncols] = num(index[r], nb);
        cells[ncols + 1] = status[r] ? status[r] : "";
        rc = write_row(c, cells);
    }
done:
    free(index);
    free(status);
    free(cells);
    free(names);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option longopts[] = {{"group", required_argument, NULL, OPT_GROUP},
                                             {"of", required_argument, NULL, OPT_OF},
                                             {"base", required_argument, NULL, OPT_BASE},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    compare_ctx c;
    memset(&c, 0, sizeof c);
    c.group = "reporter,flow,period,unit";
    int ch;
    cli_getopt_reset();
    while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        int bad = 0;
        if (ch == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (ch == OPT_GROUP) {
            c.group = optarg;
            c.explicit_group = 1;
        } else if (ch == OPT_OF) {
            c.of = optarg;
        } else if (ch == OPT_BASE) {
            c.base = optarg;
        } else {
            bad = ch == '?' || cli_common_option(&c.o, "compare", ch, optarg);
        }
        if (bad) {
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    if (optind >= argc) {
        cli_errorf("compare", "which comparison? balance, coverage, total, share, hhi, index or "
                              "mirror");
        fputs(usage, stderr);
        return CLI_EUSAGE;
    }
    const char *what = argv[optind++];
    int mode;
    if (!strcmp(what, "balance") || !strcmp(what, "coverage") || !strcmp(what, "total"))
        mode = MODE_BALANCE;
    else if (!strcmp(what, "share"))
        mode = MODE_SHARE;
    else if (!strcmp(what, "hhi"))
        mode = MODE_HHI;
    else if (!strcmp(what, "index"))
        mode = MODE_INDEX;
    else if (!strcmp(what, "mirror"))
        mode = MODE_MIRROR;
    else {
        cli_errorf("compare", "unknown comparison '%s'", what);
        fputs(usage, stderr);
        return CLI_EUSAGE;
    }
    if (mode == MODE_INDEX && !c.base) {
        cli_errorf("compare", "index needs --base PERIOD");
        return CLI_EUSAGE;
    }
    c.t = trade_table_new();
    if (!c.t) {
        cli_errorf("compare", "out of memory");
        return CLI_EUSAGE;
    }
    trade_series_list *sl = NULL;
    trade_error err;
    int rc = cli_read_inputs(c.t, "compare", argc - optind, argv + optind, &c.o);
    if (rc)
        goto done;
    if (trade_series_group(c.t, &sl, &err) || mark_dups(&c, sl)) {
        cli_errorf("compare", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    switch (mode) {
    case MODE_BALANCE:
        rc = run_pairs(&c, 0);
        break;
    case MODE_MIRROR:
        rc = run_pairs(&c, 1);
        break;
    case MODE_SHARE:
    case MODE_HHI:
        rc = run_groups(&c, mode);
        break;
    case MODE_INDEX:
        rc = run_index(&c, sl);
        break;
    }
    if (c.w) {
        if (rc == CLI_OK)
            rc = cli_writer_commit(c.w);
        else
            trade_writer_discard(c.w);
        c.w = NULL;
    }
done:
    trade_series_list_free(sl);
    free(c.dup);
    free(c.best);
    trade_table_free(c.t);
    return rc;
}
