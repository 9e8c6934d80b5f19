/* cmd_complexity.c - trade complexity: RCA, presence, diversity, ubiquity,
 * ECI, PCI, density, COI and COG per (period, reporter, product) of a
 * product panel (trade/complexity.h does the work). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "panel_opts.h"

static const char usage[] =
    "usage: trade complexity [OPTIONS] [PANEL...]\n"
    "\n"
    "The measures of the Atlas of Economic Complexity, with the conventions of\n"
    "the Growth Lab's ecomplexity package for Stata, per period on a product panel\n"
    "(observation CSV with a product column, as `trade import --level hs2|hs4|hs6`\n"
    "writes; rows of --flow in a currency; other units such as t are left out).\n"
    "x_cp = the exports of reporter c in product p: the row with partner WLD when\n"
    "there is one, else the sum over partners. Reporter WLD is not a country here.\n"
    "One row per period, reporter and product of the period (absent pairs: 0):\n"
    "  rca       (x_cp / sum_p x_cp) / (sum_c x_cp / sum_cp x_cp)\n"
    "  rpop      (x_cp / sum_c x_cp) / (pop_c / sum_c pop_c)       (--presence rpop)\n"
    "  mcp       1 when rca (or rpop) > threshold, strictly, as Stata does\n"
    "  diversity d_c = sum_p mcp;  ubiquity u_p = sum_c mcp\n"
    "  eci, pci  eigenvector of the 2nd largest eigenvalue of M~pp = U^-1 M' D^-1 M\n"
    "            (pci side, kp) and kc = D^-1 M kp (eci side), computed with GSL's\n"
    "            gsl_eigen_symmv on the similar symmetric matrix of the smaller side\n"
    "            (D^-1/2 M U^-1 M' D^-1/2 or U^-1/2 M' D^-1 M U^-1/2); sign: kc\n"
    "            correlates positively with diversity; eci = (kc - m)/s, pci =\n"
    "            (kp - m)/s, m and s the mean and sd of kc over the C x P rows of\n"
    "            the period (n - 1 in the denominator, as Stata's summarize)\n"
    "  density   sum_q M_cq phi_pq / sum_q phi_pq (continuous: rca or rpop for M)\n"
    "  coi       sum_p density_cp (1 - M_cp) kp_p, z-scored over the C x P rows\n"
    "  cog       (1 - M_cp) sum_q (1 - M_cq) phi_qp kp_q / sum_r phi_qr, over s\n"
    "proximity phi (diagonal 0): symmetric C_pq / max(u_p, u_q) with C = M'M (the\n"
    "smaller conditional probability); asymmetric C_pq / u_p; continuous\n"
    "(1 + corr(level_p, level_q)) / 2 over countries. The proximity is built in\n"
    "blocks of rows, never whole.\n"
    "Empty cells have a status: a reporter with no exports, a product no one\n"
    "exports, a reporter missing from --population (left out of the period's\n"
    "computation, as Stata drops it), or a whole period whose network has a\n"
    "reporter of diversity 0 or a product of ubiquity 0 at the threshold.\n"
    "method says the options of the row.\n"
    "\n"
    "options:\n" PANEL_OPTIONS_HELP
    "      --knn K           density from the K nearest products of each product:\n"
    "                        phi_pq >= the K-th largest phi_p. of the row (ties kept;\n"
    "                        the threshold as Stata computes max(t, -1), which can\n"
    "                        drop ties by one unit in the last place, as there;\n"
    "                        K >= the number of products: all of them)\n"
    "      --flow F          the flow of the panel (default export)\n"
    "      --threads N       1 or 2 (default 2)\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade import baci BACI_HS92_Y2021_V202401b.csv --level hs6 | trade complexity\n";

enum { OPT_KNN = 1, OPT_THREADS };

static const char *const cols_rca[] = {
    "period", "reporter", "product", "value", "rca", "mcp",    "diversity", "ubiquity",
    "eci",    "pci",      "density", "coi",   "cog", "method", "status",    NULL};
static const char *const cols_rpop[] = {"period", "reporter", "product", "value",     "population",
                                        "rpop",   "rca",      "mcp",     "diversity", "ubiquity",
                                        "eci",    "pci",      "density", "coi",       "cog",
                                        "method", "status",   NULL};

typedef struct out_ctx {
    trade_writer *w;
    int rpop;
    char method[160];
    char period[TRADE_PERIOD_BUFSIZE];
    const trade_period *last;
    trade_error err;
} out_ctx;

static int put_row(void *vctx, const trade_complexity_row *r)
{
    out_ctx *o = vctx;
    char num[12][TRADE_NUMBER_BUFSIZE];
    const char *cells[18];
    size_t k = 0, ni = 0;
    if (r->period != o->last) {
        trade_period_format(r->period, o->period, sizeof o->period);
        o->last = r->period;
    }
    cells[k++] = o->period;
    cells[k++] = r->reporter;
    cells[k++] = r->product;
#define NUM(v) (trade_number_format_fast((v), num[ni], sizeof num[ni]), cells[k++] = num[ni++])
    NUM(r->value);
    if (o->rpop) {
        NUM(r->population);
        NUM(r->rpop);
    }
    NUM(r->rca);
    NUM(r->mcp);
    NUM(r->diversity);
    NUM(r->ubiquity);
    NUM(r->eci);
    NUM(r->pci);
    NUM(r->density);
    NUM(r->coi);
    NUM(r->cog);
#undef NUM
    cells[k++] = o->method;
    cells[k++] = r->status;
    return trade_writer_row(o->w, cells, &o->err) ? 1 : 0;
}

int cmd_complexity(int argc, char **argv)
{
    static const struct option longopts[] = {PANEL_OPTIONS,
                                             {"knn", required_argument, NULL, OPT_KNN},
                                             {"threads", required_argument, NULL, OPT_THREADS},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    panel_opts po;
    panel_opts_init(&po);
    trade_complexity_options opt;
    int c, h;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "complexity")) != -1) {
        char *end;
        if ((h = panel_opts_option(&po, "complexity", c, optarg)) != 0) {
            if (h < 0)
                return CLI_EUSAGE;
            continue;
        }
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case OPT_KNN:
            po.opt.knn = (size_t)strtoul(optarg, &end, 10);
            if (*end || !po.opt.knn || optarg[0] == '-') {
                cli_errorf("complexity", "--knn: a whole number of at least 1, not '%s'", optarg);
                cli_usage_hint("complexity");
                return CLI_EUSAGE;
            }
            break;
        case OPT_THREADS:
            po.opt.threads = (int)strtol(optarg, &end, 10);
            if (*end || po.opt.threads < 1 || po.opt.threads > 2) {
                cli_errorf("complexity", "--threads: 1 or 2, not '%s'", optarg);
                cli_usage_hint("complexity");
                return CLI_EUSAGE;
            }
            break;
        default:
            if (c == '?' || cli_common_option(&o, "complexity", c, optarg)) {
                cli_usage_hint("complexity");
                return CLI_EUSAGE;
            }
        }
    }
    if (panel_opts_check(&po, "complexity"))
        return CLI_EUSAGE;
    opt = po.opt;
    trade_table *t = trade_table_new(), *pt = NULL;
    trade_panel *panel = NULL;
    trade_population *pop = NULL;
    out_ctx oc = {0};
    trade_error err;
    int rc;
    if (!t) {
        cli_errorf("complexity", "out of memory");
        return CLI_EUSAGE;
    }
    if ((rc = panel_opts_load(&po, "complexity", t, argc - optind, argv + optind, &o, &panel, &pt,
                              &pop)))
        goto done;
    static const char *const prox[] = {"symmetric", "asymmetric", "continuous"};
    char thr[TRADE_NUMBER_BUFSIZE];
    trade_number_format(opt.threshold, thr, sizeof thr);
    int ml =
        snprintf(oc.method, sizeof oc.method, "%s>%s; proximity %s",
                 opt.presence == TRADE_PRESENCE_RPOP ? "rpop" : "rca", thr, prox[opt.proximity]);
    if (opt.knn && ml > 0 && (size_t)ml < sizeof oc.method)
        snprintf(oc.method + ml, sizeof oc.method - (size_t)ml, "; knn %zu", opt.knn);
    oc.rpop = opt.presence == TRADE_PRESENCE_RPOP;
    if ((rc = cli_writer_open(&oc.w, &o)))
        goto done;
    const char *const *names = oc.rpop ? cols_rpop : cols_rca;
    size_t nc = 0;
    unsigned char numeric[20];
    while (names[nc]) {
        numeric[nc] = strcmp(names[nc], "period") && strcmp(names[nc], "reporter") &&
                      strcmp(names[nc], "product") && strcmp(names[nc], "method") &&
                      strcmp(names[nc], "status");
        nc++;
    }
    if (trade_writer_header(oc.w, nc, names, numeric, &err)) {
        trade_writer_discard(oc.w);
        rc = cli_fail(&err);
        goto done;
    }
    rc = trade_complexity_run(panel, pop, &opt, put_row, &oc, &err);
    if (rc) {
        trade_writer_discard(oc.w);
        rc = cli_fail(rc == 1 && oc.err.code ? &oc.err : &err);
        goto done;
    }
    rc = cli_writer_commit(oc.w);
done:
    trade_population_free(pop);
    trade_table_free(pt);
    trade_panel_free(panel);
    trade_table_free(t);
    return rc;
}
