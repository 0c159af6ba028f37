/*
 * segment.c — the segment stage: plumbing between the core and the rules.
 *
 * init() turns the options into a read-only abbreviation set; process() runs
 * the rules (segment_rules.h) over a document's text and adds their spans,
 * layer by layer in order of start, so that ids count in that order.  The
 * rules know nothing of spanpipe or jansson; everything that does is here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spanpipe/spanpipe.h>
#include "../common/spfile.h"
#include "segment_rules.h"

typedef struct seg_state {
    seg_abbrevs *abbrevs;
    int tokens;
} seg_state;

/* ---- init ------------------------------------------------------------------------ */

static void seg_fini(void *state)
{
    seg_state *st = state;
    if (!st)
        return;
    seg_abbrevs_free(st->abbrevs);
    free(st);
}

static int seg_init(const json_t *options, void **state, sp_error *err)
{
    seg_state *st = calloc(1, sizeof *st);
    if (!st || !(st->abbrevs = seg_abbrevs_new())) {
        free(st);
        sp_error_set(err, "out of memory");
        return -1;
    }
    st->tokens = json_is_true(json_object_get(options, "tokens"));

    const char *path = json_string_value(json_object_get(options, "abbreviations"));
    if (path && *path) {
        size_t len;
        char *buf = spt_read_file(path, &len);
        if (!buf) {
            sp_error_set(err, "cannot read abbreviations file '%s': %s", path, strerror(errno));
            seg_fini(st);
            return -1;
        }
        int rc = seg_abbrevs_add_list(st->abbrevs, buf, len, 1);
        free(buf);
        if (rc < 0) {
            sp_error_set(err, "out of memory");
            seg_fini(st);
            return -1;
        }
    }
    const json_t *extra = json_object_get(options, "abbrev");
    if (json_is_string(extra) &&
        seg_abbrevs_add_list(st->abbrevs, json_string_value(extra), json_string_length(extra), 0) < 0) {
        sp_error_set(err, "out of memory");
        seg_fini(st);
        return -1;
    }
    *state = st;
    return 0;
}

/* ---- process ------------------------------------------------------------------------- */

/* Add every span of S to LAYER; section spans get their kind. */
static int seg_add(sp_doc *doc, const char *layer, const seg_spans *s, int sections)
{
    for (size_t i = 0; i < s->n; i++) {
        json_t *attrs = NULL;
        if (sections) {
            attrs = json_pack("{s:s}", "kind", seg_section_name(s->v[i].kind));
            if (!attrs)
                return -1;
        }
        if (!sp_doc_add(doc, layer, s->v[i].start, s->v[i].end, attrs))
            return -1;
    }
    return 0;
}

/* Tokens of the whole text, sentence by sentence (so none crosses a sentence
 * boundary), and of the gaps between sentences (bullets, note numbers, page
 * markers on their own). */
static int seg_all_tokens(const char *text, size_t len, const seg_spans *sentences,
                          const seg_abbrevs *ab, seg_spans *out)
{
    size_t pos = 0;
    for (size_t i = 0; i < sentences->n; i++) {
        const seg_span *s = &sentences->v[i];
        if (seg_tokens(text, len, pos, s->start, ab, out) < 0 ||
            seg_tokens(text, len, s->start, s->end, ab, out) < 0)
            return -1;
        pos = s->end;
    }
    return seg_tokens(text, len, pos, len, ab, out);
}

static int seg_process(void *state, sp_doc *doc, sp_error *err)
{
    const seg_state *st = state;
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    seg_layout layout;
    seg_spans sentences, tokens;
    seg_layout_init(&layout);
    seg_spans_init(&sentences);
    seg_spans_init(&tokens);
    int rc = -1;
    const char *why = "out of memory";

    if (seg_layout_build(text, len, &layout) < 0)
        goto done;
    for (size_t i = 0; i < layout.zones.n; i++)
        if (seg_sentences(text, len, layout.zones.v[i].start, layout.zones.v[i].end,
                          st->abbrevs, &sentences) < 0)
            goto done;
    if (st->tokens && seg_all_tokens(text, len, &sentences, st->abbrevs, &tokens) < 0)
        goto done;
    if (seg_add(doc, "section", &layout.sections, 1) < 0 ||
        seg_add(doc, "paragraph", &layout.paragraphs, 0) < 0 ||
        seg_add(doc, "sentence", &sentences, 0) < 0 ||
        (st->tokens && seg_add(doc, "token", &tokens, 0) < 0)) {
        why = "cannot add a span";
        goto done;
    }
    rc = 0;
done:
    if (rc < 0)
        sp_error_set(err, "%s", why);
    seg_spans_free(&tokens);
    seg_spans_free(&sentences);
    seg_layout_free(&layout);
    return rc;
}

/* Tokens are a layer only when asked for: without them, leave the input's alone. */
static int seg_produces_layer(const void *state, const char *layer)
{
    const seg_state *st = state;
    return strcmp(layer, "token") != 0 || st->tokens;
}

/* ---- the descriptor ------------------------------------------------------------------- */

static const char *const seg_produces[] = { "section", "paragraph", "sentence", "token", NULL };

static const sp_option seg_options[] = {
    { "tokens", SP_OPT_BOOL, "false",
      "also produce the token layer (words, numbers, punctuation, page markers)" },
    { "abbreviations", SP_OPT_STRING, NULL,
      "file of extra abbreviations, one a line, with or without the final period, "
      "case-sensitive, # starts a comment; a period after one does not end a sentence" },
    { "abbrev", SP_OPT_STRING, NULL,
      "extra abbreviations given inline, separated by ';' or white space "
      "(e.g. \"Amb.;Dep.;approx.\")" },
    { NULL, 0, NULL, NULL }
};

SP_PLUGIN_DEFINE(
    .name = "segment", .version = "1.0.0",
    .summary = "split text into sections, paragraphs, sentences and tokens",
    .produces = seg_produces, .options = seg_options,
    .init = seg_init, .process = seg_process, .fini = seg_fini,
    .produces_layer = seg_produces_layer);
