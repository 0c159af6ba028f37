/* childgroups.c — the process groups of spanpipe's children, killed when it
 * exits (see childgroups.h). */
#include "stage/childgroups.h"
#include "base/buf.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/*
 * The groups are kept in chunks of slots that are never freed nor moved, so
 * that a signal handler may walk them while another thread adds one: a slot
 * is taken by compare-and-swap from 0, and given back by storing 0.  There
 * are as many slots as children were ever alive at once.
 */
#define CHUNK_SLOTS 64

typedef struct chunk {
    atomic_int pgid[CHUNK_SLOTS];
    struct chunk *_Atomic next;
} chunk;

static chunk first;

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
static struct sigaction saved[NSTOP];
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

void childgroups_kill_all(void)
{
    for (chunk *c = &first; c; c = atomic_load(&c->next))
        for (size_t i = 0; i < CHUNK_SLOTS; i++) {
            int g = atomic_load(&c->pgid[i]);
            if (g > 0)
                kill(-(pid_t)g, SIGKILL);
        }
}

/* Kill the groups, then let the signal do what it did before we came. */
static void on_stop(int sig)
{
    childgroups_kill_all();
    for (size_t i = 0; i < NSTOP; i++)
        if (stop_signals[i] == sig)
            sigaction(sig, &saved[i], NULL);
    raise(sig); /* delivered once this handler returns */
}

static void at_exit(void)
{
    childgroups_kill_all();
}

static void install_hooks(void)
{
    atexit(at_exit);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSTOP; i++) {
        struct sigaction old;
        /* An ignored signal (nohup, a background job) stays ignored. */
        if (sigaction(stop_signals[i], NULL, &old) < 0 || old.sa_handler == SIG_IGN)
            continue;
        saved[i] = old;
        sigaction(stop_signals[i], &sa, NULL);
    }
}

void childgroups_add(pid_t pgid)
{
    pthread_once(&hooks_once, install_hooks);
    for (chunk *c = &first;;) {
        for (size_t i = 0; i < CHUNK_SLOTS; i++) {
            int expect = 0;
            if (atomic_compare_exchange_strong(&c->pgid[i], &expect, (int)pgid))
                return;
        }
        chunk *next = atomic_load(&c->next);
        if (!next) {
            chunk *fresh = xcalloc(1, sizeof *fresh);
            if (atomic_compare_exchange_strong(&c->next, &next, fresh))
                next = fresh;
            else
                free(fresh); /* another thread added one: next is it */
        }
        c = next;
    }
}

void childgroups_remove(pid_t pgid)
{
    for (chunk *c = &first; c; c = atomic_load(&c->next))
        for (size_t i = 0; i < CHUNK_SLOTS; i++) {
            int expect = (int)pgid;
            if (atomic_compare_exchange_strong(&c->pgid[i], &expect, 0))
                return;
        }
}
