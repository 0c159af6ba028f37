/*
 * layout.c — sections, paragraphs and sentence zones of a document.
 *
 * The document is read as lines and blocks (runs of non-blank lines).  The
 * shape of a FRUS document, as the Office of the Historian renders it, is
 *
 *     255. Memorandum of Conversation1          head (number and title)
 *     Visit of ... / July 25, 1986              front matter: subtitle,
 *       • U.S. PARTICIPANTS                     dateline, participants,
 *         • Ambassador Paul Nitze               SUBJECT lists
 *     Simons opened by welcoming ...            body
 *     Shultz                                    signature
 *       1. Source: Department of State, ...     notes (the footnotes block)
 *
 * Each part is recognised by its shape only, and each is optional: a text
 * without a numbered title has no front matter and is all body, so plain
 * prose in any language only meets the paragraph rules.
 *
 * Everything is found in two linear passes: one backwards for the notes
 * block, one forwards for the rest; a third short walk over the leading
 * blocks decides where the front matter ends.
 */
#include <string.h>
#include "segment_rules.h"
#include "seg_chars.h"
#include "seg_whitespace.h"

/* ---- lines and blocks ------------------------------------------------------ */

typedef struct line {
    size_t s, e;  /* the line without its '\n' */
    size_t next;  /* where the next line starts */
} line;

static line line_at(const char *t, size_t n, size_t pos)
{
    line l;
    const char *nl = memchr(t + pos, '\n', n - pos);
    l.s = pos;
    l.e = nl ? (size_t)(nl - t) : n;
    l.next = nl ? l.e + 1 : n;
    return l;
}

static int line_blank(const char *t, line l)
{
    return seg_trim_start(t, l.s, l.e) == l.e;
}

/* Indentation width in bytes (blanks before the first character). */
static size_t indent(const char *t, line l)
{
    return seg_skip_space(t, l.e, l.s, 0) - l.s;
}

/* A bullet line ("  • text", "- text"): where its text starts, or 0. */
static size_t bullet_text(const char *t, line l)
{
    size_t i = seg_skip_space(t, l.e, l.s, 0), w;
    if (i >= l.e)
        return 0;
    uint32_t c = spt_decode(t, l.e, i, &w);
    if (!seg_is_bullet(c) || i + w >= l.e)
        return 0;
    size_t j = i + w, k;
    uint32_t d = spt_decode(t, l.e, j, &k);
    if (!spt_is_blank(d))
        return 0;
    j = seg_skip_space(t, l.e, j, 0);
    return j < l.e ? j : 0;
}

/* A numbered line ("1. text", "2) text", "(3) text", "b) text"). */
static int numbered(const char *t, line l)
{
    size_t i = seg_skip_space(t, l.e, l.s, 0), d = 0;
    int paren = 0;
    if (i < l.e && t[i] == '(') {
        paren = 1;
        i++;
    }
    while (i < l.e && t[i] >= '0' && t[i] <= '9' && d < 4) {
        i++;
        d++;
    }
    if (d == 0 && i < l.e && t[i] >= 'a' && t[i] <= 'z' && !paren) {
        i++;
        if (i >= l.e || t[i] != ')')
            return 0;
        d = 1;
    }
    if (d == 0 || d > 3 || i >= l.e)
        return 0;
    if (paren ? t[i] != ')' : (t[i] != '.' && t[i] != ')'))
        return 0;
    i++;
    return i < l.e && (t[i] == ' ' || t[i] == '\t');
}

/* A footnote line: optional indentation, 1-3 digits, ". ", text.  Returns
 * the note's number (or -1) and its text's start in *TEXT. */
static long note_line(const char *t, line l, size_t *text)
{
    size_t i = seg_skip_space(t, l.e, l.s, 0), d = 0;
    long num = 0;
    while (i < l.e && t[i] >= '0' && t[i] <= '9' && d < 4) {
        num = num * 10 + (t[i] - '0');
        i++;
        d++;
    }
    if (d == 0 || d > 3 || i + 2 > l.e || t[i] != '.' || (t[i + 1] != ' ' && t[i + 1] != '\t'))
        return -1;
    i = seg_skip_space(t, l.e, i + 1, 0);
    if (i >= l.e)
        return -1;
    *text = i;
    return num;
}

/* Does the line end with sentence punctuation (looking past closing quotes
 * and brackets and a footnote marker: "... said.”2")? */
static int ends_sentence(const char *t, line l)
{
    size_t e = seg_trim_end(t, l.s, l.e), at;
    size_t digits = 0;
    while (e > l.s && t[e - 1] >= '0' && t[e - 1] <= '9' && digits < 4) {
        e--;
        digits++;
    }
    if (digits > 3)
        return 0;
    while (e > l.s) {
        uint32_t c = spt_decode_prev(t, e, &at);
        if (spt_is_terminal(c))
            return 1;
        if (!seg_is_closer(c))
            return 0;
        e = at;
    }
    return 0;
}

/* ---- what a block is -------------------------------------------------------- */

typedef struct block {
    size_t s, e;     /* first line's start, last line's end */
    size_t next;     /* where the line after it starts */
    size_t lines;
} block;

/* The block at or after POS (skipping blank lines), before LIMIT; 0 if none. */
static int block_at(const char *t, size_t n, size_t pos, size_t limit, block *b)
{
    while (pos < limit) {
        line l = line_at(t, n, pos);
        if (!line_blank(t, l))
            break;
        pos = l.next;
    }
    if (pos >= limit)
        return 0;
    b->s = pos;
    b->lines = 0;
    while (pos < limit) {
        line l = line_at(t, n, pos);
        if (line_blank(t, l))
            break;
        b->e = l.e;
        b->lines++;
        pos = l.next;
    }
    b->next = pos;
    return 1;
}

/* "[Page 1008]" alone. */
static int page_block(const char *t, block b)
{
    size_t s = seg_trim_start(t, b.s, b.e), e = seg_trim_end(t, b.s, b.e);
    size_t m = seg_page_marker(t, e, s);
    return m && s + m == e;
}

static int contains_ci(const char *t, size_t s, size_t e, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = s; i + k <= e; i++) {
        size_t j = 0;
        while (j < k && (t[i + j] | 0x20) == word[j])
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

/* A participants heading: "U.S. PARTICIPANTS", "Participants:" (short). */
static int participants_head(const char *t, block b)
{
    line l = line_at(t, b.e, b.s);
    return l.e - l.s <= 100 && contains_ci(t, l.s, l.e, "participant");
}

/* A dateline: one short line with a year and a month ("Washington, July 25,
 * 1986, 3:40 p.m.", "Moscow, 26. Juni 1986"). */
static int date_block(const char *t, block b)
{
    static const char *const months[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "januar",
        "februar", "märz", "juni", "juli", "oktober", "dezember", "janvier",
        "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre", NULL
    };
    if (b.lines != 1 || b.e - b.s > 100)
        return 0;
    int year = 0;
    for (size_t i = b.s; i + 4 <= b.e; i++) {
        int digits = 0;
        while (digits < 5 && i + digits < b.e && t[i + digits] >= '0' && t[i + digits] <= '9')
            digits++;
        if (digits == 4 && (i == b.s || t[i - 1] < '0' || t[i - 1] > '9') &&
            (t[i] == '1' || t[i] == '2'))
            year = 1;
        if (digits)
            i += digits - 1;
    }
    if (!year)
        return 0;
    for (size_t m = 0; months[m]; m++)
        if (contains_ci(t, b.s, b.e, months[m]))
            return 1;
    return 0;
}

/* Prose: some line ends a sentence, or a line is too long for a heading. */
static int prose_block(const char *t, size_t n, block b)
{
    for (size_t pos = b.s; pos <= b.e && pos < n;) {
        line l = line_at(t, n, pos);
        if (ends_sentence(t, l) || l.e - l.s > 200)
            return 1;
        pos = l.next;
    }
    return 0;
}

static int bullet_block(const char *t, block b)
{
    return bullet_text(t, line_at(t, b.e, b.s)) != 0;
}

/* A signature: one to three short lines of capitalised words ("Shultz",
 * "Fritz W. Ermarth", "Ronald Reagan"), no sentence punctuation at the end. */
static int signature_block(const char *t, size_t n, block b)
{
    if (b.lines > 3)
        return 0;
    for (size_t pos = b.s; pos <= b.e && pos < n;) {
        line l = line_at(t, n, pos);
        size_t s = seg_trim_start(t, l.s, l.e), e = seg_trim_end(t, l.s, l.e), at;
        if (e - s > 60 || e == s)
            return 0;
        uint32_t last = spt_decode_prev(t, e, &at);
        if (!spt_is_letter(last) && last != ')')
            return 0;
        size_t words = 0, i = s, w;
        while (i < e) {
            i = seg_skip_space(t, e, i, 0);
            if (i >= e)
                break;
            uint32_t c = spt_decode(t, e, i, &w);
            size_t ws = i;
            while (i < e && !spt_is_blank(spt_decode(t, e, i, &w)))
                i += w;
            words++;
            int small = (i - ws <= 3 && spt_is_lower(c)); /* "of", "de", "von" */
            if (!spt_is_upper(c) && !small && c != '(' && c != '/')
                return 0;
        }
        if (words == 0 || words > 6)
            return 0;
        pos = l.next;
    }
    return 1;
}

/* ---- the notes block --------------------------------------------------------- */

/* Where the footnotes block starts: the trailing run of lines "  N. text" with
 * N counting up from 1 (indented continuation lines and blank lines may come
 * between).  N when there is none. */
static size_t find_notes(const char *t, size_t n)
{
    size_t end = n, first = n;
    long want = -1; /* the number the next note line up must carry */
    while (end > 0) {
        /* the line that ends at END (END is n or a '\n' position) */
        size_t s = end;
        while (s > 0 && t[s - 1] != '\n')
            s--;
        line l = { s, end, end < n ? end + 1 : n };
        size_t text;
        if (!line_blank(t, l)) {
            long num = note_line(t, l, &text);
            if (num > 0 && (want < 0 || num == want)) {
                first = s;
                if (num == 1) {
                    /* Found the top.  Footnotes are indented; an unindented
                     * numbered list is a list, unless it is a FRUS source note. */
                    if (indent(t, l) == 0 &&
                        !(l.e - text >= 7 && memcmp(t + text, "Source:", 7) == 0))
                        return n;
                    /* Only blank lines may come before it. */
                    size_t p = s;
                    if (p > 0) {
                        size_t q = p - 1;
                        size_t ps = q;
                        while (ps > 0 && t[ps - 1] != '\n')
                            ps--;
                        line prev = { ps, q, p };
                        if (!line_blank(t, prev))
                            return n;
                    }
                    return first;
                }
                want = num - 1;
            } else if (want < 0 || indent(t, l) == 0 || num > 0) {
                return n;
            }
        }
        if (s == 0)
            break;
        end = s - 1;
    }
    return n;
}

/* ---- emitting ------------------------------------------------------------------ */

typedef struct builder {
    const char *t;
    size_t n;
    seg_layout *out;
    int err;
} builder;

static void push(builder *b, seg_spans *s, size_t start, size_t end, int kind)
{
    start = seg_trim_start(b->t, start, end);
    end = seg_trim_end(b->t, start, end);
    if (start >= end || b->err)
        return;
    /* Merge a section with the one before it when they are of a kind. */
    if (s == &b->out->sections && s->n && s->v[s->n - 1].kind == kind) {
        s->v[s->n - 1].end = end;
        return;
    }
    if (seg_spans_push(s, start, end, kind) < 0)
        b->err = 1;
}

static void paragraph(builder *b, size_t s, size_t e)
{
    push(b, &b->out->paragraphs, s, e, 0);
    push(b, &b->out->zones, s, e, SEG_ZONE_PARAGRAPH);
}

/* The end of [S, E) without the page markers alone on its last lines: a
 * printed page that ends between two paragraphs ("...a year.\n  [Page 27]\n
 *   • I am ...") belongs to neither. */
static size_t drop_page_lines(const char *t, size_t s, size_t e)
{
    for (;;) {
        e = seg_trim_end(t, s, e);
        /* the marker's "[" within its 19 bytes, then only blanks back to
         * the line's start (never a scan of the whole line) */
        size_t m = e;
        while (m > s && e - m < 19 && t[m - 1] != '[')
            m--;
        if (e == s || t[e - 1] != ']' || m == s || t[m - 1] != '[' ||
            seg_page_marker(t, e, m - 1) != e - m + 1)
            return e;
        size_t ls = m - 1;
        while (ls > s && (t[ls - 1] == ' ' || t[ls - 1] == '\t'))
            ls--;
        if (ls == s || t[ls - 1] != '\n')
            return e;
        e = ls;
    }
}

/* Split a block into paragraphs: each bullet line opens one (the bullet left
 * out), each numbered line after a line that ended a sentence too. */
static void block_paragraphs(builder *b, block bl)
{
    const char *t = b->t;
    size_t pstart = bl.s, pos = bl.s;
    int prev_ends = 0, first = 1;
    while (pos <= bl.e && pos < b->n) {
        line l = line_at(t, b->n, pos);
        if (l.e > bl.e)
            l.e = bl.e;
        size_t bt = bullet_text(t, l);
        int num = numbered(t, l);
        if (!first && (bt || (num && prev_ends))) {
            paragraph(b, pstart, drop_page_lines(t, pstart, l.s));
            pstart = l.s;
        }
        if (bt)
            pstart = bt;
        /* After a line that ends a sentence or an item, a numbered line
         * starts a new item; after a wrapped line it may be a year. */
        prev_ends = bt || num || ends_sentence(t, l) ||
                    (l.e > l.s && t[seg_trim_end(t, l.s, l.e) - 1] == ':');
        first = 0;
        if (l.next <= pos)
            break;
        pos = l.next;
    }
    paragraph(b, pstart, bl.e);
}

/* The footnotes: one zone per note's text. */
static void notes_zones(builder *b, size_t from)
{
    const char *t = b->t;
    size_t zs = 0, ze = 0, pos = from;
    int open = 0;
    while (pos < b->n) {
        line l = line_at(t, b->n, pos);
        size_t text;
        if (note_line(t, l, &text) > 0) {
            if (open)
                push(b, &b->out->zones, zs, ze, SEG_ZONE_NOTE);
            zs = text;
            open = 1;
        }
        if (!line_blank(t, l))
            ze = l.e;
        pos = l.next;
    }
    if (open)
        push(b, &b->out->zones, zs, ze, SEG_ZONE_NOTE);
    push(b, &b->out->sections, from, b->n, SEG_SEC_NOTES);
}

/* The title line: "255. Memorandum of Conversation1". */
static int head_line(const char *t, line l)
{
    size_t i = l.s, d = 0;
    while (i < l.e && t[i] >= '0' && t[i] <= '9' && d < 6) {
        i++;
        d++;
    }
    if (d == 0 || d > 5)
        return 0;
    if (i < l.e && ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')))
        i++; /* "12a." */
    if (i + 2 >= l.e || t[i] != '.' || t[i + 1] != ' ')
        return 0;
    size_t w;
    return spt_is_letter(spt_decode(t, l.e, i + 2, &w));
}

/* Where the front matter after a head ends: after the last block among the
 * leading non-prose ones that is surely front matter (participants, a
 * dateline, a list).  Plain short blocks after it (a "Summary" heading)
 * belong to the body.  Also gives the first block of the body. */
static size_t front_end(const char *t, size_t n, size_t pos, size_t limit)
{
    block bl;
    size_t end = pos;
    int in_participants = 0;
    while (block_at(t, n, pos, limit, &bl)) {
        if (page_block(t, bl)) {
            /* neutral */
        } else if (participants_head(t, bl) || date_block(t, bl)) {
            in_participants = participants_head(t, bl);
            end = bl.next;
        } else if (bullet_block(t, bl) || (in_participants && !prose_block(t, n, bl))) {
            end = bl.next;
        } else if (prose_block(t, n, bl)) {
            break;
        } else {
            in_participants = 0;
        }
        pos = bl.next;
    }
    return end;
}

static int front_kind(const char *t, size_t n, block bl, int *in_participants)
{
    if (participants_head(t, bl)) {
        *in_participants = 1;
        return SEG_SEC_PARTICIPANTS;
    }
    if (date_block(t, bl)) {
        *in_participants = 0;
        return SEG_SEC_DATELINE;
    }
    if (*in_participants && (bullet_block(t, bl) || !prose_block(t, n, bl)))
        return SEG_SEC_PARTICIPANTS;
    *in_participants = 0;
    return SEG_SEC_OTHER;
}

void seg_layout_init(seg_layout *l)
{
    seg_spans_init(&l->sections);
    seg_spans_init(&l->paragraphs);
    seg_spans_init(&l->zones);
}

void seg_layout_free(seg_layout *l)
{
    seg_spans_free(&l->sections);
    seg_spans_free(&l->paragraphs);
    seg_spans_free(&l->zones);
}

const char *seg_section_name(int kind)
{
    switch (kind) {
    case SEG_SEC_HEAD: return "head";
    case SEG_SEC_DATELINE: return "dateline";
    case SEG_SEC_PARTICIPANTS: return "participants";
    case SEG_SEC_BODY: return "body";
    case SEG_SEC_SIGNATURE: return "signature";
    case SEG_SEC_NOTES: return "notes";
    default: return "other";
    }
}

int seg_layout_build(const char *t, size_t n, seg_layout *out)
{
    builder b = { t, n, out, 0 };
    seg_spans_clear(&out->sections);
    seg_spans_clear(&out->paragraphs);
    seg_spans_clear(&out->zones);

    size_t notes = find_notes(t, n);
    size_t pos = 0, front = 0;
    block bl;

    /* The head: the first line, when it is a numbered title. */
    if (block_at(t, n, 0, notes, &bl)) {
        line first = line_at(t, n, bl.s);
        if (head_line(t, first)) {
            push(&b, &out->sections, first.s, first.e, SEG_SEC_HEAD);
            push(&b, &out->zones, first.s, first.e, SEG_ZONE_HEAD);
            pos = first.next;
            front = front_end(t, n, pos, notes);
        }
    }

    /* Front matter, then the body; remember the last two real blocks to find
     * the signature once the body is known. */
    int in_participants = 0;
    size_t body_start = (size_t)-1;
    block last = { 0, 0, 0, 0 };
    int have_last = 0, body_blocks = 0;
    while (block_at(t, n, pos, notes, &bl)) {
        if (bl.e > notes)
            bl.e = notes;
        if (page_block(t, bl)) {
            pos = bl.next;
            continue;
        }
        if (bl.s < front) {
            push(&b, &out->sections, bl.s, bl.e, front_kind(t, n, bl, &in_participants));
        } else {
            if (body_start == (size_t)-1)
                body_start = bl.s;
            last = bl;
            have_last = 1;
            body_blocks++;
        }
        block_paragraphs(&b, bl);
        pos = bl.next;
    }
    if (have_last) {
        size_t body_end = last.e;
        int sig = body_blocks > 1 && signature_block(t, n, last);
        if (sig)
            body_end = last.s;
        push(&b, &out->sections, body_start, body_end, SEG_SEC_BODY);
        if (sig)
            push(&b, &out->sections, last.s, last.e, SEG_SEC_SIGNATURE);
    }
    if (notes < n)
        notes_zones(&b, notes);
    return b.err ? -1 : 0;
}
