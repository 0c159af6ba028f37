/*
 * spfile.h — reading a whole option file (abbreviations, persons, verbs) into
 * memory, for the stages' init().
 */
#ifndef SPFILE_H
#define SPFILE_H

#include <stddef.h>

/*
 * The whole of PATH in a new buffer (malloc'd, the caller frees it), its size
 * in *LEN; NULL with errno set when it cannot be read.  Any size: the buffer
 * grows as the file does.
 */
char *spt_read_file(const char *path, size_t *len);

#endif
