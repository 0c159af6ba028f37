/*
 * gunzip_ref.h — the reference the gzip fuzz targets hold spanpipe's readers
 * to: zlib on the whole input in one go, as `gzip -d` reads it.
 */
#ifndef SPANPIPE_FUZZ_GUNZIP_REF_H
#define SPANPIPE_FUZZ_GUNZIP_REF_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* The content of D[0..N) (concatenated members, nothing after the last):
 * returns 1 when it is sound, else 0; either way what zlib gave (before the
 * fault, if any) is added to OUT, which the caller owns. */
int gunzip_ref(const uint8_t *d, size_t n, buf *out);

#endif
