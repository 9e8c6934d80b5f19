/* complexity.c - RCA, presence, ECI/PCI (GSL's symmetric eigensolver on the
 * smaller side), proximity in blocks of rows, density, COI and COG, per
 * period of a product panel. The conventions are the header's; the
 * blockwise plan:
 *   - a block of proximity rows phi[b][.] comes from the co-occurrence
 *     counts of the block's products (for each country present in b, add 1
 *     for each product present in that country) or, for the continuous
 *     proximity, from the standardized levels (a C x P x block product);
 *   - the density of (c, b) gathers row b over the products present in c;
 *   - COG scatters row b (as q) into T (all countries) and into G[c] for
 *     the countries present in b: cog_cp = (1 - M_cp)(T_p - G_cp) / s.
 * Blocks are shared between two threads, each with its own T and G. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "table_internal.h"
#include "trade/complexity.h"
#include "trade/number.h"
#include "writer_internal.h"

#define BLOCK 32

static const char ST_NOEXP[] = "reporter has no exports in this period";
static const char ST_NOPROD[] = "no reporter exports this product in this period";
static const char ST_NOPOP[] = "no population for this reporter and period (left out, as Stata's "
                               "ecomplexity drops it)";
static const char ST_DIV0[] = "eci, pci, density, coi, cog undefined: a reporter has diversity 0 "
                              "at this threshold";
static const char ST_UBI0[] = "eci, pci, density, coi, cog undefined: a product has ubiquity 0 "
                              "at this threshold";
static const char ST_FEW[] = "eci, pci, density, coi, cog undefined: fewer than two reporters or "
                             "products";
static const char ST_GAP[] = "eci, pci, coi, cog undefined: the second eigenvalue equals the "
                             "first (the country-product network is not connected)";
static const char ST_CONST[] = "density, coi, cog undefined: a product has the same level in "
                               "every country (no correlation)";
static const char ST_ZEROPHI[] = "density, coi, cog undefined: a product has no proximity to any "
                                 "other";
static const char ST_KNN0[] = "density 0: the K nearest products were all dropped by the knn "
                              "threshold's rounding (Stata's result)";
static const char ST_SD0[] = "eci, pci, coi, cog undefined: eci has no spread";

void trade_complexity_options_init(trade_complexity_options *o)
{
    memset(o, 0, sizeof *o);
    o->threshold = 1;
    o->presence = TRADE_PRESENCE_RCA;
    o->proximity = TRADE_PROXIMITY_SYMMETRIC;
    o->threads = 2;
}

int trade_presence_parse(const char *name, trade_presence *out)
{
    if (!strcmp(name, "rca"))
        *out = TRADE_PRESENCE_RCA;
    else if (!strcmp(name, "rpop"))
        *out = TRADE_PRESENCE_RPOP;
    else
        return TRADE_EARG;
    return 0;
}

int trade_proximity_parse(const char *name, trade_proximity *out)
{
    if (!strcmp(name, "symmetric"))
        *out = TRADE_PROXIMITY_SYMMETRIC;
    else if (!strcmp(name, "asymmetric"))
        *out = TRADE_PROXIMITY_ASYMMETRIC;
    else if (!strcmp(name, "continuous"))
        *out = TRADE_PROXIMITY_CONTINUOUS;
    else
        return TRADE_EARG;
    return 0;
}

/* ---- population --------------------------------------------------------- */

typedef struct pop_row {
    const char *reporter;
    trade_period period;
    double population;
    size_t row;
} pop_row;

struct trade_population {
    pop_row *rows;
    size_t n;
};

static int pop_cmp(const void *pa, const void *pb)
{
    const pop_row *a = pa, *b = pb;
    int c = strcmp(a->reporter, b->reporter);
    if (c)
        return c;
    if ((c = trade_period_order(&a->period, &b->period)))
        return c;
    return a->row < b->row ? -1 : a->row > b->row;
}

void trade_population_free(trade_population *p)
{
    if (!p)
        return;
    free(p->rows);
    free(p);
}

int trade_population_new(const trade_table *t, trade_population **out, trade_error *err)
{
    static const char *const need[] = {"reporter", "period", "population"};
    long col[3];
    trade_error_clear(err);
    *out = NULL;
    for (int i = 0; i < 3; i++)
        if ((col[i] = trade_table_col_index(t, need[i])) < 0)
            return Trade_table_cell_error(err, t, 0, 0,
                                          "population table: no column %s (it needs reporter, "
                                          "period and population)",
                                          need[i]);
    size_t n = trade_table_rows(t);
    trade_population *p = calloc(1, sizeof *p);
    if (!p || !(p->rows = malloc((n + 1) * sizeof *p->rows))) {
        free(p);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < n; r++) {
        pop_row *pr = &p->rows[r];
        pr->reporter = trade_table_cell(t, r, (size_t)col[0]);
        pr->row = r;
        const char *ps = trade_table_cell(t, r, (size_t)col[1]);
        trade_error pe;
        if (trade_period_parse(ps, strlen(ps), &pr->period, &pe)) {
            trade_population_free(p);
            return Trade_table_cell_error(err, t, r, col[1], "population table: bad period '%s'",
                                          ps);
        }
        const char *vs = trade_table_cell(t, r, (size_t)col[2]);
        if (trade_number_parse(vs, strlen(vs), &pr->population) || !(pr->population > 0)) {
            trade_population_free(p);
            return Trade_table_cell_error(
                err, t, r, col[2],
                "population table: population '%s' is not a plain number above 0", vs);
        }
    }
    qsort(p->rows, n, sizeof *p->rows, pop_cmp);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(p->rows[i].reporter, p->rows[i - 1].reporter) &&
            !trade_period_order(&p->rows[i].period, &p->rows[i - 1].period)) {
            size_t later =
                p->rows[i].row > p->rows[i - 1].row ? p->rows[i].row : p->rows[i - 1].row;
            const char *rep = p->rows[i].reporter;
            trade_population_free(p);
            return Trade_table_cell_error(
                err, t, later, col[0], "population table: a second row for %s in the same period",
                rep);
        }
    p->n = n;
    *out = p;
    return 0;
}

int trade_population_find(const trade_population *p, const char *reporter,
                          const trade_period *period, double *out)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(p->rows[mid].reporter, reporter);
        if (!c)
            c = trade_period_order(&p->rows[mid].period, period);
        if (!c) {
            *out = p->rows[mid].population;
            return 0;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return TRADE_ENOTFOUND;
}

/* ---- one period ---------------------------------------------------------- */

typedef struct period_work {
    const trade_complexity_options *opt;
    size_t C, P;
    double *x, *lev, *rca, *rpop, *z; /* C x P (z: continuous only) */
    unsigned char *m;
    double *d, *u, *pop;
    size_t *cp_start, *cp_list; /* products present in c */
    size_t *pc_start, *pc_list; /* countries present in p */
    double *kc, *kp;            /* raw, sign fixed */
    int eci_ok;
    double *phisum, *dens, *T, *G; /* P, C x P, P, C x P */
    unsigned char *knn_empty;      /* P: knn kept no neighbour */
    int dens_ok, cog_ok;
} period_work;

typedef struct thread_work {
    period_work *w;
    size_t first_block, stride;
    double *phi, *tmp, *T, *G, *wT; /* wT: P x BLOCK */
    int zero_row;
} thread_work;

static void phi_row(const period_work *w, size_t b, double *row)
{
    size_t P = w->P, C = w->C;
    if (w->opt->proximity == TRADE_PROXIMITY_CONTINUOUS) {
        for (size_t q = 0; q < P; q++)
            row[q] = 0;
        for (size_t c = 0; c < C; c++) {
            double zb = w->z[c * P + b];
            if (zb == 0)
                continue;
            const double *zc = w->z + c * P;
            for (size_t q = 0; q < P; q++)
                row[q] += zb * zc[q];
        }
        for (size_t q = 0; q < P; q++)
            row[q] = 0.5 * (1 + row[q]);
        row[b] = 0;
        return;
    }
    for (size_t q = 0; q < P; q++)
        row[q] = 0;
    for (size_t i = w->pc_start[b]; i < w->pc_start[b + 1]; i++) {
        size_t c = w->pc_list[i];
        for (size_t j = w->cp_start[c]; j < w->cp_start[c + 1]; j++)
            row[w->cp_list[j]] += 1;
    }
    double ub = w->u[b];
    if (w->opt->proximity == TRADE_PROXIMITY_ASYMMETRIC) {
        for (size_t q = 0; q < P; q++)
            row[q] /= ub;
    } else {
        for (size_t q = 0; q < P; q++)
            row[q] /= w->u[q] > ub ? w->u[q] : ub;
    }
    row[b] = 0;
}

static int dbl_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The K-th largest of row[0..P) (Stata's knn threshold, with its rounding). */
static double knn_threshold(const double *row, double *tmp, size_t P, size_t K)
{
    memcpy(tmp, row, P * sizeof *tmp);
    qsort(tmp, P, sizeof *tmp, dbl_desc);
    double t = tmp[K - 1];
    double knnt = -1;
    return (t + knnt + fabs(t - knnt)) / 2;
}

static void *block_worker(void *arg)
{
    thread_work *tw = arg;
    period_work *w = tw->w;
    size_t P = w->P, C = w->C, K = w->opt->knn;
    int cont = w->opt->proximity == TRADE_PROXIMITY_CONTINUOUS;
    double *row = tw->phi, *wt = tw->tmp + P, *wT = tw->wT;
    for (size_t b0 = tw->first_block * BLOCK; b0 < P; b0 += tw->stride * BLOCK) {
        size_t b1 = b0 + BLOCK < P ? b0 + BLOCK : P, nb = b1 - b0;
        /* the block's density weights, transposed: wT[q][bi] */
        for (size_t b = b0; b < b1; b++) {
            size_t bi = b - b0;
            phi_row(w, b, row);
            double s = 0;
            for (size_t q = 0; q < P; q++)
                s += row[q];
            w->phisum[b] = s;
            if (!(s > 0)) {
                tw->zero_row = 1;
                for (size_t q = 0; q < P; q++)
                    wT[q * BLOCK + bi] = 0;
                continue;
            }
            const double *dw = row;
            double ws = s;
            if (K > 0 && K < P) {
                double t = knn_threshold(row, tw->tmp, P, K);
                ws = 0;
                for (size_t q = 0; q < P; q++) {
                    wt[q] = row[q] >= t ? row[q] : 0;
                    ws += wt[q];
                }
                dw = wt;
            }
            if (ws > 0) {
                double inv = 1 / ws;
                for (size_t q = 0; q < P; q++)
                    wT[q * BLOCK + bi] = dw[q] * inv;
            } else {
                /* every neighbour dropped by the threshold's rounding:
                 * Stata's editmissing(weight, 0) makes the density 0 */
                for (size_t q = 0; q < P; q++)
                    wT[q * BLOCK + bi] = 0;
                w->knn_empty[b] = 1;
            }
            if (w->eci_ok) {
                double g = w->kp[b] / s;
                for (size_t q = 0; q < P; q++)
                    tw->T[q] += g * row[q];
                for (size_t i = w->pc_start[b]; i < w->pc_start[b + 1]; i++) {
                    double *gc = tw->G + w->pc_list[i] * P;
                    for (size_t q = 0; q < P; q++)
                        gc[q] += g * row[q];
                }
            }
        }
        /* density of the block: M (or the levels) times the weights */
        for (size_t c = 0; c < C; c++) {
            double acc[BLOCK] = {0};
            if (cont) {
                const double *lc = w->lev + c * P;
                for (size_t q = 0; q < P; q++) {
                    double l = lc[q];
                    const double *wq = wT + q * BLOCK;
                    for (size_t bi = 0; bi < BLOCK; bi++)
                        acc[bi] += l * wq[bi];
                }
            } else {
                for (size_t j = w->cp_start[c]; j < w->cp_start[c + 1]; j++) {
                    const double *wq = wT + w->cp_list[j] * BLOCK;
                    for (size_t bi = 0; bi < BLOCK; bi++)
                        acc[bi] += wq[bi];
                }
            }
            for (size_t bi = 0; bi < nb; bi++)
                w->dens[c * P + b0 + bi] = acc[bi];
        }
    }
    return NULL;
}

/* kc, kp of the second eigenvector; returns a status or NULL. */
static const char *eci_solve(period_work *w, trade_error *err, int *rc)
{
    size_t C = w->C, P = w->P;
    int country_side = C <= P;
    size_t n = country_side ? C : P;
    gsl_matrix *A = gsl_matrix_calloc(n, n);
    gsl_vector *eval = gsl_vector_alloc(n);
    gsl_matrix *evec = gsl_matrix_alloc(n, n);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(n);
    const char *status = NULL;
    if (!A || !eval || !evec || !ws) {
        *rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory (eigenproblem)");
        goto done;
    }
    if (country_side) {
        for (size_t p = 0; p < P; p++) {
            double inv = 1 / w->u[p];
            for (size_t i = w->pc_start[p]; i < w->pc_start[p + 1]; i++) {
                double *ar = A->data + w->pc_list[i] * A->tda;
                for (size_t j = w->pc_start[p]; j < w->pc_start[p + 1]; j++)
                    ar[w->pc_list[j]] += inv;
            }
        }
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++)
                A->data[a * A->tda + b] /= sqrt(w->d[a] * w->d[b]);
    } else {
        for (size_t c = 0; c < C; c++) {
            double inv = 1 / w->d[c];
            for (size_t i = w->cp_start[c]; i < w->cp_start[c + 1]; i++) {
                double *ar = A->data + w->cp_list[i] * A->tda;
                for (size_t j = w->cp_start[c]; j < w->cp_start[c + 1]; j++)
                    ar[w->cp_list[j]] += inv;
            }
        }
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++)
                A->data[a * A->tda + b] /= sqrt(w->u[a] * w->u[b]);
    }
    int g = gsl_eigen_symmv(A, eval, evec, ws);
    if (!g)
        g = gsl_eigen_symmv_sort(eval, evec, GSL_EIGEN_SORT_VAL_DESC);
    if (g) {
        *rc = trade_error_set(err, TRADE_EMATH, NULL, 0, 0, "GSL eigensolver failed: %s",
                              gsl_strerror(g));
        goto done;
    }
    double l1 = gsl_vector_get(eval, 0), l2 = gsl_vector_get(eval, 1);
    if (!(l1 - l2 > 1e-10 * (l1 > 1 ? l1 : 1)) || !(l2 > 0)) {
        status = ST_GAP;
        goto done;
    }
    if (country_side) {
        for (size_t c = 0; c < C; c++)
            w->kc[c] = gsl_matrix_get(evec, c, 1) / sqrt(w->d[c]);
        for (size_t p = 0; p < P; p++) {
            double s = 0;
            for (size_t i = w->pc_start[p]; i < w->pc_start[p + 1]; i++)
                s += w->kc[w->pc_list[i]];
            w->kp[p] = s / w->u[p] / l2;
        }
    } else {
        for (size_t p = 0; p < P; p++)
            w->kp[p] = gsl_matrix_get(evec, p, 1) / sqrt(w->u[p]);
        for (size_t c = 0; c < C; c++) {
            double s = 0;
            for (size_t i = w->cp_start[c]; i < w->cp_start[c + 1]; i++)
                s += w->kp[w->cp_list[i]];
            w->kc[c] = s / w->d[c];
        }
    }
    /* sign: positive correlation with diversity (Stata: corr > 0, else -1;
     * an undefined correlation counts as positive there) */
    double md = 0, mk = 0, sxy = 0, sxx = 0, syy = 0;
    for (size_t c = 0; c < C; c++) {
        md += w->d[c];
        mk += w->kc[c];
    }
    md /= (double)C;
    mk /= (double)C;
    for (size_t c = 0; c < C; c++) {
        sxy += (w->d[c] - md) * (w->kc[c] - mk);
        sxx += (w->d[c] - md) * (w->d[c] - md);
        syy += (w->kc[c] - mk) * (w->kc[c] - mk);
    }
    double corr = sxy / sqrt(sxx * syy);
    if (!isnan(corr) && !(corr > 0)) {
        for (size_t c = 0; c < C; c++)
            w->kc[c] = -w->kc[c];
        for (size_t p = 0; p < P; p++)
            w->kp[p] = -w->kp[p];
    }
    w->eci_ok = 1;
done:
    gsl_matrix_free(A);
    gsl_vector_free(eval);
    gsl_matrix_free(evec);
    if (ws)
        gsl_eigen_symmv_free(ws);
    return status;
}

/* Mean and sd over the C x P rows (each country value repeated P times),
 * n - 1 in the denominator, as Stata's summarize on the long data. */
static void long_moments(const double *v, size_t C, size_t P, double *mean, double *sd)
{
    double m = 0, ss = 0;
    for (size_t c = 0; c < C; c++)
        m += v[c];
    m /= (double)C;
    for (size_t c = 0; c < C; c++)
        ss += (v[c] - m) * (v[c] - m);
    *mean = m;
    double nrows = (double)C * (double)P;
    *sd = nrows > 1 ? sqrt(ss * (double)P / (nrows - 1)) : NAN;
}

static void work_free(period_work *w)
{
    free(w->x);
    free(w->lev);
    free(w->rca);
    free(w->rpop);
    free(w->z);
    free(w->m);
    free(w->d);
    free(w->u);
    free(w->pop);
    free(w->cp_start);
    free(w->cp_list);
    free(w->pc_start);
    free(w->pc_list);
    free(w->kc);
    free(w->kp);
    free(w->phisum);
    free(w->dens);
    free(w->T);
    free(w->G);
    free(w->knn_empty);
    memset(w, 0, sizeof *w);
}

/* Index lists of a period: the reporters (not WLD) and products that appear
 * in its totals, and which of them enter the computation. */
typedef struct period_index {
    size_t nrep, nprod;
    size_t *rep, *prod;         /* panel indices, in order */
    const char **rep_status;    /* per reporter: NULL (kept) or why left out */
    const char **prod_status;   /* per product */
    size_t *rep_pos, *prod_pos; /* position among the kept, or -1 */
    double *rep_pop;
} period_index;

static void index_free(period_index *ix)
{
    free(ix->rep);
    free(ix->prod);
    free(ix->rep_status);
    free(ix->prod_status);
    free(ix->rep_pos);
    free(ix->prod_pos);
    free(ix->rep_pop);
    memset(ix, 0, sizeof *ix);
}

#define NONE ((size_t)-1)

/* Build the period's index and work (x, levels, M, lists); *period_status
 * gets a status for the whole period's eci..cog, or NULL. */
static int period_setup(const trade_panel *panel, size_t per, const trade_population *pop,
                        const trade_complexity_options *opt, period_index *ix, period_work *w,
                        const char **period_status, trade_error *err)
{
    size_t nt;
    const trade_panel_cell *tot = trade_panel_totals(panel, per, &nt);
    size_t NC = trade_panel_countries(panel), NP = trade_panel_products(panel);
    long wld = trade_panel_country_index(panel, "WLD");
    size_t *rmap = malloc((NC + 1) * sizeof *rmap), *pmap = malloc((NP + 1) * sizeof *pmap);
    double *rtot = NULL, *ptot = NULL;
    int rc = TRADE_ENOMEM;
    *period_status = NULL;
    if (!rmap || !pmap)
        goto fail;
    for (size_t i = 0; i < NC; i++)
        rmap[i] = NONE;
    for (size_t i = 0; i < NP; i++)
        pmap[i] = NONE;
    for (size_t i = 0; i < nt; i++) {
        if (wld >= 0 && tot[i].reporter == (size_t)wld)
            continue;
        rmap[tot[i].reporter] = 0;
        pmap[tot[i].product] = 0;
    }
    for (size_t i = 0; i < NC; i++)
        if (rmap[i] != NONE)
            ix->nrep++;
    for (size_t i = 0; i < NP; i++)
        if (pmap[i] != NONE)
            ix->nprod++;
    ix->rep = malloc((ix->nrep + 1) * sizeof *ix->rep);
    ix->prod = malloc((ix->nprod + 1) * sizeof *ix->prod);
    ix->rep_status = calloc(ix->nrep + 1, sizeof *ix->rep_status);
    ix->prod_status = calloc(ix->nprod + 1, sizeof *ix->prod_status);
    ix->rep_pos = malloc((ix->nrep + 1) * sizeof *ix->rep_pos);
    ix->prod_pos = malloc((ix->nprod + 1) * sizeof *ix->prod_pos);
    ix->rep_pop = malloc((ix->nrep + 1) * sizeof *ix->rep_pop);
    rtot = calloc(ix->nrep + 1, sizeof *rtot);
    ptot = calloc(ix->nprod + 1, sizeof *ptot);
    if (!ix->rep || !ix->prod || !ix->rep_status || !ix->prod_status || !ix->rep_pos ||
        !ix->prod_pos || !ix->rep_pop || !rtot || !ptot)
        goto fail;
    size_t k = 0;
    for (size_t i = 0; i < NC; i++)
        if (rmap[i] != NONE) {
            ix->rep[k] = i;
            rmap[i] = k++;
        }
    k = 0;
    for (size_t i = 0; i < NP; i++)
        if (pmap[i] != NONE) {
            ix->prod[k] = i;
            pmap[i] = k++;
        }
    const trade_period *period = trade_panel_period(panel, per);
    for (size_t r = 0; r < ix->nrep; r++) {
        ix->rep_pop[r] = NAN;
        if (opt->presence == TRADE_PRESENCE_RPOP &&
            trade_population_find(pop, trade_panel_country(panel, ix->rep[r]), period,
                                  &ix->rep_pop[r]))
            ix->rep_status[r] = ST_NOPOP;
    }
    for (size_t i = 0; i < nt; i++) {
        if (wld >= 0 && tot[i].reporter == (size_t)wld)
            continue;
        size_t r = rmap[tot[i].reporter];
        if (!ix->rep_status[r])
            rtot[r] += tot[i].value;
    }
    for (size_t r = 0; r < ix->nrep; r++)
        if (!ix->rep_status[r] && !(rtot[r] > 0))
            ix->rep_status[r] = ST_NOEXP;
    for (size_t i = 0; i < nt; i++) {
        if (wld >= 0 && tot[i].reporter == (size_t)wld)
            continue;
        if (!ix->rep_status[rmap[tot[i].reporter]])
            ptot[pmap[tot[i].product]] += tot[i].value;
    }
    size_t C = 0, P = 0;
    for (size_t r = 0; r < ix->nrep; r++)
        ix->rep_pos[r] = ix->rep_status[r] ? NONE : C++;
    for (size_t p = 0; p < ix->nprod; p++) {
        if (!(ptot[p] > 0))
            ix->prod_status[p] = ST_NOPROD;
        ix->prod_pos[p] = ix->prod_status[p] ? NONE : P++;
    }
    w->opt = opt;
    w->C = C;
    w->P = P;
    size_t CP = C * P;
    if (C && CP / C != P)
        goto fail;
    w->x = calloc(CP + 1, sizeof *w->x);
    w->rca = malloc((CP + 1) * sizeof *w->rca);
    w->m = malloc(CP + 1);
    w->d = calloc(C + 1, sizeof *w->d);
    w->u = calloc(P + 1, sizeof *w->u);
    w->pop = malloc((C + 1) * sizeof *w->pop);
    w->kc = calloc(C + 1, sizeof *w->kc);
    w->kp = calloc(P + 1, sizeof *w->kp);
    if (!w->x || !w->rca || !w->m || !w->d || !w->u || !w->pop || !w->kc || !w->kp)
        goto fail;
    if (opt->presence == TRADE_PRESENCE_RPOP && !(w->rpop = malloc((CP + 1) * sizeof *w->rpop)))
        goto fail;
    for (size_t i = 0; i < nt; i++) {
        if (wld >= 0 && tot[i].reporter == (size_t)wld)
            continue;
        size_t r = rmap[tot[i].reporter], p = pmap[tot[i].product];
        if (ix->rep_pos[r] != NONE && ix->prod_pos[p] != NONE)
            w->x[ix->rep_pos[r] * P + ix->prod_pos[p]] = tot[i].value;
    }
    for (size_t r = 0; r < ix->nrep; r++)
        if (ix->rep_pos[r] != NONE)
            w->pop[ix->rep_pos[r]] = ix->rep_pop[r];
    /* rca, rpop, M */
    double *cs = calloc(C + 1, sizeof *cs), *ps = calloc(P + 1, sizeof *ps), all = 0, popall = 0;
    if (!cs || !ps) {
        free(cs);
        free(ps);
        goto fail;
    }
    for (size_t c = 0; c < C; c++)
        for (size_t p = 0; p < P; p++) {
            double v = w->x[c * P + p];
            cs[c] += v;
            ps[p] += v;
        }
    for (size_t c = 0; c < C; c++) {
        all += cs[c];
        popall += w->pop[c];
    }
    for (size_t c = 0; c < C; c++)
        for (size_t p = 0; p < P; p++) {
            double v = w->x[c * P + p];
            w->rca[c * P + p] = (v / cs[c]) / (ps[p] / all);
            if (w->rpop)
                w->rpop[c * P + p] = (v / ps[p]) / (w->pop[c] / popall);
        }
    free(cs);
    free(ps);
    w->lev = malloc((CP + 1) * sizeof *w->lev);
    if (!w->lev)
        goto fail;
    memcpy(w->lev, w->rpop ? w->rpop : w->rca, CP * sizeof *w->lev);
    size_t nnz = 0;
    for (size_t i = 0; i < CP; i++) {
        w->m[i] = w->lev[i] > opt->threshold;
        nnz += w->m[i];
    }
    w->cp_start = calloc(C + 1, sizeof *w->cp_start);
    w->pc_start = calloc(P + 2, sizeof *w->pc_start);
    w->cp_list = malloc((nnz + 1) * sizeof *w->cp_list);
    w->pc_list = malloc((nnz + 1) * sizeof *w->pc_list);
    if (!w->cp_start || !w->pc_start || !w->cp_list || !w->pc_list)
        goto fail;
    size_t j = 0;
    for (size_t c = 0; c < C; c++) {
        for (size_t p = 0; p < P; p++)
            if (w->m[c * P + p]) {
                w->cp_list[j++] = p;
                w->d[c] += 1;
                w->u[p] += 1;
                w->pc_start[p + 2]++;
            }
        w->cp_start[c + 1] = j;
    }
    for (size_t p = 0; p < P; p++)
        w->pc_start[p + 2] += w->pc_start[p + 1];
    for (size_t c = 0; c < C; c++)
        for (size_t i = w->cp_start[c]; i < w->cp_start[c + 1]; i++)
            w->pc_list[w->pc_start[w->cp_list[i] + 1]++] = c;
    if (C < 2 || P < 2)
        *period_status = ST_FEW;
    for (size_t c = 0; c < C && !*period_status; c++)
        if (w->d[c] == 0)
            *period_status = ST_DIV0;
    for (size_t p = 0; p < P && !*period_status; p++)
        if (w->u[p] == 0)
            *period_status = ST_UBI0;
    rc = 0;
fail:
    if (rc == TRADE_ENOMEM)
        trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory (complexity)");
    free(rmap);
    free(pmap);
    free(rtot);
    free(ptot);
    return rc;
}

/* Standardized levels for the continuous proximity; returns 0, 1 when a
 * product has no spread, -1 out of memory. */
static int standardize(period_work *w)
{
    size_t C = w->C, P = w->P;
    w->z = malloc((C * P + 1) * sizeof *w->z);
    if (!w->z)
        return -1;
    for (size_t p = 0; p < P; p++) {
        double m = 0, ss = 0;
        for (size_t c = 0; c < C; c++)
            m += w->lev[c * P + p];
        m /= (double)C;
        for (size_t c = 0; c < C; c++) {
            double dv = w->lev[c * P + p] - m;
            ss += dv * dv;
        }
        if (!(ss > 0))
            return 1;
        double inv = 1 / sqrt(ss);
        for (size_t c = 0; c < C; c++)
            w->z[c * P + p] = (w->lev[c * P + p] - m) * inv;
    }
    return 0;
}

static int run_blocks(period_work *w, trade_error *err)
{
    size_t C = w->C, P = w->P, CP = C * P;
    int nth = w->opt->threads == 1 || P < 4 * BLOCK ? 1 : 2;
    thread_work tw[2];
    memset(tw, 0, sizeof tw);
    w->phisum = calloc(P + 1, sizeof *w->phisum);
    w->dens = malloc((CP + 1) * sizeof *w->dens);
    w->T = calloc(P + 1, sizeof *w->T);
    w->G = calloc(CP + 1, sizeof *w->G);
    w->knn_empty = calloc(P + 1, 1);
    int ok = w->phisum && w->dens && w->T && w->G && w->knn_empty;
    for (int i = 0; i < nth && ok; i++) {
        tw[i].w = w;
        tw[i].first_block = (size_t)i;
        tw[i].stride = (size_t)nth;
        tw[i].phi = malloc((P + 1) * sizeof *tw[i].phi);
        tw[i].tmp = malloc((2 * P + 1) * sizeof *tw[i].tmp);
        tw[i].wT = calloc(P * BLOCK + 1, sizeof *tw[i].wT);
        tw[i].T = i == 0 ? w->T : calloc(P + 1, sizeof *tw[i].T);
        tw[i].G = i == 0 ? w->G : calloc(CP + 1, sizeof *tw[i].G);
        ok = tw[i].phi && tw[i].tmp && tw[i].T && tw[i].G && tw[i].wT;
    }
    if (ok) {
        for (size_t i = 0; i < CP; i++)
            w->dens[i] = NAN;
        pthread_t th;
        int started = nth == 2 && trade_writer_thread_create(&th, block_worker, &tw[1]) == 0;
        if (nth == 2 && !started) {
            tw[0].stride = 1; /* no second thread: do it all here */
            nth = 1;
        }
        block_worker(&tw[0]);
        if (started)
            pthread_join(th, NULL);
        if (nth == 2) {
            for (size_t q = 0; q < P; q++)
                w->T[q] += tw[1].T[q];
            for (size_t i = 0; i < CP; i++)
                w->G[i] += tw[1].G[i];
        }
        w->dens_ok = !tw[0].zero_row && !tw[1].zero_row;
    }
    for (int i = 0; i < 2; i++) {
        free(tw[i].phi);
        free(tw[i].tmp);
        free(tw[i].wT);
        if (i == 1) {
            free(tw[i].T);
            free(tw[i].G);
        }
    }
    if (!ok)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory (proximity blocks)");
    return 0;
}

int trade_complexity_run(const trade_panel *panel, const trade_population *pop,
                         const trade_complexity_options *opt, trade_complexity_fn fn, void *ctx,
                         trade_error *err)
{
    trade_error_clear(err);
    trade_init();
    if (!isfinite(opt->threshold) || opt->threads < 1 || opt->threads > 2)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "complexity: the threshold must be a finite number and threads "
                               "1 or 2");
    if (opt->presence == TRADE_PRESENCE_RPOP && !pop)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "complexity: presence rpop needs a population table");
    int rc = 0;
    for (size_t per = 0; per < trade_panel_periods(panel) && !rc; per++) {
        period_index ix = {0};
        period_work w = {0};
        const char *pst = NULL, *est = NULL, *dst = NULL;
        double *coi = NULL;
        if ((rc = period_setup(panel, per, pop, opt, &ix, &w, &pst, err)))
            goto next;
        size_t C = w.C, P = w.P;
        double m = NAN, s = NAN, cm = NAN, csd = NAN;
        if (!pst) {
            est = eci_solve(&w, err, &rc);
            if (rc)
                goto next;
            if (w.eci_ok) {
                long_moments(w.kc, C, P, &m, &s);
                if (!(s > 0)) {
                    est = ST_SD0;
                    w.eci_ok = 0;
                }
            }
            int zs = 0;
            if (opt->proximity == TRADE_PROXIMITY_CONTINUOUS && (zs = standardize(&w)) < 0) {
                rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                goto next;
            }
            if (zs)
                dst = ST_CONST;
            else {
                if ((rc = run_blocks(&w, err)))
                    goto next;
                if (!w.dens_ok)
                    dst = ST_ZEROPHI;
            }
            if (w.eci_ok && !dst) {
                coi = malloc((C + 1) * sizeof *coi);
                if (!coi) {
                    rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                    goto next;
                }
                for (size_t c = 0; c < C; c++) {
                    double a = 0;
                    for (size_t p = 0; p < P; p++)
                        if (!w.m[c * P + p])
                            a += w.dens[c * P + p] * w.kp[p];
                    coi[c] = a;
                }
                long_moments(coi, C, P, &cm, &csd);
            }
        }
        trade_complexity_row row;
        const trade_period *period = trade_panel_period(panel, per);
        size_t nt;
        const trade_panel_cell *tot = trade_panel_totals(panel, per, &nt);
        size_t ti = 0;
        for (size_t r = 0; r < ix.nrep && !rc; r++) {
            size_t cpos = ix.rep_pos[r];
            for (size_t pi = 0; pi < ix.nprod && !rc; pi++) {
                size_t ppos = ix.prod_pos[pi];
                row = (trade_complexity_row){period,
                                             trade_panel_country(panel, ix.rep[r]),
                                             trade_panel_product(panel, ix.prod[pi]),
                                             0,
                                             ix.rep_pop[r],
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             NAN,
                                             ""};
                /* the value from the totals (sorted by reporter, product) */
                while (ti < nt && (tot[ti].reporter < ix.rep[r] || (tot[ti].reporter == ix.rep[r] &&
                                                                    tot[ti].product < ix.prod[pi])))
                    ti++;
                if (ti < nt && tot[ti].reporter == ix.rep[r] && tot[ti].product == ix.prod[pi])
                    row.value = tot[ti].value;
                if (cpos == NONE) {
                    row.status = ix.rep_status[r];
                } else if (ppos == NONE) {
                    row.status = ix.prod_status[pi];
                } else {
                    size_t i = cpos * P + ppos;
                    row.rca = w.rca[i];
                    if (w.rpop)
                        row.rpop = w.rpop[i];
                    row.mcp = w.m[i];
                    row.diversity = w.d[cpos];
                    row.ubiquity = w.u[ppos];
                    row.status = pst ? pst : est ? est : dst ? dst : "";
                    if (!row.status[0] && w.knn_empty && w.knn_empty[ppos])
                        row.status = ST_KNN0;
                    if (w.eci_ok) {
                        row.eci = (w.kc[cpos] - m) / s;
                        row.pci = (w.kp[ppos] - m) / s;
                    }
                    if (!pst && !dst) {
                        row.density = w.dens[i];
                        if (w.eci_ok) {
                            row.coi = csd > 0 ? (coi[cpos] - cm) / csd : NAN;
                            row.cog = w.m[i] ? 0 : (w.T[ppos] - w.G[i]) / s;
                        }
                    }
                }
                rc = fn(ctx, &row);
            }
        }
    next:
        free(coi);
        work_free(&w);
        index_free(&ix);
    }
    return rc;
}

int trade_complexity_proximity(const trade_panel *panel, const trade_population *pop,
                               const trade_complexity_options *opt, trade_proximity_fn fn,
                               void *ctx, trade_error *err)
{
    trade_error_clear(err);
    if (opt->presence == TRADE_PRESENCE_RPOP && !pop)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "proximity: presence rpop needs a population table");
    if (!isfinite(opt->threshold))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "proximity: bad threshold");
    int rc = 0;
    for (size_t per = 0; per < trade_panel_periods(panel) && !rc; per++) {
        period_index ix = {0};
        period_work w = {0};
        const char *pst = NULL;
        double *row = NULL;
        if ((rc = period_setup(panel, per, pop, opt, &ix, &w, &pst, err)))
            goto next;
        size_t P = w.P;
        /* proximity needs ubiquities (discrete) or spread (continuous) only */
        const char *st = NULL;
        if (w.C < 2 || P < 2)
            st = ST_FEW;
        else if (opt->proximity == TRADE_PROXIMITY_CONTINUOUS) {
            int zs = standardize(&w);
            if (zs < 0) {
                rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
                goto next;
            }
            if (zs)
                st = ST_CONST;
        } else {
            for (size_t p = 0; p < P && !st; p++)
                if (w.u[p] == 0)
                    st = ST_UBI0;
        }
        if (!(row = malloc((P + 1) * sizeof *row))) {
            rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            goto next;
        }
        const trade_period *period = trade_panel_period(panel, per);
        for (size_t a = 0; a < ix.nprod && !rc; a++) {
            size_t pa = ix.prod_pos[a];
            if (pa != NONE && !st)
                phi_row(&w, pa, row);
            for (size_t b = 0; b < ix.nprod && !rc; b++) {
                size_t pb = ix.prod_pos[b];
                const char *s = st           ? st
                                : pa == NONE ? ix.prod_status[a]
                                : pb == NONE ? ix.prod_status[b]
                                             : "";
                double v = s[0] ? NAN : row[pb];
                rc = fn(ctx, period, trade_panel_product(panel, ix.prod[a]),
                        trade_panel_product(panel, ix.prod[b]), v, s);
            }
        }
    next:
        free(row);
        work_free(&w);
        index_free(&ix);
    }
    return rc;
}
