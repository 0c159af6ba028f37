/*
 * offsets.h — converting between UTF-8 byte offsets (inside spanpipe) and
 * Unicode code point offsets (in the JSON form, docs/format.md).
 *
 * For ASCII text the two are the same and nothing is built.  Otherwise a table
 * records how many characters start before every 64th byte, so byte to code
 * point (the hot direction: every span of every output) costs a look-up and a
 * count over at most 63 bytes, many at a time; code point to byte (spans of
 * the input) a binary search and a walk of at most 63 bytes.
 */
#ifndef SPANPIPE_OFFSETS_H
#define SPANPIPE_OFFSETS_H

#include <stddef.h>

typedef struct offmap {
    const unsigned char *s;
    size_t n;        /* bytes */
    size_t ncp;      /* code points */
    size_t *mark;    /* mark[k]: characters starting before byte k*64; NULL for ASCII */
    size_t nmark;
} offmap;

/* Build the map of the valid UTF-8 text S[0..N) (borrowed: it must outlive M). */
void offmap_init(offmap *m, const char *s, size_t n, int ascii);
void offmap_free(offmap *m);

/* The code point offset of byte offset OFF, which must be a character boundary <= n. */
size_t offmap_to_cp(const offmap *m, size_t off);

/* Where the writer is in a document: the last start it converted. */
typedef struct offwalk {
    size_t b, cp;
} offwalk;

#define OFFWALK_INIT { 0, 0 }

/*
 * The code point offsets of the span [START, END) (character boundaries,
 * START <= END <= n), into *CS and *CE, for spans taken in order of start:
 * each is counted from the nearest point known, the last span's start in W
 * (which it updates) or a mark, rather than from a mark every time.
 */
void offmap_span_to_cp(const offmap *m, offwalk *w, size_t start, size_t end, size_t *cs,
                       size_t *ce);

/* Store in *OFF the byte offset of code point CP; returns 0 when CP > ncp. */
int offmap_to_byte(const offmap *m, size_t cp, size_t *off);

#endif
