/* error_internal.h — the layout of sp_error, for the core only. */
#ifndef SPANPIPE_ERROR_INTERNAL_H
#define SPANPIPE_ERROR_INTERNAL_H

#include <spanpipe/error.h>
#include "base/buf.h"

struct sp_error {
    buf msg;
    int set;
};

/* Forget the message, keeping the memory, so ERR can serve the next call. */
void spi_error_reset(sp_error *err);

#endif
