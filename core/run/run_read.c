/* run_read.c — the reader's side of a run: inputs into records into the
 * ring (see run_internal.h). */
#include "run/run_internal.h"
#include "io/outdir.h"
#include "io/reader.h"

#include <stdlib.h>
#include <string.h>

/* The batch being filled: the ring's slot reserved for the reader (or, for
 * a fetcher, a batch of its input's queue: run_fetch.c), or NULL when the
 * run is stopping. */
static batch *reserve(run_reader *rd)
{
    if (rd->ahead)
        return fetch_batch(rd);
    long slot = ring_reserve(rd->ring);
    return slot < 0 ? NULL : &rd->batches[slot];
}

/* Hand the batch being filled over to the workers (or a fetcher's to the
 * reader that puts them in order); returns the next batch to fill, or NULL. */
static batch *publish(run_reader *rd)
{
    if (rd->ahead)
        fetch_publish(rd);
    else
        ring_publish(rd->ring);
    return reserve(rd);
}

batch *run_read_publish(run_reader *rd)
{
    return publish(rd);
}

batch *run_read_reserve(run_reader *rd)
{
    return reserve(rd);
}

/* Count the bytes IN_RD read since the last call, for progress: by
 * difference, so that fetchers reading at once add up. */
static void count_bytes(run_reader *rd, const reader *in_rd)
{
    uint64_t now = reader_raw_bytes(in_rd);
    atomic_fetch_add(rd->bytes, now - rd->counted);
    rd->counted = now;
}

/* Add a record; publish the batch when full.  Returns the batch to go on
 * filling, or NULL when the run is stopping. */
batch *run_read_add(run_reader *rd, batch *b, record *tmpl)
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
    return run_read_add(rd, b, &r);
}

/* An input that could not be read (whole): a note for the writer to report. */
static batch *note(run_reader *rd, batch *b, const input_file *in, unsigned long line,
                   const char *msg)
{
    return add_marker(rd, b, REC_NOTE, in, line, msg);
}

static int is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* A plain-text input: one document. */
static batch *read_text(run_reader *rd, batch *b, reader *in_rd, const input_file *in)
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
        count_bytes(rd, in_rd);
        b = run_read_add(rd, b, &r);
    }
    buf_free(&err);
    return b;
}

/* A JSON Lines input: a record per line that is not blank. */
static batch *read_lines(run_reader *rd, batch *b, reader *in_rd, const input_file *in)
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
        r.id = inputs_line_id(in, in_rd->line);
        count_bytes(rd, in_rd);
        b = run_read_add(rd, b, &r);
        if (b && ring_stopping(rd->ring))
            b = NULL;
    }
    if (b && rc < 0)
        b = note(rd, b, in, in_rd->line + 1, err.data);
    buf_free(&err);
    return b;
}

static batch *read_records(run_reader *rd, batch *b, const input_file *in, members *m,
                           int *archive);

/* One input (a listed file, or the member of an archive M is at) into the
 * ring; returns the batch to go on with, or NULL. */
static batch *read_input(run_reader *rd, batch *b, const input_file *in, members *m)
{
    if (!shard_input_mine(rd->shard, in)) {
        rd->other_inputs++; /* another shard's: not opened (a member's data
                               is skipped) */
        return b;
    }
    if (rd->out_names && rd->resume &&
        outdir_done(rd->output_dir, run_out_name(rd->out_names, rd->inputs, in))) {
        rd->skipped++; /* done by an earlier run */
        return b;
    }
    int archive = 0;
    b = read_records(rd, b, in, m, &archive);
    /* An archive read whole has no output of its own: its members have. */
    if (b && rd->out_names && !archive) {
        b = add_marker(rd, b, REC_EOF, in, 0, NULL);
        /* each input in its own batch: its output is put in place as soon
         * as it is done, not when a later input fills the batch */
        if (b && b->n)
            b = publish(rd);
    }
    return b;
}

/* The largest member read, by default (sp_run_options.max_member). */
#define MAX_MEMBER_DEFAULT (1ull << 30)

static uint64_t member_limit(const run_reader *rd)
{
    return rd->max_member ? rd->max_member : MAX_MEMBER_DEFAULT;
}

/* -O: where member F goes; NULL, or why it cannot go there. */
static const char *member_output(run_reader *rd, input_file *f)
{
    if (!rd->out_names)
        return NULL;
    f->out = outdir_name(rd->output_dir, f->rel);
    if (rd->out_seen->n == 0) /* the listed inputs' outputs are taken */
        for (size_t i = 0; i < rd->inputs->n; i++)
            strset_add(rd->out_seen, rd->out_names[i]);
    if (!strset_add(rd->out_seen, f->out))
        return "its output would be written where another input's is: not read";
    return NULL;
}

/* The members of archive IN, open in IN_RD, each as an input.  Returns the
 * batch to go on with, or NULL; *WHOLE: the archive was read to its end. */
static batch *read_members(run_reader *rd, batch *b, const input_file *in, reader *in_rd,
                           int *whole)
{
    members *m = reader_members(in_rd, member_limit(rd));
    buf err = BUF_INIT;
    char *last = NULL; /* the last member met, to say where damage is */
    *whole = 1;
    while (b) {
        const char *name;
        buf_clear(&err);
        member_step st = members_next(m, &name, &err);
        if (st == MEMBER_END)
            break;
        if (st == MEMBER_BROKEN) {
            buf msg = BUF_INIT;
            if (last)
                buf_printf(&msg, "damaged after member %s: %s", last, err.data);
            else
                buf_printf(&msg, "damaged archive: %s", err.data);
            b = note(rd, b, in, 0, msg.data);
            buf_free(&msg);
            *whole = 0;
            break;
        }
        input_file *f = inputs_add_member(rd->inputs, in, name, 0);
        const char *why = st == MEMBER_REFUSED ? err.data : member_output(rd, f);
        if (why)
            f->error = xstrdup(why); /* reported in its place, as a file's would be */
        b = read_input(rd, b, f, m);
        free(last);
        last = xstrdup(name);
    }
    free(last);
    buf_free(&err);
    members_close(m);
    return b;
}

static batch *read_records(run_reader *rd, batch *b, const input_file *in, members *m,
                           int *archive)
{
    if (in->error)
        return note(rd, b, in, 0, in->error);
    reader in_rd;
    buf err = BUF_INIT;
    /* Progress counts bytes as stored: a member's are its archive's, counted
     * on from where the archive's reader is. */
    if (!m)
        rd->counted = 0;
    int opened = m ? reader_open_member(&in_rd, m, member_limit(rd), &err)
                   : reader_open(&in_rd, in->path, &err);
    if (opened < 0) {
        b = note(rd, b, in, 0, err.data);
    } else {
        if (in_rd.kind == INPUT_ARCHIVE && m)
            b = note(rd, b, in, 0, "an archive inside an archive is not read (unpack the "
                                   "outer one first)");
        else if (in_rd.kind == INPUT_ARCHIVE)
            b = rd->ahead && fetch_archive_turn(rd) < 0 ? NULL
                                                        : read_members(rd, b, in, &in_rd, archive);
        else if (in_rd.kind == INPUT_TEXT)
            b = read_text(rd, b, &in_rd, in);
        else if (in_rd.kind == INPUT_JSONL)
            b = read_lines(rd, b, &in_rd, in);
        count_bytes(rd, &in_rd);
    }
    reader_close(&in_rd);
    buf_free(&err);
    return b;
}

batch *run_read_input(run_reader *rd, batch *b, size_t i)
{
    return read_input(rd, b, &rd->inputs->file[i], NULL);
}

void run_read_inputs(run_reader *rd)
{
    source_wake_on(ring_wake_fd(rd->ring)); /* a stalled pipe does not hold a stop up */
    batch *b;
    size_t listed = rd->inputs->n; /* members are added apart (inputs.h) */
    if (rd->fetchers > 1 && listed > 1) {
        b = fetch_inputs(rd); /* several at once, handed over in order */
    } else {
        b = reserve(rd);
        for (size_t i = 0; i < listed && b; i++)
            b = run_read_input(rd, b, i);
    }
    if (b && b->n)
        ring_publish(rd->ring);
    else if (b)
        batch_clear(b);
    source_wake_on(-1);
    ring_close(rd->ring);
}
