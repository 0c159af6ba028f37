/*
 * markers.c — footnote markers glued to the text, resolved to their notes.
 *
 * A marker is a number written right after a word or a punctuation mark with
 * no space: "Conversation1", "Moscow.2", "end of July.3", "treaty.”3",
 * "summit);2".  Digits glued to text also occur in identifiers and numbers
 * ("D860410–0575", "3:40 p.m.", "1,200", "SS-20", "INFCIRC/274"), so the shape
 * alone is not enough; what settles it is that FRUS numbers markers 1, 2, 3
 * in reading order, each citing the note of its number.  A candidate is taken
 * when it is the next number expected, or (when a marker was missed) a
 * slightly later number of an existing note written in an unambiguous shape.
 */
#include <stdint.h>
#include <string.h>

#include "cite.h"

/* How far ahead of the expected number a clear-cut marker may jump. */
#define MAX_SKIP 3

/* Longest marker number: notes per document stay far below 1000. */
#define MAX_DIGITS 3

/* Marker shapes, by how sure the shape alone makes us. */
enum shape {
    NOT_MARKER = 0,
    WEAK,    /* plausible only as the next expected number */
    CLEAR    /* a marker unless the numbering says otherwise */
};

/* Closing punctuation a marker may follow: . , ; : ) ] " ' ” ’ ? ! */
static int closing_punct(long c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' ||
           c == ']' || c == '"' || c == '\'' || c == 0x201d || c == 0x2019 ||
           c == '?' || c == '!' || c == 0xbb;
}

/*
 * Whether what follows a marker ending at END looks like the end of a
 * sentence: a line break, the end of the text, or blanks then a capital, an
 * opening quote or bracket.
 */
static int sentence_ends(const char *text, size_t len, size_t end)
{
    size_t i = cite_skip_blanks(text, len, end);
    if (i >= len || text[i] == '\n' || text[i] == '\r')
        return 1;
    if (i == end)
        return 0;
    long c = cite_next_cp(text, len, i, NULL);
    return cite_is_upper(c) || c == '"' || c == 0x201c || c == '(' ||
           c == '[' || c == 0x2018 || cite_is_dash(c);
}

/*
 * Classify the digits [START, END) of TEXT[0, LEN) by what surrounds them.
 */
static enum shape classify(const char *text, size_t len, size_t start,
                           size_t end)
{
    /* After: not a letter or digit (no "2nd", "3.5", "5%"). */
    size_t after_next;
    long a = cite_next_cp(text, len, end, &after_next);
    if (a >= 0) {
        if (cite_is_letter(a) || cite_is_digit(a) || a == '%' || a == '/' ||
            a == 0xb0 || a == 0xbd || a == 0xbc || a == 0xbe)
            return NOT_MARKER;
        if ((a == '.' || a == ',' || a == ':') &&
            cite_is_digit(cite_next_cp(text, len, after_next, NULL)))
            return NOT_MARKER; /* "2.5", "3,000", "10:30" */
        if (cite_is_dash(a) &&
            cite_is_digit(cite_next_cp(text, len, after_next, NULL)))
            return NOT_MARKER; /* a range "29–30" */
    }

    size_t pb;
    long p = cite_prev_cp(text, start, &pb);
    if (p < 0)
        return NOT_MARKER; /* at the start of the text: a document number */
    size_t ppb;
    long pp = cite_prev_cp(text, pb, &ppb);

    if (cite_is_lower(p))
        return CLEAR; /* "Conversation1" */
    if (cite_is_upper(p)) {
        /* "Gorbachev1" vs "G7", "SS20", "B1": after a capital that follows
           another capital (or starts the word) it is an identifier unless a
           sentence or line ends right there ("... in the USSR2\n"). */
        if (!cite_is_letter(pp) || cite_is_upper(pp))
            return sentence_ends(text, len, end) ? WEAK : NOT_MARKER;
        return CLEAR;
    }
    if (cite_is_letter(p))
        return CLEAR;
    if (closing_punct(p)) {
        /* After "1986." or "3:" the digits may continue a number ("3:40",
           "4.5") unless a sentence visibly ends after them; after "1,"
           three digits group thousands ("1,200") but fewer cannot. */
        if (cite_is_digit(pp) && (p == '.' || p == ':'))
            return sentence_ends(text, len, end) ? WEAK : NOT_MARKER;
        if (cite_is_digit(pp) && p == ',')
            return end - start == 3 ? NOT_MARKER : WEAK;
        if (pp < 0 || cite_is_space(pp))
            return NOT_MARKER; /* ". 2" or "(2" is not glued to anything */
        return CLEAR;
    }
    return NOT_MARKER; /* after a blank, a dash, a slash, a bracket... */
}

/* The index of the note numbered N, or -1; BYNUM maps numbers to indexes. */
static long note_of(const long *bynum, size_t nbynum, unsigned long n)
{
    return n < nbynum ? bynum[n] : -1;
}

/*
 * The first ASCII digit at or after I in TEXT[0, END), or END.  Eight bytes
 * at a time: most of a text is not digits, and a test of every byte was
 * most of this rule's time.
 */
static size_t next_digit(const char *text, size_t i, size_t end)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end - i >= 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        /* Per byte, on its low seven bits (no carry can cross a byte): the
         * high bit of LOW + 0x80 - '0' says >= '0', that of
         * LOW + 0x80 - '9' - 1 says > '9'; bytes >= 0x80 are no digits. */
        uint64_t low = w & ~highs;
        uint64_t ge0 = low + ones * (0x80 - '0');
        uint64_t gt9 = low + ones * (0x80 - '9' - 1);
        if (ge0 & ~gt9 & ~w & highs)
            break;
        i += 8;
    }
    while (i < end && (text[i] < '0' || text[i] > '9'))
        i++;
    return i;
}

int cite_find_markers(const char *text, size_t end, cite_notes *notes,
                      cite_refs *out)
{
    /* Notes by number, for O(1) resolution. */
    size_t nbynum = 1;
    for (size_t i = 0; i < notes->len; i++)
        if (notes->v[i].n + 1u > nbynum)
            nbynum = notes->v[i].n + 1u;
    long *bynum = malloc(nbynum * sizeof *bynum);
    if (bynum == NULL)
        return -1;
    for (size_t i = 0; i < nbynum; i++)
        bynum[i] = -1;
    for (size_t i = 0; i < notes->len; i++)
        if (bynum[notes->v[i].n] < 0)
            bynum[notes->v[i].n] = (long)i;

    size_t i = 0;
    int rc = 0;
    /* Older volumes number the source note 0. */
    unsigned long expected = nbynum > 0 && bynum[0] >= 0 ? 0 : 1;
    while (i < end) {
        i = next_digit(text, i, end);
        if (i >= end)
            break;
        /* A maximal run of digits starting at i. */
        size_t j = i;
        while (j < end && text[j] >= '0' && text[j] <= '9')
            j++;
        unsigned long n = 0; /* set below; the compiler cannot see it through the inline read */
        if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') {
            i = j;
            continue;
        }
        if (j == i + 1 && text[i] == '0')
            n = 0;
        else if (cite_read_number(text, end, i, MAX_DIGITS, &n) != j) {
            i = j;
            continue;
        }
        enum shape shape = classify(text, end, i, j);
        long note = note_of(bynum, nbynum, n);
        int take = 0;
        if (shape != NOT_MARKER && n == expected)
            /* The next number: a marker if a note has it, or when the shape
               is clear-cut (a marker whose note is missing). */
            take = note >= 0 || shape == CLEAR;
        else if (shape == CLEAR && note >= 0 && n > expected &&
                 n <= expected + MAX_SKIP)
            take = 1; /* an earlier marker was missed */
        if (take) {
            cite_ref *r = cite_refs_push(out);
            if (r == NULL) {
                rc = -1;
                break;
            }
            r->start = i;
            r->end = j;
            r->n = (unsigned)n;
            r->note = note;
            if (note >= 0)
                notes->v[note].cited = 1;
            expected = n + 1;
        }
        i = j;
    }
    free(bynum);
    return rc;
}
