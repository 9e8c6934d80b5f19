/* complexity.h - revealed comparative advantage and the measures of the
 * Atlas of Economic Complexity on a product panel (trade/panel.h), with the
 * conventions of the Growth Lab's `ecomplexity` package for Stata (whose
 * published results the tests reproduce).
 *
 * Per period, on the reporters (not WLD) and products of that period, with
 * x_cp the exports of country c in product p (trade_panel_totals) and every
 * (c, p) pair present (0 when the panel has no row):
 *   rca_cp  = (x_cp / sum_p x_cp) / (sum_c x_cp / sum_cp x_cp)      (Balassa)
 *   rpop_cp = (x_cp / sum_c x_cp) / (pop_c / sum_c pop_c)
 *   M_cp    = 1 when the level (rca or rpop) exceeds the threshold strictly
 *             (Stata's ecomplexity; the Python package uses >=), else 0
 *   diversity d_c = sum_p M_cp, ubiquity u_p = sum_c M_cp
 *   ECI, PCI: the eigenvector of the second largest eigenvalue of
 *             M~pp = U^-1 M' D^-1 M (PCI, kp) and kc = D^-1 M kp (ECI), with
 *             D = diag(d), U = diag(u). Computed with GSL's symmetric
 *             eigensolver (gsl_eigen_symmv) on the similar symmetric matrix of
 *             the smaller side: D^-1/2 M U^-1 M' D^-1/2 (countries; kc =
 *             D^-1/2 v, kp = U^-1 M' kc / lambda2) or U^-1/2 M' D^-1 M U^-1/2
 *             (products; kp = U^-1/2 v). Sign: the correlation of kc with
 *             diversity is positive. Then eci = (kc - m) / s and pci =
 *             (kp - m) / s with m and s the mean and standard deviation of kc
 *             over the period's C x P (country, product) rows, n - 1 in the
 *             denominator (Stata's summarize on the long data set; s is
 *             sqrt(P (C - 1) / (CP - 1)) times the sample sd over countries).
 *   proximity phi (diagonal 0):
 *     symmetric:  phi_pq = C_pq / max(u_p, u_q), C = M'M (the smaller of the
 *                 two conditional probabilities)
 *     asymmetric: phi_pq = C_pq / u_p (the probability of q given p)
 *     continuous: phi_pq = (1 + corr(L_.p, L_.q)) / 2, L the level (rca or
 *                 rpop), Pearson correlation over countries
 *   density_cp = sum_q M_cq phi_pq / sum_q phi_pq (continuous: L_cq for M_cq);
 *     with knn K: only the q with phi_pq >= t_p, t_p the K-th largest phi_pq
 *     of row p (diagonal included), taken as (t + -1 + |t - -1|) / 2 as
 *     Stata's ecomplexity computes max(t, -1): that rounding can lift t by a
 *     unit in the last place, so ties at t can drop out, as they do there.
 *   coi_c = sum_p density_cp (1 - M_cp) kp_p, z-scored over the C x P rows
 *     (n - 1) like eci
 *   cog_cp = (1 - M_cp) sum_q (1 - M_cq) phi_qp kp_q / sum_r phi_qr, divided
 *     by s (the sd of kc above).
 * The product-by-product proximity is never held whole: it is built in
 * blocks of rows (from the present products of each country, so the discrete
 * proximity costs sum_c d_c^2 and density and COG cost nnz(M) x P per
 * period) on up to `threads` threads.
 *
 * Undefined cells are NAN with a status (static string): a reporter without
 * exports in the period, a product no reporter exports, a reporter without
 * population (rpop; it is left out of the computation, as Stata drops it),
 * and, for the whole period, eci to cog when some reporter has diversity 0 or
 * some product ubiquity 0 at this threshold (the eigenproblem has a zero
 * degree; Stata's results are empty there too) or the second eigenvalue is
 * not separated from the first (the network is not connected). */
#ifndef TRADE_COMPLEXITY_H
#define TRADE_COMPLEXITY_H

#include <stddef.h>

#include "error.h"
#include "panel.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_presence {
    TRADE_PRESENCE_RCA = 0, /* M from rca */
    TRADE_PRESENCE_RPOP     /* M from rpop (needs a population table) */
} trade_presence;

typedef enum trade_proximity {
    TRADE_PROXIMITY_SYMMETRIC = 0,
    TRADE_PROXIMITY_ASYMMETRIC,
    TRADE_PROXIMITY_CONTINUOUS
} trade_proximity;

typedef struct trade_complexity_options {
    double threshold; /* presence cut-off (default 1) */
    trade_presence presence;
    trade_proximity proximity;
    size_t knn;  /* 0: density from every product; else the K nearest */
    int threads; /* 1 or 2 (default 2) */
} trade_complexity_options;

/* Defaults: threshold 1, rca, symmetric, no knn, 2 threads. */
TRADE_API void trade_complexity_options_init(trade_complexity_options *o);

/* Parse "rca"/"rpop" and "symmetric"/"asymmetric"/"continuous". Return 0 or
 * TRADE_EARG. */
TRADE_API int trade_presence_parse(const char *name, trade_presence *out);
TRADE_API int trade_proximity_parse(const char *name, trade_proximity *out);

/* A population table (reporter, period, population). */
typedef struct trade_population trade_population;

/* Build *out from t, read with generic set, columns reporter, period and
 * population (any order; others ignored). t must outlive it. Returns 0;
 * TRADE_EDATA located at the cell for a missing column, a bad period, a
 * population that is not a plain number above zero, or a second row for the
 * same reporter and period; TRADE_ENOMEM. */
TRADE_API int trade_population_new(const trade_table *t, trade_population **out, trade_error *err);
TRADE_API void trade_population_free(trade_population *p);

/* The population of reporter in period p (exact period match): 0 with *out,
 * or TRADE_ENOTFOUND. */
TRADE_API int trade_population_find(const trade_population *p, const char *reporter,
                                    const trade_period *period, double *out);

/* One output row: a (period, reporter, product) of the rectangle. */
typedef struct trade_complexity_row {
    const trade_period *period;
    const char *reporter, *product;
    double value;                                                            /* x_cp */
    double population;                                                       /* NAN unless rpop */
    double rca, rpop, mcp, diversity, ubiquity, eci, pci, density, coi, cog; /* NAN: undefined */
    const char *status; /* "" or why cells are empty (static) */
} trade_complexity_row;

/* Called for every row, periods in order, reporters then products in code
 * order. Return non-zero to stop (that value is returned). */
typedef int (*trade_complexity_fn)(void *ctx, const trade_complexity_row *row);

/* Compute everything above for every period of the panel. pop is needed for
 * TRADE_PRESENCE_RPOP (TRADE_EARG without it). Returns 0, the callback's
 * non-zero value, TRADE_EARG (bad options: threshold not finite, threads),
 * TRADE_EMATH (GSL failed), TRADE_ENOMEM. Memory per period is O(C P) plus
 * O(P x 64) per thread. */
TRADE_API int trade_complexity_run(const trade_panel *panel, const trade_population *pop,
                                   const trade_complexity_options *opt, trade_complexity_fn fn,
                                   void *ctx, trade_error *err);

/* Called for every product pair (p, q) of a period, p then q in code order,
 * proximity with the diagonal 0 (NAN where undefined: then status says why). */
typedef int (*trade_proximity_fn)(void *ctx, const trade_period *period, const char *p,
                                  const char *q, double proximity, const char *status);

/* The proximity matrix of every period, streamed in rows (never held
 * whole). Same options and errors as trade_complexity_run (knn and
 * threads are not used). */
TRADE_API int trade_complexity_proximity(const trade_panel *panel, const trade_population *pop,
                                         const trade_complexity_options *opt, trade_proximity_fn fn,
                                         void *ctx, trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
