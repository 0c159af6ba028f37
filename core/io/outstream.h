/*
 * outstream.h — the bytes of an output on their way to its file: queued,
 * written in chunks, plain or gzip.
 *
 * The file itself is an sp_outfile (spanpipe/outfile.h): written under a
 * temporary name and put in place only once complete, or written straight
 * when it is standard output, a FIFO or a device.
 *
 * Gzip is written with libdeflate at level 1, as a series of complete gzip
 * members, one per chunk of output (about a batch): concatenated members are
 * one valid gzip file (RFC 1952; gzip -d, zcat, Python's gzip and our reader
 * read them as one stream).  libdeflate compresses a whole buffer at a time
 * two to three times faster than zlib's level 1 streams, and members that
 * stand alone can be made by the workers in parallel (pack_frame), leaving
 * the writer only to write them.  The corpora are large: the time goes on
 * compression long before the size gain of a higher level shows.
 */
#ifndef SPANPIPE_OUTSTREAM_H
#define SPANPIPE_OUTSTREAM_H

#include "base/buf.h"
#include "io/outfile.h"
#include "io/pack.h"

typedef struct outstream {
    sp_outfile *f;
    pack_kind gz;        /* compressed as its name says (pack.h), or PACK_NONE */
    int gz_any;          /* a member (frame, stream) has been written */
    pack_ctx *zc;        /* made on first use */
    buf pending;         /* plain bytes not yet written */
    buf zbuf;            /* a member on its way out */
} outstream;

/* Open PATH (NULL or "-" for standard output) as sp_outfile_open() does
 * with FLAGS; a file (not a FIFO or device) is gzip when its name ends in
 * ".gz".  Returns 0, or -1 with ERR. */
int outstream_open(outstream *s, const char *path, unsigned flags, buf *err);

/* The same for DIR/REL, written only inside DIR (sp_outfile_open_in()). */
int outstream_open_in(outstream *s, const char *dir, const char *rel, unsigned flags,
                      buf *err);

/* Queue N bytes; returns 0, or -1 with ERR (write error). */
int outstream_write(outstream *s, const void *p, size_t n, buf *err);

/*
 * Write P[0..N), one or more complete gzip members (from pack_frame, of the stream's kind), after
 * what is queued; only for a gzip stream.  Returns 0, or -1 with ERR.
 */
int outstream_write_gz(outstream *s, const void *p, size_t n, buf *err);

/* Write out what is queued (no-op for an empty queue; for gzip, as a member
 * of its own); 0, or -1 with ERR. */
int outstream_flush(outstream *s, buf *err);

/*
 * Finish: with COMMIT, write everything and put the file in place; else
 * drop it (what went straight to a stream stays there; what is queued for
 * one is written anyway).  Returns 0, or -1 with ERR.  Frees S either way.
 */
int outstream_close(outstream *s, int commit, buf *err);

#endif
