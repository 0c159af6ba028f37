/*
 * cues.c — more people, from cues weaker than a title or a speech verb.
 *
 * spk_register() learns who is a person from strong cues; a document then
 * often writes others bare ("Shultz told Dobrynin", "prepared by Linhard,
 * Matlock, and Kraemer").  Three general cues catch most of them without a
 * list of known people:
 *   - the object of a verb or noun that takes a person: "told Dobrynin",
 *     "meeting with Shevardnadze", "letter to Gorbachev";
 *   - the agents of a source note: "Drafted by Parris; cleared by Simons";
 *   - a list ("A, B, and C", "A and B") one of whose names is a person
 *     makes the others persons: lists do not mix people and places; a
 *     list of three or more names is people;
 *   - a possessive before what only people have: "Zorin's remarks";
 *   - the one quoted inside speech: "quoted Lenin as saying";
 *   - a participant's surname misspelt: "Kampleman’s proposal";
 *   - the name that opens an archival collection: "Nixon Presidential
 *     Materials", "Dulles Papers" (not "Reagan Library": the library of an
 *     administration, which the editors do not write as a person);
 *   - the shape of the surname itself: Russian and Georgian surnames
 *     ("Sakharov", "Brezhnev", "Zagladin", "Kosygin", "Kovalenko",
 *     "Shevardnadze") end in ways few English words and places do, and a
 *     noun-shaped surname written bare in the middle of a sentence
 *     ("auspices of Jarring": see spk_promote_nounish()).
 * Each is one pass over the tokens.
 */
#include <string.h>
#include "spk_doc.h"

/* The name that starts at token I: consecutive name words, none but the
 * last possessive ("Mark Parris", "Gorbachev’s").  Returns its last token,
 * or SPK_NONE when no name starts at I. */
static size_t spk_name_at(const spk_ctx *c, size_t i)
{
    if (!spk_name_word(c, i))
        return SPK_NONE;
    while (i + 1 < c->toks.n && !(c->toks.v[i].flags & SPK_TF_POSS) && spk_name_word(c, i + 1))
        i++;
    return i;
}

/* Is the surname at token I a person the document knows of already? */
static int spk_known(const spk_ctx *c, size_t i)
{
    size_t it = 0, e;
    return spk_names_find_h(c->names, c->toks.v[i].hash, spk_tok_p(c, i), spk_tok_n(c, i), &it,
                            &e) == 0;
}

static int spk_word_in(const spk_ctx *c, size_t i, const char *const *words)
{
    if (i >= c->toks.n || c->toks.v[i].kind != SPK_TOK_WORD)
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (spk_tok_is(c, i, words[k]))
            return 1;
    return 0;
}

/* Does the word before token I (I > 0) announce a person after it? */
static int spk_person_follows(const spk_ctx *c, size_t i)
{
    /* Verbs whose object is a person. */
    static const char *const verbs[] = { "told", "asked", "informed", "reminded", "thanked",
                                         "assured", "urged", "warned", "briefed", "congratulated",
                                         "telephoned", "phoned", "tell", "ask", "inform", "remind",
                                         "thank", "assure", "urge", "brief", "saw", "met",
                                         "visited", "received", "Saw", "Met", "Told",
                                         "Informed", "Visited", "Received", NULL };
    /* Source notes: who drafted, cleared, approved the document. */
    static const char *const agents[] = { "Drafted", "drafted", "Cleared", "cleared", "Approved",
                                          "approved", "prepared", "Prepared", "signed", NULL };
    /* Meetings and letters are with and to people. */
    static const char *const with[] = { "met", "meet", "meets", "meeting", "meetings", "talks",
                                        "talk", "talked", "spoke", "discussion", "discussions",
                                        "conversation", "conversations", "lunch", "dinner", NULL };
    /* Papers are to and for people: "a memorandum to Platt", "a letter for
     * Kissinger". */
    static const char *const to[] = { "letter", "letters", "message", "reply", "memorandum",
                                      "memo", "note", "telegram", NULL };
    if (spk_word_in(c, i - 1, verbs))
        return 1;
    if (i < 2)
        return 0;
    if (spk_tok_is(c, i - 1, "by"))
        return spk_word_in(c, i - 2, agents);
    if (spk_tok_is(c, i - 1, "with"))
        return spk_word_in(c, i - 2, with);
    if (spk_tok_is(c, i - 1, "to") || spk_tok_is(c, i - 1, "for"))
        return spk_word_in(c, i - 2, to);
    return 0;
}

/* The separator of list items at token I: ",", "and", "or", ", and".
 * Returns the token after it, or SPK_NONE; *CONJ is set for and/or. */
static size_t spk_list_sep(const spk_ctx *c, size_t i, int *conj)
{
    *conj = 0;
    if (spk_tok_punct(c, i, ','))
        i++;
    else if (!spk_tok_is(c, i, "and") && !spk_tok_is(c, i, "or"))
        return SPK_NONE;
    if (spk_tok_is(c, i, "and") || spk_tok_is(c, i, "or")) {
        *conj = 1;
        i++;
    }
    return i < c->toks.n ? i : SPK_NONE;
}

/* The list of names that starts at token I, registered when one of its
 * names is a person and it closes with "and" or "or" before its last
 * name.  Returns the token after the list: a list is read once, not again
 * from each of its names. */
static size_t spk_list(spk_ctx *c, size_t i, int *rc)
{
    size_t first = i, end = spk_name_at(c, i), items = 1, conj_last = 0;
    int known = spk_known(c, end);
    for (;;) {
        int conj;
        size_t next = spk_list_sep(c, end + 1, &conj), e;
        if (next == SPK_NONE || (e = spk_name_at(c, next)) == SPK_NONE)
            break;
        known |= spk_known(c, e);
        conj_last = (size_t)conj;
        items++;
        end = e;
        if (conj)
            break; /* "A, B and C": the conjunction comes before the last */
    }
    /* Three names or more in a list are people even when none is known
     * yet ("with Brezhnev, Kosygin and Podgorny"): places in such lists
     * are common words (spk_places in lexicon.c). */
    if (items < 2 || (!known && items < 3) || !conj_last)
        return end + 1;
    for (size_t k = first; k <= end;) {
        size_t e = spk_name_at(c, k);
        if (e == SPK_NONE) {
            k++;
            continue;
        }
        if (!spk_known(c, e) && spk_register_name(c, k, e, 0, 0) < 0) {
            *rc = -1;
            return end + 1;
        }
        k = e + 1;
    }
    return end + 1;
}

/* Is the word at token I a thing only a person has: "Zorin's remarks",
 * "Zorin's son-in-law"? */
static int spk_persons_noun(const spk_ctx *c, size_t i)
{
    static const char *const nouns[] = { "presentation", "remarks", "speech", "message", "letter",
                                         "statement", "visit", "trip", "mission", "son", "wife",
                                         "daughter", "father", "brother", "auspices", "text",
                                         "reply", "answer", "appeal", "impression", "request",
                                         "comments", "views", "attitude", "words",
                                         "final", "basic", "own", "point", "points", NULL };
    return i < c->toks.n && c->toks.v[i].kind == SPK_TOK_WORD && spk_word_in(c, i, nouns);
}

static int spk_collection_word(const spk_ctx *c, size_t i)
{
    return spk_tok_is(c, i, "Papers") || spk_tok_is(c, i, "Diary") || spk_tok_is(c, i, "Diaries") ||
           (spk_tok_is(c, i, "Presidential") && spk_tok_is(c, i + 1, "Materials"));
}

/* Does the name from token I to *E open an archival collection: "Nixon
 * Presidential Materials", "Dulles Papers", "Hagerty Diary"?  A collection
 * word the name run took in ("Diary", which no list says is a common
 * word) is cut off *E. */
static int spk_collection_follows(const spk_ctx *c, size_t i, size_t *e)
{
    if (*e > i && !(c->toks.v[*e - 1].flags & SPK_TF_POSS) && spk_collection_word(c, *e)) {
        (*e)--;
        return 1;
    }
    return !(c->toks.v[*e].flags & SPK_TF_POSS) && spk_collection_word(c, *e + 1);
}

/* Is the name word at token I shaped like a surname of its own: a Russian,
 * Ukrainian or Georgian ending ("Sakharov", "Brezhnev", "Zagladin",
 * "Kovalenko", "Shevardnadze"), or a noun-shaped word that only a name can
 * be where it stands ("Jarring", promoted by spk_promote_nounish())?  Six
 * letters or more: "Kiev" and "Lvov" are places, "Begin text" a telegram's
 * quotation mark.  No "-lin" or "-tin" ("Berlin", "Kremlin", "Latin"),
 * which English words and places end in.  Not a given name before an
 * initial ("Yakov A. Malik"). */
static int spk_surname_shaped(const spk_ctx *c, size_t i)
{
    static const struct { const char *s; size_t n; } ends[] = {
#define SPK_END(s) { s, sizeof s - 1 }
        SPK_END("ov"), SPK_END("ev"), SPK_END("sky"), SPK_END("skiy"), SPK_END("nko"),
        SPK_END("dze"), SPK_END("shvili"), SPK_END("nin"), SPK_END("gin"), SPK_END("rin"),
        SPK_END("kin"), SPK_END("zin"), SPK_END("din"), SPK_END("shin"), SPK_END("yko"),
        SPK_END("ing"),
#undef SPK_END
    };
    const char *p = spk_tok_p(c, i);
    size_t n = spk_tok_n(c, i);
    if (n < 6)
        return 0;
    /* The last letter first: most names are out after it. */
    size_t k = 0;
    while (k < sizeof ends / sizeof *ends &&
           (ends[k].s[ends[k].n - 1] != p[n - 1] || memcmp(p + n - ends[k].n, ends[k].s, ends[k].n) != 0))
        k++;
    return k < sizeof ends / sizeof *ends && !(spk_initial_before(c, i + 3) && spk_name_word(c, i + 3));
}

int spk_register_cues(spk_ctx *c)
{
    for (size_t i = 1; i < c->toks.n; i++) {
        size_t e;
        /* The name bit first: most tokens are no name, and that is cheap. */
        if (!spk_name_word(c, i))
            continue;
        e = spk_name_at(c, i);
        /* A participant misspelt anywhere: "Kampleman’s proposal" with
         * Kampelman on the list. */
        size_t m = i == e ? spk_misspelt(c, e) : SPK_NONE;
        if (m != SPK_NONE) {
            if (spk_names_add(c->names, spk_tok_p(c, e), spk_tok_n(c, e), m) < 0)
                return -1;
            continue;
        }
        if ((c->toks.v[e].flags & SPK_TF_POSS) && spk_persons_noun(c, e + 1) && !spk_known(c, e)) {
            if (spk_register_name(c, i, e, 0, 0) < 0)
                return -1;
            i = e;
            continue;
        }
        /* "quoted Lenin as saying": the one quoted inside speech. */
        int quoted = (spk_tok_is(c, i - 1, "quoted") || spk_tok_is(c, i - 1, "quoting")) &&
                     spk_tok_is(c, e + 1, "as");
        int by_shape = !quoted && !spk_person_follows(c, i) && !spk_collection_follows(c, i, &e);
        if ((by_shape && !spk_surname_shaped(c, e)) || spk_known(c, e))
            continue;
        /* "Is Chebrikov sure ...": the question's verb is no given name. */
        if (by_shape && i < e && (spk_tok_lex(c, i) & SPK_LX_OPENS))
            i++;
        if (spk_register_name(c, i, e, 0, 0) < 0)
            return -1;
        i = e;
    }
    int rc = 0;
    for (size_t i = 0; i < c->toks.n && rc == 0;)
        i = spk_name_word(c, i) ? spk_list(c, i, &rc) : i + 1;
    return rc;
}
