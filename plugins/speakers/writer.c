/*
 * writer.c — who wrote a memorandum, so that "I told him" can be given a
 * speaker.
 *
 * In order of trust: the person the title says it is from ("Memorandum From
 * ... (Kissinger) to ...": the sender, never the addressee); the signer of
 * a report that says "I said", "I told him"; none for a
 * conversation, unless its body says "I said", "I told him" outside
 * quotations (a participant wrote it up); the one principal of the document (participant,
 * or person named before the body) the body never names, when the body
 * speaks in the first person (a writer does not name himself: "Ambassador
 * Dobrynin came to see me"); the drafter of the source note, unless the
 * title says an office sent it.
 */
#include "spk_chars.h"
#include "spk_doc.h"

int spk_head_sender(const spk_ctx *c, size_t *from, size_t *to)
{
    const spk_spans *secs = c->in->sections;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_HEAD)
            continue;
        size_t a = spk_tok_at(c, secs->v[s].start), b = spk_tok_at(c, secs->v[s].end);
        while (a < b && !spk_tok_is(c, a, "From") && !spk_tok_is(c, a, "from"))
            a++;
        if (a >= b)
            continue;
        /* The addressee starts at the first "to" that is no part of the
         * sender's title: "Assistant to the President", "Ambassador to the
         * Soviet Union" are a title word, "to", "the". */
        size_t i = a + 1;
        for (; i < b; i++)
            if (spk_tok_is(c, i, "to") &&
                !((spk_tok_lex(c, i - 1) & SPK_LX_TITLE) && spk_tok_is(c, i + 1, "the")))
                break;
        *from = a + 1;
        *to = i;
        return 1;
    }
    return 0;
}

/* Does the head title a conversation ("Memorandum of Conversation",
 * "Transcript of Telephone Conversation")? */
static int spk_conversation(const spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_HEAD)
            continue;
        size_t b = spk_tok_at(c, secs->v[s].end);
        for (size_t i = spk_tok_at(c, secs->v[s].start); i < b; i++)
            if (spk_tok_is(c, i, "Conversation"))
                return 1;
    }
    return 0;
}

/* The sender the title names: "From X to Y" is X's, whatever Y; a name in
 * brackets comes first ("From the Assistant to the President for ...
 * (Poindexter) to ..."). */
static size_t spk_from_title(const spk_ctx *c)
{
    size_t a, b;
    if (!spk_head_sender(c, &a, &b))
        return SPK_NONE;
    for (size_t i = a; i + 1 < b; i++)
        if (spk_tok_punct(c, i - 1, '(') && spk_tok_punct(c, i + 1, ')') &&
            c->tok_ent[i] != SPK_NONE)
            return c->tok_ent[i];
    for (size_t i = a; i < b; i++)
        if (c->tok_ent[i] != SPK_NONE)
            return c->tok_ent[i];
    return SPK_NONE;
}

/* Does the body speak in the first person singular? */
static int spk_first_person(const spk_ctx *c)
{
    for (size_t i = spk_tok_at(c, c->body_start); i < c->toks.n; i++)
        if ((spk_tok_is(c, i, "I") || spk_tok_is(c, i, "me")) && spk_in_body(c, c->toks.v[i].start))
            return 1;
    return 0;
}

/* Does the body say "I" as the subject of a speech verb ("I said", "I then
 * told him") outside quotation marks?  A memorandum of conversation written
 * by one of its participants does; a transcript's "I" is inside turns or
 * quotations. */
static int spk_first_person_speaks(const spk_ctx *c)
{
    int quoted = 0;
    for (size_t i = spk_tok_at(c, c->body_start); i < c->toks.n; i++) {
        const spk_tok *t = &c->toks.v[i];
        if (t->kind == SPK_TOK_PUNCT) {
            if (t->c == '"')
                quoted = !quoted;
            else if (spt_is_open_quote(t->c))
                quoted = 1;
            else if (spt_is_close_quote(t->c))
                quoted = 0;
            continue;
        }
        if (quoted || !spk_tok_is(c, i, "I") || !spk_in_body(c, t->start))
            continue;
        for (size_t k = i + 1; k < c->toks.n && k < i + 4; k++) {
            unsigned lex = spk_tok_lex(c, k);
            if (c->toks.v[k].kind != SPK_TOK_WORD || (c->toks.v[k].flags & SPK_TF_CAP))
                break;
            if (lex & SPK_LX_VERB)
                return 1;
            if (!(lex & SPK_LX_FILLER))
                break;
        }
    }
    return 0;
}

/* The one who signed: the last person named in a signature section. */
static size_t spk_signer(const spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    size_t found = SPK_NONE;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_SIGNATURE)
            continue;
        size_t b = spk_tok_at(c, secs->v[s].end);
        for (size_t i = spk_tok_at(c, secs->v[s].start); i < b; i++)
            if (c->tok_ent[i] != SPK_NONE)
                found = c->tok_ent[i];
    }
    return found;
}

void spk_writer(spk_ctx *c)
{
    size_t a, b;
    c->writer = spk_from_title(c);
    /* A report signed by its writer ("... I told him ...  Bohlen"), even
     * when an office sends it. */
    if (c->writer == SPK_NONE && spk_first_person_speaks(c))
        c->writer = spk_signer(c);
    /* A conversation has no single writer, unless one of its participants
     * writes it in the first person ("I told him"): a transcript's "I" is
     * whoever speaks. */
    if (c->writer != SPK_NONE || !spk_first_person(c) ||
        (spk_conversation(c) && !spk_first_person_speaks(c)))
        return;
    /* A title "From the Department of State to ..." names an office as the
     * sender: its drafter writes for it, and the "I" of what it sends is
     * someone else's (a message of the President's it passes on). */
    int office = spk_head_sender(c, &a, &b);
    size_t found = SPK_NONE, count = 0;
    for (size_t e = 0; e < c->nents; e++) {
        const spk_entity *en = &c->ents[e];
        int principal = c->out->nparts ? en->participant != SPK_NONE : en->early;
        if (principal && en->body_mentions == 0) {
            found = e;
            count++;
        }
    }
    if (count == 1) {
        c->writer = found;
        return;
    }
    for (size_t i = 0; !office && i + 2 < c->toks.n; i++)
        if (spk_tok_is(c, i, "Drafted") && spk_tok_is(c, i + 1, "by") &&
            c->tok_ent[i + 2] != SPK_NONE) {
            c->writer = c->tok_ent[i + 2];
            return;
        }
}
