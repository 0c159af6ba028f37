/*
 * sink_outdir.c — the -O sink: one JSON Lines file per input (see sink.h,
 * outdir.h).  An input's output is opened at its first document and put in
 * place at its end, only when it was read whole and the run was not cut
 * short, so that --resume redoes it otherwise.
 */
#include "sink.h"
#include "outdir.h"

#include <stdlib.h>

typedef struct outdir_sink {
    sink base;
    const input_list *inputs;
    char *const *names;
    outstream out;      /* the current input's output, when OPEN */
    const input_file *open; /* which input OUT is open for, or NULL */
} outdir_sink;

static const char *name_of(const outdir_sink *d, const input_file *in)
{
    return run_out_name(d->names, d->inputs, in);
}

/* Open the output of input IN, unless it is open. */
static int open_for(outdir_sink *d, const input_file *in, buf *err)
{
    if (d->open == in)
        return 0;
    outfile_clean(name_of(d, in)); /* what a killed run left */
    if (outstream_open(&d->out, name_of(d, in), SP_OUTFILE_MKDIRS, err) < 0)
        return -1;
    d->open = in;
    return 0;
}

static int outdir_put(sink *s, const record *r, int done, buf *err)
{
    outdir_sink *d = (outdir_sink *)s;
    if (open_for(d, r->in, err) < 0)
        return -1;
    return sink_jsonl_line(&d->out, r, done, err);
}

/* An input without documents still gets its (empty) output. */
static int outdir_end_input(sink *s, const input_file *in, int whole, buf *err)
{
    outdir_sink *d = (outdir_sink *)s;
    if (whole && open_for(d, in, err) < 0)
        return -1;
    if (d->open != in)
        return 0;
    d->open = NULL;
    buf scratch = BUF_INIT; /* dropping a file cut short: nothing to say */
    int rc = outstream_close(&d->out, whole, whole ? err : &scratch);
    buf_free(&scratch);
    return whole ? rc : 0;
}

static int outdir_flush(sink *s, buf *err)
{
    outdir_sink *d = (outdir_sink *)s;
    return d->open ? outstream_flush(&d->out, err) : 0;
}

/* An output still open belongs to an input never finished: dropped. */
static int outdir_close(sink *s, int commit, buf *err)
{
    outdir_sink *d = (outdir_sink *)s;
    (void)commit;
    int rc = d->open ? outstream_close(&d->out, 0, err) : 0;
    free(d);
    return rc;
}

static int outdir_gz(const sink *s, const input_file *in)
{
    const outdir_sink *d = (const outdir_sink *)s;
    return in ? (int)pack_kind_of_name(name_of(d, in)) : PACK_NONE;
}

static const sink_ops outdir_ops = {
    .put = outdir_put,
    .end_input = outdir_end_input,
    .flush = outdir_flush,
    .close = outdir_close,
    .gz = outdir_gz,
};

sink *sink_outdir_new(const input_list *inputs, char *const *names)
{
    outdir_sink *d = xcalloc(1, sizeof *d);
    d->base.ops = &outdir_ops;
    d->base.per_input = 1;
    d->inputs = inputs;
    d->names = names;
    d->open = NULL;
    return &d->base;
}
