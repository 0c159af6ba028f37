/*
 * spk_speech.h — the parts of speech attribution (private to
 * plugins/speakers): dialogue turns, initials, quotations.
 */
#ifndef SPK_SPEECH_H
#define SPK_SPEECH_H

#include "spk_doc.h"

enum { SPK_SUBJ_NONE, SPK_SUBJ_NAME, SPK_SUBJ_PRONOUN, SPK_SUBJ_JOINT };

/* A dialogue turn: "Kissinger: ..." from the label to the next label or the
 * end of the paragraph; a label that names no person is none. */
typedef struct spk_turn {
    size_t label;      /* where the label starts */
    size_t start, end; /* what is said, after the colon */
    size_t who;        /* entity: a label names a person */
} spk_turn;

typedef struct spk_turns {
    spk_turn *v;
    size_t n, cap;
} spk_turns;

void spk_turns_init(spk_turns *t);
void spk_turns_free(spk_turns *t);
/* The dialogue turns of the body, in order. */
int spk_dialogue(spk_ctx *c, spk_turns *out);

/* The people indexed by their initials (initials.c), built when attribution
 * starts, when they no longer change; NULL when out of memory. */
spk_initials_index *spk_initials_new(const spk_ctx *c);
void spk_initials_free(spk_initials_index *x);

/* The principal whose initials the word token I is ("K" for Kissinger, "HAK",
 * "P" for the President), or SPK_NONE; from C->initials. */
size_t spk_initials(const spk_ctx *c, size_t i);

/* Add a speech span of entity E (SPK_NONE: unknown). */
int spk_add_speech(spk_ctx *c, size_t start, size_t end, size_t e, int how);

/* Add the quotations that open in tokens [TA, TB) (and may close before byte
 * PARA_END) as SPEAKER's.  *QPOS is the first token not yet looked at. */
int spk_quotes(spk_ctx *c, size_t ta, size_t tb, size_t para_end, size_t speaker, size_t *qpos);

#endif
