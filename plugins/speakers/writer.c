/*
 * writer.c — who wrote a memorandum, so that "I told him" can be given a
 * speaker.
 *
 * In order of trust: the person the title says it is from ("Memorandum From
 * ... (Kissinger) to ..."); the one principal of the document (participant,
 * or person named before the body) the body never names, when the body
 * speaks in the first person (a writer does not name himself: "Ambassador
 * Dobrynin came to see me"); the drafter of the source note.
 */
#include "spk_doc.h"

static size_t spk_from_title(const spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_HEAD)
            continue;
        size_t a = spk_tok_at(c, secs->v[s].start), b = spk_tok_at(c, secs->v[s].end);
        size_t from = a;
        while (from < b && !spk_tok_is(c, from, "From") && !spk_tok_is(c, from, "from"))
            from++;
        if (from >= b)
            continue;
        /* A name in brackets names the writer of a title like "From the
         * Assistant to the President for ... (Poindexter) to ...". */
        for (size_t i = from + 1; i + 1 < b; i++)
            if (spk_tok_punct(c, i - 1, '(') && spk_tok_punct(c, i + 1, ')') &&
                c->tok_ent[i] != SPK_NONE)
                return c->tok_ent[i];
        for (size_t i = from + 1; i < b && !spk_tok_is(c, i, "to"); i++)
            if (c->tok_ent[i] != SPK_NONE)
                return c->tok_ent[i];
    }
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

void spk_writer(spk_ctx *c)
{
    c->writer = spk_from_title(c);
    if (c->writer != SPK_NONE || !spk_first_person(c))
        return;
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
    for (size_t i = 0; i + 2 < c->toks.n; i++)
        if (spk_tok_is(c, i, "Drafted") && spk_tok_is(c, i + 1, "by") &&
            c->tok_ent[i + 2] != SPK_NONE) {
            c->writer = c->tok_ent[i + 2];
            return;
        }
}
