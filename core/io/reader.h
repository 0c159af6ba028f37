/*
 * reader.h — one input as records: JSON Lines, or one plain-text document.
 *
 * What an input holds is decided by its content (docs/format.md, Inputs):
 * after decompressing, a tar or zip archive is a folder of inputs
 * (members.h); an input whose first non-blank byte is '{' is JSON Lines;
 * anything else is the text of one document.
 */
#ifndef SPANPIPE_READER_H
#define SPANPIPE_READER_H

#include "io/members.h"
#include "io/source.h"

typedef enum input_kind { INPUT_EMPTY, INPUT_JSONL, INPUT_TEXT, INPUT_ARCHIVE } input_kind;

typedef struct reader {
    source src;
    char *buf;             /* window on the content */
    size_t cap, pos, len;  /* unread bytes are buf[pos..len) */
    int eof;
    unsigned long line;    /* number of the line last returned */
    input_kind kind;
    uint64_t content;      /* bytes of content read so far */
    uint64_t limit;        /* more than this is an error (0: no limit) */
    const source *archive_src; /* a member's: the archive's source, or NULL */
    buf late_error;        /* met while looking at the first bytes: given
                              after the content before it */
} reader;

/* Open PATH and find out its kind.  Returns 0, or -1 with the reason in ERR. */
int reader_open(reader *r, const char *path, buf *err);

/*
 * Open the current member of archive M (members_next said MEMBER_FILE) and
 * find out its kind; more than LIMIT bytes of content (0: no limit), once
 * decompressed, is an error.  Returns 0, or -1 with the reason in ERR.
 */
int reader_open_member(reader *r, members *m, uint64_t limit, buf *err);

/* The members of an INPUT_ARCHIVE input, read on from where R is: see
 * members.h; close them before R. */
members *reader_members(reader *r, uint64_t limit);

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

/* Bytes read from the file so far (compressed as stored); for a member, from
 * its archive's file. */
static inline uint64_t reader_raw_bytes(const reader *r)
{
    return r->archive_src ? r->archive_src->raw_bytes : r->src.raw_bytes;
}

void reader_close(reader *r);

#endif
