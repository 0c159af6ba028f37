/*
 * overlap.h — whether an output is one of the inputs, or lies in an input
 * folder, so that a run or a command refuses it before reading anything.
 *
 * What is refused: an output file that is an input file (the same device
 * and inode, whatever the names); an output file or -O folder that is an
 * input folder or lies below one (its outputs would replace inputs, or be
 * read as inputs by the next run).  An output folder that merely holds an
 * input (`-O . x.jsonl`) is refused only where an output would be that
 * input (overlap_file on each output name).
 */
#ifndef SPANPIPE_OVERLAP_H
#define SPANPIPE_OVERLAP_H

#include "base/buf.h"

struct node;

typedef struct overlap {
    const char *const *inputs;   /* borrowed */
    struct node *nodes;          /* the inputs that exist, sorted */
    size_t n;
} overlap;

/* The N INPUTS (paths; "-" is standard input), looked at once.  Not
 * thread-safe; free with overlap_free. */
void overlap_init(overlap *o, const char *const *inputs, size_t n);
void overlap_free(overlap *o);

/* 0, or -1 with a message in ERR when the regular file OUT (NULL or "-":
 * none) exists and is one of the inputs. */
int overlap_file(const overlap *o, const char *out, buf *err);

/* 0, or -1 with a message in ERR when OUT (a file or folder, which need not
 * exist yet) is an input folder or lies below one. */
int overlap_below(const overlap *o, const char *out, buf *err);

#endif
