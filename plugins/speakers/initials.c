/*
 * initials.c — which person a speaker's initials stand for: "K" for
 * Kissinger, "HAK" for Henry A. Kissinger, "P" for the President.
 *
 * The rule: a one-letter word names the person whose surname starts with
 * that letter, or else (no surname does) whose title (written before the
 * name) starts with it; a word of two or three letters names the person whose first given
 * names start with all but its last letter and whose surname starts with
 * the last.  Principals (participants, or the people named before the body)
 * are asked first, everyone only when no principal fits, and an answer
 * stands only when it names exactly one person.  Letters are bytes,
 * compared folded (spt_fold()), the title's exactly.
 *
 * The rule is asked for every such word of a transcript, so it must not go
 * through all the people each time: a long roster and many "K said" would
 * make that quadratic.  The people no longer change once attribution
 * starts, so they are indexed then: each person gives the few keys that can
 * name them (one per form of word), and a lookup is a binary search of its
 * key among the principals' keys, then among everyone's.
 */
#include <stdlib.h>
#include "spk_chars.h"
#include "spk_speech.h"

/* The forms of word; with the folded letters they make a key. */
enum { SPK_IK_SURNAME = 1, SPK_IK_TITLE, SPK_IK_TWO, SPK_IK_THREE };

typedef struct spk_ikey {
    uint64_t key;
    size_t ent;
} spk_ikey;

typedef struct spk_ikeys {
    spk_ikey *v;
    size_t n, cap;
} spk_ikeys;

struct spk_initials_index {
    spk_ikeys principals, everyone;
};

/* A key: the form in the top 16 bits, then up to three letters of 16 bits
 * each (spt_fold() keeps a byte within Latin-1, so a folded byte fits). */
static uint64_t spk_ikey_of(int form, uint32_t a, uint32_t b, uint32_t c)
{
    return (uint64_t)form << 48 | (uint64_t)(a & 0xFFFF) << 32 | (uint64_t)(b & 0xFFFF) << 16 |
           (c & 0xFFFF);
}

static uint32_t spk_fold_byte(char b)
{
    return spt_fold((unsigned char)b);
}

static int spk_ikeys_add(spk_ikeys *k, uint64_t key, size_t ent)
{
    if (spt_grow((void **)&k->v, &k->cap, k->n, sizeof *k->v) < 0)
        return -1;
    k->v[k->n++] = (spk_ikey){ key, ent };
    return 0;
}

static int spk_ikey_cmp(const void *x, const void *y)
{
    const spk_ikey *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->ent < b->ent ? -1 : a->ent > b->ent;
}

/* The first letters of the first two given names of EN (after blanks and
 * dots, as "Henry A." is written); returns how many there are. */
static int spk_given_initials(const spk_entity *en, uint32_t out[2])
{
    int k = 0;
    size_t g = 0;
    while (g < en->given.n && k < 2) {
        while (g < en->given.n && (en->given.p[g] == ' ' || en->given.p[g] == '.'))
            g++;
        if (g >= en->given.n)
            break;
        out[k++] = spk_fold_byte(en->given.p[g]);
        while (g < en->given.n && en->given.p[g] != ' ' && en->given.p[g] != '.')
            g++;
    }
    return k;
}

/* The keys that name entity E. */
static int spk_keys_of(const spk_ctx *c, size_t e, spk_ikeys *to)
{
    const spk_entity *en = &c->ents[e];
    if (!en->surname.n)
        return 0;
    uint32_t s = spk_fold_byte(en->surname.p[0]), g[2];
    if (spk_ikeys_add(to, spk_ikey_of(SPK_IK_SURNAME, s, 0, 0), e) < 0)
        return -1;
    /* The title counts only for a letter the surname does not start with:
     * one key per person and letter, so that people are counted once. */
    if (en->title_tok != SPK_NONE) {
        char t = c->t[c->toks.v[en->title_tok].start];
        if (spk_fold_byte(t) != s &&
            spk_ikeys_add(to, spk_ikey_of(SPK_IK_TITLE, (unsigned char)t, 0, 0), e) < 0)
            return -1;
    }
    int ng = spk_given_initials(en, g);
    if (ng >= 1 && spk_ikeys_add(to, spk_ikey_of(SPK_IK_TWO, g[0], s, 0), e) < 0)
        return -1;
    if (ng >= 2 && spk_ikeys_add(to, spk_ikey_of(SPK_IK_THREE, g[0], g[1], s), e) < 0)
        return -1;
    return 0;
}

void spk_initials_free(spk_initials_index *x)
{
    if (x) {
        free(x->principals.v);
        free(x->everyone.v);
        free(x);
    }
}

spk_initials_index *spk_initials_new(const spk_ctx *c)
{
    spk_initials_index *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    for (size_t e = 0; e < c->nents; e++) {
        const spk_entity *en = &c->ents[e];
        int principal = c->out->nparts ? en->participant != SPK_NONE : en->early;
        if ((principal && spk_keys_of(c, e, &x->principals) < 0) || spk_keys_of(c, e, &x->everyone) < 0) {
            spk_initials_free(x);
            return NULL;
        }
    }
    if (x->principals.n > 1)
        qsort(x->principals.v, x->principals.n, sizeof *x->principals.v, spk_ikey_cmp);
    if (x->everyone.n > 1)
        qsort(x->everyone.v, x->everyone.n, sizeof *x->everyone.v, spk_ikey_cmp);
    return x;
}

/* How many people of K have KEY (0, 1, or 2 for "more"); *WHO gets the
 * first. */
static size_t spk_count(const spk_ikeys *k, uint64_t key, size_t *who)
{
    size_t lo = 0, hi = k->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (k->v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= k->n || k->v[lo].key != key)
        return 0;
    *who = k->v[lo].ent;
    return lo + 1 < k->n && k->v[lo + 1].key == key ? 2 : 1;
}

/* The person the word P[0, N) (1 to 3 bytes) names among the keys K:
 * *COUNT people fit. */
static size_t spk_lookup(const spk_ikeys *k, const char *p, size_t n, size_t *count)
{
    size_t who = SPK_NONE;
    if (n == 1) {
        /* A surname's initial wins over a title's: "D" is Dobrynin, not
         * "Dr." Kissinger; the title is asked only when no surname fits. */
        *count = spk_count(k, spk_ikey_of(SPK_IK_SURNAME, spk_fold_byte(p[0]), 0, 0), &who);
        if (!*count)
            *count = spk_count(k, spk_ikey_of(SPK_IK_TITLE, (unsigned char)p[0], 0, 0), &who);
    } else if (n == 2) {
        *count = spk_count(k, spk_ikey_of(SPK_IK_TWO, spk_fold_byte(p[0]), spk_fold_byte(p[1]), 0),
                           &who);
    } else {
        *count = spk_count(k, spk_ikey_of(SPK_IK_THREE, spk_fold_byte(p[0]), spk_fold_byte(p[1]),
                                          spk_fold_byte(p[2])),
                           &who);
    }
    return who;
}

size_t spk_initials(const spk_ctx *c, size_t i)
{
    const spk_initials_index *x = c->initials;
    size_t n = spk_tok_n(c, i);
    if (!x || n == 0 || n > 3)
        return SPK_NONE;
    const char *p = spk_tok_p(c, i);
    size_t count, who = spk_lookup(&x->principals, p, n, &count);
    if (count == 0)
        who = spk_lookup(&x->everyone, p, n, &count);
    return count == 1 ? who : SPK_NONE;
}
