/*
 * run_internal.h — the parts of a run and what they hand each other.
 *
 * A run (runner.c) is a ring of batches (run_ring.h) between three kinds
 * of thread, and sinks (sink.h) where the documents end up:
 *
 *   the reader (run_read.c, the calling thread)  inputs into records
 *   the workers (run_workers.c)   records through the stages, serialised,
 *                                 gzip runs packed; the stage watchdog
 *   the writer (run_write.c)      records out to the sinks in input order,
 *                                 failures reported (run_report.c)
 *
 * Each part owns its state; what they share is the ring, the batches in its
 * slots, and what was set before any thread started.
 */
#ifndef SPANPIPE_RUN_INTERNAL_H
#define SPANPIPE_RUN_INTERNAL_H

#include "stage/pipeline_internal.h"
#include "io/inputs.h"
#include "run/run_ring.h"
#include "run/shard.h"
#include "base/strset.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#define BATCH_BYTES (256 * 1024)
#define BATCH_RECORDS 256

/* ---------------------------------------------------------------- records */

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
    atomic_uint by;          /* 1 + the worker that took it, or 0 */
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

/* The records of one slot of the ring.  A worker takes it; the others,
 * when they have nothing else to do, help with its records (run_workers.c). */
typedef struct batch {
    record *rec;
    size_t n, cap;
    size_t bytes;
    /* while workers put it through the stages (run_workers.c) */
    atomic_size_t next;     /* the next record to be claimed */
    unsigned inside;        /* workers in it (under the workers' lock) */
    int open;               /* taken and not finished: may be helped with */
} batch;

/* (runner.c) */
record *batch_push(batch *b);
void batch_clear(batch *b);

/* ---------------------------------------------------------------- report */

/* What the writer tells the caller: problems, progress, the status and the
 * counts.  The writer's own while it runs, the runner's after. */
typedef struct run_report {
    const sp_run_options *o;
    sp_status status;
    sp_run_stats stats;
    uint64_t text_bytes;
    const _Atomic uint64_t *in_bytes;  /* the reader's count, or NULL */
    uint64_t in_total;                 /* the inputs' size, or 0 if unknown */
    struct timespec t0, last;
} run_report;

void report_init(run_report *rep, const sp_run_options *o);

/* Tell on_diag about a problem (MSG NULL: say nothing, the caller did) and
 * raise the status to ST: set-up errors outrank I/O errors, which outrank
 * failed documents.  R: the record it is about, or NULL. */
void report_problem(run_report *rep, sp_status st, const record *r, const char *stage_name,
                    const char *msg);

/* Call on_progress when it is due, or FINAL. */
void report_progress(run_report *rep, int final);

/* ---------------------------------------------------------------- reader */

typedef struct run_reader {
    run_ring *ring;
    batch *batches;             /* one per slot */
    input_list *inputs;         /* archives' members are added as met, by
                                   one thread at a time (run_fetch.c) */
    char *const *out_names;     /* -O: each input's output, else NULL (an
                                   archive member's is its own: run_out_name) */
    const char *output_dir;     /* -O DIR, else NULL; the members' outputs are under it */
    int resume;                 /* -O --resume: skip inputs whose output exists */
    uint64_t max_member;        /* sp_run_options.max_member */
    const shard_plan *shard;    /* --shard: the inputs this run reads */
    strset *out_seen;           /* -O: the outputs given so far, once a
                                   member's is (the run's, one for all
                                   fetchers) */
    unsigned fetchers;          /* threads that may read inputs at once */
    _Atomic uint64_t in_bytes;  /* read so far (for progress) */
    /* where the bytes read are counted (&in_bytes, or in a fetcher's copy the
     * run's reader's), and how many of the current listed input's are */
    _Atomic uint64_t *bytes;
    uint64_t counted;
    uint64_t skipped;           /* inputs found done */
    uint64_t other_inputs;      /* inputs left to other shards */
    /* in a fetcher's copy of the reader (run_fetch.c): the input it reads
     * ahead, whose batches go to a queue instead of the ring; else NULL */
    struct fetch_ahead *ahead;
} run_reader;

/* -O: the output file of IN, a listed input (NAMES, of list L) or an
 * archive's member (its own). */
static inline const char *run_out_name(char *const *names, const input_list *l,
                                       const input_file *in)
{
    return in->archive ? in->out : names[in - l->file];
}

/* Read every input into the ring, then close it (run_read.c). */
void run_read_inputs(run_reader *rd);

/* (run_read.c) The reader's own steps, for run_fetch.c: read listed input I
 * into B and on; add a record to B; the batch to fill, and handing it over.
 * Each returns the batch to go on filling, or NULL when the run is
 * stopping. */
batch *run_read_input(run_reader *rd, batch *b, size_t i);
batch *run_read_add(run_reader *rd, batch *b, record *tmpl);
batch *run_read_reserve(run_reader *rd);
batch *run_read_publish(run_reader *rd);

/* (run_fetch.c) Read the listed inputs on rd->fetchers threads at once,
 * each a whole input at a time, a bounded number of batches ahead, and put
 * their records into the ring in input order, as one reader would.  Returns
 * the batch the last records went into (to publish), or NULL when
 * stopping. */
batch *fetch_inputs(run_reader *rd);
/* In a fetcher's copy: a fresh batch for its input, and the full one queued. */
batch *fetch_batch(run_reader *rd);
void fetch_publish(run_reader *rd);
/* In a fetcher's copy, before it reads the members of an archive: wait until
 * every input before it is in the ring, so that archives are read one at a
 * time and in input order (the members they add to the inputs, and the -O
 * outputs they claim, are then one reader's).  Returns 0, or -1 when the run
 * stops. */
int fetch_archive_turn(run_reader *rd);

#endif
