/*
 * nest.h — a document's spans as properly nested elements, for the inline
 * formats (HTML, TEI).
 *
 * Standoff spans may cross ("a sentence that starts in one paragraph and ends
 * in the next", a page marker inside a word); inline markup may not.  The walk
 * turns the spans into a sequence of open / text / close events that nest:
 * longer spans outside shorter ones, and a span that crosses an enclosing
 * element's end is closed there and opened again after it, as a further part.
 * Every character of the text is handed over exactly once, in order, so the
 * text of the markup is the document's text.
 *
 * Splitting costs a part per enclosing element a span crosses, which for
 * spans that overlap in long chains (sliding windows) grows with the square of
 * the spans.  A format that can point at places in the text gives an ANCHOR
 * callback instead: then the spans that nest stay elements, exactly as they
 * would be without it, and each span that would cross one of them (one that
 * starts inside an element and ends after it, taken in output order) is
 * handed over as two anchors, at its start and at its end, for standoff.  The
 * events are then linear in the spans.
 */
#ifndef SPANPIPE_CLI_NEST_H
#define SPANPIPE_CLI_NEST_H

#include <spanpipe/document.h>

typedef struct nest_events {
    /* Bytes [0..N) of the text at S, between two events. */
    void (*text)(void *ctx, const char *s, size_t n);
    /* A span's element opens: PART 0 for its first (or only) part, 1, 2, ...
     * for the parts after a split. */
    void (*open)(void *ctx, const sp_span *span, unsigned part);
    /* It closes: LAST is 1 at the span's end, 0 when it is split here and
     * will be opened again.  An empty span is opened and closed at once. */
    void (*close)(void *ctx, const sp_span *span, unsigned part, int last);
    /* Optional: a crossing span's start (AT_END 0) or end (1), between the
     * elements that close and those that open at that place; ends come
     * before starts.  NULL: crossing spans are split. */
    void (*anchor)(void *ctx, const sp_span *span, int at_end);
} nest_events;

/*
 * Walk DOC with the spans for which KEEP(KCTX, span) returns non-zero (every
 * span when KEEP is NULL), calling EV's callbacks with CTX.  Returns 0, or -1
 * when out of memory (events up to then were delivered).  Time: linear in the
 * text and the spans, times the depth of nesting at each boundary (with an
 * ANCHOR callback: of the spans that nest), plus sorting the crossing ones.
 */
int nest_walk(const sp_doc *doc, int (*keep)(void *kctx, const sp_span *span),
              void *kctx, const nest_events *ev, void *ctx);

#endif
