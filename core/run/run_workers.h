/*
 * run_workers.h — the workers of a run: each takes a batch from the ring,
 * puts its documents through the stages, serialises them, packs gzip runs
 * for the sink, and marks it done; and the watchdog that stops the run when
 * a stage overruns its time limit.
 */
#ifndef SPANPIPE_RUN_WORKERS_H
#define SPANPIPE_RUN_WORKERS_H

#include "run/sink.h"
#include "stage/watch.h"

typedef struct worker_arg worker_arg;

typedef struct run_workers {
    /* set before they start */
    run_ring *ring;
    batch *batches;
    const sp_pipeline *p;
    const sp_run_options *o;
    const sink *out;            /* asked which documents go out as gzip */
    const shard_plan *shard;    /* --shard: which documents are split by id */
    /* their own */
    unsigned n;                 /* started */
    watch_slot *slot;           /* one per worker: what it is doing */
    pthread_t *tid;
    worker_arg *arg;
    pthread_mutex_t mu;
    pthread_cond_t cv;          /* a worker returned; the watchdog's end */
    unsigned alive;             /* workers not yet returned */
    int dog_started, dog_over;
    pthread_t dog;
    atomic_uint hung;           /* 1 + the worker stuck past stage_timeout,
                                   or 0 */
} run_workers;

/*
 * Start JOBS workers, and the watchdog when O has a stage time limit.
 * Returns 0, or -1 with ERR when a thread could not be started: those that
 * did run until the ring is closed, and workers_finish() still joins them.
 */
int workers_start(run_workers *w, unsigned jobs, buf *err);

/*
 * Join the workers (after the ring is closed) and the watchdog.  After a
 * stage overran its time limit, the stuck worker will not return: the
 * others get as long again to finish their document, and whoever is still
 * inside a stage then is detached.  Returns how many were left behind:
 * when not 0, W and what it points to must never be freed.
 */
unsigned workers_finish(run_workers *w);

/* The slot of the worker stuck past the time limit, or NULL. */
const watch_slot *workers_hung(const run_workers *w);

void workers_free(run_workers *w);

#endif
