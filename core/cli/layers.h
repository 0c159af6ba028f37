/*
 * layers.h — the -l LAYER[,LAYER] option of the commands that show spans
 * (spans, view): which layers to keep.
 */
#ifndef SPANPIPE_CLI_LAYERS_H
#define SPANPIPE_CLI_LAYERS_H

#include <stddef.h>

typedef struct cli_layers {
    char **names;   /* borrowed from the arguments, which are split in place */
    size_t n, room;
} cli_layers;

/* Add the names in ARG ("a,b"; cut at its commas, so it must outlive L). */
void cli_layers_add(cli_layers *l, char *arg);

/* Whether LAYER is kept: named, or no -l given at all. */
int cli_layers_keep(const cli_layers *l, const char *layer);

void cli_layers_free(cli_layers *l);

#endif
