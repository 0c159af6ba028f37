/*
 * output.h — a text output of the commands other than `run`: standard
 * output, or a file put in place only once complete, through the library's
 * sp_outfile (spanpipe/outfile.h), as `run -o` writes.
 */
#ifndef SPANPIPE_CLI_OUTPUT_H
#define SPANPIPE_CLI_OUTPUT_H

#include <stdint.h>
#include <stdio.h>
#include <spanpipe/outfile.h>

typedef struct cli_out {
    FILE *f;            /* write here */
    sp_outfile *file;   /* what F writes to */
    int to_stdout;      /* F is standard output */
} cli_out;

/*
 * Open PATH for writing (NULL or "-": standard output), creating missing
 * parent directories when MKDIRS.  Returns 0, or -1 after printing why.
 */
int cli_out_open(cli_out *o, const char *path, int mkdirs);

/*
 * Open DIR/REL for writing, creating the missing directories, with nothing
 * written outside DIR whatever links it holds (sp_outfile_open_in()).
 * Returns 0, or -1 after printing why.
 */
int cli_out_open_in(cli_out *o, const char *dir, const char *rel);

/*
 * Whether PATH (NULL or "-": standard output) may be the output of a
 * command reading the N INPUTS: 0, or -1 after saying it is one of them or
 * lies in an input folder (sp_outfile_check_inputs()).
 */
int cli_out_refuse_input(const char *path, char *const *inputs, size_t n);

/*
 * Finish O: flush it and, when OK and every write went through, put the
 * file in place; otherwise it is removed.  Returns 0; 1 when O is standard
 * output and its reader went away (`| head`: nothing printed); or -1 after
 * printing why (a write error, a full disk, a closed standard output).
 */
int cli_out_close(cli_out *o, int ok);

/*
 * cli_out_close(O, OK) at the end of a command whose run ended with STATUS,
 * FAILED documents having failed: returns the command's exit status, SP_IO
 * when the output could not be written, the status the run had come to
 * (0, or 1 with failed documents) when its reader went away.  A run refused
 * at the start (SP_USAGE) keeps that status.
 */
int cli_out_end(cli_out *o, int ok, int status, uint64_t failed);

#endif
