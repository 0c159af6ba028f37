/* run_read.c — the reader's side of a run: inputs into records into the ring. */
#include "run_internal.h"
#include "outdir.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>

static int stopping(run *R)
{
    return atomic_load(&R->stop) || atomic_load(&R->hung);
}

/* Add a record; publish the batch when full.  Returns the batch to go on
 * filling, or NULL when the run is stopping. */
static batch *add_record(run *R, batch *b, record *tmpl)
{
    record *r = batch_push(b);
    *r = *tmpl;
    b->bytes += r->len;
    if (b->bytes >= BATCH_BYTES || b->n >= BATCH_RECORDS)
        return publish(R, b);
    return b;
}

static batch *note(run *R, batch *b, const input_file *in, unsigned long line,
                   const char *msg)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = REC_NOTE;
    r.in = in;
    r.line = line;
    buf_adds(&r.msg, msg);
    return add_record(R, b, &r);
}

static char *line_id(const input_file *in, unsigned long line)
{
    buf b = BUF_INIT;
    buf_printf(&b, "%s:%lu", in->name, line);
    return buf_steal(&b);
}

static int is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static batch *end_marker(run *R, batch *b, const input_file *in)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = REC_EOF;
    r.in = in;
    return add_record(R, b, &r);
}

static batch *read_records(run *R, batch *b, const input_file *in);

/* Read one input into the ring; returns the batch to go on with, or NULL. */
batch *read_input(run *R, batch *b, const input_file *in)
{
    if (R->out_names && R->o->resume && outdir_done(R->out_names[in - R->inputs.file])) {
        R->skipped++; /* done by an earlier run */
        return b;
    }
    b = read_records(R, b, in);
    if (b && R->out_names) {
        b = end_marker(R, b, in);
        /* each input in its own batch: its output is put in place as soon
         * as it is done, not when a later input fills the batch */
        if (b && b->n)
            b = publish(R, b);
    }
    return b;
}

static batch *read_records(run *R, batch *b, const input_file *in)
{
    if (in->error)
        return note(R, b, in, 0, in->error);
    reader rd;
    buf err = BUF_INIT;
    uint64_t base = atomic_load(&R->in_bytes);
    if (reader_open(&rd, in->path, &err) < 0) {
        b = note(R, b, in, 0, err.data);
        buf_free(&err);
        reader_close(&rd);
        return b;
    }
    if (rd.kind == INPUT_TEXT) {
        record r;
        memset(&r, 0, sizeof r);
        r.kind = REC_TEXT;
        r.in = in;
        if (reader_all(&rd, &r.data, &r.len, &err) < 0) {
            b = note(R, b, in, 0, err.data);
        } else {
            r.line = 1;
            r.id = inputs_text_id(in->path);
            atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
            b = add_record(R, b, &r);
        }
    } else if (rd.kind == INPUT_JSONL) {
        const char *line;
        size_t len;
        int rc;
        while (b && (rc = reader_line(&rd, &line, &len, &err)) > 0) {
            if (is_blank_line(line, len))
                continue;
            record r;
            memset(&r, 0, sizeof r);
            r.kind = REC_JSON;
            r.in = in;
            r.line = rd.line;
            r.data = xstrndup(line, len);
            r.len = len;
            r.id = line_id(in, rd.line);
            atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
            b = add_record(R, b, &r);
            if (b && stopping(R))
                b = NULL;
        }
        if (b && rc < 0)
            b = note(R, b, in, rd.line + 1, err.data);
    }
    atomic_store(&R->in_bytes, base + reader_raw_bytes(&rd));
    reader_close(&rd);
    buf_free(&err);
    return b;
}
