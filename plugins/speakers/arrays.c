/*
 * arrays.c — growable arrays, the result's life cycle, and the names of the
 * kinds the rules share with the segment stage and the output.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_rules.h"

int spk_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    /* Doubling keeps appends amortised O(1). */
    size_t c = *cap ? *cap * 2 : 16;
    if (c < *cap || c > (size_t)-1 / size)
        return -1;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

void spk_spans_init(spk_spans *s)
{
    s->v = NULL;
    s->n = s->cap = 0;
}

void spk_spans_free(spk_spans *s)
{
    free(s->v);
    spk_spans_init(s);
}

int spk_spans_push(spk_spans *s, size_t start, size_t end, int kind)
{
    if (spk_grow((void **)&s->v, &s->cap, s->n, sizeof *s->v) < 0)
        return -1;
    s->v[s->n++] = (spk_span){ start, end, kind };
    return 0;
}

static const char *const spk_section_names[] = {
    "head", "dateline", "participants", "body", "signature", "notes", "other"
};

int spk_section_kind(const char *name, size_t len)
{
    for (int i = 0; i <= SPK_SEC_OTHER; i++)
        if (strlen(spk_section_names[i]) == len && memcmp(spk_section_names[i], name, len) == 0)
            return i;
    return SPK_SEC_OTHER;
}

const char *spk_how_name(int how)
{
    switch (how) {
    case SPK_CARRIED: return "carried";
    case SPK_DIALOGUE: return "dialogue";
    case SPK_QUOTED: return "quoted";
    default: return "named";
    }
}

void spk_result_init(spk_result *r)
{
    memset(r, 0, sizeof *r);
}

void spk_result_free(spk_result *r)
{
    for (size_t i = 0; i < r->nowned; i++)
        free(r->owned[i]);
    free(r->owned);
    free(r->parts);
    free(r->mentions);
    free(r->speech);
    spk_result_init(r);
}
