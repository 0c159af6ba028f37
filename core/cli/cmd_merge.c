/*
 * cmd_merge.c — `spanpipe merge`: documents from several JSON Lines streams
 * (the shards of a run, a run and the re-run of its fixed --errors documents)
 * back into one stream, in a given order.
 *
 * Each line is passed on byte for byte (unknown keys and all): only its "id"
 * is read.  Lines are not kept in memory: a plain file is read again at the
 * line's offset when it is written; a gzipped input or a pipe is first copied,
 * decompressed, to a temporary file (in $TMPDIR) that is read the same way.
 * A document that comes again under the same id replaces the earlier one,
 * so that a fixed re-run given after the run wins.
 */
#include "cli.h"
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static const char merge_usage[] =
    "usage: spanpipe merge [--order FILE | --order-of INPUT] [-o FILE] INPUT ...\n"
    "\n"
    "Put the documents of the INPUTs (JSON Lines, gzipped or not, '-' for standard\n"
    "input) back into one stream: the outputs of shards (run --shard K/N), or a\n"
    "run's output and the re-run of the documents its --errors file kept.  Each\n"
    "line is written as it was.  A document whose id comes again (in the same\n"
    "INPUT or a later one) replaces the earlier one: give the fixed documents\n"
    "last.\n"
    "\n"
    "      --order FILE             in the order of the ids in FILE, one a line\n"
    "      --order-of INPUT         in the order of the documents of INPUT (the\n"
    "                               original input: any input 'spanpipe run' reads)\n"
    "                               (default: in order of each id's first appearance)\n"
    "  -o, --output FILE            write to FILE (put in place once complete)\n"
    "  -h, --help                   this help\n"
    "\n"
    "With an order, every id it lists must be in the INPUTs and every document of\n"
    "the INPUTs in the order; each one missing is named, and the exit status is 1.\n"
    "\n"
    "Example: spanpipe merge --order-of corpus.jsonl out.jsonl fixed.jsonl > all.jsonl\n";

typedef struct doc_at {
    int fd;          /* where the line is: an input file or the spool */
    off_t off;
    size_t len;      /* with its newline */
    int written;
} doc_at;

typedef struct merge_cmd {
    doc_at *docs;
    size_t n, room;
    json_t *by_id;   /* id -> index into docs (of its latest version) */
    json_t *first;   /* ids in order of first appearance */
    int spool;       /* the temporary file, or -1 */
    off_t spool_len;
    int *fds;        /* inputs kept open to read lines back */
    size_t nfds;
} merge_cmd;

/* Note the document LINE (LEN bytes with its newline) of NAME:LINENO, found at
 * OFF of FD.  Returns 0, or -1 (printed). */
static int add_line(merge_cmd *m, const char *name, unsigned long lineno, const char *line,
                    size_t len, int fd, off_t off)
{
    json_error_t e;
    json_t *doc = json_loadb(line, len, 0, &e);
    json_t *id = json_object_get(doc, "id");
    if (!json_is_string(id) || strlen(json_string_value(id)) != json_string_length(id)) {
        if (!doc)
            cli_error("%s:%lu: not a JSON document: %s", name, lineno, e.text);
        else
            cli_error("%s:%lu: the document has no \"id\" string (or one with U+0000)",
                      name, lineno);
        json_decref(doc);
        return -1;
    }
    if (m->n == m->room) {
        size_t room = m->room ? 2 * m->room : 1024;
        m->docs = cli_xrealloc(m->docs, room * sizeof *m->docs);
        m->room = room;
    }
    const char *key = json_string_value(id);
    if (!json_object_get(m->by_id, key))
        json_array_append_new(m->first, json_string(key));
    json_object_set_new(m->by_id, key, json_integer((json_int_t)m->n));
    m->docs[m->n++] = (doc_at){ fd, off, len, 0 };
    json_decref(doc);
    return 0;
}

static int write_spool(merge_cmd *m, const char *p, size_t n)
{
    if (m->spool < 0) {
        const char *dir = getenv("TMPDIR");
        if (!dir || !*dir)
            dir = "/tmp";
        size_t len = strlen(dir) + sizeof "/spanpipe-merge-XXXXXX";
        char *path = cli_xmalloc(len);
        snprintf(path, len, "%s/spanpipe-merge-XXXXXX", dir);
        m->spool = mkstemp(path);
        if (m->spool < 0)
            cli_error("%s: cannot create a temporary file: %s", path, strerror(errno));
        else
            unlink(path); /* gone once closed */
        free(path);
        if (m->spool < 0)
            return -1;
    }
    while (n) {
        ssize_t w = write(m->spool, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            cli_error("temporary file: write error: %s", strerror(errno));
            return -1;
        }
        p += w;
        n -= (size_t)w;
        m->spool_len += w;
    }
    return 0;
}

/* One input being read: its file, how it is read, and the line so far. */
typedef struct merge_input {
    const char *name;
    int fd;
    int direct;              /* -1 not yet known; 1 plain file: lines read back from it */
    char *line;              /* the line so far (LEN bytes, ROOM allocated) */
    size_t len, room;
    off_t off;               /* of the line in the input (when direct) */
    unsigned long lineno;
} merge_input;

/* Whether the N bytes at S are only spaces, tabs and CRs: a blank line, which
 * is not a document (the rule `spanpipe run` reads by, core/run/run_read.c). */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Note the complete line IN->line (with its newline): read back from the
 * input itself when DIRECT, else from the spool it is copied to.  Returns 0,
 * or -1 (printed). */
static int end_line(merge_cmd *m, merge_input *in, int direct)
{
    int rc = 0;
    in->lineno++;
    if (!is_blank(in->line, in->len)) {
        off_t at = direct ? in->off : m->spool_len;
        if (!direct && write_spool(m, in->line, in->len) < 0)
            rc = -1;
        else
            rc = add_line(m, in->name, in->lineno, in->line, in->len,
                          direct ? in->fd : m->spool, at);
    }
    in->off += (off_t)in->len;
    in->len = 0;
    return rc;
}

/* Cut the R bytes of CHUNK into lines.  Returns 0, or -1 (printed). */
static int take_chunk(merge_cmd *m, merge_input *in, const char *chunk, size_t r)
{
    for (size_t i = 0; i < r;) {
        const char *nl = memchr(chunk + i, '\n', r - i);
        size_t take = nl ? (size_t)(nl - (chunk + i)) + 1 : r - i;
        if (in->len + take + 1 > in->room) {
            in->room = 2 * (in->len + take + 1);
            in->line = cli_xrealloc(in->line, in->room);
        }
        memcpy(in->line + in->len, chunk + i, take);
        in->len += take;
        i += take;
        if (nl && end_line(m, in, in->direct) < 0)
            return -1;
    }
    return 0;
}

/* Read every line of IN through GZ (the last one may lack its newline: it is
 * given one, so it goes to the spool).  Returns 0, or -1 (printed). */
static int read_lines(merge_cmd *m, merge_input *in, gzFile gz, int regular)
{
    char chunk[65536];
    int r;
    while ((r = gzread(gz, chunk, sizeof chunk)) > 0) {
        if (in->direct < 0)
            in->direct = regular && gzdirect(gz);
        if (take_chunk(m, in, chunk, (size_t)r) < 0)
            return -1;
    }
    if (in->len) {
        in->line[in->len++] = '\n';
        if (end_line(m, in, 0) < 0)
            return -1;
    }
    int gzerr;
    const char *why = gzerror(gz, &gzerr);
    if (gzerr != Z_OK && gzerr != Z_STREAM_END) {
        cli_error("%s: read error: %s", in->name, gzerr == Z_ERRNO ? strerror(errno) : why);
        return -1;
    }
    return 0;
}

/* Keep FD open, to read lines back from it; merge_free closes it. */
static void keep_fd(merge_cmd *m, int fd)
{
    m->fds = cli_xrealloc(m->fds, (m->nfds + 1) * sizeof *m->fds);
    m->fds[m->nfds++] = fd;
}

/* Read the documents of the input NAME.  Returns 0, or -1 (printed). */
static int read_input(merge_cmd *m, const char *name)
{
    int stdin_ = !strcmp(name, "-");
    merge_input in = { .name = stdin_ ? "<stdin>" : name, .direct = -1 };
    in.fd = stdin_ ? dup(0) : open(name, O_RDONLY);
    if (in.fd < 0) {
        cli_error("%s: cannot open: %s", name, strerror(errno));
        return -1;
    }
    struct stat st;
    int regular = fstat(in.fd, &st) == 0 && S_ISREG(st.st_mode);
    /* Standard input may be a file already part read: lines are read back at
     * their offsets from where it stands now. */
    in.off = regular ? lseek(in.fd, 0, SEEK_CUR) : 0;
    if (in.off < 0)
        in.off = 0;
    int gz_fd = dup(in.fd);
    gzFile gz = gz_fd >= 0 ? gzdopen(gz_fd, "rb") : NULL;
    if (!gz) { /* dup failed (too many open files), or out of memory */
        cli_error("%s: cannot read: %s", in.name, strerror(errno ? errno : ENOMEM));
        if (gz_fd >= 0)
            close(gz_fd);
        close(in.fd);
        return -1;
    }
    int rc = read_lines(m, &in, gz, regular);
    gzclose(gz);
    free(in.line);
    if (in.direct > 0)
        keep_fd(m, in.fd);
    else
        close(in.fd);
    return rc;
}

/* Copy document I to OUT.  Returns 0, or -1 (a read error, printed; a write
 * error is left for cli_out_close to say). */
static int put_doc(merge_cmd *m, size_t i, FILE *out)
{
    doc_at *d = &m->docs[i];
    char buf[65536];
    off_t off = d->off;
    size_t left = d->len;
    d->written = 1;
    while (left) {
        ssize_t r = pread(d->fd, buf, left < sizeof buf ? left : sizeof buf, off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            cli_error("cannot read back a document: %s", r < 0 ? strerror(errno) : "file shrank");
            return -1;
        }
        if (fwrite(buf, 1, (size_t)r, out) != (size_t)r)
            return -1;
        off += r;
        left -= (size_t)r;
    }
    return 0;
}

/* The ids of the order file PATH, one a line (LF or CRLF), into ORDER.
 * Returns 0, or -1 (printed). */
static int read_order_file(const char *path, json_t *order)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t room = 0;
    ssize_t n;
    unsigned long lineno = 0;
    int bad = 0;
    while (!bad && (n = getline(&line, &room, f)) > 0) {
        lineno++;
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (!n)
            continue;
        json_t *id = json_stringn(line, (size_t)n);
        if (!id) {
            cli_error("%s:%lu: the id is not UTF-8 text", path, lineno);
            bad = 1;
        }
        json_array_append_new(order, id);
    }
    if (!bad && ferror(f)) {
        cli_error("%s: read error: %s", path, strerror(errno));
        bad = 1;
    }
    free(line);
    fclose(f);
    return bad ? -1 : 0;
}

static int collect_id(void *ctx, const sp_doc *doc)
{
    size_t n;
    const char *id = sp_doc_id(doc, &n);
    return json_array_append_new(ctx, json_stringn(id, n));
}

/* The order the documents are written in, into *ORDER: M's own order of first
 * appearance, or a new array read from ORDER_FILE or the documents of
 * ORDER_OF.  Returns SP_OK or the exit status (printed). */
static int build_order(merge_cmd *m, const char *order_file, char *order_of, json_t **order)
{
    *order = m->first;
    if (!order_file && !order_of)
        return SP_OK;
    *order = json_array();
    if (order_file)
        return read_order_file(order_file, *order) < 0 ? SP_IO : SP_OK;
    cli_docs d;
    if (cli_docs_init(&d, 1) < 0)
        return SP_USAGE;
    int status = cli_docs_each(&d, &order_of, 1, collect_id, *order);
    cli_docs_free(&d);
    return status;
}

/* Write the documents of M to OUT in ORDER, naming each id of ORDER that is
 * not in the inputs or comes twice; then, for an order given by the user, each
 * document it leaves out.  Returns SP_OK, SP_FAILED (ids named) or SP_IO. */
static int write_in_order(merge_cmd *m, json_t *order, FILE *out)
{
    size_t missing = 0;
    for (size_t i = 0; i < json_array_size(order) && !ferror(out); i++) {
        const char *id = json_string_value(json_array_get(order, i));
        json_t *at = json_object_get(m->by_id, id);
        if (!at) {
            cli_error("%s: in the order, not in the inputs", id);
            missing++;
        } else if (m->docs[json_integer_value(at)].written) {
            cli_error("%s: twice in the order (written once)", id);
            missing++;
        } else if (put_doc(m, (size_t)json_integer_value(at), out) < 0 && !ferror(out)) {
            return SP_IO;
        }
    }
    if (order != m->first && !ferror(out))
        for (size_t i = 0; i < json_array_size(m->first); i++) {
            const char *id = json_string_value(json_array_get(m->first, i));
            if (!m->docs[json_integer_value(json_object_get(m->by_id, id))].written) {
                cli_error("%s: in the inputs, not in the order (left out)", id);
                missing++;
            }
        }
    return missing ? SP_FAILED : SP_OK;
}

static void merge_free(merge_cmd *m)
{
    json_decref(m->first);
    json_decref(m->by_id);
    for (size_t i = 0; i < m->nfds; i++)
        close(m->fds[i]);
    free(m->fds);
    if (m->spool >= 0)
        close(m->spool);
    free(m->docs);
}

int cmd_merge(int argc, char **argv)
{
    enum { OPT_ORDER = 256, OPT_ORDER_OF };
    static const struct option longopts[] = {
        { "order", required_argument, NULL, OPT_ORDER },
        { "order-of", required_argument, NULL, OPT_ORDER_OF },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *order_file = NULL, *output = NULL;
    char *order_of = NULL;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_ORDER: order_file = optarg; break;
        case OPT_ORDER_OF: order_of = optarg; break;
        case 'o': output = optarg; break;
        case 'h': fputs(merge_usage, stdout); return SP_OK;
        default: cli_bad_option("merge", c, argv); return SP_USAGE;
        }
    }
    if (order_file && order_of) {
        cli_error("--order and --order-of do not go together: one order");
        return SP_USAGE;
    }
    if (optind == argc) {
        cli_error("nothing to merge: give the INPUTs (see spanpipe merge --help)");
        return SP_USAGE;
    }
    merge_cmd m = { .by_id = json_object(), .first = json_array(), .spool = -1 };
    json_t *order = NULL;
    int status = SP_OK;
    for (int i = optind; i < argc && status == SP_OK; i++)
        if (read_input(&m, argv[i]) < 0)
            status = SP_IO;
    if (status == SP_OK)
        status = build_order(&m, order_file, order_of, &order);
    cli_out out = { 0 };
    if (status == SP_OK && cli_out_open(&out, output, 0) < 0)
        status = SP_IO;
    if (status == SP_OK) {
        status = write_in_order(&m, order, out.f);
        status = cli_out_end(&out, status != SP_IO, status, status == SP_FAILED);
    }
    if (order && order != m.first)
        json_decref(order);
    merge_free(&m);
    return status;
}
