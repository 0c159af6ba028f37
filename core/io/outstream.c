/* outstream.c — queued, chunked, plain or compressed output (see outstream.h). */
#include "io/outstream.h"

#include <stdlib.h>
#include <string.h>

#define FLUSH_AT (256 * 1024)

/* S on the file F (opened for PATH), or -1 when F could not be opened. */
static int outstream_on(outstream *s, sp_outfile *f, const char *path)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    if (!s->f)
        return -1;
    /* What is written straight (standard output, a FIFO, a device) is
     * plain whatever its name: a reader at the other end wants lines. */
    s->gz = sp_outfile_is_stream(s->f) ? PACK_NONE : pack_kind_of_name(path);
    return 0;
}

int outstream_open(outstream *s, const char *path, unsigned flags, buf *err)
{
    return outstream_on(s, outfile_open(path, flags, err), path);
}

int outstream_open_in(outstream *s, const char *dir, const char *rel, unsigned flags,
                      buf *err)
{
    return outstream_on(s, outfile_open_in(dir, rel, flags, err), rel);
}

/* Write what is queued: for gzip, compressed as a member of its own. */
static int flush_pending(outstream *s, buf *err)
{
    if (s->pending.len == 0)
        return 0;
    int rc;
    if (s->gz) {
        if (!s->zc)
            s->zc = pack_new(s->gz);
        buf_clear(&s->zbuf);
        pack_frame(s->zc, s->pending.data, s->pending.len, &s->zbuf);
        rc = outfile_write(s->f, s->zbuf.data, s->zbuf.len, err);
        s->gz_any = 1;
    } else
        rc = outfile_write(s->f, s->pending.data, s->pending.len, err);
    buf_clear(&s->pending);
    return rc;
}

int outstream_flush(outstream *s, buf *err)
{
    return flush_pending(s, err);
}

int outstream_write(outstream *s, const void *p, size_t n, buf *err)
{
    buf_add(&s->pending, p, n);
    if (s->pending.len >= FLUSH_AT)
        return flush_pending(s, err);
    return 0;
}

int outstream_write_gz(outstream *s, const void *p, size_t n, buf *err)
{
    if (flush_pending(s, err) < 0)
        return -1;
    s->gz_any = 1;
    return outfile_write(s->f, p, n, err);
}

int outstream_close(outstream *s, int commit, buf *err)
{
    int rc = 0;
    /* A stream (standard output, a FIFO): what was produced goes out anyway. */
    if (commit || sp_outfile_is_stream(s->f)) {
        rc = flush_pending(s, err);
        /* An empty file is not a gzip (zstd, xz) file: it gets an empty member. */
        if (rc == 0 && s->gz && !s->gz_any) {
            if (!s->zc)
                s->zc = pack_new(s->gz);
            pack_frame(s->zc, "", 0, &s->zbuf);
            rc = outfile_write(s->f, s->zbuf.data, s->zbuf.len, err);
        }
    }
    if (outfile_close(s->f, commit && rc == 0, err) < 0)
        rc = -1;
    buf_free(&s->pending);
    buf_free(&s->zbuf);
    pack_free(s->zc);
    memset(s, 0, sizeof *s);
    return rc;
}
