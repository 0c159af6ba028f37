/*
 * names.c — a multimap from loosely compared names to integers.
 *
 * Open addressing with linear probing over the hash of the loose form of a
 * key (see spk_names in spk_rules.h); the loose form is computed on the fly
 * from the UTF-8 text, so a lookup allocates nothing and needs no buffer.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_rules.h"

/* A key and its value; the key's hash is kept apart (see spk_names). */
typedef struct spk_slot {
    const char *k;
    size_t kn;
    size_t val;
} spk_slot;

/* Probing reads only HS, the hashes (8 bytes a slot, 0 for an empty one),
 * and touches a slot only when its hash matches: the lexicon is looked up
 * for every word of every document and stays in cache this way. */
struct spk_names {
    uint64_t *hs;
    spk_slot *slots;
    size_t cap, n; /* cap is a power of two */
};

/* A key's hash as stored: never 0, which marks an empty slot. */
static inline uint64_t spk_stored(uint64_t h) { return h ? h : 1; }

/* The home slot: FNV's low bits depend on the low bits of the characters
 * only, so the index is taken from a multiplied, high part. */
static inline size_t spk_home(uint64_t h, size_t mask)
{
    return (size_t)((h * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

/* The loose form of a string, one character at a time. */
typedef struct spk_loose {
    const char *p;
    size_t n, i;
    uint32_t last;
} spk_loose;

static inline uint32_t spk_loose_next(spk_loose *l)
{
    while (l->i < l->n) {
        size_t w = 1;
        unsigned char b = (unsigned char)l->p[l->i];
        /* Most names are ASCII: fold those bytes without decoding. */
        uint32_t c = b < 0x80 ? spt_fold_ascii(b) : spt_fold(spt_decode_u(l->p, l->n, l->i, &w));
        l->i += w;
        if ((c = spk_loose_char(c, &l->last)) != 0)
            return c;
    }
    return 0;
}

uint64_t spk_names_hash(const char *s, size_t n)
{
    uint64_t h = SPK_LOOSE_SEED;
    uint32_t last = 0;
    for (size_t i = 0, w; i < n; i += w) {
        unsigned char b = (unsigned char)s[i];
        w = 1;
        spk_loose_step(&h, &last, b < 0x80 ? spt_fold_ascii(b) : spt_fold(spt_decode_u(s, n, i, &w)));
    }
    return h;
}

/* Are A and B the same bytes but for the case of ASCII letters ("The",
 * "the")?  Then their loose forms are equal too. */
static int spk_same_but_case(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x != y && ((x ^ y) != 0x20 || (unsigned)((x | 0x20) - 'a') >= 26u))
            return 0;
    }
    return 1;
}

int spk_names_equal(const char *a, size_t an, const char *b, size_t bn)
{
    /* The usual hits: spelled the same, or but for capitals. */
    if (an == bn && spk_same_but_case(a, b, an))
        return 1;
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
    t->hs = calloc(t->cap, sizeof *t->hs);
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->hs || !t->slots) {
        spk_names_free(t);
        return NULL;
    }
    return t;
}

void spk_names_free(spk_names *t)
{
    if (t) {
        free(t->hs);
        free(t->slots);
        free(t);
    }
}

static void spk_names_put(uint64_t *hs, spk_slot *slots, size_t cap, uint64_t h, const spk_slot *s)
{
    size_t i = spk_home(h, cap - 1);
    while (hs[i])
        i = (i + 1) & (cap - 1);
    hs[i] = h;
    slots[i] = *s;
}

int spk_names_add(spk_names *t, const char *key, size_t len, size_t value)
{
    if (2 * (t->n + 1) > t->cap) { /* keep the load under one half */
        size_t cap = t->cap * 2;
        if (cap < t->cap)
            return -1;
        uint64_t *hs = calloc(cap, sizeof *hs);
        spk_slot *slots = calloc(cap, sizeof *slots);
        if (!hs || !slots) {
            free(hs);
            free(slots);
            return -1;
        }
        for (size_t i = 0; i < t->cap; i++)
            if (t->hs[i])
                spk_names_put(hs, slots, cap, t->hs[i], &t->slots[i]);
        free(t->hs);
        free(t->slots);
        t->hs = hs;
        t->slots = slots;
        t->cap = cap;
    }
    spk_slot s = { key, len, value };
    spk_names_put(t->hs, t->slots, t->cap, spk_stored(spk_names_hash(key, len)), &s);
    t->n++;
    return 0;
}

int spk_names_find(const spk_names *t, const char *key, size_t len, size_t *iter,
                   size_t *value)
{
    return spk_names_find_h(t, spk_names_hash(key, len), key, len, iter, value);
}

/* Is slot S's key KEY[0, LEN)?  Lookups mostly find a word spelled just as
 * it was added ("said", "the"): that is settled here, inline, and only the
 * rest goes through spk_names_equal(). */
static inline int spk_slot_is(const spk_slot *s, const char *key, size_t len)
{
    if (s->kn == len) {
        size_t i = 0;
        while (i < len && s->k[i] == key[i])
            i++;
        if (i == len)
            return 1;
    }
    return spk_names_equal(s->k, s->kn, key, len);
}

int spk_names_find_h(const spk_names *t, uint64_t h, const char *key, size_t len, size_t *iter,
                     size_t *value)
{
    /* *ITER counts the probes already made past the home slot. */
    size_t mask = t->cap - 1;
    size_t step = *iter;
    h = spk_stored(h);
    for (size_t i = (spk_home(h, mask) + step) & mask; t->hs[i]; i = (i + 1) & mask) {
        step++;
        const spk_slot *s = &t->slots[i];
        if (t->hs[i] == h && spk_slot_is(s, key, len)) {
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

int spk_names_or(spk_names *t, const char *key, size_t len, size_t bits)
{
    uint64_t h = spk_stored(spk_names_hash(key, len));
    size_t mask = t->cap - 1;
    for (size_t i = spk_home(h, mask); t->hs[i]; i = (i + 1) & mask) {
        spk_slot *s = &t->slots[i];
        if (t->hs[i] == h && spk_names_equal(s->k, s->kn, key, len)) {
            s->val |= bits;
            return 0;
        }
    }
    return spk_names_add(t, key, len, bits);
}

size_t *spk_names_value(spk_names *t, const char *key, size_t len)
{
    uint64_t h = spk_stored(spk_names_hash(key, len));
    size_t mask = t->cap - 1;
    for (size_t i = spk_home(h, mask); t->hs[i]; i = (i + 1) & mask)
        if (t->hs[i] == h && spk_names_equal(t->slots[i].k, t->slots[i].kn, key, len))
            return &t->slots[i].val;
    return NULL;
}

int spk_names_has_h(const spk_names *t, uint64_t h, const char *key, size_t len)
{
    size_t it = 0, v;
    return spk_names_find_h(t, h, key, len, &it, &v) == 0;
}
