/*
 * words.c — the tokenizer: words and punctuation marks of a range.
 *
 * A word is a run of letters and digits, apostrophes inside it included
 * ("Mikol’chak", "wouldn’t"); a possessive ’s (or the ’ after an s) is not
 * part of the word but a flag on it, so "Nitze’s" yields the name "Nitze".
 * Hyphens split words: "Karpov-Kampelman" is two names, and digits glued
 * to a small letter are a footnote marker of their own ("Reagan1").
 * Everything else that is not white space is a one-character punctuation
 * token.
 *
 * Every byte of every document passes through here, so the loop is built
 * for the common case.  An ASCII byte costs one lookup in spk_ascii_word,
 * which gives a letter's loose form and case at once; bytes above 0x7F and
 * apostrophes leave the loop for the shared decoder and character classes
 * (spk_word_char(), kept out of line so that the loop keeps its few
 * variables in registers).  Whether a word is all capitals needs its
 * letters counted, which is done only for the rare word without an ASCII
 * small letter.  The token array is sized once from the length of the
 * range rather than doubled and copied as it fills.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_rules.h"

#if defined(__GNUC__)
#define SPK_OUT_OF_LINE __attribute__((noinline))
#else
#define SPK_OUT_OF_LINE
#endif

#define SPK_LOWER(c) [c] = (c) | SPK_AW_LOWER, [(c) - 32] = (c) | SPK_AW_UPPER
const uint16_t spk_ascii_word[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
    ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    SPK_LOWER('a'), SPK_LOWER('b'), SPK_LOWER('c'), SPK_LOWER('d'), SPK_LOWER('e'),
    SPK_LOWER('f'), SPK_LOWER('g'), SPK_LOWER('h'), SPK_LOWER('i'), SPK_LOWER('j'),
    SPK_LOWER('k'), SPK_LOWER('l'), SPK_LOWER('m'), SPK_LOWER('n'), SPK_LOWER('o'),
    SPK_LOWER('p'), SPK_LOWER('q'), SPK_LOWER('r'), SPK_LOWER('s'), SPK_LOWER('t'),
    SPK_LOWER('u'), SPK_LOWER('v'), SPK_LOWER('w'), SPK_LOWER('x'),
    ['y'] = 'i' | SPK_AW_LOWER, ['Y'] = 'i' | SPK_AW_UPPER, /* y counts as i */
    SPK_LOWER('z'),
};
#undef SPK_LOWER

void spk_toks_init(spk_toks *t)
{
    t->v = NULL;
    t->n = t->cap = 0;
}

void spk_toks_free(spk_toks *t)
{
    free(t->v);
    spk_toks_init(t);
}

/* Room for the tokens of LEN bytes of text.  English prose makes about one
 * token per five bytes, so a quarter of the length is enough for nearly
 * every document (text dense in punctuation still grows the array). */
static int spk_toks_reserve(spk_toks *t, size_t len)
{
    size_t want = len / 4 + 16;
    if (t->cap >= want)
        return 0;
    if (want > SIZE_MAX / sizeof *t->v)
        return -1;
    spk_tok *v = realloc(t->v, want * sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->cap = want;
    return 0;
}

/* A new token { START, START + W, C, KIND, FLAGS } at the end of T, or NULL
 * when out of memory. */
static inline spk_tok *spk_tok_add(spk_toks *t, size_t start, size_t w, uint32_t c, int kind,
                                   unsigned flags)
{
    if (t->n == t->cap && spt_grow((void **)&t->v, &t->cap, t->n, sizeof *t->v) < 0)
        return NULL;
    spk_tok *k = &t->v[t->n++];
    *k = (spk_tok){ start, start + w, 0, c, (unsigned char)kind, (unsigned char)flags, 0 };
    return k;
}

enum { SPK_W_MORE, SPK_W_END, SPK_W_POSS };

/* A word being read past its ASCII: the loose hash so far, and what the
 * last character read was to it. */
typedef struct spk_wordhash {
    uint64_t h;
    uint32_t folded; /* the last character of the loose form */
    int how;         /* SPK_W_ */
} spk_wordhash;

/* The character at TEXT[AT], inside a word, that is no ASCII letter or
 * digit.  Sets WH->how: SPK_W_MORE, part of the word (and hashed into
 * WH); SPK_W_END, the word ended before it; SPK_W_POSS, a possessive starts
 * at AT.  Returns where reading goes on. */
static SPK_OUT_OF_LINE size_t spk_word_char(const char *text, size_t at, size_t end,
                                            spk_wordhash *wh)
{
    size_t cw;
    uint32_t d = spt_decode(text, end, at, &cw);
    wh->how = SPK_W_MORE;
    if (spt_is_wordchar(d)) {
        spk_loose_step(&wh->h, &wh->folded, spt_fold(d));
        return at + cw;
    }
    wh->how = SPK_W_END;
    if (!spt_is_apostrophe(d))
        return at;
    /* An apostrophe: inside the word, a possessive, or the end.  The
     * character before it is the word's last (an apostrophe stays in a word
     * only when a letter or digit follows it), so "the last was an s" is a
     * look at the byte before. */
    size_t nw = 0, nw2 = 0;
    uint32_t n1 = at + cw < end ? spt_decode(text, end, at + cw, &nw) : 0;
    uint32_t n2 = at + cw + nw < end ? spt_decode(text, end, at + cw + nw, &nw2) : 0;
    wh->how = SPK_W_POSS;
    if ((n1 == 's' || n1 == 'S') && !spt_is_wordchar(n2))
        return at + cw + nw;
    if ((text[at - 1] == 's' || text[at - 1] == 'S') && !spt_is_wordchar(n1))
        return at + cw;
    wh->how = SPK_W_END;
    if (!spt_is_wordchar(n1))
        return at;
    wh->how = SPK_W_MORE;
    return at + cw; /* an apostrophe folds to nothing: the hash stands */
}

/* Does the word that starts at TEXT[A] have a small letter just before
 * TEXT[J] (J > A)? */
static inline int spk_small_letter_before(const char *text, size_t a, size_t j)
{
    unsigned char b = (unsigned char)text[j - 1];
    if (b < 0x80)
        return (spk_ascii_word[b] & SPK_AW_LOWER) != 0;
    size_t at;
    uint32_t c = spt_decode_prev(text, j, &at);
    return at >= a && spt_is_lower(c);
}

/* Are the letters of the word TEXT[A, B) two or more, all capitals? */
static SPK_OUT_OF_LINE int spk_all_caps(const char *text, size_t a, size_t b)
{
    size_t letters = 0, uppers = 0, w;
    for (size_t j = a; j < b; j += w) {
        int lc = spt_letter_case(spt_decode(text, b, j, &w));
        letters += lc != SPT_NOTLETTER;
        uppers += lc == SPT_UPPER;
    }
    return letters >= 2 && uppers == letters;
}

/* Read the word that starts at TEXT[I] (a letter, digit or mark) into K:
 * its end, loose hash, and the possessive and all-capitals flags.  Returns
 * where reading goes on. */
static inline size_t spk_word(const char *text, size_t i, size_t end, spk_tok *k)
{
    uint64_t h = SPK_LOOSE_SEED, folded = 0;
    unsigned seen = 0; /* the table's bits of every ASCII byte, or-ed */
    size_t j = i, wend = SPK_NONE;
    while (j < end) {
        unsigned e = spk_ascii_word[(unsigned char)text[j]];
        if (e) {
            /* A digit glued to a word's small letter is a footnote marker,
             * never part of the word (docs/stages.md): "Reagan1" is "Reagan" and
             * "1".  Numbers ("1986") and capitals ("F16") keep theirs; the
             * test costs a comparison for a letter, a byte's look for a
             * digit. */
            if (e < 0x40 && j > i && spk_small_letter_before(text, i, j))
                break;
            /* The bulk of any text: an ASCII letter or digit. */
            seen |= e;
            uint64_t f = e & 0x7F;
            if (f != folded) {
                h = (h ^ f) * 1099511628211ull;
                folded = f;
            }
            j++;
            continue;
        }
        unsigned char b = (unsigned char)text[j];
        if (b < 0x80 && b != '\'')
            break; /* ASCII space or punctuation: the word ends */
        spk_wordhash wh = { h, (uint32_t)folded, SPK_W_MORE };
        size_t at = j;
        j = spk_word_char(text, at, end, &wh);
        h = wh.h;
        folded = wh.folded;
        if (wh.how == SPK_W_POSS) {
            k->flags |= SPK_TF_POSS;
            wend = at; /* the word ends before its possessive */
            break;
        }
        if (wh.how == SPK_W_END)
            break;
    }
    k->end = wend != SPK_NONE ? wend : j;
    k->hash = h;
    /* A small ASCII letter settles it; otherwise count. */
    if (!(seen & SPK_AW_LOWER) && spk_all_caps(text, i, k->end))
        k->flags |= SPK_TF_ALLCAPS;
    return j;
}

/* The end of the run of small ASCII letters ('a' to 'z') from TEXT[J]. */
static inline size_t spk_small_run(const char *text, size_t j, size_t end)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Eight bytes at a time: the top bit of each byte of SMALL says it is
     * 'a' to 'z' (its low seven bits are at least 0x61 and below 0x7B, and
     * it is below 0x80; adding to the low seven bits carries into no other
     * byte).  The first byte that is not ends the run.  A word has a few
     * letters: this is one test where the loop below is one a byte, and
     * one branch taken wrongly at the end. */
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    while (end - j >= 8) {
        uint64_t x;
        memcpy(&x, text + j, 8);
        uint64_t low = x & ~tops;
        uint64_t small = (low + (0x80 - 'a') * ones) & ~(low + (0x80 - 'z' - 1) * ones) & ~x & tops;
        if (small != tops)
            return j + (size_t)__builtin_ctzll(~small & tops) / 8;
        j += 8;
    }
#endif
    while (j < end && (spk_ascii_word[(unsigned char)text[j]] & SPK_AW_LOWER))
        j++;
    return j;
}

/* Read the word that starts at TEXT[I], a small ASCII letter, into K.
 * Most words of running text are small ASCII letters only and end at ASCII
 * space or punctuation; such a word is only found here, its hash left to
 * spk_tok_classify() (0), since the rules ask about few of them.  A word
 * that goes on otherwise (a capital, a byte above 0x7F, an apostrophe) is
 * read again by spk_word(); a digit after its letters is a footnote marker
 * and ends it. */
static inline size_t spk_small_word(const char *text, size_t i, size_t end, spk_tok *k)
{
    size_t j = spk_small_run(text, i + 1, end);
    if (j < end) {
        unsigned char b = (unsigned char)text[j];
        if (b >= 0x80 || b == '\'' || (spk_ascii_word[b] & SPK_AW_UPPER))
            return spk_word(text, i, end, k);
    }
    k->end = j;
    return j;
}

int spk_tokenize(const char *text, size_t start, size_t end, spk_toks *t)
{
    t->n = 0;
    if (spk_toks_reserve(t, end - start) < 0)
        return -1;
    unsigned line = SPK_TF_LINE; /* the next token is the first on its line */
    size_t i = start;
    while (i < end) {
        unsigned char b = (unsigned char)text[i];
        spk_tok *k;
        if (b < 0x80) {
            unsigned e = spk_ascii_word[b];
            if (e) {
                if (!(k = spk_tok_add(t, i, 1, b, SPK_TOK_WORD,
                                      line | (e & SPK_AW_UPPER ? SPK_TF_CAP : 0))))
                    return -1;
                line = 0;
                i = e & SPK_AW_LOWER ? spk_small_word(text, i, end, k) : spk_word(text, i, end, k);
                continue;
            }
            if (b == ' ' || (b >= '\t' && b <= '\r')) { /* spt_is_space() of ASCII */
                if (b == '\n')
                    line = SPK_TF_LINE;
                i++;
                continue;
            }
            if (!spk_tok_add(t, i, 1, b, SPK_TOK_PUNCT, line))
                return -1;
            line = 0;
            i++;
            continue;
        }
        size_t w;
        uint32_t c = spt_decode_u(text, end, i, &w);
        if (spt_is_space(c)) {
            i += w;
            continue;
        }
        int word = spt_is_wordchar(c);
        unsigned cap = word && spt_letter_case(c) == SPT_UPPER ? SPK_TF_CAP : 0;
        if (!(k = spk_tok_add(t, i, w, c, word ? SPK_TOK_WORD : SPK_TOK_PUNCT, line | cap)))
            return -1;
        line = 0;
        i = word ? spk_word(text, i, end, k) : i + w;
    }
    return 0;
}
