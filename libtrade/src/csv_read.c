/* csv_read.c - the one CSV reader of the library (csv_read_internal.h): the
 * only file that includes libcsv to read.
 *
 * libcsv does the parsing and does not track positions, so the reader feeds
 * it in pieces that end at each delimiter, CR or LF: when a callback fires,
 * the piece just fed has ended, and the next field starts at the next byte
 * that is not the LF of a CRLF. At the start of a row, a line without quotes
 * (the common case) goes to libcsv in one piece: its fields cannot hold a
 * line break, so their columns follow from their lengths, one call into
 * libcsv a line instead of one a field; the next field of such a line
 * starts after the next delimiter (found from the line itself, so that
 * libcsv's space trimming, with trim, does not move columns). A short line
 * cut by the end of a piece is kept (carry) until the next piece ends it,
 * so that it too goes in one call; csvrd_finish gives what is kept. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf_internal.h"
#include "csv_read_internal.h"

#define CARRY_MAX 4096

struct csvrd {
    struct csv_parser p;
    csvrd_options opt;
    trade_error err;
    const char *reason; /* static */
    int status;         /* CSVRD_* */

    /* position of the next byte */
    unsigned long line, column;
    int cr; /* the last byte read was a CR */
    unsigned long long offset;
    /* the field being read */
    unsigned long fline, fcol;
    unsigned long long foffset;
    int fquoted;
    int need_start; /* the next byte may start a field */
    int after_row;  /* the last callback ended a row */
    int fast;       /* a whole simple line is being parsed: cb_field moves fcol */
    const char *fast_at, *fast_end; /* then: the current field's start, the line's end */
    char carry[CARRY_MAX];          /* the start of a line cut by the end of a piece */
    size_t ncarry;
    char *split;     /* split_simple's copy of a line (its fields NUL-terminated) */
    size_t splitcap; /* bytes allocated at split */
};

static int fail(csvrd *r, int code, const char *reason, unsigned long line, unsigned long column,
                const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static int fail(csvrd *r, int code, const char *reason, unsigned long line, unsigned long column,
                const char *fmt, ...)
{
    if (r->status != CSVRD_ERROR) {
        r->reason = reason;
        memset(&r->err, 0, sizeof r->err);
        r->err.code = code;
        r->err.line = line;
        r->err.column = column;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err.message, sizeof r->err.message, fmt, ap);
        va_end(ap);
        r->status = CSVRD_ERROR;
    }
    return CSVRD_ERROR;
}

static void cb_field(void *data, size_t len, void *ctx)
{
    csvrd *r = ctx;
    if (r->status)
        return;
    if (r->opt.raw_field) {
        if (r->opt.line)
            *r->opt.line = r->fline;
        r->opt.raw_field(data, len, r->opt.ctx);
        if (r->opt.stop && *r->opt.stop)
            r->status = CSVRD_STOPPED;
    } else {
        csvrd_field f = {data ? data : "", len, r->fline, r->fcol, r->fquoted};
        if (r->opt.field && r->opt.field(r->opt.ctx, &f))
            r->status = CSVRD_STOPPED;
    }
    r->need_start = 1;
    if (r->fast) { /* the next field starts after the next delimiter */
        /* right after the field unless trimming shortened it (a simple
         * line's fields hold no delimiter, so this test cannot be fooled) */
        const char *d = r->fast_at[len] == r->opt.delim
                            ? r->fast_at + len
                            : memchr(r->fast_at, r->opt.delim, (size_t)(r->fast_end - r->fast_at));
        if (d) {
            r->fcol += (unsigned long)(d + 1 - r->fast_at);
            r->foffset += (unsigned long long)(d + 1 - r->fast_at);
            r->fast_at = d + 1;
        }
        r->need_start = 0;
    }
}

static void cb_row(int c, void *ctx)
{
    csvrd *r = ctx;
    r->need_start = 1;
    r->after_row = 1;
    if (r->status)
        return;
    if (r->opt.raw_row) {
        r->opt.raw_row(c, r->opt.ctx);
        if (r->opt.stop && *r->opt.stop)
            r->status = CSVRD_STOPPED;
    } else if (r->opt.row && r->opt.row(r->opt.ctx)) {
        r->status = CSVRD_STOPPED;
    }
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

int csvrd_open(csvrd **out, const csvrd_options *opt)
{
    csvrd *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return TRADE_ENOMEM;
    r->opt = *opt;
    if (!r->opt.delim)
        r->opt.delim = ',';
    unsigned char flags = CSV_APPEND_NULL;
    if (!r->opt.lenient)
        flags |= CSV_STRICT | CSV_STRICT_FINI;
    if (csv_init(&r->p, flags) != 0) {
        free(r);
        return TRADE_ENOMEM;
    }
    if (!r->opt.trim)
        csv_set_space_func(&r->p, no_space);
    csv_set_delim(&r->p, (unsigned char)r->opt.delim);
    /* libcsv grows a field by blk_size bytes at a time: the default 128
     * makes a multi-megabyte field quadratic */
    csv_set_blk_size(&r->p, 1 << 16);
    csvrd_reset(r);
    *out = r;
    return 0;
}

void csvrd_close(csvrd *r)
{
    if (!r)
        return;
    csv_free(&r->p);
    free(r->split);
    free(r);
}

void csvrd_reset(csvrd *r)
{
    r->status = CSVRD_OK;
    r->reason = "";
    r->line = r->column = 1;
    r->cr = 0;
    r->offset = 0;
    r->fline = r->fcol = 1;
    r->foffset = 0;
    r->fquoted = 0;
    r->need_start = r->after_row = 1;
    r->fast = 0;
    r->ncarry = 0;
}

void csvrd_set_delim(csvrd *r, char delim)
{
    r->opt.delim = delim ? delim : ',';
    csv_set_delim(&r->p, (unsigned char)r->opt.delim);
}

const trade_error *csvrd_error(const csvrd *r)
{
    return &r->err;
}

const char *csvrd_reason(const csvrd *r)
{
    return r->reason;
}

void csvrd_position(const csvrd *r, unsigned long *line, unsigned long *column)
{
    *line = r->line;
    *column = r->column;
}

unsigned long csvrd_line(const csvrd *r)
{
    return r->line;
}

int csvrd_at_row_end(const csvrd *r)
{
    return r->need_start && r->after_row && !r->cr && !r->ncarry;
}

/* Position of byte k of s, starting from (line, column). A line ends at LF,
 * CRLF or a lone CR (libcsv ends rows at each); *cr says the byte before s
 * was a CR, so that the LF of a CRLF split across calls is not counted twice. */
static void advance(const char *s, size_t k, unsigned long *line, unsigned long *column, int *cr)
{
    for (size_t i = 0; i < k; i++) {
        if (s[i] == '\n' && *cr) {
            *cr = 0;
        } else if (s[i] == '\n' || s[i] == '\r') {
            (*line)++;
            *column = 1;
            *cr = s[i] == '\r';
        } else {
            (*column)++;
            *cr = 0;
        }
    }
}

/* The offset of the first c in s[from..len), or len. */
static size_t next_of(const char *s, size_t len, size_t from, char c)
{
    const char *p = from < len ? memchr(s + from, c, len - from) : NULL;
    return p ? (size_t)(p - s) : len;
}

/* The length of the simple line at s (no quote, NUL or lone CR; it may end
 * in CRLF), up to and with its LF; 0 when the line is not simple or does
 * not end within max bytes. clean: s[0..clean) is known to hold no quote,
 * CR or NUL (0 when unknown). */
static size_t simple_line(const char *s, size_t len, size_t max, size_t clean)
{
    const char *nl = memchr(s, '\n', len < max ? len : max);
    if (!nl || nl == s)
        return 0;
    size_t n = (size_t)(nl - s);
    if (n <= clean)
        return n + 1;
    size_t body = nl[-1] == '\r' ? n - 1 : n;
    if (body == 0 || memchr(s, '"', body) || memchr(s, '\r', body) || memchr(s, '\0', body))
        return 0;
    return n + 1;
}

/* The simple line s[0..n) (simple_line), untrimmed, split at its
 * delimiters here instead of in libcsv: for speed (libcsv goes byte by
 * byte through a state machine, and the streaming growth and rank read
 * tens of millions of such lines; measured in bench/README.md). Without
 * quotes, trimming, NUL or lone CR, libcsv's fields are exactly the bytes
 * between delimiters and its row ends at the CR or LF, so both give the
 * same fields; any other line goes to libcsv. */
static int split_simple(csvrd *r, const char *s, size_t n)
{
    size_t body = n - 1;
    if (body && s[body - 1] == '\r')
        body--;
    if (ARRAY_GROW(r->split, body + 1, r->splitcap))
        return fail(r, TRADE_ENOMEM, "out of memory", r->line, 1, "out of memory");
    memcpy(r->split, s, body);
    char *p = r->split, *end = r->split + body;
    unsigned long col = r->column;
    r->fline = r->line;
    r->fquoted = 0;
    char delim = r->opt.delim;
    for (;;) {
        char *d = p; /* fields are short: a plain loop beats memchr */
        while (d < end && *d != delim)
            d++;
        char *fe = d;
        if (d == end)
            d = NULL;
        *fe = '\0';
        r->fcol = col;
        csvrd_field f = {p, (size_t)(fe - p), r->fline, col, 0};
        if (r->opt.field && r->opt.field(r->opt.ctx, &f))
            return r->status = CSVRD_STOPPED;
        col += (unsigned long)(fe - p) + 1;
        if (!d)
            break;
        p = d + 1;
    }
    r->need_start = r->after_row = 1;
    if (r->opt.row && r->opt.row(r->opt.ctx))
        return r->status = CSVRD_STOPPED;
    return 0;
}

static int feed_piece(csvrd *r, const char *s, size_t len, int may_carry)
{
    size_t max_field = r->opt.max_field ? r->opt.max_field : (size_t)-1;
    size_t max_line = r->opt.max_line ? r->opt.max_line : (size_t)-1;
    char delim = r->opt.delim;
    size_t lim = max_field < max_line ? max_field : max_line;
    int raw = r->opt.raw_field != NULL;
    /* the next quote, CR and NUL at or after i */
    size_t nq = raw ? len : next_of(s, len, 0, '"'), ncr = next_of(s, len, 0, '\r'),
           nz = next_of(s, len, 0, '\0');
    size_t i = 0;
    while (i < len && !r->status) {
        size_t start = i;
        size_t n1 = 0;
        int row_start = r->need_start && r->after_row && !r->cr;
        if (nq < i)
            nq = next_of(s, len, i, '"');
        if (ncr < i)
            ncr = next_of(s, len, i, '\r');
        if (nz < i)
            nz = next_of(s, len, i, '\0');
        if ((row_start || (raw && !r->cr)) && may_carry && len - i <= CARRY_MAX &&
            !memchr(s + i, '\n', len - i)) {
            memcpy(r->carry, s + i, len - i); /* the rest of the line comes next */
            r->ncarry = len - i;
            return r->status;
        }
        if (raw && !r->cr) {
            /* lines, not columns: every line in one call, quotes or not (a
             * quoted line break only continues the field), as long as it
             * has no NUL or lone CR and is not too long */
            const char *nl = memchr(s + i, '\n', len - i < lim ? len - i : lim);
            size_t end = nl ? (size_t)(nl - s) + 1 : 0, body = end ? end - 1 : 0;
            if (body > i && s[body - 1] == '\r')
                body--;
            if (nl && nz >= end && ncr >= body) {
                n1 = end - i;
                if (r->opt.line)
                    *r->opt.line = r->line;
                size_t done =
                    csv_parse(&r->p, s + i, n1, r->opt.raw_field, r->opt.raw_row, r->opt.ctx);
                if (r->opt.stop && *r->opt.stop)
                    return r->status = CSVRD_STOPPED;
                if (done < n1) {
                    int nomem = csv_error(&r->p) == CSV_ENOMEM;
                    const char *why = csv_strerror(csv_error(&r->p));
                    return nomem ? fail(r, TRADE_ENOMEM, why, r->line, 1, "out of memory")
                                 : fail(r, TRADE_ECSV, why, r->line, 1, "malformed CSV: %s", why);
                }
                r->need_start = 1;
                r->after_row = !r->p.quoted; /* else inside a quoted field */
                r->line++;
                r->column = 1;
                r->offset += n1;
                i += n1;
                continue;
            }
        }
        if (row_start && !raw &&
            (n1 = simple_line(s + i, len - i, lim,
                              (nq < ncr ? (nq < nz ? nq : nz) : (ncr < nz ? ncr : nz)) - i)) != 0) {
            if (!r->opt.trim) {
                if (split_simple(r, s + i, n1))
                    return r->status;
                r->line++;
                r->column = 1;
                r->offset += n1;
                i += n1;
                continue;
            }
            r->fline = r->line;
            r->fcol = r->column;
            r->foffset = r->offset;
            r->fquoted = 0;
            r->need_start = r->after_row = 0;
            r->fast = 1;
            r->fast_at = s + i;
            r->fast_end = s + i + n1;
            size_t done = csv_parse(&r->p, s + i, n1, cb_field, cb_row, r);
            r->fast = 0;
            if (r->status)
                return r->status;
            if (done < n1)
                return fail(r, TRADE_ENOMEM, "out of memory", r->line, 1, "out of memory");
            r->line++;
            r->column = 1;
            r->offset += n1;
            i += n1;
            continue;
        }
        /* where a field may start, note its position */
        if (r->need_start) {
            char ch = s[i];
            if (!(r->after_row && (ch == '\r' || ch == '\n'))) {
                r->fline = r->line;
                r->fcol = r->column;
                r->foffset = r->offset;
                r->fquoted = ch == '"';
                r->need_start = 0;
                r->after_row = 0;
            }
        }
        while (i < len) {
            char ch = s[i++];
            if (ch == '\0') {
                unsigned long l = r->line, c = r->column;
                int cr = r->cr;
                advance(s + start, i - 1 - start, &l, &c, &cr);
                return fail(r, TRADE_ECSV, "NUL byte in input", l, c, "NUL byte in input");
            }
            if (ch == delim || ch == '\n' || ch == '\r')
                break;
        }
        size_t n = i - start;
        if (!r->need_start && r->offset + n - r->foffset > max_field)
            return fail(r, TRADE_ELIMIT, "field too long", r->fline, r->fcol,
                        "field longer than the limit of %zu bytes", max_field);
        size_t done = csv_parse(&r->p, s + start, n, cb_field, cb_row, r);
        if (r->status)
            return r->status;
        if (done < n && csv_error(&r->p) == CSV_ENOMEM)
            return fail(r, TRADE_ENOMEM, "out of memory", r->fline, r->fcol,
                        "out of memory in a field of %llu bytes (see --max-field)",
                        r->offset + done - r->foffset);
        if (done < n) {
            unsigned long l = r->line, c = r->column;
            int cr = r->cr;
            advance(s + start, done, &l, &c, &cr);
            const char *why = csv_strerror(csv_error(&r->p));
            return fail(r, TRADE_ECSV, why, l, c, "malformed CSV: %s", why);
        }
        advance(s + start, n, &r->line, &r->column, &r->cr);
        r->offset += n;
        if (r->column - 1 > max_line)
            return fail(r, TRADE_ELIMIT, "line too long", r->line, 1, "line longer than %zu bytes",
                        max_line);
    }
    return r->status;
}

int csvrd_feed(csvrd *r, const char *s, size_t len)
{
    if (r->status)
        return r->status;
    if (r->ncarry) { /* end the kept line with the start of s */
        const char *nl = memchr(s, '\n', len);
        size_t take = nl ? (size_t)(nl - s) + 1 : len;
        if (r->ncarry + take <= CARRY_MAX) {
            memcpy(r->carry + r->ncarry, s, take);
            r->ncarry += take;
            if (!nl)
                return r->status;
            s += take;
            len -= take;
        }
        size_t n = r->ncarry; /* whole, or too long to keep: parse it as it is */
        r->ncarry = 0;
        if (feed_piece(r, r->carry, n, 0))
            return r->status;
    }
    return feed_piece(r, s, len, 1);
}

int csvrd_finish(csvrd *r)
{
    if (r->status)
        return r->status;
    if (r->ncarry) {
        size_t n = r->ncarry;
        r->ncarry = 0;
        if (feed_piece(r, r->carry, n, 0))
            return r->status;
    }
    if (csv_fini(&r->p, cb_field, cb_row, r) != 0 && !r->status)
        return fail(r, TRADE_ECSV, csv_strerror(csv_error(&r->p)), r->fline, r->fcol,
                    "unterminated quoted field");
    return r->status;
}

int csvrd_check_start(const char **s, size_t *len, trade_error *err)
{
    const char *b = *s;
    size_t n = *len;
    if (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) {
        b += 3;
        n -= 3;
    }
    *s = b;
    *len = n;
    /* UTF-16 would otherwise be "NUL byte in input": say what it is */
    if (n >= 2 && (!memcmp(b, "\xFF\xFE", 2) || !memcmp(b, "\xFE\xFF", 2) || (!b[0]) != (!b[1]))) {
        int be = !memcmp(b, "\xFE\xFF", 2) || (!b[0] && b[1]);
        memset(err, 0, sizeof *err);
        err->code = TRADE_ECSV;
        err->line = err->column = 1;
        snprintf(err->message, sizeof err->message,
                 "UTF-16%s text: convert to UTF-8 (iconv -f UTF-16 -t UTF-8)", be ? "BE" : "LE");
        return TRADE_ECSV;
    }
    return 0;
}
