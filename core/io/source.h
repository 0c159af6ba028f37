/*
 * source.h — the bytes of one input, decompressed when they are gzip, zstd,
 * xz or bzip2 (decompress.h).
 *
 * Whether an input is compressed, and how, is decided by its first bytes,
 * not its name.  The raw bytes come from a file, standard input, or a
 * function (an archive's member: members.h), whose bytes are decompressed
 * by content in the same way.
 */
#ifndef SPANPIPE_SOURCE_H
#define SPANPIPE_SOURCE_H

#include <stdint.h>
#include <sys/types.h>
#include "base/buf.h"
#include "io/decompress.h"

/* Where a source's raw bytes come from when not a file: up to N bytes into
 * DST; returns how many (> 0), 0 at the end, or -1 with ERR. */
typedef ssize_t (*source_fn)(void *ctx, void *dst, size_t n, buf *err);

typedef struct source {
    int fd;
    int own_fd;
    source_fn fn;           /* the raw bytes' source when not FD, or NULL */
    void *fn_ctx;
    int sniffed;            /* the first bytes were looked at */
    dz_kind kind;           /* the compression found (DZ_NONE: plain) */
    dz *z;                  /* decompressing, or NULL */
    unsigned char *in;      /* raw bytes read */
    size_t in_cap;
    size_t in_pos, in_len;  /* raw bytes buffered but not yet used */
    int raw_eof;
    uint64_t raw_bytes;     /* raw bytes read so far (for progress) */
} source;

/*
 * Open PATH ("-" for standard input).  Returns 0, or -1 with the reason
 * (strerror) in ERR.
 */
int source_open(source *s, const char *path, buf *err);

/* Open a source whose raw bytes come from FN(CTX, ...) (borrowed). */
void source_open_fn(source *s, source_fn fn, void *ctx);

/*
 * Read up to N bytes of content into DST.  Returns how many (> 0), 0 at the
 * end, or -1 with what is wrong in ERR (I/O error, bad compressed data).
 */
ssize_t source_read(source *s, void *dst, size_t n, buf *err);

void source_close(source *s);

/*
 * From now on, reads of a file or standard input on the calling thread
 * also wait on FD (-1: no more), and fail ("reading stopped") once FD is
 * readable: so a run that stops is not held up by a pipe whose writer
 * neither writes nor closes it.  The thread's own setting: each reading
 * thread sets it.
 */
void source_wake_on(int fd);

#endif
