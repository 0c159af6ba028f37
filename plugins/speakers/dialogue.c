/*
 * dialogue.c — transcripts: lines that open with a speaker's label
 * ("Kissinger:", "The President:", "Secretary Shultz:", "K:").
 *
 * A label is a few capitalised words (or initials) and a colon at the start
 * of a line, in the body; "Note:" or "Subject:" are not speakers.  The turn
 * runs to the next label or to the end of the paragraph.
 */
#include <stdlib.h>
#include "spk_chars.h"
#include "spk_speech.h"

void spk_turns_init(spk_turns *t)
{
    t->v = NULL;
    t->n = t->cap = 0;
}

void spk_turns_free(spk_turns *t)
{
    free(t->v);
    spk_turns_init(t);
}

/* The speaker a label [A, COLON) names. */
static size_t spk_label_who(const spk_ctx *c, size_t a, size_t colon)
{
    size_t last = colon;
    while (last > a && c->toks.v[last - 1].kind != SPK_TOK_WORD)
        last--;
    if (last == a)
        return SPK_NONE;
    last--;
    if (c->tok_ent[last] != SPK_NONE)
        return c->tok_ent[last];
    size_t t = a;
    if (spk_tok_is(c, t, "The") || spk_tok_is(c, t, "the"))
        t++;
    if (t <= last) {
        size_t p = spk_title_participant(c, t, last + 1);
        if (p != SPK_NONE)
            return c->part_ent[p];
        size_t it = 0, e;
        const char *s = spk_tok_p(c, t);
        size_t n = c->toks.v[last].end - c->toks.v[t].start;
        if (spk_names_find(c->text_titles, s, n, &it, &e) == 0)
            return e;
    }
    if (last == a && c->toks.v[a].end - c->toks.v[a].start <= 3)
        return spk_initials(c, a);
    return SPK_NONE;
}

/* Is there a label at token I (first on its line)?  Its colon in *COLON. */
static int spk_label(const spk_ctx *c, size_t i, size_t *colon)
{
    size_t k = i, words = 0;
    for (; k < c->toks.n && k < i + 7; k++) {
        const spk_tok *t = &c->toks.v[k];
        /* A label is on one line: a colon on a later line (perhaps in the
         * next paragraph) belongs to something else. */
        if (k > i && (t->flags & SPK_TF_LINE))
            return 0;
        if (t->kind == SPK_TOK_PUNCT) {
            if (t->c == ':')
                break;
            if (t->c != '.')
                return 0;
            continue;
        }
        const char *p = spk_tok_p(c, k);
        if (spk_tok_is(c, k, "The") || spk_tok_is(c, k, "the")) {
            words++;
            continue;
        }
        if (!(t->flags & SPK_TF_CAP) || spt_is_digit((unsigned char)p[0]))
            return 0;
        unsigned lex = spk_tok_lex(c, k);
        if ((lex & SPK_LX_NOTNAME) && !(lex & SPK_LX_TITLE))
            return 0;
        words++;
    }
    if (k >= c->toks.n || !spk_tok_punct(c, k, ':') || !words || k + 1 >= c->toks.n)
        return 0;
    /* Something must be said after the colon, on the same line. */
    for (size_t j = c->toks.v[k].end; j < c->toks.v[k + 1].start; j++)
        if (c->t[j] == '\n')
            return 0;
    *colon = k;
    return 1;
}

int spk_dialogue(spk_ctx *c, spk_turns *out)
{
    const spk_spans *paras = c->in->paragraphs;
    size_t para = 0;
    for (size_t i = spk_tok_at(c, c->body_start); i < c->toks.n; i++) {
        const spk_tok *t = &c->toks.v[i];
        if (!(t->flags & SPK_TF_LINE) || !spk_in_body(c, t->start))
            continue;
        /* Up to two marks before the label ("• K:", "(Gorbachev:"), on its
         * line: a mark alone on a line is no part of the next one's label. */
        size_t a = i, colon;
        while (a < c->toks.n && a < i + 2 && c->toks.v[a].kind == SPK_TOK_PUNCT &&
               c->toks.v[a].c != ':' && (a == i || !(c->toks.v[a].flags & SPK_TF_LINE)))
            a++;
        if (a >= c->toks.n || (a > i && (c->toks.v[a].flags & SPK_TF_LINE)) ||
            c->toks.v[a].kind != SPK_TOK_WORD || !spk_label(c, a, &colon))
            continue;
        /* The turn runs to the end of the label's paragraph (found from the
         * label's word: a list item's paragraph leaves out its bullet). */
        size_t from = c->toks.v[a].start, said = c->toks.v[colon + 1].start;
        while (paras && para < paras->n && paras->v[para].end <= from)
            para++;
        size_t limit = paras && para < paras->n && paras->v[para].start <= from
                           ? paras->v[para].end : c->n;
        if (said >= limit)
            continue; /* nothing said inside the label's paragraph: no turn */
        /* A label is a person's: a participant, someone the document or
         * the known people name, a title ("The President"), initials.
         * "Summitry:" and "Human Rights:" head items of a list. */
        size_t who = spk_label_who(c, a, colon);
        if (who == SPK_NONE)
            continue;
        if (spt_grow((void **)&out->v, &out->cap, out->n, sizeof *out->v) < 0)
            return -1;
        if (out->n && out->v[out->n - 1].end > c->toks.v[a].start)
            out->v[out->n - 1].end = c->toks.v[i - 1].end; /* the previous turn ends here */
        out->v[out->n++] = (spk_turn){ from, said, limit, who };
        i = colon;
    }
    /* A turn ends where its text does, not in the white space after it. */
    for (size_t k = 0; k < out->n; k++) {
        size_t e = out->v[k].end, w;
        while (e > out->v[k].start) {
            size_t at = e - 1;
            while (at > out->v[k].start && ((unsigned char)c->t[at] & 0xC0) == 0x80)
                at--;
            if (!spt_is_space(spt_decode(c->t, c->n, at, &w)))
                break;
            e = at;
        }
        out->v[k].end = e;
    }
    return 0;
}
