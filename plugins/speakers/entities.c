/*
 * entities.c — the people of one document: who is a person, and which
 * entity a name stands for.
 *
 * Without a list of known people the text itself says who is a person: a
 * name written after a title ("Ambassador Hartman", "Secretary of State
 * Shultz"), a name in brackets after a description ("... Affairs
 * (Poindexter)"), a name that speaks ("Gorbachev said"), a dialogue label
 * ("Kissinger:").  Once a surname is a person, every other place it is
 * written is a mention of that person.
 */
#include <string.h>
#include "spk_doc.h"

/* Title words that only qualify another ("Foreign Minister", "Deputy
 * Director"): alone they make no title ("Foreign Policy"). */
static int spk_title_modifier(const spk_ctx *c, size_t i)
{
    static const char *const mods[] = { "Foreign", "Deputy", "Under", "Vice", "Special", "Second",
                                        "First", "Third", "Senior", "Acting", "Executive",
                                        "Political", "Economic", "Military", "Press", "Science",
                                        "Naval", "Air", "Army", "Defense", "Defence", "Principal",
                                        "Permanent", "Field", "Rear", "Crown", "Assistant", NULL };
    for (size_t k = 0; mods[k]; k++)
        if (spk_tok_is(c, i, mods[k]))
            return 1;
    return 0;
}

/* See spk_doc.h. */
int spk_initial_before(const spk_ctx *c, size_t i)
{
    if (i < 2 || !spk_tok_punct(c, i - 1, '.'))
        return 0;
    const spk_tok *k = &c->toks.v[i - 2];
    return k->kind == SPK_TOK_WORD && (k->flags & SPK_TF_CAP) && k->end - k->start == 1;
}

static int spk_particle(const spk_ctx *c, size_t i)
{
    static const char *const parts[] = { "de", "da", "di", "du", "van", "von", "der",
                                         "den", "la", "le", "al", "bin", "ibn", "y", NULL };
    for (size_t k = 0; parts[k]; k++)
        if (spk_tok_is(c, i, parts[k]))
            return 1;
    return 0;
}

/* The known person for SURNAME (its last word is KEY) written with GIVEN
 * (may be empty): the only one of that name, or the one whose given name or
 * nickname matches; SPK_NONE when there is none or no way to choose. */
static size_t spk_person_for(const spk_ctx *c, spk_str key, spk_str given)
{
    const spk_people *pp = c->cfg->people;
    if (!pp || !pp->by_key || !key.n)
        return SPK_NONE;
    size_t it = 0, v, found = SPK_NONE, count = 0, match = SPK_NONE;
    const char *g = given.p;
    size_t gn = 0;
    while (gn < given.n && g[gn] != ' ' && g[gn] != '.')
        gn++;
    while (spk_names_find(pp->by_key, key.p, key.n, &it, &v) == 0) {
        const spk_person *q = &pp->v[v];
        if (found != SPK_NONE && q->id.n == pp->v[found].id.n &&
            memcmp(q->id.p, pp->v[found].id.p, q->id.n) == 0)
            continue; /* a variant spelling of the same person */
        found = v;
        count++;
        if (gn) {
            size_t qn = 0;
            while (qn < q->given.n && q->given.p[qn] != ' ' && q->given.p[qn] != '.')
                qn++;
            if ((qn && spk_names_equal(q->given.p, qn, g, gn)) ||
                (q->nick.n && spk_names_equal(q->nick.p, q->nick.n, g, gn)))
                match = v;
        }
    }
    if (count == 1)
        return found;
    return match;
}

/* Entity E is written with the given name GIVEN (may be empty): keep it
 * when E had none, and let it choose E's known person when the surname
 * alone could not ("Secretary of State Shultz", then "George Shultz", with
 * George and Helena Shultz in the list). */
static void spk_entity_given(spk_ctx *c, size_t e, spk_str given)
{
    spk_entity *en = &c->ents[e];
    if (!given.n)
        return;
    if (!en->given.n)
        en->given = given;
    if (en->person == SPK_NONE && c->cfg->people &&
        (en->person = spk_person_for(c, en->surname, given)) != SPK_NONE)
        c->late_person = 1;
}

size_t spk_entity_add(spk_ctx *c, spk_str surname, spk_str given, int *rc)
{
    size_t it = 0, e;
    if (spk_names_find(c->names, surname.p, surname.n, &it, &e) == 0) {
        spk_entity_given(c, e, given);
        return e;
    }
    if (spt_grow((void **)&c->ents, &c->capents, c->nents, sizeof *c->ents) < 0 ||
        spk_names_add(c->names, surname.p, surname.n, c->nents) < 0) {
        *rc = -1;
        return SPK_NONE;
    }
    spk_entity *en = &c->ents[c->nents];
    memset(en, 0, sizeof *en);
    en->surname = surname;
    en->given = given;
    en->participant = SPK_NONE;
    en->title_tok = SPK_NONE;
    en->person = spk_person_for(c, surname, given);
    return c->nents++;
}

size_t spk_entity_of(spk_ctx *c, size_t i, int *rc)
{
    const char *p = spk_tok_p(c, i);
    size_t n = spk_tok_n(c, i), it = 0, e;
    uint64_t h = c->toks.v[i].hash;
    /* The name word before is a given name, unless it opens a question
     * ("Is Chebrikov sure ...?") or ends a title ("Secretary of the
     * Interior Udall"). */
    int given_before = i > 0 && spk_name_word(c, i - 1) && !(spk_tok_lex(c, i - 1) & SPK_LX_OPENS) &&
                       !(i >= 2 && (spk_tok_is(c, i - 2, "of") || spk_tok_is(c, i - 2, "the")));
    if (spk_names_find_h(c->names, h, p, n, &it, &e) == 0) {
        if (c->ents[e].person == SPK_NONE && given_before)
            spk_entity_given(c, e, (spk_str){ spk_tok_p(c, i - 1), spk_tok_n(c, i - 1) });
        return e;
    }
    const spk_people *pp = c->cfg->people;
    if (!pp || !pp->by_key || !spk_name_word(c, i) || !spk_names_has_h(pp->by_key, h, p, n))
        return SPK_NONE;
    spk_str given = { 0, 0 };
    if (given_before)
        given = (spk_str){ spk_tok_p(c, i - 1), spk_tok_n(c, i - 1) };
    return spk_entity_add(c, (spk_str){ p, n }, given, rc);
}

int spk_title_before(const spk_ctx *c, size_t i, size_t *first)
{
    size_t k = i, got = 0, core = 0;
    while (k > 0) {
        size_t j = k - 1;
        const spk_tok *t = &c->toks.v[j];
        if (t->kind == SPK_TOK_WORD && (t->flags & SPK_TF_CAP) && !(t->flags & SPK_TF_POSS) &&
            (spk_tok_lex(c, j) & SPK_LX_TITLE)) {
            k = j;
            got = 1;
            if (!spk_title_modifier(c, j))
                core = 1;
            continue;
        }
        /* "Dr.", "Gen." and "Minister-Counselor": punctuation inside a title. */
        if (got && j > 0 && (spk_tok_punct(c, j, '-') || spk_tok_punct(c, j, '/')) &&
            (spk_tok_lex(c, j - 1) & SPK_LX_TITLE)) {
            k = j;
            continue;
        }
        if (spk_tok_punct(c, j, '.') && j > 0 && !got && (spk_tok_lex(c, j - 1) & SPK_LX_TITLE)) {
            k = j;
            continue;
        }
        /* "Secretary of State Shultz", "Chief of Staff Regan", "Secretary
         * of the Interior Udall". */
        size_t of = j >= 2 && spk_tok_is(c, j - 1, "the") ? j - 2 : j - 1;
        if (j >= 2 && of >= 1 && t->kind == SPK_TOK_WORD && (t->flags & SPK_TF_CAP) &&
            spk_tok_is(c, of, "of") && (spk_tok_lex(c, of - 1) & SPK_LX_TITLE)) {
            k = of - 1;
            got = core = 1;
            continue;
        }
        break;
    }
    if (got && core)
        *first = k;
    return got && core;
}

/* The first token of the name that ends at token I: given names, initials
 * and particles before the surname. */
static size_t spk_name_start(const spk_ctx *c, size_t i)
{
    size_t s = i;
    /* A name does not run back over a line break ("Halloran" ending a list,
     * "Lindquist" opening the body). */
    while (!(c->toks.v[s].flags & SPK_TF_LINE)) {
        if (s > 0 && spk_name_word(c, s - 1) && !(c->toks.v[s - 1].flags & SPK_TF_POSS))
            s--;
        else if (spk_initial_before(c, s))
            s -= 2;
        else if (s > 0 && spk_particle(c, s - 1) && s - 1 > 0 && spk_name_word(c, s - 2))
            s--;
        else
            break;
    }
    return s;
}

static int spk_female_title(const spk_ctx *c, size_t a, size_t b)
{
    static const char *const fem[] = { "Mrs", "Ms", "Miss", "Madame", "Mme", "Lady",
                                       "Queen", "Congresswoman", "Chairwoman", NULL };
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; fem[k]; k++)
            if (spk_tok_is(c, i, fem[k]))
                return 1;
    return 0;
}

int spk_verb_follows(const spk_ctx *c, size_t i, int any_past)
{
    for (size_t k = i + 1, steps = 0; k < c->toks.n && steps < 5; k++, steps++) {
        const spk_tok *t = &c->toks.v[k];
        if (t->kind != SPK_TOK_WORD || (t->flags & SPK_TF_CAP))
            return 0;
        unsigned lex = spk_tok_lex(c, k);
        if ((lex & SPK_LX_VERB) || (any_past && spk_tok_n(c, k) > 3 && spk_past(c, k)))
            return 1;
        if (!(lex & SPK_LX_FILLER))
            return 0;
    }
    return 0;
}

/* Does a verb follow the relative clause after token I: "Semenov, who was
 * present, added ..."?  Only "who" (a person's relative pronoun), and the
 * clause closes with a comma within a dozen words of one sentence. */
static int spk_verb_after_who(const spk_ctx *c, size_t i)
{
    if (!spk_tok_punct(c, i + 1, ',') || !(spk_tok_is(c, i + 2, "who") || spk_tok_is(c, i + 2, "whom")))
        return 0;
    for (size_t k = i + 3; k < c->toks.n && k < i + 16; k++) {
        if (spk_tok_punct(c, k, ','))
            return spk_verb_follows(c, k, 1);
        if (c->toks.v[k].kind == SPK_TOK_PUNCT && (c->toks.v[k].c == '.' || c->toks.v[k].c == ';'))
            return 0;
    }
    return 0;
}

/* Let the title P[0, N) name entity E, unless another is written with it
 * more often. */
static int spk_title_names(spk_ctx *c, const char *p, size_t n, size_t e)
{
    size_t *v = spk_names_value(c->text_titles, p, n);
    if (!v)
        return spk_names_add(c->text_titles, p, n, e);
    if (*v != e && c->ents[*v].titled < c->ents[e].titled)
        *v = e;
    return 0;
}

/* Register the name ending at token I (first token S) as a person, with the
 * title tokens [TA, TB) before it when there is one. */
int spk_register_name(spk_ctx *c, size_t s, size_t i, size_t ta, size_t tb)
{
    int rc = 0;
    spk_str surname = { spk_tok_p(c, i), spk_tok_n(c, i) };
    spk_str given = { 0, 0 };
    if (s < i)
        given = (spk_str){ spk_tok_p(c, s), c->toks.v[i - 1].end - c->toks.v[s].start };
    size_t e = spk_entity_add(c, surname, given, &rc);
    if (e == SPK_NONE)
        return rc;
    spk_entity *en = &c->ents[e];
    if (c->toks.v[i].start < c->body_start)
        en->early = 1;
    if (ta < tb) {
        if (en->title_tok == SPK_NONE)
            en->title_tok = ta;
        /* "Ambassador and Mrs. Zarubin" names a man and his wife: the
         * surname stays his. */
        int couple = ta >= 2 && spk_tok_is(c, ta - 1, "and") &&
                     ((spk_tok_lex(c, ta - 2) & SPK_LX_TITLE) || spk_tok_punct(c, ta - 2, '.'));
        if (!couple && spk_female_title(c, ta, tb))
            en->female = 1;
        const char *p = spk_tok_p(c, ta);
        size_t n = c->toks.v[tb - 1].end - c->toks.v[ta].start;
        /* A title names the one written with it most often, a name that
         * speaks ("President Nixon said") counting thrice: the one present
         * is the one the memorandum shows talking, not the first
         * "President X" it happens to name.  The first on a tie.  A map,
         * not a list of every use. */
        en->titled += 1 + 2 * (size_t)spk_verb_follows(c, i, 0);
        if (spk_title_names(c, p, n, e) < 0)
            return -1;
        /* "Secretary of State Rusk" is also "the Secretary". */
        for (size_t k = ta + 1; k + 1 < tb; k++)
            if (spk_tok_is(c, k, "of"))
                return spk_title_names(c, p, c->toks.v[k - 1].end - c->toks.v[ta].start, e);
    }
    return 0;
}

/* The sender of the head's "From ... to": a name right before the
 * addressee's "to", after a title word, is a person, whatever the title
 * ("Soviet Foreign Policy Assistant Chernyayev", where a modifier alone
 * makes no title elsewhere).  "From the Embassy in Kabul to" names no
 * person: no title word before the name. */
static int spk_register_sender(spk_ctx *c)
{
    size_t a, b;
    if (!spk_head_sender(c, &a, &b) || b <= a || !spk_name_word(c, b - 1))
        return 0;
    size_t s = spk_name_start(c, b - 1);
    if (s <= a || !(spk_tok_lex(c, s - 1) & SPK_LX_TITLE))
        return 0;
    return spk_register_name(c, s, b - 1, 0, 0);
}

/* The signer: the last name of a signature section ("Bohlen") is a person. */
static int spk_register_signer(spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    for (size_t s = 0; secs && s < secs->n; s++) {
        if (secs->v[s].kind != SPK_SEC_SIGNATURE)
            continue;
        size_t a = spk_tok_at(c, secs->v[s].start), b = spk_tok_at(c, secs->v[s].end);
        while (b > a && !spk_name_word(c, b - 1))
            b--;
        if (b > a && spk_register_name(c, spk_name_start(c, b - 1), b - 1, 0, 0) < 0)
            return -1;
    }
    return 0;
}

/* Are A[0, AN) and B[0, BN) one edit apart: one letter changed, added or
 * dropped, or two neighbours swapped ("Kampleman", "Kampelman")? */
static int spk_one_edit(const char *a, size_t an, const char *b, size_t bn)
{
    if (an < bn) {
        const char *t = a;
        size_t tn = an;
        a = b, an = bn, b = t, bn = tn;
    }
    if (an - bn > 1)
        return 0;
    size_t k = 0;
    while (k < bn && a[k] == b[k])
        k++;
    if (k == bn)
        return an != bn; /* equal is no edit */
    if (an > bn)
        return memcmp(a + k + 1, b + k, bn - k) == 0;
    if (memcmp(a + k + 1, b + k + 1, bn - k - 1) == 0)
        return 1;
    return k + 1 < bn && a[k] == b[k + 1] && a[k + 1] == b[k] &&
           memcmp(a + k + 2, b + k + 2, bn - k - 2) == 0;
}

/* The participant the unknown surname at token I misspells, within one
 * edit, when no other participant is as close; SPK_NONE otherwise.  Short
 * names are left alone: one edit turns "Hart" into "Hurt".  See
 * spk_doc.h. */
size_t spk_misspelt(const spk_ctx *c, size_t i)
{
    const char *p = spk_tok_p(c, i);
    size_t n = spk_tok_n(c, i), found = SPK_NONE, it = 0, e;
    if (n < 5 || !c->out->nparts ||
        spk_names_find_h(c->names, c->toks.v[i].hash, p, n, &it, &e) == 0)
        return SPK_NONE;
    for (size_t k = 0; k < c->out->nparts; k++) {
        spk_str sur = c->out->parts[k].surname;
        size_t pe = c->part_ent[k];
        if (sur.n < 5 || pe == found || !spk_one_edit(p, n, sur.p, sur.n))
            continue;
        if (found != SPK_NONE)
            return SPK_NONE; /* two are as close: say nothing */
        found = pe;
    }
    return found;
}

/* Is the capitalised "-ing" word at token I written where only a name
 * stands: after a word in small letters that is no determiner ("to
 * Jarring", "auspices of Jarring", not "the Planning staff"), before no
 * capitalised word and within its line, and not in a heading in capitals
 * and small letters ("Talks on Disarmament Under Jarring")? */
static int spk_bare_ing(const spk_ctx *c, size_t i)
{
    static const char *const det[] = { "the", "a", "an", "this", "that", "these", "those", "its",
                                       "his", "her", "their", "our", "your", "my", "any", "no",
                                       "each", "every", "some", NULL };
    size_t n = spk_tok_n(c, i);
    const spk_tok *prev = &c->toks.v[i - 1];
    /* The word before in small letters, not a number ("Peking.2 Judging"). */
    if (n < 5 || memcmp(spk_tok_p(c, i) + n - 3, "ing", 3) != 0 || prev->kind != SPK_TOK_WORD ||
        c->t[prev->start] < 'a' || c->t[prev->start] > 'z' || (c->toks.v[i].flags & SPK_TF_LINE))
        return 0;
    for (size_t k = 0; det[k]; k++)
        if (spk_tok_is(c, i - 1, det[k]))
            return 0;
    if (i >= 2 && c->toks.v[i - 2].kind == SPK_TOK_WORD && (c->toks.v[i - 2].flags & SPK_TF_CAP) &&
        !(c->toks.v[i - 2].flags & SPK_TF_ALLCAPS))
        return 0;
    return i + 1 >= c->toks.n ||
           (!(c->toks.v[i + 1].flags & SPK_TF_LINE) && !(c->toks.v[i + 1].flags & SPK_TF_CAP));
}

/* See spk_doc.h. */
void spk_promote_nounish(spk_ctx *c)
{
    for (size_t i = 1; i < c->toks.n; i++) {
        const spk_tok *t = &c->toks.v[i];
        if (!(t->flags & SPK_TF_CAP) || (t->flags & SPK_TF_ALLCAPS) || t->end - t->start < 4)
            continue;
        /* After a word in small letters no title stands before it, but
         * a bare "-ing" name may. */
        int bare = c->toks.v[i - 1].kind == SPK_TOK_WORD && !(c->toks.v[i - 1].flags & SPK_TF_CAP);
        size_t ta;
        if ((bare && !spk_bare_ing(c, i)) ||
            (spk_tok_lex(c, i) & (SPK_TL_NAME | SPK_LX_TITLE | SPK_LX_NOTNAME | SPK_LX_VERB)) ||
            (i + 1 < c->toks.n && (c->toks.v[i + 1].flags & SPK_TF_CAP)) ||
            (!bare && !spk_title_before(c, i, &ta)))
            continue;
        const char *p = spk_tok_p(c, i);
        size_t n = spk_tok_n(c, i);
        for (size_t j = 0; j < c->toks.n; j++) {
            spk_tok *k = &c->toks.v[j];
            if (k->c == t->c && k->end - k->start == n && memcmp(c->t + k->start, p, n) == 0)
                k->lex = (uint16_t)(spk_tok_lex(c, j) | SPK_TL_NAME);
        }
    }
}

int spk_register(spk_ctx *c)
{
    if (spk_register_sender(c) < 0 || spk_register_signer(c) < 0)
        return -1;
    for (size_t i = 0; i < c->toks.n; i++) {
        if (!spk_name_word(c, i) || (i + 1 < c->toks.n && spk_name_word(c, i + 1) &&
                                     !(c->toks.v[i].flags & SPK_TF_POSS)) ||
            (!(c->toks.v[i].flags & SPK_TF_POSS) && spk_initial_before(c, i + 3) && spk_name_word(c, i + 3)))
            continue; /* not the last word of a name ("William" of "William P. Rogers") */
        size_t s = spk_name_start(c, i), ta;
        /* "Secretary of the Interior Udall": the words after "of" are the
         * title's, not given names. */
        if (s < i && s > 0 && (spk_tok_is(c, s - 1, "of") || spk_tok_is(c, s - 1, "the")))
            for (size_t k = s + 1; k <= i; k++)
                if (spk_title_before(c, k, &ta)) {
                    s = k;
                    break;
                }
        if (spk_title_before(c, s, &ta)) {
            if (spk_register_name(c, s, i, ta, s) < 0)
                return -1;
            /* "Ambassadors Grinevsky and Barry": a plural title covers both. */
            const spk_tok *last = &c->toks.v[s - 1];
            if (c->t[last->end - 1] == 's' && i + 2 < c->toks.n && spk_tok_is(c, i + 1, "and") &&
                spk_name_word(c, i + 2) && spk_register_name(c, i + 2, i + 2, 0, 0) < 0)
                return -1;
            continue;
        }
        /* "... National Security Affairs (Poindexter)". */
        if (s == i && i >= 2 && spk_tok_punct(c, i - 1, '(') && i + 1 < c->toks.n &&
            spk_tok_punct(c, i + 1, ')') && c->toks.v[i - 2].kind == SPK_TOK_WORD) {
            if (spk_register_name(c, i, i, 0, 0) < 0)
                return -1;
            continue;
        }
        /* "Jack Matlock": a common given name before it. */
        if (s < i && (spk_tok_lex(c, s) & SPK_LX_GIVEN)) {
            if (spk_register_name(c, s, i, 0, 0) < 0)
                return -1;
            continue;
        }
        /* "the Karpov-Kampelman level": two names joined by a hyphen.  Not
         * a place's or a compound's halves ("Viet-Nam", "Four-Power"):
         * names have four letters or more. */
        if (s == i && i >= 2 && spk_tok_punct(c, i - 1, '-') && spk_name_word(c, i - 2) &&
            c->toks.v[i - 1].start == c->toks.v[i - 2].end && c->toks.v[i].start == c->toks.v[i - 1].end &&
            spk_tok_n(c, i) >= 4 && spk_tok_n(c, i - 2) >= 4) {
            if (spk_register_name(c, i - 2, i - 2, 0, 0) < 0 || spk_register_name(c, i, i, 0, 0) < 0)
                return -1;
            continue;
        }
        /* A name that speaks or acts, not after "the": "Gorbachev said",
         * "Poindexter initialed"; a dialogue label: "Kissinger:". */
        int after_the = s > 0 && (spk_tok_is(c, s - 1, "the") || spk_tok_is(c, s - 1, "The") ||
                                  spk_tok_is(c, s - 1, "a") || spk_tok_is(c, s - 1, "A"));
        int poss = c->toks.v[i].flags & SPK_TF_POSS;
        if (!after_the && !poss) {
            /* A label of one word: "Human Rights:" is a heading, and a
             * speaker's full name as a label comes with a given name or a
             * title, taken above.  With a list of known people, the list
             * says whether a bare label is a person ("Nicaragua:" is not):
             * the mentions find those it names. */
            int label = s == i && !c->cfg->people && (c->toks.v[s].flags & SPK_TF_LINE) &&
                        i + 1 < c->toks.n &&
                        spk_tok_punct(c, i + 1, ':') && !(c->toks.v[i + 1].flags & SPK_TF_LINE) &&
                        spk_in_body(c, c->toks.v[i].start);
            if (!label && !spk_verb_follows(c, i, 1) && !spk_verb_after_who(c, i))
                continue;
            /* "Kampleman said" at a meeting with Kampelman: the same man. */
            size_t e = s == i ? spk_misspelt(c, i) : SPK_NONE;
            if (e != SPK_NONE ? spk_names_add(c->names, spk_tok_p(c, i), spk_tok_n(c, i), e) < 0
                              : spk_register_name(c, s, i, 0, 0) < 0)
                return -1;
        }
    }
    return 0;
}
