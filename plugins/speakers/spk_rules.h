/*
 * spk_rules.h — the speakers stage's rules, apart from its plumbing.
 *
 * Pure functions over a UTF-8 text (pointer and length; NUL bytes allowed,
 * invalid UTF-8 tolerated) and the segment layers over it.  No spanpipe or
 * jansson types here, so the rules can be tested on their own.
 *
 * Memory: every function that can allocate returns 0, or -1 when memory ran
 * out (outputs then hold what was found so far and must still be freed).
 * Time: linear in the size of the text and of the lists (names are looked up
 * through hash tables; no step rescans the text or a list per item).
 */
#ifndef SPK_RULES_H
#define SPK_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "../common/sparray.h"

/* ---- strings and spans ------------------------------------------------------ */

/* A borrowed string: into the document's text or the stage's read-only state. */
typedef struct spk_str {
    const char *p;
    size_t n;
} spk_str;

/* A range of the text with a kind, as the segment layers give it: the
 * shared span arrays (plugins/common/sparray.h) under the speakers' names. */
typedef spt_span spk_span;
typedef spt_spans spk_spans;

static inline void spk_spans_init(spk_spans *s) { spt_spans_init(s); }
static inline void spk_spans_free(spk_spans *s) { spt_spans_free(s); }
static inline int spk_spans_push(spk_spans *s, size_t start, size_t end, int kind)
{
    return spt_spans_push(s, start, end, kind);
}

/* Section kinds, as the segment stage names them (docs/stages.md). */
enum spk_section_kind {
    SPK_SEC_HEAD, SPK_SEC_DATELINE, SPK_SEC_PARTICIPANTS, SPK_SEC_BODY,
    SPK_SEC_SIGNATURE, SPK_SEC_NOTES, SPK_SEC_OTHER
};

/* The kind named NAME[0, LEN) ("body", ...); SPK_SEC_OTHER when unknown. */
int spk_section_kind(const char *name, size_t len);

/* ---- name tables ---------------------------------------------------------- */

/*
 * A multimap from names to small integers.  Names compare "loosely": case,
 * diacritics, apostrophes, hyphens and dots are ignored, y counts as i and
 * doubled letters as one, so "Korniyenko" finds "Kornienko" and "Mikol’chak"
 * finds "Mikolchak" (the variant spellings transliteration produces).  Keys
 * are borrowed: they must outlive the table.
 */
typedef struct spk_names spk_names;

spk_names *spk_names_new(void);
void spk_names_free(spk_names *t);
int spk_names_add(spk_names *t, const char *key, size_t len, size_t value);
/* The values stored under KEY, one a call: start with *ITER = 0; returns 0
 * and sets *VALUE, or -1 when there are no more. */
int spk_names_find(const spk_names *t, const char *key, size_t len, size_t *iter,
                   size_t *value);
/* Whether KEY is in T at all. */
int spk_names_has(const spk_names *t, const char *key, size_t len);
/* The hash of KEY's loose form, and the lookups above given it, so that a
 * word looked up in several tables is folded and hashed once. */
uint64_t spk_names_hash(const char *key, size_t len);
int spk_names_find_h(const spk_names *t, uint64_t h, const char *key, size_t len, size_t *iter,
                     size_t *value);
int spk_names_has_h(const spk_names *t, uint64_t h, const char *key, size_t len);
/* A table used as a map from names to sets of bits: OR BITS into KEY's
 * value, adding KEY when it is not there yet. */
int spk_names_or(spk_names *t, const char *key, size_t len, size_t bits);
/* A table used as a map (one value a key): the value of KEY, which the
 * caller may change, or NULL when KEY is not in T.  A key added many times
 * over makes every later add and lookup walk all its copies, so tables that
 * see a key again and again check here first. */
size_t *spk_names_value(spk_names *t, const char *key, size_t len);
/* Do A and B name the same thing loosely? */
int spk_names_equal(const char *a, size_t an, const char *b, size_t bn);

/* ---- the lexicon: speech verbs, titles, words that are no names ----------- */

typedef struct spk_lexicon spk_lexicon;

/* The built-in English lexicon, or NULL when out of memory. */
spk_lexicon *spk_lexicon_new(void);
void spk_lexicon_free(spk_lexicon *lx);

/* Add speech verbs from BUF[0, LEN): one a line, '#' starts a comment.  A
 * base form ("retort") also brings its regular forms ("retorts", "retorted",
 * "retorting"); irregular forms are listed as they are.  BUF is copied. */
int spk_lexicon_add_verbs(spk_lexicon *lx, const char *buf, size_t len);
/* Add title words ("Ambassador", "ForMin") the same way, as written. */
int spk_lexicon_add_titles(spk_lexicon *lx, const char *buf, size_t len);

int spk_is_speech_verb(const spk_lexicon *lx, const char *w, size_t n);
int spk_is_title(const spk_lexicon *lx, const char *w, size_t n);
/* Words that may stand between a subject and its verb: "then", "also",
 * "had", "began", "to", adverbs in -ly ... */
int spk_is_verb_filler(const spk_lexicon *lx, const char *w, size_t n);
/* Capitalised words that are not people: "The", "Soviet", "Moscow", months. */
int spk_is_not_name(const spk_lexicon *lx, const char *w, size_t n);
/* Common given names ("Jack", "Mikhail"): a capitalised word after one is a
 * surname. */
int spk_is_given_name(const spk_lexicon *lx, const char *w, size_t n);
/* Words that may open a sentence before its subject: "As", "Would", "With". */
int spk_is_opener(const spk_lexicon *lx, const char *w, size_t n);

/* All the questions above at once, for the word W[0, N) whose loose hash
 * is H: a set of SPK_LX_ bits. */
enum {
    SPK_LX_VERB = 1, SPK_LX_TITLE = 2, SPK_LX_FILLER = 4, SPK_LX_NOTNAME = 8, SPK_LX_GIVEN = 16,
    SPK_LX_OPENS = 32 /* may open a clause before its subject: "As", "Would", "With" */
};
unsigned spk_lexicon_class(const spk_lexicon *lx, const char *w, size_t n, uint64_t h);

/* ---- known people ---------------------------------------------------------- */

typedef struct spk_person {
    spk_str id;        /* the first column */
    spk_str surname;   /* "Nitze"; a particle stays: "Pérez de Cuéllar" */
    spk_str key;       /* the surname's last word: what the text is searched for */
    spk_str given;     /* "Paul H." (may be empty) */
    spk_str nick;      /* "(Roz)" without the brackets (may be empty) */
} spk_person;

typedef struct spk_people {
    char *buf;            /* the file, owned; the strings point into it */
    spk_person *v;
    size_t n, cap;
    spk_names *by_key;    /* key -> index in v */
} spk_people;

void spk_people_init(spk_people *p);
void spk_people_free(spk_people *p);
/*
 * Read a list of persons from BUF[0, LEN) (taken over: freed with P), lines
 * "id<TAB>Surname, Given (Nick)<TAB>description"; a first line whose id is
 * "id" is a header; '|' in the name column separates variant spellings of
 * the same person ("Gorbachev, Mikhail|Gorbachov, Mikhail").  Lines without a
 * tab are ignored.
 */
int spk_people_load(spk_people *p, char *buf, size_t len);

/* ---- words ------------------------------------------------------------------ */

enum spk_tok_kind { SPK_TOK_WORD, SPK_TOK_PUNCT };
enum {
    SPK_TF_CAP = 1,      /* starts with a capital */
    SPK_TF_ALLCAPS = 2,  /* two or more letters, all capitals ("NATO", "COL") */
    SPK_TF_POSS = 4,     /* followed by a possessive ’s or ’ */
    SPK_TF_LINE = 8      /* first token on its line */
};

typedef struct spk_tok {
    size_t start, end;   /* a word without its possessive; one punctuation mark */
    uint64_t hash;       /* a word's loose hash (= spk_names_hash); 0 for punctuation,
                            and 0 until classified for a word that starts with
                            a small ASCII letter (most words: few are asked) */
    uint32_t c;          /* for punctuation: the character */
    unsigned char kind, flags;
    uint16_t lex;        /* a word's SPK_LX_ and SPK_TL_ bits, once classified
                            (SPK_TL_DONE) */
} spk_tok;

typedef struct spk_toks {
    spk_tok *v;
    size_t n, cap;
} spk_toks;

void spk_toks_init(spk_toks *t);
void spk_toks_free(spk_toks *t);
/* Replace T's tokens with those of TEXT[START, END) (lex 0). */
int spk_tokenize(const char *text, size_t start, size_t end, spk_toks *t);
/* Bits of spk_tok.lex beyond the lexicon's: a capitalised word that may be
 * a name (no title, no common word, no noun's ending); the token has been
 * classified. */
enum { SPK_TL_NAME = 0x100, SPK_TL_DONE = 0x200 };
/* Answer the lexicon's questions about the token K of TEXT, once (its hash
 * first when it has none yet); returns K->lex.  The rules ask through
 * spk_tok_lex() (spk_doc.h), so only the words they ask about are looked
 * up: most words of running text never are. */
unsigned spk_tok_classify(const spk_lexicon *lx, const char *text, spk_tok *k);
/* The same for every token of T. */
void spk_classify(const spk_lexicon *lx, const char *text, spk_toks *t);

/* ---- results ------------------------------------------------------------ */

enum spk_how { SPK_NAMED, SPK_CARRIED, SPK_DIALOGUE, SPK_QUOTED };
const char *spk_how_name(int how);

#define SPK_NONE ((size_t)-1)

typedef struct spk_participant {
    size_t start, end;   /* the entry as written */
    spk_str name;        /* the name part: "Thomas Simons", "The President" */
    spk_str surname;     /* "Simons"; for a title alone the name found elsewhere
                            ("Reagan" for "The President"), else empty */
    spk_str given;       /* "Thomas" (may be empty) */
    spk_str title;       /* "EUR/DAS", "Deputy ForMin" (may be empty) */
    const char *side;    /* "U.S.", "Soviet" (owned by the result), or NULL */
    size_t person;       /* index in the known people, or SPK_NONE */
} spk_participant;

typedef struct spk_mention {
    size_t start, end;
    size_t participant;  /* index in participants, or SPK_NONE */
    size_t person;       /* index in the known people, or SPK_NONE */
} spk_mention;

typedef struct spk_speech {
    size_t start, end;
    size_t participant;  /* SPK_NONE when the speaker is not on the roster */
    spk_str name;        /* surname (empty when unknown) */
    int how;             /* enum spk_how */
} spk_speech;

typedef struct spk_result {
    spk_participant *parts;
    size_t nparts, capparts;
    spk_mention *mentions;
    size_t nmentions, capmentions;
    spk_speech *speech;
    size_t nspeech, capspeech;
    char **owned;        /* strings the result owns (sides) */
    size_t nowned, capowned;
} spk_result;

void spk_result_init(spk_result *r);
void spk_result_free(spk_result *r);

/* What the rules read: the text and the segment layers over it. */
typedef struct spk_input {
    const char *text;
    size_t len;
    const spk_spans *sections;    /* kind: enum spk_section_kind */
    const spk_spans *paragraphs;
    const spk_spans *sentences;
} spk_input;

/* What the stage was configured with; read-only, shared between threads. */
typedef struct spk_config {
    const spk_lexicon *lexicon;
    const spk_people *people;     /* may be NULL */
} spk_config;

/*
 * Find the participants, mentions and speech of one document.  Each array of
 * OUT comes in order of start (speech: then longer first).
 */
int spk_analyse(const spk_config *cfg, const spk_input *in, spk_result *out);

#endif
