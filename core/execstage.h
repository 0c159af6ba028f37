/*
 * execstage.h — `-p exec:command=...`: a stage that is a long-lived child
 * process speaking JSON Lines, so a stage can be written in any language.
 *
 * Protocol (docs/writing-plugins.md has the guide):
 *   - the command runs under /bin/sh -c, once per worker thread that needs
 *     it, and lives for the whole run;
 *   - unless the options give `produces` (and `requires`), its first line is
 *     a handshake: {"requires":["sentence"],"produces":["shout"]};
 *   - then for each document spanpipe writes the document as one JSON line
 *     (SPEC section 1: code point offsets, the spans it has so far) and reads
 *     one line back: the document with the stage's spans added.  Spans of the
 *     declared layers are taken (ids kept, checked like a C stage's), the rest
 *     ignored; the text must come back unchanged.
 *   - a child that exits, answers garbage or takes longer than `timeout`
 *     seconds fails that document, with the tail of its standard error in the
 *     message, and is replaced for the next one.
 */
#ifndef SPANPIPE_EXECSTAGE_H
#define SPANPIPE_EXECSTAGE_H

#include <spanpipe/plugin.h>

/* The name that selects it: -p exec:command=... */
#define EXEC_STAGE_NAME "exec"

/* A new descriptor for one exec stage (malloc'd; free with exec_descriptor_free). */
sp_plugin *exec_descriptor_new(void);
void exec_descriptor_free(sp_plugin *d);

/* After init: put the layers the command declared into D. */
void exec_settle_layers(sp_plugin *d, const void *state);

#endif
