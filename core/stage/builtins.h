/*
 * builtins.h — the stages compiled into the library.  The loader finds them
 * by name before it searches the plugin directories, and hands them out as
 * it hands out a loaded module's descriptor, checked the same way.
 */
#ifndef SPANPIPE_BUILTINS_H
#define SPANPIPE_BUILTINS_H

#include <spanpipe/plugin.h>

/* NULL-terminated, in order of name. */
extern const sp_plugin *const builtin_plugins[];

/* What stands for a built-in stage's file in listings and messages. */
#define BUILTIN_PATH "(built into spanpipe)"

#endif
