/*
 * cli.h — the `spanpipe` command: the one place that prints and exits.
 */
#ifndef SPANPIPE_CLI_H
#define SPANPIPE_CLI_H

#include <spanpipe/pipeline.h>

/* `spanpipe run ...`; returns the exit status. */
int cmd_run(int argc, char **argv);

/* `spanpipe plugins [NAME]`; returns the exit status. */
int cmd_plugins(int argc, char **argv);

/* Print "spanpipe: FMT" and a newline on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Give P its search path: the -P directories (DIRS, NDIRS), then
 * $SPANPIPE_PLUGIN_PATH, then the build tree's plugins when this program runs
 * from the build tree, then the installed plugin directory.
 */
void cli_search_path(sp_pipeline *p, char *const *dirs, size_t ndirs);

#endif
