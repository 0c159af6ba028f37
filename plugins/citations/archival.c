/*
 * archival.c — archival citations inside footnotes.
 *
 * Source notes and many footnotes say where a document is kept and how it was
 * handled, in a formulaic style:
 *
 *   Source: Department of State, Central Foreign Policy File, Electronic
 *   Telegrams, D860410–0575. Secret; Sensitive. Drafted by Burton; cleared by
 *   Collins; approved by Parris.   ... in telegram 166678 to Moscow, May 28 ...
 *   ... Ambassador Nitze's Personal Files 1953, 1972–1989, Lot 90D397 ...
 *   Source: Department of State, Central Files, 611.61/12–358. Secret.
 *
 * Each piece becomes one citation with its kind and value.  The scan moves
 * forward once over the note; the collection and sentence scans stop at the
 * note's end.
 */
#include <string.h>

#include "cite.h"

/*
 * Longest collection and handling list looked for.  Real ones run to a few
 * hundred bytes; the bound keeps a note full of "(" or "Secret;" without an
 * end from costing more than linear time.
 */
#define MAX_COLLECTION 2000
#define MAX_HANDLING 500

const char *cite_arch_kind_name(cite_arch_kind kind)
{
    switch (kind) {
    case CITE_ARCH_TELEGRAM: return "telegram";
    case CITE_ARCH_LOT: return "lot";
    case CITE_ARCH_DOCNUM: return "docnum";
    case CITE_ARCH_FILE: return "file";
    case CITE_ARCH_COLLECTION: return "collection";
    case CITE_ARCH_CLASSIFICATION: return "classification";
    case CITE_ARCH_DRAFTED: return "drafted";
    case CITE_ARCH_CLEARED: return "cleared";
    case CITE_ARCH_APPROVED: return "approved";
    }
    return "other";
}

static int push(cite_archs *out, size_t s, size_t e, cite_arch_kind kind,
                size_t vs, size_t ve)
{
    cite_arch *a = cite_archs_push(out);
    if (a == NULL)
        return -1;
    a->start = s;
    a->end = e;
    a->kind = kind;
    a->v_start = vs;
    a->v_end = ve;
    return 0;
}

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

static int boundary_before(const char *text, size_t from, size_t at)
{
    if (at == from)
        return 1;
    long c = cite_prev_cp(text, at, NULL);
    return !cite_is_letter(c) && !cite_is_digit(c);
}

/*
 * Whether the period at AT (before TO) ends a sentence: blanks or the end
 * follow, and it does not close an initial ("J.") or "U.S.".
 */
static int sentence_period(const char *text, size_t from, size_t to, size_t at)
{
    if (at + 1 < to && text[at + 1] != ' ' && text[at + 1] != '\n' &&
        text[at + 1] != ')')
        return 0;
    size_t w = at;
    while (w > from && ((text[w - 1] >= 'A' && text[w - 1] <= 'Z') ||
                        (text[w - 1] >= 'a' && text[w - 1] <= 'z')))
        w--;
    if (at - w == 1 && text[w] >= 'A' && text[w] <= 'Z')
        return 0; /* an initial, or the last letter of "U.S." */
    static const char *const abbr[] = {
        "pp", "p", "vol", "No", "no", "Mr", "Mrs", "Dr", "St", "Jr", "Sr",
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        "ed", "eds", "Gen", "Amb", "Adm", "Col", "Lt", "Capt"
    };
    if (at - w > 4)
        return 1; /* longer than any of them: spare the list most words */
    for (size_t k = 0; k < sizeof abbr / sizeof abbr[0]; k++)
        if (strlen(abbr[k]) == at - w && memcmp(abbr[k], text + w, at - w) == 0)
            return 0;
    return 1;
}

/* ---- telegrams ---------------------------------------------------------- */

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};

/* ", May 28" or ", May 28, 1986" at AT: its end, or AT. */
static size_t date_after(const char *text, size_t to, size_t at)
{
    if (at + 2 > to || text[at] != ',' || text[at + 1] != ' ')
        return at;
    size_t p = at + 2;
    for (size_t m = 0; m < sizeof months / sizeof months[0]; m++) {
        size_t q = p + strlen(months[m]);
        unsigned long d, y;
        if (!cite_has(text, to, p, months[m]) || q >= to || text[q] != ' ')
            continue;
        size_t e = cite_read_number(text, to, q + 1, 2, &d);
        if (e == q + 1)
            return at;
        if (e + 2 < to && text[e] == ',' && text[e + 1] == ' ') {
            size_t f = cite_read_number(text, to, e + 2, 4, &y);
            if (f - (e + 2) == 4)
                e = f;
        }
        return e;
    }
    return at;
}

/* " to Moscow" / " from New York" at AT: its end, or AT. */
static size_t place_after(const char *text, size_t to, size_t at)
{
    size_t p;
    if (cite_has(text, to, at, " to "))
        p = at + 4;
    else if (cite_has(text, to, at, " from "))
        p = at + 6;
    else
        return at;
    /* Capitalised words: "Moscow", "New York", "USNATO". */
    size_t e = p;
    while (e < to && text[e] >= 'A' && text[e] <= 'Z') {
        size_t w = e;
        while (w < to && (is_alnum(text[w]) || (unsigned char)text[w] >= 0x80))
            w++;
        e = w;
        if (e + 1 < to && text[e] == ' ' && text[e + 1] >= 'A' &&
            text[e + 1] <= 'Z' && !cite_has(text, to, e + 1, "July") &&
            !cite_has(text, to, e + 1, "June"))
            e++;
        else
            break;
    }
    return e > p ? e : at;
}

/* "telegram 166678 to Moscow, May 28" at AT. */
static size_t telegram(const char *text, size_t from, size_t to, size_t at,
                       cite_archs *out, int *err)
{
    static const char *const kws[] = { "telegram ", "Telegram ", "Tosec ",
                                       "Secto ", "cable ", "Cable " };
    size_t p = at;
    for (size_t k = 0; k < sizeof kws / sizeof kws[0] && p == at; k++)
        if (cite_has(text, to, at, kws[k]))
            p = at + strlen(kws[k]);
    if (p == at || !boundary_before(text, from, at))
        return at;
    unsigned long n;
    size_t e = cite_read_number(text, to, p, 9, &n);
    if (e == p || (e < to && is_alnum(text[e])))
        return at;
    size_t ne = e;
    e = place_after(text, to, e);
    e = date_after(text, to, e);
    if (push(out, at, e, CITE_ARCH_TELEGRAM, p, ne) < 0)
        *err = 1;
    return e;
}

/* "Lot 90D397", also spaced "Lot 67 D 238", at AT. */
static size_t lot(const char *text, size_t from, size_t to, size_t at,
                  cite_archs *out, int *err)
{
    if (!cite_has(text, to, at, "Lot ") || !boundary_before(text, from, at))
        return at;
    size_t p = at + 4, e = p;
    if (e >= to || text[e] < '0' || text[e] > '9')
        return at;
    while (e < to && text[e] >= '0' && text[e] <= '9')
        e++;
    /* The letter (a decimal-file class) and the serial after it. */
    size_t l = e < to && text[e] == ' ' ? e + 1 : e;
    if (l < to && text[l] >= 'A' && text[l] <= 'Z') {
        size_t d = l + 1 < to && text[l + 1] == ' ' ? l + 2 : l + 1;
        size_t f = d;
        while (f < to && text[f] >= '0' && text[f] <= '9')
            f++;
        if (f > d && (f >= to || !is_alnum(text[f])))
            e = f;
    }
    if (push(out, at, e, CITE_ARCH_LOT, p, e) < 0)
        *err = 1;
    return e;
}

/* "D860410–0575", "P850123-4567": a letter, 6 to 9 digits, a dash, digits. */
static size_t docnum(const char *text, size_t from, size_t to, size_t at,
                     cite_archs *out, int *err)
{
    if (text[at] < 'A' || text[at] > 'Z' || !boundary_before(text, from, at))
        return at;
    size_t p = at + 1;
    while (p < to && text[p] >= '0' && text[p] <= '9')
        p++;
    if (p - at - 1 < 6 || p - at - 1 > 9)
        return at;
    size_t d;
    long c = cite_next_cp(text, to, p, &d);
    if (!cite_is_dash(c))
        return at;
    size_t e = d;
    while (e < to && text[e] >= '0' && text[e] <= '9')
        e++;
    if (e - d < 3 || (e < to && is_alnum(text[e])))
        return at;
    if (push(out, at, e, CITE_ARCH_DOCNUM, at, e) < 0)
        *err = 1;
    return e;
}

/*
 * A decimal file number at AT: "611.61/12–358", "033.1100–HU/12–1858"; or
 * "033.4811" right after "Files, " or "Ibid., ".
 */
static size_t file_number(const char *text, size_t from, size_t to,
                          size_t at, cite_archs *out, int *err)
{
    if (!boundary_before(text, from, at))
        return at;
    size_t p = at;
    while (p < to && text[p] >= '0' && text[p] <= '9')
        p++;
    if (p - at != 3 || p + 1 >= to || text[p] != '.' || text[p + 1] < '0' ||
        text[p + 1] > '9')
        return at;
    size_t e = p + 1;
    /* The class: digits, dashes, capitals ("033.1100–HU"). */
    for (;;) {
        size_t n;
        long c = cite_next_cp(text, to, e, &n);
        if (cite_is_digit(c) || (c >= 'A' && c <= 'Z') || c == '.')
            e = n;
        else if (cite_is_dash(c) && n < to && is_alnum(text[n]))
            e = n;
        else
            break;
    }
    if (e > p + 1 && text[e - 1] == '.')
        e--; /* a sentence's period */
    if (e < to && text[e] == '/') {
        size_t f = e + 1;
        for (;;) {
            size_t n;
            long c = cite_next_cp(text, to, f, &n);
            if (cite_is_digit(c))
                f = n;
            else if (cite_is_dash(c) && cite_is_digit(cite_next_cp(text, to, n, NULL)))
                f = n;
            else
                break;
        }
        if (f == e + 1)
            return at;
        e = f;
    } else if (!(at >= from + 7 && (cite_has(text, to, at - 7, "Files, ") ||
                                    cite_has(text, to, at - 7, "Ibid., ")))) {
        return at;
    }
    if (push(out, at, e, CITE_ARCH_FILE, at, e) < 0)
        *err = 1;
    return e;
}

/* ---- collections -------------------------------------------------------- */

/* Words by which a parenthesis or a source note names a repository. */
static int names_repository(const char *text, size_t s, size_t e)
{
    static const char *const words[] = {
        "Library", "Department of", "Agency", "Archives", "Center",
        "Council", "Institution", "Papers", "Records", "Files", "File"
    };
    for (size_t i = s; i < e; i++)
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
            if (text[i] == words[k][0] && cite_has(text, e, i, words[k]))
                return 1;
    return 0;
}

/* Longest repository name looked for before a collection's first comma. */
#define MAX_REPOSITORY 120

/*
 * The end of a collection starting at AT: its first sentence when IN_PAREN
 * is 0, the closing parenthesis (balanced) otherwise.  Returns AT when there
 * is none; *STOP receives where the scan stopped either way.
 */
static size_t collection_end(const char *text, size_t from, size_t to,
                             size_t at, int in_paren, size_t *stop)
{
    int depth = 0;
    size_t end = to - at > MAX_COLLECTION ? at + MAX_COLLECTION : to;
    for (size_t q = at; q < end; q++) {
        char c = text[q];
        *stop = q;
        if (c == '(')
            depth++;
        else if (c == ')') {
            if (depth == 0)
                return in_paren ? q : at;
            depth--;
        } else if (c == '\n')
            return in_paren ? at : q;
        else if (c == '.' && depth == 0 && !in_paren &&
                 sentence_period(text, from, to, q))
            return q;
    }
    *stop = end;
    /* The note's end ends a source note, unless the bound came first. */
    return in_paren || end < to ? at : to;
}

/*
 * "Source: X." or "(X)" naming a repository, at AT.  Returns where to go on:
 * inside the collection when one was found (it holds lot files and document
 * numbers; *INSIDE receives its end, and collections do not nest, which keeps
 * the scan linear), past what was scanned in vain, or AT.
 */
static size_t collection(const char *text, size_t from, size_t to, size_t at,
                         cite_archs *out, int *err, size_t *inside)
{
    size_t s;
    int in_paren;
    if (cite_has(text, to, at, "Source: ")) {
        s = at + 8;
        in_paren = 0;
    } else if (text[at] == '(' && at + 1 < to && text[at + 1] >= 'A' &&
               text[at + 1] <= 'Z') {
        s = at + 1;
        in_paren = 1;
    } else {
        return at;
    }
    /* The repository is named before the first comma: "Reagan Library,". */
    size_t comma = s;
    while (comma < to && comma - s < MAX_REPOSITORY && text[comma] != ',' &&
           text[comma] != '(' && text[comma] != ')' && text[comma] != '\n')
        comma++;
    if (comma >= to || text[comma] != ',' || !names_repository(text, s, comma))
        return at;
    size_t stop;
    size_t e = collection_end(text, from, to, s, in_paren, &stop);
    if (e <= s)
        return stop > at ? stop : at;
    if (push(out, s, e, CITE_ARCH_COLLECTION, s, e) < 0)
        *err = 1;
    *inside = e;
    return s;
}

/* ---- handling ----------------------------------------------------------- */

static const char *const classifications[] = {
    "Top Secret", "Secret", "Confidential", "Unclassified",
    "Limited Official Use", "Official Use Only", "Eyes Only"
};

/* "Secret; Sensitive." at AT (a sentence start). */
static size_t classification(const char *text, size_t to, size_t at,
                             cite_archs *out, int *err)
{
    size_t p = at;
    for (size_t k = 0; k < sizeof classifications / sizeof classifications[0];
         k++) {
        if (cite_has(text, to, at, classifications[k])) {
            p = at + strlen(classifications[k]);
            break;
        }
    }
    if (p == at || (p < to && text[p] != ';' && text[p] != '.' &&
                    text[p] != ','))
        return at;
    /* The handling list runs to the end of the sentence. */
    size_t e = p;
    if (to - at > MAX_HANDLING)
        to = at + MAX_HANDLING;
    while (e < to && text[e] != '.' && text[e] != '\n' && text[e] != '(')
        e++;
    if (e >= to || text[e] != '.')
        return e; /* no handling list: skip what was scanned */
    if (push(out, at, e, CITE_ARCH_CLASSIFICATION, at, e) < 0)
        *err = 1;
    return e;
}

/* "Drafted by Burton", "cleared by Collins, Talcott, and McDaniel", ... */
static size_t handled_by(const char *text, size_t from, size_t to, size_t at,
                         cite_archs *out, int *err)
{
    static const struct {
        const char *kw;
        cite_arch_kind kind;
    } kws[] = {
        { "Drafted by ", CITE_ARCH_DRAFTED },
        { "drafted by ", CITE_ARCH_DRAFTED },
        { "Cleared by ", CITE_ARCH_CLEARED },
        { "cleared by ", CITE_ARCH_CLEARED },
        { "Approved by ", CITE_ARCH_APPROVED },
        { "approved by ", CITE_ARCH_APPROVED },
    };
    for (size_t k = 0; k < sizeof kws / sizeof kws[0]; k++) {
        if (!cite_has(text, to, at, kws[k].kw) ||
            !boundary_before(text, from, at))
            continue;
        size_t s = at + strlen(kws[k].kw), e = s;
        if (to - at > MAX_HANDLING)
            to = at + MAX_HANDLING;
        while (e < to && text[e] != ';' && text[e] != '\n' &&
               !(text[e] == '.' && sentence_period(text, from, to, e)))
            e++;
        if (e == s)
            return at;
        if (push(out, at, e, kws[k].kind, s, e) < 0)
            *err = 1;
        return e;
    }
    return at;
}

/* Whether AT starts a sentence of the note: its start, or after ". ". */
static int sentence_start(const char *text, size_t from, size_t at)
{
    if (at == from)
        return 1;
    return at >= from + 2 && text[at - 1] == ' ' &&
           (text[at - 2] == '.' || text[at - 2] == ';');
}

/*
 * Whether a citation may start at I (before TO), judged from its first two
 * bytes (see the tries in cite_find_archival): a capital, a digit, "(", or
 * the lower-case start of "telegram", "cable", "cleared by", "drafted by",
 * "approved by".  Most of a note is other bytes, which the scan passes
 * without trying anything; lower-case t, c, d and a alone were a quarter of
 * them.
 */
static int may_start(const char *text, size_t to, size_t i)
{
    char c = text[i];
    char next = i + 1 < to ? text[i + 1] : '\0';
    switch (c) {
    case 't': return next == 'e';
    case 'c': return next == 'a' || next == 'l';
    case 'd': return next == 'r';
    case 'a': return next == 'p';
    case '(': return 1;
    default: return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

int cite_find_archival(const char *text, size_t from, size_t to,
                       cite_archs *out)
{
    int err = 0;
    size_t i = from, inside = from;
    while (i < to && !err) {
        char c = text[i];
        size_t e = i;
        if (!may_start(text, to, i)) {
            i++;
            continue;
        }
        if ((c == 'S' || c == '(') && i >= inside &&
            (e = collection(text, from, to, i, out, &err, &inside)) != i) {
            i = e;
            continue;
        }
        if (c == 't' || c == 'T' || c == 'S' || c == 'c' || c == 'C')
            e = telegram(text, from, to, i, out, &err);
        if (e == i && c == 'L')
            e = lot(text, from, to, i, out, &err);
        if (e == i && c >= 'A' && c <= 'Z')
            e = docnum(text, from, to, i, out, &err);
        if (e == i && c >= '0' && c <= '9')
            e = file_number(text, from, to, i, out, &err);
        if (e == i && sentence_start(text, from, i) &&
            (c == 'T' || c == 'S' || c == 'C' || c == 'U' || c == 'L' ||
             c == 'O' || c == 'E'))
            e = classification(text, to, i, out, &err);
        if (e == i && (c == 'D' || c == 'd' || c == 'C' || c == 'c' ||
                       c == 'A' || c == 'a'))
            e = handled_by(text, from, to, i, out, &err);
        i = e > i ? e : i + 1;
    }
    return err ? -1 : 0;
}
