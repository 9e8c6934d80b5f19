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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trade/plot.h"
#include "trade/writer.h"

extern char **environ;

/* Read a whole small file; NULL on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *p = NULL;
    size_t n = 0, cap = 0, k;
    char chunk[65536];
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + k + 1 > cap) {
            cap = (n + k + 1) * 2;
            char *q = realloc(p, cap);
            if (!q) {
                free(p);
                fclose(f);
                return NULL;
            }
            p = q;
        }
        memcpy(p + n, chunk, k);
        n += k;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad || !p) {
        free(p);
        return NULL;
    }
    p[n] = '\0';
    *len = n;
    return p;
}

/* gnuplot's SVG says <title>Gnuplot</title>: put the chart's title there,
 * from the script's line  svg_title = '...'  (single-quoted by the plot
 * module: no quote inside), XML-escaped. The SVG is NAME.svg beside
 * NAME.gp. A script without svg_title or an SVG not found is left alone. */
static int svg_retitle(const char *script_path, const char *format, trade_error *err)
{
    size_t sl = strlen(script_path), glen = 0, vlen = 0;
    if (sl < 4 || strcmp(script_path + sl - 3, ".gp"))
        return TRADE_OK;
    char *gp = slurp(script_path, &glen);
    if (!gp)
        return TRADE_OK;
    int is_svg = format ? !strcmp(format, "svg") : strstr(gp, "out_format = 'svg'") != NULL;
    const char *t = strstr(gp, "\nsvg_title = '");
    char *svgp = malloc(sl + 2);
    if (!is_svg || !t || !svgp) {
        free(gp), free(svgp);
        return TRADE_OK;
    }
    t += strlen("\nsvg_title = '");
    const char *e = strstr(t, "'\n");
    memcpy(svgp, script_path, sl - 3);
    strcpy(svgp + sl - 3, ".svg");
    char *svg = e ? slurp(svgp, &vlen) : NULL;
    const char *old = svg ? strstr(svg, "<title>Gnuplot</title>") : NULL;
    int rc = TRADE_OK;
    if (old) {
        size_t tl = (size_t)(e - t), cap = vlen + tl * 6 + 32, n = 0;
        char *out = malloc(cap);
        if (!out) {
            rc = trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        } else {
            size_t pre = (size_t)(old - svg);
            memcpy(out, svg, pre);
            n = pre;
            memcpy(out + n, "<title>", 7);
            n += 7;
            for (const char *c = t; c < e; c++) {
                const char *rep = *c == '&' ? "&amp;" : *c == '<' ? "&lt;" : *c == '>' ? "&gt;" : NULL;
                if (rep) {
                    memcpy(out + n, rep, strlen(rep));
                    n += strlen(rep);
                } else {
                    out[n++] = *c;
                }
            }
            memcpy(out + n, "</title>", 8);
            n += 8;
            size_t rest = vlen - pre - strlen("<title>Gnuplot</title>");
            memcpy(out + n, old + strlen("<title>Gnuplot</title>"), rest);
            n += rest;
            rc = trade_file_write_atomic(svgp, out, n, err);
            free(out);
        }
    }
    free(svg), free(gp), free(svgp);
    return rc;
}

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
        return svg_retitle(script_path, format, err);
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
