/*
 * pack.h — compressing a buffer into one complete, standalone gzip member,
 * zstd frame or xz stream: what the workers do to their batches' output for
 * -o FILE.gz, .zst or .xz (run_write.c's pack_batch), and the sink to what it
 * has queued.
 *
 * Concatenated members, frames or streams are one valid file of that format
 * (gzip -d, zstd -d, xz -d and our reader read them as one stream), so each
 * batch is compressed on its own, in parallel, and the writer only writes.
 * Levels are chosen for speed, as the corpora are large: gzip 1 (libdeflate,
 * two to three times faster than zlib's level 1), zstd 1, xz 1.
 *
 * A pack_ctx is used by one thread at a time.
 */
#ifndef SPANPIPE_PACK_H
#define SPANPIPE_PACK_H

#include "base/buf.h"

typedef enum pack_kind { PACK_NONE, PACK_GZIP, PACK_ZSTD, PACK_XZ, PACK_KINDS } pack_kind;

/* How output to PATH is compressed: by its name's end, ".gz", ".zst" or
 * ".xz"; PACK_NONE otherwise (NULL included). */
pack_kind pack_kind_of_name(const char *path);

typedef struct pack_ctx pack_ctx;

/* A compressor for K (not PACK_NONE); aborts for want of memory. */
pack_ctx *pack_new(pack_kind k);
void pack_free(pack_ctx *c);

/* Append P[0..N) to OUT as one complete member, frame or stream. */
void pack_frame(pack_ctx *c, const void *p, size_t n, buf *out);

#endif
