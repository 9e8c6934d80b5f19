/* import.c - the import module's common parts: the group hash table, the
 * sources of the groups (the source column), the country code dictionary
 * (ISO numeric codes, BACI/Comtrade deviations and special codes,
 * --countries tables, placeholders), product names, sorting and returning
 * the groups, and the row handlers for Comtrade files, partial files and
 * country and product tables (records come from import_read.c). The BACI
 * fast path is in import_baci.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf_internal.h"
#include "fastnum_internal.h"
#include "import_internal.h"
#include "input_internal.h"
#include "trade/codes.h"
#include "utf8_internal.h"

static const char *const flow_names[] = {"export", "import", "reexport", "reimport"};

/* ---- group hash table ---- */

static size_t imp_hash(uint64_t a, uint64_t prod)
{
    uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (prod + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return (size_t)h;
}

static int imp_map_grow(imp_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    if (cap > SIZE_MAX / sizeof(imp_group))
        return TRADE_ENOMEM;
    /* malloc and memset, not calloc: calloc's fresh pages are the shared
     * zero page until written, and the probes below read them first, so
     * each page would fault twice, the second time copying on write with a
     * TLB flush of the other thread's core (an interrupt, costly in a VM):
     * 9 % of the import's time */
    imp_group *s = malloc(cap * sizeof *s);
    if (!s)
        return TRADE_ENOMEM;
    /* a volatile store on every page first: else the compiler turns
     * malloc + memset back into calloc */
    for (size_t off = 0; off < cap * sizeof *s; off += 4096)
        ((volatile char *)s)[off] = 0;
    memset(s, 0, cap * sizeof *s);
    for (size_t i = 0; i < m->cap; i++) {
        imp_group *g = &m->slots[i];
        if (!g->a)
            continue;
        size_t j = imp_hash(g->a, g->prod) & (cap - 1);
        while (s[j].a)
            j = (j + 1) & (cap - 1);
        s[j] = *g;
    }
    free(m->slots);
    m->slots = s;
    m->cap = cap;
    return 0;
}

int imp_map_reserve(imp_map *m, size_t n)
{
    while (4 * n > 3 * m->cap)
        if (imp_map_grow(m))
            return TRADE_ENOMEM;
    return 0;
}

imp_group *imp_map_slot(imp_map *m, uint64_t a, uint64_t prod)
{
    if (4 * (m->n + 1) > 3 * m->cap && imp_map_grow(m))
        return NULL;
    size_t j = imp_hash(a, prod) & (m->cap - 1);
    imp_group *g;
    for (;;) {
        g = &m->slots[j];
        if (!g->a) {
            g->a = a;
            g->prod = prod;
            m->n++;
            return g;
        }
        if (g->a == a && g->prod == prod)
            return g;
        j = (j + 1) & (m->cap - 1);
    }
}

int imp_add(trade_import *im, uint64_t a, uint64_t prod, fastnum_i128 value,
            fastnum_i128 quantity, uint64_t rows, uint64_t quantity_rows, uint32_t src)
{
    imp_group *g = imp_map_slot(&im->map, a, prod);
    if (!g)
        return TRADE_ENOMEM;
    if (__builtin_add_overflow(g->value, value, &g->value) ||
        __builtin_add_overflow(g->quantity, quantity, &g->quantity) ||
        quantity_rows > UINT32_MAX - g->quantity_rows)
        return TRADE_ELIMIT;
    g->rows += rows;
    g->quantity_rows += (uint32_t)quantity_rows;
    if (!g->src)
        g->src = src;
    else if (g->src != src && src && !(g->src = imp_src_union(im, g->src, src)))
        return TRADE_ENOMEM;
    return 0;
}

/* ---- sources ---- */

static uint32_t src_new(trade_import *im, char *label, uint32_t *parts, size_t nparts)
{
    if (ARRAY_GROW(im->sources, im->nsources + 1, im->capsources))
        return 0;
    im->sources[im->nsources] = (imp_source){label, parts, nparts};
    return (uint32_t)++im->nsources;
}

uint32_t imp_src_intern(trade_import *im, const char *label)
{
    for (size_t i = 0; i < im->nsources; i++)
        if (im->sources[i].nparts == 1 && !strcmp(im->sources[i].label, label))
            return (uint32_t)i + 1;
    char *l = strdup(label);
    uint32_t *p = malloc(sizeof *p);
    uint32_t id = l && p ? src_new(im, l, p, 1) : 0;
    if (!id) {
        free(l), free(p);
        return 0;
    }
    p[0] = id;
    return id;
}

static int src_label_cmp(const trade_import *im, uint32_t x, uint32_t y)
{
    return strcmp(im->sources[x - 1].label, im->sources[y - 1].label);
}

/* Unions are rare (a group in two files) and few, so a linear search over
 * the known sources is enough. The parts are kept in label order, so the
 * label of a union does not depend on the order the files were read in. */
uint32_t imp_src_union(trade_import *im, uint32_t x, uint32_t y)
{
    const imp_source *a = &im->sources[x - 1], *b = &im->sources[y - 1];
    size_t n = 0, i = 0, j = 0;
    uint32_t *parts = malloc((a->nparts + b->nparts) * sizeof *parts);
    if (!parts)
        return 0;
    while (i < a->nparts || j < b->nparts) {
        int c = i == a->nparts   ? 1
                : j == b->nparts ? -1
                                 : src_label_cmp(im, a->parts[i], b->parts[j]);
        if (c <= 0)
            parts[n++] = a->parts[i++];
        else
            parts[n++] = b->parts[j++];
        if (c == 0)
            j++;
    }
    for (size_t k = 0; k < im->nsources; k++)
        if (im->sources[k].nparts == n && !memcmp(im->sources[k].parts, parts, n * sizeof *parts)) {
            free(parts);
            return (uint32_t)k + 1;
        }
    size_t len = 0;
    for (size_t k = 0; k < n; k++)
        len += strlen(im->sources[parts[k] - 1].label) + 3;
    char *label = malloc(len + 1);
    uint32_t id = 0;
    if (label) {
        label[0] = '\0';
        for (size_t k = 0; k < n; k++) {
            if (k)
                strcat(label, " + ");
            strcat(label, im->sources[parts[k] - 1].label);
        }
        id = src_new(im, label, parts, n);
    }
    if (!id)
        free(label), free(parts);
    return id;
}

/* The source id of a label that may be a union written by an earlier
 * merge ("a.csv + b.csv"): its parts interned one by one. */
static uint32_t src_from_label(trade_import *im, const char *label)
{
    uint32_t id = 0;
    const char *s = label;
    char part[TRADE_ERROR_FILE_MAX];
    for (;;) {
        const char *e = strstr(s, " + ");
        size_t n = e ? (size_t)(e - s) : strlen(s);
        snprintf(part, sizeof part, "%.*s", (int)n, s);
        uint32_t p = imp_src_intern(im, part);
        if (!p)
            return 0;
        id = id ? (id == p ? id : imp_src_union(im, id, p)) : p;
        if (!id || !e)
            return id;
        s = e + 3;
    }
}

void imp_map_free(imp_map *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

/* ---- country codes ---- */

static unsigned code_pack(const char *code, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)code[i]) * 16777619u;
    return h;
}

int imp_code_intern(trade_import *im, const char *code, size_t len)
{
    if (len == 0 || len > 7)
        return -1;
    size_t mask = sizeof im->code_hash / sizeof im->code_hash[0] - 1;
    size_t j = code_pack(code, len) & mask;
    while (im->code_hash[j]) {
        int id = im->code_hash[j] - 1;
        if (strlen(im->codes[id]) == len && memcmp(im->codes[id], code, len) == 0)
            return id;
        j = (j + 1) & mask;
    }
    if (im->ncodes >= IMP_MAX_CODES)
        return -1;
    int id = im->ncodes++;
    memcpy(im->codes[id], code, len);
    im->codes[id][len] = '\0';
    im->code_hash[j] = id + 1;
    return id;
}

/* Numeric codes that BACI and UN Comtrade use where ISO 3166-1 has another
 * number (the territory differs a little: France with Monaco, Switzerland
 * with Liechtenstein, ...) or none. Historical codes (810 SUN, 891 SCG, 530
 * ANT, ...) come from the codes table. BACI's and Comtrade's areas "not
 * elsewhere specified" and groupings with no code of their own get the
 * placeholder X + number (Comtrade's 97, the European Union, is EUU): 490
 * "Other Asia, nes" (Taiwan in practice, a
 * large exporter), 568 "Europe, nes", 577 "Africa, nes", 697 "Europe EFTA,
 * nes", 711 Southern African Customs Union, 899 "Areas, nes". 849 "US
 * Misc. Pacific Isds" is ISO's United States Minor Outlying Islands. */
static const struct {
    int num;
    const char *alpha3;
} deviations[] = {{58, "BLX"},  {97, "EUU"},  {251, "FRA"},  {280, "DEU"},  {381, "ITA"},  {490, "X490"},
                  {568, "X568"}, {577, "X577"}, {579, "NOR"},  {697, "X697"}, {699, "IND"},
                  {711, "X711"}, {736, "SDN"},  {757, "CHE"},  {842, "USA"},  {849, "UMI"},
                  {899, "X899"}, {0, NULL}};

int imp_code_numeric(trade_import *im, int n)
{
    if (n < 0 || n > 999)
        return -1;
    if (im->file_num[n] >= 0)
        return im->file_num[n];
    if (im->file_num[n] == -2) {
        for (int i = 0; deviations[i].alpha3; i++)
            if (deviations[i].num == n)
                return imp_code_intern(im, deviations[i].alpha3, strlen(deviations[i].alpha3));
        const trade_country *c = n > 0 ? trade_country_by_numeric(n) : NULL;
        if (c && !c->aggregate)
            return imp_code_intern(im, c->alpha3, strlen(c->alpha3));
    }
    if (im->opt.keep_unknown) {
        char ph[8];
        snprintf(ph, sizeof ph, "X%03d", n);
        return imp_code_intern(im, ph, 4);
    }
    return -1;
}

/* ---- new, free, finish, get ---- */

int trade_import_new(trade_import **out, const trade_import_options *opt, trade_error *err)
{
    *out = NULL;
    trade_import *im = calloc(1, sizeof *im);
    if (!im)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    if (opt)
        im->opt = *opt;
    for (int i = 0; i < 1000; i++) {
        im->bynum[i] = -1;
        im->file_num[i] = -2;
    }
    *out = im;
    return 0;
}

void trade_import_free(trade_import *im)
{
    if (!im)
        return;
    imp_map_free(&im->map);
    free(im->sorted);
    for (size_t i = 0; i < im->nsources; i++) {
        free(im->sources[i].label);
        free(im->sources[i].parts);
    }
    free(im->sources);
    for (size_t i = 0; i < im->capnames; i++)
        free(im->names[i].name);
    free(im->names);
    free(im->splits);
    free(im);
}

static const trade_import *sort_im; /* qsort has no context argument in C11 */
static int code_rank[IMP_MAX_CODES];

static int id_cmp(const void *pa, const void *pb)
{
    return strcmp(sort_im->codes[*(const int *)pa], sort_im->codes[*(const int *)pb]);
}

static int group_cmp(const void *pa, const void *pb)
{
    const imp_group *x = pa, *y = pb;
    uint64_t px = x->a >> 32, py = y->a >> 32; /* year, month */
    if (px != py)
        return px < py ? -1 : 1;
    int c = code_rank[(x->a >> 20) & 0xFFF] - code_rank[(y->a >> 20) & 0xFFF];
    if (c)
        return c;
    c = code_rank[(x->a >> 8) & 0xFFF] - code_rank[(y->a >> 8) & 0xFFF];
    if (c)
        return c;
    char a8[9] = {0}, b8[9] = {0};
    memcpy(a8, &x->prod, 8);
    memcpy(b8, &y->prod, 8);
    c = strcmp(a8, b8);
    if (c)
        return c;
    return (int)(x->a & 0xFF) - (int)(y->a & 0xFF);
}

/* The usual case, sorted faster: every product code empty, or digits of
 * one length up to 6, so that (year, month, reporter rank, partner rank,
 * product, flow) packs into 64 bits (14+4+12+12+20+2). LSD radix sort of
 * (key, index) pairs, then the groups are permuted. Returns 0, -1 when the
 * groups do not fit the packing (use qsort), 1 when out of memory. */
static int radix_sort(trade_import *im)
{
    size_t n = im->nsorted;
    if (n < 2 || n > UINT32_MAX)
        return n < 2 ? 0 : -1;
    size_t plen = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        const imp_group *g = &im->sorted[i];
        char pc[9] = {0};
        memcpy(pc, &g->prod, 8);
        size_t l = strlen(pc);
        if (plen == (size_t)-1)
            plen = l;
        if (l != plen || l > 6 || (g->a >> 40) >= 16384 || (g->a & 0xFF) > 3)
            return -1;
        for (size_t k = 0; k < l; k++)
            if (pc[k] < '0' || pc[k] > '9')
                return -1;
    }
    typedef struct {
        uint64_t key;
        size_t idx;
    } kv;
    kv *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    size_t *cnt = malloc(2048 * sizeof *cnt);
    imp_group *out = malloc(n * sizeof *out);
    if (!a || !b || !cnt || !out) {
        free(a), free(b), free(cnt), free(out);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        const imp_group *g = &im->sorted[i];
        char pc[9] = {0};
        memcpy(pc, &g->prod, 8);
        uint64_t prod = 0;
        for (size_t k = 0; pc[k]; k++)
            prod = prod * 10 + (uint64_t)(pc[k] - '0');
        a[i].key = ((g->a >> 40) << 50) | (((g->a >> 32) & 0xF) << 46) |
                   ((uint64_t)code_rank[(g->a >> 20) & 0xFFF] << 34) |
                   ((uint64_t)code_rank[(g->a >> 8) & 0xFFF] << 22) | (prod << 2) | (g->a & 3);
        a[i].idx = i;
    }
    for (int shift = 0; shift < 64; shift += 11) {
        memset(cnt, 0, 2048 * sizeof *cnt);
        for (size_t i = 0; i < n; i++)
            cnt[(a[i].key >> shift) & 2047]++;
        size_t sum = 0;
        for (size_t d = 0; d < 2048; d++) {
            size_t c = cnt[d];
            cnt[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            b[cnt[(a[i].key >> shift) & 2047]++] = a[i];
        kv *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = im->sorted[a[i].idx];
    free(im->sorted);
    im->sorted = out;
    free(a), free(b), free(cnt);
    return 0;
}

int trade_import_finish(trade_import *im, trade_error *err)
{
    /* groups sorted by an earlier call go back into the table first */
    for (size_t i = 0; i < im->nsorted; i++) {
        const imp_group *g = &im->sorted[i];
        int rc = imp_add(im, g->a, g->prod, g->value, g->quantity, g->rows, g->quantity_rows,
                         g->src);
        if (rc)
            return trade_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    free(im->sorted);
    /* sort in place: the table's slots become the sorted array */
    im->sorted = im->map.slots;
    im->nsorted = 0;
    for (size_t i = 0; i < im->map.cap; i++)
        if (im->map.slots[i].a)
            im->sorted[im->nsorted++] = im->map.slots[i];
    im->map.slots = NULL;
    im->map.cap = im->map.n = 0;
    int ids[IMP_MAX_CODES];
    for (int i = 0; i < im->ncodes; i++)
        ids[i] = i;
    sort_im = im;
    qsort(ids, (size_t)im->ncodes, sizeof ids[0], id_cmp);
    for (int i = 0; i < im->ncodes; i++)
        code_rank[ids[i]] = i;
    int rc = radix_sort(im);
    if (rc < 0 && im->nsorted)
        qsort(im->sorted, im->nsorted, sizeof *im->sorted, group_cmp);
    sort_im = NULL;
    if (rc > 0)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

/* ---- product names ---- */

static size_t name_slot(const trade_import *im, uint64_t prod)
{
    uint64_t h = prod * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 17) & (im->capnames - 1);
}

const char *imp_name_find(const trade_import *im, uint64_t prod)
{
    if (!im->nnames || !prod)
        return "";
    for (size_t j = name_slot(im, prod);; j = (j + 1) & (im->capnames - 1)) {
        if (im->names[j].prod == prod)
            return im->names[j].name;
        if (!im->names[j].prod)
            return "";
    }
}

static int name_put(trade_import *im, uint64_t prod, const char *name, size_t len)
{
    if (4 * (im->nnames + 1) > 3 * im->capnames) {
        size_t cap = im->capnames ? im->capnames * 2 : 1024;
        imp_name *old = im->names;
        size_t oldcap = im->capnames;
        im->names = calloc(cap, sizeof *im->names);
        if (!im->names) {
            im->names = old;
            return TRADE_ENOMEM;
        }
        im->capnames = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].prod) {
                size_t j = name_slot(im, old[i].prod);
                while (im->names[j].prod)
                    j = (j + 1) & (cap - 1);
                im->names[j] = old[i];
            }
        free(old);
    }
    size_t j = name_slot(im, prod);
    while (im->names[j].prod && im->names[j].prod != prod)
        j = (j + 1) & (im->capnames - 1);
    char *n = strndup(name, len);
    if (!n)
        return TRADE_ENOMEM;
    if (im->names[j].prod) {
        free(im->names[j].name);
    } else {
        im->names[j].prod = prod;
        im->nnames++;
    }
    im->names[j].name = n;
    return 0;
}

size_t trade_import_count(const trade_import *im)
{
    return im->nsorted;
}

void imp_group_out(const trade_import *im, const imp_group *s, trade_import_group *g)
{
    g->year = (int)(s->a >> 40);
    g->month = (int)((s->a >> 32) & 0xFF);
    /* "%04d" and "-%02d" by hand: a snprintf per group was a tenth of the
     * writing at hs6 (years are 1 to 9999, months 1 to 12) */
    unsigned y = (unsigned)g->year % 10000, m = (unsigned)g->month % 100;
    char *pp = g->period;
    *pp++ = (char)('0' + y / 1000);
    *pp++ = (char)('0' + y / 100 % 10);
    *pp++ = (char)('0' + y / 10 % 10);
    *pp++ = (char)('0' + y % 10);
    if (m) {
        *pp++ = '-';
        *pp++ = (char)('0' + m / 10);
        *pp++ = (char)('0' + m % 10);
    }
    *pp = '\0';
    g->reporter = im->codes[(s->a >> 20) & 0xFFF];
    g->partner = im->codes[(s->a >> 8) & 0xFFF];
    g->flow = flow_names[(s->a & 0xFF) < 4 ? (s->a & 0xFF) : 0];
    /* product: the 8 packed bytes live in the group itself */
    g->product = (const char *)&s->prod;
    fastnum_format128(s->value, IMP_DECIMALS, g->value, sizeof g->value);
    if (s->quantity_rows) /* else 0: skip the formatting */
        fastnum_format128(s->quantity, IMP_DECIMALS, g->quantity, sizeof g->quantity);
    else
        memcpy(g->quantity, "0", 2);
    g->rows = s->rows;
    g->quantity_rows = s->quantity_rows;
    g->source = s->src && s->src <= im->nsources ? im->sources[s->src - 1].label : "";
    g->product_name = imp_name_find(im, s->prod);
}

int trade_import_get(const trade_import *im, size_t i, trade_import_group *g)
{
    if (i >= im->nsorted)
        return TRADE_EARG;
    imp_group_out(im, &im->sorted[i], g);
    return 0;
}

/* ---- country tables (--countries, or the one in a BACI archive) ---- */

typedef struct countries_ctx {
    trade_import *im;
    int c_code, c_iso3;
    int header_done, user;
} countries_ctx;

/* A code of the observation format that a table may map to: known, and
 * not a placeholder (those are ours to give). */
static int mappable(const char *code)
{
    return trade_country_valid(code) &&
           !(code[0] == 'X' && code[1] >= '0' && code[1] <= '9' && code[4] == '\0');
}

static int countries_row(void *vctx, csvr *r)
{
    countries_ctx *c = vctx;
    char sh[64];
    if (!c->header_done) {
        c->header_done = 1;
        c->c_code = csvr_find(r, "country_code");
        c->c_iso3 = csvr_find(r, "country_iso3");
        if (c->c_iso3 < 0)
            c->c_iso3 = csvr_find(r, "iso_3digit_alpha");
        if (c->c_code < 0 || c->c_iso3 < 0)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, 1,
                                   "expected columns country_code and country_iso3");
        return 0;
    }
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    size_t len;
    const char *num = csvr_field(r, (size_t)c->c_code, &len);
    int64_t n;
    int inexact = 0;
    if (fastnum_scaled(num, len, 0, &n, &inexact) || inexact || n < 0 || n > 999)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, 0,
                               "country_code: expected a number from 0 to 999, got \"%s\"",
                               csvr_shown(num, len, sh));
    const char *iso = csvr_field(r, (size_t)c->c_iso3, &len);
    /* a code the format does not have (S19, R20, N/A) is ignored: the
     * built-in mapping, ISO, or unknown, as if the table did not list it */
    c->im->tables_loaded = 1;
    if (!mappable(iso))
        snprintf(c->im->table_iso[n], sizeof c->im->table_iso[n], "%.7s", iso);
    if (mappable(iso) && (c->user || !c->im->user_num[n])) {
        int id = imp_code_intern(c->im, iso, len);
        if (id < 0)
            return trade_error_set(r->err, TRADE_ELIMIT, r->label, r->rec_line, 0,
                                   "too many country codes");
        c->im->file_num[n] = id;
        c->im->user_num[n] = c->user;
    }
    return 0;
}

int trade_import_countries_load(trade_import *im, const char *path, trade_error *err)
{
    countries_ctx c = {im, -1, -1, 0, 1};
    csvr r;
    memset(&r, 0, sizeof r);
    r.row = countries_row;
    r.ctx = &c;
    int rc = csvr_run(path, &r, NULL, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty country table");
    return rc;
}

int imp_countries_member(trade_import *im, csvr *r, inp *in, int user)
{
    countries_ctx c = {im, -1, -1, 0, user};
    r->row = countries_row;
    r->ctx = &c;
    int rc = csvr_member(r, in);
    if (!rc && !c.header_done)
        rc = trade_error_set(r->err, TRADE_EDATA, r->label, 1, 1, "empty country table");
    return rc;
}

void imp_unknown_hint(const trade_import *im, int n, char *out, size_t size)
{
    char sh[64];
    if (n < 0 || n > 999)
        snprintf(out, size, "expected a numeric country code from 0 to 999");
    else if (im->opt.keep_unknown)
        snprintf(out, size, "no placeholder for it");
    else if (im->table_iso[n][0])
        snprintf(out, size,
                 "the country table lists it as \"%s\", which is not a code of the observation "
                 "format; --keep-unknown keeps it as X%03d",
                 utf8_shown(im->table_iso[n], strlen(im->table_iso[n]), sh), n);
    else if (im->tables_loaded)
        snprintf(out, size,
                 "neither the country table nor ISO 3166-1 has it; --keep-unknown keeps it as "
                 "X%03d",
                 n);
    else
        snprintf(out, size,
                 "not in ISO 3166-1: --countries FILE maps it if BACI's country table lists it, "
                 "--keep-unknown keeps it as X%03d",
                 n);
}

/* ---- content hashes of input splits ---- */

uint64_t imp_record_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

void imp_split_hash(char out[IMP_SPLIT_LEN], uint64_t sum, uint64_t records)
{
    snprintf(out, IMP_SPLIT_LEN, "%016llx-%llu", (unsigned long long)sum,
             (unsigned long long)records);
}

/* ---- product tables (code,description) ---- */

typedef struct products_ctx {
    trade_import *im;
    int c_code, c_name;
    int header_done;
} products_ctx;

static int products_row(void *vctx, csvr *r)
{
    products_ctx *c = vctx;
    if (!c->header_done) {
        c->header_done = 1;
        c->c_code = csvr_find(r, "code");
        c->c_name = csvr_find(r, "description");
        if (c->c_code < 0 || c->c_name < 0)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, 1,
                                   "expected columns code and description");
        return 0;
    }
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    size_t len, nlen;
    const char *code = csvr_field(r, (size_t)c->c_code, &len);
    const char *name = csvr_field(r, (size_t)c->c_name, &nlen);
    uint64_t prod;
    char sh[64];
    if (len < 2 || len > 6 || imp_product((int)(len + (len & 1)), code, len, &prod))
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->c_code + 1,
                               "code: expected an HS code of 2 to 6 characters, got \"%s\"",
                               csvr_shown(code, len, sh));
    int rc = name_put(c->im, prod, name, nlen);
    return rc ? trade_error_set(r->err, rc, r->label, r->rec_line, 0, "out of memory") : 0;
}

int imp_products_member(trade_import *im, csvr *r, inp *in)
{
    products_ctx c = {im, -1, -1, 0};
    r->row = products_row;
    r->ctx = &c;
    return csvr_member(r, in);
}

int trade_import_products_load(trade_import *im, const char *path, trade_error *err)
{
    products_ctx c = {im, -1, -1, 0};
    csvr r;
    memset(&r, 0, sizeof r);
    r.row = products_row;
    r.ctx = &c;
    int rc = csvr_run(path, &r, NULL, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty product table");
    return rc;
}

/* ---- product codes ---- */

/* Pack the product group of code (len bytes) at level into *prod. Returns
 * 0 or -1 (not a code of at least level characters, or longer than 6).
 * A code of digits that lost its leading zero (1, 3 or 5 digits, as a
 * spreadsheet leaves 010121) gets it back. Letters may follow the first
 * four digits (HS92's 9999AA, "commodities not specified"): such a code
 * is grouped by its first characters like any other, 9999AA in heading
 * 9999 and chapter 99. */
int imp_product(int level, const char *code, size_t len, uint64_t *prod)
{
    char d[8] = {0};
    *prod = 0;
    if (level == TRADE_IMPORT_TOTAL)
        return 0;
    if (len > 6 || len == 0)
        return -1;
    size_t digits = 0;
    while (digits < len && code[digits] >= '0' && code[digits] <= '9')
        digits++;
    if ((len & 1) && digits == len) { /* a lost leading zero */
        if ((size_t)level > len + 1)
            return -1;
        d[0] = '0';
        memcpy(d + 1, code, (size_t)level - 1);
    } else {
        if ((size_t)level > len)
            return -1;
        memcpy(d, code, (size_t)level);
    }
    /* the characters kept: digits, or letters after four digits (9999AA) */
    for (int i = 0; i < level; i++)
        if (!(d[i] >= '0' && d[i] <= '9') && !(i >= 4 && d[i] >= 'A' && d[i] <= 'Z' && digits >= 4))
            return -1;
    memcpy(prod, d, 8);
    return 0;
}

/* ---- Comtrade ---- */

enum {
    CT_PERIOD,
    CT_REFYEAR,
    CT_REP_ISO,
    CT_PAR_ISO,
    CT_REP_CODE,
    CT_PAR_CODE,
    CT_FLOW,
    CT_CMD,
    CT_VALUE,
    CT_WGT,
    CT_MOT,
    CT_CUSTOMS,
    CT_PARTNER2,
    CT_REFMONTH,
    CT_N
};

/* Column names: Comtrade's API and bulk files (camelCase), then the legacy
 * comtrade.un.org CSV. */
static const char *const ct_names[CT_N][3] = {
    {"period", "Period", NULL},
    {"refYear", "Year", NULL},
    {"reporterISO", "Reporter ISO", NULL},
    {"partnerISO", "Partner ISO", NULL},
    {"reporterCode", "Reporter Code", NULL},
    {"partnerCode", "Partner Code", NULL},
    {"flowCode", "Trade Flow Code", NULL},
    {"cmdCode", "Commodity Code", NULL},
    {"primaryValue", "Trade Value (US$)", NULL},
    {"netWgt", "Netweight (kg)", "Net Weight (kg)"},
    {"motCode", "Mode of Transport Code", NULL},
    {"customsCode", "Customs Proc. Code", NULL},
    {"partner2Code", "2nd Partner Code", NULL},
    {"refMonth", NULL, NULL}};

typedef struct comtrade_ctx {
    trade_import *im;
    char label[TRADE_ERROR_FILE_MAX]; /* of the member being read */
    int col[CT_N];
    int legacy_flow; /* Trade Flow Code: 1 import, 2 export, 3 re-export, 4 re-import */
    int header_done;
    size_t ncols;
    char header0[64];           /* the first header name, to spot repeated headers */
    uint64_t taken, other_level; /* rows summed, rows of another product level */
    size_t other_len;            /* the code length of those */
    unsigned long other_line;
    uint64_t hsum, hn; /* the split hash (opt.split_hash) */
} comtrade_ctx;

/* Comtrade's own text codes: aggregates it writes where ISO has no code.
 * The areas "nes" and special categories become X + their numeric code
 * (the reporterCode/partnerCode of the row, else the number here). */
static const struct {
    const char *comtrade, *ours;
    int num; /* 0: ours is a code; else the placeholder's number */
} ct_special[] = {{"W00", "WLD", 0}, {"WLD", "WLD", 0}, {"EU", "EUU", 0}, {"EUR", "EUU", 0},
                  {"EU2", "EUU", 0}, {"EU27", "EUU", 0}, {"EU28", "EUU", 0}, {"_KS", "XKX", 0},
                  {"S19", NULL, 490}, {"E19", NULL, 568}, {"F19", NULL, 577}, {"_X", NULL, 899},
                  {"X1", NULL, 839}, {"X2", NULL, 838}, {"XX", NULL, 837}, {NULL, NULL, 0}};

static int ct_country(comtrade_ctx *c, csvr *r, int iso_col, int code_col, int *id)
{
    size_t len = 0, nlen = 0;
    const char *iso = iso_col >= 0 ? csvr_field(r, (size_t)iso_col, &len) : "";
    const char *num = code_col >= 0 ? csvr_field(r, (size_t)code_col, &nlen) : "";
    char sh[64];
    int64_t n = -1;
    int inexact = 0;
    if (nlen && (fastnum_scaled(num, nlen, 0, &n, &inexact) || inexact || n < 0 || n > 999))
        n = -1;
    if (len) {
        for (int i = 0; ct_special[i].comtrade; i++)
            if (!strcmp(iso, ct_special[i].comtrade)) {
                char ph[8];
                const char *code = ct_special[i].ours;
                if (!code) {
                    snprintf(ph, sizeof ph, "X%03d", n >= 0 ? (int)n : ct_special[i].num);
                    code = ph;
                }
                *id = imp_code_intern(c->im, code, strlen(code));
                return *id < 0 ? TRADE_ELIMIT : 0;
            }
        if (mappable(iso)) {
            *id = imp_code_intern(c->im, iso, len);
            return *id < 0 ? TRADE_ELIMIT : 0;
        }
    } else if (nlen && n == 0) {
        *id = imp_code_intern(c->im, "WLD", 3);
        return *id < 0 ? TRADE_ELIMIT : 0;
    } else if (n > 0) {
        if ((*id = imp_code_numeric(c->im, (int)n)) >= 0)
            return 0;
    }
    if (n >= 0 && c->im->opt.keep_unknown) {
        char ph[8];
        snprintf(ph, sizeof ph, "X%03d", (int)n);
        *id = imp_code_intern(c->im, ph, 4);
        return *id < 0 ? TRADE_ELIMIT : 0;
    }
    int col = len ? iso_col : code_col >= 0 ? code_col : iso_col;
    return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, (unsigned long)col + 1,
                           "unknown country code \"%s\"%s", csvr_shown(len ? iso : num, len ? len : nlen, sh),
                           n < 0 ? " (and no numeric code to keep it by)"
                           : c->im->opt.keep_unknown ? ""
                                                     : " (--keep-unknown keeps it as X + its "
                                                       "numeric code)");
}

/* A field of lo to hi decimal digits and nothing else (Comtrade's period,
 * refYear and refMonth, the year and month of a partial file's period): 1
 * with its value in *v, else 0. The callers take at most 6 digits, far from
 * int's range. */
static int field_digits(const char *s, size_t len, size_t lo, size_t hi, int *v)
{
    int n = 0;
    if (len < lo || len > hi)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        n = n * 10 + (s[i] - '0');
    }
    *v = n;
    return 1;
}

/* Period and year of a row: period (YYYY or YYYYMM) and refYear, which must
 * agree when both are there. */
static int ct_period(comtrade_ctx *c, csvr *r, int *year, int *month)
{
    const int *col = c->col;
    char sh[64], sh2[64];
    size_t len = 0, ylen = 0;
    const char *per = col[CT_PERIOD] >= 0 ? csvr_field(r, (size_t)col[CT_PERIOD], &len) : "";
    const char *ry = col[CT_REFYEAR] >= 0 ? csvr_field(r, (size_t)col[CT_REFYEAR], &ylen) : "";
    *year = *month = 0;
    if (col[CT_PERIOD] >= 0) {
        int n = 0, ok = len != 5 && field_digits(per, len, 4, 6, &n);
        *year = len == 6 ? n / 100 : n;
        *month = len == 6 ? n % 100 : 0;
        if (!ok || *year < 1 || (len == 6 && (*month < 1 || *month > 12)))
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                   (unsigned long)col[CT_PERIOD] + 1,
                                   "period: expected YYYY or YYYYMM with a month 01 to 12, got \"%s\"",
                                   csvr_shown(per, len, sh));
    }
    if (col[CT_REFYEAR] >= 0) {
        int y = 0;
        if (!field_digits(ry, ylen, 4, 4, &y) || y < 1)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                   (unsigned long)col[CT_REFYEAR] + 1,
                                   "refYear: expected a year YYYY, got \"%s\"",
                                   csvr_shown(ry, ylen, sh));
        if (col[CT_PERIOD] >= 0 && y != *year)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                   (unsigned long)col[CT_PERIOD] + 1,
                                   "period \"%s\" contradicts refYear %d", csvr_shown(per, len, sh),
                                   y);
        *year = y;
    }
    /* refMonth: the month of a monthly period (annual rows carry 52 in the
     * bulk files: only a period with a month is checked) */
    if (col[CT_REFMONTH] >= 0 && *month) {
        size_t mlen = 0;
        const char *rm = csvr_field(r, (size_t)col[CT_REFMONTH], &mlen);
        int m = 0;
        if (mlen && (!field_digits(rm, mlen, 1, 2, &m) || m != *month))
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                   (unsigned long)col[CT_PERIOD] + 1,
                                   "period \"%s\" contradicts refMonth \"%s\"",
                                   csvr_shown(per, len, sh), csvr_shown(rm, mlen, sh2));
    }
    return 0;
}

static int comtrade_header(comtrade_ctx *c, csvr *r)
{
    int *col = c->col;
    c->header_done = 1;
    c->ncols = r->nf;
    snprintf(c->header0, sizeof c->header0, "%s", csvr_field(r, 0, NULL));
    for (int i = 0; i < CT_N; i++) {
        col[i] = -1;
        for (int k = 0; k < 3 && col[i] < 0 && ct_names[i][k]; k++)
            col[i] = csvr_find(r, ct_names[i][k]);
    }
    c->legacy_flow = col[CT_FLOW] >= 0 &&
                     !strcasecmp(csvr_field(r, (size_t)col[CT_FLOW], NULL), "Trade Flow Code");
    const char *missing = NULL;
    if (col[CT_PERIOD] < 0 && col[CT_REFYEAR] < 0)
        missing = "refYear or period";
    else if (col[CT_REP_ISO] < 0 && col[CT_REP_CODE] < 0)
        missing = "reporterISO or reporterCode";
    else if (col[CT_PAR_ISO] < 0 && col[CT_PAR_CODE] < 0)
        missing = "partnerISO or partnerCode";
    else if (col[CT_FLOW] < 0)
        missing = "flowCode (or Trade Flow Code)";
    else if (col[CT_CMD] < 0)
        missing = "cmdCode (or Commodity Code)";
    else if (col[CT_VALUE] < 0)
        missing = "primaryValue (or Trade Value (US$))";
    if (missing)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, 1,
                               "not a UN Comtrade file: no column %s", missing);
    return 0;
}

static int breakdown(const csvr *r, int col, const char *all)
{
    size_t len;
    const char *v = col >= 0 ? csvr_field(r, (size_t)col, &len) : "";
    return *v && strcmp(v, all) != 0;
}

static int comtrade_row(void *vctx, csvr *r)
{
    comtrade_ctx *c = vctx;
    int *col = c->col;
    char sh[64];
    if (!c->header_done)
        return comtrade_header(c, r);
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    /* the header again: yearly files concatenated */
    const char *cmdname = csvr_field(r, (size_t)col[CT_CMD], NULL);
    if (r->nf == c->ncols && !strcmp(csvr_field(r, 0, NULL), c->header0) &&
        (!strcasecmp(cmdname, ct_names[CT_CMD][0]) || !strcasecmp(cmdname, ct_names[CT_CMD][1])))
        return 0;
    if (r->nf != c->ncols)
        return trade_error_set(r->err, TRADE_ECSV, r->label, r->rec_line, 1,
                               "expected %zu fields as in the header, found %zu", c->ncols, r->nf);
    trade_import *im = c->im;
    if (im->opt.split_hash) {
        uint64_t h = 0;
        for (size_t i = 0; i < r->nf; i++)
            h = h * 31 + imp_record_hash(r->arena + r->off[i], r->len[i]);
        c->hsum += imp_record_hash((const char *)&h, sizeof h);
        c->hn++;
    }
    /* breakdowns that would count the same trade twice (an empty cell, as
     * in the legacy files, is no breakdown) */
    if (breakdown(r, col[CT_MOT], "0") || breakdown(r, col[CT_CUSTOMS], "C00") ||
        breakdown(r, col[CT_PARTNER2], "0"))
        return 0;
    size_t len;
    const char *flow = csvr_field(r, (size_t)col[CT_FLOW], &len);
    int fl;
    if (c->legacy_flow)
        fl = !strcmp(flow, "2") ? 0 : !strcmp(flow, "1") ? 1 : !strcmp(flow, "3") ? 2
             : !strcmp(flow, "4")                         ? 3
                                                          : -1;
    else
        fl = !strcmp(flow, "X") ? 0 : !strcmp(flow, "M") ? 1 : !strcmp(flow, "RX") ? 2
             : !strcmp(flow, "RM")                        ? 3
                                                          : -1;
    if (fl < 0)
        return 0; /* other flows (DX, FM, ...) are parts of X and M */
    const char *cmd = csvr_field(r, (size_t)col[CT_CMD], &len);
    uint64_t prod = 0;
    int is_total = !strcmp(cmd, "TOTAL");
    if (!is_total && imp_product((int)(len + (len & 1)), cmd, len, &prod))
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)col[CT_CMD] + 1,
                               "cmdCode: expected TOTAL or an HS code of 2, 4 or 6 digits, got \"%s\"",
                               csvr_shown(cmd, len, sh));
    size_t plen = is_total ? 0 : len + (len & 1); /* a lost leading zero restored */
    if (plen != (size_t)im->opt.level) {
        if (!c->other_level++) {
            c->other_len = plen;
            c->other_line = r->rec_line;
        }
        return 0; /* another level: rows of several levels would count trade twice */
    }
    if (im->opt.level != TRADE_IMPORT_TOTAL)
        imp_product(im->opt.level, cmd, len, &prod);
    int year, month, rc;
    if ((rc = ct_period(c, r, &year, &month)))
        return rc;
    int rep, par;
    if ((rc = ct_country(c, r, col[CT_REP_ISO], col[CT_REP_CODE], &rep)) ||
        (rc = ct_country(c, r, col[CT_PAR_ISO], col[CT_PAR_CODE], &par)))
        return rc;
    const char *v = csvr_field(r, (size_t)col[CT_VALUE], &len);
    fastnum_i128 val, qty = 0;
    uint64_t qrows = 0;
    if (fastnum_scaled128(v, len, IMP_DECIMALS, &val, NULL) || val < 0)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)col[CT_VALUE] + 1,
                               "value: expected a plain number of 0 or more (USD), got \"%s\"",
                               csvr_shown(v, len, sh));
    if (im->opt.with_quantity && col[CT_WGT] >= 0) {
        const char *q = csvr_field(r, (size_t)col[CT_WGT], &len);
        if (len && strcmp(q, "NA") != 0) {
            if (fastnum_scaled128(q, len, IMP_DECIMALS - 3, &qty, NULL) || qty < 0) /* kg -> t */
                return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                       (unsigned long)col[CT_WGT] + 1,
                                       "netWgt: expected a plain number of 0 or more (kg), got \"%s\"",
                                       csvr_shown(q, len, sh));
            qrows = 1;
        }
    }
    rc = imp_add(im, IMP_KEY(year, month, rep, par, fl), prod, val, qty, 1, qrows, im->cur_src);
    if (rc)
        return trade_error_set(r->err, rc, r->label, r->rec_line, 0,
                               rc == TRADE_ELIMIT ? "sum beyond 128-bit range" : "out of memory");
    c->taken++;
    return 0;
}

/* At the end of a member: rows of the wrong level only is a mistake of
 * options, not an empty result. */
static int comtrade_end(comtrade_ctx *c, csvr *r)
{
    if (!c->header_done)
        return 0;
    if (c->im->opt.split_hash) {
        char h[IMP_SPLIT_LEN];
        imp_split_hash(h, c->hsum, c->hn);
        if (imp_split_add(c->im, h) == TRADE_ENOMEM)
            return trade_error_set(r->err, TRADE_ENOMEM, c->label, 0, 0, "out of memory");
    }
    if (c->taken || !c->other_level)
        return 0;
    char want[8];
    snprintf(want, sizeof want, c->other_len ? "hs%zu" : "total", c->other_len);
    return trade_error_set(r->err, TRADE_EDATA, c->label, c->other_line,
                           (unsigned long)c->col[CT_CMD] + 1,
                           "no row at this --level: the file has rows of %s (try --level %s)",
                           c->other_len ? want : "cmdCode TOTAL", want);
}

static int comtrade_member(void *vctx, csvr *r, const char *name)
{
    comtrade_ctx *c = vctx;
    (void)name;
    int rc = comtrade_end(c, r);
    if (rc)
        return rc;
    trade_import *im = c->im;
    memset(c, 0, sizeof *c);
    c->im = im;
    snprintf(c->label, sizeof c->label, "%s", r->label);
    if (!(im->cur_src = imp_src_intern(im, im->opt.source ? im->opt.source : r->source)))
        return trade_error_set(r->err, TRADE_ENOMEM, r->label, 0, 0, "out of memory");
    return 0;
}

int trade_import_comtrade(trade_import *im, const char *path, trade_error *err)
{
    comtrade_ctx c;
    memset(&c, 0, sizeof c);
    c.im = im;
    csvr r;
    memset(&r, 0, sizeof r);
    r.row = comtrade_row;
    r.ctx = &c;
    r.allow_tab = 1;
    int rc = csvr_run(path, &r, comtrade_member, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, strcmp(path, "-") ? path : "stdin", 1, 1,
                             "empty file");
    if (!rc)
        rc = comtrade_end(&c, &r);
    return rc;
}

/* ---- partial files ---- */

static const char *const partial_cols[] = {"period",        "reporter",  "partner",    "flow",
                                           "product",       "value_usd", "quantity_t", "rows",
                                           "quantity_rows", "source",    NULL};
#define PARTIAL_NCOLS 10
#define PARTIAL_FORMAT 2

const char *const *trade_import_partial_columns(void)
{
    return partial_cols;
}

static const char *level_name(int level)
{
    return level == TRADE_IMPORT_HS2 ? "hs2"
           : level == TRADE_IMPORT_HS4 ? "hs4"
           : level == TRADE_IMPORT_HS6 ? "hs6"
                                       : "total";
}

int imp_split_add(trade_import *im, const char *hash)
{
    for (size_t i = 0; i < im->nsplits; i++)
        if (!strcmp(im->splits[i], hash))
            return TRADE_EDATA;
    if (ARRAY_GROW(im->splits, im->nsplits + 1, im->capsplits))
        return TRADE_ENOMEM;
    snprintf(im->splits[im->nsplits++], IMP_SPLIT_LEN, "%s", hash);
    return 0;
}

char *trade_import_partial_meta(const trade_import *im)
{
    size_t n = 80 + im->nsplits * IMP_SPLIT_LEN;
    char *s = malloc(n);
    if (!s)
        return NULL;
    /* a merge writes the options of the partials it read */
    int merged = im->partial_opts[0] != '\0';
    int k = snprintf(s, n, "partial format=%d level=%s quantity=%d splits=", PARTIAL_FORMAT,
                     merged ? im->partial_level : level_name(im->opt.level),
                     merged ? im->partial_qty : im->opt.with_quantity ? 1 : 0);
    for (size_t i = 0; i < im->nsplits; i++)
        k += snprintf(s + k, n - (size_t)k, "%s%s", i ? " " : "", im->splits[i]);
    return s;
}

typedef struct partial_ctx {
    trade_import *im;
    int col[PARTIAL_NCOLS + 1];
    size_t ncols;
    int header_done;
    char label[TRADE_ERROR_FILE_MAX];
} partial_ctx;

/* The options of a partial header's last column against the first partial
 * read and the importer's own; its splits must all be new. */
static int partial_meta(partial_ctx *c, csvr *r, const char *meta)
{
    trade_import *im = c->im;
    char sh[64];
    int format = 0, quantity = -1;
    char level[8] = "";
    const char *sp = strstr(meta, " splits=");
    if (strncmp(meta, "partial ", 8) != 0 || !sp ||
        sscanf(meta, "partial format=%d level=%7s quantity=%d", &format, level, &quantity) != 3)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, (unsigned long)c->ncols,
                               "not a partial file of trade import: no options column (write "
                               "partials again with this version)");
    if (format != PARTIAL_FORMAT)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, (unsigned long)c->ncols,
                               "partial of format %d; this version reads format %d", format,
                               PARTIAL_FORMAT);
    char opts[128];
    snprintf(opts, sizeof opts, "--level %s%s", level, quantity ? " --with-quantity" : "");
    if (!im->partial_opts[0]) {
        snprintf(im->partial_opts, sizeof im->partial_opts, "%s", opts);
        snprintf(im->partial_opts_file, sizeof im->partial_opts_file, "%s", r->label);
        snprintf(im->partial_level, sizeof im->partial_level, "%s", level);
        im->partial_qty = quantity != 0;
    } else if (strcmp(opts, im->partial_opts) != 0) {
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, (unsigned long)c->ncols,
                               "partial made with %s, but %s was made with %s: partials of "
                               "different options cannot be merged",
                               opts, im->partial_opts_file, im->partial_opts);
    }
    if (im->opt.with_quantity && !quantity)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, (unsigned long)c->ncols,
                               "--with-quantity, but this partial was made without quantities");
    for (const char *s = sp + 8; *s;) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char h[IMP_SPLIT_LEN];
        if (n && n < sizeof h) {
            memcpy(h, s, n);
            h[n] = '\0';
            int rc = imp_split_add(im, h);
            if (rc == TRADE_EDATA)
                return trade_error_set(r->err, rc, r->label, r->rec_line, (unsigned long)c->ncols,
                                       "input split %s was merged already: the same partial "
                                       "(or the same part of the input) given twice",
                                       csvr_shown(h, n, sh));
            if (rc)
                return trade_error_set(r->err, rc, r->label, r->rec_line, 0, "out of memory");
        }
        if (!e)
            break;
        s = e + 1;
    }
    return 0;
}

/* Column k of a partial row: the sums exactly (at most 9 decimals), the
 * counts as non-negative integers. */
static int partial_num(partial_ctx *c, csvr *r, int k, fastnum_i128 *out)
{
    size_t len;
    const char *s = csvr_field(r, (size_t)c->col[k], &len);
    int inexact = 0, count = k >= 7;
    char sh[64];
    if (fastnum_scaled128(s, len, count ? 0 : IMP_DECIMALS, out, &inexact) || inexact ||
        (count && (*out < 0 || *out > (fastnum_i128)UINT64_MAX)))
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->col[k] + 1, "%s: expected %s, got \"%s\"",
                               partial_cols[k],
                               count ? "a count" : "a number with at most 9 decimals",
                               csvr_shown(s, len, sh));
    return 0;
}

static int partial_row(void *vctx, csvr *r)
{
    partial_ctx *c = vctx;
    char sh[64];
    /* A record that is the header is read wherever it is: the parts of a
     * map step may arrive concatenated, or sorted by a streaming engine. */
    int is_header = r->nf == PARTIAL_NCOLS + 1;
    for (size_t i = 0; is_header && i < PARTIAL_NCOLS; i++)
        is_header = strcmp(csvr_field(r, i, NULL), partial_cols[i]) == 0;
    if (is_header) {
        c->header_done = 1;
        c->ncols = r->nf;
        for (int i = 0; i < PARTIAL_NCOLS; i++)
            c->col[i] = i;
        return partial_meta(c, r, csvr_field(r, PARTIAL_NCOLS, NULL));
    }
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    if (!c->header_done) {
        if (csvr_find(r, "period") >= 0 || r->nf != PARTIAL_NCOLS + 1)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line, 1,
                                   "not a partial file of trade import (expected the header %s,"
                                   "...,source and an options column)",
                                   partial_cols[0]);
        /* rows before the header (a sorted stream): the standard order,
         * checked when the header comes */
        for (int i = 0; i < PARTIAL_NCOLS; i++)
            c->col[i] = i;
        c->ncols = PARTIAL_NCOLS + 1;
    }
    if (r->nf != c->ncols)
        return trade_error_set(r->err, TRADE_ECSV, r->label, r->rec_line, 1,
                               "expected %zu fields as in the header, found %zu", c->ncols, r->nf);
    trade_import *im = c->im;
    size_t len;
    const char *per = csvr_field(r, (size_t)c->col[0], &len);
    /* YYYY or YYYY-MM */
    int year = 0, month = 0;
    int ok = (len == 4 || (len == 7 && per[4] == '-')) && field_digits(per, 4, 4, 4, &year) &&
             (len == 4 || field_digits(per + 5, 2, 2, 2, &month));
    if (!ok || year < 1 || month > 12 || (len == 7 && month < 1))
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->col[0] + 1, "bad period \"%s\"",
                               csvr_shown(per, len, sh));
    int ids[2];
    for (int k = 0; k < 2; k++) {
        const char *code = csvr_field(r, (size_t)c->col[1 + k], &len);
        if (!trade_country_valid(code) || (ids[k] = imp_code_intern(im, code, len)) < 0)
            return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                                   (unsigned long)c->col[1 + k] + 1, "unknown country code \"%s\"",
                                   csvr_shown(code, len, sh));
    }
    const char *flow = csvr_field(r, (size_t)c->col[3], &len);
    int fl = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(flow, flow_names[i]) == 0)
            fl = i;
    if (fl < 0)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->col[3] + 1, "bad flow \"%s\"",
                               csvr_shown(flow, len, sh));
    const char *prod = csvr_field(r, (size_t)c->col[4], &len);
    uint64_t p = 0;
    if (len > 7)
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->col[4] + 1, "product code longer than 7 bytes");
    memcpy(&p, prod, len);
    fastnum_i128 v[4];
    for (int k = 0; k < 4; k++) {
        int rc = partial_num(c, r, 5 + k, &v[k]);
        if (rc)
            return rc;
    }
    /* a group sums at least one row, and has a quantity on at most all of
     * them (found by fuzz_import: 3 quantity rows of 1 were summed as is) */
    if (v[2] < 1 || v[3] > v[2])
        return trade_error_set(r->err, TRADE_EDATA, r->label, r->rec_line,
                               (unsigned long)c->col[v[2] < 1 ? 7 : 8] + 1,
                               v[2] < 1 ? "rows: a group sums at least one row, got 0"
                                        : "quantity_rows: more than rows");
    const char *src = csvr_field(r, (size_t)c->col[9], &len);
    uint32_t sid = len ? src_from_label(im, src) : 0;
    if (len && !sid)
        return trade_error_set(r->err, TRADE_ENOMEM, r->label, r->rec_line, 0, "out of memory");
    int rc = imp_add(im, IMP_KEY(year, month, ids[0], ids[1], fl), p, v[0], v[1], (uint64_t)v[2],
                     (uint64_t)v[3], sid);
    if (rc)
        return trade_error_set(r->err, rc, r->label, r->rec_line, 0,
                               rc == TRADE_ELIMIT ? "sum beyond 128-bit range" : "out of memory");
    return 0;
}

static int partial_member(void *vctx, csvr *r, const char *name)
{
    partial_ctx *c = vctx;
    (void)name;
    trade_import *im = c->im;
    memset(c, 0, sizeof *c);
    c->im = im;
    snprintf(c->label, sizeof c->label, "%s", r->label);
    return 0;
}

int trade_import_partial(trade_import *im, const char *path, trade_error *err)
{
    partial_ctx c;
    memset(&c, 0, sizeof c);
    c.im = im;
    csvr r;
    memset(&r, 0, sizeof r);
    r.row = partial_row;
    r.ctx = &c;
    int rc = csvr_run(path, &r, partial_member, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, strcmp(path, "-") ? path : "stdin", 1, 1,
                             "%s", c.ncols ? "no header line with the options of the partial"
                                           : "empty file");
    return rc;
}
