/*
 * fuzz_gzipdiff.c — the igzip gzip reader against the zlib one, on the same
 * bytes (issue 20).
 *
 * Both are dz decompressors (core/io/decompress.c): dz_new(DZ_GZIP), which is
 * igzip in a build with libisal, and dz_new_zlib_gzip(), zlib in any build.
 * The bytes are fed in chunks of varying size (from the input's last byte) and
 * read into a small buffer, so the paths between members and the carry after
 * a member's end are exercised.  What holds (README, Dependencies):
 *  - the verdict is the same: both read the bytes to the end, or both fail
 *    with a reason;
 *  - a sound input gives the same bytes;
 *  - a damaged one gives, from each, a prefix of the same content (they agree
 *    on the bytes both gave).  How much each gives before its error differs
 *    (igzip checks a match's distance after copying it, accepts incomplete
 *    Huffman codes that zlib refuses and keeps back the last bits of a
 *    truncated input), which is why zlib is the default reader.
 * And the zlib reader gives exactly what zlib gives inflating the bytes in
 * one go: the same verdict and the same bytes, before an error too (it checks
 * the data's CRC-32 with libdeflate, and hands out what zlib holds back when
 * its output buffer is full, before a truncation's error).
 */
#include "fuzz.h"
#include "gunzip_ref.h"
#include "io/decompress.h"

#include <string.h>

/* Read D[0..N) through Z in chunks of CHUNK bytes into OUT; 0 at the end, or
 * -1 with the reason in ERR. */
static int read_through(dz *z, const uint8_t *d, size_t n, size_t chunk, buf *out, buf *err)
{
    unsigned char tmp[1000];
    size_t fed = 0, pos = 0; /* fed: bytes handed to Z so far; pos: used */
    for (;;) {
        if (fed - pos < chunk && fed < n)
            fed = fed + chunk < n ? fed + chunk : n;
        const unsigned char *p = d + pos;
        size_t avail = fed - pos, before = avail;
        int end;
        ssize_t got = dz_run(z, &p, &avail, fed == n, tmp, sizeof tmp, &end, err);
        pos += before - avail;
        if (got < 0)
            return -1;
        buf_add(out, tmp, (size_t)got);
        if (end)
            return 0;
        FUZZ_ASSERT(got > 0 || fed < n || before != avail,
                    "a reader at the end of its input gives data, an end or an error");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (dz_sniff(data, size) != DZ_GZIP)
        return 0;
    size_t chunk = 1 + (size_t)data[size - 1] * 37;
    buf ref = BUF_INIT, got = BUF_INIT, ref_err = BUF_INIT, got_err = BUF_INIT;
    dz *zr = dz_new_zlib_gzip(), *zg = dz_new(DZ_GZIP);
    int ref_rc = read_through(zr, data, size, chunk, &ref, &ref_err);
    int got_rc = read_through(zg, data, size, 4096 - chunk % 4000, &got, &got_err);
    if (ref_rc != got_rc)
        fprintf(stderr, "zlib: %d (%s), %s: %d (%s)\n", ref_rc,
                ref_rc ? ref_err.data : "sound", dz_gzip_reader(), got_rc,
                got_rc ? got_err.data : "sound");
    FUZZ_ASSERT(ref_rc == got_rc, "the two readers agree whether the input is sound");
    FUZZ_ASSERT(ref_rc == 0 || (ref_err.len && got_err.len), "a failure says why");
    size_t common = ref.len < got.len ? ref.len : got.len;
    FUZZ_ASSERT(common == 0 || memcmp(ref.data, got.data, common) == 0,
                "the two readers give the same content");
    FUZZ_ASSERT(ref_rc != 0 || ref.len == got.len, "a sound input reads whole in both");
    buf whole = BUF_INIT;
    FUZZ_ASSERT((gunzip_ref(data, size, &whole) ? 0 : -1) == ref_rc, "the zlib reader's verdict is zlib's");
    FUZZ_ASSERT(whole.len == ref.len && (ref.len == 0 || !memcmp(whole.data, ref.data, ref.len)),
                "the zlib reader gives what zlib gives, to the byte");
    buf_free(&whole);
    dz_free(zr);
    dz_free(zg);
    buf_free(&ref);
    buf_free(&got);
    buf_free(&ref_err);
    buf_free(&got_err);
    return 0;
}
