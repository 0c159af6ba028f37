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

typedef struct watch_slot {
    atomic_long since_ms;        /* when the running stage call began; 0: none */
    const char *stage;           /* the stage running, when since_ms != 0 */
    const char *doc_id;          /* the document the worker is on, or NULL */
    const char *file;
    unsigned long line;
} watch_slot;

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
