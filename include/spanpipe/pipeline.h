/*
 * spanpipe/pipeline.h — running stages over inputs from a program.
 *
 * This is what the `spanpipe` command is built on; a program that wants
 * spanpipe's reading, stages, checks and ordered parallel output without a
 * shell uses it the same way:
 *
 *     sp_error *err = sp_error_new();
 *     sp_pipeline *p = sp_pipeline_new();
 *     sp_pipeline_add_dir(p, sp_plugin_dir());
 *     if (sp_pipeline_add_spec(p, "segment:tokens=true,citations", err) < 0 ||
 *         sp_pipeline_start(p, err) < 0)
 *         ... sp_error_message(err), status SP_USAGE ...
 *     sp_run_options o = { .jobs = 4, .on_diag = print_it };
 *     sp_status st = sp_pipeline_run(p, inputs, ninputs, &o, &stats);
 *     sp_pipeline_free(p);
 *
 * Threads: a pipeline is driven from one thread.  sp_pipeline_run() starts its
 * own worker threads and joins them before it returns (except those a stage
 * keeps stuck past stage_timeout: sp_run_stats.abandoned counts them); the callbacks it is
 * given are all called from one thread at a time.
 *
 * Out of memory: the library does not try to limp on.  When an allocation
 * fails anywhere in it (here or in spanpipe/document.h), it writes
 * "spanpipe: out of memory" on standard error and calls abort(): a pipeline
 * that cannot allocate a few kilobytes cannot write a correct result, and
 * dropping a document silently would be worse than stopping.  No function
 * here returns NULL or an error for want of memory (spanpipe/outfile.h's
 * sp_outfile_stream, which wraps stdio, is the one exception it states).  The `spanpipe` command
 * follows the same policy.
 */
#ifndef SPANPIPE_PIPELINE_H
#define SPANPIPE_PIPELINE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <spanpipe/document.h>
#include <spanpipe/error.h>
#include <spanpipe/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Outcome of a run, and the `spanpipe` command's exit status (docs/format.md, "Errors and exit statuses"). */
typedef enum sp_status {
    SP_OK = 0,      /* every document done */
    SP_FAILED = 1,  /* some documents failed; the others were written */
    SP_USAGE = 2,   /* usage or set-up error: bad option, plugin, chain */
    SP_IO = 3       /* an input or the output could not be read or written at all */
} sp_status;

typedef struct sp_pipeline sp_pipeline;

/* The version of spanpipe, e.g. "0.1.0".  Static. */
const char *sp_version(void);

/* The directory plugins are installed in.  Static. */
const char *sp_plugin_dir(void);

/* A new, empty pipeline, owned by the caller.  Never NULL. */
sp_pipeline *sp_pipeline_new(void);

/* Finish the stages (fini), unload the plugins, free P.  NULL is allowed. */
void sp_pipeline_free(sp_pipeline *p);

/*
 * Append DIR (copied) to the plugin search path; the first directory that has
 * a plugin wins.  The current directory is searched only when added.  An
 * empty DIR names no folder and is ignored (it does not mean "/").
 */
void sp_pipeline_add_dir(sp_pipeline *p, const char *dir);

/*
 * Append the stage NAME with OPTIONS (a JSON object, borrowed; NULL for none).
 * NAME is a plugin's name, looked for as NAME.la or NAME.so in the search
 * path, or a path to a module when it contains a '/'.  The plugin is loaded
 * and checked (ABI, descriptor) and the options checked against its
 * declaration; string values are converted to the declared type.  Returns 0,
 * or -1 with a message in ERR.  Not after sp_pipeline_start().
 */
int sp_pipeline_add_stage(sp_pipeline *p, const char *name, const json_t *options,
                          sp_error *err);

/*
 * Append the stages of the string `spec`, written as on the command line after -p:
 * "a,b:key=value,key2=value2,c".  A value holding a comma is quoted,
 * key="x,y" (the quote right after '='; inside, \" is a quote and \\ a
 * backslash), or has the comma escaped, key=x\,y.  Empty items are skipped.
 * Returns 0, or -1 with a message in ERR; when a stage name that follows an
 * option is refused, the message says the comma may belong to the value.
 */
int sp_pipeline_add_spec(sp_pipeline *p, const char *spec, sp_error *err);

/*
 * Append the stages listed in the JSON file PATH:
 * [{"stage":"segment","options":{"tokens":true}}, ...].  Returns 0, or -1
 * with a message in ERR naming the file and what is wrong.
 */
int sp_pipeline_add_file(sp_pipeline *p, const char *path, sp_error *err);

/* How many stages P has. */
size_t sp_pipeline_stage_count(const sp_pipeline *p);

/*
 * Check the chain (a stage's required layers come from an earlier stage, or
 * else must come with the input) and call every stage's init(), in order.
 * A pipeline without stages is allowed: its run reads and checks documents
 * and passes them on unchanged.
 * Returns 0, or -1 with a message in ERR (status SP_USAGE).
 */
int sp_pipeline_start(sp_pipeline *p, sp_error *err);

/* A problem met while running, handed to sp_run_options.on_diag. */
typedef struct sp_diag {
    sp_status status;     /* SP_FAILED: one document; SP_IO: an input or output;
                             SP_USAGE: the chain does not fit the input */
    const char *file;     /* the input it is in, "<stdin>", or NULL */
    unsigned long line;   /* its line in that input, or 0 */
    const char *doc_id;   /* the document's id when known, or NULL */
    const char *stage;    /* the stage that failed, or NULL */
    const char *message;  /* what is wrong */
} sp_diag;

/* Where a run is, handed to sp_run_options.on_progress. */
typedef struct sp_progress {
    uint64_t docs;        /* documents finished (written or failed) */
    uint64_t failed;
    uint64_t text_bytes;  /* bytes of text in the finished documents */
    uint64_t in_bytes;    /* bytes read from the inputs (compressed as stored) */
    uint64_t in_total;    /* their total size, or 0 when unknown (a pipe) */
    double seconds;       /* since the run started */
    int done;             /* 1 on the last call */
} sp_progress;

typedef struct sp_run_options {
    unsigned jobs;            /* worker threads; 0 for one per core */
    const char *output;       /* file to write, NULL or "-" for standard output;
                                 a name ending in ".gz", ".zst" or ".xz" is
                                 written compressed so */
    const char *errors;       /* file for failed documents as received, or NULL;
                                 their reasons go to ERRORS.reasons */
    int stop_on_error;        /* stop at the first failed document */
    /* Called for every problem, in input order; may be NULL. */
    void (*on_diag)(void *ctx, const sp_diag *d);
    /* Called about every progress_interval seconds and once at the end; may be NULL. */
    void (*on_progress)(void *ctx, const sp_progress *p);
    double progress_interval; /* 0 for 0.25 s */
    void *ctx;
    /* One output per input file under this directory, mirroring the inputs'
     * paths (".jsonl", or ".jsonl.gz" for a gzipped input), instead of
     * `output`; each appears once complete.  NULL for none. */
    const char *output_dir;
    int resume;               /* with output_dir: skip inputs whose output exists */
    /* Process only shard SHARD (0 to SHARDS-1) of SHARDS, the same on every
     * run and machine.  SHARDS 0 or 1: everything.  Over several input files
     * (a directory, a list) a shard is whole files, those whose path below the
     * argument that named them hashes there (64-bit FNV-1a of the path's bytes,
     * modulo SHARDS): the others are not even opened.  Over one archive it is
     * the members whose path in it hashes there (every shard reads the
     * archive and skips the others' members).  Over one other file (or
     * standard input), or with shard_by_id, it is the documents whose id
     * hashes there, and every shard reads the whole input. */
    unsigned shard, shards;
    /* Seconds a stage may spend on one document (0: no limit).  Past it the
     * run stops: the documents before are written, the message names the
     * stage and document, and the stuck thread is left behind (see
     * sp_run_stats.abandoned). */
    double stage_timeout;
    /* On a fatal signal in a stage (a plugin's crash), say on standard error
     * which stage and document were running before the process dies. */
    int report_crashes;
    /* Hand each document that went through the stages to ON_DOCUMENT instead
     * of writing it as JSON Lines (`output` and `output_dir` are then not
     * used): this is how `spanpipe spans`, `view` and `export` get documents.
     * Called from one thread at a time, in input order, with DOC borrowed for
     * the call (read it with spanpipe/document.h; do not add spans).  Failed
     * documents are reported through on_diag and not handed over.  A non-zero
     * return stops the run as an output error would (status SP_IO): the
     * callback says why itself.  NULL: write JSON Lines. */
    int (*on_document)(void *ctx, const sp_doc *doc);
    /* An archive's member (tar, zip) whose content is more than this many
     * bytes, once decompressed, is not read: it is reported as an input that
     * could not be read, the documents before the limit kept.  0: the
     * default, 1 GiB (2^30 bytes). */
    uint64_t max_member;
    /* With shards: split by document id even over several input files. */
    int shard_by_id;
} sp_run_options;

typedef struct sp_run_stats {
    uint64_t read;      /* documents read */
    uint64_t written;   /* documents written */
    uint64_t failed;    /* documents that failed */
    uint64_t skipped_inputs; /* inputs --resume found done */
    uint64_t other_shards;   /* documents left to other shards */
    unsigned abandoned;      /* threads left stuck in a stage past stage_timeout:
                                when not 0, do not free the pipeline (a stage is
                                still inside it): finish the process instead */
    uint64_t other_shard_inputs; /* input files (or an archive's members) left
                                    to other shards, not read */
    uint64_t bytes_read;     /* bytes read from the inputs, as stored (compressed) */
} sp_run_stats;

/*
 * Run the started pipeline over INPUTS (NINPUTS paths; a directory means every
 * regular file under it in sorted order; "-" or NINPUTS == 0 means standard
 * input), writing documents in input order.  STATS (may be NULL) receives the
 * counts.  Returns the status (see sp_status).
 */
sp_status sp_pipeline_run(sp_pipeline *p, const char *const *inputs, size_t ninputs,
                          const sp_run_options *opts, sp_run_stats *stats);

/*
 * Call CB for each plugin in the search path, by name, the first of a name
 * only, in order of name: PATH is the module's file; DESC its descriptor, or
 * NULL with ERROR saying why it could not be loaded.  All borrowed for the
 * call.  Returns how many were found.
 */
size_t sp_pipeline_list_plugins(sp_pipeline *p,
                                void (*cb)(void *ctx, const char *path,
                                           const sp_plugin *desc, const char *error),
                                void *ctx);

/*
 * Load the plugin NAME as sp_pipeline_add_stage() would, without adding a
 * stage.  Returns its descriptor (valid until P is freed) and stores its file
 * in *PATH (likewise), or NULL with a message in ERR.
 */
const sp_plugin *sp_pipeline_find_plugin(sp_pipeline *p, const char *name,
                                         const char **path, sp_error *err);

#ifdef __cplusplus
}
#endif
#endif
