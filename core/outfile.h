/*
 * outfile.h — the atomic output file of spanpipe/outfile.h, for the core:
 * the same functions with messages in a buf, and the clean-up of what a
 * killed run left behind.
 */
#ifndef SPANPIPE_CORE_OUTFILE_H
#define SPANPIPE_CORE_OUTFILE_H

#include <spanpipe/outfile.h>
#include "buf.h"

/* As sp_outfile_open() etc., with the message appended to ERR. */
sp_outfile *outfile_open(const char *path, unsigned flags, buf *err);
int outfile_write(sp_outfile *f, const void *p, size_t n, buf *err);
int outfile_close(sp_outfile *f, int commit, buf *err);

/* Remove the temporary files a killed writer of PATH left: PATH.tmp.XXXXXX,
 * the one pattern outfile_open() makes. */
void outfile_clean(const char *path);

#endif
