/* writer.c - rows out as CSV (quoted by libcsv where needed), TSV or JSON
 * lines, to stdout or to a file through a temporary file in the same folder
 * that is renamed over the target only after everything was written and
 * synced.
 *
 * The target is found first (writer_resolve): symbolic links are followed
 * so the file they point to is replaced and the link kept; a target that is
 * not a regular file (a device such as /dev/full, a FIFO, or a link under
 * /dev or /proc such as /dev/stdout) is written directly, since it cannot be
 * replaced by a rename. The temporary file has a short name of its own
 * (".trade-XXXXXX"), so any name that fits the folder works, and it is
 * registered so that trade_writer_cleanup (from a signal handler) can
 * remove it. */
#define _XOPEN_SOURCE 700 /* realpath */
#ifdef __linux__
#define _GNU_SOURCE /* sync_file_range */
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "buf_internal.h"
#include "trade/number.h"
#include "trade/writer.h"
#include "writer_internal.h"
#include "writer_xlsx_internal.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct trade_writer {
    FILE *fp;
    char *path;    /* target; NULL for stdout */
    char *target;  /* the file renamed over (links followed); NULL direct */
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
    /* a temporary file: bytes whose write-back was started (offset), and
     * bytes written after them */
    unsigned long long synced, unsynced;
    /* a part (trade_writer_open_part): PART_FILE, its rows go to an
     * unlinked temporary file (page cache, not the process's memory);
     * PART_MEMORY when there is none: no fp, and out grows to hold them */
    int part;
    size_t partcap;
    xlsx_sheet *xlsx; /* --format xlsx: the rows go here (writer_xlsx.c) */
    int digits;       /* significant digits of numbers; 0: as given */
    int slot; /* writer_temp_register's slot for tmppath, or -1 */
};

#define OUT_SIZE ((size_t)1 << 16)

static int writer_row(trade_writer *w, const char *const *cells, trade_error *err);
enum { PART_FILE = 1, PART_MEMORY };

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
    free(w->target);
    free(w->tmppath);
    writer_temp_release(w->slot);
    xlsx_sheet_free(w->xlsx);
    free(w);
}

/* ---- temporary files a signal handler may have to remove ---- */

/* A slot is FREE, being FILLED by one thread, or IN_USE (its name complete).
 * trade_writer_cleanup reads only IN_USE slots, with atomic loads: lock-free
 * atomics are safe in a signal handler. */
enum { SLOT_FREE, SLOT_FILLED, SLOT_IN_USE };
#define TEMP_SLOTS 16
static struct {
    atomic_int state;
    int is_dir;
    char path[PATH_MAX];
} temp_slots[TEMP_SLOTS];

int writer_temp_register(const char *path, int is_dir)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX)
        return -1;
    for (int i = 0; i < TEMP_SLOTS; i++) {
        int expect = SLOT_FREE;
        if (atomic_compare_exchange_strong(&temp_slots[i].state, &expect, SLOT_FILLED)) {
            memcpy(temp_slots[i].path, path, n + 1);
            temp_slots[i].is_dir = is_dir;
            atomic_store(&temp_slots[i].state, SLOT_IN_USE);
            return i;
        }
    }
    return -1;
}

int writer_temp_create(char *template, int is_dir, int *slot)
{
    /* no fatal signal between making the name and registering it: the
     * handler would find nothing to remove (a preempted process stopped
     * right after mkstemp showed it) */
    sigset_t fatal, old;
    sigemptyset(&fatal);
    sigaddset(&fatal, SIGINT);
    sigaddset(&fatal, SIGTERM);
    sigaddset(&fatal, SIGHUP);
    sigaddset(&fatal, SIGQUIT);
    int masked = pthread_sigmask(SIG_BLOCK, &fatal, &old) == 0;
    int fd = is_dir ? (mkdtemp(template) ? 0 : -1) : mkstemp(template);
    int e = errno;
    *slot = fd < 0 ? -1 : writer_temp_register(template, is_dir);
    if (masked)
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return fd;
}

int trade_writer_thread_create(pthread_t *th, void *(*fn)(void *), void *arg)
{
    /* the new thread inherits the blocked mask: a fatal signal then always
     * runs its handler on a thread that blocks it in writer_temp_create */
    sigset_t fatal, old;
    sigemptyset(&fatal);
    sigaddset(&fatal, SIGINT);
    sigaddset(&fatal, SIGTERM);
    sigaddset(&fatal, SIGHUP);
    sigaddset(&fatal, SIGQUIT);
    int masked = pthread_sigmask(SIG_BLOCK, &fatal, &old) == 0;
    int rc = pthread_create(th, NULL, fn, arg);
    if (masked)
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

void writer_temp_release(int slot)
{
    if (slot >= 0 && slot < TEMP_SLOTS)
        atomic_store(&temp_slots[slot].state, SLOT_FREE);
}

void trade_writer_cleanup(void)
{
    /* files first, then the (now empty) folders that held them */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < TEMP_SLOTS; i++)
            if (atomic_load(&temp_slots[i].state) == SLOT_IN_USE && temp_slots[i].is_dir == pass) {
                if (pass)
                    rmdir(temp_slots[i].path);
                else
                    unlink(temp_slots[i].path);
            }
}

/* ---- where the output goes ---- */

/* 1 if the folder holding path is /dev or /proc or below (where links such
 * as /dev/stdout and /proc/self/fd/1 stand for an open file). */
static int in_dev_or_proc(const char *path)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (!realpath(dir, real))
        return 0;
    return !strcmp(real, "/dev") || !strncmp(real, "/dev/", 5) || !strcmp(real, "/proc") ||
           !strncmp(real, "/proc/", 6);
}

/* Links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS 40

int writer_resolve(const char *path, char **target, int *direct, trade_error *err)
{
    *target = NULL;
    *direct = 0;
    if (!path || !*path)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "the output file name is empty (-o '')");
    char *cur = strdup(path);
    if (!cur)
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    struct stat st;
    for (int hops = 0;; hops++) {
        if (lstat(cur, &st) != 0) {
            /* missing (created), or a folder problem the open will report */
            *target = cur;
            return TRADE_OK;
        }
        if (!S_ISLNK(st.st_mode))
            break;
        if (hops == MAX_LINKS) {
            free(cur);
            return trade_error_set(err, TRADE_EIO, path, 0, 0,
                                   "cannot write: too many levels of symbolic links");
        }
        if (in_dev_or_proc(cur)) {
            *direct = 1; /* /dev/stdout, /proc/self/fd/N: the open file itself */
            *target = cur;
            return TRADE_OK;
        }
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0 || (size_t)n >= sizeof link - 1) {
            int e = n < 0 ? errno : ENAMETOOLONG;
            free(cur);
            return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot follow the link: %s",
                                   strerror(e));
        }
        link[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dlen + (size_t)n + 1);
        if (!next) {
            free(cur);
            return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
        }
        memcpy(next, cur, dlen);
        memcpy(next + dlen, link, (size_t)n + 1);
        free(cur);
        cur = next;
    }
    if (S_ISDIR(st.st_mode)) {
        free(cur);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write: is a directory");
    }
    if (!S_ISREG(st.st_mode)) {
        *direct = 1;
        *target = cur;
        return TRADE_OK;
    }
    /* as cp without -f: a file without write permission is not replaced
     * (the rename would replace it, even as root; say so instead) */
    if ((st.st_mode & 0222) == 0 || access(cur, W_OK) != 0) {
        int e = (st.st_mode & 0222) == 0 ? EACCES : errno;
        unsigned mode = (unsigned)(st.st_mode & 07777);
        free(cur);
        if (e == EROFS)
            return trade_error_set(err, TRADE_EIO, path, 0, 0,
                                   "cannot write: read-only file system");
        return trade_error_set(err, TRADE_EIO, path, 0, 0,
                               "not replaced: the file is read-only (mode %04o); make it "
                               "writable or remove it first",
                               mode);
    }
    *target = cur;
    return TRADE_OK;
}

/* Open a temporary file beside path. */
static FILE *open_temp(const char *path, char **tmppath, int *slot)
{
    static const char name[] = ".trade-XXXXXX";
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    char *tmp = malloc(dirlen + sizeof name);
    if (!tmp)
        return NULL;
    memcpy(tmp, path, dirlen);
    memcpy(tmp + dirlen, name, sizeof name);
    int fd = writer_temp_create(tmp, 0, slot);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        int e = errno;
        close(fd);
        unlink(tmp);
        writer_temp_release(*slot);
        *slot = -1;
        free(tmp);
        errno = e;
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
    w->slot = -1;
    if (opt) {
        w->format = opt->format;
        w->raw = opt->raw;
        w->digits = opt->digits > 0 && opt->digits <= 17 ? opt->digits : 0;
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
    char *target;
    int direct, rc = writer_resolve(path, &target, &direct, err);
    if (rc) {
        writer_free(w);
        return rc;
    }
    /* messages name the path as given; the rename goes to the target */
    w->path = strdup(path);
    if (!w->path) {
        free(target);
        writer_free(w);
        return trade_error_set(err, TRADE_ENOMEM, path, 0, 0, "out of memory");
    }
    struct stat st;
    int e = 0;
    if (direct) {
        w->fp = fopen(target, "wb");
        e = errno;
        free(target);
    } else {
        w->target = target;
        w->fp = open_temp(target, &w->tmppath, &w->slot);
        /* a replaced file keeps its permissions (a private file stays private) */
        e = errno;
        if (w->fp && stat(target, &st) == 0)
            fchmod(fileno(w->fp), st.st_mode & 07777);
    }
    if (!w->fp) {
        writer_free(w);
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    if (w->format == TRADE_FORMAT_XLSX) {
        int xrc = w->tmppath ? xlsx_sheet_open(&w->xlsx, w->tmppath, err)
                             : trade_error_set(err, TRADE_EARG, path, 0, 0,
                                               "xlsx is written to a regular file");
        if (xrc) {
            trade_writer_discard(w);
            return xrc;
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
    return writer_row(w, (const char *const *)w->names, err);
}

/* trade_number_parse's verdict on the whole of s, in one pass: a '-',
 * digits, a '.' and digits. Negative growth rates start with '-', so every
 * such cell is checked; only a number of more than 308 integer digits,
 * which may overflow, goes to the parser. */
static int is_number(const char *s)
{
    const char *p = s + (*s == '-');
    size_t digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (digits == 0)
        return 0;
    if (*p == '.') {
        const char *f = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p == f)
            return 0;
    }
    if (*p)
        return 0;
    return digits <= 308 || trade_number_parse(s, (size_t)(p - s), NULL) == TRADE_OK;
}

/* A first byte that makes a cell a formula to a spreadsheet: such a cell
 * is neutralised unless it is a number. */
static inline int formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static inline int needs_neutralising(const char *s)
{
    return formula_start(s[0]) && !is_number(s);
}

/* Bytes of CSV text: 1 ends a cell, 2 is one put_csv quotes (and NUL, the
 * end of a C string); 0 the rest, written as it is. */
static const unsigned char plain_class[256] = {[','] = 1, ['"'] = 2, ['\r'] = 2, ['\n'] = 2,
                                               [0] = 2};

/* The bytes at the start of cell s that a CSV writer copies as they are
 * (cells are short: a plain loop beats strcspn). */
static inline size_t plain_len(const char *s)
{
    size_t n = 0;
    while (!plain_class[(unsigned char)s[n]])
        n++;
    return n;
}

/* Bytes of a temporary file between two starts of their write-back. */
#define SYNC_AHEAD ((unsigned long long)32 << 20)

/* A temporary file is synced before it is renamed into place; the disk
 * gets its bytes while the rest is computed instead of all of them at the
 * end (the final fsync of a 1 GB output waited about 0.4 s): where Linux
 * has sync_file_range, the write-back of every SYNC_AHEAD bytes is started
 * without waiting for it. */
static void sync_ahead(trade_writer *w, size_t n)
{
    w->unsynced += n;
    if (!w->tmppath || w->unsynced < SYNC_AHEAD)
        return;
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    if (fflush(w->fp) == 0)
        (void)sync_file_range(fileno(w->fp), (off_t)w->synced, (off_t)w->unsynced,
                              SYNC_FILE_RANGE_WRITE); /* a hint: fsync still decides */
#endif
    w->synced += w->unsynced;
    w->unsynced = 0;
}

/* Hand the buffered bytes to fp. */
static void out_flush(trade_writer *w)
{
    if (w->outlen && fwrite(w->out, 1, w->outlen, w->fp) != w->outlen && !w->failed)
        w->failed = errno ? errno : EIO;
    sync_ahead(w, w->outlen);
    w->outlen = 0;
}

/* Room for n more bytes in the buffer (flushing first), or NULL when n
 * does not fit even in an empty buffer: then the caller writes to fp. */
static char *out_room(trade_writer *w, size_t n)
{
    if (w->part == PART_MEMORY) {
        if (w->partcap - w->outlen < n &&
            (n > SIZE_MAX - w->outlen || ARRAY_GROW(w->out, w->outlen + n, w->partcap))) {
            w->failed = ENOMEM;
            return NULL;
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
    size_t n = plain_len(s);
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

/* Copy the row of plain cells into the buffer's free bytes [p, lim), a
 * comma after each cell and a line end after the last, in one walk over
 * each cell (finding a cell's end and then copying it went over it twice,
 * with a memcpy call per cell). Returns the end of the row; NULL when a
 * cell is not plain or needs neutralising (nothing is counted as written),
 * or lim when the row does not fit. */
static char *copy_plain_row(const trade_writer *w, const char *const *cells, char *p,
                            const char *lim)
{
    for (size_t i = 0; i < w->ncols; i++) {
        const unsigned char *s = (const unsigned char *)(cells[i] ? cells[i] : "");
        if (!w->raw && formula_start((char)*s) && !is_number((const char *)s))
            return NULL;
        while (!plain_class[*s]) {
            if (p == lim)
                return (char *)lim;
            *p++ = (char)*s++;
        }
        if (*s)
            return NULL; /* a byte put_csv quotes */
        if (p == lim)
            return (char *)lim;
        *p++ = i + 1 < w->ncols ? ',' : '\n';
    }
    return p;
}

/* A CSV row whose cells are all written as they are (no comma, quote or
 * line break, nothing to neutralise), copied into the buffer at once: 1,
 * or 0 with nothing written (the caller goes cell by cell). */
static int put_plain_row(trade_writer *w, const char *const *cells)
{
    if (w->ncols == 0)
        return 0;
    for (int tries = 0; tries < 2; tries++) {
        size_t cap = w->part == PART_MEMORY ? w->partcap : OUT_SIZE;
        char *lim = w->out + cap;
        char *end = copy_plain_row(w, cells, w->out + w->outlen, lim);
        if (!end)
            return 0;
        if (end != lim) {
            w->outlen = (size_t)(end - w->out);
            return 1;
        }
        /* the row does not fit: room, once (a row longer than the whole
           buffer goes cell by cell) */
        if (w->part == PART_MEMORY) {
            if (ARRAY_GROW(w->out, w->outlen + OUT_SIZE, w->partcap))
                return 0;
        } else if (w->outlen) {
            out_flush(w);
        } else {
            return 0;
        }
    }
    return 0;
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

/* cells with the numbers of numeric columns rounded to w->digits
 * significant digits (the rest as they are), in buf; NULL when no cell
 * changes or there is no room. */
static const char *const *round_cells(const trade_writer *w, const char *const *cells,
                                      const char **out, char (*buf)[TRADE_NUMBER_BUFSIZE])
{
    int any = 0;
    for (size_t i = 0; i < w->ncols; i++) {
        const char *s = cells[i] ? cells[i] : "";
        double v;
        out[i] = s;
        if (!w->numeric[i] || !*s || trade_number_parse(s, strlen(s), &v) != TRADE_OK)
            continue;
        char e[48];
        snprintf(e, sizeof e, "%.*e", w->digits - 1, v);
        if (trade_number_format(strtod(e, NULL), buf[i], TRADE_NUMBER_BUFSIZE)) {
            out[i] = buf[i];
            any = 1;
        }
    }
    return any ? out : NULL;
}

int trade_writer_row(trade_writer *w, const char *const *cells, trade_error *err)
{
    if (w->digits && w->ncols && w->ncols <= 256) {
        const char *out[256];
        char buf[256][TRADE_NUMBER_BUFSIZE];
        const char *const *r = round_cells(w, cells, out, buf);
        return writer_row(w, r ? r : cells, err);
    }
    return writer_row(w, cells, err);
}

static int writer_row(trade_writer *w, const char *const *cells, trade_error *err)
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
        if (w->format != TRADE_FORMAT_TSV && put_plain_row(w, cells))
            goto written;
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
written:
    /* CSV and TSV reach fp only through out_flush and the long-cell
     * writes, which set failed; JSON lines go to fp directly */
    if (w->failed || (w->fp && w->format == TRADE_FORMAT_JSONL && ferror(w->fp)))
        return trade_error_set(err, TRADE_EIO, w->path ? w->path : "-", 0, 0, "write error: %s",
                               strerror(w->failed ? w->failed : errno));
    return TRADE_OK;
}

/* A cell at p (up to end or a comma) the writer would neutralise. */
static int neutralised_at(const char *p, const char *end)
{
    if (p == end || !formula_start(*p)) /* a '\r' makes the row not plain anyway */
        return 0;
    const char *e = memchr(p, ',', (size_t)(end - p));
    return trade_number_parse(p, (size_t)((e ? e : end) - p), NULL) != TRADE_OK;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PLAIN_SWAR 1
#define ONES8 0x0101010101010101u
#else
#define PLAIN_SWAR 0
#endif

int trade_writer_csv_plain(const char *text, size_t len)
{
    /* the rules of put_csv and needs_neutralising, on a whole row at once:
     * no byte that put_csv quotes (class 2), and no cell that starts with
     * a formula's first byte unless it is a number */
    const char *p = text, *end = text + len;
#if PLAIN_SWAR
    /* eight bytes at a time: a formula byte is looked at only where a cell
     * starts (the rows of a panel have none but a minus) */
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        /* most words: no byte below ',' (which holds NUL, TAB, CR, LF, the
         * quote and '+'; the test is exact as a yes or no) and no '-', '='
         * or '@' */
        if (!(((w - ONES8 * ',') & ~w & (ONES8 * 0x80)) | buf_bytes_eq(w, '-') |
              buf_bytes_eq(w, '=') | buf_bytes_eq(w, '@'))) {
            p += 8;
            continue;
        }
        if (buf_bytes_eq(w, '"') | buf_bytes_eq(w, '\r') | buf_bytes_eq(w, '\n') |
            buf_zero_bytes(w))
            return 0;
        uint64_t f = buf_bytes_eq(w, '=') | buf_bytes_eq(w, '+') | buf_bytes_eq(w, '-') |
                     buf_bytes_eq(w, '@') | buf_bytes_eq(w, '\t');
        while (f) {
            const char *q = p + (unsigned)__builtin_ctzll(f) / 8;
            f &= f - 1;
            if ((q == text || q[-1] == ',') && neutralised_at(q, end))
                return 0;
        }
        p += 8;
    }
#endif
    for (; p < end; p++) {
        if (plain_class[(unsigned char)*p] == 2)
            return 0;
        if ((p == text || p[-1] == ',') && neutralised_at(p, end))
            return 0;
    }
    return 1;
}

int trade_writer_takes_text(const trade_writer *w)
{
    return w && w->format == TRADE_FORMAT_CSV && !w->xlsx && !w->digits;
}

int trade_writer_text(trade_writer *w, const char *text, size_t len, trade_error *err)
{
    if (!trade_writer_takes_text(w))
        return trade_error_set(err, TRADE_EARG, w && w->path ? w->path : "-", 0, 0,
                               "this output does not take rows as text");
    if (!w->out && !(w->out = malloc(OUT_SIZE)))
        return trade_error_set(err, TRADE_ENOMEM, w->path ? w->path : "-", 0, 0,
                               "out of memory");
    out_bytes(w, text, len);
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
        if (!rc && rename(w->tmppath, w->target) != 0)
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
    w->slot = -1; /* (0 would release the main writer's slot when freed) */
    w->format = like->format;
    w->raw = like->raw;
    w->digits = like->digits;
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

/* Copy part's temporary file to the end of w's file inside the kernel
 * (copy_file_range, where Linux has it; half of a streamed import's
 * output, about 500 MB at hs6, came back through user space before): 1 when
 * done, 0 when the caller is to copy (not two regular files, an old
 * kernel, nothing copied). */
static int copy_part(trade_writer *w, trade_writer *part)
{
#if defined(__linux__) && defined(_GNU_SOURCE)
    struct stat st;
    out_flush(w);
    if (w->failed || fflush(w->fp) != 0 || fstat(fileno(part->fp), &st) != 0)
        return 0;
    int in = fileno(part->fp), out = fileno(w->fp);
    loff_t at = 0, size = st.st_size;
    while (at < size) {
        ssize_t n = copy_file_range(in, &at, out, NULL, (size_t)(size - at), 0);
        if (n <= 0) {
            if (at == 0)
                return 0; /* nothing written yet: the caller copies it all */
            w->failed = n < 0 ? errno : EIO;
            return 1;
        }
    }
    if (fseek(w->fp, 0, SEEK_END) != 0) /* the stream takes the file's new end */
        w->failed = errno ? errno : EIO;
    sync_ahead(w, (size_t)size);
    return 1;
#else
    (void)w;
    (void)part;
    return 0;
#endif
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
        if (!rc && w->part != PART_MEMORY && copy_part(w, part))
            (void)fseek(part->fp, 0, SEEK_END); /* copied by the kernel: nothing left */
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
