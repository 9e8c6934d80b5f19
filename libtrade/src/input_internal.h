/* input_internal.h - reading a file as it was downloaded: plain, or
 * compressed with gzip, zstd, xz or bzip2, or a zip archive, told apart by
 * content (the first bytes), never by name. libarchive does the work; this
 * module only picks which of its filters and formats may run (built-in
 * decompressors only, never an external program) and gives the readers one
 * byte stream per member. Also: the temporary file of the readers that need
 * a seekable copy, created in TMPDIR (else /tmp) and unlinked at once. */
#ifndef TRADE_INPUT_INTERNAL_H
#define TRADE_INPUT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "trade/error.h"

/* What the first bytes say. */
typedef enum inp_kind { INP_PLAIN = 0, INP_GZIP, INP_ZSTD, INP_XZ, INP_BZIP2, INP_ZIP } inp_kind;

/* The kind of content starting with b[0..n). */
inp_kind inp_sniff(const unsigned char *b, size_t n);

/* The kind of the regular file open on fd (read with pread at offset 0,
 * the file position is not moved); INP_PLAIN when it cannot be read. */
inp_kind inp_sniff_fd(int fd);

typedef struct inp inp;

/* Open fd (owned by the caller, read from its current position) for
 * streaming. name is used in messages. Plain text passes through as one
 * member. TRADE_ENOMEM, TRADE_EIO. */
int inp_open_fd(inp **out, int fd, const char *name, trade_error *err);

/* The same on a stream (whose buffered bytes are read first). */
int inp_open_file(inp **out, FILE *fp, const char *name, trade_error *err);

/* 1 when a stream whose first byte is c may be compressed or an archive
 * (for a stream that cannot be sniffed without reading it: such a stream
 * goes through inp_open_file, which passes plain text through). */
int inp_maybe_compressed(int c);

/* Move to the next member: 1 with *member set to its name (NULL when the
 * input is not an archive; the string lives until the next call), 0 at the
 * end, or a negative TRADE_E* status. Directory entries are skipped. */
int inp_next(inp *in, const char **member, trade_error *err);

/* Read up to size bytes of the current member into buf; *got is 0 at its
 * end. Returns 0 or a TRADE_E* status (a corrupt stream is TRADE_EIO). */
int inp_read(inp *in, char *buf, size_t size, size_t *got, trade_error *err);

/* 1 when the input is a zip archive (set after the first inp_next). */
int inp_is_archive(const inp *in);

void inp_close(inp *in);

/* A new temporary file in $TMPDIR (or /tmp), already unlinked: its
 * descriptor, or -1 with errno set. */
int inp_tmpfile(void);

/* A member name for messages and for the source column: "ARCHIVE(MEMBER)"
 * with the archive's base name, as ar(1) and make(1) name members. */
void inp_member_label(char *out, size_t size, const char *archive, const char *member);

/* Ask the kernel to read ahead of a pass from the front to the back of
 * the regular file open on fd (size bytes): a wider read-ahead, and the
 * whole file read in the background when it takes at most a quarter of the
 * machine's memory (growth and rank read the import's output right after
 * it was written, when part of it may have left the page cache: the first
 * pass then waited on every 256 KB read). A hint only: nothing fails. */
void inp_read_ahead(int fd, unsigned long long size);

/* The base name of path ("-" is "stdin"). */
const char *inp_basename(const char *path);

#endif
