/*
 * docread.c — documents from JSON Lines records and from plain text.
 *
 * jansson parses the record; this file checks that it is a document and
 * moves what it holds into the document model, converting span offsets from
 * code points to bytes.  Anything it does not know is kept as is for output.
 */
#include "docread.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "something else";
}

/* An offset of span I: a non-negative integer within the text, as bytes. */
static int get_offset(sp_doc *doc, const json_t *o, const char *key, size_t i,
                      size_t *out, buf *err)
{
    const json_t *v = json_object_get(o, key);
    if (!v) {
        buf_printf(err, "span %zu has no \"%s\"", i, key);
        return -1;
    }
    if (!json_is_integer(v)) {
        buf_printf(err, "span %zu: \"%s\" is %s, not an integer", i, key, type_name(v));
        return -1;
    }
    json_int_t cp = json_integer_value(v);
    const offmap *m = doc_offmap(doc);
    if (cp < 0 || (unsigned long long)cp > m->ncp) {
        buf_printf(err, "span %zu: \"%s\" %lld is outside the text (0 to %zu)", i, key,
                   (long long)cp, m->ncp);
        return -1;
    }
    offmap_to_byte(m, (size_t)cp, out);
    return 0;
}

static int read_span(sp_doc *doc, json_t *o, size_t i, buf *err)
{
    if (!json_is_object(o)) {
        buf_printf(err, "span %zu is %s, not an object", i, type_name(o));
        return -1;
    }
    const json_t *layer = json_object_get(o, "layer");
    if (!json_is_string(layer) || json_string_length(layer) == 0) {
        buf_printf(err, "span %zu has no \"layer\" string", i);
        return -1;
    }
    const json_t *id = json_object_get(o, "id");
    if (id && (!json_is_string(id) || json_string_length(id) == 0)) {
        buf_printf(err, "span %zu: \"id\" is %s, not a non-empty string", i, type_name(id));
        return -1;
    }
    json_t *attrs = json_object_get(o, "attrs");
    if (attrs && !json_is_object(attrs)) {
        buf_printf(err, "span %zu: \"attrs\" is %s, not an object", i, type_name(attrs));
        return -1;
    }
    size_t start, end;
    if (get_offset(doc, o, "start", i, &start, err) < 0 ||
        get_offset(doc, o, "end", i, &end, err) < 0)
        return -1;
    if (start > end) {
        buf_printf(err, "span %zu ends before it starts", i);
        return -1;
    }
    /* Keys we do not know travel with the span. */
    json_t *extra = NULL;
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        if (!strcmp(k, "layer") || !strcmp(k, "id") || !strcmp(k, "attrs") ||
            !strcmp(k, "start") || !strcmp(k, "end"))
            continue;
        if (!extra)
            extra = json_object();
        json_object_set(extra, k, v);
    }
    if (attrs && json_object_size(attrs) == 0)
        attrs = NULL;
    doc_add_input_span(doc, json_string_value(layer), id ? json_string_value(id) : NULL,
                       start, end, attrs ? json_incref(attrs) : NULL, extra);
    return 0;
}

sp_doc *doc_from_json(const char *line, size_t len, const char *default_id, buf *err)
{
    json_error_t jerr;
    /* Duplicate keys are refused: which of two "text"s is meant is a guess. */
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        /* jansson checks UTF-8 as it parses; say so in the terms of SPEC 5 */
        if (strncmp(jerr.text, "unable to decode byte", 21) == 0)
            buf_printf(err, "invalid UTF-8 at column %d (%s)", jerr.column, jerr.text);
        else
            buf_printf(err, "invalid JSON at column %d: %s", jerr.column, jerr.text);
        return NULL;
    }
    sp_doc *doc = NULL;
    if (!json_is_object(root)) {
        buf_printf(err, "not a document: %s, not an object", type_name(root));
        goto fail;
    }
    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text)) {
        buf_printf(err, "not a document: %s", text ? "\"text\" is not a string"
                                                     : "no \"text\"");
        goto fail;
    }
    json_t *id = json_object_get(root, "id");
    if (id && !json_is_string(id)) {
        buf_printf(err, "\"id\" is %s, not a string", type_name(id));
        goto fail;
    }
    json_t *spans = json_object_get(root, "spans");
    if (spans && !json_is_array(spans)) {
        buf_printf(err, "\"spans\" is %s, not an array", type_name(spans));
        goto fail;
    }
    json_t *layers = json_object_get(root, "layers");
    if (layers && !json_is_object(layers)) {
        buf_printf(err, "\"layers\" is %s, not an object", type_name(layers));
        goto fail;
    }

    doc = doc_new();
    if (id)
        doc_set_id(doc, json_string_value(id), json_string_length(id));
    else
        doc_set_id(doc, default_id, strlen(default_id));
    int ascii;
    /* jansson has already rejected invalid UTF-8; this finds out if it is ASCII */
    utf8_check(json_string_value(text), json_string_length(text), NULL, &ascii);
    doc_set_text(doc, json_string_value(text), json_string_length(text), ascii, text);
    if (layers)
        doc->layers_in = json_incref(layers);

    size_t i;
    json_t *v;
    json_array_foreach(spans, i, v)
        if (read_span(doc, v, i, err) < 0)
            goto fail;
    if (doc_input_done(doc, err) < 0)
        goto fail;

    const char *k;
    json_object_foreach(root, k, v) {
        if (!strcmp(k, "id") || !strcmp(k, "text") || !strcmp(k, "spans") ||
            !strcmp(k, "layers"))
            continue;
        if (!doc->extra)
            doc->extra = json_object();
        json_object_set(doc->extra, k, v);
    }
    json_decref(root);
    return doc;
fail:
    doc_free(doc);
    json_decref(root);
    return NULL;
}

sp_doc *doc_from_text(const char *text, size_t len, const char *id, buf *err)
{
    size_t bad;
    int ascii;
    if (!utf8_check(text, len, &bad, &ascii)) {
        buf_printf(err, "invalid UTF-8 at byte %zu", bad);
        return NULL;
    }
    sp_doc *doc = doc_new();
    doc_set_id(doc, id, strlen(id));
    doc_set_text(doc, text, len, ascii, NULL);
    return doc;
}
