/* writer.c - rows out as CSV (quoted by libcsv where needed), TSV or JSON
 * lines, to stdout or to a file through a temporary file in the same folder
 * that is renamed over the target only after everything was written and
 * synced. A target that is not a regular file (a device such as /dev/full, a
 * FIFO) is written directly, since it cannot be replaced by a rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "trade/number.h"
#include "trade/writer.h"
#include "writer_xlsx_internal.h"

struct trade_writer {
    FILE *fp;
    char *path;    /* target; NULL for stdout */
    char *tmppath; /* temporary file; NULL when writing directly */
    trade_format format;
    int raw;
    size_t ncols;
    char **names;
    unsigned char *numeric;
    int failed;
    /* CSV and TSV rows are built here and handed to fp in large pieces:
     * a stdio call per cell costs more than the rest of the writing */
    char *out;
    size_t outlen;
    /* a part (trade_writer_open_part): PART_FILE, its rows go to an
     * unlinked temporary file (page cache, not the process's memory);
     * PART_MEMORY when there is none: no fp, and out grows to hold them */
    int part;
    size_t partcap;
    xlsx_sheet *xlsx; /* --format xlsx: the rows go here (writer_xlsx.c) */
};

#define OUT_SIZE ((size_t)1 << 16)
enum { PART_FILE = 1, PART_MEMORY };

static const char *const numeric_columns[] = {"value",
                                              "precision",
                                              "value_from",
                                              "value_to",
                                              "growth_pct",
                                              "cagr_pct",
                                              "log_growth",
                                              "n",
                                              "trend_pct",
                                              "ci_low_pct",
                                              "ci_high_pct",
                                              "r2",
                                              "first",
                                              "last",
                                              "min",
                                              "max",
                                              "mean",
                                              "median",
                                              "sd",
                                              "rank",
                                              "exports",
                                              "imports",
                                              "balance",
                                              "coverage",
                                              "total",
                                              "share_pct",
                                              "hhi",
                                              "hhi_normalized",
                                              "index",
                                              "rate",
                                              "gap",
                                              "gap_pct",
                                              "line",
                                              "column",
                                              "quantity",
                                              "slope",
                                              "intercept",
                                              "low",
                                              "high",
                                              "stated_low",
                                              "stated_high",
                                              "computed_low",
                                              "computed_high",
                                              "count",
                                              "value_usd",
                                              "year"};

int trade_column_is_numeric(const char *name)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < sizeof numeric_columns / sizeof numeric_columns[0]; i++)
        if (!strcmp(name, numeric_columns[i]))
            return 1;
    return 0;
}

int trade_format_parse(const char *name, trade_format *out)
{
    if (name && !strcmp(name, "csv"))
        *out = TRADE_FORMAT_CSV;
    else if (name && !strcmp(name, "tsv"))
        *out = TRADE_FORMAT_TSV;
    else if (name && !strcmp(name, "jsonl"))
        *out = TRADE_FORMAT_JSONL;
    else if (name && !strcmp(name, "xlsx"))
        *out = TRADE_FORMAT_XLSX;
    else
        return TRADE_EARG;
    return TRADE_OK;
}

static void writer_free(trade_writer *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->ncols; i++)
        free(w->names[i]);
    free(w->names);
    free(w->numeric);
    free(w->out);
    free(w->path);
    free(w->tmppath);
    xlsx_sheet_free(w->xlsx);
    free(w);
}

/* Open a temporary file beside path. */
static FILE *open_temp(const char *path, char **tmppath)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return NULL;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dirlen);
    snprintf(tmp + dirlen, n + 16 - dirlen, ".%s.XXXXXX", path + dirlen);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        close(fd);
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    *tmppath = tmp;
    return fp;
}

int trade_writer_open(trade_writer **out, const char *path, const trade_write_options *opt,
                      trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    trade_writer *w = calloc(1, sizeof *w);
    if (!w)
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    if (opt) {
        w->format = opt->format;
        w->raw = opt->raw;
    }
    if (!path || !strcmp(path, "-")) {
        if (w->format == TRADE_FORMAT_XLSX) {
            writer_free(w);
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "xlsx is written to a file: add -o FILE.xlsx");
        }
        w->fp = stdout;
        *out = w;
        return TRADE_OK;
    }
    w->path = strdup(path);
    if (!w->path) {
        writer_free(w);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            writer_free(w);
            return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write: is a directory");
        }
        w->fp = fopen(path, "wb");
    } else {
        w->fp = open_temp(path, &w->tmppath);
        /* a replaced file keeps its permissions (a private file stays private) */
        if (w->fp && stat(path, &st) == 0)
            fchmod(fileno(w->fp), st.st_mode & 07777);
    }
    if (!w->fp) {
        int e = errno;
        writer_free(w);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    if (w->format == TRADE_FORMAT_XLSX) {
        int rc = w->tmppath ? xlsx_sheet_open(&w->xlsx, w->tmppath, err)
                            : trade_error_set(err, TRADE_EARG, path, 0, 0,
                                              "xlsx is written to a regular file");
        if (rc) {
            trade_writer_discard(w);
            return rc;
        }
    }
    *out = w;
    return TRADE_OK;
}

int trade_writer_header(trade_writer *w, size_t ncols, const char *const *names,
                        const unsigned char *numeric, trade_error *err)
{
    w->names = calloc(ncols ? ncols : 1, sizeof *w->names);
    w->numeric = calloc(ncols ? ncols : 1, 1);
    if (!w->names || !w->numeric)
        return trade_error_set(err, TRADE_ENOMEM, w->path, 0, 0, "out of memory");
    for (size_t i = 0; i < ncols; i++) {
        w->names[i] = strdup(names[i] ? names[i] : "");
        if (!w->names[i])
            return trade_error_set(err, TRADE_ENOMEM, w->path, 0, 0, "out of memory");
        w->ncols = i + 1;
        w->numeric[i] = numeric ? numeric[i] : (unsigned char)trade_column_is_numeric(names[i]);
    }
    if (w->xlsx)
        return xlsx_sheet_header(w->xlsx, w->ncols, w->names, w->numeric, err);
    if (w->format == TRADE_FORMAT_JSONL)
        return TRADE_OK;
    return trade_writer_row(w, (const char *const *)w->names, err);
}

static int is_number(const char *s)
{
    return trade_number_parse(s, strlen(s), NULL) == TRADE_OK;
}

static int needs_neutralising(const char *s)
{
    return (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
            s[0] == '\r') &&
           !is_number(s);
}

/* Hand the buffered bytes to fp. */
static void out_flush(trade_writer *w)
{
    if (w->outlen && fwrite(w->out, 1, w->outlen, w->fp) != w->outlen && !w->failed)
        w->failed = errno ? errno : EIO;
    w->outlen = 0;
}

/* Room for n more bytes in the buffer (flushing first), or NULL when n
 * does not fit even in an empty buffer: then the caller writes to fp. */
static char *out_room(trade_writer *w, size_t n)
{
    if (w->part == PART_MEMORY) {
        if (w->partcap - w->outlen < n) {
            size_t cap = w->partcap;
            while (cap - w->outlen < n)
                cap = cap / 2 * 3;
            char *p = realloc(w->out, cap);
            if (!p) {
                w->failed = ENOMEM;
                return NULL;
            }
            w->out = p;
            w->partcap = cap;
        }
        return w->out + w->outlen;
    }
    if (OUT_SIZE - w->outlen < n)
        out_flush(w);
    return n <= OUT_SIZE ? w->out + w->outlen : NULL;
}

static void out_bytes(trade_writer *w, const char *s, size_t n)
{
    char *p = out_room(w, n);
    if (p) {
        memcpy(p, s, n);
        w->outlen += n;
    } else if (w->part != PART_MEMORY && fwrite(s, 1, n, w->fp) != n && !w->failed) {
        w->failed = errno ? errno : EIO;
    }
}

/* A CSV cell: as it is, or quoted by libcsv when it holds a comma, a quote
 * or a line break, or is neutralised (then a leading ' is added). */
static void put_csv(trade_writer *w, const char *s, int neutralise)
{
    size_t n = 0; /* cells are short: a plain loop beats strcspn */
    for (char c; (c = s[n]) != '\0' && c != ',' && c != '"' && c != '\r' && c != '\n';)
        n++;
    if (!neutralise && !s[n]) {
        out_bytes(w, s, n);
        return;
    }
    n += strlen(s + n);
    char *tmp = malloc(n + 2);
    if (!tmp) {
        w->failed = ENOMEM;
        return;
    }
    size_t m = 0;
    if (neutralise)
        tmp[m++] = '\'';
    memcpy(tmp + m, s, n + 1);
    m += n;
    size_t need = csv_write(NULL, 0, tmp, m);
    char *p = out_room(w, need);
    if (p) {
        w->outlen += csv_write(p, need, tmp, m);
    } else if (w->part != PART_MEMORY && csv_fwrite(w->fp, tmp, m) && !w->failed) {
        w->failed = EIO;
    }
    free(tmp);
}

static void put_tsv(trade_writer *w, const char *s, int neutralise)
{
    if (neutralise)
        out_bytes(w, "'", 1);
    for (;;) {
        size_t n = strcspn(s, "\t\n\r\\");
        out_bytes(w, s, n);
        s += n;
        switch (*s) {
        case '\t':
            out_bytes(w, "\\t", 2);
            break;
        case '\n':
            out_bytes(w, "\\n", 2);
            break;
        case '\r':
            out_bytes(w, "\\r", 2);
            break;
        case '\\':
            out_bytes(w, "\\\\", 2);
            break;
        default:
            return;
        }
        s++;
    }
}

static void put_json_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', fp);
            fputc(*p, fp);
        } else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p == '\r')
            fputs("\\r", fp);
        else if (*p == '\t')
            fputs("\\t", fp);
        else if (*p < 0x20 || *p == 0x7f) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            fputs(esc, fp);
        } else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

int trade_writer_row(trade_writer *w, const char *const *cells, trade_error *err)
{
    if (w->xlsx)
        return xlsx_sheet_row(w->xlsx, cells, err);
    if (w->format == TRADE_FORMAT_JSONL) {
        fputc('{', w->fp);
        for (size_t i = 0; i < w->ncols; i++) {
            const char *s = cells[i] ? cells[i] : "";
            if (i)
                fputc(',', w->fp);
            put_json_string(w->fp, w->names[i]);
            fputc(':', w->fp);
            double v;
            char num[TRADE_NUMBER_BUFSIZE];
            if (!*s)
                fputs("null", w->fp);
            else if (w->numeric[i] && trade_number_parse(s, strlen(s), &v) == TRADE_OK &&
                     trade_number_format(v, num, sizeof num))
                fputs(num, w->fp);
            else
                put_json_string(w->fp, s);
        }
        fputs("}\n", w->fp);
    } else {
        if (!w->out && !(w->out = malloc(OUT_SIZE)))
            return trade_error_set(err, TRADE_ENOMEM, w->path ? w->path : "-", 0, 0,
                                   "out of memory");
        for (size_t i = 0; i < w->ncols; i++) {
            const char *s = cells[i] ? cells[i] : "";
            int neutralise = !w->raw && needs_neutralising(s);
            if (i)
                out_bytes(w, w->format == TRADE_FORMAT_TSV ? "\t" : ",", 1);
            if (w->format == TRADE_FORMAT_TSV)
                put_tsv(w, s, neutralise);
            else
                put_csv(w, s, neutralise);
        }
        out_bytes(w, "\n", 1);
    }
    if (w->failed || (w->fp && ferror(w->fp)))
        return trade_error_set(err, TRADE_EIO, w->path ? w->path : "-", 0, 0, "write error: %s",
                               strerror(w->failed ? w->failed : errno));
    return TRADE_OK;
}

int trade_writer_commit(trade_writer *w, trade_error *err)
{
    trade_error_clear(err);
    if (!w)
        return TRADE_OK;
    if (w->part) {
        if (w->fp)
            fclose(w->fp);
        writer_free(w);
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "a part is appended, not committed");
    }
    int rc = TRADE_OK;
    const char *name = w->path ? w->path : "-";
    errno = 0;
    out_flush(w);
    if (w->xlsx) /* the workbook is written into the temporary file now */
        rc = xlsx_sheet_close(w->xlsx, err);
    if (rc) {
        /* reported by xlsx_sheet_close */
    } else if (fflush(w->fp) != 0 || ferror(w->fp) || w->failed) {
        rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "write error: %s",
                             strerror(errno ? errno : EIO));
    } else if (w->tmppath && fsync(fileno(w->fp)) != 0) {
        rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "cannot sync: %s", strerror(errno));
    }
    if (w->fp != stdout) {
        if (fclose(w->fp) != 0 && !rc)
            rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "cannot close: %s", strerror(errno));
        w->fp = NULL;
    }
    if (w->tmppath) {
        if (!rc && rename(w->tmppath, w->path) != 0)
            rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "cannot rename into place: %s",
                                 strerror(errno));
        if (rc)
            unlink(w->tmppath);
    }
    writer_free(w);
    return rc;
}

void trade_writer_discard(trade_writer *w)
{
    if (!w)
        return;
    if (w->fp && w->fp != stdout)
        fclose(w->fp);
    if (w->tmppath)
        unlink(w->tmppath);
    writer_free(w);
}

int trade_file_write_atomic(const char *path, const void *data, size_t len, trade_error *err)
{
    trade_writer *w;
    int rc = trade_writer_open(&w, path, NULL, err);
    if (rc)
        return rc;
    if (len && fwrite(data, 1, len, w->fp) != len) {
        int e = errno;
        trade_writer_discard(w);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "write error: %s", strerror(e));
    }
    return trade_writer_commit(w, err);
}

int trade_writer_open_part(trade_writer **out, const trade_writer *like, trade_error *err)
{
    trade_error_clear(err);
    *out = NULL;
    trade_writer *w = calloc(1, sizeof *w);
    if (!w)
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    w->format = like->format;
    w->raw = like->raw;
    if (like->xlsx && xlsx_sheet_open(&w->xlsx, NULL, err)) {
        free(w);
        return TRADE_ENOMEM;
    }
    w->fp = w->xlsx ? NULL : tmpfile();
    w->part = w->fp ? PART_FILE : PART_MEMORY;
    if (w->xlsx)
        w->partcap = 0;
    if (w->part == PART_MEMORY && w->format == TRADE_FORMAT_JSONL) {
        writer_free(w);
        return trade_error_set(err, TRADE_EIO, NULL, 0, 0, "no temporary file: %s",
                               strerror(errno));
    }
    w->partcap = OUT_SIZE * 16;
    w->out = malloc(w->part == PART_MEMORY ? w->partcap : OUT_SIZE);
    w->names = calloc(like->ncols ? like->ncols : 1, sizeof *w->names);
    w->numeric = calloc(like->ncols ? like->ncols : 1, 1);
    if (!w->out || !w->names || !w->numeric)
        goto nomem;
    for (size_t i = 0; i < like->ncols; i++) {
        if (!(w->names[i] = strdup(like->names[i])))
            goto nomem;
        w->ncols = i + 1;
        w->numeric[i] = like->numeric[i];
    }
    if (w->xlsx && xlsx_sheet_header(w->xlsx, w->ncols, w->names, w->numeric, err)) {
        writer_free(w);
        return TRADE_ENOMEM;
    }
    *out = w;
    return TRADE_OK;
nomem:
    if (w->fp)
        fclose(w->fp);
    writer_free(w);
    return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
}

int trade_writer_append(trade_writer *w, trade_writer *part, trade_error *err)
{
    trade_error_clear(err);
    const char *name = w->path ? w->path : "-";
    int rc = TRADE_OK;
    if (part->xlsx) {
        rc = w->xlsx ? xlsx_sheet_append(w->xlsx, part->xlsx, err)
                     : trade_error_set(err, TRADE_EARG, name, 0, 0, "not a part of this writer");
        part->xlsx = NULL; /* freed by xlsx_sheet_append */
    } else if (part->part == PART_MEMORY) {
        if (part->failed)
            rc = trade_error_set(err, TRADE_ENOMEM, name, 0, 0, "out of memory");
        else
            out_bytes(w, part->out, part->outlen);
    } else {
        /* the temporary file, back in pieces through part's own buffer */
        out_flush(part);
        errno = 0;
        if (fflush(part->fp) != 0 || part->failed || ferror(part->fp) ||
            fseek(part->fp, 0, SEEK_SET))
            rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "temporary file: %s",
                                 strerror(part->failed ? part->failed
                                          : errno      ? errno
                                                       : EIO));
        for (size_t n; !rc && (n = fread(part->out, 1, OUT_SIZE, part->fp)) > 0;)
            out_bytes(w, part->out, n);
        if (!rc && ferror(part->fp))
            rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "temporary file: read error");
        fclose(part->fp);
        part->fp = NULL;
    }
    writer_free(part);
    if (!rc && (w->failed || ferror(w->fp)))
        rc = trade_error_set(err, TRADE_EIO, name, 0, 0, "write error: %s",
                             strerror(w->failed ? w->failed : errno));
    return rc;
}
