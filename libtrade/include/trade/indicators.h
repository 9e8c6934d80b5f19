/* indicators.h - the World Bank WITS trade-outcome indicators on a product
 * panel (trade/panel.h), and unit values.
 *
 * Notation, per period: x_ijk the exports of reporter i to partner j in
 * product k (panel cells, partner not WLD); x_ik the total of i in k
 * (trade_panel_totals: the WLD-partner row, else the sum over partners);
 * X_i = sum_k x_ik; m_jk = sum_i x_ijk, the imports of j in k seen from its
 * partners' exports (mirror: the panel is one flow, exports); M_j = sum_k
 * m_jk. The world w is, by trade_world:
 *   TRADE_WORLD_PANEL (default): the sum over the panel's reporters (not WLD):
 *     x_wk = sum_i x_ik, X_w = sum_i X_i, x_wj = sum_i x_ij;
 *   TRADE_WORLD_WLD: the rows of reporter WLD (x_wk its total in k, x_wj its
 *     exports to j, X_w its total); a cell whose WLD row is missing is empty
 *     with a status;
 *   TRADE_WORLD_AUTO: per period, the WLD rows when the period has any
 *     reporter-WLD row, else the sum of the panel (the method column of
 *     `trade indicator` says which).
 * Indicators (rows: period, reporter, partner, product, value, status):
 *   rca                 (x_ik / X_i) / (x_wk / X_w)           per (i, k)
 *   intensity           (x_ij / X_i) / (x_wj / X_w), x_ij = sum_k x_ijk
 *                                                             per (i, j)
 *   complementarity     100 (1 - sum_k |m_jk / M_j - x_ik / X_i| / 2)
 *                                                   per (i, j), j != i
 *   similarity          100 sum_k min(x_ak / X_a, x_bk / X_b)
 *                                 per pair of reporters a < b (partner = b)
 *   grubel-lloyd        1 - |x_ik - m_ik| / (x_ik + m_ik) per (i, k), and
 *                       sum_k (x_ik + m_ik - |x_ik - m_ik|) / sum_k (x_ik + m_ik)
 *                       per i (product empty)
 *   penetration         100 n_ik / N_k: n_ik the partners j with x_ijk > 0,
 *                       N_k the countries j != i with m_jk > 0 (the index of
 *                       export market penetration)                per (i, k)
 *   normalized-balance  (x_ik - m_ik) / (x_ik + m_ik) per (i, k), and
 *                       (X_i - M_i) / (X_i + M_i) per i (product empty)
 * A zero denominator gives an empty cell (NAN) and a status, never NaN text. */
#ifndef TRADE_INDICATORS_H
#define TRADE_INDICATORS_H

#include <stddef.h>

#include "error.h"
#include "panel.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_indicator {
    TRADE_INDICATOR_RCA = 0,
    TRADE_INDICATOR_INTENSITY,
    TRADE_INDICATOR_COMPLEMENTARITY,
    TRADE_INDICATOR_SIMILARITY,
    TRADE_INDICATOR_GRUBEL_LLOYD,
    TRADE_INDICATOR_PENETRATION,
    TRADE_INDICATOR_NORMALIZED_BALANCE
} trade_indicator;

typedef enum trade_world {
    TRADE_WORLD_PANEL = 0, /* the sum over the panel's reporters */
    TRADE_WORLD_WLD,       /* the rows of reporter WLD */
    TRADE_WORLD_AUTO       /* per period: WLD rows when it has any, else the sum */
} trade_world;

/* Parse an indicator name as above ("rca", "grubel-lloyd", ...) and "panel",
 * "wld" or "auto". Return 0 or TRADE_EARG. */
TRADE_API int trade_indicator_parse(const char *name, trade_indicator *out);
TRADE_API int trade_world_parse(const char *name, trade_world *out);

/* The indicator's name and its formula in one line (static strings). */
TRADE_API const char *trade_indicator_name(trade_indicator k);
TRADE_API const char *trade_indicator_formula(trade_indicator k);

typedef struct trade_indicator_row {
    const trade_period *period;
    trade_world world;                        /* the world used (PANEL or WLD, never AUTO) */
    const char *reporter, *partner, *product; /* "" where not a dimension */
    double value;                             /* NAN when undefined */
    const char *status;                       /* "" or why (static) */
} trade_indicator_row;

typedef int (*trade_indicator_fn)(void *ctx, const trade_indicator_row *row);

/* Compute indicator k for every period of the panel, rows in period,
 * reporter, partner, product order. Returns 0, the callback's non-zero
 * value, TRADE_EARG or TRADE_ENOMEM. */
TRADE_API int trade_indicator_run(const trade_panel *panel, trade_indicator k, trade_world world,
                                  trade_indicator_fn fn, void *ctx, trade_error *err);

/* ---- unit values ---------------------------------------------------------- */

typedef struct trade_unit_value_row {
    const trade_period *period;
    const char *reporter, *partner, *flow, *product; /* partner "" unless by_partner */
    const char *currency;                            /* of the value */
    double value;                                    /* sum of the money rows */
    double quantity_t;              /* sum of the tonnes rows (kg / 1000); NAN when none */
    double unit_value;              /* value / quantity_t, currency per tonne; NAN when undefined */
    const char *quantity_qualifier; /* "" or "lower_bound": some rows had no quantity */
    const char *qualifier;          /* of the unit value: "" or "upper_bound" (the quantity is a
                                       lower bound) */
    const char *status;
} trade_unit_value_row;

typedef int (*trade_unit_value_fn)(void *ctx, const trade_unit_value_row *row);

/* Unit values of the rows of t: money rows (a currency) and quantity rows
 * (unit t or kg) grouped by (period, reporter, flow, product) and, with
 * by_partner, partner; rows with partner WLD are used instead of the others
 * of their group when present (as in the panel). The unit value is the sum
 * of values over the sum of quantities. When a quantity row is qualified
 * lower_bound (`trade import --with-quantity`: some rows of the group had
 * no quantity) or a money row of the group has no quantity row, the
 * quantity is a lower bound and the unit value an upper bound (qualifier
 * upper_bound, with a status). A zero quantity, or no quantity at all, is
 * an empty unit value with a status. Groups in (period, reporter, partner,
 * flow, product) order. TRADE_EDATA located at the row for a negative value
 * or quantity or two currencies in one group; TRADE_ENOMEM. */
TRADE_API int trade_indicator_unit_values(const trade_table *t, int by_partner,
                                          trade_unit_value_fn fn, void *ctx, trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
