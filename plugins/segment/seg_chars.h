/*
 * seg_chars.h — the character classes only the segment rules ask about
 * (private to plugins/segment).
 *
 * Decoding and the general classes (space, letter case, digits, marks,
 * terminals, apostrophes, dashes) are shared with the other stages in
 * plugins/common/sptext.h.  What stays here is about sentences and lists:
 * which quotes and brackets may open or close a sentence, and what bullets
 * a list item starts with.
 */
#ifndef SEG_CHARS_H
#define SEG_CHARS_H

#include <stdint.h>

#include "../common/sptext.h"

/* May follow a terminal inside its sentence: closing quotes and brackets. */
int seg_is_closer(uint32_t c);
/* May start a sentence before its first word: opening quotes and brackets. */
int seg_is_opener(uint32_t c);
/* List bullets (•, ◦, -, * ...) when they open a line and a space follows. */
int seg_is_bullet(uint32_t c);

#endif
