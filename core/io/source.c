/* source.c — reading an input, decompressing by content (see source.h). */
#include "io/source.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RAW_CHUNK (256 * 1024)

static _Thread_local int wake_fd = -1;

void source_wake_on(int fd)
{
    wake_fd = fd;
}

/* Wait until FD has bytes (or its end), or the thread's wake-up descriptor
 * is readable.  0, or -1 with ERR. */
static int wait_readable(int fd, buf *err)
{
    if (wake_fd < 0)
        return 0;
    struct pollfd p[2] = { { fd, POLLIN, 0 }, { wake_fd, POLLIN, 0 } };
    int n;
    do
        n = poll(p, 2, -1);
    while (n < 0 && errno == EINTR);
    if (n > 0 && p[1].revents) {
        buf_printf(err, "reading stopped: the run is ending");
        return -1;
    }
    return 0; /* a failed poll: the read says what is wrong */
}

static void init(source *s)
{
    memset(s, 0, sizeof *s);
    s->in_cap = RAW_CHUNK;
    s->in = xmalloc(s->in_cap);
}

int source_open(source *s, const char *path, buf *err)
{
    init(s);
    if (strcmp(path, "-") == 0) {
        s->fd = 0;
    } else {
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            buf_printf(err, "cannot open: %s", strerror(errno));
            return -1;
        }
        s->own_fd = 1;
    }
    return 0;
}

void source_open_fn(source *s, source_fn fn, void *ctx)
{
    init(s);
    s->fd = -1;
    s->fn = fn;
    s->fn_ctx = ctx;
}

/* Read raw bytes after the buffered ones; returns how many, 0 at the end, -1. */
static ssize_t read_more(source *s, buf *err)
{
    if (s->raw_eof)
        return 0;
    if (s->in_pos == s->in_len)
        s->in_pos = s->in_len = 0;
    else if (s->in_pos > 0) { /* slide what is left to the front */
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
        s->in_len -= s->in_pos;
        s->in_pos = 0;
    }
    if (s->in_len == s->in_cap) /* a decompressor wants more than a whole buffer */
        s->in = xgrow(s->in, &s->in_cap, s->in_cap + RAW_CHUNK, 1);
    ssize_t r;
    if (s->fn) {
        r = s->fn(s->fn_ctx, s->in + s->in_len, s->in_cap - s->in_len, err);
        if (r < 0)
            return -1;
    } else {
        if (wait_readable(s->fd, err) < 0)
            return -1;
        do
            r = read(s->fd, s->in + s->in_len, s->in_cap - s->in_len);
        while (r < 0 && errno == EINTR);
        if (r < 0) {
            buf_printf(err, "read error: %s", strerror(errno));
            return -1;
        }
    }
    if (r == 0)
        s->raw_eof = 1;
    s->in_len += (size_t)r;
    s->raw_bytes += (uint64_t)r;
    return r;
}

/* Decide, on the first bytes, whether and how the input is compressed. */
static int sniff(source *s, buf *err)
{
    /* The magic may arrive in more than one read from a pipe. */
    while (s->in_len - s->in_pos < DZ_MAGIC_MAX && !s->raw_eof)
        if (read_more(s, err) < 0)
            return -1;
    s->kind = dz_sniff(s->in + s->in_pos, s->in_len - s->in_pos);
    if (s->kind != DZ_NONE)
        s->z = dz_new(s->kind);
    return 0;
}

static ssize_t read_plain(source *s, void *dst, size_t n, buf *err)
{
    if (s->in_pos == s->in_len) {
        ssize_t r = read_more(s, err);
        if (r <= 0)
            return r;
    }
    size_t have = s->in_len - s->in_pos;
    size_t k = have < n ? have : n;
    memcpy(dst, s->in + s->in_pos, k);
    s->in_pos += k;
    return (ssize_t)k;
}

static ssize_t read_z(source *s, void *dst, size_t n, buf *err)
{
    for (;;) {
        const unsigned char *p = s->in + s->in_pos;
        size_t avail = s->in_len - s->in_pos, before = avail;
        int end;
        ssize_t got = dz_run(s->z, &p, &avail, s->raw_eof, dst, n, &end, err);
        s->in_pos += before - avail;
        if (got != 0 || end)
            return got;
        /* Nothing out: it wants more input (all of it, or a few bytes more
         * than are left, to see what follows a stream's end). */
        if (read_more(s, err) < 0)
            return -1;
    }
}

ssize_t source_read(source *s, void *dst, size_t n, buf *err)
{
    if (n == 0)
        return 0;
    if (!s->sniffed) {
        s->sniffed = 1;
        if (sniff(s, err) < 0)
            return -1;
    }
    return s->z ? read_z(s, dst, n, err) : read_plain(s, dst, n, err);
}

void source_close(source *s)
{
    dz_free(s->z);
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    free(s->in);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
