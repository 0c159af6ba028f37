/*
 * sentences.c — sentence boundaries inside one zone (a paragraph, a title, a
 * footnote).
 *
 * One pass over the zone.  At each run of terminal punctuation the rules look
 * a little behind (the word before the period, at most 64 bytes) and a little
 * ahead (closing quotes and brackets, a glued footnote marker, white space,
 * page markers, the next word), so the pass stays linear whatever the input.
 *
 * A period ends a sentence before a capital, a digit, an opening quote or a
 * symbol, except after
 *   - an abbreviation or an initial ("Mr.", "U.S.", "J. F. Dulles", "z.B."),
 *     where it ends one only before a word that typically opens sentences
 *     ("the U.S. The ..."), or before a footnote marker ("U.S.3 In ...");
 *   - a list number at the start of a line ("4. Begin text");
 *   - a German ordinal ("am 3. Oktober", "der 2. Weltkrieg").
 * Before a lower-case word only a "?" or "!", or a single period after an
 * ordinary word, ends a sentence (web text: "whatever. i will ...").  A line
 * break ends a sentence when the line was not filled up to the zone's
 * wrapping width: headlines and list items end without punctuation, wrapped
 * prose goes on.
 */
#include <string.h>
#include "segment_rules.h"
#include "seg_chars.h"
#include "seg_whitespace.h"

#define LOOKBACK 64   /* longest word considered an abbreviation, in bytes */
#define WORDMAX 40    /* longest next word looked at, in bytes */

typedef struct zone {
    const char *t;
    size_t start, end;    /* the zone */
    size_t width;         /* longest line, in characters (0: one line) */
    const seg_abbrevs *ab;
} zone;

/* What follows a candidate boundary. */
enum next_kind { N_END, N_LOWER, N_UPPER, N_DIGIT, N_OPEN, N_CONT, N_OTHER };

typedef struct next_info {
    int kind;
    size_t word, wlen;   /* the next word (letters only), when N_UPPER/N_OPEN */
    int word_dot;        /* the word is followed by a period ("F.") */
    int word_elided;     /* followed by an apostrophe ("L’Union") */
} next_info;

/* ---- small helpers ------------------------------------------------------------ */

/* Is W[0, N) (N >= 1) one of the NULL-terminated WORDS (case matters)? */
static int in_words(const char *const *words, const char *w, size_t n)
{
    for (size_t i = 0; words[i]; i++)
        if (words[i][0] == w[0] && strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return 1;
    return 0;
}

static int is_month(const char *w, size_t n)
{
    static const char *const months[] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Januar",
        "Jänner", "Februar", "März", "Mai", "Juni", "Juli", "Oktober",
        "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Okt", "Nov", "Dez", NULL
    };
    return in_words(months, w, n);
}

/* Words before a German ordinal number: "am 3.", "der 2.", "im 20.". */
static int ordinal_context(const char *w, size_t n)
{
    static const char *const words[] = {
        "der", "die", "das", "dem", "den", "des", "am", "im", "vom", "zum",
        "zur", "beim", "ins", "ab", "bis", "seit", "vor", "nach", "ihr", "ihre",
        "ihrem", "ihren", "ihrer", "sein", "seine", "seinem", "seinen",
        "seiner", "jedem", "jeden", "jeder", "dieses", "diesem", "diesen",
        "dieser", "ein", "eine", "einem", "einen", "einer", "Am", "Im", "Der",
        "Die", "Das", "Vom", "Zum", "Zur", "Ab", "Bis", "Seit", "Vor", "Nach",
        "vom", "bzw", "und", "oder", "zwischen", "für", "auf", "über", NULL
    };
    return in_words(words, w, n);
}

/* French elision before a capitalised word: "L’Union", "D’abord", "Qu’il". */
static int elision(const char *w, size_t n)
{
    static const char *const words[] = { "L", "D", "C", "J", "S", "N", "M", "T", "Qu", NULL };
    return in_words(words, w, n);
}

/* Skip white space and inline page markers from I (never past END). */
static size_t skip_gap(const char *t, size_t end, size_t i)
{
    for (;;) {
        i = seg_skip_space(t, end, i, 1);
        size_t m = i < end ? seg_page_marker(t, end, i) : 0;
        if (!m)
            return i;
        i += m;
    }
}

/* Look at what comes at I (after white space). */
static next_info look_next(const zone *z, size_t i)
{
    next_info x = { N_END, 0, 0, 0, 0 };
    const char *t = z->t;
    size_t end = z->end, w;
    i = skip_gap(t, end, i);
    if (i >= end)
        return x;
    uint32_t c = spt_decode(t, end, i, &w);
    int opened = 0;
    for (int k = 0; k < 3 && seg_is_opener(c) && i + w < end; k++) {
        opened = 1;
        i += w;
        c = spt_decode(t, end, i, &w);
    }
    if (spt_is_lower(c)) {
        x.kind = N_LOWER;
        return x;
    }
    if (spt_is_digit(c)) {
        x.kind = opened ? N_OPEN : N_DIGIT;
        return x;
    }
    if (!spt_is_letter(c)) {
        x.kind = (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' ||
                  c == '.' || c == '?' || c == '!')
                     ? N_CONT
                     : N_OTHER;
        return x;
    }
    x.kind = opened ? N_OPEN : N_UPPER;
    x.word = i;
    while (i < end && i - x.word < WORDMAX) {
        c = spt_decode(t, end, i, &w);
        if (!spt_is_letter(c) && !spt_is_mark(c))
            break;
        i += w;
    }
    x.wlen = i - x.word;
    if (i < end) {
        c = spt_decode(t, end, i, &w);
        x.word_dot = c == '.';
        x.word_elided = spt_is_apostrophe(c);
    }
    return x;
}

/* Length of the emoticon (":)", ":-(", ";)", ":D", ":P", "=)") at T[I], or
 * 0.  It stands alone: white space or the zone's edge on both sides. */
static size_t emoticon(const zone *z, size_t i)
{
    const char *t = z->t;
    size_t j = i;
    if (j >= z->end || !(t[j] == ':' || t[j] == ';' || t[j] == '='))
        return 0;
    if (i > z->start && !spt_is_space((unsigned char)t[i - 1]))
        return 0;
    j++;
    if (j < z->end && (t[j] == '-' || t[j] == '\''))
        j++; /* the nose */
    size_t mouth = j;
    while (j < z->end && j - mouth < 4 && t[j] && strchr(")(DPp]", t[j]))
        j++;
    if (j == mouth || (j < z->end && !spt_is_space((unsigned char)t[j])))
        return 0;
    return j - i;
}

/* Does the semicolon at I end a sentence?  French sets it off with a space
 * on both sides, and a capital after it opens a new sentence ("... au XIXe
 * siècle ; Le poème ..."), as the French treebanks split it; English and
 * German glue it to the word before and go on after it ("...; The"). */
static int french_semicolon_ends(const zone *z, size_t i)
{
    size_t at;
    if (i <= z->start || !spt_is_blank(spt_decode_prev(z->t, i, &at)))
        return 0;
    if (i + 1 >= z->end || !spt_is_blank(spt_decode(z->t, z->end, i + 1, &at)))
        return 0;
    return look_next(z, i + 1).kind == N_UPPER;
}

/* Does the next word open a sentence rather than continue a name? */
static int opener_next(const zone *z, const next_info *x)
{
    if (x->kind == N_OPEN)
        return 1;
    if (x->kind != N_UPPER || x->word_dot)
        return 0;
    if (x->word_elided && elision(z->t + x->word, x->wlen))
        return 1;
    return seg_abbrevs_is_opener(z->ab, z->t + x->word, x->wlen);
}

/* Is T[WS] the first word of its line or of the zone? */
static int line_initial(const zone *z, size_t ws)
{
    size_t i = ws;
    while (i > z->start && (z->t[i - 1] == ' ' || z->t[i - 1] == '\t'))
        i--;
    return i == z->start || z->t[i - 1] == '\n';
}

/* The word before byte I (letters only, up to 20 bytes back, across blanks). */
static size_t word_before(const zone *z, size_t i, size_t *ws)
{
    const char *t = z->t;
    while (i > z->start && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        i--;
    size_t e = i, at;
    while (i > z->start && e - i < 20) {
        uint32_t c = spt_decode_prev(t, i, &at);
        if (at < z->start || !spt_is_letter(c))
            break;
        i = at;
    }
    *ws = i;
    return e - i;
}

/* Digits ending at E (back to S at most MAX): how many. */
static size_t digits_before(const char *t, size_t s, size_t e, size_t max)
{
    size_t n = 0;
    while (e > s && n < max + 1 && spt_is_digit((unsigned char)t[e - 1])) {
        e--;
        n++;
    }
    return n;
}

/* An e-mail header's time stamp around the colon at C: "06/02/2001 10:53 AM",
 * "10/08/99 08:52:14 PM" (a slashed date, a time, AM or PM).  Its start and
 * end go to *DS and *DE. */
static int time_stamp(const zone *z, size_t c, size_t *ds, size_t *de)
{
    const char *t = z->t;
    size_t s = z->start, i = c;
    size_t n = digits_before(t, s, i, 2);
    if (n < 1 || n > 2 || i - n <= s || t[i - n - 1] != ' ')
        return 0;
    i -= n + 1;
    n = digits_before(t, s, i, 4); /* the year */
    if ((n != 2 && n != 4) || i - n <= s || t[i - n - 1] != '/')
        return 0;
    i -= n + 1;
    for (int part = 0; part < 2; part++) { /* day, then month */
        n = digits_before(t, s, i, 2);
        if (n < 1 || n > 2)
            return 0;
        i -= n;
        if (part == 0) {
            if (i <= s || t[i - 1] != '/')
                return 0;
            i--;
        }
    }
    if (i > s && !spt_is_space((unsigned char)t[i - 1]))
        return 0;
    *ds = i;
    /* forward: ":MM", maybe ":SS", then " AM" or " PM" */
    i = c;
    for (int part = 0; part < 2 && i + 3 <= z->end && t[i] == ':'; part++) {
        if (!spt_is_digit((unsigned char)t[i + 1]) || !spt_is_digit((unsigned char)t[i + 2]))
            return 0;
        i += 3;
    }
    if (i == c || i + 3 > z->end || t[i] != ' ' || (t[i + 1] != 'A' && t[i + 1] != 'P') ||
        t[i + 2] != 'M')
        return 0;
    i += 3;
    if (i < z->end && !spt_is_space((unsigned char)t[i]))
        return 0;
    *de = i;
    return 1;
}

/* Is the word before byte I all lower case ("on", "at")? */
static int lower_word_before(const zone *z, size_t i)
{
    size_t ws, n = word_before(z, i, &ws), w;
    if (n == 0 || ws + n != seg_trim_end(z->t, z->start, i))
        return 0;
    for (size_t k = ws; k < ws + n; k += w)
        if (!spt_is_lower(spt_decode(z->t, ws + n, k, &w)))
            return 0;
    return 1;
}

/* Letters from I within the zone: the end of the word. */
static size_t word_end(const zone *z, size_t i)
{
    size_t w;
    while (i < z->end && spt_is_letter(spt_decode(z->t, z->end, i, &w)))
        i += w;
    return i;
}

/* A greeting or a sign-off that opens the sentence at S and ends in a comma
 * before a capitalised word: "Thanks, Sean ...", "Best regards, Debra ...",
 * "Dear All, My name is ...", "Hi, Yes ...".  In running text (a treebank's,
 * or a mail whose lines were joined) it is a sentence of its own.  Returns
 * the end of the comma, or 0. */
static size_t salutation(const zone *z, size_t s)
{
    /* a sign-off of one word, or of two to four from OPENING to CLOSING
     * ("Best regards", "Thank you", "Mit freundlichen Grüßen") */
    static const char *const alone[] = {
        "Thanks", "Thx", "Regards", "Sincerely", "Cheers", "Best", "Love", "Greetings",
        "Cordialement", "Amicalement", "Merci", "Bonjour", "Hallo", "Salut", "Hi", "Hello",
        "Hey", NULL
    };
    static const char *const opening[] = {
        "Best", "Kind", "Kindest", "Warm", "Warmest", "Many", "Thank", "Yours", "Liebe", "Viele",
        "Beste", "Herzliche", "Mit", "With", NULL
    };
    static const char *const closing[] = {
        "regards", "Regards", "wishes", "thanks", "Thanks", "you", "sincerely", "truly",
        "Grüße", "Grüßen", "Gruß", NULL
    };
    /* a greeting's first word, before a name ("Dear All", "Hi Karen") */
    static const char *const greeting[] = { "Dear", "Hi", "Hello", "Hey", "Hallo", "Bonjour", NULL };
    const char *t = z->t;
    /* most sentences have no comma that early: one memchr tells */
    size_t span = z->end - s < 48 ? z->end - s : 48;
    if (!memchr(t + s, ',', span))
        return 0;
    /* up to four words on one line, the last one followed by the comma */
    size_t i = s, first = 0, words = 0, last = s, lastn = 0, w;
    for (;;) {
        size_t e = word_end(z, i);
        if (e == i || words == 4)
            return 0;
        if (words++ == 0) {
            if (!spt_is_upper(spt_decode(t, e, i, &w)))
                return 0;
            first = e - i;
        }
        last = i;
        lastn = e - i;
        if (e < z->end && t[e] == ',') {
            i = e + 1;
            break;
        }
        if (e >= z->end || t[e] != ' ')
            return 0;
        i = e + 1;
    }
    int ok = words == 1 ? in_words(alone, t + s, first)
                        : in_words(opening, t + s, first) && in_words(closing, t + last, lastn);
    if (!ok && words > 1 && in_words(greeting, t + s, first)) {
        ok = 1; /* the name: capitalised words */
        for (size_t k = s + first + 1; k < i - 1; k = word_end(z, k) + 1)
            ok &= spt_is_upper(spt_decode(t, i, k, &w));
    }
    if (!ok || i >= z->end || !spt_is_blank((unsigned char)t[i]))
        return 0;
    int next = look_next(z, i).kind;
    return next == N_UPPER || next == N_OPEN ? i : 0;
}

/* Does the capitalised word at I open a sentence although no punctuation
 * ends the one before?  Only a word that is never capitalised inside a
 * sentence (seg_abbrevs_is_restart) after a word ending in a small letter
 * and a space or a line break: "Absolut zu empfehlen | Seit 1964 ...", a
 * headline in wrapped text "... fordert Dialog\n| Der Osten ...". */
static int restart_at(const zone *z, size_t i)
{
    const char *t = z->t;
    size_t at;
    if (i < z->start + 3 || (t[i - 1] != ' ' && t[i - 1] != '\n') ||
        !spt_is_lower(spt_decode_prev(t, i - 1, &at)))
        return 0;
    /* This runs for most capitalised words: let the first two letters rule
     * out nearly all before the word is read. */
    if (i + 1 >= z->end || !seg_abbrevs_restart_prefix(z->ab, t + i))
        return 0;
    size_t e = i;
    while (e < z->end && e - i <= 12 && (((unsigned char)t[e] | 0x20) - 'a') < 26u)
        e++;
    if (e < z->end && (unsigned char)t[e] >= 0x80)
        e = word_end(z, i);
    if (e - i > 12 || e >= z->end || t[e] != ' ' || !seg_abbrevs_is_restart(z->ab, t + i, e - i))
        return 0;
    /* A title ends soon ("Er las Der Spiegel."): two more words must come
     * before any punctuation. */
    for (int k = 0; k < 2; k++) {
        if (e >= z->end || t[e] != ' ')
            return 0;
        size_t n = e + 1;
        e = word_end(z, n);
        while (e < z->end && spt_is_digit((unsigned char)t[e]))
            e++;
        if (e == n)
            return 0;
    }
    return 1;
}

/* The end of the URL or e-mail address ("http://...", "www....",
 * "name@host.org", "<name@host.org>") that holds the byte I, or 0.  A
 * sentence's own punctuation after it is left out ("see www.x.org.").
 * *SEEN gets the end of the chunk of non-space looked at; the caller asks
 * again only past it, so that a chunk is read once however many periods
 * it holds. */
static size_t url_at(const zone *z, size_t i, size_t *seen)
{
    const char *t = z->t;
    size_t a = i, e;
    /* bytewise: the chunk ends at ASCII white space */
    while (a > z->start && i - a <= LOOKBACK && !spt_is_space((unsigned char)t[a - 1]))
        a--;
    int url = z->end - a >= 4 && memcmp(t + a, "www.", 4) == 0;
    for (e = a; e < z->end && !spt_is_space((unsigned char)t[e]); e++)
        if (t[e] == '@' || (t[e] == ':' && z->end - e >= 3 && t[e + 1] == '/' && t[e + 2] == '/'))
            url = 1;
    *seen = e;
    if (!url || i - a > LOOKBACK)
        return 0;
    while (e > i && t[e - 1] && strchr(".,;:!?)\"'", t[e - 1]))
        e--;
    return e;
}

/* Does the URL or address that ends at U end its sentence?  Before a
 * capital, a symbol or another link ("... is www.x.org Our office ...",
 * "Email: a@b.org Groups: ..."), not before a small word ("a@b.org on May
 * 2"). */
static int url_ends(const zone *z, size_t u)
{
    if (u >= z->end || !spt_is_space((unsigned char)z->t[u]))
        return 0;
    int k = look_next(z, u).kind;
    if (k == N_UPPER || k == N_OPEN || k == N_OTHER)
        return 1;
    /* a list of links, one a sentence */
    size_t n = seg_skip_space(z->t, z->end, u, 1);
    return z->end - n >= 4 && (memcmp(z->t + n, "http", 4) == 0 || memcmp(z->t + n, "www.", 4) == 0);
}

/* Does the sentence [S, I) hold a quotation that the quote mark Q would
 * close?  For "«"/"»" (and "‹"/"›") one more opened than closed; for a
 * straight quote an odd count.  1 or 0; -1 when the sentence is too long to
 * count within the look-back (then the caller does as before). */
static int quote_open(const zone *z, size_t s, size_t i, uint32_t q)
{
    if (i - s > 400)
        return -1;
    const char *t = z->t;
    long depth = 0;
    size_t w;
    for (size_t k = s; k < i; k += w) {
        uint32_t c = spt_decode(t, i, k, &w);
        if (q == 0xBB || q == 0x203A)
            depth += (c == (q == 0xBB ? 0xAB : 0x2039)) - (c == q);
        else if (c == q)
            depth ^= 1;
    }
    return depth > 0;
}

/* ---- the decision at a period ----------------------------------------------------- */

/* The class of the word T[WS, DOT) as an abbreviation.  A word the set does
 * not know may end in one it knows: after a hyphen, a dash or a slash
 * ("Dipl.-Ing.", "Mo.–Fr.") or after an elided article of one or two letters
 * ("d'env.", "qu'env."; not "café's"). */
static int word_class(const zone *z, size_t ws, size_t dot)
{
    const char *t = z->t;
    int cls = seg_abbrevs_class(z->ab, t + ws, dot - ws);
    if (cls != SEG_ABBR_NONE)
        return cls;
    size_t i = dot, at, w;
    while (i > ws) {
        uint32_t c = spt_decode_prev(t, i, &at);
        if (at < ws)
            break;
        if (spt_is_dash(c) || c == '/')
            return i < dot ? seg_abbrevs_class(z->ab, t + i, dot - i) : SEG_ABBR_NONE;
        i = at;
    }
    for (i = ws; i < dot && i - ws <= 2;) {
        uint32_t c = spt_decode(t, dot, i, &w);
        if (spt_is_apostrophe(c))
            return i > ws && i + w < dot ? seg_abbrevs_class(z->ab, t + i + w, dot - i - w)
                                         : SEG_ABBR_NONE;
        if (!spt_is_letter(c))
            break;
        i += w;
    }
    return SEG_ABBR_NONE;
}

/* Where the word before the period at DOT starts: back to white space,
 * opening quotes and brackets left out ("(Mr." is "Mr").  (size_t)-1 when
 * it is longer than LOOKBACK: no abbreviation is that long. */
static size_t dot_word(const zone *z, size_t dot)
{
    const char *t = z->t;
    size_t ws = dot, at, w;
    while (ws > z->start && dot - ws <= LOOKBACK) {
        uint32_t c = spt_decode_prev(t, ws, &at);
        if (at < z->start || spt_is_space(c))
            break;
        ws = at;
    }
    if (dot - ws > LOOKBACK)
        return (size_t)-1;
    while (ws < dot && seg_is_opener(spt_decode(t, dot, ws, &w)))
        ws += w;
    return ws;
}

/* Does the single period at DOT end a sentence before a lower-case word?
 * Web text opens sentences in lower case ("whatever. i will let you know"),
 * so it does after an ordinary word, but not after an abbreviation ("etc.
 * and", "Corp. common stock"), an initial, a number ("p. 5. see"), or a
 * short capitalised word the set does not know, which is likelier an
 * abbreviation ("Emb. officer") than a sentence's last word. */
static int period_ends_lower(const zone *z, size_t dot)
{
    const char *t = z->t;
    size_t ws = dot_word(z, dot);
    if (ws == (size_t)-1)
        return 1;
    if (ws == dot)
        return 0;
    size_t letters = 0, w;
    int upper = 0;
    for (size_t i = ws; i < dot; i += w) {
        uint32_t c = spt_decode(t, dot, i, &w);
        if (spt_is_digit(c))
            return 0;
        upper |= spt_is_upper(c);
        letters += spt_is_letter(c);
    }
    if (upper && letters <= 5)
        return 0;
    /* German streets: "in der Goethestr. mehrere ..." */
    if (dot - ws > 3 && memcmp(t + dot - 3, "str", 3) == 0)
        return 0;
    return word_class(z, ws, dot) == SEG_ABBR_NONE;
}

/* Does the single period at DOT end a sentence, given what follows?  S is
 * where the current sentence starts. */
static int period_ends(const zone *z, size_t s, size_t dot, const next_info *x)
{
    const char *t = z->t;
    size_t ws = dot_word(z, dot);
    if (ws == (size_t)-1)
        return 1;
    size_t wl = dot - ws;
    if (wl == 0)
        return 1;

    /* Numbers: list labels, German ordinals, dates. */
    size_t digits = 0;
    while (digits < wl && t[ws + digits] >= '0' && t[ws + digits] <= '9')
        digits++;
    if (digits == wl) {
        /* A list label: "4. Begin text", also inline after a sentence ("...
         * an. 2. Verbinden Sie ..."): a number alone is never a sentence. */
        if ((line_initial(z, ws) || ws == s) && digits <= 3)
            return 0;
        if (digits <= 2 && x->kind == N_UPPER && !opener_next(z, x)) {
            size_t pws, pl = word_before(z, ws, &pws);
            if (is_month(t + x->word, x->wlen) || ordinal_context(t + pws, pl))
                return 0;
        }
        return 1;
    }

    int cls = word_class(z, ws, dot);
    if (cls != SEG_ABBR_INNER)
        return 1;
    /* A list label at a line start: "A. Background", "IV. Policy". */
    if (line_initial(z, ws) && wl <= 4 && x->kind == N_UPPER) {
        int roman = 1;
        for (size_t k = 0; k < wl; k++)
            if (!strchr("IVXLC", t[ws + k]))
                roman = 0;
        if (roman || wl == 1)
            return 0;
    }
    if (opener_next(z, x))
        return 1;
    /* A one-letter name ending a sentence: "not through K. K said". */
    if (wl == 1 && x->kind == N_UPPER && !x->word_dot && x->wlen == 1)
        return 1;
    return 0;
}

/* Would a line of COLS characters have had room for the next word? Then the
 * line break was meant, not made by wrapping. */
static int meant_break(const zone *z, size_t nl, size_t cols)
{
    const char *t = z->t;
    size_t i = seg_skip_space(t, z->end, nl + 1, 0), w;
    if (i >= z->end)
        return 0;
    uint32_t c = spt_decode(t, z->end, i, &w);
    /* A bullet or a list number opens a new item. */
    if (seg_is_bullet(c) && i + w < z->end && spt_is_blank(spt_decode(t, z->end, i + w, &w)))
        return 1;
    /* The line's last character: an opening bracket or quote says it goes on. */
    size_t e = seg_trim_end(t, z->start, nl), at;
    if (e == z->start)
        return 0;
    uint32_t last = spt_decode_prev(t, e, &at);
    if (last == '(' || last == 0x201C)
        return 0;
    /* Lines that long or that short were not wrapped, so their break was
     * meant even after a comma or a dash: "Thanks,\nMike", "Sarah -". */
    if (z->width == 0 || z->width > 100 || cols < 30)
        return 1;
    /* In wrapped text a comma or a dash says the sentence goes on. */
    if (last == ',' || last == ';' || spt_is_dash(last))
        return 0;
    size_t next = 0;
    while (i < z->end && next < 40) {
        c = spt_decode(t, z->end, i, &w);
        if (spt_is_space(c))
            break;
        i += w;
        next++;
    }
    return cols + 1 + next <= z->width;
}

/* Characters of the line that ends at the line break NL. */
static size_t line_cols(const zone *z, size_t nl)
{
    size_t i = nl, cols = 0;
    while (i > z->start && z->t[i - 1] != '\n') {
        i--;
        if (((unsigned char)z->t[i] & 0xC0) != 0x80)
            cols++;
    }
    return cols;
}

/* What a byte may start, for the pass's fast skip: B_LOUD for a line
 * break, a terminal, an emoticon's eyes and every byte of a non-ASCII
 * character; B_CAPITAL for an ASCII capital (a sentence run on without
 * punctuation?).  Every other byte is B_QUIET. */
enum { B_QUIET, B_LOUD, B_CAPITAL };
#define B_LOUD16 B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, \
    B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD, B_LOUD
static const unsigned char byte_kind[256] = {
    ['\n'] = B_LOUD, ['!'] = B_LOUD, ['.'] = B_LOUD, [':'] = B_LOUD, [';'] = B_LOUD,
    ['='] = B_LOUD, ['?'] = B_LOUD,
    ['A'] = B_CAPITAL, ['B'] = B_CAPITAL, ['C'] = B_CAPITAL, ['D'] = B_CAPITAL,
    ['E'] = B_CAPITAL, ['F'] = B_CAPITAL, ['G'] = B_CAPITAL, ['H'] = B_CAPITAL,
    ['I'] = B_CAPITAL, ['J'] = B_CAPITAL, ['K'] = B_CAPITAL, ['L'] = B_CAPITAL,
    ['M'] = B_CAPITAL, ['N'] = B_CAPITAL, ['O'] = B_CAPITAL, ['P'] = B_CAPITAL,
    ['Q'] = B_CAPITAL, ['R'] = B_CAPITAL, ['S'] = B_CAPITAL, ['T'] = B_CAPITAL,
    ['U'] = B_CAPITAL, ['V'] = B_CAPITAL, ['W'] = B_CAPITAL, ['X'] = B_CAPITAL,
    ['Y'] = B_CAPITAL, ['Z'] = B_CAPITAL,
    [0x80] = B_LOUD16, B_LOUD16, B_LOUD16, B_LOUD16, B_LOUD16, B_LOUD16, B_LOUD16, B_LOUD16,
};
#undef B_LOUD16

/* ---- the pass ------------------------------------------------------------------------- */

static int emit(const zone *z, seg_spans *out, size_t s, size_t e)
{
    e = seg_trim_end(z->t, s, e);
    if (s >= e)
        return 0;
    return seg_spans_push(out, s, e, 0);
}

/* The zone's wrapping width: its longest line in characters.  0 when it has
 * one line, or when it does not look wrapped at all: in wrapped text nearly
 * every line but the last is full (the next word would not have fit), while
 * text with a sentence or an item a line has lines of every length. */
static size_t zone_width(const char *t, size_t start, size_t end)
{
    if (!memchr(t + start, '\n', end - start))
        return 0;
    size_t best = 0, cols = 0;
    for (size_t i = start; i < end; i++) {
        if (t[i] == '\n') {
            if (cols > best)
                best = cols;
            cols = 0;
        } else if (((unsigned char)t[i] & 0xC0) != 0x80) {
            cols++;
        }
    }
    if (cols > best)
        best = cols;
    /* Count the full lines: those the next line's first word did not fit. */
    size_t lines = 0, full = 0, prev = 0, word = 0;
    int in_word = 1;
    cols = 0;
    for (size_t i = start; i <= end; i++) {
        unsigned char c = i < end ? (unsigned char)t[i] : '\n';
        if (c == '\n') {
            if (lines && prev + 1 + word > best)
                full++;
            lines++;
            prev = cols;
            cols = word = 0;
            in_word = 1;
            continue;
        }
        if ((c & 0xC0) == 0x80)
            continue;
        cols++;
        if (c == ' ' || c == '\t')
            in_word = word == 0; /* leading indentation does not end the word */
        else if (in_word)
            word++;
    }
    /* The longest line is always "full", so wrapped text needs more than
     * half of its line breaks to be full. */
    if (lines >= 3 && full * 2 <= lines - 1)
        return 0;
    return best;
}

int seg_sentences(const char *t, size_t len, size_t start, size_t end,
                  const seg_abbrevs *ab, seg_spans *out)
{
    if (end > len)
        end = len;
    if (start >= end)
        return 0;
    zone z = { t, start, end, zone_width(t, start, end), ab };
    size_t s = seg_trim_start(t, start, end), i = s, greeted = (size_t)-1, url_seen = 0;
    while (i < end) {
        /* Once per sentence: does it open with a greeting or a sign-off? */
        if (s != greeted) {
            greeted = s;
            size_t g = salutation(&z, s);
            if (g) {
                if (emit(&z, out, s, g) < 0)
                    return -1;
                s = i = seg_trim_start(t, g, end);
                continue;
            }
        }
        /* Most bytes decide nothing: ASCII other than a line break, a
         * terminal, an emoticon's eyes or a capital after a small letter
         * and a space only moves on.  One table lookup a byte tells them;
         * this skip was most of the splitter's time when every byte went
         * through the decoder. */
        for (;;) {
            const unsigned char *p = (const unsigned char *)t + i, *pe = (const unsigned char *)t + end;
            /* four bytes a step: runs of quiet bytes are long */
            while (pe - p >= 4 && !(byte_kind[p[0]] | byte_kind[p[1]] | byte_kind[p[2]] | byte_kind[p[3]]))
                p += 4;
            while (p < pe && byte_kind[*p] == B_QUIET)
                p++;
            i = (size_t)(p - (const unsigned char *)t);
            if (i >= end || byte_kind[(unsigned char)t[i]] == B_LOUD)
                break;
            if (i >= s + 2 && (t[i - 1] == ' ' || t[i - 1] == '\n') && t[i - 2] >= 'a' &&
                t[i - 2] <= 'z')
                break;
            i++;
        }
        if (i >= end)
            break;
        size_t w;
        uint32_t c = spt_decode(t, end, i, &w);
        if (spt_is_upper(c)) {
            /* A capital after a space: a German sentence run on without
             * punctuation ("... Dialog Der Osten ...")? */
            if (i > s && restart_at(&z, i)) {
                if (emit(&z, out, s, i) < 0)
                    return -1;
                s = i;
            }
            i += w;
            continue;
        }
        if (c == '\n') {
            if (i > s && meant_break(&z, i, line_cols(&z, i))) {
                if (emit(&z, out, s, i) < 0)
                    return -1;
                s = i = seg_trim_start(t, i, end);
                continue;
            }
            i += w;
            continue;
        }
        /* a period or a colon inside a URL or an e-mail address */
        size_t u = (c == '.' || c == ':') && i >= url_seen && i + 1 < end &&
                           !spt_is_space((unsigned char)t[i + 1])
                       ? url_at(&z, i, &url_seen)
                       : 0;
        if (u) {
            if (url_ends(&z, u)) {
                if (emit(&z, out, s, u) < 0)
                    return -1;
                s = i = seg_trim_start(t, u, end);
                continue;
            }
            i = u > i ? u : i + w;
            continue;
        }
        if (!spt_is_terminal(c)) {
            if (c == ';' && french_semicolon_ends(&z, i)) {
                if (emit(&z, out, s, i + 1) < 0)
                    return -1;
                s = i = seg_trim_start(t, i + 1, end);
                continue;
            }
            /* An e-mail header's time stamp is a sentence of its own
             * ("Kay Mann | 04/26/2001 07:17 AM | Will you ..."), unless a
             * small word leads into it ("sent on 08/15/2000 06:03 PM"). */
            size_t ds, de;
            if (c == ':' && time_stamp(&z, i, &ds, &de)) {
                if (ds > s && !lower_word_before(&z, ds)) {
                    if (emit(&z, out, s, ds) < 0)
                        return -1;
                    s = ds;
                }
                int k = look_next(&z, de).kind;
                if (k != N_END && k != N_CONT) {
                    if (emit(&z, out, s, de) < 0)
                        return -1;
                    s = seg_trim_start(t, de, end);
                }
                i = de;
                continue;
            }
            /* Web text ends sentences with an emoticon instead of a period:
             * "really friendly :) Will come back" */
            size_t em = c == ':' || c == ';' || c == '=' ? emoticon(&z, i) : 0;
            if (em) {
                next_info x = look_next(&z, i + em);
                if (x.kind == N_UPPER || x.kind == N_OPEN) {
                    if (emit(&z, out, s, i + em) < 0)
                        return -1;
                    s = i = seg_trim_start(t, i + em, end);
                    continue;
                }
                i += em;
                continue;
            }
            i += w;
            continue;
        }
        /* The run of terminals: ".", "?!", "...", "…". */
        size_t j = i, dots = 0, other = 0, wj;
        while (j < end) {
            uint32_t d = spt_decode(t, end, j, &wj);
            if (!spt_is_terminal(d))
                break;
            if (d == '.')
                dots++;
            else if (d == 0x2026)
                dots += 3;
            else
                other++;
            j += wj;
        }
        /* Closing quotes and brackets, then a glued footnote marker. */
        size_t k = j;
        int closed = 0, next_quote = 0;
        while (k < end) {
            uint32_t d = spt_decode(t, end, k, &wj);
            if (!seg_is_closer(d))
                break;
            k += wj;
            closed = 1;
        }
        size_t after = k, digits = 0;
        while (after < end && t[after] >= '0' && t[after] <= '9' && digits < 4) {
            after++;
            digits++;
        }
        /* "48.000 Menschen" is a number with a thousands separator, not
         * "48." and a footnote marker: three digits after a digit. */
        int marker = digits >= 1 && digits <= 3 &&
                     !(digits == 3 && k == j && i > start && spt_is_digit((unsigned char)t[i - 1]));
        if (!marker)
            after = k;
        if (after < end) {
            uint32_t d = spt_decode(t, end, after, &wj);
            if (!spt_is_space(d) && !(after == k && seg_page_marker(t, end, after))) {
                /* "U.S.-Soviet", "i.e.,", "3.5", "file.txt": no boundary here */
                i = k > j ? k : j;
                continue;
            }
            /* A quote set off by spaces after the terminal: « Oui. » closes
             * the sentence when it holds an open quote of that kind, and
             * opens the next one when it does not ("… Appalaches. » Stipe
             * …", a treebank sentence that starts inside a quotation). */
            size_t q = seg_skip_space(t, end, after, 0);
            if (q < end && q > after) {
                uint32_t g = spt_decode(t, end, q, &wj);
                uint32_t n = q + wj < end ? spt_decode(t, end, q + wj, &w) : ' ';
                /* (not the straight apostrophe: "don't" makes its count
                 * meaningless) */
                int quote = g == 0xBB || g == 0x203A || g == '"';
                int open = quote && (spt_is_space(n) || n == ',') ? quote_open(&z, s, i, g) : -1;
                if (open == 1 || (open == -1 && (g == 0xBB || g == 0x203A) && spt_is_space(n))) {
                    after = q + wj;
                    closed = 1;
                } else if (open == 0) {
                    next_quote = 1;
                }
            }
        }
        /* "great! :) See you": the emoticon goes with the sentence it ends. */
        if (after < end && spt_is_blank((unsigned char)t[after])) {
            size_t q = seg_skip_space(t, end, after, 0), em = emoticon(&z, q);
            if (em)
                after = q + em;
        }
        next_info x = look_next(&z, after);
        int ends;
        if (x.kind == N_END)
            ends = 0; /* the zone's end closes it anyway, page markers included */
        else if (next_quote)
            ends = 1;
        else if (x.kind == N_LOWER && other && !closed && !dots)
            ends = 1; /* "safe mode worked!! i uninstalled it": web text starts
                         sentences in lower case; a quoted question does not
                         end one ("“Really?” she asked") */
        else if (x.kind == N_LOWER && dots == 1 && !other && !closed && !marker)
            ends = period_ends_lower(&z, i);
        else if (x.kind == N_LOWER || x.kind == N_CONT)
            ends = 0;
        else if (other)
            ends = 1; /* "?", "!", "?!" */
        else if (dots > 1)
            ends = x.kind == N_UPPER || x.kind == N_OPEN;
        else if (marker || closed)
            ends = 1; /* "Moscow.2 ...", "... permitted.” He" */
        else
            ends = period_ends(&z, s, i, &x);
        if (ends) {
            if (emit(&z, out, s, after) < 0)
                return -1;
            s = i = seg_trim_start(t, after, end);
            continue;
        }
        i = after > j ? after : j;
    }
    return emit(&z, out, s, end);
}
