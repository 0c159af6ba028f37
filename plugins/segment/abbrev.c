/*
 * abbrev.c — the set of abbreviations and sentence-opening words.
 *
 * A period after an abbreviation rarely ends a sentence, yet the usual error
 * of splitters is the opposite one: "the U.S. The ..." does end a sentence.
 * So besides the abbreviations the set knows the words that open sentences
 * and are rarely names ("The", "He", "Die", "Il"); the sentence rules split
 * after an abbreviation only before one of those.
 *
 * One open-addressing hash table maps a word (case-sensitive; "No." is an
 * abbreviation, "no." ends sentences) to its flags.  Built once in the
 * stage's init(), read-only afterwards, so threads can share it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "segment_rules.h"
#include "seg_chars.h"

enum { F_INNER = 1, F_FINAL = 2, F_OPENER = 4, F_RESTART = 8 };

typedef struct entry {
    size_t off;   /* into the string arena; */
    size_t len;   /* len 0 marks an empty slot */
    unsigned flags;
} entry;

struct seg_abbrevs {
    entry *slots;
    size_t cap, used; /* cap is a power of two */
    char *arena;
    size_t arena_len, arena_cap;
    /* seg_abbrevs_restart_prefix's bits: one per first two bytes of a
     * restart word (hashed), so that nearly every other capitalised word
     * costs a few instructions instead of a scan, a hash and a probe. */
    unsigned char restart_filter[512];
};

/* ---- built-in lists -------------------------------------------------------- */

/* Abbreviations a sentence goes on after (titles, references, Latin, months),
 * English, German and French.  Dotted forms ("U.S.", "z.B.") and single
 * letters ("J.") need no entry: their shape gives them away. */
static const char *const inner_words[] = {
    /* English titles and ranks */
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Rev",
    "Revd", "Hon", "St", "Ste", "Gen", "Col", "Lt", "Maj", "Capt", "Cmdr",
    "Comdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Sens",
    "Rep", "Reps", "Pres", "Amb", "Ambs", "Sec", "Secy", "Dep", "Asst", "Ass't",
    "Atty", "Supt", "Insp", "Det", "Msgr", "Fr", "Mt", "Ft", "Pt", "Ave",
    "Blvd", "Rd", "Gens", "Cols", "Lieut", "Cmdt", "Dir", "Dept",
    "Div", "Mgr", "Univ", "Inst", "Assn", "Assoc", "Dist", "Gov't", "Govt",
    "Int'l", "Nat'l", "Int’l", "Nat’l", "Gov’t", "Ass’t",
    /* English references and Latin */
    "vs", "v", "cf", "Cf", "al", "approx", "Approx", "dept", "fig",
    "Fig", "figs", "Figs", "No", "Nos", "vol", "Vol", "vols", "Vols", "p", "pp",
    "ch", "Ch", "chap", "Chap", "sect", "Sect", "Art", "ed",
    "eds", "Ed", "Eds", "op", "viz", "resp", "incl", "esp", "ca", "c",
    "tel", "Tel", "ext", "Ext", "para", "paras", "Para",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun", "no", "nos",
    /* English units and quantities, as web text writes them ("4 hrs. 38 min.") */
    "hr", "hrs", "min", "mins", "sec", "secs", "yr", "yrs", "mo", "mos", "wk",
    "wks", "approx", "est", "tbsp", "tsp", "oz", "lb", "lbs", "ft", "sq",
    "qty", "pkg", "pcs",
    /* German */
    "bzw", "Nr", "Nrn", "Abs", "Bd", "Bde", "Hr", "Hrn", "Frl", "Dipl",
    "Ing", "evtl", "ggf", "inkl", "bspw", "sog", "vgl", "Vgl", "Str", "Jh",
    "Jhd", "Jahrh", "geb", "gest", "gegr", "verh", "Mio", "Mrd", "Tsd", "Hg",
    "Hrsg", "hrsg", "Aufl", "Kap", "Anm", "Abb", "Tab", "Ziff", "lt", "zzgl",
    "zzt", "allg", "bes", "bzgl", "eigtl", "einschl", "entspr", "erg", "gem",
    "ggü", "insb", "insbes", "jew", "max", "mind", "Std", "od", "ff", "f",
    "Mär", "Okt", "Dez", "Fa", "Co", "St", "Pfd", "Ztr", "urspr", "ehem",
    "sen", "jun", "Verf", "Übers", "Bearb", "Beil", "Jg", "Jgg", "Lfg",
    "Mo", "Di", "Mi", "Do", "Sa", "So", "Min", "Sek", "Tsd", "Dipl", "Kfm",
    "Wiss", "Bhf", "Pl", "Ggf", "Evtl", "Inkl", "Bzw",
    /* French */
    "MM", "Mme", "Mlle", "Mlles", "Mgr", "Me", "Pr", "av", "apr", "J.-C",
    "env", "éd", "boul", "bd", "t", "coll", "c.-à-d", "ann", "sqq",
    "dép", "Gal", "Cdt", "Lt-Col", "Vve", "réf", "suiv", "ex", "hab", "Mmes",
    "Mgr", "Pdt", "vol", "chap", "fig", "nº", "tél", "Tél",
    NULL
};

/* Abbreviations that often close a sentence: a capital after them opens one. */
static const char *const final_words[] = {
    "etc", "usw", "usf", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "a.m", "p.m",
    "A.M", "P.M", "ibid", "Ibid", "Cie", "u.s.w", "u.dgl", "Bros", "plc",
    "Plc", "LLC", "Esq",
    "lun", "mar", "jeu", "ven", "sam", "dim", /* French weekdays ("du mar. au dim.") */
    NULL
};

/* Words that typically open a sentence and are rarely names. */
static const char *const opener_words[] = {
    /* English */
    "The", "A", "An", "This", "That", "These", "Those", "There", "Their",
    "They", "Then", "Thus", "He", "She", "It", "Its", "We", "I", "You", "Our",
    "My", "His", "Her", "Your", "In", "On", "At", "As", "For", "From", "By",
    "With", "Without", "Into", "To", "Of", "Or", "But", "And", "So", "Yet",
    "If", "When", "While", "Where", "Why", "What", "Who", "Whom", "Whose",
    "Which", "How", "After", "Before", "Although", "Though", "Since",
    "Because", "Once", "Unless", "Until", "Meanwhile", "However",
    "Therefore", "Moreover", "Furthermore", "Also", "Still", "Now", "Here",
    "Some", "Many", "Most", "All", "Each", "Every", "Both", "Such", "No",
    "Not", "Nor", "Nothing", "Any", "One", "Two", "Three", "Another",
    "Other", "Others", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has",
    "Have", "Had", "Will", "Would", "Can", "Could", "Should", "Shall", "May",
    "Might", "Must", "Let", "Please", "Yes", "Perhaps", "Instead", "Indeed",
    "Finally", "First", "Second", "Third", "Last", "Later", "Today",
    "Yesterday", "Tomorrow", "During", "Under", "Over", "Among", "Between",
    "Despite", "According", "Again", "Even", "Just", "Only", "Well", "Oh",
    "Nevertheless", "Otherwise", "Besides", "Accordingly", "Consequently",
    "Hence", "Similarly", "Likewise", "Rather", "Thereafter", "Overall",
    "Often", "Sometimes", "Usually", "Soon", "Subsequently",
    /* German */
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem",
    "Einer", "Eines", "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Man", "Dies",
    "Diese", "Dieser", "Dieses", "Aber", "Und", "Oder", "Doch", "Auch", "Im",
    "Am", "Ins", "Auf", "Aus", "Bei", "Mit", "Nach", "Von", "Vom", "Zu",
    "Zum", "Zur", "Für", "Gegen", "Um", "Über", "Unter", "Vor", "Wenn",
    "Als", "Ob", "Da", "Dann", "Wie", "Was", "Wer", "Wo", "Warum", "Nun",
    "Noch", "Seit", "Trotz", "Weil", "Damit", "Denn", "Jedoch", "Zudem",
    "Außerdem", "Dabei", "Daher", "Deshalb", "Darum", "Dazu", "Hier", "Heute",
    "Nicht", "Kein", "Keine", "Alle", "Viele", "Sein", "Seine", "Ihre",
    "Unsere", "Mein", "Meine", "Ja", "Nein", "Bitte", "Danach", "Zunächst",
    "Schließlich", "Allerdings", "Inzwischen", "Dort", "Jetzt", "Damals",
    /* French */
    "Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "Il", "Elle", "Ils",
    "Elles", "On", "Nous", "Vous", "Je", "Tu", "Ce", "Cet", "Cette", "Ces",
    "Ça", "Mais", "Et", "Ou", "Or", "Donc", "Car", "Ni", "En", "Dans", "Pour",
    "Par", "Sur", "Sous", "Avec", "Sans", "Au", "Aux", "Si", "Quand",
    "Lorsque", "Alors", "Puis", "Ensuite", "Cependant", "Toutefois", "Selon",
    "Depuis", "Pendant", "Après", "Avant", "Comme", "Qui", "Que", "Quoi",
    "Où", "Pourquoi", "Comment", "Son", "Sa", "Ses", "Leur", "Leurs",
    "Notre", "Nos", "Votre", "Vos", "Mon", "Ma", "Mes", "Tout", "Tous",
    "Toute", "Toutes", "Chaque", "Plusieurs", "Certains", "Ainsi", "Enfin",
    "Déjà", "Oui", "Non", "Voici", "Voilà", "Parmi", "Malgré", "Entre", "Chez",
    /* Spanish, Italian, Portuguese (the commonest) */
    "El", "Los", "Las", "Una", "Pero", "Y", "Este", "Esta", "Lo", "Gli",
    "Ma", "E", "Os", "As", "Em", "Na", "Questo", "Questa",
    NULL
};

/* Words that open a sentence and are never capitalised inside one: German
 * articles, pronouns, particles and adverbs ("Der", "Wir", "Leider").  After
 * a word with no punctuation ("Absolut zu empfehlen Seit 1964 ...", a
 * headline run into its article) one of them opens a new sentence.  Left
 * out: the polite "Sie", "Ihr", "Ihnen", and the words English and French
 * text capitalise in names and titles ("War", "Man", "Des", "Von", "Hat"). */
static const char *const restart_words[] = {
    "Der", "Die", "Das", "Dem", "Ein", "Eine", "Einen", "Einem", "Er", "Es", "Wir",
    "Ich", "Leider", "Seit", "Über", "Aber", "Auch", "Dann", "Hier", "Heute", "Wenn",
    "Nach", "Bei", "Mit", "Für", "Nur", "Jetzt", "Diese", "Dieser", "Dieses", "Dies",
    "Im", "Zum", "Zur", "Vom", "Wie", "Was", "Ist", "Sind", "Habe", "Wird", "Wurde",
    "Aus", "Um", "Als", "Wo", "Doch", "Denn", "Daher", "Deshalb", "Dabei", "Zudem",
    "Außerdem", "Nicht", "Kein", "Keine", "Alle", "Viele", "Unser", "Unsere", "Meine",
    "Sehr", "Immer", "Wer", "Warum", "Trotz", "Weil", "Obwohl", "Danach", "Damals",
    "Bisher", "Allerdings", "Inzwischen", "Schließlich", "Zunächst", "Dort", "Gestern",
    "Vielen", "Wirklich", "Einfach",
    NULL
};

/* ---- the hash table -------------------------------------------------------- */

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static entry *find_slot(entry *slots, size_t cap, const char *arena,
                        const char *w, size_t n)
{
    size_t i = (size_t)hash(w, n) & (cap - 1);
    for (;;) {
        entry *e = &slots[i];
        if (e->len == 0 || (e->len == n && memcmp(arena + e->off, w, n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

static int grow(seg_abbrevs *a)
{
    size_t cap = a->cap ? a->cap * 2 : 1024;
    entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < a->cap; i++) {
        entry *e = &a->slots[i];
        if (e->len)
            *find_slot(slots, cap, a->arena, a->arena + e->off, e->len) = *e;
    }
    free(a->slots);
    a->slots = slots;
    a->cap = cap;
    return 0;
}

/* Give WORD the FLAGS (added to those it has). */
static int put(seg_abbrevs *a, const char *w, size_t n, unsigned flags)
{
    if (n == 0)
        return 0;
    if ((a->used + 1) * 2 > a->cap && grow(a) < 0)
        return -1;
    entry *e = find_slot(a->slots, a->cap, a->arena, w, n);
    if (e->len) {
        e->flags |= flags;
        return 0;
    }
    if (a->arena_len + n > a->arena_cap) {
        size_t cap = a->arena_cap ? a->arena_cap : 4096;
        while (cap < a->arena_len + n)
            cap *= 2;
        char *arena = realloc(a->arena, cap);
        if (!arena)
            return -1;
        a->arena = arena;
        a->arena_cap = cap;
    }
    memcpy(a->arena + a->arena_len, w, n);
    e->off = a->arena_len;
    e->len = n;
    e->flags = flags;
    a->arena_len += n;
    a->used++;
    return 0;
}

static unsigned get(const seg_abbrevs *a, const char *w, size_t n)
{
    if (n == 0 || !a || !a->cap)
        return 0;
    const entry *e = find_slot(a->slots, a->cap, a->arena, w, n);
    return e->len ? e->flags : 0;
}

/* The restart filter's bit for a word that starts with W[0], W[1]. */
static unsigned restart_bit(const char *w)
{
    return ((unsigned)(unsigned char)w[0] * 131u + (unsigned char)w[1]) & 4095u;
}

static int put_list(seg_abbrevs *a, const char *const *list, unsigned flags)
{
    for (; *list; list++)
        if (put(a, *list, strlen(*list), flags) < 0)
            return -1;
    return 0;
}

seg_abbrevs *seg_abbrevs_new(void)
{
    seg_abbrevs *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (put_list(a, inner_words, F_INNER) < 0 || put_list(a, final_words, F_FINAL) < 0 ||
        put_list(a, opener_words, F_OPENER) < 0 || put_list(a, restart_words, F_RESTART) < 0) {
        seg_abbrevs_free(a);
        return NULL;
    }
    for (const char *const *w = restart_words; *w; w++) {
        unsigned bit = restart_bit(*w);
        a->restart_filter[bit >> 3] |= (unsigned char)(1u << (bit & 7));
    }
    return a;
}

void seg_abbrevs_free(seg_abbrevs *a)
{
    if (!a)
        return;
    free(a->slots);
    free(a->arena);
    free(a);
}

int seg_abbrevs_add(seg_abbrevs *a, const char *w, size_t n)
{
    if (n && w[n - 1] == '.')
        n--;
    return put(a, w, n, F_INNER);
}

int seg_abbrevs_add_list(seg_abbrevs *a, const char *buf, size_t len, int comments)
{
    size_t i = 0;
    while (i < len) {
        size_t w;
        uint32_t c = spt_decode(buf, len, i, &w);
        if (comments && c == '#') {
            while (i < len && buf[i] != '\n')
                i++;
            continue;
        }
        if (spt_is_space(c) || c == ';') {
            i += w;
            continue;
        }
        size_t start = i;
        while (i < len) {
            c = spt_decode(buf, len, i, &w);
            if (spt_is_space(c) || c == ';' || (comments && c == '#'))
                break;
            i += w;
        }
        if (seg_abbrevs_add(a, buf + start, i - start) < 0)
            return -1;
    }
    return 0;
}

/* "U.S", "z.B", "i.e", "J.-C": letters in groups of one to three, separated by
 * periods (a group may open with a hyphen). */
static int dotted(const char *w, size_t n)
{
    size_t i = 0, group = 0, groups = 0;
    while (i < n) {
        size_t k;
        uint32_t c = spt_decode(w, n, i, &k);
        if (c == '.') {
            if (group == 0 || group > 3)
                return 0;
            groups++;
            group = 0;
        } else if (c == '-' && group == 0 && groups > 0) {
            /* "J.-C" */
        } else if (spt_is_letter(c)) {
            group++;
        } else {
            return 0;
        }
        i += k;
    }
    return groups >= 1 && group >= 1 && group <= 3;
}

int seg_abbrevs_class(const seg_abbrevs *a, const char *w, size_t n)
{
    unsigned f = get(a, w, n);
    if (f & F_FINAL)
        return SEG_ABBR_FINAL;
    if (f & F_INNER)
        return SEG_ABBR_INNER;
    size_t k;
    uint32_t c = n ? spt_decode(w, n, 0, &k) : 0;
    if (n && k == n && spt_is_upper(c)) /* an initial: "J." */
        return SEG_ABBR_INNER;
    /* One lower-case letter: half of a spaced abbreviation ("z. B.", "d. h.",
     * "u. a.", "p. ex.") or a siècle ("XIXe s."); it ends a sentence only
     * before an opener, as an initial does. */
    if (n && k == n && spt_is_lower(c))
        return SEG_ABBR_INNER;
    if (dotted(w, n))
        return SEG_ABBR_INNER;
    return SEG_ABBR_NONE;
}

int seg_abbrevs_is_opener(const seg_abbrevs *a, const char *w, size_t n)
{
    return (get(a, w, n) & F_OPENER) != 0;
}

int seg_abbrevs_restart_prefix(const seg_abbrevs *a, const char *w)
{
    unsigned bit = restart_bit(w);
    return (a->restart_filter[bit >> 3] >> (bit & 7)) & 1;
}

int seg_abbrevs_is_restart(const seg_abbrevs *a, const char *w, size_t n)
{
    return (get(a, w, n) & F_RESTART) != 0;
}
