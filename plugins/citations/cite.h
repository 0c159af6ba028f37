/*
 * cite.h — the rules of the citations stage, apart from its plumbing.
 *
 * Every rule is a pure function over a UTF-8 byte buffer given as pointer and
 * length: the buffer may hold NUL bytes and is never assumed NUL-terminated.
 * Results are byte ranges into that buffer, collected in growable arrays the
 * caller owns (zero-initialise them; free them with cite_free()).  Nothing
 * here knows about jansson or spanpipe documents, so the rules can be tested
 * alone and reused by any driver.
 *
 * A rule returns 0, or -1 when memory ran out (what it found so far stays in
 * its array).  All rules run in time linear in the size of the range scanned.
 */
#ifndef CITE_H
#define CITE_H

#include <stddef.h>
#include <stdlib.h>

#include "../common/sparray.h"
#include "cite_chars.h"

/* ---- growable arrays -------------------------------------------------- */

/* Declare an array type NAME of ITEM with its push function NAME_push(),
 * which makes room for one more item (spt_grow(), plugins/common/sparray.h)
 * and returns it, or NULL when memory ran out (the array is then unchanged). */
#define CITE_ARRAY(NAME, ITEM)                                              \
    typedef struct NAME { ITEM *v; size_t len, cap; } NAME;                 \
    static inline ITEM *NAME##_push(NAME *a)                                \
    {                                                                       \
        void *p = a->v;                                                     \
        if (spt_grow(&p, &a->cap, a->len, sizeof(ITEM)) < 0)                \
            return NULL;                                                    \
        a->v = p;                                                           \
        return &a->v[a->len++];                                             \
    }

/* Free the items of any CITE_ARRAY and empty it. */
#define cite_free(a) ((void)(free((a)->v), (a)->v = NULL, (a)->len = 0, (a)->cap = 0))

/* ---- notes (notes.c) and their markers (markers.c) --------------------- */

/* A footnote in the notes block: "  3. In telegram 166678 ..." */
typedef struct cite_note {
    size_t start, end;      /* its text after the number, blanks trimmed */
    size_t line;            /* where its line starts (the notes block starts at
                               the first note's line) */
    unsigned n;             /* its number */
    int cited;              /* set by cite_find_markers() when a marker cites it */
} cite_note;
CITE_ARRAY(cite_notes, cite_note)

/*
 * Find the numbered footnotes "N. text" at the end of TEXT[0, LEN): a run of
 * lines, equally indented, numbered 1, 2, ... up to the last numbered line.
 * The search stays inside [FROM, TO) (e.g. the `notes` section a segmenter
 * found; 0 and LEN when none is known) and notes end at TO.  Appends them in
 * order to OUT; finds nothing when there is no such run.
 */
int cite_find_notes(const char *text, size_t len, size_t from, size_t to,
                    cite_notes *out);

/* A footnote marker glued to the text: the "2" of "Moscow.2". */
typedef struct cite_ref {
    size_t start, end;      /* the digits */
    unsigned n;
    long note;              /* index into the notes, or -1 when none has N */
} cite_ref;
CITE_ARRAY(cite_refs, cite_ref)

/*
 * Find the footnote markers in TEXT[0, END) (END: where the notes block
 * starts) and resolve them to NOTES, whose `cited` flags it sets.  Markers are
 * numbered in reading order, which is what tells "Moscow.2" (a marker) from
 * "the 1972 Treaty" or "July 29–30" (text).  A note no glued marker cites is
 * then looked for between its neighbours' markers in looser shapes ("Nixon
 * 1" ending a line, "MIRV 3 had", "September 247").  Appends them in order
 * to OUT.
 */
int cite_find_markers(const char *text, size_t end, cite_notes *notes,
                      cite_refs *out);

/* ---- page markers (pages.c) --------------------------------------------- */

/* "[Page 1039]", n = "1039" */
typedef struct cite_page {
    size_t start, end;
    size_t n_start, n_end;  /* the page number as written */
} cite_page;
CITE_ARRAY(cite_pages, cite_page)

int cite_find_pages(const char *text, size_t len, cite_pages *out);

/* ---- cross-references (xrefs.c) ------------------------------------------ */

/*
 * A FRUS volume: frus1981-88v04 is years 1981 to 1988, volume 4; letter 'e'
 * and part 2 make frus1969-76ve15p2.  y1 == 0 means "the years of the volume
 * the citing document belongs to" ("in volume IV, Document 3"); y1 == 0 and
 * number == 0 mean "another part of the citing volume" ("Part 1, Document 5").
 */
typedef struct cite_volume {
    unsigned y1, y2;        /* y2 == 0: a single year (frus1948v01) */
    unsigned number;
    char letter;            /* 0, or a lower-case letter for "vol. E–15" */
    unsigned part;          /* 0 when none */
} cite_volume;

typedef enum cite_xref_kind {
    CITE_XREF_DOCUMENT,     /* "Document 254", maybe with a footnote/volume */
    CITE_XREF_SELF,         /* "footnote 2, above": the citing document */
    CITE_XREF_VOLUME,       /* a volume named alone */
    CITE_XREF_APPENDIX      /* "Appendix A" ending a list of documents */
} cite_xref_kind;

typedef struct cite_xref {
    size_t start, end;      /* the words naming one document, or one volume */
    cite_xref_kind kind;
    unsigned long doc;      /* the document number (CITE_XREF_DOCUMENT) */
    unsigned long note;     /* footnote number, 0 when no footnote is named */
    int has_volume;
    cite_volume volume;
    char appendix[8];       /* CITE_XREF_APPENDIX: its label, "A" or "II" */
} cite_xref;
CITE_ARRAY(cite_xrefs, cite_xref)

/*
 * Find the cross-references in TEXT[0, LEN): "Document 254", "Documents 65
 * and 66" (one each), "footnote 2, Document 237", "Document 41, footnote 3",
 * "footnote 2, above", "Foreign Relations, 1981–1988, vol. IV, ...,
 * Document 163", "volume IV, Document 3", volumes named alone, and an
 * appendix ending a list of documents ("Documents 134, 221, and Appendix A").
 */
int cite_find_xrefs(const char *text, size_t len, cite_xrefs *out);

/*
 * Write the id of the volume X names, or "" when it names none, into BUF of
 * SIZE bytes (NUL-terminated, truncated to fit), as snprintf() does; returns
 * the length the whole id needs.  DOC_ID (ID_LEN bytes) is the citing
 * document's id, whose volume ("frus1981-88v05/d255") gives the years a bare
 * "volume IV" lacks and the volume a bare "Document 254" lies in.
 */
size_t cite_xref_volume(const cite_xref *x, const char *doc_id, size_t id_len,
                        char *buf, size_t size);

/*
 * Likewise the document X targets: "VOLUME/dN" when the volume is known,
 * "dN" otherwise, and DOC_ID itself for the citing document; an appendix
 * is "VOLUME/appendix-a" (its label in lower case), or "appendix-a".
 */
size_t cite_xref_target(const cite_xref *x, const char *doc_id, size_t id_len,
                        char *buf, size_t size);

/* ---- archival citations (archival.c) ------------------------------------ */

typedef enum cite_arch_kind {
    CITE_ARCH_TELEGRAM,     /* "telegram 166678 to Moscow, May 28" */
    CITE_ARCH_LOT,          /* "Lot 90D397" */
    CITE_ARCH_DOCNUM,       /* "D860410–0575" */
    CITE_ARCH_FILE,         /* a decimal file: "611.61/12–358" */
    CITE_ARCH_COLLECTION,   /* "Department of State, Central Foreign Policy File, ..." */
    CITE_ARCH_CLASSIFICATION, /* "Secret; Sensitive" */
    CITE_ARCH_DRAFTED,      /* "Drafted by Burton" */
    CITE_ARCH_CLEARED,
    CITE_ARCH_APPROVED
} cite_arch_kind;

/* The attribute value of each kind: "telegram", "lot", ... */
const char *cite_arch_kind_name(cite_arch_kind kind);

typedef struct cite_arch {
    size_t start, end;
    cite_arch_kind kind;
    size_t v_start, v_end;  /* the value: the number, the names, ... */
} cite_arch;
CITE_ARRAY(cite_archs, cite_arch)

/*
 * Find archival citations in TEXT[FROM, TO) — meant for one footnote's text
 * (source notes name collections, classification and drafters).  Appends
 * them in order of start.
 */
int cite_find_archival(const char *text, size_t from, size_t to,
                       cite_archs *out);

/* ---- editorial insertions (editorial.c) --------------------------------- */

typedef struct cite_range {
    size_t start, end;
} cite_range;
CITE_ARRAY(cite_ranges, cite_range)

/*
 * Find bracketed editorial insertions in TEXT[0, LEN): "[i.e., the Outer
 * Space Treaty]", "[NRCC]", "[less than 1 line not declassified]" — every
 * bracket pair on one line except page markers.
 */
int cite_find_editorial(const char *text, size_t len, cite_ranges *out);

/* ---- character helpers: cite_chars.h, included above ------------------ */

#endif
