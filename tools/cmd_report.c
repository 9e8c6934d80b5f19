/* cmd_report.c - trade report: the tables, charts and one HTML page for a
 * folder of observation CSV files.
 *
 * The tables come from the other commands, run in-process with built argv
 * arrays (growth, rank, stats, fit, check; compare twice, merged into one
 * long table). The charts are the named groups of the briefs plus one per
 * reporter, flow and unit the named ones leave out; each is written as
 * NAME.gp by the plot module and rendered to NAME.png and NAME.svg by
 * gnuplot. index.html shows every chart with the table of its figures and
 * their sources, and the consistency verdicts; it links only files beside
 * it and escapes every text. A failing step is reported and the rest still
 * runs; the exit status is the worst one. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade report [DATASETS_DIR] -o OUTDIR [--plots-dir DIR] [--no-render]\n"
    "\n"
    "Read every *.csv in DATASETS_DIR (default: datasets) through the format's\n"
    "checks and write into OUTDIR:\n"
    "  growth.csv, ranks.csv, stats.csv, fit.csv, check.csv  as trade growth,\n"
    "      trade rank, trade stats, trade fit and trade check write them;\n"
    "  compare.csv  one row per measure: measure (balance = exports - imports,\n"
    "      coverage = exports / imports, total = exports + imports, from trade\n"
    "      compare balance; share_pct = 100 * value / the sum of its reporter,\n"
    "      flow, period and unit, from trade compare share), reporter, partner,\n"
    "      flow (trade for balance, coverage and total), period, unit (ratio for\n"
    "      coverage, percent for shares), product, value, status, source, locator;\n"
    "  NAME.gp, NAME.png, NAME.svg  one chart per group: the named groups of the\n"
    "      briefs and one per reporter, flow and unit they leave out;\n"
    "  index.html  every chart with the table of its figures and their sources\n"
    "      (brief and line), the consistency verdicts, links to the tables;\n"
    "      relative links only, no external assets.\n"
    "\n"
    "options:\n"
    "  -o, --output OUTDIR   the folder to write (created if missing; required)\n"
    "      --plots-dir DIR   also copy each chart's .gp and .png into DIR\n"
    "      --no-render       write the scripts but do not run gnuplot\n"
    "      --help            show this help\n"
    "\n"
    "exit status: 0 ok, 1 bad data, 2 usage, I/O, a failed step or a missing\n"
    "gnuplot (the rest is still written).\n"
    "\n"
    "example:\n"
    "  trade report datasets -o report && xdg-open report/index.html\n";

enum { OPT_PLOTS_DIR = 1, OPT_NO_RENDER };

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

/* The *.csv files of dir, sorted, as dir/name. */
static int list_csv(const char *dir, char ***out, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return CLI_EUSAGE;
    }
    char **v = NULL;
    size_t k = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".csv"))
            continue;
        if (k == cap) {
            cap = cap ? cap * 2 : 16;
            char **nv = realloc(v, cap * sizeof *nv);
            if (!nv)
                break;
            v = nv;
        }
        if (!(v[k] = join(dir, e->d_name)))
            break;
        k++;
    }
    closedir(d);
    if (k)
        qsort(v, k, sizeof *v, cmp_str);
    *out = v;
    *n = k;
    return CLI_OK;
}

/* ---- running the other commands ---- */

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

/* compare.csv: compare balance and compare share merged into one long table. */
static int write_compare(const char *outdir, char **files, size_t nfiles)
{
    char *bal = join(outdir, ".compare-balance.csv"), *sha = join(outdir, ".compare-share.csv");
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

static void h_table_generic(html *h, const trade_table *t, const char *const *want)
{
    size_t nc = 0;
    long idx[32];
    const char *names[32];
    for (size_t i = 0; want[i] && nc < 32; i++) {
        long c = trade_table_col_index(t, want[i]);
        if (c >= 0) {
            idx[nc] = c;
            names[nc++] = want[i];
        }
    }
    h_raw(h, "<table>\n<thead><tr>");
    for (size_t i = 0; i < nc; i++) {
        h_raw(h, "<th>");
        h_text(h, names[i]);
        h_raw(h, "</th>");
    }
    h_raw(h, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        h_raw(h, "<tr>");
        for (size_t i = 0; i < nc; i++) {
            const char *v = trade_table_cell(t, r, (size_t)idx[i]);
            int num = trade_column_is_numeric(names[i]);
            h_raw(h, num ? "<td class=\"num\">" : "<td>");
            if (!strcmp(names[i], "verdict"))
                h_raw(h, !strcmp(v, "inconsistent") ? "<b class=\"bad\">" : "<b class=\"ok\">");
            h_text(h, v);
            if (!strcmp(names[i], "verdict"))
                h_raw(h, "</b>");
            h_raw(h, "</td>");
        }
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table>\n");
}

/* ---- charts ---- */

typedef struct chart_spec {
    const char *slug;
    const char *title;
    trade_plot_kind kind;
    const char *reporters, *partners, *flows, *units, *period; /* comma lists; NULL any */
    const char *caption;
} chart_spec;

#define CA "KAZ,UZB,TKM,KGZ,TJK"

static const chart_spec named[] = {
    {"belgium-kazakhstan-exports", "Belgian exports to Kazakhstan", TRADE_PLOT_LINE, "BEL", "KAZ",
     "export,services_export", "EUR", NULL,
     "Goods and services exports over time; the 2009 figure is derived from the stated 2010 "
     "growth rate."},
    {"belgium-central-asia-2011", "Belgian exports to and imports from Central Asia, 2011",
     TRADE_PLOT_BARS, "BEL", CA, "export,import", "EUR", "2011",
     "Table 2 of the Belgium-Luxembourg brief (thousands of euros multiplied out)."},
    {"belgium-central-asia-ranks-2011",
     "Rank of the Central Asian states among Belgium's partners, 2011", TRADE_PLOT_RANK, "BEL", CA,
     "export,import", "rank", "2011", "Table 1 of the Belgium-Luxembourg brief; rank 1 on top."},
    {"luxembourg-central-asia-exports", "Luxembourg's exports to Central Asia", TRADE_PLOT_LINE,
     "LUX", CA, "export", "EUR", NULL,
     "The 2012 figures cover January to October only (square markers)."},
    {"middle-corridor-freight", "Middle Corridor freight", TRADE_PLOT_LINE, "XEA", NULL, "freight",
     "t", NULL, "Tonnes carried on the Trans-Caspian route; 2025 and 2027 are projections."},
    {"eu-kazakhstan-trade-investment", "EU-Kazakhstan trade and investment", TRADE_PLOT_LINE,
     "KAZ,EUU", "EUU,KAZ", "trade,investment_stock,export,import", "USD", NULL,
     "Goods trade and the cumulative EU investment stock in Kazakhstan."},
    {"belgium-russia-trade", "Belgian-Russian trade", TRADE_PLOT_BARS, "BEL", "RUS",
     "export,import", "EUR", NULL, "Belgian goods exports to and imports from Russia."},
};

static int in_list(const char *list, const char *v)
{
    if (!list)
        return 1;
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && !strncmp(p, v, n))
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

typedef struct report {
    const char *outdir, *plots_dir;
    char **files;
    size_t nfiles;
    int render;
    int worst;
    html h;
    unsigned char *covered; /* rows of the full table drawn by a chart */
    const trade_table *all;
    size_t ncharts;
    char toc[64][160];
    char tocslug[64][96];
} report;

static void worse(report *r, int rc)
{
    if (rc > r->worst)
        r->worst = rc;
}

/* Read the inputs again (they passed the checks) and keep the spec's rows. */
static trade_table *load_filtered(report *rp, const chart_spec *s, unsigned char **rowmap)
{
    trade_table *t = trade_table_new();
    if (!t)
        return NULL;
    trade_error err;
    for (size_t i = 0; i < rp->nfiles; i++)
        if (trade_table_read_file(t, rp->files[i], NULL, &err)) {
            trade_table_free(t);
            return NULL;
        }
    size_t n = trade_table_rows(t);
    unsigned char *keep = malloc(n ? n : 1);
    if (!keep) {
        trade_table_free(t);
        return NULL;
    }
    char per[TRADE_PERIOD_BUFSIZE];
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(t, r);
        trade_period_format(&o->period, per, sizeof per);
        keep[r] = in_list(s->reporters, o->reporter) && in_list(s->partners, o->partner) &&
                  in_list(s->flows, o->flow) && in_list(s->units, o->unit) &&
                  (!s->period || !strcmp(s->period, per));
    }
    *rowmap = keep; /* which rows of the full table (same order) are in t */
    if (trade_table_filter(t, keep, &err)) {
        free(keep);
        trade_table_free(t);
        return NULL;
    }
    return t;
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

static void data_table(report *rp, const trade_table *t, const unsigned char *used)
{
    html *h = &rp->h;
    int gen = trade_table_rows(t) && !trade_table_obs(t, 0);
    h_raw(h, "<details open><summary>Figures drawn and their sources</summary>\n"
             "<div class=\"scroll\">\n");
    if (gen) {
        /* a table of trade growth: its own columns, every row drawn */
        static const char *const cols[] = {"reporter",    "partner",   "flow",       "unit",
                                           "period_from", "period_to", "value_from", "value_to",
                                           "growth_pct",  "status",    "source",     NULL};
        h_table_generic(h, t, cols);
        h_raw(h, "</div></details>\n");
        return;
    }
    h_raw(h, "<table>\n<thead><tr><th>reporter</th><th>partner</th><th>flow</th><th>period</th>"
             "<th>value</th><th>unit</th><th>qualifier</th><th>source (brief)</th>"
             "<th>locator (line)</th><th>note</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        if (!used[r])
            continue;
        h_raw(h, "<tr>");
        const trade_obs *o = trade_table_obs(t, r);
        char per[TRADE_PERIOD_BUFSIZE], num[TRADE_NUMBER_BUFSIZE];
        trade_period_format(&o->period, per, sizeof per);
        trade_number_format(o->value, num, sizeof num);
        const char *cells[10] = {trade_country_name(o->reporter),
                                 trade_country_name(o->partner),
                                 o->flow,
                                 per,
                                 num,
                                 o->unit,
                                 o->qualifier,
                                 o->source,
                                 o->locator,
                                 o->note};
        for (int i = 0; i < 10; i++) {
            h_raw(h, i == 4 ? "<td class=\"num\">" : "<td>");
            h_text(h, cells[i]);
            h_raw(h, "</td>");
        }
        h_raw(h, "</tr>\n");
    }
    h_raw(h, "</tbody></table></div></details>\n");
}

static void do_chart(report *rp, const chart_spec *s, trade_table *t, const unsigned char *rowmap)
{
    trade_plot_options po = {0};
    po.kind = s->kind;
    po.title = s->title;
    po.name = s->slug;
    size_t n = trade_table_rows(t);
    unsigned char *used = calloc(n ? n : 1, 1);
    char *script = NULL;
    size_t len = 0;
    trade_error err;
    if (!used) {
        worse(rp, CLI_EUSAGE);
        return;
    }
    int rc = trade_plot_script(t, &po, &script, &len, used, &err);
    if (rc) {
        if (rc != TRADE_EDATA) {
            cli_print_error(&err);
            worse(rp, cli_exit_code(rc));
        }
        free(used);
        return;
    }
    note("chart %s", s->slug);
    /* mark the rows of the full table this chart drew */
    if (rowmap && rp->covered) {
        size_t k = 0;
        for (size_t r = 0; r < trade_table_rows(rp->all); r++)
            if (rowmap[r]) {
                if (k < n && used[k])
                    rp->covered[r] = 1;
                k++;
            }
    }
    char gp[256], png[256], svg[256];
    snprintf(gp, sizeof gp, "%s.gp", s->slug);
    snprintf(png, sizeof png, "%s.png", s->slug);
    snprintf(svg, sizeof svg, "%s.svg", s->slug);
    char *gpath = join(rp->outdir, gp);
    if (!gpath || trade_file_write_atomic(gpath, script, len, &err)) {
        if (gpath)
            cli_print_error(&err);
        worse(rp, CLI_EUSAGE);
        free(gpath), free(script), free(used);
        return;
    }
    if (rp->render) {
        for (int f = 0; f < 2; f++) {
            if (trade_plot_render(gpath, f ? "svg" : "png", &err)) {
                cli_print_error(&err);
                worse(rp, CLI_EUSAGE);
                break;
            }
        }
    }
    if (rp->plots_dir) {
        char *pg = join(rp->plots_dir, gp), *pp = join(rp->plots_dir, png);
        char *src = join(rp->outdir, png);
        if (!pg || !pp || !src || trade_file_write_atomic(pg, script, len, &err) ||
            (rp->render && write_copy(src, pp))) {
            fprintf(stderr, "trade report: cannot copy %s into %s\n", s->slug, rp->plots_dir);
            worse(rp, CLI_EUSAGE);
        }
        free(pg), free(pp), free(src);
    }
    html *h = &rp->h;
    if (rp->ncharts < 64) {
        snprintf(rp->toc[rp->ncharts], sizeof rp->toc[0], "%s", s->title);
        snprintf(rp->tocslug[rp->ncharts], sizeof rp->tocslug[0], "%s", s->slug);
    }
    rp->ncharts++;
    h_raw(h, "<section id=\"");
    h_attr(h, s->slug);
    h_raw(h, "\">\n<h2>");
    h_text(h, s->title);
    h_raw(h, "</h2>\n<figure><img src=\"");
    h_attr(h, png);
    h_raw(h, "\" width=\"800\" height=\"500\" alt=\"");
    h_text(h, s->title);
    h_raw(h, "\"><figcaption>");
    h_text(h, s->caption);
    h_raw(h, " <a href=\"");
    h_attr(h, svg);
    h_raw(h, "\">SVG</a> · <a href=\"");
    h_attr(h, gp);
    h_raw(h, "\">gnuplot script</a></figcaption></figure>\n");
    data_table(rp, t, used);
    h_raw(h, "</section>\n");
    free(gpath), free(script), free(used);
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
    out[j] = '\0';
}

static const char *flow_words(const char *flow)
{
    static const char *const m[][2] = {{"export", "exports"},
                                       {"import", "imports"},
                                       {"services_export", "services exports"},
                                       {"fdi_stock", "FDI stock"},
                                       {"fdi_flow", "FDI flows"},
                                       {"investment_stock", "investment stock"},
                                       {"aid", "assistance"},
                                       {"freight", "freight"},
                                       {"trade", "trade"}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (!strcmp(m[i][0], flow))
            return m[i][1];
    return flow;
}

/* One chart per reporter, flow and unit (level units) with two or more rows
 * not drawn by a named chart. */
static void generic_charts(report *rp)
{
    const trade_table *all = rp->all;
    size_t n = trade_table_rows(all);
    unsigned char *done = calloc(n ? n : 1, 1);
    if (!done) {
        worse(rp, CLI_EUSAGE);
        return;
    }
    for (size_t r = 0; r < n; r++) {
        const trade_obs *o = trade_table_obs(all, r);
        if (done[r] || rp->covered[r] || !strcmp(o->unit, "rank") || !strcmp(o->unit, "percent") ||
            !strcmp(o->unit, "percent_change") || !strcmp(o->unit, "pp"))
            continue;
        size_t count = 0, periods = 0;
        const trade_period *first = &o->period;
        for (size_t s = r; s < n; s++) {
            const trade_obs *q = trade_table_obs(all, s);
            if (!strcmp(q->reporter, o->reporter) && !strcmp(q->flow, o->flow) &&
                !strcmp(q->unit, o->unit)) {
                done[s] = 1;
                if (!rp->covered[s])
                    count++;
                if (trade_period_compare(first, &q->period))
                    periods = 1;
            }
        }
        if (count < 2)
            continue;
        char title[256], slug[96];
        snprintf(title, sizeof title, "%s: %s (%s)", trade_country_name(o->reporter),
                 flow_words(o->flow), o->unit);
        snprintf(slug, sizeof slug, "%s-%s-%s", o->reporter, o->flow, o->unit);
        char sl[96];
        slugify(slug, sl, sizeof sl);
        chart_spec s = {
            sl,          title, periods ? TRADE_PLOT_LINE : TRADE_PLOT_BARS,
            o->reporter, NULL,  o->flow,
            o->unit,     NULL,  "Every figure of this reporter, flow and unit in the datasets."};
        unsigned char *rowmap = NULL;
        trade_table *t = load_filtered(rp, &s, &rowmap);
        if (!t) {
            worse(rp, CLI_EUSAGE);
            continue;
        }
        do_chart(rp, &s, t, rowmap);
        free(rowmap);
        trade_table_free(t);
    }
    free(done);
}

static void growth_chart(report *rp)
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
         cf = trade_table_col_index(t, "flow");
    if (keep && cr >= 0 && cp >= 0 && cf >= 0) {
        for (size_t r = 0; r < n; r++)
            keep[r] = !strcmp(trade_table_cell(t, r, (size_t)cr), "BEL") &&
                      !strcmp(trade_table_cell(t, r, (size_t)cp), "KAZ") &&
                      !strcmp(trade_table_cell(t, r, (size_t)cf), "export");
        if (!trade_table_filter(t, keep, &err)) {
            chart_spec s = {"belgium-kazakhstan-export-growth",
                            "Growth of Belgian exports to Kazakhstan",
                            TRADE_PLOT_GROWTH,
                            NULL,
                            NULL,
                            NULL,
                            NULL,
                            NULL,
                            "Computed by trade growth from the levels (growth.csv)."};
            do_chart(rp, &s, t, NULL);
        }
    }
    free(keep);
    free(path);
    trade_table_free(t);
}

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
        h_raw(h, "<p>No consistency check could be made (see check.csv).</p>\n");
    } else {
        h_raw(h, "<p>Each figure stands for an interval of half its precision either side; "
                 "<code>trade check</code> compares stated growth rates with the levels, totals "
                 "with their parts, and figures stated twice (<a href=\"check.csv\">check.csv"
                 "</a>).</p>\n");
        static const char *const cols[] = {
            "check", "reporter", "partner",  "flow",      "period",   "unit",      "compared",
            "gap",   "verdict",  "a_source", "a_locator", "b_source", "b_locator", NULL};
        /* a count per verdict first */
        long vc = trade_table_col_index(t, "verdict");
        const char *names[16];
        size_t counts[16], nv = 0;
        for (size_t r = 0; vc >= 0 && r < trade_table_rows(t); r++) {
            const char *v = trade_table_cell(t, r, (size_t)vc);
            size_t i = 0;
            while (i < nv && strcmp(names[i], v))
                i++;
            if (i == nv && nv < 16) {
                names[nv] = v;
                counts[nv++] = 0;
            }
            if (i < nv)
                counts[i]++;
        }
        h_raw(h, "<p>Verdicts: ");
        for (size_t i = 0; i < nv; i++) {
            char num[32];
            snprintf(num, sizeof num, "%zu", counts[i]);
            h_raw(h, i ? ", <b>" : "<b>");
            h_text(h, num);
            h_raw(h, "</b> ");
            h_text(h, *names[i] ? names[i] : "(none)");
        }
        h_raw(h, nv ? ".</p>\n" : "no comparisons.</p>\n");
        h_raw(h, "<div class=\"scroll\">\n");
        h_table_generic(h, t, cols);
        h_raw(h, "</div>\n");
    }
    h_raw(h, "</section>\n");
    free(path);
    trade_table_free(t);
}

static const char css[] =
    "body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;"
    "line-height:1.45}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px "
    "solid #ccc}figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #eee}"
    "figcaption{font-size:.9em;color:#444}table{border-collapse:collapse;font-size:.85em;"
    "margin:.5em 0}th,td{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:"
    "top}td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}"
    ".scroll{overflow-x:auto}.ok{color:#006b4f}.bad{color:#b3261e}summary{cursor:pointer;color:#"
    "0b5394}";

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"plots-dir", required_argument, NULL, OPT_PLOTS_DIR},
                                             {"no-render", no_argument, NULL, OPT_NO_RENDER},
                                             {"help", no_argument, NULL, CLI_OPT_HELP},
                                             {NULL, 0, NULL, 0}};
    report rp = {0};
    rp.render = 1;
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
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
        default:
            fputs(usage, stderr);
            return CLI_EUSAGE;
        }
    }
    if (argc - optind > 1) {
        cli_errorf("report", "one datasets folder, not %d", argc - optind);
        return CLI_EUSAGE;
    }
    if (!rp.outdir) {
        cli_errorf("report", "-o OUTDIR is required");
        fputs(usage, stderr);
        return CLI_EUSAGE;
    }
    const char *dir = optind < argc ? argv[optind] : "datasets";
    /* argv of the sub-commands is rebuilt: keep our own copy of the names */
    const char *outdir = rp.outdir;
    progress = isatty(2);
    if (list_csv(dir, &rp.files, &rp.nfiles))
        return CLI_EUSAGE;
    if (!rp.nfiles) {
        cli_errorf("report", "%s: no .csv files", dir);
        free(rp.files);
        return CLI_EUSAGE;
    }
    trade_table *all = trade_table_new();
    int rc = all ? cli_read_inputs(all, "report", (int)rp.nfiles, rp.files, NULL) : CLI_EUSAGE;
    if (rc)
        goto out;
    if (mkdir(outdir, 0777) && errno != EEXIST) {
        cli_errorf("report", "%s: %s", outdir, strerror(errno));
        rc = CLI_EUSAGE;
        goto out;
    }
    if (rp.plots_dir && mkdir(rp.plots_dir, 0777) && errno != EEXIST) {
        cli_errorf("report", "%s: %s", rp.plots_dir, strerror(errno));
        rc = CLI_EUSAGE;
        goto out;
    }
    rp.all = all;
    rp.covered = calloc(trade_table_rows(all) ? trade_table_rows(all) : 1, 1);
    if (!rp.covered) {
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
        free(path);
    }
    note("%s", "compare.csv");
    if (write_compare(outdir, rp.files, rp.nfiles)) {
        cli_errorf("report", "compare.csv failed");
        worse(&rp, CLI_EUSAGE);
    }
    /* the page */
    html *h = &rp.h;
    h_raw(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<title>Trade and investment: Belgium, Luxembourg, the EU and Central Asia</title>\n"
             "<style>");
    h_raw(h, css);
    h_raw(h, "</style>\n</head>\n<body>\n<h1>Trade and investment figures of the briefs</h1>\n"
             "<p>Made by <code>trade report</code> from ");
    char count[32];
    snprintf(count, sizeof count, "%zu", trade_table_rows(all));
    h_text(h, count);
    h_raw(h, " observations in ");
    snprintf(count, sizeof count, "%zu", rp.nfiles);
    h_text(h, count);
    h_raw(h, " files. Every figure below names its source: the brief (file name without "
             "<code>.txt</code>) and the line in it. Open markers are estimates, projections or "
             "derived figures; triangles and arrows are bounds; squares are partial periods.</p>\n"
             "<p>Tables: <a href=\"growth.csv\">growth.csv</a> · <a href=\"ranks.csv\">ranks.csv"
             "</a> · <a href=\"compare.csv\">compare.csv</a> · <a href=\"stats.csv\">stats.csv"
             "</a> · <a href=\"fit.csv\">fit.csv</a> · <a href=\"check.csv\">check.csv</a></p>\n"
             "<!--TOC-->\n");
    size_t toc_at = h->len;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        unsigned char *rowmap = NULL;
        trade_table *t = load_filtered(&rp, &named[i], &rowmap);
        if (!t) {
            worse(&rp, CLI_EUSAGE);
            continue;
        }
        do_chart(&rp, &named[i], t, rowmap);
        free(rowmap);
        trade_table_free(t);
        if (i == 0)
            growth_chart(&rp);
    }
    generic_charts(&rp);
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
    h_raw(&toc, "<li><a href=\"#consistency\">Consistency of the figures</a></li>\n</ol></nav>\n");
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
        free(index);
    }
    free(toc.p);
    free(page.p);
    free(h->p);
    rc = rp.worst;
out:
    trade_table_free(all);
    for (size_t i = 0; i < rp.nfiles; i++)
        free(rp.files[i]);
    free(rp.files);
    free(rp.covered);
    return rc;
}
