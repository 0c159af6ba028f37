/*
 * sink.h — where a run's documents go: standard output or a file, plain or
 * gzip.
 *
 * A file is written under a temporary name beside it and renamed into place
 * only when the run completes, so a file of that name is always whole.  What
 * exists and is not a regular file (a FIFO, /dev/stdout) is written straight.
 *
 * Gzip is written with libdeflate at level 1, as a series of complete gzip
 * members, one per chunk of output (about a batch): concatenated members are
 * one valid gzip file (RFC 1952; gzip -d, zcat, Python's gzip and our reader
 * read them as one stream).  libdeflate compresses a whole buffer at a time
 * two to three times faster than zlib's level 1 streams, and members that
 * stand alone can be made by the workers in parallel (gz_member), leaving
 * the writer only to write them.  The corpora are large: the time goes on
 * compression long before the size gain of a higher level shows.
 */
#ifndef SPANPIPE_SINK_H
#define SPANPIPE_SINK_H

#include "buf.h"

/* A libdeflate compressor: not to be shared between threads. */
typedef struct libdeflate_compressor gz_compressor;

gz_compressor *gz_compressor_new(void);
void gz_compressor_free(gz_compressor *c);

/* Whether output to PATH is written as gzip: its name ends in ".gz". */
int sink_gz_name(const char *path);

/* Append P[0..N) to OUT as one complete gzip member. */
void gz_member(gz_compressor *c, const void *p, size_t n, buf *out);

typedef struct sink {
    int fd;
    char *path;          /* the final name, or NULL for standard output */
    char *tmp;           /* the name written to until then */
    char *direct;        /* a FIFO or device written straight, or NULL */
    const char *name;    /* for messages */
    int gz;
    int gz_any;          /* a gzip member has been written */
    gz_compressor *zc;   /* made on first use */
    buf pending;         /* plain bytes not yet written */
    buf zbuf;            /* a member on its way out */
} sink;

/* Open PATH (NULL or "-" for standard output); it is gzip when the name ends
 * in ".gz".  Returns 0, or -1 with ERR. */
int sink_open(sink *s, const char *path, buf *err);

/* Queue N bytes; returns 0, or -1 with ERR (write error). */
int sink_write(sink *s, const void *p, size_t n, buf *err);

/*
 * Write P[0..N), one or more complete gzip members (from gz_member), after
 * what is queued; only for a gzip sink.  Returns 0, or -1 with ERR.
 */
int sink_write_gz(sink *s, const void *p, size_t n, buf *err);

/* Write out what is queued (no-op for an empty queue; for gzip, as a member
 * of its own); 0, or -1 with ERR. */
int sink_flush(sink *s, buf *err);

/*
 * Finish: with COMMIT, flush everything and rename the file into place; else
 * remove the temporary file.  Returns 0, or -1 with ERR.  Frees S either way.
 */
int sink_close(sink *s, int commit, buf *err);

#endif
