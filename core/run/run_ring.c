/* run_ring.c — the ring of a run: positions, their invariant and their
 * locking (see run_ring.h). */
#include "run/run_ring.h"
#include "base/buf.h"

#include <assert.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The invariant of run_ring.h, checked with the lock held after each change. */
static void ring_check(const run_ring *r)
{
    assert(r->written <= r->taken);
    assert(r->taken <= r->filled);
    assert(r->filled - r->written <= r->size);
    (void)r;
}

void ring_init(run_ring *r, size_t size)
{
    memset(r, 0, sizeof *r);
    r->size = size ? size : 1;
    r->done = xcalloc(r->size, 1);
    if (pipe2(r->wake, O_CLOEXEC | O_NONBLOCK) < 0)
        r->wake[0] = r->wake[1] = -1; /* a stalled pipe then holds the end up */
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv_work, NULL);
    pthread_cond_init(&r->cv_done, NULL);
    pthread_cond_init(&r->cv_free, NULL);
}

void ring_destroy(run_ring *r)
{
    free(r->done);
    for (int i = 0; i < 2; i++)
        if (r->wake[i] >= 0)
            close(r->wake[i]);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv_work);
    pthread_cond_destroy(&r->cv_done);
    pthread_cond_destroy(&r->cv_free);
}

long ring_reserve(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    while (r->filled - r->written >= r->size && !r->stopped && !r->halted)
        pthread_cond_wait(&r->cv_free, &r->mu);
    long slot = -1;
    if (!r->stopped && !r->halted) {
        r->reserved = 1;
        slot = (long)(r->filled % r->size);
    }
    pthread_mutex_unlock(&r->mu);
    return slot;
}

void ring_publish(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    assert(r->reserved);
    r->reserved = 0;
    r->filled++;
    ring_check(r);
    pthread_cond_signal(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
}

void ring_close(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    r->reserved = 0;
    r->closed = 1;
    pthread_cond_broadcast(&r->cv_work);
    pthread_cond_broadcast(&r->cv_done);
    pthread_mutex_unlock(&r->mu);
}

/* Whether every slot taken is done (or written). */
static int taken_done(const run_ring *r)
{
    for (size_t pos = r->written; pos < r->taken; pos++)
        if (!r->done[pos % r->size])
            return 0;
    return 1;
}

/* Whether a worker has nothing more to take; with SEEN, nor to help with:
 * a slot another worker took and has not finished may still be opened to
 * helpers (unless a worker is stuck: then nobody waits for anything). */
static int no_more_work(const run_ring *r, const unsigned long *seen)
{
    return r->closed && r->taken == r->filled && (!seen || r->halted || taken_done(r));
}

long ring_take_nudged(run_ring *r, int *skip, unsigned long *seen)
{
    pthread_mutex_lock(&r->mu);
    while (r->taken == r->filled && !no_more_work(r, seen) &&
           (!seen || *seen == r->nudges))
        pthread_cond_wait(&r->cv_work, &r->mu);
    long slot = -1;
    if (r->taken < r->filled) {
        slot = (long)(r->taken++ % r->size);
        *skip = r->stopped || r->halted;
        ring_check(r);
    } else if (!no_more_work(r, seen)) {
        *seen = r->nudges;
        slot = RING_NUDGED;
    }
    pthread_mutex_unlock(&r->mu);
    return slot;
}

long ring_take(run_ring *r, int *skip)
{
    return ring_take_nudged(r, skip, NULL);
}

void ring_nudge(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    r->nudges++;
    pthread_cond_broadcast(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
}

void ring_complete(run_ring *r, size_t slot)
{
    pthread_mutex_lock(&r->mu);
    r->done[slot] = 1;
    pthread_cond_broadcast(&r->cv_done);
    pthread_cond_broadcast(&r->cv_work); /* ring_take_nudged may end */
    pthread_mutex_unlock(&r->mu);
}

ring_next ring_next_done(run_ring *r, long *slot)
{
    ring_next next;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        size_t oldest = r->written % r->size;
        if (r->written < r->filled && r->done[oldest]) {
            *slot = (long)oldest;
            next = RING_READY;
            break;
        }
        if (r->halted) {
            *slot = r->written < r->filled ? (long)oldest : -1;
            next = RING_HALTED;
            break;
        }
        if (r->written == r->filled && r->closed) {
            *slot = -1;
            next = RING_END;
            break;
        }
        pthread_cond_wait(&r->cv_done, &r->mu);
    }
    pthread_mutex_unlock(&r->mu);
    return next;
}

void ring_release(run_ring *r, size_t slot)
{
    pthread_mutex_lock(&r->mu);
    assert(slot == r->written % r->size && r->done[slot]);
    r->done[slot] = 0;
    r->written++;
    ring_check(r);
    pthread_cond_broadcast(&r->cv_free);
    pthread_mutex_unlock(&r->mu);
}

size_t ring_unwritten(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    size_t n = r->filled - r->written;
    pthread_mutex_unlock(&r->mu);
    return n;
}

int ring_wake_fd(const run_ring *r)
{
    return r->wake[0];
}

/* Wake the reader: its reads wait on the pipe too.  The lock held. */
static void wake_reader(run_ring *r)
{
    if (r->wake[1] >= 0 && !r->stopped && !r->halted) {
        ssize_t n = write(r->wake[1], "", 1);
        (void)n; /* full (never: one byte, once) is as good */
    }
}

void ring_stop(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    wake_reader(r);
    r->stopped = 1;
    pthread_cond_broadcast(&r->cv_free);
    pthread_mutex_unlock(&r->mu);
}

void ring_halt(run_ring *r)
{
    pthread_mutex_lock(&r->mu);
    wake_reader(r);
    r->halted = 1;
    pthread_cond_broadcast(&r->cv_done);
    pthread_cond_broadcast(&r->cv_free);
    pthread_cond_broadcast(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
}

int ring_stopping(run_ring *r)
{
    /* Atomics, not the lock: the reader asks after every record. */
    return atomic_load(&r->stopped) || atomic_load(&r->halted);
}
