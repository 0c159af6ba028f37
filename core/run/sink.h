/*
 * sink.h — where a run's records end up, behind one small interface.
 *
 *   sink_jsonl_open    JSON Lines to a file or standard output, gzip when
 *                      the file's name ends in .gz (-o)
 *   sink_outdir_new    one such file per input, put in place when the input
 *                      is done (-O)
 *   sink_errors_open   failed documents as received, and why in FILE.reasons
 *                      (--errors)
 *   sink_callback_new  each document handed to a function (on_document)
 *
 * The writer thread alone calls put, end_input, flush and close, in input
 * order.  The workers call gz, at any time: it may only read what was set
 * when the sink was made.
 */
#ifndef SPANPIPE_SINK_H
#define SPANPIPE_SINK_H

#include "io/outstream.h"
#include "run/run_internal.h"

typedef struct sink sink;

typedef struct sink_ops {
    /*
     * Take R: a document that went through the stages (the output sinks),
     * or one that failed (the errors sink).  DONE: its batch is done, so
     * gzip runs the workers packed stand (R->packed: its line is in the
     * member of the run's first record); else each line goes out as it is.
     * Returns 0, or -1 with a message in ERR (empty when the callback said
     * why itself).
     */
    int (*put)(sink *s, const record *r, int done, buf *err);
    /* The end of input IN; WHOLE: it was read whole and the run goes on.
     * NULL: nothing to do.  Returns 0, or -1 with ERR. */
    int (*end_input)(sink *s, const input_file *in, int whole, buf *err);
    /* Push out what is queued (a batch was written).  NULL: nothing to do. */
    int (*flush)(sink *s, buf *err);
    /* Finish and free S; COMMIT: put what it wrote in place, else drop it.
     * Returns 0, or -1 with ERR. */
    int (*close)(sink *s, int commit, buf *err);
    /* How the documents of IN go out: a pack_kind (pack.h), members, frames
     * or streams that pack_batch makes; PACK_NONE (0) plain.  NULL: plain. */
    int (*gz)(const sink *s, const input_file *in);
} sink_ops;

struct sink {
    const sink_ops *ops;
    int per_input;   /* the output changes with the input (-O) */
};

static inline int sink_put(sink *s, const record *r, int done, buf *err)
{
    return s->ops->put(s, r, done, err);
}

static inline int sink_end_input(sink *s, const input_file *in, int whole, buf *err)
{
    return s->ops->end_input ? s->ops->end_input(s, in, whole, err) : 0;
}

static inline int sink_flush(sink *s, buf *err)
{
    return s->ops->flush ? s->ops->flush(s, err) : 0;
}

static inline int sink_close(sink *s, int commit, buf *err)
{
    return s ? s->ops->close(s, commit, err) : 0;
}

static inline int sink_gz(const sink *s, const input_file *in)
{
    return s->ops->gz ? s->ops->gz(s, in) : 0;
}

/* -o: PATH (NULL or "-": standard output).  NULL with ERR if it cannot be
 * opened. */
sink *sink_jsonl_open(const char *path, buf *err);

/*
 * Write R's line to OUT: the gzip member of a packed run at its first
 * record, nothing for the run's others, else the line (sink_jsonl.c; the
 * -O sink writes the same way).  Returns 0, or -1 with ERR.
 */
int sink_jsonl_line(outstream *out, const record *r, int done, buf *err);

/* -O DIR: input I of INPUTS goes to NAMES[I] (outdir_names(); all three
 * borrowed, for the run), written only inside DIR.  Each output is opened at
 * the input's first document.  SHARD (borrowed, or NULL: every input) says
 * which inputs are this run's: only their outputs' leftover temporaries are
 * removed, for other shards may be writing theirs in the same tree. */
sink *sink_outdir_new(const input_list *inputs, const char *dir, char *const *names,
                      const shard_plan *shard);

/* --errors PATH, and PATH.reasons.  NULL with ERR if they cannot be opened. */
sink *sink_errors_open(const char *path, buf *err);

/* on_document: CB(CTX, doc) for each document; a non-zero return stops the
 * run as an output error would. */
sink *sink_callback_new(int (*cb)(void *ctx, const sp_doc *doc), void *ctx);

#endif
