/* compare.c - libtrade example: the comparisons of `trade compare` (balance,
 * coverage, total, share, hhi, index, mirror) in a few lines of the API.
 *
 *   compare MODE [--of CODE] [--base PERIOD] [--keep-aggregates] [FILE...]
 *   compare                 share of a small built-in sample
 *
 * Reads the files through every check of the observation format
 * (trade_table_read_files), asks trade_compare_columns for the output
 * columns and trade_compare_run for the rows, and writes them as CSV with a
 * trade_writer on standard output: the same bytes as `trade compare MODE`.
 *
 * Build against an installed libtrade:
 *   cc compare.c $(pkg-config --cflags --libs libtrade) -o compare */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <trade/trade.h>

static const char sample[] = "reporter,partner,flow,period,value,unit\n"
                             "BEL,KAZ,export,2011,120,EUR\n"
                             "BEL,UZB,export,2011,40,EUR\n"
                             "BEL,TKM,export,2011,40,EUR\n"
                             "BEL,WLD,export,2011,200,EUR\n";

static void print_error(const trade_error *err)
{
    if (err->file[0])
        fprintf(stderr, "%s:%lu:%lu: %s\n", err->file, err->line, err->column, err->message);
    else
        fprintf(stderr, "compare: %s\n", err->message);
}

/* Each row the library computes goes straight to the writer. */
static int write_row(void *ctx, const trade_compare_row *row)
{
    trade_error err;
    if (trade_writer_row(ctx, row->cells, &err)) {
        print_error(&err);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    trade_compare_mode mode = TRADE_COMPARE_SHARE;
    trade_compare_options opt = {0};
    int i = 1;
    if (argc > 1 && trade_compare_mode_parse(argv[i++], &mode)) {
        fprintf(stderr, "usage: compare balance|coverage|total|share|hhi|index|mirror ...\n");
        return 2;
    }
    for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
        if (!strcmp(argv[i], "--keep-aggregates"))
            opt.keep_aggregates = 1;
        else if (!strcmp(argv[i], "--of") && i + 1 < argc)
            opt.of = argv[++i];
        else if (!strcmp(argv[i], "--base") && i + 1 < argc)
            opt.base = argv[++i];
        else if (!strcmp(argv[i], "--group") && i + 1 < argc)
            opt.group = argv[++i];
        else {
            fprintf(stderr, "compare: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    trade_error err;
    trade_table *t = trade_table_new();
    trade_writer *w = NULL;
    const char **names = NULL;
    unsigned char *numeric = NULL;
    int rc = 1;
    if (!t)
        return 2;
    if (argc == 1)
        rc = trade_table_read_buffer(t, sample, sizeof sample - 1, "sample", NULL, &err);
    else
        rc = trade_table_read_files(t, (size_t)(argc - i), (const char *const *)argv + i, NULL,
                                    NULL, &err);
    if (rc)
        goto fail;
    size_t room = trade_table_cols(t) + 16, ncols;
    names = malloc(room * sizeof *names);
    numeric = malloc(room);
    if (!names || !numeric)
        goto fail;
    if ((rc = trade_compare_columns(t, mode, &opt, names, numeric, &ncols, &err)) ||
        (rc = trade_writer_open(&w, NULL, NULL, &err)) ||
        (rc = trade_writer_header(w, ncols, names, numeric, &err)))
        goto fail;
    if ((rc = trade_compare_run(t, mode, &opt, write_row, w, &err))) {
        if (rc != 1)
            print_error(&err);
        trade_writer_discard(w);
        w = NULL;
        goto done;
    }
    rc = trade_writer_commit(w, &err);
    w = NULL;
    if (rc)
        goto fail;
    goto done;
fail:
    print_error(&err);
    rc = 1;
done:
    trade_writer_discard(w);
    free(names);
    free(numeric);
    trade_table_free(t);
    return rc ? 1 : 0;
}
