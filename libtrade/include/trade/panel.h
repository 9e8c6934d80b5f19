/* panel.h - product panels: the money rows of an observation table as one
 * figure per (period, reporter, partner, product), the input of the
 * complexity and indicator modules.
 *
 * A panel is built from the rows of one flow (export by default) whose unit
 * is a currency; rows in other units (the tonnes of `trade import
 * --with-quantity`) and of other flows are not part of it. Every row must
 * have a product (what `trade import --level hs2|hs4|hs6` writes), a value of
 * zero or more, and the same currency as the others. One figure per period:
 * of several rows for the same (period, reporter, partner, flow, unit,
 * product) the one trade_series_mark_chosen chooses is used (an exact figure
 * before a qualified one, then the finer precision), the others are not
 * part of the panel, so no figure is counted twice.
 *
 * The total of a reporter for a product in a period is the row whose
 * partner is WLD when the panel has one, else the sum over partners.
 * Country and product codes are held once, sorted (strcmp order); periods
 * are sorted by trade_period_compare, periods of different kinds apart. The
 * panel borrows the table's strings: free the panel before the table. */
#ifndef TRADE_PANEL_H
#define TRADE_PANEL_H

#include <stddef.h>

#include "error.h"
#include "period.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct trade_panel trade_panel;

/* One figure: indices into the panel's countries and products. */
typedef struct trade_panel_cell {
    size_t reporter, partner, product;
    double value;     /* in the panel's currency, >= 0 */
    const char *file; /* the row's file and line, for messages */
    unsigned long line;
} trade_panel_cell;

/* Build *out from the rows of t (not read generic) with flow `flow` (NULL:
 * "export") and a currency unit. Returns 0; TRADE_EDATA located at the cell
 * (FILE:LINE:COLUMN) for a missing product column or product, a negative
 * value or a second currency; TRADE_EDATA
 * when no row is left; TRADE_ENOMEM. *out is NULL on failure; free with
 * trade_panel_free (NULL is fine). */
TRADE_API int trade_panel_build(const trade_table *t, const char *flow, trade_panel **out,
                                trade_error *err);
TRADE_API void trade_panel_free(trade_panel *p);

/* The currency of the values ("USD"). */
TRADE_API const char *trade_panel_unit(const trade_panel *p);

TRADE_API size_t trade_panel_periods(const trade_panel *p);
TRADE_API const trade_period *trade_panel_period(const trade_panel *p, size_t i);

/* Countries (reporters and partners) and products, sorted; the index of a
 * code or -1. */
TRADE_API size_t trade_panel_countries(const trade_panel *p);
TRADE_API const char *trade_panel_country(const trade_panel *p, size_t i);
TRADE_API long trade_panel_country_index(const trade_panel *p, const char *code);
TRADE_API size_t trade_panel_products(const trade_panel *p);
TRADE_API const char *trade_panel_product(const trade_panel *p, size_t i);

/* The figures of period i, sorted by (reporter, product, partner); *n gets
 * their count. Owned by the panel. */
TRADE_API const trade_panel_cell *trade_panel_cells(const trade_panel *p, size_t i, size_t *n);

/* The totals of period i by (reporter, product), sorted so, with partner set
 * to the WLD index when the total is a WLD row, else to (size_t)-1 (a sum
 * over partners; file and line are those of the first row). */
TRADE_API const trade_panel_cell *trade_panel_totals(const trade_panel *p, size_t i, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
