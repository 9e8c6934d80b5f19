/* writer_xlsx.c - Excel output on libxlsxwriter: the xlsx_sheet behind
 * trade_writer's --format xlsx, and trade_workbook (several tables, one
 * sheet each) for reports.
 *
 * Cells: a cell of a numeric column that reads as a number (the format's
 * plain decimals) is written with worksheet_write_number, every other
 * non-empty cell with worksheet_write_string, which never makes a formula
 * of text, so no neutralising quote is needed. Rows are written in order in
 * libxlsxwriter's constant-memory mode; a part (rows built apart, see
 * trade_writer_open_part) keeps its cells in one growable buffer until it
 * is appended. libxlsxwriter writes the file when the workbook is closed:
 * the caller's temporary file, then synced; trade_workbook renames it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf_internal.h"
#include "trade/number.h"
#include "trade/workbook.h"
#include "trade/writer.h"
#include "writer_internal.h"
#include "writer_xlsx_internal.h"

#define XLSX_MAX_ROWS 1048576u /* Excel's limit, the header included */

struct xlsx_sheet {
    lxw_workbook *wb; /* NULL for a part */
    lxw_worksheet *ws;
    lxw_format *bold;
    char *path;
    size_t ncols;
    unsigned char *numeric;
    size_t row; /* the next row to write */
    /* a part's cells: each NUL-terminated, ncols per row */
    char *buf;
    size_t len, cap, nrows;
};

static int lxw_fail(trade_error *err, const char *path, lxw_error e)
{
    return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write the workbook: %s",
                           lxw_strerror(e));
}

/* A workbook on path whose worksheet data (libxlsxwriter keeps it in
 * temporary files until the workbook is closed) goes to the folder of path,
 * as the workbook's own temporary file does, not to TMPDIR: a report or a
 * large sheet then needs room on the output's disk only, and nothing is
 * written elsewhere. libxlsxwriter copies the folder name. */
static lxw_workbook *book_new(const char *path)
{
    lxw_workbook_options opt = {0};
    opt.constant_memory = LXW_TRUE;
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    char *dir = malloc(n + 2);
    if (!dir)
        return NULL;
    if (!slash)
        memcpy(dir, ".", 2);
    else if (n == 0)
        memcpy(dir, "/", 2);
    else {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    opt.tmpdir = dir;
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    free(dir);
    return wb;
}

int xlsx_sheet_open(xlsx_sheet **out, const char *path, trade_error *err)
{
    *out = NULL;
    xlsx_sheet *s = calloc(1, sizeof *s);
    if (!s)
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    if (path) {
        s->path = strdup(path);
        s->wb = s->path ? book_new(path) : NULL;
        s->ws = s->wb ? workbook_add_worksheet(s->wb, NULL) : NULL;
        s->bold = s->wb ? workbook_add_format(s->wb) : NULL;
        if (!s->ws || !s->bold) {
            xlsx_sheet_free(s);
            return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot start a workbook");
        }
        format_set_bold(s->bold);
    }
    *out = s;
    return TRADE_OK;
}

/* One cell into the worksheet: a number or a string, nothing when empty. */
static int put_cell(xlsx_sheet *s, size_t col, const char *v, lxw_format *fmt, trade_error *err)
{
    if (!*v)
        return TRADE_OK;
    double d;
    lxw_error e;
    if (s->numeric && s->numeric[col] && trade_number_parse(v, strlen(v), &d) == TRADE_OK)
        e = worksheet_write_number(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, d, fmt);
    else
        e = worksheet_write_string(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, v, fmt);
    if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        return trade_error_set(err, TRADE_EDATA, s->path, 0, 0,
                               "a cell longer than Excel's 32,767 characters");
    return e ? lxw_fail(err, s->path, e) : TRADE_OK;
}

int xlsx_sheet_header(xlsx_sheet *s, size_t ncols, char *const *names,
                      const unsigned char *numeric, trade_error *err)
{
    if (ncols > 16384)
        return trade_error_set(err, TRADE_EDATA, s->path, 0, 0,
                               "%zu columns: Excel holds 16,384", ncols);
    s->ncols = ncols;
    s->numeric = malloc(ncols ? ncols : 1);
    if (!s->numeric)
        return trade_error_set(err, TRADE_ENOMEM, s->path, 0, 0, "out of memory");
    memcpy(s->numeric, numeric, ncols);
    if (!s->ws)
        return TRADE_OK;
    unsigned char *keep = s->numeric;
    s->numeric = NULL; /* the header is text */
    int rc = TRADE_OK;
    for (size_t i = 0; i < ncols && !rc; i++)
        rc = put_cell(s, i, names[i], s->bold, err);
    s->numeric = keep;
    if (!rc) {
        worksheet_freeze_panes(s->ws, 1, 0);
        s->row = 1;
    }
    return rc;
}

static int write_row(xlsx_sheet *s, const char *const *cells, trade_error *err)
{
    if (s->row >= XLSX_MAX_ROWS)
        return trade_error_set(err, TRADE_EDATA, s->path, 0, 0,
                               "more rows than Excel's 1,048,576 (header included): use csv");
    for (size_t i = 0; i < s->ncols; i++) {
        int rc = put_cell(s, i, cells[i] ? cells[i] : "", NULL, err);
        if (rc)
            return rc;
    }
    s->row++;
    return TRADE_OK;
}

int xlsx_sheet_row(xlsx_sheet *s, const char *const *cells, trade_error *err)
{
    if (s->ws)
        return write_row(s, cells, err);
    size_t need = 0;
    for (size_t i = 0; i < s->ncols; i++)
        need += strlen(cells[i] ? cells[i] : "") + 1;
    if (ARRAY_GROW(s->buf, s->len + need, s->cap))
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < s->ncols; i++) {
        const char *v = cells[i] ? cells[i] : "";
        size_t n = strlen(v) + 1;
        memcpy(s->buf + s->len, v, n);
        s->len += n;
    }
    s->nrows++;
    return TRADE_OK;
}

int xlsx_sheet_append(xlsx_sheet *s, xlsx_sheet *part, trade_error *err)
{
    int rc = TRADE_OK;
    const char **cells = malloc((s->ncols ? s->ncols : 1) * sizeof *cells);
    if (!cells)
        rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    const char *p = part->buf;
    for (size_t r = 0; !rc && r < part->nrows; r++) {
        for (size_t i = 0; i < s->ncols; i++) {
            cells[i] = p;
            p += strlen(p) + 1;
        }
        rc = xlsx_sheet_row(s, cells, err);
    }
    free(cells);
    xlsx_sheet_free(part);
    return rc;
}

/* fsync a file we have written by name. */
static int sync_path(const char *path, trade_error *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot sync: %s", strerror(e));
    }
    close(fd);
    return TRADE_OK;
}

/* Copy the file from into to (opened for writing, not replaced); errors
 * name name. */
static int copy_into(const char *from, const char *to, const char *name, trade_error *err)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    int e = 0;
    if (!in || !out)
        e = errno ? errno : EIO;
    char buf[1 << 16];
    for (size_t n; !e && (n = fread(buf, 1, sizeof buf, in)) > 0;)
        if (fwrite(buf, 1, n, out) != n)
            e = errno ? errno : EIO;
    if (!e && in && ferror(in))
        e = errno ? errno : EIO;
    if (out && fclose(out) != 0 && !e)
        e = errno ? errno : EIO;
    if (in)
        fclose(in);
    return e ? trade_error_set(err, TRADE_EIO, name, 0, 0, "write error: %s", strerror(e))
             : TRADE_OK;
}

int xlsx_sheet_close(xlsx_sheet *s, trade_error *err)
{
    if (!s->wb)
        return TRADE_OK;
    lxw_error e = workbook_close(s->wb);
    s->wb = NULL;
    s->ws = NULL;
    if (e)
        return lxw_fail(err, s->path, e);
    return sync_path(s->path, err);
}

void xlsx_sheet_free(xlsx_sheet *s)
{
    if (!s)
        return;
    if (s->wb) {
        /* closing is the only way to free a workbook: write it, then remove it */
        workbook_close(s->wb);
        if (s->path)
            unlink(s->path);
    }
    free(s->numeric);
    free(s->buf);
    free(s->path);
    free(s);
}

/* ---- several tables ---- */

struct trade_workbook {
    lxw_workbook *wb;
    lxw_format *bold;
    char *path, *tmppath;
    char *target; /* the file replaced (links followed), or written in place */
    int direct;   /* 1: target is a device or FIFO: the temporary file is copied there */
    int slot;     /* writer_temp_register's slot for tmppath */
    char names[64][32];
    size_t nsheets;
    xlsx_sheet cur; /* the sheet being written (its ws, row and column kinds) */
};

void trade_workbook_discard(trade_workbook *wb)
{
    if (!wb)
        return;
    if (wb->wb)
        workbook_close(wb->wb);
    if (wb->tmppath)
        unlink(wb->tmppath);
    writer_temp_release(wb->slot);
    free(wb->cur.numeric);
    free(wb->path);
    free(wb->target);
    free(wb->tmppath);
    free(wb);
}

int trade_workbook_open(trade_workbook **out, const char *path, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    trade_workbook *wb = calloc(1, sizeof *wb);
    if (wb)
        wb->slot = -1;
    if (!wb || !path || !(wb->path = strdup(path))) {
        trade_workbook_discard(wb);
        return trade_error_set(err, path ? TRADE_ENOMEM : TRADE_EARG, path, 0, 0,
                               path ? "out of memory" : "no file name");
    }
    /* the writer's rules for where an output goes (writer.h): links
     * followed, devices and FIFOs written in place (through a temporary
     * file in TMPDIR, copied there at commit), read-only files refused */
    int rc0 = writer_resolve(path, &wb->target, &wb->direct, err);
    if (rc0) {
        trade_workbook_discard(wb);
        return rc0;
    }
    const char *tdir = getenv("TMPDIR");
    if (!tdir || !*tdir)
        tdir = "/tmp";
    const char *slash = strrchr(wb->target, '/');
    size_t dirlen = wb->direct ? strlen(tdir) + 1 : slash ? (size_t)(slash - wb->target) + 1 : 0;
    if (!(wb->tmppath = malloc(dirlen + sizeof ".trade-XXXXXX"))) {
        trade_workbook_discard(wb);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    if (wb->direct)
        snprintf(wb->tmppath, dirlen + 1, "%s/", tdir);
    else
        memcpy(wb->tmppath, wb->target, dirlen);
    memcpy(wb->tmppath + dirlen, ".trade-XXXXXX", sizeof ".trade-XXXXXX");
    int fd = writer_temp_create(wb->tmppath, 0, &wb->slot);
    if (fd < 0) {
        int e = errno;
        free(wb->tmppath);
        wb->tmppath = NULL;
        trade_workbook_discard(wb);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    /* a replaced file keeps its permissions, as with the writer */
    fchmod(fd, !wb->direct && stat(wb->target, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask);
    close(fd);
    wb->wb = book_new(wb->tmppath);
    wb->bold = wb->wb ? workbook_add_format(wb->wb) : NULL;
    if (!wb->bold) {
        trade_workbook_discard(wb);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot start a workbook");
    }
    format_set_bold(wb->bold);
    *out = wb;
    return TRADE_OK;
}

/* An Excel sheet name from any text: 31 bytes at most (not inside a UTF-8
 * character), []:*?/\ replaced, unique in the workbook. */
static void sheet_name(trade_workbook *wb, const char *want, char *out, size_t size)
{
    size_t j = 0;
    for (const char *p = want; *p && j + 1 < size && j < 31; p++)
        out[j++] = strchr("[]:*?/\\", *p) ? '_' : *p;
    /* cut before a character whose continuation bytes would not fit: the
     * next byte of want is then a continuation byte */
    while (j > 0 && want[j] && ((unsigned char)want[j] & 0xC0) == 0x80)
        j--;
    out[j] = '\0';
    if (!j)
        snprintf(out, size, "Sheet%zu", wb->nsheets + 1);
    for (int k = 2; k < 100; k++) {
        int used = 0;
        for (size_t i = 0; i < wb->nsheets && !used; i++)
            used = !strcmp(wb->names[i], out);
        if (!used)
            return;
        char suffix[8];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        size_t keep = strlen(out);
        if (keep + strlen(suffix) > 31)
            keep = 31 - strlen(suffix);
        snprintf(out + keep, size - keep, "%s", suffix);
    }
}

int trade_workbook_add_sheet(trade_workbook *wb, const char *sheet, size_t ncols,
                             const char *const *names, trade_error *err)
{
    trade_error_clear(err);
    if (wb->nsheets == 64)
        return trade_error_set(err, TRADE_EDATA, wb->path, 0, 0, "more than 64 sheets");
    if (ncols > 16384)
        return trade_error_set(err, TRADE_EDATA, wb->path, 0, 0,
                               "%zu columns: Excel holds 16,384", ncols);
    char name[32];
    sheet_name(wb, sheet ? sheet : "", name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(wb->wb, name);
    unsigned char *numeric = malloc(ncols ? ncols : 1);
    if (!ws || !numeric) {
        free(numeric);
        return trade_error_set(err, TRADE_EIO, wb->path, 0, 0, "cannot add sheet %s", name);
    }
    snprintf(wb->names[wb->nsheets++], sizeof wb->names[0], "%s", name);
    free(wb->cur.numeric);
    memset(&wb->cur, 0, sizeof wb->cur);
    wb->cur.ws = ws;
    wb->cur.path = wb->path;
    wb->cur.ncols = ncols;
    int rc = TRADE_OK;
    for (size_t c = 0; c < ncols && !rc; c++)
        rc = put_cell(&wb->cur, c, names[c] ? names[c] : "", wb->bold, err);
    for (size_t c = 0; c < ncols; c++)
        numeric[c] = (unsigned char)trade_column_is_numeric(names[c] ? names[c] : "");
    worksheet_freeze_panes(ws, 1, 0);
    wb->cur.row = 1;
    wb->cur.numeric = numeric;
    return rc;
}

int trade_workbook_row(trade_workbook *wb, const char *const *cells, trade_error *err)
{
    trade_error_clear(err);
    if (!wb->cur.ws)
        return trade_error_set(err, TRADE_EARG, wb->path, 0, 0, "no sheet to write to");
    return write_row(&wb->cur, cells, err);
}

int trade_workbook_add_table(trade_workbook *wb, const char *sheet, const trade_table *t,
                             trade_error *err)
{
    trade_error_clear(err);
    size_t nc = trade_table_cols(t), nr = trade_table_rows(t);
    if (nr + 1 > XLSX_MAX_ROWS)
        return trade_error_set(err, TRADE_EDATA, wb->path, 0, 0,
                               "sheet %s: %zu rows, more than Excel holds", sheet, nr);
    const char **cells = malloc((nc ? nc : 1) * sizeof *cells);
    if (!cells)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t c = 0; c < nc; c++)
        cells[c] = trade_table_col_name(t, c);
    int rc = trade_workbook_add_sheet(wb, sheet, nc, cells, err);
    for (size_t r = 0; r < nr && !rc; r++) {
        for (size_t c = 0; c < nc; c++)
            cells[c] = trade_table_cell(t, r, c);
        rc = write_row(&wb->cur, cells, err);
    }
    free(cells);
    return rc;
}

int trade_workbook_commit(trade_workbook *wb, trade_error *err)
{
    trade_error_clear(err);
    if (!wb)
        return TRADE_OK;
    lxw_error e = workbook_close(wb->wb);
    wb->wb = NULL;
    int rc = e ? lxw_fail(err, wb->path, e) : wb->direct ? TRADE_OK : sync_path(wb->tmppath, err);
    if (!rc && wb->direct) {
        /* a device or FIFO: copy the finished file there (tmppath is then
         * removed by discard) */
        rc = copy_into(wb->tmppath, wb->target, wb->path, err);
        trade_workbook_discard(wb);
        return rc;
    }
    if (!rc && rename(wb->tmppath, wb->target) != 0)
        rc = trade_error_set(err, TRADE_EIO, wb->path, 0, 0, "cannot rename into place: %s",
                             strerror(errno));
    if (!rc) {
        free(wb->tmppath);
        wb->tmppath = NULL;
    }
    trade_workbook_discard(wb);
    return rc;
}
