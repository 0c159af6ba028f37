/*
 * cmd_export.c — `spanpipe export --to FORMAT`: annotated documents into the
 * formats of the digital-humanities and NLP tools (TEI, brat, CoNLL-U).
 */
#include "cli.h"
#include "export.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char export_usage_head[] =
    "usage: spanpipe export --to FORMAT [-o FILE | -O DIR] [options] [INPUT ...]\n"
    "\n"
    "Convert annotated documents (as 'spanpipe run' writes them) for other tools.\n"
    "\n"
    "Formats:\n";

static const char export_usage[] =
    "\n"
    "  -t, --to FORMAT              the format (required)\n"
    "  -o, --output FILE            write to FILE, put in place once complete\n"
    "                               (default: standard output)\n"
    "  -O, --output-dir DIR         one file (brat: a .txt and .ann pair) per\n"
    "                               document under DIR, named after its id\n"
    "      --tei-map FILE           with --to tei: layers and attrs as TEI elements\n"
    "                               and attributes, a rule a line: LAYER ELEMENT,\n"
    "                               LAYER@ATTR ELEMENT@ATTRIBUTE (date@iso date@when)\n"
    "%s"
    "  -h, --help                   this help\n";

static const exporter *const formats[] = { &export_tei, &export_brat, &export_conllu };
#define NFORMATS (sizeof formats / sizeof *formats)

static int safe_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

char *export_path(export_ctx *x, const sp_doc *doc, const char *ext, char **stem)
{
    size_t n;
    const char *id = sp_doc_id(doc, &n);
    /* The stem: the id made safe, component by component.  Each byte of the
     * id gives one character, and each of its n + 1 components may gain a
     * '_'; then room for a "-N" suffix. */
    size_t cap = 2 * n + 1 + 24;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    size_t k = 0, comp = 0; /* where the current path component starts */
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)id[i] : '/';
        if (c == '/') {
            size_t len = k - comp;
            if (len == 0 || (len == 1 && s[comp] == '.') ||
                (len == 2 && s[comp] == '.' && s[comp + 1] == '.'))
                s[k++] = '_'; /* an empty, "." or ".." component stays inside DIR */
            if (i < n)
                s[k++] = '/';
            comp = k;
            continue;
        }
        s[k++] = safe_char(c) ? (char)c : '_';
    }
    s[k] = '\0';
    /* Two ids that come out the same ("a b", "a_b") get a suffix. */
    size_t base = k;
    for (unsigned long dup = 2; json_object_get(x->names, s); dup++)
        snprintf(s + base, cap - base, "-%lu", dup);
    json_object_set_new(x->names, s, json_true());
    size_t el = strlen(ext);
    char *path = malloc(strlen(s) + el + 1);
    if (!path) {
        free(s);
        return NULL;
    }
    strcpy(path, s);
    strcat(path, ext);
    if (stem)
        *stem = s;
    else
        free(s);
    return path;
}

typedef struct export_cmd {
    const exporter *fmt;
    export_ctx x;
    int stopped;
} export_cmd;

static int export_doc(void *ctx, const sp_doc *doc)
{
    export_cmd *c = ctx;
    c->x.ndocs++;
    int rc = c->fmt->document(&c->x, doc);
    if (rc > 0) {
        c->x.skipped++; /* said why; the next documents go on */
        return 0;
    }
    if (rc < 0) {
        c->stopped = 1;
        return -1;
    }
    return 0;
}

static void export_help(void)
{
    fputs(export_usage_head, stdout);
    for (size_t i = 0; i < NFORMATS; i++)
        printf("  %-8s %s\n", formats[i]->name, formats[i]->summary);
    printf(export_usage, cli_docs_help);
}

/* What the command line gave, besides the inputs. */
typedef struct export_args {
    const char *to, *output, *tei_map;
} export_args;

/* The options into A and C->x.dir: 0, or 1 after --help, or -1 when
 * cli_docs_getopt() has said what is wrong. */
static int export_options(cli_docs *d, int argc, char **argv, export_args *a, export_cmd *c)
{
    enum { OPT_TEI_MAP = 256 };
    static const struct option longopts[] = {
        { "to", required_argument, NULL, 't' },
        { "tei-map", required_argument, NULL, OPT_TEI_MAP },
        { "output", required_argument, NULL, 'o' },
        { "output-dir", required_argument, NULL, 'O' },
        { "stage", required_argument, NULL, 'p' },
        { "plugin-dir", required_argument, NULL, 'P' },
        { "jobs", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int ch;
    while ((ch = cli_docs_getopt(d, argc, argv, "export", ":t:o:O:p:P:j:h", longopts)) != -1) {
        switch (ch) {
        case 't': a->to = optarg; break;
        case 'o': a->output = optarg; break;
        case 'O': c->x.dir = optarg; break;
        case OPT_TEI_MAP: a->tei_map = optarg; break;
        case 'h': export_help(); return 1;
        default: return -1;
        }
    }
    return 0;
}

/* The exporter named TO; NULL after saying it is unknown or missing. */
static const exporter *export_format(const char *to)
{
    for (size_t i = 0; to && i < NFORMATS; i++)
        if (!strcmp(to, formats[i]->name))
            return formats[i];
    if (to)
        cli_error("--to: unknown format '%s' (formats: tei, brat, conllu)", to);
    else
        cli_error("which format? give --to tei, brat or conllu (see spanpipe export --help)");
    return NULL;
}

/* Whether the options go with C's format and each other; -1 after saying why
 * not (or after export_tei_map() has said what is wrong with the map). */
static int export_check(const export_cmd *c, const export_args *a)
{
    if (a->tei_map && (c->fmt != &export_tei || export_tei_map(a->tei_map) < 0)) {
        if (c->fmt != &export_tei)
            cli_error("--tei-map goes with --to tei");
        return -1;
    }
    if (a->output && c->x.dir) {
        cli_error("-o and -O do not go together: one output file, or one per document");
        return -1;
    }
    if (c->fmt->needs_dir && !c->x.dir) {
        cli_error("--to %s writes files per document: give a directory with -O DIR",
                  c->fmt->name);
        return -1;
    }
    return 0;
}

/* Each document of the N INPUTS through C's exporter; the exit status. */
static int export_run(export_cmd *c, cli_docs *d, char **inputs, size_t n, const char *output)
{
    int status;
    /* -O: files in an input folder would be read as inputs next time */
    if (cli_out_refuse_input(c->x.dir ? c->x.dir : output, inputs, n) < 0)
        return SP_USAGE;
    if (!c->x.dir && cli_out_open(&c->x.out, output, 0) < 0)
        return SP_IO;
    c->x.names = json_object();
    if (c->fmt->begin(&c->x) < 0) {
        status = SP_IO;
        c->fmt->end(&c->x, 0);
    } else {
        status = cli_docs_each(d, inputs, n, export_doc, c);
        int ok = !c->stopped && status != SP_USAGE;
        if (c->fmt->end(&c->x, ok) < 0 && status != SP_USAGE)
            status = SP_IO;
    }
    if (!c->x.dir)
        status = cli_out_end(&c->x.out, !c->stopped && status != SP_USAGE, status, d->failed);
    if (c->x.skipped && status == SP_OK)
        status = SP_FAILED; /* each was reported: "some documents failed" */
    json_decref(c->x.names);
    return status;
}

int cmd_export(int argc, char **argv)
{
    export_cmd c = { 0 };
    export_args a = { 0 };
    cli_docs d;
    int status = SP_USAGE;
    if (cli_docs_init(&d, argc) < 0)
        return SP_USAGE;
    int r = export_options(&d, argc, argv, &a, &c);
    if (r > 0)
        status = SP_OK;
    else if (r == 0 && (c.fmt = export_format(a.to)) && export_check(&c, &a) == 0)
        status = export_run(&c, &d, argv + optind, (size_t)(argc - optind), a.output);
    cli_docs_free(&d);
    return status;
}
