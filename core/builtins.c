/* builtins.c — the table of stages compiled into the library (builtins.h). */
#include "builtins.h"
#include "execstage.h"

#include <stddef.h>

const sp_plugin *const builtin_plugins[] = {
    &exec_plugin,
    NULL,
};
