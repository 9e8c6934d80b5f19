/* report.h - the model of a report on a folder of observations: which
 * tables it holds, which charts it draws (from a chart list or chosen
 * automatically), which rows each chart draws, and why every other row is
 * not drawn. `trade report` is this module plus writing files.
 *
 * The tables (trade_report_sections) are those of the analysis modules run
 * on the one observation table: growth (growth.h), ranks (rank.h), compare
 * (balance, coverage, total and shares in one long table:
 * trade_report_compare), stats (summary.h), fit (fit.h) and check
 * (check.h).
 *
 * The charts: first those of a chart list (trade_report_config_read), then
 * automatic ones for the rows no chart drew: one per reporter, flow, unit,
 * label and kind of period (a year or less; totals over several years), so
 * that stocks and flows, levels and rates, annual and multi-year figures
 * never share an axis; rates and ranks of several flows of one kind (not
 * stocks with flows) share a chart. A group of one figure is not drawn.
 * Each chart is trade_plot_script (plot.h) on a selection of rows.
 *
 * A trade_report borrows the observation table and the growth table it is
 * made from (free the report first); the strings and arrays it hands to
 * callbacks live until the callback returns. */
#ifndef TRADE_REPORT_H
#define TRADE_REPORT_H

#include <stddef.h>

#include "check.h"
#include "error.h"
#include "plot.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the tables ---- */

/* One table of the report: its name (the workbook's sheet) and the file it
 * is written to. */
typedef struct trade_report_section {
    const char *name; /* "growth", "ranks", "compare", "stats", "fit", "check" */
    const char *file; /* "growth.csv", ... */
} trade_report_section;

/* The tables in the order of the workbook's sheets: growth, ranks,
 * compare, stats, fit, check. *n gets the count. Static. */
TRADE_API const trade_report_section *trade_report_sections(size_t *n);

/* The compare table of observation table t, into out (an empty table from
 * trade_table_new): columns measure, reporter, partner, flow, period, unit,
 * product, value, status, source, locator. First, for each row of
 * trade_compare_run(TRADE_COMPARE_BALANCE), three rows: balance (exports -
 * imports, in their unit), coverage (exports / imports, unit "ratio") and
 * total (exports + imports), flow "trade", the balance row's status; then,
 * for each row of trade_compare_run(TRADE_COMPARE_SHARE) whose unit is a
 * level (trade_unit_is_level; a share of a rate means nothing), a row of
 * measure share_pct in unit "percent" with the row's source and locator.
 * Returns 0, TRADE_EARG (t read as generic), TRADE_ENOMEM. */
TRADE_API int trade_report_compare(const trade_table *t, trade_table *out, trade_error *err);

/* 1 when the check r (of trade_check_run on t) is circular: one of the
 * figures it names (growth: the rate and both levels; sum: the total;
 * twice: both statements) is qualified "derived", computed from the stated
 * figure itself, so agreement proves nothing. */
TRADE_API int trade_report_check_circular(const trade_table *t, const trade_check_result *r);

/* ---- the chart list ---- */

/* A chart list, as in a file of lines KEY = VALUE ('#' starts a comment
 * line; blank lines are skipped). Before any section: title and subtitle
 * of the page. [chart SLUG] starts a chart (SLUG: letters, digits, '-' and
 * '_', unique) with title (required), caption, kind (line, bars, rank or
 * growth: growth draws the growth table's rates) and which figures it
 * draws: reporter, partner, flow and unit (comma lists), period (one
 * period as written); an absent key selects any. */
typedef struct trade_report_config trade_report_config;

/* Read the chart list at path into *out (free it with
 * trade_report_config_free). Returns 0; TRADE_EIO naming the file when it
 * cannot be read; TRADE_EARG with err at FILE:LINE (column 0) for a bad
 * line (an unknown key, a bad section, a bad kind, a slug named twice, a
 * line longer than 4094 bytes) or a chart without a title; TRADE_ENOMEM.
 * *out is NULL on failure. */
TRADE_API int trade_report_config_read(const char *path, trade_report_config **out,
                                       trade_error *err);

/* As trade_report_config_read, from text[0..len) named name in errors. */
TRADE_API int trade_report_config_parse(const char *text, size_t len, const char *name,
                                        trade_report_config **out, trade_error *err);

/* Free a chart list; NULL does nothing. */
TRADE_API void trade_report_config_free(trade_report_config *cf);

/* The page title and subtitle of the list, NULL when not given. */
TRADE_API const char *trade_report_config_title(const trade_report_config *cf);
TRADE_API const char *trade_report_config_subtitle(const trade_report_config *cf);

/* The number of charts in the list (0 for NULL). */
TRADE_API size_t trade_report_config_count(const trade_report_config *cf);

/* ---- the charts ---- */

/* Why a row of the observation table is not drawn: one of the
 * TRADE_PLOT_ROW_* reasons of plot.h (the last chart that considered the
 * row gave it), or one of these. */
enum {
    TRADE_REPORT_ROW_SINGLE = 16, /* the only figure of its reporter, flow, unit, label and
                                     kind of period */
    TRADE_REPORT_ROW_NO_PERIOD    /* no period (a draft row): no place on a time axis */
};

/* The reason as a sentence for a reader ("its chart draws another unit").
 * TRADE_PLOT_ROW_NOT_SELECTED and unknown codes: "no chart selects it".
 * Static. */
TRADE_API const char *trade_report_why_text(int why);

typedef struct trade_report trade_report;

/* A report on the observation table obs. growth: the growth table (the
 * rows of `trade growth` on obs, columns by name: reporter, partner, flow,
 * unit, period_from, period_to, growth_pct, ...) that charts of kind growth
 * draw; NULL when there is none (those charts are then left out). cf may be
 * NULL (automatic charts only). Returns 0 or TRADE_ENOMEM (*out NULL). */
TRADE_API int trade_report_new(const trade_table *obs, const trade_table *growth,
                               const trade_report_config *cf, trade_report **out, trade_error *err);

/* Free a report; NULL does nothing. */
TRADE_API void trade_report_free(trade_report *r);

/* One chart, as passed to the callback of trade_report_charts. */
typedef struct trade_report_chart {
    const char *slug;    /* the files' base name: SLUG.gp, SLUG.png */
    const char *title;   /* as listed or made from the data */
    const char *shown;   /* as drawn: the title with the period drawn */
    const char *caption; /* NULL when none */
    trade_plot_kind kind;
    int listed;                /* 1: from the chart list, 0: automatic */
    const trade_table *table;  /* the table drawn: obs, or growth for kind growth */
    const unsigned char *used; /* per row of table: TRADE_PLOT_ROW_* */
    int status;                /* 0: drawn; TRADE_EDATA: nothing to draw (a listed chart
                                  whose figures are absent); another code: the plot
                                  module failed, err says why */
    const trade_error *err;    /* when status is not 0 */
    const char *script;        /* the gnuplot script when status is 0, else NULL */
    size_t len;                /* its length */
} trade_report_chart;

/* Return non-zero to stop (trade_report_charts returns that value). */
typedef int (*trade_report_chart_fn)(void *ctx, const trade_report_chart *chart);

/* Make every chart: those of the list in order, then the automatic ones,
 * calling fn for each (an automatic group with nothing to draw is skipped
 * without a call). Afterwards trade_report_row_state tells, for each
 * observation, whether a chart drew it and else why not. Call once.
 * Returns 0, fn's non-zero value, or TRADE_ENOMEM. */
TRADE_API int trade_report_charts(trade_report *r, trade_report_chart_fn fn, void *ctx,
                                  trade_error *err);

/* Per row of the observation table: TRADE_PLOT_ROW_DRAWN when a chart drew
 * it, else the reason it is not drawn (TRADE_PLOT_ROW_* or
 * TRADE_REPORT_ROW_*). One entry per row; belongs to the report. */
TRADE_API const unsigned char *trade_report_row_state(const trade_report *r);

/* ---- words ---- */

/* A page title from the reporters of t: "Trade figures: Belgium,
 * Kazakhstan and Luxembourg" (up to three, then "and others"). */
TRADE_API void trade_report_page_title(const trade_table *t, char *out, size_t size);

/* A flow code in words for titles: "export" -> "exports", "fdi_stock" ->
 * "FDI stock"; an unknown code as is. Static or flow. */
TRADE_API const char *trade_report_flow_words(const char *flow);

#ifdef __cplusplus
}
#endif
#endif
