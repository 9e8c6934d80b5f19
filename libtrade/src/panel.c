/* panel.c - product panels: rows of one flow and currency interned into
 * country, product and period indices (open-addressing hash of the codes),
 * sorted by (period, reporter, product, partner), checked for a second
 * figure per key, and totalled by (reporter, product) with the WLD rule. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf_internal.h"
#include "table_internal.h"
#include "trade/codes.h"
#include "trade/panel.h"
#include "trade/series.h"

typedef struct intern {
    const char **keys; /* insertion order */
    size_t n, cap;
    size_t *slots; /* index + 1, 0 empty */
    size_t nslots;
} intern;

typedef struct entry {
    size_t period, reporter, product, partner;
    double value;
    size_t row;
} entry;

struct trade_panel {
    const char *unit;
    trade_period *periods;
    size_t nperiods;
    const char **countries, **products;
    size_t ncountries, nproducts;
    trade_panel_cell *cells, *totals;
    size_t *cell_start, *total_start; /* nperiods + 1 each */
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return h;
}

static int intern_grow(intern *in)
{
    size_t ns = in->nslots ? in->nslots * 2 : 1024;
    size_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < in->n; i++) {
        size_t h = (size_t)hash_str(in->keys[i]) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = i + 1;
    }
    free(in->slots);
    in->slots = slots;
    in->nslots = ns;
    return 0;
}

/* The index of s, added when new; (size_t)-1 when out of memory. */
static size_t intern_get(intern *in, const char *s)
{
    if ((in->n + 1) * 2 > in->nslots && intern_grow(in))
        return (size_t)-1;
    size_t h = (size_t)hash_str(s) & (in->nslots - 1);
    while (in->slots[h]) {
        size_t i = in->slots[h] - 1;
        if (!strcmp(in->keys[i], s))
            return i;
        h = (h + 1) & (in->nslots - 1);
    }
    if (ARRAY_GROW(in->keys, in->n + 1, in->cap))
        return (size_t)-1;
    in->keys[in->n] = s;
    in->slots[h] = in->n + 1;
    return in->n++;
}

static void intern_free(intern *in)
{
    free(in->keys);
    free(in->slots);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->period != b->period)
        return a->period < b->period ? -1 : 1;
    if (a->reporter != b->reporter)
        return a->reporter < b->reporter ? -1 : 1;
    if (a->product != b->product)
        return a->product < b->product ? -1 : 1;
    if (a->partner != b->partner)
        return a->partner < b->partner ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

typedef struct sort_item {
    const char *s;
    size_t old;
} sort_item;

static int item_cmp(const void *pa, const void *pb)
{
    return strcmp(((const sort_item *)pa)->s, ((const sort_item *)pb)->s);
}

/* Sort the interned codes; map[old] = new rank. */
static int sort_codes(intern *in, size_t **map)
{
    sort_item *it = malloc((in->n + 1) * sizeof *it);
    *map = malloc((in->n + 1) * sizeof **map);
    if (!it || !*map) {
        free(it);
        return -1;
    }
    for (size_t i = 0; i < in->n; i++)
        it[i] = (sort_item){in->keys[i], i};
    qsort(it, in->n, sizeof *it, item_cmp);
    for (size_t i = 0; i < in->n; i++) {
        in->keys[i] = it[i].s;
        (*map)[it[i].old] = i;
    }
    free(it);
    return 0;
}

void trade_panel_free(trade_panel *p)
{
    if (!p)
        return;
    free(p->periods);
    free(p->countries);
    free(p->products);
    free(p->cells);
    free(p->totals);
    free(p->cell_start);
    free(p->total_start);
    free(p);
}

int trade_panel_build(const trade_table *t, const char *flow, trade_panel **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    if (!flow)
        flow = "export";
    size_t nrows = trade_table_rows(t);
    long cprod = trade_table_col_index(t, "product"), cval = trade_table_col_index(t, "value"),
         cunit = trade_table_col_index(t, "unit");
    if (cprod < 0)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 0,
                               "a panel needs a product column (trade import --level hs2|hs4|hs6 "
                               "writes one)");
    intern cn = {0}, pr = {0};
    trade_period *periods = NULL;
    size_t nper = 0, capper = 0, n = 0, lastper = (size_t)-1;
    entry *e = malloc((nrows + 1) * sizeof *e);
    trade_panel *p = calloc(1, sizeof *p);
    size_t *cmap = NULL, *pmap = NULL, *permap = NULL;
    unsigned char *chosen = malloc(nrows + 1);
    int rc = TRADE_ENOMEM;
    if (!e || !p || !chosen)
        goto fail;
    /* one figure per period: the series module's rule (an exact figure
     * before a qualified one, then the finer precision) */
    if (trade_series_mark_chosen(t, chosen, err))
        goto fail;
    for (size_t r = 0; r < nrows; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        if (!o || !chosen[r] || strcmp(o->flow, flow) != 0 || !trade_unit_is_currency(o->unit))
            continue;
        if (!p->unit)
            p->unit = o->unit;
        else if (strcmp(p->unit, o->unit) != 0) {
            rc = Trade_table_cell_error(err, t, r, cunit,
                                        "a second currency in the panel: %s after %s (convert "
                                        "first: trade convert)",
                                        o->unit, p->unit);
            goto fail;
        }
        if (!o->product[0]) {
            rc = Trade_table_cell_error(err, t, r, cprod,
                                        "%s%sno product: a panel needs one per row", "", "");
            goto fail;
        }
        if (o->value < 0) {
            rc = Trade_table_cell_error(err, t, r, cval,
                                        "negative value %s%s in a panel: a trade flow is zero or "
                                        "more",
                                        trade_table_cell(t, r, (size_t)cval), "");
            goto fail;
        }
        size_t per = lastper;
        if (per == (size_t)-1 || trade_period_order(&periods[per], &o->period) != 0) {
            for (per = 0; per < nper && trade_period_order(&periods[per], &o->period) != 0; per++)
                ;
            if (per == nper) {
                if (ARRAY_GROW(periods, nper + 1, capper))
                    goto fail;
                periods[nper++] = o->period;
            }
            lastper = per;
        }
        size_t ri = intern_get(&cn, o->reporter), pi = intern_get(&cn, o->partner),
               ki = intern_get(&pr, o->product);
        if (ri == (size_t)-1 || pi == (size_t)-1 || ki == (size_t)-1)
            goto fail;
        e[n++] = (entry){per, ri, ki, pi, o->value, r};
    }
    if (n == 0) {
        rc = trade_error_set(err, TRADE_EDATA, NULL, 0, 0,
                             "no rows of flow %s in a currency: the panel is empty", flow);
        goto fail;
    }
    /* periods in order */
    permap = malloc(nper * sizeof *permap);
    if (!permap || sort_codes(&cn, &cmap) || sort_codes(&pr, &pmap))
        goto fail;
    {
        size_t *ord = malloc(nper * sizeof *ord);
        if (!ord)
            goto fail;
        for (size_t i = 0; i < nper; i++)
            ord[i] = i;
        for (size_t i = 1; i < nper; i++) /* few periods: insertion sort */
            for (size_t j = i; j > 0 && trade_period_order(&periods[ord[j - 1]], &periods[ord[j]]) > 0;
                 j--) {
                size_t tmp = ord[j];
                ord[j] = ord[j - 1];
                ord[j - 1] = tmp;
            }
        p->periods = malloc(nper * sizeof *p->periods);
        if (!p->periods) {
            free(ord);
            goto fail;
        }
        for (size_t i = 0; i < nper; i++) {
            p->periods[i] = periods[ord[i]];
            permap[ord[i]] = i;
        }
        free(ord);
    }
    p->nperiods = nper;
    for (size_t i = 0; i < n; i++) {
        e[i].period = permap[e[i].period];
        e[i].reporter = cmap[e[i].reporter];
        e[i].partner = cmap[e[i].partner];
        e[i].product = pmap[e[i].product];
    }
    qsort(e, n, sizeof *e, entry_cmp);
    for (size_t i = 1; i < n; i++)
        if (e[i].period == e[i - 1].period && e[i].reporter == e[i - 1].reporter &&
            e[i].product == e[i - 1].product && e[i].partner == e[i - 1].partner) {
            const trade_obs *o0 = trade_table_obs(t, e[i - 1].row);
            char where[64];
            snprintf(where, sizeof where, "%lu", o0->line);
            rc = Trade_table_cell_error(
                err, t, e[i].row, cval,
                "a second figure for the same reporter, partner, product and period "
                "(first in %s line %s): one figure per period",
                o0->file, where);
            goto fail;
        }
    p->countries = cn.keys;
    p->ncountries = cn.n;
    cn.keys = NULL;
    p->products = pr.keys;
    p->nproducts = pr.n;
    pr.keys = NULL;
    p->cells = malloc(n * sizeof *p->cells);
    p->totals = malloc(n * sizeof *p->totals);
    p->cell_start = calloc(nper + 1, sizeof *p->cell_start);
    p->total_start = calloc(nper + 1, sizeof *p->total_start);
    if (!p->cells || !p->totals || !p->cell_start || !p->total_start)
        goto fail;
    long wld = trade_panel_country_index(p, "WLD");
    size_t nt = 0;
    for (size_t i = 0; i < n; i++) {
        const trade_obs *o = trade_table_obs(t, e[i].row);
        p->cells[i] = (trade_panel_cell){e[i].reporter, e[i].partner, e[i].product,
                                         e[i].value,    o->file,      o->line};
        p->cell_start[e[i].period + 1] = i + 1;
        int first = i == 0 || e[i].period != e[i - 1].period ||
                    e[i].reporter != e[i - 1].reporter || e[i].product != e[i - 1].product;
        if (first) {
            p->totals[nt] = p->cells[i];
            p->totals[nt].partner = (size_t)-1;
            nt++;
        }
        trade_panel_cell *tot = &p->totals[nt - 1];
        if (wld >= 0 && e[i].partner == (size_t)wld) {
            tot->value = e[i].value;
            tot->partner = (size_t)wld;
            tot->file = o->file;
            tot->line = o->line;
        } else if (tot->partner == (size_t)-1) {
            tot->value += first ? 0 : e[i].value;
        }
        p->total_start[e[i].period + 1] = nt;
    }
    for (size_t i = 1; i <= nper; i++) {
        if (p->cell_start[i] < p->cell_start[i - 1])
            p->cell_start[i] = p->cell_start[i - 1];
        if (p->total_start[i] < p->total_start[i - 1])
            p->total_start[i] = p->total_start[i - 1];
    }
    free(e);
    free(chosen);
    free(periods);
    free(permap);
    free(cmap);
    free(pmap);
    intern_free(&cn);
    intern_free(&pr);
    *out = p;
    return 0;
fail:
    if (rc == TRADE_ENOMEM)
        trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory building the panel");
    free(e);
    free(chosen);
    free(periods);
    free(permap);
    free(cmap);
    free(pmap);
    if (p) {
        if (p->countries == cn.keys)
            p->countries = NULL;
        if (p->products == pr.keys)
            p->products = NULL;
    }
    intern_free(&cn);
    intern_free(&pr);
    trade_panel_free(p);
    return rc;
}

const char *trade_panel_unit(const trade_panel *p)
{
    return p->unit;
}
size_t trade_panel_periods(const trade_panel *p)
{
    return p->nperiods;
}
const trade_period *trade_panel_period(const trade_panel *p, size_t i)
{
    return i < p->nperiods ? &p->periods[i] : NULL;
}
size_t trade_panel_countries(const trade_panel *p)
{
    return p->ncountries;
}
const char *trade_panel_country(const trade_panel *p, size_t i)
{
    return i < p->ncountries ? p->countries[i] : NULL;
}
size_t trade_panel_products(const trade_panel *p)
{
    return p->nproducts;
}
const char *trade_panel_product(const trade_panel *p, size_t i)
{
    return i < p->nproducts ? p->products[i] : NULL;
}

long trade_panel_country_index(const trade_panel *p, const char *code)
{
    size_t lo = 0, hi = p->ncountries;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(p->countries[mid], code);
        if (!c)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

const trade_panel_cell *trade_panel_cells(const trade_panel *p, size_t i, size_t *n)
{
    if (i >= p->nperiods) {
        *n = 0;
        return NULL;
    }
    *n = p->cell_start[i + 1] - p->cell_start[i];
    return p->cells + p->cell_start[i];
}

const trade_panel_cell *trade_panel_totals(const trade_panel *p, size_t i, size_t *n)
{
    if (i >= p->nperiods) {
        *n = 0;
        return NULL;
    }
    *n = p->total_start[i + 1] - p->total_start[i];
    return p->totals + p->total_start[i];
}
