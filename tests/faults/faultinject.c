/*
 * faultinject.c — an LD_PRELOAD library that makes chosen calls of spanpipe
 * fail, so that the error paths of a run can be tested end to end (as jq
 * tests its I/O errors).
 *
 *   SPANPIPE_FAULT=CALL:ERRNO[:N]   CALL (pthread_create, write, rename (or
 *                                   renameat), fsync) fails with ERRNO (a name: ENOSPC,
 *                                   EPIPE, EAGAIN, EIO, EACCES, EXDEV) from
 *                                   its Nth matching call on (default 1)
 *   SPANPIPE_COUNT=readdir          say at exit how many folder entries were
 *                                   read (readdir calls)
 *   SPANPIPE_CLOCK_SHIFT=SECONDS    the wall clock (CLOCK_REALTIME) reads
 *                                   SECONDS later than it is, as after the
 *                                   clock was set: no time limit may move
 *   SPANPIPE_FAULT_FILE=TEXT        only calls on a file whose path contains
 *                                   TEXT (write, fsync: the descriptor's
 *                                   path; rename: the new name)
 *
 * Only a program named spanpipe (or libtool's lt-spanpipe) is affected, not
 * the shells and valgrind launchers it is run through; and writes to
 * standard error never fail, so that the message gets out.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* readdir64 */
#endif
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
    int init;
    char call[32];
    int err;
    long from;
    const char *file;
} f;
static atomic_long seen;

static int errno_of(const char *name)
{
    static const struct { const char *name; int err; } known[] = {
        { "ENOSPC", ENOSPC }, { "EPIPE", EPIPE }, { "EAGAIN", EAGAIN },
        { "EIO", EIO }, { "EACCES", EACCES }, { "EXDEV", EXDEV },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i].name) == 0)
            return known[i].err;
    return EIO;
}

static int is_spanpipe(void)
{
    const char *me = program_invocation_short_name;
    return strcmp(me, "spanpipe") == 0 || strcmp(me, "lt-spanpipe") == 0;
}

/* Read the settings once; a data race on F.init is harmless: every thread
 * writes the same values. */
static void setup(void)
{
    if (f.init)
        return;
    const char *spec = getenv("SPANPIPE_FAULT");
    f.from = 0;
    if (spec && is_spanpipe()) {
        char e[32] = "";
        long n = 1;
        if (sscanf(spec, "%31[^:]:%31[^:]:%ld", f.call, e, &n) >= 2) {
            f.err = errno_of(e);
            f.from = n > 0 ? n : 1;
        }
        f.file = getenv("SPANPIPE_FAULT_FILE");
    }
    f.init = 1;
}

static int path_matches(const char *path)
{
    return !f.file || (path && strstr(path, f.file));
}

static int fd_matches(int fd)
{
    if (!f.file)
        return 1;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return path_matches(path);
}

/* Whether this call of CALL (on a matching file) fails now. */
static int fails(const char *call, int matches)
{
    setup();
    if (!f.from || strcmp(call, f.call) != 0 || !matches)
        return 0;
    return atomic_fetch_add(&seen, 1) + 1 >= f.from;
}

#define NEXT(name) \
    static __typeof__(name) *next_##name; \
    if (!next_##name) \
        next_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *p, size_t n)
{
    NEXT(write);
    if (fd != STDERR_FILENO && fails("write", fd_matches(fd))) {
        errno = f.err;
        return -1;
    }
    return next_write(fd, p, n);
}

int fsync(int fd)
{
    NEXT(fsync);
    if (fails("fsync", fd_matches(fd))) {
        errno = f.err;
        return -1;
    }
    return next_fsync(fd);
}

int rename(const char *from, const char *to)
{
    NEXT(rename);
    if (fails("rename", path_matches(to))) {
        errno = f.err;
        return -1;
    }
    return next_rename(from, to);
}

/* The core renames relative to a folder it opened (outfile.c): "rename"
 * covers both. */
int renameat(int fromfd, const char *from, int tofd, const char *to)
{
    NEXT(renameat);
    if (fails("rename", path_matches(to))) {
        errno = f.err;
        return -1;
    }
    return next_renameat(fromfd, from, tofd, to);
}

/* SPANPIPE_COUNT=readdir: how many entries spanpipe read from folders,
 * said on standard error at exit, for the cases that check a cost grows as
 * the work does (counts, unlike times, do not depend on the load). */
static atomic_long readdirs;

static int counting(void)
{
    const char *c = getenv("SPANPIPE_COUNT");
    return c && !strcmp(c, "readdir") && is_spanpipe();
}

struct dirent *readdir(DIR *d)
{
    NEXT(readdir);
    atomic_fetch_add(&readdirs, 1);
    return next_readdir(d);
}

struct dirent64 *readdir64(DIR *d)
{
    NEXT(readdir64);
    atomic_fetch_add(&readdirs, 1);
    return next_readdir64(d);
}

__attribute__((destructor)) static void say_counts(void)
{
    if (counting())
        fprintf(stderr, "readdir: %ld\n", atomic_load(&readdirs));
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg)
{
    NEXT(pthread_create);
    if (fails("pthread_create", 1))
        return f.err; /* pthread functions return the error */
    return next_pthread_create(t, a, fn, arg);
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
    NEXT(clock_gettime);
    int rc = next_clock_gettime(id, ts);
    const char *shift = getenv("SPANPIPE_CLOCK_SHIFT");
    if (rc == 0 && id == CLOCK_REALTIME && shift && is_spanpipe())
        ts->tv_sec += atol(shift);
    return rc;
}
