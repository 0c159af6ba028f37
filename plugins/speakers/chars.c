/*
 * chars.c — character classes for the speakers rules (see spk_chars.h).
 */
#include "spk_chars.h"

uint32_t spk_decode_u(const char *t, size_t n, size_t i, size_t *w)
{
    const unsigned char *s = (const unsigned char *)t + i;
    size_t left = n - i;
    unsigned c = s[0];
    if (c >= 0xC2 && c < 0xE0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *w = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c >= 0xE0 && c < 0xF0 && left >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
                      (s[2] & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *w = 3;
            return cp;
        }
    }
    if (c >= 0xF0 && c < 0xF5 && left >= 4 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            *w = 4;
            return cp;
        }
    }
    *w = 1;
    return 0xFFFD;
}

int spk_letter_case_u(uint32_t c)
{
    if (c == 0xAA || c == 0xBA || c == 0xB5)
        return SPK_LOWER;
    if (c < 0xC0)
        return SPK_NOTLETTER;
    if (c <= 0xFF) /* Latin-1: capitals before 0xDF, small letters after */
        return c == 0xD7 || c == 0xF7 ? SPK_NOTLETTER : c < 0xDF ? SPK_UPPER : SPK_LOWER;
    if (c <= 0x17F) /* Latin Extended-A pairs capitals and small letters */
        return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)
                   ? ((c & 1) ? SPK_UPPER : SPK_LOWER)
                   : ((c & 1) ? SPK_LOWER : SPK_UPPER);
    if (c >= 0x391 && c <= 0x3A9)
        return SPK_UPPER;
    if (c >= 0x3AC && c <= 0x3CE)
        return SPK_LOWER;
    if (c >= 0x400 && c <= 0x42F)
        return SPK_UPPER;
    if (c >= 0x430 && c <= 0x45F)
        return SPK_LOWER;
    if (c < 0x250)
        return SPK_UNCASED; /* the rest of Latin Extended-B: treat as letters */
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD ||
        (c >= 0x300 && c <= 0x36F) || (c >= 0xFE00 && c <= 0xFE6F))
        return SPK_NOTLETTER;
    return SPK_UNCASED;
}

int spk_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

int spk_is_open_quote(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB;
}

int spk_is_close_quote(uint32_t c)
{
    return c == '"' || c == 0x201D || c == 0xBB;
}

int spk_is_dash(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Plain letters for Latin-1 0xC0..0xFF (0 for × and ÷). */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                             "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

uint32_t spk_fold(uint32_t c)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
    }
    if (c >= 0xC0 && c <= 0xFF)
        return (unsigned char)latin1[c - 0xC0];
    if (c >= 0x100 && c <= 0x17F) {
        /* Latin Extended-A in blocks of one base letter each. */
        static const char ext[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkk"
                                  "llllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt"
                                  "uuuuuuuuuuuuwwyyyzzzzzzs";
        size_t i = c - 0x100;
        return i < sizeof ext - 1 ? (unsigned char)ext[i] : 0;
    }
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x391 && c <= 0x3A9)
        return c + 0x20;
    if (spk_letter_case_u(c) == SPK_NOTLETTER)
        return 0;
    return c;
}
