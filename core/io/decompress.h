/*
 * decompress.h — the stream decompressors an input is read through: gzip
 * (zlib), zstd (libzstd), xz (liblzma) and bzip2 (libbz2), chosen by the
 * stream's first bytes, never its name.
 *
 * Each reads concatenated streams as one (gzip members, zstd frames and
 * skippable frames, xz streams with their padding, bzip2 streams: what
 * `gzip -d`, `zstd -d`, `xz -d` and `bzip2 -d` accept).  A truncated or
 * corrupt stream and bytes after the last one that are not another are
 * errors, never a silently shorter input.  The libraries are used directly,
 * not through libarchive: see the README (Dependencies) for the figures.
 *
 * A decompressor is used by one thread at a time.
 */
#ifndef SPANPIPE_DECOMPRESS_H
#define SPANPIPE_DECOMPRESS_H

#include <stddef.h>
#include <sys/types.h>
#include "base/buf.h"

typedef enum dz_kind { DZ_NONE, DZ_GZIP, DZ_ZSTD, DZ_XZ, DZ_BZIP2 } dz_kind;

/* The bytes any stream's first bytes are checked against (the longest magic). */
#define DZ_MAGIC_MAX 6

/* The compression P[0..N) starts with, or DZ_NONE.  N < DZ_MAGIC_MAX is
 * enough only at the end of the input. */
dz_kind dz_sniff(const unsigned char *p, size_t n);

/* "gzip", "zstd", "xz", "bzip2" (static). */
const char *dz_name(dz_kind k);

typedef struct dz dz;

/* A decompressor for K (not DZ_NONE); never NULL (aborts for want of memory). */
dz *dz_new(dz_kind k);
void dz_free(dz *d);
/* Which library dz_new(DZ_GZIP) inflates with: "igzip" (built with libisal,
 * configure --with-isal) or "zlib" (static). */
const char *dz_gzip_reader(void);
/* A gzip decompressor by zlib whatever the build: the reference the igzip
 * reader is compared with (tests/fuzz/fuzz_gzipdiff.c); as dz_new. */
dz *dz_new_zlib_gzip(void);

/*
 * Decompress from *IN (*AVAIL bytes; both advanced past what was used) into
 * DST (N bytes).  FINISH: no input will follow *IN.  Returns the bytes put in
 * DST (0 when it wants more input, or at the end), or -1 with what is wrong
 * in ERR; *END is set to 1 once the last stream ended with FINISH and no
 * input left.
 */
ssize_t dz_run(dz *d, const unsigned char **in, size_t *avail, int finish, void *dst,
               size_t n, int *end, buf *err);

#endif
