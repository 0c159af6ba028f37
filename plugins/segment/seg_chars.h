/*
 * seg_chars.h — UTF-8 decoding and the character classes the segment rules
 * need (private to plugins/segment).
 *
 * The rules only ever ask a few questions of a character: is it white space,
 * a letter (and of which case), a digit, a quote or bracket, a sentence
 * terminal?  Answering them from a few hand-made tables keeps the plugin free
 * of a Unicode library and fast; the tables cover the Latin, Greek and
 * Cyrillic scripts that the segmenter is meant for, and treat letters of other
 * scripts as letters without case.
 *
 * The text is any byte buffer: invalid UTF-8 decodes as U+FFFD one byte at a
 * time, so a scan always advances and never reads past the end.
 */
#ifndef SEG_CHARS_H
#define SEG_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Decode the character at T[I] (I < N); *W receives its length in bytes. */
static inline uint32_t seg_decode(const char *t, size_t n, size_t i, size_t *w)
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

/* Start of the character that ends just before byte I (I > 0). */
static inline size_t seg_prev(const char *t, size_t i)
{
    size_t j = i - 1;
    /* At most three continuation bytes belong to one character. */
    while (j > 0 && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    return j;
}

/* Decode the character that ends just before byte I (I > 0); *AT gets its start. */
static inline uint32_t seg_decode_prev(const char *t, size_t n, size_t i, size_t *at)
{
    size_t j = seg_prev(t, i), w;
    uint32_t c = seg_decode(t, n, j, &w);
    if (j + w != i) { /* invalid sequence: step back one byte only */
        j = i - 1;
        c = 0xFFFD;
    }
    *at = j;
    return c;
}

/* Horizontal or vertical white space, including the Unicode spaces. */
int seg_is_space(uint32_t c);
/* Spaces other than line breaks. */
int seg_is_blank(uint32_t c);

enum { SEG_NOTLETTER = 0, SEG_UPPER = 1, SEG_LOWER = 2, SEG_UNCASED = 3 };
/* The case of a letter, SEG_UNCASED for letters of scripts without case, and
 * SEG_NOTLETTER for everything else (digits, punctuation, symbols, marks). */
int seg_letter_case(uint32_t c);

static inline int seg_is_letter(uint32_t c) { return seg_letter_case(c) != SEG_NOTLETTER; }
static inline int seg_is_upper(uint32_t c) { return seg_letter_case(c) == SEG_UPPER; }
static inline int seg_is_lower(uint32_t c) { return seg_letter_case(c) == SEG_LOWER; }
static inline int seg_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Combining marks: part of the letter before them. */
int seg_is_mark(uint32_t c);

/* A letter, digit or combining mark: something a word is made of. */
static inline int seg_is_wordchar(uint32_t c)
{
    return seg_is_digit(c) || seg_is_letter(c) || seg_is_mark(c);
}

/* Ends a sentence: . ? ! … and their relatives. */
int seg_is_terminal(uint32_t c);
/* May follow a terminal inside its sentence: closing quotes and brackets. */
int seg_is_closer(uint32_t c);
/* May start a sentence before its first word: opening quotes and brackets. */
int seg_is_opener(uint32_t c);
/* Apostrophes (straight and curly). */
static inline int seg_is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }
/* Hyphens, dashes: en and em dash, minus. */
int seg_is_dash(uint32_t c);
/* List bullets (•, ◦, -, * ...) when they open a line and a space follows. */
int seg_is_bullet(uint32_t c);

#endif
