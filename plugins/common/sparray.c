/*
 * sparray.c — growable arrays (see sparray.h).
 */
#include <stdint.h>
#include <stdlib.h>

#include "sparray.h"

int spt_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    /* Start small (most documents hold a handful of each thing) and double. */
    size_t c = *cap ? *cap * 2 : 16;
    if (c < *cap || c > SIZE_MAX / size)
        return -1;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

void spt_spans_free(spt_spans *s)
{
    free(s->v);
    spt_spans_init(s);
}
