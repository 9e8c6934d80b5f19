/* period.c - parsing, formatting and comparing periods. A period is the
 * inclusive range of months it covers, plus how its ends were written, so
 * "2012" and "2012-01/2012-12" cover the same months but are not the same
 * kind of period. */
#include <stdio.h>
#include <string.h>

#include "trade/period.h"

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Parse one end "YYYY", "YYYY-MM" or "YYYY-Qn" at s[0..len); off is its
 * offset in the whole text, for error columns. */
static int parse_point(const char *s, size_t len, size_t off, int *first, int *last,
                       unsigned char *unit, trade_error *err)
{
    if (len < 4 || !digit(s[0]) || !digit(s[1]) || !digit(s[2]) || !digit(s[3]) ||
        (len > 4 && s[4] != '-'))
        return trade_error_set(err, TRADE_EDATA, NULL, 0, off + 1,
                               "period must be YYYY, YYYY-MM, YYYY-Qn or START/END");
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (year == 0)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, off + 1, "year 0 does not exist");
    if (len == 4) {
        *first = year * 12;
        *last = year * 12 + 11;
        *unit = TRADE_PERIOD_YEAR;
        return TRADE_OK;
    }
    if (len == 7 && s[5] == 'Q') {
        if (s[6] < '1' || s[6] > '4')
            return trade_error_set(err, TRADE_EDATA, NULL, 0, off + 7, "quarter must be Q1 to Q4");
        int q = s[6] - '1';
        *first = year * 12 + q * 3;
        *last = *first + 2;
        *unit = TRADE_PERIOD_QUARTER;
        return TRADE_OK;
    }
    if (len == 7 && digit(s[5]) && digit(s[6])) {
        int month = (s[5] - '0') * 10 + (s[6] - '0');
        if (month < 1 || month > 12)
            return trade_error_set(err, TRADE_EDATA, NULL, 0, off + 6, "month must be 01 to 12");
        *first = *last = year * 12 + month - 1;
        *unit = TRADE_PERIOD_MONTH;
        return TRADE_OK;
    }
    return trade_error_set(err, TRADE_EDATA, NULL, 0, off + 5,
                           "period must be YYYY, YYYY-MM, YYYY-Qn or START/END");
}

int trade_period_parse(const char *s, size_t len, trade_period *out, trade_error *err)
{
    trade_period p = {0, 0, TRADE_PERIOD_NONE, TRADE_PERIOD_NONE, 0};
    if (!s || !out)
        return trade_error_set(err, TRADE_EARG, NULL, 0, 0, "no period given");
    if (len == 0)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, 1, "empty period");
    const char *slash = memchr(s, '/', len);
    int first, last, rc;
    if (!slash) {
        rc = parse_point(s, len, 0, &first, &last, &p.start_unit, err);
        if (rc)
            return rc;
        p.first_month = first;
        p.last_month = last;
        p.end_unit = p.start_unit;
        *out = p;
        return TRADE_OK;
    }
    size_t a = (size_t)(slash - s);
    int first2, last2;
    rc = parse_point(s, a, 0, &first, &last, &p.start_unit, err);
    if (rc)
        return rc;
    rc = parse_point(slash + 1, len - a - 1, a + 1, &first2, &last2, &p.end_unit, err);
    if (rc)
        return rc;
    if (last2 <= last || first2 < first)
        return trade_error_set(err, TRADE_EDATA, NULL, 0, a + 2,
                               "interval must end after it starts");
    p.first_month = first;
    p.last_month = last2;
    p.interval = 1;
    *out = p;
    return TRADE_OK;
}

static size_t format_point(int month, int at_end, unsigned char unit, char *buf, size_t size)
{
    int year = month / 12, m = month % 12;
    switch (unit) {
    case TRADE_PERIOD_YEAR:
        return (size_t)snprintf(buf, size, "%04d", year);
    case TRADE_PERIOD_QUARTER:
        return (size_t)snprintf(buf, size, "%04d-Q%d", year, (at_end ? m - 2 : m) / 3 + 1);
    case TRADE_PERIOD_MONTH:
        return (size_t)snprintf(buf, size, "%04d-%02d", year, m + 1);
    }
    return 0;
}

size_t trade_period_format(const trade_period *p, char *buf, size_t size)
{
    if (!buf || size == 0)
        return 0;
    buf[0] = '\0';
    if (!p || p->start_unit == TRADE_PERIOD_NONE || size < TRADE_PERIOD_BUFSIZE)
        return 0;
    if (!p->interval)
        return format_point(p->first_month, 0, p->start_unit, buf, size);
    size_t n = format_point(p->first_month, 0, p->start_unit, buf, size);
    buf[n++] = '/';
    return n + format_point(p->last_month, 1, p->end_unit, buf + n, size - n);
}

int trade_period_compare(const trade_period *a, const trade_period *b)
{
    if (a->first_month != b->first_month)
        return a->first_month < b->first_month ? -1 : 1;
    if (a->last_month != b->last_month)
        return a->last_month < b->last_month ? -1 : 1;
    return 0;
}

int trade_period_order(const trade_period *a, const trade_period *b)
{
    int c = trade_period_compare(a, b);
    if (c)
        return c;
    if (a->start_unit != b->start_unit)
        return a->start_unit < b->start_unit ? -1 : 1;
    if (a->end_unit != b->end_unit)
        return a->end_unit < b->end_unit ? -1 : 1;
    return a->interval - b->interval;
}

int trade_period_months(const trade_period *p)
{
    return p->start_unit == TRADE_PERIOD_NONE ? 0 : p->last_month - p->first_month + 1;
}

int trade_period_equal(const trade_period *a, const trade_period *b)
{
    if ((a->start_unit == TRADE_PERIOD_NONE) != (b->start_unit == TRADE_PERIOD_NONE))
        return 0;
    if (a->start_unit == TRADE_PERIOD_NONE)
        return 1;
    return a->first_month == b->first_month && a->last_month == b->last_month;
}

trade_period_kind trade_period_kind_of(const trade_period *p)
{
    if (p->start_unit == TRADE_PERIOD_NONE)
        return TRADE_PERIOD_KIND_NONE;
    int months = trade_period_months(p);
    int start = ((p->first_month % 12) + 12) % 12; /* month of the year, 0-based */
    if (months == 1)
        return TRADE_PERIOD_KIND_MONTH;
    if (months == 3 && start % 3 == 0)
        return TRADE_PERIOD_KIND_QUARTER;
    if (months == 12 && start == 0)
        return TRADE_PERIOD_KIND_YEAR;
    if (months > 12 && months % 12 == 0 && start == 0)
        return TRADE_PERIOD_KIND_MULTI_YEAR;
    return TRADE_PERIOD_KIND_PARTIAL;
}

const char *trade_period_kind_name(trade_period_kind kind)
{
    switch (kind) {
    case TRADE_PERIOD_KIND_NONE:
        return "";
    case TRADE_PERIOD_KIND_YEAR:
        return "year";
    case TRADE_PERIOD_KIND_QUARTER:
        return "quarter";
    case TRADE_PERIOD_KIND_MONTH:
        return "month";
    case TRADE_PERIOD_KIND_PARTIAL:
        return "partial";
    case TRADE_PERIOD_KIND_MULTI_YEAR:
        return "multi-year";
    }
    return "";
}

int trade_period_same_kind(const trade_period *a, const trade_period *b)
{
    trade_period_kind k = trade_period_kind_of(a);
    return k != TRADE_PERIOD_KIND_NONE && k == trade_period_kind_of(b) &&
           trade_period_months(a) == trade_period_months(b);
}

double trade_period_start_years(const trade_period *p)
{
    return p->first_month / 12.0;
}

double trade_period_mid_years(const trade_period *p)
{
    return (p->first_month + p->last_month + 1) / 24.0;
}

double trade_period_years_between(const trade_period *a, const trade_period *b)
{
    return (b->first_month - a->first_month) / 12.0;
}
