/*
 * export.h — what the formats of `spanpipe export` share: each is an
 * exporter (export_tei.c, export_brat.c, export_conllu.c) driven by
 * cmd_export.c, which hands it the documents in input order.
 */
#ifndef SPANPIPE_CLI_EXPORT_H
#define SPANPIPE_CLI_EXPORT_H

#include "output.h"
#include <spanpipe/document.h>

typedef struct export_ctx {
    cli_out out;            /* the one output stream, unless DIR is set */
    const char *dir;        /* -O DIR: one output (or pair) per document */
    unsigned long ndocs;    /* documents handed over so far */
    unsigned long skipped;  /* documents the format could not take (reported) */
    json_t *names;          /* -O: the file names given so far (a set) */
    void *state;            /* the format's own */
} export_ctx;

typedef struct exporter {
    const char *name;
    const char *summary;
    int needs_dir;          /* writes several files a document: -O is required */
    /* Each returns 0, or -1 after printing why (the export stops, status 3). */
    int (*begin)(export_ctx *x);
    /* Also 1 after printing why this document's file(s) could not be
     * written (-O: an id too long for a file name, a folder in the way): the
     * export goes on with the next, and exits 1. */
    int (*document)(export_ctx *x, const sp_doc *doc);
    /* Finish; OK is 0 when the export stopped early.  Frees the state. */
    int (*end)(export_ctx *x, int ok);
} exporter;

extern const exporter export_tei, export_brat, export_conllu;

/*
 * Read the TEI mapping file PATH (docs/export.md): one rule a line, "LAYER
 * ELEMENT" or "LAYER@ATTR ELEMENT@ATTRIBUTE", '#' comments.  It holds for the
 * TEI export that follows (freed at its end).  Returns 0, or -1 after
 * printing what is wrong and where.  Not thread-safe (one export a process).
 */
int export_tei_map(const char *path);

/*
 * The path below X->dir for DOC's output with extension EXT (".xml"), to
 * open with cli_out_open_in():
 * the document's id, with each character that is not a letter, digit, '-',
 * '_' or '.' replaced by '_', except '/' which makes subdirectories (no
 * component may be "." or ".."), made unique with a "-2", "-3", ... suffix.
 * STEM, when not NULL, receives the path without EXT (brat's pair).  Returns
 * a string the caller frees, or NULL when out of memory.
 */
char *export_path(export_ctx *x, const sp_doc *doc, const char *ext, char **stem);

#endif
