/*
 * classify.c — what the lexicon says about each word of a document, asked
 * once per word.
 *
 * The rules ask of the same token, again and again, whether it is a title,
 * a speech verb, a common word or a possible name; each answer is a lookup
 * of the word's loose form.  Folding and hashing a word once, keeping its
 * hash (the document's own name tables use it too) and the answers as bits
 * on the token keeps the analysis a few table probes per word.  The rules
 * ask about capitalised words and the few words around a person, so a
 * token is classified when first asked about, not before.
 */
#include <string.h>
#include "spk_rules.h"

/* Words shaped like common nouns ("Relations", "Reorganization") or
 * contractions ("They’re", "I’d") rather than surnames. */
static int spk_nounish(const char *p, size_t n)
{
    static const struct { const char *s; size_t n; size_t min; } ends[] = {
#define SPK_END(s) { s, sizeof s - 1, sizeof s }       /* a noun's ending, after 2+ bytes */
#define SPK_TAIL(s) { s, sizeof s - 1, sizeof s - 1 }  /* a contraction, after 1+ byte */
        SPK_END("tion"), SPK_END("tions"), SPK_END("sion"), SPK_END("sions"), SPK_END("ment"),
        SPK_END("ments"), SPK_END("ity"), SPK_END("ities"), SPK_END("ics"), SPK_END("ism"),
        SPK_END("isms"), SPK_END("ship"), SPK_END("ness"), SPK_END("ance"), SPK_END("ence"),
        SPK_END("ings"), SPK_END("ing"), SPK_END("ights"), SPK_END("try"), SPK_END("ries"),
        SPK_END("ure"), SPK_END("ures"), SPK_END("ogy"),
        SPK_TAIL("’re"), SPK_TAIL("’d"), SPK_TAIL("’ll"), SPK_TAIL("’ve"), SPK_TAIL("’m"),
        SPK_TAIL("’t"), SPK_TAIL("'re"), SPK_TAIL("'d"), SPK_TAIL("'ll"), SPK_TAIL("'ve"),
        SPK_TAIL("'m"), SPK_TAIL("'t"),
#undef SPK_END
#undef SPK_TAIL
    };
    /* Every ending above ends in a letter, and the last letters are few:
     * most words are out after one comparison each. */
    char last = p[n - 1];
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
        if (ends[k].s[ends[k].n - 1] == last && n > ends[k].min &&
            memcmp(p + n - ends[k].n, ends[k].s, ends[k].n) == 0)
            return 1;
    return 0;
}

unsigned spk_tok_classify(const spk_lexicon *lx, const char *text, spk_tok *k)
{
    if (k->lex & SPK_TL_DONE)
        return k->lex;
    unsigned lex = SPK_TL_DONE;
    if (k->kind == SPK_TOK_WORD) {
        const char *p = text + k->start;
        size_t n = k->end - k->start;
        if (!k->hash)
            k->hash = spk_names_hash(p, n);
        lex |= spk_lexicon_class(lx, p, n, k->hash);
        /* A name: capitalised, not all capitals ("NATO"), not one letter,
         * and neither a title, a common word nor shaped like a noun. */
        if ((k->flags & SPK_TF_CAP) && !(k->flags & SPK_TF_ALLCAPS) && n >= 2 &&
            !(lex & (SPK_LX_TITLE | SPK_LX_NOTNAME)) && !spk_nounish(p, n))
            lex |= SPK_TL_NAME;
    }
    k->lex = (uint16_t)lex;
    return lex;
}

void spk_classify(const spk_lexicon *lx, const char *text, spk_toks *t)
{
    for (size_t i = 0; i < t->n; i++)
        spk_tok_classify(lx, text, &t->v[i]);
}
