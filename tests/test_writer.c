/* test_writer.c - CSV, TSV and JSON lines output, spreadsheet neutralising,
 * and the atomic file contract: a discarded or failed write leaves an
 * existing file exactly as it was. Expected texts are written by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "trade/writer.h"

static char dir[] = "/tmp/trade-test-writer-XXXXXX";

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static void write_rows(const char *path, trade_format format, int raw)
{
    trade_writer *w;
    trade_error err;
    trade_write_options o = {format, raw, 0};
    assert_int_equal(trade_writer_open(&w, path, &o, &err), TRADE_OK);
    const char *names[] = {"reporter", "value", "note", "balance"};
    assert_int_equal(trade_writer_header(w, 4, names, NULL, &err), TRADE_OK);
    const char *r1[] = {"BEL", "118000000", "a, \"b\"\nc", "-1700000"};
    const char *r2[] = {"=HYPERLINK(1)", "", "@x\tq", "+1"};
    const char *r3[] = {"-", "007", "\\", NULL};
    assert_int_equal(trade_writer_row(w, r1, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(w, r2, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(w, r3, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
}

static void test_csv(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    write_rows(path, TRADE_FORMAT_CSV, 0);
    /* "+1" is not a plain decimal (no '+' allowed), so it is neutralised too */
    assert_string_equal(slurp(path), "reporter,value,note,balance\n"
                                     "BEL,118000000,\"a, \"\"b\"\"\nc\",-1700000\n"
                                     "\"'=HYPERLINK(1)\",,\"'@x\tq\",\"'+1\"\n"
                                     "\"'-\",007,\\,\n");
    write_rows(path, TRADE_FORMAT_CSV, 1);
    assert_string_equal(slurp(path), "reporter,value,note,balance\n"
                                     "BEL,118000000,\"a, \"\"b\"\"\nc\",-1700000\n"
                                     "=HYPERLINK(1),,@x\tq,+1\n"
                                     "-,007,\\,\n");
}

static void test_tsv_jsonl(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/out.tsv", dir);
    write_rows(path, TRADE_FORMAT_TSV, 0);
    assert_string_equal(slurp(path), "reporter\tvalue\tnote\tbalance\n"
                                     "BEL\t118000000\ta, \"b\"\\nc\t-1700000\n"
                                     "'=HYPERLINK(1)\t\t'@x\\tq\t'+1\n"
                                     "'-\t007\t\\\\\t\n");
    write_rows(path, TRADE_FORMAT_JSONL, 0);
    /* numbers as numbers (007 normalised), empty cells null, text as is */
    assert_string_equal(
        slurp(path),
        "{\"reporter\":\"BEL\",\"value\":118000000,\"note\":\"a, \\\"b\\\"\\nc\","
        "\"balance\":-1700000}\n"
        "{\"reporter\":\"=HYPERLINK(1)\",\"value\":null,\"note\":\"@x\\tq\",\"balance\":\"+1\"}\n"
        "{\"reporter\":\"-\",\"value\":7,\"note\":\"\\\\\",\"balance\":null}\n");
}

static void test_atomic(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/keep.csv", dir);
    FILE *fp = fopen(path, "w");
    fputs("precious\n", fp);
    fclose(fp);
    trade_writer *w;
    trade_error err;
    assert_int_equal(trade_writer_open(&w, path, NULL, &err), TRADE_OK);
    const char *names[] = {"a"};
    assert_int_equal(trade_writer_header(w, 1, names, NULL, &err), TRADE_OK);
    trade_writer_discard(w);
    assert_string_equal(slurp(path), "precious\n");
    /* no temporary file is left behind: the folder holds only our files */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls -A %s | grep '^[.]')\"", dir);
    assert_int_equal(system(cmd), 0);

    /* a folder that does not exist, and a directory as target */
    assert_int_equal(trade_writer_open(&w, "/nonexistent/dir/x.csv", NULL, &err), TRADE_EIO);
    assert_null(w);
    assert_string_equal(err.file, "/nonexistent/dir/x.csv");
    assert_int_equal(trade_writer_open(&w, dir, NULL, &err), TRADE_EIO);

    /* a full device: commit fails, and it says so */
    assert_int_equal(trade_writer_open(&w, "/dev/full", NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_header(w, 1, names, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_EIO);
    assert_string_equal(err.file, "/dev/full");

    assert_int_equal(trade_file_write_atomic(path, "new\n", 4, &err), TRADE_OK);
    assert_string_equal(slurp(path), "new\n");
    trade_writer_discard(NULL);
}

static void test_formats(void **state)
{
    (void)state;
    trade_format f;
    assert_int_equal(trade_format_parse("jsonl", &f), TRADE_OK);
    assert_int_equal(f, TRADE_FORMAT_JSONL);
    assert_int_equal(trade_format_parse("json", &f), TRADE_EARG);
    assert_true(trade_column_is_numeric("growth_pct"));
    assert_false(trade_column_is_numeric("reporter"));
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd);
}

/* Parts: rows built in memory, written after the rows before them, quoting
 * and neutralising as in the main writer; a part larger than the writer's
 * buffer; no parts for JSON lines; a part cannot be committed. */
static void test_parts(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/parts.csv", dir);
    trade_writer *w, *p1, *p2;
    trade_error err;
    assert_int_equal(trade_writer_open(&w, path, NULL, &err), TRADE_OK);
    const char *names[] = {"reporter", "note"};
    assert_int_equal(trade_writer_header(w, 2, names, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_open_part(&p1, w, &err), TRADE_OK);
    assert_int_equal(trade_writer_open_part(&p2, w, &err), TRADE_OK);
    const char *a[] = {"BEL", "first"}, *b[] = {"LUX", "a,b"}, *c[] = {"KAZ", "=1+1"};
    assert_int_equal(trade_writer_row(p2, c, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(p1, b, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(w, a, &err), TRADE_OK);
    assert_int_equal(trade_writer_append(w, p1, &err), TRADE_OK);
    assert_int_equal(trade_writer_append(w, p2, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
    assert_string_equal(slurp(path), "reporter,note\nBEL,first\nLUX,\"a,b\"\nKAZ,\"'=1+1\"\n");

    /* 200,000 rows of 12 bytes in a part: 2.4 MB, past every buffer */
    assert_int_equal(trade_writer_open(&w, path, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_header(w, 2, names, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_open_part(&p1, w, &err), TRADE_OK);
    char num[16];
    const char *r[] = {"BEL", num};
    for (int i = 0; i < 200000; i++) {
        snprintf(num, sizeof num, "%07d", i);
        assert_int_equal(trade_writer_row(p1, r, &err), TRADE_OK);
    }
    assert_int_equal(trade_writer_row(w, a, &err), TRADE_OK);
    assert_int_equal(trade_writer_append(w, p1, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char line[64];
    int n = 0, ok = 1;
    while (fgets(line, sizeof line, fp)) {
        char want[64];
        if (n == 0)
            snprintf(want, sizeof want, "reporter,note\n");
        else if (n == 1)
            snprintf(want, sizeof want, "BEL,first\n");
        else
            snprintf(want, sizeof want, "BEL,%07d\n", n - 2);
        ok &= !strcmp(line, want);
        n++;
    }
    fclose(fp);
    assert_true(ok);
    assert_int_equal(n, 200002);

    /* JSON lines in a part; a part is not committed */
    trade_write_options jo = {TRADE_FORMAT_JSONL, 0, 0};
    assert_int_equal(trade_writer_open(&w, path, &jo, &err), TRADE_OK);
    assert_int_equal(trade_writer_header(w, 2, names, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_open_part(&p1, w, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(p1, b, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(w, a, &err), TRADE_OK);
    assert_int_equal(trade_writer_append(w, p1, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
    assert_string_equal(slurp(path), "{\"reporter\":\"BEL\",\"note\":\"first\"}\n"
                                     "{\"reporter\":\"LUX\",\"note\":\"a,b\"}\n");
    assert_int_equal(trade_writer_open(&w, path, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_header(w, 2, names, NULL, &err), TRADE_OK);
    assert_int_equal(trade_writer_open_part(&p1, w, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(p1, &err), TRADE_EARG);
    assert_int_equal(trade_writer_open_part(&p1, w, &err), TRADE_OK);
    trade_writer_discard(p1);
    trade_writer_discard(w);
}

/* --digits: numeric columns rounded to N significant digits, written plain;
 * text columns and text in numeric columns untouched. By hand:
 * 119091910 at 4 digits is 1.191e8 = 119100000; 19.091909999999991 at 4 is
 * 19.09; 0.00012345 at 2 is 0.00012; -1700000 at 2 stays -1700000. */
/* Files in dir whose names begin with ".trade-" (temporary files). */
static int temporaries_in(const char *folder)
{
    DIR *d = opendir(folder);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strncmp(e->d_name, ".trade-", 7) == 0;
    closedir(d);
    return n;
}

/* trade_writer_cleanup removes the temporary file of an open writer, also
 * after a part was opened and appended (a part freed released the main
 * writer's registration: a signal then left the file). */
static void test_cleanup(void **state)
{
    (void)state;
    char tdir[] = "/tmp/test_writer_cleanup_XXXXXX";
    assert_non_null(mkdtemp(tdir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.csv", tdir);
    trade_writer *w, *part;
    trade_error err;
    const char *names[] = {"a"};
    const char *row[] = {"1"};
    assert_int_equal(trade_writer_open(&w, path, NULL, &err), 0);
    assert_int_equal(trade_writer_header(w, 1, names, NULL, &err), 0);
    assert_int_equal(temporaries_in(tdir), 1);
    assert_int_equal(trade_writer_open_part(&part, w, &err), 0);
    assert_int_equal(trade_writer_row(part, row, &err), 0);
    assert_int_equal(trade_writer_append(w, part, &err), 0);
    trade_writer_cleanup();
    assert_int_equal(temporaries_in(tdir), 0);
    trade_writer_discard(w);
    assert_int_equal(access(path, F_OK), -1); /* nothing renamed into place */
    assert_int_equal(rmdir(tdir), 0);
}

static void test_digits(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/digits.csv", dir);
    trade_writer *w;
    trade_error err;
    trade_write_options o = {TRADE_FORMAT_CSV, 0, 4};
    assert_int_equal(trade_writer_open(&w, path, &o, &err), TRADE_OK);
    const char *names[] = {"note", "value", "growth_pct"};
    assert_int_equal(trade_writer_header(w, 3, names, NULL, &err), TRADE_OK);
    const char *r1[] = {"119091910", "119091910", "19.091909999999991"};
    const char *r2[] = {"x", "n/a", ""};
    assert_int_equal(trade_writer_row(w, r1, &err), TRADE_OK);
    assert_int_equal(trade_writer_row(w, r2, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
    assert_string_equal(slurp(path), "note,value,growth_pct\n"
                                     "119091910,119100000,19.09\n"
                                     "x,n/a,\n");
    o.digits = 2;
    assert_int_equal(trade_writer_open(&w, path, &o, &err), TRADE_OK);
    assert_int_equal(trade_writer_header(w, 3, names, NULL, &err), TRADE_OK);
    const char *r3[] = {"a", "0.00012345", "-1700000"};
    assert_int_equal(trade_writer_row(w, r3, &err), TRADE_OK);
    assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
    assert_string_equal(slurp(path), "note,value,growth_pct\na,0.00012,-1700000\n");
}

/* trade_writer_csv_plain against its definition: a row is plain when a CSV
 * writer writes its cells exactly as the text joined by commas. Random rows
 * of bytes that matter (quotes, line ends, formula starts, minus signs in
 * numbers and not), each written by a real writer and compared. */
static void test_csv_plain(void **state)
{
    (void)state;
    static const char alphabet[] = "a1-=+@\t.\"\r\n e09";
    char path[128];
    snprintf(path, sizeof path, "%s/plain.csv", dir);
    const char *names[] = {"c0", "c1", "c2", "c3", "c4"};
    unsigned long seed = 12345;
    int plain = 0, not_plain = 0;
    for (int round = 0; round < 3000; round++) {
        char cell[5][12], text[80];
        const char *cells[5];
        size_t len = 0;
        for (int c = 0; c < 5; c++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            int n = (int)((seed >> 33) % 7);
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005u + 1442695040888963407u;
                /* mostly digits and letters, so that many rows are plain */
                unsigned k = (unsigned)((seed >> 33) % 40);
                cell[c][i] = k < sizeof alphabet - 1 ? alphabet[k] : (char)('0' + k % 10);
            }
            cell[c][n] = '\0';
            cells[c] = cell[c];
            if (c)
                text[len++] = ',';
            memcpy(text + len, cell[c], (size_t)n);
            len += (size_t)n;
        }
        text[len] = '\0';
        trade_writer *w;
        trade_error err;
        trade_write_options o = {TRADE_FORMAT_CSV, 0, 0};
        assert_int_equal(trade_writer_open(&w, path, &o, &err), TRADE_OK);
        assert_int_equal(trade_writer_header(w, 5, names, NULL, &err), TRADE_OK);
        assert_int_equal(trade_writer_row(w, cells, &err), TRADE_OK);
        assert_int_equal(trade_writer_commit(w, &err), TRADE_OK);
        const char *out = slurp(path) + strlen("c0,c1,c2,c3,c4\n");
        int same = strlen(out) == len + 1 && !memcmp(out, text, len) && out[len] == '\n';
        if (same != trade_writer_csv_plain(text, len))
            fail_msg("row [%s]: written as [%s], csv_plain says %d", text, out, !same);
        plain += same;
        not_plain += !same;
    }
    /* both kinds were tried, many times */
    assert_true(plain > 300 && not_plain > 300);
    /* a NUL byte is never plain; a cell starting at a word's end */
    assert_int_equal(trade_writer_csv_plain("ab\0c", 4), 0);
    assert_int_equal(trade_writer_csv_plain("1234567,=x", 10), 0);
    assert_int_equal(trade_writer_csv_plain("1234567,-5", 10), 1);
    assert_int_equal(trade_writer_csv_plain("12345678,@", 10), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),    cmocka_unit_test(test_tsv_jsonl),
        cmocka_unit_test(test_atomic), cmocka_unit_test(test_formats),
        cmocka_unit_test(test_parts),  cmocka_unit_test(test_digits),
        cmocka_unit_test(test_cleanup), cmocka_unit_test(test_csv_plain),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
