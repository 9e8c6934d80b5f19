/* cmd_proximity.c - trade proximity: the product-by-product proximity of
 * each period of a product panel, streamed row by row
 * (trade_complexity_proximity). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "panel_opts.h"

static const char usage[] =
    "usage: trade proximity [OPTIONS] [PANEL...]\n"
    "\n"
    "The proximity phi_pq of every pair of products of each period (P x P rows:\n"
    "period, product_1, product_2, proximity, status; the diagonal is 0), from\n"
    "the presence M_cp = rca (or rpop) > threshold of `trade complexity`:\n"
    "  symmetric   C_pq / max(u_p, u_q), C = M'M, u_p = sum_c M_cp (the smaller\n"
    "              of the two conditional probabilities; default)\n"
    "  asymmetric  C_pq / u_p (the probability of q given p)\n"
    "  continuous  (1 + corr(level_p, level_q)) / 2, Pearson over countries\n"
    "The panel is read as by `trade complexity` (see its --help).\n"
    "\n"
    "options:\n" PANEL_OPTIONS_HELP
    "      --flow F          the flow of the panel (default export)\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade proximity --proximity continuous panel.csv -o proximity.csv\n";

typedef struct out_ctx {
    trade_writer *w;
    char period[TRADE_PERIOD_BUFSIZE];
    const trade_period *last;
    trade_error err;
} out_ctx;

static int put_pair(void *vctx, const trade_period *period, const char *p, const char *q, double v,
                    const char *status)
{
    out_ctx *o = vctx;
    char num[TRADE_NUMBER_BUFSIZE];
    if (period != o->last) {
        trade_period_format(period, o->period, sizeof o->period);
        o->last = period;
    }
    trade_number_format_fast(v, num, sizeof num);
    const char *cells[] = {o->period, p, q, num, status};
    return trade_writer_row(o->w, cells, &o->err) ? 1 : 0;
}

int cmd_proximity(int argc, char **argv)
{
    static const struct option longopts[] = {PANEL_OPTIONS, CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    panel_opts po;
    panel_opts_init(&po);
    int c, h;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "proximity")) != -1) {
        if ((h = panel_opts_option(&po, "proximity", c, optarg)) != 0) {
            if (h < 0)
                return CLI_EUSAGE;
            continue;
        }
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (c == '?' || cli_common_option(&o, "proximity", c, optarg)) {
            cli_usage_hint("proximity");
            return CLI_EUSAGE;
        }
    }
    if (panel_opts_check(&po, "proximity"))
        return CLI_EUSAGE;
    trade_table *t = trade_table_new(), *pt = NULL;
    trade_panel *panel = NULL;
    trade_population *pop = NULL;
    out_ctx oc = {0};
    trade_error err;
    int rc;
    if (!t) {
        cli_errorf("proximity", "out of memory");
        return CLI_EUSAGE;
    }
    if ((rc = panel_opts_load(&po, "proximity", t, argc - optind, argv + optind, &o, &panel, &pt,
                              &pop)))
        goto done;
    if ((rc = cli_writer_open(&oc.w, &o)))
        goto done;
    static const char *const names[] = {"period", "product_1", "product_2", "proximity", "status"};
    static const unsigned char numeric[] = {0, 0, 0, 1, 0};
    if (trade_writer_header(oc.w, 5, names, numeric, &err)) {
        trade_writer_discard(oc.w);
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = trade_complexity_proximity(panel, pop, &po.opt, put_pair, &oc, &err))) {
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
