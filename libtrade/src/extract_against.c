/* extract_against.c - review extracted figures against a dataset: each
 * figure is the same observation as a row of the table, in conflict with
 * one (same key, another value), or new.
 *
 * The key is reporter, partner, flow, period (compared as month spans:
 * 2023-Q1 is 2023-01/2023-03), unit and measure (an empty measure is a
 * level); the qualifier and source are not part of it, so a figure read
 * from a new brief meets the row keyed from an older one. Two values are
 * the same when they differ by at most half the coarser precision of the
 * two (EUR 118 million written "118" and "118.0"), or by 1e-9 relative.
 * The dataset may be a folder: trade_extract_dataset_files lists its CSV
 * files in name order, so a review reads the same rows on every system. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf_internal.h"
#include "extract_internal.h"
#include "trade/codes.h"
#include "trade/period.h"

static int ex_same_measure(const char *a, const char *b)
{
    if (trade_measure_is_level(a) && trade_measure_is_level(b))
        return 1;
    return a && b && !strcmp(a, b);
}

static int ex_same_value(double a, double pa, double b, double pb)
{
    double tol = (pa > pb ? pa : pb) / 2;
    double rel = 1e-9 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
    return fabs(a - b) <= (tol > rel ? tol : rel);
}

int trade_extract_against(const trade_figure_list *l, const trade_table *t,
                          trade_extract_review *out, trade_error *err)
{
    if (!l || !t || (!out && trade_extract_count(l) > 0))
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no figures, table or output");
    size_t nrows = trade_table_rows(t);
    for (size_t i = 0; i < l->n; i++) {
        const trade_figure *f = &l->items[i];
        trade_extract_review *rv = &out[i];
        rv->status = TRADE_EXTRACT_NEW;
        rv->row = (size_t)-1;
        trade_period fp;
        trade_error pe;
        int keyed = f->reporter[0] && f->partner[0] && f->flow[0] && f->period[0] &&
                    trade_period_parse(f->period, strlen(f->period), &fp, &pe) == 0;
        if (!keyed) {
            rv->status = TRADE_EXTRACT_INCOMPLETE;
            /* still say whether the value and unit are in the dataset */
            for (size_t r = 0; r < nrows; r++) {
                const trade_obs *o = trade_table_obs(t, r);
                if (o && !strcmp(o->unit, f->unit) &&
                    ex_same_value(f->value, f->precision, o->value, o->precision)) {
                    rv->row = r;
                    break;
                }
            }
            continue;
        }
        for (size_t r = 0; r < nrows; r++) {
            const trade_obs *o = trade_table_obs(t, r);
            if (!o || strcmp(o->reporter, f->reporter) || strcmp(o->partner, f->partner) ||
                strcmp(o->flow, f->flow) || strcmp(o->unit, f->unit) ||
                !ex_same_measure(o->measure, f->measure) || strcmp(o->product, f->product) ||
                o->period.first_month != fp.first_month || o->period.last_month != fp.last_month)
                continue;
            if (ex_same_value(f->value, f->precision, o->value, o->precision)) {
                rv->status = TRADE_EXTRACT_SAME;
                rv->row = r;
                break;
            }
            if (rv->status != TRADE_EXTRACT_CONFLICT) {
                rv->status = TRADE_EXTRACT_CONFLICT;
                rv->row = r;
            }
        }
    }
    return 0;
}

const char *trade_extract_review_name(int status)
{
    switch (status) {
    case TRADE_EXTRACT_SAME:
        return "same";
    case TRADE_EXTRACT_CONFLICT:
        return "conflict";
    case TRADE_EXTRACT_INCOMPLETE:
        return "incomplete";
    default:
        return "new";
    }
}

void trade_extract_files_free(char **files, size_t n)
{
    if (!files)
        return;
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
}

static int ex_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *ex_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] == '/';
    char *p = malloc(dl + nl + 2);
    if (p)
        snprintf(p, dl + nl + 2, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

int trade_extract_dataset_files(const char *path, char ***files, size_t *n, trade_error *err)
{
    if (!path || !files || !n)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "extract: no dataset path");
    *files = NULL;
    *n = 0;
    struct stat st;
    if (stat(path, &st) != 0)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "%s", strerror(errno));
    char **v = NULL;
    size_t k = 0, cap = 0;
    int rc = 0;
    if (!S_ISDIR(st.st_mode)) {
        size_t pl = strlen(path) + 1;
        v = malloc(sizeof *v);
        if (!v || !(v[0] = malloc(pl))) {
            free(v);
            return trade_error_set(err, TRADE_ENOMEM, NULL, 0, 0, "extract: out of memory");
        }
        memcpy(v[0], path, pl);
        *files = v;
        *n = 1;
        return 0;
    }
    DIR *d = opendir(path);
    if (!d)
        return trade_error_set(err, TRADE_EIO, path, 0, 0, "%s", strerror(errno));
    for (struct dirent *e; rc == 0 && (e = readdir(d)) != NULL;) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".csv") != 0 || e->d_name[0] == '.')
            continue;
        if (ARRAY_GROW(v, k + 1, cap)) {
            rc = TRADE_ENOMEM;
            break;
        }
        if (!(v[k] = ex_join(path, e->d_name)))
            rc = TRADE_ENOMEM;
        else
            k++;
    }
    closedir(d);
    if (rc) {
        trade_extract_files_free(v, k);
        return trade_error_set(err, rc, NULL, 0, 0, "extract: out of memory");
    }
    if (k == 0) {
        free(v);
        return trade_error_set(err, TRADE_ENOTFOUND, path, 0, 0, "no .csv file");
    }
    qsort(v, k, sizeof *v, ex_cmp_name);
    *files = v;
    *n = k;
    return 0;
}
