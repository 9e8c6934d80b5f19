/* import_read.c - the record reader of the import module: the one file of
 * the importers that includes libcsv. It reads a path (or stdin) through
 * the input module, so gzip, zstd, xz, bzip2 and zip archives come in as
 * they were downloaded, one member after the other, and gives each record
 * to a callback with its physical line.
 *
 * Why not the observation reader of table.c: that one builds a table, with
 * every check of the observation format and a position for every cell;
 * the importers stream millions of records of other formats and keep
 * nothing but sums. Both use libcsv and quote fields in messages by the
 * one rule of utf8_shown.
 *
 * Bounds, so that no input makes it run or grow without end: a NUL byte
 * (a binary file, /dev/zero) stops it at once, as does UTF-16; a field of
 * more than IR_MAX_FIELD bytes, a line of more than IR_MAX_LINE bytes and
 * a record of more than IR_MAXF fields are located errors. Unquoted spaces
 * around every field are trimmed (BACI and Comtrade pad some fields).
 * With allow_tab, a member whose header line has more tabs than commas is
 * read as tab-separated (Comtrade's bulk files).
 *
 * Also here: irec, the record splitter of the BACI reader's slow path
 * (import_baci.c scans plain records itself, at several hundred MB/s, and
 * hands the records with unusual quoting to irec). */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "import_internal.h"
#include "input_internal.h"
#include "utf8_internal.h"

static void cb_field(void *s, size_t n, void *data)
{
    csvr *r = data;
    if (r->status)
        return;
    if (!r->rec_started) {
        r->rec_started = 1;
        r->rec_line = r->line;
    }
    if (r->nf >= IR_MAXF) {
        r->status = trade_error_set(r->err, TRADE_ECSV, r->label, r->rec_line, 0,
                                    "more than %d fields in a record", IR_MAXF);
        return;
    }
    if (n > IR_MAX_FIELD) {
        r->status = trade_error_set(r->err, TRADE_ELIMIT, r->label, r->line, 0,
                                    "field %zu longer than %u bytes", r->nf + 1, IR_MAX_FIELD);
        return;
    }
    const char *f = s ? s : "";
    while (n && (f[0] == ' ' || (r->delim != '\t' && f[0] == '\t')))
        f++, n--;
    while (n && (f[n - 1] == ' ' || f[n - 1] == '\r' || (r->delim != '\t' && f[n - 1] == '\t')))
        n--;
    if (r->alen + n + 1 > r->acap) {
        size_t cap = (r->alen + n + 1) * 2;
        char *a = realloc(r->arena, cap);
        if (!a) {
            r->status = trade_error_set(r->err, TRADE_ENOMEM, r->label, r->line, 0,
                                        "out of memory");
            return;
        }
        r->arena = a;
        r->acap = cap;
    }
    if (n)
        memcpy(r->arena + r->alen, f, n);
    r->off[r->nf] = r->alen;
    r->len[r->nf] = n;
    r->arena[r->alen + n] = '\0';
    r->alen += n + 1;
    r->nf++;
}

static void cb_record(int c, void *data)
{
    csvr *r = data;
    (void)c;
    if (!r->status) {
        if (!r->rec_started)
            r->rec_line = r->line;
        r->status = r->row(r->ctx, r);
    }
    r->nf = 0;
    r->alen = 0;
    r->rec_started = 0;
}

const char *csvr_field(const csvr *r, size_t i, size_t *len)
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

int csvr_find(const csvr *r, const char *name)
{
    for (size_t i = 0; i < r->nf; i++)
        if (strcasecmp(csvr_field(r, i, NULL), name) == 0)
            return (int)i;
    return -1;
}

const char *csvr_shown(const char *s, size_t len, char out[64])
{
    return utf8_shown(s, len, out);
}

/* Where the first NUL of b[0..n) is: line and column, counted on from r. */
static int nul_error(csvr *r, const char *b, size_t n, const char *z)
{
    unsigned long line = r->line, col = r->col + 1;
    for (const char *p = b; p < z; p++) {
        if (*p == '\n')
            line++, col = 1;
        else
            col++;
    }
    (void)n;
    return r->status = trade_error_set(r->err, TRADE_ECSV, r->label, line, col,
                                       "NUL byte: not a text file");
}

int csvr_member(csvr *r, inp *in)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0)
        return r->status = trade_error_set(r->err, TRADE_ENOMEM, r->label, 0, 0, "out of memory");
    csv_set_blk_size(&p, 1 << 16); /* libcsv's default 128 is quadratic on long fields */
    r->line = 1;
    r->col = 0;
    r->nf = r->alen = 0;
    r->rec_started = 0;
    r->status = 0;
    r->delim = ',';
    char *buf = malloc(1 << 16);
    if (!buf) {
        csv_free(&p);
        return r->status = trade_error_set(r->err, TRADE_ENOMEM, r->label, 0, 0, "out of memory");
    }
    int first = 1;
    size_t got;
    while (!r->status) {
        if (inp_read(in, buf, 1 << 16, &got, r->err)) {
            r->status = r->err ? r->err->code : TRADE_EIO;
            break;
        }
        if (!got)
            break;
        const char *b = buf;
        size_t len = got;
        if (first) {
            first = 0;
            if (len >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'))) {
                r->status = trade_error_set(r->err, TRADE_ECSV, r->label, 1, 1,
                                            "UTF-16 text: convert it to UTF-8");
                break;
            }
            if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
                b += 3, len -= 3;
            if (r->allow_tab) {
                const char *nl = memchr(b, '\n', len);
                size_t hl = nl ? (size_t)(nl - b) : len, tabs = 0, commas = 0;
                for (size_t i = 0; i < hl; i++)
                    tabs += b[i] == '\t', commas += b[i] == ',';
                if (tabs > commas)
                    r->delim = '\t';
            }
            csv_set_delim(&p, (unsigned char)r->delim);
        }
        const char *z = memchr(b, '\0', len);
        if (z) {
            nul_error(r, b, len, z);
            break;
        }
        /* feed line by line so that r->line is the physical line */
        while (len && !r->status) {
            const char *nl = memchr(b, '\n', len);
            size_t k = nl ? (size_t)(nl - b) + 1 : len;
            if (csv_parse(&p, b, k, cb_field, cb_record, r) != k) {
                if (!r->status)
                    r->status = trade_error_set(r->err, TRADE_ECSV, r->label, r->line, 0,
                                                "malformed CSV: %s", csv_strerror(csv_error(&p)));
                break;
            }
            if (nl) {
                r->line++;
                r->col = 0;
            } else if ((r->col += k) > IR_MAX_LINE) {
                r->status = trade_error_set(r->err, TRADE_ELIMIT, r->label, r->line, 0,
                                            "line longer than %u bytes", IR_MAX_LINE);
            }
            b += k;
            len -= k;
        }
    }
    if (!r->status && csv_fini(&p, cb_field, cb_record, r) != 0 && !r->status)
        r->status = trade_error_set(r->err, TRADE_ECSV, r->label, r->line, 0, "malformed CSV: %s",
                                    csv_strerror(csv_error(&p)));
    csv_free(&p);
    free(buf);
    return r->status;
}

int csvr_run(const char *path, csvr *r,
             int (*member)(void *ctx, csvr *r, const char *name), trade_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *shown_path = is_stdin ? "stdin" : path;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY);
    if (fd < 0)
        return trade_error_set(err, TRADE_EIO, shown_path, 0, 0, "cannot open: %s",
                               strerror(errno));
    inp *in;
    int rc = inp_open_fd(&in, fd, shown_path, err);
    if (rc) {
        close(fd);
        return rc;
    }
    r->err = err;
    char label[TRADE_ERROR_FILE_MAX], source[TRADE_ERROR_FILE_MAX];
    const char *name;
    int k = 0;
    while (!rc && (k = inp_next(in, &name, err)) > 0) {
        if (name) {
            snprintf(label, sizeof label, "%s(%s)", shown_path, name);
            inp_member_label(source, sizeof source, shown_path, name);
        } else {
            snprintf(label, sizeof label, "%s", shown_path);
            snprintf(source, sizeof source, "%s", inp_basename(shown_path));
        }
        r->label = label;
        r->source = source;
        if (member && (rc = member(r->ctx, r, name)) != 0) {
            if (rc < 0) /* skip this member */
                rc = 0;
            continue;
        }
        rc = csvr_member(r, in);
    }
    if (!rc && k < 0)
        rc = -k;
    inp_close(in);
    close(fd);
    free(r->arena);
    r->arena = NULL;
    r->alen = r->acap = 0;
    return rc;
}

/* ---- single records (the BACI reader's slow path) ---- */

struct irec {
    struct csv_parser p;
    char *arena;
    size_t alen, acap, nf, maxf;
    size_t off[IR_MAXF], len[IR_MAXF];
    int nomem;
};

irec *irec_new(void)
{
    irec *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(r);
        return NULL;
    }
    /* libcsv grows a field by blk_size bytes at a time: the default 128
     * makes a multi-megabyte quoted field quadratic */
    csv_set_blk_size(&r->p, 1 << 16);
    return r;
}

void irec_free(irec *r)
{
    if (!r)
        return;
    csv_free(&r->p);
    free(r->arena);
    free(r);
}

static void rec_field(void *s, size_t n, void *data)
{
    irec *r = data;
    if (r->nf >= r->maxf || r->nf >= IR_MAXF) {
        r->nf++;
        return;
    }
    if (r->alen + n + 1 > r->acap) {
        size_t cap = (r->alen + n + 1) * 2;
        char *a = realloc(r->arena, cap);
        if (!a) {
            r->nomem = 1;
            return;
        }
        r->arena = a;
        r->acap = cap;
    }
    if (n)
        memcpy(r->arena + r->alen, s, n);
    r->off[r->nf] = r->alen;
    r->len[r->nf] = n;
    r->alen += n;
    r->arena[r->alen++] = '\0';
    r->nf++;
}

static void rec_end(int c, void *data)
{
    (void)c;
    (void)data;
}

int irec_split(irec *r, const char *rec, size_t len, const char **f, size_t *fl, size_t maxf,
               size_t *nf, const char **why)
{
    r->nf = r->alen = 0;
    r->nomem = 0;
    r->maxf = maxf;
    if (csv_parse(&r->p, rec, len, rec_field, rec_end, r) != len ||
        csv_fini(&r->p, rec_field, rec_end, r) != 0) {
        *why = csv_strerror(csv_error(&r->p));
        return TRADE_ECSV;
    }
    if (r->nomem)
        return TRADE_ENOMEM;
    for (size_t i = 0; i < r->nf && i < maxf && i < IR_MAXF; i++) {
        f[i] = r->arena + r->off[i];
        fl[i] = r->len[i];
    }
    *nf = r->nf;
    return 0;
}
