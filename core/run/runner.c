/*
 * runner.c — sp_pipeline_run(): reading, processing on N threads, writing in
 * input order, with memory bounded by the documents in flight.
 *
 * The calling thread reads (run_read.c) into a ring of batches (run_ring.h);
 * the workers (run_workers.c) take them, and the writer (run_write.c) hands
 * them to the sinks (sink.h) in the order they were read.  No more than the
 * ring's size of batches (each about BATCH_BYTES of input) is in memory at
 * once whatever the corpus size, and output order is input order whatever
 * the number of workers.
 *
 * This file holds the records' memory and the run itself: its parts made,
 * its threads started (every failure to start one goes the same way: nothing
 * is read, those started are joined, nothing is put in place), joined, and
 * its parts freed.
 */
#include "run/run_write.h"
#include "doc/docread.h"
#include "io/outdir.h"
#include "io/overlap.h"

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

/* ---------------------------------------------------------------- the run */

typedef struct run {
    input_list inputs;
    char **out_names;        /* -O: each input's output, else NULL */
    shard_plan shard;        /* --shard: what this run reads and processes */
    strset out_seen;         /* -O: the outputs claimed, once an archive's
                                member claims one (run_read.c) */
    run_ring ring;
    batch *batches;          /* one per slot of the ring */
    run_report rep;
    run_reader reader;
    run_workers workers;
    run_writer writer;
    pthread_t writer_tid;
    int writer_started;
} run;

/*
 * Whether an output of the run is an input, or lies in an input folder
 * (overlap.h): the N ARGS as given and the files they expanded to are
 * compared with -o, --errors and -O's folder and outputs.  0, or -1 with ERR.
 */
static int refuse_overlap(const run *R, const sp_run_options *o, const char *const *args,
                          size_t n, buf *err)
{
    const char **all = xmalloc((n + R->inputs.n + 1) * sizeof *all);
    if (n)
        memcpy(all, args, n * sizeof *all);
    for (size_t i = 0; i < R->inputs.n; i++)
        all[n + i] = R->inputs.file[i].path;
    overlap ov;
    overlap_init(&ov, all, n + R->inputs.n);
    buf reasons = BUF_INIT;
    if (o->errors)
        buf_printf(&reasons, "%s.reasons", o->errors);
    const char *files[] = { o->output_dir ? NULL : o->output, o->errors, reasons.data };
    int rc = 0;
    for (size_t i = 0; i < 3 && rc == 0; i++)
        if (files[i])
            rc = overlap_file(&ov, files[i], err) < 0 || overlap_below(&ov, files[i], err) < 0
                     ? -1 : 0;
    if (rc == 0 && o->output_dir && overlap_below(&ov, o->output_dir, err) < 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && R->out_names && i < R->inputs.n; i++)
        rc = overlap_file(&ov, R->out_names[i], err);
    buf_free(&reasons);
    overlap_free(&ov);
    free(all);
    return rc;
}

/* The inputs and the sinks.  Returns SP_OK, or the status of a failure
 * after reporting it. */
static sp_status open_run(run *R, const sp_run_options *o, const char *const *inputs,
                          size_t ninputs)
{
    buf err = BUF_INIT;
    sp_status st = SP_OK;
    inputs_expand(&R->inputs, inputs, ninputs);
    shard_plan_make(&R->shard, o->shard, o->shards, o->shard_by_id, R->inputs.n);
    if (o->on_document) {
        R->writer.out = sink_callback_new(o->on_document, o->ctx);
    } else if (o->output_dir &&
               outdir_names(&R->inputs, o->output_dir, &R->out_names, &err) < 0) {
        st = SP_USAGE;
    } else if (refuse_overlap(R, o, inputs, ninputs, &err) < 0) {
        st = SP_USAGE;
    } else if (o->output_dir) {
        R->writer.out = sink_outdir_new(&R->inputs, o->output_dir, R->out_names, &R->shard);
    } else if (!(R->writer.out = sink_jsonl_open(o->output, &err))) {
        st = SP_IO;
    }
    if (st == SP_OK && o->errors && !(R->writer.errs = sink_errors_open(o->errors, &err))) {
        buf scratch = BUF_INIT;
        sink_close(R->writer.out, 0, &scratch);
        buf_free(&scratch);
        R->writer.out = NULL;
        st = SP_IO;
    }
    if (st != SP_OK)
        report_problem(&R->rep, st, NULL, NULL, err.data);
    buf_free(&err);
    return st;
}

static unsigned cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* At most this many threads read inputs at once, one per worker below it:
 * each inflates some 180 MB/s of text, more than the stages of a few workers
 * take in. */
#define FETCHERS_MAX 8

/* The size of the inputs this run reads (progress is a share of it). */
static uint64_t shard_total(const run *R)
{
    uint64_t total = 0;
    for (size_t i = 0; i < R->inputs.n; i++)
        if (shard_input_mine(&R->shard, &R->inputs.file[i]))
            total += R->inputs.file[i].size;
    return total;
}

/* Tie the parts to the ring of a run on JOBS workers. */
static void wire_run(run *R, const sp_pipeline *p, const sp_run_options *o, unsigned jobs)
{
    ring_init(&R->ring, 2 * (size_t)jobs + 2);
    R->batches = xcalloc(R->ring.size, sizeof *R->batches);
    R->reader = (run_reader){ .ring = &R->ring, .batches = R->batches,
                              .inputs = &R->inputs, .out_names = R->out_names,
                              .output_dir = o->output_dir, .resume = o->resume,
                              .max_member = o->max_member, .shard = &R->shard,
                              .out_seen = &R->out_seen,
                              .fetchers = jobs < FETCHERS_MAX ? jobs : FETCHERS_MAX };
    R->reader.bytes = &R->reader.in_bytes;
    R->rep.in_bytes = &R->reader.in_bytes;
    R->rep.in_total = R->inputs.size_unknown ? 0 : shard_total(R);
    R->workers = (run_workers){ .ring = &R->ring, .batches = R->batches, .p = p, .o = o,
                                .out = R->writer.out, .shard = &R->shard };
    R->writer.ring = &R->ring;
    R->writer.batches = R->batches;
    R->writer.o = o;
    R->writer.workers = &R->workers;
    R->writer.rep = &R->rep;
}

/*
 * Start the workers, the watchdog and the writer.  Returns 0, or -1 with
 * ERR when one could not start: then the ring is stopped and closed before
 * anything is read, so that those that did start return at once.
 */
static int start_threads(run *R, unsigned jobs, buf *err)
{
    if (workers_start(&R->workers, jobs, err) == 0) {
        int rc = pthread_create(&R->writer_tid, NULL, writer_main, &R->writer);
        if (rc == 0) {
            R->writer_started = 1;
            return 0;
        }
        buf_printf(err, "cannot start the writer thread: %s", strerror(rc));
    }
    ring_stop(&R->ring);
    ring_close(&R->ring);
    return -1;
}

/* Join the threads; returns how many workers were left behind in a stage. */
static unsigned join_threads(run *R)
{
    if (R->writer_started)
        pthread_join(R->writer_tid, NULL);
    return workers_finish(&R->workers);
}

static void free_run(run *R)
{
    if (R->batches) {
        /* Batches filled after a stop were never written. */
        for (size_t i = 0; i < R->ring.size; i++) {
            batch_clear(&R->batches[i]);
            free(R->batches[i].rec);
        }
        free(R->batches);
        workers_free(&R->workers);
        ring_destroy(&R->ring);
    }
    if (R->out_names)
        outdir_free(R->out_names, R->inputs.n);
    strset_free(&R->out_seen);
    inputs_free(&R->inputs);
    free(R);
}

/* The threads' part of the run, from start to join; returns how many
 * workers were abandoned. */
static unsigned run_threads(run *R, const sp_run_options *o, unsigned jobs)
{
    buf err = BUF_INIT;
    if (o->report_crashes)
        watch_install();
    int started = start_threads(R, jobs, &err);
    if (started == 0)
        run_read_inputs(&R->reader);
    unsigned abandoned = join_threads(R);
    if (o->report_crashes)
        watch_uninstall();
    if (started < 0) {
        report_problem(&R->rep, SP_USAGE, NULL, NULL, err.data);
        writer_cut_short(&R->writer);
    }
    buf_free(&err);
    return abandoned;
}

sp_status sp_pipeline_run(sp_pipeline *p, const char *const *inputs, size_t ninputs,
                          const sp_run_options *opts, sp_run_stats *stats)
{
    static const sp_run_options none;
    const sp_run_options *o = opts ? opts : &none;
    if (stats)
        memset(stats, 0, sizeof *stats); /* also when it returns early */
    /* On the heap: a worker left stuck in a stage (stage_timeout) may still
     * look at it after we return, so then it is never freed. */
    run *R = xcalloc(1, sizeof *R);
    report_init(&R->rep, o);
    if (!p->started) {
        report_problem(&R->rep, SP_USAGE, NULL, NULL, "the pipeline was not started");
        free_run(R);
        return SP_USAGE;
    }
    sp_status st = open_run(R, o, inputs, ninputs);
    if (st != SP_OK) {
        free_run(R);
        return st;
    }
    unsigned jobs = o->jobs ? o->jobs : cores();
    wire_run(R, p, o, jobs);
    unsigned abandoned = run_threads(R, o, jobs);
    writer_close(&R->writer);
    report_progress(&R->rep, 1);
    R->rep.stats.skipped_inputs = R->reader.skipped;
    R->rep.stats.other_shard_inputs = R->reader.other_inputs;
    R->rep.stats.bytes_read = atomic_load(&R->reader.in_bytes);
    R->rep.stats.abandoned = abandoned;
    if (stats)
        *stats = R->rep.stats;
    st = R->rep.status;
    if (!abandoned)
        free_run(R); /* else a worker still uses R, the ring and the stages */
    return st;
}
