/* cmd_indicator.c - trade indicator NAME: the WITS trade-outcome
 * indicators and unit values of a product panel (trade/indicators.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade indicator NAME [OPTIONS] [PANEL...]\n"
    "\n"
    "World Bank WITS indicators on a product panel (observation CSV with a\n"
    "product column, as `trade import --level hs2|hs4|hs6` writes; rows of --flow\n"
    "in a currency). Per period: x_ijk exports of reporter i to partner j in\n"
    "product k; x_ik the total of i in k (the partner-WLD row, else the sum over\n"
    "partners); X_i = sum_k x_ik; m_jk = sum_i x_ijk the imports of j (mirror);\n"
    "M_j = sum_k m_jk; w the world: --world panel (default) sums the panel's\n"
    "reporters, --world wld takes the rows of reporter WLD, --world auto the WLD\n"
    "rows in a period that has any, else the sum (method says which).\n"
    "  rca                 (x_ik / X_i) / (x_wk / X_w)             per i, k\n"
    "  intensity           (x_ij / X_i) / (x_wj / X_w)             per i, j\n"
    "  complementarity     100 (1 - sum_k |m_jk/M_j - x_ik/X_i| / 2) per i, j\n"
    "  similarity          100 sum_k min(x_ak/X_a, x_bk/X_b)  per a < b (partner b)\n"
    "  grubel-lloyd        1 - |x_ik - m_ik| / (x_ik + m_ik)       per i, k; per i:\n"
    "                      sum_k (x + m - |x - m|) / sum_k (x + m) (product empty)\n"
    "  penetration         100 n_ik / N_k: partners i serves in k over countries\n"
    "                      (other than i) importing k                per i, k\n"
    "  normalized-balance  (x_ik - m_ik) / (x_ik + m_ik) per i, k; per i:\n"
    "                      (X_i - M_i) / (X_i + M_i) (product empty)\n"
    "  unit-value          sum of values / sum of tonnes (unit t, or kg / 1000)\n"
    "                      per period, reporter, flow, product (--by-partner: and\n"
    "                      partner), from the money and t rows of\n"
    "                      `trade import --with-quantity`; when some rows had no\n"
    "                      quantity the tonnes are a lower bound\n"
    "                      (quantity_qualifier lower_bound) and so the unit value\n"
    "                      an upper bound (qualifier upper_bound); empty with a\n"
    "                      status for zero tonnes\n"
    "Columns: period, reporter, partner, product, indicator, value, method\n"
    "(the formula and the world), status (why a value is empty).\n"
    "\n"
    "options:\n"
    "      --world W         panel (default: the sum over the panel's reporters),\n"
    "                        wld (the rows of reporter WLD) or auto (WLD rows\n"
    "                        where a period has them, else the sum)\n"
    "      --flow F          the flow of the panel (default export)\n"
    "      --by-partner      unit-value: one row per partner too\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade indicator intensity --world wld panel.csv\n";

enum { OPT_WORLD = 1, OPT_FLOW, OPT_BY_PARTNER };

typedef struct out_ctx {
    trade_writer *w;
    const char *name;
    char method[200];
    size_t method_len; /* the formula part; the world is added per row */
    char period[TRADE_PERIOD_BUFSIZE];
    const trade_period *last;
    trade_error err;
} out_ctx;

static const char *fmt_period(out_ctx *o, const trade_period *p)
{
    if (p != o->last) {
        trade_period_format(p, o->period, sizeof o->period);
        o->last = p;
    }
    return o->period;
}

static int put_row(void *vctx, const trade_indicator_row *r)
{
    out_ctx *o = vctx;
    char num[TRADE_NUMBER_BUFSIZE];
    trade_number_format_fast(r->value, num, sizeof num);
    snprintf(o->method + o->method_len, sizeof o->method - o->method_len, "%s",
             r->world == TRADE_WORLD_WLD ? "WLD rows" : "sum of the panel");
    const char *cells[] = {fmt_period(o, r->period),
                           r->reporter,
                           r->partner,
                           r->product,
                           o->name,
                           num,
                           o->method,
                           r->status};
    return trade_writer_row(o->w, cells, &o->err) ? 1 : 0;
}

static int put_uv(void *vctx, const trade_unit_value_row *r)
{
    out_ctx *o = vctx;
    char v[TRADE_NUMBER_BUFSIZE], q[TRADE_NUMBER_BUFSIZE], uv[TRADE_NUMBER_BUFSIZE], unit[32];
    trade_number_format_fast(r->value, v, sizeof v);
    trade_number_format_fast(r->quantity_t, q, sizeof q);
    trade_number_format_fast(r->unit_value, uv, sizeof uv);
    snprintf(unit, sizeof unit, "%s/t", r->currency);
    const char *cells[] = {fmt_period(o, r->period),
                           r->reporter,
                           r->partner,
                           r->flow,
                           r->product,
                           v,
                           r->currency,
                           q,
                           r->quantity_qualifier,
                           uv,
                           unit,
                           r->qualifier,
                           r->status};
    return trade_writer_row(o->w, cells, &o->err) ? 1 : 0;
}

int cmd_indicator(int argc, char **argv)
{
    static const struct option longopts[] = {{"world", required_argument, NULL, OPT_WORLD},
                                             {"flow", required_argument, NULL, OPT_FLOW},
                                             {"by-partner", no_argument, NULL, OPT_BY_PARTNER},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_world world = TRADE_WORLD_PANEL;
    const char *flow = "export";
    int by_partner = 0, c;
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(usage, stdout);
        return CLI_OK;
    }
    if (argc < 2 || argv[1][0] == '-') {
        cli_errorf("indicator", "which indicator? (rca, intensity, complementarity, similarity, "
                                "grubel-lloyd, penetration, normalized-balance, unit-value)");
        cli_usage_hint("indicator");
        return CLI_EUSAGE;
    }
    const char *name = argv[1];
    trade_indicator kind = TRADE_INDICATOR_RCA;
    int uv = !strcmp(name, "unit-value");
    if (!uv && trade_indicator_parse(name, &kind)) {
        cli_errorf("indicator", "unknown indicator '%s'", name);
        cli_usage_hint("indicator");
        return CLI_EUSAGE;
    }
    argc--;
    argv++;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "indicator")) != -1) {
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case OPT_WORLD:
            if (trade_world_parse(optarg, &world)) {
                cli_errorf("indicator", "--world: panel, wld or auto, not '%s'", optarg);
                cli_usage_hint("indicator");
                return CLI_EUSAGE;
            }
            break;
        case OPT_FLOW:
            flow = optarg;
            break;
        case OPT_BY_PARTNER:
            by_partner = 1;
            break;
        default:
            if (c == '?' || cli_common_option(&o, "indicator", c, optarg)) {
                cli_usage_hint("indicator");
                return CLI_EUSAGE;
            }
        }
        /* an option of the other kind of indicator would do nothing */
        if ((uv && (c == OPT_WORLD || c == OPT_FLOW)) || (!uv && c == OPT_BY_PARTNER)) {
            cli_errorf("indicator", "%s is not used by %s (%s)",
                       c == OPT_WORLD  ? "--world"
                       : c == OPT_FLOW ? "--flow"
                                       : "--by-partner",
                       name, uv ? "unit values take every flow and no world" : "unit-value only");
            cli_usage_hint("indicator");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    trade_panel *panel = NULL;
    out_ctx oc = {0};
    trade_error err;
    int rc;
    if (!t) {
        cli_errorf("indicator", "out of memory");
        return CLI_EUSAGE;
    }
    if ((rc = cli_read_inputs(t, "indicator", argc - optind, argv + optind, &o)))
        goto done;
    if (!uv && trade_panel_build(t, flow, &panel, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    oc.name = name;
    snprintf(oc.method, sizeof oc.method, "%s; world ", uv ? "" : trade_indicator_formula(kind));
    oc.method_len = strlen(oc.method);
    if ((rc = cli_writer_open(&oc.w, &o)))
        goto done;
    if (uv) {
        static const char *const names[] = {"period",     "reporter",   "partner",
                                            "flow",       "product",    "value",
                                            "unit",       "quantity_t", "quantity_qualifier",
                                            "unit_value", "uv_unit",    "qualifier",
                                            "status"};
        static const unsigned char numeric[] = {0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0};
        if ((rc = trade_writer_header(oc.w, 13, names, numeric, &err)) == 0)
            rc = trade_indicator_unit_values(t, by_partner, put_uv, &oc, &err);
    } else {
        static const char *const names[] = {"period",    "reporter", "partner", "product",
                                            "indicator", "value",    "method",  "status"};
        static const unsigned char numeric[] = {0, 0, 0, 0, 0, 1, 0, 0};
        if ((rc = trade_writer_header(oc.w, 8, names, numeric, &err)) == 0)
            rc = trade_indicator_run(panel, kind, world, put_row, &oc, &err);
    }
    if (rc) {
        trade_writer_discard(oc.w);
        rc = cli_fail(rc == 1 && oc.err.code ? &oc.err : &err);
        goto done;
    }
    rc = cli_writer_commit(oc.w);
done:
    trade_panel_free(panel);
    trade_table_free(t);
    return rc;
}
