/*
 * runner.c — sp_pipeline_run(): reading, processing on N threads, writing in
 * input order, with memory bounded by the documents in flight.
 *
 * Three kinds of thread share a ring of batches:
 *
 *   reader (the calling thread)  fills the batch at `filled` with raw records
 *   workers (opts->jobs of them)  parse, run the stages and serialise, one
 *                                 batch each at a time, taken at `taken`
 *   writer (one thread)           writes the batch at `written` once it is
 *                                 done, then frees its slot for the reader
 *
 * `written <= taken <= filled <= written + RING` always holds, so no more than
 * RING batches (each about BATCH_BYTES of input) are in memory at once
 * whatever the corpus size, and output order is input order whatever the
 * number of workers.  The writer is also the only thread that calls the
 * caller's callbacks, so they need no locking of their own.
 */
#include "pipeline_internal.h"
#include "docread.h"
#include "docwrite.h"
#include "error_internal.h"
#include "inputs.h"
#include "outdir.h"
#include "reader.h"
#include "sink.h"
#include "utf8.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BATCH_BYTES (256 * 1024)
#define BATCH_RECORDS 256

typedef enum rec_kind {
    REC_JSON,   /* a JSON Lines record */
    REC_TEXT,   /* a whole plain-text document */
    REC_NOTE,   /* not a document: an input that could not be read */
    REC_EOF     /* not a document: the end of an input (its -O output is done) */
} rec_kind;

typedef struct record {
    rec_kind kind;
    char *data;              /* the record as received (owned) */
    size_t len;
    const input_file *in;
    unsigned long line;
    char *id;                /* default id (JSON) or the id (text) */
    /* results, filled by a worker */
    int failed;
    int elsewhere;           /* --shard: another shard's document */
    int chain;               /* failed because the input lacks a required layer */
    const char *stage;       /* the stage that failed, or NULL */
    char *doc_id;            /* the document's id once parsed */
    size_t text_len;
    buf msg;                 /* why it failed; for REC_NOTE, what happened */
    buf out;                 /* the output line */
} record;

typedef struct batch {
    record *rec;
    size_t n, cap;
    size_t bytes;
} batch;

typedef struct run {
    const sp_pipeline *p;
    const sp_run_options *o;
    input_list inputs;

    batch *ring;
    size_t nring;
    size_t filled, taken, written;
    unsigned char *done;     /* per slot: processed */
    int reading_over;
    atomic_int stop;         /* stop reading: --on-error=stop, output error */

    pthread_mutex_t mu;
    pthread_cond_t cv_work;  /* a batch to take, or the end */
    pthread_cond_t cv_done;  /* a batch done */
    pthread_cond_t cv_free;  /* a slot freed */

    _Atomic uint64_t in_bytes;

    char **out_names;        /* -O: each input's output file, else NULL */
    uint64_t skipped;        /* --resume: inputs whose output was there */

    /* writer's own */
    sink out;                /* the output: -o or standard output, or under -O
                                the current input's */
    long out_in;             /* -O: which input OUT is open for, or -1 */
    int in_bad;              /* -O: the current input could not be read whole */
    sink errs;
    sink reasons;
    int have_errs;
    uint64_t errs_lines;
    sp_run_stats stats;
    uint64_t text_bytes;
    sp_status status;
    struct timespec t0, last_progress;
    int any_doc_seen;
    int out_failed;          /* the output could not be written */
    int cut_short;           /* stopped by --on-error=stop or the chain */
} run;

/* ---------------------------------------------------------------- records */

static void record_clear(record *r)
{
    free(r->data);
    free(r->id);
    free(r->doc_id);
    buf_free(&r->msg);
    buf_free(&r->out);
    memset(r, 0, sizeof *r);
}

static record *batch_push(batch *b)
{
    b->rec = xgrow(b->rec, &b->cap, b->n + 1, sizeof *b->rec);
    record *r = &b->rec[b->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static void batch_clear(batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        record_clear(&b->rec[i]);
    b->n = 0;
    b->bytes = 0;
}

/* ---------------------------------------------------------------- workers */

/* 64-bit FNV-1a: simple, stable across machines and releases. */
static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* --shard: whether the record belongs to another shard.  Its id is peeked at
 * without reading the document, so the other shards' documents cost little. */
static int other_shard(const run *R, const record *r)
{
    unsigned n = R->o->shards;
    if (n <= 1)
        return 0;
    buf id = BUF_INIT;
    if (r->kind != REC_JSON || !doc_peek_id(r->data, r->len, &id))
        buf_adds(&id, r->id); /* the default id: FILE:LINE, or the text's path */
    int other = fnv1a(id.data ? id.data : "", id.len) % n != R->o->shard;
    buf_free(&id);
    return other;
}

static void process_record(const run *R, record *r, sp_error *werr)
{
    sp_doc *doc = NULL;
    if (other_shard(R, r)) {
        r->elsewhere = 1;
        return;
    }
    if (r->kind == REC_JSON)
        doc = doc_from_json(r->data, r->len, r->id, &r->msg);
    else
        doc = doc_from_text(r->data, r->len, r->id, &r->msg);
    if (!doc) {
        r->failed = 1;
        return;
    }
    r->doc_id = xstrndup(doc->id, doc->id_len);
    r->text_len = doc->text_len;
    if (pipeline_check_input(R->p, doc, &r->stage, &r->msg) < 0) {
        r->failed = r->chain = 1;
    } else if (pipeline_process(R->p, doc, werr, &r->stage, &r->msg) < 0) {
        r->failed = 1;
    } else {
        doc_write_json(doc, &r->out);
    }
    doc_free(doc);
}

static void *worker_main(void *arg)
{
    run *R = arg;
    sp_error *werr = sp_error_new();
    pthread_mutex_lock(&R->mu);
    for (;;) {
        while (R->taken == R->filled && !R->reading_over)
            pthread_cond_wait(&R->cv_work, &R->mu);
        if (R->taken == R->filled)
            break;
        size_t seq = R->taken++;
        batch *b = &R->ring[seq % R->nring];
        int skip = R->stop;
        pthread_mutex_unlock(&R->mu);
        for (size_t i = 0; i < b->n && !skip; i++)
            if (b->rec[i].kind == REC_JSON || b->rec[i].kind == REC_TEXT)
                process_record(R, &b->rec[i], werr);
        pthread_mutex_lock(&R->mu);
        R->done[seq % R->nring] = 1;
        pthread_cond_broadcast(&R->cv_done);
    }
    pthread_mutex_unlock(&R->mu);
    sp_error_free(werr);
    return NULL;
}

/* ---------------------------------------------------------------- writer */

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress(run *R, int final)
{
    if (!R->o->on_progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double every = R->o->progress_interval > 0 ? R->o->progress_interval : 0.25;
    if (!final && since(&R->last_progress, &now) < every)
        return;
    R->last_progress = now;
    sp_progress pr = {
        .docs = R->stats.written + R->stats.failed,
        .failed = R->stats.failed,
        .text_bytes = R->text_bytes,
        .in_bytes = atomic_load(&R->in_bytes),
        .in_total = R->inputs.size_unknown ? 0 : R->inputs.total,
        .seconds = since(&R->t0, &now),
        .done = final,
    };
    R->o->on_progress(R->o->ctx, &pr);
}

static void diag(run *R, sp_status st, const record *r, const char *stage_name,
                 const char *msg)
{
    if (!R->o->on_diag)
        return;
    sp_diag d = {
        .status = st,
        .file = r && r->in ? r->in->name : NULL,
        .line = r ? r->line : 0,
        .doc_id = r ? r->doc_id : NULL,
        .stage = stage_name,
        .message = msg,
    };
    R->o->on_diag(R->o->ctx, &d);
}

static void raise_status(run *R, sp_status st)
{
    /* set-up errors outrank I/O errors, which outrank failed documents */
    static const int rank[] = { [SP_OK] = 0, [SP_FAILED] = 1, [SP_IO] = 2, [SP_USAGE] = 3 };
    if (rank[st] > rank[R->status])
        R->status = st;
}

/* Keep a failed document for --errors: as received, and why in ERRORS.reasons. */
static void keep_failed(run *R, const record *r)
{
    if (!R->have_errs)
        return;
    buf tmp = BUF_INIT;
    buf err = BUF_INIT;
    int copied = 1;
    if (r->kind == REC_JSON) {
        buf_add(&tmp, r->data, r->len);
        buf_addc(&tmp, '\n');
    } else if (utf8_check(r->data, r->len, NULL, NULL)) {
        /* A text file cannot be a line of a JSON Lines file; a document can. */
        buf_adds(&tmp, "{\"id\":");
        json_add_string(&tmp, r->id, strlen(r->id));
        buf_adds(&tmp, ",\"text\":");
        json_add_string(&tmp, r->data, r->len);
        buf_adds(&tmp, "}\n");
    } else
        copied = 0; /* invalid UTF-8 has no JSON form: the file itself must be fixed */
    int rc = 0;
    if (copied) {
        rc = sink_write(&R->errs, tmp.data, tmp.len, &err);
        R->errs_lines++;
    }
    buf_clear(&tmp);
    json_t *why = json_object();
    json_object_set_new(why, "errors_line",
                        copied ? json_integer((json_int_t)R->errs_lines) : json_null());
    json_object_set_new(why, "file", json_string(r->in ? r->in->name : ""));
    json_object_set_new(why, "line", json_integer((json_int_t)r->line));
    json_object_set_new(why, "id", json_string(r->doc_id ? r->doc_id : r->id));
    json_object_set_new(why, "stage", r->stage ? json_string(r->stage) : json_null());
    json_object_set_new(why, "reason", json_string(r->msg.data ? r->msg.data : ""));
    json_add_value(&tmp, why);
    json_decref(why);
    buf_addc(&tmp, '\n');
    if (rc == 0)
        rc = sink_write(&R->reasons, tmp.data, tmp.len, &err);
    if (rc < 0) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
        R->have_errs = 0;
    }
    buf_free(&tmp);
    buf_free(&err);
}

/* -O: open the output of input number I, unless it is open. */
static int open_for_input(run *R, long i)
{
    if (R->out_in == i)
        return 0;
    buf err = BUF_INIT;
    const char *path = R->out_names[i];
    outdir_clean_tmp(path);
    if (outdir_make_parents(path, &err) < 0 || sink_open(&R->out, path, &err) < 0) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
        R->stop = R->out_failed = 1;
        buf_free(&err);
        return -1;
    }
    R->out_in = i;
    return 0;
}

/* -O: the end of an input.  Its output is put in place only when the input
 * was read whole and the run was not cut short, so that --resume redoes it
 * otherwise; an input without documents still gets its (empty) output. */
static void end_of_input(run *R, long i)
{
    int whole = !R->in_bad && !R->stop;
    R->in_bad = 0;
    if (whole && open_for_input(R, i) < 0)
        return;
    if (R->out_in != i)
        return;
    buf err = BUF_INIT;
    if (sink_close(&R->out, whole, &err) < 0 && whole) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
        R->stop = R->out_failed = 1;
    }
    R->out_in = -1;
    buf_free(&err);
}

static void write_record(run *R, record *r)
{
    long in_index = r->in ? (long)(r->in - R->inputs.file) : -1;
    if (r->kind == REC_EOF) {
        if (R->out_names)
            end_of_input(R, in_index);
        return;
    }
    if (r->kind == REC_NOTE) {
        diag(R, SP_IO, r, NULL, r->msg.data);
        raise_status(R, SP_IO);
        R->in_bad = 1;
        return;
    }
    if (R->stop)
        return; /* read ahead of the stop: neither counted nor written */
    if (r->elsewhere) {
        R->stats.other_shards++;
        return;
    }
    R->stats.read++;
    if (r->failed) {
        R->stats.failed++;
        if (r->chain && !R->any_doc_seen) {
            /* The first document shows the input lacks what the chain needs:
             * a set-up error, not one failure per document to come. */
            diag(R, SP_USAGE, r, NULL, r->msg.data);
            raise_status(R, SP_USAGE);
            R->stop = R->cut_short = 1;
            return;
        }
        R->any_doc_seen = 1;
        diag(R, SP_FAILED, r, r->stage, r->msg.data);
        raise_status(R, SP_FAILED);
        keep_failed(R, r);
        if (R->o->stop_on_error)
            R->stop = R->cut_short = 1;
        return;
    }
    R->any_doc_seen = 1;
    if (R->out_names && open_for_input(R, in_index) < 0)
        return;
    buf err = BUF_INIT;
    if (sink_write(&R->out, r->out.data, r->out.len, &err) < 0) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
        R->stop = R->out_failed = 1;
        buf_free(&err);
        return;
    }
    R->stats.written++;
    R->text_bytes += r->text_len;
}

static void *writer_main(void *arg)
{
    run *R = arg;
    pthread_mutex_lock(&R->mu);
    for (;;) {
        while (R->written < R->filled && !R->done[R->written % R->nring])
            pthread_cond_wait(&R->cv_done, &R->mu);
        if (R->written == R->filled) {
            if (R->reading_over)
                break;
            pthread_cond_wait(&R->cv_done, &R->mu);
            continue;
        }
        size_t slot = R->written % R->nring;
        pthread_mutex_unlock(&R->mu);
        batch *b = &R->ring[slot];
        for (size_t i = 0; i < b->n; i++)
            write_record(R, &b->rec[i]);
        batch_clear(b);
        progress(R, 0);
        pthread_mutex_lock(&R->mu);
        R->done[slot] = 0;
        R->written++;
        pthread_cond_broadcast(&R->cv_free);
    }
    pthread_mutex_unlock(&R->mu);
    return NULL;
}

/* ---------------------------------------------------------------- reader */

/* Hand the batch being filled over to the workers; wait for a free slot. */
static batch *publish(run *R, batch *b)
{
    pthread_mutex_lock(&R->mu);
    if (b) {
        R->filled++;
        pthread_cond_signal(&R->cv_work);
    }
    while (R->filled - R->written >= R->nring && !R->stop)
        pthread_cond_wait(&R->cv_free, &R->mu);
    batch *next = R->stop ? NULL : &R->ring[R->filled % R->nring];
    pthread_mutex_unlock(&R->mu);
    return next;
}

static int stopping(run *R)
{
    return atomic_load(&R->stop);
}

/* Add a record; publish the batch when full.  Returns the batch to go on
 * filling, or NULL when the run is stopping. */
static batch *add_record(run *R, batch *b, record *tmpl)
{
    record *r = batch_push(b);
    *r = *tmpl;
    b->bytes += r->len;
    if (b->bytes >= BATCH_BYTES || b->n >= BATCH_RECORDS)
        return publish(R, b);
    return b;
}

static batch *note(run *R, batch *b, const input_file *in, unsigned long line,
                   const char *msg)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = REC_NOTE;
    r.in = in;
    r.line = line;
    buf_adds(&r.msg, msg);
    return add_record(R, b, &r);
}

static char *line_id(const input_file *in, unsigned long line)
{
    buf b = BUF_INIT;
    buf_printf(&b, "%s:%lu", in->name, line);
    return buf_steal(&b);
}

static int is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static batch *end_marker(run *R, batch *b, const input_file *in)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = REC_EOF;
    r.in = in;
    return add_record(R, b, &r);
}

static batch *read_records(run *R, batch *b, const input_file *in);

/* Read one input into the ring; returns the batch to go on with, or NULL. */
static batch *read_input(run *R, batch *b, const input_file *in)
{
    if (R->out_names && R->o->resume && outdir_done(R->out_names[in - R->inputs.file])) {
        R->skipped++; /* done by an earlier run */
        return b;
    }
    b = read_records(R, b, in);
    if (b && R->out_names)
        b = end_marker(R, b, in);
    return b;
}

static batch *read_records(run *R, batch *b, const input_file *in)
{
    if (in->error)
        return note(R, b, in, 0, in->error);
    reader rd;
    buf err = BUF_INIT;
    uint64_t base = atomic_load(&R->in_bytes);
    if (reader_open(&rd, in->path, &err) < 0) {
        b = note(R, b, in, 0, err.data);
        buf_free(&err);
        reader_close(&rd);
        return b;
    }
    if (rd.kind == INPUT_TEXT) {
        record r;
        memset(&r, 0, sizeof r);
        r.kind = REC_TEXT;
        r.in = in;
        if (reader_all(&rd, &r.data, &r.len, &err) < 0) {
            b = note(R, b, in, 0, err.data);
        } else {
            r.line = 1;
            r.id = inputs_text_id(in->path);
            atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
            b = add_record(R, b, &r);
        }
    } else if (rd.kind == INPUT_JSONL) {
        const char *line;
        size_t len;
        int rc;
        while (b && (rc = reader_line(&rd, &line, &len, &err)) > 0) {
            if (is_blank_line(line, len))
                continue;
            record r;
            memset(&r, 0, sizeof r);
            r.kind = REC_JSON;
            r.in = in;
            r.line = rd.line;
            r.data = xstrndup(line, len);
            r.len = len;
            r.id = line_id(in, rd.line);
            atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
            b = add_record(R, b, &r);
            if (b && stopping(R))
                b = NULL;
        }
        if (b && rc < 0)
            b = note(R, b, in, rd.line + 1, err.data);
    }
    atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
    reader_close(&rd);
    buf_free(&err);
    return b;
}

/* ---------------------------------------------------------------- run */

static unsigned cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static int open_outputs(run *R, buf *err)
{
    R->out_in = -1;
    if (!R->out_names && sink_open(&R->out, R->o->output, err) < 0)
        return -1;
    if (R->o->errors) {
        buf rp = BUF_INIT;
        buf_printf(&rp, "%s.reasons", R->o->errors);
        int rc = sink_open(&R->errs, R->o->errors, err);
        if (rc == 0 && sink_open(&R->reasons, rp.data, err) < 0) {
            sink_close(&R->errs, 0, NULL);
            rc = -1;
        }
        buf_free(&rp);
        if (rc < 0) {
            if (!R->out_names)
                sink_close(&R->out, 0, NULL);
            return -1;
        }
        R->have_errs = 1;
    }
    return 0;
}

/* Close the outputs; an output is committed unless the run was cut short. */
static void close_outputs(run *R, int had_errs)
{
    buf err = BUF_INIT;
    /* A file that was cut short is not put in place as if it were whole.
     * Under -O, an output still open belongs to an input never finished. */
    int whole = !R->out_failed && !R->cut_short && !R->out_names;
    if ((!R->out_names || R->out_in >= 0) && sink_close(&R->out, whole, &err) < 0 &&
        whole) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
    }
    buf_clear(&err);
    if (had_errs) {
        if (sink_close(&R->errs, 1, &err) < 0 || sink_close(&R->reasons, 1, &err) < 0) {
            diag(R, SP_IO, NULL, NULL, err.data);
            raise_status(R, SP_IO);
        }
    }
    buf_free(&err);
}

sp_status sp_pipeline_run(sp_pipeline *p, const char *const *inputs, size_t ninputs,
                          const sp_run_options *opts, sp_run_stats *stats)
{
    static const sp_run_options none;
    run R;
    memset(&R, 0, sizeof R);
    if (stats)
        memset(stats, 0, sizeof *stats); /* also when it returns early */
    R.p = p;
    R.o = opts ? opts : &none;
    if (!p->started) {
        static const char msg[] = "the pipeline was not started";
        diag(&R, SP_USAGE, NULL, NULL, msg);
        return SP_USAGE;
    }
    buf err = BUF_INIT;
    inputs_expand(&R.inputs, inputs, ninputs);
    if (R.o->output_dir &&
        outdir_names(&R.inputs, R.o->output_dir, &R.out_names, &err) < 0) {
        diag(&R, SP_USAGE, NULL, NULL, err.data);
        inputs_free(&R.inputs);
        buf_free(&err);
        return SP_USAGE;
    }
    if (open_outputs(&R, &err) < 0) {
        diag(&R, SP_IO, NULL, NULL, err.data);
        if (R.out_names)
            outdir_free(R.out_names, R.inputs.n);
        inputs_free(&R.inputs);
        buf_free(&err);
        return SP_IO;
    }
    int had_errs = R.have_errs;

    unsigned jobs = R.o->jobs ? R.o->jobs : cores();
    R.nring = 2 * (size_t)jobs + 2;
    R.ring = xcalloc(R.nring, sizeof *R.ring);
    R.done = xcalloc(R.nring, 1);
    pthread_mutex_init(&R.mu, NULL);
    pthread_cond_init(&R.cv_work, NULL);
    pthread_cond_init(&R.cv_done, NULL);
    pthread_cond_init(&R.cv_free, NULL);
    clock_gettime(CLOCK_MONOTONIC, &R.t0);
    R.last_progress = R.t0;

    pthread_t *workers = xcalloc(jobs, sizeof *workers);
    pthread_t writer;
    for (unsigned i = 0; i < jobs; i++)
        pthread_create(&workers[i], NULL, worker_main, &R);
    pthread_create(&writer, NULL, writer_main, &R);

    batch *b = &R.ring[0];
    for (size_t i = 0; i < R.inputs.n && b; i++)
        b = read_input(&R, b, &R.inputs.file[i]);
    pthread_mutex_lock(&R.mu);
    if (b && b->n) {
        R.filled++;
    } else if (b) {
        batch_clear(b);
    }
    R.reading_over = 1;
    pthread_cond_broadcast(&R.cv_work);
    pthread_cond_broadcast(&R.cv_done);
    pthread_mutex_unlock(&R.mu);

    for (unsigned i = 0; i < jobs; i++)
        pthread_join(workers[i], NULL);
    pthread_join(writer, NULL);
    free(workers);

    close_outputs(&R, had_errs);
    progress(&R, 1);
    /* Batches filled after a stop were never written. */
    for (size_t i = 0; i < R.nring; i++) {
        batch_clear(&R.ring[i]);
        free(R.ring[i].rec);
    }
    free(R.ring);
    free(R.done);
    pthread_mutex_destroy(&R.mu);
    pthread_cond_destroy(&R.cv_work);
    pthread_cond_destroy(&R.cv_done);
    pthread_cond_destroy(&R.cv_free);
    if (R.out_names)
        outdir_free(R.out_names, R.inputs.n);
    inputs_free(&R.inputs);
    buf_free(&err);
    R.stats.skipped_inputs = R.skipped;
    if (stats)
        *stats = R.stats;
    return R.status;
}
