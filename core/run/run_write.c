/* run_write.c — the writer's side of a run: documents out in input order,
 * failures reported and kept, outputs put in place (see run_write.h). */
#include "run/run_write.h"

#include <stdlib.h>
#include <string.h>

/* Read no more: the batches already read are only accounted for. */
static void stop(run_writer *w)
{
    w->stopped = 1;
    ring_stop(w->ring);
}

void writer_cut_short(run_writer *w)
{
    w->cut_short = 1;
    stop(w);
}

/* The output could not be written: say so (unless it was said), stop. */
static void output_failed(run_writer *w, const buf *err)
{
    report_problem(w->rep, SP_IO, NULL, NULL, err->len ? err->data : NULL);
    w->out_failed = 1;
    stop(w);
}

/* A failed document: reported, kept by --errors, or the end of the run. */
static void write_failed(run_writer *w, const record *r)
{
    w->rep->stats.failed++;
    if (r->chain && !w->any_doc_seen) {
        /* The first document shows the input lacks what the chain needs:
         * a set-up error, not one failure per document to come. */
        report_problem(w->rep, SP_USAGE, r, NULL, r->msg.data);
        writer_cut_short(w);
        return;
    }
    w->any_doc_seen = 1;
    report_problem(w->rep, SP_FAILED, r, r->stage, r->msg.data);
    buf err = BUF_INIT;
    if (w->errs && !w->errs_failed && sink_put(w->errs, r, 1, &err) < 0) {
        report_problem(w->rep, SP_IO, NULL, NULL, err.data);
        w->errs_failed = 1;
    }
    buf_free(&err);
    if (w->o->stop_on_error)
        writer_cut_short(w);
}

/* The end of an input (-O): its output is put in place when it was read
 * whole and the run goes on. */
static void end_of_input(run_writer *w, const record *r)
{
    buf err = BUF_INIT;
    int whole = !w->in_bad && !w->stopped;
    w->in_bad = 0;
    if (sink_end_input(w->out, r->in, whole, &err) < 0)
        output_failed(w, &err);
    buf_free(&err);
}

/*
 * Write record R, or account for it.  DONE: its batch is done, so its
 * packed runs stand (else a worker may still be packing it, and the lines
 * are written one by one).
 */
static void write_record(run_writer *w, const record *r, int done)
{
    if (r->kind == REC_EOF) {
        end_of_input(w, r);
        return;
    }
    if (w->stopped)
        return; /* read ahead of a stop: neither counted, written nor reported */
    if (r->kind == REC_NOTE) {
        report_problem(w->rep, SP_IO, r, NULL, r->msg.data);
        w->in_bad = 1;
        return;
    }
    if (!r->processed)
        return;
    if (r->elsewhere) {
        w->rep->stats.other_shards++;
        return;
    }
    w->rep->stats.read++;
    if (r->failed) {
        write_failed(w, r);
        return;
    }
    w->any_doc_seen = 1;
    buf err = BUF_INIT;
    if (sink_put(w->out, r, done, &err) < 0) {
        output_failed(w, &err);
    } else {
        w->rep->stats.written++;
        w->rep->text_bytes += r->text_len;
    }
    buf_free(&err);
}

/* Push out what is written so far, a batch at a time: a stage that crashes the
 * process later must not take finished documents with it. */
static void flush_output(run_writer *w)
{
    buf err = BUF_INIT;
    if (sink_flush(w->out, &err) < 0)
        output_failed(w, &err);
    buf_free(&err);
}

/*
 * After a hang (the ring halted, SLOT the oldest slot not done, or -1):
 * write, in order, every record finished before the first that cannot be
 * (its worker is stuck), waiting for those the other workers are still
 * on, across the batches published.  Returns what the stuck worker was
 * doing.  The batches stay in their slots (free_run clears them).
 */
static watch_info write_before_hang(run_writer *w, long slot)
{
    watch_info h = *workers_hung(w->workers);
    size_t left = slot < 0 ? 0 : ring_unwritten(w->ring);
    for (size_t s = (size_t)slot; left--; s = (s + 1) % w->ring->size) {
        const batch *b = &w->batches[s];
        for (size_t i = 0; i < b->n; i++) {
            if (!workers_wait_record(w->workers, &b->rec[i], &h))
                return h;
            write_record(w, &b->rec[i], 0);
        }
    }
    return h;
}

/* A stage ran past --stage-timeout: write what was finished before the
 * stuck document, even in its batch; then name the stage and the document,
 * and stop: the outputs are not put in place as if whole. */
static void write_until_hang(run_writer *w, long slot)
{
    watch_info h = write_before_hang(w, slot);
    buf msg = BUF_INIT;
    /* An output file is not put in place (writer_close): say so rather than
     * promise the documents before it. */
    int to_stdout = !w->o->output_dir && (!w->o->output || !strcmp(w->o->output, "-"));
    buf_printf(&msg, "stage '%s' ran longer than %g s on document \"%s\": stopped; %s",
               h.stage ? h.stage : "?", w->o->stage_timeout, h.doc_id ? h.doc_id : "?",
               to_stdout ? "the documents before it were written"
                         : "the output is not put in place, as it would lack documents");
    sp_diag d = { .status = SP_FAILED, .file = h.file, .line = h.line,
                  .message = msg.data };
    if (w->o->on_diag)
        w->o->on_diag(w->o->ctx, &d);
    report_problem(w->rep, SP_FAILED, NULL, NULL, NULL);
    w->rep->stats.failed++;
    w->cut_short = 1;
    buf_free(&msg);
}

void *writer_main(void *arg)
{
    run_writer *w = arg;
    long slot;
    ring_next next;
    while ((next = ring_next_done(w->ring, &slot)) == RING_READY) {
        batch *b = &w->batches[slot];
        for (size_t i = 0; i < b->n; i++)
            write_record(w, &b->rec[i], 1);
        batch_clear(b);
        flush_output(w);
        report_progress(w->rep, 0);
        ring_release(w->ring, (size_t)slot);
    }
    if (next == RING_HALTED)
        write_until_hang(w, slot);
    return NULL;
}

void writer_close(run_writer *w)
{
    buf err = BUF_INIT;
    /* A file that was cut short is not put in place as if it were whole. */
    int whole = !w->out_failed && !w->cut_short;
    if (sink_close(w->out, whole, &err) < 0 && whole)
        report_problem(w->rep, SP_IO, NULL, NULL, err.data);
    buf_clear(&err);
    if (sink_close(w->errs, !w->errs_failed, &err) < 0)
        report_problem(w->rep, SP_IO, NULL, NULL, err.data);
    buf_free(&err);
    w->out = w->errs = NULL;
}
