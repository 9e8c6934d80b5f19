/* import_read.c - the record reader of the import module, on the library's
 * one CSV reader (csv_read_internal.h). It reads a path (or stdin) through
 * the input module, so gzip, zstd, xz, bzip2 and zip archives come in as
 * they were downloaded, one member after the other, and gives each record
 * to a callback with its physical line.
 *
 * Why not the observation reader of table.c: that one builds a table, with
 * every check of the observation format and a position for every cell;
 * the importers stream millions of records of other formats and keep
 * nothing but sums. Both use the one CSV reader (this one with lenient
 * quotes) and quote fields in messages by the one rule of utf8_shown.
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
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf_internal.h"
#include "csv_read_internal.h"
#include "import_internal.h"
#include "input_internal.h"
#include "utf8_internal.h"

/* libcsv's callbacks, called by the CSV reader (raw_field, raw_row);
 * r->line is the line where the field starts. */
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
    const char *f = s ? s : "";
    while (n && (f[0] == ' ' || (r->delim != '\t' && f[0] == '\t')))
        f++, n--;
    while (n && (f[n - 1] == ' ' || f[n - 1] == '\r' || (r->delim != '\t' && f[n - 1] == '\t')))
        n--;
    if (ARRAY_GROW(r->arena, r->alen + n + 1, r->acap)) {
        r->status = trade_error_set(r->err, TRADE_ENOMEM, r->label, r->line, 0, "out of memory");
        return;
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

/* The CSV reader's problem as r's error. */
static int csv_problem(csvr *r, const csvrd *p)
{
    const trade_error *e = csvrd_error(p);
    return r->status =
               trade_error_set(r->err, e->code, r->label, e->line, e->column, "%s", e->message);
}

int csvr_member(csvr *r, inp *in)
{
    csvrd *p;
    csvrd_options o = {0};
    o.lenient = 1;
    o.trim = 1;
    o.max_field = IR_MAX_FIELD;
    o.max_line = IR_MAX_LINE;
    o.raw_field = cb_field;
    o.raw_row = cb_record;
    o.line = &r->line;
    o.stop = &r->status;
    o.ctx = r;
    r->line = 1;
    r->nf = r->alen = 0;
    r->rec_started = 0;
    r->status = 0;
    r->delim = ',';
    char *buf = malloc(1 << 16);
    if (!buf || csvrd_open(&p, &o)) {
        free(buf);
        return r->status = trade_error_set(r->err, TRADE_ENOMEM, r->label, 0, 0, "out of memory");
    }
    int first = 1, st = CSVRD_OK;
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
            trade_error se;
            first = 0;
            if (csvrd_check_start(&b, &len, &se)) {
                r->status = trade_error_set(r->err, se.code, r->label, se.line, se.column, "%s",
                                            se.message);
                break;
            }
            if (r->allow_tab) {
                const char *nl = memchr(b, '\n', len);
                size_t hl = nl ? (size_t)(nl - b) : len, tabs = 0, commas = 0;
                for (size_t i = 0; i < hl; i++)
                    tabs += b[i] == '\t', commas += b[i] == ',';
                if (tabs > commas)
                    r->delim = '\t';
            }
            csvrd_set_delim(p, r->delim);
        }
        if ((st = csvrd_feed(p, b, len)) != CSVRD_OK)
            break;
    }
    if (!r->status && st == CSVRD_OK)
        st = csvrd_finish(p);
    if (st == CSVRD_ERROR && !r->status)
        csv_problem(r, p);
    csvrd_close(p);
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
    csvrd *p;
    char *arena;
    size_t alen, acap, nf, maxf;
    size_t off[IR_MAXF], len[IR_MAXF];
    int nomem;
};

static int rec_field(void *data, const csvrd_field *cf)
{
    irec *r = data;
    size_t n = cf->len;
    if (r->nf >= r->maxf || r->nf >= IR_MAXF) {
        r->nf++;
        return 0;
    }
    if (ARRAY_GROW(r->arena, r->alen + n + 1, r->acap)) {
        r->nomem = 1;
        return 1;
    }
    if (n)
        memcpy(r->arena + r->alen, cf->s, n);
    r->off[r->nf] = r->alen;
    r->len[r->nf] = n;
    r->alen += n;
    r->arena[r->alen++] = '\0';
    r->nf++;
    return 0;
}

irec *irec_new(void)
{
    irec *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    csvrd_options o = {0}; /* strict RFC 4180, unquoted spaces trimmed */
    o.trim = 1;
    o.field = rec_field;
    o.ctx = r;
    if (csvrd_open(&r->p, &o) != 0) {
        free(r);
        return NULL;
    }
    return r;
}

void irec_free(irec *r)
{
    if (!r)
        return;
    csvrd_close(r->p);
    free(r->arena);
    free(r);
}

int irec_split(irec *r, const char *rec, size_t len, const char **f, size_t *fl, size_t maxf,
               size_t *nf, const char **why)
{
    r->nf = r->alen = 0;
    r->nomem = 0;
    r->maxf = maxf;
    csvrd_reset(r->p);
    int st = csvrd_feed(r->p, rec, len);
    if (st == CSVRD_OK)
        st = csvrd_finish(r->p);
    if (r->nomem)
        return TRADE_ENOMEM;
    if (st != CSVRD_OK) {
        const trade_error *e = csvrd_error(r->p);
        if (e->code == TRADE_ENOMEM)
            return TRADE_ENOMEM;
        *why = csvrd_reason(r->p);
        return TRADE_ECSV;
    }
    for (size_t i = 0; i < r->nf && i < maxf && i < IR_MAXF; i++) {
        f[i] = r->arena + r->off[i];
        fl[i] = r->len[i];
    }
    *nf = r->nf;
    return 0;
}
