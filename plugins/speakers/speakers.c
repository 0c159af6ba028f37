/*
 * speakers.c — the speakers stage: plumbing between the core and the rules.
 *
 * init() builds the read-only lexicon (with the user's extra verbs and
 * titles) and the known-people list; process() hands the text and the
 * segment layers to spk_analyse() (spk_rules.h) and adds what it found,
 * layer by layer in order of start, so that ids count in that order.  The
 * rules know nothing of spanpipe or jansson; everything that does is here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spanpipe/spanpipe.h>
#include "../common/spfile.h"
#include "spk_rules.h"

typedef struct spk_state {
    spk_lexicon *lexicon;
    spk_people people;
    int have_people;
} spk_state;

/* ---- init ------------------------------------------------------------------------ */

static void spk_fini(void *state)
{
    spk_state *st = state;
    if (!st)
        return;
    spk_lexicon_free(st->lexicon);
    spk_people_free(&st->people);
    free(st);
}

/* Load the file named by option NAME into the state with LOAD. */
static int spk_option_file(spk_state *st, const json_t *options, const char *name,
                           int (*load)(spk_state *, char *, size_t), sp_error *err)
{
    const char *path = json_string_value(json_object_get(options, name));
    if (!path || !*path)
        return 0;
    size_t len;
    char *buf = spt_read_file(path, &len);
    if (!buf) {
        sp_error_set(err, "cannot read %s file '%s': %s", name, path, strerror(errno));
        return -1;
    }
    if (load(st, buf, len) < 0) {
        sp_error_set(err, "out of memory");
        return -1;
    }
    return 0;
}

static int spk_load_verbs(spk_state *st, char *buf, size_t len)
{
    int rc = spk_lexicon_add_verbs(st->lexicon, buf, len);
    free(buf);
    return rc;
}

static int spk_load_titles(spk_state *st, char *buf, size_t len)
{
    int rc = spk_lexicon_add_titles(st->lexicon, buf, len);
    free(buf);
    return rc;
}

static int spk_load_people(spk_state *st, char *buf, size_t len)
{
    st->have_people = 1;
    return spk_people_load(&st->people, buf, len); /* takes BUF over */
}

static int spk_init(const json_t *options, void **state, sp_error *err)
{
    spk_state *st = calloc(1, sizeof *st);
    if (!st || !(st->lexicon = spk_lexicon_new())) {
        free(st);
        sp_error_set(err, "out of memory");
        return -1;
    }
    spk_people_init(&st->people);
    if (spk_option_file(st, options, "verbs", spk_load_verbs, err) < 0 ||
        spk_option_file(st, options, "titles", spk_load_titles, err) < 0 ||
        spk_option_file(st, options, "persons", spk_load_people, err) < 0) {
        spk_fini(st);
        return -1;
    }
    *state = st;
    return 0;
}

/* ---- process ------------------------------------------------------------------------- */

/* The spans of LAYER as ranges; sections get their kind. */
static int spk_collect(const sp_doc *doc, const char *layer, spk_spans *out, int sections)
{
    for (const sp_span *s = sp_doc_first(doc, layer); s; s = sp_doc_next(doc, s)) {
        int kind = 0;
        if (sections) {
            const json_t *k = json_object_get(s->attrs, "kind");
            kind = json_is_string(k) ? spk_section_kind(json_string_value(k), json_string_length(k))
                                     : SPK_SEC_OTHER;
        }
        if (spk_spans_push(out, s->start, s->end, kind) < 0)
            return -1;
    }
    return 0;
}

/*
 * Attributes are built for every span added, so they skip jansson's UTF-8
 * checks where the value is known to be valid: keys are literals, ids come
 * from the core, and names are slices of the text (which the core has
 * validated) cut at character boundaries.  A person id comes from the
 * user's file and is checked.
 *
 * The values repeat: a document has a few participants, four kinds of
 * speech, and speech spans run on with the same speaker.  Each such value
 * is made once per document and shared by reference (jansson counts them),
 * which saves two allocations and their frees per value.  Nothing is
 * shared between documents: different threads free different documents.
 */
typedef struct spk_values {
    json_t **part;         /* per participant: its span id */
    json_t *how[SPK_QUOTED + 1]; /* per enum spk_how */
    spk_str name;          /* the last speaker name made, and its value */
    json_t *name_v;
    size_t person;         /* the last person id made, and its value */
    json_t *person_v;
} spk_values;

static void spk_values_free(spk_values *v, size_t nparts)
{
    for (size_t i = 0; v->part && i < nparts; i++)
        json_decref(v->part[i]);
    free(v->part);
    for (size_t i = 0; i < sizeof v->how / sizeof *v->how; i++)
        json_decref(v->how[i]);
    json_decref(v->name_v);
    json_decref(v->person_v);
}

/* Set KEY of O to the shared value V (NULL: out of memory). */
static int spk_set_shared(json_t *o, const char *key, json_t *v)
{
    return v ? json_object_set_nocheck(o, key, v) : -1;
}

static json_t *spk_name_value(spk_values *v, spk_str s)
{
    if (!v->name_v || v->name.p != s.p || v->name.n != s.n) {
        json_decref(v->name_v);
        v->name = s;
        v->name_v = json_stringn_nocheck(s.p, s.n);
    }
    return v->name_v;
}

static json_t *spk_person_value(spk_values *v, const spk_people *pp, size_t person)
{
    if (!v->person_v || v->person != person) {
        json_decref(v->person_v);
        v->person = person;
        v->person_v = json_stringn(pp->v[person].id.p, pp->v[person].id.n);
    }
    return v->person_v;
}

static json_t *spk_how_value(spk_values *v, int how)
{
    if (how < 0 || how >= (int)(sizeof v->how / sizeof *v->how))
        how = SPK_NAMED; /* as spk_how_name() names it */
    if (!v->how[how])
        v->how[how] = json_string_nocheck(spk_how_name(how));
    return v->how[how];
}

/* A string attribute that is set only when not empty. */
static int spk_set_str(json_t *o, const char *key, spk_str s)
{
    if (!s.n)
        return 0;
    return json_object_set_new_nocheck(o, key, json_stringn_nocheck(s.p, s.n));
}

static int spk_add_participants(sp_doc *doc, const spk_result *r, spk_values *v)
{
    for (size_t i = 0; i < r->nparts; i++) {
        const spk_participant *p = &r->parts[i];
        json_t *a = json_object();
        if (!a || spk_set_str(a, "name", p->name) < 0 || spk_set_str(a, "surname", p->surname) < 0 ||
            spk_set_str(a, "title", p->title) < 0 ||
            (p->side && json_object_set_new_nocheck(a, "side", json_string_nocheck(p->side)) < 0)) {
            json_decref(a);
            return -1;
        }
        const char *id = sp_doc_add(doc, "participant", p->start, p->end, a);
        if (!id || !(v->part[i] = json_string_nocheck(id)))
            return -1;
    }
    return 0;
}

static int spk_add_mentions(const spk_state *st, sp_doc *doc, const spk_result *r, spk_values *v)
{
    for (size_t i = 0; i < r->nmentions; i++) {
        const spk_mention *m = &r->mentions[i];
        json_t *a = NULL; /* no attrs at all for a mention of nobody known */
        if (m->participant != SPK_NONE || m->person != SPK_NONE) {
            if (!(a = json_object()) ||
                (m->participant != SPK_NONE &&
                 spk_set_shared(a, "participant", v->part[m->participant]) < 0) ||
                (m->person != SPK_NONE &&
                 spk_set_shared(a, "person", spk_person_value(v, &st->people, m->person)) < 0)) {
                json_decref(a);
                return -1;
            }
        }
        if (!sp_doc_add(doc, "mention", m->start, m->end, a))
            return -1;
    }
    return 0;
}

static int spk_add_speech(sp_doc *doc, const spk_result *r, spk_values *v)
{
    for (size_t i = 0; i < r->nspeech; i++) {
        const spk_speech *s = &r->speech[i];
        json_t *a = json_object();
        if (!a ||
            (s->participant != SPK_NONE && spk_set_shared(a, "speaker", v->part[s->participant]) < 0) ||
            (s->name.n && spk_set_shared(a, "name", spk_name_value(v, s->name)) < 0) ||
            spk_set_shared(a, "how", spk_how_value(v, s->how)) < 0) {
            json_decref(a);
            return -1;
        }
        if (!sp_doc_add(doc, "speech", s->start, s->end, a))
            return -1;
    }
    return 0;
}

static int spk_add_all(const spk_state *st, sp_doc *doc, const spk_result *r)
{
    spk_values v;
    memset(&v, 0, sizeof v);
    int rc = -1;
    if ((v.part = calloc(r->nparts ? r->nparts : 1, sizeof *v.part)) &&
        spk_add_participants(doc, r, &v) == 0 && spk_add_mentions(st, doc, r, &v) == 0 &&
        spk_add_speech(doc, r, &v) == 0)
        rc = 0;
    spk_values_free(&v, r->nparts);
    return rc;
}

static int spk_process(void *state, sp_doc *doc, sp_error *err)
{
    const spk_state *st = state;
    spk_spans sections, paragraphs, sentences;
    spk_spans_init(&sections);
    spk_spans_init(&paragraphs);
    spk_spans_init(&sentences);
    spk_result res;
    spk_result_init(&res);
    int rc = -1;
    const char *why = "out of memory";
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    if (spk_collect(doc, "section", &sections, 1) < 0 ||
        spk_collect(doc, "paragraph", &paragraphs, 0) < 0 ||
        spk_collect(doc, "sentence", &sentences, 0) < 0)
        goto done;
    spk_input in = { text, len, &sections, &paragraphs, &sentences };
    spk_config cfg = { st->lexicon, st->have_people ? &st->people : NULL };
    if (spk_analyse(&cfg, &in, &res) < 0)
        goto done;
    if (spk_add_all(st, doc, &res) < 0) {
        why = "cannot add a span";
        goto done;
    }
    rc = 0;
done:
    if (rc < 0)
        sp_error_set(err, "%s", why);
    spk_result_free(&res);
    spk_spans_free(&sentences);
    spk_spans_free(&paragraphs);
    spk_spans_free(&sections);
    return rc;
}

/* ---- the descriptor ------------------------------------------------------------------- */

static const char *const spk_requires[] = { "section", "paragraph", "sentence", NULL };
static const char *const spk_produces[] = { "participant", "mention", "speech", NULL };
static const char *const spk_refs[] = { "mention.participant", "speech.speaker", NULL };

static const sp_option spk_options[] = {
    { "persons", SP_OPT_STRING, NULL,
      "file of known people, lines 'id<TAB>Surname, Given (Nick)<TAB>description' "
      "('|' separates variant spellings); mentions of them get the id as 'person'" },
    { "verbs", SP_OPT_STRING, NULL,
      "file of extra speech verbs, one a line, '#' comments; a base form (retort) "
      "brings its regular forms (retorts, retorted, retorting)" },
    { "titles", SP_OPT_STRING, NULL,
      "file of extra title words, one a line ('Hetman', 'Sec'), for participants "
      "lists and names written after a title" },
    { NULL, 0, NULL, NULL }
};

SP_PLUGIN_DEFINE(
    .name = "speakers", .version = "1.0.0",
    .summary = "find participants, person mentions and who says each sentence",
    .requires = spk_requires, .produces = spk_produces, .refs = spk_refs,
    .options = spk_options,
    .init = spk_init, .process = spk_process, .fini = spk_fini);
