/*
 * seg_whitespace.h — white space and the inline page markers that sit in it,
 * as every segment rule skips or trims them (private to plugins/segment).
 */
#ifndef SEG_WHITESPACE_H
#define SEG_WHITESPACE_H

#include <stddef.h>

/* Length of the inline page marker ("[Page 1039]") starting at T[I] within
 * T[0, N), or 0 when there is none. */
size_t seg_page_marker(const char *t, size_t n, size_t i);

/* Skip white space (line breaks too when NEWLINES) from I up to END. */
size_t seg_skip_space(const char *t, size_t end, size_t i, int newlines);

/* Last non-space byte + 1 in T[S, E) (S when all is space). */
size_t seg_trim_end(const char *t, size_t s, size_t e);

/* First non-space byte in T[S, E) (E when all is space). */
static inline size_t seg_trim_start(const char *t, size_t s, size_t e)
{
    return seg_skip_space(t, e, s, 1);
}

#endif
