/*
 * chain.c — the chain of stages every command builds, in one place: the
 * options that give it (-p, --pipeline, -P, -j) and their one parser for all
 * commands, starting and ending the pipeline, and reading annotated
 * documents through it for the commands that show or convert them (spans,
 * view, export): the library's run with a document callback in place of the
 * JSON Lines writer, so those commands read every input `run` reads, with the
 * same checks and messages.  Also the CLI's allocation helpers (cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cli_docs_help[] =
    "  -p, --stage STAGE[:k=v,...]  run a stage first (repeatable), as in\n"
    "                               'spanpipe run'; by default the INPUTs are\n"
    "                               shown as they were annotated\n"
    "  -P, --plugin-dir DIR         look for plugins in DIR first (repeatable)\n"
    "  -j, --jobs N                 threads reading and annotating (default: one\n"
    "                               per core); the output is in input order\n";

_Noreturn static void cli_oom(void)
{
    /* write(2) because stdio may itself need memory; as the library does */
    static const char msg[] = "spanpipe: out of memory\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    abort();
}

void *cli_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        cli_oom();
    return p;
}

void *cli_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        cli_oom();
    return p;
}

void *cli_xrealloc(void *p, size_t n)
{
    void *grown = realloc(p, n ? n : 1);
    if (!grown)
        cli_oom();
    return grown;
}

char *cli_xstrdup(const char *s)
{
    return cli_xstrndup(s, strlen(s));
}

char *cli_xstrndup(const char *s, size_t n)
{
    n = strnlen(s, n);
    char *p = cli_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int cli_docs_init(cli_docs *d, int argc)
{
    memset(d, 0, sizeof *d);
    opterr = 0; /* cli_docs_getopt says what is wrong itself */
    optind = 1;
    d->stages = cli_xcalloc((size_t)argc + 1, sizeof *d->stages);
    d->dirs = cli_xcalloc((size_t)argc + 1, sizeof *d->dirs);
    return 0;
}

void cli_docs_free(cli_docs *d)
{
    free(d->stages);
    free(d->dirs);
    memset(d, 0, sizeof *d);
}

const char *cli_attr(const sp_span *span, const char *key)
{
    const json_t *v = span->attrs ? json_object_get(span->attrs, key) : NULL;
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int cli_parse_jobs(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < 1 || v > 4096)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int cli_docs_option(cli_docs *d, int c, const char *arg)
{
    switch (c) {
    case 'p':
        d->stages[d->nstages++] = (cli_step){ 0, arg };
        return 1;
    case CLI_OPT_PIPELINE:
        d->stages[d->nstages++] = (cli_step){ 1, arg };
        return 1;
    case 'P':
        d->dirs[d->ndirs++] = (char *)arg;
        return 1;
    case 'j':
        if (cli_parse_jobs(arg, &d->jobs) < 0) {
            cli_error("-j wants a number of threads from 1 to 4096, not '%s'", arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

int cli_docs_getopt(cli_docs *d, int argc, char **argv, const char *cmd,
                    const char *shortopts, const struct option *longopts)
{
    for (;;) {
        int c = getopt_long(argc, argv, shortopts, longopts, NULL);
        if (c == -1)
            return -1;
        int taken = cli_docs_option(d, c, optarg);
        if (taken < 0)
            return '?';
        if (taken)
            continue;
        if (c == ':' || c == '?') {
            cli_bad_option(cmd, c, argv);
            return '?';
        }
        return c;
    }
}

/* The run has one context for both callbacks: this carries the command's. */
typedef struct relay {
    int (*cb)(void *ctx, const sp_doc *doc);
    void *ctx;
} relay;

static int relay_document(void *ctx, const sp_doc *doc)
{
    relay *r = ctx;
    return r->cb(r->ctx, doc);
}

static void relay_diag(void *ctx, const sp_diag *d)
{
    (void)ctx;
    cli_on_diag(NULL, d); /* no progress line to clear: these never draw one */
}

sp_pipeline *cli_pipeline_start(char *const *dirs, size_t ndirs, const cli_step *steps,
                                size_t n)
{
    sp_pipeline *p = sp_pipeline_new();
    sp_error *err = sp_error_new();
    cli_search_path(p, dirs, ndirs);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = steps[i].is_file ? sp_pipeline_add_file(p, steps[i].value, err)
                              : sp_pipeline_add_spec(p, steps[i].value, err);
    if (rc == 0)
        rc = sp_pipeline_start(p, err);
    if (rc < 0) {
        cli_error("%s", sp_error_message(err));
        sp_pipeline_free(p);
        p = NULL;
    }
    sp_error_free(err);
    /* A closed pipe is an output error we report, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    return p;
}

void cli_pipeline_end(sp_pipeline *p, const sp_run_stats *st, int status)
{
    if (st->abandoned) {
        fflush(NULL);
        _exit(status);
    }
    sp_pipeline_free(p);
}

int cli_docs_each(cli_docs *d, char *const *inputs, size_t n,
                  int (*cb)(void *ctx, const sp_doc *doc), void *ctx)
{
    sp_pipeline *p = cli_pipeline_start(d->dirs, d->ndirs, d->stages, d->nstages);
    if (!p)
        return SP_USAGE;
    relay r = { cb, ctx };
    sp_run_options o = {
        .jobs = d->jobs,
        .on_diag = relay_diag,
        .on_document = relay_document,
        .ctx = &r,
        .report_crashes = 1,
    };
    sp_run_stats st;
    int status = sp_pipeline_run(p, (const char *const *)inputs, n, &o, &st);
    d->failed = st.failed;
    cli_pipeline_end(p, &st, status);
    return status;
}
