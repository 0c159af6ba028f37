/*
 * spk_chars.h — what the speakers rules add to the shared character classes
 * (private to plugins/speakers).
 *
 * Decoding, letter case, folding to plain letters (spt_fold) and the quote,
 * apostrophe and dash classes are shared with the other stages in
 * plugins/common/sptext.h.  What stays here is how the speakers rules compare
 * names loosely.
 */
#ifndef SPK_CHARS_H
#define SPK_CHARS_H

#include <stddef.h>
#include <stdint.h>

#include "../common/sptext.h"

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

/*
 * The same for the ASCII letters and digits of a word, from a table, which
 * the tokenizer reads for every byte of the text: SPK_ASCII_WORD[B] is 0
 * when byte B is no ASCII letter or digit; otherwise its low seven bits are
 * what spk_loose_char() makes of it before the repeat check (lower case, y
 * as i), and SPK_AW_UPPER or SPK_AW_LOWER says a letter's case.
 * tests/speakers checks every byte against spk_loose_char().
 */
enum { SPK_AW_UPPER = 0x80, SPK_AW_LOWER = 0x100 };
extern const uint16_t spk_ascii_word[256];

#endif
