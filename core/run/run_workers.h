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
    watch_info hung_info;       /* what it was doing (the watchdog's; read
                                   once HUNG is set) */
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

/* What the worker the watchdog found stuck past the time limit was doing,
 * or NULL. */
const watch_info *workers_hung(const run_workers *w);

/*
 * The writer, after a hang: wait until R is finished (returns 1), or until
 * it cannot be: the worker that took it is stuck past the time limit, or
 * every worker still running is (returns 0, with in *INFO what the stuck
 * worker was doing).  So the documents before the stuck one are all
 * written, however long the healthy workers still take over theirs.
 */
int workers_wait_record(run_workers *w, const record *r, watch_info *info);

void workers_free(run_workers *w);

#endif
