/* cmd_plot.c - trade plot: a gnuplot script (and with --render, its image)
 * for an observation CSV or, for growth charts, the output of trade growth. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade plot line|bars|growth|rank [OPTIONS] -o SCRIPT.gp [FILE...]\n"
    "\n"
    "Write a self-contained gnuplot script (data inline, commented) for a chart:\n"
    "  line    series over time (one line per series, points marked)\n"
    "  bars    grouped bars for one period: partners x flows\n"
    "  growth  growth rates as bars, declines in a second colour; input is the\n"
    "          output of trade growth (or observations in percent_change)\n"
    "  rank    ranks (unit rank) over time, rank 1 on top; one period: a dot plot\n"
    "The script writes SCRIPT.png (or .svg, .pdf) beside itself when gnuplot runs\n"
    "it in its folder; `gnuplot -e \"out_format='svg'\" SCRIPT.gp` picks another\n"
    "format. Estimates, projections and derived figures have open markers and\n"
    "dashed segments, bounds an arrow, partial periods a label naming their\n"
    "months. Text from the data never runs as gnuplot code.\n"
    "\n"
    "options:\n"
    "  -o, --output SCRIPT.gp  the script to write (required)\n"
    "      --title TEXT      chart title (default: made from the data)\n"
    "      --log             logarithmic y axis (line, bars)\n"
    "      --terminal T      png (default), svg or pdf: the script's format\n"
    "      --size W,H        chart size in pixels (default 800,500): the SVG size;\n"
    "                        PNG at three times that (print resolution), PDF W/100 in\n"
    "      --render FORMAT   also run gnuplot and write the image (png, svg, pdf)\n"
    "                        next to the script; gnuplot from $TRADE_GNUPLOT or PATH\n"
    "      --where COND      keep only rows where COND holds: COL=VAL, COL!=VAL, COL<N,\n"
    "                        COL<=N, COL>N, COL>=N (numbers), COL~REGEX (POSIX extended);\n"
    "                        repeated on one column means OR, on different columns AND\n"
    "      --draft           accept empty reporter, partner, flow and period\n"
    "      --max-field N     refuse fields longer than N bytes (default 1 MiB)\n"
    "      --help            show this help\n"
    "\n"
    "exit status: 0 ok, 1 bad data or nothing to plot, 2 usage, I/O or a missing\n"
    "gnuplot (the script is still written).\n"
    "\n"
    "example:\n"
    "  trade plot line --where reporter=BEL --where partner=KAZ --where flow=export \\\n"
    "      -o bel-kaz.gp --render png datasets/*.csv\n";

enum { OPT_TITLE = 1, OPT_LOG, OPT_TERMINAL, OPT_SIZE, OPT_RENDER };

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != ',' && *end != 'x'))
        return -1;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || *end || a < 16 || b < 16 || a > 20000 || b > 20000)
        return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int cmd_plot(int argc, char **argv)
{
    static const struct option longopts[] = {{"title", required_argument, NULL, OPT_TITLE},
                                             {"log", no_argument, NULL, OPT_LOG},
                                             {"terminal", required_argument, NULL, OPT_TERMINAL},
                                             {"size", required_argument, NULL, OPT_SIZE},
                                             {"render", required_argument, NULL, OPT_RENDER},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_plot_options po = {0};
    const char *render = NULL, *terminal = NULL;
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "plot")) != -1) {
        int rc = 0;
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case OPT_TITLE:
            po.title = optarg;
            break;
        case OPT_LOG:
            po.log_y = 1;
            break;
        case OPT_TERMINAL:
            terminal = optarg;
            if (trade_plot_terminal_parse(optarg, &po.terminal)) {
                cli_errorf("plot", "--terminal must be png, svg or pdf, not '%s'", optarg);
                rc = CLI_EUSAGE;
            }
            break;
        case OPT_SIZE:
            if (parse_size(optarg, &po.width, &po.height)) {
                cli_errorf("plot", "--size takes W,H in pixels (16 to 20000), not '%s'", optarg);
                rc = CLI_EUSAGE;
            }
            break;
        case OPT_RENDER: {
            trade_plot_terminal rt;
            render = optarg;
            if (trade_plot_terminal_parse(optarg, &rt)) {
                cli_errorf("plot", "--render must be png, svg or pdf, not '%s'", optarg);
                rc = CLI_EUSAGE;
            } else if (!terminal) {
                po.terminal = rt;
            }
            break;
        }
        case CLI_OPT_FORMAT:
        case CLI_OPT_RAW:
        case CLI_OPT_DIGITS:
            /* a chart is a script and an image, not rows */
            cli_errorf("plot", "%s is not used by plot: --terminal png|svg|pdf picks the image",
                       c == CLI_OPT_FORMAT ? "--format"
                       : c == CLI_OPT_RAW  ? "--raw"
                                           : "--digits");
            rc = CLI_EUSAGE;
            break;
        default:
            rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "plot", c, optarg);
            if (rc < 0) {
                cli_errorf("plot", "option not used by plot");
                rc = CLI_EUSAGE;
            }
        }
        if (rc) {
            cli_usage_hint("plot");
            return CLI_EUSAGE;
        }
    }
    if (optind >= argc || trade_plot_kind_parse(argv[optind], &po.kind)) {
        if (optind < argc)
            cli_errorf("plot", "unknown chart kind '%s' (line, bars, growth or rank)",
                       argv[optind]);
        else
            cli_errorf("plot", "which chart? line, bars, growth or rank");
        cli_usage_hint("plot");
        return CLI_EUSAGE;
    }
    optind++;
    if (!o.output || !strcmp(o.output, "-")) {
        cli_errorf("plot", "-o SCRIPT.gp is required (the image is written beside it)");
        cli_usage_hint("plot");
        return CLI_EUSAGE;
    }
    /* the image is NAME.<format> where the script is NAME.gp */
    const char *slash = strrchr(o.output, '/');
    const char *base = slash ? slash + 1 : o.output;
    size_t blen = strlen(base);
    if (blen > 3 && !strcmp(base + blen - 3, ".gp"))
        blen -= 3;
    char *name = strndup(base, blen);
    if (!name) {
        cli_errorf("plot", "out of memory");
        return CLI_EUSAGE;
    }
    if (!*name) {
        free(name);
        cli_errorf("plot", "-o needs a file name, not '%s'", o.output);
        cli_usage_hint("plot");
        return CLI_EUSAGE;
    }
    po.name = name;
    if (po.kind == TRADE_PLOT_GROWTH)
        o.generic = TRADE_READ_GENERIC;
    trade_table *t = trade_table_new();
    if (!t) {
        free(name);
        cli_errorf("plot", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "plot", argc - optind, argv + optind, &o);
    if (rc) {
        trade_table_free(t);
        free(name);
        return rc;
    }
    trade_error err;
    char *script = NULL;
    size_t len = 0;
    int st = trade_plot_script(t, &po, &script, &len, NULL, &err);
    trade_table_free(t);
    free(name);
    if (st)
        return cli_fail(&err);
    st = trade_file_write_atomic(o.output, script, len, &err);
    free(script);
    if (st)
        return cli_fail(&err);
    if (render) {
        st = trade_plot_render(o.output, render, &err);
        if (st) {
            cli_print_error(&err);
            return CLI_EUSAGE;
        }
    }
    return CLI_OK;
}
