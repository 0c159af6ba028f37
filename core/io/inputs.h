/*
 * inputs.h — the list of input files a run reads, from the user's arguments.
 *
 * A directory stands for every regular file under it, in sorted path order
 * (byte order, so the order is the same on every machine and locale).  What
 * cannot be listed or opened stays in the list with its error, so the run can
 * report it in its place and go on with the others.
 *
 * An archive (members.h) is listed as the file it is; its members are added
 * as inputs of their own while it is read (inputs_add_member).
 */
#ifndef SPANPIPE_INPUTS_H
#define SPANPIPE_INPUTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct input_file {
    char *path;        /* as given or found; "-" for standard input; for an
                          archive's member, the path it would have in a folder
                          named like the archive without its extensions:
                          "corpus/1985/d12.txt" in "corpus.tar.gz" */
    char *name;        /* for messages: the path, "<stdin>", or for a member
                          ARCHIVE(MEMBER), as ar(1) and make name them */
    char *rel;         /* its path below the argument that named it (for -O),
                          NULL for standard input */
    char *error;       /* why it cannot be read, or NULL */
    uint64_t size;     /* bytes on disk, 0 when unknown */
    const struct input_file *archive; /* the archive it is a member of, or NULL */
    char *out;         /* -O: a member's output file (the listed inputs' are
                          the run's out_names), else NULL */
} input_file;

typedef struct input_list {
    input_file *file;
    size_t n, cap;
    uint64_t total;    /* sum of the sizes known */
    int size_unknown;  /* some input's size is not known (a pipe) */
    input_file **member; /* the archives' members met so far, each at its own
                            address (records point at them) until inputs_free */
    size_t nmember, cap_member;
} input_list;

/* Expand ARGS (NARGS of them; none means standard input). */
void inputs_expand(input_list *l, const char *const *args, size_t nargs);
void inputs_free(input_list *l);

/*
 * Add member MEMBER (a normalised name, members.h) of ARCHIVE, of SIZE bytes
 * (0: unknown), to L, and return it: it stays at its address until
 * inputs_free.  Its path and rel are under ARCHIVE's, without ARCHIVE's
 * extensions (inputs_text_id).  Not thread-safe: one thread at a time adds
 * members (a run reads one archive at a time, run_fetch.c); others may use
 * those already handed to them.
 */
input_file *inputs_add_member(input_list *l, const input_file *archive, const char *member,
                              uint64_t size);

/* The id of a plain-text document read from PATH: the path without a
 * compression extension (".gz", ".zst", ".xz", ".bz2") and then one more,
 * e.g. "a/d255.txt.gz" -> "a/d255", "corpus.tar.zst" -> "corpus". */
char *inputs_text_id(const char *path);

/* The default id of the document on line LINE of JSON Lines input IN:
 * "NAME:LINE", with a member's path (not ARCHIVE(MEMBER)) as its name. */
char *inputs_line_id(const input_file *in, unsigned long line);

#endif
