/*
 * notes.c — find the footnotes block at the end of a document.
 *
 * FRUS renders footnotes after the text as lines "  N. text", numbered from 1.
 * The body may hold numbered lines too (telegram paragraphs "1. Secret—Entire
 * text."), and a footnote may quote numbered lines, so the block is found
 * from the end: the last numbered line sets the indentation, and walking back
 * over lines of that indentation numbered one less each time until "1." gives
 * the notes; numbered lines that break the count belong to a note's text.
 * Older volumes number the source note 0, so a "0." line may lead the block.
 */
#include <string.h>

#include "cite.h"

/* A line "INDENT N. text" the notes block may be made of. */
typedef struct cand {
    size_t line;        /* where the line starts */
    size_t indent;      /* blanks before the number */
    size_t text;        /* where the text after "N. " starts */
    unsigned n;
} cand;
CITE_ARRAY(cands, cand)

/* Whether the line at LINE (up to TO) is "INDENT N. text"; fills *C. */
static int numbered_line(const char *text, size_t to, size_t line, cand *c)
{
    size_t i = cite_skip_blanks(text, to, line);
    unsigned long n = 0;
    size_t j = cite_read_number(text, to, i, 3, &n);
    if (j == i && i + 1 < to && text[i] == '0' && text[i + 1] == '.')
        j = i + 1; /* older volumes number the source note 0 */
    if (j == i || j >= to || text[j] != '.')
        return 0;
    size_t k = cite_skip_blanks(text, to, j + 1);
    /* "1. text": a blank after the period and some text on the line. */
    if (k == j + 1 || k >= to || text[k] == '\n' || text[k] == '\r')
        return 0;
    c->line = line;
    c->indent = i - line;
    c->text = k;
    c->n = (unsigned)n;
    return 1;
}

/* Trim blanks and line breaks off the end of [start, end). */
static size_t rtrim(const char *text, size_t start, size_t end)
{
    while (end > start) {
        size_t b;
        long c = cite_prev_cp(text, end, &b);
        if (!cite_is_space(c))
            break;
        end = b;
    }
    return end;
}

int cite_find_notes(const char *text, size_t len, size_t from, size_t to,
                    cite_notes *out)
{
    if (to > len)
        to = len;
    if (from > to)
        return 0;
    cands cs = { 0 };
    /* Collect the numbered lines of [from, to). A line starts at FROM only
       when FROM is itself a line start (or the notes section's start). */
    size_t line = from;
    while (line < to) {
        cand c;
        if (numbered_line(text, to, line, &c)) {
            cand *slot = cands_push(&cs);
            if (slot == NULL) {
                cite_free(&cs);
                return -1;
            }
            *slot = c;
        }
        const char *nl = memchr(text + line, '\n', to - line);
        if (nl == NULL)
            break;
        line = (size_t)(nl - text) + 1;
    }
    if (cs.len == 0) {
        cite_free(&cs);
        return 0;
    }

    /* Walk back from the last numbered line: keep the lines of its indent
       numbered last.n - 1, last.n - 2, ... down to 1. Mark them by flipping
       the indent of the others to a value no kept line has. */
    size_t indent = cs.v[cs.len - 1].indent;
    unsigned want = cs.v[cs.len - 1].n;
    size_t first = cs.len; /* index of the "1." line once found */
    for (size_t i = cs.len; i-- > 0;) {
        if (cs.v[i].indent == indent && cs.v[i].n == want) {
            if (want <= 1) {
                first = i;
                break;
            }
            want--;
        } else {
            cs.v[i].indent = (size_t)-1; /* part of a note's text */
        }
    }
    int rc = 0;
    /* A source note numbered 0 may come before note 1. */
    if (first < cs.len && cs.v[first].n == 1) {
        for (size_t i = first; i-- > 0;) {
            if (cs.v[i].indent != indent)
                continue;
            if (cs.v[i].n == 0)
                first = i;
            break;
        }
    }
    if (first < cs.len) {
        size_t base = out->len;
        for (size_t i = first; i < cs.len; i++) {
            if (cs.v[i].indent != indent)
                continue;
            cite_note *note = cite_notes_push(out);
            if (note == NULL) {
                rc = -1;
                break;
            }
            note->start = cs.v[i].text;
            note->line = cs.v[i].line;
            note->n = cs.v[i].n;
            note->cited = 0;
            note->end = to;
            /* The previous note ends where this one's line starts. */
            if (out->len - 1 > base) {
                cite_note *prev = &out->v[out->len - 2];
                prev->end = rtrim(text, prev->start, note->line);
            }
        }
        if (out->len > base) {
            cite_note *last = &out->v[out->len - 1];
            last->end = rtrim(text, last->start, to);
        }
    }
    cite_free(&cs);
    return rc;
}
