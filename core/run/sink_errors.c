/*
 * sink_errors.c — the --errors sink: each failed document as received, so
 * that the file can be fixed and run again, and why it failed in
 * FILE.reasons, one JSON object a line (see sink.h).
 */
#include "run/sink.h"
#include "doc/docwrite.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct errors_sink {
    sink base;
    outstream docs;
    outstream reasons;
    uint64_t lines;      /* documents written to DOCS */
    int failed;          /* a write failed: neither file is put in place */
} errors_sink;

/* The failed document R as a line of DOCS, in TMP; 0 when it has no JSON
 * form (a text file that is not UTF-8: the file itself must be fixed). */
static int as_line(const record *r, buf *tmp)
{
    if (r->kind == REC_JSON) {
        buf_add(tmp, r->data, r->len);
        buf_addc(tmp, '\n');
        return 1;
    }
    if (!utf8_check(r->data, r->len, NULL, NULL))
        return 0;
    /* A text file cannot be a line of a JSON Lines file; a document can. */
    buf_adds(tmp, "{\"id\":");
    spi_json_add_string(tmp, r->id, strlen(r->id));
    buf_adds(tmp, ",\"text\":");
    spi_json_add_string(tmp, r->data, r->len);
    buf_adds(tmp, "}\n");
    return 1;
}

/* S as a JSON string.  A file name or id that is not UTF-8 (a Latin-1 file
 * name, a text document's id made from it) is kept with each bad byte as
 * U+FFFD rather than dropped: every key of a reasons line is always there. */
static json_t *text_value(const char *s)
{
    json_t *v = json_string(s);
    if (v)
        return v;
    buf b = BUF_INIT;
    size_t n = strlen(s), bad;
    while (!utf8_check(s, n, &bad, NULL)) {
        buf_add(&b, s, bad);
        buf_adds(&b, "\xEF\xBF\xBD");
        s += bad + 1;
        n -= bad + 1;
    }
    buf_add(&b, s, n);
    v = json_stringn(b.data, b.len);
    buf_free(&b);
    return v;
}

/* Why R failed, as a line of REASONS, in TMP; LINE: its line in DOCS or 0. */
static void reason_line(const record *r, uint64_t line, buf *tmp)
{
    json_t *why = json_object();
    json_object_set_new(why, "errors_line", line ? json_integer((json_int_t)line) : json_null());
    json_object_set_new(why, "file", text_value(r->in ? r->in->name : ""));
    json_object_set_new(why, "line", json_integer((json_int_t)r->line));
    json_object_set_new(why, "id", text_value(r->doc_id ? r->doc_id : r->id));
    json_object_set_new(why, "stage", r->stage ? text_value(r->stage) : json_null());
    json_object_set_new(why, "reason", text_value(r->msg.data ? r->msg.data : ""));
    spi_json_add_value(tmp, why);
    json_decref(why);
    buf_addc(tmp, '\n');
}

static int errors_put(sink *s, const record *r, int done, buf *err)
{
    errors_sink *e = (errors_sink *)s;
    (void)done;
    buf tmp = BUF_INIT;
    int rc = 0;
    uint64_t line = 0;
    if (as_line(r, &tmp)) {
        rc = outstream_write(&e->docs, tmp.data, tmp.len, err);
        line = ++e->lines;
    }
    buf_clear(&tmp);
    reason_line(r, line, &tmp);
    if (rc == 0)
        rc = outstream_write(&e->reasons, tmp.data, tmp.len, err);
    buf_free(&tmp);
    if (rc < 0)
        e->failed = 1;
    return rc;
}

/* Committed unless a write failed: what is there covers every failure met,
 * also when the run was cut short.  Both are closed whatever fails, and
 * neither is put in place without the other: FILE is committed only once
 * what is queued for FILE.reasons went out too (a full disk showed there
 * left FILE in place without its reasons). */
static int errors_close(sink *s, int commit, buf *err)
{
    errors_sink *e = (errors_sink *)s;
    commit = commit && !e->failed;
    int rc = 0;
    if (commit && (outstream_flush(&e->docs, err) < 0 || outstream_flush(&e->reasons, err) < 0)) {
        rc = -1;
        commit = 0;
    }
    buf scratch = BUF_INIT; /* one message is enough */
    if (outstream_close(&e->docs, commit, rc == 0 ? err : &scratch) < 0)
        rc = -1;
    if (outstream_close(&e->reasons, commit && rc == 0, rc == 0 ? err : &scratch) < 0)
        rc = -1;
    buf_free(&scratch);
    free(e);
    return rc;
}

static const sink_ops errors_ops = {
    .put = errors_put,
    .close = errors_close,
};

sink *sink_errors_open(const char *path, buf *err)
{
    errors_sink *e = xcalloc(1, sizeof *e);
    e->base.ops = &errors_ops;
    buf rp = BUF_INIT;
    buf_printf(&rp, "%s.reasons", path);
    int rc = outstream_open(&e->docs, path, 0, err);
    if (rc == 0 && outstream_open(&e->reasons, rp.data, 0, err) < 0) {
        buf scratch = BUF_INIT;
        outstream_close(&e->docs, 0, &scratch);
        buf_free(&scratch);
        rc = -1;
    }
    buf_free(&rp);
    if (rc < 0) {
        free(e);
        return NULL;
    }
    return &e->base;
}
