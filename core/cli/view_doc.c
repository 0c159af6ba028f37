/* view_doc.c — one document as HTML for `spanpipe view` (see view_doc.h). */
#include "view_doc.h"
#include "cli.h"
#include "markup.h"
#include "nest.h"

#include <stdlib.h>
#include <string.h>

/* Who gets a colour, in the legend's order: the participants as listed, then
 * the speakers who are not on the list (a speech without a `speaker`), by
 * name, in order of their first speech. */
typedef struct speaker {
    const sp_span *participant;  /* or NULL */
    const char *name;            /* else: borrowed from the speech's attrs */
} speaker;

typedef struct writer {
    FILE *f;
    speaker *who;
    size_t nwho, room;
    json_t *by_participant;  /* participant span id -> index in who */
    json_t *by_name;         /* roster-less speaker's name -> index in who */
    size_t sentences;        /* sentences opened so far */
    int alt;                 /* the current sentence is an odd one */
    const sp_span *anchor;   /* the note-ref whose <a> is open, or NULL */
    unsigned anchor_part;
    int oom;
} writer;

static void put_attr(FILE *f, const char *s)
{
    markup_escape(f, s, strlen(s), 1);
}

static int is_layer(const sp_span *s, const char *layer)
{
    return !strcmp(s->layer, layer);
}

static long lookup(const json_t *map, const char *key)
{
    const json_t *v = key ? json_object_get(map, key) : NULL;
    return v ? (long)json_integer_value(v) : -1;
}

/* Give P (a participant) or NAME the next colour, recorded under KEY in MAP. */
static void add_speaker(writer *w, json_t *map, const char *key, const sp_span *p,
                        const char *name)
{
    if (w->nwho == w->room) {
        size_t room = w->room ? 2 * w->room : 16;
        speaker *grown = realloc(w->who, room * sizeof *grown);
        if (!grown) {
            w->oom = 1;
            return;
        }
        w->who = grown;
        w->room = room;
    }
    if (json_object_set_new(map, key, json_integer((json_int_t)w->nwho)) < 0) {
        w->oom = 1;
        return;
    }
    w->who[w->nwho++] = (speaker){ p, name };
}

/* The legend index of a speech's speaker, or -1 when it names nobody. */
static long speech_speaker(const writer *w, const sp_span *s)
{
    long k = lookup(w->by_participant, cli_attr(s, "speaker"));
    return k >= 0 ? k : lookup(w->by_name, cli_attr(s, "name"));
}

static void collect_speakers(writer *w, const sp_doc *doc)
{
    for (const sp_span *s = sp_doc_first(doc, "participant"); s && !w->oom;
         s = sp_doc_next(doc, s))
        if (lookup(w->by_participant, s->id) < 0)
            add_speaker(w, w->by_participant, s->id, s, NULL);
    for (const sp_span *s = sp_doc_first(doc, "speech"); s && !w->oom; s = sp_doc_next(doc, s)) {
        const char *name = cli_attr(s, "name");
        if (name && speech_speaker(w, s) < 0)
            add_speaker(w, w->by_name, name, NULL, name);
    }
}

/* The palette index of a span's element, or -1 for none. */
static long colour_of(const writer *w, const sp_span *s)
{
    long k = -1;
    if (is_layer(s, "speech"))
        k = speech_speaker(w, s);
    else if (is_layer(s, "mention"))
        k = lookup(w->by_participant, cli_attr(s, "participant"));
    else if (is_layer(s, "participant"))
        k = lookup(w->by_participant, s->id);
    return k < 0 ? -1 : k % VIEW_PALETTE;
}

static void write_legend(writer *w, const sp_doc *doc)
{
    FILE *f = w->f;
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    fputs("<ul class=\"sp-legend\" aria-label=\"participants and speakers\">\n", f);
    for (size_t i = 0; i < w->nwho; i++) {
        const speaker *p = &w->who[i];
        fprintf(f, "<li class=\"c%zu\"", i % VIEW_PALETTE);
        if (p->participant) {
            const sp_span *s = p->participant;
            const char *name = cli_attr(s, "name"), *side = cli_attr(s, "side"),
                       *title = cli_attr(s, "title");
            fputs(" data-key=\"", f);
            put_attr(f, s->id);
            fputs("\"><b>", f);
            if (name)
                markup_escape(f, name, strlen(name), 0);
            else
                markup_escape(f, text + s->start, s->end - s->start, 0);
            fputs("</b>", f);
            if (title) {
                fputs(" <span class=\"sp-role\">", f);
                markup_escape(f, title, strlen(title), 0);
                fputs("</span>", f);
            }
            fputs(" <span class=\"sp-side\">", f);
            if (side)
                markup_escape(f, side, strlen(side), 0);
            fputs("</span>", f);
        } else {
            fputs(" data-name=\"", f);
            put_attr(f, p->name);
            fputs("\"><b>", f);
            markup_escape(f, p->name, strlen(p->name), 0);
            fputs("</b> <span class=\"sp-side sp-none\">not listed</span>",
                  f);
        }
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
}

/* ---- the text: nest.h's events as elements ---- */

static void on_text(void *ctx, const char *s, size_t n)
{
    writer *w = ctx;
    markup_escape(w->f, s, n, 0);
}

/* A span's start tag: its element, or with EDGE ("start") the empty marker
 * of a crossing span's start, which is never a link. */
static void open_tag(writer *w, const sp_span *s, unsigned part, const char *edge)
{
    FILE *f = w->f;
    const char *note = is_layer(s, "note-ref") && !edge ? cli_attr(s, "note") : NULL;
    /* An <a> inside an <a> would make the HTML parser close the outer one,
     * breaking the nesting: only the outermost marker is a real link. */
    if (note && !w->anchor) {
        w->anchor = s;
        w->anchor_part = part;
        fputs("<a href=\"#sp:", f);
        put_attr(f, note);
        fputc('"', f);
    } else
        fputs("<span", f);
    if (part == 0 && (is_layer(s, "note") || is_layer(s, "participant"))) {
        fputs(" id=\"sp:", f);
        put_attr(f, s->id);
        fputc('"', f);
    }
    fputs(" data-id=\"", f);
    put_attr(f, s->id);
    fputs("\" data-layer=\"", f);
    put_attr(f, s->layer);
    fputc('"', f);
    if (part)
        fprintf(f, " data-part=\"%u\"", part);
    if (edge)
        fprintf(f, " data-edge=\"%s\"", edge);
    long colour = colour_of(w, s);
    /* Sentences alternate; parts of a sentence keep its shade, which holds as
     * long as sentences do not overlap one another. */
    int alt = 0;
    if (is_layer(s, "sentence")) {
        if (part == 0)
            w->alt = w->sentences++ & 1;
        alt = w->alt;
    }
    if (colour >= 0 && alt)
        fprintf(f, " class=\"c%ld sp-alt\"", colour);
    else if (colour >= 0)
        fprintf(f, " class=\"c%ld\"", colour);
    else if (alt)
        fputs(" class=\"sp-alt\"", f);
    if (s->attrs && json_object_size(s->attrs)) {
        char *j = json_dumps(s->attrs, JSON_COMPACT);
        if (j) {
            fputs(" data-attrs=\"", f);
            put_attr(f, j);
            fputc('"', f);
            free(j);
        } else
            w->oom = 1;
    }
    fputc('>', f);
}

static void on_open(void *ctx, const sp_span *s, unsigned part)
{
    open_tag(ctx, s, part, NULL);
}

/*
 * A span that crosses an element (nest.h) is standoff: an empty marker at its
 * start, with everything an element carries, and one at its end with its id
 * and layer; the page shows them as brackets and highlights the text between
 * them.  A part per element it crosses made pages of a gigabyte.
 */
static void on_anchor(void *ctx, const sp_span *s, int at_end)
{
    writer *w = ctx;
    if (!at_end)
        open_tag(w, s, 0, "start");
    else {
        fputs("<span data-id=\"", w->f);
        put_attr(w->f, s->id);
        fputs("\" data-layer=\"", w->f);
        put_attr(w->f, s->layer);
        fputs("\" data-edge=\"end\">", w->f);
    }
    fputs("</span>", w->f);
}

static void on_close(void *ctx, const sp_span *s, unsigned part, int last)
{
    writer *w = ctx;
    (void)last;
    if (w->anchor == s && w->anchor_part == part) {
        fputs("</a>", w->f);
        w->anchor = NULL;
    } else
        fputs("</span>", w->f);
}

static int keep_span(void *kctx, const sp_span *s)
{
    return cli_layers_keep(kctx, s->layer);
}

int view_doc_write(FILE *f, const sp_doc *doc, const cli_layers *layers)
{
    writer w = { .f = f };
    w.by_participant = json_object();
    w.by_name = json_object();
    if (!w.by_participant || !w.by_name)
        w.oom = 1;
    else if (cli_layers_keep(layers, "speech") || cli_layers_keep(layers, "mention") ||
             cli_layers_keep(layers, "participant"))
        collect_speakers(&w, doc);

    size_t idlen, nkept = 0;
    const char *id = sp_doc_id(doc, &idlen);
    const json_t *meta = sp_doc_meta(doc);
    const json_t *title = meta ? json_object_get(meta, "title") : NULL;
    for (size_t i = 0, n = sp_doc_span_count(doc); i < n; i++)
        nkept += cli_layers_keep(layers, sp_doc_span(doc, i)->layer);

    fputs("<article class=\"sp-article\" data-doc=\"", f);
    markup_escape(f, id, idlen, 1);
    if (json_is_string(title)) {
        fputs("\" data-title=\"", f);
        markup_escape(f, json_string_value(title), json_string_length(title), 1);
    }
    fprintf(f, "\" data-spans=\"%zu\">\n<h2 class=\"sp-h\">", nkept);
    if (json_is_string(title))
        markup_escape(f, json_string_value(title), json_string_length(title), 0);
    else
        markup_escape(f, id, idlen, 0);
    fputs("</h2>\n<p class=\"sp-id\"><code>", f);
    markup_escape(f, id, idlen, 0);
    fprintf(f, "</code> · %zu spans</p>\n", nkept);
    if (w.nwho && !w.oom)
        write_legend(&w, doc);

    static const nest_events ev = { on_text, on_open, on_close, on_anchor };
    fputs("<div class=\"sp-text\">", f);
    if (!w.oom && nest_walk(doc, keep_span, (void *)layers, &ev, &w) < 0)
        w.oom = 1;
    fputs("</div>\n</article>\n", f);
    json_decref(w.by_participant);
    json_decref(w.by_name);
    free(w.who);
    return w.oom ? -1 : 0;
}
