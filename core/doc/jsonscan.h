/*
 * jsonscan.h — a validating JSON scanner over one record, for the hot path.
 *
 * Building a jansson tree for a whole document and copying the text out of it
 * cost more than segmenting the text did (callgrind: 57% of a segment-only
 * run).  The scanner reads a record in place: it decodes the strings we need
 * (id, text, layer names) straight into our buffers, reads span offsets as
 * integers, and only hands jansson the small values we keep as JSON (attrs,
 * meta, unknown keys).  It accepts exactly RFC 8259 JSON in UTF-8, as jansson
 * does with JSON_ALLOW_NUL: NUL characters in strings, never in keys.
 */
#ifndef SPANPIPE_JSONSCAN_H
#define SPANPIPE_JSONSCAN_H

#include <stddef.h>
#include "base/buf.h"

/* Deeper nesting is refused rather than risking the stack. */
#define JSCAN_MAX_DEPTH 2048

typedef struct jscan {
    const char *start;   /* the record */
    const char *p;       /* the cursor */
    const char *end;
    buf *err;            /* where the first error is described */
} jscan;

/* The kind of value at the cursor, by its first byte; JS_BAD when none fits. */
typedef enum js_kind {
    JS_BAD, JS_OBJECT, JS_ARRAY, JS_STRING, JS_NUMBER, JS_BOOL, JS_NULL
} js_kind;

void js_init(jscan *j, const char *s, size_t n, buf *err);

/* Skip white space; returns the byte at the cursor, or -1 at the end. */
int js_ws(jscan *j);

/* After white space, expect byte C and step over it; 0, or -1 with an error. */
int js_expect(jscan *j, char c);

/* The kind of value at the cursor (after white space) and its name for
 * messages ("an object", "a string", ...). */
js_kind js_peek(jscan *j);
const char *js_kind_name(js_kind k);

/*
 * Decode the string at the cursor (which must be at '"') and append its
 * content to OUT (NULL to only check it).  *HAS_NUL (may be NULL) is set when
 * it holds U+0000.  Returns 0, or -1 with an error.
 */
int js_string(jscan *j, buf *out, int *has_nul);

/* What js_string_text learns of a string while it decodes it. */
typedef struct js_text {
    int has_nul;         /* it holds U+0000 */
    int ascii;           /* every decoded byte is below 0x80 */
    size_t *esc;         /* offsets in the decoded string (from where OUT's
                            length was) of the bytes JSON must escape: '"',
                            '\\' and control characters; malloc'd, in order */
    size_t nesc, esc_cap;
} js_text;

/*
 * js_string() for a long text: also tells whether it is ASCII and where its
 * bytes that need escaping are, so that neither has to be scanned for again
 * (each escaped byte came from an escape, where the decoding stops anyway).
 * T must be zeroed; T->esc is the caller's to free, also after an error.
 */
int js_string_text(jscan *j, buf *out, js_text *t);

/*
 * Read the number at the cursor.  *IS_INT tells whether it is an integer (no
 * fraction, no exponent); its value goes to *V (V may be NULL), saturated at
 * the limits of long long.  Returns 0, or -1 with an error.
 */
int js_number(jscan *j, long long *v, int *is_int);

/*
 * Walk the members of the object or array at the cursor (at '{' or '['):
 *     for (int more = js_open(j, '}'); more > 0; more = js_next(j, '}'))
 *         ... read one member ...
 * js_open() steps over the opening bracket and returns 1 when a member
 * follows, 0 when the brackets were empty; js_next() steps over ',' (1) or
 * the closing bracket (0), or returns -1 with an error.
 */
int js_open(jscan *j, char close);
int js_next(jscan *j, char close);

/* Check and step over any value at the cursor.  Returns 0, or -1 with an error. */
int js_skip(jscan *j);

/* Record an error at the cursor (the first one only); returns -1. */
int js_fail(jscan *j, const char *what);

#endif
