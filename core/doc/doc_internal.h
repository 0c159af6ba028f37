/*
 * doc_internal.h — the layout of sp_doc and what the core does with it.
 *
 * A document holds its text (borrowed from the parsed JSON string or owned),
 * its committed spans sorted in output order, and the spans the running stage
 * has added so far, kept apart until the stage ends (doc_end_stage), so that
 * what a stage reads never moves under it.
 */
#ifndef SPANPIPE_DOC_INTERNAL_H
#define SPANPIPE_DOC_INTERNAL_H

#include <stdint.h>
#include <spanpipe/document.h>
#include "base/buf.h"
#include "doc/offsets.h"

#define SPAN_NONE UINT32_MAX

typedef struct span {
    sp_span pub;          /* first, so a const sp_span * converts back */
    json_t *extra;        /* keys of an input span object we do not know, or NULL */
    uint32_t seq;         /* arrival order: the last sort key (a document
                             cannot hold 2^32 spans: 64 bytes each) */
    uint32_t odd_id;      /* its id is not "LAYER.N" of its own layer */
    uint32_t layer;       /* index in doc->layer */
    uint32_t next;        /* next span of the same layer in output order */
} span;

typedef struct layer_ent {
    const char *name;     /* in the document's arena */
    uint32_t first, last; /* committed spans of this layer, SPAN_NONE when none */
    size_t count;         /* committed spans */
    size_t added;         /* spans the running stage added (names its default ids) */
    const char *prov;     /* provenance written for it (a stage's, borrowed), or NULL */
    const char *json_name; /* the name as a JSON literal, made on first output */
    size_t json_name_len;
    int name_plain;       /* the name needs no escape (known with json_name) */
    int produced;         /* whether the running stage produces it (set when
                             the stage begins, or when the layer is first named) */
} layer_ent;

/* What the document needs to know of the running stage. */
typedef struct doc_stage {
    const char *name;
    const char *const *produces;   /* NULL-terminated */
    const char *const *refs;   /* "LAYER.ATTR" values holding span ids */
    const char *prov;          /* {"stage":...,"version":...,"options":...} as JSON */
} doc_stage;

typedef struct arena_chunk arena_chunk;

struct sp_doc {
    char *id;
    size_t id_len;
    json_t *text_json;        /* holds the text when a JSON string does */
    char *text_owned;         /* holds it when the document owns it */
    const char *text;
    size_t text_len;
    int ascii;
    size_t *esc;              /* offsets of the text's bytes that JSON escapes, */
    size_t nesc;              /* as the reader found them (doc_set_escapes) */
    int esc_known;            /* else the writer looks for them */
    offmap map;               /* built on first use */
    int map_ready;

    json_t *extra;            /* other top-level keys, input order; NULL if none */
    json_t *layers_in;        /* "layers" of the input, or NULL */

    span *spans;              /* committed, in output order */
    size_t nspans, spans_cap;
    span *added;              /* the running stage's, in the order added */
    size_t nadded, added_cap;
    size_t seq;               /* next arrival number */
    size_t stage_seq;         /* the first one of the running stage */

    layer_ent *layer;
    size_t nlayer, layer_cap;
    uint32_t last_layer;      /* the layer last added to, SPAN_NONE at first */
    uint32_t *layer_hash;     /* open addressing over doc->layer, by name; kept
                                 as layers are added once there are more than
                                 a few (NULL before: a scan is cheaper), so a
                                 look-up never changes the document */
    size_t layer_hash_cap;
    size_t layer_compares;    /* names compared by layer look-ups: a count
                                 the tests read to see that they stay
                                 constant-time (like walks, a statistic) */

    uint32_t *hash;           /* open addressing over committed spans, by id; */
    size_t hash_cap;          /* built when first needed (a reference to */
    int hash_valid;           /* check, sp_doc_find, ids that may clash) */
    size_t odd_ids;           /* committed spans whose id is odd_id */
    size_t walks;             /* look-ups answered without the hash */
    int stage_named;          /* the running stage gave a span an id */

    arena_chunk *arena;

    const doc_stage *stage;   /* while a stage runs */
    buf violation;            /* the first thing it did wrong */
};

sp_doc *doc_new(void);
void doc_free(sp_doc *doc);

/* Copy S[0..N) into the document's arena (NUL-terminated). */
const char *doc_strdup(sp_doc *doc, const char *s, size_t n);

/* Set the id (copied). */
void doc_set_id(sp_doc *doc, const char *id, size_t len);

/*
 * Set the text to S[0..N), which must be valid UTF-8, without copying it.  With
 * HOLDER non-NULL the document keeps a reference to that JSON string, which
 * holds S; else S is borrowed and must outlive the document.
 */
void doc_set_text(sp_doc *doc, const char *s, size_t n, int ascii, json_t *holder);

/* Set the text to S[0..N) (valid UTF-8, from malloc), taken over. */
void doc_take_text(sp_doc *doc, char *s, size_t n, int ascii);

/* Where the bytes of the text that JSON must escape are: ESC[0..N), all of
 * them, in order (taken over).  Spares the writer looking for them. */
void doc_set_escapes(sp_doc *doc, size_t *esc, size_t n);

/* The offset map of the text, built on first use. */
const offmap *doc_offmap(sp_doc *doc);

/*
 * Add a span that came with the input (byte offsets, already checked by the
 * caller).  ID may be NULL (a default is given in doc_input_done); ATTRS and
 * EXTRA are stolen.
 */
void doc_add_input_span(sp_doc *doc, const char *layer, const char *id,
                        size_t start, size_t end, json_t *attrs, json_t *extra);

/* Sort the input spans and name those without an id.  Returns 0, or -1 with a
 * message in ERR (duplicate ids). */
int doc_input_done(sp_doc *doc, buf *err);

/* The index of the layer named NAME[0..LEN) in doc->layer, or SPAN_NONE.
 * Constant time whatever the number of layers. */
uint32_t doc_layer_find(const sp_doc *doc, const char *name, size_t len);

/* Whether the document has LAYER: spans of it, or a provenance record. */
int doc_has_layer(const sp_doc *doc, const char *layer);

/* Start STAGE on the document: drop the layers it produces (a re-run replaces). */
void doc_begin_stage(sp_doc *doc, const doc_stage *stage);

/*
 * End the running stage: check what it added (recorded violations, references,
 * unique ids), merge it into the document in output order, record provenance.
 * Returns 0, or -1 with the reason in ERR (the document must then fail).
 */
int doc_end_stage(sp_doc *doc, buf *err);

#endif
