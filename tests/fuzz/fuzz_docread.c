/*
 * fuzz_docread.c — a JSON Lines record of arbitrary bytes, read and written.
 *
 * doc_from_json() must refuse what is not a document with a reason, and what
 * it accepts must survive a round trip: writing it gives one line that reads
 * back as a document, and writing that gives the same bytes.  The output is
 * what the next stage of a shell pipeline reads, so a document that cannot
 * be read back, or changes when it is, would be lost or altered downstream.
 * Bytes that are valid UTF-8 also go through doc_from_text(), the plain-text
 * input, under the same round trip.
 */
#include "fuzz.h"
#include "doc/docread.h"
#include "doc/docwrite.h"
#include "base/utf8.h"

#include <string.h>

/* Write DOC, read the line back, write it again: the same bytes twice. */
static void round_trip(sp_doc *doc)
{
    buf out1 = BUF_INIT, out2 = BUF_INIT, err = BUF_INIT;
    doc_write_json(doc, &out1);
    FUZZ_ASSERT(out1.len > 0 && out1.data[out1.len - 1] == '\n', "output ends a line");
    FUZZ_ASSERT(!memchr(out1.data, '\n', out1.len - 1), "output is one line");

    /* Another default id: an id the first output lacked would show as a difference. */
    sp_doc *again = doc_from_json(out1.data, out1.len - 1, "again:1", &err);
    if (!again)
        fprintf(stderr, "output read back refused: %s\n%s", err.data, out1.data);
    FUZZ_ASSERT(again, "the output reads back as a document");
    doc_write_json(again, &out2);
    if (out1.len != out2.len || memcmp(out1.data, out2.data, out1.len) != 0)
        fprintf(stderr, "first:  %s\nsecond: %s", out1.data, out2.data);
    FUZZ_ASSERT(out1.len == out2.len && memcmp(out1.data, out2.data, out1.len) == 0,
                "writing what was read back gives the same bytes");
    doc_free(again);
    buf_free(&out1);
    buf_free(&out2);
    buf_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so that reading one byte past the record is caught. */
    char *rec = malloc(size ? size : 1);
    FUZZ_ASSERT(rec, "memory");
    if (size)
        memcpy(rec, data, size);

    buf err = BUF_INIT;
    sp_doc *doc = doc_from_json(rec, size, "fuzz:1", &err);
    if (doc) {
        round_trip(doc);
        doc_free(doc);
    } else {
        FUZZ_ASSERT(err.len > 0, "a refused record comes with a reason");
    }

    buf_clear(&err);
    if (utf8_check(rec, size, NULL, NULL)) {
        doc = doc_from_text(rec, size, "fuzz", &err); /* borrows REC */
        FUZZ_ASSERT(doc, "valid UTF-8 is a plain-text document");
        round_trip(doc);
        doc_free(doc);
    }
    buf_free(&err);
    free(rec);
    return 0;
}
