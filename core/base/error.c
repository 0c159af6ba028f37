/* error.c — the message a failing call leaves for the one place that prints. */
#include "base/error_internal.h"

#include <stdarg.h>
#include <stdlib.h>

sp_error *sp_error_new(void)
{
    return xcalloc(1, sizeof(sp_error));
}

void sp_error_free(sp_error *err)
{
    if (!err)
        return;
    buf_free(&err->msg);
    free(err);
}

void sp_error_set(sp_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    buf_clear(&err->msg);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&err->msg, fmt, ap);
    va_end(ap);
    err->set = 1;
}

const char *sp_error_message(const sp_error *err)
{
    return err && err->set ? err->msg.data : NULL;
}

void spi_error_reset(sp_error *err)
{
    buf_clear(&err->msg);
    err->set = 0;
}
