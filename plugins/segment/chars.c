/*
 * chars.c — character classes for the segment rules (see seg_chars.h).
 *
 * Hand-made ranges instead of a Unicode database: the segmenter only needs
 * case for the Latin, Greek and Cyrillic alphabets, and to know punctuation
 * and spaces from letters elsewhere.
 */
#include "seg_chars.h"

uint32_t seg_decode_u(const char *t, size_t n, size_t i, size_t *w)
{
    const unsigned char *s = (const unsigned char *)t + i;
    size_t left = n - i;
    unsigned c = s[0];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    if (c >= 0xC2 && c < 0xE0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *w = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c >= 0xE0 && c < 0xF0 && left >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) |
                      ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *w = 3;
            return cp;
        }
    }
    if (c >= 0xF0 && c < 0xF5 && left >= 4 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) |
                      ((uint32_t)(s[1] & 0x3F) << 12) |
                      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            *w = 4;
            return cp;
        }
    }
    *w = 1;
    return 0xFFFD;
}

int seg_is_blank_u(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int seg_is_space_u(uint32_t c)
{
    return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029 || seg_is_blank(c);
}

int seg_is_mark_u(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

/* Latin Extended-A (U+0100..U+017F) mostly alternates upper/lower case, but the
 * parity flips twice; these are the exceptions. */
static int latin_ext_a_case(uint32_t c)
{
    if (c == 0x0131 || c == 0x0138 || c == 0x0149 || c == 0x017F)
        return SEG_LOWER;
    if ((c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E))
        return (c & 1) ? SEG_UPPER : SEG_LOWER;
    if (c == 0x0178)
        return SEG_UPPER;
    return (c & 1) ? SEG_LOWER : SEG_UPPER;
}

int seg_letter_case_u(uint32_t c)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            return SEG_UPPER;
        if (c >= 'a' && c <= 'z')
            return SEG_LOWER;
        return SEG_NOTLETTER;
    }
    if (c < 0xC0) /* Latin-1 punctuation and symbols; ª µ º are letters */
        return (c == 0xAA || c == 0xB5 || c == 0xBA) ? SEG_LOWER : SEG_NOTLETTER;
    if (c <= 0xDE)
        return c == 0xD7 ? SEG_NOTLETTER : SEG_UPPER;
    if (c <= 0xFF)
        return c == 0xF7 ? SEG_NOTLETTER : SEG_LOWER;
    if (c <= 0x017F)
        return latin_ext_a_case(c);
    if (c <= 0x024F) /* Latin Extended-B: pairs are irregular, say lower */
        return SEG_LOWER;
    if (c <= 0x02AF) /* IPA */
        return SEG_LOWER;
    if (c <= 0x036F) /* modifier letters, combining marks */
        return (c <= 0x02C1 || (c >= 0x02C6 && c <= 0x02D1)) ? SEG_LOWER : SEG_NOTLETTER;
    if (c >= 0x0386 && c <= 0x03AB)
        return c == 0x0387 ? SEG_NOTLETTER : SEG_UPPER;
    if (c >= 0x03AC && c <= 0x03FF)
        return SEG_LOWER;
    if (c >= 0x0400 && c <= 0x042F)
        return SEG_UPPER;
    if (c >= 0x0430 && c <= 0x045F)
        return SEG_LOWER;
    if (c >= 0x0460 && c <= 0x052F)
        return (c >= 0x0482 && c <= 0x0489) ? SEG_NOTLETTER : ((c & 1) ? SEG_LOWER : SEG_UPPER);
    if (c >= 0x1E00 && c <= 0x1EFF) /* Latin Extended Additional (Vietnamese...) */
        return (c >= 0x1E96 && c <= 0x1E9F) ? SEG_LOWER : ((c & 1) ? SEG_LOWER : SEG_UPPER);
    if (c >= 0x1F00 && c <= 0x1FFF) /* Greek Extended: say lower */
        return SEG_LOWER;
    /* Punctuation, symbols, arrows, box drawing, CJK punctuation, dingbats,
     * emoji, specials: not letters.  Everything else counts as a letter of a
     * script without case. */
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
        (c >= 0xFF00 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFF0 && c <= 0xFFFF) ||
        (c >= 0x1F000 && c <= 0x1FAFF) || seg_is_mark(c) || c == 0x0589 ||
        c == 0x05BE || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965 ||
        c == 0x037E || c == 0x0387)
        return SEG_NOTLETTER;
    if (c >= 0x2C00 && c <= 0x2DFF)
        return SEG_LOWER;
    return SEG_UNCASED;
}

int seg_is_terminal_u(uint32_t c)
{
    return c == '.' || c == '?' || c == '!' || c == 0x2026 /* … */ ||
           c == 0x203C || c == 0x203D || c == 0x2047 || c == 0x2048 ||
           c == 0x2049 || c == 0x037E /* Greek question mark */ ||
           c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F;
}

int seg_is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
           c == 0x2019 || c == 0x201D || c == 0x201C /* German closing */ ||
           c == 0x2018 || c == 0x00BB || c == 0x00AB || c == 0x203A ||
           c == 0x2039 || c == 0x300D || c == 0x300F || c == 0xFF09;
}

int seg_is_opener(uint32_t c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
           c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A ||
           c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A ||
           c == 0x00BF || c == 0x00A1 /* ¿ ¡ */ || c == 0x300C || c == 0x300E;
}

int seg_is_dash(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

int seg_is_bullet(uint32_t c)
{
    return c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x25E6 ||
           c == 0x25AA || c == 0x25AB || c == 0x2023 || c == 0x2043 ||
           c == 0x25CF || c == 0x25CB || c == 0x25A0 || c == 0x25A1 ||
           c == 0x2013 || c == 0x2014 || c == 0x00B7 || c == 0x2219 ||
           c == 0x27A2 || c == 0x2192 || c == 0x25BA || c == 0x2605;
}
