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

static int spk_tok_push(spk_toks *t, const spk_tok *k)
{
    if (spk_grow((void **)&t->v, &t->cap, t->n, sizeof *t->v) < 0)
        return -1;
    t->v[t->n++] = *k;
    return 0;
}

static int spk_is_wordchar(uint32_t c)
{
    return spk_is_letter(c) || spk_is_digit(c) || (c >= 0x300 && c <= 0x36F);
}

int spk_tokenize(const char *text, size_t start, size_t end, spk_toks *t)
{
    t->n = 0;
    int line = 1;
    size_t i = start, w;
    while (i < end) {
        uint32_t c = spk_decode(text, end, i, &w);
        if (spk_is_space(c)) {
            if (c == '\n')
                line = 1;
            i += w;
            continue;
        }
        spk_tok k = { i, i + w, c, SPK_TOK_PUNCT, line ? SPK_TF_LINE : 0 };
        line = 0;
        if (!spk_is_wordchar(c)) {
            if (spk_tok_push(t, &k) < 0)
                return -1;
            i += w;
            continue;
        }
        k.kind = SPK_TOK_WORD;
        int letters = 0, uppers = 0;
        uint32_t last = 0;
        size_t j = i;
        while (j < end) {
            size_t cw;
            uint32_t d = spk_decode(text, end, j, &cw);
            if (spk_is_wordchar(d)) {
                int lc = spk_letter_case(d);
                if (lc != SPK_NOTLETTER)
                    letters++;
                if (lc == SPK_UPPER)
                    uppers++;
                if (j == i && lc == SPK_UPPER)
                    k.flags |= SPK_TF_CAP;
                last = d;
                j += cw;
                continue;
            }
            if (!spk_is_apostrophe(d))
                break;
            /* An apostrophe: inside the word, a possessive, or the end. */
            size_t nw = 0, nw2 = 0;
            uint32_t n1 = j + cw < end ? spk_decode(text, end, j + cw, &nw) : 0;
            uint32_t n2 = j + cw + nw < end ? spk_decode(text, end, j + cw + nw, &nw2) : 0;
            if ((n1 == 's' || n1 == 'S') && !spk_is_wordchar(n2)) {
                k.flags |= SPK_TF_POSS;
                k.end = j;
                j += cw + nw;
                goto done;
            }
            if ((last == 's' || last == 'S') && !spk_is_wordchar(n1)) {
                k.flags |= SPK_TF_POSS;
                k.end = j;
                j += cw;
                goto done;
            }
            if (!spk_is_wordchar(n1))
                break;
            j += cw;
        }
        k.end = j;
    done:
        if (letters >= 2 && uppers == letters)
            k.flags |= SPK_TF_ALLCAPS;
        if (spk_tok_push(t, &k) < 0)
            return -1;
        i = j;
    }
    return 0;
}
