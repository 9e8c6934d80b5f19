/* import.c - the import module's common parts: the group hash table, the
 * country code dictionary (ISO numeric codes, BACI/Comtrade deviations,
 * --countries tables, placeholders), sorting and returning the groups, and
 * the single-threaded libcsv readers for Comtrade files, partial files and
 * country tables. The BACI fast path is in import_baci.c. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fastnum_internal.h"
#include "import_internal.h"
#include "trade/codes.h"

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

int imp_map_add(imp_map *m, uint64_t a, uint64_t prod, fastnum_i128 value, fastnum_i128 quantity,
                uint64_t rows, uint64_t quantity_rows)
{
    imp_group *g = imp_map_slot(m, a, prod);
    if (!g)
        return TRADE_ENOMEM;
    if (__builtin_add_overflow(g->value, value, &g->value) ||
        __builtin_add_overflow(g->quantity, quantity, &g->quantity))
        return TRADE_ELIMIT;
    g->rows += rows;
    g->quantity_rows += quantity_rows;
    return 0;
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
 * with Liechtenstein, ...) or none. The ones with no alpha-3 code today get
 * the placeholder X + number: 490 "Other Asia, nes" (Taiwan in practice, a
 * large exporter), 530 Netherlands Antilles, 711 Southern African Customs
 * Union, 891 Serbia and Montenegro. */
static const struct {
    int num;
    const char *alpha3;
} deviations[] = {{58, "BLX"},  {251, "FRA"},  {381, "ITA"},  {490, "X490"}, {530, "X530"},
                  {579, "NOR"}, {699, "IND"},  {711, "X711"}, {736, "SDN"},  {757, "CHE"},
                  {842, "USA"}, {891, "X891"}, {0, NULL}};

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
        int rc =
            imp_map_add(&im->map, g->a, g->prod, g->value, g->quantity, g->rows, g->quantity_rows);
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

size_t trade_import_count(const trade_import *im)
{
    return im->nsorted;
}

int trade_import_get(const trade_import *im, size_t i, trade_import_group *g)
{
    if (i >= im->nsorted)
        return TRADE_EARG;
    const imp_group *s = &im->sorted[i];
    g->year = (int)(s->a >> 40);
    g->month = (int)((s->a >> 32) & 0xFF);
    g->reporter = im->codes[(s->a >> 20) & 0xFFF];
    g->partner = im->codes[(s->a >> 8) & 0xFFF];
    g->flow = flow_names[(s->a & 0xFF) < 4 ? (s->a & 0xFF) : 0];
    /* product: the 8 packed bytes live in the sorted array itself */
    g->product = (const char *)&s->prod;
    fastnum_format128(s->value, IMP_DECIMALS, g->value, sizeof g->value);
    if (s->quantity_rows) /* else 0: skip the formatting */
        fastnum_format128(s->quantity, IMP_DECIMALS, g->quantity, sizeof g->quantity);
    else
        memcpy(g->quantity, "0", 2);
    g->rows = s->rows;
    g->quantity_rows = s->quantity_rows;
    return 0;
}

/* ---- a small streaming libcsv reader with physical line numbers ---- */

#define CSVR_MAXF 128

typedef struct csvr {
    char *arena;
    size_t alen, acap;
    size_t off[CSVR_MAXF], len[CSVR_MAXF];
    size_t nf, nf_total;
    unsigned long line, rec_line;
    int rec_started, failed;
    int (*row)(void *ctx, struct csvr *r);
    void *ctx;
    int status;
} csvr;

static void csvr_cb1(void *s, size_t n, void *data)
{
    csvr *r = data;
    if (r->status)
        return;
    if (!r->rec_started) {
        r->rec_started = 1;
        r->rec_line = r->line;
    }
    if (r->nf_total++ >= CSVR_MAXF)
        return;
    if (r->alen + n + 1 > r->acap) {
        size_t cap = (r->alen + n + 1) * 2;
        char *a = realloc(r->arena, cap);
        if (!a) {
            r->status = TRADE_ENOMEM;
            return;
        }
        r->arena = a;
        r->acap = cap;
    }
    if (n)
        memcpy(r->arena + r->alen, s, n);
    r->off[r->nf] = r->alen;
    r->len[r->nf] = n;
    r->arena[r->alen + n] = '\0';
    r->alen += n + 1;
    r->nf++;
}

static void csvr_cb2(int c, void *data)
{
    csvr *r = data;
    (void)c;
    if (!r->status) {
        if (!r->rec_started)
            r->rec_line = r->line;
        r->status = r->row(r->ctx, r);
    }
    r->nf = r->nf_total = 0;
    r->alen = 0;
    r->rec_started = 0;
}

static const char *csvr_field(const csvr *r, size_t i, size_t *len)
{
    if (i >= r->nf) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = r->len[i];
    return r->arena + r->off[i];
}

/* Read path with libcsv, calling row for every record (header included).
 * row returns 0 or a status (having filled err through its context). */
static int csvr_run(const char *path, int (*row)(void *, csvr *), void *ctx, trade_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (is_stdin)
        path = "stdin";
    if (!f)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) {
        fclose(f);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    csv_set_blk_size(&p, 1 << 16); /* see import_baci.c */
    csvr r = {0};
    r.row = row;
    r.ctx = ctx;
    r.line = 1;
    char buf[65536];
    size_t n, total = 0;
    int bom_checked = 0;
    while (!r.status && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        const char *b = buf;
        size_t len = n;
        if (!bom_checked) {
            bom_checked = 1;
            if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
                b += 3, len -= 3;
        }
        total += n;
        /* feed line by line so that r.line is the physical line */
        while (len && !r.status) {
            const char *nl = memchr(b, '\n', len);
            size_t k = nl ? (size_t)(nl - b) + 1 : len;
            if (csv_parse(&p, b, k, csvr_cb1, csvr_cb2, &r) != k) {
                r.status = trade_error_set(err, TRADE_ECSV, path, r.line, 0, "malformed CSV: %s",
                                           csv_strerror(csv_error(&p)));
                break;
            }
            if (nl)
                r.line++;
            b += k;
            len -= k;
        }
    }
    if (!r.status && ferror(f))
        r.status = trade_error_set(err, TRADE_EIO, path, 0, 0, "read error");
    if (!r.status && csv_fini(&p, csvr_cb1, csvr_cb2, &r) != 0)
        r.status = trade_error_set(err, TRADE_ECSV, path, r.line, 0, "malformed CSV: %s",
                                   csv_strerror(csv_error(&p)));
    csv_free(&p);
    if (!is_stdin)
        fclose(f);
    free(r.arena);
    (void)total;
    return r.status;
}

static int find_col(const csvr *r, const char *name)
{
    for (size_t i = 0; i < r->nf; i++)
        if (strcasecmp(csvr_field(r, i, NULL), name) == 0)
            return (int)i;
    return -1;
}

/* ---- --countries ---- */

typedef struct countries_ctx {
    trade_import *im;
    const char *path;
    trade_error *err;
    int c_code, c_iso3;
    int header_done;
} countries_ctx;

static int countries_row(void *vctx, csvr *r)
{
    countries_ctx *c = vctx;
    if (!c->header_done) {
        c->header_done = 1;
        c->c_code = find_col(r, "country_code");
        c->c_iso3 = find_col(r, "country_iso3");
        if (c->c_iso3 < 0)
            c->c_iso3 = find_col(r, "iso_3digit_alpha");
        if (c->c_code < 0 || c->c_iso3 < 0)
            return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, 1,
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
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, 0,
                               "country_code: expected a number from 0 to 999, got \"%s\"", num);
    const char *iso = csvr_field(r, (size_t)c->c_iso3, &len);
    /* a code we do not know (S19, N/A) is ignored: the built-in mapping,
     * ISO, or unknown, as if the table did not list it */
    if (trade_country_valid(iso) && iso[0] != 'X') {
        int id = imp_code_intern(c->im, iso, len);
        if (id < 0)
            return trade_error_set(c->err, TRADE_ELIMIT, c->path, r->rec_line, 0,
                                   "too many country codes");
        c->im->file_num[n] = id;
    }
    return 0;
}

int trade_import_countries_load(trade_import *im, const char *path, trade_error *err)
{
    countries_ctx c = {im, path, err, -1, -1, 0};
    int rc = csvr_run(path, countries_row, &c, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty country table");
    return rc;
}

/* ---- product codes ---- */

/* Pack the product group of code (len bytes) at level into *prod. Returns
 * 0 or -1 (not a code of at least level digits). BACI codes that lost their
 * leading zero (5 digits) get it back. */
int imp_product(int level, const char *code, size_t len, uint64_t *prod)
{
    char d[8] = {0};
    *prod = 0;
    if (level == TRADE_IMPORT_TOTAL)
        return 0;
    if (len == 5 || len == 3 || len == 1) {
        d[0] = '0';
        if ((size_t)level > len + 1)
            return -1;
        memcpy(d + 1, code, (size_t)level - 1);
    } else {
        if ((size_t)level > len)
            return -1;
        memcpy(d, code, (size_t)level);
    }
    for (int i = 0; i < level; i++)
        if (d[i] < '0' || d[i] > '9')
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
    CT_N
};

typedef struct comtrade_ctx {
    trade_import *im;
    const char *path;
    trade_error *err;
    int col[CT_N];
    int header_done;
    unsigned long line_of_col[1];
} comtrade_ctx;

static int ct_country(comtrade_ctx *c, csvr *r, int iso_col, int code_col, int *id)
{
    size_t len = 0;
    const char *iso = iso_col >= 0 ? csvr_field(r, (size_t)iso_col, &len) : "";
    const char *num = code_col >= 0 ? csvr_field(r, (size_t)code_col, NULL) : "";
    if (len == 3 && strcmp(iso, "W00") == 0)
        iso = "WLD";
    else if (!len && strcmp(num, "0") == 0)
        iso = "WLD", len = 3;
    if (len && trade_country_valid(iso) && iso[0] != 'X') {
        *id = imp_code_intern(c->im, iso, strlen(iso));
        return *id < 0 ? TRADE_ELIMIT : 0;
    }
    int64_t n = -1;
    int inexact = 0;
    if (*num && (fastnum_scaled(num, strlen(num), 0, &n, &inexact) || inexact))
        n = -1;
    if (n >= 0 && n <= 999 && !len) {
        *id = imp_code_numeric(c->im, (int)n);
        if (*id >= 0)
            return 0;
    } else if (n >= 0 && n <= 999 && c->im->opt.keep_unknown) {
        char ph[8];
        snprintf(ph, sizeof ph, "X%03d", (int)n);
        *id = imp_code_intern(c->im, ph, 4);
        return *id < 0 ? TRADE_ELIMIT : 0;
    }
    int col = iso_col >= 0 ? iso_col : code_col;
    return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, (unsigned long)col + 1,
                           "unknown country code \"%s\"%s", len ? iso : num,
                           c->im->opt.keep_unknown
                               ? " (and no numeric code column for a placeholder)"
                               : " (--keep-unknown keeps it as X + its "
                                 "numeric code)");
}

static int comtrade_row(void *vctx, csvr *r)
{
    comtrade_ctx *c = vctx;
    int *col = c->col;
    if (!c->header_done) {
        static const char *const names[CT_N] = {
            "period",      "refYear",     "reporterISO", "partnerISO",   "reporterCode",
            "partnerCode", "flowCode",    "cmdCode",     "primaryValue", "netWgt",
            "motCode",     "customsCode", "partner2Code"};
        c->header_done = 1;
        for (int i = 0; i < CT_N; i++)
            col[i] = find_col(r, names[i]);
        if (col[CT_VALUE] < 0)
            col[CT_VALUE] = find_col(r, "Trade Value (US$)");
        if (col[CT_WGT] < 0)
            col[CT_WGT] = find_col(r, "Netweight (kg)");
        const char *missing = NULL;
        if (col[CT_PERIOD] < 0 && col[CT_REFYEAR] < 0)
            missing = "refYear or period";
        else if (col[CT_REP_ISO] < 0 && col[CT_REP_CODE] < 0)
            missing = "reporterISO or reporterCode";
        else if (col[CT_PAR_ISO] < 0 && col[CT_PAR_CODE] < 0)
            missing = "partnerISO or partnerCode";
        else if (col[CT_FLOW] < 0)
            missing = "flowCode";
        else if (col[CT_CMD] < 0)
            missing = "cmdCode";
        else if (col[CT_VALUE] < 0)
            missing = "primaryValue";
        if (missing)
            return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, 1,
                                   "not a UN Comtrade file: no column %s", missing);
        return 0;
    }
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    trade_import *im = c->im;
    /* breakdowns that would count the same trade twice */
    if (col[CT_MOT] >= 0 && strcmp(csvr_field(r, (size_t)col[CT_MOT], NULL), "0") != 0)
        return 0;
    if (col[CT_CUSTOMS] >= 0 && strcmp(csvr_field(r, (size_t)col[CT_CUSTOMS], NULL), "C00") != 0)
        return 0;
    if (col[CT_PARTNER2] >= 0 && strcmp(csvr_field(r, (size_t)col[CT_PARTNER2], NULL), "0") != 0)
        return 0;
    size_t len;
    const char *flow = csvr_field(r, (size_t)col[CT_FLOW], &len);
    int fl;
    if (strcmp(flow, "X") == 0)
        fl = 0;
    else if (strcmp(flow, "M") == 0)
        fl = 1;
    else if (strcmp(flow, "RX") == 0)
        fl = 2;
    else if (strcmp(flow, "RM") == 0)
        fl = 3;
    else
        return 0; /* other flows (DX, FM, ...) are parts of X and M */
    const char *cmd = csvr_field(r, (size_t)col[CT_CMD], &len);
    uint64_t prod = 0;
    if (im->opt.level == TRADE_IMPORT_TOTAL) {
        if (strcmp(cmd, "TOTAL") != 0)
            return 0;
    } else {
        if (len != (size_t)im->opt.level)
            return 0;
        if (imp_product(im->opt.level, cmd, len, &prod))
            return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                                   (unsigned long)col[CT_CMD] + 1, "bad product code \"%s\"", cmd);
    }
    int pc = col[CT_REFYEAR] >= 0 ? col[CT_REFYEAR] : col[CT_PERIOD];
    const char *per = csvr_field(r, (size_t)pc, &len);
    int year = 0, month = 0;
    if (col[CT_REFYEAR] < 0 && len == 6)
        month = (per[4] - '0') * 10 + (per[5] - '0');
    for (size_t i = 0; i < len; i++)
        if (per[i] < '0' || per[i] > '9')
            year = -1;
    if (year == 0 && len >= 4)
        year = (per[0] - '0') * 1000 + (per[1] - '0') * 100 + (per[2] - '0') * 10 + (per[3] - '0');
    if (!(len == 4 || len == 6) || year < 1 || month < 0 || month > 12 || (len == 6 && month == 0))
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, (unsigned long)pc + 1,
                               "bad period \"%s\" (expected YYYY or YYYYMM)", per);
    if (col[CT_REFYEAR] >= 0 && col[CT_PERIOD] >= 0) {
        const char *p2 = csvr_field(r, (size_t)col[CT_PERIOD], &len);
        if (len == 6 && p2[4] >= '0' && p2[4] <= '1' && p2[5] >= '0' && p2[5] <= '9')
            month = (p2[4] - '0') * 10 + (p2[5] - '0');
        if (month > 12)
            month = 0;
    }
    int rep, par, rc;
    if ((rc = ct_country(c, r, col[CT_REP_ISO], col[CT_REP_CODE], &rep)) ||
        (rc = ct_country(c, r, col[CT_PAR_ISO], col[CT_PAR_CODE], &par)))
        return rc;
    const char *v = csvr_field(r, (size_t)col[CT_VALUE], &len);
    fastnum_i128 val, qty = 0;
    uint64_t qrows = 0;
    if (fastnum_scaled128(v, len, IMP_DECIMALS, &val, NULL))
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                               (unsigned long)col[CT_VALUE] + 1,
                               "value: expected a plain number, got \"%s\"", v);
    if (im->opt.with_quantity && col[CT_WGT] >= 0) {
        const char *q = csvr_field(r, (size_t)col[CT_WGT], &len);
        if (len && strcmp(q, "NA") != 0) {
            if (fastnum_scaled128(q, len, IMP_DECIMALS - 3, &qty, NULL)) /* kg -> t */
                return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                                       (unsigned long)col[CT_WGT] + 1,
                                       "netWgt: expected a plain number, got \"%s\"", q);
            qrows = 1;
        }
    }
    rc = imp_map_add(&im->map, IMP_KEY(year, month, rep, par, fl), prod, val, qty, 1, qrows);
    if (rc)
        return trade_error_set(c->err, rc, c->path, r->rec_line, 0,
                               rc == TRADE_ELIMIT ? "sum beyond 128-bit range" : "out of memory");
    return 0;
}

int trade_import_comtrade(trade_import *im, const char *path, trade_error *err)
{
    comtrade_ctx c;
    memset(&c, 0, sizeof c);
    c.im = im;
    c.path = path;
    c.err = err;
    int rc = csvr_run(path, comtrade_row, &c, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty file");
    return rc;
}

/* ---- partial files ---- */

static const char *const partial_cols[] = {"period",        "reporter",  "partner",    "flow",
                                           "product",       "value_usd", "quantity_t", "rows",
                                           "quantity_rows", NULL};

const char *const *trade_import_partial_columns(void)
{
    return partial_cols;
}

typedef struct partial_ctx {
    trade_import *im;
    const char *path;
    trade_error *err;
    int col[9];
    int header_done;
} partial_ctx;

/* Column k of a partial row: the sums exactly (at most 9 decimals), the
 * counts as non-negative integers. */
static int partial_num(partial_ctx *c, csvr *r, int k, fastnum_i128 *out)
{
    size_t len;
    const char *s = csvr_field(r, (size_t)c->col[k], &len);
    int inexact = 0, count = k >= 7;
    if (fastnum_scaled128(s, len, count ? 0 : IMP_DECIMALS, out, &inexact) || inexact ||
        (count && (*out < 0 || *out > (fastnum_i128)UINT64_MAX)))
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                               (unsigned long)c->col[k] + 1, "%s: expected %s, got \"%s\"",
                               partial_cols[k],
                               count ? "a count" : "a number with at most 9 decimals", s);
    return 0;
}

static int partial_row(void *vctx, csvr *r)
{
    partial_ctx *c = vctx;
    /* A record that is the header is skipped wherever it is: the parts of
     * a map step may arrive concatenated, or sorted by a streaming engine. */
    int is_header = r->nf == 9;
    for (size_t i = 0; is_header && i < 9; i++)
        is_header = strcmp(csvr_field(r, i, NULL), partial_cols[i]) == 0;
    if (!c->header_done) {
        c->header_done = 1;
        if (!is_header && find_col(r, "period") < 0 && r->nf == 9) {
            for (int i = 0; i < 9; i++) /* no header: the standard order */
                c->col[i] = i;
        } else {
            for (int i = 0; i < 9; i++)
                if ((c->col[i] = find_col(r, partial_cols[i])) < 0)
                    return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line, 1,
                                           "not a partial file of trade import: no column %s",
                                           partial_cols[i]);
            return 0;
        }
    }
    if (is_header)
        return 0;
    if (r->nf == 1 && r->len[0] == 0)
        return 0;
    trade_import *im = c->im;
    size_t len;
    const char *per = csvr_field(r, (size_t)c->col[0], &len);
    int year = 0, month = 0, ok = len == 4 || (len == 7 && per[4] == '-');
    for (size_t i = 0; ok && i < len; i++)
        if (i != 4 && (per[i] < '0' || per[i] > '9'))
            ok = 0;
    if (ok) {
        year = atoi(per);
        if (len == 7)
            month = atoi(per + 5);
    }
    if (!ok || year < 1 || month > 12 || (len == 7 && month < 1))
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                               (unsigned long)c->col[0] + 1, "bad period \"%s\"", per);
    int ids[2];
    for (int k = 0; k < 2; k++) {
        const char *code = csvr_field(r, (size_t)c->col[1 + k], &len);
        if (!trade_country_valid(code) || (ids[k] = imp_code_intern(im, code, len)) < 0)
            return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                                   (unsigned long)c->col[1 + k] + 1, "unknown country code \"%s\"",
                                   code);
    }
    const char *flow = csvr_field(r, (size_t)c->col[3], NULL);
    int fl = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(flow, flow_names[i]) == 0)
            fl = i;
    if (fl < 0)
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                               (unsigned long)c->col[3] + 1, "bad flow \"%s\"", flow);
    const char *prod = csvr_field(r, (size_t)c->col[4], &len);
    uint64_t p = 0;
    if (len > 7)
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
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
        return trade_error_set(c->err, TRADE_EDATA, c->path, r->rec_line,
                               (unsigned long)c->col[v[2] < 1 ? 7 : 8] + 1,
                               v[2] < 1 ? "rows: a group sums at least one row, got 0"
                                        : "quantity_rows: more than rows");
    int rc = imp_map_add(&im->map, IMP_KEY(year, month, ids[0], ids[1], fl), p, v[0], v[1],
                         (uint64_t)v[2], (uint64_t)v[3]);
    if (rc)
        return trade_error_set(c->err, rc, c->path, r->rec_line, 0,
                               rc == TRADE_ELIMIT ? "sum beyond 128-bit range" : "out of memory");
    return 0;
}

int trade_import_partial(trade_import *im, const char *path, trade_error *err)
{
    partial_ctx c;
    memset(&c, 0, sizeof c);
    c.im = im;
    c.path = path;
    c.err = err;
    int rc = csvr_run(path, partial_row, &c, err);
    if (!rc && !c.header_done)
        rc = trade_error_set(err, TRADE_EDATA, path, 1, 1, "empty file");
    return rc;
}
