/*
 * sparray.h — growable arrays shared by the bundled stages.
 *
 * The rules collect their results (spans, tokens, notes...) in plain
 * { v, n, cap } arrays the caller owns.  spt_grow() is the one place that
 * grows them; spt_spans is the array of kinded byte ranges the segment and
 * speakers rules both use.  No dependency on spanpipe or jansson.
 */
#ifndef SPARRAY_H
#define SPARRAY_H

#include <stddef.h>

/*
 * Make room for one more element in the array *V of *CAP elements of SIZE
 * bytes holding N.  Returns 0, or -1 when out of memory or when the size
 * would overflow (*V and *CAP are then untouched).  Capacity doubles, which
 * keeps appends amortised O(1).
 */
int spt_grow(void **v, size_t *cap, size_t n, size_t size);

/* A range of text with a kind. */
typedef struct spt_span {
    size_t start; /* first byte */
    size_t end;   /* one past the last byte */
    int kind;     /* meaning depends on the producer; 0 when unused */
} spt_span;

typedef struct spt_spans {
    spt_span *v;
    size_t n, cap;
} spt_spans;

static inline void spt_spans_init(spt_spans *s)
{
    s->v = NULL;
    s->n = s->cap = 0;
}

/* Free the memory and leave S empty (and reusable). */
void spt_spans_free(spt_spans *s);

/* Empty the array, keeping its memory. */
static inline void spt_spans_clear(spt_spans *s) { s->n = 0; }

/* Append a span.  Returns 0, or -1 when out of memory (S unchanged). */
static inline int spt_spans_push(spt_spans *s, size_t start, size_t end, int kind)
{
    if (s->n == s->cap && spt_grow((void **)&s->v, &s->cap, s->n, sizeof *s->v) < 0)
        return -1;
    s->v[s->n].start = start;
    s->v[s->n].end = end;
    s->v[s->n].kind = kind;
    s->n++;
    return 0;
}

#endif
