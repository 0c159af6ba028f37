/* run_workers.c — the workers and the watchdog of a run (see
 * run_workers.h). */
#include "run/run_workers.h"
#include "doc/docread.h"
#include "doc/docwrite.h"
#include "base/error_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct worker_arg {
    run_workers *w;
    unsigned index;
};

/* ---------------------------------------------------------------- documents */

/* --shard by document: whether the record belongs to another shard.  Its id
 * is peeked at without reading the document, so the other shards' documents
 * cost little.  (Sharding by input is the reader's: run_read.c.) */
static int other_shard(const run_workers *w, const record *r)
{
    const shard_plan *sp = w->shard;
    if (!shard_by_doc(sp, r->in))
        return 0;
    buf id = BUF_INIT;
    if (r->kind != REC_JSON || !doc_peek_id(r->data, r->len, &id))
        buf_adds(&id, r->id); /* the default id: FILE:LINE, or the text's path */
    int other = shard_of(id.data ? id.data : "", id.len, sp->shards) != sp->shard;
    buf_free(&id);
    return other;
}

static void process_record(const run_workers *w, record *r, sp_error *werr)
{
    sp_doc *doc = NULL;
    r->processed = 1;
    if (other_shard(w, r)) {
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
    if (pipeline_check_input(w->p, doc, &r->stage, &r->msg) < 0) {
        r->failed = r->chain = 1;
    } else if (pipeline_process(w->p, doc, werr, &r->stage, &r->msg) < 0) {
        r->failed = 1;
    } else if (w->o->on_document) {
        r->doc = doc; /* handed over by the writer, in input order */
        doc = NULL;
    } else {
        doc_write_json(doc, &r->out);
    }
    doc_free(doc);
    watch_document(NULL, NULL, 0);
}

/* ---------------------------------------------------------------- gzip runs */

/* A worker's means of compressing its batches' output. */
typedef struct packer {
    pack_ctx *zc[PACK_KINDS]; /* one of each kind met, made on first use */
    buf plain;               /* a run of documents' lines, joined */
} packer;

/* Whether the document of R is written, as a line, to a gzip output. */
static int packable(const sink *out, const record *r)
{
    return (r->kind == REC_JSON || r->kind == REC_TEXT) && r->processed && !r->failed &&
           !r->elsewhere && r->out.len && sink_gz(out, r->in);
}

/* The end of the run of packable documents of B that starts at HEAD (index
 * I).  A run ends at a failed document, which may stop the run, and under
 * -O at another input's document, which goes to another file.  What writes
 * nothing (the end of an input, an unreadable input, another shard's
 * document) does not end it under -o, so that a folder of small files
 * still makes members of a batch's size. */
static void gather_run(const sink *out, batch *b, size_t i, packer *pk)
{
    record *head = &b->rec[i];
    buf_clear(&pk->plain);
    for (size_t j = i; j < b->n; j++) {
        record *r = &b->rec[j];
        if (packable(out, r) && (!out->per_input || r->in == head->in)) {
            buf_add(&pk->plain, r->out.data, r->out.len);
            r->packed = 1;
            head->pack_end = j + 1;
        } else if (out->per_input ||
                   (r->kind != REC_EOF && r->kind != REC_NOTE && !r->elsewhere))
            break;
    }
}

/*
 * Compress each run of documents of B that go to a gzip output into one gzip
 * member, so that the writer only writes it; their lines stay as they are.
 * Compressing here, in parallel, rather than in the one writer thread, lets
 * gzip output scale with -j.
 */
static void pack_batch(const sink *out, batch *b, packer *pk)
{
    size_t i = 0;
    while (i < b->n) {
        record *head = &b->rec[i];
        if (!packable(out, head)) {
            i++;
            continue;
        }
        gather_run(out, b, i, pk);
        pack_kind k = (pack_kind)sink_gz(out, head->in);
        if (!pk->zc[k])
            pk->zc[k] = pack_new(k);
        pack_frame(pk->zc[k], pk->plain.data, pk->plain.len, &head->gz);
        buf_trim(&head->gz); /* made room for the worst case; waits in the ring */
        i = head->pack_end;
    }
}

/* ---------------------------------------------------------------- workers */

/*
 * A batch is taken by one worker, but its records are claimed one at a
 * time, so that workers with nothing else to do help with it: small
 * documents travel 256 to a batch, and when each takes long (an exec stage
 * that times out) one worker would otherwise do them all in turn while the
 * others wait.  The last worker to leave a batch packs it and hands it to
 * the writer, which writes its records in their order whoever did them.
 */

/* Put the records of B through the stages until none is left to claim,
 * then leave it. */
static void work_in(run_workers *w, unsigned me, batch *b, sp_error *werr, packer *pk)
{
    size_t i;
    while ((i = atomic_fetch_add(&b->next, 1)) < b->n) {
        record *r = &b->rec[i];
        atomic_store(&r->by, me + 1); /* for the writer, after a hang */
        if (r->kind == REC_JSON || r->kind == REC_TEXT)
            process_record(w, r, werr);
        atomic_store(&r->finished, 1); /* the writer may take it now */
    }
    pthread_mutex_lock(&w->mu);
    int last = --b->inside == 0;
    if (last)
        b->open = 0; /* every record is done: nobody may join any more */
    pthread_mutex_unlock(&w->mu);
    if (!last)
        return;
    if (w->out)
        pack_batch(w->out, b, pk);
    ring_complete(w->ring, (size_t)(b - w->batches));
}

/* Join a batch with records left to claim.  Returns it, or NULL. */
static batch *join(run_workers *w)
{
    batch *found = NULL;
    pthread_mutex_lock(&w->mu);
    for (size_t i = 0; i < w->ring->size && !found; i++) {
        batch *b = &w->batches[i];
        if (b->open && atomic_load(&b->next) < b->n) {
            b->inside++;
            found = b;
        }
    }
    pthread_mutex_unlock(&w->mu);
    return found;
}

/* A batch just taken: open it to helpers, and wake those waiting. */
static void open_batch(run_workers *w, batch *b)
{
    pthread_mutex_lock(&w->mu);
    atomic_store(&b->next, 0);
    b->inside = 1;
    b->open = 1;
    pthread_mutex_unlock(&w->mu);
    if (b->n > 1)
        ring_nudge(w->ring);
}

static void *worker_main(void *arg)
{
    run_workers *w = ((worker_arg *)arg)->w;
    unsigned me = ((worker_arg *)arg)->index;
    watch_bind(&w->slot[me]);
    watch_altstack();
    sp_error *werr = sp_error_new();
    packer pk = { { NULL }, BUF_INIT };
    unsigned long seen = 0;
    for (;;) {
        batch *b = join(w);
        if (b) {
            work_in(w, me, b, werr, &pk);
            continue;
        }
        int skip;
        long slot = ring_take_nudged(w->ring, &skip, &seen);
        if (slot == RING_NUDGED)
            continue;
        if (slot < 0)
            break; /* nothing to take, ever, and every batch taken is done */
        if (skip) {
            ring_complete(w->ring, (size_t)slot);
            continue;
        }
        open_batch(w, &w->batches[slot]);
        work_in(w, me, &w->batches[slot], werr, &pk);
    }
    pthread_mutex_lock(&w->mu);
    w->alive--;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    sp_error_free(werr);
    for (int k = 0; k < PACK_KINDS; k++)
        pack_free(pk.zc[k]);
    buf_free(&pk.plain);
    watch_altstack_free();
    watch_bind(NULL);
    return NULL;
}

/* ---------------------------------------------------------------- watchdog */

/* The time limit of a stage call, in ms. */
static long limit_ms(const run_workers *w)
{
    return (long)(w->o->stage_timeout * 1000);
}

/* Wait on W's condition (its lock held) until woken or MS have passed, on
 * the monotonic clock: a change of the wall clock moves no time limit. */
static void wait_ms(run_workers *w, long ms)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&w->cv, &w->mu, &until);
}

/* The index + 1 of a worker inside a stage call for longer than the limit,
 * with what it is doing in *INFO; or 0. */
static unsigned overrun(const run_workers *w, watch_info *info)
{
    for (unsigned i = 0; i < w->n; i++)
        if (watch_overran(&w->slot[i], limit_ms(w), info))
            return i + 1;
    return 0;
}

/*
 * A stage call that has run past the limit stops the run.  A thread cannot
 * be made to leave a plugin's code, so that worker is left behind; the
 * writer writes what came before and says which stage and document it was.
 */
static void *watchdog_main(void *arg)
{
    run_workers *w = arg;
    pthread_mutex_lock(&w->mu);
    while (!w->dog_over) {
        unsigned stuck = overrun(w, &w->hung_info);
        if (stuck) {
            atomic_store(&w->hung, stuck); /* publishes hung_info */
            ring_halt(w->ring);
            break;
        }
        wait_ms(w, 50);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* How many workers not yet returned are not stuck past the limit. */
static unsigned healthy(const run_workers *w)
{
    unsigned stuck = 0;
    for (unsigned i = 0; i < w->n; i++)
        stuck += (unsigned)watch_overran(&w->slot[i], limit_ms(w), NULL);
    return w->alive > stuck ? w->alive - stuck : 0;
}

int workers_wait_record(run_workers *w, const record *r, watch_info *info)
{
    int finished = 0;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        if (atomic_load(&r->finished)) {
            finished = 1;
            break;
        }
        unsigned by = atomic_load(&r->by);
        if (by && watch_overran(&w->slot[by - 1], limit_ms(w), info))
            break;
        if (!healthy(w)) {
            *info = w->hung_info; /* nobody is left to finish it */
            break;
        }
        /* polled: a record's end is not signalled (that would cost every
         * document a lock); this runs only after a hang */
        wait_ms(w, 20);
    }
    pthread_mutex_unlock(&w->mu);
    return finished;
}

/* ---------------------------------------------------------------- start, end */

static int start_failed(buf *err, const char *what, int rc)
{
    buf_printf(err, "cannot start %s thread: %s", what, strerror(rc));
    return -1;
}

int workers_start(run_workers *w, unsigned jobs, buf *err)
{
    w->slot = xcalloc(jobs, sizeof *w->slot);
    w->tid = xcalloc(jobs, sizeof *w->tid);
    w->arg = xcalloc(jobs, sizeof *w->arg);
    pthread_mutex_init(&w->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* wait_ms */
    pthread_cond_init(&w->cv, &ca);
    pthread_condattr_destroy(&ca);
    for (unsigned i = 0; i < jobs; i++) {
        w->arg[i] = (worker_arg){ w, i };
        int rc = pthread_create(&w->tid[i], NULL, worker_main, &w->arg[i]);
        if (rc != 0)
            return start_failed(err, "a worker", rc);
        pthread_mutex_lock(&w->mu);
        w->n++;
        w->alive++;
        pthread_mutex_unlock(&w->mu);
    }
    if (w->o->stage_timeout > 0) {
        int rc = pthread_create(&w->dog, NULL, watchdog_main, w);
        if (rc != 0)
            return start_failed(err, "the watchdog", rc);
        w->dog_started = 1;
    }
    return 0;
}

/* Wait for the workers to return; after a hang, only as long again as the
 * time limit.  Returns how many have not. */
static unsigned wait_alive(run_workers *w)
{
    pthread_mutex_lock(&w->mu);
    if (atomic_load(&w->hung)) {
        long end = watch_now_ms() + limit_ms(w) + 1000;
        for (long now; w->alive > 1 && (now = watch_now_ms()) < end;)
            wait_ms(w, end - now);
    } else
        while (w->alive > 0)
            pthread_cond_wait(&w->cv, &w->mu);
    unsigned left = w->alive;
    w->dog_over = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return left;
}

unsigned workers_finish(run_workers *w)
{
    unsigned left = wait_alive(w);
    for (unsigned i = 0; i < w->n; i++) {
        if (left && atomic_load(&w->slot[i].since_ms))
            pthread_detach(w->tid[i]); /* still inside a stage */
        else
            pthread_join(w->tid[i], NULL);
    }
    if (w->dog_started)
        pthread_join(w->dog, NULL);
    return left;
}

const watch_info *workers_hung(const run_workers *w)
{
    return atomic_load(&w->hung) ? &w->hung_info : NULL;
}

void workers_free(run_workers *w)
{
    free(w->slot);
    free(w->tid);
    free(w->arg);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
}
