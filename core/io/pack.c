/* pack.c — one buffer into one gzip member, zstd frame or xz stream (see pack.h). */
#include "io/pack.h"

#include <libdeflate.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

struct pack_ctx {
    pack_kind kind;
    struct libdeflate_compressor *gz;
    ZSTD_CCtx *zstd;
    lzma_stream xz;
};

pack_kind pack_kind_of_name(const char *path)
{
    static const struct { const char *ext; pack_kind kind; } by_name[] = {
        { ".gz", PACK_GZIP }, { ".zst", PACK_ZSTD }, { ".xz", PACK_XZ },
    };
    size_t n = path ? strlen(path) : 0;
    for (size_t i = 0; i < sizeof by_name / sizeof *by_name; i++) {
        size_t e = strlen(by_name[i].ext);
        if (n > e && strcmp(path + n - e, by_name[i].ext) == 0)
            return by_name[i].kind;
    }
    return PACK_NONE;
}

pack_ctx *pack_new(pack_kind k)
{
    pack_ctx *c = xcalloc(1, sizeof *c);
    c->kind = k;
    lzma_stream init = LZMA_STREAM_INIT;
    c->xz = init;
    if (k == PACK_GZIP && !(c->gz = libdeflate_alloc_compressor(1)))
        oom_abort(); /* it fails only for want of memory at a valid level */
    if (k == PACK_ZSTD && !(c->zstd = ZSTD_createCCtx()))
        oom_abort();
    return c;
}

void pack_free(pack_ctx *c)
{
    if (!c)
        return;
    if (c->gz)
        libdeflate_free_compressor(c->gz);
    ZSTD_freeCCtx(c->zstd);
    lzma_end(&c->xz);
    free(c);
}

static void xz_stream(pack_ctx *c, const void *p, size_t n, buf *out)
{
    /* the same stream object each time: liblzma keeps its memory for reuse */
    if (lzma_easy_encoder(&c->xz, 1, LZMA_CHECK_CRC64) != LZMA_OK)
        oom_abort();
    c->xz.next_in = p;
    c->xz.avail_in = n;
    for (;;) {
        buf_reserve(out, n / 2 + 4096);
        c->xz.next_out = (unsigned char *)out->data + out->len;
        c->xz.avail_out = out->cap - out->len - 1;
        size_t room = c->xz.avail_out;
        lzma_ret rc = lzma_code(&c->xz, LZMA_FINISH);
        out->len += room - c->xz.avail_out;
        if (rc == LZMA_STREAM_END)
            break;
        if (rc != LZMA_OK)
            oom_abort(); /* memory is all it can want: the input is any bytes */
    }
    out->data[out->len] = '\0';
}

void pack_frame(pack_ctx *c, const void *p, size_t n, buf *out)
{
    size_t bound, got;
    switch (c->kind) {
    case PACK_GZIP:
        bound = libdeflate_gzip_compress_bound(c->gz, n);
        buf_reserve(out, bound);
        got = libdeflate_gzip_compress(c->gz, p, n, out->data + out->len, bound);
        if (got == 0)
            oom_abort(); /* cannot happen: the bound is the worst case */
        out->len += got;
        break;
    case PACK_ZSTD:
        bound = ZSTD_compressBound(n);
        buf_reserve(out, bound);
        got = ZSTD_compressCCtx(c->zstd, out->data + out->len, bound, p, n, 1);
        if (ZSTD_isError(got))
            oom_abort(); /* within the bound, only memory can fail it */
        out->len += got;
        break;
    case PACK_XZ:
        xz_stream(c, p, n, out);
        break;
    case PACK_NONE:
    case PACK_KINDS:
        break;
    }
}
