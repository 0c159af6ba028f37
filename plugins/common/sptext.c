/*
 * sptext.c — the non-ASCII half of the character classes (see sptext.h).
 *
 * Hand-made ranges instead of a Unicode database: the stages only need case
 * for the Latin, Greek and Cyrillic alphabets, and to know punctuation and
 * spaces from letters elsewhere.
 */
#include "sptext.h"

uint32_t spt_decode_u(const char *t, size_t n, size_t i, size_t *w)
{
    const unsigned char *s = (const unsigned char *)t + i;
    size_t left = n - i;
    unsigned c = s[0];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    /* 0xC0 and 0xC1 could only start overlong forms of ASCII. */
    if (c >= 0xC2 && c < 0xE0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *w = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c >= 0xE0 && c < 0xF0 && left >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) |
                      ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        /* Overlong forms and UTF-16 surrogates are not characters. */
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
    return SPT_REPLACEMENT;
}

int spt_is_blank_u(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int spt_is_space_u(uint32_t c)
{
    return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029 || spt_is_blank(c);
}

int spt_is_mark_u(uint32_t c)
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
        return SPT_LOWER;
    if ((c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E))
        return (c & 1) ? SPT_UPPER : SPT_LOWER;
    if (c == 0x0178)
        return SPT_UPPER;
    return (c & 1) ? SPT_LOWER : SPT_UPPER;
}

int spt_letter_case_u(uint32_t c)
{
    if (c < 0x80)
        return spt_letter_case(c);
    if (c < 0xC0) /* Latin-1 punctuation and symbols; ª µ º are letters */
        return (c == 0xAA || c == 0xB5 || c == 0xBA) ? SPT_LOWER : SPT_NOTLETTER;
    if (c <= 0xDE)
        return c == 0xD7 ? SPT_NOTLETTER : SPT_UPPER;
    if (c <= 0xFF)
        return c == 0xF7 ? SPT_NOTLETTER : SPT_LOWER;
    if (c <= 0x017F)
        return latin_ext_a_case(c);
    if (c <= 0x024F) /* Latin Extended-B: pairs are irregular, say lower */
        return SPT_LOWER;
    if (c <= 0x02AF) /* IPA */
        return SPT_LOWER;
    if (c <= 0x036F) /* modifier letters, combining marks */
        return (c <= 0x02C1 || (c >= 0x02C6 && c <= 0x02D1)) ? SPT_LOWER : SPT_NOTLETTER;
    if (c >= 0x0386 && c <= 0x03AB)
        return c == 0x0387 ? SPT_NOTLETTER : SPT_UPPER;
    if (c >= 0x03AC && c <= 0x03FF)
        return SPT_LOWER;
    if (c >= 0x0400 && c <= 0x042F)
        return SPT_UPPER;
    if (c >= 0x0430 && c <= 0x045F)
        return SPT_LOWER;
    if (c >= 0x0460 && c <= 0x052F)
        return (c >= 0x0482 && c <= 0x0489) ? SPT_NOTLETTER : ((c & 1) ? SPT_LOWER : SPT_UPPER);
    if (c >= 0x1E00 && c <= 0x1EFF) /* Latin Extended Additional (Vietnamese...) */
        return (c >= 0x1E96 && c <= 0x1E9F) ? SPT_LOWER : ((c & 1) ? SPT_LOWER : SPT_UPPER);
    if (c >= 0x1F00 && c <= 0x1FFF) /* Greek Extended: say lower */
        return SPT_LOWER;
    /* Punctuation, symbols, arrows, box drawing, CJK punctuation, dingbats,
     * emoji, specials (U+FFFD among them): not letters.  Everything else
     * counts as a letter of a script without case. */
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
        (c >= 0xFF00 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFF0 && c <= 0xFFFF) ||
        (c >= 0x1F000 && c <= 0x1FAFF) || spt_is_mark(c) || c == 0x0589 ||
        c == 0x05BE || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965 ||
        c == 0x037E || c == 0x0387)
        return SPT_NOTLETTER;
    if (c >= 0x2C00 && c <= 0x2DFF)
        return SPT_LOWER;
    return SPT_UNCASED;
}

int spt_is_terminal_u(uint32_t c)
{
    return c == '.' || c == '?' || c == '!' || c == 0x2026 /* … */ ||
           c == 0x203C || c == 0x203D || c == 0x2047 || c == 0x2048 ||
           c == 0x2049 || c == 0x037E /* Greek question mark */ ||
           c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F;
}

/* Plain letters for Latin-1 0xC0..0xFF (0 for × and ÷). */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                             "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

uint32_t spt_fold(uint32_t c)
{
    if (c < 0x80)
        return spt_fold_ascii((unsigned char)c);
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
    if (spt_letter_case_u(c) == SPT_NOTLETTER)
        return 0;
    return c;
}
