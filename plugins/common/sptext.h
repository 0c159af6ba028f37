/*
 * sptext.h — UTF-8 decoding and character classes shared by the bundled
 * stages (plugins/segment, plugins/speakers, plugins/citations).
 *
 * The rules only ever ask a few questions of a character: is it white space,
 * a letter (and of which case), a digit, a quote, an apostrophe or a dash?
 * Answering them from a few hand-made ranges keeps the stages free of a
 * Unicode library and fast.  The ranges give case to the Latin, Greek and
 * Cyrillic scripts the stages are meant for, and treat letters of other
 * scripts as letters without case.
 *
 * Text is any byte buffer given as pointer and length (NUL bytes allowed,
 * no terminator assumed).  Invalid UTF-8 — overlong forms and surrogates
 * included — decodes as U+FFFD one byte at a time, so a scan always advances
 * and never reads past the end.  A real U+FFFD is three bytes long, which is
 * how a caller tells the two apart when it needs to.
 *
 * Every class answers ASCII inline: most text is ASCII and these are asked
 * of every character.  The rest is in sptext.c.  No dependency on spanpipe
 * or jansson, so rule files and their unit tests can link this alone.
 */
#ifndef SPTEXT_H
#define SPTEXT_H

#include <stddef.h>
#include <stdint.h>

#define SPT_REPLACEMENT 0xFFFDu

/* ---- decoding ------------------------------------------------------------ */

/* spt_decode() for a byte >= 0x80 (sptext.c). */
uint32_t spt_decode_u(const char *t, size_t n, size_t i, size_t *w);

/* Decode the character at T[I] (I < N); *W receives its length in bytes. */
static inline uint32_t spt_decode(const char *t, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    return spt_decode_u(t, n, i, w);
}

/* Start of the character that ends just before byte I (I > 0), judged from
 * the continuation bytes alone (spt_decode_prev() checks the sequence). */
static inline size_t spt_prev(const char *t, size_t i)
{
    size_t j = i - 1;
    /* At most three continuation bytes belong to one character. */
    while (j > 0 && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    return j;
}

/* Decode the character that ends just before byte I (I > 0); *AT gets its
 * start.  When the bytes before I are no valid character ending exactly at
 * I, this is U+FFFD at I - 1: backwards scans step one byte, as forward
 * ones do. */
static inline uint32_t spt_decode_prev(const char *t, size_t i, size_t *at)
{
    size_t j = spt_prev(t, i), w;
    /* Decoding stops at I: a character running past it is no character
     * ending at I. */
    uint32_t c = spt_decode(t, i, j, &w);
    if (j + w != i) {
        j = i - 1;
        c = SPT_REPLACEMENT;
    }
    *at = j;
    return c;
}

/* ---- letters ------------------------------------------------------------- */

enum { SPT_NOTLETTER = 0, SPT_UPPER = 1, SPT_LOWER = 2, SPT_UNCASED = 3 };

int spt_letter_case_u(uint32_t c);

/* The case of a letter, SPT_UNCASED for letters of scripts without case, and
 * SPT_NOTLETTER for everything else (digits, punctuation, symbols, marks). */
static inline int spt_letter_case(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? SPT_UPPER : (c >= 'a' && c <= 'z') ? SPT_LOWER : SPT_NOTLETTER;
    return spt_letter_case_u(c);
}

static inline int spt_is_letter(uint32_t c) { return spt_letter_case(c) != SPT_NOTLETTER; }
static inline int spt_is_upper(uint32_t c) { return spt_letter_case(c) == SPT_UPPER; }
static inline int spt_is_lower(uint32_t c) { return spt_letter_case(c) == SPT_LOWER; }
/* ASCII digits only: the rules read numbers, and other digits are rare
 * enough in their texts to count as symbols. */
static inline int spt_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

int spt_is_mark_u(uint32_t c);
/* Combining marks: part of the letter before them. */
static inline int spt_is_mark(uint32_t c) { return c >= 0x300 && spt_is_mark_u(c); }

/* A letter, digit or combining mark: something a word is made of. */
static inline int spt_is_wordchar(uint32_t c)
{
    return spt_is_digit(c) || spt_is_letter(c) || spt_is_mark(c);
}

/* The lower-case plain letter C folds to for loose comparisons ("É" -> 'e',
 * "Ж" -> "ж"), or 0 for a character such a comparison ignores (anything
 * but letters and digits). */
uint32_t spt_fold(uint32_t c);

/* spt_fold() of an ASCII character, inline for the common case. */
static inline uint32_t spt_fold_ascii(unsigned char c)
{
    if ((unsigned)(c - 'A') < 26u)
        return (uint32_t)c + 32;
    return (unsigned)(c - 'a') < 26u || (unsigned)(c - '0') < 10u ? c : 0;
}

/* ---- white space --------------------------------------------------------- */

int spt_is_space_u(uint32_t c);
int spt_is_blank_u(uint32_t c);

/* Spaces other than line breaks: blank, tab, CR, VT, FF, NBSP, the Unicode
 * spaces (U+2000..U+200A, narrow NBSP, ideographic...) and the BOM. */
static inline int spt_is_blank(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    return spt_is_blank_u(c);
}

/* White space, line breaks included (LF, NEL, U+2028, U+2029). */
static inline int spt_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return spt_is_space_u(c);
}

/* ---- punctuation --------------------------------------------------------- */

int spt_is_terminal_u(uint32_t c);

/* Ends a sentence: . ? ! … ‼ ‽ ⁇ ⁈ ⁉, the Greek question mark, the
 * ideographic and full-width stops. */
static inline int spt_is_terminal(uint32_t c)
{
    if (c < 0x80)
        return c == '.' || c == '?' || c == '!';
    return spt_is_terminal_u(c);
}

/* Apostrophes: the straight one and the right single quote, which typeset
 * text uses for it. */
static inline int spt_is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

/* Hyphens and dashes: - ‐ ‑ ‒ – — ― and the minus sign. */
static inline int spt_is_dash(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Double quotes that open a quotation: " “ „ «. */
static inline int spt_is_open_quote(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB;
}

/* Double quotes that close one: " ” ». */
static inline int spt_is_close_quote(uint32_t c)
{
    return c == '"' || c == 0x201D || c == 0xBB;
}

#endif
