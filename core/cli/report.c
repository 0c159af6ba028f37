/* report.c — the one place where the command's messages are printed. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("spanpipe: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_on_diag(void *ctx, const sp_diag *d)
{
    cli_reporter *rep = ctx;
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
