/* source.c — reading an input, gunzipping by content (see source.h). */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RAW_CHUNK (256 * 1024)

int source_open(source *s, const char *path, buf *err)
{
    memset(s, 0, sizeof *s);
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
    s->in_cap = RAW_CHUNK;
    s->in = xmalloc(s->in_cap);
    return 0;
}

/* Refill the raw buffer; returns bytes now buffered, 0 at the end, -1 on error. */
static ssize_t fill_raw(source *s, buf *err)
{
    if (s->in_pos < s->in_len)
        return (ssize_t)(s->in_len - s->in_pos);
    s->in_pos = s->in_len = 0;
    if (s->raw_eof)
        return 0;
    for (;;) {
        ssize_t r = read(s->fd, s->in, s->in_cap);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            buf_printf(err, "read error: %s", strerror(errno));
            return -1;
        }
        if (r == 0)
            s->raw_eof = 1;
        s->in_len = (size_t)r;
        s->raw_bytes += (uint64_t)r;
        return r;
    }
}

/* Decide, on the first bytes, whether the input is gzip. */
static int sniff(source *s, buf *err)
{
    /* Two bytes may arrive in two reads from a pipe. */
    while (s->in_len - s->in_pos < 2 && !s->raw_eof) {
        if (s->in_pos > 0) {
            memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
            s->in_len -= s->in_pos;
            s->in_pos = 0;
        }
        ssize_t r;
        do
            r = read(s->fd, s->in + s->in_len, s->in_cap - s->in_len);
        while (r < 0 && errno == EINTR);
        if (r < 0) {
            buf_printf(err, "read error: %s", strerror(errno));
            return -1;
        }
        if (r == 0)
            s->raw_eof = 1;
        s->in_len += (size_t)r;
        s->raw_bytes += (uint64_t)r;
    }
    if (s->in_len - s->in_pos >= 2 && s->in[s->in_pos] == 0x1f &&
        s->in[s->in_pos + 1] == 0x8b) {
        s->gz = 1;
        /* 16 + MAX_WBITS: a gzip wrapper, not zlib or raw deflate */
        if (inflateInit2(&s->zs, 16 + MAX_WBITS) != Z_OK)
            oom_abort();
        s->z_ready = 1;
        s->in_member = 1;
    }
    return 0;
}

static ssize_t read_plain(source *s, void *dst, size_t n, buf *err)
{
    ssize_t have = fill_raw(s, err);
    if (have <= 0)
        return have;
    size_t k = (size_t)have < n ? (size_t)have : n;
    memcpy(dst, s->in + s->in_pos, k);
    s->in_pos += k;
    return (ssize_t)k;
}

static ssize_t read_gz(source *s, void *dst, size_t n, buf *err)
{
    if (s->late_error.len) {
        /* the data came out on the last call; now the trouble it ended with */
        buf_add(err, s->late_error.data, s->late_error.len);
        buf_clear(&s->late_error);
        return -1;
    }
    for (;;) {
        ssize_t have = fill_raw(s, err);
        if (have < 0)
            return -1;
        if (!s->in_member) {
            /* Between members: the end, another member, or garbage. */
            if (have == 0)
                return 0;
            if (s->in[s->in_pos] != 0x1f) {
                buf_printf(err, "garbage after the end of the gzip data");
                return -1;
            }
            inflateReset(&s->zs);
            s->in_member = 1;
        }
        if (have == 0) {
            buf_printf(err, "truncated gzip data (unexpected end of file)");
            return -1;
        }
        s->zs.next_in = s->in + s->in_pos;
        s->zs.avail_in = (uInt)have;
        s->zs.next_out = dst;
        s->zs.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
        uInt out_before = s->zs.avail_out;
        int rc = inflate(&s->zs, Z_NO_FLUSH);
        s->in_pos = s->in_len - s->zs.avail_in;
        size_t produced = out_before - s->zs.avail_out;
        if (rc == Z_STREAM_END)
            s->in_member = 0;
        else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            /* As zcat does: what was decompressed goes out, then the error
             * (a bad CRC is only known once all the data is out). */
            buf *e = produced ? &s->late_error : err;
            buf_printf(e, "corrupt gzip data (%s)", s->zs.msg ? s->zs.msg : "bad data");
            if (!produced)
                return -1;
            s->in_member = 1;
        } else if (rc == Z_MEM_ERROR)
            oom_abort();
        if (produced)
            return (ssize_t)produced;
        /* Z_BUF_ERROR or nothing out yet: feed more input. */
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
    return s->gz ? read_gz(s, dst, n, err) : read_plain(s, dst, n, err);
}

void source_close(source *s)
{
    if (s->z_ready)
        inflateEnd(&s->zs);
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    free(s->in);
    buf_free(&s->late_error);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
