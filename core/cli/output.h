/*
 * output.h — a text output of the commands other than `run`: standard output,
 * or a file written under a temporary name and renamed once complete (as
 * `run -o` does), so that a reader never sees half a file.
 */
#ifndef SPANPIPE_CLI_OUTPUT_H
#define SPANPIPE_CLI_OUTPUT_H

#include <stdio.h>

typedef struct cli_out {
    FILE *f;        /* write here */
    char *path;     /* the file to put in place, or NULL for standard output */
    char *tmp;      /* the temporary it is written as */
    int direct;     /* a FIFO or device, opened as it is (no rename) */
} cli_out;

/*
 * Open PATH for writing (NULL or "-": standard output), creating missing
 * parent directories when MKDIRS.  Returns 0, or -1 after printing why.
 */
int cli_out_open(cli_out *o, const char *path, int mkdirs);

/*
 * Finish O: flush it and, when OK and every write went through, rename the
 * file into place; otherwise the temporary is removed.  Returns 0, or -1
 * after printing why (a write error, a full disk, a closed pipe).
 */
int cli_out_close(cli_out *o, int ok);

#endif
