/* reader.c — records from one input (see reader.h). */
#include "io/reader.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK (256 * 1024)

/* Read more content after buf[len); returns bytes added, 0 at the end, -1. */
static ssize_t more(reader *r, buf *err)
{
    if (r->late_error.len) {
        buf_add(err, r->late_error.data, r->late_error.len);
        buf_clear(&r->late_error);
        return -1;
    }
    if (r->eof)
        return 0;
    if (r->pos > 0 && r->pos == r->len)
        r->pos = r->len = 0;
    if (r->cap - r->len < CHUNK) {
        if (r->pos > 0) { /* slide the unread part to the front first */
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->len < CHUNK)
            r->buf = xgrow(r->buf, &r->cap, r->len + CHUNK + 1, 1);
    }
    ssize_t n = source_read(&r->src, r->buf + r->len, r->cap - r->len - 1, err);
    if (n < 0)
        return -1;
    if (n == 0)
        r->eof = 1;
    r->len += (size_t)n;
    r->content += (uint64_t)n;
    if (r->limit && r->content > r->limit) {
        /* a member that unpacks to more than it should: a bomb, or a corpus
         * bigger than the limit was set for */
        buf_printf(err, "more than %llu bytes, the limit for a member (--max-member): "
                   "not read further", (unsigned long long)r->limit);
        return -1;
    }
    return n;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Find out what the content holds. */
static int find_kind(reader *r, buf *err)
{
    /* An archive is told by its first bytes, before a byte order mark or
     * white space is stepped over. */
    while (r->len < MEMBERS_SNIFF_BYTES && !r->eof)
        if (more(r, err) < 0) {
            if (r->len == 0)
                return -1;
            /* what came before the trouble is content: the trouble comes after */
            buf_add(&r->late_error, err->data, err->len);
            buf_clear(err);
            break;
        }
    if (members_sniff(r->buf, r->len)) {
        r->kind = INPUT_ARCHIVE;
        return 0;
    }
    /* A UTF-8 byte order mark (editors on some systems write one) is not
     * content: step over it, then look past leading white space for the
     * first byte that tells. */
    while (r->len - r->pos < 3 && !r->eof) {
        ssize_t n = more(r, err);
        if (n < 0)
            return -1;
    }
    if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    size_t i = 0; /* relative to pos: more() may slide the window */
    for (;;) {
        while (r->pos + i < r->len && is_blank(r->buf[r->pos + i]))
            i++;
        if (r->pos + i < r->len)
            break;
        ssize_t n = more(r, err);
        if (n < 0)
            return -1;
        if (n == 0) {
            r->kind = INPUT_EMPTY;
            return 0;
        }
    }
    r->kind = r->buf[r->pos + i] == '{' ? INPUT_JSONL : INPUT_TEXT;
    return 0;
}

int reader_open(reader *r, const char *path, buf *err)
{
    memset(r, 0, sizeof *r);
    if (source_open(&r->src, path, err) < 0)
        return -1;
    return find_kind(r, err);
}

int reader_open_member(reader *r, members *m, uint64_t limit, buf *err)
{
    memset(r, 0, sizeof *r);
    source_open_fn(&r->src, members_read, m);
    r->archive_src = members_source(m);
    r->limit = limit;
    return find_kind(r, err);
}

members *reader_members(reader *r, uint64_t limit)
{
    members *m = members_open(&r->src, r->buf + r->pos, r->len - r->pos, limit);
    r->pos = r->len;
    return m;
}

int reader_line(reader *r, const char **line, size_t *len, buf *err)
{
    size_t scanned = r->pos;
    for (;;) {
        char *nl = memchr(r->buf + scanned, '\n', r->len - scanned);
        if (nl) {
            *line = r->buf + r->pos;
            *len = (size_t)(nl - (r->buf + r->pos));
            r->pos = (size_t)(nl - r->buf) + 1;
            r->line++;
            return 1;
        }
        size_t off = r->len - r->pos; /* what was scanned, relative to pos */
        ssize_t n = more(r, err);
        if (n < 0)
            return -1;
        scanned = r->pos + off;
        if (n == 0) {
            if (r->pos == r->len)
                return 0;
            /* a last line without "\n" */
            *line = r->buf + r->pos;
            *len = r->len - r->pos;
            r->pos = r->len;
            r->line++;
            return 1;
        }
    }
}

int reader_all(reader *r, char **text, size_t *len, buf *err)
{
    for (;;) {
        ssize_t n = more(r, err);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
    }
    size_t k = r->len - r->pos;
    if (!r->buf) {
        r->buf = xmalloc(1);
        r->cap = 1;
    }
    if (r->pos == 0) {
        *text = r->buf; /* hand the window over rather than copy it */
        r->buf = NULL;
        r->cap = r->len = 0;
    } else {
        *text = xmalloc(k + 1);
        memcpy(*text, r->buf + r->pos, k);
        r->pos = r->len;
    }
    (*text)[k] = '\0';
    *len = k;
    r->line = 1;
    return 0;
}

void reader_close(reader *r)
{
    source_close(&r->src);
    buf_free(&r->late_error);
    free(r->buf);
    memset(r, 0, sizeof *r);
}
