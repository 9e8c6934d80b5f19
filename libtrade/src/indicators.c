/* indicators.c - WITS indicators on a product panel, per period on dense
 * arrays over the panel's countries and products (x_ik, m_jk, x_ij), and
 * unit values grouped straight from the table's money and tonnes rows.
 * The formulas are in indicators.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/indicators.h"

static const char *const NAMES[] = {
    "rca",          "intensity",   "complementarity",   "similarity",
    "grubel-lloyd", "penetration", "normalized-balance"};
static const char *const FORMULAS[] = {
    "(x_ik / X_i) / (x_wk / X_w)",
    "(x_ij / X_i) / (x_wj / X_w)",
    "100 (1 - sum_k |m_jk / M_j - x_ik / X_i| / 2)",
    "100 sum_k min(x_ak / X_a, x_bk / X_b)",
    "1 - |x_ik - m_ik| / (x_ik + m_ik); all products: sum_k (x+m-|x-m|) / sum_k (x+m)",
    "100 n_ik / N_k (partners served / countries importing k, i excluded)",
    "(x_ik - m_ik) / (x_ik + m_ik); all products: (X_i - M_i) / (X_i + M_i)"};

static const char ST_NOEXP[] = "reporter has no exports in this period";
static const char ST_NOWLDK[] = "no WLD row for this product in this period";
static const char ST_NOWLDJ[] = "no WLD row for this partner in this period";
static const char ST_NOWLD[] = "no WLD rows in this period";
static const char ST_NOWORLDK[] = "no exports of this product in this period";
static const char ST_NOIMP[] = "partner has no imports in this period";
static const char ST_NOTRADE[] = "no exports and no imports";
static const char ST_NOBILAT[] = "reporter has only WLD-partner rows: partners unknown";
static const char ST_NOPARTNERS[] = "the panel has no partner rows in this period (only WLD): "
                                    "imports and bilateral flows unknown";
static const char ST_NOIMPK[] = "no other country imports this product";
static const char ST_TOWORLD[] = "";

int trade_indicator_parse(const char *name, trade_indicator *out)
{
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (!strcmp(name, NAMES[i])) {
            *out = (trade_indicator)i;
            return 0;
        }
    return TRADE_EARG;
}

int trade_world_parse(const char *name, trade_world *out)
{
    if (!strcmp(name, "panel"))
        *out = TRADE_WORLD_PANEL;
    else if (!strcmp(name, "wld"))
        *out = TRADE_WORLD_WLD;
    else if (!strcmp(name, "auto"))
        *out = TRADE_WORLD_AUTO;
    else
        return TRADE_EARG;
    return 0;
}

const char *trade_indicator_name(trade_indicator k)
{
    return (size_t)k < sizeof NAMES / sizeof NAMES[0] ? NAMES[k] : "";
}

const char *trade_indicator_formula(trade_indicator k)
{
    return (size_t)k < sizeof FORMULAS / sizeof FORMULAS[0] ? FORMULAS[k] : "";
}

typedef struct per_data {
    size_t NC, NP;
    double *x;              /* NC x NP totals x_ik (reporter not WLD) */
    unsigned char *has_tot; /* NC x NP: a total row exists */
    double *m;              /* NC x NP mirror imports m_jk */
    double *xij;            /* NC x NC bilateral over products */
    unsigned char *has_ij;
    double *X, *M;   /* NC */
    double *wk, *wj; /* world by product, by partner */
    unsigned char *has_wk, *has_wj;
    double Xw;
    int has_wld;
    unsigned char *bilat; /* NC: reporter has non-WLD cells */
    unsigned *nexp;       /* NC x NP: partners served */
    unsigned *nimp;       /* NP: countries importing k */
    trade_world world;    /* PANEL or WLD */
    int any_bilateral;
} per_data;

static void per_free(per_data *d)
{
    free(d->x);
    free(d->has_tot);
    free(d->m);
    free(d->xij);
    free(d->has_ij);
    free(d->X);
    free(d->M);
    free(d->wk);
    free(d->wj);
    free(d->has_wk);
    free(d->has_wj);
    free(d->bilat);
    free(d->nexp);
    free(d->nimp);
    memset(d, 0, sizeof *d);
}

static int per_build(const trade_panel *panel, size_t per, trade_world world, per_data *d)
{
    size_t NC = trade_panel_countries(panel), NP = trade_panel_products(panel);
    d->NC = NC;
    d->NP = NP;
    size_t CP = NC * NP, CC = NC * NC;
    if (NC && (CP / NC != NP || CC / NC != NC))
        return -1;
    d->x = calloc(CP + 1, sizeof *d->x);
    d->has_tot = calloc(CP + 1, 1);
    d->m = calloc(CP + 1, sizeof *d->m);
    d->xij = calloc(CC + 1, sizeof *d->xij);
    d->has_ij = calloc(CC + 1, 1);
    d->X = calloc(NC + 1, sizeof *d->X);
    d->M = calloc(NC + 1, sizeof *d->M);
    d->wk = calloc(NP + 1, sizeof *d->wk);
    d->wj = calloc(NC + 1, sizeof *d->wj);
    d->has_wk = calloc(NP + 1, 1);
    d->has_wj = calloc(NC + 1, 1);
    d->bilat = calloc(NC + 1, 1);
    d->nexp = calloc(CP + 1, sizeof *d->nexp);
    d->nimp = calloc(NP + 1, sizeof *d->nimp);
    if (!d->nimp || !d->x || !d->has_tot || !d->m || !d->xij || !d->has_ij || !d->X || !d->M ||
        !d->wk || !d->wj || !d->has_wk || !d->has_wj || !d->bilat || !d->nexp)
        return -1;
    long wld = trade_panel_country_index(panel, "WLD");
    size_t n;
    const trade_panel_cell *tot = trade_panel_totals(panel, per, &n);
    if (world == TRADE_WORLD_AUTO) {
        world = TRADE_WORLD_PANEL;
        for (size_t i = 0; i < n; i++)
            if (wld >= 0 && tot[i].reporter == (size_t)wld)
                world = TRADE_WORLD_WLD;
    }
    d->world = world;
    for (size_t i = 0; i < n; i++) {
        if (wld >= 0 && tot[i].reporter == (size_t)wld) {
            if (world == TRADE_WORLD_WLD) {
                d->wk[tot[i].product] += tot[i].value;
                d->has_wk[tot[i].product] = 1;
                d->Xw += tot[i].value;
                d->has_wld = 1;
            }
            continue;
        }
        size_t a = tot[i].reporter * NP + tot[i].product;
        d->x[a] = tot[i].value;
        d->has_tot[a] = 1;
        d->X[tot[i].reporter] += tot[i].value;
        if (world == TRADE_WORLD_PANEL) {
            d->wk[tot[i].product] += tot[i].value;
            d->has_wk[tot[i].product] = 1;
            d->Xw += tot[i].value;
        }
    }
    const trade_panel_cell *cell = trade_panel_cells(panel, per, &n);
    for (size_t i = 0; i < n; i++) {
        size_t r = cell[i].reporter, j = cell[i].partner, k = cell[i].product;
        if (wld >= 0 && j == (size_t)wld)
            continue;
        if (wld >= 0 && r == (size_t)wld) {
            if (world == TRADE_WORLD_WLD) {
                d->wj[j] += cell[i].value;
                d->has_wj[j] = 1;
            }
            continue;
        }
        d->bilat[r] = 1;
        d->any_bilateral = 1;
        d->m[j * NP + k] += cell[i].value;
        d->xij[r * NC + j] += cell[i].value;
        d->has_ij[r * NC + j] = 1;
        if (cell[i].value > 0)
            d->nexp[r * NP + k]++;
        if (world == TRADE_WORLD_PANEL) {
            d->wj[j] += cell[i].value;
            d->has_wj[j] = 1;
        }
    }
    for (size_t j = 0; j < NC; j++)
        for (size_t k = 0; k < NP; k++) {
            d->M[j] += d->m[j * NP + k];
            d->nimp[k] += d->m[j * NP + k] > 0;
        }
    return 0;
}

static int emit(trade_indicator_fn fn, void *ctx, trade_world w, const trade_period *p,
                const char *r, const char *j, const char *k, double v, const char *st)
{
    trade_indicator_row row = {p, w, r, j, k, v, st};
    if (isnan(v) && !st[0])
        row.status = "undefined";
    return fn(ctx, &row);
}

int trade_indicator_run(const trade_panel *panel, trade_indicator kind, trade_world world,
                        trade_indicator_fn fn, void *ctx, trade_error *err)
{
    trade_error_clear(err);
    if ((size_t)kind >= sizeof NAMES / sizeof NAMES[0])
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "unknown indicator");
    long wld = trade_panel_country_index(panel, "WLD");
    int rc = 0;
    for (size_t per = 0; per < trade_panel_periods(panel) && !rc; per++) {
        per_data d = {0};
        if (per_build(panel, per, world, &d)) {
            per_free(&d);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory (indicators)");
        }
        const trade_period *p = trade_panel_period(panel, per);
        size_t NC = d.NC, NP = d.NP;
        const char *nowld = d.world == TRADE_WORLD_WLD && !d.has_wld ? ST_NOWLD : NULL;
        for (size_t i = 0; i < NC && !rc; i++) {
            if (wld >= 0 && i == (size_t)wld)
                continue;
            const char *ri = trade_panel_country(panel, i);
            switch (kind) {
            case TRADE_INDICATOR_RCA:
                for (size_t k = 0; k < NP && !rc; k++) {
                    if (!d.has_tot[i * NP + k])
                        continue;
                    const char *st = ST_TOWORLD;
                    double v = NAN;
                    if (!(d.X[i] > 0))
                        st = ST_NOEXP;
                    else if (nowld)
                        st = nowld;
                    else if (!d.has_wk[k])
                        st = ST_NOWLDK;
                    else if (!(d.wk[k] > 0))
                        st = ST_NOWORLDK;
                    else
                        v = (d.x[i * NP + k] / d.X[i]) / (d.wk[k] / d.Xw);
                    rc = emit(fn, ctx, d.world, p, ri, "", trade_panel_product(panel, k), v, st);
                }
                break;
            case TRADE_INDICATOR_INTENSITY:
                if (!d.any_bilateral) {
                    rc = emit(fn, ctx, d.world, p, ri, "", "", NAN, ST_NOPARTNERS);
                    break;
                }
                for (size_t j = 0; j < NC && !rc; j++) {
                    if (!d.has_ij[i * NC + j])
                        continue;
                    const char *st = ST_TOWORLD;
                    double v = NAN;
                    if (!(d.X[i] > 0))
                        st = ST_NOEXP;
                    else if (nowld)
                        st = nowld;
                    else if (!d.has_wj[j])
                        st = ST_NOWLDJ;
                    else if (!(d.wj[j] > 0))
                        st = ST_NOIMP;
                    else
                        v = (d.xij[i * NC + j] / d.X[i]) / (d.wj[j] / d.Xw);
                    rc = emit(fn, ctx, d.world, p, ri, trade_panel_country(panel, j), "", v, st);
                }
                break;
            case TRADE_INDICATOR_COMPLEMENTARITY:
                if (!d.any_bilateral) {
                    rc = emit(fn, ctx, d.world, p, ri, "", "", NAN, ST_NOPARTNERS);
                    break;
                }
                if (!(d.X[i] > 0))
                    break; /* not an exporter in this period */
                for (size_t j = 0; j < NC && !rc; j++) {
                    if (j == i || (wld >= 0 && j == (size_t)wld) || !(d.M[j] > 0))
                        continue;
                    double s = 0;
                    for (size_t k = 0; k < NP; k++)
                        s += fabs(d.m[j * NP + k] / d.M[j] - d.x[i * NP + k] / d.X[i]);
                    rc = emit(fn, ctx, d.world, p, ri, trade_panel_country(panel, j), "",
                              100 * (1 - s / 2), "");
                }
                break;
            case TRADE_INDICATOR_SIMILARITY:
                if (!(d.X[i] > 0))
                    break;
                for (size_t b = i + 1; b < NC && !rc; b++) {
                    if ((wld >= 0 && b == (size_t)wld) || !(d.X[b] > 0))
                        continue;
                    double s = 0;
                    for (size_t k = 0; k < NP; k++) {
                        double sa = d.x[i * NP + k] / d.X[i], sb = d.x[b * NP + k] / d.X[b];
                        s += sa < sb ? sa : sb;
                    }
                    rc = emit(fn, ctx, d.world, p, ri, trade_panel_country(panel, b), "", 100 * s,
                              "");
                }
                break;
            case TRADE_INDICATOR_GRUBEL_LLOYD:
            case TRADE_INDICATOR_NORMALIZED_BALANCE: {
                int gl = kind == TRADE_INDICATOR_GRUBEL_LLOYD;
                if (!d.any_bilateral) { /* imports unknown, not zero */
                    rc = emit(fn, ctx, d.world, p, ri, "", "", NAN, ST_NOPARTNERS);
                    break;
                }
                double num = 0, den = 0;
                int any = 0;
                for (size_t k = 0; k < NP && !rc; k++) {
                    size_t a = i * NP + k;
                    double xv = d.x[a], mv = d.m[a];
                    if (!d.has_tot[a] && !(mv > 0))
                        continue;
                    any = 1;
                    double v = NAN;
                    const char *st = ST_TOWORLD;
                    if (!(xv + mv > 0))
                        st = ST_NOTRADE;
                    else
                        v = gl ? 1 - fabs(xv - mv) / (xv + mv) : (xv - mv) / (xv + mv);
                    num += gl ? xv + mv - fabs(xv - mv) : xv - mv;
                    den += xv + mv;
                    rc = emit(fn, ctx, d.world, p, ri, "", trade_panel_product(panel, k), v, st);
                }
                if (any && !rc)
                    rc = emit(fn, ctx, d.world, p, ri, "", "", den > 0 ? num / den : NAN,
                              den > 0 ? "" : ST_NOTRADE);
                break;
            }
            case TRADE_INDICATOR_PENETRATION:
                for (size_t k = 0; k < NP && !rc; k++) {
                    if (!d.has_tot[i * NP + k])
                        continue;
                    unsigned nimp = d.nimp[k] - (d.m[i * NP + k] > 0);
                    double v = NAN;
                    const char *st = ST_TOWORLD;
                    if (!d.bilat[i])
                        st = ST_NOBILAT;
                    else if (!nimp)
                        st = ST_NOIMPK;
                    else
                        v = 100.0 * d.nexp[i * NP + k] / nimp;
                    rc = emit(fn, ctx, d.world, p, ri, "", trade_panel_product(panel, k), v, st);
                }
                break;
            }
        }
        per_free(&d);
    }
    return rc;
}

/* ---- unit values ---------------------------------------------------------- */

typedef struct uv_item {
    const trade_obs *o;
    size_t row;
    int is_qty;
} uv_item;

static int uv_key_cmp(const trade_obs *a, const trade_obs *b, int by_partner)
{
    int c = trade_period_compare(&a->period, &b->period);
    if (c)
        return c;
    if ((c = trade_period_months(&a->period) - trade_period_months(&b->period)))
        return c;
    if ((c = strcmp(a->reporter, b->reporter)))
        return c;
    if (by_partner && (c = strcmp(a->partner, b->partner)))
        return c;
    if ((c = strcmp(a->flow, b->flow)))
        return c;
    return strcmp(a->product, b->product);
}

/* Both orders put a group's rows together, by partner, in file order. */
static int uv_cmp(const void *pa, const void *pb)
{
    const uv_item *a = pa, *b = pb;
    int c = uv_key_cmp(a->o, b->o, 0);
    if (c)
        return c;
    if ((c = strcmp(a->o->partner, b->o->partner)))
        return c;
    return a->row < b->row ? -1 : a->row > b->row;
}

int trade_indicator_unit_values(const trade_table *t, int by_partner, trade_unit_value_fn fn,
                                void *ctx, trade_error *err)
{
    trade_error_clear(err);
    size_t n = trade_table_rows(t), k = 0;
    uv_item *it = malloc((n + 1) * sizeof *it);
    if (!it)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    long cval = trade_table_col_index(t, "value"), cunit = trade_table_col_index(t, "unit");
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!o)
            continue;
        int q = !strcmp(o->unit, "t") || !strcmp(o->unit, "kg");
        if (!q && !trade_unit_is_currency(o->unit))
            continue;
        if (o->value < 0) {
            const char *file = NULL;
            unsigned long line = 0, col = 0;
            trade_table_cell_position(t, r, cval < 0 ? 0 : (size_t)cval, &file, &line, &col);
            free(it);
            return trade_error_set(err, TRADE_EDATA, file, line, col,
                                   "negative %s %s: unit values need values and quantities of "
                                   "zero or more",
                                   q ? "quantity" : "value", trade_table_cell(t, r, (size_t)cval));
        }
        it[k++] = (uv_item){o, r, q};
    }
    qsort(it, k, sizeof *it, uv_cmp);
    int rc = 0;
    for (size_t a = 0; a < k && !rc;) {
        size_t b = a + 1;
        while (b < k && uv_key_cmp(it[a].o, it[b].o, by_partner) == 0)
            b++;
        /* a WLD partner replaces the others (not by partner) */
        int has_wld_v = 0, has_wld_q = 0;
        for (size_t i = a; i < b; i++)
            if (!strcmp(it[i].o->partner, "WLD")) {
                if (it[i].is_qty)
                    has_wld_q = 1;
                else
                    has_wld_v = 1;
            }
        double v = 0, q = 0;
        int nv = 0, nq = 0, lower = 0;
        const char *cur = NULL;
        for (size_t i = a; i < b; i++) {
            const trade_obs *o = it[i].o;
            int w = !strcmp(o->partner, "WLD");
            if (!by_partner &&
                ((it[i].is_qty && has_wld_q && !w) || (!it[i].is_qty && has_wld_v && !w)))
                continue;
            if (it[i].is_qty) {
                q += !strcmp(o->unit, "kg") ? o->value / 1000 : o->value;
                nq++;
                if (!strcmp(o->qualifier, "lower_bound"))
                    lower = 1;
            } else {
                if (cur && strcmp(cur, o->unit) != 0) {
                    const char *file = NULL;
                    unsigned long line = 0, col = 0;
                    trade_table_cell_position(t, it[i].row, cunit < 0 ? 0 : (size_t)cunit, &file,
                                              &line, &col);
                    free(it);
                    return trade_error_set(err, TRADE_EDATA, file, line, col,
                                           "two currencies in one unit-value group: %s and %s", cur,
                                           o->unit);
                }
                cur = o->unit;
                v += o->value;
                nv++;
            }
        }
        /* a money row whose partner has no quantity row: quantity unknown */
        if (nv && nq && !has_wld_q)
            for (size_t i = a; i < b && !lower;) { /* runs of one partner */
                size_t j = i;
                int pv = 0, pq = 0;
                while (j < b && !strcmp(it[j].o->partner, it[i].o->partner)) {
                    pv |= !it[j].is_qty;
                    pq |= it[j].is_qty;
                    j++;
                }
                if (pv && !pq && !(has_wld_v && !by_partner && strcmp(it[i].o->partner, "WLD")))
                    lower = 1;
                i = j;
            }
        if (nv) {
            trade_unit_value_row row = {&it[a].o->period,
                                        it[a].o->reporter,
                                        by_partner ? it[a].o->partner : "",
                                        it[a].o->flow,
                                        it[a].o->product,
                                        cur,
                                        v,
                                        nq ? q : NAN,
                                        NAN,
                                        lower && nq ? "lower_bound" : "",
                                        "",
                                        ""};
            if (!nq)
                row.status = "no quantity";
            else if (!(q > 0))
                row.status = "quantity is zero";
            else {
                row.unit_value = v / q;
                if (lower) {
                    row.qualifier = "upper_bound";
                    row.status = "some rows had no quantity: the quantity is a lower bound, "
                                 "the unit value an upper bound";
                }
            }
            rc = fn(ctx, &row);
        }
        a = b;
    }
    free(it);
    return rc;
}
