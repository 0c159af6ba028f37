/*
 * spanpipe/document.h — a document as a plugin sees it: text, spans, metadata.
 *
 * Offsets.  Inside spanpipe every offset is a UTF-8 byte offset into the
 * document's text: a span covers text[start, end).  The core converts from and
 * to the Unicode code points of the JSON form (docs/format.md) at the edge, so
 * a plugin never counts characters.
 *
 * Ownership.  The core owns every document and everything reachable from it.
 * Pointers a getter returns are borrowed: valid while the callback that was
 * handed the document runs, never to be freed or kept past it.  Functions that
 * take a json_t * "steal" it (take over the caller's reference), whether they
 * succeed or not, as jansson's *_new functions do.
 *
 * Threads.  A document is processed by one thread at a time; different
 * documents are processed on different threads at once.  Nothing here touches
 * global state, so all of it is safe to call from a plugin's process callback.
 *
 * What a stage sees.  The spans a document had when the stage started (from
 * the input and from earlier stages) are visible through sp_doc_span(),
 * sp_doc_first() and sp_doc_next(), in output order: by start, then longer
 * first, then layer name.  The spans the stage adds are kept apart and join the
 * document when the stage returns, so adding never disturbs an iteration.
 */
#ifndef SPANPIPE_DOCUMENT_H
#define SPANPIPE_DOCUMENT_H

#include <stddef.h>
#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque: a document being processed. */
typedef struct sp_doc sp_doc;

/*
 * A span as a stage reads it.  Read-only.  Fields may be added at the end in a
 * minor ABI version, so only ever use pointers the core hands out; never
 * declare, copy or index arrays of sp_span yourself.
 */
typedef struct sp_span {
    size_t start;          /* first byte of the span in the text */
    size_t end;            /* one past its last byte; start <= end */
    const char *layer;     /* e.g. "sentence" */
    const char *id;        /* unique in the document, e.g. "sentence.3" */
    const json_t *attrs;   /* a JSON object, or NULL when the span has none */
} sp_span;

/*
 * The document's id (NUL-terminated; *LEN, when LEN is not NULL, receives its
 * length in bytes, which counts past an embedded NUL).  Never NULL: a document
 * without an id in the input was given "FILE:LINE".
 */
const char *sp_doc_id(const sp_doc *doc, size_t *len);

/*
 * The document's text as UTF-8, always valid and NUL-terminated; *LEN receives
 * its length in bytes.  The text may itself contain NUL characters (U+0000):
 * use *LEN, not strlen(), to find its end.
 */
const char *sp_doc_text(const sp_doc *doc, size_t *len);

/* The document's "meta" value, or NULL when it has none.  Borrowed. */
const json_t *sp_doc_meta(const sp_doc *doc);

/*
 * The offset in Unicode code points (the unit of the JSON form, docs/format.md)
 * of the byte offset BYTE, which must be on a character boundary and at most
 * the text's length.  Costs a table look-up and a count over at most 63
 * bytes; the table is built on the first call for a document that is not
 * ASCII.  Since ABI 1.1.
 */
size_t sp_doc_char_offset(const sp_doc *doc, size_t byte);

/* How many spans the document had when the current stage started. */
size_t sp_doc_span_count(const sp_doc *doc);

/* The I-th of those spans in output order, or NULL when I is out of range. */
const sp_span *sp_doc_span(const sp_doc *doc, size_t i);

/*
 * Iterate over one layer in output order:
 *     for (const sp_span *s = sp_doc_first(doc, "sentence"); s;
 *          s = sp_doc_next(doc, s)) ...
 * sp_doc_first() returns NULL when the layer has no span; sp_doc_next() returns
 * the next span of the same layer as SPAN, or NULL after the last.  Each step
 * costs O(1).
 */
const sp_span *sp_doc_first(const sp_doc *doc, const char *layer);
const sp_span *sp_doc_next(const sp_doc *doc, const sp_span *span);

/* The span whose id is ID, or NULL.  O(1) on average. */
const sp_span *sp_doc_find(const sp_doc *doc, const char *id);

/*
 * Add a span of LAYER over the bytes [START, END) of the text, with ATTRS (a
 * JSON object, stolen; NULL for none).  LAYER must be one the stage declares
 * in its descriptor's `produces`.
 *
 * The span gets the id "LAYER.N", where N counts the spans of that layer the
 * stage has added to this document, from 0.  The format (docs/format.md) wants N in order of
 * start, so add the spans of each layer in order of start (other spans' ids
 * stay valid whatever the order).
 *
 * Returns the new id, owned by the document and valid until it is freed (so it
 * can go into another span's attrs: json_string(id)).  Returns NULL when the
 * span is invalid: START > END, END past the text, an offset inside a UTF-8
 * character, a layer the stage does not produce, ATTRS not an object.  The
 * violation is recorded and the document then fails with a message naming the
 * stage, whatever process() returns; a stage may simply stop and return -1.
 */
const char *sp_doc_add(sp_doc *doc, const char *layer, size_t start, size_t end,
                       json_t *attrs);

/*
 * Like sp_doc_add(), with the id chosen by the stage.  ID is copied.  A
 * duplicate of an id the document already has (or the stage added) is a
 * violation, reported as for sp_doc_add().
 */
const char *sp_doc_add_with_id(sp_doc *doc, const char *layer, const char *id,
                               size_t start, size_t end, json_t *attrs);

#ifdef __cplusplus
}
#endif
#endif
