/*
 * output.h — a text output of the commands other than `run`: standard
 * output, or a file put in place only once complete, through the library's
 * sp_outfile (spanpipe/outfile.h), as `run -o` writes.
 */
#ifndef SPANPIPE_CLI_OUTPUT_H
#define SPANPIPE_CLI_OUTPUT_H

#include <stdio.h>
#include <spanpipe/outfile.h>

typedef struct cli_out {
    FILE *f;            /* write here */
    sp_outfile *file;   /* what F writes to */
} cli_out;

/*
 * Open PATH for writing (NULL or "-": standard output), creating missing
 * parent directories when MKDIRS.  Returns 0, or -1 after printing why.
 */
int cli_out_open(cli_out *o, const char *path, int mkdirs);

/*
 * Finish O: flush it and, when OK and every write went through, put the
 * file in place; otherwise it is removed.  Returns 0, or -1 after printing
 * why (a write error, a full disk, a closed pipe).
 */
int cli_out_close(cli_out *o, int ok);

#endif
