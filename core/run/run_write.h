/*
 * run_write.h — the writer of a run: takes the ring's batches in input
 * order, hands each record to its sink, reports failures, and decides
 * whether the outputs are put in place.  It is the only thread that calls
 * the caller's callbacks, so they need no locking of their own.
 */
#ifndef SPANPIPE_RUN_WRITE_H
#define SPANPIPE_RUN_WRITE_H

#include "run/run_workers.h"

typedef struct run_writer {
    /* set before it starts */
    run_ring *ring;
    batch *batches;
    const sp_run_options *o;
    run_workers *workers;        /* which one hung, if one did */
    sink *out;                   /* the documents */
    sink *errs;                  /* the failed documents, or NULL */
    run_report *rep;
    /* its own */
    int errs_failed;             /* ERRS could not be written: no more */
    int in_bad;                  /* the current input could not be read whole */
    int stopped;                 /* it stopped the ring */
    int out_failed;              /* the output could not be written */
    int cut_short;               /* stopped by --on-error=stop, the chain or
                                    a hang */
    int any_doc_seen;
} run_writer;

/* The writer thread: ARG is its run_writer. */
void *writer_main(void *arg);

/* Stop the run as a set-up error would: nothing is put in place. */
void writer_cut_short(run_writer *w);

/* After the threads: close the sinks, committing unless the run was cut
 * short, and free them. */
void writer_close(run_writer *w);

#endif
