/*
 * markers.c — footnote markers, resolved to their notes: glued to the text
 * (the first pass), then set apart or glued to a number (the second).
 *
 * A marker is a number written right after a word or a punctuation mark with
 * no space: "Conversation1", "Moscow.2", "end of July.3", "treaty.”3",
 * "summit);2".  Digits glued to text also occur in identifiers and numbers
 * ("D860410–0575", "3:40 p.m.", "1,200", "SS-20", "INFCIRC/274"), so the shape
 * alone is not enough; what settles it is that FRUS numbers markers 1, 2, 3
 * in reading order, each citing the note of its number.  A candidate is taken
 * when it is the next number expected, or (when a marker was missed) a
 * slightly later number of an existing note written in an unambiguous shape.
 * Older volumes also print markers apart from their word or glued to a
 * number; the second pass (below) looks for those only where a note's
 * marker is missing.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

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

/* Closing punctuation a marker may follow: . , ; : ) ] " ' ” ’ ? ! » …
   ("the UAR,.…6": an ellipsis ends a quotation's cut as a period would) */
static int closing_punct(long c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' ||
           c == ']' || c == '"' || c == '\'' || c == 0x201d || c == 0x2019 ||
           c == '?' || c == '!' || c == 0xbb || c == 0x2026;
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
 * Whether digits ending at END of TEXT[0, LEN) may end a marker: no letter,
 * digit or unit after them ("2nd", "5%", "3½"), and no number or range they
 * would be the start of ("2.5", "3,000", "10:30", "29–30").
 */
static int free_after(const char *text, size_t len, size_t end)
{
    size_t after_next;
    long a = cite_next_cp(text, len, end, &after_next);
    if (a < 0)
        return 1;
    if (cite_is_letter(a) || cite_is_digit(a) || a == '%' || a == '/' ||
        a == 0xb0 || a == 0xbd || a == 0xbc || a == 0xbe)
        return 0;
    if ((a == '.' || a == ',' || a == ':' || cite_is_dash(a)) &&
        cite_is_digit(cite_next_cp(text, len, after_next, NULL)))
        return 0;
    return 1;
}

/*
 * Classify the digits [START, END) of TEXT[0, LEN) by what surrounds them.
 */
static enum shape classify(const char *text, size_t len, size_t start,
                           size_t end)
{
    if (!free_after(text, len, end))
        return NOT_MARKER;

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
        if (cite_is_digit(pp) && (p == '.' || p == ':' || p == 0x2026))
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

/* ---- the second pass: a missed marker between its neighbours ---------- */

/*
 * A note that no marker cites after the first pass has its marker in the
 * text between the markers of the notes around it (FRUS cites every note, in
 * order), in a shape the first pass does not trust alone: "...to President
 * Nixon 1" (spaced, at a line's end), "MIRV 3 had raised" (spaced, inside a
 * sentence), "September 247" or "Directive 2321" (glued to a number), or a
 * glued shape whose number was not the one expected.  Only the numbers of
 * uncited notes are looked for, only in the stretch between the markers
 * around them, a loose shape is taken only when it is the one candidate of
 * its kind there, and what is taken keeps the markers in order.
 */

/* Candidates in a stretch, from the least to the most trusted. */
enum gap_kind {
    GAP_NONE = 0,
    GAP_SPACED,     /* "MIRV 3 had": a blank before, a word after */
    GAP_SPLIT,      /* "September 247", "19696", a title's "Directive 2321" */
    GAP_SPACED_EOL, /* "Nixon 1" ending a line: a title, a signature */
    GAP_WEAK,       /* a glued shape classify() calls WEAK */
    GAP_CLEAR       /* a glued shape classify() calls CLEAR */
};

/* Whether the ASCII word W of N bytes is one of LIST's, ignoring case. */
static int word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list != NULL; list++)
        if (strlen(*list) == n && strncasecmp(*list, w, n) == 0)
            return 1;
    return 0;
}

/* The ASCII letters ending at byte AT: sets *WS to where they start and
   returns how many there are. */
static size_t word_before(const char *text, size_t at, size_t *ws)
{
    size_t w = at;
    while (w > 0 && at - w < 16 &&
           ((text[w - 1] >= 'A' && text[w - 1] <= 'Z') ||
            (text[w - 1] >= 'a' && text[w - 1] <= 'z')))
        w--;
    *ws = w;
    return at - w;
}

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", NULL
};

/* Abbreviations a number follows: "No. 3", "para. 4", "Oct. 3". */
static const char *const abbreviations[] = {
    "No", "Nos", "p", "pp", "para", "paras", "vol", "art", "doc", "tel",
    "fig", "sec", "ch", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", NULL
};

/* Words that number the parts of a text ("Tab 3", "paragraph 4"): a number
   after them is theirs, glued or not. */
static const char *const parts[] = {
    "Tab", "Tabs", "Annex", "Annexes", "Attachment", "Enclosure",
    "Appendix", "Part", "Section", "Chapter", "Table", "Page", "Pages",
    "Paragraph", "Paragraphs", "Para", "Paras", "Article", "Articles", "Item",
    "Items", "Point", "Points", "Document", "Documents", "Telegram",
    "Telegrams", "Footnote", "Footnotes", "Note", "Notes", "Number",
    "Numbers", "Volume", "Round", "Option", "Options", "Question", "Step",
    "Line", "Lines", "Box", "Folder", "Lot", "File", "Figure", NULL
};

/* Words a number names something after ("Resolution 242", "Phase 2"),
   and words a quantity, a time or a rank follows ("the 3 men", "at 4",
   "about 20"): a marker set apart by a blank does not follow them. */
static const char *const before_numbers[] = {
    "Directive", "Resolution", "Memorandum", "Phase", "Stage", "Room",
    "Tape", "Law", "Category", "Level", "Plan", "Case", "Track", "Title",
    "the", "an", "of", "and", "or", "nor", "to", "in", "on", "at", "by",
    "for", "with", "from", "than", "into", "onto", "over", "under", "about",
    "around", "some", "all", "only", "those", "these", "first", "last",
    "next", "every", "each", "per", "between", "among", "until", "till",
    "since", "before", "after", "within", "without", "plus", "minus",
    "times", "nearly", "almost", "approximately", "roughly", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "another", "other",
    "more", "less", "least", "most", "total", "up", "down", "via",
    "against", "through", "during", "even", "just", "like", "exactly",
    "our", "their", "his", "her", "its", "my", "your", NULL
};

/* Words a number counts or measures ("3 months", "5 year old", "10
   percent"): a marker is not followed by them. */
static const char *const counted[] = {
    "year", "month", "day", "week", "hour", "minute", "second", "percent",
    "per", "million", "billion", "thousand", "hundred", "dozen", "time",
    "old", "more", "other", "out", "am", "pm", NULL
};

/* Words between the two numbers of a range or choice ("2 or 3"). */
static const char *const ranges[] = { "and", "or", "to", "through", NULL };

/* Verbs ending in "s" that a marker after a subject may be followed by
   ("MIRV 3 was", "the Marshal 2 says"), and other words ending in "s" that
   are no plural. */
static const char *const not_plural[] = {
    "this", "thus", "does", "goes", "says", "seems", "remains", "means",
    "wants", "makes", "takes", "gives", "believes", "feels", "thinks",
    "argues", "agrees", "plans", "hopes", "expects", "proposes", NULL
};

/*
 * Whether the word at AT (after a number and a blank) says the number
 * counts something ("3 months", "5 stars", "10 percent", "2 or 3") rather
 * than cites a note ("MIRV 3 had raised"): a plural, a word of counted, or
 * a word of ranges before another number.
 */
static int counts_next_word(const char *text, size_t end, size_t at)
{
    size_t e = at;
    while (e < end && e - at < 16 &&
           ((text[e] >= 'a' && text[e] <= 'z') ||
            (text[e] >= 'A' && text[e] <= 'Z')))
        e++;
    size_t n = e - at;
    if (n == 0)
        return 0;
    if (word_in(text + at, n, counted) ||
        (text[e - 1] == 's' && word_in(text + at, n - 1, counted)))
        return 1;
    if (word_in(text + at, n, ranges))
        return e + 1 < end && text[e] == ' ' &&
               cite_is_digit((unsigned char)text[e + 1]);
    /* A capital starts a sentence ("tone. 2 Talks"), not a counted noun. */
    return n >= 4 && text[e - 1] == 's' && text[e - 2] != 's' &&
           !cite_is_upper((unsigned char)text[at]) &&
           !word_in(text + at, n, not_plural);
}

/* Whether the digits starting at AT follow a month and a blank ("October
   8", "Sept. 24"): a day, or with four digits a year ("September 1969"). */
static int month_before(const char *text, size_t at)
{
    size_t ws;
    if (at == 0 || text[at - 1] != ' ')
        return 0;
    at--;
    if (at > 0 && text[at - 1] == '.')
        at--; /* "Sept. 24" */
    size_t n = word_before(text, at, &ws);
    return n > 0 && (word_in(text + ws, n, months) ||
                     (text[at] == '.' && word_in(text + ws, n, abbreviations)));
}

/*
 * Whether the digits [I, K) that a marker's digits follow at K (with no
 * blank) are a number of their own: a year after a date's comma ("August 12,
 * 1969" + "6"), a day after a month ("September 24" + "7"), or, ending a
 * line of the document's head, a numbered title ("Directive 232" + "1").
 */
static int split_prefix(const char *text, size_t end, size_t i, size_t k,
                        size_t j, size_t head_end)
{
    unsigned long v = 0;
    if (cite_read_number(text, k, i, 4, &v) != k)
        return 0; /* a leading zero, or more than four digits */
    if (k - i == 4 && v >= 1900 && v <= 2099)
        return month_before(text, i) ||
               (i >= 3 && text[i - 1] == ' ' && text[i - 2] == ',' &&
                cite_is_digit((unsigned char)text[i - 3]));
    /* A day only when the whole run cannot be one: "September 247", but
       "June 23" is a date, not "June 2" and a marker 3. */
    unsigned long whole = 0;
    if (k - i <= 2 && v >= 1 && v <= 31 && month_before(text, i) &&
        (j - i > 3 || cite_read_number(text, j, i, 3, &whole) != j ||
         whole > 31))
        return 1;
    size_t e = cite_skip_blanks(text, end, j), ws;
    if (j > head_end || (e < end && text[e] != '\n' && text[e] != '\r'))
        return 0;
    if (i == 0 || text[i - 1] != ' ')
        return 0;
    size_t n = word_before(text, i - 1, &ws);
    return n > 1 && cite_is_upper((unsigned char)text[ws]) &&
           !word_in(text + ws, n, parts);
}

/* Skip back from AT over a page marker "[Page N]" that ends there and the
   blanks before it ("the UAR [Page 12] 6"); returns where it starts, or AT. */
static size_t skip_page_back(const char *text, size_t at)
{
    if (at == 0 || text[at - 1] != ']')
        return at;
    size_t b = at - 1;
    while (b > 0 && at - b < 20 && text[b - 1] != '[')
        b--;
    if (b == 0 || !cite_has(text, at, b - 1, "[Page "))
        return at;
    b--;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t'))
        b--;
    return b;
}

/*
 * Whether a number may follow the word before byte B (where the blank before
 * it starts) with P the character there: after a word, not a part's or a
 * name's number ("Tab 3", "Resolution 242"), a date ("June 3") or a
 * quantity ("the 3 men"), a single capital aside ("Tab A 3"); after a
 * period, not an abbreviation's ("No. 3", "Oct. 3"); after a comma, not a
 * date's ("1969, 3"); after a colon only when a line ends (EOL non-zero)
 * after the number, for a colon inside a line opens a list ("points: 1 The").
 */
static int word_lets_marker(const char *text, size_t b, long p, int eol)
{
    size_t ws, n;
    if (cite_is_letter(p)) {
        n = word_before(text, b, &ws);
        if (n == 1)
            return cite_is_upper((unsigned char)text[ws]);
        return !word_in(text + ws, n, parts) &&
               !word_in(text + ws, n, months) &&
               !word_in(text + ws, n, before_numbers);
    }
    if (p == '.') {
        /* "1967. 2", "(Tab B). 3", "U.S. 3", but not an initial's "W. 3" */
        n = word_before(text, b - 1, &ws);
        if (n == 1)
            return ws > 0 && text[ws - 1] == '.';
        return n == 0 || !word_in(text + ws, n, abbreviations);
    }
    if (p == ',')
        return !cite_is_digit(cite_prev_cp(text, b - 1, NULL));
    return (p != ':' || eol) && closing_punct(p);
}

/*
 * The digits [I, J) after one blank: a marker set apart from its word, as
 * older volumes print them ("Rogers 1\n", "L. W. Thompson 4\n", "MIRV 3 had
 * raised", "arms.” 3 The").  Returns GAP_SPACED_EOL when a line ends after
 * them; GAP_SPACED when a blank and a word that is not counted
 * (counts_next_word()), an opening quote or bracket follow, or a comma, a
 * semicolon or a dash, or after a word a sentence's end; else GAP_NONE, and
 * GAP_NONE too when the word before does not let a marker follow
 * (word_lets_marker()).
 */
static enum gap_kind spaced(const char *text, size_t end, size_t i, size_t j)
{
    if (i < 2 || (text[i - 1] != ' ' && text[i - 1] != '\t'))
        return GAP_NONE;
    size_t b = skip_page_back(text, i - 1);
    long p = cite_prev_cp(text, b, NULL);
    size_t e = cite_skip_blanks(text, end, j);
    if (e >= end || text[e] == '\n' || text[e] == '\r')
        return word_lets_marker(text, b, p, 1) ? GAP_SPACED_EOL : GAP_NONE;
    if (!word_lets_marker(text, b, p, 0))
        return GAP_NONE;
    long a = cite_next_cp(text, end, j, NULL);
    if (e == j + 1) {
        long c = cite_next_cp(text, end, e, NULL);
        if (cite_is_letter(c))
            return counts_next_word(text, end, e) ? GAP_NONE : GAP_SPACED;
        return c == 0x201c || c == '"' || c == '(' || c == '['
                   ? GAP_SPACED : GAP_NONE;
    }
    if (e != j)
        return GAP_NONE;
    if (a == ',' || a == ';' || a == 0x2014)
        return GAP_SPACED;
    /* Before the sentence's end ("the treaty 3. The"), only right after a
       word: after punctuation it numbers an inline list ("noting: 1.
       SALT", "views. 3. China"), and so does a parenthesis ("nights 1)"). */
    return cite_is_letter(p) &&
                   (a == '.' || a == ':' || a == '?' || a == '!')
               ? GAP_SPACED : GAP_NONE;
}

/*
 * Whether the digits at I follow a date's period with no sentence visibly
 * ending after them, which the first pass refuses ("signed on June 19.3 and",
 * "in 1962.4 the"): a year, or a day after its month, then ".".  A decimal
 * ("rose 19.3 percent") has no month before it.
 */
static int after_date_period(const char *text, size_t i)
{
    if (i < 3 || text[i - 1] != '.')
        return 0;
    size_t d = i - 1;
    while (d > 0 && i - 1 - d < 5 && cite_is_digit((unsigned char)text[d - 1]))
        d--;
    unsigned long v = 0;
    if (cite_read_number(text, i - 1, d, 4, &v) != i - 1)
        return 0;
    if (i - 1 - d == 4)
        return v >= 1900 && v <= 2099;
    return v <= 31 && month_before(text, d);
}

/*
 * Whether the digits at I are glued to a word of capitals inside a sentence,
 * which the first pass refuses ("USSR2 said", "MIRV3 had"): two capitals or
 * more, a word of its own (not "INFCIRC/274", not "SS-20"); a single one is
 * an identifier ("G7").
 */
static int after_acronym(const char *text, size_t i)
{
    size_t ws, n = word_before(text, i, &ws);
    if (n < 2 || (ws > 0 && (text[ws - 1] == '-' || text[ws - 1] == '/' ||
                             cite_is_digit((unsigned char)text[ws - 1]) ||
                             (unsigned char)text[ws - 1] >= 0x80)))
        return 0;
    for (size_t k = ws; k < i; k++)
        if (!cite_is_upper((unsigned char)text[k]))
            return 0;
    return 1;
}

/*
 * How the digit run [I, J) may hold the marker of note N (of ND digits):
 * its kind, and the marker's digits in *MS, *ME.
 */
static enum gap_kind gap_candidate(const char *text, size_t end, size_t i,
                                   size_t j, unsigned n, size_t nd,
                                   size_t head_end, size_t *ms, size_t *me)
{
    unsigned long v = 0;
    if (j - i < nd || j - nd == 0)
        return GAP_NONE;
    /* A source note numbered 0 (older volumes) has a "0" of its own. */
    if (n == 0 ? j - i != 1 || text[i] != '0'
               : text[j - nd] == '0' ||
                     cite_read_number(text, end, j - nd, MAX_DIGITS, &v) != j ||
                     v != n)
        return GAP_NONE;
    *ms = j - nd;
    *me = j;
    if (j - i > nd)
        return free_after(text, end, j) &&
                       split_prefix(text, end, i, j - nd, j, head_end)
                   ? GAP_SPLIT : GAP_NONE;
    switch (classify(text, end, i, j)) {
    case CLEAR:
        return GAP_CLEAR;
    case WEAK:
        return GAP_WEAK;
    default:
        if (!free_after(text, end, j))
            return GAP_NONE;
        if (after_date_period(text, i))
            return GAP_SPLIT;
        return after_acronym(text, i) ? GAP_SPACED : spaced(text, end, i, j);
    }
}

/* The most trusted candidate found for one note, and how many of its kind. */
typedef struct gap_best {
    enum gap_kind kind;
    unsigned count;
    size_t start, end;
} gap_best;

/* What the second pass knows of the notes: by number, and the best
   candidate found for each (both indexed by number, NBYNUM long). */
typedef struct gap_notes {
    const cite_notes *notes;
    const long *bynum;
    size_t nbynum;
    gap_best *best;
} gap_notes;

/* Whether note M exists, is not cited, and lies in [FIRST, HI). */
static int gap_wanted(const gap_notes *g, unsigned long m, unsigned first,
                      unsigned hi)
{
    long k = m >= first && m < hi ? note_of(g->bynum, g->nbynum, m) : -1;
    return k >= 0 && !g->notes->v[k].cited;
}

/*
 * Scan TEXT[FROM, TO) once for the markers of the uncited notes numbered
 * FIRST to HI - 1, keeping for each the most trusted candidate in
 * G->best.  A run of digits may hold note M whole or as its last digits
 * ("247" for 7 or 47), so each run is tried for its last one to three
 * digits; the text's first digits (the document's number) and page markers
 * are skipped.
 */
static void gap_scan(const char *text, size_t end, size_t from, size_t to,
                     unsigned first, unsigned hi, size_t head_end,
                     const gap_notes *g)
{
    for (size_t i = next_digit(text, from, to); i < to;
         i = next_digit(text, i, to)) {
        size_t j = i;
        while (j < to && text[j] >= '0' && text[j] <= '9')
            j++;
        if (i == 0 || cite_is_digit((unsigned char)text[i - 1]) ||
            (i >= 6 && cite_has(text, end, i - 6, "[Page "))) {
            i = j;
            continue;
        }
        unsigned long m = 0, scale = 1;
        for (size_t nd = 1; nd <= MAX_DIGITS && nd <= j - i; nd++) {
            m += scale * (unsigned long)(text[j - nd] - '0');
            scale *= 10;
            size_t s, e;
            enum gap_kind kind;
            if ((text[j - nd] == '0' && j - i > 1) ||
                !gap_wanted(g, m, first, hi) ||
                (kind = gap_candidate(text, end, i, j, (unsigned)m, nd,
                                      head_end, &s, &e)) == GAP_NONE)
                continue;
            gap_best *b = &g->best[m];
            if (kind > b->kind)
                *b = (gap_best){ kind, 1, s, e };
            else if (kind == b->kind)
                b->count++;
        }
        i = j;
    }
}

/* Whether candidate B may be taken after a marker ending at LAST: found,
   CLEAR or the one of its kind, and in order. */
static int gap_takes(const gap_best *b, size_t last)
{
    return b->kind != GAP_NONE && (b->kind == GAP_CLEAR || b->count == 1) &&
           b->start >= last;
}

/*
 * Fill the stretch between OUT's markers AT - 1 and AT (the text's start,
 * END when there is none): scan it, then take for each note in order of
 * number its candidate when that is CLEAR or the only one of its kind and
 * comes after the one taken before; insert them into OUT at AT.
 */
static int gap_fill(const char *text, size_t end, size_t head_end,
                    cite_notes *notes, gap_notes *g, cite_refs *out,
                    size_t at)
{
    unsigned first = at > 0 ? out->v[at - 1].n + 1 : 0;
    unsigned hi = at < out->len ? out->v[at].n : (unsigned)g->nbynum;
    size_t from = at > 0 ? out->v[at - 1].end : 0;
    size_t to = at < out->len ? out->v[at].start : end;
    if (hi > g->nbynum)
        hi = (unsigned)g->nbynum;
    if (hi <= first || from >= to)
        return 0;
    memset(&g->best[first], 0, (hi - first) * sizeof *g->best);
    gap_scan(text, end, from, to, first, hi, head_end, g);
    /* The numbers of the markers around the stretch: the notes' first and
       last numbers stand for the text's start and end. */
    unsigned below = at > 0 ? out->v[at - 1].n : notes->v[0].n - 1;
    unsigned above = at < out->len ? out->v[at].n
                                   : notes->v[notes->len - 1].n + 1;
    size_t last = from;
    for (unsigned m = first; m < hi; m++) {
        const gap_best *b = &g->best[m];
        if (!gap_takes(b, last))
            continue;
        /* The loosest shape only next to the marker of a neighbouring
           note ("MIRV 3 had" after marker 2), found by either pass, so a
           run of spaced markers holds each other up. */
        if (b->kind == GAP_SPACED && below + 1 != m && m + 1 != above &&
            !(m + 1 < hi && gap_takes(&g->best[m + 1], b->end)))
            continue;
        if (cite_refs_push(out) == NULL)
            return -1;
        memmove(&out->v[at + 1], &out->v[at],
                (out->len - 1 - at) * sizeof *out->v);
        long k = note_of(g->bynum, g->nbynum, m);
        out->v[at++] = (cite_ref){ b->start, b->end, m, k };
        notes->v[k].cited = 1;
        last = b->end;
        below = m;
    }
    return 0;
}

/*
 * The second pass over every stretch between two markers of OUT (and
 * before the first, after the last), from the last to the first so that
 * what is inserted leaves the stretches still to do in place.  Each byte
 * is scanned once.
 */
static int fill_gaps(const char *text, size_t end, cite_notes *notes,
                     const long *bynum, size_t nbynum, cite_refs *out)
{
    gap_notes g = { notes, bynum, nbynum, NULL };
    size_t uncited = 0;
    for (size_t k = 0; k < notes->len; k++)
        uncited += !notes->v[k].cited;
    if (uncited == 0)
        return 0;
    if ((g.best = malloc(nbynum * sizeof *g.best)) == NULL)
        return -1;
    const char *nl = memchr(text, '\n', end);
    size_t head_end = nl ? (size_t)(nl - text) : end;
    int rc = 0;
    for (size_t at = out->len + 1; at-- > 0 && rc == 0;)
        rc = gap_fill(text, end, head_end, notes, &g, out, at);
    free(g.best);
    return rc;
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
    if (rc == 0)
        rc = fill_gaps(text, end, notes, bynum, nbynum, out);
    free(bynum);
    return rc;
}
