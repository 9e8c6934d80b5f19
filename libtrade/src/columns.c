/* columns.c - the kind of a column by its name (columns.h): the observation
 * format's numeric columns here, every other column from the module that
 * writes it. */
#include <string.h>

#include "trade/check.h"
#include "trade/columns.h"
#include "trade/compare.h"
#include "trade/fit.h"
#include "trade/growth.h"
#include "trade/rank.h"
#include "trade/rates.h"
#include "trade/summary.h"

/* The observation format's numbers (FORMAT.md), import's quantity, and the
 * problem location columns that validate and extract --against write. */
static const char *const format_numeric[] = {"value", "precision", "quantity",
                                             "value_usd", "line", "column"};

/* The result modules that name their columns as trade_column lists. */
static const trade_column *(*const module_columns[])(size_t *) = {
    trade_growth_columns, trade_fit_columns, trade_summary_columns, trade_rank_columns,
    trade_compare_metric_columns};

/* The modules that name them as names plus numeric flags. */
static const char *const *(*const module_names[])(size_t *, const unsigned char **) = {
    trade_check_columns, trade_rates_columns};

int trade_column_is_numeric(const char *name)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < sizeof format_numeric / sizeof format_numeric[0]; i++)
        if (!strcmp(name, format_numeric[i]))
            return 1;
    for (size_t m = 0; m < sizeof module_columns / sizeof module_columns[0]; m++) {
        size_t n;
        const trade_column *c = module_columns[m](&n);
        for (size_t i = 0; i < n; i++)
            if (c[i].numeric && !strcmp(name, c[i].name))
                return 1;
    }
    for (size_t m = 0; m < sizeof module_names / sizeof module_names[0]; m++) {
        size_t n;
        const unsigned char *num = NULL;
        const char *const *names = module_names[m](&n, &num);
        for (size_t i = 0; i < n; i++)
            if (num && num[i] && !strcmp(name, names[i]))
                return 1;
    }
    return 0;
}
