/* run_read.c — the reader's side of a run: inputs into records into the
 * ring (see run_internal.h). */
#include "run_internal.h"
#include "outdir.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>

/* The batch being filled: the ring's slot reserved for the reader, or NULL
 * when the run is stopping. */
static batch *reserve(run_reader *rd)
{
    long slot = ring_reserve(rd->ring);
    return slot < 0 ? NULL : &rd->batches[slot];
}

/* Hand B over to the workers; returns the next batch to fill, or NULL. */
static batch *publish(run_reader *rd)
{
    ring_publish(rd->ring);
    return reserve(rd);
}

/* Add a record; publish the batch when full.  Returns the batch to go on
 * filling, or NULL when the run is stopping. */
static batch *add_record(run_reader *rd, batch *b, record *tmpl)
{
    record *r = batch_push(b);
    *r = *tmpl;
    b->bytes += r->len;
    if (b->bytes >= BATCH_BYTES || b->n >= BATCH_RECORDS)
        return publish(rd);
    return b;
}

static batch *add_marker(run_reader *rd, batch *b, rec_kind kind, const input_file *in,
                         unsigned long line, const char *msg)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = kind;
    r.in = in;
    r.line = line;
    if (msg)
        buf_adds(&r.msg, msg);
    return add_record(rd, b, &r);
}

/* An input that could not be read (whole): a note for the writer to report. */
static batch *note(run_reader *rd, batch *b, const input_file *in, unsigned long line,
                   const char *msg)
{
    return add_marker(rd, b, REC_NOTE, in, line, msg);
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

/* A plain-text input: one document. */
static batch *read_text(run_reader *rd, batch *b, reader *in_rd, const input_file *in,
                        uint64_t base)
{
    record r;
    memset(&r, 0, sizeof r);
    r.kind = REC_TEXT;
    r.in = in;
    buf err = BUF_INIT;
    if (reader_all(in_rd, &r.data, &r.len, &err) < 0) {
        b = note(rd, b, in, 0, err.data);
    } else {
        r.line = 1;
        r.id = inputs_text_id(in->path);
        atomic_store(&rd->in_bytes, base + reader_raw_bytes(in_rd));
        b = add_record(rd, b, &r);
    }
    buf_free(&err);
    return b;
}

/* A JSON Lines input: a record per line that is not blank. */
static batch *read_lines(run_reader *rd, batch *b, reader *in_rd, const input_file *in,
                         uint64_t base)
{
    const char *line;
    size_t len;
    int rc = 0;
    buf err = BUF_INIT;
    while (b && (rc = reader_line(in_rd, &line, &len, &err)) > 0) {
        if (is_blank_line(line, len))
            continue;
        record r;
        memset(&r, 0, sizeof r);
        r.kind = REC_JSON;
        r.in = in;
        r.line = in_rd->line;
        r.data = xstrndup(line, len);
        r.len = len;
        r.id = line_id(in, in_rd->line);
        atomic_store(&rd->in_bytes, base + reader_raw_bytes(in_rd));
        b = add_record(rd, b, &r);
        if (b && ring_stopping(rd->ring))
            b = NULL;
    }
    if (b && rc < 0)
        b = note(rd, b, in, in_rd->line + 1, err.data);
    buf_free(&err);
    return b;
}

static batch *read_records(run_reader *rd, batch *b, const input_file *in)
{
    if (in->error)
        return note(rd, b, in, 0, in->error);
    reader in_rd;
    buf err = BUF_INIT;
    uint64_t base = atomic_load(&rd->in_bytes);
    if (reader_open(&in_rd, in->path, &err) < 0) {
        b = note(rd, b, in, 0, err.data);
    } else {
        if (in_rd.kind == INPUT_TEXT)
            b = read_text(rd, b, &in_rd, in, base);
        else if (in_rd.kind == INPUT_JSONL)
            b = read_lines(rd, b, &in_rd, in, base);
        atomic_store(&rd->in_bytes, base + reader_raw_bytes(&in_rd));
    }
    reader_close(&in_rd);
    buf_free(&err);
    return b;
}

/* Read one input into the ring; returns the batch to go on with, or NULL. */
static batch *read_input(run_reader *rd, batch *b, size_t i)
{
    const input_file *in = &rd->inputs->file[i];
    if (rd->out_names && rd->resume && outdir_done(rd->out_dir, rd->out_names[i])) {
        rd->skipped++; /* done by an earlier run */
        return b;
    }
    b = read_records(rd, b, in);
    if (b && rd->out_names) {
        b = add_marker(rd, b, REC_EOF, in, 0, NULL);
        /* each input in its own batch: its output is put in place as soon
         * as it is done, not when a later input fills the batch */
        if (b && b->n)
            b = publish(rd);
    }
    return b;
}

void run_read_inputs(run_reader *rd)
{
    batch *b = reserve(rd);
    for (size_t i = 0; i < rd->inputs->n && b; i++)
        b = read_input(rd, b, i);
    if (b && b->n)
        ring_publish(rd->ring);
    else if (b)
        batch_clear(b);
    ring_close(rd->ring);
}
