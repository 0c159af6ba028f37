/* sink_callback.c — the on_document sink: each document handed to the
 * caller's function, in input order (see sink.h). */
#include "run/sink.h"

#include <stdlib.h>

typedef struct callback_sink {
    sink base;
    int (*cb)(void *ctx, const sp_doc *doc);
    void *ctx;
} callback_sink;

static int callback_put(sink *s, const record *r, int done, buf *err)
{
    callback_sink *c = (callback_sink *)s;
    (void)done;
    (void)err; /* the callback says why itself */
    return c->cb(c->ctx, r->doc) != 0 ? -1 : 0;
}

static int callback_close(sink *s, int commit, buf *err)
{
    (void)commit;
    (void)err;
    free(s);
    return 0;
}

static const sink_ops callback_ops = {
    .put = callback_put,
    .close = callback_close,
};

sink *sink_callback_new(int (*cb)(void *ctx, const sp_doc *doc), void *ctx)
{
    callback_sink *c = xcalloc(1, sizeof *c);
    c->base.ops = &callback_ops;
    c->cb = cb;
    c->ctx = ctx;
    return &c->base;
}
