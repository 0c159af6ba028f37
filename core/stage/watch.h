/*
 * watch.h — what each worker is doing, for when a stage crashes or hangs.
 *
 * Each worker has a slot saying which document it is on and, while a stage
 * runs, which stage and since when.  A fatal signal in a stage (a plugin that
 * dereferences NULL) is reported from the slot of the thread it hit before the
 * process dies, so the message names the stage and the document; a watchdog
 * thread reads the slots to find a stage that has run past its time limit.
 */
#ifndef SPANPIPE_WATCH_H
#define SPANPIPE_WATCH_H

#include <stdatomic.h>

/* A worker's slot.  Its thread writes it, the watchdog, the writer and a
 * signal handler read it while it runs: every field is atomic. */
typedef struct watch_slot {
    atomic_long since_ms;        /* when the running stage call began; 0: none */
    _Atomic(const char *) stage;  /* the stage running, when since_ms != 0 */
    _Atomic(const char *) doc_id; /* the document the worker is on, or NULL */
    _Atomic(const char *) file;
    atomic_ulong line;
} watch_slot;

/* What a worker was doing, copied out of its slot. */
typedef struct watch_info {
    const char *stage, *doc_id, *file;
    unsigned long line;
} watch_info;

/* Make SLOT the calling thread's (NULL: none). */
void watch_bind(watch_slot *slot);

/* The calling thread is on a document (a NULL DOC_ID: none now). */
void watch_document(const char *doc_id, const char *file, unsigned long line);

/* A stage is being started (init, declare): STAGE, its file PATH; NULL,
 * NULL when done.  A crash meanwhile names them.  Not thread-safe: the
 * stages are started by one thread, before any worker. */
void watch_starting(const char *stage, const char *path);

/* The calling thread enters and leaves stage STAGE's process(). */
void watch_enter(const char *stage);
void watch_leave(void);

/* Milliseconds on a monotonic clock. */
long watch_now_ms(void);

/*
 * Whether SLOT's thread has been inside one stage call for longer than
 * LIMIT_MS; if so, *INFO is what it is doing, read while that call lasted
 * (the strings live as long as the document and the pipeline).  Any thread.
 */
int watch_overran(const watch_slot *slot, long limit_ms, watch_info *info);

/*
 * Report fatal signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) on standard
 * error with what the thread they hit was doing, then let them kill the
 * process as they would have.  watch_uninstall() puts the former handlers
 * back.  Each worker calls watch_altstack() so that a stack overflow in a
 * stage can still be reported.
 */
void watch_install(void);
void watch_uninstall(void);
void watch_altstack(void);
void watch_altstack_free(void);

#endif
