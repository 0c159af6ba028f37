/* offsets.c — byte offsets to code points and back (see offsets.h). */
#include "offsets.h"
#include "buf.h"

#include <stdlib.h>

#define OFF_STEP 64

static inline int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

void offmap_init(offmap *m, const char *s, size_t n, int ascii)
{
    m->s = (const unsigned char *)s;
    m->n = n;
    m->mark = NULL;
    m->nmark = 0;
    if (ascii) {
        m->ncp = n;
        return;
    }
    size_t cap = n / OFF_STEP + 2;
    m->mark = xmalloc(cap * sizeof *m->mark);
    size_t cp = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_cont(m->s[i]))
            continue;
        if (cp % OFF_STEP == 0)
            m->mark[m->nmark++] = i;
        cp++;
    }
    if (cp % OFF_STEP == 0)
        m->mark[m->nmark++] = n; /* lets code point ncp resolve without a walk */
    m->ncp = cp;
}

void offmap_free(offmap *m)
{
    free(m->mark);
    m->mark = NULL;
    m->nmark = 0;
}

size_t offmap_to_cp(const offmap *m, size_t off)
{
    if (!m->mark)
        return off;
    /* the last mark at or before OFF */
    size_t lo = 0, hi = m->nmark;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->mark[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    size_t cp = lo * OFF_STEP;
    for (size_t i = m->mark[lo]; i < off; i++)
        cp += !is_cont(m->s[i]);
    return cp;
}

int offmap_to_byte(const offmap *m, size_t cp, size_t *off)
{
    if (cp > m->ncp)
        return 0;
    if (!m->mark) {
        *off = cp;
        return 1;
    }
    size_t i = m->mark[cp / OFF_STEP];
    for (size_t k = cp % OFF_STEP; k > 0; k--) {
        i++;
        while (i < m->n && is_cont(m->s[i]))
            i++;
    }
    *off = i;
    return 1;
}
