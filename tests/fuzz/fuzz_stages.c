/*
 * fuzz_stages.c — the bundled stages' process() on arbitrary text.
 *
 * The fuzz input (made valid UTF-8, as the core checks it before any stage
 * runs) is the text of a document that goes through segment (with tokens),
 * speakers (with the sample's list of persons) and citations, by the core's
 * own pipeline_process(): the same begin/end of each stage, the same checks
 * of every span added (in range, on character boundaries, ids unique,
 * references resolved).  The core fails a document whose stage broke them;
 * for a bundled stage that is a bug, so here it aborts.  The result must
 * also be written and read back as a document.
 *
 * The stages are linked in (stage_*.c) rather than loaded: one program holds
 * one copy of the core, instrumented with the stages for coverage, and
 * starts no dlopen per run.  The pipeline is put together as
 * sp_pipeline_add_stage() would, after loader_check() on each descriptor,
 * with options_resolve() and sp_pipeline_start() as they are.
 */
#include "fuzz.h"
#include "stage/pipeline_internal.h"
#include "doc/docread.h"
#include "doc/docwrite.h"
#include "stage/options.h"
#include "base/utf8.h"

#include <string.h>

#ifndef FUZZ_DATADIR
#define FUZZ_DATADIR "data"
#endif

extern const sp_plugin fuzz_plugin_segment, fuzz_plugin_speakers, fuzz_plugin_citations;

static sp_pipeline *pipe_;
static sp_error *werr;

static _Noreturn void die(const char *what, const char *why)
{
    fprintf(stderr, "fuzz_stages: %s: %s\n", what, why ? why : "?");
    exit(2);
}

/* Append the linked-in stage D with the options OPTS (JSON). */
static void add_linked(sp_pipeline *p, const sp_plugin *d, const char *opts)
{
    buf err = BUF_INIT;
    if (loader_check(d, "(linked in)", &err) < 0)
        die(d->name, err.data);
    json_error_t jerr;
    json_t *given = json_loads(opts, 0, &jerr);
    if (!given)
        die(opts, jerr.text);
    stage s;
    memset(&s, 0, sizeof s);
    s.mod.desc = s.desc = d;
    s.mod.path = xstrdup("(linked in)");
    s.options = options_resolve(d, given, &err);
    json_decref(given);
    if (!s.options)
        die(d->name, err.data);
    p->stage = xgrow(p->stage, &p->stage_cap, p->nstage + 1, sizeof *p->stage);
    p->stage[p->nstage++] = s;
    buf_free(&err);
}

static void teardown(void)
{
    sp_pipeline_free(pipe_);
    sp_error_free(werr);
}

static void setup(void)
{
    pipe_ = sp_pipeline_new();
    werr = sp_error_new();
    add_linked(pipe_, &fuzz_plugin_segment, "{\"tokens\":true}");
    add_linked(pipe_, &fuzz_plugin_speakers,
               "{\"persons\":\"" FUZZ_DATADIR "/frus1981-88v05-persons.tsv\"}");
    add_linked(pipe_, &fuzz_plugin_citations, "{}");
    if (sp_pipeline_start(pipe_, werr) < 0)
        die("start", sp_error_message(werr));
    atexit(teardown);
}

/* D[0..N) with every byte that does not start valid UTF-8 made U+FFFD. */
static char *valid_utf8(const uint8_t *d, size_t n, size_t *len)
{
    buf b = BUF_INIT;
    size_t at = 0, bad;
    while (!utf8_check((const char *)d + at, n - at, &bad, NULL)) {
        buf_add(&b, d + at, bad);
        buf_adds(&b, "\xEF\xBF\xBD");
        at += bad + 1;
    }
    buf_add(&b, d + at, n - at);
    *len = b.len;
    return buf_steal(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!pipe_)
        setup();
    size_t len;
    char *text = valid_utf8(data, size, &len);
    buf err = BUF_INIT, out = BUF_INIT;
    sp_doc *doc = doc_from_text(text, len, "fuzz", &err);
    FUZZ_ASSERT(doc, "valid UTF-8 makes a document");

    const char *st = NULL;
    FUZZ_ASSERT(pipeline_check_input(pipe_, doc, &st, &err) == 0, "the chain fits");
    if (pipeline_process(pipe_, doc, werr, &st, &err) < 0) {
        fprintf(stderr, "stage %s failed: %s\n", st ? st : "?", err.data);
        FUZZ_ASSERT(0, "a bundled stage never fails a valid document");
    }
    doc_write_json(doc, &out);
    doc_free(doc);

    buf_clear(&err);
    sp_doc *again = doc_from_json(out.data, out.len - 1, "again", &err);
    if (!again)
        fprintf(stderr, "output refused: %s\n", err.data);
    FUZZ_ASSERT(again, "the annotated document reads back");
    doc_free(again);

    buf_free(&out);
    buf_free(&err);
    free(text);
    return 0;
}
