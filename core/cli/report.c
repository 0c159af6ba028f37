/* report.c — the one place where the command's messages are printed. */
#include "cli.h"

#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Write S to standard error with every control character escaped: C0 (as
 * \n, \r, \t, \e, \a or \xNN), DEL and the C1 controls (U+0080..U+009F,
 * as \xNN of their UTF-8 bytes).  Ids, file names and quoted texts reach
 * messages from the input; written raw they would drive the terminal (ESC
 * sequences) or forge a "spanpipe: FILE:LINE:" line that scripts grep. */
static void put_escaped(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            fprintf(stderr, "\\xc2\\x%02x", p[1]);
            p++;
            continue;
        }
        if (c >= 0x20 && c != 0x7F) {
            fputc(c, stderr);
            continue;
        }
        switch (c) {
        case '\n': fputs("\\n", stderr); break;
        case '\r': fputs("\\r", stderr); break;
        case '\t': fputs("\\t", stderr); break;
        case 0x1B: fputs("\\e", stderr); break;
        case '\a': fputs("\\a", stderr); break;
        default: fprintf(stderr, "\\x%02x", c); break;
        }
    }
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    fputs("spanpipe: ", stderr);
    if (msg) {
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
        put_escaped(msg);
        free(msg);
    } else {
        /* Out of memory: the format alone says what went wrong. */
        put_escaped(fmt);
    }
    fputc('\n', stderr);
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
    if (d->file) {
        put_escaped(d->file);
        if (d->line)
            fprintf(stderr, ":%lu", d->line);
        fputs(": ", stderr);
    }
    if (d->stage) {
        fputs("stage '", stderr);
        put_escaped(d->stage);
        if (d->doc_id) {
            fputs("' failed on document \"", stderr);
            put_escaped(d->doc_id);
            fputs("\": ", stderr);
        } else {
            fputs("' failed: ", stderr);
        }
    }
    put_escaped(d->message);
    fputc('\n', stderr);
}
