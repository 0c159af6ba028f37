/*
 * docread.c — documents from JSON Lines records and from plain text.
 *
 * The scanner (jsonscan.h) reads the record in place: the text, ids and
 * layer names are decoded straight into the document, span offsets read as
 * integers and converted from code points to bytes once the text is known
 * (it may come after the spans).  jansson builds only what we keep as JSON:
 * attrs, "layers", meta and keys we do not know, which go out as they came.
 */
#include "doc/docread.h"
#include "doc/jsonscan.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Valid JSON, but jansson, which holds meta and attrs for the stages, cannot
 * keep such a key: refused, never truncated (docs/format.md). */
#define NUL_KEY "column %zu: an object key holds U+0000 (\\u0000), which spanpipe " \
                "does not support"

/* A span as read, before the text (which may come after it) is known. */
typedef struct raw_span {
    const char *layer, *id;     /* in the document's arena; id may be NULL */
    long long start, end;
    int start_ok, end_ok;       /* the offsets were integers */
    const char *start_kind, *end_kind; /* else what they were */
    const char *start_txt, *end_txt;   /* the numbers as written, for messages */
    int start_len, end_len;
    int has_start, has_end;
    json_t *attrs, *extra;
} raw_span;

typedef struct reading {
    jscan j;
    sp_doc *doc;
    buf *err;
    buf key;                    /* scratch for keys */
    raw_span *spans;
    size_t nspans, cap;
} reading;

/* Parse the value at the cursor with jansson (it was checked by the scanner
 * first, so this only builds it).  New reference, or NULL with an error. */
static json_t *value_here(reading *rd)
{
    const char *from = rd->j.p;
    if (js_skip(&rd->j) < 0)
        return NULL;
    json_error_t jerr;
    json_t *v = json_loadb(from, (size_t)(rd->j.p - from),
                           JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!v && rd->err->len == 0) {
        size_t col = (size_t)(from - rd->j.start) + (size_t)jerr.position + 1;
        if (strstr(jerr.text, "NUL byte in object key"))
            buf_printf(rd->err, NUL_KEY, col);
        else
            buf_printf(rd->err, "invalid JSON at column %zu: %s", col, jerr.text);
    }
    return v;
}

/* Read an object key into rd->key (NUL-terminated; keys cannot hold NUL). */
static int read_key(reading *rd)
{
    int nul;
    buf_clear(&rd->key);
    if (js_ws(&rd->j) != '"')
        return js_fail(&rd->j, "expected a string as object key");
    size_t col = (size_t)(rd->j.p - rd->j.start) + 1;
    if (js_string(&rd->j, &rd->key, &nul) < 0)
        return -1;
    if (nul) {
        buf_printf(rd->err, NUL_KEY, col);
        return -1;
    }
    if (!rd->key.data)
        buf_reserve(&rd->key, 0); /* the empty key "" */
    rd->key.data[rd->key.len] = '\0';
    return js_expect(&rd->j, ':');
}

/* The string at the cursor, copied into the document's arena; *OK is 0 on error. */
/* Span I's string KEY ("id", "layer"), or NULL and *OK 0 after an error.
 * Ids and layer names are C strings to the stages and the exporters: one
 * holding U+0000 is refused whole rather than cut at the NUL. */
static const char *string_value(reading *rd, size_t i, const char *key, int *ok)
{
    buf s = BUF_INIT;
    int nul = 0;
    *ok = 0;
    if (js_string(&rd->j, &s, &nul) < 0 || nul) {
        if (nul)
            buf_printf(rd->err, "span %zu: \"%s\" holds U+0000 (\\u0000), which span "
                       "ids and layer names may not", i, key);
        buf_free(&s);
        return NULL;
    }
    *ok = 1;
    const char *v = doc_strdup(rd->doc, s.data ? s.data : "", s.len);
    buf_free(&s);
    return v;
}

static int duplicate(reading *rd, const char *what)
{
    if (rd->err->len == 0)
        buf_printf(rd->err, "invalid JSON at column %zu: duplicate object key \"%s\"",
                   (size_t)(rd->j.p - rd->j.start), what);
    return -1;
}

/* A member this reader does not know: kept in *extra (created on first use),
 * a span's or the document's, so that it is written back as it came. */
static int keep_extra(reading *rd, json_t **extra, const char *key)
{
    if (!*extra)
        *extra = json_object();
    if (json_object_get(*extra, key))
        return duplicate(rd, key);
    json_t *v = value_here(rd);
    if (!v)
        return -1;
    json_object_set_new(*extra, key, v);
    return 0;
}

static int read_offset(reading *rd, raw_span *sp, int is_start)
{
    long long v = 0;
    int is_int = 0;
    js_kind k = js_peek(&rd->j);
    const char *from = rd->j.p;
    if (k == JS_NUMBER) {
        if (js_number(&rd->j, &v, &is_int) < 0)
            return -1;
    } else if (js_skip(&rd->j) < 0)
        return -1;
    int len = (int)(rd->j.p - from < 64 ? rd->j.p - from : 64);
    if (is_start) {
        sp->has_start = 1, sp->start = v, sp->start_ok = is_int;
        sp->start_kind = k == JS_NUMBER && !is_int ? "a number" : js_kind_name(k);
        sp->start_txt = from, sp->start_len = len;
    } else {
        sp->has_end = 1, sp->end = v, sp->end_ok = is_int;
        sp->end_kind = k == JS_NUMBER && !is_int ? "a number" : js_kind_name(k);
        sp->end_txt = from, sp->end_len = len;
    }
    return 0;
}

static int read_span(reading *rd, size_t i)
{
    js_kind k = js_peek(&rd->j);
    if (k != JS_OBJECT) {
        if (js_skip(&rd->j) < 0)
            return -1;
        buf_printf(rd->err, "span %zu is %s, not an object", i, js_kind_name(k));
        return -1;
    }
    rd->spans = xgrow(rd->spans, &rd->cap, rd->nspans + 1, sizeof *rd->spans);
    raw_span *sp = &rd->spans[rd->nspans++];
    memset(sp, 0, sizeof *sp);
    int more;
    for (more = js_open(&rd->j, '}'); more > 0; more = js_next(&rd->j, '}')) {
        if (read_key(rd) < 0)
            return -1;
        const char *key = rd->key.data;
        int ok;
        if (!strcmp(key, "layer") || !strcmp(key, "id")) {
            int is_layer = key[0] == 'l';
            if ((is_layer ? sp->layer : sp->id) != NULL)
                return duplicate(rd, key);
            js_kind vk = js_peek(&rd->j);
            if (vk != JS_STRING) {
                if (js_skip(&rd->j) < 0)
                    return -1;
                buf_printf(rd->err, is_layer ? "span %zu has no \"layer\" string"
                                             : "span %zu: \"id\" is %s, not a non-empty string",
                           i, js_kind_name(vk));
                return -1;
            }
            const char *v = string_value(rd, i, key, &ok);
            if (!ok)
                return -1;
            if (!*v) {
                buf_printf(rd->err, is_layer ? "span %zu has no \"layer\" string"
                                             : "span %zu: \"id\" is an empty string", i);
                return -1;
            }
            if (is_layer)
                sp->layer = v;
            else
                sp->id = v;
        } else if (!strcmp(key, "start") || !strcmp(key, "end")) {
            int is_start = key[0] == 's';
            if (is_start ? sp->has_start : sp->has_end)
                return duplicate(rd, key);
            if (read_offset(rd, sp, is_start) < 0)
                return -1;
        } else if (!strcmp(key, "attrs")) {
            if (sp->attrs)
                return duplicate(rd, key);
            js_kind vk = js_peek(&rd->j);
            json_t *v = value_here(rd);
            if (!v)
                return -1;
            if (!json_is_object(v)) {
                buf_printf(rd->err, "span %zu: \"attrs\" is %s, not an object", i,
                           js_kind_name(vk));
                json_decref(v);
                return -1;
            }
            sp->attrs = v;
        } else {
            /* Keys we do not know travel with the span. */
            if (keep_extra(rd, &sp->extra, key) < 0)
                return -1;
        }
    }
    return more;
}

static int read_spans(reading *rd)
{
    js_kind k = js_peek(&rd->j);
    if (k != JS_ARRAY) {
        if (js_skip(&rd->j) < 0)
            return -1;
        buf_printf(rd->err, "\"spans\" is %s, not an array", js_kind_name(k));
        return -1;
    }
    size_t i = 0;
    int more;
    for (more = js_open(&rd->j, ']'); more > 0; more = js_next(&rd->j, ']'))
        if (read_span(rd, i++) < 0)
            return -1;
    return more;
}

/* An offset of span I, now that the text is known: code points to bytes. */
static int settle_offset(reading *rd, size_t i, const char *key, int has, int ok,
                         const char *kind, long long cp, const char *txt, int txt_len,
                         size_t *out)
{
    const offmap *m = doc_offmap(rd->doc);
    if (!has) {
        buf_printf(rd->err, "span %zu has no \"%s\"", i, key);
        return -1;
    }
    if (!ok) {
        buf_printf(rd->err, "span %zu: \"%s\" is %s, not an integer", i, key, kind);
        return -1;
    }
    if (cp < 0 || (unsigned long long)cp > m->ncp) {
        buf_printf(rd->err, "span %zu: \"%s\" %.*s is outside the text (0 to %zu)", i,
                   key, txt_len, txt, m->ncp);
        return -1;
    }
    offmap_to_byte(m, (size_t)cp, out);
    return 0;
}

/* Move the spans read into the document. */
static int settle_spans(reading *rd)
{
    for (size_t i = 0; i < rd->nspans; i++) {
        raw_span *sp = &rd->spans[i];
        size_t start, end;
        if (!sp->layer) {
            buf_printf(rd->err, "span %zu has no \"layer\" string", i);
            return -1;
        }
        if (settle_offset(rd, i, "start", sp->has_start, sp->start_ok, sp->start_kind,
                          sp->start, sp->start_txt, sp->start_len, &start) < 0 ||
            settle_offset(rd, i, "end", sp->has_end, sp->end_ok, sp->end_kind, sp->end,
                          sp->end_txt, sp->end_len, &end) < 0)
            return -1;
        if (start > end) {
            buf_printf(rd->err, "span %zu ends before it starts", i);
            return -1;
        }
        if (sp->attrs && json_object_size(sp->attrs) == 0) {
            json_decref(sp->attrs);
            sp->attrs = NULL;
        }
        doc_add_input_span(rd->doc, sp->layer, sp->id, start, end, sp->attrs, sp->extra);
        sp->attrs = sp->extra = NULL; /* the document has them now */
    }
    return 0;
}

static void reading_free(reading *rd)
{
    for (size_t i = 0; i < rd->nspans; i++) {
        json_decref(rd->spans[i].attrs);
        json_decref(rd->spans[i].extra);
    }
    free(rd->spans);
    buf_free(&rd->key);
}

/* A member that must be a string, decoded into OUT; else the message WHY
 * (a format naming the value's type) and -1. */
/* Whether the value at the cursor is a string; else -1, with WHY (a format
 * naming its kind) in the error when it is valid JSON. */
static int is_string_member(reading *rd, const char *why)
{
    js_kind k = js_peek(&rd->j);
    if (k != JS_STRING) {
        if (js_skip(&rd->j) == 0)
            buf_printf(rd->err, why, js_kind_name(k));
        return -1;
    }
    return 0;
}

static int string_member(reading *rd, const char *why, buf *out)
{
    if (is_string_member(rd, why) < 0)
        return -1;
    return js_string(&rd->j, out, NULL);
}

/* The "text" member into OUT, and what the scanner learnt of it into T. */
static int text_member(reading *rd, buf *out, js_text *t)
{
    if (is_string_member(rd, "not a document: \"text\" is %s, not a string") < 0)
        return -1;
    return js_string_text(&rd->j, out, t);
}

/* Whether the member is the first of its key; else the error and -1.
 * SEEN is set on the first. */
static int first_of_key(reading *rd, int *seen, const char *key)
{
    if (*seen)
        return duplicate(rd, key);
    *seen = 1;
    return 0;
}

/* "text": decoded into a buffer the document then takes over. */
static int read_text(reading *rd)
{
    buf text = BUF_INIT;
    /* The text is most of the record and decodes to no more bytes than are
     * left of it: room for that at once spares the copies of growing by
     * doubling. */
    buf_reserve(&text, (size_t)(rd->j.end - rd->j.p));
    js_text t = { 0 };
    if (text_member(rd, &text, &t) < 0) {
        free(t.esc);
        buf_free(&text);
        return -1;
    }
    size_t n = text.len;
    doc_take_text(rd->doc, buf_steal(&text), n, t.ascii);
    doc_set_escapes(rd->doc, t.esc, t.nesc);
    return 0;
}

/* "id": must be a string. */
static int read_id(reading *rd)
{
    buf id = BUF_INIT;
    int r = string_member(rd, "\"id\" is %s, not a string", &id);
    if (r == 0)
        doc_set_id(rd->doc, id.data ? id.data : "", id.len);
    buf_free(&id);
    return r;
}

/* "layers": must be an object; the document keeps it as it is. */
static int read_layers(reading *rd)
{
    if (rd->doc->layers_in)
        return duplicate(rd, "layers");
    js_kind k = js_peek(&rd->j);
    json_t *v = value_here(rd);
    if (!v)
        return -1;
    if (!json_is_object(v)) {
        buf_printf(rd->err, "\"layers\" is %s, not an object", js_kind_name(k));
        json_decref(v);
        return -1;
    }
    rd->doc->layers_in = v;
    return 0;
}

/* The members of the top-level object. */
static int read_members(reading *rd, int *have_text)
{
    int have_id = 0, have_spans = 0;
    int more;
    for (more = js_open(&rd->j, '}'); more > 0; more = js_next(&rd->j, '}')) {
        if (read_key(rd) < 0)
            return -1;
        const char *key = rd->key.data;
        int r;
        if (!strcmp(key, "text"))
            r = first_of_key(rd, have_text, key) < 0 ? -1 : read_text(rd);
        else if (!strcmp(key, "id"))
            r = first_of_key(rd, &have_id, key) < 0 ? -1 : read_id(rd);
        else if (!strcmp(key, "spans"))
            r = first_of_key(rd, &have_spans, key) < 0 ? -1 : read_spans(rd);
        else if (!strcmp(key, "layers"))
            r = read_layers(rd);
        else
            r = keep_extra(rd, &rd->doc->extra, key);
        if (r < 0)
            return -1;
    }
    return more < 0 ? -1 : 0;
}

int doc_peek_id(const char *line, size_t len, buf *id)
{
    buf err = BUF_INIT, key = BUF_INIT;
    jscan j;
    int found = 0, more;
    js_init(&j, line, len, &err);
    if (js_peek(&j) != JS_OBJECT)
        return 0;
    for (more = js_open(&j, '}'); more > 0 && !found; more = js_next(&j, '}')) {
        buf_clear(&key);
        if (js_ws(&j) != '"' || js_string(&j, &key, NULL) < 0 || js_expect(&j, ':') < 0)
            break;
        if (key.len == 2 && memcmp(key.data, "id", 2) == 0) {
            found = js_peek(&j) == JS_STRING && js_string(&j, id, NULL) == 0;
            break;
        }
        if (js_skip(&j) < 0) /* the text is skipped eight bytes at a time */
            break;
    }
    buf_free(&key);
    buf_free(&err);
    return found;
}

sp_doc *doc_from_json(const char *line, size_t len, const char *default_id, buf *err)
{
    reading rd;
    memset(&rd, 0, sizeof rd);
    rd.err = err;
    js_init(&rd.j, line, len, err);
    js_kind k = js_peek(&rd.j);
    if (k != JS_OBJECT) {
        /* Say it is not JSON, or not a document, whichever is true. */
        if (js_skip(&rd.j) == 0) {
            if (js_ws(&rd.j) >= 0)
                js_fail(&rd.j, "end of the line expected");
            else
                buf_printf(err, "not a document: %s, not an object", js_kind_name(k));
        }
        return NULL;
    }
    rd.doc = doc_new();
    int have_text = 0;
    if (read_members(&rd, &have_text) < 0)
        goto fail;
    if (js_ws(&rd.j) >= 0) {
        js_fail(&rd.j, "end of the line expected after the document");
        goto fail;
    }
    if (!have_text) {
        buf_adds(err, "not a document: no \"text\"");
        goto fail;
    }
    if (!rd.doc->id)
        doc_set_id(rd.doc, default_id, strlen(default_id));
    if (settle_spans(&rd) < 0 || doc_input_done(rd.doc, err) < 0)
        goto fail;
    reading_free(&rd);
    return rd.doc;
fail:
    reading_free(&rd);
    doc_free(rd.doc);
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
