/* table_read.c - several files into one table, and --where conditions.
 *
 * Conditions are kept in the order given; trade_where_bind maps each to a
 * column index and numbers the distinct columns, so that matching a row is
 * one pass: a column's alternatives are OR-ed, the columns AND-ed. */
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf_internal.h"
#include "trade/table_read.h"

typedef enum where_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_RE } where_op;

typedef struct where_cond {
    char *column;
    char *value;
    where_op op;
    double number; /* VALUE as a number (comparisons; = and != when has_number) */
    int has_number;
    int has_re;
    regex_t re;
    size_t col;   /* bound column index */
    size_t group; /* bound: index of the distinct column */
} where_cond;

struct trade_where {
    where_cond *c;
    size_t n, cap;
    size_t ngroups;    /* distinct columns after binding */
    unsigned char *ok; /* per group, scratch of trade_where_match */
};

/* A whole-cell decimal number (strtod's syntax, finite). */
static int parse_number(const char *s, double *out)
{
    if (!*s)
        return 0;
    char *end;
    double v = strtod(s, &end);
    if (*end || v != v || v - v != 0)
        return 0;
    *out = v;
    return 1;
}

trade_where *trade_where_new(void)
{
    return calloc(1, sizeof(trade_where));
}

void trade_where_free(trade_where *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++) {
        free(w->c[i].column);
        free(w->c[i].value);
        if (w->c[i].has_re)
            regfree(&w->c[i].re);
    }
    free(w->c);
    free(w->ok);
    free(w);
}

size_t trade_where_count(const trade_where *w)
{
    return w ? w->n : 0;
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

int trade_where_add(trade_where *w, const char *expr, trade_error *err)
{
    trade_error_clear(err);
    if (!w || !expr)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "--where: NULL argument");
    size_t name_len = strcspn(expr, "=!<>~");
    const char *op = expr + name_len;
    if (!*op)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "--where takes COLUMN=VALUE (or !=, <, <=, >, >=, ~), not '%s'",
                               expr);
    if (name_len == 0)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "--where '%s': no column name", expr);
    where_cond c = {0};
    size_t op_len = 1;
    switch (op[0]) {
    case '=':
        c.op = OP_EQ;
        break;
    case '~':
        c.op = OP_RE;
        break;
    case '!':
        if (op[1] != '=')
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "--where '%s': '!' must be followed by '='", expr);
        c.op = OP_NE;
        op_len = 2;
        break;
    case '<':
    case '>':
        if (op[1] == '=') {
            c.op = op[0] == '<' ? OP_LE : OP_GE;
            op_len = 2;
        } else {
            c.op = op[0] == '<' ? OP_LT : OP_GT;
        }
        break;
    }
    const char *value = op + op_len;
    c.has_number = parse_number(value, &c.number);
    if (c.op >= OP_LT && c.op <= OP_GE && !c.has_number)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "--where '%s': '%.*s' compares numbers, and '%s' is not a number",
                               expr, (int)op_len, op, value);
    if (c.op == OP_RE) {
        int rc = regcomp(&c.re, value, REG_EXTENDED | REG_NOSUB);
        if (rc) {
            char msg[200];
            regerror(rc, &c.re, msg, sizeof msg);
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "--where '%s': bad regular expression: %s", expr, msg);
        }
        c.has_re = 1;
    }
    if (ARRAY_GROW(w->c, w->n + 1, w->cap))
        goto nomem;
    c.column = dup_n(expr, name_len);
    c.value = dup_n(value, strlen(value));
    if (!c.column || !c.value)
        goto nomem;
    w->c[w->n++] = c;
    return TRADE_OK;
nomem:
    free(c.column);
    free(c.value);
    if (c.has_re)
        regfree(&c.re);
    return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
}

int trade_where_bind(trade_where *w, size_t ncols, const char *const *names, trade_error *err)
{
    trade_error_clear(err);
    if (!w)
        return TRADE_OK;
    w->ngroups = 0;
    for (size_t i = 0; i < w->n; i++) {
        size_t col = 0;
        while (col < ncols && strcmp(names[col], w->c[i].column))
            col++;
        if (col == ncols) {
            char list[TRADE_ERROR_MESSAGE_MAX];
            size_t len = 0;
            list[0] = '\0';
            for (size_t k = 0; k < ncols && len + 8 < sizeof list; k++) {
                size_t room = sizeof list - len;
                int m = snprintf(list + len, room, "%s%s", k ? ", " : "", names[k]);
                if (m < 0 || (size_t)m >= room) {
                    snprintf(list + (len < sizeof list - 4 ? len : sizeof list - 4), 4, "...");
                    break;
                }
                len += (size_t)m;
            }
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "--where: no column '%.100s'; the columns are: %s",
                                   w->c[i].column, list);
        }
        w->c[i].col = col;
        size_t g = 0;
        while (g < i && w->c[g].col != col)
            g++;
        w->c[i].group = g < i ? w->c[g].group : w->ngroups++;
    }
    free(w->ok);
    w->ok = calloc(w->ngroups + 1, 1);
    if (!w->ok)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    return TRADE_OK;
}

static int cond_match(const where_cond *c, const char *cell)
{
    double v;
    switch (c->op) {
    case OP_EQ:
    case OP_NE: {
        int eq =
            !strcmp(cell, c->value) || (c->has_number && parse_number(cell, &v) && v == c->number);
        return c->op == OP_EQ ? eq : !eq;
    }
    case OP_LT:
        return parse_number(cell, &v) && v < c->number;
    case OP_LE:
        return parse_number(cell, &v) && v <= c->number;
    case OP_GT:
        return parse_number(cell, &v) && v > c->number;
    case OP_GE:
        return parse_number(cell, &v) && v >= c->number;
    case OP_RE:
        return regexec(&c->re, cell, 0, NULL, 0) == 0;
    }
    return 0;
}

int trade_where_match(const trade_where *w, const char *const *cells)
{
    if (!w || !w->n)
        return 1;
    /* ok is scratch owned by w: matching is not reentrant per w */
    memset(w->ok, 0, w->ngroups);
    for (size_t i = 0; i < w->n; i++) {
        const where_cond *c = &w->c[i];
        if (!w->ok[c->group] && cond_match(c, cells[c->col] ? cells[c->col] : ""))
            w->ok[c->group] = 1;
    }
    for (size_t g = 0; g < w->ngroups; g++)
        if (!w->ok[g])
            return 0;
    return 1;
}

int trade_table_where(trade_table *t, trade_where *w, trade_error *err)
{
    trade_error_clear(err);
    if (!w || !w->n)
        return TRADE_OK;
    size_t ncols = trade_table_cols(t), n = trade_table_rows(t);
    const char **names = malloc((ncols + 1) * sizeof *names);
    const char **cells = malloc((ncols + 1) * sizeof *cells);
    unsigned char *keep = malloc(n + 1);
    int rc = TRADE_OK;
    if (!names || !cells || !keep) {
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < ncols; i++)
        names[i] = trade_table_col_name(t, i);
    if ((rc = trade_where_bind(w, ncols, names, err)))
        goto done;
    for (size_t r = 0; r < n; r++) {
        /* only the bound columns are read */
        for (size_t i = 0; i < w->n; i++)
            cells[w->c[i].col] = trade_table_cell(t, r, w->c[i].col);
        keep[r] = (unsigned char)trade_where_match(w, cells);
    }
    rc = trade_table_filter(t, keep, err);
done:
    free(names);
    free(cells);
    free(keep);
    return rc;
}

/* Forwards problems to the caller's callback and notes that one came. */
typedef struct relay {
    trade_problem_fn fn;
    void *ctx;
    int called, stop;
} relay;

static int relay_problem(void *ctx, const trade_error *problem)
{
    relay *r = ctx;
    r->called = 1;
    int stop = r->fn(r->ctx, problem);
    if (stop)
        r->stop = 1;
    return stop;
}

/* Exit-code order: usage and I/O failures outrank bad data. */
static int severity(int code)
{
    switch (code) {
    case TRADE_OK:
        return 0;
    case TRADE_ECSV:
    case TRADE_EDATA:
    case TRADE_ELIMIT:
    case TRADE_EMATH:
        return 1;
    default:
        return 2;
    }
}

int trade_table_read_files(trade_table *t, size_t n, const char *const *paths,
                           const trade_read_options *opt, trade_where *where, trade_error *err)
{
    trade_error_clear(err);
    static const char *const dash[] = {"-"};
    if (n == 0) {
        n = 1;
        paths = dash;
    }
    trade_read_options ro = {0};
    if (opt)
        ro = *opt;
    relay rl = {ro.on_problem, ro.ctx, 0, 0};
    if (ro.on_problem) {
        ro.on_problem = relay_problem;
        ro.ctx = &rl;
    }
    int worst = TRADE_OK;
    for (size_t i = 0; i < n && !rl.stop; i++) {
        trade_error e;
        rl.called = 0;
        int rc = trade_table_read_file(t, paths[i], &ro, &e);
        if (!rc)
            continue;
        if (!rl.called && rl.fn && rl.fn(rl.ctx, &e))
            rl.stop = 1; /* not reported through the callback (I/O) */
        if (severity(rc) > severity(worst)) {
            worst = rc;
            if (err)
                *err = e;
        }
    }
    if (worst)
        return worst;
    int rc = trade_table_check_duplicates(t, rl.fn, rl.ctx, err);
    if (rc)
        return rc;
    rc = trade_table_where(t, where, err);
    if (rc == TRADE_EARG && rl.fn && err)
        rl.fn(rl.ctx, err); /* an unknown column: a problem of the request */
    return rc;
}
