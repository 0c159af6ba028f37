/* pipeline_internal.h — a pipeline's stages, shared by setup and the runner. */
#ifndef SPANPIPE_PIPELINE_INTERNAL_H
#define SPANPIPE_PIPELINE_INTERNAL_H

#include <spanpipe/pipeline.h>
#include "doc/doc_internal.h"
#include "stage/loader.h"

typedef struct stage {
    plugin_mod mod;
    const sp_plugin *desc;
    sp_stage_decl decl;        /* what it is in this run: its descriptor's
                                  name, version and layers, or what it
                                  declared after init() */
    json_t *options;           /* what init() got */
    void *state;
    int inited;
    char *prov;                /* its provenance record, serialised once */
    const char **active;       /* the produced layers this run, NULL-terminated */
    doc_stage ds;              /* what a document needs to know of it */
    /* Required layers no earlier stage produces: the input must have them. */
    const char **from_input;
    size_t nfrom_input;
} stage;

struct sp_pipeline {
    char **dir;
    size_t ndir, dir_cap;
    stage *stage;
    size_t nstage, stage_cap;
    plugin_mod *probe;         /* loaded by sp_pipeline_find_plugin, never run */
    size_t nprobe, probe_cap;
    int started;
};

/* Run DOC, which passed pipeline_check_input(), through the stages; returns
 * 0, or -1 with the failing stage's name in *FAILED and the reason in ERR.
 * WERR is scratch space owned by the calling thread. */
int pipeline_process(const sp_pipeline *p, sp_doc *doc, sp_error *werr,
                     const char **failed, buf *err);

/* Whether DOC has the layers the input must supply; else -1 with a message. */
int pipeline_check_input(const sp_pipeline *p, const sp_doc *doc, const char **stage,
                         buf *err);

#endif
