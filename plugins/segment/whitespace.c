/*
 * whitespace.c — white space and inline page markers ("[Page 1039]"):
 * skipping and trimming them (see seg_whitespace.h).
 */
#include "seg_whitespace.h"
#include "seg_chars.h"

size_t seg_page_marker(const char *t, size_t n, size_t i)
{
    /* "[Page " then up to 12 letters or digits (page numbers can be roman or
     * carry a letter) then "]": short enough to bound every look-ahead. */
    static const char head[] = "[Page ";
    size_t k = 0;
    while (head[k]) {
        if (i + k >= n || t[i + k] != head[k])
            return 0;
        k++;
    }
    size_t j = i + k, digits = 0;
    while (j < n && digits < 12) {
        unsigned char c = (unsigned char)t[j];
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            break;
        j++;
        digits++;
    }
    if (digits == 0 || j >= n || t[j] != ']')
        return 0;
    return j + 1 - i;
}

size_t seg_skip_space(const char *t, size_t end, size_t i, int newlines)
{
    while (i < end) {
        size_t w;
        uint32_t c = spt_decode(t, end, i, &w);
        if (!(newlines ? spt_is_space(c) : spt_is_blank(c)))
            break;
        i += w;
    }
    return i;
}

size_t seg_trim_end(const char *t, size_t s, size_t e)
{
    while (e > s) {
        size_t at;
        uint32_t c = spt_decode_prev(t, e, &at);
        if (at < s || !spt_is_space(c))
            break;
        e = at;
    }
    return e;
}
