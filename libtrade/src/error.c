/* error.c - status messages, the error record, and library initialisation. */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "trade/error.h"
#include "trade/version.h"

const char *trade_version(void)
{
    return TRADE_VERSION_STRING;
}

/* No default: the compiler flags a status code without a message. */
const char *trade_strerror(int code)
{
    switch ((trade_status)code) {
    case TRADE_OK:
        return "success";
    case TRADE_ENOMEM:
        return "out of memory";
    case TRADE_EIO:
        return "input/output error";
    case TRADE_ECSV:
        return "malformed CSV";
    case TRADE_EDATA:
        return "invalid data";
    case TRADE_EARG:
        return "invalid argument";
    case TRADE_ELIMIT:
        return "limit exceeded";
    case TRADE_ENOTFOUND:
        return "not found";
    case TRADE_EMATH:
        return "numerical failure";
    }
    return "unknown error";
}

void trade_error_clear(trade_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

int trade_error_set(trade_error *err, int code, const char *file, unsigned long line,
                    unsigned long column, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

int trade_init(void)
{
    gsl_set_error_handler_off();
    return TRADE_OK;
}
