/*
 * sink_outdir.c — the -O sink: one JSON Lines file per input (see sink.h,
 * outdir.h).  An input's output is opened at its first document and put in
 * place at its end, only when it was read whole and the run was not cut
 * short, so that --resume redoes it otherwise.
 */
#include "run/sink.h"
#include "io/outdir.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct outdir_sink {
    sink base;
    const input_list *inputs;
    const char *dir;     /* -O DIR: nothing is written outside it */
    char *const *names;  /* each listed input's output, DIR/REL */
    size_t rel_at;       /* where REL starts in each output's name */
    json_t *outputs;     /* the RELs of this run's outputs, a set: whose
                            temporaries to clean (not another shard's) */
    json_t *scanned;     /* the folders cleaned so far, a set */
    outstream out;       /* the current input's output, when OPEN */
    const input_file *open; /* which input OUT is open for, or NULL */
} outdir_sink;

static const char *name_of(const outdir_sink *d, const input_file *in)
{
    return run_out_name(d->names, d->inputs, in);
}

/* A folder being cleaned: PATH holds its REL ("a/b/", or "" for DIR),
 * FOLDER_LEN bytes, then the name looked at. */
typedef struct in_folder {
    const outdir_sink *d;
    buf path;
    size_t folder_len;
} in_folder;

/* Whether NAME (N bytes) in F's folder is one of the run's outputs. */
static int is_output(void *ctx, const char *name, size_t n)
{
    in_folder *f = ctx;
    f->path.len = f->folder_len;
    buf_add(&f->path, name, n);
    return json_object_get(f->d->outputs, f->path.data) != NULL;
}

/*
 * Remove what a killed run left in the folder of REL: the temporaries of
 * this run's outputs there, once per folder (a scan per output made -O
 * quadratic in the outputs of one folder).  A folder not there yet has none.
 */
static void clean_folder(outdir_sink *d, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    in_folder f = { d, BUF_INIT, slash ? (size_t)(slash - rel) + 1 : 0 };
    buf_add(&f.path, rel, f.folder_len); /* "" (DIR itself) too */
    if (json_object_get(d->scanned, f.path.data)) {
        buf_free(&f.path);
        return;
    }
    json_object_set_new_nocheck(d->scanned, f.path.data, json_true());
    buf scratch = BUF_INIT; /* nothing to clean in a folder that cannot be opened */
    int fd = outfile_opendir_in(d->dir, rel, 0, NULL, &scratch);
    if (fd >= 0) {
        outfile_clean_at(fd, is_output, &f);
        close(fd);
    }
    buf_free(&scratch);
    buf_free(&f.path);
}

/* Open the output of input IN, unless it is open. */
static int open_for(outdir_sink *d, const input_file *in, buf *err)
{
    if (d->open == in)
        return 0;
    const char *rel = name_of(d, in) + d->rel_at;
    /* An archive's member is met only now: its output joins the set here (a
     * folder cleaned before it was met keeps that member's leftovers). */
    json_object_set_nocheck(d->outputs, rel, json_true());
    clean_folder(d, rel);
    if (outstream_open_in(&d->out, d->dir, rel, SP_OUTFILE_MKDIRS, err) < 0)
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
    json_decref(d->outputs);
    json_decref(d->scanned);
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

sink *sink_outdir_new(const input_list *inputs, const char *dir, char *const *names,
                      const shard_plan *shard)
{
    outdir_sink *d = xcalloc(1, sizeof *d);
    d->base.ops = &outdir_ops;
    d->base.per_input = 1;
    d->inputs = inputs;
    d->dir = dir;
    d->names = names;
    d->rel_at = outdir_rel_at(dir);
    d->outputs = json_object();
    d->scanned = json_object();
    for (size_t i = 0; i < inputs->n; i++)
        if (!shard || shard_input_mine(shard, &inputs->file[i]))
            json_object_set_new_nocheck(d->outputs, names[i] + d->rel_at, json_true());
    d->open = NULL;
    return &d->base;
}
