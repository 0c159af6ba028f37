/*
 * speech.c — who says each sentence of the body.
 *
 * A sentence is "named" when a person is the subject of a speech verb in it
 * ("Nitze answered that", "Bessmertnykh, laughing, then said", "K said",
 * "I told him"); "carried" when it goes on in the voice of the last speaker
 * ("He commented that", a sentence of argument, a new paragraph that does
 * not name anyone).  When the document has a roster, only people on it
 * speak: "Gorbachev proposed that ..." inside the Ambassador's report is
 * still the Ambassador's.  Dialogue turns ("Gorbachev: ...", "K: ...") are
 * found line by line first (dialogue.c); quotations inside speech last
 * (quotes.c).
 */
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_doc.h"
#include "spk_speech.h"

/* Inline: asked of nearly every word of the body, and mostly "no" after a
 * look at its first character. */
static inline int spk_is_pronoun(const spk_ctx *c, size_t i, int *female)
{
    if (spk_tok_is(c, i, "He") || spk_tok_is(c, i, "he")) {
        *female = 0;
        return 1;
    }
    if (spk_tok_is(c, i, "She") || spk_tok_is(c, i, "she")) {
        *female = 1;
        return 1;
    }
    return 0;
}

/* Prepositions and verbs after which a name is an object, not a subject. */
static int spk_object_before(const spk_ctx *c, size_t i)
{
    static const char *const w[] = { "to", "from", "with", "by", "for", "of", "about", "on",
                                     "at", "than", "and", "asked", "told", "thanked", "like",
                                     "whom", "under", "between", NULL };
    if (i == 0 || c->toks.v[i - 1].kind != SPK_TOK_WORD)
        return 0;
    for (size_t k = 0; w[k]; k++)
        if (spk_tok_is(c, i - 1, w[k]))
            return 1;
    return 0;
}

/* Can a subject start at token I of a sentence starting at A?  At the
 * start, after punctuation or a conjunction; not inside a noun phrase ("the
 * idea the President conveyed") or a relative clause ("what the President
 * had conveyed"). */
static int spk_subject_place(const spk_ctx *c, size_t a, size_t i)
{
    static const char *const w[] = { "and", "but", "then", "so", "while", "when", "after",
                                     "before", "as", "because", "since", "although", "though",
                                     "whereupon", "however", "also", "if", "where", "once",
                                     "until", "yet", "or", "again", "later", "finally", "first",
                                     "next", "here", "there", "now", NULL };
    if (i <= a || c->toks.v[i - 1].kind == SPK_TOK_PUNCT)
        return 1;
    if (c->toks.v[i - 1].flags & SPK_TF_CAP)
        return 1; /* "Finally Nitze said", "In Moscow Gorbachev said" */
    for (size_t k = 0; w[k]; k++)
        if (spk_tok_is(c, i - 1, w[k]))
            return 1;
    return 0;
}

/* A person at token I: a mention's last token, a pronoun. */
static int spk_person_at(const spk_ctx *c, size_t i)
{
    int f;
    return i < c->toks.n && (c->tok_ent[i] != SPK_NONE || spk_is_pronoun(c, i, &f));
}

/* What follows a subject: a speech verb ("said"), a joint subject ("Nitze
 * and Simons agreed"), or another verb in the past tense that opens a turn
 * ("took this occasion to", "turned to Berlin and said", "wanted to draw
 * the Secretary's attention to"): an act, a speaker's turn only where the
 * subject opens the sentence. */
enum { SPK_V_NONE, SPK_V_VERB, SPK_V_JOINT, SPK_V_ACT };

int spk_past(const spk_ctx *c, size_t i)
{
    static const char *const irregular[] = { "said", "told", "spoke", "thought", "felt", "knew",
                                             "understood", "wrote", "began", "went", "put", "read",
                                             "shot", "summed", "took", "saw", "came", "gave", "made",
                                             "found", "held", "kept", "left", "met", "sent",
                                             "brought", "drew", "led", "got", "sat", "stood", NULL };
    const char *p = spk_tok_p(c, i);
    size_t n = spk_tok_n(c, i);
    if (n > 2 && p[n - 2] == 'e' && p[n - 1] == 'd')
        return 1;
    for (size_t k = 0; irregular[k]; k++)
        if (spk_tok_is(c, i, irregular[k]))
            return 1;
    return 0;
}

/* After the subject ending at token J (exclusive end B of the sentence):
 * fillers then a speech verb (SPK_V_VERB), or a verb in the past tense
 * that is none, perhaps after fillers that are ("then turned", "wanted to
 * draw": SPK_V_ACT).  *VERB gets the verb's token. */
static int spk_verb_run(const spk_ctx *c, size_t j, size_t b, size_t *verb)
{
    size_t past = SPK_NONE;
    for (size_t steps = 0; j < b && steps < 6; j++, steps++) {
        const spk_tok *t = &c->toks.v[j];
        if (t->kind != SPK_TOK_WORD)
            break;
        unsigned lex = spk_tok_lex(c, j);
        if ((lex & SPK_LX_VERB) && !(t->flags & SPK_TF_CAP)) {
            *verb = j;
            return SPK_V_VERB;
        }
        if (t->flags & SPK_TF_CAP)
            break;
        /* "had" and "did" are auxiliaries, not acts. */
        int act = spk_past(c, j) && !spk_tok_is(c, j, "had") && !spk_tok_is(c, j, "did");
        if (act && past == SPK_NONE)
            past = j;
        if (!(lex & SPK_LX_FILLER))
            break;
    }
    if (past == SPK_NONE)
        return SPK_V_NONE;
    *verb = past;
    return SPK_V_ACT;
}

/* Is there an auxiliary of reported speech ("would", "had", "should")
 * among the words right between the subject and its verb, tokens [J,
 * VERB)?  "The President would recall that", "Nitze had mentioned": the
 * speaker reports what the other said or should do, in the tense of
 * reported speech.  Not inside a parenthesis ("Nitze, citing the letter
 * which said the U.S. would act, asked"). */
static int spk_backshifted(const spk_ctx *c, size_t j, size_t verb)
{
    static const char *const aux[] = { "would", "had", "should", "could", "might", "must", NULL };
    int found = 0;
    for (; j < verb; j++) {
        if (c->toks.v[j].kind == SPK_TOK_PUNCT)
            return 0;
        for (size_t k = 0; aux[k] && !found; k++)
            found = spk_tok_is(c, j, aux[k]);
    }
    return found;
}

/* Is the subject ending at token K followed by its speech verb?  Looks
 * through a parenthetical between commas that opens with a lower-case word
 * ("Simons, referring to ..., said") or brackets. */
static int spk_verb_after(const spk_ctx *c, size_t k, size_t b, size_t *verb)
{
    size_t j = k + 1;
    /* "Ridgway and Matlock agreed": two speakers at once, no one's speech;
     * "Simons and Oakley would be our representatives" is no speech at all. */
    if (j + 1 < b && spk_tok_is(c, j, "and")) {
        size_t other = spk_person_at(c, j + 1) ? j + 1 : spk_person_at(c, j + 2) ? j + 2 : 0;
        size_t v;
        /* Only a narrated (past) exchange: "Hawes and Issraelyan discuss
         * CW" inside Ridgway's report is still Ridgway speaking. */
        if (other && spk_verb_run(c, other + 1, b, &v) == SPK_V_VERB && spk_past(c, v))
            return SPK_V_JOINT;
        return SPK_V_NONE;
    }
    if (j < b && spk_tok_punct(c, j, '(')) {
        size_t e = j;
        while (e < b && e < j + 40 && !spk_tok_punct(c, e, ')'))
            e++;
        j = e + 1;
    }
    int r = spk_verb_run(c, j, b, verb);
    if (r == SPK_V_VERB)
        return r;
    size_t act = *verb;
    for (int tries = 0; tries < 2 && j < b && spk_tok_punct(c, j, ','); tries++) {
        if (j + 1 >= b || c->toks.v[j + 1].kind != SPK_TOK_WORD ||
            (c->toks.v[j + 1].flags & SPK_TF_CAP))
            break;
        size_t e = j + 1;
        while (e < b && e < j + 40 && !spk_tok_punct(c, e, ','))
            e++;
        if (e >= b || !spk_tok_punct(c, e, ','))
            break;
        if (spk_verb_run(c, e + 1, b, verb) == SPK_V_VERB)
            return SPK_V_VERB;
        j = e;
    }
    *verb = act;
    return r;
}

/* Whether token I is a speaker's initials ("K", "HAK") written as a subject. */
static int spk_initials_word(const spk_ctx *c, size_t i)
{
    const spk_tok *t = &c->toks.v[i];
    size_t n = t->end - t->start;
    if (t->kind != SPK_TOK_WORD || n > 3 || !(t->flags & SPK_TF_CAP))
        return 0;
    if (n > 1 && !(t->flags & SPK_TF_ALLCAPS))
        return 0;
    return !(n == 1 && (c->t[t->start] == 'I' || c->t[t->start] == 'A'));
}

/* Is token I a word of TAB? */
static int spk_word_of(const spk_ctx *c, size_t i, const char *const *tab)
{
    for (size_t k = 0; tab[k]; k++)
        if (spk_tok_is(c, i, tab[k]))
            return 1;
    return 0;
}

/* Does the rest of the sentence after an act (the verb at token V, the
 * sentence ending before token B) say something: a speech verb ("handed it
 * to him and said"), "that" or "whether", a colon or a quotation, an
 * infinitive of intent ("took this occasion to indicate", "wanted to
 * draw"), a turn to a subject ("turned to China")?  "Zorin met Bohlen at
 * the airport." and "Zorin came to see me." say nothing. */
static int spk_act_says(const spk_ctx *c, size_t v, size_t b)
{
    static const char *const clause[] = { "that", "whether", "if", "why", "how", "what", NULL };
    /* Words an infinitive of the talk follows: "wanted to draw", "took
     * this occasion to remind" (not "came to see me"). */
    static const char *const intent[] = { "wanted", "wished", "tried", "began", "started",
                                          "proceeded", "sought", "occasion", "opportunity",
                                          "chance", "moment", "liberty", "effort", "efforts",
                                          "attempt", NULL };
    for (size_t j = v + 1; j < b; j++) {
        const spk_tok *t = &c->toks.v[j];
        if (t->kind == SPK_TOK_PUNCT) {
            if (t->c == ':' || spt_is_open_quote(t->c))
                return 1;
            continue;
        }
        if (t->flags & SPK_TF_CAP)
            continue;
        /* A speech verb as a verb ("and said", "by saying"), not as a
         * noun ("at his request"). */
        const char *p = spk_tok_p(c, j);
        size_t n = spk_tok_n(c, j);
        if ((spk_tok_lex(c, j) & SPK_LX_VERB) &&
            (spk_past(c, j) || (n > 4 && memcmp(p + n - 3, "ing", 3) == 0)))
            return 1;
        if (spk_word_of(c, j, clause))
            return 1;
        if (spk_tok_is(c, j, "to") && spk_word_of(c, j - 1, intent))
            return 1;
        /* "turned to China": a new subject of the talk. */
        if (spk_tok_is(c, j, "to") && (spk_tok_is(c, j - 1, "turned") || spk_tok_is(c, j - 1, "returned")))
            return 1;
    }
    return 0;
}

/* Does a subject whose first token is FIRST open the clause of the
 * sentence starting at token A: its first words, or after ", and" or ";"? */
static int spk_opens(const spk_ctx *c, size_t a, size_t first)
{
    size_t t;
    if (first > a && spk_title_before(c, first, &t) && t >= a)
        first = t; /* "Foreign Minister Zorin" */
    if (first > a && (spk_tok_is(c, first - 1, "The") || spk_tok_is(c, first - 1, "the")))
        first--;
    return first == a || spk_tok_punct(c, first - 1, ';') ||
           (first >= a + 2 && spk_tok_is(c, first - 1, "and") && spk_tok_punct(c, first - 2, ','));
}

/* Is the possessive subject at token K followed by a view ("D's impression
 * was that", "Zorin's answer is:")?  A noun or two, "was" or "is", then
 * "that" or a colon. */
static int spk_view_of(const spk_ctx *c, size_t k, size_t b)
{
    size_t j = k + 1;
    while (j < b && j < k + 3 && c->toks.v[j].kind == SPK_TOK_WORD && !(c->toks.v[j].flags & SPK_TF_CAP) &&
           !spk_tok_is(c, j, "was") && !spk_tok_is(c, j, "is"))
        j++;
    return j > k + 1 && j + 1 < b && (spk_tok_is(c, j, "was") || spk_tok_is(c, j, "is")) &&
           (spk_tok_is(c, j + 1, "that") || spk_tok_punct(c, j + 1, ':'));
}

/* The subject of sentence [A, B): its kind and person (*WHO), the verb
 * (*VERB), and whether an auxiliary of reported speech stands between them
 * (*SHIFTED). */
static int spk_subject_in(spk_ctx *c, size_t a, size_t b, size_t *who, size_t *verb, int *shifted)
{
    static const char *const openers[] = { "With", "On", "In", "Regarding", "Concerning", "About",
                                           "For", "At", "Throughout", "During", "Toward", "Towards",
                                           "Later", NULL };
    int seen = 0; /* a person met before */
    for (size_t k = a; k < b; k++) {
        const spk_tok *t = &c->toks.v[k];
        if (t->kind != SPK_TOK_WORD)
            continue;
        /* Most words are none of what follows, and this says so at once:
         * small letters (no "I", no initials), no person at or after them
         * ("..., said Nitze"), not "he" or "she". */
        if (!(t->flags & SPK_TF_CAP) && c->tok_ent[k] == SPK_NONE && t->c != 'h' && t->c != 's' &&
            (k + 1 >= b || c->tok_ent[k + 1] == SPK_NONE))
            continue;
        int female, r;
        if (k == a && (t->flags & SPK_TF_POSS) && spk_view_of(c, k, b)) {
            /* "Zorin's impression was that ...": the possessor speaks. */
            size_t e = c->tok_ent[k] != SPK_NONE ? c->tok_ent[k]
                       : spk_initials_word(c, k) ? spk_initials(c, k) : SPK_NONE;
            if (e != SPK_NONE) {
                *who = e;
                *verb = k;
                return SPK_SUBJ_NAME;
            }
        }
        if (c->tok_ent[k] != SPK_NONE && !(t->flags & SPK_TF_POSS)) {
            size_t first = k;
            while (first > a && c->tok_ment[first - 1])
                first--;
            if (first > a && (spk_tok_is(c, first - 1, "the") || spk_tok_is(c, first - 1, "The")))
                first--;
            /* "With respect to Berlin the Secretary inquired": the first
             * person after an opening phrase, no comma, is the subject. */
            int opener = 0;
            if (spk_object_before(c, first))
                continue;
            if (!spk_subject_place(c, a, first) &&
                !(opener = !seen && (spk_tok_lex(c, a) & SPK_LX_OPENS) && spk_word_of(c, a, openers)))
                continue;
            seen = 1;
            r = spk_verb_after(c, k, b, verb);
            if (r == SPK_V_JOINT)
                return SPK_SUBJ_JOINT;
            if (r == SPK_V_VERB ||
                (r == SPK_V_ACT && (opener || spk_opens(c, a, first)) && spk_act_says(c, *verb, b))) {
                *who = c->tok_ent[k];
                *shifted = spk_backshifted(c, k + 1, *verb);
                return SPK_SUBJ_NAME;
            }
        } else if (spk_is_pronoun(c, k, &female) && spk_subject_place(c, a, k)) {
            r = spk_verb_after(c, k, b, verb);
            if (r == SPK_V_JOINT)
                return SPK_SUBJ_JOINT;
            if (r == SPK_V_VERB) {
                *who = (size_t)female;
                return SPK_SUBJ_PRONOUN;
            }
        } else if (spk_tok_is(c, k, "I")) {
            r = spk_verb_after(c, k, b, verb);
            if ((r == SPK_V_VERB || (r == SPK_V_ACT && k == a && spk_act_says(c, *verb, b))) &&
                c->writer != SPK_NONE) {
                *who = c->writer;
                return SPK_SUBJ_NAME;
            }
        } else if (spk_initials_word(c, k) &&
                   ((r = spk_verb_after(c, k, b, verb)) == SPK_V_VERB ||
                    (r == SPK_V_ACT && k == a && spk_act_says(c, *verb, b)))) {
            size_t e = spk_initials(c, k);
            if (e != SPK_NONE) {
                *who = e;
                return SPK_SUBJ_NAME;
            }
        } else if (k > a && k + 1 < b && c->tok_ent[k + 1] != SPK_NONE &&
                   (spk_tok_lex(c, k) & SPK_LX_VERB) &&
                   (spk_tok_punct(c, k - 1, ',') || spt_is_close_quote(c->toks.v[k - 1].c))) {
            *who = c->tok_ent[k + 1]; /* "..., said Nitze." */
            *verb = k;
            return SPK_SUBJ_NAME;
        }
    }
    return SPK_SUBJ_NONE;
}

/* The subject of sentence [A, B), as spk_subject_in() finds it, but that
 * of the main clause after a subordinate one that opens the sentence ("As
 * the Secretary began to discuss Berlin, Zorin indicated ..."; none when
 * the main clause names nobody: "As the Ambassador had said, time was
 * short" goes on in the voice that recalls it), and none in a question
 * opened by an auxiliary ("Would Zorin agree?"), which the speaker asks of
 * the other. */
static int spk_subject(spk_ctx *c, size_t a, size_t b, size_t *who, size_t *verb, int *shifted)
{
    static const char *const subordinators[] = { "As", "Since", "When", "While", "After", "Although",
                                                 "Though", "Because", "If", "Before", "Once",
                                                 "Until", "Unless", "Whereas", NULL };
    static const char *const aux[] = { "Would", "Could", "Should", "Did", "Does", "Do", "Was", "Were",
                                       "Is", "Are", "Had", "Has", "Have", "Can", "Will", "Might",
                                       "May", NULL };
    *shifted = 0;
    if (a >= b || c->toks.v[a].kind != SPK_TOK_WORD || !(c->toks.v[a].flags & SPK_TF_CAP) ||
        !(spk_tok_lex(c, a) & SPK_LX_OPENS))
        return spk_subject_in(c, a, b, who, verb, shifted);
    if (spk_word_of(c, a, aux) && spk_tok_punct(c, b - 1, '?'))
        return SPK_SUBJ_NONE;
    if (spk_word_of(c, a, subordinators)) {
        size_t comma = a + 1;
        while (comma < b && comma < a + 40 && !spk_tok_punct(c, comma, ','))
            comma++;
        if (comma + 1 < b && spk_tok_punct(c, comma, ','))
            return spk_subject_in(c, comma + 1, b, who, verb, shifted);
    }
    return spk_subject_in(c, a, b, who, verb, shifted);
}

/* Is sentence [A, B) (tokens [TA, TB)) a heading or an editor's note rather
 * than something said? */
static int spk_not_speech(const spk_ctx *c, size_t a, size_t b, size_t ta, size_t tb,
                          int whole_paragraph)
{
    if (ta >= tb)
        return 1;
    const spk_tok *first = &c->toks.v[ta];
    if (first->kind == SPK_TOK_PUNCT && (first->c == '(' || first->c == '['))
        return 1;
    if (spk_tok_is(c, ta, "NOTE") || spk_tok_is(c, ta, "Note"))
        return 1;
    if (!whole_paragraph || tb - ta > 12)
        return 0;
    size_t w, at = b;
    while (at > a && ((unsigned char)c->t[at - 1] & 0xC0) == 0x80)
        at--;
    uint32_t last = at > a ? spt_decode(c->t, b, at - 1, &w) : 0;
    return !(last == '.' || last == '?' || last == '!' || last == ':' || spt_is_close_quote(last) ||
             last == 0x2019 || last == ')' || (last >= '0' && last <= '9'));
}

int spk_add_speech(spk_ctx *c, size_t start, size_t end, size_t e, int how)
{
    spk_result *r = c->out;
    if (spt_grow((void **)&r->speech, &r->capspeech, r->nspeech, sizeof *r->speech) < 0)
        return -1;
    spk_speech s = { start, end, SPK_NONE, { 0, 0 }, how };
    if (e != SPK_NONE) {
        const spk_entity *en = &c->ents[e];
        s.participant = en->participant;
        s.name = en->surname;
        if (en->participant != SPK_NONE && c->out->parts[en->participant].surname.n)
            s.name = c->out->parts[en->participant].surname;
    }
    r->speech[r->nspeech++] = s;
    return 0;
}

/* The speaker a carried sentence [TA, TB) goes on with: CUR, unless its
 * first pronoun says otherwise ("She" after a man spoke). */
static size_t spk_carry(spk_ctx *c, size_t ta, size_t tb, size_t cur, const size_t last[2])
{
    for (size_t k = ta; k < tb && k < ta + 30; k++) {
        /* Every word asked about below starts with h or s. */
        uint32_t first = c->toks.v[k].c | 0x20;
        if (first != 'h' && first != 's')
            continue;
        int female;
        if (spk_tok_is(c, k, "Her") || spk_tok_is(c, k, "her"))
            female = 1;
        else if (spk_tok_is(c, k, "His") || spk_tok_is(c, k, "his"))
            female = 0;
        else if (!spk_is_pronoun(c, k, &female))
            continue;
        if (female && !c->ents[cur].female) {
            if (last[1] != SPK_NONE && last[1] != cur)
                return last[1];
            if (last[1] == SPK_NONE)
                c->ents[cur].female = 1; /* the first "she": learn it */
        } else if (!female && c->ents[cur].female && last[0] != SPK_NONE) {
            return last[0];
        }
        break;
    }
    return cur;
}

/* The person a sentence [TA, TB) opens with ("The Ambassador called",
 * "Zorin arrived"), or SPK_NONE. */
static size_t spk_opening_person(const spk_ctx *c, size_t ta, size_t tb)
{
    size_t k = ta;
    if (k < tb && (spk_tok_is(c, k, "The") || spk_tok_is(c, k, "the")))
        k++;
    while (k < tb && c->tok_ment[k] && c->tok_ent[k] == SPK_NONE)
        k++;
    return k < tb && c->tok_ment[k] ? c->tok_ent[k] : SPK_NONE;
}

/* Whom the writer last named in [TA, TB), into *NAMED: his counterpart
 * when nobody else (OTHER) has spoken yet ("I saw Zorin. I told him ... He
 * replied ...", "Saw Zorin this morning. He said ..."). */
static void spk_writer_named(const spk_ctx *c, size_t ta, size_t tb, size_t other, size_t *named)
{
    if (c->writer != SPK_NONE && other == SPK_NONE)
        for (size_t k = ta; k < tb; k++)
            if (c->tok_ent[k] != SPK_NONE && c->tok_ent[k] != c->writer)
                *named = c->tok_ent[k];
}

static int spk_cmp_speech(const void *x, const void *y)
{
    const spk_speech *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return 0;
}

int spk_attribute(spk_ctx *c)
{
    spk_turns turns;
    spk_turns_init(&turns);
    int rc = -1;
    if (!(c->initials = spk_initials_new(c)) || spk_dialogue(c, &turns) < 0)
        goto done;
    const spk_spans *sents = c->in->sentences, *paras = c->in->paragraphs;
    size_t cur = SPK_NONE, last[2] = { SPK_NONE, SPK_NONE }, other = SPK_NONE, narrated = SPK_NONE,
           named = SPK_NONE;
    size_t turn = 0, para = 0, qpos = 0, cur_para = SPK_NONE, tok = 0;
    int roster = c->out->nparts > 0 || turns.n > 0;
    /* The writer's one counterpart, before anyone else has spoken: the
     * other of two participants. */
    if (c->writer != SPK_NONE && c->out->nparts == 2 && c->part_ent[0] != c->part_ent[1])
        other = c->part_ent[c->part_ent[0] == c->writer ? 1 : 0];
    for (size_t s = 0; sents && s < sents->n; s++) {
        size_t a = sents->v[s].start, b = sents->v[s].end;
        if (!spk_in_body(c, a))
            continue;
        while (paras && para < paras->n && paras->v[para].end <= a)
            para++;
        int in_para = paras && para < paras->n && paras->v[para].start <= a;
        if (!roster && in_para && para != cur_para)
            cur = SPK_NONE; /* without a roster, speech does not run on across paragraphs */
        if (in_para)
            cur_para = para;
        while (turn < turns.n && turns.v[turn].end <= a)
            turn++;
        if (turn < turns.n && turns.v[turn].label <= a) {
            cur = turns.v[turn].who; /* inside a dialogue turn: the turn says it */
            continue;
        }
        size_t ta = spk_tok_from(c, a, tok), tb = spk_tok_from(c, b, ta);
        tok = tb; /* the next sentence starts at or after this one's end */
        int whole = in_para && paras->v[para].start == a && paras->v[para].end == b;
        if (spk_not_speech(c, a, b, ta, tb, whole)) {
            spk_writer_named(c, ta, tb, other, &named);
            continue;
        }
        size_t who = SPK_NONE, verb = SPK_NONE, speaker = SPK_NONE;
        int how = SPK_CARRIED, shifted = 0;
        /* A sentence that starts inside a quotation ("Good. I will tell
         * Shevardnadze ...") goes on in the quoted voice, whoever it names. */
        int quoted = c->out->nspeech && c->out->speech[c->out->nspeech - 1].how == SPK_QUOTED &&
                     c->out->speech[c->out->nspeech - 1].end > a;
        switch (quoted ? SPK_SUBJ_NONE : spk_subject(c, ta, tb, &who, &verb, &shifted)) {
        case SPK_SUBJ_NAME:
            if ((c->out->nparts && c->ents[who].participant == SPK_NONE && cur != SPK_NONE &&
                 who != c->writer) ||
                (shifted && cur != SPK_NONE && who != cur)) {
                /* Someone absent, quoted by the one speaking; someone
                 * present whom the speaker reports ("The President would
                 * recall that ..."). */
                speaker = cur;
            } else {
                speaker = who;
                how = verb + 1 < tb && spk_tok_punct(c, verb + 1, ':') ? SPK_DIALOGUE : SPK_NAMED;
            }
            break;
        case SPK_SUBJ_JOINT:
            continue;
        case SPK_SUBJ_PRONOUN:
            /* "He replied" right after the writer's own turn ("I told him
             * ...") is the other party: the writer calls himself "I". */
            if (cur != SPK_NONE && cur == c->writer && (other != SPK_NONE || named != SPK_NONE)) {
                speaker = other != SPK_NONE ? other : named;
                how = SPK_CARRIED;
                break;
            }
            /* "The Ambassador called at his request. He said ...": before
             * anyone has spoken, "he" is whom the sentence before was about. */
            if (cur == SPK_NONE && narrated != SPK_NONE) {
                speaker = narrated;
                break;
            }
            /* "Saw Varga this morning. He said ...": in a first-person
             * report, before anyone has spoken, the man the writer named. */
            if (cur == SPK_NONE && named != SPK_NONE) {
                speaker = named;
                break;
            }
            /* fall through */
        default: /* a pronoun, or nobody named: the last speaker goes on */
            if (cur != SPK_NONE)
                speaker = spk_carry(c, ta, tb, cur, last);
            break;
        }
        spk_writer_named(c, ta, tb, other, &named);
        if (speaker == SPK_NONE) {
            narrated = spk_opening_person(c, ta, tb);
            continue;
        }
        narrated = SPK_NONE;
        cur = speaker;
        if (speaker != c->writer)
            other = speaker;
        last[c->ents[speaker].female ? 1 : 0] = speaker;
        if (spk_add_speech(c, a, b, speaker, how) < 0 ||
            spk_quotes(c, ta, tb, in_para ? paras->v[para].end : b, speaker, &qpos) < 0)
            goto done;
    }
    for (size_t i = 0; i < turns.n; i++)
        if (spk_add_speech(c, turns.v[i].start, turns.v[i].end, turns.v[i].who, SPK_DIALOGUE) < 0)
            goto done;
    if (c->out->nspeech > 1)
        qsort(c->out->speech, c->out->nspeech, sizeof *c->out->speech, spk_cmp_speech);
    rc = 0;
done:
    spk_initials_free(c->initials);
    c->initials = NULL;
    spk_turns_free(&turns);
    return rc;
}
