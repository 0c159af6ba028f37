/*
 * test_speakers_random.c — the speakers rules on random FRUS-like text.
 *
 * Hundreds of documents (fixed seed, so a failure replays) are put together
 * from fragments the rules react to — participants headings, bullets,
 * titles, names, initials, speech verbs, pronouns, quotes, colons, brackets
 * — and from odd ones: NUL, combining marks, letters outside Latin, 4-byte
 * characters, line and paragraph separators.  Half the documents get
 * segment layers laid out as the segment stage would; the other half get
 * arbitrary (but valid) ones, as annotated input may bring.  The results
 * must meet what the core enforces on a stage's spans (docs/format.md, "What a stage may add"):
 * 0 <= start <= end <= length, both on UTF-8 character boundaries, each
 * layer in order of start, and every reference to an existing item.  The
 * strings of the results must point into the text or the people list.  On
 * the way, the tokens' precomputed hashes and word classes are checked
 * against plain lookups.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "spk_rules.h"

/* ---- a small deterministic generator ----------------------------------- */

static uint64_t rng_state;

static uint64_t rng(void)
{
    /* splitmix64: good enough, and the same on every platform. */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t below(size_t n) { return n ? (size_t)(rng() % n) : 0; }

/* ---- fragments --------------------------------------------------------- */

typedef struct frag {
    const char *s;
    size_t n;
} frag;

/* sizeof - 1 keeps an embedded NUL. */
#define F(lit) { lit, sizeof lit - 1 }

static const frag frags[] = {
    F("PARTICIPANTS:"), F("U.S. PARTICIPANTS"), F("SOVIET PARTICIPANTS"), F("Soviet Side:"),
    F("U.S. Side:"), F("Participants:"), F("ALSO PRESENT"), F("•"), F("  • "), F("- "), F("* "),
    F("–"), F("—"), F("Ambassador"), F("Ambassadors"), F("Secretary of State"), F("Deputy ForMin"),
    F("EUR/DAS"), F("COL"), F("Dr."), F("Mr."), F("Mrs."), F("The President"), F("the President"),
    F("General Secretary"), F("the Foreign Minister"), F("Gorbachev"), F("Shultz"), F("Nitze"),
    F("Paul"), F("Paul H. Nitze"), F("Bessmertnykh"), F("Korniyenko"), F("Kornienko"),
    F("Pérez de Cuéllar"), F("Mikol’chak"), F("Dobrynin"), F("Anatoliy F. Dobrynin"),
    F("Jack Matlock"), F("Karpov-Kampelman"), F("Grinevsky and Barry"), F("K"), F("D"), F("HAK"),
    F("P"), F("I"), F("He"), F("She"), F("he"), F("she"), F("her"), F("his"), F("me"), F("said"),
    F("told"), F("noted"), F("replied"), F("answered that"), F("then said"), F("commented"),
    F("asked"), F("agreed"), F("initialed"), F("and"), F("the"), F("The"), F("that"), F("to"),
    F("which"), F("positively"), F("(notetaker)"), F("(NSC)"), F("(Poindexter)"), F(","), F("."),
    F(";"), F(":"), F("?"), F("!"), F("("), F(")"), F("["), F("]"), F("“"), F("”"), F("\""),
    F("'"), F("’"), F("’s"), F("s’"), F("\0"), F("a\0b"), F("é"), F("Ü"), F("Жуков"), F("Ωμέγα"),
    F("𝔄𝔅"), F("\xef\xac\x81"), F("\xe2\x80\xa8"), F("\xc2\xa0"), F("\xe2\x80\x8b"),
    F("e\xcc\x81"), F("\xcc\x81"), F("\xef\xbb\xbf"), F("Source:"), F("Drafted by"),
    F("Memorandum From"), F("Note:"), F("NOTE"), F("[Page 12]"), F("12"), F("1987"), F("Moscow.2"),
    F("Kissinger:"), F("The President:"), F("Secretary Shultz:"), F("K:"), F("\n"), F("\n\n"),
    F("\n\n\n"), F("   "), F("\t"), F("\r\n"), F("ЖЖ"), F("ÉTIENNE"), F("O’Neill"), F("d’Estaing"),
    F("x"), F("A."), F("B"), F("C."),
};

static const char *const seps[] = { " ", " ", " ", "", "\n", "\n\n", ", " };

typedef struct text {
    char *p;
    size_t n, cap;
} text;

static void append(text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        ck_assert_ptr_nonnull(t->p);
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = 0;
}

/* A document of up to MAX fragments. */
static void make_text(text *t, size_t max)
{
    t->n = 0;
    append(t, "1. Memorandum of Conversation", 29);
    size_t nf = 1 + below(max);
    for (size_t i = 0; i < nf; i++) {
        const char *sep = seps[below(sizeof seps / sizeof *seps)];
        append(t, sep, strlen(sep));
        const frag *f = &frags[below(sizeof frags / sizeof *frags)];
        append(t, f->s, f->n);
    }
}

/* ---- segment layers ---------------------------------------------------- */

static int boundary(const text *t, size_t i)
{
    return i >= t->n || ((unsigned char)t->p[i] & 0xC0) != 0x80;
}

/* Sentences of [A, B): a period, question or exclamation mark and a space. */
static void sentences_of(const text *t, size_t a, size_t b, spk_spans *out)
{
    size_t s = a;
    for (size_t i = a; i + 1 < b; i++)
        if ((t->p[i] == '.' || t->p[i] == '?' || t->p[i] == '!') && t->p[i + 1] == ' ') {
            ck_assert_int_eq(spk_spans_push(out, s, i + 1, 0), 0);
            s = i + 2;
        }
    if (s < b)
        ck_assert_int_eq(spk_spans_push(out, s, b, 0), 0);
}

/* Blocks between blank lines: head, perhaps participants, body, perhaps
 * notes; a paragraph a block, sentences inside. */
static void segment_like(const text *t, spk_spans *secs, spk_spans *paras, spk_spans *sents)
{
    size_t a = 0, block = 0;
    int with_parts = (int)below(3) != 0;
    while (a < t->n) {
        const char *blank = memmem(t->p + a, t->n - a, "\n\n", 2);
        size_t b = blank ? (size_t)(blank - t->p) : t->n;
        if (b > a) {
            int kind = block == 0 ? SPK_SEC_HEAD
                       : block == 1 && with_parts ? SPK_SEC_PARTICIPANTS
                       : !blank && below(2) ? SPK_SEC_NOTES : SPK_SEC_BODY;
            ck_assert_int_eq(spk_spans_push(secs, a, b, kind), 0);
            if (kind != SPK_SEC_HEAD && kind != SPK_SEC_PARTICIPANTS) {
                ck_assert_int_eq(spk_spans_push(paras, a, b, 0), 0);
                sentences_of(t, a, b, sents);
            }
            block++;
        }
        a = blank ? b + 2 : t->n;
    }
}

static int cmp_span(const void *x, const void *y)
{
    const spk_span *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

/* Up to MAX valid spans anywhere (overlapping, nested, empty), in the order
 * the core gives a layer: by start, longer first. */
static void random_spans(const text *t, spk_spans *out, size_t max, int kinds)
{
    size_t n = below(max + 1);
    for (size_t i = 0; i < n; i++) {
        size_t a = below(t->n + 1), b = below(t->n + 1);
        while (!boundary(t, a))
            a--;
        while (!boundary(t, b))
            b--;
        if (a > b) {
            size_t x = a;
            a = b;
            b = x;
        }
        ck_assert_int_eq(spk_spans_push(out, a, b, kinds ? (int)below(SPK_SEC_OTHER + 1) : 0), 0);
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_span);
}

/* ---- the invariants ---------------------------------------------------- */

static const char *what;   /* the layer being checked, for messages */
static size_t doc_no;

static void check_range(const text *t, size_t start, size_t end, size_t prev_start)
{
    ck_assert_msg(start <= end && end <= t->n, "doc %zu: %s [%zu, %zu) of %zu", doc_no, what,
                  start, end, t->n);
    ck_assert_msg(boundary(t, start) && boundary(t, end), "doc %zu: %s [%zu, %zu) mid-character",
                  doc_no, what, start, end);
    ck_assert_msg(prev_start <= start, "doc %zu: %s out of order at %zu", doc_no, what, start);
}

static void check_str(const text *t, const spk_people *pp, spk_str s)
{
    if (!s.n)
        return;
    int in_text = s.p >= t->p && s.p + s.n <= t->p + t->n;
    int in_people = pp && pp->buf && s.p >= pp->buf && s.p + s.n <= pp->buf + strlen(pp->buf);
    ck_assert_msg(in_text || in_people, "doc %zu: %s string points elsewhere", doc_no, what);
}

static void check_result(const text *t, const spk_people *pp, const spk_result *r)
{
    size_t npeople = pp ? pp->n : 0, prev = 0;
    what = "participant";
    for (size_t i = 0; i < r->nparts; i++) {
        const spk_participant *p = &r->parts[i];
        check_range(t, p->start, p->end, prev);
        prev = p->start;
        check_str(t, pp, p->name);
        check_str(t, pp, p->surname);
        check_str(t, pp, p->given);
        check_str(t, pp, p->title);
        ck_assert(p->person == SPK_NONE || p->person < npeople);
    }
    what = "mention";
    prev = 0;
    for (size_t i = 0; i < r->nmentions; i++) {
        const spk_mention *m = &r->mentions[i];
        check_range(t, m->start, m->end, prev);
        prev = m->start;
        ck_assert(m->participant == SPK_NONE || m->participant < r->nparts);
        ck_assert(m->person == SPK_NONE || m->person < npeople);
    }
    what = "speech";
    prev = 0;
    for (size_t i = 0; i < r->nspeech; i++) {
        const spk_speech *s = &r->speech[i];
        check_range(t, s->start, s->end, prev);
        prev = s->start;
        check_str(t, pp, s->name);
        ck_assert(s->participant == SPK_NONE || s->participant < r->nparts);
        ck_assert(s->how >= SPK_NAMED && s->how <= SPK_QUOTED);
    }
}

/* ---- the test ---------------------------------------------------------- */

static const char people_tsv[] =
    "id\tname\tdescription\n"
    "p1\tGorbachev, Mikhail|Gorbachov, Mikhail\tGeneral Secretary\n"
    "p2\tNitze, Paul H.\tAmbassador\n"
    "p3\tPérez de Cuéllar, Javier\tSecretary-General\n"
    "p4\tDobrynin, Anatoliy F. (Anatol)\t\n"
    "p5\tKissinger\n";

/* The tokenizer hashes each word as it reads it, and spk_classify() keeps
 * the lexicon's answers on the token: both must be what looking the word up
 * on its own gives. */
static void check_tokens(const spk_lexicon *lx, const text *t)
{
    spk_toks toks;
    spk_toks_init(&toks);
    ck_assert_int_eq(spk_tokenize(t->p, 0, t->n, &toks), 0);
    spk_classify(lx, t->p, &toks);
    for (size_t i = 0; i < toks.n; i++) {
        const spk_tok *k = &toks.v[i];
        if (k->kind != SPK_TOK_WORD)
            continue;
        const char *w = t->p + k->start;
        size_t n = k->end - k->start;
        ck_assert_msg(k->hash == spk_names_hash(w, n), "doc %zu: hash of '%.*s'", doc_no, (int)n, w);
        unsigned want = (spk_is_speech_verb(lx, w, n) ? SPK_LX_VERB : 0) |
                        (spk_is_title(lx, w, n) ? SPK_LX_TITLE : 0) |
                        (spk_is_verb_filler(lx, w, n) ? SPK_LX_FILLER : 0) |
                        (spk_is_not_name(lx, w, n) ? SPK_LX_NOTNAME : 0) |
                        (spk_is_given_name(lx, w, n) ? SPK_LX_GIVEN : 0) |
                        (spk_is_opener(lx, w, n) ? SPK_LX_OPENS : 0);
        ck_assert_msg((k->lex & 0xFF) == want, "doc %zu: class of '%.*s'", doc_no, (int)n, w);
    }
    spk_toks_free(&toks);
}

static void run_one(const spk_lexicon *lx, const spk_people *pp, text *t, int arbitrary)
{
    check_tokens(lx, t);
    spk_spans secs, paras, sents;
    spk_spans_init(&secs);
    spk_spans_init(&paras);
    spk_spans_init(&sents);
    if (arbitrary) {
        random_spans(t, &secs, 6, 1);
        random_spans(t, &paras, 20, 0);
        random_spans(t, &sents, 40, 0);
    } else {
        segment_like(t, &secs, &paras, &sents);
    }
    spk_config cfg = { lx, pp };
    spk_input in = { t->p, t->n, &secs, &paras, &sents };
    spk_result r;
    spk_result_init(&r);
    ck_assert_int_eq(spk_analyse(&cfg, &in, &r), 0);
    check_result(t, pp, &r);
    spk_result_free(&r);
    spk_spans_free(&sents);
    spk_spans_free(&paras);
    spk_spans_free(&secs);
}

START_TEST(random_documents_keep_the_invariants)
{
    spk_lexicon *lx = spk_lexicon_new();
    ck_assert_ptr_nonnull(lx);
    spk_people people;
    spk_people_init(&people);
    char *buf = malloc(sizeof people_tsv);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, people_tsv, sizeof people_tsv);
    ck_assert_int_eq(spk_people_load(&people, buf, sizeof people_tsv - 1), 0);
    text t = { NULL, 0, 0 };
    /* SPK_RANDOM_SEED and SPK_RANDOM_DOCS let a longer hunt run by hand. */
    const char *seed = getenv("SPK_RANDOM_SEED"), *docs = getenv("SPK_RANDOM_DOCS");
    rng_state = seed ? strtoull(seed, NULL, 10) : 20240611;
    size_t ndocs = docs ? (size_t)strtoull(docs, NULL, 10) : 600;
    for (doc_no = 0; doc_no < ndocs; doc_no++) {
        make_text(&t, doc_no % 50 == 49 ? 3000 : 300);
        run_one(lx, doc_no % 3 == 0 ? &people : NULL, &t, (int)(doc_no & 1));
    }
    free(t.p);
    spk_people_free(&people);
    spk_lexicon_free(lx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("speakers-random");
    TCase *tc = tcase_create("invariants");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, random_documents_keep_the_invariants);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
