/*
 * cmd_view.c — `spanpipe view`: annotated documents as one self-contained
 * HTML page, to read them with their layers in a browser.
 */
#include "cli.h"
#include "layers.h"
#include "output.h"
#include "view_page.h"

#include <getopt.h>
#include <stdio.h>

static const char view_usage[] =
    "usage: spanpipe view [-l LAYER ...] [-o FILE] [--title TEXT] [options] [INPUT ...]\n"
    "\n"
    "Write one self-contained HTML page (no network, no external script or font)\n"
    "showing each document's text with its layers: sections, paragraphs and\n"
    "sentences lightly marked, speech coloured by speaker with a legend of the\n"
    "participants and their sides, mentions in their participant's colour,\n"
    "footnote markers linked to their notes and back, cross-references, page\n"
    "markers, archival citations and editorial brackets.  Pointing at the text\n"
    "shows the spans there with their attrs; a box per layer switches it on and\n"
    "off; an index lists the documents, with a filter.\n"
    "\n"
    "  -l, --layer LAYER[,LAYER]    only these layers (repeatable; default: all)\n"
    "  -o, --output FILE            write to FILE (put in place once complete)\n"
    "      --title TEXT             the page's title (default: the first INPUT)\n"
    "%s"
    "  -h, --help                   this help\n"
    "\n"
    "The text of each document is exactly its characters, except those HTML\n"
    "cannot carry (U+0000, other control characters but tab, newline and carriage\n"
    "return, U+FFFE, U+FFFF), which show as U+FFFD.  Without JavaScript the page\n"
    "shows its first document.\n"
    "\n"
    "Example: spanpipe view -p segment,speakers,citations -o memo.html memo.txt\n";

typedef struct view_cmd {
    view_page page;
    cli_out out;
    int failed;     /* out of memory or a write error: stop */
} view_cmd;

static int add_doc(void *ctx, const sp_doc *doc)
{
    view_cmd *c = ctx;
    if (view_page_doc(&c->page, doc) < 0) {
        cli_error("out of memory");
        c->failed = 1;
        return -1;
    }
    if (ferror(c->out.f)) {
        c->failed = 1; /* cli_out_close() says why */
        return -1;
    }
    return 0;
}

int cmd_view(int argc, char **argv)
{
    enum { OPT_TITLE = 256 };
    static const struct option longopts[] = {
        { "layer", required_argument, NULL, 'l' },
        { "output", required_argument, NULL, 'o' },
        { "title", required_argument, NULL, OPT_TITLE },
        { "stage", required_argument, NULL, 'p' },
        { "plugin-dir", required_argument, NULL, 'P' },
        { "jobs", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    view_cmd c = { 0 };
    cli_layers layers = { 0 };
    cli_docs d;
    const char *output = NULL, *title = NULL;
    int status = SP_USAGE, ch;
    if (cli_docs_init(&d, argc) < 0)
        return SP_USAGE;
    while ((ch = cli_docs_getopt(&d, argc, argv, "view", ":l:o:p:P:j:h", longopts)) != -1) {
        switch (ch) {
        case 'l':
            cli_layers_add(&layers, optarg);
            break;
        case 'o': output = optarg; break;
        case OPT_TITLE: title = optarg; break;
        case 'h':
            printf(view_usage, cli_docs_help);
            status = SP_OK;
            goto out;
        default: /* '?': cli_docs_getopt said what is wrong */
            goto out;
        }
    }
    if (!title)
        title = optind < argc ? argv[optind] : "standard input";
    if (cli_out_refuse_input(output, argv + optind, (size_t)(argc - optind)) < 0)
        goto out;
    if (cli_out_open(&c.out, output, 0) < 0) {
        status = SP_IO;
        goto out;
    }
    if (view_page_begin(&c.page, c.out.f, title, &layers) < 0) {
        cli_error("out of memory");
        cli_out_close(&c.out, 0);
        goto out;
    }
    status = cli_docs_each(&d, argv + optind, (size_t)(argc - optind), add_doc, &c);
    view_page_end(&c.page);
    /* As with `run -o`: the page is put in place unless it could not be
     * written whole or the run never started. */
    status = cli_out_end(&c.out, status != SP_USAGE && !c.failed, status, d.failed);
out:
    cli_layers_free(&layers);
    cli_docs_free(&d);
    return status;
}
