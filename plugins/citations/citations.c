/*
 * citations.c — the `citations` stage: the plumbing around the rules.
 *
 * It finds the notes block (inside segment's `section` kind=notes when there
 * is one, else on its own), then runs the rules of cite.h over the text and
 * adds their findings as spans.  Each layer is added in order of start so the
 * default ids layer.N count in that order, and notes go in before the
 * note-refs that point to them by id.
 */
#include <stdlib.h>
#include <string.h>

#include <spanpipe/spanpipe.h>

#include "cite.h"

/* Everything the rules found in one document. */
typedef struct found {
    cite_notes notes;
    cite_refs refs;
    cite_xrefs xrefs;
    cite_pages pages;
    cite_archs archs;
    cite_ranges editorial;
} found;

static void cit_found_free(found *f)
{
    cite_free(&f->notes);
    cite_free(&f->refs);
    cite_free(&f->xrefs);
    cite_free(&f->pages);
    cite_free(&f->archs);
    cite_free(&f->editorial);
}

/*
 * The bytes the `notes` sections cover, from the first one's start to the
 * last one's end; 0 when segment marked none.
 */
static int cit_notes_section(const sp_doc *doc, size_t *from, size_t *to)
{
    int any = 0;
    for (const sp_span *s = sp_doc_first(doc, "section"); s;
         s = sp_doc_next(doc, s)) {
        const char *kind =
            s->attrs ? json_string_value(json_object_get(s->attrs, "kind")) : NULL;
        if (kind == NULL || strcmp(kind, "notes") != 0)
            continue;
        if (!any || s->start < *from)
            *from = s->start;
        if (!any || s->end > *to)
            *to = s->end;
        any = 1;
    }
    return any;
}

/* Run every rule over the document's text. */
static int cit_find(const sp_doc *doc, const char *text, size_t len, found *f)
{
    size_t from = 0, to = 0;
    if (cit_notes_section(doc, &from, &to) &&
        cite_find_notes(text, len, from, to, &f->notes) < 0)
        return -1;
    /* Segment may have missed the block, or not run: look for it here. */
    if (f->notes.len == 0 && cite_find_notes(text, len, 0, len, &f->notes) < 0)
        return -1;
    size_t body_end = f->notes.len ? f->notes.v[0].line : len;
    if (cite_find_markers(text, body_end, &f->notes, &f->refs) < 0 ||
        cite_find_xrefs(text, len, &f->xrefs) < 0 ||
        cite_find_pages(text, len, &f->pages) < 0 ||
        cite_find_editorial(text, len, &f->editorial) < 0)
        return -1;
    for (size_t i = 0; i < f->notes.len; i++)
        if (cite_find_archival(text, f->notes.v[i].start, f->notes.v[i].end,
                               &f->archs) < 0)
            return -1;
    return 0;
}

/* Set KEY of OBJ to the decimal string of N ("n": "2", as the input has it). */
static int cit_set_num(json_t *obj, const char *key, unsigned long n)
{
    return json_object_set_new(obj, key, json_sprintf("%lu", n));
}

static int cit_set_text(json_t *obj, const char *key, const char *s, size_t n)
{
    return json_object_set_new(obj, key, json_stringn(s, n));
}

/*
 * Set KEY of OBJ to what WRITE (cite_xref_target or cite_xref_volume) makes
 * of X; leaves it unset when that is empty.
 */
static int cit_set_id(json_t *obj, const char *key,
                      size_t (*write)(const cite_xref *, const char *, size_t,
                                      char *, size_t),
                      const cite_xref *x, const char *id, size_t id_len)
{
    char small[128];
    size_t n = write(x, id, id_len, small, sizeof small);
    if (n == 0)
        return 0;
    if (n < sizeof small)
        return json_object_set_new(obj, key, json_stringn(small, n));
    /* A long document id: write again into a buffer of the right size. */
    char *big = malloc(n + 1);
    if (big == NULL)
        return -1;
    write(x, id, id_len, big, n + 1);
    int rc = json_object_set_new(obj, key, json_stringn(big, n));
    free(big);
    return rc;
}

/* Add the spans of every layer, each in order of start. */
static int cit_add(sp_doc *doc, const char *text, const found *f,
                   sp_error *err)
{
    size_t id_len;
    const char *id = sp_doc_id(doc, &id_len);
    const char **note_ids = NULL;
    json_t *a = NULL;
    int rc = -1;

    if (f->notes.len &&
        (note_ids = calloc(f->notes.len, sizeof *note_ids)) == NULL)
        goto oom;
    for (size_t i = 0; i < f->notes.len; i++) {
        const cite_note *n = &f->notes.v[i];
        if ((a = json_object()) == NULL || cit_set_num(a, "n", n->n) < 0 ||
            (!n->cited && json_object_set_new(a, "unreferenced", json_true()) < 0))
            goto oom;
        note_ids[i] = sp_doc_add(doc, "note", n->start, n->end, a);
        a = NULL; /* stolen, whether added or not */
        if (note_ids[i] == NULL)
            goto out;
    }
    for (size_t i = 0; i < f->refs.len; i++) {
        const cite_ref *r = &f->refs.v[i];
        if ((a = json_object()) == NULL || cit_set_num(a, "n", r->n) < 0 ||
            (r->note >= 0 &&
             json_object_set_new(a, "note", json_string(note_ids[r->note])) < 0))
            goto oom;
        const char *added = sp_doc_add(doc, "note-ref", r->start, r->end, a);
        a = NULL; /* stolen */
        if (added == NULL)
            goto out;
    }
    for (size_t i = 0; i < f->xrefs.len; i++) {
        const cite_xref *x = &f->xrefs.v[i];
        if ((a = json_object()) == NULL ||
            cit_set_id(a, "target", cite_xref_target, x, id, id_len) < 0 ||
            (x->note && cit_set_num(a, "note", x->note) < 0) ||
            cit_set_id(a, "volume", cite_xref_volume, x, id, id_len) < 0)
            goto oom;
        const char *added = sp_doc_add(doc, "xref", x->start, x->end, a);
        a = NULL;
        if (added == NULL)
            goto out;
    }
    for (size_t i = 0; i < f->pages.len; i++) {
        const cite_page *p = &f->pages.v[i];
        if ((a = json_object()) == NULL ||
            cit_set_text(a, "n", text + p->n_start, p->n_end - p->n_start) < 0)
            goto oom;
        const char *added = sp_doc_add(doc, "page", p->start, p->end, a);
        a = NULL;
        if (added == NULL)
            goto out;
    }
    for (size_t i = 0; i < f->archs.len; i++) {
        const cite_arch *r = &f->archs.v[i];
        if ((a = json_object()) == NULL ||
            json_object_set_new(a, "kind",
                                json_string(cite_arch_kind_name(r->kind))) < 0 ||
            cit_set_text(a, "value", text + r->v_start, r->v_end - r->v_start) < 0)
            goto oom;
        const char *added = sp_doc_add(doc, "archival", r->start, r->end, a);
        a = NULL;
        if (added == NULL)
            goto out;
    }
    for (size_t i = 0; i < f->editorial.len; i++)
        if (sp_doc_add(doc, "editorial", f->editorial.v[i].start,
                       f->editorial.v[i].end, NULL) == NULL)
            goto out;
    rc = 0;
    goto out;

oom:
    sp_error_set(err, "out of memory");
out:
    json_decref(a);
    free(note_ids);
    return rc;
}

static int cit_process(void *state, sp_doc *doc, sp_error *err)
{
    (void)state;
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    found f;
    memset(&f, 0, sizeof f);
    int rc;
    if (cit_find(doc, text, len, &f) < 0) {
        sp_error_set(err, "out of memory");
        rc = -1;
    } else {
        rc = cit_add(doc, text, &f, err);
    }
    cit_found_free(&f);
    return rc;
}

static const char *const cit_requires[] = { "section", "paragraph", NULL };
static const char *const cit_produces[] = { "note", "note-ref", "xref", "page",
                                            "archival", "editorial", NULL };
static const char *const cit_refs[] = { "note-ref.note", NULL };

SP_PLUGIN_DEFINE(
    .name = "citations", .version = "1.0.0",
    .summary = "footnotes and their markers, cross-references, page markers, "
               "archival citations, editorial brackets",
    .requires = cit_requires, .produces = cit_produces, .refs = cit_refs,
    .options = NULL, .init = NULL, .process = cit_process, .fini = NULL);
