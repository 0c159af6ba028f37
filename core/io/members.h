/*
 * members.h — the members of a tar or zip archive, one after another, each
 * to be read as an input of its own: an archive is read as a folder.
 *
 * libarchive parses the archive; its content comes from a source (source.h),
 * already decompressed by spanpipe's own decompressors, so a .tar.gz, a
 * .tar.zst or a .tar.xz is gunzipped, unzstd'ed or unxz'ed as any input is.
 * Memory stays bounded: members are streamed in archive order, never
 * unpacked to disk or held whole here.
 *
 * Hostile names are refused, never rewritten into something else: a name
 * with a ".." component, an absolute name, a name met before in the same
 * archive.  Links are refused too (a folder's walk follows them; an
 * archive's point at other members or outside it).  Directories are skipped,
 * as a folder's are walked.  A NUL byte ends a name (libarchive hands names
 * over as C strings), so "a.txt\0../x" is read as "a.txt".
 */
#ifndef SPANPIPE_MEMBERS_H
#define SPANPIPE_MEMBERS_H

#include <stdint.h>
#include "io/source.h"

/* Bytes of content members_sniff wants to see, when the input has them. */
#define MEMBERS_SNIFF_BYTES 512

/* Whether content P[0..N), from its first byte, is a tar ("tar") or zip
 * ("zip") archive, or neither (NULL). */
const char *members_sniff(const void *p, size_t n);

typedef struct members members;

/*
 * Read the archive whose content starts with HEAD[0..N) (copied) and goes on
 * in SRC (borrowed: read on by members_read, closed by the caller after
 * members_close).  Members whose declared size is above LIMIT bytes
 * (0: none) are refused.  Never NULL.
 */
members *members_open(source *src, const void *head, size_t n, uint64_t limit);

typedef enum member_step {
    MEMBER_END = 0,     /* no more members */
    MEMBER_FILE = 1,    /* a member to read */
    MEMBER_REFUSED = 2, /* a member not read: ERR says why; go on */
    MEMBER_BROKEN = -1  /* the archive cannot be read further: ERR says why */
} member_step;

/*
 * Go to the next member.  For MEMBER_FILE and MEMBER_REFUSED, *NAME is its
 * name, normalised ("./a//b.txt" is "a/b.txt"),
 * valid until the next call (as stored when the name itself is refused).  After a member's data could not be read
 * (members_read failed), the archive is over: MEMBER_END.
 */
member_step members_next(members *m, const char **name, buf *err);

/* The current member's bytes (a source_fn: CTX is the members). */
ssize_t members_read(void *m, void *dst, size_t n, buf *err);

/* The source the archive is read from (for its raw bytes read so far). */
const source *members_source(const members *m);

void members_close(members *m);

#endif
