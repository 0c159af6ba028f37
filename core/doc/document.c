/*
 * document.c — the document model: text, spans in output order, the stage's
 * additions and their checks (docs/format.md).
 */
#include "doc/doc_internal.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- arena */

/* Ids and layer names live in per-document chunks that never move, so the
 * pointers sp_doc_add() returns stay valid until the document is freed. */
struct arena_chunk {
    arena_chunk *next;
    size_t used, cap;
    char data[];
};

/* N bytes of the arena. */
static char *arena_alloc(sp_doc *doc, size_t n)
{
    arena_chunk *c = doc->arena;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 4000 ? n : 4000;
        c = xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = doc->arena;
        doc->arena = c;
    }
    char *d = c->data + c->used;
    c->used += n;
    return d;
}

const char *doc_strdup(sp_doc *doc, const char *s, size_t n)
{
    char *d = arena_alloc(doc, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* ---------------------------------------------------------------- life */

sp_doc *doc_new(void)
{
    sp_doc *doc = xcalloc(1, sizeof(sp_doc));
    doc->last_layer = SPAN_NONE;
    return doc;
}

static void free_spans(span *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        json_decref((json_t *)s[i].pub.attrs);
        json_decref(s[i].extra);
    }
}

void doc_free(sp_doc *doc)
{
    if (!doc)
        return;
    free_spans(doc->spans, doc->nspans);
    free_spans(doc->added, doc->nadded);
    free(doc->spans);
    free(doc->added);
    free(doc->layer);
    free(doc->layer_hash);
    free(doc->hash);
    for (arena_chunk *c = doc->arena, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    json_decref(doc->text_json);
    free(doc->text_owned);
    json_decref(doc->extra);
    json_decref(doc->layers_in);
    if (doc->map_ready)
        offmap_free(&doc->map);
    free(doc->esc);
    free(doc->id);
    buf_free(&doc->violation);
    free(doc);
}

void doc_set_id(sp_doc *doc, const char *id, size_t len)
{
    free(doc->id);
    doc->id = xstrndup(id, len);
    doc->id_len = len;
}

void doc_set_text(sp_doc *doc, const char *s, size_t n, int ascii, json_t *holder)
{
    if (holder)
        doc->text_json = json_incref(holder);
    doc->text = s;
    doc->text_len = n;
    doc->ascii = ascii;
    doc_set_escapes(doc, NULL, 0);
    doc->esc_known = 0;
}

void doc_set_escapes(sp_doc *doc, size_t *esc, size_t n)
{
    free(doc->esc);
    doc->esc = esc;
    doc->nesc = n;
    doc->esc_known = 1;
}

void doc_take_text(sp_doc *doc, char *s, size_t n, int ascii)
{
    free(doc->text_owned);
    doc->text_owned = s;
    doc_set_text(doc, s, n, ascii, NULL);
}

const offmap *doc_offmap(sp_doc *doc)
{
    if (!doc->map_ready) {
        offmap_init(&doc->map, doc->text, doc->text_len, doc->ascii);
        doc->map_ready = 1;
    }
    return &doc->map;
}

/* ---------------------------------------------------------------- layers */

/* Up to this many layers a look-up compares names one by one: a document
 * usually has a handful, and hashing each span's layer name would cost more.
 * Past it the layers are hashed (a document can have a million). */
#define LAYER_SCAN_MAX 8

static size_t hash_mem(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull & (size_t)-1; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ull;
    return h;
}

/* Whether L is named NAME[0..LEN).  Counts the comparison: a statistic, which
 * changes nothing a reader sees (a document is in one thread's hands). */
static int layer_is(const sp_doc *doc, const layer_ent *l, const char *name, size_t len)
{
    ((sp_doc *)doc)->layer_compares++;
    return strncmp(l->name, name, len) == 0 && l->name[len] == '\0';
}

uint32_t doc_layer_find(const sp_doc *doc, const char *name, size_t len)
{
    if (!doc->layer_hash) {
        for (size_t i = 0; i < doc->nlayer; i++)
            if (layer_is(doc, &doc->layer[i], name, len))
                return (uint32_t)i;
        return SPAN_NONE;
    }
    size_t mask = doc->layer_hash_cap - 1;
    for (size_t h = hash_mem(name, len) & mask; doc->layer_hash[h] != SPAN_NONE;
         h = (h + 1) & mask)
        if (layer_is(doc, &doc->layer[doc->layer_hash[h]], name, len))
            return doc->layer_hash[h];
    return SPAN_NONE;
}

static uint32_t layer_find(const sp_doc *doc, const char *name)
{
    return doc_layer_find(doc, name, strlen(name));
}

/* Put layer I in the hash, which has room for it. */
static void layer_hash_put(sp_doc *doc, uint32_t i)
{
    const char *name = doc->layer[i].name;
    size_t mask = doc->layer_hash_cap - 1;
    size_t h = hash_mem(name, strlen(name)) & mask;
    while (doc->layer_hash[h] != SPAN_NONE)
        h = (h + 1) & mask;
    doc->layer_hash[h] = i;
}

/* Index the layers anew when the hash would be more than half full (or is
 * due: past LAYER_SCAN_MAX layers); else add the last layer to it.  Doubling
 * keeps the cost of adding a layer constant on average. */
static void layer_hash_add(sp_doc *doc)
{
    if (doc->nlayer <= LAYER_SCAN_MAX)
        return;
    if (doc->layer_hash && doc->nlayer * 2 <= doc->layer_hash_cap) {
        layer_hash_put(doc, (uint32_t)(doc->nlayer - 1));
        return;
    }
    size_t cap = 64;
    while (cap < doc->nlayer * 4)
        cap *= 2;
    free(doc->layer_hash);
    doc->layer_hash = xmalloc(cap * sizeof *doc->layer_hash);
    doc->layer_hash_cap = cap;
    for (size_t h = 0; h < cap; h++)
        doc->layer_hash[h] = SPAN_NONE;
    for (size_t i = 0; i < doc->nlayer; i++)
        layer_hash_put(doc, (uint32_t)i);
}

static int produces(const doc_stage *st, const char *layer)
{
    if (!st || !st->produces)
        return 0;
    for (const char *const *p = st->produces; *p; p++)
        if (strcmp(*p, layer) == 0)
            return 1;
    return 0;
}

static uint32_t layer_intern(sp_doc *doc, const char *name)
{
    uint32_t i = layer_find(doc, name);
    if (i != SPAN_NONE)
        return i;
    doc->layer = xgrow(doc->layer, &doc->layer_cap, doc->nlayer + 1, sizeof *doc->layer);
    layer_ent *l = &doc->layer[doc->nlayer];
    memset(l, 0, sizeof *l);
    l->name = doc_strdup(doc, name, strlen(name));
    l->first = l->last = SPAN_NONE;
    l->produced = produces(doc->stage, l->name);
    doc->nlayer++;
    layer_hash_add(doc);
    return (uint32_t)(doc->nlayer - 1);
}

int doc_has_layer(const sp_doc *doc, const char *name)
{
    uint32_t i = layer_find(doc, name);
    if (i != SPAN_NONE && (doc->layer[i].count || doc->layer[i].prov))
        return 1;
    return doc->layers_in && json_object_get(doc->layers_in, name);
}

/* ---------------------------------------------------------------- order */

static int span_cmp(const span *a, const span *b)
{
    if (a->pub.start != b->pub.start)
        return a->pub.start < b->pub.start ? -1 : 1;
    if (a->pub.end != b->pub.end)
        return a->pub.end > b->pub.end ? -1 : 1; /* longer first */
    /* Layer names are interned: the same index is the same name, and
     * different indexes are different names. */
    if (a->layer != b->layer)
        return strcmp(a->pub.layer, b->pub.layer);
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Merge the ordered runs A[0..NA) and B[0..NB) into OUT. */
static void merge_runs(const span *a, size_t na, const span *b, size_t nb, span *out)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb)
        out[k++] = span_cmp(&a[i], &b[j]) <= 0 ? a[i++] : b[j++];
    while (i < na)
        out[k++] = a[i++];
    while (j < nb)
        out[k++] = b[j++];
}

/*
 * Sort S[0..N) by span_cmp, merging the runs that are already in order: a
 * stage adds each of its layers in order of start, so its spans come as a
 * few ordered runs and the sort is a few linear merges, where qsort compared
 * its way through every span (a tenth of the core's time in a full chain).
 * Still O(N log N) for any input; the order is total (seq decides last), so
 * the result is the one any sort gives.
 */
static void sort_spans(span *s, size_t n)
{
    if (n < 2)
        return;
    /* Where each run starts, and N after the last. */
    size_t *bound = NULL, nb = 0, bcap = 0;
    bound = xgrow(bound, &bcap, nb + 1, sizeof *bound);
    bound[nb++] = 0;
    for (size_t i = 1; i < n; i++)
        if (span_cmp(&s[i - 1], &s[i]) > 0) {
            bound = xgrow(bound, &bcap, nb + 1, sizeof *bound);
            bound[nb++] = i;
        }
    bound = xgrow(bound, &bcap, nb + 1, sizeof *bound);
    bound[nb++] = n;
    if (nb > 2) {
        span *tmp = xmalloc(n * sizeof *tmp);
        span *src = s, *dst = tmp;
        while (nb > 2) { /* nb - 1 runs: merge them two by two */
            size_t w = 0;
            for (size_t k = 0; k + 1 < nb; k += 2) {
                size_t lo = bound[k], mid = bound[k + 1];
                size_t hi = k + 2 < nb ? bound[k + 2] : mid;
                merge_runs(src + lo, mid - lo, src + mid, hi - mid, dst + lo);
                bound[w++] = lo;
            }
            bound[w++] = n;
            nb = w;
            span *t = src;
            src = dst;
            dst = t;
        }
        if (src != s)
            memcpy(s, src, n * sizeof *s);
        free(tmp);
    }
    free(bound);
}

/* Rebuild each layer's chain through the committed spans, which are in order. */
static void relink(sp_doc *doc)
{
    for (size_t i = 0; i < doc->nlayer; i++) {
        doc->layer[i].first = doc->layer[i].last = SPAN_NONE;
        doc->layer[i].count = 0;
    }
    for (size_t i = 0; i < doc->nspans; i++) {
        span *s = &doc->spans[i];
        layer_ent *l = &doc->layer[s->layer];
        s->next = SPAN_NONE;
        if (l->last == SPAN_NONE)
            l->first = (uint32_t)i;
        else
            doc->spans[l->last].next = (uint32_t)i;
        l->last = (uint32_t)i;
        l->count++;
    }
}

/* ---------------------------------------------------------------- ids */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ull & (size_t)-1; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

/* Put committed span I in the hash; returns 0, or -1 naming a duplicate in
 * ERR (when ERR is not NULL). */
static int hash_insert(sp_doc *doc, size_t i, buf *err)
{
    size_t cap = doc->hash_cap;
    const char *id = doc->spans[i].pub.id;
    size_t h = hash_str(id) & (cap - 1);
    while (doc->hash[h] != SPAN_NONE) {
        if (strcmp(doc->spans[doc->hash[h]].pub.id, id) == 0) {
            if (err)
                buf_printf(err, "two spans have the id \"%s\"", id);
            return -1;
        }
        h = (h + 1) & (cap - 1);
    }
    doc->hash[h] = (uint32_t)i;
    return 0;
}

/* Index the committed spans by id; returns 0, or -1 naming a duplicate in ERR. */
static int hash_build(sp_doc *doc, buf *err)
{
    size_t cap = 16;
    while (cap < doc->nspans * 2 + 2)
        cap *= 2;
    if (cap > doc->hash_cap) {
        free(doc->hash);
        doc->hash = xmalloc(cap * sizeof *doc->hash);
        doc->hash_cap = cap;
    }
    cap = doc->hash_cap;
    for (size_t i = 0; i < cap; i++)
        doc->hash[i] = SPAN_NONE;
    doc->hash_valid = 0;
    for (size_t i = 0; i < doc->nspans; i++)
        if (hash_insert(doc, i, err) < 0)
            return -1;
    doc->hash_valid = 1;
    return 0;
}

/*
 * After merge_added: the hash, valid for the spans committed before, is
 * brought up to date without hashing their ids again (they only moved: the
 * K-th of them is the K-th span older than the stage), and the stage's spans
 * are added to it, checked for duplicates.  A hash too full for them is
 * built anew.  Returns 0, or -1 naming a duplicate in ERR.
 */
static int hash_update(sp_doc *doc, buf *err)
{
    if (doc->hash_cap < doc->nspans * 2 + 2)
        return hash_build(doc, err);
    uint32_t *moved = xmalloc((doc->nspans + 1) * sizeof *moved);
    size_t k = 0;
    for (size_t i = 0; i < doc->nspans; i++)
        if (doc->spans[i].seq < doc->stage_seq)
            moved[k++] = (uint32_t)i;
    for (size_t h = 0; h < doc->hash_cap; h++)
        if (doc->hash[h] != SPAN_NONE)
            doc->hash[h] = moved[doc->hash[h]];
    free(moved);
    doc->hash_valid = 0;
    for (size_t i = 0; i < doc->nspans; i++)
        if (doc->spans[i].seq >= doc->stage_seq && hash_insert(doc, i, err) < 0)
            return -1;
    doc->hash_valid = 1;
    return 0;
}

/* Whether ID is "LAYER.N", N decimal: a form two spans of different layers
 * can never share, which is what spares checking default ids for clashes. */
static int own_form(const char *id, const char *layer)
{
    size_t ll = strlen(layer);
    if (strncmp(id, layer, ll) != 0 || id[ll] != '.' || !id[ll + 1])
        return 0;
    for (const char *p = id + ll + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

static const span *hash_get(const sp_doc *doc, const char *id)
{
    size_t cap = doc->hash_cap;
    size_t h = hash_str(id) & (cap - 1);
    while (doc->hash[h] != SPAN_NONE) {
        const span *s = &doc->spans[doc->hash[h]];
        if (strcmp(s->pub.id, id) == 0)
            return s;
        h = (h + 1) & (cap - 1);
    }
    return NULL;
}

/* Look-ups a document answers by walking a layer before it builds its hash. */
#define WALKS_BEFORE_HASH 8

/*
 * The committed span whose id is ID, or NULL.  While every id is "LAYER.N"
 * of its own layer (no odd_id), only LAYER's spans can hold ID, and for the
 * few look-ups a stage's references usually make, walking them costs far
 * less than hashing every id of the document; past a few, the hash is built.
 * The hash is a cache: building it does not change the document, and a
 * document is only ever in one thread's hands.
 */
static const span *find_span(const sp_doc *cdoc, const char *id)
{
    sp_doc *doc = (sp_doc *)cdoc;
    if (!doc->hash_valid && doc->odd_ids == 0 && doc->walks < WALKS_BEFORE_HASH) {
        doc->walks++;
        const char *dot = strrchr(id, '.');
        if (!dot)
            return NULL;
        uint32_t li = doc_layer_find(doc, id, (size_t)(dot - id));
        if (li == SPAN_NONE)
            return NULL;
        for (uint32_t i = doc->layer[li].first; i != SPAN_NONE; i = doc->spans[i].next)
            if (strcmp(doc->spans[i].pub.id, id) == 0)
                return &doc->spans[i];
        return NULL;
    }
    if (!doc->hash_valid && hash_build(doc, NULL) < 0)
        return NULL; /* cannot happen: ids were checked when committed */
    return hash_get(doc, id);
}

/* "LAYER.N" in the arena. */
/* Written straight into the arena: a tokenised document names tens of
 * thousands of spans, and a buffer per name showed in the profile. */
static const char *default_id(sp_doc *doc, const char *layer, size_t n)
{
    char digits[24];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    size_t ll = strlen(layer);
    char *id = arena_alloc(doc, ll + 1 + nd + 1);
    memcpy(id, layer, ll);
    id[ll] = '.';
    for (size_t i = 0; i < nd; i++)
        id[ll + 1 + i] = digits[nd - 1 - i];
    id[ll + 1 + nd] = '\0';
    return id;
}

/* ---------------------------------------------------------------- input */

static span *push(span **arr, size_t *n, size_t *cap)
{
    *arr = xgrow(*arr, cap, *n + 1, sizeof **arr);
    span *s = &(*arr)[(*n)++];
    memset(s, 0, sizeof *s);
    return s;
}

void doc_add_input_span(sp_doc *doc, const char *layer, const char *id,
                        size_t start, size_t end, json_t *attrs, json_t *extra)
{
    uint32_t li = layer_intern(doc, layer);
    span *s = push(&doc->spans, &doc->nspans, &doc->spans_cap);
    s->pub.start = start;
    s->pub.end = end;
    s->pub.layer = doc->layer[li].name;
    s->pub.id = id ? doc_strdup(doc, id, strlen(id)) : NULL;
    s->pub.attrs = attrs;
    s->extra = extra;
    s->layer = li;
    s->seq = (uint32_t)doc->seq++;
    s->odd_id = id && !own_form(id, layer);
    doc->odd_ids += s->odd_id;
}

int doc_input_done(sp_doc *doc, buf *err)
{
    sort_spans(doc->spans, doc->nspans);
    relink(doc);
    /* Spans that came without an id get LAYER.N, N counting in output order. */
    for (size_t li = 0; li < doc->nlayer; li++) {
        size_t n = 0;
        for (uint32_t i = doc->layer[li].first; i != SPAN_NONE; i = doc->spans[i].next)
            if (!doc->spans[i].pub.id)
                doc->spans[i].pub.id = default_id(doc, doc->layer[li].name, n++);
    }
    doc->hash_valid = 0; /* sorted: the spans moved */
    return doc->nspans ? hash_build(doc, err) : 0; /* the ids given must differ */
}

/* ---------------------------------------------------------------- stages */

void doc_begin_stage(sp_doc *doc, const doc_stage *stage)
{
    doc->stage = stage;
    doc->stage_named = 0;
    buf_clear(&doc->violation);
    /* Which layers the stage produces, asked once a layer rather than once
     * a span (and once a span added, by add_span). */
    for (size_t i = 0; i < doc->nlayer; i++)
        doc->layer[i].produced = produces(stage, doc->layer[i].name);
    size_t kept = 0;
    for (size_t i = 0; i < doc->nspans; i++) {
        span *s = &doc->spans[i];
        if (doc->layer[s->layer].produced) {
            json_decref((json_t *)s->pub.attrs);
            json_decref(s->extra);
            doc->odd_ids -= s->odd_id;
            continue;
        }
        doc->spans[kept++] = *s;
    }
    int dropped = kept != doc->nspans;
    doc->nspans = kept;
    for (size_t i = 0; i < doc->nlayer; i++)
        doc->layer[i].added = 0;
    if (dropped) {
        relink(doc); /* order is kept; this renews the chains and counts */
        doc->hash_valid = 0;
    }
    /* Arrival numbers only order spans that tie on everything else; the
     * committed ones are in order, so their positions serve as well when
     * the numbers would run out (a long chain over a large document). */
    if (doc->seq > UINT32_MAX / 2) {
        for (size_t i = 0; i < doc->nspans; i++)
            doc->spans[i].seq = (uint32_t)i;
        doc->seq = doc->nspans;
    }
    doc->stage_seq = doc->seq;
}

static void violate(sp_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void violate(sp_doc *doc, const char *fmt, ...)
{
    if (doc->violation.len)
        return; /* the first one is the one to fix */
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&doc->violation, fmt, ap);
    va_end(ap);
}

static const char *add_span(sp_doc *doc, const char *layer, const char *id,
                            size_t start, size_t end, json_t *attrs)
{
    if (!layer) {
        violate(doc, "added a span without a layer");
        goto bad;
    }
    /* A stage adds to one layer many times in a row: try that one first. */
    uint32_t li = doc->last_layer;
    if (li == SPAN_NONE || strcmp(doc->layer[li].name, layer) != 0)
        li = layer_find(doc, layer);
    if (li == SPAN_NONE ? !produces(doc->stage, layer) : !doc->layer[li].produced) {
        violate(doc, "added a span of layer '%s', which it does not declare in produces",
                layer);
        goto bad;
    }
    if (start > end || end > doc->text_len) {
        violate(doc, "added a %s span at bytes [%zu, %zu), outside the text (%zu bytes) or reversed",
                layer, start, end, doc->text_len);
        goto bad;
    }
    if (!utf8_is_boundary(doc->text, doc->text_len, start) ||
        !utf8_is_boundary(doc->text, doc->text_len, end)) {
        violate(doc, "added a %s span at bytes [%zu, %zu), which splits a UTF-8 character",
                layer, start, end);
        goto bad;
    }
    if (attrs && !json_is_object(attrs)) {
        violate(doc, "added a %s span whose attrs are not a JSON object", layer);
        goto bad;
    }
    if (attrs && json_object_size(attrs) == 0) {
        json_decref(attrs); /* docs/format.md: attrs omitted when empty */
        attrs = NULL;
    }
    if (li == SPAN_NONE)
        li = layer_intern(doc, layer);
    doc->last_layer = li;
    layer_ent *l = &doc->layer[li];
    span *s = push(&doc->added, &doc->nadded, &doc->added_cap);
    s->pub.start = start;
    s->pub.end = end;
    s->pub.layer = l->name;
    s->pub.id = id ? doc_strdup(doc, id, strlen(id)) : default_id(doc, l->name, l->added);
    l->added++;
    s->pub.attrs = attrs;
    s->layer = li;
    s->seq = (uint32_t)doc->seq++;
    if (id) {
        doc->stage_named = 1;
        s->odd_id = !own_form(id, l->name);
    }
    return s->pub.id;
bad:
    json_decref(attrs);
    return NULL;
}

const char *sp_doc_add(sp_doc *doc, const char *layer, size_t start, size_t end,
                       json_t *attrs)
{
    return add_span(doc, layer, NULL, start, end, attrs);
}

const char *sp_doc_add_with_id(sp_doc *doc, const char *layer, const char *id,
                               size_t start, size_t end, json_t *attrs)
{
    if (!id || !*id) {
        violate(doc, "added a span with an empty id");
        json_decref(attrs);
        return NULL;
    }
    return add_span(doc, layer, id, start, end, attrs);
}

/* Check the declared reference attrs of the added span S against the ids now
 * in the document (committed and added, all in the hash). */
static int check_refs(sp_doc *doc, const doc_stage *st, const span *s, buf *err)
{
    if (!s->pub.attrs || !st->refs)
        return 0;
    size_t llen = strlen(s->pub.layer);
    for (const char *const *r = st->refs; *r; r++) {
        if (strncmp(*r, s->pub.layer, llen) != 0 || (*r)[llen] != '.')
            continue;
        const char *key = *r + llen + 1;
        json_t *v = json_object_get(s->pub.attrs, key);
        if (!v || json_is_null(v))
            continue;
        if (!json_is_string(v)) {
            buf_printf(err, "attr '%s' of %s is not a span id", key, s->pub.id);
            return -1;
        }
        /* no span id holds U+0000 (docread.c): such a value names none */
        if (strlen(json_string_value(v)) != json_string_length(v) ||
            !find_span(doc, json_string_value(v))) {
            buf_printf(err, "attr '%s' of %s refers to \"%s\", which no span has",
                       key, s->pub.id, json_string_value(v));
            return -1;
        }
    }
    return 0;
}

/*
 * Put the stage's spans among the committed ones.  Both runs are in order
 * (the committed ones always are; the added ones are sorted here), so one
 * merge does it: re-sorting the whole document after every stage showed as
 * a tenth of a full chain's time.
 */
static void merge_added(sp_doc *doc)
{
    sort_spans(doc->added, doc->nadded);
    size_t n = doc->nspans + doc->nadded, cap = n;
    span *out = xmalloc(n * sizeof *out);
    merge_runs(doc->spans, doc->nspans, doc->added, doc->nadded, out);
    free(doc->spans);
    doc->spans = out;
    doc->spans_cap = cap;
    doc->nspans = n;
    doc->nadded = 0;
}

int doc_end_stage(sp_doc *doc, buf *err)
{
    const doc_stage *st = doc->stage;
    doc->stage = NULL;
    for (size_t i = 0; i < doc->nlayer; i++)
        doc->layer[i].produced = 0; /* no stage runs: nothing may be added */
    if (doc->violation.len) {
        buf_add(err, doc->violation.data, doc->violation.len);
        return -1;
    }
    /* Merge, then check ids and references over the whole document.  Ids
     * can clash only when one was given (the stage's own ids are "LAYER.N"
     * with N counting, and the layers it produces were dropped): otherwise
     * the hash is left to be built when look-ups need it (find_span), or
     * kept up to date when it is built already. */
    if (doc->nadded) {
        int need = doc->stage_named || doc->odd_ids || doc->hash_valid;
        for (size_t i = 0; i < doc->nadded; i++)
            doc->odd_ids += doc->added[i].odd_id;
        merge_added(doc);
        relink(doc);
        if (!need)
            doc->hash_valid = 0;
        else if (doc->hash_valid ? hash_update(doc, err) < 0 : hash_build(doc, err) < 0)
            return -1;
    }
    for (size_t i = 0; i < doc->nspans; i++)
        /* Spans from stage_seq on are the stage's own: add_span took only
         * spans of layers it produces. */
        if (st && doc->spans[i].seq >= doc->stage_seq &&
            check_refs(doc, st, &doc->spans[i], err) < 0)
            return -1;
    if (st && st->produces)
        for (const char *const *p = st->produces; *p; p++) {
            uint32_t li = layer_intern(doc, *p); /* may move doc->layer */
            doc->layer[li].prov = st->prov;
        }
    return 0;
}

/* ---------------------------------------------------------------- public */

const char *sp_doc_id(const sp_doc *doc, size_t *len)
{
    if (len)
        *len = doc->id_len;
    return doc->id;
}

const char *sp_doc_text(const sp_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text_len;
    return doc->text;
}

const json_t *sp_doc_meta(const sp_doc *doc)
{
    return doc->extra ? json_object_get(doc->extra, "meta") : NULL;
}

size_t sp_doc_char_offset(const sp_doc *doc, size_t byte)
{
    if (byte > doc->text_len)
        byte = doc->text_len; /* documented as a caller's error; stay in bounds */
    if (doc->ascii)
        return byte;
    /* The map is a cache: building it does not change the document, and a
     * document is only ever in one thread's hands. */
    return offmap_to_cp(doc_offmap((sp_doc *)doc), byte);
}

size_t sp_doc_span_count(const sp_doc *doc)
{
    return doc->nspans;
}

const sp_span *sp_doc_span(const sp_doc *doc, size_t i)
{
    return i < doc->nspans ? &doc->spans[i].pub : NULL;
}

const sp_span *sp_doc_first(const sp_doc *doc, const char *layer)
{
    uint32_t li = layer ? layer_find(doc, layer) : SPAN_NONE;
    if (li == SPAN_NONE || doc->layer[li].first == SPAN_NONE)
        return NULL;
    return &doc->spans[doc->layer[li].first].pub;
}

const sp_span *sp_doc_next(const sp_doc *doc, const sp_span *sp)
{
    const span *s = (const span *)sp;
    if (!sp || s < doc->spans || s >= doc->spans + doc->nspans)
        return NULL; /* not one of the committed spans */
    return s->next == SPAN_NONE ? NULL : &doc->spans[s->next].pub;
}

const sp_span *sp_doc_find(const sp_doc *doc, const char *id)
{
    if (!id)
        return NULL;
    const span *s = find_span(doc, id);
    return s ? &s->pub : NULL;
}
