/* group.c - group keys (rules in group.h): an open-addressing hash table
 * of the first row of each group, FNV-1a over the key cells (a period
 * hashes by its months), then one id per row. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trade/group.h"

#include "group_internal.h"

#define MAX_GROUP 16

enum { KEY_CELL, KEY_PERIOD, KEY_EMPTY };

struct trade_group_index {
    size_t *id; /* per row */
    size_t count;
};

typedef struct key {
    const trade_table *t;
    size_t n;
    size_t col[MAX_GROUP];
    int kind[MAX_GROUP];
} key;

static const char default_spec[] = "reporter,flow,period,unit,product";

const char *trade_group_default_columns(void)
{
    return default_spec;
}

static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211u;
    }
    return h;
}

static uint64_t hash_row(const key *k, size_t r)
{
    uint64_t h = 14695981039346656037u;
    for (size_t g = 0; g < k->n; g++) {
        const trade_obs *o = k->kind[g] == KEY_PERIOD ? trade_table_obs(k->t, r) : NULL;
        if (o) {
            int m[2] = {o->period.first_month, o->period.last_month};
            h = fnv(h, (const unsigned char *)m, sizeof m);
        } else if (k->kind[g] != KEY_EMPTY) {
            const char *s = trade_table_cell(k->t, r, k->col[g]);
            h = fnv(h, (const unsigned char *)s, strlen(s));
        }
        h ^= 0x1f;
        h *= 1099511628211u;
    }
    return h;
}

static int same(const key *k, size_t a, size_t b)
{
    for (size_t g = 0; g < k->n; g++) {
        const trade_obs *oa = k->kind[g] == KEY_PERIOD ? trade_table_obs(k->t, a) : NULL;
        const trade_obs *ob = k->kind[g] == KEY_PERIOD ? trade_table_obs(k->t, b) : NULL;
        if (oa && ob) {
            if (!trade_period_equal(&oa->period, &ob->period))
                return 0;
        } else if (k->kind[g] != KEY_EMPTY &&
                   strcmp(trade_table_cell(k->t, a, k->col[g]), trade_table_cell(k->t, b, k->col[g])))
            return 0;
    }
    return 1;
}

int Trade_column_absent(const trade_table *t, const char *name, trade_error *err)
{
    char list[300];
    size_t len = 0;
    list[0] = '\0';
    for (size_t c = 0; c < trade_table_cols(t) && len < sizeof list - 8; c++) {
        int w = snprintf(list + len, sizeof list - len, "%s%s", c ? ", " : "",
                         trade_table_col_name(t, c));
        if (w < 0 || (size_t)w >= sizeof list - len) {
            strcpy(list + (len < sizeof list - 5 ? len : sizeof list - 5), ", ...");
            break;
        }
        len += (size_t)w;
    }
    return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no column '%s' in the input (columns: %s)",
                           name, list);
}

int trade_group_index_new(const trade_table *t, const char *spec, trade_group_index **out,
                          trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    key k = {t, 0, {0}, {0}};
    size_t nrows = trade_table_rows(t);
    int obs = nrows > 0 && trade_table_obs(t, 0) != NULL;
    char *copy = strdup(spec ? spec : default_spec), *save = NULL;
    if (!copy)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (k.n == MAX_GROUP) {
            free(copy);
            return trade_error_set(err, TRADE_ELIMIT, NULL, 0, 0, "at most %d group columns",
                                   MAX_GROUP);
        }
        long c = trade_table_col_index(t, tok);
        if (c < 0 && !strcmp(tok, "product")) {
            k.kind[k.n++] = KEY_EMPTY; /* an absent optional column: "" everywhere */
            continue;
        }
        if (c < 0) {
            int rc = Trade_column_absent(t, tok, err);
            free(copy);
            return rc;
        }
        k.col[k.n] = (size_t)c;
        k.kind[k.n++] = obs && !strcmp(tok, "period") ? KEY_PERIOD : KEY_CELL;
    }
    free(copy);
    trade_group_index *g = calloc(1, sizeof *g);
    size_t cap = 16;
    while (cap < nrows + nrows / 2)
        cap *= 2;
    size_t *slots = malloc(cap * sizeof *slots); /* first row + 1; 0 empty */
    if (g)
        g->id = malloc((nrows ? nrows : 1) * sizeof *g->id);
    if (!g || !slots || !g->id) {
        free(slots);
        trade_group_index_free(g);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    memset(slots, 0, cap * sizeof *slots);
    for (size_t r = 0; r < nrows; r++) {
        size_t h = (size_t)hash_row(&k, r) & (cap - 1);
        while (slots[h] && !same(&k, slots[h] - 1, r))
            h = (h + 1) & (cap - 1);
        if (!slots[h]) {
            slots[h] = r + 1;
            g->count++;
        }
        g->id[r] = slots[h] - 1;
    }
    free(slots);
    *out = g;
    return TRADE_OK;
}

void trade_group_index_free(trade_group_index *g)
{
    if (!g)
        return;
    free(g->id);
    free(g);
}

size_t trade_group_of(const trade_group_index *g, size_t row)
{
    return g->id[row];
}

size_t trade_group_count(const trade_group_index *g)
{
    return g ? g->count : 0;
}
