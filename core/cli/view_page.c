/* view_page.c — the page around the documents (see view_page.h). */
#include "view_page.h"
#include "markup.h"
#include "view_assets.h"
#include "view_doc.h"

#include <string.h>

/* The toggles list the bundled layers in reading order, from the largest
 * units to the marks inside them, then other layers as first seen. */
static const char *const bundled[] = {
    "section", "paragraph", "sentence", "token", "participant", "mention", "speech",
    "note", "note-ref", "xref", "page", "archival", "editorial",
};
#define NBUNDLED (sizeof bundled / sizeof *bundled)

int view_page_begin(view_page *p, FILE *f, const char *title, const cli_layers *layers)
{
    memset(p, 0, sizeof *p);
    p->f = f;
    p->layers = layers;
    if (!(p->tally = json_object()))
        return -1;
    /* The policy forbids every fetch, so the page works offline and a
     * document, however hostile, cannot make the browser reach out. */
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
          "<meta name=\"generator\" content=\"spanpipe view\">\n<title>", f);
    markup_escape(f, title, strlen(title), 0);
    fputs("</title>\n<style>\n", f);
    fputs(view_css, f);
    fputs("</style>\n<style id=\"sp-off\"></style>\n</head>\n<body>\n"
          "<header id=\"sp-top\"><h1>", f);
    markup_escape(f, title, strlen(title), 0);
    fputs("</h1>\n<span id=\"sp-where\"></span>\n"
          "<button type=\"button\" id=\"sp-prev\" title=\"previous document (k)\" hidden>"
          "&#8249; previous</button>\n"
          "<button type=\"button\" id=\"sp-next\" title=\"next document (j)\" hidden>"
          "next &#8250;</button>\n</header>\n"
          "<nav id=\"sp-index\" aria-label=\"documents\" hidden>\n"
          "<input type=\"search\" id=\"sp-filter\" placeholder=\"filter by id or title\" "
          "aria-label=\"filter documents\">\n<p id=\"sp-count\"></p>\n"
          "<ol id=\"sp-list\"></ol>\n</nav>\n<main id=\"sp-view\" tabindex=\"-1\">\n"
          "<noscript><p class=\"sp-noscript\">Without JavaScript this page shows its first "
          "document only, with its layers styled.</p></noscript>\n", f);
    return 0;
}

static int tally(view_page *p, const sp_doc *doc)
{
    for (size_t i = 0, n = sp_doc_span_count(doc); i < n; i++) {
        const char *layer = sp_doc_span(doc, i)->layer;
        if (!cli_layers_keep(p->layers, layer))
            continue;
        json_t *v = json_object_get(p->tally, layer);
        if (v)
            json_integer_set(v, json_integer_value(v) + 1);
        else if (json_object_set_new(p->tally, layer, json_integer(1)) < 0)
            return -1;
    }
    return 0;
}

int view_page_doc(view_page *p, const sp_doc *doc)
{
    if (tally(p, doc) < 0)
        return -1;
    /* The first document stands in the page; <main> ends after it. */
    if (p->ndocs)
        fputs("<template class=\"sp-doc\">\n", p->f);
    int rc = view_doc_write(p->f, doc, p->layers);
    fputs(p->ndocs ? "</template>\n" : "</main>\n", p->f);
    p->ndocs++;
    return rc;
}

static void write_toggle(FILE *f, const char *layer, json_int_t count)
{
    /* Tokens are too many to style by default: their box starts unticked. */
    fputs("<label><input type=\"checkbox\" value=\"", f);
    markup_escape(f, layer, strlen(layer), 1);
    fprintf(f, "\"%s> <span class=\"sp-key\" data-layer=\"", strcmp(layer, "token") ? " checked" : "");
    markup_escape(f, layer, strlen(layer), 1);
    fputs("\">", f);
    markup_escape(f, layer, strlen(layer), 0);
    fprintf(f, "</span> <span class=\"sp-n\" data-total=\"%" JSON_INTEGER_FORMAT
               "\"></span></label>\n", count);
}

void view_page_end(view_page *p)
{
    FILE *f = p->f;
    if (!p->ndocs)
        fputs("<p class=\"sp-empty\">No documents.</p>\n</main>\n", f);
    fputs("<aside id=\"sp-side\">\n<section id=\"sp-who\" hidden><h2>Participants and speakers"
          "</h2>\n<div id=\"sp-legend-box\"></div>\n</section>\n"
          "<section><h2>Layers</h2>\n<form id=\"sp-layers\">\n", f);
    for (size_t i = 0; i < NBUNDLED; i++) {
        json_t *v = json_object_get(p->tally, bundled[i]);
        if (v)
            write_toggle(f, bundled[i], json_integer_value(v));
    }
    const char *layer;
    json_t *v;
    json_object_foreach(p->tally, layer, v) {
        size_t i = 0;
        while (i < NBUNDLED && strcmp(bundled[i], layer))
            i++;
        if (i == NBUNDLED)
            write_toggle(f, layer, json_integer_value(v));
    }
    fputs("</form>\n</section>\n<section id=\"sp-inspect\" aria-live=\"polite\">"
          "<h2>Spans here</h2>\n<div id=\"sp-inspect-body\"></div>\n</section>\n</aside>\n"
          "<script>\n", f);
    fputs(view_js, f);
    fputs("</script>\n</body>\n</html>\n", f);
    json_decref(p->tally);
    p->tally = NULL;
}
