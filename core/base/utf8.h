/* utf8.h — checking UTF-8 and writing it as JSON string literals. */
#ifndef SPANPIPE_UTF8_H
#define SPANPIPE_UTF8_H

#include <stddef.h>
#include "base/buf.h"

/*
 * Check that S[0..N) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF; NUL bytes are allowed).  Returns 1 when it
 * is, else 0 with the offset of the first bad byte in *BAD (when BAD is not
 * NULL).  *ASCII (when not NULL) is set to 1 when every byte is below 0x80.
 */
int utf8_check(const char *s, size_t n, size_t *bad, int *ascii);

/* Whether byte offset OFF of S[0..N) starts a character (or is N). */
static inline int utf8_is_boundary(const char *s, size_t n, size_t off)
{
    return off == n || (off < n && ((unsigned char)s[off] & 0xC0) != 0x80);
}

/*
 * The JSON helpers here and in docwrite.h are named spi_json_*: spi_ for
 * "spanpipe internal", never json_* (jansson's namespace, which a program
 * linking both would see clash) nor sp_* (the exported API).
 *
 * The first byte in [P, END) that cannot stand as it is inside a JSON string
 * literal ('"', '\\' or a control byte), or END.  Reading and writing JSON
 * both spend their time finding these, so it looks sixteen bytes at a time
 * with SSE2 where there is SSE2, else eight.
 */
const char *spi_json_plain_run(const char *p, const char *end);

/*
 * Append S[0..N) to B as a JSON string literal with its quotes.  S must be valid
 * UTF-8; characters at or above U+0080 are written as they are, control
 * characters (NUL included) escaped.
 */
void spi_json_add_string(buf *b, const char *s, size_t n);

/*
 * spi_json_add_string() for a string whose bytes that need escaping are known:
 * ESC[0..NESC) are all their offsets in S, in order (as js_string_text finds
 * them).  The rest is copied without being looked at.
 */
void spi_json_add_string_at(buf *b, const char *s, size_t n, const size_t *esc, size_t nesc);

#endif
