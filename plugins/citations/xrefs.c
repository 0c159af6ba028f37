/*
 * xrefs.c — cross-references to FRUS documents, footnotes and volumes.
 *
 * The editors cite with a small fixed vocabulary, so a hand-written scanner
 * reads it directly:
 *
 *   Document 254                     Documents 65 and 66 (one xref each)
 *   footnote 2, Document 237         Document 41, footnote 3
 *   footnote 2, above                (a footnote of the citing document)
 *   Foreign Relations, 1981–1988, vol. IV, Soviet Union, ..., Documents 163
 *   volume IV, Document 3            (a volume of the citing document's series)
 *   Part 1, Documents 56 and 57      (another part of the citing volume)
 *   Foreign Relations, 1981–1988, vol. XLIII, National Security Policy
 *                                    (a volume named alone)
 *   Documents 134, 221, and Appendix A   (a list ending in an appendix)
 *
 * The scan moves forward only: every branch returns the end of what it read
 * and scanning resumes there, so each byte is looked at a bounded number of
 * times.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cite.h"

/* Longest document number: volumes hold a few hundred documents, a
   compilation may number a few thousand. */
#define MAX_DOC_DIGITS 5
#define MAX_NOTE_DIGITS 3

/* What a branch returns when memory ran out.  Not 0: a branch returns the
   offset where it started when nothing matched, and that is 0 for a text that
   starts with "Dear" or "Paris"; no end of a match can be SIZE_MAX. */
#define NOMEM SIZE_MAX

/* Whether AT starts a word: no letter or digit just before it. */
static int word_start(const char *text, size_t at)
{
    long c = cite_prev_cp(text, at, NULL);
    return !cite_is_letter(c) && !cite_is_digit(c);
}

/* Whether AT ends a word: no letter or digit at it. */
static int word_end(const char *text, size_t len, size_t at)
{
    long c = cite_next_cp(text, len, at, NULL);
    return !cite_is_letter(c) && !cite_is_digit(c);
}

/* Skip one blank: a space, a tab or a no-break space (U+00A0). */
static size_t skip_blank(const char *text, size_t len, size_t at)
{
    if (at < len && (text[at] == ' ' || text[at] == '\t'))
        return at + 1;
    if (cite_has(text, len, at, "\xc2\xa0"))
        return at + 2;
    return at;
}

/* KEYWORD followed by one blank at AT (a word start); returns the byte after
   the blank, or AT. */
static size_t keyword(const char *text, size_t len, size_t at, const char *kw)
{
    if (!cite_has(text, len, at, kw))
        return at;
    size_t e = skip_blank(text, len, at + strlen(kw));
    return e == at + strlen(kw) ? at : e;
}

/* A number at AT that ends a word: returns its end, or AT. */
static size_t number(const char *text, size_t len, size_t at, unsigned dig,
                     unsigned long *v)
{
    size_t e = cite_read_number(text, len, at, dig, v);
    if (e == at || !word_end(text, len, e))
        return at;
    return e;
}

/* A dash (any of - ‐ ‑ ‒ – —) at AT: returns the byte after it, or AT. */
static size_t dash(const char *text, size_t len, size_t at)
{
    size_t next;
    long c = cite_next_cp(text, len, at, &next);
    return cite_is_dash(c) ? next : at;
}

/*
 * A separator between two numbers of a list at AT: ", ", " and ", ", and ",
 * " or ", ", or " or a dash (a range).  Returns the byte after it, or AT.
 */
static size_t list_sep(const char *text, size_t len, size_t at)
{
    size_t p = at;
    int comma = 0;
    if (p < len && text[p] == ',') {
        p = skip_blank(text, len, p + 1);
        comma = 1;
    } else {
        size_t d = dash(text, len, p);
        if (d != p)
            return d;
    }
    size_t q = skip_blank(text, len, p);
    size_t w;
    if (q > at && ((w = keyword(text, len, q, "and")) != q ||
                   (w = keyword(text, len, q, "or")) != q))
        return w;
    return comma ? p : at;
}

/* ---- volumes ------------------------------------------------------------ */

/* A roman numeral at AT (ending a word): its value, and its end or AT. */
static size_t roman(const char *text, size_t len, size_t at, unsigned *v)
{
    unsigned total = 0, prev = 0;
    size_t i = at;
    while (i < len && i - at < 12) {
        unsigned d;
        switch (text[i]) {
        case 'I': d = 1; break;
        case 'V': d = 5; break;
        case 'X': d = 10; break;
        case 'L': d = 50; break;
        case 'C': d = 100; break;
        default: d = 0; break;
        }
        if (d == 0)
            break;
        /* Subtractive notation: IV = 5 - 1, so undo the 1 added before. */
        total += d;
        if (prev && prev < d)
            total -= 2 * prev;
        prev = d;
        i++;
    }
    if (i == at || !word_end(text, len, i))
        return at;
    *v = total;
    return i;
}

/*
 * "vol. IV", "volume XIII", "vol. E–15", with ", Part 2" after it: fills
 * NUMBER, LETTER and PART of *VOL; returns its end, or AT.
 */
static size_t volume_head(const char *text, size_t len, size_t at,
                          cite_volume *vol)
{
    size_t p = at;
    static const char *const kws[] = { "vol.", "Vol.", "volume", "Volume" };
    for (size_t k = 0; k < sizeof kws / sizeof kws[0] && p == at; k++)
        p = keyword(text, len, at, kws[k]);
    if (p == at)
        return at;
    unsigned n = 0;
    unsigned long num;
    size_t e = roman(text, len, p, &n);
    vol->letter = 0;
    if (e == p && p < len && text[p] >= 'A' && text[p] <= 'Z') {
        /* "E–15": a lettered volume of a subseries. */
        size_t d = dash(text, len, p + 1);
        if (d != p + 1 && (e = number(text, len, d, 3, &num)) != d) {
            vol->letter = (char)(text[p] - 'A' + 'a');
            n = (unsigned)num;
        } else {
            e = p;
        }
    }
    if (e == p) {
        /* Some citations use arabic numbers: "volume 4". */
        e = number(text, len, p, 3, &num);
        if (e == p)
            return at;
        n = (unsigned)num;
    }
    vol->number = n;
    vol->part = 0;
    /* ", Part 2" */
    if (e + 1 < len && text[e] == ',') {
        size_t q = skip_blank(text, len, e + 1);
        size_t r = keyword(text, len, q, "Part");
        size_t f = r != q ? number(text, len, r, 2, &num) : r;
        if (f != r) {
            vol->part = (unsigned)num;
            e = f;
        }
    }
    return e;
}

/*
 * "Foreign Relations[ of the United States], 1981–1988, vol. IV": fills
 * *VOL; returns its end, or AT.
 */
static size_t volume_citation(const char *text, size_t len, size_t at,
                              cite_volume *vol)
{
    size_t p = at + strlen("Foreign Relations");
    if (cite_has(text, len, p, " of the United States"))
        p += strlen(" of the United States");
    if (p >= len || text[p] != ',')
        return at;
    p = skip_blank(text, len, p + 1);
    unsigned long y1, y2 = 0;
    size_t e = number(text, len, p, 4, &y1);
    if (e - p != 4)
        return at;
    size_t d = dash(text, len, e);
    if (d != e) {
        size_t f = number(text, len, d, 4, &y2);
        if (f - d == 2)
            y2 += y1 / 100 * 100;   /* "1981–88" */
        else if (f - d != 4)
            return at;
        e = f;
    }
    if (e >= len || text[e] != ',')
        return at;
    p = skip_blank(text, len, e + 1);
    e = volume_head(text, len, p, vol);
    if (e == p)
        return at;
    vol->y1 = (unsigned)y1;
    vol->y2 = (unsigned)y2;
    return e;
}

/* Abbreviations whose period does not end a volume's title. */
static int abbreviation(const char *w, size_t n)
{
    static const char *const abbr[] = {
        "vol", "Vol", "pp", "p", "No", "no", "Mr", "Mrs", "Dr", "St", "Jr",
        "Sr", "Gen", "Adm", "Amb", "ed", "eds", "Jan", "Feb", "Aug", "Sept",
        "Oct", "Nov", "Dec", "pt", "Pt", "Doc", "Docs"
    };
    for (size_t k = 0; k < sizeof abbr / sizeof abbr[0]; k++)
        if (strlen(abbr[k]) == n && memcmp(abbr[k], w, n) == 0)
            return 1;
    return 0;
}

/*
 * Whether the period at AT ends the title of a volume rather than an
 * abbreviation ("U.S.", "pp.").
 */
static int title_period(const char *text, size_t len, size_t at)
{
    long next = cite_next_cp(text, len, at + 1, NULL);
    if (next >= 0 && !cite_is_space(next) && next != '"' && next != 0x201d &&
        next != ')')
        return 0; /* "1.5", "U.S." inside */
    size_t w = at;
    while (w > 0 && at - w < 8 &&
           ((text[w - 1] >= 'A' && text[w - 1] <= 'Z') ||
            (text[w - 1] >= 'a' && text[w - 1] <= 'z')))
        w--;
    if (at - w == 1 || (w > 0 && text[w - 1] == '.'))
        return 0; /* "S." of "U.S." */
    return !abbreviation(text + w, at - w);
}

/*
 * From AT inside a volume's citation, find where it ends: at a "Document"
 * (*DOC set) or at the end of its clause.
 */
static size_t title_end(const char *text, size_t len, size_t at, int *doc)
{
    *doc = 0;
    for (size_t q = at; q < len; q++) {
        char c = text[q];
        if (c == ';' || c == ')' || c == '(' || c == '\n' || c == '[' ||
            c == ']')
            return q;
        if (c == '.' && title_period(text, len, q))
            return q;
        if (c == 'D' && word_start(text, q)) {
            /* "Document 12", not the title words "Documents on ..." */
            size_t k = keyword(text, len, q, "Document");
            if (k == q)
                k = keyword(text, len, q, "Documents");
            if (k != q && k < len && text[k] >= '1' && text[k] <= '9') {
                *doc = 1;
                return q;
            }
        }
        if (c == 'F' && cite_has(text, len, q, "Foreign Relations"))
            return q;
    }
    return len;
}

/* ---- xrefs -------------------------------------------------------------- */

static cite_xref *push(cite_xrefs *out, size_t start, size_t end,
                       cite_xref_kind kind, unsigned long doc,
                       unsigned long note, const cite_volume *vol)
{
    cite_xref *x = cite_xrefs_push(out);
    if (x == NULL)
        return NULL;
    x->start = start;
    x->end = end;
    x->kind = kind;
    x->doc = doc;
    x->note = note;
    x->has_volume = vol != NULL;
    if (vol != NULL)
        x->volume = *vol;
    else
        memset(&x->volume, 0, sizeof x->volume);
    x->appendix[0] = '\0';
    return x;
}

/*
 * "Appendix A" (or "Appendix II") at AT, after a list of documents' last
 * separator: pushes it onto OUT with the list's volume.  Returns its end,
 * AT when there is none, or NOMEM.
 */
static size_t appendix(const char *text, size_t len, size_t at,
                       const cite_volume *vol, cite_xrefs *out)
{
    size_t p = keyword(text, len, at, "Appendix");
    size_t e = p;
    while (e < len && e - p < 7 && text[e] >= 'A' && text[e] <= 'Z')
        e++;
    /* One letter, or a roman numeral ("Appendix II"). */
    unsigned v;
    if (p == at || e == p || !word_end(text, len, e) ||
        (e - p > 1 && roman(text, len, p, &v) != e))
        return at;
    cite_xref *x = push(out, at, e, CITE_XREF_APPENDIX, 0, 0, vol);
    if (x == NULL)
        return NOMEM;
    memcpy(x->appendix, text + p, e - p);
    x->appendix[e - p] = '\0';
    return e;
}

/*
 * "Document 254[, footnote 3]" or "Documents 65, 66, and 67" at AT, the
 * first xref starting at START (earlier when a volume or footnote comes
 * first).  Returns the end of what was read, AT when nothing was, or NOMEM
 * when memory ran out.
 */
static size_t document_list(const char *text, size_t len, size_t at,
                            size_t start, const cite_volume *vol,
                            cite_xrefs *out)
{
    int plural = 0;
    size_t p = keyword(text, len, at, "Document");
    if (p == at) {
        p = keyword(text, len, at, "Documents");
        plural = 1;
    }
    if (p == at)
        return at;
    unsigned long n;
    size_t e = number(text, len, p, MAX_DOC_DIGITS, &n);
    if (e == p)
        return at;
    cite_xref *x = push(out, start, e, CITE_XREF_DOCUMENT, n, 0, vol);
    if (x == NULL)
        return NOMEM;
    if (!plural) {
        /* "Document 41, footnote 3" */
        if (e < len && text[e] == ',') {
            size_t q = skip_blank(text, len, e + 1);
            size_t r = keyword(text, len, q, "footnote");
            unsigned long m;
            size_t f;
            if (r != q && (f = number(text, len, r, MAX_NOTE_DIGITS, &m)) != r) {
                x->note = m;
                x->end = e = f;
            }
        }
        return e;
    }
    for (;;) {
        size_t s = list_sep(text, len, e);
        if (s == e)
            break;
        size_t f = number(text, len, s, MAX_DOC_DIGITS, &n);
        if (f == s) {
            /* "..., and Appendix A": a list that ends in another kind of
               item; the separator is left out of both. */
            size_t a = appendix(text, len, s, vol, out);
            return a == s ? e : a;
        }
        if (push(out, s, f, CITE_XREF_DOCUMENT, n, 0, vol) == NULL)
            return NOMEM;
        e = f;
    }
    return e;
}

/*
 * "footnote 2, Document 237", "footnotes 2 and 3 to Document 41",
 * "footnote 2, above" at AT.  Returns as document_list() does.
 */
static size_t footnote_ref(const char *text, size_t len, size_t at,
                           cite_xrefs *out)
{
    size_t p = at;
    static const char *const kws[] = { "footnote", "Footnote", "footnotes",
                                       "Footnotes" };
    for (size_t k = 0; k < sizeof kws / sizeof kws[0] && p == at; k++)
        p = keyword(text, len, at, kws[k]);
    if (p == at)
        return at;
    unsigned long n;
    size_t e = number(text, len, p, MAX_NOTE_DIGITS, &n);
    if (e == p)
        return at;
    size_t first = out->len;
    if (push(out, at, e, CITE_XREF_SELF, 0, n, NULL) == NULL)
        return NOMEM;
    for (;;) {
        size_t s = list_sep(text, len, e);
        if (s == e)
            break;
        size_t f = number(text, len, s, MAX_NOTE_DIGITS, &n);
        if (f == s)
            break;
        if (push(out, s, f, CITE_XREF_SELF, 0, n, NULL) == NULL)
            return NOMEM;
        e = f;
    }
    /* ", Document 237", " to Document 237", " of ...", " in ..." */
    size_t q = e;
    if (q < len && text[q] == ',')
        q++;
    q = skip_blank(text, len, q);
    static const char *const conn[] = { "to", "of", "in" };
    for (size_t k = 0; k < sizeof conn / sizeof conn[0]; k++) {
        size_t r = keyword(text, len, q, conn[k]);
        if (r != q) {
            q = r;
            break;
        }
    }
    size_t d = keyword(text, len, q, "Document");
    unsigned long doc;
    size_t f;
    if (q > e && d != q && (f = number(text, len, d, MAX_DOC_DIGITS, &doc)) != d) {
        for (size_t i = first; i < out->len; i++) {
            out->v[i].kind = CITE_XREF_DOCUMENT;
            out->v[i].doc = doc;
        }
        out->v[out->len - 1].end = f;
        return f;
    }
    return e;
}

/* "Foreign Relations, ..., vol. IV, ..., Document 163" at AT. */
static size_t foreign_relations(const char *text, size_t len, size_t at,
                                cite_xrefs *out)
{
    cite_volume vol;
    size_t e = volume_citation(text, len, at, &vol);
    if (e == at)
        return at;
    int doc;
    size_t q = title_end(text, len, e, &doc);
    if (doc) {
        size_t r = document_list(text, len, q, at, &vol, out);
        if (r != q)
            return r;
    }
    /* A volume named alone: up to the end of its title, blanks and a
       closing comma left out. */
    size_t end = q;
    while (end > e && (text[end - 1] == ' ' || text[end - 1] == ',' ||
                       text[end - 1] == '\t'))
        end--;
    if (push(out, at, end, CITE_XREF_VOLUME, 0, 0, &vol) == NULL)
        return NOMEM;
    return q;
}

/* "volume IV, Document 3" (the citing document's series) at AT. */
static size_t bare_volume(const char *text, size_t len, size_t at,
                          cite_xrefs *out)
{
    cite_volume vol;
    size_t e = volume_head(text, len, at, &vol);
    if (e == at || e >= len || text[e] != ',')
        return at;
    vol.y1 = vol.y2 = 0;
    size_t q = skip_blank(text, len, e + 1);
    size_t r = document_list(text, len, q, at, &vol, out);
    return r == q ? at : r;
}

/* "Part 1, Documents 56 and 57": another part of the citing volume. */
static size_t other_part(const char *text, size_t len, size_t at,
                         cite_xrefs *out)
{
    unsigned long part;
    size_t p = keyword(text, len, at, "Part");
    size_t e = p != at ? number(text, len, p, 2, &part) : at;
    if (e == p || e >= len || text[e] != ',')
        return at;
    cite_volume vol = { 0, 0, 0, 0, (unsigned)part };
    size_t q = skip_blank(text, len, e + 1);
    size_t r = document_list(text, len, q, at, &vol, out);
    return r == q ? at : r;
}

/* Where the next C is at or after AT in TEXT[0, LEN), or LEN. */
static size_t find_byte(const char *text, size_t len, size_t at, char c)
{
    const char *p = at < len ? memchr(text + at, c, len - at) : NULL;
    return p ? (size_t)(p - text) : len;
}

/*
 * The first byte at or after AT where a keyword may start, or LEN: a "P"
 * ("Part"), or a D, F, f, v or V before an "o" ("Document", "Foreign",
 * "footnote", "vol."); every keyword the scan knows starts so.  memchr finds
 * those "o"s and "P"s many bytes at a time, where testing every byte was
 * most of the stage's time.  *NEXT_P holds the first "P" at or after AT.
 */
static size_t next_candidate(const char *text, size_t len, size_t at,
                             size_t *next_p)
{
    if (*next_p < at)
        *next_p = find_byte(text, len, at, 'P');
    /* An "o" past the next "P" can wait: the "P" comes first. */
    size_t limit = *next_p < len ? *next_p + 1 : len;
    for (size_t q = find_byte(text, limit, at + 1, 'o'); q < limit;
         q = find_byte(text, limit, q + 1, 'o')) {
        char c = text[q - 1];
        if (c == 'D' || c == 'F' || c == 'f' || c == 'v' || c == 'V')
            return q - 1;
    }
    return *next_p;
}

int cite_find_xrefs(const char *text, size_t len, cite_xrefs *out)
{
    size_t next_p = find_byte(text, len, 0, 'P');
    size_t i = 0;
    while ((i = next_candidate(text, len, i, &next_p)) < len) {
        char c = text[i];
        size_t e = i;
        /* A candidate: a keyword's first two bytes ("Pa" for "Part"). */
        char second = c == 'P' ? 'a' : 'o';
        if (i + 1 < len && text[i + 1] == second && word_start(text, i)) {
            if (c == 'P')
                e = other_part(text, len, i, out);
            else if (c == 'D')
                e = document_list(text, len, i, i, NULL, out);
            else if (c == 'F' && cite_has(text, len, i, "Foreign Relations"))
                e = foreign_relations(text, len, i, out);
            else if (c == 'F' || c == 'f')
                e = footnote_ref(text, len, i, out);
            else
                e = bare_volume(text, len, i, out);
            if (e == NOMEM)
                return -1;
        }
        i = e > i ? e : i + 1;
    }
    return 0;
}

/* ---- ids ---------------------------------------------------------------- */

/*
 * The volume part of DOC_ID ("frus1981-88v05" of "frus1981-88v05/d255"):
 * sets *VS and *VE, returns 0 when DOC_ID is not VOLUME/dNNN.
 */
static int id_volume(const char *id, size_t n, size_t *vs, size_t *ve)
{
    size_t slash = n;
    while (slash > 0 && id[slash - 1] != '/')
        slash--;
    if (slash < 2 || slash + 1 >= n || id[slash] != 'd')
        return 0;
    for (size_t i = slash + 1; i < n; i++)
        if (id[i] < '0' || id[i] > '9')
            return 0;
    size_t s = slash - 1;
    while (s > 0 && id[s - 1] != '/')
        s--;
    if (s == slash - 1)
        return 0;
    *vs = s;
    *ve = slash - 1;
    return 1;
}

/* The series of volume id V ("frus1981-88" of "frus1981-88v05"): its length,
   or 0 when V does not look like a FRUS volume id. */
static size_t id_series(const char *v, size_t n)
{
    if (n < 9 || memcmp(v, "frus", 4) != 0)
        return 0;
    size_t i = 4;
    while (i < n && ((v[i] >= '0' && v[i] <= '9') || v[i] == '-'))
        i++;
    return i > 8 && i < n && v[i] == 'v' ? i : 0;
}

size_t cite_xref_volume(const cite_xref *x, const char *doc_id, size_t id_len,
                        char *buf, size_t size)
{
    char series[32];
    const cite_volume *v = &x->volume;
    if (!x->has_volume)
        return (size_t)snprintf(buf, size, "%s", "");
    if (v->y1 == 0 && v->number == 0) {
        /* "Part 1": the citing volume, without its own part. */
        size_t vs, ve;
        if (!id_volume(doc_id, id_len, &vs, &ve))
            return (size_t)snprintf(buf, size, "%s", "");
        size_t k = ve;
        while (k > vs && doc_id[k - 1] >= '0' && doc_id[k - 1] <= '9')
            k--;
        if (k < ve && k > vs + 1 && doc_id[k - 1] == 'p' &&
            doc_id[k - 2] >= '0' && doc_id[k - 2] <= '9')
            ve = k - 1;
        if (ve - vs > 64)
            return (size_t)snprintf(buf, size, "%s", "");
        int n = snprintf(buf, size, "%.*sp%u", (int)(ve - vs), doc_id + vs,
                         v->part % 100);
        return n < 0 ? 0 : (size_t)n;
    }
    if (v->y1 == 0) {
        /* "volume IV": the series of the citing document's volume. */
        size_t vs, ve, sn;
        if (!id_volume(doc_id, id_len, &vs, &ve) ||
            (sn = id_series(doc_id + vs, ve - vs)) == 0 ||
            sn >= sizeof series)
            return (size_t)snprintf(buf, size, "%s", "");
        memcpy(series, doc_id + vs, sn);
        series[sn] = '\0';
    } else if (v->y2 != 0 && v->y2 != v->y1) {
        snprintf(series, sizeof series, "frus%u-%02u", v->y1 % 10000,
                 v->y2 % 100);
    } else {
        snprintf(series, sizeof series, "frus%u", v->y1 % 10000);
    }
    char letter[2] = { v->letter, '\0' };
    int n;
    if (v->part)
        n = snprintf(buf, size, "%sv%s%02up%u", series, letter,
                     v->number % 1000, v->part % 100);
    else
        n = snprintf(buf, size, "%sv%s%02u", series, letter, v->number % 1000);
    return n < 0 ? 0 : (size_t)n;
}

size_t cite_xref_target(const cite_xref *x, const char *doc_id, size_t id_len,
                        char *buf, size_t size)
{
    int n;
    if (x->kind == CITE_XREF_SELF) {
        /* Copied by hand: an id may be longer than an int or hold a NUL. */
        if (size > 0) {
            size_t k = id_len < size - 1 ? id_len : size - 1;
            memcpy(buf, doc_id, k);
            buf[k] = '\0';
        }
        return id_len;
    }
    if (x->kind == CITE_XREF_VOLUME)
        return cite_xref_volume(x, doc_id, id_len, buf, size);
    /* The volume named, else the citing document's own volume. */
    char vol[64];
    size_t vn = cite_xref_volume(x, doc_id, id_len, vol, sizeof vol);
    size_t vs, ve;
    if (vn == 0 && !x->has_volume && id_volume(doc_id, id_len, &vs, &ve) &&
        ve - vs < sizeof vol) {
        memcpy(vol, doc_id + vs, ve - vs);
        vol[ve - vs] = '\0';
        vn = ve - vs;
    }
    /* The item: "d254", or "appendix-a" for "Appendix A". */
    char item[32];
    if (x->kind == CITE_XREF_APPENDIX) {
        size_t k = strlen("appendix-");
        memcpy(item, "appendix-", k);
        /* The label is at most seven capitals (appendix()). */
        for (size_t i = 0; i < sizeof x->appendix && x->appendix[i]; i++)
            item[k++] = (char)(x->appendix[i] - 'A' + 'a');
        item[k] = '\0';
    } else {
        snprintf(item, sizeof item, "d%lu", x->doc);
    }
    if (vn == 0 || vn >= sizeof vol)
        n = snprintf(buf, size, "%s", item);
    else
        n = snprintf(buf, size, "%s/%s", vol, item);
    return n < 0 ? 0 : (size_t)n;
}
