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

/* The multi-byte case of seg_decode(), in chars.c. */
uint32_t seg_decode_u(const char *t, size_t n, size_t i, size_t *w);

/* Decode the character at T[I] (I < N); *W receives its length in bytes. */
static inline uint32_t seg_decode(const char *t, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    return seg_decode_u(t, n, i, w);
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

/* The classes below answer ASCII inline (most text is ASCII, and these are
 * asked of every character) and leave the rest to chars.c. */
int seg_is_space_u(uint32_t c);
int seg_is_blank_u(uint32_t c);
int seg_letter_case_u(uint32_t c);
int seg_is_mark_u(uint32_t c);
int seg_is_terminal_u(uint32_t c);

/* Spaces other than line breaks: blank, tab, CR, NBSP, the Unicode spaces. */
static inline int seg_is_blank(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    return seg_is_blank_u(c);
}

/* White space, line breaks included. */
static inline int seg_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return seg_is_space_u(c);
}

enum { SEG_NOTLETTER = 0, SEG_UPPER = 1, SEG_LOWER = 2, SEG_UNCASED = 3 };
/* The case of a letter, SEG_UNCASED for letters of scripts without case, and
 * SEG_NOTLETTER for everything else (digits, punctuation, symbols, marks). */
static inline int seg_letter_case(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? SEG_UPPER : (c >= 'a' && c <= 'z') ? SEG_LOWER : SEG_NOTLETTER;
    return seg_letter_case_u(c);
}

static inline int seg_is_letter(uint32_t c) { return seg_letter_case(c) != SEG_NOTLETTER; }
static inline int seg_is_upper(uint32_t c) { return seg_letter_case(c) == SEG_UPPER; }
static inline int seg_is_lower(uint32_t c) { return seg_letter_case(c) == SEG_LOWER; }
static inline int seg_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Combining marks: part of the letter before them. */
static inline int seg_is_mark(uint32_t c) { return c >= 0x300 && seg_is_mark_u(c); }

/* A letter, digit or combining mark: something a word is made of. */
static inline int seg_is_wordchar(uint32_t c)
{
    return seg_is_digit(c) || seg_is_letter(c) || seg_is_mark(c);
}

/* Ends a sentence: . ? ! … and their relatives. */
static inline int seg_is_terminal(uint32_t c)
{
    if (c < 0x80)
        return c == '.' || c == '?' || c == '!';
    return seg_is_terminal_u(c);
}
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
