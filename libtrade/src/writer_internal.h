/* writer_internal.h - where an output really goes, and the registry of
 * temporary files that trade_writer_cleanup removes (shared by writer.c and
 * plot_run.c, which renders images through a temporary folder). */
#ifndef TRADE_WRITER_INTERNAL_H
#define TRADE_WRITER_INTERNAL_H

#include <pthread.h>

#include "trade/error.h"
#include "trade/writer.h"

/* What trade_writer_open does with a path (see writer.h): *target gets the
 * file to replace (symbolic links followed, malloc'd) and *direct is 1 when
 * the path must be written in place (a device, a FIFO, a link under /dev or
 * /proc such as /dev/stdout or /proc/self/fd/1). Refuses an empty name, a
 * folder and an existing file without write permission. Returns 0,
 * TRADE_EARG, TRADE_EIO or TRADE_ENOMEM with err filled (named by path). */
int writer_resolve(const char *path, char **target, int *direct, trade_error *err);

/* Register a temporary file (is_dir 0) or an empty temporary folder (1)
 * for trade_writer_cleanup. Returns a slot number to release, or -1 when
 * every slot is taken or the name is too long (the file is then simply not
 * cleaned up by a signal). */
int writer_temp_register(const char *path, int is_dir);

/* mkstemp (is_dir 0: returns the descriptor) or mkdtemp (1: returns 0) on
 * template, and register the name it made, with SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT blocked in between so no handler runs before the name is known.
 * Returns -1 with errno set on failure (*slot -1). */
int writer_temp_create(char *template, int is_dir, int *slot);

/* Every thread the library starts is started by trade_writer_thread_create
 * (writer.h). */

/* Forget slot (from writer_temp_register; -1 does nothing). */
void writer_temp_release(int slot);

#endif
