/* docwrite.h — a document as one JSON Lines record (docs/format.md). */
#ifndef SPANPIPE_DOCWRITE_H
#define SPANPIPE_DOCWRITE_H

#include "doc/doc_internal.h"

/*
 * Append DOC to OUT as one line of JSON ending in "\n": "id", "text", the
 * other top-level keys of the input in their order, "layers", "spans" (offsets
 * in code points).  The same document always gives the same bytes.
 */
void doc_write_json(sp_doc *doc, buf *out);

/* Append the JSON value V in compact form (jansson's JSON_COMPACT). */
void spi_json_add_value(buf *out, const json_t *v);

#endif
