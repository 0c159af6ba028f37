/*
 * vec.c — growth of the rules' result arrays.
 */
#include <stdint.h>
#include <stdlib.h>

#include "cite.h"

void *cite_grow(void **items, size_t *cap, size_t len, size_t size)
{
    if (len >= *cap) {
        /* Double, starting small: most documents have a handful of each. */
        size_t ncap = *cap ? *cap * 2 : 8;
        if (ncap < *cap || ncap > SIZE_MAX / size)
            return NULL;
        void *p = realloc(*items, ncap * size);
        if (p == NULL)
            return NULL;
        *items = p;
        *cap = ncap;
    }
    return (char *)*items + len * size;
}
