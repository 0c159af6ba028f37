/*
 * names.c — a multimap from loosely compared names to integers.
 *
 * Open addressing with linear probing over the hash of the loose form of a
 * key (see spk_names in spk_rules.h); the loose form is computed on the fly
 * from the UTF-8 text, so a lookup allocates nothing and needs no buffer.
 */
#include <stdlib.h>
#include "spk_chars.h"
#include "spk_rules.h"

typedef struct spk_slot {
    uint64_t h;
    const char *k;
    size_t kn;
    size_t val;
    int used;
} spk_slot;

struct spk_names {
    spk_slot *slots;
    size_t cap, n; /* cap is a power of two */
};

/* The loose form of a string, one character at a time. */
typedef struct spk_loose {
    const char *p;
    size_t n, i;
    uint32_t last;
} spk_loose;

static uint32_t spk_loose_next(spk_loose *l)
{
    while (l->i < l->n) {
        size_t w;
        uint32_t c = spk_fold(spk_decode(l->p, l->n, l->i, &w));
        l->i += w;
        if (!c)
            continue;
        /* Transliteration writes the same sound as y or i, and doubles
         * letters inconsistently: Korniyenko, Kornienko; Mikhaylov. */
        if (c == 'y')
            c = 'i';
        if (c == l->last)
            continue;
        l->last = c;
        return c;
    }
    return 0;
}

static uint64_t spk_loose_hash(const char *s, size_t n)
{
    spk_loose l = { s, n, 0, 0 };
    uint64_t h = 1469598103934665603ull;
    for (uint32_t c; (c = spk_loose_next(&l));) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

int spk_names_equal(const char *a, size_t an, const char *b, size_t bn)
{
    spk_loose x = { a, an, 0, 0 }, y = { b, bn, 0, 0 };
    for (;;) {
        uint32_t c = spk_loose_next(&x), d = spk_loose_next(&y);
        if (c != d)
            return 0;
        if (!c)
            return 1;
    }
}

spk_names *spk_names_new(void)
{
    spk_names *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cap = 64;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    return t;
}

void spk_names_free(spk_names *t)
{
    if (t) {
        free(t->slots);
        free(t);
    }
}

static void spk_names_put(spk_slot *slots, size_t cap, const spk_slot *s)
{
    size_t i = (size_t)s->h & (cap - 1);
    while (slots[i].used)
        i = (i + 1) & (cap - 1);
    slots[i] = *s;
}

int spk_names_add(spk_names *t, const char *key, size_t len, size_t value)
{
    if (2 * (t->n + 1) > t->cap) { /* keep the load under one half */
        size_t cap = t->cap * 2;
        if (cap < t->cap)
            return -1;
        spk_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].used)
                spk_names_put(slots, cap, &t->slots[i]);
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    spk_slot s = { spk_loose_hash(key, len), key, len, value, 1 };
    spk_names_put(t->slots, t->cap, &s);
    t->n++;
    return 0;
}

int spk_names_find(const spk_names *t, const char *key, size_t len, size_t *iter,
                   size_t *value)
{
    /* *ITER counts the probes already made past the home slot, plus one. */
    uint64_t h = spk_loose_hash(key, len);
    size_t mask = t->cap - 1;
    size_t step = *iter;
    for (size_t i = ((size_t)h + step) & mask; t->slots[i].used; i = (i + 1) & mask) {
        step++;
        const spk_slot *s = &t->slots[i];
        if (s->h == h && spk_names_equal(s->k, s->kn, key, len)) {
            *iter = step;
            *value = s->val;
            return 0;
        }
    }
    *iter = step;
    return -1;
}

int spk_names_has(const spk_names *t, const char *key, size_t len)
{
    size_t it = 0, v;
    return spk_names_find(t, key, len, &it, &v) == 0;
}
