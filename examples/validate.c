/* validate.c - libtrade example: check observation files and report every
 * problem, as "trade validate" does, through the problem callback.
 *
 *   validate [FILE...]     observation CSV files ("-" is stdin)
 *   validate               a built-in sample with two bad rows
 *
 * Exit status 0 when every file is valid, 1 when a problem was found, 2 when
 * a file cannot be read; the sample run is a demonstration and exits 0. Also prints the library version it runs with, and
 * the one it was compiled against, on stderr.
 *
 * Build against an installed libtrade:
 *   cc validate.c $(pkg-config --cflags --libs libtrade) -o validate */
#include <stdio.h>
#include <string.h>

#include <trade/trade.h>

static const char sample[] = "reporter,partner,flow,period,value,unit,source\n"
                             "BEL,KAZ,export,2011,118000000,EUR,sample\n"
                             "BEL,KAZ,export,2012-13,1,EUR,sample\n"
                             "BEL,XXX,export,2012,1.2e8,EUR,sample\n";

/* Called by the reader for each problem; returning 0 asks for the next one. */
static int on_problem(void *ctx, const trade_error *p)
{
    unsigned long *count = ctx;
    ++*count;
    printf("%s:%lu:%lu: %s\n", p->file, p->line, p->column, p->message);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long problems = 0;
    trade_read_options opt = {0};
    int worst = 0;

    opt.on_problem = on_problem;
    opt.ctx = &problems;
    fprintf(stderr, "libtrade %s (compiled against %s)\n", trade_version(), TRADE_VERSION_STRING);

    for (int i = argc < 2 ? 0 : 1; i < argc; i++) {
        trade_error err;
        trade_table *t = trade_table_new();
        if (!t) {
            fputs("validate: out of memory\n", stderr);
            return 2;
        }
        int rc = i == 0 ? trade_table_read_buffer(t, sample, strlen(sample), "sample", &opt, &err)
                        : trade_table_read_file(t, argv[i], &opt, &err);
        if (rc == 0)
            rc = trade_table_check_duplicates(t, on_problem, &problems, &err);
        if (rc == TRADE_EIO || rc == TRADE_ENOMEM) {
            fprintf(stderr, "validate: %s\n", err.message);
            worst = 2;
        } else if (rc != 0 && worst == 0) {
            worst = 1;
        }
        trade_table_free(t);
        if (argc < 2)
            break;
    }
    printf("%lu problem%s\n", problems, problems == 1 ? "" : "s");
    return argc < 2 && worst == 1 ? 0 : worst;
}
