/*
 * mentions.c — every place a person is named: by surname, full name or
 * initials and surname, and by title alone ("the President") when the title
 * belongs to exactly one participant, or, in a document without a roster,
 * to the one the text names with it or shows speaking by it.
 */
#include <string.h>
#include "spk_chars.h"
#include "spk_doc.h"

/* Is W[0, N) one of the given names of EN ("Paul", or "F" for "F.")? */
static int spk_in_given(const spk_entity *en, const char *w, size_t n)
{
    if (en->given.n == 0)
        return 0; /* no given name (and given.p may be NULL: NULL + 0 is undefined) */
    const char *g = en->given.p, *end = g + en->given.n;
    while (g < end) {
        while (g < end && (*g == ' ' || *g == '.'))
            g++;
        const char *s = g;
        while (g < end && *g != ' ' && *g != '.')
            g++;
        if (g == s)
            continue;
        if (n == 1 ? (spt_fold((unsigned char)*s) == spt_fold((unsigned char)*w))
                   : spk_names_equal(s, (size_t)(g - s), w, n))
            return 1;
    }
    return 0;
}

static int spk_add_mention(spk_ctx *c, size_t a, size_t b, size_t e)
{
    spk_result *r = c->out;
    if (spt_grow((void **)&r->mentions, &r->capmentions, r->nmentions, sizeof *r->mentions) < 0)
        return -1;
    const spk_entity *en = &c->ents[e];
    size_t start = c->toks.v[a].start;
    r->mentions[r->nmentions++] = (spk_mention){ start, c->toks.v[b - 1].end, en->participant,
                                                 en->person };
    for (size_t i = a; i < b; i++)
        c->tok_ment[i] = 1;
    c->tok_ent[b - 1] = e;
    if (spk_in_body(c, start))
        c->ents[e].body_mentions++;
    return 0;
}

/* The end of the run of title words that starts at token A. */
static size_t spk_title_run(const spk_ctx *c, size_t a)
{
    size_t k = a;
    while (k < c->toks.n) {
        const spk_tok *t = &c->toks.v[k];
        if (t->kind == SPK_TOK_WORD && (t->flags & SPK_TF_CAP) && (spk_tok_lex(c, k) & SPK_LX_TITLE))
            k++;
        else if (k > a && spk_tok_is(c, k, "of") && k + 1 < c->toks.n &&
                 (c->toks.v[k + 1].flags & SPK_TF_CAP) && k + 2 > k)
            k += 2;
        else
            break;
    }
    /* "of State" must be followed by nothing that makes it a longer name. */
    return k;
}

/* Who "the" + title words [A, B) is in a document without a roster: the
 * one the title names ("President Kennedy", spk_register_name()), else,
 * when the title opens a turn ("The President opened the meeting by
 * asking", "The President: I agree."), someone known by the title alone,
 * whom the title then names;
 * SPK_NONE for neither. */
static size_t spk_title_alone(spk_ctx *c, size_t a, size_t b, int *rc)
{
    const char *p = spk_tok_p(c, a);
    size_t n = c->toks.v[b - 1].end - c->toks.v[a].start, it = 0, e;
    uint64_t h = b == a + 1 ? c->toks.v[a].hash : spk_names_hash(p, n);
    if (spk_names_find_h(c->text_titles, h, p, n, &it, &e) == 0)
        return e;
    /* Only a title that speaks or acts stands for someone: "the
     * President's policy" alone makes nobody.  A dialogue label speaks:
     * "The President: I agree." opening a line of the minutes. */
    int label = a >= 1 && (c->toks.v[a - 1].flags & SPK_TF_LINE) && spk_tok_punct(c, b, ':');
    if (!label && !spk_verb_follows(c, b - 1, 1))
        return SPK_NONE;
    if ((e = spk_title_entity(c, (spk_str){ p, n })) == SPK_NONE ||
        spk_names_add(c->text_titles, p, n, e) < 0) {
        *rc = -1;
        return SPK_NONE;
    }
    return e;
}

/* A telegram's title without "the" that opens a sentence at token I and
 * speaks or acts ("FonMin replied ...", "Secretary said ..."), made a
 * mention of its holder: returns the token after it, or I when there is
 * none (-1 through *RC when out of memory). */
static size_t spk_bare_title(spk_ctx *c, size_t i, int *rc)
{
    /* The cheap tests first: most tokens are no capital after a stop. */
    if (!(c->toks.v[i].flags & SPK_TF_CAP) ||
        !(i == 0 || (c->toks.v[i].flags & SPK_TF_LINE) || spk_tok_punct(c, i - 1, '.')) ||
        !(spk_tok_lex(c, i) & SPK_LX_TITLE) || !spk_in_body(c, c->toks.v[i].start))
        return i;
    size_t b = spk_title_run(c, i), e = SPK_NONE, p;
    if (b <= i || spk_name_word(c, b) || !spk_verb_follows(c, b - 1, 1))
        return i;
    if (c->out->nparts)
        e = (p = spk_title_participant(c, i, b)) != SPK_NONE ? c->part_ent[p] : SPK_NONE;
    else
        e = spk_title_alone(c, i, b, rc);
    if (e == SPK_NONE)
        return i;
    if (spk_add_mention(c, i, b, e) < 0)
        *rc = -1;
    return b;
}

/* The token of a signature written as initials alone ("WPR", "RN"), or
 * SPK_NONE: a signature section that holds one word, of two to four
 * capitals. */
static size_t spk_signature_initials(const spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    size_t found = SPK_NONE;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_SIGNATURE)
            continue;
        size_t a = spk_tok_at(c, secs->v[s].start), b = spk_tok_at(c, secs->v[s].end);
        size_t n = b > a ? spk_tok_n(c, a) : 0;
        if (b == a + 1 && (c->toks.v[a].flags & SPK_TF_ALLCAPS) && n >= 2 && n <= 4)
            found = a;
    }
    return found;
}

/* Whose initials the word at token I is: the one person whose surname
 * starts with its last letter and whose given names, when known, with the
 * letters before ("WPR": William P. Rogers); else an entity of its own. */
static size_t spk_initials_person(spk_ctx *c, size_t i)
{
    const char *p = spk_tok_p(c, i);
    size_t n = spk_tok_n(c, i), found = SPK_NONE, count = 0;
    for (size_t e = 0; e < c->nents; e++) {
        const spk_entity *en = &c->ents[e];
        if (!en->surname.n || en->surname.p[0] != p[n - 1])
            continue;
        size_t k = 0;
        for (size_t j = 0; j < en->given.n && k + 1 < n; j++)
            if ((j == 0 || en->given.p[j - 1] == ' ') && en->given.p[j] >= 'A' && en->given.p[j] <= 'Z' &&
                en->given.p[j] == p[k])
                k++;
        if (en->given.n && k + 1 != n)
            continue;
        found = e;
        count++;
    }
    if (count == 1)
        return found;
    size_t e = spk_title_entity(c, (spk_str){ p, n });
    if (e != SPK_NONE)
        c->ents[e].early = 0; /* known only by the initials: no principal */
    return e;
}

/* The longest title [A, E) with E <= B that a participant holds, perhaps
 * after a country's adjective (ADJ: "the Soviet Ambassador"), made a
 * mention of that participant.  Returns 0, or -1 when out of memory. */
static int spk_title_mention(spk_ctx *c, size_t a, size_t b, int adj)
{
    for (size_t e = b; e > a + (size_t)adj; e--) {
        size_t p = spk_title_participant(c, a, e);
        if (p == SPK_NONE && adj)
            p = spk_title_participant(c, a + 1, e);
        if (p != SPK_NONE)
            return spk_add_mention(c, a, e, c->part_ent[p]);
    }
    return 0;
}

/* The signature of initials at token I made a mention of whom they fit:
 * returns the token after it (-1 through *RC when out of memory). */
static size_t spk_initials_mention(spk_ctx *c, size_t i, int *rc)
{
    size_t e = spk_initials_person(c, i);
    if (e == SPK_NONE || spk_add_mention(c, i, i + 1, e) < 0)
        *rc = -1;
    return i + 1;
}

int spk_mentions(spk_ctx *c)
{
    int rc = 0;
    size_t sig = spk_signature_initials(c);
    for (size_t i = 0; i < c->toks.n; i++) {
        if (c->tok_ment[i] || c->toks.v[i].kind != SPK_TOK_WORD)
            continue;
        /* Only capitals and "the" are asked about below. */
        if (!(c->toks.v[i].flags & SPK_TF_CAP) && c->toks.v[i].c != 't')
            continue;
        size_t after = i == sig ? spk_initials_mention(c, i, &rc) : spk_bare_title(c, i, &rc);
        if (rc < 0)
            return -1;
        if (after > i) {
            i = after - 1;
            continue;
        }
        /* "the President", "The General Secretary". */
        if ((spk_tok_is(c, i, "the") || spk_tok_is(c, i, "The")) && c->out->nparts) {
            size_t b = spk_title_run(c, i + 1);
            /* "the Soviet Ambassador": a country's adjective before the
             * title, which the participant's title may lack. */
            int adj = b == i + 1 && i + 2 < c->toks.n && (c->toks.v[i + 1].flags & SPK_TF_CAP) &&
                      (spk_tok_lex(c, i + 1) & (SPK_LX_NOTNAME | SPK_LX_TITLE)) == SPK_LX_NOTNAME;
            if (adj && (b = spk_title_run(c, i + 2)) == i + 2)
                b = i + 1;
            if (b > i + 1 && !spk_name_word(c, b)) {
                if (spk_title_mention(c, i + 1, b, adj) < 0)
                    return -1;
                i = b - 1;
                continue;
            }
        } else if (spk_tok_is(c, i, "the") || spk_tok_is(c, i, "The")) {
            /* No roster: "The President said" in minutes that list nobody. */
            size_t b = spk_title_run(c, i + 1), e;
            if (b > i + 1 && !spk_name_word(c, b) && spk_in_body(c, c->toks.v[i].start) &&
                (e = spk_title_alone(c, i + 1, b, &rc)) != SPK_NONE) {
                if (spk_add_mention(c, i + 1, b, e) < 0)
                    rc = -1;
                i = b - 1;
            }
            if (rc < 0)
                return -1;
            continue;
        }
        if (!(c->toks.v[i].flags & SPK_TF_CAP) || spk_tok_n(c, i) < 2)
            continue;
        size_t e = spk_entity_of(c, i, &rc);
        if (rc < 0)
            return -1;
        if (e == SPK_NONE || e >= c->nents)
            continue;
        /* Take in the given names and initials written before the surname. */
        size_t a = i;
        const spk_entity *en = &c->ents[e];
        for (;;) {
            if (a >= 2 && spk_tok_punct(c, a - 1, '.') && spk_tok_n(c, a - 2) == 1 &&
                c->toks.v[a - 2].kind == SPK_TOK_WORD && (c->toks.v[a - 2].flags & SPK_TF_CAP) &&
                !c->tok_ment[a - 2] && spk_in_given(en, spk_tok_p(c, a - 2), 1))
                a -= 2;
            else if (a >= 1 && !c->tok_ment[a - 1] && spk_name_word(c, a - 1) &&
                     !(c->toks.v[a - 1].flags & SPK_TF_POSS) &&
                     spk_in_given(en, spk_tok_p(c, a - 1), spk_tok_n(c, a - 1)))
                a -= 1;
            else
                break;
        }
        if (spk_add_mention(c, a, i + 1, e) < 0)
            return -1;
    }
    /* A given name written later chose an entity's known person: its
     * earlier mentions name that person too. */
    for (size_t m = 0; c->late_person && m < c->out->nmentions; m++) {
        spk_mention *mt = &c->out->mentions[m];
        size_t e = c->tok_ent[spk_tok_at(c, mt->end) - 1];
        if (e != SPK_NONE)
            mt->person = c->ents[e].person;
    }
    return 0;
}
