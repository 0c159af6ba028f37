/*
 * run_fetch.c — several inputs read at once (see fetch_inputs in
 * run_internal.h).
 *
 * One thread reading and inflating every input sets the pace above a few
 * workers (zlib gives some 180 MB/s of text; the stages take it in faster
 * than that from six cores up).  So with several input files, fetcher
 * threads each take the next input, read it whole with the reader's own code
 * (run_read.c, on a copy of the reader whose batches go to that input's queue
 * instead of the ring), and the calling thread moves the records of input 0,
 * then input 1, ... into the ring: the workers and the writer see the same
 * records in the same batches as from one reader, so the output is the same
 * bytes.
 *
 * Memory stays bounded: a fetcher waits once its input has AHEAD_BATCHES
 * batches queued, and no input is taken more than `window` inputs past the
 * one being moved into the ring.
 *
 * An archive adds its members to the run's list of inputs and claims their
 * -O outputs as it is read (run_read.c), which one reader did in input
 * order.  So a fetcher that finds its input is an archive waits, before it
 * reads the members, until every input before it is in the ring
 * (fetch_archive_turn): archives are read one at a time and in input order,
 * never two at once, while the fetchers go on reading files that are not
 * archives.  The list and the set of outputs are then touched by one thread
 * at a time, each after the last (the waits go through the fetchers' lock),
 * and which of two members that want one output gets it is what one reader
 * decides.
 */
#include "run/run_internal.h"
#include "io/source.h"

#include <stdlib.h>
#include <string.h>

/* Full batches an input may have queued before its fetcher waits. */
#define AHEAD_BATCHES 2

typedef struct node {
    batch b;
    struct node *next;
} node;

/* One input read ahead: its queue of full batches. */
typedef struct fetch_ahead {
    struct fetch *f;
    node *head, *tail;
    size_t queued;
    node *filling;     /* the fetcher's batch being filled, or NULL */
    int done;          /* its fetcher is finished with it */
} fetch_ahead;

typedef struct fetch {
    run_reader *rd;             /* the run's reader */
    run_reader tmpl;            /* a copy of it made before the fetchers
                                   start, for each to copy: the run's own is
                                   written while they run (its in_bytes) */
    pthread_mutex_t mu;
    pthread_cond_t cv;          /* a batch queued or taken, an input done, a stop */
    fetch_ahead *in;            /* one per input */
    size_t next;                /* the next input to take */
    size_t current;             /* the input being moved into the ring */
    size_t window;              /* how far past it inputs may be taken */
    atomic_int stop;            /* the run is stopping: read no more */
    uint64_t skipped, other;    /* the fetchers' counts */
} fetch;

static void node_free(node *n)
{
    batch_clear(&n->b);
    free(n->b.rec);
    free(n);
}

batch *fetch_batch(run_reader *rd)
{
    fetch_ahead *a = rd->ahead;
    if (atomic_load(&a->f->stop))
        return NULL;
    a->filling = xcalloc(1, sizeof *a->filling);
    return &a->filling->b;
}

/* Queue the batch being filled (if it holds anything); wait while the input
 * has enough queued, unless the run stops. */
static void queue_filled(fetch_ahead *a, int wait)
{
    fetch *f = a->f;
    node *n = a->filling;
    a->filling = NULL;
    pthread_mutex_lock(&f->mu);
    if (n && n->b.n) {
        if (a->tail)
            a->tail->next = n;
        else
            a->head = n;
        a->tail = n;
        a->queued++;
        n = NULL;
        pthread_cond_broadcast(&f->cv);
    }
    while (wait && a->queued >= AHEAD_BATCHES && !atomic_load(&f->stop))
        pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
    if (n)
        node_free(n);
}

void fetch_publish(run_reader *rd)
{
    queue_filled(rd->ahead, 1);
}

/* The next input to read, or (size_t)-1 when there is none or the run stops. */
static size_t take_input(fetch *f)
{
    size_t n = f->rd->inputs->n, i = (size_t)-1;
    pthread_mutex_lock(&f->mu);
    while (!atomic_load(&f->stop) && f->next < n && f->next >= f->current + f->window)
        pthread_cond_wait(&f->cv, &f->mu);
    if (!atomic_load(&f->stop) && f->next < n)
        i = f->next++;
    pthread_mutex_unlock(&f->mu);
    return i;
}

static void *fetcher_main(void *arg)
{
    fetch *f = arg;
    run_reader rd = f->tmpl; /* its own: the input it is at, its counts; the
                               run's bytes, list and outputs through pointers */
    rd.skipped = rd.other_inputs = 0;
    source_wake_on(ring_wake_fd(rd.ring)); /* per thread: a stalled pipe does not hold a stop up */
    size_t i;
    while ((i = take_input(f)) != (size_t)-1) {
        fetch_ahead *a = &f->in[i];
        rd.ahead = a;
        batch *b = fetch_batch(&rd);
        if (b)
            run_read_input(&rd, b, i);
        queue_filled(a, 0); /* the last batch, however full */
        pthread_mutex_lock(&f->mu);
        a->done = 1;
        pthread_cond_broadcast(&f->cv);
        pthread_mutex_unlock(&f->mu);
    }
    pthread_mutex_lock(&f->mu);
    f->skipped += rd.skipped;
    f->other += rd.other_inputs;
    pthread_mutex_unlock(&f->mu);
    source_wake_on(-1);
    return NULL;
}

int fetch_archive_turn(run_reader *rd)
{
    fetch_ahead *a = rd->ahead;
    fetch *f = a->f;
    size_t i = (size_t)(a - f->in);
    pthread_mutex_lock(&f->mu);
    while (f->current < i && !atomic_load(&f->stop))
        pthread_cond_wait(&f->cv, &f->mu);
    int rc = atomic_load(&f->stop) ? -1 : 0;
    pthread_mutex_unlock(&f->mu);
    return rc;
}

/* The next batch input A's fetcher queued, or NULL once it has no more. */
static node *next_batch(fetch *f, fetch_ahead *a)
{
    pthread_mutex_lock(&f->mu);
    while (!a->head && !a->done)
        pthread_cond_wait(&f->cv, &f->mu);
    node *n = a->head;
    if (n) {
        a->head = n->next;
        if (!a->head)
            a->tail = NULL;
        a->queued--;
        pthread_cond_broadcast(&f->cv);
    }
    pthread_mutex_unlock(&f->mu);
    return n;
}

/* Move N's records into the ring's batch B, as the reader adds them: an
 * input's end (-O) closes the batch, as in run_read_input.  Returns the batch
 * to go on with, or NULL when stopping; frees N. */
static batch *move_records(run_reader *rd, batch *b, node *n)
{
    size_t j = 0;
    while (j < n->b.n && b) {
        record r = n->b.rec[j++];
        b = run_read_add(rd, b, &r);
        if (b && r.kind == REC_EOF && b->n)
            b = run_read_publish(rd);
    }
    /* those not moved (a stop) are freed with the node */
    memmove(n->b.rec, n->b.rec + j, (n->b.n - j) * sizeof *n->b.rec);
    n->b.n -= j;
    node_free(n);
    return b;
}

/* Stop the fetchers, wait for them, free what they left. */
static void finish(fetch *f, pthread_t *tid, unsigned started)
{
    pthread_mutex_lock(&f->mu);
    atomic_store(&f->stop, 1);
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    for (size_t i = 0; i < f->rd->inputs->n; i++) {
        node *n = f->in[i].head;
        while (n) {
            node *next = n->next;
            node_free(n);
            n = next;
        }
    }
    f->rd->skipped += f->skipped;
    f->rd->other_inputs += f->other;
}

batch *fetch_inputs(run_reader *rd)
{
    size_t ninputs = rd->inputs->n;
    fetch f = { .rd = rd, .tmpl = *rd, .window = 2 * (size_t)rd->fetchers };
    pthread_mutex_init(&f.mu, NULL);
    pthread_cond_init(&f.cv, NULL);
    f.in = xcalloc(ninputs, sizeof *f.in);
    for (size_t i = 0; i < ninputs; i++)
        f.in[i].f = &f;
    pthread_t *tid = xcalloc(rd->fetchers, sizeof *tid);
    unsigned started = 0;
    while (started < rd->fetchers && pthread_create(&tid[started], NULL, fetcher_main, &f) == 0)
        started++;
    batch *b = run_read_reserve(rd);
    if (started == 0) {
        /* no thread to spare: read them one after the other */
        for (size_t i = 0; i < ninputs && b; i++)
            b = run_read_input(rd, b, i);
    }
    for (size_t i = 0; i < ninputs && b && started; i++) {
        node *n;
        while (b && (n = next_batch(&f, &f.in[i])))
            b = move_records(rd, b, n);
        pthread_mutex_lock(&f.mu);
        f.current = i + 1;
        pthread_cond_broadcast(&f.cv);
        pthread_mutex_unlock(&f.mu);
    }
    finish(&f, tid, started);
    free(tid);
    free(f.in);
    pthread_cond_destroy(&f.cv);
    pthread_mutex_destroy(&f.mu);
    return b;
}
