/* cmd_import.c - trade import baci|comtrade|merge: bulk panels (CEPII BACI,
 * UN Comtrade) summed into observation rows, and the reduce step that merges
 * the partial sums written by --partial. The work is in the library
 * (trade/import.h); this file parses options, shows progress on a terminal
 * and writes the rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade import baci [OPTIONS] FILE...\n"
    "       trade import comtrade [OPTIONS] FILE...\n"
    "       trade import merge [OPTIONS] PARTIAL...\n"
    "\n"
    "Sum bulk bilateral trade panels into observation CSV, one row per\n"
    "(period, reporter, partner[, product], flow), sorted in that order, with\n"
    "the value in USD (unit USD) and the source (the file, ARCHIVE(MEMBER) for\n"
    "a member of a zip, names joined by \" + \" for a group drawn from several).\n"
    "Sums are exact (integers in billionths of a dollar and of a tonne; finer\n"
    "digits are rounded, half to even).\n"
    "\n"
    "Files are read as downloaded: plain, gzip, zstd, xz or bzip2 (told by\n"
    "content, not by name), or a zip archive. Spaces around fields are\n"
    "ignored; a header line repeated further down (yearly files concatenated)\n"
    "is skipped. A pipe or a compressed BACI file is first copied to an\n"
    "unlinked temporary file in TMPDIR (else /tmp). A NUL byte, UTF-16, a\n"
    "field over 1 MiB or a line over 16 MiB (BACI: 64 MiB) stop the import\n"
    "with the place.\n"
    "\n"
    "baci: CEPII BACI files, header t,i,j,k,v,q (year, exporter and importer\n"
    "  numeric codes, HS6 product, value in thousands of USD, quantity in\n"
    "  tonnes, empty or NA when unknown). reporter = exporter, partner =\n"
    "  importer, flow = export. Read with two threads. A zip (as CEPII ships\n"
    "  BACI_HS17_V202401b.zip) is read whole: country_codes*.csv is the country\n"
    "  table (--countries entries win), product_codes*.csv gives product_name\n"
    "  with --product-names, every other *.csv member is a yearly file, other\n"
    "  members are skipped. Negative values and product codes of more than 6\n"
    "  characters are errors. HS92's 9999AA is grouped by its first characters\n"
    "  (hs4 9999, hs2 99) like any code; codes of 1, 3 or 5 digits get back\n"
    "  the leading zero a spreadsheet took.\n"
    "comtrade: UN Comtrade CSV or tab-separated bulk file, columns found by\n"
    "  name: refYear and/or period (YYYY or YYYYMM; they must agree, and a\n"
    "  YYYYMM period must agree with refMonth when there is one),\n"
    "  reporterISO/reporterCode, partnerISO/partnerCode, flowCode (X, M, RX,\n"
    "  RM -> export, import, reexport, reimport; other flows are skipped),\n"
    "  cmdCode, primaryValue (USD), netWgt (kg); or the legacy comtrade.un.org\n"
    "  names (Year, Period, Reporter Code, Reporter ISO, Partner Code, Partner\n"
    "  ISO, Trade Flow Code 1-4, Commodity Code, Trade Value (US$), Netweight\n"
    "  (kg)). Special codes: W00 or code 0 -> WLD; EU, EUR, EU2, EU27, EU28 ->\n"
    "  EUU; _KS -> XKX; areas nes and special categories -> X + their numeric\n"
    "  code (S19 490, E19 568, F19 577, _X 899, X1 839, X2 838, XX 837).\n"
    "  --level total takes the cmdCode TOTAL rows, --level hsN the rows whose\n"
    "  code has N digits (a lost leading zero restored), so no trade is\n"
    "  counted twice; a file with no row at the level is an error. Rows with\n"
    "  motCode other than 0, customsCode other than C00 or partner2Code other\n"
    "  than 0 are breakdowns and are skipped (empty cells are none).\n"
    "merge: add up files written with --partial (the reduce step). Partials of\n";

static const char usage2[] =
    "  other options (level, quantity, format) and an input split given twice\n"
    "  are refused.\n"
    "\n"
    "Numeric country codes: ISO 3166-1, the historical codes of the format\n"
    "(810 SUN, 890 YUG, 200 CSK, 278 DDR, 891 SCG, 530 ANT), and BACI's and\n"
    "Comtrade's own: 58 BLX, 97 EUU, 251 FRA, 280 DEU, 381 ITA, 579 NOR, 699 IND,\n"
    "736 SDN, 757 CHE, 842 USA, 849 UMI; 490, 568, 577, 697, 711, 899 as X +\n"
    "code.\n"
    "\n"
    "options:\n"
    "      --level L         total (default), hs2, hs4 or hs6: group products by\n"
    "                        code prefix, in a product column\n"
    "      --with-quantity   also write the quantity as a row with unit t (BACI q,\n"
    "                        Comtrade netWgt); qualifier lower_bound when some\n"
    "                        rows of the group had no quantity\n"
    "      --countries FILE  BACI country table (country_code,...,country_iso3)\n"
    "                        for numeric codes not built in\n"
    "      --keep-unknown    keep any other unknown numeric code n as X + 3\n"
    "                        digits (X123) instead of failing\n"
    "      --product-names   a product_name column from the product table of a\n"
    "                        BACI zip\n"
    "      --products FILE   the same from a table with columns code,description\n"
    "      --source NAME     the source of every row (a part of a file cut for a\n"
    "                        map step keeps the name of the whole)\n"
    "      --partial         write mergeable partial sums (period, reporter,\n"
    "                        partner, flow, product, value_usd, quantity_t,\n"
    "                        rows, quantity_rows, source, and a column named by\n"
    "                        the options and the hash of each input) for merge\n"
    "      --threads N       worker threads for baci (1 or 2; default 2)\n"
    "  -o, --output FILE     write to FILE (atomically) instead of stdout\n"
    "      --format FMT      csv (default), tsv, jsonl or xlsx (Excel, with -o FILE)\n"
    "      --raw             do not neutralise spreadsheet formulas in text cells\n"
    "      --where COND      keep only the rows written where COND holds (as in\n"
    "                        trade cat: =, !=, <, <=, >, >=, ~; on the columns\n"
    "                        above, product included; not with --partial)\n"
    "      --help            show this help\n"
    "\n"
    "FILE may be - (or absent) for stdin. A BACI file whose first line is data\n"
    "(a part cut for a map step) is read in BACI's order t,i,j,k,v,q.\n"
    "\n"
    "example:\n"
    "  trade import baci --level hs6 BACI_HS17_V202401b.zip -o hs6.csv\n";

static void print_usage(FILE *f)
{
    fputs(usage, f);
    fputs(usage2, f);
}

enum {
    OPT_LEVEL = 1,
    OPT_QTY,
    OPT_COUNTRIES,
    OPT_KEEP,
    OPT_PARTIAL,
    OPT_THREADS,
    OPT_NAMES,
    OPT_PRODUCTS,
    OPT_SOURCE
};

typedef struct progress_state {
    const char *file;
    int last;
} progress_state;

static void progress(void *ctx, uint64_t done, uint64_t total)
{
    progress_state *s = ctx;
    int pct = total ? (int)(done * 100 / total) : 100;
    if (pct == s->last)
        return;
    s->last = pct;
    char bar[41];
    int n = pct * 40 / 100;
    memset(bar, '#', (size_t)n);
    memset(bar + n, '.', (size_t)(40 - n));
    bar[40] = '\0';
    fprintf(stderr, "\r%s [%s] %3d%%", s->file, bar, pct);
    fflush(stderr);
}

/* Rows as CSV text, for a writer that takes it (trade_writer_takes_text):
 * a streamed hs6 import writes 20 million rows, and the writer's checks
 * cell by cell cost more than making them. A row goes as text when every
 * cell is one the writer copies as it is (trade_writer_csv_plain): the
 * codes, the flow and the source are checked once per string (there are
 * few), the period, the numbers and the product by their bytes; any other
 * row goes through trade_writer_row after the text before it. */
#define TEXT_CAP 65536 /* a piece the writer copies into its own buffer */

typedef struct text_out {
    int on;     /* the writer takes text */
    char *buf;  /* TEXT_CAP bytes, NULL until the first row */
    size_t len;
    const char *str[4]; /* the strings checked last: reporter, partner, flow, source */
    size_t slen[4];     /* their lengths, 0 when not plain */
    int plain[4];
    /* "reporter,partner,flow,period," of the last row (rows come in runs
     * of one partner), for the strings and the period in key */
    const char *key[3];
    char key_period[16];
    char pre[64];
    long plen; /* -1: not plain */
} text_out;

/* Where the rows go: the writer, opened at the first row (or at the end). */
typedef struct row_out {
    const cli_common *o;
    trade_import *im;
    trade_writer *w;
    int partial, with_qty, names, has_product;
    int failed; /* cli exit code of a failure, with its message printed */
    trade_where *where; /* --where on the rows written (NULL: all) */
    text_out text;
} row_out;

static int out_open(row_out *r)
{
    if (r->w || r->failed)
        return r->failed;
    trade_error err;
    int rc;
    const char *names[16];
    size_t nc = 0;
    char *meta = NULL;
    if (r->partial) {
        const char *const *cols = trade_import_partial_columns();
        while (cols[nc] && nc < 15) {
            names[nc] = cols[nc];
            nc++;
        }
        if (!(meta = trade_import_partial_meta(r->im))) {
            cli_errorf("import", "out of memory");
            return r->failed = CLI_EUSAGE;
        }
        names[nc++] = meta;
    } else {
        static const char *const base[] = {"reporter", "partner", "flow", "period", "value", "unit"};
        for (; nc < 6; nc++)
            names[nc] = base[nc];
        if (r->has_product)
            names[nc++] = "product";
        if (r->has_product && r->names)
            names[nc++] = "product_name";
        if (r->with_qty)
            names[nc++] = "qualifier";
        names[nc++] = "source";
    }
    /* --where on the columns written, checked before anything is */
    if (r->where && (rc = trade_where_bind(r->where, nc, names, &err))) {
        free(meta);
        return r->failed = cli_fail(&err);
    }
    if ((rc = cli_writer_open(&r->w, r->o))) {
        free(meta);
        return r->failed = rc;
    }
    rc = trade_writer_header(r->w, nc, names, NULL, &err);
    free(meta);
    if (rc) {
        trade_writer_discard(r->w);
        r->w = NULL;
        return r->failed = cli_fail(&err);
    }
    r->text.on = !r->partial && !r->names && !r->where && trade_writer_takes_text(r->w);
    return 0;
}

static void text_free(row_out *r)
{
    free(r->text.buf);
    memset(&r->text, 0, sizeof r->text);
}

/* String k of a row (cached by address: the importer's strings stay put
 * while rows are written): its length, or -1 when it is not plain. */
static long text_str(text_out *t, int k, const char *s)
{
    if (t->str[k] != s) {
        size_t n = strlen(s);
        t->str[k] = s;
        t->slen[k] = n;
        t->plain[k] = !memchr(s, ',', n) && trade_writer_csv_plain(s, n);
    }
    return t->plain[k] ? (long)t->slen[k] : -1;
}

/* 1 for each byte a plain number, period or product cell may hold. */
static const unsigned char cell_byte[256] = {
    ['-'] = 1, ['.'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* The length of a number, period or product cell when plain: letters,
 * digits, '.', '-' and '_' (no formula start, no byte to quote). */
static long text_cell(const char *s)
{
    size_t n = 0;
    if (s[0] == '-' || s[0] == '+' || s[0] == '=' || s[0] == '@')
        return -1;
    /* one table look-up a byte (the NUL's entry is 0 and ends the loop) */
    while (cell_byte[(unsigned char)s[n]])
        n++;
    return s[n] ? -1 : (long)n;
}

static int text_flush(text_out *t, trade_writer *w, trade_error *err)
{
    size_t n = t->len;
    t->len = 0;
    return n ? trade_writer_text(w, t->buf, n, err) : 0;
}

static char *text_put(char *p, const char *s, long n, char sep)
{
    memcpy(p, s, (size_t)n);
    p[n] = sep;
    return p + n + 1;
}

/* Append g's rows to r's text: 1 done, 0 when they are not plain (the
 * text flushed: the caller writes them as cells), or -status. */
static int put_text(row_out *r, const trade_import_group *g, trade_error *err)
{
    text_out *t = &r->text;
    trade_writer *w = r->w;
    if (!t->plen || t->key[0] != g->reporter || t->key[1] != g->partner ||
        t->key[2] != g->flow || strcmp(t->key_period, g->period)) {
        long rep = text_str(t, 0, g->reporter), par = text_str(t, 1, g->partner),
             flow = text_str(t, 2, g->flow), per = text_cell(g->period);
        t->key[0] = g->reporter;
        t->key[1] = g->partner;
        t->key[2] = g->flow;
        memcpy(t->key_period, g->period, sizeof t->key_period);
        t->key_period[sizeof t->key_period - 1] = '\0';
        t->plen = -1;
        if (rep >= 0 && par >= 0 && flow >= 0 && per >= 0 &&
            (size_t)(rep + par + flow + per) + 4 <= sizeof t->pre) {
            char *q = t->pre;
            q = text_put(q, g->reporter, rep, ',');
            q = text_put(q, g->partner, par, ',');
            q = text_put(q, g->flow, flow, ',');
            q = text_put(q, g->period, per, ',');
            t->plen = q - t->pre;
        }
    }
    long src = text_str(t, 3, g->source), val = text_cell(g->value),
         prod = r->has_product ? text_cell(g->product) : 0;
    int qrow = r->with_qty && g->quantity_rows;
    long qty = qrow ? text_cell(g->quantity) : 0;
    int rc;
    if (t->plen < 0 || src < 0 || val < 0 || prod < 0 || qty < 0 ||
        !(val && (g->value[0] >= '0' && g->value[0] <= '9')) ||
        (qrow && !(g->quantity[0] >= '0' && g->quantity[0] <= '9'))) {
        rc = text_flush(t, w, err);
        return rc ? -rc : 0;
    }
    /* reporter,partner,flow,period,value,USD[,product][,qualifier],source */
    size_t one = (size_t)(t->plen + src) + 3 + 3 + /* unit, 2 commas, LF */
                 (r->has_product ? (size_t)prod + 1 : 0) + (r->with_qty ? 11 + 1 : 0),
           need = (size_t)val + one + (qrow ? (size_t)qty + one : 0);
    if (need > TEXT_CAP) {
        rc = text_flush(t, w, err);
        return rc ? -rc : 0;
    }
    if (!t->buf && !(t->buf = malloc(TEXT_CAP))) {
        trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "out of memory");
        return -TRADE_ENOMEM;
    }
    if (TEXT_CAP - t->len < need && (rc = text_flush(t, w, err)))
        return -rc;
    char *p = t->buf + t->len;
    for (int k = 0; k < 1 + qrow; k++) {
        memcpy(p, t->pre, (size_t)t->plen);
        p += t->plen;
        if (k) {
            p = text_put(p, g->quantity, qty, ',');
            memcpy(p, "t,", 2);
            p += 2;
        } else {
            p = text_put(p, g->value, val, ',');
            memcpy(p, "USD,", 4);
            p += 4;
        }
        if (r->has_product)
            p = text_put(p, g->product, prod, ',');
        if (r->with_qty && k && g->quantity_rows < g->rows)
            p = text_put(p, "lower_bound", 11, ',');
        else if (r->with_qty)
            *p++ = ',';
        p = text_put(p, g->source, src, '\n');
    }
    t->len = (size_t)(p - t->buf);
    return 1;
}

static int put_group(row_out *r, const trade_import_group *g, trade_error *errp)
{
    trade_writer *w = r->w;
    const trade_where *wh = r->where;
    trade_error err;
    const char *period = g->period;
    char rows[24], qrows[24];
    int rc;
    if (r->text.on && (rc = put_text(r, g, &err)) != 0) {
        if (rc < 0)
            *errp = err;
        return rc < 0 ? -rc : 0;
    }
    if (r->partial) {
        snprintf(rows, sizeof rows, "%llu", (unsigned long long)g->rows);
        snprintf(qrows, sizeof qrows, "%llu", (unsigned long long)g->quantity_rows);
        const char *cells[] = {period,      g->reporter, g->partner, g->flow,   g->product, g->value,
                               g->quantity, rows,        qrows,      g->source, ""};
        rc = trade_writer_row(w, cells, &err);
    } else {
        const char *cells[10] = {g->reporter, g->partner, g->flow, period, g->value, "USD"};
        size_t k = 6, kq = 0;
        if (r->has_product)
            cells[k++] = g->product;
        if (r->has_product && r->names)
            cells[k++] = g->product_name;
        if (r->with_qty) {
            kq = k;
            cells[k++] = "";
        }
        cells[k++] = g->source;
        rc = trade_where_match(wh, cells) ? trade_writer_row(w, cells, &err) : 0;
        if (!rc && r->with_qty && g->quantity_rows) {
            cells[4] = g->quantity;
            cells[5] = "t";
            cells[kq] = g->quantity_rows < g->rows ? "lower_bound" : "";
            if (trade_where_match(wh, cells))
                rc = trade_writer_row(w, cells, &err);
        }
    }
    if (rc)
        *errp = err;
    return rc;
}

static int out_group(void *ctx, const trade_import_group *g)
{
    row_out *r = ctx;
    if (out_open(r))
        return TRADE_EIO;
    trade_error err;
    int rc = put_group(r, g, &err);
    if (rc)
        r->failed = cli_fail(&err);
    return rc;
}

static void out_discard(row_out *r);

static int out_commit(row_out *r)
{
    if (out_open(r))
        return r->failed;
    trade_error err;
    int rc = text_flush(&r->text, r->w, &err);
    text_free(r);
    if (rc) {
        out_discard(r);
        return cli_fail(&err);
    }
    trade_writer *w = r->w;
    r->w = NULL;
    return cli_writer_commit(w);
}

static void out_discard(row_out *r)
{
    text_free(r);
    trade_writer_discard(r->w);
    r->w = NULL;
}

static int write_rows(row_out *r)
{
    size_t n = trade_import_count(r->im);
    trade_import_group g;
    for (size_t i = 0; i < n && !r->has_product; i++) {
        trade_import_get(r->im, i, &g);
        r->has_product = g.product[0] != '\0';
    }
    for (size_t i = 0; i < n; i++) {
        trade_import_get(r->im, i, &g);
        if (out_group(r, &g)) {
            out_discard(r);
            return r->failed;
        }
    }
    return out_commit(r);
}

int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {{"level", required_argument, NULL, OPT_LEVEL},
                                             {"with-quantity", no_argument, NULL, OPT_QTY},
                                             {"countries", required_argument, NULL, OPT_COUNTRIES},
                                             {"keep-unknown", no_argument, NULL, OPT_KEEP},
                                             {"partial", no_argument, NULL, OPT_PARTIAL},
                                             {"threads", required_argument, NULL, OPT_THREADS},
                                             {"product-names", no_argument, NULL, OPT_NAMES},
                                             {"products", required_argument, NULL, OPT_PRODUCTS},
                                             {"source", required_argument, NULL, OPT_SOURCE},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_import_options opt = {0};
    const char *countries = NULL, *products = NULL;
    int partial = 0, names = 0, c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "import")) != -1) {
        switch (c) {
        case CLI_OPT_HELP:
            print_usage(stdout);
            return CLI_OK;
        case OPT_LEVEL:
            if (strcmp(optarg, "total") == 0)
                opt.level = TRADE_IMPORT_TOTAL;
            else if (strcmp(optarg, "hs2") == 0)
                opt.level = TRADE_IMPORT_HS2;
            else if (strcmp(optarg, "hs4") == 0)
                opt.level = TRADE_IMPORT_HS4;
            else if (strcmp(optarg, "hs6") == 0)
                opt.level = TRADE_IMPORT_HS6;
            else {
                cli_errorf("import", "--level must be total, hs2, hs4 or hs6, not '%s'", optarg);
                cli_usage_hint("import");
                return CLI_EUSAGE;
            }
            break;
        case OPT_QTY:
            opt.with_quantity = 1;
            break;
        case OPT_COUNTRIES:
            countries = optarg;
            break;
        case OPT_KEEP:
            opt.keep_unknown = 1;
            break;
        case OPT_PARTIAL:
            partial = 1;
            opt.split_hash = 1;
            break;
        case OPT_SOURCE:
            opt.source = optarg;
            break;
        case OPT_NAMES:
            names = 1;
            opt.product_names = 1;
            break;
        case OPT_PRODUCTS:
            products = optarg;
            names = 1;
            break;
        case OPT_THREADS:
            if (strcmp(optarg, "1") && strcmp(optarg, "2")) {
                cli_errorf("import", "--threads must be 1 or 2, not '%s'", optarg);
                cli_usage_hint("import");
                return CLI_EUSAGE;
            }
            opt.threads = atoi(optarg);
            break;
        case CLI_OPT_DRAFT:
            cli_errorf("import", "--draft does not apply to import (its rows are complete)");
            cli_usage_hint("import");
            return CLI_EUSAGE;
        case CLI_OPT_MAX_FIELD:
            return cli_refuse_option("import", c, "it reads bulk files, not observation CSV");
        default: {
            int rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "import", c, optarg);
            if (rc) {
                cli_usage_hint("import");
                return CLI_EUSAGE;
            }
        }
        }
    }
    if (optind >= argc) {
        cli_errorf("import", "expected baci, comtrade or merge");
        cli_usage_hint("import");
        return CLI_EUSAGE;
    }
    if (partial && o.nwhere) {
        cli_errorf("import", "--where does not apply to --partial (a filter on partial sums "
                             "changes the merged totals: filter the rows of merge)");
        cli_usage_hint("import");
        return CLI_EUSAGE;
    }
    const char *kind = argv[optind++];
    int (*add)(trade_import *, const char *, trade_error *);
    if (strcmp(kind, "baci") == 0)
        add = trade_import_baci;
    else if (strcmp(kind, "comtrade") == 0)
        add = trade_import_comtrade;
    else if (strcmp(kind, "merge") == 0)
        add = trade_import_partial;
    else {
        cli_errorf("import", "unknown input kind '%s': expected baci, comtrade or merge", kind);
        cli_usage_hint("import");
        return CLI_EUSAGE;
    }
    static char *dash[] = {"-", NULL};
    if (optind >= argc) { /* no file: stdin */
        argv = dash;
        argc = 1;
        optind = 0;
    }
    progress_state ps = {NULL, -1};
    if (isatty(2)) {
        opt.progress = progress;
        opt.progress_ctx = &ps;
    }
    trade_import *im;
    trade_error err;
    trade_error_clear(&err);
    trade_where *where = NULL;
    int rc = o.nwhere ? cli_where_new(&where, &o, "import") : 0;
    if (rc)
        return rc;
    if (trade_import_new(&im, &opt, &err)) {
        trade_where_free(where);
        return cli_fail(&err);
    }
    row_out ro;
    memset(&ro, 0, sizeof ro);
    ro.o = &o;
    ro.im = im;
    ro.partial = partial;
    ro.with_qty = opt.with_quantity;
    ro.names = names;
    ro.where = where;
    if (countries && (rc = trade_import_countries_load(im, countries, &err)))
        goto out;
    if (products && (rc = trade_import_products_load(im, products, &err)))
        goto out;
    /* one BACI file at product level, as BACI ships it (sorted): streamed,
     * memory bounded by the largest (year, exporter) block. Totals have few
     * groups: the two-thread hash path is faster there. */
    if (add == trade_import_baci && argc - optind == 1 && !partial &&
        opt.level != TRADE_IMPORT_TOTAL) {
        ro.has_product = opt.level != TRADE_IMPORT_TOTAL;
        ps.file = argv[optind];
        ps.last = -1;
        /* the writer before the threads start */
        if ((rc = out_open(&ro)))
            goto stream_fail;
        rc = trade_import_baci_stream(im, argv[optind], out_group, &ro, &err);
        if (opt.progress && rc >= 0)
            fputc('\n', stderr);
        if (rc == 0) {
            rc = out_commit(&ro);
            trade_import_free(im);
            trade_where_free(where);
            return rc;
        }
        if (rc > 0) {
        stream_fail:
            out_discard(&ro);
            trade_import_free(im);
            trade_where_free(where);
            return ro.failed ? ro.failed : cli_fail(&err);
        }
        out_discard(&ro); /* not sorted so: the general path, a new writer */
        ro.failed = 0;
        ro.has_product = 0;
        trade_import_free(im);
        if (trade_import_new(&im, &opt, &err)) {
            trade_where_free(where);
            return cli_fail(&err);
        }
        ro.im = im;
        if (countries && (rc = trade_import_countries_load(im, countries, &err)))
            goto out;
        if (products && (rc = trade_import_products_load(im, products, &err)))
            goto out;
    }
    for (int i = optind; i < argc; i++) {
        ps.file = argv[i];
        ps.last = -1;
        rc = add(im, argv[i], &err);
        if (opt.progress)
            fputc('\n', stderr);
        if (rc)
            goto out;
    }
    if ((rc = trade_import_finish(im, &err)))
        goto out;
    rc = write_rows(&ro);
    trade_import_free(im);
    trade_where_free(where);
    return rc;
out:
    trade_import_free(im);
    trade_where_free(where);
    return cli_fail(&err);
}
