/*
 * view_page.h — the page `spanpipe view` writes: one self-contained HTML file
 * (its CSS and JavaScript inline, nothing fetched) holding every document.
 *
 * The first document is part of the page, readable without JavaScript; the
 * others wait in <template> elements, which the browser parses but neither
 * styles nor lays out, until the script shows one in place of the current.
 * The script builds the index of documents from them.  The page is written
 * as the documents come, so memory holds one document at a time.
 */
#ifndef SPANPIPE_CLI_VIEW_PAGE_H
#define SPANPIPE_CLI_VIEW_PAGE_H

#include <stdio.h>
#include <jansson.h>
#include <spanpipe/document.h>

#include "layers.h"

typedef struct view_page {
    FILE *f;
    const cli_layers *layers;   /* borrowed: which layers to show */
    size_t ndocs;
    json_t *tally;              /* layer -> its spans in the page, for the toggles */
} view_page;

/* Start the page on F, titled TITLE (UTF-8), showing LAYERS (both borrowed
 * until view_page_end()).  Returns 0, or -1 when out of memory. */
int view_page_begin(view_page *p, FILE *f, const char *title, const cli_layers *layers);

/* Add DOC.  Returns 0, or -1 when out of memory. */
int view_page_doc(view_page *p, const sp_doc *doc);

/* Write the end of the page (layer toggles, inspector, script) and free P's
 * own memory.  Errors show in ferror(F). */
void view_page_end(view_page *p);

#endif
