/*
 * export_tei.c — TEI P5 with inline markup.
 *
 * One <TEI> a document (inside a <teiCorpus> when several share a stream).
 * The header names the document and lists the participants; the text is the
 * document's text, character for character, with the spans as elements:
 *
 *   section    <div type="KIND">          paragraph  <p>
 *   sentence   <s>                        token      <w>
 *   participant, mention  <persName ref="#PERSON">
 *   speech     <said who="#PERSON" type="HOW">
 *   note       <note place="foot" n="N">  note-ref   <ref type="noteAnchor" target="#NOTE" n="N">
 *   xref       <ref type="document" target="VOLUME/TARGET">
 *   page       <pb n="N"/><fw type="pageNum">[Page N]</fw>
 *   archival   <bibl type="KIND">         editorial  <note type="editorial" place="inline">
 *   any other layer  <seg type="LAYER">
 *
 * Every element carries xml:id "dK.SPANID" (K counts the documents of the
 * output from 0), so that the TEI can be traced back to the JSON.  Spans that
 * cross are split (nest.c); the parts after the first get ids ".p1", ".p2"...
 * and @prev pointing at the part before, TEI's way of joining fragments.
 */
#include "export.h"
#include "cli.h"
#include "markup.h"
#include "nest.h"

#include <stdlib.h>
#include <string.h>

typedef struct tei_doc {
    FILE *f;
    const sp_doc *doc;
    unsigned long k;      /* the document's number in the output */
} tei_doc;

/* An xml:id must be an XML name: the span id, with any other character '_'. */
static void put_id(FILE *f, unsigned long k, const char *id, const char *suffix)
{
    fprintf(f, "d%lu.", k);
    for (const char *p = id; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
        fputc(ok ? c : '_', f);
    }
    if (suffix)
        fputs(suffix, f);
}

static void put_attr(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, " %s=\"", name);
    markup_escape(f, value, strlen(value), 1);
    fputc('"', f);
}

/* A pointer to the span whose id is ID: "#dK.ID". */
static void put_ref(FILE *f, unsigned long k, const char *name, const char *id)
{
    if (!id)
        return;
    fprintf(f, " %s=\"#", name);
    put_id(f, k, id, NULL);
    fputc('"', f);
}

static const char *element(const sp_span *s)
{
    static const struct { const char *layer, *el; } map[] = {
        { "section", "div" },      { "paragraph", "p" },    { "sentence", "s" },
        { "token", "w" },          { "participant", "persName" },
        { "mention", "persName" }, { "speech", "said" },    { "note", "note" },
        { "note-ref", "ref" },     { "xref", "ref" },       { "page", "fw" },
        { "archival", "bibl" },    { "editorial", "note" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(map[i].layer, s->layer))
            return map[i].el;
    return "seg";
}

/* The attributes particular to the span's layer. */
static void layer_attrs(tei_doc *t, const sp_span *s)
{
    FILE *f = t->f;
    const char *L = s->layer;
    if (!strcmp(L, "section")) {
        put_attr(f, "type", cli_attr(s, "kind"));
    } else if (!strcmp(L, "participant")) {
        put_ref(f, t->k, "ref", s->id);
    } else if (!strcmp(L, "mention")) {
        put_ref(f, t->k, "ref", cli_attr(s, "participant"));
        put_attr(f, "key", cli_attr(s, "person"));
    } else if (!strcmp(L, "speech")) {
        put_ref(f, t->k, "who", cli_attr(s, "speaker"));
        put_attr(f, "type", cli_attr(s, "how"));
        put_attr(f, "n", cli_attr(s, "name"));
    } else if (!strcmp(L, "note")) {
        put_attr(f, "place", "foot");
        put_attr(f, "n", cli_attr(s, "n"));
    } else if (!strcmp(L, "note-ref")) {
        put_attr(f, "type", "noteAnchor");
        put_ref(f, t->k, "target", cli_attr(s, "note"));
        put_attr(f, "n", cli_attr(s, "n"));
    } else if (!strcmp(L, "xref")) {
        const char *target = cli_attr(s, "target"), *vol = cli_attr(s, "volume");
        put_attr(f, "type", "document");
        if (target) {
            fputs(" target=\"", f);
            if (vol) {
                markup_escape(f, vol, strlen(vol), 1);
                fputc('/', f);
            }
            markup_escape(f, target, strlen(target), 1);
            fputc('"', f);
        }
        put_attr(f, "n", cli_attr(s, "note"));
    } else if (!strcmp(L, "page")) {
        put_attr(f, "type", "pageNum");
    } else if (!strcmp(L, "archival")) {
        put_attr(f, "type", cli_attr(s, "kind"));
    } else if (!strcmp(L, "editorial")) {
        put_attr(f, "type", "editorial");
        put_attr(f, "place", "inline");
    } else if (strcmp(L, "paragraph") && strcmp(L, "sentence") && strcmp(L, "token")) {
        put_attr(f, "type", L);
    }
}

/* In-text participants get ".entry": their plain id names the <person>. */
static const char *id_suffix(const sp_span *s)
{
    return strcmp(s->layer, "participant") ? NULL : ".entry";
}

static void put_part_id(FILE *f, unsigned long k, const sp_span *s, unsigned part)
{
    const char *sfx = id_suffix(s);
    if (!part) {
        put_id(f, k, s->id, sfx);
        return;
    }
    put_id(f, k, s->id, sfx);
    fprintf(f, ".p%u", part);
}

static void on_open(void *ctx, const sp_span *s, unsigned part)
{
    tei_doc *t = ctx;
    FILE *f = t->f;
    if (!part && !strcmp(s->layer, "page")) {
        fputs("<pb", f); /* the page begins here; the marker's text follows */
        put_attr(f, "n", cli_attr(s, "n"));
        fputs("/>", f);
    }
    fprintf(f, "<%s xml:id=\"", element(s));
    put_part_id(f, t->k, s, part);
    fputc('"', f);
    if (part) {
        fputs(" prev=\"#", f);
        put_part_id(f, t->k, s, part - 1);
        fputc('"', f);
    }
    layer_attrs(t, s);
    fputc('>', f);
}

static void on_close(void *ctx, const sp_span *s, unsigned part, int last)
{
    (void)part, (void)last;
    tei_doc *t = ctx;
    fprintf(t->f, "</%s>", element(s));
}

static void on_text(void *ctx, const char *s, size_t n)
{
    markup_escape(((tei_doc *)ctx)->f, s, n, 0);
}

static void header(tei_doc *t)
{
    FILE *f = t->f;
    size_t idlen;
    const char *id = sp_doc_id(t->doc, &idlen);
    const json_t *title = json_object_get(sp_doc_meta(t->doc), "title");
    fputs("<teiHeader><fileDesc><titleStmt><title>", f);
    if (json_is_string(title))
        markup_escape(f, json_string_value(title), json_string_length(title), 0);
    else
        markup_escape(f, id, idlen, 0);
    fprintf(f, "</title></titleStmt><publicationStmt><p>Converted by spanpipe %s from "
            "its JSON Lines annotations.</p></publicationStmt><sourceDesc><bibl><idno "
            "type=\"spanpipe\">", sp_version());
    markup_escape(f, id, idlen, 0);
    fputs("</idno></bibl></sourceDesc></fileDesc>", f);
    const sp_span *p = sp_doc_first(t->doc, "participant");
    if (p) {
        fputs("<profileDesc><particDesc><listPerson>", f);
        for (; p; p = sp_doc_next(t->doc, p)) {
            fputs("<person xml:id=\"", f);
            put_id(f, t->k, p->id, NULL);
            fputs("\"><persName>", f);
            const char *name = cli_attr(p, "name");
            if (name)
                markup_escape(f, name, strlen(name), 0);
            fputs("</persName>", f);
            const char *title_ = cli_attr(p, "title"), *side = cli_attr(p, "side");
            if (title_ && *title_) {
                fputs("<roleName>", f);
                markup_escape(f, title_, strlen(title_), 0);
                fputs("</roleName>", f);
            }
            if (side && *side) {
                fputs("<affiliation>", f);
                markup_escape(f, side, strlen(side), 0);
                fputs("</affiliation>", f);
            }
            fputs("</person>", f);
        }
        fputs("</listPerson></particDesc></profileDesc>", f);
    }
    fputs("</teiHeader>\n", f);
}

static const char tei_ns[] = "http://www.tei-c.org/ns/1.0";

static int write_doc(FILE *f, export_ctx *x, const sp_doc *doc, int standalone)
{
    tei_doc t = { f, doc, x->ndocs - 1 };
    size_t idlen;
    const char *id = sp_doc_id(doc, &idlen);
    if (standalone)
        fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"%s\"", tei_ns);
    else
        fputs("<TEI", f);
    fputs(" n=\"", f);
    markup_escape(f, id, idlen, 1);
    fputs("\">\n", f);
    header(&t);
    /* xml:space: the text's spaces and line breaks are content */
    fputs("<text><body><div type=\"document\" xml:space=\"preserve\">", f);
    static const nest_events ev = { on_text, on_open, on_close };
    if (nest_walk(doc, NULL, NULL, &ev, &t) < 0) {
        cli_error("out of memory");
        return -1;
    }
    fputs("</div></body></text>\n</TEI>\n", f);
    return 0;
}

static int tei_begin(export_ctx *x)
{
    if (!x->dir)
        fprintf(x->out.f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus xmlns=\"%s\">\n"
                "<teiHeader><fileDesc><titleStmt><title>spanpipe export</title></titleStmt>"
                "<publicationStmt><p>Converted by spanpipe %s.</p></publicationStmt>"
                "<sourceDesc><p>JSON Lines annotations</p></sourceDesc></fileDesc>"
                "</teiHeader>\n", tei_ns, sp_version());
    return 0;
}

static int tei_document(export_ctx *x, const sp_doc *doc)
{
    if (!x->dir) {
        if (write_doc(x->out.f, x, doc, 0) < 0)
            return -1;
        return ferror(x->out.f) ? -1 : 0; /* cli_out_close says why */
    }
    char *path = export_path(x, doc, ".xml", NULL);
    cli_out o;
    if (!path) {
        cli_error("out of memory");
        return -1;
    }
    int rc = cli_out_open(&o, path, 1);
    free(path);
    if (rc < 0)
        return -1;
    rc = write_doc(o.f, x, doc, 1);
    return cli_out_close(&o, rc == 0) < 0 || rc < 0 ? -1 : 0;
}

static int tei_end(export_ctx *x, int ok)
{
    if (!x->dir && ok)
        fputs("</teiCorpus>\n", x->out.f);
    return 0;
}

const exporter export_tei = {
    .name = "tei",
    .summary = "TEI P5 with inline markup (<p>, <s>, <said who>, <note>, <ref>, <pb>,\n"
               "           a <listPerson> of the participants); a <teiCorpus>, or with -O\n"
               "           one <TEI> file per document",
    .begin = tei_begin,
    .document = tei_document,
    .end = tei_end,
};
