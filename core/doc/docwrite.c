/*
 * docwrite.c — serialising a document by hand.
 *
 * The spans are written straight from the document model rather than built
 * as jansson objects and dumped: a tokenised document has tens of thousands
 * of spans, and one object per span would cost more than the stages do.
 * jansson writes only the values we hold as JSON anyway (attrs, meta, ...).
 */
#include "doc/docwrite.h"
#include "base/utf8.h"

#include <string.h>

static int dump_cb(const char *s, size_t n, void *data)
{
    buf_add(data, s, n);
    return 0;
}

/*
 * Compact JSON, as jansson's JSON_COMPACT writes it (keys in insertion order),
 * written here because attrs are written once per span and jansson's dumper
 * costs a callback per token.  Reals, rare in attrs, still go through jansson
 * so that their digits are exactly jansson's.
 */
void spi_json_add_value(buf *out, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        /* An iterator kept from step to step: json_object_foreach looks each
         * key up again to find the next one. */
        buf_addc(out, '{');
        int first = 1;
        for (void *it = json_object_iter((json_t *)v); it;
             it = json_object_iter_next((json_t *)v, it)) {
            if (!first)
                buf_addc(out, ',');
            first = 0;
            const char *k = json_object_iter_key(it);
            spi_json_add_string(out, k, strlen(k));
            buf_addc(out, ':');
            spi_json_add_value(out, json_object_iter_value(it));
        }
        buf_addc(out, '}');
        break;
    }
    case JSON_ARRAY: {
        size_t i;
        json_t *m;
        buf_addc(out, '[');
        json_array_foreach(v, i, m) {
            if (i)
                buf_addc(out, ',');
            spi_json_add_value(out, m);
        }
        buf_addc(out, ']');
        break;
    }
    case JSON_STRING:
        spi_json_add_string(out, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER: {
        json_int_t n = json_integer_value(v);
        if (n < 0) {
            buf_addc(out, '-');
            buf_add_u64(out, 0ull - (unsigned long long)n);
        } else
            buf_add_u64(out, (unsigned long long)n);
        break;
    }
    case JSON_TRUE: buf_adds(out, "true"); break;
    case JSON_FALSE: buf_adds(out, "false"); break;
    case JSON_NULL: buf_adds(out, "null"); break;
    case JSON_REAL:
        json_dump_callback(v, dump_cb, out, JSON_COMPACT | JSON_ENCODE_ANY);
        break;
    }
}

static void add_key(buf *out, const char *k)
{
    spi_json_add_string(out, k, strlen(k));
    buf_addc(out, ':');
}

/* The layers record: the input's, with what stages produced put in its place
 * or, for layers the input did not have, after it. */
static void write_layers(sp_doc *doc, buf *out)
{
    int any = 0;
    const char *k;
    json_t *v;
    buf_adds(out, ",\"layers\":{");
    json_object_foreach(doc->layers_in, k, v) {
        if (any)
            buf_addc(out, ',');
        any = 1;
        add_key(out, k);
        uint32_t li = doc_layer_find(doc, k, strlen(k));
        const char *prov = li == SPAN_NONE ? NULL : doc->layer[li].prov;
        if (prov)
            buf_adds(out, prov);
        else
            spi_json_add_value(out, v);
    }
    for (size_t i = 0; i < doc->nlayer; i++) {
        const layer_ent *l = &doc->layer[i];
        if (!l->prov || (doc->layers_in && json_object_get(doc->layers_in, l->name)))
            continue;
        if (any)
            buf_addc(out, ',');
        any = 1;
        add_key(out, l->name);
        buf_adds(out, l->prov);
    }
    buf_addc(out, '}');
}

static int has_layers(const sp_doc *doc)
{
    if (doc->layers_in)
        return 1;
    for (size_t i = 0; i < doc->nlayer; i++)
        if (doc->layer[i].prov)
            return 1;
    return 0;
}

/* A layer's name as a JSON string, made once per layer and document rather
 * than escaped once per span. */
static const layer_ent *layer_json(sp_doc *doc, uint32_t li)
{
    layer_ent *l = &doc->layer[li];
    if (!l->json_name) {
        buf b = BUF_INIT;
        size_t n = strlen(l->name);
        spi_json_add_string(&b, l->name, n);
        l->json_name = doc_strdup(doc, b.data, b.len);
        l->json_name_len = b.len;
        l->name_plain = b.len == n + 2;
        buf_free(&b);
    }
    return l;
}

/* A span's id.  One of the form "LAYER.N" of its own layer (not odd_id)
 * needs an escape only where its layer's name does: when the name needs
 * none, the id is copied without being looked at. */
static void add_span_id(buf *out, const layer_ent *l, const span *s)
{
    size_t n = strlen(s->pub.id);
    if (!s->odd_id && l->name_plain) {
        buf_addc(out, '"');
        buf_add(out, s->pub.id, n);
        buf_addc(out, '"');
    } else
        spi_json_add_string(out, s->pub.id, n);
}

void doc_write_json(sp_doc *doc, buf *out)
{
    const offmap *m = doc_offmap(doc);
    /* Room for about all of it at once (the text with its escapes, some 70
     * bytes a span without attrs), rather than growing by doubling, which
     * copied the document over and over. */
    buf_reserve(out, doc->text_len + doc->text_len / 16 + doc->nspans * 80 + 256);
    buf_adds(out, "{\"id\":");
    spi_json_add_string(out, doc->id, doc->id_len);
    buf_adds(out, ",\"text\":");
    if (doc->esc_known)
        spi_json_add_string_at(out, doc->text, doc->text_len, doc->esc, doc->nesc);
    else
        spi_json_add_string(out, doc->text, doc->text_len);
    const char *k;
    json_t *v;
    json_object_foreach(doc->extra, k, v) {
        buf_addc(out, ',');
        add_key(out, k);
        spi_json_add_value(out, v);
    }
    if (has_layers(doc))
        write_layers(doc, out);
    buf_adds(out, ",\"spans\":[");
    offwalk walk = OFFWALK_INIT;
    for (size_t i = 0; i < doc->nspans; i++) {
        const span *s = &doc->spans[i];
        if (i)
            BUF_LIT(out, ",{\"id\":");
        else
            BUF_LIT(out, "{\"id\":");
        const layer_ent *l = layer_json(doc, s->layer);
        add_span_id(out, l, s);
        BUF_LIT(out, ",\"layer\":");
        buf_add(out, l->json_name, l->json_name_len);
        size_t cs, ce;
        offmap_span_to_cp(m, &walk, s->pub.start, s->pub.end, &cs, &ce);
        BUF_LIT(out, ",\"start\":");
        buf_add_u64(out, cs);
        BUF_LIT(out, ",\"end\":");
        buf_add_u64(out, ce);
        if (s->pub.attrs) {
            BUF_LIT(out, ",\"attrs\":");
            spi_json_add_value(out, s->pub.attrs);
        }
        json_object_foreach(s->extra, k, v) {
            buf_addc(out, ',');
            add_key(out, k);
            spi_json_add_value(out, v);
        }
        buf_addc(out, '}');
    }
    buf_adds(out, "]}\n");
    /* The record waits in the ring until written: give back what the guess
     * above, or its doubling when short, left unused. */
    buf_trim(out);
}
