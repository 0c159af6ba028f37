/* sink_jsonl.c — the -o sink: JSON Lines to one file or standard output,
 * plain or gzip (see sink.h). */
#include "run/sink.h"

#include <stdlib.h>

typedef struct jsonl_sink {
    sink base;
    outstream out;
} jsonl_sink;

int sink_jsonl_line(outstream *out, const record *r, int done, buf *err)
{
    if (done && r->packed && out->gz) {
        if (!r->pack_end)
            return 0; /* in the member of its run's first record */
        return outstream_write_gz(out, r->gz.data, r->gz.len, err);
    }
    return outstream_write(out, r->out.data, r->out.len, err);
}

static int jsonl_put(sink *s, const record *r, int done, buf *err)
{
    return sink_jsonl_line(&((jsonl_sink *)s)->out, r, done, err);
}

static int jsonl_flush(sink *s, buf *err)
{
    return outstream_flush(&((jsonl_sink *)s)->out, err);
}

static int jsonl_close(sink *s, int commit, buf *err)
{
    int rc = outstream_close(&((jsonl_sink *)s)->out, commit, err);
    free(s);
    return rc;
}

static int jsonl_gz(const sink *s, const input_file *in)
{
    (void)in;
    return ((const jsonl_sink *)s)->out.gz;
}

static const sink_ops jsonl_ops = {
    .put = jsonl_put,
    .flush = jsonl_flush,
    .close = jsonl_close,
    .gz = jsonl_gz,
};

sink *sink_jsonl_open(const char *path, buf *err)
{
    jsonl_sink *j = xcalloc(1, sizeof *j);
    j->base.ops = &jsonl_ops;
    if (outstream_open(&j->out, path, 0, err) < 0) {
        free(j);
        return NULL;
    }
    return &j->base;
}
