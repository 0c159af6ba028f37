/*
 * sbd_check.c — sentence boundary F1 of the segment rules on general text.
 *
 * usage: sbd_check [-v] FILE[=MIN] ...
 *
 * Each FILE is a corpus of gold sentences (tests/segment/corpus/README): one
 * sentence a line, a blank line between paragraphs, "# newdoc" between
 * documents.  Every document is rebuilt as text in three layouts, as a
 * treebank's sentences are when they are turned back into running text:
 *
 *   par    sentences of a paragraph joined by a space, paragraphs by a line break
 *   blank  the same, paragraphs separated by a blank line
 *   line   every sentence on a line of its own
 *
 * and segmented by the stage's rules (layout, then sentences per zone), as the
 * plugin does.  Sentences are compared as spans over the non-space characters
 * (the CoNLL 2018 shared task's way, so white space never decides a match):
 * a system sentence is right when it starts and ends where a gold one does.
 * One line per file and layout: gold, system, correct, precision, recall, F1.
 * With -v, every wrong or missed sentence is shown.
 *
 * Exit status 1 when a file's F1 in some layout is below its MIN, 2 on a
 * usage or read error; the last line is "N passed, N failed" over the bounds.
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "segment_rules.h"

enum { L_PAR, L_BLANK, L_LINE, L_COUNT };
static const char *const layout_names[L_COUNT] = { "par", "blank", "line" };

/* A growable byte buffer. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void die_oom(void)
{
    fprintf(stderr, "sbd_check: out of memory\n");
    exit(2);
}

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            die_oom();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

/* One document: its text in one layout and the gold spans (byte offsets). */
typedef struct doc {
    buf text;
    seg_spans gold;
} doc;

typedef struct counts {
    size_t gold, sys, correct;
} counts;

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* NS[i]: non-space characters (code points) before byte I, for I in [0, N]. */
static size_t *nonspace_index(const char *t, size_t n)
{
    size_t *ns = malloc((n + 1) * sizeof *ns);
    if (!ns)
        die_oom();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        ns[i] = k;
        unsigned char c = (unsigned char)t[i];
        if (!is_space(c) && (c & 0xC0) != 0x80)
            k++;
    }
    ns[n] = k;
    return ns;
}

static void show(const char *what, const char *t, const seg_span *s)
{
    printf("    %s: %.*s\n", what, (int)(s->end - s->start), t + s->start);
}

/* Segment D and add its figures to C. */
static void score_doc(const doc *d, const seg_abbrevs *ab, int verbose, counts *c)
{
    const char *t = d->text.p ? d->text.p : "";
    size_t n = d->text.n;
    seg_layout l;
    seg_spans sys;
    seg_layout_init(&l);
    seg_spans_init(&sys);
    if (seg_layout_build(t, n, &l) < 0)
        die_oom();
    for (size_t i = 0; i < l.zones.n; i++)
        if (seg_sentences(t, n, l.zones.v[i].start, l.zones.v[i].end, ab, &sys) < 0)
            die_oom();
    size_t *ns = nonspace_index(t, n);
    /* Both lists are in order of start: walk them together. */
    size_t g = 0, s = 0;
    while (g < d->gold.n || s < sys.n) {
        const seg_span *gs = g < d->gold.n ? &d->gold.v[g] : NULL;
        const seg_span *ss = s < sys.n ? &sys.v[s] : NULL;
        size_t gst = gs ? ns[gs->start] : (size_t)-1, sst = ss ? ns[ss->start] : (size_t)-1;
        if (gs && ss && gst == sst && ns[gs->end] == ns[ss->end]) {
            c->correct++;
            g++;
            s++;
            continue;
        }
        if (gs && (!ss || gst <= sst)) {
            if (verbose)
                show("missed", t, gs);
            g++;
        }
        if (ss && (!gs || sst <= gst)) {
            if (verbose)
                show("wrong ", t, ss);
            s++;
        }
    }
    c->gold += d->gold.n;
    c->sys += sys.n;
    free(ns);
    seg_spans_free(&sys);
    seg_layout_free(&l);
}

/* Read the corpus file PATH and score it in LAYOUT. */
static int score_file(const char *path, int layout, const seg_abbrevs *ab, int verbose,
                      counts *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    doc d = { { NULL, 0, 0 }, { 0 } };
    seg_spans_init(&d.gold);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int par_open = 0; /* a sentence of the current paragraph was added */
    int in_doc = 0;
    for (;;) {
        got = getline(&line, &cap, f);
        int newdoc = got >= 0 && strncmp(line, "# newdoc", 8) == 0;
        if (got < 0 || newdoc) {
            if (in_doc && d.gold.n)
                score_doc(&d, ab, verbose, c);
            d.text.n = 0;
            seg_spans_clear(&d.gold);
            par_open = 0;
            in_doc = 1;
            if (got < 0)
                break;
            continue;
        }
        while (got > 0 && is_space((unsigned char)line[got - 1]))
            got--;
        if (line[0] == '#')
            continue;
        if (got == 0) {
            par_open = 0;
            continue;
        }
        /* The separator before this sentence. */
        if (d.gold.n) {
            const char *sep = layout == L_LINE ? "\n"
                              : par_open       ? " "
                              : layout == L_PAR ? "\n"
                                                : "\n\n";
            buf_add(&d.text, sep, strlen(sep));
        }
        size_t start = d.text.n;
        buf_add(&d.text, line, (size_t)got);
        if (seg_spans_push(&d.gold, start, d.text.n, 0) < 0)
            die_oom();
        par_open = 1;
        in_doc = 1;
    }
    free(line);
    free(d.text.p);
    seg_spans_free(&d.gold);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    int verbose = 0, passed = 0, failed = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        verbose = 1;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: sbd_check [-v] FILE[=MIN] ...\n");
        return 2;
    }
    seg_abbrevs *ab = seg_abbrevs_new();
    if (!ab)
        die_oom();
    printf("%-28s %-6s %6s %6s %7s %6s %6s %6s\n", "corpus", "layout", "gold", "system",
           "correct", "P", "R", "F1");
    for (int a = first; a < argc; a++) {
        char *path = argv[a], *eq = strrchr(path, '=');
        double min = -1;
        if (eq) {
            *eq = 0;
            min = strtod(eq + 1, NULL);
        }
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        for (int l = 0; l < L_COUNT; l++) {
            counts c = { 0, 0, 0 };
            if (verbose)
                printf("%s %s:\n", base, layout_names[l]);
            if (score_file(path, l, ab, verbose, &c) < 0) {
                seg_abbrevs_free(ab);
                return 2;
            }
            double p = c.sys ? (double)c.correct / c.sys : 0;
            double r = c.gold ? (double)c.correct / c.gold : 0;
            double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
            printf("%-28s %-6s %6zu %6zu %7zu %6.3f %6.3f %6.3f", base, layout_names[l],
                   c.gold, c.sys, c.correct, p, r, f1);
            if (min >= 0) {
                int ok = f1 >= min;
                printf("  %s (min %.3f)", ok ? "pass" : "FAIL", min);
                if (ok)
                    passed++;
                else
                    failed++;
            }
            printf("\n");
        }
    }
    seg_abbrevs_free(ab);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
