/*
 * run_internal.h — what the three parts of a run share (runner.c: the ring
 * and the threads; run_read.c: the reader; run_write.c: the writer).
 */
#ifndef SPANPIPE_RUN_INTERNAL_H
#define SPANPIPE_RUN_INTERNAL_H

#include "pipeline_internal.h"
#include "inputs.h"
#include "sink.h"
#include "watch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

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
    int processed;           /* a worker got to it (not so after a stop) */
    atomic_int finished;     /* its worker is done with it: its results stand */
    int failed;
    int elsewhere;           /* --shard: another shard's document */
    int chain;               /* failed because the input lacks a required layer */
    const char *stage;       /* the stage that failed, or NULL */
    char *doc_id;            /* the document's id once parsed */
    size_t text_len;
    buf msg;                 /* why it failed; for REC_NOTE, what happened */
    buf out;                 /* the output line */
    /* gzip output: the worker compresses runs of documents of its batch
     * (pack_batch); the run's first record holds the member */
    int packed;              /* in such a run */
    size_t pack_end;         /* in the run's first record: the index after the run */
    buf gz;                  /* in the run's first record: the gzip member */
    sp_doc *doc;             /* with on_document: the document, kept for it */
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

    watch_slot *slot;        /* one per worker: what it is doing */
    unsigned nworkers;
    unsigned alive;          /* workers not yet returned */
    atomic_uint hung;        /* 1 + the worker stuck past stage_timeout, or 0:
                                reading and processing stop, writing goes on up
                                to the document it is stuck on */
    int finished;            /* the writer is done: the watchdog may go */

    char **out_names;        /* -O: each input's output file, else NULL */
    uint64_t skipped;        /* --resume: inputs whose output was there */

    /* writer's own */
    sink out;                /* the output: -o or standard output, or under -O
                                the current input's */
    int no_out;              /* on_document takes the documents: no output */
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

/* records (runner.c) */
void batch_clear(batch *b);
record *batch_push(batch *b);

/* the reader's side (run_read.c): one input into the ring; returns the batch
 * to go on filling, or NULL when the run is stopping */
batch *read_input(run *R, batch *b, const input_file *in);

/* A worker's means of compressing its batches' output (run_write.c). */
typedef struct packer {
    gz_compressor *zc;       /* made on first use */
    buf plain;               /* a run of documents' lines, joined */
} packer;

/* Compress each run of documents of B that go to a gzip output into one gzip
 * member, so that the writer only writes it; their lines stay as they are. */
void pack_batch(const run *R, batch *b, packer *pk);
void packer_free(packer *pk);

/* the writer's side (run_write.c) */
void *writer_main(void *arg);
int open_outputs(run *R, buf *err);
void close_outputs(run *R, int had_errs);
void progress(run *R, int final);
void diag(run *R, sp_status st, const record *r, const char *stage_name, const char *msg);

/* handing batches between the threads (runner.c) */
batch *publish(run *R, batch *b);

#endif
