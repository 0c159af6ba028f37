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
} nest_events;

/*
 * Walk DOC with the spans for which KEEP(KCTX, span) returns non-zero (every
 * span when KEEP is NULL), calling EV's callbacks with CTX.  Returns 0, or -1
 * when out of memory (events up to then were delivered).  Time: linear in the
 * text and the spans, times the depth of nesting at each boundary.
 */
int nest_walk(const sp_doc *doc, int (*keep)(void *kctx, const sp_span *span),
              void *kctx, const nest_events *ev, void *ctx);

#endif
