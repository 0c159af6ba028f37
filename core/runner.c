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
 *
 * This file holds the ring, the workers and the run itself; the reader's side
 * is run_read.c, the writer's run_write.c.
 */
#include "run_internal.h"
#include "docread.h"
#include "docwrite.h"
#include "error_internal.h"
#include "outdir.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- records */

static void record_clear(record *r)
{
    free(r->data);
    free(r->id);
    free(r->doc_id);
    buf_free(&r->msg);
    buf_free(&r->out);
    buf_free(&r->gz);
    doc_free(r->doc);
    memset(r, 0, sizeof *r);
}

record *batch_push(batch *b)
{
    b->rec = xgrow(b->rec, &b->cap, b->n + 1, sizeof *b->rec);
    record *r = &b->rec[b->n++];
    memset(r, 0, sizeof *r);
    return r;
}

void batch_clear(batch *b)
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
    r->processed = 1;
    if (other_shard(R, r)) {
        r->elsewhere = 1;
        return;
    }
    watch_document(r->id, r->in ? r->in->name : NULL, r->line);
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
    watch_document(r->doc_id, r->in ? r->in->name : NULL, r->line);
    if (pipeline_check_input(R->p, doc, &r->stage, &r->msg) < 0) {
        r->failed = r->chain = 1;
    } else if (pipeline_process(R->p, doc, werr, &r->stage, &r->msg) < 0) {
        r->failed = 1;
    } else if (R->o->on_document) {
        r->doc = doc; /* handed over by the writer, in input order */
        doc = NULL;
    } else {
        doc_write_json(doc, &r->out);
    }
    doc_free(doc);
    watch_document(NULL, NULL, 0);
}

typedef struct worker_arg {
    run *R;
    unsigned index;
} worker_arg;

static void *worker_main(void *arg)
{
    run *R = ((worker_arg *)arg)->R;
    watch_bind(&R->slot[((worker_arg *)arg)->index]);
    watch_altstack();
    sp_error *werr = sp_error_new();
    packer pk = { NULL, BUF_INIT };
    pthread_mutex_lock(&R->mu);
    for (;;) {
        while (R->taken == R->filled && !R->reading_over)
            pthread_cond_wait(&R->cv_work, &R->mu);
        if (R->taken == R->filled)
            break;
        size_t seq = R->taken++;
        batch *b = &R->ring[seq % R->nring];
        int skip = R->stop || R->hung;
        pthread_mutex_unlock(&R->mu);
        for (size_t i = 0; i < b->n && !skip; i++) {
            if (b->rec[i].kind == REC_JSON || b->rec[i].kind == REC_TEXT)
                process_record(R, &b->rec[i], werr);
            atomic_store(&b->rec[i].finished, 1); /* the writer may take it now */
        }
        /* Compressing here, in parallel, rather than in the one writer
         * thread, lets gzip output scale with -j. */
        if (!skip)
            pack_batch(R, b, &pk);
        pthread_mutex_lock(&R->mu);
        R->done[seq % R->nring] = 1;
        pthread_cond_broadcast(&R->cv_done);
    }
    R->alive--;
    pthread_cond_broadcast(&R->cv_done);
    pthread_mutex_unlock(&R->mu);
    sp_error_free(werr);
    packer_free(&pk);
    watch_altstack_free();
    watch_bind(NULL);
    return NULL;
}

/*
 * The watchdog (with a stage time limit): a stage call that has run past the
 * limit stops the run.  A thread cannot be made to leave a plugin's code, so
 * that worker is left behind; the writer writes what came before and says
 * which stage and document it was.
 */
static void *watchdog_main(void *arg)
{
    run *R = arg;
    long limit = (long)(R->o->stage_timeout * 1000);
    struct timespec nap = { 0, 50 * 1000 * 1000 };
    for (;;) {
        pthread_mutex_lock(&R->mu);
        int over = R->finished;
        pthread_mutex_unlock(&R->mu);
        if (over)
            return NULL;
        long now = watch_now_ms();
        for (unsigned i = 0; i < R->nworkers; i++) {
            long since = atomic_load(&R->slot[i].since_ms);
            if (since && now - since > limit) {
                pthread_mutex_lock(&R->mu);
                R->hung = i + 1;
                pthread_cond_broadcast(&R->cv_done);
                pthread_cond_broadcast(&R->cv_free);
                pthread_cond_broadcast(&R->cv_work);
                pthread_mutex_unlock(&R->mu);
                return NULL;
            }
        }
        nanosleep(&nap, NULL);
    }
}

/* ---------------------------------------------------------------- ring */

/* Hand the batch being filled over to the workers; wait for a free slot. */
batch *publish(run *R, batch *b)
{
    pthread_mutex_lock(&R->mu);
    if (b) {
        R->filled++;
        pthread_cond_signal(&R->cv_work);
    }
    while (R->filled - R->written >= R->nring && !R->stop && !R->hung)
        pthread_cond_wait(&R->cv_free, &R->mu);
    batch *next = R->stop || R->hung ? NULL : &R->ring[R->filled % R->nring];
    pthread_mutex_unlock(&R->mu);
    return next;
}

/* ---------------------------------------------------------------- run */

/*
 * Join the workers.  After a stage overran its time limit, the stuck worker
 * will not return: the others get as long again to finish their document,
 * and whoever is still inside a stage then is detached.  Returns how many
 * were left behind.
 */
static unsigned wait_workers(run *R, pthread_t *workers)
{
    pthread_mutex_lock(&R->mu);
    if (R->hung) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += (time_t)R->o->stage_timeout + 1;
        while (R->alive > 1 &&
               pthread_cond_timedwait(&R->cv_done, &R->mu, &until) == 0)
            ;
    } else
        while (R->alive > 0)
            pthread_cond_wait(&R->cv_done, &R->mu);
    unsigned left = R->alive;
    pthread_mutex_unlock(&R->mu);
    for (unsigned i = 0; i < R->nworkers; i++) {
        if (left && atomic_load(&R->slot[i].since_ms))
            pthread_detach(workers[i]); /* still inside a stage */
        else
            pthread_join(workers[i], NULL);
    }
    return left;
}

static unsigned cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

sp_status sp_pipeline_run(sp_pipeline *p, const char *const *inputs, size_t ninputs,
                          const sp_run_options *opts, sp_run_stats *stats)
{
    static const sp_run_options none;
    /* On the heap: a worker left stuck in a stage (stage_timeout) may still
     * look at it after we return, so then it is never freed. */
    run *R = xcalloc(1, sizeof *R);
    if (stats)
        memset(stats, 0, sizeof *stats); /* also when it returns early */
    R->p = p;
    R->o = opts ? opts : &none;
    if (!p->started) {
        static const char msg[] = "the pipeline was not started";
        diag(R, SP_USAGE, NULL, NULL, msg);
        return SP_USAGE;
    }
    buf err = BUF_INIT;
    inputs_expand(&R->inputs, inputs, ninputs);
    if (R->o->output_dir && !R->o->on_document &&
        outdir_names(&R->inputs, R->o->output_dir, &R->out_names, &err) < 0) {
        diag(R, SP_USAGE, NULL, NULL, err.data);
        inputs_free(&R->inputs);
        buf_free(&err);
        free(R);
        return SP_USAGE;
    }
    if (open_outputs(R, &err) < 0) {
        diag(R, SP_IO, NULL, NULL, err.data);
        if (R->out_names)
            outdir_free(R->out_names, R->inputs.n);
        inputs_free(&R->inputs);
        buf_free(&err);
        free(R);
        return SP_IO;
    }
    int had_errs = R->have_errs;

    unsigned jobs = R->o->jobs ? R->o->jobs : cores();
    R->nring = 2 * (size_t)jobs + 2;
    R->ring = xcalloc(R->nring, sizeof *R->ring);
    R->done = xcalloc(R->nring, 1);
    pthread_mutex_init(&R->mu, NULL);
    pthread_cond_init(&R->cv_work, NULL);
    pthread_cond_init(&R->cv_done, NULL);
    pthread_cond_init(&R->cv_free, NULL);
    clock_gettime(CLOCK_MONOTONIC, &R->t0);
    R->last_progress = R->t0;

    R->nworkers = R->alive = jobs;
    R->slot = xcalloc(jobs, sizeof *R->slot);
    worker_arg *args = xcalloc(jobs, sizeof *args);
    pthread_t *workers = xcalloc(jobs, sizeof *workers);
    pthread_t writer, watchdog;
    if (R->o->report_crashes)
        watch_install();
    for (unsigned i = 0; i < jobs; i++) {
        args[i] = (worker_arg){ R, i };
        pthread_create(&workers[i], NULL, worker_main, &args[i]);
    }
    pthread_create(&writer, NULL, writer_main, R);
    if (R->o->stage_timeout > 0)
        pthread_create(&watchdog, NULL, watchdog_main, R);

    batch *b = &R->ring[0];
    for (size_t i = 0; i < R->inputs.n && b; i++)
        b = read_input(R, b, &R->inputs.file[i]);
    pthread_mutex_lock(&R->mu);
    if (b && b->n) {
        R->filled++;
    } else if (b) {
        batch_clear(b);
    }
    R->reading_over = 1;
    pthread_cond_broadcast(&R->cv_work);
    pthread_cond_broadcast(&R->cv_done);
    pthread_mutex_unlock(&R->mu);

    pthread_join(writer, NULL);
    unsigned abandoned = wait_workers(R, workers);
    pthread_mutex_lock(&R->mu);
    R->finished = 1;
    pthread_mutex_unlock(&R->mu);
    if (R->o->stage_timeout > 0)
        pthread_join(watchdog, NULL);
    if (R->o->report_crashes)
        watch_uninstall();

    close_outputs(R, had_errs);
    progress(R, 1);
    R->stats.skipped_inputs = R->skipped;
    R->stats.abandoned = abandoned;
    sp_status status = R->status;
    if (stats)
        *stats = R->stats;
    if (abandoned)
        return status; /* a worker still uses R, the ring and the stages */
    free(workers);
    free(args);
    free(R->slot);
    /* Batches filled after a stop were never written. */
    for (size_t i = 0; i < R->nring; i++) {
        batch_clear(&R->ring[i]);
        free(R->ring[i].rec);
    }
    free(R->ring);
    free(R->done);
    pthread_mutex_destroy(&R->mu);
    pthread_cond_destroy(&R->cv_work);
    pthread_cond_destroy(&R->cv_done);
    pthread_cond_destroy(&R->cv_free);
    if (R->out_names)
        outdir_free(R->out_names, R->inputs.n);
    inputs_free(&R->inputs);
    buf_free(&err);
    free(R);
    return status;
}
