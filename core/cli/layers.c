/* layers.c — the -l option's list of layers (see layers.h). */
#include "layers.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void cli_layers_add(cli_layers *l, char *arg)
{
    char *save = NULL;
    for (char *t = strtok_r(arg, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (l->n == l->room) {
            l->room = l->room ? 2 * l->room : 8;
            l->names = cli_xrealloc(l->names, l->room * sizeof *l->names);
        }
        l->names[l->n++] = t;
    }
}

/* A linear search: a command line names a handful of layers. */
int cli_layers_keep(const cli_layers *l, const char *layer)
{
    if (!l->n)
        return 1;
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->names[i], layer))
            return 1;
    return 0;
}

void cli_layers_free(cli_layers *l)
{
    free(l->names);
    memset(l, 0, sizeof *l);
}
