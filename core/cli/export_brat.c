/*
 * export_brat.c — brat standoff: per document a .txt (the text, unchanged)
 * and a .ann, plus one annotation.conf for the folder, so that brat opens the
 * export as it is.
 *
 * brat counts offsets in characters (code points), as the JSON does.  Its
 * annotations cannot cover a line break, so a span over several lines is
 * written as fragments ("T3\tsentence 0 12;13 40\t..."), one per line, with
 * the blank ones left out; a span with no character outside line breaks
 * (an empty span) has no brat form and is counted in a warning instead.
 *
 *   span            T<n>  LAYER START END[;START END...]  TEXT
 *   attribute       A<n>  KEY T<n> VALUE   (strings, numbers; true: KEY T<n>)
 *   reference       R<n>  KEY Arg1:T<n> Arg2:T<m>  (an attr naming another span)
 *   the whole span  #<n>  AnnotatorNotes T<n>  SPANID {"attrs":...}
 */
#include "export.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct brat_state {
    json_t *entities;     /* layer -> true */
    json_t *relations;    /* key -> {"from": {layer:true}, "to": {layer:true}} */
    json_t *attributes;   /* key -> {"on": {layer:true}, "values": {value:true}} (or "binary") */
    unsigned long empty;  /* spans without a brat form */
} brat_state;

/*
 * brat's names (types, attribute keys and values) are single words, written
 * the same way into the .ann and annotation.conf so that the two agree.  A
 * character brat would read otherwise becomes '_': space and its separators,
 * <...> (the configuration's macros), '#' (a comment), and at the start of a
 * line of the configuration '[' (a section) and '!' (an abstract type).  A
 * name with no character at all is "_".
 */
static void put_word(FILE *f, const char *s)
{
    if (!*s)
        fputc('_', f);
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int sep = c <= ' ' || c == '|' || c == ',' || c == ':' || c == '=' || c == '<' ||
                  c == '>' || c == '#' || (p == s && (c == '[' || c == '!'));
        fputc(sep ? '_' : c, f);
    }
}

static void mark(json_t *set, const char *key)
{
    json_object_set_new(set, key, json_true());
}

/* OBJ[KEY][SUB] as a set, made on first use. */
static json_t *subset(json_t *obj, const char *key, const char *sub)
{
    json_t *o = json_object_get(obj, key);
    if (!o) {
        o = json_object();
        json_object_set_new(obj, key, o);
    }
    json_t *s = json_object_get(o, sub);
    if (!s) {
        s = json_object();
        json_object_set_new(o, sub, s);
    }
    return s;
}

/* Write SPAN's fragments, one per line of its text, as "S E;S E".  Returns
 * how many there were. */
static size_t put_fragments(FILE *f, const sp_doc *doc, const char *text, const sp_span *s)
{
    size_t frags = 0, i = s->start;
    while (i < s->end) {
        while (i < s->end && (text[i] == '\n' || text[i] == '\r'))
            i++;
        size_t j = i;
        while (j < s->end && text[j] != '\n' && text[j] != '\r')
            j++;
        if (j > i) {
            fprintf(f, "%s%zu %zu", frags ? ";" : "", sp_doc_char_offset(doc, i),
                    sp_doc_char_offset(doc, j));
            frags++;
        }
        i = j;
    }
    return frags;
}

/* Whether SPAN covers some character that is not a line break. */
static int has_fragment(const char *text, const sp_span *s)
{
    for (size_t i = s->start; i < s->end; i++)
        if (text[i] != '\n' && text[i] != '\r')
            return 1;
    return 0;
}

/* The fragments' text, joined by spaces, as brat writes it. */
static void put_covered(FILE *f, const char *text, const sp_span *s)
{
    int gap = 0, any = 0;
    for (size_t i = s->start; i < s->end; i++) {
        char c = text[i];
        if (c == '\n' || c == '\r') {
            gap = 1;
            continue;
        }
        if (gap && any)
            fputc(' ', f);
        gap = 0;
        any = 1;
        fputc(c == '\t' ? ' ' : c, f);
    }
}

static void write_ann(FILE *f, brat_state *st, const sp_doc *doc)
{
    size_t n = sp_doc_span_count(doc), len;
    const char *text = sp_doc_text(doc, &len);
    /* T numbers by span index; 0 for a span brat cannot show. */
    unsigned long *tnum = cli_xcalloc(n, sizeof *tnum);
    json_t *index = json_object(); /* span id -> span index */
    unsigned long t = 0, a = 0, r = 0, note = 0;
    for (size_t i = 0; i < n; i++) {
        const sp_span *s = sp_doc_span(doc, i);
        json_object_set_new(index, s->id, json_integer((json_int_t)i));
        if (!has_fragment(text, s)) {
            st->empty++;
            continue;
        }
        tnum[i] = ++t;
        mark(st->entities, s->layer);
        fprintf(f, "T%lu\t", t);
        put_word(f, s->layer);
        fputc(' ', f);
        put_fragments(f, doc, text, s);
        fputc('\t', f);
        put_covered(f, text, s);
        fputc('\n', f);
    }
    for (size_t i = 0; i < n; i++) {
        const sp_span *s = sp_doc_span(doc, i);
        if (!tnum[i])
            continue;
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)s->attrs, key, v) {
            json_t *target = json_is_string(v) ? json_object_get(index, json_string_value(v))
                                               : NULL;
            if (target && tnum[json_integer_value(target)]) {
                const sp_span *to = sp_doc_span(doc, (size_t)json_integer_value(target));
                fprintf(f, "R%lu\t", ++r);
                put_word(f, key);
                fprintf(f, " Arg1:T%lu Arg2:T%lu\n", tnum[i],
                        tnum[json_integer_value(target)]);
                mark(subset(st->relations, key, "from"), s->layer);
                mark(subset(st->relations, key, "to"), to->layer);
                continue;
            }
            if (json_is_true(v)) {
                fprintf(f, "A%lu\t", ++a);
                put_word(f, key);
                fprintf(f, " T%lu\n", tnum[i]);
                mark(subset(st->attributes, key, "on"), s->layer);
                mark(subset(st->attributes, key, "binary"), "1");
            } else if (json_is_string(v) || json_is_number(v)) {
                char *val = json_dumps(v, JSON_ENCODE_ANY);
                const char *word = json_is_string(v) ? json_string_value(v) : val;
                if (word && *word) {
                    fprintf(f, "A%lu\t", ++a);
                    put_word(f, key);
                    fprintf(f, " T%lu ", tnum[i]);
                    put_word(f, word);
                    fputc('\n', f);
                    mark(subset(st->attributes, key, "on"), s->layer);
                    mark(subset(st->attributes, key, "values"), word);
                }
                free(val);
            }
        }
        /* Everything, exactly, for whoever needs more than brat's words. */
        char *all = s->attrs ? json_dumps(s->attrs, JSON_COMPACT) : NULL;
        fprintf(f, "#%lu\tAnnotatorNotes T%lu\t%s%s%s\n", ++note, tnum[i], s->id,
                all ? " " : "", all ? all : "");
        free(all);
    }
    json_decref(index);
    free(tnum);
}

static int brat_begin(export_ctx *x)
{
    brat_state *st = cli_xcalloc(1, sizeof *st);
    st->entities = json_object();
    st->relations = json_object();
    st->attributes = json_object();
    x->state = st;
    return 0;
}

static int brat_document(export_ctx *x, const sp_doc *doc)
{
    brat_state *st = x->state;
    char *stem = NULL;
    char *txt = export_path(x, doc, ".txt", &stem);
    if (!txt) {
        cli_error("out of memory");
        return -1;
    }
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    cli_out o;
    int rc = cli_out_open_in(&o, x->dir, txt);
    if (rc == 0) {
        fwrite(text, 1, len, o.f);
        rc = cli_out_close(&o, 1);
    }
    if (rc == 0) {
        size_t sl = strlen(stem);
        char *ann = malloc(sl + 5);
        if (ann) {
            memcpy(ann, stem, sl);
            memcpy(ann + sl, ".ann", 5);
            rc = cli_out_open_in(&o, x->dir, ann);
            if (rc == 0) {
                write_ann(o.f, st, doc);
                rc = cli_out_close(&o, 1);
            }
            free(ann);
        } else {
            cli_error("out of memory");
            rc = -2;
        }
    }
    free(txt);
    free(stem);
    /* A file this document could not have (its name, a folder in the way):
     * said, and the next documents go on. */
    return rc == -2 ? -1 : rc < 0 ? 1 : 0;
}

/* The keys of the set SET as "a|b|c". */
static void put_set(FILE *f, const json_t *set)
{
    const char *key;
    json_t *v;
    int first = 1;
    json_object_foreach((json_t *)set, key, v) {
        if (!first)
            fputc('|', f);
        put_word(f, key);
        first = 0;
    }
}

/* "[entities] ... [relations] ... [events] [attributes] ...": brat wants
 * every type, relation, attribute and attribute value declared. */
static void write_conf(FILE *f, brat_state *st)
{
    const char *key;
    json_t *v;
    fputs("# Written by spanpipe export --to brat: the layers, references and\n"
          "# attributes of the exported documents.\n[entities]\n", f);
    json_object_foreach(st->entities, key, v) {
        put_word(f, key);
        fputc('\n', f);
    }
    fputs("\n[relations]\n", f);
    json_object_foreach(st->relations, key, v) {
        put_word(f, key);
        fputs("\tArg1:", f);
        put_set(f, json_object_get(v, "from"));
        fputs(", Arg2:", f);
        put_set(f, json_object_get(v, "to"));
        fputc('\n', f);
    }
    fputs("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n", f);
    fputs("\n[events]\n\n[attributes]\n", f);
    json_object_foreach(st->attributes, key, v) {
        put_word(f, key);
        fputs("\tArg:", f);
        put_set(f, json_object_get(v, "on"));
        if (json_object_get(v, "values")) {
            fputs(", Value:", f);
            put_set(f, json_object_get(v, "values"));
        }
        fputc('\n', f);
    }
}

static int brat_end(export_ctx *x, int ok)
{
    brat_state *st = x->state;
    int rc = 0;
    if (!st)
        return 0;
    if (ok) {
        cli_out o;
        rc = cli_out_open_in(&o, x->dir, "annotation.conf");
        if (rc == 0) {
            write_conf(o.f, st);
            rc = cli_out_close(&o, 1);
        }
        if (st->empty)
            cli_error("warning: %lu empty span%s left out (brat cannot show a span "
                      "without characters)", st->empty, st->empty == 1 ? "" : "s");
    }
    json_decref(st->entities);
    json_decref(st->relations);
    json_decref(st->attributes);
    free(st);
    x->state = NULL;
    return rc;
}

const exporter export_brat = {
    .name = "brat",
    .summary = "brat standoff: DIR/ID.txt and DIR/ID.ann per document, with attributes,\n"
               "           relations for references, and DIR/annotation.conf (needs -O)",
    .needs_dir = 1,
    .begin = brat_begin,
    .document = brat_document,
    .end = brat_end,
};
