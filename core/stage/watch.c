/* watch.c — what workers are doing, for crash and hang reports (see watch.h). */
#include "stage/watch.h"
#include "base/buf.h"
#include "stage/childgroups.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static _Thread_local watch_slot *my_slot;
static _Thread_local void *my_altstack;
static const char *volatile starting_stage, *volatile starting_path;

void watch_starting(const char *stage, const char *path)
{
    starting_stage = stage;
    starting_path = path;
}

void watch_bind(watch_slot *slot)
{
    my_slot = slot;
}

void watch_document(const char *doc_id, const char *file, unsigned long line)
{
    if (!my_slot)
        return;
    /* relaxed: watch_enter's store of since_ms publishes them */
    atomic_store_explicit(&my_slot->doc_id, doc_id, memory_order_relaxed);
    atomic_store_explicit(&my_slot->file, file, memory_order_relaxed);
    atomic_store_explicit(&my_slot->line, line, memory_order_relaxed);
}

long watch_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

void watch_enter(const char *stage)
{
    if (!my_slot)
        return;
    atomic_store_explicit(&my_slot->stage, stage, memory_order_relaxed);
    long now = watch_now_ms();
    atomic_store(&my_slot->since_ms, now ? now : 1);
}

void watch_leave(void)
{
    if (my_slot)
        atomic_store(&my_slot->since_ms, 0);
}

/* The fields of S; whether they belong to the stage call that began at
 * SINCE (one that ended in between would have changed since_ms). */
static int watch_read(const watch_slot *s, long since, watch_info *info)
{
    info->stage = atomic_load(&s->stage);
    info->doc_id = atomic_load(&s->doc_id);
    info->file = atomic_load(&s->file);
    info->line = atomic_load(&s->line);
    return atomic_load(&s->since_ms) == since;
}

int watch_overran(const watch_slot *s, long limit_ms, watch_info *info)
{
    long since = atomic_load(&s->since_ms);
    if (!since || watch_now_ms() - since <= limit_ms)
        return 0;
    watch_info scratch;
    return watch_read(s, since, info ? info : &scratch);
}

/* ---------------------------------------------------------------- signals */

static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NFATAL (sizeof fatal / sizeof fatal[0])
static struct sigaction saved[NFATAL];
static int installed;

/* Only write(2) and plain string handling here: it runs in a signal handler. */
static void put(const char *s)
{
    ssize_t r = write(2, s, strlen(s));
    (void)r;
}

static void put_num(unsigned long v)
{
    char d[24];
    size_t i = sizeof d;
    d[--i] = '\0';
    do {
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v && i);
    put(d + i);
}

static void on_fatal(int sig)
{
    const watch_slot *s = my_slot;
    watch_info w = { NULL, NULL, NULL, 0 };
    if (s) /* lock-free atomics: safe in a handler */
        watch_read(s, 0, &w);
    put("spanpipe: ");
    if (w.file) {
        put(w.file);
        put(":");
        put_num(w.line);
        put(": ");
    }
    put("fatal signal ");
    put_num((unsigned long)sig);
    put(sig == SIGSEGV ? " (segmentation fault)" : sig == SIGABRT ? " (abort)" : "");
    if (!s && starting_stage) {
        put(" in stage '");
        put(starting_stage);
        put("' (");
        put(starting_path ? starting_path : "?");
        put(") while it started");
    } else if (s && atomic_load(&s->since_ms) && w.stage) {
        put(" in stage '");
        put(w.stage);
        put("'");
    } else if (s)
        put(" in spanpipe itself");
    if (w.doc_id) {
        put(" on document \"");
        put(w.doc_id);
        put("\"");
    }
    put(s ? "; the documents written before it are complete\n" : "\n");
    childgroups_kill_all(); /* no exec stage's process outlives us */
    /* die of the signal, as without us */
    signal(sig, SIG_DFL);
    raise(sig);
}

void watch_install(void)
{
    if (installed++)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal[i], &sa, &saved[i]);
}

void watch_uninstall(void)
{
    if (!installed || --installed)
        return;
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal[i], &saved[i], NULL);
}

void watch_altstack(void)
{
    size_t size = 64 * 1024;
    my_altstack = xmalloc(size);
    stack_t st = { .ss_sp = my_altstack, .ss_size = size, .ss_flags = 0 };
    sigaltstack(&st, NULL);
}

void watch_altstack_free(void)
{
    stack_t st = { .ss_flags = SS_DISABLE };
    sigaltstack(&st, NULL);
    free(my_altstack);
    my_altstack = NULL;
}
