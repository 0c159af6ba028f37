/*
 * text.c — the little the rules need to know about characters.
 *
 * The rules look at one character on either side of a candidate (is "2"
 * glued to a word, is it followed by a capital?), so they decode single code
 * points around a byte offset instead of converting whole texts.  Invalid
 * sequences decode as -1, which every class below rejects.
 */
#include <string.h>

#include "cite.h"

long cite_next_cp(const char *text, size_t len, size_t at, size_t *next)
{
    if (at >= len)
        return -1;
    const unsigned char *s = (const unsigned char *)text + at;
    size_t avail = len - at, n;
    long c;
    if (s[0] < 0x80) {
        c = s[0];
        n = 1;
    } else if (s[0] >= 0xc2 && s[0] < 0xe0) {
        c = s[0] & 0x1f;
        n = 2;
    } else if (s[0] >= 0xe0 && s[0] < 0xf0) {
        c = s[0] & 0x0f;
        n = 3;
    } else if (s[0] >= 0xf0 && s[0] < 0xf5) {
        c = s[0] & 0x07;
        n = 4;
    } else {
        return -1;
    }
    if (n > avail)
        return -1;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (next != NULL)
        *next = at + n;
    return c;
}

long cite_prev_cp(const char *text, size_t at, size_t *start)
{
    if (at == 0)
        return -1;
    /* Back over at most three continuation bytes to the lead byte. */
    size_t b = at - 1;
    for (int k = 0; k < 3 && b > 0 &&
                    ((unsigned char)text[b] & 0xc0) == 0x80; k++)
        b--;
    size_t next;
    long c = cite_next_cp(text, at, b, &next);
    if (c < 0 || next != at)
        return -1;
    if (start != NULL)
        *start = b;
    return c;
}

int cite_is_digit(long c)
{
    return c >= '0' && c <= '9';
}

int cite_is_upper(long c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) ||
           (c >= 0x100 && c < 0x180 && c % 2 == 0) ||
           (c >= 0x410 && c <= 0x42f);
}

int cite_is_lower(long c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) ||
           (c >= 0x100 && c < 0x180 && c % 2 == 1) ||
           (c >= 0x430 && c <= 0x44f);
}

int cite_is_letter(long c)
{
    if (cite_is_upper(c) || cite_is_lower(c))
        return 1;
    /* Other scripts: count everything past Latin Extended that is not
       punctuation or a symbol block as a letter; good enough to tell a word
       from a number. */
    return c >= 0x180 && !(c >= 0x2000 && c <= 0x2bff) &&
           !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe4f) &&
           !(c >= 0xff00 && c <= 0xff0f);
}

int cite_is_space(long c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v' || c == 0xa0 || c == 0x2009 || c == 0x202f ||
           c == 0x2028 || c == 0x2029;
}

int cite_is_dash(long c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

int cite_has(const char *text, size_t len, size_t at, const char *word)
{
    size_t n = strlen(word);
    return at <= len && len - at >= n && memcmp(text + at, word, n) == 0;
}

size_t cite_skip_blanks(const char *text, size_t len, size_t at)
{
    while (at < len && (text[at] == ' ' || text[at] == '\t'))
        at++;
    return at;
}

size_t cite_read_number(const char *text, size_t len, size_t at,
                        unsigned maxdig, unsigned long *value)
{
    size_t i = at;
    unsigned long v = 0;
    if (i >= len || text[i] < '1' || text[i] > '9')
        return at;
    while (i < len && text[i] >= '0' && text[i] <= '9') {
        if (i - at >= maxdig)
            return at;
        v = v * 10 + (unsigned long)(text[i] - '0');
        i++;
    }
    *value = v;
    return i;
}
