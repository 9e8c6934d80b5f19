/* trade.c - the trade command: one table maps each subcommand to its
 * cmd_<name>() in tools/cmd_<name>.c (git's builtin table, small). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"validate", cmd_validate, "check observation CSV files and report every problem"},
    {"cat", cmd_cat, "merge, filter and write normalized observation CSV"},
    {"growth", cmd_growth, "growth rates, CAGR and log growth between periods"},
    {"fit", cmd_fit, "log-linear trend per series with a 95% confidence interval"},
    {"stats", cmd_stats, "summary statistics per series"},
    {"rank", cmd_rank, "rank rows within groups by any numeric column"},
    {"compare", cmd_compare, "balance, coverage, total, share, hhi, index, mirror"},
    {"convert", cmd_convert, "convert money to another currency with a rate table"},
    {"check", cmd_check, "rounding-aware consistency check of stated figures"},
    {"plot", cmd_plot, "write a gnuplot script (and render it) for a chart"},
    {"report", cmd_report, "tables, charts and an HTML page for a datasets folder"},
    {"extract", cmd_extract, "extract figures from brief text with provenance"},
    {"import", cmd_import, "import BACI or UN Comtrade bulk files (and merge partials)"},
    {"complexity", cmd_complexity, "RCA, ECI, PCI, density, COI, COG on a product panel"},
    {"proximity", cmd_proximity, "product-by-product proximity of a product panel"},
    {"indicator", cmd_indicator, "WITS indicators (rca, intensity, ...) and unit values"},
    {"deflate", cmd_deflate, "constant prices with a deflator table"},
};

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT: remove the temporary files being
 * written (async-signal-safe), then die of the same signal, so the caller
 * sees the usual status (128 + n in a shell). */
static void on_fatal_signal(int sig)
{
    trade_writer_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_fatal_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
            sigaddset(&sa.sa_mask, sigs[k]); /* one cleanup at a time */
        /* a signal ignored by whoever started us (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

static void usage(FILE *fp)
{
    fprintf(fp, "usage: trade COMMAND [OPTIONS] [FILE...]\n"
                "       trade --help | --version\n\n"
                "Bilateral trade and investment time series.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\nRun 'trade COMMAND --help' for a command's options.\n"
                "Exit status: 0 ok, 1 bad input data, 2 usage or I/O error.\n");
}

int main(int argc, char **argv)
{
    /* a closed pipe is a write error (exit 2), never a signal; a reader
     * that stopped early (| head) is not told about it */
    signal(SIGPIPE, SIG_IGN);
    /* past ulimit -f a write fails with EFBIG (an error, the temporary file
     * removed), instead of SIGXFSZ killing us with the file left behind */
    signal(SIGXFSZ, SIG_IGN);
    catch_fatal_signals();
    trade_init();
    if (argc < 2) {
        fputs("usage: trade COMMAND [OPTIONS] [FILE...]\nsee 'trade --help'\n", stderr);
        return CLI_EUSAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return fflush(stdout) || ferror(stdout) ? CLI_EUSAGE : CLI_OK;
    }
    if (!strcmp(name, "--version")) {
        printf("trade %s\n", trade_version());
        return fflush(stdout) || ferror(stdout) ? CLI_EUSAGE : CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (!strcmp(name, commands[i].name)) {
            int rc = commands[i].fn(argc - 1, argv + 1);
            errno = 0;
            if ((fflush(stdout) != 0 || ferror(stdout)) && rc == 0) {
                /* (a command that failed has said why already) */
                if (errno != EPIPE)
                    fprintf(stderr, "trade %s: error writing standard output\n", name);
                rc = CLI_EUSAGE;
            }
            return rc;
        }
    }
    fprintf(stderr, "trade: unknown command '%s'; see 'trade --help'\n", name);
    return CLI_EUSAGE;
}
