/*
 * segment_rules.h — the segment stage's rules, apart from its plumbing.
 *
 * Pure functions over a UTF-8 byte buffer given as pointer and length (it may
 * hold NUL bytes and need not be NUL-terminated; invalid UTF-8 is tolerated).
 * They produce arrays of byte ranges [start, end) with a kind, in order of
 * start.  No spanpipe or jansson types here, so the rules can be tested and
 * reused on their own.
 *
 * Memory: every function that can allocate returns 0, or -1 when memory ran
 * out (the output then holds what was found so far and must still be freed).
 * Time: every function is linear in the length of the text it is given.
 */
#ifndef SEGMENT_RULES_H
#define SEGMENT_RULES_H

#include <stddef.h>

#include "../common/sparray.h"

/* ---- span arrays --------------------------------------------------------- */

/* The shared span arrays (plugins/common/sparray.h) under the names the
 * segment rules and their tests use. */
typedef spt_span seg_span;
typedef spt_spans seg_spans;

static inline void seg_spans_init(seg_spans *s) { spt_spans_init(s); }
static inline void seg_spans_free(seg_spans *s) { spt_spans_free(s); }
/* Empty the array, keeping its memory. */
static inline void seg_spans_clear(seg_spans *s) { spt_spans_clear(s); }
/* Append a span.  Returns 0, or -1 when out of memory. */
static inline int seg_spans_push(seg_spans *s, size_t start, size_t end, int kind)
{
    return spt_spans_push(s, start, end, kind);
}

/* ---- layout: sections, paragraphs, sentence zones ------------------------ */

/* Section kinds, as in docs/stages.md. */
enum seg_section_kind {
    SEG_SEC_HEAD,         /* document number and title */
    SEG_SEC_DATELINE,     /* place and date line before the body */
    SEG_SEC_PARTICIPANTS, /* participants lists of a conversation */
    SEG_SEC_BODY,
    SEG_SEC_SIGNATURE,    /* the signer's name after the body */
    SEG_SEC_NOTES,        /* the footnotes block at the end */
    SEG_SEC_OTHER         /* front matter: subject lines, subtitles */
};

/* "head", "dateline", ...; "other" for an unknown kind. */
const char *seg_section_name(int kind);

/* Kinds of sentence zones: the ranges sentences are looked for in. */
enum seg_zone_kind {
    SEG_ZONE_PARAGRAPH, /* also a paragraph */
    SEG_ZONE_HEAD,      /* the title line (not a paragraph) */
    SEG_ZONE_NOTE       /* one footnote's text after its number */
};

typedef struct seg_layout {
    seg_spans sections;   /* kind: enum seg_section_kind; disjoint, in order */
    seg_spans paragraphs; /* kind 0; disjoint, in order; no bullets */
    seg_spans zones;      /* kind: enum seg_zone_kind; disjoint, in order */
} seg_layout;

void seg_layout_init(seg_layout *l);
void seg_layout_free(seg_layout *l);

/*
 * Find the sections, paragraphs and sentence zones of TEXT[0, LEN), replacing
 * what L held.  Paragraphs are blocks between blank lines, with every line
 * that opens with a bullet (or a list number after an unwrapped line) a
 * paragraph of its own, the bullet left out; a title line ("255. Memorandum
 * ..."), the footnotes block and page markers alone on their line ("[Page
 * 1008]") are not paragraphs.  All ranges are trimmed of white space.
 */
int seg_layout_build(const char *text, size_t len, seg_layout *l);

/* ---- abbreviations -------------------------------------------------------- */

/* How a word followed by a period behaves. */
enum seg_abbrev_class {
    SEG_ABBR_NONE = 0,  /* an ordinary word: the period ends a sentence */
    SEG_ABBR_INNER = 1, /* "Mr.", "U.S.", "z.B.": a sentence goes on after it
                           unless a typical sentence opener follows */
    SEG_ABBR_FINAL = 2  /* "etc.", "a.m.": an abbreviation that often ends a
                           sentence; the period ends one before a capital */
};

typedef struct seg_abbrevs seg_abbrevs;

/* A set holding the built-in English, German and French abbreviations, or
 * NULL when out of memory. */
seg_abbrevs *seg_abbrevs_new(void);
void seg_abbrevs_free(seg_abbrevs *a);

/* Add WORD[0, LEN) (one trailing period dropped; case matters) as an
 * SEG_ABBR_INNER abbreviation.  Empty words are ignored.  0 or -1. */
int seg_abbrevs_add(seg_abbrevs *a, const char *word, size_t len);

/* Add every word of BUF[0, LEN), words separated by white space or ';'.  With
 * COMMENTS, '#' starts a comment that runs to the end of the line. */
int seg_abbrevs_add_list(seg_abbrevs *a, const char *buf, size_t len, int comments);

/* The class of WORD[0, LEN) (without its final period). */
int seg_abbrevs_class(const seg_abbrevs *a, const char *word, size_t len);

/* Is WORD[0, LEN) a word that typically opens a sentence ("The", "He", "Die",
 * "Il" ...) and is rarely a name or the second half of an abbreviation? */
int seg_abbrevs_is_opener(const seg_abbrevs *a, const char *word, size_t len);

/* Is WORD[0, LEN) a word that opens a sentence and is never capitalised
 * inside one ("Der", "Wir", "Leider": German function words), so that it
 * opens one even after a word with no punctuation? */
int seg_abbrevs_is_restart(const seg_abbrevs *a, const char *word, size_t len);

/* May a word that seg_abbrevs_is_restart knows start with the two bytes at
 * WORD?  A quick filter (false positives, no false negatives) to ask first,
 * since the question comes for most capitalised words. */
int seg_abbrevs_restart_prefix(const seg_abbrevs *a, const char *word);

/* ---- sentences and tokens ------------------------------------------------- */

/*
 * Append to OUT the sentences of the zone TEXT[START, END) (LEN is the length
 * of the whole text, which the rules may peek into).  Sentences cover the
 * zone's text without leading or trailing white space and never cross its
 * ends.  A footnote marker glued after a sentence's last punctuation
 * ("Moscow.2") stays with that sentence; inline page markers ("[Page 1039]")
 * are looked through.
 */
int seg_sentences(const char *text, size_t len, size_t start, size_t end,
                  const seg_abbrevs *abbrevs, seg_spans *out);

/*
 * Append to OUT the tokens of TEXT[START, END): words, numbers, punctuation,
 * page markers.  A token never crosses END, so tokenising sentence by
 * sentence keeps tokens inside sentences.  A footnote marker glued to a word
 * ("Conversation1", "Moscow.2") is a token of its own.
 */
int seg_tokens(const char *text, size_t len, size_t start, size_t end,
               const seg_abbrevs *abbrevs, seg_spans *out);

#endif
