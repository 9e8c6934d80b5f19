/* libcsv_baseline.c - how fast libcsv alone reads a file: csv_parse with
 * empty callbacks (field and record counts only), 1 MiB reads, one core.
 * build: cc -O2 -o /tmp/libcsv_baseline bench/libcsv_baseline.c -lcsv */
#include <csv.h>
#include <stdio.h>

static unsigned long fields, records;
static void cb1(void *s, size_t n, void *d)
{
    (void)s, (void)n, (void)d;
    fields++;
}
static void cb2(int c, void *d)
{
    (void)c, (void)d;
    records++;
}

int main(int argc, char **argv)
{
    static char buf[1 << 20];
    struct csv_parser p;
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    size_t n;
    if (!f || csv_init(&p, 0))
        return 2;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (csv_parse(&p, buf, n, cb1, cb2, NULL) != n)
            return 1;
    csv_fini(&p, cb1, cb2, NULL);
    printf("%lu records, %lu fields\n", records, fields);
    return 0;
}
