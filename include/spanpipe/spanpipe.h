/*
 * spanpipe/spanpipe.h — the one header a plugin includes.
 *
 * spanpipe runs documents through stages; each stage reads and adds spans
 * (standoff annotations over the document's text, with JSON attributes).
 * See plugin.h for what a stage exports, document.h for what it can read and
 * add, error.h for how it fails, pipeline.h for running stages from a program.
 */
#ifndef SPANPIPE_SPANPIPE_H
#define SPANPIPE_SPANPIPE_H

#include <spanpipe/abi.h>
#include <spanpipe/error.h>
#include <spanpipe/document.h>
#include <spanpipe/plugin.h>

#endif
