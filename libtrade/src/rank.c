/* rank.c - ranks of table rows within groups (rules in rank.h): the group
 * ids come from the rows' observations when the group columns are fields
 * of one (one hashed pass, a row of the same group as the one before it
 * found without the table), else from group.c; the duplicates from
 * series.c unless the rows' order shows there are none; the ranking itself
 * from trade_rank_items (one sort of all items by group, value, order). A
 * row ranked smallest first enters with its value negated, so one
 * descending sort serves both directions (ties stay ties, and "first"
 * uses the row order). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/codes.h"
#include "trade/group.h"
#include "trade/number.h"
#include "trade/rank.h"
#include "trade/series.h"

#include "table_internal.h"

#include "group_internal.h"

/* ---- ranks of items ---------------------------------------------------- */

int trade_rank_ties_parse(const char *name, trade_ties *out)
{
    static const char *const names[] = {"min", "max", "dense", "average", "first"};
    for (int i = 0; i < 5; i++)
        if (name && !strcmp(name, names[i])) {
            *out = (trade_ties)i;
            return TRADE_OK;
        }
    return TRADE_EARG;
}

static int cmp_rank_desc(const void *pa, const void *pb)
{
    const trade_rank_item *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int cmp_rank_asc(const void *pa, const void *pb)
{
    const trade_rank_item *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* items[a] before items[b] in the order of cmp_rank_desc (cmp_rank_asc
 * with asc): a total order, since order tells any two items apart. */
static int item_before(const trade_rank_item *a, const trade_rank_item *b, int asc)
{
    if (a->group != b->group)
        return a->group < b->group;
    if (a->value != b->value)
        return asc ? a->value < b->value : a->value > b->value;
    return a->order < b->order;
}

/* Sort items by item_before: insertion sort of short runs, then merges.
 * The order is the one qsort gives with cmp_rank_desc or cmp_rank_asc
 * (a total order: any correct sort gives it), without a call through a
 * pointer per comparison (that qsort was most of the cost of ranking the
 * groups of a streamed batch). */
static void sort_items(trade_rank_item *items, size_t n, int asc)
{
    enum { RUN = 16 };
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            trade_rank_item x = items[i];
            size_t j = i;
            for (; j > lo && item_before(&x, &items[j - 1], asc); j--)
                items[j] = items[j - 1];
            items[j] = x;
        }
    }
    if (n <= RUN)
        return;
    trade_rank_item *tmp = malloc(n * sizeof *tmp);
    if (!tmp) { /* no room to merge: qsort sorts in place */
        qsort(items, n, sizeof *items, asc ? cmp_rank_asc : cmp_rank_desc);
        return;
    }
    trade_rank_item *from = items, *to = tmp;
    for (size_t width = RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = item_before(&from[j], &from[i], asc) ? from[j++] : from[i++];
            while (i < mid)
                to[k++] = from[i++];
            while (j < hi)
                to[k++] = from[j++];
        }
        trade_rank_item *swap = from;
        from = to;
        to = swap;
    }
    if (from != items)
        memcpy(items, from, n * sizeof *items);
    free(tmp);
}

int trade_rank_items(trade_rank_item *items, size_t n, trade_ties ties, int ascending,
                     trade_error *err)
{
    trade_error_clear(err);
    if (n && !items)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rank: NULL items");
    for (size_t i = 0; i < n; i++)
        if (!isfinite(items[i].value))
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "rank: value %zu not finite",
                                   i + 1);
    if (n == 0)
        return TRADE_OK;
    sort_items(items, n, ascending);
    size_t gstart = 0;
    double dense = 0;
    for (size_t i = 0; i < n;) {
        if (i == 0 || items[i].group != items[i - 1].group) {
            gstart = i;
            dense = 0;
        }
        size_t j = i + 1; /* items[i..j) tie */
        while (j < n && items[j].group == items[i].group && items[j].value == items[i].value)
            j++;
        dense += 1;
        double lo = (double)(i - gstart + 1), hi = (double)(j - gstart);
        for (size_t k = i; k < j; k++) {
            switch (ties) {
            case TRADE_TIES_MIN:
                items[k].rank = lo;
                break;
            case TRADE_TIES_MAX:
                items[k].rank = hi;
                break;
            case TRADE_TIES_DENSE:
                items[k].rank = dense;
                break;
            case TRADE_TIES_AVERAGE:
                items[k].rank = (lo + hi) / 2.0;
                break;
            case TRADE_TIES_FIRST:
                items[k].rank = (double)(k - gstart + 1);
                break;
            }
        }
        i = j;
    }
    return TRADE_OK;
}

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

/* A hash of s mixed into h: the bytes gathered eight at a time, one
 * multiply per eight (codes are a few bytes: a multiply per byte was most
 * of the cost of the group ids), the length kept apart so that ("ab", "c")
 * and ("a", "bc") differ. */
static uint64_t str_hash(uint64_t h, const char *s)
{
    uint64_t w = 0;
    unsigned shift = 0;
    size_t n = 0;
    for (; s[n]; n++) {
        w |= (uint64_t)(unsigned char)s[n] << shift;
        shift += 8;
        if (shift == 64) {
            h = (h ^ w) * 0x9e3779b97f4a7c15u;
            h ^= h >> 29;
            w = 0;
            shift = 0;
        }
    }
    h = (h ^ w ^ (uint64_t)n << 56) * 0x9e3779b97f4a7c15u;
    return h ^ (h >> 29); /* the high bits, which every byte reaches, down */
}

/* An open-addressing slot: row + 1 (0: empty) and the row's hash, so that
 * most probes end without reading the row (8 bytes: the table stays in
 * cache). */
typedef struct row_slot {
    uint32_t row1, hash;
} row_slot;

/* The observation fields a group column may name, read from the row's
 * trade_obs instead of its cells (the same text; the period by its months,
 * as group.c compares it). */
enum { OK_REPORTER, OK_PARTNER, OK_FLOW, OK_UNIT, OK_PRODUCT, OK_PERIOD, OK_NONE };

static const char *obs_key(const trade_obs *o, int k)
{
    switch (k) {
    case OK_REPORTER:
        return o->reporter;
    case OK_PARTNER:
        return o->partner;
    case OK_FLOW:
        return o->flow;
    case OK_UNIT:
        return o->unit;
    default:
        return o->product;
    }
}

/* The code id of field k of row r (reporter, partner, flow, unit: equal
 * non-zero ids are equal codes, Trade_table_obs_ids), or 0 (none: the
 * text decides). */
static unsigned obs_id(const uint16_t *ids, int k)
{
    return ids && k <= OK_UNIT ? ids[k] : 0;
}

/* The hash of row r's fields keys[0..nk) (o: its observation; ids: its
 * code ids, or NULL). A code with an id is hashed by its id, one without
 * by its text: the same text always takes the same way. */
static uint32_t obs_hash(const trade_obs *o, const uint16_t *ids, const int *keys, size_t nk)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < nk; i++) {
        unsigned id;
        if (keys[i] == OK_PERIOD) {
            h ^= (uint64_t)(uint32_t)o->period.first_month << 32 | (uint32_t)o->period.last_month;
            h = (h * 0x9e3779b97f4a7c15u) ^ 0x1f;
        } else if ((id = obs_id(ids, keys[i])) != 0) {
            h = ((h ^ id) * 0x9e3779b97f4a7c15u) ^ (uint64_t)(keys[i] + 1);
            h ^= h >> 29;
        } else {
            h = str_hash(h, obs_key(o, keys[i]));
        }
    }
    return (uint32_t)(h ^ (h >> 32));
}

/* 1 when field k of two rows holds the same code: by the ids when both
 * have one (a code with an id never equals one without). */
static int field_same(const trade_obs *a, const uint16_t *ia, const trade_obs *b,
                      const uint16_t *ib, int k)
{
    unsigned x = obs_id(ia, k), y = obs_id(ib, k);
    if (x || y)
        return x == y;
    return !strcmp(obs_key(a, k), obs_key(b, k));
}

/* 1 when two rows (their observations and code ids) agree on the fields
 * keys[0..nk) (the period by its months, as group.c compares it). */
static int obs_same(const trade_obs *oa, const uint16_t *ia, const trade_obs *ob,
                    const uint16_t *ib, const int *keys, size_t nk)
{
    for (size_t i = 0; i < nk; i++)
        if (keys[i] == OK_PERIOD ? !trade_period_equal(&oa->period, &ob->period)
                                 : !field_same(oa, ia, ob, ib, keys[i]))
            return 0;
    return 1;
}

/* obs_same for rows a and b of t. */
static int rows_same(const trade_table *t, size_t a, size_t b, const int *keys, size_t nk)
{
    return obs_same(trade_table_obs(t, a), Trade_table_obs_ids(t, a), trade_table_obs(t, b),
                    Trade_table_obs_ids(t, b), keys, nk);
}

/* The fields of one series and its period: two rows that agree on them
 * are twins (a valid code's text is its identity; partner and product
 * first, the fields that tell neighbours apart). */
static const int twin_keys[] = {OK_PERIOD, OK_PARTNER, OK_PRODUCT, OK_FLOW, OK_REPORTER, OK_UNIT};
#define NTWIN_KEYS (sizeof twin_keys / sizeof twin_keys[0])

/* a before b in the streaming order (period, then reporter, partner, flow,
 * product and unit, bytewise): negative, 0 (twins) or positive. */
static int stream_order(const trade_obs *a, const uint16_t *ia, const trade_obs *b,
                        const uint16_t *ib)
{
    if (a->period.first_month != b->period.first_month)
        return a->period.first_month < b->period.first_month ? -1 : 1;
    if (a->period.last_month != b->period.last_month)
        return a->period.last_month < b->period.last_month ? -1 : 1;
    return Trade_obs_series_cmp(a, ia, b, ib);
}

/* alone_in_period for rows whose level rows come in the streaming order,
 * each after the one before it: with id NULL, the whole table (a streamed
 * batch; a file written by import); with id (from obs_group_ids), within
 * each group, the groups one after the other (a slice of a big run in
 * rank_stream.c). Then no two rows are twins, found by comparing
 * neighbours, which stay in cache, instead of hashing every row: twins
 * agree on every group column (obs_group_ids takes only fields of the twin
 * check), so they would be in one group, next to each other in the order.
 * 1 with chosen set, 0 when the rows are not so ordered (nothing is
 * decided). */
static int alone_in_order(const trade_table *t, const size_t *id, unsigned char *chosen)
{
    size_t n = trade_table_rows(t);
    const trade_obs *prev = NULL; /* the last level row (of the current group) */
    const uint16_t *prev_ids = NULL;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        chosen[r] = 0;
        if (id && r && id[r] != id[r - 1]) {
            if (id[r] != r)
                return 0; /* a group seen before comes back */
            prev = NULL;
        }
        if (!o || !trade_measure_is_level(o->measure))
            continue;
        const uint16_t *ids = Trade_table_obs_ids(t, r);
        if (o->period.start_unit == TRADE_PERIOD_NONE ||
            (prev && stream_order(prev, prev_ids, o, ids) >= 0))
            return 0;
        chosen[r] = 1;
        prev = o;
        prev_ids = ids;
    }
    return 1;
}

/* What trade_series_mark_chosen gives when no two rows of a series have
 * equal periods (as in a streamed batch, whose rows are unique by key and
 * period): every row that enters a series (trade_series_admits) is the
 * one chosen for its period. Rows in the streaming order show it by their
 * neighbours (alone_in_order), and so do rows group by group with the group
 * ids id of obs_group_ids (alone_in_order with id; id may be NULL); others by one
 * hashed pass.
 * Returns 1 with chosen set, 0 when some rows are twins (the caller then
 * asks trade_series_mark_chosen), -1 when out of memory. */
static int alone_in_period(const trade_table *t, const size_t *id, unsigned char *chosen)
{
    if (alone_in_order(t, NULL, chosen) || (id && alone_in_order(t, id, chosen)))
        return 1;
    size_t n = trade_table_rows(t), cap = 16;
    if (n >= UINT32_MAX)
        return 0;
    while (cap < n + n / 2)
        cap *= 2;
    row_slot *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    int alone = 1;
    for (size_t r = 0; r < n && alone; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        chosen[r] = 0;
        if (!o || !trade_measure_is_level(o->measure))
            continue;
        if (o->period.start_unit == TRADE_PERIOD_NONE) {
            alone = 0; /* a draft's empty period: the general way */
            break;
        }
        uint32_t hv = obs_hash(o, Trade_table_obs_ids(t, r), twin_keys, NTWIN_KEYS);
        size_t k = (size_t)(hv ^ (hv >> 17)) & (cap - 1);
        for (; slot[k].row1; k = (k + 1) & (cap - 1))
            if (slot[k].hash == hv && rows_same(t, slot[k].row1 - 1, r, twin_keys, NTWIN_KEYS)) {
                alone = 0;
                break;
            }
        slot[k].row1 = (uint32_t)r + 1;
        slot[k].hash = hv;
        chosen[r] = 1;
    }
    free(slot);
    return alone;
}

/* trade_group_index_new's ids (each row's group is the index of the
 * group's first row) for a table of observations whose group columns are
 * all among reporter, partner, flow, unit, product and period (an absent
 * product reads as empty): one hashed pass over the rows' observations.
 * Returns 1 with id set, 0 when the spec is anything else (the caller asks
 * group.c, which also says what is wrong with a spec), -1 out of memory. */
static int obs_group_ids(const trade_table *t, const char *spec, size_t *id)
{
    static const char *const names[] = {"reporter", "partner", "flow",
                                        "unit",     "product", "period"};
    int keys[16];
    size_t nk = 0, n = trade_table_rows(t);
    if (!spec)
        spec = trade_group_default_columns();
    for (const char *p = spec; *p;) {
        size_t len = strcspn(p, ",");
        if (len) {
            int k = OK_NONE;
            for (int i = 0; i < OK_NONE; i++)
                if (strlen(names[i]) == len && !memcmp(p, names[i], len))
                    k = i;
            if (k == OK_NONE || nk == 16)
                return 0;
            char name[16];
            memcpy(name, p, len);
            name[len] = '\0';
            if (trade_table_col_index(t, name) >= 0)
                keys[nk++] = k;
            else if (k != OK_PRODUCT)
                return 0;
        }
        p += len + (p[len] == ',');
    }
    if (n >= UINT32_MAX)
        return 0;
    for (size_t r = 0; r < n; r++)
        if (!trade_table_obs(t, r))
            return 0;
    size_t cap = 16;
    while (cap < n + n / 2)
        cap *= 2;
    row_slot *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    /* the fields most likely to tell rows apart first (obs_same stops at
       the first that differs) */
    static const int likely[] = {OK_PRODUCT, OK_PARTNER, OK_FLOW, OK_UNIT, OK_PERIOD, OK_REPORTER};
    int cmp[16];
    size_t nc = 0;
    for (size_t i = 0; i < sizeof likely / sizeof likely[0]; i++)
        for (size_t j = 0; j < nk; j++)
            if (keys[j] == likely[i]) {
                cmp[nc++] = likely[i];
                break;
            }
    /* try the row before first when that paid off for the row before, or
       when the row before opened a group: rows that come group by group
       (a slice of a big run) then skip the table, rows in file order lose
       one comparison per new group */
    int try_prev = 0;
    const trade_obs *prev_o = NULL; /* row r - 1's */
    const uint16_t *prev_ids = NULL;
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        const uint16_t *ids = Trade_table_obs_ids(t, r);
        if (try_prev && obs_same(prev_o, prev_ids, o, ids, cmp, nc)) {
            id[r] = id[r - 1];
            prev_o = o;
            prev_ids = ids;
            continue;
        }
        prev_o = o;
        prev_ids = ids;
        uint32_t hv = obs_hash(o, ids, keys, nk);
        size_t s = (size_t)(hv ^ (hv >> 17)) & (cap - 1);
        for (; slot[s].row1; s = (s + 1) & (cap - 1))
            if (slot[s].hash == hv && obs_same(trade_table_obs(t, slot[s].row1 - 1),
                                               Trade_table_obs_ids(t, slot[s].row1 - 1), o, ids,
                                               cmp, nc))
                break;
        try_prev = !slot[s].row1;
        if (!slot[s].row1) {
            slot[s].row1 = (uint32_t)r + 1;
            slot[s].hash = hv;
        }
        id[r] = slot[s].row1 - 1;
    }
    free(slot);
    return 1;
}

/* Answers of trade_country_is_aggregate for short codes, a direct-mapped
 * cache keyed by the code's bytes and its terminating NUL packed into 64
 * bits (so a key is one code exactly): the partners of a batch are a few
 * hundred codes, each looked up in the codes table once instead of once
 * per row (that lookup was 3 % of trade rank's instructions at hs6). */
typedef struct agg_cache {
    uint64_t key[256]; /* 0: empty (no code packs to 0: its first byte is not NUL) */
    unsigned char aggregate[256];
} agg_cache;

static int agg_of(agg_cache *c, const char *code)
{
    uint64_t key = 0;
    size_t n = 0;
    for (; n < 8 && code[n]; n++)
        key |= (uint64_t)(unsigned char)code[n] << (8 * n);
    if (n == 8 || n == 0)
        return trade_country_is_aggregate(code);
    size_t s = (size_t)((key * 0x9e3779b97f4a7c15u) >> 56);
    if (c->key[s] != key) {
        c->key[s] = key;
        c->aggregate[s] = (unsigned char)(trade_country_is_aggregate(code) != 0);
    }
    return c->aggregate[s];
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
    int obs = n > 0 && trade_table_obs(t, 0) != NULL;
    size_t *gid = obs ? malloc(n * sizeof *gid) : NULL;
    int fast = gid ? obs_group_ids(t, opt->group, gid) : 0;
    if (fast < 0 || (obs && !gid)) {
        free(gid);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!fast) {
        free(gid);
        gid = NULL;
    }
    int rc = fast ? TRADE_OK : trade_group_index_new(t, opt->group, &groups, err);
    if (rc)
        return rc;
    unsigned char *chosen = obs ? malloc(n) : NULL;
    trade_rank_item *items = malloc((n + 1) * sizeof *items), *byg = NULL;
    size_t *start = NULL;
    if (!items || (obs && !chosen)) {
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    if (obs) {
        int alone = alone_in_period(t, gid, chosen);
        if (alone < 0) {
            rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
            goto done;
        }
        if (!alone && (rc = trade_series_mark_chosen(t, chosen, err)))
            goto done;
    }
    long pcol = trade_table_col_index(t, "partner"), ucol = trade_table_col_index(t, "unit");
    int by_value = !strcmp(by, "value");
    agg_cache agg;
    memset(agg.key, 0, sizeof agg.key);
    size_t m = 0;
    for (size_t r = 0; r < n; r++) {
        ranks[r] = NAN;
        const char *s = trade_table_cell(t, r, (size_t)bycol);
        if (!*s || (chosen && !chosen[r]))
            continue;
        if (!opt->keep_aggregates && pcol >= 0 &&
            agg_of(&agg, trade_table_cell(t, r, (size_t)pcol)))
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
        items[m++] = (trade_rank_item){gid ? gid[r] : trade_group_of(groups, r), asc ? -v : v, r, 0};
    }
    /* The items by group (a counting sort: a group id is the index of
     * the group's first row, below n, and rows keep their order within a
     * group), then each group ranked on its own: the order of one sort by
     * (group, value, order), with far fewer comparisons (speed: this sort
     * was a tenth of trade rank). */
    size_t ng = n;
    start = calloc(ng + 1, sizeof *start);
    byg = malloc((m + 1) * sizeof *byg);
    if (!start || !byg) {
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < m; i++)
        start[items[i].group + 1]++;
    for (size_t k = 0; k < ng; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < m; i++)
        byg[start[items[i].group]++] = items[i];
    for (size_t k = 0, first = 0; k < ng; first = start[k], k++)
        if (start[k] > first &&
            (rc = trade_rank_items(byg + first, start[k] - first, opt->ties, 0, err)))
            goto done;
    for (size_t i = 0; i < m; i++)
        ranks[byg[i].order] = byg[i].rank;
done:
    free(start);
    free(byg);
    free(chosen);
    free(items);
    trade_group_index_free(groups);
    free(gid);
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
    /* the group ids as trade_rank_table finds them (group.c's, from the
       observations instead of the cells, when the spec allows) */
    size_t *gid = n > 0 && trade_table_obs(t, 0) ? malloc(n * sizeof *gid) : NULL;
    int fast = gid ? obs_group_ids(t, opt ? opt->group : NULL, gid) : 0;
    if (fast < 0) {
        free(gid);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    int rc = fast ? TRADE_OK : trade_group_index_new(t, opt ? opt->group : NULL, &groups, err);
    if (rc) {
        free(gid);
        return rc;
    }
    rank_place *p = malloc((n + 1) * sizeof *p);
    if (!p) {
        free(gid);
        trade_group_index_free(groups);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < n; r++)
        p[r] = (rank_place){fast ? gid[r] : trade_group_of(groups, r), r, ranks[r]};
    qsort(p, n, sizeof *p, place_cmp);
    for (size_t r = 0; r < n; r++)
        order[r] = p[r].row;
    free(p);
    free(gid);
    trade_group_index_free(groups);
    return TRADE_OK;
}
