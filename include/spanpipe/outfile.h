/*
 * spanpipe/outfile.h — an output file that is either whole or not there.
 *
 * A file is written under a temporary name beside it, PATH.tmp.XXXXXX (six
 * letters or digits), and renamed to PATH only when the writer says it is
 * complete, after its data has reached the disk (fsync); otherwise the
 * temporary is removed and whatever PATH held before is left as it was.  So
 * a reader, or a later `run --resume`, never mistakes half a file for a
 * whole one.  A name that exists and is not a regular file (a FIFO, a device
 * such as /dev/stdout) is written straight: renaming a file over it would
 * replace the node.  NULL or "-" is standard output.  After the rename the
 * folder is synced, so that a crash does not lose the new name.
 *
 * Every descriptor it opens is close-on-exec, so an `exec` stage's command
 * (or any child of the program) does not inherit half-written files.
 *
 * This is how `spanpipe run -o/-O/--errors` and the other commands' -o write
 * their files; a program embedding the pipeline may use it for its own.
 *
 * Threads: an sp_outfile is used by one thread at a time; different ones
 * may be used from different threads.
 */
#ifndef SPANPIPE_OUTFILE_H
#define SPANPIPE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>
#include <spanpipe/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sp_outfile sp_outfile;

/* sp_outfile_open() flags */
#define SP_OUTFILE_MKDIRS 1u  /* create the missing directories above PATH */

/*
 * Open PATH for writing as above.  A symbolic link at PATH is followed, as
 * a shell's `>` would: the file at the end of its links is written (made
 * when it does not exist), its temporary beside it, and the link stays.
 * Returns a new sp_outfile, owned by the caller until sp_outfile_close(),
 * or NULL with errno and a message in ERR naming PATH (it cannot be
 * created, a directory cannot be made, a loop of links: ELOOP, an empty
 * name: EINVAL).
 */
sp_outfile *sp_outfile_open(const char *path, unsigned flags, sp_error *err);

/*
 * Open DIR/REL as sp_outfile_open() does, with nothing written outside DIR
 * whatever links it holds: the folders of REL below DIR are opened one by
 * one without following a symbolic link (one is refused, naming it), a ".."
 * component is refused, and the file is always written under a temporary
 * name and renamed into place, so that a link or FIFO planted at DIR/REL is
 * replaced, never written through.  DIR itself is the caller's choice and
 * may be a link.  With SP_OUTFILE_MKDIRS, DIR and the folders of REL are
 * created as needed.  Returns as sp_outfile_open() (an empty DIR or REL:
 * EINVAL).
 */
sp_outfile *sp_outfile_open_in(const char *dir, const char *rel, unsigned flags,
                               sp_error *err);

/*
 * Whether PATH, an output about to be written (NULL or "-": standard
 * output), may be written by a command reading the N INPUTS (files or
 * folders, as given; "-" is standard input): not when it is one of them
 * (the same device and inode, whatever the name) or lies in an input folder
 * (it would replace an input, or be read as one).  Returns 0, or -1 with a
 * message in ERR naming both, for a refusal before anything is read.
 */
int sp_outfile_check_inputs(const char *path, const char *const *inputs, size_t n,
                            sp_error *err);

/* The name for messages: PATH as given, or "<stdout>".  Owned by F. */
const char *sp_outfile_name(const sp_outfile *f);

/* Whether F is written straight (standard output, a FIFO, a device): what
 * is written there is out, whether the file is committed or not. */
int sp_outfile_is_stream(const sp_outfile *f);

/*
 * Write P[0..N) whole (retrying short writes and interruptions).  Returns
 * 0, or -1 with a message in ERR ("NAME: write error: No space left on
 * device"); after a failure F can no longer be committed.
 */
int sp_outfile_write(sp_outfile *f, const void *p, size_t n, sp_error *err);

/*
 * A stdio stream on F, for callers that write with fprintf and friends: made
 * on the first call, owned by F, flushed and closed by sp_outfile_close()
 * (standard output's stream is stdout).  NULL only when out of memory.
 * Do not mix it with sp_outfile_write() without fflush() in between.
 */
FILE *sp_outfile_stream(sp_outfile *f);

/*
 * Finish F and free it.  With COMMIT, and when every write went through: the
 * stream is flushed, the data synced and the file renamed into place.
 * Otherwise the temporary file is removed (a stream written straight keeps
 * what reached it).  Returns 0, or -1 with a message in ERR: a write, sync
 * or rename failed when committing, or writing straight failed (F is freed
 * either way, and nothing is left in place of PATH), or syncing the folder
 * after the rename failed (the file is in place, but may not survive a
 * crash).  NULL F does nothing.
 */
int sp_outfile_close(sp_outfile *f, int commit, sp_error *err);

/*
 * Remove every temporary file that an open sp_outfile of this process is
 * writing, for a SIGINT or SIGTERM handler that then dies of its signal (as
 * `spanpipe` does): async-signal-safe, callable from any thread.  The
 * sp_outfiles concerned are not to be committed afterwards.
 */
void sp_outfile_remove_temporaries(void);

#ifdef __cplusplus
}
#endif
#endif
