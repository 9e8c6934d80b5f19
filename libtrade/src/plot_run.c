/* plot_run.c - running gnuplot on a script, without a shell, and putting
 * its image in place only when it is whole.
 *
 * posix_spawnp starts the program named by TRADE_GNUPLOT (else "gnuplot" on
 * PATH) with stdin from /dev/null in a fresh temporary folder made beside
 * the script (".trade-XXXXXX", posix_spawn_file_actions_addchdir_np), so the
 * script's relative output name lands there, not over the old image. The
 * only argument built from our own text is out_format='png|svg|pdf' from a
 * fixed list; the script is passed as "../NAME" so a name beginning with '-'
 * is not an option. gnuplot writes images in place and often exits 0 when
 * the disk is full, so the image is checked (a PNG ends with its IEND
 * chunk, an SVG with </svg>, a PDF with %%EOF) and only then written over
 * NAME.<format> with trade_file_write_atomic: a full disk or a file size
 * limit leaves the old image as it was. The folder and the image in it are
 * registered for trade_writer_cleanup, so a signal removes them too. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf_internal.h"
#include "trade/plot.h"
#include "trade/writer.h"
#include "writer_internal.h"

extern char **environ;

/* Run gnuplot on script_path in workdir (NULL: the script's folder) with
 * the script named script_arg there (NULL: "./NAME") and, when fmt_arg is
 * not NULL, "-e fmt_arg" first. */
static int plot_run(const char *script_path, const char *workdir, const char *script_arg,
                    const char *fmt_arg, trade_error *err)
{
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
    if (workdir) {
        char *wd = strdup(workdir), *sa = strdup(script_arg);
        if (!wd || !sa) {
            free(wd), free(sa), free(dir), free(arg);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        }
        free(dir), free(arg);
        dir = wd;
        arg = sa;
    }

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
        sigaddset(&dflt, SIGXFSZ); /* past ulimit -f: killed, and told so */
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
    int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
    return trade_error_set(err, TRADE_EIO, script_path, 0, 0, "gnuplot was killed by signal %d (%s)",
                           sig, sig == SIGXFSZ ? "file size limit exceeded" : strsignal(sig));
}

/* Remove the temporary folder and whatever gnuplot left in it. */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        size_t dl = strlen(dir);
        for (struct dirent *e; (e = readdir(d)) != NULL;) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *p = malloc(dl + strlen(e->d_name) + 2);
            if (!p)
                continue;
            sprintf(p, "%s/%s", dir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Whole image of format ext ("png", "svg", "pdf") in data[0..n)? NULL, or
 * what is wrong with it. */
static const char *image_problem(const char *ext, const unsigned char *data, size_t n)
{
    if (n == 0)
        return "it is empty";
    if (!strcmp(ext, "png")) {
        static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        static const unsigned char iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
        if (n < 8 + 12 || memcmp(data, sig, 8) != 0)
            return "not a PNG";
        if (memcmp(data + n - 12, iend, 12) != 0)
            return "a truncated PNG (no IEND chunk at the end)";
        return NULL;
    }
    /* SVG and PDF: the closing mark, then only white space */
    size_t end = n;
    while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == '\r' || data[end - 1] == ' ' ||
                       data[end - 1] == '\t'))
        end--;
    if (!strcmp(ext, "svg")) {
        if (end < 6 || memcmp(data + end - 6, "</svg>", 6) != 0)
            return "a truncated SVG (no </svg> at the end)";
        return NULL;
    }
    if (n < 5 || memcmp(data, "%PDF-", 5) != 0)
        return "not a PDF";
    if (end < 5 || memcmp(data + end - 5, "%%EOF", 5) != 0)
        return "a truncated PDF (no %%EOF at the end)";
    return NULL;
}

/* Read the whole of path into *data (malloc'd), *n bytes. 0 or errno. */
static int read_whole(const char *path, unsigned char **data, size_t *n)
{
    *data = NULL;
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    int e = 0;
    while (buf) {
        if (ARRAY_GROW(buf, len + 1, cap)) {
            free(buf);
            buf = NULL;
            break;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f))
                e = errno ? errno : EIO;
            break;
        }
    }
    fclose(f);
    if (!buf)
        return ENOMEM;
    if (e) {
        free(buf);
        return e;
    }
    *data = buf;
    *n = len;
    return 0;
}

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
        if (ARRAY_GROW(p, n + k + 1, cap)) {
            free(p);
            fclose(f);
            return NULL;
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

const char *trade_plot_script_title(const char *script, size_t *len)
{
    static const char key[] = "\nsvg_title = '";
    const char *t = script ? strstr(script, key) : NULL;
    const char *e = t ? strstr(t + sizeof key - 1, "'\n") : NULL;
    if (!e) {
        if (len)
            *len = 0;
        return NULL;
    }
    t += sizeof key - 1;
    if (len)
        *len = (size_t)(e - t);
    return t;
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
    size_t tlen;
    const char *t = trade_plot_script_title(gp, &tlen), *e = t ? t + tlen : NULL;
    char *svgp = malloc(sl + 2);
    if (!is_svg || !t || !svgp) {
        free(gp), free(svgp);
        return TRADE_OK;
    }
    memcpy(svgp, script_path, sl - 3);
    strcpy(svgp + sl - 3, ".svg");
    char *svg = slurp(svgp, &vlen);
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
    if (!format) {
        int rc0 = plot_run(script_path, NULL, NULL, NULL, err);
        return rc0 ? rc0 : svg_retitle(script_path, format, err);
    }
    trade_plot_terminal term;
    if (trade_plot_terminal_parse(format, &term))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0,
                               "unknown image format '%s' (png, svg or pdf)", format);
    if (!script_path || !*script_path)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no script to render");
    const char *ext = trade_plot_terminal_ext(term);
    const char *slash = strrchr(script_path, '/');
    const char *base = slash ? slash + 1 : script_path;
    size_t dlen = slash ? (size_t)(slash - script_path) + 1 : 0, blen = strlen(base);
    size_t stem = blen > 3 && !strcmp(base + blen - 3, ".gp") ? blen - 3 : blen;
    /* the image: NAME.<ext> beside the script, NAME exactly as in the
     * script's file name; gnuplot's own name for it is NAME as the script
     * quotes it (plot_buf_quote: ' as U+2019, control characters as spaces) */
    size_t cap = dlen + 3 * blen + 32;
    char *tmpdir = malloc(dlen + 16), *image = malloc(cap), *dest = malloc(dlen + blen + 8);
    if (!tmpdir || !image || !dest) {
        free(tmpdir), free(image), free(dest);
        return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
    }
    memcpy(tmpdir, script_path, dlen);
    strcpy(tmpdir + dlen, ".trade-XXXXXX");
    sprintf(dest, "%.*s.%s", (int)(dlen + stem), script_path, ext);
    int dslot;
    if (writer_temp_create(tmpdir, 1, &dslot) < 0) {
        int e = errno;
        free(tmpdir), free(image), free(dest);
        return trade_error_set(err, TRADE_EIO, script_path, 0, 0,
                               "cannot make a temporary folder beside it: %s", strerror(e));
    }
    size_t k = (size_t)sprintf(image, "%s/", tmpdir);
    for (size_t i = 0; i < stem; i++) {
        unsigned char c = (unsigned char)base[i];
        if (c == '\'') {
            memcpy(image + k, "\xe2\x80\x99", 3);
            k += 3;
        } else {
            image[k++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        }
    }
    sprintf(image + k, ".%s", ext);
    int fslot = writer_temp_register(image, 0);

    char arg_script[PATH_MAX];
    snprintf(arg_script, sizeof arg_script, "../%s", base);
    static const char *const args[] = {"out_format='png'", "out_format='svg'", "out_format='pdf'"};
    int rc = plot_run(script_path, tmpdir, arg_script, args[term], err);
    unsigned char *data = NULL;
    size_t n = 0;
    if (!rc) {
        int e = read_whole(image, &data, &n);
        const char *why = e ? NULL : image_problem(ext, data, n);
        if (e == ENOENT)
            rc = trade_error_set(err, TRADE_EIO, script_path, 0, 0,
                                 "gnuplot wrote no image (%.*s.%s)", (int)stem, base, ext);
        else if (e)
            rc = trade_error_set(err, e == ENOMEM ? TRADE_ENOMEM : TRADE_EIO, script_path, 0, 0,
                                 "cannot read gnuplot's image: %s", strerror(e));
        else if (why)
            rc = trade_error_set(err, TRADE_EIO, dest, 0, 0,
                                 "not written: gnuplot made %s (is the disk full?)", why);
    }
    if (!rc)
        rc = trade_file_write_atomic(dest, data, n, err);
    if (!rc && term == TRADE_PLOT_SVG)
        rc = svg_retitle(script_path, format, err);
    free(data);
    remove_tree(tmpdir);
    writer_temp_release(fslot);
    writer_temp_release(dslot);
    free(tmpdir), free(image), free(dest);
    return rc;
}
