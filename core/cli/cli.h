/*
 * cli.h — the `spanpipe` command: the one place that prints and exits.
 */
#ifndef SPANPIPE_CLI_H
#define SPANPIPE_CLI_H

#include <spanpipe/pipeline.h>

/* `spanpipe run ...`; returns the exit status. */
int cmd_run(int argc, char **argv);

/* `spanpipe plugins [NAME]`; returns the exit status. */
int cmd_plugins(int argc, char **argv);

/* `spanpipe spans ...`: spans as TSV; returns the exit status. */
int cmd_spans(int argc, char **argv);

/* `spanpipe view ...`: one self-contained HTML page; returns the exit status. */
int cmd_view(int argc, char **argv);

/* `spanpipe export --to FORMAT ...`: TEI, brat or CoNLL-U; returns the exit status. */
int cmd_export(int argc, char **argv);

/* `spanpipe merge ...`: JSON Lines streams into one, in order. */
int cmd_merge(int argc, char **argv);

/* `spanpipe new-stage NAME`: the skeleton of a stage. */
int cmd_new_stage(int argc, char **argv);

/* What the printers of diagnostics and progress share. */
typedef struct cli_reporter {
    int progress_shown;   /* a progress line is on the terminal */
    int mode;             /* progress: 0 not known yet, 1 a terminal, 2 plain lines */
    double plain_every;   /* seconds between plain lines */
    double plain_next;    /* when the next plain line is due */
    int to_stdout;        /* the run writes to standard output */
    int reader_gone;      /* ... whose reader has gone away (`| head`) */
    int other_io;         /* an input or output error was reported */
} cli_reporter;

/*
 * Whether standard output is a pipe whose reader has gone away (`| head -1`
 * has read enough): writing to it fails with EPIPE.  Such a write error is no
 * error of spanpipe's: the commands stop writing and exit quietly with the
 * status they had come to (0, or 1 when documents had failed).
 */
int cli_stdout_reader_gone(void);

/* sp_run_options.on_diag for every command: "spanpipe: FILE:LINE: ..." on
 * standard error.  CTX is a cli_reporter, or NULL. */
void cli_on_diag(void *ctx, const sp_diag *d);

/*
 * Where the commands that read annotated documents (spans, view, export) get
 * them: the INPUTs as `run` reads them, through optional stages (-p), so that
 * `spanpipe view -p segment notes.txt` works without a `run` in front.
 */
/* A stage of the chain as given: -p STAGES, or --pipeline FILE. */
typedef struct cli_step {
    int is_file;
    const char *value;    /* borrowed from argv */
} cli_step;

/*
 * A pipeline searching plugins as cli_search_path() says, with STEPS (N of
 * them) added and started.  Returns it, or NULL after printing why (a usage
 * or set-up error, SP_USAGE).
 */
sp_pipeline *cli_pipeline_start(char *const *dirs, size_t ndirs, const cli_step *steps,
                                size_t n);

/*
 * Free P after a run whose statistics are ST, unless a stage is still running
 * in a thread the run had to leave (ST->abandoned): then the process ends
 * here with STATUS, as freeing the pipeline under it would crash.
 */
void cli_pipeline_end(sp_pipeline *p, const sp_run_stats *st, int status);

typedef struct cli_docs {
    cli_step *stages;     /* -p values, NSTAGES of them */
    size_t nstages;
    char **dirs;          /* -P values */
    size_t ndirs;
    unsigned jobs;        /* -j, 0 for one per core */
    uint64_t failed;      /* after cli_docs_each(): documents that failed */
} cli_docs;

/* Room for the -p and -P values of ARGC arguments, and getopt reset for a
 * command's arguments.  Returns 0. */
int cli_docs_init(cli_docs *d, int argc);

/* getopt_long()'s code for --pipeline FILE in a command's long options. */
#define CLI_OPT_PIPELINE 0x1000
void cli_docs_free(cli_docs *d);

/*
 * Take the option C (as getopt returned it: 'p', CLI_OPT_PIPELINE, 'P' or 'j') with its
 * argument ARG into D.  Returns 1 when it was one of them, 0 when not, -1 on
 * a bad value (printed).
 */
int cli_docs_option(cli_docs *d, int c, const char *arg);

/*
 * The one option parser of the commands: getopt_long() over ARGV for the
 * command CMD (SHORTOPTS must start with ':' and include those of "p:P:j:"
 * the command takes), taking the cli_docs options into D on the way.
 * Returns the next other option, -1 at the end, or '?' after printing what
 * is wrong (unknown option, missing or bad value).  cli_docs_init() has
 * readied getopt for the first call.
 */
struct option;
int cli_docs_getopt(cli_docs *d, int argc, char **argv, const char *cmd,
                    const char *shortopts, const struct option *longopts);

/* Parse -j's value S (1 to 4096) into *OUT.  Returns 0, or -1 when bad. */
int cli_parse_jobs(const char *s, unsigned *out);

/* The help lines of those options, for a command's usage. */
extern const char cli_docs_help[];

/*
 * Read INPUTS (N of them; none: standard input) through D's stages and hand
 * each document, in input order, to CB(CTX, doc) (see sp_run_options.
 * on_document).  Bad documents are reported on standard error and skipped.
 * Returns the exit status (docs/format.md); D->failed counts the documents
 * that failed.
 */
int cli_docs_each(cli_docs *d, char *const *inputs, size_t n,
                  int (*cb)(void *ctx, const sp_doc *doc), void *ctx);

/* The string value of SPAN's attribute KEY, or NULL when absent or not a
 * string.  Borrowed from the document. */
const char *cli_attr(const sp_span *span, const char *key);

/*
 * Out of memory, the CLI does as the library does (spanpipe/pipeline.h): it
 * says "spanpipe: out of memory" and aborts.  Every allocation of the CLI
 * goes through these (cli_error alone, which reports the failure, makes do
 * without its copy of the message).
 */
void *cli_xmalloc(size_t n);
void *cli_xcalloc(size_t n, size_t size);
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);
char *cli_xstrndup(const char *s, size_t n);

/* Print "spanpipe: FMT" and a newline on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Say why getopt_long() (run with opterr = 0 and an option string starting
 * with ':') refused the argument before ARGV[optind]: CH is what it returned,
 * ':' for a missing value, anything else for an unknown option; CMD names
 * the command whose --help to see. */
void cli_bad_option(const char *cmd, int ch, char *const *argv);

/*
 * Give P its search path: the -P directories (DIRS, NDIRS), then
 * $SPANPIPE_PLUGIN_PATH, then the build tree's plugins when this program runs
 * from the build tree, then the installed plugin directory.
 */
void cli_search_path(sp_pipeline *p, char *const *dirs, size_t ndirs);

#endif
