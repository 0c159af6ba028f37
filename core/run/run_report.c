/* run_report.c — what a run tells its caller: problems through on_diag,
 * progress through on_progress, and the status (see run_internal.h). */
#include "run/run_internal.h"

#include <string.h>

void report_init(run_report *rep, const sp_run_options *o)
{
    memset(rep, 0, sizeof *rep);
    rep->o = o;
    clock_gettime(CLOCK_MONOTONIC, &rep->t0);
    rep->last = rep->t0;
}

void report_problem(run_report *rep, sp_status st, const record *r, const char *stage_name,
                    const char *msg)
{
    static const int rank[] = { [SP_OK] = 0, [SP_FAILED] = 1, [SP_IO] = 2, [SP_USAGE] = 3 };
    if (rank[st] > rank[rep->status])
        rep->status = st;
    if (!msg || !rep->o->on_diag)
        return;
    sp_diag d = {
        .status = st,
        .file = r && r->in ? r->in->name : NULL,
        .line = r ? r->line : 0,
        .doc_id = r ? r->doc_id : NULL,
        .stage = stage_name,
        .message = msg,
    };
    rep->o->on_diag(rep->o->ctx, &d);
}

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void report_progress(run_report *rep, int final)
{
    if (!rep->o->on_progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double every = rep->o->progress_interval > 0 ? rep->o->progress_interval : 0.25;
    if (!final && since(&rep->last, &now) < every)
        return;
    rep->last = now;
    sp_progress pr = {
        .docs = rep->stats.written + rep->stats.failed,
        .failed = rep->stats.failed,
        .text_bytes = rep->text_bytes,
        .in_bytes = rep->in_bytes ? atomic_load(rep->in_bytes) : 0,
        .in_total = rep->in_total,
        .seconds = since(&rep->t0, &now),
        .done = final,
    };
    rep->o->on_progress(rep->o->ctx, &pr);
}
