/*
 * test_speakers_rules.c — the speakers stage's rules, called directly.
 *
 * A test document is written as a head, a participants block and a body;
 * the helper lays out the section, paragraph and sentence spans the segment
 * stage would give (paragraphs between blank lines, sentences ending at a
 * terminal followed by a space).  Results are written out as text, one item
 * per " | ", so a failure shows the whole picture:
 *   participants  name/surname/title/side
 *   speech        how:name[*]=text   (* when the speaker is on the roster)
 *   mentions      text[@participant surname][#person id]
 * The FRUS excerpts are from FRUS 1981-1988, vol. V (public domain).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_rules.h"

static spk_lexicon *lx;
static spk_people people;
static int with_people;

static void setup(void)
{
    lx = spk_lexicon_new();
    ck_assert_ptr_nonnull(lx);
    spk_people_init(&people);
    with_people = 0;
}

static void teardown(void)
{
    spk_lexicon_free(lx);
    spk_people_free(&people);
}

static void load_people(const char *tsv)
{
    size_t n = strlen(tsv);
    char *buf = malloc(n + 1);
    memcpy(buf, tsv, n + 1);
    ck_assert_int_eq(spk_people_load(&people, buf, n), 0);
    with_people = 1;
}

typedef struct tdoc {
    char *text;
    size_t len;
    spk_spans sections, paragraphs, sentences;
    spk_result r;
} tdoc;

/* Sentences of the paragraph [A, B): end after . ? ! (and a closing quote)
 * before a space. */
static void split_sentences(tdoc *d, size_t a, size_t b)
{
    size_t s = a;
    for (size_t i = a; i < b; i++) {
        char ch = d->text[i];
        if (ch != '.' && ch != '?' && ch != '!')
            continue;
        size_t e = i + 1;
        if (e + 2 < b && (unsigned char)d->text[e] == 0xE2 && (unsigned char)d->text[e + 1] == 0x80 &&
            (unsigned char)d->text[e + 2] == 0x9D)
            e += 3;
        if (e < b && d->text[e] != ' ' && d->text[e] != '\n')
            continue;
        ck_assert_int_eq(spk_spans_push(&d->sentences, s, e, 0), 0);
        while (e < b && (d->text[e] == ' ' || d->text[e] == '\n'))
            e++;
        s = e;
        i = e - 1;
    }
    if (s < b)
        ck_assert_int_eq(spk_spans_push(&d->sentences, s, b, 0), 0);
}

/* Lay out HEAD, PARTS (may be NULL), BODY and SIGNATURE (may be NULL) as
 * the segment stage would, and run the rules. */
static tdoc *run_signed(const char *head, const char *parts, const char *body, const char *signature)
{
    tdoc *d = calloc(1, sizeof *d);
    size_t cap = strlen(head) + (parts ? strlen(parts) : 0) + strlen(body) +
                 (signature ? strlen(signature) : 0) + 10;
    d->text = malloc(cap);
    size_t hl = strlen(head);
    strcpy(d->text, head);
    ck_assert_int_eq(spk_spans_push(&d->sections, 0, hl, SPK_SEC_HEAD), 0);
    size_t pos = hl;
    if (parts) {
        strcat(d->text, "\n\n");
        pos += 2;
        strcat(d->text, parts);
        ck_assert_int_eq(spk_spans_push(&d->sections, pos, pos + strlen(parts), SPK_SEC_PARTICIPANTS), 0);
        pos += strlen(parts);
    }
    strcat(d->text, "\n\n");
    pos += 2;
    strcat(d->text, body);
    size_t body_end = strlen(d->text);
    ck_assert_int_eq(spk_spans_push(&d->sections, pos, body_end, SPK_SEC_BODY), 0);
    if (signature) {
        strcat(d->text, "\n\n");
        strcat(d->text, signature);
        ck_assert_int_eq(spk_spans_push(&d->sections, body_end + 2, strlen(d->text), SPK_SEC_SIGNATURE), 0);
    }
    d->len = strlen(d->text);
    size_t a = pos;
    while (a < body_end) {
        const char *blank = strstr(d->text + a, "\n\n");
        size_t b = blank && (size_t)(blank - d->text) < body_end ? (size_t)(blank - d->text) : body_end;
        ck_assert_int_eq(spk_spans_push(&d->paragraphs, a, b, 0), 0);
        split_sentences(d, a, b);
        a = b + 2;
    }
    spk_config cfg = { lx, with_people ? &people : NULL };
    spk_input in = { d->text, d->len, &d->sections, &d->paragraphs, &d->sentences };
    spk_result_init(&d->r);
    ck_assert_int_eq(spk_analyse(&cfg, &in, &d->r), 0);
    return d;
}

static tdoc *run(const char *head, const char *parts, const char *body)
{
    return run_signed(head, parts, body, NULL);
}

static void done(tdoc *d)
{
    spk_result_free(&d->r);
    spk_spans_free(&d->sections);
    spk_spans_free(&d->paragraphs);
    spk_spans_free(&d->sentences);
    free(d->text);
    free(d);
}

/* A growing output string. */
typedef struct out {
    char *p;
    size_t n, cap;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->n + n + 1 > o->cap) {
        o->cap = (o->n + n + 1) * 2;
        o->p = realloc(o->p, o->cap);
    }
    if (n) /* an empty spk_str may have no pointer: memcpy wants one */
        memcpy(o->p + o->n, s, n);
    o->n += n;
    o->p[o->n] = 0;
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }
static void putstr(out *o, spk_str s) { put(o, s.p, s.n); }

static char *participants(const tdoc *d)
{
    out o = { calloc(1, 1), 0, 1 };
    for (size_t i = 0; i < d->r.nparts; i++) {
        const spk_participant *p = &d->r.parts[i];
        if (i)
            puts_(&o, " | ");
        putstr(&o, p->name);
        puts_(&o, "/");
        putstr(&o, p->surname);
        puts_(&o, "/");
        putstr(&o, p->title);
        puts_(&o, "/");
        puts_(&o, p->side ? p->side : "");
        /* The entry itself must be what the participant span covers. */
        ck_assert_uint_lt(p->start, p->end);
    }
    return o.p;
}

static char *speech(const tdoc *d)
{
    out o = { calloc(1, 1), 0, 1 };
    for (size_t i = 0; i < d->r.nspeech; i++) {
        const spk_speech *s = &d->r.speech[i];
        if (i) {
            puts_(&o, " | ");
            ck_assert_uint_le(d->r.speech[i - 1].start, s->start);
        }
        ck_assert_uint_le(s->start, s->end);
        ck_assert_uint_le(s->end, d->len);
        puts_(&o, spk_how_name(s->how));
        puts_(&o, ":");
        putstr(&o, s->name);
        if (s->participant != SPK_NONE)
            puts_(&o, "*");
        puts_(&o, "=");
        put(&o, d->text + s->start, s->end - s->start);
    }
    return o.p;
}

static char *mentions(const tdoc *d)
{
    out o = { calloc(1, 1), 0, 1 };
    for (size_t i = 0; i < d->r.nmentions; i++) {
        const spk_mention *m = &d->r.mentions[i];
        if (i) {
            puts_(&o, " | ");
            ck_assert_uint_le(d->r.mentions[i - 1].end, m->start);
        }
        put(&o, d->text + m->start, m->end - m->start);
        if (m->participant != SPK_NONE) {
            puts_(&o, "@");
            putstr(&o, d->r.parts[m->participant].surname);
        }
        if (m->person != SPK_NONE) {
            puts_(&o, "#");
            putstr(&o, people.v[m->person].id);
        }
    }
    return o.p;
}

#define CHECK(call, want)                                  \
    do {                                                   \
        char *got_ = (call);                               \
        ck_assert_str_eq(got_, want);                      \
        free(got_);                                        \
    } while (0)

static const char *const d255_parts =
    "  • U.S. PARTICIPANTS\n\n"
    "    • EUR/DAS Thomas Simons\n"
    "    • Ambassador Paul Nitze\n"
    "    • COL Robert Linhard (NSC)\n"
    "    • SOV Dep Dir Bruce Burton (notetaker)\n"
    "  • SOVIET PARTICIPANTS\n\n"
    "    • Deputy ForMin Bessmertnykh\n"
    "    • DCM Oleg Sokolov";

/* ---- participants ------------------------------------------------------ */

START_TEST(roster_frus_shapes)
{
    tdoc *d = run("255. Memorandum of Conversation", d255_parts, "Simons opened.");
    CHECK(participants(d),
          "Thomas Simons/Simons/EUR/DAS/U.S. | Paul Nitze/Nitze/Ambassador/U.S. | "
          "Robert Linhard/Linhard/COL/U.S. | Bruce Burton/Burton/SOV Dep Dir/U.S. | "
          "Bessmertnykh/Bessmertnykh/Deputy ForMin/Soviet | Oleg Sokolov/Sokolov/DCM/Soviet");
    /* The entry with its brackets is the span. */
    ck_assert_int_eq((int)(d->r.parts[2].end - d->r.parts[2].start), (int)strlen("COL Robert Linhard (NSC)"));
    done(d);
}
END_TEST

START_TEST(roster_titles_alone_and_descriptions)
{
    tdoc *d = run("246. Memorandum of Conversation\n\nPresident Reagan and Ambassador Dubinin",
                  "  • US Participants:\n\n    • The President\n    • Chief of Staff Regan\n"
                  "    • D. Zarechnak, Interpreter\n  • Soviet Side:\n\n"
                  "    • General Secretary Gorbachev",
                  "The President thanked the Ambassador.");
    CHECK(participants(d),
          "The President/Reagan/President/US | Regan/Regan/Chief of Staff/US | "
          "D. Zarechnak/Zarechnak/Interpreter/US | Gorbachev/Gorbachev/General Secretary/Soviet");
    CHECK(speech(d), "named:Reagan*=The President thanked the Ambassador.");
    done(d);
}
END_TEST

START_TEST(roster_inline_semicolons)
{
    tdoc *d = run("1. Memorandum of Conversation",
                  "PARTICIPANTS: Ambassador Anatoliy F. Dobrynin; Dr. Henry A. Kissinger",
                  "Dobrynin said Moscow agreed.");
    CHECK(participants(d), "Anatoliy F. Dobrynin/Dobrynin/Ambassador/ | "
                           "Henry A. Kissinger/Kissinger/Dr/");
    done(d);
}
END_TEST

/* ---- reported speech ------------------------------------------------------ */

START_TEST(speech_named_and_carried)
{
    tdoc *d = run("255. Memorandum of Conversation", d255_parts,
                  "Nitze answered that this interpretation was incorrect. The President is "
                  "saying that testing will continue. Bessmertnykh then commented that it "
                  "comes again to the question. He suggested a meeting of a small group.\n\n"
                  "Simons, referring to the President’s conversation with former Ambassador "
                  "Dobrynin in April, said the suggestion made sense. Bessmertnykh, laughing, "
                  "then said he had something to bring up.");
    CHECK(speech(d),
          "named:Nitze*=Nitze answered that this interpretation was incorrect. | "
          "carried:Nitze*=The President is saying that testing will continue. | "
          "named:Bessmertnykh*=Bessmertnykh then commented that it comes again to the question. | "
          "carried:Bessmertnykh*=He suggested a meeting of a small group. | "
          "named:Simons*=Simons, referring to the President’s conversation with former "
          "Ambassador Dobrynin in April, said the suggestion made sense. | "
          "named:Bessmertnykh*=Bessmertnykh, laughing, then said he had something to bring up.");
    done(d);
}
END_TEST

START_TEST(speech_absent_person_is_reported)
{
    /* Gorbachev is not present: what he "proposed" is the Ambassador's report. */
    tdoc *d = run("246. Memorandum of Conversation",
                  "  • Soviet Participants:\n\n    • Ambassador Dubinin",
                  "Dubinin indicated that the letter was ready. Gorbachev proposed that "
                  "concrete areas be found.");
    CHECK(speech(d), "named:Dubinin*=Dubinin indicated that the letter was ready. | "
                     "carried:Dubinin*=Gorbachev proposed that concrete areas be found.");
    done(d);
}
END_TEST

START_TEST(speech_negative_narration)
{
    tdoc *d = run("1. Memorandum of Conversation", d255_parts,
                  "Nitze’s letter was delivered. Bessmertnykh and company took about 15 "
                  "minutes to read the letter.");
    CHECK(speech(d), "");
    CHECK(mentions(d), "Thomas Simons@Simons | Paul Nitze@Nitze | Robert Linhard@Linhard | "
                       "Bruce Burton@Burton | Bessmertnykh@Bessmertnykh | Oleg Sokolov@Sokolov | "
                       "Nitze@Nitze | Bessmertnykh@Bessmertnykh");
    done(d);
}
END_TEST

START_TEST(speech_joint_speakers)
{
    tdoc *d = run("1. Memorandum of Conversation", d255_parts,
                  "Simons said it was late. Nitze and Simons agreed. It was over.");
    CHECK(speech(d), "named:Simons*=Simons said it was late. | carried:Simons*=It was over.");
    done(d);
}
END_TEST

START_TEST(speech_she_after_he)
{
    tdoc *d = run("256. Memorandum of Conversation",
                  "  • U.S. PARTICIPANTS\n\n    • Ambassador Ridgway\n    • DAS Simons\n"
                  "  • SOVIET PARTICIPANTS\n\n    • Deputy ForMin Bessmertnykh",
                  "Ridgway said she was glad. She recalled the session.\n\n"
                  "Bessmertnykh said the Soviets were open. He said they want results.\n\n"
                  "Saying she wanted to be clear, it was her understanding that the group is small.");
    CHECK(speech(d), "named:Ridgway*=Ridgway said she was glad. | "
                     "carried:Ridgway*=She recalled the session. | "
                     "named:Bessmertnykh*=Bessmertnykh said the Soviets were open. | "
                     "carried:Bessmertnykh*=He said they want results. | "
                     "carried:Ridgway*=Saying she wanted to be clear, it was her understanding "
                     "that the group is small.");
    done(d);
}
END_TEST

/* ---- quotations ------------------------------------------------------------- */

START_TEST(speech_quoted)
{
    tdoc *d = run("255. Memorandum of Conversation", d255_parts,
                  "After doing so, Bessmertnykh said he had an “urge to say something but I "
                  "think I won’t”. He wanted a “working” meeting.\n\n"
                  "Bessmertnykh said, “Good. I will tell Shevardnadze.”");
    CHECK(speech(d),
          "named:Bessmertnykh*=After doing so, Bessmertnykh said he had an “urge to say "
          "something but I think I won’t”. | "
          "quoted:Bessmertnykh*=urge to say something but I think I won’t | "
          "carried:Bessmertnykh*=He wanted a “working” meeting. | "
          "named:Bessmertnykh*=Bessmertnykh said, “Good. | "
          "quoted:Bessmertnykh*=Good. I will tell Shevardnadze. | "
          "carried:Bessmertnykh*=I will tell Shevardnadze.”");
    done(d);
}
END_TEST

/* ---- dialogue ---------------------------------------------------------------- */

START_TEST(dialogue_labels)
{
    tdoc *d = run("10. Memorandum of Conversation",
                  "PARTICIPANTS:\nThe President\nGeneral Secretary Gorbachev",
                  "The President: We must reduce arms.\n\n"
                  "Gorbachev: We agree. But not on SDI.\n\n"
                  "Gorbachev said: the time has come.");
    CHECK(speech(d), "dialogue:President*=We must reduce arms. | "
                     "dialogue:Gorbachev*=We agree. But not on SDI. | "
                     "dialogue:Gorbachev*=Gorbachev said: the time has come.");
    done(d);
}
END_TEST

START_TEST(dialogue_telephone_initials)
{
    tdoc *d = run("20. Transcript of Telephone Conversation Between the President’s Assistant "
                  "(Kissinger) and Soviet Ambassador Dobrynin",
                  NULL,
                  "K: Anatol, I have your note.\n"
                  "D: Yes, it only deals with the last one.\n\n"
                  "K said they were hastily done. D said it only deals with the last one.");
    CHECK(speech(d), "dialogue:Kissinger=Anatol, I have your note. | "
                     "dialogue:Dobrynin=Yes, it only deals with the last one. | "
                     "named:Kissinger=K said they were hastily done. | "
                     "named:Dobrynin=D said it only deals with the last one.");
    done(d);
}
END_TEST

/* A capitalised word ending one paragraph and a colon opening the next are
 * no label: the turn would start after its own paragraph's end (a reversed
 * span).  Nor is a mark alone on a line part of the next line's label. */
START_TEST(dialogue_label_stays_on_its_line)
{
    tdoc *d = run("1. Memo", NULL, "He said that.\nGorbachev\n\n: yes indeed.");
    CHECK(speech(d), "");
    done(d);
    d = run("1. Memo", NULL, "(\n\nGorbachev: yes indeed.");
    CHECK(speech(d), "dialogue:Gorbachev=yes indeed.");
    done(d);
}
END_TEST

/* ---- first person ------------------------------------------------------------ */

START_TEST(first_person_from_title)
{
    tdoc *d = run("244. Memorandum From Secretary of State Shultz to President Reagan", NULL,
                  "I reminded Dubinin that Moscow had been unresponsive. I said we reciprocated.");
    CHECK(speech(d), "named:Shultz=I reminded Dubinin that Moscow had been unresponsive. | "
                     "named:Shultz=I said we reciprocated.");
    done(d);
}
END_TEST

START_TEST(first_person_unnamed_principal)
{
    /* The writer never names himself. */
    tdoc *d = run("30. Memorandum for the Record",
                  "PARTICIPANTS: Ambassador Dobrynin; Dr. Kissinger",
                  "Ambassador Dobrynin came to see me. I told him that we were ready. "
                  "Dobrynin replied that Moscow agreed.");
    CHECK(speech(d), "named:Kissinger*=I told him that we were ready. | "
                     "named:Dobrynin*=Dobrynin replied that Moscow agreed.");
    done(d);
}
END_TEST

/* ---- without a roster ------------------------------------------------------- */

START_TEST(no_roster_named_people)
{
    tdoc *d = run("247. Telegram From the Department of State", NULL,
                  "Gorbachev told the Politburo that talks should go on. He added that time "
                  "was short.\n\nThe weather was fine.");
    CHECK(speech(d), "named:Gorbachev=Gorbachev told the Politburo that talks should go on. | "
                     "carried:Gorbachev=He added that time was short.");
    done(d);
}
END_TEST

/* ---- mentions ------------------------------------------------------------------ */

/* Bare names become persons from weaker cues (cues.c): the object of
 * "told", a meeting "with", a source note's agents, and a list holding a
 * known person.  Places in such positions are common words and stay out. */
START_TEST(mentions_from_cues)
{
    tdoc *d = run("250. Memorandum", NULL,
                  "Shultz said he had told Dobrynin about the meeting with Shevardnadze in "
                  "Moscow. A draft was prepared by Linhard, Matlock, and Kraemer.\n\n"
                  "Drafted by Collins; cleared by Simons.");
    CHECK(mentions(d), "Shultz | Dobrynin | Shevardnadze | Linhard | Matlock | Kraemer | "
                       "Collins | Simons");
    done(d);
}
END_TEST

/* Two people as one subject of a past speech verb speak for neither; in
 * the present tense they are what the current speaker describes. */
START_TEST(speech_joint_present_is_carried)
{
    tdoc *d = run("256. Memorandum of Conversation", "PARTICIPANTS:\nAmbassador Ridgway",
                  "Ridgway said, yes. Hawes told Issraelyan so. Hawes and Issraelyan discuss CW.");
    CHECK(speech(d), "named:Ridgway*=Ridgway said, yes. | carried:Ridgway*=Hawes told Issraelyan so. | "
                     "carried:Ridgway*=Hawes and Issraelyan discuss CW.");
    done(d);
}
END_TEST

START_TEST(mentions_names_titles)
{
    tdoc *d = run("246. Memorandum of Conversation",
                  "  • US Participants:\n\n    • President Reagan\n    • Ambassador Matlock\n"
                  "  • Soviet Participants:\n\n    • Ambassador Dubinin",
                  "The President thanked the Ambassador. Jack Matlock spoke with Foreign "
                  "Minister Shevardnadze about the Karpov-Kampelman level.");
    CHECK(mentions(d), "Reagan@Reagan | Matlock@Matlock | Dubinin@Dubinin | President@Reagan | "
                       "Jack Matlock@Matlock | Shevardnadze | Karpov | Kampelman");
    done(d);
}
END_TEST

START_TEST(mentions_known_people)
{
    load_people("id\tname\tdescription\n"
                "p_NPH_1\tNitze, Paul H.\tAdviser\n"
                "p_RR_1\tRidgway, Rozanne L. (Roz)\tAssistant Secretary\n"
                "p_KG_1\tKorniyenko, Georgiy M.|Kornienko, Georgi\tFirst Deputy Foreign Minister\n");
    tdoc *d = run("1. Memorandum", NULL,
                  "Paul Nitze met Roz Ridgway. Kornienko and Korniyenko are one man. Nitze’s "
                  "letter arrived.");
    CHECK(mentions(d), "Paul Nitze#p_NPH_1 | Roz Ridgway#p_RR_1 | Kornienko#p_KG_1 | "
                       "Korniyenko#p_KG_1 | Nitze#p_NPH_1");
    CHECK(speech(d), "");
    done(d);
}
END_TEST

/* ---- lexicon and hostile input ---------------------------------------------------- */

START_TEST(extra_verbs)
{
    const char *list = "# house verbs\nretort\n  harrumph  \n";
    ck_assert_int_eq(spk_lexicon_add_verbs(lx, list, strlen(list)), 0);
    ck_assert(spk_is_speech_verb(lx, "retorted", 8));
    ck_assert(spk_is_speech_verb(lx, "harrumphs", 9));
    ck_assert(!spk_is_speech_verb(lx, "house", 5));
    tdoc *d = run("1. Memorandum of Conversation", d255_parts, "Nitze harrumphed that it was so.");
    CHECK(speech(d), "named:Nitze*=Nitze harrumphed that it was so.");
    done(d);
}
END_TEST

START_TEST(loose_names)
{
    ck_assert(spk_names_equal("Mikol’chak", strlen("Mikol’chak"), "Mikolchak", 9));
    ck_assert(spk_names_equal("Cuéllar", strlen("Cuéllar"), "CUELLAR", 7));
    ck_assert(!spk_names_equal("Nitze", 5, "Nitz", 4));
}
END_TEST

/* The tokenizer reads ASCII letters and digits from a table: it must say
 * what spk_loose_char() says of each byte, and nothing of the others. */
START_TEST(ascii_word_table_agrees)
{
    for (unsigned b = 0; b < 256; b++) {
        unsigned e = spk_ascii_word[b];
        int alnum = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
        if (!alnum) {
            ck_assert_msg(e == 0, "byte %u", b);
            continue;
        }
        uint32_t last = 0;
        ck_assert_msg((e & 0x7F) == spk_loose_char(spt_fold_ascii((unsigned char)b), &last),
                      "byte %u", b);
        ck_assert_msg(!(e & SPK_AW_UPPER) == !(b >= 'A' && b <= 'Z'), "byte %u", b);
        ck_assert_msg(!(e & SPK_AW_LOWER) == !(b >= 'a' && b <= 'z'), "byte %u", b);
    }
}
END_TEST

/* Words, their ends and flags, through the ASCII path and the general one. */
START_TEST(tokens_and_flags)
{
    const char *t = "Nitze’s O'Brien NATO F16 1ST Ünal ÉTAT ös Jones' don't\nX-Y Reagan1 Nöö2 1986 said";
    spk_toks k;
    spk_toks_init(&k);
    ck_assert_int_eq(spk_tokenize(t, 0, strlen(t), &k), 0);
    static const struct { const char *w; unsigned flags; } want[] = {
        { "Nitze", SPK_TF_LINE | SPK_TF_CAP | SPK_TF_POSS }, { "O'Brien", SPK_TF_CAP },
        { "NATO", SPK_TF_CAP | SPK_TF_ALLCAPS }, { "F16", SPK_TF_CAP }, { "1ST", SPK_TF_ALLCAPS },
        { "Ünal", SPK_TF_CAP }, { "ÉTAT", SPK_TF_CAP | SPK_TF_ALLCAPS }, { "ös", 0 },
        { "Jones", SPK_TF_CAP | SPK_TF_POSS }, { "don't", 0 }, { "X", SPK_TF_LINE | SPK_TF_CAP },
        { "-", 0 }, { "Y", SPK_TF_CAP },
        /* A footnote marker glued to a small letter is a word of its own. */
        { "Reagan", SPK_TF_CAP }, { "1", 0 }, { "Nöö", SPK_TF_CAP }, { "2", 0 }, { "1986", 0 },
        { "said", 0 },
    };
    ck_assert_uint_eq(k.n, sizeof want / sizeof *want);
    /* A word of small letters gets its hash when first classified. */
    ck_assert(k.v[k.n - 1].hash == 0);
    spk_classify(lx, t, &k);
    for (size_t i = 0; i < k.n; i++) {
        size_t n = k.v[i].end - k.v[i].start;
        ck_assert_msg(n == strlen(want[i].w) && memcmp(t + k.v[i].start, want[i].w, n) == 0,
                      "token %zu is '%.*s'", i, (int)n, t + k.v[i].start);
        ck_assert_msg(k.v[i].flags == want[i].flags, "flags of '%s': %u", want[i].w, k.v[i].flags);
        if (k.v[i].kind == SPK_TOK_WORD)
            ck_assert(k.v[i].hash == spk_names_hash(want[i].w, n));
    }
    spk_toks_free(&k);
}
END_TEST

/* Words of small letters are read eight bytes at a time: the bytes just
 * outside 'a' to 'z' (and those bytes with the top bit set) end them, at
 * any place in the eight. */
START_TEST(small_words_eight_at_a_time)
{
    const char *t = "abcdefghijklmnop`qrstuvwxyzabcdefg{hij@abcdefgh[abcdefghijklmnopqrstuvw"
                    "xyzéabc abcdefgh\xfaijk";
    static const char *const want[] = { "abcdefghijklmnop", "`", "qrstuvwxyzabcdefg", "{", "hij",
                                        "@", "abcdefgh", "[",
                                        "abcdefghijklmnopqrstuvwxyzéabc", "abcdefgh", "\xfa",
                                        "ijk" }; /* an invalid byte is a mark */
    spk_toks k;
    spk_toks_init(&k);
    ck_assert_int_eq(spk_tokenize(t, 0, strlen(t), &k), 0);
    ck_assert_uint_eq(k.n, sizeof want / sizeof *want);
    spk_classify(lx, t, &k);
    for (size_t i = 0; i < k.n; i++) {
        size_t n = k.v[i].end - k.v[i].start;
        ck_assert_msg(n == strlen(want[i]) && memcmp(t + k.v[i].start, want[i], n) == 0,
                      "token %zu is '%.*s'", i, (int)n, t + k.v[i].start);
        if (k.v[i].kind == SPK_TOK_WORD)
            ck_assert(k.v[i].hash == spk_names_hash(want[i], n));
    }
    spk_toks_free(&k);
}
END_TEST

START_TEST(hostile_input)
{
    /* Unclosed quotes, labels without text, a long run of capitals: no crash,
     * nothing quadratic, nothing invented. */
    size_t n = 200000;
    char *body = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        body[i] = "“A: Nitze said ”"[i % 16];
    body[n] = 0;
    tdoc *d = run("1.", "PARTICIPANTS:\n:\n;;\n(\n", body);
    ck_assert_uint_le(d->r.nparts, 2);
    done(d);
    free(body);
}
END_TEST

/* A title written before many names, or shared by many participants, is
 * one entry of the document's title tables, not one per use: with one per
 * use every add walked all the others (minutes here, not milliseconds). */
START_TEST(many_titles_stay_linear)
{
    size_t n = 20000;
    out parts = { calloc(1, 1), 0, 1 }, body = { calloc(1, 1), 0, 1 };
    puts_(&parts, "PARTICIPANTS:");
    char line[64];
    for (size_t i = 0; i < n; i++) {
        /* Names that differ in letters (digits glued to them would be
         * footnote markers), alternating two sets of ten so that no
         * letter doubles (doubled letters compare as one). */
        char tail[32];
        size_t t = 0;
        for (size_t v = i; t == 0 || v; v /= 10, t++)
            tail[t] = (char)((t % 2 ? 'k' : 'a') + v % 10);
        tail[t] = 0;
        snprintf(line, sizeof line, "\nAmbassador Paul Nitzeq%s", tail);
        puts_(&parts, line);
        puts_(&body, "Ambassador Nitze said that. ");
    }
    tdoc *d = run("1. Memorandum of Conversation", parts.p, body.p);
    ck_assert_uint_eq(d->r.nparts, n);
    ck_assert_uint_eq(d->r.nspeech, n);
    done(d);
    free(parts.p);
    free(body.p);
}
END_TEST

/* ---- accuracy fixes: each reproduces a case of the FRUS sample ----------- */

/* A footnote marker glued to a name in the title ("Reagan1") is no part of
 * it (docs/stages.md): the mention stops before it and the name is the body's. */
START_TEST(footnote_marker_not_in_name)
{
    tdoc *d = run("252. Memorandum From the President’s Assistant for National Security Affairs "
                  "(Poindexter) to President Reagan1",
                  NULL, "Reagan said the talks would go on.");
    CHECK(mentions(d), "Poindexter | Reagan | Reagan");
    CHECK(speech(d), "named:Reagan=Reagan said the talks would go on.");
    done(d);
}
END_TEST

/* "From X to Y": the writer, who says "I", is X, however X's title is
 * written and wherever a bracketed name stands; a conversation has no single
 * writer. */
START_TEST(first_person_is_the_sender)
{
    tdoc *d = run("248. Mock Memorandum From Soviet Foreign Policy Assistant Chernyayev to Soviet "
                  "General Secretary Gorbachev1",
                  NULL, "You will recall that I promised a discussion. We started with SDI.");
    CHECK(speech(d), "named:Chernyayev=You will recall that I promised a discussion. | "
                     "carried:Chernyayev=We started with SDI.");
    CHECK(mentions(d), "Chernyayev | Gorbachev");
    done(d);
    static const struct { const char *head, *parts, *body, *want; } cases[] = {
        { "245. Memorandum From Jack Matlock of the National Security Council Staff to the "
          "President’s Assistant for National Security Affairs (Poindexter)1",
          NULL, "I met Larry Horowitz today. I told him that we were ready.",
          "named:Matlock=I told him that we were ready." },
        { "249. Memorandum From the Special Advisor to the President and Secretary of State on "
          "Arms Control Matters (Nitze) to Secretary of State Shultz1",
          NULL, "I told him that we were ready.", "named:Nitze=I told him that we were ready." },
        { "254. Letter From President Reagan to Soviet General Secretary Gorbachev1", NULL,
          "I have noted your proposals.", "named:Reagan=I have noted your proposals." },
        { "256. Memorandum of Conversation",
          "PARTICIPANTS:\nAmbassador Ridgway\nDeputy Foreign Minister Bessmertnykh",
          "Bessmertnykh came in. I told him that we were ready.",
          "named:Ridgway*=I told him that we were ready." }, /* written up by a participant */
        /* An office sends the President's message: its drafter is no writer. */
        { "251. Telegram From the Department of State to the Embassy in the Soviet Union", NULL,
          "I welcome your proposals.\n\nDrafted by Sell; cleared by Simons.", "" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        d = run(cases[k].head, cases[k].parts, cases[k].body);
        CHECK(speech(d), cases[k].want);
        done(d);
    }
}
END_TEST

/* A "Label:" opens a dialogue turn only when the label is a person: list
 * headings ("Summitry:", "Human Rights:", "First:", "Comment:") are not,
 * and a speech verb inside the item still names its speaker.  With a list
 * of known people, a bare label must be in it. */
START_TEST(dialogue_label_is_a_person)
{
    tdoc *d = run("245. Memorandum From Jack Matlock to Poindexter", NULL,
                  "Summitry: Shultz and Shevardnadze will meet, Pavlov said.\n\n"
                  "Human Rights: The Soviets are releasing 10 more families.\n\n"
                  "First: Space and strategic offensive weapons.\n\n"
                  "Comment: This is consistent with our view.");
    CHECK(speech(d), "named:Pavlov=Summitry: Shultz and Shevardnadze will meet, Pavlov said.");
    CHECK(mentions(d), "Jack Matlock | Shultz | Shevardnadze | Pavlov");
    done(d);
    load_people("p_KHA_1\tKissinger, Henry A.\tSecretary of State\n");
    d = run("1. Memorandum", NULL, "Nicaragua: The talks go on.\n\nKissinger: We agree.");
    CHECK(speech(d), "dialogue:Kissinger=We agree.");
    CHECK(mentions(d), "Kissinger#p_KHA_1");
    done(d);
}
END_TEST

/* A given name written later chooses among known people of one surname,
 * for the earlier mentions too. */
START_TEST(given_name_chooses_person)
{
    load_people("p_SGP_1\tShultz, George P.\tSecretary of State\n"
                "p_SH_1\tShultz, Helena (Obie)\twife of George Shultz\n");
    tdoc *d = run("250. Memorandum From Ridgway to Secretary of State Shultz1", NULL,
                  "Shultz met him. George Shultz agreed.");
    CHECK(mentions(d), "Shultz#p_SGP_1 | Shultz#p_SGP_1 | George Shultz#p_SGP_1");
    done(d);
}
END_TEST

/* ---- forms of other decades (issue 13): invented sentences -------------------- */

/* A speaker's initial that is also a title's ("D" of Dimitrov, "Dr." Harlan):
 * the surname's initial wins. */
START_TEST(initials_surname_beats_title)
{
    tdoc *d = run("7. Transcript of Telephone Conversation Between Dr. Harlan and Ambassador "
                  "Dimitrov",
                  NULL,
                  "H said the cable had gone out. D said Sofia had not seen it. H agreed to "
                  "send another copy.");
    CHECK(speech(d), "named:Harlan=H said the cable had gone out. | "
                     "named:Dimitrov=D said Sofia had not seen it. | "
                     "named:Harlan=H agreed to send another copy.");
    done(d);
}
END_TEST

/* A memorandum of conversation written up by one of its participants: "I
 * said" is the participant the body never names, and "he" right after the
 * writer's turn is the other party. */
START_TEST(first_person_in_conversation)
{
    tdoc *d = run("12. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • Ambassador Zorin\n  • Mr. Charles E. Bohlen",
                  "Ambassador Zorin called at his request. I told him that the note was under "
                  "study. He replied that Moscow expected an answer soon. I said that no date "
                  "could be given.");
    CHECK(speech(d), "named:Bohlen*=I told him that the note was under study. | "
                     "carried:Zorin*=He replied that Moscow expected an answer soon. | "
                     "named:Bohlen*=I said that no date could be given.");
    done(d);
    /* A transcript's "I" is inside quotations: no writer. */
    d = run("13. Memorandum of Conversation",
            "PARTICIPANTS\n\n  • Ambassador Zorin\n  • Mr. Charles E. Bohlen",
            "Zorin said, “I said so in Geneva.”");
    CHECK(speech(d), "named:Zorin*=Zorin said, “I said so in Geneva.” | quoted:Zorin*=I said so in Geneva.");
    done(d);
}
END_TEST

/* "The President" on the list when the text names several presidents: the
 * one who speaks ("President Kennedy said"), not the first written. */
START_TEST(title_participant_is_the_one_who_speaks)
{
    tdoc *d = run("40. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • The President\n  • Ambassador Quaison",
                  "The Ambassador said that President Nkrumah valued these talks. President "
                  "Kennedy said he shared that view. The President added that aid would go on.");
    CHECK(participants(d), "The President/Kennedy/President/ | Quaison/Quaison/Ambassador/");
    CHECK(speech(d), "named:Quaison*=The Ambassador said that President Nkrumah valued these talks. | "
                     "named:Kennedy*=President Kennedy said he shared that view. | "
                     "named:Kennedy*=The President added that aid would go on.");
    done(d);
}
END_TEST

static const char *const zarubin_parts =
    "PARTICIPANTS\n\n  • The Secretary\n  • Ambassador Georgi N. Zarubin, Soviet Embassy\n"
    "  • Mr. Walworth Barbour, Department of State";

/* Turns opened by a verb that is no verb of saying, or with the verb of
 * saying after others; a bare act ("met ... at the door") says nothing. */
START_TEST(speech_turn_opened_by_an_act)
{
    tdoc *d = run("5. Memorandum of Conversation\n\nSecretary Dulles and Ambassador Zarubin",
                  zarubin_parts,
                  "Ambassador Zarubin met the Secretary at the door. The Secretary took this "
                  "occasion to remind the Ambassador of the note of May 3. Ambassador Zarubin "
                  "wanted to draw the Secretary’s attention to the Austrian question. Zarubin "
                  "then turned to Berlin and said the situation was calm. The Secretary pulled "
                  "a map from his desk, showed it to Zarubin and said the line was clear. The "
                  "Secretary ignored him and turned to Laos.");
    CHECK(speech(d),
          "named:Dulles*=The Secretary took this occasion to remind the Ambassador of the note "
          "of May 3. | "
          "named:Zarubin*=Ambassador Zarubin wanted to draw the Secretary’s attention to the "
          "Austrian question. | "
          "named:Zarubin*=Zarubin then turned to Berlin and said the situation was calm. | "
          "named:Dulles*=The Secretary pulled a map from his desk, showed it to Zarubin and said "
          "the line was clear. | "
          "named:Dulles*=The Secretary ignored him and turned to Laos.");
    done(d);
}
END_TEST

/* Another participant named inside the speaker's reported speech, in the
 * tense of reported speech ("would recall", "had raised"), in a question
 * ("Would the Secretary agree?") or in a clause that opens the sentence
 * ("As the Secretary had said"): the speaker does not change.  A clause
 * that names someone first does not hide the main clause's subject. */
START_TEST(speech_other_named_inside_speech)
{
    tdoc *d = run("5. Memorandum of Conversation\n\nSecretary Dulles and Ambassador Zarubin",
                  zarubin_parts,
                  "Zarubin said Moscow wanted calm. The Secretary would recall that the note had "
                  "been answered. Would the Secretary agree? As the Secretary had said himself, "
                  "nobody wanted a crisis.\n\n"
                  "When the Secretary raised Hungary, Zarubin replied that it was an internal "
                  "matter. The Secretary stated that it was not. Ambassador Zarubin had raised "
                  "this point in May.");
    CHECK(speech(d),
          "named:Zarubin*=Zarubin said Moscow wanted calm. | "
          "carried:Zarubin*=The Secretary would recall that the note had been answered. | "
          "carried:Zarubin*=Would the Secretary agree? | "
          "carried:Zarubin*=As the Secretary had said himself, nobody wanted a crisis. | "
          "named:Zarubin*=When the Secretary raised Hungary, Zarubin replied that it was an "
          "internal matter. | "
          "named:Dulles*=The Secretary stated that it was not. | "
          "carried:Dulles*=Ambassador Zarubin had raised this point in May.");
    done(d);
}
END_TEST

/* Subjects in other places: a possessive ("Zarubin's view was that"), the
 * first person after an opening phrase without a comma ("On Berlin the
 * Secretary stated"). */
START_TEST(speech_possessive_and_opening_phrase)
{
    tdoc *d = run("5. Memorandum of Conversation\n\nSecretary Dulles and Ambassador Zarubin",
                  zarubin_parts,
                  "Zarubin’s view was that the talks should wait. On Berlin the Secretary stated "
                  "that Allied rights were clear.");
    CHECK(speech(d), "named:Zarubin*=Zarubin’s view was that the talks should wait. | "
                     "named:Dulles*=On Berlin the Secretary stated that Allied rights were clear.");
    done(d);
}
END_TEST

/* A list of the 1960s minutes: a role after a dash, agencies as groups
 * (nesting or not), a page marker inside, and a run-in heading and a
 * numbered list after it that are no participants. */
START_TEST(roster_groups_and_list_end)
{
    tdoc *d = run("31. Minutes of Meeting of the Laos Task Force",
                  "PARTICIPANTS\n\n"
                  "  • Walter R. Keane—Chairman\n"
                  "  • State\n"
                  "    • Roger Morrow\n"
                  "    • Defense\n"
                  "    • Paul T. Bassett\n"
                  "\n[Page 88]\n\n"
                  "  • CIA\n"
                  "    • Col. Arne Lindqvist\n"
                  "  • White House Staff\n"
                  "    • Mr. Desmond Halloran, Notetaker\n\n"
                  "LAOS\n\n"
                  "  • The Group agreed to meet again.\n"
                  "1. Keane opened the meeting.",
                  "Keane asked for the latest figures.");
    CHECK(participants(d),
          "Walter R. Keane/Keane/Chairman/ | Roger Morrow/Morrow//State | "
          "Paul T. Bassett/Bassett//Defense | Arne Lindqvist/Lindqvist/Col/CIA | "
          "Desmond Halloran/Halloran/Mr/White House Staff");
    CHECK(speech(d), "named:Keane*=Keane asked for the latest figures.");
    done(d);
}
END_TEST

/* The title after the name ("Georgi N. Zarubin, Soviet Embassy"; "Vasily
 * Orlov, Soviet Ambassador"): "the Ambassador" and "the Soviet Ambassador"
 * are that participant. */
START_TEST(roster_title_after_name)
{
    tdoc *d = run("9. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • The Secretary\n  • H.E. Vasily Orlov, Soviet Ambassador",
                  "The Ambassador said Moscow agreed. The Secretary thanked him. The Soviet "
                  "Ambassador added that the text was ready.");
    CHECK(speech(d), "named:Orlov*=The Ambassador said Moscow agreed. | "
                     "named:Secretary*=The Secretary thanked him. | "
                     "named:Orlov*=The Soviet Ambassador added that the text was ready.");
    done(d);
}
END_TEST

/* Mentions: places, peoples and compounds are no people; a list of three
 * names is people; a possessive before what only people have makes a
 * person; a full name with an initial is one mention. */
START_TEST(mentions_places_lists_possessives)
{
    tdoc *d = run("3. Telegram From the Embassy in Vienna to the Department of State", NULL,
                  "Ambassador Raab met the Israelis in Boston to discuss Viet-Nam and the "
                  "Four-Power talks with Hanoi. He also saw Novak, Hruska and Benes. Ortmann’s "
                  "remarks were noted. Secretary William T. Harrow agreed with Raab.");
    CHECK(mentions(d), "Raab | Novak | Hruska | Benes | Ortmann | William T. Harrow | Raab");
    done(d);
}
END_TEST

/* Old styles, as whole documents.  A 1950s telegram in the first person,
 * from an office but signed: "I" is the signer, "he" after his turn the man
 * he saw; a new paragraph's "he" is whom it opens with. */
START_TEST(old_style_first_person_telegram)
{
    tdoc *d = run_signed(
        "45. Telegram From the Embassy in Poland to the Department of State", NULL,
        "Last night at reception I saw Cyrankiewicz for twenty minutes. Throughout evening "
        "Cyrankiewicz made great effort to impress upon me desire for credits. He said "
        "Warsaw was ready to discuss trade. I replied that trade was not the main problem. "
        "He then asked whether the Secretary would receive a delegation.\n\n"
        "Rapacki joined us toward the end. He remarked that Gomulka had often said the "
        "Americans were good businessmen.",
        "Beam");
    CHECK(speech(d),
          "named:Cyrankiewicz=Throughout evening Cyrankiewicz made great effort to impress upon "
          "me desire for credits. | "
          "carried:Cyrankiewicz=He said Warsaw was ready to discuss trade. | "
          "named:Beam=I replied that trade was not the main problem. | "
          "carried:Cyrankiewicz=He then asked whether the Secretary would receive a delegation. | "
          "carried:Rapacki=He remarked that Gomulka had often said the Americans were good "
          "businessmen.");
    done(d);
}
END_TEST

/* 1960s minutes without a list: "The President" who opens the meeting is
 * someone, and speaks again later; others by title and name. */
START_TEST(old_style_minutes_without_list)
{
    tdoc *d = run("78. Minutes of Meeting of the National Security Council", NULL,
                  "The President opened the meeting by asking Secretary Ward for a report. "
                  "Secretary Ward said that the situation had deteriorated. Secretary Pell "
                  "replied that two battalions were ready. The President asked whether the "
                  "allies had been consulted. Ward said they had.");
    CHECK(speech(d),
          "named:President=The President opened the meeting by asking Secretary Ward for a "
          "report. | "
          "named:Ward=Secretary Ward said that the situation had deteriorated. | "
          "named:Pell=Secretary Pell replied that two battalions were ready. | "
          "named:President=The President asked whether the allies had been consulted. | "
          "named:Ward=Ward said they had.");
    CHECK(mentions(d), "President | Ward | Ward | Pell | President | Ward");
    done(d);
}
END_TEST

/* A 1950s memorandum of conversation: titles after the names, a visitor
 * who "called" before he "said". */
START_TEST(old_style_memorandum_of_conversation)
{
    tdoc *d = run("112. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • Mr. Georgi N. Zarubin, Ambassador of the USSR\n"
                  "  • The Secretary\n  • Mr. Livingston Crane, Assistant Secretary",
                  "The Ambassador called at his request. He said that his Government wished to "
                  "raise the frontier question. The Secretary replied that it was one for the "
                  "Austrian Government.");
    CHECK(speech(d),
          "carried:Zarubin*=He said that his Government wished to raise the frontier question. | "
          "named:Secretary*=The Secretary replied that it was one for the Austrian Government.");
    done(d);
}
END_TEST

/* A participant's name misspelt in the body ("Lindquist" for Lindqvist,
 * "Halloarn" for Halloran) is that participant, when no other is as close. */
START_TEST(speech_misspelt_participant)
{
    tdoc *d = run("31. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • Col. Arne Lindqvist\n  • Mr. Desmond Halloran",
                  "Lindquist said the road was open. Halloarn replied that it was not. Lindquist "
                  "then agreed.");
    CHECK(speech(d), "named:Lindqvist*=Lindquist said the road was open. | "
                     "named:Halloran*=Halloarn replied that it was not. | "
                     "named:Lindqvist*=Lindquist then agreed.");
    done(d);
}
END_TEST

/* Several people in one entry: a man and his wife under one surname (the
 * man's title, the whole entry; then the wife), and names in a series,
 * each its own participant; a name and its description stay one. */
START_TEST(roster_several_people_in_one_entry)
{
    tdoc *d = run("12. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • The Secretary\n  • Ambassador and Mrs. Zarubin\n"
                  "  • Messrs. Beam, Kohler, Davies and Akalovsky\n"
                  "  • Mr. Hale, Mr. Ortiz and Mr. Lund, Interpreters\n"
                  "  • Mr. Brandt, Research and Development",
                  "Zarubin said Moscow agreed. He added that the note was ready. Kohler "
                  "remarked that the Germans disagreed. Ortiz asked why.");
    CHECK(participants(d), "The Secretary//Secretary/ | Zarubin/Zarubin/Ambassador/ | "
                           "Zarubin/Zarubin/Mrs/ | Beam/Beam// | "
                           "Kohler/Kohler// | Davies/Davies// | "
                           "Akalovsky/Akalovsky// | Hale/Hale/Mr/ | "
                           "Ortiz/Ortiz/Mr/ | Lund/Lund/Mr/ | "
                           "Brandt/Brandt/Mr/");
    CHECK(speech(d), "named:Zarubin*=Zarubin said Moscow agreed. | "
                     "carried:Zarubin*=He added that the note was ready. | "
                     "named:Kohler*=Kohler remarked that the Germans disagreed. | "
                     "named:Ortiz*=Ortiz asked why.");
    done(d);
}
END_TEST

/* A participants line of names in a series, the 1950s way. */
START_TEST(roster_series_on_one_line)
{
    tdoc *d = run("7. Memorandum of Conversation",
                  "PARTICIPANTS: The Secretary, Ambassador Menshikov, Mr. Kohler and Mr. Akalovsky",
                  "The Ambassador said Moscow agreed. Kohler doubted it.");
    CHECK(participants(d), "The Secretary//Secretary/ | Menshikov/Menshikov/Ambassador/ | "
                           "Kohler/Kohler/Mr/ | Akalovsky/Akalovsky/Mr/");
    CHECK(speech(d), "named:Menshikov*=The Ambassador said Moscow agreed. | named:Kohler*=Kohler doubted it.");
    done(d);
}
END_TEST

/* The title first and the name after the comma, the 1950s way: "the
 * Ambassador" and "the Soviet Ambassador" are then the man named. */
START_TEST(roster_title_before_name)
{
    tdoc *d = run("88. Memorandum of Conversation",
                  "PARTICIPANTS\n\nThe Secretary\nThe Soviet Ambassador, Mr. Ivan P. Voronin\n"
                  "The Counselor, Mr. Hale",
                  "The Soviet Ambassador called at his own request. He said that he had a message. "
                  "The Secretary thanked him. The Ambassador replied that it was urgent.");
    CHECK(participants(d), "The Secretary//Secretary/ | Ivan P. Voronin/Voronin/Soviet Ambassador/ | "
                           "Hale/Hale/Counselor/");
    CHECK(speech(d), "carried:Voronin*=He said that he had a message. | "
                     "named:Secretary*=The Secretary thanked him. | "
                     "named:Voronin*=The Ambassador replied that it was urgent.");
    done(d);
}
END_TEST

/* No list: a name that speaks after a relative clause ("Semenov, who was
 * present, added") is a person and the speaker; "Secretary of State Rusk"
 * in the title is "the Secretary" of the text. */
START_TEST(no_roster_relative_clause_and_title_of)
{
    tdoc *d = run_signed("46. Telegram From the Embassy in Ruritania to the Department of State", NULL,
                         "Saw Varga this morning at his request. He said his government had studied "
                         "our note. I said we expected a reply soon. Toth, who was also present, "
                         "added that it would be positive.",
                         "Hollis");
    CHECK(speech(d), "carried:Varga=He said his government had studied our note. | "
                     "named:Hollis=I said we expected a reply soon. | "
                     "named:Toth=Toth, who was also present, added that it would be positive.");
    done(d);
    d = run("91. Memorandum of Telephone Conversation Between President Garfield and Secretary "
            "of State Norwood", NULL,
            "The President said he wanted to see the draft. The Secretary said he would come over.");
    CHECK(speech(d), "named:Garfield=The President said he wanted to see the draft. | "
                     "named:Norwood=The Secretary said he would come over.");
    done(d);
}
END_TEST

/* A surname shaped like a noun ("-ing", "-ence") is a name once a title
 * stands before it; a noun after a title before another capitalised word
 * is not. */
START_TEST(mentions_nounish_surname_after_title)
{
    tdoc *d = run("5. Telegram From the Embassy in Ruritania to the Department of State", NULL,
                  "Ambassador Pelling arrived today. Gorrin said the text would go to Pelling on "
                  "Monday. The Director Planning Board met later. Nothing was heard of Pellings.");
    CHECK(mentions(d), "Pelling | Gorrin | Pelling");
    done(d);
}
END_TEST

/* Speech quoted inside speech: the participant who quotes speaks, in the
 * quotation too; the person quoted is a mention, and "he" after it is still
 * the one who quoted. */
START_TEST(speech_quoted_inside_speech)
{
    tdoc *d = run("12. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • The Secretary\n  • Ambassador Zarubin",
                  "The Secretary asked about Germany. Zarubin recalled Stalin saying, "
                  "\u201cThe Germans will always come back.\u201d He added that nobody doubted it. "
                  "Zarubin quoted Lenin as saying that trust was good.");
    CHECK(speech(d), "named:Secretary*=The Secretary asked about Germany. | "
                     "named:Zarubin*=Zarubin recalled Stalin saying, \u201cThe Germans will always "
                     "come back.\u201d | quoted:Zarubin*=The Germans will always come back. | "
                     "carried:Zarubin*=He added that nobody doubted it. | "
                     "named:Zarubin*=Zarubin quoted Lenin as saying that trust was good.");
    CHECK(mentions(d), "Secretary@ | Zarubin@Zarubin | Secretary@ | "
                       "Zarubin@Zarubin | Stalin | Zarubin@Zarubin | Lenin");
    done(d);
}
END_TEST

/* A signature of initials alone names the one person they fit ("WPR":
 * Walter P. Roane, not Ralph Rusk, whose given name starts otherwise), who
 * then writes the "I"; initials that fit nobody are a mention of their own. */
START_TEST(signature_initials)
{
    tdoc *d = run_signed("14. Memorandum of Conversation",
                         "PARTICIPANTS\n\n  • Mr. Walter P. Roane\n  • Mr. Ralph Rusk\n"
                         "  • Ambassador Zarubin",
                         "I told the Ambassador that the talks were over. He replied that Moscow "
                         "did not agree.",
                         "WPR");
    CHECK(speech(d), "named:Roane*=I told the Ambassador that the talks were over. | "
                     "carried:Zarubin*=He replied that Moscow did not agree.");
    CHECK(mentions(d), "Walter P. Roane@Roane | Ralph Rusk@Rusk | Zarubin@Zarubin | "
                       "Ambassador@Zarubin | WPR@Roane");
    done(d);
    d = run_signed("15. Letter From the Ambassador to Ruritania", NULL, "The talks went well.", "JQX");
    CHECK(mentions(d), "JQX");
    done(d);
}
END_TEST

/* Telegraphic style: a title without "the" opens the sentence ("FonMin
 * replied", "Secretary said"): the holder of that title, named with it
 * elsewhere or on the list. */
START_TEST(telegram_bare_titles)
{
    tdoc *d = run_signed("312. Telegram From the Embassy in Ruritania to the Department of State", NULL,
                         "Saw FonMin Varga this afternoon. I said situation was serious. FonMin "
                         "replied Ruritania had no desire for war. He added that talks could go on.",
                         "Hollis");
    CHECK(speech(d), "named:Hollis=I said situation was serious. | "
                     "named:Varga=FonMin replied Ruritania had no desire for war. | "
                     "carried:Varga=He added that talks could go on.");
    done(d);
    d = run("7. Memorandum of Conversation", "PARTICIPANTS: The Secretary; Ambassador Zarubin",
            "Ambassador opened by saying Moscow wanted talks. Secretary replied that Washington "
            "agreed.");
    CHECK(speech(d), "named:Zarubin*=Ambassador opened by saying Moscow wanted talks. | "
                     "named:Secretary*=Secretary replied that Washington agreed.");
    done(d);
}
END_TEST

/* Mentions found from cues of other decades' documents, each a case of
 * invented sentences:
 *   - no cue around a name but its own shape: Russian, Ukrainian and
 *     Georgian surnames ("-ov", "-ev", "-in", "-enko", "-dze") are people
 *     wherever they stand, bare and possessive; places and English words
 *     with such endings are not ("Kiev", "Berlin", "Begin text"), nor a
 *     given name before an initial ("Yakov A. Malik" is one man), nor the
 *     verb opening a question;
 *   - a noun-shaped surname written bare where only a name stands: after a
 *     word in small letters that is no determiner, before none in
 *     capitals; not after "the", not in a heading in capitals and small
 *     letters, not a participle after a footnote number ("Peking.2
 *     Judging");
 *   - the name that opens an archival collection ("Truman Presidential
 *     Materials", "Acheson Papers", "Hagerty Diary"); a collection of an
 *     office ("Public Papers") and a library are not;
 *   - papers go to and for people, talks are with them: "a memorandum to
 *     Platt", "a letter for Norwood", "talked with Haldane";
 *   - a participant misspelt where he does not speak is still he: a
 *     mention of the participant within one edit ("Halloarn’s plan", "tell
 *     Hallorn") when no other is as close; two edits away is someone else. */
START_TEST(mentions_other_decades)
{
    static const struct { const char *head, *parts, *body, *want; } cases[] = {
        { "7. Telegram From the Embassy in the Soviet Union to the Department of State",
          NULL,
          "The regime Malenkov built is gone. Nobody expects Bulganin to last, and "
          "Kovalenko’s laboratory is closed. Is Lomidze sure of it? Ambassador Yakov A. "
          "Malik came from Kiev to Berlin.\n\nBegin text. Stability in Europe.",
          "Malenkov | Bulganin | Kovalenko | Lomidze | Yakov A. Malik" },
        { "9. Memorandum for the Record",
          NULL,
          "The parties would meet under the auspices of Fleming. The question was left "
          "to Fleming to settle. The Planning staff agreed.3 Judging from this, the "
          "Conference on Planning failed.",
          "Fleming | Fleming" },
        { "3. Memorandum of Conversation",
          NULL,
          "The talks went well.\n\nSource: Truman Presidential Materials, Acheson Papers, "
          "Box 4; Hagerty Diary. See Public Papers: 1952, p. 3. Eisenhower Library.",
          "Truman | Acheson | Hagerty" },
        { "4. Memorandum",
          NULL,
          "In a memorandum to Platt, the staff explained the delay. A letter for Norwood "
          "was drafted. He talked with Haldane later. The cable to Vientiane was sent.",
          "Platt | Norwood | Haldane" },
        { "8. Memorandum of Conversation", "PARTICIPANTS\n\n  • Mr. Desmond Halloran\n  • Ambassador Varga",
          "Varga asked whether Halloarn’s plan was final. Halloran said it was. Varga "
          "said he would tell Hallorn later, and Hollarne too.",
          "Desmond Halloran@Halloran | Varga@Varga | Varga@Varga | Halloarn@Halloran | "
          "Halloran@Halloran | Varga@Varga | Hallorn@Halloran" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        tdoc *d = run(cases[k].head, cases[k].parts, cases[k].body);
        CHECK(mentions(d), cases[k].want);
        done(d);
    }
}
END_TEST

/* Minutes that list nobody: a cabinet title alone speaks ("The Attorney
 * General said"), and so does a title as a dialogue label ("The President:
 * I agree." at the start of a line), not the previous speaker. */
START_TEST(minutes_titles_and_labels)
{
    tdoc *d = run("44. Minutes of a Meeting of the Executive Committee", NULL,
                  "Bundy said there was no word. The Attorney General said a message should "
                  "go tonight.\n\nSecretary Ward: We should wait.\n\nThe President: I agree.");
    CHECK(speech(d), "named:Bundy=Bundy said there was no word. | "
                     "named:Attorney General=The Attorney General said a message should go tonight. | "
                     "dialogue:Ward=We should wait. | dialogue:President=I agree.");
    done(d);
}
END_TEST

/* A series whose names carry descriptions of their own, after commas or in
 * brackets: each name with its description is a participant, and speaks
 * for himself.  A name and a description made of words ("Mr. Brandt,
 * Research and Development") stays one. */
START_TEST(roster_series_with_descriptions)
{
    tdoc *d = run("12. Memorandum of Conversation",
                  "PARTICIPANTS\n\n  • Ambassador Zarubin\n  • Messrs. Beam, EUR, and Kohler, SOV\n"
                  "  • Mr. Jacob Hale, Deputy Director, EUR, and Mr. Paul Ortiz, Director, SOV\n"
                  "  • Mr. Lund (INR), Mr. Moss (L)\n  • Mr. Brandt, Research and Development",
                  "Beam said the talks were useful. Kohler added that Bonn agreed. Ortiz asked why. "
                  "The Director said so.");
    CHECK(participants(d), "Zarubin/Zarubin/Ambassador/ | Beam/Beam/EUR/ | Kohler/Kohler/SOV/ | "
                           "Jacob Hale/Hale/Mr/ | Paul Ortiz/Ortiz/Mr/ | Lund/Lund/Mr/ | "
                           "Moss/Moss/Mr/ | Brandt/Brandt/Mr/");
    CHECK(speech(d), "named:Beam*=Beam said the talks were useful. | "
                     "named:Kohler*=Kohler added that Bonn agreed. | named:Ortiz*=Ortiz asked why. | "
                     "named:Ortiz*=The Director said so.");
    done(d);
}
END_TEST

/* A title with "of the" before the name ("Secretary of the Interior
 * Udall", "Minister of the Interior Lomidze"): the words after "of the" are
 * the title's, not given names; the title is "the Secretary" too, and the
 * memorandum's title names its first-person writer. */
START_TEST(title_of_the)
{
    tdoc *d = run("5. Memorandum of Conversation Between Secretary of the Interior Varley and "
                  "Ambassador Zarubin", NULL,
                  "Zarubin came to see me. I told him that the talks were useful. Minister "
                  "of the Interior Lomidze agreed.");
    CHECK(speech(d), "named:Varley=I told him that the talks were useful. | "
                     "named:Lomidze=Minister of the Interior Lomidze agreed.");
    CHECK(mentions(d), "Varley | Zarubin | Zarubin | Lomidze");
    done(d);
    d = run("6. Memorandum for the Record", NULL,
            "Secretary of the Treasury Varley said it was late. The Secretary said so.");
    CHECK(speech(d), "named:Varley=Secretary of the Treasury Varley said it was late. | "
                     "named:Varley=The Secretary said so.");
    done(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("speakers");
    TCase *t = tcase_create("rules");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 30);
    tcase_add_test(t, roster_frus_shapes);
    tcase_add_test(t, roster_titles_alone_and_descriptions);
    tcase_add_test(t, roster_inline_semicolons);
    tcase_add_test(t, speech_named_and_carried);
    tcase_add_test(t, speech_absent_person_is_reported);
    tcase_add_test(t, speech_negative_narration);
    tcase_add_test(t, speech_joint_speakers);
    tcase_add_test(t, speech_she_after_he);
    tcase_add_test(t, speech_quoted);
    tcase_add_test(t, dialogue_labels);
    tcase_add_test(t, dialogue_telephone_initials);
    tcase_add_test(t, dialogue_label_stays_on_its_line);
    tcase_add_test(t, first_person_from_title);
    tcase_add_test(t, first_person_unnamed_principal);
    tcase_add_test(t, no_roster_named_people);
    tcase_add_test(t, mentions_names_titles);
    tcase_add_test(t, mentions_from_cues);
    tcase_add_test(t, speech_joint_present_is_carried);
    tcase_add_test(t, mentions_known_people);
    tcase_add_test(t, extra_verbs);
    tcase_add_test(t, loose_names);
    tcase_add_test(t, ascii_word_table_agrees);
    tcase_add_test(t, tokens_and_flags);
    tcase_add_test(t, small_words_eight_at_a_time);
    tcase_add_test(t, hostile_input);
    tcase_add_test(t, many_titles_stay_linear);
    tcase_add_test(t, footnote_marker_not_in_name);
    tcase_add_test(t, first_person_is_the_sender);
    tcase_add_test(t, dialogue_label_is_a_person);
    tcase_add_test(t, given_name_chooses_person);
    tcase_add_test(t, initials_surname_beats_title);
    tcase_add_test(t, first_person_in_conversation);
    tcase_add_test(t, title_participant_is_the_one_who_speaks);
    tcase_add_test(t, speech_turn_opened_by_an_act);
    tcase_add_test(t, speech_other_named_inside_speech);
    tcase_add_test(t, speech_possessive_and_opening_phrase);
    tcase_add_test(t, roster_groups_and_list_end);
    tcase_add_test(t, roster_title_after_name);
    tcase_add_test(t, mentions_places_lists_possessives);
    tcase_add_test(t, old_style_first_person_telegram);
    tcase_add_test(t, old_style_minutes_without_list);
    tcase_add_test(t, old_style_memorandum_of_conversation);
    tcase_add_test(t, speech_misspelt_participant);
    tcase_add_test(t, roster_several_people_in_one_entry);
    tcase_add_test(t, roster_series_on_one_line);
    tcase_add_test(t, roster_title_before_name);
    tcase_add_test(t, no_roster_relative_clause_and_title_of);
    tcase_add_test(t, mentions_nounish_surname_after_title);
    tcase_add_test(t, speech_quoted_inside_speech);
    tcase_add_test(t, signature_initials);
    tcase_add_test(t, telegram_bare_titles);
    tcase_add_test(t, mentions_other_decades);
    tcase_add_test(t, minutes_titles_and_labels);
    tcase_add_test(t, roster_series_with_descriptions);
    tcase_add_test(t, title_of_the);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
