/* plot_run.c - running gnuplot on a script, without a shell.
 *
 * posix_spawnp starts the program named by TRADE_GNUPLOT (else "gnuplot" on
 * PATH) in the script's folder (posix_spawn_file_actions_addchdir_np), with
 * stdin from /dev/null, so the script's relative output name lands beside
 * it. The only argument built from our own text is out_format='png|svg|pdf'
 * from a fixed list; the script is passed as "./NAME" so a name beginning
 * with '-' is not an option. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trade/plot.h"

extern char **environ;

int trade_plot_render(const char *script_path, const char *format, trade_error *err)
{
    trade_error_clear(err);
    const char *fmt_arg = NULL;
    if (format) {
        trade_plot_terminal term;
        if (trade_plot_terminal_parse(format, &term))
            return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                                   "unknown image format '%s' (png, svg or pdf)", format);
        static const char *const args[] = {"out_format='png'", "out_format='svg'",
                                           "out_format='pdf'"};
        fmt_arg = args[term];
    }
    if (!script_path || !*script_path)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no script to render");
    const char *slash = strrchr(script_path, '/');
    size_t dlen = slash ? (size_t)(slash - script_path) : 1;
    const char *base = slash ? slash + 1 : script_path;
    char *dir = malloc(dlen + 1), *arg = malloc(strlen(base) + 3);
    char prog_abs[PATH_MAX];
    if (!dir || !arg) {
        free(dir), free(arg);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (slash)
        memcpy(dir, script_path, dlen);
    else
        dir[0] = '.';
    if (slash && dlen == 0)
        dir[dlen++] = '/'; /* "/x.gp" */
    dir[dlen] = '\0';
    strcpy(arg, "./");
    strcat(arg, base);

    const char *prog = getenv("TRADE_GNUPLOT");
    if (!prog || !*prog)
        prog = "gnuplot";
    else if (strchr(prog, '/') && prog[0] != '/') {
        /* relative to where we are, not to the script's folder */
        if (!realpath(prog, prog_abs)) {
            int e = errno;
            free(dir), free(arg);
            return trade_error_set(err, TRADE_ENOTFOUND, NULL, 0, 0,
                                   "gnuplot not found: TRADE_GNUPLOT=%s: %s", prog, strerror(e));
        }
        prog = prog_abs;
    }
    char *argv[5];
    int k = 0;
    argv[k++] = (char *)prog;
    if (fmt_arg) {
        argv[k++] = "-e";
        argv[k++] = (char *)fmt_arg;
    }
    argv[k++] = arg;
    argv[k] = NULL;

    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc) {
        free(dir), free(arg);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "posix_spawn: %s", strerror(rc));
    }
    rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (!rc)
        rc = posix_spawn_file_actions_addchdir_np(&fa, dir);
    /* gnuplot gets default signal handling (the trade command ignores
     * SIGPIPE, and an ignored signal would stay ignored across exec) */
    posix_spawnattr_t attr;
    sigset_t dflt;
    int have_attr = !rc && posix_spawnattr_init(&attr) == 0;
    if (have_attr) {
        sigemptyset(&dflt);
        sigaddset(&dflt, SIGPIPE);
        if (posix_spawnattr_setsigdefault(&attr, &dflt) != 0 ||
            posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF) != 0) {
            posix_spawnattr_destroy(&attr);
            have_attr = 0;
        }
    }
    pid_t pid = 0;
    if (!rc)
        rc = posix_spawnp(&pid, prog, &fa, have_attr ? &attr : NULL, argv, environ);
    if (have_attr)
        posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    if (rc) {
        int status = rc == ENOENT || rc == EACCES || rc == ENOEXEC ? TRADE_ENOTFOUND : TRADE_EIO;
        trade_error_set(err, status, script_path, 0, 0,
                        "cannot run gnuplot (%s): %s; install gnuplot-nox or set TRADE_GNUPLOT",
                        prog, strerror(rc));
        free(dir), free(arg);
        return status;
    }
    int ws = 0;
    pid_t w;
    do
        w = waitpid(pid, &ws, 0);
    while (w < 0 && errno == EINTR);
    free(dir), free(arg);
    if (w < 0)
        return trade_error_set(err, TRADE_EIO, script_path, 0, 0, "waiting for gnuplot: %s",
                               strerror(errno));
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 0)
        return TRADE_OK;
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 127)
        return trade_error_set(err, TRADE_ENOTFOUND, script_path, 0, 0,
                               "cannot run gnuplot (%s); install gnuplot-nox or set TRADE_GNUPLOT",
                               prog);
    if (WIFEXITED(ws))
        return trade_error_set(err, TRADE_EIO, script_path, 0, 0, "gnuplot failed (exit status %d)",
                               WEXITSTATUS(ws));
    return trade_error_set(err, TRADE_EIO, script_path, 0, 0, "gnuplot was killed by signal %d",
                           WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
}
