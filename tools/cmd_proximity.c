/* cmd_proximity.c - trade proximity: the product-by-product proximity of
 * each period of a product panel, streamed row by row
 * (trade_complexity_proximity). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

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
    "options:\n"
    "      --threshold X     RCA or RPOP cut-off (default 1)\n"
    "      --presence P      rca (default) or rpop\n"
    "      --population FILE CSV with reporter, period, population (for rpop)\n"
    "      --proximity K     symmetric (default), asymmetric or continuous\n"
    "      --flow F          the flow of the panel (default export)\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade proximity --proximity continuous panel.csv -o proximity.csv\n";

enum { OPT_THRESHOLD = 1, OPT_PRESENCE, OPT_POPULATION, OPT_PROXIMITY, OPT_FLOW };

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
    static const struct option longopts[] = {
        {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"presence", required_argument, NULL, OPT_PRESENCE},
        {"population", required_argument, NULL, OPT_POPULATION},
        {"proximity", required_argument, NULL, OPT_PROXIMITY},
        {"flow", required_argument, NULL, OPT_FLOW},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_complexity_options opt;
    trade_complexity_options_init(&opt);
    const char *popfile = NULL, *flow = "export";
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "proximity")) != -1) {
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case OPT_THRESHOLD:
            if (trade_number_parse(optarg, strlen(optarg), &opt.threshold)) {
                cli_errorf("proximity", "--threshold: '%s' is not a plain number", optarg);
                cli_usage_hint("proximity");
                return CLI_EUSAGE;
            }
            break;
        case OPT_PRESENCE:
            if (trade_presence_parse(optarg, &opt.presence)) {
                cli_errorf("proximity", "--presence: rca or rpop, not '%s'", optarg);
                cli_usage_hint("proximity");
                return CLI_EUSAGE;
            }
            break;
        case OPT_POPULATION:
            popfile = optarg;
            break;
        case OPT_PROXIMITY:
            if (trade_proximity_parse(optarg, &opt.proximity)) {
                cli_errorf("proximity",
                           "--proximity: symmetric, asymmetric or continuous, not '%s'", optarg);
                cli_usage_hint("proximity");
                return CLI_EUSAGE;
            }
            break;
        case OPT_FLOW:
            flow = optarg;
            break;
        default:
            if (c == '?' || cli_common_option(&o, "proximity", c, optarg)) {
                cli_usage_hint("proximity");
                return CLI_EUSAGE;
            }
        }
    }
    if ((opt.presence == TRADE_PRESENCE_RPOP) != (popfile != NULL)) {
        cli_errorf("proximity", "--presence rpop and --population FILE go together");
        cli_usage_hint("proximity");
        return CLI_EUSAGE;
    }
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
    if ((rc = cli_read_inputs(t, "proximity", argc - optind, argv + optind, &o)))
        goto done;
    if (trade_panel_build(t, flow, &panel, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    if (popfile) {
        trade_read_options ro = {0};
        ro.generic = 1;
        if (!(pt = trade_table_new()) || trade_table_read_file(pt, popfile, &ro, &err) ||
            trade_population_new(pt, &pop, &err)) {
            rc = pt ? cli_fail(&err) : CLI_EUSAGE;
            goto done;
        }
    }
    if ((rc = cli_writer_open(&oc.w, &o)))
        goto done;
    static const char *const names[] = {"period", "product_1", "product_2", "proximity", "status"};
    static const unsigned char numeric[] = {0, 0, 0, 1, 0};
    if (trade_writer_header(oc.w, 5, names, numeric, &err)) {
        trade_writer_discard(oc.w);
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = trade_complexity_proximity(panel, pop, &opt, put_pair, &oc, &err))) {
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
