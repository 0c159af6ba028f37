/*
 * test_citations_rules.c — the citations stage's rules on real FRUS text.
 *
 * The excerpts are from Foreign Relations of the United States (public
 * domain), rendered as the Office of the Historian's website shows them.
 * Expected offsets are found by searching the excerpt for the expected text,
 * so each test states what must be found in words, not in byte counts.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../plugins/citations/cite.h"

/* Texts given as string literals; sizeof counts past embedded NULs. */
#define T(lit) lit, (sizeof(lit) - 1)

/* The offset of the NTH (from 0) occurrence of NEEDLE in TEXT[0, LEN). */
static size_t at_nth(const char *text, size_t len, const char *needle, int nth)
{
    size_t off = 0, n = strlen(needle);
    for (;;) {
        const char *p = memmem(text + off, len - off, needle, n);
        ck_assert_msg(p != NULL, "'%s' not in the test text", needle);
        if (nth-- == 0)
            return (size_t)(p - text);
        off = (size_t)(p - text) + 1;
    }
}

static size_t at(const char *text, size_t len, const char *needle)
{
    return at_nth(text, len, needle, 0);
}

/* Assert that [S, E) of TEXT is exactly WANT. */
#define ck_range(text, s, e, want)                                         \
    do {                                                                   \
        size_t s_ = (s), e_ = (e);                                         \
        ck_assert_uint_eq(e_ - s_, strlen(want));                          \
        ck_assert_msg(memcmp((text) + s_, (want), e_ - s_) == 0,           \
                      "got '%.*s', want '%s'", (int)(e_ - s_),             \
                      (text) + s_, (want));                                \
    } while (0)

/* FRUS 1981–1988, vol. V, Document 255 (shortened). */
static const char d255[] =
    "255. Memorandum of Conversation1\n"
    "\n"
    "Visit of Deputy Foreign Minister Bessmertnykh\n"
    "July 25, 1986\n"
    "\n"
    "Simons then handed him the signed original of the President\xe2\x80\x99s letter "
    "and said it was being delivered nearly simultaneously in Moscow.2 "
    "Bessmertnykh and company took about 15 minutes to read the letter. "
    "Nitze added that it also our intent to move forward on the purpose of "
    "Bessmertnykh\xe2\x80\x99s visit, i.e., to organize the [Page 1039] work ahead.\n"
    "\n"
    "Bessmertnykh broke in to quip that since the U.S. and Soviet Union "
    "already had a treaty [i.e., the Outer Space Treaty] on this. At the May "
    "talks on nuclear risk reduction centers [NRCC], the U.S. had proposed "
    "that a second round be held at the end of July.3 The Soviets, he said, "
    "would like to propose that the NRCC experts meet in Geneva on July "
    "29\xe2\x80\x93" "30\xe2\x80\x94" "and the Soviets needed an answer that evening.\n"
    "\n"
    "  1. Source: Department of State, Ambassador Nitze\xe2\x80\x99s Personal Files "
    "1953, 1972\xe2\x80\x93" "1989, Lot 90D397, July\xe2\x80\x93" "August 1986. Secret; "
    "Sensitive. Drafted by Burton. The meeting took place in the EUR "
    "Conference Room at the Department of State. Brackets are in the "
    "original.\n"
    "  2. See Document 254.\n"
    "  3. In telegram 166678 to Moscow, May 28, the Department provided a "
    "summary of the May 5\xe2\x80\x93" "6 U.S.-Soviet meetings on the development of "
    "Nuclear Risk Reduction Centers. (Department of State, Central Foreign "
    "Policy File, Electronic Telegrams, D860410\xe2\x80\x93" "0575)";

/* ---- notes ------------------------------------------------------------ */

START_TEST(notes_block_at_end)
{
    const char *t = d255;
    size_t len = sizeof d255 - 1;
    cite_notes notes = { 0 };
    ck_assert_int_eq(cite_find_notes(t, len, 0, len, &notes), 0);
    ck_assert_uint_eq(notes.len, 3);
    ck_assert_uint_eq(notes.v[0].n, 1);
    ck_assert_uint_eq(notes.v[0].start, at(t, len, "Source: Department"));
    ck_assert_uint_eq(notes.v[0].end, at(t, len, "\n  2. See"));
    ck_assert_uint_eq(notes.v[0].line, at(t, len, "  1. Source"));
    ck_range(t, notes.v[1].start, notes.v[1].end, "See Document 254.");
    ck_assert_uint_eq(notes.v[2].n, 3);
    ck_assert_uint_eq(notes.v[2].end, len);
    cite_free(&notes);
}
END_TEST

/* A telegram's numbered paragraphs are not footnotes (FRUS 1981–88, V, 251). */
START_TEST(notes_not_numbered_paragraphs)
{
    static const char t[] =
        "251. Telegram From the Department of State to the Embassy in the "
        "Soviet Union1\n\n219318. Subject: President\xe2\x80\x99s Oral Response. Ref: "
        "State 177227.2\n\n1. Secret\xe2\x80\x94" "Entire text.\n\n2. Ambassador should "
        "seek earliest opportunity.\n\n3. Begin text:\n\nDear Mr. General "
        "Secretary:\n\n"
        "  1. Source: Department of State, Central Foreign Policy File, "
        "Electronic Telegrams, N860007\xe2\x80\x93" "0182. Secret; Immediate; Nodis. "
        "In a June 25 NSC covering note, Rodman wrote: \xe2\x80\x9c" "1. I think it "
        "should be an oral message.\xe2\x80\x9d\n"
        "  2. See footnote 2, Document 237.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 2);
    ck_assert_uint_eq(notes.v[0].line, at(T(t), "  1. Source"));
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 2);
    ck_assert_uint_eq(refs.v[0].start, at(T(t), "1\n\n219318"));
    /* "State 177227.2": a marker after a number that ends a sentence. */
    ck_assert_uint_eq(refs.v[1].start, at(T(t), "2\n\n1. Secret"));
    ck_assert_int_eq(refs.v[1].note, 1);
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* Footnotes that quote numbered lines of their own keep them. */
START_TEST(notes_with_numbered_lines_inside)
{
    static const char t[] =
        "Text.1 More.2\n\n  1. Source: a note that quotes:\n"
        "  2. Not a note but text of note 1.\n"
        "  2. The real second note.";
    cite_notes notes = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 2);
    ck_range(t, notes.v[0].start, notes.v[0].end,
             "Source: a note that quotes:\n  2. Not a note but text of note 1.");
    ck_range(t, notes.v[1].start, notes.v[1].end, "The real second note.");
    cite_free(&notes);
}
END_TEST

/* Older volumes number the source note 0 (FRUS 1958–60, X, Part 2, 56). */
START_TEST(notes_numbered_from_zero)
{
    static const char t[] =
        "56. Memorandum of Conversation0\n\nMr. Kohler said they would have "
        "an opportunity to go into the details of this subject in their "
        "meeting with Mr. Beale this afternoon.1 Mr. Kohler then said that we "
        "have been concerned about statements made during their visit to "
        "the Soviet Union;2 we do not mind differences of policy.\n\n"
        "  0. Source: Department of State, Central Files, 748.00/11\xe2\x80\x93" "658. "
        "Confidential. Drafted and initialed by Albert W. Sherer.\n"
        "  1. See Document 57.\n"
        "  2. Gomulka visited the Soviet Union October 24\xe2\x80\x93November 12.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 3);
    ck_assert_uint_eq(notes.v[0].n, 0);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 3);
    ck_assert_uint_eq(refs.v[0].start, at(T(t), "0\n\nMr."));
    ck_assert_uint_eq(refs.v[1].start, at(T(t), "1 Mr. Kohler then"));
    ck_assert_uint_eq(refs.v[2].start, at(T(t), "2 we do"));
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(refs.v[i].note, (long)i);
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

START_TEST(notes_none)
{
    static const char t[] = "No notes here. 1986. Document 254.";
    cite_notes notes = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 0);
    ck_assert_int_eq(cite_find_notes(T(t), 5, 3, &notes), 0); /* empty range */
    ck_assert_uint_eq(notes.len, 0);
    cite_free(&notes);
}
END_TEST

/* ---- markers ---------------------------------------------------------- */

START_TEST(markers_d255)
{
    const char *t = d255;
    size_t len = sizeof d255 - 1;
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(t, len, 0, len, &notes), 0);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 3);
    ck_assert_uint_eq(refs.v[0].start, at(t, len, "1\n\nVisit"));
    ck_assert_uint_eq(refs.v[0].end, refs.v[0].start + 1);
    ck_assert_uint_eq(refs.v[1].start, at(t, len, "2 Bessmertnykh and"));
    ck_assert_uint_eq(refs.v[2].start, at(t, len, "3 The Soviets"));
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_eq(refs.v[i].n, i + 1);
        ck_assert_int_eq(refs.v[i].note, (long)i);
        ck_assert_int_eq(notes.v[i].cited, 1);
    }
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* Markers after a closing quote, a parenthesis, a colon, a comma. */
START_TEST(markers_after_punctuation)
{
    static const char t[] =
        "254. Letter From President Reagan to Soviet General Secretary "
        "Gorbachev1\n\nWe should aim at \xe2\x80\x9c" "radical reduction of nuclear arms.\xe2\x80\x9d" "3"
        " That is why. Next summit);2 and nuclear power plant safety,5 and"
        " Gorbachev letter, in informal Soviet translation:4\n\n"
        "  1. Source: Reagan Library.\n  2. Two.\n  3. Three.\n  4. Four.\n"
        "  5. Five.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 5);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    /* In reading order the numbers are 1, 3, 2, 5, 4: 3 and 5 are taken as
       markers after missed ones (clear shapes, notes exist, close ahead);
       2 and 4 then come out of order and are refused. */
    ck_assert_uint_eq(refs.len, 3);
    ck_assert_uint_eq(refs.v[0].n, 1);
    ck_assert_uint_eq(refs.v[1].n, 3);
    ck_assert_uint_eq(refs.v[1].start, at(T(t), "3 That"));
    ck_assert_uint_eq(refs.v[2].n, 5);
    ck_assert_uint_eq(refs.v[2].start, at(T(t), "5 and"));
    ck_assert_int_eq(notes.v[1].cited, 0); /* note 2: unreferenced */
    ck_assert_int_eq(notes.v[3].cited, 0);
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* Digits that are part of the text are never markers. */
START_TEST(markers_not_digits_of_text)
{
    static const char t[] =
        "Title1\n\nThey met on July 29\xe2\x80\x93" "30 in 1986. In telegram 166678 "
        "the 1972 Treaty was cited; see Document 254. Lot 90D397 and "
        "D860410\xe2\x80\x93" "0575 at 3:40 p.m., 1,200 troops, 2.5 percent, SS-20 and "
        "the G7 summit, INFCIRC/274, 5%, the 2nd round, [2 lines not "
        "declassified], (3) items.\n\n"
        "  1. Source: x.\n  2. y.\n  3. z.\n  4. w.\n  5. v.\n  6. u.\n"
        "  7. t.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 7);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 1);
    ck_assert_uint_eq(refs.v[0].start, at(T(t), "1\n\nThey"));
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* Markers right after a number: a sentence's end, a comma, a parenthesis. */
START_TEST(markers_after_numbers)
{
    static const char t[] =
        "Title1\n\nHe signed it on June 19.2 The rest came in 1986,3 as "
        "planned (see Tab 1)4 and 1,200 troops left on May 5,5 then 3.5 "
        "percent.\n\n  1. Source: x.\n  2. y.\n  3. z.\n  4. w.\n  5. v.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 5);
    ck_assert_uint_eq(refs.v[1].start, at(T(t), "2 The rest"));
    ck_assert_uint_eq(refs.v[2].start, at(T(t), "3 as"));
    ck_assert_uint_eq(refs.v[3].start, at(T(t), "4 and"));
    ck_assert_uint_eq(refs.v[4].start, at(T(t), "5 then"));
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* A marker whose note is missing is kept, without a note. */
START_TEST(markers_without_note)
{
    static const char t[] =
        "Memorandum1\n\nThe President spoke.2 Then he left.\n\n"
        "  1. Source: Reagan Library.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 1);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 2);
    ck_assert_int_eq(refs.v[1].note, -1);
    ck_assert_uint_eq(refs.v[1].n, 2);
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* NUL bytes are text like any other: nothing stops at them. */
START_TEST(markers_across_nul)
{
    static const char t[] =
        "Memorandum1\n\nA\0B said so.2 End.\n\n  1. Source: x.\n  2. Two\0.";
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(T(t), 0, sizeof t - 1, &notes), 0);
    ck_assert_uint_eq(notes.len, 2);
    ck_assert_uint_eq(notes.v[1].end, sizeof t - 1);
    ck_assert_int_eq(cite_find_markers(t, notes.v[0].line, &notes, &refs), 0);
    ck_assert_uint_eq(refs.len, 2);
    ck_assert_uint_eq(refs.v[1].start, at(T(t), "2 End"));
    cite_free(&notes);
    cite_free(&refs);
}
END_TEST

/* A marker a test expects: number N, its digits starting NEEDLE's first
   occurrence in the text. */
typedef struct want_ref {
    unsigned n;
    const char *needle;
} want_ref;

/* Run the notes and markers rules over TEXT[0, LEN) and check that the
   markers are exactly WANT, in order, each citing its note. */
static void ck_markers(const char *text, size_t len, const want_ref *want,
                       size_t nwant)
{
    cite_notes notes = { 0 };
    cite_refs refs = { 0 };
    ck_assert_int_eq(cite_find_notes(text, len, 0, len, &notes), 0);
    ck_assert_uint_gt(notes.len, 0);
    ck_assert_int_eq(cite_find_markers(text, notes.v[0].line, &notes, &refs),
                     0);
    for (size_t i = 0; i < refs.len; i++)
        ck_assert_msg(i < nwant && refs.v[i].start == at(text, len,
                                                         want[i].needle),
                      "marker %zu: '%.*s' before '%.12s'", i,
                      (int)(refs.v[i].end - refs.v[i].start),
                      text + refs.v[i].start, text + refs.v[i].end);
    ck_assert_uint_eq(refs.len, nwant);
    for (size_t i = 0; i < refs.len; i++) {
        ck_assert_uint_eq(refs.v[i].n, want[i].n);
        ck_assert_uint_eq(refs.v[i].end - refs.v[i].start,
                          want[i].n < 10 ? 1 : want[i].n < 100 ? 2 : 3);
        ck_assert_int_ge(refs.v[i].note, 0);
        ck_assert_uint_eq(notes.v[refs.v[i].note].n, want[i].n);
    }
    cite_free(&notes);
    cite_free(&refs);
}

#define CK_MARKERS(text, ...)                                              \
    do {                                                                   \
        static const want_ref w_[] = { __VA_ARGS__ };                      \
        ck_markers(T(text), w_, sizeof w_ / sizeof w_[0]);                 \
    } while (0)

/* Markers set apart by a blank, as older volumes print them: ending a
   title, a signature, an attachment's heading, and inside a sentence. */
START_TEST(markers_spaced)
{
    static const char t[] =
        "41. Letter From the Ambassador to Ruritania (Hale) to President "
        "Lowell 1\n\nGrand Fenwick, March 3, 1958.\n\n"
        "The talks on GRAVEL 2 had raised doubts in the capital. The "
        "minister spoke of the 3 ports and of paragraph 4 of the accord.\n\n"
        "Sincerely,\n\nT. R. Hale 3\n\n"
        "Attachment\n\nPaper Prepared in the Office of Fenwick Affairs 4\n\n"
        "The ports were opened in 1957.\n\n"
        "  1. Source: Invented Library, Hale Papers.\n"
        "  2. A code name.\n  3. Hale signed the original.\n"
        "  4. No drafting information.";
    CK_MARKERS(t, { 1, "1\n\nGrand" }, { 2, "2 had raised" },
               { 3, "3\n\nAttachment" }, { 4, "4\n\nThe ports" });
}
END_TEST

/* A spaced number is a marker only where its note's number is due: not a
   quantity, a date, a part's number, a list item, or out of order. */
START_TEST(markers_spaced_not_numbers)
{
    static const char t[] =
        "7. Memorandum for the Record 1\n\nSUBJECT\n\n"
        "The minister raised these points: 2 Tariffs. He met the 2 envoys "
        "on June 2 and read Tab 2 and Resolution 2 of the council; his "
        "aide, No. 2, agreed: 1. Tariffs. 2. Ports.\n\n"
        "Summit.3\n\n"
        "  1. Source: Invented Archives.\n  2. Not cited in the text.\n"
        "  3. Three.";
    CK_MARKERS(t, { 1, "1\n\nSUBJECT" }, { 3, "3\n\n  1." });
}
END_TEST

/* Older volumes number the source note 0: its marker set apart too. */
START_TEST(markers_spaced_source_note_zero)
{
    static const char t[] =
        "12. Telegram From the Legation in Ruritania to the Department of "
        "State 0\n\nStrelsau, May 2, 1954\xe2\x80\x94" "6 p.m.\n\n"
        "The 0 hour passed; the King 1 left.\n\n"
        "  0. Source: Invented Files, 711.00/5\xe2\x80\x93" "254.\n  1. One.";
    CK_MARKERS(t, { 0, "0\n\nStrelsau" }, { 1, "1 left" });
}
END_TEST

/* A marker spaced inside a sentence is taken next to a neighbour's
   marker only: a run of them holds each other up, one alone is a number. */
START_TEST(markers_spaced_needs_a_neighbour)
{
    static const char t1[] =
        "Memorandum1\n\nThe Marshal 2 spoke, the Admiral 3 left and the "
        "General 4 came.5\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.\n  4. Four.\n  5. Five.";
    CK_MARKERS(t1, { 1, "1\n\nThe" }, { 2, "2 spoke" }, { 3, "3 left" },
               { 4, "4 came" }, { 5, "5\n\n  1." });
    static const char t2[] =
        "Memorandum1\n\nThe Marshal spoke, the Admiral 3 left and the "
        "General came.5\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.\n  4. Four.\n  5. Five.";
    CK_MARKERS(t2, { 1, "1\n\nThe" }, { 5, "5\n\n  1." });
}
END_TEST

/* A spaced number that counts what follows it, or numbers a list, is no
   marker; one before a sentence's end is. */
START_TEST(markers_spaced_counting)
{
    static const char t[] =
        "Memorandum1\n\nThe envoy stayed 3 months; the Admiral 2 or 3 "
        "weeks; the Marshal 2 percent, and the Premier 3 divisions, but "
        "the MIRV 2 had raised doubts on the treaty 3. He left: 1) a "
        "note, 2) a map.\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.";
    CK_MARKERS(t, { 1, "1\n\nThe" }, { 2, "2 had" }, { 3, "3. He" });
}
END_TEST

/* Two candidates of the same loose kind for one note: none is taken. */
START_TEST(markers_spaced_ambiguous)
{
    static const char t[] =
        "Memorandum1\n\nThe Marshal 2 spoke with the Admiral 2 at "
        "length.3\n\n  1. Source: x.\n  2. Two.\n  3. Three.";
    CK_MARKERS(t, { 1, "1\n\nThe" }, { 3, "3\n\n  1." });
}
END_TEST

/* A marker glued to a number: a year, a day written after its month, a
   numbered title's number. */
START_TEST(markers_glued_to_numbers)
{
    static const char t[] =
        "88. National Security Study Directive 1171\n\n"
        "Washington, May 4, 1961.\n\n"
        "The accord of December 12, 19582 and the note of Sept. 233 were "
        "read; he signed it in 1960.4 The report of April 30, 19625 came "
        "later.\n\n"
        "  1. Source: Invented Papers.\n  2. Two.\n  3. Three.\n"
        "  4. Four.\n  5. Five.";
    CK_MARKERS(t, { 1, "1\n\nWashington" }, { 2, "2 and the note" },
               { 3, "3 were" }, { 4, "4 The report" }, { 5, "5 came" });
}
END_TEST

/* Glued where the first pass cannot tell: after a date's period inside a
   sentence, after a word of capitals inside a sentence. */
START_TEST(markers_after_dates_and_acronyms)
{
    static const char t[] =
        "Memorandum1\n\nThe pact he signed on March 19.2 and the vote "
        "of 1957.3 on the ORBIT4 program were noted; prices rose 19.5 "
        "percent, the G6 met, and SS-7 missiles left.\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.\n  4. Four.\n  5. Five.\n"
        "  6. Six.\n  7. Seven.";
    CK_MARKERS(t, { 1, "1\n\nThe" }, { 2, "2 and the" }, { 3, "3 on the" },
               { 4, "4 program" });
}
END_TEST

/* Numbers that only look like a number with a marker glued to it. */
START_TEST(markers_glued_to_numbers_not)
{
    static const char t[] =
        "Memorandum1\n\nOn June 23, 1962 the envoy and on May 12 the "
        "minister met; in 19622 troops left; Tab 12 and the cable of Oct 12 "
        "(State 12345) followed.\n\n  1. Source: x.\n  2. Two.";
    CK_MARKERS(t, { 1, "1\n\nOn June" });
}
END_TEST

/* A marker after an ellipsis, or after a page marker and a blank. */
START_TEST(markers_after_ellipsis_and_page)
{
    static const char t[] =
        "Telegram1\n\nBegin text. The parties,.\xe2\x80\xa6" "2 agree that the "
        "Foreign Ministers [Page 44] 3 will meet.\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.";
    CK_MARKERS(t, { 1, "1\n\nBegin" }, { 2, "2 agree" }, { 3, "3 will" });
}
END_TEST

/* The second pass looks only between the neighbours' markers: a note's
   number outside them is left alone, and the page markers and the
   document's number are never markers. */
START_TEST(markers_gap_between_neighbours)
{
    static const char t[] =
        "2. Memorandum From Mr. Grey 1\n\n[Page 2]\n\n"
        "The envoy.3 Then a ship named Ardent 2 sailed.\n\n"
        "  1. Source: x.\n  2. Two.\n  3. Three.";
    CK_MARKERS(t, { 1, "1\n\n[Page" }, { 3, "3 Then" });
}
END_TEST

/* ---- pages ------------------------------------------------------------ */

START_TEST(pages_inline_and_in_words)
{
    static const char t[] =
        "to organize the [Page 1039] work ahead. a matter of bilat[Page 1003]eral "
        "concern.\n\n[Page 1005]\n\nHorowitz [Page ] [page 3] [Page 12x [Page XII]";
    cite_pages pages = { 0 };
    ck_assert_int_eq(cite_find_pages(T(t), &pages), 0);
    ck_assert_uint_eq(pages.len, 4);
    ck_range(t, pages.v[0].start, pages.v[0].end, "[Page 1039]");
    ck_range(t, pages.v[0].n_start, pages.v[0].n_end, "1039");
    ck_range(t, pages.v[1].start, pages.v[1].end, "[Page 1003]");
    ck_range(t, pages.v[2].n_start, pages.v[2].n_end, "1005");
    ck_range(t, pages.v[3].n_start, pages.v[3].n_end, "XII");
    cite_free(&pages);
}
END_TEST

/* ---- xrefs ------------------------------------------------------------ */

static const char id255[] = "frus1981-88v05/d255";

/* The target and volume of X as strings, for comparison. */
static void ck_target(const cite_xref *x, const char *id, const char *target,
                      const char *volume)
{
    char buf[128];
    size_t n = cite_xref_target(x, id, strlen(id), buf, sizeof buf);
    ck_assert_uint_eq(n, strlen(target));
    ck_assert_str_eq(buf, target);
    n = cite_xref_volume(x, id, strlen(id), buf, sizeof buf);
    ck_assert_str_eq(buf, volume);
    ck_assert_uint_eq(n, strlen(volume));
}

START_TEST(xrefs_documents)
{
    static const char t[] =
        "  2. See Document 254.\n"
        "  3. Horowitz; see Documents 65 and 66 and Foreign Relations, "
        "1981\xe2\x80\x93" "1988, vol. IV, Soviet Union, January 1983\xe2\x80\x93March 1985, "
        "Documents 163 and 180.\n"
        "  4. See footnote 3, Document 236 and Document 238.\n"
        "  5. It is printed as Document 7; compare Document 41, footnote 3.";
    cite_xrefs x = { 0 };
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 9);
    ck_range(t, x.v[0].start, x.v[0].end, "Document 254");
    ck_target(&x.v[0], id255, "frus1981-88v05/d254", "");
    ck_range(t, x.v[1].start, x.v[1].end, "Documents 65");
    ck_range(t, x.v[2].start, x.v[2].end, "66");
    ck_target(&x.v[2], id255, "frus1981-88v05/d66", "");
    ck_assert_uint_eq(x.v[3].start, at(T(t), "Foreign Relations"));
    ck_assert_uint_eq(x.v[3].end, at(T(t), " and 180"));
    ck_target(&x.v[3], id255, "frus1981-88v04/d163", "frus1981-88v04");
    ck_range(t, x.v[4].start, x.v[4].end, "180");
    ck_target(&x.v[4], id255, "frus1981-88v04/d180", "frus1981-88v04");
    ck_range(t, x.v[5].start, x.v[5].end, "footnote 3, Document 236");
    ck_assert_uint_eq(x.v[5].note, 3);
    ck_target(&x.v[5], id255, "frus1981-88v05/d236", "");
    ck_range(t, x.v[6].start, x.v[6].end, "Document 238");
    ck_range(t, x.v[7].start, x.v[7].end, "Document 7");
    ck_range(t, x.v[8].start, x.v[8].end, "Document 41, footnote 3");
    ck_assert_uint_eq(x.v[8].note, 3);
    ck_assert_uint_eq(x.v[8].doc, 41);
    /* Without a VOLUME/dNNN id the target is the bare document. */
    ck_target(&x.v[0], "memo.txt", "d254", "");
    cite_free(&x);
}
END_TEST

/* A list of documents that ends in an appendix: one xref for each item. */
START_TEST(xrefs_list_ending_in_appendix)
{
    static const char t[] =
        "  2. See Documents 14, 15, 92, and Appendix B.\n"
        "  3. Foreign Relations, 1958\xe2\x80\x93" "1960, vol. X, Ruritania, "
        "Documents 8 and Appendix IV; Documents 3 and Appendices; "
        "Documents 5 and Appendix Bravo.";
    cite_xrefs x = { 0 };
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 8);
    ck_range(t, x.v[2].start, x.v[2].end, "92");
    ck_range(t, x.v[3].start, x.v[3].end, "Appendix B");
    ck_assert_int_eq(x.v[3].kind, CITE_XREF_APPENDIX);
    ck_target(&x.v[3], id255, "frus1981-88v05/appendix-b", "");
    ck_target(&x.v[3], "memo.txt", "appendix-b", "");
    ck_range(t, x.v[5].start, x.v[5].end, "Appendix IV");
    ck_target(&x.v[5], id255, "frus1958-60v10/appendix-iv", "frus1958-60v10");
    /* "Appendices" and "Appendix Bravo" name no one appendix. */
    ck_range(t, x.v[6].start, x.v[6].end, "Documents 3");
    ck_range(t, x.v[7].start, x.v[7].end, "Documents 5");
    cite_free(&x);
}
END_TEST

START_TEST(xrefs_footnotes_and_volumes)
{
    static const char t[] =
        "  3. See footnote 2, above.\n"
        "  4. Teller is scheduled for publication in Foreign Relations, "
        "1981\xe2\x80\x93" "1988, vol. XLIII, National Security Policy, 1981\xe2\x80\x93" "1984.\n"
        "  7. See Foreign Relations, 1969\xe2\x80\x93" "1976, vol. XIII, Soviet Union, "
        "October 1970\xe2\x80\x93October 1971, Document 320.\n"
        "  8. It is printed in volume IV, Document 3, and in Part 1, Documents "
        "56 and 57; see also Foreign Relations, 1969\xe2\x80\x93" "76, vol. E\xe2\x80\x93" "15, "
        "Part 2, Documents on Eastern Europe, 1973\xe2\x80\x93" "1976, Document 12.";
    cite_xrefs x = { 0 };
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 7);
    ck_range(t, x.v[0].start, x.v[0].end, "footnote 2");
    ck_assert_int_eq(x.v[0].kind, CITE_XREF_SELF);
    ck_assert_uint_eq(x.v[0].note, 2);
    ck_target(&x.v[0], id255, id255, "");
    ck_range(t, x.v[1].start, x.v[1].end,
             "Foreign Relations, 1981\xe2\x80\x93" "1988, vol. XLIII, National "
             "Security Policy, 1981\xe2\x80\x93" "1984");
    ck_assert_int_eq(x.v[1].kind, CITE_XREF_VOLUME);
    ck_target(&x.v[1], id255, "frus1981-88v43", "frus1981-88v43");
    ck_assert_uint_eq(x.v[2].start, at(T(t), "Foreign Relations, 1969"));
    ck_assert_uint_eq(x.v[2].end, at(T(t), ".\n  8."));
    ck_target(&x.v[2], id255, "frus1969-76v13/d320", "frus1969-76v13");
    ck_range(t, x.v[3].start, x.v[3].end, "volume IV, Document 3");
    ck_target(&x.v[3], id255, "frus1981-88v04/d3", "frus1981-88v04");
    ck_range(t, x.v[4].start, x.v[4].end, "Part 1, Documents 56");
    ck_target(&x.v[4], "frus1958-60v10p2/d7", "frus1958-60v10p1/d56",
              "frus1958-60v10p1");
    ck_range(t, x.v[5].start, x.v[5].end, "57");
    ck_target(&x.v[6], id255, "frus1969-76ve15p2/d12", "frus1969-76ve15p2");
    cite_free(&x);
}
END_TEST

START_TEST(xrefs_not_references)
{
    static const char t[] =
        "The document 254 pages long. Documents were exchanged. Footnotes "
        "follow. Foreign Relations series. The volume was thick. Part of it.";
    cite_xrefs x = { 0 };
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 0);
    cite_free(&x);
}
END_TEST

/* A text may start with a word the scanner looks at ("Dear", "Paris",
 * "Foreign", "volume"): no reference there is not a failure (found by
 * tests/fuzz, regressions/stages/xref-at-start), and one there is found. */
START_TEST(xrefs_at_text_start)
{
    static const char *const none[] = { "v", "Dear Sir,", "Paris, July 8", "Foreign policy",
                                        "footnotes follow", "Foreign Relations.",
                                        "volume IV, page 3", "Part 1, page 2" };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        cite_xrefs x = { 0 };
        ck_assert_int_eq(cite_find_xrefs(none[i], strlen(none[i]), &x), 0);
        ck_assert_uint_eq(x.len, 0);
        cite_free(&x);
    }
    static const char t[] = "Document 254 and footnote 2, above.";
    cite_xrefs x = { 0 };
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 2);
    ck_range(t, x.v[0].start, x.v[0].end, "Document 254");
    ck_range(t, x.v[1].start, x.v[1].end, "footnote 2");
    cite_free(&x);
}
END_TEST

/* A target longer than the buffer is cut but its full length returned. */
START_TEST(xrefs_target_truncated)
{
    static const char t[] = "See footnote 2, above.";
    cite_xrefs x = { 0 };
    char buf[4];
    ck_assert_int_eq(cite_find_xrefs(T(t), &x), 0);
    ck_assert_uint_eq(x.len, 1);
    ck_assert_uint_eq(cite_xref_target(&x.v[0], id255, strlen(id255), buf,
                                       sizeof buf), strlen(id255));
    ck_assert_str_eq(buf, "fru");
    cite_free(&x);
}
END_TEST

/* ---- archival --------------------------------------------------------- */

/* Find the archival citations of a whole note. */
static void archival_of(const char *t, size_t len, cite_archs *out)
{
    ck_assert_int_eq(cite_find_archival(t, 0, len, out), 0);
}

static void ck_arch(const char *t, const cite_arch *a, cite_arch_kind kind,
                    const char *span, const char *value)
{
    ck_assert_str_eq(cite_arch_kind_name(a->kind), cite_arch_kind_name(kind));
    ck_range(t, a->start, a->end, span);
    ck_range(t, a->v_start, a->v_end, value);
}

START_TEST(archival_source_note)
{
    static const char t[] =
        "Source: Department of State, Ambassador Nitze\xe2\x80\x99s Personal Files "
        "1953, 1972\xe2\x80\x93" "1989, Lot 90D397, July\xe2\x80\x93" "August 1986. Secret; "
        "Sensitive. Drafted by Burton. The meeting took place in the EUR "
        "Conference Room.";
    cite_archs a = { 0 };
    archival_of(T(t), &a);
    ck_assert_uint_eq(a.len, 4);
    ck_assert_int_eq(a.v[0].kind, CITE_ARCH_COLLECTION);
    ck_assert_uint_eq(a.v[0].start, at(T(t), "Department"));
    ck_assert_uint_eq(a.v[0].end, at(T(t), ". Secret"));
    ck_arch(t, &a.v[1], CITE_ARCH_LOT, "Lot 90D397", "90D397");
    ck_arch(t, &a.v[2], CITE_ARCH_CLASSIFICATION, "Secret; Sensitive",
            "Secret; Sensitive");
    ck_arch(t, &a.v[3], CITE_ARCH_DRAFTED, "Drafted by Burton", "Burton");
    cite_free(&a);
}
END_TEST

START_TEST(archival_telegrams_and_numbers)
{
    static const char t[] =
        "In telegram 166678 to Moscow, May 28, the Department provided a "
        "summary. (Department of State, Central Foreign Policy File, "
        "Electronic Telegrams, D860410\xe2\x80\x93" "0575) Telegram 11617 from Moscow, "
        "July 9, 1986, is attached.";
    cite_archs a = { 0 };
    archival_of(T(t), &a);
    ck_assert_uint_eq(a.len, 4);
    ck_arch(t, &a.v[0], CITE_ARCH_TELEGRAM,
            "telegram 166678 to Moscow, May 28", "166678");
    ck_arch(t, &a.v[1], CITE_ARCH_COLLECTION,
            "Department of State, Central Foreign Policy File, Electronic "
            "Telegrams, D860410\xe2\x80\x93" "0575",
            "Department of State, Central Foreign Policy File, Electronic "
            "Telegrams, D860410\xe2\x80\x93" "0575");
    ck_arch(t, &a.v[2], CITE_ARCH_DOCNUM, "D860410\xe2\x80\x93" "0575",
            "D860410\xe2\x80\x93" "0575");
    ck_arch(t, &a.v[3], CITE_ARCH_TELEGRAM,
            "Telegram 11617 from Moscow, July 9, 1986", "11617");
    cite_free(&a);
}
END_TEST

/* FRUS 1958–60, vol. X, Part 2: decimal files and spaced lot numbers. */
START_TEST(archival_files_and_lots)
{
    static const char t[] =
        "Source: Department of State, EE Files: Lot 67 D 238, GATT July 1\xe2\x80\x93"
        "Dec. 31, 1958. Confidential. Drafted by Colbert on October 13. "
        "(Ibid., 611.61/12\xe2\x80\x93" "358) See also 033.1100\xe2\x80\x93HU/12\xe2\x80\x93" "1858 "
        "and P850123-4567.";
    cite_archs a = { 0 };
    archival_of(T(t), &a);
    ck_assert_uint_eq(a.len, 7);
    ck_assert_int_eq(a.v[0].kind, CITE_ARCH_COLLECTION);
    ck_arch(t, &a.v[1], CITE_ARCH_LOT, "Lot 67 D 238", "67 D 238");
    ck_arch(t, &a.v[2], CITE_ARCH_CLASSIFICATION, "Confidential",
            "Confidential");
    ck_arch(t, &a.v[3], CITE_ARCH_DRAFTED, "Drafted by Colbert on October 13",
            "Colbert on October 13");
    ck_arch(t, &a.v[4], CITE_ARCH_FILE, "611.61/12\xe2\x80\x93" "358",
            "611.61/12\xe2\x80\x93" "358");
    ck_arch(t, &a.v[5], CITE_ARCH_FILE, "033.1100\xe2\x80\x93HU/12\xe2\x80\x93" "1858",
            "033.1100\xe2\x80\x93HU/12\xe2\x80\x93" "1858");
    ck_arch(t, &a.v[6], CITE_ARCH_DOCNUM, "P850123-4567", "P850123-4567");
    cite_free(&a);
}
END_TEST

/* ---- editorial -------------------------------------------------------- */

START_TEST(editorial_brackets)
{
    static const char t[] =
        "a treaty [i.e., the Outer Space Treaty] on this; centers [NRCC], the "
        "[Page 1039] work [less than 1 line not declassified] and [unclosed\n"
        "line] and [] [a [nested] one]";
    cite_ranges r = { 0 };
    ck_assert_int_eq(cite_find_editorial(T(t), &r), 0);
    ck_assert_uint_eq(r.len, 4);
    ck_range(t, r.v[0].start, r.v[0].end, "[i.e., the Outer Space Treaty]");
    ck_range(t, r.v[1].start, r.v[1].end, "[NRCC]");
    ck_range(t, r.v[2].start, r.v[2].end, "[less than 1 line not declassified]");
    ck_range(t, r.v[3].start, r.v[3].end, "[nested]");
    cite_free(&r);
}
END_TEST

/* ---- text helpers ------------------------------------------------------ */

START_TEST(text_decoding)
{
    static const char t[] = "a\xe2\x80\x99" "b\xff";
    size_t s, n;
    ck_assert_int_eq(cite_prev_cp(t, 4, &s), 0x2019);
    ck_assert_uint_eq(s, 1);
    ck_assert_int_eq(cite_next_cp(t, 6, 1, &n), 0x2019);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(cite_next_cp(t, 6, 5, &n), -1);   /* invalid byte */
    ck_assert_int_eq(cite_next_cp(t, 3, 1, &n), -1);   /* cut short */
    ck_assert_int_eq(cite_prev_cp(t, 0, &s), -1);
    unsigned long v;
    ck_assert_uint_eq(cite_read_number("0123", 4, 0, 3, &v), 0);
    ck_assert_uint_eq(cite_read_number("1234", 4, 0, 3, &v), 0);
    ck_assert_uint_eq(cite_read_number("123x", 4, 0, 3, &v), 3);
    ck_assert_uint_eq(v, 123);
}
END_TEST

static Suite *citations_suite(void)
{
    Suite *s = suite_create("citations rules");
    TCase *tc = tcase_create("notes");
    tcase_add_test(tc, notes_block_at_end);
    tcase_add_test(tc, notes_not_numbered_paragraphs);
    tcase_add_test(tc, notes_with_numbered_lines_inside);
    tcase_add_test(tc, notes_numbered_from_zero);
    tcase_add_test(tc, notes_none);
    suite_add_tcase(s, tc);
    tc = tcase_create("markers");
    tcase_add_test(tc, markers_d255);
    tcase_add_test(tc, markers_after_punctuation);
    tcase_add_test(tc, markers_not_digits_of_text);
    tcase_add_test(tc, markers_after_numbers);
    tcase_add_test(tc, markers_without_note);
    tcase_add_test(tc, markers_across_nul);
    tcase_add_test(tc, markers_spaced);
    tcase_add_test(tc, markers_spaced_not_numbers);
    tcase_add_test(tc, markers_spaced_ambiguous);
    tcase_add_test(tc, markers_spaced_counting);
    tcase_add_test(tc, markers_spaced_needs_a_neighbour);
    tcase_add_test(tc, markers_spaced_source_note_zero);
    tcase_add_test(tc, markers_glued_to_numbers);
    tcase_add_test(tc, markers_glued_to_numbers_not);
    tcase_add_test(tc, markers_after_dates_and_acronyms);
    tcase_add_test(tc, markers_after_ellipsis_and_page);
    tcase_add_test(tc, markers_gap_between_neighbours);
    suite_add_tcase(s, tc);
    tc = tcase_create("pages");
    tcase_add_test(tc, pages_inline_and_in_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("xrefs");
    tcase_add_test(tc, xrefs_documents);
    tcase_add_test(tc, xrefs_list_ending_in_appendix);
    tcase_add_test(tc, xrefs_footnotes_and_volumes);
    tcase_add_test(tc, xrefs_not_references);
    tcase_add_test(tc, xrefs_target_truncated);
    tcase_add_test(tc, xrefs_at_text_start);
    suite_add_tcase(s, tc);
    tc = tcase_create("archival");
    tcase_add_test(tc, archival_source_note);
    tcase_add_test(tc, archival_telegrams_and_numbers);
    tcase_add_test(tc, archival_files_and_lots);
    suite_add_tcase(s, tc);
    tc = tcase_create("editorial");
    tcase_add_test(tc, editorial_brackets);
    tcase_add_test(tc, text_decoding);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(citations_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
