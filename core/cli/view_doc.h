/*
 * view_doc.h — one annotated document as the HTML that `spanpipe view` shows:
 * a heading, the legend of who speaks, and the text with every span an
 * element.
 */
#ifndef SPANPIPE_CLI_VIEW_DOC_H
#define SPANPIPE_CLI_VIEW_DOC_H

#include <stdio.h>
#include <spanpipe/document.h>

#include "layers.h"

/*
 * Write DOC to F as an <article class="sp-article"> holding, in this order,
 * its heading (meta.title, or the id), a legend of its participants and
 * speakers (<ul class="sp-legend">) and its text (<div class="sp-text">).
 *
 * The text container's text is exactly the document's text (see markup.h for
 * the few characters HTML cannot carry): everything the page adds lives
 * outside it or in CSS.  Inside it each span of a layer LAYERS keeps is one
 * element, or several when it crosses another's end (nest.h), with
 *   data-id      the span's id
 *   data-layer   its layer
 *   data-part    1, 2, ... on the parts after the first (absent on the first)
 *   data-attrs   its attrs as compact JSON (absent when it has none)
 *   class        cN, the palette colour of a speech's speaker and of a
 *                participant and its mentions; sp-alt on every other sentence
 *   id           "sp:" and the span's id on the first part of notes and
 *                participants, the targets of links
 * A note-ref with a note is an <a href="#sp:NOTE"> (unless inside another
 * link), so footnotes work without JavaScript; every other span is a <span>.
 *
 * Returns 0, or -1 when out of memory (what was written is incomplete).
 */
int view_doc_write(FILE *f, const sp_doc *doc, const cli_layers *layers);

/* The number of palette colours (classes c0 to cN-1) view_doc_write() uses;
 * the CSS defines as many.  Further speakers reuse them in turn. */
#define VIEW_PALETTE 12

#endif
