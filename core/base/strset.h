/*
 * strset.h — a set of strings (open addressing, 64-bit FNV-1a), for telling
 * whether a name was met before: an archive's member names, -O outputs.
 * Not thread-safe: one owner.
 */
#ifndef SPANPIPE_STRSET_H
#define SPANPIPE_STRSET_H

#include <stddef.h>

typedef struct strset {
    char **slot;     /* NULL: free */
    size_t cap, n;
} strset;

#define STRSET_INIT { NULL, 0, 0 }

/* Add S (copied).  Returns 1 when it was added, 0 when it was there. */
int strset_add(strset *s, const char *str);
void strset_free(strset *s);

#endif
