/* members.c — an archive's members as inputs, with libarchive (see members.h). */
#include "io/members.h"
#include "base/strset.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (256 * 1024)

struct members {
    struct archive *a;
    source *src;
    unsigned char *head;   /* the content the reader looked at, given first */
    size_t head_len;
    int head_given;
    unsigned char *chunk;  /* what libarchive reads from SRC into */
    uint64_t limit;
    int dead;              /* a member's data was cut short: no more members */
    strset seen;           /* the names met so far */
    buf name;
};

/* A tar header: "ustar" at 257 (POSIX and GNU) and a checksum that adds up,
 * so that a text that happens to hold "ustar" there is still a text. */
static int tar_header(const unsigned char *p, size_t n)
{
    if (n < 512 || memcmp(p + 257, "ustar", 5) != 0)
        return 0;
    unsigned long want = 0, sum = 0;
    size_t i = 148;
    while (i < 156 && p[i] == ' ')
        i++;
    for (; i < 156 && p[i] >= '0' && p[i] <= '7'; i++)
        want = want * 8 + (unsigned long)(p[i] - '0');
    for (i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? ' ' : p[i];
    return sum == want;
}

const char *members_sniff(const void *p, size_t n)
{
    const unsigned char *c = p;
    if (tar_header(c, n))
        return "tar";
    /* a local file header, or the end record of an empty zip */
    if (n >= 4 && c[0] == 'P' && c[1] == 'K' &&
        ((c[2] == 3 && c[3] == 4) || (c[2] == 5 && c[3] == 6)))
        return "zip";
    return NULL;
}

static la_ssize_t feed(struct archive *a, void *ctx, const void **out)
{
    members *m = ctx;
    if (!m->head_given) {
        m->head_given = 1;
        if (m->head_len) {
            *out = m->head;
            return (la_ssize_t)m->head_len;
        }
    }
    buf err = BUF_INIT;
    ssize_t got = source_read(m->src, m->chunk, CHUNK, &err);
    if (got < 0)
        archive_set_error(a, EIO, "%s", err.data); /* the compressed stream's trouble */
    buf_free(&err);
    *out = m->chunk;
    return got;
}

members *members_open(source *src, const void *head, size_t n, uint64_t limit)
{
    members *m = xcalloc(1, sizeof *m);
    m->src = src;
    m->limit = limit;
    m->head = xmalloc(n ? n : 1);
    memcpy(m->head, head, n);
    m->head_len = n;
    m->chunk = xmalloc(CHUNK);
    m->a = archive_read_new();
    if (!m->a)
        oom_abort();
    /* No filter: the content is decompressed already (decompress.h). */
    archive_read_support_format_tar(m->a);
    archive_read_support_format_zip_streamable(m->a);
    archive_read_open(m->a, m, NULL, feed, NULL);
    return m;
}

/* NAME normalised into OUT: "." components and repeated slashes dropped.
 * Returns NULL, or why the member is refused. */
static const char *normalise(const char *name, buf *out)
{
    buf_clear(out);
    if (!*name)
        return "a member without a name is not read";
    if (*name == '/')
        return "an absolute name is not read (it would lead outside the archive's folder)";
    for (const char *p = name; *p;) {
        const char *e = strchr(p, '/');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == 2 && p[0] == '.' && p[1] == '.')
            return "a name with a \"..\" component is not read (it would lead outside the "
                   "archive's folder)";
        if (k && !(k == 1 && p[0] == '.')) {
            if (out->len)
                buf_addc(out, '/');
            buf_add(out, p, k);
        }
        p += k;
        while (*p == '/')
            p++;
    }
    if (!out->len)
        return "a member without a name is not read";
    return NULL;
}

member_step members_next(members *m, const char **name, buf *err)
{
    for (;;) {
        if (m->dead)
            return MEMBER_END;
        struct archive_entry *e;
        int rc = archive_read_next_header(m->a, &e);
        if (rc == ARCHIVE_EOF)
            return MEMBER_END;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            /* RETRY too: libarchive could look further for a header that
             * adds up, but what lies between would be lost unsaid */
            const char *why = archive_error_string(m->a);
            buf_adds(err, why ? why : "damaged archive");
            m->dead = 1;
            return MEMBER_BROKEN;
        }
        const char *raw = archive_entry_pathname(e);
        if (!raw)
            raw = archive_entry_pathname_utf8(e);
        if (archive_entry_filetype(e) == AE_IFDIR && !archive_entry_hardlink(e))
            continue; /* its files come as members of their own */
        const char *why = raw ? normalise(raw, &m->name) : "a member without a name is not read";
        *name = why ? (raw ? raw : "") : m->name.data;
        if (!why && (archive_entry_hardlink(e) || archive_entry_filetype(e) != AE_IFREG))
            why = archive_entry_filetype(e) == AE_IFLNK || archive_entry_hardlink(e)
                      ? "a link is not followed in an archive"
                      : "not a regular file";
        if (!why && !strset_add(&m->seen, m->name.data))
            why = "a second member of that name is not read (the first one was)";
        if (!why && m->limit && archive_entry_size_is_set(e) &&
            (uint64_t)archive_entry_size(e) > m->limit) {
            buf_printf(err, "%lld bytes, more than the limit for a member of %llu bytes "
                       "(--max-member): not read", (long long)archive_entry_size(e),
                       (unsigned long long)m->limit);
            return MEMBER_REFUSED;
        }
        if (why) {
            buf_adds(err, why);
            return MEMBER_REFUSED;
        }
        return MEMBER_FILE;
    }
}

ssize_t members_read(void *ctx, void *dst, size_t n, buf *err)
{
    members *m = ctx;
    la_ssize_t got = archive_read_data(m->a, dst, n);
    if (got < 0) {
        const char *why = archive_error_string(m->a);
        buf_adds(err, why ? why : "damaged archive");
        /* FATAL: the archive is cut or garbled here; else only this member
         * cannot be read (an encrypted one, an unknown method) */
        if (got == ARCHIVE_FATAL)
            m->dead = 1;
        return -1;
    }
    return (ssize_t)got;
}

const source *members_source(const members *m)
{
    return m->src;
}

void members_close(members *m)
{
    if (!m)
        return;
    archive_read_free(m->a);
    strset_free(&m->seen);
    buf_free(&m->name);
    free(m->head);
    free(m->chunk);
    free(m);
}
