/*
 * inputs.h — the list of input files a run reads, from the user's arguments.
 *
 * A directory stands for every regular file under it, in sorted path order
 * (byte order, so the order is the same on every machine and locale).  What
 * cannot be listed or opened stays in the list with its error, so the run can
 * report it in its place and go on with the others.
 */
#ifndef SPANPIPE_INPUTS_H
#define SPANPIPE_INPUTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct input_file {
    char *path;        /* as given or found; "-" for standard input */
    char *name;        /* for messages: the path, or "<stdin>" */
    char *rel;         /* its path below the argument that named it (for -O),
                          NULL for standard input */
    char *error;       /* why it cannot be read, or NULL */
    uint64_t size;     /* bytes on disk, 0 when unknown */
} input_file;

typedef struct input_list {
    input_file *file;
    size_t n, cap;
    uint64_t total;    /* sum of the sizes known */
    int size_unknown;  /* some input's size is not known (a pipe) */
} input_list;

/* Expand ARGS (NARGS of them; none means standard input). */
void inputs_expand(input_list *l, const char *const *args, size_t nargs);
void inputs_free(input_list *l);

/* The id of a plain-text document read from PATH: the path without its
 * extension(s) ".gz" and then one more, e.g. "a/d255.txt.gz" -> "a/d255". */
char *inputs_text_id(const char *path);

#endif
