/*
 * execstage.h — the built-in `exec` stage (`-p exec:command=...`): a stage
 * that is a long-lived child process speaking JSON Lines, so a stage can be
 * written in any language.  It is registered in builtins.c like any stage
 * compiled into the library; nothing else in the core names it.
 *
 * Protocol (docs/writing-plugins.md §6 has the guide):
 *   - the command runs under /bin/sh -c, once per worker thread that needs
 *     it, and lives for the whole run;
 *   - unless the options give `produces` (and `requires`), its first line is
 *     a handshake, within `handshake-timeout` seconds:
 *     {"name":"countries","version":"1.2.0","requires":["sentence"],
 *      "produces":["country"]}; name and version are optional and, when
 *     given, are what messages and `layers` provenance call the stage
 *     (through sp_plugin.declare), else it is "exec" 1.0.0; every later
 *     copy must repeat the first one's name, version and layers, or it is
 *     stopped and fails its document;
 *   - then for each document spanpipe writes the document as one JSON line
 *     (docs/format.md: code point offsets, the spans it has so far) and reads
 *     one line back: the document with the stage's spans added.  Spans of the
 *     declared layers are taken (ids kept, checked like a C stage's), the rest
 *     ignored; the text must come back unchanged.
 *   - a child that exits, answers garbage or takes longer than `timeout`
 *     seconds fails that document, with the tail of its standard error in the
 *     message, and is replaced for the next one; so does an answer line
 *     longer than `max-answer` MiB;
 *   - timeout, handshake-timeout (seconds) and max-answer (MiB) out of
 *     range are refused by init, with the option named;
 *   - each child starts with no signal blocked and every one at its default
 *     action, as from a shell, and is the leader of its own process group
 *     (childgroups.h):
 *     the group is killed when the child is given up and when spanpipe
 *     exits; its standard error is a pipe drained into its last 600 bytes.
 */
#ifndef SPANPIPE_EXECSTAGE_H
#define SPANPIPE_EXECSTAGE_H

#include <spanpipe/plugin.h>

/* The descriptor. */
extern const sp_plugin exec_plugin;

#endif
