/* run_write.c — the writer's side of a run: documents out in input order,
 * failures reported and kept, outputs opened and put in place. */
#include "run_internal.h"
#include "docwrite.h"
#include "outdir.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>


static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void progress(run *R, int final)
{
    if (!R->o->on_progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double every = R->o->progress_interval > 0 ? R->o->progress_interval : 0.25;
    if (!final && since(&R->last_progress, &now) < every)
        return;
    R->last_progress = now;
    sp_progress pr = {
        .docs = R->stats.written + R->stats.failed,
        .failed = R->stats.failed,
        .text_bytes = R->text_bytes,
        .in_bytes = atomic_load(&R->in_bytes),
        .in_total = R->inputs.size_unknown ? 0 : R->inputs.total,
        .seconds = since(&R->t0, &now),
        .done = final,
    };
    R->o->on_progress(R->o->ctx, &pr);
}

void diag(run *R, sp_status st, const record *r, const char *stage_name,
                 const char *msg)
{
    if (!R->o->on_diag)
        return;
    sp_diag d = {
        .status = st,
        .file = r && r->in ? r->in->name : NULL,
        .line = r ? r->line : 0,
        .doc_id = r ? r->doc_id : NULL,
        .stage = stage_name,
        .message = msg,
    };
    R->o->on_diag(R->o->ctx, &d);
}

static void raise_status(run *R, sp_status st)
{
    /* set-up errors outrank I/O errors, which outrank failed documents */
    static const int rank[] = { [SP_OK] = 0, [SP_FAILED] = 1, [SP_IO] = 2, [SP_USAGE] = 3 };
    if (rank[st] > rank[R->status])
        R->status = st;
}

/* The output could not be opened or written: say so, and stop the run. */
static void output_failed(run *R, const char *msg)
{
    diag(R, SP_IO, NULL, NULL, msg);
    raise_status(R, SP_IO);
    R->stop = R->out_failed = 1;
}

/* Keep a failed document for --errors: as received, and why in ERRORS.reasons. */
static void keep_failed(run *R, const record *r)
{
    if (!R->have_errs)
        return;
    buf tmp = BUF_INIT;
    buf err = BUF_INIT;
    int copied = 1;
    if (r->kind == REC_JSON) {
        buf_add(&tmp, r->data, r->len);
        buf_addc(&tmp, '\n');
    } else if (utf8_check(r->data, r->len, NULL, NULL)) {
        /* A text file cannot be a line of a JSON Lines file; a document can. */
        buf_adds(&tmp, "{\"id\":");
        json_add_string(&tmp, r->id, strlen(r->id));
        buf_adds(&tmp, ",\"text\":");
        json_add_string(&tmp, r->data, r->len);
        buf_adds(&tmp, "}\n");
    } else
        copied = 0; /* invalid UTF-8 has no JSON form: the file itself must be fixed */
    int rc = 0;
    if (copied) {
        rc = sink_write(&R->errs, tmp.data, tmp.len, &err);
        R->errs_lines++;
    }
    buf_clear(&tmp);
    json_t *why = json_object();
    json_object_set_new(why, "errors_line",
                        copied ? json_integer((json_int_t)R->errs_lines) : json_null());
    json_object_set_new(why, "file", json_string(r->in ? r->in->name : ""));
    json_object_set_new(why, "line", json_integer((json_int_t)r->line));
    json_object_set_new(why, "id", json_string(r->doc_id ? r->doc_id : r->id));
    json_object_set_new(why, "stage", r->stage ? json_string(r->stage) : json_null());
    json_object_set_new(why, "reason", json_string(r->msg.data ? r->msg.data : ""));
    json_add_value(&tmp, why);
    json_decref(why);
    buf_addc(&tmp, '\n');
    if (rc == 0)
        rc = sink_write(&R->reasons, tmp.data, tmp.len, &err);
    if (rc < 0) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
        R->have_errs = 0;
    }
    buf_free(&tmp);
    buf_free(&err);
}

/* -O: open the output of input number I, unless it is open. */
static int open_for_input(run *R, long i)
{
    if (R->out_in == i)
        return 0;
    buf err = BUF_INIT;
    const char *path = R->out_names[i];
    outdir_clean_tmp(path);
    if (outdir_make_parents(path, &err) < 0 || sink_open(&R->out, path, &err) < 0) {
        output_failed(R, err.data);
        buf_free(&err);
        return -1;
    }
    R->out_in = i;
    return 0;
}

/* -O: the end of an input.  Its output is put in place only when the input
 * was read whole and the run was not cut short, so that --resume redoes it
 * otherwise; an input without documents still gets its (empty) output. */
static void end_of_input(run *R, long i)
{
    int whole = !R->in_bad && !R->stop;
    R->in_bad = 0;
    if (whole && open_for_input(R, i) < 0)
        return;
    if (R->out_in != i)
        return;
    buf err = BUF_INIT;
    if (sink_close(&R->out, whole, &err) < 0 && whole) {
        output_failed(R, err.data);
    }
    R->out_in = -1;
    buf_free(&err);
}

/* ---------------------------------------------------------------- gzip runs */

/* Whether the document of R is written, as a line, to a gzip output. */
static int packable(const run *R, const record *r)
{
    if (R->no_out || (r->kind != REC_JSON && r->kind != REC_TEXT) || !r->processed ||
        r->failed || r->elsewhere || !r->out.len)
        return 0;
    if (!R->out_names)
        return R->out.gz;
    return r->in && sink_gz_name(R->out_names[r->in - R->inputs.file]);
}

void pack_batch(const run *R, batch *b, packer *pk)
{
    size_t i = 0;
    while (i < b->n) {
        record *head = &b->rec[i];
        if (!packable(R, head)) {
            i++;
            continue;
        }
        /* A run ends at a failed document, which may stop the run, and under
         * -O at another input's document, which goes to another file.  What
         * writes nothing (the end of an input, an unreadable input, another
         * shard's document) does not end it under -o, so that a folder of
         * small files still makes members of a batch's size. */
        buf_clear(&pk->plain);
        size_t j = i;
        for (; j < b->n; j++) {
            record *r = &b->rec[j];
            if (packable(R, r) && (!R->out_names || r->in == head->in)) {
                buf_add(&pk->plain, r->out.data, r->out.len);
                r->packed = 1;
                head->pack_end = j + 1;
            } else if (R->out_names || (r->kind != REC_EOF && r->kind != REC_NOTE &&
                                        !r->elsewhere))
                break;
        }
        if (!pk->zc)
            pk->zc = gz_compressor_new();
        gz_member(pk->zc, pk->plain.data, pk->plain.len, &head->gz);
        buf_trim(&head->gz); /* made room for the worst case; waits in the ring */
        i = head->pack_end;
    }
}

void packer_free(packer *pk)
{
    gz_compressor_free(pk->zc);
    buf_free(&pk->plain);
}

/* The documents of a run packed by pack_batch, from B->rec[I]: their member
 * written, and counted as write_record would count each. */
static void write_packed(run *R, batch *b, size_t i)
{
    record *head = &b->rec[i];
    buf err = BUF_INIT;
    if (sink_write_gz(&R->out, head->gz.data, head->gz.len, &err) < 0) {
        output_failed(R, err.data);
        buf_free(&err);
        return;
    }
    for (size_t k = i; k < head->pack_end; k++)
        if (b->rec[k].packed) {
            R->stats.read++;
            R->stats.written++;
            R->text_bytes += b->rec[k].text_len;
        }
    R->any_doc_seen = 1;
}

/* ---------------------------------------------------------------- records */

/*
 * Write record I of B, or account for it.  DONE: the batch is done, so its
 * packed runs stand (else a worker may still be packing it, and the lines
 * are written one by one).
 */
static void write_record(run *R, batch *b, size_t i, int done)
{
    record *r = &b->rec[i];
    long in_index = r->in ? (long)(r->in - R->inputs.file) : -1;
    if (r->kind == REC_EOF) {
        if (R->out_names)
            end_of_input(R, in_index);
        return;
    }
    if (r->kind == REC_NOTE) {
        diag(R, SP_IO, r, NULL, r->msg.data);
        raise_status(R, SP_IO);
        R->in_bad = 1;
        return;
    }
    if (R->stop || !r->processed)
        return; /* read ahead of a stop: neither counted nor written */
    if (done && r->packed) {
        /* The output opened for it may not be gzip after all (-O over a FIFO
         * named .gz): then its line is written as it is, below. */
        if (R->out_names && open_for_input(R, in_index) < 0)
            return;
        if (R->out.gz) {
            if (r->pack_end)
                write_packed(R, b, i);
            return; /* counted with the first of its run */
        }
    }
    if (r->elsewhere) {
        R->stats.other_shards++;
        return;
    }
    R->stats.read++;
    if (r->failed) {
        R->stats.failed++;
        if (r->chain && !R->any_doc_seen) {
            /* The first document shows the input lacks what the chain needs:
             * a set-up error, not one failure per document to come. */
            diag(R, SP_USAGE, r, NULL, r->msg.data);
            raise_status(R, SP_USAGE);
            R->stop = R->cut_short = 1;
            return;
        }
        R->any_doc_seen = 1;
        diag(R, SP_FAILED, r, r->stage, r->msg.data);
        raise_status(R, SP_FAILED);
        keep_failed(R, r);
        if (R->o->stop_on_error)
            R->stop = R->cut_short = 1;
        return;
    }
    R->any_doc_seen = 1;
    if (R->o->on_document) {
        if (R->o->on_document(R->o->ctx, r->doc) != 0) {
            raise_status(R, SP_IO);
            R->stop = R->out_failed = 1;
            return;
        }
        R->stats.written++;
        R->text_bytes += r->text_len;
        return;
    }
    if (R->out_names && open_for_input(R, in_index) < 0)
        return;
    buf err = BUF_INIT;
    if (sink_write(&R->out, r->out.data, r->out.len, &err) < 0) {
        output_failed(R, err.data);
        buf_free(&err);
        return;
    }
    R->stats.written++;
    R->text_bytes += r->text_len;
}

/* Push out what is written so far, a batch at a time: a stage that crashes the
 * process later must not take finished documents with it. */
static void flush_output(run *R)
{
    buf err = BUF_INIT;
    if (!R->no_out && (!R->out_names || R->out_in >= 0) &&
        sink_flush(&R->out, &err) < 0) {
        output_failed(R, err.data);
    }
    buf_free(&err);
}

/* A stage ran past --stage-timeout: name it and its document; the run is cut
 * short, so an output file is not put in place as if whole. */
static void report_hang(run *R)
{
    const watch_slot *w = &R->slot[R->hung - 1];
    buf msg = BUF_INIT;
    buf_printf(&msg, "stage '%s' ran longer than %g s on document \"%s\": stopped; the "
               "documents before it were written", w->stage ? w->stage : "?",
               R->o->stage_timeout, w->doc_id ? w->doc_id : "?");
    sp_diag d = { .status = SP_FAILED, .file = w->file, .line = w->line,
                  .message = msg.data };
    if (R->o->on_diag)
        R->o->on_diag(R->o->ctx, &d);
    raise_status(R, SP_FAILED);
    R->stats.failed++;
    R->cut_short = 1;
    buf_free(&msg);
}

void *writer_main(void *arg)
{
    run *R = arg;
    pthread_mutex_lock(&R->mu);
    for (;;) {
        int ready = R->written < R->filled && R->done[R->written % R->nring];
        if (!ready) {
            if (R->hung) {
                /* Write what was finished before the stuck document, even in
                 * its batch; then say where it stuck, and stop. */
                int partial = R->written < R->filled;
                pthread_mutex_unlock(&R->mu);
                if (partial) {
                    batch *b = &R->ring[R->written % R->nring];
                    for (size_t i = 0; i < b->n && atomic_load(&b->rec[i].finished); i++)
                        write_record(R, b, i, 0);
                }
                report_hang(R);
                pthread_mutex_lock(&R->mu);
                break;
            }
            if (R->written == R->filled && R->reading_over)
                break;
            pthread_cond_wait(&R->cv_done, &R->mu);
            continue;
        }
        size_t slot = R->written % R->nring;
        pthread_mutex_unlock(&R->mu);
        batch *b = &R->ring[slot];
        for (size_t i = 0; i < b->n; i++)
            write_record(R, b, i, 1);
        batch_clear(b);
        flush_output(R);
        progress(R, 0);
        pthread_mutex_lock(&R->mu);
        R->done[slot] = 0;
        R->written++;
        pthread_cond_broadcast(&R->cv_free);
    }
    pthread_mutex_unlock(&R->mu);
    return NULL;
}

int open_outputs(run *R, buf *err)
{
    R->out_in = -1;
    R->no_out = R->o->on_document != NULL;
    if (!R->out_names && !R->no_out && sink_open(&R->out, R->o->output, err) < 0)
        return -1;
    if (R->o->errors) {
        buf rp = BUF_INIT;
        buf_printf(&rp, "%s.reasons", R->o->errors);
        int rc = sink_open(&R->errs, R->o->errors, err);
        if (rc == 0 && sink_open(&R->reasons, rp.data, err) < 0) {
            sink_close(&R->errs, 0, NULL);
            rc = -1;
        }
        buf_free(&rp);
        if (rc < 0) {
            if (!R->out_names && !R->no_out)
                sink_close(&R->out, 0, NULL);
            return -1;
        }
        R->have_errs = 1;
    }
    return 0;
}

/* Close the outputs; an output is committed unless the run was cut short. */
void close_outputs(run *R, int had_errs)
{
    buf err = BUF_INIT;
    /* A file that was cut short is not put in place as if it were whole.
     * Under -O, an output still open belongs to an input never finished. */
    int whole = !R->out_failed && !R->cut_short && !R->out_names;
    if (!R->no_out && (!R->out_names || R->out_in >= 0) &&
        sink_close(&R->out, whole, &err) < 0 &&
        whole) {
        diag(R, SP_IO, NULL, NULL, err.data);
        raise_status(R, SP_IO);
    }
    buf_clear(&err);
    if (had_errs) {
        if (sink_close(&R->errs, 1, &err) < 0 || sink_close(&R->reasons, 1, &err) < 0) {
            diag(R, SP_IO, NULL, NULL, err.data);
            raise_status(R, SP_IO);
        }
    }
    buf_free(&err);
}

