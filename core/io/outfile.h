/*
 * outfile.h — the atomic output file of spanpipe/outfile.h, for the core:
 * the same functions with messages in a buf, the folders below an output
 * folder opened without following links, and the clean-up of what a killed
 * run left behind.
 */
#ifndef SPANPIPE_CORE_OUTFILE_H
#define SPANPIPE_CORE_OUTFILE_H

#include <spanpipe/outfile.h>
#include "base/buf.h"

/* As sp_outfile_open() etc., with the message appended to ERR. */
sp_outfile *outfile_open(const char *path, unsigned flags, buf *err);
sp_outfile *outfile_open_in(const char *dir, const char *rel, unsigned flags, buf *err);
int outfile_write(sp_outfile *f, const void *p, size_t n, buf *err);
int outfile_close(sp_outfile *f, int commit, buf *err);

/* Remove the temporary files a killed writer of PATH left: PATH.tmp.XXXXXX,
 * the one pattern outfile_open() makes. */
void outfile_clean(const char *path);

/*
 * The folder of REL below ROOT, opened (O_DIRECTORY, close-on-exec) without
 * following a symbolic link below ROOT, refusing a ".." component, creating
 * the missing ones when MKDIRS.  Returns the descriptor, the caller's to
 * close, with *BASE (when not NULL) pointing at REL's last component; or -1
 * with errno and a message in ERR (none for a folder that is not there
 * when not MKDIRS: errno ENOENT).
 */
int outfile_opendir_in(const char *root, const char *rel, int mkdirs, const char **base,
                       buf *err);

/* Remove the temporaries NAME.tmp.XXXXXX in the folder DIRFD for which
 * OURS(CTX, NAME, length of NAME) is true: one pass over the folder. */
void outfile_clean_at(int dirfd, int (*ours)(void *ctx, const char *name, size_t n),
                      void *ctx);

#endif
