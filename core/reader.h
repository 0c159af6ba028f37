/*
 * reader.h — one input as records: JSON Lines, or one plain-text document.
 *
 * What an input holds is decided by its content (docs/format.md, Inputs): after
 * gunzipping, an input whose first non-blank byte is '{' is JSON Lines;
 * anything else is the text of one document.
 */
#ifndef SPANPIPE_READER_H
#define SPANPIPE_READER_H

#include "source.h"

typedef enum input_kind { INPUT_EMPTY, INPUT_JSONL, INPUT_TEXT } input_kind;

typedef struct reader {
    source src;
    char *buf;             /* window on the content */
    size_t cap, pos, len;  /* unread bytes are buf[pos..len) */
    int eof;
    unsigned long line;    /* number of the line last returned */
    input_kind kind;
} reader;

/* Open PATH and find out its kind.  Returns 0, or -1 with the reason in ERR. */
int reader_open(reader *r, const char *path, buf *err);

/*
 * The next line (without its "\n") of a JSON Lines input, in *LINE and *LEN, valid
 * until the next call.  Returns 1, 0 at the end, or -1 with what is wrong in
 * ERR.  Lines have no length limit: memory grows with the longest line.
 */
int reader_line(reader *r, const char **line, size_t *len, buf *err);

/*
 * The whole content of a text input, in *TEXT (malloc'd, taken over by the
 * caller, NUL-terminated) and *LEN.  Returns 0, or -1 with what is wrong in ERR.
 */
int reader_all(reader *r, char **text, size_t *len, buf *err);

/* Bytes read from the file so far (compressed as stored). */
static inline uint64_t reader_raw_bytes(const reader *r) { return r->src.raw_bytes; }

void reader_close(reader *r);

#endif
