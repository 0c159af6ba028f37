/*
 * spk_chars.h — UTF-8 decoding and the few character classes the speakers
 * rules ask about (private to plugins/speakers).
 *
 * Names are what the rules look for, so the questions are: is it a letter,
 * which case, what plain letter does it fold to for a loose comparison, and
 * is it a quote, an apostrophe or a dash.  Hand-made ranges cover Latin,
 * Greek and Cyrillic; other letters count as letters without case.  Invalid
 * UTF-8 decodes as U+FFFD one byte at a time, so scans always advance.
 */
#ifndef SPK_CHARS_H
#define SPK_CHARS_H

#include <stddef.h>
#include <stdint.h>

uint32_t spk_decode_u(const char *t, size_t n, size_t i, size_t *w);

/* Decode the character at T[I] (I < N); *W receives its length in bytes. */
static inline uint32_t spk_decode(const char *t, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    return spk_decode_u(t, n, i, w);
}

enum { SPK_NOTLETTER = 0, SPK_UPPER = 1, SPK_LOWER = 2, SPK_UNCASED = 3 };
int spk_letter_case_u(uint32_t c);

static inline int spk_letter_case(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? SPK_UPPER : (c >= 'a' && c <= 'z') ? SPK_LOWER : SPK_NOTLETTER;
    return spk_letter_case_u(c);
}

static inline int spk_is_letter(uint32_t c) { return spk_letter_case(c) != SPK_NOTLETTER; }
static inline int spk_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static inline int spk_is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

/* White space, line breaks included (NBSP and the Unicode spaces too). */
int spk_is_space(uint32_t c);
/* Opening and closing double quotes: “ ” „ « » and the straight ". */
int spk_is_open_quote(uint32_t c);
int spk_is_close_quote(uint32_t c);
/* Hyphens and dashes. */
int spk_is_dash(uint32_t c);

/* The lower-case plain letter C folds to for loose comparisons ("É" -> 'e',
 * "Ж" -> "ж"), or 0 for a character a name comparison ignores. */
uint32_t spk_fold(uint32_t c);

/*
 * The loose form of a name (spk_names in spk_rules.h) and its hash, one
 * folded character at a time: characters that fold to 0 are left out, y
 * counts as i (transliteration writes the same sound either way:
 * Korniyenko, Kornienko), and a letter repeated counts once (Mikhaylov,
 * Mikhailov; doubled letters come and go).  Returns whether C is part of
 * the loose form; the hash is FNV-1a over it.  names.c hashes keys with
 * this, and the tokenizer hashes words with it as it reads them, so both
 * always agree.
 */
#define SPK_LOOSE_SEED 1469598103934665603ull
static inline uint32_t spk_loose_char(uint32_t c, uint32_t *last)
{
    if (c == 'y')
        c = 'i';
    if (!c || c == *last)
        return 0;
    *last = c;
    return c;
}
static inline void spk_loose_step(uint64_t *h, uint32_t *last, uint32_t c)
{
    if ((c = spk_loose_char(c, last)) != 0)
        *h = (*h ^ c) * 1099511628211ull;
}

/* spk_fold() of an ASCII character, inline for the common case. */
static inline uint32_t spk_fold_ascii(unsigned char c)
{
    if ((unsigned)(c - 'A') < 26u)
        return (uint32_t)c + 32;
    return (unsigned)(c - 'a') < 26u || (unsigned)(c - '0') < 10u ? c : 0;
}

#endif
