/* report.c — the one place where the command's messages are printed. */
#include "cli.h"

#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("spanpipe: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_bad_option(const char *cmd, int ch, char *const *argv)
{
    if (ch == ':')
        cli_error("option '%s' needs a value (see spanpipe %s --help)", argv[optind - 1], cmd);
    else
        cli_error("unknown option '%s' (see spanpipe %s --help)", argv[optind - 1], cmd);
}

int cli_stdout_reader_gone(void)
{
    /* Linux and the BSDs report POLLERR on the write end of a pipe whose
     * reading end is closed: the condition EPIPE (and SIGPIPE) come from. */
    struct stat st;
    struct pollfd pfd = { .fd = 1, .events = POLLOUT };
    return fstat(1, &st) == 0 && S_ISFIFO(st.st_mode) && poll(&pfd, 1, 0) == 1 &&
           (pfd.revents & POLLERR);
}

void cli_on_diag(void *ctx, const sp_diag *d)
{
    cli_reporter *rep = ctx;
    if (rep && d->status == SP_IO) {
        /* The output's write error when its reader has gone is not reported. */
        if (!d->file && rep->to_stdout && cli_stdout_reader_gone()) {
            rep->reader_gone = 1;
            return;
        }
        rep->other_io = 1;
    }
    if (rep && rep->progress_shown) {
        fputs("\r\033[K", stderr); /* clear the progress line first */
        rep->progress_shown = 0;
    }
    fputs("spanpipe: ", stderr);
    if (d->file && d->line)
        fprintf(stderr, "%s:%lu: ", d->file, d->line);
    else if (d->file)
        fprintf(stderr, "%s: ", d->file);
    if (d->stage && d->doc_id)
        fprintf(stderr, "stage '%s' failed on document \"%s\": ", d->stage, d->doc_id);
    else if (d->stage)
        fprintf(stderr, "stage '%s' failed: ", d->stage);
    fprintf(stderr, "%s\n", d->message);
}
