/*
 * test_segment_rules.c — the segment stage's rules, called directly.
 *
 * Expected boundaries are written out as text: the spans of a layer joined by
 * " | ", so a failure shows the whole segmentation.  The FRUS excerpts are
 * from FRUS 1981-1988, vol. V (public domain).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "segment_rules.h"

static seg_abbrevs *ab;

static void setup(void)
{
    ab = seg_abbrevs_new();
    ck_assert_ptr_nonnull(ab);
}

static void teardown(void)
{
    seg_abbrevs_free(ab);
    ab = NULL;
}

/* The spans' texts joined by " | " (malloc'd).  With KINDS, section names
 * prefix each one: "head:255. ...". */
static char *join(const char *t, const seg_spans *s, int kinds)
{
    size_t cap = 64;
    for (size_t i = 0; i < s->n; i++)
        cap += s->v[i].end - s->v[i].start + 20;
    char *out = malloc(cap), *p = out;
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            p += sprintf(p, " | ");
        if (kinds)
            p += sprintf(p, "%s:", seg_section_name(s->v[i].kind));
        memcpy(p, t + s->v[i].start, s->v[i].end - s->v[i].start);
        p += s->v[i].end - s->v[i].start;
    }
    *p = 0;
    return out;
}

/* Sentences of TEXT taken as one zone. */
static char *sentences(const char *t)
{
    seg_spans s;
    seg_spans_init(&s);
    ck_assert_int_eq(seg_sentences(t, strlen(t), 0, strlen(t), ab, &s), 0);
    char *out = join(t, &s, 0);
    seg_spans_free(&s);
    return out;
}

static char *tokens(const char *t)
{
    seg_spans s;
    seg_spans_init(&s);
    ck_assert_int_eq(seg_tokens(t, strlen(t), 0, strlen(t), ab, &s), 0);
    char *out = join(t, &s, 0);
    seg_spans_free(&s);
    return out;
}

/* Which layout layer to show. */
enum { SECTIONS, PARAGRAPHS, ZONES };

static char *layout(const char *t, int which)
{
    seg_layout l;
    seg_layout_init(&l);
    ck_assert_int_eq(seg_layout_build(t, strlen(t), &l), 0);
    char *out = which == SECTIONS     ? join(t, &l.sections, 1)
                : which == PARAGRAPHS ? join(t, &l.paragraphs, 0)
                                      : join(t, &l.zones, 0);
    seg_layout_free(&l);
    return out;
}

#define CHECK_STR(call, want)                 \
    do {                                      \
        char *got_ = (call);                  \
        ck_assert_str_eq(got_, (want));       \
        free(got_);                           \
    } while (0)

/* ---- sentences: FRUS ---------------------------------------------------------- */

START_TEST(frus_footnote_marker_after_period)
{
    CHECK_STR(sentences("Simons then handed him the signed original of the President’s letter "
                        "and said it was being delivered nearly simultaneously in Moscow.2 "
                        "Bessmertnykh and company took about 15 minutes to read the letter."),
              "Simons then handed him the signed original of the President’s letter and said it "
              "was being delivered nearly simultaneously in Moscow.2 | Bessmertnykh and company "
              "took about 15 minutes to read the letter.");
    /* after a date (not a decimal), after an acronym, after a closing quote */
    CHECK_STR(sentences("Gorbachev had asked him to transmit a letter which he signed on June 19.3 "
                        "The main idea of the letter was clear."),
              "Gorbachev had asked him to transmit a letter which he signed on June 19.3 | "
              "The main idea of the letter was clear.");
    CHECK_STR(sentences("which could have been used between the USSR and U.S.3 In principle it is so."),
              "which could have been used between the USSR and U.S.3 | In principle it is so.");
    CHECK_STR(sentences("the elimination of nuclear arms.”3 That is certain."),
              "the elimination of nuclear arms.”3 | That is certain.");
}
END_TEST

START_TEST(frus_abbreviations)
{
    CHECK_STR(sentences("He commented that this was a crucial time in U.S.-Soviet relations. "
                        "Nitze added that it was our intent, i.e., to organize the work ahead."),
              "He commented that this was a crucial time in U.S.-Soviet relations. | "
              "Nitze added that it was our intent, i.e., to organize the work ahead.");
    CHECK_STR(sentences("Ridgway said the U.S. would present the proposal. Linhard agreed."),
              "Ridgway said the U.S. would present the proposal. | Linhard agreed.");
    CHECK_STR(sentences("Linhard said the U.S. had offered to host it in Washington, D.C. "
                        "The Soviets agreed with the U.S. They left."),
              "Linhard said the U.S. had offered to host it in Washington, D.C. | "
              "The Soviets agreed with the U.S. | They left.");
    CHECK_STR(sentences("Amb. Hartman met Dep. Dir. Burton and Sen. Kennedy. Mr. Dubinin and "
                        "Pres. Reagan spoke with Dr. Teller and J. F. Dulles."),
              "Amb. Hartman met Dep. Dir. Burton and Sen. Kennedy. | Mr. Dubinin and "
              "Pres. Reagan spoke with Dr. Teller and J. F. Dulles.");
    /* acronyms without periods end sentences: NPT., SALT. */
    CHECK_STR(sentences("They discussed the NPT. SALT was next on the agenda."),
              "They discussed the NPT. | SALT was next on the agenda.");
    /* a one-letter name ends a sentence */
    CHECK_STR(sentences("It did not go through K. K said so himself."),
              "It did not go through K. | K said so himself.");
}
END_TEST

START_TEST(frus_dates_times_lists)
{
    CHECK_STR(sentences("The NRRC experts would meet in Geneva on July 29–30—and the Soviets "
                        "needed an answer that evening. The meeting began at 11:30 a.m. "
                        "Nitze spoke first."),
              "The NRRC experts would meet in Geneva on July 29–30—and the Soviets needed an "
              "answer that evening. | The meeting began at 11:30 a.m. | Nitze spoke first.");
    CHECK_STR(sentences("Ridgway then previewed the schedule for Monday—a 9:30 A.M. meeting with "
                        "the Secretary."),
              "Ridgway then previewed the schedule for Monday—a 9:30 A.M. meeting with the Secretary.");
    CHECK_STR(sentences("4. Begin text of Gorbachev letter, in informal Soviet translation:2"),
              "4. Begin text of Gorbachev letter, in informal Soviet translation:2");
    CHECK_STR(sentences("255. Memorandum of Conversation1"), "255. Memorandum of Conversation1");
}
END_TEST

START_TEST(frus_page_markers_and_brackets)
{
    /* inside a sentence, inside a word, between sentences */
    CHECK_STR(sentences("Nitze added that it also our intent to organize the [Page 1039] work "
                        "ahead. Simons added that we want a thorough discussion."),
              "Nitze added that it also our intent to organize the [Page 1039] work ahead. | "
              "Simons added that we want a thorough discussion.");
    CHECK_STR(sentences("Afghanistan and a range of bilat[Page 1003]eral matters. We now believe it."),
              "Afghanistan and a range of bilat[Page 1003]eral matters. | We now believe it.");
    CHECK_STR(sentences("prepared for partial measures. [Page 1014] I think, there is merit."),
              "prepared for partial measures. | [Page 1014] I think, there is merit.");
    CHECK_STR(sentences("the U.S. and Soviet Union already had a treaty [i.e., the Outer Space "
                        "Treaty] on this. At the May talks on centers [NRCC], the U.S. agreed."),
              "the U.S. and Soviet Union already had a treaty [i.e., the Outer Space Treaty] on "
              "this. | At the May talks on centers [NRCC], the U.S. agreed.");
}
END_TEST

START_TEST(frus_quotes)
{
    CHECK_STR(sentences("Bessmertnykh then commented that “it comes again to the question of "
                        "defining what is permitted by the treaty.” Nitze emphasized it."),
              "Bessmertnykh then commented that “it comes again to the question of defining what "
              "is permitted by the treaty.” | Nitze emphasized it.");
    CHECK_STR(sentences("Bessmertnykh said he had an “urge to say something but I think I won’t”. "
                        "He commented."),
              "Bessmertnykh said he had an “urge to say something but I think I won’t”. | He commented.");
    CHECK_STR(sentences("The Soviets are open to U.S. suggestions. “We want to finish the job.” "
                        "Bessmertnykh said, “Good. I will tell Shevardnadze.”"),
              "The Soviets are open to U.S. suggestions. | “We want to finish the job.” | "
              "Bessmertnykh said, “Good. | I will tell Shevardnadze.”");
    CHECK_STR(sentences("Bessmertnykh replied, that is Mikol’chak? (NOTE: Mikol’chak is senior.)"),
              "Bessmertnykh replied, that is Mikol’chak? | (NOTE: Mikol’chak is senior.)");
    CHECK_STR(sentences("Where? Vienna? Stockholm? He said “How about this? How about that?” "
                        "and left."),
              "Where? | Vienna? | Stockholm? | He said “How about this? | How about that?” and left.");
}
END_TEST

/* ---- sentences: general text ------------------------------------------------------- */

START_TEST(general_english)
{
    CHECK_STR(sentences("Then what?! Nothing... It was over. Wait... what? He said so."),
              "Then what?! | Nothing... | It was over. | Wait... what? | He said so.");
    CHECK_STR(sentences("The company, e.g. Acme Inc., grew by 3.5 percent. It hired 1,000 people "
                        "at 9 a.m. on Monday etc. Nobody knew."),
              "The company, e.g. Acme Inc., grew by 3.5 percent. | It hired 1,000 people at "
              "9 a.m. on Monday etc. | Nobody knew.");
    CHECK_STR(sentences("Visit www.example.com today. Mail me at a.b@example.org. Thanks."),
              "Visit www.example.com today. | Mail me at a.b@example.org. | Thanks.");
    /* headlines and list lines without punctuation end at the line break */
    CHECK_STR(sentences("Breaking News\nThe market fell today\nStocks dropped in early trading."),
              "Breaking News | The market fell today | Stocks dropped in early trading.");
    /* wrapped prose does not */
    CHECK_STR(sentences("This is a paragraph of ordinary prose that was wrapped at a fixed\n"
                        "width by its author, so that the line breaks carry no meaning\n"
                        "altogether. The next sentence starts here."),
              "This is a paragraph of ordinary prose that was wrapped at a fixed\nwidth by its "
              "author, so that the line breaks carry no meaning\naltogether. | The next sentence "
              "starts here.");
}
END_TEST

START_TEST(general_german)
{
    CHECK_STR(sentences("Am 3. Oktober 1990 wurde Deutschland vereinigt. Der 2. Weltkrieg endete "
                        "1945. Das ist z.B. gut, bzw. schlecht usw. Die Sache ist klar."),
              "Am 3. Oktober 1990 wurde Deutschland vereinigt. | Der 2. Weltkrieg endete 1945. | "
              "Das ist z.B. gut, bzw. schlecht usw. | Die Sache ist klar.");
    CHECK_STR(sentences("Siehe S. 5 und Nr. 7. Dr. Müller kam im 20. Jahrhundert. „Ja.“ Er ging."),
              "Siehe S. 5 und Nr. 7. | Dr. Müller kam im 20. Jahrhundert. | „Ja.“ | Er ging.");
}
END_TEST

START_TEST(german_run_on_without_punctuation)
{
    /* a headline or a review's title run into the text */
    CHECK_STR(sentences("Stadtrat beschließt neuen Haushalt Die Stadt will zwei Millionen sparen. "
                        "Sehr nettes Personal Wir kommen gerne wieder. Über den Preis kann man "
                        "streiten."),
              "Stadtrat beschließt neuen Haushalt | Die Stadt will zwei Millionen sparen. | "
              "Sehr nettes Personal | Wir kommen gerne wieder. | Über den Preis kann man "
              "streiten.");
    /* at the line break of wrapped text too */
    CHECK_STR(sentences("Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt\n"
                        "beschlossen und damit den Streit um die Schulen vorerst beendet\n"
                        "Die Opposition will dagegen klagen, sagte ihr Sprecher am Abend."),
              "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt\n"
              "beschlossen und damit den Streit um die Schulen vorerst beendet | "
              "Die Opposition will dagegen klagen, sagte ihr Sprecher am Abend.");
    /* the polite "Sie", a short title before punctuation, the words English
     * capitalises in names go on (a longer English title after a small word,
     * "watched Die Hard with them", is split: the rule's known cost) */
    CHECK_STR(sentences("Wir danken Ihnen und bitten Sie um Geduld. Er las Der Spiegel, dann "
                        "Die Zeit. We met Man Ray in Des Moines at the Von Trapp house."),
              "Wir danken Ihnen und bitten Sie um Geduld. | Er las Der Spiegel, dann Die Zeit. | "
              "We met Man Ray in Des Moines at the Von Trapp house.");
}
END_TEST

START_TEST(german_restart_words)
{
    static const char *const yes[] = { "Der", "Wir", "Leider", "Über", "Schließlich", NULL };
    for (const char *const *w = yes; *w; w++) {
        ck_assert(seg_abbrevs_restart_prefix(ab, *w));
        ck_assert(seg_abbrevs_is_restart(ab, *w, strlen(*w)));
    }
    static const char *const no[] = { "Sie", "Ihr", "The", "War", "Des", "Moskau", NULL };
    for (const char *const *w = no; *w; w++)
        ck_assert(!seg_abbrevs_is_restart(ab, *w, strlen(*w)));
}
END_TEST

START_TEST(general_french)
{
    CHECK_STR(sentences("M. Dupont est arrivé. Mme Martin aussi. Il a dit : « Bonjour. » Puis il "
                        "est parti. C’était en 44 av. J.-C. L’empire tomba."),
              "M. Dupont est arrivé. | Mme Martin aussi. | Il a dit : « Bonjour. » | Puis il est "
              "parti. | C’était en 44 av. J.-C. | L’empire tomba.");
}
END_TEST

START_TEST(french_spaced_semicolon)
{
    CHECK_STR(sentences("Le village compte trois moulins ; Le plus ancien date de 1820."),
              "Le village compte trois moulins ; | Le plus ancien date de 1820.");
    /* before a small letter, glued to the word before, or in English: it goes on */
    CHECK_STR(sentences("Il pleut ; on reste. He came; The Times said so. Er kam; Die Zeit schrieb."),
              "Il pleut ; on reste. | He came; The Times said so. | Er kam; Die Zeit schrieb.");
}
END_TEST

START_TEST(spaced_quotes_close_or_open)
{
    /* the spaced quote closes a quotation of its sentence ... */
    CHECK_STR(sentences("Il a crié \" Vive la mer ! \" Les enfants ont ri. Elle a dit « Non. » Puis rien."),
              "Il a crié \" Vive la mer ! \" | Les enfants ont ri. | Elle a dit « Non. » | Puis rien.");
    /* ... or, when there is none, opens the next sentence */
    CHECK_STR(sentences("Le port ferme en hiver. » Le maire répond. Tout va bien. », dit-il."),
              "Le port ferme en hiver. | » Le maire répond. | Tout va bien. | », dit-il.");
}
END_TEST

START_TEST(extra_abbreviations)
{
    CHECK_STR(sentences("He met Gen. Xu and Adv. Brown."), "He met Gen. Xu and Adv. | Brown.");
    const char *list = "# legal\nAdv.  # advocate\nHrg;Ztg.\n";
    ck_assert_int_eq(seg_abbrevs_add_list(ab, list, strlen(list), 1), 0);
    ck_assert_int_eq(seg_abbrevs_class(ab, "Adv", 3), SEG_ABBR_INNER);
    ck_assert_int_eq(seg_abbrevs_class(ab, "Hrg", 3), SEG_ABBR_INNER);
    ck_assert_int_eq(seg_abbrevs_class(ab, "Ztg", 3), SEG_ABBR_INNER);
    ck_assert_int_eq(seg_abbrevs_class(ab, "legal", 5), SEG_ABBR_NONE);
    ck_assert_int_eq(seg_abbrevs_class(ab, "advocate", 8), SEG_ABBR_NONE);
    CHECK_STR(sentences("He met Gen. Xu and Adv. Brown."), "He met Gen. Xu and Adv. Brown.");
    /* case matters: "Art. 5" is an article, "art." a word */
    ck_assert_int_eq(seg_abbrevs_class(ab, "art", 3), SEG_ABBR_NONE);
    ck_assert_int_eq(seg_abbrevs_class(ab, "Art", 3), SEG_ABBR_INNER);
}
END_TEST

/* ---- general text: web, German, French (issue #3) ------------------------------------- */

START_TEST(web_question_exclamation_before_lower_case)
{
    CHECK_STR(sentences("thx, safe mode worked!! i uninstalled the update."),
              "thx, safe mode worked!! | i uninstalled the update.");
    CHECK_STR(sentences("Which one is best? i'm thinking of cancelling."),
              "Which one is best? | i'm thinking of cancelling.");
    /* a quoted question goes on; so does an ellipsis before lower case */
    CHECK_STR(sentences("“Really?” she asked. « Vraiment ? » demanda-t-il."),
              "“Really?” she asked. | « Vraiment ? » demanda-t-il.");
    CHECK_STR(sentences("well... i guess so."), "well... i guess so.");
}
END_TEST

START_TEST(web_period_before_lower_case)
{
    CHECK_STR(sentences("whatever. i will let you know later. see you at the game."),
              "whatever. | i will let you know later. | see you at the game.");
    /* not after an abbreviation, an initial, a number or a short capitalised
     * word (an abbreviation the set does not know) */
    CHECK_STR(sentences("Shares of Acme Corp. common stock, pens etc. and paper, cf. the list, "
                        "the vs. case, John Q. public, see p. 5. then Emb. officers left."),
              "Shares of Acme Corp. common stock, pens etc. and paper, cf. the list, the vs. "
              "case, John Q. public, see p. 5. then Emb. officers left.");
    /* nor after a German street or a French weekday */
    CHECK_STR(sentences("Er wohnt in der Hauptstr. neben der Post. Ouvert du lun. au sam. Fermé le dim."),
              "Er wohnt in der Hauptstr. neben der Post. | Ouvert du lun. au sam. | Fermé le dim.");
    /* nor after an ellipsis or a closing quote */
    CHECK_STR(sentences("I thought... maybe not. He said \"no.\" and left."),
              "I thought... maybe not. | He said \"no.\" and left.");
}
END_TEST

START_TEST(web_mail_time_stamps)
{
    CHECK_STR(sentences("Dana Kowalski@ACME 11/30/2003 04:12 PM Can you send the draft? "
                        "Lee Ortiz 3/2/99 9:05:33 AM thanks, got it."),
              "Dana Kowalski@ACME | 11/30/2003 04:12 PM | Can you send the draft? | "
              "Lee Ortiz | 3/2/99 9:05:33 AM | thanks, got it.");
    /* led in by a small word, or no AM/PM: part of the sentence */
    CHECK_STR(sentences("Sent by jo@example.org on 11/30/2003 04:12 PM To: all. "
                        "We met on 11/30/2003 at 04:12 and left."),
              "Sent by jo@example.org on 11/30/2003 04:12 PM | To: all. | "
              "We met on 11/30/2003 at 04:12 and left.");
}
END_TEST

START_TEST(web_greetings_and_sign_offs)
{
    CHECK_STR(sentences("Hi, Yes the pool is open. Dear All, The party moved. See you then. "
                        "Kind regards, Pat Lee"),
              "Hi, | Yes the pool is open. | Dear All, | The party moved. | See you then. | "
              "Kind regards, | Pat Lee");
    CHECK_STR(sentences("Thank you, Karen will call. Viele Grüße, Ihr Team"),
              "Thank you, | Karen will call. | Viele Grüße, | Ihr Team");
    /* a dateline, a greeting before a small word, a greeting in a sentence */
    CHECK_STR(sentences("Washington, February 4, 1969. Hi, how are you? We said Hi, Mom."),
              "Washington, February 4, 1969. | Hi, how are you? | We said Hi, Mom.");
    CHECK_STR(sentences("Dear sir, Thanks"), "Dear sir, Thanks");
}
END_TEST

START_TEST(web_urls_and_addresses)
{
    CHECK_STR(sentences("Our site is http://www.example.org/a.html We open at 9. "
                        "Email: pat@example.net Groups: rec.pets "
                        "More at www.example.com/pics http://example.com/b.html"),
              "Our site is http://www.example.org/a.html | We open at 9. | "
              "Email: pat@example.net | Groups: rec.pets More at www.example.com/pics | "
              "http://example.com/b.html");
    /* before a small word it goes on; a period after it is the sentence's */
    CHECK_STR(sentences("Mail pat@example.net or call. See www.example.org. Then rest."),
              "Mail pat@example.net or call. | See www.example.org. | Then rest.");
}
END_TEST

START_TEST(web_emoticons)
{
    CHECK_STR(sentences("The staff were friendly :) Will come back!"),
              "The staff were friendly :) | Will come back!");
    CHECK_STR(sentences("Great food! :-) The wine too ;) and the bread."),
              "Great food! :-) | The wine too ;) and the bread.");
    /* not an emoticon: glued to a word, or a colon before a space */
    CHECK_STR(sentences("See note:) The end. Gorbachev: (laughs) Yes."),
              "See note:) The end. | Gorbachev: (laughs) Yes.");
}
END_TEST

START_TEST(web_units_days_and_numbers)
{
    CHECK_STR(sentences("26.2 miles in 4 hrs. 38 min. Not fast."),
              "26.2 miles in 4 hrs. 38 min. | Not fast.");
    CHECK_STR(sentences("Down from Sat. 10 p.m. to Sun. 6 a.m. for an upgrade. Sorry."),
              "Down from Sat. 10 p.m. to Sun. 6 a.m. for an upgrade. | Sorry.");
    CHECK_STR(sentences("I placed order no. 48213 in May. It never came."),
              "I placed order no. 48213 in May. | It never came.");
}
END_TEST

START_TEST(inline_list_numbers)
{
    /* a number alone is never a sentence: it labels the next one */
    CHECK_STR(sentences("1. Plug it in. 2. Verbinden Sie den Router. 3. Fertig."),
              "1. Plug it in. | 2. Verbinden Sie den Router. | 3. Fertig.");
}
END_TEST

START_TEST(german_thousands_and_spaced_abbreviations)
{
    CHECK_STR(sentences("Hier leben rund 48.000 Menschen. Es gibt ca. 1.200 Stellen."),
              "Hier leben rund 48.000 Menschen. | Es gibt ca. 1.200 Stellen.");
    CHECK_STR(sentences("Betriebe, z. B. aus dem Bau. Dazu u. a. Handball, d. h. Sport."),
              "Betriebe, z. B. aus dem Bau. | Dazu u. a. Handball, d. h. Sport.");
    /* a footnote marker after a date still is one */
    CHECK_STR(sentences("signed on June 19.3 The main idea was clear."),
              "signed on June 19.3 | The main idea was clear.");
}
END_TEST

START_TEST(compound_abbreviations)
{
    CHECK_STR(sentences("Vorsitzender ist Dipl.-Ing. Thomas Krüger. Er kam."),
              "Vorsitzender ist Dipl.-Ing. Thomas Krüger. | Er kam.");
    CHECK_STR(sentences("Hotline (Mo.–Fr. 8–20 Uhr). Danke."),
              "Hotline (Mo.–Fr. 8–20 Uhr). | Danke.");
    CHECK_STR(sentences("Un taux d'env. 5 %. C'est peu."), "Un taux d'env. 5 %. | C'est peu.");
    /* a possessive is no elision: "café's." ends the sentence */
    CHECK_STR(sentences("Better than the café's. Try it."), "Better than the café's. | Try it.");
    CHECK_STR(sentences("Au XIXe s. la ville décline. Il part."),
              "Au XIXe s. la ville décline. | Il part.");
}
END_TEST

START_TEST(unwrapped_lines_after_comma)
{
    /* lines that were not wrapped end sentences even after a comma or dash */
    CHECK_STR(sentences("Hi Karen,\nJust a reminder about the meeting at 2 p.m. today.\nThanks,\nMike"),
              "Hi Karen, | Just a reminder about the meeting at 2 p.m. today. | Thanks, | Mike");
    CHECK_STR(sentences("Sarah -\nThanks for lunch today."), "Sarah - | Thanks for lunch today.");
    /* three lines with only the longest one full are not wrapped text */
    CHECK_STR(sentences("Hey! Are you free Sat. night? A bunch of us are going to the Thai place around 7.\n"
                        "lmk if you want to come\nDave says hi"),
              "Hey! | Are you free Sat. night? | A bunch of us are going to the Thai place around 7. | "
              "lmk if you want to come | Dave says hi");
}
END_TEST

/* ---- layout ------------------------------------------------------------------------- */

static const char frus_doc[] =
    "255. Memorandum of Conversation1\n"
    "\n"
    "Visit of Deputy Foreign Minister Bessmertnykh\n"
    "July 25, 1986\n"
    "\n"
    "  • U.S. PARTICIPANTS\n"
    "\n"
    "    • EUR/DAS Thomas Simons\n"
    "    • Ambassador Paul Nitze\n"
    "  • SOVIET PARTICIPANTS\n"
    "\n"
    "    • Deputy ForMin Bessmertnykh\n"
    "\n"
    "Simons opened by welcoming Bessmertnykh to Washington. He said it was delivered in Moscow.2 "
    "Bessmertnykh read it.\n"
    "\n"
    "[Page 1039]\n"
    "\n"
    "Nuclear Testing\n"
    "\n"
    "—That we viewed the proposals as serious ones;\n"
    "\n"
    "Shultz\n"
    "\n"
    "  1. Source: Department of State, Lot 90D397. Secret; Sensitive. Drafted by Burton.\n"
    "  2. See Document 254.\n";

START_TEST(layout_frus)
{
    CHECK_STR(layout(frus_doc, SECTIONS),
              "head:255. Memorandum of Conversation1 | "
              "other:Visit of Deputy Foreign Minister Bessmertnykh\nJuly 25, 1986 | "
              "participants:• U.S. PARTICIPANTS\n\n    • EUR/DAS Thomas Simons\n"
              "    • Ambassador Paul Nitze\n  • SOVIET PARTICIPANTS\n\n"
              "    • Deputy ForMin Bessmertnykh | "
              "body:Simons opened by welcoming Bessmertnykh to Washington. He said it was "
              "delivered in Moscow.2 Bessmertnykh read it.\n\n[Page 1039]\n\nNuclear Testing\n\n"
              "—That we viewed the proposals as serious ones; | "
              "signature:Shultz | "
              "notes:1. Source: Department of State, Lot 90D397. Secret; Sensitive. Drafted by "
              "Burton.\n  2. See Document 254.");
    CHECK_STR(layout(frus_doc, PARAGRAPHS),
              "Visit of Deputy Foreign Minister Bessmertnykh\nJuly 25, 1986 | "
              "U.S. PARTICIPANTS | EUR/DAS Thomas Simons | Ambassador Paul Nitze | "
              "SOVIET PARTICIPANTS | Deputy ForMin Bessmertnykh | "
              "Simons opened by welcoming Bessmertnykh to Washington. He said it was delivered in "
              "Moscow.2 Bessmertnykh read it. | Nuclear Testing | "
              "—That we viewed the proposals as serious ones; | Shultz");
    /* footnotes are zones (for sentences), after their numbers */
    char *z = layout(frus_doc, ZONES);
    ck_assert_ptr_nonnull(strstr(z, "Shultz | Source: Department of State, Lot 90D397. Secret; "
                                    "Sensitive. Drafted by Burton. | See Document 254."));
    ck_assert_ptr_nonnull(strstr(z, "255. Memorandum of Conversation1 | Visit"));
    free(z);
}
END_TEST

START_TEST(layout_subject_and_dateline)
{
    const char *doc = "244. Memorandum From Secretary of State Shultz to President Reagan1\n\n"
                      "Washington, June 12, 1986\n\nSUBJECT\n\n"
                      "  • June 11 Meeting with Soviet Ambassador Dubinin\n\n"
                      "Summary\n\nThe arms control initiative was a copy of a proposal.\n";
    CHECK_STR(layout(doc, SECTIONS),
              "head:244. Memorandum From Secretary of State Shultz to President Reagan1 | "
              "dateline:Washington, June 12, 1986 | "
              "other:SUBJECT\n\n  • June 11 Meeting with Soviet Ambassador Dubinin | "
              "body:Summary\n\nThe arms control initiative was a copy of a proposal.");
    CHECK_STR(layout(doc, PARAGRAPHS),
              "Washington, June 12, 1986 | SUBJECT | June 11 Meeting with Soviet Ambassador "
              "Dubinin | Summary | The arms control initiative was a copy of a proposal.");
}
END_TEST

START_TEST(layout_page_between_items)
{
    /* a printed page ending between a paragraph and a bullet item belongs to
     * neither; one ending inside a paragraph stays in it */
    const char *doc = "The talks went on for a week and ended in a draft.\n  [Page 27]\n"
                      "  • The draft is short.\n  [Page 28]\n  It has two parts.\n"
                      "  • Both sides signed.\n";
    CHECK_STR(layout(doc, PARAGRAPHS),
              "The talks went on for a week and ended in a draft. | The draft is short.\n"
              "  [Page 28]\n  It has two parts. | Both sides signed.");
}
END_TEST

START_TEST(layout_plain_text)
{
    /* No numbered title: no front matter, no head; all body.  An unindented
     * numbered list at the end is a list, not footnotes. */
    const char *doc = "A Title\n\nFirst paragraph here.\nStill the first.\n\n"
                      "Items:\n- one\n- two\n  continued\n\n1. first\n2. second\n";
    CHECK_STR(layout(doc, SECTIONS),
              "body:A Title\n\nFirst paragraph here.\nStill the first.\n\nItems:\n- one\n"
              "- two\n  continued\n\n1. first\n2. second");
    CHECK_STR(layout(doc, PARAGRAPHS),
              "A Title | First paragraph here.\nStill the first. | Items: | one | two\n  continued"
              " | 1. first | 2. second");
    CHECK_STR(layout("", SECTIONS), "");
    CHECK_STR(layout("\n\n \t\n", PARAGRAPHS), "");
    CHECK_STR(layout("x", PARAGRAPHS), "x");
    CHECK_STR(layout("\r\nWindows line.\r\n\r\nNext one.\r\n", PARAGRAPHS),
              "Windows line. | Next one.");
}
END_TEST

/* ---- tokens ------------------------------------------------------------------------- */

START_TEST(tokens_frus)
{
    CHECK_STR(tokens("255. Memorandum of Conversation1"),
              "255 | . | Memorandum | of | Conversation | 1");
    CHECK_STR(tokens("delivered in Moscow.2"), "delivered | in | Moscow | . | 2");
    CHECK_STR(tokens("signed on June 19.3"), "signed | on | June | 19 | . | 3");
    CHECK_STR(tokens("a 3.5 percent rise of 1,000 at 11:30 a.m. in U.S.-Soviet talks"),
              "a | 3.5 | percent | rise | of | 1,000 | at | 11:30 | a.m. | in | U.S.-Soviet | talks");
    CHECK_STR(tokens("bilat[Page 1003]eral (i.e., the treaty) “Yes.” Mr. Nitze’s"),
              "bilat | [Page 1003] | eral | ( | i.e. | , | the | treaty | ) | “ | Yes | . | ” | "
              "Mr. | Nitze | ’s");
}
END_TEST

START_TEST(tokens_general)
{
    CHECK_STR(tokens("don’t l’Union qu’il O’Brien medium-range SS-20 What?! Wait..."),
              "do | n’t | l’ | Union | qu’ | il | O’Brien | medium-range | SS-20 | What | ?! | "
              "Wait | ...");
    CHECK_STR(tokens("see https://example.org/a.b?x=1, or mail a.b@example.org."),
              "see | https://example.org/a.b?x=1 | , | or | mail | a.b@example.org | .");
    CHECK_STR(tokens("z.B. usw. B52 COVID19"), "z.B. | usw. | B52 | COVID19");
}
END_TEST

/* ---- hostile input --------------------------------------------------------------------- */

START_TEST(nul_bytes_and_bad_utf8)
{
    const char t[] = "One\0two. Three \xff\xfe four.\n\n\xc3 Five. Six";
    size_t n = sizeof t - 1;
    seg_layout l;
    seg_layout_init(&l);
    ck_assert_int_eq(seg_layout_build(t, n, &l), 0);
    ck_assert_uint_eq(l.paragraphs.n, 2);
    seg_spans s;
    seg_spans_init(&s);
    for (size_t i = 0; i < l.zones.n; i++)
        ck_assert_int_eq(seg_sentences(t, n, l.zones.v[i].start, l.zones.v[i].end, ab, &s), 0);
    ck_assert_uint_eq(s.n, 4);
    ck_assert_uint_eq(s.v[0].start, 0);
    ck_assert_uint_eq(s.v[0].end, 8); /* past the NUL: "One\0two." */
    ck_assert_uint_eq(s.v[3].end, n);
    seg_spans tk;
    seg_spans_init(&tk);
    ck_assert_int_eq(seg_tokens(t, n, 0, n, ab, &tk), 0);
    for (size_t i = 0; i < tk.n; i++)
        ck_assert(tk.v[i].start < tk.v[i].end && tk.v[i].end <= n);
    seg_spans_free(&tk);
    seg_spans_free(&s);
    seg_layout_free(&l);
}
END_TEST

/* Run every rule over T[0, N) and check the spans are ordered and in range. */
static void run_all(const char *t, size_t n, size_t *paras, size_t *sents, size_t *toks)
{
    seg_layout l;
    seg_spans s, tk;
    seg_layout_init(&l);
    seg_spans_init(&s);
    seg_spans_init(&tk);
    ck_assert_int_eq(seg_layout_build(t, n, &l), 0);
    for (size_t i = 0; i < l.zones.n; i++)
        ck_assert_int_eq(seg_sentences(t, n, l.zones.v[i].start, l.zones.v[i].end, ab, &s), 0);
    for (size_t i = 0; i < s.n; i++) {
        ck_assert(s.v[i].start < s.v[i].end && s.v[i].end <= n);
        if (i)
            ck_assert(s.v[i - 1].end <= s.v[i].start);
        ck_assert_int_eq(seg_tokens(t, n, s.v[i].start, s.v[i].end, ab, &tk), 0);
    }
    *paras = l.paragraphs.n;
    *sents = s.n;
    *toks = tk.n;
    seg_spans_free(&tk);
    seg_spans_free(&s);
    seg_layout_free(&l);
}

START_TEST(ten_mb_without_punctuation)
{
    size_t n = 10u << 20;
    char *t = malloc(n);
    ck_assert_ptr_nonnull(t);
    for (size_t i = 0; i < n; i++)
        t[i] = (i % 7 == 6) ? ' ' : 'a' + (char)(i % 5);
    size_t p, s, k;
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(p, 1);
    ck_assert_uint_eq(s, 1);
    ck_assert_uint_eq(k, (n + 6) / 7);
    /* one 10 MB word */
    memset(t, 'x', n);
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(s, 1);
    ck_assert_uint_eq(k, 1);
    free(t);
}
END_TEST

START_TEST(one_mb_line_of_periods)
{
    size_t n = 1u << 20;
    char *t = malloc(n);
    ck_assert_ptr_nonnull(t);
    memset(t, '.', n);
    size_t p, s, k;
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(p, 1);
    ck_assert_uint_eq(s, 1);
    ck_assert_uint_eq(k, 1);
    /* periods and spaces: ". . . ." every one a candidate */
    for (size_t i = 0; i < n; i++)
        t[i] = (i & 1) ? ' ' : '.';
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(s, 1);
    /* "A. A. A. ..." initials all the way (ending "A. A" would end a sentence
     * after a one-letter name, as in "through K. K said") */
    size_t m = n - n % 3;
    for (size_t i = 0; i < m; i++)
        t[i] = "A. "[i % 3];
    run_all(t, m, &p, &s, &k);
    ck_assert_uint_eq(s, 1);
    /* a million newlines, then a million blank-line paragraphs */
    memset(t, '\n', n);
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(p, 0);
    for (size_t i = 0; i < n; i++)
        t[i] = (i % 3 == 0) ? 'x' : '\n';
    run_all(t, n, &p, &s, &k);
    ck_assert_uint_eq(p, (n + 2) / 3);
    free(t);
}
END_TEST

START_TEST(deep_nested_brackets)
{
    size_t depth = 1u << 19, n = 4 * depth + 16;
    char *t = malloc(n);
    ck_assert_ptr_nonnull(t);
    size_t i = 0;
    for (size_t d = 0; d < depth; d++)
        t[i++] = '(';
    memcpy(t + i, "It ends. Here", 13);
    i += 13;
    for (size_t d = 0; d < depth; d++)
        t[i++] = ')';
    t[i++] = '.';
    size_t p, s, k;
    run_all(t, i, &p, &s, &k);
    ck_assert_uint_eq(p, 1);
    ck_assert_uint_eq(s, 2);
    /* quotes and page markers nested too */
    for (size_t j = 0; j < i; j++)
        t[j] = "[Page 1]“\""[j % 10];
    run_all(t, i, &p, &s, &k);
    ck_assert_uint_eq(p, 1);
    free(t);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("segment_rules");
    TCase *c = tcase_create("sentences");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_add_test(c, frus_footnote_marker_after_period);
    tcase_add_test(c, frus_abbreviations);
    tcase_add_test(c, frus_dates_times_lists);
    tcase_add_test(c, frus_page_markers_and_brackets);
    tcase_add_test(c, frus_quotes);
    tcase_add_test(c, general_english);
    tcase_add_test(c, general_german);
    tcase_add_test(c, german_run_on_without_punctuation);
    tcase_add_test(c, german_restart_words);
    tcase_add_test(c, general_french);
    tcase_add_test(c, french_spaced_semicolon);
    tcase_add_test(c, spaced_quotes_close_or_open);
    tcase_add_test(c, extra_abbreviations);
    tcase_add_test(c, web_question_exclamation_before_lower_case);
    tcase_add_test(c, web_period_before_lower_case);
    tcase_add_test(c, web_mail_time_stamps);
    tcase_add_test(c, web_greetings_and_sign_offs);
    tcase_add_test(c, web_urls_and_addresses);
    tcase_add_test(c, web_emoticons);
    tcase_add_test(c, web_units_days_and_numbers);
    tcase_add_test(c, inline_list_numbers);
    tcase_add_test(c, german_thousands_and_spaced_abbreviations);
    tcase_add_test(c, compound_abbreviations);
    tcase_add_test(c, unwrapped_lines_after_comma);
    suite_add_tcase(s, c);

    c = tcase_create("layout");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_add_test(c, layout_frus);
    tcase_add_test(c, layout_subject_and_dateline);
    tcase_add_test(c, layout_page_between_items);
    tcase_add_test(c, layout_plain_text);
    suite_add_tcase(s, c);

    c = tcase_create("tokens");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_add_test(c, tokens_frus);
    tcase_add_test(c, tokens_general);
    suite_add_tcase(s, c);

    c = tcase_create("hostile");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_set_timeout(c, 120); /* sanitizer builds are slow; correctness, not time */
    tcase_add_test(c, nul_bytes_and_bad_utf8);
    tcase_add_test(c, ten_mb_without_punctuation);
    tcase_add_test(c, one_mb_line_of_periods);
    tcase_add_test(c, deep_nested_brackets);
    suite_add_tcase(s, c);
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
