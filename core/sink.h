/*
 * sink.h — where a run's documents go: standard output or a file, plain or
 * gzip.
 *
 * A file is written under a temporary name beside it and renamed into place
 * only when the run completes, so a file of that name is always whole.  What
 * exists and is not a regular file (a FIFO, /dev/stdout) is written straight.
 * Gzip is written at level 1: the corpora are large and the time goes on
 * compression long before the size gain of a higher level shows.
 */
#ifndef SPANPIPE_SINK_H
#define SPANPIPE_SINK_H

#include <zlib.h>
#include "buf.h"

typedef struct sink {
    int fd;
    char *path;          /* the final name, or NULL for standard output */
    char *tmp;           /* the name written to until then */
    char *direct;        /* a FIFO or device written straight, or NULL */
    const char *name;    /* for messages */
    int gz;
    z_stream zs;
    buf pending;         /* plain bytes not yet written */
    unsigned char *zbuf; /* compressed bytes */
    size_t zcap;
} sink;

/* Open PATH (NULL or "-" for standard output).  Returns 0, or -1 with ERR. */
int sink_open(sink *s, const char *path, buf *err);

/* Queue N bytes; returns 0, or -1 with ERR (write error). */
int sink_write(sink *s, const void *p, size_t n, buf *err);

/* Write out what is queued (no-op for an empty queue); 0, or -1 with ERR. */
int sink_flush(sink *s, buf *err);

/*
 * Finish: with COMMIT, flush everything and rename the file into place; else
 * remove the temporary file.  Returns 0, or -1 with ERR.  Frees S either way.
 */
int sink_close(sink *s, int commit, buf *err);

#endif
