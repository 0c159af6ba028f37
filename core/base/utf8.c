/* utf8.c — UTF-8 validation and JSON string escaping. */
#include "base/utf8.h"

#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

int utf8_check(const char *str, size_t n, size_t *bad, int *ascii)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    int all_ascii = 1;
    while (i < n) {
        /* Runs of ASCII are the common case: skip them sixteen (SSE2: the
         * high bits in a mask) or eight bytes at a time. */
#ifdef __SSE2__
        while (i + 16 <= n) {
            int high = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
            if (high) {
                i += (size_t)__builtin_ctz((unsigned)high);
                break;
            }
            i += 16;
        }
#endif
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        all_ascii = 0;
        size_t len;
        unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0; /* overlong */
            else if (c == 0xED)
                hi = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90; /* overlong */
            else if (c == 0xF4)
                hi = 0x8F; /* past U+10FFFF */
        } else
            goto invalid;
        if (n - i < len)
            goto invalid;
        if (s[i + 1] < lo || s[i + 1] > hi)
            goto invalid;
        for (size_t k = 2; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                goto invalid;
        i += len;
    }
    if (ascii)
        *ascii = all_ascii;
    return 1;
invalid:
    if (bad)
        *bad = i;
    if (ascii)
        *ascii = 0;
    return 0;
}

const char *spi_json_plain_run(const char *p, const char *end)
{
#ifdef __SSE2__
    /* Sixteen bytes at a time where SSE2 is there (every x86-64): a byte
     * below 0x20 is one that min(byte, 0x1f) leaves as it is. */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  low = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                _mm_cmpeq_epi8(v, bslash)),
                                   _mm_cmpeq_epi8(_mm_min_epu8(v, low), v));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        /* The classic tests for a byte below 0x20 and for a zero byte (after
         * XOR with '"' or '\\'): exact for the lowest hit in the word, which
         * is all the byte loop below needs. */
        uint64_t ctl = (w - ones * 0x20) & ~w;
        uint64_t q = w ^ (ones * '"');
        uint64_t bs = w ^ (ones * '\\');
        if ((ctl | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs)
            break;
        p += 8;
    }
    while (p < end && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
    return p;
}

/* The escape of C, a byte that cannot stand in a JSON string literal. */
static void add_escape(buf *b, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char esc[6] = { '\\', 0, 0, 0, 0, 0 };
    size_t elen = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\n': esc[1] = 'n'; break;
    case '\t': esc[1] = 't'; break;
    case '\r': esc[1] = 'r'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    default:
        esc[1] = 'u';
        esc[2] = '0';
        esc[3] = '0';
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        elen = 6;
    }
    buf_add(b, esc, elen);
}

void spi_json_add_string(buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (b->cap - b->len < n + 3)
        buf_reserve(b, n + 2);
    size_t i = (size_t)(spi_json_plain_run(str, str + n) - str);
    if (i == n) {
        /* Nothing to escape, as in most keys, ids and values: one copy
         * into the room made above. */
        char *d = b->data + b->len;
        d[0] = '"';
        if (n) /* STR may be NULL then */
            memcpy(d + 1, str, n);
        d[n + 1] = '"';
        d[n + 2] = '\0';
        b->len += n + 2;
        return;
    }
    buf_addc(b, '"');
    size_t run = 0; /* start of the pending run that needs no escaping */
    for (; i < n; i++) {
        i = (size_t)(spi_json_plain_run(str + i, str + n) - str);
        if (i >= n)
            break;
        buf_add(b, s + run, i - run);
        run = i + 1;
        add_escape(b, s[i]);
    }
    buf_add(b, s + run, n - run);
    buf_addc(b, '"');
}

void spi_json_add_string_at(buf *b, const char *s, size_t n, const size_t *esc, size_t nesc)
{
    buf_reserve(b, n + 2 * nesc + 2);
    buf_addc(b, '"');
    size_t run = 0;
    for (size_t k = 0; k < nesc; k++) {
        buf_add(b, s + run, esc[k] - run);
        add_escape(b, (unsigned char)s[esc[k]]);
        run = esc[k] + 1;
    }
    buf_add(b, s + run, n - run);
    buf_addc(b, '"');
}
