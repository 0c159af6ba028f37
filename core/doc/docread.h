/* docread.h — turning an input record into a document (docs/format.md). */
#ifndef SPANPIPE_DOCREAD_H
#define SPANPIPE_DOCREAD_H

#include "doc/doc_internal.h"

/*
 * Parse LINE[0..LEN), one JSON Lines record.  A document without "id" gets
 * DEFAULT_ID.  Returns a new document owned by the caller, or NULL with what
 * is wrong appended to ERR (without file or line: the caller knows them).
 */
sp_doc *doc_from_json(const char *line, size_t len, const char *default_id, buf *err);

/*
 * The "id" of the record LINE[0..LEN), appended to ID, without reading the
 * rest of it into a document: for deciding cheaply whether a record is ours
 * (--shard).  Returns 1 when the record is an object with a string id, else 0
 * (no id, or not a document: the full read will say what is wrong).
 */
int doc_peek_id(const char *line, size_t len, buf *id);

/*
 * Make a document of the plain text TEXT[0..LEN) (borrowed: it must outlive
 * the document) with the id ID (copied).  Returns NULL with a message in ERR
 * when the text is not valid UTF-8.
 */
sp_doc *doc_from_text(const char *text, size_t len, const char *id, buf *err);

#endif
