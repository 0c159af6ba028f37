/*
 * spans.c — growable arrays of byte ranges.
 */
#include <stdlib.h>
#include "segment_rules.h"

void seg_spans_init(seg_spans *s)
{
    s->v = NULL;
    s->n = s->cap = 0;
}

void seg_spans_free(seg_spans *s)
{
    free(s->v);
    seg_spans_init(s);
}

int seg_spans_push(seg_spans *s, size_t start, size_t end, int kind)
{
    if (s->n == s->cap) {
        /* Doubling keeps appends amortised O(1). */
        size_t cap = s->cap ? s->cap * 2 : 64;
        if (cap < s->cap || cap > (size_t)-1 / sizeof *s->v)
            return -1;
        seg_span *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].start = start;
    s->v[s->n].end = end;
    s->v[s->n].kind = kind;
    s->n++;
    return 0;
}
