/*
 * outdir.h — one output file per input under a directory (-O), for batches
 * that can be stopped and resumed.
 *
 * An input's output mirrors its path below the argument that named it, with
 * its extension replaced: "corpus/1985/d12.txt.gz" under "corpus" becomes
 * "OUT/1985/d12.jsonl.gz" (gzip in, gzip out), "a/b.jsonl" becomes
 * "OUT/b.jsonl".  An output exists only once complete (spanpipe/outfile.h),
 * so "the output is there" is what "this input is done" means to --resume
 * (outdir_done says which files count); the -O sink (sink_outdir.c) writes
 * them, never outside DIR whatever links it holds.
 */
#ifndef SPANPIPE_OUTDIR_H
#define SPANPIPE_OUTDIR_H

#include "base/buf.h"
#include "io/inputs.h"

/*
 * The output path of each input of L under DIR, in OUT (an array of L->n
 * strings, malloc'd, freed with outdir_free).  Returns 0, or -1 with a
 * message in ERR: standard input among them, or two inputs that would write
 * the same output.
 */
int outdir_names(const input_list *l, const char *dir, char ***out, buf *err);
void outdir_free(char **names, size_t n);

/* The output path under DIR of an input whose path below its argument is
 * REL (malloc'd): what outdir_names gives each input, and an archive's
 * members (inputs.h) get as they are met. */
char *outdir_name(const char *dir, const char *rel);

/* Where an output's path below DIR starts in the names outdir_names()
 * gives (after "DIR/"). */
size_t outdir_rel_at(const char *dir);

/*
 * Whether NAME, an output under DIR from outdir_names(), is a finished
 * output, as --resume trusts it: a regular file with one link (as the
 * rename of our temporary leaves it), reached from DIR without following a
 * symbolic link.  A link planted there (to any file), a hard link to some
 * other file, a folder or a FIFO is not done: the run writes the output,
 * replacing it.
 */
int outdir_done(const char *dir, const char *name);

#endif
