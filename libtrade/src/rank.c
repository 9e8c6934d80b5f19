/* rank.c - ranks of table rows within groups (rules in rank.h): the group
 * ids come from group.c, the duplicates from series.c, the ranking itself
 * from trade_stats_rank (one sort of all items by group, value, order). A
 * row ranked smallest first enters with its value negated, so one
 * descending sort serves both directions (ties stay ties, and "first"
 * uses the row order). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/group.h"
#include "trade/number.h"
#include "trade/rank.h"
#include "trade/series.h"

#include "group_internal.h"

static const trade_column columns[] = {{"rank", 1}};

const trade_column *trade_rank_columns(size_t *n)
{
    if (n)
        *n = 1;
    return columns;
}

/* A number in a by cell: a plain decimal, or any finite strtod form. */
static int parse_by(const char *s, double *out)
{
    if (!trade_number_parse(s, strlen(s), out))
        return 0;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int trade_rank_table(const trade_table *t, const trade_rank_options *opt, double *ranks,
                     trade_error *err)
{
    trade_error_clear(err);
    static const trade_rank_options defaults = {NULL, NULL, TRADE_TIES_MIN, 0, 0};
    if (!opt)
        opt = &defaults;
    const char *by = opt->by ? opt->by : "value";
    size_t n = trade_table_rows(t);
    long bycol = trade_table_col_index(t, by);
    if (bycol < 0)
        return Trade_column_absent(t, by, err);
    trade_group_index *groups = NULL;
    int rc = trade_group_index_new(t, opt->group, &groups, err);
    if (rc)
        return rc;
    int obs = n > 0 && trade_table_obs(t, 0) != NULL;
    unsigned char *chosen = obs ? malloc(n) : NULL;
    trade_rank_item *items = malloc((n + 1) * sizeof *items);
    if (!items || (obs && !chosen)) {
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    if (obs && (rc = trade_series_mark_chosen(t, chosen, err)))
        goto done;
    long pcol = trade_table_col_index(t, "partner"), ucol = trade_table_col_index(t, "unit");
    int by_value = !strcmp(by, "value");
    size_t m = 0;
    for (size_t r = 0; r < n; r++) {
        ranks[r] = NAN;
        const char *s = trade_table_cell(t, r, (size_t)bycol);
        if (!*s || (chosen && !chosen[r]))
            continue;
        if (!opt->keep_aggregates && pcol >= 0 &&
            trade_country_is_aggregate(trade_table_cell(t, r, (size_t)pcol)))
            continue;
        double v;
        const trade_obs *ob = by_value ? trade_table_obs(t, r) : NULL;
        if (ob) {
            v = ob->value; /* already parsed by the reader */
        } else if (parse_by(s, &v)) {
            const char *file;
            unsigned long line, col;
            trade_table_cell_position(t, r, (size_t)bycol, &file, &line, &col);
            rc = trade_error_set(err, TRADE_EDATA, file, line, col, "%s: '%.40s' is not a number",
                                 by, s);
            goto done;
        }
        int asc = opt->ascending || (ucol >= 0 && !strcmp(trade_table_cell(t, r, (size_t)ucol), "rank"));
        items[m++] = (trade_rank_item){trade_group_of(groups, r), asc ? -v : v, r, 0};
    }
    if ((rc = trade_stats_rank(items, m, opt->ties, 0, err)))
        goto done;
    for (size_t i = 0; i < m; i++)
        ranks[items[i].order] = items[i].rank;
done:
    free(chosen);
    free(items);
    trade_group_index_free(groups);
    return rc;
}

typedef struct rank_place {
    size_t group, row;
    double rank;
} rank_place;

static int place_cmp(const void *a, const void *b)
{
    const rank_place *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    int xn = isnan(x->rank), yn = isnan(y->rank);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn && x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

int trade_rank_order(const trade_table *t, const trade_rank_options *opt, const double *ranks,
                     size_t *order, trade_error *err)
{
    trade_error_clear(err);
    size_t n = trade_table_rows(t);
    trade_group_index *groups = NULL;
    int rc = trade_group_index_new(t, opt ? opt->group : NULL, &groups, err);
    if (rc)
        return rc;
    rank_place *p = malloc((n + 1) * sizeof *p);
    if (!p) {
        trade_group_index_free(groups);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < n; r++)
        p[r] = (rank_place){trade_group_of(groups, r), r, ranks[r]};
    qsort(p, n, sizeof *p, place_cmp);
    for (size_t r = 0; r < n; r++)
        order[r] = p[r].row;
    free(p);
    trade_group_index_free(groups);
    return TRADE_OK;
}
