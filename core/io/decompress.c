/* decompress.c — gzip, zstd, xz and bzip2 streams (see decompress.h). */
#include "config.h"
#include "io/decompress.h"

#include <bzlib.h>
#include <libdeflate.h>
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>
#ifdef HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

struct dz {
    dz_kind kind;
    int in_stream;          /* inside a stream (not between two, or before one) */
    int started;            /* a stream has begun */
    size_t zstd_hint;       /* ZSTD_decompressStream's last return: 0 at a frame's end */
    buf late;               /* an error to give after the data before it */
#ifdef HAVE_ISAL
    struct inflate_state *is;   /* gzip: ISA-L's igzip (README, Dependencies), or NULL */
    /* What follows a gzip member's end that igzip had already taken into its
     * bit buffer, with what was left of the carry before: read first. */
    unsigned char carry[16];
    size_t carry_len;
#endif
    z_stream zs;            /* gzip by zlib: without libisal, and the reference */
    int zs_ready;
    /* zlib's own CRC-32 costs 4 instructions a byte, a sixth of reading
     * alone: once a member's header is read (and its header CRC checked by
     * zlib), zlib stops checking and libdeflate's CRC-32 (carry-less
     * multiply) checks the data against the trailer, in zlib's words. */
    gz_header zh;           /* zh.done: the member's header is read */
    int zh_own;             /* the data check is ours from here on */
    uint32_t zcrc, zsize;   /* CRC-32 and length (mod 2^32) of the member's data */
    unsigned char ztail[8]; /* the last 8 input bytes zlib took: the trailer at the end */
    ZSTD_DStream *zd;
    lzma_stream xs;
    bz_stream bs;
    int bz_ready;
};

dz_kind dz_sniff(const unsigned char *p, size_t n)
{
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
        return DZ_GZIP;
    if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd)
        return DZ_ZSTD;
    /* a zstd skippable frame (pzstd and seekable zstd start with one) */
    if (n >= 4 && (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18)
        return DZ_ZSTD;
    if (n >= 6 && memcmp(p, "\xfd" "7zXZ\0", 6) == 0)
        return DZ_XZ;
    if (n >= 4 && memcmp(p, "BZh", 3) == 0 && p[3] >= '1' && p[3] <= '9')
        return DZ_BZIP2;
    return DZ_NONE;
}

const char *dz_name(dz_kind k)
{
    static const char *const names[] = { "plain", "gzip", "zstd", "xz", "bzip2" };
    return names[k];
}

const char *dz_gzip_reader(void)
{
#ifdef HAVE_ISAL
    return "igzip";
#else
    return "zlib";
#endif
}

static dz *new_dz(dz_kind k, int zlib)
{
    dz *d = xcalloc(1, sizeof *d);
    d->kind = k;
    switch (k) {
    case DZ_GZIP:
#ifdef HAVE_ISAL
        if (!zlib) {
            /* calloc: igzip's assembly reads parts of its state it never wrote */
            d->is = xcalloc(1, sizeof *d->is);
            break;
        }
#endif
        (void)zlib;
        /* 16 + MAX_WBITS: a gzip wrapper, not zlib or raw deflate */
        if (inflateInit2(&d->zs, 16 + MAX_WBITS) != Z_OK)
            oom_abort();
        d->zs_ready = 1;
        inflateGetHeader(&d->zs, &d->zh);
        break;
    case DZ_ZSTD:
        d->zd = ZSTD_createDStream();
        if (!d->zd)
            oom_abort();
        break;
    case DZ_XZ: {
        lzma_stream init = LZMA_STREAM_INIT;
        d->xs = init;
        /* CONCATENATED: streams one after another, with stream padding, as xz -d */
        if (lzma_stream_decoder(&d->xs, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
            oom_abort();
        break;
    }
    case DZ_BZIP2:
    case DZ_NONE:
        break;
    }
    return d;
}

dz *dz_new(dz_kind k)
{
    return new_dz(k, 0);
}

dz *dz_new_zlib_gzip(void)
{
    return new_dz(DZ_GZIP, 1);
}

void dz_free(dz *d)
{
    if (!d)
        return;
#ifdef HAVE_ISAL
    free(d->is);
#endif
    if (d->zs_ready)
        inflateEnd(&d->zs);
    ZSTD_freeDStream(d->zd);
    if (d->kind == DZ_XZ)
        lzma_end(&d->xs);
    if (d->bz_ready)
        BZ2_bzDecompressEnd(&d->bs);
    buf_free(&d->late);
    free(d);
}

/* An error: straight away when nothing came out of this call, else after it. */
static ssize_t failed(dz *d, size_t produced, buf *err, const char *fmt, const char *what)
{
    buf *e = produced ? &d->late : err;
    buf_printf(e, fmt, dz_name(d->kind), what);
    return produced ? (ssize_t)produced : -1;
}

static ssize_t truncated(dz *d, size_t produced, buf *err)
{
    return failed(d, produced, err, "truncated %s data (unexpected end of file%s)", "");
}

/*
 * Between two streams of a format whose library reads one at a time (gzip,
 * bzip2): the end, another stream, or garbage.  Returns 1 to go on with a new
 * stream, 0 with *END set or for more input, -1 with ERR.
 */
static int next_stream(dz *d, const unsigned char *in, size_t avail, int finish, int *end,
                       buf *err)
{
    if (avail == 0) {
        *end = finish;
        return 0;
    }
    /* gzip: one byte tells (the header check names anything else); bzip2: "BZh" */
    size_t need = d->kind == DZ_GZIP ? 1 : 3;
    if (avail < need && !finish)
        return 0;
    if (avail < need || memcmp(in, d->kind == DZ_GZIP ? "\x1f" : "BZh", need) != 0) {
        buf_printf(err, "garbage after the end of the %s data", dz_name(d->kind));
        return -1;
    }
    return 1;
}

#ifdef HAVE_ISAL
/* zlib's words for what igzip finds wrong, so that messages stay the same. */
static const char *isal_error(int rc)
{
    switch (rc) {
    case ISAL_INVALID_BLOCK: return "invalid block type";
    case ISAL_INVALID_SYMBOL: return "invalid code";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "incorrect header check";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    default: return "bad data";
    }
}

/* One isal_inflate from *P (*LEN bytes, both advanced) into DST (N bytes).
 * Returns the bytes out, with igzip's code in *RC. */
static size_t isal_step(dz *d, const unsigned char **p, size_t *len, void *dst, size_t n,
                        int *rc)
{
    struct inflate_state *st = d->is;
    uint32_t in_chunk = (uint32_t)(*len > (1u << 30) ? (1u << 30) : *len);
    uint32_t out_chunk = (uint32_t)(n > (1u << 30) ? (1u << 30) : n);
    st->next_in = (uint8_t *)*p;
    st->avail_in = in_chunk;
    st->next_out = dst;
    st->avail_out = out_chunk;
    *rc = isal_inflate(st);
    *p += in_chunk - st->avail_in;
    *len -= in_chunk - st->avail_in;
    return out_chunk - st->avail_out;
}

/* A member ended: what igzip took past it into its bit buffer goes back in
 * front of the input, before what is left of the carry.  The trailer ends on
 * a byte, so the bit buffer holds whole bytes, the next one lowest. */
static void isal_member_end(dz *d)
{
    struct inflate_state *st = d->is;
    size_t k = (size_t)st->read_in_length / 8;
    memmove(d->carry + k, d->carry, d->carry_len); /* k <= 8, the carry <= 8 */
    for (size_t i = 0; i < k; i++)
        d->carry[i] = (unsigned char)(st->read_in >> (8 * i));
    d->carry_len += k;
    d->in_stream = 0;
}

/* Byte I of what comes next: the carry, then the input; -1 past both. */
static int peek_byte(const dz *d, const unsigned char *in, size_t avail, size_t i)
{
    if (i < d->carry_len)
        return d->carry[i];
    i -= d->carry_len;
    return i < avail ? in[i] : -1;
}

static ssize_t run_igzip(dz *d, const unsigned char **in, size_t *avail, int finish,
                         void *dst, size_t n, int *end, buf *err)
{
    if (!d->in_stream) {
        const unsigned char *next = d->carry_len ? d->carry : *in;
        int go = next_stream(d, next, d->carry_len + *avail, finish, end, err);
        if (go <= 0)
            return go;
        /* igzip reads past reserved header flags that zlib (and gzip) refuse:
         * refuse them too, so the two readers give the same documents. */
        int flg = peek_byte(d, *in, *avail, 3);
        if (flg < 0)
            return finish ? truncated(d, 0, err) : 0;
        if (flg & 0xE0)
            return failed(d, 0, err, "corrupt %s data (%s)", "unknown header flags set");
        isal_inflate_reset(d->is);
        d->is->crc_flag = ISAL_GZIP; /* the header read, the CRC and length checked */
        d->in_stream = 1;
    }
    int rc = ISAL_DECOMP_OK;
    size_t produced = 0;
    if (d->carry_len) {
        const unsigned char *p = d->carry;
        size_t left = d->carry_len;
        produced = isal_step(d, &p, &left, dst, n, &rc);
        memmove(d->carry, p, left);
        d->carry_len = left;
    }
    /* the input proper once the carry is used up, unless the member ended in it */
    if (!produced && !d->carry_len && rc >= 0 && d->is->block_state != ISAL_BLOCK_FINISH)
        produced = isal_step(d, in, avail, dst, n, &rc);
    if (rc < 0)
        /* As zcat does: what was decompressed goes out, then the error (a bad
         * CRC is only known once all the data is out). */
        return failed(d, produced, err, "corrupt %s data (%s)", isal_error(rc));
    if (d->is->block_state == ISAL_BLOCK_FINISH)
        isal_member_end(d);
    else if (!produced && !d->carry_len && *avail == 0 && finish)
        return truncated(d, 0, err);
    return (ssize_t)produced;
}
#endif

/* The last 8 bytes of the input zlib took, USED bytes ending at END. */
static void zlib_keep_tail(dz *d, const unsigned char *end, size_t used)
{
    size_t k = used < 8 ? used : 8;
    memmove(d->ztail, d->ztail + k, 8 - k);
    memcpy(d->ztail + 8 - k, end - k, k);
}

/* The data check of a member that ended, once it is ours: zlib's messages. */
static const char *zlib_trailer_check(const dz *d)
{
    const unsigned char *t = d->ztail;
    uint32_t crc = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 |
                   (uint32_t)t[3] << 24;
    uint32_t len = (uint32_t)t[4] | (uint32_t)t[5] << 8 | (uint32_t)t[6] << 16 |
                   (uint32_t)t[7] << 24;
    if (crc != d->zcrc)
        return "incorrect data check";
    return len != d->zsize ? "incorrect length check" : NULL;
}

/* A new member: zlib checks its header (and the header's CRC) itself. */
static void zlib_member_start(dz *d)
{
    if (d->started)
        inflateReset(&d->zs);
    inflateValidate(&d->zs, 1);
    memset(&d->zh, 0, sizeof d->zh);
    inflateGetHeader(&d->zs, &d->zh);
    d->zh_own = 0;
    d->zcrc = 0;
    d->zsize = 0;
    d->in_stream = d->started = 1;
}

static ssize_t run_zlib(dz *d, const unsigned char **in, size_t *avail, int finish,
                        void *dst, size_t n, int *end, buf *err)
{
    if (!d->in_stream) {
        int go = next_stream(d, *in, *avail, finish, end, err);
        if (go <= 0)
            return go;
        zlib_member_start(d);
    }
    /* Even with no input left: zlib may still hold output (a match it was
     * copying when DST filled), which comes before a truncation's error. */
    d->zs.next_in = (unsigned char *)*in;
    d->zs.avail_in = (uInt)(*avail > (1u << 30) ? (1u << 30) : *avail);
    uInt chunk = (uInt)(n > (1u << 30) ? (1u << 30) : n);
    d->zs.next_out = dst;
    d->zs.avail_out = chunk;
    uInt in_before = d->zs.avail_in;
    int rc = inflate(&d->zs, Z_NO_FLUSH);
    size_t used = in_before - d->zs.avail_in;
    *in += used;
    *avail -= used;
    zlib_keep_tail(d, *in, used);
    size_t produced = chunk - d->zs.avail_out;
    d->zcrc = (uint32_t)libdeflate_crc32(d->zcrc, dst, produced);
    d->zsize += (uint32_t)produced;
    if (!d->zh_own && d->zh.done == 1 && rc != Z_STREAM_END) {
        inflateValidate(&d->zs, 0);
        d->zh_own = 1;
    }
    if (rc == Z_STREAM_END) {
        d->in_stream = 0;
        const char *bad = d->zh_own ? zlib_trailer_check(d) : NULL;
        if (bad)
            return failed(d, produced, err, "corrupt %s data (%s)", bad);
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT)
        /* As zcat does: what was decompressed goes out, then the error (a bad
         * CRC is only known once all the data is out). */
        return failed(d, produced, err, "corrupt %s data (%s)",
                      d->zs.msg ? d->zs.msg : "bad data");
    else if (rc == Z_MEM_ERROR)
        oom_abort();
    else if (!produced && *avail == 0 && finish)
        return truncated(d, 0, err);
    return (ssize_t)produced;
}

static ssize_t run_gzip(dz *d, const unsigned char **in, size_t *avail, int finish,
                        void *dst, size_t n, int *end, buf *err)
{
#ifdef HAVE_ISAL
    if (d->is)
        return run_igzip(d, in, avail, finish, dst, n, end, err);
#endif
    return run_zlib(d, in, avail, finish, dst, n, end, err);
}

static ssize_t run_zstd(dz *d, const unsigned char **in, size_t *avail, int finish,
                        void *dst, size_t n, int *end, buf *err)
{
    ZSTD_inBuffer ib = { *in, *avail, 0 };
    ZSTD_outBuffer ob = { dst, n, 0 };
    size_t rc = ZSTD_decompressStream(d->zd, &ob, &ib);
    *in += ib.pos;
    *avail -= ib.pos;
    if (ZSTD_isError(rc))
        return failed(d, ob.pos, err, "corrupt %s data (%s)", ZSTD_getErrorName(rc));
    if (ib.pos || ob.pos)
        d->zstd_hint = rc;  /* 0: a frame just ended; the next (or garbage) may follow */
    if (ob.pos)
        return (ssize_t)ob.pos;
    if (*avail == 0 && finish) {
        /* a frame ends with rc 0; an empty input never gets here (no magic) */
        if (d->zstd_hint != 0)
            return truncated(d, 0, err);
        *end = 1;
    }
    return 0;
}

static const char *xz_error(lzma_ret rc)
{
    switch (rc) {
    case LZMA_FORMAT_ERROR: return "not xz data where a stream should start";
    case LZMA_OPTIONS_ERROR: return "unsupported options";
    case LZMA_DATA_ERROR: return "the data is corrupt";
    case LZMA_BUF_ERROR: return "unexpected end of file";
    default: return "error";
    }
}

static ssize_t run_xz(dz *d, const unsigned char **in, size_t *avail, int finish,
                      void *dst, size_t n, int *end, buf *err)
{
    d->xs.next_in = *in;
    d->xs.avail_in = *avail;
    d->xs.next_out = dst;
    d->xs.avail_out = n;
    lzma_ret rc = lzma_code(&d->xs, finish ? LZMA_FINISH : LZMA_RUN);
    size_t used = *avail - d->xs.avail_in;
    *in += used;
    *avail -= used;
    size_t produced = n - d->xs.avail_out;
    if (rc == LZMA_STREAM_END) {
        *end = produced == 0;
        return (ssize_t)produced;
    }
    if (rc == LZMA_MEM_ERROR)
        oom_abort();
    if (rc == LZMA_BUF_ERROR && finish)
        return truncated(d, produced, err);
    if (rc != LZMA_OK && rc != LZMA_BUF_ERROR)
        return failed(d, produced, err, "corrupt %s data (%s)", xz_error(rc));
    return (ssize_t)produced;
}

static const char *bz_error(int rc)
{
    return rc == BZ_DATA_ERROR_MAGIC ? "not bzip2 data where a stream should start"
                                     : "the data is corrupt";
}

static ssize_t run_bzip2(dz *d, const unsigned char **in, size_t *avail, int finish,
                         void *dst, size_t n, int *end, buf *err)
{
    if (!d->in_stream) {
        int go = next_stream(d, *in, *avail, finish, end, err);
        if (go <= 0)
            return go;
        if (d->bz_ready)
            BZ2_bzDecompressEnd(&d->bs);
        memset(&d->bs, 0, sizeof d->bs);
        if (BZ2_bzDecompressInit(&d->bs, 0, 0) != BZ_OK)
            oom_abort();
        d->bz_ready = d->in_stream = 1;
    }
    if (*avail == 0)
        return finish ? truncated(d, 0, err) : 0;
    unsigned in_chunk = *avail > (1u << 30) ? (1u << 30) : (unsigned)*avail;
    unsigned out_chunk = n > (1u << 30) ? (1u << 30) : (unsigned)n;
    d->bs.next_in = (char *)*in;
    d->bs.avail_in = in_chunk;
    d->bs.next_out = dst;
    d->bs.avail_out = out_chunk;
    int rc = BZ2_bzDecompress(&d->bs);
    size_t used = in_chunk - d->bs.avail_in;
    *in += used;
    *avail -= used;
    size_t produced = out_chunk - d->bs.avail_out;
    if (rc == BZ_STREAM_END)
        d->in_stream = 0;
    else if (rc == BZ_MEM_ERROR)
        oom_abort();
    else if (rc != BZ_OK)
        return failed(d, produced, err, "corrupt %s data (%s)", bz_error(rc));
    else if (!produced && *avail == 0 && finish)
        return truncated(d, 0, err);
    return (ssize_t)produced;
}

ssize_t dz_run(dz *d, const unsigned char **in, size_t *avail, int finish, void *dst,
               size_t n, int *end, buf *err)
{
    *end = 0;
    if (d->late.len) {
        /* the data came out on the last call; now the trouble it ended with */
        buf_add(err, d->late.data, d->late.len);
        buf_clear(&d->late);
        return -1;
    }
    switch (d->kind) {
    case DZ_GZIP: return run_gzip(d, in, avail, finish, dst, n, end, err);
    case DZ_ZSTD: return run_zstd(d, in, avail, finish, dst, n, end, err);
    case DZ_XZ: return run_xz(d, in, avail, finish, dst, n, end, err);
    case DZ_BZIP2: return run_bzip2(d, in, avail, finish, dst, n, end, err);
    case DZ_NONE: break;
    }
    *end = 1;
    return 0;
}
