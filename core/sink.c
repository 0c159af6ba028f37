/* sink.c — writing the output (see sink.h). */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FLUSH_AT (256 * 1024)

int sink_open(sink *s, const char *path, buf *err)
{
    memset(s, 0, sizeof *s);
    if (!path || strcmp(path, "-") == 0) {
        s->fd = 1;
        s->name = "<stdout>";
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A FIFO or a device (-o /dev/stdout, a named pipe) is written
         * straight: renaming a file over it would replace the node. */
        s->fd = open(path, O_WRONLY | O_CLOEXEC);
        if (s->fd < 0) {
            buf_printf(err, "%s: cannot open: %s", path, strerror(errno));
            return -1;
        }
        s->name = s->direct = xstrdup(path);
        return 0;
    }
    s->path = xstrdup(path);
    s->name = s->path;
    buf t = BUF_INIT;
    buf_printf(&t, "%s.tmp.XXXXXX", path);
    s->tmp = buf_steal(&t);
    s->fd = mkostemp(s->tmp, O_CLOEXEC);
    if (s->fd < 0) {
        buf_printf(err, "%s: cannot create: %s", path, strerror(errno));
        free(s->tmp);
        free(s->path);
        s->tmp = s->path = NULL;
        return -1;
    }
    /* mkostemp makes it 0600; an output file should be like any other. */
    mode_t um = umask(0);
    umask(um);
    fchmod(s->fd, 0666 & ~um);
    size_t n = strlen(path);
    if (n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        s->gz = 1;
        if (deflateInit2(&s->zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
            Z_OK)
            oom_abort();
        s->zcap = FLUSH_AT;
        s->zbuf = xmalloc(s->zcap);
    }
    return 0;
}

static int write_all(sink *s, const void *p, size_t n, buf *err)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(s->fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            buf_printf(err, "%s: write error: %s", s->name, strerror(errno));
            return -1;
        }
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

static int deflate_out(sink *s, const void *p, size_t n, int flush, buf *err)
{
    s->zs.next_in = (unsigned char *)p;
    s->zs.avail_in = (uInt)n;
    int rc;
    do {
        s->zs.next_out = s->zbuf;
        s->zs.avail_out = (uInt)s->zcap;
        rc = deflate(&s->zs, flush);
        if (rc == Z_STREAM_ERROR)
            oom_abort(); /* cannot happen with a sound stream */
        if (write_all(s, s->zbuf, s->zcap - s->zs.avail_out, err) < 0)
            return -1;
    } while (s->zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    return 0;
}

static int flush_pending(sink *s, int finish, buf *err)
{
    int rc = s->gz ? deflate_out(s, s->pending.data, s->pending.len,
                                 finish ? Z_FINISH : Z_NO_FLUSH, err)
                   : write_all(s, s->pending.data, s->pending.len, err);
    buf_clear(&s->pending);
    return rc;
}

int sink_flush(sink *s, buf *err)
{
    /* gzip keeps its own window: flushing it per batch would cost ratio */
    if (s->gz || s->pending.len == 0)
        return 0;
    return flush_pending(s, 0, err);
}

int sink_write(sink *s, const void *p, size_t n, buf *err)
{
    buf_add(&s->pending, p, n);
    if (s->pending.len >= FLUSH_AT)
        return flush_pending(s, 0, err);
    return 0;
}

int sink_close(sink *s, int commit, buf *err)
{
    int rc = 0;
    /* A stream (standard output, a FIFO): what was produced goes out anyway. */
    if (commit || !s->path)
        rc = flush_pending(s, 1, err);
    if (s->gz)
        deflateEnd(&s->zs);
    if (s->direct && close(s->fd) < 0 && rc == 0) {
        buf_printf(err, "%s: write error: %s", s->name, strerror(errno));
        rc = -1;
    }
    if (s->path) {
        if (rc == 0 && commit && fsync(s->fd) < 0 && errno != EINVAL) {
            buf_printf(err, "%s: write error: %s", s->name, strerror(errno));
            rc = -1;
        }
        if (close(s->fd) < 0 && rc == 0 && commit) {
            buf_printf(err, "%s: write error: %s", s->name, strerror(errno));
            rc = -1;
        }
        if (rc == 0 && commit && rename(s->tmp, s->path) < 0) {
            buf_printf(err, "%s: cannot rename %s into place: %s", s->name, s->tmp,
                       strerror(errno));
            rc = -1;
        }
        if (rc < 0 || !commit)
            unlink(s->tmp);
    }
    buf_free(&s->pending);
    free(s->zbuf);
    free(s->tmp);
    free(s->path);
    free(s->direct);
    memset(s, 0, sizeof *s);
    return rc;
}
