/* output.c — the commands' text outputs, through sp_outfile (see output.h). */
#include "output.h"
#include "cli.h"

#include <string.h>

/* O with its stream, once O->file is open; or -1 after saying why not,
 * with ERR's message when it could not be opened.  Frees ERR. */
static int cli_out_ready(cli_out *o, sp_error *err)
{
    if (o->file && !(o->f = sp_outfile_stream(o->file))) {
        cli_error("out of memory");
        sp_outfile_close(o->file, 0, NULL);
        o->file = NULL;
    } else if (!o->file)
        cli_error("%s", sp_error_message(err));
    sp_error_free(err);
    return o->file ? 0 : -1;
}

int cli_out_open(cli_out *o, const char *path, int mkdirs)
{
    memset(o, 0, sizeof *o);
    o->to_stdout = !path || !strcmp(path, "-");
    sp_error *err = sp_error_new();
    o->file = sp_outfile_open(path, mkdirs ? SP_OUTFILE_MKDIRS : 0, err);
    return cli_out_ready(o, err);
}

int cli_out_refuse_input(const char *path, char *const *inputs, size_t n)
{
    sp_error *err = sp_error_new();
    int rc = sp_outfile_check_inputs(path, (const char *const *)inputs, n, err);
    if (rc < 0)
        cli_error("%s", sp_error_message(err));
    sp_error_free(err);
    return rc;
}

int cli_out_open_in(cli_out *o, const char *dir, const char *rel)
{
    memset(o, 0, sizeof *o);
    sp_error *err = sp_error_new();
    o->file = sp_outfile_open_in(dir, rel, SP_OUTFILE_MKDIRS, err);
    return cli_out_ready(o, err);
}

int cli_out_close(cli_out *o, int ok)
{
    if (!o->file)
        return -1;
    sp_error *err = sp_error_new();
    int rc = sp_outfile_close(o->file, ok, err);
    if (rc < 0 && o->to_stdout && cli_stdout_reader_gone())
        rc = 1; /* `| head`: not an error, nothing to say */
    else if (rc < 0)
        cli_error("%s", sp_error_message(err));
    sp_error_free(err);
    memset(o, 0, sizeof *o);
    return rc;
}

int cli_out_end(cli_out *o, int ok, int status, uint64_t failed)
{
    int rc = cli_out_close(o, ok);
    if (status == SP_USAGE)
        return status;
    if (rc > 0)
        return failed ? SP_FAILED : SP_OK;
    return rc < 0 ? SP_IO : status;
}
