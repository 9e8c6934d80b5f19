/* table.c - reading observation CSV into a trade_table, with every check of
 * the format, and grouping rows into series.
 *
 * The CSV reader (csv_read_internal.h: strict RFC 4180, no space trimming)
 * gives each field with its position: lines are physical lines (a quoted
 * newline counts), columns are bytes from the start of the line, both
 * 1-based.
 *
 * Compressed input (gzip, zstd, xz, bzip2, a zip of one file) is told by
 * its first bytes and decompressed on the fly (input_internal.h).
 *
 * Cell text lives in an arena of large blocks owned by the table; the rows of
 * a file that fails are dropped again, so a failed read adds nothing. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf_internal.h"
#include "trade/codes.h"
#include "trade/number.h"
#include "trade/table.h"

#include "codes_internal.h"
#include "csv_read_internal.h"
#include "error_internal.h"
#include "input_internal.h"
#include "series_internal.h"
#include "stream_internal.h"
#include "table_internal.h"
#include "utf8_internal.h"
#include "writer_internal.h"

/* ---- arena ---------------------------------------------------------------- */

typedef struct arena_block {
    struct arena_block *next;
    size_t used, size;
    max_align_t data[];
} arena_block;

typedef struct arena {
    arena_block *head;
} arena;

#define ALIGN_UP(x) (((x) + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t))

/* n bytes aligned for any type. */
static void *arena_alloc(arena *a, size_t n)
{
    arena_block *b = a->head;
    size_t at = b ? ALIGN_UP(b->used) : 0;
    if (!b || at > b->size || b->size - at < n) {
        size_t size = n > (size_t)1 << 16 ? n : (size_t)1 << 16;
        b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->size = size;
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    return (char *)b->data + at;
}

/* n bytes with no alignment, for text. */
static void *arena_alloc_bytes(arena *a, size_t n)
{
    arena_block *b = a->head;
    if (b && b->size - b->used >= n) {
        void *p = (char *)b->data + b->used;
        b->used += n;
        return p;
    }
    return arena_alloc(a, n);
}

/* n bytes aligned for uint32_t: a row's cells and their text. */
static void *arena_alloc_u32(arena *a, size_t n)
{
    arena_block *b = a->head;
    if (b) {
        size_t at = (b->used + 3) & ~(size_t)3;
        if (at <= b->size && b->size - at >= n) {
            b->used = at + n;
            return (char *)b->data + at;
        }
    }
    return arena_alloc(a, n);
}

static char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_bytes(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static void arena_free(arena *a)
{
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
}

/* ---- the table ------------------------------------------------------------ */

static const char empty[] = "";

/* A cell: its text at byte off of the row's block (0: the empty string)
 * and the byte column where it started on its line (0: a column the row's
 * file lacked). */
typedef struct cell {
    uint32_t off, column;
} cell;

/* A row is one arena block: ncells cells in table column order; for a row
 * that spans lines (a quoted line break), the line of each cell as an
 * offset from the row's first line; then the text, each cell NUL-terminated
 * (a 6-column row of a bilateral total is about 85 bytes). Small rows keep
 * the big tables (148,000 rows and more) light on memory, which is most of
 * the time spent reading them. */
#define ROW_MULTILINE 0x80000000u
typedef struct row {
    trade_obs obs;
    cell *cells;
    uint32_t ncells;   /* | ROW_MULTILINE */
    uint32_t dup_hash; /* of the duplicate key, computed by the reading thread */
    uint16_t ids[4];   /* codes_*_id of reporter, partner, flow, unit: fast compares */
} row;

/* A row read as an observation (not generic) has its strings set. */
#define HAS_OBS(rw) ((rw)->obs.reporter != NULL)

static size_t row_ncells(const row *rw)
{
    return rw->ncells & ~ROW_MULTILINE;
}

static unsigned long cell_line(const row *rw, size_t col)
{
    if (!rw->cells[col].column)
        return 0;
    if (!(rw->ncells & ROW_MULTILINE))
        return rw->obs.line;
    return rw->obs.line + ((const uint32_t *)(rw->cells + row_ncells(rw)))[col];
}

static const char *row_text(const row *rw, size_t col)
{
    uint32_t off = rw->cells[col].off;
    return off ? (const char *)rw->cells + off : empty;
}

struct trade_table {
    char **cols;
    size_t ncols, capcols;
    row *rows;
    size_t nrows, caprows;
    arena mem;
};

trade_table *trade_table_new(void)
{
    return calloc(1, sizeof(trade_table));
}

void trade_table_free(trade_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->ncols; i++)
        free(t->cols[i]);
    free(t->cols);
    free(t->rows);
    arena_free(&t->mem);
    free(t);
}

size_t trade_table_rows(const trade_table *t)
{
    return t ? t->nrows : 0;
}

size_t trade_table_cols(const trade_table *t)
{
    return t ? t->ncols : 0;
}

const char *trade_table_col_name(const trade_table *t, size_t col)
{
    return t && col < t->ncols ? t->cols[col] : NULL;
}

long trade_table_col_index(const trade_table *t, const char *name)
{
    if (!t || !name)
        return -1;
    for (size_t i = 0; i < t->ncols; i++)
        if (!strcmp(t->cols[i], name))
            return (long)i;
    return -1;
}

const char *trade_table_cell(const trade_table *t, size_t r, size_t col)
{
    if (!t || r >= t->nrows || col >= row_ncells(&t->rows[r]))
        return empty;
    return row_text(&t->rows[r], col);
}

void trade_table_cell_position(const trade_table *t, size_t r, size_t col, const char **file,
                               unsigned long *line, unsigned long *column)
{
    const char *f = "";
    unsigned long l = 0, c = 0;
    if (t && r < t->nrows) {
        f = t->rows[r].obs.file;
        l = t->rows[r].obs.line;
        if (col < row_ncells(&t->rows[r])) {
            l = cell_line(&t->rows[r], col);
            c = t->rows[r].cells[col].column;
        }
    }
    if (file)
        *file = f;
    if (line)
        *line = l;
    if (column)
        *column = c;
}

int Trade_table_cell_verror(trade_error *err, const trade_table *t, size_t r, long col,
                            const char *fmt, va_list ap)
{
    const char *file = NULL;
    unsigned long line = 0, column = 0;
    trade_table_cell_position(t, r, col < 0 ? 0 : (size_t)col, &file, &line, &column);
    char msg[TRADE_ERROR_MESSAGE_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return trade_error_set(err, TRADE_EDATA, file, line, column, "%s", msg);
}

int Trade_table_cell_error(trade_error *err, const trade_table *t, size_t r, long col,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = Trade_table_cell_verror(err, t, r, col, fmt, ap);
    va_end(ap);
    return rc;
}

const uint16_t *Trade_table_obs_ids(const trade_table *t, size_t r)
{
    if (!t || r >= t->nrows || !HAS_OBS(&t->rows[r]))
        return NULL;
    return t->rows[r].ids;
}

const trade_obs *trade_table_obs(const trade_table *t, size_t r)
{
    if (!t || r >= t->nrows || !HAS_OBS(&t->rows[r]))
        return NULL;
    return &t->rows[r].obs;
}

int trade_table_filter(trade_table *t, const unsigned char *keep, trade_error *err)
{
    (void)err;
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (keep[i])
            t->rows[n++] = t->rows[i];
    t->nrows = n;
    return TRADE_OK;
}

/* The index of column name in t, added if new. -1 when out of memory. */
static long table_add_col(trade_table *t, const char *name)
{
    long i = trade_table_col_index(t, name);
    if (i >= 0)
        return i;
    if (ARRAY_GROW(t->cols, t->ncols + 1, t->capcols))
        return -1;
    char *copy = strdup(name);
    if (!copy)
        return -1;
    t->cols[t->ncols] = copy;
    return (long)t->ncols++;
}

/* ---- tables built in memory ---------------------------------------------- */

int trade_table_add_column(trade_table *t, const char *name, trade_error *err)
{
    trade_error_clear(err);
    if (!t || !name || !*name)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "a column needs a name");
    if (trade_table_col_index(t, name) >= 0)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "column '%s' is named twice", name);
    if (t->nrows)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "columns are added before the first row");
    return table_add_col(t, name) < 0 ? trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory")
                                      : TRADE_OK;
}

int trade_table_add_row(trade_table *t, const char *const *cells, trade_error *err)
{
    trade_error_clear(err);
    if (!t || !cells)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no table or no cells");
    size_t size = t->ncols * sizeof(cell);
    for (size_t i = 0; i < t->ncols; i++)
        size += (cells[i] ? strlen(cells[i]) : 0) + 1;
    if (size > UINT32_MAX)
        return trade_error_set(err, TRADE_ELIMIT, NULL, 0, 0, "row longer than %lu bytes",
                               (unsigned long)UINT32_MAX);
    if (ARRAY_GROW(t->rows, t->nrows + 1, t->caprows))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    row *rw = &t->rows[t->nrows];
    memset(rw, 0, sizeof *rw);
    rw->cells = arena_alloc_u32(&t->mem, size ? size : 1);
    if (!rw->cells)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    size_t at = t->ncols * sizeof *rw->cells;
    char *text = (char *)rw->cells;
    for (size_t i = 0; i < t->ncols; i++) {
        size_t len = cells[i] ? strlen(cells[i]) : 0;
        if (len)
            memcpy(text + at, cells[i], len);
        text[at + len] = '\0';
        rw->cells[i].off = len ? (uint32_t)at : 0;
        rw->cells[i].column = 0;
        at += len + 1;
    }
    rw->ncells = (uint32_t)t->ncols;
    rw->obs.file = empty;
    t->nrows++;
    return TRADE_OK;
}

/* ---- the reader ----------------------------------------------------------- */

typedef struct field {
    size_t off, len; /* in reader.buf */
    unsigned long line, column;
    int quoted;
} field;

/* Columns the reader parses into trade_obs. */
enum {
    C_REPORTER,
    C_PARTNER,
    C_FLOW,
    C_PERIOD,
    C_VALUE,
    C_UNIT,
    C_PRECISION,
    C_QUALIFIER,
    C_SOURCE,
    C_LOCATOR,
    C_PRODUCT,
    C_NOTE,
    C_LABEL,
    C_MEASURE,
    C_COUNT
};
static const char *const known_cols[C_COUNT] = {
    "reporter",  "partner", "flow",    "period",  "value", "unit", "precision",
    "qualifier", "source",  "locator", "product", "note",  "label", "measure"};
#define N_REQUIRED 6 /* the first six are required */

/* The code columns come first among the known columns. */
#define C_COUNT_CODES (C_UNIT + 1)
typedef struct code_cache {
    char text[16];
    int id;
} code_cache;

typedef struct reader {
    trade_table *t;
    const trade_read_options *opt;
    trade_error *err;
    const char *name; /* in the table's arena */
    size_t max_field;
    int generic, draft;

    csvrd *csv; /* the CSV reader: positions */

    /* fields of the row being read */
    field *fields;
    size_t nfields, capfields;
    char *buf;
    size_t buflen, bufcap;

    /* header */
    int have_header;
    size_t nfilecols;
    long *map;           /* file column -> table column */
    long known[C_COUNT]; /* known column -> file column, or -1 */
    code_cache codes[C_COUNT_CODES];
    /* the last two periods read and their texts: sorted input repeats
     * the last, a batch of the streaming paths (a series' periods in
     * turn, 2021, 2022, 2021, ...) one of the last two; period_next is
     * the slot the next new one takes */
    char period_text[2][24];
    trade_period period[2];
    int period_next;

    size_t first_row; /* table rows before this file */
    int status;       /* first error code */
    int stop;         /* stop feeding */
    int nomem;
} reader;

/* Report a problem. Returns non-zero when reading must stop. */
static int problem(reader *r, int code, unsigned long line, unsigned long column, const char *fmt,
                   ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int problem(reader *r, int code, unsigned long line, unsigned long column, const char *fmt,
                   ...)
{
    trade_error e;
    e.code = code;
    snprintf(e.file, sizeof e.file, "%s", r->name);
    e.line = line;
    e.column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    /* the library's one rule for untrusted text in a message */
    error_shown(e.message, sizeof e.message, e.message, strlen(e.message));
    error_shown(e.file, sizeof e.file, e.file, strlen(e.file));
    if (!r->status) {
        r->status = code;
        if (r->err)
            *r->err = e;
    }
    int stop = 1;
    if (r->opt && r->opt->on_problem)
        stop = r->opt->on_problem(r->opt->ctx, &e) != 0;
    if (stop || code == TRADE_ENOMEM)
        r->stop = 1;
    return r->stop;
}

static void out_of_memory(reader *r)
{
    unsigned long line, column;
    csvrd_position(r->csv, &line, &column);
    r->nomem = 1;
    problem(r, TRADE_ENOMEM, line, column, "out of memory");
}

/* A cell quoted in a message: at most 40 bytes and "...", control bytes
 * as '?' (error_shown, the one rule for every message). */
static const char *shown(const char *s, char out[64])
{
    size_t n = strlen(s);
    error_shown(out, n > 40 ? 44 : 64, s, n);
    return out;
}

/* Most columns a header may have: names are checked against each other and
 * the table's columns pairwise, so a header of a million short names would
 * otherwise take hours; no observation file comes near this. */
#define TABLE_MAX_COLUMNS 10000

static int on_field(void *ctx, const csvrd_field *cf)
{
    reader *r = ctx;
    const char *data = cf->s;
    size_t len = cf->len;
    if (r->stop)
        return 1;
    if (!r->have_header && r->nfields >= TABLE_MAX_COLUMNS) {
        problem(r, TRADE_ELIMIT, cf->line, cf->column, "too many columns: more than %d",
                TABLE_MAX_COLUMNS);
        return r->stop = 1;
    }
    if (r->have_header && r->nfields >= r->nfilecols) {
        problem(r, TRADE_ECSV, cf->line, cf->column, "too many fields: the header has %zu",
                r->nfilecols);
        return r->stop = 1; /* the rest of the row cannot be placed */
    }
    /* a field is at most max_field bytes: buflen + len + 1 cannot wrap */
    if (ARRAY_GROW(r->fields, r->nfields + 1, r->capfields) ||
        ARRAY_GROW(r->buf, r->buflen + len + 1, r->bufcap)) {
        out_of_memory(r);
        return 1;
    }
    field *f = &r->fields[r->nfields++];
    f->off = r->buflen;
    f->len = len;
    f->line = cf->line;
    f->column = cf->column;
    f->quoted = cf->quoted;
    if (len)
        memcpy(r->buf + r->buflen, data, len);
    r->buf[r->buflen + len] = '\0';
    r->buflen += len + 1;
    return 0;
}

static int header_row(reader *r)
{
    for (size_t i = 0; i < C_COUNT; i++)
        r->known[i] = -1;
    r->nfilecols = r->nfields;
    free(r->map);
    r->map = malloc(r->nfields * sizeof *r->map);
    if (!r->map) {
        out_of_memory(r);
        return -1;
    }
    for (size_t i = 0; i < r->nfields; i++) {
        const char *name = r->buf + r->fields[i].off;
        if (!*name)
            problem(r, TRADE_ECSV, r->fields[i].line, r->fields[i].column, "empty column name");
        else if (utf8_invalid_at(name, r->fields[i].len) < r->fields[i].len)
            problem(r, TRADE_ECSV, r->fields[i].line, r->fields[i].column,
                    "invalid UTF-8 in column name %zu", i + 1);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(name, r->buf + r->fields[j].off))
                problem(r, TRADE_ECSV, r->fields[i].line, r->fields[i].column,
                        "duplicate column name '%s'", name);
        for (size_t k = 0; k < C_COUNT; k++)
            if (!strcmp(name, known_cols[k]))
                r->known[k] = (long)i;
        if (r->stop)
            return -1;
    }
    if (r->generic == TRADE_READ_AUTO) {
        r->generic = TRADE_READ_GENERIC;
        size_t k = 0;
        while (k < N_REQUIRED && r->known[k] >= 0)
            k++;
        if (k == N_REQUIRED)
            r->generic = 0;
    }
    if (!r->generic && r->nfields == 1) {
        /* one column holding the names with ';' or tabs between them: the file
           is separated by something else than commas; say so once */
        const char *h = r->buf + r->fields[0].off;
        size_t semi = 0, tabs = 0;
        for (const char *p = h; *p; p++) {
            semi += *p == ';';
            tabs += *p == '\t';
        }
        if (semi || tabs) {
            problem(r, TRADE_ECSV, r->fields[0].line, 1,
                    "the header is one column with %zu %s: this file is %s-separated, and "
                    "observation files are comma-separated (convert it, e.g. "
                    "tr '%s' ',' < FILE, when no value holds a comma)",
                    semi >= tabs ? semi : tabs, semi >= tabs ? "semicolons" : "tabs",
                    semi >= tabs ? "semicolon" : "tab", semi >= tabs ? ";" : "\\t");
            r->stop = 1;
            return -1;
        }
    }
    if (!r->generic)
        for (size_t k = 0; k < N_REQUIRED; k++)
            if (r->known[k] < 0 && problem(r, TRADE_EDATA, r->fields[0].line, 1,
                                           "missing required column '%s'", known_cols[k]))
                return -1;
    if (r->status) {
        r->stop = 1; /* the header is unusable: the rows cannot be read */
        return -1;
    }
    for (size_t i = 0; i < r->nfields; i++) {
        r->map[i] = table_add_col(r->t, r->buf + r->fields[i].off);
        if (r->map[i] < 0) {
            out_of_memory(r);
            return -1;
        }
    }
    r->have_header = 1;
    return 0;
}

static const char *cell_of(const row *rw, const reader *r, int k)
{
    return r->known[k] >= 0 ? row_text(rw, (size_t)r->map[r->known[k]]) : empty;
}

/* The length of known column k's field in the row being read (0 when
 * the file lacks the column). */
static size_t known_len(const reader *r, int k)
{
    return r->known[k] >= 0 ? r->fields[r->known[k]].len : 0;
}

/* Report a bad cell of known column k. */
#define BAD(k, ...)                                                                                \
    problem(r, TRADE_EDATA, r->fields[r->known[k]].line, r->fields[r->known[k]].column, __VA_ARGS__)

/* Check a code of known column k with its id function; returns the id. */
static int check_code(reader *r, row *rw, int k, int (*id)(const char *), const char *what)
{
    const char *s = cell_of(rw, r, k);
    char tmp[64];
    if (!*s) {
        if (!(r->draft && k <= C_PERIOD))
            BAD(k, "%s: empty %s", known_cols[k], what);
        return 0;
    }
    /* the last valid code of each column and its id: units, flows and
     * reporters mostly repeat from row to row */
    code_cache *cc = &r->codes[k]; /* k is a code column: k < C_COUNT_CODES */
    /* codes are a few bytes: a loop beats a call to strcmp */
    if (cc->id) {
        size_t i = 0;
        while (cc->text[i] && cc->text[i] == s[i])
            i++;
        if (cc->text[i] == s[i])
            return cc->id;
    }
    int v = id(s);
    const char *hint = !v && id == codes_country_id ? trade_country_suggest(s) : NULL;
    if (hint)
        BAD(k, "%s: unknown %s '%s': did you mean %s?", known_cols[k], what, shown(s, tmp), hint);
    else if (!v)
        BAD(k, "%s: unknown %s '%s'", known_cols[k], what, shown(s, tmp));
    else if (strlen(s) < sizeof cc->text) {
        strcpy(cc->text, s);
        cc->id = v;
    }
    return v;
}

static uint64_t hash_dup_key(const row *rw, const size_t *len);

static void parse_obs(reader *r, row *rw)
{
    trade_obs *o = &rw->obs;
    char tmp[64];
    o->reporter = cell_of(rw, r, C_REPORTER);
    o->partner = cell_of(rw, r, C_PARTNER);
    o->flow = cell_of(rw, r, C_FLOW);
    o->unit = cell_of(rw, r, C_UNIT);
    o->qualifier = cell_of(rw, r, C_QUALIFIER);
    o->source = cell_of(rw, r, C_SOURCE);
    o->locator = cell_of(rw, r, C_LOCATOR);
    o->product = cell_of(rw, r, C_PRODUCT);
    o->note = cell_of(rw, r, C_NOTE);
    o->label = cell_of(rw, r, C_LABEL);
    o->measure = cell_of(rw, r, C_MEASURE);

    rw->ids[0] = (uint16_t)check_code(r, rw, C_REPORTER, codes_country_id, "country code");
    rw->ids[1] = (uint16_t)check_code(r, rw, C_PARTNER, codes_country_id, "country code");
    rw->ids[2] = (uint16_t)check_code(r, rw, C_FLOW, codes_flow_id, "flow");
    rw->ids[3] = (uint16_t)check_code(r, rw, C_UNIT, codes_unit_id, "unit");
    if (r->stop)
        return;
    /* a flow runs between two sides: the same country on both is refused,
     * except for freight (throughput: carried in the country itself) and
     * aggregates (trade within a group, XCA with XCA) */
    if (*o->reporter && rw->ids[0] == rw->ids[1] && !strcmp(o->reporter, o->partner) &&
        strcmp(o->flow, "freight") != 0) {
        const trade_country *c = trade_country_find(o->reporter);
        if ((!c || !c->aggregate) &&
            BAD(C_PARTNER, "partner: the same as the reporter ('%s'); only freight and "
                           "aggregates may have both sides alike",
                shown(o->partner, tmp)))
            return;
    }
    if (!trade_qualifier_valid(o->qualifier) &&
        BAD(C_QUALIFIER, "qualifier: unknown qualifier '%s'", shown(o->qualifier, tmp)))
        return;
    if (!trade_measure_valid(o->measure) &&
        BAD(C_MEASURE, "measure: unknown measure '%s'", shown(o->measure, tmp)))
        return;

    const char *p = cell_of(rw, r, C_PERIOD);
    memset(&o->period, 0, sizeof o->period);
    size_t plen = strlen(p);
    int seen = -1;
    if (*p && plen < sizeof r->period_text[0])
        for (int k = 0; k < 2 && seen < 0; k++)
            if (!memcmp(p, r->period_text[k], plen + 1))
                seen = k;
    if (seen >= 0) {
        o->period = r->period[seen];
    } else if (*p || !r->draft) {
        trade_error pe;
        if (!trade_period_parse(p, plen, &o->period, &pe)) {
            if (plen < sizeof r->period_text[0]) {
                memcpy(r->period_text[r->period_next], p, plen + 1);
                r->period[r->period_next] = o->period;
                r->period_next ^= 1;
            }
        } else {
            const field *f = &r->fields[r->known[C_PERIOD]];
            unsigned long col = f->column + (f->quoted ? 1 : 0) + (pe.column ? pe.column - 1 : 0);
            if (problem(r, TRADE_EDATA, f->line, col, "period: %s: '%s'", pe.message,
                        shown(p, tmp)))
                return;
        }
    }

    const char *v = cell_of(rw, r, C_VALUE);
    if (trade_number_parse(v, strlen(v), &o->value) &&
        BAD(C_VALUE, "value: '%s' is not a plain finite decimal number", shown(v, tmp)))
        return;

    o->precision = 0;
    const char *pr = cell_of(rw, r, C_PRECISION);
    if (*pr && (trade_number_parse(pr, strlen(pr), &o->precision) || o->precision <= 0))
        BAD(C_PRECISION, "precision: '%s' is not a positive plain decimal number", shown(pr, tmp));
    size_t len[4] = {known_len(r, C_PRODUCT), known_len(r, C_QUALIFIER), known_len(r, C_MEASURE),
                     known_len(r, C_SOURCE)};
    rw->dup_hash = (uint32_t)hash_dup_key(rw, len);
}

/* The row of r->fields, whose text is at base + off (r->buf, or the
 * buffer itself on the fast lane); ascii: the text is known to be ASCII
 * (valid UTF-8). */
static void data_row(reader *r, const char *base, int ascii)
{
    trade_table *t = r->t;
    if (r->nfields < r->nfilecols) {
        problem(r, TRADE_ECSV, r->fields[0].line, r->fields[0].column, "too few fields: %zu of %zu",
                r->nfields, r->nfilecols);
        return;
    }
    if (ARRAY_GROW(t->rows, t->nrows + 1, t->caprows)) {
        out_of_memory(r);
        return;
    }
    row *rw = &t->rows[t->nrows];
    memset(rw, 0, sizeof *rw);
    size_t size = t->ncols * sizeof *rw->cells;
    unsigned long first_line = r->fields[0].line;
    int multiline = 0;
    /* contiguous: each field starts one byte after the end of the one
       before (both ways of reading lay them out so: the fast lane in the
       line, commas between; the general way in r->buf, NULs between) */
    int contiguous = 1;
    for (size_t i = 0; i < r->nfields; i++) {
        const field *f = &r->fields[i];
        if (!ascii && utf8_invalid_at(base + f->off, f->len) < f->len &&
            problem(r, TRADE_ECSV, f->line, f->column, "invalid UTF-8 in field %zu", i + 1))
            return;
        if (i && f->off != f[-1].off + f[-1].len + 1)
            contiguous = 0;
        size += f->len + 1;
        multiline |= f->line != first_line;
    }
    if (multiline)
        size += t->ncols * sizeof(uint32_t);
    if (size > UINT32_MAX) { /* fields are at most --max-field bytes, columns 10,000 */
        problem(r, TRADE_ELIMIT, r->fields[0].line, r->fields[0].column,
                "row longer than %lu bytes", (unsigned long)UINT32_MAX);
        return;
    }
    rw->ncells = (uint32_t)t->ncols | (multiline ? ROW_MULTILINE : 0);
    rw->cells = arena_alloc_u32(&t->mem, size);
    if (!rw->cells) {
        out_of_memory(r);
        return;
    }
    size_t at = t->ncols * sizeof *rw->cells;
    uint32_t *lines = NULL;
    if (multiline) {
        lines = (uint32_t *)(rw->cells + t->ncols);
        at += t->ncols * sizeof *lines;
    }
    memset(rw->cells, 0, at);
    char *text = (char *)rw->cells;
    if (contiguous && r->nfields) /* the fields' text at once, NUL-ended below */
        memcpy(text + at, base + r->fields[0].off, size - at - 1);
    for (size_t i = 0; i < r->nfields; i++) {
        const field *f = &r->fields[i];
        cell *c = &rw->cells[r->map[i]];
        if (!contiguous)
            memcpy(text + at, base + f->off, f->len);
        text[at + f->len] = '\0';
        c->off = f->len ? (uint32_t)at : 0;
        c->column = f->column > UINT32_MAX ? UINT32_MAX : f->column ? (uint32_t)f->column : 1;
        if (lines)
            lines[r->map[i]] =
                f->line - first_line > UINT32_MAX ? UINT32_MAX : (uint32_t)(f->line - first_line);
        at += f->len + 1;
    }
    rw->obs.file = r->name;
    rw->obs.line = first_line;
    if (!r->generic)
        parse_obs(r, rw);
    t->nrows++;
}

static int on_row(void *ctx)
{
    reader *r = ctx;
    if (r->stop)
        return 1;
    if (!r->have_header)
        header_row(r);
    else
        data_row(r, r->buf, 0);
    r->nfields = 0;
    r->buflen = 0;
    return r->stop;
}

/* Open r's CSV reader on its callbacks; 0 or TRADE_ENOMEM. */
static int open_csv(reader *r)
{
    csvrd_options o = {0};
    o.max_field = r->max_field;
    o.field = on_field;
    o.row = on_row;
    o.ctx = r;
    return csvrd_open(&r->csv, &o);
}

/* Feed len bytes to the CSV reader; its problem (located) stops reading. */
static void feed(reader *r, const char *s, size_t len)
{
    if (csvrd_feed(r->csv, s, len) == CSVRD_ERROR) {
        const trade_error *e = csvrd_error(r->csv);
        problem(r, e->code, e->line, e->column, "%s", e->message);
        r->stop = 1;
    }
}

typedef int (*chunk_fn)(void *src, char *buf, size_t size, size_t *got);

/* Compressed or zipped input (input_internal.h): one member, decompressed
 * as it is read; a decompression failure keeps its own message. */
typedef struct inp_src {
    inp *in;
    trade_error err;
    int failed;
} inp_src;

static int chunk_inp(void *src, char *buf, size_t size, size_t *got)
{
    inp_src *s = src;
    const char *member;
    int more = 0;
    if (inp_read(s->in, buf, size, got, &s->err) ||
        (*got == 0 && (more = inp_next(s->in, &member, &s->err)) != 0)) {
        if (more > 0)
            trade_error_set(&s->err, TRADE_EDATA, s->err.file, 0, 0,
                            "an archive of more than one file: extract the one to read");
        s->failed = 1;
        return EIO;
    }
    return 0;
}

/* ---- reading a large file on two threads ---------------------------------
 *
 * A regular file of a few megabytes or more is cut after the first line end
 * past its middle. Once the calling thread has read the header, a second
 * thread reads the part after the cut into a table of its own, as a
 * continuation of the file (its lines counted from 1), while the calling
 * thread reads up to the cut. If the calling thread then stands exactly at
 * the end of a row at the cut (so the cut was not inside a quoted field) and
 * the second thread found no problem, its rows are appended with their line
 * numbers moved; in every other case they are dropped and the calling
 * thread reads on past the cut alone, so problems are found and reported in
 * file order, exactly as by one thread. */

#define SPLIT_MIN_BYTES ((unsigned long long)4 << 20)
#define CHUNK_BYTES ((size_t)1 << 16)

typedef struct pread_src {
    int fd;
    unsigned long long pos, end;
} pread_src;

static int chunk_pread(void *src, char *buf, size_t size, size_t *got)
{
    pread_src *ps = src;
    *got = 0;
    if (ps->pos >= ps->end)
        return 0;
    size_t want = ps->end - ps->pos < size ? (size_t)(ps->end - ps->pos) : size;
    ssize_t n;
    do
        n = pread(ps->fd, buf, want, (off_t)ps->pos);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return errno ? errno : EIO;
    ps->pos += (unsigned long long)n;
    *got = (size_t)n;
    return 0;
}

typedef struct split_job {
    reader r;
    trade_read_options opt; /* the caller's, without on_problem: stop at once */
    trade_error err;
    trade_table *t;
    pread_src src;
    atomic_int abort;
    int ok;
    pthread_t th;
} split_job;

static void *split_main(void *arg)
{
    split_job *j = arg;
    char *buf = malloc(CHUNK_BYTES);
    if (!buf)
        return NULL;
    int io = 0;
    while (!j->r.stop && !atomic_load(&j->abort)) {
        size_t got = 0;
        io = chunk_pread(&j->src, buf, CHUNK_BYTES, &got);
        if (io || got == 0)
            break;
        feed(&j->r, buf, got);
    }
    if (!io && !j->r.stop && !atomic_load(&j->abort) &&
        csvrd_finish(j->r.csv) == CSVRD_OK && !j->r.status)
        j->ok = 1;
    free(buf);
    return NULL;
}

/* Start reading the part of the file after the cut; 0 when not started. */
static int split_start(split_job *j, const reader *a, int fd, unsigned long long cut,
                       unsigned long long size)
{
    memset(j, 0, sizeof *j);
    atomic_init(&j->abort, 0);
    reader *r = &j->r;
    j->t = trade_table_new();
    if (!j->t)
        return 0;
    for (size_t c = 0; c < a->t->ncols; c++)
        if (table_add_col(j->t, a->t->cols[c]) < 0)
            goto fail;
    if (a->opt)
        j->opt = *a->opt;
    j->opt.on_problem = NULL;
    r->t = j->t;
    r->opt = &j->opt;
    r->err = &j->err;
    r->name = a->name; /* lives in the caller's table */
    r->max_field = a->max_field;
    r->generic = a->generic;
    r->draft = a->draft;
    r->have_header = 1;
    r->nfilecols = a->nfilecols;
    memcpy(r->known, a->known, sizeof r->known);
    r->map = malloc(a->nfilecols * sizeof *r->map);
    if (!r->map)
        goto fail;
    memcpy(r->map, a->map, a->nfilecols * sizeof *r->map);
    if (open_csv(r))
        goto fail;
    j->src = (pread_src){fd, cut, size};
    if (trade_writer_thread_create(&j->th, split_main, j) != 0)
        goto fail;
    return 1;
fail:
    csvrd_close(r->csv);
    free(r->map);
    trade_table_free(j->t);
    return 0;
}

/* Wait for the second thread; append its rows to t when use is set and it
 * read its part without a problem, the first of its lines being line first_line
 * of the file. Returns 1 when the rows were appended. */
static int split_finish(split_job *j, trade_table *t, int use, unsigned long first_line)
{
    if (!use)
        atomic_store(&j->abort, 1);
    pthread_join(j->th, NULL);
    trade_table *b = j->t;
    int done = 0;
    if (use && j->ok) {
        size_t need = t->nrows + b->nrows;
        if (need > t->caprows) {
            row *rows = realloc(t->rows, need * sizeof *rows);
            if (rows) {
                t->rows = rows;
                t->caprows = need;
            }
        }
        if (need <= t->caprows) {
            /* copied from the end in pieces, b's array shrinking behind, so
             * that the two arrays are never both whole in memory */
            unsigned long delta = first_line - 1;
            const size_t piece = ((size_t)1 << 20) / sizeof *b->rows;
            for (size_t end = b->nrows; end > 0;) {
                size_t start = end > piece ? end - piece : 0;
                for (size_t i = start; i < end; i++)
                    b->rows[i].obs.line += delta; /* cells' lines are relative to it */
                memcpy(t->rows + t->nrows + start, b->rows + start,
                       (end - start) * sizeof *b->rows);
                end = start;
                if (end > 0) {
                    row *shrunk = realloc(b->rows, end * sizeof *b->rows);
                    if (shrunk)
                        b->rows = shrunk;
                }
            }
            t->nrows = need;
            /* b's text moves to t: its blocks go behind t's current block */
            if (b->mem.head) {
                arena_block *tail = b->mem.head;
                while (tail->next)
                    tail = tail->next;
                if (t->mem.head) {
                    tail->next = t->mem.head->next;
                    t->mem.head->next = b->mem.head;
                } else {
                    t->mem.head = b->mem.head;
                }
                b->mem.head = NULL;
            }
            done = 1;
        }
    }
    csvrd_close(j->r.csv);
    free(j->r.fields);
    free(j->r.buf);
    free(j->r.map);
    trade_table_free(b);
    return done;
}

/* Where to cut a file of size bytes: just after the first LF past the
 * middle, or 0 when there is none within 1 MiB. */
static unsigned long long split_point(int fd, unsigned long long size)
{
    char buf[4096];
    unsigned long long pos = size / 2, limit = pos + ((unsigned long long)1 << 20);
    while (pos < size && pos < limit) {
        ssize_t n = pread(fd, buf, sizeof buf, (off_t)pos);
        if (n <= 0)
            return 0;
        const char *nl = memchr(buf, '\n', (size_t)n);
        if (nl)
            return pos + (unsigned long long)(nl - buf) + 1 < size
                       ? pos + (unsigned long long)(nl - buf) + 1
                       : 0;
        pos += (unsigned long long)n;
    }
    return 0;
}

/* fd: a regular file that may be read on two threads, or -1. */
static int read_source(trade_table *t, const char *name, chunk_fn next, void *src, int fd,
                       const trade_read_options *opt, trade_error *err)
{
    trade_error_clear(err);
    reader r;
    memset(&r, 0, sizeof r);
    r.t = t;
    r.opt = opt;
    r.err = err;
    r.generic = opt ? opt->generic : 0;
    r.draft = opt && opt->draft;
    r.max_field = opt && opt->max_field_bytes ? opt->max_field_bytes : TRADE_MAX_FIELD_DEFAULT;
    r.first_row = t->nrows;
    size_t oldcols = t->ncols;
    r.name = arena_strndup(&t->mem, name ? name : "-", strlen(name ? name : "-"));
    if (!r.name)
        return trade_error_set(err, TRADE_ENOMEM, name, 0, 0, "out of memory");

    /* a large regular file is read on two threads (see above) */
    pread_src whole = {fd, 0, 0};
    unsigned long long cut = 0, size = 0;
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size >= SPLIT_MIN_BYTES) {
        size = (unsigned long long)st.st_size;
        cut = split_point(fd, size);
    }
    if (cut) {
        whole.end = cut;
        next = chunk_pread;
        src = &whole;
    }
    split_job job;
    int split_state = 0; /* 1: running, 2: finished */

    char *buf = malloc(CHUNK_BYTES);
    if (!buf || open_csv(&r)) {
        free(buf);
        return trade_error_set(err, TRADE_ENOMEM, name, 0, 0, "out of memory");
    }
    int first = 1, io = 0, joined = 0;
    unsigned long long total = 0, psize = 0, pcalls = 0;
    if (opt && opt->progress && fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        psize = (unsigned long long)st.st_size;
    while (!r.stop) {
        size_t got = 0;
        io = next(src, buf, CHUNK_BYTES, &got);
        if (!io && got == 0 && cut && whole.end == cut) {
            /* at the cut: take the second thread's rows, or read on alone */
            unsigned long line, column;
            csvrd_position(r.csv, &line, &column);
            if (split_state == 1 && split_finish(&job, t, csvrd_at_row_end(r.csv), line)) {
                joined = 1;
                split_state = 2;
                break;
            }
            split_state = 2;
            whole.end = size;
            continue;
        }
        if (io || got == 0)
            break;
        const char *s = buf;
        trade_error se;
        if (first && csvrd_check_start(&s, &got, &se)) {
            problem(&r, se.code, se.line, se.column, "%s", se.message);
            r.stop = 1;
            break;
        }
        first = 0;
        total += got;
        if (psize && !(++pcalls & 63)) /* every 4 MiB: the progress bar */
            opt->progress(opt->progress_ctx, r.name,
                          cut ? total * psize / cut : total < psize ? total : psize, psize);
        feed(&r, s, got);
        if (cut && !split_state && r.have_header && !r.stop && whole.pos < cut)
            split_state = split_start(&job, &r, fd, cut, size) ? 1 : 2;
    }
    if (split_state == 1)
        split_finish(&job, t, 0, 0);
    if (psize)
        opt->progress(opt->progress_ctx, r.name, psize, psize);
    free(buf);
    if (io && !r.stop && next == chunk_inp) { /* decompression: its own message */
        problem(&r, ((inp_src *)src)->err.code, 0, 0, "%s", ((inp_src *)src)->err.message);
    } else if (io && !r.stop) {
        problem(&r, TRADE_EIO, 0, 0, "read error: %s", strerror(io));
    } else if (!r.stop) {
        if (!joined && csvrd_finish(r.csv) == CSVRD_ERROR && !r.stop) {
            const trade_error *e = csvrd_error(r.csv);
            problem(&r, e->code, e->line, e->column, "%s", e->message);
        }
        if (!r.stop && (total == 0 || !r.have_header))
            problem(&r, TRADE_ECSV, 1, 1, "empty file: a header row is required");
        else if (!r.stop && t->nrows == r.first_row && r.have_header && !r.draft)
            /* a draft from a text with no figures is a header alone: an
             * extract | validate --draft pipe must work on any text */
            problem(&r, TRADE_EDATA, csvrd_line(r.csv), 1, "no rows after the header");
    }
    csvrd_close(r.csv);
    free(r.fields);
    free(r.buf);
    free(r.map);
    if (r.status) {
        t->nrows = r.first_row; /* nothing of a failed file is kept */
        while (t->ncols > oldcols)
            free(t->cols[--t->ncols]);
        return r.status;
    }
    return TRADE_OK;
}

static int chunk_stream(void *src, char *buf, size_t size, size_t *got)
{
    FILE *fp = src;
    *got = fread(buf, 1, size, fp);
    if (*got == 0 && ferror(fp))
        return errno ? errno : EIO;
    return 0;
}

typedef struct mem_src {
    const char *data;
    size_t len, pos;
} mem_src;

static int chunk_mem(void *src, char *buf, size_t size, size_t *got)
{
    mem_src *m = src;
    size_t n = m->len - m->pos < size ? m->len - m->pos : size;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    *got = n;
    return 0;
}

static int read_compressed(trade_table *t, FILE *fp, const char *name,
                           const trade_read_options *opt, trade_error *err)
{
    inp_src s = {NULL, {0}, 0};
    const char *member;
    int rc = inp_open_file(&s.in, fp, name, err);
    if (!rc && (rc = inp_next(s.in, &member, err)) >= 0) {
        trade_error_set(&s.err, TRADE_EIO, name, 0, 0, "read error");
        rc = read_source(t, name, chunk_inp, &s, -1, opt, err);
    } else if (rc < 0) {
        rc = -rc;
    }
    inp_close(s.in);
    return rc;
}

/* 1 when fp's next byte may start compressed input (put back). */
static int stream_maybe_compressed(FILE *fp)
{
    int c = getc(fp);
    if (c == EOF)
        return 0;
    ungetc(c, fp);
    return inp_maybe_compressed(c);
}

int trade_table_read_stream(trade_table *t, FILE *fp, const char *name,
                            const trade_read_options *opt, trade_error *err)
{
    if (!t || !fp)
        return trade_error_set(err, TRADE_EARG, name, 0, 0, "no table or stream");
    if (stream_maybe_compressed(fp))
        return read_compressed(t, fp, name ? name : "-", opt, err);
    errno = 0;
    return read_source(t, name, chunk_stream, fp, -1, opt, err);
}

/* ---- the fast lane --------------------------------------------------------
 *
 * A buffer of simple lines (no quote, CR or NUL anywhere, so every line is
 * one record and its fields are the bytes between commas: what the CSV
 * reader would give) is read without the CSV reader: each record's fields
 * are cut where they lie and the row is built from them directly, with
 * the same functions as the general way (header_row, data_row, parse_obs).
 * It reports nothing: at the first thing out of the ordinary (a problem of
 * any kind, an empty line, a field count that is not the header's, a field
 * past the limit) its rows are dropped and the general way reads the
 * buffer again from the start, so every problem is found and reported by
 * the general way, exactly as before. The streaming paths (stream.h) read
 * every batch this way. */

/* 1 when data[0..len) is for the fast lane. */
static int simple_buffer(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) != 0 && !memchr(data, '"', len) &&
           !memchr(data, '\r', len) && !memchr(data, '\0', len);
}

/* One pass over data[0..len), 8 bytes at a time: *lines gets the number
 * of LFs (the rows array is sized once, instead of growing by copies into
 * fresh pages batch after batch); returns 1 when every byte is ASCII, so
 * no field needs the UTF-8 check. */
static int scan_buffer(const char *data, size_t len, size_t *lines)
{
    const uint64_t lf = 0x0a0a0a0a0a0a0a0au;
    uint64_t acc = 0;
    size_t i = 0, n = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        acc |= w;
        uint64_t x = buf_zero_bytes(w ^ lf); /* a high bit per LF */
        while (x) {
            n++;
            x &= x - 1;
        }
    }
    for (; i < len; i++) {
        acc |= (unsigned char)data[i];
        n += data[i] == '\n';
    }
    *lines = n;
    return !(acc & 0x8080808080808080u);
}

/* Read data[0..len) the fast way into t. Returns 0 when done, 1 when the
 * general way must read it (t as it was, but for arena space). With cend,
 * the fields of the nrec records after the header are where cend says
 * (Trade_table_read_cut) instead of being cut here. */
static int read_simple(trade_table *t, const char *data, size_t len, const char *name,
                       const trade_read_options *opt, size_t nrec, size_t ncut,
                       const uint32_t *cend)
{
    reader r;
    memset(&r, 0, sizeof r);
    trade_read_options quiet = {0};
    if (opt)
        quiet = *opt;
    quiet.on_problem = NULL; /* a problem stops the lane, silently */
    quiet.progress = NULL;
    trade_error scratch;
    r.t = t;
    r.opt = &quiet;
    r.err = &scratch;
    r.generic = quiet.generic;
    r.draft = quiet.draft;
    r.max_field = quiet.max_field_bytes ? quiet.max_field_bytes : TRADE_MAX_FIELD_DEFAULT;
    r.first_row = t->nrows;
    size_t oldcols = t->ncols;
    r.name = arena_strndup(&t->mem, name ? name : "-", strlen(name ? name : "-"));
    const char *p = data, *end = data + len;
    unsigned long line = 1;
    size_t lines;
    int ascii = scan_buffer(data, len, &lines);
    int ok = r.name != NULL && !ARRAY_GROW(t->rows, t->nrows + lines + 1, t->caprows);
    size_t rec = 0; /* records read from their cuts */
    while (ok && p < end) {
        const uint32_t *e = NULL; /* the cuts of this line's record */
        const char *nl, *le;
        if (cend && r.have_header) {
            if (rec >= nrec || r.nfilecols != ncut) {
                ok = 0;
                break;
            }
            e = cend + rec++ * ncut;
            nl = le = p + e[ncut - 1];
            if (le >= end || *le != '\n') { /* not the batch the cuts are of */
                ok = 0;
                break;
            }
        } else {
            nl = memchr(p, '\n', (size_t)(end - p));
            le = nl ? nl : end;
        }
        if (le == p) {
            ok = 0; /* an empty line: the general way skips it */
            break;
        }
        r.nfields = 0;
        if (e) {
            if (ARRAY_GROW(r.fields, ncut, r.capfields)) {
                ok = 0;
                break;
            }
            for (size_t i = 0; i < ncut && ok; i++) {
                size_t from = i ? (size_t)e[i - 1] + 1 : 0;
                field *f = &r.fields[i];
                f->off = (size_t)(p - data) + from;
                f->len = (size_t)e[i] - from;
                f->line = line;
                f->column = (unsigned long)from + 1;
                f->quoted = 0;
                ok = f->len <= r.max_field && e[i] >= from;
            }
            r.nfields = ncut;
        }
        for (const char *fs = p; ok && !e;) {
            const char *c = fs;
            while (c < le && *c != ',')
                c++;
            if ((size_t)(c - fs) > r.max_field ||
                (r.have_header ? r.nfields >= r.nfilecols : r.nfields >= TABLE_MAX_COLUMNS) ||
                ARRAY_GROW(r.fields, r.nfields + 1, r.capfields)) {
                ok = 0;
                break;
            }
            field *f = &r.fields[r.nfields++];
            f->off = (size_t)(fs - data);
            f->len = (size_t)(c - fs);
            f->line = line;
            f->column = (unsigned long)(fs - p) + 1;
            f->quoted = 0;
            if (c == le)
                break;
            fs = c + 1;
        }
        if (!ok)
            break;
        if (!r.have_header) {
            /* header_row reads the names NUL-terminated from r.buf */
            if (ARRAY_GROW(r.buf, (size_t)(le - p) + 1, r.bufcap)) {
                ok = 0;
                break;
            }
            memcpy(r.buf, p, (size_t)(le - p));
            r.buf[le - p] = '\0';
            for (size_t i = 0; i < r.nfields; i++) {
                r.fields[i].off -= (size_t)(p - data);
                r.buf[r.fields[i].off + r.fields[i].len] = '\0';
            }
            header_row(&r);
            ok = r.have_header && !r.status;
        } else if (r.nfields != r.nfilecols) {
            ok = 0;
        } else {
            data_row(&r, data, ascii);
            ok = !r.status;
        }
        line++;
        p = nl ? nl + 1 : end;
    }
    ok = ok && r.have_header && t->nrows > r.first_row && (!cend || rec == nrec);
    free(r.fields);
    free(r.buf);
    free(r.map);
    if (ok)
        return 0;
    t->nrows = r.first_row;
    while (t->ncols > oldcols)
        free(t->cols[--t->ncols]);
    return 1;
}

int trade_table_read_buffer(trade_table *t, const char *data, size_t len, const char *name,
                            const trade_read_options *opt, trade_error *err)
{
    if (!t || (!data && len))
        return trade_error_set(err, TRADE_EARG, name, 0, 0, "no table or data");
    if (simple_buffer(data, len) && !read_simple(t, data, len, name, opt, 0, 0, NULL)) {
        trade_error_clear(err);
        return TRADE_OK;
    }
    mem_src m = {data, len, 0};
    return read_source(t, name, chunk_mem, &m, -1, opt, err);
}

int Trade_table_read_cut(trade_table *t, const char *data, size_t len, const char *name,
                         const trade_read_options *opt, size_t nrec, size_t ncols,
                         const uint32_t *cend, trade_error *err)
{
    if (!t || !data || !cend || ncols == 0)
        return trade_table_read_buffer(t, data, len, name, opt, err);
    if (simple_buffer(data, len) && !read_simple(t, data, len, name, opt, nrec, ncols, cend)) {
        trade_error_clear(err);
        return TRADE_OK;
    }
    mem_src m = {data, len, 0};
    return read_source(t, name, chunk_mem, &m, -1, opt, err);
}

int trade_table_read_file(trade_table *t, const char *path, const trade_read_options *opt,
                          trade_error *err)
{
    if (!path || !strcmp(path, "-"))
        return trade_table_read_stream(t, stdin, "-", opt, err);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    if (!t) {
        fclose(fp);
        return trade_error_set(err, TRADE_EARG, path, 0, 0, "no table");
    }
    struct stat st;
    int rc;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)
            ? inp_sniff_fd(fileno(fp)) != INP_PLAIN
            : stream_maybe_compressed(fp)) {
        rc = read_compressed(t, fp, path, opt, err);
    } else {
        errno = 0;
        rc = read_source(t, path, chunk_stream, fp, fileno(fp), opt, err);
    }
    fclose(fp);
    return rc;
}

/* ---- duplicates and series ------------------------------------------------ */

/* The series key of a row as one integer: the code ids of reporter and
 * partner (11 bits each: ISO, aggregates, placeholders), flow (6) and unit
 * (9), so that most comparisons are one integer comparison. */
static uint64_t row_key(const row *rw)
{
    return (uint64_t)rw->ids[0] << 26 | (uint64_t)rw->ids[1] << 15 | (uint64_t)rw->ids[2] << 9 |
           rw->ids[3];
}

/* Rows are sorted as (key, observation) pairs, so the comparisons
 * need no global state and ties keep file order. */
typedef struct obs_ref {
    uint64_t key;
    const trade_obs *o; /* the first member of its row: in row order */
} obs_ref;

#define REF_ROW(t, ref) ((size_t)((const row *)(const void *)(ref)->o - (t)->rows))

/* Order by the series key, then product. */
static int cmp_ref_key(const obs_ref *a, const obs_ref *b)
{
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->o->product == b->o->product ? 0 : strcmp(a->o->product, b->o->product);
}

static int cmp_period_then_row(const void *pa, const void *pb)
{
    const obs_ref *ra = pa, *rb = pb;
    int c;
    if ((c = cmp_ref_key(ra, rb)) || (c = trade_period_compare(&ra->o->period, &rb->o->period)))
        return c;
    return ra->o < rb->o ? -1 : ra->o > rb->o;
}

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    return h ^ (h >> 33);
}

/* n bytes of s into h eight at a time (one multiply per word: a byte at
 * a time made the multiplies of a 20-byte source column a chain that took
 * more than half of parse_obs), the length folded in so that the texts of
 * two columns cannot trade bytes. */
static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    h ^= n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0x9e3779b97f4a7c15u;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h = (h ^ w) * 0x9e3779b97f4a7c15u;
    return h ^ (h >> 29);
}

/* The duplicate key's hash; len: the lengths of the product, qualifier,
 * measure and source texts (their fields' lengths: the cells hold the
 * fields' bytes as they are). */
static uint64_t hash_dup_key(const row *rw, const size_t *len)
{
    const trade_obs *o = &rw->obs;
    uint64_t h = mix64(row_key(rw));
    h = mix64(h ^
              ((uint64_t)(uint32_t)o->period.first_month << 32 | (uint32_t)o->period.last_month));
    h = mix64(h ^ ((uint64_t)o->period.start_unit << 8 | o->period.end_unit));
    h = hash_bytes(h, o->product, len[0]);
    h = hash_bytes(h, o->qualifier, len[1]);
    h = hash_bytes(h, o->measure, len[2]);
    return mix64(hash_bytes(h, o->source, len[3]));
}

static int same_dup_key(const row *a, const row *b)
{
    const trade_obs *x = &a->obs, *y = &b->obs;
    return !memcmp(a->ids, b->ids, sizeof a->ids) &&
           !trade_period_compare(&x->period, &y->period) &&
           x->period.start_unit == y->period.start_unit &&
           x->period.end_unit == y->period.end_unit &&
           (x->product == y->product || !strcmp(x->product, y->product)) &&
           (x->qualifier == y->qualifier || !strcmp(x->qualifier, y->qualifier)) &&
           (x->measure == y->measure || !strcmp(x->measure, y->measure)) &&
           (x->source == y->source || !strcmp(x->source, y->source));
}

/* One pass with a hash table of first occurrences: each row is compared
 * with the first row that has its key, in file order. A slot holds the row
 * index + 1 (0 is empty) and the hash, so that most probes of other keys end
 * without touching the row. */
typedef struct dup_slot {
    uint32_t row1, hash; /* 8 bytes: the table of 150,000 rows stays in cache */
} dup_slot;

/* Rows the duplicate check looks at: observations with both sides, a
 * flow and a period. */
static int dup_checked(const row *rw)
{
    const trade_obs *o = &rw->obs;
    return HAS_OBS(rw) && *o->reporter && *o->partner && *o->flow &&
           o->period.start_unit != TRADE_PERIOD_NONE;
}

/* Row i has the duplicate key of row first (its first occurrence): a
 * problem when their values differ. Returns 1 when reading must stop. */
static int dup_found(const trade_table *t, size_t first, size_t i, long vc, int *status,
                     trade_problem_fn on_problem, void *ctx, trade_error *err)
{
    const row *f = &t->rows[first];
    if (f->obs.value == t->rows[i].obs.value)
        return 0;
    trade_error e;
    const char *file;
    unsigned long line, col;
    trade_table_cell_position(t, i, vc < 0 ? 0 : (size_t)vc, &file, &line, &col);
    trade_error_set(&e, TRADE_EDATA, file, line, col,
                    "conflicting duplicate: same reporter, partner, flow, period, unit, "
                    "qualifier and source as %s:%lu with a different value",
                    f->obs.file, f->obs.line);
    if (!*status) {
        *status = TRADE_EDATA;
        if (err)
            *err = e;
    }
    return !on_problem || on_problem(ctx, &e);
}

int trade_table_check_duplicates(const trade_table *t, trade_problem_fn on_problem, void *ctx,
                                 trade_error *err)
{
    trade_error_clear(err);
    size_t cap = 16;
    while (cap < t->nrows + t->nrows / 2)
        cap *= 2;
    dup_slot *slots = t->nrows < UINT32_MAX ? calloc(cap, sizeof *slots) : NULL;
    if (!slots)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    int status = TRADE_OK;
    long vc = trade_table_col_index(t, "value");
    for (size_t i = 0; i < t->nrows; i++) {
        const row *rw = &t->rows[i];
        if (!dup_checked(rw))
            continue;
        uint32_t h = rw->dup_hash;
        size_t k = (size_t)h & (cap - 1);
        while (slots[k].row1 &&
               (slots[k].hash != h || !same_dup_key(&t->rows[slots[k].row1 - 1], rw)))
            k = (k + 1) & (cap - 1);
        if (!slots[k].row1) {
            slots[k].row1 = (uint32_t)i + 1;
            slots[k].hash = h;
            continue;
        }
        if (dup_found(t, slots[k].row1 - 1, i, vc, &status, on_problem, ctx, err))
            break;
    }
    free(slots);
    return status;
}

/* Longest run Trade_table_check_duplicates_runs compares pairwise. */
#define DUP_RUN_MAX 32

int Trade_table_check_duplicates_runs(const trade_table *t, const size_t *run,
                                      trade_problem_fn on_problem, void *ctx, trade_error *err)
{
    /* rows of one duplicate key are of one series, so of one run: each
     * row is compared with the rows before it in its run (a run is one
     * series of a few periods), in the order and with the first
     * occurrences of the hash table's pass */
    for (size_t a = 0, b; a < t->nrows; a = b) {
        for (b = a + 1; b < t->nrows && run[b] == run[a]; b++)
            ;
        if (b - a > DUP_RUN_MAX)
            return trade_table_check_duplicates(t, on_problem, ctx, err);
    }
    trade_error_clear(err);
    int status = TRADE_OK;
    long vc = trade_table_col_index(t, "value");
    size_t start = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        if (i && run[i] != run[i - 1])
            start = i;
        const row *rw = &t->rows[i];
        if (!dup_checked(rw))
            continue;
        size_t j = start;
        while (j < i && (!dup_checked(&t->rows[j]) || t->rows[j].dup_hash != rw->dup_hash ||
                         !same_dup_key(&t->rows[j], rw)))
            j++;
        if (j < i && dup_found(t, j, i, vc, &status, on_problem, ctx, err))
            break;
    }
    return status;
}

typedef struct group {
    size_t start, end, first_row;
} group;

static int cmp_group(const void *pa, const void *pb)
{
    const group *a = pa, *b = pb;
    return a->first_row < b->first_row ? -1 : a->first_row > b->first_row;
}

/* Sort idx[0..n) by key alone, stably: an LSD radix sort in three passes of
 * 13 bits (keys have 37). Returns 0, or -1 when out of memory. */
static int sort_by_key(obs_ref *idx, size_t n)
{
    enum { BITS = 13, PASSES = 3 };
    obs_ref *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t *count = malloc(((size_t)1 << BITS) * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return -1;
    }
    obs_ref *from = idx, *to = tmp;
    for (int pass = 0; pass < PASSES; pass++) {
        int shift = pass * BITS;
        memset(count, 0, ((size_t)1 << BITS) * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(from[i].key >> shift) & (((uint64_t)1 << BITS) - 1)]++;
        size_t sum = 0;
        for (size_t d = 0; d < (size_t)1 << BITS; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & (((uint64_t)1 << BITS) - 1)]++] = from[i];
        obs_ref *swap = from;
        from = to;
        to = swap;
    }
    if (from != idx)
        memcpy(idx, from, n * sizeof *idx);
    free(tmp);
    free(count);
    return 0;
}

/* 1 when a row's key ids stand for its codes' text one to one: every
 * non-empty code known (a draft's unknown code has id 0, which many texts
 * share). */
static int ids_exact(const row *rw)
{
    const trade_obs *o = &rw->obs;
    return (rw->ids[0] || !*o->reporter) && (rw->ids[1] || !*o->partner) &&
           (rw->ids[2] || !*o->flow) && (rw->ids[3] || !*o->unit);
}

int Trade_obs_series_cmp(const trade_obs *a, const uint16_t *ia, const trade_obs *b,
                         const uint16_t *ib)
{
    /* codes with equal non-zero ids are equal (the usual case for all but
     * the product), else their text orders them */
    const char *ta[5] = {a->reporter, a->partner, a->flow, a->product, a->unit};
    const char *tb[5] = {b->reporter, b->partner, b->flow, b->product, b->unit};
    static const int id_of[5] = {0, 1, 2, -1, 3}; /* ids: reporter, partner, flow, unit */
    for (int k = 0; k < 5; k++) {
        int i = id_of[k];
        if (i >= 0 && ia && ib && ia[i] && ia[i] == ib[i])
            continue;
        int c = strcmp(ta[k], tb[k]);
        if (c)
            return c;
    }
    return 0;
}

/* 1 when idx[0..n) (in row order) comes as runs of one series each (key
 * and product), periods never falling within a run, and the runs' series
 * strictly ascending in the streaming order, so that no series comes back
 * after another: then sorting by (key, product, period, row) and taking
 * groups by first row gives idx as it is. */
static int in_series_runs(const trade_table *t, const obs_ref *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!ids_exact(&t->rows[REF_ROW(t, &idx[i])]))
            return 0;
        if (i == 0)
            continue;
        if (!cmp_ref_key(&idx[i - 1], &idx[i])) {
            if (trade_period_compare(&idx[i - 1].o->period, &idx[i].o->period) > 0)
                return 0;
        } else if (Trade_obs_series_cmp(idx[i - 1].o, t->rows[REF_ROW(t, &idx[i - 1])].ids,
                                        idx[i].o, t->rows[REF_ROW(t, &idx[i])].ids) >= 0) {
            return 0;
        }
    }
    return 1;
}

int Trade_series_group_runs(const trade_table *t, const size_t *run, trade_series_list **out,
                            trade_error *err)
{
    /* each run one series (its codes known, so that ids stand for their
     * text) in period order: the sort's groups are the runs' rows, in row
     * order; else the sort decides */
    size_t n = 0, ng = 0, last = 0;
    int have = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const row *rw = &t->rows[i];
        if (!HAS_OBS(rw) || !trade_measure_is_level(rw->obs.measure))
            continue;
        if (!ids_exact(rw))
            return Trade_series_group_rows(t, out, err);
        if (!have || run[i] != run[last]) {
            ng++;
        } else if (trade_period_compare(&t->rows[last].obs.period, &rw->obs.period) > 0) {
            return Trade_series_group_rows(t, out, err);
        }
        have = 1;
        last = i;
        n++;
    }
    trade_error_clear(err);
    *out = NULL;
    trade_series_list *s = Trade_series_list_alloc(t);
    if (!s || !(s->rows = malloc((n ? n : 1) * sizeof *s->rows)) ||
        !(s->starts = malloc((ng + 1) * sizeof *s->starts))) {
        trade_series_list_free(s);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t k = 0, g = 0;
    have = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const row *rw = &t->rows[i];
        if (!HAS_OBS(rw) || !trade_measure_is_level(rw->obs.measure))
            continue;
        if (!have || run[i] != run[last])
            s->starts[g++] = k;
        have = 1;
        last = i;
        s->rows[k++] = i;
    }
    s->starts[ng] = k;
    s->count = ng;
    *out = s;
    return TRADE_OK;
}

int Trade_series_group_rows(const trade_table *t, trade_series_list **out, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    size_t n = 0;
    trade_series_list *s = Trade_series_list_alloc(t);
    obs_ref *idx = malloc((t->nrows ? t->nrows : 1) * sizeof *idx);
    group *g = malloc((t->nrows ? t->nrows : 1) * sizeof *g);
    if (!s || !idx || !g)
        goto nomem;
    /* rows already in period order with no product (as trade import
     * writes bilateral totals) need only a stable sort by key */
    int by_key = 1;
    for (size_t i = 0; i < t->nrows; i++) {
        if (!HAS_OBS(&t->rows[i]) || !trade_measure_is_level(t->rows[i].obs.measure))
            continue; /* the rule of trade_series_admits */
        const trade_obs *o = &t->rows[i].obs;
        if (*o->product || (n && trade_period_compare(&idx[n - 1].o->period, &o->period) > 0))
            by_key = 0;
        idx[n++] = (obs_ref){row_key(&t->rows[i]), o};
    }
    /* a batch of the streaming path (stream.h) is mostly in this order
     * already: one pass that finds it so costs less than the sort */
    int sorted = !by_key;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = cmp_period_then_row(&idx[i - 1], &idx[i]) <= 0;
    /* rows that come series by series, each series in period order and the
     * series in the streaming order of their codes' text (a batch of
     * growth's merge, stream.h, whose codes are not in id order where
     * aggregates and historical codes come in): the sort's order already,
     * groups in row order; the same grouping as the sort's */
    int grouped = !sorted && in_series_runs(t, idx, n);
    if (grouped)
        sorted = 1;
    if (!sorted && sort_by_key(idx, n))
        qsort(idx, n, sizeof *idx, cmp_period_then_row);
    else if (!sorted && !by_key)
        /* in key order (stable); then each run of one key by product and
         * period, which a run mostly is already (a sliced rank run comes
         * product by product): the order of one sort by
         * cmp_period_then_row, a total order, in fewer comparisons */
        for (size_t a = 0, b; a < n; a = b) {
            int run_sorted = 1;
            for (b = a + 1; b < n && idx[b].key == idx[a].key; b++)
                run_sorted = run_sorted && cmp_period_then_row(&idx[b - 1], &idx[b]) <= 0;
            if (!run_sorted)
                qsort(idx + a, b - a, sizeof *idx, cmp_period_then_row);
        }
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || cmp_ref_key(&idx[i - 1], &idx[i])) {
            g[ng].start = i;
            g[ng].first_row = REF_ROW(t, &idx[i]);
            ng++;
        }
        g[ng - 1].end = i + 1;
        if (REF_ROW(t, &idx[i]) < g[ng - 1].first_row)
            g[ng - 1].first_row = REF_ROW(t, &idx[i]);
    }
    int gsorted = 1;
    for (size_t i = 1; i < ng && gsorted; i++)
        gsorted = g[i - 1].first_row < g[i].first_row;
    if (!gsorted)
        qsort(g, ng, sizeof *g, cmp_group);
    s->rows = malloc((n ? n : 1) * sizeof *s->rows);
    s->starts = malloc((ng + 1) * sizeof *s->starts);
    if (!s->rows || !s->starts)
        goto nomem;
    size_t k = 0;
    for (size_t i = 0; i < ng; i++) {
        s->starts[i] = k;
        for (size_t j = g[i].start; j < g[i].end; j++)
            s->rows[k++] = REF_ROW(t, &idx[j]);
    }
    s->starts[ng] = k;
    s->count = ng;
    free(idx);
    free(g);
    *out = s;
    return TRADE_OK;
nomem:
    free(idx);
    free(g);
    trade_series_list_free(s);
    return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
}
