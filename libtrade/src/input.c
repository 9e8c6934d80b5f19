/* input.c - compressed and archived input through libarchive (see
 * input_internal.h). Only the decompressors libarchive has built in are
 * enabled (gzip, zstd, xz, bzip2) and the zip and raw formats: raw passes
 * plain text and a lone compressed stream through as one member, zip gives
 * one member per file it holds. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input_internal.h"

#ifdef EFTYPE
#define EFTYPE_OR_0 EFTYPE
#else
#define EFTYPE_OR_0 0
#endif

struct inp {
    struct archive *a;
    int empty;
    const char *name;
    int started, archive, eof, raw_done;
};

inp_kind inp_sniff(const unsigned char *b, size_t n)
{
    if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
        return INP_GZIP;
    if (n >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd)
        return INP_ZSTD;
    if (n >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)
        return INP_XZ;
    if (n >= 3 && memcmp(b, "BZh", 3) == 0 && n >= 4 && b[3] >= '1' && b[3] <= '9')
        return INP_BZIP2;
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' &&
        ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8)))
        return INP_ZIP;
    return INP_PLAIN;
}

inp_kind inp_sniff_fd(int fd)
{
    unsigned char b[8];
    ssize_t n;
    do
        n = pread(fd, b, sizeof b, 0);
    while (n < 0 && errno == EINTR);
    return n > 0 ? inp_sniff(b, (size_t)n) : INP_PLAIN;
}

/* The raw format takes any byte, so a refusal with no format chosen means
 * the (decompressed) stream has no byte: an empty file, not an error. */
static int arc_nothing(inp *in)
{
    return archive_format(in->a) == 0 && archive_errno(in->a) == EILSEQ;
}

static int arc_error(inp *in, trade_error *err)
{
    const char *m = archive_error_string(in->a);
    int e = archive_errno(in->a);
    /* a system error is I/O; libarchive's own codes mean corrupt data */
    int code = e > 0 && e != EILSEQ && e != EINVAL && e != EFTYPE_OR_0 ? TRADE_EIO : TRADE_EDATA;
    return trade_error_set(err, code, in->name, 0, 0, "cannot decompress: %s",
                           m ? m : "corrupt or unsupported data");
}

static int inp_open(inp **out, int fd, FILE *fp, const char *name, trade_error *err)
{
    *out = NULL;
    inp *in = calloc(1, sizeof *in);
    if (!in || !(in->a = archive_read_new())) {
        free(in);
        return trade_error_set(err, TRADE_ENOMEM, name, 0, 0, "out of memory");
    }
    in->name = name;
    /* built-in decompressors only: for a filter it lacks, libarchive would
     * run an external program; such a filter is refused here (a warning) */
    if (archive_read_support_filter_gzip(in->a) != ARCHIVE_OK ||
        archive_read_support_filter_zstd(in->a) != ARCHIVE_OK ||
        archive_read_support_filter_xz(in->a) != ARCHIVE_OK ||
        archive_read_support_filter_bzip2(in->a) != ARCHIVE_OK ||
        archive_read_support_format_zip(in->a) != ARCHIVE_OK ||
        archive_read_support_format_raw(in->a) != ARCHIVE_OK ||
        (fp ? archive_read_open_FILE(in->a, fp) : archive_read_open_fd(in->a, fd, 1 << 16)) !=
            ARCHIVE_OK) {
        if (arc_nothing(in)) {
            in->empty = 1;
            *out = in;
            return 0;
        }
        int rc = arc_error(in, err);
        inp_close(in);
        return rc;
    }
    *out = in;
    return 0;
}

int inp_open_fd(inp **out, int fd, const char *name, trade_error *err)
{
    return inp_open(out, fd, NULL, name, err);
}

int inp_open_file(inp **out, FILE *fp, const char *name, trade_error *err)
{
    return inp_open(out, -1, fp, name, err);
}

int inp_maybe_compressed(int c)
{
    return c == 0x1f || c == 0x28 || c == 0xfd || c == 'B' || c == 'P';
}

int inp_next(inp *in, const char **member, trade_error *err)
{
    *member = NULL;
    if (in->empty) {
        in->eof = 1;
        in->started = 1;
        in->empty = 0;
        return 1;
    }
    for (;;) {
        if (in->eof)
            return 0;
        struct archive_entry *e;
        int r = archive_read_next_header(in->a, &e);
        if (r == ARCHIVE_EOF) {
            in->eof = 1;
            if (!in->started) { /* empty input: one empty member */
                in->started = 1;
                return 1;
            }
            return 0;
        }
        if (r < ARCHIVE_WARN) {
            if (!in->started && arc_nothing(in)) {
                in->started = 1;
                in->eof = 1;
                return 1;
            }
            return -arc_error(in, err);
        }
        in->started = 1;
        in->archive = archive_format(in->a) != ARCHIVE_FORMAT_RAW;
        if (!in->archive)
            return 1;
        if (archive_entry_filetype(e) == AE_IFDIR)
            continue;
        *member = archive_entry_pathname(e);
        if (!*member)
            *member = "?";
        return 1;
    }
}

int inp_read(inp *in, char *buf, size_t size, size_t *got, trade_error *err)
{
    *got = 0;
    if (in->eof && !in->archive)
        return 0;
    for (;;) {
        la_ssize_t n = archive_read_data(in->a, buf, size);
        if (n == ARCHIVE_RETRY)
            continue;
        if (n < 0)
            return arc_error(in, err);
        *got = (size_t)n;
        return 0;
    }
}

int inp_is_archive(const inp *in)
{
    return in->archive;
}

void inp_close(inp *in)
{
    if (!in)
        return;
    if (in->a)
        archive_read_free(in->a);
    free(in);
}

int inp_tmpfile(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/trade-XXXXXX";
    char *p = malloc(n);
    if (!p) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(p, n, "%s/trade-XXXXXX", dir);
    int fd = mkstemp(p);
    if (fd >= 0)
        unlink(p);
    free(p);
    return fd;
}

const char *inp_basename(const char *path)
{
    if (!strcmp(path, "-") || !strcmp(path, "stdin"))
        return "stdin";
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

void inp_member_label(char *out, size_t size, const char *archive, const char *member)
{
    snprintf(out, size, "%s(%s)", inp_basename(archive), member);
}

void inp_read_ahead(int fd, unsigned long long size)
{
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0 && size <= (unsigned long long)pages * (unsigned long long)page / 4)
        (void)posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
}
