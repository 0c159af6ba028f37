/*
 * spk_doc.h — the working state of one document's analysis, shared by the
 * steps of spk_analyse() (private to plugins/speakers).
 *
 * The document is tokenized once; every step then works on token indices.
 * People are "entities": one per surname met in the document, tied to a
 * participant (roster entry) and to a known person when there is one.
 */
#ifndef SPK_DOC_H
#define SPK_DOC_H

#include <string.h>
#include "spk_rules.h"

typedef struct spk_entity {
    spk_str surname;     /* as first met */
    spk_str given;       /* given names when known (roster, people file) */
    size_t participant;  /* SPK_NONE when not on the roster */
    size_t person;       /* SPK_NONE when not a known person */
    size_t title_tok;    /* a token of a title written before the name, or SPK_NONE */
    int female;          /* seen as "she" or with Mrs./Ms. */
    int early;           /* named before the body: a principal of the document */
    size_t body_mentions;
    size_t titled;       /* written with a title so often, a speaking name counting thrice */
} spk_entity;

typedef struct spk_initials_index spk_initials_index; /* initials.c */

typedef struct spk_ctx {
    const spk_config *cfg;
    const spk_lexicon *lx;
    const spk_input *in;
    spk_result *out;
    const char *t;
    size_t n;

    spk_toks toks;          /* of the whole text */
    size_t *tok_ent;        /* per token: the entity a mention there names */
    unsigned char *tok_ment;/* per token: 1 when it is part of a mention */

    spk_entity *ents;
    size_t nents, capents;
    spk_names *names;       /* surname -> entity */
    spk_names *part_titles; /* participant's title phrase -> participant (a map) */
    spk_names *text_titles; /* title written before a name -> first entity (a map) */
    char **owned;           /* strings the tables borrow */
    size_t nowned, capowned;

    size_t *part_ent;       /* per participant: its entity */
    size_t cap_part_ent;

    spk_spans body;         /* body sections (or everything but head and notes) */
    size_t body_start;      /* first byte of the body */
    size_t writer;          /* entity writing in the first person, or SPK_NONE */
    int late_person;        /* an entity's known person was found after mentions of it */
    spk_initials_index *initials; /* the people by their initials, while attributing */
} spk_ctx;

/* ---- tokens (analyse.c) ---- */
static inline const char *spk_tok_p(const spk_ctx *c, size_t i) { return c->t + c->toks.v[i].start; }
static inline size_t spk_tok_n(const spk_ctx *c, size_t i) { return c->toks.v[i].end - c->toks.v[i].start; }
/* Does token I spell W (exactly, case-sensitive)?  Inline, and the first
 * character first, from the token itself (its C) rather than from the
 * text: the rules ask it of every token, often for each word of a list,
 * and most tokens differ at once. */
static inline int spk_tok_is(const spk_ctx *c, size_t i, const char *w)
{
    if (i >= c->toks.n)
        return 0;
    const spk_tok *k = &c->toks.v[i];
    uint32_t first = (unsigned char)w[0];
    if (first < 0x80 ? k->c != first : c->t[k->start] != w[0])
        return 0;
    size_t n = strlen(w);
    return k->end - k->start == n && memcmp(c->t + k->start, w, n) == 0;
}
/* Is token I the punctuation character CH? */
static inline int spk_tok_punct(const spk_ctx *c, size_t i, uint32_t ch)
{
    return i < c->toks.n && c->toks.v[i].kind == SPK_TOK_PUNCT && c->toks.v[i].c == ch;
}
/* The lexicon's answers about token I (SPK_LX_ and SPK_TL_ bits; 0 past the
 * end, no SPK_LX_ or SPK_TL_NAME bit for punctuation), asked once: the
 * token keeps them (the token array is the document's own, so a const
 * context may fill it in). */
static inline unsigned spk_tok_lex(const spk_ctx *c, size_t i)
{
    if (i >= c->toks.n)
        return 0;
    spk_tok *k = &c->toks.v[i];
    return k->lex & SPK_TL_DONE ? k->lex : spk_tok_classify(c->lx, c->t, k);
}
/* First token whose start is >= POS (binary search). */
size_t spk_tok_at(const spk_ctx *c, size_t pos);
/* The same, for a POS at or after the start of token FROM (a scan in order
 * of the text): a search from FROM whose steps double, so that a near
 * answer costs a few probes.  Any FROM gives the right answer. */
size_t spk_tok_from(const spk_ctx *c, size_t pos, size_t from);
/* Is POS inside the body? */
int spk_in_body(const spk_ctx *c, size_t pos);
/* Keep S alive as long as C; returns 0 or -1 (S freed). */
int spk_ctx_own(spk_ctx *c, char *s);

/* Is token I a capitalised word that may be a name (no title, no common
 * word)?  Decided by spk_tok_classify(); inline, as the rules ask it of
 * every token in several passes, and a word in small letters is none
 * without a lookup. */
static inline int spk_name_word(const spk_ctx *c, size_t i)
{
    return i < c->toks.n && (c->toks.v[i].flags & SPK_TF_CAP) && (spk_tok_lex(c, i) & SPK_TL_NAME);
}

/* ---- people (entities.c) ---- */
/* The participant's entity that the surname at token I misspells, within
 * one edit ("Kampleman" for Kampelman), when no other participant is as
 * close and the word is no name the document knows; five letters or more.
 * SPK_NONE for none. */
size_t spk_misspelt(const spk_ctx *c, size_t i);
/* Is token I preceded by an initial, a single capital and a period: the
 * "F." of "Anatoliy F. Dobrynin"? */
int spk_initial_before(const spk_ctx *c, size_t i);
/* A surname shaped like a noun ("Jarring", "Pickering", "Lawrence", whose
 * endings make most such words no name) is a name in a document that writes
 * it after a title ("Ambassador Jarring", "Mr. Pickering"): then every
 * token of that spelling is a name word.  Only a capitalised word that is
 * neither a title, a verb nor a common word can be one, and not before
 * another capitalised word ("Director Planning Board").  Run before
 * anything asks whether a word is a name. */
void spk_promote_nounish(spk_ctx *c);
/* The entity named by the word token I (a surname), creating it from the
 * known people when needed; SPK_NONE when none.  -1 only when out of memory
 * (returned through *RC). */
size_t spk_entity_of(spk_ctx *c, size_t i, int *rc);
/* Add (or find) the entity for SURNAME with GIVEN. */
size_t spk_entity_add(spk_ctx *c, spk_str surname, spk_str given, int *rc);
/* The title run ending just before token I (first token in *FIRST), or 0. */
int spk_title_before(const spk_ctx *c, size_t i, size_t *first);
/* Register the people the text names by title, in brackets or as a speaker. */
int spk_register(spk_ctx *c);
/* Register the name of tokens [S, I] (surname at I) as a person, with the
 * title tokens [TA, TB) before it (TA == TB: none). */
int spk_register_name(spk_ctx *c, size_t s, size_t i, size_t ta, size_t tb);
/* Is the word at token I a verb in the past tense ("agreed", "said",
 * "took")?  (speech.c) */
int spk_past(const spk_ctx *c, size_t i);
/* Do the tokens after I, past words like "then", lead to a speech verb, or
 * (with ANY_PAST) to any verb in the past tense ("Poindexter initialed")? */
int spk_verb_follows(const spk_ctx *c, size_t i, int any_past);
/* Register more people from weaker cues, once spk_register() has run
 * (cues.c): lists with a known person, source notes, verbs' objects. */
int spk_register_cues(spk_ctx *c);

/* ---- people known by title (roster.c) ---- */
/* A new entity for someone known only by title ("The President"), named by
 * the title, outside the surname table; SPK_NONE when out of memory. */
size_t spk_title_entity(spk_ctx *c, spk_str title);

/* ---- steps ---- */
int spk_roster(spk_ctx *c);
int spk_roster_resolve_titles(spk_ctx *c);
int spk_mentions(spk_ctx *c);
/* The participant named by the title words [A, B) ("President", "General
 * Secretary"), or SPK_NONE (unknown or ambiguous). */
size_t spk_title_participant(const spk_ctx *c, size_t a, size_t b);
/* The sender of the head's "... From SENDER to ADDRESSEE": its tokens
 * [*FROM, *TO) (*TO at the addressee's "to", or the head's end); 0 when the
 * head names no sender (writer.c). */
int spk_head_sender(const spk_ctx *c, size_t *from, size_t *to);
void spk_writer(spk_ctx *c);
int spk_attribute(spk_ctx *c);

#endif
