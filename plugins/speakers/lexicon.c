/*
 * lexicon.c — the words the rules recognise by form: speech verbs, titles,
 * the little words that may stand between a subject and its verb, and
 * capitalised words that are not people.
 *
 * One name table maps each word (loose comparison, so "COL", "Col" and
 * "col" are one title) to the set of SPK_LX_ classes it belongs to, so a
 * word is looked up once whatever is asked about it.  Verbs are listed as
 * base forms and their regular forms are derived, so a user's file can say
 * "retort" and get "retorted".
 *
 * Every word of every document is looked up, and most words of running
 * text are in no list.  A small Bloom filter over the words' loose hashes
 * (4 kB, so it stays in the first-level cache) answers most of those
 * without touching the table; a word that passes is looked up as before.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_rules.h"

/* The filter: bits of the loose hash choose two of its bits per word. */
#define SPK_LX_FILTER_BITS 15
#define SPK_LX_FILTER_WORDS ((1u << SPK_LX_FILTER_BITS) / 64)

struct spk_lexicon {
    spk_names *words; /* word -> SPK_LX_ bits */
    uint64_t filter[SPK_LX_FILTER_WORDS]; /* see spk_lx_maybe() */
    char **owned; /* derived forms and copied files */
    size_t nowned, capowned;
};

/* Base forms of speech verbs; their regular forms are derived. */
static const char *const spk_verb_bases[] = {
    "answer", "ask", "reply", "note", "add", "emphasize", "emphasise", "suggest",
    "comment", "continue", "stress", "observe", "agree", "counter", "respond",
    "remark", "explain", "state", "declare", "inquire", "enquire", "insist",
    "argue", "maintain", "warn", "assure", "reassure", "reiterate", "repeat",
    "acknowledge", "concede", "affirm", "confirm", "underline", "underscore",
    "summarize", "summarise", "express", "raise", "report", "mention", "interject",
    "interrupt", "recall", "propose", "indicate", "point", "thank", "welcome",
    "open", "conclude", "preview", "rejoin", "object", "protest", "complain",
    "claim", "contend", "predict", "promise", "recommend", "urge", "request",
    "invite", "offer", "accept", "reject", "deny", "disagree", "retort", "clarify",
    "elaborate", "describe", "outline", "review", "wonder", "believe", "hope",
    "speculate", "suppose", "assert", "allege", "announce", "advise", "brief",
    "inform", "recount", "relate", "joke", "laugh", "demur", "press", "probe",
    "query", "question", "challenge", "caution", "convey", "discuss", "greet",
    "remind", "recap", "explain", "cite", "complete", "stipulate", "doubt",
    "query", "assent", "consent", "concur", "volunteer", "exclaim", "muse",
    "guess", "surmise", "reckon", "hint", "imply", "intervene", "list",
    "mention", "pledge", "vow", "swear", "wish", "prefer", "regret", "apologize",
    "apologise", "congratulate", "characterize", "characterise", "present",
    "insist", "emphasize", "highlight", "elaborate", "recall", "dismiss",
    "echo", "correct", "shrug", "smile", "nod", "sigh", "explain", "touch",
    "criticize", "criticise", "attack", "defend", "justify", "assess",
    NULL
};

/* Irregular forms and forms regular derivation gets wrong. */
static const char *const spk_verb_forms[] = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling",
    "quip", "quips", "quipped", "quipping", "admit", "admits", "admitted",
    "admitting", "think", "thinks", "thought", "feel", "feels", "felt",
    "understand", "understands", "understood", "read", "reads", "reading",
    "speak", "speaks", "spoke", "begin", "began", "write", "wrote", "writes",
    "refer", "refers", "referred", "rebut", "rebutted", "commit", "committed",
    "recap", "recapped", "sum", "summed", "put", "puts", "go", "went",
    "reply", "replied", "replies", "emphasized", "stressed", "permit",
    "knew", "know", "restate", "restated", "argued", "shot", "interjected",
    NULL
};

/* Words between a subject and its verb: "Nitze then said", "Bessmertnykh
 * seemed to indicate", "Linhard started to answer". */
static const char *const spk_fillers[] = {
    "then", "also", "again", "further", "finally", "personally", "briefly", "next",
    "later", "first", "once", "still", "only", "simply", "merely", "too",
    "subsequently", "thereupon", "afterwards", "in", "turn", "had", "has", "have",
    "would", "will", "could", "can", "might", "may", "should", "did", "does", "do",
    "not", "never", "began", "begins", "started", "starts", "seemed", "seems",
    "went", "goes", "on", "wanted", "wants", "wished", "tried", "proceeded",
    "broke", "to", "by", "up", "out", "himself", "herself", "however", "thus",
    "therefore", "accordingly", "instead", "at", "this", "point", "the", "same",
    "time", "now", "meanwhile", "replying", "responding", "in", "his", "her",
    "own", "view", "always", "often", "again", "obviously", "evidently", "apparently", "noticeably", "somewhat",
    NULL
};

static const char *const spk_titles[] = {
    "Ambassador", "Ambassadors", "Amb", "Secretary", "Secretaries", "Sec", "Secy",
    "Under", "Deputy", "Dep", "Assistant", "Asst", "Minister", "Ministers", "ForMin",
    "FM", "Foreign", "President", "Vice", "Chairman", "Premier", "Prime", "General",
    "Gen", "Lieutenant", "Lt", "Colonel", "Col", "Major", "Maj", "Captain", "Capt",
    "Admiral", "Adm", "VADM", "RADM", "Commander", "Cdr", "Marshal", "Director",
    "Dir", "Counselor", "Counsellor", "Attaché", "Attache", "Chief", "Senator",
    "Sen", "Congressman", "Congresswoman", "Representative", "Rep", "Governor",
    "Gov", "Judge", "Justice", "Mr", "Mrs", "Ms", "Miss", "Dr", "Professor",
    "Prof", "Mme", "Madame", "Sir", "Lord", "Lady", "King", "Queen", "Prince",
    "Pope", "Interpreter", "Notetaker", "Advisor", "Adviser", "Special", "Envoy",
    "Consul", "DCM", "DAS", "PDAS", "Second", "First", "Third", "Officer",
    "Spokesman", "Head", "Member", "Negotiator", "Chargé", "Charge", "Acting",
    "Executive", "Permanent", "Leader", "Comrade", "Mister", "Academician",
    "Political", "Aide", "Chancellor", "Generalsecretary", "Premier",
    "Marshall", "Sergeant", "Sgt", "Brigadier", "Field", "Rear", "Commodore",
    "Deputies", "Emperor", "Sheikh", "Shah", "Crown", "Foreign", "Defense",
    "Defence", "Minister-Counselor", "SecState", "SecDef", "Senior", "Principal",
    "Economic", "Military", "Press", "Science", "Naval", "Air", "Army",
    "Ambassador-at-Large", "Coordinator", "Administrator", "Chairwoman", "Mayor", "Messrs", "Messieurs",
    "FonMin", "DepFonMin", "PriMin", "SecGen", "SYG", /* telegrams */
    "Attorney", "Solicitor", "Comptroller", "Postmaster", /* cabinet and officers */
    NULL
};

static const char *const spk_notnames[] = {
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They",
    "I", "In", "On", "At", "After", "Before", "If", "When", "But", "And", "Or",
    "As", "Of", "For", "With", "A", "An", "To", "By", "From", "His", "Her", "Our",
    "Their", "My", "Your", "You", "There", "Here", "What", "Why", "How", "Who",
    "Where", "Which", "While", "Although", "Since", "Because", "Now", "Then",
    "Thus", "So", "Also", "However", "Yes", "No", "Not", "Perhaps", "Well",
    "Soviet", "Soviets", "American", "Americans", "Russian", "Russians", "Moscow",
    "Washington", "Geneva", "Department", "Embassy", "State", "States", "Government",
    "Union", "United", "Congress", "Kremlin", "Politburo", "Party", "Central",
    "Committee", "Ministry", "Europe", "European", "Western", "Eastern", "Office",
    "Bureau", "Council", "House", "White", "National", "Security", "Affairs",
    "Agency", "Treaty", "Summit", "Talks", "Conference", "Group", "Delegation",
    "Mission", "Federal", "Republic", "People", "Communist", "Navy", "Force",
    "Intelligence", "Senate", "Commission", "January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "God", "Page", "Source", "Note", "NOTE", "Subject", "SUBJECT", "Public",
    "Memcon", "Memcons",
    "Participants", "PARTICIPANTS", "Side", "Memorandum", "Conversation",
    "Telegram", "Letter", "Document", "Documents", "Attachment", "Enclosure",
    "Secret", "Confidential", "Sensitive", "Drafted", "Cleared", "Approved",
    "Visit", "Meeting", "Session", "Lunch", "Dinner", "Both", "Each", "Neither",
    "Either", "Any", "All", "Some", "One", "Two", "Three", "Many", "Most",
    "Such", "Other", "Another", "Every", "Nothing", "Everything", "Nobody",
    "Everybody", "Someone", "Anyone", "Let", "Please", "Thank", "Dear", "Sincerely",
    "Mr", "Mrs", "Ms", "Dr", "Chinese", "China", "Japan", "Japanese", "German",
    "Germany", "France", "French", "British", "Britain", "England", "English",
    "Israel", "Israeli", "Arab", "Cuba", "Cuban", "Vietnam", "Afghanistan",
    "Poland", "Polish", "Stockholm", "Vienna", "Paris", "London", "Bonn", "Berlin",
    "Reykjavik", "Madrid", "Helsinki", "Tokyo", "Beijing", "Peking", "USA", "USSR",
    "Middle", "East", "West", "North", "South", "Atlantic", "Pacific", "Urals",
    "Asia", "Africa", "Latin", "America", "Christmas", "Easter", "Administration",
    "Library", "Files", "File", "Lot", "Box", "Record", "Records", "Group",
    "Chron", "Folder", "Papers", "Station", "Room", "Building", "Hall", "Council",
    "Assembly", "Nations", "Organization", "Bank", "Fund", "Initiative",
    "Strategic", "Defense", "Space", "Nuclear", "Arms", "Control", "Agreement",
    /* A telegram's sentence without its subject: "Saw Varga this morning". */
    "Saw", "Met", "Told", "Called", "Asked", "Informed", "Received", "Visited", "Handed",
    "Delivered", "Discussed", "Spoke",
    NULL
};

/* Places, peoples and their adjectives, and words of compounds ("Four-Power"),
 * that a document of any decade writes where a name could stand ("with
 * Hanoi", "Hanoi's attempt", "the Israelis"): no people. */
static const char *const spk_places[] = {
    "Hanoi", "Saigon", "Viet", "Nam", "Vietnamese", "Laos", "Lao", "Cambodia", "Cambodian",
    "Thailand", "Thai", "Burma", "Malaysia", "Singapore", "Indonesia", "Jakarta", "Djakarta",
    "Manila", "Philippines", "Korea", "Korean", "Koreans", "Seoul", "Pyongyang", "Taiwan",
    "Taipei", "Formosa", "Okinawa", "Mongolia", "Mongolian", "Siberia", "India", "Indian",
    "Indians", "Delhi", "Pakistan", "Pakistani", "Karachi", "Rawalpindi", "Ceylon", "Nepal",
    "Iran", "Iranian", "Tehran", "Teheran", "Iraq", "Iraqi", "Baghdad", "Syria", "Syrian",
    "Damascus", "Lebanon", "Lebanese", "Beirut", "Jordan", "Jordanian", "Amman", "Egypt",
    "Egyptian", "Egyptians", "Cairo", "Suez", "Sinai", "Gaza", "Aqaba", "Israelis",
    "Jerusalem", "Tel", "Aviv", "Arabs", "Arabia", "Saudi", "Riyadh", "Jidda", "Yemen",
    "Kuwait", "Libya", "Libyan", "Tripoli", "Tunisia", "Algeria", "Algerian", "Algiers",
    "Morocco", "Moroccan", "Sudan", "Ethiopia", "Somalia", "Kenya", "Congo", "Nigeria",
    "Ghana", "Angola", "Rhodesia", "Turkey", "Turkish", "Turks", "Ankara", "Istanbul",
    "Greece", "Greek", "Greeks", "Athens", "Cyprus", "Italy", "Italian", "Italians", "Rome",
    "Spain", "Spanish", "Portugal", "Portuguese", "Lisbon", "Austria", "Austrian", "Swiss",
    "Switzerland", "Bern", "Sweden", "Swedish", "Norway", "Norwegian", "Oslo", "Denmark",
    "Danish", "Copenhagen", "Finland", "Finnish", "Netherlands", "Dutch", "Hague", "Belgium",
    "Belgian", "Brussels", "Luxembourg", "Ireland", "Irish", "Dublin", "Scotland", "Wales",
    "Canada", "Canadian", "Ottawa", "Mexico", "Mexican", "Brazil", "Brazilian", "Argentina",
    "Chile", "Chilean", "Peru", "Bolivia", "Venezuela", "Colombia", "Panama", "Havana",
    "Nicaragua", "Guatemala", "Yugoslavia", "Yugoslav", "Belgrade", "Romania", "Rumania",
    "Romanian", "Bucharest", "Hungary", "Hungarian", "Budapest", "Czechoslovakia", "Czech",
    "Czechs", "Prague", "Bulgaria", "Bulgarian", "Albania", "Warsaw", "Danzig", "Russia",
    "Ukraine", "Ukrainian", "Leningrad", "Kiev", "Latvia", "Lithuania", "Estonia", "Baltic",
    "Germans", "GDR", "FRG", "Boston", "Chicago", "Texas", "California", "Florida",
    "Hawaii", "Alaska", "Virginia", "Maryland", "Manhattan", "Pentagon", "Peiping",
    "Europeans", "Asian", "Asians", "African", "Africans", "Orient", "Oriental",
    "Mediterranean", "Caribbean", "Balkans", "Scandinavia", "Indochina", "Vladivostok",
    "Munich", "Frankfurt", "Hamburg", "Potsdam", "Yalta", "Camp", "Four", "Five", "Six",
    "Seven", "Eight", "Nine", "Ten", "Power", "Powers", "Allied", "Allies", "Western",
    "Preamble", "Summary", "Izvestia", "Pravda", "Tass", "TASS", "Staff", "Aide",
    "Official", "Informal", "Mid", "Day", "Presidential", "Materials", "Papers",
    NULL
};

/* Words that open a sentence before its subject: subordinators ("As the
 * Secretary began ..., Zorin said"), auxiliaries of a question ("Would
 * Zorin agree?"), prepositions of an opening phrase ("With respect to
 * Berlin the Secretary said").  The rules check the exact word; the class
 * only spares them the look-up for every other word. */
static const char *const spk_openers[] = {
    "As", "Since", "When", "While", "After", "Although", "Though", "Because", "If", "Before",
    "Once", "Until", "Unless", "Whereas", "Would", "Could", "Should", "Did", "Does", "Do", "Was",
    "Were", "Is", "Are", "Had", "Has", "Have", "Can", "Will", "Might", "May", "With", "On", "In",
    "Regarding", "Concerning", "About", "For", "At", "Throughout", "During", "Toward", "Towards",
    "Later", NULL
};

/* Common given names: "Jack Matlock" is a person even where no title or
 * list says so. */
static const char *const spk_given[] = {
    "Aaron", "Alan", "Albert", "Alexander", "Alexei", "Alfred", "Andrei", "Andrew",
    "Anatoly", "Anatoliy", "Anatolii", "Ann", "Anne", "Anthony", "Arthur", "Art",
    "Barbara", "Ben", "Bernard", "Bill", "Bob", "Boris", "Brent", "Bruce", "Bud",
    "Carl", "Caspar", "Charles", "Chris", "Christopher", "Cyrus", "Dan", "Daniel",
    "David", "Dean", "Dick", "Dmitri", "Dmitriy", "Don", "Donald", "Douglas",
    "Dwight", "Ed", "Eduard", "Edward", "Elizabeth", "Eugene", "Frank", "Fred",
    "Frederick", "Gary", "Gennadi", "Gennadiy", "George", "Georgi", "Georgiy",
    "Gerald", "Gordon", "Harold", "Harry", "Helmut", "Henry", "Herbert", "Howard",
    "Igor", "Ivan", "Jack", "James", "Jane", "Jeane", "Jim", "Jimmy", "Joe", "John",
    "Jonathan", "Joseph", "Karl", "Ken", "Kenneth", "Konstantin", "Larry", "Lawrence",
    "Leonid", "Lyndon", "Marc", "Margaret", "Mark", "Martin", "Max", "Michael",
    "Mike", "Mikhail", "Nancy", "Nick", "Nicholas", "Nikolai", "Nikolay", "Oleg",
    "Pat", "Patrick", "Paul", "Peter", "Philip", "Phil", "Ralph", "Raymond", "Richard",
    "Rick", "Robert", "Roger", "Ron", "Ronald", "Roz", "Rozanne", "Sam", "Samuel",
    "Sergei", "Sergey", "Stephen", "Steve", "Steven", "Susan", "Ted", "Thomas",
    "Tom", "Valentin", "Vadim", "Victor", "Viktor", "Vitaly", "Vitaliy", "Vladimir",
    "Walter", "Warren", "William", "Yegor", "Yevgeniy", "Yuri", "Yuriy", "Zbigniew",
    NULL
};

void spk_lexicon_free(spk_lexicon *lx)
{
    if (!lx)
        return;
    spk_names_free(lx->words);
    for (size_t i = 0; i < lx->nowned; i++)
        free(lx->owned[i]);
    free(lx->owned);
    free(lx);
}

static int spk_lx_own(spk_lexicon *lx, char *s)
{
    if (!s || spt_grow((void **)&lx->owned, &lx->capowned, lx->nowned, sizeof *lx->owned) < 0) {
        free(s);
        return -1;
    }
    lx->owned[lx->nowned++] = s;
    return 0;
}

/* The two filter bits of the word whose loose hash is H: taken from the
 * high part of a multiple of H (FNV's low bits follow the characters' low
 * bits only). */
static inline uint64_t spk_lx_bit(uint64_t m, unsigned shift, size_t *word)
{
    size_t b = (size_t)(m >> shift) & ((1u << SPK_LX_FILTER_BITS) - 1);
    *word = b / 64;
    return 1ull << (b % 64);
}

/* May the word whose loose hash is H be in the lexicon?  Never "no" for a
 * word that is (no false negatives); "yes" for about one word in a
 * hundred that is not. */
static inline int spk_lx_maybe(const spk_lexicon *lx, uint64_t h)
{
    uint64_t m = h * 0x9E3779B97F4A7C15ull;
    size_t w1, w2;
    uint64_t b1 = spk_lx_bit(m, 64 - SPK_LX_FILTER_BITS, &w1);
    uint64_t b2 = spk_lx_bit(m, 64 - 2 * SPK_LX_FILTER_BITS, &w2);
    return (lx->filter[w1] & b1) && (lx->filter[w2] & b2);
}

/* Add W[0, N) (stable for the lexicon's life) to the classes BITS. */
static int spk_lx_put(spk_lexicon *lx, const char *w, size_t n, unsigned bits)
{
    uint64_t m = spk_names_hash(w, n) * 0x9E3779B97F4A7C15ull;
    size_t w1, w2;
    uint64_t b1 = spk_lx_bit(m, 64 - SPK_LX_FILTER_BITS, &w1);
    uint64_t b2 = spk_lx_bit(m, 64 - 2 * SPK_LX_FILTER_BITS, &w2);
    lx->filter[w1] |= b1;
    lx->filter[w2] |= b2;
    return spk_names_or(lx->words, w, n, bits);
}

static int spk_add_list(spk_lexicon *lx, const char *const *list, unsigned bits)
{
    for (size_t i = 0; list[i]; i++)
        if (spk_lx_put(lx, list[i], strlen(list[i]), bits) < 0)
            return -1;
    return 0;
}

/* A new string: W[0, N - CUT) followed by SUFFIX. */
static char *spk_derive(const char *w, size_t n, size_t cut, const char *suffix)
{
    size_t sl = strlen(suffix);
    char *s = malloc(n - cut + sl + 1);
    if (s) {
        memcpy(s, w, n - cut);
        memcpy(s + n - cut, suffix, sl + 1);
    }
    return s;
}

static int spk_is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Add W[0, N) (stable for the lexicon's life) and its regular forms. */
static int spk_add_verb(spk_lexicon *lx, const char *w, size_t n)
{
    if (n == 0)
        return 0;
    if (spk_lx_put(lx, w, n, SPK_LX_VERB) < 0)
        return -1;
    char last = w[n - 1], before = n > 1 ? w[n - 2] : 0;
    char *forms[3];
    if (last == 'e') {
        forms[0] = spk_derive(w, n, 0, "s");
        forms[1] = spk_derive(w, n, 0, "d");
        forms[2] = spk_derive(w, n, 1, "ing");
    } else if (last == 'y' && !spk_is_vowel(before)) {
        forms[0] = spk_derive(w, n, 1, "ies");
        forms[1] = spk_derive(w, n, 1, "ied");
        forms[2] = spk_derive(w, n, 0, "ing");
    } else {
        int es = last == 's' || last == 'x' || last == 'z' || last == 'o' ||
                 (last == 'h' && (before == 's' || before == 'c'));
        forms[0] = spk_derive(w, n, 0, es ? "es" : "s");
        forms[1] = spk_derive(w, n, 0, "ed");
        forms[2] = spk_derive(w, n, 0, "ing");
    }
    int rc = 0;
    for (int i = 0; i < 3; i++) {
        char *f = forms[i];
        if (spk_lx_own(lx, f) < 0 || spk_lx_put(lx, f, strlen(f), SPK_LX_VERB) < 0)
            rc = -1;
    }
    return rc;
}

/* Call ADD for every word of the list BUF[0, LEN) (copied into LX). */
static int spk_add_file(spk_lexicon *lx, const char *buf, size_t len,
                        int (*add)(spk_lexicon *, const char *, size_t))
{
    char *copy = malloc(len + 1);
    if (spk_lx_own(lx, copy) < 0)
        return -1;
    memcpy(copy, buf, len);
    copy[len] = 0;
    size_t i = 0;
    while (i < len) {
        size_t eol = i;
        while (eol < len && copy[eol] != '\n')
            eol++;
        size_t a = i, b = eol;
        for (size_t k = a; k < b; k++)
            if (copy[k] == '#') {
                b = k;
                break;
            }
        while (a < b && (copy[a] == ' ' || copy[a] == '\t' || copy[a] == '\r'))
            a++;
        while (b > a && (copy[b - 1] == ' ' || copy[b - 1] == '\t' || copy[b - 1] == '\r'))
            b--;
        if (b > a && add(lx, copy + a, b - a) < 0)
            return -1;
        i = eol + 1;
    }
    return 0;
}

static int spk_add_title(spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_put(lx, w, n, SPK_LX_TITLE);
}

int spk_lexicon_add_verbs(spk_lexicon *lx, const char *buf, size_t len)
{
    return spk_add_file(lx, buf, len, spk_add_verb);
}

int spk_lexicon_add_titles(spk_lexicon *lx, const char *buf, size_t len)
{
    return spk_add_file(lx, buf, len, spk_add_title);
}

spk_lexicon *spk_lexicon_new(void)
{
    spk_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    if (!(lx->words = spk_names_new()))
        goto fail;
    for (size_t i = 0; spk_verb_bases[i]; i++)
        if (spk_add_verb(lx, spk_verb_bases[i], strlen(spk_verb_bases[i])) < 0)
            goto fail;
    if (spk_add_list(lx, spk_verb_forms, SPK_LX_VERB) < 0 ||
        spk_add_list(lx, spk_titles, SPK_LX_TITLE) < 0 ||
        spk_add_list(lx, spk_fillers, SPK_LX_FILLER) < 0 ||
        spk_add_list(lx, spk_notnames, SPK_LX_NOTNAME) < 0 ||
        spk_add_list(lx, spk_places, SPK_LX_NOTNAME) < 0 ||
        spk_add_list(lx, spk_given, SPK_LX_GIVEN) < 0 ||
        spk_add_list(lx, spk_openers, SPK_LX_OPENS) < 0)
        goto fail;
    return lx;
fail:
    spk_lexicon_free(lx);
    return NULL;
}

/* The classes of the word W[0, N) whose table entry holds BITS (0 when it
 * has none). */
static unsigned spk_lx_classes(const char *w, size_t n, size_t bits)
{
    /* Adverbs in -ly stand between a subject and its verb: "Gorbachev
     * positively noted". */
    if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y')
        bits |= SPK_LX_FILLER;
    return (unsigned)bits;
}

unsigned spk_lexicon_class(const spk_lexicon *lx, const char *w, size_t n, uint64_t h)
{
    size_t it = 0, bits = 0;
    if (spk_lx_maybe(lx, h))
        spk_names_find_h(lx->words, h, w, n, &it, &bits); /* BITS stays 0 when absent */
    return spk_lx_classes(w, n, bits);
}

/* The single questions look in the table itself, past the filter, so that
 * tests/speakers, which checks spk_lexicon_class() against them, checks the
 * filter too. */
static int spk_lx_is(const spk_lexicon *lx, const char *w, size_t n, unsigned bit)
{
    size_t it = 0, bits = 0;
    spk_names_find(lx->words, w, n, &it, &bits);
    return (spk_lx_classes(w, n, bits) & bit) != 0;
}

int spk_is_opener(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_OPENS);
}

int spk_is_speech_verb(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_VERB);
}

int spk_is_title(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_TITLE);
}

int spk_is_verb_filler(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_FILLER);
}

int spk_is_not_name(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_NOTNAME);
}

int spk_is_given_name(const spk_lexicon *lx, const char *w, size_t n)
{
    return spk_lx_is(lx, w, n, SPK_LX_GIVEN);
}
