/*
 * loader.h — finding stages by name and checking their descriptors: the
 * stages built into the library (builtins.h) and plugin modules.
 *
 * libltdl is not made for concurrent use, so everything here runs in the
 * thread that sets the pipeline up, before any worker starts; modules stay
 * loaded until the pipeline is freed.
 */
#ifndef SPANPIPE_LOADER_H
#define SPANPIPE_LOADER_H

#include <ltdl.h>
#include <spanpipe/plugin.h>
#include "base/buf.h"

typedef struct plugin_mod {
    lt_dlhandle handle;
    const sp_plugin *desc;
    char *path;               /* the file it was loaded from, or BUILTIN_PATH */
    int builtin;              /* a stage of the library: no module, no handle */
} plugin_mod;

/* Set libltdl up (counted: call loader_exit as often). */
void loader_init(void);
void loader_exit(void);

/*
 * Find stage NAME: a module's path when it contains '/', else the built-in
 * stage of that name, else NAME.la or NAME.so in the first of DIRS that has
 * one.  Returns 0, or -1 with a message in ERR
 * (not found, not loadable, not a plugin, wrong ABI, incomplete descriptor).
 */
int loader_open(const char *const *dirs, size_t ndirs, const char *name,
                plugin_mod *out, buf *err);

/* Check a descriptor found at PATH.  Returns 0, or -1 with a message in ERR. */
int loader_check(const sp_plugin *d, const char *path, buf *err);

/*
 * Check what a stage declared after init() (sp_plugin.declare), as
 * loader_check() checks a descriptor; WHAT names the stage in the message.
 * Returns 0, or -1 with a message in ERR.
 */
int loader_check_decl(const sp_stage_decl *d, const char *what, buf *err);

/* Unload M's module, if it has one, and clear M. */
void loader_close(plugin_mod *m);

/*
 * Call CB for each built-in stage and each module in DIRS (the first of a
 * name only) in order of name.  Returns how many were found.
 */
size_t loader_list(const char *const *dirs, size_t ndirs,
                   void (*cb)(void *ctx, const char *path, const sp_plugin *desc,
                              const char *error),
                   void *ctx);

#endif
