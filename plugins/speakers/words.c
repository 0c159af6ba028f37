/*
 * words.c — the tokenizer: words and punctuation marks of a range.
 *
 * A word is a run of letters and digits, apostrophes inside it included
 * ("Mikol’chak", "wouldn’t"); a possessive ’s (or the ’ after an s) is not
 * part of the word but a flag on it, so "Nitze’s" yields the name "Nitze".
 * Hyphens split words: "Karpov-Kampelman" is two names.  Everything else
 * that is not white space is a one-character punctuation token.
 */
#include <stdlib.h>
#include "spk_chars.h"
#include "spk_rules.h"

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

static inline int spk_tok_push(spk_toks *t, const spk_tok *k)
{
    if (t->n == t->cap && spt_grow((void **)&t->v, &t->cap, t->n, sizeof *t->v) < 0)
        return -1;
    t->v[t->n++] = *k;
    return 0;
}

static inline int spk_ascii_alnum(unsigned char b)
{
    return (unsigned)((b | 0x20) - 'a') < 26u || (unsigned)(b - '0') < 10u;
}

int spk_tokenize(const char *text, size_t start, size_t end, spk_toks *t)
{
    t->n = 0;
    int line = 1;
    size_t i = start, w;
    while (i < end) {
        uint32_t c = spt_decode(text, end, i, &w);
        /* spt_is_space() decides ASCII inline; only other characters need
         * the Unicode ranges. */
        if (spt_is_space(c)) {
            if (c == '\n')
                line = 1;
            i += w;
            continue;
        }
        spk_tok k = { i, i + w, 0, c, SPK_TOK_PUNCT, line ? SPK_TF_LINE : 0, 0 };
        line = 0;
        if (c < 0x80 ? !spk_ascii_alnum((unsigned char)c) : !spt_is_wordchar(c)) {
            if (spk_tok_push(t, &k) < 0)
                return -1;
            i += w;
            continue;
        }
        k.kind = SPK_TOK_WORD;
        size_t letters = 0, uppers = 0;
        uint32_t last = 0, folded = 0; /* the last character; of the loose form */
        uint64_t h = SPK_LOOSE_SEED;   /* the word's loose hash, as it is read */
        size_t j = i;
        while (j < end) {
            unsigned char b = (unsigned char)text[j];
            /* ASCII letters and digits, the bulk of any word, in one step. */
            if ((unsigned)(b - 'a') < 26u || (unsigned)(b - '0') < 10u) {
                letters += b >= 'a';
                last = b;
                spk_loose_step(&h, &folded, b);
                j++;
                continue;
            }
            if ((unsigned)(b - 'A') < 26u) {
                letters++;
                uppers++;
                if (j == i)
                    k.flags |= SPK_TF_CAP;
                last = b;
                spk_loose_step(&h, &folded, (uint32_t)b + 32);
                j++;
                continue;
            }
            if (b < 0x80 && b != '\'')
                break; /* ASCII space or punctuation: the word ends */
            size_t cw;
            uint32_t d = spt_decode(text, end, j, &cw);
            if (spt_is_wordchar(d)) {
                int lc = spt_letter_case(d);
                if (lc != SPT_NOTLETTER)
                    letters++;
                if (lc == SPT_UPPER)
                    uppers++;
                if (j == i && lc == SPT_UPPER)
                    k.flags |= SPK_TF_CAP;
                last = d;
                spk_loose_step(&h, &folded, spt_fold(d));
                j += cw;
                continue;
            }
            if (!spt_is_apostrophe(d))
                break;
            /* An apostrophe: inside the word, a possessive, or the end. */
            size_t nw = 0, nw2 = 0;
            uint32_t n1 = j + cw < end ? spt_decode(text, end, j + cw, &nw) : 0;
            uint32_t n2 = j + cw + nw < end ? spt_decode(text, end, j + cw + nw, &nw2) : 0;
            if ((n1 == 's' || n1 == 'S') && !spt_is_wordchar(n2)) {
                k.flags |= SPK_TF_POSS;
                k.end = j;
                j += cw + nw;
                goto done;
            }
            if ((last == 's' || last == 'S') && !spt_is_wordchar(n1)) {
                k.flags |= SPK_TF_POSS;
                k.end = j;
                j += cw;
                goto done;
            }
            if (!spt_is_wordchar(n1))
                break;
            j += cw;
        }
        k.end = j;
    done:
        k.hash = h; /* an apostrophe folds to nothing: the hash stands */
        if (letters >= 2 && uppers == letters)
            k.flags |= SPK_TF_ALLCAPS;
        if (spk_tok_push(t, &k) < 0)
            return -1;
        i = j;
    }
    return 0;
}
