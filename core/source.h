/*
 * source.h — the bytes of one input, gunzipped when they are gzip.
 *
 * Whether an input is gzip is decided by its first two bytes, not its name.
 * Concatenated gzip members are read as one stream (as gzip -d does); a
 * truncated or corrupt stream and bytes after the last member that are not
 * another member are errors, never a silently shorter input.
 */
#ifndef SPANPIPE_SOURCE_H
#define SPANPIPE_SOURCE_H

#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>
#include "buf.h"

typedef struct source {
    int fd;
    int own_fd;
    int sniffed;            /* the first bytes were looked at */
    int gz;                 /* gunzipping */
    int z_ready;
    int in_member;          /* inside a gzip member (not between two) */
    z_stream zs;
    unsigned char *in;      /* raw bytes read from fd */
    size_t in_cap;
    size_t in_pos, in_len;  /* raw bytes buffered but not yet used */
    int raw_eof;
    uint64_t raw_bytes;     /* raw bytes read so far (for progress) */
    buf late_error;         /* an error to give after the data before it */
} source;

/*
 * Open PATH ("-" for standard input).  Returns 0, or -1 with the reason
 * (strerror) in ERR.
 */
int source_open(source *s, const char *path, buf *err);

/*
 * Read up to N bytes of content into DST.  Returns how many (> 0), 0 at the
 * end, or -1 with what is wrong in ERR (I/O error, bad gzip).
 */
ssize_t source_read(source *s, void *dst, size_t n, buf *err);

void source_close(source *s);

#endif
