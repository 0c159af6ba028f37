/* gencorpus.c — a deterministic benchmark corpus from the bundled FRUS sample.
 *
 * usage: gencorpus [-m MB] [-s SEED] [-t TEXT_FILE] SAMPLE.jsonl > corpus.jsonl
 *
 * The sample has 13 documents, far too little to time anything, and repeating
 * it would hand a compressor and a cache the same bytes over and over. So each
 * generated document is drawn afresh: a heading taken from one sample document
 * (renumbered), then 4 to 63 paragraphs drawn with replacement from the pool
 * of every paragraph in the sample, with a seeded PRNG. The same MB and seed
 * always give the same bytes; documents look like the sample (about 10 kB of
 * text, the same mix of headings, lists, quotations and footnotes) but no two
 * are alike.
 *
 * Writes JSON Lines (id, text, meta like the sample) to standard output, and
 * with -t the same texts as plain UTF-8, one document after another, each
 * followed by a line holding a single form feed, so the sentence splitters
 * that read plain text can still count documents. Generation stops after the
 * document that brings the text to MB x 10^6 bytes (counted without the
 * separators); the totals go to standard error as "docs N text_bytes N".
 *
 * Needs only jansson (to read the sample); built by bench/run.
 */
#define _POSIX_C_SOURCE 200809L /* getline, getopt */
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct piece {
    const char *s;
    size_t len;
};

struct pool {
    struct piece *v;
    size_t n, cap;
};

static void die(const char *what)
{
    fprintf(stderr, "gencorpus: %s\n", what);
    exit(1);
}

static void pool_add(struct pool *p, const char *s, size_t len)
{
    if (len == 0)
        return;
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        p->v = realloc(p->v, p->cap * sizeof *p->v);
        if (!p->v)
            die("out of memory");
    }
    p->v[p->n].s = s;
    p->v[p->n].len = len;
    p->n++;
}

/* splitmix64: tiny, good enough for drawing, and the same on every platform
 * (unlike rand()), which is what makes the corpus the same everywhere. */
static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t rng_below(size_t n)
{
    return (size_t)(rng_next() % n);
}

/* Split one sample text into its heading ("244. Memorandum From ...", the
 * number dropped) and its paragraphs (separated by blank lines). The pieces
 * point into the text, which stays alive for the whole run. */
static void split_sample(const char *text, struct pool *heads, struct pool *paras)
{
    const char *nl = strchr(text, '\n');
    const char *head = text, *head_end = nl ? nl : text + strlen(text);
    const char *dot = strstr(head, ". ");
    if (dot && dot < head_end && dot - head <= 6)
        head = dot + 2;
    pool_add(heads, head, (size_t)(head_end - head));

    const char *p = head_end;
    while (*p == '\n')
        p++;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        if (!end)
            end = p + strlen(p);
        pool_add(paras, p, (size_t)(end - p));
        p = end;
        while (*p == '\n')
            p++;
    }
}

/* A growable byte buffer for one document's text. */
struct buf {
    char *s;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t len)
{
    if (b->len + len + 1 > b->cap) {
        while (b->len + len + 1 > b->cap)
            b->cap = b->cap ? 2 * b->cap : 65536;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            die("out of memory");
    }
    memcpy(b->s + b->len, s, len);
    b->len += len;
    b->s[b->len] = '\0';
}

int main(int argc, char **argv)
{
    double mb = 100;
    unsigned long long seed = 1981;
    const char *text_path = NULL;
    int c;
    while ((c = getopt(argc, argv, "m:s:t:")) != -1) {
        if (c == 'm')
            mb = strtod(optarg, NULL);
        else if (c == 's')
            seed = strtoull(optarg, NULL, 10);
        else if (c == 't')
            text_path = optarg;
        else
            die("usage: gencorpus [-m MB] [-s SEED] [-t TEXT_FILE] SAMPLE.jsonl");
    }
    if (optind != argc - 1 || !(mb > 0))
        die("usage: gencorpus [-m MB] [-s SEED] [-t TEXT_FILE] SAMPLE.jsonl");

    FILE *in = fopen(argv[optind], "r");
    if (!in)
        die(strerror(errno));
    struct pool heads = { 0 }, paras = { 0 };
    json_t *samples = json_array();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, in) > 0) {
        json_error_t err;
        json_t *doc = json_loads(line, 0, &err);
        const char *text = doc ? json_string_value(json_object_get(doc, "text")) : NULL;
        if (!text)
            die("a sample line without a text");
        json_array_append_new(samples, doc); /* keeps the text alive */
        split_sample(text, &heads, &paras);
    }
    free(line);
    fclose(in);
    if (heads.n == 0 || paras.n == 0)
        die("no paragraphs in the sample");

    FILE *txt = NULL;
    if (text_path && !(txt = fopen(text_path, "w")))
        die(strerror(errno));

    rng_state = seed;
    const unsigned long long target = (unsigned long long)(mb * 1e6);
    unsigned long long total = 0, ndocs = 0;
    struct buf text = { 0 };
    while (total < target) {
        ndocs++;
        /* Ids vary the way a multi-volume collection's do: the volume and the
         * document number both change, so no prefix repeats for long. */
        unsigned volume = 1 + (unsigned)((ndocs - 1) / 500);
        unsigned long long number = ndocs;
        char id[64], num[32];
        snprintf(id, sizeof id, "bench-v%02u/d%llu", volume, number);
        snprintf(num, sizeof num, "%llu. ", number);

        text.len = 0;
        const struct piece *h = &heads.v[rng_below(heads.n)];
        buf_add(&text, num, strlen(num));
        buf_add(&text, h->s, h->len);
        size_t npar = 4 + rng_below(60);
        for (size_t i = 0; i < npar; i++) {
            const struct piece *p = &paras.v[rng_below(paras.n)];
            buf_add(&text, "\n\n", 2);
            buf_add(&text, p->s, p->len);
        }
        total += text.len;

        char vol[32], docname[32];
        snprintf(vol, sizeof vol, "bench-v%02u", volume);
        snprintf(docname, sizeof docname, "d%llu", number);
        json_t *doc = json_pack("{s:s, s:s%, s:{s:s, s:s, s:s, s:s%}}",
            "id", id, "text", text.s, text.len,
            "meta", "volume", vol, "document", docname, "source", "spanpipe bench",
            "title", h->s, h->len);
        if (!doc)
            die("could not build a document");
        char *out = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (!out || fputs(out, stdout) == EOF || putchar('\n') == EOF)
            die("cannot write the corpus");
        free(out);
        json_decref(doc);

        if (txt && (fwrite(text.s, 1, text.len, txt) != text.len || fputs("\n\f\n", txt) == EOF))
            die("cannot write the text file");
    }
    if (fflush(stdout) != 0 || (txt && fclose(txt) != 0))
        die("cannot write the output");
    fprintf(stderr, "docs %llu text_bytes %llu\n", ndocs, total);
    free(text.s);
    free(heads.v);
    free(paras.v);
    json_decref(samples);
    return 0;
}
