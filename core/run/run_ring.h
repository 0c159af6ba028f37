/*
 * run_ring.h — the bounded, ordered ring of a run: which slot the reader
 * fills, which the workers process, which the writer writes next.
 *
 * The ring holds only positions and their locking; the batches are the
 * caller's, one per slot (slot = position modulo the ring's size).  Three
 * counters only grow: `filled` (slots handed to the workers), `taken`
 * (slots a worker has taken) and `written` (slots the writer is done with),
 * and
 *
 *     written <= taken <= filled <= written + size
 *
 * always holds (ring_check() in run_ring.c asserts it after every change).
 * So no more than SIZE batches are ever in flight whatever the corpus, and
 * the writer gets them back in the order the reader filled them whatever
 * order the workers finish in.
 *
 * Threads: one reader (reserve, publish, close), any number of workers
 * (take, complete), one writer (next_done, release); stop and halt from any.
 */
#ifndef SPANPIPE_RUN_RING_H
#define SPANPIPE_RUN_RING_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef struct run_ring {
    size_t size;
    size_t filled, taken, written;
    unsigned char *done;     /* per slot: its worker is done with it */
    int reserved;            /* the reader holds the slot at `filled` */
    int closed;              /* the reader will publish no more */
    atomic_int stopped;      /* read no more; what is taken is skipped */
    atomic_int halted;       /* a worker is stuck: nobody waits any more */
    unsigned long nudges;    /* ring_nudge calls so far */
    int wake[2];             /* a pipe, written once stopped or halted: the
                                reader's reads wait on it (source_wake_on) */
    pthread_mutex_t mu;
    pthread_cond_t cv_work;  /* a slot to take, or the end */
    pthread_cond_t cv_done;  /* a slot done, or the end */
    pthread_cond_t cv_free;  /* a slot written, or a stop */
} run_ring;

/* A ring of SIZE (at least 1) slots, all free. */
void ring_init(run_ring *r, size_t size);
void ring_destroy(run_ring *r);

/* Reader: the slot to fill next, once it is free (waits for the writer);
 * -1 when the ring was stopped or halted.  Reserving again without
 * publishing returns the same slot. */
long ring_reserve(run_ring *r);

/* Reader: the slot reserved is filled: the workers may take it. */
void ring_publish(run_ring *r);

/* Reader: nothing more will be published.  The workers return once they
 * have taken every slot, the writer once it has written them. */
void ring_close(run_ring *r);

/*
 * Worker: the oldest published slot not yet taken, waiting for one; -1 once
 * the ring is closed and every slot is taken.  *SKIP is set when the ring
 * was stopped or halted: the worker marks the slot done without doing it.
 */
long ring_take(run_ring *r, int *skip);

/* What ring_take_nudged returns when woken by ring_nudge. */
#define RING_NUDGED (-2)

/*
 * Worker: as ring_take; but when there is no slot to take and ring_nudge
 * has been called since *SEEN was last set, returns RING_NUDGED at once (or
 * once nudged while waiting) and sets *SEEN: there may be other work than a
 * new slot (run_workers.c: a batch to help with).  Returns -1 only once the
 * ring is closed and every slot taken is done, or the ring is halted.
 */
long ring_take_nudged(run_ring *r, int *skip, unsigned long *seen);

/* Worker: wake the workers waiting in ring_take_nudged. */
void ring_nudge(run_ring *r);

/* Worker: done with SLOT, which the writer may now write. */
void ring_complete(run_ring *r, size_t slot);

typedef enum ring_next {
    RING_READY,    /* *SLOT is the oldest unwritten slot, and it is done */
    RING_END,      /* closed, and every slot written */
    RING_HALTED    /* halted: *SLOT is the oldest slot published and not
                      done (some of its records may be), or -1 */
} ring_next;

/* Writer: wait for the oldest unwritten slot to be done, or the end. */
ring_next ring_next_done(run_ring *r, long *slot);

/* Writer: SLOT (the one ring_next_done gave) is written: the reader may
 * fill it again. */
void ring_release(run_ring *r, size_t slot);

/* Writer, after RING_HALTED: how many slots are published and not
 * written, from the oldest on (the reader may publish one more). */
size_t ring_unwritten(run_ring *r);

/* Read no more: ring_reserve fails, ring_take says skip.  The writer still
 * gets every slot published. */
void ring_stop(run_ring *r);

/* A worker will not come back: ring_reserve fails, ring_take says skip,
 * ring_next_done says RING_HALTED as soon as the oldest slot is not done. */
void ring_halt(run_ring *r);

/* A descriptor that becomes readable once ring_stop or ring_halt is
 * called, or -1 (no pipe could be made). */
int ring_wake_fd(const run_ring *r);

/* Whether ring_stop or ring_halt was called (for the reader, between
 * records). */
int ring_stopping(run_ring *r);

#endif
