/* builtins.c — the table of stages compiled into the library (builtins.h). */
#include "stage/builtins.h"
#include "stage/execstage.h"

#include <stddef.h>

const sp_plugin *const builtin_plugins[] = {
    &exec_plugin,
    NULL,
};
