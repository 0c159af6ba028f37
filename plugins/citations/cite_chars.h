/*
 * cite_chars.h — the little the rules need to know about characters: code
 * points decoded around a byte offset, their classes, and reading a number.
 *
 * The rules look at one character on either side of a candidate (is "2"
 * glued to a word, is it followed by a capital?), so they decode single code
 * points around a byte offset instead of converting whole texts.  Decoding
 * and the classes are the shared ones (plugins/common/sptext.h), but for
 * letter case (see below); what the wrappers add is the citations rules'
 * convention that a missing or invalid character is -1, which every class
 * rejects.
 *
 * Everything here is inline: the scans ask these questions at nearly every
 * byte of a document, and as calls into another file they were a fifth of
 * the stage's time (a keyword test was a call, a strlen and a memcmp; inline,
 * with the keyword a literal, it is a compare or two).
 */
#ifndef CITE_CHARS_H
#define CITE_CHARS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../common/sptext.h"

/* The code point at byte AT of TEXT[0, LEN), or -1 at the end; *NEXT (when
   not NULL) receives the byte after it. */
static inline long cite_next_cp(const char *text, size_t len, size_t at,
                                size_t *next)
{
    if (at >= len)
        return -1;
    size_t w;
    uint32_t c = spt_decode(text, len, at, &w);
    /* A real U+FFFD takes three bytes; one byte of it is a broken sequence. */
    if (c == SPT_REPLACEMENT && w == 1)
        return -1;
    if (next != NULL)
        *next = at + w;
    return (long)c;
}

/*
 * The code point that ends just before byte AT (decoding backwards), or -1 at
 * the start of the text or on a broken sequence; *START (when not NULL)
 * receives the byte where it begins.
 */
static inline long cite_prev_cp(const char *text, size_t at, size_t *start)
{
    if (at == 0)
        return -1;
    size_t b;
    uint32_t c = spt_decode_prev(text, at, &b);
    if (c == SPT_REPLACEMENT && at - b == 1)
        return -1;
    if (start != NULL)
        *start = b;
    return (long)c;
}

static inline int cite_is_digit(long c)
{
    return c >= 0 && spt_is_digit((uint32_t)c);
}

/*
 * Letter case stays the citations stage's own, coarser than spt_letter_case():
 * Latin-1, a plain parity rule over Latin Extended-A and the basic Cyrillic
 * alphabet only, so Greek capitals, Ѐ..Џ, ĸ and the like are letters
 * without case here.  The marker rules (markers.c) were tuned with these
 * answers, and the shared ones change which digits count as footnote markers
 * ("Σ7" would become an identifier like "G7"), so switching is a decision
 * for those rules, not a refactoring.
 */
/* ASCII or Latin upper-case */
static inline int cite_is_upper(long c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) ||
           (c >= 0x100 && c < 0x180 && c % 2 == 0) ||
           (c >= 0x410 && c <= 0x42f);
}

/* ASCII or Latin lower-case */
static inline int cite_is_lower(long c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) ||
           (c >= 0x100 && c < 0x180 && c % 2 == 1) ||
           (c >= 0x430 && c <= 0x44f);
}

/* Any letter, as far as these rules can tell. */
static inline int cite_is_letter(long c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (cite_is_upper(c) || cite_is_lower(c))
        return 1;
    /* Other scripts: count everything past Latin Extended that is not
       punctuation or a symbol block as a letter; good enough to tell a word
       from a number. */
    return c >= 0x180 && !(c >= 0x2000 && c <= 0x2bff) &&
           !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe4f) &&
           !(c >= 0xff00 && c <= 0xff0f);
}

/* White space, line breaks included (spt_is_space). */
static inline int cite_is_space(long c)
{
    return c >= 0 && spt_is_space((uint32_t)c);
}

/* - ‐ ‑ ‒ – — − */
static inline int cite_is_dash(long c)
{
    return c >= 0 && spt_is_dash((uint32_t)c);
}

/* Whether TEXT[AT, LEN) starts with the NUL-terminated WORD.  Inline so that
   for a literal WORD its length is a constant and the compare a few loads;
   the first byte is tested alone because the rules try lists of words at
   every candidate, and nearly all fail there. */
static inline int cite_has(const char *text, size_t len, size_t at,
                           const char *word)
{
    if (word[0] == '\0')
        return at <= len;
    if (at >= len || text[at] != word[0])
        return 0;
    size_t n = strlen(word);
    return at <= len && len - at >= n && memcmp(text + at, word, n) == 0;
}

/* Skip blanks (not line breaks) from AT; returns the first other byte. */
static inline size_t cite_skip_blanks(const char *text, size_t len, size_t at)
{
    while (at < len && (text[at] == ' ' || text[at] == '\t'))
        at++;
    return at;
}

/*
 * Read the decimal number of 1 to MAXDIG digits at AT, without a leading zero
 * (the numbers here count from 1).  On success stores it in *VALUE and returns
 * the byte after it; returns AT when there is no such number or more digits
 * follow.
 */
static inline size_t cite_read_number(const char *text, size_t len, size_t at,
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

#endif
