/*
 * roster.c — the participants lists: who was present, with which title, on
 * which side.
 *
 * A list is the participants section the segment stage found: group
 * headings ("U.S. PARTICIPANTS", "Soviet Side:") and entries, one a line or
 * several separated by ';' ("PARTICIPANTS: Ambassador Dobrynin; Dr.
 * Kissinger").  An entry is a title, a name and perhaps a description:
 * "SOV Dep Dir Bruce Burton (notetaker)", "D. Zarechnak, Interpreter",
 * "Chief of Staff Regan", "The President".
 */
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_doc.h"

/* Words that make a line a group heading. */
static int spk_heading_word(const char *p, size_t n)
{
    static const char *const words[] = { "PARTICIPANTS", "Participants", "participants",
                                         "PARTICIPANT", "Participant", "SIDE", "Side", "side",
                                         "PRESENT", "Present", "ALSO", "Also", NULL };
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], p, n) == 0)
            return 1;
    return 0;
}

static int spk_is_bullet(uint32_t ch)
{
    return ch == 0x2022 || ch == 0x25E6 || ch == 0x2023 || ch == 0x2043 || ch == '*' ||
           ch == '-' || ch == 0x2013 || ch == 0x2014 || ch == 0xB7;
}

/* The side a heading names: its words but the heading words, capitals of
 * long words lowered ("SOVIET" -> "Soviet"; "U.S." and "FRG" stay). */
static char *spk_side(const spk_ctx *c, size_t ta, size_t tb)
{
    size_t cap = 1;
    for (size_t i = ta; i < tb; i++)
        cap += spk_tok_n(c, i) + 1;
    char *s = malloc(cap), *o = s;
    if (!s)
        return NULL;
    for (size_t i = ta; i < tb; i++) {
        const spk_tok *k = &c->toks.v[i];
        const char *p = spk_tok_p(c, i);
        size_t n = spk_tok_n(c, i);
        if (k->kind == SPK_TOK_WORD && spk_heading_word(p, n))
            continue;
        if (k->kind == SPK_TOK_PUNCT && (k->c == ':' || spk_is_bullet(k->c)))
            continue;
        /* A space between words, none inside "U.S." */
        if (o > s && i > ta && c->toks.v[i - 1].end < k->start)
            *o++ = ' ';
        int lower = k->kind == SPK_TOK_WORD && (k->flags & SPK_TF_ALLCAPS) && n >= 5;
        for (size_t j = 0; j < n; j++)
            *o++ = lower && j > 0 && p[j] >= 'A' && p[j] <= 'Z' ? (char)(p[j] + 32) : p[j];
    }
    while (o > s && o[-1] == ' ')
        o--;
    *o = 0;
    if (o == s) {
        free(s);
        return NULL;
    }
    return s;
}

/* Abbreviations in titles, for matching "the Foreign Minister" against
 * "Deputy ForMin". */
static const char *spk_expand(const char *p, size_t n)
{
    static const char *const ab[][2] = {
        { "ForMin", "Foreign Minister" }, { "FM", "Foreign Minister" }, { "Dep", "Deputy" },
        { "Dir", "Director" }, { "Amb", "Ambassador" }, { "Sec", "Secretary" },
        { "Secy", "Secretary" }, { "Asst", "Assistant" }, { "Gen", "General" },
        { "Col", "Colonel" }, { "Adm", "Admiral" }, { "VADM", "Admiral" },
        { "RADM", "Admiral" }, { "Pres", "President" }, { "Lt", "Lieutenant" },
        { "Maj", "Major" }, { "Capt", "Captain" }, { "Cdr", "Commander" },
        { "GenSec", "General Secretary" }, { "SecState", "Secretary" }, { NULL, NULL }
    };
    for (size_t i = 0; ab[i][0]; i++)
        if (strlen(ab[i][0]) == n && spk_names_equal(ab[i][0], n, p, n) &&
            (p[0] == ab[i][0][0]))
            return ab[i][1];
    return NULL;
}

/* A title phrase two participants share names neither of them. */
#define SPK_AMBIGUOUS (SPK_NONE - 1)

/* Map the title phrase KEY[0, N) to participant PART, or to SPK_AMBIGUOUS
 * when another has it too: one entry a phrase, however many participants
 * ("Ambassador" for every ambassador of a long list). */
static int spk_title_key(spk_ctx *c, const char *key, size_t n, size_t part)
{
    size_t *v = spk_names_value(c->part_titles, key, n);
    if (!v)
        return spk_names_add(c->part_titles, key, n, part);
    if (*v != part)
        *v = SPK_AMBIGUOUS;
    return 0;
}

/* Register participant P's title tokens [TA, TB) under their spelled-out
 * phrase, and under the phrase before " of " ("Secretary" of "Secretary of
 * State"). */
static int spk_title_keys(spk_ctx *c, size_t part, size_t ta, size_t tb)
{
    size_t cap = 1;
    for (size_t i = ta; i < tb; i++)
        cap += spk_tok_n(c, i) + 24;
    char *s = malloc(cap), *o = s;
    size_t of_at = 0;
    if (spk_ctx_own(c, s) < 0)
        return -1;
    for (size_t i = ta; i < tb; i++) {
        const spk_tok *k = &c->toks.v[i];
        const char *p = spk_tok_p(c, i);
        size_t n = spk_tok_n(c, i);
        if (k->kind != SPK_TOK_WORD || spk_tok_is(c, i, "The") || spk_tok_is(c, i, "the"))
            continue;
        const char *x = spk_expand(p, n);
        if (!x && (k->flags & SPK_TF_ALLCAPS))
            continue; /* office codes: EUR, SOV, DAS */
        if (spk_tok_is(c, i, "of") && !of_at)
            of_at = (size_t)(o - s);
        if (o > s)
            *o++ = ' ';
        if (x) {
            memcpy(o, x, strlen(x));
            o += strlen(x);
        } else {
            memcpy(o, p, n);
            o += n;
        }
    }
    *o = 0;
    if (o == s)
        return 0;
    if (spk_title_key(c, s, (size_t)(o - s), part) < 0 || (of_at && spk_title_key(c, s, of_at, part) < 0))
        return -1;
    return 0;
}

size_t spk_title_entity(spk_ctx *c, spk_str title)
{
    if (spt_grow((void **)&c->ents, &c->capents, c->nents, sizeof *c->ents) < 0)
        return SPK_NONE;
    spk_entity *en = &c->ents[c->nents];
    memset(en, 0, sizeof *en);
    en->surname = title;
    en->participant = en->person = en->title_tok = SPK_NONE;
    en->early = 1;
    return c->nents++;
}

/* Is [A, B) one person's name as a list writes it: capitalised words and
 * initials, perhaps after titles, ending in a word that may be a name
 * ("Mr. Kohler", "Paul T. Bassett", "Davies"), or titles alone after "The"
 * ("The Secretary")?  *TITLED tells whether it opens with a title. */
static int spk_list_name(const spk_ctx *c, size_t a, size_t b, int *titled)
{
    size_t words = 0, last = SPK_NONE;
    for (size_t i = a; i < b; i++) {
        const spk_tok *t = &c->toks.v[i];
        if (t->kind == SPK_TOK_PUNCT) {
            if (t->c != '.' || i == a)
                return 0;
            continue;
        }
        if (t->kind != SPK_TOK_WORD || !(t->flags & SPK_TF_CAP))
            return 0;
        words++;
        last = i;
    }
    if (!words)
        return 0;
    *titled = (spk_tok_lex(c, a) & SPK_LX_TITLE) || spk_tok_is(c, a, "The");
    if (spk_tok_is(c, a, "The")) {
        for (size_t i = a + 1; i < b; i++)
            if (c->toks.v[i].kind == SPK_TOK_WORD && !(spk_tok_lex(c, i) & SPK_LX_TITLE))
                return spk_name_word(c, last);
        return words > 1;
    }
    return spk_name_word(c, last);
}

/* Register participant PI's title [D, DE), and without the country's
 * adjective before it ("Soviet Ambassador" is "the Ambassador" too). */
static int spk_title_and_core(spk_ctx *c, size_t pi, size_t d, size_t de)
{
    if (d < de && spk_title_keys(c, pi, d, de) < 0)
        return -1;
    if (d + 1 < de && !(spk_tok_lex(c, d) & SPK_LX_TITLE) && (spk_tok_lex(c, d) & SPK_LX_NOTNAME) &&
        (spk_tok_lex(c, d + 1) & SPK_LX_TITLE))
        return spk_title_keys(c, pi, d + 1, de);
    return 0;
}

/* "The Soviet Ambassador, Mr. Georgi N. Zaroubin": the title first (no name
 * word in [*K, COMMA)), the name after the comma (up to HB).  Then *K and
 * *NE bound the name, past its own titles, and 1 is returned; else 0. */
static int spk_name_after_comma(const spk_ctx *c, size_t *k, size_t comma, size_t hb, size_t *ne)
{
    int titled;
    if (comma + 1 >= hb || !spk_list_name(c, comma + 1, hb, &titled))
        return 0;
    for (size_t i = *k; i < comma; i++)
        if (spk_name_word(c, i))
            return 0;
    size_t n = comma + 1;
    while (n < hb && ((spk_tok_lex(c, n) & SPK_LX_TITLE) || spk_tok_punct(c, n, '.')))
        n++;
    *k = n;
    *ne = hb;
    return 1;
}

/* Parse the entry TEXT[A, B) of group SIDE.  JOIN, when not SPK_NONE, is
 * the token "and" between two titles of one surname ("Ambassador and Mrs.
 * Zarubin"): the title is the one before it, the name the one after the
 * second title. */
static int spk_entry(spk_ctx *c, size_t a, size_t b, const char *side, size_t join)
{
    size_t ta = spk_tok_at(c, a), tb = spk_tok_at(c, b);
    while (ta < tb && c->toks.v[ta].kind == SPK_TOK_PUNCT && spk_is_bullet(c->toks.v[ta].c))
        ta++;
    if (ta >= tb)
        return 0;
    a = c->toks.v[ta].start;
    /* Brackets at the end describe: "(NSC)", "(notetaker)". */
    size_t hb = tb;
    while (hb > ta && spk_tok_punct(c, hb - 1, ')')) {
        size_t k = hb - 1;
        while (k > ta && !spk_tok_punct(c, k, '('))
            k--;
        if (k == ta)
            break;
        hb = k;
    }
    /* The name ends at a comma or a dash: "D. Zarechnak, Interpreter",
     * "Henry A. Kissinger—Chairman". */
    size_t comma = ta;
    while (comma < hb && !spk_tok_punct(c, comma, ',') && !spk_tok_punct(c, comma, 0x2014) &&
           !spk_tok_punct(c, comma, 0x2013))
        comma++;
    /* The title: title words, office codes, "of State", "The". */
    size_t k = ta;
    while (k < comma) {
        const spk_tok *t = &c->toks.v[k];
        if (k == join) {
            k++;
        } else if (t->kind == SPK_TOK_WORD &&
            ((spk_tok_lex(c, k) & SPK_LX_TITLE) || (t->flags & SPK_TF_ALLCAPS) || spk_tok_is(c, k, "The"))) {
            k++;
        } else if (t->kind == SPK_TOK_PUNCT && (t->c == '/' || t->c == '-' || t->c == '&' ||
                                                (t->c == '.' && k > ta))) {
            k++;
        } else if ((spk_tok_is(c, k, "of") || spk_tok_is(c, k, "for")) && k > ta && k + 1 < comma &&
                   (c->toks.v[k + 1].flags & SPK_TF_CAP)) {
            k += 2;
        } else {
            break;
        }
    }
    if (spt_grow((void **)&c->out->parts, &c->out->capparts, c->out->nparts, sizeof *c->out->parts) < 0 ||
        spt_grow((void **)&c->part_ent, &c->cap_part_ent, c->out->nparts, sizeof *c->part_ent) < 0)
        return -1;
    size_t pi = c->out->nparts;
    spk_participant *pt = &c->out->parts[pi];
    memset(pt, 0, sizeof *pt);
    pt->start = a;
    pt->end = c->toks.v[tb - 1].end;
    pt->side = side;
    pt->person = SPK_NONE;
    size_t te = join != SPK_NONE && join < k ? join : k; /* end of the title tokens */
    while (te > ta && c->toks.v[te - 1].kind == SPK_TOK_PUNCT)
        te--;
    size_t ts = ta;
    if (ts < te && spk_tok_is(c, ts, "The"))
        ts++;
    if (ts < te)
        pt->title = (spk_str){ spk_tok_p(c, ts), c->toks.v[te - 1].end - c->toks.v[ts].start };
    else if (comma + 1 < hb)
        pt->title = (spk_str){ spk_tok_p(c, comma + 1),
                               c->toks.v[hb - 1].end - c->toks.v[comma + 1].start };
    size_t ne = comma;
    int swapped = spk_name_after_comma(c, &k, comma, hb, &ne);
    if (swapped) {
        te = comma;
        pt->title = (spk_str){ spk_tok_p(c, ts), c->toks.v[te - 1].end - c->toks.v[ts].start };
    }
    size_t sur = SPK_NONE;
    for (size_t i = k; i < ne; i++)
        if (c->toks.v[i].kind == SPK_TOK_WORD)
            sur = i;
    int rc = 0;
    size_t e;
    if (sur != SPK_NONE) {
        pt->name = (spk_str){ spk_tok_p(c, k), c->toks.v[ne - 1].end - c->toks.v[k].start };
        pt->surname = (spk_str){ spk_tok_p(c, sur), spk_tok_n(c, sur) };
        if (sur > k)
            pt->given = (spk_str){ spk_tok_p(c, k), c->toks.v[sur - 1].end - c->toks.v[k].start };
        e = spk_entity_add(c, pt->surname, pt->given, &rc);
    } else {
        if (te <= ta)
            return 0; /* nothing that names anyone */
        pt->name = (spk_str){ spk_tok_p(c, ta), c->toks.v[te - 1].end - c->toks.v[ta].start };
        e = spk_title_entity(c, pt->title.n ? pt->title : pt->name);
    }
    if (e == SPK_NONE)
        return -1;
    c->out->nparts++;
    c->part_ent[pi] = e;
    if (c->ents[e].participant == SPK_NONE)
        c->ents[e].participant = pi;
    c->ents[e].early = 1;
    pt->person = c->ents[e].person;
    if (swapped)
        return spk_title_and_core(c, pi, ts, te);
    if (ts < te && spk_title_keys(c, pi, ts, te) < 0)
        return -1;
    if (comma + 1 < hb) {
        /* "Name, Ambassador of the USSR", "Mr. Name, Soviet Ambassador":
         * the description's title too. */
        size_t de = comma + 1;
        while (de < hb && c->toks.v[de].kind == SPK_TOK_WORD && (c->toks.v[de].flags & SPK_TF_CAP))
            de++;
        return spk_title_and_core(c, pi, comma + 1, de);
    }
    return 0;
}

/* The blanks that indent the line starting at byte I. */
static size_t spk_indent(const spk_ctx *c, size_t i, size_t b)
{
    size_t k = i;
    while (k < b && (c->t[k] == ' ' || c->t[k] == '\t'))
        k++;
    return k - i;
}

/* Does the next line after byte EOL that holds anything (before B) start
 * deeper than INDENT?  Then the line before it heads a group. */
static int spk_nests(const spk_ctx *c, size_t eol, size_t b, size_t indent)
{
    for (size_t i = eol + 1; i < b;) {
        const char *nl = memchr(c->t + i, '\n', b - i);
        size_t e = nl ? (size_t)(nl - c->t) : b, in = spk_indent(c, i, e);
        if (i + in < e)
            return in > indent;
        i = e + 1;
    }
    return 0;
}

/* Does entry [TA, TB) name an office rather than a person ("State",
 * "Defense", "CIA", "NSC Staff")?  Every word an acronym, a word that is no
 * name, or a word for an office. */
static int spk_office_entry(const spk_ctx *c, size_t ta, size_t tb)
{
    static const char *const office[] = { "Staff", "Treasury", "Department", "Agency", "Office",
                                          "Bureau", "Embassy", "Delegation", "Ministry", "Commission",
                                          "Council", "Command", "Secretariat", "Interior",
                                          "Commerce", "Justice", "Labor", "Agriculture", NULL };
    size_t words = 0;
    for (size_t i = ta; i < tb; i++) {
        const spk_tok *t = &c->toks.v[i];
        if (t->kind != SPK_TOK_WORD) {
            if (spk_is_bullet(t->c) || t->c == '.' || t->c == '&')
                continue;
            return 0;
        }
        words++;
        int known = 0;
        for (size_t k = 0; office[k] && !known; k++)
            known = spk_tok_is(c, i, office[k]);
        if (!known && !(t->flags & SPK_TF_ALLCAPS) &&
            ((spk_tok_lex(c, i) & (SPK_LX_NOTNAME | SPK_LX_TITLE)) != SPK_LX_NOTNAME &&
             !spk_tok_is(c, i, "Defense") && !spk_tok_is(c, i, "Defence")))
            return 0;
    }
    return words > 0 && words <= 4;
}

/* Is the line of tokens [TA, TB) a page marker ("[Page 244]")? */
static int spk_page_line(const spk_ctx *c, size_t ta, size_t tb)
{
    return tb - ta == 4 && spk_tok_punct(c, ta, '[') && spk_tok_is(c, ta + 1, "Page") &&
           spk_tok_punct(c, tb - 1, ']');
}

/* Use the heading tokens [TA, TB) as the side of the entries after it. */
static int spk_set_side(spk_ctx *c, size_t ta, size_t tb, const char **side)
{
    char *s = spk_side(c, ta, tb);
    if (s && (spt_grow((void **)&c->out->owned, &c->out->capowned, c->out->nowned,
                       sizeof *c->out->owned) < 0)) {
        free(s);
        return -1;
    }
    if (s)
        c->out->owned[c->out->nowned++] = s;
    *side = s;
    return 0;
}

/* Does [I, E) describe the name before it: capitalised words, office codes
 * and the small words of a title ("EUR", "Director, SOV", "Chief of the
 * Division of Research"), not a name of its own? */
static int spk_description(const spk_ctx *c, size_t i, size_t e)
{
    int titled, words = 0;
    if (i >= e || spk_list_name(c, i, e, &titled))
        return 0;
    for (size_t k = i; k < e; k++) {
        const spk_tok *t = &c->toks.v[k];
        if (t->kind == SPK_TOK_PUNCT) {
            if (t->c != '.' && t->c != '/' && t->c != '-' && t->c != '&' && t->c != '(' && t->c != ')')
                return 0;
        } else if ((t->flags & SPK_TF_CAP) || spk_tok_is(c, k, "of") || spk_tok_is(c, k, "for") ||
                   spk_tok_is(c, k, "the")) {
            words++;
        } else {
            return 0;
        }
    }
    return words > 0;
}

/* The names of a series, read from token S up to TB: pieces between commas
 * and "and", up to the piece after "and".  A name may carry its
 * description in the pieces after it ("Beam, EUR, and Kohler, SOV") or in
 * brackets ("Mr. Beam (EUR)"). */
enum { SPK_MAXP = 16 };
typedef struct spk_series {
    size_t ps[SPK_MAXP], pe[SPK_MAXP]; /* name P is [PS, PE) */
    size_t pd[SPK_MAXP];               /* ... and with its description [PS, PD) */
    size_t np;                         /* names read (at most SPK_MAXP) */
    int last;                          /* "and" came before the last name */
    int titled_all, titled_none;       /* every name has a title; none has */
    int described;                     /* a name before the last has a description */
    size_t end;                        /* the token after the last piece read */
} spk_series;

static void spk_series_read(const spk_ctx *c, size_t s, size_t tb, spk_series *sr)
{
    memset(sr, 0, sizeof *sr);
    sr->titled_all = sr->titled_none = 1;
    sr->end = s;
    size_t i = s;
    int closed = 0;
    while (i < tb && sr->np < SPK_MAXP) {
        size_t e = i;
        while (e < tb && !spk_tok_punct(c, e, ',') && !spk_tok_is(c, e, "and") &&
               !spk_tok_punct(c, e, 0x2014) && !spk_tok_punct(c, e, 0x2013))
            e++;
        size_t ne = e; /* the name without its brackets: "Mr. Beam (EUR)" */
        if (ne > i + 1 && spk_tok_punct(c, ne - 1, ')')) {
            while (ne > i && !spk_tok_punct(c, ne - 1, '('))
                ne--;
            ne = ne > i ? ne - 1 : e;
        }
        int titled;
        if (!closed && spk_list_name(c, i, ne, &titled)) {
            closed = sr->last; /* the name after "and" is the last: only its description follows */
            if (sr->np && sr->pd[sr->np - 1] > sr->pe[sr->np - 1])
                sr->described = 1;
            sr->titled_all &= titled;
            sr->titled_none &= !titled;
            sr->ps[sr->np] = i;
            sr->pe[sr->np] = ne;
            sr->pd[sr->np++] = e;
            if (ne < e)
                sr->described = 1;
        } else if (sr->np && spk_description(c, i, e)) {
            sr->pd[sr->np - 1] = e;
        } else {
            break;
        }
        sr->end = e;
        if (e >= tb || !(spk_tok_punct(c, e, ',') || spk_tok_is(c, e, "and")))
            break;
        if (spk_tok_punct(c, e, ',') && spk_tok_is(c, e + 1, "and"))
            e++;
        sr->last |= spk_tok_is(c, e, "and");
        i = e + 1;
    }
}

/* The entry TEXT[A, B) of group SIDE, which may name several people: two
 * titles of one surname ("Ambassador and Mrs. Zarubin": the Ambassador over
 * the whole entry, and Mrs. Zarubin), or names in a series ("Messrs. Beam,
 * Kohler and Davies", "Mr. Beam, Mr. Kohler and Mr. Davies", "The
 * Secretary, Ambassador Zarubin and Mr. Beam"), each its own participant.
 * A series is names alone, all with titles or none (unless "Messrs." opens
 * it), and ends with the name after "and": a description after it ("...,
 * Interpreters") belongs to no one.  Names that carry descriptions of
 * their own ("Messrs. Beam, EUR, and Kohler, SOV", "Mr. Beam (EUR), Mr.
 * Kohler (SOV)") are a series too, each name with its description.
 * Anything else is one entry. */
static int spk_entries(spk_ctx *c, size_t a, size_t b, const char *side)
{
    size_t ta = spk_tok_at(c, a), tb = spk_tok_at(c, b);
    while (ta < tb && c->toks.v[ta].kind == SPK_TOK_PUNCT && spk_is_bullet(c->toks.v[ta].c))
        ta++;
    if (ta >= tb)
        return 0;
    /* Titles, "and", a title, a name. */
    size_t k = ta;
    while (k < tb && ((c->toks.v[k].kind == SPK_TOK_WORD && (spk_tok_lex(c, k) & SPK_LX_TITLE)) ||
                      (k > ta && spk_tok_punct(c, k, '.'))))
        k++;
    if (k > ta && k + 2 < tb && spk_tok_is(c, k, "and") && (spk_tok_lex(c, k + 1) & SPK_LX_TITLE)) {
        if (spk_entry(c, a, b, side, k) < 0)
            return -1;
        return spk_entry(c, c->toks.v[k + 1].start, b, side, SPK_NONE);
    }
    size_t s = ta;
    int messrs = spk_tok_is(c, s, "Messrs") || spk_tok_is(c, s, "Messieurs");
    if (messrs) {
        s++;
        if (spk_tok_punct(c, s, '.'))
            s++;
    }
    spk_series sr;
    spk_series_read(c, s, tb, &sr);
    int ends = sr.end >= tb;
    if (sr.np < 2 || !(sr.last || (messrs && ends) || (sr.described && ends)) ||
        !(messrs || sr.titled_all || sr.titled_none))
        return spk_entry(c, a, b, side, SPK_NONE);
    /* A description after the last name is his when the others have
     * theirs; else it describes them all, and no one. */
    for (size_t p = 0; p < sr.np; p++) {
        size_t e = sr.described ? sr.pd[p] : sr.pe[p];
        if (spk_entry(c, c->toks.v[sr.ps[p]].start, c->toks.v[e - 1].end, side, SPK_NONE) < 0)
            return -1;
    }
    return 0;
}

/* Go through the lines of a participants section [A, B).  A bulleted list
 * ends where its bullets do: a line after it without one (a run-in heading
 * "SALT", "SUMMARY OF DECISIONS", a numbered list) is no participant; a
 * page marker inside the list is skipped.  A bulleted line that nests the
 * next ones, or names an office, heads a group ("State", "NSC Staff"). */
static int spk_section(spk_ctx *c, size_t a, size_t b)
{
    const char *side = NULL;
    size_t i = a;
    int bulleted = 0;
    while (i < b) {
        const char *nl = memchr(c->t + i, '\n', b - i);
        size_t eol = nl ? (size_t)(nl - c->t) : b;
        size_t ta = spk_tok_at(c, i), tb = spk_tok_at(c, eol);
        size_t line = i;
        i = eol + 1;
        if (ta >= tb || spk_page_line(c, ta, tb))
            continue;
        int bullet = c->toks.v[ta].kind == SPK_TOK_PUNCT && spk_is_bullet(c->toks.v[ta].c);
        /* A heading: a heading word, or a line that ends with a colon. */
        size_t colon = SPK_NONE;
        int heading = 0;
        for (size_t k = ta; k < tb; k++) {
            if (colon == SPK_NONE && spk_tok_punct(c, k, ':'))
                colon = k;
            if (c->toks.v[k].kind == SPK_TOK_WORD && spk_heading_word(spk_tok_p(c, k), spk_tok_n(c, k)))
                heading = 1;
        }
        if (colon == tb - 1)
            heading = 1;
        if (!heading && !bullet && bulleted)
            break; /* the list has ended */
        if (!heading && bullet && colon == SPK_NONE &&
            (spk_office_entry(c, ta, tb) || spk_nests(c, eol, b, spk_indent(c, line, eol)))) {
            if (spk_set_side(c, ta, tb, &side) < 0)
                return -1;
            continue;
        }
        size_t from = line;
        if (heading) {
            if (spk_set_side(c, ta, colon != SPK_NONE ? colon : tb, &side) < 0)
                return -1;
            if (colon == SPK_NONE || colon + 1 >= tb)
                continue;
            from = c->toks.v[colon + 1].start; /* entries after the colon */
        } else if (bullet) {
            bulleted = 1;
        }
        /* Entries: the line, or its pieces between semicolons. */
        size_t p = from;
        while (p < eol) {
            const char *semi = memchr(c->t + p, ';', eol - p);
            size_t pe = semi ? (size_t)(semi - c->t) : eol;
            if (spk_entries(c, p, pe, side) < 0)
                return -1;
            p = pe + 1;
        }
    }
    return 0;
}

int spk_roster(spk_ctx *c)
{
    /* Sections come in order of start; one inside or across another (input
     * may bring such layers) is read only once, so the participants stay in
     * order of start, as their ids must be. */
    const spk_spans *secs = c->in->sections;
    size_t done = 0;
    for (size_t i = 0; secs && i < secs->n; i++) {
        if (secs->v[i].kind != SPK_SEC_PARTICIPANTS || secs->v[i].start < done)
            continue;
        if (spk_section(c, secs->v[i].start, secs->v[i].end) < 0)
            return -1;
        done = secs->v[i].end;
    }
    return 0;
}

/* A participant known by title alone ("The President") takes the surname
 * the text writes after that title elsewhere ("President Reagan"); of
 * several, the one the title names (spk_register_name()). */
int spk_roster_resolve_titles(spk_ctx *c)
{
    for (size_t p = 0; p < c->out->nparts; p++) {
        spk_participant *pt = &c->out->parts[p];
        if (pt->surname.n || !pt->title.n)
            continue;
        size_t it = 0, e;
        if (spk_names_find(c->text_titles, pt->title.p, pt->title.n, &it, &e) < 0)
            continue;
        spk_entity *en = &c->ents[e];
        en->participant = p;
        en->early = 1;
        c->ents[c->part_ent[p]].participant = SPK_NONE;
        c->part_ent[p] = e;
        pt->surname = en->surname;
        if (pt->person == SPK_NONE)
            pt->person = en->person;
    }
    return 0;
}

size_t spk_title_participant(const spk_ctx *c, size_t a, size_t b)
{
    if (a >= b)
        return SPK_NONE;
    const char *p = spk_tok_p(c, a);
    size_t n = c->toks.v[b - 1].end - c->toks.v[a].start, it = 0, v;
    if (spk_names_find(c->part_titles, p, n, &it, &v) < 0 || v == SPK_AMBIGUOUS)
        return SPK_NONE; /* unknown, or two "Ambassadors": say nothing */
    return v;
}
