/* cmd_report.c - trade report: the tables, charts and one HTML page for any
 * folder of observation CSV files.
 *
 * The folder is read once into one table (with --where, the rows kept).
 * Every table is computed in-process on it by the library's analyses
 * (growth, rank, summary, fit, check; the compare table and the choice of
 * charts by the report module, report.h) and kept in memory: each is
 * written by one function, put in the workbook and, for growth, drawn,
 * without any file read back. The charts are chosen by the report module
 * from a small file beside the data, DIR/report.conf (format in the help
 * below and in datasets/report.conf), or automatically, and drawn by the
 * plot module (their data inline in the scripts); every row a chart leaves
 * out comes back with the reason, and the page lists every observation no
 * chart drew, with that reason. This file writes: the tables, the scripts
 * and images, the workbook and the page.
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
#include "series.h"

static const char usage[] =
    "usage: trade report [DIR] -o OUTDIR [--title TEXT] [--subtitle TEXT] [--config FILE]\n"
    "                    [--plots-dir DIR] [--no-render] [--where COND]...\n"
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
    "      --where COND      report on the rows where COND holds only (COL=VAL, COL~REGEX,\n"
    "                        COL<N, ...: as every command's --where; repeatable)\n"
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


/* ---- the report ---- */

/* The checks of check.csv as the page explains them: by verdict, and
 * whether each is circular (trade_report_check_circular). */
typedef struct check_note {
    trade_verdict verdict;
    int circular;
} check_note;

typedef struct report {
    const char *outdir, *plots_dir;
    char **files;
    size_t nfiles;
    int render;
    int worst;
    html h;
    const trade_table *all;
    trade_table *tables[6]; /* in the order of trade_report_sections */
    check_note *checks;     /* one per row of the check table */
    names written, written_plots;
    size_t ncharts;
    char toc[64][200];
    char tocslug[64][96];
} report;

enum { T_GROWTH, T_RANKS, T_COMPARE, T_STATS, T_FIT, T_CHECK, T_COUNT };

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

/* The header cells of a table of observations (the page's one layout of
 * an observation), and one observation's cells. */
static void obs_head(html *h)
{
    h_raw(h, "<th>reporter</th><th>partner</th><th>flow</th><th>product</th>"
             "<th>period</th><th>value</th><th>qualifier</th><th>source</th><th>locator</th>"
             "<th>note</th>");
}

static void obs_cells(html *h, const trade_obs *o)
{
    char per[TRADE_PERIOD_BUFSIZE], val[128];
    trade_period_format(&o->period, per, sizeof per);
    value_text(o->value, o->unit, val, sizeof val);
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
}

/* The figures of a chart of observations: the rows it drew. */
static void obs_table(html *h, const trade_table *t, const unsigned char *used)
{
    h_raw(h, "<table>\n<thead><tr>");
    obs_head(h);
    h_raw(h, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        if (used[r] != TRADE_PLOT_ROW_DRAWN)
            continue;
        h_raw(h, "<tr>");
        obs_cells(h, trade_table_obs(t, r));
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

/* ---- the tables, computed in-process on the one table ---- */

/* growth, stats and fit: the rows `trade growth`, `trade stats` and `trade
 * fit` write (tools/series.c), into a table. */
static int series_table(const trade_table *all, int which, trade_table *out)
{
    series_out so;
    size_t nmetric;
    const trade_column *metric = which == T_GROWTH  ? trade_growth_columns(&nmetric)
                                 : which == T_STATS ? trade_summary_columns(&nmetric)
                                                    : trade_fit_columns(&nmetric);
    int rc = series_out_open_table(&so, all, metric, nmetric, out);
    if (rc)
        return rc;
    trade_error err;
    rc = which == T_GROWTH  ? trade_growth_table(all, NULL, series_growth_row, &so, &err)
         : which == T_STATS ? trade_summary_run(all, series_summary_row, &so, &err)
                            : trade_fit_run(all, NULL, series_fit_row, &so, &err);
    rc = rc == -1 ? so.rc : rc ? cli_fail(&err) : CLI_OK;
    return series_out_close(&so, rc);
}

/* ranks: every observation with its rank (trade_rank_table, the options of
 * `trade rank` by default). */
static int ranks_table(const trade_table *all, trade_table *out)
{
    size_t n = trade_table_rows(all), ncols = trade_table_cols(all);
    double *rank = malloc((n + 1) * sizeof *rank);
    const char **cells = malloc((ncols + 2) * sizeof *cells);
    trade_error err;
    int rc = CLI_OK;
    if (!rank || !cells) {
        cli_errorf("report", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if (trade_rank_table(all, NULL, rank, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    const trade_column *own = trade_rank_columns(NULL);
    long rankcol = trade_table_col_index(all, own[0].name);
    for (size_t i = 0; i < ncols && !rc; i++)
        if (trade_table_add_column(out, trade_table_col_name(all, i), &err))
            rc = cli_fail(&err);
    if (!rc && rankcol < 0) {
        rankcol = (long)ncols;
        if (trade_table_add_column(out, own[0].name, &err))
            rc = cli_fail(&err);
    }
    for (size_t r = 0; r < n && !rc; r++) {
        char num[TRADE_NUMBER_BUFSIZE] = "";
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(all, r, i);
        if (!isnan(rank[r]))
            trade_number_format(rank[r], num, sizeof num);
        cells[rankcol] = num;
        if (trade_table_add_row(out, cells, &err))
            rc = cli_fail(&err);
    }
done:
    free(rank);
    free(cells);
    return rc;
}

typedef struct check_ctx {
    report *rp;
    trade_table *out;
    size_t cap;
    int rc;
} check_ctx;

static int on_check(void *vctx, const trade_check_result *r)
{
    check_ctx *c = vctx;
    report *rp = c->rp;
    char num[8][TRADE_NUMBER_BUFSIZE];
    const char *cells[32];
    trade_error err;
    size_t k = trade_table_rows(c->out);
    if (k == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        check_note *v = realloc(rp->checks, cap * sizeof *v);
        if (!v) {
            cli_errorf("report", "out of memory");
            c->rc = CLI_EUSAGE;
            return 1;
        }
        rp->checks = v;
        c->cap = cap;
    }
    rp->checks[k].verdict = r->verdict;
    rp->checks[k].circular = trade_report_check_circular(rp->all, r);
    trade_check_cells(rp->all, r, num, cells);
    if (trade_table_add_row(c->out, cells, &err)) {
        c->rc = cli_fail(&err);
        return 1;
    }
    return 0;
}

/* check: the rows `trade check` writes, and each check's verdict. */
static int check_table(report *rp, trade_table *out)
{
    size_t ncols;
    const char *const *cols = trade_check_columns(&ncols, NULL);
    trade_error err;
    if (ncols > 32) {
        cli_errorf("report", "too many check columns");
        return CLI_EUSAGE;
    }
    for (size_t i = 0; i < ncols; i++)
        if (trade_table_add_column(out, cols[i], &err))
            return cli_fail(&err);
    check_ctx c = {rp, out, 0, CLI_OK};
    if (trade_check_run(rp->all, on_check, &c, &err))
        return c.rc ? c.rc : cli_fail(&err);
    return c.rc;
}

/* Every table of the report, each by library calls on the one table; a
 * table that fails is reported and left empty, and the rest still runs. */
static void make_tables(report *rp)
{
    size_t n;
    const trade_report_section *sec = trade_report_sections(&n);
    for (size_t i = 0; i < n && i < T_COUNT; i++) {
        trade_table *t = rp->tables[i] = trade_table_new();
        note("%s", sec[i].file);
        int rc = CLI_EUSAGE;
        trade_error err;
        if (!t)
            cli_errorf("report", "out of memory");
        else if (i == T_GROWTH || i == T_STATS || i == T_FIT)
            rc = series_table(rp->all, (int)i, t);
        else if (i == T_RANKS)
            rc = ranks_table(rp->all, t);
        else if (i == T_CHECK)
            rc = check_table(rp, t);
        else
            rc = trade_report_compare(rp->all, t, &err) ? cli_fail(&err) : CLI_OK;
        if (rc) {
            cli_errorf("report", "%s failed", sec[i].file);
            worse(rp, rc < CLI_EUSAGE ? CLI_EUSAGE : rc);
            trade_table_free(t);
            rp->tables[i] = trade_table_new(); /* an empty sheet */
        }
    }
}

/* Write table t to outdir/file as CSV. Returns an exit code. */
static int write_table(const char *outdir, const char *file, const trade_table *t)
{
    char *path = join(outdir, file);
    size_t ncols = trade_table_cols(t);
    const char **cells = malloc((ncols + 1) * sizeof *cells);
    trade_writer *w = NULL;
    trade_error err;
    int rc = CLI_OK;
    if (!path || !cells) {
        cli_errorf("report", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    for (size_t i = 0; i < ncols; i++)
        cells[i] = trade_table_col_name(t, i);
    trade_write_options wo = {0};
    if (trade_writer_open(&w, path, &wo, &err) ||
        trade_writer_header(w, ncols, cells, NULL, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t r = 0; r < trade_table_rows(t) && !rc; r++) {
        for (size_t i = 0; i < ncols; i++)
            cells[i] = trade_table_cell(t, r, i);
        if (trade_writer_row(w, cells, &err))
            rc = cli_fail(&err);
    }
    if (!rc)
        rc = cli_writer_commit(w);
    else
        trade_writer_discard(w);
    w = NULL;
done:
    free(path);
    free(cells);
    return rc;
}

/* report.xlsx: each table a sheet, and the observations with their sources. */
static int write_workbook(report *rp)
{
    size_t n;
    const trade_report_section *sec = trade_report_sections(&n);
    char *path = join(rp->outdir, "report.xlsx");
    trade_workbook *wb = NULL;
    trade_error err;
    if (!path)
        return -1;
    int rc = trade_workbook_open(&wb, path, &err);
    for (size_t i = 0; !rc && i < n && i < T_COUNT; i++)
        rc = trade_workbook_add_table(wb, sec[i].name, rp->tables[i], &err);
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

/* One chart of the report's model: its script written (and rendered, and
 * copied into the plots folder), its section of the page with the figures
 * drawn. */
static int on_chart(void *ctx, const trade_report_chart *c)
{
    report *rp = ctx;
    if (c->status) {
        if (c->status != TRADE_EDATA) {
            cli_print_error(c->err);
            worse(rp, cli_exit_code(c->status));
        }
        /* a listed chart of figures that are not there (kind growth: the
         * rates it names have none) */
        if (c->listed && c->table == rp->all)
            fprintf(stderr, "trade report: chart %s: no figure to draw\n", c->slug);
        return 0;
    }
    note("chart %s", c->slug);
    char gp[128], img[3][128];
    static const char *const ext[] = {"png", "svg", "pdf"};
    snprintf(gp, sizeof gp, "%s.gp", c->slug);
    for (int f = 0; f < 3; f++)
        snprintf(img[f], sizeof img[f], "%s.%s", c->slug, ext[f]);
    trade_error err;
    char *gpath = join(rp->outdir, gp);
    if (!gpath || trade_file_write_atomic(gpath, c->script, c->len, &err)) {
        if (gpath)
            cli_print_error(&err);
        worse(rp, CLI_EUSAGE);
        free(gpath);
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
        if (!pg || !pp || !src || trade_file_write_atomic(pg, c->script, c->len, &err) ||
            (rp->render && write_copy(src, pp))) {
            fprintf(stderr, "trade report: cannot copy %s into %s\n", c->slug, rp->plots_dir);
            worse(rp, CLI_EUSAGE);
        } else if (names_add(&rp->written_plots, gp) ||
                   (rp->render && names_add(&rp->written_plots, img[0]))) {
            worse(rp, CLI_EUSAGE);
        }
        free(pg), free(pp), free(src);
    }
    html *h = &rp->h;
    if (rp->ncharts < 64) {
        snprintf(rp->toc[rp->ncharts], sizeof rp->toc[0], "%s", c->shown);
        snprintf(rp->tocslug[rp->ncharts], sizeof rp->tocslug[0], "%s", c->slug);
    }
    rp->ncharts++;
    h_raw(h, "<section id=\"");
    h_attr(h, c->slug);
    h_raw(h, "\">\n<h2>");
    h_text(h, c->shown);
    h_raw(h, "</h2>\n<figure><img src=\"");
    h_attr(h, img[0]);
    h_raw(h, "\" width=\"800\" height=\"500\" alt=\"");
    h_text(h, c->shown);
    h_raw(h, "\"><figcaption>");
    if (c->caption) {
        h_text(h, c->caption);
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
    if (c->table == rp->all)
        obs_table(h, c->table, c->used);
    else
        growth_table(h, c->table, c->used);
    h_raw(h, "</div></details>\n</section>\n");
    free(gpath);
    return 0;
}

/* Every observation no chart drew, with the reason. */
static void not_drawn(report *rp, const unsigned char *state)
{
    html *h = &rp->h;
    const trade_table *t = rp->all;
    size_t n = trade_table_rows(t), k = 0;
    for (size_t r = 0; r < n; r++)
        k += state[r] != TRADE_PLOT_ROW_DRAWN;
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
    h_raw(h, "<div class=\"scroll\"><table>\n<thead><tr>");
    obs_head(h);
    h_raw(h, "<th>why not drawn</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < n; r++) {
        if (state[r] == TRADE_PLOT_ROW_DRAWN)
            continue;
        h_raw(h, "<tr>");
        obs_cells(h, trade_table_obs(t, r));
        h_raw(h, "<td class=\"why\">");
        h_text(h, trade_report_why_text(state[r]));
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
    const trade_table *t = rp->tables[T_CHECK];
    h_raw(h, "<section id=\"consistency\">\n<h2>Consistency of the figures</h2>\n");
    if (!trade_table_cols(t)) {
        h_raw(h, "<p>No consistency check could be made (see check.csv).</p>\n</section>\n");
        return;
    }
    if (!trade_table_rows(t)) {
        h_raw(h, "<p>No figure here can be checked against another: no stated growth rate "
                 "with both its levels, no total with two parts or more, no figure stated "
                 "twice.</p>\n</section>\n");
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
        const check_note *cn = &rp->checks[r];
        ncirc += cn->circular;
        if (cn->circular)
            continue;
        nc += cn->verdict == TRADE_CONSISTENT;
        nr += cn->verdict == TRADE_CONSISTENT_ROUNDING;
        ni += cn->verdict == TRADE_INCONSISTENT;
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
        const char *unit = cell(t, r, "unit");
        trade_verdict verdict = rp->checks[r].verdict;
        int pct = !strcmp(unit, "percent_change") || !strcmp(unit, "percent");
        int circ = rp->checks[r].circular;
        char series[300], a[96], b[96], gap[96], g2[128];
        snprintf(series, sizeof series, "%s \xe2\x86\x92 %s, %s%s%s",
                 trade_country_name(cell(t, r, "reporter")),
                 trade_country_name(cell(t, r, "partner")), trade_report_flow_words(cell(t, r, "flow")),
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
        h_raw(h, verdict == TRADE_INCONSISTENT ? "<b class=\"bad\">" : "<b class=\"ok\">");
        h_text(h, trade_interval_verdict_name(verdict));
        h_raw(h, "</b>");
        if (circ)
            h_raw(h, "<br><b>circular</b>: derived base");
        h_raw(h, "</td>");
        h_cell(h, cell(t, r, "compared"), 0);
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table></div>\n</section>\n");
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

/* Is path an existing folder (1), missing (0), or something else (-1)? */
static int folder_state(const char *path)
{
    struct stat st;
    if (stat(path, &st))
        return errno == ENOENT ? 0 : -1;
    return S_ISDIR(st.st_mode) ? 1 : -1;
}

/* Print a chart-list error: FILE:LINE: message, or trade report: FILE: why. */
static void config_error(const trade_error *err)
{
    if (err->line)
        fprintf(stderr, "%s:%lu: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        cli_errorf("report", "%s: %s", err->file, err->message);
    else
        cli_print_error(err);
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"plots-dir", required_argument, NULL, OPT_PLOTS_DIR},
                                             {"no-render", no_argument, NULL, OPT_NO_RENDER},
                                             {"title", required_argument, NULL, OPT_TITLE},
                                             {"subtitle", required_argument, NULL, OPT_SUBTITLE},
                                             {"config", required_argument, NULL, OPT_CONFIG},
                                             {"where", required_argument, NULL, CLI_OPT_WHERE},
                                             {"help", no_argument, NULL, CLI_OPT_HELP},
                                             {NULL, 0, NULL, 0}};
    report rp = {0};
    cli_common input = {0}; /* --where */
    trade_report_config *cf = NULL;
    trade_report *model = NULL;
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
        case CLI_OPT_WHERE:
            if (cli_common_option(&input, "report", c, optarg)) {
                cli_usage_hint("report");
                return CLI_EUSAGE;
            }
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
    trade_error err;
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
    if (conf_path && trade_report_config_read(conf_path, &cf, &err)) {
        config_error(&err);
        rc = CLI_EUSAGE;
        goto out;
    }
    /* the folder, read once */
    all = trade_table_new();
    rc = all ? cli_read_inputs(all, "report", (int)rp.nfiles, rp.files, &input) : CLI_EUSAGE;
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
    /* the tables, each written by the one function */
    make_tables(&rp);
    static const int written_order[] = {T_GROWTH, T_RANKS, T_STATS, T_FIT, T_CHECK, T_COMPARE};
    const trade_report_section *sec = trade_report_sections(NULL);
    for (size_t i = 0; i < sizeof written_order / sizeof written_order[0]; i++) {
        int k = written_order[i];
        if (write_table(outdir, sec[k].file, rp.tables[k])) {
            cli_errorf("report", "%s failed", sec[k].file);
            worse(&rp, CLI_EUSAGE);
        }
        wrote(&rp, sec[k].file);
    }
    note("%s", "report.xlsx");
    if (write_workbook(&rp))
        worse(&rp, CLI_EUSAGE);
    wrote(&rp, "report.xlsx");
    /* the page */
    char auto_title[300];
    trade_report_page_title(all, auto_title, sizeof auto_title);
    const char *conf_title = trade_report_config_title(cf);
    const char *page_title = title ? title : conf_title ? conf_title : auto_title;
    html *h = &rp.h;
    h_raw(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    h_text(h, page_title);
    h_raw(h, "</title>\n<style>");
    h_raw(h, css);
    h_raw(h, "</style>\n</head>\n<body>\n<h1>");
    h_text(h, page_title);
    h_raw(h, "</h1>\n");
    const char *sub = subtitle ? subtitle : trade_report_config_subtitle(cf);
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
    /* the charts: the report's model chooses and draws them, on_chart writes them */
    if (trade_report_new(all, rp.tables[T_GROWTH], cf, &model, &err) ||
        trade_report_charts(model, on_chart, &rp, &err)) {
        cli_print_error(&err);
        worse(&rp, CLI_EUSAGE);
    }
    if (model)
        not_drawn(&rp, trade_report_row_state(model));
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
    trade_report_free(model);
    for (int i = 0; i < T_COUNT; i++)
        trade_table_free(rp.tables[i]);
    free(rp.checks);
    trade_table_free(all);
    for (size_t i = 0; i < rp.nfiles; i++)
        free(rp.files[i]);
    free(rp.files);
    names_free(&rp.written);
    names_free(&rp.written_plots);
    names_free(&old_out);
    names_free(&old_plots);
    trade_report_config_free(cf);
    return rc;
}
