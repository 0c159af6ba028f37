/* gunzip_ref.c — zlib on a whole input, the fuzz targets' reference (see
 * gunzip_ref.h). */
#include "gunzip_ref.h"
#include "fuzz.h"

#include <string.h>
#include <zlib.h>

int gunzip_ref(const uint8_t *d, size_t n, buf *out)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    FUZZ_ASSERT(inflateInit2(&zs, 16 + MAX_WBITS) == Z_OK, "zlib");
    zs.next_in = (unsigned char *)d;
    zs.avail_in = (uInt)n;
    unsigned char tmp[4096];
    int ok = 0;
    for (;;) {
        zs.next_out = tmp;
        zs.avail_out = sizeof tmp;
        int rc = inflate(&zs, Z_NO_FLUSH);
        buf_add(out, tmp, sizeof tmp - zs.avail_out);
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0) {
                ok = 1;
                break;
            }
            inflateReset(&zs); /* another member, or garbage inflate will refuse */
        } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs.avail_out == 0)) {
            break; /* truncated (no input left) or corrupt */
        }
    }
    inflateEnd(&zs);
    return ok;
}
