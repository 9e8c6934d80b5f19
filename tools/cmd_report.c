/* cmd_report.c - trade report: the tables, charts and one HTML page for any
 * folder of observation CSV files.
 *
 * The folder is read once into one table. The charts are chosen by a small
 * file beside the data, DIR/report.conf (format in the help below and in
 * datasets/report.conf), or automatically: one per reporter, flow, unit,
 * label and kind of period (figures of a year or less, totals over several
 * years), so that stocks and flows, levels and growth rates, annual and
 * multi-year figures never share an axis. Each chart is the plot module
 * drawing a selection of the one table's rows (trade_plot_options.rows);
 * every row it leaves out comes back with the reason, and the page lists
 * every observation no chart drew, with that reason.
 *
 * OUTDIR/.trade-report names the files a run wrote there: the next run
 * removes those it does not write again (stale charts) and never reads them
 * as input (so `report ds -o ds` works every time); no other file of OUTDIR
 * is touched. A failing step is reported and the rest still runs; the exit
 * status is the worst one. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade report [DIR] -o OUTDIR [--title TEXT] [--subtitle TEXT] [--config FILE]\n"
    "                    [--plots-dir DIR] [--no-render]\n"
    "\n"
    "Read every *.csv in DIR (default: datasets) through the format's checks and\n"
    "write into OUTDIR:\n"
    "  growth.csv, ranks.csv, stats.csv, fit.csv, check.csv  as trade growth,\n"
    "      trade rank, trade stats, trade fit and trade check write them;\n"
    "  compare.csv  one row per measure: measure (balance = exports - imports,\n"
    "      coverage = exports / imports, total = exports + imports; share_pct =\n"
    "      100 * value / the sum of its reporter, flow, period and unit),\n"
    "      reporter, partner, flow, period, unit, product, value, status, source,\n"
    "      locator;\n"
    "  NAME.gp, NAME.png, NAME.svg, NAME.pdf  one chart per group of figures;\n"
    "  report.xlsx  every table as a sheet, and the sources;\n"
    "  index.html  every chart with its figures and their sources, the figures\n"
    "      no chart drew (with the reason), the consistency verdicts explained;\n"
    "      relative links only, no external assets.\n"
    "\n"
    "The charts: DIR/report.conf when it is there (or --config FILE), else one\n"
    "per reporter, flow, unit, label and kind of period. report.conf is lines of\n"
    "KEY = VALUE; '#' starts a comment; [chart SLUG] starts a chart:\n"
    "  title = TEXT          the page title (before any [chart]), or the chart's\n"
    "  subtitle = TEXT       the line under the page title\n"
    "  kind = line|bars|rank|growth   growth: the rates trade growth computes\n"
    "  reporter = A,B  partner = ...  flow = ...  unit = ...  period = P\n"
    "                        which figures (comma lists; absent: any)\n"
    "  caption = TEXT        the text under the chart\n"
    "Figures no [chart] draws get automatic charts. The period drawn is added to\n"
    "every chart title that does not name it.\n"
    "\n"
    "options:\n"
    "  -o, --output OUTDIR   the folder to write (created if missing; required)\n"
    "      --title TEXT      the page title (default: report.conf's, else made\n"
    "                        from the reporters)\n"
    "      --subtitle TEXT   the line under it\n"
    "      --config FILE     the chart list (default: DIR/report.conf if present)\n"
    "      --plots-dir DIR   also copy each chart's .gp and .png into DIR\n"
    "      --no-render       write the scripts but do not run gnuplot\n"
    "      --help            show this help\n"
    "\n"
    "exit status: 0 ok, 1 bad data, 2 usage, I/O, a failed step or a missing\n"
    "gnuplot (the rest is still written).\n"
    "\n"
    "example:\n"
    "  trade report datasets -o report && xdg-open report/index.html\n";

enum { OPT_PLOTS_DIR = 1, OPT_NO_RENDER, OPT_TITLE, OPT_SUBTITLE, OPT_CONFIG };

#define MANIFEST ".trade-report"

static int progress;

static void note(const char *fmt, const char *arg)
{
    if (progress) {
        fputs("trade report: ", stderr);
        fprintf(stderr, fmt, arg);
        fputc('\n', stderr);
    }
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- a list of names (the manifest) ---- */

typedef struct names {
    char **v;
    size_t n, cap;
} names;

static int names_add(names *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], name))
            return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    if (!(s->v[s->n] = strdup(name)))
        return -1;
    s->n++;
    return 0;
}

static int names_has(const names *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], name))
            return 1;
    return 0;
}

static void names_free(names *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* The names in DIR/.trade-report: plain file names, one a line. */
static void manifest_read(const char *dir, names *out)
{
    char *path = join(dir, MANIFEST);
    FILE *f = path ? fopen(path, "r") : NULL;
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] && line[0] != '#' && line[0] != '.' && !strchr(line, '/'))
            names_add(out, line);
    }
    if (f)
        fclose(f);
    free(path);
}

static int manifest_write(const char *dir, const names *s)
{
    char *path = join(dir, MANIFEST);
    size_t cap = 256;
    for (size_t i = 0; i < s->n; i++)
        cap += strlen(s->v[i]) + 1;
    char *buf = malloc(cap);
    if (!path || !buf) {
        free(path), free(buf);
        return -1;
    }
    size_t len = (size_t)snprintf(buf, cap,
                                  "# files written here by trade report: the next run removes\n"
                                  "# those it does not write again and never reads them as input\n");
    for (size_t i = 0; i < s->n; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s\n", s->v[i]);
    trade_error err;
    int rc = trade_file_write_atomic(path, buf, len, &err);
    if (rc)
        cli_print_error(&err);
    free(path), free(buf);
    return rc ? -1 : 0;
}

/* Remove what an earlier run wrote in dir and this one did not. */
static void remove_stale(const char *dir, const names *old, const names *now)
{
    for (size_t i = 0; i < old->n; i++) {
        if (names_has(now, old->v[i]))
            continue;
        char *p = join(dir, old->v[i]);
        struct stat st;
        if (p && !lstat(p, &st) && S_ISREG(st.st_mode))
            unlink(p);
        free(p);
    }
}

/* The *.csv files of dir, sorted, as dir/name, less the files the report
 * wrote there itself. */
static int list_csv(const char *dir, const names *skip, char ***out, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        cli_errorf("report", "%s: %s", dir, strerror(errno));
        return CLI_EUSAGE;
    }
    char **v = NULL;
    size_t k = 0, cap = 0;
    struct dirent *e;
    int oom = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".csv") ||
            names_has(skip, e->d_name))
            continue;
        if (k == cap) {
            cap = cap ? cap * 2 : 16;
            char **nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                oom = 1;
                break;
            }
            v = nv;
        }
        if (!(v[k] = join(dir, e->d_name))) {
            oom = 1;
            break;
        }
        k++;
    }
    closedir(d);
    if (oom) {
        for (size_t i = 0; i < k; i++)
            free(v[i]);
        free(v);
        cli_errorf("report", "out of memory");
        return CLI_EUSAGE;
    }
    if (k)
        qsort(v, k, sizeof *v, cmp_str);
    *out = v;
    *n = k;
    return CLI_OK;
}

/* ---- running the other commands (until the series modules give these
 * tables as library calls) ---- */

typedef int (*cmd_fn)(int, char **);

static int run_cmd(cmd_fn fn, const char *const *pre, size_t npre, const char *out, char **files,
                   size_t nfiles)
{
    size_t n = npre + 2 + nfiles;
    char **argv = calloc(n + 1, sizeof *argv);
    if (!argv)
        return CLI_EUSAGE;
    size_t k = 0;
    for (size_t i = 0; i < npre; i++)
        argv[k++] = (char *)pre[i];
    argv[k++] = "-o";
    argv[k++] = (char *)out;
    for (size_t i = 0; i < nfiles; i++)
        argv[k++] = files[i];
    argv[k] = NULL;
    fflush(stdout);
    int rc = fn((int)k, argv);
    free(argv);
    return rc;
}

/* A fresh temporary file name in dir (the file is created empty, so no
 * other file of dir, such as a user's .compare-*.csv, is ever used). */
static char *temp_in(const char *dir, const char *what)
{
    char name[64];
    snprintf(name, sizeof name, ".trade-report-%s.XXXXXX", what);
    char *p = join(dir, name);
    if (!p)
        return NULL;
    int fd = mkstemp(p);
    if (fd < 0) {
        free(p);
        return NULL;
    }
    close(fd);
    return p;
}

/* compare.csv: compare balance and compare share merged into one long table. */
static int write_compare(const char *outdir, char **files, size_t nfiles)
{
    char *bal = temp_in(outdir, "balance"), *sha = temp_in(outdir, "share");
    char *out = join(outdir, "compare.csv");
    int rc = CLI_EUSAGE;
    trade_table *tb = NULL, *ts = NULL;
    trade_writer *w = NULL;
    if (!bal || !sha || !out)
        goto done;
    static const char *const pb[] = {"compare", "balance"}, *const ps[] = {"compare", "share"};
    rc = run_cmd(cmd_compare, pb, 2, bal, files, nfiles);
    if (!rc)
        rc = run_cmd(cmd_compare, ps, 2, sha, files, nfiles);
    if (rc)
        goto done;
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    tb = trade_table_new();
    ts = trade_table_new();
    if (!tb || !ts || trade_table_read_file(tb, bal, &ro, &err) ||
        trade_table_read_file(ts, sha, &ro, &err)) {
        rc = (tb && ts) ? cli_fail(&err) : CLI_EUSAGE;
        goto done;
    }
    static const char *const cols[] = {"measure", "reporter", "partner", "flow",   "period", "unit",
                                       "product", "value",    "status",  "source", "locator"};
    trade_write_options wo = {0};
    if (trade_writer_open(&w, out, &wo, &err) || trade_writer_header(w, 11, cols, NULL, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
#define CELL(t, r, name)                                                                           \
    (trade_table_col_index(t, name) < 0                                                            \
         ? ""                                                                                      \
         : trade_table_cell(t, r, (size_t)trade_table_col_index(t, name)))
    for (size_t r = 0; r < trade_table_rows(tb); r++) {
        static const char *const measures[] = {"balance", "coverage", "total"};
        for (int m = 0; m < 3; m++) {
            const char *unit = m == 1 ? "ratio" : CELL(tb, r, "unit");
            const char *flow = *CELL(tb, r, "flow") ? CELL(tb, r, "flow") : "trade";
            const char *cells[11] = {measures[m],
                                     CELL(tb, r, "reporter"),
                                     CELL(tb, r, "partner"),
                                     flow,
                                     CELL(tb, r, "period"),
                                     unit,
                                     CELL(tb, r, "product"),
                                     CELL(tb, r, measures[m]),
                                     CELL(tb, r, "status"),
                                     "",
                                     ""};
            if (trade_writer_row(w, cells, &err)) {
                rc = cli_fail(&err);
                goto done;
            }
        }
    }
    for (size_t r = 0; r < trade_table_rows(ts); r++) {
        const char *share = CELL(ts, r, "share_pct");
        if (!*share && *CELL(ts, r, "status") && strstr(CELL(ts, r, "status"), "not a level"))
            continue;
        const char *cells[11] = {"share_pct",
                                 CELL(ts, r, "reporter"),
                                 CELL(ts, r, "partner"),
                                 CELL(ts, r, "flow"),
                                 CELL(ts, r, "period"),
                                 "percent",
                                 CELL(ts, r, "product"),
                                 share,
                                 CELL(ts, r, "status"),
                                 CELL(ts, r, "source"),
                                 CELL(ts, r, "locator")};
        if (trade_writer_row(w, cells, &err)) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    rc = cli_writer_commit(w);
    w = NULL;
done:
    trade_writer_discard(w);
    trade_table_free(tb);
    trade_table_free(ts);
    if (bal)
        unlink(bal);
    if (sha)
        unlink(sha);
    free(bal), free(sha), free(out);
    return rc;
}

/* ---- HTML ---- */

typedef struct html {
    char *p;
    size_t len, cap;
    int oom;
} html;

static void h_putn(html *h, const char *s, size_t n)
{
    if (h->oom)
        return;
    if (h->len + n + 1 > h->cap) {
        size_t cap = h->cap ? h->cap : 65536;
        while (cap < h->len + n + 1)
            cap *= 2;
        char *p = realloc(h->p, cap);
        if (!p) {
            h->oom = 1;
            return;
        }
        h->p = p;
        h->cap = cap;
    }
    memcpy(h->p + h->len, s, n);
    h->len += n;
    h->p[h->len] = '\0';
}

static void h_raw(html *h, const char *s)
{
    h_putn(h, s, strlen(s));
}

/* Text with & < > " ' escaped. */
static void h_text(html *h, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            h_raw(h, "&amp;");
            break;
        case '<':
            h_raw(h, "&lt;");
            break;
        case '>':
            h_raw(h, "&gt;");
            break;
        case '"':
            h_raw(h, "&quot;");
            break;
        case '\'':
            h_raw(h, "&#39;");
            break;
        default:
            h_putn(h, s, 1);
        }
    }
}

/* A file name we made (slug.png): escaped too, and percent-free. */
static void h_attr(html *h, const char *s)
{
    h_text(h, s);
}


/* ---- numbers for reading ---- */

/* text with a thousands separator in its integer part: 119091910 ->
 * 119,091,910; -4.5 stays. */
static void group_digits(const char *text, char *out, size_t size)
{
    size_t n = strlen(text), j = 0, i = 0;
    if (i < n && (text[i] == '-' || text[i] == '+') && j + 1 < size)
        out[j++] = text[i++];
    size_t int_end = i;
    while (int_end < n && isdigit((unsigned char)text[int_end]))
        int_end++;
    for (size_t k = i; k < int_end && j + 2 < size; k++) {
        if (k > i && (int_end - k) % 3 == 0)
            out[j++] = ',';
        out[j++] = text[k];
    }
    for (size_t k = int_end; k < n && j + 1 < size; k++)
        out[j++] = text[k];
    out[j] = '\0';
}

/* A number cell as read: digits kept (shortest round trip) when dec < 0,
 * else rounded to dec decimals; grouped. Text that is not a number is
 * copied. */
static void num_cell(const char *text, int dec, char *out, size_t size)
{
    double v;
    if (!*text || trade_number_parse(text, strlen(text), &v)) {
        snprintf(out, size, "%s", text);
        return;
    }
    char raw[64];
    if (dec < 0)
        trade_number_format(v, raw, sizeof raw);
    else
        snprintf(raw, sizeof raw, "%.*f", dec, v);
    group_digits(raw, out, size);
}

/* The unit as words after a number: "EUR", "%", "percentage points". */
static const char *unit_words(const char *unit)
{
    if (!strcmp(unit, "percent") || !strcmp(unit, "percent_change"))
        return "%";
    if (!strcmp(unit, "pp"))
        return "pp";
    if (!strcmp(unit, "count"))
        return "";
    return unit;
}

/* A value with its unit: "119,091,910 EUR", "40.15 %", "rank 2". */
static void value_text(double v, const char *unit, char *out, size_t size)
{
    char raw[64], g[96];
    trade_number_format(v, raw, sizeof raw);
    group_digits(raw, g, sizeof g);
    if (!strcmp(unit, "rank"))
        snprintf(out, size, "rank %s", g);
    else
        snprintf(out, size, "%s%s%s", g, *unit_words(unit) ? " " : "", unit_words(unit));
}

/* ---- the chart list ---- */

typedef struct chart_spec {
    char slug[96];
    char *title, *caption;
    trade_plot_kind kind;
    int growth; /* kind growth: from the rates trade growth computes */
    char *reporters, *partners, *flows, *units, *period; /* comma lists; NULL any */
    /* automatic charts only */
    const char *label; /* NULL any, else equal */
    int span;          /* -1 any; 0 a year or less; 1 several years */
} chart_spec;

static void spec_free(chart_spec *s)
{
    free(s->title), free(s->caption), free(s->reporters), free(s->partners), free(s->flows);
    free(s->units), free(s->period);
}

typedef struct config {
    char *title, *subtitle;
    chart_spec *charts;
    size_t n;
} config;

static void config_free(config *c)
{
    for (size_t i = 0; i < c->n; i++)
        spec_free(&c->charts[i]);
    free(c->charts), free(c->title), free(c->subtitle);
    memset(c, 0, sizeof *c);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Parse report.conf; errors are FILE:LINE: message, exit 2. */
static int config_read(const char *path, config *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_errorf("report", "%s: %s", path, strerror(errno));
        return CLI_EUSAGE;
    }
    char buf[4096];
    unsigned long line = 0;
    int rc = CLI_OK;
    chart_spec *cur = NULL;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        if (!strchr(buf, '\n') && !feof(f)) {
            fprintf(stderr, "%s:%lu: line longer than %zu bytes\n", path, line, sizeof buf - 2);
            rc = CLI_EUSAGE;
            break;
        }
        buf[strcspn(buf, "\n")] = '\0';
        char *s = trim(buf);
        if (!*s || *s == '#')
            continue;
        if (*s == '[') {
            char *e = strchr(s, ']');
            if (!e || strncmp(s, "[chart ", 7) || e[1]) {
                fprintf(stderr, "%s:%lu: a section is [chart SLUG]\n", path, line);
                rc = CLI_EUSAGE;
                break;
            }
            *e = '\0';
            char *slug = trim(s + 7);
            int ok = *slug && strlen(slug) < sizeof cur->slug;
            for (char *p = slug; *p && ok; p++)
                ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
            if (!ok) {
                fprintf(stderr, "%s:%lu: a chart's slug is letters, digits, '-' and '_'\n", path,
                        line);
                rc = CLI_EUSAGE;
                break;
            }
            for (size_t i = 0; i < c->n && ok; i++)
                ok = strcmp(c->charts[i].slug, slug) != 0;
            if (!ok) {
                fprintf(stderr, "%s:%lu: chart %s is named twice\n", path, line, slug);
                rc = CLI_EUSAGE;
                break;
            }
            chart_spec *nv = realloc(c->charts, (c->n + 1) * sizeof *nv);
            if (!nv) {
                rc = CLI_EUSAGE;
                break;
            }
            c->charts = nv;
            cur = &c->charts[c->n++];
            memset(cur, 0, sizeof *cur);
            snprintf(cur->slug, sizeof cur->slug, "%s", slug);
            cur->kind = TRADE_PLOT_LINE;
            cur->span = -1;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            fprintf(stderr, "%s:%lu: expected KEY = VALUE\n", path, line);
            rc = CLI_EUSAGE;
            break;
        }
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        char **slot = NULL;
        if (!cur) {
            if (!strcmp(key, "title"))
                slot = &c->title;
            else if (!strcmp(key, "subtitle"))
                slot = &c->subtitle;
        } else if (!strcmp(key, "title")) {
            slot = &cur->title;
        } else if (!strcmp(key, "caption")) {
            slot = &cur->caption;
        } else if (!strcmp(key, "reporter")) {
            slot = &cur->reporters;
        } else if (!strcmp(key, "partner")) {
            slot = &cur->partners;
        } else if (!strcmp(key, "flow")) {
            slot = &cur->flows;
        } else if (!strcmp(key, "unit")) {
            slot = &cur->units;
        } else if (!strcmp(key, "period")) {
            slot = &cur->period;
        } else if (!strcmp(key, "kind")) {
            cur->growth = !strcmp(val, "growth");
            if (trade_plot_kind_parse(val, &cur->kind)) {
                fprintf(stderr, "%s:%lu: kind is line, bars, rank or growth, not '%s'\n", path,
                        line, val);
                rc = CLI_EUSAGE;
                break;
            }
            continue;
        }
        if (!slot) {
            fprintf(stderr, "%s:%lu: unknown key '%s'%s\n", path, line, key,
                    cur ? " (title, kind, reporter, partner, flow, unit, period, caption)"
                        : " before the first [chart] (title, subtitle)");
            rc = CLI_EUSAGE;
            break;
        }
        free(*slot);
        if (!(*slot = strdup(val))) {
            rc = CLI_EUSAGE;
            break;
        }
    }
    if (!rc && ferror(f)) {
        cli_errorf("report", "%s: read error", path);
        rc = CLI_EUSAGE;
    }
    fclose(f);
    for (size_t i = 0; !rc && i < c->n; i++)
        if (!c->charts[i].title) {
            fprintf(stderr, "%s: chart %s has no title\n", path, c->charts[i].slug);
            rc = CLI_EUSAGE;
        }
    return rc;
}

static int in_list(const char *list, const char *v)
{
    if (!list)
        return 1;
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        while (l && p[l - 1] == ' ')
            l--;
        if (l == n && !strncmp(p, v, n))
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static int spec_match(const chart_spec *s, const trade_obs *o)
{
    char per[TRADE_PERIOD_BUFSIZE];
    trade_period_format(&o->period, per, sizeof per);
    int span = trade_period_months(&o->period) > 12;
    return in_list(s->reporters, o->reporter) && in_list(s->partners, o->partner) &&
           in_list(s->flows, o->flow) && in_list(s->units, o->unit) &&
           (!s->period || !strcmp(s->period, per)) && (!s->label || !strcmp(s->label, o->label)) &&
           (s->span < 0 || s->span == span);
}

/* ---- the report ---- */

enum { WHY_NONE = 0, WHY_SINGLE = 16, WHY_NO_PERIOD, WHY_NO_CHART };

typedef struct report {
    const char *outdir, *plots_dir;
    char **files;
    size_t nfiles;
    int render;
    int worst;
    html h;
    const trade_table *all;
    unsigned char *drawn; /* per row: 1 when a chart drew it */
    unsigned char *why;   /* per row: the last reason it was not drawn */
    names written, written_plots;
    size_t ncharts;
    char toc[64][200];
    char tocslug[64][96];
} report;

static void worse(report *r, int rc)
{
    if (rc > r->worst)
        r->worst = rc;
}

static void wrote(report *rp, const char *name)
{
    if (names_add(&rp->written, name))
        worse(rp, CLI_EUSAGE);
}

static int write_copy(const char *from, const char *to)
{
    FILE *f = fopen(from, "rb");
    if (!f)
        return -1;
    char *buf = NULL;
    size_t len = 0, cap = 0, k;
    char chunk[65536];
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + k > cap) {
            cap = (len + k) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = nb;
        }
        memcpy(buf + len, chunk, k);
        len += k;
    }
    int bad = ferror(f);
    fclose(f);
    trade_error err;
    int rc = bad ? -1 : trade_file_write_atomic(to, buf ? buf : "", len, &err);
    free(buf);
    return rc ? -1 : 0;
}


static void h_cell(html *h, const char *text, int num)
{
    h_raw(h, num ? "<td class=\"num\">" : "<td>");
    h_text(h, text);
    h_raw(h, "</td>");
}

/* The figures of a chart of observations: the rows it drew. */
static void obs_table(html *h, const trade_table *t, const unsigned char *used)
{
    h_raw(h, "<table>\n<thead><tr><th>reporter</th><th>partner</th><th>flow</th><th>product</th>"
             "<th>period</th><th>value</th><th>qualifier</th><th>source</th><th>locator</th>"
             "<th>note</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        if (used[r] != TRADE_PLOT_ROW_DRAWN)
            continue;
        const trade_obs *o = trade_table_obs(t, r);
        char per[TRADE_PERIOD_BUFSIZE], val[128];
        trade_period_format(&o->period, per, sizeof per);
        value_text(o->value, o->unit, val, sizeof val);
        h_raw(h, "<tr>");
        h_cell(h, trade_country_name(o->reporter), 0);
        h_cell(h, trade_country_name(o->partner), 0);
        h_cell(h, o->flow, 0);
        h_cell(h, o->product, 0);
        h_cell(h, per, 0);
        h_cell(h, val, 1);
        h_cell(h, o->qualifier, 0);
        h_cell(h, o->source, 0);
        h_cell(h, o->locator, 0);
        h_cell(h, o->note, 0);
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table>\n");
}

/* The rates of a growth chart (trade growth's columns), numbers for reading. */
static void growth_table(html *h, const trade_table *t, const unsigned char *used)
{
    static const char *const cols[] = {"reporter",  "partner",  "flow",       "unit",
                                       "period_from", "period_to", "value_from", "value_to",
                                       "growth_pct", "status",   "source"};
    enum { NC = sizeof cols / sizeof cols[0] };
    long idx[NC];
    h_raw(h, "<table>\n<thead><tr>");
    for (size_t i = 0; i < NC; i++) {
        idx[i] = trade_table_col_index(t, cols[i]);
        h_raw(h, "<th>");
        h_text(h, !strcmp(cols[i], "growth_pct") ? "growth (%)" : cols[i]);
        h_raw(h, "</th>");
    }
    h_raw(h, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        if (used[r] != TRADE_PLOT_ROW_DRAWN)
            continue;
        h_raw(h, "<tr>");
        for (size_t i = 0; i < NC; i++) {
            const char *v = idx[i] < 0 ? "" : trade_table_cell(t, r, (size_t)idx[i]);
            char buf[128];
            int num = !strcmp(cols[i], "value_from") || !strcmp(cols[i], "value_to") ||
                      !strcmp(cols[i], "growth_pct");
            if (num)
                num_cell(v, !strcmp(cols[i], "growth_pct") ? 2 : -1, buf, sizeof buf);
            else if (!strcmp(cols[i], "reporter") || !strcmp(cols[i], "partner"))
                snprintf(buf, sizeof buf, "%s", trade_country_name(v));
            else
                snprintf(buf, sizeof buf, "%s", v);
            h_cell(h, buf, num);
        }
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table>\n");
}

/* Draw one chart of the rows of t that sel selects (NULL: all). When t is
 * the report's table, note which rows were drawn and why the others were
 * not. Returns 1 when a chart was made. */
static int do_chart(report *rp, const chart_spec *s, const trade_table *t,
                    const unsigned char *sel)
{
    trade_plot_options po = {0};
    po.kind = s->kind;
    po.title = s->title;
    po.name = s->slug;
    po.rows = sel;
    size_t n = trade_table_rows(t);
    unsigned char *used = calloc(n ? n : 1, 1);
    char *script = NULL;
    size_t len = 0;
    trade_error err;
    if (!used) {
        worse(rp, CLI_EUSAGE);
        return 0;
    }
    int rc = trade_plot_script(t, &po, &script, &len, used, &err);
    if (rc) {
        if (rc != TRADE_EDATA) {
            cli_print_error(&err);
            worse(rp, cli_exit_code(rc));
        }
        free(used);
        return 0;
    }
    note("chart %s", s->slug);
    if (t == rp->all)
        for (size_t r = 0; r < n; r++) {
            if (used[r] == TRADE_PLOT_ROW_DRAWN)
                rp->drawn[r] = 1;
            else if (used[r])
                rp->why[r] = used[r];
        }
    char gp[128], img[4][128];
    static const char *const ext[] = {"png", "svg", "pdf"};
    snprintf(gp, sizeof gp, "%s.gp", s->slug);
    for (int f = 0; f < 3; f++)
        snprintf(img[f], sizeof img[f], "%s.%s", s->slug, ext[f]);
    char *gpath = join(rp->outdir, gp);
    if (!gpath || trade_file_write_atomic(gpath, script, len, &err)) {
        if (gpath)
            cli_print_error(&err);
        worse(rp, CLI_EUSAGE);
        free(gpath), free(script), free(used);
        return 0;
    }
    wrote(rp, gp);
    if (rp->render) {
        for (int f = 0; f < 3; f++) {
            if (trade_plot_render(gpath, ext[f], &err)) {
                cli_print_error(&err);
                worse(rp, CLI_EUSAGE);
                break;
            }
            wrote(rp, img[f]);
        }
    }
    if (rp->plots_dir) {
        char *pg = join(rp->plots_dir, gp), *pp = join(rp->plots_dir, img[0]);
        char *src = join(rp->outdir, img[0]);
        if (!pg || !pp || !src || trade_file_write_atomic(pg, script, len, &err) ||
            (rp->render && write_copy(src, pp))) {
            fprintf(stderr, "trade report: cannot copy %s into %s\n", s->slug, rp->plots_dir);
            worse(rp, CLI_EUSAGE);
        } else if (names_add(&rp->written_plots, gp) ||
                   (rp->render && names_add(&rp->written_plots, img[0]))) {
            worse(rp, CLI_EUSAGE);
        }
        free(pg), free(pp), free(src);
    }
    /* the title as drawn (with its period) from the script */
    char shown[200];
    snprintf(shown, sizeof shown, "%s", s->title);
    const char *st = strstr(script, "\nsvg_title = '");
    if (st) {
        st += strlen("\nsvg_title = '");
        const char *e = strstr(st, "'\n");
        if (e && (size_t)(e - st) < sizeof shown) {
            memcpy(shown, st, (size_t)(e - st));
            shown[e - st] = '\0';
        }
    }
    html *h = &rp->h;
    if (rp->ncharts < 64) {
        snprintf(rp->toc[rp->ncharts], sizeof rp->toc[0], "%s", shown);
        snprintf(rp->tocslug[rp->ncharts], sizeof rp->tocslug[0], "%s", s->slug);
    }
    rp->ncharts++;
    h_raw(h, "<section id=\"");
    h_attr(h, s->slug);
    h_raw(h, "\">\n<h2>");
    h_text(h, shown);
    h_raw(h, "</h2>\n<figure><img src=\"");
    h_attr(h, img[0]);
    h_raw(h, "\" width=\"800\" height=\"500\" alt=\"");
    h_text(h, shown);
    h_raw(h, "\"><figcaption>");
    if (s->caption) {
        h_text(h, s->caption);
        h_raw(h, " ");
    }
    h_raw(h, "<a href=\"");
    h_attr(h, img[1]);
    h_raw(h, "\">SVG</a> · <a href=\"");
    h_attr(h, img[2]);
    h_raw(h, "\">PDF</a> · <a href=\"");
    h_attr(h, gp);
    h_raw(h, "\">gnuplot script</a></figcaption></figure>\n"
             "<details open><summary>Figures drawn and their sources</summary>\n"
             "<div class=\"scroll\">\n");
    if (n && !trade_table_obs(t, 0))
        growth_table(h, t, used);
    else
        obs_table(h, t, used);
    h_raw(h, "</div></details>\n</section>\n");
    free(gpath), free(script), free(used);
    return 1;
}

static void slugify(const char *in, char *out, size_t size)
{
    size_t j = 0;
    for (; *in && j + 1 < size; in++) {
        unsigned char ch = (unsigned char)*in;
        if (isalnum(ch))
            out[j++] = (char)tolower(ch);
        else if (j && out[j - 1] != '-')
            out[j++] = '-';
    }
    while (j && out[j - 1] == '-')
        j--;
    out[j] = '\0';
}

static const char *flow_words(const char *flow)
{
    static const char *const m[][2] = {{"export", "exports"},
                                       {"import", "imports"},
                                       {"services_export", "services exports"},
                                       {"services_import", "services imports"},
                                       {"fdi_stock", "FDI stock"},
                                       {"fdi_flow", "FDI flows"},
                                       {"investment_stock", "investment stock"},
                                       {"investment_flow", "investment flows"},
                                       {"aid", "aid"},
                                       {"freight", "freight"},
                                       {"trade", "trade"}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (!strcmp(m[i][0], flow))
            return m[i][1];
    return flow;
}

/* The kind of chart for a unit: ranks, stated growth rates, else over time
 * (or bars when every figure is of one period). */
static trade_plot_kind auto_kind(const char *unit, int one_period)
{
    if (!strcmp(unit, "rank"))
        return TRADE_PLOT_RANK;
    if (!strcmp(unit, "percent_change"))
        return TRADE_PLOT_GROWTH;
    return one_period ? TRADE_PLOT_BARS : TRADE_PLOT_LINE;
}

static int is_stock(const char *flow)
{
    size_t n = strlen(flow);
    return n >= 6 && !strcmp(flow + n - 6, "_stock");
}

/* Levels of different flows never share a chart; rates and ranks of flows
 * do (exports and imports growth side by side), but never with a stock's. */
static int same_flow_group(const trade_obs *a, const trade_obs *b)
{
    if (!strcmp(a->flow, b->flow))
        return 1;
    return !trade_stats_unit_is_level(a->unit) && is_stock(a->flow) == is_stock(b->flow);
}

/* One chart per reporter, flow, unit, label and kind of period for the
 * rows no chart drew; a group of one figure is listed, not drawn. */
static void auto_charts(report *rp)
{
    const trade_table *all = rp->all;
    size_t n = trade_table_rows(all);
    unsigned char *done = calloc(n ? n : 1, 1), *sel = malloc(n ? n : 1);
    names slugs = {0};
    if (!done || !sel) {
        free(done), free(sel);
        worse(rp, CLI_EUSAGE);
        return;
    }
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(all, r);
        if (done[r] || rp->drawn[r])
            continue;
        if (o->period.start_unit == TRADE_PERIOD_NONE) {
            rp->why[r] = WHY_NO_PERIOD;
            continue;
        }
        chart_spec s = {0};
        s.span = trade_period_months(&o->period) > 12;
        s.label = o->label;
        size_t count = 0;
        int one_period = 1;
        for (size_t q = r; q < n; q++) {
            const trade_obs *p = trade_table_obs(all, q);
            sel[q] = 0;
            if (done[q] || rp->drawn[q] || strcmp(p->reporter, o->reporter) ||
                !same_flow_group(o, p) || strcmp(p->unit, o->unit) || strcmp(p->label, o->label) ||
                (trade_period_months(&p->period) > 12) != s.span ||
                p->period.start_unit == TRADE_PERIOD_NONE)
                continue;
            sel[q] = 1;
            done[q] = 1;
            count++;
            if (trade_period_compare(&o->period, &p->period))
                one_period = 0;
        }
        for (size_t q = 0; q < r; q++)
            sel[q] = 0;
        if (count < 2) {
            rp->why[r] = WHY_SINGLE;
            continue;
        }
        /* the label names the chart's slug only when it sets it apart */
        int other_label = 0;
        for (size_t q = 0; q < n && !other_label; q++) {
            const trade_obs *p = trade_table_obs(all, q);
            other_label = !rp->drawn[q] && !strcmp(p->reporter, o->reporter) &&
                          !strcmp(p->flow, o->flow) && !strcmp(p->unit, o->unit) &&
                          strcmp(p->label, o->label);
        }
        char title[300], base[200], slug[96], lab[32];
        snprintf(lab, sizeof lab, "%s", other_label ? o->label : "");
        int flows = 0; /* several flows in one chart of rates */
        for (size_t q = r; q < n && !flows; q++)
            flows = sel[q] && strcmp(trade_table_obs(all, q)->flow, o->flow);
        const char *what = *o->label ? o->label
                           : flows     ? (is_stock(o->flow) ? "stocks" : "flows")
                                       : flow_words(o->flow);
        /* one partner for the whole chart: the title names it */
        int one_partner = strcmp(o->partner, o->reporter) != 0;
        for (size_t q = r; q < n && one_partner; q++)
            one_partner = !sel[q] || !strcmp(trade_table_obs(all, q)->partner, o->partner);
        char who[160];
        if (one_partner)
            snprintf(who, sizeof who, "%s \xe2\x86\x92 %s", trade_country_name(o->reporter),
                     trade_country_name(o->partner));
        else
            snprintf(who, sizeof who, "%s", trade_country_name(o->reporter));
        const char *uw = !strcmp(o->unit, "percent_change") ? "growth, %"
                         : !strcmp(o->unit, "rank") || !strcmp(o->unit, "count") ? ""
                                                                                  : o->unit;
        if (*o->label)
            who[0] = '\0'; /* a label names the quantity by itself */
        snprintf(title, sizeof title, "%s%s%s%s%s%s%s", who, *who ? ": " : "", what,
                 *uw ? " (" : "", uw,
                 *uw ? ")" : "",
                 s.span ? ", totals over several years" : "");
        snprintf(base, sizeof base, "%s-%s-%s%s%s%s", o->reporter, flows ? what : o->flow, o->unit,
                 *lab ? "-" : "", lab, s.span ? "-multi-year" : "");
        slugify(base, slug, sizeof slug - 4);
        /* slugs stay unique: a long label cut short could repeat one */
        if (names_has(&slugs, slug)) {
            size_t l = strlen(slug);
            for (int k = 2; k < 100 && names_has(&slugs, slug); k++)
                snprintf(slug + l, 4, "-%d", k);
        }
        names_add(&slugs, slug);
        snprintf(s.slug, sizeof s.slug, "%s", slug);
        s.title = title;
        s.kind = auto_kind(o->unit, one_period);
        s.caption = NULL;
        do_chart(rp, &s, all, sel);
    }
    names_free(&slugs);
    free(done), free(sel);
}

/* The computed growth rates (growth.csv) that a [chart] of kind growth selects. */
static void growth_chart(report *rp, const chart_spec *s)
{
    char *path = join(rp->outdir, "growth.csv");
    trade_table *t = trade_table_new();
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    if (!path || !t || trade_table_read_file(t, path, &ro, &err)) {
        free(path);
        trade_table_free(t);
        return; /* growth failed: already reported */
    }
    size_t n = trade_table_rows(t);
    unsigned char *keep = malloc(n ? n : 1);
    long cr = trade_table_col_index(t, "reporter"), cp = trade_table_col_index(t, "partner"),
         cf = trade_table_col_index(t, "flow"), cu = trade_table_col_index(t, "unit");
    if (keep && cr >= 0 && cp >= 0 && cf >= 0 && cu >= 0) {
        for (size_t r = 0; r < n; r++)
            keep[r] = in_list(s->reporters, trade_table_cell(t, r, (size_t)cr)) &&
                      in_list(s->partners, trade_table_cell(t, r, (size_t)cp)) &&
                      in_list(s->flows, trade_table_cell(t, r, (size_t)cf)) &&
                      in_list(s->units, trade_table_cell(t, r, (size_t)cu));
        do_chart(rp, s, t, keep);
    }
    free(keep);
    free(path);
    trade_table_free(t);
}

/* A sheet of the header only, for a table without rows (the names are
 * plain words: split at commas). A table that could not be written at all
 * (a failed step, reported already) gets an empty sheet. */
static int header_sheet(trade_workbook *wb, const char *sheet, const char *csv, trade_error *err)
{
    char line[4096] = "";
    FILE *f = fopen(csv, "r");
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        fclose(f);
    }
    line[strcspn(line, "\r\n")] = '\0';
    const char *cols[128];
    size_t n = 0;
    for (char *p = line; *p && n < 128;) {
        cols[n++] = p;
        char *e = strchr(p, ',');
        if (!e)
            break;
        *e = '\0';
        p = e + 1;
    }
    return trade_workbook_add_sheet(wb, sheet, n, cols, err);
}

/* report.xlsx: each table a sheet, and the observations with their sources. */
static int write_workbook(report *rp)
{
    static const char *const sheets[][2] = {{"growth", "growth.csv"}, {"ranks", "ranks.csv"},
                                            {"compare", "compare.csv"}, {"stats", "stats.csv"},
                                            {"fit", "fit.csv"},       {"check", "check.csv"}};
    char *path = join(rp->outdir, "report.xlsx");
    trade_workbook *wb = NULL;
    trade_error err;
    if (!path)
        return -1;
    int rc = trade_workbook_open(&wb, path, &err);
    for (size_t i = 0; !rc && i < sizeof sheets / sizeof sheets[0]; i++) {
        char *csv = join(rp->outdir, sheets[i][1]);
        trade_table *t = trade_table_new();
        trade_read_options ro = {0};
        ro.generic = 1;
        if (!csv || !t)
            rc = TRADE_ENOMEM;
        else if (!trade_table_read_file(t, csv, &ro, &err))
            rc = trade_workbook_add_table(wb, sheets[i][0], t, &err);
        else
            rc = header_sheet(wb, sheets[i][0], csv, &err); /* no rows, or a failed step */
        trade_table_free(t);
        free(csv);
    }
    if (!rc)
        rc = trade_workbook_add_table(wb, "sources", rp->all, &err);
    if (!rc)
        rc = trade_workbook_commit(wb, &err);
    else
        trade_workbook_discard(wb);
    if (rc)
        cli_print_error(&err);
    free(path);
    return rc ? -1 : 0;
}

static const char *why_text(unsigned char why)
{
    switch (why) {
    case TRADE_PLOT_ROW_SAME_PERIOD:
        return "another figure of the same series and period is drawn (an exact figure before a "
               "qualified one, then the finer precision)";
    case TRADE_PLOT_ROW_OTHER_UNIT:
        return "its chart draws another unit";
    case TRADE_PLOT_ROW_OTHER_PERIOD:
        return "its chart draws one period";
    case TRADE_PLOT_ROW_OTHER_KIND:
        return "a stock among flows: a stock at a date does not share an axis with flows over "
               "a year";
    case WHY_SINGLE:
        return "the only figure of its reporter, flow, unit and kind of period (a chart of one "
               "point says no more than this row)";
    case WHY_NO_PERIOD:
        return "no period: it has no place on a time axis";
    default:
        return "no chart selects it";
    }
}

/* Every observation no chart drew, with the reason. */
static void not_drawn(report *rp)
{
    html *h = &rp->h;
    const trade_table *t = rp->all;
    size_t n = trade_table_rows(t), k = 0;
    for (size_t r = 0; r < n; r++)
        k += !rp->drawn[r];
    char num[32];
    h_raw(h, "<section id=\"not-drawn\">\n<h2>Figures not drawn</h2>\n<p>");
    snprintf(num, sizeof num, "%zu", n - k);
    h_text(h, num);
    h_raw(h, " of ");
    snprintf(num, sizeof num, "%zu", n);
    h_text(h, num);
    h_raw(h, " observations are drawn above");
    if (!k) {
        h_raw(h, "; none is left out.</p>\n</section>\n");
        return;
    }
    if (k == 1) {
        h_raw(h, "; this one is not, for the reason given.</p>\n");
    } else {
        h_raw(h, "; these ");
        snprintf(num, sizeof num, "%zu", k);
        h_text(h, num);
        h_raw(h, " are not, for the reasons given.</p>\n");
    }
    h_raw(h, "<div class=\"scroll\"><table>\n<thead><tr>"
             "<th>reporter</th><th>partner</th><th>flow</th><th>product</th><th>period</th>"
             "<th>value</th><th>qualifier</th><th>source</th><th>locator</th><th>note</th>"
             "<th>why not drawn</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < n; r++) {
        if (rp->drawn[r])
            continue;
        const trade_obs *o = trade_table_obs(t, r);
        char per[TRADE_PERIOD_BUFSIZE], val[128];
        trade_period_format(&o->period, per, sizeof per);
        value_text(o->value, o->unit, val, sizeof val);
        h_raw(h, "<tr>");
        h_cell(h, trade_country_name(o->reporter), 0);
        h_cell(h, trade_country_name(o->partner), 0);
        h_cell(h, o->flow, 0);
        h_cell(h, o->product, 0);
        h_cell(h, per, 0);
        h_cell(h, val, 1);
        h_cell(h, o->qualifier, 0);
        h_cell(h, o->source, 0);
        h_cell(h, o->locator, 0);
        h_cell(h, o->note, 0);
        h_raw(h, "<td class=\"why\">");
        h_text(h, why_text(rp->why[r]));
        h_raw(h, "</td>");
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table></div>\n</section>\n");
}

static const char *cell(const trade_table *t, size_t r, const char *name)
{
    long c = trade_table_col_index(t, name);
    return c < 0 ? "" : trade_table_cell(t, r, (size_t)c);
}

/* The consistency verdicts of check.csv, explained, with gaps in their unit. */
static void verdicts(report *rp)
{
    html *h = &rp->h;
    char *path = join(rp->outdir, "check.csv");
    trade_table *t = trade_table_new();
    trade_read_options ro = {0};
    ro.generic = 1;
    trade_error err;
    h_raw(h, "<section id=\"consistency\">\n<h2>Consistency of the figures</h2>\n");
    if (!path || !t || trade_table_read_file(t, path, &ro, &err)) {
        h_raw(h, "<p>No consistency check could be made (see check.csv).</p>\n</section>\n");
        free(path);
        trade_table_free(t);
        return;
    }
    h_raw(h,
          "<p>Each stated figure stands for an interval of half its precision either side "
          "(118 million stated to the million: 117.5 to 118.5 million). <code>trade check</code> "
          "compares stated growth rates with the growth of the levels, totals with the sum of "
          "their parts, and figures stated twice (<a href=\"check.csv\">check.csv</a>). The "
          "verdicts:</p>\n<dl>\n"
          "<dt class=\"ok\">consistent</dt><dd>the figure computed from the others lies inside "
          "the stated figure's interval.</dd>\n"
          "<dt class=\"ok\">consistent within rounding</dt><dd>the two intervals overlap, but the "
          "computed figure itself lies outside the stated one's: they agree once the rounding of "
          "both is allowed for.</dd>\n"
          "<dt class=\"bad\">inconsistent</dt><dd>the intervals do not meet; the gap is the "
          "distance between them, in the unit of the figure (percentage points for growth "
          "rates).</dd>\n"
          "<dt>circular</dt><dd>the computed figure uses a <em>derived</em> base, itself "
          "computed from the stated figure: agreement is by construction and proves "
          "nothing.</dd>\n</dl>\n");
    size_t n = trade_table_rows(t), nc = 0, nr = 0, ni = 0, ncirc = 0;
    for (size_t r = 0; r < n; r++) {
        const char *v = cell(t, r, "verdict");
        int circ = strstr(cell(t, r, "compared"), ", derived)") != NULL;
        ncirc += circ;
        if (circ)
            continue;
        nc += !strcmp(v, "consistent");
        nr += !strcmp(v, "consistent within rounding");
        ni += !strcmp(v, "inconsistent");
    }
    char p[400];
    snprintf(p, sizeof p,
             "%zu comparisons: %zu consistent, %zu consistent within rounding, %zu inconsistent, "
             "%zu circular.",
             n, nc, nr, ni, ncirc);
    h_raw(h, "<p><b>");
    h_text(h, p);
    h_raw(h, "</b></p>\n<div class=\"scroll\"><table>\n<thead><tr><th>check</th><th>series</th>"
             "<th>period</th><th>stated</th><th>computed</th><th>gap</th><th>verdict</th>"
             "<th>what was compared</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < n; r++) {
        const char *unit = cell(t, r, "unit"), *v = cell(t, r, "verdict");
        int pct = !strcmp(unit, "percent_change") || !strcmp(unit, "percent");
        int circ = strstr(cell(t, r, "compared"), ", derived)") != NULL;
        char series[300], a[96], b[96], gap[96], g2[128];
        snprintf(series, sizeof series, "%s \xe2\x86\x92 %s, %s%s%s",
                 trade_country_name(cell(t, r, "reporter")),
                 trade_country_name(cell(t, r, "partner")), flow_words(cell(t, r, "flow")),
                 *cell(t, r, "product") ? ", " : "", cell(t, r, "product"));
        num_cell(cell(t, r, "a_value"), pct ? 2 : -1, a, sizeof a);
        num_cell(cell(t, r, "b_value"), pct ? 2 : 0, b, sizeof b);
        num_cell(cell(t, r, "gap"), pct ? 2 : 0, gap, sizeof gap);
        const char *uw = pct ? "%" : unit_words(unit);
        if (*uw && *a) {
            size_t l = strlen(a);
            snprintf(a + l, sizeof a - l, " %s", uw);
        }
        if (*uw && *b) {
            size_t l = strlen(b);
            snprintf(b + l, sizeof b - l, " %s", uw);
        }
        if (*gap)
            snprintf(g2, sizeof g2, "%s %s", gap, pct ? "pp" : unit_words(unit));
        else
            snprintf(g2, sizeof g2, "%s", "");
        h_raw(h, "<tr>");
        h_cell(h, cell(t, r, "check"), 0);
        h_cell(h, series, 0);
        h_cell(h, cell(t, r, "period"), 0);
        h_cell(h, a, 1);
        h_cell(h, b, 1);
        h_cell(h, g2, 1);
        h_raw(h, "<td>");
        h_raw(h, !strcmp(v, "inconsistent") ? "<b class=\"bad\">" : "<b class=\"ok\">");
        h_text(h, v);
        h_raw(h, "</b>");
        if (circ)
            h_raw(h, "<br><b>circular</b>: derived base");
        h_raw(h, "</td>");
        h_cell(h, cell(t, r, "compared"), 0);
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table></div>\n</section>\n");
    free(path);
    trade_table_free(t);
}

static const char css[] =
    "body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;"
    "line-height:1.45}h1{font-size:1.6em;margin-bottom:.2em}.sub{color:#555;margin-top:0}h2{"
    "font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}figure{margin:1em 0}img{"
    "max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.9em;color:#444}"
    "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ddd;"
    "padding:.2em .5em;text-align:left;vertical-align:top}td.num{text-align:right;white-space:"
    "nowrap;font-variant-numeric:tabular-nums}th{background:#f4f4f4}.scroll{overflow-x:auto}"
    ".ok{color:#006b4f}.bad{color:#b3261e}summary{cursor:pointer;color:#0b5394}dt{font-weight:"
    "bold}td.why{min-width:12em}";

/* "Trade figures: Germany and China" from the reporters (up to three). */
static void auto_page_title(const trade_table *t, char *out, size_t size)
{
    const char *seen[4];
    size_t k = 0, more = 0;
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        const char *c = trade_table_obs(t, r)->reporter;
        size_t i = 0;
        while (i < k && strcmp(seen[i], c))
            i++;
        if (i < k)
            continue;
        if (k < 3)
            seen[k++] = c;
        else
            more = 1;
    }
    size_t len = (size_t)snprintf(out, size, "Trade figures: ");
    for (size_t i = 0; i < k && len < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%s",
                                i ? (i + 1 == k && !more ? " and " : ", ") : "",
                                trade_country_name(seen[i]));
    if (more && len < size)
        snprintf(out + len, size - len, " and others");
}

/* Is path an existing folder (1), missing (0), or something else (-1)? */
static int folder_state(const char *path)
{
    struct stat st;
    if (stat(path, &st))
        return errno == ENOENT ? 0 : -1;
    return S_ISDIR(st.st_mode) ? 1 : -1;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"plots-dir", required_argument, NULL, OPT_PLOTS_DIR},
                                             {"no-render", no_argument, NULL, OPT_NO_RENDER},
                                             {"title", required_argument, NULL, OPT_TITLE},
                                             {"subtitle", required_argument, NULL, OPT_SUBTITLE},
                                             {"config", required_argument, NULL, OPT_CONFIG},
                                             {"help", no_argument, NULL, CLI_OPT_HELP},
                                             {NULL, 0, NULL, 0}};
    report rp = {0};
    config cf = {0};
    const char *title = NULL, *subtitle = NULL, *conf_path = NULL;
    rp.render = 1;
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "report")) != -1) {
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case 'o':
            rp.outdir = optarg;
            break;
        case OPT_PLOTS_DIR:
            rp.plots_dir = optarg;
            break;
        case OPT_NO_RENDER:
            rp.render = 0;
            break;
        case OPT_TITLE:
            title = optarg;
            break;
        case OPT_SUBTITLE:
            subtitle = optarg;
            break;
        case OPT_CONFIG:
            conf_path = optarg;
            break;
        default:
            fputs("see 'trade report --help'\n", stderr);
            return CLI_EUSAGE;
        }
    }
    if (argc - optind > 1) {
        cli_errorf("report", "one folder of observation files, not %d; see 'trade report --help'",
                   argc - optind);
        return CLI_EUSAGE;
    }
    if (!rp.outdir || !*rp.outdir) {
        cli_errorf("report", "-o OUTDIR is required; see 'trade report --help'");
        return CLI_EUSAGE;
    }
    /* every folder problem before anything is read or written */
    int out_state = folder_state(rp.outdir);
    if (out_state < 0) {
        cli_errorf("report", "%s: exists and is not a folder (-o names the folder to write)",
                   rp.outdir);
        return CLI_EUSAGE;
    }
    int plots_state = rp.plots_dir ? folder_state(rp.plots_dir) : 1;
    if (plots_state < 0) {
        cli_errorf("report", "%s: exists and is not a folder", rp.plots_dir);
        return CLI_EUSAGE;
    }
    const char *dir = optind < argc ? argv[optind] : "datasets";
    const char *outdir = rp.outdir;
    progress = isatty(2);
    names skip = {0}, old_out = {0}, old_plots = {0};
    manifest_read(dir, &skip);
    if (list_csv(dir, &skip, &rp.files, &rp.nfiles)) {
        names_free(&skip);
        return CLI_EUSAGE;
    }
    names_free(&skip);
    trade_table *all = NULL;
    int rc = CLI_OK;
    if (!rp.nfiles) {
        cli_errorf("report", "%s: no .csv files", dir);
        rc = CLI_EUSAGE;
        goto out;
    }
    char conf_default[4096];
    if (!conf_path) {
        snprintf(conf_default, sizeof conf_default, "%s/report.conf", dir);
        if (!access(conf_default, F_OK))
            conf_path = conf_default;
    }
    if (conf_path && (rc = config_read(conf_path, &cf)))
        goto out;
    all = trade_table_new();
    rc = all ? cli_read_inputs(all, "report", (int)rp.nfiles, rp.files, NULL) : CLI_EUSAGE;
    if (rc)
        goto out;
    /* the folders: the plots folder first, so a failure leaves nothing behind */
    int made_plots = 0;
    if (rp.plots_dir && !plots_state) {
        if (mkdir(rp.plots_dir, 0777)) {
            cli_errorf("report", "%s: %s", rp.plots_dir, strerror(errno));
            rc = CLI_EUSAGE;
            goto out;
        }
        made_plots = 1;
    }
    if (!out_state && mkdir(outdir, 0777)) {
        cli_errorf("report", "%s: %s", outdir, strerror(errno));
        if (made_plots)
            rmdir(rp.plots_dir);
        rc = CLI_EUSAGE;
        goto out;
    }
    manifest_read(outdir, &old_out);
    if (rp.plots_dir)
        manifest_read(rp.plots_dir, &old_plots);
    rp.all = all;
    size_t nrows = trade_table_rows(all);
    rp.drawn = calloc(nrows ? nrows : 1, 1);
    rp.why = calloc(nrows ? nrows : 1, 1);
    if (!rp.drawn || !rp.why) {
        rc = CLI_EUSAGE;
        goto out;
    }
    /* the tables */
    static const struct {
        const char *file;
        cmd_fn fn;
        const char *name;
    } tables[] = {{"growth.csv", cmd_growth, "growth"},
                  {"ranks.csv", cmd_rank, "rank"},
                  {"stats.csv", cmd_stats, "stats"},
                  {"fit.csv", cmd_fit, "fit"},
                  {"check.csv", cmd_check, "check"}};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char *path = join(outdir, tables[i].file);
        const char *pre[] = {tables[i].name};
        note("%s", tables[i].file);
        int r = path ? run_cmd(tables[i].fn, pre, 1, path, rp.files, rp.nfiles) : CLI_EUSAGE;
        if (r) {
            cli_errorf("report", "%s failed (exit status %d)", tables[i].file, r);
            worse(&rp, r < CLI_EUSAGE ? CLI_EUSAGE : r);
        }
        wrote(&rp, tables[i].file);
        free(path);
    }
    note("%s", "compare.csv");
    if (write_compare(outdir, rp.files, rp.nfiles)) {
        cli_errorf("report", "compare.csv failed");
        worse(&rp, CLI_EUSAGE);
    }
    wrote(&rp, "compare.csv");
    note("%s", "report.xlsx");
    if (write_workbook(&rp))
        worse(&rp, CLI_EUSAGE);
    wrote(&rp, "report.xlsx");
    /* the page */
    char auto_title[300];
    auto_page_title(all, auto_title, sizeof auto_title);
    const char *page_title = title ? title : cf.title ? cf.title : auto_title;
    html *h = &rp.h;
    h_raw(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    h_text(h, page_title);
    h_raw(h, "</title>\n<style>");
    h_raw(h, css);
    h_raw(h, "</style>\n</head>\n<body>\n<h1>");
    h_text(h, page_title);
    h_raw(h, "</h1>\n");
    const char *sub = subtitle ? subtitle : cf.subtitle;
    if (sub) {
        h_raw(h, "<p class=\"sub\">");
        h_text(h, sub);
        h_raw(h, "</p>\n");
    }
    h_raw(h, "<p>Made by <code>trade report</code> from ");
    char count[32];
    snprintf(count, sizeof count, "%zu", nrows);
    h_text(h, count);
    h_raw(h, " observations in ");
    snprintf(count, sizeof count, "%zu", rp.nfiles);
    h_text(h, count);
    h_raw(h, rp.nfiles == 1 ? " file" : " files");
    h_raw(h, ". Every figure names its source and the place in it (the <code>source</code> and "
             "<code>locator</code> columns). Open markers and hatched bars are estimates, "
             "projections or derived figures; triangles and arrows are bounds; squares are "
             "partial periods; \xe2\x89\x88 marks approximate figures.</p>\n"
             "<p>Tables: <a href=\"growth.csv\">growth.csv</a> · <a href=\"ranks.csv\">ranks.csv"
             "</a> · <a href=\"compare.csv\">compare.csv</a> · <a href=\"stats.csv\">stats.csv"
             "</a> · <a href=\"fit.csv\">fit.csv</a> · <a href=\"check.csv\">check.csv</a>"
             " · all of them and the sources in one workbook: <a href=\"report.xlsx\">"
             "report.xlsx</a></p>\n<!--TOC-->\n");
    size_t toc_at = h->len;
    for (size_t i = 0; i < cf.n; i++) {
        chart_spec *s = &cf.charts[i];
        if (s->growth) {
            growth_chart(&rp, s);
            continue;
        }
        unsigned char *sel = malloc(nrows ? nrows : 1);
        if (!sel) {
            worse(&rp, CLI_EUSAGE);
            continue;
        }
        size_t k = 0;
        for (size_t r = 0; r < nrows; r++)
            k += (sel[r] = (unsigned char)spec_match(s, trade_table_obs(all, r)));
        if (!k || !do_chart(&rp, s, all, sel))
            fprintf(stderr, "trade report: chart %s: no figure to draw\n", s->slug);
        free(sel);
    }
    auto_charts(&rp);
    not_drawn(&rp);
    verdicts(&rp);
    h_raw(h, "</body>\n</html>\n");
    /* the contents list goes where the marker was */
    html toc = {0};
    h_raw(&toc, "<nav><h2>Charts</h2>\n<ol>\n");
    for (size_t i = 0; i < rp.ncharts && i < 64; i++) {
        h_raw(&toc, "<li><a href=\"#");
        h_attr(&toc, rp.tocslug[i]);
        h_raw(&toc, "\">");
        h_text(&toc, rp.toc[i]);
        h_raw(&toc, "</a></li>\n");
    }
    h_raw(&toc, "<li><a href=\"#not-drawn\">Figures not drawn</a></li>\n"
                "<li><a href=\"#consistency\">Consistency of the figures</a></li>\n</ol></nav>\n");
    html page = {0};
    h_putn(&page, h->p ? h->p : "", toc_at);
    h_putn(&page, toc.p ? toc.p : "", toc.len);
    h_putn(&page, h->p ? h->p + toc_at : "", h->len - toc_at);
    if (h->oom || toc.oom || page.oom) {
        cli_errorf("report", "out of memory");
        worse(&rp, CLI_EUSAGE);
    } else {
        char *index = join(outdir, "index.html");
        trade_error err;
        note("%s", "index.html");
        if (!index || trade_file_write_atomic(index, page.p, page.len, &err)) {
            if (index)
                cli_print_error(&err);
            worse(&rp, CLI_EUSAGE);
        }
        wrote(&rp, "index.html");
        free(index);
    }
    free(toc.p);
    free(page.p);
    free(h->p);
    /* what an earlier run wrote and this one did not is stale */
    remove_stale(outdir, &old_out, &rp.written);
    if (manifest_write(outdir, &rp.written))
        worse(&rp, CLI_EUSAGE);
    if (rp.plots_dir) {
        remove_stale(rp.plots_dir, &old_plots, &rp.written_plots);
        if (manifest_write(rp.plots_dir, &rp.written_plots))
            worse(&rp, CLI_EUSAGE);
    }
    rc = rp.worst;
out:
    trade_table_free(all);
    for (size_t i = 0; i < rp.nfiles; i++)
        free(rp.files[i]);
    free(rp.files);
    free(rp.drawn);
    free(rp.why);
    names_free(&rp.written);
    names_free(&rp.written_plots);
    names_free(&old_out);
    names_free(&old_plots);
    config_free(&cf);
    return rc;
}
