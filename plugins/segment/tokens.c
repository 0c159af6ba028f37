/*
 * tokens.c — words, numbers and punctuation.
 *
 * One pass; a token is
 *   - a page marker "[Page 1039]" (so a page break inside a word leaves the
 *     word's halves as tokens on either side);
 *   - a URL or e-mail address, whole;
 *   - a word: letters, digits and marks, holding together across a hyphen
 *     ("medium-range"), a period in an abbreviation ("U.S.", "z.B.") or a
 *     number ("3.5", "1,000", "11:30"), an apostrophe inside a word
 *     ("O’Brien"); English clitics ("’s", "n’t") and French elisions ("l’",
 *     "qu’") are tokens of their own;
 *   - otherwise one punctuation character, or a run of the same one ("...").
 * A footnote marker glued to a word ("Conversation1") or after a period at a
 * sentence's end ("Moscow.2", "June 19.3") is split off.
 */
#include <string.h>
#include "segment_rules.h"
#include "seg_chars.h"
#include "seg_whitespace.h"

typedef struct tok {
    const char *t;
    size_t end;
    const seg_abbrevs *ab;
    seg_spans *out;
} tok;

static int emit(tok *k, size_t s, size_t e)
{
    return e > s ? seg_spans_push(k->out, s, e, 0) : 0;
}

static int ascii_ieq(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 0x20) != b[i])
            return 0;
    return 1;
}

/* French elided words: "l’", "qu’", "jusqu’". */
static int elided(const char *w, size_t n)
{
    static const char *const words[] = { "l", "d", "j", "qu", "c", "s", "n", "m", "t",
                                         "jusqu", "lorsqu", "puisqu", "quoiqu", NULL };
    for (size_t i = 0; words[i]; i++)
        if (ascii_ieq(w, n, words[i]))
            return 1;
    return 0;
}

/* Letters from I, and how many bytes they take. */
static size_t letters(const tok *k, size_t i)
{
    size_t j = i, w;
    while (j < k->end) {
        uint32_t c = spt_decode(k->t, k->end, j, &w);
        if (!spt_is_letter(c) && !spt_is_mark(c))
            break;
        j += w;
    }
    return j - i;
}

/* English clitic after an apostrophe at A: "’s", "’re", "’ve", "’ll", "’d", "’m". */
static int clitic(const tok *k, size_t after)
{
    size_t n = letters(k, after);
    const char *w = k->t + after;
    return ascii_ieq(w, n, "s") || ascii_ieq(w, n, "re") || ascii_ieq(w, n, "ve") ||
           ascii_ieq(w, n, "ll") || ascii_ieq(w, n, "d") || ascii_ieq(w, n, "m");
}

static int digit_at(const tok *k, size_t i)
{
    return i < k->end && k->t[i] >= '0' && k->t[i] <= '9';
}

/* Digits from I: how many. */
static size_t digit_run(const tok *k, size_t i)
{
    size_t j = i;
    while (digit_at(k, j))
        j++;
    return j - i;
}

/* A URL or an e-mail address in the chunk at I: its end, or 0. */
static size_t url(const tok *k, size_t i)
{
    size_t j = i, w;
    int url = 0;
    if (k->end - i >= 4 && memcmp(k->t + i, "www.", 4) == 0)
        url = 1;
    /* Cheap test first, bytewise: most chunks hold neither '@' nor "://". */
    for (size_t b = i; !url && b < k->end; b++) {
        char c = k->t[b];
        if (c == ' ' || c == '\n' || c == '\t')
            break;
        if (c == '@' || (c == ':' && k->end - b >= 3 && k->t[b + 1] == '/' && k->t[b + 2] == '/'))
            url = 1;
    }
    if (!url)
        return 0;
    url = 0;
    if (k->end - i >= 4 && memcmp(k->t + i, "www.", 4) == 0)
        url = 1;
    while (j < k->end) {
        uint32_t c = spt_decode(k->t, k->end, j, &w);
        if (spt_is_space(c))
            break;
        if (c == '@' && j > i && j + 1 < k->end && spt_is_wordchar((unsigned char)k->t[j + 1]))
            url = 1;
        if (c == ':' && k->end - j >= 3 && memcmp(k->t + j, "://", 3) == 0)
            url = 1;
        j += w;
    }
    if (!url)
        return 0;
    /* Trailing punctuation belongs to the sentence. */
    while (j > i) {
        size_t at;
        uint32_t c = spt_decode_prev(k->t, j, &at);
        if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
              seg_is_closer(c)))
            break;
        j = at;
    }
    return j;
}

/* Scan a word from I; returns its end. */
static size_t word(const tok *k, size_t i)
{
    const char *t = k->t;
    size_t start = i, w, seg = i; /* SEG: start of the current dotted group */
    int dotted = 1;               /* letters in groups of <= 3 between periods */
    /* "n’t" split off "don’t" by the caller's previous word */
    if ((t[i] == 'n' || t[i] == 'N') && i + 1 < k->end) {
        size_t aw;
        uint32_t a = spt_decode(t, k->end, i + 1, &aw);
        if (spt_is_apostrophe(a) && i + 1 + aw < k->end &&
            (t[i + 1 + aw] == 't' || t[i + 1 + aw] == 'T') && letters(k, i + 1 + aw) == 1)
            return i + 2 + aw;
    }
    while (i < k->end) {
        /* ASCII letters and digits first, a byte at a time */
        unsigned char b = (unsigned char)t[i];
        if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
            i++;
            continue;
        }
        if (b >= '0' && b <= '9') {
            dotted = 0;
            i++;
            continue;
        }
        uint32_t c = spt_decode(t, k->end, i, &w);
        if (spt_is_wordchar(c)) {
            if (!spt_is_letter(c) && !spt_is_mark(c))
                dotted = 0;
            i += w;
            continue;
        }
        size_t nx = i + w, w2;
        uint32_t d = nx < k->end ? spt_decode(t, k->end, nx, &w2) : 0;
        int before_digit = i > start && t[i - 1] >= '0' && t[i - 1] <= '9';
        if (c == '.') {
            if (before_digit && spt_is_digit(d)) {
                /* "3.5", but not a footnote marker ending the range: "19.3" */
                size_t r = digit_run(k, nx);
                if (r <= 3 && seg_skip_space(t, k->end, nx + r, 1) >= k->end)
                    return i;
                i = nx;
                continue;
            }
            if (dotted && i - seg >= 1 && i - seg <= 3 && spt_is_letter(d)) {
                seg = nx; /* "U.S", "z.B" */
                i = nx;
                continue;
            }
            /* The final period of an abbreviation is part of it. */
            if (seg_abbrevs_class(k->ab, t + start, i - start) != SEG_ABBR_NONE) {
                if (spt_is_dash(d) && d == '-' && nx + 1 < k->end &&
                    spt_is_letter(spt_decode(t, k->end, nx + 1, &w2))) {
                    i = nx + 1; /* "U.S.-Soviet" */
                    dotted = 0;
                    continue;
                }
                return nx;
            }
            return i;
        }
        if ((c == ',' || c == ':') && before_digit && spt_is_digit(d) && digit_run(k, nx) >= 2) {
            i = nx; /* "1,000", "11:30" */
            continue;
        }
        if ((c == '-' || c == 0x2010 || c == 0x2011) && spt_is_wordchar(d)) {
            i = nx; /* "medium-range" */
            dotted = 0;
            continue;
        }
        if (spt_is_apostrophe(c) && i > start && spt_is_letter(d)) {
            if (elided(t + start, i - start))
                return nx; /* "l’" | "Union" */
            if (clitic(k, nx))
                return i; /* "John" | "’s" */
            if ((d == 't' || d == 'T') && letters(k, nx) == 1 && i - start >= 2 &&
                (t[i - 1] == 'n' || t[i - 1] == 'N'))
                return i - 1; /* "do" | "n’t" */
            i = nx;
            dotted = 0;
            continue;
        }
        break;
    }
    return i;
}

/* Emit the word [S, E), splitting off a glued footnote marker: letters with a
 * lower-case one among them, then one or two digits ("Conversation1"). */
static int emit_word(tok *k, size_t s, size_t e)
{
    size_t d = 0;
    while (e - d > s && k->t[e - d - 1] >= '0' && k->t[e - d - 1] <= '9')
        d++;
    if (d >= 1 && d <= 2 && e - d - s >= 3) {
        int lower = 0, ok = 1;
        for (size_t i = s; i < e - d;) {
            size_t w;
            uint32_t c = spt_decode(k->t, e - d, i, &w);
            if (spt_is_lower(c))
                lower = 1;
            else if (!spt_is_letter(c) && !spt_is_mark(c))
                ok = 0;
            i += w;
        }
        if (ok && lower)
            return emit(k, s, e - d) < 0 ? -1 : emit(k, e - d, e);
    }
    return emit(k, s, e);
}

int seg_tokens(const char *t, size_t len, size_t start, size_t end,
               const seg_abbrevs *ab, seg_spans *out)
{
    if (end > len)
        end = len;
    tok k = { t, end, ab, out };
    size_t i = start;
    while (i < end) {
        size_t w;
        uint32_t c = spt_decode(t, end, i, &w);
        if (spt_is_space(c)) {
            i += w;
            continue;
        }
        size_t m = seg_page_marker(t, end, i);
        if (m) {
            if (emit(&k, i, i + m) < 0)
                return -1;
            i += m;
            continue;
        }
        size_t at;
        size_t u = (i == start || spt_is_space(spt_decode_prev(t, i, &at))) ? url(&k, i) : 0;
        if (u) {
            if (emit(&k, i, u) < 0)
                return -1;
            i = u;
            continue;
        }
        /* A clitic split off the word before: "’s", "’re". */
        if (spt_is_apostrophe(c) && i > start && spt_is_letter(spt_decode_prev(t, i, &at)) &&
            clitic(&k, i + w)) {
            if (emit(&k, i, i + w + letters(&k, i + w)) < 0)
                return -1;
            i += w + letters(&k, i + w);
            continue;
        }
        if (spt_is_wordchar(c)) {
            size_t e = word(&k, i);
            if (emit_word(&k, i, e) < 0)
                return -1;
            i = e;
            continue;
        }
        /* Punctuation: a run of the same character, or terminals ("?!"). */
        size_t j = i + w, w2;
        while (j < end) {
            uint32_t d = spt_decode(t, end, j, &w2);
            if (d != c && !(spt_is_terminal(c) && spt_is_terminal(d) && c != '.'))
                break;
            j += w2;
        }
        if (emit(&k, i, j) < 0)
            return -1;
        i = j;
    }
    return 0;
}
