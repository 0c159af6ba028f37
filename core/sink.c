/* sink.c — writing the output (see sink.h). */
#include "sink.h"

#include <errno.h>
#include <libdeflate.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FLUSH_AT (256 * 1024)

gz_compressor *gz_compressor_new(void)
{
    gz_compressor *c = libdeflate_alloc_compressor(1);
    if (!c)
        oom_abort(); /* it fails only for want of memory at a valid level */
    return c;
}

void gz_compressor_free(gz_compressor *c)
{
    libdeflate_free_compressor(c);
}

int sink_gz_name(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && strcmp(path + n - 3, ".gz") == 0;
}

void gz_member(gz_compressor *c, const void *p, size_t n, buf *out)
{
    size_t bound = libdeflate_gzip_compress_bound(c, n);
    buf_reserve(out, bound);
    size_t got = libdeflate_gzip_compress(c, p, n, out->data + out->len, bound);
    if (got == 0)
        oom_abort(); /* cannot happen: the bound is the worst case */
    out->len += got;
}

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
    s->gz = sink_gz_name(path);
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

/* Write what is queued: for gzip, compressed as a member of its own. */
static int flush_pending(sink *s, buf *err)
{
    if (s->pending.len == 0)
        return 0;
    int rc;
    if (s->gz) {
        if (!s->zc)
            s->zc = gz_compressor_new();
        buf_clear(&s->zbuf);
        gz_member(s->zc, s->pending.data, s->pending.len, &s->zbuf);
        rc = write_all(s, s->zbuf.data, s->zbuf.len, err);
        s->gz_any = 1;
    } else
        rc = write_all(s, s->pending.data, s->pending.len, err);
    buf_clear(&s->pending);
    return rc;
}

int sink_flush(sink *s, buf *err)
{
    return flush_pending(s, err);
}

int sink_write(sink *s, const void *p, size_t n, buf *err)
{
    buf_add(&s->pending, p, n);
    if (s->pending.len >= FLUSH_AT)
        return flush_pending(s, err);
    return 0;
}

int sink_write_gz(sink *s, const void *p, size_t n, buf *err)
{
    if (flush_pending(s, err) < 0)
        return -1;
    s->gz_any = 1;
    return write_all(s, p, n, err);
}

int sink_close(sink *s, int commit, buf *err)
{
    int rc = 0;
    /* A stream (standard output, a FIFO): what was produced goes out anyway. */
    if (commit || !s->path) {
        rc = flush_pending(s, err);
        /* An empty gzip file is not a gzip file: it gets an empty member. */
        if (rc == 0 && s->gz && !s->gz_any) {
            if (!s->zc)
                s->zc = gz_compressor_new();
            gz_member(s->zc, "", 0, &s->zbuf);
            rc = write_all(s, s->zbuf.data, s->zbuf.len, err);
        }
    }
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
    buf_free(&s->zbuf);
    gz_compressor_free(s->zc);
    free(s->tmp);
    free(s->path);
    free(s->direct);
    memset(s, 0, sizeof *s);
    return rc;
}
