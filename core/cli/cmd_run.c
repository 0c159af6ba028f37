/*
 * cmd_run.c — `spanpipe run`: options, then the library's pipeline, with
 * diagnostics, progress and the summary printed here.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char run_usage[] =
    "usage: spanpipe run -p STAGE[:key=value,...] ... [options] [INPUT ...]\n"
    "\n"
    "Annotate documents with the given stages, in order.  INPUTs are JSON Lines\n"
    "files, plain-text files (one document each), either compressed (gzip, zstd,\n"
    "xz, bzip2), tar or zip archives (every member, in archive order), directories\n"
    "(every file under them, in sorted order) or '-'; none means standard input.\n"
    "Annotated documents go to standard output as JSON Lines, in input order.\n"
    "\n"
    "  -p, --stage STAGE[:k=v,...]  add a stage (repeatable; 'a,b' is a then b)\n"
    "      --pipeline FILE          add the stages of a JSON pipeline file:\n"
    "                               [{\"stage\":\"segment\",\"options\":{...}}, ...]\n"
    "  -o, --output FILE            write to FILE (gzip, zstd, xz when it ends in\n"
    "                               .gz, .zst, .xz); it\n"
    "                               appears only once complete\n"
    "  -O, --output-dir DIR         one output per input file under DIR, mirroring\n"
    "                               the inputs' paths (NAME.jsonl, or NAME.jsonl.gz\n"
    "                               for a gzipped input), each once complete\n"
    "      --resume                 with -O: skip inputs whose output is there, to\n"
    "                               finish a batch that was stopped\n"
    "      --max-member SIZE        archives: a member of more than SIZE bytes\n"
    "                               (suffix k, M or G) is not read (default 1G)\n"
    "  -j, --jobs N                 worker threads (default: one per core)\n"
    "      --shard K/N              only shard K of N (0 <= K < N), the same on\n"
    "                               every machine: with several input files, the\n"
    "                               files whose path hashes there (the others are\n"
    "                               not read); with one archive, its members whose\n"
    "                               path does; with one file, the documents whose id does\n"
    "      --shard-by-id            with --shard over several input files, split\n"
    "                               by document id too (every shard reads them all)\n"
    "  -P, --plugin-dir DIR         look for plugins in DIR first (repeatable)\n"
    "      --errors FILE            write failed documents to FILE as received,\n"
    "                               and why to FILE.reasons, to fix and run again\n"
    "      --stage-timeout SECONDS  stop the run when a stage spends longer on one\n"
    "                               document (default: no limit)\n"
    "      --on-error=stop          stop at the first failed document\n"
    "                               (default: continue)\n"
    "      --progress, --no-progress  show progress on standard error (default:\n"
    "                               when it is a terminal; elsewhere, plain lines)\n"
    "      --progress-interval SECONDS  how often progress is shown (default 0.25\n"
    "                               on a terminal, 10 elsewhere)\n"
    "  -q, --quiet                  no summary line at the end\n"
    "  -h, --help                   this help\n"
    "\n"
    "Plugins are searched in -P directories, then $SPANPIPE_PLUGIN_PATH\n"
    "(colon-separated), then the installed plugin directory.\n";

enum { OPT_ERRORS = 256, OPT_ON_ERROR, OPT_PROGRESS, OPT_NO_PROGRESS,
       OPT_PROGRESS_INTERVAL, OPT_RESUME, OPT_SHARD, OPT_SHARD_BY_ID, OPT_STAGE_TIMEOUT,
       OPT_MAX_MEMBER };

static void human_time(char *out, size_t n, double s)
{
    unsigned long t = (unsigned long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, n, "%lu:%02lu", t / 60, t % 60);
}

/* How far the run is: "N documents, X MB, Y MB/s[, F failed][, P%, ETA T]".
 * The percentage is of the input bytes read (the reader runs a little ahead
 * of the writer), so it is there from the first line whenever the inputs'
 * sizes are known (files, not a pipe). */
static void put_progress(const sp_progress *p)
{
    double mb = (double)p->text_bytes / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    fprintf(stderr, "spanpipe: %" PRIu64 " documents, %.1f MB, %.1f MB/s", p->docs, mb, rate);
    if (p->failed)
        fprintf(stderr, ", %" PRIu64 " failed", p->failed);
    if (p->in_total) {
        double frac = (double)p->in_bytes / (double)p->in_total;
        if (frac > 1)
            frac = 1;
        fprintf(stderr, ", %.0f%%", 100 * frac);
        if (frac > 0) {
            char eta[32];
            human_time(eta, sizeof eta, p->seconds * (1 - frac) / frac);
            fprintf(stderr, ", ETA %s", eta);
        }
    }
}

/* On a terminal the line is redrawn in place every interval; anywhere else (a
 * Slurm or cron log) each report is a plain line of its own, without carriage
 * returns or escapes, every rep->plain_every seconds. */
static void on_progress(void *ctx, const sp_progress *p)
{
    cli_reporter *rep = ctx;
    if (!rep->mode)
        rep->mode = isatty(2) ? 1 : 2;
    if (rep->mode == 2) {
        if (p->done || p->seconds < rep->plain_next)
            return;
        rep->plain_next = p->seconds + rep->plain_every;
        put_progress(p);
        fputc('\n', stderr);
        return;
    }
    if (p->done) {
        if (rep->progress_shown)
            fputs("\r\033[K", stderr);
        rep->progress_shown = 0;
        return;
    }
    fputs("\r\033[K", stderr);
    put_progress(p);
    fflush(stderr);
    rep->progress_shown = 1;
}

/* "K/N" with 0 <= K < N. */
static int parse_shard(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    errno = 0;
    unsigned long a = strtoul(s, &end, 10);
    if (end == s || *end != '/' || s[0] == '-')
        return -1;
    const char *t = end + 1;
    unsigned long b = strtoul(t, &end, 10);
    if (end == t || *end || *t == '-' || errno || b == 0 || a >= b || b > 1000000)
        return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}

/* "N", "Nk", "NM" or "NG" bytes, N > 0, into *N. */
static int parse_size(const char *s, uint64_t *n)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'M')
        shift = 20;
    else if (*end == 'G')
        shift = 30;
    if (shift)
        end++;
    if (end == s || *end || s[0] == '-' || errno || v == 0 || v > (UINT64_MAX >> shift))
        return -1;
    *n = (uint64_t)v << shift;
    return 0;
}

/*
 * Take run's own option C (the chain's are cli_docs_getopt's) into O,
 * *PROGRESS and *QUIET.  Returns 0; 1 after printing the help; -1 after
 * printing what is wrong.
 */
static int run_option(int c, sp_run_options *o, int *progress, int *quiet)
{
    switch (c) {
    case OPT_MAX_MEMBER:
        if (parse_size(optarg, &o->max_member) < 0) {
            cli_error("--max-member wants a number of bytes above 0, with k, M or G "
                      "after it for 2^10, 2^20, 2^30, e.g. 500M, not '%s'", optarg);
            return -1;
        }
        break;
    case 'o': o->output = optarg; break;
    case 'O': o->output_dir = optarg; break;
    case OPT_RESUME: o->resume = 1; break;
    case OPT_STAGE_TIMEOUT: {
        char *end;
        o->stage_timeout = strtod(optarg, &end);
        if (!*optarg || *end || !(o->stage_timeout > 0)) {
            cli_error("--stage-timeout wants a number of seconds, not '%s'", optarg);
            return -1;
        }
        break;
    }
    case OPT_SHARD:
        if (parse_shard(optarg, &o->shard, &o->shards) < 0) {
            cli_error("--shard wants K/N with 0 <= K < N, e.g. --shard 3/100, not '%s'",
                      optarg);
            return -1;
        }
        break;
    case OPT_SHARD_BY_ID: o->shard_by_id = 1; break;
    case OPT_ERRORS: o->errors = optarg; break;
    case OPT_ON_ERROR:
        if (!strcmp(optarg, "stop"))
            o->stop_on_error = 1;
        else if (strcmp(optarg, "continue") != 0) {
            cli_error("--on-error wants 'stop' or 'continue', not '%s'", optarg);
            return -1;
        }
        break;
    case OPT_PROGRESS: *progress = 1; break;
    case OPT_NO_PROGRESS: *progress = 0; break;
    case OPT_PROGRESS_INTERVAL: {
        char *end;
        o->progress_interval = strtod(optarg, &end);
        if (!*optarg || *end || o->progress_interval < 0) {
            cli_error("--progress-interval wants seconds, not '%s'", optarg);
            return -1;
        }
        /* 0 would mean the default; the smallest step is what was asked */
        if (o->progress_interval == 0)
            o->progress_interval = 1e-9;
        break;
    }
    case 'q': *quiet = 1; break;
    case 'h':
        fputs(run_usage, stdout);
        return 1;
    default: /* '?': cli_docs_getopt said what is wrong */
        return -1;
    }
    return 0;
}

/* The summary line on standard error. */
static void print_summary(const sp_run_stats *st)
{
    fprintf(stderr, "spanpipe: %" PRIu64 " document%s read, %" PRIu64 " written, %" PRIu64
            " failed", st->read, st->read == 1 ? "" : "s", st->written, st->failed);
    if (st->other_shards)
        fprintf(stderr, "; %" PRIu64 " left to other shards", st->other_shards);
    if (st->other_shard_inputs)
        fprintf(stderr, "; %" PRIu64 " input file%s left to other shards, %.2f MB read",
                st->other_shard_inputs, st->other_shard_inputs == 1 ? "" : "s",
                (double)st->bytes_read / 1e6);
    if (st->skipped_inputs)
        fprintf(stderr, "; %" PRIu64 " input%s already done", st->skipped_inputs,
                st->skipped_inputs == 1 ? "" : "s");
    fputc('\n', stderr);
}

/* Whether the outputs O names go together.  Returns 0, or -1 (printed). */
static int check_outputs(const sp_run_options *o)
{
    if (o->output && o->output_dir) {
        cli_error("-o and -O do not go together: one output file, or one per input");
        return -1;
    }
    /* The failed documents need a file of their own: on standard output they
     * would mix with the good ones, and "-" would name "-.reasons". */
    if (o->errors && (!strcmp(o->errors, "-") || (o->output && !strcmp(o->errors, o->output)))) {
        cli_error("--errors wants a file of its own, not %s",
                  !strcmp(o->errors, "-") ? "standard output" : "the -o file");
        return -1;
    }
    if (o->resume && !o->output_dir) {
        cli_error("--resume goes with -O DIR (it skips inputs whose output is there)");
        return -1;
    }
    return 0;
}

int cmd_run(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "stage", required_argument, NULL, 'p' },
        { "pipeline", required_argument, NULL, CLI_OPT_PIPELINE },
        { "output", required_argument, NULL, 'o' },
        { "output-dir", required_argument, NULL, 'O' },
        { "resume", no_argument, NULL, OPT_RESUME },
        { "shard", required_argument, NULL, OPT_SHARD },
        { "shard-by-id", no_argument, NULL, OPT_SHARD_BY_ID },
        { "stage-timeout", required_argument, NULL, OPT_STAGE_TIMEOUT },
        { "max-member", required_argument, NULL, OPT_MAX_MEMBER },
        { "jobs", required_argument, NULL, 'j' },
        { "plugin-dir", required_argument, NULL, 'P' },
        { "errors", required_argument, NULL, OPT_ERRORS },
        { "on-error", required_argument, NULL, OPT_ON_ERROR },
        { "progress", no_argument, NULL, OPT_PROGRESS },
        { "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
        { "progress-interval", required_argument, NULL, OPT_PROGRESS_INTERVAL },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    cli_docs d;
    cli_docs_init(&d, argc);
    sp_run_options o = { 0 };
    int progress = isatty(2), quiet = 0, status = SP_USAGE;
    int c;
    while ((c = cli_docs_getopt(&d, argc, argv, "run", ":p:o:O:j:P:qh", longopts)) != -1) {
        int r = run_option(c, &o, &progress, &quiet);
        if (r != 0) {
            status = r > 0 ? SP_OK : SP_USAGE;
            goto out;
        }
    }
    if (check_outputs(&o) < 0)
        goto out;
    if (d.nstages == 0) {
        cli_error("no stage given: use -p STAGE or --pipeline FILE (see spanpipe run --help)");
        goto out;
    }

    o.jobs = d.jobs;
    sp_pipeline *p = cli_pipeline_start(d.dirs, d.ndirs, d.stages, d.nstages);
    if (!p)
        goto out;
    cli_reporter rep = {
        /* plain lines in a log: the interval asked for, else every 10 s */
        .plain_every = o.progress_interval > 0 ? o.progress_interval : 10,
        .to_stdout = !o.output_dir && (!o.output || !strcmp(o.output, "-")),
    };
    o.on_diag = cli_on_diag;
    o.report_crashes = 1;
    o.on_progress = progress ? on_progress : NULL;
    o.ctx = &rep;
    sp_run_stats st;
    status = sp_pipeline_run(p, (const char *const *)argv + optind, (size_t)(argc - optind),
                             &o, &st);
    /* A reader that went away (`| head -1`) is no error: the run stopped
     * writing, quietly, with the status it had come to. */
    if (rep.reader_gone && status == SP_IO && !rep.other_io)
        status = st.failed ? SP_FAILED : SP_OK;
    /* A run refused before it read anything has nothing to sum up. */
    if (!quiet && !rep.reader_gone && !(status == SP_USAGE && st.read == 0))
        print_summary(&st);
    cli_pipeline_end(p, &st, status);
out:
    cli_docs_free(&d);
    return status;
}
