/* fuzz_import.c - libFuzzer target for the bulk import readers through the
 * public import API: trade_import_baci, trade_import_comtrade and
 * trade_import_partial.
 *
 * The first byte picks the reader (BACI, Comtrade, partial), the product
 * level (total, HS2, HS4, HS6), quantities, keep_unknown and one or two
 * threads; the rest is the file, handed over as /proc/self/fd/N of a memfd
 * (the API reads paths; a memfd keeps it in memory). Checks besides ASan and
 * UBSan:
 * - a failure has its code in the record, a message, and no control byte in
 *   the message or the file name (the library's one rule for messages);
 * - after trade_import_finish, every group has a year 1..9999, a month 0..12,
 *   known country codes, one of the four flows, a product of at most 7
 *   bytes (none at the total level), plain decimal sums (no exponent),
 *   rows >= 1 and quantity_rows <= rows, and the groups come in strictly
 *   increasing (period, reporter, partner, product, flow) order;
 * - the map-reduce property: the groups written as a partial file (as
 *   `trade import --partial` writes them, with the options column and the
 *   sources) and read back with
 *   trade_import_partial give the same groups, sums and counts. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "trade/trade.h"

static int fd_in = -1, fd_part = -1;
static char path_in[64], path_part[64];

static int fill(int fd, const void *data, size_t size)
{
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    const char *p = data;
    while (size) {
        ssize_t n = write(fd, p, size);
        if (n <= 0)
            return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static void check_error(int rc, const trade_error *err)
{
    if (err->code != rc || !err->message[0])
        __builtin_trap();
    for (const unsigned char *s = (const unsigned char *)err->message; *s; s++)
        if (*s < 0x20 || *s == 0x7f || (s[0] == 0xC2 && s[1] >= 0x80 && s[1] < 0xA0))
            __builtin_trap();
    for (const unsigned char *s = (const unsigned char *)err->file; *s; s++)
        if (*s < 0x20 || *s == 0x7f)
            __builtin_trap();
}

static int plain_decimal(const char *s)
{
    if (*s == '-')
        s++;
    if (*s < '0' || *s > '9')
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* a before b in the documented order: <0, 0 (same key), >0 */
static int key_cmp(const trade_import_group *a, const trade_import_group *b)
{
    int pa = a->year * 13 + a->month, pb = b->year * 13 + b->month;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    int c = strcmp(a->reporter, b->reporter);
    if (!c)
        c = strcmp(a->partner, b->partner);
    if (!c)
        c = strcmp(a->product, b->product);
    if (!c)
        c = strcmp(a->flow, b->flow);
    return c;
}

static void check_groups(const trade_import *im, int level)
{
    size_t n = trade_import_count(im);
    trade_import_group g, prev;
    for (size_t i = 0; i < n; i++) {
        if (trade_import_get(im, i, &g) != TRADE_OK)
            __builtin_trap();
        if (g.year < 1 || g.year > 9999 || g.month < 0 || g.month > 12)
            __builtin_trap();
        if (!g.reporter || !g.partner || !trade_country_valid(g.reporter) ||
            !trade_country_valid(g.partner))
            __builtin_trap();
        if (strcmp(g.flow, "export") && strcmp(g.flow, "import") && strcmp(g.flow, "reexport") &&
            strcmp(g.flow, "reimport"))
            __builtin_trap();
        if (strlen(g.product) > 7 || (level == TRADE_IMPORT_TOTAL && g.product[0]))
            __builtin_trap();
        if (!plain_decimal(g.value) || (g.quantity[0] && !plain_decimal(g.quantity)))
            __builtin_trap();
        if (g.rows < 1 || g.quantity_rows > g.rows)
            __builtin_trap();
        if (i && key_cmp(&prev, &g) >= 0)
            __builtin_trap(); /* sorted, and each key once */
        prev = g;
    }
    trade_import_group past;
    if (trade_import_get(im, n, &past) != TRADE_EARG)
        __builtin_trap();
}

/* One CSV cell into buf at *k: quoted when it holds a comma, quote or line end. */
static void put_cell(char *buf, size_t *k, const char *s)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        buf[(*k)++] = '"';
    for (; *s; s++) {
        if (*s == '"')
            buf[(*k)++] = '"';
        buf[(*k)++] = *s;
    }
    if (quote)
        buf[(*k)++] = '"';
}

/* The groups as a partial file, read back: the same groups. */
static void check_partial_round_trip(const trade_import *im, const trade_import_options *opt)
{
    size_t n = trade_import_count(im);
    size_t cap = 512 + n * 1024, k = 0;
    char *buf = malloc(cap);
    if (!buf)
        return;
    const char *const *cols = trade_import_partial_columns();
    char *meta = trade_import_partial_meta(im);
    if (!meta || strlen(meta) > 200) {
        free(meta);
        free(buf);
        return;
    }
    for (size_t c = 0; cols[c]; c++) {
        if (c)
            buf[k++] = ',';
        k += (size_t)sprintf(buf + k, "%s", cols[c]);
    }
    buf[k++] = ',';
    put_cell(buf, &k, meta); /* the options column */
    free(meta);
    buf[k++] = '\n';
    trade_import_group g;
    for (size_t i = 0; i < n; i++) {
        trade_import_get(im, i, &g);
        if (g.month)
            k += (size_t)sprintf(buf + k, "%04d-%02d,", g.year, g.month);
        else
            k += (size_t)sprintf(buf + k, "%04d,", g.year);
        k += (size_t)sprintf(buf + k, "%s,%s,%s,", g.reporter, g.partner, g.flow);
        put_cell(buf, &k, g.product);
        k += (size_t)sprintf(buf + k, ",%s,%s,%llu,%llu,", g.value,
                             g.quantity[0] ? g.quantity : "0", (unsigned long long)g.rows,
                             (unsigned long long)g.quantity_rows);
        if (strlen(g.source ? g.source : "") > 200) {
            free(buf);
            return;
        }
        put_cell(buf, &k, g.source ? g.source : "");
        buf[k++] = ',';
        buf[k++] = '\n';
    }
    trade_import *back = NULL;
    trade_error err;
    if (fill(fd_part, buf, k) != 0 || trade_import_new(&back, opt, &err) != TRADE_OK) {
        free(buf);
        trade_import_free(back);
        return;
    }
    free(buf);
    int rc = trade_import_partial(back, path_part, &err);
    if (rc == TRADE_ENOMEM) {
        trade_import_free(back);
        return;
    }
    if (rc != TRADE_OK || trade_import_finish(back, &err) != TRADE_OK)
        __builtin_trap(); /* our own partial file must be read back */
    if (trade_import_count(back) != n)
        __builtin_trap();
    trade_import_group h;
    for (size_t i = 0; i < n; i++) {
        trade_import_get(im, i, &g);
        trade_import_get(back, i, &h);
        if (key_cmp(&g, &h) != 0 || strcmp(g.value, h.value) != 0 || g.rows != h.rows ||
            g.quantity_rows != h.quantity_rows)
            __builtin_trap();
        if (g.quantity[0] && strcmp(g.quantity, h.quantity) != 0)
            __builtin_trap();
    }
    trade_import_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (fd_in < 0) {
        fd_in = memfd_create("fuzz_import_in", 0);
        fd_part = memfd_create("fuzz_import_part", 0);
        if (fd_in < 0 || fd_part < 0)
            __builtin_trap();
        snprintf(path_in, sizeof path_in, "/proc/self/fd/%d", fd_in);
        snprintf(path_part, sizeof path_part, "/proc/self/fd/%d", fd_part);
    }
    uint8_t mode = data[0];
    data++;
    size--;
    static const trade_import_level levels[] = {TRADE_IMPORT_TOTAL, TRADE_IMPORT_HS2,
                                                TRADE_IMPORT_HS4, TRADE_IMPORT_HS6};
    trade_import_options opt;
    memset(&opt, 0, sizeof opt);
    opt.level = levels[(mode >> 2) & 3];
    opt.with_quantity = (mode >> 4) & 1;
    opt.keep_unknown = (mode >> 5) & 1;
    opt.threads = (mode >> 6) & 1 ? 2 : 1;
    if (fill(fd_in, data, size) != 0)
        return 0;
    trade_import *im = NULL;
    trade_error err;
    if (trade_import_new(&im, &opt, &err) != TRADE_OK)
        return 0;
    int reader = mode & 3, rc;
    if (reader == 0 || reader == 3)
        rc = trade_import_baci(im, path_in, &err);
    else if (reader == 1)
        rc = trade_import_comtrade(im, path_in, &err);
    else
        rc = trade_import_partial(im, path_in, &err);
    if (rc != TRADE_OK)
        check_error(rc, &err);
    /* on error the importer keeps what earlier files added: finish anyway */
    int frc = trade_import_finish(im, &err);
    if (frc == TRADE_OK) {
        check_groups(im, opt.level);
        if (rc == TRADE_OK)
            check_partial_round_trip(im, &opt);
    } else {
        check_error(frc, &err);
    }
    trade_import_free(im);
    return 0;
}
