/*
 * pipeline.c — setting a pipeline up: search path, stages and their options,
 * the chain check, init and fini (docs/format.md, Chains), and running one document
 * through the stages.
 */
#include "config.h"
#include "stage/pipeline_internal.h"
#include "doc/docwrite.h"
#include "base/error_internal.h"
#include "stage/watch.h"
#include "stage/options.h"

#include <stdlib.h>
#include <string.h>

#ifndef SP_PLUGINDIR
#define SP_PLUGINDIR "/usr/local/lib/spanpipe/plugins"
#endif
#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

const char *sp_version(void)
{
    return PACKAGE_VERSION;
}

const char *sp_plugin_dir(void)
{
    return SP_PLUGINDIR;
}

sp_pipeline *sp_pipeline_new(void)
{
    /* jansson seeds its hash function on first use; do it here, in one
     * thread, before any worker creates an object. */
    json_object_seed(0);
    loader_init();
    return xcalloc(1, sizeof(sp_pipeline));
}

void sp_pipeline_free(sp_pipeline *p)
{
    if (!p)
        return;
    for (size_t i = p->nstage; i-- > 0;) {
        stage *s = &p->stage[i];
        if (s->inited && s->desc->fini)
            s->desc->fini(s->state);
        json_decref(s->options);
        free(s->prov);
        free(s->active);
        free(s->from_input);
        loader_close(&s->mod);
    }
    free(p->stage);
    for (size_t i = 0; i < p->nprobe; i++)
        loader_close(&p->probe[i]);
    free(p->probe);
    for (size_t i = 0; i < p->ndir; i++)
        free(p->dir[i]);
    free(p->dir);
    free(p);
    loader_exit();
}

void sp_pipeline_add_dir(sp_pipeline *p, const char *dir)
{
    /* "" names no folder: joined to a name it would search the root (/x.so) */
    if (!*dir)
        return;
    p->dir = xgrow(p->dir, &p->dir_cap, p->ndir + 1, sizeof *p->dir);
    p->dir[p->ndir++] = xstrdup(dir);
}

size_t sp_pipeline_stage_count(const sp_pipeline *p)
{
    return p->nstage;
}

/* Hand a message built in B over to the public error. */
static int fail(sp_error *err, buf *b)
{
    sp_error_set(err, "%s", b->data ? b->data : "unknown error");
    buf_free(b);
    return -1;
}

static int add_stage(sp_pipeline *p, const char *name, const json_t *options, buf *err)
{
    if (p->started) {
        buf_printf(err, "stage '%s' added after the pipeline started", name);
        return -1;
    }
    stage s;
    memset(&s, 0, sizeof s);
    if (loader_open((const char *const *)p->dir, p->ndir, name, &s.mod, err) < 0)
        return -1;
    s.desc = s.mod.desc;
    s.options = options_resolve(s.desc, options, err);
    if (!s.options) {
        loader_close(&s.mod);
        return -1;
    }
    p->stage = xgrow(p->stage, &p->stage_cap, p->nstage + 1, sizeof *p->stage);
    p->stage[p->nstage++] = s;
    return 0;
}

int sp_pipeline_add_stage(sp_pipeline *p, const char *name, const json_t *options,
                          sp_error *err)
{
    buf b = BUF_INIT;
    if (add_stage(p, name, options, &b) < 0)
        return fail(err, &b);
    return 0;
}

static int spec_cb(void *ctx, const char *name, json_t *opts, buf *err)
{
    int rc = add_stage(ctx, name, opts, err);
    json_decref(opts);
    return rc;
}

int sp_pipeline_add_spec(sp_pipeline *p, const char *spec, sp_error *err)
{
    buf b = BUF_INIT;
    if (options_parse_spec(spec, spec_cb, p, &b) < 0)
        return fail(err, &b);
    return 0;
}

int sp_pipeline_add_file(sp_pipeline *p, const char *path, sp_error *err)
{
    buf b = BUF_INIT;
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        buf_printf(&b, "%s:%d: %s", path, jerr.line, jerr.text);
        return fail(err, &b);
    }
    if (!json_is_array(root) || json_array_size(root) == 0) {
        buf_printf(&b, "%s: expected a non-empty JSON array of stages, "
                   "[{\"stage\":\"NAME\",\"options\":{...}}, ...]", path);
        json_decref(root);
        return fail(err, &b);
    }
    size_t i;
    json_t *v;
    json_array_foreach(root, i, v) {
        json_t *name = json_object_get(v, "stage");
        json_t *opts = json_object_get(v, "options");
        if (!json_is_string(name) || (opts && !json_is_object(opts))) {
            buf_printf(&b, "%s: item %zu: expected {\"stage\":\"NAME\",\"options\":{...}}",
                       path, i + 1);
            json_decref(root);
            return fail(err, &b);
        }
        if (add_stage(p, json_string_value(name), opts, &b) < 0) {
            buf e = BUF_INIT;
            buf_printf(&e, "%s: item %zu: %s", path, i + 1, b.data);
            buf_free(&b);
            json_decref(root);
            return fail(err, &e);
        }
    }
    json_decref(root);
    return 0;
}

static int in_list(const char *const *l, const char *s)
{
    for (; l && *l; l++)
        if (strcmp(*l, s) == 0)
            return 1;
    return 0;
}

/*
 * The chain check: a required layer comes from an earlier stage, or else from
 * the input.  It cannot come from a later stage: that is an order mistake
 * caught here, before any input is read.
 */
static int check_chain(sp_pipeline *p, buf *err)
{
    for (size_t i = 0; i < p->nstage; i++) {
        stage *s = &p->stage[i];
        for (const char *const *r = s->decl.requires; r && *r; r++) {
            size_t j;
            for (j = 0; j < i; j++)
                if (in_list(p->stage[j].active, *r))
                    break;
            if (j < i)
                continue;
            for (j = i + 1; j < p->nstage; j++)
                if (in_list(p->stage[j].active, *r)) {
                    buf_printf(err, "stage '%s' requires layer '%s', which stage '%s' "
                               "produces only after it: put '%s' first",
                               s->decl.name, *r, p->stage[j].decl.name,
                               p->stage[j].decl.name);
                    return -1;
                }
            s->from_input = xrealloc(s->from_input,
                                     (s->nfrom_input + 1) * sizeof *s->from_input);
            s->from_input[s->nfrom_input++] = *r;
        }
    }
    return 0;
}

/* {"stage":...,"version":...,"options":...}: what `layers` records. */
static char *provenance(const stage *s)
{
    buf b = BUF_INIT;
    json_t *o = json_pack("{s:s,s:s,s:O}", "stage", s->decl.name, "version",
                          s->decl.version, "options", s->options);
    spi_json_add_value(&b, o);
    json_decref(o);
    return buf_steal(&b);
}

/* The layers S produces in this run: those declared, less what it declines. */
static void settle_layers(stage *s)
{
    size_t n = 0;
    for (const char *const *l = s->decl.produces; l && *l; l++)
        n++;
    s->active = xcalloc(n + 1, sizeof *s->active);
    n = 0;
    for (const char *const *l = s->decl.produces; l && *l; l++)
        if (!s->desc->produces_layer || s->desc->produces_layer(s->state, *l))
            s->active[n++] = *l;
}

/*
 * Call S's init(), then its declare() when it has one (ABI 1.2), into
 * S->decl.  Returns 0, or -1 with a message in ERR.  PERR is scratch.
 */
static int start_stage(stage *s, sp_error *perr, buf *err)
{
    const sp_plugin *d = s->desc;
    s->decl = (sp_stage_decl){ d->name, d->version, d->requires, d->produces };
    watch_install(); /* a crash in init names the stage and its file */
    watch_starting(d->name, s->mod.path);
    int init_rc = d->init ? d->init(s->options, &s->state, perr) : 0;
    watch_starting(NULL, NULL);
    watch_uninstall();
    if (init_rc < 0)
        goto failed;
    s->inited = 1;
    if (d->abi_minor >= 2 && d->declare) {
        spi_error_reset(perr);
        if (d->declare(s->state, &s->decl, perr) < 0)
            goto failed;
        buf what = BUF_INIT;
        buf_printf(&what, "stage '%s'", d->name);
        int rc = loader_check_decl(&s->decl, what.data, err);
        buf_free(&what);
        if (rc < 0)
            return -1;
    }
    return 0;
failed:;
    const char *m = sp_error_message(perr);
    /* a built-in stage has no file worth naming */
    buf_printf(err, "stage '%s'", d->name);
    if (!s->mod.builtin)
        buf_printf(err, " (%s)", s->mod.path);
    buf_printf(err, " failed to start: %s", m ? m : "no reason given");
    return -1;
}

/*
 * Start every stage, then check the chain.  The check comes after init()
 * because what a stage produces can depend on its options (segment makes
 * tokens only when asked) or on what it declares after init().
 */
int sp_pipeline_start(sp_pipeline *p, sp_error *err)
{
    buf b = BUF_INIT;
    if (p->started)
        return 0;
    sp_error *perr = sp_error_new();
    for (size_t i = 0; i < p->nstage; i++) {
        stage *s = &p->stage[i];
        spi_error_reset(perr);
        if (start_stage(s, perr, &b) < 0) {
            sp_error_free(perr);
            return fail(err, &b);
        }
        settle_layers(s);
        s->prov = provenance(s);
        s->ds.name = s->decl.name;
        s->ds.produces = s->active;
        s->ds.refs = s->desc->refs;
        s->ds.prov = s->prov;
    }
    sp_error_free(perr);
    if (check_chain(p, &b) < 0)
        return fail(err, &b);
    p->started = 1;
    return 0;
}

int pipeline_check_input(const sp_pipeline *p, const sp_doc *doc, const char **st,
                         buf *err)
{
    for (size_t i = 0; i < p->nstage; i++) {
        const stage *s = &p->stage[i];
        for (size_t k = 0; k < s->nfrom_input; k++)
            if (!doc_has_layer(doc, s->from_input[k])) {
                *st = s->decl.name;
                buf_printf(err, "stage '%s' requires layer '%s', which no stage before "
                           "it produces and the document does not have",
                           s->decl.name, s->from_input[k]);
                return -1;
            }
    }
    return 0;
}

int pipeline_process(const sp_pipeline *p, sp_doc *doc, sp_error *werr,
                     const char **failed, buf *err)
{
    *failed = NULL;
    for (size_t i = 0; i < p->nstage; i++) {
        const stage *s = &p->stage[i];
        *failed = s->decl.name;
        doc_begin_stage(doc, &s->ds);
        spi_error_reset(werr);
        watch_enter(s->decl.name);
        int rc = s->desc->process(s->state, doc, werr);
        watch_leave();
        if (doc->violation.len) {
            /* The core's finding outranks the plugin's own account of it. */
            doc_end_stage(doc, err);
            return -1;
        }
        if (rc != 0) {
            const char *m = sp_error_message(werr);
            buf_adds(err, m ? m : "failed (no reason given)");
            doc->stage = NULL;
            return -1;
        }
        if (doc_end_stage(doc, err) < 0)
            return -1;
    }
    *failed = NULL;
    return 0;
}

const sp_plugin *sp_pipeline_find_plugin(sp_pipeline *p, const char *name,
                                         const char **path, sp_error *err)
{
    /* Kept loaded apart from the stages, so it lives as long as P. */
    buf b = BUF_INIT;
    plugin_mod m;
    if (loader_open((const char *const *)p->dir, p->ndir, name, &m, &b) < 0) {
        fail(err, &b);
        return NULL;
    }
    p->probe = xgrow(p->probe, &p->probe_cap, p->nprobe + 1, sizeof *p->probe);
    p->probe[p->nprobe++] = m;
    if (path)
        *path = m.path;
    return m.desc;
}

size_t sp_pipeline_list_plugins(sp_pipeline *p,
                                void (*cb)(void *, const char *, const sp_plugin *,
                                           const char *),
                                void *ctx)
{
    return loader_list((const char *const *)p->dir, p->ndir, cb, ctx);
}
