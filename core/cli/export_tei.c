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
 * A span's attrs that its element does not carry are kept as sp:KEY
 * attributes (namespace urn:spanpipe:attrs).  A mapping file (--tei-map,
 * export_tei_map) gives a layer an element of its own and its attrs TEI
 * attributes: "date@iso date@when" makes <date when="...">.
 *
 * Every element carries xml:id "dK.SPANID" (K counts the documents of the
 * output from 0), so that the TEI can be traced back to the JSON; characters
 * an XML name cannot hold become '_', and an xml:id wanted twice gets "-2",
 * "-3"... (take_id), so they are unique whatever the span ids.  A span that
 * crosses an element (nest.h) is standoff: <anchor/>s "SPANID.from" and
 * "SPANID.to" mark its start and end in the text, and a <span type="LAYER"
 * from to> in <standOff><spanGrp> after the <text> joins them, carrying its
 * attrs as sp:KEY.  Splitting it instead made one element per part, which
 * for overlapping chains grew with the square of the spans.
 */
#include "export.h"
#include "cli.h"
#include "markup.h"
#include "nest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct tei_doc {
    FILE *f;
    const sp_doc *doc;
    unsigned long k;      /* the document's number in the output */
    json_t *taken;        /* xml:id (less "dK.") -> the next number to try
                             after it when it is wanted again */
    json_t *names;        /* span id -> {"id": xml:id, "entry": ..., "from": ...,
                             "to": ...} */
    const sp_span **so;   /* the standoff spans, in output order */
    size_t nso;
} tei_doc;

/* Whether C may stand in an xml:id after "dK." as it is. */
static int id_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_';
}

/* ID with any character an XML name cannot hold as '_' (malloc'd). */
static char *id_word(const char *id)
{
    size_t n = strlen(id);
    char *w = cli_xmalloc(n + 1);
    for (size_t i = 0; i <= n; i++)
        w[i] = i < n && !id_char((unsigned char)id[i]) ? '_' : id[i];
    return w;
}

/*
 * Take an xml:id for the document: WANT when no element has it, else the
 * first of WANT-2, WANT-3... that none has.  Span ids are unique but their
 * xml:ids need not be ("a b" and "a_b" both make "a_b"; "who" makes "who" and
 * "who.entry", and a span may be called "who.entry"), so every xml:id of a
 * document is taken here, in one fixed order, which makes the choice the same
 * on every run.  Records it as NAMES[SPANID][ROLE]; returns it (borrowed).
 */
static const char *take_id(tei_doc *t, const char *span_id, const char *role, const char *want)
{
    json_t *next = json_object_get(t->taken, want);
    char *name;
    if (!next) {
        size_t n = strlen(want) + 1;
        name = memcpy(cli_xmalloc(n), want, n);
    } else {
        json_int_t k = json_integer_value(next);
        size_t room = strlen(want) + 24;
        name = cli_xmalloc(room);
        do
            snprintf(name, room, "%s-%" JSON_INTEGER_FORMAT, want, k++);
        while (json_object_get(t->taken, name));
        json_integer_set(next, k);
    }
    json_object_set_new(t->taken, name, json_integer(2));
    json_t *rec = json_object_get(t->names, span_id);
    if (!rec) {
        rec = json_object();
        json_object_set_new(t->names, span_id, rec);
    }
    json_object_set_new(rec, role, json_string(name));
    free(name);
    return json_string_value(json_object_get(rec, role));
}

/* The xml:id taken for the span SPAN_ID as ROLE, or NULL. */
static const char *id_of(const tei_doc *t, const char *span_id, const char *role)
{
    return json_string_value(json_object_get(json_object_get(t->names, span_id), role));
}

/* Take the xml:ids of the document's elements: first the span ids that are
 * xml:ids as they are (they cannot clash: span ids are unique), then the
 * others as id_word makes them, then the in-text participants' ".entry". */
static void take_ids(tei_doc *t)
{
    size_t n = sp_doc_span_count(t->doc);
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < n; i++) {
            const sp_span *s = sp_doc_span(t->doc, i);
            char *w = id_word(s->id);
            int plain = !strcmp(w, s->id);
            if (pass == 2 && !strcmp(s->layer, "participant")) {
                const char *base = id_of(t, s->id, "id");
                size_t bl = strlen(base);
                char *e = cli_xmalloc(bl + sizeof ".entry");
                memcpy(e, base, bl);
                memcpy(e + bl, ".entry", sizeof ".entry");
                take_id(t, s->id, "entry", e);
                free(e);
            } else if (pass == !plain)
                take_id(t, s->id, "id", w);
            free(w);
        }
}

/* An xml:id as written: "dK.NAME". */
static void put_id(FILE *f, unsigned long k, const char *name)
{
    fprintf(f, "d%lu.%s", k, name);
}

static void put_attr(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, " %s=\"", name);
    markup_escape(f, value, strlen(value), 1);
    fputc('"', f);
}

/* A pointer to the span whose id is ID: "#dK.XMLID".  An id no span has
 * points nowhere, as it did in the JSON. */
static void put_ref(tei_doc *t, const char *name, const char *id)
{
    if (!id)
        return;
    fprintf(t->f, " %s=\"#", name);
    const char *x = id_of(t, id, "id");
    char *w = x ? NULL : id_word(id);
    put_id(t->f, t->k, x ? x : w);
    free(w);
    fputc('"', t->f);
}

/* The TEI mapping file (--tei-map) of this export: layer -> {"element":
 * NAME, "attrs": {ATTR: TEI-ATTRIBUTE}}, or NULL. */
static json_t *tei_map;

static const char *element(const sp_span *s)
{
    const json_t *m = json_object_get(tei_map, s->layer);
    if (m)
        return json_string_value(json_object_get(m, "element"));
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

/* The attrs each bundled layer's TEI form carries itself (layer_attrs, and
 * the <listPerson> for participants). */
static const char *layer_kept(const char *layer)
{
    static const struct { const char *layer, *keys; } kept[] = {
        { "section", "kind" },       { "participant", "name title side" },
        { "mention", "participant person" },    { "speech", "speaker how name" },
        { "note", "n" },             { "note-ref", "note n" },
        { "xref", "target volume note" },       { "page", "n" },
        { "archival", "kind" },
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (!strcmp(kept[i].layer, layer))
            return kept[i].keys;
    return NULL;
}

/* Whether WORD is one of the space-separated words of LIST (may be NULL). */
static int word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, word, n))
            return 1;
        p += k + (p[k] == ' ');
    }
    return 0;
}

/* " PREFIXNAME=VALUE": NAME made an XML name (other characters '_'), VALUE a
 * string as it is, any other JSON value as JSON. */
static void put_json_attr(FILE *f, const char *prefix, const char *name, const json_t *v)
{
    fprintf(f, " %s", prefix);
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '_' ||
                 (p > name && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
        fputc(ok ? c : '_', f);
    }
    fputs("=\"", f);
    if (json_is_string(v))
        markup_escape(f, json_string_value(v), json_string_length(v), 1);
    else {
        char *j = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (j)
            markup_escape(f, j, strlen(j), 1);
        free(j);
    }
    fputc('"', f);
}

/* The span's attrs that its layer's TEI form does not carry itself (KEPT:
 * those it does, space-separated): the mapped ones (--tei-map) as their TEI
 * attributes, any other as sp:KEY in the spanpipe namespace, so that none is
 * dropped. */
static void other_attrs(FILE *f, const sp_span *s, const char *kept)
{
    const json_t *map = json_object_get(json_object_get(tei_map, s->layer), "attrs");
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)s->attrs, key, v) {
        const json_t *to = json_object_get(map, key);
        if (to)
            put_json_attr(f, "", json_string_value(to), v);
        else if (!word_in(kept, key))
            put_json_attr(f, "sp:", key, v);
    }
}

/* The attributes particular to the span's layer; then its other attrs. */
static void layer_attrs(tei_doc *t, const sp_span *s)
{
    FILE *f = t->f;
    const char *L = s->layer;
    if (json_object_get(tei_map, L)) {
        other_attrs(f, s, NULL); /* a mapped layer: only what the map says */
        return;
    }
    if (!strcmp(L, "section")) {
        put_attr(f, "type", cli_attr(s, "kind"));
    } else if (!strcmp(L, "participant")) {
        put_ref(t, "ref", s->id);
    } else if (!strcmp(L, "mention")) {
        put_ref(t, "ref", cli_attr(s, "participant"));
        put_attr(f, "key", cli_attr(s, "person"));
    } else if (!strcmp(L, "speech")) {
        put_ref(t, "who", cli_attr(s, "speaker"));
        put_attr(f, "type", cli_attr(s, "how"));
        put_attr(f, "n", cli_attr(s, "name"));
    } else if (!strcmp(L, "note")) {
        put_attr(f, "place", "foot");
        put_attr(f, "n", cli_attr(s, "n"));
    } else if (!strcmp(L, "note-ref")) {
        put_attr(f, "type", "noteAnchor");
        put_ref(t, "target", cli_attr(s, "note"));
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
    other_attrs(f, s, layer_kept(L));
}

static void on_open(void *ctx, const sp_span *s, unsigned part)
{
    tei_doc *t = ctx;
    FILE *f = t->f;
    (void)part; /* crossing spans are standoff (on_anchor): no span is split */
    if (!strcmp(s->layer, "page")) {
        fputs("<pb", f); /* the page begins here; the marker's text follows */
        put_attr(f, "n", cli_attr(s, "n"));
        fputs("/>", f);
    }
    fprintf(f, "<%s xml:id=\"", element(s));
    /* In-text participants get ".entry": their plain id names the <person>. */
    put_id(f, t->k, id_of(t, s->id, strcmp(s->layer, "participant") ? "id" : "entry"));
    fputc('"', f);
    layer_attrs(t, s);
    fputc('>', f);
}

/* A crossing span's start or end: an <anchor> its standoff <span> points at
 * (a page's <pb> too, where it begins). */
static void on_anchor(void *ctx, const sp_span *s, int at_end)
{
    tei_doc *t = ctx;
    FILE *f = t->f;
    const char *base = id_of(t, s->id, "id");
    size_t bl = strlen(base);
    char *want = cli_xmalloc(bl + sizeof ".from");
    memcpy(want, base, bl);
    memcpy(want + bl, at_end ? ".to" : ".from", at_end ? sizeof ".to" : sizeof ".from");
    if (!at_end) {
        t->so[t->nso++] = s;
        if (!strcmp(s->layer, "page")) {
            fputs("<pb", f);
            put_attr(f, "n", cli_attr(s, "n"));
            fputs("/>", f);
        }
    }
    fputs("<anchor xml:id=\"", f);
    put_id(f, t->k, take_id(t, s->id, at_end ? "to" : "from", want));
    fputs("\"/>", f);
    free(want);
}

/* The crossing spans, as <span>s from their start's anchor to their end's. */
static void standoff(tei_doc *t)
{
    FILE *f = t->f;
    if (!t->nso)
        return;
    fputs("<standOff><spanGrp>", f);
    for (size_t i = 0; i < t->nso; i++) {
        const sp_span *s = t->so[i];
        fputs("<span xml:id=\"", f);
        put_id(f, t->k, id_of(t, s->id, "id"));
        fputc('"', f);
        put_attr(f, "type", s->layer);
        fputs(" from=\"#", f);
        put_id(f, t->k, id_of(t, s->id, "from"));
        fputs("\" to=\"#", f);
        put_id(f, t->k, id_of(t, s->id, "to"));
        fputc('"', f);
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)s->attrs, key, v)
            put_json_attr(f, "sp:", key, v);
        fputs("/>", f);
    }
    fputs("</spanGrp></standOff>\n", f);
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
            put_id(f, t->k, id_of(t, p->id, "id"));
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
/* The namespace of the sp:KEY attributes: span attrs TEI has no place for. */
static const char sp_ns[] = "urn:spanpipe:attrs";

/* Whether S is an XML name without a colon (an NCName), in ASCII. */
static int xml_name(const char *s, size_t n)
{
    if (!n || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-' || s[i] == '.'))
            return 0;
    return 1;
}

/* One rule "SOURCE TARGET" of the map file into tei_map.  Returns NULL, or
 * what is wrong. */
static const char *map_rule(const char *src, const char *dst)
{
    const char *sa = strchr(src, '@'), *da = strchr(dst, '@');
    if (!sa != !da)
        return "LAYER maps to ELEMENT, LAYER@ATTR to ELEMENT@ATTRIBUTE";
    size_t ln = sa ? (size_t)(sa - src) : strlen(src), en = da ? (size_t)(da - dst) : strlen(dst);
    if (!ln || (sa && !sa[1]))
        return "a layer name, then @ and an attribute name";
    if (!xml_name(dst, en) || (da && !xml_name(da + 1, strlen(da + 1))))
        return "TEI element and attribute names are XML names (letters, digits, _ - .)";
    char *layer = cli_xstrndup(src, ln), *el = cli_xstrndup(dst, en);
    json_t *m = json_object_get(tei_map, layer);
    const char *why = NULL;
    /* json_object_set_new takes M even when it fails (a name that is not
     * UTF-8): M is not used after a failure. */
    if (!m) {
        m = json_pack("{s:s, s:{}}", "element", el, "attrs");
        if (json_object_set_new(tei_map, layer, m) < 0)
            why = "the layer name is not UTF-8 text";
    } else if (strcmp(json_string_value(json_object_get(m, "element")), el))
        why = "the layer is mapped to another element on an earlier line";
    if (!why && da &&
        json_object_set_new(json_object_get(m, "attrs"), sa + 1, json_string(da + 1)) < 0)
        why = "the attribute name is not UTF-8 text";
    free(layer);
    free(el);
    return why;
}

int export_tei_map(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    json_decref(tei_map);
    tei_map = json_object();
    char *line = NULL;
    size_t room = 0;
    unsigned long lineno = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &room, f) > 0) {
        lineno++;
        char *save = NULL, *src = strtok_r(line, " \t\r\n", &save);
        if (!src || *src == '#')
            continue;
        char *dst = strtok_r(NULL, " \t\r\n", &save), *more = strtok_r(NULL, " \t\r\n", &save);
        const char *why = !dst || more ? "two fields: LAYER[@ATTR] ELEMENT[@ATTRIBUTE]"
                                       : map_rule(src, dst);
        if (why) {
            cli_error("%s:%lu: %s", path, lineno, why);
            rc = -1;
        }
    }
    if (rc == 0 && ferror(f)) {
        cli_error("%s: read error: %s", path, strerror(errno));
        rc = -1;
    }
    free(line);
    fclose(f);
    if (rc < 0) {
        json_decref(tei_map);
        tei_map = NULL;
    }
    return rc;
}

static int write_doc(FILE *f, export_ctx *x, const sp_doc *doc, int standalone)
{
    size_t n = sp_doc_span_count(doc);
    tei_doc t = { f, doc, x->ndocs - 1, json_object(), json_object(),
                  cli_xcalloc(n ? n : 1, sizeof *t.so), 0 };
    take_ids(&t);
    size_t idlen;
    const char *id = sp_doc_id(doc, &idlen);
    if (standalone)
        fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"%s\" "
                "xmlns:sp=\"%s\"", tei_ns, sp_ns);
    else
        fputs("<TEI", f);
    fputs(" n=\"", f);
    markup_escape(f, id, idlen, 1);
    fputs("\">\n", f);
    header(&t);
    /* xml:space: the text's spaces and line breaks are content */
    fputs("<text><body><div type=\"document\" xml:space=\"preserve\">", f);
    static const nest_events ev = { on_text, on_open, on_close, on_anchor };
    int rc = nest_walk(doc, NULL, NULL, &ev, &t);
    if (rc < 0)
        cli_error("out of memory");
    else {
        fputs("</div></body></text>\n", f);
        standoff(&t);
        fputs("</TEI>\n", f);
    }
    json_decref(t.taken);
    json_decref(t.names);
    free(t.so);
    return rc;
}

static int tei_begin(export_ctx *x)
{
    if (!x->dir)
        fprintf(x->out.f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus xmlns=\"%s\" "
                "xmlns:sp=\"%s\">\n"
                "<teiHeader><fileDesc><titleStmt><title>spanpipe export</title></titleStmt>"
                "<publicationStmt><p>Converted by spanpipe %s.</p></publicationStmt>"
                "<sourceDesc><p>JSON Lines annotations</p></sourceDesc></fileDesc>"
                "</teiHeader>\n", tei_ns, sp_ns, sp_version());
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
    int rc = cli_out_open_in(&o, x->dir, path);
    free(path);
    if (rc < 0)
        return 1; /* this document's name: the next may do */
    if (write_doc(o.f, x, doc, 1) < 0) {
        cli_out_close(&o, 0);
        return -1;
    }
    return cli_out_close(&o, 1) < 0 ? 1 : 0;
}

static int tei_end(export_ctx *x, int ok)
{
    json_decref(tei_map);
    tei_map = NULL;
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
