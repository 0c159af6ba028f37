/* strset.c — a set of strings (see strset.h). */
#include "base/strset.h"
#include "base/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot of STR in SLOT (CAP, a power of two): where it is, or the free one
 * where it would go. */
static size_t find(char **slot, size_t cap, const char *str)
{
    size_t i = (size_t)hash(str) & (cap - 1);
    while (slot[i] && strcmp(slot[i], str) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

int strset_add(strset *s, const char *str)
{
    if (2 * (s->n + 1) > s->cap) { /* at most half full: short probes */
        size_t cap = s->cap ? 2 * s->cap : 64;
        char **slot = xcalloc(cap, sizeof *slot);
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i])
                slot[find(slot, cap, s->slot[i])] = s->slot[i];
        free(s->slot);
        s->slot = slot;
        s->cap = cap;
    }
    size_t i = find(s->slot, s->cap, str);
    if (s->slot[i])
        return 0;
    s->slot[i] = xstrdup(str);
    s->n++;
    return 1;
}

void strset_free(strset *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slot[i]);
    free(s->slot);
    memset(s, 0, sizeof *s);
}
