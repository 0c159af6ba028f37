/* offsets.c — byte offsets to code points and back (see offsets.h). */
#include "doc/offsets.h"
#include "base/buf.h"

#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#define BLOCK 64 /* bytes between two marks */

static inline int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Characters that start in S[0..N): bytes that are not continuation bytes,
 * counted sixteen (SSE2) or eight at a time.  AVAIL >= N bytes may be read from S: when the
 * last word fits in them, the bytes past N are read and masked off rather
 * than counted one by one. */
static size_t count_starts(const unsigned char *s, size_t n, size_t avail)
{
    size_t cont = 0, i = 0;
    uint64_t w, c;
#ifdef __SSE2__
    /* Sixteen at a time with SSE2: a continuation byte is below -64 as a
     * signed byte; the 0/1 flags are summed by _mm_sad_epu8. */
    if (n >= 16) {
        const __m128i below = _mm_set1_epi8(-64), one = _mm_set1_epi8(1);
        __m128i sum = _mm_setzero_si128();
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i flags = _mm_and_si128(_mm_cmplt_epi8(v, below), one);
            sum = _mm_add_epi64(sum, _mm_sad_epu8(flags, _mm_setzero_si128()));
        }
        cont = (size_t)_mm_cvtsi128_si64(sum) +
               (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum));
    }
#endif
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        /* bit 7 of each byte set for a continuation byte; summing the bytes
         * by a multiply avoids popcount, a library call without -mpopcnt */
        c = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        cont += (size_t)((c * 0x0101010101010101ull) >> 56);
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i < n && i + 8 <= avail) {
        memcpy(&w, s + i, 8);
        c = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        c &= (1ull << (8 * (n - i))) - 1; /* the N - I low bytes are ours */
        cont += (size_t)((c * 0x0101010101010101ull) >> 56);
        return n - cont;
    }
#endif
    for (; i < n; i++)
        cont += is_cont(s[i]);
    return n - cont;
}

void offmap_init(offmap *m, const char *s, size_t n, int ascii)
{
    m->s = (const unsigned char *)s;
    m->n = n;
    m->mark = NULL;
    m->nmark = 0;
    if (ascii) {
        m->ncp = n;
        return;
    }
    m->nmark = n / BLOCK + 1;
    m->mark = xmalloc(m->nmark * sizeof *m->mark);
    size_t cp = 0;
    for (size_t k = 0; k < m->nmark; k++) {
        m->mark[k] = cp;
        size_t from = k * BLOCK;
        size_t len = n - from < BLOCK ? n - from : BLOCK;
        cp += count_starts(m->s + from, len, n - from);
    }
    m->ncp = cp;
}

void offmap_free(offmap *m)
{
    free(m->mark);
    m->mark = NULL;
    m->nmark = 0;
}

size_t offmap_to_cp(const offmap *m, size_t off)
{
    if (!m->mark)
        return off;
    size_t k = off / BLOCK;
    return m->mark[k] + count_starts(m->s + k * BLOCK, off - k * BLOCK, m->n - k * BLOCK);
}

void offmap_span_to_cp(const offmap *m, offwalk *w, size_t start, size_t end, size_t *cs,
                       size_t *ce)
{
    if (!m->mark) {
        *cs = start;
        *ce = end;
        return;
    }
    /* Each offset is counted from whichever known point before it is
     * nearest: the last start (spans come in order of start, mostly close
     * together), this span's start (for its end), or the block's mark. */
    size_t from = start - start % BLOCK;
    if (start >= w->b && w->b > from)
        w->cp += count_starts(m->s + w->b, start - w->b, m->n - w->b);
    else
        w->cp = m->mark[start / BLOCK] + count_starts(m->s + from, start - from, m->n - from);
    w->b = start;
    *cs = w->cp;
    from = end - end % BLOCK;
    if (start > from)
        *ce = *cs + count_starts(m->s + start, end - start, m->n - start);
    else
        *ce = m->mark[end / BLOCK] + count_starts(m->s + from, end - from, m->n - from);
}

int offmap_to_byte(const offmap *m, size_t cp, size_t *off)
{
    if (cp > m->ncp)
        return 0;
    if (!m->mark) {
        *off = cp;
        return 1;
    }
    /* the last block whose first character is not past CP */
    size_t lo = 0, hi = m->nmark;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->mark[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    /* mark[lo] characters start before the block: find the (cp - mark[lo])-th
     * character start from its first byte on. */
    size_t i = lo * BLOCK;
    while (i < m->n && is_cont(m->s[i]))
        i++;
    for (size_t left = cp - m->mark[lo]; left > 0; left--) {
        i++;
        while (i < m->n && is_cont(m->s[i]))
            i++;
    }
    *off = i;
    return 1;
}
