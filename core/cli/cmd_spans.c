/*
 * cmd_spans.c — `spanpipe spans`: one span a line, as tab-separated values,
 * for sort, uniq, awk, cut and spreadsheets.
 *
 * A field never holds a raw tab or newline: in text they are written \t and
 * \n (and a backslash \\, a carriage return \r), as PostgreSQL's COPY and
 * MySQL's tab-separated output do; attrs are compact JSON, which escapes them
 * itself.
 */
#include "cli.h"
#include "layers.h"
#include "output.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char spans_usage[] =
    "usage: spanpipe spans [-l LAYER ...] [-f FIELDS] [options] [INPUT ...]\n"
    "\n"
    "Print the spans of annotated documents, one a line, as tab-separated values,\n"
    "in document order and, within a document, in span order.\n"
    "\n"
    "  -l, --layer LAYER[,LAYER]    only these layers (repeatable; default: all)\n"
    "  -f, --fields FIELDS          the columns, comma-separated (default:\n"
    "                               doc,id,layer,start,end,text,attrs):\n"
    "                                 doc    the document's id\n"
    "                                 id     the span's id (e.g. speech.3)\n"
    "                                 layer, start, end\n"
    "                                 text   the text the span covers\n"
    "                                 attrs  its attrs as compact JSON ({} if none)\n"
    "                                 attrs.KEY  one attribute: a string as is,\n"
    "                                        other values as JSON, empty when absent\n"
    "                                 attrs.KEY->FIELD  FIELD of the span whose id\n"
    "                                        attrs.KEY holds (a reference, e.g.\n"
    "                                        attrs.note->text); empty when none\n"
    "      --header                 a first line naming the columns\n"
    "      --bytes                  start and end as UTF-8 byte offsets (default:\n"
    "                               code points, as in the JSON documents)\n"
    "  -o, --output FILE            write to FILE (put in place once complete)\n"
    "%s"
    "  -h, --help                   this help\n"
    "\n"
    "In text and string attributes a tab is written \\t, a newline \\n, a carriage\n"
    "return \\r and a backslash \\\\.\n"
    "\n"
    "Example: spanpipe spans -l speech -f attrs.name out.jsonl | sort | uniq -c\n";

typedef enum field_kind { F_DOC, F_ID, F_LAYER, F_START, F_END, F_TEXT, F_ATTRS, F_ATTR } field_kind;

typedef struct field {
    field_kind kind;
    const char *key;     /* F_ATTR: the attribute's name */
    char *name;          /* the column's name for --header */
    char **via;          /* "attrs.note->text": the attrs (here "note") that
                            lead from the span to the one shown, in order */
    size_t nvia;
} field;

typedef struct spans_cmd {
    field *fields;
    size_t nfields;
    cli_layers layers;   /* -l */
    int bytes;
    int write_failed;
    cli_out out;
} spans_cmd;

static void put_escaped(FILE *f, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = NULL;
        switch (s[i]) {
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\\': esc = "\\\\"; break;
        default: continue;
        }
        fwrite(s + run, 1, i - run, f);
        fputs(esc, f);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, f);
}

static void put_json(FILE *f, const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (s)
        fputs(s, f);
    free(s);
}

/* The span F's column is about: S itself, or the span its references lead
 * to; NULL when one is missing or names no span of DOC (an empty column). */
static const sp_span *follow(const sp_doc *doc, const sp_span *s, const field *f)
{
    for (size_t i = 0; i < f->nvia && s; i++) {
        const char *id = cli_attr(s, f->via[i]);
        s = id ? sp_doc_find(doc, id) : NULL;
    }
    return s;
}

static int print_doc(void *ctx, const sp_doc *doc)
{
    spans_cmd *c = ctx;
    FILE *f = c->out.f;
    size_t idlen;
    const char *id = sp_doc_id(doc, &idlen);
    const char *text = sp_doc_text(doc, NULL);
    for (size_t i = 0, n = sp_doc_span_count(doc); i < n; i++) {
        const sp_span *shown = sp_doc_span(doc, i);
        if (!cli_layers_keep(&c->layers, shown->layer))
            continue;
        for (size_t k = 0; k < c->nfields; k++) {
            if (k)
                fputc('\t', f);
            const sp_span *s = follow(doc, shown, &c->fields[k]);
            if (!s)
                continue;
            switch (c->fields[k].kind) {
            case F_DOC: put_escaped(f, id, idlen); break;
            case F_ID: put_escaped(f, s->id, strlen(s->id)); break;
            case F_LAYER: put_escaped(f, s->layer, strlen(s->layer)); break;
            case F_START:
            case F_END: {
                size_t off = c->fields[k].kind == F_START ? s->start : s->end;
                fprintf(f, "%zu", c->bytes ? off : sp_doc_char_offset(doc, off));
                break;
            }
            case F_TEXT: put_escaped(f, text + s->start, s->end - s->start); break;
            case F_ATTRS:
                if (s->attrs)
                    put_json(f, s->attrs);
                else
                    fputs("{}", f);
                break;
            case F_ATTR: {
                const json_t *v = s->attrs ? json_object_get(s->attrs, c->fields[k].key) : NULL;
                if (json_is_string(v))
                    put_escaped(f, json_string_value(v), json_string_length(v));
                else if (v && !json_is_null(v))
                    put_json(f, v);
                break;
            }
            }
        }
        fputc('\n', f);
    }
    if (ferror(f)) {
        c->write_failed = 1; /* cli_out_close() says why */
        return -1;
    }
    return 0;
}

/*
 * Take the references off the front of the field *T ("attrs.note->attrs.n")
 * into F->via, leaving *T at the field of the span they lead to ("attrs.n").
 * Returns 0, or -1 (printed).
 */
static int parse_via(field *f, char **t)
{
    char *arrow;
    while ((arrow = strstr(*t, "->"))) {
        *arrow = '\0';
        if (strncmp(*t, "attrs.", 6) || !(*t)[6] || !arrow[2]) {
            cli_error("-f: '%s': a reference is followed from attrs.KEY to a field "
                      "of the span it names, e.g. attrs.note->text", f->name);
            return -1;
        }
        f->via = cli_xrealloc(f->via, (f->nvia + 1) * sizeof *f->via);
        f->via[f->nvia++] = *t + 6;
        *t = arrow + 2;
    }
    return 0;
}

static void free_fields(spans_cmd *c)
{
    for (size_t k = 0; c->fields && k <= c->nfields; k++) {
        free(c->fields[k].name);
        free(c->fields[k].via);
    }
    free(c->fields);
}

/* "doc,text,attrs.name" into C->fields.  Returns 0, or -1 (printed). */
static int parse_fields(spans_cmd *c, char *list)
{
    static const struct { const char *name; field_kind kind; } known[] = {
        { "doc", F_DOC }, { "id", F_ID }, { "layer", F_LAYER }, { "start", F_START },
        { "end", F_END }, { "text", F_TEXT }, { "attrs", F_ATTRS },
    };
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ',';
    c->fields = cli_xcalloc(n + 1, sizeof *c->fields); /* + 1: one being parsed */
    char *save = NULL;
    for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        field *f = &c->fields[c->nfields];
        f->name = cli_xstrdup(t);
        if (parse_via(f, &t) < 0)
            return -1;
        if (!strncmp(t, "attrs.", 6) && t[6]) {
            f->kind = F_ATTR;
            f->key = t + 6;
        } else {
            size_t k = 0;
            while (k < sizeof known / sizeof *known && strcmp(known[k].name, t))
                k++;
            if (k == sizeof known / sizeof *known) {
                cli_error("-f: unknown field '%s' (fields: doc, id, layer, start, end, "
                          "text, attrs, attrs.KEY, attrs.KEY->FIELD)", f->name);
                return -1;
            }
            f->kind = known[k].kind;
        }
        c->nfields++;
    }
    if (!c->nfields) {
        cli_error("-f wants at least one field");
        return -1;
    }
    return 0;
}

int cmd_spans(int argc, char **argv)
{
    enum { OPT_HEADER = 256, OPT_BYTES };
    static const struct option longopts[] = {
        { "layer", required_argument, NULL, 'l' },
        { "fields", required_argument, NULL, 'f' },
        { "header", no_argument, NULL, OPT_HEADER },
        { "bytes", no_argument, NULL, OPT_BYTES },
        { "output", required_argument, NULL, 'o' },
        { "stage", required_argument, NULL, 'p' },
        { "plugin-dir", required_argument, NULL, 'P' },
        { "jobs", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    spans_cmd c = { 0 };
    cli_docs d;
    char default_fields[] = "doc,id,layer,start,end,text,attrs";
    char *fields = default_fields;
    const char *output = NULL;
    int header = 0, status = SP_USAGE, ch;
    if (cli_docs_init(&d, argc) < 0)
        return SP_USAGE;
    while ((ch = cli_docs_getopt(&d, argc, argv, "spans", ":l:f:o:p:P:j:h", longopts)) !=
           -1) {
        switch (ch) {
        case 'l':
            cli_layers_add(&c.layers, optarg);
            break;
        case 'f': fields = optarg; break;
        case OPT_HEADER: header = 1; break;
        case OPT_BYTES: c.bytes = 1; break;
        case 'o': output = optarg; break;
        case 'h':
            printf(spans_usage, cli_docs_help);
            status = SP_OK;
            goto out;
        default: /* '?': cli_docs_getopt said what is wrong */
            goto out;
        }
    }
    if (parse_fields(&c, fields) < 0)
        goto out;
    if (cli_out_refuse_input(output, argv + optind, (size_t)(argc - optind)) < 0)
        goto out;
    if (cli_out_open(&c.out, output, 0) < 0) {
        status = SP_IO;
        goto out;
    }
    if (header) {
        for (size_t k = 0; k < c.nfields; k++)
            fprintf(c.out.f, "%s%s", k ? "\t" : "", c.fields[k].name);
        fputc('\n', c.out.f);
    }
    status = cli_docs_each(&d, argv + optind, (size_t)(argc - optind), print_doc, &c);
    /* As with `run -o`: the file is put in place unless it could not be
     * written whole or the run never started. */
    status = cli_out_end(&c.out, status != SP_USAGE && !c.write_failed, status, d.failed);
out:
    free_fields(&c);
    cli_layers_free(&c.layers);
    cli_docs_free(&d);
    return status;
}
